"""Deals in one clause: whether the cues make a trade, who buys and who sells, status, items, value.

A deal needs more than a trade word: a signing with a contract noun, a
buy/sell verb with goods or money, or an approval governing a sale ('approved
the possible sale of'). Direction comes from the verb: the subject of 'buy'
is the buyer, 'from X' the seller; the subject of 'sell' the seller, 'to X'
the buyer; a pact between two parties stays a list of parties unless an item's
maker or 'for X' tells the sides apart.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract.actors import Mention, is_possessive
from tracker.extract.amounts import _WORD_NUM, Money, parse_quantity
from tracker.extract.caseless import Caseless
from tracker.extract.cues import Cue
from tracker.extract.draft import Draft, agent, title_future
from tracker.extract.items import COMMODITIES, WEAPON_NOUNS, ItemMention
from tracker.extract.sentences import Clause
from tracker.extract.view import View

_DEFINITE = re.compile(
    r"(?:^|\b(?:said|says|say|that|signed|inked|sealed)\s+)(?:the|this|that)\s+(?:[\w$€£.,-]+\s+){0,2}$",
    re.IGNORECASE,
)  # 'The deal', 'the sources said the contract was signed', 'Taiwan signed the contract ... in 2019'

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
# 'under a deal', 'completing a contract signed in 2016', 'as part of the agreement': the deal of a delivery
_UNDER_DEAL = re.compile(
    r"\b(?:under|complet(?:ing|es|ed)|fulfill?(?:ing|s|ed)|as part of|part of)\s+(?:a|an|the|its|their)\s+"
    r"(?:[\w$,.-]+\s+){0,4}$",
    re.IGNORECASE,
)
# 'suspended talks with the United States over the purchase of F-35 jets': a trade being negotiated
_TALKS = Caseless(r"\b(?:talks|negotiations?|negotiating|discussions)\b")
# a budget's words: 'the 2022 budget bill ... sets aside', 'proposed raising defence spending'
_BUDGET = re.compile(
    r"\b(?:budget(?:\s+bill)?|defen[cs]e\s+spending|military\s+spending|appropriations?\s+bill)\b"
    r"[^.;]{0,80}\b(?:proposed|proposes|propose|raising|sets?\s+aside|earmarks?|earmarked|allocat\w+|"
    r"includ\w+|money\s+for)\b|\b(?:proposed|proposes)\s+(?:raising|increasing|a)\s+(?:[\w-]+\s+){0,3}"
    r"(?:defen[cs]e|military)\s+(?:budget|spending)\b",
    re.IGNORECASE,
)
_A_DEAL = re.compile(r"\b(?:a|an)\s+(?:[\w$.,-]+\s+){0,3}$", re.IGNORECASE)  # a deal not told before
_EXPORT = Caseless(r"\bexports?\b")
# 'did not sign', 'never bought': a past negated; 'has not yet signed' is still a plan
# 'did not sign'; 'said that Brazil would not sell ammunition ... to Germany': a refusal, no deal; 'says it
# has not sold weapons to Israel since ...'
_NEGATED_PAST = re.compile(
    r"\b(?:did not|didn't|did n't|never|(?:would|will|could|has|have) not|won't|wouldn't|couldn't|hasn't|"
    r"haven't)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_STOPPED = re.compile(r"\b(?:stopp|halt|suspend)\w*\s+(?:approving|issuing|granting)\b", re.IGNORECASE)
_MADE_SUFFIX = re.compile(r"-(?:made|built|designed)$")
_NO_DEAL = re.compile(r"\b[Nn]o\s+(?:[\w-]+\s+){0,2}?(?:contracts?|deals?|agreements?)\b")
_ANY = re.compile(
    r"\b(?:any|all)\s+(?:future\s+|new\s+)?(?:arms|weapons?|defen[cs]e|military)?\s*$", re.IGNORECASE
)
_PASSED_UP = re.compile(
    r"\bhad\s+(?:also\s+|earlier\s+|previously\s+|once\s+)?(?:considered|weighed|mulled|eyed|explored)\s+$"
)
_INVOLVED = re.compile(
    r"\b(?:companies|firms|contractors|makers|manufacturers)\s+(?:involved|taking\s+part|participating)\s+in\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w$.,-]+\s+){0,4}$"
)
_COMPETING = re.compile(r"\b(?:competing|vying|bidding|in\s+the\s+running)\s+for\b")
# 'has no plans to buy', 'ruled out buying', 'does not intend to purchase', 'is not in talks to buy':
# a plan denied, no deal
_NO_PLAN = re.compile(
    r"\b(?:no (?:plans?|intention|need|talks|proposal|move)|not (?:plan\w*|intend\w*|going|in (?:any )?talks|"
    r"negotiating|considering|looking|seeking)|ruled out|rules out|"
    r"(?:does|do|did) not (?:plan|intend|want|need|seek)|"
    r"(?:doesn't|don't|didn't) (?:plan|intend|want|need|seek))"
    r"\s+(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)
# 'Rheinmetall has won an order ... from the Netherlands': the winner sells ('a 920 billion won deal' is
# a price in won)
_WON = re.compile(
    r"\b(?<!illion\s)(?<!\d\s)(?:won|wins|win|winning|secured|secures|bagged|bags|landed|lands|received|"
    r"receives|bagged)\s+(?:(?:a|an|the)\s+)?"
    r"(?:[\w$€£.,-]+\s+){0,4}$",
    re.IGNORECASE,
)
# 'a five-year deal with France forward Kylian Mbappe', 'on a free transfer': a player's contract
_SPORT = re.compile(
    r"\b(?:[A-Z][\w-]+\s+(?:forward|striker|midfielder|defender|goalkeeper|winger)\s+[A-Z]|"
    r"(?:free|record) transfer|transfer fee|footballer|(?:football|soccer) club)"
)
# every match of _SPORT holds one of these: testing them (at C speed) first skips the search, which tried
# each position of the sentence of every deal (0.4% of extraction time)
_SPORT_WORDS = (
    *("forward", "striker", "midfielder", "defender", "goalkeeper", "winger"),
    *("transfer", "footballer", "club"),
)


def _sport(text: str) -> bool:
    return any(w in text for w in _SPORT_WORDS) and _SPORT.search(text) is not None


_PURPOSE = re.compile(
    r"\b(?:deals?|contracts?|agreements?)\s+(?:[\w$.,-]+\s+){0,8}?to\s+"
    r"(?:(supply|sell|deliver|export|provide)|buy|purchase|acquire|procure)\b",
    re.IGNORECASE,
)
_DESCRIBED = re.compile(
    r",\s+(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:order|purchase|deal|contract|sale|acquisition)\b"
)
_REMARK = re.compile(r",\s+(?:in what (?:would|will|could|is|was)|which (?:would|will|could)|making it)\b")
# the states whose arms industries export most (SIPRI): in a bilateral arms sale one of them sells
_EXPORTERS = frozenset({"USA", "RUS", "FRA", "CHN", "DEU", "ITA", "GBR", "ESP", "ISR", "KOR", "TUR"})
_ARMS_SALE = re.compile(
    r"\b(?:arms|weapons?|defen[cs]e|military)\s+(?:sales?|packages?|purchases?|export)\b", re.IGNORECASE
)
_DEFENCE_DEALS = re.compile(
    r"\b(?:arms|weapons?|defen[cs]e|military)\s+(?:agreements|deals|contracts)\b", re.IGNORECASE
)
_BY = re.compile(r"\s+by\b")
# 'after the two countries signed a $375 million deal': the subject stands for two actors named before
_BOTH = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:countries|nations|sides|governments|neighbou?rs|allies|states)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_EXPORT_AFTER = re.compile(r"\W+(?:\w+\W+){0,3}exports?\b", re.IGNORECASE)


# 'Some experts believe India could eventually buy ...', '..., though no such deal is on the table':
# a third party's guess about a trade, no deal of anyone's
# (``Caseless``: IGNORECASE searched the whole sentence of every deal, 0.5% of extraction time)
_SPECULATION = Caseless(
    r"\b(?:(?:analysts?|experts?|observers?|commentators?)\s+(?:\w+\s+){0,2}"
    r"(?:believe|think|say|said|expect|predict|suggest|argue|speculate)\w*\b[^.;]*\b(?:could|might|may)\b|"
    r"no such (?:deal|contract|agreement|purchase|order)|not (?:currently |yet )?on the table|"
    r"\b(?:could|might|may|likely)\b[^.;]*\b(?:analysts?|experts?|observers?)\s+(?:\w+\s+){0,5}(?:said|say|says)\b|"
    # 'Shares of Hanwha Aerospace surged ... as investors bet on further European orders for K9 howitzers'
    r"\b(?:investors|traders|markets?)\s+(?:\w+\s+){0,2}(?:bet|betting|bets|hope|hoping|priced)\b)"
)
_ORDERED_FOR = re.compile(r"\s+for\s+(?:the|its|their)\s+", re.IGNORECASE)
_FOR_TO_BUY = re.compile(
    r"\bfor\s+(?P<who>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})\s+to\s+(?:buy|purchase|acquire|procure)\b"
)
_AIRLINE = Caseless(
    r"\b(?:airlines?|airways|flag carrier|low-cost carrier|regional carrier|jetliners?|airliners?)\b"
)
_MILITARY = Caseless(
    r"\b(?:military|defen[cs]e|fighters?|air force|navy|army|armed forces|missiles?|tankers?|"
    r"transport aircraft)\b"
)
# 'ending its defence cooperation agreement with France': a military pact, unlike air services
_MILITARY_PACT = Caseless(r"\b(?:defen[cs]e|military|security|arms|troops|forces|nuclear)\b")
_SIGNED_FOR = re.compile(r"\s+(?:up\s+)?for\s+(?:an?\s+|the\s+)?(?:\d|[A-Z]|another|more|further)")
_THE_COUNTRY = re.compile(r"\s*[Tt]he\s+(?:country|nation|kingdom|government)\b(?!'s|’s)")
_UNDISCLOSED = re.compile(
    r"\b(?:undisclosed|unnamed|unidentified)\s+(?:[\w-]+\s+)?(?:country|customer|buyer|client|nation|state)\b"
)
_BACKLOG = re.compile(r"\bbacklogs?\b", re.IGNORECASE)
_BOOKS = re.compile(
    r"\b(?:net|gross|quarterly|annual|(?:first|second|third|fourth)-quarter|full-year|half-year|total|record)"
    r"\s+sales$"
    # 'The world's largest defense contractor reported sales of $17.1 billion'
    r"|\b(?:reported|posted|recorded|booked)\s+(?:\w+\s+)?sales$",
    re.IGNORECASE,
)
_TO_SUPPLY = re.compile(r"\bto\s+(?:supply|deliver|provide|build|sell)\b", re.IGNORECASE)
_AND_SALE_OF = re.compile(
    r",?\s+and\s+(?:of\s+|an?\s+(?:separate\s+|second\s+|further\s+)?(?:[$€£][\d.,]+\s*(?:billion|million|bn)\s+)?"
    r"(?:potential\s+|possible\s+)?sale\s+of\s+)",
    re.IGNORECASE,
)
_AWAY_FROM = re.compile(
    r"\b(?:shift|shifts|shifting|move|moves|moving|switch\w*|away|turn\w*|departure|diversif\w*|pivot\w*)"
    r"\s+(?:away\s+)?from\s+(?:the\s+|its\s+)?$"
    # 'shrugging off warnings from Washington that the purchase could trigger sanctions': the one objecting
    r"|\b(?:warnings?|threats?|pressure|objections?|opposition|criticism|protests?|concerns?)\s+from\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_INSTEAD = re.compile(r"\binstead\b", re.IGNORECASE)
# 'a massive order meant to replace more than 200 Soviet-designed T-72 tanks': the goods replaced
_REPLACED = re.compile(r"\b(?:replac(?:e|es|ed|ing)|in\s+place\s+of)\s+(?:[\w-]+\s+){0,5}$", re.IGNORECASE)


def _replaced(view: View, clause: Clause, item: ItemMention) -> bool:
    return _REPLACED.search(view.text, max(clause.start, item.start - 50), item.start) is not None


_PLAN = re.compile(
    r"\b(?:plans?|project|programme|program)\s+to\s+(?:build|make|produce|co-produce|develop)\b"
)
_OF_WHOLE = re.compile(r"\bof\s+(?:its\s+|the\s+|their\s+)?(?:\S+\s+){1,3}$")
_YEAR_NOUN = re.compile(r"\b(?:a|an|the|its|their)\s+(?:19|20)\d\d\s+(?:contract|deal|agreement|order)\b")
# 'part of an order of about $250 million that Armenia placed with India in 2022'
_PLACED_BY = re.compile(r"\border\b[^.;]{0,60}?\b(?:that|which)\s+(?:\w+\s+){1,3}placed\b")
_PLACED = re.compile(r"\b(?:with|plac\w+)\s+(?:an?\s+|its\s+|their\s+)?(?:first\s+)?order\s+for\b")
_ANOTHER = re.compile(r"\band\s+(?:another|a further)\s+(\d{1,4})\b")
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
_EXPORT_DEAL = re.compile(r"\bexport\s+(?:contract|deal|order|agreement)s?\b", re.IGNORECASE)
_ORDER_NOUN = re.compile(r"^orders?$", re.IGNORECASE)
_AWARDED = re.compile(r"award(?:s|ed|ing)?$", re.IGNORECASE)
# 'China firmly opposed a U.S. decision to approve arms sales to Taiwan': the opposer sells nothing
_OPPOSED = re.compile(r"\b(?:oppos(?:e|es|ed|ing)|condemn(?:s|ed)?|protest(?:s|ed)?)\b", re.IGNORECASE)


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
        items = [it for it in items if not _INSTEAD.search(view.text, cues[0].end, it.start)]
    if "approve" in kinds and not _approves_trade(view, cues):
        kinds.discard("approve")
    if "approve" in kinds and _STOPPED.search(view.text, clause.start, cues[0].end):
        return None  # 'Berlin stopped approving new exports to Riyadh': a freeze (``sanctions``), no sale
    if "approve" in kinds and _EXPORT.found(view.text[clause.start : clause.end]):
        kinds.add("sell")
        cues = [*cues, Cue("deal", "sell", cues[-1].start, cues[-1].end, "export")]
    choice = _chosen_supplier(view, clause, cues)
    if choice is not None and (items or WEAPON_NOUNS.found(view.text, clause.start, clause.end)):
        kinds.add("buy")  # 'has selected Japan's MHI to build 11 frigates': a purchase from the one chosen
    verbs = any(c.kind in ("buy", "sell") and cue_words.is_verb(c, view.text) for c in cues)
    strong = (
        (choice is not None and "buy" in kinds)
        or ("sign" in kinds and "noun" in kinds)
        or ("sign" in kinds and _placed(cues) and bool(items or money))
        or ("sign" in kinds and bool(kinds & {"buy", "sell"}) and bool(items))
        # 'The country instead signed for 42 Dassault Rafale jets from France'
        or ("sign" in kinds and bool(items) and any(_SIGNED_FOR.match(view.text, c.end) for c in cues))
        or (verbs and bool(items or money or WEAPON_NOUNS.found(view.text, clause.start, clause.end)))
        or (bool(kinds & {"noun", "buy", "sell"}) and bool(money))
        or ("approve" in kinds and bool(kinds & {"noun", "buy", "sell"}))
        # 'The contract, covering four sets of six drones, was signed on Monday': the deal told before
        or (kinds == {"noun"} and _told_and_done(view, clause, cues))
        # 'delivered three regiments of S-400 systems to India under the 2018 contract': a dated deal
        or (
            kinds == {"noun"}
            and _UNDER_DEAL.search(view.text, clause.start, cues[0].start) is not None
            and _YEAR_NOUN.search(view.text, max(clause.start, cues[0].start - 20), cues[0].end) is not None
        )
        or (
            "cancel" in kinds
            and bool(kinds & {"noun", "buy"})
            # 'said they would cancel bilateral air service agreements with Tehran': no trade in arms
            and bool(
                items
                or money
                or "buy" in kinds
                or WEAPON_NOUNS.found(view.text, clause.start, clause.end)
                or _MILITARY_PACT.found(view.text, clause.start, clause.end)
            )
        )
        # 'has shelved a plan to build 200 Ka-226T helicopters with Russia'
        or ("cancel" in kinds and bool(items) and bool(_PLAN.search(view.text, clause.start, clause.end)))
        or (
            bool(kinds & {"buy", "sell"})
            and bool(items)
            and _TALKS.found(view.text, clause.start, clause.end)
        )
        # 'is in talks with the United States over a deal for a batch of F-16 fighter jets' (not 'talks on
        # the S-400 deal': the one signed before)
        or (
            "noun" in kinds
            and bool(items)
            and _TALKS.found(view.text, clause.start, cues[0].start)
            and any(
                c.kind == "noun" and _A_DEAL.search(view.text, max(0, c.start - 30), c.start) for c in cues
            )
        )
    )
    if not strong or _sport(view.text):
        return None
    if items and all(it.name in COMMODITIES for it in items) and not money and "sign" not in kinds:
        return None  # 'will continue to buy Russian oil': trade in goods, not a deal to record
    # ', in what would be Hanoi's first major purchase': a remark on the deal, whose modal plans nothing
    remark = _REMARK.search(view.text, cues[0].end, clause.end)
    window = view.text[clause.start : max(c.end for c in cues if remark is None or c.end <= remark.start())]
    if _NEGATED_PAST.search(view.text, clause.start, cues[0].start) and not cue_words.PENDING.found(window):
        return None  # 'did not sign any weapons contract with Russia': a denial, no deal
    if _NO_DEAL.search(view.text, clause.start, max(c.end for c in cues)):
        return None  # '..., adding that no contract had been signed yet': the state of the deal told before
    if _NO_PLAN.search(view.text, clause.start, cues[0].start) or any(
        c.kind != "approve" and _ANY.search(view.text, 0, c.start) for c in cues
    ):
        return None  # 'has no plans to buy'; 'approval for any arms purchase': no trade in particular
    # 'proposed raising defence spending to a record T$949.5 billion, including money for HIMARS launchers
    # still on order': what a budget sets aside, no deal of its own
    if "sign" not in kinds and _BUDGET.search(view.text):
        return None
    if _AIRLINE.found(view.text) and not _MILITARY.found(view.text):
        return None  # 'Turkish Airlines agreed to buy up to 355 Airbus jets': an airline's fleet, no state's
    if view.hearsay or _SPECULATION.found(view.text) or cue_words.FORMER_SAID.found(view.text):
        return None
    if _PASSED_UP.search(view.text, clause.start, cues[0].start):
        return None  # 'Argentina had also considered buying Chinese-made JF-17 fighters': not taken up
    if _UNDISCLOSED.search(view.text, clause.start, clause.end):
        return None  # 'awarded a contract ... to supply artillery rocket systems to an undisclosed country'
    if _BACKLOG.search(view.text, max(0, cues[0].start - 80), cues[0].start):
        return None  # 'The backlog of U.S. weapons that Taiwan has ordered but not yet received': a tally
    if cue_words.DENIED.found(view.text[max(0, clause.start - 60) : cues[0].start]):
        return None  # 'denied reports that Cairo had agreed to buy J-10C jets
    # ('with 99 engines due under the order': 'order' a noun there)
    noun = next((c for c in cues if c.kind == "noun" or _ORDER_NOUN.match(c.text)), None)
    under = (
        noun is not None
        and not any(
            c is not noun and c.kind in ("buy", "sell") and cue_words.is_verb(c, view.text) for c in cues
        )  # 'will buy three C-390s from Brazil under a deal worth ...': the verb has the sides
        and _UNDER_DEAL.search(view.text, clause.start, noun.start) is not None
    )
    # 'shipped K2 tanks to Poland under a deal signed in August': the deal's sides are the delivery's,
    # which ``sides.infer_sides`` lends; the clause's subject is the shipper, not a party to read here
    core = clause if described is None else Clause(clause.start, described.start(), clause.opener)
    roles = {} if under else _roles(view, core, cues, items)
    _signed_for(view, core, cues, roles)
    _signed_to_supply(view, core, cues, roles)
    if _home_made(view, core, roles):
        return None
    if choice is not None and not {"seller", "parties"} & roles.keys() and choice.code != roles.get("buyer"):
        roles["seller"] = choice.code
    if "seller" in roles and not {"buyer", "parties"} & roles.keys():
        owner = _kept_for(view, clause, cues)
        if owner is not None and owner != roles["seller"]:
            roles["buyer"] = owner
    _pair_by_maker(view, clause, cues, roles)
    if "seller" in roles and _COMPETING.search(view.text, clause.start, clause.end):
        del roles["seller"]  # 'with Saab's Gripen, Lockheed Martin's F-16 and Dassault's Rafale competing'
    draft = Draft("deal", view, clause, cues, roles)
    # 'China on Saturday opposed a U.S. approval of an arms sale', 'will impose sanctions on US companies
    # involved in a $2.2 billion arms sale to Taiwan': the day and the plan words are the reaction's
    # (to the end of a relative clause whose approval the cues hold: '..., which the State
    # Department approved on Friday')
    opposed = _OPPOSED.search(view.text, clause.start, cues[0].start) or _INVOLVED.search(
        view.text, clause.start, cues[0].start
    )
    if opposed is not None:
        draft.date_span = (opposed.end(), view.clauses[view.clause_of(cues[-1].start)].end)
        draft.reacted = True
    start = clause.start
    if opposed is not None and opposed.re is _INVOLVED:
        start = opposed.end()
        window = view.text[start : max(c.end for c in cues)]
    if under and noun is not None:
        start = noun.start
        window = view.text[start : max(c.end for c in cues)]  # 'will ship ... under a contract signed'
    draft.status = title_future(view, cues) or cue_words.deal_status(window, cues, start)
    cleared = next((c for c in cues if c.kind == "approve"), None)
    if draft.status == "announced" and cleared and _TALKS_CLEARED.match(view.text, cleared.end):
        draft.status = "planned"  # 'cleared the start of contract negotiations with Mazagon Dock': talks
    if draft.status is None and _WON.search(view.text, clause.start, cues[0].start):
        draft.status = "signed"  # 'has won an order worth ...'
    # ('... an order of about $250 million that Armenia placed': the relative clause may follow)
    placed = _PLACED_BY.search(view.text, clause.start)
    if draft.status is None and (_PLACED.search(view.text, clause.start, clause.end) or placed):
        draft.status = "signed"  # 'became the first buyer of the Rafale in 2015 with an order for 24 jets'
    predicate = _predicate_status(view, clause)
    if draft.status is None or (predicate == "cancelled" and draft.status == "planned"):
        # ('The plan to acquire 200 Ka-226T helicopters from Russia, ..., has been scrapped': called off)
        draft.status = predicate or draft.status
    if draft.status is None and _TALKS.found(view.text, 0, cues[0].start):
        draft.status = "planned"  # 'is in final price negotiations with ... (MDL) for three more Scorpenes'
    if draft.status is None and (under or _YEAR_NOUN.search(view.text, clause.start, clause.end)):
        draft.status = "signed"  # 'delivered under a 2014 contract for 36 aircraft': the contract exists
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
    draft.items, draft.value = _counted(view, core, items), _nearest(money, cues) or _worth(view)
    draft.background = under
    draft.anaphoric = noun is not None and bool(_DEFINITE.search(view.text, clause.start, noun.start))
    return draft


def _told_and_done(view: View, clause: Clause, cues: list[Cue]) -> bool:
    """A definite deal noun opening the sentence, whose predicate after an apposition tells its status."""
    first = cues[0]
    definite = _DEFINITE.search(view.text, clause.start, first.start) is not None
    return definite and clause.start == 0 and _predicate_status(view, clause) is not None


def _predicate_status(view: View, clause: Clause) -> str | None:
    """'The contract, worth about 10 billion yen, was signed in 2020': the clause after the appositive
    is the predicate of the deal named before it, and its verb tells the status."""
    ci = view.clause_of(max(clause.start, clause.end - 1))
    if ci + 1 >= len(view.clauses) or view.clauses[ci + 1].opener not in _PREDICATE_OPENERS:
        return None
    after = view.clauses[ci + 1]
    cues = [c for c in view.cues if after.start <= c.start < after.end and c.etype == "deal"]
    if not cues or any(c.kind not in ("sign", "approve", "cancel") for c in cues):
        return None
    return cue_words.deal_status(view.text[after.start : cues[-1].end], cues, after.start)


def _counted(view: View, clause: Clause, items: list[ItemMention]) -> list[ItemMention]:
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
    m = _YEAR_NOUN.search(view.text, clause.start, clause.end)
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
    goods = _counted(view, before, [i._replace(quantity=None) for i in delivery.items[:1]])
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


def _approver(view: View, cues: list[Cue], sell: Cue) -> Mention | None:
    """'follow the US State Department's approval earlier this month of a $295 million sale': the one
    whose approval governs the sale sells, whatever the clause's subject."""
    approval = next((c for c in cues if c.kind == "approve" and c.end <= sell.start), None)
    if approval is None or approval.text.lower() != "approval":
        return None
    return r.modifier_before(view.slots, approval.start)


def _approves_trade(view: View, cues: list[Cue]) -> bool:
    """'approved the possible sale of': the approval governs a trade word a few words later."""
    for a in (c for c in cues if c.kind == "approve"):
        for c in cues:
            if (
                c.kind in ("noun", "buy", "sell")
                and c.start - a.end >= 0
                and len(view.text[a.end : c.start].split()) <= 7
            ):
                return True
            if c.kind == "noun" and not view.text[c.end : a.start].strip() and _BY.match(view.text, a.end):
                return True  # 'under a deal approved by Washington': the deal the approval passed
        if _EXPORT_AFTER.match(view.text[a.end : a.end + 40]):
            return True
    return False


def _worth(view: View) -> Money | None:
    """The sentence's one price named as such ('..., is worth up to 254 billion yen') when the deal's
    own clause has none."""
    found = [m for m in view.money if _WORTH.search(view.text, max(0, m.start - 40), m.start)]
    return found[0] if len(found) == 1 and len(view.money) == 1 else None


def _nearest(money: list[Money], cues: list[Cue]) -> Money | None:
    if not money:
        return None
    return min(money, key=lambda m: min(abs(m.start - c.start) for c in cues))


_PREDICATE_OPENERS = frozenset({"was", "were", "has", "had", "have"})
_IT_BEFORE = re.compile(r"\b(?:it|they)\b", re.IGNORECASE)
_IF_IT = re.compile(r"\bif\s+(?:it|they)\b", re.IGNORECASE)
_WARNS = re.compile(r"^(?:warn(?:s|ed)|cautioned|threatened)$", re.IGNORECASE)


def _roles(view: View, clause: Clause, cues: list[Cue], items: list[ItemMention]) -> dict[str, object]:
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
    if order is not None and subj and _WON.search(view.text, clause.start, order.start):
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
        involved = _INVOLVED.search(view.text, clause.start, sell.start)
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
            or _TALKS.found(view.text, clause.start, sell.start)  # 'in talks with Vietnam on sales of'
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


def _built_for(view: View, clause: Clause, cues: list[Cue], subj: list[Mention]) -> dict[str, object]:
    """'Turkey signed a contract on Friday to build four MILGEM-class corvettes for the Pakistan Navy':
    the one that signs to build sells to the one it builds for."""
    sign = next((c for c in cues if c.kind == "sign"), None)
    if sign is None or len(r.codes(subj)) != 1:
        return {}
    build = _TO_BUILD.search(view.text, sign.end, clause.end)
    buyer = r.after(view.slots, clause, build.end(), ("for",)) if build else None
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


def _placed(cues: list[Cue]) -> bool:
    """'Armenia last month placed an order worth about Rs 6,000 crore for India's Akash': the order named."""
    return any(c.text.lower().startswith("placed") for c in cues)


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
    signed = next((c for c in cues if c.kind == "sign" and _SIGNED_FOR.match(view.text, c.end)), None)
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
    verb = _OPPOSED.search(view.text, subj.end, sell.start)
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
    instead = _INSTEAD.search(view.text, clause.start, clause.end)
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
