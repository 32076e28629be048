"""The daemon's own table: one row per digest day, so several daemons write each digest once.

The schema is created only by ``alembic/versions/0004_digest_runs.py``; keep the two in step.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, String, Text
from sqlmodel import Field, SQLModel


class DigestRun(SQLModel, table=True):
    __tablename__ = "digest_runs"

    day: date = Field(sa_column=Column(Date, primary_key=True, autoincrement=False))
    claimed_by: str = Field(sa_column=Column(String(128), nullable=False))
    claimed_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    finished_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    paths: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # a JSON list
    error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


digest_runs = DigestRun.__table__  # type: ignore[attr-defined]
