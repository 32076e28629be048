"""The timeline projection on both backends: corroboration, refinement, retraction, as-of."""

from __future__ import annotations

from datetime import timedelta

import pytest

from events.model import Retraction
from events.projection import ProjectionRunner
from events.store import EventStore, NewEvent
from tests.timeline.conftest import PUBLISHED, SEED
from tracker.extract import extract
from tracker.timeline.projection import TimelineProjection
from tracker.timeline.query import TimelineQuery, timeline

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/acceptance")


def ingest(store: EventStore, article: str, text: str, url: str, published=PUBLISHED) -> list:
    events = extract(text, title="US does not want India to rely on Russia", published=published, url=url)
    return store.append(NewEvent.of(e, key=f"article:{article}:r0:rules@1:{i}") for i, e in enumerate(events))


def current(store: EventStore, **query) -> list[dict]:
    ProjectionRunner(store, TimelineProjection(), batch_size=7).catch_up()
    return timeline(store, TimelineQuery(**query))


def test_the_seed_from_two_outlets_is_one_development_per_event_with_two_sources(store: EventStore) -> None:
    text = SEED.read_text()
    first = ingest(store, "a", text, "https://outlet-a.example/story")
    second = ingest(store, "b", text, "https://outlet-b.example/other-story")
    developments = current(store)
    assert len(developments) == len(first) == len(second)
    assert all(d["sources"] == 2 and len(d["events"]) == 2 for d in developments)
    outlets = {e["outlet"] for d in developments for e in d["events"]}
    assert outlets == {"outlet-a.example", "outlet-b.example"}
    s400 = current(store, types=("deal",), item="S400")
    assert [(d["occurred"], d["roles"], d["status"]) for d in s400] == [
        ({"date": "2018", "precision": "year"}, {"buyer": "IND", "seller": "RUS"}, "signed")
    ]
    assert s400[0]["value"]["amount"] == 5_000_000_000
    assert all(e["sentence"] for e in s400[0]["events"])


def test_a_later_more_precise_report_refines_the_date_and_moves_the_status(store: EventStore, clock) -> None:
    ingest(
        store,
        "a",
        "India will sign a deal with Russia to buy S-400 air defence systems in 2018.",
        "https://a.example/1",
    )
    clock.advance(days=30)
    ingest(
        store,
        "b",
        "India signed a $5 billion deal with Russia in October 2018 to buy S-400 systems.",
        "https://b.example/2",
        published=PUBLISHED + timedelta(days=30),
    )
    [deal] = current(store, types=("deal",))
    assert deal["occurred"] == {"date": "2018-10", "precision": "month"}
    assert deal["sources"] == 2
    assert deal["status_history"] == ["planned", "signed"] and deal["status"] == "signed"


def test_different_dates_or_directions_stay_apart(store: EventStore) -> None:
    ingest(store, "a", "India signed a deal with Russia in 2018 to buy S-400 systems.", "https://a.example/1")
    ingest(store, "b", "India signed a deal with Russia in 2021 to buy S-400 systems.", "https://b.example/2")
    ingest(
        store, "c", "Russia signed a deal with India in 2018 to buy BrahMos missiles.", "https://c.example/3"
    )
    dates = sorted((d["occurred"] or {}).get("date") for d in current(store, types=("deal",)))
    assert dates == ["2018", "2018", "2021"]


def test_a_variant_written_with_its_system_joins_the_systems_development(store: EventStore) -> None:
    ingest(
        store,
        "a",
        "Taiwan took delivery of 38 M1A2T Abrams tanks from the US in December 2024.",
        "https://a.example/1",
    )
    ingest(
        store,
        "b",
        "Taiwan received 38 Abrams tanks from the United States in December 2024.",
        "https://b.example/2",
    )
    (development,) = current(store, types=("delivery",))
    assert development["sources"] == 2
    assert {i["name"] for e in development["events"] for i in e.get("items", [])} <= {
        "M1A2T Abrams",
        "Abrams",
    }
    assert [d["id"] for d in current(store, item="M1A2T")] == [development["id"]]
    assert [d["id"] for d in current(store, item="abrams")] == [development["id"]]


def test_retracted_events_drop_out_but_as_of_before_the_retraction_still_shows_them(
    store: EventStore, clock
) -> None:
    text = SEED.read_text()
    stored = ingest(store, "a", text, "https://a.example/1")
    before_ingest = PUBLISHED  # the clock starts a day later
    clock.advance(hours=1)
    known = clock.now
    sanction = next(r for r in stored if r.type == "sanction")
    clock.advance(hours=1)
    store.append([NewEvent.of(Retraction(event_id=sanction.id, reason="not a sanction"), key="retract:1")])
    assert [d["type"] for d in current(store, types=("sanction",))] == []
    assert [d["type"] for d in timeline(store, TimelineQuery(types=("sanction",), as_of=known))] == [
        "sanction"
    ]
    assert timeline(store, TimelineQuery(as_of=before_ingest)) == []
    full_then = timeline(store, TimelineQuery(as_of=known))
    assert len(full_then) == len(stored)


def test_filters(store: EventStore) -> None:
    ingest(store, "a", SEED.read_text(), "https://a.example/1")
    assert {d["type"] for d in current(store, actor="USA")} == {"statement", "sanction"}
    assert {d["type"] for d in current(store, actor="IND", with_actor="RUS")} >= {"deal", "delivery"}
    assert [
        d["occurred"]["date"] for d in current(store, since="2021", until="2021-12", types=("deal",))
    ] == ["2021-12"]
    assert current(store, min_sources=2) == []
    assert len(current(store, limit=2)) == 2
    undated = [d for d in current(store) if not d["dated"]]
    assert undated and all(d["occurred"] is None for d in undated)
    # Undated developments are placed by first report (2022-04-23), and filtered by it too.
    assert {d["id"] for d in current(store, since="2022-04") if not d["dated"]} == {d["id"] for d in undated}
    assert [d for d in current(store, since="2022-05") if not d["dated"]] == []
    assert [d for d in current(store, until="2022-03") if not d["dated"]] == []
    ordered = [d["occurred"]["date"] for d in current(store) if d["dated"]]
    assert ordered == sorted(ordered, key=lambda x: x.ljust(10, "0"))
