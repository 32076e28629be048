"""The live developments an event could join, kept in memory between batches.

An event can only join a development of its type and actor set (its *key*)
whose date is compatible: one of the event's year, or an undated one; an
undated event may join any of its key. Developments are therefore held in
*buckets* (key, year or None). A catch-up loaded every bucket a batch needed
from the tables, batch after batch; a rebuild spent a tenth of its time
doing so (bench/timeline.py). The memory keeps the buckets between batches,
least recently used first out when it holds more than ``limit``
developments, and knows which buckets it holds *whole*:

- after ``clear`` (a rebuild starts from empty tables) every bucket it does
  not hold and has not evicted is empty, so nothing is ever loaded;
- otherwise (a process that catches up) a bucket it does not hold is loaded
  from ``timeline_developments`` the first time a batch needs it.

It is only valid while it follows the projection's checkpoint: a batch that
does not start right after the last one it saw (another process caught up
meanwhile, or a transaction rolled back) finds it reset (:meth:`follows`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from tracker.bulk import Bulk
from tracker.timeline.develop import Development, development_from
from tracker.timeline.facts import Facts

Key = tuple[str, str]  # (type, actor_key)
Year = str | None
DEFAULT_LIMIT = 20_000  # developments held, about 2.4 KB each (tracker.projections: the peak RSS)
COLUMNS = (
    "id", "type", "actor_key", "date", "precision", "status", "first_reported", "last_reported", "events",
    "state",
)  # fmt: skip


def year_of(development: Development | Facts) -> Year:
    return development.date[:4] if development.date else None


class Memory:
    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self.limit = limit
        self.reset(empty=False)

    def reset(self, *, empty: bool, position: int = -1) -> None:
        """Forget everything; ``empty`` says the tables hold no development (a rebuild's start)."""
        self.buckets: OrderedDict[tuple[Key, Year], list[Development]] = OrderedDict()
        self.years: dict[Key, set[Year]] = {}  # the buckets held, by key
        self.evicted: dict[Key, set[Year]] = {}  # buckets dropped for room: in the tables, not here
        self.whole: set[Key] = set()  # keys whose every bucket is held or evicted
        self.where: dict[int, tuple[Key, Year]] = {}  # the bucket of each development held
        self.complete = empty  # every key is whole
        self.size = 0
        self.position = position

    def follows(self, first_position: int) -> bool:
        """Still valid for a batch starting at ``first_position``? Resets it when not."""
        if first_position == self.position + 1:
            return True
        self.reset(empty=False)
        return False

    # -- loading what a batch needs ------------------------------------------------------------

    def prepare(self, conn: Connection, facts: Iterable[Facts]) -> None:
        """Make sure every bucket the batch's events could join is held (few queries).

        Once per event and per key of a batch, so kept to plain dict and set operations: in a
        rebuild every key is known, and one with no evicted bucket needs no further look
        (1.4 -> 1.0 us per event, 16k-event batches of bench/timeline.py's log).
        """
        wanted: dict[Key, set[Year]] = {}
        every_year: set[Key] = set()
        for f in facts:
            key, date = (f.type, f.actor_key), f.date
            if date is None:
                every_year.add(key)
            elif (years := wanted.get(key)) is None:
                wanted[key] = {date[:4], None}
            else:
                years.add(date[:4])
        missing: dict[Key, set[Year] | None] = {}  # None: every year of the key
        evicted = self.evicted
        for key in every_year:
            if self.complete or key in self.whole:
                if evicted.get(key):
                    missing[key] = set(evicted[key])
            else:
                missing[key] = None
        for key, years in wanted.items():
            if key in every_year:
                continue
            known = self.complete or key in self.whole
            if known and not evicted.get(key):
                continue  # every year of it is held or known empty (a rebuild's usual case)
            held = self.years.get(key, set())
            lacking = {y for y in years if y not in held and (not known or y in evicted.get(key, ()))}
            if lacking:
                missing[key] = lacking
        self._load(conn, missing)
        buckets, held_years = self.buckets, self.years
        for key, years in wanted.items():
            for year in years:  # as _bucket does, inlined: once per key and year of a batch
                if (key, year) in buckets:
                    buckets.move_to_end((key, year))
                else:
                    buckets[key, year] = []
                    held_years.setdefault(key, set()).add(year)

    def _load(self, conn: Connection, missing: dict[Key, set[Year] | None]) -> None:
        """Read the missing buckets, each with a range scan of ``ix_timeline_dev_bucket``."""
        if not missing:
            return
        bulk = Bulk(conn)
        stored = Rows(bulk)
        try:
            for (type_, actor_key), years in missing.items():
                key = (type_, actor_key)
                if years is None:
                    found: dict[Year, list[Development]] = {y: [] for y in self.evicted.get(key, ())}
                    for row in stored.key_rows(type_, actor_key):
                        development = development_from(row, matching=True)
                        found.setdefault(row[3][:4] if row[3] else None, []).append(development)
                    self.whole.add(key)
                else:
                    found = {}
                    for year in years:
                        rows = stored.bucket_rows(type_, actor_key, year)
                        found[year] = [development_from(row, matching=True) for row in rows]
                for year, developments in found.items():
                    self._replace(key, year, developments)
                    self.evicted.get(key, set()).discard(year)
        finally:
            bulk.close()

    def _replace(self, key: Key, year: Year, developments: list[Development]) -> None:
        old = self.buckets.pop((key, year), None)
        for development in old or ():
            del self.where[development.id]
        self.size += len(developments) - (len(old) if old else 0)
        self.buckets[key, year] = developments
        self.where.update((d.id, (key, year)) for d in developments)
        self.years.setdefault(key, set()).add(year)

    def _bucket(self, key: Key, year: Year) -> list[Development]:
        bucket = self.buckets.get((key, year))
        if bucket is None:
            bucket = self.buckets[key, year] = []
            self.years.setdefault(key, set()).add(year)
        else:
            self.buckets.move_to_end((key, year))
        return bucket

    # -- during a batch ------------------------------------------------------------------------

    def for_event(self, facts: Facts) -> list[Development]:
        key = (facts.type, facts.actor_key)
        if facts.date is None:
            return [d for year in self.years.get(key, ()) for d in self.buckets[key, year]]
        return self.buckets.get((key, facts.date[:4]), []) + self.buckets.get((key, None), [])

    def put(self, development: Development) -> None:
        place = ((development.type, development.actor_key), year_of(development))
        self._bucket(*place).append(development)
        self.where[development.id] = place
        self.size += 1

    def refile(self, development: Development) -> None:
        """File a development folded again after a retraction, if its bucket is held or known empty.

        Its bucket may be one no event of the batch wanted: evicted, or never loaded. Filing it
        there made a bucket of one that counted as held, and the developments stored in it were
        never loaded again (an event joined none of them: found by tests/timeline's property
        test). Left out, it is read back with them when an event needs the bucket.
        """
        key, year = (development.type, development.actor_key), year_of(development)
        known = self.complete or key in self.whole
        if year in self.years.get(key, ()) or (known and year not in self.evicted.get(key, ())):
            self.put(development)

    def drop(self, dev_id: int) -> None:
        """Take a development out of its bucket (before it is filed again, or when it is gone)."""
        place = self.where.pop(dev_id, None)
        if place is not None:
            bucket = self.buckets[place]
            bucket[:] = [d for d in bucket if d.id != dev_id]
            self.size -= 1

    # -- after a batch is written --------------------------------------------------------------

    def done(self, last_position: int) -> None:
        """The batch is written up to ``last_position``: evict the least recently used buckets."""
        self.position = last_position
        while self.size > self.limit and self.buckets:
            (key, year), bucket = self.buckets.popitem(last=False)
            self.size -= len(bucket)
            for development in bucket:
                del self.where[development.id]
            self.years[key].discard(year)
            if bucket:
                self.evicted.setdefault(key, set()).add(year)


class Rows:
    """Rows of timeline_developments (COLUMNS) read back: a key's, a bucket's (range scans of
    ix_timeline_dev_bucket) or one by id. The compiled engine reads them too (``native``)."""

    def __init__(self, bulk: Bulk) -> None:
        self.cursor = bulk.cursor
        mark = bulk.mark
        head = f"SELECT {', '.join(COLUMNS)} FROM timeline_developments WHERE "
        self.by_key = head + f"actor_key = {mark} AND type = {mark}"
        self.undated = self.by_key + " AND start_date IS NULL"
        self.dated = self.by_key + f" AND start_date >= {mark} AND start_date <= {mark}"
        self.by_id = head + f"id = {mark}"

    def key_rows(self, type_: str, actor_key: str) -> list[tuple[Any, ...]]:
        self.cursor.execute(self.by_key, (actor_key, type_))
        return list(self.cursor.fetchall())

    def bucket_rows(self, type_: str, actor_key: str, year: Year) -> list[tuple[Any, ...]]:
        if year is None:
            self.cursor.execute(self.undated, (actor_key, type_))
        else:
            self.cursor.execute(self.dated, (actor_key, type_, f"{year}-01-01", f"{year}-12-31"))
        return list(self.cursor.fetchall())

    def row(self, dev_id: int) -> tuple[Any, ...]:
        self.cursor.execute(self.by_id, (dev_id,))
        row = self.cursor.fetchone()
        if row is None:  # asked only for developments written or read before
            raise LookupError(f"timeline development {dev_id} is not stored")
        return tuple(row)
