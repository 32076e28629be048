"""The event vocabulary: frozen, typed, and its JSON form is the shared wire schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import jsonschema
import pytest
from pydantic import ValidationError

from events.model import (
    Deal,
    Delivery,
    Evidence,
    Item,
    Occurred,
    Retraction,
    Roles,
    Sanction,
    Speaker,
    Statement,
    Supersession,
    Value,
    from_wire,
    to_wire,
)
from events.store import NewEvent
from tests.conftest import SHARED

SCHEMA = json.loads((SHARED / "events.schema.json").read_text())
PUBLISHED = datetime(2022, 4, 23, 6, 30, tzinfo=UTC)
EVIDENCE = Evidence(sentence="India signed a deal.", url="https://example.org/a", title="T", start=0, end=20)


def samples() -> list:
    common = {"evidence": EVIDENCE, "reported_at": PUBLISHED, "confidence": 0.8, "extractor": "rules@1"}
    return [
        Statement(
            occurred=Occurred(date="2022-04-22", precision="day", text="on Friday"),
            roles=Roles(speaker="USA", about=("IND", "RUS")),
            speaker=Speaker(name="John Kirby", title="Pentagon press secretary"),
            quote="We have been very clear",
            summary="The US said India should not rely on Russia.",
            **common,
        ),
        Deal(
            occurred=Occurred(date="2018", precision="year"),
            roles=Roles(buyer="IND", seller="RUS"),
            items=(Item(name="S-400"),),
            value=Value(amount=5e9, currency="USD", text="$5 billion"),
            status="signed",
            summary="India signed a $5 billion deal with Russia for S-400.",
            **common,
        ),
        Delivery(
            occurred=None,
            roles=Roles(supplier="RUS", recipient="IND"),
            items=(Item(name="AK-203", quantity=600000),),
            status="began",
            summary="Russia began delivering AK-203 to India.",
            **common,
        ),
        Sanction(
            occurred=Occurred(date="2021-12", precision="month"),
            roles=Roles(imposer="USA", target="IND"),
            status="threatened",
            summary="The US could sanction India under CAATSA.",
            id="ev_1",
            position=7,
            recorded_at=datetime(2022, 4, 24, tzinfo=UTC),
            **common,
        ),
    ]


@pytest.mark.parametrize("event", samples(), ids=lambda e: e.type)
def test_wire_form_validates_against_the_shared_schema_and_round_trips(event) -> None:
    wire = json.loads(json.dumps(to_wire(event)))
    jsonschema.validate(wire, SCHEMA)
    assert from_wire(wire) == event
    payload = NewEvent.of(event, key="k").payload
    assert "id" not in payload and "position" not in payload
    jsonschema.validate(payload, SCHEMA)


def test_events_are_frozen() -> None:
    event = samples()[1]
    with pytest.raises(ValidationError):
        event.status = "cancelled"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"roles": {"speaker": "USA"}}, "no role speaker"),
        ({"status": "imposed"}, "cannot have status"),
        ({"occurred": {"date": "2018-04", "precision": "year"}}, "precision"),
        ({"roles": {"buyer": "india"}}, "pattern"),
        ({"confidence": 1.5}, "less than or equal"),
    ],
)
def test_invalid_events_are_refused(kwargs: dict, message: str) -> None:
    base = to_wire(samples()[1])
    base.update({k: (v.model_dump() if hasattr(v, "model_dump") else v) for k, v in kwargs.items()})
    with pytest.raises(ValidationError, match=message):
        from_wire(base)


def test_times_are_normalised_to_utc() -> None:
    naive = samples()[2].model_copy(update={"reported_at": None})
    assert naive.reported_at is None
    wire = to_wire(samples()[2])
    wire["reported_at"] = "2022-04-23T08:30:00+02:00"
    assert from_wire(wire).reported_at == PUBLISHED


def test_log_records_are_separate_types() -> None:
    assert from_wire(to_wire(Retraction(event_id="ev_1", reason="wrong"))) == Retraction(
        event_id="ev_1", reason="wrong"
    )
    sup = Supersession(old=("ev_1",), new=("ev_2",), reason="re-extracted with rules@2", article="a1")
    assert from_wire(to_wire(sup)) == sup
    with pytest.raises(ValidationError):
        Retraction(event_id="ev_1", reason="")


def test_the_vocabulary_names_the_models_types() -> None:
    """Readers filter by ``events.vocabulary``'s names without importing the models: the same names."""
    from events import model, vocabulary

    assert tuple(model.EVENT_TYPES) == vocabulary.EVENT_TYPE_NAMES
    assert tuple(model.LOG_RECORD_TYPES) == vocabulary.LOG_RECORD_TYPE_NAMES
    assert set(model.STATUSES) == set(model.ROLE_KEYS) == set(vocabulary.EVENT_TYPE_NAMES)
