"""Bulk writes several rows a statement on SQLite: the same rows, in the same order, as one by one."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from events.engine import make_engine
from tracker.bulk import SQLITE_VARIABLES, Bulk


def _engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'bulk.db'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (a BIGINT NOT NULL, b TEXT, c BIGINT, PRIMARY KEY (a))")
    return engine


def _write(engine: Engine, rows: list[tuple[int, str | None, int | None]], ignore: bool = False) -> None:
    with engine.begin() as conn:
        bulk = Bulk(conn)
        try:
            if ignore:
                bulk.insert_ignore("t", ("a", "b", "c"), rows)
            else:
                bulk.insert("t", ("a", "b", "c"), rows)
        finally:
            bulk.close()


def _stored(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT rowid, a, b, c FROM t ORDER BY rowid")]


def test_rows_beyond_one_statement_are_all_written_in_their_order(tmp_path: Path) -> None:
    per = SQLITE_VARIABLES // 3
    rows = [(n * 7 % 1000, None if n % 3 else f"r{n}", n if n % 2 else None) for n in range(2 * per + 5)]
    engine = _engine(tmp_path)
    _write(engine, rows)
    assert _stored(engine) == [(i + 1, *row) for i, row in enumerate(rows)]
    engine.dispose()


def test_insert_ignore_skips_stored_keys_in_every_statement(tmp_path: Path) -> None:
    per = SQLITE_VARIABLES // 3
    engine = _engine(tmp_path)
    _write(engine, [(n, "old", None) for n in range(0, 3 * per, 2)])
    _write(engine, [(n, "new", n) for n in range(3 * per)], ignore=True)
    stored = {a: (b, c) for _, a, b, c in _stored(engine)}
    assert stored == {n: ("old", None) if n % 2 == 0 else ("new", n) for n in range(3 * per)}
    engine.dispose()


def test_one_row_and_no_rows(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    _write(engine, [])
    _write(engine, [(1, "x", 2)])
    assert _stored(engine) == [(1, 1, "x", 2)]
    engine.dispose()
