"""Digest files on disk: ``digest-YYYY-MM-DD.<ext>``, each replaced atomically.

A reader (a web server, a feed reader polling the directory) never sees a
half-written digest: each file is written beside its target and renamed
over it (``os.replace`` is atomic within one file system).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path

from events.store import EventStore
from tracker.digest.collect import build_digest
from tracker.digest.render import EXTENSIONS, FORMATS, render_digest
from tracker.errors import TrackerError


def write_atomic(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` through a temporary file in the same directory, then rename it."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            os.chmod(temporary, 0o644)  # mkstemp makes it private; a digest is meant to be read
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


def digest_path(directory: Path, day: date, fmt: str) -> Path:
    return Path(directory) / f"digest-{day.isoformat()}.{EXTENSIONS[fmt]}"


def export_digest(
    store: EventStore,
    *,
    day: date,
    tz: tzinfo,
    directory: Path,
    formats: Sequence[str] = ("html", "md", "atom", "json"),
    actors: Sequence[str] = (),
    now: datetime | None = None,
) -> list[Path]:
    """Build the digest of ``day`` once and write it in each of ``formats``; returns the paths written."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise TrackerError(f"unknown digest format {', '.join(unknown)} (known: {', '.join(FORMATS)})")
    digest = build_digest(store, day=day, tz=tz, actors=actors, now=now)
    return [write_atomic(digest_path(directory, day, fmt), render_digest(digest, fmt)) for fmt in formats]
