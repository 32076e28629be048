"""The feed registry: add, list, show, remove, and OPML import/export.

Functions take an SQLAlchemy Engine (``store.engine``) and return plain
values (:class:`FeedRecord`), so the CLI only formats. A feed URL is checked
before it is stored (http, https or file, with a host or a path), and a URL
already registered is refused with :class:`DuplicateFeed` rather than stored
twice; OPML import reports such entries as "already present" instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import listparser
import orjson
from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from events.store import wrap_errors
from tracker.errors import DuplicateFeed, FeedError, NotFound
from tracker.feeds.tables import feeds

DEFAULT_INTERVAL = 30 * 60
MIN_INTERVAL = 60
MAX_INTERVAL = 7 * 24 * 3600
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class FeedRecord:
    """One registered feed, as stored (times are aware UTC)."""

    id: int
    url: str
    title: str | None
    tags: tuple[str, ...]
    interval: int
    enabled: bool
    disabled_reason: str | None
    etag: str | None
    last_modified: str | None
    last_status: str | None
    last_http_status: int | None
    last_error: str | None
    error_count: int
    last_polled_at: datetime | None
    next_poll_at: datetime | None
    created_at: datetime
    lease_owner: str | None = None  # the poller fetching it now (tracker.feeds.leases)
    lease_until: datetime | None = None

    def row(self) -> dict[str, Any]:
        """A JSON-ready dict for ``tracker.output.emit``."""
        data = asdict(self)
        data["tags"] = list(self.tags)
        data["interval"] = format_interval(self.interval)
        for name in ("last_polled_at", "next_poll_at", "created_at", "lease_until"):
            value = data[name]
            data[name] = value.isoformat().replace("+00:00", "Z") if value else None
        return data


@dataclass(frozen=True)
class ImportReport:
    added: int
    present: int
    invalid: int
    problems: tuple[str, ...] = ()


def utc(value: Any) -> datetime | None:
    """SQLite hands DateTime columns back naive (they are stored as UTC); PostgreSQL aware."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def record(row: Any) -> FeedRecord:
    m = row._mapping
    return FeedRecord(
        id=m["id"],
        url=m["url"],
        title=m["title"],
        tags=tuple(orjson.loads(m["tags"] or "[]")),
        interval=m["interval"],
        enabled=bool(m["enabled"]),
        disabled_reason=m["disabled_reason"],
        etag=m["etag"],
        last_modified=m["last_modified"],
        last_status=m["last_status"],
        last_http_status=m["last_http_status"],
        last_error=m["last_error"],
        error_count=m["error_count"],
        last_polled_at=utc(m["last_polled_at"]),
        next_poll_at=utc(m["next_poll_at"]),
        created_at=utc(m["created_at"]) or datetime.now(UTC),
        lease_owner=m["lease_owner"],
        lease_until=utc(m["lease_until"]),
    )


def parse_interval(text: str | int) -> int:
    """``30m``, ``2h``, ``1d``, ``90s`` or a bare number of seconds -> seconds, within bounds."""
    value = str(text).strip().lower()
    match = re.fullmatch(r"(\d{1,9})\s*([smhd]?)", value)
    if not match:
        raise FeedError(f"not an interval: {text!r} (use e.g. 30m, 2h, 1d)")
    seconds = int(match.group(1)) * _UNITS[match.group(2) or "s"]
    if not MIN_INTERVAL <= seconds <= MAX_INTERVAL:
        raise FeedError(f"interval {text!r} is out of bounds (1m to 7d)")
    return seconds


def format_interval(seconds: int) -> str:
    for unit in ("d", "h", "m"):
        if seconds % _UNITS[unit] == 0:
            return f"{seconds // _UNITS[unit]}{unit}"
    return f"{seconds}s"


def validate_url(url: str) -> str:
    """The URL as it will be stored (scheme and host lower-cased), or FeedError saying why not."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        raise FeedError(f"not a valid URL: {url!r} ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if not host:
            raise FeedError(f"not a valid URL: {url!r} has no host")
        netloc = parts.netloc.rpartition("@")
        return urlunsplit((scheme, netloc[0] + netloc[1] + netloc[2].lower(), parts.path, parts.query, ""))
    if scheme == "file":
        if not parts.path:
            raise FeedError(f"not a valid URL: {url!r} has no path")
        return url
    raise FeedError(f"not a valid feed URL: {url!r} (use http, https or file)")


def _normalise_tags(tags: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(tag.strip() for tag in tags if tag and tag.strip()))


def add_feed(
    engine: Engine,
    url: str,
    *,
    title: str | None = None,
    interval: int = DEFAULT_INTERVAL,
    tags: Sequence[str] = (),
    now: datetime | None = None,
) -> FeedRecord:
    """Register a feed, due at once; DuplicateFeed if that URL is registered already."""
    url = validate_url(url)
    values = {
        "url": url,
        "title": title.strip() if title and title.strip() else None,
        "tags": orjson.dumps(_normalise_tags(tags)).decode(),
        "interval": interval,
        "enabled": True,
        "error_count": 0,
        "created_at": now or datetime.now(UTC),
    }
    with wrap_errors("add feed"):
        try:
            with engine.begin() as conn:
                if conn.execute(select(feeds.c.id).where(feeds.c.url == url)).first():
                    raise DuplicateFeed(f"feed already registered: {url}")
                feed_id = conn.execute(insert(feeds).values(values).returning(feeds.c.id)).scalar_one()
        except IntegrityError as exc:  # a concurrent add of the same URL won the race
            raise DuplicateFeed(f"feed already registered: {url}") from exc
    return get_feed(engine, feed_id)


def list_feeds(engine: Engine) -> list[FeedRecord]:
    with wrap_errors("list feeds"), engine.connect() as conn:
        return [record(row) for row in conn.execute(select(feeds).order_by(feeds.c.id))]


def get_feed(engine: Engine, ref: str | int) -> FeedRecord:
    """A feed by id (``12``) or by URL; NotFound otherwise."""
    text = str(ref).strip()
    where = feeds.c.id == int(text) if text.isdigit() else feeds.c.url == _lookup_url(text)
    with wrap_errors("show feed"), engine.connect() as conn:
        row = conn.execute(select(feeds).where(where)).first()
    if row is None:
        raise NotFound(f"no feed {text}")
    return record(row)


def _lookup_url(text: str) -> str:
    try:
        return validate_url(text)
    except FeedError:
        return text


def remove_feed(engine: Engine, ref: str | int) -> FeedRecord:
    """Unsubscribe; the feed's articles stay (they are the archive that events point to)."""
    feed = get_feed(engine, ref)
    with wrap_errors("remove feed"), engine.begin() as conn:
        conn.execute(delete(feeds).where(feeds.c.id == feed.id))
    return feed


def import_opml(
    engine: Engine, document: bytes, *, interval: int = DEFAULT_INTERVAL, now: datetime | None = None
) -> ImportReport:
    """Add every feed of an OPML (or other listparser-readable) document; count what happened."""
    parsed = listparser.parse(document)  # bytes, never a str: listparser fetches str URLs itself
    if not parsed.feeds and (parsed.bozo or not parsed.version):
        raise FeedError(f"not a readable OPML document ({parsed.bozo_exception or 'no subscription list'})")
    added = present = invalid = 0
    problems: list[str] = []
    for entry in parsed.feeds:
        url, title = entry.get("url") or "", entry.get("title")
        try:
            add_feed(
                engine, url, title=None if title == url else title,  # export writes text=url when untitled
                interval=interval, tags=entry.get("tags") or (), now=now,
            )  # fmt: skip
            added += 1
        except DuplicateFeed:
            present += 1
        except FeedError as exc:
            invalid += 1
            problems.append(str(exc))
    return ImportReport(added, present, invalid, tuple(problems))


def export_opml(engine: Engine, *, now: datetime | None = None) -> str:
    """OPML 2.0 of every registered feed; tags go into the ``category`` attribute."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "tracker feeds"
    stamp = (now or datetime.now(UTC)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    ET.SubElement(head, "dateCreated").text = stamp
    body = ET.SubElement(root, "body")
    for feed in list_feeds(engine):
        attributes = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attributes["title"] = feed.title
        if feed.tags:
            attributes["category"] = ",".join(tag.replace(",", " ") for tag in feed.tags)
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
