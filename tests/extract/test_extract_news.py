"""Newswire habits: datelines and bare institutions, offers, several sanction targets, references back."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract
from tracker.extract.amounts import find_money

PUB = datetime(2024, 3, 15, 10, tzinfo=UTC)  # a Friday


def events(text: str, title: str | None = None) -> list[dict]:
    return [to_wire(e) for e in extract(text, title=title, published=PUB)]


def of_type(text: str, etype: str, title: str | None = None) -> list[dict]:
    return [e for e in events(text, title) if e["type"] == etype]


def test_a_bare_ministry_is_the_datelines_country() -> None:
    (deal,) = of_type(
        "NEW DELHI: The defence ministry on Tuesday signed a Rs 2,960 crore contract for missiles.", "deal"
    )
    assert deal["roles"] == {"buyer": "IND"}
    assert deal["occurred"]["date"] == "2024-03-12"


def test_a_bare_ministry_is_the_headlines_country_without_a_dateline() -> None:
    text = "The foreign ministry on Monday accused the Philippines of ramming a coast guard vessel."
    (said,) = of_type(text, "statement", title="Beijing accuses Manila of ramming coast guard ship")
    assert said["roles"]["speaker"] == "CHN"
    assert said["occurred"]["date"] == "2024-03-11"


def test_the_government_inside_a_clause_is_not_the_home_country() -> None:
    text = (
        "The United States on Wednesday eased sanctions on Venezuela after the government and "
        "opposition signed an election deal."
    )
    assert of_type(text, "deal", title="US eases Venezuela oil sanctions") == []


def test_an_offer_to_supply_is_a_planned_deal_not_a_delivery() -> None:
    found = events(
        "France has offered to supply Scorpene submarines to the Philippines, the ambassador said."
    )
    assert [(e["type"], e["status"]) for e in found if e["type"] != "statement"] == [("deal", "planned")]
    assert found[0]["roles"] == {"buyer": "PHL", "seller": "FRA"}


def test_a_planned_deal_takes_the_day_of_an_unnamed_speaker() -> None:
    (deal,) = of_type(
        "Iraq is considering buying Rafale jets from France, its defence minister told reporters on Monday.",
        "deal",
    )
    assert deal["status"] == "planned"
    assert deal["occurred"]["date"] == "2024-03-11"


def test_one_sanction_per_target() -> None:
    found = of_type(
        "Japan on Tuesday imposed sanctions on three Chinese firms and a Russian entity.", "sanction"
    )
    assert sorted(e["roles"]["target"] for e in found) == ["CHN", "RUS"]
    assert {e["roles"]["imposer"] for e in found} == {"JPN"}
    assert {e["occurred"]["date"] for e in found} == {"2024-03-12"}


def test_preparing_sanctions_is_no_passive() -> None:
    found = of_type(
        "The European Union is preparing sanctions against Chinese and Indian entities.", "sanction"
    )
    assert sorted((e["roles"]["imposer"], e["roles"]["target"], e["status"]) for e in found) == [
        ("EU", "CHN", "threatened"),
        ("EU", "IND", "threatened"),
    ]


def test_the_prime_minister_is_the_one_named_before() -> None:
    text = (
        "Greek Prime Minister Kyriakos Mitsotakis met Turkish President Tayyip Erdogan in Athens "
        "on Thursday. "
        "The prime minister said the two countries would keep talking."
    )
    assert [e["roles"]["speaker"] for e in of_type(text, "statement")] == ["GRC"]


def test_the_goods_of_a_deal_are_delivered_in_the_next_sentence() -> None:
    text = (
        "Hindustan Aeronautics Limited signed a $1 billion contract with GE Aerospace on Friday "
        "for 113 F404 engines. "
        "The engines will be delivered between 2027 and 2032."
    )
    (deal,) = of_type(text, "deal")
    (delivery,) = of_type(text, "delivery")
    assert deal["roles"] == {"buyer": "IND", "seller": "USA"}
    assert delivery["roles"] == {"supplier": "USA", "recipient": "IND"}
    assert (delivery["status"], delivery["occurred"]["date"]) == ("planned", "2027")


def test_a_denied_delivery_is_none() -> None:
    text = "An inquiry found no evidence that South Africa supplied weapons to Russia, Ramaphosa said."
    assert of_type(text, "delivery") == []


def test_unknown_designations_are_items() -> None:
    (deal,) = of_type("Greece signed a deal to buy 36 PULS rocket artillery systems from Israel.", "deal")
    assert deal["items"] == [{"name": "PULS", "quantity": 36}]


def test_a_word_ending_in_rs_is_no_rupee() -> None:
    assert find_money("Egypt orders 30 Rafale jets") == []
    assert [m.currency for m in find_money("worth Rs 30 crore")] == ["INR"]


def test_the_dateline_city_is_no_party() -> None:
    (delivery,) = of_type(
        "DHAKA - China will begin delivering VT-5 light tanks to Bangladesh in May.", "delivery"
    )
    assert delivery["roles"] == {"supplier": "CHN", "recipient": "BGD"}
    assert delivery["status"] == "planned"
    (threat,) = of_type(
        "BRUSSELS - Georgia could face EU sanctions, Josep Borrell said on Thursday.", "sanction"
    )
    assert threat["roles"] == {"imposer": "EU", "target": "GEO"}
    assert threat["status"] == "threatened"


def test_a_denied_signing_is_no_deal() -> None:
    text = "Vietnam did not sign any weapons contract with Russia during the minister's visit in December."
    assert of_type(text, "deal") == []
    (deal,) = of_type("Vietnam has not yet signed a contract with Russia for Su-30 jets.", "deal")
    assert deal["status"] == "planned"


def test_the_winner_of_an_order_sells() -> None:
    text = (
        "Germany's Rheinmetall has won an order worth 1.3 billion euros "
        "from the Netherlands for Skyranger systems."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "NLD", "seller": "DEU"}
    assert deal["status"] == "signed"


def test_the_approver_of_a_sale_sells() -> None:
    text = (
        "China on Friday imposed sanctions on U.S. firms over a $571 million arms sale "
        "to Taiwan approved by Washington."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "TWN", "seller": "USA"}


def test_a_later_request_does_not_undo_a_delivery() -> None:
    text = (
        "Ukraine received two Patriot systems from Germany earlier this year, "
        "Zelenskiy said, urging allies to send more."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "DEU", "recipient": "UKR"}
    assert delivery["occurred"] == {"date": "2024", "precision": "year", "text": "earlier this year"}


def test_targets_listed_before_the_sanctions_word() -> None:
    text = (
        "The European Union on Wednesday added companies from China, Turkey and Iran to its sanctions list."
    )
    assert sorted(e["roles"]["target"] for e in of_type(text, "sanction")) == ["CHN", "IRN", "TUR"]
