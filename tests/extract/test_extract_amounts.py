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
        ("worth 310 billion yen", 3.1e11, "JPY"),
        ("a 1.2 trillion won contract", 1.2e12, "KRW"),
        ("about 58 billion crowns", 5.8e10, "CZK"),
        ("7 billion koruna", 7e9, "CZK"),
        ("4.6 billion zlotys", 4.6e9, "PLN"),
        ("12 billion lira", 1.2e10, "TRY"),
        ("2,000 crore rupees", 2e10, "INR"),
        ("The 3.4-billion-euro order", 3.4e9, "EUR"),
        ("a 900-million-pound deal", 9e8, "GBP"),
        ("NT$12 billion", 1.2e10, "TWD"),
        ("S$1.5 billion", 1.5e9, "SGD"),
        ("C$2.1 billion", 2.1e9, "CAD"),
        ("A$3 billion", 3e9, "AUD"),
        ("2 billion Canadian dollars", 2e9, "CAD"),
        ("SEK 4 billion", 4e9, "SEK"),
        ("₩500 billion", 5e11, "KRW"),
    ],
)
def test_money(text: str, amount: float, currency: str) -> None:
    (money,) = find_money(text)
    assert money.amount == pytest.approx(amount)
    assert money.currency == currency
    assert text[money.start : money.end] == money.text


def test_an_iso_code_in_lower_case_is_a_word_not_money() -> None:
    assert find_money("they will try 5 more times") == []
    assert find_money("TRY 5 billion")[0].currency == "TRY"


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
