"""The application's database: open it, migrate it (Alembic is the only way the schema changes)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import click
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from alembic import command
from events.engine import make_engine
from events.errors import SchemaError
from events.store import EventStore, wrap_errors

MIGRATIONS = Path(__file__).resolve().parent.parent / "alembic"


def alembic_config() -> Config:
    cfg = Config(str(MIGRATIONS.parent / "alembic.ini"))
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["configure_logger"] = False
    return cfg


@cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with wrap_errors("schema"), engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> str:
    """Upgrade the schema to ``revision`` in one transaction; returns the revision reached."""
    cfg = alembic_config()
    with wrap_errors("migrate"), engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return current_revision(engine) or "base"


def init_database(url: str) -> str:
    engine = make_engine(url)
    try:
        return migrate(engine)
    finally:
        engine.dispose()


def check_schema(engine: Engine) -> None:
    """Refuse to work on a database that `tracker init` has not brought to the newest revision."""
    current = current_revision(engine)
    if current is None:
        raise SchemaError("the database has no schema: run `tracker init`")
    if current != head_revision():
        raise SchemaError(
            f"the database schema is at {current}, this tracker needs {head_revision()}: run `tracker init`"
        )


def open_store(url: str) -> EventStore:
    engine = make_engine(url)
    try:
        check_schema(engine)
    except Exception:
        engine.dispose()
        raise
    return EventStore(engine)


def store_for(ctx: click.Context) -> EventStore:
    """The store of a command's ``--db``, closed when the command line finishes."""
    store = open_store(ctx.obj.database_url)
    ctx.find_root().call_on_close(store.close)
    return store
