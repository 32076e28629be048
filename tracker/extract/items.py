"""Items: named systems and goods, normalised through the gazetteer, with the quantity before them."""

from __future__ import annotations

import re
from typing import NamedTuple

from tracker.extract.amounts import parse_quantity
from tracker.extract.gazetteer import Gazetteer, item_key
from tracker.extract.sentences import Token, adjacent_run

_MAX = 4
_JOINERS = (" ", "-", "/")  # 'Su-30 MKI', 'F-16/F-21'
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


class ItemMention(NamedTuple):
    start: int
    end: int
    name: str
    maker: str | None
    quantity: int | None


def find_items(tokens: list[Token], text: str, gaz: Gazetteer) -> list[ItemMention]:
    out: list[ItemMention] = []
    n, skip, openers = len(tokens), 0, gaz.item_openers
    for i, token in enumerate(tokens):
        longest = openers.get(token.text)
        if longest is None:
            longest = gaz.openers(token.text)[1]
        hit = _longest(tokens, i, min(longest, _MAX, n - i), text, gaz) if longest and i >= skip else None
        if hit is None:
            continue
        size, name, maker = hit
        out.append(
            ItemMention(token.start, tokens[i + size - 1].end, name, maker, _quantity(tokens, i, text))
        )
        skip = i + size
    return out


def _longest(
    tokens: list[Token], i: int, limit: int, text: str, gaz: Gazetteer
) -> tuple[int, str, str | None] | None:
    """The longest item alias of at most ``limit`` words that starts at token ``i``."""
    start = tokens[i].start
    for size in range(adjacent_run(tokens, i, limit, text, _JOINERS), 0, -1):
        key = item_key(text[start : tokens[i + size - 1].end])
        entry = gaz.items.get(key) or (
            gaz.items.get(key[:-1]) if key.endswith("s") and len(key) > 3 else None
        )
        if entry is None:
            continue
        first = tokens[i].text[:1]
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
