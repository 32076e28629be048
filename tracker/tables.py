"""Every table of the application, imported so SQLModel's metadata is complete for Alembic."""

from __future__ import annotations

from events.schema import EventLog, ProjectionCheckpoint

__all__ = ["EventLog", "ProjectionCheckpoint"]
