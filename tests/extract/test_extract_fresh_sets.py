"""Blind sets 13 to 95, each scored once on arrival before any rule looked at it (the fresh estimate
of how the extractor does on news it has not seen), then kept as regression floors."""

from __future__ import annotations

from types import ModuleType

from tests.extract.test_extract_acceptance import _totals, load_gold


def test_blind13_news_set(score: ModuleType) -> None:
    """60 headlines and leads by a fourteenth labeller (70 events). On arrival F1 0.724 (session's first
    code 0.645); after its rules 0.803, forbidden 4, dates 41/41."""
    totals = _totals(score, load_gold("extract_gold_blind13.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.74
    assert totals["precision"] >= 0.83
    assert totals["date_accuracy"] >= 0.95


def test_blind14_news_set(score: ModuleType) -> None:
    """40 headlines and leads by a fifteenth labeller (50 events; 8 with none: a domestic approval, a
    budget, an exercise, a missile test, a trade pact, an airline's order, a cricket match). On arrival F1
    0.642 (the session's first code 0.556), dates 27/29. Then rules: a participle of no event takes the
    date after it, 'the third of five' goes on, amounts in words, goods under a dated contract, the state
    after a verb is its object, a decision to sanction, the user of goods receives them: F1 0.767 (recall
    37/50, precision 0.797), 2 forbidden, dates 33/34. With the later sets' rules: F1 0.775 (recall 37/50,
    precision 0.814), no forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind14.json"))
    assert totals["forbidden"] <= 0
    assert totals["recall"] >= 0.72
    assert totals["precision"] >= 0.79
    assert totals["date_accuracy"] >= 0.92


def test_blind15_news_set(score: ModuleType) -> None:
    """60 headlines with two- and three-sentence leads by a sixteenth labeller (76 events, 20 of them
    sanctions; 12 items with none). On arrival F1 0.692 (the session's first code 0.621), 6 forbidden,
    dates 29/31. Then: unfounded reports and unconfirmed deals, exports to a list of states, counts of a
    part, orders for a named army, sanctions over a state's programme: F1 0.729 (recall 50/76, precision
    0.818), 5 forbidden. Most misses left are statements whose speaker is a named person ('President Vucic
    said') and handovers told as a commissioning. With the later sets' rules: F1 0.798 (recall 58/76,
    precision 0.837), 4 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind15.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.74
    assert totals["precision"] >= 0.81
    assert totals["date_accuracy"] >= 0.92


def test_blind16_news_set(score: ModuleType) -> None:
    """60 headlines and leads by a seventeenth labeller (70 events; 12 items with none: domestic buys,
    tests, exercises, an analysts' piece, a denial, rumours). On arrival F1 0.665 (the session's first
    code 0.631), 10 forbidden, dates 34/38. Then: rumours and speculation, 'no plan to transfer',
    deliveries 'due to begin', 'got under way', a buyer's own firm building the goods, a state's decision
    that could lead to sanctions, counts over 'multi-role' and 'U.S.-made': F1 0.816 (recall 52/70,
    precision 0.904), 1 forbidden, dates 39/43. With the later sets' rules: F1 0.885 (recall 58/70,
    precision 0.949), 1 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind16.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.81
    assert totals["precision"] >= 0.92
    assert totals["date_accuracy"] >= 0.93


def test_blind17_news_set(score: ModuleType) -> None:
    """60 headlines and leads by an eighteenth labeller, weighted to sanctions and reactions (71 events:
    28 sanctions, 20 statements; secondary sanctions on Indian, Turkish and Chinese firms, entity
    listings, waivers, tit-for-tat curbs; 12 items with none). On arrival F1 0.717 (the session's first
    code 0.660), 4 forbidden, dates 35/38. Then: known sanctions a saying examines, a reduced relative's
    imposer, 'a day earlier', an office opening the report, a decision dated before its infinitive: F1
    0.779 (recall 51/71, precision 0.850), 3 forbidden, dates 40/43. Most misses left are reactions by
    named officials the gazetteer lacks and measures told as nouns ('the lifting of international
    sanctions'). With the later sets' rules: F1 0.783 (recall 52/71, precision 0.841), 3 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind17.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.71
    assert totals["precision"] >= 0.82
    assert totals["date_accuracy"] >= 0.9


def test_blind18_news_set(score: ModuleType) -> None:
    """60 headlines and leads by a nineteenth labeller, weighted to deals and deliveries, two thirds on
    India (56 events: DAC and DSCA approvals, government-to-government contracts, leases, batches, delays,
    airlifts, gifts; 12 items with none). On arrival F1 0.631 (the session's first code 0.527), 6
    forbidden, dates 22/23. Then: the maker sells whatever 'for' names later, an order received, later
    batches, deliveries pushed to a year, airlifts, the place of a war, a state's package for another
    approved in a relative clause: F1 0.742 (recall 37/56, precision 0.845), no forbidden. Most misses
    left are two priced purchases in one sentence told as one deal. With the later sets' rules: F1 0.822
    (recall 43/56, precision 0.883), no forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind18.json"))
    assert totals["forbidden"] <= 0
    assert totals["recall"] >= 0.75
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.95


def test_blind19_news_set(score: ModuleType) -> None:
    """50 headlines and leads by a twentieth labeller on the model case, India's defence ties with Russia
    and the United States, 2017 to 2026 (48 events: S-400, AK-203, Igla-S, MH-60R, Apache, MQ-9B, F414,
    COMCASA and BECA, CAATSA threats, the Chabahar waiver, the 2025 penalty tariffs; 10 items with none).
    On arrival F1 0.716 (the session's first code 0.702), 7 forbidden. Then penalty tariffs, 'for India to
    buy', waivers only hoped for, a former chief's musing, initials that end no sentence: F1 0.777 (recall
    34/48, precision 0.860), 3 forbidden, dates 31/31. With the later sets' rules: F1 0.852 (recall 38/48,
    precision 0.923), 3 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind19.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.77
    assert totals["precision"] >= 0.9
    assert totals["date_accuracy"] >= 0.97


def test_blind20_news_set(score: ModuleType) -> None:
    """50 headlines and leads by a twenty-first labeller with no India at all (45 events: aid to Ukraine,
    EU packages, Gulf approvals and holds, Asia-Pacific sales and countermeasures, Russian, Turkish and
    Chinese sales to Africa and Latin America; 10 items with none). Scored on arrival only, the last check
    of the session: F1 0.743 (recall 31/45, precision 0.807), 3 forbidden, dates 24/27; the session's
    first code scored 0.655."""
    totals = _totals(score, load_gold("extract_gold_blind20.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.66
    assert totals["precision"] >= 0.78
    assert totals["date_accuracy"] >= 0.85


def test_blind21_news_set(score: ModuleType) -> None:
    """50 feed-reader headlines with a one-sentence lead by a twenty-second labeller ('US OKs $1.2bn
    sale', 'Seoul, Warsaw ink ...'; 41 events; 10 items with none). On arrival F1 0.748 (recall 31/41,
    precision 0.740), 3 forbidden, dates 19/19; the session's first code scored 0.701. With the later
    sets' rules: F1 0.792 (recall 33/41, precision 0.780), 2 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind21.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.78
    assert totals["precision"] >= 0.76
    assert totals["date_accuracy"] >= 0.97


def test_blind22_news_set(score: ModuleType) -> None:
    """40 wire stories with leads of three or four sentences by a twenty-third labeller (106 events: the
    news, its background deals and deliveries with their own dates, and reactions quoted after the fact).
    On arrival F1 0.694 (the session's first code 0.597), 7 forbidden, dates 43/47. Then quotes kept with
    their own speaker, modals of the goods, the maker's side, a sanction's reason, 'had already
    sanctioned', the Gulf state: F1 0.761 (recall 73/106, precision 0.850), 5 forbidden, dates 48/51. Most
    misses left are background events told with a pronoun or 'the first squadron'. With the later sets'
    rules: F1 0.784 (recall 76/106, precision 0.864), 5 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind22.json"))
    assert totals["forbidden"] <= 5
    assert totals["recall"] >= 0.7
    assert totals["precision"] >= 0.84
    assert totals["date_accuracy"] >= 0.88


def test_blind23_news_set(score: ModuleType) -> None:
    """45 headlines and leads by a twenty-fourth labeller, half on India (41 events: the subject, verb,
    tense and modality varied on purpose; 9 items with none). Scored on arrival after blind set 22's
    rules: F1 0.728 (the session's first code 0.632); after blind set 24's rules, still unseen, 0.749.
    Then an order placed, 'due between' two years, any decision to supply, the owner named before goods
    supplied by others: F1 0.828 (recall 34/41, precision 0.828), 1 forbidden, dates 22/24."""
    totals = _totals(score, load_gold("extract_gold_blind23.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.8
    assert totals["precision"] >= 0.8
    assert totals["date_accuracy"] >= 0.9


def test_blind24_news_set(score: ModuleType) -> None:
    """45 headlines and leads by a twenty-fifth labeller, weighted to sanctions and statements (55 events:
    27 sanctions; OFAC and Entity List designations, secondary sanctions on Chinese, Indian, Turkish and
    UAE firms, counter-sanctions, waivers, protests). On arrival F1 0.611 (the session's first code
    0.453), 8 forbidden. Then one sanction per state whose firms are among the targets, sanctions reacted
    to as in force, waivers granted by a state, a third state's claim as a statement: F1 0.851 (recall
    45/55, precision 0.887), 2 forbidden, dates 36/38."""
    totals = _totals(score, load_gold("extract_gold_blind24.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.78
    assert totals["precision"] >= 0.85
    assert totals["date_accuracy"] >= 0.9


def test_blind25_news_set(score: ModuleType) -> None:
    """40 headlines and leads by a twenty-sixth labeller, the four types evenly and 42% on India (37
    events: handovers of ships, spare-part and support contracts, sanctions relief, protests; 8 items with
    none). Scored on arrival only, the session's last check: F1 0.688 (recall 24/37, precision 0.732), 3
    forbidden, dates 18/19; the session's first code scored 0.559."""
    totals = _totals(score, load_gold("extract_gold_blind25.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.62
    assert totals["precision"] >= 0.70
    assert totals["date_accuracy"] >= 0.9


def test_blind26_news_set(score: ModuleType) -> None:
    """45 headlines and leads by a twenty-seventh labeller, 62% on India with Russia and the US (51
    events: the S-400 and CAATSA, the F414 and F404 engines, the Russian-oil penalty tariff imposed and
    lifted, Su-57 offers; 9 items with none, each a temptation). Scored on arrival, held out: F1 0.685
    (recall 33/51, precision 0.727), 6 forbidden, dates 27/33; the previous session's first code 0.611."""
    totals = _totals(score, load_gold("extract_gold_blind26.json"))
    assert totals["forbidden"] <= 6
    assert totals["recall"] >= 0.62
    assert totals["precision"] >= 0.70
    assert totals["date_accuracy"] >= 0.8


def test_blind27_news_set(score: ModuleType) -> None:
    """45 headlines and leads by a twenty-eighth labeller, half on India with Russia and the US (45
    events: S-400 squadrons, AK-203 and Ka-226 joint production, MH-60R and Apache, CAATSA and the
    Chabahar waiver; 9 items with none; strict about stamping a saying's day on what was done before).
    Scored on arrival, held out, the session's estimate of news it never saw: F1 0.855 (recall 37/45,
    precision 0.891), 7 forbidden, dates 26/26; the previous session's first code 0.823, this session's
    first code the same 0.855."""
    totals = _totals(score, load_gold("extract_gold_blind27.json"))
    assert totals["forbidden"] <= 7
    assert totals["recall"] >= 0.8
    assert totals["precision"] >= 0.87
    assert totals["date_accuracy"] >= 0.95


def test_blind28_news_set(score: ModuleType) -> None:
    """45 feed items from the whole world by a twenty-ninth labeller, a third touching India, Russia or
    the US (48 events: Ukraine aid, European rearmament, Gulf and Taiwan sales, sanctions relief; 9 items
    with none, among them a sports body's 'sanctions' and a regulator's). Scored on arrival, held out: F1
    0.906 (recall 43/48, precision 0.917), 4 forbidden, dates 26/27; the previous session's first code
    0.803, and this session's first code the same 0.906 (no rule of this session fires on it)."""
    totals = _totals(score, load_gold("extract_gold_blind28.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.87
    assert totals["precision"] >= 0.9
    assert totals["date_accuracy"] >= 0.95


def test_blind29_news_set(score: ModuleType) -> None:
    """45 headlines and leads by a thirtieth labeller, 27 on India's defence ties (51 events: F404 and
    F414 engines, Stryker dropped, Spike cancelled, S-400 talks, sanctions on Indian firms over Russia; 9
    items with none: an exercise in France, an analysts' piece, rumours of a KAAN sale). On arrival F1
    0.757 (recall 38/51, precision 0.770), 10 forbidden, dates 28/30; the session's first code 0.768.
    Then: a number inside an item's name is no year, 'unlikely to impose', barring a state's people,
    'on more than 300 Russian targets', Mumbai-based firms, 'The Army' after a paper's dateline,
    aircraft arriving for an exercise, reports declined comment on, the F404-GE-IN20 designation, what
    sanctioned firms are accused of shipping, the one sanctioned for buying: F1 0.901 (recall 44/51,
    precision 0.944), 3 forbidden, dates 32/33."""
    totals = _totals(score, load_gold("extract_gold_blind29.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.84
    assert totals["precision"] >= 0.92
    assert totals["date_accuracy"] >= 0.95


def test_blind30_news_set(score: ModuleType) -> None:
    """45 world wire leads by a thirty-first labeller, sanctions-heavy (56 events: OFAC designations, EU
    packages and the firms added to them, Myanmar's junta, Venezuela's licence, Russia's entry bans,
    K2, K9, Cheongung-II and NASAMS sales; 9 items with none: a SIPRI report, a court case, analysts).
    On arrival F1 0.708 (recall 37/56, precision 0.762), 7 forbidden, dates 22/24, the same with the
    session's first code. Then: removal from a programme, licences not renewed, 'the final 16 tanks',
    batteries of a system, goods bought to be given on, a purchase's worth told next, suppliers of a
    military and 'the military regime', a date before 'and' and the next verb, ship prefixes: F1 0.909
    (recall 50/56, precision 0.926), 3 forbidden, dates 28/29."""
    totals = _totals(score, load_gold("extract_gold_blind30.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.87
    assert totals["precision"] >= 0.9
    assert totals["date_accuracy"] >= 0.95


def test_blind31_news_set(score: ModuleType) -> None:
    """45 headlines and leads by a thirty-second labeller, half on India (53 events, 21 of them deals:
    RELOS, Igla-S, Javelin co-production, Safran engines, BrahMos, Pinaka and ATAGS exports; 9 items
    with none). Held out: scored on arrival and never tuned on, F1 0.735 (recall 36/53, precision
    0.800), 7 forbidden, dates 22/24; the session's first code 0.719. Rules the session then drew from
    blind32 left it where it was."""
    totals = _totals(score, load_gold("extract_gold_blind31.json"))
    assert totals["forbidden"] <= 7
    assert totals["recall"] >= 0.66
    assert totals["precision"] >= 0.78
    assert totals["date_accuracy"] >= 0.9


def test_blind32_news_set(score: ModuleType) -> None:
    """45 feed headlines with their summaries by a thirty-third labeller, shorter and looser than wire
    leads (48 events, 17 of them sanctions: lifted, waived, reimposed; 9 items with none: a Nobel prize,
    a court, elections). On arrival F1 0.748 (recall 33/48, precision 0.821), 6 forbidden, dates 29/34;
    the session's first code 0.729. Then: court convictions, claims dismissed, an exiled opposition,
    an embargo's imposition year, Storm Shadow apart from SCALP, aid packages, goods held back, oil
    shipped by nobody named, a package adopted the same day, the state arms exporter's voice: F1 0.876
    (recall 39/48, precision 0.951), 2 forbidden, dates 32/35."""
    totals = _totals(score, load_gold("extract_gold_blind32.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.8
    assert totals["precision"] >= 0.93
    assert totals["date_accuracy"] >= 0.9


def test_blind33_news_set(score: ModuleType) -> None:
    """45 headlines and leads by a thirty-fourth labeller, away from India (58 events: K2 tanks for Poland,
    Gripens, Super Tucanos, the EU's roll-overs, Israel's halt of exports to Colombia; 9 items with none: a
    missile test, drills, a football match, an election). Scored on arrival by the session's first code,
    F1 0.775 (recall 42/58, precision 0.833), 5 forbidden, dates 29/31; the rules drawn from blind34
    left it there. Then: dates after 'until' end a period and date nothing, 'said' and its like alone
    put the speaker after the verb ('..., the bloc's chairman, urged Niger, ...' names the ones urged),
    an apposition between speaker and verb, goods built in a state come from it, 'signed for ... from
    France', the progressive 'was halting security exports to', 'would not sell', 'backed sending':
    F1 0.857 (recall 47/58, precision 0.909), 2 forbidden, dates 33/34. With the later sets' rules: F1 0.867
    (recall 48/58), dates 34/35."""
    totals = _totals(score, load_gold("extract_gold_blind33.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.8
    assert totals["precision"] >= 0.9
    assert totals["date_accuracy"] >= 0.95


def test_blind34_news_set(score: ModuleType) -> None:
    """45 feed items by a thirty-fifth labeller, half on India (55 events; 10 items with none: a DAC
    clearance for Indian-made jets, a missile test, an opinion piece, a cricket match, an election). On
    arrival F1 0.813 (recall 46/55, precision 0.791), 5 forbidden, dates 35/36. Then: a plan to build
    goods with a state shelved, 'export version', sports bodies and sports pages, goods sourced from
    domestic industry, a state's plain name before 'sanctions' names their target, agreements of no
    military kind, columns labelled 'Opinion' or 'Analysis': F1 0.872 (recall 48/55, precision 0.872),
    1 forbidden, dates 36/38. With the later sets' rules: F1 0.888 (recall 49/55, precision 0.885)."""
    totals = _totals(score, load_gold("extract_gold_blind34.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.85
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.92


def test_blind35_news_set(score: ModuleType) -> None:
    """45 wire leads by a thirty-sixth labeller, weighted to statements between states (57 events: 22
    statements, 19 sanctions; 9 items with none: a missile test, a budget, cricket, a court ruling). On
    arrival F1 0.798 (recall 46/57, precision 0.789), 4 forbidden, dates 39/42, with the session's first
    code and with the rules drawn from blind33 and blind34 alike. Held out: no rule was drawn from it;
    the rules drawn from blind36 took it to F1 0.813."""
    totals = _totals(score, load_gold("extract_gold_blind35.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.8
    assert totals["precision"] >= 0.8
    assert totals["date_accuracy"] >= 0.9


def test_blind36_news_set(score: ModuleType) -> None:
    """45 trade-press items by a thirty-seventh labeller on the arms trade (59 events, 38 of them deals:
    executive contracts, DSCA approvals, letters of intent, shipyard handovers; 9 items with none: a
    manufacturer's earnings, a first flight, domestic orders, an air show). On arrival F1 0.686 (recall
    38/59, precision 0.733), 4 forbidden, dates 35/40, the lowest of the session's fresh sets. Then: a
    company's books are no sale, a letter of intent plans, a firm that signs to supply sells to the other
    party, talks told before the deal noun plan it, a possible waiver leaves sanctions looming, approval
    received is no delivery, a contract told as signed the day a plan was told is that plan's signing,
    goods 'bound for' a state and jets that 'touched down' at a base of the report's state, deliveries
    'expected from' a year, places and phrases that only look like actors (Minsk Mazowiecki, 'a NATO
    customer'), a participle's date left to the main verb, a designation's brackets, a choice with the
    purchase to come: F1 0.831 (recall 46/59, precision 0.890), 1 forbidden, dates 41/46."""
    totals = _totals(score, load_gold("extract_gold_blind36.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.77
    assert totals["precision"] >= 0.87  # 0.872: dated sayings of a side of the trade kept, not in its gold
    assert totals["date_accuracy"] >= 0.87


def test_blind37_news_set(score: ModuleType) -> None:
    """40 feed items by a thirty-eighth labeller, a third on India and Russia or the United States (49
    events, the four types alike; 8 items with none: missile tests, an exercise, a House vote urging a
    waiver, an election, cricket, a budget, an analysis). Held out, written after the session's rules:
    on arrival F1 0.817 (recall 36/49, precision 0.919), 2 forbidden, dates 28/28; the session's first
    code scored 0.804."""
    totals = _totals(score, load_gold("extract_gold_blind37.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.73
    assert totals["precision"] >= 0.9
    assert totals["date_accuracy"] >= 0.95


def test_blind38_news_set(score: ModuleType) -> None:
    """40 agency leads by a thirty-ninth labeller, a third on South Asia (50 events, 22 of them statements;
    8 items with none: a domestic clearance, a test firing, an exercise, a denial, a rejected motion, the
    Houthis' 'sanctions'). Written after the session's other rules: on arrival F1 0.769 (recall 36/50,
    precision 0.824), 2 forbidden, dates 32/38, as with the session's first code. Then: 'called new
    sanctions biased', expulsions and recalled ambassadors, ministries by their buildings (Wisma Putra,
    Itamaraty), a country's National Security Council, and the verbs of a relative clause given to its
    antecedent, a judgement said by a party to the act, militias apart from their states: F1 0.837 (recall
    40/50, precision 0.877), 1 forbidden, dates 36/40."""
    totals = _totals(score, load_gold("extract_gold_blind38.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.8
    assert totals["precision"] >= 0.87
    assert totals["date_accuracy"] >= 0.89


def test_blind39_news_set(score: ModuleType) -> None:
    """40 leads by a fortieth labeller on the Middle East, Africa and Latin America (50 events; 8 items
    with none: a coup, an election, a naval drill, a missile test, an arms fair, analysts, a denial,
    a refusal). Held out, written after the session's rules: on arrival F1 0.757 (recall 34/50,
    precision 0.855), 3 forbidden, dates 23/23; the session's first code scored 0.740. Its misses were
    read, not tuned on; two rules drawn from other sets ('relies on Iranian gas', 'no interest in
    supplying') took it to 0.768, 2 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind39.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.68
    assert totals["precision"] >= 0.85
    assert totals["date_accuracy"] >= 0.95


def test_blind40_news_set(score: ModuleType) -> None:
    """40 leads by a forty-first labeller on Europe, Russia and Ukraine, East Asia and AUKUS (49 events;
    8 items with none: elections, a party congress, a parade, a missile test, an exercise, analysts, a
    denial, a purchase weighed). On arrival F1 0.730 (recall 35/49, precision 0.746), 3 forbidden,
    dates 30/32, as with the session's first code. Then: what analysts think could come, a party or a
    militia apart from its state, a shift away from a seller, barred from trade, sanctions a state
    imposed told as another act's reason, one prompted to warn, a security assistance package, the
    firms barred as the target: F1 0.808 (recall 39/49, precision 0.820), 1 forbidden, dates 33/35."""
    totals = _totals(score, load_gold("extract_gold_blind40.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.79
    assert totals["precision"] >= 0.81
    assert totals["date_accuracy"] >= 0.93


def test_blind41_news_set(score: ModuleType) -> None:
    """42 leads by a forty-second labeller in the styles of 22 outlets, 16 on India (59 events; 8 items
    with none: SIPRI data, a cricket match, a denied rumour, a firm's earnings, a missile test, an
    election, a domestic order, an exercise). On arrival F1 0.666 (recall 37/59, precision 0.709), 7
    forbidden, dates 32/42. Then: entry bans, punitive measures and countermeasures taken, acts announced
    in the present perfect, 'The move came a day after', a cancellation notified later, goods arriving then
    delivered, the country goods reached, pledged relief, a dismissed report, 'has not sold', the firm
    signing for a side, goods built with another's technology, goods a relative clause says were sent,
    goods an order replaces, 'decided to ship', 'said on Tuesday the measures target', and (with later
    sets' rules) a company's reported sales and one system named two ways: F1 0.877 (recall 51/59,
    precision 0.890), 3 forbidden, dates 44/47."""
    totals = _totals(score, load_gold("extract_gold_blind41.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.84
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.93


def test_blind42_news_set(score: ModuleType) -> None:
    """42 feed entries (headline and summary) by a forty-third labeller on the arms trade and sanctions
    worldwide, a third on India (58 events; 8 items with none: a factory opening, a missile test, an
    airshow, a column, a court case, a trade fair, a treaty review, a state visit). Held out: on arrival F1
    0.789 (recall 45/58, precision 0.803), 1 forbidden, dates 35/41; not tuned on."""
    totals = _totals(score, load_gold("extract_gold_blind42.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.77
    assert totals["precision"] >= 0.80
    assert totals["date_accuracy"] >= 0.85


def test_blind43_news_set(score: ModuleType) -> None:
    """42 items by a forty-fourth labeller on the model case: India's ties with Russia and the United States
    and its neighbours, in Indian and wire styles (58 events; 7 items with none: a DRDO test, a domestic
    AoN, an exercise, a think-tank panel, a denied report, an air show, a rally). On arrival F1 0.694
    (recall 39/58, precision 0.718), 4 forbidden, dates 35/37. Then: what panellists agree and analysts
    see, allegations at a rally, goods gifted, indigenous sourcing, 'to supply India with', a diplomatic
    note, a variant as its system, a plan 'has been scrapped', 'in spite of Washington's warning', a tariff
    on a state's exports, a speaker before a 'who' clause, 'A day earlier,', 'Washington's warning that the
    purchase could attract sanctions', ties downgraded and a treaty put in abeyance as the measures another
    answers: F1 0.821 (recall 46/58, precision 0.852), 2 forbidden, dates 40/41."""
    totals = _totals(score, load_gold("extract_gold_blind43.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.79
    assert totals["precision"] >= 0.85
    assert totals["date_accuracy"] >= 0.97


def test_blind44_news_set(score: ModuleType) -> None:
    """42 leads by a forty-fifth labeller, half on sanctions and the statements around them (67 events,
    35 of them sanctions; 8 items with none: a regulator's fine, a court ruling, a forecast, a budget, a
    missile test, a parade, earnings, an investigation). Held out: on arrival F1 0.696 (recall 43/67,
    precision 0.760), 2 forbidden, dates 37/46; not tuned on. Rules drawn from blind sets 43 and 45
    (ECOWAS, stop lists, visa restrictions, responses to sanctions, a state adopting the EU's, 'the bloc',
    'also' on the same day) took it to 0.731 (recall 46/67, precision 0.781), dates 40/47."""
    totals = _totals(score, load_gold("extract_gold_blind44.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.68
    assert totals["precision"] >= 0.78
    assert totals["date_accuracy"] >= 0.85


def test_blind45_news_set(score: ModuleType) -> None:
    """44 leads by a forty-sixth labeller, 30 on sanctions in every shape (64 events, 51 sanctions; 6 items
    with none: a smuggling sentence, an analysts' note, a regulator's fine, an op-ed, a compliance
    statement, a panel report). On arrival F1 0.650 (recall 37/64, precision 0.743), 9 forbidden, dates
    33/37. Then: ECOWAS as a body, stop lists, visa restrictions and the SDN list, a general licence,
    sanctions suspended, a target before the next sanction told, what a saying after adds, sanctions
    responded to, a state adopting the EU's sanctions, 'the North', a count of days alone, the terrorism
    list, 'the bloc' as the body named, 'also' on the same day, a waiver of sanctions told before, a round
    of measures, 'since 2022' after a superlative, a state urged to impose, sanctions a panel monitors:
    F1 0.837 (recall 52/64, precision 0.863), 3 forbidden, dates 46/47."""
    totals = _totals(score, load_gold("extract_gold_blind45.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.81
    assert totals["precision"] >= 0.83
    assert totals["date_accuracy"] >= 0.97


def test_blind46_news_set(score: ModuleType) -> None:
    """44 feed entries by a forty-seventh labeller, a third on South Asia, all four types as a week's feed
    brings them (60 events; 8 items with none: a denied rumour, a domestic approval, an analysis, an ICBM
    test, an arms fair, a parade, a port call, a company's results). Held out: on arrival F1 0.744
    (recall 42/60, precision 0.795), 1 forbidden, dates 32/36; with blind set 45's rules, written before
    it was read, 0.761."""
    totals = _totals(score, load_gold("extract_gold_blind46.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.71
    assert totals["precision"] >= 0.79
    assert totals["date_accuracy"] >= 0.89


def test_blind47_news_set(score: ModuleType) -> None:
    """40 leads by a forty-eighth labeller for a general international desk, every region and type (51
    events, many of them dated background; 7 items with none). Held out, written after this session's
    rules: on arrival F1 0.544 (recall 24/51, precision 0.644), 7 forbidden, dates 21/31, the lowest of
    any set on arrival; not tuned on."""
    totals = _totals(score, load_gold("extract_gold_blind47.json"))
    assert totals["forbidden"] <= 7
    assert totals["recall"] >= 0.47
    assert totals["precision"] >= 0.64
    assert totals["date_accuracy"] >= 0.67


def test_blind48_news_set(score: ModuleType) -> None:
    """40 feed items by a forty-ninth labeller on India's ties with Russia and the United States (47
    events; 7 items with none). Written after this session's rules: on arrival F1 0.708 (recall 30/47,
    precision 0.794), 3 forbidden, dates 27/33. Then: a year closing a relative clause before
    auxiliaries, part of an order delivered, 'until 2031', the 'countries buying' a warning is about,
    'that he would raise tariffs', deals worth a total including goods priced apart, restrictions 'in place
    since' a year, relief granted in the present perfect, the subject of a second joined sentence: F1 0.832
    (recall 37/47, precision 0.882), 2 forbidden, dates 32/36."""
    totals = _totals(score, load_gold("extract_gold_blind48.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.78
    assert totals["precision"] >= 0.88
    assert totals["date_accuracy"] >= 0.88


def test_blind49_news_set(score: ModuleType) -> None:
    """40 leads by a fiftieth labeller on the Indo-Pacific and the Gulf (50 events, half of them deals; 8
    items with none). Held out, written after all of this session's rules: on arrival F1 0.698 (recall
    33/50, precision 0.740), 6 forbidden, dates 30/35; not tuned on."""
    totals = _totals(score, load_gold("extract_gold_blind49.json"))
    assert totals["forbidden"] <= 6
    assert totals["recall"] >= 0.66
    assert totals["precision"] >= 0.74
    assert totals["date_accuracy"] >= 0.85


def test_blind50_news_set(score: ModuleType) -> None:
    """40 feed entries by a fifty-first labeller on Europe's and Russia's relations: Ukraine aid, European
    purchases, sanctions on Russia and Belarus (48 events; 7 items with none). Held out, written after all
    of this session's rules: on arrival F1 0.774 (recall 33/48, precision 0.885), 3 forbidden, dates
    28/30; not tuned on."""
    totals = _totals(score, load_gold("extract_gold_blind50.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.68
    assert totals["precision"] >= 0.88
    assert totals["date_accuracy"] >= 0.93


def test_blind51_news_set(score: ModuleType) -> None:
    """44 leads by a fifty-second labeller on the model case: India's procurement from Russia, the US,
    France and Israel, CAATSA, DAC approvals, HAL contracts (51 events; 6 items with none; it codes
    domestic contracts with HAL as deals, which 20 earlier sets forbid, so those four stay missed). On
    arrival F1 0.758 (recall 37/51, precision 0.794), 2 forbidden, dates 28/30 (the session's first code
    the same). Then: a report rejected 'as factually incorrect', a headline's maker demonym, an order a
    relative clause dates before the goods land, the sanctioning state buys nothing, of two states in
    talks the maker sells: F1 0.821 (recall 41/51, precision 0.839), 1 forbidden, dates 30/31."""
    totals = _totals(score, load_gold("extract_gold_blind51.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.8
    assert totals["precision"] >= 0.83
    assert totals["date_accuracy"] >= 0.96


def test_blind52_news_set(score: ModuleType) -> None:
    """42 leads by a fifty-third labeller on East Asia and the Pacific: Taiwan arms sales and China's
    counter-sanctions, AUKUS, Korean and Japanese exports, North Korea's arms for Russia, chip export
    controls (51 events; 6 items with none). On arrival F1 0.697 (recall 33/51, precision 0.754), 3
    forbidden, dates 22/25 (the session's first code the same). Then: a state's contract with a foreign
    firm to build, acts announced in the perfect or under way, '-supplied' goods, the unverified list, a
    crackdown's target, 'a day after Washington launched', a name's abbreviation in brackets: F1 0.759
    (recall 37/51, precision 0.797), 2 forbidden, dates 26/26."""
    totals = _totals(score, load_gold("extract_gold_blind52.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.72
    assert totals["precision"] >= 0.79
    assert totals["date_accuracy"] >= 0.95


def test_blind53_news_set(score: ModuleType) -> None:
    """42 leads by a fifty-fourth labeller on the Middle East, Turkey and Africa: Gulf and Egyptian
    purchases, Turkey's S-400s, Iranian drones, Israeli exports, the Sahel, UN and ECOWAS measures (51
    events; 6 items with none). Held out, not tuned on: on arrival F1 0.711 (recall 31/51, precision
    0.855), 2 forbidden, dates 25/30 (the session's first code 0.710); with the rules of blind sets 54 to
    62, F1 0.742 (recall 33/51, precision 0.871), dates 27/30."""
    totals = _totals(score, load_gold("extract_gold_blind53.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.6
    assert totals["precision"] >= 0.85
    assert totals["date_accuracy"] >= 0.83


def test_blind54_news_set(score: ModuleType) -> None:
    """42 leads by a fifty-fifth labeller on Europe, Russia and Ukraine: aid pledges and deliveries,
    European purchases, EU packages and renewals, counter-sanctions and expulsions (52 events; it codes
    diplomatic expulsions as sanctions, which blind set 47 forbids, so those stay missed). On arrival F1
    0.679 (recall 30/52, precision 0.824), 5 forbidden, dates 24/29 (the session's first code 0.675).
    Then: no done act dated after its telling, the EU's 'restrictive measures' and the Council of the EU,
    others' plans after ', and ... said', a delivery apart from an approval's goods, an approval that
    clears the way to sign: F1 0.732 (recall 33/52, precision 0.865), 3 forbidden, dates 27/31."""
    totals = _totals(score, load_gold("extract_gold_blind54.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.63
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.87


def test_blind55_news_set(score: ModuleType) -> None:
    """42 feed entries by a fifty-sixth labeller on the wider world: Latin America, Africa, the Caucasus,
    Central and Southeast Asia (51 events; 6 items with none). Held out, not tuned on: on arrival F1
    0.744 (recall 36/51, precision 0.787), 4 forbidden, dates 29/30; the session's first code scored it
    0.713, so this session's rules carried over to it; with those of blind sets 56 to 62, 0.761 (recall
    37/51, precision 0.800), dates 30/30."""
    totals = _totals(score, load_gold("extract_gold_blind55.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.7
    assert totals["precision"] >= 0.78
    assert totals["date_accuracy"] >= 0.93


def test_blind56_news_set(score: ModuleType) -> None:
    """43 wire leads by a fifty-seventh labeller on the model case told by Reuters, AP, Bloomberg and TASS:
    S-400s and CAATSA, Chabahar waivers, GE and Stryker deals, iCET, India at the UN (50 events; 6 items
    with none). On arrival F1 0.761 (recall 35/50, precision 0.833), 2 forbidden, dates 28/32 (the
    session's first code the same). Then: the warner of sanctions a purchase could trigger imposes them,
    'not yet decided whether to impose ... or to grant a waiver', the goods an agreement covers, an
    exemption 'to be revoked from Sept. 29': F1 0.825 (recall 38/50, precision 0.901), no forbidden,
    dates 30/33."""
    totals = _totals(score, load_gold("extract_gold_blind56.json"))
    assert totals["forbidden"] <= 0
    assert totals["recall"] >= 0.76
    assert totals["precision"] >= 0.9
    assert totals["date_accuracy"] >= 0.9


def test_blind57_news_set(score: ModuleType) -> None:
    """42 leads by a fifty-eighth labeller on sanctions in all their forms: designations, listings,
    packages, renewals, counter-sanctions, UN measures and their expiry, waivers, licences and tariffs as
    penalties (51 events, 37 sanctions; 7 items with none). On arrival F1 0.718 (recall 33/51, precision
    0.806), 8 forbidden, dates 24/29 (the session's first code 0.691). Then: an embargo that expires is
    lifted, sanctions reimposed or a licence not renewed are imposed that day, a general licence on the way
    to a pledged lifting waives, special economic measures and a decree signed: F1 0.782 (recall 37/51,
    precision 0.847), 5 forbidden, dates 28/33."""
    totals = _totals(score, load_gold("extract_gold_blind57.json"))
    assert totals["forbidden"] <= 5
    assert totals["recall"] >= 0.72
    assert totals["precision"] >= 0.84
    assert totals["date_accuracy"] >= 0.84


def test_blind58_news_set(score: ModuleType) -> None:
    """43 leads by a fifty-ninth labeller in defence trade press style: contracts, LOAs, FMS approvals,
    letters of intent, options, handovers and cancellations worldwide (51 events, 30 of them deals; 6
    items with none). Held out, not tuned on: on arrival F1 0.702 (recall 34/51, precision 0.740), 4
    forbidden, dates 29/31 (the session's first code 0.700). Like blind sets 52 to 59 it codes a seller's
    approval of a possible sale as planned where issue 4 says approved is announced; scored that way it
    would read 0.741."""
    totals = _totals(score, load_gold("extract_gold_blind58.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.66
    assert totals["precision"] >= 0.73
    assert totals["date_accuracy"] >= 0.9


def test_blind59_news_set(score: ModuleType) -> None:
    """43 leads by a sixtieth labeller on governments reacting to each other: protests, summonses,
    warnings and the acts they answer (53 events, 22 statements; 6 items with none). On arrival F1 0.809
    (recall 41/53, precision 0.847), 1 forbidden, dates 32/32 (the session's first code 0.808). Then: a
    trade halt names its partner, imports suspended, 'a day after New Delhi held ... in abeyance', export
    licences granted to end an embargo, a decision others are asked to reconsider: F1 0.856 (recall
    45/53, precision 0.864), 1 forbidden, dates 36/36. Blind set 70's plans told after another act ('...,
    and the missiles are to be delivered between fiscal 2025 and 2027') add one this labeller left out:
    precision 0.854."""
    totals = _totals(score, load_gold("extract_gold_blind59.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.84
    assert totals["precision"] >= 0.85
    assert totals["date_accuracy"] >= 0.97


def test_blind60_news_set(score: ModuleType) -> None:
    """42 items by a sixty-first labeller, with issue 4's status words, from a general news desk's defence
    and diplomacy feed, the four types about even, every region (52 events; 6 items with none). Held out,
    not tuned on: on arrival F1 0.834 (recall 42/52, precision 0.863), 5 forbidden, dates 32/33 (the
    session's first code 0.828)."""
    totals = _totals(score, load_gold("extract_gold_blind60.json"))
    assert totals["forbidden"] <= 5
    assert totals["recall"] >= 0.8
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.96


def test_blind61_news_set(score: ModuleType) -> None:
    """42 leads by a sixty-second labeller, the first given issue 4's words for status (approved and
    cleared are announced), on South Asia and the Indian Ocean (51 events; 7 items with none). On arrival
    F1 0.824 (recall 41/51, precision 0.846), 1 forbidden, dates 31/32 (the session's first code 0.801).
    Then: sanctions related to a state's programme, a state not yet sanctioned under the same law, a deal
    'if finalised' is still a plan: F1 0.864 (recall 44/51, precision 0.866), no forbidden, dates 32/33."""
    totals = _totals(score, load_gold("extract_gold_blind61.json"))
    assert totals["forbidden"] <= 0
    assert totals["recall"] >= 0.86
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.96


def test_blind62_news_set(score: ModuleType) -> None:
    """42 leads by a sixty-third labeller, with issue 4's status words, on Russia's arms trade and the
    sanctions around it (50 events; 6 items with none). On arrival F1 0.693 (recall 33/50, precision
    0.728), 5 forbidden, dates 23/27 (the session's first code 0.668). Then: 'its most aggressive move yet
    to punish Moscow' delays nothing, a lifting that may come ('could ... lift', 'any lifting', 'path to
    lifting') is none, goods 'were flown into' a base: F1 0.757 (recall 37/50, precision 0.775), 3
    forbidden, dates 26/29."""
    totals = _totals(score, load_gold("extract_gold_blind62.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.7
    assert totals["precision"] >= 0.77
    assert totals["date_accuracy"] >= 0.86


def test_blind63_news_set(score: ModuleType) -> None:
    """42 RSS items by a sixty-fourth labeller, with issue 4's status words, from a general world news
    feed, the four types about even (51 events; 6 items with none). Held out, not tuned on: on arrival F1
    0.843 (recall 43/51, precision 0.843), 3 forbidden, dates 28/30; the session's first code scored it
    0.792, so the session's rules carried over."""
    totals = _totals(score, load_gold("extract_gold_blind63.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.84
    assert totals["precision"] >= 0.84
    assert totals["date_accuracy"] >= 0.93


def test_blind64_news_set(score: ModuleType) -> None:
    """43 leads by a sixty-fifth labeller, with issue 4's status words, on the United States and its
    allies: FMS approvals, deliveries, export controls and sanctions (54 events; 6 items with none). On
    arrival F1 0.770 (recall 42/54, precision 0.762), 3 forbidden, dates 30/31 (the session's first code
    0.756). Then: 'is considering new sanctions' is the progressive of the one considering, a sanction
    'over its supply of' goods names their supplier, export controls 'that cut China off': F1 0.786
    (recall 43/54, precision 0.776), dates 31/32."""
    totals = _totals(score, load_gold("extract_gold_blind64.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.77
    assert totals["precision"] >= 0.77
    assert totals["date_accuracy"] >= 0.96


def test_blind65_news_set(score: ModuleType) -> None:
    """44 leads by a sixty-sixth labeller, with issue 4's status words, from a general world-news desk
    (a quarter general politics and security; 75 events; 7 items with none). Held out, not tuned on: on
    arrival F1 0.719 (recall 48/75, precision 0.819), 6 forbidden, dates 29/32; the session's first code
    scored it the same. Looked at in the next round (objections 'from' a state, 'the first of two'): 0.760
    (recall 51/75, precision 0.861)."""
    totals = _totals(score, load_gold("extract_gold_blind65.json"))
    assert totals["forbidden"] <= 6
    assert totals["recall"] >= 0.68
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.91


def test_blind66_news_set(score: ModuleType) -> None:
    """44 leads by a sixty-seventh labeller, with issue 4's status words, on the model case as Indian
    outlets write it (PTI, ANI, The Hindu, ThePrint: S-400, AK-203, MQ-9B, GE engines, DAC approvals;
    66 events; 7 items with none). On arrival F1 0.744 (recall 43/66, precision 0.867), 2 forbidden,
    dates 35/39. Then: '(over Rs 40,000 crore)' between a price and 'deal' opens no clause, 'held off on
    sanctioning' threatens: F1 0.776 (recall 45/66, precision 0.900), 1 forbidden, dates 36/40. Left:
    this labeller's domestic HAL contracts (India buying from itself), joint ventures as 'parties',
    speakers in an apposition ('Dmitry Shugaev, director of Russia's ..., said'). A planned delivery told
    after a deal ('the drones will be delivered from 2029') is its own event since the nineteenth round,
    with the year it is due, which this labeller forbids: 2 forbidden, F1 0.828."""
    totals = _totals(score, load_gold("extract_gold_blind66.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.68
    assert totals["precision"] >= 0.9
    assert totals["date_accuracy"] >= 0.9


def test_blind67_news_set(score: ModuleType) -> None:
    """44 leads by a sixty-eighth labeller on the Middle East, Turkey, Iran and the Gulf (66 events; 7
    items with none). On arrival F1 0.715 (recall 44/66, precision 0.770), 8 forbidden, dates 33/36.
    Then: the day of another clause no longer refines a delivery told 'last week', sanctions 'for
    supplying Iran's ballistic missile program' target Iran and tell no delivery, 'last year's nuclear
    deal' dates the deal: F1 0.728 (recall 45/66, precision 0.782), 7 forbidden, dates 34/37. This
    labeller counts arms-export freezes as sanctions, a state's removal from the F-35 programme as a
    cancelled deal, and sanctions on a 'Lebanese businessman' as having no target. With a deal 'with German
    shipbuilder ThyssenKrupp' a purchase from Germany: F1 0.742 (recall 46/66, precision 0.793)."""
    totals = _totals(score, load_gold("extract_gold_blind67.json"))
    assert totals["forbidden"] <= 7
    assert totals["recall"] >= 0.69
    assert totals["precision"] >= 0.78  # 0.784 since a vow to retaliate threatens (not in its gold)
    assert totals["date_accuracy"] >= 0.91


def test_blind68_news_set(score: ModuleType) -> None:
    """44 leads by a sixty-ninth labeller, a broadsheet's world page on Europe and East Asia (69 events;
    7 items with none). Held out, not tuned on: on arrival F1 0.749 (recall 48/69, precision 0.811),
    10 forbidden, dates 32/34. Looked at in the next round (goods unloaded at a port): 0.759, 9 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind68.json"))
    assert totals["forbidden"] <= 9
    assert totals["recall"] >= 0.71
    assert totals["precision"] >= 0.81
    assert totals["date_accuracy"] >= 0.94


def test_blind69_news_set(score: ModuleType) -> None:
    """42 leads by a seventieth labeller: a world wire feed on sanctions, arms sales and deliveries far from
    the big powers, a quarter of them reactions (83 events; 7 items with none). On arrival F1 0.687 (recall
    57/83, precision 0.688), 11 forbidden, dates 40/45. Then: 'ordered the army to' is a command,
    restrictions on exporting goods supply nothing, goods turned to 'instead' leave the deal signed before:
    F1 0.706 (recall 58/83, precision 0.713), 9 forbidden, dates 41/46; with blind set 73's budget bills
    'sent to Congress': F1 0.711 (precision 0.723); with the first jets that 'would arrive next year' a
    planned delivery: F1 0.718 (recall 59/83)."""
    totals = _totals(score, load_gold("extract_gold_blind69.json"))
    assert totals["forbidden"] <= 9
    assert totals["recall"] >= 0.69
    assert totals["precision"] >= 0.72
    assert totals["date_accuracy"] >= 0.89


def test_blind70_news_set(score: ModuleType) -> None:
    """43 items by a seventy-first labeller from defence trade press and business wires (87 events; 7 items
    with none). On arrival F1 0.728 (recall 57/87, precision 0.818), 9 forbidden, dates 37/40. Then:
    claims that 'have not been confirmed', talks over a deal for goods, the 'arms transfer' a deal could be,
    'The tanks arrived' dating the batch told before: F1 0.751 (recall 58/87, precision 0.860), 7
    forbidden, dates 38/40; plans told after another act in their clause ('..., and the first jets are due
    to be delivered in 2019'): F1 0.782 (recall 62/87, precision 0.867), 11 forbidden. Four of those are
    this labeller's rule that a future delivery has no date, where tracker keeps the year it is due. With
    the states turned to 'instead' no party to a deal scrapped: F1 0.789 (recall 63/87). With 'the first
    eight aircraft would arrive in 2028' a planned delivery (dated, so one more of those): F1 0.785
    (precision 0.857), 12 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind70.json"))
    assert totals["forbidden"] <= 12
    assert totals["recall"] >= 0.72
    assert totals["precision"] >= 0.85
    assert totals["date_accuracy"] >= 0.95


def test_blind71_news_set(score: ModuleType) -> None:
    """43 leads by a seventy-second labeller on the India-Russia-US triangle in international outlets (69
    events; 7 items with none). On arrival F1 0.726 (recall 46/69, precision 0.797), 4 forbidden, dates
    31/35. Then: an order signed on a day imposing a punitive duty is a sanction, a tariff on a state's
    exports no delivery: F1 0.745 (recall 47/69, precision 0.822), dates 32/36."""
    totals = _totals(score, load_gold("extract_gold_blind71.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.68
    assert totals["precision"] >= 0.82
    assert totals["date_accuracy"] >= 0.88


def test_blind72_news_set(score: ModuleType) -> None:
    """43 aggregator items (headline and first sentences) by a seventy-third labeller, many carrying two or
    three events (89 events; 7 items with none). Held out, not tuned on: on arrival F1 0.688 (recall
    53/89, precision 0.816), 5 forbidden, dates 31/33. Looked at in the next round ('in 2017 and began
    taking delivery', the goods a sanction was imposed for): 0.721 (recall 56/89, precision 0.844)."""
    totals = _totals(score, load_gold("extract_gold_blind72.json"))
    assert totals["forbidden"] <= 5
    assert totals["recall"] >= 0.62
    assert totals["precision"] >= 0.84
    assert totals["date_accuracy"] >= 0.94


def test_blind73_news_set(score: ModuleType) -> None:
    """43 wire leads by a seventy-fourth labeller on arms for Ukraine, Taiwan and Israel and the answers
    they draw (60 events; 7 items with none). On arrival F1 0.731 (recall 40/60, precision 0.808), 12
    forbidden, dates 22/24. Then: rockets fired 'over the sea' deliver nothing, a defence budget is no
    deal, the day of a promise told after an arrival does not date it: F1 0.740 (precision 0.831), 9
    forbidden; most of those left are this labeller's rule that a plan has no date. With the comma of
    '1,800' no clause between goods and their supplier: F1 0.756 (recall 41/60, precision 0.845); with the
    goods a sale 'includes': F1 0.771 (recall 42/60, precision 0.859)."""
    totals = _totals(score, load_gold("extract_gold_blind73.json"))
    assert totals["forbidden"] <= 9
    assert totals["recall"] >= 0.7
    assert totals["precision"] >= 0.85
    assert totals["date_accuracy"] >= 0.88  # 0.889: a saying kept with the day of its own, the gold another


def test_blind74_news_set(score: ModuleType) -> None:
    """44 short Asian and African defence items by a seventy-fifth labeller (62 events; 7 items with
    none). Held out, not tuned on: on arrival F1 0.724 (recall 41/62, precision 0.800), 4 forbidden, dates
    30/31."""
    totals = _totals(score, load_gold("extract_gold_blind74.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.66
    assert totals["precision"] >= 0.8
    assert totals["date_accuracy"] >= 0.96


def test_blind75_news_set(score: ModuleType) -> None:
    """44 items by a seventy-sixth labeller from a world desk's RSS feed, the four types about even (64
    events; 7 items with none). Held out, not tuned on: on arrival F1 0.737 (recall 45/64, precision
    0.775), 11 forbidden, dates 35/37 (the session's first code 0.730). Looked at in the next round (a
    delivery between other states lends no goods): 0.752."""
    totals = _totals(score, load_gold("extract_gold_blind75.json"))
    assert totals["forbidden"] <= 11
    assert totals["recall"] >= 0.71
    assert totals["precision"] >= 0.78
    assert totals["date_accuracy"] >= 0.94


def test_blind76_news_set(score: ModuleType) -> None:
    """42 leads by a seventy-seventh labeller on India's ties with Russia, the US, France and Israel in
    Indian and Russian outlets (65 events; 7 items with none). On arrival F1 0.705 (recall 43/65, precision
    0.754), 11 forbidden, dates 34/38. Then: contracts still 'to be signed', 'no move to buy', a possible
    or undecided CAATSA waiver: F1 0.719 (precision 0.788), 8 forbidden, most of them this labeller's rule
    that a plan has no date."""
    totals = _totals(score, load_gold("extract_gold_blind76.json"))
    assert totals["forbidden"] <= 8
    assert totals["recall"] >= 0.66
    assert totals["precision"] >= 0.78
    assert totals["date_accuracy"] >= 0.89


def test_blind77_news_set(score: ModuleType) -> None:
    """43 items by a seventy-eighth labeller on sanctions and export controls, their renewals, waivers,
    liftings and the answers to them (98 events; 7 items with none). Held out, not tuned on: on arrival F1
    0.727 (recall 60/98, precision 0.893), 2 forbidden, dates 36/40 (the session's first code 0.715)."""
    totals = _totals(score, load_gold("extract_gold_blind77.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.61
    assert totals["precision"] >= 0.89
    assert totals["date_accuracy"] >= 0.9


def test_blind78_news_set(score: ModuleType) -> None:
    """45 leads by a seventy-ninth labeller on arms deals, deliveries and sanctions in the Middle East and
    the Gulf (78 events; 6 items with none). On arrival F1 0.751 (recall 55/78, precision 0.804), 3
    forbidden, dates 31/35. Then: defence agreements covering arms, interest in buying, 'an order for 36
    jets', 'more than 20', a purchase warned about and then signed, 'the second of four' ships, the Sa'ar 6:
    F1 0.816 (recall 60/78, precision 0.868), 2 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind78.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.76
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.91


def test_blind79_news_set(score: ModuleType) -> None:
    """45 leads by an eightieth labeller on India's defence ties with Russia, the US, France and Israel (64
    events; 7 items with none). Held out, not tuned on: on arrival F1 0.760 (recall 44/64, precision 0.850),
    4 forbidden, dates 31/33."""
    totals = _totals(score, load_gold("extract_gold_blind79.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.68
    assert totals["precision"] >= 0.84
    assert totals["date_accuracy"] >= 0.93


def test_blind80_news_set(score: ModuleType) -> None:
    """45 leads by an eighty-first labeller on the war in Ukraine, aid, Iranian and North Korean supplies and
    sanctions packages (72 events; 6 items with none). On arrival F1 0.759 (recall 50/72, precision 0.838),
    7 forbidden, dates 25/30. Then: saying 'no' to sending, rejecting reports of a transfer, 'not
    considering cancelling': F1 0.781 (precision 0.870), 4 forbidden."""
    totals = _totals(score, load_gold("extract_gold_blind80.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.7
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.83


def test_blind81_news_set(score: ModuleType) -> None:
    """45 leads by an eighty-second labeller on arms sales in East Asia and the Pacific and China's and
    North Korea's answers (65 events; 7 items with none). Held out, not tuned on: on arrival F1 0.863
    (recall 52/65, precision 0.938), 3 forbidden, dates 38/39."""
    totals = _totals(score, load_gold("extract_gold_blind81.json"))
    assert totals["forbidden"] <= 3
    assert totals["recall"] >= 0.79
    assert totals["precision"] >= 0.93
    assert totals["date_accuracy"] >= 0.97


def test_blind82_news_set(score: ModuleType) -> None:
    """45 leads by an eighty-third labeller on arms for Africa, Latin America and South Asia, juntas'
    sanctions and Venezuela (87 events; 6 items with none). On arrival F1 0.613 (recall 47/87, precision
    0.707), 5 forbidden, dates 25/25 (the lowest of its round: counts of a part and a whole, sellers told
    after a comma, 'whose'). Then: F1 0.701 (recall 55/87, precision 0.786)."""
    totals = _totals(score, load_gold("extract_gold_blind82.json"))
    assert totals["forbidden"] <= 5
    assert totals["recall"] >= 0.62
    assert totals["precision"] >= 0.78
    assert totals["date_accuracy"] >= 0.96


def test_blind83_news_set(score: ModuleType) -> None:
    """45 statement-heavy leads by an eighty-fourth labeller: warnings, denials and refusals between the US,
    Russia, China, India, Pakistan and the EU (76 events; 6 items with none). Held out, not tuned on: on
    arrival F1 0.710 (recall 51/76, precision 0.753), 5 forbidden, dates 41/47."""
    totals = _totals(score, load_gold("extract_gold_blind83.json"))
    assert totals["forbidden"] <= 5
    assert totals["recall"] >= 0.67
    assert totals["precision"] >= 0.75
    assert totals["date_accuracy"] >= 0.87


def test_blind84_news_set(score: ModuleType) -> None:
    """45 items of a general world-news feed by an eighty-fifth labeller, defence and sanctions among
    elections, disasters and the economy (85 events; 7 items with none). Labelled at the end of the round
    and held out: on arrival F1 0.857 (recall 68/85, precision 0.922), 4 forbidden, dates 44/46 (the
    round's first code 0.855)."""
    totals = _totals(score, load_gold("extract_gold_blind84.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.79
    assert totals["precision"] >= 0.92
    assert totals["date_accuracy"] >= 0.95


def test_blind85_news_set(score: ModuleType) -> None:
    """45 items by an eighty-sixth labeller on US arms sales: approvals, notifications, holds, letters of
    offer and deliveries (107 events; 6 items with none). Held out: on arrival F1 0.717 (recall 67/107,
    precision 0.840), 4 forbidden, dates 47/49 (the round's first code 0.682)."""
    totals = _totals(score, load_gold("extract_gold_blind85.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.62
    assert totals["precision"] >= 0.83
    assert totals["date_accuracy"] >= 0.95


def test_blind86_news_set(score: ModuleType) -> None:
    """45 items by an eighty-seventh labeller on Russian, Chinese, Turkish, Israeli and Korean arms exports
    and sanctions on evasion networks (75 events; 6 items with none). Held out: on arrival F1 0.751
    (recall 50/75, precision 0.860), 6 forbidden, dates 34/35 (the round's first code 0.740)."""
    totals = _totals(score, load_gold("extract_gold_blind86.json"))
    assert totals["forbidden"] <= 6
    assert totals["recall"] >= 0.66
    assert totals["precision"] >= 0.85
    assert totals["date_accuracy"] >= 0.97


def test_blind87_news_set(score: ModuleType) -> None:
    """45 items by an eighty-eighth labeller on reactions to sanctions, sales and deliveries: condemnations,
    warnings, welcomes, denials and vows to retaliate (102 events; 6 items with none). Held out: on
    arrival F1 0.813 (recall 80/102, precision 0.844), 10 forbidden, dates 44/47 (the round's first code
    0.797)."""
    totals = _totals(score, load_gold("extract_gold_blind87.json"))
    assert totals["forbidden"] <= 10
    assert totals["recall"] >= 0.78
    assert totals["precision"] >= 0.84
    assert totals["date_accuracy"] >= 0.93


def test_blind88_news_set(score: ModuleType) -> None:
    """45 items by an eighty-ninth labeller on arms trade and embargoes in Africa and Latin America (73
    events; 7 items with none). On arrival F1 0.812 (recall 57/73, precision 0.846), 5 forbidden, dates
    43/46; tuned on since (0.830)."""
    totals = _totals(score, load_gold("extract_gold_blind88.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.79
    assert totals["precision"] >= 0.86
    assert totals["date_accuracy"] >= 0.93


def test_blind89_news_set(score: ModuleType) -> None:
    """45 items by a ninetieth labeller on sanctions and export controls: designations, packages, waivers,
    liftings, CAATSA and the targets' replies (96 events; 6 items with none). On arrival F1 0.811 (recall
    72/96, precision 0.883), 6 forbidden, dates 65/72; tuned on since (0.831)."""
    totals = _totals(score, load_gold("extract_gold_blind89.json"))
    assert totals["forbidden"] <= 5
    assert totals["recall"] >= 0.77
    assert totals["precision"] >= 0.90
    assert totals["date_accuracy"] >= 0.90


def test_blind90_news_set(score: ModuleType) -> None:
    """45 items by a ninety-first labeller on naval and submarine programmes: AUKUS, Mistral, Scorpene,
    frigates and corvettes sold, built, commissioned and cancelled (84 events; 6 items with none). On
    arrival F1 0.647 (recall 48/84, precision 0.747), 6 forbidden, dates 40/40; tuned on since (0.669)."""
    totals = _totals(score, load_gold("extract_gold_blind90.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.59
    assert totals["precision"] >= 0.76
    assert totals["date_accuracy"] >= 0.97


def test_blind91_news_set(score: ModuleType) -> None:
    """45 items by a ninety-second labeller from a South Asia news desk, a third of them with no event
    (cricket, floods, courts, markets) (75 events; 7 items with none). Held out: on arrival F1 0.799
    (recall 54/75, precision 0.897), 4 forbidden, dates 49/52 (the round's first code alike)."""
    totals = _totals(score, load_gold("extract_gold_blind91.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.72
    assert totals["precision"] >= 0.89
    assert totals["date_accuracy"] >= 0.94


def test_blind92_news_set(score: ModuleType) -> None:
    """45 items by a ninety-third labeller on European procurement: Poland's K2s, K9s and HIMARS, Germany's
    F-35s and Arrow 3, Romania's Patriots, Greece, the Nordic and Baltic states (78 events; 6 items with
    none). Held out, labelled after the nineteenth round's rules: on arrival F1 0.843 (recall 61/78,
    precision 0.915), 2 forbidden, dates 47/48 (the round's first code alike)."""
    totals = _totals(score, load_gold("extract_gold_blind92.json"))
    assert totals["forbidden"] <= 2
    assert totals["recall"] >= 0.78
    assert totals["precision"] >= 0.91
    assert totals["date_accuracy"] >= 0.97


def test_blind93_news_set(score: ModuleType) -> None:
    """45 items by a ninety-fourth labeller on the Middle East: Gulf purchases, US aid to Israel and Egypt,
    Iranian drones to Russia and the sanctions on them (78 events; 6 items with none). Held out: on
    arrival F1 0.860 (recall 64/78, precision 0.904), 5 forbidden, dates 49/51 (the round's first code
    alike)."""
    totals = _totals(score, load_gold("extract_gold_blind93.json"))
    assert totals["forbidden"] <= 5
    assert totals["recall"] >= 0.82
    assert totals["precision"] >= 0.90
    assert totals["date_accuracy"] >= 0.96


def test_blind94_news_set(score: ModuleType) -> None:
    """45 items of a general world news wire by a ninety-fifth labeller, half of them with no event of
    these types (55 events; 22 items with none). Held out: on arrival F1 0.757 (recall 38/55, precision
    0.836), 1 forbidden, dates 31/34 (the round's first code alike)."""
    totals = _totals(score, load_gold("extract_gold_blind94.json"))
    assert totals["forbidden"] <= 1
    assert totals["recall"] >= 0.69
    assert totals["precision"] >= 0.83
    assert totals["date_accuracy"] >= 0.91


def test_blind95_news_set(score: ModuleType) -> None:
    """45 items by a ninety-sixth labeller on India's defence news as Indian outlets tell it: DAC approvals
    in crore, HAL and BEL contracts, Rafale, S-400, Apache, MQ-9B and Tejas deliveries, BrahMos exports (70
    events; 7 items with none). Held out: on arrival F1 0.770 (recall 50/70, precision 0.836), 4
    forbidden, dates 43/46 (the round's first code alike)."""
    totals = _totals(score, load_gold("extract_gold_blind95.json"))
    assert totals["forbidden"] <= 4
    assert totals["recall"] >= 0.71
    assert totals["precision"] >= 0.83
    assert totals["date_accuracy"] >= 0.93
