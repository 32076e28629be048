"""What re-extracting one article appends: a pure decision, no I/O (as tracker.feeds.articles.decide).

*Events differ* when the article's current events and the new extraction,
in order, differ in their wire payloads with ``extractor`` left out (a
stored payload has no id, position or recorded_at). So a new extractor
version that finds the same events appends nothing: the article is
"unchanged". Everything else counts, confidence included: it decides which
event's summary a development shows.

When they differ the new events are appended and the article's *live*
current events superseded. A current event an analyst retracted stays
retracted: the new event with the same content inherits its retraction, so
a re-extraction never brings back what a person took out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from events.records import event_id
from events.store import NewEvent
from tracker.replay.archive import StoredArticle
from tracker.replay.withdrawn import Withdrawal

ExtractFn = Callable[..., Sequence[Any]]
EventData = tuple[str, int, dict[str, Any]]  # (type, version, wire payload without id/position/recorded_at)
Extracted = tuple[EventData, ...] | str  # a str is the extractor's error message
Outcome = Literal["unchanged", "re-extracted", "failed"]


@dataclass(frozen=True, slots=True)
class OldEvent:
    """One of the article's current events, and how it left the timeline if it did."""

    position: int
    payload: dict[str, Any]
    withdrawn: Withdrawal | None = None

    @property
    def id(self) -> str:
        return event_id(self.position)


@dataclass(frozen=True, slots=True)
class Carried:
    """A retraction that a new event inherits from the retracted old event it repeats."""

    ordinal: int  # of the new event
    old: str  # the retracted event's id
    retraction: Withdrawal


@dataclass(frozen=True)
class Plan:
    article: StoredArticle
    outcome: Outcome
    old: tuple[OldEvent, ...] = ()
    new: tuple[EventData, ...] = ()
    supersede: tuple[str, ...] = ()  # the live old events' ids
    carried: tuple[Carried, ...] = ()
    error: str | None = None

    @property
    def appends(self) -> int:
        """How many records a real run appends for this plan."""
        if self.outcome != "re-extracted":
            return 0
        return len(self.new) + bool(self.supersede) + len(self.carried)


def run_extractor(extract: ExtractFn, article: StoredArticle) -> Extracted:
    """The extractor's events as plain data; its failure is a message, not an exception (as in a poll)."""
    try:
        found = extract(article.text, title=article.title, published=article.published, url=article.url)
        return tuple(_data(NewEvent.of(event, key="")) for event in found)
    except Exception as exc:  # one article's extractor bug must not stop the replay of the archive
        return f"extraction failed for article {article.id}: {type(exc).__name__}: {exc}"


def _data(new: NewEvent) -> EventData:
    return new.type, new.version, new.payload


def content(payload: dict[str, Any]) -> bytes:
    """An event's content for comparison: its canonical JSON without ``extractor``."""
    return orjson.dumps({k: v for k, v in payload.items() if k != "extractor"}, option=orjson.OPT_SORT_KEYS)


def decide(article: StoredArticle, old: Sequence[OldEvent], extracted: Extracted) -> Plan:
    """Unchanged, re-extracted (what to append and supersede), or failed."""
    if isinstance(extracted, str):
        return Plan(article, "failed", tuple(old), error=extracted)
    before = [content(event.payload) for event in old]
    after = [content(payload) for _, _, payload in extracted]
    if before == after:
        return Plan(article, "unchanged", tuple(old), extracted)
    supersede = tuple(event.id for event in old if event.withdrawn is None)
    return Plan(article, "re-extracted", tuple(old), extracted, supersede, _carry(old, after))


def _carry(old: Sequence[OldEvent], after: Sequence[bytes]) -> tuple[Carried, ...]:
    """Pair each retracted old event with one new event of the same content, in order."""
    retracted: dict[bytes, list[OldEvent]] = {}
    for event in old:
        if event.withdrawn is not None and event.withdrawn.kind == "retracted":
            retracted.setdefault(content(event.payload), []).append(event)
    carried: list[Carried] = []
    for ordinal, key in enumerate(after):
        if retracted.get(key):
            event = retracted[key].pop(0)
            assert event.withdrawn is not None
            carried.append(Carried(ordinal, event.id, event.withdrawn))
    return tuple(carried)
