"""Commands that read the log and its timeline: timeline, events, rebuild, stats."""

from __future__ import annotations

import re
from datetime import datetime
from itertools import chain, islice
from typing import Any

import click
import orjson

from events.vocabulary import EVENT_TYPE_NAMES, LOG_RECORD_TYPE_NAMES, STATUSES
from tracker import options, projections
from tracker.errors import TrackerError, no_event
from tracker.output import FORMATS, emit, output_options, stderr_progress
from tracker.timeline.develop import display_date
from tracker.timeline.query import TimelineQuery, period, timeline

_ISO_START = re.compile(r"\d{4}-")
_ARROWS = {
    "deal": ("seller", "buyer"),
    "delivery": ("supplier", "recipient"),
    "sanction": ("imposer", "target"),
}


def _store(ctx: click.Context) -> Any:
    from tracker.db import store_for

    return store_for(ctx)


def _period(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        try:
            period(value)
        except TrackerError as exc:
            raise click.BadParameter(str(exc)) from exc
    return value


def _when(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    """An ISO 8601 time (no zone: local time), or what dateparser reads ('yesterday', '3 days ago',
    '1 Dec 2026 09:00')."""
    if value is None:
        return None
    from dateutil import parser as dateutil_parser

    try:
        parsed: datetime | None = dateutil_parser.isoparse(value)
    except ValueError:
        import dateparser

        # words only: dateparser would read '2026-13-01' as 13 January
        iso_like = _ISO_START.match(value.strip()) is not None
        parsed = None if iso_like else dateparser.parse(value, settings={"PREFER_DATES_FROM": "past"})
    if parsed is None:
        raise click.BadParameter(
            f"not a time: {value!r} (ISO 8601 such as 2022-05-01T00:00:00Z, or 'yesterday')"
        )
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.now().astimezone().tzinfo)


def actors_text(development: dict[str, Any]) -> str:
    roles = development["roles"]
    pair = _ARROWS.get(development["type"])
    if pair and pair[0] in roles and pair[1] in roles:
        return f"{roles[pair[0]]} → {roles[pair[1]]}"
    if development["type"] == "statement":
        about = ", ".join(roles.get("about") or [])
        return f"{roles.get('speaker', '?')} on {about}" if about else str(roles.get("speaker", "?"))
    return ", ".join(roles.get("parties") or sorted({v for v in roles.values() if isinstance(v, str)}))


def table_row(development: dict[str, Any]) -> dict[str, Any]:
    occurred = development["occurred"] or {}
    date = display_date(occurred.get("date"), occurred.get("precision"))
    if not date:
        date = f"undated (reported {display_date((development['first_reported'] or '')[:10] or None, 'day')})"
    return {**development, "date": date, "actors": actors_text(development)}


@click.command("timeline")
@click.option(
    "--actor",
    callback=options.actor,
    help="Developments involving this country or body (IND, India, ind, IN).",
)
@click.option(
    "--with",
    "with_actor",
    callback=options.actor,
    help="...and this one too (a dyad: --actor IND --with RUS).",
)
@click.option(
    "--type",
    "types",
    multiple=True,
    callback=options.one_of(EVENT_TYPE_NAMES),
    help=", ".join(EVENT_TYPE_NAMES),
)
@click.option("--item", help="A system or good, e.g. S-400.")
@click.option("--since", callback=_period, help="From this date on (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", callback=_period, help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    callback=options.one_of(chain(*STATUSES.values())),
    help="signed,began,...",
)
@click.option("--min-sources", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many developments.")
@click.option(
    "--newest-first",
    "-r",
    "newest_first",
    is_flag=True,
    help="Latest developments first (with --limit: the latest N).",
)
@click.option(
    "--as-of", "as_of", callback=_when, help="The timeline as known at this time (ISO 8601, or 'yesterday')."
)
@output_options((*FORMATS, "md"))
@click.pass_context
def timeline_command(ctx: click.Context, fmt: str | None, **query: Any) -> None:
    """Developments in date order, each backed by the events and sources behind it."""
    since, until = query["since"], query["until"]
    if since and until and period(since)[0] > period(until)[1]:
        raise click.UsageError(f"--since {since} is after --until {until}")
    store = _store(ctx)
    projections.catch_up_shown(store)
    query["types"], query["statuses"] = tuple(query["types"]), tuple(query["statuses"])
    developments = timeline(store, TimelineQuery(**query))
    rows = [table_row(d) for d in developments] if fmt in (None, "table", "csv", "md") else developments
    emit(rows, fmt, ["date", "type", "actors", "summary", "status", "sources"], title="timeline")


@click.group("events")
def events_group() -> None:
    """The raw event log."""


@events_group.command("list")
@click.option(
    "--type",
    "types",
    multiple=True,
    callback=options.one_of([*EVENT_TYPE_NAMES, *LOG_RECORD_TYPE_NAMES]),
    help="Event types to show.",
)
@click.option("--after", type=click.IntRange(min=0), default=0, help="Only positions after this one.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option(
    "--newest-first",
    "-r",
    "newest_first",
    is_flag=True,
    help="The latest events first (with --limit: the last N).",
)
@output_options()
@click.pass_context
def events_list(
    ctx: click.Context, types: tuple[str, ...], after: int, limit: int, newest_first: bool, fmt: str | None
) -> None:
    """Events in log order, or the latest first (the wire format, with id, position and recorded_at)."""
    store = _store(ctx)
    read = store.read_back if newest_first else store.read
    records = read(after=after, types=types, page_size=min(limit, 500))
    rows = [record.wire() for record in islice(records, limit)]
    emit(rows, fmt, ["id", "type", "recorded_at", "summary"], title="events")


@events_group.command("show")
@click.argument("event_id")
@click.pass_context
def events_show(ctx: click.Context, event_id: str) -> None:
    """One event: its wire form, its evidence and the development it belongs to."""
    from tracker.timeline.details import event_details

    store = _store(ctx)
    projections.catch_up_shown(store)
    details = event_details(store, event_id)
    if details is None:
        raise no_event(event_id)
    click.echo(orjson.dumps(details, option=orjson.OPT_INDENT_2).decode())


@click.command("rebuild")
@click.option(
    "--projection",
    "names",
    multiple=True,
    type=click.Choice(sorted(projections.REGISTRY)),
    help="Only this projection (default: all).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Processes replaying groups of event types side by side (SQLite files; each holds its own memory).",
)
@click.pass_context
def rebuild_command(ctx: click.Context, names: tuple[str, ...], workers: int) -> None:
    """Drop the projections' rows and replay the whole log into them."""
    store = _store(ctx)
    total = store.head().position
    with stderr_progress("rebuilding") as update:
        progress = (lambda _n, at: update(at, total)) if update else None
        counts = projections.rebuild(store, list(names) or None, progress=progress, workers=workers)
    for name, count in counts.items():
        click.echo(f"{name}: replayed {count} events")


@click.command("stats")
@output_options()
@click.pass_context
def stats_command(ctx: click.Context, fmt: str | None) -> None:
    """Counts by type, the log head (position and hash), projection lag."""
    from tracker.timeline.details import stats

    figures = stats(_store(ctx))
    if fmt in ("json", "jsonl"):
        click.echo(orjson.dumps(figures, option=orjson.OPT_INDENT_2 if fmt == "json" else 0).decode())
        return
    rows = [{"what": k, "value": v} for k, v in _flatten(figures)]
    emit(rows, fmt, ["what", "value"], title="stats")


def _flatten(figures: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in figures.items():
        if isinstance(value, dict):
            out += _flatten(value, f"{prefix}{key}.")
        else:
            out.append((f"{prefix}{key}", value))
    return out
