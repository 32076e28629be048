"""Habits of wire leads met in the nineteenth round of blind sets (b78 to b91): coast guard cutters and
patrol boats handed over, reports by rights groups that a state rejects."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.extract.wire import events, of_type


def test_a_cutter_handed_over_is_a_delivery() -> None:
    """blind82: 'handed over the decommissioned Coast Guard cutter Douglas Munro to the Sri Lanka Navy'."""
    text = (
        "The United States on Tuesday handed over the decommissioned Coast Guard cutter Douglas Munro to "
        "the Sri Lanka Navy at a ceremony in Seattle."
    )
    (delivery,) = of_type(text, "delivery", datetime(2021, 10, 28, 6, 0, tzinfo=UTC))
    assert (delivery["roles"], delivery["occurred"]["date"]) == (
        {"supplier": "USA", "recipient": "LKA"},
        "2021-10-26",
    )


def test_a_report_by_others_that_a_state_rejects_delivers_nothing() -> None:
    """'rejecting a report by rights groups that Israeli-made Super Dvora patrol boats were delivered'."""
    text = (
        "Israel's defence ministry said on Wednesday that it had not approved any weapons exports to "
        "Myanmar since 2017, rejecting a report by rights groups that Israeli-made Super Dvora patrol "
        "boats were delivered to the Myanmar navy last year."
    )
    found = events(text, datetime(2022, 3, 17, 11, 0, tzinfo=UTC))
    assert [e["type"] for e in found] == ["statement"]


def test_no_count_reaches_over_a_dateline_or_brackets() -> None:
    """blind80: 'PRAGUE, May 28 (Reuters) - The first artillery shells ...' were not 28 shells, nor
    'three Thales Ground Master 200 (GM200) radars' 200 radars."""
    text = (
        "PRAGUE, May 28 (Reuters) - The first artillery shells bought under a Czech-led initiative have "
        "arrived in Ukraine, Prime Minister Petr Fiala said on Tuesday."
    )
    (delivery,) = of_type(text, "delivery", datetime(2024, 5, 28, 14, 0, tzinfo=UTC))
    assert [(i["name"], i["quantity"]) for i in delivery["items"]] == [("artillery shells", None)]
    text = (
        "Armenia and France on October 23 signed a contract for the delivery of three Thales Ground Master "
        "200 (GM200) radars."
    )
    (deal,) = of_type(text, "deal", datetime(2023, 10, 24, 9, 0, tzinfo=UTC))
    assert {i["quantity"] for i in deal["items"]} <= {3, None}
    # a name's own brackets are no break: 'The first four CH-47F(I) Chinook heavy-lift helicopters'
    text = "The first four CH-47F(I) Chinook heavy-lift helicopters for the Indian Air Force arrived Sunday."
    (delivery,) = of_type(text, "delivery", datetime(2019, 2, 11, 9, 0, tzinfo=UTC))
    assert {i["quantity"] for i in delivery["items"]} == {4}


def test_a_project_or_type_number_is_no_count() -> None:
    """blind88: 'two Project 636 Kilo-class diesel-electric submarines' are two, as 'two Type 212' are."""
    text = (
        "Russia's Admiralty Shipyards handed over two Project 636 Kilo-class diesel-electric submarines to "
        "the Algerian navy at a ceremony in St Petersburg on Saturday."
    )
    (delivery,) = of_type(text, "delivery", datetime(2019, 1, 15, 7, 40, tzinfo=UTC))
    assert [i["quantity"] for i in delivery["items"]] == [2]


def test_who_signs_to_build_for_another_sells_to_it() -> None:
    """blind90: 'Turkey signed a contract on Friday to build four MILGEM-class corvettes for the Pakistan
    Navy'."""
    text = "Turkey signed a contract on Friday to build four MILGEM-class corvettes for the Pakistan Navy."
    (deal,) = of_type(text, "deal", datetime(2018, 7, 7, 9, 0, tzinfo=UTC))
    assert (deal["roles"], deal["status"], deal["occurred"]["date"]) == (
        {"buyer": "PAK", "seller": "TUR"},
        "signed",
        "2018-07-06",
    )


def test_a_contract_won_is_for_the_state_named_first_and_a_price_names_no_aircraft() -> None:
    """blind90: 'DCNS had won the A$50 billion contract to build 12 Shortfin Barracuda submarines for
    Australia in Adelaide, beating rival bids from Germany's TKMS': Australia buys, and 'A$50' is no
    A-50 radar plane."""
    text = (
        "Prime Minister Malcolm Turnbull announced on Tuesday that France's DCNS had won the A$50 billion "
        "contract to build 12 Shortfin Barracuda submarines for Australia in Adelaide, beating rival bids "
        "from Germany's TKMS and a Japanese consortium."
    )
    (deal,) = of_type(text, "deal", datetime(2016, 4, 26, 8, 0, tzinfo=UTC))
    assert deal["roles"] == {"buyer": "AUS", "seller": "FRA"}
    assert [(i["name"], i["quantity"]) for i in deal["items"]] == [("Barracuda", 12)]


def test_a_contract_that_should_be_signed_or_is_to_be_signed_is_not_signed() -> None:
    """blind90: 'adding that a contract should be signed next year'; 'approved a 17 billion baht purchase
    of a second frigate ..., with the contract to be signed later this year' is an approval."""
    text = (
        "Poland has picked Sweden's Saab to supply three A26 submarines under its long-delayed Orka "
        "programme, Defence Minister Wladyslaw Kosiniak-Kamysz said on Wednesday, adding that a contract "
        "should be signed next year."
    )
    deals = of_type(text, "deal", datetime(2025, 11, 26, 16, 0, tzinfo=UTC))
    assert deals and "signed" not in {d["status"] for d in deals}
    text = (
        "Thailand's cabinet on Tuesday approved a 17 billion baht purchase of a second frigate from South "
        "Korea's Hanwha Ocean, a government spokesman said, with the contract to be signed later this year."
    )
    (deal,) = of_type(text, "deal", datetime(2025, 5, 14, 6, 0, tzinfo=UTC))
    assert (deal["roles"], deal["status"]) == ({"buyer": "THA", "seller": "KOR"}, "announced")


def test_an_act_named_by_its_states_noun_keeps_no_day_of_the_saying_that_judges_it() -> None:
    """blind90: 'Le Drian said on Thursday that Australia's cancellation of its A$90 billion submarine
    contract with Naval Group was "a stab in the back"': cancelled before that Thursday."""
    text = (
        "Foreign Minister Jean-Yves Le Drian said on Thursday that Australia's cancellation of its A$90 "
        "billion submarine contract with Naval Group was 'a stab in the back'."
    )
    (deal,) = of_type(text, "deal", datetime(2021, 9, 17, 8, 30, tzinfo=UTC))
    assert (deal["roles"], deal["status"], deal["occurred"]) == (
        {"buyer": "AUS", "seller": "FRA"},
        "cancelled",
        None,
    )


def test_a_purchase_once_considered_a_newspaper_and_rival_bidders_make_no_side() -> None:
    """blind88: 'Argentina had also considered buying Chinese-made JF-17 fighters' buys nothing; 'the
    Russian business daily Kommersant reported' is no Russian statement; 'with Saab's Gripen, Lockheed
    Martin's F-16 Block 70 and Dassault's Rafale competing for the order' names no seller."""
    published = datetime(2024, 4, 17, 9, 0, tzinfo=UTC)
    text = (
        "Argentina signed an agreement in Copenhagen on Tuesday to buy two dozen used F-16 fighter jets from "
        "Denmark. Argentina had also considered buying Chinese-made JF-17 fighters."
    )
    assert [d["roles"] for d in of_type(text, "deal", published)] == [{"buyer": "ARG", "seller": "DNK"}]
    text = (
        "Algeria has ordered 14 more Su-30MKA fighters from Russia under a contract signed earlier this "
        "year, the Russian business daily Kommersant reported on Wednesday, citing sources."
    )
    assert [e["type"] for e in events(text, published)] == ["deal"]
    text = (
        "Peru's Congress on Wednesday approved up to $2 billion for the purchase of new fighter jets, with "
        "Saab's Gripen, Lockheed Martin's F-16 Block 70 and Dassault's Rafale competing for the order."
    )
    assert all("seller" not in d["roles"] for d in of_type(text, "deal", published))


def test_the_firms_involved_in_a_sale_sell_it_and_the_threat_is_not_its_plan() -> None:
    """blind89: 'China will impose sanctions on US companies involved in a $2.2 billion arms sale to
    Taiwan, ..., after the State Department approved the sale of 108 M1A2T Abrams tanks': the US sells,
    and the sale, approved, is no plan of the day China threatens."""
    text = (
        "China will impose sanctions on US companies involved in a $2.2 billion arms sale to Taiwan, foreign "
        "ministry spokesman Geng Shuang said on Friday, after the State Department approved the sale of 108 "
        "M1A2T Abrams tanks and 250 Stinger missiles earlier this week."
    )
    (deal,) = of_type(text, "deal", datetime(2019, 7, 12, 10, 0, tzinfo=UTC))
    assert (deal["roles"], deal["status"]) == ({"buyer": "TWN", "seller": "USA"}, "announced")


def test_a_beginning_told_first_keeps_its_status_and_no_deadline_of_the_next_verb() -> None:
    """blind89: 'Russia has begun supplying S-400 air defence systems to India and the first units will
    arrive by the end of the year': deliveries began, on no day the sentence gives."""
    text = (
        "Russia has begun supplying S-400 air defence systems to India and the first units will arrive by "
        "the end of the year, Dmitry Shugayev, head of Russia's Federal Service for Military-Technical "
        "Cooperation, said on Sunday."
    )
    (delivery,) = of_type(text, "delivery", datetime(2021, 11, 16, 6, 0, tzinfo=UTC))
    assert (delivery["roles"], delivery["status"], delivery["occurred"]) == (
        {"supplier": "RUS", "recipient": "IND"},
        "began",
        None,
    )


def test_no_immediate_plans_and_a_freedom_to_buy_make_no_deal() -> None:
    """blind89: 'Hanoi had no immediate plans to buy American arms'; 'A UN arms embargo on Iran expired on
    Sunday under the 2015 nuclear deal, allowing Tehran to buy and sell conventional weapons'."""
    published = datetime(2020, 10, 18, 10, 0, tzinfo=UTC)
    text = (
        "Vietnamese officials said Hanoi had no immediate plans to buy American arms and would keep relying "
        "on Russia for most of its equipment."
    )
    assert of_type(text, "deal", published) == []
    text = (
        "A UN arms embargo on Iran expired on Sunday under the 2015 nuclear deal, allowing Tehran to buy and "
        "sell conventional weapons."
    )
    assert of_type(text, "deal", published) == []


def test_an_accusation_after_the_saying_lends_the_trade_no_goods() -> None:
    """blind82: 'Venezuela has received the first six of 18 K-8W Karakorum ... jets bought from China,
    President Hugo Chavez said on Saturday, accusing Washington of trying to ground the country's air
    force by blocking spare parts for its ageing F-16s': K-8s, not F-16s."""
    text = (
        "Venezuela has received the first six of 18 K-8W Karakorum light attack and training jets bought "
        "from China, President Hugo Chavez said on Saturday, accusing Washington of trying to ground the "
        "country's air force by blocking spare parts for its ageing F-16s."
    )
    found = events(text, datetime(2010, 3, 14, 12, 0, tzinfo=UTC))
    goods = {(e["type"], i["name"], i["quantity"]) for e in found for i in e.get("items") or []}
    assert goods == {("delivery", "K-8", 6), ("deal", "K-8", 18)}


def test_easing_the_impact_of_sanctions_lifts_none() -> None:
    """blind78: 'a deal that could ease the impact of US sanctions on Tehran'."""
    text = (
        "Iran and China signed a 25-year cooperation agreement on Saturday to strengthen their economic and "
        "political alliance, Iranian state television reported, a deal that could ease the impact of US "
        "sanctions on Tehran."
    )
    found = of_type(text, "sanction", datetime(2021, 3, 27, 14, 45, tzinfo=UTC))
    assert "lifted" not in {s["status"] for s in found}


def test_exports_reaching_a_record_sign_nothing_and_a_signing_keeps_its_own_day() -> None:
    """blind78: 'arms exports reached a record $7 billion last year, the Defense Acquisition Program
    Administration (DAPA) said Wednesday, ... on the back of a $3.5 billion deal signed earlier this month
    to supply the Cheongung II surface-to-air missile system to the United Arab Emirates'."""
    text = (
        "South Korea's arms exports reached a record $7 billion last year, the Defense Acquisition Program "
        "Administration (DAPA) said Wednesday, and are expected to rise further in 2022 on the back of a "
        "$3.5 billion deal signed earlier this month to supply the Cheongung II surface-to-air missile "
        "system to the United Arab Emirates."
    )
    (deal,) = of_type(text, "deal", datetime(2022, 1, 26, 5, 30, tzinfo=UTC))
    assert (deal["roles"], deal["status"], deal["occurred"]["date"]) == (
        {"buyer": "ARE", "seller": "KOR"},
        "signed",
        "2022-01",
    )


def test_the_rest_still_to_come_is_a_planned_delivery_between_the_same_states() -> None:
    """blind88: 'The first six of twelve A-29 Super Tucano aircraft that Nigeria bought from the United
    States arrived ... on Thursday ... The remaining six will be delivered in October'."""
    text = (
        "The first six of twelve A-29 Super Tucano aircraft that Nigeria bought from the United States "
        "arrived at Kainji air base on Thursday, the Nigerian Air Force said. The remaining six will be "
        "delivered in October, air force spokesman Edward Gabkwet said."
    )
    found = of_type(text, "delivery", datetime(2021, 7, 23, 9, 5, tzinfo=UTC))
    assert [(d["roles"], d["status"]) for d in found] == [
        ({"supplier": "USA", "recipient": "NGA"}, "began"),
        ({"supplier": "USA", "recipient": "NGA"}, "planned"),
    ]


def test_a_delivery_taken_after_agreeing_to_buy_is_its_own_verb() -> None:
    """blind89: 'Turkey agreed to buy the S-400s in 2017 for about $2.5 billion and took delivery of the
    first batteries in July last year'."""
    text = (
        "Turkey agreed to buy the S-400s in 2017 for about $2.5 billion and took delivery of the first "
        "batteries in July last year."
    )
    (delivery,) = of_type(text, "delivery", datetime(2020, 12, 14, 19, 30, tzinfo=UTC))
    assert (delivery["roles"], delivery["status"], delivery["occurred"]["date"]) == (
        {"supplier": "RUS", "recipient": "TUR"},
        "began",
        "2019-07",
    )


def test_ships_after_a_count_or_a_determiner_are_goods_not_a_verb() -> None:
    """blind90: 'Ukraine ordered the two ships in 2020' ships nothing; 'The Project 11356 frigate is the
    first of two ships ordered under a 2016 agreement'."""
    published = datetime(2022, 10, 3, 8, 0, tzinfo=UTC)
    assert of_type("Ukraine ordered the two ships in 2020.", "delivery", published) == []
    text = "The Project 11356 frigate is the first of two ships ordered under a 2016 agreement."
    assert of_type(text, "delivery", published) == []


def test_replies_and_judgements_in_single_quotes_are_statements() -> None:
    """blind88, blind90: 'Venezuelan Foreign Minister Samuel Moncada called the threat 'insolent'', 'Petro
    replied on social media that ...', 'Prime Minister Anthony Albanese called it the biggest single
    investment in Australia's defence capability'; a coach is no actor, and 'responded by imposing
    sanctions' is an act, not a saying."""
    published = datetime(2023, 10, 16, 8, 0, tzinfo=UTC)
    for text, speaker in (
        ("Venezuelan Foreign Minister Samuel Moncada called the threat 'insolent'.", "VEN"),
        (
            "Colombia's President Gustavo Petro replied on social media that ties with Israel would be cut.",
            "COL",
        ),
    ):
        assert [s["roles"]["speaker"] for s in of_type(text, "statement", published)] == [speaker], text
    text = (
        "Australia plans to buy at least three Virginia-class submarines from the United States. Prime "
        "Minister Anthony Albanese called it the biggest single investment in Australia's defence capability."
    )
    assert "AUS" in {s["roles"]["speaker"] for s in of_type(text, "statement", published)}
    assert of_type("Germany coach Hansi Flick called the defeat 'bitter'.", "statement", published) == []
    text = "Britain, France and Germany responded by imposing sanctions on Iran's national airline."
    assert of_type(text, "statement", published) == []


def test_tweets_regrets_and_reaffirmations_are_statements() -> None:
    """'"The birds have landed safely in Ambala," Defence Minister Rajnath Singh tweeted', 'Bamako regretted
    the decision', 'The United States on Sunday reaffirmed that its treaty obligations extend to ...'."""
    published = datetime(2023, 8, 7, 8, 0, tzinfo=UTC)
    for text, speaker in (
        (
            "India's Defence Minister Rajnath Singh tweeted that the Rafale jets from France had landed.",
            "IND",
        ),
        ("Mali's government said Bamako regretted the decision by the European Union.", "MLI"),
        (
            "The United States on Sunday reaffirmed that its treaty obligations extend to the Philippines.",
            "USA",
        ),
    ):
        assert speaker in {s["roles"]["speaker"] for s in of_type(text, "statement", published)}, text


def test_a_surname_said_is_the_person_named_in_full_before() -> None:
    """blind90, blind80: 'Prime Minister Scott Morrison ... Morrison said the decision meant ...', 'Defence
    Secretary Ben Wallace ... Speaking in the Commons on Thursday, Mr Wallace said'; a weekday is no name
    ('Kim Yo Jong ..., on Monday accused')."""
    text = (
        "Australia will build at least eight nuclear-powered submarines under a partnership unveiled on "
        "Wednesday by President Joe Biden, Prime Minister Scott Morrison and Prime Minister Boris Johnson. "
        "Morrison said the decision meant Australia would not proceed with the Attack-class programme it "
        "had contracted with France's Naval Group."
    )
    found = of_type(text, "statement", datetime(2021, 9, 16, 4, 0, tzinfo=UTC))
    assert {"roles": {"speaker": "AUS", "about": ["FRA"]}}.items() <= found[-1].items()
    text = (
        "Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un, on Monday accused the United "
        "States of flying spy planes into the North's airspace and warned they could be shot down. Seoul's "
        "Joint Chiefs of Staff rejected the claim, saying the American aircraft had stayed over "
        "international waters."
    )
    found = of_type(text, "statement", datetime(2023, 7, 11, 8, 0, tzinfo=UTC))
    assert [s["roles"]["speaker"] for s in found] == ["PRK", "KOR"]


def test_quoted_written_posted_and_signalled_sayings_are_statements() -> None:
    """blind78: 'Deputy Defence Minister Mahdi Farahi was quoted as saying by the Tasnim news agency on
    Tuesday' (the day the saying's); 'wrote on Telegram', 'posted on X', 'signalled that'; and a
    recommendation ('Europe should buy fewer US weapons') is no plan."""
    published = datetime(2023, 11, 28, 8, 0, tzinfo=UTC)
    text = (
        "Iran has finalised arrangements to buy Su-35 jets from Russia, Deputy Defence Minister Mahdi Farahi "
        "was quoted as saying by the Tasnim news agency on Tuesday."
    )
    (said,) = of_type(text, "statement", published)
    assert (said["roles"]["speaker"], said["occurred"]["date"]) == ("IRN", "2023-11-28")
    for text, speaker in (
        ("Russian Foreign Minister Sergei Lavrov wrote on Telegram that Moscow would answer Britain.", "RUS"),
        ("Indian Prime Minister Narendra Modi posted on X that the deal with France was a milestone.", "IND"),
        ("Chinese Foreign Minister Wang Yi signalled that Beijing would retaliate against the US.", "CHN"),
    ):
        assert [s["roles"]["speaker"] for s in of_type(text, "statement", published)] == [speaker], text
    text = "French President Emmanuel Macron suggested that Europe should buy fewer US weapons."
    assert "planned" not in {d["status"] for d in of_type(text, "deal", published)}


def test_a_purchase_agreed_is_signed() -> None:
    """blind89, blind70: 'Turkey agreed to buy the S-400s in 2017 for about $2.5 billion'."""
    text = "Turkey agreed to buy the S-400s in 2017 for about $2.5 billion."
    (deal,) = of_type(text, "deal", datetime(2020, 12, 14, 19, 30, tzinfo=UTC))
    assert (deal["roles"], deal["status"], deal["occurred"]["date"]) == (
        {"buyer": "TUR", "seller": "RUS"},
        "signed",
        "2017",
    )


def test_who_signs_to_supply_another_sells_to_it() -> None:
    """blind82: 'South Korea's Hanwha Defense signed a deal worth about 2 trillion won ($1.66 billion) on
    Tuesday to supply K9 self-propelled howitzers to Egypt'."""
    text = (
        "South Korea's Hanwha Defense signed a deal worth about 2 trillion won ($1.66 billion) on Tuesday to "
        "supply K9 self-propelled howitzers to Egypt."
    )
    (deal,) = of_type(text, "deal", datetime(2022, 2, 1, 9, 0, tzinfo=UTC))
    assert (deal["roles"], deal["status"]) == ({"buyer": "EGY", "seller": "KOR"}, "signed")


def test_neither_coordinated_imposer_is_the_others_target() -> None:
    """blind82: 'The United States and the European Union have imposed several rounds of sanctions on the
    generals since they seized power' is no EU sanction on the United States."""
    text = (
        "The United States and the European Union have imposed several rounds of sanctions on the generals "
        "since they seized power in a February 2021 coup, and Washington has said it is considering "
        "measures against foreign suppliers of arms to the military."
    )
    found = of_type(text, "sanction", datetime(2022, 12, 17, 7, 0, tzinfo=UTC))
    assert not [s for s in found if s["roles"]["target"] in ("USA", "EU")]


def test_a_deadline_dates_no_saying() -> None:
    """blind82: 'Blinken said Washington would reverse the relief if Caracas failed to lift bans ... by the
    end of November': the saying has no day of its own here, least of all last November."""
    text = (
        "Secretary of State Antony Blinken said Washington would reverse the relief if Caracas failed to "
        "lift bans on opposition candidates and free political prisoners by the end of November."
    )
    (said,) = of_type(text, "statement", datetime(2023, 10, 19, 3, 0, tzinfo=UTC))
    assert said["occurred"] is None
