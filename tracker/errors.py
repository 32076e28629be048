"""Errors of the tracker application.

    TrackerError           base: every error a user can act on
    ├── ConfigError        a setting is missing or malformed
    ├── FeedError          a feed could not be added, fetched or parsed
    │   └── DuplicateFeed  the feed is already registered
    └── NotFound           no feed, event or article has that id

Store errors keep their own tree (``events.errors.EventStoreError``); the CLI
reports both as one line and a non-zero exit.
"""

from __future__ import annotations


class TrackerError(Exception):
    """Base class of every error the tracker package raises."""


class ConfigError(TrackerError):
    pass


class FeedError(TrackerError):
    pass


class DuplicateFeed(FeedError):
    pass


class NotFound(TrackerError):
    pass


def no_event(value: str) -> NotFound:
    """No event has that id; a development's id ('dev-3') is told for what it is."""
    hint = ""
    if value.strip().startswith("dev-"):
        hint = ": that is a development's id; `tracker timeline --format json` lists its events (ev-N)"
    return NotFound(f"no event {value!r}{hint}")
