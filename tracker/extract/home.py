"""The article's own country, and the bare institutions that stand for it.

Newswire leads name their own state's bodies without the country: 'NEW DELHI:
The defence ministry on Tuesday signed ...', 'Beijing accuses Manila ...' over
'The foreign ministry on Monday accused ...'. The country is the dateline's
city ('SEOUL, Dec 5 (Reuters) -', 'New Delhi, Mar 20 (PTI)', 'MOSCOW, January
17. /TASS/.') or else the first state the headline names. Only a bare phrase
in a subject or attribution slot stands for it (at the start of the sentence
after the dateline, or after a comma: ', the ministry said'); inside a clause
'the government' is as often another state's ('after the government and
opposition signed ...'), so it is left alone there.
"""

from __future__ import annotations

import re

from tracker.extract.actors import Mention
from tracker.extract.gazetteer import Gazetteer, actor_key

# 'SEOUL, Dec 5 (Reuters) -', 'KYIV (Reuters) -', 'NEW DELHI:', 'New Delhi, Mar 20 (PTI)', 'MOSCOW, Jan 17.'
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z'’.-]*(?:\s[A-Z][A-Za-z'’.-]*){0,2})\s*"
    r"(?=[,:(]|\s[-—–]\s|\.\s*/|\s?\[)"
)
# the words a dateline is made of: capitalised words, numbers and the agency's brackets
_DATELINE_PREFIX = re.compile(r"^(?:[A-Z][\w'’.]*|\d+|of|[(),:./—–\[\]-]|\s)*$")  # '(Times of India)'
BARE = re.compile(
    r"\b[Tt]he\s+(?:(?:country's|nation's)\s+)?"
    r"(?:(?:[Dd]efen[cs]e|[Ff]oreign|[Ee]xternal [Aa]ffairs|[Hh]ome|[Ii]nterior|[Cc]ommerce|[Tt]rade|"
    r"[Ff]inance|[Ee]conomy)\s+)?"
    r"(?:[Mm]inistry|[Gg]overnment|[Cc]abinet|[Mm]ilitary|[Aa]rmed [Ff]orces|[Nn]avy|[Aa]rmy|[Aa]ir [Ff]orce|"
    r"Gulf state|kingdom|emirate)\b"  # 'Days earlier the Gulf state signed a deal to buy 80 Rafale fighters'
    r"(?:\s+of\s+(?:[Dd]efen[cs]e|[Ff]oreign [Aa]ffairs|[Ee]xternal [Aa]ffairs|[Hh]ome [Aa]ffairs|"
    r"[Ff]inance))?"
)  # 'The defence ministry', 'The Ministry of Defence'
_KINDS = ("country", "body")
# the whole dateline before the story: 'DHAKA - ', 'SEOUL, Dec 15 (Yonhap) - ', 'New Delhi, Mar 20 (PTI): '
_CITY_CAPS = r"[A-Z][A-Z'’.-]{2,}(?:/[A-Z][A-Z'’.-]{2,})?(?:\s[A-Z][A-Z'’.-]+){0,2}"
_CITY = r"[A-Z][A-Za-z'’.-]*(?:\s[A-Z][A-Za-z'’.-]*){0,2}"
# 'DUBAI, United Arab Emirates (AP) — ', 'ATHENS, Greece — ', 'New Delhi [India], ': the city's country
_PLACE = r"(?:,\s*[A-Z][a-z][A-Za-z'’.-]*(?:\s[A-Z][A-Za-z'’.-]*){0,3}|\s\[[A-Z][A-Za-z .]{1,30}\])?"
_WHEN = r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
_AGENCY = r"\s*(?:\([A-Za-z][\w .&/-]{0,30}\)|Kyodo|Xinhua|Yonhap|AFP|Reuters)"  # 'TOKYO, Nov. 14 Kyodo -'
_DATELINE_SPAN = re.compile(
    rf"^\s*(?:{_CITY_CAPS}{_PLACE}(?:{_WHEN})?(?:{_AGENCY})?|{_CITY}{_PLACE}(?:{_WHEN}(?:{_AGENCY})?|{_AGENCY}))"
    r"\s*(?:--|[-—–:]|\.\s*/[A-Za-z]+/\.?)\s"
    # 'NEW DELHI, Nov 23 (PTI) India has ...': the agency's bracket alone ends a capitals dateline
    rf"|^\s*{_CITY_CAPS}{_PLACE}(?:{_WHEN})?{_AGENCY}\s+(?=[A-Z])"
)


def dateline_end(text: str) -> int:
    """Where the story starts after a dateline ('DHAKA - China will ...'); 0 without one. The city
    names the place of writing, never a party: it is no actor of the sentence."""
    m = _DATELINE_SPAN.match(text[:80])
    return m.end() if m else 0


# 'PAF inducts Chinese J-10C fighter jets', 'First South Korean tanks and howitzers arrive in Poland': a
# demonym before the goods names their maker, not the country the news is about
_DEMONYM = re.compile(r"(?:an|ese|ian|i|ish|ch)$")
_GOODS_AFTER = re.compile(
    r"(?:-made|-built|\s+(?:[A-Z0-9][\w/-]*\s+)*(?:[A-Z0-9][\w/-]*|(?:tank|jet|fighter|howitzer|missile|"
    r"drone|weapon|helicopter|submarine|warship)s?\b|arms\b))"
)


def home_country(text: str, title_mentions: list[Mention], gaz: Gazetteer, title: str = "") -> str | None:
    """The dateline's country, else the first state or body the headline names (not as the maker of
    goods), else its first actor."""
    m = _DATELINE.match(text[:80])
    if m:
        entry = gaz.actors.get(actor_key(m.group("city")))
        if entry is not None and entry.code is not None and entry.kind in _KINDS:
            return entry.code
    states = [t for t in title_mentions if t.kind in _KINDS]
    makers = [t for t in states if _DEMONYM.search(t.text) and _GOODS_AFTER.match(title, t.end)]
    state = next((t.code for t in states if t not in makers), None)
    if state is None and makers:
        return None
    # 'MoD signs Rs 13,500 crore contract with HAL': a national firm or official tells the country too
    return state or next((t.code for t in title_mentions), None)


def bare_mentions(text: str, mentions: list[Mention], home: str) -> list[Mention]:
    """``mentions`` plus the bare institutions in a subject or attribution slot, as ``home``."""
    added: list[Mention] = []
    for m in BARE.finditer(text):
        start, end = m.span()
        if any(x.start < end and start < x.end for x in mentions):
            continue
        before = text[:start]
        if before.strip() and not _DATELINE_PREFIX.match(before) and not before.rstrip().endswith(","):
            continue
        added.append(Mention(start, end, home, "body", m.group()))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda x: x.start)
