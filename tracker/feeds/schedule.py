"""When to poll a feed next: the server's Retry-After, backoff after failures, the feed's own hints.

Pure functions of their arguments (the clock and the jitter are passed in),
used by tracker.feeds.status to schedule each feed after a fetch.
"""

from __future__ import annotations

import email.utils
import random
import re
from datetime import UTC, datetime, timedelta

# A Retry-After further out than this is a misconfiguration; fall back to our own backoff.
MAX_RETRY_AFTER = timedelta(days=7)
_RNG = random.Random()


def parse_retry_after(value: str | None, now: datetime) -> datetime | None:
    """When a 429/503 says to come back: seconds or an HTTP date; None if missing or absurd.

    A date in the past means "now"; one more than MAX_RETRY_AFTER ahead is not believed.
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"\d{1,10}", value):
        moment = now + timedelta(seconds=int(value))
    else:
        try:
            moment = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if moment.tzinfo is None:  # "-0000" means UTC with unknown local time (RFC 5322)
            moment = moment.replace(tzinfo=UTC)
    if moment > now + MAX_RETRY_AFTER:
        return None
    return max(moment, now)


def next_poll_after_failure(
    error_count: int,
    *,
    base: timedelta = timedelta(minutes=5),
    cap: timedelta = timedelta(hours=24),
    rng: random.Random | None = None,
) -> timedelta:
    """How long to wait after ``error_count`` failures in a row (1 for the first): base * 2**(n-1), capped.

    The jitter draws from [75%, 100%] of that delay, so failing feeds drift
    apart instead of retrying in lock-step, each step still waits longer than
    the one before (until the cap), and no feed ever waits more than ``cap``.
    """
    doublings = min(max(error_count, 1) - 1, 1000)  # floats, so a huge count cannot overflow timedelta
    seconds = min(cap.total_seconds(), base.total_seconds() * 2.0**doublings)
    return timedelta(seconds=seconds * (rng or _RNG).uniform(0.75, 1.0))


def interval_from_hints(
    default: timedelta,
    *,
    ttl_minutes: int | None = None,
    cache_control: str | None = None,
    floor: timedelta,
    ceiling: timedelta,
) -> timedelta:
    """The wait before the next poll: a feed's ``<ttl>`` or ``Cache-Control: max-age`` may lengthen
    the configured interval up to ``ceiling``, never shorten it; nothing goes below ``floor``.
    """
    hints = [default]
    if ttl_minutes is not None and ttl_minutes > 0:
        hints.append(timedelta(minutes=min(ttl_minutes, 10**6)))
    max_age = re.search(r"(?:^|[,\s])max-age\s*=\s*\"?(\d{1,10})", cache_control or "", re.IGNORECASE)
    if max_age:
        hints.append(timedelta(seconds=int(max_age.group(1))))
    lengthened = min(max(hints), max(ceiling, default))
    return max(lengthened, floor)
