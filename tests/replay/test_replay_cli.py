"""`tracker reextract` and `tracker retract` through click, on both backends."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from events.engine import make_engine
from events.store import EventStore
from tests.replay.conftest import START, V1, Extractor, archive, ingest, write_feed
from tracker.cli import main
from tracker.replay import difference


def _v0(text: str, **kwargs: Any) -> list[Any]:
    """The weaker rules of the fixtures, reported as an older version than the installed extractor."""
    return [e.model_copy(update={"extractor": "rules@0"}) for e in V1.extract(text, **kwargs)]


@pytest.fixture
def db(db_url: str, tmp_path: Path) -> str:
    """A database holding the archive as an older extractor saw it."""
    assert CliRunner().invoke(main, ["--db", db_url, "init"]).exit_code == 0
    store = EventStore(make_engine(db_url))
    try:
        ingest(
            store, write_feed(tmp_path / "a.xml", archive(), 1_700_000_000), Extractor("rules@0", _v0), START
        )
    finally:
        store.close()
    return db_url


def tracker(db: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", db, *args])


def ok(db: str, *args: str) -> Result:
    result = tracker(db, *args)
    assert result.exit_code == 0, result.output
    return result


def head(db: str) -> int:
    return int(json.loads(ok(db, "stats", "--format", "json").stdout)["log"]["head_position"])


def timeline_json(db: str, *args: str) -> list[dict[str, Any]]:
    return json.loads(ok(db, "timeline", "--format", "json", *args).stdout)


def test_reextract_dry_run_then_for_real_then_again(db: str) -> None:
    before, start = timeline_json(db), head(db)
    dry = ok(db, "reextract", "--dry-run", "--format", "json")
    assert head(db) == start
    changes = json.loads(dry.stdout)
    assert {c["change"] for c in changes} >= {"added", "changed"}
    assert all({"change", "id", "type", "actors", "date", "what", "changes"} <= set(c) for c in changes)
    assert dry.stderr.startswith("dry run, nothing appended: ") and "developments: " in dry.stderr

    real = ok(db, "reextract", "--format", "jsonl")
    rows = [json.loads(line) for line in real.stdout.splitlines()]
    assert len(rows) == len(archive()) and {r["outcome"] for r in rows} == {"re-extracted", "unchanged"}
    assert head(db) == start + sum(r["appended"] for r in rows)
    assert real.stderr.startswith("re-extracted ") and "unchanged" in real.stderr
    after = timeline_json(db)
    assert [c.row() for c in difference(before, after)] == changes
    assert "ok: " in ok(db, "verify").stdout

    again = ok(db, "reextract", "--format", "json")
    assert {r["outcome"] for r in json.loads(again.stdout)} == {"unchanged"}
    assert head(db) == start + sum(r["appended"] for r in rows)
    assert json.loads(ok(db, "reextract", "--dry-run", "--format", "json").stdout) == []


def test_reextract_selects_by_feed_and_date(db: str) -> None:
    since = json.loads(ok(db, "reextract", "--dry-run", "--since", "2022-04", "--format", "json").stdout)
    every = json.loads(ok(db, "reextract", "--dry-run", "--format", "json").stdout)
    assert len(since) < len(every)
    assert json.loads(ok(db, "reextract", "--feed", "1", "--dry-run", "--format", "json").stdout) == every


def test_retract_drops_the_development_and_as_of_before_still_shows_it(db: str) -> None:
    single = next(d for d in timeline_json(db) if len(d["events"]) == 1)
    [event] = single["events"]
    recorded = json.loads(ok(db, "events", "show", event["id"]).stdout)["recorded_at"]
    result = ok(db, "retract", event["id"], "--reason", "misread the article")
    [record_id] = result.stdout.split()
    assert record_id.startswith("ev-") and int(record_id[3:]) > int(event["id"][3:])
    assert single["id"] not in [d["id"] for d in timeline_json(db, "--type", single["type"])]
    then = timeline_json(db, "--type", single["type"], "--as-of", recorded)
    assert single in then
    shown = json.loads(ok(db, "events", "show", record_id).stdout)
    assert (shown["type"], shown["event_id"], shown["reason"]) == (
        "retracted",
        event["id"],
        "misread the article",
    )
    assert json.loads(ok(db, "events", "show", event["id"]).stdout)["retracted"] is True


def test_retract_errors_are_one_line(db: str) -> None:
    event = timeline_json(db, "--type", "deal")[0]["events"][0]["id"]
    ok(db, "retract", event, "--reason", "wrong")
    cases = [
        (("retract", "ev-99999", "--reason", "x"), 1, "no event 'ev-99999'"),
        (("retract", "nonsense", "--reason", "x"), 1, "no event 'nonsense'"),
        (("retract", event, "--reason", "again"), 1, f"{event} is already retracted by ev-"),
        (("retract", event, "--reason", "   "), 2, "must not be empty"),
        (("retract", event), 2, "Missing option '--reason'"),
    ]
    last = head(db)
    for args, code, words in cases:
        result = tracker(db, *args)
        assert result.exit_code == code, (args, result.output)
        assert words in result.output and "Traceback" not in result.output
        if code == 1:
            assert len(result.stderr.strip().splitlines()) == 1
    retraction = f"ev-{last}"
    not_an_event = tracker(db, "retract", retraction, "--reason", "x")
    assert not_an_event.exit_code == 1 and "a retracted record, not an event" in not_an_event.stderr
    assert head(db) == last


def test_a_superseded_event_cannot_be_retracted(db: str) -> None:
    old = timeline_json(db, "--type", "deal")[0]["events"][0]["id"]
    ok(db, "reextract", "--format", "json")
    result = tracker(db, "retract", old, "--reason", "x")
    assert result.exit_code == 1 and f"{old} is already superseded by ev-" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("reextract", "--since", "last year"), 2, "not a date"),
        (("reextract", "--since", "2026-13-01"), 2, "not a date"),
        (("reextract", "--feed", "99"), 1, "no feed 99"),
        (("reextract", "--format", "xml"), 2, "Invalid value"),
    ],
)
def test_reextract_bad_input(db: str, args: tuple[str, ...], code: int, words: str) -> None:
    result = tracker(db, *args)
    assert result.exit_code == code and words in result.output and "Traceback" not in result.output


def test_help() -> None:
    for command in ("reextract", "retract"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "--" in result.output
