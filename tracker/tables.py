"""Every table of the application, imported so SQLModel's metadata is complete for Alembic."""

from __future__ import annotations

from events.schema import EventLog, ProjectionCheckpoint
from tracker.daemon.tables import DigestRun
from tracker.feeds.tables import Article, ArticleKey, ArticleRevision, Feed
from tracker.timeline.tables import (
    TimelineActor,
    TimelineDevelopment,
    TimelineEvent,
    TimelineItem,
    TimelineVersion,
)

__all__ = [
    "Article",
    "ArticleKey",
    "ArticleRevision",
    "DigestRun",
    "EventLog",
    "Feed",
    "ProjectionCheckpoint",
    "TimelineActor",
    "TimelineDevelopment",
    "TimelineEvent",
    "TimelineItem",
    "TimelineVersion",
]
