"""`tracker init` and `tracker verify` through the real command, on both backends."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import text

from events.engine import make_engine
from events.errors import SchemaError
from events.store import EventStore, NewEvent
from tests.cli.startup import fresh
from tracker.cli import _LAZY, _users_error, main
from tracker.errors import NotFound


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_init_then_verify_then_tamper(db_url: str) -> None:
    first = run("--db", db_url, "init")
    assert first.exit_code == 0, first.output
    assert "revision" in first.output
    assert run("--db", db_url, "init").exit_code == 0  # an upgrade of an up-to-date schema is a no-op
    store = EventStore(make_engine(db_url))
    store.append(NewEvent(key=f"k{i}", type="deal", payload={"i": i}) for i in range(5))
    ok = run("--db", db_url, "verify")
    assert ok.exit_code == 0 and "5 events" in ok.output
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER event_log_no_update"))
        else:
            conn.execute(text("DROP TRIGGER event_log_no_update ON event_log"))
        conn.execute(text("UPDATE event_log SET payload = '{\"i\": 7}' WHERE position = 3"))
    bad = run("--db", db_url, "verify")
    assert bad.exit_code == 1
    assert "position 3" in bad.output
    store.close()


def test_database_url_from_the_environment(sqlite_url: str) -> None:
    result = run("init", env={"TRACKER_DATABASE_URL": sqlite_url})
    assert result.exit_code == 0 and sqlite_url in result.output


def test_default_database_lives_in_the_data_dir(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_HOME", str(tmp_path / "data"))
    assert run("init").exit_code == 0
    assert (tmp_path / "data" / "tracker.db").exists()
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'tracker.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    engine.dispose()


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("--db", "nonsense", "verify"), 1, "not a database URL"),
        (("verify",), 1, "tracker init"),
        (("--config", "/nonexistent/tracker.toml", "verify"), 1, "config file not found"),
        (("verify", "--bogus"), 2, "No such option"),
        (("extract", str(Path(__file__).with_name("not-utf8.bin"))), 2, "not UTF-8 text"),
    ],
)
def test_bad_input_is_one_line_and_a_nonzero_exit(args: tuple[str, ...], code: int, words: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code
    assert words in result.output
    assert "Traceback" not in result.output
    if code == 1:
        assert len(result.output.strip().splitlines()) == 1


def test_every_command_has_help() -> None:
    seen = []

    def walk(group, path):
        context = click.Context(group)
        for name in group.list_commands(context):  # the commands loaded on first use too
            command = group.get_command(context, name)
            result = CliRunner().invoke(main, [*path, name, "--help"])
            assert result.exit_code == 0, (path, name)
            assert command.help or command.short_help, f"{name} has no help text"
            seen.append(" ".join([*path, name]))
            if isinstance(command, click.Group):
                walk(command, [*path, name])

    walk(main, [])
    assert {"timeline", "events show", "feeds import", "digest", "daemon", "retract"} <= set(seen)


def test_help_lists_the_commands_as_their_own_help_says_without_loading_them() -> None:
    """``tracker --help`` names each command by its help's first paragraph, kept in ``_LAZY`` so that
    listing them loads none (1.3 s -> 0.15 s): the line kept must be the command's own."""
    context = click.Context(main)
    for name, (_, line) in _LAZY.items():
        command = main.get_command(context, name)
        assert command is not None and command.help is not None
        assert line == " ".join(command.help.split("\n\n")[0].split()), name
    code = "import sys\nfrom click.testing import CliRunner\nfrom tracker.cli import main\n"
    code += "sys.stdout.write(CliRunner().invoke(main, ['--help']).output)"
    loaded, listing = fresh(code, ("sqlalchemy", "tracker.timeline.commands", "tracker.daemon.commands"))
    assert loaded == []
    assert listing == CliRunner().invoke(main, ["--help"]).output  # as click lists them loaded
    assert "timeline   Developments in date order" in listing and "retract    Withdraw an event" in listing


def test_a_store_error_is_one_line_though_the_cli_never_imported_the_store() -> None:
    """The CLI imports ``events.errors`` (and SQLAlchemy) only when a command does: its errors still
    end in one line and exit 1, and anything else is not swallowed."""
    assert not _users_error(ValueError("x"))
    assert _users_error(NotFound("no such feed"))
    assert _users_error(SchemaError("run `tracker init`"))
