"""What a sanction takes from the events told before it, before they are merged (``sides``): a
sanction 'also' imposed has the imposer, and the day, of the one before; a target left open is the
buyer threatened over a purchase; a decision's day dates the sanction it imposes; goods sanctioned
'for' a purchase are the purchase's.
"""

from __future__ import annotations

import re

from tracker.extract.cues import FOR_BEFORE, ON_THE_REGIME, SAME_LAW
from tracker.extract.draft import Draft
from tracker.extract.trade_goods import THE_GOODS


def also_sanctioned(ds: list[Draft]) -> None:
    """'A North Korean defense official was also blacklisted in the same action': the imposer (and, without
    a date of its own, the day) of the last sanction imposed before."""
    for n, d in enumerate(ds):
        if d.etype == "sanction" and "target" not in d.roles and not _target_before(d, ds[:n]):
            _buyer_threatened(d, ds[:n])
        if d.etype == "sanction" and "imposer" in d.roles and d.occurred is None:
            _also_same_day(d, ds[:n])
        if d.etype != "sanction" or "imposer" in d.roles:
            continue
        # ('Turkey was sanctioned under the same law in December 2020': the law's, whatever it did before)
        same_law = SAME_LAW.search(d.view.text, d.clause.start, d.clause.end) is not None
        before = [
            e
            for e in ds[:n]
            if e.etype == "sanction" and (e.status == d.status or same_law) and "imposer" in e.roles
        ]
        if before and before[-1].roles["imposer"] != d.roles.get("target"):
            d.roles["imposer"] = before[-1].roles["imposer"]
            # ('India ... has not yet been sanctioned under the same law': no day of its own)
            if d.status == before[-1].status:
                d.occurred = d.occurred or before[-1].occurred


_ALSO_BEFORE = re.compile(r"\balso\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _also_same_day(d: Draft, before: list[Draft]) -> None:
    """'ECOWAS on Saturday lifted the bulk of the sanctions ... The bloc also lifted a travel ban on officials
    of Mali's junta': the same imposer's act of the same kind told with 'also' is of the same day."""
    if not _ALSO_BEFORE.search(d.view.text, d.clause.start, d.cues[0].start):
        return
    dated = [
        e.occurred
        for e in before
        if e.etype == "sanction"
        and e.status == d.status
        and e.roles.get("imposer") == d.roles["imposer"]
        and e.occurred is not None
    ]
    if dated:
        d.occurred = dated[-1]


def decision_dated(ds: list[Draft]) -> None:
    """'... over Washington's decision to sanction 19 Indian entities. The US Treasury on Wednesday
    announced sanctions on nearly 400 companies': a decision reacted to, told undated, is the act
    another sentence dates, by the same imposer and of the same status."""
    for d in ds:
        if d.etype != "sanction" or not d.reacted or d.occurred is not None:
            continue
        d.occurred = next(
            (
                e.occurred
                for e in ds
                if e.etype == "sanction"
                and e.view is not d.view
                and e.occurred is not None
                and e.status == d.status
                and e.roles.get("imposer") == d.roles.get("imposer")
            ),
            None,
        )


_OVER_ITS = re.compile(r"\b(?:over|for)\s+(?:its|their)\s+$", re.IGNORECASE)


def sanctioned_buyer(ds: list[Draft]) -> None:
    """'it sanctioned the equipment development department of China's military over its purchase of
    Su-35 fighters from Moscow': the purchase a sanction is over is its target's, as are the goods it is
    sanctioned for taking delivery of."""
    for d in ds:
        if d.etype not in ("deal", "delivery"):
            continue
        text = d.view.text
        # ('... imposed sanctions on the Chinese military's Equipment Development Department and its
        # director, Li Shangfu, for taking delivery of 10 Su-35 combat aircraft from Russia')
        why = _OVER_ITS if d.etype == "deal" else FOR_BEFORE
        over = next((c for c in d.cues if why.search(text, max(0, c.start - 20), c.start)), None)
        sent = None
        if over is None and d.etype == "delivery":
            # ('new sanctions on Iran over its supply of drones to Russia': the target sends the goods)
            gives = (c for c in d.cues if c.kind == "give")
            sent = next((c for c in gives if _OVER_ITS.search(text, max(0, c.start - 20), c.start)), None)
            over = sent
        if over is None:
            continue
        causes = [
            s for s in ds if s.etype == "sanction" and s.view is d.view and s.cues[0].start < over.start
        ]
        target = causes[-1].roles.get("target") if causes else None
        if not isinstance(target, str):
            continue
        if d.etype == "delivery" and sent is not None:
            if target != d.roles.get("recipient"):
                d.roles["supplier"] = target
        elif d.etype == "delivery":
            if target != d.roles.get("supplier"):
                d.roles["recipient"] = target
        elif target != d.roles.get("seller"):
            d.roles["buyer"] = target
            d.roles.pop("parties", None)


def _target_before(d: Draft, before: list[Draft]) -> bool:
    """'The United States imposed the sanctions ... in December 2020': the target of the last sanction
    the same imposer was told to impose, or threaten."""
    if not d.anaphoric or "imposer" not in d.roles:
        return False
    # 'Japan said it was considering similar measures': the target of the last sanction, whoever imposed it
    # ('The U.K. unveiled its largest round of measures since 2022 the same day': the same target too)
    similar = d.cues[0].text.lower().startswith(("similar", "its own", "their own", "round of", "package of"))
    similar = similar or ON_THE_REGIME.match(d.view.text, d.cues[0].end) is not None
    for e in reversed(before):
        if e.etype != "sanction" or "target" not in e.roles or e.roles["target"] == d.roles["imposer"]:
            continue
        if similar or e.roles.get("imposer") == d.roles["imposer"]:
            d.roles["target"] = e.roles["target"]
            return True
    return False


def _buyer_threatened(d: Draft, before: list[Draft]) -> None:
    """'... despite warnings from Washington that the purchase could trigger U.S. sanctions': the buyer
    (or recipient) of the last trade told before."""
    for e in reversed(before):
        side = e.roles.get("buyer") if e.etype == "deal" else e.roles.get("recipient")
        other = e.roles.get("seller") if e.etype == "deal" else e.roles.get("supplier")
        if e.etype in ("deal", "delivery") and isinstance(side, str) and side != other:
            if side != d.roles.get("imposer"):
                d.roles["target"] = side
            return


# 'imposed sanctions on NATO ally Turkey over its acquisition of Russian S-400 air defence systems'
_ACQUIRED = re.compile(
    r"\b(?:acquisition|purchase|procurement|buying|import)\s+of\s+(?:[\w-]+\s+){0,2}$", re.I
)


def goods_sanctioned_for(ds: list[Draft]) -> None:
    """'... imposed sanctions on Turkey over its acquisition of Russian S-400 systems. Ankara, which signed
    the deal with Moscow in 2017 and began taking delivery of the missiles ...': goods a sanction was
    imposed for are those of the trade told next by a definite noun."""
    for n, d in enumerate(ds):
        if d.etype not in ("deal", "delivery") or d.items or d.view.is_title:
            continue
        if not (THE_GOODS.search(d.view.text, d.clause.start, d.clause.end) or d.anaphoric):
            continue
        before = [
            t for t in ds[:n] if t.view is not d.view and d.view.sentence.start - t.view.sentence.end <= 400
        ]
        if any(t.etype in ("deal", "delivery") for t in before):
            return  # the trade told before names the goods, or it has none (``_definite_goods``)
        for t in reversed(before):
            bought = [i for i in t.view.items if _ACQUIRED.search(t.view.text, max(0, i.start - 40), i.start)]
            if t.etype == "sanction" and len(bought) == 1:
                d.items = [bought[0]._replace(quantity=None)]
                maker, role = bought[0].maker, "seller" if d.etype == "deal" else "supplier"
                if maker and role not in d.roles and maker not in d.roles.values():
                    d.roles[role] = maker  # 'Russian S-400 systems': the maker's state sells them
                break
