"""More than one deal in a clause: a second order of the same goods ('and another 30 in 2021'), the
signing of a contract called off, an order a relative clause dates, a second sale after 'and' or
priced apart, one sale per state buying. Each takes the deal ``deals.deal`` read and returns the
deals it holds besides.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract.deal_gates import YEAR_NOUN
from tracker.extract.deals import counted
from tracker.extract.draft import Draft
from tracker.extract.sentences import Clause
from tracker.extract.view import View

_AND_SALE_OF = re.compile(
    r",?\s+and\s+(?:of\s+|an?\s+(?:separate\s+|second\s+|further\s+)?(?:[$€£][\d.,]+\s*(?:billion|million|bn)\s+)?"
    r"(?:potential\s+|possible\s+)?sale\s+of\s+)",
    re.IGNORECASE,
)

_ANOTHER = re.compile(r"\band\s+(?:another|a further)\s+(\d{1,4})\b")


def another(view: View, clause: Clause, draft: Draft) -> list[Draft]:
    """'Egypt bought 24 Rafale jets in 2015 and another 30 in 2021': a second order of the same goods
    with a date of its own is a deal of its own; each takes the dates of its half of the clause."""
    m = _ANOTHER.search(view.text, clause.start, clause.end)
    if m is None or len(draft.items) != 1 or not any(m.end() <= d.start < clause.end for d in view.dates):
        return []
    draft.date_span = (clause.start, m.start())
    second = Draft("deal", view, clause, draft.cues, dict(draft.roles), status=draft.status)
    second.items = [draft.items[0]._replace(quantity=int(m.group(1)))]
    second.date_span = (m.end(), clause.end)
    return [second]


def signed_before(view: View, clause: Clause, draft: Draft) -> list[Draft]:
    """'Australia on Thursday scrapped a 2016 contract with France's Naval Group': the contract called
    off was signed in its year, a development of its own (the signing of the deal cancelled)."""
    if draft.status != "cancelled":
        return []
    m = YEAR_NOUN.search(view.text, clause.start, clause.end)
    if m is None or m.start() < draft.cues[0].end:
        return []
    year = next((d for d in view.dates if m.start() <= d.start < m.end()), None)
    if year is None:
        return []
    draft.date_span = (clause.start, year.start)
    signed = Draft("deal", view, clause, draft.cues, dict(draft.roles), status="signed")
    signed.items, signed.value, signed.background = list(draft.items), draft.value, True
    signed.date_span = (year.start, year.end)
    return [signed]


def ordered_then(view: View, delivery: Draft) -> list[Draft]:
    """'The first five of the 36 Rafale fighter jets that India ordered from France in 2016 landed at
    Ambala on Wednesday': the order a relative clause dates is a deal of its own, signed in its year."""
    arrive, clause = delivery.cues[0], delivery.clause
    if clause.opener != "that" or not cue_words.ARRIVED.match(arrive.text) or not delivery.items:
        return []
    buy = next((c for c in view.cues if clause.start <= c.start < arrive.start and c.etype == "deal"), None)
    if buy is None or buy.kind != "buy" or not any(buy.end <= d.start < arrive.start for d in view.dates):
        return []
    roles: dict[str, object] = {
        "buyer": delivery.roles.get("recipient"),
        "seller": delivery.roles.get("supplier"),
    }
    if None in roles.values():
        return []
    before = view.clauses[view.clause_of(clause.start) - 1]
    goods = counted(view, before, [i._replace(quantity=None) for i in delivery.items[:1]])
    deal = Draft("deal", view, clause, [buy], roles, status="signed", items=goods)
    deal.date_span, deal.background = (buy.end, arrive.start), True
    return [deal]


def second_sale(view: View, clause: Clause, draft: Draft) -> list[Draft]:
    """'approved the potential sale of 300 Patriot missiles to Saudi Arabia for $3.05 billion and of THAAD
    equipment to the United Arab Emirates for $2.25 billion': a sale of other goods to another state
    after 'and' is a deal of its own; the draft keeps the first half."""
    m = _AND_SALE_OF.search(view.text, draft.cues[0].end, clause.end)
    seller = draft.roles.get("seller")
    if m is None or "buyer" not in draft.roles or seller is None:
        return []
    half = Clause(m.end(), clause.end, clause.opener)
    buyer = r.after(view.slots, half, m.end(), ("to", "for"))
    items = [it for it in draft.items if it.start >= m.end()]
    if buyer is None or buyer.code in (seller, draft.roles["buyer"]) or not items:
        return []
    money = [x for x in view.money if m.start() <= x.start < clause.end]
    draft.items = [it for it in draft.items if it.start < m.start()] or draft.items
    if draft.value is not None and money and draft.value.start >= m.start():
        draft.value = next((x for x in view.money if clause.start <= x.start < m.start()), None)
    roles: dict[str, object] = {"buyer": buyer.code, "seller": seller}
    second = Draft("deal", view, clause, draft.cues, roles, status=draft.status)
    second.items, second.value = items, money[0] if money else None
    return [second]


def priced_apart(view: View, clause: Clause, draft: Draft) -> list[Draft]:
    """'signed deals to buy 24 MH-60R helicopters for $2.6 billion and six AH-64E Apaches for $800
    million': goods each followed by a price of their own are purchases of their own; the draft is
    the first, the others are returned."""
    items = sorted(draft.items, key=lambda it: it.start)
    money = view.within(clause, view.money)
    if len(money) == len(items) + 1 and items and money[0].end <= items[0].start:
        money = money[1:]  # 'deals worth over $3 billion, including 24 MH-60R ... for $2.6 billion'
    if len(items) < 2 or len(money) != len(items):
        return []
    bounds = [it.start for it in items[1:]] + [clause.end]
    if not all(it.end <= m.start < end for it, m, end in zip(items, money, bounds, strict=True)):
        return []
    draft.items, draft.value = [items[0]], money[0]
    return [replace(draft, items=[it], value=m) for it, m in zip(items[1:], money[1:], strict=True)]


def co_buyers(view: View, clause: Clause, draft: Draft) -> list[Draft]:
    """'in talks with Vietnam and Indonesia on sales of the BrahMos': one sale per state buying."""
    others = r.coordinated(view.slots, clause, draft.roles.get("buyer"), draft.roles.get("seller"))
    return [replace(draft, roles={**draft.roles, "buyer": code}) for code in others]
