"""Who buys and who sells in a deal clause: the subject of 'buy' is the buyer and 'from X' the seller,
the subject of 'sell' the seller and 'to X' the buyer; a winner of an order sells; a pact between two
parties stays a list of parties unless an item's maker or 'for X' tells the sides apart.
"""

from __future__ import annotations

import re

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract.actors import Mention, is_possessive
from tracker.extract.caseless import Caseless
from tracker.extract.cues import Cue
from tracker.extract.draft import agent
from tracker.extract.items import WEAPON_NOUNS, ItemMention
from tracker.extract.sentences import Clause
from tracker.extract.view import View

# 'suspended talks with the United States over the purchase of F-35 jets': a trade being negotiated
TALKS = Caseless(r"\b(?:talks|negotiations?|negotiating|discussions)\b")

_MADE_SUFFIX = re.compile(r"-(?:made|built|designed)$")

INVOLVED = re.compile(
    r"\b(?:companies|firms|contractors|makers|manufacturers)\s+(?:involved|taking\s+part|participating)\s+in\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w$.,-]+\s+){0,4}$"
)

# 'Rheinmetall has won an order ... from the Netherlands': the winner sells ('a 920 billion won deal' is
# a price in won)
WON = re.compile(
    r"\b(?<!illion\s)(?<!\d\s)(?:won|wins|win|winning|secured|secures|bagged|bags|landed|lands|received|"
    r"receives|bagged)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\w$€£.,-]+\s+){0,4}$",
    re.IGNORECASE,
)

_PURPOSE = re.compile(
    r"\b(?:deals?|contracts?|agreements?)\s+(?:[\w$.,-]+\s+){0,8}?to\s+"
    r"(?:(supply|sell|deliver|export|provide)|buy|purchase|acquire|procure)\b",
    re.IGNORECASE,
)

# the states whose arms industries export most (SIPRI): in a bilateral arms sale one of them sells
_EXPORTERS = frozenset({"USA", "RUS", "FRA", "CHN", "DEU", "ITA", "GBR", "ESP", "ISR", "KOR", "TUR"})

_ARMS_SALE = re.compile(
    r"\b(?:arms|weapons?|defen[cs]e|military)\s+(?:sales?|packages?|purchases?|export)\b", re.IGNORECASE
)

_DEFENCE_DEALS = re.compile(
    r"\b(?:arms|weapons?|defen[cs]e|military)\s+(?:agreements|deals|contracts)\b", re.IGNORECASE
)

# 'after the two countries signed a $375 million deal': the subject stands for two actors named before
_BOTH = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:countries|nations|sides|governments|neighbou?rs|allies|states)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

_ORDERED_FOR = re.compile(r"\s+for\s+(?:the|its|their)\s+", re.IGNORECASE)

_FOR_TO_BUY = re.compile(
    r"\bfor\s+(?P<who>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})\s+to\s+(?:buy|purchase|acquire|procure)\b"
)

_AWAY_FROM = re.compile(
    r"\b(?:shift|shifts|shifting|move|moves|moving|switch\w*|away|turn\w*|departure|diversif\w*|pivot\w*)"
    r"\s+(?:away\s+)?from\s+(?:the\s+|its\s+)?$"
    # 'shrugging off warnings from Washington that the purchase could trigger sanctions': the one objecting
    r"|\b(?:warnings?|threats?|pressure|objections?|opposition|criticism|protests?|concerns?)\s+from\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)

INSTEAD = re.compile(r"\binstead\b", re.IGNORECASE)

_EXPORT_DEAL = re.compile(r"\bexport\s+(?:contract|deal|order|agreement)s?\b", re.IGNORECASE)

_AWARDED = re.compile(r"award(?:s|ed|ing)?$", re.IGNORECASE)

# 'China firmly opposed a U.S. decision to approve arms sales to Taiwan': the opposer sells nothing
OPPOSED = re.compile(r"\b(?:oppos(?:e|es|ed|ing)|condemn(?:s|ed)?|protest(?:s|ed)?)\b", re.IGNORECASE)


def _approver(view: View, cues: list[Cue], sell: Cue) -> Mention | None:
    """'follow the US State Department's approval earlier this month of a $295 million sale': the one
    whose approval governs the sale sells, whatever the clause's subject."""
    approval = next((c for c in cues if c.kind == "approve" and c.end <= sell.start), None)
    if approval is None or approval.text.lower() != "approval":
        return None
    return r.modifier_before(view.slots, approval.start)


_IT_BEFORE = re.compile(r"\b(?:it|they)\b", re.IGNORECASE)

_IF_IT = re.compile(r"\bif\s+(?:it|they)\b", re.IGNORECASE)

_WARNS = re.compile(r"^(?:warn(?:s|ed)|cautioned|threatened)$", re.IGNORECASE)


def deal_roles(view: View, clause: Clause, cues: list[Cue], items: list[ItemMention]) -> dict[str, object]:
    s = view.slots
    buy = next((c for c in cues if c.kind == "buy"), None)
    sell = next((c for c in cues if c.kind == "sell"), None)
    main = buy or sell or cues[0]
    both = _both(view, clause, main)
    if both:
        return {"parties": both}
    doer = agent(view, clause, main) or _warned(view, clause, main)
    subj = [doer] if doer else r.subjects(s, clause, main.start, view.clauses)
    order = next((c for c in cues if c.kind in ("buy", "noun")), None)
    if order is not None and subj and WON.search(view.text, clause.start, order.start):
        # the nearest: 'won the contract to build 12 submarines for Australia, beating rival bids from
        # Germany's TKMS'
        found = r.after(s, clause, order.end, ("from", "for"))
        return _pair(found.code if found else None, subj[-1].code)
    award = next((c for c in cues if _AWARDED.match(c.text)), None)
    if award is not None and subj:
        # 'The US Army awarded AM General a contract': the one awarded sells to the subject
        obj = r.direct_object(s, clause, award.end, set())
        if obj is not None and not view.text[award.end : obj.start].strip():
            return {} if obj.code == subj[-1].code else _pair(subj[-1].code, obj.code)  # a domestic award
    if buy is not None and len(r.codes(subj)) < 2:
        return _bought(view, clause, buy, subj, items)
    if sell is not None and len(r.codes(subj)) < 2:
        mod = r.modifier_before(s, main.start) or _approver(view, cues, sell)
        by = r.after(s, clause, sell.end, ("by",))  # 'an arms sale to Taiwan approved by Washington'
        if by is not None and ", " in view.text[sell.end : by.start]:
            by = None  # '... to Saudi Arabia, the president said, on the eve of a visit by the crown prince'
        seller = by.code if by else mod.code if mod else (subj[-1].code if subj else None)
        involved = INVOLVED.search(view.text, clause.start, sell.start)
        firms = [m for m in s.mentions if clause.start <= m.end <= involved.start()] if involved else []
        if firms:
            seller = firms[-1].code  # 'sanctions on US companies involved in a $2.2 billion arms sale to'
        if not by and not mod and subj:
            seller = _opposed_seller(view, subj[-1], sell) or seller
        found = r.after(s, clause, sell.end, ("to",)) or r.after(s, clause, clause.start, ("for",))
        gives = (c for c in view.cues if clause.start <= c.start < sell.start and c.kind == "give")
        export = next(gives, None)
        if found is None and export is not None:
            # 'signed a deal to export 20 K9 howitzers to Vietnam, ..., marking the first sale of'
            found = r.after(s, clause, export.end, ("to",))
        if found is None and (
            any(c.kind == "noun" and c.start < sell.start for c in cues)
            or TALKS.found(view.text, clause.start, sell.start)  # 'in talks with Vietnam on sales of'
        ):
            # 'signed a deal with the Philippine defence department to export 12 FA-50s': the partner buys
            found = r.after(s, clause, clause.start, ("with",))
        return _pair(found.code if found else None, seller)
    package = _package_for(view, clause, cues)
    if package:
        return package
    if not subj:
        sign = next((c for c in cues if c.kind == "sign"), None)
        by = r.after(s, clause, sign.end, ("by",)) if sign and r.passive(s.text, sign) else None
        subj = [by] if by else subj  # 'a contract ... was signed by Armenia with France's KNDS'
    return _built_for(view, clause, cues, subj) or _between(view, clause, subj, items)


_TO_BUILD = re.compile(r"\bto\s+(?:build|make|construct|manufacture)\b", re.IGNORECASE)
_TO_SUPPLY_VERB = re.compile(r"\bto\s+(?:supply|deliver|provide|sell|export)\b", re.IGNORECASE)


def _built_for(view: View, clause: Clause, cues: list[Cue], subj: list[Mention]) -> dict[str, object]:
    """'Turkey signed a contract on Friday to build four MILGEM-class corvettes for the Pakistan Navy':
    the one that signs to build (or to supply) sells to the one it builds for (or supplies)."""
    sign = next((c for c in cues if c.kind == "sign"), None)
    if sign is None or len(r.codes(subj)) != 1:
        return {}
    build = _TO_BUILD.search(view.text, sign.end, clause.end)
    buyer = r.after(view.slots, clause, build.end(), ("for",)) if build else None
    supply = _TO_SUPPLY_VERB.search(view.text, sign.end, clause.end) if buyer is None else None
    if supply is not None:
        # 'Hanwha Defense signed a deal worth about 2 trillion won on Tuesday to supply K9 self-propelled
        # howitzers to Egypt': the one that signs to supply sells to the one supplied
        buyer = r.after(view.slots, clause, supply.end(), ("to",))
    if buyer is None or buyer.code == subj[0].code:
        return {}
    return _pair(buyer.code, subj[0].code)


# 'condemns a US arms package for Taiwan worth nearly $2 billion': the state before the noun sells to the
# state after 'for' or 'to', whoever reacts to it
_STATE_PACKAGE = re.compile(r"\s+(?:arms\s+|weapons\s+|military\s+|defen[cs]e\s+)?$", re.IGNORECASE)

_FOR_TO = re.compile(r"\s+(?:for|to)\s+(?:the\s+)?$", re.IGNORECASE)


def _package_for(view: View, clause: Clause, cues: list[Cue]) -> dict[str, object]:
    noun = next((c for c in cues if c.kind == "noun"), None)
    if noun is None:
        return {}
    s = view.slots
    before = [m for m in s.mentions if clause.start <= m.start and m.end <= noun.start]
    after = [m for m in s.mentions if noun.end <= m.start < clause.end]
    if not before or not after or before[-1].kind != "country" or after[0].kind != "country":
        return {}
    seller, buyer = before[-1], after[0]
    if not _STATE_PACKAGE.fullmatch(view.text, seller.end, noun.start) or is_possessive(view.text, seller):
        return {}
    if not _FOR_TO.fullmatch(view.text, noun.end, buyer.start) or seller.code == buyer.code:
        return {}
    return _pair(buyer.code, seller.code)


def _warned(view: View, clause: Clause, cue: Cue) -> Mention | None:
    """'has warned Egypt that it could face sanctions if it goes ahead with buying Su-35s': 'it', with no
    state named before the verb in its clause, is the one warned, not the one warning."""
    gerund = (
        cue.text.lower().endswith("ing") and not view.text[clause.start : cue.start].strip(" ,").split()[1:]
    )
    # 'has warned Egypt that a $2 billion purchase of Russian Su-35s could trigger sanctions': a
    # purchase of nobody named in a 'that' clause is the one warned
    nominal = clause.opener == "that" and cue.text.lower() in ("purchase", "acquisition", "buying")
    warn = next((c for c in view.cues if clause.start <= c.start < cue.start and _WARNS.match(c.text)), None)
    if warn is not None and _IF_IT.search(view.text, warn.end, cue.start):
        # 'have warned Egypt it could face sanctions if it goes ahead with a $2 billion purchase': one clause
        obj = r.direct_object(view.slots, clause, warn.end, set())
        return obj if obj is not None and obj.start < cue.start else None
    if not gerund and not nominal and not _IT_BEFORE.search(view.text, clause.start, cue.start):
        return None  # 'that it could face sanctions if it buys', 'that purchasing Russian weapons could
    if any(clause.start <= m.start < cue.start for m in view.slots.mentions):
        return None
    for c in reversed(view.cues):
        if c.end <= clause.start and _WARNS.match(c.text):
            obj = r.direct_object(view.slots, view.clauses[view.clause_of(c.start)], c.end, set())
            return obj if obj is not None and obj.start < clause.start else None
    return None


def _opposed_seller(view: View, subj: Mention, sell: Cue) -> str | None:
    """'China opposes a U.S. approval of a $2 billion arms sale to Taiwan': the state named after the
    opposing verb, not its subject, sells."""
    verb = OPPOSED.search(view.text, subj.end, sell.start)
    if verb is None:
        return None
    named = [
        m
        for m in view.slots.mentions
        if verb.end() <= m.start < sell.start and m.kind == "country" and m.code != subj.code
    ]
    return named[0].code if named else None


def _both(view: View, clause: Clause, cue: Cue) -> list[str]:
    """'the two countries signed': the first two states named before the clause, none named in it."""
    if not _BOTH.search(view.text, clause.start, cue.start):
        return []
    if any(clause.start <= m.start < cue.start for m in view.slots.mentions):
        return []
    return r.two_states_before(view.slots, clause.start, ("country", "body"))


def _sanctioned_for(view: View, buy: Cue) -> Mention | None:
    """'imposed sanctions on the Chinese military's Equipment Development Department ... for buying Su-35
    fighter jets': the one sanctioned for the purchase bought, not the one sanctioning."""
    if not cue_words.FOR_BEFORE.search(view.text, max(0, buy.start - 6), buy.start):
        return None
    sanction = next((c for c in reversed(view.cues) if c.etype == "sanction" and c.end <= buy.start), None)
    if sanction is None:
        return None
    between = [m for m in view.slots.mentions if sanction.end <= m.start < buy.start]
    return between[-1] if between else None


def _bought(
    view: View, clause: Clause, buy: Cue, subj: list[Mention], items: list[ItemMention]
) -> dict[str, object]:
    """'India bought S-400s from Russia', 'India's purchase of Russian arms'."""
    s = view.slots
    mod = r.modifier_before(s, buy.start)
    buyer = mod.code if mod and is_possessive(s.text, mod) else (subj[-1].code if subj else None)
    sanctioned = _sanctioned_for(view, buy)
    buyer = sanctioned.code if sanctioned is not None else buyer
    found = r.after(s, clause, buy.end, ("from",))
    if found is not None and _AWAY_FROM.search(view.text, max(0, found.start - 30), found.start):
        found = None  # 'buying South Korean K9 howitzers in shift from Russian arms': no seller
    if buyer is None and _ORDERED_FOR.match(view.text, buy.end):
        # 'the six AH-64E Apache helicopters ordered for the Indian Army from Boeing'
        for_ = r.after(s, clause, buy.end, ("for",))
        buyer = for_.code if for_ is not None and (found is None or for_.start < found.start) else None
    if found is not None and found.kind == "company" and found.code == buyer:
        return {}  # 'France has ordered 42 more Rafale jets from Dassault Aviation': procurement at home
    partners = r.all_after(s, clause, ("with", "between"))
    # ('scrapped an order for French submarines in favour of vessels built with US and British technology')
    partners = [p for p in partners if not _BUILT_WITH.search(view.text, max(0, p.start - 30), p.start)]
    with_ = r.codes(partners)
    if found is None and partners and partners[0].kind == "company" and partners[0].code == buyer:
        return {}  # 'signed a contract with Hanwha Aerospace for K9A2 howitzers': procurement at home
    seller = found.code if found else (with_[0] if with_ else None)
    if seller is None:
        made = r.origin(s, items)
        seller = made if made and made != buyer else r.maker(items, buyer)
    if seller is None:
        seller = _weapon_origin(view, clause, buyer)
    if seller is None and items and all(it.maker == buyer for it in items):
        return {}  # 'France has ordered 42 more Rafale jets': goods made at home, no trade between states
    if seller is not None and items and all(it.maker == buyer for it in items):
        # 'A French delegation began price negotiations with India for the navy's planned purchase of 26
        # Rafale Marine fighters': the maker's side sells, whoever opens the sentence
        buyer, seller = seller, buyer
    return _pair(buyer, seller)


def _between(view: View, clause: Clause, subj: list[Mention], items: list[ItemMention]) -> dict[str, object]:
    """A pact ('India and Russia signed a deal', '... a deal with France'): sides when the text tells them."""
    s = view.slots
    # ('scrapped a A$90 billion deal with France's Naval Group ..., opting instead for nuclear-powered boats
    # built with U.S. and British technology': the states turned to instead are no party)
    instead = INSTEAD.search(view.text, clause.start, clause.end)
    cut = instead.start() if instead else clause.end
    with_ = r.codes([m for m in r.all_after(s, clause, ("with", "between")) if m.start < cut])
    for_ = r.after(s, clause, clause.start, ("for",))
    if for_ is not None and _SIDE.match(view.text, for_.end):
        for_ = None  # 'with Rosoboronexport signing for the Russian side': a party, not the one it is for
    parties = r.codes(subj) + [c for c in with_ if c not in r.codes(subj)]
    makers = [it.maker for it in items if it.maker in parties]
    purpose = _PURPOSE.search(view.text, clause.start, clause.end) if subj else None
    # 'to export Pinaka launchers, anti-tank rockets and ammunition to Armenia': the list may end a clause
    rest = Clause(clause.start, len(view.text), clause.opener)
    to = r.after(s, rest, purpose.end(), ("to",)) if purpose is not None and purpose.group(1) else None
    for_who = _FOR_TO_BUY.search(view.text, clause.start, clause.end)
    if for_who is not None and len(parties) == 2:
        # 'signed agreements worth more than $3 billion for India to buy 24 MH-60R helicopters'
        named = next((m for m in s.mentions if m.start == for_who.start("who")), None)
        if named is not None and named.code in parties:
            return _pair(named.code, next(p for p in parties if p != named.code))
    if to is None and purpose is not None and purpose.group(1):
        to = _supplied_with(view, purpose.end())
    if to is not None and to.code != subj[-1].code:
        # 'India has signed a contract to export Pinaka launchers to Armenia': the subject sells to 'to X'
        return _pair(to.code, subj[-1].code)
    purpose = purpose if len(parties) == 2 else None
    if purpose is not None:
        # 'signed a deal with Azerbaijan to supply JF-17 jets': the subject sells; 'to buy', it buys
        other = next(p for p in parties if p != subj[-1].code)
        return _pair(other, subj[-1].code) if purpose.group(1) else _pair(subj[-1].code, other)
    if len(parties) == 2 and (makers or (for_ and for_.code in parties)):
        # the maker of the goods sells, whatever 'for' names later ('with an offset obligation for French
        # firms to invest in India': the Rafale's maker is France)
        buyer = next(p for p in parties if p != makers[0]) if makers else for_.code if for_ else None
        return _pair(buyer, next(p for p in parties if p != buyer))
    firms = [
        m.code
        for m, p in zip(s.mentions, s.preps, strict=True)
        if m.kind == "company"
        # ('with German shipbuilder ThyssenKrupp Marine Systems': the firm after its state and trade)
        and (p == "with" or _WITH_FIRM.search(view.text, max(clause.start, m.start - 40), m.start))
    ]
    if len(parties) == 1 and firms and firms[0] == parties[0] and (subj or view.home == parties[0]):
        # 'signed a contract with Hindustan Aeronautics for 12 Su-30MKI jets': procurement at home, no
        # trade between states, whoever designed the jets
        return {}
    if len(parties) == 2 and firms and subj and all(m.kind != "company" for m in subj):
        # 'Chile signed a contract with Spain's Navantia': a state contracting a foreign firm buys from it
        return _pair(subj[-1].code, next((p for p in parties if p != subj[-1].code), None))
    arms = _ARMS_SALE.search(view.text, clause.start, clause.end) or (
        # 'signed a package of defence agreements worth almost $110 billion, covering tanks, combat ships'
        _DEFENCE_DEALS.search(view.text, clause.start, clause.end)
        and WEAPON_NOUNS.found(view.text, clause.start, clause.end)
    )
    if len(parties) == 2 and arms:
        # 'The United States and Saudi Arabia signed an arms sales agreement': the exporter sells
        exporters = [p for p in parties if p in _EXPORTERS]
        if len(exporters) == 1:
            return _pair(next(p for p in parties if p != exporters[0]), exporters[0])
    if len(parties) == 1 and subj and _EXPORT_DEAL.search(view.text, clause.start, clause.end):
        return _pair(None, parties[0])  # 'Otokar has signed an export contract ... with a foreign customer'
    if len(parties) == 1:
        if subj:
            # 'Germany signed the deal for the Israeli-made system': the state that made the goods sells
            made = r.origin(s, items) or _made_by(view, clause, parties[0])
            return _pair(parties[0], made if made and made != parties[0] else r.maker(items, parties[0]))
        return _pair(for_.code if for_ else None, parties[0])
    return {"parties": parties} if parties else {}


_SIDE = re.compile(r"\s+side\b")

_WITH_FIRM = re.compile(r"\bwith\s+(?:[A-Z][\w'’-]*\s+)(?:[a-z][\w-]*\s+){1,2}$")

_BUILT_WITH = re.compile(r"\b(?:built|made|developed|designed|equipped|fitted|powered)\s+with\s+(?:the\s+)?$")

_WITH_GOODS = re.compile(r"\s+with\b")


def _supplied_with(view: View, end: int) -> Mention | None:
    """'signed deals worth almost $2 billion to supply India with an advanced ... missile system': the
    state right after the verb, before 'with', is supplied."""
    m = next((m for m in view.slots.mentions if m.start >= end), None)
    if m is None or view.text[end : m.start].strip(" the") or not _WITH_GOODS.match(view.text, m.end):
        return None
    return m


def _made_by(view: View, clause: Clause, exclude: str) -> str | None:
    """The state named in '<State>-made' or '<State>-built' in the clause."""
    for m in view.slots.mentions:
        if clause.start <= m.start < clause.end and m.code != exclude and _MADE_SUFFIX.search(m.text):
            return m.code
    return None


def _weapon_origin(view: View, clause: Clause, exclude: str | None) -> str | None:
    """'Russian arms', 'Chinese weapons': the actor right before a weapon noun."""
    for w in WEAPON_NOUNS.finditer(view.text, clause.start, clause.end):
        m = r.modifier_before(view.slots, w.start())
        if m is not None and m.code != exclude and not view.text[m.end : w.start()].strip():
            return m.code
    return None


def _pair(buyer: str | None, seller: str | None) -> dict[str, object]:
    if buyer and buyer == seller:
        return {}  # 'France has ordered 42 more Rafale jets' (made in France): procurement at home
    out: dict[str, object] = {}
    if buyer:
        out["buyer"] = buyer
    if seller and seller != buyer:
        out["seller"] = seller
    return out
