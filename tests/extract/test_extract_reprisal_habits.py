"""Habits met in blind set 41: reprisals told as entry bans, punitive measures and countermeasures, acts
'announced' in the present perfect, the day counted back from 'The move came a day after', a cancellation
notified later, goods told arriving and then delivered, and sides a careless reading would swap."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2024, 12, 6, 10, 0, tzinfo=UTC)  # a Friday


def of_type(text: str, etype: str, published: datetime = PUB) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, published=published)) if e["type"] == etype]


def test_an_entry_ban_on_citizens_is_a_sanction_on_their_state() -> None:
    text = "Russia has permanently barred entry to 500 US citizens, including senators, the ministry said."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "RUS", "target": "USA"}, "imposed")


def test_countermeasures_a_state_decided_to_take_are_imposed() -> None:
    text = "China on Friday decided to take countermeasures against six U.S. defence firms, officials said."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "CHN", "target": "USA"}, "imposed")
    assert sanction["occurred"]["date"] == "2024-12-06"


def test_countermeasures_vowed_or_threatened_are_not_imposed() -> None:
    text = "China said it could take countermeasures against U.S. defence companies over the sale."
    assert [s["status"] for s in of_type(text, "sanction")] in ([], ["threatened"])


def test_punitive_measures_announced_are_a_sanction_and_announcing_them_no_statement() -> None:
    text = (
        "Pakistan on Thursday suspended all trade with India, a day after New Delhi announced a raft of "
        "punitive measures against Islamabad."
    )
    sides = {(s["roles"]["imposer"], s["roles"]["target"]) for s in of_type(text, "sanction")}
    assert sides == {("PAK", "IND"), ("IND", "PAK")}
    assert of_type(text, "statement") == []


def test_a_deal_announced_in_the_present_perfect_happened_on_the_day_announced() -> None:
    text = (
        "Indonesia has signed a contract with Dassault Aviation for six Rafale fighters, the French and "
        "Indonesian defence ministries announced on 10 February."
    )
    (deal,) = of_type(text, "deal", datetime(2022, 2, 11, 9, 0, tzinfo=UTC))
    assert (deal["status"], deal["occurred"]["date"]) == ("signed", "2022-02-10")


def test_a_perfect_told_before_another_acts_announcement_keeps_no_date() -> None:
    text = (
        "Iran has delivered ballistic missiles to Russia, Secretary of State Antony Blinken said on "
        "Tuesday, as Washington announced new sanctions on Iran."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "IRN", "recipient": "RUS"}
    assert delivery["occurred"] is None


def test_the_move_came_a_day_after_counts_back_from_the_act_before() -> None:
    text = (
        "South Korea on Friday imposed sanctions on 11 North Korean individuals. The move came a day after "
        "Washington sanctioned the North's hacking group Kimsuky and eight North Korean agents."
    )
    dates = {s["roles"]["imposer"]: s["occurred"]["date"] for s in of_type(text, "sanction")}
    assert dates == {"KOR": "2024-12-06", "USA": "2024-12-05"}


def test_a_cancellation_notified_later_dates_the_cancelled_deal() -> None:
    text = (
        "India has cancelled a deal worth about $500 million to buy Spike anti-tank missiles from Israel's "
        "Rafael. The ministry formally notified Rafael of the cancellation on Monday, the company said."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["status"], deal["occurred"]["date"]) == ("cancelled", "2024-12-02")


def test_goods_told_arriving_then_delivered_are_one_delivery_with_their_count() -> None:
    text = (
        "The first Leopard 2 tanks promised by Germany arrived in Ukraine on Monday. Germany has delivered "
        "18 Leopard 2A6 tanks, along with ammunition."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["occurred"]["date"] == "2024-12-02"
    assert {"name": "Leopard 2", "quantity": 18}.items() <= delivery["items"][0].items()


def test_goods_that_reached_the_country_reached_the_speakers_state() -> None:
    text = "Ukraine's defence minister said British-made Challenger 2 tanks had reached the country."
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "GBR", "recipient": "UKR"}


def test_a_pledge_to_lift_sanctions_is_a_statement_of_its_own() -> None:
    text = "President Donald Trump said Tuesday he will lift sanctions on Syria."
    (statement,) = of_type(text, "statement")
    assert statement["roles"]["speaker"] == "USA"
    assert statement["occurred"]["date"] == "2024-12-03"


def test_a_report_dismissed_tells_no_deal() -> None:
    text = (
        "Defence ministry officials on Monday dismissed a Russian media report claiming that India had "
        "agreed to buy a batch of Su-57 fighters."
    )
    assert of_type(text, "deal") == []


def test_a_sale_a_state_says_it_has_not_made_is_no_deal() -> None:
    text = "Spain says it has not sold weapons to Israel since October 2023."
    assert of_type(text, "deal") == []


def test_the_firm_signing_for_one_side_does_not_make_that_side_the_buyer() -> None:
    text = (
        "The agreement was inked during talks between Prime Minister Narendra Modi and President Vladimir "
        "Putin, with state arms exporter Rosoboronexport signing for the Russian side."
    )
    assert all(d["roles"].get("buyer") != "RUS" for d in of_type(text, "deal"))


def test_a_state_whose_order_is_scrapped_is_the_one_that_made_the_goods() -> None:
    text = (
        "France recalled its ambassador after Canberra scrapped an order for French submarines in favour of "
        "vessels built with US and British technology."
    )
    (deal,) = of_type(text, "deal")
    assert (deal["roles"], deal["status"]) == ({"buyer": "AUS", "seller": "FRA"}, "cancelled")


def test_a_decision_that_ends_a_contract_cancels_it() -> None:
    text = "Australia on Wednesday ended a 2016 contract with France's Naval Group for 12 submarines."
    found = {(d["status"], (d["occurred"] or {}).get("date")) for d in of_type(text, "deal")}
    assert found == {("cancelled", "2024-12-04"), ("signed", "2016")}  # and the year it was signed


def test_goods_a_state_sent_told_in_a_relative_clause_are_a_delivery() -> None:
    text = (
        "Poland's new K2 tanks will replace more than 200 Soviet-designed T-72 tanks that Warsaw sent to "
        "Ukraine earlier this year."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "POL", "recipient": "UKR"}
    assert delivery["occurred"]["date"] == "2024"


def test_goods_an_order_replaces_are_not_its_goods() -> None:
    text = "The tanks are the vanguard of a massive order meant to replace Soviet-designed T-72 tanks."
    assert of_type(text, "deal") == []


def test_a_decision_to_ship_goods_plans_their_delivery() -> None:
    text = "Japan on Friday decided to ship Patriot missiles made under licence to the United States."
    (delivery,) = of_type(text, "delivery")
    assert (delivery["roles"], delivery["status"]) == ({"supplier": "JPN", "recipient": "USA"}, "planned")


def test_the_day_a_sanction_was_told_dates_it_when_the_measures_are_named_after() -> None:
    text = (
        "The United States has imposed sanctions on Iranian companies that make drones. The US Treasury "
        "said on Tuesday the measures target Shahed Aviation Industries."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["occurred"]["date"] == "2024-12-03"


# Blind set 43 (India's ties with Russia, the United States and its neighbours)


def test_what_panellists_agree_or_analysts_see_is_opinion_not_news() -> None:
    panel = (
        "Panellists agreed that delays in S-400 deliveries had pushed New Delhi to buy more from France, "
        "Israel and the US."
    )
    seen = "Analysts see the transfer as a response to China's arms supplies to Yangon."
    argued = (
        "A former foreign secretary argued that the threat of CAATSA sanctions had hardened Indian opinion."
    )
    for text in (panel, seen, argued):
        assert [to_wire(e) for e in extract(text, published=PUB)] == []


def test_an_allegation_at_a_rally_tells_no_deal() -> None:
    text = (
        "Rahul Gandhi on Sunday alleged at an election rally that Prime Minister Narendra Modi had handed "
        "Rs 30,000 crore to an industrialist through the Rafale deal."
    )
    assert of_type(text, "deal") == []


def test_goods_gifted_to_a_state_are_delivered_to_it_but_a_first_gift_told_is_no_start() -> None:
    gifted = (
        "India had gifted a Dornier maritime reconnaissance aircraft to the Sri Lankan Navy in August 2022."
    )
    (delivery,) = of_type(gifted, "delivery")
    assert delivery["roles"] == {"supplier": "IND", "recipient": "LKA"}
    assert delivery["occurred"]["date"] == "2022-08"
    first = (
        "India on Saturday handed over the corvette INS Kirpan to the Vietnam People's Navy, the first "
        "fully operational warship New Delhi has gifted to a friendly foreign country."
    )
    assert [d["status"] for d in of_type(first, "delivery")] == ["completed"]


def test_approvals_for_indigenous_sourcing_buy_from_no_other_state() -> None:
    text = (
        "New Delhi, Jul 3 (PTI) The Defence Acquisition Council chaired by Defence Minister Rajnath Singh on "
        "Thursday accorded Acceptance of Necessity for 10 capital acquisition proposals worth around Rs 1.05 "
        "lakh crore, all through indigenous sourcing."
    )
    assert of_type(text, "deal") == []


def test_a_firm_that_signs_to_supply_a_state_with_goods_sells_to_it() -> None:
    text = (
        "Israel Aerospace Industries said on Thursday it had signed deals worth almost $2 billion to supply "
        "India with an advanced medium-range surface-to-air missile defence system."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "IND", "seller": "ISR"}


def test_a_diplomatic_note_sent_to_a_state_is_a_statement_to_it() -> None:
    text = (
        "Bangladesh's interim government on Monday sent a diplomatic note to India seeking the return of "
        "former prime minister Sheikh Hasina."
    )
    (statement,) = of_type(text, "statement")
    assert statement["roles"] == {"speaker": "BGD", "about": ["IND"]}
    assert statement["occurred"]["date"] == "2024-12-02"


def test_a_variant_and_its_system_are_the_same_goods_between_a_delivery_and_its_order() -> None:
    text = (
        "The Indian Army on Tuesday took delivery of the first three of six AH-64E Apache attack helicopters "
        "from the United States. The Army's Apaches were ordered from the US in February 2020."
    )
    (deal,) = of_type(text, "deal")
    assert deal["roles"] == {"buyer": "IND", "seller": "USA"}


def test_a_plan_to_buy_that_has_been_scrapped_is_cancelled() -> None:
    text = (
        "The plan to acquire 200 Ka-226T light utility helicopters from Russia, for which India and Russia "
        "signed an inter-governmental agreement in 2015, has been scrapped, defence sources said."
    )
    assert "cancelled" in [d["status"] for d in of_type(text, "deal")]


def test_a_state_named_in_spite_of_is_no_owner_of_the_firm_before_it() -> None:
    text = (
        "The contract for five S-400 systems was signed with Rosoboronexport in spite of Washington's "
        "warning that the purchase could attract sanctions under its Countering America's Adversaries "
        "Through Sanctions Act (CAATSA)."
    )
    assert [d["roles"].get("seller") for d in of_type(text, "deal")] == ["RUS"]


def test_a_tariff_on_a_states_exports_delivers_nothing() -> None:
    text = (
        "Trump on Wednesday signed an order imposing an additional 25 per cent tariff on Indian goods as a "
        "penalty for New Delhi's purchase of Russian oil, taking the total duty on most Indian exports to 50 "
        "per cent."
    )
    assert of_type(text, "delivery") == []
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "IND"}


def test_a_speaker_before_a_who_clause_speaks_a_day_earlier() -> None:
    text = (
        "Russia is ready to supply any goods India wants, Foreign Minister Sergei Lavrov said on Friday. "
        "A day earlier, US Deputy National Security Adviser Daleep Singh, who was also in the capital, had "
        'warned that there would be "consequences" for countries that circumvent the sanctions on Russia.'
    )
    said = {s["roles"]["speaker"]: s["occurred"]["date"] for s in of_type(text, "statement")}
    assert said == {"RUS": "2024-12-06", "USA": "2024-12-05"}


# Blind set 45 (sanctions in every shape)


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
