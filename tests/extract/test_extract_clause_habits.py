"""Habits met in blind set 14: whose clause a date governs, counts of deliveries in progress, amounts
in words, contracts that exist because goods come under them, and objects that are no speakers."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract
from tracker.extract.amounts import find_money

PUB = datetime(2024, 8, 4, 15, 0, tzinfo=UTC)  # a Sunday


def of_type(text: str, etype: str, published: datetime = PUB) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, published=published)) if e["type"] == etype]


def test_a_date_after_a_participle_of_no_event_dates_its_noun_not_the_delivery() -> None:
    text = (
        "KYIV, Aug 4 (AP) - Ukraine has received its first F-16 fighter jets, supplied by Denmark and the "
        "Netherlands under a coalition formed last year to strengthen the country's air defences."
    )
    deliveries = of_type(text, "delivery")
    assert {d["roles"]["supplier"] for d in deliveries} == {"DNK", "NLD"}
    assert all(d["occurred"] is None for d in deliveries)  # 'last year' is the coalition's


def test_the_third_of_five_goes_on_and_the_second_of_two_completes() -> None:
    text = "India took delivery of the third of five S-400 squadrons from Russia in December."
    (delivery,) = of_type(text, "delivery")
    assert (delivery["status"], delivery["occurred"]["date"]) == ("ongoing", "2023-12")
    last = "Chile's navy took delivery of the second of two frigates from Australia on Friday."
    assert [d["status"] for d in of_type(last, "delivery")] == ["completed"]


def test_amounts_in_words_and_in_xinhua_style() -> None:
    (one,) = find_money("closing out a deal worth about one billion euros")
    assert (one.amount, one.currency) == (1e9, "EUR")
    (half,) = find_money("half a billion dollars")
    assert half.amount == 5e8
    (xinhua,) = find_money("a 300-million-U.S.-dollar sale")
    assert (xinhua.amount, xinhua.currency) == (3e8, "USD")
    both = find_money("signed in 2021 for two billion dollars and $5 billion more")
    assert [m.amount for m in both] == [2e9, 5e9]  # words beside figures, neither lost


def test_goods_delivered_under_a_dated_contract_make_the_contract_signed() -> None:
    text = (
        "SAO PAULO, Dec 20 (Reuters) - Brazil's air force received four more Gripen E fighter jets from "
        "Sweden's Saab yesterday, bringing to eight the number delivered under a 2014 contract for 36 "
        "aircraft worth about 39 billion Swedish crowns, the air force said."
    )
    (deal,) = of_type(text, "deal", datetime(2022, 12, 20, 13, tzinfo=UTC))
    assert deal["roles"] == {"buyer": "BRA", "seller": "SWE"}
    assert (deal["status"], deal["occurred"]["date"]) == ("signed", "2014")
    assert deal["items"][0]["quantity"] == 36
    assert deal["value"]["amount"] == 39e9


def test_the_state_after_a_verb_is_its_object_not_an_inverted_speaker() -> None:
    (denial,) = of_type("Tehran has denied arming Moscow.", "statement")
    assert denial["roles"]["speaker"] == "IRN"
    (inverted,) = of_type("The United States must stop arming Taiwan, said China.", "statement")
    assert inverted["roles"]["speaker"] == "CHN"
    (quoted,) = of_type('"The sale of F-16s to Pakistan is a mistake," said India.', "statement")
    assert quoted["roles"] == {"speaker": "IND", "about": ["PAK"]}


def test_a_decision_to_sanction_is_the_deciders_act_dated_where_another_sentence_tells_it() -> None:
    text = (
        "NEW DELHI, Nov 1 (PTI) India on Friday said it was engaging with US authorities to clarify issues "
        "arising from Washington's decision to sanction 19 Indian entities for allegedly supplying "
        "dual-use goods to Russia's military-industrial base. The US Treasury and State departments on "
        "Wednesday announced sanctions on nearly 400 companies and individuals in Russia."
    )
    published = datetime(2024, 11, 1, 12, 30, tzinfo=UTC)
    sanctions = {s["roles"]["target"]: s for s in of_type(text, "sanction", published)}
    assert sanctions["IND"]["roles"]["imposer"] == "USA"
    assert sanctions["IND"]["occurred"]["date"] == "2024-10-30"  # not the Friday of India's saying
    (said,) = of_type(text, "statement", published)
    assert said["roles"]["speaker"] == "IND"


def test_a_purchase_in_a_warning_is_the_one_warneds_and_the_user_of_goods_receives_them() -> None:
    warning = (
        "The United States has warned Egypt that a $2 billion purchase of Russian Sukhoi Su-35 fighter "
        "jets could trigger U.S. sanctions."
    )
    (deal,) = of_type(warning, "deal")
    assert deal["roles"] == {"buyer": "EGY", "seller": "RUS"}
    used = (
        "BRUSSELS, Oct 20 (Reuters) - The European Union on Thursday imposed sanctions on three Iranian "
        "officers over the supply of Shahed-136 drones that Russia has used to strike Ukrainian cities."
    )
    (delivery,) = of_type(used, "delivery")
    assert delivery["roles"] == {"supplier": "IRN", "recipient": "RUS"}  # not the dateline's EU


def test_rumours_plans_denied_and_idioms_trade_nothing() -> None:
    rumour = (
        "Reports that India is set to buy Russia's Su-57 stealth fighter are speculative, defence "
        "officials said."
    )
    assert of_type(rumour, "deal") == [] and of_type(rumour, "delivery") == []
    speculation = (
        "Satellite images have revived speculation that Russia may have begun delivering Su-35 fighter "
        "jets to Iran, though neither Moscow nor Tehran has confirmed any transfer."
    )
    assert of_type(speculation, "delivery") == []
    no_plan = "Turkey has no plan to transfer its Russian-made S-400 air defence systems to Ukraine."
    assert of_type(no_plan, "delivery") == []
    drill = (
        "The India-France naval exercise Varuna got under way on Sunday, with the French carrier "
        "Charles de Gaulle and Rafale-M jets operating alongside Indian warships."
    )
    assert of_type(drill, "delivery") == []
    home = (
        "French shipbuilder Naval Group on Friday floated out the Tourville, the third of six "
        "Suffren-class submarines ordered by France's DGA procurement agency."
    )
    assert of_type(home, "deal") == []


def test_deliveries_due_to_begin_are_planned() -> None:
    text = (
        "DOHA (Reuters) - Qatar on Sunday signed a deal worth about £5 billion to buy 24 Typhoon fighter "
        "jets from Britain's BAE Systems, with deliveries due to begin in late 2022."
    )
    (delivery,) = of_type(text, "delivery", datetime(2017, 12, 11, 6, tzinfo=UTC))
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "GBR", "recipient": "QAT"}, "planned")


def test_a_states_decision_that_could_lead_to_sanctions_exposes_that_state() -> None:
    text = (
        "India's decision to buy the S-400 missile system from Russia could lead to sanctions under the "
        "Countering America's Adversaries Through Sanctions Act, a State Department official warned."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "IND"}
    assert sanction["status"] == "threatened"


def test_firms_of_a_state_among_many_make_it_the_target_never_the_foe_of_a_war() -> None:
    text = (
        "The United States on Wednesday imposed sanctions on nearly 400 companies and individuals, "
        "including 19 Indian firms, for supplying Russia with technology used in its war against Ukraine."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "IND"}


def test_counts_over_hyphenated_and_made_in_modifiers_and_long_system_names() -> None:
    sale = "The US on Tuesday approved the possible sale of 24 multi-role MH-60R 'Romeo' helicopters to India"
    assert of_type(sale, "deal")[0]["items"][0]["quantity"] == 24
    used = "Argentina on Tuesday signed a deal to buy 24 U.S.-made F-16 fighter jets from Denmark."
    (deal,) = of_type(used, "deal")
    assert (deal["roles"], deal["items"][0]["quantity"]) == ({"buyer": "ARG", "seller": "DNK"}, 24)
    long_name = (
        "The U.S. State Department on Friday approved the potential sale to Taiwan of three National "
        "Advanced Surface-to-Air Missile Systems."
    )
    assert [(i["name"], i["quantity"]) for i in of_type(long_name, "deal")[0]["items"]] == [("NASAMS", 3)]


def test_a_sale_told_by_its_price_and_again_by_its_goods_is_one_deal() -> None:
    text = (
        "China said on Saturday it opposes a U.S. approval of a potential $2 billion arms sale to Taiwan. "
        "The U.S. State Department on Friday approved the possible sale to Taiwan of three NASAMS."
    )
    (deal,) = of_type(text, "deal")
    assert deal["value"]["amount"] == 2e9
    assert deal["items"][0]["name"] == "NASAMS"


def test_an_unconfirmed_deal_and_unfounded_reports_make_no_event() -> None:
    photos = (
        "Photos of Chinese J-10C fighters in Egyptian markings have fuelled speculation that Cairo has "
        "bought the jet, but neither the Egyptian nor the Chinese government has confirmed any deal."
    )
    assert [to_wire(e)["type"] for e in extract(photos, published=PUB)] == []
    unfounded = (
        "Reports on Russian social media channels that India has agreed to buy two squadrons of Su-57 "
        "stealth fighters are unfounded, two defence officials said."
    )
    assert of_type(unfounded, "deal") == []


def test_exports_to_a_list_of_states_are_a_record_and_the_deal_keeps_its_buyer() -> None:
    text = (
        "SEOUL (Yonhap) - Hanwha Aerospace has signed a deal to export 20 K9 self-propelled howitzers to "
        "Vietnam, industry sources said Sunday, marking the first sale of a major South Korean weapons "
        "system to the Southeast Asian country. The contract follows K9 exports to Poland, Australia and "
        "Egypt."
    )
    assert of_type(text, "delivery") == []
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "VNM", "seller": "KOR"}


def test_counts_of_a_part_and_the_buyer_an_order_is_for() -> None:
    text = (
        "The first three of the six AH-64E Apache attack helicopters ordered for the Indian Army from "
        "Boeing were delivered at the Hindon air base on Tuesday."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "USA", "recipient": "IND"}
    assert delivery["items"][0]["quantity"] == 3
    (deal,) = of_type(text, "deal")
    assert (deal["roles"]["buyer"], deal["items"][0]["quantity"]) == ("IND", 6)
    theirs = "Morocco has received the first six of their AH-64E Apache helicopters from the United States."
    assert of_type(theirs, "delivery")[0]["items"][0]["quantity"] == 6


def test_sanctions_over_a_states_programme_target_it_and_a_decider_supplies() -> None:
    over = "The US Treasury on Sunday imposed new sanctions on 11 companies over Iran's missile programme."
    (sanction,) = of_type(over, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "IRN"}
    decided = (
        "Jaishankar on Sunday questioned Washington's decision to provide a $450 million sustainment "
        "package for Pakistan's F-16 fleet."
    )
    (delivery,) = of_type(decided, "delivery")
    assert delivery["roles"] == {"supplier": "USA", "recipient": "PAK"}


def test_a_foreign_built_ship_commissioned_is_handed_over_and_a_home_built_one_is_not() -> None:
    tushil = (
        "KALININGRAD (The Hindu): INS Tushil, a multi-role stealth frigate built by Russia's Yantar "
        "shipyard, was commissioned into the Indian Navy on Monday, the first of two such frigates."
    )
    (delivery,) = of_type(tushil, "delivery", datetime(2024, 12, 10, 3, tzinfo=UTC))
    assert delivery["roles"] == {"supplier": "RUS", "recipient": "IND"}
    assert delivery["occurred"]["date"] == "2024-12-09"
    assert delivery["status"] != "completed"  # one ship of an order
    tippu = (
        "KARACHI (APP) - The Pakistan Navy on Wednesday commissioned PNS Tippu Sultan, the fourth and last "
        "Type 054A/P frigate built for it by China State Shipbuilding Corporation."
    )
    (last,) = of_type(tippu, "delivery")
    assert (last["roles"], last["status"]) == ({"supplier": "CHN", "recipient": "PAK"}, "completed")
    vikrant = (
        "KOCHI (PTI) - Prime Minister Narendra Modi on Friday commissioned INS Vikrant, India's first "
        "indigenously built aircraft carrier, constructed by Cochin Shipyard."
    )
    assert of_type(vikrant, "delivery") == []
    later = "The Russian submarine will be commissioned into the Vietnamese Navy early next year."
    assert of_type(later, "delivery") == []  # it has arrived before; entering service moves nothing


def test_thanks_questions_offices_of_the_subject_and_speakers_before_a_who_clause() -> None:
    thanks = "President Volodymyr Zelenskiy thanked Berlin for the new IRIS-T air defence systems."
    assert of_type(thanks, "statement")[0]["roles"] == {"speaker": "UKR", "about": ["DEU"]}
    its = (
        "MANILA (Reuters) - The Philippine army plans to acquire the US-made Typhon missile system, its "
        "commander said on Monday."
    )
    (said,) = of_type(its, "statement", datetime(2024, 12, 25, 2, tzinfo=UTC))
    assert (said["roles"]["speaker"], said["occurred"]["date"]) == ("PHL", "2024-12-23")
    who = (
        "President Aleksandar Vucic, who has been cautious about publicising the purchase, said on Sunday "
        "that the Chinese missiles would be displayed soon."
    )
    assert of_type(who, "statement")[0]["roles"]["speaker"] == "SRB"


def test_the_transport_planes_carrying_goods_are_no_goods_of_the_delivery() -> None:
    text = (
        "BELGRADE (AP) - Six Chinese Y-20 air force transport planes landed at Belgrade's civilian airport "
        "on Saturday carrying an HQ-22 surface-to-air missile system for Serbia."
    )
    (delivery,) = of_type(text, "delivery", datetime(2022, 4, 10, 12, tzinfo=UTC))
    assert delivery["roles"] == {"supplier": "CHN", "recipient": "SRB"}
    assert [i["name"] for i in delivery["items"]] == ["HQ-22"]


def test_the_maker_sells_whatever_for_names_later_and_an_order_received_is_bought_from_the_receiver() -> None:
    rafale = (
        "India and France on Friday signed an inter-governmental agreement for the purchase of 36 Rafale "
        "fighter jets, with a 50% offset obligation for French firms to invest in India's defence sector."
    )
    assert of_type(rafale, "deal")[0]["roles"] == {"buyer": "IND", "seller": "FRA"}
    saab = (
        "Swedish defence group Saab said on Tuesday it had received an order from the Indian Army for "
        "Carl-Gustaf M4 recoilless rifles."
    )
    assert of_type(saab, "delivery") == []
    (deal,) = of_type(saab, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "IND", "seller": "SWE"}, "signed")


def test_batches_delays_airlifts_and_the_place_of_a_war() -> None:
    batch = "India's third batch of three Rafale fighters arrived from France on Wednesday."
    assert [d["status"] for d in of_type(batch, "delivery")] == ["ongoing"]
    delayed = (
        "NEW DELHI (The Print) - Russia's delivery of the remaining two squadrons of the S-400 Triumf air "
        "defence system has been pushed to 2026-27 due to the war in Ukraine, defence sources said."
    )
    (late,) = of_type(delayed, "delivery")
    assert (late["roles"], late["status"]) == ({"supplier": "RUS", "recipient": "IND"}, "planned")
    airlift = (
        "Indian Air Force C-17 transport aircraft on Friday airlifted the first batch of BrahMos missile "
        "systems to the Philippines."
    )
    (flown,) = of_type(airlift, "delivery")
    assert flown["roles"] == {"supplier": "IND", "recipient": "PHL"}
    assert [i["name"] for i in flown["items"]] == ["BrahMos"]  # the C-17s carry them
    dismissed = (
        "India on Thursday dismissed as inaccurate and misleading a media report that artillery shells "
        "sold by Indian arms makers to European customers had been diverted to Ukraine."
    )
    assert of_type(dismissed, "deal") == [] and of_type(dismissed, "delivery") == []


def test_a_states_package_for_another_approved_in_a_relative_clause() -> None:
    text = (
        "BEIJING (Reuters) - China's foreign ministry on Saturday said it firmly opposes a US arms package "
        "for Taiwan worth nearly $2 billion, including the NASAMS air defence system, which the State "
        "Department approved on Friday."
    )
    (deal,) = of_type(text, "deal", datetime(2024, 10, 27, 2, tzinfo=UTC))
    assert deal["roles"] == {"buyer": "TWN", "seller": "USA"}
    assert (deal["status"], deal["occurred"]["date"]) == ("announced", "2024-10-25")


def test_known_sanctions_examined_and_a_reduced_relative_imposer_dated_a_day_earlier() -> None:
    examined = (
        "NEW DELHI (The Hindu) - India on Friday said it was examining the sanctions imposed by Washington "
        "on an Indian aviation company for allegedly supplying components to Russia."
    )
    published = datetime(2023, 11, 4, 5, 30, tzinfo=UTC)
    (sanction,) = of_type(examined, "sanction", published)
    assert sanction["roles"] == {"imposer": "USA", "target": "IND"}
    assert sanction["occurred"] is None  # Friday is the day of India's saying
    assert of_type(examined, "statement", published)[0]["roles"]["speaker"] == "IND"
    biased = (
        'ISLAMABAD (Dawn) — The Foreign Office on Thursday described as "unfortunate and biased" the '
        "sanctions Washington imposed a day earlier on the state-owned National Development Complex over "
        "Pakistan's ballistic missile programme."
    )
    published = datetime(2024, 12, 20, 4, tzinfo=UTC)
    (imposed,) = of_type(biased, "sanction", published)
    assert imposed["roles"] == {"imposer": "USA", "target": "PAK"}
    assert imposed["occurred"]["date"] == "2024-12-18"  # a day before Thursday
    (said,) = of_type(biased, "statement", published)
    assert (said["roles"]["speaker"], said["occurred"]["date"]) == ("PAK", "2024-12-19")


def test_a_decision_dated_before_its_infinitive() -> None:
    text = (
        "BEIJING (Xinhua) - China on Saturday lodged stern representations over Washington's decision on "
        "Thursday to sanction the Equipment Development Department of the Central Military Commission."
    )
    (sanction,) = of_type(text, "sanction", datetime(2018, 9, 23, 3, tzinfo=UTC))
    assert sanction["roles"] == {"imposer": "USA", "target": "CHN"}
    assert sanction["occurred"]["date"] == "2018-09-20"


def test_goods_each_with_a_price_of_their_own_are_deals_of_their_own() -> None:
    text = (
        "NEW DELHI (Reuters) - India on Tuesday signed deals to buy 24 MH-60R naval helicopters for $2.6 "
        "billion and six AH-64E Apache attack helicopters for $800 million from the United States."
    )
    deals = {d["items"][0]["name"]: d for d in of_type(text, "deal", datetime(2020, 2, 25, 13, tzinfo=UTC))}
    assert set(deals) == {"MH-60R", "AH-64E Apache"}
    assert (deals["MH-60R"]["items"][0]["quantity"], deals["MH-60R"]["value"]["amount"]) == (24, 2.6e9)
    assert deals["AH-64E Apache"]["value"]["amount"] == 8e8
    assert all(d["roles"] == {"buyer": "IND", "seller": "USA"} for d in deals.values())
    listed = (
        "The State Department on Tuesday approved two possible Foreign Military Sales to India: Javelin "
        "anti-tank missiles for an estimated $41.8 million, and Excalibur artillery projectiles for $47.1 "
        "million."
    )
    prices = {d["items"][0]["name"]: d["value"]["amount"] for d in of_type(listed, "deal")}
    assert prices == {"Javelin": 41.8e6, "Excalibur": 47.1e6}


def test_a_firm_of_a_named_state_shekels_and_an_order_a_state_placed() -> None:
    airbus = (
        "The defence ministry of India on Friday signed a contract with Airbus Defence and Space of Spain "
        "for 56 C-295MW transport aircraft."
    )
    assert of_type(airbus, "deal")[0]["roles"]["seller"] == "ESP"
    (nis,) = find_money("signed a NIS 11 billion deal")
    assert (nis.amount, nis.currency) == (11e9, "ILS")
    placed = (
        "The first batch of Pinaka rocket launchers has been delivered to Armenia. The launchers are part "
        "of an order of about $250 million that Armenia placed with India in 2022."
    )
    (deal,) = of_type(placed, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "ARM", "seller": "IND"}, "signed")
    assert deal["occurred"]["date"] == "2022"


def test_bans_on_shipments_restrictions_on_exports_and_the_one_facing_sanctions() -> None:
    ban = (
        "BEIJING (Nikkei Asia) -- China's commerce ministry on Tuesday banned shipments of gallium, "
        "germanium and antimony to the United States."
    )
    (banned,) = of_type(ban, "sanction", datetime(2024, 12, 4, 2, tzinfo=UTC))
    assert (banned["roles"], banned["occurred"]["date"]) == (
        {"imposer": "CHN", "target": "USA"},
        "2024-12-03",
    )
    lifted = (
        "TOKYO (Kyodo) - Japan on Thursday lifted restrictions on exports of key chipmaking materials to "
        "South Korea that it had imposed in 2019."
    )
    ended, imposed = of_type(lifted, "sanction", datetime(2023, 3, 17, 3, tzinfo=UTC))
    assert (ended["roles"], ended["status"]) == ({"imposer": "JPN", "target": "KOR"}, "lifted")
    assert ended["occurred"]["date"] == "2023-03-16"
    assert (imposed["status"], imposed["occurred"]["date"]) == ("imposed", "2019")
    facing = "Washington has yet to decide whether New Delhi should face sanctions over the S-400 purchase."
    (threat,) = of_type(facing, "sanction")
    assert (threat["roles"], threat["status"]) == ({"imposer": "USA", "target": "IND"}, "threatened")


def test_penalty_tariffs_raised_to_a_rate_and_removed_when_announced() -> None:
    raised = (
        "President Donald Trump on Wednesday signed an executive order imposing an additional 25% tariff on "
        "imports from India as a penalty for its purchases of Russian oil, lifting the total levy on many "
        "Indian goods to 50%."
    )
    (imposed,) = of_type(raised, "sanction", datetime(2025, 8, 7, 0, 30, tzinfo=UTC))
    assert (imposed["roles"], imposed["status"]) == ({"imposer": "USA", "target": "IND"}, "imposed")
    removed = (
        "WASHINGTON (PTI) - President Donald Trump on Monday announced that the United States was removing "
        "the 25% penalty tariff imposed on India over its purchases of Russian oil."
    )
    (lifted,) = of_type(removed, "sanction", datetime(2026, 2, 3, 3, 30, tzinfo=UTC))
    assert (lifted["status"], lifted["occurred"]["date"]) == ("lifted", "2026-02-02")


def test_a_buyer_named_for_the_purchase_a_waiver_only_hoped_for_and_a_former_chiefs_musing() -> None:
    pact = (
        "India and the United States on Tuesday signed agreements worth more than $3 billion for India to "
        "buy 24 MH-60R naval helicopters."
    )
    assert of_type(pact, "deal")[0]["roles"] == {"buyer": "IND", "seller": "USA"}
    unless = (
        "India's plan to buy the Russian S-400 system could expose it to US sanctions under CAATSA unless "
        "Washington grants a waiver."
    )
    assert all(s["status"] != "waived" for s in of_type(unless, "sanction"))
    former = (
        "India could consider buying additional S-400 squadrons if Russia sticks to the revised schedule, "
        "former Air Chief Marshal R.K.S. Bhadauria said at a seminar."
    )
    assert of_type(former, "deal") == []
    fresh = "The Indian Army received a fresh consignment of Russian-made Igla-S systems earlier this month."
    assert [d["status"] for d in of_type(fresh, "delivery")] == ["ongoing"]


def test_a_weekday_before_a_past_verb_lies_behind_a_planned_event() -> None:
    offer = (
        "BENGALURU (The Print) - Russia's state arms exporter Rosoboronexport on Monday offered to set up "
        "production of the Su-57E fighter in India."
    )
    dated = [to_wire(x) for x in extract(offer, published=datetime(2025, 2, 11, 3, tzinfo=UTC))]
    assert all(e["occurred"] is None or e["occurred"]["date"] <= "2025-02-11" for e in dated)


def test_a_warning_that_it_could_attract_sanctions_and_tariffs_over_purchases() -> None:
    caatsa = (
        "NEW DELHI (PTI) - India and Russia on Friday signed a $5.43 billion contract for five S-400 "
        "systems, going ahead with the purchase despite Washington's warning that it could attract "
        "sanctions under CAATSA."
    )
    (threat,) = of_type(caatsa, "sanction", datetime(2018, 10, 6, 4, 30, tzinfo=UTC))
    assert (threat["roles"], threat["status"]) == ({"imposer": "USA", "target": "IND"}, "threatened")
    tariff = (
        "Peskov said sovereign countries should choose their partners, after US President Donald Trump "
        "threatened to raise tariffs on Indian goods over New Delhi's purchases of Russian oil."
    )
    (raised,) = of_type(tariff, "sanction")
    assert (raised["roles"], raised["status"]) == ({"imposer": "USA", "target": "IND"}, "threatened")
    decided = (
        "India said on Wednesday that a U.S. decision to impose an additional 25% tariff on Indian goods "
        'over its purchases of Russian oil was "unfair, unjustified and unreasonable".'
    )
    kinds = sorted(e["type"] for e in (to_wire(x) for x in extract(decided, published=PUB)))
    assert kinds == ["sanction", "statement"]  # the saying reacts to the decision, it attributes nothing


def test_pacts_named_by_acronym_and_technology_transfer_moves_no_goods() -> None:
    pact = (
        "India and the United States on Thursday signed the Communications Compatibility and Security "
        "Agreement (COMCASA) at the first 2+2 dialogue."
    )
    (deal,) = of_type(pact, "deal")
    assert [i["name"] for i in deal["items"]] == ["COMCASA"]
    offer = (
        "Russia's state arms exporter Rosoboronexport on Monday offered to set up production of the "
        "Su-57E fighter in India with full transfer of technology."
    )
    assert of_type(offer, "delivery") == []


def test_goods_a_state_ordered_from_another_arrive_and_goods_turned_to_instead() -> None:
    kilo = (
        "HANOI, Jan. 20 (Xinhua) -- The sixth and last Kilo-class submarine that Vietnam ordered from "
        "Russia arrived at Cam Ranh Bay on Friday, completing a deal that was signed in 2009."
    )
    published = datetime(2017, 1, 21, 5, tzinfo=UTC)
    (delivery,) = of_type(kilo, "delivery", published)
    assert delivery["roles"] == {"supplier": "RUS", "recipient": "VNM"}
    assert (delivery["status"], delivery["occurred"]["date"]) == ("completed", "2017-01-20")
    assert all(d["occurred"]["date"] != "2017-01-20" for d in of_type(kilo, "deal", published))
    instead = (
        "Indonesia has abandoned plans to buy 11 Russian Su-35 fighter jets and will instead focus on "
        "acquiring French Rafales and American F-15s."
    )
    (dropped,) = of_type(instead, "deal")
    assert [i["name"] for i in dropped["items"]] == ["Su-35"]


def test_a_deal_for_the_goods_of_a_part_delivered_counts_the_whole_and_two_more_go_on() -> None:
    text = (
        "WASHINGTON, July 17 (PTI) - The U.S. Navy on Friday handed over the first two of 24 MH-60R "
        "helicopters to the Indian Navy. India signed the $2.4 billion deal for the helicopters, built "
        "by Lockheed Martin, in February last year."
    )
    (deal,) = of_type(text, "deal", datetime(2021, 7, 17, 4, tzinfo=UTC))
    assert (deal["items"][0]["name"], deal["items"][0]["quantity"]) == ("MH-60R", 24)
    more = "Brazil's air force received two more Saab Gripen E fighter jets from Sweden on Wednesday."
    assert [d["status"] for d in of_type(more, "delivery")] == ["ongoing"]


def test_pesos_are_the_datelines_countrys() -> None:
    (cop,) = find_money("a deal estimated at about 16.5 trillion pesos", None, "COL")
    assert (cop.amount, cop.currency) == (16.5e12, "COP")
    (php,) = find_money("an 18.9-billion-peso contract", None, "PHL")
    assert php.currency == "PHP"
    assert find_money("16.5 trillion pesos") == []  # whose pesos nobody says
    text = "BOGOTA (EFE) - Colombia signed a deal worth 16.5 trillion pesos to buy 17 Gripen jets from Sweden"
    assert of_type(text, "deal")[0]["value"]["currency"] == "COP"


def test_the_goods_future_the_makers_side_and_the_purchase_a_sanction_is_over() -> None:
    join = (
        "The navy version will join the 36 Rafale jets the Indian Air Force bought from France under a "
        "€7.87 billion contract signed in September 2016."
    )
    assert [d["status"] for d in of_type(join, "deal")] == ["signed"]
    talks = (
        "A French government delegation began price negotiations with India's defence ministry on Monday "
        "for the navy's planned purchase of 26 Rafale Marine fighters."
    )
    assert of_type(talks, "deal")[0]["roles"] == {"buyer": "IND", "seller": "FRA"}
    over = (
        "Under its CAATSA law, Washington can penalise countries that buy major weapons from Russia, and in "
        "September it sanctioned the equipment development department of China's military over its "
        "purchase of Su-35 fighters and S-400 systems from Moscow."
    )
    (sanction,) = of_type(over, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "CHN"}
    assert of_type(over, "deal")[0]["roles"] == {"buyer": "CHN", "seller": "RUS"}


def test_quotes_of_another_speaker_tell_nothing_of_a_later_statement() -> None:
    text = (
        "JERUSALEM (Reuters) - Israel Aerospace Industries said on Thursday it had signed contracts worth "
        'almost $2 billion with India. "This is a vote of confidence in Israeli technology," Israeli '
        "Defence Minister Avigdor Lieberman said. Pakistan's foreign office said the sale would fuel an "
        "arms race in South Asia."
    )
    pakistan = [s for s in of_type(text, "statement") if s["roles"]["speaker"] == "PAK"]
    assert pakistan and "IND" in pakistan[0]["roles"]["about"]


def test_already_sanctioned_entities_dated_before_the_reason_and_the_gulf_state() -> None:
    already = "Washington had already sanctioned Iranian entities in 2022 over drone deliveries to Moscow."
    (sanction,) = of_type(already, "sanction", datetime(2024, 9, 11, 5, tzinfo=UTC))
    assert (sanction["roles"], sanction["occurred"]["date"]) == ({"imposer": "USA", "target": "IRN"}, "2022")
    gulf = (
        "ABU DHABI (Reuters) - The United Arab Emirates has suspended talks with the United States on "
        "buying F-35 jets, an Emirati official said on Tuesday. Days earlier, on Dec. 3, the Gulf state "
        "signed a €16 billion deal to buy 80 Rafale fighters from France."
    )
    rafale = [
        d for d in of_type(gulf, "deal", datetime(2021, 12, 15, 5, tzinfo=UTC)) if d["status"] == "signed"
    ]
    assert rafale[0]["roles"] == {"buyer": "ARE", "seller": "FRA"}
    evidence = (
        "Analysts said Pyongyang may have received help from Russia, though there is no public evidence."
    )
    assert of_type(evidence, "delivery") == []


def test_halted_approvals_listings_by_put_and_talk_that_moves_nothing() -> None:
    halt = "BERLIN (Reuters) - Germany on Monday halted approvals of new arms exports to Saudi Arabia."
    assert of_type(halt, "sanction")[0]["roles"] == {"imposer": "DEU", "target": "SAU"}
    listed = (
        "BEIJING (Reuters) - China on Thursday put Lockheed Martin and a unit of Raytheon Technologies on "
        "its unreliable entity list over arms sales to Taiwan."
    )
    assert of_type(listed, "sanction")[0]["roles"] == {"imposer": "CHN", "target": "USA"}
    talk = (
        "The Kremlin said on Monday it was extremely concerned by talk of the United States supplying "
        "Tomahawk cruise missiles to Ukraine."
    )
    assert of_type(talk, "delivery") == []
    musing = (
        "Pakistan could become the first foreign customer for China's J-35 stealth fighter within a few "
        "years, defence analysts said on Tuesday."
    )
    assert of_type(musing, "delivery") == [] and of_type(musing, "deal") == []


def test_firms_of_several_states_among_the_targets_are_sanctions_on_each() -> None:
    text = (
        "The United States on Wednesday imposed sanctions on nearly 400 companies and individuals, among "
        "them 19 Indian firms and dozens of entities in mainland China, accused of helping Russia."
    )
    assert {s["roles"]["target"] for s in of_type(text, "sanction")} == {"IND", "CHN"}
    japan = (
        "Japan on Friday approved additional sanctions against Russia, freezing the assets of 11 "
        "organisations including companies based in China and the United Arab Emirates."
    )
    assert {s["roles"]["target"] for s in of_type(japan, "sanction")} == {"RUS", "CHN", "ARE"}


def test_potential_uses_refusing_to_subscribe_and_a_revoked_waiver() -> None:
    ban = (
        "China on Tuesday banned exports to the United States of gallium, germanium, antimony and other "
        "materials with potential military applications."
    )
    assert [s["status"] for s in of_type(ban, "sanction")] == ["imposed"]
    refuse = "India does not subscribe to any unilateral sanction measures, the foreign ministry said."
    assert of_type(refuse, "sanction") == []
    revoked = (
        "The revocation of the 2018 sanctions exemption for Iran's Chabahar port was announced by the State "
        "Department on Tuesday, a move that will expose Indian entities to US penalties."
    )
    assert all(s["status"] != "waived" for s in of_type(revoked, "sanction"))


def test_an_opening_official_a_reaction_to_sanctions_in_force_and_a_passive_with_firms_of_states() -> None:
    summoned = (
        "BEIJING, Sept. 22 (Xinhua) -- Vice Foreign Minister Zheng Zeguang on Saturday summoned US "
        "Ambassador Terry Branstad to lodge stern representations over Washington's sanctions on the "
        "Equipment Development Department of China's Central Military Commission, urging the US side to "
        "correct its mistake."
    )
    published = datetime(2018, 9, 22, 13, tzinfo=UTC)
    (said,) = of_type(summoned, "statement", published)
    assert (said["roles"]["speaker"], said["occurred"]["date"]) == ("CHN", "2018-09-22")
    (sanction,) = of_type(summoned, "sanction", published)
    assert (sanction["status"], sanction["occurred"]) == ("imposed", None)
    passive = (
        "More than 120 individuals and entities were sanctioned by the United States on Wednesday, among "
        "them companies in Turkey and the United Arab Emirates."
    )
    assert {(s["roles"]["imposer"], s["roles"]["target"]) for s in of_type(passive, "sanction")} == {
        ("USA", "TUR"),
        ("USA", "ARE"),
    }
    year = "Washington has blacklisted many Iranian entities since it pulled out of the 2015 nuclear deal."
    assert all(s["occurred"] is None for s in of_type(year, "sanction"))


def test_a_third_states_claim_about_others_trade_is_a_statement_and_a_second_verb_plans_nothing() -> None:
    text = (
        "LONDON (AP) - Russia has received shipments of Iranian Fath-360 close-range ballistic missiles and "
        "is likely to use them against Ukraine within weeks, US Secretary of State Antony Blinken said on "
        "Tuesday."
    )
    published = datetime(2024, 9, 10, 18, tzinfo=UTC)
    (delivery,) = of_type(text, "delivery", published)
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "IRN", "recipient": "RUS"}, "completed")
    (claim,) = of_type(text, "statement", published)
    assert claim["roles"]["speaker"] == "USA" and claim["occurred"]["date"] == "2024-09-10"
    # a side telling its own trade on a day is a statement of that day (most recent labellers count it);
    # undated, it only lends the trade its date
    own = "Russia has delivered the S-400 systems to India, Russian officials said on Tuesday."
    (said,) = of_type(own, "statement", published)
    assert (said["roles"]["speaker"], said["occurred"]["date"]) == ("RUS", "2024-09-10")
    assert of_type(own.replace(" on Tuesday", ""), "statement", published) == []


def test_sanctions_a_state_holds_on_others_and_the_sentences_further_targets() -> None:
    termed = (
        "ISLAMABAD (Dawn) - The Foreign Office on Thursday termed the latest US sanctions on the state-owned "
        "National Development Complex 'unfortunate and biased'."
    )
    (held,) = of_type(termed, "sanction")
    assert (held["roles"], held["status"]) == ({"imposer": "USA", "target": "PAK"}, "imposed")
    package = (
        "The European Union on Monday adopted a 15th package of sanctions against Russia that also targets "
        "North Korea's defence minister, as well as Chinese firms that supply drone components to Moscow."
    )
    assert {s["roles"]["target"] for s in of_type(package, "sanction")} == {"RUS", "PRK", "CHN"}


def test_a_waiver_granted_by_a_state_absurd_claims_and_any_supply_if_ever() -> None:
    granted = (
        "WASHINGTON, Nov 7 (PTI) - India has been granted an exemption by the US from certain sanctions for "
        "developing Iran's Chabahar port."
    )
    (waiver,) = of_type(granted, "sanction")
    assert (waiver["roles"], waiver["status"]) == ({"imposer": "USA", "target": "IND"}, "waived")
    absurd = "Claims that North Korea has exported weapons to Russia are absurd, Kim Yo Jong said on Friday."
    assert of_type(absurd, "delivery") == []
    anyone = (
        "Any supply of German Taurus cruise missiles to Kiev would make Berlin a direct participant in the "
        "conflict, Kremlin Spokesman Dmitry Peskov told reporters on Monday."
    )
    assert of_type(anyone, "delivery") == []


def test_the_owner_named_before_goods_supplied_by_others_receives_them() -> None:
    owned = (
        "KYIV (Reuters) - Ukraine's first F-16 fighter jets, supplied by Denmark and the Netherlands, "
        "arrived in July, President Volodymyr Zelenskiy said on Sunday."
    )
    deliveries = of_type(owned, "delivery", datetime(2024, 8, 4, 15, tzinfo=UTC))
    sides = {(d["roles"]["supplier"], d["roles"]["recipient"]) for d in deliveries}
    assert sides == {("DNK", "UKR"), ("NLD", "UKR")}
    assert {d["occurred"]["date"] for d in deliveries} == {"2024-07"}
    placed = "Armenia last month placed an order worth about Rs 6,000 crore for India's Akash missiles."
    (deal,) = of_type(placed, "deal", datetime(2023, 10, 11, 4, tzinfo=UTC))
    assert (deal["roles"], deal["occurred"]["date"]) == ({"buyer": "ARM", "seller": "IND"}, "2023-09")
    due = "HAL signed a contract with GE for 113 F404 engines, with deliveries due between 2027 and 2032."
    assert all(d["status"] == "planned" for d in of_type(due, "delivery"))


def test_warships_named_with_a_navys_prefix_the_first_of_an_order_and_a_day_after() -> None:
    kirpan = "India on Saturday handed over the missile corvette INS Kirpan to the Vietnam People's Navy."
    (gift,) = of_type(kirpan, "delivery")
    assert [i["name"] for i in gift["items"]] == ["Kirpan"]
    dornier = (
        "GEORGETOWN (PTI) - The Guyana Defence Force on Tuesday received a Dornier 228 aircraft built by "
        "Hindustan Aeronautics Limited, the first of two ordered from India earlier this year."
    )
    assert [d["status"] for d in of_type(dornier, "delivery")] == ["began"]
    after = (
        "BAKU (Anadolu) - Azerbaijan's foreign ministry on Tuesday condemned France for arming Armenia, "
        "a day after Paris and Yerevan signed contracts for three Ground Master 200 radars."
    )
    (deal,) = of_type(after, "deal", datetime(2023, 10, 25, 7, tzinfo=UTC))
    assert deal["occurred"]["date"] == "2023-10-23"


def test_news_a_state_tells_of_itself_with_a_trailing_said_is_no_statement() -> None:
    test_fire = (
        "BEIJING, Sept 25 (Xinhua) - China's Rocket Force on Wednesday test-launched an intercontinental "
        "ballistic missile into the Pacific Ocean, the defence ministry said."
    )
    assert of_type(test_fire, "statement") == []
    stance = (
        "India's external affairs ministry said yesterday that the country's defence acquisitions were "
        "guided by its national security interests."
    )
    assert [s["roles"]["speaker"] for s in of_type(stance, "statement")] == ["IND"]


def test_an_airlines_order_is_no_deal_between_states() -> None:
    text = (
        "ISTANBUL, Dec 7 (Reuters) - Turkish Airlines said on Thursday it had agreed to buy up to 355 Airbus "
        "jets, including 230 firm orders for A321neo and A350 aircraft."
    )
    assert of_type(text, "deal") == []
    tanker = "Indonesia's air force signed a contract for two Airbus A330 MRTT tanker aircraft from France."
    assert [d["roles"]["buyer"] for d in of_type(tanker, "deal")] == ["IDN"]
