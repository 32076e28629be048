"""One poll cycle: fetch the due feeds concurrently, parse them on every core, store what is new.

    main thread, asyncio      fetch (httpx; bounded overall and per host)
    process pool             parse_feed, and the extraction hook (CPU-bound, picklable in/out)
    main thread, sync         every database write (SQLite has one writer)

A feed's slot in the concurrency bound is held from its fetch to its
stored articles, so at most ``concurrency`` fetched bodies wait in memory.
The pool only starts when more than ``pool_threshold`` feeds are due: a
worker costs more than parsing a handful of feeds in process.

Each feed's new articles and their events are written in one transaction
(tracker.feeds.articles); the feed's status and validators are written
*after* it, in a batch of their own (tracker.feeds.status). A poll killed in
between fetches the feed again next time and finds its articles stored: no
loss (the ETag is never ahead of the articles), no duplicates.

Per-feed problems come back in :class:`PollResult` as values; only database
errors (and bugs) raise.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import multiprocessing
import os
import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache, partial
from typing import Any

import httpx

from events.store import EventStore, wrap_errors
from tracker.feeds import articles, leases
from tracker.feeds.fetch import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_BYTES,
    HostLimiter,
    Outcome,
    default_user_agent,
    fetch,
    make_client,
)
from tracker.feeds.parse import ParsedFeed, parse_feed
from tracker.feeds.status import FeedState, FeedUpdate, StatusWriter, feed_update, usable
from tracker.heap import young_gc_only

log = logging.getLogger(__name__)

DEFAULT_CONCURRENCY = 16
Progress = Callable[[int, int], None]


def default_extract(text: str, *, title: str | None, published: datetime | None, url: str | None) -> Any:
    """The real extractor, imported on first use (it is a separate, heavier package)."""
    from tracker.extract import extract

    return extract(text, title=title, published=published, url=url)


@dataclass(frozen=True)
class PollSettings:
    """Limits and knobs of a cycle; the defaults suit a daemon polling the open web."""

    per_host: int = 2
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = DEFAULT_DEADLINE
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int | None = None  # parse processes; None = one per core
    pool_threshold: int = 8
    user_agent: str | None = None
    rng: random.Random | None = None  # backoff jitter (tests pass a seeded one)
    transport: httpx.AsyncBaseTransport | None = None


@dataclass(frozen=True)
class FeedProblem:
    """One feed's failure (or, in ``warnings``, a non-fatal problem), as a value."""

    feed_id: int
    url: str
    status: str
    error: str
    http_status: int | None = None
    next_poll_at: datetime | None = None


@dataclass
class PollResult:
    polled: int = 0
    not_modified: int = 0
    failed: int = 0
    new_articles: int = 0
    new_revisions: int = 0
    new_events: int = 0
    seconds: float = 0.0
    stopped: bool = False  # asked to stop before every feed was polled
    interrupted: int = 0  # feeds whose fetch had begun when the stop cancelled it (not stored)
    lost_leases: int = 0
    failures: list[FeedProblem] = field(default_factory=list)
    warnings: list[FeedProblem] = field(default_factory=list)


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _fixed(now: datetime) -> Callable[[], datetime]:
    return lambda: now


@cache
def _user_agent() -> str:
    """Once per process: finding the package version scans sys.path (0.3 s a poll, measured)."""
    return default_user_agent()


def poll(
    store: EventStore,
    *,
    feed: str | int | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    now: datetime | None = None,
    extract: articles.ExtractFn | None = None,
    progress: Progress | None = None,
    settings: PollSettings | None = None,
    owner: str | None = None,
    limit: int | None = None,
    stop: threading.Event | None = None,
) -> PollResult:
    """Poll the due feeds (or ``feed``, by id or URL) once; see the module docstring.

    The feeds are leased to ``owner`` first (tracker.feeds.leases), at most ``limit`` of them,
    so pollers sharing a database never fetch a feed twice; those not finished are given back.
    Setting ``stop`` cancels the fetches still running; what was stored stays stored.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    started = time.monotonic()
    # A given ``now`` is the time of the whole cycle (tests); otherwise each feed's outcome is
    # stamped when its poll ends, so its next poll is a full interval after the request.
    clock = _fixed(now.astimezone(UTC)) if now is not None else _utcnow
    now = clock()
    settings = settings or PollSettings()
    owner = owner or leases.new_owner("poll")
    if feed is not None:
        due = [leases.claim_one(store.engine, owner, feed, now)]
    else:
        due = leases.claim_due(store.engine, owner, now, limit=limit)
    cycle = _Cycle(store, now, extract or default_extract, settings, progress, len(due), owner, stop)
    cycle.clock = clock
    try:
        with young_gc_only():
            asyncio.run(cycle.run(due, concurrency))
    finally:
        cycle.pool.close()
        if due:
            leases.release(store.engine, owner)  # the feeds not finished (stopped, or a crash)
    cycle.result.seconds = time.monotonic() - started
    cycle.result.lost_leases = len(cycle.statuses.lost)
    cycle.result.interrupted = cycle.started - cycle.result.polled
    return cycle.result


class _Pool:
    """Worker processes for parsing, started on the first document to parse, and only when
    enough feeds are due to pay for them: a cycle of 304s never starts one (see _context)."""

    def __init__(self, count: int, settings: PollSettings) -> None:
        self.workers = min(settings.workers or os.cpu_count() or 1, count)
        self.wanted = count > settings.pool_threshold and self.workers > 1
        self.executor: Executor | None = None

    def get(self) -> Executor | None:
        if self.wanted and self.executor is None:
            # gc.freeze: the heap a worker starts with (inherited on fork) is never scanned by
            # its collections, nor copied page by page when they would touch it: 2.9 -> 0.2 ms
            # of collection per parsed feed of bench/poll.py, in a process with this one's imports.
            self.executor = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=gc.freeze)
        return self.executor

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    """fork while this process has no other thread (workers start in milliseconds, warm);
    forkserver otherwise, since forking a threaded process can deadlock in the child.

    With fork, ProcessPoolExecutor starts every worker at the first submit, in this thread.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["tracker.feeds.parse", "tracker.feeds.articles"])
        return context
    return multiprocessing.get_context("spawn")


class _Cycle:
    def __init__(
        self,
        store: EventStore,
        now: datetime,
        hook: articles.ExtractFn,
        settings: PollSettings,
        progress: Progress | None,
        total: int,
        owner: str,
        stop: threading.Event | None,
    ) -> None:
        self.store, self.now, self.hook, self.settings = store, now, hook, settings
        self.progress, self.total, self.stop = progress, total, stop
        self.pool = _Pool(total, settings)
        self.clock = _fixed(now)
        self.result = PollResult()
        self.started = 0  # feeds that took a fetch slot; those not tallied were interrupted
        self.statuses = StatusWriter(store.engine, owner=owner)

    async def run(self, due: Sequence[FeedState], concurrency: int) -> None:
        settings = self.settings
        async with make_client(
            user_agent=settings.user_agent or _user_agent(),
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.read_timeout,
            # Room for idle keep-alive connections to more hosts than fetch at once: with as
            # many as in flight, round-robin over hosts reconnected on every fetch (bench/poll.py).
            max_connections=concurrency * 4,
            per_host=settings.per_host,
            transport=settings.transport,
        ) as client:
            limiter = HostLimiter(settings.per_host)
            slots = asyncio.Semaphore(concurrency)  # below the client's max_connections
            tasks = [asyncio.create_task(self._feed(client, limiter, slots, feed)) for feed in due]
            watcher = asyncio.create_task(self._watch(tasks)) if self.stop is not None else None
            try:
                for done, task in enumerate(asyncio.as_completed(tasks), 1):
                    try:
                        await task
                    except asyncio.CancelledError:
                        if self.result.stopped:
                            break
                        raise
                    if self.progress:
                        self.progress(done, self.total)
            finally:
                if watcher is not None:
                    watcher.cancel()
                for task in tasks:
                    task.cancel()
                self.statuses.flush()

    async def _watch(self, tasks: Sequence[asyncio.Task[None]]) -> None:
        """Cancel the feeds still in flight once ``stop`` is set. A feed's writes are synchronous
        (no await inside a transaction), so a cancellation never cuts one in half."""
        assert self.stop is not None
        while not self.stop.is_set():
            await asyncio.sleep(0.05)
        self.result.stopped = True
        for task in tasks:
            task.cancel()

    async def _feed(
        self, client: httpx.AsyncClient, limiter: HostLimiter, slots: asyncio.Semaphore, feed: FeedState
    ) -> None:
        async with slots:
            self.started += 1
            result = await fetch(
                client, feed.url, etag=feed.etag, last_modified=feed.last_modified, now=self.now,
                limiter=limiter, deadline=self.settings.deadline, max_bytes=self.settings.max_bytes,
            )  # fmt: skip
            parsed = await self._parse(result.body or b"", result) if result.outcome is Outcome.OK else None
            stored = await self._store(feed, parsed) if usable(parsed) and parsed else articles.Stored()
        warning = "; ".join(stored.extract_errors) or None
        ended = self.clock()
        change = feed_update(feed, result, parsed, ended, warning=warning, rng=self.settings.rng)
        self.statuses.add(change)
        self._tally(feed, change, stored)

    async def _parse(self, body: bytes, result: Any) -> ParsedFeed:
        job = partial(
            parse_feed, body, url=result.final_url or result.url, headers=dict(result.headers),
            fetched_at=self.now,
        )  # fmt: skip
        pool = self.pool.get()
        if pool is None:
            return job()
        return await asyncio.get_running_loop().run_in_executor(pool, job)

    async def _store(self, feed: FeedState, parsed: ParsedFeed) -> articles.Stored:
        entries = parsed.entries
        if not entries:
            return articles.Stored()
        with wrap_errors("read articles"), self.store.engine.connect() as conn:
            known = articles.known_keys(conn, entries)
        wanted = [write.index for write in articles.decide(entries, known, 0).writes]
        extracted = await self._extract(entries, wanted)
        with self.store.writing() as conn:
            return articles.write_feed(self.store, conn, feed.id, entries, extracted, self.hook, self.now)

    async def _extract(self, entries: Sequence[Any], wanted: list[int]) -> dict[int, articles.Extracted]:
        if not wanted:
            return {}
        batch = [entries[i] for i in wanted]
        pool = self.pool.get()
        if pool is None:
            found = articles.extract_many(self.hook, batch)
        else:
            job = partial(articles.extract_many, self.hook, batch)
            found = await asyncio.get_running_loop().run_in_executor(pool, job)
        return dict(zip(wanted, found, strict=True))

    def _tally(self, feed: FeedState, change: FeedUpdate, stored: articles.Stored) -> None:
        result = self.result
        result.polled += 1
        result.not_modified += change.last_status == Outcome.NOT_MODIFIED
        result.new_articles += stored.new_articles
        result.new_revisions += stored.new_revisions
        result.new_events += stored.new_events
        problem = FeedProblem(
            feed.id, feed.url, str(change.last_status), change.last_error or "",
            change.last_http_status, change.next_poll_at,
        )  # fmt: skip
        if change.failed:
            result.failed += 1
            result.failures.append(problem)
        elif change.last_error:
            result.warnings.append(problem)
