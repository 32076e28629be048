"""The names of the event vocabulary, without its models: what readers of the log filter by.

``events.model`` builds the typed events on these names with pydantic, which takes a quarter
of a second to import (``python -X importtime``); a command that only reads the log and its
projections (``tracker timeline``) needs the names, not the models.
"""

from __future__ import annotations

EVENT_TYPE_NAMES = ("statement", "deal", "delivery", "sanction")
LOG_RECORD_TYPE_NAMES = ("retracted", "superseded")

ROLE_KEYS: dict[str, frozenset[str]] = {
    "statement": frozenset({"speaker", "about"}),
    "deal": frozenset({"buyer", "seller", "parties"}),
    "delivery": frozenset({"supplier", "recipient"}),
    "sanction": frozenset({"imposer", "target"}),
}
STATUSES: dict[str, frozenset[str]] = {
    "statement": frozenset(),
    "deal": frozenset({"signed", "announced", "planned", "cancelled"}),
    "delivery": frozenset({"began", "ongoing", "completed", "planned"}),
    "sanction": frozenset({"imposed", "threatened", "waived", "lifted"}),
}
