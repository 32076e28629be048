"""A development read back for matching only (``development_from(..., matching=True)``) folds on
exactly as one read whole: what it left unread is read when an event joins it or its row is written."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

from tests.timeline.test_timeline_facts import PAYLOAD, _present
from tracker.timeline.batch import development_row, version_row
from tracker.timeline.develop import Development, development_from, fold
from tracker.timeline.facts import facts_of

# DEVELOPMENT_COLUMNS -> id, type, actor_key, date, precision, status, first, last, events, state
_STORED = (0, 1, 2, 3, 4, 8, 12, 13, 10, 15)
_LOG = st.lists(PAYLOAD.map(_present), min_size=2, max_size=6)


def _stored(development: Development) -> tuple[Any, ...]:
    row = development_row(development)
    return tuple(row[i] for i in _STORED)


def _both(payloads: list[dict[str, Any]]) -> tuple[Development, Development, Any]:
    facts = [facts_of(n, p, f"2022-01-0{n}T00:00:00Z") for n, p in enumerate(payloads, start=1)]
    folded = fold(1, facts[:-1])
    assert folded is not None
    row = _stored(folded)
    return development_from(row), development_from(row, matching=True), facts[-1]


@given(_LOG)
def test_what_matching_reads_is_read_at_once(payloads: list[dict[str, Any]]) -> None:
    whole, light, _ = _both(payloads)
    assert light.stored is not None
    assert (light.roles, light.items, light.date, light.status, light.events) == (
        whole.roles, whole.items, whole.date, whole.status, whole.events,
    )  # fmt: skip
    light.unpack()
    assert light == whole


@given(_LOG)
def test_joined_or_written_it_is_the_development_read_whole(payloads: list[dict[str, Any]]) -> None:
    whole, light, last = _both(payloads)
    assert version_row(light, 9) == version_row(whole, 9)  # its sources counted
    whole, light, last = _both(payloads)
    assert development_row(light) == development_row(whole)  # its state written whole
    whole, light, last = _both(payloads)
    whole.add(last)
    light.add(last)
    assert light.stored is None
    assert development_row(light) == development_row(whole)


def test_a_state_of_another_shape_is_read_whole() -> None:
    state = {"roles": None, "items": [], "value": None, "status_at": ["", 0], "history": [], "sources": [],
             "best": [0.5, 1, -3]}  # fmt: skip
    row = (3, "deal", "IND,RUS", "2018", "year", None, None, None, 1, orjson.dumps(state).decode())
    light = development_from(row, matching=True)
    assert light.stored is None
    assert light == development_from(row)
