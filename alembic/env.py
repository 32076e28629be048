"""Alembic environment: one metadata (SQLModel's) for events/ and tracker/, on SQLite or PostgreSQL."""

from __future__ import annotations

import os
from logging.config import fileConfig

from sqlalchemy import Connection
from sqlmodel import SQLModel

from alembic import context
from events.engine import make_engine
from tracker import tables  # noqa: F401  (registers the application's tables)

config = context.config
if config.config_file_name and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name)
target_metadata = SQLModel.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("TRACKER_DATABASE_URL")
    if not url:
        raise SystemExit("set TRACKER_DATABASE_URL or sqlalchemy.url")
    engine = make_engine(url)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `tracker init`")
run_migrations_online()
