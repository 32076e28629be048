"""The article to events: analyse sentences, draft events, date them, merge mentions, render.

Order of work: every sentence is analysed (on demand, ``view``); drafts get
dates from the expressions of their own clause (``dating``); statements that
only attribute another event ('..., the ministry said') are dropped but lend
their date to planned or threatened events (``sayings``); a sentence takes what it leaves
open from the ones before it ('The move came a day after ...', ``followups``);
deliveries borrow missing sides
from a deal for the same item and mentions of one development merge into one
event whose evidence is the most complete sentence (``merging``). The title is
read last and merges into body events.
"""

from __future__ import annotations

import re
from datetime import datetime

from events.model import Deal, Delivery, Sanction, Statement
from tracker.extract import roles as r
from tracker.extract.caseless import Caseless
from tracker.extract.classify import drafts
from tracker.extract.dating import date_drafts, saying_date
from tracker.extract.draft import Draft
from tracker.extract.followups import (
    date_back,
    days_counted,
    first_of_told_after,
    goods_the_deal_covers,
    goods_under_the_deal,
    reprisal_vowed,
    same_day,
    worth_told_after,
)
from tracker.extract.gazetteer import gazetteer
from tracker.extract.home import home_country
from tracker.extract.merging import complete, merge
from tracker.extract.render import render
from tracker.extract.sayings import TOLD, party_to, quoted, said_apart, to_lift, told_a_state, told_now
from tracker.extract.sentences import Sentence, quote_spans, split_sentences
from tracker.extract.sides import infer_sides
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
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
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
_SAME_DAY_AFTER = re.compile(
    r"[^,.;]{0,40},\s+(?:which\s+was\s+)?(?:adopted|approved|imposed|announced|agreed|signed|unveiled)\s+"
    r"(?:on\s+)?the\s+same\s+day\b"
)
_INHERIT = frozenset({"planned", "announced", "threatened", "cancelled"})
# 'said on Thursday that Australia's cancellation of its submarine contract was "a stab in the back"': an
# act named by its state's noun is known before the saying, which judges it
_NAMED_ACT = re.compile(r"\b[A-Z][\w.-]*(?:'s|’s)\s+(?:[\w-]+\s+)?$")


def extract(
    text: str, *, title: str | None = None, published: datetime | None = None, url: str | None = None
) -> list[DomainEvent]:
    """Events of one article, deterministic for the same input and gazetteer."""
    if title and _OPINION.match(title):
        return []  # 'Opinion: ...', 'ANALYSIS-...': argument and background, no news of its own
    gaz = gazetteer()
    quotes = quote_spans(text)
    head = analyse(Sentence(title.strip(), 0, len(title.strip()), -1), True, [], gaz) if title else None
    home = home_country(text, head.mentions if head else [], gaz, head.text if head else "")
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
    body = [d for d in body if _target_in_headline(d, heads)]
    merged = merge(infer_sides(body))
    merged = merge([*merged, *heads], only_merge=True) if merged else merge(infer_sides(heads))
    merged = [d for d in merged if complete(d)]
    merged.sort(key=lambda d: (d.view.is_title, d.position, d.etype))
    return [render(d, gaz, published, url, title) for d in merged]


# 'a U.S. official said on Wednesday, ... speaking on condition of anonymity': no named speaker of a state
_ANONYMOUS = Caseless(
    r"\b(?:an?|two|three|several|some)\s+(?:[\w.'’-]+\s+){0,3}(?:officials?|sources?|diplomats?)\b|"
    r"\banonymity\b|\bnot\s+authori[sz]ed\b|\b(?:declined|asked)\s+not\s+to\s+be\s+(?:named|identified)\b"
)


def _dated_saying(view: View, said: Draft) -> bool:
    """A party's own act told with 'X said on Sunday' keeps the saying as a statement of that day (most
    labellers of the recent sets count it; see README); undated, or by an unnamed official, it only lends
    the act its date."""
    return said.occurred is not None and not _ANONYMOUS.found(view.text)


def _target_in_headline(d: Draft, heads: list[Draft]) -> bool:
    """Whether a draft stays: a lead's sanction on a target the gazetteer does not know takes the target
    of the headline's sanction by the same imposer with the same status ('US sanctions target Myanmar's
    state oil and gas firm MOGE'), or goes."""
    if not d.headline_target:
        return True
    imposer = d.roles.get("imposer")
    for h in heads:
        if h.etype == "sanction" and h.status == d.status and h.roles.get("imposer") == imposer:
            target = h.roles.get("target")
            if isinstance(target, str) and target != imposer:
                d.roles["target"] = target
                return True
    return False


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
            date_back(view, views[max(0, n - 2) : n], out, published)
        same_day(ds, out)
        days_counted(view, ds, out)
        if n:
            first_of_told_after(view, out, views[n - 1])
            worth_told_after(view, out)
            goods_under_the_deal(view, ds, out)
            ds = goods_the_deal_covers(view, ds, out)
        reprisal_vowed(view, ds, out)
        out.extend(d for d in ds if not d.attribution or _dated_saying(view, d))
    return out


_REACHED_THE_COUNTRY = re.compile(
    r"\b(?:reached|arrived\s+in|landed\s+in)\s+the\s+country\b"
    # 'The first 10 K2 tanks ... bought from South Korea arrived at the Baltic port of Gdynia on Tuesday,
    # Poland's defence ministry said': a port or base of the state that tells of the arrival
    r"|\b(?:arrived|landed|docked)\s+(?:at|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:port|air\s+base|airbase|"
    r"naval\s+base|base|airport|harbou?r)\b"
)


def _reached_the_country(view: View, ds: list[Draft]) -> None:
    """'Ukrainian Defense Minister Oleksii Reznikov said British-made Challenger 2 tanks had reached the
    country', '... arrived at the Baltic port of Gdynia, Poland's defence ministry said': the country goods
    reach is the speaker's, or else the article's own."""
    for d in ds:
        # (a base 'of the report's own state' where the goods came from that state: a wrong home)
        home_only = d.roles.get("recipient") == view.home and "supplier" not in d.roles
        if d.etype != "delivery" or ("recipient" in d.roles and not home_only):
            continue
        if not _REACHED_THE_COUNTRY.search(view.text, d.cues[0].start, d.clause.end + 40):
            continue
        speakers = [x.roles.get("speaker") for x in ds if x.etype == "statement"]
        state = next((sp for sp in speakers if isinstance(sp, str)), None) or view.home
        if home_only:
            source = r.after(view.slots, d.clause, d.clause.start, ("from",))
            if source is None or source.code != view.home or state == view.home:
                continue
            d.roles["supplier"] = source.code
        if state and state != d.roles.get("supplier"):
            d.roles["recipient"] = state
            for said in ds:  # the receiving state's 'said' only tells its own news
                if said.etype == "statement" and said.roles.get("speaker") == state:
                    said.attribution = said.attribution or said.cues[0].text.lower() in _NEUTRAL


_WHICH_SAID = re.compile(r",\s*which\s+(?:also\s+)?$")


def _sentence_drafts(view: View, published: datetime | None) -> list[Draft]:
    """Drafts of a sentence; a neutral 'X said' around a concrete event only lends it a date."""
    ds = drafts(view)
    others = [d for d in ds if d.etype != "statement"]
    for d in ds:
        if (
            d.etype == "statement"
            and d.cues[0].text.lower() in _NEUTRAL
            and not told_a_state(view, d)
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
                and not quoted(view, o)
                and party_to(d, o)
                and not said_apart(view, o, d)
                and not to_lift(view, o)  # 'Trump said Tuesday he will lift sanctions on Syria': a pledge
                for o in others
            )
    date_drafts(view, ds, published)
    say = next((d.occurred for d in ds if d.etype == "statement" and d.occurred), None)
    for d in ds:
        if d.etype == "statement" and d.occurred is None and not d.attribution:
            # ('... on Friday signed a programme ..., and Putin said': the same occasion)
            dated = (o.occurred for o in others if o.occurred and said_apart(view, o, d))
            d.occurred = next((occ for occ in dated if occ.precision == "day"), None)
    for d in ds:
        if d.etype == "statement" and d.occurred is None and not d.attribution and TOLD.match(d.cues[0].text):
            # 'has told the United States ..., an Emirati official said on Tuesday'
            d.occurred = say or saying_date(view, published)
    for d in others:
        if d.occurred is None and say is not None and _SAME_DAY_AFTER.match(view.text, d.cues[-1].end):
            d.occurred = say  # '... its 11th package of sanctions against Russia, adopted the same day'
    for d in others:
        if (
            d.occurred is None
            and (d.status in _INHERIT or told_now(view, d))
            and d.clause.opener not in _TEMPORAL
            and not d.reacted
            and not d.background  # 'examining the sanctions imposed by Washington': known before
            and not _NAMED_ACT.search(view.text, max(0, d.cues[0].start - 40), d.cues[0].start)
        ):
            say = say or saying_date(view, published)
            d.occurred = say
            # (a cancellation told on the day of its saying may have a day of its own told after it)
            d.date_said = d.occurred is not None and d.status == "cancelled"
    return ds
