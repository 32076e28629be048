"""Poll benchmark: tracker against lemon24/reader on the same loopback feeds, in one run.

    python bench/poll.py [--feeds 500] [--items 50] [--json] [--extract]

500 feeds x 50 items are generated and served, as pre-rendered HTTP/1.1 keep-alive
responses (ETag / If-None-Match -> 304), by one asyncio process of their own; the
server's CPU is shown per cycle, so it can be seen not to weigh on either side.
The feeds are spread over 20 loopback addresses (127.0.0.2 ...), as real feeds
are spread over hosts: tracker limits fetches per host, reader does not. Each
tool runs in a fresh interpreter of its own and does two cycles: all new, then
all not modified; the tools take turns (tracker's first, reader's first,
tracker's second, reader's second). tracker runs with extraction off (a hook
returning no events) unless --extract. Ratios are reader's time / tracker's;
"cpu" is the CPU seconds of the tool's processes (tracker's parse workers included).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
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


def _responses(body: bytes) -> tuple[bytes, bytes, bytes]:
    """(ETag, the whole 200 response, the whole 304 response), rendered once before serving."""
    etag = b'"' + hashlib.sha1(body).hexdigest().encode() + b'"'
    ok = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nETag: " + etag
        + b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )  # fmt: skip
    return etag, ok, b"HTTP/1.1 304 Not Modified\r\nETag: " + etag + b"\r\nContent-Length: 0\r\n\r\n"


_NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"


class _Feeds(asyncio.Protocol):
    """A minimal HTTP/1.1 keep-alive server of pre-rendered responses, one event loop for all hosts.

    It answers GET with the feed or, when If-None-Match names its ETag, 304.
    http.server parsed every request's headers with the email package and started a
    thread per connection; here a request costs a dict lookup, so the clients, not the
    server, take the two cores (both clients are served by this same process).
    """

    def __init__(self, responses: dict[bytes, tuple[bytes, bytes, bytes]]) -> None:
        self.responses, self.buffer = responses, b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while self.transport is not None and b"\r\n\r\n" in self.buffer:
            head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            self._answer(head)

    def _answer(self, head: bytes) -> None:
        assert self.transport is not None
        lines = head.split(b"\r\n")
        path = lines[0].split(b" ")[1] if lines[0].count(b" ") >= 2 else b""
        headers = dict(line.lower().split(b":", 1) for line in lines[1:] if b":" in line)
        found = self.responses.get(path)
        if found is None:
            self.transport.write(_NOT_FOUND)
        else:
            etag, ok, not_modified = found
            self.transport.write(not_modified if headers.get(b"if-none-match", b"").strip() == etag else ok)
        if headers.get(b"connection", b"").strip() == b"close":
            self.transport.close()
            self.transport = None


def _serve(bodies: dict[str, bytes], port: int, ready: Any) -> None:
    responses = {path.encode(): _responses(body) for path, body in bodies.items()}

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        for h in range(HOSTS):
            await loop.create_server(lambda: _Feeds(responses), f"127.0.0.{2 + h}", port, backlog=512)
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(serve())


def start_server(feeds: int, items: int) -> tuple[list[str], multiprocessing.Process]:
    port = random.Random().randrange(20000, 60000)
    bodies = {f"/feed/{f}.xml": feed_xml(f, items) for f in range(feeds)}
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    process = context.Process(target=_serve, args=(bodies, port, ready), daemon=True)
    process.start()
    if not ready.wait(30):
        raise RuntimeError("the feed server did not start")
    urls = [f"http://127.0.0.{2 + f % HOSTS}:{port}/feed/{f}.xml" for f in range(feeds)]
    return urls, process


def no_events(text: str, **_: Any) -> list[Any]:
    return []


@dataclass(frozen=True)
class Cycle:
    """One cycle of one tool: wall seconds, CPU seconds of the tool's processes and of the server."""

    wall: float
    cpu: float
    server_cpu: float


def _server_cpu(pid: int) -> float:
    """The server's CPU seconds so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    """This process's CPU seconds plus its reaped children's (tracker's parse workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(action: Callable[[], Any], server: int) -> tuple[Cycle, Any]:
    wall, cpu, served = time.perf_counter(), _own_cpu(), _server_cpu(server)
    value = action()
    cycle = Cycle(time.perf_counter() - wall, _own_cpu() - cpu, _server_cpu(server) - served)
    return cycle, value


class TrackerRun:
    """tracker on a database of its own: cycle 0 finds everything new, later ones nothing changed."""

    def __init__(self, urls: list[str], folder: Path, extract: bool) -> None:
        engine = make_engine(f"sqlite:///{folder / ('tracker-x.db' if extract else 'tracker.db')}")
        migrate(engine)
        for feed in urls:
            add_feed(engine, feed, now=NOW)
        self.store, self.feeds = EventStore(engine), len(urls)
        self.hook = None if extract else no_events
        self.first: Any = None

    def cycle(self, number: int, server: int) -> Cycle:
        now = NOW + timedelta(days=number)
        settings = PollSettings()
        cycle, result = measure(
            lambda: poll(self.store, now=now, extract=self.hook, settings=settings), server
        )
        assert result.failed == 0 and result.polled == self.feeds, result.failures[:3]
        if number:
            assert result.not_modified == self.feeds, (result.not_modified, result.failures[:3])
        else:
            self.first = result
        return cycle


class ReaderRun:
    def __init__(self, urls: list[str], folder: Path) -> None:
        from reader import make_reader  # its vendored feedparser needs sgmllib3k (the bench extra)

        self.reader = make_reader(str(folder / "reader.sqlite"))
        for feed in urls:
            self.reader.add_feed(feed)

    def cycle(self, number: int, server: int) -> Cycle:
        return measure(lambda: self.reader.update_feeds(workers=8, scheduled=False), server)[0]


def _tool_process(name: str, urls: list[str], items: int, folder: Path, pipe: Any) -> None:
    """One tool in a fresh interpreter of its own, running the cycles it is asked for."""
    tool: TrackerRun | ReaderRun
    if name == "reader":
        tool = ReaderRun(urls, folder)
    else:
        tool = TrackerRun(urls, folder, extract=name == "tracker+extract")
    server = pipe.recv()
    while (number := pipe.recv()) is not None:
        cycle = tool.cycle(number, server)
        note = ""
        if isinstance(tool, TrackerRun) and number == 0:
            done = tool.first
            note = f"{done.new_events} events" if tool.hook is None else f"{done.new_articles} articles"
        if isinstance(tool, ReaderRun) and number == 1:
            assert tool.reader.get_entry_counts().total == len(urls) * items
        pipe.send((cycle, note))


class Tool:
    """A tool in a spawned process: each starts from a clean interpreter (in one process, the
    second tool's not-modified cycle ran 50% slower after the other's first cycle), and the
    two take turns, so each pair of cycles meets the same machine load."""

    def __init__(self, name: str, urls: list[str], items: int, folder: Path, server: int) -> None:
        context = multiprocessing.get_context("spawn")
        self.pipe, child = context.Pipe()
        self.process = context.Process(target=_tool_process, args=(name, urls, items, folder, child))
        self.process.start()
        self.pipe.send(server)
        self.notes: list[str] = []

    def cycle(self, number: int) -> Cycle:
        self.pipe.send(number)
        cycle, note = self.pipe.recv()
        self.notes.append(note)
        return cycle

    def close(self) -> None:
        self.pipe.send(None)
        self.process.join(60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="print a JSON line of the figures last")
    parser.add_argument("--extract", action="store_true", help="also run tracker with the real extractor")
    args = parser.parse_args()
    urls, server = start_server(args.feeds, args.items)
    assert server.pid is not None
    rows: dict[str, list[Cycle]] = {}
    notes: dict[str, str] = {}
    names = ["tracker", "reader"] + (["tracker+extract"] if args.extract else [])
    with tempfile.TemporaryDirectory() as tmp:
        tools = {name: Tool(name, urls, args.items, Path(tmp), server.pid) for name in names[:2]}
        for number in (0, 1):
            for name, tool in tools.items():
                rows.setdefault(name, []).append(tool.cycle(number))
        if args.extract:
            tools["tracker+extract"] = tool = Tool("tracker+extract", urls, args.items, Path(tmp), server.pid)
            rows["tracker+extract"] = [tool.cycle(number) for number in (0, 1)]
        for name, tool in tools.items():
            notes[name] = tool.notes[0]
            tool.close()
    server.terminate()
    figures = _figures(rows)
    _print_table(args, rows, notes, figures)
    if args.json:
        print(json.dumps(figures))


def _figures(rows: dict[str, list[Cycle]]) -> dict[str, float]:
    (t_first, t_second), (r_first, r_second) = rows["tracker"], rows["reader"]
    figures = {
        "tracker_first_s": round(t_first.wall, 3),
        "tracker_notmodified_s": round(t_second.wall, 3),
        "reader_first_s": round(r_first.wall, 3),
        "reader_notmodified_s": round(r_second.wall, 3),
        "first_ratio": round(r_first.wall / t_first.wall, 2),
        "notmodified_ratio": round(r_second.wall / t_second.wall, 2),
        # CPU seconds vary less than wall seconds on a shared machine; judge changes by these too.
        "first_cpu_ratio": round(r_first.cpu / t_first.cpu, 2),
        "notmodified_cpu_ratio": round(r_second.cpu / t_second.cpu, 2),
    }
    if "tracker+extract" in rows:
        x_first, x_second = rows["tracker+extract"]
        figures.update(
            tracker_extract_first_s=round(x_first.wall, 3),
            tracker_extract_notmodified_s=round(x_second.wall, 3),
        )
    return figures


def _print_table(
    args: argparse.Namespace, rows: dict[str, list[Cycle]], notes: dict[str, str], figures: dict[str, float]
) -> None:
    print(
        f"{args.feeds} feeds x {args.items} items on loopback ({HOSTS} hosts), load {os.getloadavg()[0]:.1f}"
    )
    print(f"{'':16} {'first (s)':>10} {'304s (s)':>10} {'cpu first':>10} {'cpu 304s':>10} {'server cpu':>11}")
    for name, (first, second) in rows.items():
        served = f"{first.server_cpu:.2f}/{second.server_cpu:.2f}"
        print(
            f"{name:16} {first.wall:10.2f} {second.wall:10.2f} {first.cpu:10.2f} {second.cpu:10.2f} "
            f"{served:>11}  {notes[name]}"
        )
    ratios = f"first {figures['first_ratio']}x, not modified {figures['notmodified_ratio']}x"
    cpu = f"first {figures['first_cpu_ratio']}x, not modified {figures['notmodified_cpu_ratio']}x"
    print(f"ratios (reader / tracker): {ratios}; in CPU time: {cpu}")


if __name__ == "__main__":
    main()
