"""The application's projections, by name: what `tracker rebuild`, the daemon and queries catch up."""

from __future__ import annotations

from collections.abc import Callable

from events.projection import Progress, Projection, ProjectionRunner
from events.store import EventStore
from tracker.errors import NotFound
from tracker.timeline.projection import TimelineProjection

REGISTRY: dict[str, Callable[[], Projection]] = {TimelineProjection.name: TimelineProjection}


def runner(store: EventStore, name: str, workers: int = 1) -> ProjectionRunner:
    if name not in REGISTRY:
        raise NotFound(f"no projection named {name!r} (known: {', '.join(sorted(REGISTRY))})")
    # A 1M-event rebuild (bench/timeline.py) with 20k developments in memory: a development is
    # written once per batch that touches it, and each commit writes its pages, so larger batches
    # cost less CPU and more memory. Since a batch lets each payload go once its facts are taken
    # (TimelineProjection._apply), measured side by side in one session: 16k-event batches 37.6-38.1
    # s CPU, 254-258 MB peak RSS; 20k: 33.6-35.4 s, 266-268 MB; 24k: 35.5-38.5 s, 289-290 MB; 32k:
    # 40.3 s, 321 MB, over the 300 MB the issue allows.
    return ProjectionRunner(store, REGISTRY[name](), batch_size=20_000, workers=workers)


def catch_up_all(store: EventStore, progress: Progress | None = None) -> dict[str, int]:
    """Bring every projection up to the head of the log; returns events read per projection."""
    return {name: runner(store, name).catch_up(progress=progress) for name in REGISTRY}


def catch_up_shown(store: EventStore) -> dict[str, int]:
    """``catch_up_all`` for a command a user waits on: after an upgrade that changed how a projection
    is built, the first catch-up replays the whole log, and a terminal shows how far it has got."""
    from tracker.output import progress_if_long

    head = store.head().position
    with progress_if_long("updating the timeline") as update:
        return catch_up_all(store, progress=lambda _read, done: update(done, head))


def rebuild(
    store: EventStore, names: list[str] | None = None, progress: Progress | None = None, workers: int = 1
) -> dict[str, int]:
    """Replay the log into each projection; ``workers`` > 1 replays groups of event types in
    processes of their own (events.parallel: SQLite files, logs of 50k events and more)."""
    return {
        name: runner(store, name, workers).rebuild(progress=progress) for name in names or sorted(REGISTRY)
    }


def lag(store: EventStore) -> dict[str, int]:
    return {name: runner(store, name).lag() for name in sorted(REGISTRY)}
