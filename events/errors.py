"""Errors of the event store.

EventStoreError              base: anything the store refuses or fails at
├── SchemaError              the database has no or an outdated schema (run `tracker init`)
├── IntegrityError           the hash chain does not verify (``position`` names the first bad row)
├── AppendOnlyViolation      the database refused an UPDATE or DELETE on the log
├── ProjectionError          a projection handler failed; its batch was rolled back
└── StorageError             any other database error, wrapped at the store boundary
"""

from __future__ import annotations

import sys
from types import TracebackType

from sqlalchemy.exc import DBAPIError, SQLAlchemyError


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


class wrap_errors:  # lower case: it is used like the function it replaced, ``with wrap_errors(...)``
    """Database errors leave the store as EventStoreError subclasses, with the cause chained.

    Both kinds are wrapped: SQLAlchemy's, and the driver's own (sqlite3, psycopg),
    which the hot paths raise since they work on DBAPI cursors. A class rather than
    a generator-based context manager: it is entered on every append, and costs a
    quarter as much.
    """

    __slots__ = ("action",)

    def __init__(self, action: str) -> None:
        self.action = action

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc is None or isinstance(exc, EventStoreError):
            return
        wrapped = translate(self.action, exc)
        if wrapped is not None:
            raise wrapped from exc


def translate(action: str, exc: BaseException) -> EventStoreError | None:
    """The store's error for a database error; None for anything else (it propagates as it is)."""
    if isinstance(exc, DBAPIError):
        message = _first_line(exc.orig if exc.orig else exc)
    elif isinstance(exc, SQLAlchemyError):
        return StorageError(f"{action}: {exc}")
    elif _is_driver_error(exc):
        message = _first_line(exc)
    else:
        return None
    if "append-only" in message:
        return AppendOnlyViolation(message)
    if _is_kind(exc, "OperationalError", "ProgrammingError") and (
        "no such table" in message or "does not exist" in message
    ):
        return SchemaError(f"{action}: the database has no schema; run `tracker init` ({message})")
    return StorageError(f"{action}: {message}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _is_driver_error(exc: BaseException) -> bool:
    """A PEP 249 error of a driver the process has loaded (only those can have been raised)."""
    drivers = (sys.modules.get(name) for name in ("sqlite3", "psycopg"))
    return any(isinstance(exc, driver.Error) for driver in drivers if driver is not None)


def _is_kind(exc: BaseException, *names: str) -> bool:
    """By class name, so that SQLAlchemy's wrappers and each driver's classes all match."""
    return any(cls.__name__ in names for cls in type(exc).__mro__)
