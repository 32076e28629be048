"""Poll benchmark: tracker against lemon24/reader on the same loopback feeds, in one run.

    python bench/poll.py [--feeds 500] [--items 50] [--json] [--extract]

500 feeds x 50 items are generated and served by a threaded HTTP/1.1 server
(ETag / If-None-Match -> 304) in a process of its own, so neither client
shares its interpreter with the server. The feeds are spread over 20
loopback addresses (127.0.0.2 ...), as real feeds are spread over hosts:
tracker limits fetches per host, reader does not. Each tool runs two cycles:
all new, then all not modified. tracker runs with extraction off (a hook
returning no events) unless --extract. Ratios are reader's time / tracker's.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.engine import make_engine
from events.store import EventStore
from tracker.db import migrate
from tracker.feeds.poll import PollSettings, poll
from tracker.feeds.registry import add_feed

HOSTS = 20
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
WORDS = [
    "India",
    "Russia",
    "United",
    "States",
    "defence",
    "deal",
    "missile",
    "delivery",
    "sanctions",
    "minister",
    "said",
    "talks",
    "Delhi",
    "Moscow",
    "Washington",
    "the",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "a",
    "with",
    "agreement",
    "S-400",
    "squadron",
    "CAATSA",
    "waiver",
    "Pentagon",
    "ministry",
    "statement",
]


def feed_xml(feed: int, items: int) -> bytes:
    """An RSS 2.0 feed like a news site's: guid, tracked link, date, two HTML paragraphs per item."""
    rng = random.Random(feed)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>Feed {feed}</title><link>https://news{feed}.example/</link><description>d</description>"
    ]
    for item in range(items):
        words = [rng.choice(WORDS) for _ in range(120)]
        title = " ".join(rng.choice(WORDS) for _ in range(8))
        when = format_datetime(NOW - timedelta(minutes=feed * items + item))
        out.append(
            f"<item><title>{title}</title>"
            f"<link>https://news{feed}.example/story/{item}?utm_source=rss&amp;utm_medium=feed</link>"
            f'<guid isPermaLink="false">feed-{feed}-item-{item}</guid><pubDate>{when}</pubDate>'
            f"<description>&lt;p&gt;{' '.join(words[:60])}.&lt;/p&gt;&lt;p&gt;{' '.join(words[60:])}."
            "&lt;/p&gt;</description></item>"
        )
    out.append("</channel></rss>")
    return "".join(out).encode()


def _serve(bodies: dict[str, bytes], port: int, ready: Any) -> None:
    etags = {path: '"' + hashlib.sha1(body).hexdigest() + '"' for path, body in bodies.items()}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body, etag = bodies.get(self.path), etags.get(self.path)
            if body is None:
                self.send_error(404)
                return
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag or "")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag or "")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    servers = [ThreadingHTTPServer((f"127.0.0.{2 + h}", port), Handler) for h in range(HOSTS)]
    for server in servers:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
    ready.set()
    threading.Event().wait()


def start_server(feeds: int, items: int) -> tuple[list[str], multiprocessing.Process]:
    port = random.Random().randrange(20000, 60000)
    bodies = {f"/feed/{f}.xml": feed_xml(f, items) for f in range(feeds)}
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    process = context.Process(target=_serve, args=(bodies, port, ready), daemon=True)
    process.start()
    ready.wait(30)
    urls = [f"http://127.0.0.{2 + f % HOSTS}:{port}/feed/{f}.xml" for f in range(feeds)]
    return urls, process


def no_events(text: str, **_: Any) -> list[Any]:
    return []


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action()
    return time.perf_counter() - started, value


def run_tracker(urls: list[str], folder: Path, extract: bool) -> tuple[float, float, Any]:
    url = f"sqlite:///{folder / ('tracker-x.db' if extract else 'tracker.db')}"
    engine = make_engine(url)
    migrate(engine)
    for feed in urls:
        add_feed(engine, feed, now=NOW)
    store = EventStore(engine)
    hook = None if extract else no_events
    first, result = timed(lambda: poll(store, now=NOW, extract=hook, settings=PollSettings()))
    assert result.failed == 0 and result.polled == len(urls), result.failures[:3]
    second, again = timed(lambda: poll(store, now=NOW + timedelta(days=1), extract=hook))
    assert again.not_modified == len(urls), (again.not_modified, again.failures[:3])
    store.close()
    return first, second, result


def run_reader(urls: list[str], folder: Path, items: int) -> tuple[float, float]:
    from reader import make_reader  # its vendored feedparser needs sgmllib3k (the bench extra)

    reader = make_reader(str(folder / "reader.sqlite"))
    for feed in urls:
        reader.add_feed(feed)
    first, _ = timed(lambda: reader.update_feeds(workers=8, scheduled=False))
    second, _ = timed(lambda: reader.update_feeds(workers=8, scheduled=False))
    assert reader.get_entry_counts().total == len(urls) * items
    reader.close()
    return first, second


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="print a JSON line of the figures last")
    parser.add_argument("--extract", action="store_true", help="also run tracker with the real extractor")
    args = parser.parse_args()
    urls, server = start_server(args.feeds, args.items)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t_first, t_second, result = run_tracker(urls, folder, extract=False)
        r_first, r_second = run_reader(urls, folder, args.items)
        figures = {
            "tracker_first_s": round(t_first, 3),
            "tracker_notmodified_s": round(t_second, 3),
            "reader_first_s": round(r_first, 3),
            "reader_notmodified_s": round(r_second, 3),
            "first_ratio": round(r_first / t_first, 2),
            "notmodified_ratio": round(r_second / t_second, 2),
        }
        rows = [
            ("tracker", t_first, t_second, f"{result.new_articles} articles"),
            ("reader", r_first, r_second, ""),
        ]
        if args.extract:
            x_first, x_second, x_result = run_tracker(urls, folder, extract=True)
            rows.append(("tracker+extract", x_first, x_second, f"{x_result.new_events} events"))
            figures.update(
                tracker_extract_first_s=round(x_first, 3), tracker_extract_notmodified_s=round(x_second, 3)
            )
    server.terminate()
    print(f"{args.feeds} feeds x {args.items} items on loopback ({HOSTS} hosts)")
    print(f"{'':16} {'first (s)':>10} {'304s (s)':>10}")
    for name, first, second, note in rows:
        print(f"{name:16} {first:10.2f} {second:10.2f}  {note}")
    ratios = f"first {figures['first_ratio']}x, not modified {figures['notmodified_ratio']}x"
    print(f"ratios (reader / tracker): {ratios}")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
