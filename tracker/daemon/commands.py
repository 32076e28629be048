"""`tracker daemon`: options in, one :class:`tracker.daemon.service.Daemon`, log lines out."""

from __future__ import annotations

import logging
import re
import sys
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from tracker.daemon.service import DIGEST_FORMATS, Daemon, DaemonSettings


def zone(_ctx: click.Context | None, _param: click.Parameter | None, value: str | None) -> ZoneInfo | None:
    if value is None:
        return None
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise click.BadParameter(f"not an IANA time zone: {value!r} (e.g. UTC, Asia/Kolkata)") from exc


def _digest_at(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> tuple[time, ZoneInfo | None] | None:
    """``07:00`` or ``07:00 Asia/Kolkata``; ``off`` for no scheduled digest."""
    if value is None or value.strip().lower() == "off":
        return None
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?:\s+(\S+))?\s*", value)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise click.BadParameter(f"not a time of day HH:MM [ZONE]: {value!r}")
    return time(int(match.group(1)), int(match.group(2))), zone(None, None, match.group(3))


@click.command("daemon")
@click.option("--once", is_flag=True, help="Run one cycle (poll, catch up, today's digest) and exit.")
@click.option(
    "--tick", type=click.FloatRange(1, 3600), default=45, show_default=True, help="Seconds between cycles."
)
@click.option("--jitter", type=click.FloatRange(0, 600), default=15, show_default=True, help="± seconds.")
@click.option("--concurrency", type=click.IntRange(1, 256), default=16, show_default=True)
@click.option(
    "--max-feeds", type=click.IntRange(1), default=200, show_default=True, help="Feeds claimed per cycle."
)
@click.option(
    "--digest-at", callback=_digest_at, default="07:00", show_default=True,
    help="When to write the previous day's digest: HH:MM [ZONE], or off.",
)  # fmt: skip
@click.option("--tz", callback=zone, help="Time zone of the digest day and --digest-at (default UTC).")
@click.option("--digest-dir", type=click.Path(path_type=Path, file_okay=False), help="Where digests go.")
@click.option("-v", "--verbose", is_flag=True, help="Log debug lines too.")
@click.pass_context
def daemon_command(
    ctx: click.Context,
    once: bool,
    tick: float,
    jitter: float,
    concurrency: int,
    max_feeds: int,
    digest_at: tuple[time, ZoneInfo | None] | None,
    tz: ZoneInfo | None,
    digest_dir: Path | None,
    verbose: bool,
) -> None:
    """Poll the feeds on a schedule, keep the projections caught up, write the daily digest.

    Several daemons may share one PostgreSQL database: feeds are leased, so none
    is polled twice in its interval, and each day's digest is written once.
    SIGTERM or Ctrl-C stops it cleanly (exit 0).
    """
    from tracker.db import store_for

    _logging(verbose)
    zone_ = tz or (digest_at[1] if digest_at and digest_at[1] else None) or ZoneInfo("UTC")
    directory = digest_dir or ctx.obj.digest_dir
    settings = DaemonSettings(
        tick=tick, jitter=min(jitter, tick / 2), concurrency=concurrency, max_feeds=max_feeds,
        digest_at=digest_at[0] if digest_at else None, tz=zone_, digest_dir=directory,
        digest_formats=DIGEST_FORMATS,
    )  # fmt: skip
    store = store_for(ctx)
    daemon = Daemon(store, settings)
    when = f"daily at {settings.digest_at:%H:%M} {zone_.key}" if settings.digest_at else "not scheduled"
    click.echo(f"tracker daemon: database {_safe(ctx.obj.database_url)}", err=True)
    click.echo(f"tracker daemon: digests in {directory} ({when})", err=True)
    if once:
        daemon.once()
        return
    click.echo(f"tracker daemon: polling every {tick:g} s (±{settings.jitter:g}); Ctrl-C to stop", err=True)
    daemon.run()
    click.echo("tracker daemon: stopped", err=True)


def _logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("apscheduler", "httpx", "httpcore", "alembic"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if verbose else logging.WARNING)


def _safe(url: str) -> str:
    """The database URL without its password."""
    return re.sub(r"//([^:/@]+):[^@/]+@", r"//\1:***@", url)
