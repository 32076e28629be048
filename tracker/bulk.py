"""Bulk writes at the driver level, on a SQLAlchemy connection's own transaction.

For many small rows SQLAlchemy's per-row parameter processing costs more
than the database's work (a third of a timeline rebuild, measured with
cProfile on bench/timeline.py): rows go to the DBAPI cursor as tuples.
Only the placeholder style and the upsert syntax differ between SQLite and
PostgreSQL (psycopg), and both are spelled here.

On SQLite, rows go a few hundred to a statement (``INSERT ... VALUES (...), (...)``):
executemany steps and resets the statement once per row, and its per-row work cost
more than the B-tree's. bench/timeline.py's 200k-event rebuild, CPU to insert its
timeline_versions rows: 0.43 -> 0.34 s; timeline_actors 0.09 -> 0.05 s (upserts stay one
row a statement: see ``upsert``). SQLite inserts the rows of one statement in their
order, as executemany does, so the tables end up the same (rowids included).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import chain
from typing import Any

from sqlalchemy import Connection

# Variables one multi-row statement binds at most: SQLite's limit before 3.32, so any build takes it.
SQLITE_VARIABLES = 999


class Bulk:
    def __init__(self, conn: Connection) -> None:
        self.sqlite = conn.dialect.name == "sqlite"
        self.mark = "?" if self.sqlite else "%s"
        self.cursor = conn.connection.cursor()

    def close(self) -> None:
        self.cursor.close()

    def marks(self, count: int) -> str:
        return ", ".join([self.mark] * count)

    def stamp(self, value: datetime) -> Any:
        """A timezone-aware time as the column stores it (SQLite: naive UTC text, as SQLAlchemy does)."""
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None).isoformat(" ", "microseconds") if self.sqlite else value

    def many(self, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
        if len(rows) == 1:
            self.cursor.execute(sql, rows[0])
        elif rows:
            self.cursor.executemany(sql, rows)

    def values(self, head: str, width: int, rows: Sequence[tuple[Any, ...]], tail: str = "") -> None:
        """``head`` + ``VALUES`` rows of ``width`` columns + ``tail``: several rows a statement on SQLite."""
        one = f"({self.marks(width)})"
        per = SQLITE_VARIABLES // width if self.sqlite else 1
        whole = len(rows) - len(rows) % per if per > 1 else 0
        if whole:
            sql = f"{head} VALUES {', '.join([one] * per)}{tail}"
            execute = self.cursor.execute
            for start in range(0, whole, per):
                execute(sql, list(chain.from_iterable(rows[start : start + per])))
        self.many(f"{head} VALUES {one}{tail}", rows[whole:])

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        self.values(f"INSERT INTO {table} ({', '.join(columns)})", len(columns), rows)

    def insert_ignore(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Rows whose key is stored already are skipped."""
        head = "INSERT OR IGNORE" if self.sqlite else "INSERT"
        tail = "" if self.sqlite else " ON CONFLICT DO NOTHING"
        self.values(f"{head} INTO {table} ({', '.join(columns)})", len(columns), rows, tail)

    def upsert(self, table: str, key: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert, or replace every column of the row with the same ``key`` (one statement per row).

        The same SQL on both backends: SQLite's upsert updates the row in place, where
        INSERT OR REPLACE deleted and inserted it (a fifth less time for rows that exist).
        Not several rows a statement: SQLite's multi-row upsert took longer (200k events:
        0.43 -> 0.59 s of CPU for the developments).
        """
        names, values = ", ".join(columns), self.marks(len(columns))
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c != key)
        self.many(
            f"INSERT INTO {table} ({names}) VALUES ({values}) ON CONFLICT ({key}) DO UPDATE SET {updates}",
            rows,
        )
