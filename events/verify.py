"""Verifying the hash chain, in parallel ranges for a large log.

Each row is checked against the *stored* hash of the row before it, so
ranges of the log verify independently and a long log is split across
processes (one per core).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, NullPool

from events.engine import is_sqlite, make_engine
from events.errors import wrap_errors
from events.records import chain_hash, micros, select_columns, utc


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    count: int
    head_position: int
    head_hash: str
    bad_position: int | None = None
    message: str = ""


PARALLEL_VERIFY_MIN = 200_000  # below this, starting processes costs more than it saves


def verify_log(
    engine: Engine, head: int, hash_at: Callable[[int], str], workers: int | None = None
) -> VerifyResult:
    """Verify positions 1..head, split into ``workers`` ranges (default: one per core for a large log)."""
    workers = workers or (min(os.cpu_count() or 1, 8) if head >= PARALLEL_VERIFY_MIN else 1)
    bounds = [head * i // workers for i in range(workers + 1)]
    ranges = [(bounds[i], bounds[i + 1]) for i in range(workers)]
    with wrap_errors("verify"):
        starts = [hash_at(after) for after, _ in ranges]
        if workers == 1:
            parts = [_verify_range(engine, ranges[0][0], ranges[0][1], starts[0])]
        else:
            url = engine.url.render_as_string(hide_password=False)
            context = _process_context()
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                jobs = [
                    pool.submit(_verify_url_range, url, a, b, h)
                    for (a, b), h in zip(ranges, starts, strict=True)
                ]
                parts = [job.result() for job in jobs]
    count = 0
    for part in parts:
        count += part.count
        if not part.ok:
            return VerifyResult(
                False, count, part.head_position, part.head_hash, part.bad_position, part.message
            )
    return VerifyResult(True, count, head, parts[-1].head_hash)


def _process_context() -> Any:
    """Fork when this process runs a single thread (a worker then starts at once, with no imports
    to repeat: about a second per worker saved on `tracker verify`); spawn otherwise, since a
    fork copies whatever locks other threads hold. Workers open connections of their own."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _verify_url_range(url: str, after: int, until: int, previous: str) -> VerifyResult:
    engine = make_engine(url, poolclass=NullPool)
    try:
        with wrap_errors("verify"):
            return _verify_range(engine, after, until, previous)
    finally:
        engine.dispose()


def _verify_range(
    engine: Engine, after: int, until: int, previous: str, page_size: int = 20_000
) -> VerifyResult:
    sqlite = is_sqlite(engine)
    mark = "?" if sqlite else "%s"
    sql = (
        f"SELECT {select_columns(sqlite)} FROM event_log "
        f"WHERE position > {mark} AND position <= {mark} ORDER BY position"
    )
    with engine.connect() as conn:
        # On PostgreSQL a named (server-side) cursor: a large log is never held in memory at once.
        driver: Any = conn.connection.driver_connection
        cursor = driver.cursor(**({} if sqlite else {"name": "verify"}))
        try:
            cursor.execute(sql, (after, until))
            return _verify_rows(_pages(cursor, page_size), after, until, previous)
        finally:
            cursor.close()


def _pages(cursor: Any, size: int) -> Iterator[Sequence[Any]]:
    while rows := cursor.fetchmany(size):
        yield from rows


def _verify_rows(rows: Iterable[Sequence[Any]], after: int, until: int, previous: str) -> VerifyResult:
    expected, count = after + 1, 0
    stamps: dict[Any, int] = {}  # a batch shares one recorded_at: convert each once
    for position, key, type_, version, payload, recorded_at, stored in rows:
        if position != expected:
            message = f"position {expected} is missing (next stored is {position})"
            return VerifyResult(False, count, expected - 1, previous, expected, message)
        stamp = stamps.get(recorded_at)
        if stamp is None:
            if len(stamps) > 4096:
                stamps.clear()
            stamp = stamps[recorded_at] = micros(utc(recorded_at))
        body = payload.encode() if isinstance(payload, str) else bytes(payload)  # str: a tampered row
        if chain_hash(previous, position, type_, version, key, stamp, body) != stored:
            message = (
                f"position {position}: the stored event does not match its hash (altered or chain broken)"
            )
            return VerifyResult(False, count, expected - 1, previous, expected, message)
        previous, expected, count = stored, expected + 1, count + 1
    if expected <= until:
        message = f"position {expected} is missing (the log ends before its head {until})"
        return VerifyResult(False, count, expected - 1, previous, expected, message)
    return VerifyResult(True, count, expected - 1, previous)
