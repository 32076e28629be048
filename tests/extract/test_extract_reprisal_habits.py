"""Habits met in blind set 41: reprisals told as entry bans, punitive measures and countermeasures, acts
'announced' in the present perfect, the day counted back from 'The move came a day after', a cancellation
notified later, goods told arriving and then delivered, and sides a careless reading would swap."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2024, 12, 6, 10, 0, tzinfo=UTC)  # a Friday


def of_type(text: str, etype: str, published: datetime = PUB) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, published=published)) if e["type"] == etype]


def test_an_entry_ban_on_citizens_is_a_sanction_on_their_state() -> None:
    text = "Russia has permanently barred entry to 500 US citizens, including senators, the ministry said."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "RUS", "target": "USA"}, "imposed")


def test_countermeasures_a_state_decided_to_take_are_imposed() -> None:
    text = "China on Friday decided to take countermeasures against six U.S. defence firms, officials said."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "CHN", "target": "USA"}, "imposed")
    assert sanction["occurred"]["date"] == "2024-12-06"


def test_countermeasures_vowed_or_threatened_are_not_imposed() -> None:
    text = "China said it could take countermeasures against U.S. defence companies over the sale."
    assert [s["status"] for s in of_type(text, "sanction")] in ([], ["threatened"])


def test_punitive_measures_announced_are_a_sanction_and_announcing_them_no_statement() -> None:
    text = (
        "Pakistan on Thursday suspended all trade with India, a day after New Delhi announced a raft of "
        "punitive measures against Islamabad."
    )
    sides = {(s["roles"]["imposer"], s["roles"]["target"]) for s in of_type(text, "sanction")}
    assert sides == {("PAK", "IND"), ("IND", "PAK")}
    assert of_type(text, "statement") == []


def test_a_deal_announced_in_the_present_perfect_happened_on_the_day_announced() -> None:
    text = (
        "Indonesia has signed a contract with Dassault Aviation for six Rafale fighters, the French and "
        "Indonesian defence ministries announced on 10 February."
    )
    (deal,) = of_type(text, "deal", datetime(2022, 2, 11, 9, 0, tzinfo=UTC))
    assert (deal["status"], deal["occurred"]["date"]) == ("signed", "2022-02-10")


def test_a_perfect_told_before_another_acts_announcement_keeps_no_date() -> None:
    text = (
        "Iran has delivered ballistic missiles to Russia, Secretary of State Antony Blinken said on "
        "Tuesday, as Washington announced new sanctions on Iran."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "IRN", "recipient": "RUS"}
    assert delivery["occurred"] is None


def test_the_move_came_a_day_after_counts_back_from_the_act_before() -> None:
    text = (
        "South Korea on Friday imposed sanctions on 11 North Korean individuals. The move came a day after "
        "Washington sanctioned the North's hacking group Kimsuky and eight North Korean agents."
    )
    dates = {s["roles"]["imposer"]: s["occurred"]["date"] for s in of_type(text, "sanction")}
    assert dates == {"KOR": "2024-12-06", "USA": "2024-12-05"}


def test_a_cancellation_notified_later_dates_the_cancelled_deal() -> None:
    text = (
        "India has cancelled a deal worth about $500 million to buy Spike anti-tank missiles from Israel's "
        "Rafael. The ministry formally notified Rafael of the cancellation on Monday, the company said."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["status"], deal["occurred"]["date"]) == ("cancelled", "2024-12-02")


def test_goods_told_arriving_then_delivered_are_one_delivery_with_their_count() -> None:
    text = (
        "The first Leopard 2 tanks promised by Germany arrived in Ukraine on Monday. Germany has delivered "
        "18 Leopard 2A6 tanks, along with ammunition."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["occurred"]["date"] == "2024-12-02"
    assert {"name": "Leopard 2", "quantity": 18}.items() <= delivery["items"][0].items()


def test_goods_that_reached_the_country_reached_the_speakers_state() -> None:
    text = "Ukraine's defence minister said British-made Challenger 2 tanks had reached the country."
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "GBR", "recipient": "UKR"}


def test_a_pledge_to_lift_sanctions_is_a_statement_of_its_own() -> None:
    text = "President Donald Trump said Tuesday he will lift sanctions on Syria."
    (statement,) = of_type(text, "statement")
    assert statement["roles"]["speaker"] == "USA"
    assert statement["occurred"]["date"] == "2024-12-03"


def test_a_report_dismissed_tells_no_deal() -> None:
    text = (
        "Defence ministry officials on Monday dismissed a Russian media report claiming that India had "
        "agreed to buy a batch of Su-57 fighters."
    )
    assert of_type(text, "deal") == []


def test_a_sale_a_state_says_it_has_not_made_is_no_deal() -> None:
    text = "Spain says it has not sold weapons to Israel since October 2023."
    assert of_type(text, "deal") == []


def test_the_firm_signing_for_one_side_does_not_make_that_side_the_buyer() -> None:
    text = (
        "The agreement was inked during talks between Prime Minister Narendra Modi and President Vladimir "
        "Putin, with state arms exporter Rosoboronexport signing for the Russian side."
    )
    assert all(d["roles"].get("buyer") != "RUS" for d in of_type(text, "deal"))


def test_a_state_whose_order_is_scrapped_is_the_one_that_made_the_goods() -> None:
    text = (
        "France recalled its ambassador after Canberra scrapped an order for French submarines in favour of "
        "vessels built with US and British technology."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "AUS", "seller": "FRA"}, "cancelled")


def test_a_decision_that_ends_a_contract_cancels_it() -> None:
    text = "Australia on Wednesday ended a 2016 contract with France's Naval Group for 12 submarines."
    found = {(d["status"], (d["occurred"] or {}).get("date")) for d in of_type(text, "deal")}
    assert found == {("cancelled", "2024-12-04"), ("signed", "2016")}  # and the year it was signed


def test_goods_a_state_sent_told_in_a_relative_clause_are_a_delivery() -> None:
    text = (
        "Poland's new K2 tanks will replace more than 200 Soviet-designed T-72 tanks that Warsaw sent to "
        "Ukraine earlier this year."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "POL", "recipient": "UKR"}
    assert delivery["occurred"]["date"] == "2024"


def test_goods_an_order_replaces_are_not_its_goods() -> None:
    text = "The tanks are the vanguard of a massive order meant to replace Soviet-designed T-72 tanks."
    assert of_type(text, "deal") == []


def test_a_decision_to_ship_goods_plans_their_delivery() -> None:
    text = "Japan on Friday decided to ship Patriot missiles made under licence to the United States."
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "JPN", "recipient": "USA"}, "planned")


def test_the_day_a_sanction_was_told_dates_it_when_the_measures_are_named_after() -> None:
    text = (
        "The United States has imposed sanctions on Iranian companies that make drones. The US Treasury "
        "said on Tuesday the measures target Shahed Aviation Industries."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["occurred"]["date"] == "2024-12-03"


def test_trade_halts_name_their_partner_and_imports_suspended_count() -> None:
    halt = (
        "ISLAMABAD: Pakistan yesterday closed its airspace to Indian airlines and suspended all trade with "
        "India, a day after New Delhi held the Indus Waters Treaty in abeyance."
    )
    found = {
        (s["roles"]["imposer"], s["roles"]["target"]): s["occurred"]["date"]
        for s in of_type(halt, "sanction", datetime(2025, 4, 25, 2, tzinfo=UTC))
    }
    assert found == {("PAK", "IND"): "2025-04-24", ("IND", "PAK"): "2025-04-23"}
    curbs = (
        "China suspended imports of citrus fruit and some fish from Taiwan on Wednesday and halted exports "
        "of natural sand to the island."
    )
    (sanction,) = of_type(curbs, "sanction", datetime(2022, 8, 3, 7, 30, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "CHN", "target": "TWN"}


def test_export_licences_granted_to_end_an_embargo_lift_it() -> None:
    text = (
        "Sweden's Inspectorate of Strategic Products on Friday granted new export licences to Türkiye, "
        "ending an arms embargo imposed in 2019."
    )
    found = {s["status"]: s for s in of_type(text, "sanction", datetime(2022, 10, 1, 8, 30, tzinfo=UTC))}
    assert found["lifted"]["roles"] == {"imposer": "SWE", "target": "TUR"}
    assert found["lifted"]["occurred"]["date"] == "2022-09-30"


def test_a_decision_others_are_asked_to_reconsider_is_theirs() -> None:
    text = (
        "Türkiye on Saturday called on the US to reconsider its decision to lift the arms embargo on the "
        "Greek Cypriot administration."
    )
    (sanction,) = of_type(text, "sanction", datetime(2022, 9, 17, 10, 45, tzinfo=UTC))
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "CYP"}, "lifted")
    assert sanction["occurred"] is None  # decided before the appeal, on a day the sentence does not give
