"""Bulk writes at the driver level, on a SQLAlchemy connection's own transaction.

For many small rows SQLAlchemy's per-row parameter processing costs more
than the database's work (a third of a timeline rebuild, measured with
cProfile on bench/timeline.py): rows go to the DBAPI cursor as tuples.
Only the placeholder style and the upsert syntax differ between SQLite and
PostgreSQL (psycopg), and both are spelled here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection


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

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        self.many(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({self.marks(len(columns))})", rows)

    def insert_ignore(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Rows whose key is stored already are skipped."""
        head = "INSERT OR IGNORE" if self.sqlite else "INSERT"
        tail = "" if self.sqlite else " ON CONFLICT DO NOTHING"
        values = self.marks(len(columns))
        self.many(f"{head} INTO {table} ({', '.join(columns)}) VALUES ({values}){tail}", rows)

    def upsert(self, table: str, key: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert, or replace every column of the row with the same ``key`` (one statement per row).

        The same SQL on both backends: SQLite's upsert updates the row in place, where
        INSERT OR REPLACE deleted and inserted it (a fifth less time for rows that exist).
        """
        names, values = ", ".join(columns), self.marks(len(columns))
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c != key)
        self.many(
            f"INSERT INTO {table} ({names}) VALUES ({values}) ON CONFLICT ({key}) DO UPDATE SET {updates}",
            rows,
        )
