"""Items: named systems and goods, normalised through the gazetteer, with the quantity before them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from tracker.extract.amounts import parse_quantity
from tracker.extract.gazetteer import Gazetteer, item_key
from tracker.extract.sentences import Token

_MAX = 4
# words that may stand between a number and the item: '6 lakh Russian AK-203', '96 Boeing AH-64E Apache'
_MODIFIER = re.compile(
    r"^(?:more|additional|new|used|advanced|upgraded|further|extra|indigenous|first|last|remaining|"
    r"[A-Z][\w'’-]*"
    r"|[\w-]+-(?:made|built|designed|supplied|origin))$"
)
_SCALE_WORD = re.compile(r"^(?:lakh|crore|million|thousand|dozen|hundred)$", re.IGNORECASE)
_NUMBER_WORD = re.compile(
    r"^(?:\d[\d,]*|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|hundred)$",
    re.IGNORECASE,
)
_UNIT_OF = re.compile(
    r"^(?:squadrons?|batches|batch|units?|regiments?|batteries|systems?|sets?)$", re.IGNORECASE
)
WEAPON_NOUNS = re.compile(
    r"\b(?:weapons?|arms|jets?|aircraft|fighters?|helicopters?|drones?|missiles?|tanks?|rifles?|guns?|"
    r"howitzers?|"
    r"submarines?|frigates?|warships?|corvettes?|destroyers?|vessels?|ammunition|shells|rounds|launchers?|"
    r"air defen[cs]e systems?|radars?|engines?|munitions|rockets?|artillery|armoured vehicles|"
    r"armored vehicles|"
    r"the systems?|the platforms?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ItemMention:
    start: int
    end: int
    name: str
    maker: str | None
    quantity: int | None


def find_items(tokens: list[Token], text: str, gaz: Gazetteer) -> list[ItemMention]:
    out: list[ItemMention] = []
    i, n = 0, len(tokens)
    lower_words = gaz.item_lower_words
    while i < n:
        word = tokens[i].text
        if not (word[:1].isupper() or word[:1].isdigit() or word.lower() in lower_words):
            i += 1
            continue
        hit = _longest(tokens, i, text, gaz)
        if hit is None:
            i += 1
            continue
        size, name, maker = hit
        start, end = tokens[i].start, tokens[i + size - 1].end
        out.append(ItemMention(start, end, name, maker, _quantity(tokens, i, text)))
        i += size
    return out


def _longest(tokens: list[Token], i: int, text: str, gaz: Gazetteer) -> tuple[int, str, str | None] | None:
    word = item_key(tokens[i].text)
    longest = gaz.item_starts.get(word) or gaz.item_starts.get(word[:-1], 0)
    for size in range(min(longest, _MAX, len(tokens) - i), 0, -1):
        span = tokens[i : i + size]
        if any(text[a.end : b.start] not in (" ", "-", "/") for a, b in pairwise(span)):
            continue
        key = item_key(text[span[0].start : span[-1].end])
        entry = gaz.items.get(key) or (
            gaz.items.get(key[:-1]) if key.endswith("s") and len(key) > 3 else None
        )
        if entry is None:
            continue
        first = span[0].text[:1]
        if entry.caps and not (first.isupper() or first.isdigit()):
            continue
        return size, entry.name, entry.maker
    return None


def _quantity(tokens: list[Token], i: int, text: str) -> int | None:
    """The number just before an item, over a few modifiers ('first 38 of 108 Abrams' is 38)."""
    j, skipped = i - 1, 0
    while (
        j >= 0 and skipped < 4 and _MODIFIER.match(tokens[j].text) and not _NUMBER_WORD.match(tokens[j].text)
    ):
        j, skipped = j - 1, skipped + 1
    if j >= 1 and tokens[j].text.lower() == "of" and _UNIT_OF.match(tokens[j - 1].text):
        j -= 2
    phrase = []
    if j >= 0 and _SCALE_WORD.match(tokens[j].text):
        phrase.append(tokens[j].text)
        j -= 1
    if j < 0 or not _NUMBER_WORD.match(tokens[j].text) or tokens[j].text.lower() == "a":
        return None
    if (
        re.fullmatch(r"(?:19|20)\d\d", tokens[j].text)
        or text[max(0, tokens[j].start - 1) : tokens[j].start] in "$₹£€"
    ):
        return None
    if j >= 2 and tokens[j - 1].text.lower() == "of" and _NUMBER_WORD.match(tokens[j - 2].text):
        j -= 2
    phrase.insert(0, tokens[j].text)
    return parse_quantity(" ".join(phrase))
