"""The article to events: analyse sentences, draft events, date them, merge mentions, render.

Order of work: every sentence is analysed (on demand, ``view``); drafts get
dates from the expressions of their own clause (``dating``); statements that
only attribute another event ('..., the ministry said') are dropped but lend
their date to planned or threatened events; deliveries borrow missing sides
from a deal for the same item and mentions of one development merge into one
event whose evidence is the most complete sentence (``merging``). The title is
read last and merges into body events.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from events.model import Deal, Delivery, Occurred, Sanction, Statement
from tracker.extract.caseless import Caseless
from tracker.extract.classify import drafts
from tracker.extract.dates import anchored
from tracker.extract.dating import back_reference, date_drafts, saying_date
from tracker.extract.draft import Draft
from tracker.extract.gazetteer import gazetteer
from tracker.extract.home import home_country
from tracker.extract.merging import complete, infer_sides, merge
from tracker.extract.render import render
from tracker.extract.sentences import Sentence, quote_spans, split_sentences
from tracker.extract.statements import Memory, about_previous, about_the_act, resolve_statements
from tracker.extract.view import View, analyse

DomainEvent = Statement | Deal | Delivery | Sanction
# 'X said' verbs that report rather than make news; other saying verbs ('warned', 'condemned') are statements
_NEUTRAL = frozenset({"said", "says", "say", "stated", "states", "told", "tells", "added", "adds"}) | {
    "reported",
    "announced",
    "noted",
    "mentioned",
    "confirmed",
    "confirms",
}
_CONCRETE = frozenset(
    {"signed", "announced", "cancelled", "began", "ongoing", "completed", "imposed", "waived", "lifted"}
)
# clause openers after which an event is background to the sentence ('after India signed ...')
_TEMPORAL = frozenset({"after", "before", "amid", "as", "while", "since", "following", "despite"}) | {
    "because",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
}
# a quarter of IGNORECASE's cost; ('Hours later, the U.S. State Department approved a possible sale')
_SAME_DAY = Caseless(
    r"\b(?:(?:on\s+)?(?:the|that)\s+same\s+day|hours\s+(?:later|earlier)|later\s+(?:that|the\s+same)\s+day|"
    r"(?:later|earlier)\s+(?:in\s+the|that)\s+day)\b"
)
_SAME_DAY_AFTER = re.compile(
    r"[^,.;]{0,40},\s+(?:which\s+was\s+)?(?:adopted|approved|imposed|announced|agreed|signed|unveiled)\s+"
    r"(?:on\s+)?the\s+same\s+day\b"
)
_INHERIT = frozenset({"planned", "announced", "threatened", "cancelled"})


def extract(
    text: str, *, title: str | None = None, published: datetime | None = None, url: str | None = None
) -> list[DomainEvent]:
    """Events of one article, deterministic for the same input and gazetteer."""
    if title and _OPINION.match(title):
        return []  # 'Opinion: ...', 'ANALYSIS-...': argument and background, no news of its own
    gaz = gazetteer()
    quotes = quote_spans(text)
    head = analyse(Sentence(title.strip(), 0, len(title.strip()), -1), True, [], gaz) if title else None
    home = home_country(text, head.mentions if head else [], gaz)
    korea = _NORTH_KOREA.search(text) is not None
    bloc = _other_bloc(text)
    views = [analyse(s, False, quotes, gaz, home, korea, bloc) for s in split_sentences(text)]
    body = _body_drafts(views, text, quotes, published)
    if _TAIWAN.search(text):
        _the_island(body)
    heads: list[Draft] = []
    if head is not None and head.text:
        heads = _sentence_drafts(head, published)
        resolve_statements(head, heads, text, [], Memory())
        heads = [d for d in heads if not d.attribution]
    merged = merge(infer_sides(body))
    merged = merge([*merged, *heads], only_merge=True) if merged else merge(infer_sides(heads))
    merged = [d for d in merged if complete(d)]
    merged.sort(key=lambda d: (d.view.is_title, d.position, d.etype))
    return [render(d, gaz, published, url, title) for d in merged]


# A column's label before its headline (blind sets 1 to 34: none of 20 such pieces had an event to find)
_OPINION = re.compile(
    r"\s*(?:opinion|analysis|commentary|editorial|op-ed|column|view|perspective)\s*(?:[:|\-—–]|\s-\s)",
    re.IGNORECASE,
)
_STANCE = Caseless(
    r"\b(?:counterproductive|illegal|illegitimate|unlawful|unjustified|unacceptable|provocative|biased|"
    r"baseless|groundless|regrettable|absurd|reckless|hostile|unfriendly|destabili[sz]ing|irresponsible)\b"
)
_BLOCS = re.compile(r"\b(ECOWAS|ASEAN|Asean|Ecowas|African Union|Gulf Cooperation Council|GCC|SCO|BRICS)\b")
_THE_EU = re.compile(r"\b(?:EU|E\.U\.|European|Brussels)\b")
_BLOC_CODES = {"Ecowas": "ECOWAS", "Asean": "ASEAN", "African Union": "AU", "Gulf Cooperation Council": "GCC"}


def _other_bloc(text: str) -> str | None:
    """'West Africa's regional bloc ECOWAS ... The bloc also lifted a travel ban': the one body named, in an
    article that names no EU."""
    named = {m.group(1) for m in _BLOCS.finditer(text)}
    if len({_BLOC_CODES.get(n, n) for n in named}) != 1 or _THE_EU.search(text):
        return None
    name = named.pop()
    return _BLOC_CODES.get(name, name)


_NORTH_KOREA = re.compile(r"\b(?:North Korea|Pyongyang|DPRK)")
_TAIWAN = re.compile(r"\b(?:Taiwan|Taipei)\b")
_TO_THE_ISLAND = re.compile(r"\b(?:to|for)\s+the\s+(?:self-ruled\s+|democratic\s+)?island\b")
_ISLANDS = {"deal": "buyer", "delivery": "recipient"}


def _the_island(drafts: list[Draft]) -> None:
    """'... approval of a $295 million sale of tactical radios and spare parts to the island': in an
    article about Taiwan, the island a trade goes to is Taiwan."""
    for d in drafts:
        side = _ISLANDS.get(d.etype)
        if side is None or side in d.roles or "parties" in d.roles:
            continue
        if _TO_THE_ISLAND.search(d.view.text, d.cues[0].end, d.clause.end):
            other = "seller" if side == "buyer" else "supplier"
            if d.roles.get(other) != "TWN":
                d.roles[side] = "TWN"


def _body_drafts(
    views: list[View], text: str, quotes: list[tuple[int, int]], published: datetime | None
) -> list[Draft]:
    """Drafts of the body's sentences in order; statements remember their speakers across sentences."""
    out: list[Draft] = []
    memory = Memory(views=views)
    for n, view in enumerate(views):
        ds = _sentence_drafts(view, published)
        resolve_statements(view, ds, text, quotes, memory)
        _reached_the_country(view, ds)
        about_the_act(ds, out)
        if n and view.sentence.paragraph == views[n - 1].sentence.paragraph:
            about_previous(ds, views[n - 1])
        if n:
            _date_back(view, views[max(0, n - 2) : n], out, published)
        _same_day(ds, out)
        _came_after(view, ds, out)
        if n:
            _first_of_told_after(view, out, views[n - 1])
            _worth_told_after(view, out)
            _goods_under_the_deal(view, ds, out)
        out.extend(d for d in ds if not d.attribution)
    return out


_REACHED_THE_COUNTRY = re.compile(r"\b(?:reached|arrived\s+in|landed\s+in)\s+the\s+country\b")


def _reached_the_country(view: View, ds: list[Draft]) -> None:
    """'Ukrainian Defense Minister Oleksii Reznikov said British-made Challenger 2 tanks had reached the
    country': the country goods reach is the speaker's, or else the article's own."""
    for d in ds:
        if d.etype != "delivery" or "recipient" in d.roles:
            continue
        if not _REACHED_THE_COUNTRY.search(view.text, d.cues[0].start, d.clause.end + 40):
            continue
        speakers = [x.roles.get("speaker") for x in ds if x.etype == "statement"]
        state = next((sp for sp in speakers if isinstance(sp, str)), None) or view.home
        if state and state != d.roles.get("supplier"):
            d.roles["recipient"] = state


_UNDER_THE_DEAL = re.compile(r"^(?:Under|As\s+part\s+of)\s+the\s+(?:deal|pact|agreement|contract|lease)\b")


def _goods_under_the_deal(view: View, ds: list[Draft], out: list[Draft]) -> None:
    """'India signed a $3 billion deal with Russia to lease a nuclear-powered attack submarine. Under the
    pact, Russia will deliver the Akula-class submarine': the goods of the deal told just before."""
    if not _UNDER_THE_DEAL.match(view.text):
        return
    goods = next((d.items for d in ds if d.etype == "delivery" and d.items), None)
    deal = next((d for d in reversed(out) if d.etype == "deal"), None)
    if goods and deal is not None and not deal.items:
        deal.items = [i._replace(quantity=None) for i in goods]


_WORTH_AFTER = re.compile(
    r"^(?:The|That|This)\s+(?:purchase|deal|contract|sale|order|acquisition|package)\s+(?:is|was|will\s+be)\s+"
    r"(?:worth|valued\s+at)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|an\s+estimated\s+)?$"
)


def _worth_told_after(view: View, out: list[Draft]) -> None:
    """'Canada will buy a NASAMS system ... The purchase is worth about C$406 million': the price of the
    deal told just before."""
    money = view.money
    if not money or not _WORTH_AFTER.match(view.text[: money[0].start]):
        return
    deal = next((d for d in reversed(out) if d.etype == "deal"), None)
    if deal is not None and deal.value is None:
        deal.value = money[0]


_IT_IS_FIRST = re.compile(
    r"^(?:It|The\s+(?:ship|vessel|frigate|submarine|warship|corvette|destroyer))\s+is\s+the\s+first\s+of\b"
)


def _first_of_told_after(view: View, out: list[Draft], before: View) -> None:
    """'The Indian Navy on Monday commissioned INS Tushil ... It is the first of two Krivak-class frigates
    India ordered from Russia': the ship handed over begins the deliveries of its class."""
    if not _IT_IS_FIRST.match(view.text):
        return
    for d in out:
        if d.view is before and d.etype == "delivery" and d.status is None:
            d.status = "began"


def _date_back(view: View, views_before: list[View], out: list[Draft], published: datetime | None) -> None:
    """'The measures, agreed by EU foreign ministers on Thursday, target ...': the date of a reference
    back goes to the first undated event of the named type in the nearest sentence before that has one."""
    back = back_reference(view, published)
    if back is None:
        return
    types, occ, signing = back
    # the sentence before, or the one before it ('... allows for sanctions. No sanctions were imposed
    # immediately. The order, signed on Friday, ...')
    for before in reversed(views_before):
        d = next((d for d in out if d.view is before and d.etype in types and not d.background), None)
        if d is None:
            continue
        if d.occurred is None and not (signing and d.status == "cancelled"):
            # 'The United States and the European Union have lifted sanctions': one act of both imposers
            for e in out:
                if e.view is before and e.clause == d.clause and e.etype == d.etype and e.occurred is None:
                    e.occurred = occ
        return


def _same_day(ds: list[Draft], out: list[Draft]) -> None:
    """'Warsaw also signed a separate contract the same day for 180 K2 tanks': the day of the last event
    dated to the day before it."""
    for n, d in enumerate(ds):
        if d.occurred is None and _SAME_DAY.found(d.view.text):
            # ("..., and India's foreign ministry responded the same day": a reply takes the act's day)
            said = d.etype == "statement"
            before = [e for e in ds[:n] if e.cues[0].start < d.cues[0].start] if said else []
            acts = [e for e in [*out, *before] if e.etype != "statement" or d.etype == "statement"]
            # (no act told to the day before: the day of the saying before it, 'Blinken said on Tuesday ...
            # The United States and Britain imposed new sanctions on Iran the same day')
            days = [e.occurred for e in [*out, *acts] if e.occurred and e.occurred.precision == "day"]
            acted = [e.occurred for e in acts if e.occurred and e.occurred.precision == "day"]
            d.occurred = (acted or days)[-1] if acted or days else None


_CAME_AFTER = re.compile(
    r"^(?:The|This|That|Its|Their)\s+[^,;]{1,60}?\s+(?:came|comes)\s+(?P<n>a|one|two|three|four|\d)\s+"
    r"days?\s+after\b"
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_DAYS_APART = re.compile(r"^(?P<n>A|One|Two|Three|Four|\d)\s+days?\s+(?P<way>earlier|before|later),\s")


def _came_after(view: View, ds: list[Draft], out: list[Draft]) -> None:
    """Days counted from the day of the last act told, to the day:

    - 'South Korea on Friday imposed sanctions on 11 North Koreans ... The move came a day after
      Washington sanctioned the North's hacking group': the act after 'after' is a day before;
    - 'A day earlier, US Deputy National Security Adviser Daleep Singh ... had warned': the sentence's
      events are a day before;
    - 'Washington blacklisted three senior officials of the North's ruling party a day earlier': a count
      of days and no other date in the sentence counts from the act before too.
    """
    came, apart = _CAME_AFTER.match(view.text), _DAYS_APART.match(view.text)
    counted = [dm for dm in view.dates if "anc" in dm.groups]
    alone = bool(counted) and len(counted) == len(view.dates)
    if came is None and apart is None and not alone:
        return
    anchor = next((e.occurred for e in reversed(out) if e.occurred and e.occurred.precision == "day"), None)
    if anchor is None:
        return
    if came is None and apart is None:
        day_of = anchored(counted[0], anchor)
        for d in ds:
            if d.occurred is None and d.etype != "statement":
                d.occurred = day_of
        return
    if came is not None:
        day = _days_from(anchor, came.group("n"), -1)
        told = view.text[came.start("n") : came.end()]
        acts = [d for d in ds if d.cues[0].start >= came.end() and d.etype != "statement"]
    else:
        assert apart is not None
        way = 1 if apart.group("way").lower() == "later" else -1
        day, told, acts = _days_from(anchor, apart.group("n"), way), apart.group(0).rstrip(", "), ds
    for d in acts:
        if d.occurred is None:
            d.occurred = Occurred(date=day, precision="day", text=told)


def _days_from(anchor: Occurred, count: str, way: int) -> str:
    n = _COUNTS.get(count.lower()) or int(count)
    return (date.fromisoformat(anchor.date) + way * timedelta(days=n)).isoformat()


def _quoted(view: View, d: Draft) -> bool:
    """'"China opposes the United States imposing sanctions," Hua said': an event told inside the quote
    leaves the saying a statement of its own."""
    return all(view.in_quote(c.start) for c in d.cues)


# 'announced that the United States was removing the penalty tariff': told as under way when said
_IS_NOW = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?\w+ing\b")


_ANNOUNCED = re.compile(r"\bannounc(?:ed|es|ing)\s+(?:new\s+|fresh\s+|further\s+)?$")


def _announced(view: View, d: Draft) -> bool:
    """'... said on Tuesday that Iran had delivered missiles, and announced new sanctions': an act
    made by announcing it, on the day of the saying."""
    cue = d.cues[0]
    return bool(_ANNOUNCED.search(view.text, max(0, cue.start - 30), cue.start))


# 'Trump said on Monday he would remove the additional 25% tariff': relief announced on that day
_WOULD = re.compile(r"\b(?:would|will)\s+(?:[\w%$.-]+\s+){1,5}$")


def _told_now(view: View, d: Draft) -> bool:
    """An act that happens as it is told: under way, announced, pledged relief, or just announced done."""
    return _progressive(view, d) or _announced(view, d) or _to_lift(view, d) or _perfect_announced(view, d)


# 'Indonesia has signed a contract with Dassault Aviation ..., the French and Indonesian defence
# ministries announced on 10 February': news told in the present perfect as it is announced
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?$")
_ANNOUNCED_AT = re.compile(r"(?i:announced|confirmed)$")


def _perfect_announced(view: View, d: Draft) -> bool:
    cue = d.cues[0]
    if not _PERFECT.search(view.text, max(0, cue.start - 25), cue.start):
        return False
    saying = next((c for c in view.cues if c.etype == "statement" and c.start > cue.end), None)
    return saying is not None and _ANNOUNCED_AT.match(saying.text) is not None


def _to_lift(view: View, d: Draft) -> bool:
    cue = d.cues[0]
    if d.status not in ("lifted", "waived"):
        return False
    return bool(_WOULD.search(view.text, max(0, cue.start - 45), cue.start))


def _progressive(view: View, d: Draft) -> bool:
    """'The United States is fully lifting its ban ..., the president said on Monday': an act told as
    under way when it is announced, on the day of the saying."""
    return bool(_IS_NOW.search(view.text, d.clause.start, d.cues[0].end))


_WHICH_SAID = re.compile(r",\s*which\s+(?:also\s+)?$")
_TOLD = re.compile(r"^(?:told|tells)$", re.IGNORECASE)


def _told_a_state(view: View, d: Draft) -> bool:
    """'The UAE has told the United States it will suspend talks': telling another state is a
    statement to it, not the attribution of the news that follows."""
    cue = d.cues[0]
    if not _TOLD.match(cue.text):
        return False
    nxt = next((m for m in view.slots.mentions if m.start >= cue.end), None)
    return (
        nxt is not None
        and nxt.kind in ("country", "body")
        and not view.text[cue.end : nxt.start].strip(" the")
    )


_AND_APART = re.compile(r",\s+and\s+")


def _said_apart(view: View, event: Draft, said: Draft) -> bool:
    """'Russia and India on Friday signed a programme ..., and Putin said Moscow was ready to ensure fuel
    shipments': a saying joined after the event by ', and' tells news of its own."""
    end, start = event.cues[-1].end, said.cues[0].start
    return end <= start and _AND_APART.search(view.text, end, start) is not None


def _party_to(said: Draft, event: Draft) -> bool:
    """Whether the one saying is a side of the event it tells ('Russia said it delivered ...'): then the
    saying only dates the event. A third state telling of others' trade ('Russia has received Iranian
    missiles, Blinken said') makes a claim, a statement of its own. An unnamed sayer counts as a side."""
    speaker = said.roles.get("speaker")
    if speaker is None:
        return True
    sides = [x for v in event.roles.values() for x in (v if isinstance(v, list) else [v])]
    return speaker in sides


def _sentence_drafts(view: View, published: datetime | None) -> list[Draft]:
    """Drafts of a sentence; a neutral 'X said' around a concrete event only lends it a date."""
    ds = drafts(view)
    others = [d for d in ds if d.etype != "statement"]
    for d in ds:
        if (
            d.etype == "statement"
            and d.cues[0].text.lower() in _NEUTRAL
            and not _told_a_state(view, d)
            # '..., an angry response from Turkey, which said ...': a reaction, not an attribution
            and not _WHICH_SAID.search(view.text, max(0, d.cues[0].start - 14), d.cues[0].start)
            # 'New U.S. sanctions on Rosneft and Lukoil are counterproductive, Kremlin spokesman Dmitry
            # Peskov said': a judgement on the act, not its news
            and not _STANCE.found(view.text, 0, d.cues[0].start)
        ):
            d.attribution = any(
                o.status in _CONCRETE
                and not o.background
                and not o.reacted
                # ('a day after New Delhi announced punitive measures against Islamabad': the act it tells)
                and (o.clause.opener not in _TEMPORAL or o.clause is d.clause)
                and not _quoted(view, o)
                and _party_to(d, o)
                and not _said_apart(view, o, d)
                and not _to_lift(view, o)  # 'Trump said Tuesday he will lift sanctions on Syria': a pledge
                for o in others
            )
    date_drafts(view, ds, published)
    say = next((d.occurred for d in ds if d.etype == "statement" and d.occurred), None)
    for d in ds:
        if d.etype == "statement" and d.occurred is None and not d.attribution:
            # ('... on Friday signed a programme ..., and Putin said': the same occasion)
            dated = (o.occurred for o in others if o.occurred and _said_apart(view, o, d))
            d.occurred = next((occ for occ in dated if occ.precision == "day"), None)
    for d in ds:
        if (
            d.etype == "statement"
            and d.occurred is None
            and not d.attribution
            and _TOLD.match(d.cues[0].text)
        ):
            # 'has told the United States ..., an Emirati official said on Tuesday'
            d.occurred = say or saying_date(view, published)
    for d in others:
        if d.occurred is None and say is not None and _SAME_DAY_AFTER.match(view.text, d.cues[-1].end):
            d.occurred = say  # '... its 11th package of sanctions against Russia, adopted the same day'
    for d in others:
        if (
            d.occurred is None
            and (d.status in _INHERIT or _told_now(view, d))
            and d.clause.opener not in _TEMPORAL
            and not d.reacted
            and not d.background  # 'examining the sanctions imposed by Washington': known before
        ):
            say = say or saying_date(view, published)
            d.occurred = say
    return ds
