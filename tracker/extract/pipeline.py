"""The article to events: analyse sentences, draft events, date them, merge mentions, render.

Order of work: every sentence is analysed once; drafts get dates from the
expressions of their own clause; statements that only attribute another event
('..., the ministry said') are dropped but lend their date to planned or
threatened events; deliveries borrow missing sides from a deal for the same
item; mentions of one development merge into one event whose evidence is the
most complete sentence. The title is read last and merges into body events.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from events.model import Deal, Delivery, Occurred, Sanction, Statement
from tracker.extract.classify import Draft, View, analyse, clause_of, drafts
from tracker.extract.dates import DateMention, more_precise, resolve
from tracker.extract.gazetteer import gazetteer
from tracker.extract.render import render
from tracker.extract.sentences import Sentence, quote_spans, split_sentences

DomainEvent = Statement | Deal | Delivery | Sanction
_NEUTRAL = frozenset(
    [
        "said",
        "says",
        "say",
        "stated",
        "states",
        "told",
        "tells",
        "added",
        "adds",
        "reported",
        "announced",
        "noted",
        "mentioned",
    ]
)
_CONCRETE = frozenset(
    {"signed", "announced", "cancelled", "began", "ongoing", "completed", "imposed", "waived", "lifted"}
)
_TEMPORAL = frozenset(
    [
        "after",
        "before",
        "amid",
        "as",
        "while",
        "since",
        "following",
        "hours",
        "days",
        "weeks",
        "months",
        "years",
        "despite",
        "because",
    ]
)
_FUTURE = frozenset({"planned"})
_INHERIT = frozenset({"planned", "announced", "threatened"})


def extract(
    text: str, *, title: str | None = None, published: datetime | None = None, url: str | None = None
) -> list[DomainEvent]:
    """Events of one article, deterministic for the same input and gazetteer."""
    gaz = gazetteer()
    quotes = quote_spans(text)
    views = [analyse(s, False, quotes, gaz) for s in split_sentences(text)]
    body = _body_drafts(views, text, quotes, published)
    heads: list[Draft] = []
    if title and title.strip():
        head = analyse(Sentence(title.strip(), 0, len(title.strip()), -1), True, [], gaz)
        heads = _sentence_drafts(head, published)
        _statements(head, heads, text, [], {"last": None})
        heads = [d for d in heads if not d.attribution]
    merged = _merge(_infer(body))
    merged = _merge([*merged, *heads], only_merge=True) if merged else _merge(_infer(heads))
    merged = [d for d in merged if _complete(d)]
    merged.sort(key=lambda d: (d.view.is_title, d.position, d.etype))
    return [render(d, gaz, published, url, title) for d in merged]


def _body_drafts(
    views: list[View], text: str, quotes: list[tuple[int, int]], published: datetime | None
) -> list[Draft]:
    out: list[Draft] = []
    memory: dict[str, Any] = {"last": None, "titles": {}}
    for n, view in enumerate(views):
        ds = _sentence_drafts(view, published)
        _statements(view, ds, text, quotes, memory)
        if n and view.sentence.paragraph == views[n - 1].sentence.paragraph:
            _about_previous(ds, views[n - 1])
        out.extend(d for d in ds if not d.attribution)
    return out


def _about_previous(ds: list[Draft], prev: View) -> None:
    """'China condemned the move.': a statement with nobody to be about is about the sentence before."""
    for d in ds:
        if d.etype == "statement" and not d.roles.get("about"):
            about = [m.code for m in prev.mentions if m.code != d.roles.get("speaker")]
            if about:
                d.roles["about"] = list(dict.fromkeys(about))


def _sentence_drafts(view: View, published: datetime | None) -> list[Draft]:
    """Drafts of a sentence; a neutral 'X said' around a concrete event only lends it a date."""
    ds = drafts(view)
    others = [d for d in ds if d.etype != "statement"]
    for d in ds:
        if d.etype == "statement" and d.cues[0].text.lower() in _NEUTRAL:
            d.attribution = any(o.status in _CONCRETE and o.clause.opener not in _TEMPORAL for o in others)
    _dates(view, ds, published)
    say = next((d for d in ds if d.etype == "statement" and d.occurred), None)
    for d in others:
        if (
            d.occurred is None
            and say is not None
            and d.status in _INHERIT
            and d.clause.opener not in _TEMPORAL
        ):
            d.occurred = say.occurred
    return ds


def _dates(view: View, ds: list[Draft], published: datetime | None) -> None:
    """Each date goes to the cue it governs: the verb right after it, else the cue before it."""
    owners: dict[int, list[Draft]] = {}
    for d in ds:
        for c in d.cues:
            owners.setdefault(c.start, []).append(d)
    found: dict[int, list[tuple[int, DateMention]]] = {}
    for dm in view.dates:
        if any(a <= dm.start < b for a, b in view.quoted):
            continue
        pick = _governing_cue(view, dm, owners)
        if pick is None:
            continue
        rank, start = pick
        for d in owners.get(start, []):
            found.setdefault(id(d), []).append((rank, dm))
    for d in ds:
        cands = found.get(id(d), [])
        resolved = [(rank, occ) for rank, dm in cands if (occ := resolve(dm, published, d.status in _FUTURE))]
        if resolved:
            d.occurred = _best(resolved)


def _governing_cue(view: View, dm: DateMention, owners: dict[int, list[Draft]]) -> tuple[int, int] | None:
    ci = clause_of(view, dm.start)
    same = [c for c in view.cues if clause_of(view, c.start) == ci]
    nxt = next((c for c in same if c.start >= dm.end), None)
    prev = next((c for c in reversed(same) if c.end <= dm.start), None)
    if nxt is not None:
        gap = view.text[dm.end : nxt.start]
        if len(gap.split()) <= 3 and "," not in gap:
            if all(d.attribution for d in owners.get(nxt.start, [])):
                later = next((c for c in same if c.start > nxt.start and _live(owners, c.start)), None)
                return (1, later.start) if later else (0, nxt.start)
            return 0, nxt.start
    if prev is not None:
        return 1, prev.start
    if nxt is not None:
        return 2, nxt.start
    owned = [c for c in view.cues if _live(owners, c.start)]
    if owned:
        nearest = min(owned, key=lambda c: abs(c.start - dm.start))
        return 3, nearest.start
    return None


def _live(owners: dict[int, list[Draft]], start: int) -> bool:
    return any(not d.attribution for d in owners.get(start, []))


def _best(resolved: list[tuple[int, Occurred]]) -> Occurred:
    resolved.sort(key=lambda x: x[0])
    best = resolved[0][1]
    for _, occ in resolved[1:]:
        if more_precise(occ, best):
            best = occ
    return best


def _statements(
    view: View, ds: list[Draft], text: str, quotes: list[tuple[int, int]], memory: dict[str, Any]
) -> None:
    """Pronoun speakers ('he added'), remembered titles, quotes of the paragraph and what they are about."""
    para_quotes = [(a, b) for a, b in quotes if _same_paragraph(text, view.sentence, a)]
    titles: dict[str, str] = memory.setdefault("titles", {})
    for d in (d for d in ds if d.etype == "statement"):
        if "speaker" not in d.roles:
            last = memory.get("last")
            if last is None:
                d.attribution = True
                continue
            d.roles["speaker"], d.person, d.title = last
        if d.person:
            d.title = d.title or titles.get(d.person)
            if d.title:
                titles.setdefault(d.person, d.title)
        memory["last"] = (d.roles["speaker"], d.person, d.title)
        if para_quotes:
            d.quote = " ".join(text[a:b].strip() for a, b in para_quotes)
        about = [m.code for m in view.mentions if m.code != d.roles["speaker"]]
        about += _quoted_actors(text, para_quotes, memory.setdefault("quotes", {}), d.roles["speaker"])
        if about:
            d.roles["about"] = list(dict.fromkeys(about))


def _same_paragraph(text: str, sentence: Sentence, pos: int) -> bool:
    lo, hi = min(pos, sentence.start), max(pos, sentence.start)
    return "\n" not in text[lo:hi].strip("\n") if sentence.paragraph >= 0 else False


def _quoted_actors(
    text: str, spans: list[tuple[int, int]], cache: dict[tuple[int, int], list[str]], speaker: object
) -> list[str]:
    from tracker.extract.actors import find_actors
    from tracker.extract.sentences import tokenize

    out: list[str] = []
    gaz = gazetteer()
    for a, b in spans:
        if (a, b) not in cache:
            chunk = text[a:b]
            cache[(a, b)] = [m.code for m in find_actors(tokenize(chunk), chunk, gaz)]
        out += [c for c in cache[(a, b)] if c != speaker]
    return out


def _infer(ds: list[Draft]) -> list[Draft]:
    """Deliveries and deals borrow missing sides from each other (same sentence, or same item)."""
    trades = [d for d in ds if d.etype in ("deal", "delivery")]
    for d in (d for d in trades if d.etype == "delivery"):
        for other in trades:
            if other is d or not (_shares_item(d, other) or other.view is d.view):
                continue
            _borrow(d, other)
            _borrow(other, d)
    return ds


_SIDES = {("delivery", "supplier"): "seller", ("delivery", "recipient"): "buyer"}


def _borrow(d: Draft, other: Draft) -> None:
    for (etype, role), deal_role in _SIDES.items():
        mine, theirs = (role, deal_role) if d.etype == etype else (deal_role, role)
        source_role = theirs if other.etype != d.etype else mine
        if mine not in d.roles and source_role in other.roles:
            if (
                d.etype == "deal"
                and "parties" in d.roles
                and other.roles[source_role] not in cast(list[str], d.roles["parties"])
            ):
                continue
            d.roles[mine] = other.roles[source_role]
    if d.etype == "deal" and "buyer" in d.roles and "seller" in d.roles:
        d.roles.pop("parties", None)


def _shares_item(a: Draft, b: Draft) -> bool:
    return bool({i.name for i in a.items} & {i.name for i in b.items})


def _complete(d: Draft) -> bool:
    roles = d.roles
    if d.etype == "deal":
        return bool(roles)
    if d.etype == "delivery":
        return "recipient" in roles or ("supplier" in roles and bool(d.items))
    if d.etype == "sanction":
        return "imposer" in roles and "target" in roles
    return "speaker" in roles


def _actors(d: Draft) -> set[str]:
    out: set[str] = set()
    for k, v in d.roles.items():
        if k != "about":
            out.update(v if isinstance(v, list) else [str(v)])
    return out


def _compatible(a: Draft, b: Draft, loose: bool) -> bool:
    if a.etype != b.etype:
        return False
    if not _actors(a) or not _actors(b):
        return (
            a.etype == "deal"
            and (b.anaphoric or a.anaphoric)
            and not (a.items and b.items and not _shares_item(a, b))
        )
    if not _actors(a) & _actors(b):
        return False
    for key in ("buyer", "seller", "supplier", "recipient", "imposer", "target", "speaker"):
        if key in a.roles and key in b.roles and a.roles[key] != b.roles[key]:
            return False
    if a.etype == "statement" and a.person and b.person and not set(a.person.split()) & set(b.person.split()):
        return False
    if not loose and a.status and b.status and a.status != b.status:
        return False
    if (
        a.occurred
        and b.occurred
        and not (a.occurred.date.startswith(b.occurred.date) or b.occurred.date.startswith(a.occurred.date))
    ):
        return False
    return _items_fit(a, b, loose)


def _items_fit(a: Draft, b: Draft, loose: bool) -> bool:
    if a.items and b.items:
        qa = {i.name: i.quantity for i in a.items}
        shared = [i for i in b.items if i.name in qa]
        if not shared:
            return False
        return all(qa[i.name] is None or i.quantity is None or qa[i.name] == i.quantity for i in shared)
    if a.items or b.items:
        bare = b if a.items else a
        return loose or bare.anaphoric or (bare.occurred is None and bare.value is None)
    if a.value and b.value:
        return abs(a.value.amount - b.value.amount) <= 0.01 * max(a.value.amount, b.value.amount)
    return True


def _merge(ds: list[Draft], only_merge: bool = False) -> list[Draft]:
    """Fold repeated mentions together; with ``only_merge`` headline drafts only enrich body events."""
    out: list[Draft] = []
    for d in sorted(ds, key=lambda x: (x.view.is_title, x.position)):
        loose = d.view.is_title
        target = next((e for e in out if _compatible(e, d, loose)), None)
        if target is None and only_merge and loose:
            continue
        if target is None and d.etype == "deal" and not _actors(d) and d.anaphoric:
            target = next((e for e in reversed(out) if e.etype == "deal"), None)
        if target is None:
            if _actors(d) or not d.anaphoric:
                out.append(d)
            continue
        _absorb(target, d)
    return out


def _score(d: Draft) -> tuple[int, int]:
    return (0 if d.view.is_title else 1, len(d.roles) + bool(d.occurred) + bool(d.items) + bool(d.value))


def _absorb(keep: Draft, d: Draft) -> None:
    """Fold a repeated mention into an event; the better sentence becomes the evidence."""
    if _score(d) > _score(keep):
        keep.view, keep.clause, keep.cues = d.view, d.clause, d.cues
    for k, v in d.roles.items():
        if k not in keep.roles:
            keep.roles[k] = v
        elif isinstance(v, list):
            keep.roles[k] = list(dict.fromkeys([*keep.roles[k], *v]))  # type: ignore[misc]
    if keep.etype == "deal" and "buyer" in keep.roles and "seller" in keep.roles:
        keep.roles.pop("parties", None)
    names = {i.name for i in keep.items}
    keep.items = keep.items + [i for i in d.items if i.name not in names]
    keep.value = keep.value or d.value
    if d.occurred and (keep.occurred is None or more_precise(d.occurred, keep.occurred)):
        keep.occurred = d.occurred
    keep.status = keep.status or d.status
    keep.person, keep.title, keep.quote = (
        keep.person or d.person,
        keep.title or d.title,
        keep.quote or d.quote,
    )
