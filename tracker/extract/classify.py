"""One sentence to draft events: the cues of each clause grouped by type, each group to a builder.

Each clause yields at most one draft per type, so a sentence like 'India
delivered BrahMos to the Philippines under a deal signed in 2022' gives a
delivery and a deal, each with its own date. The builders live beside this
module: ``deals``, ``deliveries``, ``sanctions``, ``speakers``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.extract.cues import Cue, is_verb
from tracker.extract.deals import deal
from tracker.extract.deliveries import co_suppliers, delivery, talks_deal
from tracker.extract.draft import Draft
from tracker.extract.items import WEAPON_NOUNS
from tracker.extract.more_deals import (
    another,
    co_buyers,
    ordered_then,
    priced_apart,
    second_sale,
    signed_before,
)
from tracker.extract.sanctions import sanctions
from tracker.extract.sentences import Clause
from tracker.extract.speakers import statement
from tracker.extract.view import View

# ', a move China condemned', ', a decision Moscow denounced as ...': a second speaker reacting to the
# event just told, in an appositive after the first statement of the clause
_APPOSITIVE = re.compile(
    r",\s+(?:in\s+)?(?:a|an)\s+(?:move|decision|step|measure|plan|action)\s+(?:that\s+|which\s+)?"
    r"(?:[\w.'’-]+\s+){1,4}$"
)
_Builder = Callable[[View, Clause, list[Cue]], Draft | None]
_BUILDERS: tuple[tuple[str, _Builder], ...] = (("deal", deal), ("delivery", delivery))


def drafts(view: View) -> list[Draft]:
    """Drafts of every type in every clause of the sentence; the first speaker of a clause only."""
    if not view.cues:
        return []  # no cue word: nothing else of the sentence needs working out
    groups: dict[tuple[int, str], list[Cue]] = {}  # (clause index, type) -> cues, in text order
    for cue in view.cues:
        groups.setdefault((view.clause_of(cue.start), cue.etype), []).append(cue)
    _relative_approvals(view, groups)
    _approved_apart(view, groups)
    out: list[Draft] = []
    for ci in sorted({ci for ci, _ in groups}):
        clause = view.clauses[ci]
        for etype, build in _BUILDERS:
            cues = groups.get((ci, etype))
            whole = _with_list(view, groups, ci) if etype == "deal" else clause
            parts = _trades(view, whole, cues) if cues and etype == "deal" else [(clause, cues or [])]
            for part, part_cues in parts:
                draft = build(view, part, part_cues) if part_cues else None
                if draft is not None:
                    out.append(draft)
                    if etype == "deal":
                        out.extend(priced_apart(view, part, draft))
                        out.extend(second_sale(view, part, draft))
                        out.extend(another(view, part, draft))
                        out.extend(signed_before(view, part, draft))
                        out.extend(co_buyers(view, part, draft))
                    else:
                        out.extend(co_suppliers(view, part, draft))
                        out.extend(talks_deal(view, draft))
                        out.extend(ordered_then(view, draft))
        cues = groups.get((ci, "sanction"))
        if cues:
            out.extend(sanctions(view, clause, cues))  # one per target
        said = None
        for cue in groups.get((ci, "statement"), ()):
            if said is not None and not _APPOSITIVE.search(view.text, said.cues[0].end, cue.start):
                continue
            draft = statement(view, clause, cue)
            if draft is not None and (
                said is None or draft.roles.get("speaker") != said.roles.get("speaker")
            ):
                out.append(draft)
                if said is not None:
                    break
                said = draft
    return out


def _with_list(view: View, groups: dict[tuple[int, str], list[Cue]], ci: int) -> Clause:
    """'approved two possible Foreign Military Sales to India: Javelin missiles for $41.8 million, and
    Excalibur projectiles for $47.1 million': the list after a colon holds the deal's goods and prices."""
    clause = view.clauses[ci]
    if ci + 1 >= len(view.clauses) or (ci + 1, "deal") in groups:
        return clause
    if not view.text[clause.end : clause.end + 3].lstrip().startswith(":"):
        return clause
    return Clause(clause.start, view.clauses[ci + 1].end, clause.opener)


def _approved_apart(view: View, groups: dict[tuple[int, str], list[Cue]]) -> None:
    """'Germany will send 14 Leopard 2 A6 tanks to Ukraine ... and approve requests from other European
    countries such as Poland to re-export theirs': goods moving under an approval after the delivery's verb
    are the approval's, another trade, not more of the first delivery."""
    for (ci, etype), cues in groups.items():
        if etype != "delivery" or len(cues) < 2:
            continue
        approval = next(
            (
                c
                for c in groups.get((ci, "deal"), ())
                if c.kind == "approve" and cues[0].end <= c.start and c.text.lower().startswith("approv")
            ),
            None,
        )
        if approval is not None:
            cues[:] = [c for c in cues if c.start < approval.start]


def _relative_approvals(view: View, groups: dict[tuple[int, str], list[Cue]]) -> None:
    """'condemns a US arms package for Taiwan ..., which the State Department approved on Friday': a
    relative clause that only approves or signs tells the state of the deal its noun names."""
    for ci, etype in list(groups):
        cues = groups[(ci, etype)]
        if etype != "deal" or not ci or view.clauses[ci].opener not in ("which", "that"):
            continue
        before = groups.get((ci - 1, "deal"))
        if (
            before
            and any(c.kind == "noun" for c in before)
            and all(c.kind in ("approve", "sign") for c in cues)
        ):
            before.extend(cues)
            del groups[(ci, etype)]


_AND = re.compile(r"\s(?:and|while)\s")
_TRADE_SIDE = ("from", "to")


def _trades(view: View, clause: Clause, cues: list[Cue]) -> list[tuple[Clause, list[Cue]]]:
    """'signed a contract to buy 30 Rafale jets from France and agreed to buy two FREMM frigates from
    Italy': two purchases from two sellers in one clause are two deals; the clause is cut at the 'and'
    before the second buying (or selling) verb when each half names goods (a known system or a goods
    noun) and its own side."""
    verbs = [c for c in cues if c.kind in ("buy", "sell") and is_verb(c, view.text)]
    if len(verbs) < 2:
        return [(clause, cues)]
    first, second = verbs[0], verbs[1]
    cut = None
    for m in _AND.finditer(view.text, first.end, second.start):
        cut = m.start()
    if cut is None:
        return [(clause, cues)]
    head, tail = Clause(clause.start, cut, clause.opener), Clause(cut, clause.end, "and")
    sides = []
    for part in (head, tail):
        s = view.slots
        found = [
            m.code
            for i, m in enumerate(s.mentions)
            if part.start <= m.start and m.end <= part.end and s.preps[i] in _TRADE_SIDE
        ]
        goods = view.within(part, view.items) or WEAPON_NOUNS.found(view.text, part.start, part.end)
        if not found or not goods:
            return [(clause, cues)]
        sides.append(found[0])
    if sides[0] == sides[1]:
        return [(clause, cues)]
    return [(head, [c for c in cues if c.start < cut]), (tail, [c for c in cues if c.start > cut])]
