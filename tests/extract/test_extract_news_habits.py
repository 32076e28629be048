"""News phrasings met in the second blind round: export curbs, protest notes, denied plans,
headline-only events, contracts with foreign firms, quantities in words."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2024, 3, 15, 10, tzinfo=UTC)  # a Friday


def of_type(text: str, etype: str, title: str | None = None) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, title=title, published=PUB)) if e["type"] == etype]


def test_export_restrictions_are_a_sanction_and_no_delivery() -> None:
    text = "South Korea on Tuesday imposed export restrictions on machine tools to Russia."
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "KOR", "target": "RUS"}
    assert sanction["status"] == "imposed"
    assert of_type(text, "delivery") == []


def test_a_protest_note_is_a_statement_dated_by_its_saying() -> None:
    text = "Indonesia said on Wednesday it had sent a protest note to China over a coast guard incursion."
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "IDN"
    assert "CHN" in said["roles"]["about"]
    assert said["occurred"]["date"] == "2024-03-13"
    assert of_type(text, "delivery") == []


def test_no_plans_to_buy_is_no_deal() -> None:
    assert of_type("Egypt's army said on Monday it has no plans to buy more tanks from Russia.", "deal") == []


def test_a_headline_event_stands_when_the_body_has_none_of_its_kind() -> None:
    text = "The minister said on Tuesday the air force needed more transport capacity."
    (deal,) = of_type(text, "deal", title="Malaysia to buy four A400M airlifters")
    assert deal["roles"]["buyer"] == "MYS"
    assert deal["items"][0]["quantity"] == 4
    assert deal["status"] == "planned"


def test_a_contract_the_delivery_completes_takes_the_deliverys_sides() -> None:
    text = "Russia has delivered the last Su-30 fighters to Algeria, completing a contract signed in 2019."
    deals = of_type(text, "deal")
    assert all(d["roles"].get("seller") != d["roles"].get("buyer") for d in deals)
    assert all(d["roles"].get("buyer") != "RUS" for d in deals)


def test_a_state_contracting_a_foreign_firm_buys_from_its_country() -> None:
    (deal,) = of_type(
        "Peru's navy signed a contract on Monday with South Korea's Hanwha Ocean for a frigate.", "deal"
    )
    assert deal["roles"] == {"buyer": "PER", "seller": "KOR"}


def test_a_passive_signing_names_the_buyer_with_by() -> None:
    text = "A contract for 12 Caesar howitzers was signed by Lithuania with France's KNDS on Tuesday."
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "LTU", "seller": "FRA"}


def test_the_builder_supplies_and_the_ministry_of_defence_is_home() -> None:
    (delivery,) = of_type("Pakistan's navy took delivery in January of a frigate built by CSSC.", "delivery")
    assert delivery["roles"] == {"supplier": "CHN", "recipient": "PAK"}
    (deal,) = of_type(
        "NEW DELHI: The Ministry of Defence on Friday signed a contract with Bharat Electronics for radars.",
        "deal",
    )
    assert deal["roles"]["buyer"] == "IND"


def test_quantities_in_words_and_with_thousands() -> None:
    (deal,) = of_type(
        "Iraq signed a contract on Sunday for a dozen KUH-1 Surion helicopters from KAI.", "deal"
    )
    assert deal["items"][0]["quantity"] == 12
    (sale,) = of_type("The State Department approved the sale of 1,000 AIM-120C-8 missiles to Qatar.", "deal")
    assert any(i["quantity"] == 1000 for i in sale["items"])


def test_a_short_alias_is_kept_as_written() -> None:
    (deal,) = of_type(
        "Egypt signed a deal on Monday for 100 K9 self-propelled howitzers from South Korea.", "deal"
    )
    assert deal["items"][0]["name"] == "K9"


def test_commodity_purchases_and_football_deals_are_no_arms_deal() -> None:
    assert of_type("India would continue to buy Russian oil wherever it got the best deal.", "deal") == []
    assert of_type("India would continue to buy Russian oil wherever it got the best deal.", "delivery") == []
    text = "Real Madrid have agreed a five-year deal with France forward Kylian Mbappe on Monday."
    assert of_type(text, "deal") == []


def test_an_offer_of_goods_to_a_country_is_a_planned_sale() -> None:
    text = "Russia has offered India the joint production of its Su-57E fighter jet."
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "IND", "seller": "RUS"}
    assert deal["status"] == "planned"


def test_ending_an_agreement_and_suspending_talks_cancel_a_deal() -> None:
    (ended,) = of_type("Chad said on Thursday it was ending its defence agreement with France.", "deal")
    assert ended["status"] == "cancelled"
    text = "The UAE will suspend discussions to acquire F-35 fighter jets from the United States."
    (suspended,) = of_type(text, "deal")
    assert suspended["status"] == "cancelled"


def test_the_one_expecting_a_delivery_receives_it() -> None:
    text = "Ankara expects the United States to deliver 40 F-16 fighter jets."
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "USA", "recipient": "TUR"}


def test_a_deal_to_supply_makes_the_subject_the_seller_and_block_is_no_item() -> None:
    text = "Pakistan has signed a $1.6 billion deal with Azerbaijan to supply JF-17C Block III fighter jets."
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "AZE", "seller": "PAK"}
    assert [i["name"] for i in deal["items"]] == ["JF-17C"]


def test_a_month_of_last_year_after_since() -> None:
    text = "North Korea has sent munitions to Russia since August last year, Seoul said on Thursday."
    (delivery,) = of_type(text, "delivery")
    assert delivery["occurred"]["date"] == "2023-08"
