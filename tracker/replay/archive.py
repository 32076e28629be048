"""The stored archive as re-extraction sees it: each article's newest revision and the events it points at.

``article_revisions.first_position``/``event_count`` is a mutable pointer
beside the log, not part of it: it names the events that the revision's
current extraction put in the log, so that the next revision
(tracker.feeds.articles) or the next re-extraction knows what to supersede.
It moves only inside the transaction that appends the events it then names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, select, update

from events.records import utc
from events.store import wrap_errors
from tracker.feeds.registry import get_feed
from tracker.feeds.tables import article_revisions, articles

_PAGE = 200


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the extractor is given (as the poll gave it) and where the article's current events are."""

    id: int
    revision: int
    feed_id: int | None
    title: str
    text: str
    published: datetime
    url: str | None
    first_position: int | None
    event_count: int

    @property
    def positions(self) -> range:
        """The log positions of the events the current extraction appended (contiguous)."""
        if self.first_position is None or not self.event_count:
            return range(0)
        return range(self.first_position, self.first_position + self.event_count)

    @property
    def pointer(self) -> tuple[int, int | None, int]:
        return self.revision, self.first_position, self.event_count


@dataclass(frozen=True)
class Selection:
    """Which articles to re-extract: published on or after ``since`` (UTC), from feed ``feed``."""

    since: date | None = None
    feed: str | int | None = None


_COLUMNS = (
    articles.c.id,
    article_revisions.c.revision,
    articles.c.feed_id,
    article_revisions.c.title,
    article_revisions.c.text,
    article_revisions.c.published_at,
    articles.c.canonical_url,
    article_revisions.c.link,
    article_revisions.c.first_position,
    article_revisions.c.event_count,
)
# The newest revision only: older revisions' events were superseded when the next one arrived.
_NEWEST = and_(
    article_revisions.c.article_id == articles.c.id, article_revisions.c.revision == articles.c.revision
)


def _article(row: Any) -> StoredArticle:
    id_, revision, feed_id, title, text, published, canonical, link, first, count = row
    # The poll extracted with the canonical link when there was one (tracker.feeds.articles.extract_one).
    return StoredArticle(id_, revision, feed_id, title, text, utc(published), canonical or link, first, count)


def _filters(engine: Engine, selection: Selection) -> list[Any]:
    clauses: list[Any] = []
    if selection.since is not None:
        start = datetime(selection.since.year, selection.since.month, selection.since.day, tzinfo=UTC)
        clauses.append(articles.c.published_at >= start)
    if selection.feed is not None:
        clauses.append(articles.c.feed_id == get_feed(engine, selection.feed).id)  # NotFound if unknown
    return clauses


def count_articles(engine: Engine, selection: Selection) -> int:
    sql = select(func.count()).select_from(articles).where(*_filters(engine, selection))
    with wrap_errors("count articles"), engine.connect() as conn:
        return int(conn.execute(sql).scalar_one())


def iter_articles(engine: Engine, selection: Selection, page: int = _PAGE) -> Iterator[StoredArticle]:
    """The selected articles in id order (the order they were first stored), a page at a time."""
    clauses = _filters(engine, selection)
    after = 0
    while True:
        sql = (
            select(*_COLUMNS)
            .join(article_revisions, _NEWEST)
            .where(articles.c.id > after, *clauses)
            .order_by(articles.c.id)
            .limit(page)
        )
        with wrap_errors("read articles"), engine.connect() as conn:
            rows = [_article(row) for row in conn.execute(sql)]
        yield from rows
        if len(rows) < page:
            return
        after = rows[-1].id


def load_article(conn: Connection, article_id: int) -> StoredArticle | None:
    """One article as it is now, on the caller's connection (under the append lock when writing)."""
    sql = select(*_COLUMNS).join(article_revisions, _NEWEST).where(articles.c.id == article_id)
    row = conn.execute(sql).first()
    return None if row is None else _article(row)


def move_pointer(conn: Connection, article: StoredArticle, first: int | None, count: int) -> None:
    """Point the article's newest revision at the events just appended for it (same transaction)."""
    conn.execute(
        update(article_revisions)
        .where(article_revisions.c.article_id == article.id, article_revisions.c.revision == article.revision)
        .values(first_position=first, event_count=count)
    )
