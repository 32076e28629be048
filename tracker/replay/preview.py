"""``reextract --dry-run``: what a re-extraction would change in the timeline, with nothing written.

The same decisions as a real run (tracker.replay.reextract.plans), then the
timeline before and after computed in memory (tracker.replay.simulate) and
compared (tracker.replay.diff). Neither the log nor the projection's tables
are touched, beyond catching the projection up with the log.
"""

from __future__ import annotations

from dataclasses import dataclass

from events.records import iso
from events.store import EventStore
from tracker.replay.archive import Selection
from tracker.replay.diff import Change, difference
from tracker.replay.plan import Plan
from tracker.replay.reextract import ArticleResult, Extractor, Progress, Report, current_extractor, plans
from tracker.replay.simulate import timelines
from tracker.replay.withdrawn import Withdrawals


@dataclass(frozen=True)
class Preview:
    """The articles as a real run would find them (``appended``: records it would append) and the changes."""

    report: Report
    changes: list[Change]

    def count(self, kind: str) -> int:
        return sum(1 for change in self.changes if change.kind == kind)


def preview(
    store: EventStore,
    *,
    selection: Selection | None = None,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
) -> Preview:
    extractor = extractor or current_extractor()
    withdrawals = Withdrawals(store)  # catches the projection up: the simulation starts from it
    head = store.head().position
    decided: list[Plan] = []
    report = Report(extractor.name)
    for plan in plans(store, selection or Selection(), extractor, withdrawals, progress):
        report.articles.append(ArticleResult.of(plan, plan.appends))
        if plan.outcome == "re-extracted":
            decided.append(plan)
    before, after = timelines(store, decided, head, iso(store.clock()))
    return Preview(report, difference(before, after))
