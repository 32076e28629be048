"""Whom a sanction targets: the object of the measure ('on Iran', 'against Russian banks'), the state a
listed firm or its forces belong to, the states a crackdown or a war is aimed at, the buyers of goods the
sanctioned supplied; never the imposer itself.
"""

from __future__ import annotations

import re

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract import statuses
from tracker.extract.actors import Mention, is_possessive
from tracker.extract.cues import Cue
from tracker.extract.gazetteer import actor_key
from tracker.extract.sentences import Clause
from tracker.extract.view import View

# 'sanctions on nearly 300 entities, including companies in China': the country the targets are in
_ENTITIES_IN = re.compile(
    r"\b(?:entities|companies|firms|individuals|businesses|people|banks|vessels|officials)\s+"
    r"(?:(?:based|registered|located)\s+)?(?:in|from)\s+(?:the\s+)?$"
)

# 'sanctions on a number of Russian officials', 'on a China-based refinery', 'on three Iranian firms': the
# targets are entities named by their state ('sanctioned several Russian-flagged vessels' too), whose
# state is the target (never a state in the reason that follows: 'for buying Iranian crude')
_ENTITY_TARGET = re.compile(
    r"(?:(?<=ed)\s+|\W*(?:\w+\s+){0,3}?(?:on|against)\s+)(?:(?:a|an|the|two|three|four|five|six|several|some|"
    r"more|other|number|of|\d[\d,]*)\s+){0,4}(?P<state>[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2}?)"
    r"(?:-based|-registered|-flagged)?\s+"
    r"(?:[a-z][\w-]*\s+){0,2}(?:individuals?|entit(?:y|ies)|compan(?:y|ies)|firms?|officials?|refiner(?:y|ies)|"
    r"banks?|businesses|vessels?|people|officers?|nationals?|citizens|oligarchs|manufacturers?)\b"
)

# 'imposed sanctions on an affiliate of Iran's Mahan Air', 'on two subsidiaries of Russia's Rostec': the
# entity belongs to the state named after 'of'
_PART_OF = re.compile(
    r"\W*(?:(?:\w+\s+){0,3}?(?:on|against)\s+)?(?:(?:a|an|the|two|three|four|five|several|some|\d+)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:affiliates?|subsidiar(?:y|ies)|units?|arms?|networks?|branch(?:es)?|"
    r"front compan(?:y|ies)|divisions?|departments?|agenc(?:y|ies)|bureaus?|"
    # 'blacklisted three senior officials of the North's ruling Workers' Party'
    r"officials|members|leaders|executives|commanders)\s+of\s+(?:the\s+)?$"
)

_REASON = re.compile(r"\b(?:for|of)\s+(?:\w+ing)\s+(?:the\s+)?$", re.IGNORECASE)

_INCLUDING = re.compile(
    r"\s+(?:on|against)\s+[^,;]{1,60},\s+including\s+(?:[\w,]+\s+){0,2}?(?P<state>[A-Z][\w.'’]*(?:\s[A-Z][\w.'’]*){0,2}?)"
    r"(?:-based|-registered)?\s+(?:[a-z][\w-]*\s+)?(?:entit(?:y|ies)|compan(?:y|ies)|firms?|individuals?|banks?|"
    r"businesses|nationals|citizens|officials|vessels)\b"
)

ADDED = re.compile(r"\b(?:add(?:s|ed|ing)?|put(?:s|ting)?|plac(?:e|es|ed|ing))\b")

# ('... four companies that it said supplied aviation fuel to Myanmar's military')
_SUPPLYING_TO = re.compile(
    # ('sanctions on 50 individuals and entities, including suppliers of munitions and electronics to
    # Russia's military')
    r"\b(?:supplying|selling|providing|shipping|suppliers\s+of|(?:that|which|who)\s+(?:it\s+said\s+|allegedly\s+)?"
    r"(?:had\s+)?(?:supplied|sold|provided|shipped))\s+(?:[\w-]+\s+){0,4}?to\s"
)

_ITS_FORCES = re.compile(r"(?:'s|’s)?\s*(?:military|army|armed forces|junta|regime)\b|[\w-]*\s*military\b")

# 'impose new sanctions on both countries': the two states the sentence named before
_BOTH = re.compile(r"\W*(?:\w+\s+){0,3}?(?:on|against)\s+(?:both|the two)\s+(?:countries|nations|states)\b")


def target_of(
    view: View, clause: Clause, cue: Cue, status: str, imposer: str | None, after_subject: int
) -> str | None:
    """'waived sanctions for India', 'sanctions on Russia', 'halted exports to X', 'sanctioned X'."""
    s, found = view.slots, None
    both = both_targets(view, cue, imposer)
    if both:
        return both[0]
    if status == "waived":
        found = r.after(s, clause, clause.start, ("for",))
        found = found or r.direct_object(s, clause, after_subject, {imposer or ""})
    named = (
        _entity_state(view, clause, cue, imposer)
        or _listed(view, clause, cue, imposer)
        or _added_to_package(view, cue, imposer)
    )
    if named is not None and status != "waived":
        return named
    low = cue.text.lower()
    if low.startswith("barr"):
        # 'barred Lockheed Martin and a Raytheon subsidiary from trade ... over arms sales to Taiwan': the
        # ones barred are the target, not the state their sales went to
        barred = r.direct_object(s, clause, cue.end, {imposer or ""})
        if barred is not None and barred.start - cue.end < 6:
            return barred.code
    trade = "export" in low or low.endswith(("permits", "licences", "licenses", "sales", "deliveries"))
    trade = trade or statuses.A_BLOCK.match(cue.text) is not None
    # 'Moscow lifted its long-standing embargo on arms sales to Islamabad in 2014'
    trade = trade or _ON_SALES_TO.match(view.text, cue.end) is not None
    preps = ("on", "against", "targeting") + (
        ("to", "from", "with")
        if cue_words.TRADE_HALT.match(cue.text) or trade
        else ("from",)
        if cue.text[:6].lower() == "tariff"  # 'a 25% tariff on imports from India as a penalty'
        else ()
    )
    found = (
        found
        or _aimed_at(view, clause, cue, preps)
        or _located(view, clause, cue)
        or _part_of(view, clause, cue)
    )
    obj = r.direct_object(s, clause, after_subject, {imposer or ""})
    if obj is not None and _REASON.search(view.text, max(0, obj.start - 30), obj.start):
        obj = None  # 'sanctions on 300 entities for helping Russia': the reason, not the target
    if obj is not None and any(cue.end <= c.start < obj.start and c.etype != "sanction" for c in view.cues):
        obj = None  # '... U.S. sanctions, and will instead buy French jets': the object of another verb
    found = found or obj or _supplied(view, clause, cue, imposer) or _over_states(view, clause, cue, imposer)
    found = found or _crackdown_on(view, clause, cue, imposer) or _relative_target(view, cue, imposer)
    return found.code if found else None


# 'unveiled a sweeping set of export controls that cut China off from certain semiconductor chips'
_THAT_CUT = re.compile(
    r"\s+(?:that|which)\s+(?:would\s+)?(?:cut|cuts|bar|bars|block|blocks|target|targets)\s+(?:off\s+)?$"
)


def _relative_target(view: View, cue: Cue, imposer: str | None) -> Mention | None:
    """The state a relative clause right after the measures says they cut off, bar or target."""
    for m in view.slots.mentions:
        if cue.end < m.start <= cue.end + 40 and m.code != imposer and m.kind == "country":
            return m if _THAT_CUT.fullmatch(view.text, cue.end, m.start) else None
    return None


_CRACKDOWN_ON = re.compile(r"\b(?:crackdown|curbs|restrictions|measures)\s+(?:on|against)\s+(?:the\s+)?$")


def _crackdown_on(view: View, clause: Clause, cue: Cue, imposer: str | None) -> Mention | None:
    """'launched its latest crackdown on China's chip sector by adding 140 companies ... to its entity
    list': the state the measure the listing belongs to is aimed at."""
    for m in view.slots.mentions:
        inside = clause.start <= m.start < cue.start and m.code != imposer and m.kind == "country"
        if inside and _CRACKDOWN_ON.search(view.text, max(0, m.start - 30), m.start):
            return m
    return None


# "new sanctions on 11 companies and individuals over Iran's ballistic missile programme"
# ("... and individuals linked to Tehran's ballistic missile programme", "... for supplying Iran's
# ballistic missile program")
_OVER = re.compile(
    r"\b(?:over|for|(?:linked|tied|connected|related)\s+to|for\s+(?:supplying|supporting|aiding|helping|"
    r"assisting|backing|financing|funding))\s+$",
    re.IGNORECASE,
)


def _over_states(view: View, clause: Clause, cue: Cue, imposer: str | None) -> Mention | None:
    """With no target named, the state whose programme or conduct the sanctions are over."""
    for m in view.slots.mentions:
        named = cue.end <= m.start < clause.end and m.code != imposer and m.kind == "country"
        if named and is_possessive(view.text, m) and _OVER.search(view.text, max(0, m.start - 24), m.start):
            return m
    return None


# 'for supplying Russia with technology used in its war against Ukraine': the war's foe, not the target
_WAR_AGAINST = re.compile(
    r"\b(?:war|aggression|invasion|attacks?|offensive|campaign|fight|struggle|operations?)\s+against\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _aimed_at(view: View, clause: Clause, cue: Cue, preps: tuple[str, ...]) -> Mention | None:
    """The first state after the cue governed by one of ``preps``, save the foe of a war told."""
    s = view.slots
    # ('announced sanctions against entities in the EU ..., a reciprocal step to the EU's sanctions against
    # Iranian officials': the next sanction's target is its own)
    end = next((c.start for c in view.cues if c.etype == "sanction" and c.start > cue.end), clause.end)
    for i, m in enumerate(s.mentions):
        governed = s.preps[i] in preps or (
            # 'lifted the arms embargo on the government of the Central African Republic'
            s.preps[i] == "of" and _RULERS_OF.search(view.text, max(0, m.start - 50), m.start) is not None
        )
        inside = clause.start <= m.start <= m.end <= end and m.start >= cue.end and governed
        if inside and not _WAR_AGAINST.search(view.text, max(0, m.start - 40), m.start):
            return s.mentions[s.head(i)]
    return None


_ON_SALES_TO = re.compile(
    r"\s+on\s+(?:(?:arms|weapons?|military)\s+)?(?:sales|exports|deliveries|supplies|shipments)\s+to\b",
    re.IGNORECASE,
)

_RULERS_OF = re.compile(
    r"\b(?:on|against)\s+(?:the\s+)?(?:government|regime|junta|authorities|leadership|rulers|military)\s+of\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)

_ADDING_TO = re.compile(
    r"\badd(?:ing|ed|s)?\s+(?P<who>[^.;]{1,120}?)\s+to\s+(?:its|the|their)\s+(?:[\w-]+\s+){0,3}"
    r"(?:package|round|list)\s+of\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _added_to_package(view: View, cue: Cue, imposer: str | None) -> str | None:
    """'is considering adding two small Chinese regional banks to its next package of sanctions against
    Russia': the state of the entities added, not the package's target."""
    m = _ADDING_TO.search(view.text, max(0, cue.start - 200), cue.start)
    if m is None:
        return None
    start, end = m.span("who")
    return next((x.code for x in view.slots.mentions if start <= x.start < end and x.code != imposer), None)


def _listed(view: View, clause: Clause, cue: Cue, imposer: str | None) -> str | None:
    """'added 42 Chinese companies to its export control list': the state of the entities put on it."""
    if not cue.text.lower().endswith("list"):
        return None
    verb = ADDED.search(view.text, clause.start, cue.start)
    if verb is None:
        return None
    return next(
        (m.code for m in view.slots.mentions if verb.end() <= m.start < cue.start and m.code != imposer), None
    )


def _supplied(view: View, clause: Clause, cue: Cue, imposer: str | None) -> Mention | None:
    """'sanctions on two companies accused of supplying aviation fuel to Myanmar's military': with no
    state named for the entities, the sanction aims at the state they supplied."""
    m = _SUPPLYING_TO.search(view.text, cue.end, clause.end)
    if m is None:  # ('... four companies that it said supplied ...': a relative clause of its own)
        m = _SUPPLYING_TO.search(view.text, cue.end, min(len(view.text), cue.end + 120))
        clause = view.clauses[view.clause_of(m.start())] if m is not None else clause
    if m is None:
        return None
    to = r.after(view.slots, clause, m.end() - 3, ("to",))
    if to is None or to.code == imposer or not _ITS_FORCES.match(view.text, to.end):
        return None  # 'to Pakistan's missile programme' is supplied through firms of other states
    return to


def both_targets(view: View, cue: Cue, imposer: str | None) -> list[str]:
    """'... from Pyongyang to Moscow ... would impose new sanctions on both countries': the two states
    named before the cue in the sentence, other than the imposer."""
    if _BOTH.match(view.text, cue.end) is None:
        return []
    return r.two_states_before(view.slots, cue.start, ("country",), exclude=imposer)


def _entity_state(view: View, clause: Clause, cue: Cue, imposer: str | None) -> str | None:
    """The state of the targeted entities when they are named by it right after 'on' ('imposed
    sanctions on two Russian individuals', 'on a China-based refinery for buying Iranian oil')."""
    m = _ENTITY_TARGET.match(view.text, cue.end, clause.end)
    if m is None:
        # 'on nearly 400 companies and individuals, including 19 Indian firms, for supplying Russia'
        m = _INCLUDING.match(view.text, cue.end, clause.end)
    if m is None:
        return None
    start = m.start("state")
    code = next((x.code for x in view.slots.mentions if x.start == start), None)
    if code is None:
        entry = view.gaz.actors.get(actor_key(m.group("state")))
        code = entry.code if entry is not None and entry.kind in ("country", "body") else None
    return code if code != imposer else None


def _part_of(view: View, clause: Clause, cue: Cue) -> Mention | None:
    """The state an entity targeted by 'on' belongs to ('on an affiliate of Iran's Mahan Air')."""
    s = view.slots
    for i, m in enumerate(s.mentions):
        if clause.start <= m.start and m.end <= clause.end and m.start >= cue.end and s.preps[i] == "of":
            return m if _PART_OF.match(s.text[cue.end : m.start]) else None
    return None


def _located(view: View, clause: Clause, cue: Cue) -> Mention | None:
    """The country named as where the targeted entities are ('companies in China')."""
    s = view.slots
    for i, m in enumerate(s.mentions):
        if (
            clause.start <= m.start
            and m.end <= clause.end
            and m.start >= cue.end
            and s.preps[i] in ("in", "from")
            and _ENTITIES_IN.search(s.text, max(0, m.start - 40), m.start)
        ):
            return m
    return None


# 'whether New Delhi should face sanctions', 'Turkey faces US sanctions': the one facing them is the target
FACES = re.compile(r"\bfac(?:e|es|ed|ing)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

_SECTOR = re.compile(
    r"\s+(?:(?:oil|energy|nuclear|arms|trade|economic|financial|banking)\s+)?$", re.IGNORECASE
)


def named_for_target(view: View, clause: Clause, cue: Cue, mod: Mention, subject: Mention) -> bool:
    """'Iran sanctions', 'Russia oil sanctions' after another state as subject: a state's plain name
    (not 'US', 'EU', 'American') before the noun names the state they are on, in the subject's usage."""
    name = view.gaz.display.get(mod.code, "")
    if mod.text.lower() != name.lower() or mod.code in _IMPOSERS or subject.code == mod.code:
        return False
    if subject.end > mod.start or not _SECTOR.match(view.text, mod.end, cue.start):
        return False
    return r.after(view.slots, clause, cue.end, ("on", "against")) is None


_IMPOSERS = frozenset({"USA", "EU", "GBR", "UN"})


def facing_state(view: View, clause: Clause, before: str) -> Mention | None:
    """The state right before 'face' ('New Delhi should face sanctions')."""
    face = FACES.search(before)
    if face is None:
        return None
    at = clause.start + face.start()
    named = [m for m in view.slots.mentions if clause.start <= m.start and m.end <= at]
    if not named or len(view.text[named[-1].end : at].split()) > 3:
        return None
    return named[-1]


# 'among them 19 Indian firms and dozens of entities in mainland China', 'companies based in China and
# the United Arab Emirates', 'North Korea's defence minister ..., as well as Chinese firms'
_ENTITY_NOUN = (
    r"(?:firms?|compan(?:y|ies)|entit(?:y|ies)|suppliers?|individuals|banks?|refiner(?:y|ies)|"
    r"manufacturers?|businesses|vessels|officials|officers|nationals|defen[cs]e minister|"
    r"(?:government\s+)?(?:bodies|agencies|ministries|institutions))"
)

_ENTITIES_AT = re.compile(
    rf"\b{_ENTITY_NOUN}\s+(?:of\s+(?:[\w-]+\s+){{1,3}})?(?:based\s+|registered\s+|located\s+)?(?:in|from)\s+"
    r"(?:mainland\s+)?(?:the\s+)?$"
)

ENTITY_AFTER = re.compile(rf"(?:'s|’s)?\s+(?:[a-z-]+\s+){{0,2}}{_ENTITY_NOUN}\b")

_AND_STATE = re.compile(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?$")

_AND_ONE_IN = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:one|two|three|four|five|\d+|another|others?)\s+(?:\w+\s+)?(?:in|from)\s+(?:the\s+)?$"
)


def entities_of_states(view: View, clause: Clause, cue: Cue) -> list[str]:
    """The states whose firms, officials or entities a sanction names after its cue, in order (to the
    sentence's end: 'a package of sanctions against Russia that also targets North Korea's defence
    minister ... as well as Chinese firms')."""
    out: list[str] = []
    prev: Mention | None = None
    for m in view.slots.mentions:
        if m.start < cue.end or m.kind != "country":
            continue
        text = view.text
        entity = (
            _ENTITIES_AT.search(text, max(0, m.start - 50), m.start)
            or ENTITY_AFTER.match(text, m.end)
            or (prev is not None and prev.code in out and _AND_STATE.match(text, prev.end, m.start))
            # ('seven companies in Iran and one in China')
            or (prev is not None and prev.code in out and _AND_ONE_IN.match(text, prev.end, m.start))
        )
        if entity:
            out.append(m.code)
        prev = m
    return out


def maker_of_goods(view: View, code: str) -> bool:
    """Whether the state is named only as the maker of goods ('Russian Su-35'), right before them."""
    named = [m for m in view.slots.mentions if m.code == code]
    return bool(named) and all(
        any(it.maker == code and 0 <= it.start - m.end <= 2 for it in view.items) for m in named
    )
