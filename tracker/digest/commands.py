"""`tracker digest`: the day's new and updated developments, as Markdown, HTML, JSON or Atom."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from tracker import options

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if not _DAY.match(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"not a day (YYYY-MM-DD): {value!r}") from exc


def _zone(_ctx: click.Context, _param: click.Parameter, value: str) -> tzinfo:
    if value.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise click.BadParameter(f"not an IANA time zone (e.g. Asia/Kolkata): {value!r}") from exc


@click.command("digest")
@click.option(
    "--date", "day", callback=_day, metavar="YYYY-MM-DD", help="The day (YYYY-MM-DD) in --tz; default: today."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "json", "atom"]),
    default="md",
    show_default=True,
    help="Markdown, one self-contained HTML file, JSON, or an Atom feed.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file (replaced atomically) instead of stdout.",
)
@click.option(
    "--actor",
    "actors",
    multiple=True,
    callback=options.actors,
    metavar="CODE",
    help="Only developments involving one of these actors (repeat or comma-separate: IND,RUS).",
)
@click.option(
    "--tz",
    callback=_zone,
    default="UTC",
    show_default=True,
    metavar="ZONE",
    help="IANA time zone the day is counted in (e.g. Asia/Kolkata).",
)
@click.pass_context
def digest_command(
    ctx: click.Context, day: date | None, fmt: str, out: Path | None, actors: tuple[str, ...], tz: tzinfo
) -> None:
    """The day's new and updated developments (events recorded that day), what moved, feed health
    and the log head."""
    from tracker import projections
    from tracker.db import store_for
    from tracker.digest.collect import build_digest, today
    from tracker.digest.render import render_digest
    from tracker.output import write_atomic

    store = store_for(ctx)
    projections.catch_up_shown(store)
    now = datetime.now(UTC)
    digest = build_digest(store, day=day or today(tz, now), tz=tz, actors=actors, now=now)
    text = render_digest(digest, fmt)
    if out is None:
        click.echo(text, nl=False)
        return
    write_atomic(out, text)
    click.echo(f"wrote {out}", err=True)
