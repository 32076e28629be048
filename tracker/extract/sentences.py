"""Text units with character offsets: sentences, tokens, clauses and quotes.

Every unit keeps its offsets into the article, so evidence can always be cut
back out of the text (``text[start:end] == sentence``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[\w$₹£€]+(?:[-/.&'’][\w]+)*")
_QUOTE = re.compile(r"[\"“]([^\"“”]{2,}?)[\"”]")
# A new clause starts at these words: dates and roles stay inside their clause.
_CLAUSE = re.compile(
    r";|:\s| — | – |\(|\)"
    r"|,\s+(?=(?:which|who|whom|whose|while|whereas|but|although|though|however|after|before|amid|as|"
    r"even as|adding|citing|stepping up|warning|saying|hours after|days after|weeks after|months after|"
    r"years after|is|are|was|were|has|have|had|will|would|said|says|according)\b)"
    r"|\s+(?=(?:while|whereas|although|after|before|amid|because|despite|that|in response to|"
    r"more than \w+ years after)\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Token:
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
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def clauses(text: str) -> list[Clause]:
    """Clause spans of a sentence, each with the word that opened it ('' for the first)."""
    out: list[Clause] = []
    pos, opener = 0, ""
    for match in _CLAUSE.finditer(text):
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
