"""``tracker feeds ...`` and ``tracker poll``: thin click commands over registry.py and poll.py.

Runtime errors (a bad URL, a duplicate feed, an unknown id, the database)
raise TrackerError / EventStoreError, which the root group prints as one line
with exit 1; bad options are click's usage errors (exit 2). A poll exits 0
when the cycle ran, however many feeds failed: those are reported, one line each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from tracker.errors import FeedError
from tracker.feeds import registry
from tracker.output import emit, output_options, stderr_progress

LIST_COLUMNS = [
    "id",
    "url",
    "title",
    "tags",
    "interval",
    "enabled",
    "last_status",
    "error_count",
    "next_poll_at",
]
SHOW_FIELDS = [
    "id", "url", "title", "tags", "interval", "enabled", "disabled_reason", "last_status",
    "last_http_status", "last_error", "error_count", "last_polled_at", "next_poll_at", "etag",
    "last_modified", "created_at",
]  # fmt: skip


def _store(ctx: click.Context) -> Any:
    from tracker.db import store_for

    return store_for(ctx)


def _interval(_ctx: click.Context, _param: click.Parameter, value: str | None) -> int:
    if value is None:
        return registry.DEFAULT_INTERVAL
    try:
        return registry.parse_interval(value)
    except FeedError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.group()
def feeds() -> None:
    """Manage the feeds to poll: add, list, show, remove, import and export OPML."""


@feeds.command("add")
@click.argument("url")
@click.option("--title", help="A title of your own (default: the feed's).")
@click.option("--interval", callback=_interval, help="How often to poll: 30m, 2h, 1d (default 30m).")
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for several.")
@click.pass_context
def add(ctx: click.Context, url: str, title: str | None, interval: int, tags: tuple[str, ...]) -> None:
    """Register the feed at URL (http, https or file)."""
    feed = registry.add_feed(_store(ctx).engine, url, title=title, interval=interval, tags=tags)
    click.echo(f"added feed {feed.id}: {feed.url}")


@feeds.command("list")
@output_options()
@click.pass_context
def list_(ctx: click.Context, fmt: str | None) -> None:
    """List the registered feeds."""
    emit((feed.row() for feed in registry.list_feeds(_store(ctx).engine)), fmt, LIST_COLUMNS)


@feeds.command("show")
@click.argument("feed")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def show(ctx: click.Context, feed: str, fmt: str) -> None:
    """Show one feed (by id or URL): last status, errors, next poll, validators."""
    row = registry.get_feed(_store(ctx).engine, feed).row()
    if fmt == "json":
        emit([row], "json", SHOW_FIELDS)
        return
    width = max(len(name) for name in SHOW_FIELDS)
    for name in SHOW_FIELDS:
        value = row[name]
        text = ", ".join(value) if isinstance(value, list) else "" if value is None else str(value)
        click.echo(f"{name:<{width}}  {text}")


@feeds.command("remove")
@click.argument("feed")
@click.pass_context
def remove(ctx: click.Context, feed: str) -> None:
    """Unsubscribe from a feed (by id or URL); its stored articles are kept."""
    removed = registry.remove_feed(_store(ctx).engine, feed)
    click.echo(f"removed feed {removed.id}: {removed.url}")


@feeds.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--interval", callback=_interval, help="Interval for the imported feeds (default 30m).")
@click.pass_context
def import_(ctx: click.Context, source: Path, interval: int) -> None:
    """Add the feeds of an OPML file; report how many were added, already present, invalid."""
    report = registry.import_opml(_store(ctx).engine, source.read_bytes(), interval=interval)
    for problem in report.problems:
        click.echo(f"invalid: {problem}", err=True)
    click.echo(f"{report.added} added, {report.present} already present, {report.invalid} invalid")


@feeds.command("export")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not stdout.")
@click.pass_context
def export(ctx: click.Context, out: Path | None) -> None:
    """Write the registered feeds as OPML 2.0."""
    document = registry.export_opml(_store(ctx).engine)
    if out is None:
        click.echo(document, nl=False)
    else:
        from tracker.output import write_atomic

        click.echo(f"wrote {write_atomic(out, document)}", err=True)


@click.command("poll")
@click.option("--feed", help="Poll only this feed (id or URL), whether due or not.")
@click.option("--concurrency", type=click.IntRange(1, 256), default=16, show_default=True)
@click.option("--verbose", "-v", is_flag=True, help="Details of each failure and warning.")
@click.pass_context
def poll(ctx: click.Context, feed: str | None, concurrency: int, verbose: bool) -> None:
    """Poll the due feeds once: fetch, store new articles, extract their events."""
    from tracker.feeds.poll import poll as run_poll

    store = _store(ctx)
    with stderr_progress("polling") as progress:
        result = run_poll(store, feed=feed, concurrency=concurrency, progress=progress)
    click.echo(
        f"polled {result.polled}, not modified {result.not_modified}, failed {result.failed}, "
        f"new articles {result.new_articles} ({result.new_revisions} revisions), "
        f"new events {result.new_events}, {result.seconds:.1f} s"
    )
    for problem in result.failures:
        click.echo(f"failed: feed {problem.feed_id} {problem.url}: {problem.error}", err=True)
        if verbose:
            _details(problem)
    if verbose:
        for problem in result.warnings:
            click.echo(f"warning: feed {problem.feed_id} {problem.url}: {problem.error}", err=True)


def _details(problem: Any) -> None:
    when = problem.next_poll_at.isoformat() if problem.next_poll_at else "never (disabled)"
    click.echo(f"    status {problem.status}, HTTP {problem.http_status or '-'}, next poll {when}", err=True)
