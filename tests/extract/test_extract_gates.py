"""Cheap pre-tests that skip a regex search agree with the search they guard (speed changes only)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.extract.conftest import gold_sentences
from tracker.extract import back_references, deal_gates
from tracker.extract.amounts import MONEY, _money_matches
from tracker.extract.items import WEAPON_NOUNS, names_weapons
from tracker.extract.sentences import lower
from tracker.extract.words import read_words

DATA = Path(__file__).parents[1] / "data"
TRICKY = [
    "",
    "Rs 5,000 crore, US$ 3.5bn, $ 12 million, 1,000 dollars, (USD346 million) and 2018-19 try 5 times",
    "orders 30 Rafale jets; a €2.5 billion contract for 12 tanks, 6 howitzers and air defence systems",
    "the systems, the platform; armoured vehicles, warships_x, xjets, JETS and the Tanks",
    "France forward Kylian Mbappe joined on a free transfer; the footballer's soccer club paid",
    "a record transfer fee",
    "Analysts said Cairo could buy them, though no such deal is currently not yet on the table",
    "This decision was taken on Friday after Russia signed the new arms deal",
    "The announcement was made in Vienna late on Saturday",
]


SENTENCES = TRICKY + gold_sentences()


def test_money_matches_are_finditer() -> None:
    for text in SENTENCES:
        low = lower(text)
        found = [(m.span(), m.groupdict()) for m in _money_matches(low)]
        assert found == [(m.span(), m.groupdict()) for m in MONEY.finditer(low)], text


def _alternatives() -> list[str]:
    """Every word sequence an alternative of WEAPON_NOUNS spells ('jets?' -> 'jet', 'jets')."""
    body = WEAPON_NOUNS.pattern.pattern[len(r"\b(?:") : -len(r")\b")]
    out = []
    for alt in body.split("|"):
        forms = [alt]
        for pat, subs in ((r"s\?", ("", "s")), (r"\[cs\]", ("c", "s"))):
            forms = (
                [re.sub(pat, sub, f, count=1) for f in forms for sub in subs]
                if re.search(pat, alt)
                else forms
            )
        out.extend(forms)
    return out


@pytest.mark.parametrize("phrase", _alternatives())
def test_weapon_gate_keeps_every_alternative(phrase: str) -> None:
    low = f"they bought {phrase}, it said"
    assert WEAPON_NOUNS.found(low)
    assert names_weapons(low, read_words(low))


def test_weapon_gate_agrees_with_the_search() -> None:
    for text in SENTENCES:
        low = lower(text)
        assert names_weapons(low, read_words(low)) == WEAPON_NOUNS.found(low), text


def test_sport_gate_agrees_with_the_search() -> None:
    for text in SENTENCES:
        assert deal_gates.sport(text) == (deal_gates._SPORT.search(text) is not None), text


def test_signed_gate_passes_every_match() -> None:
    for text in SENTENCES:
        if back_references._SIGNED_THE.search(text):
            assert back_references._may_name_act(SimpleNamespace(text=text, words=read_words(lower(text))))  # type: ignore[arg-type]


def test_no_two_items_of_the_gazetteer_share_a_name() -> None:
    """An alias of two systems resolves to whichever loaded first, and its other entry is never found."""
    import collections
    import json
    from pathlib import Path

    from tracker.extract.gazetteer import item_key

    data = json.loads((Path(__file__).parents[2] / "tracker" / "data" / "gazetteer.json").read_text())
    owners: dict[str, set[str]] = collections.defaultdict(set)
    for name, entry in data["items"].items():
        for alias in (name, *entry.get("aliases", []), *entry.get("named", [])):
            owners[item_key(alias)].add(name)
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}
