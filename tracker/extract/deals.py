"""Deals in one clause: whether the cues make a trade, its status, items and value.

A deal needs more than a trade word: a signing with a contract noun, a
buy/sell verb with goods or money, or an approval governing a sale ('approved
the possible sale of'), and nothing that rules it out (``deal_gates``). Who buys
and who sells is ``deal_roles``'s; the deals a clause holds besides the one read
here (a second order, a sale per buyer) are ``more_deals``'s.
"""

from __future__ import annotations

import re

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract import statuses
from tracker.extract.actors import Mention
from tracker.extract.amounts import _WORD_NUM, Money, parse_quantity
from tracker.extract.caseless import Caseless
from tracker.extract.cues import Cue
from tracker.extract.deal_gates import (
    DEFINITE,
    SIGNED_FOR,
    UNDER_DEAL,
    YEAR_NOUN,
    approves_trade,
    makes_a_trade,
    predicate_status,
    ruled_out,
    sport,
)
from tracker.extract.deal_roles import INSTEAD, INVOLVED, OPPOSED, TALKS, WON, deal_roles
from tracker.extract.draft import Draft, title_future
from tracker.extract.items import COMMODITIES, WEAPON_NOUNS, ItemMention
from tracker.extract.sentences import Clause
from tracker.extract.view import View

# 'The deal, signed on Thursday, is worth up to 254 billion yen', '..., in a deal that a website put at
# 3.75 billion euros': a price outside the deal's clause
_WORTH = re.compile(
    r"\b(?:worth|(?:valued|estimated|put|pegged|priced|assessed)\s+at|at a cost of|costing)\s+"
    r"(?:(?:up to|about|around|nearly|"
    r"almost|some|roughly|approximately|an estimated|more than|over|a combined)\s+)?$",
    re.IGNORECASE,
)
_CHOICE = re.compile(r"^(?:chose|chosen|choose|pick(?:s|ed)?|select(?:s|ed)?)$", re.IGNORECASE)
_CHOSEN_GOODS = re.compile(r"(?:'s|’s|'|’)\s")
_CHOSEN_TO = re.compile(r"(?:'s|’s)?(?:\s+[A-Z][\w-]*){0,4}\s+to\s+(?:build|supply|make|provide|deliver)\b")
_EXPORT = Caseless(r"\bexports?\b")
_STOPPED = re.compile(r"\b(?:stopp|halt|suspend)\w*\s+(?:approving|issuing|granting)\b", re.IGNORECASE)
_COMPETING = re.compile(r"\b(?:competing|vying|bidding|in\s+the\s+running)\s+for\b")


_DESCRIBED = re.compile(
    r",\s+(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:order|purchase|deal|contract|sale|acquisition)\b"
)
_REMARK = re.compile(r",\s+(?:in what (?:would|will|could|is|was)|which (?:would|will|could)|making it)\b")


_THE_COUNTRY = re.compile(r"\s*[Tt]he\s+(?:country|nation|kingdom|government)\b(?!'s|’s)")
_BOOKS = re.compile(
    r"\b(?:net|gross|quarterly|annual|(?:first|second|third|fourth)-quarter|full-year|half-year|total|record)"
    r"\s+sales$"
    # 'The world's largest defense contractor reported sales of $17.1 billion'
    r"|\b(?:reported|posted|recorded|booked)\s+(?:\w+\s+)?sales$",
    re.IGNORECASE,
)
_TO_SUPPLY = re.compile(r"\bto\s+(?:supply|deliver|provide|build|sell)\b", re.IGNORECASE)
# 'a massive order meant to replace more than 200 Soviet-designed T-72 tanks': the goods replaced
_REPLACED = re.compile(r"\b(?:replac(?:e|es|ed|ing)|in\s+place\s+of)\s+(?:[\w-]+\s+){0,5}$", re.IGNORECASE)


def _replaced(view: View, clause: Clause, item: ItemMention) -> bool:
    return _REPLACED.search(view.text, max(clause.start, item.start - 50), item.start) is not None


_OF_WHOLE = re.compile(r"\bof\s+(?:its\s+|the\s+|their\s+)?(?:\S+\s+){1,3}$")
# 'part of an order of about $250 million that Armenia placed with India in 2022'
_PLACED_BY = re.compile(r"\border\b[^.;]{0,60}?\b(?:that|which)\s+(?:\w+\s+){1,3}placed\b")
_PLACED = re.compile(r"\b(?:with|plac\w+)\s+(?:an?\s+|its\s+|their\s+)?(?:first\s+)?order\s+for\b")
_TALKS_CLEARED = re.compile(
    r"\s+(?:the\s+)?(?:start\s+of\s+|opening\s+of\s+)?(?:formal\s+)?(?:contract\s+|price\s+)?"
    r"(?:negotiations|talks)\b",
    re.IGNORECASE,
)
_CONTRACT_FOR_FIRST = re.compile(r"\b(?:contract|deal|order|agreement)\b[^,;]{0,60}\bfor\s+the\s+first\s+$")
_N_OF_M = re.compile(rf"\b(?:\d+|{_WORD_NUM})\s+of\s+(?:the\s+)?(\d+|{_WORD_NUM})\s+(?:[\w-]+\s+)?$")
_COUNTED = re.compile(
    r"\b(?:(?:order|contract|deal|purchase)\s+(?:[^,;]{0,60}?\s)?(?:for|of)|ordered|bought|purchased|acquired)\s+"
    rf"(\d{{1,4}}|{_WORD_NUM})\s+"
    r"(?:more\s+|additional\s+|of\s+the\s+)?"  # 'when it ordered 24 of the jets'
    r"(?:jets|aircraft|fighters|helicopters|gunships|drones|tanks|howitzers|submarines|frigates|corvettes|"
    r"launchers|systems|units|vessels|batteries|engines)\b"
)  # 'under a contract of about $800 million signed in February 2020 for six of the gunships'
# 'signed an executive order imposing tariffs': a decree, which signs no deal
_DECREE = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:executive\s+order|decree|law|bill"
    r"|order(?=\s+(?:on\s+[A-Z]?[a-z]+\.?\s+\d{1,2},?\s+)?(?:imposing|banning|barring|directing|authori[sz]ing|"
    r"extending|that)\b))\b",
    re.IGNORECASE,
)
_ORDER_NOUN = re.compile(r"^orders?$", re.IGNORECASE)


# 'a sale of equipment to maintain Taiwan's tactical information systems': the owner of what is kept buys
_KEPT_FOR = re.compile(
    r"\b(?:to|for)\s+(?:maintain|sustain|support|upgrade|service|modernis|moderniz)\w*\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _kept_for(view: View, clause: Clause, cues: list[Cue]) -> str | None:
    end = max(c.end for c in cues)
    for m in view.slots.mentions:
        owner = m.kind == "country" and m.text.endswith(("'s", "’s")) and end <= m.start < clause.end
        if owner and _KEPT_FOR.search(view.text, max(0, m.start - 30), m.start):
            return m.code
    return None


def deal(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """The deal the clause's deal cues describe, or None when they make no trade."""
    if all(c.kind == "offer" for c in cues):
        return _offered(view, clause, cues[0])
    cues = [c for c in cues if c.kind != "offer"]
    cues = [c for c in cues if not (c.kind == "sign" and _DECREE.match(view.text, c.end))]
    # 'Lockheed Martin reported first-quarter net sales of $17.2 billion': a company's books, no sale
    cues = [c for c in cues if not (c.kind == "sell" and _BOOKS.search(view.text, 0, c.end))]
    described = _DESCRIBED.search(view.text, cues[0].end, clause.end) if cues else None
    if described is not None:
        # '... to supply 12 L-39NG trainers to Vietnam, its first export order': a description of the
        # deal told before it, whose cue words buy nothing of their own
        cues = [c for c in cues if c.start < described.start()]
    generic = [cue_words.bought_by_any(c, view.text) for c in cues]
    if any(generic) and all(g or c.kind not in ("buy", "sell") for g, c in zip(generic, cues, strict=True)):
        return None  # every purchase told is one of 'countries that buy' Russian arms: nobody in particular
    if not cues:
        return None
    kinds = {c.kind for c in cues}
    items, money = view.within(clause, view.items) + _bracketed(view, clause), view.within(clause, view.money)
    items = items or _included(view, clause)
    items = [
        it for it in items if not _REPLACED.search(view.text, max(clause.start, it.start - 50), it.start)
    ]
    if "cancel" in kinds or "sign" in kinds:
        # 'has abandoned plans to buy 11 Su-35 jets and will instead focus on acquiring Rafales', 'signed the
        # $1.1 billion deal with Moscow in 2018 and will focus instead on buying Rafale and F-15 jets': the
        # goods turned to instead are no part of the deal told
        items = [it for it in items if not INSTEAD.search(view.text, cues[0].end, it.start)]
    if "approve" in kinds and not approves_trade(view, cues):
        kinds.discard("approve")
    if "approve" in kinds and _STOPPED.search(view.text, clause.start, cues[0].end):
        return None  # 'Berlin stopped approving new exports to Riyadh': a freeze (``sanctions``), no sale
    if "approve" in kinds and _EXPORT.found(view.text[clause.start : clause.end]):
        kinds.add("sell")
        cues = [*cues, Cue("deal", "sell", cues[-1].start, cues[-1].end, "export")]
    choice = _chosen_supplier(view, clause, cues)
    if choice is not None and (items or WEAPON_NOUNS.found(view.text, clause.start, clause.end)):
        kinds.add("buy")  # 'has selected Japan's MHI to build 11 frigates': a purchase from the one chosen
    strong = makes_a_trade(view, clause, cues, kinds, items, money, choice)
    if not strong or sport(view.text):
        return None
    if items and all(it.name in COMMODITIES for it in items) and not money and "sign" not in kinds:
        return None  # 'will continue to buy Russian oil': trade in goods, not a deal to record
    # ', in what would be Hanoi's first major purchase': a remark on the deal, whose modal plans nothing
    remark = _REMARK.search(view.text, cues[0].end, clause.end)
    window = view.text[clause.start : max(c.end for c in cues if remark is None or c.end <= remark.start())]
    if ruled_out(view, clause, cues, kinds, window):
        return None
    # ('with 99 engines due under the order': 'order' a noun there)
    noun = next((c for c in cues if c.kind == "noun" or _ORDER_NOUN.match(c.text)), None)
    under = (
        noun is not None
        and not any(
            c is not noun and c.kind in ("buy", "sell") and cue_words.is_verb(c, view.text) for c in cues
        )  # 'will buy three C-390s from Brazil under a deal worth ...': the verb has the sides
        and UNDER_DEAL.search(view.text, clause.start, noun.start) is not None
    )
    # 'shipped K2 tanks to Poland under a deal signed in August': the deal's sides are the delivery's,
    # which ``sides.infer_sides`` lends; the clause's subject is the shipper, not a party to read here
    core = clause if described is None else Clause(clause.start, described.start(), clause.opener)
    roles = _sides(view, clause, core, cues, items, choice, under)
    if roles is None:
        return None
    draft = Draft("deal", view, clause, cues, roles)
    # 'China on Saturday opposed a U.S. approval of an arms sale', 'will impose sanctions on US companies
    # involved in a $2.2 billion arms sale to Taiwan': the day and the plan words are the reaction's
    # (to the end of a relative clause whose approval the cues hold: '..., which the State
    # Department approved on Friday')
    opposed = OPPOSED.search(view.text, clause.start, cues[0].start)
    involved = INVOLVED.search(view.text, clause.start, cues[0].start)
    reaction = opposed or involved
    if reaction is not None:
        draft.date_span = (reaction.end(), view.clauses[view.clause_of(cues[-1].start)].end)
        draft.reacted = True
    start = clause.start
    if opposed is None and involved is not None:
        start = involved.end()  # the plan words before it are the threat's, not the sale's
        window = view.text[start : max(c.end for c in cues)]
    if under and noun is not None:
        start = noun.start
        window = view.text[start : max(c.end for c in cues)]  # 'will ship ... under a contract signed'
    draft.status = _status(view, clause, cues, window, start, under)
    if under and noun is not None:
        # 'delivered three regiments of S-400 systems to India under the 2018 contract': the count told
        # before the deal is the delivery's
        # (not 'the first of two Project 1135.6 frigates built ... under a contract': the order's own)
        items = [
            it._replace(quantity=None)
            if it.end <= noun.start and not _OF_WHOLE.search(view.text, max(0, it.start - 40), it.start)
            else it
            for it in items
        ]
    draft.items, draft.value = counted(view, core, items), _nearest(money, cues) or _worth(view)
    draft.background = under
    draft.anaphoric = noun is not None and bool(DEFINITE.search(view.text, clause.start, noun.start))
    return draft


def _sides(
    view: View,
    clause: Clause,
    core: Clause,
    cues: list[Cue],
    items: list[ItemMention],
    choice: Mention | None,
    under: bool,
) -> dict[str, object] | None:
    """Buyer and seller (``deal_roles``; none for a deal the clause names as the one a delivery is made
    under), completed by 'signed for', 'signed to supply', the supplier chosen, the state the goods are
    kept for and the goods' makers; None for a state buying from its own firms."""
    roles = {} if under else deal_roles(view, core, cues, items)
    _signed_for(view, core, cues, roles)
    _signed_to_supply(view, core, cues, roles)
    if _home_made(view, core, roles):
        return None  # a state buying from its own firms
    if choice is not None and not {"seller", "parties"} & roles.keys() and choice.code != roles.get("buyer"):
        roles["seller"] = choice.code
    if "seller" in roles and not {"buyer", "parties"} & roles.keys():
        owner = _kept_for(view, clause, cues)
        if owner is not None and owner != roles["seller"]:
            roles["buyer"] = owner
    _pair_by_maker(view, clause, cues, roles)
    if "seller" in roles and _COMPETING.search(view.text, clause.start, clause.end):
        del roles["seller"]  # 'with Saab's Gripen, Lockheed Martin's F-16 and Dassault's Rafale competing'
    return roles


def _status(view: View, clause: Clause, cues: list[Cue], window: str, start: int, under: bool) -> str | None:
    """The deal's status from the words of ``window`` (from ``start`` to the cues), else from what the
    sentence tells of it: an order won or placed, a predicate after an apposition, talks, a contract of a
    year ('under a 2014 contract')."""
    status = title_future(view, cues) or statuses.deal_status(window, cues, start)
    cleared = next((c for c in cues if c.kind == "approve"), None)
    if status == "announced" and cleared and _TALKS_CLEARED.match(view.text, cleared.end):
        status = "planned"  # 'cleared the start of contract negotiations with Mazagon Dock': talks
    if status is None and WON.search(view.text, clause.start, cues[0].start):
        status = "signed"  # 'has won an order worth ...'
    # ('... an order of about $250 million that Armenia placed': the relative clause may follow)
    placed = _PLACED_BY.search(view.text, clause.start)
    if status is None and (_PLACED.search(view.text, clause.start, clause.end) or placed):
        status = "signed"  # 'became the first buyer of the Rafale in 2015 with an order for 24 jets'
    predicate = predicate_status(view, clause)
    if status is None or (predicate == "cancelled" and status == "planned"):
        # ('The plan to acquire 200 Ka-226T helicopters from Russia, ..., has been scrapped': called off)
        status = predicate or status
    if status is None and TALKS.found(view.text, 0, cues[0].start):
        status = "planned"  # 'is in final price negotiations with ... (MDL) for three more Scorpenes'
    if status is None and (under or YEAR_NOUN.search(view.text, clause.start, clause.end)):
        status = "signed"  # 'delivered under a 2014 contract for 36 aircraft': the contract exists
    return status


def counted(view: View, clause: Clause, items: list[ItemMention]) -> list[ItemMention]:
    """'the first foreign buyer of the Rafale in 2015 with an order for 24 jets': the clause's one named
    system without a number of its own takes the number counted in jets, tanks, ... after it."""
    if len(items) != 1:
        return items
    whole = _N_OF_M.search(view.text, max(clause.start, items[0].start - 30), items[0].start)
    if whole is not None and _CONTRACT_FOR_FIRST.search(view.text, max(0, whole.start() - 90), whole.start()):
        # 'signed a contract with Dassault Aviation on 10 February for the first six of 42 Rafale fighters it
        # plans to acquire': the contract is for the first six
        return [items[0]._replace(quantity=parse_quantity(whole.group(0).split()[0]))]
    if whole is not None:
        # 'received the first three of eight JF-17 jets it ordered from Pakistan': the order is of eight
        return [items[0]._replace(quantity=parse_quantity(whole.group(1)))]
    m = _COUNTED.search(view.text, items[0].end, clause.end)
    if m is not None and (items[0].quantity is None or m.group(0)[:1].lower() in "ocdp"):
        # 'received its first six Rafale jets, part of an order for 18 jets', 'two more Gripen jets ...
        # under a 2014 contract for 36 jets': the order counts its own
        return [items[0]._replace(quantity=parse_quantity(m.group(1)))]
    return items


def _pair_by_maker(view: View, clause: Clause, cues: list[Cue], roles: dict[str, object]) -> None:
    """'India and Indonesia are in advanced negotiations for the sale of BrahMos supersonic cruise
    missiles': of two states as the subject, the maker of the goods sells to the other."""
    parties = roles.get("parties")
    if "buyer" in roles or (isinstance(parties, list) and len(parties) != 2):
        return
    pair = r.codes(r.subjects(view.slots, clause, cues[0].start, view.clauses))
    makers = {it.maker for it in view.within(clause, view.items)}
    if len(pair) != 2 or len(makers) != 1:
        return
    maker = makers.pop()
    if maker in pair and roles.get("seller", maker) in pair:
        roles.pop("parties", None)
        roles["seller"], roles["buyer"] = maker, next(c for c in pair if c != maker)


_TO_CO_PRODUCE = re.compile(
    r"\s+to\s+(?:co-produce|co-develop|jointly\s+(?:produce|develop|build)|co-manufacture)\b"
)


def _offered(view: View, clause: Clause, offer: Cue) -> Draft | None:
    """'Russia has offered India the joint production of Su-57E jets': a sale on offer to the one named
    right after 'offered', of the goods named after it."""
    items = [it for it in view.within(clause, view.items) if it.start > offer.end]
    obj = r.direct_object(view.slots, clause, offer.end, set())
    if items and _TO_CO_PRODUCE.match(view.text, offer.end):
        # 'The United States has offered to co-produce Stryker vehicles and Javelin missiles in India'
        place = r.after(view.slots, clause, items[-1].end, ("in",))
        subj = r.subjects(view.slots, clause, offer.start, view.clauses)
        if place is not None and subj and subj[-1].code != place.code:
            roles: dict[str, object] = {"parties": [subj[-1].code, place.code]}
            return Draft("deal", view, clause, [offer], roles, "planned", items)
    if not items or obj is None or view.text[offer.end : obj.start].strip():
        return None
    subj = r.subjects(view.slots, clause, offer.start, view.clauses)
    seller = subj[-1].code if subj else None
    if seller is None or seller == obj.code:
        return None
    return Draft("deal", view, clause, [offer], {"buyer": obj.code, "seller": seller}, "planned", items)


def _chosen_supplier(view: View, clause: Clause, cues: list[Cue]) -> Mention | None:
    """'Norway has chosen Britain to supply', 'selected Japan's MHI to build': the one chosen sells."""
    for c in cues:
        if c.kind == "approve" and _CHOICE.match(c.text):
            obj = r.direct_object(view.slots, clause, c.end, set())
            if obj is not None and _CHOSEN_TO.match(view.text, obj.end):
                return obj
            if obj is not None and _CHOSEN_GOODS.match(view.text, obj.end):
                # "selected Mitsubishi Heavy Industries' upgraded Mogami-class frigate": the maker sells
                goods = [it for it in view.items if obj.end < it.start <= obj.end + 40]
                if goods:
                    return obj
    return None


def _worth(view: View) -> Money | None:
    """The sentence's one price named as such ('..., is worth up to 254 billion yen') when the deal's
    own clause has none."""
    found = [m for m in view.money if _WORTH.search(view.text, max(0, m.start - 40), m.start)]
    return found[0] if len(found) == 1 and len(view.money) == 1 else None


def _nearest(money: list[Money], cues: list[Cue]) -> Money | None:
    if not money:
        return None
    return min(money, key=lambda m: min(abs(m.start - c.start) for c in cues))


_THAT_INCLUDES = re.compile(r"\s*(?:that|which)\s+(?:also\s+)?includes?\b", re.IGNORECASE)


def _included(view: View, clause: Clause) -> list[ItemMention]:
    """'approved a $1.1 billion arms sale to Taiwan that includes 60 anti-ship Harpoon missiles and 100
    Sidewinder air-to-air missiles': the goods of the relative clause right after are the deal's."""
    ci = view.clause_of(clause.start)
    if ci + 1 >= len(view.clauses) or not _THAT_INCLUDES.match(view.text, clause.end):
        return []
    return view.within(view.clauses[ci + 1], view.items)


def _bracketed(view: View, clause: Clause) -> list[ItemMention]:
    """'signed the Communications Compatibility and Security Agreement (COMCASA)': the name in brackets
    right after the clause is its goods' too."""
    if not view.text.startswith("(", clause.end):
        return []
    close = view.text.find(")", clause.end)
    return [it for it in view.items if clause.end < it.start and (close < 0 or it.end <= close)]


def _signed_for(view: View, clause: Clause, cues: list[Cue], roles: dict[str, object]) -> None:
    """'JAKARTA - ... The country instead signed for 42 Dassault Rafale jets from France': the state the
    goods come from sells, and 'the country' of a datelined report buys."""
    signed = next((c for c in cues if c.kind == "sign" and SIGNED_FOR.match(view.text, c.end)), None)
    if signed is None or {"seller", "parties"} & roles.keys():
        return
    source = r.after(view.slots, clause, signed.end, ("from",))
    if source is None or source.code == roles.get("buyer"):
        return
    roles["seller"] = source.code
    home = view.home
    if "buyer" not in roles and home and home != source.code and _THE_COUNTRY.match(view.text, clause.start):
        roles["buyer"] = home


def _signed_to_supply(view: View, clause: Clause, cues: list[Cue], roles: dict[str, object]) -> None:
    """'Hanwha Aerospace said it signed a contract with Poland's Armament Agency to supply 152 K9PL
    howitzers': of two parties, the subject that signs to supply sells to the other."""
    parties = roles.get("parties")
    if not isinstance(parties, list) or len(parties) != 2 or {"buyer", "seller"} & roles.keys():
        return
    sign = next((c for c in cues if c.kind == "sign"), None)
    if sign is None or not _TO_SUPPLY.search(view.text, sign.end, clause.end):
        return
    subj = r.subjects(view.slots, clause, sign.start, view.clauses)
    if not subj or subj[0].code not in parties:
        return
    seller = subj[0].code
    firm = next(
        (m for m in view.slots.mentions if sign.end <= m.start < clause.end and m.kind == "company"), None
    )
    if subj[0].kind == "country" and firm is not None and firm.code in parties and firm.code != seller:
        # 'Australia signed a A$1 billion contract on Monday with South Korean firm Hanwha Defense to build
        # 30 self-propelled howitzers': the firm a state signs with is the one that builds
        seller = firm.code
    roles.pop("parties")
    roles["seller"] = seller
    roles["buyer"] = next(p for p in parties if p != seller)


def _home_made(view: View, clause: Clause, roles: dict[str, object]) -> bool:
    """'French shipbuilder Naval Group floated out the third of six submarines ordered by France's DGA': a
    buyer with no seller named, whose own firm builds the goods, with no other state in the clause."""
    buyer = roles.get("buyer")
    if buyer is None or "seller" in roles or "parties" in roles:
        return False
    mentions = view.slots.mentions
    home_firm = any(m.kind == "company" and m.code == buyer for m in mentions) or _DOMESTIC.found(view.text)
    others = any(clause.start <= m.start < clause.end and m.code != buyer for m in mentions)
    return home_firm and not others


# '... proposals worth Rs 2.23 lakh crore, 98% of which will be sourced from domestic industry'
_DOMESTIC = Caseless(
    r"\b(?:domestic(?:ally)?|indigenous(?:ly)?|home-?grown|locally)\s+(?:industry|industries|firms|companies|"
    r"manufacturers|vendors|sources?|sourcing|built|made|produced|developed|designed|manufactured)\b|"
    r"\bsourced\s+from\s+(?:the\s+)?(?:domestic|local|indian)\b"
)
