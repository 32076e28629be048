"""Replaying the archive: re-extraction, revisions and retractions, all as appended events.

archive.py    the stored articles' newest revisions and the pointer to their current events
withdrawn.py  which events are retracted or superseded (projection + log tail)
plan.py       pure: does a re-extraction change an article's events, and what to append
reextract.py  the replay: decide outside the lock, write each changed article in one transaction
simulate.py   the timeline a replay would leave, in memory (for --dry-run)
diff.py       developments added, removed and changed between two timelines
preview.py    --dry-run: plans, simulation and difference, nothing written
retract.py    an analyst's retraction of one event
commands.py   `tracker reextract` and `tracker retract`
"""

from tracker.replay.archive import Selection, StoredArticle
from tracker.replay.diff import Change, difference
from tracker.replay.errors import NotRetractable, ReplayError
from tracker.replay.plan import Plan, content, decide
from tracker.replay.preview import Preview, preview
from tracker.replay.reextract import ArticleResult, Extractor, Report, current_extractor, reextract
from tracker.replay.retract import retract

__all__ = [
    "ArticleResult",
    "Change",
    "Extractor",
    "NotRetractable",
    "Plan",
    "Preview",
    "ReplayError",
    "Report",
    "Selection",
    "StoredArticle",
    "content",
    "current_extractor",
    "decide",
    "difference",
    "preview",
    "reextract",
    "retract",
]
