"""What the log stores and hands back: new events, records, the head, and the hash chain."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import orjson

from events.model import AnyEvent, from_wire, to_wire, version_of

GENESIS = "0" * 64
ID_PREFIX = "ev-"
COLUMNS = "position, key, type, version, payload, recorded_at, chain_hash"


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


class Record:
    """A stored event: its payload plus what the log added (position, time, hash). Read-only.

    The payload is decoded from its JSON on first access. A reader that
    handles one record at a time then decodes into memory it just freed: a
    page of decoded payloads held at once read at a quarter of that rate
    (bench/store.py, 100k events).
    """

    __slots__ = ("_payload", "_raw", "chain_hash", "key", "position", "recorded_at", "type", "version")

    def __init__(
        self,
        position: int,
        key: str,
        type: str,
        version: int,
        payload: dict[str, Any] | None,
        recorded_at: datetime,
        chain_hash: str,
        raw: bytes | None = None,
    ) -> None:
        self.position = position
        self.key = key
        self.type = type
        self.version = version
        self._payload = payload
        self._raw = raw
        self.recorded_at = recorded_at
        self.chain_hash = chain_hash

    @property
    def payload(self) -> dict[str, Any]:
        if self._payload is None:
            self._payload = orjson.loads(self._raw or b"{}")
        return self._payload

    @property
    def id(self) -> str:
        return event_id(self.position)

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.position,
            self.key,
            self.type,
            self.version,
            self.payload,
            self.recorded_at,
            self.chain_hash,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash((self.position, self.chain_hash))

    def __repr__(self) -> str:
        return f"Record(position={self.position}, type={self.type!r}, key={self.key!r})"

    def event(self) -> AnyEvent:
        """The typed event, with the log's id, position and recording time filled in."""
        data = dict(self.payload)
        if self.type not in ("retracted", "superseded"):
            data.update(id=self.id, position=self.position, recorded_at=self.recorded_at)
        return from_wire(data)

    def wire(self) -> dict[str, Any]:
        data = dict(self.payload)
        data.update(id=self.id, position=self.position, recorded_at=iso(self.recorded_at))
        return data


@dataclass(frozen=True, slots=True)
class Head:
    position: int
    chain_hash: str
    recorded_at: datetime | None


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
    """SQLite hands back text; a whole batch shares one stamp, so parse each once."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def iso(value: datetime) -> str:
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


def decode(rows: Sequence[Sequence[Any]]) -> list[Record]:
    """Records from fetched rows; each payload is decoded when it is first used."""
    return [Record(r[0], r[1], r[2], r[3], None, utc(r[5]), r[6], r[4]) for r in rows]
