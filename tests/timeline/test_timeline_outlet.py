"""The outlet of a source URL: the fast path agrees with urllib on every URL, odd ones included."""

from __future__ import annotations

from urllib.parse import urlsplit

from hypothesis import given
from hypothesis import strategies as st

from tracker.timeline.facts import outlet_of

PARTS = st.text(alphabet="abcXYZ09.-_:@[]?#/\\%", max_size=12)


@given(scheme=st.sampled_from(["http", "https", "HTTP", "ftp", "", "file"]), host=PARTS, rest=PARTS)
def test_outlet_of_agrees_with_urlsplit(scheme: str, host: str, rest: str) -> None:
    url = f"{scheme}://{host}/{rest}" if scheme else f"{host}/{rest}"
    try:
        expected = urlsplit(url).hostname
    except ValueError:  # urllib refuses some bracketed hosts; so must the fast path
        return
    assert outlet_of(url) == expected


def test_outlet_of_the_usual_urls() -> None:
    assert outlet_of("https://www.TheHindu.com/news/x?utm=1") == "www.thehindu.com"
    assert outlet_of("http://127.0.0.1:8080/feed") == "127.0.0.1"
    assert outlet_of(None) is None and outlet_of("") is None
