"""The timeline chart's geometry (pure), and the HTML digest as headless Chromium renders it."""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
from datetime import UTC, date
from pathlib import Path
from typing import Any

import pytest

from tests.digest.conftest import DAY1, DAY2
from tracker.digest import Entry, build_digest, render_digest
from tracker.digest.chart import span, timeline_chart

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
WINDOW = (1200, 1600)


def entry(dev: int, type_: str, when: str | None, change: str = "new") -> Entry:
    precision = {4: "year", 7: "month", 10: "day"}[len(when)] if when else None
    development: dict[str, Any] = {
        "id": f"dev-{dev}",
        "type": type_,
        "occurred": {"date": when, "precision": precision} if when else None,
        "roles": {"buyer": "IND", "seller": "RUS"},
        "items": [],
        "value": None,
        "status": None,
        "summary": f"development {dev}",
        "sources": 1,
        "events": [],
    }
    return Entry(development, change)


def test_a_span_covers_the_period_of_the_date_at_its_precision() -> None:
    assert span(entry(1, "deal", "2018")) == (date(2018, 1, 1), date(2019, 1, 1))
    assert span(entry(1, "deal", "2024-02")) == (date(2024, 2, 1), date(2024, 3, 1))
    assert span(entry(1, "deal", "2021-12-31")) == (date(2021, 12, 31), date(2022, 1, 1))
    assert span(entry(1, "deal", None)) is None


def test_lanes_follow_types_and_undated_marks_sit_apart() -> None:
    entries = [
        entry(1, "statement", "2022-04-22"),
        entry(2, "deal", "2018"),
        entry(3, "deal", "2018-10", "updated"),
        entry(4, "deal", None),
        entry(5, "delivery", "2021-12"),
    ]
    chart = timeline_chart(entries)
    assert [lane.type for lane in chart.lanes] == ["deal", "delivery", "statement"]
    assert sorted(m.id for m in chart.marks) == ["dev-1", "dev-2", "dev-3", "dev-5"]
    assert [m.id for m in chart.undated] == ["dev-4"]
    assert chart.undated_x is not None and all(m.x > chart.right for m in chart.undated)
    assert all(chart.left <= m.x and m.x + m.width <= chart.right + 1 for m in chart.marks)
    marks = {m.id: m for m in chart.marks}
    assert (
        marks["dev-2"].width > marks["dev-3"].width > marks["dev-1"].width * 0
    )  # a year is wider than a month
    assert marks["dev-2"].y != marks["dev-3"].y  # overlapping marks stack in rows of their lane
    lanes = {lane.type: lane for lane in chart.lanes}
    for mark in chart.marks:
        lane = lanes[mark.type]
        assert lane.y <= mark.y < lane.y + lane.height
    ticks = [t.x for t in chart.ticks]
    assert ticks == sorted(ticks) and len(ticks) >= 3
    assert [t.label for t in chart.ticks][:1] == ["2018"]


def test_short_spans_get_month_ticks_and_an_empty_chart_has_no_marks() -> None:
    chart = timeline_chart([entry(1, "deal", "2022-04-22"), entry(2, "deal", "2022-05-02")])
    assert chart.ticks and all(re.fullmatch(r"[A-Z][a-z]{2} \d{4}", t.label) for t in chart.ticks)
    empty = timeline_chart([])
    assert empty.marks == () and empty.lanes == () and empty.undated_x is None and empty.height > 0


# -- headless Chromium -------------------------------------------------------------------------------


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is required under CI (Debian package `chromium`)")
        pytest.skip("chromium is not installed")
    return found


def run_chromium(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        binary,
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        f"--user-data-dir={profile}",  # a profile per test: parallel runs do not share a lock
        *args,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_html_digest_renders_in_chromium_with_a_mark_per_dated_development(
    sqlite_story, tmp_path: Path
) -> None:
    binary = chromium()
    digest = build_digest(sqlite_story.store, day=DAY1.date(), tz=UTC, now=DAY2)
    assert any(e.occurred for e in digest.entries) and any(not e.occurred for e in digest.entries)
    page = tmp_path / "digest.html"
    page.write_text(render_digest(digest, "html"), encoding="utf-8")
    shot = tmp_path / "digest.png"
    size = f"--window-size={WINDOW[0]},{WINDOW[1]}"
    run_chromium(binary, tmp_path / "profile", f"--screenshot={shot}", size, page.as_uri())
    data = shot.read_bytes()
    assert png_size(data) == WINDOW and len(data) > 20_000  # a page with text and a chart, not a blank
    dom = run_chromium(binary, tmp_path / "profile", "--dump-dom", page.as_uri()).stdout
    assert dom.count("<svg") == 1
    dated = {e.id for e in digest.entries if e.occurred}
    undated = {e.id for e in digest.entries if not e.occurred}
    assert set(re.findall(r'<rect class="mark" data-dev="([^"]+)"', dom)) == dated
    assert len(re.findall(r'class="mark"', dom)) == len(dated)
    assert set(re.findall(r'<circle class="mark-undated" data-dev="([^"]+)"', dom)) == undated
    articles = re.findall(r'<article class="development" id="([^"]+)"', dom)
    assert sorted(articles) == sorted(e.id for e in digest.entries)
    for item in digest.entries:
        assert html.escape(item.summary, quote=False) in dom
