"""Habits of the arms trade press met in blind set 36: a company's books, letters of intent, firms that
sign to supply, plans that become signings the same day, goods bound for a state or landing at one of
its bases, deliveries expected from a year, and names that only look like actors."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2023, 7, 19, 9, 30, tzinfo=UTC)  # a Wednesday


def of_type(text: str, etype: str, published: datetime = PUB) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, published=published)) if e["type"] == etype]


def test_a_companys_books_are_no_sale() -> None:
    text = "Lockheed Martin on Tuesday reported first-quarter net sales of $17.2 billion, up 14% on the year."
    assert of_type(text, "deal") == []


def test_a_letter_of_intent_signed_plans_a_deal_on_its_own_day() -> None:
    text = (
        "The Czech defence ministry signed a letter of intent with Germany on Tuesday for the purchase of up "
        "to 77 Leopard 2A8 main battle tanks from KNDS Deutschland."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["status"], deal["occurred"]["date"]) == ("planned", "2023-07-18")


def test_a_firm_that_signs_to_supply_sells_to_the_other_party() -> None:
    text = (
        "Hanwha Aerospace said it signed a contract on Friday with Poland's Armament Agency to supply 152 "
        "K9PL self-propelled howitzers worth $2.6 billion."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "POL", "seller": "KOR"}


def test_talks_told_before_the_deal_noun_plan_it() -> None:
    text = (
        "India's defence ministry is in final price negotiations with France's Naval Group and Mazagon Dock "
        "Shipbuilders (MDL) for three additional Scorpene submarines, in a deal estimated at about Rs 36,000 "
        "crore, officials said."
    )
    (deal,) = of_type(text, "deal")
    assert deal["status"] == "planned"


def test_a_contract_told_as_signed_the_day_a_plan_is_told_is_its_signing() -> None:
    text = (
        "Poland will buy 24 Bayraktar TB2 armed drones from Turkey's Baykar, Defence Minister Mariusz "
        "Blaszczak said on Monday. The contract, covering four sets of six drones with ground stations, "
        "logistics and training, was signed on Monday during President Andrzej Duda's visit to Ankara."
    )
    (deal,) = of_type(text, "deal", published=datetime(2021, 5, 24, 15, 30, tzinfo=UTC))
    assert (deal["roles"], deal["status"]) == ({"buyer": "POL", "seller": "TUR"}, "signed")


def test_a_possible_waiver_waives_nothing() -> None:
    text = (
        "The United States has not made any decision on a possible waiver for India from sanctions under "
        "CAATSA over its purchase of Russia's S-400 missile system, a State Department spokesman said."
    )
    assert "waived" not in {s["status"] for s in of_type(text, "sanction")}


def test_approval_received_is_no_delivery() -> None:
    text = "Athens received State Department approval for up to 40 F-35s in January."
    assert of_type(text, "delivery") == []


def test_goods_bound_for_a_state_are_shipped_to_it() -> None:
    text = (
        "The first 10 K2 tanks and 24 K9 self-propelled howitzers bound for Poland left the southeastern "
        "port of Masan this week."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "KOR", "recipient": "POL"}


def test_jets_that_touch_down_at_a_base_of_the_reports_state_arrive_there() -> None:
    text = (
        "NEW DELHI (NDTV) - The first five Rafale fighter jets from France touched down at the Ambala air "
        "base on Wednesday afternoon after a 7,000-km journey."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "FRA", "recipient": "IND"}, "began")


def test_deliveries_expected_from_a_year_plan_the_goods_of_the_deal() -> None:
    text = (
        "The United Arab Emirates agreed on Friday to buy 80 Rafale warplanes from France for about 16 "
        "billion euros. Deliveries are expected from 2027."
    )
    (delivery,) = of_type(text, "delivery", published=datetime(2021, 12, 4, 10, 0, tzinfo=UTC))
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "FRA", "recipient": "ARE"}, "planned")


def test_names_that_only_look_like_actors() -> None:
    text = (
        "The first two of 12 FA-50GF light combat aircraft ordered by Poland were handed over at Minsk "
        "Mazowiecki air base on Wednesday, the first of the type for a NATO customer."
    )
    named = {x for e in of_type(text, "delivery") + of_type(text, "deal") for x in _actors(e)}
    assert not named & {"BLR", "NATO"}


def _actors(event: dict) -> set[str]:
    return {x for v in event["roles"].values() for x in ([v] if isinstance(v, str) else v)}


def test_a_contract_of_a_year_called_off_was_signed_in_that_year() -> None:
    text = (
        "CANBERRA, Sept 16 (AFP) - Australia on Thursday scrapped a 2016 contract with France's Naval Group "
        "to build 12 conventional submarines."
    )
    deals = {
        (d["status"], d["occurred"]["date"])
        for d in of_type(text, "deal", published=datetime(2021, 9, 16, tzinfo=UTC))
    }
    assert deals == {("cancelled", "2021-09-16"), ("signed", "2016")}


def test_hours_later_is_the_same_day() -> None:
    text = (
        "JAKARTA, Feb 10 (Reuters) - Indonesia signed a deal on Thursday to buy six Rafale fighter jets from "
        "France. Hours later, the U.S. State Department approved a possible sale to Indonesia of up to 36 "
        "F-15 jets worth up to $13.9 billion."
    )
    deals = {
        d["roles"]["seller"]: d["occurred"]["date"]
        for d in of_type(text, "deal", published=datetime(2022, 2, 10, 12, tzinfo=UTC))
    }
    assert deals == {"FRA": "2022-02-10", "USA": "2022-02-10"}


def test_a_delivery_started_began_and_a_remark_on_it_plans_nothing() -> None:
    started = (
        "Russia has started supplying the S-400 Triumf air defence systems to India and the first units are "
        "being delivered on schedule, the director of the FSVTS said on Sunday."
    )
    assert [d["status"] for d in of_type(started, "delivery")] == ["began"]
    remark = (
        "Iran has started receiving Su-35 jets from Russia, two sources said on Monday, in what would "
        "be the first delivery of advanced Russian combat aircraft to Tehran in decades."
    )
    assert [d["status"] for d in of_type(remark, "delivery")] == ["began"]
    final = (
        "The final 28 of the 108 M1A2T Abrams tanks Taiwan ordered from the United States arrived on Sunday, "
        "completing deliveries that began in December 2024."
    )
    assert "completed" in {d["status"] for d in of_type(final, "delivery")}


def test_a_second_sale_to_another_state_after_and_is_a_deal_of_its_own() -> None:
    text = (
        "The US State Department on Tuesday approved the potential sale of 300 Patriot MIM-104E missiles to "
        "Saudi Arabia for $3.05 billion and of THAAD missile defence equipment to the United Arab Emirates "
        "for $2.25 billion, the Pentagon said."
    )
    deals = {d["roles"]["buyer"]: (d["value"] or {}).get("amount") for d in of_type(text, "deal")}
    assert deals == {"SAU": 3_050_000_000, "ARE": 2_250_000_000}


def test_the_main_verb_takes_the_date_after_a_participle_describing_the_goods() -> None:
    text = (
        "Embraer handed over the first of two C-390 Millennium transport aircraft ordered by Hungary at its "
        "Gaviao Peixoto plant in Brazil on Thursday."
    )
    (delivery,) = of_type(text, "delivery", published=datetime(2024, 10, 11, tzinfo=UTC))
    assert delivery["occurred"]["date"] == "2024-10-10"


def test_a_designations_own_brackets_split_no_clause() -> None:
    text = (
        "The Indian Air Force received the first four of 15 CH-47F(I) Chinook heavy-lift helicopters at "
        "Mundra port in Gujarat on Sunday, Boeing said."
    )
    (delivery,) = of_type(text, "delivery", published=datetime(2019, 2, 10, 12, tzinfo=UTC))
    assert (delivery["status"], delivery["occurred"]["date"]) == ("began", "2019-02-10")


def test_a_choice_with_a_purchase_still_to_come_plans_a_deal() -> None:
    chosen = (
        "The Royal Thai Air Force has selected Saab's Gripen E/F over Lockheed Martin's F-16 Block 70 and "
        "plans to buy 12 jets in two phases, an air force spokesman said on Wednesday."
    )
    assert [d["status"] for d in of_type(chosen, "deal")] == ["planned"]
    announced = "Australia has selected Japan's Mitsubishi Heavy Industries to build 11 Mogami frigates."
    assert [d["status"] for d in of_type(announced, "deal")] == ["announced"]


def test_a_security_assistance_package_pledges_its_goods_the_day_it_is_announced() -> None:
    text = (
        "The U.S. Defense Department on Jan. 19 announced a new $2.5 billion security assistance package for "
        "Ukraine which, for the first time, includes 90 Stryker armored personnel carriers."
    )
    (delivery,) = of_type(text, "delivery", published=datetime(2023, 1, 20, tzinfo=UTC))
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "USA", "recipient": "UKR"}, "planned")
    assert delivery["occurred"]["date"] == "2023-01-19"


def test_a_state_relying_on_anothers_gas_receives_no_delivery_told() -> None:
    text = "Baghdad relies on Iranian gas and power for about a third of its supply."
    assert of_type(text, "delivery") == []


def test_a_delivery_a_state_could_make_if_or_was_unable_to_make_is_none() -> None:
    unable = "Russia has been unable to deliver a major consignment of weapons to India this year."
    assert of_type(unable, "delivery") == []
    could = "Saab says Sweden could deliver Gripen fighters to Ukraine quickly if governments agree."
    assert of_type(could, "delivery") == []


def test_a_former_officials_musing_buys_nothing() -> None:
    text = "Former IAF chief says India could order more S-400s if Russia keeps timelines"
    assert of_type(text, "deal") == []
    said = (
        "Colombia may buy up to 17 Saab Gripen E fighters, Defence Minister Pedro Sanchez said on Wednesday."
    )
    assert [d["status"] for d in of_type(said, "deal")] == ["planned"]


def test_what_investors_bet_on_is_no_order() -> None:
    text = (
        "SEOUL, Jan. 12 (Yonhap) -- Shares of Hanwha Aerospace Co. surged more than 8 percent to a record "
        "high on Monday as investors bet on further European orders for K9 howitzers."
    )
    assert of_type(text, "deal") == []


def test_deliveries_supposed_judged_or_disowned_are_none() -> None:
    supposed = (
        "The Kremlin said on Wednesday that any South Korean weapons deliveries to Ukraine would mean "
        "Seoul's indirect involvement in the conflict."
    )
    assert of_type(supposed, "delivery") == []
    judged = (
        "Kremlin spokesman Dmitry Peskov said Russia would destroy the systems, calling their supply a sign "
        "of direct Western involvement in the conflict."
    )
    assert of_type(judged, "delivery") == []
    disowned = (
        "Lula said Brazil had no interest in supplying munitions that could be used in the war in Ukraine."
    )
    assert of_type(disowned, "delivery") == []


def test_any_buyer_and_a_yearly_habit_are_no_deal() -> None:
    anyone = "Washington has warned that any country selling arms to Iran would face U.S. sanctions."
    habit = "Huawei buys about $11 billion of components from U.S. suppliers a year."
    for text in (anyone, habit):
        found = [to_wire(e) for e in extract(text, published=datetime(2020, 10, 18, 11, tzinfo=UTC))]
        assert not [e for e in found if e["type"] == "deal"], text
