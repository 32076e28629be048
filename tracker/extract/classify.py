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
from tracker.extract.sanctions import sanctions
from tracker.extract.sentences import Clause
from tracker.extract.speakers import statement
from tracker.extract.view import View

_Builder = Callable[[View, Clause, list[Cue]], Draft | None]
_BUILDERS: tuple[tuple[str, _Builder], ...] = (("deal", deal), ("delivery", delivery))


def drafts(view: View) -> list[Draft]:
    """Drafts of every type in every clause of the sentence; the first speaker of a clause only."""
    if not view.cues:
        return []  # no cue word: nothing else of the sentence needs working out
    groups: dict[tuple[int, str], list[Cue]] = {}  # (clause index, type) -> cues, in text order
    for cue in view.cues:
        groups.setdefault((view.clause_of(cue.start), cue.etype), []).append(cue)
    out: list[Draft] = []
    for ci in sorted({ci for ci, _ in groups}):
        clause = view.clauses[ci]
        for etype, build in _BUILDERS:
            cues = groups.get((ci, etype))
            draft = build(view, clause, cues) if cues else None
            if draft is not None:
                out.append(draft)
        cues = groups.get((ci, "sanction"))
        if cues:
            out.extend(sanctions(view, clause, cues))  # one per target
        for cue in groups.get((ci, "statement"), ()):
            draft = statement(view, clause, cue)
            if draft is not None:
                out.append(draft)
                break
    return out
