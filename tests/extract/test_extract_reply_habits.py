"""Habits met in blind set 26: replies dated by the act they answer, acts told in an 'as' clause beside
a dated saying, relief announced in reported speech, decrees that buy nothing, and deals signed before
the condition that puts them at risk."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract
from tracker.extract.sentences import clauses

PUB = datetime(2025, 8, 7, 2, 0, tzinfo=UTC)  # a Thursday


def of_type(text: str, etype: str, published: datetime = PUB) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, published=published)) if e["type"] == etype]


def day(event: dict) -> str | None:
    return event["occurred"]["date"] if event["occurred"] else None


def test_an_order_imposing_a_tariff_is_no_deal_and_the_reply_the_same_day_takes_its_day() -> None:
    text = (
        "President Donald Trump on Wednesday signed an order imposing a 25% tariff on Brazilian goods as a "
        "penalty for Brasilia's purchases of Russian diesel, and Brazil's foreign ministry responded the "
        'same day that the move was "unjustified".'
    )
    assert of_type(text, "deal") == []
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], day(sanction)) == ({"imposer": "USA", "target": "BRA"}, "2025-08-06")
    (reply,) = of_type(text, "statement")
    assert (reply["roles"]["speaker"], day(reply)) == ("BRA", "2025-08-06")


def test_responded_without_content_is_no_statement() -> None:
    text = "Brazil's navy responded to the distress call off the coast on Wednesday."
    assert of_type(text, "statement") == []


def test_an_as_clause_takes_the_date_that_ends_the_clause_before_it() -> None:
    text = (
        "North Korea has shipped artillery shells to Russia, Japan's foreign minister said on Tuesday, as "
        "Tokyo and Canberra announced new sanctions on Pyongyang."
    )
    sanctions = of_type(text, "sanction")
    assert {s["roles"]["imposer"] for s in sanctions} == {"JPN", "AUS"}
    assert {day(s) for s in sanctions} == {"2025-08-05"}


def test_an_as_clause_without_a_date_before_it_stays_undated() -> None:
    text = "Tokyo and Canberra imposed new sanctions on Pyongyang, as the talks stalled."
    assert {day(s) for s in of_type(text, "sanction")} == {None}


def test_relief_said_to_come_takes_the_day_of_the_saying() -> None:
    text = (
        "President Donald Trump said on Monday he would remove the additional 25% tariff imposed on "
        "Indian goods over New Delhi's purchases of Russian oil."
    )
    (lifted,) = of_type(text, "sanction")
    assert (lifted["status"], day(lifted)) == ("lifted", "2025-08-04")


def test_a_deal_signed_stays_signed_under_a_condition_on_going_ahead() -> None:
    text = (
        "Washington has warned Algeria that it could face sanctions if it goes ahead with a $2 billion "
        "deal signed with Moscow last year for 14 Su-57 fighter jets."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "DZA", "seller": "RUS"}, "signed")
    assert day(deal) == "2024"
    (threat,) = of_type(text, "sanction")
    assert threat["status"] == "threatened"
    unsigned = "Algeria could face sanctions if it goes ahead with a deal with Moscow for 14 Su-57 jets."
    assert all(d["status"] != "signed" for d in of_type(unsigned, "deal"))


def test_a_second_verb_of_the_subject_speaks_for_the_subject_not_the_object_before_it() -> None:
    text = (
        "Russia's ambassador in Ankara, Alexei Yerkhov, on Wednesday called Washington's sanctions on Turkey "
        "unjustified and said that the Russian market is open to Turkish goods."
    )
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "RUS"
    nested = (
        "Blinken told Chinese leaders on Friday that Beijing was fuelling Russia's war, and said Washington "
        "was ready to act."
    )
    assert "CHN" not in {s["roles"]["speaker"] for s in of_type(nested, "statement")}


def test_goods_handed_over_under_the_order_make_no_deal_with_the_sides_reversed() -> None:
    text = (
        "GE Aerospace handed over the first F404 engine to Hindustan Aeronautics Limited on Wednesday, "
        "with 99 engines due under the order."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "USA", "recipient": "IND"}, "began")
    assert all(d["roles"].get("buyer") != "USA" for d in of_type(text, "deal"))


def test_the_threat_of_a_states_sanctions_brushed_aside_threatens_the_subject() -> None:
    text = (
        "Turkey signed a $2.5 billion deal with Russia on Friday for S-400 systems, brushing aside the "
        "threat of US sanctions."
    )
    (threat,) = of_type(text, "sanction")
    assert (threat["roles"], threat["status"]) == ({"imposer": "USA", "target": "TUR"}, "threatened")


def test_a_vow_of_countermeasures_is_no_sanction() -> None:
    text = (
        "The US State Department on Friday approved a possible $2 billion arms sale to Taiwan, and China's "
        'foreign ministry on Saturday vowed to take "resolute countermeasures".'
    )
    assert of_type(text, "sanction") == []
    assert [d["roles"] for d in of_type(text, "deal")] == [{"buyer": "TWN", "seller": "USA"}]


def test_a_navy_contract_with_a_home_shipbuilder_is_no_deal_between_states() -> None:
    text = (
        "The US Navy on Thursday awarded Huntington Ingalls Industries a contract worth about $15.2 billion "
        "to build two Ford-class aircraft carriers."
    )
    assert of_type(text, "deal") == []


def test_undecided_whether_to_sanction_or_waive_waives_nothing_and_the_testimony_stays_a_statement() -> None:
    text = (
        "The administration has not yet decided whether to sanction Turkey or grant it a waiver under "
        "CAATSA, Assistant Secretary of State Donald Lu told senators on Wednesday."
    )
    assert {s["status"] for s in of_type(text, "sanction")} <= {"threatened"}
    (said,) = of_type(text, "statement")
    assert (said["roles"]["speaker"], day(said)) == ("USA", "2025-08-06")


def test_what_analysts_say_could_happen_is_no_deal() -> None:
    text = (
        "Trade friction with the United States could push New Delhi towards Russian arms, analysts at a "
        "Delhi think tank said on Tuesday, though they expected the government to keep buying American "
        "aircraft."
    )
    assert of_type(text, "deal") == []


def test_paving_the_way_to_provide_plans_no_delivery() -> None:
    text = (
        "President Donald Trump said on Thursday the United States was paving the way to ultimately provide "
        "India with F-35 stealth fighters."
    )
    assert of_type(text, "delivery") == []


def test_a_saying_joined_after_a_dated_act_is_news_of_its_own_that_day() -> None:
    text = (
        "Russia and India on Friday signed a series of agreements during President Vladimir Putin's visit, "
        "and Putin said Moscow was ready to ensure uninterrupted fuel shipments to India."
    )
    (said,) = of_type(text, "statement")
    assert (said["roles"]["speaker"], day(said)) == ("RUS", "2025-08-01")
    (deal,) = of_type(text, "deal")
    assert set(deal["roles"]["parties"]) == {"RUS", "IND"}


def test_sanctions_against_a_states_shipping_move_nothing() -> None:
    text = (
        "Britain on Friday imposed sanctions on 100 oil tankers of Russia's shadow fleet, its largest "
        "package against Russian shipping."
    )
    assert of_type(text, "delivery") == []
    assert [s["roles"] for s in of_type(text, "sanction")] == [{"imposer": "GBR", "target": "RUS"}]


def test_the_same_day_after_a_dated_saying_takes_the_sayings_day() -> None:
    text = (
        "Secretary of State Antony Blinken said on Tuesday that Russia had received Iranian missiles. The "
        "United States and Britain imposed new sanctions on Iran the same day."
    )
    sanctions = of_type(text, "sanction")
    assert {s["roles"]["imposer"] for s in sanctions} == {"USA", "GBR"}
    assert {day(s) for s in sanctions} == {"2025-08-05"}


def test_a_fronted_temporal_clause_ends_at_the_comma_before_the_main_subject() -> None:
    text = (
        "A day after the lifting of international sanctions against Iran on Saturday, the Treasury "
        "Department on Sunday imposed new sanctions on 11 companies linked to Tehran's missile programme."
    )
    imposed = [s for s in of_type(text, "sanction") if s["status"] == "imposed"]
    assert [(s["roles"], day(s)) for s in imposed] == [({"imposer": "USA", "target": "IRN"}, "2025-08-03")]


def test_a_fronted_clause_is_cut_only_before_a_capitalised_or_definite_subject() -> None:
    text = "After talks in Moscow, India signed the deal."
    assert [(c.opener, text[c.start : c.end]) for c in clauses(text)] == [
        ("after", "After talks in Moscow"),
        ("india", "India signed the deal."),
    ]
    later = "India signed the deal with Russia on Friday after talks in Moscow, officials said."
    assert [c.opener for c in clauses(later)] == ["", "after"]


def test_the_island_a_sale_goes_to_is_taiwan_in_an_article_about_taiwan() -> None:
    text = (
        "China sanctioned seven US defence firms over arms sales to Taiwan. The measures follow the State "
        "Department's approval on Dec. 20 of a $295 million sale of tactical radios to the island."
    )
    deals = of_type(text, "deal")
    assert {"buyer": "TWN", "seller": "USA"} in [d["roles"] for d in deals]
    elsewhere = "The State Department approved a $295 million sale of radios to the island."
    assert all("buyer" not in d["roles"] for d in of_type(elsewhere, "deal"))


def test_the_owner_of_systems_a_sale_maintains_buys_it() -> None:
    text = (
        "The United States approved last month a $300 million sale of equipment to maintain Taiwan's "
        "tactical information systems."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "TWN", "seller": "USA"}


def test_a_deal_to_lease_a_submarine_makes_the_lessee_the_buyer() -> None:
    text = "India signed a $3 billion deal with Russia on Thursday to lease a nuclear-powered submarine."
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], day(deal)) == ({"buyer": "IND", "seller": "RUS"}, "2025-08-07")


def test_a_package_against_a_state_targets_it_beside_the_firm_of_another() -> None:
    text = (
        "The European Union on Friday imposed sanctions on Nayara Energy, the Indian refiner part-owned by "
        "Russia's Rosneft, in its 18th package of sanctions against Russia."
    )
    assert {s["roles"]["target"] for s in of_type(text, "sanction")} >= {"RUS"}


def test_a_day_after_an_approval_dates_the_approval_the_day_before() -> None:
    text = (
        "China's foreign ministry on Thursday urged Washington to stop arming Taiwan, a day after the US "
        "State Department approved a possible $330 million sale of spare parts to the island."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], day(deal)) == ({"buyer": "TWN", "seller": "USA"}, "2025-08-06")


def test_a_reaction_clause_after_the_saying_lends_the_sayer_no_sanction() -> None:
    text = (
        "India does not subscribe to any unilateral sanction measures, the external affairs ministry said on "
        "Friday, reacting to the European Union's listing of a refinery in its package of sanctions against "
        "Russia."
    )
    assert all(s["roles"]["imposer"] != "IND" for s in of_type(text, "sanction"))


def test_a_state_ordering_goods_its_own_industry_makes_is_procurement() -> None:
    text = (
        "France's armed forces ministry has ordered 42 additional Rafale fighter jets from Dassault Aviation "
        "for about 5 billion euros, with deliveries to the French air force expected from 2027."
    )
    assert of_type(text, "deal") == [] and of_type(text, "delivery") == []
    abroad = "Indonesia has ordered 42 Rafale fighter jets for about 8 billion dollars."
    assert [d["roles"] for d in of_type(abroad, "deal")] == [{"buyer": "IDN", "seller": "FRA"}]


def test_a_free_trade_agreement_is_no_arms_deal() -> None:
    text = "India and Britain on Thursday signed a free trade agreement that will cut tariffs on whisky."
    assert of_type(text, "deal") == []


def test_a_package_of_a_bodys_sanctions_reacted_to_is_in_force_and_dated_by_its_relative_clause() -> None:
    text = (
        "Moscow will respond to the European Union's 12th package of anti-Russian sanctions, which was "
        "approved on Monday, Russian Foreign Ministry Spokeswoman Maria Zakharova said on Tuesday."
    )
    reply, package = sorted(of_type(text, "sanction"), key=lambda e: e["status"] == "imposed")
    assert (package["roles"], package["status"]) == ({"imposer": "EU", "target": "RUS"}, "imposed")
    assert day(package) == "2025-08-04"
    # the answer vowed is a threat of Moscow's own (``followups.reprisal_vowed``), never a measure taken
    assert (reply["roles"], reply["status"]) == ({"imposer": "RUS", "target": "EU"}, "threatened")


def test_firms_based_in_a_state_make_it_a_target() -> None:
    text = (
        "The United States on Tuesday imposed sanctions on an affiliate of Iran's Mahan Air and three "
        "China-based companies that had helped procure missile components for Iran."
    )
    assert {s["roles"]["target"] for s in of_type(text, "sanction")} == {"IRN", "CHN"}


def test_designated_firms_are_sanctioned_and_a_definite_mention_of_the_goods_dates_their_delivery() -> None:
    designated = (
        "The US State Department on Friday designated three China-based companies and one Belarus-based "
        "firm for supplying missile parts."
    )
    assert {s["roles"]["target"] for s in of_type(designated, "sanction")} == {"CHN", "BLR"}
    text = (
        "Thailand has received the last of 49 Ukrainian-built T-84 Oplot-M tanks. The final five tanks, "
        "shipped from Odessa, arrived at the Sattahip naval base on Tuesday, a Thai army spokesman said."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "UKR", "recipient": "THA"}, "completed")
    assert day(delivery) == "2025-08-05"


def test_a_date_closing_a_reduced_relative_clause_is_its_verbs() -> None:
    text = "The first six of the 25 J-10C jets Pakistan ordered from China last year arrived this month."
    (deal,) = of_type(text, "deal")
    (delivery,) = of_type(text, "delivery")
    assert (deal["occurred"]["date"], delivery["occurred"]["date"]) == ("2024", "2025-08")
    noun = (
        "Brazil received four more Gripen E jets from Sweden's Saab yesterday, bringing to eight the number "
        "delivered under a 2014 contract for 36 aircraft worth about 39 billion Swedish crowns."
    )
    assert [d["occurred"]["date"] for d in of_type(noun, "deal")] == ["2014"]


def test_the_goods_arriving_in_a_later_sentence_date_the_delivery_told_before() -> None:
    text = (
        "Nigeria has received the first three of eight JF-17 Thunder fighter jets it ordered from Pakistan, "
        "the air force said on Thursday. The jets, bought under a contract signed in 2016, landed at Makurdi "
        "air base on Tuesday. The equipment arrived in good order, officials said."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "PAK", "recipient": "NGA"}, "began")
    assert day(delivery) == "2025-08-05"
    alone = "The equipment arrived at a base near Rabat on Friday, a military source said."
    assert of_type(alone, "delivery") == []


def test_government_bodies_of_a_state_and_a_day_counted_from_the_sentences_date_not_the_datelines() -> None:
    bodies = "Britain lifted sanctions on a number of Syrian government bodies last month."
    assert [(s["roles"], s["status"]) for s in of_type(bodies, "sanction")] == [
        ({"imposer": "GBR", "target": "SYR"}, "lifted")
    ]
    text = (
        "NEW DELHI, Nov 7 (Reuters) - The United States has exempted India from sanctions over its "
        "development of Iran's Chabahar port, the State Department said on Tuesday, a day after U.S. "
        "sanctions on Iran's oil and shipping sectors took effect."
    )
    published = datetime(2018, 11, 7, 5, 0, tzinfo=UTC)
    on_iran = [s for s in of_type(text, "sanction", published) if s["roles"]["target"] == "IRN"]
    assert [day(s) for s in on_iran] == ["2018-11-05"]


def test_entities_removed_from_a_list_lift_it_for_their_state() -> None:
    text = (
        "The US Commerce Department on Wednesday removed three Indian entities — Bhabha Atomic Research "
        "Centre, Indira Gandhi Centre for Atomic Research and Indian Rare Earths — from its Entity List, a "
        "step promised during a visit to New Delhi earlier this month."
    )
    (lifted,) = of_type(text, "sanction")
    assert (lifted["roles"], lifted["status"], day(lifted)) == (
        {"imposer": "USA", "target": "IND"},
        "lifted",
        "2025-08-06",
    )


def test_restrictions_on_exports_taking_effect_date_the_sanction_not_a_delivery() -> None:
    text = (
        "Japan's tighter restrictions on exports to South Korea of three materials used to make "
        "semiconductors took effect on Thursday."
    )
    (curbs,) = of_type(text, "sanction")
    assert (curbs["roles"], day(curbs)) == ({"imposer": "JPN", "target": "KOR"}, "2025-08-07")
    assert of_type(text, "delivery") == []


def test_a_visit_or_an_exercise_told_by_a_trailing_saying_is_no_statement() -> None:
    visit = (
        "Indian Defence Minister Rajnath Singh arrived in Moscow on Monday for a three-day visit during "
        "which he will meet members of the Indian community, the Indian embassy said."
    )
    drill = (
        "Warships from India, the United States, Japan and Australia began the annual Malabar naval exercise "
        "off Guam on Tuesday, the Indian Navy said."
    )
    assert of_type(visit, "statement") == [] and of_type(drill, "statement") == []
    stance = "Moscow will respond to new EU sanctions, the Russian foreign ministry said on Monday."
    assert [s["roles"]["speaker"] for s in of_type(stance, "statement")] == ["RUS"]


def test_a_ship_built_abroad_commissioned_in_the_passive_begins_deliveries() -> None:
    text = (
        "PNS Tughril, the first of four Type 054A/P frigates built by China for the Pakistan Navy, was "
        "commissioned at a ceremony in Shanghai on Monday."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"], day(delivery)) == (
        {"supplier": "CHN", "recipient": "PAK"},
        "began",
        "2025-08-04",
    )
    home = "INS Vikrant, built at Cochin Shipyard, was commissioned at a ceremony in Kochi on Monday."
    assert of_type(home, "delivery") == []


def test_the_first_of_its_class_told_after_a_commissioning_begins_deliveries() -> None:
    text = (
        "The Indian Navy on Monday commissioned the stealth frigate INS Tushil at the Yantar shipyard in "
        "Russia's Kaliningrad. It is the first of two Krivak-class frigates India ordered from Russia under "
        "a contract signed in 2018."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "RUS", "recipient": "IND"}, "began")


def test_talks_on_supplies_negotiate_a_deal_as_well_as_plan_the_delivery() -> None:
    text = (
        "Russia and India are holding talks on the supply of additional S-400 air defence systems, Dmitry "
        "Shugayev said on Wednesday."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "IND", "seller": "RUS"}, "planned")
    assert [d["status"] for d in of_type(text, "delivery")] == ["planned"]
    promised = "Russia will supply additional S-400 systems to India next year, Dmitry Shugayev said."
    assert of_type(promised, "deal") == []


def test_one_firm_in_another_state_is_a_second_target_and_likely_trends_are_no_deal() -> None:
    text = (
        "The United States on Tuesday imposed sanctions on seven companies in Iran and one in China that it "
        "accused of supplying drone components."
    )
    assert {s["roles"]["target"] for s in of_type(text, "sanction")} == {"IRN", "CHN"}
    trend = (
        "Russia's share of India's arms imports is likely to keep falling as New Delhi buys more from "
        "Western suppliers, defence analysts say."
    )
    assert of_type(trend, "deal") == []


def test_a_national_security_adviser_the_gazetteer_lacks_speaks_for_the_dateline_state() -> None:
    """Blind set 73: 'National Security Adviser Chang Ho-jin said' was no speaker (no adviser's office)."""
    text = (
        "SEOUL, June 20 (Yonhap) -- South Korea will reconsider its policy of not providing lethal weapons "
        "to Ukraine, National Security Adviser Chang Ho-jin said Thursday."
    )
    (statement,) = of_type(text, "statement", datetime(2024, 6, 20, 7, 40, tzinfo=UTC))
    assert (statement["roles"]["speaker"], statement["occurred"]["date"]) == ("KOR", "2024-06-20")
