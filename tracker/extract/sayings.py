"""A saying and the event it tells: whether the act happens as it is told (under way, announced,
relief pledged, or its doer telling it done: the day of the saying is the act's), whether the one
saying is a side of the event (the saying only dates it) or tells news of its own (a quote, a third
state's claim, a saying joined by ', and', a state told something).
"""

from __future__ import annotations

import re

from tracker.extract import roles as r
from tracker.extract.draft import Draft
from tracker.extract.view import View


def quoted(view: View, d: Draft) -> bool:
    """'"China opposes the United States imposing sanctions," Hua said': an event told inside the quote
    leaves the saying a statement of its own."""
    return all(view.in_quote(c.start) for c in d.cues)


# 'announced that the United States was removing the penalty tariff': told as under way when said
_IS_NOW = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?\w+ing\b")

# 'said on Thursday it was adding ...', 'said on Friday it had banned ...': the doer telling its own act
_SAID_ON_DAY_IT = r"\bsaid\s+(?:on\s+)?\w+day\s+(?:that\s+)?(?:it|they)\s+"

_SAID_IT_WAS = re.compile(_SAID_ON_DAY_IT + r"(?:is|are|was|were)\s+\w+ing\b")

_ANNOUNCED = re.compile(r"\bannounc(?:ed|es|ing)\s+(?:new\s+|fresh\s+|further\s+)?$")


def _announced(view: View, d: Draft) -> bool:
    """'... said on Tuesday that Iran had delivered missiles, and announced new sanctions': an act
    made by announcing it, on the day of the saying."""
    cue = d.cues[0]
    return bool(_ANNOUNCED.search(view.text, max(0, cue.start - 30), cue.start))


# 'Trump said on Monday he would remove the additional 25% tariff': relief announced on that day
_WOULD = re.compile(r"\b(?:would|will)\s+(?:[\w%$.-]+\s+){1,5}$")


def told_now(view: View, d: Draft) -> bool:
    """An act that happens as it is told: under way, announced, pledged relief, or just announced done."""
    return (
        _progressive(view, d)
        or _announced(view, d)
        or to_lift(view, d)
        or _perfect_announced(view, d)
        or _own_act_said(view, d)
    )


# 'Russia said on Friday it had banned 500 Americans, including former US president Barack Obama'
_SAID_IT_HAD = re.compile(_SAID_ON_DAY_IT + r"(?:had|has|have)\s+(?:\w+ly\s+)?(?:\w+ed\s+)?$")


def _own_act_said(view: View, d: Draft) -> bool:
    """An act its own doer tells as done on the day it speaks: the day of the saying."""
    cue = d.cues[0]
    if not _SAID_IT_HAD.search(view.text, max(0, cue.start - 60), cue.start):
        return False
    doer = d.roles.get("imposer") or d.roles.get("buyer") or d.roles.get("supplier")
    subjects = r.subjects(view.slots, view.clauses[0], cue.start, view.clauses)
    return bool(subjects) and subjects[0].code == doer


# 'Indonesia has signed a contract with Dassault Aviation ..., the French and Indonesian defence
# ministries announced on 10 February': news told in the present perfect as it is announced
# ('China has imposed sanctions on five American defence companies ..., the foreign ministry announced on
# Sunday': the perfect on the verb before a noun cue)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:(?:imposed|slapped|placed|signed)\s+)?$")

_ANNOUNCED_AT = re.compile(r"(?i:announced|confirmed)$")

_GRANTED = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:granted|lifted|waived|removed|eased)\b")


def _perfect_announced(view: View, d: Draft) -> bool:
    cue = d.cues[0]
    saying = next((c for c in view.cues if c.etype == "statement" and c.start > cue.end), None)
    if saying is None:
        return False
    if d.status in ("waived", "lifted") and _GRANTED.search(view.text, d.clause.start, cue.start):
        # ('The United States has granted India an exemption from its sanctions on Iran ..., the State
        # Department said on Tuesday': relief is news on the day it is told)
        return True
    perfect = _PERFECT.search(view.text, max(0, cue.start - 25), cue.start)
    return perfect is not None and _ANNOUNCED_AT.match(saying.text) is not None


_NOT_RENEWED = re.compile(r"\b(?:not|n't)\s+(?:to\s+)?renew\w*\s")


def to_lift(view: View, d: Draft) -> bool:
    cue = d.cues[0]
    if d.status == "imposed" and _NOT_RENEWED.search(view.text, 0, cue.end):
        # ('said on Wednesday it would not renew a license that had eased sanctions on Venezuela's oil
        # sector, reimposing the measures': the relief ends the day it is announced)
        return True
    if d.status not in ("lifted", "waived"):
        return False
    return bool(_WOULD.search(view.text, max(0, cue.start - 45), cue.start))


def _progressive(view: View, d: Draft) -> bool:
    """'The United States is fully lifting its ban ..., the president said on Monday': an act told as
    under way when it is announced, on the day of the saying."""
    if _IS_NOW.search(view.text, d.clause.start, d.cues[0].end):
        return True
    # ('The U.S. Commerce Department said on Thursday it was adding 36 Chinese companies, including memory
    # chipmaker Yangtze Memory Technologies Co (YMTC), to its trade blacklist': the clause cut by commas)
    said = _SAID_IT_WAS.search(view.text, max(0, d.cues[0].start - 160), d.cues[0].start)
    return said is not None


TOLD = re.compile(r"^(?:told|tells)$", re.IGNORECASE)


def told_a_state(view: View, d: Draft) -> bool:
    """'The UAE has told the United States it will suspend talks': telling another state is a
    statement to it, not the attribution of the news that follows."""
    cue = d.cues[0]
    if not TOLD.match(cue.text):
        return False
    nxt = next((m for m in view.slots.mentions if m.start >= cue.end), None)
    return (
        nxt is not None
        and nxt.kind in ("country", "body")
        and not view.text[cue.end : nxt.start].strip(" the")
    )


_AND_APART = re.compile(r",\s+and\s+")


def said_apart(view: View, event: Draft, said: Draft) -> bool:
    """'Russia and India on Friday signed a programme ..., and Putin said Moscow was ready to ensure fuel
    shipments': a saying joined after the event by ', and' tells news of its own."""
    end, start = event.cues[-1].end, said.cues[0].start
    return end <= start and _AND_APART.search(view.text, end, start) is not None


def party_to(said: Draft, event: Draft) -> bool:
    """Whether the one saying is a side of the event it tells ('Russia said it delivered ...'): then the
    saying only dates the event. A third state telling of others' trade ('Russia has received Iranian
    missiles, Blinken said') makes a claim, a statement of its own. An unnamed sayer counts as a side."""
    speaker = said.roles.get("speaker")
    if speaker is None:
        return True
    sides = [x for v in event.roles.values() for x in (v if isinstance(v, list) else [v])]
    return speaker in sides
