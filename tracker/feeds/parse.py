"""Feed bytes -> ParsedFeed: plain, picklable entries with text, dates and identity keys.

``parse_feed`` is a pure function of its arguments (no I/O, no clock), so the
poll orchestrator may run it in a ``ProcessPoolExecutor``: inputs and outputs
are bytes, strings, datetimes and frozen dataclasses. It never raises on a
document, however broken: what parsed is kept and the problem is reported as
one line in ``bozo_error``. Our own feedparser corpus test (tests/feeds) holds
it to that over feedparser's 1,850 hostile test files.
"""

from __future__ import annotations

import calendar
import io
import logging
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import Any

import feedparser

from tracker.feeds import identity

log = logging.getLogger(__name__)

# A publication date this far past the fetch is a feed's clock or typo, not news from the future.
FUTURE_TOLERANCE = timedelta(days=1)
_MAX_ERROR_CHARS = 300
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object"})
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
    }
)  # fmt: skip
_PARAGRAPH = "\n\n"
_LINE = "\n"


@dataclass(frozen=True)
class ParsedEntry:
    """One feed item, ready to be stored as an article (or a revision of one).

    ``key`` is the primary key for a new article; ``match_keys`` are all the
    keys to look up stored articles by (identity.find_match). ``published``
    is always an aware UTC time: the feed's date, or ``fetched_at`` when the
    feed gave none (``published_missing``) or one more than a day ahead
    (``published_clamped``). ``summary_only`` says the feed carried no full
    content, only a description, so ``text`` may be a teaser.
    """

    guid: str | None
    link: str | None
    canonical_link: str | None
    key: str
    match_keys: tuple[str, ...]
    title: str
    text: str
    published: datetime
    published_missing: bool
    published_clamped: bool
    content_hash: str
    author: str | None
    summary_only: bool


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed document: feed metadata, entries, and why it was not clean (``bozo_error``, one line).

    ``version`` is feedparser's name for the format (``rss20``, ``atom10``...),
    empty when the document is not recognisably a feed. ``skipped`` counts
    entries dropped for having no guid, link or title (or for failing to convert).
    """

    title: str
    link: str | None
    ttl_minutes: int | None
    bozo_error: str | None
    entries: tuple[ParsedEntry, ...]
    version: str = ""
    skipped: int = 0


class _TextCollector(HTMLParser):
    """Collects the readable text of an HTML fragment, marking line and paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag == "br":
            self.parts.append(_LINE)
        elif tag in _BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_data(self, data: str) -> None:
        # Newlines in HTML source are just spaces; only tags make breaks.
        if not self._skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def _tidy(text: str) -> str:
    """Collapse spaces within lines, drop empty lines, keep blank lines between paragraphs."""
    paragraphs = []
    for block in re.split(r"\n[ \t\r\f\v]*\n", text):
        lines = (" ".join(line.split()) for line in block.split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return _PARAGRAPH.join(paragraphs)


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment: tags and scripts gone, entities decoded, paragraphs kept."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _tidy("".join(collector.parts))


def _detail_text(value: str | None, content_type: str | None) -> str:
    if not value:
        return ""
    if content_type and not any(kind in content_type for kind in _HTML_TYPES):
        return _tidy(value)
    return html_to_text(value)


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _MAX_ERROR_CHARS else line[: _MAX_ERROR_CHARS - 1] + "…"


def _describe(exc: BaseException) -> str:
    message = str(exc)
    return _one_line(f"{type(exc).__name__}: {message}" if message else type(exc).__name__)


def _as_utc(parsed: Any) -> datetime | None:
    """feedparser's ``*_parsed`` fields are UTC struct_times; odd ones (year 0) count as missing."""
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _published(entry: Mapping[str, Any], fetched_at: datetime) -> tuple[datetime | None, datetime, bool]:
    """(date the feed stated, date to use, clamped?)."""
    candidates = (
        _as_utc(entry.get(name)) for name in ("published_parsed", "updated_parsed", "created_parsed")
    )
    stated = next((moment for moment in candidates if moment), None)
    if stated is None:
        return None, fetched_at, False
    if stated > fetched_at + FUTURE_TOLERANCE:
        return stated, fetched_at, True
    return stated, stated, False


def _body(entry: Mapping[str, Any]) -> tuple[str, bool]:
    """The longest of the entry's contents and summary, and whether only a summary was there."""
    contents = [
        _detail_text(c.get("value"), c.get("type"))
        for c in entry.get("content") or ()
        if isinstance(c, Mapping)
    ]
    summary_detail = entry.get("summary_detail") or {}
    summary = _detail_text(entry.get("summary"), summary_detail.get("type"))
    longest = max([*contents, summary], key=len)
    return longest, not any(contents)


def _title(holder: Mapping[str, Any]) -> str:
    """One line of plain text from a feed's or an entry's title, whatever markup it came in."""
    detail = holder.get("title_detail") or {}
    return " ".join(_detail_text(holder.get("title"), detail.get("type")).split())


def _clean(value: Any) -> str | None:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return text or None


def _entry(entry: Mapping[str, Any], fetched_at: datetime) -> tuple[ParsedEntry, datetime | None] | None:
    """An entry without its identity keys yet (they depend on the whole fetch), and its stated date."""
    guid, link = _clean(entry.get("id")), _clean(entry.get("link"))
    title = _title(entry)
    if not (guid or link or title):
        return None
    stated, published, clamped = _published(entry, fetched_at)
    text, summary_only = _body(entry)
    parsed = ParsedEntry(
        guid=guid,
        link=link,
        canonical_link=identity.canonical_url(link) if link else None,
        key="",
        match_keys=(),
        title=title,
        text=text,
        published=published,
        published_missing=stated is None,
        published_clamped=clamped,
        content_hash=identity.content_hash(title, text),
        author=_clean(entry.get("author")),
        summary_only=summary_only,
    )
    return parsed, stated


def _entries(raw_entries: list[Any], fetched_at: datetime) -> tuple[tuple[ParsedEntry, ...], int]:
    """Convert every entry, then give each its keys once the keys shared within this fetch are known."""
    drafts: list[tuple[ParsedEntry, datetime | None]] = []
    skipped = 0
    for raw in raw_entries:
        try:
            draft = _entry(raw, fetched_at)
        except Exception:  # one odd entry must not cost the rest of the feed
            log.warning("skipping a feed entry that failed to convert", exc_info=True)
            draft = None
        if draft is None:
            skipped += 1
        else:
            drafts.append(draft)
    shared = identity.shared_keys(entry for entry, _ in drafts)
    entries = tuple(_with_keys(entry, stated, shared) for entry, stated in drafts)
    return entries, skipped


def _with_keys(entry: ParsedEntry, stated: datetime | None, shared: set[str]) -> ParsedEntry:
    args = (entry.guid, entry.link, entry.title, stated)
    return replace(
        entry,
        key=identity.entry_key(*args, shared=shared),
        match_keys=identity.match_keys(*args, shared=shared),
    )


def _ttl_minutes(value: Any) -> int | None:
    try:
        minutes = int(str(value).strip())
    except ValueError:
        return None
    return minutes if minutes > 0 else None


def _feed_headers(headers: Mapping[str, str], url: str) -> dict[str, str]:
    """Lower-case keys (feedparser looks them up so), and the URL as base for relative links.

    Without a content type feedparser would flag any headers as a non-XML
    response; a missing one means "let the XML declaration decide", which is
    what ``application/xml`` without a charset says (RFC 7303).
    """
    lowered = {key.lower(): value for key, value in headers.items()}
    lowered.setdefault("content-location", url)
    lowered.setdefault("content-type", "application/xml")
    return lowered


def _bozo_error(result: Mapping[str, Any], body: bytes, has_entries: bool) -> str | None:
    if not body.strip():
        return "empty document"
    if result.get("bozo"):
        return _describe(result.get("bozo_exception") or Exception("feedparser flagged the document"))
    if not result.get("version") and not has_entries:
        return "not an RSS or Atom feed"
    return None


def parse_feed(body: bytes, *, url: str, headers: Mapping[str, str], fetched_at: datetime) -> ParsedFeed:
    """Parse a fetched document; ``headers`` as FetchResult.headers (content-type decides the charset).

    The body is handed to feedparser as a stream, never as bytes or str:
    feedparser treats a bare string as a URL or a *local file name* to open,
    which a hostile server could exploit by sending ``/etc/passwd`` as a body.
    """
    if fetched_at.tzinfo is None:
        raise ValueError("fetched_at must be an aware datetime")
    fetched_at = fetched_at.astimezone(UTC)
    try:
        # No sanitising or URI rewriting of HTML: html_to_text keeps only the text, so that
        # work would be thrown away, and it is a third of feedparser's time (bench/poll.py).
        result = feedparser.parse(
            io.BytesIO(body),
            response_headers=_feed_headers(headers, url),
            sanitize_html=False,
            resolve_relative_uris=False,
        )
        entries, skipped = _entries(list(result.get("entries") or ()), fetched_at)
        feed = result.get("feed") or {}
        return ParsedFeed(
            title=_title(feed),
            link=_clean(feed.get("link")),
            ttl_minutes=_ttl_minutes(feed.get("ttl")),
            bozo_error=_bozo_error(result, body, bool(entries)),
            entries=entries,
            version=str(result.get("version") or ""),
            skipped=skipped,
        )
    except Exception as exc:  # feedparser has crashed on hostile input before; a poll must go on
        log.warning("feed %s could not be parsed", url, exc_info=True)
        return ParsedFeed(
            title="", link=None, ttl_minutes=None, bozo_error=f"parser failed: {_describe(exc)}", entries=()
        )
