"""Actor mentions: countries, demonyms, capitals and metonyms, bodies, companies, officials.

A mention is found by the longest gazetteer n-gram starting at a token; a
blocked phrase ('Stockholm International Peace Research Institute') wins over
the capital inside it. Helpers here tell what grammatical slot a mention is in
(after which preposition, whether it is a subject), which the classifier uses
to assign roles.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from tracker.extract.caseless import Caseless
from tracker.extract.gazetteer import MAX_NGRAM, NO_OPENER, ActorEntry, Gazetteer, actor_key
from tracker.extract.sentences import Token, adjacent_run

PREPOSITIONS = frozenset(
    [
        "of",
        "from",
        "to",
        "with",
        "on",
        "against",
        "for",
        "in",
        "at",
        "by",
        "over",
        "near",
        "into",
        "onto",
        "about",
        "between",
        "among",
        "than",
        "under",
        "toward",
        "towards",
        "via",
        "like",
        "including",
        "during",
        "across",
        "upon",
    ]
)
# words a preposition may be separated from its noun phrase by ("to NATO ally Turkey", "on six Indian firms")
_NP_FILLER = re.compile(
    r"^(?:the|a|an|its|their|his|her|our|all|some|several|three|two|four|five|six|seven|eight|nine|ten|"
    r"\d[\d,]*|more|nearly|almost|roughly|dozens|hundreds|new|other|state-run|state-owned|major|top|key|"
    r"fellow|neighbouring|neighboring|ally|"
    r"nato|close|former|colonial|power|partner|[A-Z][\w'’-]*)$"
)
_OFFICE = re.compile(r"^(?:Secretary|Minister|Ministry|Department|Chief|Head|Director|Chairman|Commander)$")
_NON_ACTOR = Caseless(
    r"\b(?:former|ex-|retired|analysts?|experts?|researchers?|scholars?|professor|think[- ]tank|"
    r"reports?|study|"
    r"studies|militants?|rebels?|insurgents?|media|newspapers?|news\s+sites?|news\s+websites?|"
    r"(?:business\s+|financial\s+|state\s+)?(?:daily|dailies|weekly|tabloid|broadsheet)|"
    r"sources?|data|observers?|commentators?|coach|captain|striker|goalkeeper|footballers?|"
    r"critics|campaign|disaster|emergency|seismolog\w*|geological|"
    r"(?:exiled|main|political)\s+opposition|opposition\s+(?:leaders?|party|parties|figures?|groups?))\b",
)
# 'he added', and definite descriptions of someone named before ('The prime minister said')
_PRONOUN_SUBJECT = Caseless(
    r"(?:^|[\s,\"“])(?:he|she|they|the\s+(?:\w+\s+)?(?:prime minister|minister|president|premier|chancellor|"
    r"official|spokesman|spokeswoman|spokesperson|envoy|ambassador|leader|ministry))\s+(?:\w+\s+)?$"
)


class Mention(NamedTuple):
    start: int
    end: int
    code: str
    kind: str
    text: str
    name: str | None = None


def _case_ok(tokens: list[Token], caps: bool) -> bool:
    first = tokens[0][0]
    if caps:
        return all(t[0].replace(".", "").replace("'s", "").replace("’s", "").isupper() for t in tokens)
    return first[:1].isupper() or first[:1].isdigit()


def find_actors(tokens: list[Token], text: str, gaz: Gazetteer) -> list[Mention]:
    """Non-overlapping actor mentions, longest match first, in text order."""
    out: list[Mention] = []
    skip, memo = 0, gaz.opener_memo
    for i, token in enumerate(tokens):
        pair = memo.get(token[0]) or gaz.openers(token[0])
        if i < skip or pair is NO_OPENER:
            continue
        hit = actor_at(tokens, i, pair[0], text, gaz)
        if hit is not None:
            size, mention = hit
            if mention is not None:
                out.append(mention)
            skip = i + size
    return out


def actor_at(
    tokens: list[Token], i: int, longest: int, text: str, gaz: Gazetteer
) -> tuple[int, Mention | None] | None:
    """The alias starting at token ``i`` (of at most ``longest`` words): its size in tokens and its
    mention (None for a blocked phrase, which still hides the names inside it)."""
    token = tokens[i]
    hit = _longest(tokens, i, min(longest, MAX_NGRAM, len(tokens) - i), text, gaz) if longest else None
    if hit is None and "-" in token[0]:
        hit = _hyphenated(token, gaz)
    if hit is None:
        return None
    size, entry = hit
    if entry.code is None:
        return size, None
    start, end = token.start(), tokens[i + size - 1].end()
    # tuple.__new__ skips the named tuple's Python-level __new__ (as ``tokenize`` does)
    return size, tuple.__new__(Mention, (start, end, entry.code, entry.kind, text[start:end], entry.name))


def _longest(
    tokens: list[Token], i: int, limit: int, text: str, gaz: Gazetteer
) -> tuple[int, ActorEntry] | None:
    """The longest gazetteer alias of at most ``limit`` words that starts at token ``i``."""
    start = tokens[i].start()
    for size in range(adjacent_run(tokens, i, limit, text, _JOINERS), 0, -1):
        entry = gaz.alias(text[start : tokens[i + size - 1].end()])
        if entry is not None and _case_ok(tokens[i : i + size], entry.caps):
            return size, entry
    return None


_JOINERS = (" ", "-")
_MADE = re.compile(
    r"^(.+?)-(?:made|built|supplied|designed|origin|manufactured|produced|funded|led|based)$", re.IGNORECASE
)


# Business hubs that stand for their state only as the seat of a firm ('a Mumbai-based ship manager'):
# as names of their own they are places, not actors
_HUBS = {
    "mumbai": "India", "bengaluru": "India", "bangalore": "India", "chennai": "India", "hyderabad": "India",
    "pune": "India", "kolkata": "India", "karachi": "Pakistan", "lahore": "Pakistan", "shanghai": "China",
    "shenzhen": "China", "guangzhou": "China", "dubai": "United Arab Emirates",
    "sharjah": "United Arab Emirates", "istanbul": "Turkey", "almaty": "Kazakhstan", "yerevan": "Armenia",
    "tashkent": "Uzbekistan",
}  # fmt: skip


def _hyphenated(token: Token, gaz: Gazetteer) -> tuple[int, ActorEntry] | None:
    """'Chinese-made', 'US-supplied': the actor before the hyphen."""
    if not token[0][:1].isupper():
        return None
    m = _MADE.match(token[0])
    entry = gaz.actors.get(actor_key(m.group(1))) if m else None
    if entry is None and m and token[0].lower().endswith("-based"):
        hub = _HUBS.get(m.group(1).lower())
        entry = gaz.actors.get(actor_key(hub)) if hub else None
    if entry is None or entry.code is None:
        return None
    return 1, entry


def preposition_before(text: str, start: int, floor: int = 0) -> str | None:
    """The preposition governing a noun phrase that starts at ``start``, looking back over fillers."""
    words = text[floor:start].rsplit(None, 5)  # the last five words: no need to split the whole clause
    last = words[-5:]
    for n in range(len(last) - 1, -1, -1):
        word = last[n]
        bare = word.strip(",\"“”'’").lower()
        if bare == "than" and n and last[n - 1].lower() in ("more", "fewer", "less"):
            continue  # 'sanctions on more than 300 Russian targets': a count, governed by 'on'
        if bare in PREPOSITIONS:
            return None if bare == "of" and _office_of(text, floor, start, word) else bare
        if word.endswith(",") or not _fills_np(word.strip('"“”')):
            return None
    return None


def _office_of(text: str, floor: int, start: int, word: str) -> bool:
    """'Secretary of State Antony Blinken', 'Minister of Defence X': the 'of' of a title governs the
    office, not the person named after it."""
    head = text[floor:start].rsplit(" " + word + " ", 1)[0].split()
    return bool(head) and _OFFICE.match(head[-1]) is not None


@lru_cache(maxsize=1 << 14)  # the same words recur; the match cost 2.7K instructions a call
def _fills_np(word: str) -> bool:
    return _NP_FILLER.match(word) is not None


def is_possessive(text: str, mention: Mention) -> bool:
    return text[mention.end : mention.end + 2] in ("'s", "’s") or mention.text.endswith(("'s", "’s"))


def non_actor_context(text: str, start: int, end: int) -> bool:
    """True when the span names analysts, experts, former officials, reports or militants."""
    return _NON_ACTOR.found(text[start:end])


def pronoun_subject(text: str, trigger_start: int) -> bool:
    """'he added', '"...," she said': the speaker is the last one named."""
    return _PRONOUN_SUBJECT.found(text[max(0, trigger_start - 45) : trigger_start])
