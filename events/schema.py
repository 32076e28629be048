"""Tables of the event-sourcing core, defined with SQLModel.

``event_log`` is the one append-only log; ``projection_checkpoints`` records
how far each projection has read, written in the same transaction as the
projection's own rows. The schema is created only by Alembic migrations
(``alembic/``); these classes are what autogenerate compares them against.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, DateTime, Integer, LargeBinary, SmallInteger, String
from sqlmodel import Field, SQLModel

# A 64-bit position everywhere, but INTEGER on SQLite so that it is the rowid
# (a BIGINT primary key there would get a second, slower index).
Position = BigInteger().with_variant(Integer(), "sqlite")


class EventLog(SQLModel, table=True):
    """One row per event. Only two indexes (the position and the idempotency key):
    every index is paid on every append (bench/store.py), and an event's id is
    derived from its position, so it needs none of its own."""

    __tablename__ = "event_log"

    position: int = Field(sa_column=Column(Position, primary_key=True, autoincrement=False))
    key: str = Field(sa_column=Column(String(255), nullable=False, unique=True))
    type: str = Field(sa_column=Column(String(32), nullable=False))
    version: int = Field(sa_column=Column(SmallInteger, nullable=False))
    # Bytes, not text: the JSON is hashed and decoded as bytes, and fetching a BLOB skips a
    # UTF-8 decode that cost more than the JSON parse (bench/store.py: read rate x1.6).
    payload: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    recorded_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    chain_hash: str = Field(sa_column=Column(String(64), nullable=False))


class ProjectionCheckpoint(SQLModel, table=True):
    __tablename__ = "projection_checkpoints"

    name: str = Field(sa_column=Column(String(64), primary_key=True))
    version: int = Field(sa_column=Column(Integer, nullable=False))
    position: int = Field(sa_column=Column(BigInteger, nullable=False))
    updated_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


event_log = EventLog.__table__  # type: ignore[attr-defined]
projection_checkpoints = ProjectionCheckpoint.__table__  # type: ignore[attr-defined]

# Refusal of UPDATE and DELETE by the database itself; the migration installs these.
SQLITE_TRIGGERS = (
    """CREATE TRIGGER event_log_no_update BEFORE UPDATE ON event_log
       BEGIN SELECT RAISE(ABORT, 'event_log is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER event_log_no_delete BEFORE DELETE ON event_log
       BEGIN SELECT RAISE(ABORT, 'event_log is append-only: DELETE refused'); END""",
)
POSTGRES_TRIGGERS = (
    """CREATE OR REPLACE FUNCTION event_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'event_log is append-only: % refused', TG_OP
             USING ERRCODE = 'insufficient_privilege'; END $$""",
    """CREATE TRIGGER event_log_no_update BEFORE UPDATE OR DELETE ON event_log
       FOR EACH ROW EXECUTE FUNCTION event_log_refuse()""",
    """CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON event_log
       FOR EACH STATEMENT EXECUTE FUNCTION event_log_refuse()""",
)
SQLITE_DROP_TRIGGERS = (
    "DROP TRIGGER IF EXISTS event_log_no_update",
    "DROP TRIGGER IF EXISTS event_log_no_delete",
)
POSTGRES_DROP_TRIGGERS = (
    "DROP TRIGGER IF EXISTS event_log_no_truncate ON event_log",
    "DROP TRIGGER IF EXISTS event_log_no_update ON event_log",
    "DROP FUNCTION IF EXISTS event_log_refuse()",
)
