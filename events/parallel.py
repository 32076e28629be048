"""Rebuilding a projection in several processes, one group of event types each (SQLite).

A projection whose events of different types never touch the same rows says so
(``Projection.partition_types``). Its rebuild can then give each group of types
to a process of its own, which replays those events, and every control record
(retraction, supersession: they may name events of any group), into a scratch
SQLite file beside the database, reading the log from it attached: no
process waits for another's write lock. The parent then copies the scratch
tables into the database in one transaction, with the checkpoint at the
position every process read up to: the projection moves from its old rows
to its new ones at once, and a rebuild that stops half way leaves the old
ones. The rows are those one process would have written, since each group's
events are applied in log order with the same code.

Each process holds its own memory (its share of the developments, its batch,
about 60 MB of interpreter and libraries), so the processes together use
more than one does: ``tracker rebuild --workers N`` asks for it.

The scratch tables are made from the projection's own table definitions: they
live for one rebuild and are no part of the database's schema, which only the
migrations change.
"""

from __future__ import annotations

import multiprocessing
import os
import queue as queues
import resource
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event

from events._append import KEY_CHUNK
from events.engine import make_engine
from events.errors import ProjectionError
from events.schema import projection_checkpoints
from events.store import EventStore

if TYPE_CHECKING:
    from events.projection import Progress, Projection, ProjectionRunner

# Below this many events a process's start (0.5-1 s to import the application) costs more
# than it saves.
MIN_EVENTS = 50_000


@dataclass(frozen=True)
class Job:
    """What one process replays: its types of the log up to ``until``, into ``scratch``."""

    index: int
    log: str
    scratch: str
    projection: Projection
    types: tuple[str, ...]
    until: int
    batch_size: int


@dataclass
class Peaks:
    """What the processes of the last parallel rebuild used (for bench/timeline.py)."""

    workers: int = 0
    rss_kb: int = 0  # the sum of their peak resident sets
    cpu_s: float = 0.0


LAST = Peaks()


def database_file(engine: Engine) -> str | None:
    """The SQLite file other processes can open, or None (PostgreSQL, or in memory)."""
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    return None if not name or name == ":memory:" or name.startswith("file:") else name


def shares(store: EventStore, until: int, sample: int = 2_000) -> dict[str, int]:
    """How many of ``sample`` positions spread over the log hold each type.

    Enough to balance the groups, and a few thousand look-ups where counting every row read
    the whole log (1M events: 0.5 s, and its pages in the parent's resident set). Read
    unmapped: through the memory map, each look-up faulted in the 64 KiB around its page,
    and the sample added 140 MB to the parent's peak RSS (1M events).
    """
    from events.projection import unmapped

    step = max(1, until // sample)
    positions = list(range(1, until + 1, step))
    counts: Counter[str] = Counter()
    with store.engine.connect() as conn, unmapped(conn):
        for start in range(0, len(positions), KEY_CHUNK):
            chunk = positions[start : start + KEY_CHUNK]
            sql = f"SELECT type FROM event_log WHERE position IN ({', '.join('?' * len(chunk))})"
            rows = conn.exec_driver_sql(sql, tuple(chunk))
            counts.update(type_ for (type_,) in rows)
    return dict(counts)


def peak_rss_kb() -> int:
    """This process's peak resident set. ``ru_maxrss`` would do, but a spawned process starts
    with its parent's peak in it (Linux keeps it across fork and exec); VmHWM does not."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def plan(counts: dict[str, int], types: frozenset[str], workers: int) -> list[tuple[str, ...]]:
    """Groups of types of about equal counts, largest first (at most ``workers`` groups)."""
    groups: list[tuple[int, list[str]]] = [(0, []) for _ in range(max(1, workers))]
    for name in sorted((t for t in types if counts.get(t)), key=lambda t: (-counts[t], t)):
        total, members = min(groups, key=lambda g: g[0])
        groups.remove((total, members))
        groups.append((total + counts[name], [*members, name]))
    return [tuple(sorted(members)) for _, members in sorted(groups, key=lambda g: -g[0]) if members]


def rebuild(runner: ProjectionRunner, log: str, groups: Sequence[tuple[str, ...]], until: int,
            progress: Progress | None) -> int:  # fmt: skip
    """Replay each group in a process of its own, then copy their rows in; returns records read."""
    projection = runner.projection
    share = 1 / len(groups)
    folder = tempfile.mkdtemp(prefix=".rebuild-", dir=Path(log).parent)
    try:
        jobs = [
            Job(i, log, os.path.join(folder, f"part{i}.db"), projection.partition(share),
                (*group, *projection.control_types), until, runner.batch_size)
            for i, group in enumerate(groups)
        ]  # fmt: skip
        _run(jobs, progress)
        _merge(runner, [job.scratch for job in jobs], until)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    projection.forget()
    return until  # every record up to it, each once (control records went to every process)


def _run(jobs: Sequence[Job], progress: Progress | None) -> None:
    context = multiprocessing.get_context("spawn")  # no copy of the parent's engines and threads
    messages = context.Queue()
    processes = [context.Process(target=_replay, args=(job, messages), daemon=True) for job in jobs]
    for process in processes:
        process.start()
    read = [0] * len(jobs)
    at = [0] * len(jobs)
    running = set(range(len(jobs)))
    peaks = Peaks(workers=len(jobs))
    try:
        while running:
            try:
                kind, index, *rest = messages.get(timeout=1.0)
            except queues.Empty:
                _check_alive(processes, running)
                continue
            if kind == "error":
                raise ProjectionError(rest[0], jobs[index].projection.name, rest[1])
            read[index], at[index] = rest[0], rest[1]
            if kind == "done":
                running.discard(index)
                peaks.rss_kb += rest[2]
                peaks.cpu_s += rest[3]
            if progress is not None:
                progress(sum(read), min((at[i] for i in running), default=jobs[0].until))
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
    LAST.__dict__.update(peaks.__dict__)


def _check_alive(processes: Sequence[Any], running: set[int]) -> None:
    for index in running:
        if not processes[index].is_alive():
            code = processes[index].exitcode
            raise ProjectionError(f"a rebuild process stopped (exit code {code})", "rebuild", 0)


def _replay(job: Job, messages: Any) -> None:
    """In a child process: the job's events into its scratch file, reporting after each batch."""
    from events.projection import ProjectionRunner

    try:
        engine = _scratch_engine(job)
        runner = ProjectionRunner(EventStore(engine), job.projection, job.batch_size, types=job.types)
        runner.immediate = False  # it would lock the attached log too: appends would wait
        runner.drop_indexes()  # the scratch tables are copied, not queried
        runner.reset()
        read = runner.replay(job.until, lambda n, at: messages.put(("batch", job.index, n, at)))
        engine.dispose()
    except Exception as exc:  # reported to the parent, which raises it as its own
        messages.put(("error", job.index, f"{type(exc).__name__}: {exc}", 0))
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    messages.put(("done", job.index, read, job.until, peak_rss_kb(), usage.ru_utime + usage.ru_stime))


def _scratch_engine(job: Job) -> Engine:
    """The scratch file with the projection's tables, and the log attached to every connection."""
    engine = make_engine(f"sqlite:///{job.scratch}")

    @event.listens_for(engine, "connect")
    def _attach(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("ATTACH DATABASE ? AS log", (job.log,))  # read only: nothing writes it
        # Read once, in order: mapped, the whole log would count in the process's resident set.
        dbapi_conn.execute("PRAGMA log.mmap_size=0")

    with engine.begin() as conn:
        for table in (projection_checkpoints, *job.projection.tables):
            table.create(conn)
    return engine


def _merge(runner: ProjectionRunner, scratch: Sequence[str], until: int) -> None:
    """The scratch tables into the database, with the checkpoint, in one transaction."""
    from events.projection import unmapped

    projection = runner.projection
    # Unmapped before the files are attached, so they are too: copied once, every page read
    # would stay in the resident set.
    with runner.store.engine.connect() as conn, unmapped(conn):
        driver = conn.connection.driver_connection
        assert driver is not None
        names = [f"scratch{i}" for i in range(len(scratch))]
        for name, path in zip(names, scratch, strict=True):
            driver.execute(f"ATTACH DATABASE ? AS {name}", (path,))
        try:
            writing = conn.execution_options(immediate=True)
            with writing.begin():
                point = runner.read_checkpoint(writing, lock=True)
                projection.clear(writing)
                for table in projection.tables:
                    columns = ", ".join(column.name for column in table.columns)
                    for name in names:
                        copy = f"SELECT {columns} FROM {name}.{table.name}"
                        writing.exec_driver_sql(f"INSERT INTO main.{table.name} ({columns}) {copy}")
                runner.save(writing, point, until)
        finally:
            for name in names:
                driver.execute(f"DETACH DATABASE {name}")
