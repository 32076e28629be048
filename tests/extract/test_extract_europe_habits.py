"""Habits of European news met in blind set 54: acts never dated after the day they are told, the EU's
'restrictive measures', others' plans told after ', and', a delivery's goods apart from an approval's, and
approvals that clear the way to a signing."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tests.extract.wire import of_type
from tracker.extract import extract


def test_a_package_adopted_is_dated_by_its_day_not_by_a_ban_it_schedules() -> None:
    text = (
        "EU countries on Thursday adopted a 19th package of sanctions against Russia, including a ban on "
        "imports of Russian liquefied natural gas from January 2027."
    )
    (sanction,) = of_type(text, "sanction", datetime(2025, 10, 23, 19, 30, tzinfo=UTC))
    assert (sanction["status"], sanction["occurred"]["date"]) == ("imposed", "2025-10-23")


def test_restrictive_measures_prolonged_by_the_council_of_the_eu_are_sanctions() -> None:
    text = (
        "The Council of the EU on Monday prolonged its restrictive measures against Belarus until February "
        "28, 2027, citing the regime's continued human rights abuses."
    )
    (sanction,) = of_type(text, "sanction", datetime(2026, 2, 24, 9, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "EU", "target": "BLR"}
    assert (sanction["status"], sanction["occurred"]["date"]) == ("imposed", "2026-02-23")


def test_others_saying_they_would_follow_leave_the_act_done() -> None:
    text = (
        "The U.S. announced new sanctions on Iran Air, and Britain, France and Germany said they would move "
        "to sanction the airline too."
    )
    found = of_type(text, "sanction", datetime(2024, 9, 10, 16, 30, tzinfo=UTC))
    assert [(s["roles"], s["status"]) for s in found] == [({"imposer": "USA", "target": "IRN"}, "imposed")]


def test_goods_an_approval_lets_others_send_are_not_the_delivery() -> None:
    text = (
        "Germany will send 14 Leopard 2 A6 tanks to Ukraine from its own stocks and approve requests from "
        "other European countries such as Poland to re-export theirs, the government said on Wednesday."
    )
    (delivery,) = of_type(text, "delivery", datetime(2023, 1, 25, 11, 35, tzinfo=UTC))
    assert delivery["roles"] == {"supplier": "DEU", "recipient": "UKR"}
    assert (delivery["status"], delivery["occurred"]["date"]) == ("planned", "2023-01-25")


def test_an_approval_that_clears_the_way_to_sign_is_not_a_signing() -> None:
    text = (
        "The German parliament's budget committee on Wednesday approved the purchase of 35 US-made F-35 "
        "stealth fighter jets, clearing the way for the government to sign the contract with Washington."
    )
    (deal,) = of_type(text, "deal", datetime(2022, 12, 14, 16, 45, tzinfo=UTC))
    assert (deal["roles"], deal["status"]) == ({"buyer": "DEU", "seller": "USA"}, "announced")


def test_a_ship_handed_over_after_an_appositive_is_delivered_by_its_maker() -> None:
    text = (
        "The frigate Tushil, built for India at the Yantar shipyard, was handed over to the Indian Navy on "
        "Monday at a ceremony attended by Indian Defence Minister Rajnath Singh."
    )
    title = "Indian Navy takes delivery of Russian-built frigate Tushil in Kaliningrad"
    found = extract(text, title=title, published=datetime(2024, 12, 9, 14, 50, tzinfo=UTC))
    (delivery,) = [to_wire(e) for e in found if e.type == "delivery"]
    assert delivery["roles"] == {"supplier": "RUS", "recipient": "IND"}
    assert delivery["occurred"]["date"] == "2024-12-09"


def test_goods_handed_over_to_a_state_with_the_goods_between() -> None:
    text = "Bucharest handed one of its Patriot batteries over to Kyiv in October."
    (delivery,) = of_type(text, "delivery", datetime(2024, 11, 22, 11, tzinfo=UTC))
    assert (delivery["roles"], delivery["occurred"]["date"]) == (
        {"supplier": "ROU", "recipient": "UKR"},
        "2024-10",
    )


def test_sanctions_on_suppliers_to_a_states_military_target_that_state() -> None:
    text = (
        "Britain on Thursday announced sanctions on 50 individuals and entities, including suppliers of "
        "munitions and electronics to Russia's military."
    )
    (sanction,) = of_type(text, "sanction", datetime(2024, 2, 22, 12, 10, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "GBR", "target": "RUS"}


def test_goods_flown_into_a_base_are_delivered_and_risk_sanctions_for_their_buyer() -> None:
    text = (
        "The first parts of a Russian S-400 missile defence system were flown into an air base near Ankara "
        "on Friday, Turkey's defence ministry said, a move that could trigger U.S. sanctions."
    )
    found = {
        e["type"]: e
        for e in (to_wire(x) for x in extract(text, published=datetime(2019, 7, 12, 10, tzinfo=UTC)))
    }
    assert (found["delivery"]["roles"], found["delivery"]["status"]) == (
        {"supplier": "RUS", "recipient": "TUR"},
        "began",
    )
    assert (found["sanction"]["roles"], found["sanction"]["status"]) == (
        {"imposer": "USA", "target": "TUR"},
        "threatened",
    )


def test_a_report_dismissed_as_fake_tells_no_purchase() -> None:
    text = (
        'The Kremlin on Tuesday dismissed as "fake" a U.S. intelligence report that Russia was in the '
        "process of buying millions of artillery shells and rockets from North Korea."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2022, 9, 6, 10, 30, tzinfo=UTC))]
    assert not [e for e in found if e["type"] == "deal"]
