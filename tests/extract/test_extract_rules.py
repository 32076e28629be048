"""Event types, direction of roles, modality and negation on small sentences."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import EXTRACTOR, extract

PUB = datetime(2023, 6, 16, 10, tzinfo=UTC)


def events(text: str, **kw: object) -> list[dict]:
    return [to_wire(e) for e in extract(text, published=PUB, **kw)]  # type: ignore[arg-type]


def only(text: str, etype: str) -> dict:
    found = [e for e in events(text) if e["type"] == etype]
    assert len(found) == 1, found
    return found[0]


def test_received_from_is_a_delivery_to_the_subject() -> None:
    e = only("India received the S-400 systems from Russia in April.", "delivery")
    assert e["roles"] == {"supplier": "RUS", "recipient": "IND"}
    assert e["occurred"]["date"] == "2023-04"


def test_delivered_to_is_a_delivery_from_the_subject() -> None:
    e = only("Russia delivered two batches of Igla-S missiles to India last year.", "delivery")
    assert e["roles"] == {"supplier": "RUS", "recipient": "IND"}
    assert e["status"] == "completed"
    assert e["items"][0]["name"] == "Igla-S"


def test_supplied_x_with_y() -> None:
    e = only("Iran has supplied Russia with hundreds of Shahed drones.", "delivery")
    assert e["roles"] == {"supplier": "IRN", "recipient": "RUS"}


def test_sanction_direction() -> None:
    e = only("The US on Friday imposed sanctions on Russia.", "sanction")
    assert e["roles"] == {"imposer": "USA", "target": "RUS"}
    assert e["status"] == "imposed"
    assert e["occurred"] == {"date": "2023-06-16", "precision": "day", "text": "on Friday"}


def test_passive_sanction_with_agent() -> None:
    e = only("Three Chinese firms were sanctioned by the US Commerce Department on Tuesday.", "sanction")
    assert e["roles"] == {"imposer": "USA", "target": "CHN"}


def test_negated_sanction_is_only_threatened() -> None:
    e = only("While India has not yet been sanctioned under US CAATSA law, it could be.", "sanction")
    assert e["roles"] == {"imposer": "USA", "target": "IND"}
    assert e["status"] == "threatened"


def test_conditional_sanction_is_threatened_and_the_purchase_not_signed() -> None:
    found = events("Turkey will face new US sanctions if it buys more Russian S-400 missile systems.")
    assert [e["status"] for e in found if e["type"] == "sanction"] == ["threatened"]
    assert all(e["status"] != "signed" for e in found if e["type"] == "deal")


def test_lifted_and_waived() -> None:
    assert (
        only("The United States on Wednesday eased sanctions on Venezuela.", "sanction")["status"] == "lifted"
    )
    waived = only("The United States has granted India a waiver from sanctions.", "sanction")
    assert (waived["status"], waived["roles"]["target"]) == ("waived", "IND")


def test_deal_buyer_and_seller_and_value() -> None:
    e = only(
        "Previously, India signed a $5 billion deal with Russia in 2018 to purchase S-400 systems.", "deal"
    )
    assert e["roles"] == {"buyer": "IND", "seller": "RUS"}
    assert e["value"]["amount"] == 5e9 and e["value"]["currency"] == "USD"
    assert (e["status"], e["occurred"]["date"]) == ("signed", "2018")


def test_planned_and_negated_deals_are_not_signed() -> None:
    assert (
        only("India is set to sign a deal with the United States for 31 MQ-9B drones.", "deal")["status"]
        == "planned"
    )
    assert (
        only("India and France have not yet signed the contract for 26 Rafale-M jets.", "deal")["status"]
        == "planned"
    )
    assert only("Egypt is in talks with China to buy J-10C fighter jets.", "deal")["status"] == "planned"


def test_cancelled_deal() -> None:
    e = only("India has cancelled a $500 million deal to buy Spike missiles from Israel's Rafael.", "deal")
    assert (e["status"], e["roles"]) == ("cancelled", {"buyer": "IND", "seller": "ISR"})


def test_pact_has_parties() -> None:
    e = only("Japan and the Philippines signed a reciprocal access agreement on Monday.", "deal")
    assert set(e["roles"]["parties"]) == {"JPN", "PHL"}


def test_quantity_before_the_item() -> None:
    e = only("India and Russia signed a deal to manufacture more than 6 lakh Russian AK-203 rifles.", "deal")
    assert e["items"] == [{"name": "AK-203", "quantity": 600000}]


def test_statement_with_quote_and_speaker() -> None:
    text = '"We value India\'s partnership," Pentagon press secretary John Kirby said on Friday.'
    e = only(text, "statement")
    assert e["roles"]["speaker"] == "USA" and "IND" in e["roles"]["about"]
    assert e["speaker"] == {"name": "John Kirby", "title": "Pentagon press secretary"}
    assert e["quote"] == "We value India's partnership,"


def test_he_added_is_the_last_speaker() -> None:
    text = 'Lloyd Austin said India should cut its reliance on Russia.\n\n"That matters," he added.'
    found = [e for e in events(text) if e["type"] == "statement"]
    assert len(found) == 1 and found[0]["speaker"]["name"] == "Lloyd Austin"


def test_analysts_former_officials_and_reports_are_not_speakers() -> None:
    assert events("Defence analysts said on Monday that India's reliance on Russia will fall.") == []
    assert events("Former US ambassador Kenneth Juster said on Tuesday that Washington erred.") == []
    assert (
        events("A report by the Stockholm International Peace Research Institute said India imports arms.")
        == []
    )


def test_attribution_lends_no_date_to_a_past_event() -> None:
    e = only(
        "Russia has started delivering the S-400 to India, a Russian official said on Sunday.", "delivery"
    )
    assert (e["status"], e["occurred"]) == ("began", None)


def test_date_attaches_to_its_own_clause() -> None:
    found = events(
        "Russia, which supplied S-400 systems to China in 2018, is now delivering the system to India."
    )
    dates = {
        e["roles"]["recipient"]: (e["occurred"] or {}).get("date") for e in found if e["type"] == "delivery"
    }
    assert dates == {"CHN": "2018", "IND": None}


def test_extractor_version_and_summary() -> None:
    (e,) = events("The United States on Monday imposed sanctions on Turkey.")
    assert e["extractor"] == EXTRACTOR == "rules@6"
    assert e["summary"] == "United States imposed sanctions on Turkey."
    assert 0 < e["confidence"] <= 1


def test_no_event_and_empty_text() -> None:
    assert events("Heavy rain lashed Mumbai on Tuesday, disrupting train services.") == []
    assert events("") == []
