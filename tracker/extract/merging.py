"""One event per development: drafts borrow missing sides, repeated mentions fold together.

An article names the S-400 deal in the lead, again with its price, and once
more as 'the deal': three drafts, one event. Drafts merge when their types and
actors agree, no role disagrees, their dates are compatible (one refines the
other) and their items overlap; the evidence kept is the most complete sentence.
"""

from __future__ import annotations

import re

from tracker.extract.amounts import Money
from tracker.extract.caseless import Caseless
from tracker.extract.cues import ARRIVED
from tracker.extract.dates import more_precise
from tracker.extract.draft import Draft
from tracker.extract.gazetteer import system_name
from tracker.extract.items import WEAPON_NOUNS
from tracker.extract.sides import sides_from_parties
from tracker.extract.trade_goods import goods_of, shares_item

_FIRST_OF = re.compile(r"\bthe\s+first\s+(?:batch\s+|\w+\s+)?of\s+(?:the\s+)?\d{1,4}\b", re.IGNORECASE)


_SINGLE_ROLES = ("buyer", "seller", "supplier", "recipient", "imposer", "target", "speaker")


def complete(d: Draft) -> bool:
    """Enough roles to be worth reporting: both sides of a sanction, a recipient or goods of a delivery.
    A trade whose two sides are one state is none ('a domestic order from HAL', 'clearing the way for
    Swedish companies to sell ... to Ankara' read as Sweden to Sweden): a state buying from its own
    firms is procurement, not an arms transfer. Nor is a trade that names one state and neither goods
    nor a price ('Iraq announced that it would also procure the drones'): it tells a relationship
    tracker nothing, and on fresh wire copy such events were mostly wrong (blind sets 5 to 8: F1 up
    0.003 to 0.027 each, no labelled set down)."""
    roles = d.roles
    if _same_state(roles, "buyer", "seller") or _same_state(roles, "supplier", "recipient"):
        return False
    if d.etype in _TRADE_SIDES and (_thin(d) or _home_goods(d)):
        return False
    if d.etype == "deal":
        return bool(roles)
    if d.etype == "delivery":
        return "recipient" in roles or ("supplier" in roles and bool(d.items))
    if d.etype == "sanction":
        return "imposer" in roles and "target" in roles
    if _routine_told(d) or _SPORTS.found(d.view.text):
        return False
    return "speaker" in roles and (bool(roles.get("about")) or _on_relations(d))


# 'Rajnath Singh arrived in Moscow on Monday for a three-day visit ..., the Indian embassy said': a
# schedule told, no stance; nor is 'began the annual Malabar naval exercise ..., the Indian Navy said'
_ROUTINE = Caseless(
    r"\b(?:arriv(?:ed|es)\s+in\b[^.;]{0,80}\bvisit|exercises?|drills|war\s+games|"
    # 'India on Thursday successfully test-fired ... BrahMos ..., the defence ministry said': a test told
    r"test-?fir(?:ed|es|ing)|flight[- ]test(?:ed|s)?|test[- ]launch(?:ed|es)?|missile\s+tests?)\b"
)


# 'Pakistan head coach Mike Hesson said his team was disappointed': a game's sides, not states'
_SPORTS = Caseless(
    r"\b(?:cricket|wickets?|innings|match\s+referee|head\s+coach|(?:world|asia|davis)\s+cup|olympics|"
    r"olympic\s+games|semi-?finals?|quarter-?finals?|goalkeeper|penalty\s+shoot-?out)\b"
)


def _routine_told(d: Draft) -> bool:
    cue = d.cues[0]
    plain = d.quote is None and cue.text.lower() in _TOLD
    if not plain or not _TRAILING.match(d.view.text, cue.end):
        return False
    return _ROUTINE.found(d.view.text, 0, cue.start)


_TAKER_GIVER = {"deal": ("buyer", "seller"), "delivery": ("recipient", "supplier")}


def _home_goods(d: Draft) -> bool:
    """'France's armed forces ministry has ordered 42 additional Rafale fighter jets from Dassault': the
    one state named makes all the goods, so it buys from its own industry."""
    taker, giver = _TAKER_GIVER[d.etype]
    side = d.roles.get(taker)
    if side is None or giver in d.roles or "parties" in d.roles or not d.items:
        return False  # (a seller or supplier of its own goods is the usual export)
    return all(it.maker == side for it in d.items)


def _on_relations(d: Draft) -> bool:
    """A statement about no other state stays one only on war, security, sanctions or arms ('Won't
    compromise on national security', 'the measures would have no significant impact'): a captain on his
    side's batting or a minister hailing a budget tells a tracker of relations between states nothing,
    even in the lead ('claimed victory in the presidential election': blind set 9)."""
    cue = d.cues[0]
    trailing = _TRAILING.match(d.view.text, cue.end) is not None  # "..., the ministry said on Friday."
    if d.quote is None and cue.text.lower() in _PLAIN_SAYING and trailing:
        # '..., the ministry said' of a test-fire, a budget or a production line: news told, no stance
        # taken towards anyone (fresh sets 14 to 25: such statements were all false positives)
        return False
    if d.view.items:
        return True
    return WEAPON_NOUNS.found(d.view.text) or _CONFLICT.found(d.view.text)


_TRAILING = re.compile(
    r"\s*(?:(?:on|late|early|earlier|this|last|in|at|during|after|while|reporters|journalists|yesterday|today|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^.;\"“]{0,70})?[.;]?\s*$",
    re.IGNORECASE,
)


_PLAIN_SAYING = frozenset({"said", "says", "say", "stated", "told", "tells", "added", "adds", "reported"})


_TOLD = _PLAIN_SAYING | {"announced"}  # what only tells a routine act ('..., the ministry announced')


# what a statement about no other state must be about to concern a tracker of relations between states
_CONFLICT = Caseless(
    r"\b(?:war|wars|ceasefire|truce|security|sanction\w*|attack\w*|threat\w*|conflict\w*|nuclear|"
    r"sovereignty|invasion|aggression|troops|strikes?|arms|weapons?|missiles?|embargo\w*|hostil\w*|"
    r"escalat\w*|militar\w*|occupation|terror\w*|measures|restrictions|arming|exports?|peace\w*|air\s+force|army|navy)\b"
)


_TRADE_SIDES = {"deal": ("buyer", "seller"), "delivery": ("supplier", "recipient")}


def _thin(d: Draft) -> bool:
    """One state at most on a trade's sides, and no goods or price."""
    parties = d.roles.get("parties")
    states = set(parties) if isinstance(parties, list) else set()
    states.update(str(d.roles[k]) for k in _TRADE_SIDES[d.etype] if d.roles.get(k))
    return len(states) < 2 and not d.items and d.value is None


def _same_state(roles: dict[str, object], one: str, other: str) -> bool:
    return one in roles and roles.get(one) == roles.get(other)


def _actors(d: Draft) -> set[str]:
    out: set[str] = set()
    for k, v in d.roles.items():
        if k != "about":
            out.update(v if isinstance(v, list) else [str(v)])
    return out


def _compatible(a: Draft, b: Draft, loose: bool, mine: set[str], theirs: set[str]) -> bool:
    """Whether ``b`` may be another mention of ``a`` (their actors: ``mine``, ``theirs``); ``loose``
    (a headline) ignores status and bare items."""
    if a.etype != b.etype:
        return False
    if not mine or not theirs:
        return (
            a.etype == "deal"
            and (b.anaphoric or a.anaphoric)
            and not (a.items and b.items and not shares_item(a, b))
        )
    if not mine & theirs:
        return False
    for key in _SINGLE_ROLES:
        if key in a.roles and key in b.roles and a.roles[key] != b.roles[key]:
            return False
    if a.etype == "statement" and a.person and b.person and not set(a.person.split()) & set(b.person.split()):
        return False
    if (
        not loose
        and a.status
        and b.status
        and a.status != b.status
        and not _done_after_plan(a, b)
        and not _arrived_then_delivered(a, b)
    ):
        return False
    if (
        a.occurred
        and b.occurred
        and not (a.occurred.date.startswith(b.occurred.date) or b.occurred.date.startswith(a.occurred.date))
    ):
        return False
    return _items_fit(a, b, loose)


_ARRIVED = ("began", "completed")


def _arrived_then_delivered(a: Draft, b: Draft) -> bool:
    """'The first Leopard 2 tanks promised by Germany arrived in Ukraine on Monday ... Germany has
    delivered 18 Leopard 2A6 tanks': the same goods told arriving, then as delivered, undated."""
    return (
        a.etype == "delivery"
        and a.status in _ARRIVED
        and b.status in _ARRIVED
        and b.occurred is None
        and bool(a.items)
        and bool(b.items)
    )


def _items_fit(a: Draft, b: Draft, loose: bool) -> bool:
    if a.items and b.items:
        # ('Gripen' and 'JAS 39 Gripen E': one system named two ways)
        qa = {system_name(i.name): i.quantity for i in a.items}
        shared = [(system_name(i.name), i.quantity) for i in b.items if system_name(i.name) in qa]
        if not shared:
            return False
        return all(qa[name] is None or quantity is None or qa[name] == quantity for name, quantity in shared)
    if a.items or b.items:
        bare = b if a.items else a
        # 'welcomed the delivery of the FK-3 system, which arrived on Saturday': one sentence's two
        # clauses on the same goods
        # ('signed a letter of intent on Oct. 22 that could see Kyiv acquire ... 150 JAS 39 Gripen E': the
        # plan told, then its goods)
        same = a.view is b.view and (a.etype == "delivery" or (a.status == b.status == "planned"))
        # 'approved a potential $2 billion arms sale to Taiwan' and 'approved the sale of three NASAMS':
        # one tells the price, the other the goods
        rich = a if a.items else b
        complementary = rich.value is None and bare.value is not None
        return (
            loose
            or same
            or bare.anaphoric
            or (bare.occurred is None and (bare.value is None or complementary))
        )
    if a.value and b.value:
        return abs(a.value.amount - b.value.amount) <= 0.01 * max(a.value.amount, b.value.amount)
    return True


def merge(ds: list[Draft], only_merge: bool = False) -> list[Draft]:
    """Fold repeated mentions together; with ``only_merge`` headline drafts only enrich body events.
    The actors of each kept event are worked out once, again only when it absorbs a mention."""
    out: list[Draft] = []
    kept: dict[int, set[str]] = {}  # id of a kept draft -> its actors
    for d in sorted(ds, key=lambda x: (x.view.is_title, x.position)):
        loose, theirs = d.view.is_title, _actors(d)
        target = next((e for e in out if _compatible(e, d, loose, kept[id(e)], theirs)), None)
        if target is None and only_merge and loose and (d.status is None or _has_type(out, d.etype)):
            continue  # a headline restating the body; an event of a type the body lacks is the headline's own
        if d.anaphoric and (target is None or _arrived_before_induction(target, d)):
            target = next((e for e in reversed(out) if _arrived_before_induction(e, d)), target)
            if target is not None and _arrived_before_induction(target, d):
                target.occurred = d.occurred
        if target is None and d.etype in ("deal", "delivery") and not theirs and d.anaphoric:
            target = next((e for e in reversed(out) if e.etype == d.etype), None)
        if target is not None and not theirs and d.anaphoric and _other_year(target, d):
            _take_sides(d, target)  # 'The previous framework was signed in 2015': an earlier development
            target, theirs = None, _actors(d)
        if target is None and _rest_to_come(d):
            # 'The first six of twelve A-29 Super Tucano aircraft ... arrived ... The remaining six will be
            # delivered in October', 'Its sister ship Tamal is scheduled to be delivered early next year':
            # the rest of the goods told before, between the same states, still to come
            before = next((e for e in reversed(out) if _goes_on(e, d)), None)
            if before is not None:
                _take_sides(d, before)
                theirs = _actors(d)
        if target is None and "imposer" not in d.roles and _imposed_before_undone(d):
            undone = next((e for e in reversed(out) if e.etype == "sanction" and e.status in _UNDONE), None)
            if undone is not None:
                # 'lifted sanctions on Rusal ... The companies were blacklisted in April'
                _take_sides(d, undone)
                theirs = _actors(d)
        if target is None:
            if theirs or not d.anaphoric:
                out.append(d)
                kept[id(d)] = theirs
            continue
        _absorb(target, d)
        kept[id(target)] = _actors(target)
    return out


_UNDONE = ("lifted", "waived")


def _imposed_before_undone(d: Draft) -> bool:
    """An anaphoric sanction told as imposed on a day: the earlier imposition of one lifted before it."""
    return d.etype == "sanction" and d.anaphoric and d.status == "imposed" and d.occurred is not None


_INDUCTED = re.compile(r"^(?:induct|commission)\w*$", re.IGNORECASE)


def _arrived_before_induction(a: Draft, b: Draft) -> bool:
    """'The Pakistan Air Force on Friday formally inducted its first squadron of J-10C jets ... The first
    batch of six aircraft ... arrived in the country on March 4': the goods came on the day they arrived,
    not on the day of the ceremony."""
    return (
        a.etype == b.etype == "delivery"
        and b.occurred is not None
        and b.occurred.precision in ("day", "month")  # ('The six aircraft had landed ... earlier this month')
        and all(ARRIVED.match(c.text) for c in b.cues)
        and any(_INDUCTED.match(c.text) for c in a.cues)
        and all(a.roles.get(k) == v for k, v in b.roles.items())
    )


def _other_year(a: Draft, b: Draft) -> bool:
    """A mention dated in an earlier year than the deal it refers to, or dated with another status:
    two developments of one deal ('abandoned plans ...', 'The deal was signed in 2018'), never one
    mentioned twice."""
    if a.status and b.status and a.status != b.status and b.occurred and a.occurred != b.occurred:
        return True  # 'abandoned plans to buy ...' and 'The deal was signed in 2019'
    return bool(a.occurred and b.occurred and b.occurred.date[:4] < a.occurred.date[:4])


def _rest_to_come(d: Draft) -> bool:
    return d.etype == "delivery" and d.anaphoric and d.status == "planned"


def _goes_on(told: Draft, d: Draft) -> bool:
    """A delivery told before whose sides include all ``d`` names, begun or done."""
    return (
        told.etype == "delivery"
        and told.status in _ARRIVED
        and all(told.roles.get(k) == v for k, v in d.roles.items())
    )


def _take_sides(d: Draft, deal: Draft) -> None:
    """An anaphoric mention ('the deal') names the sides and goods of the deal it refers to."""
    for k, v in deal.roles.items():
        d.roles.setdefault(k, list(v) if isinstance(v, list) else v)
    if not d.items:
        d.items = goods_of(deal)


def _has_type(ds: list[Draft], etype: str) -> bool:
    """Whether the body has an event the headline may restate: a deal and its delivery count as one."""
    trade = ("deal", "delivery")
    return any(e.etype == etype or (e.etype in trade and etype in trade) for e in ds)


def _score(d: Draft) -> tuple[int, int]:
    return (0 if d.view.is_title else 1, len(d.roles) + bool(d.occurred) + bool(d.items) + bool(d.value))


def _more_exact(kept: Money | None, other: Money | None) -> Money | None:
    """'a deal worth over USD 5 billion' then 'The contract, valued at USD 5.43 billion': of two
    amounts of one deal (one currency, a fifth apart at most) the one told with more digits."""
    if kept is None or other is None:
        return kept or other
    close = abs(kept.amount - other.amount) <= 0.2 * max(kept.amount, other.amount)
    if kept.currency == other.currency and close and _digits(other.text) > _digits(kept.text):
        return other
    return kept


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


_NOT_YET = ("planned", "announced")


def _done_after_plan(a: Draft, b: Draft) -> bool:
    """'Poland will buy 24 TB2 drones ..., the minister said on Monday. The contract ... was signed on
    Monday': the deal told again as done, the same day, is the plan's own signing."""
    if a.status in _NOT_YET and b.status == "signed" and b.anaphoric and a.occurred == b.occurred:
        return True
    # 'have warned Egypt that buying Russian Su-35 fighter jets could trigger sanctions ... Cairo signed a
    # $2 billion contract with Moscow for more than 20 of the jets late last year': the purchase talked of
    # is the one signed
    return (
        a.etype == "deal"
        and a.status == "planned"
        and a.occurred is None
        and b.status == "signed"
        and a.view is not b.view
        and a.cues[0].kind == "buy"
        and a.cues[0].text.lower().endswith("ing")
        and shares_item(a, b)
    )


def _absorb(keep: Draft, d: Draft) -> None:
    """Fold a repeated mention into an event; the better sentence becomes the evidence."""
    done = _done_after_plan(keep, d)
    if _score(d) > _score(keep):
        keep.view, keep.clause, keep.cues = d.view, d.clause, d.cues
    for k, v in d.roles.items():
        if k not in keep.roles:
            keep.roles[k] = v
        elif isinstance(v, list):
            keep.roles[k] = list(dict.fromkeys([*keep.roles[k], *v]))  # type: ignore[misc]
    if keep.etype == "deal":
        sides_from_parties(keep.roles)
    counts = {i.name: i.quantity for i in d.items if i.quantity is not None}
    names = {i.name for i in keep.items}
    # ('The first Leopard 2 tanks arrived ... Germany has delivered 18 Leopard 2A6': the count told after)
    kept = [i._replace(quantity=counts.get(i.name)) if i.quantity is None else i for i in keep.items]
    keep.items = kept + [i for i in d.items if i.name not in names]
    keep.value = _more_exact(keep.value, d.value)
    if d.occurred and (keep.occurred is None or more_precise(d.occurred, keep.occurred)):
        keep.occurred = d.occurred
    keep.status = keep.status or d.status
    if keep.status == "completed" and d.etype == "delivery" and _FIRST_OF.search(d.view.text, d.clause.start):
        keep.status = "began"  # 'inducted six J-10C fighters ... The jets ... are the first of 25 ordered'
    if done:
        keep.status = "signed"
    keep.person, keep.title, keep.quote = (
        keep.person or d.person,
        keep.title or d.title,
        keep.quote or d.quote,
    )
