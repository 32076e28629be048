"""Tables of the timeline projection: rebuilt from the log, never a source of truth.

``timeline_events`` keeps the development each event joined and the position
that withdrew it; a development is folded again (after a retraction, or as of
a past position) from its members' payloads in the log (``members``).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Float, Index, Integer, String, Text
from sqlmodel import Field, SQLModel

# On SQLite the row's own key (migration 0006): INTEGER PRIMARY KEY is the rowid, where BIGINT would
# be an index beside it; tables keyed on several columns are clustered on them (WITHOUT ROWID)
RowKey = BigInteger().with_variant(Integer(), "sqlite")
_CLUSTERED = {"sqlite_with_rowid": False}


class TimelineEvent(SQLModel, table=True):
    __tablename__ = "timeline_events"
    __table_args__ = (Index("ix_timeline_events_dev", "dev_id", "position"),)

    position: int = Field(sa_column=Column(RowKey, primary_key=True, autoincrement=False))
    dev_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    retracted_at: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))


class TimelineDevelopment(SQLModel, table=True):
    __tablename__ = "timeline_developments"
    __table_args__ = (
        Index("ix_timeline_dev_bucket", "actor_key", "type", "start_date"),  # tracker.timeline.memory
        Index("ix_timeline_dev_order", "order_date"),
    )

    id: int = Field(sa_column=Column(RowKey, primary_key=True, autoincrement=False))
    type: str = Field(sa_column=Column(String(16), nullable=False))
    actor_key: str = Field(sa_column=Column(String(255), nullable=False))
    date: str | None = Field(default=None, sa_column=Column(String(10), nullable=True))
    precision: str | None = Field(default=None, sa_column=Column(String(5), nullable=True))
    start_date: str | None = Field(default=None, sa_column=Column(String(10), nullable=True))
    end_date: str | None = Field(default=None, sa_column=Column(String(10), nullable=True))
    order_date: str = Field(sa_column=Column(String(10), nullable=False))
    status: str | None = Field(default=None, sa_column=Column(String(16), nullable=True))
    sources: int = Field(sa_column=Column(Integer, nullable=False))
    events: int = Field(sa_column=Column(Integer, nullable=False))
    confidence: float = Field(sa_column=Column(Float, nullable=False))
    first_reported: str | None = Field(default=None, sa_column=Column(String(32), nullable=True))
    last_reported: str | None = Field(default=None, sa_column=Column(String(32), nullable=True))
    best_position: int = Field(sa_column=Column(BigInteger, nullable=False))
    state: str = Field(sa_column=Column(Text, nullable=False))


class TimelineVersion(SQLModel, table=True):
    """A development's sortable, filterable state after each change, by log position.

    The timeline as of position P is, per development, its last version at or
    before P: one indexed GROUP BY instead of a replay (bitemporal queries).
    ``events = 0`` marks a development whose every event was retracted by then.
    """

    __tablename__ = "timeline_versions"
    __table_args__ = (_CLUSTERED,)

    dev_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    position: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    type: str = Field(sa_column=Column(String(16), nullable=False))
    end_date: str | None = Field(default=None, sa_column=Column(String(10), nullable=True))
    order_date: str = Field(sa_column=Column(String(10), nullable=False))
    status: str | None = Field(default=None, sa_column=Column(String(16), nullable=True))
    sources: int = Field(sa_column=Column(Integer, nullable=False))
    events: int = Field(sa_column=Column(Integer, nullable=False))


class TimelineActor(SQLModel, table=True):
    __tablename__ = "timeline_actors"
    __table_args__ = (Index("ix_timeline_actors_actor", "actor", "dev_id"), _CLUSTERED)

    dev_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    actor: str = Field(sa_column=Column(String(8), primary_key=True))


class TimelineItem(SQLModel, table=True):
    __tablename__ = "timeline_items"
    __table_args__ = (Index("ix_timeline_items_norm", "norm", "dev_id"), _CLUSTERED)

    dev_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    norm: str = Field(sa_column=Column(String(64), primary_key=True))


timeline_events = TimelineEvent.__table__  # type: ignore[attr-defined]
timeline_developments = TimelineDevelopment.__table__  # type: ignore[attr-defined]
timeline_actors = TimelineActor.__table__  # type: ignore[attr-defined]
timeline_versions = TimelineVersion.__table__  # type: ignore[attr-defined]
timeline_items = TimelineItem.__table__  # type: ignore[attr-defined]
