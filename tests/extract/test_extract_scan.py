"""Word-gated scanning finds exactly what ``finditer`` finds (tracker.extract.scan)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.extract.conftest import gold_sentences
from tracker.extract.cues import DEAL, DELIVERY, SANCTION, SAY
from tracker.extract.dates import CANDIDATES
from tracker.extract.scan import WORD_START, WordScan, first_words, plan, read_words
from tracker.extract.sentences import lower

DATA = Path(__file__).parents[1] / "data"
PATTERNS = (DEAL, DELIVERY, SANCTION, SAY, CANDIDATES)
TRICKY = [
    "",
    "signed",
    "Re-signed; co-signed the deal-making pact, signing_off 2018-19 and 5th of May 2021.",
    "“Signed” — the U.S. sanctioned Russia’s firms on 12 December, 3 days ago; Dec. 5, 2022.",
    "in in in the the end of the year, from 2016 to 2020, between 2016 and 2020 a week ago",
    "deliveries began in early December 2021, last Friday and this coming Monday; 10 years ago",
    "sanctionsx xsanctions sanctions1 1sanctions 2018x x2018 éaccords accordsé",
]


def _sentences() -> list[str]:
    return TRICKY + gold_sentences(["extract_gold.json", "extract_dev_holdout.json"], titles=True)


def _key(m: re.Match[str]) -> tuple[tuple[int, int], dict[str, str]]:
    return m.span(), {k: v for k, v in m.groupdict().items() if v is not None}


def test_same_matches_as_finditer() -> None:
    scan = WordScan(PATTERNS)
    for text in _sentences():
        low = lower(text)
        expected = [[_key(m) for m in p.finditer(low)] for p in PATTERNS]
        assert [[_key(m) for m in found] for found in scan.scan(low, read_words(low))] == expected, text


def test_first_words_of_a_word_start_pattern() -> None:
    words, any_digit = first_words(WORD_START + r"(?:sign(?:s|ed)?\b|deals?\b|\d+ days)") or ((), False)
    assert set(words) == {"sign", "signs", "signed", "deal", "deals"}
    assert any_digit


@pytest.mark.parametrize(
    "pattern",
    [r"deal", WORD_START + r"(?:\w+ deal)", WORD_START + r"(?:deal)", WORD_START + r"(?:[^a]eal\b)"],
)
def test_patterns_it_cannot_read_are_left_to_finditer(pattern: str) -> None:
    """No word-start guard, an open-ended word, a run with no fixed end, a negated set."""
    assert plan(re.compile(pattern)) is None
    scan = WordScan([re.compile(pattern)])
    assert [m.span() for m in scan.scan("a deal ideal xeal")[0]] == [
        m.span() for m in re.compile(pattern).finditer("a deal ideal xeal")
    ]
