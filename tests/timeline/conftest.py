from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from events.engine import make_engine
from tests.conftest import Clock
from tracker.db import migrate

SEED = Path(__file__).resolve().parents[3] / "shared" / "acceptance" / "seed_article.txt"
PUBLISHED = datetime(2022, 4, 23, 6, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    """The day after the seed article was published."""
    return Clock(datetime(2022, 4, 24, tzinfo=UTC))


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each hypothesis example (migrating each time is slow)."""
    path = tmp_path_factory.mktemp("template") / "tracker.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def fresh_copy(template: Path, folder: Path) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "tracker.db"
    shutil.copy(template, target)
    return f"sqlite:///{target}"
