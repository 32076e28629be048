"""One small connection pool per host, instead of one big pool for every host of a poll.

httpcore's pool scans all of its connections twice per request, and the
scan is quadratic in the idle ones (``_assign_requests_to_connections``; each
idle connection also polls its socket). A poll keeps a couple of connections
to each of dozens of hosts alive, so that scan cost more than the rest of a
not-modified fetch: in a 500-feed cycle over 20 hosts, 1,000 scans made
500,000 ``is_idle`` and 19,000 socket-poll calls, about 40% of the cycle's
time (cProfile of bench/poll.py). Routed to a pool of its own host, a request
scans at most ``per_host`` connections.

Open sockets stay bounded: a host's pool is closed once more than
``max_idle_hosts`` hosts have nothing in flight (least recently used first),
so at most ``per_host * (hosts in flight + max_idle_hosts)`` connections are
open. All pools share one SSL context (loading the CA bundle takes 0.1 s).
"""

from __future__ import annotations

import ssl
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from functools import cache

import httpx


@dataclass
class _Lane:
    transport: httpx.AsyncBaseTransport
    active: int = 0
    closing: bool = field(default=False)


class _Tracked(httpx.AsyncByteStream):
    """A response body that tells its lane when the response is closed."""

    def __init__(self, stream: httpx.AsyncByteStream, done: Callable[[], None]) -> None:
        self._stream, self._done = stream, done

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            done, self._done = self._done, _nothing
            done()


def _nothing() -> None:
    return None


@cache
def _ssl_context(verify: bool) -> ssl.SSLContext:
    """Once per process: loading the CA bundle took 30 ms, a tenth of a not-modified cycle."""
    return httpx.create_ssl_context(verify)


class HostTransports(httpx.AsyncBaseTransport):
    """Routes each request to the pool of its origin (scheme, host, port); see the module docstring."""

    def __init__(self, *, per_host: int, max_idle_hosts: int, verify: ssl.SSLContext | bool = True) -> None:
        self.per_host = per_host
        self.max_idle_hosts = max_idle_hosts
        self._verify = _ssl_context(verify) if isinstance(verify, bool) else verify
        self._lanes: dict[tuple[str, str, int | None], _Lane] = {}
        self._idle: OrderedDict[tuple[str, str, int | None], _Lane] = OrderedDict()
        self._closing: list[_Lane] = []

    def _new_transport(self) -> httpx.AsyncBaseTransport:
        limits = httpx.Limits(max_connections=self.per_host, max_keepalive_connections=self.per_host)
        return httpx.AsyncHTTPTransport(verify=self._verify, limits=limits, trust_env=False)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        origin = (url.scheme, url.host, url.port)
        lane = self._idle.pop(origin, None) or self._lanes.get(origin)
        if lane is None:
            lane = self._lanes[origin] = _Lane(self._new_transport())
        lane.active += 1
        try:
            response = await lane.transport.handle_async_request(request)
        except BaseException:
            self._release(origin, lane)
            await self._close_evicted()
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _Tracked(response.stream, lambda: self._release(origin, lane))
        await self._close_evicted()
        return response

    def _release(self, origin: tuple[str, str, int | None], lane: _Lane) -> None:
        """A request of ``lane`` is over; idle hosts past the bound are set aside to be closed."""
        lane.active -= 1
        if lane.active or lane.closing:
            return
        self._idle[origin] = lane
        while len(self._idle) > self.max_idle_hosts:
            old_origin, old = self._idle.popitem(last=False)
            del self._lanes[old_origin]
            old.closing = True
            self._closing.append(old)

    async def _close_evicted(self) -> None:
        while self._closing:
            await self._closing.pop().transport.aclose()

    async def aclose(self) -> None:
        lanes = list(self._lanes.values()) + self._closing
        self._lanes.clear()
        self._idle.clear()
        self._closing.clear()
        for lane in lanes:
            await lane.transport.aclose()
