"""Entry identity: canonical links, guid revisions, keys, the matching rule, content hashes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.feeds.identity import (
    base_guid,
    canonical_url,
    content_hash,
    entry_key,
    find_match,
    match_keys,
    shared_keys,
    shared_links,
)

# The same examples on every run, so a failure in CI reproduces on a laptop.
REPRODUCIBLE = settings(derandomize=True, database=None)


@dataclass(frozen=True)
class Entry:
    guid: str | None
    canonical_link: str | None
    title: str


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "HTTPS://WWW.Example.COM:443/News/Story?b=2&a=1#comments",
            "https://www.example.com/News/Story?a=1&b=2",
        ),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        (
            "https://www.bbc.co.uk/news/articles/cx2?at_medium=RSS&at_campaign=rss",
            "https://www.bbc.co.uk/news/articles/cx2",
        ),
        ("https://x.in/s?utm_source=rss&UTM_Medium=feed&id=7", "https://x.in/s?id=7"),
        (
            "https://x.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ocid=5&cmpid=6&igshid=7&yclid=8&_ga=9",
            "https://x.com/a",
        ),
        ("https://x.com/a?ref=twitter&ref_src=twsrc&CMP=share_btn_tw&ito=1", "https://x.com/a"),
        ("https://x.com/a?src=rss&id=3", "https://x.com/a?id=3"),
        ("https://img.x.com/a?src=photo.jpg", "https://img.x.com/a?src=photo.jpg"),
        ("https://x.com/a?from=rss_feed&source=homepage", "https://x.com/a?source=homepage"),
        ("https://x.com/a?source=anatomy&via=Atom", "https://x.com/a?source=anatomy"),
        ("https://x.com/search?q=India%20Russia&page=2", "https://x.com/search?page=2&q=India%20Russia"),
        ("  https://x.com/a?  ", "https://x.com/a"),
        ("https://user:pw@X.com/a", "https://user:pw@x.com/a"),
        ("http://[2001:DB8::1]:80/a", "http://[2001:db8::1]/a"),
        ("tag:example.com,2025:story-1", "tag:example.com,2025:story-1"),
        ("/relative/path?utm_source=rss", "/relative/path?utm_source=rss"),
        ("http://[::1/broken", "http://[::1/broken"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


@REPRODUCIBLE
@given(st.text(alphabet="abcAB=&?#:/._-%0123456789", max_size=40))
def test_canonical_url_is_idempotent(tail):
    once = canonical_url("https://Example.com/" + tail)
    assert canonical_url(once) == once


def test_base_guid_strips_numeric_revision_fragments_only():
    assert base_guid("https://www.bbc.co.uk/news/articles/cx2r179e232o#0") == (
        "https://www.bbc.co.uk/news/articles/cx2r179e232o"
    )
    assert base_guid(" https://www.bbc.co.uk/news/articles/cx2r179e232o#12 ") == (
        "https://www.bbc.co.uk/news/articles/cx2r179e232o"
    )
    assert base_guid("https://x.example/page#item-3") == "https://x.example/page#item-3"
    assert base_guid("urn:uuid:1234") == "urn:uuid:1234"


def test_entry_key_prefers_guid_then_link_then_title_and_date():
    when = datetime(2025, 2, 28, 9, tzinfo=UTC)
    assert entry_key("g#1", "https://x.com/a", "t", when) == "guid:g"
    assert entry_key(None, "https://x.com/a?utm_source=rss", "t", when) == "link:https://x.com/a"
    by_title = entry_key(None, None, "Title  here", when)
    assert by_title.startswith("title:") and len(by_title) == len("title:") + 64
    assert by_title == entry_key("", "  ", "Title here", when)
    assert by_title != entry_key(None, None, "Title here", None)
    with pytest.raises(ValueError, match="guid, a link or a title"):
        entry_key(None, None, " ", when)


def test_huge_guids_are_hashed_to_fit_an_index():
    key = entry_key("x" * 5000, None, None, None)
    assert key.startswith("guid#sha256:") and len(key) < 100


def test_match_keys_order_and_shared_keys_left_out():
    assert match_keys("g#2", "https://x.com/a", "t", None) == ("guid:g#2", "guid:g", "link:https://x.com/a")
    assert match_keys("g", "https://x.com/a", "t", None, shared={"link:https://x.com/a"}) == ("guid:g",)
    only_title = match_keys(None, "https://x.com/a", "t", None, shared={"link:https://x.com/a"})
    assert len(only_title) == 1 and only_title[0].startswith("title:")


def test_find_match_takes_the_first_key_found():
    stored = {"link:https://x.com/a": "article-by-link", "guid:g": "article-by-guid"}
    assert find_match(("guid:g", "link:https://x.com/a"), stored) == "article-by-guid"
    assert find_match(("guid:new", "link:https://x.com/a"), stored) == "article-by-link"
    assert find_match(("guid:new",), stored) is None


def test_shared_links_needs_different_entries():
    home = "https://site.example/"
    entries = [
        Entry("1", home, "One"),
        Entry("2", home, "Two"),
        Entry("3", "https://site.example/3", "Three"),
    ]
    assert shared_links(entries) == {home}
    duplicates = [Entry(None, home, "Same story"), Entry(None, home, "Same  story")]
    assert shared_links(duplicates) == set()
    fresh_guid_same_title = [Entry("a", home, "Story"), Entry("b", home, "Story")]
    assert shared_links(fresh_guid_same_title) == {home}


def test_a_guid_every_item_shares_identifies_nothing():
    entries = [Entry("https://site.example/", f"https://site.example/{n}", f"Story {n}") for n in range(3)]
    assert shared_keys(entries) == {"guid:https://site.example/"}


def test_content_hash_is_versioned_stable_and_ignores_whitespace():
    one = content_hash("India  buys S-400", "Deal signed.\n")
    assert one.startswith("v1:")
    assert one == content_hash("India buys S-400", "Deal signed.")
    assert one != content_hash("India buys S-400", "Deal cancelled.")
    assert one != content_hash("India buys S-500", "Deal signed.")
    assert content_hash(None, None) == content_hash("", "")
