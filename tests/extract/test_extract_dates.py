"""Time expressions resolved against an injected publication time, at the text's precision."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tracker.extract.dates import find_dates, resolve

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
