"""Tables of the feed poller: the feed registry, the articles it stored, and their identity keys.

    feeds              one row per subscribed feed: schedule, validators, last status, lease
    articles           one row per story, holding its newest revision
    article_revisions  every revision of a story (the first included), kept for re-extraction
    article_keys       every key (guid, base guid, canonical link, title hash) an article is known by

An article and the events extracted from it are written in one transaction
(tracker.feeds.articles), so ``article_revisions`` says exactly which
revisions have their events in the log; ``first_position``/``event_count``
name those events, so a later revision can supersede them.

Article ids are allocated by the writer under the log's append lock (max + 1),
so one executemany stores a whole feed's new articles. The schema is created
only by ``alembic/versions/0002_feeds_articles.py``; keep the two in step
(tests/events/test_migrations.py compares them on both backends).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

KEY_LENGTH = 512  # identity._MAX_KEY_CHARS: longer keys are hashed before they get here
Position = BigInteger().with_variant(Integer(), "sqlite")


class Feed(SQLModel, table=True):
    __tablename__ = "feeds"
    __table_args__ = (
        UniqueConstraint("url", name="uq_feeds_url"),
        Index("ix_feeds_next_poll_at", "enabled", "next_poll_at"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True, autoincrement=True))
    url: str = Field(sa_column=Column(String(2048), nullable=False))
    title: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    tags: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # a JSON list
    interval: int = Field(sa_column=Column(Integer, nullable=False))  # seconds
    enabled: bool = Field(default=True, sa_column=Column(Boolean, nullable=False))
    disabled_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    etag: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    last_modified: str | None = Field(default=None, sa_column=Column(String(128), nullable=True))
    last_status: str | None = Field(default=None, sa_column=Column(String(32), nullable=True))
    last_http_status: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    last_error: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    error_count: int = Field(default=0, sa_column=Column(Integer, nullable=False))
    last_polled_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    next_poll_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    lease_owner: str | None = Field(default=None, sa_column=Column(String(128), nullable=True))
    lease_until: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class Article(SQLModel, table=True):
    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("key", name="uq_articles_key"),
        Index("ix_articles_feed_id", "feed_id"),
        Index("ix_articles_published_at", "published_at"),
    )

    id: int = Field(sa_column=Column(Position, primary_key=True, autoincrement=False))
    feed_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("feeds.id", ondelete="SET NULL"), nullable=True)
    )
    key: str = Field(sa_column=Column(String(KEY_LENGTH), nullable=False))
    canonical_url: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    guid: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    title: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    published_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    published_missing: bool = Field(sa_column=Column(Boolean, nullable=False))
    fetched_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    content_hash: str = Field(sa_column=Column(String(80), nullable=False))
    revision: int = Field(sa_column=Column(Integer, nullable=False))


class ArticleRevision(SQLModel, table=True):
    __tablename__ = "article_revisions"

    article_id: int = Field(
        sa_column=Column(
            Position, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
        )
    )
    revision: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    guid: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    link: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    title: str = Field(sa_column=Column(Text, nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    published_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    fetched_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    content_hash: str = Field(sa_column=Column(String(80), nullable=False))
    first_position: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    event_count: int = Field(default=0, sa_column=Column(Integer, nullable=False))


class ArticleKey(SQLModel, table=True):
    __tablename__ = "article_keys"
    __table_args__ = (Index("ix_article_keys_article_id", "article_id"),)

    key: str = Field(sa_column=Column(String(KEY_LENGTH), primary_key=True))
    article_id: int = Field(
        sa_column=Column(Position, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    )


feeds = Feed.__table__  # type: ignore[attr-defined]
articles = Article.__table__  # type: ignore[attr-defined]
article_revisions = ArticleRevision.__table__  # type: ignore[attr-defined]
article_keys = ArticleKey.__table__  # type: ignore[attr-defined]
