"""Money and quantities in the text's own number system."""

from __future__ import annotations

import pytest

from tracker.extract.amounts import find_money, parse_quantity


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("a $5 billion deal", 5e9, "USD"),
        ("worth Rs 5,000 crore", 5e10, "INR"),
        ("for 178 million euros", 1.78e8, "EUR"),
        ("at ₹21,000 crore", 2.1e11, "INR"),
        ("worth £1.2bn", 1.2e9, "GBP"),
        ("USD 3 bn", 3e9, "USD"),
        ("a $1.1-billion sale", 1.1e9, "USD"),
        ("Rs 6.21 lakh crore", 6.21e12, "INR"),
        ("€8 billion", 8e9, "EUR"),
        ("a 6 billion Swiss franc purchase", 6e9, "CHF"),
    ],
)
def test_money(text: str, amount: float, currency: str) -> None:
    (money,) = find_money(text)
    assert money.amount == pytest.approx(amount)
    assert money.currency == currency
    assert text[money.start : money.end] == money.text


@pytest.mark.parametrize(
    ("phrase", "quantity"),
    [
        ("6 lakh", 600_000),
        ("2 crore", 20_000_000),
        ("two dozen", 24),
        ("36", 36),
        ("more than 6 lakh", 600_000),
    ],
)
def test_quantities(phrase: str, quantity: int) -> None:
    assert parse_quantity(phrase) == quantity


def test_percentages_and_plain_numbers_are_not_money() -> None:
    assert find_money("India received 23% of exports and 36 jets") == []
