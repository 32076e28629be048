"""Text to events: a pure, deterministic, versioned rule-based extractor.

``extract(text, title=..., published=..., url=...)`` returns frozen domain
events (``events.model``) with evidence offsets into ``text``. No I/O beyond
the packaged gazetteer read at first use; ``EXTRACTOR`` names the rules version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.extract.pipeline import extract
    from tracker.extract.render import EXTRACTOR

__all__ = ["EXTRACTOR", "extract"]


def __getattr__(name: str) -> Any:
    """The rules load on first use: the timeline and the queries read only the gazetteer, and importing
    the rules with the package cost every command 0.4 s (python -X importtime)."""
    if name == "extract":
        from tracker.extract.pipeline import extract

        return extract
    if name == "EXTRACTOR":
        from tracker.extract.render import EXTRACTOR

        return EXTRACTOR
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
