"""Fetch a feed politely and safely: conditional GET, redirects, size and time limits, backoff hints.

Every way a fetch can go wrong comes back as a :class:`FetchResult` value,
never as an exception, so one bad feed cannot break a poll of hundreds (as
lemon24/reader's ``UpdateResult``). The orchestrator stores what it needs:

- ``result.etag`` / ``result.last_modified``: what to send next time, for
  every outcome (the old values are carried over when nothing new came);
- ``result.permanent_url``: set after a 301/308 chain that ended well; the
  new address to store. A 302/307/303 anywhere in the chain keeps the old one;
- ``result.outcome``: ``ok`` -> parse ``result.body`` with ``result.headers``
  and ``result.final_url``; ``not_modified``; ``gone`` (410: stop polling);
  ``retry_later`` (429/503, ``retry_after`` when the server said when); ``error``.

Scheduling (tracker.feeds.schedule): on ``ok``/``not_modified`` wait
:func:`interval_from_hints`; on a failure wait ``max(retry_after, now +
next_poll_after_failure(errors))``. Limits (tracker.feeds.client):
``make_client`` bounds connections overall; a :class:`HostLimiter` bounds
fetches per host; each fetch has a total ``deadline`` on top of the
connect/read timeouts, so a server that trickles one byte a second is cut off.

This module is the facade of fetching: the client and scheduling names are
importable from here too.
"""

from __future__ import annotations

import asyncio
import email.utils
import enum
import logging
import os
import re
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from tracker.feeds.client import ACCEPT, HostLimiter, default_user_agent, make_client, send_get, split_url
from tracker.feeds.schedule import (
    MAX_RETRY_AFTER,
    interval_from_hints,
    next_poll_after_failure,
    parse_retry_after,
)

__all__ = [
    "ACCEPT",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_BYTES",
    "MAX_REDIRECTS",
    "MAX_RETRY_AFTER",
    "FetchResult",
    "HostLimiter",
    "Outcome",
    "default_user_agent",
    "fetch",
    "interval_from_hints",
    "make_client",
    "next_poll_after_failure",
    "parse_retry_after",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 15 * 1024 * 1024
DEFAULT_DEADLINE = 60.0  # seconds for a whole fetch, redirects included
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_RETRY_LATER = frozenset({429, 503})
# httpx has already undone the transfer coding, so these would describe bytes we no longer hold.
_HOP_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})
_ERROR_LABELS: dict[type[Exception], str] = {
    httpx.ConnectTimeout: "connect timeout",
    httpx.ReadTimeout: "read timeout",
    httpx.WriteTimeout: "write timeout",
    httpx.PoolTimeout: "no free connection (pool timeout)",
    httpx.DecodingError: "could not decode the body",
    httpx.RemoteProtocolError: "protocol error",
    httpx.UnsupportedProtocol: "unsupported URL",
    httpx.InvalidURL: "invalid URL",
    httpx.ConnectError: "connection failed",
}


class Outcome(enum.StrEnum):
    OK = "ok"
    NOT_MODIFIED = "not_modified"
    GONE = "gone"
    RETRY_LATER = "retry_later"
    ERROR = "error"


@dataclass(frozen=True)
class FetchResult:
    """What one fetch found; plain values only, so it pickles and logs well."""

    url: str
    outcome: Outcome
    status: int | None = None
    body: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict, hash=False)
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    permanent_url: str | None = None
    retry_after: datetime | None = None
    error: str | None = None
    elapsed: float = 0.0


@dataclass(frozen=True)
class _Request:
    url: str
    etag: str | None
    last_modified: str | None
    max_bytes: int
    now: datetime

    def result(self, outcome: Outcome, **changes: Any) -> FetchResult:
        """A result that keeps the validators we were given unless the response brought new ones."""
        kept = {"etag": self.etag, "last_modified": self.last_modified}
        return FetchResult(self.url, outcome, **(kept | changes))

    def failure(self, message: str, **changes: Any) -> FetchResult:
        return self.result(Outcome.ERROR, error=" ".join(message.split()), **changes)


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    deadline: float = DEFAULT_DEADLINE,
    now: datetime,
    limiter: HostLimiter | None = None,
) -> FetchResult:
    """Fetch ``url`` (http, https or file) and say what happened; never raises for a feed's faults.

    ``now`` (aware) anchors Retry-After. The deadline starts once the host slot is free.
    """
    request = _Request(url.strip(), etag, last_modified, max_bytes, now)
    if limiter is None:
        return await _timed(client, request, deadline)
    async with limiter.slot(request.url):
        return await _timed(client, request, deadline)


async def _timed(client: httpx.AsyncClient, request: _Request, deadline: float) -> FetchResult:
    started = time.monotonic()
    try:
        async with asyncio.timeout(deadline):
            result = await _dispatch(client, request)
    except TimeoutError:
        result = request.failure(f"no complete response within the {deadline:g}s deadline")
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        result = request.failure(_describe_http_error(exc))
    except Exception as exc:  # a bug or an exotic failure: still one feed's problem, not the poll's
        log.exception("unexpected failure fetching %s", request.url)
        result = request.failure(f"unexpected {type(exc).__name__}: {exc}")
    return replace(result, elapsed=time.monotonic() - started)


def _describe_http_error(exc: Exception) -> str:
    detail = " ".join(str(exc).split())
    if isinstance(exc, httpx.ConnectError) and re.search(r"ssl|tls|certificate", detail, re.IGNORECASE):
        return f"TLS error: {detail}"
    label = next((text for kind, text in _ERROR_LABELS.items() if isinstance(exc, kind)), type(exc).__name__)
    return f"{label}: {detail}" if detail else label


def _join(base: str, location: str) -> str:
    try:
        return urljoin(base, location.strip())
    except ValueError:
        return location


async def _dispatch(client: httpx.AsyncClient, request: _Request) -> FetchResult:
    scheme, host = split_url(request.url)
    if scheme == "file":
        return await asyncio.to_thread(_read_file, request)
    if scheme not in ("http", "https") or not host:
        return request.failure(f"invalid or unsupported URL: {request.url!r}")
    return await _follow(client, request)


async def _follow(client: httpx.AsyncClient, request: _Request) -> FetchResult:
    """GET, following up to MAX_REDIRECTS redirects by hand; the permanent prefix of the chain counts."""
    current, permanent, moved_for_good = request.url, request.url, True
    for _ in range(MAX_REDIRECTS + 1):
        response = await send_get(client, current, _conditional(request))
        try:
            location = response.headers.get("location")
            if response.status_code not in _REDIRECTS or not location:
                result = await _conclude(response, request, final_url=current)
                if permanent != request.url and result.outcome in (Outcome.OK, Outcome.NOT_MODIFIED):
                    result = replace(result, permanent_url=permanent)
                return result
        finally:
            await _release(response)
        target = _join(current, location)
        if split_url(target)[0] not in ("http", "https"):
            return request.failure(f"refused redirect to {target!r}: not an HTTP URL")
        moved_for_good = moved_for_good and response.status_code in _PERMANENT
        if moved_for_good:
            permanent = target
        current = target
    return request.failure(f"more than {MAX_REDIRECTS} redirects")


async def _release(response: httpx.Response) -> None:
    """Close the response, keeping its connection for the next fetch from that host.

    httpcore drops a connection whose response is closed unread, even a 304's,
    which has no body: every not-modified fetch reconnected (500 connects in a
    500-feed cycle, cProfile of bench/poll.py). Reading a 304 never waits on the
    socket (the status says there is no body), so it cannot stretch a deadline;
    other unread bodies (redirects, error pages) are rare and not worth a wait.
    """
    try:
        if response.status_code == 304 and not response.is_closed:  # the host lanes close them at once
            await response.aread()
    except httpx.HTTPError:
        pass  # the connection is closed below either way
    finally:
        await response.aclose()


def _conditional(request: _Request) -> dict[str, str]:
    headers = {}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    return headers


async def _conclude(response: httpx.Response, request: _Request, *, final_url: str) -> FetchResult:
    status = response.status_code
    common: dict[str, Any] = {"status": status, "final_url": final_url}
    if status == 304:
        return request.result(
            Outcome.NOT_MODIFIED,
            etag=response.headers.get("etag") or request.etag,
            last_modified=response.headers.get("last-modified") or request.last_modified,
            **common,
        )
    # The standard phrase, not the server's: some send none, some shout, some write essays.
    reason = f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".strip()
    if status == 410:
        return request.result(Outcome.GONE, error=reason, **common)
    if status in _RETRY_LATER:
        retry_after = parse_retry_after(response.headers.get("retry-after"), request.now)
        return request.result(Outcome.RETRY_LATER, error=reason, retry_after=retry_after, **common)
    if not 200 <= status < 300:
        return request.failure(reason, **common)
    body = await _read_capped(response, request.max_bytes)
    if body is None:
        return request.failure(f"body exceeds {_size(request.max_bytes)}", **common)
    return FetchResult(
        request.url,
        Outcome.OK,
        body=body,
        headers={k.lower(): v for k, v in response.headers.items() if k.lower() not in _HOP_HEADERS},
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        status=status,
        final_url=final_url,
    )


async def _read_capped(response: httpx.Response, max_bytes: int) -> bytes | None:
    """The decoded body, or None as soon as it passes max_bytes (a gzip bomb stops there too)."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return None
    chunks, size = [], 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _size(limit: int) -> str:
    mib = 1024 * 1024
    return f"{limit // mib} MiB" if limit % mib == 0 else f"{limit} bytes"


def _read_file(request: _Request) -> FetchResult:
    """A local feed; its mtime stands in for Last-Modified so unchanged files are not reparsed."""
    parts = urlsplit(request.url)
    if parts.netloc not in ("", "localhost"):
        return request.failure(f"file URL on another host: {parts.netloc}")
    path = Path(urllib.request.url2pathname(parts.path))
    try:
        with path.open("rb") as handle:
            modified = email.utils.formatdate(os.fstat(handle.fileno()).st_mtime, usegmt=True)
            if modified == request.last_modified:
                return request.result(Outcome.NOT_MODIFIED, final_url=request.url)
            body = handle.read(request.max_bytes + 1)
    except OSError as exc:
        return request.failure(f"cannot read {path}: {exc.strerror or exc}")
    if len(body) > request.max_bytes:
        return request.failure(f"body exceeds {_size(request.max_bytes)}")
    headers = {"last-modified": modified}
    return request.result(
        Outcome.OK, body=body, headers=headers, last_modified=modified, etag=None, final_url=request.url
    )
