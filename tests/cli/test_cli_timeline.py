"""The query commands end to end: timeline, events list/show, rebuild, stats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from events.engine import make_engine
from events.model import Retraction
from events.store import EventStore, NewEvent
from tests.cli.startup import fresh
from tests.timeline.conftest import PUBLISHED, SEED
from tracker.cli import main
from tracker.extract import extract
from tracker.extract.gazetteer import actor_code

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/acceptance")


@pytest.fixture
def seeded(db_url: str) -> str:
    assert CliRunner().invoke(main, ["--db", db_url, "init"]).exit_code == 0
    store = EventStore(make_engine(db_url))
    for outlet in ("a", "b"):
        events = extract(SEED.read_text(), title="T", published=PUBLISHED, url=f"https://{outlet}.example/x")
        store.append(NewEvent.of(e, key=f"article:{outlet}:r0:rules@1:{i}") for i, e in enumerate(events))
    store.close()
    return db_url


def run(db: str, *args: str):
    result = CliRunner().invoke(main, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_timeline_formats(seeded: str) -> None:
    developments = json.loads(run(seeded, "timeline", "--format", "json"))
    assert developments and all(d["sources"] == 2 for d in developments)
    required = {
        "id",
        "type",
        "occurred",
        "roles",
        "items",
        "value",
        "status",
        "summary",
        "sources",
        "first_reported",
        "last_reported",
        "events",
    }
    assert required <= set(developments[0])
    lines = run(seeded, "timeline", "--format", "jsonl", "--type", "deal", "--item", "S-400").splitlines()
    assert [json.loads(line)["occurred"]["date"] for line in lines] == ["2018"]
    rows = list(csv.DictReader(io.StringIO(run(seeded, "timeline", "--format", "csv", "--actor", "IND"))))
    assert {"date", "type", "actors", "summary", "status", "sources"} <= set(rows[0])
    assert "Dec 2021" in {r["date"] for r in rows}
    assert any(r["date"].startswith("undated") for r in rows)
    table = run(seeded, "timeline", "--format", "md", "--actor", "IND", "--with", "RUS", "--type", "deal")
    assert table.startswith("| date |") and "RUS → IND" in table
    latest = json.loads(run(seeded, "timeline", "--format", "json", "-r", "--limit", "2"))
    assert [d["id"] for d in latest] == [d["id"] for d in reversed(developments)][:2]


def test_events_show_list_rebuild_stats(seeded: str) -> None:
    listed = [
        json.loads(x)
        for x in run(seeded, "events", "list", "--type", "deal", "--format", "jsonl").splitlines()
    ]
    assert listed and all(e["type"] == "deal" for e in listed)
    latest = run(seeded, "events", "list", "--type", "deal", "-r", "--limit", "2", "--format", "jsonl")
    assert [json.loads(x)["id"] for x in latest.splitlines()] == [e["id"] for e in listed][::-1][:2]
    shown = json.loads(run(seeded, "events", "show", listed[0]["id"]))
    assert shown["id"] == listed[0]["id"] and shown["development"].startswith("dev-")
    assert "replayed" in run(seeded, "rebuild")
    stats = json.loads(run(seeded, "stats", "--format", "json"))
    assert stats["log"]["head_position"] == sum(stats["events"].values())
    assert stats["projection_lag"] == {"timeline": 0}


def test_retract_then_as_of(seeded: str) -> None:
    store = EventStore(make_engine(seeded))
    [before] = json.loads(run(seeded, "timeline", "--format", "json", "--type", "sanction"))
    store.append([NewEvent.of(Retraction(event_id=before["events"][0]["id"], reason="x"), key="r1")])
    store.append([NewEvent.of(Retraction(event_id=before["events"][1]["id"], reason="x"), key="r2")])
    store.close()
    assert json.loads(run(seeded, "timeline", "--format", "json", "--type", "sanction")) == []
    then = json.loads(
        run(seeded, "timeline", "--format", "json", "--type", "sanction", "--as-of", "2000-01-01T00:00:00Z")
    )
    assert then == []


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("timeline", "--since", "last year"), 2, "not a date"),
        (("timeline", "--until", "2022-02-30"), 2, "not a date"),
        (("timeline", "--since", "2022-4"), 2, "not a date"),
        (("timeline", "--since", "2030", "--until", "2020"), 2, "--since 2030 is after --until 2020"),
        (("timeline", "--as-of", "soon"), 2, "not a time: 'soon'"),
        (("timeline", "--as-of", "2026-13-01T00:00:00Z"), 2, "not a time"),  # not 13 January
        (
            ("timeline", "--type", "deal,sale"),
            2,
            "unknown 'sale' (known: deal, delivery, sanction, statement)",
        ),
        (("timeline", "--status", "signed,bogus"), 2, "unknown 'bogus'"),
        (("timeline", "--actor", "Indai"), 2, "no country or body named 'Indai'"),
        (("timeline", "--with", "Putin"), 2, "no country or body named 'Putin'"),
        (("events", "show", "ev-999"), 1, "no event 'ev-999'"),
        (("events", "show", "dev-3"), 1, "that is a development's id"),
        (("retract", "dev-3", "--reason", "wrong"), 1, "that is a development's id"),
        (("events", "list", "--type", "deals"), 2, "unknown 'deals'"),
        (("rebuild", "--projection", "timelines"), 2, "'timelines' is not 'timeline'"),
    ],
)
def test_bad_input(seeded: str, args: tuple[str, ...], code: int, says: str) -> None:
    """A typo is a usage error that names it, not an empty timeline."""
    result = CliRunner().invoke(main, ["--db", seeded, *args])
    assert result.exit_code == code
    assert says in result.output
    assert "Traceback" not in result.output


def test_actors_by_name_or_code_in_any_case(seeded: str) -> None:
    by_code = run(seeded, "timeline", "--format", "jsonl", "--actor", "IND", "--with", "RUS")
    assert by_code.strip()
    for actor, other in (("India", "russia"), ("ind", "Russian Federation"), ("IN", "RU")):
        assert run(seeded, "timeline", "--format", "jsonl", "--actor", actor, "--with", other) == by_code
    assert run(seeded, "timeline", "--format", "jsonl", "--actor", "the U.S.") == run(
        seeded, "timeline", "--format", "jsonl", "--actor", "USA"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [("India", "IND"), ("ind", "IND"), ("IN", "IND"), ("the U.S.", "USA"), ("eu", "EU"), ("XYZ", "XYZ")],
)
def test_actor_code(text: str, code: str) -> None:
    """A code in capitals nobody knows is kept: an older log may name actors the gazetteer has dropped."""
    assert actor_code(text) == code
    assert actor_code("Indai") is None and actor_code("Putin") is None


def test_as_of_in_words(seeded: str) -> None:
    """The events were recorded just now: as of yesterday the log knew none of them."""
    assert json.loads(run(seeded, "timeline", "--format", "json", "--as-of", "yesterday")) == []
    now = json.loads(run(seeded, "timeline", "--format", "json"))
    assert json.loads(run(seeded, "timeline", "--format", "json", "--as-of", "in 1 hour")) == now


def test_commands_load_on_first_use() -> None:
    """Start-up imports neither the commands' modules nor the extraction rules (0.55 s and 0.4 s)."""
    pipeline = "tracker.extract.pipeline"
    commands = ("tracker.timeline.commands", "tracker.daemon.commands")
    assert fresh("import tracker.cli", (*commands, pipeline))[0] == []
    assert fresh("import tracker.timeline.facts", (pipeline,))[0] == []
    # Reading the log and the timeline needs the names of event types, not pydantic's models (0.2 s).
    assert fresh("import tracker.timeline.commands, tracker.timeline.query", ("events.model",))[0] == []
