"""Case-insensitive patterns, run as lower-case patterns over a lower-case copy of ASCII text.

re's IGNORECASE folds every character it compares and loses the quick test of each alternative's
first letter, so the status and context patterns (``PLANNED``, ``WEAPON_NOUNS``, ...) cost about
1,300 instructions per character of a clause: 2.6M of the 22.5M a seed article took (callgrind
over bench/extract.py). The same pattern in lower case over ``text.lower()`` costs a
quarter of that. On ASCII text (``str.isascii`` is O(1)) the two agree exactly; other text, where
IGNORECASE also folds the Kelvin sign or the long s, keeps the IGNORECASE pattern.

A pattern that opens with ``\\b`` before a word character is tried at every position of the text;
the same matches start right at ``pos`` or one character after a non-word character, and searching
for that character first lets re skip the letters at C speed (another third off).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from re import _parser  # type: ignore[attr-defined]  # the stdlib's own pattern reader
from typing import Any

from tracker.extract.sentences import lower_pattern

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


class Caseless:
    """A case-insensitive pattern, tested for a match; ``cased`` is a whole word that keeps its case
    ('may' the verb, not 'May' the month)."""

    __slots__ = ("_cased", "_lead", "_lower", "_word", "pattern")

    def __init__(self, source: str, cased: str | None = None) -> None:
        word = None if cased is None else rf"\b{re.escape(cased)}\b"
        self.pattern = re.compile(source if word is None else f"(?:{source})|(?-i:{word})", re.IGNORECASE)
        lowered = lower_pattern(source)
        self._lower = re.compile(lowered)
        self._lead = re.compile("[^a-z0-9_]" + lowered[2:]) if _word_start(lowered) else None
        self._cased, self._word = cased or "", None if word is None else re.compile(word)

    def found(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether the pattern matches anywhere in ``text[pos:endpos]``, as ``pattern.search`` would."""
        if not text.isascii():
            return self.pattern.search(text, pos, endpos) is not None
        low = text.lower()
        if self._lead is None:
            hit = self._lower.search(low, pos, endpos) is not None
        else:
            hit = self._lower.match(low, pos, endpos) is not None
            hit = hit or self._lead.search(low, pos, endpos) is not None
        if not hit and self._word is not None and self._cased in text:  # 'in' is a C scan
            hit = self._word.search(text, pos, endpos) is not None
        return hit

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """The matches of the pattern (on the lower-case copy for ASCII text: same offsets)."""
        assert self._word is None, "a cased word has no place among the matches"
        if not text.isascii():
            return self.pattern.finditer(text, pos, endpos)
        return self._lower.finditer(text.lower(), pos, endpos)


def _word_start(lowered: str) -> bool:
    """Whether ``lowered`` is ``\\b`` and then a pattern whose matches all open with a word character,
    so that the boundary means 'at the start of the text or after a non-word character'."""
    if not lowered.startswith(r"\b"):
        return False
    return _opens_with_word_char(list(_parser.parse(lowered[2:])))


def _opens_with_word_char(items: list[Any]) -> bool:
    """Whether every match of a parsed sequence starts with [a-z0-9_]; False when unsure."""
    if not items:
        return False
    op, arg = items[0]
    if op is _parser.LITERAL:
        return chr(arg) in _WORD_CHARS
    if op is _parser.IN:
        return all(_in_word_chars(item_op, item) for item_op, item in arg)
    if op is _parser.BRANCH:
        return all(_opens_with_word_char(alternative) for alternative in arg[1])
    if op is _parser.SUBPATTERN:
        return _opens_with_word_char(list(arg[-1]))
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
        return arg[0] >= 1 and _opens_with_word_char(list(arg[2]))
    return False


def _in_word_chars(op: Any, arg: Any) -> bool:
    if op is _parser.LITERAL:
        return chr(arg) in _WORD_CHARS
    if op is _parser.RANGE:
        return all(chr(c) in _WORD_CHARS for c in range(arg[0], arg[1] + 1))
    return bool(op is _parser.CATEGORY and arg is _parser.CATEGORY_WORD)
