"""Progress on a terminal's stderr: a catch-up that has far to go shows how far it has got."""

from __future__ import annotations

import io
import sys

import pytest

from events.store import EventStore, NewEvent
from tracker import projections
from tracker.output import progress_if_long
from tracker.timeline.projection import TimelineProjection


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_terminal(monkeypatch: pytest.MonkeyPatch) -> Terminal:
    """stderr a terminal, from here on (not a fixture: pytest's capture resets sys.stderr after setup)."""
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    return screen


def test_a_bar_only_when_a_first_update_shows_more_to_come(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = on_terminal(monkeypatch)
    with progress_if_long("updating the timeline") as update:
        update(40, 40)  # done in one step: a few events
    assert terminal.getvalue() == ""
    with progress_if_long("updating the timeline") as update:
        for done in (10, 20, 40):
            update(done, 40)
    assert "updating the timeline" in terminal.getvalue()


def test_nothing_drawn_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with progress_if_long("updating the timeline") as update:
        update(10, 40)
        update(40, 40)
    assert capsys.readouterr().err == ""


def test_catching_up_after_an_upgrade_shows_the_replay(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catch-up with the whole log to replay (as after an upgrade that changed how the timeline is
    built): with batches of 50, 120 events take three, and the bar shows; the next draws nothing."""
    payload = {"type": "statement", "roles": {"speaker": "IND", "about": ["RUS"]}, "summary": "s"}
    store.append(NewEvent(key=f"k{n}", type="statement", payload=payload) for n in range(120))
    original = projections.runner
    monkeypatch.setattr(
        projections, "runner", lambda s, name, workers=1: _small_batches(original(s, name, workers))
    )
    terminal = on_terminal(monkeypatch)
    assert projections.catch_up_shown(store) == {TimelineProjection.name: 120}
    assert "updating the timeline" in terminal.getvalue()
    terminal.truncate(0)
    terminal.seek(0)
    assert projections.catch_up_shown(store) == {TimelineProjection.name: 0}
    assert terminal.getvalue() == ""


def _small_batches(runner):
    runner.batch_size = 50
    return runner
