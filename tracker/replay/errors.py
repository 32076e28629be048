"""Errors of re-extraction and retraction.

    tracker.errors.TrackerError
    └── ReplayError         re-extraction or retraction cannot proceed
        └── NotRetractable  the id names a log record, or an event already retracted or superseded

An unknown event id is tracker.errors.NotFound, as everywhere else.
"""

from __future__ import annotations

from tracker.errors import TrackerError


class ReplayError(TrackerError):
    pass


class NotRetractable(ReplayError):
    pass
