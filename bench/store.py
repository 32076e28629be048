"""Append and read throughput of tracker's log against the eventsourcing library's SQLite recorder.

Runs side by side on the same machine and payloads, with raw ``sqlite3.executemany``
of the very rows tracker stored as the floor. Each library encodes and decodes
with its own machinery (tracker: orjson; eventsourcing: its JSONTranscoder),
and both timings include it:

    python bench/store.py [-n 200000] [--batch 500] [--verify-events 1000000] [--json]

The last line with --json is {"append_eps", "read_eps", "peer_append_eps",
"peer_read_eps", "raw_append_eps", "append_ratio", "read_ratio", "raw_ratio", ...}.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from events.engine import make_engine
from events.store import EventStore, NewEvent
from tracker.db import migrate

PAGE = 500  # events per read page, the same for every side (tracker's default)
ACTORS = ("IND", "RUS", "USA", "CHN", "FRA", "ISR", "PAK", "GBR")


def payload(i: int) -> dict[str, Any]:
    """A deal of about 500 bytes of JSON, like the extractor's output."""
    a, b = ACTORS[i % 8], ACTORS[(i * 3 + 1) % 8]
    return {
        "type": "deal",
        "occurred": {
            "date": f"{2000 + i % 25}-{1 + i % 12:02d}",
            "precision": "month",
            "text": "in December",
        },
        "roles": {"buyer": a, "seller": b},
        "items": [{"name": f"S-{400 + i % 50}", "quantity": i % 40}],
        "value": {"amount": 1e6 * (i % 900), "currency": "USD", "text": f"${i % 900} million"},
        "status": "signed",
        "summary": f"{a} signed a deal with {b} for S-{400 + i % 50} air defence systems (event {i}).",
        "evidence": {
            "url": f"https://example.org/news/{i}",
            "title": "Defence ties deepen",
            "sentence": f"{a} signed a deal with {b} to buy air defence systems worth ${i % 900} million.",
            "start": 120,
            "end": 190,
        },
        "reported_at": "2022-04-23T06:30:00Z",
        "confidence": 0.82,
        "extractor": "rules@1",
    }


def events(n: int, offset: int = 0) -> list[NewEvent]:
    return [
        NewEvent(key=f"article-{i:010d}:r0:rules@1:{i % 3}", type="deal", payload=payload(i))
        for i in range(offset, offset + n)
    ]


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_tracker(folder: Path, batch: list[NewEvent], size: int) -> tuple[float, float, EventStore]:
    engine = make_engine(f"sqlite:///{folder / 'tracker.db'}")
    migrate(engine)
    store = EventStore(engine)
    append = timed(lambda: [store.append(batch[i : i + size]) for i in range(0, len(batch), size)])
    read = timed(lambda: sum(1 for r in store.read(page_size=PAGE) if r.payload))
    return len(batch) / append, len(batch) / read, store


def bench_eventsourcing(folder: Path, batch: list[NewEvent], size: int) -> tuple[float, float]:
    from eventsourcing.persistence import JSONTranscoder, StoredEvent
    from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

    datastore = SQLiteDatastore(str(folder / "eventsourcing.db"))
    recorder = SQLiteApplicationRecorder(datastore)
    recorder.create_table()
    transcoder = JSONTranscoder()  # each side serialises with its own machinery

    def append() -> None:
        # The same work tracker's timing includes: serialise each payload, then store the batch.
        for i in range(0, len(batch), size):
            chunk = batch[i : i + size]
            recorder.insert_events(
                [StoredEvent(uuid.uuid4(), 1, e.type, transcoder.encode(e.payload)) for e in chunk]
            )

    append_s = timed(append)

    def read() -> None:
        start = 1
        while True:
            page = recorder.select_notifications(start, PAGE)
            for note in page:
                transcoder.decode(note.state)
            if len(page) < PAGE:
                return
            start = page[-1].id + 1

    read_s = timed(read)
    datastore.close()
    return len(batch) / append_s, len(batch) / read_s


def bench_raw(folder: Path, store: EventStore, size: int) -> tuple[float, float]:
    """The floor: the rows tracker stored, inserted again by sqlite3.executemany into the same schema,
    then read back in pages by sqlite3 and decoded by orjson, with nothing else around them."""
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM event_log ORDER BY position").all()
        ddl = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'event_log'").scalar()
    db = sqlite3.connect(folder / "raw.db", isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(ddl)
    tuples = [tuple(r) for r in rows]

    def insert() -> None:
        for i in range(0, len(tuples), size):
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                f"INSERT INTO event_log VALUES ({','.join('?' * len(tuples[0]))})", tuples[i : i + size]
            )
            db.execute("COMMIT")

    seconds = timed(insert)

    def read() -> None:
        after = 0
        while page := db.execute(
            "SELECT * FROM event_log WHERE position > ? ORDER BY position LIMIT ?", (after, PAGE)
        ).fetchall():
            for row in page:
                orjson.loads(row[4])
            after = page[-1][0]

    read_s = timed(read)
    db.close()
    return len(tuples) / seconds, len(tuples) / read_s


def bench_single(store: EventStore, n: int = 3000) -> float:
    items = events(n, offset=10_000_000)
    return n / timed(lambda: [store.append([e]) for e in items])


def bench_verify(store: EventStore, total: int) -> tuple[int, float]:
    have = store.head().position
    while have < total:
        chunk = min(20_000, total - have)
        store.append(events(chunk, offset=20_000_000 + have))
        have += chunk
    seconds = timed(lambda: store.verify())
    return have, seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=200_000, help="events appended and read back")
    parser.add_argument("--batch", type=int, default=500, help="events per append")
    parser.add_argument("--verify-events", type=int, default=1_000_000, help="log size for the verify timing")
    parser.add_argument("--json", action="store_true", help="end with one JSON line of the figures")
    args = parser.parse_args()
    batch = events(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        append_eps, read_eps, store = bench_tracker(folder, batch, args.batch)
        peer_append, peer_read = bench_eventsourcing(folder, batch, args.batch)
        raw_append, raw_read = bench_raw(folder, store, args.batch)
        single = bench_single(store)
        verified, verify_s = bench_verify(store, args.verify_events)
        store.close()
    figures = {
        "events": args.n,
        "append_eps": round(append_eps),
        "read_eps": round(read_eps),
        "peer_append_eps": round(peer_append),
        "peer_read_eps": round(peer_read),
        "raw_append_eps": round(raw_append),
        "raw_read_eps": round(raw_read),
        "append_ratio": round(append_eps / peer_append, 2),
        "read_ratio": round(read_eps / peer_read, 2),
        "raw_ratio": round(append_eps / raw_append, 2),
        "raw_read_ratio": round(read_eps / raw_read, 2),
        "single_append_eps": round(single),
        "verify_events": verified,
        "verify_s": round(verify_s, 2),
    }
    print(f"{'':24}{'tracker':>12}{'eventsourcing':>15}{'raw sqlite3':>13}{'ratio':>8}")
    print(
        f"{'append events/s':24}{append_eps:>12,.0f}{peer_append:>15,.0f}{raw_append:>13,.0f}"
        f"{figures['append_ratio']:>8}"
    )
    print(
        f"{'read+decode events/s':24}{read_eps:>12,.0f}{peer_read:>15,.0f}{raw_read:>13,.0f}"
        f"{figures['read_ratio']:>8}"
    )
    print(f"{'single appends/s':24}{single:>12,.0f}")
    print(f"{'verify':24}{verify_s:>11.2f}s over {verified:,} events")
    if args.json:
        print(orjson.dumps(figures).decode())


if __name__ == "__main__":
    main()
