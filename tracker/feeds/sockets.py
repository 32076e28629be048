"""Connections for httpcore's HTTP/1.1 protocol code, opened and read with asyncio itself.

httpcore talks to the network through an ``AsyncNetworkStream``; its
default one goes through anyio, which costs a cancel scope per read and
write, builds a dict of socket attributes on every keep-alive check, and
polls the socket besides. On asyncio none of that buys anything: a
not-modified cycle of 500 feeds took 0.94 G instructions over anyio's
streams and 0.79 G over these (callgrind of bench/poll.py's server and
feeds). :class:`Stream` is the same contract on an ``asyncio.Protocol``:

- reads wait on the protocol with the read timeout; a read that finds data
  buffered returns it without waiting (a 304 usually arrives whole);
- the protocol stops reading past ``_HIGH_WATER`` buffered bytes, so a fast
  server cannot fill memory while a body is checked against its size cap;
- a write hands the bytes to the transport and returns, unless the
  transport's buffer is past its high-water mark (a large request body,
  which a feed's GET never has): then it waits, with the write timeout;
- ``is_readable`` (httpcore asks before reusing an idle connection) is true
  once the server has closed or sent anything, read by the loop or still in
  the socket: either way the connection is spent.

Errors are httpcore's (``ConnectError``, ``ReadTimeout``...), as from its own
streams, so its protocol code and httpx's error mapping treat them alike.
"""

from __future__ import annotations

import asyncio
import select
import ssl
from typing import Any

import httpcore

_HIGH_WATER = 256 * 1024  # bytes buffered before the socket is left unread
_LOW_WATER = 64 * 1024


class _Protocol(asyncio.Protocol):
    """Buffers what arrives and wakes the one reader waiting for it."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.ended = False  # the server closed its side, or the connection was lost
        self.error: BaseException | None = None
        self.paused = False
        self.waiter: asyncio.Future[None] | None = None
        self.writable: asyncio.Future[None] | None = None  # set while the transport asks writers to wait

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > _HIGH_WATER and self.transport is not None and not self.paused:
            self.paused = True
            self.transport.pause_reading()
        self._wake()

    def take(self, max_bytes: int) -> bytes:
        """Up to ``max_bytes`` of what arrived; the socket is read again once little is left."""
        buffer = self.buffer
        if len(buffer) <= max_bytes:  # the usual case: one copy, no slicing
            data = bytes(buffer)
            buffer.clear()
        else:
            data = bytes(buffer[:max_bytes])
            del buffer[:max_bytes]
        if self.paused and len(buffer) < _LOW_WATER and self.transport is not None:
            self.paused = False
            self.transport.resume_reading()
        return data

    def eof_received(self) -> None:
        self.ended = True
        self._wake()

    def connection_lost(self, exc: Exception | None) -> None:
        self.ended, self.error = True, exc
        self._wake()
        self.resume_writing()

    def pause_writing(self) -> None:
        self.writable = asyncio.get_running_loop().create_future()

    def resume_writing(self) -> None:
        if self.writable is not None and not self.writable.done():
            self.writable.set_result(None)
        self.writable = None

    def _wake(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)


class Stream(httpcore.AsyncNetworkStream):
    """An open connection; see the module docstring."""

    def __init__(self, transport: asyncio.Transport, protocol: _Protocol) -> None:
        self._transport, self._protocol = transport, protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        protocol = self._protocol
        if not protocol.buffer and not protocol.ended:
            await self._wait(timeout)
        if protocol.buffer:
            return protocol.take(max_bytes)
        if protocol.error is not None:
            raise httpcore.ReadError(str(protocol.error)) from protocol.error
        return b""  # the server closed the connection; httpcore decides what that means

    async def _wait(self, timeout: float | None) -> None:
        """Until data or the end arrives, or ``timeout``. If both fell due in one turn of the loop
        (it was blocked past the timeout, by a process pool starting, say) the data wins, as
        with anyio, which httpx used: otherwise a busy loop turns answered reads into timeouts."""
        protocol = self._protocol
        waiter = protocol.waiter = asyncio.get_running_loop().create_future()
        try:
            async with asyncio.timeout(timeout):
                await waiter
        except TimeoutError:
            if not waiter.done() or waiter.cancelled():
                raise httpcore.ReadTimeout() from None  # no message, as from httpcore's own streams
        finally:
            protocol.waiter = None

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        if self._transport.is_closing():
            raise httpcore.WriteError("the connection is closed")
        self._transport.write(buffer)
        writable = self._protocol.writable
        if writable is None:
            return
        try:
            async with asyncio.timeout(timeout):
                await writable
        except TimeoutError:
            raise httpcore.WriteTimeout() from None
        if self._protocol.ended:
            raise httpcore.WriteError(str(self._protocol.error or "the connection is closed"))

    async def aclose(self) -> None:
        # abort, not close: close() would wait for a TLS peer's close_notify (as anyio, which httpx used).
        self._transport.abort()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise NotImplementedError("connect() sets up TLS itself")

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return self._protocol.ended or bool(self._protocol.buffer) or _readable(self._transport)
        if info == "ssl_object":
            return self._transport.get_extra_info("ssl_object")
        if info in ("client_addr", "server_addr"):
            return self._transport.get_extra_info("sockname" if info == "client_addr" else "peername")
        if info == "socket":
            return self._transport.get_extra_info("socket")
        return None


def _readable(transport: asyncio.Transport) -> bool:
    """Whether the socket has something the event loop has not read yet (a FIN that came in
    since its last turn, say), as httpcore's own check polls the socket."""
    sock = transport.get_extra_info("socket")
    if sock is None or sock.fileno() == -1:
        return True
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLIN)
    return bool(poller.poll(0))


async def connect(
    host: str, port: int, *, ssl_context: ssl.SSLContext | None, timeout: float | None
) -> Stream:
    """A connection to ``host:port``, with TLS when given a context; each step gets ``timeout``
    (as httpcore times its TCP connect and TLS handshake separately)."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            # happy_eyeballs_delay: try the next address of a host after 250 ms, as anyio did.
            transport, protocol = await loop.create_connection(
                _Protocol, host, port, happy_eyeballs_delay=0.25
            )
    except TimeoutError:
        raise httpcore.ConnectTimeout() from None
    except OSError as exc:
        raise httpcore.ConnectError(str(exc)) from exc
    if ssl_context is not None:
        transport = await _start_tls(transport, protocol, ssl_context, host, timeout)
    assert isinstance(transport, asyncio.Transport)
    return Stream(transport, protocol)


async def _start_tls(
    transport: asyncio.Transport,
    protocol: _Protocol,
    context: ssl.SSLContext,
    host: str,
    timeout: float | None,
) -> asyncio.Transport:
    try:
        async with asyncio.timeout(timeout):
            secure = await asyncio.get_running_loop().start_tls(
                transport, protocol, context, server_hostname=host, ssl_handshake_timeout=timeout
            )
    except BaseException as exc:
        transport.abort()
        if isinstance(exc, TimeoutError):
            raise httpcore.ConnectTimeout() from None
        if isinstance(exc, OSError):  # ssl.SSLError included
            raise httpcore.ConnectError(str(exc)) from exc
        raise
    assert secure is not None
    protocol.transport = secure
    return secure
