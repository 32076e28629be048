"""The projection runner: exactly once, atomic batches, rebuild, version bumps (both backends)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, func, insert, select

from events.errors import ProjectionError
from events.projection import Projection, ProjectionRunner
from events.store import EventStore, NewEvent, Record

metadata = MetaData()
seen = Table(
    "test_seen",
    metadata,
    Column("position", Integer, primary_key=True),  # a second apply of one event would violate this
    Column("type", String(16)),
)


class Seen(Projection):
    name = "seen"
    version = 1
    tables = (seen,)

    def __init__(self, fail_at: int | None = None) -> None:
        self.fail_at = fail_at

    def handlers(self):
        return {"deal": self._on_event, "sanction": self._on_event}

    def _on_event(self, conn: Connection, record: Record) -> None:
        if record.position == self.fail_at:
            raise ValueError("handler bug")
        conn.execute(insert(seen).values(position=record.position, type=record.type))


@pytest.fixture
def with_table(store: EventStore) -> EventStore:
    metadata.create_all(store.engine)
    return store


def fill(store: EventStore, start: int, stop: int) -> None:
    types = ("deal", "sanction", "statement")
    store.append(NewEvent(key=f"k{i}", type=types[i % 3], payload={"i": i}) for i in range(start, stop))


def positions(store: EventStore) -> list[int]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(seen.c.position).order_by(seen.c.position)).scalars())


def test_catch_up_applies_each_event_once_in_batches(with_table: EventStore) -> None:
    fill(with_table, 0, 23)
    runner = ProjectionRunner(with_table, Seen(), batch_size=5)
    assert runner.catch_up() == 23
    assert runner.catch_up() == 0
    expected = [r.position for r in with_table.read() if r.type != "statement"]
    assert positions(with_table) == expected
    assert runner.checkpoint().position == 23
    assert runner.lag() == 0


def test_a_failing_handler_leaves_its_batch_unapplied_and_a_rerun_applies_each_once(
    with_table: EventStore,
) -> None:
    fill(with_table, 0, 12)
    runner = ProjectionRunner(with_table, Seen(fail_at=8), batch_size=5)
    with pytest.raises(ProjectionError, match="between positions 6 and 10"):
        runner.catch_up()
    assert runner.checkpoint().position == 5
    assert max(positions(with_table)) <= 5  # nothing of the failed batch is visible
    runner.projection.fail_at = None  # type: ignore[attr-defined]
    assert runner.catch_up() == 7
    assert positions(with_table) == [r.position for r in with_table.read() if r.type != "statement"]


def test_catch_up_continues_where_it_stopped_and_honours_until(with_table: EventStore) -> None:
    fill(with_table, 0, 10)
    runner = ProjectionRunner(with_table, Seen(), batch_size=4)
    runner.catch_up(until=6)
    assert runner.checkpoint().position == 6
    fill(with_table, 10, 15)
    runner.catch_up()
    assert len(positions(with_table)) == sum(1 for r in with_table.read() if r.type != "statement")


def test_rebuild_clears_and_replays(with_table: EventStore) -> None:
    fill(with_table, 0, 9)
    runner = ProjectionRunner(with_table, Seen())
    runner.catch_up()
    with with_table.engine.begin() as conn:
        conn.execute(seen.delete().where(seen.c.position == 2))  # a damaged read model
    progress: list[tuple[int, int]] = []
    assert runner.rebuild(progress=lambda done, pos: progress.append((done, pos))) == 9
    assert positions(with_table) == [r.position for r in with_table.read() if r.type != "statement"]
    assert progress[-1] == (9, 9)


def test_a_new_version_rebuilds_on_its_own(with_table: EventStore) -> None:
    fill(with_table, 0, 6)
    ProjectionRunner(with_table, Seen()).catch_up()

    class SeenV2(Seen):
        version = 2

        def handlers(self):
            return {"statement": self._on_event}

    runner = ProjectionRunner(with_table, SeenV2())
    runner.catch_up()
    assert positions(with_table) == [r.position for r in with_table.read() if r.type == "statement"]
    assert runner.checkpoint().version == 2


def test_bulk_apply_override(with_table: EventStore) -> None:
    class Bulk(Seen):
        def apply(self, conn: Connection, records: Sequence[Record]) -> None:
            conn.execute(insert(seen), [{"position": r.position, "type": r.type} for r in records])

    fill(with_table, 0, 7)
    ProjectionRunner(with_table, Bulk(), batch_size=3).catch_up()
    with with_table.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(seen)).scalar() == 7


def test_batches_run_unmapped_without_the_collector_and_both_come_back(with_table: EventStore) -> None:
    """A rebuild's peak RSS counted the mapped log, and collections walked its state (events.projection)."""
    import gc

    fill(with_table, 0, 7)
    seen_inside: list[tuple[bool, int | None]] = []

    class Watching(Seen):
        def apply(self, conn: Connection, records: Sequence[Record]) -> None:
            mapped = None
            if conn.dialect.name == "sqlite":
                mapped = conn.connection.driver_connection.execute("PRAGMA mmap_size").fetchone()[0]
            seen_inside.append((gc.isenabled(), mapped))
            super().apply(conn, records)

    with with_table.engine.connect() as conn:
        before = conn.exec_driver_sql("PRAGMA mmap_size").scalar() if conn.dialect.name == "sqlite" else None
    assert ProjectionRunner(with_table, Watching(), batch_size=3).catch_up() == 7
    assert gc.isenabled()
    assert all(not collecting for collecting, _ in seen_inside)
    if before is not None:
        assert all(mapped == 0 for _, mapped in seen_inside)
        with with_table.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA mmap_size").scalar() == before


def test_a_rebuild_defers_query_indexes_and_a_catch_up_restores_them(with_table: EventStore) -> None:
    """Dropped while a rebuild writes, created at its end; one that stopped half way is repaired."""
    from sqlalchemy import Index, inspect

    by_type = Index("ix_test_seen_type", seen.c.type)
    by_type.create(with_table.engine, checkfirst=True)
    present: list[bool] = []

    def indexed() -> bool:
        with with_table.engine.connect() as conn:
            return "ix_test_seen_type" in {i["name"] for i in inspect(conn).get_indexes("test_seen")}

    class Deferring(Seen):
        deferred_indexes = (by_type,)

        def apply(self, conn: Connection, records: Sequence[Record]) -> None:
            names = {i["name"] for i in inspect(conn).get_indexes("test_seen")}
            present.append("ix_test_seen_type" in names)
            super().apply(conn, records)

    try:
        fill(with_table, 0, 7)
        runner = ProjectionRunner(with_table, Deferring(), batch_size=3)
        assert runner.rebuild() == 7
        assert present and not any(present)
        assert indexed()
        runner.drop_indexes()  # as a rebuild that stopped half way left it
        assert not indexed()
        assert runner.catch_up() == 0
        assert indexed()
        assert positions(with_table) == [r.position for r in with_table.read() if r.type != "statement"]
    finally:
        seen.indexes.discard(by_type)
