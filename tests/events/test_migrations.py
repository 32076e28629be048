"""Migrations on both backends: upgrade from empty, and the models match the migrations."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from events.engine import make_engine
from tracker import tables  # noqa: F401
from tracker.db import current_revision, head_revision, migrate


def test_upgrade_head_on_an_empty_database_then_autogenerate_finds_no_difference(db_url: str) -> None:
    engine = make_engine(db_url)
    assert current_revision(engine) is None
    assert migrate(engine) == head_revision()
    assert migrate(engine) == head_revision()  # idempotent
    assert {"event_log", "projection_checkpoints"} <= set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []
    engine.dispose()


def test_downgrade_to_base_and_up_again(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate(engine)
    migrate_down(engine)
    assert "event_log" not in inspect(engine).get_table_names()
    migrate(engine)
    assert "event_log" in inspect(engine).get_table_names()
    engine.dispose()


def migrate_down(engine, revision: str = "base") -> None:
    from alembic import command
    from tracker.db import alembic_config

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


CHECKPOINT_SQL = (
    "INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES (:n, 8, 1, :t)"
)


def test_0006_keys_the_timeline_by_its_own_btrees_on_sqlite_and_the_timeline_rebuilds(db_url: str) -> None:
    from events.store import EventStore, NewEvent
    from tracker import projections
    from tracker.timeline.query import TimelineQuery, timeline

    engine = make_engine(db_url)
    migrate(engine, "0005")
    store = EventStore(engine)
    payload = {
        "type": "deal",
        "occurred": {"date": "2018-10", "precision": "month", "text": "in October 2018"},
        "roles": {"buyer": "IND", "seller": "RUS"},
        "items": [{"name": "S-400", "quantity": 5}],
        "status": "signed",
        "summary": "India signed a deal with Russia for S-400.",
        "evidence": {"url": "https://a.example/1", "sentence": "India signed a deal with Russia."},
        "reported_at": "2018-10-06T00:00:00Z",
        "confidence": 0.8,
        "extractor": "rules@3",
    }
    store.append([NewEvent(key="article:a:r0:rules@3:0", type="deal", payload=payload)])
    with engine.begin() as conn:  # a timeline built by that release (whose code no longer runs here)
        conn.execute(text(CHECKPOINT_SQL), {"n": "timeline", "t": datetime.now(UTC)})
    assert migrate(engine) == head_revision()
    assert projections.lag(store)["timeline"] == 1  # the checkpoint went with the tables: a rebuild
    projections.catch_up_all(store)
    assert [d["summary"] for d in timeline(store, TimelineQuery())] == [payload["summary"]]
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            ddl = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())
        assert "position INTEGER NOT NULL" in ddl["timeline_events"]
        assert ddl["timeline_versions"].rstrip().endswith("WITHOUT ROWID")
    store.close()


def test_0007_keeps_only_membership_in_timeline_events_and_the_timeline_rebuilds(db_url: str) -> None:
    from events.store import EventStore, NewEvent
    from tracker import projections
    from tracker.timeline.query import TimelineQuery, timeline

    engine = make_engine(db_url)
    migrate(engine, "0006")
    store = EventStore(engine)
    payload = {
        "type": "delivery",
        "occurred": {"date": "2021-12", "precision": "month", "text": "in December 2021"},
        "roles": {"recipient": "IND", "supplier": "RUS"},
        "items": [{"name": "S-400", "quantity": None}],
        "status": "began",
        "summary": "Russia began delivering S-400s to India.",
        "evidence": {"url": "https://b.example/2", "sentence": "Russia began delivering S-400s."},
        "reported_at": "2021-12-14T00:00:00Z",
        "confidence": 0.8,
        "extractor": "rules@3",
    }
    store.append([NewEvent(key="article:b:r0:rules@3:0", type="delivery", payload=payload)])
    with engine.begin() as conn:  # the row that release wrote for it, facts and all
        conn.execute(
            text(
                "INSERT INTO timeline_events (position, dev_id, type, actor_key, facts) "
                "VALUES (1, 1, :t, :a, :f)"
            ),
            {"t": "delivery", "a": "IND,RUS", "f": "[]"},
        )
        conn.execute(text(CHECKPOINT_SQL), {"n": "timeline", "t": datetime.now(UTC)})
    assert migrate(engine) == head_revision()
    columns = {c["name"] for c in inspect(engine).get_columns("timeline_events")}
    assert columns == {"position", "dev_id", "retracted_at"}
    assert projections.lag(store)["timeline"] == 1  # the checkpoint went with the table: a rebuild
    projections.catch_up_all(store)
    [development] = timeline(store, TimelineQuery())
    assert development["roles"] == payload["roles"] and development["status"] == "began"
    assert [e["sentence"] for e in development["events"]] == [payload["evidence"]["sentence"]]
    migrate_down(engine, "0006")  # and back: the facts column returns, the timeline to be rebuilt
    assert "facts" in {c["name"] for c in inspect(engine).get_columns("timeline_events")}
    assert projections.lag(store)["timeline"] == 1
    store.close()
