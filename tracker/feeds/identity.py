"""Which stored article is this feed entry? Canonical links, guid revisions, keys and content hashes.

One story is one article however the feed re-issues it (DESIGN.md, "Articles"):
an entry is the same article as a stored one when its *base guid* matches or
its *canonical link* matches, unless that link is shared by several different
entries of one fetch and so identifies nothing. Publishers edit live stories
(new title, ``#0`` -> ``#1`` guid fragment, fresh guid at the same link); each
edit is a new revision of the article, told apart by :func:`content_hash`.

The matching rule, for the poll orchestrator that owns the database:

1. For each entry of a fetch, :func:`match_keys` gives the keys it may be
   known by, most telling first: ``guid:<exact guid>`` (only when it carries a
   revision fragment), ``guid:<base guid>``, ``link:<canonical link>``. A key
   that several different entries of the same fetch carry identifies nothing
   and is left out (:func:`shared_keys`; :func:`shared_links` for links). An
   entry left with no key gets one ``title:<sha256>`` key of title and date.
   ``parse_feed`` does all this and puts the result on ``ParsedEntry.match_keys``.
2. Look those keys up among the keys already stored for articles and call
   :func:`find_match`: the first key found wins, so a guid match beats a link
   that points at another article. No match means a new article, whose primary
   key is :func:`entry_key` (``ParsedEntry.key``).
3. Store every key of the entry against the article (old keys stay), so the
   next revision matches whether it keeps the guid or only the link.

A key that was shared when first seen is never stored, so a feed that links
every item to its home page does not glue later items together.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Protocol, TypeVar
from urllib.parse import unquote_plus, urlsplit, urlunsplit

T = TypeVar("T")

# Query parameters that only say how a reader arrived (analytics, ad clicks,
# newsletters). Matched case-insensitively on the decoded name.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "igshid", "li_fat_id", "mc_cid", "mc_eid", "ocid", "cmpid", "cmp", "ref", "ref_src",
        "ref_url", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ito", "xtor", "smid", "sr_share",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "at_", "ns_", "pk_", "mtm_", "hsa_")
# Names that carry real meaning on some sites (an image ``src``, a search
# ``source``) and are tracking only when the value names the feed.
FEED_MARKER_PARAMS = frozenset({"src", "source", "from", "feed", "partner", "via", "medium"})
_FEEDISH_VALUE = re.compile(r"rss|feed|syndicat|\batom\b", re.IGNORECASE)  # not "anatomy"
_DEFAULT_PORTS = {"http": 80, "https": 443}
# BBC-style revision counters: ``.../cx2r179e232o#0`` becomes ``#1`` when edited.
_REVISION_FRAGMENT = re.compile(r"#\d+$")
# Keys go into a unique index; PostgreSQL refuses btree entries over ~2.7 kB.
_MAX_KEY_CHARS = 512
CONTENT_HASH_VERSION = 1


class Identified(Protocol):
    """What :func:`shared_keys` needs of an entry (ParsedEntry has it)."""

    @property
    def guid(self) -> str | None: ...
    @property
    def canonical_link(self) -> str | None: ...
    @property
    def title(self) -> str: ...


def _is_tracking(raw_pair: str) -> bool:
    name, _, value = raw_pair.partition("=")
    name = unquote_plus(name).strip().lower()
    if name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
        return True
    return name in FEED_MARKER_PARAMS and bool(_FEEDISH_VALUE.search(unquote_plus(value)))


def _canonical_query(query: str) -> str:
    """Drop tracking pairs and sort the rest; pairs stay as sent, so no re-encoding changes meaning."""
    pairs = [pair for pair in re.split(r"[&;]", query) if pair and not _is_tracking(pair)]
    return "&".join(sorted(pairs))


# parse_feed asks for an entry's link and keys several times (its shared keys, match keys
# and primary key); memoised, each is worked out once: 10% of parse_feed (bench/poll.py feeds).
_MEMO = 4096


@lru_cache(maxsize=_MEMO)
def canonical_url(url: str) -> str:
    """The link with the noise removed: scheme/host case, default port, fragment, tracking params.

    The path is kept as is (servers may treat its case and trailing slash as
    meaningful). Anything that is not an http(s) URL comes back stripped but
    otherwise untouched, since we cannot know what is noise in it.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = f"{userinfo}@{host}" if userinfo else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", _canonical_query(parts.query), ""))


def base_guid(guid: str) -> str:
    """The guid without a numeric revision fragment, so ``#0`` and ``#1`` name one article.

    Only a purely numeric fragment is taken for a revision counter: other
    fragments (``page#item-3``) may be the very thing that tells items apart.
    """
    return _REVISION_FRAGMENT.sub("", guid.strip())


def _bounded(kind: str, value: str) -> str:
    key = f"{kind}:{value}"
    if len(key) <= _MAX_KEY_CHARS:
        return key
    return f"{kind}#sha256:{hashlib.sha256(value.encode('utf-8', 'surrogatepass')).hexdigest()}"


def _title_key(title: str | None, published: datetime | None) -> str:
    """Last resort identity: the title and the date (only a date the feed gave; see match_keys)."""
    text = " ".join((title or "").split())
    stamp = published.isoformat() if published is not None else ""
    return "title:" + hashlib.sha256(f"{text}\n{stamp}".encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=_MEMO)
def _candidates(guid: str | None, link: str | None) -> tuple[str | None, str | None, str | None]:
    """(exact guid key if it has a revision fragment, base guid key, canonical link key)."""
    raw = guid.strip() if guid else ""
    base = base_guid(raw) if raw else ""
    canonical = canonical_url(link) if link and link.strip() else ""
    return (
        _bounded("guid", raw) if raw != base else None,
        _bounded("guid", base) if base else None,
        _bounded("link", canonical) if canonical else None,
    )


def match_keys(
    guid: str | None,
    link: str | None,
    title: str | None,
    published: datetime | None,
    *,
    shared: Collection[str] = frozenset(),
) -> tuple[str, ...]:
    """The keys an entry may be known by, most telling first (see the module docstring).

    The exact guid comes before the base guid so that a live blog whose items
    are ``page#1``, ``page#2`` keeps them apart once they have been seen side
    by side. Keys in ``shared`` (:func:`shared_keys` of the fetch) are left
    out. ``published`` must be a date the feed stated, never the fetch time: a
    key that changed on every poll would store the same entry again each time.
    """
    keys = tuple(key for key in _candidates(guid, link) if key and key not in shared)
    if keys:
        return keys
    if not (title and title.strip()):
        raise ValueError("an entry needs a guid, a link or a title to be identified")
    return (_title_key(title, published),)


def entry_key(
    guid: str | None,
    link: str | None,
    title: str | None,
    published: datetime | None,
    *,
    shared: Collection[str] = frozenset(),
) -> str:
    """The primary key of a new article: base guid, else canonical link, else sha256 of title + date.

    The base guid is preferred to the exact one so that revisions ``#0`` and
    ``#1`` of a BBC story have one key; the exact guid stands in only when the
    base guid is shared within the fetch.
    """
    keys = match_keys(guid, link, title, published, shared=shared)
    _, base, _ = _candidates(guid, link)
    return base if base in keys else keys[0]


def find_match(keys: Sequence[str], stored: Mapping[str, T]) -> T | None:
    """The stored article (``stored`` maps key -> article) that the first matching key names, if any."""
    for key in keys:
        if key in stored:
            return stored[key]
    return None


def shared_keys(entries: Iterable[Identified]) -> set[str]:
    """guid and link keys carried by several *different* entries (other guid, link or title) of one fetch.

    Such a key identifies nothing: a feed that links every item to its home
    page, or gives every item the same guid. The same entry repeated in a feed
    does not make its keys shared.
    """
    seen: defaultdict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for entry in entries:
        identity = ((entry.guid or "").strip(), entry.canonical_link or "", " ".join(entry.title.split()))
        for key in _candidates(entry.guid, entry.canonical_link):
            if key:
                seen[key].add(identity)
    return {key for key, identities in seen.items() if len(identities) > 1}


def shared_links(entries: Iterable[Identified]) -> set[str]:
    """The canonical links that identify nothing in this fetch (see :func:`shared_keys`)."""
    return {key.removeprefix("link:") for key in shared_keys(entries) if key.startswith("link:")}


def content_hash(title: str | None, text: str | None) -> str:
    """A versioned hash of what a reader sees, to tell one revision of an article from the next.

    Only title and text go in, whitespace-normalised: dates, links, authors and
    feed metadata change without the story changing (lemon24/reader does the
    same in ``_hash_utils``). Bump CONTENT_HASH_VERSION when the inputs change,
    so old and new hashes are never compared as equals by accident.
    """
    payload = json.dumps([" ".join((title or "").split()), (text or "").strip()], ensure_ascii=False)
    digest = hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
    return f"v{CONTENT_HASH_VERSION}:{digest}"
