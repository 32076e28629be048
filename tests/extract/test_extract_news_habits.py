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
        "NEW DELHI: The Ministry of Defence on Friday signed a contract with Rosoboronexport for radars.",
        "deal",
    )
    assert deal["roles"] == {"buyer": "IND", "seller": "RUS"}


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


# fourth blind round


def test_not_in_talks_to_buy_is_no_deal() -> None:
    text = "Thailand is not in talks to buy submarines from Germany, the navy chief said on Tuesday."
    assert of_type(text, "deal") == []


def test_ready_to_supply_is_an_offer_so_a_planned_deal() -> None:
    text = "France is ready to supply more Caesar howitzers to Armenia, the French minister said on Thursday."
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "ARM", "seller": "FRA"}
    assert deal["status"] == "planned"
    assert of_type(text, "delivery") == []


def test_ready_to_supply_oil_stays_a_supply() -> None:
    text = "Moscow is ready to supply more oil to India, the Kremlin said on Tuesday."
    assert of_type(text, "deal") == []


def test_denounced_is_a_statement() -> None:
    text = "Iran on Monday denounced the new European Union sanctions as illegal."
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "IRN"
    assert said["occurred"]["date"] == "2024-03-11"


def test_donate_is_a_delivery() -> None:
    (given,) = of_type("Sweden will donate 10 Archer howitzers to Ukraine.", "delivery")
    assert given["roles"] == {"supplier": "SWE", "recipient": "UKR"}
    assert given["status"] == "planned"


def test_a_possessor_supplies_in_the_noun_supply_of() -> None:
    text = "The EU on Monday sanctioned Belarusian firms over Minsk's supply of drones to Russia."
    (moved,) = of_type(text, "delivery")
    assert moved["roles"] == {"supplier": "BLR", "recipient": "RUS"}


def test_a_refused_sanction_is_none() -> None:
    text = "France will not impose sanctions on Israel, the foreign ministry said on Monday."
    assert of_type(text, "sanction") == []
    text = "Turkey has not yet been sanctioned under CAATSA, a U.S. official said."
    assert of_type(text, "sanction")[0]["status"] == "threatened"


def test_the_two_countries_are_the_parties_named_before() -> None:
    text = (
        "South Korea on Friday delivered the first K9 howitzers to Australia, "
        "two years after the two countries signed a $700 million deal."
    )
    deal = next(e for e in of_type(text, "deal") if e["value"])
    assert deal["roles"] == {"buyer": "AUS", "seller": "KOR"}


def test_a_condition_has_its_own_subject_and_plans_the_delivery() -> None:
    text = "Japan will impose new sanctions on North Korea if Pyongyang ships more shells to Russia."
    (moved,) = of_type(text, "delivery")
    assert moved["roles"] == {"supplier": "PRK", "recipient": "RUS"}
    assert moved["status"] == "planned"


def test_a_reaction_in_an_appositive_is_a_second_statement() -> None:
    text = "Australia said on Friday it would send Abrams tanks to Ukraine, a move Russia condemned."
    speakers = {e["roles"]["speaker"] for e in of_type(text, "statement")}
    assert "RUS" in speakers


def test_two_purchases_from_two_sellers_in_one_clause_are_two_deals() -> None:
    text = (
        "Greece has signed a contract to buy 20 F-35 jets from the United States and agreed to buy "
        "three Belharra frigates from France."
    )
    sellers = {e["roles"].get("seller") for e in of_type(text, "deal")}
    assert sellers == {"USA", "FRA"}


# fifth blind round: currencies, quantities, dates of the saying, anaphoric deals, arms packages


def test_a_price_in_a_follow_up_sentence_and_in_a_hyphenated_currency() -> None:
    text = (
        "Norway signed a contract on Tuesday to buy 14 CV90 vehicles from Sweden. "
        "The deal, signed in Oslo, is worth about 4.4 billion kronor, the ministry said."
    )
    (deal,) = of_type(text, "deal")
    assert deal["value"]["currency"] == "SEK" and deal["value"]["amount"] == 4.4e9
    text = (
        "Greece signed a deal on Monday to buy six Rafale jets from France. "
        "The 1.1-billion-euro contract, signed in Athens by the two ministers, also includes missiles."
    )
    (deal,) = of_type(text, "deal")
    assert deal["value"] == {"amount": 1.1e9, "currency": "EUR", "text": "1.1-billion-euro"}


def test_quantities_in_spelled_numbers_more_and_long_names() -> None:
    (d,) = of_type("Fourteen Leopard 2A4 tanks from Germany have arrived in Ukraine.", "delivery")
    assert d["items"][0]["quantity"] == 14
    (d,) = of_type(
        "Washington said Friday it will send three more High Mobility Artillery Rocket Systems to Ukraine.",
        "delivery",
    )
    assert d["items"] == [{"name": "HIMARS", "quantity": 3}]
    assert d["occurred"]["date"] == "2024-03-15"  # 'said Friday': the saying is past, whatever follows


def test_a_short_designation_before_a_goods_noun_is_kept_as_written() -> None:
    (d,) = of_type("Estonia took delivery of the first 12 K9 howitzers in December 2023.", "delivery")
    assert d["items"] == [{"name": "K9", "quantity": 12}]


def test_the_day_after_a_saying_verb_dates_the_saying_not_the_signing() -> None:
    text = "Hanwha said Thursday it signed a contract with Romania on Wednesday to supply 54 K9 howitzers."
    (deal,) = of_type(text, "deal")
    assert deal["occurred"]["date"] == "2024-03-13"
    text = "Rheinmetall said Thursday it had signed a deal with Hungary for 40 Lynx vehicles."
    (deal,) = of_type(text, "deal")
    assert deal["occurred"] is None


def test_ending_negotiations_over_a_purchase_cancels_the_deal() -> None:
    text = "Romania has ended negotiations with Airbus over the purchase of 16 Caracal helicopters."
    (deal,) = of_type(text, "deal")
    assert deal["status"] == "cancelled"
    assert deal["items"][0]["name"] == "H225M Caracal"  # 'Caracal' and 'H225M' both match


def test_terminating_a_sanctions_programme_lifts_it() -> None:
    text = "Joe Biden signed an executive order on Monday terminating the U.S. sanctions program on Cuba."
    (s,) = of_type(text, "sanction")
    assert s["status"] == "lifted"


def test_a_ban_on_deliveries_is_an_embargo_and_no_delivery() -> None:
    text = "Russia on Monday lifted a ban on delivering S-300 missile systems to Syria."
    (s,) = of_type(text, "sanction")
    assert (s["roles"], s["status"]) == ({"imposer": "RUS", "target": "SYR"}, "lifted")
    assert of_type(text, "delivery") == []


def test_a_remark_on_the_deal_plans_nothing() -> None:
    text = (
        "Vietnam signed a deal to buy 20 K9 howitzers from South Korea, in what would be its first purchase."
    )
    (deal,) = of_type(text, "deal")
    assert deal["status"] == "signed"


def test_the_contract_reported_by_sources_dates_the_deal() -> None:
    text = (
        "Peru has signed a deal to buy 24 Gripen jets from Sweden, two sources said. "
        "The sources said the contract was signed last month."
    )
    (deal,) = of_type(text, "deal")
    assert deal["occurred"] == {"date": "2024-02", "precision": "month", "text": "last month"}


def test_an_earlier_signing_of_the_deal_is_its_own_event() -> None:
    text = (
        "Egypt has abandoned plans to buy 24 Su-35 jets from Russia. "
        "The deal was signed in 2019 but never implemented."
    )
    deals = of_type(text, "deal")
    assert [(d["status"], (d["occurred"] or {}).get("date")) for d in deals] == [
        ("cancelled", None),
        ("signed", "2019"),
    ]
    assert deals[1]["roles"] == {"buyer": "EGY", "seller": "RUS"}


def test_a_deal_named_beside_a_delivery_is_for_its_goods() -> None:
    text = (
        "India delivered the first BrahMos missiles to Vietnam, a year after the two countries signed a "
        "$700 million deal."
    )
    (deal,) = of_type(text, "deal")
    assert deal["items"][0]["name"] == "BrahMos"


def test_the_exporter_sells_in_an_arms_sales_agreement() -> None:
    text = "The United States and Qatar signed an arms sales agreement worth $20 billion on Tuesday."
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "QAT", "seller": "USA"}
    (pact,) = of_type("Japan and Australia signed a defence pact on Tuesday.", "deal")
    assert pact["roles"] == {"parties": ["JPN", "AUS"]}


def test_a_post_on_x_ends_its_sentence() -> None:
    text = (
        'India and France signed a framework agreement on Friday. "A new era," Singh said in a post on X. '
        "The previous framework was signed in 2016."
    )
    assert len(of_type(text, "deal")) == 2


def test_a_second_approved_sale_is_approved_by_the_same_seller() -> None:
    text = (
        "The U.S. State Department on Friday approved the possible sale of 12 F-16 jets to Jordan. "
        "The department also cleared the sale of 8 Apache helicopters to Morocco."
    )
    deals = of_type(text, "deal")
    assert [d["roles"] for d in deals] == [
        {"buyer": "JOR", "seller": "USA"},
        {"buyer": "MAR", "seller": "USA"},
    ]


def test_a_waiver_urged_is_no_waiver() -> None:
    text = "Two US senators urged President Joe Biden to grant Turkey a waiver from CAATSA sanctions."
    (s,) = of_type(text, "sanction")
    assert (s["roles"], s["status"]) == ({"imposer": "USA", "target": "TUR"}, "threatened")


# --- sixth blind round: classes of news language ---


def test_a_trade_between_a_state_and_its_own_firms_is_no_event() -> None:
    text = (
        "The Ministry of Defence on Friday signed a contract with Hindustan Aeronautics Limited "
        "for 40 helicopters."
    )
    assert of_type(text, "deal", title="Army signs helicopter contract with HAL") == []
    award = "The US Army on Thursday awarded Oshkosh Defense a contract worth $2 billion to build trucks."
    assert of_type(award, "deal") == []


def test_a_state_awarding_a_foreign_firm_a_contract_buys_from_the_firms_state() -> None:
    (deal,) = of_type("The Polish army on Monday awarded Hyundai Rotem a contract for 180 tanks.", "deal")
    assert deal["roles"] == {"buyer": "POL", "seller": "KOR"}


def test_clearing_the_way_for_own_firms_to_sell_is_no_trade() -> None:
    text = (
        "Norway on Friday lifted its arms embargo on Chile, clearing the way for Norwegian companies "
        "to sell arms to Santiago."
    )
    assert of_type(text, "delivery") == []
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "NOR", "target": "CHL"}, "lifted")


def test_a_dateline_naming_the_citys_country_is_no_actor() -> None:
    text = "DOHA, Qatar (AP) — Egypt has signed a deal to buy Rafale jets from France, officials said."
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "EGY", "seller": "FRA"}


def test_an_item_passed_over_is_not_the_deals_item() -> None:
    text = "Switzerland signed a contract on Monday for 36 F-35 jets, choosing the US jet over the Rafale."
    (deal,) = of_type(text, "deal")
    assert [i["name"] for i in deal["items"]] == ["F-35"]
    (head,) = of_type(
        "Switzerland signed a contract on Monday for 36 F-35 jets.",
        "deal",
        title="Swiss pick F-35 over Rafale",
    )
    assert [i["name"] for i in head["items"]] == ["F-35"]


def test_over_a_reason_keeps_its_item() -> None:
    (sanction,) = of_type(
        "The United States on Monday imposed sanctions on Turkey over its S-400 purchase.", "sanction"
    )
    assert sanction["roles"]["target"] == "TUR"


def test_a_sentence_opening_date_passes_a_cue_that_made_no_event() -> None:
    text = "On Tuesday, EU foreign ministers agreed to impose asset freezes on 12 officials from Belarus."
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "EU", "target": "BLR"}
    assert sanction["occurred"]["date"] == "2024-03-12"


def test_several_imposers_on_entities_named_by_their_state() -> None:
    text = "Canada and Australia have imposed sanctions on a number of Iranian officials over the crackdown."
    got = sorted((s["roles"]["imposer"], s["roles"]["target"]) for s in of_type(text, "sanction"))
    assert got == [("AUS", "IRN"), ("CAN", "IRN")]


def test_the_target_is_the_entitys_state_not_the_state_in_the_reason() -> None:
    text = "Britain on Wednesday imposed sanctions on a Turkey-based shipping firm for carrying Russian oil."
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "GBR", "target": "TUR"}


def test_experts_guessing_at_a_purchase_make_no_deal() -> None:
    text = (
        "Some analysts believe Vietnam could eventually buy more Russian jets, though no such deal "
        "is on the table."
    )
    assert of_type(text, "deal") == []
    assert (
        of_type(
            "Vietnam could buy Su-30 jets from Russia, analysts said, but no such deal is on the table.",
            "deal",
        )
        == []
    )


def test_a_dated_reference_back_dates_the_event_before() -> None:
    text = (
        "Canada has imposed sanctions on four Belarusian officials over the crackdown. "
        "The measures, adopted by the cabinet on Wednesday, freeze their assets."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["occurred"] == {"date": "2024-03-13", "precision": "day", "text": "on Wednesday"}
    text = (
        "Norway has lifted its sanctions on Chile. The decision, announced by the foreign ministry on "
        "Tuesday, ends a ban on arms exports."
    )
    (lifted,) = of_type(text, "sanction")
    assert lifted["occurred"]["date"] == "2024-03-12"


def test_a_reference_back_leaves_a_dated_event_alone() -> None:
    text = (
        "Canada imposed sanctions on Belarus in January. "
        "The measures, adopted by the cabinet on Wednesday, freeze assets."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["occurred"]["date"] == "2024-01"


def test_a_plan_to_deliver_without_goods_delivers_the_deal_before() -> None:
    text = (
        "Chile signed a deal on Monday to buy 12 Caesar howitzers from France. "
        "Deliveries are expected to begin next year."
    )
    (planned,) = of_type(text, "delivery")
    assert planned["roles"] == {"supplier": "FRA", "recipient": "CHL"}
    assert planned["status"] == "planned"
    assert planned["occurred"] == {"date": "2025", "precision": "year", "text": "next year"}
    text = (
        "Chile signed a deal on Monday to buy 12 Caesar howitzers from France. "
        "The first four units are to be shipped to Chile in 2026, the ministry said."
    )
    (planned,) = of_type(text, "delivery")
    assert planned["occurred"]["date"] == "2026"
    text = (
        "Chile signed a deal on Monday to buy 12 Caesar howitzers from France. "
        "The first 4 units are expected to be delivered in 2026."
    )
    (planned,) = of_type(text, "delivery")
    assert planned["roles"] == {"supplier": "FRA", "recipient": "CHL"}
    assert planned["items"][0]["quantity"] == 4


def test_a_plan_without_goods_and_without_a_deal_is_nothing() -> None:
    assert of_type("Deliveries are expected to begin next year.", "delivery") == []


def test_a_contract_to_export_to_x_makes_the_subject_the_seller() -> None:
    (deal,) = of_type("Turkey has signed a contract to export Kirpi armoured vehicles to Chile.", "deal")
    assert deal["roles"] == {"buyer": "CHL", "seller": "TUR"}
    (deal,) = of_type("Spain signed a contract on Monday to deliver four radars to Peru.", "deal")
    assert deal["roles"] == {"buyer": "PER", "seller": "ESP"}


def test_a_price_in_won_is_no_order_won() -> None:
    text = (
        "Hanwha Aerospace said it had signed a 400 billion won deal with the Romanian defence ministry "
        "to export 54 K9 howitzers."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "ROU", "seller": "KOR"}


def test_a_present_perfect_takes_no_day_from_the_dateline() -> None:
    text = (
        "PARIS/MADRID, March 14 (Reuters) - Chile has signed a contract to buy 12 Caesar howitzers "
        "from France."
    )
    (deal,) = of_type(text, "deal")
    assert deal["occurred"] is None
    text = (
        "New Delhi [India], March 14 (ANI): The Ministry of Defence has signed a contract with "
        "Israel's Rafael."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "IND", "seller": "ISR"}
    assert deal["occurred"] is None


def test_an_earlier_order_of_the_same_system_is_its_own_deal() -> None:
    text = (
        "Qatar has signed a contract to buy 12 Rafale jets from France. Qatar, which became a buyer "
        "of the Rafale in 2015 with an order for 24 jets, is a major customer."
    )
    deals = of_type(text, "deal")
    assert sorted(d["items"][0]["quantity"] for d in deals) == [12, 24]
    older = next(d for d in deals if d["items"][0]["quantity"] == 24)
    assert older["status"] == "signed"
    assert older["occurred"] == {"date": "2015", "precision": "year", "text": "in 2015"}


def test_the_same_day_is_the_day_of_the_event_before() -> None:
    text = (
        "Romania signed a contract with South Korea's Hanwha on Tuesday for 54 K9 howitzers. "
        "Bucharest also signed a separate contract the same day for 20 K2 tanks from Hyundai Rotem."
    )
    deals = of_type(text, "deal")
    assert len(deals) == 2
    assert {d["occurred"]["date"] for d in deals} == {"2024-03-12"}


def test_a_price_put_at_outside_the_clause_and_us_dollars() -> None:
    text = (
        "Greece has signed a contract to buy 6 Rafale jets from France, the ministry said, in a deal "
        "that analysts put at 1.2 billion euros."
    )
    (deal,) = of_type(text, "deal")
    assert deal["value"]["amount"] == 1.2e9
    assert deal["value"]["currency"] == "EUR"
    text = (
        "The State Department approved a possible sale of spare parts worth 80 million U.S. dollars "
        "to Taiwan."
    )
    (deal,) = of_type(text, "deal")
    assert deal["value"]["amount"] == 8e7
    assert deal["value"]["currency"] == "USD"


def test_a_warning_that_sanctions_could_follow_threatens_the_one_warned() -> None:
    text = "Brussels has warned Belgrade that the purchase could lead to sanctions."
    (threat,) = of_type(text, "sanction")
    assert threat["roles"] == {"imposer": "EU", "target": "SRB"}
    assert threat["status"] == "threatened"
    text = "London warned on Monday that Iranian banks helping Russia would face serious consequences."
    (threat,) = of_type(text, "sanction")
    assert threat["roles"] == {"imposer": "GBR", "target": "IRN"}
    assert threat["status"] == "threatened"


def test_facing_sanctions_is_no_imposing_them() -> None:
    text = "Paris has warned that Serbia faces sanctions if it buys the Chinese drones."
    (threat,) = of_type(text, "sanction")
    assert threat["roles"] == {"imposer": "FRA", "target": "SRB"}
    assert threat["status"] == "threatened"


def test_the_purchase_could_trigger_sanctions_threatens_its_buyer() -> None:
    text = (
        "Egypt took delivery of the first Su-35 jets from Russia on Friday, despite warnings from "
        "Washington that the purchase could trigger U.S. sanctions."
    )
    (threat,) = of_type(text, "sanction")
    assert threat["roles"] == {"imposer": "USA", "target": "EGY"}
    assert threat["status"] == "threatened"


def test_also_blacklisted_takes_the_imposer_and_day_of_the_sanction_before() -> None:
    text = (
        "Japan on Tuesday imposed sanctions on three Russian companies. "
        "A Belarusian official was also blacklisted in the same action."
    )
    sanctions = of_type(text, "sanction")
    assert {(s["roles"]["imposer"], s["roles"]["target"]) for s in sanctions} == {
        ("JPN", "RUS"),
        ("JPN", "BLR"),
    }
    assert {s["occurred"]["date"] for s in sanctions} == {"2024-03-12"}
    assert {s["status"] for s in sanctions} == {"imposed"}


def test_an_act_named_again_after_a_verb_of_enacting_dates_the_event_before() -> None:
    text = (
        "The United States has renewed a sanctions waiver allowing Iraq to buy Iranian gas. "
        "Secretary of State Antony Blinken signed the 120-day waiver earlier this month, an official said."
    )
    (waiver,) = of_type(text, "sanction")
    assert waiver["status"] == "waived"
    assert waiver["occurred"]["date"] == "2024-03"
    assert waiver["occurred"]["precision"] == "month"


def test_another_order_with_its_own_year_is_its_own_deal() -> None:
    deals = of_type("Qatar bought 24 Rafale jets from France in 2015 and another 12 in 2017.", "deal")
    got = sorted((d["items"][0]["quantity"], d["occurred"]["date"]) for d in deals)
    assert got == [(12, "2017"), (24, "2015")]
    assert all(d["roles"] == {"buyer": "QAT", "seller": "FRA"} for d in deals)
    (one,) = of_type("Qatar bought 24 Rafale jets from France in 2015 and another 12 helicopters.", "deal")
    assert one["items"][0]["quantity"] == 24


def test_claims_that_have_not_been_confirmed_tell_no_deal() -> None:
    """Blind set 70: an unconfirmed social-media claim was a signed deal."""
    text = (
        "Social media posts claiming that Egypt has ordered Chinese J-10C fighter jets have not been "
        "confirmed by Cairo or Beijing, and the Egyptian defence ministry declined to comment."
    )
    assert [to_wire(e) for e in extract(text, published=PUB)] == []


def test_talks_over_a_deal_for_goods_plan_that_deal_and_no_transfer() -> None:
    """Blind set 70: 'in talks ... over a deal for' F-16s made no deal, and the 'arms transfer' the deal
    'could be' a delivery of its own."""
    for text in (
        "Vietnam is in talks with the United States over a deal for a batch of F-16 fighter jets that "
        "could be the largest arms transfer in the history of the two former foes.",
        "Vietnam is negotiating a deal with the United States for F-16 jets.",
    ):
        found = [to_wire(e) for e in extract(text, published=PUB)]
        assert [(e["type"], e["roles"], e["status"]) for e in found] == [
            ("deal", {"buyer": "VNM", "seller": "USA"}, "planned")
        ]


def test_the_goods_told_before_arriving_date_that_delivery() -> None:
    """Blind set 70: 'The tanks arrived at Taipei port on Sunday' was a second, completed delivery."""
    text = (
        "Taiwan has received the first 38 of 108 M1A2T Abrams tanks it ordered from the United States. "
        "The tanks arrived at Taipei port on Sunday."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2024, 12, 16, 7, 45, tzinfo=UTC))]
    deliveries = [e for e in found if e["type"] == "delivery"]
    assert [(e["status"], e["occurred"]["date"]) for e in deliveries] == [("began", "2024-12-15")]
    assert [(i["name"], i["quantity"]) for i in deliveries[0]["items"]] == [("M1A2T Abrams", 38)]


def test_an_order_to_the_army_is_no_purchase() -> None:
    """Blind set 69: 'ordered the army to round up and destroy all US-made weapons' was a signed deal."""
    text = (
        "Cambodian Prime Minister Hun Sen on Thursday ordered the army to round up and destroy all US-made "
        "weapons in its arsenal."
    )
    assert of_type(text, "deal") == []


def test_restrictions_on_exporting_goods_to_a_state_supply_it_nothing() -> None:
    """Blind set 69: 'British restrictions on exporting arms components to Argentina' was a delivery."""
    text = (
        "British restrictions on exporting arms components to Argentina have blocked earlier purchases of "
        "South Korean FA-50 jets."
    )
    assert of_type(text, "delivery") == []


def test_goods_turned_to_instead_are_no_part_of_the_deal_signed_before() -> None:
    """Blind set 69: the Rafale and F-15 jets Jakarta 'will focus instead on buying' joined its 2018 Su-35
    deal."""
    text = (
        "Indonesia has abandoned plans to buy 11 Russian Sukhoi Su-35 fighter jets. Jakarta signed the $1.1 "
        "billion deal with Moscow in 2018 and will focus instead on buying Rafale and F-15 jets, he said."
    )
    signed = [e for e in of_type(text, "deal") if e["status"] == "signed"]
    assert [(e["occurred"]["date"], [i["name"] for i in e["items"]]) for e in signed] == [("2018", ["Su-35"])]


def test_rockets_fired_and_a_bill_sent_to_lawmakers_deliver_nothing() -> None:
    """Blind sets 73 and 69: a test firing 'sending six rockets over the sea' and a budget bill 'sent to
    Congress' were deliveries."""
    fired = (
        "Taiwan's army fired its U.S.-made HIMARS rocket launchers for the first time on Monday, sending six "
        "rockets over the sea off the island's southern tip in a test."
    )
    bill = "Argentina's 2022 budget bill, sent to Congress on Wednesday, funds the navy."
    for text in (fired, bill):
        assert of_type(text, "delivery") == []


def test_goods_a_budget_sets_money_aside_for_are_no_deal() -> None:
    """Blind set 73: a proposed defence budget 'including money for' launchers on order was a deal worth
    the whole budget."""
    text = (
        "Taiwan's cabinet on Thursday proposed raising defence spending to a record T$949.5 billion ($31 "
        "billion) next year, including money for U.S.-made HIMARS rocket launchers and F-16V fighters still "
        "on order."
    )
    assert of_type(text, "deal") == []


def test_the_day_of_a_promise_told_after_an_arrival_does_not_date_it() -> None:
    """Blind set 73: 'months after President Emmanuel Macron promised them in June' dated the arrival."""
    text = (
        "The first French Mirage 2000 fighter jets have arrived in Ukraine, Defence Minister Sebastien "
        "Lecornu said Thursday, months after President Emmanuel Macron promised them in June."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["occurred"]) == ({"supplier": "FRA", "recipient": "UKR"}, None)


def test_a_state_signing_with_a_foreign_shipbuilder_buys_from_the_shipbuilders_state() -> None:
    """Blind set 67: 'with German shipbuilder ThyssenKrupp Marine Systems' made Israel and Germany parties
    to a pact."""
    text = (
        "Israel signed a 3 billion euro deal on Thursday with German shipbuilder ThyssenKrupp Marine Systems "
        "for three new Dakar-class submarines."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "ISR", "seller": "DEU"}, "signed")


def test_states_turned_to_instead_are_no_party_to_the_deal_scrapped() -> None:
    """Blind set 70: 'opting instead for nuclear-powered boats built with U.S. and British technology' made
    the United States a party to the French submarine deal Australia scrapped."""
    text = (
        "Australia on Thursday scrapped a A$90 billion ($66 billion) deal with France's Naval Group to build "
        "a fleet of 12 conventional submarines, opting instead for nuclear-powered boats built with U.S. and "
        "British technology under a new security pact."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "AUS", "seller": "FRA"}, "cancelled")


def test_goods_counted_by_a_generic_noun_right_after_the_verb_take_the_count() -> None:
    """Blind sets 10, 21 and 51: 'plans to buy four of the jets' and 'is buying five units of the system'
    left the count out; 'a contract covering four sets of six drones' still counts none."""
    chosen = (
        "Thailand's air force said on Wednesday it had chosen Sweden's Gripen and plans to buy four of the "
        "jets in a first phase for about 19.5 billion baht ($600 million)."
    )
    (deal,) = of_type(chosen, "deal")
    assert [(i["name"], i["quantity"]) for i in deal["items"]] == [("Gripen", 4)]
    units = "India is buying five units of the S-400 system under a deal signed with Moscow in 2018."
    (deal,) = of_type(units, "deal")
    assert [(i["name"], i["quantity"]) for i in deal["items"]] == [("S-400", 5)]


def test_the_goods_a_sale_includes_are_the_sales_goods() -> None:
    """Blind set 73: 'a $1.1 billion arms sale to Taiwan that includes 60 anti-ship Harpoon missiles' named
    no goods."""
    text = (
        "The Biden administration on Friday approved a $1.1 billion arms sale to Taiwan that includes 60 "
        "anti-ship Harpoon missiles and 100 Sidewinder air-to-air missiles."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "TWN", "seller": "USA"}, "announced")
    assert [(i["name"], i["quantity"]) for i in deal["items"]] == [("Harpoon", 60), ("Sidewinder", 100)]
