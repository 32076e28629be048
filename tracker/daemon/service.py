"""The background daemon: poll the due feeds, catch the projections up, export the daily digest.

APScheduler 3 runs the jobs (BlockingScheduler, in-memory job store, UTC);
everything that must hold across processes lives in tracker's own tables,
because APScheduler's job stores cannot be shared between processes:

- feeds are claimed by lease (tracker.feeds.leases), so daemons sharing a
  PostgreSQL database never poll a feed twice in its interval;
- each day's digest is claimed by inserting its row in ``digest_runs``
  (tracker.daemon.claims), so it is written once whatever the number of daemons.

Stopping (SIGTERM, SIGINT or :meth:`Daemon.request_stop`) cancels the fetches
in flight between transactions, lets the running job finish what it is
writing, gives back unfinished leases and returns: no half-written transaction.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from events.store import EventStore
from tracker import projections
from tracker.daemon import claims
from tracker.feeds import leases
from tracker.feeds.poll import PollResult, PollSettings, poll

log = logging.getLogger("tracker.daemon")

Clock = Callable[[], datetime]
DIGEST_FORMATS = ("html", "md", "atom", "json")


@dataclass(frozen=True)
class DaemonSettings:
    tick: float = 45.0  # seconds between poll cycles, give or take ``jitter``
    jitter: float = 15.0
    concurrency: int = 16
    max_feeds: int | None = 200  # per cycle, so that daemons sharing a database share the work
    digest_at: clock_time | None = clock_time(7, 0)
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    digest_dir: Path | None = None
    digest_formats: Sequence[str] = DIGEST_FORMATS
    poll: PollSettings = field(default_factory=PollSettings)


@dataclass(frozen=True)
class CycleReport:
    poll: PollResult
    caught_up: int
    seconds: float

    def line(self) -> str:
        p = self.poll
        if not p.polled and not self.caught_up:
            return f"poll: nothing due ({self.seconds:.1f} s)"
        parts = [f"poll: {p.polled} feeds ({p.not_modified} not modified, {p.failed} failed)"]
        parts.append(f"{p.new_articles} new articles, {p.new_revisions} revisions, {p.new_events} events")
        parts.append(f"projections +{self.caught_up}")
        if p.lost_leases:
            parts.append(f"{p.lost_leases} leases lost")
        if p.stopped:
            parts.append(f"stopped ({p.interrupted} feeds interrupted)" if p.interrupted else "stopped")
        return "; ".join(parts) + f" ({self.seconds:.1f} s)"


class _Stopping(Exception):
    """Raised between projection batches (each committed) when the daemon is asked to stop."""


class Daemon:
    def __init__(
        self,
        store: EventStore,
        settings: DaemonSettings,
        *,
        extract: Any = None,
        clock: Clock | None = None,
    ) -> None:
        self.store, self.settings, self.extract = store, settings, extract
        self._real_clock = clock is None  # then each feed's poll is stamped when it ends
        self.clock = clock or (lambda: datetime.now(UTC))
        self.owner = leases.new_owner("daemon")
        self.stop = threading.Event()
        self._busy = threading.Condition()
        self._running = 0
        self._scheduler: BlockingScheduler | None = None

    # -- the jobs ----------------------------------------------------------------------------

    def cycle(self) -> CycleReport:
        """One poll of the due feeds, then projection catch-up; logs one line."""
        started = self.clock()
        result = poll(
            self.store, now=None if self._real_clock else started, extract=self.extract,
            settings=self.settings.poll, concurrency=self.settings.concurrency, owner=self.owner,
            limit=self.settings.max_feeds, stop=self.stop,
        )  # fmt: skip
        for problem in result.failures:
            log.warning("feed %s %s: %s", problem.feed_id, problem.url, problem.error or problem.status)
        caught_up = self._catch_up()
        report = CycleReport(result, caught_up, (self.clock() - started).total_seconds())
        log.info("%s", report.line())
        return report

    def _catch_up(self) -> int:
        def check(_done: int, _total: int) -> None:
            if self.stop.is_set():
                raise _Stopping

        try:
            return sum(projections.catch_up_all(self.store, progress=check).values())
        except _Stopping:
            return 0

    def digest(self, day: date, *, claim: bool = True) -> list[Path]:
        """Export ``day``'s digest into the digest directory; with ``claim``, only if no daemon has."""
        directory = self.settings.digest_dir
        if directory is None:
            return []
        if claim and not claims.claim_digest(self.store.engine, day, self.owner, self.clock()):
            log.info("digest %s: already written by another daemon", day)
            return []
        try:
            paths = self._export(day, directory)
        except Exception as exc:
            if claim:
                claims.finish_digest(self.store.engine, day, self.owner, self.clock(), error=str(exc))
            raise
        if claim:
            claims.finish_digest(self.store.engine, day, self.owner, self.clock(), paths=paths)
        _publish_latest(paths)
        log.info("digest %s: %s", day, ", ".join(str(p) for p in paths))
        return paths

    def _export(self, day: date, directory: Path) -> list[Path]:
        from tracker.digest import export_digest

        return export_digest(
            self.store, day=day, tz=self.settings.tz, directory=directory,
            formats=self.settings.digest_formats, now=self.clock(),
        )  # fmt: skip

    def scheduled_digest(self) -> list[Path]:
        """The digest job: the calendar day (in the digest time zone) that ended last."""
        today = self.clock().astimezone(self.settings.tz).date()
        return self.digest(today - timedelta(days=1))

    def once(self) -> CycleReport:
        """One cycle, then today's digest so far (unclaimed: a one-off run writes what it sees)."""
        report = self.cycle()
        if not self.stop.is_set():
            self.digest(self.clock().astimezone(self.settings.tz).date(), claim=False)
        return report

    # -- running -----------------------------------------------------------------------------

    def run(self) -> None:
        """Poll at once, then on schedule, until asked to stop; returns when the jobs have finished."""
        scheduler = BlockingScheduler(
            timezone=UTC,
            executors={"default": ThreadPoolExecutor(2)},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        )
        s = self.settings
        scheduler.add_job(
            self._safely(self.cycle), IntervalTrigger(seconds=s.tick, jitter=s.jitter, timezone=UTC),
            id="poll", name="poll", next_run_time=datetime.now(UTC),
        )  # fmt: skip
        if s.digest_at is not None and s.digest_dir is not None:
            trigger = CronTrigger(hour=s.digest_at.hour, minute=s.digest_at.minute, timezone=s.tz)
            scheduler.add_job(self._safely(self.scheduled_digest), trigger, id="digest", name="digest")
            if self._digest_overdue():
                scheduler.add_job(self._safely(self.scheduled_digest), id="digest-catch-up")
        self._scheduler = scheduler
        previous = {sig: signal.signal(sig, self._on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            if not self.stop.is_set():
                scheduler.start()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self._wait_idle()
            leases.release(self.store.engine, self.owner)

    def _digest_overdue(self) -> bool:
        """Started after today's digest time: yesterday's digest may not have been written."""
        assert self.settings.digest_at is not None
        now = self.clock().astimezone(self.settings.tz)
        return now.time() >= self.settings.digest_at

    def request_stop(self) -> None:
        self.stop.set()
        scheduler = self._scheduler
        if scheduler is not None and scheduler.running:
            scheduler.shutdown(wait=False)

    def _on_signal(self, signum: int, _frame: Any) -> None:
        log.info("%s: stopping", signal.Signals(signum).name)
        self.request_stop()

    def _safely(self, job: Callable[[], Any]) -> Callable[[], None]:
        """A job's failure is logged in one line and the daemon carries on to the next run."""

        def run() -> None:
            with self._busy:
                self._running += 1
            try:
                if not self.stop.is_set():
                    job()
            except Exception as exc:
                log.error("%s failed: %s: %s", job.__name__, type(exc).__name__, exc)
                log.debug("traceback", exc_info=True)
            finally:
                with self._busy:
                    self._running -= 1
                    self._busy.notify_all()

        run.__name__ = job.__name__
        return run

    def _wait_idle(self) -> None:
        with self._busy:
            self._busy.wait_for(lambda: self._running == 0)


def _publish_latest(paths: Sequence[Path]) -> None:
    """``digest-latest.xml`` (and .md, .html, .json): one address a feed reader or a browser can
    keep, replaced atomically by each new digest."""
    for path in paths:
        latest = path.with_name(f"digest-latest{path.suffix}")
        temporary = latest.with_name(f".{latest.name}.tmp")
        shutil.copyfile(path, temporary)
        os.replace(temporary, latest)
