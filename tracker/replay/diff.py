"""The difference between two timelines, as lists of developments in ``tracker timeline``'s JSON form.

Developments are matched by id first: a development's id is its first
event's position and stays while any member is left. What is left over is
matched by identity (same type and roles, a shared item or neither with
items), so a development whose every event was replaced by a re-extraction
reads as *changed*, with what changed, rather than as removed and added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from tracker.timeline.commands import actors_text
from tracker.timeline.develop import display_date, sort_date
from tracker.timeline.facts import item_norm

FIELDS = ("occurred", "status", "roles", "items", "value", "sources", "summary")
_LABELS = {"occurred": "date", "roles": "actors"}
Kind = Literal["added", "removed", "changed"]
_ORDER = {"changed": 0, "added": 1, "removed": 2}


@dataclass(frozen=True)
class Change:
    """One development added, removed or changed; ``fields`` names what changed."""

    kind: Kind
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    fields: tuple[str, ...] = ()

    @property
    def development(self) -> dict[str, Any]:
        shown = self.after or self.before
        assert shown is not None
        return shown

    def row(self) -> dict[str, Any]:
        """A flat row for tables, with the before/after values of what changed for the machine formats."""
        shown = self.development
        was = (
            self.before["id"]
            if self.before and self.after and self.before["id"] != self.after["id"]
            else None
        )
        return {
            "change": self.kind,
            "id": shown["id"],
            "was": was,
            "type": shown["type"],
            "actors": actors_text(shown),
            "date": _date(shown),
            "what": self.describe(),
            "changes": {
                f: {"before": _value(self.before, f), "after": _value(self.after, f)} for f in self.fields
            },
        }

    def describe(self) -> str:
        if self.kind != "changed":
            return str(self.development.get("summary") or "")
        parts = [
            f"{_LABELS.get(f, f)}: {_text(self.before, f)} → {_text(self.after, f)}" for f in self.fields
        ]
        if self.before and self.after and self.before["id"] != self.after["id"]:
            parts.insert(0, f"replaces {self.before['id']}")
        return "; ".join(parts)


def difference(before: Sequence[dict[str, Any]], after: Sequence[dict[str, Any]]) -> list[Change]:
    """From ``before`` to ``after``: changed, then added, then removed developments, each in date order."""
    old = {d["id"]: d for d in before}
    new = {d["id"]: d for d in after}
    pairs = [(old[i], new[i]) for i in old.keys() & new.keys()]
    removed = [d for i, d in old.items() if i not in new]
    added = [d for i, d in new.items() if i not in old]
    for gone in list(removed):
        twin = next((d for d in added if _same_identity(gone, d)), None)
        if twin is not None:
            pairs.append((gone, twin))
            removed.remove(gone)
            added.remove(twin)
    changes = [Change("removed", d, None) for d in removed] + [Change("added", None, d) for d in added]
    for a, b in pairs:
        fields = tuple(f for f in FIELDS if _value(a, f) != _value(b, f))
        if fields or a["id"] != b["id"]:
            changes.append(Change("changed", a, b, fields))
    return sorted(changes, key=_sort_key)


def _sort_key(change: Change) -> tuple[int, str, str]:
    shown = change.development
    occurred = shown.get("occurred") or {}
    return _ORDER[change.kind], sort_date(occurred.get("date")) or "9999", shown["id"]


def _items(development: dict[str, Any]) -> set[str]:
    return {item_norm(i["name"]) for i in development.get("items") or ()}


def _same_identity(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["type"] != b["type"] or a["roles"] != b["roles"]:
        return False
    mine, theirs = _items(a), _items(b)
    return bool(mine & theirs) if mine or theirs else True


def _value(development: dict[str, Any] | None, field: str) -> Any:
    if development is None:
        return None
    if field == "items":
        return [[i["name"], i["quantity"]] for i in development.get("items") or ()]
    return development.get(field)


def _date(development: dict[str, Any] | None) -> str:
    occurred = (development or {}).get("occurred") or {}
    return display_date(occurred.get("date"), occurred.get("precision")) or "undated"


def _text(development: dict[str, Any] | None, field: str) -> str:
    value = _value(development, field)
    if field == "occurred":
        return _date(development)
    if field == "roles":
        return f"({actors_text(development)})" if development else "—"  # parenthesised: it may hold an arrow
    if field == "items":
        return ", ".join(f"{name} ×{qty}" if qty else name for name, qty in value) or "—"
    if field == "value":
        return str((value or {}).get("text") or (value or {}).get("amount") or "—")
    if field == "summary":
        return f"“{value}”" if value else "—"
    return "—" if value is None else str(value)
