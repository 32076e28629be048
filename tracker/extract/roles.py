"""Who did what to whom: roles from the grammatical slots of actor mentions around a cue.

The subject is the nearest actor before the cue that no preposition governs;
'from X', 'to X', 'with X', 'on X' and 'by X' give the other side. Passive
voice ('India has not been sanctioned', 'were delivered to ...') turns the
subject into the patient. Mentions standing together ('NATO ally Turkey',
'South Korea's Hyundai Rotem') form one noun phrase whose last mention counts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from tracker.extract.actors import PREPOSITIONS, Mention, preposition_before
from tracker.extract.caseless import Caseless
from tracker.extract.cues import Cue
from tracker.extract.items import ItemMention
from tracker.extract.sentences import Clause

_PASSIVE = Caseless(r"\b(?:was|were|been|be|being|is|are)\s+(?:\w+\s+){0,2}$")
_PASSIVE_GAP = re.compile(r"\b(?:was|were|been|be|being|is|are)\s+((?:\w+\s+){1,2})$", re.IGNORECASE)
_PARTICIPLE = re.compile(r"(?:ed|en|sent|sold|bought|hit)$", re.IGNORECASE)
_PATIENT = Caseless(r"\b(?:fac(?:e|es|ed|ing)|risk(?:s|ed|ing)?|avoid\w*|escap\w*|spared|hit by|expos\w*)\b")
_SAME_NP = re.compile(r"^(?:'s|’s)?\s*(?:[A-Z][\w'’-]*\s+|ally\s+|allies\s+|member\s+|partner\s+)?$")
_NOT_MODIFIER = PREPOSITIONS | {
    "and",
    "or",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "will",
    "would",
    "could",
}
_CONDITION = re.compile(r"\b(?:if|unless)\s+(?:the\s+)?$", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:say|says|said|believe|believes|claim|claims|think|thinks)\s+$")
# 'the first of two warships Cairo bought in June', 'the 36 jets India ordered': a state right after the
# goods, right before the verb, is the subject of a relative clause without 'that'
_GOODS_BEFORE = re.compile(
    r"\b(?:jets|aircraft|fighters|helicopters|warships|frigates|submarines|tanks|systems|missiles|drones|"
    r"units|vessels|ships|guns|howitzers|launchers|batteries|rifles|boats|corvettes|planes|trainers)\s+$"
)
_RIGHT_BEFORE = re.compile(r"^\s+(?:had\s+|has\s+|have\s+)?$")
_COORD = re.compile(r"^(?:'s|’s)?\s*(?:\(|\)|,|and|&|\s)*\s*(?:the\s+)?$")


@dataclass
class Slots:
    """The sentence and its actor mentions, with each mention's governing preposition."""

    text: str
    mentions: list[Mention]
    preps: list[str | None] = field(default_factory=list)

    def head(self, i: int) -> int:
        """The last mention of the noun phrase that mention ``i`` starts."""
        while i + 1 < len(self.mentions) and _SAME_NP.match(
            self.text[self.mentions[i].end : self.mentions[i + 1].start].strip() + " "
        ):
            i += 1
        return i


def slots(text: str, mentions: list[Mention], clauses: list[Clause]) -> Slots:
    """Each mention's preposition, looked for back to the start of its clause (of the text when
    no clause holds it). Clauses are in order with a separator between two, so the one holding
    an offset can only be the last that starts at or before it."""
    s = Slots(text, mentions)
    starts = [c.start for c in clauses]
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        floor = clauses[i].start if i >= 0 and m.start <= clauses[i].end else 0
        s.preps.append(preposition_before(text, m.start, floor))
    return s


def _inside(m: Mention, clause: Clause) -> bool:
    return clause.start <= m.start and m.end <= clause.end


def subjects(s: Slots, clause: Clause, pos: int, clauses: list[Clause]) -> list[Mention]:
    """The subject before ``pos``: the clause's first free mention and its partners ('India and Russia')."""
    idx = [i for i, m in enumerate(s.mentions) if _inside(m, clause) and m.end <= pos and s.preps[i] is None]
    # 'South Korean officials say Pyongyang has shipped shells': the reported clause has its own subject
    told = [i for i in idx if _REPORTED.search(s.text, max(0, s.mentions[i].start - 10), s.mentions[i].start)]
    relative = [
        i
        for i in idx[1:]
        if _RIGHT_BEFORE.match(s.text[s.mentions[i].end : pos])
        and _GOODS_BEFORE.search(s.text, max(0, s.mentions[i].start - 14), s.mentions[i].start)
    ]
    if relative:
        return [s.mentions[relative[-1]]]
    if told:
        idx = [i for i in idx if i >= told[-1]]
    if not idx and clause.opener in ("which", "who", "whose") and clause.start > 0:
        idx = [i for i, m in enumerate(s.mentions) if m.end <= clause.start][-1:]
    if not idx:
        # the sentence's subject; a clause without any actor before it is a dateline or an opener
        first = next((c for c in clauses if any(_inside(m, c) for m in s.mentions)), clauses[0])
        idx = [
            i for i, m in enumerate(s.mentions) if _inside(m, first) and m.end <= pos and s.preps[i] is None
        ]
    if not idx:
        return []
    j = idx[0]
    cond = [
        i for i in idx if _CONDITION.search(s.text, max(0, s.mentions[i].start - 12), s.mentions[i].start)
    ]
    if cond and len(s.text[s.mentions[cond[-1]].end : pos].split()) <= 3:
        j = cond[
            -1
        ]  # 'will respond with sanctions if Tehran transfers missiles': the condition's own subject
    group = [s.mentions[j]]
    while (
        j + 1 < len(s.mentions)
        and s.mentions[j + 1].end <= pos
        and (
            _COORD.match(s.text[s.mentions[j].end : s.mentions[j + 1].start])
            or (
                s.mentions[j + 1].code == s.mentions[j].code
                and len(s.text[s.mentions[j].end : s.mentions[j + 1].start].split()) <= 3
            )
        )
    ):
        j += 1
        group.append(s.mentions[j])
    return group


def after(s: Slots, clause: Clause, pos: int, preps: tuple[str, ...]) -> Mention | None:
    """The first noun phrase after ``pos`` in the clause governed by one of ``preps``."""
    for i, m in enumerate(s.mentions):
        if _inside(m, clause) and m.start >= pos and s.preps[i] in preps:
            return _firm_of(s, s.head(i))
    return None


# ('signed with Rosoboronexport in spite of Washington's warning': no firm of Washington)
_OF_STATE = re.compile(
    r"^(?!\s+(?:in\s+spite|because|ahead|instead|regardless|irrespective|in\s+(?:view|case))\s)"
    r"(?:\s+[\w&]+){0,3}\s+of\s+$"
)


def _firm_of(s: Slots, i: int) -> Mention:
    """'a contract with Airbus Defence and Space of Spain': the state a firm's name says it is of."""
    m = s.mentions[i]
    nxt = s.mentions[i + 1] if i + 1 < len(s.mentions) else None
    named = m.kind == "company" and nxt is not None and nxt.kind == "country" and s.preps[i + 1] == "of"
    return nxt if named and nxt is not None and _OF_STATE.match(s.text[m.end : nxt.start]) else m


def all_after(s: Slots, clause: Clause, preps: tuple[str, ...]) -> list[Mention]:
    return [
        _firm_of(s, s.head(i)) for i, m in enumerate(s.mentions) if _inside(m, clause) and s.preps[i] in preps
    ]


def direct_object(s: Slots, clause: Clause, pos: int, exclude: set[str]) -> Mention | None:
    """The first ungoverned mention after ``pos`` that is not the subject."""
    for i, m in enumerate(s.mentions):
        if _inside(m, clause) and m.start >= pos and s.preps[i] is None and m.code not in exclude:
            return s.mentions[s.head(i)]
    return None


def modifier_before(s: Slots, pos: int) -> Mention | None:
    """A mention right before ``pos`` ('US sanctions', 'India's purchase', 'Russian S-400')."""
    for m in reversed(s.mentions):
        if m.end <= pos:
            gap = s.text[m.end : pos]
            words = gap.replace("'s", " ").replace("’s", " ").split()
            if len(words) <= 2 and "," not in gap and not any(w.lower() in _NOT_MODIFIER for w in words):
                return m
            return None
    return None


def passive(text: str, cue: Cue) -> bool:
    """'has been sanctioned', 'were delivered', 'was hit with sanctions'; not 'is preparing sanctions'
    (a form of 'be' before a present participle is the progressive, whose subject acts)."""
    before = text[max(0, cue.start - 30) : cue.start]
    if not _PASSIVE.found(before) or cue.text.split(" ", 1)[0].lower().endswith("ing"):
        return False  # ('it was halting security exports': the progressive of a cue of its own)
    between = _PASSIVE_GAP.search(before)
    # ('is considering new sanctions': the progressive's first word, whatever modifies the cue after it)
    progressive = between is not None and between.group(1).split()[0].endswith("ing")
    return not (progressive and not _PARTICIPLE.search(cue.text))


def patient_subject(text: str, clause: Clause, cue: Cue) -> bool:
    return _PATIENT.found(text[clause.start : cue.start]) or passive(text, cue)


def origin(s: Slots, items: list[ItemMention]) -> str | None:
    """The actor named right before an item ('Russian S-400', 'Chinese-made J-10C', 'Boeing AH-64E')."""
    for it in items:
        for m in reversed(s.mentions):
            if m.end <= it.start:
                gap = s.text[m.end : it.start]
                if not gap.strip() or gap.strip().lower() in ("'s", "’s", "-made", "-built", "made", "built"):
                    return m.code
                break
    return None


def maker(items: list[ItemMention], exclude: str | None) -> str | None:
    makers = [it.maker for it in items if it.maker and it.maker != exclude]
    return makers[0] if makers else None


def two_states_before(s: Slots, end: int, kinds: tuple[str, ...], exclude: str | None = None) -> list[str]:
    """The first two states (of ``kinds``, not ``exclude``) named before ``end``: what 'the two
    countries' or 'both countries' stands for; none unless two are named."""
    named = [m.code for m in s.mentions if m.end <= end and m.kind in kinds and m.code != exclude]
    found = list(dict.fromkeys(named))
    return found[:2] if len(found) >= 2 else []


_AND_OR = re.compile(r"\b(?:and|or)\b")
_AND_STATE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$")


def coordinated(s: Slots, clause: Clause, code: object, other: object) -> list[str]:
    """The states standing in one coordination right after the mention of ``code`` governed by a
    preposition ('delivered by Denmark and the Netherlands', 'talks with Vietnam and Indonesia'), but
    ``code`` and ``other``; never an attribution's 'Egyptian and French officials'."""
    ms = [m for m in s.mentions if _inside(m, clause)]
    governed = {m.start for i, m in enumerate(s.mentions) if s.preps[i] is not None}
    at = next((i for i, m in enumerate(ms) if m.code == code and m.start in governed), None)
    if at is None:
        return []
    chain: list[tuple[str, bool]] = []  # (code, joined by 'and' or 'or')
    # ('a sale to Taiwan, and China's foreign ministry vowed': a possessive opens a new subject)
    while (
        at + 1 < len(ms)
        and _AND_STATE.match(s.text, ms[at].end, ms[at + 1].start)
        and not ms[at + 1].text.endswith(("'s", "’s"))
    ):
        joined = bool(_AND_OR.search(s.text, ms[at].end, ms[at + 1].start))
        at += 1
        chain.append((ms[at].code if ms[at].kind == "country" else "", joined))
    # a list ends with 'and' ('Vietnam, Indonesia and the Philippines'); a bare comma goes on to an
    # attribution ('to Saudi Arabia, the U.S. president said'), not to another party
    last_and = max((i for i, (_, joined) in enumerate(chain) if joined), default=-1)
    out: list[str] = []
    for found, _ in chain[: last_and + 1]:
        if found and found not in (code, other, *out):
            out.append(found)
    return out


def codes(mentions: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.code not in out:
            out.append(m.code)
    return out
