"""``tracker feeds ...`` and ``tracker poll`` through click: output, one-line errors, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pytest_httpserver import HTTPServer

from tracker.cli import main

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Ok</title><item><title>One</title><link>https://n.example/1</link></item></channel></rss>'


@pytest.fixture
def tracker(sqlite_url: str):
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(main, ["--db", sqlite_url, *args], catch_exceptions=False)

    assert run("init").exit_code == 0
    return run


def test_add_list_show_remove(tracker):
    added = tracker(
        "feeds", "add", "https://example.com/rss", "--title", "Ex", "--interval", "2h", "--tag", "x"
    )
    assert added.exit_code == 0 and added.output == "added feed 1: https://example.com/rss\n"
    rows = json.loads(tracker("feeds", "list", "--format", "json").output)
    assert [(r["id"], r["url"], r["title"], r["interval"], r["tags"]) for r in rows] == [
        (1, "https://example.com/rss", "Ex", "2h", ["x"])
    ]
    assert tracker("feeds", "list", "--format", "csv").output.splitlines()[0].startswith("id,url,title")
    shown = tracker("feeds", "show", "1")
    assert shown.exit_code == 0 and "error_count" in shown.output and "next_poll_at" in shown.output
    assert json.loads(tracker("feeds", "show", "1", "--format", "json").output)[0]["etag"] is None
    assert tracker("feeds", "remove", "1").output == "removed feed 1: https://example.com/rss\n"
    assert json.loads(tracker("feeds", "list", "--format", "json").output) == []


def test_runtime_errors_are_one_line_and_exit_1(tracker):
    assert tracker("feeds", "add", "https://example.com/rss").exit_code == 0
    duplicate = tracker("feeds", "add", "https://example.com/rss")
    assert duplicate.exit_code == 1
    assert duplicate.stderr == "tracker: error: feed already registered: https://example.com/rss\n"
    bad = tracker("feeds", "add", "ftp://example.com/rss")
    assert bad.exit_code == 1 and len(bad.stderr.splitlines()) == 1 and "http, https or file" in bad.stderr
    missing = tracker("feeds", "show", "99")
    assert (missing.exit_code, missing.stderr) == (1, "tracker: error: no feed 99\n")


def test_usage_errors_exit_2(tracker):
    assert tracker("feeds", "add", "https://example.com/rss", "--interval", "soon").exit_code == 2
    assert tracker("feeds", "add").exit_code == 2
    assert tracker("poll", "--concurrency", "0").exit_code == 2


def _undated(opml: str) -> str:
    return re.sub(r"<dateCreated>[^<]*</dateCreated>", "", opml)


def test_export_to_a_path_that_cannot_be_written_is_one_line(tracker, tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = tracker("feeds", "export", "--out", str(blocker / "feeds.opml"))
    assert result.exit_code == 1 and "cannot write" in result.output and "Traceback" not in result.output


def test_import_and_export_opml(tracker, tmp_path: Path):
    tracker("feeds", "add", "https://a.example/rss", "--tag", "world")
    tracker("feeds", "add", "https://b.example/rss")
    out = tmp_path / "feeds.opml"
    assert tracker("feeds", "export", "--out", str(out)).exit_code == 0
    # the two exports may straddle a second: compare them without their creation stamps
    printed, written = tracker("feeds", "export").output, out.read_text()
    assert "<dateCreated>" in written
    assert _undated(printed) == _undated(written)
    tracker("feeds", "remove", "2")
    imported = tracker("feeds", "import", str(out))
    assert imported.exit_code == 0 and imported.output == "1 added, 1 already present, 0 invalid\n"


def test_poll_prints_a_summary_and_one_line_per_failed_feed_and_exits_0(tracker, httpserver: HTTPServer):
    httpserver.expect_request("/ok").respond_with_data(RSS, content_type="application/rss+xml")
    httpserver.expect_request("/broken").respond_with_data("oops", status=500)
    tracker("feeds", "add", httpserver.url_for("/ok"))
    tracker("feeds", "add", httpserver.url_for("/broken"))
    result = tracker("poll", "--verbose")
    assert result.exit_code == 0, result.output
    summary = result.stdout.splitlines()
    assert len(summary) == 1
    assert summary[0].startswith(
        "polled 2, not modified 0, failed 1, new articles 1 (0 revisions), new events"
    )
    failed = result.stderr.splitlines()
    assert failed[0] == f"failed: feed 2 {httpserver.url_for('/broken')}: HTTP 500 Internal Server Error"
    assert failed[1].strip().startswith("status error, HTTP 500, next poll")
    again = tracker("poll", "--feed", "1")
    assert again.exit_code == 0 and again.stdout.startswith(
        "polled 1, not modified 0, failed 0, new articles 0"
    )


def test_poll_without_a_schema_exits_1(tmp_path: Path):
    result = CliRunner().invoke(main, ["--db", f"sqlite:///{tmp_path / 'empty.db'}", "poll"])
    assert result.exit_code == 1 and "tracker init" in result.stderr
