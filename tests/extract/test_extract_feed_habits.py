"""Habits met in blind set 48, feed items on India's ties with Russia and the United States: a year closing
a relative clause before auxiliaries, part of an order delivered, a programme extended 'until' a year,
and the 'countries buying' Russian arms that a warning is about."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2023, 3, 22, 10, 0, tzinfo=UTC)  # a Wednesday


def of_type(text: str, etype: str, published: datetime = PUB) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, published=published)) if e["type"] == etype]


def test_part_of_an_order_delivered_goes_on_and_the_year_is_the_orders() -> None:
    text = (
        "Three of the five S-400 squadrons India ordered in 2018 have been delivered so far, officials said."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["status"], delivery["occurred"]) == ("ongoing", None)
    assert [d["occurred"]["date"] for d in of_type(text, "deal")] == ["2018"]


def test_the_first_three_of_six_begin_the_deliveries() -> None:
    text = (
        "The first three of the six AH-64E Apache helicopters ordered from Boeing were delivered on Tuesday."
    )
    assert [d["status"] for d in of_type(text, "delivery")] == ["began"]


def test_a_programme_extended_until_a_year_is_not_dated_by_it() -> None:
    text = (
        "India and Russia on Monday signed a contract for AK-203 rifles. Defence Minister Rajnath Singh and "
        "his Russian counterpart Sergei Shoigu also signed an agreement extending the programme for "
        "military-technical cooperation until 2031."
    )
    assert all(d["occurred"]["date"] != "2031" for d in of_type(text, "deal") if d["occurred"])


def test_countries_buying_russian_arms_are_the_buyer_told_before_not_a_deal_of_their_own() -> None:
    text = (
        "India and Russia on Friday signed a deal worth $5.43 billion for five S-400 air defence systems. "
        "Washington has warned that countries buying major Russian weapons could face sanctions under CAATSA."
    )
    assert [d["roles"] for d in of_type(text, "deal")] == [{"buyer": "IND", "seller": "RUS"}]
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "IND"}, "threatened")


def test_he_in_a_statement_that_he_would_raise_tariffs_is_the_persons_state() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov said on Tuesday that threats against India were illegitimate. "
        "He was commenting on US President Donald Trump's statement on Monday that he would substantially "
        "raise tariffs on India over its purchases of Russian oil."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "IND"}, "threatened")
    assert sanction["occurred"]["date"] == "2023-03-20"


def test_deals_worth_a_total_including_goods_priced_apart_are_one_deal_each() -> None:
    text = (
        "India and the US on Tuesday concluded defence deals worth over $3 billion, including 24 MH-60R "
        "naval helicopters for $2.6 billion and six AH-64E Apache attack helicopters for about $800 million."
    )
    found = sorted((d["items"][0]["name"], d["value"]["amount"]) for d in of_type(text, "deal"))
    assert found == [("AH-64E Apache", 800_000_000), ("MH-60R", 2_600_000_000)]


def test_restrictions_in_place_since_a_year_do_not_date_their_easing() -> None:
    text = (
        "The US Commerce Department on Wednesday removed three Indian entities from its Entity List, easing "
        "export restrictions in place since India's 1998 nuclear tests."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["status"], sanction["occurred"]["date"]) == ("lifted", "2023-03-22")


def test_relief_granted_in_the_present_perfect_is_dated_by_its_telling() -> None:
    text = (
        "The United States has granted India an exemption from its sanctions on Iran for the development of "
        "the Chabahar port, the State Department said on Tuesday."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["status"], sanction["occurred"]["date"]) == ("waived", "2023-03-21")


def test_a_backlog_of_weapons_ordered_is_a_tally_not_a_deal() -> None:
    text = (
        "The backlog of U.S. weapons that Taiwan has ordered but not yet received has grown to more than $21 "
        "billion, including Harpoon coastal defence systems, according to a report released on Monday."
    )
    assert of_type(text, "deal") == []


def test_a_contract_for_an_undisclosed_country_names_no_buyer() -> None:
    text = (
        "Israel's Elbit Systems said on Tuesday it had been awarded a contract worth about $335 million to "
        "supply artillery rocket systems to an undisclosed country in the Asia-Pacific region."
    )
    assert of_type(text, "deal") == []


def test_goods_that_could_move_if_another_consents_are_no_delivery() -> None:
    text = (
        "Greece could transfer some of its older Mirage 2000-5 fighter jets to Ukraine if France, the "
        "aircraft's country of manufacture, gives its consent and Athens receives replacement aircraft."
    )
    assert of_type(text, "delivery") == []


def test_a_final_green_light_given_is_no_delivery() -> None:
    text = (
        "Italy's government has given the final green light to the sale of two Fincantieri-built FREMM "
        "frigates to Egypt, government sources said on Thursday."
    )
    assert of_type(text, "delivery") == []


def test_the_state_before_has_sent_sends_the_goods_it_follows() -> None:
    text = (
        "Russia is offering Iran unprecedented military support in exchange for the drones Tehran "
        "has sent Moscow for its war in Ukraine, White House spokesman John Kirby said on Friday."
    )
    assert [d["roles"] for d in of_type(text, "delivery")] == [{"supplier": "IRN", "recipient": "RUS"}]


def test_a_companys_reported_sales_are_no_deal() -> None:
    text = "The world's largest defense contractor Lockheed Martin reported sales of $17.1 billion, up 1.3%."
    assert of_type(text, "deal") == []


def test_one_system_named_two_ways_in_a_sentence_is_one_deal() -> None:
    text = (
        "Ukraine and Sweden signed a letter of intent on Oct. 22 that could see Kyiv acquire between 100 and "
        "150 Saab JAS 39 Gripen E fighter jets, President Volodymyr Zelensky said."
    )
    assert len(of_type(text, "deal")) == 1


def test_the_second_of_two_joined_sentences_has_its_own_subject() -> None:
    text = (
        "India signed the contract for five S-400 units in October 2018, and Washington has yet to decide "
        "whether to sanction New Delhi over the purchase."
    )
    found = [(s["roles"], s["status"]) for s in of_type(text, "sanction")]
    assert found == [({"imposer": "USA", "target": "IND"}, "threatened")]
