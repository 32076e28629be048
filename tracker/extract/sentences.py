"""Text units with character offsets: sentences, tokens, clauses and quotes.

Every unit keeps its offsets into the article, so evidence can always be cut
back out of the text (``text[start:end] == sentence``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+|\n\s*")
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "adm",
        "sgt",
        "cdr",
        "brig",
        "rs",
        "no",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "prof",
        "gov",
        "sen",
        "rep",
        "hon",
        "mt",
        "ft",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "est",
        "fig",
        "govt",
        "dept",
        "nos",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
    ]
)
# A token is an initialism ('U.S.') or word characters joined by '-/.&\'' ('S-400', 'India's').
# Both alternatives open with the same character class so that re skips spaces at C speed;
# written plainly: (?:[A-Za-z]\.){2,}|[\w$₹£€]+(?:[-/.&'’][\w]+)*
_TOKEN = re.compile(r"[\w$₹£€](?:(?<=[A-Za-z])\.(?:[A-Za-z]\.)+|[\w$₹£€]*(?:[-/.&'’]\w+)*)")
_QUOTE = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]")
# A new clause starts at these words: dates and roles stay inside their clause.
_AFTER_COMMA = (
    "which|who|whom|whose|while|whereas|but|although|though|however|after|before|amid|as|even as|adding|"
    "citing|stepping up|warning|saying|hours after|days after|weeks after|months after|years after|is|are|"
    "was|were|has|have|had|will|would|said|says|according"
)
_AFTER_SPACE = (
    r"while|whereas|although|after|before|amid|because|despite|that|in response to|more than \w+ years after"
)
# Matched against lower-case text. Written plainly: ;|:\s| — | – |\(|\)|,\s+(?=(?:AFTER_COMMA)\b)
# |\s+(?=(?:AFTER_SPACE)\s); the first character is read before the look-behinds so that re skips
# the letters at C speed (clause splitting took a tenth of extraction time).
_CLAUSE = re.compile(
    r"[;:(),\s](?:(?<=[;()])|(?<=:)\s|(?<= )[—–] "
    rf"|(?<=,)\s+(?=(?:{_AFTER_COMMA})\b)"
    rf"|(?<=\s)\s*(?=(?:{_AFTER_SPACE})\s))"
)


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


class Token(NamedTuple):
    """A word with its offsets; a named tuple because a seed article has ~500 of them
    and building frozen dataclasses cost a tenth of the extraction time (bench/extract.py)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    opener: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """A period after 'Mr', 'Rs', 'U.S' or a single initial ('S. Jaishankar') ends no sentence."""
    head = text[max(0, dot - 12) : dot]
    word = re.split(r"[\s(\"“]", head)[-1].lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in article order; paragraph breaks always end a sentence."""
    out: list[Sentence] = []
    para, pos = 0, 0
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] in ".!?":
            nxt = text[match.end() : match.end() + 1]
            if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'(₹$£€"):
                continue
            if text[match.start()] == "." and _is_abbreviation(text, match.start()):
                continue
            cut = match.end() - len(match.group(0)) + len(match.group(0).rstrip())
        else:
            cut = match.start()
        _emit(text, pos, cut, para, out)
        if "\n" in match.group(0):
            para += 1
        pos = match.end()
    _emit(text, pos, len(text), para, out)
    return out


def _emit(text: str, start: int, end: int, para: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if len(stripped) < 3:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(stripped, s, s + len(stripped), para))


def lower(text: str) -> str:
    """Lower case with the same offsets: matching lower-case patterns is much faster than IGNORECASE."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def lower_pattern(pattern: str) -> str:
    """A regex source for lower-case text: letters lowered except escapes (\\W) and '(?P<'."""
    out = []
    for i, ch in enumerate(pattern):
        keep = (i and pattern[i - 1] == "\\") or (ch == "P" and pattern[i - 2 : i] == "(?")
        out.append(ch if keep else ch.lower())
    return "".join(out)


def tokenize(text: str) -> list[Token]:
    new = tuple.__new__  # skips the named tuple's Python-level __new__
    return [new(Token, (m.group(), m.start(), m.end())) for m in _TOKEN.finditer(text)]


def adjacent_run(tokens: list[Token], i: int, limit: int, text: str, joiners: tuple[str, ...]) -> int:
    """How many tokens from ``i`` (at most ``limit``) stand joined by ``joiners`` only: one name's
    words are separated by a single space or hyphen, never by a comma or a full stop."""
    size = 1
    while size < limit and text[tokens[i + size - 1].end : tokens[i + size].start] in joiners:
        size += 1
    return size


def clauses(text: str, low: str | None = None) -> list[Clause]:
    """Clause spans of a sentence, each with the word that opened it ('' for the first);
    ``low`` is the sentence in lower case (same offsets)."""
    out: list[Clause] = []
    pos, opener = 0, ""
    for match in _CLAUSE.finditer(low if low is not None else lower(text)):
        if match.start() > pos:
            out.append(Clause(pos, match.start(), opener))
        pos = match.end()
        following = text[pos : pos + 24].split()
        opener = following[0].lower().strip(",") if following else ""
    out.append(Clause(pos, len(text), opener))
    return out


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted words (inside the quote marks) in a text."""
    return [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text)]
