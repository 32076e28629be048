"""One sentence to draft events: the cues of each clause grouped by type, each group to a builder.

Each clause yields at most one draft per type, so a sentence like 'India
delivered BrahMos to the Philippines under a deal signed in 2022' gives a
delivery and a deal, each with its own date. The builders live beside this
module: ``deals``, ``deliveries``, ``sanctions``, ``speakers``.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.extract.cues import Cue
from tracker.extract.deals import deal
from tracker.extract.deliveries import delivery
from tracker.extract.draft import Draft
from tracker.extract.sanctions import sanction
from tracker.extract.sentences import Clause
from tracker.extract.speakers import statement
from tracker.extract.view import View

_Builder = Callable[[View, Clause, list[Cue]], Draft | None]
_BUILDERS: tuple[tuple[str, _Builder], ...] = (("deal", deal), ("delivery", delivery), ("sanction", sanction))


def drafts(view: View) -> list[Draft]:
    """Drafts of every type in every clause of the sentence; the first speaker of a clause only."""
    if not view.cues:
        return []  # no cue word: nothing else of the sentence needs working out
    by_clause: dict[int, list[Cue]] = {}
    for cue in view.cues:
        by_clause.setdefault(view.clause_of(cue.start), []).append(cue)
    out: list[Draft] = []
    for ci, clause in enumerate(view.clauses):
        in_clause = by_clause.get(ci, [])
        for etype, build in _BUILDERS:
            cues = [c for c in in_clause if c.etype == etype]
            draft = build(view, clause, cues) if cues else None
            if draft is not None:
                out.append(draft)
        for cue in (c for c in in_clause if c.etype == "statement"):
            draft = statement(view, clause, cue)
            if draft is not None:
                out.append(draft)
                break
    return out
