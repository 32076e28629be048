"""Wire-copy habits met in blind sets 8 and 9: the dateline's day, acts named again in a later sentence,
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


def test_a_plan_word_in_the_object_of_a_done_approval_plans_nothing() -> None:
    text = (
        "NEW DELHI, July 13 (PTI) - India's Defence Acquisition Council on Thursday cleared a proposal to "
        "buy 26 Rafale Marine jets from France."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["status"], deal["occurred"]["date"]) == ("announced", "2024-06-13")  # a Thursday past
    text = (
        "Greece signed a letter of offer and acceptance with the United States on Thursday to buy "
        "20 F-35 jets."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "GRC", "seller": "USA"}, "signed")


def test_a_one_sided_order_buys_from_the_supplier_of_the_goods_told_before() -> None:
    text = (
        "Australia has taken delivery of its first two HIMARS rocket launchers from the United States, with "
        "the systems arriving at RAAF Base Richmond on June 3. Canberra ordered 42 of the launchers last "
        "year in a deal worth about A$1 billion."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["occurred"]["date"]) == (
        {"supplier": "USA", "recipient": "AUS"},
        "2024-06-03",
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "AUS", "seller": "USA"}
    assert [(i["name"], i["quantity"]) for i in deal["items"]] == [("HIMARS", 42)]
    assert deal["occurred"]["date"] == "2023"


def test_a_relative_clause_dates_the_goods_of_the_clause_before() -> None:
    text = (
        "Nigeria's air force has taken delivery of two T129 ATAK attack helicopters from Turkey, which "
        "arrived in Abuja on June 2, an air force spokesman said."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "TUR", "recipient": "NGA"}
    assert (delivery["status"], delivery["occurred"]["date"]) == ("completed", "2024-06-02")


def test_completing_the_handover_makes_the_subject_the_supplier() -> None:
    text = "Slovakia has completed the handover of all 13 MiG-29 fighter jets to Ukraine."
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "SVK", "recipient": "UKR"}  # not the jets' maker
    assert delivery["status"] == "completed"


def test_the_sanctions_imposed_years_ago_are_their_own_event_with_the_target_told_before() -> None:
    text = (
        "The United States will keep sanctions on Turkey in place as long as Ankara holds its S-400s, the "
        "ambassador said on Wednesday. The United States imposed the sanctions under its CAATSA law in "
        "December 2020, a year after Turkey took delivery of the first S-400 batteries from Moscow."
    )
    sanctions = of_type(text, "sanction")
    assert {(s["roles"]["target"], s["status"], (s["occurred"] or {}).get("date")) for s in sanctions} == {
        ("TUR", "threatened", "2024-06-12"),
        ("TUR", "imposed", "2020-12"),
    }


def test_it_after_a_warning_is_the_one_warned_and_the_deal_told_again_keeps_its_sides() -> None:
    text = (
        "The United States has warned Egypt that it could face sanctions if it goes ahead with buying "
        "Russian Su-35 fighter jets. Cairo agreed the roughly $2 billion deal for 20 of the jets with "
        "Moscow last year."
    )
    deals = of_type(text, "deal")
    assert {(d["roles"]["buyer"], d["roles"]["seller"]) for d in deals} == {("EGY", "RUS")}
    agreed = next(d for d in deals if d["occurred"])
    assert agreed["occurred"]["date"] == "2023"
    assert [(i["name"], i["quantity"]) for i in agreed["items"]] == [("Su-35", 20)]


def test_talks_with_two_states_on_sales_are_a_sale_to_each() -> None:
    text = "India is in advanced talks with Vietnam and Indonesia on sales of the BrahMos cruise missile."
    deals = of_type(text, "deal")
    assert sorted((d["roles"]["seller"], d["roles"]["buyer"]) for d in deals) == [
        ("IND", "IDN"),
        ("IND", "VNM"),
    ]
    assert {d["status"] for d in deals} == {"planned"}


def test_the_officials_of_an_attribution_are_no_coordinated_buyers() -> None:
    text = (
        "Egypt has signed a contract to buy 30 more Rafale fighter jets from France and agreed to buy two "
        "FREMM frigates from Italy, Egyptian and French officials said on Tuesday."
    )
    assert {d["roles"]["buyer"] for d in of_type(text, "deal")} == {"EGY"}


def test_a_lead_saying_on_an_election_is_no_event() -> None:
    text = (
        "JAKARTA, Feb 15 (Reuters) - Defence Minister Prabowo Subianto claimed victory in Indonesia's "
        "presidential election on Wednesday, after unofficial counts showed him winning 58% of the vote."
    )
    assert of_type(text, "statement") == []


def test_an_earlier_contract_with_no_side_named_is_one_between_the_sides_told_before() -> None:
    text = (
        "The Pakistan Navy on Monday received the first of four Type 054A/P frigates built for it by China. "
        "The frigates are being built under a contract signed in June 2017."
    )
    deals = of_type(text, "deal")
    assert [(d["roles"], d["status"], d["occurred"]["date"]) for d in deals] == [
        ({"buyer": "PAK", "seller": "CHN"}, "signed", "2017-06")
    ]


def test_a_framework_the_two_countries_reached_is_a_deal_of_its_own() -> None:
    text = (
        "Poland signed a deal on Friday to buy 180 more K2 tanks from South Korea. It is the second "
        "executive contract under a framework agreement the two countries reached in July last year."
    )
    dates = sorted(d["occurred"]["date"] for d in of_type(text, "deal"))
    assert dates == ["2023-07", "2024-06-14"]  # Friday is the day of publication


def test_the_predicate_after_an_appositive_tells_the_status() -> None:
    text = (
        "The Philippines received the first of four radars from Japan on Monday. The contract, worth about "
        "10 billion yen, was signed in 2020."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"], deal["occurred"]["date"]) == (
        {"buyer": "PHL", "seller": "JPN"},
        "signed",
        "2020",
    )


def test_a_later_order_counts_the_goods_told_before() -> None:
    text = (
        "China handed over the second Type 054A/P frigate to Pakistan on Monday. Pakistan ordered the four "
        "warships in 2018."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"]["seller"], deal["items"][0]["quantity"]) == ("CHN", 4)


def test_a_dated_deal_with_no_status_keeps_no_sides_of_the_deal_before() -> None:
    text = (
        "The Czech Republic signed an agreement on Friday to buy 24 F-35 fighter jets from the United "
        "States. The deal, worth about 150 billion crowns, includes training, with deliveries due from 2031."
    )
    assert len(of_type(text, "deal")) == 1


def test_confirmed_is_a_saying_that_dates_its_statement() -> None:
    text = (
        "US Defense Secretary Lloyd Austin confirmed on Wednesday that Washington had paused a shipment of "
        "bombs to Israel over concerns about an offensive in Rafah."
    )
    (said,) = of_type(text, "statement")
    assert (said["roles"]["speaker"], said["occurred"]["date"]) == ("USA", "2024-06-12")
    assert "ISR" in said["roles"]["about"]


def test_an_unnamed_official_speaks_for_the_datelines_state() -> None:
    text = (
        "BERLIN, Jan 10 (Reuters) - Germany will no longer block Britain's sale of Eurofighter Typhoon jets "
        "to Saudi Arabia, a government spokesman said on Wednesday."
    )
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "DEU"
    assert {"GBR", "SAU"} <= set(said["roles"]["about"])
    assert said["occurred"]["date"] == "2024-06-12"


def test_a_joint_statement_issued_on_a_day_is_said_that_day_by_the_states_before_the_verb() -> None:
    text = (
        "SEOUL, Jan. 10 (Yonhap) -- South Korea, the United States and Japan, together with dozens of other "
        "countries, condemned North Korea's transfer of ballistic missiles to Russia in a joint statement "
        "issued Tuesday."
    )
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] in ("KOR", "USA", "JPN")
    assert "PRK" in said["roles"]["about"]
    assert said["occurred"]["date"] == "2024-06-11"
    assert all(d["occurred"] is None for d in of_type(text, "delivery"))  # the day is the statement's


def test_a_deal_with_a_state_buying_before_keeps_it_the_buyer() -> None:
    text = (
        "India is in advanced talks with Vietnam on sales of the BrahMos cruise missile, officials said. "
        "A deal with Vietnam worth around $700 million could be signed soon, one official said."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "VNM", "seller": "IND"}, "planned")
    assert deal["value"]["amount"] == 700_000_000


def test_similar_measures_threaten_the_target_of_the_sanction_before() -> None:
    text = (
        "Britain and Canada on Thursday imposed sanctions on 14 Belarusian companies. Japan said it was "
        "considering similar measures."
    )
    threatened = [s for s in of_type(text, "sanction") if s["status"] == "threatened"]
    assert [s["roles"] for s in threatened] == [{"imposer": "JPN", "target": "BLR"}]


def test_banned_exports_are_no_delivery() -> None:
    text = "The government also banned exports of oil refining equipment to Russia, a spokesman said."
    assert of_type(text, "delivery") == []


def test_paying_for_arms_is_buying_them() -> None:
    text = "Pashinyan said Armenia paid about $400 million in 2021 for Russian arms that never arrived."
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["value"]["amount"], deal["occurred"]["date"]) == (
        {"buyer": "ARM", "seller": "RUS"},
        400_000_000,
        "2021",
    )


def test_a_reason_gerund_keeps_its_own_date() -> None:
    text = (
        "The European Union has lifted most of its sanctions against Belarus, rewarding Minsk for releasing "
        "political prisoners last year."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["status"], sanction["occurred"]) == ("lifted", None)


def test_of_two_amounts_of_one_deal_the_exact_one_stays() -> None:
    text = (
        "India and Russia on Friday signed a deal worth over USD 5 billion for five S-400 systems. The "
        "contract, valued at USD 5.43 billion, was signed between the defence ministry and Rosoboronexport."
    )
    (deal,) = of_type(text, "deal")
    assert deal["value"]["amount"] == 5_430_000_000


def test_the_states_adjective_before_the_goods_names_the_supplier() -> None:
    text = "Thailand has received the last of 49 Ukrainian-built T-84 Oplot-M main battle tanks."
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "UKR", "recipient": "THA"}
    assert [(i["name"], i["quantity"]) for i in delivery["items"]] == [("T-84", 49)]


def test_a_single_named_aircraft_counts_one_but_a_deal_for_a_system_counts_none() -> None:
    text = "India on Monday handed over a Dornier 228 maritime reconnaissance aircraft to Sri Lanka."
    (delivery,) = of_type(text, "delivery")
    assert delivery["items"] == [{"name": "Dornier 228", "quantity": 1}]
    (deal,) = of_type("India signed an S-400 deal with Russia on Monday.", "deal")
    assert deal["items"][0]["quantity"] is None


def test_sanctions_coming_into_force_are_imposed_and_a_shipping_sector_ships_nothing() -> None:
    text = (
        "The decision came a day after the second set of U.S. sanctions on Iran's oil, banking and shipping "
        "sectors came into force on Monday."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"], sanction["occurred"]["date"]) == (
        {"imposer": "USA", "target": "IRN"},
        "imposed",
        "2024-06-10",
    )
    assert of_type(text, "delivery") == []


def test_a_gerund_after_a_warning_buys_for_the_one_warned() -> None:
    text = (
        "Washington has warned Belgrade that purchasing major Russian weapons could expose it to sanctions."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "SRB", "seller": "RUS"}


def test_an_approval_lets_the_one_cleared_buy_and_notifying_congress_also_approves_that_day() -> None:
    text = (
        "The US State Department approved late Friday the sale of 40 F-16 fighter jets to Turkey. The "
        "department also notified Congress of the potential sale of 40 F-35 stealth fighters to Greece."
    )
    deals = sorted(of_type(text, "deal"), key=lambda d: d["roles"]["buyer"])
    assert [(d["roles"], d["status"], d["occurred"]["date"]) for d in deals] == [
        ({"buyer": "GRC", "seller": "USA"}, "announced", "2024-06-14"),
        ({"buyer": "TUR", "seller": "USA"}, "announced", "2024-06-14"),
    ]
    text = "The U.S. State Department has cleared Poland to buy 96 AH-64E Apache attack helicopters."
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "POL", "seller": "USA"}, "announced")


def test_a_contract_not_signed_yet_is_the_pending_deal_before() -> None:
    text = (
        "Peru is in talks with South Korea's Korea Aerospace Industries to buy 20 FA-50 light combat jets, "
        "the defence minister told reporters on Monday, adding that no contract had been signed yet."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "PER", "seller": "KOR"}, "planned")
    text = (
        "The U.S. State Department approved a possible sale to Indonesia of up to 36 F-15 jets, though no "
        "contract for those aircraft has been signed."
    )
    assert [d["status"] for d in of_type(text, "deal")] == ["announced"]


def test_rivals_passed_over_are_no_goods_of_the_deal() -> None:
    text = (
        "Finland will buy 64 F-35A fighter jets from the United States, picking the U.S. jet over Sweden's "
        "Gripen, the Eurofighter and Boeing's Super Hornet."
    )
    (deal,) = of_type(text, "deal")
    assert [i["name"] for i in deal["items"]] == ["F-35"]


def test_a_contract_to_be_signed_later_is_the_planned_deal_before() -> None:
    text = (
        "Finland will buy 64 F-35A fighter jets from the United States, the government said on Friday. "
        "The contract is expected to be signed early next year."
    )
    assert len(of_type(text, "deal")) == 1


def test_the_last_of_an_order_completes_it_and_the_first_batch_before_began_it() -> None:
    text = (
        "Iraq's army received the last six of 12 T-90S tanks from Russia on Saturday. The first batch of "
        "the tanks arrived in December."
    )
    deliveries = sorted(of_type(text, "delivery"), key=lambda d: d["occurred"]["date"])
    assert [(d["roles"]["supplier"], d["status"], d["occurred"]["date"]) for d in deliveries] == [
        ("RUS", "began", "2023-12"),
        ("RUS", "completed", "2024-06-08"),
    ]


def test_imposing_unilateral_sanctions_is_an_act() -> None:
    text = "South Korea on Friday imposed unilateral sanctions on 11 North Korean individuals."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["occurred"]["date"]) == (
        {"imposer": "KOR", "target": "PRK"},
        "2024-06-14",
    )


def test_agreeing_to_draw_up_sanctions_threatens_them() -> None:
    text = "European Union leaders agreed on Friday to draw up limited sanctions against Turkey."
    (sanction,) = of_type(text, "sanction")
    assert sanction["status"] == "threatened"


def test_the_system_named_again_is_the_goods_told_before_and_giving_approval_gives_nothing() -> None:
    text = (
        "Lithuania ordered eight HIMARS from the United States earlier this year, while Latvia is in talks "
        "with Washington about buying the system. The United States, which developed the system, gave its "
        "approval last month."
    )
    latvia = next(d for d in of_type(text, "deal") if d["roles"].get("buyer") == "LVA")
    assert [i["name"] for i in latvia["items"]] == ["HIMARS"]
    assert of_type(text, "delivery") == []


def test_a_reported_clause_has_its_own_subject() -> None:
    text = "U.S. and South Korean officials say Pyongyang has shipped artillery shells to Russia."
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "PRK", "recipient": "RUS"}


def test_counts_over_participles_and_of_the_goods() -> None:
    text = "Chile signed a deal last month to buy two decommissioned Adelaide-class frigates from Australia."
    (deal,) = of_type(text, "deal")
    assert deal["items"][0]["quantity"] == 2
    text = "Egypt became the first foreign buyer of the Rafale in 2015, when it ordered 24 of the jets."
    (deal,) = of_type(text, "deal")
    assert (deal["items"][0]["quantity"], deal["occurred"]["date"]) == (24, "2015")


def test_a_description_after_the_deal_buys_nothing_of_its_own() -> None:
    text = (
        "Czech planemaker Aero Vodochody said on Monday it had signed a contract to supply 12 L-39NG jet "
        "trainers to Vietnam's air force, its first export order for the new model."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "VNM", "seller": "CZE"}
    text = (
        "Kazakhstan has signed a contract for two Airbus A400M military transport aircraft, Airbus said, "
        "the first new export order for the plane in more than a decade."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"].get("buyer") == "KAZ" and deal["roles"].get("seller") != "KAZ"


def test_an_act_under_way_when_announced_takes_the_day_of_the_saying() -> None:
    text = (
        "The United States is fully lifting its decades-old ban on selling lethal weapons to Vietnam, the "
        "U.S. president said on Monday during a visit to Hanoi."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"], sanction["occurred"]["date"]) == (
        {"imposer": "USA", "target": "VNM"},
        "lifted",
        "2024-06-10",
    )


def test_a_sea_named_after_a_state_is_no_actor() -> None:
    text = (
        "Russian and Chinese warships began the annual Joint Sea naval exercise in the Sea of Japan on "
        "Sunday, Russia's Pacific Fleet said."
    )
    assert all("JPN" not in str(e["roles"]) for e in (to_wire(x) for x in extract(text, published=PUB)))


def test_a_delivery_from_a_home_firm_to_its_own_forces_is_no_event() -> None:
    text = "Turkish drone maker Baykar delivered a new batch of Bayraktar TB3 drones to the Turkish navy."
    assert of_type(text, "delivery") == []


def test_countermeasures_and_export_control_listings_are_sanctions_on_the_entities_state() -> None:
    text = "China on Friday announced countermeasures against three US defence companies."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "CHN", "target": "USA"}, "imposed")
    text = (
        "The US Commerce Department on Friday added 42 Chinese companies to its export control list for "
        "supplying microelectronics to Russian military end users."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "CHN"}, "imposed")


def test_cancelled_export_permits_restrict_and_export_nothing() -> None:
    text = "Canada on Monday cancelled permits for exports of drone optics to Turkey."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "CAN", "target": "TUR"}, "imposed")
    assert of_type(text, "delivery") == []


def test_a_reaction_to_a_states_decision_leaves_that_state_the_imposer() -> None:
    text = (
        "Turkey on Saturday condemned a US decision to lift defence trade restrictions on the Greek Cypriot "
        "administration."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "CYP"}, "lifted")


def test_suppliers_of_a_states_military_sanctioned_by_several_states() -> None:
    text = (
        "Britain on Wednesday imposed sanctions on two companies accused of supplying aviation fuel to "
        "Myanmar's military. Canada and Australia announced similar measures on the same day."
    )
    sanctions = of_type(text, "sanction")
    assert sorted(s["roles"]["imposer"] for s in sanctions) == ["AUS", "CAN", "GBR"]
    assert {(s["roles"]["target"], s["occurred"]["date"]) for s in sanctions} == {("MMR", "2024-06-12")}


def test_procurement_from_a_home_firm_is_no_deal_between_states() -> None:
    text = "France has ordered 42 more Rafale fighter jets from Dassault Aviation, the ministry said."
    assert of_type(text, "deal") == []
    text = (
        "NEW DELHI (PTI) - The defence ministry on Thursday signed a contract with HAL for 12 Su-30MKI jets."
    )
    assert of_type(text, "deal") == []  # never India buying from Russia, whose design the jets are


def test_the_order_a_first_batch_is_part_of_counts_the_order() -> None:
    text = (
        "Greece received its first six Rafale fighter jets from France on Wednesday, part of a 2.5 billion "
        "euro order for 18 jets signed in January last year."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["items"][0]["quantity"], deal["occurred"]["date"]) == (18, "2023-01")
    text = "Indonesia signed a deal on Thursday to buy six Rafale jets from France, part of an order for 42."
    (deal,) = of_type(text, "deal")
    assert deal["items"][0]["quantity"] == 6


def test_a_variant_designation_written_with_its_system_is_kept() -> None:
    text = "Taiwan took delivery of its first 38 M1A2T Abrams tanks from the United States on Monday."
    (delivery,) = of_type(text, "delivery")
    assert delivery["items"] == [{"name": "M1A2T Abrams", "quantity": 38}]
    (delivery,) = of_type("Russia delivered S-400 Triumf systems to India.", "delivery")
    assert delivery["items"][0]["name"] == "S-400"  # the canonical name already carries the designation


def test_the_first_unit_of_the_goods_before_arrived_on_a_day_of_its_own() -> None:
    text = (
        "Russia has completed the delivery of the third squadron of the S-400 air defence system to India. "
        "The first squadron arrived in December 2021, the official said."
    )
    deliveries = sorted(of_type(text, "delivery"), key=lambda d: d["status"])
    assert [(d["roles"]["supplier"], d["status"], (d["occurred"] or {}).get("date")) for d in deliveries] == [
        ("RUS", "began", "2021-12"),
        ("RUS", "completed", None),
    ]


def test_a_freeze_on_arms_exports_is_a_sanction_extended_on_its_day() -> None:
    text = (
        "Germany on Thursday extended its freeze on arms exports to Saudi Arabia by six months, until the "
        "end of September. Berlin stopped approving new exports to Riyadh in November last year."
    )
    sanctions = of_type(text, "sanction")
    assert sorted((s["roles"]["target"], s["status"], s["occurred"]["date"]) for s in sanctions) == [
        ("SAU", "imposed", "2023-11"),
        ("SAU", "imposed", "2024-06-13"),
    ]
    assert of_type(text, "deal") == []


def test_sanctions_announced_with_an_accusation_are_the_sayers() -> None:
    text = (
        "The United States said on Tuesday that Iran had delivered ballistic missiles to Russia, and "
        "announced new sanctions on Iranian shipping companies."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["occurred"]["date"]) == (
        {"imposer": "USA", "target": "IRN"},
        "2024-06-11",
    )


def test_a_warning_that_buying_arms_could_bring_sanctions_threatens_the_one_warned() -> None:
    text = (
        "The United States has warned Egypt that buying Russian Su-35 fighter jets could trigger sanctions."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "EGY"}, "threatened")


def test_a_reaction_to_the_decision_is_about_the_states_of_the_story() -> None:
    text = (
        "The European Union on Thursday extended its economic sanctions against Russia for another six "
        "months. The measures were vastly expanded after Russia's invasion of Ukraine in February last year. "
        "Russia's foreign ministry called the decision counterproductive."
    )
    said = [s for s in of_type(text, "statement") if s["roles"]["speaker"] == "RUS"]
    assert [s["roles"]["about"] for s in said] == [["EU"]]


def test_delivery_habits_of_blind_set_12() -> None:
    text = "Paraguay's air force received two UH-1H helicopters donated by Taiwan on Tuesday."
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "TWN", "recipient": "PRY"}
    assert delivery["items"] == [{"name": "UH-1H", "quantity": 2}]
    text = "South Korea is in talks to export K9 self-propelled howitzers to Vietnam, officials said."
    assert of_type(text, "delivery") == []
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "VNM", "seller": "KOR"}, "planned")
    text = "Hanwha has exported the K9 to nine countries."
    assert of_type(text, "delivery") == []


def test_the_first_of_an_order_and_the_order_count_apart() -> None:
    text = (
        "Nigeria has received the first three of eight JF-17 Thunder fighter jets it ordered from Pakistan."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["items"] == [{"name": "JF-17", "quantity": 3}]
    (deal,) = of_type(text, "deal")
    assert deal["items"] == [{"name": "JF-17", "quantity": 8}]


def test_a_demand_to_revoke_cancels_nothing_and_revoking_an_accord_does() -> None:
    text = "China opposed a U.S. decision to approve arms sales to Taiwan and urged Washington to revoke it."
    assert all(d["status"] != "cancelled" for d in of_type(text, "deal"))
    text = "Niger's military junta on Saturday revoked a military agreement with the United States."
    (deal,) = of_type(text, "deal")
    assert (deal["status"], sorted(deal["roles"].get("parties", []))) == ("cancelled", ["NER", "USA"])


def test_the_contract_named_again_buys_the_goods_told_before_from_their_maker() -> None:
    text = (
        "RABAT, March 3 (AFP) - Morocco has taken delivery of the first of several Barak MX air defence "
        "batteries ordered from Israel. Rabat signed the $500 million contract with Israel Aerospace "
        "Industries in 2022."
    )
    dated = [d for d in of_type(text, "deal") if d["occurred"]]
    assert [(d["roles"], [i["name"] for i in d["items"]]) for d in dated] == [
        ({"buyer": "MAR", "seller": "ISR"}, ["Barak MX"])
    ]
    text = "Germany signed the deal for the Israeli-made system, worth 3.6 billion euros, in September 2023."
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "DEU", "seller": "ISR"}


def test_goods_handed_over_to_nobody_named_go_to_the_datelines_state() -> None:
    text = (
        "BERLIN, Dec 4 (dpa) - The first Arrow 3 long-range missile defence system handed over by Israel "
        "was put into service at the Holzdorf air base on Wednesday, the defence ministry said."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "ISR", "recipient": "DEU"}


def test_a_contract_a_delivery_completes_is_between_the_delivery_sides() -> None:
    text = (
        "DAKAR, Sept 27 (AFP) - Senegal's navy on Thursday took delivery of the third and last offshore "
        "patrol vessel built for it by France's Piriou shipyard, completing a contract signed in 2019."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["occurred"]["date"]) == ({"buyer": "SEN", "seller": "FRA"}, "2019")


def test_blind13_habits() -> None:
    text = (
        "ANKARA (AP) - The first components of Russia's S-400 missile defence system were delivered to an "
        "air base near Ankara on Friday, defying warnings from Washington that the purchase would trigger "
        "US sanctions."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "RUS", "recipient": "TUR"}
    text = (
        "India signed contracts earlier this year to export Pinaka launchers, anti-tank rockets and "
        "ammunition to Armenia, officials said."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "ARM", "seller": "IND"}
    text = "There is no blanket waiver for India from sanctions under CAATSA over its S-400 purchase."
    assert all(s["status"] != "waived" for s in of_type(text, "sanction"))
    text = "France's armed forces ministry has ordered 42 additional Rafale jets for about 5 billion euros."
    assert of_type(text, "deal") == []  # made in France, bought by France


def test_described_as_is_a_saying_and_counts_of_the_gunships_and_engines() -> None:
    text = (
        "India late on Wednesday described Washington's decision to impose an additional tariff as unfair "
        "and unreasonable."
    )
    (said,) = of_type(text, "statement")
    assert (said["roles"]["speaker"], said["occurred"]["date"]) == ("IND", "2024-06-12")
    text = (
        "The Indian Army received its first three AH-64E Apache attack helicopters from the United States "
        "on Tuesday, under a contract of about $800 million signed in February 2020 for six of the gunships."
    )
    (deal,) = of_type(text, "deal")
    assert deal["items"][0]["quantity"] == 6
    text = "No blanket CAATSA waiver for India over S-400, US official says."
    assert all(s["status"] != "waived" for s in of_type(text, "sanction", title=text))


def test_telling_another_state_reacting_in_a_relative_clause_and_participles_speak() -> None:
    text = (
        "The United Arab Emirates has told the United States it will suspend talks on buying F-35 jets, an "
        "Emirati official said on Tuesday."
    )
    said = [s for s in of_type(text, "statement") if s["roles"]["speaker"] == "ARE"]
    assert [(s["roles"]["about"], s["occurred"]["date"]) for s in said] == [(["USA"], "2024-06-11")]
    text = (
        "The United States on Friday lifted defence trade restrictions on Cyprus, a move that drew an angry "
        "response from Turkey, which said the decision would harm peace efforts."
    )
    assert "TUR" in {s["roles"]["speaker"] for s in of_type(text, "statement")}
    text = (
        "China on Saturday condemned a planned U.S. arms sale to Taiwan, saying Washington was playing with "
        "fire and urging it to stop arming the island."
    )
    assert {s["roles"]["speaker"] for s in of_type(text, "statement")} == {"CHN"}


def test_rejected_accusations_deliver_nothing_and_home_made_goods_delivered_at_home_are_no_event() -> None:
    text = "Iran's foreign ministry on Monday rejected Western accusations that it has sent drones to Russia."
    assert of_type(text, "delivery") == []
    text = "Deliveries of the Rafale jets to the French air force are expected from 2027, the minister said."
    assert of_type(text, "delivery") == []
