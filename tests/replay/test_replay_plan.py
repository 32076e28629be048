"""The pure decision: when does a re-extraction change an article's events, and what does it append."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import tracker.replay
from events.model import Evidence, Roles, Statement
from events.store import NewEvent
from tracker.replay import StoredArticle, content, decide
from tracker.replay.plan import OldEvent, run_extractor
from tracker.replay.withdrawn import Withdrawal

PUBLISHED = datetime(2022, 4, 23, tzinfo=UTC)
ARTICLE = StoredArticle(7, 2, 1, "Title", "Text.", PUBLISHED, "https://a.example/1", 10, 2)


def payload(summary: str, *, confidence: float = 0.6, extractor: str = "rules@1") -> dict[str, Any]:
    event = Statement(
        occurred=None, roles=Roles(speaker="IND"), summary=summary, evidence=Evidence(sentence=summary),
        reported_at=PUBLISHED, confidence=confidence, extractor=extractor,
    )  # fmt: skip
    return NewEvent.of(event, key="").payload


def new(*payloads: dict[str, Any]) -> tuple[tuple[str, int, dict[str, Any]], ...]:
    return tuple(("statement", 1, p) for p in payloads)


def test_the_same_events_from_a_new_extractor_version_are_unchanged() -> None:
    old = [OldEvent(10, payload("a")), OldEvent(11, payload("b"))]
    plan = decide(ARTICLE, old, new(payload("a", extractor="rules@2"), payload("b", extractor="rules@2")))
    assert plan.outcome == "unchanged" and plan.appends == 0
    assert content(payload("a")) == content(payload("a", extractor="rules@9"))


def test_any_other_difference_supersedes_the_live_events() -> None:
    retired = Withdrawal("ev-30", "superseded", "article revised")
    old = [OldEvent(10, payload("a")), OldEvent(11, payload("b"), retired)]
    plan = decide(ARTICLE, old, new(payload("a", confidence=0.7), payload("b")))
    assert plan.outcome == "re-extracted"
    assert plan.supersede == ("ev-10",)  # ev-11 is already out of the timeline
    assert plan.carried == () and plan.appends == 3


def test_a_retracted_event_passes_its_retraction_to_the_new_event_that_repeats_it() -> None:
    retracted = Withdrawal("ev-40", "retracted", "misread the article")
    old = [OldEvent(10, payload("a"), retracted), OldEvent(11, payload("b"))]
    plan = decide(ARTICLE, old, new(payload("c"), payload("a", extractor="rules@2")))
    assert plan.supersede == ("ev-11",)
    [carried] = plan.carried
    assert (carried.ordinal, carried.old, carried.retraction) == (1, "ev-10", retracted)
    assert plan.appends == 2 + 1 + 1


def test_an_article_that_loses_every_event_is_superseded_with_nothing() -> None:
    plan = decide(ARTICLE, [OldEvent(10, payload("a"))], ())
    assert (plan.outcome, plan.new, plan.supersede, plan.appends) == ("re-extracted", (), ("ev-10",), 1)


def test_an_article_without_events_that_gains_some_supersedes_nothing() -> None:
    empty = StoredArticle(8, 1, 1, "T", "x", PUBLISHED, None, None, 0)
    plan = decide(empty, [], new(payload("a")))
    assert (plan.outcome, plan.supersede, plan.appends) == ("re-extracted", (), 1)
    assert decide(empty, [], ()).outcome == "unchanged"


def test_an_extractor_failure_is_a_failed_plan_not_an_exception() -> None:
    def broken(text: str, **_: Any) -> list[Any]:
        raise RuntimeError("boom")

    extracted = run_extractor(broken, ARTICLE)
    assert isinstance(extracted, str) and "boom" in extracted and "article 7" in extracted
    plan = decide(ARTICLE, [OldEvent(10, payload("a"))], extracted)
    assert (plan.outcome, plan.error, plan.appends) == ("failed", extracted, 0)


def test_the_public_names() -> None:
    assert sorted(tracker.replay.__all__) == [
        "ArticleResult", "Change", "Extractor", "NotRetractable", "Plan", "Preview", "ReplayError",
        "Report", "Selection", "StoredArticle", "content", "current_extractor", "decide", "difference",
        "preview", "reextract", "retract",
    ]  # fmt: skip
