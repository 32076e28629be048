"""The append-only event log.

Appends are serialised (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a
transaction-scoped advisory lock), so positions are gapless and increase in
commit order: a reader tailing ``position > checkpoint`` can never skip an
event that commits later with a lower position. Each row extends a SHA-256
hash chain; ``verify()`` recomputes it. UPDATE and DELETE are refused by
triggers the migration installs.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, NamedTuple

import orjson
from sqlalchemy import Connection, Engine, NullPool
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError, SQLAlchemyError

from events.engine import is_sqlite, make_engine
from events.errors import AppendOnlyViolation, EventStoreError, SchemaError, StorageError
from events.model import AnyEvent, from_wire, to_wire, version_of

GENESIS = "0" * 64
ADVISORY_LOCK = 0x7472616B  # "trak": one lock for all appenders of a database
ID_PREFIX = "ev-"
_COLUMNS = "position, key, type, version, payload, recorded_at, chain_hash"
_KEY_CHUNK = 500


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event on its way into the log; ``key`` makes the append idempotent."""

    key: str
    type: str
    payload: dict[str, Any]
    version: int = 1

    @classmethod
    def of(cls, event: AnyEvent, key: str) -> NewEvent:
        payload = to_wire(event)
        for column in ("id", "position", "recorded_at"):
            payload.pop(column, None)
        return cls(key=key, type=event.type, payload=payload, version=version_of(event))


class Record(NamedTuple):
    """A stored event: its payload plus what the log added (position, time, hash).

    A NamedTuple rather than a frozen dataclass: reads build one per event, and
    a frozen dataclass's __init__ costs three times as much (bench/store.py).
    """

    position: int
    key: str
    type: str
    version: int
    payload: dict[str, Any]
    recorded_at: datetime
    chain_hash: str

    @property
    def id(self) -> str:
        return event_id(self.position)

    def event(self) -> AnyEvent:
        """The typed event, with the log's id, position and recording time filled in."""
        data = dict(self.payload)
        if self.type not in ("retracted", "superseded"):
            data.update(id=self.id, position=self.position, recorded_at=self.recorded_at)
        return from_wire(data)

    def wire(self) -> dict[str, Any]:
        data = dict(self.payload)
        data.update(id=self.id, position=self.position, recorded_at=_iso(self.recorded_at))
        return data


@dataclass(frozen=True, slots=True)
class Head:
    position: int
    chain_hash: str
    recorded_at: datetime | None


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    count: int
    head_position: int
    head_hash: str
    bad_position: int | None = None
    message: str = ""


def event_id(position: int) -> str:
    """An event's id is its position in the log, which never changes once committed."""
    return f"{ID_PREFIX}{position}"


def parse_event_id(value: str | int) -> int | None:
    """Accept ``ev-42``, ``42`` or 42; None for anything else."""
    text_value = str(value).strip().removeprefix(ID_PREFIX)
    return int(text_value) if text_value.isdigit() else None


def _utc(value: Any) -> datetime:
    if isinstance(value, str):
        return _parse_stamp(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@lru_cache(maxsize=1024)
def _parse_stamp(value: str) -> datetime:
    """SQLite hands back text; a whole batch shares one stamp, so parse each once."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


@lru_cache(maxsize=1024)
def micros(value: datetime) -> int:
    return round(value.timestamp() * 1_000_000)


def chain_hash(
    previous: str, position: int, type_: str, version: int, key: str, stamp: int, payload: bytes
) -> str:
    """SHA-256 over the previous hash, the position and everything stored for the event.

    ``stamp`` is recorded_at in microseconds since the epoch: the same on every backend.
    """
    digest = hashlib.sha256(
        f"{previous}\x1f{position}\x1f{type_}\x1f{version}\x1f{key}\x1f{stamp}\x1f".encode()
    )
    digest.update(payload)
    return digest.hexdigest()


def _decode(rows: Sequence[Sequence[Any]]) -> list[Record]:
    """Decode a page of rows with the cyclic GC paused.

    A page makes tens of thousands of dicts that are all alive until the
    caller is done; letting the collector scan them again and again cost more
    than the JSON decoding itself (bench/store.py: read rate x2).
    """
    loads = orjson.loads
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [Record(r[0], r[1], r[2], r[3], loads(r[4]), _utc(r[5]), r[6]) for r in rows]
    finally:
        if enabled:
            gc.enable()


@contextmanager
def wrap_errors(action: str) -> Iterator[None]:
    """Database errors leave the store as EventStoreError subclasses, with the cause chained."""
    try:
        yield
    except EventStoreError:
        raise
    except DBAPIError as exc:
        message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if "append-only" in message:
            raise AppendOnlyViolation(message) from exc
        if isinstance(exc, OperationalError | ProgrammingError) and (
            "no such table" in message or "does not exist" in message
        ):
            raise SchemaError(
                f"{action}: the database has no schema; run `tracker init` ({message})"
            ) from exc
        raise StorageError(f"{action}: {message}") from exc
    except SQLAlchemyError as exc:
        raise StorageError(f"{action}: {exc}") from exc


class EventStore:
    """The log: ``append`` a batch in one transaction, ``read`` it back in pages, ``verify`` the chain.

    The hot paths speak the driver's SQL directly (measured in bench/store.py:
    SQLAlchemy's expanding IN and per-row bind processing cost more than the
    database work itself).
    """

    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self.engine = engine
        self.clock = clock or (lambda: datetime.now(UTC))
        self._sqlite = is_sqlite(engine)
        self._writer = engine.execution_options(immediate=True)  # BEGIN IMMEDIATE on SQLite
        self._integrity_error = engine.dialect.loaded_dbapi.IntegrityError
        self._local = threading.local()
        self._raw_connections: list[Any] = []
        self._mark = "?" if self._sqlite else "%s"
        self._insert = f"INSERT INTO event_log ({_COLUMNS}) VALUES ({', '.join([self._mark] * 7)})"

    @classmethod
    def from_url(cls, url: str, clock: Callable[[], datetime] | None = None) -> EventStore:
        return cls(make_engine(url), clock)

    # -- writing -----------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction holding the append lock; callers may write their own rows in it too."""
        with wrap_errors("append"), self._writer.connect() as conn, conn.begin():
            if not self._sqlite:
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK})")
            yield conn

    def append(self, batch: Iterable[NewEvent]) -> list[Record]:
        """Store a batch atomically; events whose key is already stored are returned as stored."""
        batch = list(batch)
        if not batch:
            return []
        if self._sqlite:
            with wrap_errors("append"), self._sqlite_transaction() as cursor:
                return self._append_on(cursor, batch)
        with self.writing() as conn:
            return self.append_in(conn, batch)

    @contextmanager
    def _sqlite_transaction(self) -> Iterator[Any]:
        """A driver-level write transaction on a connection this thread keeps.

        SQLAlchemy's connection and transaction machinery cost twice what
        SQLite needs for a one-event append; this path keeps single appends
        above 5,000/s (bench/store.py).
        """
        connection: Any = getattr(self._local, "connection", None)
        if connection is None:
            pooled = self.engine.raw_connection()  # configured by the engine's connect hook
            connection = pooled.driver_connection
            self._local.connection = connection
            pooled.detach()
            self._raw_connections.append(connection)
        cursor = connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        try:
            yield cursor
        except BaseException:
            cursor.execute("ROLLBACK")
            raise
        else:
            cursor.execute("COMMIT")
        finally:
            cursor.close()

    def close(self) -> None:
        """Close the append connections and dispose of the engine."""
        for connection in self._raw_connections:
            connection.close()
        self._raw_connections.clear()
        self._local = threading.local()
        self.engine.dispose()

    def append_in(self, conn: Connection, batch: Sequence[NewEvent]) -> list[Record]:
        """Append inside a transaction opened by ``writing()`` (so rows of the caller commit with it).

        Works on the DBAPI cursor: the statement machinery of SQLAlchemy costs
        more than SQLite's own work for a single event (bench/store.py).
        """
        cursor = conn.connection.cursor()
        try:
            return self._append_on(cursor, batch)
        finally:
            cursor.close()

    def _append_on(self, cursor: Any, batch: Sequence[NewEvent]) -> list[Record]:
        """Insert optimistically; if a key is already stored, roll back to the savepoint and skip it.

        Stored keys are rare (a retried poll), so looking them up first would
        tax every append for the sake of the exception.
        """
        head = self._head_of(cursor)
        cursor.execute("SAVEPOINT tracker_append")
        try:
            result = self._insert_new(cursor, batch, {}, head)
        except self._integrity_error:
            cursor.execute("ROLLBACK TO SAVEPOINT tracker_append")
            stored = self._stored_by_key(cursor, [e.key for e in batch])
            result = self._insert_new(cursor, batch, stored, head)
        cursor.execute("RELEASE SAVEPOINT tracker_append")
        return result

    def _insert_new(
        self, cursor: Any, batch: Sequence[NewEvent], stored: dict[str, Record], head: Head
    ) -> list[Record]:
        now = self.clock().astimezone(UTC)
        if head.recorded_at is not None and now < head.recorded_at:
            now = head.recorded_at  # recorded_at never goes back, so --as-of T is a position cut
        # SQLite keeps the text SQLAlchemy's DateTime would write, so Core queries read it too.
        stored_at: Any = now.replace(tzinfo=None).isoformat(" ", "microseconds") if self._sqlite else now
        stamp = micros(now)
        position, previous = head.position, head.chain_hash
        rows: list[tuple[Any, ...]] = []
        result: list[Record] = []
        for new in batch:
            record = stored.get(new.key)
            if record is None:
                position += 1
                body = orjson.dumps(new.payload)
                previous = chain_hash(previous, position, new.type, new.version, new.key, stamp, body)
                rows.append((position, new.key, new.type, new.version, body.decode(), stored_at, previous))
                record = Record(position, new.key, new.type, new.version, new.payload, now, previous)
                stored[new.key] = record
            result.append(record)
        if len(rows) == 1:
            cursor.execute(self._insert, rows[0])
        elif rows:
            cursor.executemany(self._insert, rows)
        return result

    def _stored_by_key(self, cursor: Any, keys: Sequence[str]) -> dict[str, Record]:
        found: dict[str, Record] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), _KEY_CHUNK):
            chunk = unique[start : start + _KEY_CHUNK]
            cursor.execute(
                f"SELECT {_COLUMNS} FROM event_log WHERE key IN ({', '.join([self._mark] * len(chunk))})",
                tuple(chunk),
            )
            found.update((record.key, record) for record in _decode(cursor.fetchall()))
        return found

    # -- reading -----------------------------------------------------------------------------

    def head(self) -> Head:
        with wrap_errors("head"), self.engine.connect() as conn:
            return self._head(conn)

    @staticmethod
    def _head(conn: Connection) -> Head:
        cursor = conn.connection.cursor()
        try:
            return EventStore._head_of(cursor)
        finally:
            cursor.close()

    @staticmethod
    def _head_of(cursor: Any) -> Head:
        cursor.execute(
            "SELECT position, chain_hash, recorded_at FROM event_log ORDER BY position DESC LIMIT 1"
        )
        row = cursor.fetchone()
        if row is None:
            return Head(0, GENESIS, None)
        return Head(row[0], row[1], _utc(row[2]))

    def read(self, after: int = 0, *, until: int | None = None, page_size: int = 2000) -> Iterator[Record]:
        """Records with ``after < position <= until`` in order, fetched a page at a time."""
        while True:
            with wrap_errors("read"), self.engine.connect() as conn:
                page = self.read_page(conn, after, page_size, until)
            yield from page
            if len(page) < page_size:
                return
            after = page[-1].position

    @staticmethod
    def read_page(conn: Connection, after: int, limit: int, until: int | None = None) -> list[Record]:
        """One page, on the caller's connection (projections read inside their own transaction).

        Goes through the DBAPI cursor: SQLAlchemy's Row objects cost as much as the decode.
        """
        stop = until if until is not None else 2**62
        mark = "?" if conn.dialect.name == "sqlite" else "%s"
        cursor = conn.connection.cursor()
        try:
            cursor.execute(
                f"SELECT {_COLUMNS} FROM event_log WHERE position > {mark} AND position <= {mark} "
                f"ORDER BY position LIMIT {mark}",
                (after, stop, limit),
            )
            rows = cursor.fetchall()
        finally:
            cursor.close()
        return _decode(rows)

    def get(self, event: str | int) -> Record | None:
        """The record with that id (``ev-42``) or position (42)."""
        position = parse_event_id(event)
        if position is None:
            return None
        with wrap_errors("get"), self.engine.connect() as conn:
            page = self.read_page(conn, position - 1, 1, position)
        return page[0] if page else None

    def get_many(self, positions: Sequence[int]) -> list[Record]:
        """The records at these positions (missing ones left out), in log order."""
        found: list[Record] = []
        wanted = sorted(set(positions))
        with wrap_errors("get"), self.engine.connect() as conn:
            cursor = conn.connection.cursor()
            try:
                for start in range(0, len(wanted), _KEY_CHUNK):
                    chunk = wanted[start : start + _KEY_CHUNK]
                    marks = ", ".join([self._mark] * len(chunk))
                    sql = f"SELECT {_COLUMNS} FROM event_log WHERE position IN ({marks})"
                    cursor.execute(sql, tuple(chunk))
                    found.extend(_decode(cursor.fetchall()))
            finally:
                cursor.close()
        return sorted(found, key=lambda r: r.position)

    def position_as_of(self, when: datetime) -> int:
        """The last position recorded at or before ``when``.

        recorded_at never decreases along the log, so a binary search over the
        primary key answers this without an index on recorded_at.
        """
        when = when.astimezone(UTC)
        with wrap_errors("as-of"), self.engine.connect() as conn:
            low, high = 0, self._head(conn).position
            sql = f"SELECT recorded_at FROM event_log WHERE position = {self._mark}"
            while low < high:
                middle = (low + high + 1) // 2
                if _utc(conn.exec_driver_sql(sql, (middle,)).scalar()) <= when:
                    low = middle
                else:
                    high = middle - 1
        return low

    def count_by_type(self) -> dict[str, int]:
        with wrap_errors("count"), self.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT type, COUNT(*) FROM event_log GROUP BY type ORDER BY type")
            return {r[0]: r[1] for r in rows}

    # -- verifying ---------------------------------------------------------------------------

    def verify(self, workers: int | None = None) -> VerifyResult:
        """Recompute the hash chain from the genesis; name the first position that disagrees.

        Each row is checked against the *stored* hash of the row before it, so
        ranges of the log verify independently: a large log is split across
        processes (one per core), which halves ``tracker verify`` on two cores.
        """
        head = self.head()
        workers = workers or (min(os.cpu_count() or 1, 8) if head.position >= PARALLEL_VERIFY_MIN else 1)
        bounds = [head.position * i // workers for i in range(workers + 1)]
        ranges = [(bounds[i], bounds[i + 1]) for i in range(workers)]
        with wrap_errors("verify"):
            starts = [self._hash_at(after) for after, _ in ranges]
            if workers == 1:
                parts = [_verify_range(self.engine, ranges[0][0], ranges[0][1], starts[0])]
            else:
                url = self.engine.url.render_as_string(hide_password=False)
                context = multiprocessing.get_context("spawn")
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
        return VerifyResult(True, count, head.position, starts[-1] if not parts else parts[-1].head_hash)

    def _hash_at(self, position: int) -> str:
        if position == 0:
            return GENESIS
        record = self.get(position)
        return record.chain_hash if record else GENESIS


PARALLEL_VERIFY_MIN = 200_000


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
    payload = "CAST(payload AS BLOB)" if sqlite else "payload"
    mark = "?" if sqlite else "%s"
    sql = (
        f"SELECT position, key, type, version, {payload}, recorded_at, chain_hash FROM event_log "
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
            stamp = stamps[recorded_at] = micros(_utc(recorded_at))
        body = payload.encode() if isinstance(payload, str) else payload
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
