"""Errors of the event store.

EventStoreError              base: anything the store refuses or fails at
├── SchemaError              the database has no or an outdated schema (run `tracker init`)
├── IntegrityError           the hash chain does not verify (``position`` names the first bad row)
├── AppendOnlyViolation      the database refused an UPDATE or DELETE on the log
├── ProjectionError          a projection handler failed; its batch was rolled back
└── StorageError             any other database error, wrapped at the store boundary
"""

from __future__ import annotations


class EventStoreError(Exception):
    """Base class of every error the events package raises."""


class SchemaError(EventStoreError):
    pass


class IntegrityError(EventStoreError):
    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


class AppendOnlyViolation(EventStoreError):
    pass


class ProjectionError(EventStoreError):
    def __init__(self, message: str, projection: str, position: int | None = None) -> None:
        super().__init__(message)
        self.projection = projection
        self.position = position


class StorageError(EventStoreError):
    pass
