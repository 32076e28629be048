"""A local feed server for the daemon tests: RSS of gold-corpus articles, conditional GET, and a
log of every request, so a test can count how often each feed was fetched and when.

Nothing here reaches the internet.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from sqlalchemy import func, select, update

from events.engine import make_engine
from events.schema import event_log
from tracker.db import migrate
from tracker.feeds.registry import add_feed
from tracker.feeds.tables import articles, feeds

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "extract_gold.json"


def gold_documents() -> list[dict[str, Any]]:
    return list(json.loads(GOLD.read_text())["documents"])


def rss(title: str, items: list[dict[str, Any]]) -> bytes:
    entries = "".join(
        f"<item><title>{escape(i['title'])}</title><link>{escape(i['link'])}</link>"
        f"<guid>{escape(i['link'])}</guid><pubDate>{i['pubDate']}</pubDate>"
        f"<description>{escape(i['text'])}</description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>{entries}</channel></rss>"
    ).encode()


class FeedServer:
    """Serves ``/feed/N`` with the items a test puts there; records (path, time) of each request."""

    def __init__(self) -> None:
        self.items: dict[str, list[dict[str, Any]]] = {}
        self.delays: dict[str, float] = {}
        self.requests: list[tuple[str, float]] = []
        self.delayed = threading.Event()  # set when a delayed request has arrived
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.handle(self)

            def log_message(self, *_args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, n: int) -> str:
        return f"{self.base}/feed/{n}"

    def add_items(self, n: int, documents: list[dict[str, Any]], *, tag: str = "") -> None:
        with self.lock:
            items = self.items.setdefault(f"/feed/{n}", [])
            for doc in documents:
                published = datetime.fromisoformat(doc["published"].replace("Z", "+00:00"))
                items.insert(0, {
                    "title": doc["title"], "text": doc["text"],
                    "link": f"{self.base}/article/{n}/{doc['id']}{tag}",
                    "pubDate": format_datetime(published.astimezone(UTC), usegmt=True),
                    "published": published,
                })  # fmt: skip

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path
        with self.lock:
            self.requests.append((path, time.monotonic()))
            items = list(self.items.get(path, []))
            delay = self.delays.get(path, 0.0)
        if path not in self.items:
            request.send_error(404)
            return
        if delay:
            self.delayed.set()
            time.sleep(delay)
        body = rss(f"Feed {path}", items)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        try:
            if request.headers.get("If-None-Match") == etag:
                request.send_response(304)
                request.send_header("ETag", etag)
                request.end_headers()
                return
            request.send_response(200)
            request.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            request.send_header("ETag", etag)
            request.send_header("Content-Length", str(len(body)))
            request.end_headers()
            request.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the daemon stopped and hung up: that is what some tests do

    def times(self, n: int) -> list[float]:
        with self.lock:
            return [t for path, t in self.requests if path == f"/feed/{n}"]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    yield server
    server.close()


def prepare(url: str, server: FeedServer, count: int, *, interval: int | None = None) -> None:
    """Migrate, register ``count`` feeds of the server; optionally an interval below the CLI's 1 m
    floor (set in the table, as an operator could), so a short test spans several intervals."""
    engine = make_engine(url)
    try:
        migrate(engine)
        for n in range(count):
            add_feed(engine, server.url(n), interval=60)
        if interval is not None:
            with engine.begin() as conn:
                conn.execute(update(feeds).values(interval=interval))
    finally:
        engine.dispose()


def counts(url: str) -> tuple[int, int]:
    """(articles, events) stored."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            n_articles = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            n_events = conn.execute(select(func.count()).select_from(event_log)).scalar_one()
        return int(n_articles), int(n_events)
    finally:
        engine.dispose()


def expected_events(server: FeedServer, count: int) -> int:
    """What one clean extraction of every served item gives (a daemon must store exactly that)."""
    from tracker.extract import extract

    return sum(
        len(extract(item["text"], title=item["title"], published=item["published"], url=item["link"]))
        for n in range(count)
        for item in server.items[f"/feed/{n}"]
    )


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)


def start_daemon(url: str, tmp_path: Path, *args: str, name: str = "daemon") -> subprocess.Popen[str]:
    """``tracker daemon`` in a process of its own, its log in ``tmp_path/name.log``."""
    env = {**os.environ, "TRACKER_DATABASE_URL": url, "TRACKER_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "tracker", "daemon", "--digest-dir", str(tmp_path / "digests"), *args]
    with open(tmp_path / f"{name}.log", "w") as log:  # the child keeps its own descriptor
        return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, text=True)
