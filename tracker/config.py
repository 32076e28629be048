"""Settings: command-line option, then ``TRACKER_*`` environment, then a TOML file, then defaults.

click applies the first two (``auto_envvar_prefix``); this module supplies
the file and the defaults so that ``tracker`` works on a fresh machine with
nothing configured: an SQLite file in the user's data directory.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from tracker.errors import ConfigError

APP = "tracker"


def data_dir() -> Path:
    """Where the default database and digests live (``TRACKER_HOME`` overrides, for tests and sandboxes)."""
    home = os.environ.get("TRACKER_HOME")
    return Path(home) if home else Path(platformdirs.user_data_dir(APP, appauthor=False))


def default_config_path() -> Path:
    home = os.environ.get("TRACKER_HOME")
    base = Path(home) if home else Path(platformdirs.user_config_dir(APP, appauthor=False))
    return base / "config.toml"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'tracker.db'}"


@dataclass(frozen=True)
class Settings:
    database_url: str
    digest_dir: Path
    extra: dict[str, Any] = field(default_factory=dict)


def load_file(path: Path | None) -> dict[str, Any]:
    """Read the TOML config; a missing default file is fine, a missing named one is not."""
    explicit = path is not None
    path = path or default_config_path()
    if not path.exists():
        if explicit:
            raise ConfigError(f"config file not found: {path}")
        return {}
    try:
        return tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc


def resolve(db: str | None, config_path: Path | None) -> Settings:
    file = load_file(config_path)
    section = file.get("tracker", file)
    url = db or section.get("database_url") or default_database_url()
    digest_dir = Path(section.get("digest_dir") or data_dir() / "digests")
    return Settings(database_url=url, digest_dir=digest_dir, extra=section)
