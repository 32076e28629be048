"""When to poll again: backoff after failures, Retry-After, and the hints a feed gives about itself."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.feeds.fetch import interval_from_hints, next_poll_after_failure, parse_retry_after

BASE = timedelta(minutes=5)
CAP = timedelta(hours=24)
MINUTE = timedelta(minutes=1)

# The same examples on every run, so a failure in CI reproduces on a laptop.
REPRODUCIBLE = settings(derandomize=True, database=None)


@REPRODUCIBLE
@given(st.integers(min_value=-5, max_value=10**6), st.integers(min_value=0, max_value=2**32))
def test_backoff_never_exceeds_the_cap(errors, seed):
    delay = next_poll_after_failure(errors, base=BASE, cap=CAP, rng=random.Random(seed))
    assert timedelta(0) < delay <= CAP


@REPRODUCIBLE
@given(st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=2**32))
def test_jitter_stays_within_a_quarter_below_the_nominal_delay(errors, seed):
    nominal = min(CAP, BASE * 2 ** min(errors - 1, 20))
    delay = next_poll_after_failure(errors, base=BASE, cap=CAP, rng=random.Random(seed))
    assert nominal * 0.75 <= delay <= nominal


@REPRODUCIBLE
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=0, max_value=2**32))
def test_backoff_grows_with_errors_until_the_cap(errors, seed):
    rng = random.Random(seed)
    now = next_poll_after_failure(errors, base=BASE, cap=CAP, rng=rng)
    later = next_poll_after_failure(errors + 1, base=BASE, cap=CAP, rng=rng)
    assert later >= now or now >= CAP * 0.75


def test_backoff_starts_at_the_base():
    assert BASE * 0.75 <= next_poll_after_failure(1, base=BASE, cap=CAP, rng=random.Random(1)) <= BASE


def test_retry_after_seconds_and_dates(now):
    assert parse_retry_after("120", now) == now + timedelta(seconds=120)
    assert parse_retry_after(" 0 ", now) == now
    assert parse_retry_after("Sat, 01 Mar 2025 14:00:00 GMT", now) == now + timedelta(hours=2)
    assert parse_retry_after("Sat, 01 Mar 2025 14:00:00 -0000", now) == now + timedelta(hours=2)
    assert parse_retry_after("Fri, 28 Feb 2025 14:00:00 GMT", now) == now  # past: come back now


@pytest.mark.parametrize(
    "value", [None, "", "  ", "-5", "1.5", "soon", "99999999999", "Sun, 01 Mar 2026 12:00:00 GMT"]
)
def test_missing_or_absurd_retry_after_is_none(now, value):
    assert parse_retry_after(value, now) is None


def test_hints_lengthen_but_never_shorten_the_interval():
    default, floor, ceiling = 15 * MINUTE, 5 * MINUTE, 6 * 60 * MINUTE
    assert interval_from_hints(default, floor=floor, ceiling=ceiling) == default
    assert interval_from_hints(default, ttl_minutes=60, floor=floor, ceiling=ceiling) == 60 * MINUTE
    assert interval_from_hints(default, ttl_minutes=1, floor=floor, ceiling=ceiling) == default
    assert interval_from_hints(default, ttl_minutes=10**9, floor=floor, ceiling=ceiling) == ceiling
    assert interval_from_hints(
        default, cache_control="public, max-age=1800", floor=floor, ceiling=ceiling
    ) == (30 * MINUTE)
    assert interval_from_hints(
        default, cache_control="no-cache, s-maxage=99999", floor=floor, ceiling=ceiling
    ) == (default)
    assert interval_from_hints(MINUTE, floor=floor, ceiling=ceiling) == floor
    assert (
        interval_from_hints(12 * 60 * MINUTE, ttl_minutes=24 * 60, floor=floor, ceiling=ceiling)
        == 12 * 60 * MINUTE
    )


@REPRODUCIBLE
@given(
    st.integers(min_value=1, max_value=10**4),
    st.one_of(st.none(), st.integers(min_value=-10, max_value=10**7)),
    st.one_of(st.none(), st.text(max_size=30), st.integers(0, 10**8).map(lambda n: f"max-age={n}")),
)
def test_hinted_interval_stays_within_bounds(default_minutes, ttl, cache_control):
    default, floor, ceiling = default_minutes * MINUTE, 5 * MINUTE, 24 * 60 * MINUTE
    interval = interval_from_hints(
        default, ttl_minutes=ttl, cache_control=cache_control, floor=floor, ceiling=ceiling
    )
    assert interval >= max(default, floor)
    assert interval <= max(ceiling, default)
