"""The scorer's own matching over the seed article and the labelled sets; schema, determinism, evidence."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import jsonschema
import pytest
from dateutil.parser import isoparse

from events.model import to_wire
from tracker.extract import extract

SHARED = Path(__file__).parents[3] / "shared"
DATA = Path(__file__).parents[1] / "data"


def load_gold(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _run(doc: dict, base: Path | None = None) -> list[dict]:
    text = doc.get("text")
    if text is None:
        assert base is not None
        text = (base / doc["text_file"]).read_text(encoding="utf-8")
    published = isoparse(doc["published"]) if doc.get("published") else None
    events = extract(text, title=doc.get("title"), published=published, url=doc.get("url"))
    return [json.loads(json.dumps(to_wire(e))) for e in events]


def _totals(score: ModuleType, gold: dict, base: Path | None = None) -> dict[str, float]:
    results = [score.score_document(doc, _run(doc, base)) for doc in gold["documents"]]
    req = sum(r["required"] for r in results)
    found = sum(r["found"] for r in results)
    extracted = sum(r["extracted"] for r in results)
    fp = sum(r["false_positives"] for r in results)
    dated = sum(r["dated_found"] for r in results)
    recall = found / req if req else 1.0
    precision = (extracted - fp) / extracted if extracted else 1.0
    return {
        "found": found,
        "required": req,
        "recall": recall,
        "precision": precision,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "forbidden": sum(r["forbidden"] for r in results),
        "date_accuracy": sum(r["dates_right"] for r in results) / dated if dated else 1.0,
    }


def test_seed_article(score: ModuleType) -> None:
    path = SHARED / "acceptance" / "seed_article.expected.json"
    totals = _totals(score, json.loads(path.read_text(encoding="utf-8")), path.parent)
    assert (totals["found"], totals["required"], totals["forbidden"]) == (7, 7, 0)
    assert totals["precision"] >= 0.85


def test_gold_set(score: ModuleType) -> None:
    totals = _totals(score, load_gold("extract_gold.json"))
    assert totals["forbidden"] == 0
    assert totals["recall"] >= 0.90
    assert totals["precision"] >= 0.93
    assert totals["date_accuracy"] >= 0.95


def test_dev_holdout_does_not_regress(score: ModuleType) -> None:
    """An untuned set: the threshold guards against regressions, it is not a target."""
    totals = _totals(score, load_gold("extract_dev_holdout.json"))
    assert totals["f1"] >= 0.88  # 0.843 with rules@1, 0.951 with rules@2
    assert totals["date_accuracy"] >= 0.95


def test_news_gold_set(score: ModuleType) -> None:
    """Newswire items written before the extractor was tuned on them (baseline F1 0.64)."""
    totals = _totals(score, load_gold("extract_gold_news.json"))
    assert totals["forbidden"] == 0
    assert totals["recall"] >= 0.88
    assert totals["precision"] >= 0.90
    assert totals["date_accuracy"] >= 0.95


def test_late_news_set(score: ModuleType) -> None:
    """Newswire items written after the first tuning round (first scored at F1 0.885)."""
    totals = _totals(score, load_gold("extract_gold_news_late.json"))
    assert totals["forbidden"] == 0
    assert totals["f1"] >= 0.85
    assert totals["date_accuracy"] >= 0.90


def test_blind_news_set(score: ModuleType) -> None:
    """Newswire items written blind (before reading tracker/extract/) by a second labeller: 52 leads,
    many countries, negation, modality, datelines, passive voice, company actors, several currencies.
    Baseline with rules@2 as found: F1 0.538 (recall 25/52, precision 0.611), date accuracy 0.958;
    after correcting the labelling slips about F1 0.58. After the generalising fixes (datelines are
    no actors, denied signings, 'won an order', 'sale ... approved by X', ...): F1 0.880, date 0.976;
    0.916 after the second blind round ('K9' kept as written)."""
    totals = _totals(score, load_gold("extract_gold_blind.json"))
    assert totals["forbidden"] == 0
    assert totals["recall"] >= 0.94  # 0.981 after the blind set 11 sanction rules
    assert totals["precision"] >= 0.95
    assert totals["date_accuracy"] >= 0.95


def test_blind2_news_set(score: ModuleType) -> None:
    """49 newswire leads written blind by a third labeller (40 events, 9 items with none): Africa, Latin
    America, Southeast and Central Asia, the Gulf, Europe; export curbs, protest notes, headline-only
    events, 'a dozen', 'Rs 2,000 crore', weekday and month names on both sides of publication.
    Baseline with rules@2 as found: F1 0.616 (recall 26/40, precision 0.585, 1 forbidden), date
    accuracy 1.0; after correcting the labelling slips F1 0.711. After the generalising fixes (export
    restrictions, protest notes, 'no plans to buy', headline-only events of a type the body lacks,
    'completing a contract', state + foreign firm, passive 'signed by', 'built by', 'a dozen',
    '1,000', 'The Ministry of Defence', 'K9' kept as written, ...): F1 0.968, date accuracy 1.0."""
    totals = _totals(score, load_gold("extract_gold_blind2.json"))
    assert totals["forbidden"] == 0
    assert totals["recall"] >= 0.92
    assert totals["precision"] >= 0.92
    assert totals["date_accuracy"] >= 0.95


def test_blind3_news_set(score: ModuleType) -> None:
    """51 newswire leads written blind by a fourth labeller (49 events, 10 items with none): Reuters, AP,
    AFP, PTI, ANI, TASS, Xinhua, Yonhap, Kyodo, Anadolu and Janes habits; datelines, quotes in headlines,
    'sources said', 'according to', events in 'after'/'despite' clauses, approximate numbers, fiscal
    years, 'sanctions' that means 'approves', a football transfer 'deal'. Baseline with rules@2 as
    found: F1 0.623 (recall 28/49, precision 0.684, 1 forbidden), date accuracy 0.821; no labelling
    slips found. After the generalising fixes (a date skips a cue whose type made no event, 'Secretary
    of State X' speaks, 'companies in China' are the target and 'for helping Russia' the reason, 'a
    deal ... to export' is no delivery, 'in what would be' plans nothing, 'expects', 'the two
    sanctioned countries', 'from Tehran to Moscow'): F1 0.751 (recall 34/49, precision 0.818), date
    accuracy 0.933. After the third round (commodity purchases are no arms deal, a footballer's
    'deal', 'has offered India the joint production of', 'suspend discussions', 'ending its ...
    agreement', 'since August last year', 'JF-17C Block III', 'Ankara expects the United States to
    deliver', 'a deal ... to supply', Chad): F1 0.868 (recall 40/49, precision 0.926, 0 forbidden),
    date accuracy 0.97."""
    totals = _totals(score, load_gold("extract_gold_blind3.json"))
    assert totals["forbidden"] == 0
    assert totals["recall"] >= 0.79
    assert totals["precision"] >= 0.90
    assert totals["date_accuracy"] >= 0.95


def test_blind4_news_set(score: ModuleType) -> None:
    """52 newswire leads written blind by a fifth labeller (49 events, 10 items with none): Reuters, AP,
    AFP, PTI, ANI, Yonhap, Kyodo, Anadolu, TASS, Defense News and Kyiv Independent habits; two deals in
    one clause, background contracts, refused and conditional sanctions, offers, 'the two countries',
    reactions in appositives, dateline days. Baseline with rules@2 as found: F1 0.820 (recall 38/49,
    precision 0.869, 2 forbidden), date accuracy 0.963; after correcting two labelling slips ('approved
    the possible sale' is announced, as in the other sets) F1 0.857 (recall 40/49, precision 0.902, 2
    forbidden), date accuracy 0.966. After the generalising fixes ('not in talks to buy', 'ready to
    supply', 'denounced', 'donate', 'Tehran's supply of ... to Russia', 'will not impose sanctions',
    'the two countries signed', 'if Tehran transfers', ', a move Moscow denounced', two purchases from
    two sellers in one clause, a dateline's day yields to the clause's own date): F1 0.979 (recall
    47/49, precision 1.0, 0 forbidden), date accuracy 1.0."""
    totals = _totals(score, load_gold("extract_gold_blind4.json"))
    assert totals["forbidden"] == 0
    assert totals["recall"] >= 0.93
    assert totals["precision"] >= 0.95
    assert totals["date_accuracy"] >= 0.95


def test_blind5_news_set(score: ModuleType) -> None:
    """60 newswire leads written blind by a sixth labeller (85 events, 11 items with none): Reuters, AP,
    AFP, PTI, Yonhap, Kyodo, Nikkei, Anadolu, Defense News and Kyiv Independent habits; prices in yen,
    won, crowns, zlotys, euros and A$, 'N more X', spelled numbers, deals named again with an earlier
    date, arms sales agreements between two states. Baseline with rules@2 as found: F1 0.591 (recall
    43/85, precision 0.709, 2 forbidden), date accuracy 0.861; after correcting the labelling slips
    (US approvals of possible sales are 'announced', not 'planned': b5_03 x2, b5_24, b5_27 x2; b5_27's
    approvals carry no date, since 'the DSCA announced Wednesday' dates the saying) F1 0.612 (recall
    45/85, precision 0.726), date accuracy 0.865. After the generalising fixes (currency words, symbols
    and ISO codes of all major currencies, '5.2-billion-euro', a price 'worth ...' outside the deal's
    clause, spelled numbers to ninety, names of up to six words, 'K9 howitzers' kept as 'K9', the day
    after a saying verb dates the saying, 'ended negotiations', 'terminating ... sanctions', a ban on
    deliveries, ', in what would be', 'said the contract was signed', an anaphoric deal of an earlier
    year is its own event, a deal beside a delivery is for its goods, the exporter sells in an arms
    sales agreement, 'on X.' ends a sentence, Rutte speaks for NATO, a second approved sale has the
    first one's seller, an urged waiver is no waiver): F1 0.777 (recall 62/85, precision 0.832, 0
    forbidden), date accuracy 0.939. After the next round (a contract to export to X, a price in won is
    no order won, 'faces sanctions' imposes nothing, a warning that threatens sanctions, a price 'put
    at'): F1 0.805 (recall 65/85, precision 0.849, 0 forbidden), date accuracy 0.941. Then an arms sale
    a state 'opposes' is sold by the state named after the verb and dated by its own clause, the
    opposing day going to the reaction: F1 0.832 (recall 67/85, precision 0.880), date accuracy 0.943."""
    totals = _totals(score, load_gold("extract_gold_blind5.json"))
    assert totals["forbidden"] == 0
    assert totals["recall"] >= 0.80  # 0.824 after blind sets 9 to 11
    assert totals["precision"] >= 0.88
    assert totals["date_accuracy"] >= 0.92


def test_blind6_news_set(score: ModuleType) -> None:
    """60 newswire leads written blind by a seventh labeller (88 events, 13 items with none): Reuters, AP,
    AFP, PTI, ANI, Yonhap, Kyodo, TASS, Xinhua, Janes and Defense News habits; domestic orders, several
    imposers, targets named by the demonym of entities, datelines naming the city's country, items
    passed over, sentence-opening dates, analysts' guesses. Baseline with rules@2 as found: F1 0.596
    (recall 45/88, precision 0.713, 4 forbidden), date accuracy 0.808; no label contradicts the spec
    (b6_36's offer keeps its saying date, as offers do in the news sets). After the generalising fixes
    (a trade between a state and its own firms is none, 'awarded X a contract', a dateline's country,
    'chose X over Y', a sentence-opening date passes a cue that made no event, 'sanctions on N
    Russian officials' / 'a China-based refinery', experts' 'could buy' and 'no such deal'): F1 0.642
    (recall 48/88, precision 0.780, 0 forbidden), date accuracy 0.815. After the next round (a dated
    reference back - 'The measures, agreed ... on Thursday,' / 'signed the waiver earlier this month' -
    dates the event before, planned deliveries without goods deliver the deal's, 'to export X to Y',
    'has signed' takes no dateline day, '[India]' and 'PARIS/BAKU' datelines, 'an order for 24 jets',
    'the same day', 'put at', 'U.S. dollars', warned threats, 'also blacklisted'): F1 0.770 (recall
    64/88, precision 0.818, 0 forbidden), date accuracy 0.905. Then a day before 'arms export embargo'
    dates the embargo, not the 'export' modifying it: F1 0.794 (recall 65/88, precision 0.860), date
    accuracy 0.921."""
    totals = _totals(score, load_gold("extract_gold_blind6.json"))
    assert totals["forbidden"] == 0
    assert totals["recall"] >= 0.74  # 0.761 after blind sets 9 to 11
    assert totals["precision"] >= 0.87
    assert totals["date_accuracy"] >= 0.92


def test_blind7_news_set(score: ModuleType) -> None:
    """60 newswire leads written blind by an eighth labeller (108 events, 21 statements, 35 sanctions, 12
    items with none): Reuters, AP, AFP, PTI, ANI, Yonhap, Kyodo, TASS, Janes and Nikkei habits from 2013
    to 2026; reactions, titled speakers the gazetteer lacks, background sanctions, selections, amounts
    converted in brackets, variant designations, warnings, penalty tariffs, domestic news. Baseline with
    rules@3 as found: F1 0.533 (recall 50/108, precision 0.628, 6 forbidden), date accuracy 0.854; no
    label contradicts the spec (b7_02's selection is planned, as 'open contract negotiations' says; the
    saying dates b7_09's statement, not its planned deal). After the generalising fixes by class ('hopes
    to' / 'looks to' plan, 'under U.S. sanctions since' is background, '(USD346 million)' opens no
    clause, 'Defence Minister X said' speaks for the paragraph's last speaker or the dateline's state,
    'reacted angrily' and 'called the measures "..."' speak, an event inside a quote leaves its saying
    a statement, 'yet to' (not 'toughest ... yet') plans, 'The announcement was made ... on Saturday'
    dates the sentence before, 'could expose it to sanctions' threatens the one warned, 'on both
    countries', 'AIM-120D' kept as written, 'export contract' sells, 'signed an executive order' signs
    no deal, a tariff 'as a penalty', 'trade restriction list', 'sanctioned several Russian-flagged
    vessels', the accuser supplies nothing, 'a NATO country', disaster agencies): F1 0.676 (recall
    67/108, precision 0.743, 4 forbidden), date accuracy 0.912."""
    totals = _totals(score, load_gold("extract_gold_blind7.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.66  # 0.685 after blind sets 8 to 11
    assert totals["precision"] >= 0.78
    assert totals["date_accuracy"] >= 0.92


def test_blind8_news_set(score: ModuleType) -> None:
    """60 leads of one to three paragraphs written blind by a ninth labeller (87 events, 12 items with
    none) from every region, 2012 to 2026, kept as the regression floor of a set no rule was written
    for. Scored once when it arrived, after the fixes of blind sets 4 to 7: F1 0.465 (recall 40/87,
    precision 0.470, 7 forbidden), date accuracy 0.723, the held-out estimate of this session. Then one
    rule chosen on every labelled set (no set down), a trade naming one state and neither goods nor a
    price is no event: F1 0.492 (precision 0.529, 5 forbidden). Most misses are near misses: a second
    mention of a contract kept apart from the first, statements on domestic matters, dates from the
    sentence before. Then rules on those classes (a dateline ended by the agency's bracket alone, food
    exports, statements on no other state and no conflict, carriers 'aboard' aircraft, the contract
    behind a delivery, 'signed the contract' as a reference back), no set down: F1 0.547 (recall
    43/87, precision 0.613, 3 forbidden), date accuracy 0.771. Then an opposed arms sale sold by the
    state after the verb, its day the reaction's, and a lifted 'ban on selling lethal weapons' as an
    embargo: F1 0.570 (recall 45/87, precision 0.634), date accuracy 0.796. Then the references back
    of a later session (the dateline's day dates nothing, 'The contract, ..., was finalized on
    Thursday', an order signed two sentences on, 'jets delivered by Denmark and the Netherlands'):
    F1 0.651 (recall 52/87, precision 0.716, 2 forbidden), date accuracy 0.885. After the rules of
    blind sets 9 to 11: F1 0.721 (recall 59/87, precision 0.770), date accuracy 0.914."""
    totals = _totals(score, load_gold("extract_gold_blind8.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.66
    assert totals["precision"] >= 0.75
    assert totals["date_accuracy"] >= 0.89


def test_blind9_news_set(score: ModuleType) -> None:
    """60 headlines and leads written blind by a tenth labeller (77 events; 12 items with none: an
    election, an economy, an opinion column, domestic orders) from every region, 2019 to 2025. Scored
    once when it arrived: F1 0.661 with the code as found, 0.677 after the blind set 8 fixes above,
    written before it was read (recall 46/77, precision 0.782, 0 forbidden), date accuracy 0.833.
    Then rules by class, each checked on every set (no set down): a plan word in the object of a done
    approval ('cleared a proposal to buy'), 'taken delivery' and 'arriving' as receiving, a one-sided
    order buying from the supplier of the goods told before ('ordered 42 of the launchers'), a
    relative clause dating the goods of the clause before, 'completed the handover', 'imposed the
    sanctions' with the target told before: F1 0.780 (recall 56/77, precision 0.841), date accuracy
    0.896. With the statement, one-sided deal and sanction rules after it, and those of sets 10 and
    11: F1 0.908 (recall 68/77, precision 0.935), date accuracy 0.930."""
    totals = _totals(score, load_gold("extract_gold_blind9.json"))
    assert totals["forbidden"] == 0
    assert totals["recall"] >= 0.86
    assert totals["precision"] >= 0.91
    assert totals["date_accuracy"] >= 0.91


def test_blind10_news_set(score: ModuleType) -> None:
    """60 headlines and leads written blind by an eleventh labeller (75 events; 14 items with none:
    domestic orders, a budget, an exercise, an airline's order, a storm named Typhoon, football) from
    Latin America, Africa, Asia and Europe, 2010 to 2026. Scored once when it arrived, after the blind
    set 9 rules: F1 0.736 (recall 54/75, precision 0.753, 6 forbidden), date accuracy 0.917; the
    session's first code scored 0.701. Then rules by class (a done approval against a later negated
    signing, rivals passed over, 'the last six of 12', another batch of the goods before, 'imposed
    unilateral sanctions', drawing up sanctions, 'the system' named again, giving approval, a reported
    clause's own subject, counts over participles, a description after a deal, an act under way when
    announced): F1 0.852 (recall 63/75, precision 0.864, 1 forbidden), date accuracy 0.980."""
    totals = _totals(score, load_gold("extract_gold_blind10.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.82
    assert totals["precision"] >= 0.84
    assert totals["date_accuracy"] >= 0.95


def test_blind11_news_set(score: ModuleType) -> None:
    """60 headlines and leads written blind by a twelfth labeller (107 events, weighted to sanctions
    and statements; a quarter on India, Russia and the United States; 14 items with none). Scored once
    when it arrived, after the blind set 10 rules: F1 0.686 (recall 66/107, precision 0.772, 7
    forbidden), date accuracy 0.898; the session's first code scored 0.618. Then sanction rules
    (countermeasures, trade restrictions, export permits, list entries, a state's military supplied,
    a reaction to a state's decision, similar measures by several states), a home firm's order as no
    deal, the order a first batch is part of: F1 0.760 (recall 75/107, precision 0.831, 6 forbidden),
    date accuracy 0.914. Then variants written with their system, the first unit of the goods before,
    freezes on arms exports, sanctions announced beside an accusation, reactions to 'the decision':
    F1 0.818 (recall 83/107, precision 0.865), date accuracy 0.921. Most misses left are statements
    whose speaker is an unnamed office of another state and earlier measures told in passing ('first
    imposed in July 2014')."""
    totals = _totals(score, load_gold("extract_gold_blind11.json"))
    assert totals["forbidden"] <= 6
    assert totals["recall"] >= 0.75
    assert totals["precision"] >= 0.84
    assert totals["date_accuracy"] >= 0.90


def test_blind12_news_set(score: ModuleType) -> None:
    """60 headlines and leads written blind by a thirteenth labeller, weighted to deliveries (handovers,
    donations, first batches) in the Middle East, Africa, Latin America and South-East Asia (90
    events; 14 items with none). Scored once when it arrived, after the blind set 11 rules: F1 0.566
    (recall 46/90, precision 0.634, 3 forbidden), date accuracy 0.905; the session's first code
    scored 0.443. Then delivery rules (goods donated by a state, talks to export as a planned sale, a
    record of exports, 'the first three of eight', the home procurement agency, lists ending with
    'and', a demand to revoke, 'the contract' named again, '<State>-made', a handover to the
    dateline's state) and six systems for the gazetteer: F1 0.721 (recall 59/90, precision 0.800, 2
    forbidden), date accuracy 0.909."""
    totals = _totals(score, load_gold("extract_gold_blind12.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.63
    assert totals["precision"] >= 0.77
    assert totals["date_accuracy"] >= 0.88


def _all_docs() -> list[dict]:
    return [
        *load_gold("extract_gold.json")["documents"],
        *load_gold("extract_dev_holdout.json")["documents"],
        *load_gold("extract_gold_news.json")["documents"],
        *load_gold("extract_gold_news_late.json")["documents"],
        *load_gold("extract_gold_blind.json")["documents"],
        *load_gold("extract_gold_blind2.json")["documents"],
        *load_gold("extract_gold_blind3.json")["documents"],
        *load_gold("extract_gold_blind4.json")["documents"],
        *load_gold("extract_gold_blind5.json")["documents"],
        *load_gold("extract_gold_blind6.json")["documents"],
        *load_gold("extract_gold_blind7.json")["documents"],
        *load_gold("extract_gold_blind8.json")["documents"],
        *load_gold("extract_gold_blind9.json")["documents"],
        *load_gold("extract_gold_blind10.json")["documents"],
        *load_gold("extract_gold_blind11.json")["documents"],
        *load_gold("extract_gold_blind12.json")["documents"],
        *load_gold("extract_gold_blind13.json")["documents"],
        *load_gold("extract_gold_blind14.json")["documents"],
        *load_gold("extract_gold_blind15.json")["documents"],
        *load_gold("extract_gold_blind16.json")["documents"],
        *load_gold("extract_gold_blind17.json")["documents"],
        *load_gold("extract_gold_blind18.json")["documents"],
        *load_gold("extract_gold_blind19.json")["documents"],
        *load_gold("extract_gold_blind20.json")["documents"],
        *load_gold("extract_gold_blind21.json")["documents"],
        *load_gold("extract_gold_blind22.json")["documents"],
        *load_gold("extract_gold_blind23.json")["documents"],
        *load_gold("extract_gold_blind24.json")["documents"],
        *load_gold("extract_gold_blind25.json")["documents"],
        *load_gold("extract_gold_blind26.json")["documents"],
        *load_gold("extract_gold_blind27.json")["documents"],
        *load_gold("extract_gold_blind28.json")["documents"],
        *load_gold("extract_gold_blind29.json")["documents"],
        *load_gold("extract_gold_blind30.json")["documents"],
        *load_gold("extract_gold_blind31.json")["documents"],
        *load_gold("extract_gold_blind32.json")["documents"],
        *load_gold("extract_gold_blind33.json")["documents"],
        *load_gold("extract_gold_blind34.json")["documents"],
        *load_gold("extract_gold_blind35.json")["documents"],
        *load_gold("extract_gold_blind36.json")["documents"],
        *load_gold("extract_gold_blind37.json")["documents"],
        *load_gold("extract_gold_blind38.json")["documents"],
        *load_gold("extract_gold_blind39.json")["documents"],
        *load_gold("extract_gold_blind40.json")["documents"],
    ]


def test_events_validate_against_the_wire_schema() -> None:
    path = SHARED / "events.schema.json"
    if not path.exists():
        pytest.skip(f"no schema at {path}")
    validator = jsonschema.Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))
    count = 0
    for doc in _all_docs():
        for event in _run(doc):
            validator.validate(event)
            count += 1
    assert count > 100


def test_deterministic() -> None:
    docs = _all_docs()[:60]
    first = [_run(doc) for doc in docs]
    assert [_run(doc) for doc in reversed(docs)][::-1] == first


def test_evidence_offsets_cut_the_sentence_out_of_the_text() -> None:
    for doc in _all_docs():
        for event in extract(doc["text"], title=doc.get("title"), published=isoparse(doc["published"])):
            ev = event.evidence
            if ev.start is None:
                assert ev.sentence == doc["title"]
            else:
                assert doc["text"][ev.start : ev.end] == ev.sentence
