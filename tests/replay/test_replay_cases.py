"""The edges of a replay: articles emptied and filled again, retractions kept, failures, crashes, races."""

from __future__ import annotations

import sys
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from events.model import Deal, Evidence, Item, Roles, Statement
from events.store import EventStore
from tests.replay.conftest import START, V1, V2, Story, archive, current, ingest, write_feed
from tracker.feeds.tables import article_revisions
from tracker.replay import Extractor, difference, preview, reextract, retract

STORIES = [
    Story(
        f"urn:s:{n}", f"Story {n}", f"Body of story {n}.", datetime(2024, 1, n, tzinfo=UTC), f"https://s/{n}"
    )
    for n in (1, 2, 3)
]

SPEAKERS = {"Story 1": "IND", "Story 2": "RUS", "Story 3": "USA"}  # apart, so each is a development


def statements(version: str, skip: Collection[str] = ()) -> Extractor:
    """One statement per article, from its title, except for the titles in ``skip``."""

    def extract(text: str, *, title: str | None, published: datetime | None, url: str | None) -> list[Any]:
        if title in skip:
            return []
        return [
            Statement(
                occurred=None, roles=Roles(speaker=SPEAKERS[title]), summary=f"India spoke: {title}",
                evidence=Evidence(sentence=text, url=url, title=title), reported_at=published,
                confidence=0.6, extractor=version,
            )
        ]  # fmt: skip

    return Extractor(version, extract)


def summaries(store: EventStore) -> list[str]:
    return sorted(d["summary"] for d in current(store))


def records_of(store: EventStore, kind: str) -> list[Any]:
    return [r for r in store.read() if r.type == kind]


@pytest.fixture
def small(store: EventStore, tmp_path: Path) -> str:
    return write_feed(tmp_path / "small.xml", STORIES, 1_700_000_000)


def test_an_article_emptied_then_filled_again_gets_new_live_events(store: EventStore, small: str) -> None:
    ingest(store, small, statements("rules@1", skip={"Story 2"}), START)
    assert summaries(store) == ["India spoke: Story 1", "India spoke: Story 3"]
    filled = reextract(store, extractor=statements("rules@2"))
    assert [a.outcome for a in filled.articles].count("re-extracted") == 1
    assert summaries(store) == ["India spoke: Story 1", "India spoke: Story 2", "India spoke: Story 3"]

    [removed] = preview(store, extractor=statements("rules@3", skip={"Story 2"})).changes
    assert (removed.kind, removed.describe()) == ("removed", "India spoke: Story 2")
    emptied = reextract(store, extractor=statements("rules@3", skip={"Story 2"}))
    [superseding] = records_of(store, "superseded")
    assert superseding.payload["new"] == [] and superseding.id == emptied.articles[1].record
    assert "India spoke: Story 2" not in summaries(store)
    with store.engine.connect() as conn:
        pointer = conn.execute(
            select(article_revisions.c.first_position, article_revisions.c.event_count).where(
                article_revisions.c.title == "Story 2"
            )
        ).one()
    assert tuple(pointer) == (None, 0)

    # rules@2 again: the same version on the same (empty) state as before must not reuse the first fill.
    again = reextract(store, extractor=statements("rules@2"))
    assert [a.appended for a in again.articles] == [0, 1, 0]
    assert "India spoke: Story 2" in summaries(store)
    keys = [r.key for r in store.read() if r.payload.get("summary") == "India spoke: Story 2"]
    assert len(keys) == len(set(keys)) == 2 and all(":x0h" in key for key in keys)
    assert store.verify().ok


def test_a_retracted_event_stays_retracted_when_its_article_is_re_extracted(
    store: EventStore, tmp_path: Path
) -> None:
    ingest(store, write_feed(tmp_path / "a.xml", archive(), 1_700_000_000), V1, START)
    seed = archive()[-1].link  # an article v2 changes (it finds deliveries), with statements v1 found alike
    statement = next(d for d in current(store, types=("statement",)) if d["events"][0]["url"] == seed)
    [event] = statement["events"]
    retract(store, event["id"], "misread the article")
    assert all(d["id"] != statement["id"] for d in current(store))

    report = reextract(store, extractor=V2)
    assert report.appended > 0
    [carried] = [r for r in records_of(store, "retracted") if "carried over" in r.payload["reason"]]
    assert carried.payload["reason"].startswith("misread the article (carried over from " + event["id"])
    twin = store.get(carried.payload["event_id"])
    assert twin is not None and twin.payload["extractor"] == "rules@2"
    assert twin.payload["summary"] == statement["summary"]
    assert all(twin.id not in [e["id"] for e in d["events"]] for d in current(store))
    assert reextract(store, extractor=V2).appended == 0


def test_a_failing_extractor_leaves_that_article_as_it_was(store: EventStore, small: str) -> None:
    ingest(store, small, statements("rules@1"), START)
    good = statements("rules@2")

    def flaky(text: str, **kwargs: Any) -> list[Any]:
        if kwargs["title"] == "Story 2":
            raise ValueError("cannot parse")
        return [e.model_copy(update={"confidence": 0.9}) for e in good.extract(text, **kwargs)]

    report = reextract(store, extractor=Extractor("rules@2", flaky))
    assert [a.outcome for a in report.articles] == ["re-extracted", "failed", "re-extracted"]
    assert "cannot parse" in (report.articles[1].error or "")
    assert len(records_of(store, "superseded")) == 2
    assert summaries(store) == ["India spoke: Story 1", "India spoke: Story 2", "India spoke: Story 3"]


def test_a_crash_before_the_commit_leaves_log_and_pointer_as_they_were(
    store: EventStore, small: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(store, small, statements("rules@1"), START)
    head = store.head()
    with store.engine.connect() as conn:
        pointers = conn.execute(select(article_revisions)).all()

    def crash(*_args: Any) -> None:
        raise RuntimeError("killed between the appends and the pointer")

    # The package exports the function reextract, which hides the module of that name.
    monkeypatch.setattr(sys.modules["tracker.replay.reextract"], "move_pointer", crash)
    with pytest.raises(RuntimeError):
        reextract(store, extractor=statements("rules@2", skip={"Story 1"}))
    assert store.head() == head
    with store.engine.connect() as conn:
        assert conn.execute(select(article_revisions)).all() == pointers
    monkeypatch.undo()
    assert reextract(store, extractor=statements("rules@2", skip={"Story 1"})).appended == 1
    assert store.verify().ok


def test_a_run_that_finds_its_article_re_extracted_meanwhile_appends_nothing_twice(
    store: EventStore, tmp_path: Path
) -> None:
    """While this run extracts (outside the lock), another run re-extracts everything and commits."""
    ingest(store, write_feed(tmp_path / "a.xml", archive(), 1_700_000_000), V1, START)
    raced: list[bool] = []

    def racing(text: str, **kwargs: Any) -> list[Any]:
        if not raced:
            raced.append(True)
            reextract(store, extractor=V2)
        return V2.extract(text, **kwargs)

    late = reextract(store, extractor=Extractor("rules@2", racing))
    assert late.appended == 0 and {a.outcome for a in late.articles} == {"unchanged"}
    keys = [r.key for r in store.read()]
    assert len(keys) == len(set(keys))
    assert store.verify().ok


def deals(version: str, roles: Roles) -> Extractor:
    """One S-400 deal per article between India and Russia, with these roles."""

    def extract(text: str, *, title: str | None, published: datetime | None, url: str | None) -> list[Any]:
        return [
            Deal(
                occurred=None, roles=roles, items=(Item(name="S-400"),), summary=f"A deal: {title}",
                evidence=Evidence(sentence=text, url=url, title=title), reported_at=published,
                confidence=0.7, extractor=version, status="signed",
            )
        ]  # fmt: skip

    return Extractor(version, extract)


def test_the_dry_run_reports_what_a_real_run_changes_in_roles(store: EventStore, small: str) -> None:
    ingest(store, small, deals("rules@1", Roles(parties=("IND", "RUS"))), START)
    v2 = deals("rules@2", Roles(buyer="IND", seller="RUS"))
    before = current(store)
    dry = preview(store, extractor=v2)
    reextract(store, extractor=v2)
    real = difference(before, current(store))
    assert [c.row() for c in dry.changes] == [c.row() for c in real]
    [change] = real
    assert change.fields == ("roles",) and change.describe() == "actors: (IND, RUS) → (RUS → IND)"
