"""Deliveries in one clause: goods that move, who sends and who receives, and how far along it is.

A delivery needs goods (a named item or a weapon noun) and a side. 'X
delivered ... to Y' has X as supplier; 'Y received ... from X' turns it round;
a noun ('deliveries of S-400 to India', 'Russian supplies') reads its sides from
the prepositions and the modifier before it (``delivery_roles``). Requests, refusals and negations
('urged ... to send', 'ruled out sending', 'no evidence that X supplied')
describe no delivery; an offer to supply is a planned deal, and 'the supply
of' after a contract is the deal's object. 'The engines will be delivered'
with no side of its own takes the sides of the deal named before
(``anaphoric_deliveries``, ``sides``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract import statuses
from tracker.extract.amounts import _WORD_NUM, parse_quantity
from tracker.extract.anaphoric_deliveries import (
    THE_GOODS_SUBJECT,
    antecedent,
    ordered_then_arrived,
    planned_bare,
    the_goods_arrived,
    unit_of_goods_before,
)
from tracker.extract.cues import Cue
from tracker.extract.delivery_roles import NOUN_USE, THE_GOODS_TOLD, builder, delivery_roles
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
# 'The first launchers are due to be delivered', 'The engines will be delivered': goods of the deal before
_DEFINITE_GOODS = re.compile(r"^(?:The|These|Those)\s+(?:[\w-]+\s+){0,5}?(?:\w+s)\b(?=[^,]*$)")


_SHIPPING = re.compile(r"^shipping$", re.IGNORECASE)
_AGAINST = re.compile(r"\b(?:against|on|targeting|target)\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)


_RELATIVE = frozenset({"that", "which"})
_TRADE_NOUNS = re.compile(r"^(?:exports|imports)$", re.IGNORECASE)


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
        items = _cargo(view, antecedent(view, clause))  # '200 T-72 tanks that Warsaw sent to Ukraine'
    if not items and _PASSIVE_COMMISSION.search(view.text, max(0, clause.start - 2), clause.start + 20):
        items = _cargo(view, view.items)  # the ship named in the clause before ('PNS Tughril, ..., was')
    ordered = ordered_then_arrived(view, clause, cues)
    if ordered is not None:
        return ordered
    # 'The tanks arrived at Taipei port on Sunday': the goods told before (not 'The first six')
    if not items and THE_GOODS_TOLD.match(view.text) and (arrived := the_goods_arrived(view, clause, cues)):
        return arrived
    if not items and (bare := planned_bare(view, clause, cues)) is not None:
        return bare
    if not items and not WEAPON_NOUNS.found(view.text[clause.start : clause.end]):
        return unit_of_goods_before(view, clause, cues) or the_goods_arrived(view, clause, cues)
    unit = None if items else unit_of_goods_before(view, clause, cues)
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
            and THE_GOODS_SUBJECT.match(view.text, clause.start)
        )
    )
    if not roles and not anaphoric:
        return planned_bare(view, clause, cues)
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
