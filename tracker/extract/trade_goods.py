"""The goods one mention of a trade lends another before they are merged (``sides``): 'the jets' are
the goods of the trade told before, and so is their seller; 'the first six of 36' and 'part of an order
for 18' count the order; two trades of the same goods are one development's (``shares_item``).
"""

from __future__ import annotations

import re

from tracker.extract.amounts import _WORD_NUM, parse_quantity
from tracker.extract.cues import FOR_BEFORE
from tracker.extract.draft import Draft
from tracker.extract.gazetteer import system_name
from tracker.extract.items import ItemMention

_FIRST_N = re.compile(r"\b[Ff]irst\s+(\d{1,4})\s")

# 'handed over the first two of 24 MH-60R helicopters': a part, counted against the whole order
_PART_OF_WHOLE = re.compile(
    r"\b(?:(?:first|last|remaining)\s+(?P<part>\w+\s+)?of\s+(?:the\s+)?"
    # ('..., part of an order for 13 placed in April', 'the first of two warships Cairo bought in June')
    r"|part\s+of\s+an?\s+(?:order|contract|deal)\s+for\s+(?:the\s+)?)"
    r"(?P<whole>\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
)


def order_count(trades: list[Draft]) -> None:
    """'India signed the $2.4 billion deal for the helicopters' after 'handed over the first two of 24
    MH-60R helicopters': a deal for the goods of a delivery told as a part of a whole counts the whole."""
    for d in trades:
        if d.etype != "deal" or len(d.items) != 1:
            continue
        for t in trades:
            if t.etype != "delivery" or not any(it.name == d.items[0].name for it in t.items):
                continue
            part = next((it.quantity for it in t.items if it.name == d.items[0].name), None)
            # ('Six A-29 aircraft arrived ..., the first batch of 12 bought from the United States under a
            # deal': the count of the clause is the batch's, not the order's)
            if d.items[0].quantity is not None and (t.view is not d.view or d.items[0].quantity != part):
                continue
            whole = _PART_OF_WHOLE.search(t.view.text, t.clause.start, t.clause.end)
            if whole is not None:
                d.items = [d.items[0]._replace(quantity=parse_quantity(whole["whole"]))]
                if part == d.items[0].quantity and not whole["part"]:
                    # 'delivered the first of two FREMM frigates': one of them, not two
                    t.items = [it._replace(quantity=None) for it in t.items]
                break


def generic_count(trades: list[Draft]) -> None:
    """'plans to buy four of the jets', 'buying five units of the system': a deal for one kind of goods
    counted by a generic noun after its cue."""
    for d in trades:
        if d.etype != "deal" or len(d.items) != 1 or d.items[0].quantity is not None:
            continue
        count = next(
            (
                n
                for c in d.cues
                if (n := COUNT_OF.match(d.view.text, _after_for(d.view.text, c.end + 1))) is not None
                and n.end() <= d.clause.end
            ),
            None,
        )  # right after the verb: not 'covering four sets of six drones', nor 'more than 20 of the jets'
        if count is None:
            continue
        quantity = parse_quantity(count.group("n"))
        if quantity is not None and quantity > 1:
            d.items = [d.items[0]._replace(quantity=quantity)]


_FOR = re.compile(r"for\s+")


def _after_for(text: str, pos: int) -> int:
    """Past a 'for' after a deal noun: 'part of an order for 36 jets that Iraq placed in 2011'."""
    found = _FOR.match(text, pos)
    return found.end() if found else pos


# 'ordered 42 of the launchers', 'the contract for five squadrons': the count of the goods told before
COUNT_OF = re.compile(
    # ('for more than 20 of the jets': no exact count)
    r"(?<!more than )(?<!at least )(?<!up to )(?<!nearly )(?<!about )(?<!around )(?<!almost )(?<!over )"
    rf"\b(?P<n>\d[\d,]*|{_WORD_NUM})\s+(?:of\s+the|more|(?:[\w-]+\s+)?(?:squadrons|batteries|units|systems|"
    r"warships|ships|vessels|frigates|corvettes|submarines|jets|aircraft|fighters|helicopters|tanks|"
    r"launchers|missiles|drones|guns|howitzers|vehicles|boats|planes|engines|gunships))\b",
    re.IGNORECASE,
)

# 'Rabat signed the $500 million contract with Israel Aerospace Industries in 2022': the deal of the goods
_THE_DEAL = re.compile(r"\bthe\s+(?:[$€£][\w.,]+\s+(?:\w+\s+)?)?(?:contract|deal|order|agreement)\b")


# 'the jets', 'those same systems', 'the remaining missiles': goods told before
THE_GOODS = re.compile(
    r"\b(?:the|these|those)\s+(?:same\s+|(?:final|last|first|remaining|other|[\w-]+)\s+(?:[\w-]+\s+)?)?"
    r"(?:system|systems|jets|aircraft|drones|missiles|tanks|"
    r"launchers|ships|vessels|helicopters|fighters|submarines|frigates|weapons|engines|gunships)\b",
    re.IGNORECASE,
)


def definite_goods(trades: list[Draft]) -> None:
    """'Lithuania ordered eight HIMARS earlier this year, while Latvia is in talks with Washington
    about buying the system': goods named by a definite noun are those of the trade told before."""
    for n, d in enumerate(trades):
        if d.items or d.view.is_title:
            continue
        named = THE_GOODS.search(d.view.text, d.clause.start, d.clause.end) or (
            d.etype == "deal" and _THE_DEAL.search(d.view.text, d.clause.start, d.clause.end)
        )
        if not named:
            continue
        for t in reversed(trades[:n]):
            if t.items and d.view.sentence.start - t.view.sentence.end <= 400:
                d.items = goods_of(t)
                count = COUNT_OF.search(d.view.text, d.clause.start, d.clause.end)
                if (
                    count is not None
                    and len(d.items) == 1
                    and FOR_BEFORE.search(d.view.text, 0, count.start())
                ):
                    # 'The engines are being procured under a $716 million contract signed in 2021 for 99
                    # engines': the count of the order
                    d.items = [d.items[0]._replace(quantity=parse_quantity(count.group("n")))]
                break


def seller_of_goods(trades: list[Draft]) -> None:
    """'Kuwait has signed a contract for Bayraktar TB2 drones with Baykar ... Iraq announced that it would
    also procure the drones': a buyer alone buys the goods from their seller told before."""
    for n, d in enumerate(trades):
        buyer = d.roles.get("buyer")
        if d.etype != "deal" or not buyer or {"seller", "parties"} & d.roles.keys() or not d.items:
            continue
        sellers = [
            trade_sides(t)[1]
            for t in trades[:n]
            if not t.view.is_title and shares_item(d, t) and trade_sides(t)[1] not in (None, buyer)
        ]
        if sellers:
            d.roles["seller"] = sellers[-1]


def trade_sides(t: Draft) -> tuple[object, object]:
    """(buyer, seller) of a deal, or of the deal behind a delivery (recipient, supplier)."""
    if t.etype == "deal":
        return t.roles.get("buyer"), t.roles.get("seller")
    return t.roles.get("recipient"), t.roles.get("supplier")


def goods_of_deal_before(d: Draft, trades: list[Draft]) -> None:
    """'The engines will be delivered between 2027 and 2032': the sides and goods of the last deal
    named before, within two sentences, so that a later unrelated deal never lends its sides."""
    earlier = [
        t
        for t in trades
        if t.position < d.position
        and not t.view.is_title
        and (t.roles or not t.anaphoric)
        and (t.etype == "deal" or (not d.roles and all(trade_sides(t))))
    ]  # 'The deal was signed in Ankara' names the deal before it, whose sides are the ones to take;
    # 'received a second batch of T-90S tanks from Russia. The first batch of the tanks arrived in
    # December': a delivery before lends its sides to another batch of its goods
    deals = [t for t in earlier if t.etype == "deal"] or earlier
    if not deals or d.view.sentence.start - deals[-1].view.sentence.end > 400:
        return
    deal = deals[-1]
    buyer, seller = trade_sides(deal)
    if d.roles.get("recipient", buyer) != buyer:
        return  # 'The first units are to be shipped to Chile': another buyer's goods
    if seller:
        d.roles["supplier"] = seller
    if buyer:
        d.roles["recipient"] = buyer
    if not d.items:
        first = _FIRST_N.search(d.view.text, d.clause.start, d.clause.end)
        d.items = goods_of(deal)  # 'The jets landed on Tuesday': the goods, not the count the deal ordered
        if first is not None and len(d.items) == 1:
            d.items = [d.items[0]._replace(quantity=int(first.group(1)))]  # 'The first 24 units'


def goods_of(d: Draft) -> list[ItemMention]:
    """The goods of a trade, lent to another mention of it without their counts (a deal's 36 jets may
    arrive 4 at a time)."""
    return [i._replace(quantity=None) for i in d.items]


def shares_item(a: Draft, b: Draft) -> bool:
    """Goods in common, a variant as its system ('AH-64E Apache' as 'Apache')."""
    mine = {i.name for i in a.items}
    theirs = {i.name for i in b.items}
    return bool(mine & theirs) or bool({system_name(n) for n in mine} & {system_name(n) for n in theirs})
