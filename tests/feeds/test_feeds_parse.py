"""parse_feed: text, dates, identity keys per entry, and never an exception for a bad document."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta

import pytest

from tracker.feeds.identity import shared_links
from tracker.feeds.parse import ParsedFeed, html_to_text, parse_feed

URL = "https://news.example.com/feed.xml"


def parse(body: bytes, now: datetime, headers: dict[str, str] | None = None) -> ParsedFeed:
    return parse_feed(body, url=URL, headers=headers or {}, fetched_at=now)


def rss(items: str, *, encoding: str = "utf-8", channel: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>Example news</title><link>https://news.example.com/</link>{channel}{items}</channel></rss>"
    ).encode(encoding if encoding != "bogus" else "utf-8")


def test_feed_metadata_and_a_plain_entry(now):
    feed = parse(
        rss(
            "<item><title>Deal signed</title><link>https://news.example.com/a?utm_source=rss</link>"
            "<guid>urn:example:1</guid><author>desk@example.com (Desk)</author>"
            "<pubDate>Fri, 28 Feb 2025 14:30:00 +0530</pubDate><description>Short.</description></item>",
            channel="<ttl>45</ttl>",
        ),
        now,
    )
    assert (feed.title, feed.link, feed.ttl_minutes, feed.version, feed.bozo_error) == (
        "Example news",
        "https://news.example.com/",
        45,
        "rss20",
        None,
    )
    (entry,) = feed.entries
    assert entry.guid == "urn:example:1"
    assert entry.link == "https://news.example.com/a?utm_source=rss"
    assert entry.canonical_link == "https://news.example.com/a"
    assert entry.key == "guid:urn:example:1"
    assert entry.match_keys == ("guid:urn:example:1", "link:https://news.example.com/a")
    assert entry.published == datetime(2025, 2, 28, 9, 0, tzinfo=UTC)
    assert not entry.published_missing and not entry.published_clamped
    assert entry.author == "desk@example.com (Desk)"
    assert entry.summary_only
    assert entry.content_hash.startswith("v1:")


def test_text_is_the_longest_body_stripped_of_html(now):
    content = (
        "<![CDATA[<p>India&rsquo;s <b>S-400</b> deal, signed in<br/>December 2021.</p>"
        "<script>track()</script><style>p{}</style><div>Deliveries   began\n in December.</div>]]>"
    )
    feed = parse(
        rss(
            '<item xmlns:content="http://purl.org/rss/1.0/modules/content/"><title>t</title>'
            f"<description>Teaser.</description><content:encoded>{content}</content:encoded></item>"
        ),
        now,
    )
    (entry,) = feed.entries
    assert entry.text == "India’s S-400 deal, signed in\nDecember 2021.\n\nDeliveries began in December."
    assert not entry.summary_only


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    html = (
        "<h1>Title</h1>\n<p>One &amp; two</p><p>  </p><ul><li>a</li><li>b</li></ul><noscript>x</noscript>tail"
    )
    assert html_to_text(html) == "Title\n\nOne & two\n\na\n\nb\n\ntail"
    assert html_to_text("Example <b>Atom</b>") == "Example Atom"


def test_missing_date_falls_back_to_fetch_time(now):
    (entry,) = parse(
        rss("<item><title>Undated</title><link>https://news.example.com/u</link></item>"), now
    ).entries
    assert (entry.published, entry.published_missing) == (now, True)


def test_far_future_date_is_clamped_and_flagged(now):
    future = "Sat, 01 Mar 2031 12:00:00 GMT"
    near = (now + timedelta(hours=20)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    feed = parse(
        rss(
            f"<item><title>a</title><link>https://x.example/a</link><pubDate>{future}</pubDate></item>"
            f"<item><title>b</title><link>https://x.example/b</link><pubDate>{near}</pubDate></item>"
        ),
        now,
    )
    clamped, tolerated = feed.entries
    assert (clamped.published, clamped.published_clamped, clamped.published_missing) == (now, True, False)
    assert (tolerated.published, tolerated.published_clamped) == (now + timedelta(hours=20), False)


def test_untitled_entries_without_guid_or_link_are_skipped(now):
    feed = parse(
        rss("<item><description>Only a body</description></item><item><title>Kept</title></item>"), now
    )
    assert [entry.title for entry in feed.entries] == ["Kept"]
    assert feed.skipped == 1
    assert feed.entries[0].key.startswith("title:")


def test_relative_links_resolve_against_the_feed_url(now):
    (entry,) = parse(rss("<item><title>r</title><link>/world/story-1</link></item>"), now).entries
    assert entry.link == "https://news.example.com/world/story-1"


def test_malformed_xml_keeps_entries_and_reports_the_error(now, data_dir):
    feed = parse((data_dir / "malformed.xml").read_bytes(), now)
    assert [entry.title for entry in feed.entries] == ["First story survives", "Second story survives"]
    assert feed.bozo_error and feed.bozo_error.startswith("SAXParseException")
    assert "\n" not in feed.bozo_error


def test_bytes_in_another_encoding_than_declared(now):
    body = rss("<item><title>Caf\u00e9 \u2018talks\u2019</title><link>https://x.example/c</link></item>")
    cp1252 = body.replace(
        "Caf\u00e9 \u2018talks\u2019".encode(), "Caf\u00e9 \u2018talks\u2019".encode("cp1252")
    )
    feed = parse(cp1252, now)
    (entry,) = feed.entries
    assert entry.title == "Caf\u00e9 \u2018talks\u2019"
    assert feed.bozo_error and feed.bozo_error.startswith("CharacterEncodingOverride")


def test_charset_from_http_headers_wins(now):
    body = rss(
        "<item><title>Vi\u00f1a del Mar</title><link>https://x.example/v</link></item>", encoding="latin-1"
    )
    body = body.replace(b'encoding="latin-1"', b"")
    feed = parse(body, now, headers={"Content-Type": "application/rss+xml; charset=ISO-8859-1"})
    assert feed.entries[0].title == "Vi\u00f1a del Mar"
    assert feed.bozo_error is None


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"", "empty document"),
        (b"   \n", "empty document"),
        (b"\x00\xff\xfe garbage \x89PNG", None),
        (b"<html><body><p>Not a feed</p></body></html>", "not an RSS or Atom feed"),
        (b"<rss><channel><item><title>unterminated", None),
        (b"<!DOCTYPE x [<!ENTITY a '&#38;b;'>]><rss/>", None),
    ],
)
def test_broken_documents_give_an_error_never_an_exception(now, body, error):
    feed = parse(body, now)
    assert feed.bozo_error
    if error:
        assert feed.bozo_error == error


def test_body_is_never_taken_for_a_file_name(now, tmp_path):
    local = tmp_path / "secret.xml"
    local.write_bytes(rss("<item><title>secret</title><link>https://x.example/s</link></item>"))
    feed = parse(str(local).encode(), now)
    assert feed.entries == ()
    assert feed.bozo_error


def test_naive_fetch_time_is_refused():
    with pytest.raises(ValueError, match="aware"):
        parse_feed(b"<rss/>", url=URL, headers={}, fetched_at=datetime(2025, 1, 1))


def test_results_pickle_for_a_process_pool(now, data_dir):
    feed = parse((data_dir / "bbc_rev0.xml").read_bytes(), now)
    assert pickle.loads(pickle.dumps(feed)) == feed


def test_bbc_revision_fragment_keeps_the_key(now, data_dir):
    before = parse((data_dir / "bbc_rev0.xml").read_bytes(), now)
    after = parse((data_dir / "bbc_rev1.xml").read_bytes(), now + timedelta(hours=1))
    assert before.ttl_minutes == 15
    edited, untouched = after.entries
    assert edited.guid == "https://www.bbc.co.uk/news/articles/cx2r179e232o#1"
    assert edited.key == before.entries[0].key == "guid:https://www.bbc.co.uk/news/articles/cx2r179e232o"
    assert edited.canonical_link == "https://www.bbc.co.uk/news/articles/cx2r179e232o"
    assert edited.content_hash != before.entries[0].content_hash
    assert (untouched.key, untouched.content_hash) == (before.entries[1].key, before.entries[1].content_hash)


def test_india_today_links_without_guids_give_stable_clean_keys(now, data_dir):
    body = (data_dir / "indiatoday.xml").read_bytes()
    first, later = parse(body, now), parse(body, now + timedelta(days=1))
    assert [e.key for e in first.entries] == [e.key for e in later.entries]
    assert [e.key for e in first.entries] == [
        "link:https://www.indiatoday.in/world/story/mea-russia-ties-2680001-2025-02-28",
        "link:https://www.indiatoday.in/world/story/us-caatsa-hearing-2680002-2025-02-28",
    ]
    assert all("utm" not in key for e in first.entries for key in e.match_keys)
    assert first.entries[0].published == datetime(2025, 2, 28, 9, 0, tzinfo=UTC)


def test_a_link_every_item_shares_identifies_nothing(now, data_dir):
    feed = parse((data_dir / "same_link.xml").read_bytes(), now)
    assert shared_links(feed.entries) == {"https://mea.example.gov/press"}
    keys = [entry.key for entry in feed.entries]
    assert len(set(keys)) == 3
    assert keys[0].startswith("title:") and keys[1].startswith("title:")
    assert keys[2] == "link:https://mea.example.gov/press/2025/logistics"
    assert not any(k == "link:https://mea.example.gov/press" for e in feed.entries for k in e.match_keys)
    again = parse((data_dir / "same_link.xml").read_bytes(), now + timedelta(hours=3))
    assert [entry.key for entry in again.entries] == keys


def test_live_blog_items_with_numbered_fragments_stay_apart(now):
    items = "".join(
        f"<item><title>Update {n}</title><guid>https://x.example/live#{n}</guid>"
        "<link>https://x.example/live</link></item>"
        for n in (101, 102)
    )
    first, second = parse(rss(items), now).entries
    assert (first.key, second.key) == ("guid:https://x.example/live#101", "guid:https://x.example/live#102")
    assert first.match_keys == ("guid:https://x.example/live#101",)
