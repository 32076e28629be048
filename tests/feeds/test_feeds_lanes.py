"""The short path of a feed's GET (tracker.feeds.client.send_get -> transport lanes -> sockets),
against real local servers: TLS, connection reuse and replacement, cookies, credentials,
flow control, cancellation. test_feeds_fetch runs the whole fetch suite on this path too."""

from __future__ import annotations

import asyncio
import base64
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.feeds.conftest import KEEPALIVE_BODY, CountingServer, EtagHandler
from tracker.feeds.client import FeedClient, make_client, send_get
from tracker.feeds.fetch import FetchResult, Outcome, fetch
from tracker.feeds.transport import HostTransports

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def plain() -> Iterator[CountingServer]:
    server = CountingServer(("127.0.0.1", 0), EtagHandler).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, made by the openssl command line."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def secure(certificate: tuple[Path, Path]) -> Iterator[CountingServer]:
    server = CountingServer(("127.0.0.1", 0), EtagHandler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.start()
    yield server
    server.shutdown()
    server.server_close()


def _url(server: CountingServer, scheme: str = "http", path: str = "/feed") -> str:
    host, port = server.server_address[:2]
    return f"{scheme}://{host!s}:{port}{path}"


def _client(verify: ssl.SSLContext | bool = True, per_host: int = 2) -> FeedClient:
    lanes = HostTransports(per_host=per_host, max_idle_hosts=4, verify=verify)
    return FeedClient(lanes=lanes, timeout=httpx.Timeout(5.0, pool=None))


def _fetch_all(client: httpx.AsyncClient, plan: list[tuple[str, str | None]]) -> list[FetchResult]:
    async def go() -> list[FetchResult]:
        async with client:
            return [await fetch(client, url, etag=etag, now=NOW) for url, etag in plan]

    return asyncio.run(go())


def test_tls_fetches_share_one_connection(secure, certificate):
    trusted = ssl.create_default_context(cafile=str(certificate[0]))
    url = _url(secure, "https")
    results = _fetch_all(_client(trusted), [(url, None), (url, '"v1"'), (url, '"v1"')])
    assert [r.outcome for r in results] == [Outcome.OK, Outcome.NOT_MODIFIED, Outcome.NOT_MODIFIED]
    assert results[0].body == KEEPALIVE_BODY
    assert secure.connections == 1


def test_an_untrusted_certificate_is_a_tls_error(secure):
    (result,) = _fetch_all(_client(), [(_url(secure, "https"), None)])
    assert result.outcome is Outcome.ERROR
    assert (result.error or "").startswith("TLS error") and "CERTIFICATE_VERIFY_FAILED" in (
        result.error or ""
    )


def test_a_connection_the_server_hung_up_is_replaced(plain):
    url = _url(plain, path="/close")

    async def go() -> list[Outcome]:
        outcomes = []
        async with _client() as client:
            for etag in (None, '"v1"', None):
                outcomes.append((await fetch(client, url, etag=etag, now=NOW)).outcome)
                await asyncio.sleep(0.2)  # time for the server's FIN to arrive
        return outcomes

    assert asyncio.run(go()) == [Outcome.OK, Outcome.NOT_MODIFIED, Outcome.OK]
    assert plain.connections == 3


def test_a_304_frees_its_connection_before_the_response_is_closed(plain):
    async def go() -> int:
        async with _client(per_host=1) as client:
            first = await send_get(client, _url(plain), {"If-None-Match": '"v1"'})
            second = await send_get(client, _url(plain), {"If-None-Match": '"v1"'})  # would wait for a slot
            return first.status_code + second.status_code

    assert asyncio.run(asyncio.wait_for(go(), 5)) == 608
    assert plain.connections == 1


@pytest.mark.parametrize("per_host", [None, 2])
def test_a_cookie_set_on_the_way_is_sent_after_the_redirect(httpserver: HTTPServer, per_host):
    def gate(request: Request) -> Response:
        if request.path == "/start":
            return Response(status=302, headers={"Location": "/feed", "Set-Cookie": "pass=1; Path=/"})
        if request.cookies.get("pass") != "1":
            return Response("no cookie", status=403)
        return Response(KEEPALIVE_BODY, content_type="application/rss+xml")

    httpserver.expect_request("/start").respond_with_handler(gate)
    httpserver.expect_request("/feed").respond_with_handler(gate)
    (result,) = _fetch_all(make_client(per_host=per_host), [(httpserver.url_for("/start"), None)])
    assert (result.outcome, result.body) == (Outcome.OK, KEEPALIVE_BODY)


@pytest.mark.parametrize("per_host", [None, 2])
def test_credentials_in_the_url_are_sent_as_basic_auth(httpserver: HTTPServer, per_host):
    expected = "Basic " + base64.b64encode(b"reader:s3cret").decode()
    httpserver.expect_request("/feed", headers={"Authorization": expected}).respond_with_data(KEEPALIVE_BODY)
    url = httpserver.url_for("/feed").replace("://", "://reader:s3cret@")
    (result,) = _fetch_all(make_client(per_host=per_host), [(url, None)])
    assert (result.outcome, result.body) == (Outcome.OK, KEEPALIVE_BODY)


def test_a_large_body_read_slowly_arrives_whole(httpserver: HTTPServer):
    """3 MiB, left unread for a while: the stream stops reading the socket past its buffer bound
    (256 KiB) and starts again as the body is consumed; not a byte is lost or reordered."""
    big = bytes(range(256)) * (12 * 1024)
    httpserver.expect_request("/big").respond_with_data(big)

    async def go() -> bytes:
        async with _client() as client:
            response = await send_get(client, httpserver.url_for("/big"), {})
            await asyncio.sleep(0.3)  # the server writes on; the buffer fills up meanwhile
            try:
                return b"".join([chunk async for chunk in response.aiter_bytes()])
            finally:
                await response.aclose()

    assert asyncio.run(go()) == big


def test_a_server_that_hangs_up_without_answering_is_a_protocol_error(raw_server):
    server = raw_server(lambda conn, stop: None)  # reads the request, closes
    (result,) = _fetch_all(_client(), [(server.url, None)])
    assert result.outcome is Outcome.ERROR
    assert (result.error or "").startswith("protocol error")


def test_a_fetch_cut_by_its_deadline_gives_its_slot_back(raw_server):
    def stall(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial")
        stop.wait(5)

    stalled = raw_server(stall)

    async def go() -> list[str | None]:
        async with _client(per_host=1) as client:
            return [(await fetch(client, stalled.url, now=NOW, deadline=0.3)).error for _ in range(2)]

    assert asyncio.run(go()) == ["no complete response within the 0.3s deadline"] * 2
    assert len(stalled.threads) == 2  # the second fetch got the host's one slot, on a new connection


def test_a_response_still_open_when_the_client_closes_is_closed_with_it(plain):
    async def go() -> bytes:
        client = _client()
        async with client:
            response = await send_get(client, _url(plain), {})
        body = await response.aread()  # the connection outlives the pool, not the response
        await response.aclose()
        return body

    assert asyncio.run(go()) == KEEPALIVE_BODY


def test_a_reply_that_came_while_the_loop_was_blocked_is_not_a_timeout(raw_server):
    """The reply comes at 0.1 s, the read timeout at 0.2 s, while the loop is blocked from 0.02 to
    0.6 s: both fall due in the same turn of the loop, and the reply wins."""

    def late(conn: socket.socket, stop: threading.Event) -> None:
        stop.wait(0.1)
        conn.sendall(b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\n\r\n')

    server = raw_server(late)

    async def go() -> int:
        async with _client() as client:
            client.timeout = httpx.Timeout(5.0, read=0.2, pool=None)
            blocker = asyncio.create_task(_block_the_loop(0.6))
            response = await send_get(client, server.url, {"If-None-Match": '"v1"'})
            await blocker
            return response.status_code

    assert asyncio.run(go()) == 304


async def _block_the_loop(seconds: float) -> None:
    await asyncio.sleep(0.02)  # the request is on its way by now
    time.sleep(seconds)  # a blocking call, as starting a process pool is


def test_an_httpx_client_over_the_lanes_reads_bodyless_responses_as_empty(plain):
    """Through ``client.send`` (not send_get) a 304 comes back unread, as httpx expects of a transport."""

    async def go() -> list[tuple[int, bytes]]:
        async with httpx.AsyncClient(transport=HostTransports(per_host=1, max_idle_hosts=1)) as client:
            responses = [await client.get(_url(plain), headers={"If-None-Match": '"v1"'}) for _ in range(2)]
            return [(response.status_code, response.content) for response in responses]

    assert asyncio.run(go()) == [(304, b""), (304, b"")]
    assert plain.connections == 1


def test_a_large_request_body_waits_for_the_socket_and_arrives_whole(httpserver: HTTPServer):
    """Not a feed's GET, but the lanes are an httpx transport: a body far past the transport's
    write buffer makes the stream wait for the socket to drain."""
    upload = bytes(range(256)) * (32 * 1024)  # 8 MiB
    httpserver.expect_request("/up", method="POST", data=upload).respond_with_data(b"stored")

    async def go() -> tuple[int, bytes]:
        async with httpx.AsyncClient(transport=HostTransports(per_host=1, max_idle_hosts=1)) as client:
            response = await client.post(httpserver.url_for("/up"), content=upload)
            return response.status_code, response.content

    assert asyncio.run(go()) == (200, b"stored")
