"""What a digest holds: the day's changed developments, the head figures, feed health, the log head.

Plain frozen data built by ``collect`` and read by every renderer, so the
Markdown, HTML, JSON and Atom forms cannot disagree about what moved.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from itertools import combinations
from typing import Any

from events.records import iso
from tracker.timeline.commands import actors_text
from tracker.timeline.develop import display_date, sort_date

CHANGE_KINDS = ("new", "updated", "withdrawn")
TYPE_ORDER = ("deal", "delivery", "sanction", "statement")
BUSIEST_PAIRS = 5


@dataclass(frozen=True)
class Source:
    url: str
    outlet: str | None
    title: str | None


@dataclass(frozen=True)
class Entry:
    """One development that moved: its timeline JSON form, and how it moved."""

    development: dict[str, Any]  # tracker.timeline.query.development_json
    change: str  # one of CHANGE_KINDS
    changes: tuple[str, ...] = ()
    recorded_at: datetime | None = None  # the last time the log learned of this change

    @property
    def id(self) -> str:
        return str(self.development["id"])

    @property
    def type(self) -> str:
        return str(self.development["type"])

    @property
    def summary(self) -> str:
        return str(self.development["summary"])

    @property
    def status(self) -> str | None:
        return self.development["status"]

    @property
    def occurred(self) -> dict[str, str] | None:
        return self.development["occurred"]

    @property
    def date_text(self) -> str:
        """The date at the precision the sources give, or "undated"."""
        occurred = self.occurred or {}
        return display_date(occurred.get("date"), occurred.get("precision")) or "undated"

    @property
    def actors(self) -> str:
        """Who did what to whom, as the timeline prints it: "RUS → IND"."""
        return actors_text(self.development)

    @property
    def actor_set(self) -> tuple[str, ...]:
        found: set[str] = set()
        for value in self.development["roles"].values():
            found.update(value if isinstance(value, list) else [value])
        return tuple(sorted(found))

    @property
    def items_text(self) -> str:
        return ", ".join(
            f"{i['name']} ({i['quantity']:,})" if i.get("quantity") else i["name"]
            for i in self.development["items"]
        )

    @property
    def value_text(self) -> str:
        value = self.development["value"]
        if not value:
            return ""
        return str(value.get("text") or f"{value['currency']} {value['amount']:,.0f}")

    @property
    def sources(self) -> tuple[Source, ...]:
        """Distinct source links in log order."""
        seen: dict[str, Source] = {}
        for event in self.development["events"]:
            if event.get("url") and event["url"] not in seen:
                seen[event["url"]] = Source(event["url"], event.get("outlet"), event.get("title"))
        return tuple(seen.values())

    @property
    def order(self) -> tuple[str, str]:
        """Date order, undated last, then id: the same order on every run."""
        return (sort_date((self.occurred or {}).get("date")) or "9999", self.id)

    def as_json(self) -> dict[str, Any]:
        return {**self.development, "change": self.change, "changes": list(self.changes)}


@dataclass(frozen=True)
class FeedProblem:
    """A feed the reader should know about: ``state`` is "failed" or "stale"."""

    id: int
    url: str
    title: str | None
    state: str
    reason: str
    last_polled_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "reason": self.reason,
            "last_polled_at": iso(self.last_polled_at) if self.last_polled_at else None,
        }


@dataclass(frozen=True)
class LogHead:
    """The last log position the digest covers and its chain hash: `tracker verify` can check it later."""

    position: int
    hash: str


@dataclass(frozen=True)
class Group:
    type: str
    actors: tuple[str, ...]
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Digest:
    day: date
    tz: str
    start: datetime  # the day's first instant in tz
    end: datetime  # the next day's first instant in tz
    generated_at: datetime
    head: LogHead
    after_position: int  # the day's events are the positions (after_position, head.position]
    entries: tuple[Entry, ...] = ()
    feeds: tuple[FeedProblem, ...] = ()
    actors: tuple[str, ...] = ()

    @property
    def moved(self) -> bool:
        return bool(self.entries)

    @property
    def by_change(self) -> dict[str, int]:
        found = Counter(e.change for e in self.entries)
        return {kind: found[kind] for kind in CHANGE_KINDS}

    @property
    def counts(self) -> dict[str, dict[str, int]]:
        """Per type (in a fixed order), how many developments are new, updated, withdrawn."""
        counts: dict[str, dict[str, int]] = {}
        for entry in sorted(self.entries, key=lambda e: _type_rank(e.type)):
            row = counts.setdefault(entry.type, dict.fromkeys(CHANGE_KINDS, 0))
            row[entry.change] += 1
        return counts

    @property
    def pairs(self) -> list[tuple[tuple[str, str], int]]:
        """The pairs of actors that appear together in the most moved developments."""
        found = Counter(pair for e in self.entries for pair in combinations(e.actor_set, 2))
        return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:BUSIEST_PAIRS]

    @property
    def groups(self) -> list[Group]:
        """Entries grouped by type, then by the set of actors involved; busiest groups first."""
        buckets: dict[tuple[str, tuple[str, ...]], list[Entry]] = {}
        for entry in self.entries:
            buckets.setdefault((entry.type, entry.actor_set), []).append(entry)
        keys = sorted(buckets, key=lambda k: (_type_rank(k[0]), -len(buckets[k]), k[1]))
        return [Group(t, a, tuple(sorted(buckets[t, a], key=lambda e: e.order))) for t, a in keys]

    @property
    def failed_feeds(self) -> list[FeedProblem]:
        return [f for f in self.feeds if f.state == "failed"]

    @property
    def stale_feeds(self) -> list[FeedProblem]:
        return [f for f in self.feeds if f.state == "stale"]

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "tz": self.tz,
            "window": {"start": self.start.isoformat(), "end": self.end.isoformat()},
            "generated_at": iso(self.generated_at),
            "actors": list(self.actors),
            "head": {"position": self.head.position, "hash": self.head.hash},
            "positions": {"after": self.after_position, "through": self.head.position},
            "changes": self.by_change,
            "counts": self.counts,
            "busiest_pairs": [{"actors": list(pair), "developments": n} for pair, n in self.pairs],
            "developments": [e.as_json() for g in self.groups for e in g.entries],
            "feeds": {
                "failed": [f.as_json() for f in self.failed_feeds],
                "stale": [f.as_json() for f in self.stale_feeds],
            },
        }


def _type_rank(type_: str) -> tuple[int, str]:
    return (TYPE_ORDER.index(type_) if type_ in TYPE_ORDER else len(TYPE_ORDER), type_)
