"""feedparser's own 1,850 hostile test feeds go through parse_feed (all) and fetch + parse (a sample).

The corpus lives in the shared folder beside the clone (``../shared`` in CI).
Every file must come out as entries, a reported error, or a recognised feed
with nothing to store (feed-level cases, or items with no guid, link or
title) -- and never as an exception or a crash caught by parse_feed's guard.
"""

from __future__ import annotations

import asyncio
import csv
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tracker.feeds.fetch import Outcome, fetch, make_client
from tracker.feeds.parse import ParsedFeed, parse_feed

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "feeds" / "feedparser_cases"
EXPECTED_CASES = 1850
SAMPLE_EVERY = 37  # ~50 files over HTTP

pytestmark = pytest.mark.skipif(not (CORPUS / "index.csv").exists(), reason=f"corpus not found at {CORPUS}")


def cases() -> list[dict[str, str]]:
    with (CORPUS / "index.csv").open(newline="", encoding="utf-8") as index:
        return list(csv.DictReader(index))


def declared_headers(case: dict[str, str]) -> dict[str, str]:
    """The HTTP header feedparser's harness serves the case with (index.csv: ``Name:value``), if any."""
    name, _, value = case["http_headers"].partition(":")
    return {name.strip().lower(): value.strip()} if name.strip() else {}


def classify(feed: ParsedFeed) -> str:
    if feed.entries:
        return "entries+error" if feed.bozo_error else "entries"
    if feed.bozo_error:
        return "error"
    return "recognised feed, nothing to store" if feed.version else "UNACCOUNTED"


def test_every_hostile_case_parses(now: datetime):
    counts: Counter[str] = Counter()
    for case in cases():
        body = (CORPUS / case["path"]).read_bytes()
        feed = parse_feed(
            body, url=f"http://127.0.0.1/{case['path']}", headers=declared_headers(case), fetched_at=now
        )
        kind = classify(feed)
        counts[kind] += 1
        assert kind != "UNACCOUNTED", case["path"]
        assert not (feed.bozo_error or "").startswith("parser failed"), (case["path"], feed.bozo_error)
        assert all(entry.key and entry.match_keys and entry.published.tzinfo for entry in feed.entries)
    handled = sum(counts.values())
    print(f"\nhostile corpus: {handled} handled / {EXPECTED_CASES}: {dict(counts)}")
    assert handled == EXPECTED_CASES
    assert counts["entries"] + counts["entries+error"] > 200


@pytest.mark.parametrize("per_host", [None, 2], ids=["httpx-pool", "host-lanes"])
def test_a_sample_goes_through_fetch_and_parse_over_http(
    httpserver: HTTPServer, now: datetime, per_host: int | None
):
    sample = cases()[::SAMPLE_EVERY]
    for case in sample:
        headers = {"content-type": "application/xml", **declared_headers(case)}
        content_type = headers.pop("content-type")
        httpserver.expect_request(f"/{case['path']}").respond_with_data(
            (CORPUS / case["path"]).read_bytes(), content_type=content_type, headers=headers
        )

    async def fetch_all() -> list[tuple[dict[str, str], ParsedFeed]]:
        parsed = []
        async with make_client(per_host=per_host) as client:
            for case in sample:
                result = await fetch(client, httpserver.url_for(f"/{case['path']}"), now=now)
                assert result.outcome is Outcome.OK and result.body is not None, (case["path"], result.error)
                feed = parse_feed(
                    result.body, url=result.final_url or "", headers=result.headers, fetched_at=now
                )
                parsed.append((case, feed))
        return parsed

    parsed = asyncio.run(fetch_all())
    assert len(parsed) == len(sample) >= 50
    for case, over_http in parsed:
        body = (CORPUS / case["path"]).read_bytes()
        headers = {"content-type": "application/xml", **declared_headers(case)}
        in_process = parse_feed(body, url="http://127.0.0.1/", headers=headers, fetched_at=now)
        assert classify(over_http) != "UNACCOUNTED", case["path"]
        assert len(over_http.entries) == len(in_process.entries), case["path"]
        assert bool(over_http.bozo_error) == bool(in_process.bozo_error), case["path"]
