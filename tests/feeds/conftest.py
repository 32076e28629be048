"""Fixtures for the feed tests: a fixed clock, fixture files, and a TCP server that misbehaves on cue.

pytest-httpserver covers well-behaved HTTP; ``raw_server`` is for what it
cannot script: a server that stalls or trickles one byte at a time, counted
connections. Nothing here reaches the internet.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tracker.feeds.fetch import FetchResult, fetch, make_client

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
DATA = Path(__file__).parent / "data"

Reply = Callable[[socket.socket, threading.Event], None]


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture(params=[None, 2], ids=["httpx-pool", "host-lanes"])
def fetch_url(request: pytest.FixtureRequest) -> Callable[..., FetchResult]:
    """Run one fetch on a fresh client; timeouts go to make_client, other keywords to fetch.

    Every test using it runs twice: through httpx's own pool and ``client.send``, and through
    the per-host lanes a poll uses (``per_host``), which send a feed's GET past ``client.send``.
    """
    per_host = request.param

    def run(
        url: str, *, connect_timeout: float = 2.0, read_timeout: float = 2.0, **kwargs: Any
    ) -> FetchResult:
        async def go() -> FetchResult:
            timeouts = {"connect_timeout": connect_timeout, "read_timeout": read_timeout}
            async with make_client(per_host=per_host, **timeouts) as client:
                return await fetch(client, url, now=kwargs.pop("now", NOW), **kwargs)

        return asyncio.run(go())

    return run


class RawServer:
    """Accepts connections on 127.0.0.1 and answers each with ``reply(conn, stop)`` in its own thread."""

    def __init__(self, reply: Reply) -> None:
        self.reply = reply
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/feed"
        self.threads: list[threading.Thread] = []
        self.accepter = threading.Thread(target=self._accept, daemon=True)
        self.accepter.start()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(2)
            try:
                conn.recv(65536)
                self.reply(conn, self.stop)
            except OSError:  # the client gave up on us, as the test intends
                pass

    def close(self) -> None:
        self.stop.set()
        self.accepter.join(2)
        self.listener.close()
        for thread in self.threads:
            thread.join(2)


@pytest.fixture
def raw_server() -> Iterator[Callable[[Reply], RawServer]]:
    servers: list[RawServer] = []

    def start(reply: Reply) -> RawServer:
        servers.append(RawServer(reply))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


KEEPALIVE_BODY = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


class CountingServer(ThreadingHTTPServer):
    """A keep-alive HTTP/1.1 server (``EtagHandler``) that counts the connections it accepts."""

    daemon_threads = True
    connections = 0

    def process_request(self, request: Any, client_address: Any) -> None:
        self.connections += 1
        super().process_request(request, client_address)

    def start(self) -> CountingServer:
        threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True).start()
        return self


class EtagHandler(BaseHTTPRequestHandler):
    """ETag "v1": 304 when asked with it, the feed otherwise; ``/close`` hangs up after each response
    without saying so (no ``Connection: close``), as servers with a short keep-alive do."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.send_header("ETag", '"v1"')
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", str(len(KEEPALIVE_BODY)))
            self.end_headers()
            self.wfile.write(KEEPALIVE_BODY)
        if self.path == "/close":
            self.wfile.flush()
            self.close_connection = True

    def log_message(self, *args: Any) -> None:
        pass
