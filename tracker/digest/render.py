"""The digest's four forms: Markdown and HTML from Jinja2 templates, JSON, and an Atom feed (feedgen).

HTML and XML templates are autoescaped: summaries and titles come from
news articles. The HTML form is one file with its CSS and SVG inline and no
external resource, so it can be mailed or archived as it is.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from xml.etree import ElementTree

import orjson
from feedgen.feed import FeedGenerator
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from events.records import iso
from tracker.digest.chart import timeline_chart
from tracker.digest.model import Digest, Entry
from tracker.errors import TrackerError

FORMATS = ("md", "html", "json", "atom")
EXTENSIONS = {"md": "md", "html": "html", "json": "json", "atom": "xml"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_ATOM = "http://www.w3.org/2005/Atom"
ElementTree.register_namespace("", _ATOM)  # serialise Atom as the default namespace, not "ns0:"
_TYPE_TITLES = {"deal": "Deals", "delivery": "Deliveries", "sanction": "Sanctions", "statement": "Statements"}


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("tracker.digest", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2", "xml.j2"), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md_escape, md_url=md_url, type_title=type_title, pair=pair_text)
    return env


def render_digest(digest: Digest, fmt: str) -> str:
    """The digest as text in ``fmt``: "md", "html", "json" or "atom"."""
    if fmt == "json":
        return orjson.dumps(digest.as_json(), option=orjson.OPT_INDENT_2).decode() + "\n"
    if fmt == "atom":
        return atom(digest)
    if fmt not in ("md", "html"):
        raise TrackerError(f"unknown digest format {fmt!r} (known: {', '.join(FORMATS)})")
    template = environment().get_template(f"digest.{fmt}.j2")
    chart = timeline_chart(digest.entries) if fmt == "html" else None
    return template.render(digest=digest, chart=chart)


def md_escape(text: Any) -> str:
    """Text from articles shown as Markdown text, not markup."""
    return _MD_SPECIAL.sub(r"\\\1", str(text or ""))


def md_url(url: str) -> str:
    """A link target that cannot end the Markdown link early."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def type_title(type_: str) -> str:
    return _TYPE_TITLES.get(type_, type_.title())


def pair_text(pair: tuple[str, ...]) -> str:
    return "–".join(pair)


# -- Atom ---------------------------------------------------------------------------------------------


def feed_id(digest: Digest) -> str:
    """Stable per day and actor filter, so a reader keeps one feed per digest."""
    scope = f":{','.join(digest.actors)}" if digest.actors else ""
    return f"urn:tracker:digest:{digest.day.isoformat()}{scope}"


def atom(digest: Digest) -> str:
    """An Atom feed with one entry per development that moved (no entry on a quiet day)."""
    fg = FeedGenerator()
    fg.id(feed_id(digest))
    fg.title(f"Tracker digest {digest.day.isoformat()} ({digest.tz})")
    fg.subtitle(_headline(digest))
    fg.updated(digest.generated_at)
    fg.author({"name": "tracker"})
    fg.generator("tracker")
    entries = [entry for group in digest.groups for entry in group.entries]
    for entry in entries:
        _atom_entry(fg, digest, entry)
    return _with_links(fg.atom_str(), entries)


def _atom_entry(fg: FeedGenerator, digest: Digest, entry: Entry) -> None:
    item = fg.add_entry(order="append")
    item.id(f"{feed_id(digest)}:{entry.id}")
    item.title(f"{entry.change.upper()} {entry.type}: {entry.actors} — {entry.summary}")
    item.updated(entry.recorded_at or digest.generated_at)
    item.published(entry.recorded_at or digest.generated_at)
    item.category(term=entry.type)
    item.content(environment().get_template("entry.html.j2").render(entry=entry), type="html")


def _with_links(document: bytes, entries: list[Entry]) -> str:
    """Add each entry's source links: the first as its alternate, the others as related.

    feedgen 1.0 drops every attribute of an entry's links but href (a
    shadowed variable in ``FeedEntry.atom_entry``), which would make every
    source an "alternate" link; so the links are written here instead.
    """
    root = ElementTree.fromstring(document)
    for element, entry in zip(root.iterfind(f"{{{_ATOM}}}entry"), entries, strict=True):
        for i, source in enumerate(entry.sources):
            link = ElementTree.SubElement(element, f"{{{_ATOM}}}link", href=source.url)
            link.set("rel", "alternate" if i == 0 else "related")  # Atom allows one alternate
            link.set("title", source.title or source.outlet or source.url)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def _headline(digest: Digest) -> str:
    """The feed's subtitle: "1 new, 1 updated (deal 1, sanction 1). Log head 17 3fa2…. Generated …"."""
    if not digest.moved:
        return f"Nothing moved. Log head {digest.head.position} {digest.head.hash}."
    changes = ", ".join(f"{n} {kind}" for kind, n in digest.by_change.items() if n)
    types = ", ".join(f"{t} {sum(c.values())}" for t, c in digest.counts.items())
    head = f"Log head {digest.head.position} {digest.head.hash}"
    return f"{changes} ({types}). {head}. Generated {iso(digest.generated_at)}."
