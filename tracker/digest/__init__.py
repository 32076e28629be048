"""The daily digest: what moved in the timeline on one day, for people and feed readers.

build_digest   collect the day's new, updated and withdrawn developments (a ``Digest``)
render_digest  as Markdown, self-contained HTML (with an SVG timeline), JSON or Atom
export_digest  build once, write ``digest-YYYY-MM-DD.<ext>`` files atomically (for the daemon)
"""

from __future__ import annotations

from tracker.digest.collect import build_digest
from tracker.digest.export import export_digest
from tracker.digest.model import Digest, Entry, FeedProblem, LogHead
from tracker.digest.render import FORMATS, render_digest

__all__ = [
    "FORMATS",
    "Digest",
    "Entry",
    "FeedProblem",
    "LogHead",
    "build_digest",
    "export_digest",
    "render_digest",
]
