"""The timeline difference: matching developments by id, then by identity."""

from __future__ import annotations

from typing import Any

from tracker.replay import difference


def development(id_: int, **fields: Any) -> dict[str, Any]:
    base = {
        "id": f"dev-{id_}", "type": "deal", "roles": {"buyer": "IND", "seller": "RUS"},
        "items": [{"name": "S-400", "quantity": None}], "occurred": None, "status": "signed",
        "value": None, "sources": 1, "summary": "India signed a deal with Russia for S-400.",
    }  # fmt: skip
    return {**base, **fields}


def test_same_id_with_other_facts_is_a_change_naming_what_changed() -> None:
    before = [development(1), development(2, type="delivery", roles={"supplier": "RUS", "recipient": "IND"})]
    after = [development(1, occurred={"date": "2018", "precision": "year"}, sources=2), before[1]]
    [change] = difference(before, after)
    assert (change.kind, change.fields) == ("changed", ("occurred", "sources"))
    row = change.row()
    assert row["what"] == "date: undated → 2018; sources: 1 → 2"
    assert row["changes"]["sources"] == {"before": 1, "after": 2}
    assert (row["id"], row["was"], row["actors"], row["date"]) == ("dev-1", None, "RUS → IND", "2018")


def test_a_replaced_development_of_the_same_identity_reads_as_changed() -> None:
    before = [development(1, status="planned")]
    after = [development(9)]
    [change] = difference(before, after)
    assert change.kind == "changed" and change.row()["was"] == "dev-1"
    assert change.describe() == "replaces dev-1; status: planned → signed"


def test_others_are_added_or_removed_and_changes_come_first() -> None:
    before = [development(1), development(2, items=[{"name": "T-90", "quantity": None}])]
    after = [
        development(1, status="cancelled"),
        development(5, items=[{"name": "AK-203", "quantity": 600000}], summary="AK-203 deal."),
    ]
    kinds = [(c.kind, c.development["id"]) for c in difference(before, after)]
    assert kinds == [("changed", "dev-1"), ("added", "dev-5"), ("removed", "dev-2")]
    assert difference(before, before) == []
