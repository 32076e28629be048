"""Deliveries whose goods or sides were told before the clause: 'The tanks arrived at Taipei port on
Sunday', 'The first batch of six aircraft ... arrived on March 4', 'Deliveries are expected to begin in
2028', '200 T-72 tanks that Warsaw sent to Ukraine', 'the submarine that Vietnam ordered from Russia
arrived'. Each is kept as an anaphoric draft that takes what it lacks from the trade told before it
(``sides``, ``merging``).
"""

from __future__ import annotations

import re

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract import statuses
from tracker.extract.cues import Cue
from tracker.extract.delivery_roles import ARRIVE, NOUN_USE, delivery_roles
from tracker.extract.draft import Draft
from tracker.extract.items import ItemMention
from tracker.extract.sentences import Clause
from tracker.extract.view import View

# 'deliveries are expected to begin', 'deliveries to begin next year', 'shipments will start'
_BEGIN_LATER = re.compile(
    r"\s+(?:(?:(?:are|is)\s+(?:expected|scheduled|due|set|slated|planned)\s+to|to|will|should|would)\s+"
    r"(?:begin|start|commence)\b|"
    # 'Deliveries are expected from 2027'
    r"(?:are|is)\s+(?:expected|scheduled|due|set|slated|planned)\s+(?:from|in|by|for|between|next|before)\b)",
    re.IGNORECASE,
)

# 'adding that the first jets would arrive next year', 'the first eight aircraft would arrive in 2028'
_WILL_ARRIVE = re.compile(
    r"\b(?:the|its|their)\s+first\s+(?:[\w-]+\s+){0,3}?(?:would|will|should|(?:is|are)\s+(?:expected|due|set|"
    r"scheduled)\s+to)\s+$",
    re.IGNORECASE,
)

# 'The first battery is expected to be delivered', 'The first 24 units are to be shipped'
_TO_BE = re.compile(
    r"\W*(?:The|Its|Their)\s+(?:[\w-]+\s+){0,4}?(?:(?:is|are)\s+"
    r"(?:(?:expected|scheduled|due|set|slated|planned)\s+)?to|will|would|should)\s+be\s+$",
    re.IGNORECASE,
)

# 'The jets, bought under a contract signed in 2016, landed at Makurdi air base on Tuesday'
THE_GOODS_SUBJECT = re.compile(
    r"(?:The|These|Those)\s+(?:[\w-]+\s+){0,2}(?:jets|aircraft|equipment|ships?|vessels?|systems?|tanks|"
    r"helicopters|missiles|batter(?:y|ies)|drones|submarines?|frigates?|boats?|howitzers|launchers|fighters)\b"
)


def the_goods_arrived(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """Goods of the delivery told before, named by a definite subject, arriving: the day of that
    delivery (``merging`` folds it in; with no delivery before it, it is dropped)."""
    if not all(cue_words.ARRIVED.match(c.text) for c in cues) or view.is_title:
        return None
    if THE_GOODS_SUBJECT.match(view.text) is None:
        return None
    return Draft("delivery", view, clause, cues, {}, anaphoric=True)


_HEAD_NOUN = re.compile(r"\s*(?:[a-z][\w-]*\s+){0,2}$")


def antecedent(view: View, clause: Clause) -> list[ItemMention]:
    """The goods a relative clause is about: named right before it, with at most their nouns between."""
    return [
        it
        for it in view.items
        if it.end <= clause.start and _HEAD_NOUN.fullmatch(view.text, it.end, clause.start)
    ]


# 'The first squadron arrived in December 2021', 'The second batch was delivered in May': a part of the
# goods told before, named by its unit
_UNIT_BEFORE = re.compile(
    r"^\W*(?:(?:and|but)\s+)?(?:The|A|Its|Their)\s+(?:first|second|third|fourth|fifth|next|last|final|latest|new|initial)\s+"
    r"(?:\w+\s+)?(?:squadron|batch|battery|regiment|unit|consignment|shipment|tranche|lot|ship|vessel|"
    r"frigate|submarine|corvette|boat)s?"
    r"(?:\s+of\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"  # 'The first batch of six aircraft'
    # 'The first ship, PNS Tughril, was delivered in November'; '..., part of an order placed last year,'
    r"(?:\s*,\s*[^,]{1,60},)?\s+"
    r"(?:(?:was|were|has been|have been|had been)\s+)?$",
    re.IGNORECASE,
)


def unit_of_goods_before(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """A unit of the goods told before that arrived or was delivered on a day of its own: an anaphoric
    delivery, whose sides and goods are the trade's before it (``sides``)."""
    head = view.text[clause.start : cues[0].start]
    # '... signed the contract in October 2018, and the first squadron was delivered in December 2021'
    tail = head[head.rfind(", ") + 2 :] if ", " in head else ""
    # ('The first ship, PNS Tughril, was delivered': the subject split off as a clause of its own)
    whole = view.text[: cues[0].start]
    if not any(_UNIT_BEFORE.match(part) for part in (head, tail, whole)):
        return None
    if not any(clause.start <= dm.start < clause.end for dm in view.dates):
        return None
    draft = Draft("delivery", view, clause, cues, {}, anaphoric=True)
    stop = view.text.find(", ", cues[-1].end, clause.end)
    draft.status = statuses.delivery_status(
        view.text[clause.start : cues[-1].end + 25],
        view.text[clause.start : stop if stop > 0 else clause.end],
        cues,
    )
    return draft


def planned_bare(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """'Deliveries are expected to begin in 2028', 'with deliveries to begin next year', 'The first 24
    units are to be shipped to Poland this year': a dated plan that names no goods delivers those of
    the deal named before (``sides``), so it is kept with whatever side it names."""
    # ('the first eight aircraft would arrive in 2028': the goods of the deal before)
    arrive = next((c for c in cues if ARRIVE.match(c.text)), None)
    arriving = arrive is not None and _WILL_ARRIVE.search(view.text, clause.start, arrive.start) is not None
    give = next((c for c in cues if c.kind == "give"), arrive if arriving else None)
    if give is None:
        return None
    noun = NOUN_USE.match(give.text) and _BEGIN_LATER.match(view.text, give.end)
    # ('... signed the intergovernmental agreement in New Delhi, and the first jets are due to be delivered
    # in 2019': the plan told after the clause's other act)
    start = view.text.rfind(", and ", clause.start, give.start)
    start = clause.start if start == -1 else start + 6
    if not noun and not arriving and not _TO_BE.match(view.text[start : give.start]):
        return None
    if not any(clause.start <= dm.start < clause.end for dm in view.dates):
        return None
    roles = delivery_roles(view, clause, cues, [])
    roles.pop("supplier", None)  # nothing before the verb but the goods: no supplier in the clause
    return Draft("delivery", view, clause, cues, roles, status="planned", anaphoric=True)


def ordered_then_arrived(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """Goods named before a relative clause that tells who ordered them from whom, and then that they
    arrived: the orderer receives from the seller, on the day of the arrival."""
    arrive = next((c for c in cues if c.kind == "get" and ARRIVE.match(c.text)), None)
    ci = view.clause_of(clause.start)
    if arrive is None or clause.opener != "that" or ci == 0:
        return None
    buy = next((c for c in view.cues if clause.start <= c.start < arrive.start and c.etype == "deal"), None)
    if buy is None or buy.kind != "buy":
        return None
    inside = [m for m in view.slots.mentions if clause.start <= m.start < buy.start]
    source = r.after(view.slots, Clause(buy.end, arrive.start, ""), buy.end, ("from",))
    goods = view.within(view.clauses[ci - 1], view.items)
    if len(inside) != 1 or source is None or not goods or source.code == inside[0].code:
        return None
    roles: dict[str, object] = {"supplier": source.code, "recipient": inside[0].code}
    draft = Draft("delivery", view, clause, [arrive], roles, items=goods)
    window = view.text[view.clauses[ci - 1].start : arrive.end]
    draft.status = statuses.delivery_status(window, window, [arrive])
    return draft
