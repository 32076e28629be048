"""The timeline joins items through the packaged gazetteer, so a release that changes its items must
bump ``TimelineProjection.version`` (which rebuilds the projection on the next catch-up)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tracker.timeline.projection import TimelineProjection

GAZETTEER = Path(__file__).parents[2] / "tracker" / "data" / "gazetteer.json"
# the digest of the packaged items each timeline version was built with
DIGESTS = {
    3: "8c24cc78dee2",
    4: "8c134c0158a5",
    5: "5073333e9003",
    6: "bdaf2c17d222",
    7: "00c9feb35e54",
    8: "91880f2fa195",
    9: "4688ea46bf98",
}


def items_digest() -> str:
    items = json.loads(GAZETTEER.read_text(encoding="utf-8"))["items"]
    names = {name: sorted([*spec.get("aliases", []), *spec.get("named", [])]) for name, spec in items.items()}
    return hashlib.sha256(json.dumps(names, sort_keys=True).encode()).hexdigest()[:12]


def test_the_timeline_version_names_the_gazetteer_items_it_joins_through() -> None:
    assert DIGESTS.get(TimelineProjection.version) == items_digest(), (
        "the gazetteer's items changed: bump TimelineProjection.version and record the new digest here"
    )
