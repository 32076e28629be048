"""Connection reuse: 304s keep their connection, each host has a pool of its own, idle hosts are closed."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tests.feeds.conftest import CountingServer, EtagHandler
from tracker.feeds.fetch import Outcome, fetch, make_client
from tracker.feeds.transport import HostTransports

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def servers() -> Iterator[list[CountingServer]]:
    """Two keep-alive servers on two loopback addresses (two hosts), counting connections."""
    started = [CountingServer((host, 0), EtagHandler).start() for host in ("127.0.0.1", "127.0.0.2")]
    yield started
    for server in started:
        server.shutdown()
        server.server_close()


def _url(server: CountingServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}/feed"


def _fetch_all(urls: list[str], **client: Any) -> list[Outcome]:
    async def go() -> list[Outcome]:
        async with make_client(**client) as http:
            return [(await fetch(http, url, etag=etag, now=NOW)).outcome for url, etag in _plan(urls)]

    return asyncio.run(go())


def _plan(urls: list[str]) -> list[tuple[str, str | None]]:
    return [(url, None if index == 0 else '"v1"') for index, url in enumerate(urls)]


@pytest.mark.parametrize("per_host", [None, 2])
def test_not_modified_responses_keep_their_connection(servers, per_host):
    url = _url(servers[0])
    outcomes = _fetch_all([url] * 4, per_host=per_host)
    assert outcomes == [Outcome.OK] + [Outcome.NOT_MODIFIED] * 3
    assert servers[0].connections == 1


def test_each_host_gets_a_pool_and_idle_hosts_beyond_the_bound_are_closed(servers):
    first, second = (_url(server) for server in servers)

    async def go() -> None:
        transport = HostTransports(per_host=2, max_idle_hosts=1)
        async with httpx.AsyncClient(transport=transport) as client:
            for url in (first, first, second, first):
                response = await client.get(url)
                assert response.status_code == 200

    asyncio.run(go())
    # The first host's pool was closed when the second went idle too, so it reconnected.
    assert [server.connections for server in servers] == [2, 1]


def test_a_host_pool_holds_at_most_per_host_connections(servers):
    url = _url(servers[0])

    async def go() -> None:
        async with httpx.AsyncClient(transport=HostTransports(per_host=2, max_idle_hosts=4)) as client:
            responses = await asyncio.gather(*(client.get(url) for _ in range(8)))
            assert {response.status_code for response in responses} == {200}

    asyncio.run(go())
    assert servers[0].connections <= 2
