"""News phrasings met in the seventh blind round, one class each, on invented sentences: hopes and
looks to buy, background sanctions 'since', amounts converted in brackets, titled speakers the
gazetteer lacks, reactions, quoted events, superlative 'yet', dated references back, warnings about
'it' and 'both countries', variant designations, export contracts, decrees and penalty tariffs; then the
eighth round's: bracket-ended datelines, food exports, domestic statements, carriers, the contract behind
a delivery and 'signed the contract'; then a day before 'arms export embargo', arms sales a state
opposes and a lifted ban on selling weapons."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2024, 3, 15, 10, tzinfo=UTC)  # a Friday


def of_type(text: str, etype: str, title: str | None = None) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, title=title, published=PUB)) if e["type"] == etype]


def test_hopes_and_looks_to_buy_are_planned_deals() -> None:
    for verb in ("hopes to sign a contract for", "is looking to buy"):
        (deal,) = of_type(f"Malaysia {verb} 12 Rafale jets from France, officials said.", "deal")
        assert deal["status"] == "planned"
        assert deal["roles"] == {"buyer": "MYS", "seller": "FRA"}


def test_under_sanctions_since_is_background() -> None:
    text = "The Belarusian company has been under U.S. sanctions since February for exports to Iran."
    assert of_type(text, "sanction") == []


def test_an_amount_converted_in_brackets_keeps_the_clause() -> None:
    text = "Norway has signed a EUR120 million (USD130 million) contract with Germany for IRIS-T missiles."
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "NOR", "seller": "DEU"}
    assert deal["value"]["amount"] == 120_000_000 and deal["value"]["currency"] == "EUR"


def test_a_titled_speaker_of_no_known_name_is_the_datelines_state() -> None:
    text = (
        "MANILA (Reuters) - The Philippines will buy more BrahMos missiles from India, Defence Minister "
        "Juan Dela Cruz said on Wednesday."
    )
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "PHL"
    assert said["occurred"]["date"] == "2024-03-13"


def test_a_titled_speaker_without_the_datelines_state_before_the_verb_says_nothing() -> None:
    text = "CAIRO (Reuters) - President Jean Dupont said the deal would help Egypt."
    assert of_type(text, "statement") == []


def test_a_reaction_and_a_titled_spokesman_in_one_paragraph_are_one_dated_statement() -> None:
    text = (
        'Hanoi reacted angrily. "Vietnam opposes China imposing sanctions on its firms," foreign ministry '
        "spokeswoman Pham Thu Hang told a briefing on Thursday."
    )
    (said,) = [s for s in of_type(text, "statement") if s["roles"]["speaker"] == "VNM"]
    assert said["occurred"]["date"] == "2024-03-14"
    assert "CHN" in said["roles"]["about"]


def test_called_the_measures_quoted_is_a_statement() -> None:
    text = 'Cuba\'s foreign minister called the measures "an act of aggression" by the United States.'
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "CUB"


def test_toughest_sanctions_yet_are_imposed() -> None:
    (sanction,) = of_type("Canada has announced its toughest sanctions yet against Iran.", "sanction")
    assert sanction["status"] == "imposed"
    (deal,) = of_type("Vietnam has yet to sign the deal with Russia for Su-35 jets.", "deal")
    assert deal["status"] == "planned"


def test_the_announcement_was_made_dates_every_imposer_of_the_sentence_before() -> None:
    text = (
        "Britain and Canada have lifted sanctions on Syria. "
        "The announcement was made in London late on Wednesday by the two foreign ministers."
    )
    lifted = of_type(text, "sanction")
    assert {s["roles"]["imposer"] for s in lifted} == {"GBR", "CAN"}
    assert all(s["occurred"]["date"] == "2024-03-13" for s in lifted)


def test_a_warning_that_it_could_face_sanctions_threatens_the_one_warned() -> None:
    text = "Washington has warned Ankara that buying more Russian weapons could expose it to sanctions."
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "TUR"}
    assert sanction["status"] == "threatened"


def test_sanctions_on_both_countries_target_the_two_named_before() -> None:
    text = (
        "Britain said arms transfers from Tehran to Moscow were illegal and that it would impose new "
        "sanctions on both countries."
    )
    targets = {s["roles"]["target"] for s in of_type(text, "sanction")}
    assert targets == {"IRN", "RUS"}


def test_a_variant_designation_neither_name_contains_is_kept_as_written() -> None:
    (deal,) = of_type(
        "Romania signed a $900 million deal with the United States for AIM-120D missiles.", "deal"
    )
    assert [i["name"] for i in deal["items"]] == ["AIM-120D"]
    (deal,) = of_type("Iraq signed a deal with Russia for 15 Mi-28NE helicopters.", "deal")
    assert [i["name"] for i in deal["items"]] == ["Mi-28"]  # the canonical name is inside the written one


def test_an_export_contract_with_an_unnamed_customer_sells() -> None:
    text = "Polish arms maker PGZ has signed an export contract worth 30 million euros for mortars."
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"seller": "POL"}


def test_a_decree_imposing_a_penalty_tariff_is_a_sanction_and_no_deal() -> None:
    text = (
        "US President Joe Biden on Wednesday signed an executive order imposing a 30% tariff on imports from "
        "Brazil as a penalty for its purchases of Russian oil, the White House said."
    )
    assert of_type(text, "deal") == []
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "BRA"}
    assert sanction["status"] == "imposed"


def test_a_trade_restriction_list_is_a_sanction() -> None:
    text = "The U.S. Commerce Department on Monday added 40 Chinese entities to its trade restriction list."
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "CHN"}


def test_sanctioned_entities_named_by_their_state_are_the_states() -> None:
    text = "The U.S. Treasury also sanctioned several Iranian-flagged vessels it said carried the drones."
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "IRN"}


def test_the_accuser_supplies_nothing() -> None:
    text = (
        "Pakistan on Saturday rejected the move after the United States imposed sanctions on four foreign "
        "companies it accused of supplying missile parts to Pakistan."
    )
    assert all(d["roles"].get("supplier") != "USA" for d in of_type(text, "delivery"))


def test_a_disaster_agency_is_no_speaker_of_its_state() -> None:
    text = "The quake was followed by 90 aftershocks, Greece's disaster management agency said."
    assert of_type(text, "statement") == []


def test_a_trade_naming_one_state_and_nothing_else_is_no_event() -> None:
    assert of_type("Earlier this month, Iraq announced that it would also procure the drones.", "deal") == []
    # The same state with goods, or with its counterpart, still makes one.
    (with_goods,) = of_type("Iraq said on Tuesday that it would procure 12 Bayraktar TB2 drones.", "deal")
    assert with_goods["roles"]["buyer"] == "IRQ"
    (two_sides,) = of_type("Iraq signed a deal with Turkey on Tuesday to buy drones.", "deal")
    assert two_sides["roles"] == {"buyer": "IRQ", "seller": "TUR"}


# eighth blind round


def test_a_dateline_ended_by_the_agency_bracket_alone_gives_no_day_to_a_perfect() -> None:
    text = (
        "OSLO, Mar 14 (NTB) Norway has signed a contract worth NOK 2 billion with Germany for IRIS-T "
        "missiles, officials said. The contract, inked on Tuesday, covers 12 launchers."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "NOR", "seller": "DEU"}
    assert deal["occurred"]["date"] == "2024-03-12"
    # The bracket ends the dateline: its day is the filing's, not the signing's.
    (alone,) = of_type(
        "OSLO, March 15 (NTB) Norway has signed a contract with Germany for IRIS-T missiles.", "deal"
    )
    assert alone["occurred"] is None


def test_food_exports_are_no_arms_delivery() -> None:
    text = "Ukraine's wheat exports to Turkey rose by 20% in the first quarter, according to customs data."
    assert of_type(text, "delivery") == []


def test_a_statement_on_no_other_state_and_no_conflict_is_none() -> None:
    text = (
        "Brazil's parliament on Tuesday adopted the budget for 2025. Brazilian Finance Minister "
        'Fernando Haddad hailed "a historic day" and promised that funds would flow soon.'
    )
    assert of_type(text, "statement") == []
    sport = (
        'KARACHI: Pakistan lost the Test on Sunday. "Our shot selection was poor," Pakistan\'s captain said.'
    )
    assert of_type(sport, "statement") == []
    text = "Brazil's parliament on Tuesday adopted the budget. The minister said the army needed more troops."
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "BRA"


def test_the_carrier_aboard_which_goods_arrive_is_no_goods() -> None:
    text = (
        "Egypt on Tuesday welcomed the delivery of the Chinese-made HQ-9 air defence system, which arrived "
        "in Cairo on Monday aboard four Chinese Y-20 transport aircraft."
    )
    (sent,) = of_type(text, "delivery")
    assert [i if isinstance(i, str) else i["name"] for i in sent["items"]] == ["HQ-9"]
    assert sent["occurred"]["date"] == "2024-03-11"


def test_the_contract_behind_a_delivery_has_the_deliverys_sides() -> None:
    text = (
        "France delivered the first batch of Caesar howitzers to Armenia on Friday. "
        "The delivery is part of a EUR200 million contract signed in June 2023 for 36 guns."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "ARM", "seller": "FRA"}
    assert deal["occurred"]["date"] == "2023-06"


def test_signed_the_contract_refers_to_the_order_before() -> None:
    text = (
        "Greece has taken delivery of the first 10 of 24 Rafale jets it ordered from France, the ministry "
        "said on Monday. Greece signed the contract, worth about EUR2.5 billion, in 2021."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "GRC", "seller": "FRA"}
    assert deal["occurred"]["date"] == "2021"


def test_a_day_before_an_export_embargo_dates_the_embargo() -> None:
    text = (
        "Norway on Tuesday lifted its arms export embargo on Turkey, clearing the way for Norwegian firms "
        "to sell equipment to Ankara."
    )
    (lifted,) = of_type(text, "sanction")
    assert lifted["roles"] == {"imposer": "NOR", "target": "TUR"}
    assert lifted["occurred"]["date"] == "2024-03-12"


def test_an_opposed_arms_sale_is_sold_by_the_state_after_the_verb() -> None:
    text = "Beijing firmly opposes a U.S. approval of a potential $900 million arms sale to Taiwan."
    (sale,) = of_type(text, "deal")
    assert sale["roles"] == {"buyer": "TWN", "seller": "USA"}


def test_the_day_of_an_opposed_sale_is_the_reactions() -> None:
    text = (
        "China on Wednesday firmly opposed a U.S. decision to approve arms sales to Taiwan, foreign "
        "ministry spokeswoman Mao Ning said. The U.S. State Department on Tuesday approved the sale of 40 "
        "Stinger missiles to Taiwan."
    )
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "CHN" and "USA" in said["roles"]["about"]
    assert said["occurred"]["date"] == "2024-03-13"
    (sale,) = of_type(text, "deal")
    assert sale["roles"] == {"buyer": "TWN", "seller": "USA"}
    assert sale["occurred"]["date"] == "2024-03-12"


def test_a_lifted_ban_on_selling_weapons_is_a_lifted_embargo() -> None:
    text = "President Joe Biden on Monday lifted a decades-old U.S. ban on selling lethal weapons to Laos."
    (lifted,) = of_type(text, "sanction")
    assert lifted["status"] == "lifted"
    assert lifted["roles"] == {"imposer": "USA", "target": "LAO"}
    assert lifted["occurred"]["date"] == "2024-03-11"
