"""The article to events: analyse sentences, draft events, date them, merge mentions, render.

Order of work: every sentence is analysed (on demand, ``view``); drafts get
dates from the expressions of their own clause (``dating``); statements that
only attribute another event ('..., the ministry said') are dropped but lend
their date to planned or threatened events; a sentence takes what it leaves
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


def _quoted(view: View, d: Draft) -> bool:
    """'"China opposes the United States imposing sanctions," Hua said': an event told inside the quote
    leaves the saying a statement of its own."""
    return all(view.in_quote(c.start) for c in d.cues)


# 'announced that the United States was removing the penalty tariff': told as under way when said
_IS_NOW = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?\w+ing\b")


# 'said on Thursday it was adding ...', 'said on Friday it had banned ...': the doer telling its own act
_SAID_ON_DAY_IT = r"\bsaid\s+(?:on\s+)?\w+day\s+(?:that\s+)?(?:it|they)\s+"
_SAID_IT_WAS = re.compile(_SAID_ON_DAY_IT + r"(?:is|are|was|were)\s+\w+ing\b")
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
    return (
        _progressive(view, d)
        or _announced(view, d)
        or _to_lift(view, d)
        or _perfect_announced(view, d)
        or _own_act_said(view, d)
    )


# 'Russia said on Friday it had banned 500 Americans, including former US president Barack Obama'
_SAID_IT_HAD = re.compile(_SAID_ON_DAY_IT + r"(?:had|has|have)\s+(?:\w+ly\s+)?(?:\w+ed\s+)?$")


def _own_act_said(view: View, d: Draft) -> bool:
    """An act its own doer tells as done on the day it speaks: the day of the saying."""
    cue = d.cues[0]
    if not _SAID_IT_HAD.search(view.text, max(0, cue.start - 60), cue.start):
        return False
    doer = d.roles.get("imposer") or d.roles.get("buyer") or d.roles.get("supplier")
    subjects = r.subjects(view.slots, view.clauses[0], cue.start, view.clauses)
    return bool(subjects) and subjects[0].code == doer


# 'Indonesia has signed a contract with Dassault Aviation ..., the French and Indonesian defence
# ministries announced on 10 February': news told in the present perfect as it is announced
# ('China has imposed sanctions on five American defence companies ..., the foreign ministry announced on
# Sunday': the perfect on the verb before a noun cue)
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:(?:imposed|slapped|placed|signed)\s+)?$")
_ANNOUNCED_AT = re.compile(r"(?i:announced|confirmed)$")
_GRANTED = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:granted|lifted|waived|removed|eased)\b")


def _perfect_announced(view: View, d: Draft) -> bool:
    cue = d.cues[0]
    saying = next((c for c in view.cues if c.etype == "statement" and c.start > cue.end), None)
    if saying is None:
        return False
    if d.status in ("waived", "lifted") and _GRANTED.search(view.text, d.clause.start, cue.start):
        # ('The United States has granted India an exemption from its sanctions on Iran ..., the State
        # Department said on Tuesday': relief is news on the day it is told)
        return True
    perfect = _PERFECT.search(view.text, max(0, cue.start - 25), cue.start)
    return perfect is not None and _ANNOUNCED_AT.match(saying.text) is not None


_NOT_RENEWED = re.compile(r"\b(?:not|n't)\s+(?:to\s+)?renew\w*\s")


def _to_lift(view: View, d: Draft) -> bool:
    cue = d.cues[0]
    if d.status == "imposed" and _NOT_RENEWED.search(view.text, 0, cue.end):
        # ('said on Wednesday it would not renew a license that had eased sanctions on Venezuela's oil
        # sector, reimposing the measures': the relief ends the day it is announced)
        return True
    if d.status not in ("lifted", "waived"):
        return False
    return bool(_WOULD.search(view.text, max(0, cue.start - 45), cue.start))


def _progressive(view: View, d: Draft) -> bool:
    """'The United States is fully lifting its ban ..., the president said on Monday': an act told as
    under way when it is announced, on the day of the saying."""
    if _IS_NOW.search(view.text, d.clause.start, d.cues[0].end):
        return True
    # ('The U.S. Commerce Department said on Thursday it was adding 36 Chinese companies, including memory
    # chipmaker Yangtze Memory Technologies Co (YMTC), to its trade blacklist': the clause cut by commas)
    said = _SAID_IT_WAS.search(view.text, max(0, d.cues[0].start - 160), d.cues[0].start)
    return said is not None


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
            and not _NAMED_ACT.search(view.text, max(0, d.cues[0].start - 40), d.cues[0].start)
        ):
            say = say or saying_date(view, published)
            d.occurred = say
            # (a cancellation told on the day of its saying may have a day of its own told after it)
            d.date_said = d.occurred is not None and d.status == "cancelled"
    return ds
