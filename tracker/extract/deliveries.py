"""Deliveries in one clause: goods that move, who sends and who receives, and how far along it is.

A delivery needs goods (a named item or a weapon noun) and a side. 'X
delivered ... to Y' has X as supplier; 'Y received ... from X' turns it round;
a noun ('deliveries of S-400 to India', 'Russian supplies') reads its sides from
the prepositions and the modifier before it (``delivery_roles``). Requests, refusals and negations
('urged ... to send', 'ruled out sending', 'no evidence that X supplied')
describe no delivery; an offer to supply is a planned deal, and 'the supply
of' after a contract is the deal's object. 'The engines will be delivered'
with no side of its own takes the sides of the deal named before (``sides``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract import statuses
from tracker.extract.amounts import _WORD_NUM, parse_quantity
from tracker.extract.cues import Cue
from tracker.extract.delivery_roles import ARRIVE, NOUN_USE, THE_GOODS_TOLD, builder, delivery_roles
from tracker.extract.draft import Draft, title_future
from tracker.extract.items import COMMODITIES, WEAPON_NOUNS, ItemMention
from tracker.extract.sentences import Clause
from tracker.extract.view import View

_FOOD = frozenset({"wheat", "fertiliser"})
_COULD = re.compile(r"\b(?:could|might|may)\s+(?:\w+\s+){0,2}$")
_IF_LATER = re.compile(r"\b(?:if|provided|once|unless)\b")
_GERUND_IF = re.compile(r"^\W*(?:that\s+|any\s+)?$", re.IGNORECASE)
_MODAL_AFTER = re.compile(r"\b(?:would|could|might|will)\b", re.IGNORECASE)


# what a sanction's targets are said to have done: 'companies accused of supplying', 'that it said had
# supplied', 'involved in transferring', 'which the Treasury Department said had shipped', 'involved in
# brokering and shipping Iranian oil' (not 'for taking delivery of 10 Su-35s': a transfer told as fact)
_TARGETS_DID = re.compile(
    r"(?:\baccus\w+\s+(?:\w+\s+)?of|\b(?:that|which|who)\s+(?:it|they|washington|the(?:\s+[\w.-]+){1,3})?\s*"
    r"(?:said|says)?\s*(?:had|have|has)?|\bfor\s+allegedly|\b(?:involved|role)\s+in|\blinked\s+to)\s+"
    r"(?:allegedly\s+|illegally\s+)?(?:helping\s+(?:to\s+)?)?(?:[\w-]+\s+and\s+)?$",
    re.IGNORECASE,
)


# 'sanctions on 11 companies for supplying Iran's ballistic missile program': a state's programme
# supplied by the targets, the reason for the sanction
_FOR_ITS_PROGRAMME = re.compile(r"\s+(?:[\w-]+['’]s\s+)(?:[\w-]+\s+){0,3}program(?:me)?s?\b", re.IGNORECASE)


def _why_sanctioned(view: View, cue: Cue) -> bool:
    """A trade told as the reason for a sanction in the same sentence is the charge, not an event."""
    if not any(c.etype == "sanction" and c.end <= cue.start for c in view.cues):
        return False
    after_for = cue_words.FOR_BEFORE.search(view.text, max(0, cue.start - 5), cue.start) is not None
    if after_for and _FOR_ITS_PROGRAMME.match(view.text, cue.end):
        return True
    return _TARGETS_DID.search(view.text, max(0, cue.start - 60), cue.start) is not None


def _hypothetical(view: View, clause: Clause, cues: list[Cue]) -> bool:
    """A gerund opening its clause as the subject of a modal: the act as a supposition."""
    opens = _GERUND_IF.match(view.text[clause.start : cues[0].start]) and cues[0].text.lower().endswith("ing")
    return bool(opens and _MODAL_AFTER.search(view.text, cues[-1].end, clause.end))


_CONVICTED_FOR = re.compile(
    r"\b(?:sentenc|convict|charged|jail|fined|indict|arrest|prosecut|detain|extradit)\w*\b[^.;]{0,140}?"
    r"\b(?:for|of)\s+(?:illegally\s+|allegedly\s+|secretly\s+)?$",
    re.IGNORECASE,
)
_FOR_EXERCISE = re.compile(
    r"\b(?:for|to\s+take\s+part\s+in|to\s+join|to\s+participate\s+in)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,6}"
    r"(?:exercises?|drills?|war\s?games|air\s?shows?|exhibition|manoeuvres|maneuvers)\b",
    re.IGNORECASE,
)
# 'has offered to supply Scorpene submarines to the Philippines': a sale on offer, not goods on the move
# and 'is ready to supply S-400 systems to India', 'willing to provide': an offer in other words
_OFFER = re.compile(
    r"\b(?:offer(?:s|ed|ing)?|ready|willing|prepared|in talks|negotiating|in negotiations)\s+to\s+$",
    re.IGNORECASE,
)  # 'is in talks to export K9 howitzers to Vietnam': a sale under negotiation
# 'a contract ... for the supply of missiles': the deal's object, which nothing has delivered yet
# and 'signed a deal with Poland on Friday to export 180 tanks': the deal's purpose
_SUPPLY_OF = re.compile(
    r"\b(?:contracts?|deals?|agreements?|orders?)\b(?:.*\bfor\s+(?:the\s+)?|[^,;]*\bto\s+)$", re.IGNORECASE
)
# 'wherever it got the best deal': 'got' receives goods only when goods follow it
_FIRST_OF_N = re.compile(
    r"\bthe first (?:[\w-]+ )?of (?:the )?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    re.IGNORECASE,
)
_ANY_SUPPLY = re.compile(
    r"\b(?:any|every)\s+(?:further\s+|future\s+|such\s+)?(?:[\w-]+\s+){0,3}(?:decision\s+to\s+)?$"
    # 'Peskov said Russia would destroy the systems, calling their supply a sign of Western involvement'
    r"|\b(?:call(?:ing|ed|s)?|term(?:ing|ed|s)?|brand(?:ing|ed|s)?)\s+(?:their|its|such)\s+$",
    re.IGNORECASE,
)
_AND_VERB = re.compile(r"\s+and\s+(?:is|are|was|were|has|have|will|would|could|may|might)\b")
_AN_ORDER = re.compile(
    r"\s+(?:an?|the|its|their)?\s*(?:[\w$€£.,-]+\s+){0,4}?(?:orders?|contracts?|deals?|tenders?|bids?|"
    # 'Athens received State Department approval for up to 40 F-35s in January'
    r"approvals?|clearances?|go-ahead|nod|consent|permission)\b",
    re.IGNORECASE,
)
_GOT = re.compile(r"^(?:got|gets)$", re.IGNORECASE)
# 'the naval exercise Varuna got under way', 'got the green light': no goods change hands
_GOT_IDIOM = re.compile(
    r"\s+(?:under\s?way|started|going|off\b|ready|the\s+(?:green\s+light|nod))", re.IGNORECASE
)
_PART_OF_ORDER = re.compile(
    rf"\b(?:first|last|final)\s+(\d+|{_WORD_NUM})\s+of\s+(?:the\s+)?(?:\d+|{_WORD_NUM})\b"
)
_TO_MANY = re.compile(
    r"\bto\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|several|many|"
    r"more than \w+)\s+(?:other\s+)?(?:countries|nations|states|customers)\b"
)
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
# 'The first launchers are due to be delivered', 'The engines will be delivered': goods of the deal before
_DEFINITE_GOODS = re.compile(r"^(?:The|These|Those)\s+(?:[\w-]+\s+){0,5}?(?:\w+s)\b(?=[^,]*$)")


_SHIPPING = re.compile(r"^shipping$", re.IGNORECASE)
_AGAINST = re.compile(r"\b(?:against|on|targeting|target)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


# 'The jets, bought under a contract signed in 2016, landed at Makurdi air base on Tuesday'
_THE_GOODS_SUBJECT = re.compile(
    r"(?:The|These|Those)\s+(?:[\w-]+\s+){0,2}(?:jets|aircraft|equipment|ships?|vessels?|systems?|tanks|"
    r"helicopters|missiles|batter(?:y|ies)|drones|submarines?|frigates?|boats?|howitzers|launchers|fighters)\b"
)


def _the_goods_arrived(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """Goods of the delivery told before, named by a definite subject, arriving: the day of that
    delivery (``merging`` folds it in; with no delivery before it, it is dropped)."""
    if not all(cue_words.ARRIVED.match(c.text) for c in cues) or view.is_title:
        return None
    if _THE_GOODS_SUBJECT.match(view.text) is None:
        return None
    return Draft("delivery", view, clause, cues, {}, anaphoric=True)


_RELATIVE = frozenset({"that", "which"})
_TRADE_NOUNS = re.compile(r"^(?:exports|imports)$", re.IGNORECASE)
_HEAD_NOUN = re.compile(r"\s*(?:[a-z][\w-]*\s+){0,2}$")


def _antecedent(view: View, clause: Clause) -> list[ItemMention]:
    """The goods a relative clause is about: named right before it, with at most their nouns between."""
    return [
        it
        for it in view.items
        if it.end <= clause.start and _HEAD_NOUN.fullmatch(view.text, it.end, clause.start)
    ]


# 'a deal for F-16 jets that could be the largest arms transfer in the history of the two former foes': the
# noun names what something else would be, no transfer of its own
_WOULD_BE_THE = re.compile(
    r"\b(?:could|would|will|might|may)\s+(?:also\s+)?(?:be|become|mark)\s+(?:the|a|an|its|their)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)


# 'British restrictions on exporting arms components to Argentina', 'a 25% tariff on its exports to the
# United States': what is barred or taxed, not supplied
_BARRED = re.compile(
    r"\b(?:restrictions?|bans?|embargo(?:es)?|curbs?|limits?|controls?|moratorium|tariffs?|dut(?:y|ies)|"
    r"lev(?:y|ies))\s+on\s+(?:its\s+|their\s+|the\s+)?$",
    re.IGNORECASE,
)


# 'sending six rockets over the sea off the island's southern tip': projectiles fired, not goods delivered;
# 'Argentina's 2022 budget bill, sent to Congress on Wednesday': a bill before lawmakers
_LAUNCHED = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}(?:rockets|missiles|shells|projectiles|rounds)\s+(?:over|into|toward|towards|at|"
    r"across)\b|\s+to\s+(?:the\s+)?(?:Congress|parliament|lawmakers|legislature|Senate|House|Duma|Knesset|"
    r"Lok\s+Sabha|Diet|Bundestag)\b",
    re.IGNORECASE,
)


_AGREED_TO = re.compile(r"agree[sd]?\s+to\s+$", re.IGNORECASE)
# 'agreed to buy ... and took delivery of': a verb of its own after 'and', not the approval's object
_THEN_VERB = re.compile(r"\s(?:and|then)\s+(?:(?:has|have|had|then|later|also)\s+)?$")


def _moves_nothing(view: View, cue: Cue) -> bool:
    """A cue word naming what something else would be, what is barred or taxed, or a firing."""
    return bool(
        _WOULD_BE_THE.search(view.text, max(0, cue.start - 60), cue.start)
        or _BARRED.search(view.text, max(0, cue.start - 30), cue.start)
        or _LAUNCHED.match(view.text, cue.end)
    )


def delivery(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """The delivery the clause's delivery cues describe, or None."""
    if all(_moves_nothing(view, c) for c in cues):
        return None
    items = _cargo(view, view.within(clause, view.items))
    if not items and clause.opener in _RELATIVE:
        items = _cargo(view, _antecedent(view, clause))  # '200 T-72 tanks that Warsaw sent to Ukraine'
    if not items and _PASSIVE_COMMISSION.search(view.text, max(0, clause.start - 2), clause.start + 20):
        items = _cargo(view, view.items)  # the ship named in the clause before ('PNS Tughril, ..., was')
    ordered = _ordered_then_arrived(view, clause, cues)
    if ordered is not None:
        return ordered
    # 'The tanks arrived at Taipei port on Sunday': the goods told before (not 'The first six')
    if not items and THE_GOODS_TOLD.match(view.text) and (arrived := _the_goods_arrived(view, clause, cues)):
        return arrived
    if not items and (bare := _planned_bare(view, clause, cues)) is not None:
        return bare
    if not items and not WEAPON_NOUNS.found(view.text[clause.start : clause.end]):
        return _unit_of_goods_before(view, clause, cues) or _the_goods_arrived(view, clause, cues)
    unit = None if items else _unit_of_goods_before(view, clause, cues)
    if unit is not None:
        return (
            unit  # 'The first batch of six aircraft, part of an order ..., arrived in the country on March 4'
        )
    if _moves_no_arms(view, clause, cues, items):
        return None
    # ('agreed to send 14 Leopard tanks to Ukraine': a pledge to deliver arms, planned)
    agreed = not (items and all(it.name in COMMODITIES for it in items)) and any(
        c.kind == "approve" and _AGREED_TO.match(view.text, c.start, cues[0].start) for c in view.cues
    )
    approvals = [c.start for c in view.cues if c.kind == "approve" and c.start < cues[0].start and not agreed]
    # ('Turkey agreed to buy the S-400s in 2017 ... and took delivery of the first batteries': a verb of
    # its own after 'and')
    then = (
        _THEN_VERB.search(view.text, approvals[0], cues[0].start)
        if approvals and not NOUN_USE.match(cues[0].text)
        else None
    )
    if approvals and clause.start <= approvals[0] < clause.end and then is None:
        return None  # 'approved the export of': a sale, not yet a delivery
    give = next((c for c in cues if c.kind == "give"), None)
    if give is not None and _SUPPLY_OF.search(view.text[clause.start : give.start]):
        return None
    food = items and all(it.name in _FOOD for it in items)
    if food and not WEAPON_NOUNS.found(view.text[clause.start : clause.end]):
        return None  # "Russia's wheat exports to Egypt rose": trade in food, no arms transfer
    roles = delivery_roles(view, clause, cues, items)
    commodities_only = all(it.name in COMMODITIES for it in items)
    if "recipient" not in roles and commodities_only and (items or _TRADE_NOUNS.match(cues[0].text)):
        # 'the total duty on most Indian exports', 'the reloading of Russian LNG for shipment to third
        # countries': trade in goods that nobody named receives
        return None
    if any(c.text.lower().startswith("commission") for c in cues):
        items = items or view.items
        if not _foreign_commission(view, clause, roles, items):
            return None
    if (
        give is not None
        and _OFFER.search(view.text[max(clause.start, give.start - 20) : give.start])
        and not (items and all(it.name in COMMODITIES for it in items))
    ):
        return _offer(view, clause, cues, roles, items)  # 'ready to supply more oil' stays a supply
    anaphoric = not roles and bool(
        _DEFINITE_GOODS.match(view.text[clause.start : cues[0].start])
        or (
            all(cue_words.ARRIVED.match(c.text) for c in cues)
            and _THE_GOODS_SUBJECT.match(view.text, clause.start)
        )
    )
    if not roles and not anaphoric:
        return _planned_bare(view, clause, cues)
    draft = Draft("delivery", view, clause, cues, roles, items=items, anaphoric=anaphoric)
    draft.status = _status(view, clause, cues, agreed=agreed, anaphoric=anaphoric)
    if items and items[0].quantity is None and len(items) == 1:
        part = _PART_OF_ORDER.search(view.text, clause.start, clause.end)
        if part is not None:
            # 'received its first Typhoon jets on Wednesday, when the first four of 24 aircraft landed'
            draft.items = [items[0]._replace(quantity=parse_quantity(part.group(1)))]
    return draft


def _status(view: View, clause: Clause, cues: list[Cue], *, agreed: bool, anaphoric: bool) -> str | None:
    """The delivery's stage from the clause up to the comma or second verb after the cues: planned
    when agreed, began for the first of several, none of its own for goods told before."""
    last = max(c.end for c in cues)
    # the clause up to the comma after the cues: ', in what would be the first delivery' plans nothing,
    # nor does a second verb ('has received shipments of Iranian missiles and is likely to use them')
    stop = view.text.find(", ", last, clause.end)
    second = _AND_VERB.search(view.text, last, stop if stop > 0 else clause.end)
    stop = second.start() if second is not None else stop
    told = statuses.delivery_status(
        view.text[clause.start : last + 25], view.text[clause.start : stop if stop > 0 else clause.end], cues
    )
    if told == "completed" and _FIRST_OF_N.search(view.text, clause.start, clause.end):
        told = "began"  # 'received a Dornier 228 aircraft ..., the first of two ordered from India'
    status = "planned" if agreed else title_future(view, cues) or told
    commissioned = any(c.text.lower().startswith("commission") for c in cues)
    if (
        (anaphoric or commissioned)
        and status == "completed"
        and not statuses.COMPLETED.found(view.text, clause.start, clause.end)
    ):
        status = None  # 'The jets landed at Kano on Tuesday': the delivery told before, no stage of its own
    if commissioned and status is None and _FIRST_OF_N.search(view.text):
        status = "began"  # 'PNS Tughril, the first of four frigates ..., was commissioned'
    return status


def _moves_no_arms(view: View, clause: Clause, cues: list[Cue], items: list[ItemMention]) -> bool:
    """Cues that move no arms to anyone in particular: an order received, a request or a refusal, a
    hypothesis, a conviction, an exercise, hearsay, 'any supply', a record of sales to many."""
    if all(
        _SHIPPING.match(c.text) and _AGAINST.search(view.text, max(0, c.start - 40), c.start) for c in cues
    ):
        return True  # 'its largest package against Russian shipping': a trade targeted, nothing moved
    last = max(c.end for c in cues)
    if any(c.kind == "get" and _AN_ORDER.match(view.text, c.end) for c in cues):
        return True  # 'Saab said it had received an order from the Indian Army': a sale, nothing moved
    if any(_GOT.match(c.text) and _GOT_IDIOM.match(view.text, c.end) for c in cues):
        return True
    if all(c.kind == "get" and _GOT.match(c.text) for c in cues) and not (
        any(it.start > cues[0].end for it in items) or WEAPON_NOUNS.found(view.text, cues[0].end, clause.end)
    ):
        return True
    # a request after the goods moved ('received two Patriots ..., urging allies to send more') drops nothing
    window = view.text[clause.start : cues[0].end if cues[0].kind == "get" else last]
    if cue_words.dropped_delivery(window, view.text[max(0, clause.start - 60) : clause.start]):
        return True
    if _why_sanctioned(view, cues[0]):
        return True  # 'sanctions on four India-based companies accused of shipping aircraft parts to Russia'
    if _hypothetical(view, clause, cues):
        return True  # 'warned Seoul that supplying weapons to Ukraine would destroy relations'
    if _COULD.search(view.text, clause.start, cues[0].start) and _IF_LATER.search(view.text, cues[0].end):
        return True  # 'Greece could transfer some of its Mirage jets to Ukraine if France gives its consent'
    if _CONVICTED_FOR.search(view.text, max(0, cues[0].start - 160), cues[0].start):
        return True  # 'a court sentenced a businessman for exporting machine tools to Russian arms makers'
    if _FOR_EXERCISE.search(view.text, cues[-1].end, clause.end):
        return True  # 'a contingent with Su-30MKI fighters has arrived in France for the exercise Garuda'
    if view.hearsay or cue_words.FORMER_SAID.found(view.text):
        return True
    if any(_ANY_SUPPLY.search(view.text, max(clause.start, c.start - 30), c.start) for c in cues):
        return True  # 'Any supply of German Taurus missiles to Kiev would make Berlin a party': if ever
    # 'Hanwha has exported the K9 to nine countries': a record of sales, no state receives
    return bool(_TO_MANY.search(view.text, clause.start, clause.end)) or _to_a_list(view, clause, cues)


# 'Russia and India are holding talks on the supply of additional S-400 systems': a sale being negotiated
_TALKS_ON = re.compile(
    r"\b(?:talks|negotiations|discussions)\s+(?:on|over|about|for)\s+(?:the\s+)?"
    r"(?:(?:additional|more|further|new)\s+)?$",
    re.IGNORECASE,
)


def talks_deal(view: View, draft: Draft) -> list[Draft]:
    """The deal under negotiation when a planned delivery is the subject of talks."""
    cue = draft.cues[0]
    supplier, recipient = draft.roles.get("supplier"), draft.roles.get("recipient")
    if draft.status != "planned" or not supplier or not recipient or not draft.items:
        return []
    if not _TALKS_ON.search(view.text, max(0, cue.start - 50), cue.start):
        return []
    roles: dict[str, object] = {"buyer": recipient, "seller": supplier}
    return [Draft("deal", view, draft.clause, draft.cues, roles, status="planned", items=list(draft.items))]


def co_suppliers(view: View, clause: Clause, draft: Draft) -> list[Draft]:
    """'F-16s delivered by Denmark and the Netherlands': one delivery per state sending the goods."""
    others = r.coordinated(view.slots, clause, draft.roles.get("supplier"), draft.roles.get("recipient"))
    return [replace(draft, roles={**draft.roles, "supplier": code}) for code in others]


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


def _unit_of_goods_before(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
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


def _planned_bare(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
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


def _offer(
    view: View, clause: Clause, cues: list[Cue], roles: dict[str, object], items: list[ItemMention]
) -> Draft | None:
    """An offer to supply is a planned sale: the supplier sells, the recipient buys."""
    sides = {"buyer": roles.get("recipient"), "seller": roles.get("supplier")}
    sides = {k: v for k, v in sides.items() if v}
    if not sides:
        return None
    return Draft("deal", view, clause, cues, sides, status="planned", items=items)


# 'The sixth and last Kilo-class submarine that Vietnam ordered from Russia arrived at Cam Ranh Bay on Friday'
_ORDERED_FROM = re.compile(r"^that\s+$")


def _ordered_then_arrived(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
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


_PASSIVE_COMMISSION = re.compile(r"\b(?:was|were)\s+(?:commissioned|handed\s+over)\b")


def _foreign_commission(
    view: View, clause: Clause, roles: dict[str, object], items: list[ItemMention]
) -> bool:
    """'The Russian-built frigate Tushil was commissioned into the Indian Navy': a ship a foreign state
    built enters service, which tells its handover; a home-built one, or one to be commissioned later
    (it has arrived already), tells none. The ship and its builder may stand before the clause ('INS
    Tushil, a frigate built by Russia's Yantar shipyard, was commissioned into')."""
    recipient = roles.get("recipient")
    passive = _PASSIVE_COMMISSION.search(view.text, max(0, clause.start - 2), clause.start + 20)
    if recipient is None and passive:
        # 'PNS Tughril, the first of four frigates built by China for the Pakistan Navy, was commissioned'
        s = view.slots
        owner = next(
            (m for i, m in enumerate(s.mentions) if s.preps[i] == "for" and m.kind == "country"), None
        )
        if owner is not None:
            recipient = roles["recipient"] = owner.code
    if "supplier" not in roles and recipient is not None:
        by = builder(view, Clause(0, len(view.text), ""))
        maker = next((it.maker for it in items if it.maker and it.maker != recipient), None)
        supplier = by.code if by is not None else maker
        if supplier is not None and supplier != recipient:
            roles["supplier"] = supplier
    if "supplier" not in roles or recipient is None:
        return False
    return not statuses.PLANNED.found(view.text, clause.start, clause.end)


# 'Six Chinese Y-20 air force transport planes landed ... carrying an HQ-22 system': the planes carry
_CARRIER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:transport|cargo|heavy-lift)\s+(?:planes?|aircraft|ships?|vessels?|jets?)\b"
    r"[^.;]{0,90}?\b(?:carrying|delivering|transporting|with|airlift\w*|ferr\w*|fl(?:ew|own))\b",
    re.IGNORECASE,
)


def _cargo(view: View, items: list[ItemMention]) -> list[ItemMention]:
    """The goods without the transports that carry them, when both are named."""
    if len(items) < 2:
        return items
    carriers = [it for it in items if _CARRIER.match(view.text, it.end)]
    cargo = [it for it in items if it not in carriers]
    return cargo or items


def _to_a_list(view: View, clause: Clause, cues: list[Cue]) -> bool:
    """'follows K9 exports to Poland, Australia and Egypt': sales to a list of three or more states
    are a record, not one delivery."""
    noun = [c for c in cues if c.text.lower() in ("exports", "sales", "deliveries", "supplies", "transfers")]
    if not noun:
        return False
    states = [m for m in view.slots.mentions if noun[0].end <= m.start < clause.end and m.kind == "country"]
    if len(states) < 3 or not _TO_THE.match(view.text, noun[0].end, states[0].start):
        return False
    gaps = [view.text[a.end : b.start] for a, b in itertools.pairwise(states[:3])]
    return all(_LISTED.fullmatch(gap) for gap in gaps)


_TO_THE = re.compile(r"\s+(?:[\w-]+\s+){0,4}?to\s+(?:the\s+)?$")
_LISTED = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
