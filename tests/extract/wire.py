"""What the extractor says of a text, in the wire format: the helpers the rule tests share."""

from __future__ import annotations

from datetime import datetime

from events.model import to_wire
from tracker.extract import extract


def events(text: str, published: datetime, title: str | None = None) -> list[dict]:
    return [to_wire(x) for x in extract(text, title=title, published=published)]


def of_type(text: str, etype: str, published: datetime) -> list[dict]:
    return [e for e in events(text, published) if e["type"] == etype]
