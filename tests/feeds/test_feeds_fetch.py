"""fetch() against real local servers: validators, redirects, status codes, limits, timeouts, file://."""

from __future__ import annotations

import asyncio
import gzip
import os
import socket
import threading
import time
from datetime import timedelta
from email.utils import format_datetime, formatdate
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tracker.feeds.fetch import HostLimiter, Outcome, fetch, make_client

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'


def test_ok_returns_body_headers_and_validators(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/feed").respond_with_data(
        FEED,
        content_type="application/rss+xml",
        headers={"ETag": '"v1"', "Last-Modified": "Fri, 28 Feb 2025 10:00:00 GMT"},
    )
    result = fetch_url(httpserver.url_for("/feed"))
    assert result.outcome is Outcome.OK
    assert (result.status, result.body, result.error) == (200, FEED, None)
    assert result.etag == '"v1"'
    assert result.last_modified == "Fri, 28 Feb 2025 10:00:00 GMT"
    assert result.headers["content-type"] == "application/rss+xml"
    assert result.final_url == httpserver.url_for("/feed")
    assert result.permanent_url is None
    assert result.elapsed > 0


def test_sends_a_real_user_agent_and_accepts_compression(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/feed").respond_with_data(FEED)
    fetch_url(httpserver.url_for("/feed"))
    request, _ = httpserver.log[0]
    assert request.headers["User-Agent"].startswith("tracker/")
    assert "feed poller" in request.headers["User-Agent"]
    assert "gzip" in request.headers["Accept-Encoding"]
    assert "application/rss+xml" in request.headers["Accept"]


def test_etag_gives_not_modified_and_keeps_validators(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    result = fetch_url(
        httpserver.url_for("/feed"), etag='"v1"', last_modified="Fri, 28 Feb 2025 10:00:00 GMT"
    )
    assert result.outcome is Outcome.NOT_MODIFIED
    assert result.body is None
    assert result.etag == '"v1"'
    assert result.last_modified == "Fri, 28 Feb 2025 10:00:00 GMT"


def test_last_modified_gives_not_modified(httpserver: HTTPServer, fetch_url):
    stamp = "Fri, 28 Feb 2025 10:00:00 GMT"
    httpserver.expect_request("/feed", headers={"If-Modified-Since": stamp}).respond_with_data(
        "", status=304, headers={"ETag": '"new"'}
    )
    result = fetch_url(httpserver.url_for("/feed"), last_modified=stamp)
    assert (result.outcome, result.status, result.etag, result.last_modified) == (
        Outcome.NOT_MODIFIED,
        304,
        '"new"',
        stamp,
    )


@pytest.mark.parametrize("status", [301, 308])
def test_permanent_redirect_reports_the_new_url(httpserver: HTTPServer, fetch_url, status):
    httpserver.expect_request("/old").respond_with_data("", status=status, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(FEED)
    result = fetch_url(httpserver.url_for("/old"))
    assert result.outcome is Outcome.OK
    assert result.permanent_url == httpserver.url_for("/new")
    assert result.final_url == httpserver.url_for("/new")
    assert result.body == FEED


@pytest.mark.parametrize("status", [302, 303, 307])
def test_temporary_redirect_keeps_the_old_url(httpserver: HTTPServer, fetch_url, status):
    httpserver.expect_request("/old").respond_with_data("", status=status, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(FEED)
    result = fetch_url(httpserver.url_for("/old"))
    assert (result.outcome, result.permanent_url) == (Outcome.OK, None)
    assert result.final_url == httpserver.url_for("/new")


def test_only_the_permanent_start_of_a_redirect_chain_counts(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/c"})
    httpserver.expect_request("/c").respond_with_data("", status=301, headers={"Location": "/d"})
    httpserver.expect_request("/d").respond_with_data(FEED)
    result = fetch_url(httpserver.url_for("/a"))
    assert result.permanent_url == httpserver.url_for("/b")


def test_permanent_redirect_to_a_broken_url_is_not_reported(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data("nope", status=500)
    result = fetch_url(httpserver.url_for("/old"))
    assert (result.outcome, result.permanent_url, result.status) == (Outcome.ERROR, None, 500)


def test_redirect_loop_and_non_http_targets_are_errors(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    httpserver.expect_request("/local").respond_with_data(
        "", status=301, headers={"Location": "file:///etc/passwd"}
    )
    loop = fetch_url(httpserver.url_for("/loop"))
    assert (loop.outcome, loop.error) == (Outcome.ERROR, "more than 5 redirects")
    local = fetch_url(httpserver.url_for("/local"))
    assert local.outcome is Outcome.ERROR
    assert "not an HTTP URL" in (local.error or "")


def test_gone(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/feed").respond_with_data("bye", status=410)
    result = fetch_url(httpserver.url_for("/feed"), etag='"old"')
    assert (result.outcome, result.status, result.error) == (Outcome.GONE, 410, "HTTP 410 Gone")
    assert result.etag == '"old"'


def test_429_with_retry_after_seconds(httpserver: HTTPServer, fetch_url, now):
    httpserver.expect_request("/feed").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "120"}
    )
    result = fetch_url(httpserver.url_for("/feed"))
    assert result.outcome is Outcome.RETRY_LATER
    assert result.retry_after == now + timedelta(seconds=120)
    assert result.error == "HTTP 429 Too Many Requests"


def test_503_with_retry_after_http_date(httpserver: HTTPServer, fetch_url, now):
    when = now + timedelta(hours=2)
    httpserver.expect_request("/feed").respond_with_data(
        "", status=503, headers={"Retry-After": format_datetime(when, usegmt=True)}
    )
    result = fetch_url(httpserver.url_for("/feed"))
    assert (result.outcome, result.retry_after) == (Outcome.RETRY_LATER, when)


def test_429_with_absurd_retry_after_falls_back_to_backoff(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/feed").respond_with_data("", status=429, headers={"Retry-After": "99999999"})
    result = fetch_url(httpserver.url_for("/feed"))
    assert (result.outcome, result.retry_after) == (Outcome.RETRY_LATER, None)


def test_other_statuses_are_errors_with_a_one_line_message(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/feed").respond_with_data("missing", status=404)
    result = fetch_url(httpserver.url_for("/feed"))
    assert (result.outcome, result.status, result.error, result.body) == (
        Outcome.ERROR,
        404,
        "HTTP 404 Not Found",
        None,
    )


def test_gzip_body_is_decoded(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/feed").respond_with_data(
        gzip.compress(FEED), headers={"Content-Encoding": "gzip"}
    )
    result = fetch_url(httpserver.url_for("/feed"))
    assert result.body == FEED
    assert "content-encoding" not in result.headers  # the body we hand on is no longer gzip


def test_oversized_body_is_refused(httpserver: HTTPServer, fetch_url):
    httpserver.expect_request("/feed").respond_with_data(b"x" * 5000)
    result = fetch_url(httpserver.url_for("/feed"), max_bytes=1000)
    assert (result.outcome, result.body, result.error) == (Outcome.ERROR, None, "body exceeds 1000 bytes")


def test_oversized_streamed_body_is_aborted_while_reading(httpserver: HTTPServer, fetch_url):
    sent = []

    def endless(_: Request) -> Response:
        def chunks():
            for _ in range(10_000):  # 640 MB if anyone read it all
                sent.append(1)
                yield b"x" * 65536

        return Response(chunks(), content_type="application/xml")

    httpserver.expect_request("/feed").respond_with_handler(endless)
    result = fetch_url(httpserver.url_for("/feed"), max_bytes=200_000)
    assert result.error == "body exceeds 200000 bytes"
    assert len(sent) < 100


def test_gzip_bomb_is_measured_after_decoding(httpserver: HTTPServer, fetch_url):
    bomb = gzip.compress(b"\0" * 5_000_000)
    assert len(bomb) < 10_000
    httpserver.expect_request("/feed").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    result = fetch_url(httpserver.url_for("/feed"), max_bytes=1024 * 1024)
    assert result.error == "body exceeds 1 MiB"


def test_declared_oversize_is_refused_before_reading(raw_server, fetch_url):
    def huge(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n<rss>" % (16 * 1024 * 1024))
        stop.wait(10)

    result = fetch_url(raw_server(huge).url, read_timeout=5, deadline=5)
    assert (result.outcome, result.error) == (Outcome.ERROR, "body exceeds 15 MiB")
    assert result.elapsed < 2


def _headers_then(behaviour):
    def reply(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n<rss>"
        )
        behaviour(conn, stop)

    return reply


def test_stalled_server_hits_the_read_timeout(raw_server, fetch_url):
    server = raw_server(_headers_then(lambda conn, stop: stop.wait(10)))
    started = time.monotonic()
    result = fetch_url(server.url, read_timeout=0.3, deadline=10)
    assert result.outcome is Outcome.ERROR
    assert result.error == "read timeout"
    assert time.monotonic() - started < 3


def test_trickling_server_is_cut_off_by_the_deadline(raw_server, fetch_url):
    def trickle(conn: socket.socket, stop: threading.Event) -> None:
        while not stop.wait(0.05):
            conn.sendall(b" ")

    server = raw_server(_headers_then(trickle))
    started = time.monotonic()
    result = fetch_url(server.url, read_timeout=1.0, deadline=0.6)
    assert (result.outcome, result.error) == (Outcome.ERROR, "no complete response within the 0.6s deadline")
    assert 0.5 < time.monotonic() - started < 3


def test_connection_refused_and_bad_urls_are_errors(fetch_url):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    refused = fetch_url(f"http://127.0.0.1:{port}/feed", etag='"keep"')
    assert refused.outcome is Outcome.ERROR
    assert (refused.error or "").startswith("connection failed")
    assert refused.etag == '"keep"'
    for url in ("not a url", "ftp://example.com/feed", "http://", "http://[::1/feed", "javascript:alert(1)"):
        result = fetch_url(url)
        assert result.outcome is Outcome.ERROR, url
        assert result.error and "\n" not in result.error


def test_tls_failure_is_an_error(raw_server, fetch_url):
    server = raw_server(lambda conn, stop: conn.sendall(b"HTTP/1.1 200 OK\r\n\r\nnot tls"))
    result = fetch_url(server.url.replace("http://", "https://"))
    assert result.outcome is Outcome.ERROR
    assert result.error and result.error.startswith(("TLS error", "connection failed"))


def test_file_urls_are_read_and_compared_by_mtime(tmp_path: Path, fetch_url):
    feed = tmp_path / "local feed.xml"
    feed.write_bytes(FEED)
    os.utime(feed, (1_700_000_000, 1_700_000_000))
    first = fetch_url(feed.as_uri())
    assert (first.outcome, first.body, first.status) == (Outcome.OK, FEED, None)
    assert first.last_modified == formatdate(1_700_000_000, usegmt=True)
    again = fetch_url(feed.as_uri(), last_modified=first.last_modified)
    assert again.outcome is Outcome.NOT_MODIFIED
    assert fetch_url(feed.as_uri(), max_bytes=10).error == "body exceeds 10 bytes"
    missing = fetch_url((tmp_path / "nope.xml").as_uri())
    assert missing.outcome is Outcome.ERROR
    assert "No such file" in (missing.error or "")


def test_host_limiter_bounds_requests_in_flight_per_host(raw_server, now):
    lock = threading.Lock()
    in_flight, peak = [0], [0]

    def counted(conn: socket.socket, stop: threading.Event) -> None:
        with lock:
            in_flight[0] += 1
            peak[0] = max(peak[0], in_flight[0])
        stop.wait(0.15)
        with lock:
            in_flight[0] -= 1
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")

    server = raw_server(counted)

    async def poll() -> list[Outcome]:
        limiter = HostLimiter(per_host=2)
        async with make_client() as client:
            results = await asyncio.gather(
                *(fetch(client, f"{server.url}?n={n}", now=now, limiter=limiter) for n in range(6))
            )
        return [result.outcome for result in results]

    assert asyncio.run(poll()) == [Outcome.OK] * 6
    assert peak[0] == 2
