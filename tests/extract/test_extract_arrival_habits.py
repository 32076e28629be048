"""Habits met while labelling blind sets 29 and 30 and re-reading older misses: goods that 'reached' a
state, and the same verb where it names a stage rather than a deal or a destination."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tests.extract.test_extract_reply_habits import of_type as wire_of_type
from tracker.extract import extract

PUB = datetime(2023, 10, 26, 9, 0, tzinfo=UTC)  # a Thursday


def of_type(text: str, etype: str) -> list[dict]:
    return wire_of_type(text, etype, PUB)


def test_goods_that_reached_a_state_were_delivered_to_it() -> None:
    text = (
        "A first batch of French-made Bastion armoured personnel carriers reached Armenia via Georgia "
        "earlier this month, local media reported."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "FRA", "recipient": "ARM"}
    assert [i["name"] for i in delivery["items"]] == ["Bastion"]
    assert (delivery["status"], delivery["occurred"]["date"]) == ("began", "2023-10")


def test_a_later_batch_reaching_the_philippines_goes_on() -> None:
    text = "A second batch of BrahMos missile systems has reached the Philippines by sea, officials said."
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "IND", "recipient": "PHL"}, "ongoing")


def test_goods_reaching_a_place_from_nobody_known_are_no_delivery() -> None:
    text = "The agency said hundreds of thousands of artillery shells had reached Kyiv via intermediaries."
    assert of_type(text, "delivery") == []


def test_reaching_a_stage_of_talks_is_no_deal_and_no_delivery() -> None:
    text = "India and Russia reached the final stage of talks on the S-400 deal."
    assert of_type(text, "deal") == []
    assert of_type(text, "delivery") == []


def test_a_deal_reached_is_still_a_deal() -> None:
    text = "India and Russia on Tuesday reached a $5 billion deal for S-400 air defence systems."
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "IND", "seller": "RUS"}, "signed")
    assert of_type(text, "delivery") == []


def test_a_state_facing_sanctions_named_by_their_imposer_is_threatened_by_it() -> None:
    text = "Countries that buy Iranian crude, including India, could face American sanctions."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "IND"}, "threatened")


def test_the_one_deciding_whether_a_state_should_face_sanctions_would_impose_them() -> None:
    text = "Washington has yet to decide whether New Delhi should face sanctions over the purchase."
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "IND"}


def test_the_one_whose_approval_governs_a_sale_sells_whatever_the_subject() -> None:
    text = (
        "The countermeasures, which freeze the companies' assets in mainland China and bar Chinese "
        "organisations from dealing with them, follow the US State Department's approval earlier this month "
        "of a US$295 million sale of tactical radio systems and spare parts to Taipei."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "TWN", "seller": "USA"}, "announced")


def test_the_carrier_goods_operate_from_is_no_goods() -> None:
    text = (
        "India signed a deal with France on Monday for 26 Rafale Marine jets. Deliveries are due to begin "
        "in 2029, and the jets will operate from the aircraft carrier INS Vikrant."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "FRA", "recipient": "IND"}
    assert [i["name"] for i in delivery["items"]] == ["Rafale-M"]


def test_a_unit_delivered_after_and_is_its_own_dated_delivery_of_the_goods_before() -> None:
    text = (
        "Russia will deliver the remaining two squadrons of the S-400 Triumf air defence system to India by "
        "August 2026, the ambassador said. India signed the $5.43 billion contract for five squadrons in "
        "October 2018, and the first squadron was delivered in December 2021 and deployed in Punjab."
    )
    deliveries = {e["occurred"]["date"]: e for e in of_type(text, "delivery")}
    assert set(deliveries) == {"2026-08", "2021-12"}
    first = deliveries["2021-12"]
    assert (first["roles"], first["status"]) == ({"supplier": "RUS", "recipient": "IND"}, "began")
    (deal,) = of_type(text, "deal")
    assert deal["occurred"]["date"] == "2018-10"


def test_removal_from_a_programme_beside_threatened_sanctions_lifts_nothing() -> None:
    text = (
        "The first parts of a Russian S-400 missile defence system were delivered to Turkey on Friday, "
        "defying warnings from Washington that the purchase would trigger U.S. sanctions and Turkey's "
        "removal from the F-35 fighter jet programme."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "TUR"}, "threatened")


def test_not_renewing_a_licence_that_eased_sanctions_reimposes_them() -> None:
    text = (
        "The United States on Wednesday said it would not renew a licence that had eased sanctions on "
        "Venezuela's oil and gas sector when it expires at midnight, effectively reimposing the measures."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "VEN"}, "imposed")


def test_a_batch_that_arrived_last_week_goes_on_and_its_carrier_is_no_goods() -> None:
    text = (
        "The second batch of BrahMos missile systems for the Philippine Marine Corps reached the Philippines "
        "last week aboard an Indian Air Force C-17 Globemaster, officials said on Thursday."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "IND", "recipient": "PHL"}, "ongoing")
    assert [i["name"] for i in delivery["items"]] == ["BrahMos"]


def test_a_shipment_paused_is_still_to_come() -> None:
    text = "The United States last week paused a shipment of 1,800 bombs to Israel, an official said."
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "USA", "recipient": "ISR"}, "planned")


def test_a_number_in_an_items_name_is_no_year() -> None:
    text = "Ukraine has received its first Mirage 2000-5 fighter jets from France, the minister said."
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["occurred"]) == ({"supplier": "FRA", "recipient": "UKR"}, None)


def test_sanctions_unlikely_to_be_imposed_are_none_and_units_nearing_shipment_are_still_to_come() -> None:
    text = (
        "As the first Russian S-400 units near shipment to India, analysts say the Biden administration is "
        "unlikely to impose sanctions on New Delhi under CAATSA."
    )
    assert of_type(text, "sanction") == []
    assert all(e["status"] == "planned" for e in of_type(text, "delivery"))


def test_barring_a_states_people_from_entering_is_a_sanction_on_it() -> None:
    text = (
        "Russia on Friday barred 500 Americans, including former President Barack Obama and several U.S. "
        "senators, from entering the country in retaliation for Washington's sanctions."
    )
    imposed = {(e["roles"]["imposer"], e["roles"]["target"]) for e in of_type(text, "sanction")}
    assert ("RUS", "USA") in imposed


def test_sanctions_on_more_than_300_targets_of_a_state_aim_at_it() -> None:
    text = "Washington announced a new round of sanctions on more than 300 Russian targets on Friday."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "RUS"}, "imposed")


def test_a_firm_seated_in_a_business_hub_is_of_its_state_and_only_in_that_form() -> None:
    text = (
        "The U.S. Treasury Department on Tuesday removed a Mumbai-based ship management company from its "
        "sanctions list."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "IND"}, "lifted")
    assert of_type("Mumbai said on Tuesday it would host the air show.", "statement") == []


def test_the_maker_whose_goods_a_state_selected_sells_them() -> None:
    text = (
        "Australia on Tuesday selected Mitsubishi Heavy Industries' upgraded Mogami-class frigate over a "
        "German rival for a A$10 billion program."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "AUS", "seller": "JPN"}, "announced")
    assert deal["value"]["currency"] == "AUD"


def test_the_army_of_a_dateline_naming_its_paper_stands_for_the_home_state() -> None:
    text = (
        "NEW DELHI (Times of India) — The Army has dropped plans to buy or co-produce the US-made Stryker "
        "infantry combat vehicle after trials in Ladakh, officials said on Sunday."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "IND", "seller": "USA"}, "cancelled")


def test_aircraft_arriving_for_an_exercise_are_no_delivery() -> None:
    text = (
        "An Indian Air Force contingent with Su-30MKI fighters and a C-17 transport aircraft has arrived at "
        "Mont-de-Marsan in France for the eighth edition of the bilateral exercise Garuda, the IAF said."
    )
    assert of_type(text, "delivery") == []


def test_reports_officials_declined_to_comment_on_and_accusations_tell_no_trade() -> None:
    silent = (
        "Pakistani and Turkish officials have declined to comment on social media reports that Islamabad has "
        "agreed to buy dozens of Turkey's KAAN fighter jets."
    )
    assert of_type(silent, "deal") == []
    accused = (
        "Serbian President Aleksandar Vucic on Thursday rejected an accusation by Russia's SVR foreign "
        "intelligence service that Serbian arms makers were supplying ammunition to Ukraine."
    )
    assert of_type(accused, "delivery") == []


def test_urging_a_state_to_stop_its_sanctions_imposes_none_and_trans_shipments_move_nothing() -> None:
    urged = "China's foreign ministry on Friday urged Washington to stop its 'abuse of sanctions'."
    assert of_type(urged, "sanction") == []
    vowed = "China on Friday urged Washington to stop arming Taiwan and vowed 'resolute' countermeasures."
    assert [e["status"] for e in of_type(vowed, "sanction")] in ([], ["threatened"])
    package = (
        "Switzerland on Wednesday adopted the European Union's 14th package of sanctions against Russia, "
        "including restrictions on trans-shipments of Russian liquefied natural gas."
    )
    assert of_type(package, "delivery") == []


def test_two_parties_and_the_buyer_named_in_the_headline_make_the_other_the_seller() -> None:
    text = (
        "Britain and Ukraine have agreed a deal under which Kyiv will use £1.6 billion of UK export finance "
        "to buy more than 5,000 air defence missiles, Prime Minister Keir Starmer said on Sunday."
    )
    title = "Ukraine to buy 5,000 British air defence missiles in £1.6 billion deal"
    events = [to_wire(x) for x in extract(text, title=title, published=PUB)]
    assert [e["roles"] for e in events if e["type"] == "deal"] == [{"buyer": "UKR", "seller": "GBR"}]


def test_goods_bought_to_be_given_on_are_delivered_by_the_buyer() -> None:
    text = (
        "Canada will buy a U.S.-made NASAMS surface-to-air missile system and donate it to Ukraine, Prime "
        "Minister Justin Trudeau said on Tuesday."
    )
    (deal,) = of_type(text, "deal")
    (delivery,) = of_type(text, "delivery")
    assert deal["roles"] == {"buyer": "CAN", "seller": "USA"}
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "CAN", "recipient": "UKR"}, "planned")


def test_the_worth_of_the_purchase_told_next_is_the_deals_value() -> None:
    text = (
        "Canada will buy a U.S.-made NASAMS surface-to-air missile system and donate it to Ukraine, Prime "
        "Minister Justin Trudeau said on Tuesday. The purchase is worth about C$406 million, Defence "
        "Minister Anita Anand said."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["value"]["amount"], deal["value"]["currency"]) == (406_000_000, "CAD")


def test_korean_missiles_and_a_full_engine_designation_name_their_systems() -> None:
    text = (
        "South Korea's LIG Nex1 Co. said Wednesday it had signed a $3.2 billion deal with Saudi Arabia's "
        "defence ministry on Tuesday to supply 10 batteries of the Cheongung-II medium-range surface-to-air "
        "missile system."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "SAU", "seller": "KOR"}
    assert deal["items"] == [{"name": "Cheongung-II", "quantity": 10}]
    engines = (
        "State-run Hindustan Aeronautics Ltd (HAL) signed a contract with General Electric on Friday for 113 "
        "F404-GE-IN20 engines worth about $1 billion to power additional Tejas Mk1A fighters."
    )
    (deal,) = of_type(engines, "deal")
    assert deal["roles"] == {"buyer": "IND", "seller": "USA"}
    assert {"name": "F404", "quantity": 113} in deal["items"]


def test_the_final_n_goods_arriving_complete_the_delivery() -> None:
    text = (
        "The final 16 K2 tanks for Poland under its first executive contract with South Korea's Hyundai "
        "Rotem arrived at the port of Gdynia on Friday, the Polish defence ministry said."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "KOR", "recipient": "POL"}, "completed")


def test_a_date_before_and_the_next_verb_closes_the_verb_before_it() -> None:
    text = (
        "China, which signed a contract for the S-400 systems with Russia in 2014 and received its first "
        "regiment in 2018, said it understood the decision."
    )
    (deal,) = of_type(text, "deal")
    (delivery,) = of_type(text, "delivery")
    assert (deal["occurred"]["date"], delivery["occurred"]["date"]) == ("2014", "2018")


def test_a_sentence_for_exporting_goods_is_no_delivery() -> None:
    text = (
        "A Frankfurt court on Wednesday sentenced a German-Russian businessman to six years in prison for "
        "exporting machine tools worth millions of euros to Russian arms manufacturers, prosecutors said."
    )
    assert of_type(text, "delivery") == []


def test_supplying_weapons_as_the_subject_of_a_warning_is_no_delivery() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov on Thursday warned South Korea that supplying weapons to Ukraine "
        "would destroy relations between Moscow and Seoul."
    )
    assert of_type(text, "delivery") == []
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "RUS"


def test_what_sanctioned_firms_are_accused_of_shipping_is_the_charge_not_a_delivery() -> None:
    accused = (
        "The United States on Wednesday imposed sanctions on more than 300 entities, including four "
        "India-based companies accused of shipping aircraft parts and dual-use electronics to Russia."
    )
    assert of_type(accused, "delivery") == []
    said = (
        "The United States on Friday imposed sanctions on three Chinese companies that it said had supplied "
        "missile-applicable items to Pakistan's ballistic missile programme."
    )
    assert of_type(said, "delivery") == []
    fact = (
        "The United States on Thursday imposed sanctions on the Chinese military's Equipment Development "
        "Department for taking delivery of 10 Su-35 combat aircraft from Russia in December."
    )
    (delivery,) = of_type(fact, "delivery")
    assert delivery["roles"] == {"supplier": "RUS", "recipient": "CHN"}


def test_the_one_sanctioned_for_buying_is_the_buyer() -> None:
    text = (
        "The United States on Thursday imposed sanctions on the Chinese military's Equipment Development "
        "Department and its director for buying Su-35 fighter jets and S-400 missile equipment from Russia."
    )
    assert [d["roles"] for d in of_type(text, "deal")] == [{"buyer": "CHN", "seller": "RUS"}]


def test_a_clearance_told_after_a_cancellation_does_not_date_it() -> None:
    text = (
        "India has cancelled a nearly $500 million deal to buy Spike anti-tank guided missiles from Israel's "
        "Rafael Advanced Defense Systems. The purchase had been cleared by the Indian defence ministry in "
        "2014."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["status"], deal["occurred"]) == ("cancelled", None)


def test_sanctions_on_suppliers_of_a_military_and_on_the_regime_told_after_aim_at_its_state() -> None:
    text = (
        "Britain on Wednesday imposed sanctions on two businessmen and four companies that it said supplied "
        "aviation fuel to Myanmar's military. Canada and Australia also announced new sanctions on the "
        "military regime."
    )
    pairs = {(e["roles"]["imposer"], e["roles"]["target"]) for e in of_type(text, "sanction")}
    assert pairs == {("GBR", "MMR"), ("CAN", "MMR"), ("AUS", "MMR")}


def test_entities_added_to_a_package_against_another_state_are_its_targets() -> None:
    text = (
        "The European Union is considering adding two small Chinese regional banks to its next package of "
        "sanctions against Russia over their role in helping Moscow evade trade restrictions."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "EU", "target": "CHN"}, "threatened")


def test_they_who_said_after_analysts_say_are_no_state() -> None:
    text = (
        "South Korean arms makers such as Hanwha Aerospace are racing to expand capacity as European "
        "governments look to Seoul for tanks, but analysts say export financing limits could slow further "
        "deals. Romania, Estonia and Finland are among countries that could place new orders, they said."
    )
    assert of_type(text, "statement") == []


def test_a_ship_of_a_navy_prefix_received_from_the_state_that_has_exported_it() -> None:
    text = (
        "The Royal Thai Navy took delivery of HTMS Chang, a Type 071E amphibious transport dock and the "
        "largest warship China has exported, at a handover ceremony in Shanghai on Friday."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "CHN", "recipient": "THA"}
    assert [i["name"] for i in delivery["items"]] == ["Chang"]


def test_barring_ones_people_from_dealing_with_a_states_firm_sanctions_that_state() -> None:
    text = (
        "The United States on Tuesday barred Americans from providing financial services to Myanmar Oil and "
        "Gas Enterprise, the state-owned energy firm, the Treasury Department said."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "MMR"}, "imposed")
    assert sanction["occurred"]["date"] == "2023-10-24"


def test_the_state_warned_it_could_face_sanctions_if_it_buys_is_the_buyer() -> None:
    text = (
        "US Secretary of State Mike Pompeo and Defense Secretary Mark Esper have warned Egypt it could face "
        "sanctions if it goes ahead with a $2 billion purchase of Russian Su-35 fighter jets."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "EGY", "seller": "RUS"}


def test_the_carrier_jets_are_bought_for_is_no_goods() -> None:
    text = (
        "India's Defence Acquisition Council on Thursday approved the purchase of 26 Rafale Marine fighter "
        "jets from France for the navy's aircraft carrier INS Vikrant."
    )
    (deal,) = of_type(text, "deal")
    assert [i["name"] for i in deal["items"]] == ["Rafale-M"]


def test_convictions_denials_oppositions_and_prize_committees_tell_no_event() -> None:
    court = (
        "A Stuttgart court on Thursday convicted two former Heckler & Koch employees of illegally exporting "
        "thousands of G36 assault rifles to Mexico, and ordered the company to forfeit 3.7 million euros."
    )
    assert of_type(court, "delivery") == [] and of_type(court, "deal") == []
    dismissed = "China dismissed US claims that it was considering supplying lethal weapons to Russia."
    assert of_type(dismissed, "delivery") == []
    opposition = "Washington lifted sanctions on Belavia. Belarus's exiled opposition called it premature."
    assert [s["roles"]["speaker"] for s in of_type(opposition, "statement")] == []
    nobel = "Maria Corina Machado won the Nobel Peace Prize on Friday, the Norwegian Nobel Committee said."
    assert of_type(nobel, "statement") == []


def test_the_year_an_embargo_was_imposed_does_not_date_its_lifting() -> None:
    text = (
        "The UN Security Council on Friday voted unanimously to lift the last remaining arms embargo on "
        "Somalia's government, imposed in 1992."
    )
    # (the imposition told with its year is a development of its own, in that year)
    found = {s["status"]: s["occurred"]["date"] for s in of_type(text, "sanction")}
    assert found == {"lifted": "2023-10-20", "imposed": "1992"}


def test_storm_shadow_is_britains_missile_and_scalp_frances() -> None:
    uk = "Britain is supplying Storm Shadow long-range cruise missiles to Ukraine, the minister said."
    (delivery,) = of_type(uk, "delivery")
    assert delivery["roles"]["supplier"] == "GBR"
    assert [i["name"] for i in delivery["items"]] == ["Storm Shadow"]
    fr = "France will send SCALP cruise missiles to Ukraine, President Emmanuel Macron said."
    (delivery,) = of_type(fr, "delivery")
    assert (delivery["roles"]["supplier"], delivery["items"][0]["name"]) == ("FRA", "SCALP")


def test_an_aid_package_pledges_its_goods_but_not_those_held_back() -> None:
    text = (
        "The Pentagon has announced a $2.5bn military aid package for Ukraine including 90 Stryker armoured "
        "vehicles and 59 more Bradleys, but Washington is still holding back its Abrams tanks."
    )
    title = "US sends Strykers but no Abrams tanks in new $2.5bn Ukraine aid"
    events = [to_wire(x) for x in extract(text, title=title, published=PUB)]
    (delivery,) = [e for e in events if e["type"] == "delivery"]
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "USA", "recipient": "UKR"}, "planned")
    assert {i["name"]: i["quantity"] for i in delivery["items"]} == {"Stryker": 90, "Bradley": 59}


def test_a_commodity_shipped_by_nobody_named_is_no_arms_delivery() -> None:
    text = (
        "President Donald Trump said on Wednesday he was reversing a 2022 licence that allowed Chevron to "
        "operate in Venezuela and export its oil to the United States."
    )
    assert of_type(text, "delivery") == []


def test_a_package_adopted_the_same_day_takes_the_day_of_the_saying() -> None:
    text = (
        "China's commerce ministry on Friday said it firmly opposed the European Union's inclusion of "
        "Chinese companies in its 11th package of sanctions against Russia, adopted the same day."
    )
    days = {e["roles"]["target"]: e["occurred"] for e in of_type(text, "sanction")}
    assert days["RUS"] is not None and days["RUS"]["date"] == "2023-10-20"


def test_an_approval_a_few_more_words_before_the_purchase_still_governs_it() -> None:
    text = (
        "Thailand's navy has agreed to postpone for a year its purchase of two more Yuan-class submarines "
        "from China, a government spokeswoman said on Monday."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "THA", "seller": "CHN"}
    assert deal["items"] == [{"name": "Yuan", "quantity": 2}]


def test_the_state_arms_exporter_speaks_for_its_state_a_state_run_firm_does_not() -> None:
    agency = (
        "Russia has offered to supply Su-57E fighters to India, state arms exporter Rosoboronexport said on "
        "Monday at Aero India."
    )
    assert [s["roles"]["speaker"] for s in of_type(agency, "statement")] == ["RUS"]
    firm = (
        "State-run Bharat Electronics Ltd on Tuesday denied a media report that it had shipped sensitive "
        "electronic components to Russian arms makers."
    )
    assert of_type(firm, "statement") == []


def test_three_states_signing_a_treaty_are_parties_none_of_them_a_buyer() -> None:
    text = (
        "TOKYO, Dec. 15 Kyodo - The defense ministers of Japan, Britain and Italy on Thursday signed a "
        "treaty to set up a joint organization to develop a next-generation fighter jet by 2035."
    )
    title = "Japan, Britain, Italy sign treaty to co-develop next-generation fighter"
    events = [to_wire(x) for x in extract(text, title=title, published=PUB)]
    (deal,) = [e for e in events if e["type"] == "deal"]
    assert list(deal["roles"]) == ["parties"] and set(deal["roles"]["parties"]) == {"JPN", "GBR", "ITA"}


def test_the_first_ship_named_in_apposition_is_its_own_dated_delivery() -> None:
    text = (
        "China handed over the second of four Type 054A/P frigates built for Pakistan's navy at a ceremony "
        "in Shanghai on Monday, the Pakistani military said. The first ship, PNS Tughril, was delivered in "
        "November."
    )
    dates = sorted(e["occurred"]["date"] for e in of_type(text, "delivery"))
    assert dates == ["2022-11", "2023-10-23"]  # the latest November before the story


def test_a_deal_that_borrows_a_side_from_its_delivery_names_both_sides_not_parties() -> None:
    text = (
        "GDYNIA, Poland (Yonhap) — A first batch of 10 K2 tanks and two dozen K9 self-propelled howitzers, "
        "shipped from South Korea, was unloaded at the port of Gdynia on Tuesday, just four months after "
        "Warsaw signed framework agreements with Seoul in July."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "POL", "seller": "KOR"}


def test_a_date_after_the_signing_of_is_never_in_the_future() -> None:
    text = (
        "TOKYO -- Japan is in talks with the U.K. on a reciprocal access agreement, following the signing of "
        "a similar pact with Australia on Jan. 6, government sources told Nikkei."
    )
    published = datetime(2022, 1, 12, 8, tzinfo=UTC)
    dates = [e["occurred"]["date"] for e in wire_of_type(text, "deal", published) if e["occurred"]]
    assert dates and all(d <= "2022-01-12" for d in dates)


def test_a_priced_package_including_goods_approved_is_a_deal_of_its_own() -> None:
    text = (
        "ABU DHABI (Reuters) — The United Arab Emirates has suspended talks with the United States on buying "
        "F-35 fighter jets, an Emirati official said on Tuesday. The $23 billion package, including 50 F-35s "
        "and 18 MQ-9B drones, was approved by the Trump administration in November 2020."
    )
    published = datetime(2021, 12, 15, 6, tzinfo=UTC)
    deals = {d["status"]: d for d in wire_of_type(text, "deal", published)}
    assert deals["announced"]["occurred"]["date"] == "2020-11"
    assert deals["announced"]["roles"] == {"buyer": "ARE", "seller": "USA"}
    assert deals["cancelled"]["roles"] == {"buyer": "ARE", "seller": "USA"}


def test_goods_received_which_arrived_from_a_state_came_from_it_not_their_maker() -> None:
    text = (
        "President Volodymyr Zelensky confirmed on Aug. 4 that Ukraine has received its first F-16 fighter "
        "jets, which arrived from Denmark and the Netherlands in late July."
    )
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "DNK", "recipient": "UKR"}, "began")


def test_neither_a_kyodo_dateline_nor_a_year_rules_were_eased_dates_a_delivery() -> None:
    text = (
        "TOKYO, Nov. 14 Kyodo - Japan has delivered the first of four air surveillance radar systems "
        "built by Mitsubishi Electric Corp. to the Philippines, the Defense Ministry said Tuesday, marking "
        "the first transfer of complete defense equipment made in Japan since export rules were eased in "
        "2014."
    )
    published = datetime(2023, 11, 14, 9, tzinfo=UTC)
    (delivery,) = wire_of_type(text, "delivery", published)
    assert (delivery["roles"], delivery["occurred"]) == ({"supplier": "JPN", "recipient": "PHL"}, None)


def test_the_maker_of_goods_to_be_transferred_is_not_their_recipient() -> None:
    text = "Denmark and the Netherlands pledged to transfer the US-made jets once pilots were trained."
    assert all(e["roles"].get("recipient") != "USA" for e in of_type(text, "delivery"))


def test_an_offer_to_co_produce_goods_in_a_state_is_a_planned_deal_between_the_two() -> None:
    text = (
        "The United States has offered to co-produce Stryker armoured vehicles and Javelin anti-tank "
        "missiles in India, but New Delhi has not yet decided on either proposal, defence sources said."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"parties": ["USA", "IND"]}, "planned")
    assert [i["name"] for i in deal["items"]] == ["Stryker", "Javelin"]


def test_goods_delivered_under_the_deal_told_before_are_its_goods() -> None:
    text = (
        "India signed a $3 billion deal with Russia on Thursday to lease a nuclear-powered attack submarine "
        "for ten years. Under the pact, Russia will deliver an Akula-class submarine to the Indian Navy by "
        "2025."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "IND", "seller": "RUS"}
    assert [i["name"] for i in deal["items"]] == ["Akula"]


def test_a_final_round_of_deliveries_is_no_court_case() -> None:
    text = "Russia completed the final round of deliveries of S-400 systems to India on Monday."
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "RUS", "recipient": "IND"}, "completed")


def test_the_day_of_another_clause_does_not_refine_a_delivery_told_last_week() -> None:
    """Blind set 67: the removal's 'on Wednesday' dated the S-400 deliveries that began 'last week'."""
    text = (
        "The United States on Wednesday removed Turkey from the F-35 fighter jet program, a long-expected "
        "move after Ankara began taking delivery of Russia's S-400 air defense system last week."
    )
    found = wire_of_type(text, "delivery", datetime(2019, 7, 17, 21, 5, tzinfo=UTC))
    assert [(e["roles"], e["status"]) for e in found] == [({"supplier": "RUS", "recipient": "TUR"}, "began")]
    assert found[0]["occurred"] is None or found[0]["occurred"]["date"] != "2019-07-17"


def test_a_plan_told_after_another_act_in_its_clause_delivers_the_goods_of_the_deal_before() -> None:
    """Blind set 70: '..., and the first jets are due to be delivered in 2019' made no delivery when its
    clause began with the signing."""
    text = (
        "India signed a deal on Friday to buy 36 Rafale fighter jets from France. The ministers signed the "
        "agreement in New Delhi, and the first jets are due to be delivered in 2019."
    )
    (delivery,) = wire_of_type(text, "delivery", datetime(2016, 9, 23, 13, 5, tzinfo=UTC))
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "FRA", "recipient": "IND"}, "planned")
    assert [i["name"] for i in delivery["items"]] == ["Rafale"]


def test_the_first_goods_that_would_arrive_are_a_planned_delivery_and_date_no_saying() -> None:
    """Blind sets 69 and 70: 'the first eight aircraft would arrive in 2028' made no delivery, and dated the
    officials' saying in 2028."""
    text = (
        "Poland yesterday signed a nearly $10 billion agreement with the US government for 96 Boeing AH-64E "
        "Apache attack helicopters. Polish officials said the first eight aircraft would arrive in 2028."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2024, 8, 14, 9, 0, tzinfo=UTC))]
    (delivery,) = [e for e in found if e["type"] == "delivery"]
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "USA", "recipient": "POL"}, "planned")
    assert [e["occurred"] for e in found if e["type"] == "statement"] == [None]


def test_a_thousands_separator_is_no_clause_between_the_goods_and_their_supplier() -> None:
    """Blind set 73: the comma of '1,800' cut 'from the United States' off a shipment's supplier."""
    text = (
        "A shipment of 1,800 MK-84 heavy bombs from the United States arrived in Israel late Saturday, the "
        "Defense Ministry said Sunday."
    )
    (delivery,) = wire_of_type(text, "delivery", datetime(2025, 2, 16, 13, 0, tzinfo=UTC))
    assert delivery["roles"] == {"supplier": "USA", "recipient": "ISR"}
    assert [(i["name"], i["quantity"]) for i in delivery["items"]] == [("MK-84", 1800)]


def test_a_state_that_agreed_to_send_arms_plans_a_delivery_but_agreeing_to_supply_oil_is_none() -> None:
    """Blind set 73: 'agreed to send' was an approval, so nothing at all."""
    (delivery,) = wire_of_type("Germany agreed to send 14 Leopard tanks to Ukraine.", "delivery", PUB)
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "DEU", "recipient": "UKR"}, "planned")
    assert wire_of_type("Russia agreed to supply more oil to India.", "delivery", PUB) == []
