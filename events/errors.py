"""Errors of the event store.

EventStoreError              base: anything the store refuses or fails at
├── SchemaError              the database has no or an outdated schema (run `tracker init`)
├── IntegrityError           the hash chain does not verify (``position`` names the first bad row)
├── AppendOnlyViolation      the database refused an UPDATE or DELETE on the log
├── ProjectionError          a projection handler failed; its batch was rolled back
└── StorageError             any other database error, wrapped at the store boundary
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError, SQLAlchemyError


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


@contextmanager
def wrap_errors(action: str) -> Iterator[None]:
    """Database errors leave the store as EventStoreError subclasses, with the cause chained."""
    try:
        yield
    except EventStoreError:
        raise
    except DBAPIError as exc:
        message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if "append-only" in message:
            raise AppendOnlyViolation(message) from exc
        if isinstance(exc, OperationalError | ProgrammingError) and (
            "no such table" in message or "does not exist" in message
        ):
            raise SchemaError(
                f"{action}: the database has no schema; run `tracker init` ({message})"
            ) from exc
        raise StorageError(f"{action}: {message}") from exc
    except SQLAlchemyError as exc:
        raise StorageError(f"{action}: {exc}") from exc
