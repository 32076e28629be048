from collections.abc import Callable
from typing import Any

from tracker.timeline.develop import Development

class Dev:
    id: int

class Engine:
    limit: int
    hot_limit: int
    position: int
    loader: Any
    rows: list[tuple[Any, ...]]
    versions: list[tuple[Any, ...]]
    items: set[tuple[int, str]]
    touched: dict[int, Any]
    created: dict[int, str]
    emptied: set[int]
    keys_read: int
    rows_read: int
    def __init__(self, limit: int, hot_limit: int) -> None: ...
    def reset(self, empty: bool, position: int = -1) -> None: ...
    def follows(self, first_position: int) -> bool: ...
    def begin(self) -> None: ...
    def done(self, last_position: int) -> None: ...
    def held(self) -> tuple[int, int]: ...
    def run(
        self,
        records: list[Any],
        start: int,
        event_types: frozenset[str],
        stamps: dict[Any, str],
        iso: Callable[[Any], str],
    ) -> int: ...
    def release(self, dev_id: int) -> None: ...
    def refile(self, development: Development) -> None: ...
    def development_rows(self) -> list[tuple[Any, ...]]: ...
