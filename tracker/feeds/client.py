"""The HTTP client of a poll (headers, timeouts, connection limits) and the way a feed's GET is sent.

:func:`make_client` gives an ``httpx.AsyncClient``; with ``per_host`` it
sends through one small pool per host (tracker.feeds.transport), and
:func:`send_get` then takes the GET of a feed straight to that pool. Going
through ``AsyncClient.send`` (building the request object, merging headers
and cookies, auth and hooks, wrapping the response) made a not-modified
cycle of 500 feeds 1.07 G instructions instead of 0.79 G (callgrind of
bench/poll.py's server and feeds), for features a conditional GET of a feed
only needs in two cases, which still go through ``send``:

- cookies: once any response has set one, every later request goes
  through httpx, which sends them where they belong (the fast path stores
  what its responses set, so none is lost);
- credentials in the URL (``https://user:pass@host/feed``): httpx sends
  them as basic auth.

The request is the one httpx would send: the same URL parsing
(``httpx.URL``), the ``Host`` header first, then the client's headers, then
the request's; the response is an ``httpx.Response``, errors are httpx's.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import urllib.request
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import httpx

from tracker.feeds.transport import HostTransports

PROJECT_URL = "https://github.com/tracker-project/tracker"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)


def default_user_agent() -> str:
    try:
        version = importlib.metadata.version("tracker")
    except importlib.metadata.PackageNotFoundError:
        version = "0"
    return f"tracker/{version} (+{PROJECT_URL}; feed poller)"


class FeedClient(httpx.AsyncClient):
    """An ``httpx.AsyncClient`` that keeps a handle on its per-host pools, for :func:`send_get`."""

    def __init__(self, *, lanes: HostTransports | None = None, **kwargs: Any) -> None:
        super().__init__(transport=lanes, **kwargs)
        self.lanes = lanes


def make_client(
    *,
    user_agent: str | None = None,
    connect_timeout: float = 10.0,
    read_timeout: float = 30.0,
    max_connections: int = 20,
    per_host: int | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """The shared client of a poll run. Redirects stay off: fetch follows them itself to see
    which are permanent and to refuse a jump to a non-HTTP scheme. No pool timeout: the
    per-fetch deadline bounds waiting, and the caller's semaphore should not exceed max_connections.

    With ``per_host`` (and no proxy in the environment, which needs httpx's own routing)
    each host gets a pool of that many connections (tracker.feeds.transport), and
    ``max_connections`` bounds the idle ones kept for later fetches.
    """
    options: dict[str, Any] = {
        "headers": {
            "User-Agent": user_agent or default_user_agent(),
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip, deflate",
        },
        "timeout": httpx.Timeout(connect=connect_timeout, read=read_timeout, write=read_timeout, pool=None),
        "limits": httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections),
        "follow_redirects": False,
    }
    if transport is None and per_host is not None and not urllib.request.getproxies():
        lanes = HostTransports(per_host=per_host, max_idle_hosts=max(1, max_connections // per_host))
        return FeedClient(lanes=lanes, **options)
    return httpx.AsyncClient(transport=transport, **options)


async def send_get(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> httpx.Response:
    """GET ``url`` with the client's headers and ``headers``; the body streams, close the response.

    Straight to the client's per-host pools when it has them and no cookie or
    credential needs httpx (see the module docstring); through ``client.send`` otherwise.
    """
    lanes = client.lanes if isinstance(client, FeedClient) else None
    parsed = _parse(url)
    if lanes is None or parsed.userinfo or client.cookies:
        return await client.send(client.build_request("GET", parsed, headers=headers), stream=True)
    raw = [(b"Host", parsed.netloc), *client.headers.raw]
    raw += [(name.encode("ascii"), value.encode("ascii")) for name, value in headers.items()]
    response = await lanes.get(parsed, raw, client.timeout.as_dict())
    if "set-cookie" in response.headers:
        response.request = httpx.Request("GET", parsed, headers=raw)
        client.cookies.extract_cookies(response)
    return response


@lru_cache(maxsize=8192)
def _parse(url: str) -> httpx.URL:
    """``httpx.URL(url)``, kept for the next poll of the feed: parsing (IDNA, percent-encoding,
    validation) was a tenth of a not-modified fetch's CPU, and a daemon polls the same URLs
    every cycle. The objects are immutable; an invalid URL raises every time."""
    return httpx.URL(url)


class HostLimiter:
    """At most ``per_host`` fetches in flight to one host, so one site is not hammered.

    Use one per event loop (asyncio semaphores belong to the loop that first waits on them).
    """

    def __init__(self, per_host: int = 2) -> None:
        if per_host < 1:
            raise ValueError("per_host must be at least 1")
        self.per_host = per_host
        self._slots: dict[str, asyncio.Semaphore] = {}

    def slot(self, url: str) -> asyncio.Semaphore:
        """The host's semaphore: ``async with limiter.slot(url):`` holds a slot of that host.

        The semaphore itself, not a generator-based context manager around it: that
        wrapper cost more than the wait it guards on a not-modified poll.
        """
        host = split_url(url)[1]
        semaphore = self._slots.get(host)
        if semaphore is None:
            semaphore = self._slots[host] = asyncio.Semaphore(self.per_host)
        return semaphore


@lru_cache(maxsize=8192)
def split_url(url: str) -> tuple[str, str]:
    """(scheme, host) of ``url``, lower-cased; empty strings for what a malformed URL lacks.

    Kept per URL: a fetch asks twice (its host's slot, the scheme check), every poll."""
    try:
        parts = urlsplit(url)
        return parts.scheme.lower(), (parts.hostname or "").lower()
    except ValueError:  # e.g. "http://[::1"
        return "", ""
