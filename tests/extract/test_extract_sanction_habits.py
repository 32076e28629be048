"""Habits of sanctions news met in blind set 45: bodies, lists and visa bans, general licences and
suspensions, targets before the next sanction told, reactions to sanctions in force, and states that adopt
another's sanctions."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2024, 12, 6, 10, 0, tzinfo=UTC)  # a Friday


def of_type(text: str, etype: str, published: datetime = PUB) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, published=published)) if e["type"] == etype]


def test_ecowas_is_a_body_that_imposes_and_lifts() -> None:
    text = (
        "West Africa's regional bloc ECOWAS on Saturday lifted the bulk of the sweeping sanctions it imposed "
        "on Niger after last July's coup."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "ECOWAS", "target": "NER"}, "lifted")


def test_stop_lists_visa_restrictions_and_the_sdn_list_are_sanctions() -> None:
    stop = "Russia has added 500 US citizens, including former President Barack Obama, to its stop list."
    visas = "The U.S. State Department on Thursday imposed visa restrictions on 100 Nicaraguan officials."
    sdn = "The U.S. Treasury on Thursday added Sudan's army chief to its Specially Designated Nationals list."
    found = [
        (s["roles"]["imposer"], s["roles"]["target"])
        for t in (stop, visas, sdn)
        for s in of_type(t, "sanction")
    ]
    assert found == [("RUS", "USA"), ("USA", "NIC"), ("USA", "SDN")]


def test_a_general_licence_waives_unless_the_sanctions_are_lifted() -> None:
    eased = (
        "The United States on Wednesday temporarily eased sanctions on Venezuela's oil sector, issuing a "
        "six-month general license authorizing transactions with PDVSA."
    )
    lifted = (
        "The United States on Friday lifted key economic sanctions on Syria, with the Treasury Department "
        "issuing a general licence authorising transactions with the new government."
    )
    assert [s["status"] for s in of_type(eased, "sanction")] == ["waived"]
    assert [s["status"] for s in of_type(lifted, "sanction")] == ["lifted"]


def test_sanctions_suspended_are_relief() -> None:
    text = "The European Union on Monday suspended a raft of sanctions on Syria's energy and banking sectors."
    assert [s["status"] for s in of_type(text, "sanction")] == ["lifted"]


def test_a_sanctions_target_lies_before_the_next_sanction_told() -> None:
    text = (
        "Iran's Foreign Ministry on Wednesday announced sanctions against a number of individuals and "
        "entities in the European Union, in a reciprocal step to the EU's sanctions against Iranian "
        "officials last week."
    )
    sides = {(s["roles"]["imposer"], s["roles"]["target"]) for s in of_type(text, "sanction")}
    assert ("IRN", "EU") in sides and ("IRN", "IRN") not in sides


def test_what_a_saying_after_the_sanction_adds_tells_no_status() -> None:
    text = (
        "The Foreign Office on Thursday termed the latest US sanctions on Pakistan's ballistic missile "
        'programme "unfortunate and biased", with spokesperson Mumtaz Zahra Baloch saying they would have '
        "dangerous implications."
    )
    assert [s["status"] for s in of_type(text, "sanction")] == ["imposed"]


def test_sanctions_responded_to_are_in_force_and_the_response_is_news() -> None:
    text = (
        "India does not recognise unilateral sanctions, the Ministry of External Affairs said on Friday, "
        "responding to U.S. sanctions on 19 Indian companies accused of supplying Russia's military."
    )
    (statement,) = of_type(text, "statement")
    assert statement["roles"]["speaker"] == "IND"
    assert all(s["occurred"] is None for s in of_type(text, "sanction"))


def test_a_state_that_adopts_the_eus_sanctions_imposes_them() -> None:
    text = "Switzerland on Monday adopted the European Union's sanctions against Russia, freezing assets."
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "CHE", "target": "RUS"}


def test_the_north_in_news_of_north_korea_is_north_korea_and_its_officials_the_target() -> None:
    text = (
        "South Korea on Friday imposed unilateral sanctions on eight North Korean individuals involved in "
        "Pyongyang's missile development. Washington blacklisted three senior officials of the North's "
        "ruling Workers' Party a day earlier, the foreign ministry said."
    )
    dates = {
        (s["roles"]["imposer"], s["roles"]["target"]): s["occurred"]["date"]
        for s in of_type(text, "sanction")
    }
    assert dates == {("KOR", "PRK"): "2024-12-06", ("USA", "PRK"): "2024-12-05"}


def test_the_north_american_command_is_no_north_korea() -> None:
    text = (
        "Two Russian bombers were intercepted near Alaska on Wednesday, the North American Aerospace Defense "
        "Command said, weeks after North Korea's missile test."
    )
    speakers = [s["roles"].get("speaker") for s in of_type(text, "statement")]
    assert "PRK" not in speakers


def test_a_state_returned_to_the_terrorism_list_is_sanctioned() -> None:
    text = "President Donald Trump on Monday returned Cuba to the U.S. list of state sponsors of terrorism."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "CUB"}, "imposed")


def test_the_bloc_is_the_body_the_article_names_and_also_tells_the_same_day() -> None:
    text = (
        "West Africa's regional bloc ECOWAS on Saturday lifted the bulk of the sweeping sanctions it imposed "
        "on Niger. The bloc also lifted a travel ban on officials of Mali's junta."
    )
    found = {
        (s["roles"]["imposer"], s["roles"]["target"], s["status"], s["occurred"]["date"])
        for s in of_type(text, "sanction")
    }
    assert found == {("ECOWAS", "NER", "lifted", "2024-11-30"), ("ECOWAS", "MLI", "lifted", "2024-11-30")}


def test_the_bloc_in_news_of_the_eu_stays_the_eu() -> None:
    text = (
        "EU foreign ministers on Monday agreed new sanctions on Belarus. The bloc also imposed a travel "
        "ban on Belarusian officials."
    )
    assert {s["roles"]["imposer"] for s in of_type(text, "sanction")} == {"EU"}


def test_a_waiver_of_sanctions_waives_those_told_before() -> None:
    text = (
        "President Donald Trump on Monday signed an executive order ending the U.S. sanctions program on "
        "Syria. The State Department had already issued a 180-day waiver of sanctions under the Caesar Act "
        "in May."
    )
    found = {(s["roles"]["target"], s["status"], s["occurred"]["date"]) for s in of_type(text, "sanction")}
    assert ("SYR", "waived", "2024-05") in found


def test_a_round_of_measures_the_same_day_is_a_sanction_of_that_day_not_since_a_year() -> None:
    text = (
        "The EU on Monday formally adopted its 16th package of sanctions against Russia. The U.K. unveiled "
        "its largest round of measures since 2022 the same day."
    )
    found = {
        (s["roles"]["imposer"], s["roles"]["target"], s["occurred"]["date"])
        for s in of_type(text, "sanction")
    }
    assert found == {("EU", "RUS", "2024-12-02"), ("GBR", "RUS", "2024-12-02")}


def test_a_state_urged_to_impose_sanctions_would_impose_them() -> None:
    text = (
        "Ukrainian President Volodymyr Zelenskiy on Thursday urged the European Union to impose sanctions on "
        "Russia's state nuclear company Rosatom."
    )
    assert [s["roles"]["imposer"] for s in of_type(text, "sanction")] in ([], ["EU"])


def test_the_state_whose_warning_it_is_threatens_the_buyer() -> None:
    text = (
        "India and Russia on Friday signed a USD 5.43 billion deal for five S-400 systems. The contract was "
        "signed with Rosoboronexport in spite of Washington's warning that the purchase could attract "
        "sanctions."
    )
    found = [(s["roles"], s["status"]) for s in of_type(text, "sanction")]
    assert found == [({"imposer": "USA", "target": "IND"}, "threatened")]


def test_commodities_shipped_to_nobody_named_are_no_delivery() -> None:
    text = "The measures ban the reloading of Russian LNG in EU ports for shipment to third countries."
    assert of_type(text, "delivery") == []


def test_sanctions_a_panel_monitors_are_no_act_of_the_state_that_vetoes_it() -> None:
    text = (
        "Russia on Thursday vetoed a U.N. resolution that would have extended the mandate of the panel "
        "monitoring sanctions against North Korea."
    )
    assert all(s["roles"].get("imposer") != "RUS" for s in of_type(text, "sanction"))


def test_sanctions_a_trade_risks_threaten_its_buyer() -> None:
    step = (
        "The first parts of Russia's S-400 missile defence system were delivered to an air base near Ankara "
        "on Friday, Turkey's defence ministry said, a step that could trigger US sanctions against the NATO "
        "member."
    )
    fear = (
        "The Philippines has cancelled a deal to buy 16 Mi-17 military transport helicopters from Russia "
        "because of possible US sanctions."
    )
    shelved = "Egypt shelves Russian Su-35 purchase under threat of US sanctions."
    found = [
        (s["roles"], s["status"])
        for text in (step, fear, shelved)
        for s in of_type(text, "sanction", datetime(2022, 7, 26, 8, tzinfo=UTC))
    ]
    assert found == [
        ({"imposer": "USA", "target": "TUR"}, "threatened"),
        ({"imposer": "USA", "target": "PHL"}, "threatened"),
        ({"imposer": "USA", "target": "EGY"}, "threatened"),
    ]


def test_goods_for_a_system_go_to_the_place_they_land_not_its_maker() -> None:
    text = (
        "The first shipment of parts for a Russian S-400 missile defense system landed at an air base near "
        "Ankara on Friday, Turkey's Defense Ministry said."
    )
    (delivery,) = of_type(text, "delivery", datetime(2019, 7, 12, 12, tzinfo=UTC))
    assert delivery["roles"] == {"supplier": "RUS", "recipient": "TUR"}


def test_penalties_imposed_while_waiving_others_are_sanctions_of_that_day() -> None:
    text = (
        "The Biden administration on Wednesday waived sanctions on Nord Stream 2 AG, the Gazprom subsidiary "
        "building the gas pipeline, in a gesture to Berlin, while imposing penalties on four Russian ships."
    )
    found = {s["status"]: s for s in of_type(text, "sanction", datetime(2021, 5, 19, 20, 30, tzinfo=UTC))}
    assert found["imposed"]["roles"] == {"imposer": "USA", "target": "RUS"}
    assert found["imposed"]["occurred"]["date"] == found["waived"]["occurred"]["date"] == "2021-05-19"


def test_sanctions_lifted_with_the_date_they_were_imposed_are_two_developments() -> None:
    text = (
        "West African regional bloc ECOWAS on Saturday lifted some of the toughest sanctions it imposed on "
        "Niger in July last year after a coup, including border closures."
    )
    found = {
        s["status"]: s["occurred"]["date"]
        for s in of_type(text, "sanction", datetime(2024, 2, 24, 18, tzinfo=UTC))
    }
    assert found == {"lifted": "2024-02-24", "imposed": "2023-07"}


def test_trade_stopped_or_exports_curbed_are_sanctions() -> None:
    stopped = (
        "Türkiye has stopped all export and import transactions with Israel until a permanent ceasefire is "
        "declared in Gaza."
    )
    curbed = (
        "The decision expands restrictions announced last month, when Ankara curbed exports of 54 product "
        "categories to Israel, including iron and steel."
    )
    published = datetime(2024, 5, 3, 8, tzinfo=UTC)
    (halt,) = of_type(stopped, "sanction", published)
    (curb,) = of_type(curbed, "sanction", published)
    assert (halt["roles"], halt["status"]) == ({"imposer": "TUR", "target": "ISR"}, "imposed")
    assert (curb["roles"], curb["occurred"]["date"]) == ({"imposer": "TUR", "target": "ISR"}, "2024-04")


def test_an_embargo_that_expires_is_lifted() -> None:
    text = "A UN arms embargo on Iran expired on Sunday in line with the 2015 nuclear deal."
    (sanction,) = of_type(text, "sanction", datetime(2020, 10, 18, 11, 20, tzinfo=UTC))
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "UN", "target": "IRN"}, "lifted")


def test_sanctions_reimposed_are_imposed_whatever_lifting_they_undo() -> None:
    reimposed = (
        "The US on Monday reimposed sanctions on Iran's oil, banking and shipping sectors, the last stage of "
        "restoring penalties lifted under the 2015 nuclear accord."
    )
    not_renewed = (
        "The United States on Wednesday said it would not renew a license that had broadly eased sanctions "
        "on Venezuela's oil sector, reimposing the measures."
    )
    (again,) = of_type(reimposed, "sanction", datetime(2018, 11, 5, 13, 30, tzinfo=UTC))
    (lapsed,) = of_type(not_renewed, "sanction", datetime(2024, 4, 18, 12, tzinfo=UTC))
    assert (again["status"], again["occurred"]["date"]) == ("imposed", "2018-11-05")
    assert (lapsed["status"], lapsed["occurred"]["date"]) == ("imposed", "2024-04-17")


def test_a_general_licence_on_the_way_to_a_pledged_lifting_waives() -> None:
    text = (
        "The United States on Friday issued a general license authorizing transactions involving Syria's "
        "interim government, the first concrete step toward fulfilling a pledge to lift sanctions."
    )
    (sanction,) = of_type(text, "sanction", datetime(2025, 5, 23, 20, 30, tzinfo=UTC))
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "SYR"}, "waived")


def test_special_economic_measures_against_a_state_are_sanctions() -> None:
    text = (
        "Russian President Vladimir Putin on Saturday signed a decree on special economic measures against "
        "Turkey, banning imports of certain Turkish goods."
    )
    (sanction,) = of_type(text, "sanction", datetime(2015, 11, 28, 19, 40, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "RUS", "target": "TUR"}
    assert (sanction["status"], sanction["occurred"]["date"]) == ("imposed", "2015-11-28")


def test_a_tariff_used_to_coerce_is_a_threatened_sanction() -> None:
    text = (
        "President Donald Trump announced Thursday that he would impose a 5 percent tariff on all goods "
        "coming from Mexico starting June 10, unless the country stops the flow of undocumented migrants."
    )
    (sanction,) = of_type(text, "sanction", datetime(2019, 5, 31, 12, 30, tzinfo=UTC))
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "MEX"}, "threatened")
    assert sanction["occurred"]["date"] == "2019-05-30"  # the threat's day; 'starting June 10' is to come


def test_west_african_leaders_act_as_ecowas_and_at_the_same_time_is_that_day() -> None:
    bloc = "West African leaders on Sunday closed borders with Mali and imposed economic sanctions on Mali."
    (sanction,) = of_type(bloc, "sanction", datetime(2022, 1, 9, 21, 15, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "ECOWAS", "target": "MLI"}
    same = (
        "The Biden administration on Wednesday waived sanctions on the company behind Russia's Nord Stream 2 "
        "pipeline. At the same time, the State Department imposed penalties on four Russian vessels."
    )
    found = {s["status"]: s for s in of_type(same, "sanction", datetime(2021, 5, 19, 20, tzinfo=UTC))}
    assert found["imposed"]["occurred"]["date"] == "2021-05-19"


def test_a_move_yet_to_punish_is_no_delay() -> None:
    text = (
        "The United States on Friday imposed sanctions on seven Russian oligarchs and 12 companies they own, "
        "in its most aggressive move yet to punish Moscow for what it called 'malign activity'."
    )
    (sanction,) = of_type(text, "sanction", datetime(2018, 4, 6, 17, 5, tzinfo=UTC))
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "RUS"}, "imposed")


def test_a_lifting_that_may_come_is_no_lifting() -> None:
    could = (
        "The US and Turkey could resolve their dispute over Ankara's Russian-made S-400 missile defense "
        "system and lift sanctions imposed in 2020 within months, US Ambassador Tom Barrack said Monday."
    )
    title = "US Envoy Sees Path to Lifting Turkey Sanctions Over Russian S-400"
    found = [to_wire(e) for e in extract(could, title=title, published=datetime(2025, 9, 30, 7, tzinfo=UTC))]
    assert not [e for e in found if e["type"] == "sanction"]


def test_new_sanctions_under_consideration_are_threatened_by_the_one_considering() -> None:
    text = "The United States is considering new sanctions on Iran over its supply of drones to Russia."
    found = [to_wire(e) for e in extract(text, published=datetime(2022, 10, 18, 0, 30, tzinfo=UTC))]
    (sanction,) = [e for e in found if e["type"] == "sanction"]
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "IRN"}, "threatened")
    assert [e["roles"] for e in found if e["type"] == "delivery"] == [{"supplier": "IRN", "recipient": "RUS"}]


def test_sanctions_for_supplying_a_states_programme_target_that_state_and_tell_no_delivery() -> None:
    """Blind set 67: the charge 'for supplying Iran's ballistic missile program' was a delivery from the
    imposer, and the sanction, with no state named for its targets, was lost."""
    text = (
        "The United States imposed new sanctions on Sunday on 11 companies and individuals for supplying "
        "Iran's ballistic missile program."
    )
    published = datetime(2016, 1, 17, 19, 30, tzinfo=UTC)
    assert of_type(text, "delivery", published) == []
    (sanction,) = of_type(text, "sanction", published)
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "IRN"}, "imposed")
    assert sanction["occurred"]["date"] == "2016-01-17"


def test_last_years_deal_dates_the_deal_not_the_lifting_under_it() -> None:
    """Blind set 67: 'lifted sanctions on Tehran under last year's nuclear deal' was dated 2015."""
    text = "Washington and the European Union lifted sanctions on Tehran under last year's nuclear deal."
    found = of_type(text, "sanction", datetime(2016, 1, 17, 19, 30, tzinfo=UTC))
    assert sorted(e["roles"]["imposer"] for e in found) == ["EU", "USA"]
    assert [e["occurred"] for e in found] == [None, None]


def test_an_order_signed_on_a_day_imposing_a_punitive_duty_is_a_sanction_not_a_purchase() -> None:
    """Blind set 71: 'signed an order on Aug. 6 imposing an extra 25% duty on Indian goods over New
    Delhi's Russian oil purchases' was a US purchase of Russian oil."""
    text = (
        "U.S. President Donald Trump signed an order on Aug. 6 imposing an extra 25% duty on Indian goods "
        "over New Delhi's Russian oil purchases."
    )
    published = datetime(2025, 8, 21, 16, 0, tzinfo=UTC)
    assert of_type(text, "deal", published) == []
    (sanction,) = of_type(text, "sanction", published)
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "IND"}, "imposed")
    assert sanction["occurred"]["date"] == "2025-08-06"


def test_a_tariff_on_a_states_exports_is_no_delivery() -> None:
    """Blind set 71: 'a 25% tariff on its exports to the United States' was a delivery of Russian oil."""
    text = (
        "President Donald Trump said on Wednesday that India would face a 25% tariff on its exports to the "
        "United States from Aug. 1, plus an unspecified penalty for buying Russian weapons and oil."
    )
    assert of_type(text, "delivery", datetime(2025, 7, 30, 19, 40, tzinfo=UTC)) == []
