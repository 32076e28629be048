"""A draft: one event under construction in one clause, and the role helpers the builders share.

The builders (``deals``, ``deliveries``, ``sanctions``, ``speakers``) each turn
the cues of one type in one clause into at most one draft; the pipeline dates,
merges and renders them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from events.model import Occurred
from tracker.extract.actors import Mention
from tracker.extract.amounts import Money
from tracker.extract.caseless import Caseless
from tracker.extract.cues import Cue
from tracker.extract.items import ItemMention
from tracker.extract.sentences import Clause
from tracker.extract.view import View

_CAUSATIVE = Caseless(
    r"\b(?:allow\w*|let(?:s|ting)?|enabl\w*|urg\w*|ask\w*|want\w*|forc\w*|press\w*|push\w*|help\w*|"
    r"permit\w*|clear(?:s|ed|ing)|approv(?:e|es|ed|ing)|authori[sz]\w*)\s+"
    r"(?:the\s+)?[A-Z]",
)
_PHRASE_HEAD = Caseless(r"\b(?:for|in|over|of|after|involved in)\s+(?:the\s+)?$")
_INFINITIVE = Caseless(r"\bto\s+(?:keep\s+|continue\s+to\s+|stop\s+)?$")
_HEADLINE_TO = re.compile(r"\bto\s+$")
_NOT_AGENT = ("with", "from", "to", "by")
_SANCTIONS_FOR = re.compile(r"\s*(?:sanctions|penalties|tariffs|punishment)\s+(?:for|over)\s+$")


@dataclass
class Draft:
    """An event being built: type, the clause and cues it came from, roles and the rest of its fields."""

    etype: str
    view: View
    clause: Clause
    cues: list[Cue]
    roles: dict[str, object]
    status: str | None = None
    items: list[ItemMention] = field(default_factory=list)
    value: Money | None = None
    occurred: Occurred | None = None
    date_rank: int = 99
    person: str | None = None
    title: str | None = None
    quote: str | None = None
    anaphoric: bool = False
    attribution: bool = False
    titled: bool = False  # said by a titled person of no known state ('Defence Minister X said')
    surname: str | None = None  # 'Morrison said': the surname of someone the article named in full before
    background: bool = False  # 'under a deal approved ...': a deal named only as the basis of another event
    date_span: tuple[int, int] | None = None  # where its dates may stand ('... and another 30 in 2021')
    reacted: bool = False  # the object of another's reaction ('China opposes a U.S. arms sale to Taiwan')
    date_said: bool = False  # dated only by the day it was told, which a later sentence may correct
    headline_target: bool = False  # a lead's sanction on a target the gazetteer lacks: the headline's

    @property
    def position(self) -> tuple[int, int]:
        return (self.view.sentence.start, self.cues[0].start)


def title_future(view: View, cues: list[Cue]) -> str | None:
    """Headlines write the future as 'to' + verb: 'US to send Abrams tanks to Ukraine'."""
    if view.is_title and any(_HEADLINE_TO.search(view.text[max(0, c.start - 4) : c.start]) for c in cues):
        return "planned"
    return None


def agent(view: View, clause: Clause, cue: Cue) -> Mention | None:
    """The doer of a verb in a phrase: 'for buying' (the noun before), 'allowing New Delhi to keep buying'."""
    s = view.slots
    before = view.text[max(clause.start, cue.start - 30) : cue.start]
    pp = _PHRASE_HEAD.found(before)
    inf = _INFINITIVE.found(before) and _CAUSATIVE.found(
        view.text[max(clause.start, cue.start - 60) : cue.start]
    )
    if not pp and not inf:
        return None
    prior = [i for i, m in enumerate(s.mentions) if clause.start <= m.start and m.end <= cue.start]
    if not prior:
        return None
    last = s.mentions[prior[-1]]
    gap = view.text[last.end : cue.start]
    if _SANCTIONS_FOR.match(gap):
        return None  # 'the threat of U.S. sanctions for buying the S-400': the sanctioning state buys nothing
    # 'talks with the United States over the purchase of F-35s': the partner of talks buys nothing;
    # 'sanctioned by Britain for supplying drone parts': nor does the agent of a passive
    if pp and len(gap.split()) <= 6 and ", " not in gap and s.preps[prior[-1]] not in _NOT_AGENT:
        return last
    if inf and s.preps[prior[-1]] is None and len(gap.replace("'s", "").split()) <= 3:
        return last
    return None
