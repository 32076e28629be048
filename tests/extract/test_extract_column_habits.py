"""Habits met in blind sets 33 and 34: columns and sports pages, plans shelved, stances on transfers,
refusals, the target a plain state name stands for, end dates, and speakers who urge others."""

from __future__ import annotations

from datetime import UTC, datetime

from events.model import to_wire
from tracker.extract import extract

PUB = datetime(2025, 1, 27, 18, 0, tzinfo=UTC)  # a Monday


def events(text: str, title: str | None = None, published: datetime = PUB) -> list[dict]:
    return [to_wire(x) for x in extract(text, title=title, published=published)]


def of_type(text: str, etype: str, title: str | None = None) -> list[dict]:
    return [e for e in events(text, title) if e["type"] == etype]


def sides(event: dict) -> tuple[str, ...]:
    """The states an event names, whatever their roles."""
    return tuple(sorted(x for v in event["roles"].values() for x in ([v] if isinstance(v, str) else v)))


def test_a_column_labelled_opinion_or_analysis_reports_no_events() -> None:
    text = (
        "Buying additional S-400 squadrons from Russia would deepen a dependence New Delhi can ill afford. "
        "India signed a $5.43 billion deal for five S-400 squadrons in 2018."
    )
    assert events(text, title="Opinion | India can't keep betting on imported air defence") == []
    assert events(text, title="ANALYSIS-India weighs more S-400s") == []
    assert of_type(text, "deal", title="India weighs more S-400s, officials say") != []


def test_a_plan_to_build_goods_with_a_state_shelved_is_a_deal_called_off() -> None:
    text = "India has shelved a plan to build 200 Ka-226T helicopters with Russia, officials said on Monday."
    (deal,) = of_type(text, "deal")
    assert (sides(deal), deal["status"]) == (("IND", "RUS"), "cancelled")


def test_an_agreement_of_no_military_kind_cancelled_is_no_deal() -> None:
    air = "Britain, France and Germany said they would cancel bilateral air service agreements with Tehran."
    assert of_type(air, "deal") == []
    pact = "Chad announced on Thursday that it was ending its defence cooperation agreement with France."
    (deal,) = of_type(pact, "deal")
    assert (sides(deal), deal["status"]) == (("FRA", "TCD"), "cancelled")


def test_an_export_version_is_no_export() -> None:
    text = (
        "The export version, the Su-57E, made its first foreign appearance at the Zhuhai air show in China "
        "last month, where Rosoboronexport said several countries had shown interest."
    )
    assert [e for e in events(text) if e["type"] in ("deal", "delivery")] == []


def test_sports_bodies_and_sports_pages_speak_for_no_state() -> None:
    text = (
        "The Pakistan Cricket Board lodged a protest with the match referee after Indian players declined "
        "to shake hands with their opponents. Pakistan head coach Mike Hesson said his team was "
        "disappointed with India."
    )
    assert of_type(text, "statement") == []


def test_goods_sourced_from_domestic_industry_are_no_deal() -> None:
    text = (
        "The Defence Acquisition Council on Thursday cleared capital acquisition proposals worth Rs 2.23 "
        "lakh crore, 98% of which will be sourced from domestic industry."
    )
    assert of_type(text, "deal") == []


def test_a_plain_state_name_before_sanctions_names_their_target() -> None:
    (imposed,) = of_type("US imposes new Iran sanctions", "sanction")
    assert imposed["roles"] == {"imposer": "USA", "target": "IRN"}
    waived = of_type("US to end Iran oil sanctions waivers for India, China", "sanction")
    assert {(s["roles"]["imposer"], s["roles"]["target"]) for s in waived} == {("USA", "IND"), ("USA", "CHN")}
    # the usual imposers keep their place: 'EU sanctions on Russia'
    (eu,) = of_type("The EU sanctions on Russia will stay in force, Germany said.", "sanction")
    assert eu["roles"] == {"imposer": "EU", "target": "RUS"}


def test_sanctions_a_state_imposed_told_after_the_noun() -> None:
    text = (
        "Turkey said it was in contact with US authorities over sanctions Washington imposed on Thursday "
        "on several Turkish companies."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "USA", "target": "TUR"}
    assert sanction["occurred"]["date"] == "2025-01-23"


def test_halting_arms_exports_to_a_state_is_a_sanction() -> None:
    text = "Israel said on Sunday it was halting security exports to Colombia."
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "ISR", "target": "COL"}, "imposed")
    assert of_type(text, "delivery") == []


def test_a_date_after_until_ends_a_period_and_dates_nothing() -> None:
    text = (
        "European Union governments on Monday extended the bloc's economic sanctions against Russia for "
        "another six months, until July 31."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["occurred"]["date"] == "2025-01-27"


def test_refusals_and_stances_on_transfers_make_no_trade() -> None:
    refusal = (
        "Brazilian President Luiz Inacio Lula da Silva said on Monday that Brazil would not sell ammunition "
        "for Leopard tanks to Germany to be passed on to Ukraine."
    )
    assert of_type(refusal, "deal") == []
    stance = (
        "Merz, who has pledged to raise defence spending and has backed sending Taurus cruise missiles to "
        "Ukraine, said Europe must achieve independence from the United States."
    )
    assert of_type(stance, "delivery") == []


def test_one_who_urges_others_speaks_with_an_apposition_between() -> None:
    text = (
        "Nigerian President Bola Tinubu, the bloc's chairman, urged Niger, Mali and Burkina Faso to "
        "reconsider their decision to quit ECOWAS."
    )
    (said,) = of_type(text, "statement")
    assert said["roles"]["speaker"] == "NGA"
    assert set(said["roles"]["about"]) >= {"NER", "MLI", "BFA"}


def test_goods_built_in_a_state_come_from_it() -> None:
    text = (
        "Six A-29 Super Tucano light attack aircraft built for Nigeria in the United States landed in the "
        "capital on Thursday."
    )
    (delivery,) = of_type(text, "delivery")
    assert delivery["roles"] == {"supplier": "USA", "recipient": "NGA"}


def test_signed_for_goods_from_a_state_in_a_datelined_report() -> None:
    text = (
        "JAKARTA, June 14 (Reuters) - Indonesia has cancelled its planned purchase of 11 Sukhoi Su-35 "
        "fighter jets from Russia. The country instead signed for 42 Dassault Rafale jets from France in "
        "February last year."
    )
    deals = {(e["roles"]["seller"], e["status"]) for e in events(text, published=PUB) if e["type"] == "deal"}
    assert deals == {("RUS", "cancelled"), ("FRA", "signed")}


def test_a_sanction_under_the_same_law_is_the_law_makers() -> None:
    text = (
        "The Biden administration has not yet decided whether to impose sanctions on India under CAATSA over "
        "its purchase of Russia's S-400 missile system, a State Department official said on Wednesday. "
        "Turkey was sanctioned under the same law in December 2020 for acquiring the S-400."
    )
    sanctions = {
        (s["roles"]["target"], s["status"], (s["occurred"] or {}).get("date"))
        for s in of_type(text, "sanction")
    }
    assert ("TUR", "imposed", "2020-12") in sanctions
    assert {s["roles"]["imposer"] for s in of_type(text, "sanction")} == {"USA"}


def test_officials_named_alone_speak_for_their_states() -> None:
    """The gazetteer's officials of 2015-2026 across 80 states: a name without a title is enough."""
    petro = "Gustavo Petro on Monday condemned the United States over its strikes on boats in the Caribbean."
    tinubu = "Bola Tinubu said on Monday that Nigeria would not accept threats from Washington."
    for text, speaker in ((petro, "COL"), (tinubu, "NGA")):
        (said,) = of_type(text, "statement")
        assert (said["roles"]["speaker"], said["roles"]["about"]) == (speaker, ["USA"])


def test_a_year_naming_a_thing_talked_about_dates_no_saying() -> None:
    text = (
        "Bangladesh summoned Indian High Commissioner Pranay Verma on Sunday over border fencing. Foreign "
        "affairs adviser Md Touhid Hossain said the construction violated a 1975 bilateral agreement."
    )
    assert {(s["occurred"] or {}).get("date") for s in of_type(text, "statement")} <= {"2025-01-26", None}


def test_a_test_firing_told_is_no_statement() -> None:
    text = (
        "India on Monday carried out the first flight test of the Agni-V missile fitted with Multiple "
        "Independently Targetable Re-entry Vehicle (MIRV) technology, Prime Minister Narendra Modi announced."
    )
    assert of_type(text, "statement") == []


def test_diplomatic_acts_and_their_speakers() -> None:
    called = (
        "ISLAMABAD, Dec 20 (Reuters) - Pakistan on Thursday called new U.S. sanctions on its ballistic "
        "missile programme unfortunate and biased."
    )
    assert [(s["roles"]["speaker"], s["roles"]["about"]) for s in of_type(called, "statement")] == [
        ("PAK", ["USA"])
    ]
    expelled = "France on Monday ordered the expulsion of 12 Algerian diplomats and recalled its ambassador."
    assert [(s["roles"]["speaker"], s["roles"]["about"]) for s in of_type(expelled, "statement")] == [
        ("FRA", ["DZA"])
    ]
    ministry = (
        "In a statement on Tuesday night, Wisma Putra said Israel's strike on Doha was a grave escalation."
    )
    assert {s["roles"]["speaker"] for s in of_type(ministry, "statement")} == {"MYS"}
    council = (
        "The Philippine National Security Council on Monday accused Chinese vessels of reckless behaviour."
    )
    assert {s["roles"]["speaker"] for s in of_type(council, "statement")} == {"PHL"}


def test_the_verbs_of_a_relative_clause_are_its_antecedents() -> None:
    text = (
        "Prime Minister Imran Khan, who attended the ceremony, thanked Beijing for its support and said the "
        "aircraft would strengthen the country's air defences."
    )
    assert {s["roles"]["speaker"] for s in of_type(text, "statement")} == {"PAK"}


def test_a_judgement_on_a_sanction_said_by_its_target_is_a_statement() -> None:
    text = (
        "MOSCOW, Oct 23 (Reuters) - New U.S. sanctions on Rosneft and Lukoil, Russia's two largest oil "
        "producers, are counterproductive and will not seriously damage the Russian economy, Kremlin "
        "spokesman Dmitry Peskov said on Thursday."
    )
    assert [s["roles"]["speaker"] for s in of_type(text, "statement")] == ["RUS"]


def test_militias_are_not_their_states() -> None:
    text = (
        "SANAA, March 5 (AFP) - Yemen's Iran-backed Houthi rebels on Wednesday said they were imposing "
        "sanctions on US oil companies and their executives, including ExxonMobil and Chevron."
    )
    assert of_type(text, "sanction") == []


def test_what_analysts_think_could_come_is_no_sanction() -> None:
    text = (
        "A future European Union sanctions package against Russia could include a ban on Russian aluminium "
        "imports, analysts at a Brussels think tank said on Monday."
    )
    assert of_type(text, "sanction") == []


def test_sanctions_a_state_imposed_told_as_the_reason_of_another_act() -> None:
    text = (
        "Russia said on Monday it was withdrawing from peace treaty negotiations with Japan because of the "
        "sanctions Tokyo imposed on Moscow last month over the invasion of Ukraine."
    )
    (sanction,) = of_type(text, "sanction")
    assert sanction["roles"] == {"imposer": "JPN", "target": "RUS"}


def test_one_prompted_to_warn_threatens() -> None:
    text = (
        "India signed a 10-year contract with Iran on Monday to develop the Chabahar port, prompting a US "
        "State Department spokesperson to warn that New Delhi could face sanctions for doing business with "
        "Tehran."
    )
    (sanction,) = of_type(text, "sanction")
    assert (sanction["roles"], sanction["status"]) == ({"imposer": "USA", "target": "IND"}, "threatened")


def test_barred_from_trade_is_a_sanction_and_a_shift_from_a_seller_buys_nothing_from_it() -> None:
    barred = (
        "Beijing on Thursday barred Lockheed Martin and a Raytheon Technologies subsidiary from trade and "
        "new investment in China."
    )
    assert [s["roles"] for s in of_type(barred, "sanction")] == [{"imposer": "CHN", "target": "USA"}]
    shift = "Vietnam weighs buying South Korean K9 howitzers in shift from Russian arms"
    assert all(d["roles"].get("seller") != "RUS" for d in of_type(shift, "deal"))


def test_the_firms_barred_are_the_target_not_the_state_their_sales_went_to() -> None:
    text = (
        "Beijing on Thursday barred Lockheed Martin and a Raytheon Technologies subsidiary from trade and "
        "new investment in China, in retaliation for the US defence firms' arms sales to Taiwan."
    )
    assert [s["roles"] for s in of_type(text, "sanction")] == [{"imposer": "CHN", "target": "USA"}]


def test_sanctions_renewed_stay_imposed_and_a_block_dropped_lifts_a_ban() -> None:
    renewed = (
        "European Union foreign ministers on Monday renewed the bloc's economic sanctions against Russia for "
        "another six months."
    )
    assert [(s["roles"], s["status"]) for s in of_type(renewed, "sanction")] == [
        ({"imposer": "EU", "target": "RUS"}, "imposed")
    ]
    dropped = (
        "BERLIN (Reuters) - Germany will no longer block the sale of Eurofighter Typhoon jets to Saudi "
        "Arabia, Foreign Minister Annalena Baerbock said on Sunday, reversing a freeze Berlin imposed after "
        "the murder of journalist Jamal Khashoggi in 2018."
    )
    (lifted,) = of_type(dropped, "sanction")
    assert (lifted["roles"], lifted["status"]) == ({"imposer": "DEU", "target": "SAU"}, "lifted")
    assert lifted["occurred"]["date"] == "2025-01-26"
