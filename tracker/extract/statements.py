"""Statements across sentences: pronoun speakers, remembered titles, the paragraph's quotes.

'"...," he added.' and 'The prime minister said' are said by the last speaker
named, or else by the person (or subject) of the sentence before; a title given once
('Pentagon press secretary John Kirby') stays with the person; a statement
carries the quotes of its paragraph and is about the actors named in them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.extract.draft import Draft
from tracker.extract.home import dateline_end
from tracker.extract.sentences import Sentence
from tracker.extract.view import View

Speaker = tuple[object, str | None, str | None]  # (actor code, person, title)


@dataclass
class Memory:
    """What the statements of an article remember from sentence to sentence."""

    last: Speaker | None = None
    paragraph: int = -2  # the paragraph of the last speaker
    titles: dict[str, str] = field(default_factory=dict)
    quoted: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    views: list[View] = field(default_factory=list)  # the article's sentences, to read quotes from


_ANALYSTS_SAY = re.compile(
    r"\b(?:analysts?|experts?|observers|researchers|scholars|economists|think[- ]tanks?)\s+"
    r"(?:\w+\s+)?(?:say|said|says|believe|believed|warn|warned|note|noted)\b",
    re.IGNORECASE,
)
_THEY = re.compile(r"\bthey\s+$", re.IGNORECASE)


def _they_are_analysts(view: View, views: list[View], d: Draft) -> bool:
    """'they said' where the sayers told last are analysts or experts."""
    if not _THEY.search(view.text, max(0, d.cues[0].start - 8), d.cues[0].start):
        return False
    at = next((i for i, v in enumerate(views) if v is view), None)
    before = views[max(0, at - 1) : at + 1] if at is not None else [view]
    return any(_ANALYSTS_SAY.search(v.text) for v in before)


def resolve_statements(
    view: View, ds: list[Draft], text: str, quotes: list[tuple[int, int]], memory: Memory
) -> None:
    """Fill speakers, titles, quotes and 'about' of the sentence's statements; mark speakerless ones."""
    statements = [d for d in ds if d.etype == "statement"]
    if not statements:
        return
    para_quotes = [(a, b) for a, b in quotes if _same_paragraph(text, view.sentence, a)]
    for d in statements:
        if "speaker" not in d.roles:
            if d.surname:
                last = _by_surname(d.surname, view, memory.views)
            elif d.titled:
                last = _titled_speaker(view, memory, d.cues[0].start)
            elif memory.last is None and _they_are_analysts(view, memory.views, d):
                last = None  # '..., analysts say ... could place new orders, they said': no state speaks
            else:
                last = memory.last or _named_before(view, memory.views)
            if last is None:
                d.attribution = True
                continue
            d.roles["speaker"], d.person, d.title = last
        if d.person:
            d.title = d.title or memory.titles.get(d.person)
            if d.title:
                memory.titles.setdefault(d.person, d.title)
        memory.last = (d.roles["speaker"], d.person, d.title)
        memory.paragraph = view.sentence.paragraph
        if para_quotes:
            d.quote = " ".join(text[a:b].strip() for a, b in para_quotes)
        about = [m.code for m in view.mentions if m.code != d.roles["speaker"]]
        # the actors of quotes count when the speaker's own sentence holds a quote, or none of the
        # paragraph's quotes is another speaker's ('Pakistan's foreign office said the sale would fuel an
        # arms race' is not about the 'Israeli technology' an Israeli minister praised in quotes)
        own = [(a, b) for a, b in para_quotes if view.sentence.start <= a < view.sentence.end]
        about += _quoted_actors(own or _unclaimed(para_quotes, memory, view), memory, d.roles["speaker"])
        if about:
            d.roles["about"] = list(dict.fromkeys(about))


_OFFICE_OPENS = re.compile(
    r"(?:^|[—–-]\s*)The\s+(?:[\w-]+\s+){0,2}(?:Office|Ministry|ministry|office|[Gg]overnment)\b(?!\s+of\b)"
)


# 'BEIJING - Vice Foreign Minister Zheng Zeguang on Saturday summoned ...': an official by title and name
# opening a datelined lead is of the dateline's state
_TITLE_OPENS = re.compile(
    r"(?:^|[—–-]\s*|\)\s*)(?:Vice\s+|Deputy\s+)?(?:Foreign|Defen[cs]e|Commerce|Trade)\s+(?:Minister|Secretary|"
    r"Ministry\s+spokes(?:man|woman|person))\s+[A-Z]"
)


def _dateline_lead(view: View) -> bool:
    return view.sentence.start == 0 and not view.is_title and dateline_end(view.text) > 0


def _titled_speaker(view: View, memory: Memory, verb: int) -> Speaker | None:
    """'Indonesia hopes to sign ..., Defence Minister Ryamizard Ryacudu said': the last speaker of the
    paragraph, else the article's own state when the words reported before the verb name it."""
    if memory.last is not None and memory.paragraph == view.sentence.paragraph:
        return memory.last
    if view.home is not None and any(m.code == view.home and m.end <= verb for m in view.mentions):
        return (view.home, None, None)
    opens = _OFFICE_OPENS.search(view.text, 0, verb) or (
        _dateline_lead(view) and _TITLE_OPENS.search(view.text, 0, verb)
    )
    if opens and view.home == "USA" and "foreign" in opens.group(0).lower():
        opens = None  # Washington has a State Department: a foreign office there is another state's
    if view.home is not None and opens and not any(m.end <= verb for m in view.mentions):
        # 'ISLAMABAD - The Foreign Office on Thursday described as "biased" the sanctions ...': an office
        # that opens the report, of no state named, is the article's own
        return (view.home, None, None)
    return None


def _by_surname(surname: str, view: View, views: list[View]) -> Speaker | None:
    """'Prime Minister Scott Morrison ... Morrison said the decision meant ...': the person named in full
    earlier in the article whose surname it is."""
    for v in reversed([v for v in views if v.sentence.end <= view.sentence.start]):
        for m in reversed(v.mentions):
            if m.kind == "person" and m.name and m.name.split()[-1] == surname:
                return (m.code, m.name, None)
    return None


def _named_before(view: View, views: list[View]) -> Speaker | None:
    """'Mitsotakis met Erdogan on Thursday. The prime minister said ...': with no speaker yet, the
    person (else the subject) of the sentence before stands for 'he' or 'the prime minister'."""
    prev = next((v for v in reversed(views) if v.sentence.end <= view.sentence.start), None)
    if prev is None or prev.sentence.paragraph != view.sentence.paragraph:
        return None
    free = [m for m, p in zip(prev.slots.mentions, prev.slots.preps, strict=True) if p is None]
    pick = next((m for m in free if m.kind == "person"), free[0] if free else None)
    if pick is None:
        return None
    return (pick.code, pick.name if pick.kind == "person" else None, None)


# 'called the decision counterproductive': a reaction to the act told before, about its states
_THE_ACT = re.compile(
    r"\bthe\s+(?:decision|move|measures|sanctions|step|announcement|ban|embargo|deal|sale|restrictions)\b",
    re.IGNORECASE,
)


def about_the_act(ds: list[Draft], before: list[Draft]) -> None:
    """'Russia's foreign ministry called the decision counterproductive': a statement about nobody it
    names reacts to the act the story leads with, and is about the states of that act."""
    for d in ds:
        if d.etype != "statement" or not _THE_ACT.search(d.view.text):
            continue
        about = d.roles.get("about")
        named = [str(a) for a in about] if isinstance(about, list) else []
        if any(len(a) == 3 for a in named):
            continue  # it names a state of its own (codes of states have three letters; bodies not)
        # the story's act, told first ('welcomed the decision' after a lead and a second approval)
        act = next((e for e in before if e.etype != "statement" and not e.view.is_title), None)
        if act is None:
            continue
        speaker = d.roles.get("speaker")
        sides = [v for k, v in act.roles.items() if k != "about"]
        flat = [str(x) for v in sides for x in (v if isinstance(v, list) else [v])]  # a pact's parties too
        states = [v for v in flat if v != speaker]
        if states:
            d.roles["about"] = list(dict.fromkeys([*states, *named]))


def about_previous(ds: list[Draft], prev: View) -> None:
    """'China condemned the move.': a statement with nobody to be about is about the sentence before."""
    for d in ds:
        if d.etype == "statement" and not d.roles.get("about"):
            about = [m.code for m in prev.mentions if m.code != d.roles.get("speaker")]
            if about:
                d.roles["about"] = list(dict.fromkeys(about))


def _unclaimed(quotes: list[tuple[int, int]], memory: Memory, view: View) -> list[tuple[int, int]]:
    """The paragraph's quotes outside the sentence, unless a sentence holding one names its own speaker."""
    if not quotes:
        return quotes
    for other in memory.views:
        if other is view or other.is_title:
            continue
        holds = any(other.sentence.start <= a < other.sentence.end for a, _ in quotes)
        if holds and any(c.etype == "statement" for c in other.cues) and other.mentions:
            return []
    return quotes


def _same_paragraph(text: str, sentence: Sentence, pos: int) -> bool:
    lo, hi = min(pos, sentence.start), max(pos, sentence.start)
    return "\n" not in text[lo:hi].strip("\n") if sentence.paragraph >= 0 else False


def _quoted_actors(spans: list[tuple[int, int]], memory: Memory, speaker: object) -> list[str]:
    """Actors named inside the quotes, other than the speaker; each quote is read once per article.

    A name never runs across a quote mark, so the mentions of the sentences inside a quote are
    the mentions of the quote: nothing is tokenised twice."""
    out: list[str] = []
    for a, b in spans:
        if (a, b) not in memory.quoted:
            memory.quoted[(a, b)] = [
                m.code
                for v in memory.views
                if v.sentence.start < b and v.sentence.end > a
                for m in v.mentions
                if a <= v.sentence.start + m.start and v.sentence.start + m.end <= b
            ]
        out += [c for c in memory.quoted[(a, b)] if c != speaker]
    return out
