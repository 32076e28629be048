"""SQLite driver connections kept per thread, outside SQLAlchemy's pool, for the hot paths.

A pool checkout with its reset on return costs 65-95 µs (measured on the
bench machine): more than SQLite's own work for a one-event append, and as
much as decoding twenty events of a read page. Each connection comes from the
engine, so its connect hook has configured it like any pooled one (WAL,
synchronous=NORMAL, busy timeout, autocommit: the transactions below are
issued explicitly).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine

T = TypeVar("T")


class _Held:
    """The connection of one thread: closed when the thread ends and drops its locals."""

    __slots__ = ("__weakref__", "connection")

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def __del__(self) -> None:
        self.connection.close()


class ThreadConnections:
    """One driver connection per thread; ``close()`` closes those of every thread."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._local = threading.local()
        self._held: weakref.WeakSet[_Held] = weakref.WeakSet()
        self._lock = threading.Lock()

    def get(self) -> Any:
        held: _Held | None = getattr(self._local, "held", None)
        if held is None:
            held = self._open()
        return held.connection

    def _open(self) -> _Held:
        pooled = self._engine.raw_connection()
        held = _Held(pooled.driver_connection)
        pooled.detach()  # from now on ours: the pool neither resets nor reuses it
        self._local.held = held
        with self._lock:
            self._held.add(held)
        return held

    def write(self, work: Callable[..., T], *args: Any) -> T:
        """``work(cursor, *args)`` in a ``BEGIN IMMEDIATE`` transaction: writers queue on the
        lock, so the head a writer reads is still the head when it commits."""
        connection = self.get()
        cursor = connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
            result = work(cursor, *args)
            cursor.execute("COMMIT")
        except BaseException:
            connection.rollback()  # a no-op if SQLite already rolled back, or BEGIN failed
            raise
        finally:
            cursor.close()
        return result

    def read(self, work: Callable[[Any], T]) -> T:
        """``work(cursor)`` in autocommit: each statement reads a committed snapshot."""
        cursor = self.get().cursor()
        try:
            return work(cursor)
        finally:
            cursor.close()

    def close(self) -> None:
        with self._lock:
            held, self._held = list(self._held), weakref.WeakSet()
        for one in held:
            one.connection.close()
        self._local = threading.local()
