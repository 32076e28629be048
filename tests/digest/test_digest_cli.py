"""`tracker digest` end to end through click, on both backends."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner, Result

from tests.digest.conftest import Story
from tracker.cli import main


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", db, "digest", *args])


@pytest.fixture
def story_db(db_url: str, story: Story) -> str:
    return db_url


def test_json_and_markdown_to_stdout(story_db: str) -> None:
    result = run(story_db, "--date", "2026-03-11", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["date"] == "2026-03-11"
    assert sorted(d["change"] for d in data["developments"]) == ["new", "updated", "withdrawn"]
    markdown = run(story_db, "--date", "2026-03-11")  # md is the default
    assert markdown.exit_code == 0 and markdown.stdout.startswith("# Tracker digest: 2026-03-11 (UTC)")


def test_actor_and_time_zone_options(story_db: str) -> None:
    usa = json.loads(run(story_db, "--date", "2026-03-11", "--format", "json", "--actor", "usa").stdout)
    assert usa["actors"] == ["USA"]
    assert all("USA" in json.dumps(d["roles"]) for d in usa["developments"]) and usa["developments"]
    by_name = run(story_db, "--date", "2026-03-11", "--format", "json", "--actor", "United States")
    assert json.loads(by_name.stdout)["developments"] == usa["developments"]
    both = json.loads(run(story_db, "--date", "2026-03-11", "--format", "json", "--actor", "chn,rus").stdout)
    assert both["actors"] == ["CHN", "RUS"] and {d["type"] for d in both["developments"]} == {
        "deal",
        "statement",
    }
    # 10 March in Los Angeles runs to 08:00 UTC on 11 March: day 1's events, none of day 2's.
    la = json.loads(
        run(story_db, "--date", "2026-03-10", "--tz", "America/Los_Angeles", "--format", "json").stdout
    )
    assert la["tz"] == "America/Los_Angeles" and len(la["developments"]) == 3


def test_out_writes_html_and_atom_files(story_db: str, tmp_path: Path) -> None:
    page = tmp_path / "out" / "digest.html"
    page.parent.mkdir()
    page.write_text("yesterday's")  # replaced, not appended to
    result = run(story_db, "--date", "2026-03-11", "--format", "html", "--out", str(page))
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and str(page) in result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    feed = page.parent / "digest.xml"
    assert run(story_db, "--date", "2026-03-11", "--format", "atom", "--out", str(feed)).exit_code == 0
    parsed = feedparser.parse(feed.read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 3
    assert sorted(p.name for p in page.parent.iterdir()) == ["digest.html", "digest.xml"]  # no temporary left


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--date", "2026-13-01"), "--date"),
        (("--date", "yesterday"), "--date"),
        (("--tz", "Mars/Olympus"), "--tz"),
        (("--actor", "IND1"), "--actor"),
        (("--actor", "IND,Indai"), "no country or body named 'Indai'"),
        (("--format", "pdf"), "--format"),
    ],
)
def test_bad_options_are_usage_errors(sqlite_url: str, args: tuple[str, ...], words: str) -> None:
    assert CliRunner().invoke(main, ["--db", sqlite_url, "init"]).exit_code == 0
    result = run(sqlite_url, *args)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and words in errors[0] and "Traceback" not in result.output


def test_an_empty_database_gives_a_quiet_digest_in_every_format(db_url: str) -> None:
    assert CliRunner().invoke(main, ["--db", db_url, "init"]).exit_code == 0
    md = run(db_url, "--date", "2026-03-11")
    assert md.exit_code == 0 and "Nothing moved" in md.stdout
    data = json.loads(run(db_url, "--date", "2026-03-11", "--format", "json").stdout)
    assert data["developments"] == [] and data["head"]["position"] == 0
    assert "Nothing moved" in run(db_url, "--date", "2026-03-11", "--format", "html").stdout
    assert feedparser.parse(run(db_url, "--date", "2026-03-11", "--format", "atom").stdout).entries == []


def test_the_date_defaults_to_today_in_the_time_zone(sqlite_url: str) -> None:
    assert CliRunner().invoke(main, ["--db", sqlite_url, "init"]).exit_code == 0
    before = datetime.now(UTC).date().isoformat()
    data = json.loads(run(sqlite_url, "--format", "json").stdout)
    assert data["date"] in {before, datetime.now(UTC).date().isoformat()}


def test_an_uninitialised_database_says_run_init(tmp_path: Path) -> None:
    result = run(f"sqlite:///{tmp_path / 'none.db'}", "--date", "2026-03-11")
    assert result.exit_code == 1 and "tracker init" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_an_unwritable_out_path_is_one_line_and_exit_1(sqlite_url: str, tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["--db", sqlite_url, "init"]).exit_code == 0
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run(sqlite_url, "--date", "2026-03-11", "--out", str(blocker / "digest.md"))
    assert result.exit_code == 1 and "cannot write" in result.output
    assert len(result.output.strip().splitlines()) == 1
