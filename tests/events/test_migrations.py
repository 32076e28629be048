"""Migrations on both backends: upgrade from empty, and the models match the migrations."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
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


def migrate_down(engine) -> None:
    from alembic import command
    from tracker.db import alembic_config

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")


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
    projections.catch_up_all(store)
    before = timeline(store, TimelineQuery())
    assert migrate(engine) == head_revision()
    projections.catch_up_all(store)  # the checkpoint went with the tables on SQLite: a rebuild
    assert [d["summary"] for d in timeline(store, TimelineQuery())] == [d["summary"] for d in before]
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            ddl = dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())
        assert "position INTEGER NOT NULL" in ddl["timeline_events"]
        assert ddl["timeline_versions"].rstrip().endswith("WITHOUT ROWID")
    store.close()
