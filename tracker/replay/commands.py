"""``tracker reextract`` and ``tracker retract``: thin click commands over tracker.replay.

Results go to stdout in the shared output formats; the summary line, the
progress bar and per-article failures go to stderr. Bad options are usage
errors (exit 2); an unknown feed or event, or an event that cannot be
retracted, is one line and exit 1 (the root group prints TrackerError).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from tracker.errors import TrackerError
from tracker.output import emit, output_options, stderr_progress

ARTICLE_COLUMNS = ["article", "revision", "outcome", "old", "new", "appended", "title"]
CHANGE_COLUMNS = ["change", "id", "type", "actors", "date", "what"]


def _store(ctx: click.Context) -> Any:
    from tracker.db import store_for

    return store_for(ctx)


def _since(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    from tracker.timeline.query import period

    try:
        return date.fromisoformat(period(value)[0])
    except TrackerError as exc:
        raise click.BadParameter(str(exc)) from exc


def _reason(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    if not value.strip():
        raise click.BadParameter("must not be empty")
    return value.strip()


@click.command("reextract")
@click.option(
    "--since", callback=_since, help="Only articles published on or after this date (YYYY[-MM[-DD]])."
)
@click.option("--feed", help="Only the articles of this feed (id or URL).")
@click.option("--dry-run", is_flag=True, help="Print the timeline difference and append nothing.")
@output_options()
@click.pass_context
def reextract_command(
    ctx: click.Context, since: date | None, feed: str | None, dry_run: bool, fmt: str | None
) -> None:
    """Run the current extractor over stored articles; append what changed and supersede the old events.

    Each article's newest revision is extracted again. When its events differ
    (ignoring the extractor version), the new events and a record superseding
    the old ones are appended; nothing is edited or deleted. Running it again
    appends nothing.
    """
    from tracker.replay import Selection, preview, reextract

    store = _store(ctx)
    selection = Selection(since=since, feed=feed)
    with stderr_progress("re-extracting") as progress:
        if dry_run:
            result = preview(store, selection=selection, progress=progress)
        else:
            report = reextract(store, selection=selection, progress=progress)
    if dry_run:
        _failures(result.report)
        emit([change.row() for change in result.changes], fmt, CHANGE_COLUMNS, title="timeline difference")
        click.echo(_summary(result.report, dry_run=True) + f"; developments: {_tally(result)}", err=True)
        return
    _failures(report)
    emit([a.row() for a in report.articles], fmt, ARTICLE_COLUMNS, title="re-extraction")
    click.echo(_summary(report, dry_run=False), err=True)


def _failures(report: Any) -> None:
    for article in report.articles:
        if article.error:
            click.echo(f"failed: {article.error}", err=True)


def _summary(report: Any, *, dry_run: bool) -> str:
    changed, total = report.count("re-extracted"), len(report.articles)
    counts = f"{report.count('unchanged')} unchanged, {report.count('failed')} failed"
    if dry_run:
        return (
            f"dry run, nothing appended: {changed} of {total} articles would be re-extracted with "
            f"{report.extractor} ({counts}), appending {report.appended} records"
        )
    return (
        f"re-extracted {changed} of {total} articles with {report.extractor} ({counts}), "
        f"appended {report.appended} records"
    )


def _tally(result: Any) -> str:
    return ", ".join(f"{result.count(kind)} {kind}" for kind in ("added", "removed", "changed"))


@click.command("retract")
@click.argument("event_id")
@click.option(
    "--reason", required=True, callback=_reason, help="Why the event is withdrawn (kept in the log)."
)
@click.pass_context
def retract_command(ctx: click.Context, event_id: str, reason: str) -> None:
    """Withdraw an event: append a retraction and print its id; the event stays in the log.

    Timelines drop the event at once; `tracker timeline --as-of` a time before
    the retraction still shows it.
    """
    from tracker.replay import retract

    record = retract(_store(ctx), event_id, reason)
    click.echo(record.id)
    click.echo(f"retracted {event_id}: {reason}", err=True)
