"""What the log stores and hands back: new events, records, the head, and the hash chain."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache, partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import orjson

from events.vocabulary import LOG_RECORD_TYPE_NAMES

if TYPE_CHECKING:
    from events.model import AnyEvent


GENESIS = "0" * 64
ID_PREFIX = "ev-"
COLUMNS = "position, key, type, version, payload, recorded_at, chain_hash"

# What SQLite reads select: COLUMNS, the text and BLOB ones through sqlite3 converters (named
# by the "[...]" of the column name; make_engine connects with PARSE_COLNAMES). CPython 3.11's
# sqlite3 lets go of the GIL and takes it back for each plain column it reads, a converted
# one it hands as bytes to the converter: bytes.decode makes the same str, and
# bytes.__bytes__ returns the payload as it is. 1,500 fewer instructions a row, 13% of the
# fetch (callgrind), 0.2 µs a read event (bench/store.py). Without PARSE_COLNAMES the
# values are the same, read the plain way.
sqlite3.register_converter("events_text", bytes.decode)
sqlite3.register_converter("events_blob", bytes.__bytes__)
SQLITE_COLUMNS = ", ".join(
    (
        "position",
        'key AS "key [events_text]"',
        'type AS "type [events_text]"',
        "version",  # an integer: as text it would be formatted by SQLite and parsed again, dearer
        'payload AS "payload [events_blob]"',
        'recorded_at AS "recorded_at [events_text]"',
        'chain_hash AS "chain_hash [events_text]"',
    )
)


# What reads hand over: key and chain_hash as the stored bytes, made text when a reader asks for
# them (``Record.key``, ``Record.chain_hash``). Most readers never do, and two UTF-8 decodes a row
# were 4% of a read (bench/store.py). Verification and appends, which use both, read them as text.
SQLITE_READ_COLUMNS = SQLITE_COLUMNS.replace('"key [events_text]"', '"key [events_blob]"').replace(
    '"chain_hash [events_text]"', '"chain_hash [events_blob]"'
)


def select_columns(sqlite: bool, *, reading: bool = False) -> str:
    """The column list of a SELECT of whole rows, in the order of COLUMNS (``reading``: for records
    handed to readers, see SQLITE_READ_COLUMNS)."""
    if not sqlite:
        return COLUMNS
    return SQLITE_READ_COLUMNS if reading else SQLITE_COLUMNS


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event on its way into the log; ``key`` makes the append idempotent."""

    key: str
    type: str
    payload: dict[str, Any]
    version: int = 1

    @classmethod
    def of(cls, event: AnyEvent, key: str) -> NewEvent:
        from events.model import to_wire, version_of  # pydantic's models: only writers need them

        payload = to_wire(event)
        for column in ("id", "position", "recorded_at"):
            payload.pop(column, None)
        return cls(key=key, type=event.type, payload=payload, version=version_of(event))


class Record(tuple[int, str, str, int, Any, Any, str]):
    """A stored event: its payload plus what the log added (position, time, hash). Read-only.

    A tuple of the row's seven columns: the fields are C-level ``itemgetter``
    properties, and a row becomes a record by one copy (``lazy_record`` is that
    copy in C). Against the slots class this replaces, set by a Python function,
    with its payload behind a Python property, a read event took 3.64 rather than
    3.80 µs of CPU (bench/store.py's loop). ``recorded_at`` is kept as stored
    (SQLite's text) and parsed, once per batch stamp, when asked for.

    ``payload`` is decoded here; ``LazyRecord``, for the pages that are handed over
    as lists, holds the JSON until it is first asked for.
    """

    __slots__ = ()

    def __new__(
        cls,
        position: int,
        key: str,
        type: str,
        version: int,
        payload: dict[str, Any] | None,
        recorded_at: Any,
        chain_hash: str,
        raw: bytes | None = None,
    ) -> Record:
        if payload is None:  # the JSON as stored, decoded at first use
            return _new(LazyRecord, (position, key, type, version, raw or b"{}", recorded_at, chain_hash))
        return _new(cls, (position, key, type, version, payload, recorded_at, chain_hash))

    if TYPE_CHECKING:

        @property
        def position(self) -> int: ...
        @property
        def type(self) -> str: ...
        @property
        def version(self) -> int: ...
        @property
        def payload(self) -> dict[str, Any]: ...

    else:
        position = property(itemgetter(0))
        type = property(itemgetter(2))
        version = property(itemgetter(3))
        payload = property(itemgetter(4))

    @property
    def key(self) -> str:
        return _text(self[1])

    @property
    def chain_hash(self) -> str:
        return _text(self[6])

    @property
    def recorded_at(self) -> datetime:
        """When the log stored the event, in UTC (one stamp for a whole batch)."""
        return utc(self[5])

    @property
    def id(self) -> str:
        return event_id(self[0])

    def _fields(self) -> tuple[Any, ...]:
        return (self[0], self.key, self[2], self[3], self.payload, self.recorded_at, self.chain_hash)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._fields() == other._fields()

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash((self[0], self.chain_hash))

    def __repr__(self) -> str:
        return f"Record(position={self[0]}, type={self[2]!r}, key={self.key!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return _new, (type(self), tuple(self))

    def event(self) -> AnyEvent:
        """The typed event, with the log's id, position and recording time filled in."""
        from events.model import from_wire

        data = dict(self.payload)
        if self[2] not in LOG_RECORD_TYPE_NAMES:
            data.update(id=self.id, position=self[0], recorded_at=self.recorded_at)
        return from_wire(data)

    def wire(self) -> dict[str, Any]:
        data = dict(self.payload)
        data.update(id=self.id, position=self[0], recorded_at=iso(self.recorded_at))
        return data


class _Decoded:
    """``LazyRecord.payload``: decodes the stored JSON at first use and keeps the result in
    the record's own dict, where later lookups find it before this (a non-data descriptor)."""

    def __get__(self, record: LazyRecord | None, owner: type) -> Any:
        if record is None:
            return self
        payload = record.__dict__["payload"] = orjson.loads(_item(record, 4))
        return payload


class LazyRecord(Record):
    """A record whose payload is still the stored JSON (index 4), decoded when first used.

    What lists of records are made of (``read_page``, ``get_many``): a projection's
    page of 5,000 decoded payloads held at once read 1.4 times slower than
    decoding each as its handler reaches it, into memory the last one freed.
    """

    if not TYPE_CHECKING:
        payload = _Decoded()


@dataclass(frozen=True, slots=True)
class Head:
    position: int
    chain_hash: str
    recorded_at: datetime | None


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


def event_id(position: int) -> str:
    """An event's id is its position in the log, which never changes once committed."""
    return f"{ID_PREFIX}{position}"


def parse_event_id(value: str | int) -> int | None:
    """Accept ``ev-42``, ``42`` or 42; None for anything else."""
    text_value = str(value).strip().removeprefix(ID_PREFIX)
    return int(text_value) if text_value.isdigit() else None


def utc(value: Any) -> datetime:
    if isinstance(value, str):
        return _parse_stamp(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@lru_cache(maxsize=1024)
def _parse_stamp(value: str) -> datetime:
    """SQLite hands back text; a whole batch shares one stamp, so parse each once.

    The text is naive UTC: parsing it with the offset appended costs an eighth of
    parsing it and then ``replace(tzinfo=UTC)`` (Python 3.11's replace is slow).
    """
    try:
        return datetime.fromisoformat(value + "+00:00")
    except ValueError:  # text that carries its own offset
        return datetime.fromisoformat(value).astimezone(UTC)


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def micros(value: datetime) -> int:
    """Microseconds since the epoch, as hashed into the chain (the same on every backend)."""
    return round(value.timestamp() * 1_000_000)


def chain_hash(
    previous: str,
    position: int,
    type_: str,
    version: int,
    key: str,
    stamp: int,
    payload: bytes | bytearray,
) -> str:
    """SHA-256 over the previous hash, the position and everything stored for the event.

    ``stamp`` is recorded_at in microseconds since the epoch: the same on every backend.
    One call over the joined bytes: a second ``update`` call cost more than the copy.
    """
    header = f"{previous}\x1f{position}\x1f{type_}\x1f{version}\x1f{key}\x1f{stamp}\x1f".encode()
    return hashlib.sha256(header + payload).hexdigest()


_new = tuple.__new__
_item = tuple.__getitem__
lazy_record = partial(_new, LazyRecord)  # a row of COLUMNS as a record, its payload not yet decoded


def decode(rows: Iterable[Sequence[Any]]) -> list[Record]:
    """Records from fetched rows; each payload is decoded when it is first used."""
    return list(map(lazy_record, rows))


DECODED_RUN = 16  # rows decoded together (``decoded``)


def decoded(pages: Iterable[Sequence[Sequence[Any]]]) -> Iterator[list[Record]]:
    """Records from pages of fetched rows, decoded a run of ``DECODED_RUN`` rows at a time.

    A list comprehension builds each run without a Python call per row, and a run's
    payloads are still in the caches when the reader uses them: against one call a row
    as the reader asked (``map``), 4-5% more events read a second (bench/store.py), and
    against decoding the whole page of 500 first, 10%. Runs of 4 were slower again
    (the generator resumed too often); 8 to 24 were alike.
    """
    loads, new, run = orjson.loads, _new, DECODED_RUN
    for rows in pages:
        for start in range(0, len(rows), run):
            yield [
                new(Record, (position, key, type_, version, loads(payload), stamp, chain))
                for position, key, type_, version, payload, stamp, chain in rows[start : start + run]
            ]
