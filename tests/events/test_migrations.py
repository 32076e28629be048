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
