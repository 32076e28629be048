"""Items: named systems and goods, normalised through the gazetteer, with the quantity before them."""

from __future__ import annotations

import re
from typing import NamedTuple

from tracker.extract.amounts import parse_quantity
from tracker.extract.caseless import Caseless
from tracker.extract.gazetteer import Gazetteer, item_key
from tracker.extract.sentences import Token, adjacent_run
from tracker.extract.words import Words

_MAX = 6  # 'High Mobility Artillery Rocket Systems'
_JOINERS = (" ", "-", "/")  # 'Su-30 MKI', 'F-16/F-21'
# words that may stand between a number and the item: '6 lakh Russian AK-203', '96 Boeing AH-64E Apache'
_DESIGNATOR = frozenset({"Project", "Type", "Block", "Mk", "Mark", "Series", "Flight", "Batch", "Class"})
# no count reaches over a bracket opened after a space ('May 28 (Reuters) -', '200 (GM200)'; a name's own
# 'CH-47F(I)' is no break), a colon or a dash
_BREAK = re.compile(r"\s[(\[]|[:;—–]|\s-\s")
_MODIFIER = re.compile(
    r"^(?:more|additional|new|used|advanced|upgraded|further|extra|indigenous|first|last|remaining|[a-z]+ed|"
    r"made|built|[a-z]+-[a-z]+|[A-Z]\.(?:[A-Z]\.)+|"  # '24 multi-role MH-60R', '24 U.S.-made F-16 jets'
    r"[A-Z][\w'’-]*"
    r"|\d{2,4}[A-Z]{1,3}"  # 'two refurbished Type 035G Ming-class submarines'
    r"|[\w-]+-(?:made|built|designed|supplied|origin))$"
)
_DETERMINERS = frozenset({"the", "their", "its", "our", "his", "her"})
_SCALE_WORD = re.compile(r"^(?:lakh|crore|million|thousand|dozen|hundred)$", re.IGNORECASE)
_NUMBER_WORD = re.compile(
    r"^(?:\d[\d,]*|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred)$",
    re.IGNORECASE,
)
_UNIT_OF = re.compile(
    r"^(?:squadrons?|batches|batch|units?|regiments?|batteries|systems?|sets?)$", re.IGNORECASE
)
WEAPON_NOUNS = Caseless(
    r"\b(?:weapons?|arms|jets?|aircraft|fighters?|helicopters?|drones?|missiles?|tanks?|rifles?|guns?|"
    r"howitzers?|bombs?|"
    r"submarines?|frigates?|warships?|corvettes?|destroyers?|vessels?|cutters?|minesweepers?|gunboats?|"
    r"patrol boats?|ammunition|shells|rounds|launchers?|"
    r"air defen[cs]e systems?|radars?|engines?|munitions|rockets?|artillery|armoured vehicles|"
    r"armored vehicles|"
    r"the systems?|the platforms?)\b",
)
# Every match of WEAPON_NOUNS ends in one of these whole words (a run of ``words.read_words``)
WEAPON_RUNS = frozenset(
    {
        *("weapon", "weapons", "arms", "jet", "jets", "aircraft", "fighter", "fighters", "helicopter"),
        *("helicopters", "drone", "drones", "missile", "missiles", "tank", "tanks", "rifle", "rifles"),
        *("gun", "guns", "howitzer", "howitzers", "bomb", "bombs", "submarine", "submarines", "frigate"),
        *("frigates", "warship", "warships", "corvette", "corvettes", "destroyer", "destroyers"),
        *("vessel", "vessels", "ammunition", "shells", "rounds", "launcher", "launchers", "system"),
        *("systems", "radar", "radars", "engine", "engines", "munitions", "rocket", "rockets"),
        *("artillery", "vehicles", "platform", "platforms", "cutter", "cutters", "minesweeper"),
        *("minesweepers", "gunboat", "gunboats", "boat", "boats"),
    }
)


def names_weapons(low: str, words: Words) -> bool:
    """``WEAPON_NOUNS.found(low)`` for a lower-case sentence and its runs: a set test rules out most
    sentences before the search, which took 1.8% of extraction time (bench/extract.py's seed article).
    Only for ASCII text, where IGNORECASE folds nothing that ``str.lower`` keeps ('ſ')."""
    if low.isascii() and WEAPON_RUNS.isdisjoint(words.words):
        return False
    return WEAPON_NOUNS.found(low)


# 'chose SAMP/T over Patriot', 'picked the Gripen instead of the F-16', 'rather than': the item passed over
_CHOICE = Caseless(r"\b(?:pick\w*|chos\w*|choos\w*|select\w*|prefer\w*|opt\w*|favou?r\w*)\b")
_PASSED_OVER = re.compile(
    r"\b(?:over|instead of|rather than|in preference to)\s+(?:the\s+|its\s+|a\s+)?"
    r"(?:[\w-]+[- ](?:made|built|designed)\s+|rival\s+|competing\s+|American\s+|US\s+|U\.S\.\s+|"
    r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:'s|’s)\s+)?$"  # 'over Lockheed Martin's F-16'
)
# the next rival in a list passed over: 'over Sweden's Gripen, the Eurofighter and Boeing's Super Hornet'
_AND_NEXT = re.compile(r"^(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+)(?:the\s+)?(?:[A-Z][\w.-]*(?:'s|’s)\s+)?$")


# 'arrived on Saturday aboard six Chinese Y-20 transport aircraft': the carrier, not the goods; and
# 'the jets will operate from the aircraft carrier INS Vikrant': the base they fly from
_CARRIER = re.compile(
    r"\b(?:aboard|on\s+board|operat(?:e|es|ed|ing)\s+from|(?:be\s+)?based\s+on)\s+"
    r"(?:an?\s+|the\s+|\w+\s+)?(?:(?:aircraft\s+)?carriers?\s+)?(?:[A-Z][\w-]*\s+){0,4}$"
)


_NOT_GOODS = re.compile(
    r"\b(?:no|without|holding\s+back|withholding|withheld|held\s+back)\s+(?:its\s+|the\s+|any\s+)?"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
_FOR_CARRIER = re.compile(
    r"\b(?:for|on|from)\s+(?:the\s+|its\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?:new\s+|indigenous\s+)?(?:aircraft\s+)?"
    r"carriers?\s+$"
)


def chosen_items(items: list[ItemMention], text: str, low: str) -> list[ItemMention]:
    """The items of a sentence without the carriers ('aboard two C-17 aircraft') and the ones passed
    over: 'picked the SAMP/T over the US-made Patriot' buys no Patriot. 'over' counts only beside a
    verb of choice ('sanctions over S-400 purchases' keeps its item) or right after another item
    ('SAMP/T buy over Patriot'); 'instead of' and 'rather than' always pass the item over."""
    if " aboard " in low or " on board " in low or " from " in low or " based on " in low:
        items = [it for it in items if not _CARRIER.search(text, max(0, it.start - 40), it.start)]
    if " no " in low or " without " in low or "holding back" in low or "withholding" in low:
        # 'US sends Strykers but no Abrams tanks', 'is still holding back its Abrams tanks'
        items = [it for it in items if not _NOT_GOODS.search(text, max(0, it.start - 30), it.start)]
    if " carrier " in low:  # 'jets ... for the navy's aircraft carrier INS Vikrant': the ship they serve on
        items = [it for it in items if not _FOR_CARRIER.search(text, max(0, it.start - 50), it.start)]
    if " over " not in low and " instead of " not in low and " rather than " not in low:
        return items
    choice = _CHOICE.found(low)
    out = []
    passed: ItemMention | None = None
    for it in items:
        if passed is not None and _AND_NEXT.match(text[passed.end : it.start]):
            passed = it
            continue
        m = _PASSED_OVER.search(text, max(0, it.start - 40), it.start)
        rival = any(0 <= m.start() - o.end <= 12 for o in items) if m else False
        if m and (choice or rival or not m.group(0).lower().startswith("over")):
            passed = it
            continue
        passed = None
        out.append(it)
    return out


# goods of trade, not defence: buying them is commerce, not an arms deal ('will continue to buy Russian oil')
COMMODITIES = frozenset({"oil", "LNG", "gas", "coal", "wheat", "fertiliser"})


# model designations the gazetteer may not know: 'Su-75', 'MK-84', 'KF-21', 'PULS', 'Mogami-class', 'Type 26'
_DESIGNATION = re.compile(
    r"^(?:[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Za-z]{0,3}(?:-\d{1,2}[A-Za-z]?)?|[A-Z]{3,6}|[A-Z][a-z]+-class)$"
)  # 'AIM-120C-8' too
_ROMAN = re.compile(r"^[IVX]+$")
# after 'a' and an item: a few describing words and the goods noun itself, the piece it is one of
_ONE_OF = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}?\s+(?:aircraft|jet|fighter|helicopter|frigate|corvette|submarine|ship|"
    r"vessel|warship|destroyer|tank|drone|radar|plane|carrier)\b",
)
_GOODS = frozenset(
    [
        "weapons",
        "arms",
        "jet",
        "jets",
        "aircraft",
        "fighter",
        "fighters",
        "helicopter",
        "helicopters",
        "drone",
        "drones",
        "missile",
        "missiles",
        "tank",
        "tanks",
        "rifles",
        "howitzer",
        "howitzers",
        "submarine",
        "submarines",
        "frigate",
        "frigates",
        "warship",
        "warships",
        "corvette",
        "corvettes",
        "destroyer",
        "destroyers",
        "launcher",
        "launchers",
        "radar",
        "radars",
        "engine",
        "engines",
        "rocket",
        "rockets",
        "artillery",
        "bomb",
        "bombs",
        "system",
        "systems",
        "vehicles",
    ]
)
_STOP = frozenset(
    ["of", "and", "or", "the", "a", "an", "to", "from", "for", "with", "its", "their", "by", "in", "on", "at"]
)


class ItemMention(NamedTuple):
    start: int
    end: int
    name: str
    maker: str | None
    quantity: int | None


def find_items(tokens: list[Token], text: str, gaz: Gazetteer) -> list[ItemMention]:
    """Item mentions, longest alias first, in text order."""
    out: list[ItemMention] = []
    skip, memo = 0, gaz.opener_memo
    for i, token in enumerate(tokens):
        longest = (memo.get(token[0]) or gaz.openers(token[0]))[1]
        hit = item_at(tokens, i, longest, text, gaz) if longest and i >= skip else None
        if hit is not None:
            size, mention = hit
            out.append(mention)
            skip = i + size
    return out


def item_at(
    tokens: list[Token], i: int, longest: int, text: str, gaz: Gazetteer
) -> tuple[int, ItemMention] | None:
    """The item alias of at most ``longest`` words starting at token ``i`` (its size in tokens),
    with the quantity before it."""
    hit = _longest(tokens, i, min(longest, _MAX, len(tokens) - i), text, gaz)
    if hit is None:
        return None
    size, name, maker = hit
    start, end = tokens[i].start(), tokens[i + size - 1].end()
    quantity = _quantity(tokens, i, text)
    if quantity is None and i and tokens[i - 1][0].lower() in ("a", "an") and _ONE_OF.match(text, end):
        quantity = 1  # 'handed over a Dornier 228 maritime reconnaissance aircraft'; not 'an S-400 deal'
    return size, ItemMention(start, end, name, maker, quantity)


def _longest(
    tokens: list[Token], i: int, limit: int, text: str, gaz: Gazetteer
) -> tuple[int, str, str | None] | None:
    """The longest item alias of at most ``limit`` words that starts at token ``i``."""
    start = tokens[i].start()
    for size in range(adjacent_run(tokens, i, limit, text, _JOINERS), 0, -1):
        alias = text[start : tokens[i + size - 1].end()]
        if "$" in alias:
            continue  # 'the A$50 billion contract' names no A-50
        key = item_key(alias)
        entry = gaz.items.get(key) or (
            gaz.items.get(key[:-1]) if key.endswith("s") and len(key) > 3 else None
        )
        if entry is None:
            continue
        first = tokens[i][0][:1]
        if entry.caps and not (first.isupper() or first.isdigit()):
            continue
        # 'K9' for 'K9 Thunder', also in 'K9 howitzers': a name this short is kept as written, since no
        # shorter one can stand for it
        core = size - 1 if size > 1 and tokens[i + size - 1][0].lower() in _GOODS else size
        surface = text[start : tokens[i + core - 1].end()]
        short = item_key(surface)
        canon = item_key(entry.name)
        if short.endswith("s") and short[:-1] in canon:
            short = short[:-1]  # 'its first TB3s': the plural of a name the canonical one holds
        # 'AIM-120D' for 'AMRAAM', 'PAC-3' for 'Patriot': a designation neither name contains is kept
        # as written
        written = short != canon and (
            entry.kept  # 'Krivak-class', 'MRSAM': a class or a service's own name for the system
            or len(short) < 3
            or (any(ch.isdigit() for ch in short) and short not in canon and canon not in short)
            # 'M1A2T Abrams', 'AH-64E Apache': the variant's designation written with the name
            or (
                canon in short and not any(ch.isdigit() for ch in canon) and any(ch.isdigit() for ch in short)
            )
        )
        return size, surface if written else entry.name, entry.maker
    return None


def _quantity(tokens: list[Token], i: int, text: str) -> int | None:
    """The number just before an item, over a few modifiers ('first 38 of 108 Abrams' is 38)."""

    def word(k: int) -> str:
        return tokens[k][0]

    j, skipped = i - 1, 0
    while j >= 0 and skipped < 4:
        if j >= 1 and word(j).isdigit() and word(j - 1) in _DESIGNATOR:
            j, skipped = j - 2, skipped + 2  # 'two Project 636 Kilo-class submarines' are two
        elif _MODIFIER.match(word(j)) and not _NUMBER_WORD.match(word(j)):
            j, skipped = j - 1, skipped + 1
        else:
            break
    if j >= 2 and word(j).lower() == "the" and word(j - 1).lower() == "of" and _UNIT_OF.match(word(j - 2)):
        j -= 3  # '10 batteries of the Cheongung-II system'
    elif j >= 1 and word(j).lower() == "of" and _UNIT_OF.match(word(j - 1)):
        j -= 2
    phrase = []
    if j >= 0 and _SCALE_WORD.match(word(j)):
        phrase.append(word(j))
        j -= 1
    if j >= 3 and word(j).lower() in _DETERMINERS and word(j - 1).lower() == "of" and _counts(word(j - 2)):
        j -= 2  # 'the first six of their AH-64E Apache helicopters'
    if j < 0 or not _NUMBER_WORD.match(word(j)) or (word(j).lower() == "a" and not phrase):
        return None  # 'a dozen' is 12, a lone 'a' no number
    if _BREAK.search(text, tokens[j].end(), tokens[i].start()):
        return None  # 'PRAGUE, May 28 (Reuters) - The first artillery shells': the dateline's day
    if (
        re.fullmatch(r"(?:19|20)\d\d", word(j))
        or (tokens[j].start() > 0 and text[tokens[j].start() - 1] in "$₹£€")  # '' is in every string
    ):
        return None
    if j >= 2 and word(j - 1).lower() == "of" and _NUMBER_WORD.match(word(j - 2)):
        j -= 2
    elif j >= 3 and word(j - 1).lower() in _DETERMINERS and word(j - 2) == "of" and _counts(word(j - 3)):
        j -= 3  # 'the first three of the six AH-64E Apaches' arrived: three of them
    last = j
    while j >= 1 and word(j).isdigit() and text[tokens[j - 1].end() : tokens[j].start()] == ",":
        j -= 1  # '1,000' is one number of two tokens
    phrase.insert(0, text[tokens[j].start() : tokens[last].end()])
    return parse_quantity(" ".join(phrase))


def _counts(word: str) -> bool:
    return bool(_NUMBER_WORD.match(word)) and word.lower() != "a"


# 'handed over the in-service missile corvette INS Kirpan': a warship named with its navy's prefix
_SHIP = re.compile(
    r"\b(?:INS|PNS|HMS|USS|BNS|KRI|SLNS|HMAS|HMCS|ROKS|TCG|BRP|RSS|KD|ARA|NRP|HNLMS|FS|ITS|ESPS|HDMS|MMS|"
    r"HTMS|JS|ROCS|VPNS|UMS|ENS|HS|SAS|NNS|RoKS)\s+"
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"
)


def ship_names(text: str, items: list[ItemMention]) -> list[ItemMention]:
    """Warships named with a navy's prefix, when no known item already covers the name."""
    out = []
    for m in _SHIP.finditer(text):
        if not any(i.start < m.end() and m.start() < i.end for i in items):
            out.append(ItemMention(m.start(), m.end(), m["name"], None, None))
    return out


def designations(tokens: list[Token], text: str, taken: list[tuple[int, int]]) -> list[ItemMention]:
    """Unknown systems named by a designation a few words before a goods noun ('36 PULS rocket
    artillery systems', 'Su-75 Checkmate light fighter', 'MK-84 heavy bombs'): the gazetteer cannot
    list every system, and without the item a deal and its delivery cannot be told apart from others.
    ``taken`` are the spans of actor and item names already found, which no designation overlaps."""
    out: list[ItemMention] = []
    for k, token in enumerate(tokens):
        if token[0].lower() not in _GOODS:
            continue
        for j in range(k - 1, max(-1, k - 4), -1):
            start = tokens[j].start()
            if any(a < tokens[j].end() and start < b for a, b in taken):
                break
            name = _designation(tokens, j)
            if name is None:
                if tokens[j][0].lower() in _STOP or tokens[j][0][:1].isdigit():
                    break
                continue
            if name.startswith(("Type ", "Project ")):
                start = tokens[j - 1].start()
                j -= 1
            if not any(m.start == start for m in out):
                end = start + len(text[start:].split(None, 2)[0]) if " " not in name else tokens[j + 1].end()
                out.append(ItemMention(start, end, name, None, _quantity(tokens, j, text)))
            break
    return out


def _designation(tokens: list[Token], j: int) -> str | None:
    word = tokens[j][0]
    if word.isdigit() and j and tokens[j - 1][0] in ("Type", "Project"):
        return f"{tokens[j - 1][0]} {word}"
    if not _DESIGNATION.match(word) or _ROMAN.match(word):
        return None  # 'Block III' is a variant of the designation before it
    return word[: -len("-class")] if word.endswith("-class") else word
