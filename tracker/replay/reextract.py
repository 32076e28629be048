"""Replay the archive through the current extractor; the log records the change, nothing is rewritten.

Per article (its newest revision), in the order articles were stored: run
the extractor outside any lock, decide (tracker.replay.plan), and when the
events differ write in ONE transaction under the append lock:

1. the new events (contiguous positions),
2. a ``superseded`` record naming the article's live events and the new ones,
3. a ``retracted`` record for each new event that repeats a retracted one,
4. the revision's pointer moved to the new events (tracker.replay.archive).

Under the lock the article is read again: if a poll stored a newer revision
or another run re-extracted it meanwhile, the decision is taken again on
what is there now. A crash leaves all of it or none of it.

Idempotency keys are unique per state of the article:
``article:{id}:r{revision}:{extractor}:x{first}:{ordinal}`` (and
``...:x{first}:superseded``, ``...:x{first}:{ordinal}:retracted``), where
``first`` is the position of the first event being replaced. An article with
no events uses ``x0h{head}``, the log head at the write: ``x0`` alone would
repeat after an article was emptied and filled again (v2, v3 finds nothing,
v2 again) and hand back the first fill's superseded events as if new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, func, select

from events.model import Retraction, Supersession
from events.schema import event_log
from events.store import EventStore, NewEvent, Record
from tracker import projections
from tracker.replay.archive import (
    Selection,
    StoredArticle,
    count_articles,
    iter_articles,
    load_article,
    move_pointer,
)
from tracker.replay.errors import ReplayError
from tracker.replay.plan import Extracted, ExtractFn, OldEvent, Outcome, Plan, decide, run_extractor
from tracker.replay.withdrawn import Withdrawals

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Extractor:
    """An extraction function and the version it reports (the ``extractor`` field, e.g. ``rules@2``)."""

    name: str
    extract: ExtractFn


def current_extractor() -> Extractor:
    from tracker.extract import EXTRACTOR, extract

    return Extractor(EXTRACTOR, extract)


@dataclass(frozen=True)
class ArticleResult:
    """What happened to one article: ``record`` is the superseding record's id, when one was appended."""

    article: int
    revision: int
    title: str
    outcome: Outcome
    old: int
    new: int
    appended: int = 0
    record: str | None = None
    error: str | None = None

    @classmethod
    def of(cls, plan: Plan, appended: int, record: str | None = None) -> ArticleResult:
        a = plan.article
        counts = (len(plan.old), len(plan.new), appended)
        return cls(a.id, a.revision, a.title, plan.outcome, *counts, record, plan.error)

    def row(self) -> dict[str, object]:
        return {
            "article": self.article, "revision": self.revision, "outcome": self.outcome, "old": self.old,
            "new": self.new, "appended": self.appended, "record": self.record, "title": self.title,
            "error": self.error,
        }  # fmt: skip


@dataclass
class Report:
    extractor: str
    articles: list[ArticleResult] = field(default_factory=list)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for a in self.articles if a.outcome == outcome)

    @property
    def appended(self) -> int:
        return sum(a.appended for a in self.articles)


def plans(
    store: EventStore,
    selection: Selection,
    extractor: Extractor,
    withdrawals: Withdrawals,
    progress: Progress | None = None,
) -> Iterator[Plan]:
    """The decision for every selected article, in storage order (nothing is written)."""
    total = count_articles(store.engine, selection)
    for done, article in enumerate(iter_articles(store.engine, selection), 1):
        with store.engine.connect() as conn:
            old = read_old(conn, article, withdrawals)
        yield decide(article, old, run_extractor(extractor.extract, article))
        if progress is not None:
            progress(done, total)


def read_old(conn: Connection, article: StoredArticle, withdrawals: Withdrawals) -> tuple[OldEvent, ...]:
    """The article's current events, in log order, with their withdrawals."""
    positions = list(article.positions)
    if not positions:
        return ()
    withdrawn = withdrawals.of(conn, positions)
    records = EventStore.read_page(conn, positions[0] - 1, len(positions), positions[-1])
    return tuple(OldEvent(r.position, r.payload, withdrawn.get(r.position)) for r in records)


def reextract(
    store: EventStore,
    *,
    selection: Selection | None = None,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
) -> Report:
    """Re-extract the selected articles, appending what changed; projections are caught up at the end."""
    extractor = extractor or current_extractor()
    withdrawals = Withdrawals(store)
    report = Report(extractor.name)
    for plan in plans(store, selection or Selection(), extractor, withdrawals, progress):
        if plan.outcome == "re-extracted":
            plan, records = _write(store, plan, extractor, withdrawals)
        else:
            records = []
        report.articles.append(_result(plan, records))
    projections.catch_up_all(store)
    return report


def _result(plan: Plan, records: list[Record]) -> ArticleResult:
    superseding = next((r.id for r in records if r.type == "superseded"), None)
    return ArticleResult.of(plan, len(records), superseding)


def _write(
    store: EventStore, plan: Plan, extractor: Extractor, withdrawals: Withdrawals
) -> tuple[Plan, list[Record]]:
    """Decide again under the append lock on what is stored now, then append and move the pointer."""
    with store.writing() as conn:
        withdrawals.follow(conn)
        plan = _replan(conn, plan, extractor, withdrawals)
        if plan.outcome != "re-extracted":
            return plan, []
        records = _append(store, conn, plan, extractor.name)
        new = records[: len(plan.new)]
        move_pointer(conn, plan.article, new[0].position if new else None, len(new))
    return plan, records


def _replan(conn: Connection, plan: Plan, extractor: Extractor, withdrawals: Withdrawals) -> Plan:
    now = load_article(conn, plan.article.id)
    if now is None:
        raise ReplayError(f"article {plan.article.id} is no longer stored")
    extracted: Extracted = plan.new
    if (now.revision, now.text, now.title) != (plan.article.revision, plan.article.text, plan.article.title):
        extracted = run_extractor(extractor.extract, now)  # a newer revision arrived meanwhile
    return decide(now, read_old(conn, now, withdrawals), extracted)


def _append(store: EventStore, conn: Connection, plan: Plan, version: str) -> list[Record]:
    a = plan.article
    start = f"x{a.first_position}" if a.positions else f"x0h{_head(conn)}"
    base = f"article:{a.id}:r{a.revision}:{version}:{start}"
    batch = [NewEvent(f"{base}:{n}", type_, payload, v) for n, (type_, v, payload) in enumerate(plan.new)]
    new = store.append_in(conn, batch) if batch else []
    _check_contiguous(a, new)
    ids = tuple(r.id for r in new)
    follow: list[NewEvent] = []
    if plan.supersede:
        record = Supersession(
            old=plan.supersede, new=ids, reason=f"re-extracted with {version}", article=f"article:{a.id}"
        )
        follow.append(NewEvent.of(record, f"{base}:superseded"))
    for carried in plan.carried:
        reason = f"{carried.retraction.reason} (carried over from {carried.old}, re-extracted with {version})"
        retraction = Retraction(event_id=ids[carried.ordinal], reason=reason)
        follow.append(NewEvent.of(retraction, f"{base}:{carried.ordinal}:retracted"))
    return new + (store.append_in(conn, follow) if follow else [])


def _check_contiguous(article: StoredArticle, records: list[Record]) -> None:
    """The pointer names a range, so the new events must be one (a reused key would break it)."""
    positions = [r.position for r in records]
    if positions and positions != list(range(positions[0], positions[0] + len(positions))):
        raise ReplayError(f"article {article.id}: re-extracted events are not contiguous: {positions}")


def _head(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(event_log.c.position), 0))).scalar_one())
