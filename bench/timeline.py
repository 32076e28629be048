"""Timeline projection benchmark: rebuild, catch-up and queries over a large synthetic log.

    python bench/timeline.py [--events 1000000] [--db PATH] [--repeat N] [--json]

Builds (or reuses, with --db) an SQLite log of synthetic events with a
realistic spread: 200 actors (a few of them busy), 1,000 items, 30 years,
several sources per development. Then measures the rebuild (in a child
process, so its peak RSS is its own), the catch-up of 1,000 new events, and
p50/p95 of 200 filtered timeline queries and 50 ``--as-of`` queries. With
--json the last line is {"events", "rebuild_s", "rebuild_eps", "peak_rss_mb",
"catchup_1000_ms", "query_p50_ms", "query_p95_ms", "asof_p95_ms", "raw_rebuild_eps",
"rebuild_raw_ratio"}.

The machine's speed is measured beside it, as in bench/store.py: a *raw pipeline*
(``raw_rebuild``) reads the same log with plain sqlite3 in pages, decodes each payload
with orjson, groups events by type, actors and year in a dict (none of the timeline's
rules: no item or date compatibility, no status history, sources or versions) and
writes a row per event and per group in one transaction. ``rebuild_raw_ratio`` is
tracker's rebuild rate over that floor's, which moves much less with the machine
than either rate does (the same code's 200k-event rebuild took 7.8 s of CPU on one
session's machine and 17 s on another's). On a noisy machine (the same rebuild varying
by a fifth from run to run) ``--repeat N`` runs the rebuild and the raw pipeline
alternately N times and reports the medians, the ratio being the median of each
side-by-side pair's.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from events import parallel
from events.engine import make_engine
from events.store import EventStore, NewEvent
from tracker import projections
from tracker.db import migrate
from tracker.timeline.query import TimelineQuery, timeline

ACTORS = [f"A{n:02d}" for n in range(196)] + ["IND", "RUS", "USA", "CHN"]
BUSY = ["IND", "RUS", "USA", "CHN", "A00", "A01"]
ITEMS = [f"SYS-{n}" for n in range(1000)]
STATUSES = {
    "deal": ["planned", "signed"],
    "delivery": ["began", "completed"],
    "sanction": ["threatened", "imposed"],
}
ROLES = {
    "deal": ("buyer", "seller"),
    "delivery": ("recipient", "supplier"),
    "sanction": ("target", "imposer"),
}
START = datetime(1996, 1, 1, tzinfo=UTC)


def _actor(rng: random.Random) -> str:
    return rng.choice(BUSY) if rng.random() < 0.4 else rng.choice(ACTORS)


def development(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """The events (one per source) of one synthetic development."""
    kind = rng.choice(("deal", "deal", "delivery", "sanction", "statement"))
    a = _actor(rng)
    b = _actor(rng)
    while b == a:
        b = _actor(rng)
    day = START + timedelta(days=rng.randrange(30 * 365))
    items = (
        [{"name": rng.choice(ITEMS), "quantity": rng.choice((None, 12, 36))}] if kind != "sanction" else []
    )
    if kind == "statement":
        roles: dict[str, Any] = {"speaker": a, "about": [b]}
    else:
        first, second = ROLES[kind]
        roles = {first: a, second: b}
    events = []
    for source in range(rng.choice((1, 2, 3, 5, 8, 12))):
        precision = rng.choice(("year", "month", "day", "day"))
        date = {"year": day.strftime("%Y"), "month": day.strftime("%Y-%m"), "day": day.strftime("%Y-%m-%d")}
        reported = day + timedelta(days=rng.randrange(0, 60), hours=source)
        payload: dict[str, Any] = {
            "type": kind,
            "occurred": {"date": date[precision], "precision": precision, "text": None},
            "roles": roles,
            "summary": f"{a} and {b}: development {n}",
            "evidence": {
                "url": f"https://outlet{source}.example/{n}",
                "title": "t",
                "sentence": "s",
                "start": 0,
                "end": 1,
            },
            "reported_at": reported.isoformat().replace("+00:00", "Z"),
            "confidence": rng.choice((0.6, 0.7, 0.8)),
            "extractor": "rules@1",
            "status": rng.choice(STATUSES[kind]) if kind in STATUSES else None,
        }
        if kind in ("deal", "delivery"):
            payload["items"] = items
        events.append(payload)
    return events


def build(url: str, total: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    engine = make_engine(url)
    migrate(engine)
    store = EventStore(engine)
    pending: list[dict[str, Any]] = []
    n = written = 0
    while written < total:
        while len(pending) < 20_000:
            pending.extend(development(rng, n))
            n += 1
        rng.shuffle(pending)  # the log interleaves developments, as reports arrive
        batch, pending = pending[:20_000], pending[20_000:]
        batch = batch[: total - written]
        store.append(NewEvent(key=f"e{written + i}", type=p["type"], payload=p) for i, p in enumerate(batch))
        written += len(batch)
        print(f"\rbuilding log: {written:,}/{total:,}", end="", file=sys.stderr)
    print(file=sys.stderr)
    store.close()


def _rebuild_child(url: str, workers: int, queue: Any) -> None:
    store = EventStore(make_engine(url))
    start = time.perf_counter()
    count = projections.rebuild(store, workers=workers)["timeline"]
    seconds = time.perf_counter() - start
    store.close()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    # Its own peak (VmHWM: ru_maxrss of a spawned process starts at its parent's, the builder's
    # here), plus each worker's if it ran any: an upper bound, as if all peaked at once.
    rss_kb = parallel.peak_rss_kb()
    if workers > 1:
        rss_kb, cpu = rss_kb + parallel.LAST.rss_kb, cpu + parallel.LAST.cpu_s
    queue.put((count, seconds, rss_kb / 1024, cpu))


def rebuild(url: str, workers: int = 1) -> tuple[int, float, float, float]:
    """(events, wall seconds, peak RSS in MB, CPU seconds) of a rebuild in a fresh process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_rebuild_child, args=(url, workers, queue))
    child.start()
    result = queue.get()
    child.join()
    return result


def _raw_child(path: str, queue: Any) -> None:
    start, cpu = time.perf_counter(), time.process_time()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("DROP TABLE IF EXISTS raw_events")
    db.execute("DROP TABLE IF EXISTS raw_groups")
    db.execute("CREATE TABLE raw_events (position INTEGER PRIMARY KEY, group_id INT, type TEXT, actors TEXT)")
    db.execute("CREATE INDEX ix_raw_events_group ON raw_events (group_id, position)")
    db.execute("CREATE TABLE raw_groups (id INTEGER PRIMARY KEY, type TEXT, actors TEXT, year TEXT, n INT)")
    db.execute("BEGIN IMMEDIATE")
    groups: dict[tuple[str, str, str | None], list[int]] = {}
    after = count = 0
    while page := db.execute(
        "SELECT position, payload FROM event_log WHERE position > ? AND type NOT IN ('retracted', "
        "'superseded') ORDER BY position LIMIT 16000",
        (after,),
    ).fetchall():
        rows = []
        for position, payload in page:
            event = orjson.loads(payload)
            roles = event.get("roles") or {}
            named = {a for v in roles.values() for a in (v if isinstance(v, list) else [v])}
            actors = ",".join(sorted(named))
            date = (event.get("occurred") or {}).get("date")
            group = groups.setdefault((event["type"], actors, date[:4] if date else None), [position, 0])
            group[1] += 1
            rows.append((position, group[0], event["type"], actors))
        db.executemany("INSERT INTO raw_events VALUES (?, ?, ?, ?)", rows)
        after, count = page[-1][0], count + len(page)
    db.executemany(
        "INSERT INTO raw_groups VALUES (?, ?, ?, ?, ?)",
        [(first, *key, events) for key, (first, events) in groups.items()],
    )
    db.execute("COMMIT")
    db.execute("DROP TABLE raw_events")
    db.execute("DROP TABLE raw_groups")
    db.close()
    queue.put((count, time.perf_counter() - start, time.process_time() - cpu))


def raw_rebuild(path: Path) -> tuple[int, float, float]:
    """(events, wall seconds, CPU seconds) of the raw pipeline, in a fresh process."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_raw_child, args=(str(path), queue))
    child.start()
    result = queue.get()
    child.join()
    return result


def catch_up(url: str) -> float:
    rng = random.Random(99)
    store = EventStore(make_engine(url))
    head = store.head().position
    batch = [p for n in range(400) for p in development(rng, 10_000_000 + n)][:1000]
    store.append(NewEvent(key=f"new{head + i}", type=p["type"], payload=p) for i, p in enumerate(batch))
    start = time.perf_counter()
    projections.catch_up_all(store)
    seconds = time.perf_counter() - start
    store.close()
    return seconds * 1000


def queries(url: str, count: int, as_of: bool) -> list[float]:
    rng = random.Random(5 if as_of else 3)
    store = EventStore(make_engine(url))
    first = store.get(1)
    head = store.head()
    assert first is not None and head.recorded_at is not None
    span = (head.recorded_at - first.recorded_at).total_seconds()
    timings = []
    for _ in range(count):
        year = rng.randrange(1996, 2026)
        query = rng.choice(
            (
                TimelineQuery(actor=rng.choice(BUSY), with_actor=rng.choice(ACTORS), limit=100),
                TimelineQuery(actor=rng.choice(ACTORS), types=("deal", "delivery"), limit=100),
                TimelineQuery(item=rng.choice(ITEMS), limit=100),
                TimelineQuery(actor=rng.choice(BUSY), since=str(year), until=f"{year}-12", limit=100),
                TimelineQuery(actor=rng.choice(ACTORS), min_sources=3, statuses=("signed",), limit=100),
            )
        )
        if as_of:
            when = first.recorded_at + timedelta(seconds=rng.random() * span)
            query = TimelineQuery(**{**query.__dict__, "as_of": when})
        start = time.perf_counter()
        timeline(store, query)
        timings.append((time.perf_counter() - start) * 1000)
    store.close()
    return timings


def _median_run(runs: list[Any]) -> Any:
    """The run of median wall time (its other figures with it), the lower one of an even count."""
    return sorted(runs, key=lambda run: run[1])[(len(runs) - 1) // 2]


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--db", type=Path, help="reuse (or create) this SQLite file instead of a temporary one"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="processes of the rebuild (tracker rebuild --workers)"
    )
    parser.add_argument(
        "--repeat", type=int, default=1, help="rebuild and raw pipeline side by side N times (medians)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        url = f"sqlite:///{path}"
        if not path.exists():
            build(url, args.events)
        runs, raws = [], []
        for _ in range(max(1, args.repeat)):
            runs.append(rebuild(url, args.workers))
            raws.append(raw_rebuild(path))
            if args.repeat > 1:
                print(f"rebuild {runs[-1][1]:.2f} s, raw {raws[-1][1]:.2f} s", file=sys.stderr)
        events, rebuild_s, rss, cpu_s = _median_run(runs)
        raw_events, raw_s, raw_cpu_s = _median_run(raws)
        ratio = statistics.median(raw[1] / run[1] for run, raw in zip(runs, raws, strict=True))
        catchup_ms = catch_up(url)
        plain = queries(url, 200, as_of=False)
        past = queries(url, 50, as_of=True)
    figures = {
        "events": events,
        "rebuild_s": round(rebuild_s, 2),
        "rebuild_eps": round(events / rebuild_s),
        "peak_rss_mb": round(rss),
        "catchup_1000_ms": round(catchup_ms, 1),
        "query_p50_ms": round(statistics.median(plain), 2),
        "query_p95_ms": round(p95(plain), 2),
        "asof_p95_ms": round(p95(past), 2),
        "raw_rebuild_eps": round(raw_events / raw_s),
        "rebuild_raw_ratio": round(ratio, 3),
    }
    for key, value in figures.items():
        print(f"{key:18} {value:>12,}")
    # The wall clock moves with the machine's load; the rebuild's CPU time much less.
    print(f"{'rebuild_cpu_s':18} {round(cpu_s, 2):>12,}  ({round(events / cpu_s):,} events per CPU second)")
    raw_rate = round(raw_events / raw_cpu_s)
    print(f"{'raw_cpu_s':18} {round(raw_cpu_s, 2):>12,}  ({raw_rate:,} events per CPU second)")
    if args.json:
        print(orjson.dumps(figures).decode())


if __name__ == "__main__":
    main()
