"""Text units with character offsets: sentences, tokens, clauses and quotes.

Every unit keeps its offsets into the article, so evidence can always be cut
back out of the text (``text[start:end] == sentence``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from tracker.extract.words import Words, read_words

# Written plainly: [.!?]["”’')\]]*\s+|\n\s* ; the first character is read before the look-behinds so
# that re skips to the next stop or newline at C speed (the plain pattern was tried at every character).
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’')\]]*\s+|(?<=\n)\s*)")
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
# The same tokens in ASCII text, where \w is [A-Za-z0-9_] either way and the other marks cannot stand:
# re.ASCII reads \w from a table, sets of ASCII characters are bitmaps, and the joined parts, which
# nothing follows, are taken possessively (no backtracking state): 15% off tokenizing (callgrind).
_ASCII_TOKEN = re.compile(r"[\w$](?:(?<=[A-Za-z])\.(?:[A-Za-z]\.)+|[\w$]*(?:[-/.&']\w+)*+)", re.ASCII)
# The run cannot hold a closing mark, so greedy equals lazy here, and re repeats a greedy set at C speed.
_QUOTE = re.compile(r"[\"“]([^\"“”]{2,})[\"”]")
_WORD_BREAK = re.compile(r"[\s(\"“]")
# A new clause starts at these words: dates and roles stay inside their clause.
_AFTER_COMMA = (
    "which|who|whom|whose|while|whereas|but|although|though|however|after|before|amid|as|even as|adding|"
    "citing|stepping up|warning|saying|hours after|days after|weeks after|months after|years after|is|are|"
    "was|were|has|have|had|will|would|said|says|according|reacting|responding|accusing|"
    "describing|claiming"
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
# Where a match can start: at a mark, at the space before a dash, in the spaces before the first word
# of an _AFTER_SPACE phrase (a whole run: blanks stand on both sides of it).
_MARKS = ";:(),—–"
_SPACE_OPENERS = frozenset(phrase.split()[0] for phrase in _AFTER_SPACE.split("|"))
# '(USD346 million)', '(about ₹443 crore)', '(over Rs 40,000 crore)': an amount converted in brackets
# opens no clause
_AMOUNT_BRACKETS = re.compile(
    r"\((?:about |around |some |roughly |nearly |approximately |almost |over |under |more than |less than "
    r"|close to |at least |just over |just under )?[^\s\d()]{0,4}\s?\d[\d.,]*\s?"
    r"(?:[a-z$€£.]+\s?){0,3}\)"
    # a designation's own brackets, 'CH-47F(I) Chinook helicopters' (lower case here): part of the name
    r"|(?<=[a-z0-9])\([a-z0-9]{1,3}\)"
    # a name's abbreviation, 'Yangtze Memory Technologies Co (YMTC), to its trade blacklist'
    r"|(?<=[a-z] )\((?!reuters|ap|afp|pti|ani|ians|tass|xinhua|yonhap|kyodo|bloomberg|cna)"
    r"[a-z][a-z0-9&-]{1,9}\)"
)


# A token is its match of _TOKEN: ``token[0]`` is the word, ``token.start()`` and ``token.end()`` its
# offsets. Copying the ~500 matches of a seed article into named tuples cost as much as finding them
# (2.5K instructions a token, callgrind over bench/extract.py), and only the few tokens that can open
# a name are read again.
Token = re.Match[str]


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


class Clause(NamedTuple):
    """A clause span and the word that opened it; a named tuple, built cheaply like ``Token``."""

    start: int
    end: int
    opener: str


_INITIALS = re.compile(r"(?:[a-z]\.){1,3}[a-z]")
_ON_X = re.compile(r"\b(?:on|to|via)\s+X$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """A period after 'Mr', 'Rs', 'U.S' or a single initial ('S. Jaishankar') ends no sentence."""
    head = text[max(0, dot - 12) : dot]
    word = _WORD_BREAK.split(head)[-1].lower()
    if word == "x" and _ON_X.search(head):
        return False  # 'Singh said in a post on X. The previous ...': the platform, not an initial
    # initials run together ('Air Chief Marshal R.K.S. Bhadauria') end no sentence either
    return word in _ABBREV or (len(word) == 1 and word.isalpha()) or bool(_INITIALS.fullmatch(word))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences in article order; paragraph breaks always end a sentence."""
    out: list[Sentence] = []
    para, pos = 0, 0
    for match in _BOUNDARY.finditer(text):
        (start, end), stop = match.span(), match[0]
        if stop[0] in ".!?":
            nxt = text[end : end + 1]
            if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'(₹$£€"):
                continue
            if stop[0] == "." and _is_abbreviation(text, start):
                continue
            cut = start + len(stop.rstrip())
        else:
            cut = start
        _emit(text, pos, cut, para, out)
        if "\n" in stop:
            para += 1
        pos = end
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
    return list((_ASCII_TOKEN if text.isascii() else _TOKEN).finditer(text))


def adjacent_run(tokens: list[Token], i: int, limit: int, text: str, joiners: tuple[str, ...]) -> int:
    """How many tokens from ``i`` (at most ``limit``) stand joined by ``joiners`` only: one name's
    words are separated by a single space or hyphen, never by a comma or a full stop."""
    size = 1
    while size < limit and text[tokens[i + size - 1].end() : tokens[i + size].start()] in joiners:
        size += 1
    return size


def clauses(text: str, low: str | None = None, words: Words | None = None) -> list[Clause]:
    """Clause spans of a sentence, each with the word that opened it ('' for the first);
    ``low`` is the sentence in lower case (same offsets), ``words`` its runs."""
    out: list[Clause] = []
    pos, opener, new = 0, "", tuple.__new__
    low = low if low is not None else lower(text)
    for match in _clause_marks(low, words or read_words(low)):
        if match.start() > pos:
            out.append(new(Clause, (pos, match.start(), opener)))
        pos = match.end()
        following = text[pos : pos + 24].split()
        opener = following[0].lower().strip(",") if following else ""
    out.append(new(Clause, (pos, len(text), opener)))
    return _fronted(text, out)


_FRONTED = frozenset({"after", "before", "following", "despite", "amid", "while", "since"})
_MAIN_AFTER = re.compile(r",\s+(?=(?:the\s+)?[A-Z])")


def _fronted(text: str, out: list[Clause]) -> list[Clause]:
    """'A day after the lifting of sanctions on Saturday, the Treasury Department on Sunday imposed new
    sanctions': a subordinate clause put first ends at the comma before the main clause's subject."""
    for n, c in enumerate(out):
        if c.start > 60:
            break
        first = c.opener or text[c.start : c.start + 12].split(" ", 1)[0].lower()
        if first in _FRONTED:
            cut = _MAIN_AFTER.search(text, c.start, c.end)
            if cut is not None:
                following = text[cut.end() : cut.end() + 24].split()
                main = Clause(cut.end(), c.end, following[0].lower() if following else "")
                return [*out[:n], Clause(c.start, cut.start(), first), main, *out[n + 1 :]]
    return out


def _clause_marks(low: str, words: Words) -> Iterator[re.Match[str]]:
    """The matches ``_CLAUSE.finditer(low)`` gives, tried only where one can start (``finditer``
    tries every space): a sixth off clause splitting (callgrind over bench/extract.py)."""
    starts = set()
    for mark in _MARKS:  # str.find skips to a character at C speed, and most marks are absent
        pos = low.find(mark)
        while pos >= 0:
            starts.add(pos - 1 if mark in "—–" else pos)  # ' — ' is matched from its first space
            pos = low.find(mark, pos + 1)
    for word in _SPACE_OPENERS.intersection(words.words):
        for pos in words.offsets(word):
            while pos > 0 and low[pos - 1].isspace():  # ``\s`` is ``str.isspace``
                pos -= 1
                starts.add(pos)
    end = 0
    for pos in sorted(starts - {-1}):
        if low[pos] == "(" and (amount := _AMOUNT_BRACKETS.match(low, pos)) is not None:
            end = amount.end()
            continue
        if pos >= end and (match := _CLAUSE.match(low, pos)) is not None:
            end = match.end()
            yield match


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted words (inside the quote marks) in a text."""
    return [(m.start(1), m.end(1)) for m in _QUOTE.finditer(text)]
