"""Word-gated regex scanning: try a big alternation only where a word that can begin it stands.

``pattern.finditer`` tries every character position of a sentence; for the cue
and date alternations (hundreds of branches behind a ``(?<![a-z0-9])``
look-behind) that cost about 2.4 ms of the 10 ms a seed article took (issue 4,
bench/extract.py). Every match of such a pattern starts at the start of a run of
``[a-z0-9]`` and that first run is one of a finite set of words ('signed',
'deal', 'on', '2018', ...), which is read off the compiled pattern once at
import. :class:`WordScan` then tries the pattern only at runs in that set, in text
order, skipping runs inside the previous match, so it yields exactly the
matches ``finditer`` would (tests/extract/test_extract_scan.py checks this).

A pattern whose first words cannot be derived (no word-start guard, an
unbounded word repeat, a construct the reader does not know) falls back to
``finditer``: slower, never different.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _parser  # type: ignore[attr-defined]  # the stdlib's own pattern reader
from typing import Any

from tracker.extract.words import ALNUM as _ALNUM
from tracker.extract.words import Words, read_words

WORD_START = "(?<![a-z0-9])"
_DIGITS = frozenset("0123456789")
_MAX_STATES = 20_000
_MAX_REPEAT = 8

_Node = tuple[Any, Any]  # (opcode, argument) of the parsed pattern
# A state is (the run read so far, whether the run has ended).
_State = tuple[str, bool]


class _Unknown(Exception):
    """The pattern uses something whose first words cannot be listed."""


class _Reader:
    """Walks a parsed pattern, collecting the first runs its matches can start with."""

    def __init__(self) -> None:
        self.any_digit_run = False

    def seq(self, items: Iterable[_Node], states: set[_State]) -> set[_State]:
        for op, arg in items:
            if all(done for _, done in states):
                return states  # later pieces cannot change a finished first run
            states = self.op(op, arg, states)
            if len(states) > _MAX_STATES:
                raise _Unknown("too many first words")
        return states

    def op(self, op: Any, arg: Any, states: set[_State]) -> set[_State]:
        if op is _parser.LITERAL:
            return _extend(states, {chr(arg)})
        if op is _parser.IN:
            return _extend(states, _charset(arg))
        if op is _parser.SUBPATTERN:
            return self.seq(arg[-1], states)
        if op is _parser.BRANCH:
            return set().union(*(self.seq(alt, states) for alt in arg[1]))
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
            lo, hi, sub = arg
            return self.repeat(lo, hi, sub, states)
        if op is _parser.AT:
            if arg is _parser.AT_BOUNDARY:  # after a letter, \b means the run ends here
                return {(w, done or bool(w)) for w, done in states}
            return states
        if op in (_parser.ASSERT, _parser.ASSERT_NOT):
            return states  # look-arounds consume nothing; ignoring them only widens the set
        raise _Unknown(str(op))

    def repeat(self, lo: int, hi: int, sub: list[_Node], states: set[_State]) -> set[_State]:
        if hi is _parser.MAXREPEAT and _is_digits(sub):
            return self.digit_run(lo, states)
        out: set[_State] = set()
        cur = states
        for k in range(_MAX_REPEAT + 1):
            if k >= lo:
                out |= cur
            if k == hi or (k >= lo and all(done for _, done in cur)):
                return out
            if all(done for _, done in cur):  # below the minimum and finished: nothing changes
                return out | cur
            cur = self.seq(sub, cur)
        raise _Unknown("unbounded repeat")

    def digit_run(self, lo: int, states: set[_State]) -> set[_State]:
        """``\\d+``: any run that starts with a digit may begin a match."""
        for word, done in states:
            if not done and not set(word) <= _DIGITS:
                raise _Unknown("letters then digits")
            if not done:
                self.any_digit_run = True
        kept = {s for s in states if s[1]}
        return kept | ({s for s in states if not s[1]} if lo == 0 else set())


def _is_digits(sub: list[_Node]) -> bool:
    return len(sub) == 1 and sub[0] == (_parser.IN, [(_parser.CATEGORY, _parser.CATEGORY_DIGIT)])


def _charset(items: list[_Node]) -> set[str]:
    """The characters of a ``[...]`` set; a non-alphanumeric stand-in (' ') for spaces."""
    out: set[str] = set()
    for op, arg in items:
        if op is _parser.LITERAL:
            out.add(chr(arg))
        elif op is _parser.RANGE and arg[1] - arg[0] < 128:
            out.update(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op is _parser.CATEGORY and arg is _parser.CATEGORY_SPACE:
            out.add(" ")
        elif op is _parser.CATEGORY and arg is _parser.CATEGORY_DIGIT:
            out.update(_DIGITS)
        else:
            raise _Unknown(str(op))
    return out


def _extend(states: set[_State], chars: set[str]) -> set[_State]:
    """Read one character from ``chars`` in every state; a non-alphanumeric one ends the run."""
    out: set[_State] = set()
    letters = chars & _ALNUM
    ends = bool(chars - _ALNUM)
    for word, done in states:
        if done:
            out.add((word, done))
            continue
        out.update((word + c, False) for c in letters)
        if ends:
            out.add((word, True))
    return out


def first_words(pattern: str) -> tuple[frozenset[str], bool] | None:
    """The words a match can start with, and whether any digit run can; None when unknown."""
    if not pattern.startswith(WORD_START):
        return None  # a match could start inside a word
    reader = _Reader()
    try:
        states = reader.seq(_parser.parse(pattern), {("", False)})
    except (_Unknown, AttributeError, TypeError, ValueError, IndexError):
        return None
    if any(not done or not word for word, done in states):
        return None  # the run's end is not fixed by the pattern, or a match can start with a symbol
    return frozenset(word for word, _ in states), reader.any_digit_run


def _branches(pattern: str) -> list[str] | None:
    """The top-level alternatives of ``WORD_START(?:a|b|c)`` as source text, or None for another shape."""
    head = WORD_START + "(?:"
    if not (pattern.startswith(head) and pattern.endswith(")")):
        return None
    body = pattern[len(head) : -1]
    parts, depth, start, escaped, in_set = [], 0, 0, False, False
    for i, ch in enumerate(body):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_set:
            in_set = ch != "]"
        elif ch == "[":
            in_set = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
            if depth < 0:
                return None  # the closing parenthesis at the end belongs to something else
        elif ch == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
    return [*parts, body[start:]] if depth == 0 else None


Plan = tuple[dict[str, re.Pattern[str]], re.Pattern[str] | None]


def plan(pattern: re.Pattern[str]) -> Plan | None:
    """For each word a match can start with, the pattern to try there (only the alternatives that can
    start with that word, in their order); and the one to try at any other digit run. None: unknown.

    Trying fewer alternatives finds the same match: one that cannot start with the word never matches
    there, and among the rest the first that matches still wins."""
    if pattern.flags & re.IGNORECASE:
        return None
    branches = _branches(pattern.pattern) or []
    derived = [first_words(WORD_START + "(?:" + b + ")") for b in branches]
    if len(branches) < 2 or any(d is None for d in derived):
        whole = first_words(pattern.pattern)
        return None if whole is None else (dict.fromkeys(whole[0], pattern), pattern if whole[1] else None)
    digit = [j for j, d in enumerate(derived) if d and d[1]]
    by_word: dict[str, list[int]] = {}
    for j, d in enumerate(derived):
        for word in d[0] if d else ():
            by_word.setdefault(word, []).append(j)
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    def subset(idx: Iterable[int]) -> re.Pattern[str]:
        key = tuple(sorted(set(idx)))
        if key not in compiled:
            source = WORD_START + "(?:" + "|".join(branches[j] for j in key) + ")"
            compiled[key] = re.compile(source, pattern.flags)
        return compiled[key]

    words = {w: subset(js + (digit if w[0] in _DIGITS else [])) for w, js in by_word.items()}
    return words, subset(digit) if digit else None


_Tries = tuple[tuple[int, re.Pattern[str]], ...]


class WordScan:
    """Several word-start patterns scanned together over lower-case text.

    ``scan(low)`` returns, for each pattern, the list of matches ``finditer`` gives
    (from a pattern with fewer alternatives, so only named groups that took part can be read).
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        gate: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        digits: list[tuple[int, re.Pattern[str]]] = []
        self._fallback: list[int] = []
        for i, pattern in enumerate(self.patterns):
            planned = plan(pattern)
            if planned is None:
                self._fallback.append(i)
                continue
            words, digit = planned
            for word, sub in words.items():
                gate.setdefault(word, []).append((i, sub))
            if digit is not None:
                digits.append((i, digit))
        for word, tries in gate.items():  # a number in the gate is also any digit run
            if word[0] in _DIGITS:
                seen = {i for i, _ in tries}
                tries.extend(t for t in digits if t[0] not in seen)
                tries.sort(key=lambda t: t[0])
        self._gate: dict[str, _Tries] = {w: tuple(t) for w, t in gate.items()}
        self._digits: _Tries = tuple(digits)
        self._words = frozenset(self._gate)

    def scan(self, low: str, words: Words | None = None) -> list[list[re.Match[str]]]:
        """The matches of each pattern in ``low``; ``words`` (``read_words(low)``) may be shared."""
        found: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        for i in self._fallback:
            found[i] = list(self.patterns[i].finditer(low))
        if len(self._fallback) < len(self.patterns):
            for pos, tries in sorted(self._starts(words or read_words(low)).items()):
                self._try(low, pos, tries, found)
        return found

    def _starts(self, words: Words) -> dict[int, _Tries]:
        """Offsets of the words that may begin a match, with the patterns to try there."""
        todo: dict[int, _Tries] = {}
        present = self._words.intersection(words.words)
        for word in present:
            tries = self._gate[word]
            for pos in words.offsets(word):
                todo[pos] = tries
        if self._digits and words.has_digit:
            for word in {w for w in words.words if w[0] in _DIGITS} - present:
                for pos in words.offsets(word):
                    todo[pos] = self._digits
        return todo

    def _try(self, low: str, pos: int, tries: _Tries, found: list[list[re.Match[str]]]) -> None:
        """Match each pattern at ``pos`` unless its previous match covers it (as ``finditer`` would)."""
        for i, pattern in tries:
            hits = found[i]
            if not hits or pos >= hits[-1].end():
                m = pattern.match(low, pos)
                if m is not None:
                    hits.append(m)
