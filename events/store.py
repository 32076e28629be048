"""The append-only event log.

Appends are serialised (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a
transaction-scoped advisory lock), so positions are gapless and increase in
commit order: a reader tailing ``position > checkpoint`` can never skip an
event that commits later with a lower position. Each row extends a SHA-256
hash chain; ``verify()`` recomputes it. UPDATE and DELETE are refused by
triggers the migration installs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy import Connection, Engine
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


@dataclass(frozen=True, slots=True)
class Record:
    """A stored event: its payload plus what the log added (position, time, hash)."""

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
    head = f"{previous}\x1f{position}\x1f{type_}\x1f{version}\x1f{key}\x1f{stamp}\x1f"
    return hashlib.sha256(head.encode() + payload).hexdigest()


def _row_to_record(row: Sequence[Any]) -> Record:
    return Record(row[0], row[1], row[2], row[3], orjson.loads(row[4]), _utc(row[5]), row[6])


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
        self._mark = "?" if self._sqlite else "%s"
        self._insert = f"INSERT INTO event_log ({_COLUMNS}) VALUES ({', '.join([self._mark] * 7)})"

    @classmethod
    def from_url(cls, url: str, clock: Callable[[], datetime] | None = None) -> EventStore:
        return cls(make_engine(url), clock)

    # -- writing -----------------------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction holding the append lock; callers may write their own rows in it too."""
        with wrap_errors("append"), self.engine.connect() as conn:
            conn = conn.execution_options(immediate=True)
            with conn.begin():
                if not self._sqlite:
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({ADVISORY_LOCK})")
                yield conn

    def append(self, batch: Iterable[NewEvent]) -> list[Record]:
        """Store a batch atomically; events whose key is already stored are returned as stored."""
        batch = list(batch)
        if not batch:
            return []
        with self.writing() as conn:
            return self.append_in(conn, batch)

    def append_in(self, conn: Connection, batch: Sequence[NewEvent]) -> list[Record]:
        """Append inside a transaction opened by ``writing()`` (so rows of the caller commit with it)."""
        stored = self._stored_by_key(conn, [e.key for e in batch])
        head = self._head(conn)
        now = self.clock().astimezone(UTC)
        if head.recorded_at is not None and now < head.recorded_at:
            now = head.recorded_at  # recorded_at never goes back, so --as-of T is a position cut
        stored_at: Any = now.strftime("%Y-%m-%d %H:%M:%S.%f") if self._sqlite else now
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
        if rows:
            conn.exec_driver_sql(self._insert, rows)
        return result

    def _stored_by_key(self, conn: Connection, keys: Sequence[str]) -> dict[str, Record]:
        found: dict[str, Record] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), _KEY_CHUNK):
            chunk = unique[start : start + _KEY_CHUNK]
            sql = f"SELECT {_COLUMNS} FROM event_log WHERE key IN ({', '.join([self._mark] * len(chunk))})"
            for row in conn.exec_driver_sql(sql, tuple(chunk)):
                found[row[1]] = _row_to_record(row)
        return found

    # -- reading -----------------------------------------------------------------------------

    def head(self) -> Head:
        with wrap_errors("head"), self.engine.connect() as conn:
            return self._head(conn)

    @staticmethod
    def _head(conn: Connection) -> Head:
        row = conn.exec_driver_sql(
            "SELECT position, chain_hash, recorded_at FROM event_log ORDER BY position DESC LIMIT 1"
        ).first()
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
        loads = orjson.loads
        return [Record(r[0], r[1], r[2], r[3], loads(r[4]), _utc(r[5]), r[6]) for r in rows]

    def get(self, event: str | int) -> Record | None:
        """The record with that id (``ev-42``) or position (42)."""
        position = parse_event_id(event)
        if position is None:
            return None
        with wrap_errors("get"), self.engine.connect() as conn:
            page = self.read_page(conn, position - 1, 1, position)
        return page[0] if page else None

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

    def verify(self, page_size: int = 50_000) -> VerifyResult:
        """Recompute the hash chain from the genesis; name the first position that disagrees."""
        with wrap_errors("verify"), self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=page_size).exec_driver_sql(
                f"SELECT {_COLUMNS} FROM event_log ORDER BY position"
            )
            try:
                return _verify_rows(result)
            finally:
                result.close()


def _verify_rows(rows: Iterable[Sequence[Any]]) -> VerifyResult:
    previous, expected, count = GENESIS, 1, 0
    for position, key, type_, version, payload, recorded_at, stored in rows:
        if position != expected:
            message = f"position {expected} is missing (next stored is {position})"
            return VerifyResult(False, count, expected - 1, previous, expected, message)
        body = payload.encode() if isinstance(payload, str) else bytes(payload)
        digest = chain_hash(previous, position, type_, version, key, micros(_utc(recorded_at)), body)
        if digest != stored:
            message = (
                f"position {position}: the stored event does not match its hash (altered or chain broken)"
            )
            return VerifyResult(False, count, expected - 1, previous, expected, message)
        previous, expected, count = stored, expected + 1, count + 1
    return VerifyResult(True, count, expected - 1, previous)
