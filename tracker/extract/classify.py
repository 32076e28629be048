"""One sentence to draft events: cues grouped by clause and type, roles, status, items, value, dates.

A draft is an event under construction; the pipeline merges drafts across the
article and renders them. Each clause yields at most one draft per type, so a
sentence like 'India delivered BrahMos to the Philippines under a deal signed
in 2022' gives a delivery and a deal, each with its own date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypeVar

from events.model import Occurred
from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract.actors import Mention, find_actors, is_possessive, non_actor_context, pronoun_subject
from tracker.extract.amounts import Money, find_money
from tracker.extract.cues import Cue, find_cues
from tracker.extract.dates import DateMention, find_dates
from tracker.extract.gazetteer import Gazetteer
from tracker.extract.items import WEAPON_NOUNS, ItemMention, find_items
from tracker.extract.sentences import Clause, Sentence, clauses, lower, tokenize

_TITLE_WORD = re.compile(
    r"^(?:[A-Z][\w'’.-]*|press|secretary|spokesperson|spokesman|spokeswoman|minister|chief|foreign|defence|"
    r"defense|affairs|external|deputy|senior|state|army|navy|general|prime|president|vice|national|security|"
    r"adviser|advisor|ambassador|envoy|department|ministry|office|chancellor|commander|head|policy|of)$"
)
_DEFINITE = re.compile(r"^(?:the|this|that)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_NOUN_USE = re.compile(r"^(?:deliver(?:y|ies)|supplies|shipments?|exports?)$", re.IGNORECASE)
_CAUSATIVE = re.compile(
    r"\b(?:allow\w*|let(?:s|ting)?|enabl\w*|urg\w*|ask\w*|want\w*|forc\w*|press\w*|push\w*|help\w*|"
    r"permit\w*)\s+"
    r"(?:the\s+)?[A-Z]",
    re.IGNORECASE,
)
_ARRIVE = re.compile(r"^(?:arriv\w*|land\w*)$", re.IGNORECASE)


_Span = TypeVar("_Span", ItemMention, Money)


@dataclass
class View:
    """A sentence analysed once: mentions, items, money, dates, clauses, cues."""

    sentence: Sentence
    is_title: bool
    mentions: list[Mention]
    items: list[ItemMention]
    money: list[Money]
    dates: list[DateMention]
    clauses: list[Clause]
    cues: list[Cue]
    slots: r.Slots
    quoted: list[tuple[int, int]]

    @property
    def text(self) -> str:
        return self.sentence.text


@dataclass
class Draft:
    etype: str
    view: View
    clause: Clause
    cues: list[Cue]
    roles: dict[str, object]
    status: str | None = None
    items: list[ItemMention] = field(default_factory=list)
    value: Money | None = None
    occurred: Occurred | None = None
    date_rank: int = 99
    person: str | None = None
    title: str | None = None
    quote: str | None = None
    anaphoric: bool = False
    attribution: bool = False

    @property
    def position(self) -> tuple[int, int]:
        return (self.view.sentence.start, self.cues[0].start)


def analyse(sentence: Sentence, is_title: bool, quotes: list[tuple[int, int]], gaz: Gazetteer) -> View:
    text = sentence.text
    low = lower(text)
    tokens = tokenize(text)
    mentions = find_actors(tokens, text, gaz)
    items = find_items(tokens, text, gaz)
    taken = [(m.start, m.end) for m in mentions] + [(i.start, i.end) for i in items]
    cls = clauses(text)
    local = [
        (max(0, s - sentence.start), e - sentence.start)
        for s, e in quotes
        if s < sentence.end and e > sentence.start
    ]
    return View(
        sentence, is_title, mentions, items, find_money(text, low), find_dates(text, low), cls,
        find_cues(text, taken, low),
        r.slots(text, mentions, cls), local,
    )  # fmt: skip


def clause_of(view: View, pos: int) -> int:
    return next((i for i, c in enumerate(view.clauses) if c.start <= pos < c.end + 1), len(view.clauses) - 1)


def _in(view: View, clause: Clause, spans: list[_Span]) -> list[_Span]:
    return [x for x in spans if clause.start <= x.start and x.end <= clause.end]


def drafts(view: View) -> list[Draft]:
    """Drafts of every type in every clause of the sentence."""
    out: list[Draft] = []
    for ci, clause in enumerate(view.clauses):
        in_clause = [c for c in view.cues if clause_of(view, c.start) == ci]
        for etype, build in (("deal", _deal), ("delivery", _delivery), ("sanction", _sanction)):
            cues = [c for c in in_clause if c.etype == etype]
            if cues:
                draft = build(view, clause, cues)
                if draft is not None:
                    out.append(draft)
        for cue in (c for c in in_clause if c.etype == "statement"):
            draft = _statement(view, clause, cue)
            if draft is not None:
                out.append(draft)
                break
    return out


def _deal(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    kinds = {c.kind for c in cues}
    items, money = _in(view, clause, view.items), _in(view, clause, view.money)
    weapon = WEAPON_NOUNS.search(view.text[clause.start : clause.end])
    if "approve" in kinds and not _approves_trade(view, cues):
        kinds.discard("approve")
    if "approve" in kinds and re.search(r"\bexports?\b", view.text[clause.start : clause.end], re.IGNORECASE):
        kinds.add("sell")
        cues = [*cues, Cue("deal", "sell", cues[-1].start, cues[-1].end, "export")]
    verbs = any(c.kind in ("buy", "sell") and cue_words.is_verb(c, view.text) for c in cues)
    strong = (
        ("sign" in kinds and "noun" in kinds)
        or (verbs and bool(items or money or weapon))
        or (bool(kinds & {"noun", "buy", "sell"}) and bool(money))
        or ("approve" in kinds and bool(kinds & {"noun", "buy", "sell"}))
        or ("cancel" in kinds and bool(kinds & {"noun", "buy"}))
    )
    if not strong:
        return None
    window = view.text[clause.start : max(c.end for c in cues)]
    draft = Draft("deal", view, clause, cues, _deal_roles(view, clause, cues, items))
    draft.status = _title_future(view, cues) or cue_words.deal_status(window, cues)
    draft.items, draft.value = items, _nearest(money, cues)
    noun = next((c for c in cues if c.kind == "noun"), None)
    draft.anaphoric = noun is not None and bool(_DEFINITE.match(view.text[clause.start : noun.start]))
    return draft


def _approves_trade(view: View, cues: list[Cue]) -> bool:
    """'approved the possible sale of': the approval governs a trade word a few words later."""
    for a in (c for c in cues if c.kind == "approve"):
        for c in cues:
            if (
                c.kind in ("noun", "buy", "sell")
                and c.start - a.end >= 0
                and len(view.text[a.end : c.start].split()) <= 5
            ):
                return True
        if re.match(r"\W+(?:\w+\W+){0,3}exports?\b", view.text[a.end : a.end + 40], re.IGNORECASE):
            return True
    return False


def _title_future(view: View, cues: list[Cue]) -> str | None:
    """Headlines write the future as 'to' + verb: 'US to send Abrams tanks to Ukraine'."""
    if view.is_title and any(re.search(r"\bto\s+$", view.text[max(0, c.start - 4) : c.start]) for c in cues):
        return "planned"
    return None


def _nearest(money: list[Money], cues: list[Cue]) -> Money | None:
    if not money:
        return None
    return min(money, key=lambda m: min(abs(m.start - c.start) for c in cues))


def _agent(view: View, clause: Clause, cue: Cue) -> Mention | None:
    """The doer of a verb in a phrase: 'for buying' (the noun before), 'allowing New Delhi to keep buying'."""
    s = view.slots
    before = view.text[max(clause.start, cue.start - 30) : cue.start]
    pp = re.search(r"\b(?:for|in|over|of|after|involved in)\s+(?:the\s+)?$", before, re.IGNORECASE)
    inf = re.search(r"\bto\s+(?:keep\s+|continue\s+to\s+|stop\s+)?$", before, re.IGNORECASE)
    if inf and not _CAUSATIVE.search(view.text[max(clause.start, cue.start - 60) : cue.start]):
        inf = None
    if not pp and not inf:
        return None
    prior = [i for i, m in enumerate(s.mentions) if clause.start <= m.start and m.end <= cue.start]
    if not prior:
        return None
    last = s.mentions[prior[-1]]
    gap = view.text[last.end : cue.start]
    if pp and len(gap.split()) <= 6 and "," not in gap:
        return last
    if inf and s.preps[prior[-1]] is None and len(gap.replace("'s", "").split()) <= 3:
        return last
    return None


def _deal_roles(view: View, clause: Clause, cues: list[Cue], items: list[ItemMention]) -> dict[str, object]:
    s = view.slots
    buy = next((c for c in cues if c.kind == "buy"), None)
    sell = next((c for c in cues if c.kind == "sell"), None)
    main = buy or sell or cues[0]
    agent = _agent(view, clause, main)
    subj = [agent] if agent else r.subjects(s, clause, main.start, view.clauses)
    mod = r.modifier_before(s, main.start)
    with_ = r.codes(r.all_after(s, clause, ("with", "between")))
    made = r.origin(s, items)
    for_ = r.after(s, clause, clause.start, ("for",))
    if buy is not None and len(r.codes(subj)) < 2:
        buyer = mod.code if mod and is_possessive(s.text, mod) else (subj[-1].code if subj else None)
        found = r.after(s, clause, buy.end, ("from",))
        seller = found.code if found else (with_[0] if with_ else None)
        if seller is None:
            seller = made if made and made != buyer else r.maker(items, buyer)
        if seller is None:
            seller = _weapon_origin(view, clause, buyer)
        return _pair(buyer, seller)
    if sell is not None and len(r.codes(subj)) < 2:
        seller = mod.code if mod else (subj[-1].code if subj else None)
        found = r.after(s, clause, sell.end, ("to",)) or for_
        return _pair(found.code if found else None, seller)
    parties = r.codes(subj) + [c for c in with_ if c not in r.codes(subj)]
    makers = [it.maker for it in items if it.maker in parties]
    if len(parties) == 2 and (makers or (for_ and for_.code in parties)):
        buyer = for_.code if for_ and for_.code in parties else next(p for p in parties if p != makers[0])
        return _pair(buyer, next(p for p in parties if p != buyer))
    if len(parties) == 1:
        if subj:
            return _pair(parties[0], made if made and made != parties[0] else r.maker(items, parties[0]))
        return _pair(for_.code if for_ else None, parties[0])
    return {"parties": parties} if parties else {}


def _weapon_origin(view: View, clause: Clause, exclude: str | None) -> str | None:
    """'Russian arms', 'Chinese weapons': the actor right before a weapon noun."""
    for w in WEAPON_NOUNS.finditer(view.text, clause.start, clause.end):
        m = r.modifier_before(view.slots, w.start())
        if m is not None and m.code != exclude and not view.text[m.end : w.start()].strip():
            return m.code
    return None


def _pair(buyer: str | None, seller: str | None) -> dict[str, object]:
    out: dict[str, object] = {}
    if buyer:
        out["buyer"] = buyer
    if seller and seller != buyer:
        out["seller"] = seller
    return out


def _delivery(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    items = _in(view, clause, view.items)
    if not items and not WEAPON_NOUNS.search(view.text[clause.start : clause.end]):
        return None
    last = max(c.end for c in cues)
    window = view.text[clause.start : last]
    if cue_words.dropped_delivery(window):
        return None
    approvals = [c.start for c in view.cues if c.kind == "approve" and c.start < cues[0].start]
    if approvals and clause.start <= approvals[0] < clause.end:
        return None  # 'approved the export of': a sale, not yet a delivery
    roles = _delivery_roles(view, clause, cues, items)
    if not roles:
        return None
    draft = Draft("delivery", view, clause, cues, roles, items=items)
    status = cue_words.delivery_status(
        view.text[clause.start : last + 25], view.text[clause.start : clause.end], cues
    )
    draft.status = _title_future(view, cues) or status
    return draft


def _delivery_roles(
    view: View, clause: Clause, cues: list[Cue], items: list[ItemMention]
) -> dict[str, object]:
    s = view.slots
    give = next((c for c in cues if c.kind == "give"), None)
    get = next((c for c in cues if c.kind == "get"), None)
    main = get if get and (give is None or get.start < give.start) else give
    assert main is not None
    agent = _agent(view, clause, main)
    subj = [agent] if agent else r.subjects(s, clause, main.start, view.clauses)
    noun = give is not None and (_NOUN_USE.match(give.text) is not None or r.passive(s.text, give))
    supplier: str | None
    recipient: str | None
    if main is get and _ARRIVE.match(get.text):
        found = r.after(s, clause, get.end, ("in", "at", "to"))
        recipient, supplier = (found.code if found else None), None
    elif main is get:
        recipient, supplier = (subj[-1].code if subj else None), None
    elif noun:
        mod = r.modifier_before(s, main.start)
        found = r.after(s, clause, main.end, ("to", "for", "near", "in", "at"))
        recipient = found.code if found else (mod.code if mod and is_possessive(s.text, mod) else None)
        by = r.after(s, clause, main.end, ("by", "from"))
        supplier = by.code if by else (mod.code if mod and not is_possessive(s.text, mod) else None)
        supplier = supplier or (agent.code if agent else None)
    else:
        supplier = subj[-1].code if subj else None
        found = r.after(s, clause, main.end, ("to", "for"))
        obj = r.direct_object(s, clause, main.end, {supplier} if supplier else set())
        recipient = found.code if found else (obj.code if obj else None)
    if supplier is None:
        found = r.after(s, clause, clause.start, ("from",))
        mod = r.modifier_before(s, give.start) if give is not None and main is get else None
        supplier = (found.code if found else None) or (mod.code if mod else None) or r.origin(s, items)
        supplier = supplier or r.maker(items, recipient)
    out: dict[str, object] = {}
    if supplier and supplier != recipient:
        out["supplier"] = supplier
    if recipient:
        out["recipient"] = recipient
    return out


def _sanction(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    s, cue = view.slots, cues[0]
    window = view.text[clause.start : clause.end]
    status = cue_words.sanction_status(window, cues)
    if status is None and cue.text.lower() == "sanctions" and r.direct_object(s, clause, cue.end, set()):
        status = "imposed"  # headline verb: 'US sanctions Indian firms'
    if status is None:
        return None
    subj = r.subjects(s, clause, cue.start, view.clauses)
    mod = r.modifier_before(s, cue.start)
    by = r.after(s, clause, cue.end, ("by",))
    if r.patient_subject(s.text, clause, cue):
        target = subj[-1].code if subj else None
        under = r.after(s, clause, cue.end, ("under",))
        agent = by or mod or under
        imposer = agent.code if agent else None
    else:
        imposer = mod.code if mod else (subj[-1].code if subj else None)
        found = None
        if status == "waived":
            found = r.after(s, clause, clause.start, ("for",))
            found = found or r.direct_object(
                s, clause, subj[-1].end if subj else clause.start, {imposer or ""}
            )
        preps = ("on", "against", "targeting") + (
            ("to", "from", "with") if cue_words.TRADE_HALT.match(cue.text) else ()
        )
        found = found or r.after(s, clause, cue.end, preps)
        found = found or r.direct_object(s, clause, subj[-1].end if subj else clause.start, {imposer or ""})
        target = found.code if found else None
    if imposer is None and "caatsa" in window.lower():
        imposer = "USA"
    if not imposer or not target or imposer == target:
        return None
    return Draft("sanction", view, clause, cues, {"imposer": imposer, "target": target}, status=status)


def _statement(view: View, clause: Clause, cue: Cue) -> Draft | None:
    s, text = view.slots, view.text
    speaker = _inverted_speaker(view, clause, cue) or _speaker_before(view, clause, cue)
    pronoun = speaker is None and pronoun_subject(text, cue.start)
    if speaker is None and not pronoun:
        return None
    if speaker is not None and (
        speaker.kind == "company" or non_actor_context(text, max(0, speaker.start - 40), cue.start)
    ):
        return None
    draft = Draft("statement", view, clause, [cue], {})
    if speaker is not None:
        draft.roles["speaker"] = speaker.code
        person = _person_near(s, speaker)
        if person is not None:
            draft.person, draft.title = person.name, _title_before(text, person.start)
    return draft


def _quoted(view: View, pos: int) -> bool:
    return any(a <= pos < b for a, b in view.quoted)


def _speaker_before(view: View, clause: Clause, cue: Cue) -> Mention | None:
    s = view.slots
    for i in range(len(s.mentions) - 1, -1, -1):
        m = s.mentions[i]
        if (
            clause.start <= m.start
            and m.end <= cue.start
            and s.preps[i] is None
            and not _quoted(view, m.start)
        ):
            gap = view.text[m.end : cue.start]
            return m if "," not in gap and len(gap.split()) <= 8 else None
    return None


def _inverted_speaker(view: View, clause: Clause, cue: Cue) -> Mention | None:
    """'..., says Pentagon', '..., said Kremlin spokesman Dmitry Peskov.'"""
    for m in view.slots.mentions:
        if m.start >= cue.end:
            gap = view.text[cue.end : m.start].split()
            tail = view.text[m.end : m.end + 2]
            if len(gap) <= 3 and (not tail.strip() or tail[:1] in ",.;"):
                return m
            return None
    return None


def _person_near(s: r.Slots, speaker: Mention) -> Mention | None:
    if speaker.kind == "person":
        return speaker
    idx = s.mentions.index(speaker)
    nxt = s.mentions[idx + 1] if idx + 1 < len(s.mentions) else None
    if nxt is not None and nxt.kind == "person" and len(s.text[speaker.end : nxt.start].split()) <= 4:
        return nxt
    return None


def _title_before(text: str, pos: int) -> str | None:
    words = text[:pos].split()[-6:]
    title: list[str] = []
    for word in reversed(words):
        if word[-1:] in ',.;:"”' or not _TITLE_WORD.match(word):
            break
        title.insert(0, word)
    while title and title[0].lower() in ("of", "the"):
        title.pop(0)
    return " ".join(title) or None
