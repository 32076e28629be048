"""Actor mentions: countries, demonyms, capitals and metonyms, bodies, companies, officials.

A mention is found by the longest gazetteer n-gram starting at a token; a
blocked phrase ('Stockholm International Peace Research Institute') wins over
the capital inside it. Helpers here tell what grammatical slot a mention is in
(after which preposition, whether it is a subject), which the classifier uses
to assign roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from tracker.extract.gazetteer import MAX_NGRAM, ActorEntry, Gazetteer, actor_key
from tracker.extract.sentences import Token

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
    r"\d[\d,]*|more|new|other|state-run|state-owned|major|top|key|fellow|neighbouring|neighboring|ally|"
    r"nato|close|[A-Z][\w'’-]*)$"
)
_NON_ACTOR = re.compile(
    r"\b(?:former|ex-|retired|analysts?|experts?|researchers?|scholars?|professor|think[- ]tank|"
    r"reports?|study|"
    r"studies|militants?|rebels?|insurgents?|media|newspaper|sources?|data|observers?|commentators?|"
    r"critics)\b",
    re.IGNORECASE,
)
_PRONOUN_SUBJECT = re.compile(r"(?:^|[\s,\"“])(?:he|she|they)\s+(?:\w+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    code: str
    kind: str
    text: str
    name: str | None = None


def _case_ok(tokens: list[Token], caps: bool) -> bool:
    first = tokens[0].text
    if caps:
        return all(t.text.replace(".", "").replace("'s", "").replace("’s", "").isupper() for t in tokens)
    return first[:1].isupper() or first[:1].isdigit()


def find_actors(tokens: list[Token], text: str, gaz: Gazetteer) -> list[Mention]:
    """Non-overlapping actor mentions, longest match first, in text order."""
    out: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        hit = None
        first = tokens[i].text[:1]
        if not (first.isupper() or first.isdigit()):
            i += 1
            continue
        word = actor_key(tokens[i].text)
        longest = gaz.actor_starts.get(word) or gaz.actor_starts.get(
            word[:-2] if word.endswith("'s") else word[:-1], 0
        )
        for size in range(min(longest, MAX_NGRAM, n - i), 0, -1):
            span = tokens[i : i + size]
            if size > 1 and not _adjacent(span, text):
                continue
            key = actor_key(text[span[0].start : span[-1].end])
            entry = gaz.actors.get(key)
            if entry is None and (key.endswith("'s")):
                entry = gaz.actors.get(key[:-2])
            if entry is not None and _case_ok(span, entry.caps):
                hit = (size, entry)
                break
        if hit is None:
            hit = _hyphenated(tokens[i], gaz)
        if hit is None:
            i += 1
            continue
        size, entry = hit
        span = tokens[i : i + size]
        if entry.code is not None:
            start, end = span[0].start, span[-1].end
            out.append(Mention(start, end, entry.code, entry.kind, text[start:end], entry.name))
        i += size
    return out


_MADE = re.compile(
    r"^(.+?)-(?:made|built|supplied|designed|origin|manufactured|produced|funded|led)$", re.IGNORECASE
)


def _hyphenated(token: Token, gaz: Gazetteer) -> tuple[int, ActorEntry] | None:
    """'Chinese-made', 'US-supplied': the actor before the hyphen."""
    m = _MADE.match(token.text)
    entry = gaz.actors.get(actor_key(m.group(1))) if m else None
    if entry is None or entry.code is None or not token.text[:1].isupper():
        return None
    return 1, entry


def _adjacent(span: list[Token], text: str) -> bool:
    """Tokens of one name are separated by single spaces only (no comma or full stop between)."""
    return all(text[a.end : b.start] in (" ", "-") for a, b in pairwise(span))


def preposition_before(text: str, start: int, floor: int = 0) -> str | None:
    """The preposition governing a noun phrase that starts at ``start``, looking back over fillers."""
    words = text[floor:start].split()
    for word in reversed(words[-5:]):
        bare = word.strip(",\"“”'’").lower()
        if bare in PREPOSITIONS:
            return bare
        if word.endswith(",") or not _NP_FILLER.match(word.strip('"“”')):
            return None
    return None


def is_possessive(text: str, mention: Mention) -> bool:
    return text[mention.end : mention.end + 2] in ("'s", "’s") or mention.text.endswith(("'s", "’s"))


def non_actor_context(text: str, start: int, end: int) -> bool:
    """True when the span names analysts, experts, former officials, reports or militants."""
    return bool(_NON_ACTOR.search(text[start:end]))


def pronoun_subject(text: str, trigger_start: int) -> bool:
    """'he added', '"...," she said': the speaker is the last one named."""
    return bool(_PRONOUN_SUBJECT.search(text[max(0, trigger_start - 20) : trigger_start]))
