"""How far along an event is: the status words around a cue and what they make of a deal (planned,
signed), a delivery (planned, began, completed) or a sanction (threatened, imposed, waived, lifted).

The status comes from the words of the clause up to the cue, so a condition or a negation ('has not
yet been sanctioned', 'if it buys') can never yield an imposed sanction or a signed deal.
"""

from __future__ import annotations

import re

from tracker.extract.caseless import Caseless
from tracker.extract.cues import Cue

_I = re.IGNORECASE
_MAY = "may"  # the verb; 'May' is the month


PLANNED = Caseless(
    # ('will join the 36 Rafale jets the air force bought': the goods' future, not the deal's)
    r"\b(?:will(?! (?:join|replace|equip|serve|operate|complement|augment|"
    r"be (?:used|based|deployed|stationed)))|"
    r"would|shall|should(?= be\b)|set to|plans?|planning|planned|expect(?:s|ed)|likely|to be signed|"
    r"in talks|talks|"
    r"negotiat\w*|consider\w*|weigh\w*|mull\w*|close to|seek\w*|wants? to|keen|propos\w*|offer\w*|"
    r"could|might|ready to|intends?|aims? to|interested in|"
    r"hop(?:e|es|ing) to|look(?:s|ing)? to|scheduled|poised|not|n't|never|yet to|(?:is|are) due|discuss\w*|"
    r"decid(?:ed|es) to|"  # 'immediately decided to ship Patriot missiles to the United States'
    r"slated|due to (?:begin|start|commence|arrive|be)|due (?:in|by|from|next|between)|"
    r"pushed (?:back )?to|delayed (?:to|until|till)|postponed|rescheduled|"
    r"to be (?:deliver|suppl|ship|hand|transferr|provid)\w*|"
    r"near(?:s|ing)?(?= (?:shipment|delivery|completion|handover)))\b",  # 'as the first units near shipment'
    cased=_MAY,
)

_NUMBERS = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

BEGAN = Caseless(
    rf"\b(?:began|begun|begins?|beginning|start\w*|commenc\w*|first|initial|maiden|"
    rf"{_NUMBERS} of (?:the |its |their )?{_NUMBERS})\b"
)

ONGOING = Caseless(
    r"\b(?:(?:is|are) (?:now |currently |still )?(?:deliver|suppl|send|ship|provid)\w*ing|continu\w*|ongoing|"
    r"under ?way|being (?:delivered|supplied|shipped))\b",
)

STARTED = Caseless(r"\b(?:began|begun|begins?|start(?:s|ed)|commenc\w*)\b")

_FINAL_N = Caseless(rf"\b(?:the\s+)?(?:last|final)\s+{_NUMBERS}\s+(?!of\b)")

_LAST_OF = Caseless(rf"\b(?:last|final|remaining)\s+{_NUMBERS}\s+of\b")

COMPLETED = Caseless(
    r"\b(?:complet\w*|all|final|"
    # 'reached the Philippines last week': a day, not the last of the goods
    r"last(?!\s+(?:week|month|year|night|weekend|\w+day|spring|summer|autumn|fall|winter|january|february|"
    r"march|april|may|june|july|august|september|october|november|december)\b)(?!\s+\w*$))\b"
)

# 'the third of five S-400 squadrons': deliveries go on, unless it is 'the second of two'
_N_OF_THE = re.compile(
    r"(?<!first )\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+of\s+(?:the|its|their)\s+"
    r"(?P<of>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b",
    re.IGNORECASE,
)

_NTH_OF = re.compile(
    r"\b(?P<nth>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<of>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\b",
    re.IGNORECASE,
)

_NTH_BATCH = Caseless(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|another|next|fresh|new)\s+"
    r"(?:batch|tranche|consignment|lot|shipment)\b"
)

# 'received two more Saab Gripen E fighter jets': more came before, and the order goes on
_N_MORE = Caseless(rf"\b{_NUMBERS}\s+more\b")

_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")

_CARDINALS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

WAIVED = Caseless(r"\b(?:waiv\w*|exempt\w*|carve-?outs?|general licen[cs]es?)\b")

LIFTED = Caseless(
    r"\b(?:lift\w*(?! (?:the )?(?:\w+ )?(?:levy|duty|duties|tariffs?|rate) (?:on [\w ]{1,30})?to \d)|"
    # ('... trigger U.S. sanctions and Turkey's removal from the F-35 fighter jet programme': no relief)
    # ('a deal that could ease the impact of US sanctions on Tehran': the sanctions stay)
    r"eas(?:e|es|ed|ing)(?! (?:the )?(?:impact|effect|pain|burden|blow|sting|bite) of\b)|"
    r"remov\w*(?! from (?:the )?(?:[\w-]+ ){0,3}(?:programme|program|project)\b)|"
    r"roll\w* back|revok\w*|"
    r"end(?:s|ed|ing)?(?![ -]users?\b)(?!\s+of\b)|terminat\w*|unfreez\w*|relief|"
    # 'A UN arms embargo on Iran expired on Sunday in line with the 2015 nuclear deal'
    r"expir(?:ed|es|ing)|lapsed|"
    # 'The European Union on Monday suspended a raft of sanctions on Syria's energy ... sectors'
    r"suspend(?:s|ed|ing)?(?=\s+(?:[\w'’-]+\s+){0,4}(?:sanctions|restrictions|measures)\b))\b",
)

THREATENED = Caseless(
    # ('materials with potential military applications' threaten nothing)
    r"\b(?:threat\w*|warn\w*|could|might|would|will|consider\w*|weigh\w*|mull\w*|"
    r"(?:possible|potential)(?= (?:new |further |more |fresh |us |u\.s\. |eu )?"
    r"(?:sanctions|penalties|measures|restrictions|curbs|bans?|tariffs|action|punitive))|"
    # ('in its most aggressive move yet to punish Moscow': no delay)
    r"risk\w*|fac(?:e|es|ed|ing)|not|n't|never|(?<!move )(?<!step )yet to|refrain\w*|if|unless|should|"
    # 'the US has so far held off on sanctioning New Delhi', 'stopped short of sanctioning'
    r"h[eo]ld(?:s|ing)?\s+off|stopp?(?:ed|ing|s)?\s+short\s+of|"
    r"expos\w*|prepar\w*|"
    r"(?<!-)draft\w*|"  # (not 'adopted a U.S.-drafted resolution imposing new sanctions': its author)
    r"propos\w*|seek\w*|call\w* for|urg\w*|push\w* for|lead to|plans?|planning|"
    # 'signed an order that allows for sweeping sanctions': the power to sanction, none imposed yet
    r"allows? for|allowing for|(?:clear|pav)(?:e|es|ed|ing|s)? the way for|"
    r"draw(?:s|ing|n)?\s+up|drew\s+up)\b",
    cased=_MAY,
)

IMPOSED = Caseless(
    r"\b(?:impos\w*|reimpos\w*|slap\w*|announc\w*|unveil\w*|publish(?:ed|es|ing)|adopt\w*|extend\w*|expand\w*|levi\w*|levy|add\w*|target\w*|"
    r"hit|froze|freez\w*|banned|returned|relisted|re-?designated|(?:decided|decides|has\s+decided)\s+to\s+take|took|(?:has|have|had)\s+taken|bans|halted|suspended|tighten\w*|approv\w*|new|fresh|sanctioned|"
    r"blacklist\w*|agreed|(?:came|come|comes|coming)\s+into\s+(?:force|effect)|(?:took|takes|take)\s+effect|"
    r"went\s+into\s+effect|signed\s+(?:a|an|the)\s+(?:executive\s+)?(?:decree|order))\b",
)

_PAST = re.compile(r"(?:ed|sent|gave|got|sold|bought|took delivery|taken delivery|handed over|handover)$", _I)


def deal_status(window: str, cues: list[Cue], offset: int = 0) -> str | None:
    """``window`` is the clause's text from ``offset`` to its last cue. A plan word after a done
    signing or approval belongs to its object ('cleared a proposal to buy', 'signed a letter of offer
    and acceptance'), so only the words before that verb can make the deal a plan."""
    kinds = {c.kind for c in cues}
    if "cancel" in kinds:
        return "cancelled"
    if any(_INTENT.match(c.text) for c in cues):
        return "planned"  # 'signed a letter of intent ... for the purchase of up to 77 Leopard 2A8 tanks'
    done = next((c for c in cues if c.kind in ("sign", "approve") and _PAST.search(c.text)), None)
    if done is not None:
        return _done_status(window, cues, offset, done)
    if PLANNED.found(window):
        return "planned"
    if "sign" in kinds or any(c.kind in ("buy", "sell") and _PAST.search(c.text) for c in cues):
        return "signed"
    if "approve" in kinds:
        return "announced"
    return None


_TO = re.compile(r"\bto\s+$", _I)

_TO_BE = re.compile(r"\bto\s+be\s+$", _I)

# 'could resolve their dispute ... and lift sanctions within months', 'Any lifting of the CAATSA penalties
# would require ...': a lifting that may come
MAY_LIFT = Caseless(
    r"\b(?:could|might|may)\s+(?:[\w'’-]+\s+){0,16}?lift\w*|\bany\s+lifting\b|\b(?:path|way|road)\s+to\s+lifting\b"
)

_CHOSE = re.compile(r"^(?:chose|chosen|picked|selected)$", _I)

_INTENT = re.compile(r"^letters? of intent$", _I)

_NOUN_SIGNED = re.compile(
    r"\b(?:deal|contract|agreement|pact|accord)s?\s+(?:(?:that|which)\s+(?:was|were|had\s+been)\s+)?$", _I
)


def _done_status(window: str, cues: list[Cue], offset: int, done: Cue) -> str:
    """The status a done signing or approval gives, unless a plan word stands before it; a later
    signing counts only without a plan or negation word between ('approved a possible sale ...,
    though no contract has been signed': announced)."""
    if CONDITIONAL.search(window, 0, max(0, done.start - offset)):
        return "planned"  # 'The deal, if finalised, would make Indonesia the second buyer': not yet
    if done.kind == "sign" and _NOUN_SIGNED.search(window, 0, max(0, done.start - offset)):
        return "signed"  # 'if it goes ahead with a $2 billion deal signed with Moscow last year'
    if PLANNED.found(window, 0, max(0, done.start - offset)):
        return "planned"
    if _TO_BE.search(window, 0, max(0, done.start - offset)):
        return "planned"  # 'The sales still require contracts to be signed by New Delhi'
    if done.kind == "sign" or _AGREED_TO_TRADE.match(window, max(0, done.start - offset)):
        return "signed"  # ('Turkey agreed to buy the S-400s in 2017': a purchase agreed is one signed)
    for c in cues:
        if c.kind == "sign" and c.start > done.start:
            # ('approved the purchase ..., clearing the way for the government to sign the contract')
            later = PLANNED.found(window, done.end - offset, c.start - offset)
            # ('approved a purchase ..., with the contract to be signed later this year': announced)
            before = max(0, c.start - offset)
            later = (
                later
                or _TO.search(window, 0, before) is not None
                or _TO_BE.search(window, 0, before) is not None
            )
            return "announced" if later else "signed"
    # 'has selected Saab's Gripen E/F over the F-16 and plans to buy 12 jets': a choice, the contract to come
    chose = _CHOSE.match(done.text) and PLANNED.found(window, done.end - offset)
    return "planned" if chose else "announced"


_AGREED_TO_TRADE = re.compile(r"agreed\s+to\s+(?:buy|purchase|acquire|sell)\b", _I)

# 'if Tehran transfers missiles': a condition a few words before the verb, so nothing has moved yet
CONDITIONAL = re.compile(r"\b(?:if|unless)\s+(?:[\w'’.-]+\s+){0,4}$", _I)

# 'paused a shipment of 1,800 bombs to Israel', 'suspended indefinitely the delivery of the first of two
# Mistral carriers': goods held back are still to come
# verbs that keep goods back (``HELD_BACK``; ``deliveries`` names who holds them back with them)
HOLD_VERBS = r"paus\w*|suspend\w*|halt\w*|held\s+up|hold\w*\s+up|withh[eo]ld\w*"

HELD_BACK = Caseless(
    rf"\b(?:{HOLD_VERBS})\s+(?:indefinitely\s+)?"
    r"(?:(?:the|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}(?:deliver\w*|shipments?|transfers?|suppl(?:y|ies))\b"
)

_PACKAGES = ("aid package", "assistance package")


def delivery_status(window: str, clause: str, cues: list[Cue]) -> str | None:
    """``window`` runs from the clause start to just after the cues; verbs of beginning count clause-wide."""
    if HELD_BACK.found(window) or any(c.text.lower().endswith(_PACKAGES) for c in cues):
        return "planned"  # goods held back, or pledged in an aid package, are still to come
    # ('has started receiving Su-35 jets, ..., in what would be the first delivery': a remark, no plan)
    clause = _REMARK.sub("", clause)
    if _planned(clause) or CONDITIONAL.search(window, 0, max(0, len(window) - 25 - len(cues[-1].text))):
        return "planned"
    last = _LAST_OF.found(window) or _FINAL_N.found(window)
    if STARTED.found(window) and not _NTH_BATCH.found(window) and not (last or _COMPLETING.found(window)):
        return "began"  # 'Russia has started supplying the S-400 ..., the first units are being delivered'
    if ONGOING.found(clause):
        return "ongoing"
    if last:
        # 'the last six of 12 Super Tucano aircraft', not 'six of 12' begun; 'The final 16 K2 tanks'
        return "completed"
    nth = _NTH_OF.search(window)
    if nth is not None:
        return "ongoing" if _ORDINALS.index(nth["nth"].lower()) + 2 < _count(nth["of"]) else "completed"
    part = _N_OF_THE.search(window)
    if part is not None and _count(part["n"]) < _count(part["of"]):
        return "ongoing"  # 'Three of the five S-400 squadrons India ordered in 2018 have been delivered'
    if (_NTH_BATCH.found(window) or _N_MORE.found(window)) and not COMPLETED.found(window):
        return "ongoing"  # 'a third batch of three Rafale fighters arrived': more came before
    if BEGAN.found(window) or STARTED.found(clause):
        return "began"
    if COMPLETED.found(window) or any(_PAST.search(c.text) for c in cues):
        return "completed"
    return None


_COMPLETING = Caseless(r"\bcomplet(?:e|es|ed|ing)\b")

_AND_NEXT = re.compile(r"\s(?:and|while)\s")


def _planned(clause: str) -> bool:
    """A plan word in the clause, unless it only follows a beginning told first and another verb after
    'and': 'Russia has begun supplying S-400 systems to India and the first units will arrive by the end
    of the year' tells deliveries begun."""
    if not PLANNED.found(clause):
        return False
    began = next(STARTED.finditer(clause), None)
    then = _AND_NEXT.search(clause, began.end()) if began is not None else None
    return then is None or PLANNED.found(clause, 0, then.start())


_REMARK = re.compile(r",\s+in\s+what\s+(?:would|will|could|is|was|may|might)\b.*$", re.IGNORECASE | re.DOTALL)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _CARDINALS.index(word.lower()) + 2


# 'urged Biden to grant India a waiver from sanctions': a waiver asked for, the sanctions still loom
_ASKED = Caseless(r"\b(?:urg\w*|ask\w*|call\w* on|press\w*|lobb\w*|seek\w*|sought|request\w*)\b")

_UNLESS_WAIVED = Caseless(
    r"\b(?:unless|if|until)\s+(?:\w+\s+){0,4}(?:waiv\w*|exempt\w*|grants?\s+(?:an?\s+)?(?:waiver|exemption))"
    # 'has not yet decided whether to sanction India or grant it a waiver': both still open
    r"|\bwhether\s+(?:or\s+not\s+)?to\s+(?:[\w'’-]+\s+){0,14}(?:waiv\w*|exempt\w*|grant\b|or\b)"
)

_REVOKED_WAIVER = Caseless(
    # ('will revoke from Sept. 29 a 2018 sanctions exemption for Iran's Chabahar port')
    r"\b(?:revo\w+|withdr\w+|scrap\w*|cancel\w*)\s+(?:from\s+\w+\.?\s+\d{1,2}\s+)?(?:of\s+)?"
    r"(?:the\s+|its\s+|an?\s+)?(?:[\w-]+\s+){0,3}"
    r"(?:waiver|exemption|exception)s?\b"
)

# 'has not made any decision on a possible waiver for India': the sanctions still loom
_NO_WAIVER = Caseless(
    # ('has not made any decision on a possible CAATSA waiver for India')
    r"\bno\s+(?:\w+\s+){0,2}(?:waiver|exemption)s?\b|\bno\s+decision\s+(?:[\w-]+\s+){0,4}(?:waiver|exemption)s?\b|"
    r"\b(?:possible|potential|prospective)\s+(?:[\w-]+\s+){0,2}?(?:waiver|exemption)s?\b"
)


def sanction_status(window: str, cues: list[Cue]) -> str | None:
    if any(_PERMITS.search(c.text) for c in cues):
        # 'cancelled permits for exports of drone optics to Turkey': withdrawing leave to export restricts
        if _WITHDRAWN.found(window):
            return "imposed"
        # ('granted new export licences to Türkiye, ending an arms embargo imposed in 2019')
        return "lifted" if LIFTED.found(window) else None
    if _GENERAL_LICENCE.found(window) and _LIFTS.found(window):
        return "lifted"  # 'lifted sanctions on Syria, with the Treasury issuing a general licence'
    if WAIVED.found(window) and _REVOKED_WAIVER.found(window):
        return "threatened"  # 'the revocation of the 2018 sanctions exception' exposes firms again
    if WAIVED.found(window):
        # 'There is no blanket waiver for India from sanctions': the sanctions still loom, as they do
        # 'unless Washington grants a waiver'
        looming = _ASKED.found(window) or _NO_WAIVER.found(window) or _UNLESS_WAIVED.found(window)
        return "threatened" if looming else "waived"
    if any(A_BLOCK.match(c.text) for c in cues):
        # 'will no longer block the sale of ... jets to Saudi Arabia': a block dropped is a lifted ban
        return "lifted" if _BLOCK_DROPPED.found(window) else "imposed"
    if _REIMPOSING.found(window):
        return "imposed"  # 'would not renew a licence that had eased sanctions ..., reimposing'

    if LIFTED.found(window):
        # ('could resolve their dispute ... and lift sanctions imposed in 2020 within months': a lifting
        # that may come is no status the schema has)
        return None if MAY_LIFT.found(window) else "lifted"
    if THREATENED.found(window):
        return "threatened"
    if _RENEWED.found(window):
        return "imposed"
    if IMPOSED.found(window) or any(c.text.lower().endswith("ed") or _HALTING.match(c.text) for c in cues):
        return "imposed"
    return None


_GENERAL_LICENCE = Caseless(r"\bgeneral licen[cs]es?\b")

# ('issued a general license ..., the first step toward fulfilling a pledge to lift sanctions': a waiver)
_LIFTS = Caseless(r"\blift(?:s|ed)\b|(?<!to )\blifting\b")

A_BLOCK = re.compile(r"^(?:block|objection|opposition|veto)", _I)  # 'block the sale of ... to'

_BLOCK_DROPPED = Caseless(r"\b(?:no longer|drop\w*|lift\w*|end\w*|withdr\w*|eas\w*|abandon\w*)\b")

# 'EU governments on Monday renewed the bloc's economic sanctions against Russia for another six months'
_RENEWED = Caseless(r"\b(?:renew(?:s|ed|ing)?|extend(?:s|ed|ing)?|prolong\w*|roll(?:s|ed|ing)? over)\b")

# 'it was halting security exports to', 'Türkiye has stopped all export and import transactions with'
_HALTING = re.compile(r"^(?:halt|suspend|stopp|freez|curb)(?:ing|ed)\s", _I)

_PERMITS = re.compile(r"(?:permits|licen[cs]es)$", _I)

_REIMPOSING = Caseless(
    # ('The US on Monday reimposed sanctions on Iran's oil ..., restoring penalties lifted under the 2015
    # accord': the lifting told is the one undone)
    r"\b(?:re-?impos(?:ed|es|ing)|(?:not|n't)\s+(?:to\s+)?renew\w*\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}"
    r"(?:licen[cs]e|waiver|exemption)s?\b)"
)

_WITHDRAWN = Caseless(
    r"\b(?:cancel\w*|revok\w*|suspend\w*|halt\w*|freez\w*|froze|withdr[ae]w\w*|den(?:y|ied|ies))\b"
)
