"""Time expressions resolved against an injected publication time, at the text's precision."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tracker.extract.dates import ANCHORS, CANDIDATES, find_dates, resolve
from tracker.extract.sentences import lower, split_sentences
from tracker.extract.words import read_words

SATURDAY = datetime(2022, 4, 23, 6, 30, tzinfo=UTC)


def one(text: str, published: datetime | None = SATURDAY, future: bool = False) -> tuple[str, str] | None:
    found = find_dates(text)
    assert len(found) == 1, found
    occ = resolve(found[0], published, future)
    return (occ.date, occ.precision) if occ else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the US on Friday stated", ("2022-04-22", "day")),
        ("a hearing on April 5, Austin said", ("2022-04-05", "day")),
        ("earlier this month", ("2022-04", "month")),
        ("supplies began in December.", ("2021-12", "month")),
        ("signed a deal in 2018", ("2018", "year")),
        ("India in December 2021 signed", ("2021-12", "month")),
        ("On December 6, 2021, India", ("2021-12-06", "day")),
        ("on 5 March 2023", ("2023-03-05", "day")),
        ("last year", ("2021", "year")),
        ("yesterday", ("2022-04-22", "day")),
        ("last week", ("2022-04", "month")),
        ("last month", ("2022-03", "month")),
        ("Between 2016-and 2020, India received", ("2016", "year")),
        ("between 2016 and 2020", ("2016", "year")),
        ("in March last year", ("2021-03", "month")),
        ("two years ago", ("2020", "year")),
        ("on Saturday", ("2022-04-23", "day")),
        ("on Sunday", ("2022-04-17", "day")),
    ],
)
def test_relative_and_absolute_expressions(text: str, expected: tuple[str, str]) -> None:
    assert one(text) == expected


def test_future_clauses_look_ahead() -> None:
    assert one("deliveries will begin in December", future=True) == ("2022-12", "month")
    assert one("to sign the deal on Tuesday", future=True) == ("2022-04-26", "day")
    assert one("next month") == ("2022-05", "month")


def test_relative_expressions_need_a_publication_time() -> None:
    assert one("on Friday", published=None) is None
    assert one("in December 2021", published=None) == ("2021-12", "month")


def test_modal_may_and_verb_march_are_not_months() -> None:
    assert find_dates("Russia may deliver more jets and troops march on") == []


def test_amounts_and_units_are_not_years() -> None:
    assert find_dates("worth Rs 2018 crore and 2019 units") == []


EVERY_FORM = (
    "between 2016 and 2020, from 2016-2020, in 2018-19, 5th of May 2021, on May 5, 2021, in early "
    "December 2021, mid-June 2020, in March last year, on May 5, 5 May, last December, until June, "
    "this past Monday, since Friday, yesterday, today, tonight, this morning, last night, earlier this "
    "week, later today, the previous month, the coming year, two days ago, 3 days ago, six months ago, by "
    "the end of this year, the end of the year, in the year 2020, year 2019, of 2018, in 2017"
)


def test_every_candidate_holds_an_anchor() -> None:
    """find_dates skips a sentence with no digit and no ANCHORS word: no candidate may lack both."""
    texts = [EVERY_FORM, *EVERY_FORM.split(", ")]
    for name in ("extract_gold.json", "extract_dev_holdout.json"):
        for doc in json.loads((Path(__file__).parents[1] / "data" / name).read_text(encoding="utf-8"))[
            "documents"
        ]:
            texts += [s.text for s in split_sentences(doc["text"])]
    found = 0
    for text in texts:
        for m in CANDIDATES.finditer(lower(text)):
            words = read_words(m.group())
            assert words.has_digit or not ANCHORS.isdisjoint(words.words), m.group()
            found += 1
    assert found > len(EVERY_FORM.split(", "))


def test_a_dateline_day_yields_to_the_clause_own_date() -> None:
    from tracker.extract import extract

    text = (
        "MANILA, March 20 (Reuters) - The Philippines took delivery of two Israeli-made Spyder air "
        "defence systems from Israel earlier this month, the military said on Wednesday."
    )
    published = datetime(2024, 3, 20, 6, tzinfo=UTC)
    (moved,) = [e for e in extract(text, published=published) if e.type == "delivery"]
    assert moved.occurred is not None
    assert (moved.occurred.date, moved.occurred.precision) == ("2024-03", "month")
