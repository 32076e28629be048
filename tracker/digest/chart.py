"""The geometry of the digest's timeline chart: x is the occurred date, one lane per type.

Only numbers and labels are computed here; ``templates/digest.html.j2``
draws them as inline SVG (escaped by Jinja). A development spans the period
its date covers at its precision (a year-precise deal is a long bar, a
day-precise statement a dot-sized one), so the chart shows how sure the
dates are. Undated developments have no x: they sit in a column of their
own at the right of their lane.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil

from tracker.digest.model import TYPE_ORDER, Entry

WIDTH = 960
GUTTER = 96  # lane labels
UNDATED_WIDTH = 120
TOP = 8
AXIS = 28
ROW = 16
MARK = 10
MIN_MARK_WIDTH = 8
MAX_ROWS = 4
UNDATED_PER_ROW = 7
MIN_SPAN_DAYS = 60


@dataclass(frozen=True)
class Mark:
    id: str
    type: str
    change: str
    precision: str | None
    x: float
    y: float
    width: float
    label: str


@dataclass(frozen=True)
class Lane:
    type: str
    y: float
    height: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: float
    left: float
    right: float
    undated_x: float | None  # where the undated column starts; None when every development has a date
    axis_y: float
    lanes: tuple[Lane, ...]
    marks: tuple[Mark, ...]  # dated developments
    undated: tuple[Mark, ...]
    ticks: tuple[Tick, ...]


def span(entry: Entry) -> tuple[date, date] | None:
    """The days a development's date covers at its precision: [first, last + 1)."""
    occurred = entry.occurred
    if not occurred:
        return None
    parts = [int(p) for p in occurred["date"].split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0] + 1, 1, 1)
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]) + timedelta(1)
    first = date(parts[0], parts[1], parts[2])
    return first, first + timedelta(1)


def timeline_chart(entries: Sequence[Entry]) -> Chart:
    """Lay the entries out: lanes in type order, overlapping marks stacked in rows within a lane."""
    spans = {e.id: s for e in entries if (s := span(e)) is not None}
    lo, hi = _domain(list(spans.values()))
    has_undated = len(spans) < len(entries)
    left, right = GUTTER, WIDTH - (UNDATED_WIDTH if has_undated else 12)

    def x_of(day: date) -> float:
        return round(left + (day - lo).days / max((hi - lo).days, 1) * (right - left), 1)

    lanes: list[Lane] = []
    marks: list[Mark] = []
    undated: list[Mark] = []
    y = float(TOP)
    for type_ in _types(entries):
        members = sorted((e for e in entries if e.type == type_), key=lambda e: e.order)
        placed = [(e, x_of(spans[e.id][0]), x_of(spans[e.id][1])) for e in members if e.id in spans]
        rows = _rows([(x0, max(x1 - x0, MIN_MARK_WIDTH)) for _, x0, x1 in placed])
        for (entry, x0, x1), row in zip(placed, rows, strict=True):
            marks.append(_mark(entry, x0, y + 6 + row * ROW, max(x1 - x0, MIN_MARK_WIDTH)))
        loose = [e for e in members if e.id not in spans]
        for i, entry in enumerate(loose):
            column, row = i % UNDATED_PER_ROW, i // UNDATED_PER_ROW
            undated.append(_mark(entry, right + 16 + column * 14, y + 6 + row * ROW, MARK))
        used = max([*(r + 1 for r in rows), ceil(len(loose) / UNDATED_PER_ROW), 1])
        lanes.append(Lane(type_, y, used * ROW + 12))
        y += used * ROW + 12
    if not lanes:
        y = 40.0  # room for the "nothing moved" line
    ticks = tuple(Tick(x_of(day), label) for day, label in _ticks(lo, hi))
    return Chart(
        width=WIDTH,
        height=y + AXIS,
        left=left,
        right=right,
        undated_x=right + 8 if has_undated else None,
        axis_y=y,
        lanes=tuple(lanes),
        marks=tuple(marks),
        undated=tuple(undated),
        ticks=ticks,
    )


def _mark(entry: Entry, x: float, y: float, width: float) -> Mark:
    precision = (entry.occurred or {}).get("precision")
    label = f"{entry.date_text} · {entry.actors} · {entry.summary}"
    return Mark(entry.id, entry.type, entry.change, precision, x, y, round(width, 1), label)


def _types(entries: Sequence[Entry]) -> list[str]:
    present = {e.type for e in entries}
    return [t for t in TYPE_ORDER if t in present] + sorted(present - set(TYPE_ORDER))


def _domain(spans: list[tuple[date, date]]) -> tuple[date, date]:
    """The dates the x axis covers: every span, at least two months, a little margin."""
    if not spans:
        today = date(2000, 1, 1)  # an empty chart still needs an axis; it shows no marks
        return today, today + timedelta(MIN_SPAN_DAYS)
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    if (hi - lo).days < MIN_SPAN_DAYS:
        middle = lo + (hi - lo) / 2
        lo, hi = middle - timedelta(MIN_SPAN_DAYS / 2), middle + timedelta(MIN_SPAN_DAYS / 2)
    margin = timedelta(days=max(1, (hi - lo).days // 30))
    return lo - margin, hi + margin


def _rows(extents: list[tuple[float, float]]) -> list[int]:
    """A row per mark so that marks sharing a row do not overlap (greedy, in x order)."""
    ends: list[float] = []
    rows: list[int] = []
    for x, width in extents:
        row = next((i for i, end in enumerate(ends) if end + 3 <= x), None)
        if row is None and len(ends) < MAX_ROWS:
            ends.append(0.0)
            row = len(ends) - 1
        if row is None:
            row = min(range(len(ends)), key=lambda i: ends[i])
        ends[row] = max(ends[row], x + width)
        rows.append(row)
    return rows


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    """Years for long spans, months for short ones, at most about ten labels."""
    years = hi.year - lo.year
    if years >= 3:
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if years / s <= 10)
        first = ceil(lo.year / step) * step
        return [(date(y, 1, 1), str(y)) for y in range(first, hi.year + 1, step) if date(y, 1, 1) >= lo]
    months = years * 12 + hi.month - lo.month
    step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 10)
    found: list[tuple[date, str]] = []
    index = lo.year * 12 + lo.month  # the month after lo's: its first day is inside the domain
    while (day := date(index // 12, index % 12 + 1, 1)) <= hi:
        if (day.month - 1) % step == 0:
            found.append((day, day.strftime("%b %Y")))
        index += 1
    return found
