"""Habits met in blind set 43, the model case of India's ties with Russia, the United States and its
neighbours: opinion told as news, allegations, gifts, indigenous sourcing, firms that supply a state
with goods, diplomatic notes, variants of a system, scrapped plans, and days counted from the act before."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2024, 12, 6, 10, 0, tzinfo=UTC)  # a Friday


def of_type(text: str, etype: str, published: datetime = PUB) -> list[dict]:
    return [e for e in (to_wire(x) for x in extract(text, published=published)) if e["type"] == etype]


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


def test_measures_a_state_answers_were_taken_against_it_the_day_before() -> None:
    text = (
        "Pakistan on Thursday suspended all trade with India and closed its airspace to Indian airlines, a "
        "day after New Delhi downgraded diplomatic ties and put the 1960 Indus Waters Treaty in abeyance."
    )
    found = {
        (s["roles"]["imposer"], s["roles"]["target"], s["occurred"]["date"])
        for s in of_type(text, "sanction")
    }
    assert found == {("PAK", "IND", "2024-12-05"), ("IND", "PAK", "2024-12-04")}


def test_sanctions_on_firms_supplying_a_state_reacted_to_after_do_not_target_it() -> None:
    text = (
        'Pakistan on Saturday rejected the "political use of export controls" after the United States '
        "imposed sanctions on four foreign companies it accused of supplying missile-applicable items to "
        "Pakistan's ballistic missile programme."
    )
    assert all(s["roles"].get("target") != "PAK" for s in of_type(text, "sanction"))


def test_a_report_rejected_as_incorrect_tells_no_cancellation() -> None:
    text = (
        'The defence ministry on Wednesday rejected as "factually incorrect" a media report that claimed '
        "India had dropped plans to acquire 200 Ka-226T light utility helicopters from Russia."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2021, 4, 8, 5, tzinfo=UTC))]
    assert not [e for e in found if e["type"] == "deal"]


def test_an_order_a_relative_clause_dates_is_a_deal_apart_from_the_arrival() -> None:
    text = (
        "The first five of the 36 Rafale fighter jets that India ordered from France in 2016 landed at the "
        "Ambala air force station on Wednesday afternoon."
    )
    found = {
        e["type"]: e
        for e in (to_wire(x) for x in extract(text, published=datetime(2020, 7, 29, 15, tzinfo=UTC)))
    }
    assert (found["delivery"]["roles"], found["delivery"]["occurred"]["date"]) == (
        {"supplier": "FRA", "recipient": "IND"},
        "2020-07-29",
    )
    assert (found["deal"]["roles"], found["deal"]["occurred"]["date"]) == (
        {"buyer": "IND", "seller": "FRA"},
        "2016",
    )
    assert found["deal"]["items"] == [{"name": "Rafale", "quantity": 36}]


def test_of_two_states_in_talks_the_maker_of_the_goods_sells() -> None:
    text = (
        "India and Indonesia are in advanced negotiations for the sale of BrahMos supersonic cruise missiles."
    )
    (deal,) = [to_wire(e) for e in extract(text, published=datetime(2025, 1, 26, 9, tzinfo=UTC))]
    assert (deal["roles"], deal["status"]) == ({"buyer": "IDN", "seller": "IND"}, "planned")


def test_the_state_whose_sanctions_a_purchase_risks_is_not_its_buyer() -> None:
    text = "Ankara refused to back down despite the threat of U.S. sanctions for buying S-400s from Russia."
    found = [to_wire(e) for e in extract(text, published=datetime(2019, 7, 12, 10, tzinfo=UTC))]
    assert [e["roles"] for e in found if e["type"] == "deal"] == [{"buyer": "TUR", "seller": "RUS"}]


def test_the_warner_of_sanctions_a_purchase_could_trigger_imposes_them() -> None:
    text = (
        "India and Russia on Friday signed a deal worth $5.43 billion for five S-400 Triumf air defence "
        "systems, brushing aside US warnings that the purchase could trigger sanctions."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2018, 10, 5, 12, 40, tzinfo=UTC))]
    sanctions = [(e["roles"], e["status"]) for e in found if e["type"] == "sanction"]
    assert sanctions == [({"imposer": "USA", "target": "IND"}, "threatened")]


def test_sanctions_not_yet_decided_against_a_waiver_still_loom() -> None:
    text = (
        "The Biden administration has not yet decided whether to impose sanctions on India over its purchase "
        "of Russian S-400 missile systems or to grant New Delhi a waiver, a senior State Department official "
        "told a Senate hearing on Wednesday."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2022, 3, 3, 7, 45, tzinfo=UTC))]
    assert [e["status"] for e in found if e["type"] == "sanction"] == ["threatened"]


def test_the_goods_an_agreement_covers_are_the_deals_and_move_nowhere_yet() -> None:
    text = (
        "General Electric signed a memorandum of understanding on Thursday with state-run Hindustan "
        "Aeronautics Ltd to produce fighter jet engines in India. The agreement covers GE's F414 engines for "
        "HAL's Light Combat Aircraft Mk2 and still requires export authorization from the U.S. government."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2023, 6, 22, 16, 5, tzinfo=UTC))]
    assert [(e["type"], [i["name"] for i in e["items"]]) for e in found] == [("deal", ["F414"])]


def test_an_exemption_to_be_revoked_exposes_its_holders() -> None:
    text = (
        "The United States will revoke from Sept. 29 a 2018 sanctions exemption for Iran's Chabahar port, a "
        "move that could expose Indian firms operating a terminal at the port to U.S. penalties."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2025, 9, 17, 3, 20, tzinfo=UTC))]
    assert {e["status"] for e in found if e["type"] == "sanction"} == {"threatened"}


def test_a_deal_if_finalised_is_still_a_plan() -> None:
    text = (
        "Indonesia is in talks with India to buy BrahMos supersonic cruise missiles in a deal worth about "
        "$450 million. The deal, if finalised, would make Indonesia the second Southeast Asian buyer."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2025, 1, 20, 6, 15, tzinfo=UTC))]
    assert [(e["roles"], e["status"]) for e in found if e["type"] == "deal"] == [
        ({"buyer": "IDN", "seller": "IND"}, "planned")
    ]


def test_a_state_not_yet_sanctioned_under_the_same_law_is_threatened() -> None:
    text = (
        "The United States on Monday imposed sanctions on NATO ally Turkey over its acquisition of Russian "
        "S-400 air defense systems. India, which has also ordered the Russian system, has not yet been "
        "sanctioned under the same law."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2020, 12, 14, 19, 30, tzinfo=UTC))]
    threat = [e for e in found if e["type"] == "sanction" and e["status"] == "threatened"]
    assert [(e["roles"], e["occurred"]) for e in threat] == [({"imposer": "USA", "target": "IND"}, None)]


def test_sanctions_related_to_a_states_programme_target_that_state() -> None:
    text = (
        "The United States on Wednesday imposed new sanctions related to Pakistan's ballistic missile "
        "development program."
    )
    found = [to_wire(e) for e in extract(text, published=datetime(2024, 12, 19, 16, 10, tzinfo=UTC))]
    assert [e["roles"] for e in found if e["type"] == "sanction"] == [{"imposer": "USA", "target": "PAK"}]


def test_a_state_the_law_has_held_off_on_sanctioning_is_threatened() -> None:
    """Blind set 66: 'though the US has so far held off on sanctioning New Delhi' was an imposed sanction."""
    text = (
        "Experts say the move raises questions for India, which is buying five S-400 units from Moscow, "
        "though the US has so far held off on sanctioning New Delhi."
    )
    found = of_type(text, "sanction", datetime(2020, 12, 15, 5, 0, tzinfo=UTC))
    assert [(e["roles"], e["status"]) for e in found] == [({"imposer": "USA", "target": "IND"}, "threatened")]


def test_an_amount_converted_in_brackets_after_over_keeps_the_deal() -> None:
    """Blind set 66: '(over Rs 40,000 crore)' between the price and 'deal' lost the signing."""
    text = (
        "India and Russia on Friday signed a $5.43 billion (over Rs 40,000 crore) deal for five S-400 "
        "Triumf air defence systems."
    )
    found = of_type(text, "deal", datetime(2018, 10, 5, 11, 30, tzinfo=UTC))
    assert [(e["roles"], e["status"], e["occurred"]["date"]) for e in found] == [
        ({"buyer": "IND", "seller": "RUS"}, "signed", "2018-10-05")
    ]
    assert [(i["name"], i["quantity"]) for i in found[0]["items"]] == [("S-400", 5)]


def test_contracts_still_to_be_signed_sign_nothing() -> None:
    """Blind set 76: 'The sales still require contracts to be signed by New Delhi' was a signed deal."""
    text = (
        "The US State Department on Wednesday approved the possible sale of 100 Javelin missiles to India. "
        "The sales still require contracts to be signed by New Delhi."
    )
    deals = of_type(text, "deal", datetime(2025, 11, 20, 4, 45, tzinfo=UTC))
    assert [(e["roles"], e["status"]) for e in deals] == [({"buyer": "IND", "seller": "USA"}, "announced")]


def test_no_move_to_buy_and_a_possible_waiver_of_one_law_are_no_deal_and_no_waiver() -> None:
    """Blind set 76: 'No move to buy Su-57 fighters' was a planned deal, and 'a possible CAATSA waiver' a
    waiver."""
    found = [to_wire(e) for e in extract("x.", title="No move to buy Su-57 fighters, say defence sources")]
    assert [e for e in found if e["type"] == "deal"] == []
    text = (
        "The US has not made any decision on a possible CAATSA waiver for India over its purchase of the "
        "Russian S-400 missile system, State Department spokesperson Ned Price said on Tuesday."
    )
    assert "waived" not in {e["status"] for e in of_type(text, "sanction")}


def test_no_decision_yet_on_a_waiver_in_a_headline_waives_nothing() -> None:
    """Blind set 76: the headline 'No decision yet on CAATSA waiver for India, says US' was a waiver."""
    found = [to_wire(e) for e in extract("x.", title="No decision yet on CAATSA waiver for India, says US")]
    assert "waived" not in {e["status"] for e in found if e["type"] == "sanction"}


def test_a_warners_saying_that_the_purchase_could_lead_to_sanctions_threatens_the_buyer() -> None:
    """Blind set 70: 'The United States has said the purchase could lead to sanctions under its CAATSA' made
    no sanction: the saying before 'the purchase' hid the rule for it."""
    text = (
        "India signed a deal with Russia on Friday for five S-400 Triumf air defence systems. The United "
        "States has said the purchase could lead to sanctions under its Countering America's Adversaries "
        "Through Sanctions Act (CAATSA)."
    )
    found = of_type(text, "sanction", datetime(2018, 10, 6, 4, 10, tzinfo=UTC))
    assert [(e["roles"], e["status"]) for e in found] == [({"imposer": "USA", "target": "IND"}, "threatened")]
