"""Wire-copy habits met in blind set 8: the dateline's day, acts named again in a later sentence,
enabling orders, entities of a state, participles with their agent and coordinated suppliers."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2024, 6, 14, 2, 30, tzinfo=UTC)  # a Friday


def of_type(text: str, etype: str, title: str | None = None) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, title=title, published=PUB)) if e["type"] == etype]


def test_the_datelines_day_dates_no_event() -> None:
    text = (
        "SEOUL, June 13 (Yonhap) -- Hanwha Aerospace has clinched a deal with Romania to supply K9 howitzers."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "ROU", "seller": "KOR"}
    assert deal["occurred"] is None


def test_a_passive_reference_after_an_appositive_dates_the_deal_before() -> None:
    text = (
        "SEOUL, June 14 (Yonhap) -- Hanwha Aerospace Co. said Friday it has clinched a deal with Romania "
        "to supply 54 K9 Thunder self-propelled howitzers.\n"
        "The contract, the company's first with a NATO member in southeastern Europe, was finalized in "
        "Bucharest on Thursday, according to Hanwha."
    )
    (deal,) = of_type(text, "deal")
    assert deal["occurred"]["date"] == "2024-06-13"
    assert deal["occurred"]["precision"] == "day"


def test_an_executive_order_signed_later_dates_the_sanction_two_sentences_back() -> None:
    text = (
        "US President Joe Biden has signed an executive order that allows for sweeping sanctions against "
        "Ethiopia. No sanctions were imposed immediately. The order, signed on Friday, gives the Treasury "
        "the power to target individuals."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "ETH"}
    assert sanction["status"] == "threatened"  # the power to sanction, none imposed
    assert sanction["occurred"]["date"] == "2024-06-14"  # Friday is the day of publication


def test_an_order_ending_sanctions_takes_the_day_it_was_signed() -> None:
    text = (
        "President Donald Trump has signed an executive order formally ending the US sanctions programme "
        "on Syria. The order, signed on Monday, dismantles a framework in place since 2004."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["status"], sanction["occurred"]["date"]) == ("lifted", "2024-06-10")


def test_an_entity_of_a_state_makes_the_state_the_target() -> None:
    text = "The United States on Tuesday imposed sanctions on an affiliate of Iran's Mahan Air."
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "IRN"}
    assert sanction["occurred"]["date"] == "2024-06-11"


def test_a_participle_with_its_agent_names_the_supplier_and_each_coordinated_one_delivers() -> None:
    text = "The first F-16 fighter jets delivered by Denmark and the Netherlands arrived in Ukraine in May."
    deliveries = of_type(text, "delivery")
    assert sorted(d["roles"]["supplier"] for d in deliveries) == ["DNK", "NLD"]
    assert {d["roles"]["recipient"] for d in deliveries} == {"UKR"}
    assert {d["occurred"]["date"] for d in deliveries} == {"2024-05"}


def test_a_delivery_by_ship_has_no_agent() -> None:
    (delivery,) = of_type("Russia delivered the S-400 parts by ship to India in May.", "delivery")
    assert delivery["roles"] == {"supplier": "RUS", "recipient": "IND"}
