"""What the log stores and hands back: new events, records, the head, and the hash chain."""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, NamedTuple

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
    """Decode a page of rows with the cyclic GC paused.

    A page makes tens of thousands of dicts that are all alive until the
    caller is done; letting the collector scan them again and again cost more
    than the JSON decoding itself (bench/store.py: read rate x2).
    """
    loads = orjson.loads
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [Record(r[0], r[1], r[2], r[3], loads(r[4]), utc(r[5]), r[6]) for r in rows]
    finally:
        if enabled:
            gc.enable()
