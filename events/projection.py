"""Projections: read models rebuilt from the log, applied exactly once.

A projection's rows and its checkpoint are written in the same transaction,
so a crash or a handler that raises leaves both as they were: the batch is
applied again on the next run, never half and never twice. A projection whose
``version`` changed is rebuilt from position 0 on its next catch-up.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import Connection, Index, Table, bindparam, delete, insert, select, text, update
from sqlalchemy.schema import CreateIndex, DropIndex

from events import parallel
from events.errors import ProjectionError
from events.schema import projection_checkpoints as checkpoints
from events.store import EventStore, Record, wrap_errors

Handler = Callable[[Connection, Record], None]
Progress = Callable[[int, int], None]


class Projection:
    """Base class: set ``name``, ``version``, ``tables`` and ``handlers`` (event type -> function).

    Subclasses with a faster bulk path override ``apply``; handlers for types
    a projection does not know are simply not called.
    """

    name: ClassVar[str]
    version: ClassVar[int] = 1
    tables: ClassVar[Sequence[Table]] = ()
    # Indexes of ``tables`` only queries use, not ``apply``: a rebuild drops them and creates
    # each once at its end (one sort) instead of maintaining them row by row.
    deferred_indexes: ClassVar[Sequence[Index]] = ()
    # Event types whose events never touch the rows of another's (the timeline: a development
    # has one type). A rebuild may then replay groups of them in processes of their own
    # (events.parallel); ``control_types`` (records about other events) go to every group.
    partition_types: ClassVar[frozenset[str]] = frozenset()
    control_types: ClassVar[tuple[str, ...]] = ()

    def handlers(self) -> dict[str, Handler]:
        return {}

    def apply(self, conn: Connection, records: Sequence[Record]) -> None:
        table = self.handlers()
        for record in records:
            handler = table.get(record.type)
            if handler is not None:
                handler(conn, record)

    def clear(self, conn: Connection) -> None:
        for table in reversed(self.tables):
            conn.execute(delete(table))

    def partition(self, share: float) -> Projection:
        """A fresh projection for a process replaying ``share`` of the log (parallel rebuilds)."""
        return type(self)()

    def forget(self) -> None:
        """Another process wrote the rows: drop whatever this object keeps of them."""


@dataclass(frozen=True, slots=True)
class Checkpoint:
    name: str
    version: int
    position: int


class ProjectionRunner:
    """Catches a projection up with the log, or rebuilds it, one transaction per batch."""

    def __init__(
        self,
        store: EventStore,
        projection: Projection,
        batch_size: int = 5000,
        *,
        types: Sequence[str] = (),
        workers: int = 1,
    ) -> None:
        """``types``: only events of these types (a parallel rebuild's share); ``workers``:
        processes a rebuild may use (events.parallel; SQLite files only)."""
        self.store = store
        self.projection = projection
        self.batch_size = batch_size
        self.types = tuple(types)
        self.workers = workers
        self.parallel_from = parallel.MIN_EVENTS  # smaller logs replay in this process
        # Batches take the write lock when they begin (SQLite: BEGIN IMMEDIATE), so that two
        # processes catching up queue rather than fail; a parallel rebuild's process writes a
        # file of its own, and an immediate BEGIN would lock the log attached to it as well.
        self.immediate = True

    def checkpoint(self) -> Checkpoint | None:
        with wrap_errors("checkpoint"), self.store.engine.connect() as conn:
            return self.read_checkpoint(conn, lock=False)

    def lag(self) -> int:
        point = self.checkpoint()
        return self.store.head().position - (point.position if point else 0)

    def catch_up(self, until: int | None = None, progress: Progress | None = None) -> int:
        """Apply the events after the checkpoint (up to ``until``); returns how many were read."""
        self._create_indexes()  # a rebuild that stopped half way left them out
        return self.replay(until, progress)

    def replay(self, until: int | None, progress: Progress | None = None) -> int:
        """Apply batches after the checkpoint up to ``until`` (None: the head)."""
        applied = 0
        with _collector_paused():
            while True:
                done, read = self._step(until, rebuild=False)
                applied += read
                if progress is not None:
                    progress(applied, done)
                if read < self.batch_size:
                    return applied

    def rebuild(self, progress: Progress | None = None) -> int:
        """Clear the projection's rows and replay the whole log.

        Without the projection's ``deferred_indexes`` until the end: for the timeline, 1M
        events, 47.6 -> 44.8 s of CPU with 0.4 s to create them (bench/timeline.py). A
        rebuild that stops on the way leaves them out; the next catch-up creates them.
        """
        self.drop_indexes()
        log, groups, until = self._partitions()
        if log is not None:
            read = parallel.rebuild(self, log, groups, until, progress)
        else:
            self.reset()
            read = 0
        read += self.replay(None, progress)
        self._create_indexes()
        return read

    def reset(self) -> None:
        """Clear the rows and set the checkpoint to the start of the log."""
        self._step(until=0, rebuild=True)

    def _partitions(self) -> tuple[str | None, list[tuple[str, ...]], int]:
        """(database file, groups of types, last position) of a rebuild in processes of their
        own; the file is None when it runs in this one."""
        types, log = self.projection.partition_types, parallel.database_file(self.store.engine)
        if self.workers < 2 or not types or log is None:
            return None, [], 0
        until = self.store.head().position
        if until < self.parallel_from:
            return None, [], 0
        groups = parallel.plan(parallel.shares(self.store, until), types, self.workers)
        return (log, groups, until) if len(groups) > 1 else (None, [], 0)

    def drop_indexes(self) -> None:
        if self.projection.deferred_indexes:
            with wrap_errors("drop indexes"), self.store.engine.begin() as conn:
                for index in self.projection.deferred_indexes:
                    conn.execute(DropIndex(index, if_exists=True))

    def _create_indexes(self) -> None:
        """Create the deferred indexes that are missing.

        Looked up first, without a lock: PostgreSQL's CREATE INDEX IF NOT EXISTS takes a lock
        that waits for the batch another process is writing. The look-up adds 0.3 ms of CPU
        to every catch-up on SQLite (a catch-up with nothing to read: 0.17 -> 0.45 ms).
        """
        indexes = self.projection.deferred_indexes
        if not indexes:
            return
        names = [str(index.name) for index in indexes]
        # Unmapped: the mapped pages of the tables an index is built from counted in a rebuild's
        # peak RSS (bench/timeline.py, 1M events: 773 MB).
        with wrap_errors("create indexes"), self.store.engine.connect() as conn, unmapped(conn):
            if conn.dialect.name == "sqlite":
                query = text("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN :names")
            else:
                query = text(
                    "SELECT indexname FROM pg_indexes "
                    "WHERE schemaname = current_schema() AND indexname IN :names"
                )
            found = set(
                conn.execute(query.bindparams(bindparam("names", expanding=True)), {"names": names}).scalars()
            )
            missing = [index for index in indexes if index.name not in found]
            for index in missing:
                conn.execute(CreateIndex(index, if_not_exists=True))
            conn.commit()

    def _step(self, until: int | None, rebuild: bool) -> tuple[int, int]:
        name = self.projection.name
        with wrap_errors(f"projection {name}"), self.store.engine.connect() as conn, unmapped(conn):
            conn = conn.execution_options(immediate=self.immediate)
            with conn.begin():
                point = self.read_checkpoint(conn, lock=True)
                if rebuild or point is None or point.version != self.projection.version:
                    self.projection.clear(conn)
                    point = self.save(conn, point, 0)
                if until is not None and point.position >= until:
                    return point.position, 0
                records = self.store.read_page(conn, point.position, self.batch_size, until, self.types)
                if not records:
                    return point.position, 0
                self._apply(conn, records)
                self.save(conn, point, records[-1].position)
                return records[-1].position, len(records)

    def _apply(self, conn: Connection, records: Sequence[Record]) -> None:
        try:
            self.projection.apply(conn, records)
        except Exception as exc:
            name = self.projection.name
            raise ProjectionError(
                f"projection {name} failed between positions {records[0].position} and "
                f"{records[-1].position}: {exc}",
                name,
                records[0].position,
            ) from exc

    def read_checkpoint(self, conn: Connection, lock: bool) -> Checkpoint | None:
        query = select(checkpoints.c.name, checkpoints.c.version, checkpoints.c.position).where(
            checkpoints.c.name == self.projection.name
        )
        if lock and conn.dialect.name == "postgresql":
            # Two daemons catching up the same projection take turns on this row.
            self._ensure_row(conn)
            query = query.with_for_update()
        row = conn.execute(query).first()
        return Checkpoint(row[0], row[1], row[2]) if row else None

    def _ensure_row(self, conn: Connection) -> None:
        conn.execute(
            text(
                "INSERT INTO projection_checkpoints (name, version, position, updated_at) "
                "VALUES (:n, -1, 0, :t) ON CONFLICT (name) DO NOTHING"
            ),
            {"n": self.projection.name, "t": datetime.now(UTC)},
        )

    def save(self, conn: Connection, point: Checkpoint | None, position: int) -> Checkpoint:
        values: dict[str, Any] = {
            "version": self.projection.version,
            "position": position,
            "updated_at": datetime.now(UTC),
        }
        if point is None:
            conn.execute(insert(checkpoints).values(name=self.projection.name, **values))
        else:
            conn.execute(update(checkpoints).where(checkpoints.c.name == point.name).values(**values))
        return Checkpoint(self.projection.name, self.projection.version, position)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while batches run; one at the end (if it was on).

    Batches allocate millions of objects that reference counting frees, while a
    projection's long-lived state grows: collections kept walking that state, a third
    of a timeline rebuild's CPU (bench/timeline.py, 200k events: 11.5 -> 8.5 s). Paused
    per batch instead, the collection owed at each re-enable still cost 40 ms a batch.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@contextmanager
def unmapped(conn: Connection) -> Iterator[None]:
    """On SQLite, a batch reads without the engine's memory map (restored for the connection's next user).

    The engine maps up to 1 GiB of the database file and a rebuild reads all of it: the
    mapped pages counted in its peak RSS (bench/timeline.py, 1M events: 1,204 MB; 288 MB
    without). SQLite then reads the pages from the OS cache, for no measurable CPU time
    (200k events: 7.8-7.95 s unmapped, 7.6-7.8 s mapped).
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    driver = conn.connection.driver_connection  # not conn.exec_driver_sql: it would begin a transaction
    assert driver is not None
    mapped = int(driver.execute("PRAGMA mmap_size").fetchone()[0])
    if mapped:
        driver.execute("PRAGMA mmap_size=0")
    try:
        yield
    finally:
        if mapped:
            driver.execute(f"PRAGMA mmap_size={int(mapped)}")
