"""What the timeline reads of an event: its ``Facts``, decoded from the stored payload.

Only the fields a development folds are read (type, roles, date, items, value, status, source,
reporting time, confidence); an item's name is normalised through the gazetteer so that 'S400' and
'S-400 Triumf' join the same development, and a source URL's host is its outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import msgspec
import orjson

from tracker.extract.gazetteer import system_name

_NON_ALNUM = re.compile(r"[^a-z0-9]")

_ODD_HOST = re.compile(r"[@:%\[?#\\]")  # userinfo, port, IPv6, query, fragment: left to urlsplit


@lru_cache(maxsize=8192)
def item_norm(name: str) -> str:
    """Names compare without case and punctuation: "S400" is "S-400" (as the scorer does), and a
    variant the gazetteer knows as another name of a system is that system: "M1A2T Abrams" and
    "AH-64E Apache", kept as written in events, join the developments of "Abrams" and "Apache"."""
    return _NON_ALNUM.sub("", system_name(name).lower())


@dataclass(slots=True)  # not frozen: see below
class Facts:
    """What the timeline needs of one event, read from its payload (``facts_of``) when it is folded.

    Never changed once made, though not frozen: a frozen dataclass sets each field with
    object.__setattr__, 1.8 us to build against 0.3, and this is built once per event of a
    rebuild (bench/timeline.py: 4.2 -> 2.7 us per event in ``facts_of``) and per member a
    query folds. A named tuple builds as fast but its fields read slower (no specialised
    attribute access in 3.11), which cost ``Development.add`` the time saved.
    """

    position: int
    type: str
    actor_key: str
    roles: dict[str, Any]
    items: tuple[tuple[str, str, int | None], ...]  # (norm, display name, quantity)
    value: dict[str, Any] | None
    date: str | None
    precision: str | None
    status: str | None
    url: str | None
    reported_at: str | None
    recorded_at: str
    confidence: float
    norms: frozenset[str] = frozenset()  # the items' normalised names, for the joins

    @property
    def outlet(self) -> str | None:
        return outlet_of(self.url)


def outlet_of(url: str | None) -> str | None:
    """The host a source URL names. The plain ``scheme://host/`` case skips urlsplit, which was a
    fifth of a timeline query's time (one call per event shown, bench/timeline.py)."""
    if not url:
        return None
    scheme, sep, rest = url.partition("://")
    host = rest.split("/", 1)[0]
    if sep and scheme in ("http", "https") and host and not _ODD_HOST.search(host):
        return host.lower()
    return urlsplit(url).hostname


def facts_of(position: int, payload: dict[str, Any], recorded_at: str) -> Facts:
    """The facts of a wire payload (positional construction: this runs once per event of a rebuild)."""
    get = payload.get
    roles = get("roles") or {}
    occurred = get("occurred") or {}
    evidence = get("evidence") or {}
    items = _items(get("items"))
    norms = frozenset([norm for norm, _, _ in items]) if items else _NO_NORMS
    return Facts(
        position, payload["type"], _actor_key(roles), roles, items, get("value"), occurred.get("date"),
        occurred.get("precision"), get("status"), evidence.get("url"), get("reported_at"), recorded_at,
        float(get("confidence") or 0), norms,
    )  # fmt: skip


_NO_NORMS: frozenset[str] = frozenset()


class _Occurred(msgspec.Struct):
    date: str | None = None
    precision: str | None = None


class _Evidence(msgspec.Struct):
    url: str | None = None


class _Item(msgspec.Struct):
    name: str | None = None
    quantity: Any = None


class _Payload(msgspec.Struct):
    """The fields of a wire payload the timeline folds; the others (summary, the evidence's sentence,
    title and offsets, ...) are skipped by the decoder without building their objects."""

    type: str
    roles: dict[str, Any] | None = None
    occurred: _Occurred | None = None
    evidence: _Evidence | None = None
    items: list[_Item] | None = None
    value: Any = None
    status: str | None = None
    reported_at: str | None = None
    confidence: float | None = None


_decode_payload = msgspec.json.Decoder(_Payload).decode


def facts_of_json(position: int, raw: bytes, recorded_at: str) -> Facts:
    """``facts_of`` a stored payload, decoded straight into what the fold reads: 7% fewer
    instructions for a rebuild than orjson's whole dict (callgrind, 30k events of
    bench/timeline.py's log). A payload of another shape than the wire format's goes
    through ``facts_of``, as lenient as ever."""
    try:
        payload = _decode_payload(raw)
    except msgspec.ValidationError:
        return facts_of(position, orjson.loads(raw), recorded_at)
    roles = payload.roles or {}
    occurred, evidence, listed = payload.occurred, payload.evidence, payload.items
    items = tuple([(item_norm(name), name, i.quantity) for i in listed if (name := i.name)]) if listed else ()
    date, precision = (occurred.date, occurred.precision) if occurred is not None else (None, None)
    return Facts(
        position, payload.type, _actor_key(roles), roles, items, payload.value, date, precision,
        payload.status, evidence.url if evidence is not None else None, payload.reported_at, recorded_at,
        float(payload.confidence or 0), frozenset([norm for norm, _, _ in items]) if items else _NO_NORMS,
    )  # fmt: skip


def _actor_key(roles: dict[str, Any]) -> str:
    try:  # every role a single actor (most events): a list among them is not hashable
        return ",".join(sorted(set(roles.values())))
    except TypeError:
        pass
    actors: set[str] = set()
    for value in roles.values():
        if isinstance(value, list):
            actors.update(value)
        else:
            actors.add(value)
    return ",".join(sorted(actors))


def _items(items: Any) -> tuple[tuple[str, str, int | None], ...]:
    if not items:
        return ()
    return tuple([(item_norm(name), name, i.get("quantity")) for i in items if (name := i.get("name"))])
