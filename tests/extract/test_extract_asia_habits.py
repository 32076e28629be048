"""Habits of East Asian defence and trade news met in blind set 52: a state's contract with a foreign firm
to build, acts announced as done or under way, goods marked by their source, and the listings a
counter-measure answers."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.extract.wire import of_type


def test_the_firm_a_state_signs_with_to_build_is_the_seller() -> None:
    text = (
        "Australia signed a A$1 billion contract on Monday with South Korean firm Hanwha Defense to build 30 "
        "self-propelled howitzers and 15 armoured resupply vehicles for the Army in Geelong."
    )
    (deal,) = of_type(text, "deal", datetime(2021, 12, 13, 7, tzinfo=UTC))
    assert (deal["roles"], deal["status"]) == ({"buyer": "AUS", "seller": "KOR"}, "signed")


def test_sanctions_a_state_has_imposed_are_dated_by_their_announcement() -> None:
    text = (
        "China has imposed sanctions on five American defence companies over Washington's latest arms sales "
        "to Taiwan, freezing their assets on the mainland, the foreign ministry announced on Sunday."
    )
    (sanction,) = of_type(text, "sanction", datetime(2024, 1, 7, 10, 15, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "CHN", "target": "USA"}
    assert sanction["occurred"]["date"] == "2024-01-07"


def test_a_listing_said_to_be_under_way_is_dated_by_the_saying() -> None:
    text = (
        "The U.S. Commerce Department said on Thursday it was adding 36 Chinese companies, including memory "
        "chipmaker Yangtze Memory Technologies Co (YMTC), to its trade blacklist."
    )
    (sanction,) = of_type(text, "sanction", datetime(2022, 12, 16, 2, 15, tzinfo=UTC))
    assert (sanction["roles"]["target"], sanction["occurred"]["date"]) == ("CHN", "2022-12-15")


def test_goods_marked_as_supplied_by_a_state_are_no_delivery_by_their_user() -> None:
    text = (
        "Russia has launched North Korean-supplied ballistic missiles at Ukraine, the White House said "
        "Thursday, accusing Pyongyang of providing Moscow with ballistic missile launchers."
    )
    deliveries = of_type(text, "delivery", datetime(2024, 1, 5, 0, 30, tzinfo=UTC))
    assert [d["roles"] for d in deliveries] == [{"supplier": "PRK", "recipient": "RUS"}]


def test_the_unverified_list_is_a_sanction() -> None:
    text = "The Biden administration on Friday added 31 Chinese entities to its so-called unverified list."
    (sanction,) = of_type(text, "sanction", datetime(2022, 10, 8, 0, 40, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "USA", "target": "CHN"}


def test_a_listing_a_counter_measure_answers_is_a_day_before_it() -> None:
    text = (
        "China on Tuesday banned exports to the United States of gallium, germanium and antimony, a day "
        "after Washington launched its latest crackdown on China's chip sector by adding 140 companies, "
        "including chip equipment maker Naura Technology, to its entity list."
    )
    found = {
        (s["roles"]["imposer"], s["roles"]["target"]): s["occurred"]["date"]
        for s in of_type(text, "sanction", datetime(2024, 12, 3, 13, 30, tzinfo=UTC))
    }
    assert found == {("CHN", "USA"): "2024-12-03", ("USA", "CHN"): "2024-12-02"}


def test_a_name_and_its_abbreviation_in_brackets_are_one_clause() -> None:
    text = (
        "The U.S. Commerce Department said on Thursday it was adding 36 Chinese companies, including memory "
        "chipmaker Yangtze Memory Technologies Co (YMTC), to its trade blacklist."
    )
    (sanction,) = of_type(text, "sanction", datetime(2022, 12, 16, 2, 15, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "USA", "target": "CHN"}


def test_talks_cleared_are_a_plan_not_an_approved_deal() -> None:
    text = (
        "The Defence Ministry last month cleared the start of contract negotiations with Mazagon Dock "
        "Shipbuilders (MDL) for building six conventional submarines with German firm thyssenkrupp Marine "
        "Systems (TKMS) under Project 75 India."
    )
    (deal,) = of_type(text, "deal", datetime(2025, 9, 18, 6, tzinfo=UTC))
    assert (deal["status"], deal["occurred"]["date"]) == ("planned", "2025-08")


def test_export_controls_that_cut_a_state_off_target_it() -> None:
    text = (
        "The Biden administration on Friday unveiled a sweeping set of export controls that cut China off "
        "from certain semiconductor chips made anywhere in the world with U.S. tools."
    )
    (sanction,) = of_type(text, "sanction", datetime(2022, 10, 7, 19, 40, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "USA", "target": "CHN"}
    assert (sanction["status"], sanction["occurred"]["date"]) == ("imposed", "2022-10-07")
