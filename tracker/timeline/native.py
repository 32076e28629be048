"""The timeline projection's batches with the compiled fold (``_fold.Engine``), where it is built.

The engine holds the developments and folds each event as ``memory.Memory`` and
``batch.Batch.add`` do; this module gives it what it reads from the tables
(``memory.Rows``) and writes what it collected with the Python batch's code. On
bench/timeline.py's 1M-event log a rebuild spent most of its time in per-event
Python objects: the facts, the bucket look-ups, the fold (see the closing notes of
issue 5 for the figures).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from events.records import iso
from tracker.bulk import Bulk
from tracker.timeline.batch import Batch
from tracker.timeline.develop import Development
from tracker.timeline.memory import Rows

if TYPE_CHECKING:
    from tracker.timeline._fold import Engine
else:
    try:
        from tracker.timeline._fold import Engine
    except ImportError:  # a source tree not built (setup.py): the Python fold
        Engine = None

AVAILABLE = Engine is not None
# Developments whose matching state an engine holds (about 0.25 KB each: a 1M rebuild holds 193k),
# for each whose reporting state it holds too (``memory.DEFAULT_LIMIT``, about 2 KB each).
MATCHING_PER_HOT = 25


def engine(limit: int) -> Engine:
    """An engine holding the reporting state of ``limit`` developments."""
    if Engine is None:
        raise RuntimeError("tracker.timeline._fold is not built")
    return Engine(limit * MATCHING_PER_HOT, limit)


class NativeBatch(Batch):
    """A batch whose events the engine folds; retractions and writes as the Python batch's."""

    def __init__(self, conn: Connection, engine: Engine) -> None:
        # not Batch's: it has no Memory
        self.conn, self.bulk = conn, Bulk(conn)
        engine.begin()
        engine.loader = Rows(self.bulk)
        self.engine = engine
        # the engine's own containers: the batch's code reads and writes them in place
        self.touched, self.created, self.emptied = engine.touched, engine.created, engine.emptied
        self.rows, self.versions, self.items = engine.rows, engine.versions, engine.items

    def run(self, records: list[Any], start: int, types: frozenset[str], stamps: dict[Any, str]) -> int:
        """Fold the events from ``start`` up to the next retraction or supersession (its index)."""
        return self.engine.run(records, start, types, stamps, iso)

    def _release(self, dev_id: int) -> None:
        self.engine.release(dev_id)

    def _file(self, folded: Development) -> None:
        self.engine.refile(folded)

    def _development_rows(self) -> list[tuple[Any, ...]]:
        return self.engine.development_rows()
