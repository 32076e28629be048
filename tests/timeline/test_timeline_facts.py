"""A stored payload's facts: the typed decoder gives what the whole dict gives, odd shapes included."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

from tracker.timeline.facts import facts_of, facts_of_json

ACTORS = st.sampled_from(["IND", "RUS", "USA", "FRA"])
TEXT = st.text(alphabet="aS-4 0", max_size=6)
ODD = st.one_of(st.none(), st.integers(-(10**6), 10**6), TEXT, st.lists(st.integers(0, 9), max_size=2))


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A field as the wire format has it, absent (``...``) or null."""
    return st.one_of(strategy, st.just(None), st.just(...))


NAME = st.text(alphabet="aS-4 0", min_size=1, max_size=6)
ITEM = st.fixed_dictionaries({"name": _maybe(NAME), "quantity": _maybe(st.integers(0, 99))})
ROLES = st.dictionaries(
    st.sampled_from(["buyer", "seller", "about"]), st.one_of(ACTORS, st.lists(ACTORS, max_size=2)), max_size=3
)
DATE = st.sampled_from(["2018", "2018-10", "2018-10-05"])
OCCURRED = st.fixed_dictionaries(
    {"date": _maybe(DATE), "precision": _maybe(st.sampled_from(["year", "month", "day"])), "text": TEXT}
)
EVIDENCE = st.fixed_dictionaries(
    {"url": _maybe(st.just("https://a.example/1")), "sentence": TEXT, "start": st.integers(0, 99)}
)
VALUE = st.dictionaries(st.sampled_from(["amount", "currency"]), st.one_of(st.integers(0, 10**9), TEXT))
PAYLOAD = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["deal", "delivery", "statement", "sanction"]),
        "roles": _maybe(ROLES),
        "occurred": _maybe(OCCURRED),
        "evidence": _maybe(EVIDENCE),
        "items": _maybe(st.lists(ITEM, min_size=1, max_size=3)),
        "value": _maybe(VALUE),
        "status": _maybe(st.sampled_from(["signed", "planned"])),
        "reported_at": _maybe(st.just("2021-12-06T10:00:00Z")),
        "confidence": _maybe(st.sampled_from([0.7, 1, 0])),
    },
    optional={"summary": TEXT},
)


def _present(payload: dict[str, Any]) -> dict[str, Any]:
    """``...`` stands for a field left out, at any depth."""
    out: dict[str, Any] = {}
    for key, value in payload.items():
        if value is ...:
            continue
        if isinstance(value, dict):
            value = _present(value)
        elif isinstance(value, list):
            value = [_present(v) if isinstance(v, dict) else v for v in value if v is not ...]
        out[key] = value
    return out


def _facts_of_dict(payload: dict[str, Any]) -> Any:
    try:
        return facts_of(7, payload, "2021-12-06T10:00:00Z")
    except Exception as exc:  # a shape neither reads: both must refuse it
        return type(exc)


def _facts_of_json(payload: dict[str, Any]) -> Any:
    try:
        return facts_of_json(7, orjson.dumps(payload), "2021-12-06T10:00:00Z")
    except Exception as exc:
        return type(exc)


@given(PAYLOAD.map(_present))
def test_typed_decoding_gives_the_facts_of_the_whole_dict(payload: dict[str, Any]) -> None:
    assert _facts_of_json(payload) == _facts_of_dict(payload)


@given(PAYLOAD.map(_present), st.data())
def test_a_field_of_another_shape_gives_the_same_facts_or_the_same_refusal(
    payload: dict[str, Any], data: st.DataObject
) -> None:
    """As an older or hand-made payload may have it: the typed decoder hands it to ``facts_of``."""
    place = payload
    while True:
        key = data.draw(st.sampled_from(sorted(place)))
        inner = place[key]
        if isinstance(inner, list) and inner and isinstance(inner[0], dict) and data.draw(st.booleans()):
            inner = inner[0]
        if not isinstance(inner, dict) or not inner or not data.draw(st.booleans()):
            place[key] = data.draw(ODD)
            break
        place = inner
    assert _facts_of_json(payload) == _facts_of_dict(payload)


def test_a_wire_payload_keeps_every_fact_the_fold_reads() -> None:
    payload = {
        "type": "deal",
        "roles": {"buyer": "IND", "seller": "RUS"},
        "occurred": {"date": "2018-10", "precision": "month", "text": "in October 2018"},
        "items": [{"name": "S-400", "quantity": 5}, {"name": "", "quantity": 1}],
        "value": {"amount": 5.43e9, "currency": "USD"},
        "status": "signed",
        "evidence": {"url": "https://a.example/1", "sentence": "s", "start": 0, "end": 1},
        "reported_at": "2021-12-06T10:00:00Z",
        "confidence": 0.8,
    }
    facts = facts_of_json(3, orjson.dumps(payload), "2021-12-07T00:00:00Z")
    assert (facts.actor_key, facts.date, facts.precision, facts.status) == (
        "IND,RUS",
        "2018-10",
        "month",
        "signed",
    )
    assert facts.items == (("s400", "S-400", 5),) and facts.norms == {"s400"}
    assert facts.value == {"amount": 5.43e9, "currency": "USD"} and facts.url == "https://a.example/1"
    assert facts == facts_of(3, payload, "2021-12-07T00:00:00Z")
