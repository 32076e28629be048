"""A few keep-alive connections per host, and a short way to send a GET on one.

httpcore's pool scans all of its connections twice per request, and the
scan is quadratic in the idle ones (``_assign_requests_to_connections``): in
a 500-feed cycle over 20 hosts one shared pool made 500,000 ``is_idle`` calls,
40% of the cycle (cProfile of bench/poll.py). So each origin (scheme, host,
port) gets a :class:`_Lane` of its own: at most ``per_host`` connections,
the idle ones reused most recent first. A lane hands out httpcore's own
HTTP/1.1 connections (``httpcore.AsyncHTTP11Connection``, the protocol code
httpx runs on) over asyncio streams (tracker.feeds.sockets) without a pool
object around them: a pool per host (an anyio event, a cancellation shield
and a scan of its connections per request) made a not-modified cycle of 500
feeds 0.96 G instructions instead of 0.79 G (callgrind of bench/poll.py's
server and feeds). Errors come out as httpx's exceptions.

:class:`HostTransports` is an httpx transport (so an ``httpx.AsyncClient``
sends through it), and :meth:`HostTransports.get` takes a feed's GET
straight to a lane, past the client's request building, cookie and hook
machinery (tracker.feeds.client decides when that is safe).

Open sockets stay bounded: a host's lane is closed once more than
``max_idle_hosts`` hosts have nothing in flight (least recently used first),
so at most ``per_host * (hosts in flight + max_idle_hosts)`` connections are
open. All lanes share one SSL context (loading the CA bundle takes 0.1 s).
"""

from __future__ import annotations

import asyncio
import ssl
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from functools import cache
from typing import Any

import httpcore
import httpx

from tracker.feeds import sockets

KEEPALIVE_EXPIRY = 5.0  # seconds an idle connection is trusted (httpx's default)
_Key = tuple[bytes, bytes, int | None]
_NO_BODY = frozenset({204, 304})
_Connection = httpcore.AsyncHTTP11Connection
_ERRORS: dict[type[Exception], type[httpx.HTTPError]] = {
    httpcore.ConnectTimeout: httpx.ConnectTimeout,
    httpcore.ReadTimeout: httpx.ReadTimeout,
    httpcore.WriteTimeout: httpx.WriteTimeout,
    httpcore.PoolTimeout: httpx.PoolTimeout,
    httpcore.TimeoutException: httpx.TimeoutException,
    httpcore.ConnectError: httpx.ConnectError,
    httpcore.ReadError: httpx.ReadError,
    httpcore.WriteError: httpx.WriteError,
    httpcore.NetworkError: httpx.NetworkError,
    httpcore.RemoteProtocolError: httpx.RemoteProtocolError,
    httpcore.LocalProtocolError: httpx.LocalProtocolError,
    httpcore.ProtocolError: httpx.ProtocolError,
    httpcore.UnsupportedProtocol: httpx.UnsupportedProtocol,
}


def _as_httpx(exc: BaseException) -> BaseException:
    """httpx's exception for one of httpcore's, as httpx's own transport maps them; others as they are."""
    for kind in type(exc).__mro__:
        if kind in _ERRORS:
            return _ERRORS[kind](str(exc))
    return exc


@cache
def _ssl_context(verify: bool) -> ssl.SSLContext:
    """Once per process: loading the CA bundle took 30 ms, a tenth of a not-modified cycle."""
    return httpx.create_ssl_context(verify)


class _Lane:
    """The connections to one origin: at most ``per_host`` in use, the idle ones kept for reuse."""

    def __init__(self, origin: httpcore.Origin, per_host: int) -> None:
        self.origin = origin
        self.slots = asyncio.Semaphore(per_host)
        self.idle: list[_Connection] = []
        self.active = 0
        self.closing = False

    async def checkout(self, context: ssl.SSLContext, timeout: float | None) -> _Connection:
        """An idle connection still good for a request, or a new one. Call with a slot held."""
        while self.idle:
            connection = self.idle.pop()
            if not connection.has_expired():
                return connection
            await connection.aclose()
        origin = self.origin
        stream = await sockets.connect(
            origin.host.decode("ascii"),
            origin.port,
            ssl_context=context if origin.scheme == b"https" else None,
            timeout=timeout,
        )
        return _Connection(origin, stream, keepalive_expiry=KEEPALIVE_EXPIRY)

    async def checkin(self, connection: _Connection) -> None:
        """The response on ``connection`` is closed: keep the connection if it can serve another."""
        self.slots.release()
        if connection.is_idle() and not self.closing:
            self.idle.append(connection)
        else:
            await connection.aclose()

    async def aclose(self) -> None:
        idle, self.idle = self.idle, []
        for connection in idle:
            await connection.aclose()


class _Body(httpx.AsyncByteStream):
    """A response body that maps httpcore's errors to httpx's and gives its connection back when closed."""

    def __init__(self, stream: Any, done: Callable[[], Awaitable[None]]) -> None:
        self._stream, self._done = stream, done

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._stream:
                yield chunk
        except Exception as exc:
            mapped = _as_httpx(exc)
            if mapped is exc:
                raise
            raise mapped from exc

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            done, self._done = self._done, _nothing
            await done()

    async def drain(self) -> None:
        """Read to the end and close, giving the connection back."""
        try:
            async for _ in self:
                pass
        finally:
            await self.aclose()


async def _nothing() -> None:
    return None


async def _empty(response: httpcore.Response, body: _Body, *, close: bool) -> httpx.Response:
    """A response that has no body whatever its headers say (RFC 9110 6.4.1: 204, 304, HEAD), read
    to its end at once: its connection is free before the caller gets to the response.

    ``close`` hands it back closed: nothing to read, nothing to release. Reading even an empty
    body through httpx's decoders and chunkers costs about 50 us (timeit), a tenth of a 304's fetch.
    """
    await body.drain()
    empty = httpx.Response(
        response.status, headers=response.headers, stream=httpx.ByteStream(b""),
        extensions=response.extensions,
    )  # fmt: skip
    if close:
        await empty.aclose()
    return empty


class HostTransports(httpx.AsyncBaseTransport):
    """Routes each request to the lane of its origin; see the module docstring."""

    def __init__(self, *, per_host: int, max_idle_hosts: int, verify: ssl.SSLContext | bool = True) -> None:
        if per_host < 1:
            raise ValueError("per_host must be at least 1")
        self.per_host = per_host
        self.max_idle_hosts = max_idle_hosts
        self._context = _ssl_context(verify) if isinstance(verify, bool) else verify
        self._context.set_alpn_protocols(["http/1.1"])  # offered as httpcore offers it (no HTTP/2 here)
        self._lanes: dict[_Key, _Lane] = {}
        self._idle: OrderedDict[_Key, _Lane] = OrderedDict()
        self._closing: list[_Lane] = []

    async def get(
        self, url: httpx.URL, headers: Sequence[tuple[bytes, bytes]], timeouts: Mapping[str, float | None]
    ) -> httpx.Response:
        """GET ``url`` with exactly ``headers`` (Host included); the body streams, close the response.

        A response without a body (204, 304) comes back closed and unread: there is nothing to read.
        """
        target = httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path)
        request = httpcore.Request(b"GET", target, headers=list(headers), extensions={"timeout": timeouts})
        return await self._send(request, close_empty=True)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        target = httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path)
        assert isinstance(request.stream, httpx.AsyncByteStream)
        core = httpcore.Request(
            request.method, target, headers=request.headers.raw, content=request.stream,
            extensions=request.extensions,
        )  # fmt: skip
        return await self._send(core)

    async def _send(self, request: httpcore.Request, *, close_empty: bool = False) -> httpx.Response:
        key, lane = self._lane(request.url)
        lane.active += 1
        try:
            response, connection = await self._exchange(lane, request)
        except BaseException as exc:
            self._release(key, lane)
            await self._close_evicted()
            mapped = _as_httpx(exc)
            if mapped is exc:
                raise
            raise mapped from exc
        await self._close_evicted()

        async def done() -> None:
            await lane.checkin(connection)
            self._release(key, lane)
            await self._close_evicted()

        body = _Body(response.stream, done)
        if response.status in _NO_BODY or request.method == b"HEAD":
            return await _empty(response, body, close=close_empty)
        return httpx.Response(
            response.status, headers=response.headers, stream=body, extensions=response.extensions
        )

    def _lane(self, url: httpcore.URL) -> tuple[_Key, _Lane]:
        if url.scheme not in (b"http", b"https"):
            raise httpx.UnsupportedProtocol(f"unsupported protocol {url.scheme.decode()!r}")
        key: _Key = (url.scheme, url.host, url.port)
        lane = self._idle.pop(key, None) or self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = _Lane(url.origin, self.per_host)
        return key, lane

    async def _exchange(
        self, lane: _Lane, request: httpcore.Request
    ) -> tuple[httpcore.Response, _Connection]:
        """Send on a connection of ``lane``, holding one of its slots until the response is closed."""
        timeouts = request.extensions.get("timeout", {})
        await lane.slots.acquire()
        connection = None
        try:
            connection = await lane.checkout(self._context, timeouts.get("connect"))
            return await connection.handle_async_request(request), connection
        except BaseException:
            if connection is not None:
                await connection.aclose()  # httpcore closed it already unless the error came first
            lane.slots.release()
            raise

    def _release(self, key: _Key, lane: _Lane) -> None:
        """A request of ``lane`` is over; idle hosts past the bound are set aside to be closed."""
        lane.active -= 1
        if lane.active or lane.closing:
            return
        self._idle[key] = lane
        while len(self._idle) > self.max_idle_hosts:
            old_key, old = self._idle.popitem(last=False)
            del self._lanes[old_key]
            old.closing = True
            self._closing.append(old)

    async def _close_evicted(self) -> None:
        while self._closing:
            await self._closing.pop().aclose()

    async def aclose(self) -> None:
        lanes = list(self._lanes.values()) + self._closing
        self._lanes.clear()
        self._idle.clear()
        self._closing.clear()
        for lane in lanes:
            lane.closing = True
            await lane.aclose()
