"""The runs of [a-z0-9] of a lower-case sentence, read once for all its word-gated scans (``scan``).

Blanking every other character keeps the offsets, so a run's place in the blanked copy is its place
in the sentence, and ``str.split`` lists the runs at C speed.
"""

from __future__ import annotations

import re
from typing import NamedTuple

ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_DIGIT = re.compile("[0-9]")
# For ASCII text ``bytes.translate`` (one table lookup a character) blanks a sentence for a quarter of
# what ``str.translate`` costs (callgrind over bench/extract.py); other text keeps ``_BLANKS``.
_ASCII_BLANKS = bytes(code if chr(code) in ALNUM else ord(" ") for code in range(256))


class _Blanks(dict[int, str]):
    """A ``str.translate`` table turning every character but [a-z0-9] into a space (same offsets)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        self[code] = out = char if char in ALNUM else " "
        return out


_BLANKS = _Blanks()


class Words(NamedTuple):
    """The runs of [a-z0-9] of a lower-case text, read once for all the scans of a sentence."""

    spaced: str  # the text with every other character blanked, between two spaces
    words: list[str]
    has_digit: bool

    def offsets(self, word: str) -> list[int]:
        """Where ``word`` stands as a whole run (the space before it in ``spaced`` is its offset);
        a list, not a generator, which cost a third more (callgrind)."""
        needle = f" {word} "
        found: list[int] = []
        pos = self.spaced.find(needle)
        while pos >= 0:
            found.append(pos)
            pos = self.spaced.find(needle, pos + len(needle) - 1)
        return found


def read_words(low: str) -> Words:
    """The runs of ``low`` (a lower-case text), whether it holds a digit, and the blanked copy."""
    if low.isascii():
        blanked = low.encode("ascii").translate(_ASCII_BLANKS).decode("ascii")
    else:
        blanked = low.translate(_BLANKS)
    spaced = " " + blanked + " "
    return Words(spaced, spaced.split(), _DIGIT.search(low) is not None)
