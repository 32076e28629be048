"""Text to events: a pure, deterministic, versioned rule-based extractor.

``extract(text, title=..., published=..., url=...)`` returns frozen domain
events (``events.model``) with evidence offsets into ``text``. No I/O beyond
the packaged gazetteer read at first use; ``EXTRACTOR`` names the rules version.
"""

from tracker.extract.pipeline import extract
from tracker.extract.render import EXTRACTOR

__all__ = ["EXTRACTOR", "extract"]
