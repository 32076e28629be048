"""Who imposes a sanction when the clause's subject does not: the state urged to impose it, the one
whose warning, decision or grant it is, 'by X' after the measure, the state right after the noun ('the
sanctions Washington imposed'), or the subject of a second sentence joined to the first.
"""

from __future__ import annotations

import re

from tracker.extract import roles as r
from tracker.extract.actors import Mention
from tracker.extract.cues import Cue
from tracker.extract.draft import Draft
from tracker.extract.sentences import Clause
from tracker.extract.view import View

_ITS = re.compile(r"\s+(?:on|against)\s+(?:its|their)\b")

_REACTS_TO = re.compile(
    r"\b(?:condemn|criticis|criticiz|oppos|slam|welcom|protest|reject|denounc|hail|decr)\w*\s+(?:the\s+|a\s+|an\s+)?$"
)

_WARN = re.compile(r"^(?:warn\w*|cautioned|threaten\w*)$", re.IGNORECASE)

# ... 'decision to impose an additional tariff over its purchases of Russian oil'
TO_IMPOSE = (
    r"(?:(?:on|last|this)\s+\w+\s+)?to\s+(?:(?:impose|slap|levy)\s+(?:an?\s+)?"
    r"(?:additional\s+|new\s+|fresh\s+|further\s+)?(?:\d+(?:\.\d+)?\s?%\s+)?)?$"
)

_DECISION_OF = re.compile(rf"(?:'s|’s)?\s+decision\s+{TO_IMPOSE}", re.IGNORECASE)

_URGED_TO_IMPOSE = re.compile(r"\b(?:urg\w*|call\w*\s+on|ask\w*|press\w*)\s+(?:the\s+)?$", re.IGNORECASE)

_TO_IMPOSE_NEXT = re.compile(r"\s+to\s+(?:impose|slap|adopt|introduce)\b", re.IGNORECASE)


def urged_imposer(view: View, clause: Clause, cue: Cue) -> str | None:
    """The state urged to impose the sanctions, which would impose them ('urged the European Union to
    impose sanctions on Russia's state nuclear company'), not the one urging."""
    for m in view.slots.mentions:
        if not (clause.start <= m.start and m.end <= cue.start):
            continue
        if _URGED_TO_IMPOSE.search(view.text, max(0, m.start - 25), m.start) and _TO_IMPOSE_NEXT.match(
            view.text, m.end
        ):
            return m.code
    return None


_THAT_HE = re.compile(r"\s*that\s+(?:he|she)\b", re.IGNORECASE)


def said_he(view: View, clause: Clause) -> str | None:
    """ "Donald Trump's statement on Monday that he would substantially raise tariffs on India": 'he' is
    the state of the person named last before the clause."""
    if not _THAT_HE.match(view.text, clause.start):
        return None
    person = next((m for m in reversed(view.slots.mentions) if m.end <= clause.start), None)
    return person.code if person is not None and person.kind not in ("country", "body") else None


_AND_THEN = re.compile(r",\s+(?:and|but|while)\s+(?:the\s+)?$")


def second_subject(view: View, clause: Clause, cue: Cue) -> list[Mention]:
    """'India signed the contract in October 2018, and Washington has yet to decide whether to sanction
    New Delhi': the subject of the second of two joined sentences, not of the first."""
    s = view.slots
    for i, m in reversed(list(enumerate(s.mentions))):
        free = m.end <= cue.start and m.start >= clause.start and s.preps[i] is None
        if free and _AND_THEN.search(view.text, max(clause.start, m.start - 12), m.start):
            return [m]
    return []


_IMPOSED_VERB = re.compile(r"\s+(?:had\s+|has\s+)?(?:imposed|announced|slapped|levied)\b")


def reduced_relative(view: View, clause: Clause, cue: Cue) -> str | None:
    """'the sanctions Washington imposed a day earlier on ...': the state right after the noun imposes."""
    m = next((m for m in view.slots.mentions if cue.end <= m.start < clause.end), None)
    if m is None or view.text[cue.end : m.start].strip() or not _IMPOSED_VERB.match(view.text, m.end):
        return None
    return m.code


_WARNING_OF = re.compile(r"(?:'s|’s)?\s+warnings?\s*$|^\s*$", re.IGNORECASE)


def warner_before(view: View, clause: Clause) -> str | None:
    """ "despite Washington's warning that it could attract sanctions": the state whose warning it is."""
    ci = view.clause_of(clause.start)
    if ci == 0:
        return None
    prev = view.clauses[ci - 1]
    m = next((m for m in reversed(view.slots.mentions) if prev.start <= m.start and m.end <= prev.end), None)
    if m is None or not re.search(r"warnings?\s*$", view.text[prev.start : prev.end], re.IGNORECASE):
        return None
    return m.code if _WARNING_OF.match(view.text, m.end, prev.end) else None


_GRANTED = re.compile(
    r"\b(?:been|was|were|is|are)\s+(?:\w+\s+)?granted\s+(?:an?\s+)?(?:\w+\s+)?(?:exemption|waiver)s?\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def granted_by(view: View, clause: Clause) -> tuple[str, str] | None:
    """'India has been granted an exemption by the US from certain sanctions': the one granting waives
    for the subject."""
    named = [m for m in view.slots.mentions if clause.start <= m.start < clause.end]
    for m in named[1:]:
        if _GRANTED.search(view.text, max(clause.start, m.start - 60), m.start) and named[0].code != m.code:
            return m.code, named[0].code
    return None


def decided_by(view: View, clause: Clause, cue: Cue, subj: list[Mention]) -> Mention | None:
    """'Turkey condemned a US decision to lift defence trade restrictions': the state whose decision
    the subject reacts to imposes or lifts, not the subject."""
    start = subj[-1].end if subj else clause.start
    for m in view.slots.mentions:
        if start <= m.start < cue.start and _REACTS_TO.search(view.text, start, m.start):
            return m
        if start <= m.start < cue.start and _DECISION_OF.match(view.text, m.end, cue.start):
            return m  # "arising from Washington's decision to sanction 19 Indian entities"
    return None


def warned_sides(view: View, clause: Clause) -> tuple[str | None, str | None]:
    """'Washington has warned Ankara that the purchase could lead to sanctions': the one warning
    threatens, the one warned is threatened (the clause's own sides come first)."""
    if clause.opener != "that":
        return None, None
    ci = view.clauses.index(clause)
    if ci == 0:
        return None, None
    prev = view.clauses[ci - 1]
    warn = next((c for c in view.cues if prev.start <= c.start < prev.end and _WARN.match(c.text)), None)
    if warn is None:
        return None, None
    s = view.slots
    subj = r.subjects(s, prev, warn.start, view.clauses)
    before = [m for m in s.mentions if prev.start <= m.start and m.end <= warn.start]
    if before and _TO_WARN.match(view.text[before[-1].end : warn.start]):
        # 'prompting a US State Department spokesperson to warn that New Delhi could face sanctions'
        subj = [before[-1]]
    obj = r.direct_object(s, prev, warn.end, set())
    return (subj[-1].code if subj else None), (obj.code if obj else None)


_TO_WARN = re.compile(r"(?:\s+[\w'’-]+){0,3}\s+to\s+$")


def imposed_by(
    view: View, clause: Clause, cues: list[Cue], status: str, subject: Mention, end: int
) -> Draft | None:
    """'Iran condemned new sanctions imposed by the United States on its oil sector': 'by X' imposes,
    'on Y' is the target, and 'on its' stands for the sentence's subject."""
    s = view.slots
    by = r.after(s, clause, cues[0].end, ("by",))
    on = r.after(s, clause, end, ("on", "against"))
    target = on.code if on else (subject.code if _ITS.match(s.text, end) else None)
    if by is None or target is None or by.code == target:
        return None
    return Draft("sanction", view, clause, cues, {"imposer": by.code, "target": target}, status=status)


def threat_on_trade(view: View, clause: Clause, cue: Cue, imposer: str) -> bool:
    """Whether the sentence tells a trade and the sanctions name their imposer ('US sanctions',
    'sanctions from the United States')."""
    if not any(c.etype in ("deal", "delivery") for c in view.cues):
        return False
    s = view.slots
    named = r.modifier_before(s, cue.start) or r.after(s, clause, cue.end, ("from",))
    return named is not None and named.code == imposer


_RECONSIDER = re.compile(
    r"\b(?:called\s+on|urged|asked|pressed)\s+(?P<who>[^,;]{1,40}?)\s+to\s+(?:reconsider|reverse|rethink|revisit)\s+"
    r"(?:its|their)\s+decision\s+to\s+(?:[\w-]+\s+){0,4}$"
)


def asked_to_reconsider(view: View, clause: Clause, cue: Cue) -> str | None:
    m = _RECONSIDER.search(view.text, clause.start, cue.start)
    if m is None:
        return None
    who = next((x for x in view.slots.mentions if m.start("who") <= x.start < m.end("who")), None)
    return who.code if who is not None else None
