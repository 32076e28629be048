"""What one mention of a development lends another before they are merged: sides, goods and counts.

A delivery's supplier is the deal's seller and its recipient the buyer; 'the jets' are the goods of
the trade told before and 'the first six of 36' counts the order (``trade_goods``); a sanction
'also' imposed has the imposer of the one before (``sanction_sides``). Each helper fills in only
what a draft leaves open (``infer_sides``); ``merging`` then folds the drafts of one development
together.
"""

from __future__ import annotations

import re
from typing import cast

from tracker.extract.amounts import parse_quantity
from tracker.extract.cues import WAR_IN
from tracker.extract.draft import Draft
from tracker.extract.items import ItemMention
from tracker.extract.sanction_sides import (
    also_sanctioned,
    decision_dated,
    goods_sanctioned_for,
    sanctioned_buyer,
)
from tracker.extract.trade_goods import (
    COUNT_OF,
    definite_goods,
    generic_count,
    goods_of,
    goods_of_deal_before,
    order_count,
    seller_of_goods,
    shares_item,
    trade_sides,
)

_SIDES = {("delivery", "supplier"): "seller", ("delivery", "recipient"): "buyer"}


def infer_sides(ds: list[Draft]) -> list[Draft]:
    """Deliveries and deals borrow missing sides from each other (same sentence, or same item); a
    sanction 'also' imposed borrows the imposer of the one before."""
    also_sanctioned(ds)
    decision_dated(ds)
    sanctioned_buyer(ds)
    trades = [d for d in ds if d.etype in ("deal", "delivery")]
    _approver_of_earlier_sale(trades)
    _deal_behind_delivery(trades)
    _sides_of_trade_before(trades)
    _also_dated(trades)
    definite_goods(trades)
    goods_sanctioned_for(ds)
    _bought_from_not_maker(trades)
    seller_of_goods(trades)
    _home_recipient(trades)
    order_count(trades)
    generic_count(trades)
    for d in (d for d in trades if d.etype == "delivery"):
        if d.anaphoric and (not d.roles or (d.status == "planned" and not d.items)):
            goods_of_deal_before(d, trades)
        for other in trades:
            if other is d or not (shares_item(d, other) or other.view is d.view):
                continue
            _borrow(d, other)
            pact = "parties" in other.roles
            _borrow(other, d)
            if pact and "parties" not in other.roles:
                # ('Ankara, which signed the deal with Moscow in 2017 and began taking delivery ...': the
                # parties became buyer and seller by the delivery's recipient, and the seller supplies)
                _borrow(d, other)
            if (
                other.etype == "deal"
                and other.view is d.view
                and d.items
                and not other.items
                and _sides_agree(d, other)
            ):
                # 'delivered the first batch of BrahMos missiles ..., two years after the two countries
                # signed a $375 million deal': the deal's goods are the delivery's
                other.items = goods_of(d)
                count = COUNT_OF.search(other.view.text, other.clause.start, other.clause.end)
                if count is not None and len(other.items) == 1:
                    # '..., under a contract signed in February 2020 for six of the gunships'
                    other.items = [other.items[0]._replace(quantity=parse_quantity(count.group("n")))]
    for d in trades:
        if d.etype == "delivery" and any(it.quantity for it in d.items):
            d.items = [_one_of_whole(d.view.text, it) for it in d.items]
    return ds


_ORDINAL_OF = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|last|final)\s+of\s+(?:the\s+)?(?:\w+\s+)$", re.IGNORECASE
)


_FROM_RIGHT_AFTER = re.compile(r"^\s+from\s+(?:the\s+)?$", re.IGNORECASE)


def _bought_from_not_maker(trades: list[Draft]) -> None:
    """'The aircraft, bought from Pakistan, which co-produces the JF-17 with China, arrived in Nigeria':
    goods told as bought from a state come from it, not from the maker the gazetteer names, in every
    trade of those goods the article tells."""
    sellers: dict[str, str] = {}
    for d in trades:
        buy = next((c for c in d.cues if c.kind == "buy"), None)
        seller = d.roles.get("seller")
        if d.etype != "deal" or buy is None or not isinstance(seller, str) or not d.items:
            continue
        after = next((m for m in d.view.slots.mentions if m.start >= buy.end), None)
        if (
            after is not None
            and after.code == seller
            and _FROM_RIGHT_AFTER.match(d.view.text[buy.end : after.start])
        ):
            for it in d.items:
                if it.maker and it.maker != seller:
                    sellers[it.name] = seller
    for d in trades:
        role = "seller" if d.etype == "deal" else "supplier"
        made = {it.maker for it in d.items if it.name in sellers}
        if len(made) == 1 and d.roles.get(role) in made:
            source = next(sellers[it.name] for it in d.items if it.name in sellers)
            if d.roles.get("buyer" if d.etype == "deal" else "recipient") != source:
                d.roles[role] = source


def _one_of_whole(text: str, item: ItemMention) -> ItemMention:
    """'took delivery of INS Oz, the second of four Sa'ar 6 corvettes': the four are the order's, the
    delivery is of one of them."""
    if item.quantity and _ORDINAL_OF.search(text, max(0, item.start - 40), item.start):
        return item._replace(quantity=None)
    return item


def _sides_agree(delivery: Draft, deal: Draft) -> bool:
    """Whether a delivery may be of a deal's goods: 'Islamabad bought the multi-role jets from Beijing
    ..., amid tensions with India, which received its first Rafale jets in 2020': a delivery between
    other states is of other goods."""
    pairs = (
        (delivery.roles.get("supplier"), deal.roles.get("seller")),
        (delivery.roles.get("recipient"), deal.roles.get("buyer")),
    )
    return not any(mine is not None and theirs is not None and mine != theirs for mine, theirs in pairs)


# 'The delivery is part of a USD375 million contract', 'The shipment comes under a 2022 deal'
_DELIVERY_PART_OF = re.compile(
    r"^\W*(?:The|This|That|Its|Their)\s+(?:first\s+|latest\s+|initial\s+)?"
    r"(?:delivery|deliveries|shipment|handover|transfer|consignment|batch)\s+"
    r"(?:is|was|are|were|comes?|came|forms?|formed)\s+(?:part\s+of|under)\b"
)


def _deal_behind_delivery(trades: list[Draft]) -> None:
    """'The delivery is part of a USD375 million contract signed in January 2022': the deal behind
    the delivery told before has its sides and goods."""
    for n, d in enumerate(trades):
        if d.etype != "deal" or not _DELIVERY_PART_OF.match(d.view.text):
            continue
        before = [t for t in trades[:n] if t.etype == "delivery" and t.view is not d.view and t.roles]
        if not before:
            continue
        last = before[-1]
        if d.roles.get("buyer", last.roles.get("recipient")) != last.roles.get("recipient"):
            continue
        for mine, theirs in (("seller", "supplier"), ("buyer", "recipient")):
            if mine not in d.roles and theirs in last.roles:
                d.roles[mine] = last.roles[theirs]
        if not d.items:
            d.items = goods_of(last)


def _sides_of_trade_before(trades: list[Draft]) -> None:
    """'Australia has taken delivery of its first HIMARS launchers from the United States. Canberra
    ordered 42 of the launchers last year': a deal that names one side trades with the other side of
    the trade told in the two sentences before that has that state on a side and the same goods (or
    names none). 'A deal with Vietnam worth $700 million could be signed soon' after India's talks
    with Vietnam on sales: Vietnam buys, as it did before, whatever 'with' suggested."""
    for n, d in enumerate(trades):
        _sides_of_parties(d, trades[:n])
        # '..., completing a contract signed in 2019': the delivery of the same sentence, told first or not
        _sides_of_sideless(d, trades[:n] + [t for t in trades[n + 1 :] if t.view is d.view])
        sides = [d.roles.get("buyer"), d.roles.get("seller")]
        if d.etype != "deal" or d.view.is_title or "parties" in d.roles or all(sides) or not any(sides):
            continue
        state = sides[0] or sides[1]
        before = [
            t
            for t in trades[:n]
            if not t.view.is_title
            and d.view.sentence.start - t.view.sentence.end <= 400
            and (not d.items or shares_item(d, t))
            and all(trade_sides(t))
            and state in trade_sides(t)
        ]
        if not before:
            continue
        last = before[-1]
        if d.status == "planned" and d.occurred is None and last.status not in (None, "planned"):
            continue  # 'has not yet signed a contract for the U.S. jets': the approved sale, still pending
        d.roles["buyer"], d.roles["seller"] = trade_sides(last)
        if not d.items and last.items:
            count = COUNT_OF.search(d.view.text, d.clause.start, d.clause.end)
            quantity = parse_quantity(count.group("n")) if count else None
            d.items = [i._replace(quantity=quantity) for i in last.items[:1]] + goods_of(last)[1:]


_ALSO = re.compile(r"\balso\s+(?:\w+\s+)?$", re.IGNORECASE)


def _home_recipient(trades: list[Draft]) -> None:
    """'BERLIN - The first Arrow 3 system handed over by Israel was put into service on Wednesday': goods
    a foreign state hands over, to nobody the sentence names, go to the article's own state."""
    for d in trades:
        home = d.view.home
        supplier = d.roles.get("supplier")
        if d.etype != "delivery" or "recipient" in d.roles or not supplier or not d.items or not home:
            continue
        named = {
            m.code
            for m in d.view.slots.mentions
            if d.clause.start <= m.start < d.clause.end
            and not WAR_IN.search(d.view.text, max(0, m.start - 30), m.start)
        }
        told = [
            t.roles["recipient"]
            for t in trades
            if t.roles.get("supplier") == supplier and "recipient" in t.roles
        ]
        if told:
            continue  # '"Iran has now sent these missiles," he said': to the recipient told of (``merge``)
        # 'Germany will send 14 Leopard 2 tanks to Ukraine ..., while President Joe Biden announced that the
        # United States would supply 31 M1 Abrams tanks': the same sentence's recipient, not the dateline's
        beside = [
            t.roles["recipient"]
            for t in trades
            if t is not d and t.etype == "delivery" and t.view is d.view and t.roles.get("recipient")
        ]
        if beside and beside[0] != supplier:
            d.roles["recipient"] = beside[0]
        elif home != supplier and named <= {supplier, home}:
            d.roles["recipient"] = home


def _also_dated(trades: list[Draft]) -> None:
    """'The US State Department approved late Friday the sale of F-16s to Turkey. The department also
    notified Congress of the sale of F-35s to Greece': 'also' tells the same occasion, so an undated
    trade takes the day of the trade of its type told just before with a side in common."""
    for n, d in enumerate(trades):
        if d.occurred is not None or not _ALSO.search(d.view.text, d.clause.start, d.cues[0].start):
            continue
        mine = set(trade_sides(d)) - {None}
        for t in reversed(trades[:n]):
            if t.etype == d.etype and t.view is not d.view and mine & set(trade_sides(t)):
                d.occurred = t.occurred
                break


def _sides_of_sideless(d: Draft, before: list[Draft]) -> None:
    """'The frigates are being built under a contract signed in June 2017': a dated deal that names no
    side is one between the sides of the trade told just before (a delivery's supplier sells), with
    its goods; a date of its own keeps it apart from that trade's deal (``merge``)."""
    if d.etype != "deal" or d.roles or d.occurred is None or d.view.is_title or d.status in (None, "planned"):
        # 'The deal ... includes training, with deliveries due from 2031': the day is theirs; 'The
        # contract is expected to be signed early next year': the deal before, its target day
        return
    for t in reversed(before):
        if t.view.is_title or d.view.sentence.start - t.view.sentence.end > 400:
            continue
        buyer, seller = trade_sides(t)
        if buyer and seller:
            d.roles.update(buyer=buyer, seller=seller)
            if not d.items:
                d.items = goods_of(t)
            return


def _sides_of_parties(d: Draft, before: list[Draft]) -> None:
    """'Cairo agreed the $2 billion deal for 20 of the jets with Moscow': two parties that a trade told
    before names as buyer and seller keep those roles, and its goods."""
    parties = d.roles.get("parties")
    if d.etype != "deal" or not isinstance(parties, list) or len(parties) != 2:
        return
    for t in reversed(before):
        sides = trade_sides(t)
        if set(parties) == set(sides) and not t.view.is_title:
            d.roles.pop("parties")
            d.roles["buyer"], d.roles["seller"] = sides
            if not d.items and t.items:
                count = COUNT_OF.search(d.view.text, d.clause.start, d.clause.end)
                quantity = parse_quantity(count.group("n")) if count else None
                d.items = [i._replace(quantity=quantity) for i in t.items[:1]] + goods_of(t)[1:]
            return


def _approver_of_earlier_sale(trades: list[Draft]) -> None:
    """'..., the department also cleared the sale of 40 F-35 jets to Greece': an approved sale with a
    buyer and no seller is approved by whoever approved the sale named before it."""
    for n, d in enumerate(trades):
        if d.etype != "deal" or d.status != "announced" or "buyer" not in d.roles or "seller" in d.roles:
            continue
        before = [
            t for t in trades[:n] if t.etype == "deal" and t.status == "announced" and "seller" in t.roles
        ]
        if before and before[-1].roles["seller"] != d.roles["buyer"]:
            d.roles["seller"] = before[-1].roles["seller"]


def _borrow(d: Draft, other: Draft) -> None:
    """A delivery's supplier is the deal's seller, its recipient the buyer (and the other way)."""
    same = d.etype == "delivery" and other.etype == "deal" and other.view is d.view
    # ('Canada will buy a U.S.-made NASAMS system and donate it to Ukraine': the buyer passes it on)
    buyer, seller = other.roles.get("buyer"), other.roles.get("seller")
    onward = d.roles.get("recipient") not in (None, buyer, seller)
    if same and seller is not None and d.roles.get("supplier") == buyer and not onward:
        d.roles["supplier"] = other.roles["seller"]  # 'an order from Lithuania ..., to be delivered'
    for (etype, role), deal_role in _SIDES.items():
        mine, theirs = (role, deal_role) if d.etype == etype else (deal_role, role)
        source_role = theirs if other.etype != d.etype else mine
        if mine not in d.roles and source_role in other.roles:
            if (
                d.etype == "deal"
                and "parties" in d.roles
                and other.roles[source_role] not in cast(list[str], d.roles["parties"])
            ):
                continue
            d.roles[mine] = other.roles[source_role]
    if d.etype == "deal":
        sides_from_parties(d.roles)


def sides_from_parties(roles: dict[str, object]) -> None:
    """Parties and one side ('Britain and Ukraine have agreed a deal', 'Ukraine to buy ... British
    missiles'): the other party is the other side; once both sides are known the parties go."""
    parties = roles.get("parties")
    if isinstance(parties, list) and len(parties) == 2:
        for side, other in (("buyer", "seller"), ("seller", "buyer")):
            if roles.get(side) in parties and other not in roles:
                roles[other] = next(p for p in parties if p != roles[side])
    elif isinstance(parties, list) and len(parties) > 2 and ("buyer" in roles) != ("seller" in roles):
        roles.pop("buyer", None)  # 'Japan, Britain and Italy signed a treaty': parties, none buying
        roles.pop("seller", None)
    if "buyer" in roles and "seller" in roles:
        roles.pop("parties", None)
