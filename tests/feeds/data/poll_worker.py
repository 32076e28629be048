"""One poll cycle in a process of its own, for the kill -9 test (tests/feeds/test_feeds_kill.py).

    python poll_worker.py DATABASE_URL NOW_ISO SECONDS_PER_ARTICLE

The extraction hook sleeps per article, so the poll runs long enough to be killed mid-way.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from typing import Any

from events.engine import make_engine
from events.model import Evidence, Roles, Statement
from events.store import EventStore
from tracker.feeds.poll import PollSettings, poll

DELAY = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0


def slow_hook(text: str, *, title: str | None, published: datetime | None, url: str | None) -> list[Any]:
    time.sleep(DELAY)
    return [
        Statement(
            occurred=None, roles=Roles(speaker=speaker), summary=f"{title} ({speaker})",
            evidence=Evidence(sentence=text[:60], url=url, title=title), reported_at=published,
            confidence=0.5, extractor="kill@1",
        )
        for speaker in ("IND", "RUS")
    ]  # fmt: skip


def main() -> None:
    store = EventStore(make_engine(sys.argv[1]))
    settings = PollSettings(workers=2, pool_threshold=4, per_host=8)
    poll(store, now=datetime.fromisoformat(sys.argv[2]), extract=slow_hook, settings=settings, concurrency=8)
    store.close()


if __name__ == "__main__":
    main()
