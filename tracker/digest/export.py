"""Digest files on disk: ``digest-YYYY-MM-DD.<ext>``, each replaced atomically.

A reader (a web server, a feed reader polling the directory) never sees a
half-written digest: each file is written beside its target and renamed
over it (``os.replace`` is atomic within one file system).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path

from events.store import EventStore
from tracker.digest.collect import build_digest
from tracker.digest.render import EXTENSIONS, FORMATS, render_digest
from tracker.errors import TrackerError
from tracker.output import write_atomic


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
