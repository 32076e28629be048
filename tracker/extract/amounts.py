"""Money and quantities in the text's own number system (lakh, crore, dozen, billion)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.extract.sentences import lower_pattern

_SCALES = {
    "thousand": 1e3, "k": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "million": 1e6, "mn": 1e6, "mln": 1e6,
    "m": 1e6, "crore": 1e7, "crores": 1e7, "cr": 1e7, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12,
    "tn": 1e12, "lakh crore": 1e12, "dozen": 12, "hundred": 100,
}  # fmt: skip
_PREFIX = {
    "$": "USD", "us$": "USD", "usd": "USD", "rs": "INR", "rs.": "INR", "inr": "INR", "₹": "INR", "£": "GBP",
    "gbp": "GBP", "€": "EUR", "eur": "EUR", "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD",
    "¥": "JPY", "cny": "CNY", "rmb": "CNY", "chf": "CHF", "rub": "RUB", "₽": "RUB", "jpy": "JPY",
    "nt$": "TWD", "twd": "TWD", "s$": "SGD", "sgd": "SGD", "hk$": "HKD", "nz$": "NZD", "r$": "BRL",
    "₩": "KRW", "krw": "KRW", "₺": "TRY", "try": "TRY", "pln": "PLN", "zł": "PLN", "czk": "CZK",
    "kč": "CZK", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "ils": "ILS", "₪": "ILS", "sar": "SAR",
    "aed": "AED", "zar": "ZAR", "idr": "IDR", "myr": "MYR", "php": "PHP", "₱": "PHP", "brl": "BRL",
    "uah": "UAH", "₴": "UAH", "nis": "ILS",
}  # fmt: skip
_SUFFIX = {
    "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "u.s. dollar": "USD",
    "u.s.-dollar": "USD", "u.s.-dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pound": "GBP", "pounds sterling": "GBP", "rupees": "INR", "rupee": "INR", "yuan": "CNY", "yen": "JPY",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "swiss francs": "CHF",
    "swiss franc": "CHF", "francs": "CHF", "shekels": "ILS", "shekel": "ILS", "lira": "TRY", "liras": "TRY",
    "won": "KRW", "riyals": "SAR", "riyal": "SAR", "dirhams": "AED", "dirham": "AED", "renminbi": "CNY",
    "crowns": "CZK", "crown": "CZK", "czech crowns": "CZK", "koruna": "CZK", "korunas": "CZK",
    "zlotys": "PLN", "zloty": "PLN", "zlotych": "PLN", "kronor": "SEK", "swedish crowns": "SEK",
    "swedish kronor": "SEK", "norwegian crowns": "NOK", "norwegian kroner": "NOK", "danish crowns": "DKK",
    "danish kroner": "DKK", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB",
    "philippine pesos": "PHP", "mexican pesos": "MXN", "reais": "BRL", "rand": "ZAR", "hryvnias": "UAH",
    "hryvnia": "UAH", "naira": "NGN", "australian dollars": "AUD", "australian dollar": "AUD",
    "canadian dollars": "CAD", "canadian dollar": "CAD", "singapore dollars": "SGD",
    "taiwan dollars": "TWD", "new taiwan dollars": "TWD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "forints": "HUF", "forint": "HUF", "lei": "RON",
    "pesos": "PESO", "peso": "PESO",  # whose pesos: the article's country (``find_money``)
}  # fmt: skip
_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
# ISO codes that are English words in lower case ('try 5 times'): money only when written in capitals
_CODES_CASED = frozenset(code for code in _PREFIX if code.isalpha() and len(code) == 3) - {
    "usd",
    "inr",
    "gbp",
    "eur",
    "cny",
    "rmb",
    "chf",
    "rub",
    "jpy",
}
_NUM = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"lakh\s+crore|trillion|billion|million|thousand|crores?|lakhs?|mn|mln|bn|tn|cr|k|m|b"
_PRE = "|".join(sorted(map(re.escape, _PREFIX), key=len, reverse=True))
_POST = "|".join(sorted(map(re.escape, _SUFFIX), key=len, reverse=True))
# a letter prefix must start a word: 'orders 30 Rafale' holds 'rs 30', which is no money
MONEY = re.compile(
    rf"(?:(?<![a-z])(?P<pre>{_PRE})\s?(?P<n1>{_NUM})(?:\s?-?\s?(?P<s1>{_SCALE})\b)?(?:\s+(?P<post1>{_POST})\b)?"
    rf"|\b(?P<n2>{_NUM})(?:\s?-?\s?(?P<s2>{_SCALE}))?(?:\s+|-)(?P<post2>{_POST})\b)"
)
MONEY = re.compile(lower_pattern(MONEY.pattern))
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
# a match opens at most this far before its first digit: the longest prefix and one space ('us$ 5')
_LEAD = max(map(len, _PREFIX)) + 1
_WORD_NUM = "|".join(_WORDS)
# 'a deal worth about one billion euros', 'half a billion dollars': amounts in words
_WORD_MONEY = re.compile(
    rf"\b(?P<word>half\s+a|{_WORD_NUM})\s+(?P<scale>trillion|billion|million)\s+(?P<post>{_POST})\b"
)
QUANTITY = re.compile(
    rf"(?:(?P<num>{_NUM})|\b(?P<word>{_WORD_NUM}))(?:\s+(?P<scale>lakh|crore|million|thousand|dozen|"
    rf"hundred))?$",
    re.IGNORECASE,
)


_PESOS = {"COL": "COP", "MEX": "MXN", "ARG": "ARS", "CHL": "CLP", "PHL": "PHP", "URY": "UYU", "DOM": "DOP"}


@dataclass(frozen=True, slots=True)
class Money:
    start: int
    end: int
    amount: float
    currency: str
    text: str


def _number(raw: str) -> float:
    return float(raw.replace(",", ""))


def find_money(text: str, low: str | None = None, home: str | None = None) -> list[Money]:
    """'$5 billion' -> 5e9 USD, 'Rs 5,000 crore' -> 5e10 INR, '178 million euros' -> 1.78e8 EUR; plain
    'pesos' are the ones of ``home``, the article's country ('BOGOTA - ... 16.5 trillion pesos': COP)."""
    low = low if low is not None else text.lower()
    if "peso" in low and home in _PESOS:
        out = [replace(m, currency=_PESOS[home]) if m.currency == "PESO" else m for m in _found(text, low)]
        return [m for m in out if m.currency != "PESO"]
    return [m for m in _found(text, low) if m.currency != "PESO"]


def _found(text: str, low: str) -> list[Money]:
    out: list[Money] = []
    if not _DIGIT.search(low):
        # every amount in figures has digits; most sentences have none, nor a scale word
        return _word_money(text, low) if "illion" in low else out
    for m in _money_matches(low):
        raw = m.group("n1") or m.group("n2")
        scale = (m.group("s1") or m.group("s2") or "").lower()
        scale = re.sub(r"\s+", " ", scale)
        pre = m.group("pre")
        if pre in _CODES_CASED and not text[m.start() : m.start() + 3].isupper():
            continue
        if m.group("pre"):
            currency = _PREFIX[m.group("pre").lower()]
        else:
            currency = _SUFFIX[re.sub(r"\s+", " ", m.group("post2").lower())]
        post = m.group("post1")
        if post and m.group("pre") is None:
            currency = _SUFFIX[post.lower()]
        if scale in ("m", "b", "k") and not m.group("pre"):
            continue
        amount = _number(raw) * _SCALES.get(scale, 1.0)
        out.append(Money(m.start(), m.end(), amount, currency, text[m.start() : m.end()]))
    if "illion" in low:
        words = _word_money(text, low)
        out += [w for w in words if not any(o.start < w.end and w.start < o.end for o in out)]
        out.sort(key=lambda money: money.start)
    return out


def _word_money(text: str, low: str) -> list[Money]:
    out = []
    for m in _WORD_MONEY.finditer(low):
        word = re.sub(r"\s+", " ", m["word"])
        amount = (0.5 if word == "half a" else _WORDS[word]) * _SCALES[m["scale"]]
        currency = _SUFFIX[re.sub(r"\s+", " ", m["post"])]
        out.append(Money(m.start(), m.end(), amount, currency, text[m.start() : m.end()]))
    return out


def _money_matches(low: str) -> list[re.Match[str]]:
    """The matches ``MONEY.finditer(low)`` gives, tried only in the few characters before each digit
    run: a match's first digit starts a run and its prefix is at most ``_LEAD`` characters long.
    ``finditer`` tried the alternatives at every character: money finding was 4% of extraction
    time, now 1% (timeit over bench/extract.py's seed article)."""
    found: list[re.Match[str]] = []
    end = 0
    for run in _DIGIT_RUN.finditer(low):
        for pos in range(max(end, run.start() - _LEAD), run.start() + 1):
            m = MONEY.match(low, pos)  # look-behinds and \b still see the text before ``pos``
            if m is not None:
                found.append(m)
                end = m.end()
                break
    return found


def parse_quantity(phrase: str) -> int | None:
    """The number ending ``phrase``: '6 lakh' -> 600000, 'two dozen' -> 24, '36' -> 36."""
    m = QUANTITY.search(phrase.strip())
    if not m:
        return None
    value = _number(m.group("num")) if m.group("num") else float(_WORDS[m.group("word").lower()])
    scale = (m.group("scale") or "").lower()
    if scale:
        value *= _SCALES[scale]
    return int(value)
