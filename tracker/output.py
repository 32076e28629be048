"""One output option set for every listing command: table, json, jsonl, csv (and md where asked).

Rows are plain dicts; a table shows the ``columns`` a command picks, the
machine formats carry every field. Table is the default on a TTY, jsonl when
stdout is piped, so ``tracker ... | jq`` works without flags. Files a command
writes (``--out``) are replaced atomically (``write_atomic``).
"""

from __future__ import annotations

import csv
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
import orjson

from tracker.errors import TrackerError

FORMATS = ("table", "json", "jsonl", "csv")
F = TypeVar("F", bound=Callable[..., Any])


def output_options(formats: Sequence[str] = FORMATS) -> Callable[[F], F]:
    """The shared ``--format`` option; None means: pick by whether stdout is a TTY."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(formats)),
        default=None,
        help="Output format (default: table on a terminal, jsonl when piped).",
    )


@contextmanager
def stderr_progress(label: str) -> Iterator[Callable[[int, int | None], None] | None]:
    """A progress bar on stderr when it is a terminal, so stdout stays clean for pipes.

    Yields ``update(done, total)``, or None when there is nothing to draw on.
    """
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


@contextmanager
def progress_if_long(label: str) -> Iterator[Callable[[int, int | None], None]]:
    """``stderr_progress`` drawn only once an update shows more to come: catching up a few events
    draws nothing, replaying a million after an upgrade (a minute) shows how far it has got."""
    with ExitStack() as stack:
        update: Callable[[int, int | None], None] | None = None

        def step(done: int, total: int | None) -> None:
            nonlocal update
            if update is None:
                if total is not None and done >= total:
                    return
                update = stack.enter_context(stderr_progress(label)) or (lambda _done, _total: None)
            update(done, total)

        yield step


def resolve_format(fmt: str | None) -> str:
    if fmt:
        return fmt
    return "table" if sys.stdout.isatty() else "jsonl"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_cell(v)}" for k, v in value.items())
    return str(value)


def emit(
    rows: Iterable[dict[str, Any]], fmt: str | None, columns: Sequence[str], title: str | None = None
) -> None:
    """Write rows to stdout in the chosen format."""
    fmt = resolve_format(fmt)
    out = sys.stdout
    if fmt == "jsonl":
        for row in rows:
            out.write(orjson.dumps(row, option=orjson.OPT_NON_STR_KEYS).decode() + "\n")
    elif fmt == "json":
        out.write(
            orjson.dumps(list(rows), option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS).decode() + "\n"
        )
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _cell(row.get(c)) for c in columns})
        out.write(buffer.getvalue())
    elif fmt == "md":
        out.write("| " + " | ".join(columns) + " |\n|" + "---|" * len(columns) + "\n")
        for row in rows:
            out.write("| " + " | ".join(_cell(row.get(c)).replace("|", "\\|") for c in columns) + " |\n")
    else:
        _table(rows, columns, title)
    out.flush()


def _table(rows: Iterable[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console().print(table)


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same directory, then rename it."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            os.chmod(temporary, 0o644)  # mkstemp makes it private; a digest or an export is meant to be read
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise TrackerError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
