"""Names to codes: actors (countries, bodies, companies, officials) and items (systems, goods).

Loaded once from the packaged ``tracker/data/gazetteer.json``; a file named by the
``TRACKER_GAZETTEER`` environment variable (same keys) is merged over it, so users
can add aliases, officials and systems without touching the package. Country
names come from pycountry too, so every ISO 3166 country is known by name.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry

PACKAGED = Path(__file__).resolve().parent.parent / "data" / "gazetteer.json"
ENV_VAR = "TRACKER_GAZETTEER"
MAX_NGRAM = 6
# pycountry names that are mostly something else in news text
_SKIP_PYCOUNTRY = frozenset({"JEY", "GGY", "IMN", "TCD", "UMI", "ATF", "HMD", "IOT", "SGS"})
_NOT_ALPHANUM = re.compile(r"[^a-z0-9]")
_MEMO_LIMIT = 100_000
_UNSEEN = object()
NO_OPENER = (0, 0)  # compared by identity: a token where no actor, item or 'X-made' can start


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One alias: the actor code (None blocks a phrase), its kind and a canonical person name."""

    code: str | None
    kind: str
    caps: bool
    name: str | None = None


@dataclass(frozen=True, slots=True)
class ItemEntry:
    name: str
    maker: str | None
    caps: bool
    kept: bool = False  # a name of its own ('named' aliases): shown as written, joined to ``name``


@dataclass
class Gazetteer:
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    items: dict[str, ItemEntry] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)
    makers: dict[str, str | None] = field(default_factory=dict)
    actor_starts: dict[str, int] = field(default_factory=dict)
    item_starts: dict[str, int] = field(default_factory=dict)
    item_lower_words: set[str] = field(default_factory=set)
    # token text -> words in the longest actor and item alias that can start at it; see ``openers``
    opener_memo: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False)
    # phrase as written -> its actor entry (None: no alias); see ``alias``
    alias_memo: dict[str, ActorEntry | None] = field(default_factory=dict, repr=False)

    def alias(self, phrase: str) -> ActorEntry | None:
        """The actor entry of a phrase as written ('India's' falls back to 'India'), remembered per
        phrase: one dict lookup instead of the key, two lookups and a suffix test took 5% off
        ``find_names`` (bench/extract.py's seed article)."""
        entry = self.alias_memo.get(phrase, _UNSEEN)
        if entry is not _UNSEEN:
            return entry  # type: ignore[return-value]
        if len(self.alias_memo) > _MEMO_LIMIT:
            self.alias_memo.clear()
        key = actor_key(phrase)
        found = self.actors.get(key)
        if found is None and key.endswith("'s"):
            found = self.actors.get(key[:-2])
        if found is None and key.endswith(("ans", "is")):
            # 'visa restrictions on unnamed Nigerians': the people of a country its demonym names
            singular = self.actors.get(key[:-1])
            found = singular if singular is not None and singular.kind == "country" else None
        self.alias_memo[phrase] = found
        return found

    def openers(self, token: str) -> tuple[int, int]:
        """How many words the longest actor alias and the longest item alias that can start at a
        token with this text have (0: none); ``NO_OPENER`` itself when nothing can start there, not
        even 'Chinese-made' (a hyphen). Remembered per token text in ``opener_memo``: a seed article
        has ~600 tokens and looking each one up anew took a fifth of extraction time
        (bench/extract.py)."""
        if len(self.opener_memo) > _MEMO_LIMIT:
            self.opener_memo.clear()
        pair = (self._actor_opener(token), self._item_opener(token))
        if pair == NO_OPENER and "-" not in token:
            pair = NO_OPENER
        self.opener_memo[token] = pair
        return pair

    def _actor_opener(self, token: str) -> int:
        if not (token[0].isupper() or token[0].isdigit()):
            return 0  # names start with a capital or a digit ('9/11 Commission')
        word = actor_key(token)
        return self.actor_starts.get(word) or self.actor_starts.get(
            word[:-2] if word.endswith("'s") else word[:-1], 0
        )

    def _item_opener(self, token: str) -> int:
        if not (token[0].isupper() or token[0].isdigit() or token.lower() in self.item_lower_words):
            return 0
        word = item_key(token)
        return self.item_starts.get(word) or self.item_starts.get(word[:-1], 0)


@lru_cache(maxsize=1 << 16)  # the same few thousand words recur across articles
def actor_key(text: str) -> str:
    """Lower case, no dots, straight apostrophes, no leading 'the': 'the U.S.' and 'US' share a key."""
    key = text.replace("’", "'").replace(".", "").lower().strip()
    return key[4:] if key.startswith("the ") else key


_DROP = str.maketrans("", "", " \t\n-/.,'’&()+:;!?\"“”")


@lru_cache(maxsize=1 << 16)
def item_key(text: str) -> str:
    """Letters and digits only, so 'S-400', 'S400' and 'S 400' share a key."""
    key = text.lower().translate(_DROP)
    return key if key.isalnum() or not key else _NOT_ALPHANUM.sub("", key)


def _caps(alias: str) -> bool:
    """Upper-case aliases ('US', 'HAL') must be upper case in the text; others need a capital first letter."""
    bare = alias.replace(".", "")
    return bare.isupper() and len(bare) <= 6


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Merge a user file over the packaged data: alias lists are extended, other values replaced."""
    out = dict(base)
    for section, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(section), dict):
            merged = dict(out[section])
            for key, entry in value.items():
                old = merged.get(key)
                if isinstance(old, dict) and isinstance(entry, dict):
                    both = {**old, **entry}
                    for names in ("aliases", "named"):
                        both[names] = list(old.get(names, [])) + list(entry.get(names, []))
                    merged[key] = both
                else:
                    merged[key] = entry
            out[section] = merged
        else:
            out[section] = value
    return out


_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[\w$₹£€]+(?:[-/.&'’][\w]+)*")


def _index(starts: dict[str, int], first: str, size: int) -> None:
    """First word of an alias -> the longest alias (in words) that starts with it."""
    starts[first] = max(size, starts.get(first, 0))


def _add_actor(gaz: Gazetteer, alias: str, entry: ActorEntry) -> None:
    key = actor_key(alias)
    if key and key not in gaz.actors:
        gaz.actors[key] = ActorEntry(entry.code, entry.kind, _caps(alias), entry.name)
        words = _WORD.findall(alias.replace("’", "'"))
        if words:
            first = actor_key(words[0])
            _index(gaz.actor_starts, first, len(words) if first != "the" else len(words) - 1)
            if first == "the" and len(words) > 1:
                _index(gaz.actor_starts, actor_key(words[1]), len(words) - 1)
            elif first != "the":
                # 'The Pakistan Cricket Board': any alias may follow 'the' (``actor_key`` drops it)
                _index(gaz.actor_starts, "the", len(words) + 1)


def _add_officials(gaz: Gazetteer, officials: dict[str, str]) -> None:
    """A surname alone maps to the full name listed for the same actor ('Kirby' -> 'John Kirby')."""
    full = {n.split()[-1]: n for n, c in officials.items() if " " in n}
    for alias, code in officials.items():
        name = alias if " " in alias else full.get(alias, alias)
        _add_actor(gaz, alias, ActorEntry(code, "person", False, name))


def build(data: dict[str, Any]) -> Gazetteer:
    gaz = Gazetteer()
    for phrase in data.get("not_actors", []):
        _add_actor(gaz, phrase, ActorEntry(None, "blocked", False))
    for section, kind in (("countries", "country"), ("bodies", "body")):
        for code, spec in data.get(section, {}).items():
            gaz.display[code] = spec.get("name", code)
            for alias in [spec.get("name", code), *spec.get("aliases", [])]:
                _add_actor(gaz, alias, ActorEntry(code, kind, False))
    for country in pycountry.countries:
        code = country.alpha_3
        if code in _SKIP_PYCOUNTRY:
            continue
        gaz.display.setdefault(code, getattr(country, "common_name", country.name))
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                _add_actor(gaz, name, ActorEntry(code, "country", False))
    for alias, code in data.get("companies", {}).items():
        _add_actor(gaz, alias, ActorEntry(code, "company", False))
    _add_officials(gaz, data.get("officials", {}))
    for name, spec in data.get("items", {}).items():
        maker = spec.get("maker")
        gaz.makers[name] = maker
        named = spec.get("named", [])
        for alias in [name, *spec.get("aliases", []), *named]:
            key = item_key(alias)
            if key and key not in gaz.items:
                caps = alias[:1].isupper() or alias[:1].isdigit()
                gaz.items[key] = ItemEntry(name, maker, caps, alias in named)
                words = _WORD.findall(alias)
                if words:
                    _index(gaz.item_starts, item_key(words[0]), len(words))
                    if alias[:1].islower():
                        gaz.item_lower_words.add(words[0].lower())
    return gaz


def _data(extra: str | None) -> dict[str, Any]:
    """The packaged gazetteer's data merged with the user's file (``extra``, a path)."""
    data = json.loads(PACKAGED.read_text(encoding="utf-8"))
    if extra:
        data = _merge(data, json.loads(Path(extra).read_text(encoding="utf-8")))
    return data


@cache
def gazetteer() -> Gazetteer:
    """The packaged gazetteer merged with the user's file; cached (``gazetteer.cache_clear()`` reloads)."""
    return build(_data(os.environ.get(ENV_VAR)))


@cache
def _systems(extra: str | None) -> dict[str, str]:
    """Item key of each name, alias and named variant -> its system's name, as ``build`` files them.

    All that ``system_name`` needs, without the actors (pycountry's included) that ``build`` adds: a
    timeline's first catch-up in a process built the whole gazetteer, a quarter of the catch-up of
    1,000 events (bench/timeline.py's log: 136-178 ms against 98-122 with it built before).
    """
    systems: dict[str, str] = {}
    for name, spec in _data(extra).get("items", {}).items():
        for alias in [name, *spec.get("aliases", []), *spec.get("named", [])]:
            key = item_key(alias)
            if key:
                systems.setdefault(key, name)
    return systems


@lru_cache(maxsize=8192)
def system_name(name: str) -> str:
    """The name of the system an item name stands for ('AH-64E Apache' is the 'Apache'), or the name as
    given when the gazetteer does not know it (a user file is read again when its path changes)."""
    return _systems(os.environ.get(ENV_VAR)).get(item_key(name), name)


_CODE = re.compile(r"^[A-Z]{2,8}$")


def actor_code(text: str) -> str | None:
    """The country or body a user names, as the events name it: a code in any case ('ind', 'eu'), a
    name or alias the extractor reads ('India', 'the U.S.', 'European Union') or an ISO alpha-2 code
    ('IN'). A code typed in capitals that none of these knows is kept (an older log may use it);
    anything else is None."""
    gaz = gazetteer()
    code = text.strip().upper()
    if code in gaz.display:
        return code
    entry = gaz.actors.get(actor_key(text))
    if entry is not None and entry.code is not None and entry.kind in ("country", "body"):
        return entry.code
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is not None:
        return str(country.alpha_3)
    return code if _CODE.match(text.strip()) else None
