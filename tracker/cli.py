"""The ``tracker`` command: thin click wrappers over functions a test can call too.

Exit status: 0 success, 1 a runtime error (one line on stderr, no traceback),
2 a usage error (click's own).
"""

from __future__ import annotations

import importlib
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click
import orjson

from tracker import config
from tracker.errors import TrackerError

# Each command's module is imported when the command runs, not at start-up: importing them all took
# 0.55 s of every command's time (python -X importtime). Help lists them by the first line of their
# help, kept here (tests/cli check it against the commands): loading them to ask took 1.3 s.
_LAZY = {
    "timeline": (
        "tracker.timeline.commands:timeline_command",
        "Developments in date order, each backed by the events and sources behind it.",
    ),
    "events": ("tracker.timeline.commands:events_group", "The raw event log."),
    "rebuild": (
        "tracker.timeline.commands:rebuild_command",
        "Drop the projections' rows and replay the whole log into them.",
    ),
    "stats": (
        "tracker.timeline.commands:stats_command",
        "Counts by type, the log head (position and hash), projection lag.",
    ),
    "feeds": (
        "tracker.feeds.commands:feeds",
        "Manage the feeds to poll: add, list, show, remove, import and export OPML.",
    ),
    "poll": (
        "tracker.feeds.commands:poll",
        "Poll the due feeds once: fetch, store new articles, extract their events.",
    ),
    "daemon": (
        "tracker.daemon.commands:daemon_command",
        "Poll the feeds on a schedule, keep the projections caught up, write the daily digest.",
    ),
    "digest": (
        "tracker.digest.commands:digest_command",
        "The day's new and updated developments (events recorded that day), what moved, feed health "
        "and the log head.",
    ),
    "reextract": (
        "tracker.replay.commands:reextract_command",
        "Run the current extractor over stored articles; append what changed and supersede the old events.",
    ),
    "retract": (
        "tracker.replay.commands:retract_command",
        "Withdraw an event: append a retraction and print its id; the event stays in the log.",
    ),
}


class _Group(click.Group):
    """Turns the errors users can act on into one line and exit 1; loads commands on first use."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            if not _users_error(exc):
                raise
            click.echo(f"tracker: error: {exc}", err=True)
            ctx.exit(1)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_LAZY})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _LAZY and cmd_name not in self.commands:
            module, _, attr = _LAZY[cmd_name][0].partition(":")
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's listing, with the commands not loaded yet shown by their line in ``_LAZY``."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self.commands.get(name) or click.Command(name, help=_LAZY[name][1])
            if not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _users_error(exc: Exception) -> bool:
    """An error a user can act on: the tracker's, or the store's. ``events.errors`` imports SQLAlchemy
    (0.25 s of ``tracker extract`` and ``--help``): a command that never loaded it raised none of its."""
    store_errors = sys.modules.get("events.errors")
    return isinstance(exc, TrackerError) or (
        store_errors is not None and isinstance(exc, store_errors.EventStoreError)
    )


@click.group(
    cls=_Group, context_settings={"auto_envvar_prefix": "TRACKER", "help_option_names": ["-h", "--help"]}
)
@click.option(
    "--db", envvar="TRACKER_DATABASE_URL", help="SQLAlchemy database URL (default: SQLite in the data dir)."
)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="TOML config file.")
@click.pass_context
def main(ctx: click.Context, db: str | None, config_path: Path | None) -> None:
    """An event-sourced timeline tracker for geopolitical developments."""
    ctx.obj = config.resolve(db, config_path)


def _store(ctx: click.Context) -> Any:
    from tracker.db import store_for

    return store_for(ctx)


@main.command()
@click.pass_context
def init(ctx: click.Context) -> None:
    """Create the database schema, or upgrade it to the newest migration."""
    from tracker.db import init_database

    revision = init_database(ctx.obj.database_url)
    click.echo(f"database ready at revision {revision}: {ctx.obj.database_url}")


@main.command()
@click.pass_context
def verify(ctx: click.Context) -> None:
    """Recompute the log's hash chain; exit 1 naming the first bad position."""
    result = _store(ctx).verify()
    if not result.ok:
        click.echo(f"tracker: log does not verify: {result.message}", err=True)
        ctx.exit(1)
    click.echo(f"ok: {result.count} events, head {result.head_position} {result.head_hash}")


def _parse_published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    from dateutil import parser as dateutil_parser

    try:
        return dateutil_parser.isoparse(value)
    except ValueError as exc:
        raise click.BadParameter(f"not an ISO 8601 time: {value!r}") from exc


@main.command()
@click.option(
    "--published", callback=_parse_published, help="Publication time (ISO 8601) to resolve relative dates."
)
@click.option("--title", help="The article's title.")
@click.option("--url", help="The article's URL (kept as evidence).")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True
)
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
def extract(published: datetime | None, title: str | None, url: str | None, fmt: str, source: Any) -> None:
    """Print the events found in an article (FILE or - for stdin), one JSON object per line."""
    from events.model import to_wire
    from tracker.extract import extract as run_extract
    from tracker.output import emit

    try:
        text = source.read()
    except UnicodeDecodeError as exc:
        raise click.BadParameter(
            f"not UTF-8 text ({exc.reason} at byte {exc.start})", param_hint="SOURCE"
        ) from exc
    events = [to_wire(e) for e in run_extract(text, title=title, published=published, url=url)]
    if fmt == "jsonl":
        for event in events:
            sys.stdout.write(orjson.dumps(event).decode() + "\n")
        return
    rows = [{**e, "date": (e.get("occurred") or {}).get("date"), "actors": e["roles"]} for e in events]
    emit(rows, fmt, ["type", "date", "actors", "status", "summary"])
