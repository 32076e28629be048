"""Store a fetch's entries as articles and revisions, with their events, exactly once.

Two halves, as in lemon24/reader's update pipeline:

- :func:`decide` is pure: given the entries of one fetch and what the
  database knows about their keys, it says which entries are new articles,
  which are new revisions of stored ones, and which keys to record. An entry
  whose content hash equals any stored revision of its article is nothing new
  (a feed flapping between two versions does not make endless revisions).
- :func:`write_feed` runs inside ``store.writing()``: it reads the keys,
  decides, appends the events and writes the article rows in that one
  transaction, so a poll killed at any point leaves either all of a feed's new
  articles with their events, or none of them. Deciding again under the lock
  is what makes it safe when several feeds carry the same story.

Events get idempotency keys ``article:{id}:r{revision}:{extractor}:{ordinal}``;
a revision's events supersede the previous revision's (a ``superseded`` record).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from events.model import Supersession, to_wire, version_of
from events.store import EventStore, NewEvent, event_id
from tracker.feeds.identity import find_match
from tracker.feeds.parse import ParsedEntry

log = logging.getLogger(__name__)

# (type, version, wire payload, extractor) of one extracted event; plain data, cheap to pickle.
EventData = tuple[str, int, dict[str, Any], str]
Extracted = tuple[EventData, ...] | str  # a str is the extractor's error message
ExtractFn = Callable[..., Sequence[Any]]
_KEY_CHUNK = 400


@dataclass(frozen=True, slots=True)
class Known:
    """What the database knows of an article: its revisions' content hashes and event ranges."""

    article_id: int
    revision: int
    hashes: frozenset[str]
    first_position: int | None
    event_count: int


@dataclass(frozen=True, slots=True)
class Write:
    """An entry to store: as revision 1 of a new article, or as the next revision of a stored one."""

    index: int  # into the fetch's entries
    article_id: int
    revision: int
    previous: Known | None = None


@dataclass
class Plan:
    writes: list[Write] = field(default_factory=list)
    keys: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class Stored:
    new_articles: int = 0
    new_revisions: int = 0
    new_events: int = 0
    extract_errors: tuple[str, ...] = ()


def decide(entries: Sequence[ParsedEntry], known: Mapping[str, Known], next_id: int) -> Plan:
    """Which entries to store and as what (pure; see the module docstring).

    Entries go oldest first (feeds list the newest first), so article ids grow with time and
    two versions of one story in the same fetch become revisions 1 and 2 in that order.
    """
    plan = Plan()
    by_key: dict[str, Known] = dict(known)
    for index in reversed(range(len(entries))):
        entry = entries[index]
        article = find_match(entry.match_keys, by_key)
        if article is None:
            article = Known(next_id, 1, frozenset({entry.content_hash}), None, 0)
            next_id += 1
            plan.writes.append(Write(index, article.article_id, 1))
        elif entry.content_hash not in article.hashes:
            previous = article
            article = Known(
                article.article_id, article.revision + 1, article.hashes | {entry.content_hash}, None, 0
            )
            plan.writes.append(Write(index, article.article_id, article.revision, previous))
            for key, value in by_key.items():  # every key of the article now names the new revision
                if value.article_id == article.article_id:
                    by_key[key] = article
        for key in entry.match_keys:
            if key not in by_key:
                plan.keys.append((key, article.article_id))
            by_key[key] = article
    return plan


def extract_one(hook: ExtractFn, entry: ParsedEntry) -> Extracted:
    """Run the extraction hook on one entry; its failure is a message, not an exception."""
    try:
        found = hook(
            entry.text, title=entry.title, published=entry.published, url=entry.canonical_link or entry.link
        )
        return tuple((e.type, version_of(e), _payload(e), e.extractor) for e in found)
    except Exception as exc:  # the extractor's bug must not cost the feed its articles
        log.exception("extraction failed for %s", entry.link or entry.guid)
        return f"extraction failed for {entry.link or entry.guid}: {type(exc).__name__}: {exc}"


def extract_many(hook: ExtractFn, entries: Sequence[ParsedEntry]) -> list[Extracted]:
    """A batch for one process-pool job (module level, so it pickles)."""
    return [extract_one(hook, entry) for entry in entries]


def _payload(event: Any) -> dict[str, Any]:
    payload = to_wire(event)
    for column in ("id", "position", "recorded_at"):
        payload.pop(column, None)
    return payload


class _Sql:
    """Driver-level SQL on the write transaction's cursor: SQLAlchemy's per-row bind
    processing cost more than SQLite's work for these small rows (as in events/store.py)."""

    def __init__(self, conn: Connection) -> None:
        self.sqlite = conn.dialect.name == "sqlite"
        self.mark = "?" if self.sqlite else "%s"
        self.cursor = conn.connection.cursor()

    def stamp(self, value: datetime) -> Any:
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None).isoformat(" ", "microseconds") if self.sqlite else value

    def marks(self, count: int) -> str:
        return ", ".join([self.mark] * count)

    def many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if len(rows) == 1:
            self.cursor.execute(sql, rows[0])
        elif rows:
            self.cursor.executemany(sql, rows)


def load_known(sql: _Sql, keys: Sequence[str]) -> dict[str, Known]:
    """Stored articles by every one of ``keys`` they are known by, with all their revisions."""
    rows: list[tuple[Any, ...]] = []
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), _KEY_CHUNK):
        chunk = unique[start : start + _KEY_CHUNK]
        sql.cursor.execute(
            "SELECT k.key, r.article_id, r.revision, r.content_hash, r.first_position, r.event_count "
            "FROM article_keys k JOIN article_revisions r ON r.article_id = k.article_id "
            f"WHERE k.key IN ({sql.marks(len(chunk))})",
            tuple(chunk),
        )
        rows.extend(sql.cursor.fetchall())
    hashes: dict[int, set[str]] = {}
    newest: dict[int, tuple[Any, ...]] = {}
    for row in rows:
        hashes.setdefault(row[1], set()).add(row[3])
        if row[1] not in newest or row[2] > newest[row[1]][2]:
            newest[row[1]] = row
    articles = {
        aid: Known(aid, row[2], frozenset(hashes[aid]), row[4], row[5] or 0) for aid, row in newest.items()
    }
    return {row[0]: articles[row[1]] for row in rows}


def known_keys(conn: Connection, entries: Sequence[ParsedEntry]) -> dict[str, Known]:
    """Read-only lookup before the write transaction (to choose what to extract ahead of it)."""
    sql = _Sql(conn)
    try:
        return load_known(sql, [key for entry in entries for key in entry.match_keys])
    finally:
        sql.cursor.close()


def write_feed(
    store: EventStore,
    conn: Connection,
    feed_id: int,
    entries: Sequence[ParsedEntry],
    extracted: Mapping[int, Extracted],
    hook: ExtractFn,
    fetched_at: datetime,
) -> Stored:
    """Decide and store one fetch's entries inside the caller's ``store.writing()`` transaction.

    ``extracted`` holds the events already extracted (by entry index); an entry the final
    decision wants but nobody extracted is extracted here, in this thread.
    """
    sql = _Sql(conn)
    try:
        known = load_known(sql, [key for entry in entries for key in entry.match_keys])
        sql.cursor.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM articles")
        plan = decide(entries, known, int(sql.cursor.fetchone()[0]))  # type: ignore[index]
        if not plan.writes and not plan.keys:
            return Stored()
        results = {
            w.index: extracted[w.index] if w.index in extracted else extract_one(hook, entries[w.index])
            for w in plan.writes
        }
        ranges, count = _append_events(store, conn, plan.writes, results)
        _write_rows(sql, feed_id, entries, plan, ranges, fetched_at)
    finally:
        sql.cursor.close()
    revisions = sum(1 for w in plan.writes if w.previous is not None)
    errors = tuple(r for r in results.values() if isinstance(r, str))
    return Stored(len(plan.writes) - revisions, revisions, count, errors)


def _append_events(
    store: EventStore, conn: Connection, writes: list[Write], results: Mapping[int, Extracted]
) -> tuple[dict[int, tuple[int | None, int]], int]:
    """Append every write's events in one batch, then the supersessions of revised articles.

    Returns each write's (first position, count): a write's events are contiguous in the batch.
    """
    batch: list[NewEvent] = []
    spans: list[tuple[Write, int, int]] = []
    for write in writes:
        events = results[write.index]
        events = () if isinstance(events, str) else events
        start = len(batch)
        for ordinal, (type_, version, payload, extractor) in enumerate(events):
            key = f"article:{write.article_id}:r{write.revision}:{extractor}:{ordinal}"
            batch.append(NewEvent(key=key, type=type_, payload=payload, version=version))
        spans.append((write, start, len(batch) - start))
    records = store.append_in(conn, batch) if batch else []
    ranges: dict[int, tuple[int | None, int]] = {}
    in_batch: dict[tuple[int, int], tuple[int | None, int]] = {}
    superseding: list[NewEvent] = []
    for write, start, count in spans:
        first = records[start].position if count else None
        ranges[write.index] = in_batch[write.article_id, write.revision] = (first, count)
        previous = write.previous
        if previous is None:
            continue
        # The previous revision is stored, or was written earlier in this very batch.
        old_first, old_count = in_batch.get(
            (previous.article_id, previous.revision), (previous.first_position, previous.event_count)
        )
        if old_count and old_first is not None:
            new_ids = tuple(record.id for record in records[start : start + count])
            superseding.append(_supersession(write, old_first, old_count, new_ids))
    if superseding:
        store.append_in(conn, superseding)
    return ranges, len(records) + len(superseding)


def _supersession(write: Write, first: int, count: int, new_ids: tuple[str, ...]) -> NewEvent:
    old = tuple(event_id(first + i) for i in range(count))
    record = Supersession(
        old=old, new=new_ids, reason="article revised", article=f"article:{write.article_id}"
    )
    return NewEvent.of(record, f"article:{write.article_id}:r{write.revision}:superseded")


def _write_rows(
    sql: _Sql,
    feed_id: int,
    entries: Sequence[ParsedEntry],
    plan: Plan,
    ranges: Mapping[int, tuple[int | None, int]],
    fetched_at: datetime,
) -> None:
    fetched = sql.stamp(fetched_at)
    new_rows, updates, revisions = [], [], []
    for write in plan.writes:
        e = entries[write.index]
        published = sql.stamp(e.published)
        shared = (e.title, e.text, published, e.published_missing, fetched, e.content_hash, write.revision)
        if write.previous is None:
            new_rows.append((write.article_id, feed_id, e.key, e.canonical_link, e.guid, *shared))
        else:
            updates.append((e.canonical_link, e.guid, *shared, write.article_id))
        first, count = ranges[write.index]
        revisions.append(
            (write.article_id, write.revision, e.guid, e.link, e.title, e.text, published, fetched,
             e.content_hash, first, count)
        )  # fmt: skip
    columns = "title, text, published_at, published_missing, fetched_at, content_hash, revision"
    sql.many(
        f"INSERT INTO articles (id, feed_id, key, canonical_url, guid, {columns}) VALUES ({sql.marks(12)})",
        new_rows,
    )
    assignments = ", ".join(f"{name} = {sql.mark}" for name in f"canonical_url, guid, {columns}".split(", "))
    sql.many(f"UPDATE articles SET {assignments} WHERE id = {sql.mark}", updates)
    sql.many(
        "INSERT INTO article_revisions (article_id, revision, guid, link, title, text, published_at, "
        f"fetched_at, content_hash, first_position, event_count) VALUES ({sql.marks(11)})",
        revisions,
    )
    sql.many(f"INSERT INTO article_keys (key, article_id) VALUES ({sql.marks(2)})", plan.keys)
