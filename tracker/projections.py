"""The application's projections, by name: what `tracker rebuild`, the daemon and queries catch up."""

from __future__ import annotations

from collections.abc import Callable

from events.projection import Progress, Projection, ProjectionRunner
from events.store import EventStore
from tracker.errors import NotFound
from tracker.timeline.projection import TimelineProjection

REGISTRY: dict[str, Callable[[], Projection]] = {TimelineProjection.name: TimelineProjection}


def runner(store: EventStore, name: str) -> ProjectionRunner:
    if name not in REGISTRY:
        raise NotFound(f"no projection named {name!r} (known: {', '.join(sorted(REGISTRY))})")
    # A 1M-event rebuild (bench/timeline.py) with 16k-event transactions and 20k developments in
    # memory: 49 s CPU, 275 MB peak RSS. With 10k and 25k: 54 s, 262 MB (a development is written
    # once per batch that touches it, and each commit writes its pages); 20k and 20k: 46 s, 294-303
    # MB, at the 300 MB the issue allows (the page of records holds its decoded payloads).
    return ProjectionRunner(store, REGISTRY[name](), batch_size=16_000)


def catch_up_all(store: EventStore, progress: Progress | None = None) -> dict[str, int]:
    """Bring every projection up to the head of the log; returns events read per projection."""
    return {name: runner(store, name).catch_up(progress=progress) for name in REGISTRY}


def rebuild(
    store: EventStore, names: list[str] | None = None, progress: Progress | None = None
) -> dict[str, int]:
    return {name: runner(store, name).rebuild(progress=progress) for name in names or sorted(REGISTRY)}


def lag(store: EventStore) -> dict[str, int]:
    return {name: runner(store, name).lag() for name in sorted(REGISTRY)}
