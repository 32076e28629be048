"""Actors: names, demonyms, capitals and metonyms, officials, bodies, companies; and what is not an actor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.extract import gazetteer as gz
from tracker.extract.actors import find_actors
from tracker.extract.sentences import tokenize


def codes(text: str) -> list[str]:
    return [m.code for m in find_actors(tokenize(text), text, gz.gazetteer())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New Delhi and Moscow", ["IND", "RUS"]),
        ("the Kremlin said", ["RUS"]),
        ("Washington and the Pentagon", ["USA", "USA"]),
        ("Beijing protested to Whitehall", ["CHN", "GBR"]),
        ("the U.S. and Türkiye", ["USA", "TUR"]),
        ("Russian and Indian officials", ["RUS", "IND"]),
        ("Chinese-made jets", ["CHN"]),
        ("the EU, NATO and the UN", ["EU", "NATO", "UN"]),
        ("Rosoboronexport and Almaz-Antey", ["RUS", "RUS"]),
        ("Lockheed Martin, HAL and Dassault", ["USA", "IND", "FRA"]),
    ],
)
def test_places_bodies_companies(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


def test_officials_by_title_and_name() -> None:
    text = (
        "Pentagon press secretary John Kirby met Defence Minister Rajnath Singh"
        " and US Defence Secretary Lloyd Austin"
    )
    found = find_actors(tokenize(text), text, gz.gazetteer())
    assert [m.code for m in found] == ["USA", "USA", "IND", "USA", "USA"]
    assert [m.name for m in found if m.kind == "person"] == ["John Kirby", "Rajnath Singh", "Lloyd Austin"]


@pytest.mark.parametrize(
    "text",
    [
        "Stockholm International Peace Research Institute said",
        "us and them",
        "analysts and experts said",
        "a report by the think tank",
    ],
)
def test_non_actors(text: str) -> None:
    assert codes(text) == []


def test_user_gazetteer_is_merged_over_the_packaged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(
        json.dumps({"countries": {"IND": {"aliases": ["Hindustan"]}}, "companies": {"Acme Arms": "FRA"}}),
        encoding="utf-8",
    )
    monkeypatch.setenv(gz.ENV_VAR, str(extra))
    gz.gazetteer.cache_clear()
    try:
        assert codes("Hindustan bought from Acme Arms and Russia") == ["IND", "FRA", "RUS"]
    finally:
        monkeypatch.delenv(gz.ENV_VAR)
        gz.gazetteer.cache_clear()
    assert codes("Hindustan") == []


def test_a_named_alias_is_shown_as_written_and_joined_to_its_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Krivak-class' and 'LRSAM' are names of their own that labellers and readers use: kept as written in
    events (blind sets 25, 66 and others wanted them), one system on timelines; a user file adds more."""
    from events.model import to_wire
    from tracker.extract import extract
    from tracker.timeline.facts import item_norm

    text = "India signed a deal with Russia in October 2018 for four Krivak-class frigates."
    (deal,) = [to_wire(e) for e in extract(text)]
    assert [(i["name"], i["quantity"]) for i in deal["items"]] == [("Krivak-class", 4)]
    assert item_norm("Krivak-class") == item_norm("Talwar") == item_norm("Admiral Grigorovich")
    assert item_norm("LRSAM") == item_norm("Barak-8")
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"items": {"S-400": {"named": ["Sudarshan Chakra"]}}}), encoding="utf-8")
    monkeypatch.setenv(gz.ENV_VAR, str(extra))
    gz.gazetteer.cache_clear()
    gz.system_name.cache_clear()
    try:
        assert gz.system_name("Sudarshan Chakra") == "S-400"
    finally:
        monkeypatch.delenv(gz.ENV_VAR)
        gz.gazetteer.cache_clear()
        gz.system_name.cache_clear()


def _system_names(extra: Path | None) -> tuple[dict[str, str], dict[str, str]]:
    """Every item key's system as the whole gazetteer files it, and as ``system_name``'s own map does."""
    path = str(extra) if extra else None
    whole = {key: entry.name for key, entry in gz.build(gz._data(path)).items.items()}
    return whole, gz._systems(path)


def test_system_names_are_those_of_the_whole_gazetteer(tmp_path: Path) -> None:
    """``system_name`` reads a map of the items alone, not the gazetteer with its actors: the same names."""
    whole, systems = _system_names(None)
    assert systems == whole and len(systems) > 300
    extra = tmp_path / "mine.json"  # a user's alias that the packaged file gives another system first wins
    extra.write_text(
        json.dumps({"items": {"Sudarshan": {"aliases": ["S-400", "SC"]}, "S-400": {"named": ["Chakra"]}}}),
        encoding="utf-8",
    )
    whole, systems = _system_names(extra)
    assert systems == whole
    assert (systems["s400"], systems["sc"], systems["chakra"]) == ("S-400", "Sudarshan", "S-400")


def test_an_item_name_does_not_build_the_gazetteer() -> None:
    """A timeline's first catch-up in a process normalises item names: the items' cost, not the actors'."""
    import subprocess
    import sys

    code = (
        "from tracker.timeline.facts import item_norm; from tracker.extract import gazetteer as g; "
        "print(item_norm('AH-64E Apache'), g.gazetteer.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["apache", "0"]
