"""The digest's forms: Markdown (golden-ish), Atom through feedparser, JSON, self-contained HTML, files."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, timedelta
from pathlib import Path

import feedparser
import pytest

from tests.conftest import Clock
from tests.digest.conftest import DAY1, DAY2, append_at, deal
from tracker.digest import Digest, build_digest, export_digest, render_digest
from tracker.errors import TrackerError

NOW = DAY2 + timedelta(days=1)
# An element that would fetch something when the page is opened: the HTML must have none.
EXTERNAL = re.compile(
    r"<(?:script|link|img|iframe|object|embed|source|video|audio|image|use)\b[^>]*"
    r"\b(?:src|href|xlink:href)\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


@pytest.fixture
def day2(sqlite_story) -> Digest:
    return build_digest(sqlite_story.store, day=DAY2.date(), tz=UTC, now=NOW)


def test_markdown_head_groups_and_links(day2: Digest) -> None:
    text = render_digest(day2, "md")
    lines = text.splitlines()
    assert lines[0] == "# Tracker digest: 2026-03-11 (UTC)"
    assert f"< p ≤ {day2.head.position})" in lines[2] and "generated 2026-03-12T09:00:00Z" in lines[2]
    assert "1 new, 1 updated, 1 withdrawn." in lines
    assert "| deal | 0 | 1 | 0 |" in lines
    assert "Busiest pairs: IND–RUS (2), IND–USA (2), RUS–USA (1)" in lines
    headings = [line for line in lines if line.startswith("#")]
    assert headings[2:] == [
        "## Deals",
        "### IND, RUS",
        "## Sanctions",
        "### IND, USA",
        "## Statements",
        "### IND, RUS, USA",
        "## Feeds",
        "## Log head",
    ]
    deals = text[text.index("## Deals") : text.index("## Sanctions")]
    assert (
        "- **UPDATED** · Oct 2018 · RUS → IND: India signed the S-400 deal with Russia in October 2018."
        in deals
    )
    assert "  - status signed · items S-400 · value $5 billion · 2 sources" in deals
    assert "  - changes: +1 source; date 2018 → Oct 2018; status planned → signed" in deals
    assert "  - sources: [a.example](https://a.example/s400), [c.example](https://c.example/signed)" in deals
    assert "- **NEW** · Mar 2026 · USA → IND: The US threatened India with CAATSA sanctions." in text
    assert "- **WITHDRAWN** · 9 Mar 2026 · USA on IND, RUS:" in text
    assert lines[-1].startswith(f"Position {day2.head.position}, hash `{day2.head.hash}`.")


def test_markdown_escapes_what_articles_say(sqlite_story, clock: Clock) -> None:
    later = DAY2 + timedelta(days=1)
    append_at(
        sqlite_story.store, clock, later, deal("https://x.example/a_(b)", "A *bold* [claim] <b>", date="2020")
    )
    text = render_digest(build_digest(sqlite_story.store, day=later.date(), tz=UTC, now=NOW), "md")
    assert r"A \*bold\* \[claim\] \<b\>" in text
    assert "[x.example](https://x.example/a_%28b%29)" in text


def test_atom_lists_every_development_with_its_links(day2: Digest) -> None:
    parsed = feedparser.parse(render_digest(day2, "atom"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.id == "urn:tracker:digest:2026-03-11"
    assert "2026-03-11" in parsed.feed.title
    assert parsed.feed.updated_parsed[:6] == NOW.timetuple()[:6]
    assert len(parsed.entries) == len(day2.entries) == 3
    assert len({e.id for e in parsed.entries}) == 3
    by_dev = {e.id.rsplit(":", 1)[1]: e for e in parsed.entries}
    for entry in day2.entries:
        item = by_dev[entry.id]
        assert item.title.startswith(entry.change.upper()) and entry.summary in item.title
        assert [link.href for link in item.links] == [s.url for s in entry.sources]
        assert [link.rel for link in item.links] == ["alternate"] + ["related"] * (len(item.links) - 1)
        assert item.link == entry.sources[0].url
        assert entry.summary in item.content[0].value
        assert item.updated_parsed is not None
    [updated] = [e for e in day2.entries if e.change == "updated"]
    assert "status planned → signed" in by_dev[updated.id].content[0].value


def test_atom_of_a_quiet_day_is_a_valid_empty_feed(sqlite_story) -> None:
    quiet = build_digest(sqlite_story.store, day=date(2026, 1, 1), tz=UTC, now=NOW)
    parsed = feedparser.parse(render_digest(quiet, "atom"))
    assert not parsed.bozo and parsed.entries == [] and parsed.feed.id and parsed.feed.title
    assert "Nothing moved" in parsed.feed.subtitle


def test_json_carries_the_head_counts_pairs_developments_and_feeds(day2: Digest) -> None:
    data = json.loads(render_digest(day2, "json"))
    assert data["date"] == "2026-03-11" and data["tz"] == "UTC"
    assert data["generated_at"] == "2026-03-12T09:00:00.000000Z"
    assert data["head"] == {"position": day2.head.position, "hash": day2.head.hash}
    assert data["counts"]["deal"] == {"new": 0, "updated": 1, "withdrawn": 0}
    assert data["busiest_pairs"][0] == {"actors": ["IND", "RUS"], "developments": 2}
    assert data["feeds"] == {"failed": [], "stale": []}
    [updated] = [d for d in data["developments"] if d["change"] == "updated"]
    assert updated["changes"] == ["+1 source", "date 2018 → Oct 2018", "status planned → signed"]
    assert {
        "id",
        "type",
        "occurred",
        "roles",
        "items",
        "value",
        "status",
        "summary",
        "sources",
        "events",
    } <= set(updated)


def test_html_is_self_contained_and_escapes_article_text(sqlite_story, clock: Clock) -> None:
    later = DAY2 + timedelta(days=1)
    append_at(
        sqlite_story.store,
        clock,
        later,
        deal("https://x.example/1", "<script>alert(1)</script>", date="2020"),
    )
    html = render_digest(build_digest(sqlite_story.store, day=later.date(), tz=UTC, now=NOW), "html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not EXTERNAL.search(html)
    assert not re.search(r"url\(|@import", html)
    assert '<a href="https://x.example/1"' in html  # links to sources are fine: nothing loads them


def test_every_html_digest_of_the_story_is_self_contained(sqlite_story) -> None:
    for day in (DAY1, DAY2, DAY2 + timedelta(days=1)):
        html = render_digest(build_digest(sqlite_story.store, day=day.date(), tz=UTC, now=NOW), "html")
        assert html.startswith("<!DOCTYPE html>") and "<svg" in html
        assert not EXTERNAL.search(html)


def test_unknown_format_is_an_error(day2: Digest) -> None:
    with pytest.raises(TrackerError, match="unknown digest format"):
        render_digest(day2, "pdf")


def test_export_writes_each_format_atomically(sqlite_story, tmp_path: Path) -> None:
    folder = tmp_path / "digests"
    kwargs = {"day": DAY2.date(), "tz": UTC, "directory": folder, "now": NOW}
    paths = export_digest(sqlite_story.store, **kwargs)
    assert [p.name for p in paths] == [f"digest-2026-03-11.{ext}" for ext in ("html", "md", "xml", "json")]
    digest = build_digest(sqlite_story.store, day=DAY2.date(), tz=UTC, now=NOW)
    for path, fmt in zip(paths, ("html", "md", "atom", "json"), strict=True):
        assert path.read_text(encoding="utf-8") == render_digest(digest, fmt)
    (folder / "digest-2026-03-11.md").write_text("stale")
    assert export_digest(sqlite_story.store, formats=["md"], **kwargs) == [folder / "digest-2026-03-11.md"]
    assert (folder / "digest-2026-03-11.md").read_text(encoding="utf-8") == render_digest(digest, "md")
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in paths)  # no temporary left
    with pytest.raises(TrackerError, match="unknown digest format"):
        export_digest(sqlite_story.store, formats=["pdf"], **kwargs)


def test_export_reports_an_unwritable_directory(sqlite_story, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(TrackerError, match="cannot write"):
        export_digest(sqlite_story.store, day=DAY2.date(), tz=UTC, directory=blocker / "sub", now=NOW)
