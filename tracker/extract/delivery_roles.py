"""Who supplies and who receives in a delivery clause: the subject of 'deliver', 'send' or 'export'
supplies and 'to X' receives; the subject of 'receive' or 'take delivery' receives and 'from X'
supplies; a noun ('deliveries of S-400 to India', 'Russian supplies') reads its sides from its
prepositions and the modifier before it, and an item's maker or builder stands in for an unnamed supplier.
"""

from __future__ import annotations

import re

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract import statuses
from tracker.extract.actors import Mention, is_possessive
from tracker.extract.cues import Cue
from tracker.extract.draft import agent
from tracker.extract.items import COMMODITIES, WEAPON_NOUNS, ItemMention
from tracker.extract.sentences import Clause
from tracker.extract.view import View

NOUN_USE = re.compile(r"^(?:deliver(?:y|ies)|supplies|shipments?|exports?|hand-?overs?)$", re.IGNORECASE)

# 'Slovakia has completed the handover of 13 MiG-29s to Ukraine': the one doing the delivery sends it
_DOING = re.compile(
    r"\b(?:complet\w*|beg[aiu]n\w*|start\w*|resum\w*|finish\w*|made|carried\s+out|accelerat\w*|"
    r"speed\w*\s+up|sped\s+up|"
    # 'The United States last week paused a shipment of bombs to Israel': the one holding it back sends it
    rf"{statuses.HOLD_VERBS})\s+(?:indefinitely\s+)?"
    r"(?:the\s+|its\s+|their\s+|an?\s+)?(?:first\s+|final\s+|last\s+)?$",
    re.IGNORECASE,
)

THE_GOODS_TOLD = re.compile(r"\W*(?:The|These|Those)\s+(?!first\b|last\b|final\b)")

_LANDED_AT = re.compile(
    r"\s+at\s+(?:the\s+)?[A-Z][\w-]*\s+(?:air\s+(?:force\s+)?base|airbase|naval\s+base|port)\b"
)

ARRIVE = re.compile(r"^(?:arriv\w*|land\w*|touch\w* down)$", re.IGNORECASE)

# 'over drone transfers to Russia', 'arms transfers': the noun, whose sides the sentence's subject is not
_NOUN_BEFORE = re.compile(
    r"\b(?:the|its|their|of|over|for|drone|arms|weapons?|missile|technology)\s+$", re.IGNORECASE
)

_ACCUSED = re.compile(
    r"\baccus\w+\s+(?:(?:them|it|him|her)\s+)?of\s+(?:helping\s+)?(?:to\s+)?$", re.IGNORECASE
)

# 'the United States imposed sanctions on four foreign companies it accused of': 'it' accuses
_ACCUSER = re.compile(r"\b(?:it|they)\s+$", re.IGNORECASE)

_BUILT_BY = re.compile(
    r"\b(?:built|made|manufactured|produced|constructed|donated|gifted|supplied|provided|transferred)"
    r"(?:\s+for\s+(?:it|them|her|\w+))?\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)  # 'received two UH-1H helicopters donated by Taiwan': the giver supplies

_BUILT_IN = re.compile(
    r"\b(?:built|made|manufactured|produced|assembled)(?:\s+for(?:\s+[\w-]+){1,2})?\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)

_EXPECTS = re.compile(
    r"\b(?:expects?|expected|expecting|wants?|wanted|awaits?)\s+(?:the\s+)?$", re.IGNORECASE
)

_TO = re.compile(r"\s+to\s+$")

# a state's adjective: 'Ukrainian', 'Chinese-made', 'Russian-built', 'Turkish', 'Israeli', 'Swedish'
_ADJECTIVE_OF = re.compile(r"(?:an|ese|ish|i|ic|ch)(?:-(?:made|built|designed|supplied))?$")

_BY_NEXT = re.compile(r"\s+by\s+(?:the\s+)?$")

_OF = re.compile(r"\s+of\b")

_PERFECT_GAP = re.compile(r"\s+(?:has|have|had)\s+(?:\w+ly\s+)?$")


def _reduced_subject(view: View, clause: Clause, verb: Cue) -> Mention | None:
    """'in exchange for the drones Tehran has sent Moscow': a state right before 'has sent', after another
    actor of the clause, is the subject of that verb, not the clause's."""
    s = view.slots
    for i, m in enumerate(s.mentions):
        inside = clause.start <= m.start and m.end <= verb.start and s.preps[i] is None
        after_another = i > 0 and s.mentions[i - 1].start >= clause.start
        if inside and after_another and _PERFECT_GAP.fullmatch(view.text, m.end, verb.start):
            return m
    return None


def delivery_roles(
    view: View, clause: Clause, cues: list[Cue], items: list[ItemMention]
) -> dict[str, object]:
    """Supplier and recipient, by the direction of the clause's first cue: a giver's subject supplies
    and its 'to' phrase receives, a getter's subject receives and its 'from' phrase supplies."""
    s = view.slots
    give = next((c for c in cues if c.kind == "give"), None)
    get = next((c for c in cues if c.kind == "get"), None)
    main = get if get and (give is None or get.start < give.start) else give
    assert main is not None
    doer = agent(view, clause, main) or _reduced_subject(view, clause, main)
    subj = [doer] if doer else r.subjects(s, clause, main.start, view.clauses)
    noun = give is not None and (
        NOUN_USE.match(give.text) is not None
        or _OF.match(s.text, give.end) is not None  # 'Tehran's supply of ballistic missiles to Russia'
        or r.passive(s.text, give)
        or _by_agent(view, clause, give)  # 'the first F-16 jets delivered by Denmark arrived in Ukraine'
        or (give.text.lower() == "transfers" and bool(_NOUN_BEFORE.search(s.text, 0, give.start)))
    )
    supplier: str | None
    recipient: str | None
    if main is get:
        supplier, recipient = _received(view, clause, main, subj)
    elif noun:
        supplier, recipient = _as_noun(view, clause, main, doer)
        if supplier is None and subj and subj[-1].code != recipient and _DOING.search(s.text, 0, main.start):
            supplier = subj[-1].code
    else:
        supplier = subj[-1].code if subj else None
        decider = _decider(view, clause, main)
        supplier = decider.code if decider is not None else supplier
        found = r.after(s, clause, main.end, ("to", "for"))
        source = r.after(s, clause, main.end, ("from",))
        if source is not None and found is not None and source.start < found.start:
            supplier = source.code  # 'entities involved in transferring missiles from Tehran to Moscow'

        obj = r.direct_object(s, clause, main.end, {supplier} if supplier else set())
        if obj is not None and _MAKER_WORD.search(obj.text):
            obj = None  # 'pledged to transfer the US-made jets': their maker, not who gets them
        recipient = found.code if found else (obj.code if obj else None)
        if found is not None and subj and found.code == subj[-1].code:
            return {}  # 'Turkish drone maker Baykar delivered TB3 drones to the Turkish navy': at home
        expected = _expected(view, clause, main)
        if expected is not None and found is None:
            # 'Ankara expects the United States to deliver 40 F-16s': the one expecting receives
            supplier, recipient = expected.code, supplier
    if supplier is None:
        found = r.after(s, clause, clause.start, ("from",))
        if (
            found is not None
            and found.start > main.end
            and ", " in view.text[main.end : found.start]
            # (not '..., the first batch of 12 bought from the United States': the goods' seller)
            and not _BOUGHT_FROM.search(view.text, max(0, found.start - 30), found.start)
        ):
            found = None  # 'were delivered to Ankara on Friday, defying warnings from Washington'
        found = found or builder(view, clause) or _which_came_from(view, clause)
        mod = r.modifier_before(s, give.start) if give is not None and main is get else None
        mod = mod or (_exporter(view, cues, main) if main is get else None)
        supplier = (found.code if found else None) or (mod.code if mod else None) or r.origin(s, items)
        supplier = supplier or r.maker(items, recipient) or _made_in(view, clause, main, recipient)
    accused = _accused(view, clause, main)
    if accused is not None:
        # 'four foreign companies it accused of supplying ... to Pakistan': the accused supply, never
        # the accuser; unnamed accused leave the supplier open
        supplier = accused.code if accused.code != recipient else None
    pair = r.codes(subj)
    if noun and recipient is None and supplier in pair and len(pair) == 2:
        # 'Russia and India are discussing additional deliveries of S-400': the maker supplies the other
        recipient = next(c for c in pair if c != supplier)
    if supplier is None and items and recipient and all(it.maker == recipient for it in items):
        return {}  # 'deliveries to the French air force from 2027' of Rafale jets: made and bought at home
    if main.text.lower() == "reached" and supplier is None:
        return {}  # 'shells had reached Kyiv via Czech and Polish intermediaries': from nobody known
    if recipient is None and supplier is not None:
        owner = _owner_of_goods(view, clause, items)
        recipient = owner if owner != supplier else None
    if supplier is None and items and all(it.name in COMMODITIES for it in items):
        return {}  # 'a licence that allowed Chevron to export its oil to the United States': no arms
    out: dict[str, object] = {}
    if supplier and supplier != recipient:
        out["supplier"] = supplier
    if recipient:
        out["recipient"] = recipient
    return out


_BOUGHT_FROM = re.compile(r"\b(?:bought|ordered|purchased|acquired)\s+from\s+(?:the\s+)?$", re.IGNORECASE)

_DECISION_OF = re.compile(r"(?:'s|’s)?\s+(?:\w+\s+)?decision\s+to\s+$", re.IGNORECASE)


def _decider(view: View, clause: Clause, main: Cue) -> Mention | None:
    """ "questioned Washington's decision to provide a $450 million package for Pakistan's F-16 fleet":
    the state whose decision it is supplies, not the one questioning it."""
    before = [m for m in view.slots.mentions if clause.start <= m.start and m.end <= main.start]
    if before and _DECISION_OF.match(view.text, before[-1].end, main.start):
        return before[-1]
    return None


_COUNTRYS = re.compile(r"\bthe country(?:'s|’s)\s+(?:first\s+)?(?:[\w-]+\s+){0,2}$")

_OWNED_GOODS = re.compile(r"(?:'s|’s)\s+(?:first|new|latest|own)?\s*(?:[\w-]+\s+){0,2}$")


def _owner_of_goods(view: View, clause: Clause, items: list[ItemMention]) -> str | None:
    """ "Ukraine's first F-16 fighter jets, supplied by Denmark and the Netherlands": the owner named
    right before the goods receives them ('the country's' stands for the article's state)."""
    if not items:
        return None
    first = items[0]
    named = [m for m in view.slots.mentions if m.end <= first.start and first.start - m.end <= 30]
    if named and _OWNED_GOODS.match(view.text, named[-1].end - 2, first.start):
        return named[-1].code
    return view.home if _COUNTRYS.search(view.text, max(0, first.start - 40), first.start) else None


def _by_agent(view: View, clause: Clause, give: Cue) -> bool:
    """A participle with its agent right after it ('jets delivered by Denmark'): a passive without 'were'."""
    by = r.after(view.slots, clause, give.end, ("by",))
    return by is not None and _BY_NEXT.match(view.text, give.end, by.start) is not None


def _made_in(view: View, clause: Clause, main: Cue, recipient: str | None) -> str | None:
    """'received the last of 49 Ukrainian-built tanks': the state whose adjective stands a few words
    before the goods noun after the verb makes and sends them."""
    for m in view.slots.mentions:
        if not (main.end <= m.start and m.end <= clause.end) or m.code == recipient or m.kind != "country":
            continue
        if m.text[:1].isupper() and not m.text.endswith(("'s", "’s")) and _ADJECTIVE_OF.search(m.text):
            goods = next(WEAPON_NOUNS.finditer(view.text, m.end, min(clause.end, m.end + 60)), None)
            if goods is not None and len(view.text[m.end : goods.start()].split()) <= 4:
                return m.code
    return None


def _expected(view: View, clause: Clause, main: Cue) -> Mention | None:
    """The one named between 'expects' and 'to deliver': the supplier the subject waits for."""
    before = [x for x in view.slots.mentions if clause.start <= x.start and x.end <= main.start]
    m = before[-1] if before else None
    if m is None or not _TO.match(view.text, m.end, main.start):
        return None
    return m if _EXPECTS.search(view.text, max(0, m.start - 30), m.start) else None


def _accused(view: View, clause: Clause, main: Cue) -> Mention | None:
    """'added 11 Chinese companies to its list, accusing them of helping supply ...': the accused supply,
    named last before the accusation, not the accuser."""
    m = _ACCUSED.search(view.text, max(0, main.start - 60), main.start)
    if m is None:
        return None
    before = [x for x in view.slots.mentions if x.end <= m.start()]
    accuser = r.codes(r.subjects(view.slots, clause, m.start(), view.clauses))
    accuser += [x.code for x in before[-1:] if _ACCUSER.search(view.text, x.end, m.start())]
    found = next((x for x in reversed(before) if x.code not in accuser), None)
    return found or Mention(m.start(), m.start(), "", "", "blocked")


_HAS_DONE = re.compile(r"^\s+(?:has|had|have)\s+(?:ever\s+)?$", re.IGNORECASE)


def _exporter(view: View, cues: list[Cue], main: Cue) -> Mention | None:
    """'took delivery of HTMS Chang, ... the largest warship China has exported': the state that has
    given the goods received, told in a relative clause after them."""
    for c in cues:
        if c.kind != "give" or c.start < main.end:
            continue
        before = [m for m in view.slots.mentions if m.end <= c.start]
        if before and _HAS_DONE.match(view.text[before[-1].end : c.start]):
            return before[-1]
    return None


_MAKER_WORD = re.compile(r"-(?:made|built|designed|supplied|origin|manufactured|produced)$", re.IGNORECASE)


def _which_came_from(view: View, clause: Clause) -> Mention | None:
    """'has received its first F-16 fighter jets, which arrived from Denmark and the Netherlands': the
    relative clause after the goods tells where they came from."""
    ci = view.clause_of(clause.start)
    if ci + 1 >= len(view.clauses) or view.clauses[ci + 1].opener not in ("which", "that"):
        return None
    after = view.clauses[ci + 1]
    moves = (c for c in view.cues if after.start <= c.start < after.end and c.kind in ("get", "give"))
    came = next(moves, None)
    return r.after(view.slots, after, came.end, ("from",)) if came is not None else None


def builder(view: View, clause: Clause) -> Mention | None:
    """'a corvette built by China State Shipbuilding Corporation': the builder supplies it; 'aircraft
    built for Nigeria in the United States landed': so does the state they were built in."""
    by = r.after(view.slots, clause, clause.start, ("by",))
    if by is not None and _BUILT_BY.search(view.text, 0, by.start):
        return by
    place = r.after(view.slots, clause, clause.start, ("in",))
    return place if place is not None and _BUILT_IN.search(view.text, 0, place.start) else None


def _received(view: View, clause: Clause, get: Cue, subj: list[Mention]) -> tuple[None, str | None]:
    """'India received ...' (the subject receives); '... arrived in India' (the place receives)."""
    if ARRIVE.match(get.text):
        # ('landed at an air base near Ankara on Friday')
        found = r.after(view.slots, clause, get.end, ("in", "at", "to", "near"))
        # 'The last three AH-64E Apache helicopters for the Indian Army ... arrived at Hindon'
        meant = r.after(view.slots, clause, clause.start, ("for",))
        found = found or (meant if meant is not None and meant.end <= get.start else None)
        told = THE_GOODS_TOLD.match(view.text, clause.start)  # 'The jets ... landed at ...': told before
        if found is None and view.home and not told and _LANDED_AT.match(view.text, get.end):
            # 'AMBALA (NDTV) - The first five Rafale jets from France touched down at the Ambala air base':
            # a base of the report's own state
            return None, view.home
        return None, found.code if found else None
    if get.text.lower() == "reached":  # 'a first batch of ... carriers reached Armenia via Georgia'
        found = r.direct_object(view.slots, clause, get.end, set())
        return None, found.code if found else None
    if get.text.lower() == "commissioned" and view.text.startswith(" into", get.end):
        # 'The Russian-built frigate Tushil was commissioned into the Indian Navy on Monday'
        found = r.after(view.slots, clause, get.end, ("into",))
        return None, found.code if found else None
    return None, subj[-1].code if subj else None


def _as_noun(view: View, clause: Clause, main: Cue, doer: Mention | None) -> tuple[str | None, str | None]:
    """'Russian deliveries of S-400 to India', 'India's supplies', 'were delivered by Russia'."""
    s = view.slots
    mod = r.modifier_before(s, main.start)
    places = ("to", "for", "near", "in", "at")
    found = r.after(s, clause, main.end, places)
    if found is not None and any(
        it.maker == found.code and 0 <= it.start - found.end <= 2 for it in view.items
    ):
        # 'The first shipment of parts for a Russian S-400 missile defense system landed at an air base
        # near Ankara': the maker named on the goods receives nothing
        found = r.after(s, Clause(found.end, clause.end, ""), found.end, places)
    if found is not None and cue_words.WAR_IN.search(view.text, max(0, found.start - 30), found.start):
        found = (
            None  # 'has been pushed to 2026-27 due to the war in Ukraine': the war's place receives nothing
        )
    found = found or _user(view, clause)
    recipient = found.code if found else (mod.code if mod and is_possessive(s.text, mod) else None)
    makers = {it.maker for it in view.within(clause, view.items)}
    if found is None and mod is not None and recipient == mod.code and makers == {mod.code}:
        return mod.code, None  # "Russia's delivery of the remaining S-400 squadrons": the maker's own
    by = r.after(s, clause, main.end, ("by", "from"))
    if by is not None and ", " in s.text[main.end : by.start]:
        by = None  # '... delivered to Ankara on Friday, defying warnings from Washington' (not '1,800')
    supplier = by.code if by else (mod.code if mod and not is_possessive(s.text, mod) else None)
    if supplier is None and mod is not None and found is not None and mod.code != found.code:
        supplier = (
            mod.code
        )  # 'Tehran's supply of missiles to Russia': with a recipient named, the owner sends
    return supplier or (doer.code if doer else None), recipient


# 'over the supply of Shahed-136 drones that Russia has used to strike Ukrainian cities': the user
_USED_BY = re.compile(r"^that\s+$|^which\s+$")

_USES = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?(?:used|uses|fired|launched|deployed)\b")


def _user(view: View, clause: Clause) -> Mention | None:
    """The state a relative clause right after the goods says uses them."""
    ci = view.clauses.index(clause)
    if ci + 1 >= len(view.clauses) or view.clauses[ci + 1].opener not in ("that", "which"):
        return None
    nxt = view.clauses[ci + 1]
    m = next((x for x in view.slots.mentions if nxt.start <= x.start < nxt.end), None)
    if m is None or m.kind != "country" or not _USED_BY.match(view.text[nxt.start : m.start]):
        return None
    return m if _USES.match(view.text, m.end) else None
