"""Habits of wire leads met in the blind sets of the eighteenth round (b65 to b83): objections 'from' a
state that sells nothing, goods of another pair of states in the same sentence, ports where goods are
unloaded, and arrivals told after the induction ceremony."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.extract.wire import events, of_type
from tracker.extract import extract


def test_warnings_from_a_state_make_it_no_seller() -> None:
    """blind65: 'shrugging off warnings from Washington that the purchase could trigger U.S. sanctions'."""
    text = (
        "Egypt signed a $2 billion deal with Russia on Monday to buy 24 Su-35 fighter jets, ignoring "
        "warnings from Washington that the purchase could lead to sanctions."
    )
    (deal,) = of_type(text, "deal", datetime(2019, 3, 19, 10, 0, tzinfo=UTC))
    assert deal["roles"] == {"buyer": "EGY", "seller": "RUS"}


def test_a_delivery_between_other_states_lends_the_deal_no_goods() -> None:
    """blind75: the jets Islamabad bought are not the Rafales India received in the same sentence."""
    text = (
        "Pakistan's air force on Friday inducted the first batch of six Chinese-made J-10C fighter jets. "
        "Islamabad bought the multi-role jets from Beijing last year, amid tensions with India, which "
        "received its first Rafale jets in 2020."
    )
    deals = of_type(text, "deal", datetime(2022, 3, 11, 11, 50, tzinfo=UTC))
    assert [(d["roles"], [i["name"] for i in d["items"]]) for d in deals] == [
        ({"buyer": "PAK", "seller": "CHN"}, ["J-10C"])
    ]


def test_goods_unloaded_at_a_port_are_delivered() -> None:
    """blind68: 'The first 10 K2 tanks ... ordered from South Korea were unloaded in the port of Gdynia'."""
    text = (
        "The first 24 K9 howitzers ordered from South Korea were unloaded in the port of Gdynia on "
        "Tuesday, four months after Warsaw signed the contract."
    )
    (delivery,) = of_type(text, "delivery", datetime(2022, 12, 6, 15, 30, tzinfo=UTC))
    assert delivery["roles"] == {"supplier": "KOR", "recipient": "POL"}
    assert delivery["occurred"]["date"] == "2022-12-06"


def test_an_arrival_earlier_in_the_month_dates_the_goods_inducted_on_friday() -> None:
    """blind74: the jets inducted on Friday 'had landed at the base from China earlier this month'."""
    text = (
        "The Pakistan Air Force on Friday formally inducted the first batch of Chinese-built J-10C fighter "
        "jets at a ceremony at Minhas Air Base. The six aircraft had landed at the base from China earlier "
        "this month."
    )
    (delivery,) = of_type(text, "delivery", datetime(2022, 3, 11, 12, 30, tzinfo=UTC))
    assert delivery["occurred"] == {"date": "2022-03", "precision": "month", "text": "earlier this month"}


def test_a_date_before_and_began_closes_the_verb_before_it() -> None:
    """blind72: 'which signed the $2.5 billion deal with Moscow in 2017 and began taking delivery of the
    missiles in July last year': each verb has its own date."""
    text = (
        "Turkey signed a $2.5 billion deal for S-400 systems with Russia in 2017 and began taking delivery "
        "of the missiles in July last year."
    )
    found = {
        e["type"]: e["occurred"]["date"] for e in events(text, datetime(2020, 12, 14, 19, 30, tzinfo=UTC))
    }
    assert found == {"deal": "2017", "delivery": "2019-07"}


def test_goods_a_sanction_was_imposed_for_are_the_trade_told_next() -> None:
    """blind72: sanctions 'over its acquisition of Russian S-400 air defence systems', then 'Ankara, which
    signed the deal with Moscow in 2017 and began taking delivery of the missiles': the S-400, from Russia."""
    text = (
        "The United States on Monday imposed sanctions on Turkey over its acquisition of Russian S-400 air "
        "defence systems. Ankara, which signed the $2.5 billion deal with Moscow in 2017 and began taking "
        "delivery of the missiles in July last year, condemned the move."
    )
    found = events(text, datetime(2020, 12, 14, 19, 30, tzinfo=UTC))
    trades = [
        (e["type"], e["roles"], [i["name"] for i in e["items"]]) for e in found if e["type"] != "sanction"
    ]
    assert trades == [
        ("deal", {"buyer": "TUR", "seller": "RUS"}, ["S-400"]),
        ("delivery", {"supplier": "RUS", "recipient": "TUR"}, ["S-400"]),
    ]


def items_of(event: dict) -> list[tuple[str, int | None]]:
    return [(i["name"], i["quantity"]) for i in event["items"]]


def test_a_state_between_the_goods_and_its_verb_buys_them() -> None:
    """blind82: 'the first of two warships Cairo bought in June': a relative clause without 'that'."""
    text = "Italy on Wednesday handed over the first of two FREMM frigates Egypt bought in June."
    (deal,) = of_type(text, "deal", datetime(2020, 12, 24, 9, 0, tzinfo=UTC))
    assert deal["roles"]["buyer"] == "EGY"
    assert items_of(deal) == [("FREMM", 2)]


def test_the_whole_an_arrival_is_part_of_counts_the_order() -> None:
    """blind82: 'the first batch of 12 bought from the United States', 'part of an order for 13'."""
    text = (
        "Six A-29 Super Tucano light attack aircraft arrived in Nigeria on Thursday, the first batch of 12 "
        "bought from the United States under a $497 million deal approved in 2017."
    )
    found = {e["type"]: e for e in events(text, datetime(2021, 7, 23, 9, 0, tzinfo=UTC))}
    assert items_of(found["deal"]) == [("A-29 Super Tucano", 12)]
    assert items_of(found["delivery"]) == [("A-29 Super Tucano", 6)]
    assert found["delivery"]["roles"]["supplier"] == "USA"  # bought from it, whoever made them
    text = (
        "Morocco's armed forces have taken delivery of the first batch of Bayraktar TB2 armed drones from "
        "Turkey, part of an order for 13 placed in April."
    )
    (deal,) = of_type(text, "deal", datetime(2021, 9, 18, 9, 0, tzinfo=UTC))
    assert items_of(deal) == [("Bayraktar TB2", 13)]


def test_a_count_goes_over_a_type_designation() -> None:
    """blind82: 'handed over two refurbished Type 035G Ming-class submarines'."""
    text = (
        "China on Monday handed over two refurbished Type 035G Ming-class submarines to the Bangladesh Navy."
    )
    (delivery,) = of_type(text, "delivery", datetime(2016, 11, 15, 3, 0, tzinfo=UTC))
    assert items_of(delivery) == [("Ming", 2)]


def test_whose_refers_to_the_state_before_it() -> None:
    """blind82: '... against India, whose air force received French Rafale jets last year'."""
    text = (
        'Prime Minister Imran Khan said the J-10C jets would "tilt the balance" against India, whose air '
        "force received French Rafale jets last year."
    )
    (delivery,) = of_type(text, "delivery", datetime(2022, 3, 12, 7, 30, tzinfo=UTC))
    assert delivery["roles"] == {"supplier": "FRA", "recipient": "IND"}


def test_jets_flown_in_earlier_and_the_first_of_an_order_began_deliveries_then() -> None:
    """blind82: inducted on Friday, 'flown in from China earlier this month', 'the first of 25 ordered'."""
    text = (
        "Pakistan on Friday formally inducted six Chinese-built J-10C fighters into its air force. The jets, "
        "flown in from China earlier this month, are the first of 25 ordered, officials said."
    )
    (delivery,) = of_type(text, "delivery", datetime(2022, 3, 12, 7, 30, tzinfo=UTC))
    assert (delivery["status"], delivery["occurred"]["date"]) == ("began", "2022-03")


def test_saying_no_to_sending_plans_no_delivery() -> None:
    """blind80: the headline "Biden says 'no' to sending F-16 fighter jets to Ukraine"."""
    found = extract(
        "Kyiv has pressed its allies for modern warplanes.",
        title="Biden says 'no' to sending F-16 jets to Ukraine",
    )
    assert [e.type for e in found if e.type == "delivery"] == []


def test_rejecting_reports_of_a_transfer_makes_no_delivery() -> None:
    """blind80: the headline 'Iran rejects reports it sent ballistic missiles to Russia'."""
    found = extract(
        "Tehran called the reports baseless.",
        title="Iran rejects reports it sent ballistic missiles to Russia",
    )
    assert [e.type for e in found if e.type == "delivery"] == []


def test_not_considering_cancelling_a_purchase_cancels_nothing() -> None:
    """blind80: 'the ministry said it was not considering cancelling the purchase'."""
    text = (
        "Switzerland signed up for five Patriot fire units worth about 2 billion Swiss francs in 2022, and "
        "the ministry said it was not considering cancelling the purchase."
    )
    statuses = [e["status"] for e in of_type(text, "deal", datetime(2025, 7, 24, 15, 0, tzinfo=UTC))]
    assert "cancelled" not in statuses


def test_defence_agreements_covering_arms_are_sold_by_the_exporter() -> None:
    """blind78: 'The United States and Saudi Arabia ... signed a package of defence agreements ...,
    covering tanks, combat ships, missile defence systems and radar': no ships are shipped either."""
    text = (
        "The United States and Saudi Arabia on Saturday signed a package of defence agreements worth almost "
        "$110 billion, covering tanks, combat ships, missile defence systems and radar."
    )
    found = events(text, datetime(2017, 5, 20, 17, 45, tzinfo=UTC))
    assert [(e["type"], e["roles"]) for e in found] == [("deal", {"buyer": "SAU", "seller": "USA"})]


def test_interest_in_buying_plans_a_deal() -> None:
    """blind78: 'Iraq is interested in buying Russia's S-400 air defence systems'."""
    text = "Iraq is interested in buying Russia's S-400 air defence systems, its ambassador said on Thursday."
    (deal,) = of_type(text, "deal", datetime(2018, 2, 23, 10, 0, tzinfo=UTC))
    assert deal["status"] == "planned"


def test_an_order_for_a_number_of_jets_counts_the_deal() -> None:
    """blind78: 'The aircraft are part of an order for 36 jets that Iraq placed in 2011'."""
    text = (
        "Iraq took delivery of its first four F-16 fighter jets from the United States yesterday. The "
        "aircraft are part of an order for 36 jets that Iraq placed in 2011 and 2012."
    )
    (deal,) = of_type(text, "deal", datetime(2015, 7, 14, 7, 40, tzinfo=UTC))
    assert items_of(deal) == [("F-16", 36)]


def test_more_than_a_number_is_no_count() -> None:
    """blind78: 'Cairo signed a $2 billion contract with Moscow for more than 20 of the jets'."""
    text = (
        "Washington has warned Egypt that buying Russian Su-35 fighter jets could trigger sanctions. Cairo "
        "signed a $2 billion contract with Moscow for more than 20 of the jets late last year."
    )
    deals = of_type(text, "deal", datetime(2019, 11, 14, 10, 0, tzinfo=UTC))
    # the purchase warned about is the one signed: one deal, signed, of no exact count
    assert [(d["status"], d["occurred"]["date"], items_of(d)) for d in deals] == [
        ("signed", "2018", [("Su-35", None)])
    ]


def test_the_second_of_four_ships_is_one_of_them() -> None:
    """blind78: 'took delivery of INS Oz, the second of four Sa'ar 6 corvettes' (the gazetteer knows the
    class)."""
    text = (
        "The Israeli navy took delivery of INS Oz, the second of four Sa'ar 6 corvettes built by Germany's "
        "ThyssenKrupp Marine Systems, at a ceremony in Kiel on Tuesday."
    )
    (delivery,) = of_type(text, "delivery", datetime(2021, 2, 10, 11, 0, tzinfo=UTC))
    assert delivery["roles"] == {"supplier": "DEU", "recipient": "ISR"}
    assert items_of(delivery) == [("Oz", None), ("Sa'ar 6", None)]


def test_sanctioned_companies_stand_for_their_state() -> None:
    """blind77: 'lifted sanctions on aluminium giant Rusal and two other companies' (the gazetteer knows
    Rusal, Gazprombank, PDVSA, Hikvision, ... as the state's)."""
    text = "The U.S. Treasury Department on Sunday lifted sanctions on aluminium giant Rusal."
    (lifted,) = of_type(text, "sanction", datetime(2019, 1, 27, 22, 40, tzinfo=UTC))
    assert (lifted["roles"], lifted["status"]) == ({"imposer": "USA", "target": "RUS"}, "lifted")


def test_sanctions_imposed_earlier_are_an_event_of_their_own() -> None:
    """blind57, blind77: 'lifted sanctions on Rusal ... The companies were blacklisted in April', 'The
    sanctions, imposed last year over Moscow's alleged meddling, had roiled markets'."""
    for second, date in (
        ("The companies were blacklisted in April.", "2018-04"),
        ("The sanctions, imposed last year over Moscow's alleged meddling, had roiled markets.", "2018"),
    ):
        text = f"The U.S. Treasury Department on Sunday lifted sanctions on Rusal and En+ Group. {second}"
        found = of_type(text, "sanction", datetime(2019, 1, 27, 22, 40, tzinfo=UTC))
        assert [(e["status"], e["occurred"]["date"], e["roles"]["target"]) for e in found] == [
            ("lifted", "2019-01-27", "RUS"),
            ("imposed", date, "RUS"),
        ]


def test_goods_delivered_under_a_dated_contract_name_a_deal() -> None:
    """blind45: 'Russia has delivered three regiments of S-400 ... to India under the 2018 contract': the
    contract is a deal signed in 2018, and the three regiments are the delivery's count, not the order's."""
    text = (
        "Russia has delivered three regiments of S-400 Triumf air defense systems to India under the 2018 "
        "contract, the head of its arms export agency said."
    )
    (deal,) = of_type(text, "deal", datetime(2025, 9, 2, 10, 0, tzinfo=UTC))
    assert (deal["roles"], deal["status"], deal["occurred"]["date"]) == (
        {"buyer": "IND", "seller": "RUS"},
        "signed",
        "2018",
    )
    assert items_of(deal) == [("S-400", None)]


def test_a_state_sanctioned_that_vows_to_retaliate_threatens_sanctions() -> None:
    """blind77 (and nine other labellers): 'The United States on Monday imposed sanctions on Turkey's
    military procurement agency ... Ankara said it would retaliate'; a vow with no sanction on the one
    vowing ('Russia would take counter-measures after Finland joined NATO') threatens none."""
    text = (
        "The United States on Monday imposed sanctions on Turkey's military procurement agency over its "
        "purchase of Russian S-400 systems. Turkey's foreign ministry said Ankara would retaliate."
    )
    found = of_type(text, "sanction", datetime(2020, 12, 14, 19, 30, tzinfo=UTC))
    assert [(e["roles"], e["status"]) for e in found] == [
        ({"imposer": "USA", "target": "TUR"}, "imposed"),
        ({"imposer": "TUR", "target": "USA"}, "threatened"),
    ]
    text = 'The Kremlin said on Tuesday that Russia would take "counter-measures" after Finland joined NATO.'
    assert of_type(text, "sanction", datetime(2023, 4, 4, 12, 0, tzinfo=UTC)) == []


def test_a_side_saying_on_a_day_that_its_trade_happened_is_a_statement_of_that_day() -> None:
    """The recent labellers count 'Dmitry Shugaev, director of Russia's FSMTC, said on Sunday' about
    Russia's own deliveries as Russia's statement of that Sunday (17 of the 19 latest sets score higher
    so); an anonymous official's word stays no statement."""
    text = (
        "Russia has started deliveries of the S-400 air defence system to India, Dmitry Shugaev, director of "
        "Russia's Federal Service for Military-Technical Cooperation, said on Sunday."
    )
    (said,) = of_type(text, "statement", datetime(2021, 11, 15, 7, 0, tzinfo=UTC))
    assert (said["roles"]["speaker"], said["occurred"]["date"]) == ("RUS", "2021-11-14")
    text = (
        "The United States secretly sent Ukraine long-range ATACMS missiles in March, a U.S. official said "
        "on Wednesday, speaking on condition of anonymity."
    )
    assert of_type(text, "statement", datetime(2024, 4, 25, 1, 30, tzinfo=UTC)) == []


def test_a_news_site_is_no_speaker_and_the_army_speaks_for_its_state() -> None:
    """blind82: 'Moroccan news site Le Desk reported on Friday'; blind36: 'The Nigerian Army has taken
    delivery of ... tanks from Norinco ..., the army said on Friday' (Nigeria's, not China's)."""
    text = (
        "Morocco's Royal Armed Forces have taken delivery of the first batch of Bayraktar TB2 armed drones "
        "from Turkey, Moroccan news site Le Desk reported on Friday, citing military sources."
    )
    assert of_type(text, "statement", datetime(2021, 9, 18, 9, 0, tzinfo=UTC)) == []
    text = (
        "The Nigerian Army has taken delivery of its first batch of VT-4 main battle tanks from China North "
        "Industries Corporation (Norinco), the army said on Friday."
    )
    (said,) = of_type(text, "statement", datetime(2020, 4, 11, 9, 0, tzinfo=UTC))
    assert said["roles"]["speaker"] == "NGA"


def test_capitals_of_smaller_states_stand_for_them() -> None:
    """blind74: 'Harare rejected the new designations'; the gazetteer knows the capitals of the states
    pycountry names without one (Harare, Kinshasa, Montevideo, Port Moresby, ...)."""
    text = "The United States on Monday imposed sanctions on Zimbabwe's president. Harare condemned the move."
    (said,) = of_type(text, "statement", datetime(2024, 3, 5, 10, 0, tzinfo=UTC))
    assert said["roles"] == {"speaker": "ZWE", "about": ["USA"]}
    text = "Kinshasa on Tuesday condemned the sanctions imposed by Washington."
    (said,) = of_type(text, "statement", datetime(2024, 3, 5, 10, 0, tzinfo=UTC))
    assert said["roles"]["speaker"] == "COD"


def test_a_ministry_without_its_state_speaks_for_the_report_s_state() -> None:
    """blind77: 'BEIJING — ... "China firmly opposes the US overstretching the concept of national
    security," the Ministry of Commerce said in a statement.'"""
    text = (
        "BEIJING — China on Tuesday banned exports of gallium, germanium and antimony to the United States. "
        '"China firmly opposes the US overstretching the concept of national security," the Ministry of '
        "Commerce said in a statement."
    )
    (said,) = of_type(text, "statement", datetime(2024, 12, 3, 10, 0, tzinfo=UTC))
    assert said["roles"]["speaker"] == "CHN"


def test_a_second_supplier_in_the_sentence_sends_to_the_same_recipient() -> None:
    """blind69: 'BERLIN/WASHINGTON - Germany will send 14 Leopard 2 tanks to Ukraine ..., while President Joe
    Biden announced that the United States would supply 31 M1 Abrams tanks': to Ukraine, not the
    dateline's Germany."""
    text = (
        "BERLIN/WASHINGTON, Jan 25 (Reuters) - Germany will send 14 Leopard 2 tanks to Ukraine, Chancellor "
        "Olaf Scholz said on Wednesday, while President Joe Biden announced that the United States would "
        "supply 31 M1 Abrams tanks."
    )
    found = of_type(text, "delivery", datetime(2023, 1, 25, 19, 40, tzinfo=UTC))
    assert sorted((e["roles"]["supplier"], e["roles"]["recipient"]) for e in found) == [
        ("DEU", "UKR"),
        ("USA", "UKR"),
    ]


def test_what_the_sanctioned_are_said_to_have_shipped_is_no_delivery_of_the_imposer() -> None:
    """blind31, blind38, blind17: sanctions 'on ... vessels involved in brokering and shipping Iranian oil',
    'on Iran's oil, shipping and banking sectors', '..., which the Treasury Department said had shipped
    aircraft components to Russian buyers'."""
    published = datetime(2025, 2, 25, 10, 0, tzinfo=UTC)
    for text in (
        "The United States on Monday imposed sanctions on more than 30 individuals and vessels involved in "
        "brokering and shipping Iranian oil.",
        "The Trump administration on Monday reimposed sanctions on Iran's oil, shipping and banking sectors.",
        "The United States on Thursday imposed sanctions on hundreds of companies, among them Ascend "
        "Aviation India, which the Treasury Department said had shipped aircraft components to Russian "
        "buyers.",
    ):
        assert of_type(text, "delivery", published) == []


def test_an_embargo_on_a_states_government_targets_the_state() -> None:
    """blind53: 'The UN Security Council on Tuesday lifted the arms embargo on the government of the
    Central African Republic'."""
    text = (
        "The UN Security Council on Tuesday lifted the arms embargo on the government of the Central African "
        "Republic, which had been in place since 2013."
    )
    (lifted,) = of_type(text, "sanction", datetime(2024, 7, 31, 6, 30, tzinfo=UTC))
    assert (lifted["roles"], lifted["status"], lifted["occurred"]["date"]) == (
        {"imposer": "UN", "target": "CAF"},
        "lifted",
        "2024-07-30",
    )


def test_lifting_the_measures_dates_the_lifting_told_before() -> None:
    """blind67: '... hours after Washington and the European Union lifted sanctions on Tehran ... The U.S.
    and EU lifted the measures on Saturday'."""
    text = (
        "The United States imposed new sanctions on Sunday on 11 companies for supplying Iran's ballistic "
        "missile program, hours after Washington and the European Union lifted sanctions on Tehran. The U.S. "
        "and EU lifted the measures on Saturday after the U.N. nuclear watchdog confirmed the deal's terms."
    )
    found = of_type(text, "sanction", datetime(2016, 1, 17, 19, 30, tzinfo=UTC))
    lifted = {e["roles"]["imposer"]: e["occurred"]["date"] for e in found if e["status"] == "lifted"}
    assert lifted == {"USA": "2016-01-16", "EU": "2016-01-16"}


def test_a_resolution_adopted_yesterday_dates_the_sanctions_told_before() -> None:
    """blind68: 'The UN security council has unanimously approved new sanctions on North Korea ... The
    US-drafted resolution, adopted yesterday, also orders every North Korean working abroad home'."""
    text = (
        "The UN security council has unanimously approved new sanctions on North Korea that will slash its "
        "imports of refined oil products. The US-drafted resolution, adopted yesterday, also orders every "
        "North Korean working abroad to be sent home."
    )
    (imposed,) = of_type(text, "sanction", datetime(2017, 12, 23, 7, 0, tzinfo=UTC))
    assert (imposed["roles"], imposed["occurred"]["date"]) == (
        {"imposer": "UN", "target": "PRK"},
        "2017-12-22",
    )


def test_acknowledging_on_a_day_is_a_statement_of_that_day_not_the_acts() -> None:
    """blind80, blind63, blind73: 'Iran acknowledged for the first time on Saturday that it had supplied
    drones to Russia': the saying has the day, the supply was before; 'Zelenskiy appealed to Western
    partners on Saturday for ... Patriot systems' is a statement."""
    published = datetime(2022, 11, 5, 13, 40, tzinfo=UTC)
    text = "Iran acknowledged for the first time on Saturday that it had supplied drones to Russia."
    found = {e["type"]: e for e in events(text, published)}
    assert found["statement"]["occurred"]["date"] == "2022-11-05"
    assert found["delivery"]["roles"] == {"supplier": "IRN", "recipient": "RUS"}
    assert found["delivery"]["occurred"] is None
    text = (
        "President Volodymyr Zelenskiy appealed to Western partners on Saturday for at least seven more "
        "Patriot air defence systems, saying Russian missiles were outpacing Ukraine's defences."
    )
    (said,) = of_type(text, "statement", datetime(2024, 4, 20, 20, 0, tzinfo=UTC))
    assert (said["roles"]["speaker"], said["occurred"]["date"]) == ("UKR", "2024-04-20")


def test_an_embargo_on_arms_sales_to_a_state_targets_it_and_a_self_imposed_one_keeps_its_date() -> None:
    """blind82, blind61: 'Moscow lifted its (self-imposed) embargo on arms sales to Islamabad in 2014 /
    last year'."""
    for text, published in (
        (
            "Moscow lifted its long-standing embargo on arms sales to Islamabad in 2014.",
            datetime(2018, 1, 27),
        ),
        (
            "Moscow lifted its self-imposed embargo on arms sales to Pakistan last year.",
            datetime(2015, 8, 20),
        ),
    ):
        (lifted,) = of_type(text, "sanction", published.replace(tzinfo=UTC))
        assert (lifted["roles"], lifted["status"], lifted["occurred"]["date"]) == (
            {"imposer": "RUS", "target": "PAK"},
            "lifted",
            "2014",
        )


def test_goods_bought_from_a_state_come_from_it_not_from_their_maker() -> None:
    """blind82: 'The aircraft, bought from Pakistan, which co-produces the JF-17 with China, arrived in
    Nigeria in March': Pakistan supplies, though the gazetteer names China as the JF-17's maker."""
    text = (
        "The Nigerian Air Force on Thursday inducted three JF-17 Thunder multirole fighters. The aircraft, "
        "bought from Pakistan, which co-produces the JF-17 with China, arrived in Nigeria in March."
    )
    found = events(text, datetime(2021, 5, 21, 8, 0, tzinfo=UTC))
    sides = {(e["type"], e["roles"].get("seller") or e["roles"].get("supplier")) for e in found}
    assert sides == {("deal", "PAK"), ("delivery", "PAK")}
