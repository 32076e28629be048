"""Whether a deal clause's cues make a trade: the evidence of one (a signing with a contract noun or
goods, a buy or sell verb with goods or money, an approval governing a sale, a cancellation of arms, the
deal told before, a supplier chosen) and what rules one out (a denial, 'no plans to', a budget, an
airline's fleet, hearsay, a purchase passed up, an undisclosed buyer, a tally of orders, a sport).
"""

from __future__ import annotations

import re

from tracker.extract import cues as cue_words
from tracker.extract import statuses
from tracker.extract.actors import Mention
from tracker.extract.amounts import Money
from tracker.extract.caseless import Caseless
from tracker.extract.cues import Cue
from tracker.extract.deal_roles import TALKS
from tracker.extract.items import WEAPON_NOUNS, ItemMention
from tracker.extract.sentences import Clause
from tracker.extract.view import View

DEFINITE = re.compile(
    r"(?:^|\b(?:said|says|say|that|signed|inked|sealed)\s+)(?:the|this|that)\s+(?:[\w$€£.,-]+\s+){0,2}$",
    re.IGNORECASE,
)  # 'The deal', 'the sources said the contract was signed', 'Taiwan signed the contract ... in 2019'

# 'under a deal', 'completing a contract signed in 2016', 'as part of the agreement': the deal of a delivery
UNDER_DEAL = re.compile(
    r"\b(?:under|complet(?:ing|es|ed)|fulfill?(?:ing|s|ed)|as part of|part of)\s+(?:a|an|the|its|their)\s+"
    r"(?:[\w$,.-]+\s+){0,4}$",
    re.IGNORECASE,
)

# a budget's words: 'the 2022 budget bill ... sets aside', 'proposed raising defence spending'
_BUDGET = re.compile(
    r"\b(?:budget(?:\s+bill)?|defen[cs]e\s+spending|military\s+spending|appropriations?\s+bill)\b"
    r"[^.;]{0,80}\b(?:proposed|proposes|propose|raising|sets?\s+aside|earmarks?|earmarked|allocat\w+|"
    r"includ\w+|money\s+for)\b|\b(?:proposed|proposes)\s+(?:raising|increasing|a)\s+(?:[\w-]+\s+){0,3}"
    r"(?:defen[cs]e|military)\s+(?:budget|spending)\b",
    re.IGNORECASE,
)

_A_DEAL = re.compile(r"\b(?:a|an)\s+(?:[\w$.,-]+\s+){0,3}$", re.IGNORECASE)  # a deal not told before

# 'did not sign', 'never bought': a past negated; 'has not yet signed' is still a plan
# 'did not sign'; 'said that Brazil would not sell ammunition ... to Germany': a refusal, no deal; 'says it
# has not sold weapons to Israel since ...'
_NEGATED_PAST = re.compile(
    r"\b(?:did not|didn't|did n't|never|(?:would|will|could|has|have) not|won't|wouldn't|couldn't|hasn't|"
    r"haven't)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

_NO_DEAL = re.compile(r"\b[Nn]o\s+(?:[\w-]+\s+){0,2}?(?:contracts?|deals?|agreements?)\b")

_ANY = re.compile(
    r"\b(?:any|all)\s+(?:future\s+|new\s+)?(?:arms|weapons?|defen[cs]e|military)?\s*$", re.IGNORECASE
)

_PASSED_UP = re.compile(
    r"\bhad\s+(?:also\s+|earlier\s+|previously\s+|once\s+)?(?:considered|weighed|mulled|eyed|explored)\s+$"
)

_ALLOWED_TO = re.compile(r"\b(?:allow\w*|enabl\w*|permit\w*|fre(?:e|ed|eing))\s+(?:[\w.'’-]+\s+){0,3}to\s+$")

# 'has no plans to buy', 'ruled out buying', 'does not intend to purchase', 'is not in talks to buy':
# a plan denied, no deal
_NO_PLAN = re.compile(
    r"\b(?:no (?:immediate |current |firm |such )?(?:plans?|intention|need|talks|proposal|move)|"
    r"not (?:plan\w*|intend\w*|going|in (?:any )?talks|"
    r"negotiating|considering|looking|seeking)|ruled out|rules out|"
    r"(?:does|do|did) not (?:plan|intend|want|need|seek)|"
    r"(?:doesn't|don't|didn't) (?:plan|intend|want|need|seek))"
    r"\s+(?:\w+\s+){0,4}$",
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


def sport(text: str) -> bool:
    return any(w in text for w in _SPORT_WORDS) and _SPORT.search(text) is not None


_BY = re.compile(r"\s+by\b")

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

_AIRLINE = Caseless(
    r"\b(?:airlines?|airways|flag carrier|low-cost carrier|regional carrier|jetliners?|airliners?)\b"
)

_MILITARY = Caseless(
    r"\b(?:military|defen[cs]e|fighters?|air force|navy|army|armed forces|missiles?|tankers?|"
    r"transport aircraft)\b"
)

# 'ending its defence cooperation agreement with France': a military pact, unlike air services
_MILITARY_PACT = Caseless(r"\b(?:defen[cs]e|military|security|arms|troops|forces|nuclear)\b")

SIGNED_FOR = re.compile(r"\s+(?:up\s+)?for\s+(?:an?\s+|the\s+)?(?:\d|[A-Z]|another|more|further)")

_UNDISCLOSED = re.compile(
    r"\b(?:undisclosed|unnamed|unidentified)\s+(?:[\w-]+\s+)?(?:country|customer|buyer|client|nation|state)\b"
)

_BACKLOG = re.compile(r"\bbacklogs?\b", re.IGNORECASE)

_PLAN = re.compile(
    r"\b(?:plans?|project|programme|program)\s+to\s+(?:build|make|produce|co-produce|develop)\b"
)

YEAR_NOUN = re.compile(r"\b(?:a|an|the|its|their)\s+(?:19|20)\d\d\s+(?:contract|deal|agreement|order)\b")


def makes_a_trade(
    view: View,
    clause: Clause,
    cues: list[Cue],
    kinds: set[str],
    items: list[ItemMention],
    money: list[Money],
    choice: Mention | None,
) -> bool:
    """Whether the cues make a trade: a signing with a contract noun or goods, a buy/sell verb with goods
    or money, an approval governing a sale, a cancellation of arms, a deal told before ('under the 2018
    contract'), a supplier chosen."""
    verbs = any(c.kind in ("buy", "sell") and cue_words.is_verb(c, view.text) for c in cues)
    return (
        (choice is not None and "buy" in kinds)
        or ("sign" in kinds and "noun" in kinds)
        or ("sign" in kinds and placed(cues) and bool(items or money))
        or ("sign" in kinds and bool(kinds & {"buy", "sell"}) and bool(items))
        # 'The country instead signed for 42 Dassault Rafale jets from France'
        or ("sign" in kinds and bool(items) and any(SIGNED_FOR.match(view.text, c.end) for c in cues))
        or (verbs and bool(items or money or WEAPON_NOUNS.found(view.text, clause.start, clause.end)))
        or (bool(kinds & {"noun", "buy", "sell"}) and bool(money))
        or ("approve" in kinds and bool(kinds & {"noun", "buy", "sell"}))
        # 'The contract, covering four sets of six drones, was signed on Monday': the deal told before
        or (kinds == {"noun"} and _told_and_done(view, clause, cues))
        # 'delivered three regiments of S-400 systems to India under the 2018 contract': a dated deal
        or (
            kinds == {"noun"}
            and UNDER_DEAL.search(view.text, clause.start, cues[0].start) is not None
            and YEAR_NOUN.search(view.text, max(clause.start, cues[0].start - 20), cues[0].end) is not None
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
            bool(kinds & {"buy", "sell"}) and bool(items) and TALKS.found(view.text, clause.start, clause.end)
        )
        # 'is in talks with the United States over a deal for a batch of F-16 fighter jets' (not 'talks on
        # the S-400 deal': the one signed before)
        or (
            "noun" in kinds
            and bool(items)
            and TALKS.found(view.text, clause.start, cues[0].start)
            and any(
                c.kind == "noun" and _A_DEAL.search(view.text, max(0, c.start - 30), c.start) for c in cues
            )
        )
    )


def ruled_out(view: View, clause: Clause, cues: list[Cue], kinds: set[str], window: str) -> bool:
    """A trade the sentence denies, hedges or makes no one's: a denial, 'no plans to', a budget, an
    airline's fleet, hearsay, a purchase passed up, an undisclosed buyer, a tally of orders."""
    if _NEGATED_PAST.search(view.text, clause.start, cues[0].start) and not cue_words.PENDING.found(window):
        return True  # 'did not sign any weapons contract with Russia': a denial, no deal
    if _NO_DEAL.search(view.text, clause.start, max(c.end for c in cues)):
        return True  # '..., adding that no contract had been signed yet': the state of the deal told before
    if _NO_PLAN.search(view.text, clause.start, cues[0].start) or any(
        c.kind != "approve" and _ANY.search(view.text, 0, c.start) for c in cues
    ):
        return True  # 'has no plans to buy'; 'approval for any arms purchase': no trade in particular
    # 'proposed raising defence spending to a record T$949.5 billion, including money for HIMARS launchers
    # still on order': what a budget sets aside, no deal of its own
    if "sign" not in kinds and _BUDGET.search(view.text):
        return True
    if _AIRLINE.found(view.text) and not _MILITARY.found(view.text):
        return True  # 'Turkish Airlines agreed to buy up to 355 Airbus jets': an airline's fleet, no state's
    if view.hearsay or _SPECULATION.found(view.text) or cue_words.FORMER_SAID.found(view.text):
        return True
    if _ALLOWED_TO.search(view.text, clause.start, cues[0].start):
        return True  # 'the embargo expired, allowing Tehran to buy and sell conventional weapons': leave
    if _PASSED_UP.search(view.text, clause.start, cues[0].start):
        return True  # 'Argentina had also considered buying Chinese-made JF-17 fighters': not taken up
    if _UNDISCLOSED.search(view.text, clause.start, clause.end):
        return True  # 'awarded a contract ... to supply artillery rocket systems to an undisclosed country'
    if _BACKLOG.search(view.text, max(0, cues[0].start - 80), cues[0].start):
        return True  # 'The backlog of U.S. weapons that Taiwan has ordered but not yet received': a tally
    # 'denied reports that Cairo had agreed to buy J-10C jets'
    return cue_words.DENIED.found(view.text[max(0, clause.start - 60) : cues[0].start])


def _told_and_done(view: View, clause: Clause, cues: list[Cue]) -> bool:
    """A definite deal noun opening the sentence, whose predicate after an apposition tells its status."""
    first = cues[0]
    definite = DEFINITE.search(view.text, clause.start, first.start) is not None
    return definite and clause.start == 0 and predicate_status(view, clause) is not None


def predicate_status(view: View, clause: Clause) -> str | None:
    """'The contract, worth about 10 billion yen, was signed in 2020': the clause after the appositive
    is the predicate of the deal named before it, and its verb tells the status."""
    ci = view.clause_of(max(clause.start, clause.end - 1))
    if ci + 1 >= len(view.clauses) or view.clauses[ci + 1].opener not in _PREDICATE_OPENERS:
        return None
    after = view.clauses[ci + 1]
    cues = [c for c in view.cues if after.start <= c.start < after.end and c.etype == "deal"]
    if not cues or any(c.kind not in ("sign", "approve", "cancel") for c in cues):
        return None
    return statuses.deal_status(view.text[after.start : cues[-1].end], cues, after.start)


def approves_trade(view: View, cues: list[Cue]) -> bool:
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


_PREDICATE_OPENERS = frozenset({"was", "were", "has", "had", "have"})


def placed(cues: list[Cue]) -> bool:
    """'Armenia last month placed an order worth about Rs 6,000 crore for India's Akash': the order named."""
    return any(c.text.lower().startswith("placed") for c in cues)
