"""Time expressions: regexes find candidates, the calendar resolves them against publication time.

The precision follows the text: 'on Friday' is a day, 'in December' a month,
'in 2018' a year. Relative expressions look back from publication unless the
clause speaks of the future ('will begin in December'), when they look ahead.
'last week' has no week precision in the wire format, so it is the month of the
day a week before publication; a range ('between 2016 and 2020') is its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from events.model import Occurred
from tracker.extract.scan import WORD_START, WordScan
from tracker.extract.sentences import lower, lower_pattern
from tracker.extract.words import Words, read_words

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_M = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"  # noqa: E501
_Y = r"(?:19[5-9]\d|20[0-4]\d)"
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PRE = (
    r"(?:in|since|by|from|until|till|during|early|late|mid|end of|the end of|in early|in late|in mid|"
    r"by the end of)"
)
_UNIT_AFTER = (
    r"(?!\s*(?:%|per\b|percent|crore|lakh|million|billion|km|kg|tonnes|units|jets|aircraft|troops|soldiers))"
)
CANDIDATES = re.compile(
    rf"\b(?:between|from)\s+(?P<ra>{_Y})\s*(?:-|–|and|to)\s*(?:and\s+)?(?P<rb>{_Y})\b"
    rf"|\b(?:in\s+)?(?P<fa>{_Y})\s*[-–/]\s*(?P<fb>{_Y}|\d{{2}})\b"
    rf"|\b(?:on\s+)?(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_M}),?\s+(?P<y1>{_Y})\b"
    rf"|\b(?:on\s+)?(?P<m2>{_M})\s+(?P<d2>{_D}),?\s+(?P<y2>{_Y})\b"
    rf"|\b(?:{_PRE}[\s-]+)?(?P<m3>{_M}),?\s+(?P<y3>{_Y})\b"
    rf"|\b(?:{_PRE}[\s-]+)?(?P<m6>{_M})\s+(?P<r6>last|this|next)\s+year\b"
    rf"|\b(?:on\s+)?(?P<m4>{_M})\s+(?P<d4>{_D})\b(?![,.]?\d)"
    rf"|\b(?:on\s+)?(?P<d5>{_D})\s+(?:of\s+)?(?P<m5>{_M})\b"
    rf"|\b(?P<p7>{_PRE}|this|last|next)[\s-]+(?P<m7>{_M})\b"
    rf"|\b(?:(?P<wr>last|this|next|on|since|by|from|until|this past|this coming)\s+)?(?P<wd>{_WD})\b"
    r"|\b(?P<rel>yesterday|today|tonight|this (?:morning|afternoon|evening)|last night"
    r"|(?:earlier|later) (?:today|this (?:week|month|year))|(?:this|last|next|the previous|the past|"
    r"the coming)"
    r" (?:week|month|year)|(?:a|an|one|two|three|four|five|six|seven|\d+) (?:days?|weeks?|months?|years?) ago"
    r"|(?:by )?the end of (?:the|this) year)\b"
    # 'the sanctions Washington imposed a day earlier': a day counted from another date of the sentence
    r"|\b(?P<anc>(?:a|one|two|three|four|five|six|\d) days? "
    r"(?:earlier|later|after(?= \w+ (?:and|had|signed))"
    # ('..., a day after the US State Department approved a possible sale')
    r"|after(?= (?:the |a )?(?:[\w.'’-]+ ){1,10}"
    r"(?:approved|signed|announced|imposed|agreed|cleared|unveiled|sanctioned|blacklisted|downgraded|"
    r"suspended|banned|expelled|lifted|launched|added|adopted|issued|slapped|held)\b"
    r"|(?: [\w.'’-]+){1,8} (?:took|came into) (?:effect|force)\b))"
    r"|the (?:previous|next|following) day|the day before(?= *[,.;]))"
    rf"|\b(?:(?P<yp>{_PRE}|year|of|in the year)[\s-]+)?(?P<y>{_Y})\b{_UNIT_AFTER}"
)
CANDIDATES = re.compile(WORD_START + "(?:" + lower_pattern(CANDIDATES.pattern) + ")")  # word starts only
_SCAN = WordScan((CANDIDATES,))
# Every candidate holds a digit, a month or weekday name or one of these words as a whole run (a form
# added to CANDIDATES must keep this true). Most sentences hold none, and the scan, whose first words
# include 'a', 'in' and 'the', is skipped for them (80K instructions a sentence, callgrind over
# bench/extract.py).
_WHEN_WORDS = (
    *("yesterday", "today", "tonight", "morning", "afternoon", "evening", "night", "ago"),
    *("day", "days"),  # 'a day earlier', 'the previous day'
)
ANCHORS = frozenset([*MONTHS, *WEEKDAYS, *_WHEN_WORDS, "week", "month", "year"])
_MONTH_GROUPS = ("m1", "m2", "m3", "m4", "m5", "m6", "m7")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    groups: dict[str, str]


_UNTIL = re.compile(r"\b(?:until|till|through|expires?\s+on|expiring\s+on)\s+$")
_ENDS = ("until", "till")


def find_dates(text: str, low: str | None = None, words: Words | None = None) -> list[DateMention]:
    """Candidates in ``text``; ``low`` is its lower-case copy (same offsets) to match against."""
    out: list[DateMention] = []
    low = low if low is not None else lower(text)
    words = words or read_words(low)
    if not words.has_digit and ANCHORS.isdisjoint(words.words):
        return out  # no candidate can stand here (see ANCHORS)
    for m in _SCAN.scan(low, words)[0]:
        groups = {k: text[m.start(k) : m.end(k)] for k, v in m.groupdict().items() if v}
        if any(not groups[g][:1].isupper() for g in _MONTH_GROUPS if g in groups):
            continue  # 'may' and 'march' the verbs
        if "wd" in groups and not groups["wd"][:1].isupper():
            continue
        ends = groups.get("p7", "").lower() in _ENDS or groups.get("yp", "").lower() in _ENDS  # 'until 2031'
        if _UNTIL.search(low, max(0, m.start() - 12), m.start()) or ends:
            continue  # 'extended the sanctions for six months, until July 31': when they end, not when done
        out.append(DateMention(m.start(), m.end(), text[m.start() : m.end()], groups))
    return out


def anchored(dm: DateMention, anchor: Occurred) -> Occurred | None:
    """'a day earlier' counted from another date of the sentence, told to the day."""
    if anchor.precision != "day":
        return None
    words = dm.groups["anc"].lower().split()
    count = 1 if words[0] in ("a", "the") else int(words[0]) if words[0].isdigit() else NUMBER_WORDS[words[0]]
    # ('a day after Paris and Yerevan signed': the signing is the day before the sentence's date)
    back = "earlier" in words or "previous" in words or "before" in words or "after" in words
    day = date.fromisoformat(anchor.date) + timedelta(days=-count if back else count)
    return _day(day, dm.text.strip())


def _day(d: date, text: str) -> Occurred:
    return Occurred(date=d.isoformat(), precision="day", text=text)


def _month(year: int, month: int, text: str) -> Occurred:
    return Occurred(date=f"{year:04d}-{month:02d}", precision="month", text=text)


def _year(year: int, text: str) -> Occurred:
    return Occurred(date=f"{year:04d}", precision="year", text=text)


def _month_no(raw: str) -> int:
    return MONTHS[raw.lower().rstrip(".")]


def _day_no(raw: str) -> int:
    return int(re.sub(r"\D", "", raw))


def resolve(dm: DateMention, published: datetime | None, future: bool = False) -> Occurred | None:
    """The calendar date of a candidate, or None when it cannot be resolved (no publication time)."""
    g, text = dm.groups, dm.text.strip()
    if "anc" in g:
        return None  # counted from another date (``anchored``)
    try:
        if "ra" in g:
            return _year(int(g["ra"]), text)
        if "fa" in g:
            return _year(int(g["fa"]), text)
        for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
            if d in g:
                return _day(date(int(g[y]), _month_no(g[m]), _day_no(g[d])), text)
        if "m3" in g:
            return _month(int(g["y3"]), _month_no(g["m3"]), text)
        if "y" in g:
            return _year(int(g["y"]), text)
    except ValueError:
        return None
    if published is None:
        return None
    return _relative(g, text, published.date(), future)


def _relative(g: dict[str, str], text: str, pub: date, future: bool) -> Occurred | None:
    try:
        if "m6" in g:
            shift = {"last": -1, "this": 0, "next": 1}[g["r6"].lower()]
            return _month(pub.year + shift, _month_no(g["m6"]), text)
        for d, m in (("d4", "m4"), ("d5", "m5")):
            if d in g:
                return _day(_nearest_day(pub, _month_no(g[m]), _day_no(g[d]), future), text)
    except ValueError:
        return None
    if "m7" in g:
        ahead = future or g["p7"].lower() in ("next", "until", "till", "by")
        return _nearest_month(pub, _month_no(g["m7"]), ahead, g["p7"].lower(), text)
    if "wd" in g:
        return _day(_weekday(pub, WEEKDAYS[g["wd"].lower()], (g.get("wr") or "").lower(), future), text)
    if "rel" in g:
        return _phrase(g["rel"].lower(), pub, text)
    return None


def _nearest_day(pub: date, month: int, day: int, future: bool) -> date:
    candidate = date(pub.year, month, day)
    if future and candidate < pub - timedelta(days=2):
        return date(pub.year + 1, month, day)
    if not future and candidate > pub + timedelta(days=2):
        return date(pub.year - 1, month, day)
    return candidate


def _nearest_month(pub: date, month: int, ahead: bool, prefix: str, text: str) -> Occurred:
    """'in December' is the latest December up to publication; 'will ... in December' the next one."""
    if prefix == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif ahead:
        year = pub.year if month >= pub.month else pub.year + 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return _month(year, month, text)


def _weekday(pub: date, weekday: int, rel: str, future: bool) -> date:
    if rel == "next" or rel == "this coming" or (future and rel not in ("last", "this past", "since")):
        ahead = (weekday - pub.weekday()) % 7
        return pub + timedelta(days=ahead or 7)
    back = (pub.weekday() - weekday) % 7
    if rel in ("last", "this past") and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _phrase(rel: str, pub: date, text: str) -> Occurred | None:
    if rel in ("today", "tonight", "last night") or rel.startswith(
        ("this morning", "this afternoon", "this e")
    ):
        return _day(pub - timedelta(days=1) if rel == "last night" else pub, text)
    if rel == "yesterday":
        return _day(pub - timedelta(days=1), text)
    if rel.endswith("ago"):
        count_word, unit = rel.split()[:2]
        count = int(count_word) if count_word.isdigit() else NUMBER_WORDS.get(count_word, 1)
        return _ago(pub, count, unit.rstrip("s"), text)
    unit = rel.split()[-1]
    shift = -1 if rel.startswith(("last", "the previous", "the past")) else 1 if "next" in rel else 0
    if "coming" in rel:
        shift = 1
    if unit == "week":
        when = pub + timedelta(days=7 * shift)
        return _month(when.year, when.month, text)
    if unit == "month":
        when = _months_from(pub, shift)
        return _month(when.year, when.month, text)
    if unit == "year":
        return _year(pub.year + shift, text)
    return None


def _ago(pub: date, count: int, unit: str, text: str) -> Occurred:
    if unit == "day":
        return _day(pub - timedelta(days=count), text)
    if unit == "week":
        when = pub - timedelta(days=7 * count)
        return _month(when.year, when.month, text)
    if unit == "month":
        when = _months_from(pub, -count)
        return _month(when.year, when.month, text)
    return _year(pub.year - count, text)


def _months_from(pub: date, months: int) -> date:
    """The first of the month ``months`` calendar months from ``pub``'s; ``relativedelta`` gave the same
    year and month for 64K instructions a call (callgrind), and the same error out of range."""
    year, month = divmod(pub.year * 12 + pub.month - 1 + months, 12)
    return date(year, month + 1, 1)


def more_precise(a: Occurred, b: Occurred) -> bool:
    """True when ``a`` refines ``b`` ('2022-04-05' refines '2022-04')."""
    return len(a.date) > len(b.date) and a.date.startswith(b.date)
