"""Dates to drafts: each time expression goes to the event whose clause it governs.

'signed the S-400 deal in 2018 and began deliveries in December' gives 2018 to
the deal and December to the deliveries, never the publication date to either.
An expression right before a verb ('on Friday said') governs that verb; else the
nearest cue before it in its clause; else the next one; else the nearest cue in
the sentence. Words inside quotes date nothing.
"""

from __future__ import annotations

import re
from datetime import datetime

from events.model import Occurred
from tracker.extract.cues import Cue
from tracker.extract.dates import DateMention, anchored, more_precise, resolve
from tracker.extract.draft import Draft
from tracker.extract.home import dateline_end
from tracker.extract.view import View

_FUTURE = frozenset({"planned"})
_DONE = frozenset({"signed", "cancelled", "began", "ongoing", "completed", "imposed", "lifted", "waived"})
# 'shipped ... on Tuesday under a deal signed in August': the day is the shipment's, not the deal's
# and 'sanctioned by Britain on Thursday for supplying drone parts': the day is the sanction's
_UNDER = re.compile(r"\b(?:under|for|over)\b", re.IGNORECASE)  # ('... in 2022 over drone deliveries')


# 'has signed', 'have agreed', 'has already ordered': done at a time the verb leaves open
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:signed|agreed|ordered|bought)\b")
_ISSUED = re.compile(r"\bstatement\s+(?:issued|released|published)\s+(?:on\s+)?$", re.IGNORECASE)
# a gerund of its own between an event and a date takes the date ('for releasing prisoners last year')
_GERUND = re.compile(r"\b(?:for|after|by|before)\s+[a-z]+ing\b")
_RELATIVE = frozenset({"which", "that"})
# ('was quoted as saying by the Tasnim news agency on Tuesday': the agency that carried the saying)
_SAID_ON = re.compile(r"\s+(?:by\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}(?:news\s+)?agency\s+)?(?:on\s+)?$")
_REPORTERS = re.compile(r"\s*(?:reporters|journalists)\b", re.IGNORECASE)
# 'supplied ... under a coalition formed last year', 'a provision enacted in 1992': a participle of no
# event describing a noun takes the date that follows it
_THE_BEFORE = re.compile(r"\b(?:the|a|an|its|their)\s+$", re.IGNORECASE)
_SINCE_PASSIVE = re.compile(
    r"\bsince\s+(?:[\w-]+\s+){1,6}(?:were|was|had\s+been|have\s+been|has\s+been)\s+\w+(?:ed|en)\s+"
    r"(?:in\s+|on\s+)?$",
    re.IGNORECASE,
)
_WHEN_SUBJECT = re.compile(r",\s+when\s+(?:[A-Z][\w'’-]*\s+){1,3}")
# the bounds of a span ('until Jan. 31, 2020', 'starting June 10'), never the day of the act
_UNTIL = re.compile(
    r"\b(?:until|till|through|starting|effective|beginning)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+)?$"
)
# an occasion named with its own date, never the date of an act told around it
_OCCASION = re.compile(
    r"\b(?:elections?|polls|coup|invasion|war|attacks?|crash|killing|murder|tests?)\s+(?:(?:in|on)\s+)?$"
)
_OWN_PARTICIPLE = re.compile(
    r"\b(?!(?:was|were|been|be|is|are|has|have|had|it|they|he|she)\s)[a-z]+\s+(?:formed|founded|created|"
    r"established|launched|set\s+up|built|enacted|passed|introduced|held|opened|elected|appointed|"
    r"born|written|drafted|adopted|unveiled)\s+(?:in\s+|on\s+)?$"
)


def date_drafts(view: View, ds: list[Draft], published: datetime | None) -> None:
    """Set ``occurred`` on the drafts of one sentence from its time expressions."""
    if not ds:
        return
    owners: dict[int, list[Draft]] = {}
    for d in ds:
        for c in d.cues:
            owners.setdefault(c.start, []).append(d)
    found: dict[int, list[tuple[int, DateMention]]] = {}
    for dm in view.dates:
        if view.in_quote(dm.start):
            continue
        pick = _governing_cue(view, dm, owners)
        if pick is None:
            continue
        rank, start = pick
        for d in owners.get(start, []):
            found.setdefault(id(d), []).append((rank, dm))
    cut = dateline_end(view.text) if view.sentence.start == 0 and not view.is_title else 0
    for d in ds:
        cands = found.get(id(d), [])
        if d.date_span is not None:
            if d.reacted:
                # 'China on Saturday firmly opposed a U.S. arms sale ... and urged': the reaction's day
                for st in ds:
                    if st.etype == "statement":
                        found.setdefault(id(st), []).extend(c for c in cands if c[1].start < d.date_span[0])
            cands = [(rank, dm) for rank, dm in cands if d.date_span[0] <= dm.start < d.date_span[1]]
        if cut:
            # 'TAIPEI, Dec 16 (Reuters) - ... took delivery earlier this month': the dateline's day is
            # the filing's, never the event's ('PARIS, Oct 24 (Reuters) - France has signed ...')
            cands = [(rank, dm) for rank, dm in cands if dm.start >= cut]
        if d.etype == "statement":
            # 'said the construction violated a 1975 bilateral agreement': a year naming a thing talked
            # about dates the thing, not the saying
            cands = [(rank, dm) for rank, dm in cands if not _year_of_a_thing(view.text, dm)]
        if d.status in _DONE or d.etype == "statement":
            # 'has begun supplying S-400 systems ... and the first units will arrive by the end of the
            # year': a deadline dates what is still to come, not an act done or begun, nor a saying
            cands = [(rank, dm) for rank, dm in cands if not _BY.match(dm.text)]
        if d.status in ("lifted", "waived"):
            # 'voted to lift the last arms embargo on Somalia's government, imposed in 1992': the
            # imposition's date, not the lifting's
            cands = [(rank, dm) for rank, dm in cands if not _IMPOSED_IN.search(view.text, 0, dm.start)]
        # ('signed a letter of intent on Monday to acquire up to 100 Rafale jets': a plan signed in the past)
        signed = any(c.etype == "deal" and c.kind == "sign" and c.text.lower().endswith("ed") for c in d.cues)
        future = d.status in _FUTURE and not signed
        resolved = [
            (rank, occ)
            for rank, dm in cands
            if (occ := _resolved(view, dm, published, future and _future_date(view, dm)))
        ]
        if published is not None and (d.status in _DONE or d.etype == "statement"):
            # 'adopted a 19th package of sanctions, including a ban on imports of Russian LNG from January
            # 2027': a done act never happened after the day it is told, nor a saying ('officials said the
            # first eight aircraft would arrive in 2028')
            today = published.date().isoformat()
            resolved = [(rank, occ) for rank, occ in resolved if occ.date <= today[: len(occ.date)]]
        if resolved:
            d.occurred = _best(resolved)
        elif d.clause.opener == "as":
            d.occurred = _while(view, d, published)
        elif _WHILE_DOING.match(view.text, d.clause.start):
            # 'waived sanctions on Nord Stream 2 AG ..., while imposing penalties on four Russian ships': the
            # day of the act the clause goes with
            d.occurred = next((o.occurred for o in ds if o.occurred and o.clause.end <= d.clause.start), None)
        else:
            d.occurred = _relative_passive(view, d, published)


_BY = re.compile(r"by\s", re.IGNORECASE)
_TO_VERB = re.compile(r"\s+to\s+")
_OF_A_PACT = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}(?:deal|agreement|accord|pact|treaty)\b", re.IGNORECASE)
_YEAR_OF_A_THING = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$", re.IGNORECASE)


def _year_of_a_thing(text: str, dm: DateMention) -> bool:
    """'a 1975 bilateral agreement', 'the 2018 deal': a year before a noun, not a time of the clause."""
    bare = dm.text.strip().isdigit()
    return bare and bool(_YEAR_OF_A_THING.search(text, max(0, dm.start - 8), dm.start))


_REDUCED_BY = re.compile(r"\s+(?:by|from)\s")


def _main_over_participle(
    view: View, dm: DateMention, prev: Cue | None, same: list[Cue], owners: dict[int, list[Draft]]
) -> Cue | None:
    """'Embraer handed over the first of two C-390s ordered by Hungary at its plant in Brazil on
    Thursday': a participle describing the goods, far from the date, leaves it to the main verb."""
    if prev is None or not _REDUCED_BY.match(view.text, prev.end):
        return None
    if len(view.text[prev.end : dm.start].split()) <= 4:
        return None
    before = (c for c in same if c.end <= prev.start and c.etype != prev.etype and c.start in owners)
    return next(before, None)


# ('reversing a freeze Berlin imposed after the murder of journalist Jamal Khashoggi in 2018')
_IMPOSED_IN = re.compile(
    # ('easing export restrictions in place since India's 1998 nuclear tests': not the easing's year)
    # (not 'lifted its self-imposed embargo on arms sales to Pakistan last year': an adjective)
    r"(?<!-)\b(?:imposed|introduced|slapped|in\s+place|in\s+force)\s+(?:[^,;.]{0,60}\s)?(?:(?:in|on|since)\s+)?$",
    re.IGNORECASE,
)
_WHICH_WAS = re.compile(
    r"\s*,?\s*(?:which|that)\s+(?:was|were|had\s+been)\s+(?:formally\s+)?"
    r"(?:approved|adopted|imposed|announced|agreed|unveiled|signed)\b",
    re.IGNORECASE,
)


def _relative_passive(view: View, d: Draft, published: datetime | None) -> Occurred | None:
    """'... the EU's 12th package of anti-Russian sanctions, which was approved on Monday, ...': the
    relative clause right after the act's noun tells its day."""
    cue = d.cues[-1]
    rel = _WHICH_WAS.match(view.text, cue.end)
    if rel is None:
        return None
    ci = view.clause_of(rel.end())
    clause = view.clauses[ci]
    dm = next((dm for dm in view.dates if clause.start <= dm.start < clause.end), None)
    return _resolved(view, dm, published, False) if dm is not None else None


def _while(view: View, d: Draft, published: datetime | None) -> Occurred | None:
    """'..., Blinken said on Tuesday, as Washington and London announced new sanctions': an act at
    the same time as the clause before it, whose date ends just before the 'as'."""
    dm = next((dm for dm in view.dates if not view.text[dm.end : d.clause.start].strip(" ,")), None)
    return _resolved(view, dm, published, False) if dm is not None else None


_WHILE_DOING = re.compile(r"while\s+(?:imposing|slapping|adding|announcing|blacklisting)\b")
# 'Rosoboronexport on Monday offered to set up production': a day before a verb in the past is past
_PAST_AFTER = re.compile(r"\s+(?:[a-z]+ed|said|told|made|sent|gave|took|won|met|held)\b")


_DONE_BEFORE = re.compile(
    r"\b(?:following|after)\s+(?:the\s+)?(?:signing|conclusion|launch)\s+of\b[^.;]*$", re.IGNORECASE
)


def _future_date(view: View, dm: DateMention) -> bool:
    """Whether a planned event's date may lie ahead: not the day of a saying or of a past verb."""
    if _DONE_BEFORE.search(view.text, max(0, dm.start - 80), dm.start):
        return False  # 'in talks ..., following the signing of a similar pact with Australia on Jan. 6'
    return _after_saying(view, dm) is None and not _PAST_AFTER.match(view.text, dm.end)


def _resolved(view: View, dm: DateMention, published: datetime | None, future: bool) -> Occurred | None:
    """``resolve``, and a day counted from another date of the sentence ('a day earlier')."""
    if "anc" not in dm.groups:
        return resolve(dm, published, future)
    # the nearest date before it, never the dateline's ('NEW DELHI, Nov 7 (Reuters) - ... said on Tuesday,
    # a day after U.S. sanctions took effect'), else the first after it
    cut = dateline_end(view.text) if view.sentence.start == 0 and not view.is_title else 0
    others = [o for o in view.dates if o is not dm and "anc" not in o.groups and o.start >= cut]
    before = [o for o in others if o.start < dm.start]
    for other in [*reversed(before), *(o for o in others if o.start > dm.start)]:
        anchor = resolve(other, published, False)
        if anchor is not None:
            return anchored(dm, anchor)
    return None


def saying_date(view: View, published: datetime | None) -> Occurred | None:
    """The date of a saying verb that makes no statement ('..., Rostec chief Sergei Chemezov said on
    Tuesday', '..., its defence minister told reporters on Monday'): a company or an unnamed official
    speaks, yet the day is the announcement's, which a planned event without a date of its own takes."""
    for cue in view.cues:
        if cue.etype != "statement":
            continue
        best: Occurred | None = None
        for dm in view.dates:
            gap = view.text[cue.end : dm.start] if dm.start >= cue.end else view.text[dm.end : cue.start]
            # 'told reporters at the Aero India 2025 air show on Tuesday': the day of the telling
            wide = dm.start >= cue.end and _REPORTERS.match(gap) is not None and len(gap.split()) <= 9
            if (
                (dm.start >= cue.end or dm.end <= cue.start)
                and (len(gap.split()) <= 2 or wide)
                and "," not in gap
            ):
                occ = resolve(dm, published, False)
                if occ is not None and (best is None or more_precise(occ, best)):
                    best = occ
        if best is not None:
            return best
    return None


def _after_saying(view: View, dm: DateMention) -> Cue | None:
    """The saying verb right before a date ('said Saturday it signed ...', 'announced on Wednesday'):
    the day is the saying's, which lies in the past whatever tense the reported event has."""
    for c in view.cues:
        if c.etype == "statement" and c.end <= dm.start and _SAID_ON.match(view.text, c.end, dm.start):
            return c
    return None


_COMPARED = re.compile(
    r"\b(?:largest|biggest|first|most|highest|lowest|worst|best|strongest|toughest)\b[^.;,]{0,50}$",
    re.IGNORECASE,
)
_AUXILIARIES = re.compile(r"\s*(?:(?:have|has|had|were|was|are|is|been|being)\s+)*")
_AND_NEXT_VERB = re.compile(
    # ('signed the deal with Moscow in 2017 and began taking delivery of the missiles in July last year')
    r"^\s*(?:and|but)\s+(?:(?:then|later|also|has|have|had|was|were)\s+)?(?:(?:began|started)\s+)?$",
    re.IGNORECASE,
)


def _governing_cue(view: View, dm: DateMention, owners: dict[int, list[Draft]]) -> tuple[int, int] | None:
    """(rank, cue start) of the cue ``dm`` dates; a lower rank is a surer attachment."""
    # ('a day after Paris and Yerevan signed': the count belongs to the clause its 'after' opens)
    ci = view.clause_of(dm.end - 1 if "anc" in dm.groups else dm.start)
    if _ISSUED.search(view.text, max(0, dm.start - 40), dm.start):
        # 'condemned North Korea's missile transfers in a joint statement issued Tuesday': the saying's day
        saying = next((c for c in view.cues if c.etype == "statement" and c.start in owners), None)
        if saying is not None:
            return 0, saying.start
    if _dates_no_act(view, dm):
        return None
    after = next((c for c in view.cues if c.start >= dm.end and view.clause_of(c.start) == ci), None)
    when = after is not None and _WHEN_SUBJECT.fullmatch(view.text, dm.end, after.start) is not None
    if after is not None and after.start in owners and when:
        return 0, after.start  # 'restrictions announced last month, when Ankara curbed exports of 54 ...'
    said = _after_saying(view, dm)
    if said is not None:
        return (0, said.start) if said.start in owners else None
    same = [c for c in view.cues if view.clause_of(c.start) == ci]
    nxt = next((c for c in same if c.start >= dm.end), None)
    # a cue whose type made no event in the clause dates nothing (a saying verb still holds its date):
    # 'signed an agreement for the export of 48 jets on Wednesday' dates the agreement, 'signed an
    # executive order on Monday ending sanctions' the sanctions
    made = {(view.clause_of(d.cues[0].start), d.etype) for ds in owners.values() for d in ds}
    prev = next(
        (
            c
            for c in reversed(same)
            if c.end <= dm.start and (c.etype == "statement" or (ci, c.etype) in made)
        ),
        None,
    )
    main = _main_over_participle(view, dm, prev, same, owners)
    if main is not None:
        return 1, main.start
    if prev is None and view.clauses[ci].opener in _RELATIVE and ci:
        # 'has taken delivery of two T129 helicopters from Turkey, which arrived in Abuja on Nov. 2': the
        # relative clause's verb tells of the goods of the clause before, so its day is that event's
        before = next((c for c in reversed(same) if c.end <= dm.start and c.etype != "statement"), None)
        if before is not None:
            owner = next(
                (
                    c
                    for c in view.cues
                    if view.clause_of(c.start) == ci - 1 and c.etype == before.etype and c.start in owners
                ),
                None,
            )
            if owner is not None:
                return 1, owner.start
    if prev is not None and nxt is not None and prev.etype != nxt.etype and prev.etype != "statement":
        # 'The first six of the 25 jets Islamabad ordered from Beijing last year arrived earlier this
        # month': a date closing a reduced relative clause is its verb's, not the main verb's after it
        lead = view.text[prev.end : dm.start]
        # (not 'delivered under a 2014 contract': a year naming the noun after it)
        # ('Three of the five S-400 squadrons India ordered in 2018 have been delivered': auxiliaries between)
        auxiliaries = _AUXILIARIES.fullmatch(view.text, dm.end, nxt.start) is not None
        adverbial = not dm.text.strip().isdigit() and auxiliaries
        if adverbial and len(lead.split()) <= 4 and "," not in lead:
            return 0, prev.start
    if prev is None and nxt is not None and not dm.text.strip().isdigit():
        # 'the 36 Rafale fighter jets that India ordered from France in 2016 landed at Ambala': the date
        # closes the verb before it, whose event is told by the one after it
        kinds = ("statement", nxt.etype)
        unmade = next((c for c in reversed(same) if c.end <= dm.start and c.etype not in kinds), None)
        lead = view.text[unmade.end : dm.start] if unmade is not None else ","
        close = len(lead.split()) <= 4 and "," not in lead
        if close and _AUXILIARIES.fullmatch(view.text, dm.end, nxt.start):
            return None
    if prev is not None and nxt is not None and _TO_VERB.fullmatch(view.text, dm.end, nxt.start):
        # 'a $3.5 billion deal signed earlier this month to supply the Cheongung II system': the
        # infinitive tells the purpose of the verb the date closes
        lead = view.text[prev.end : dm.start]
        if len(lead.split()) <= 4 and "," not in lead:
            return 0, prev.start
    if prev is not None and nxt is not None and _AND_NEXT_VERB.match(view.text[dm.end : nxt.start]):
        # 'which signed a contract for the systems in 2014 and received its first regiment in 2018': a
        # date before 'and' and the next verb closes the verb before it
        return 0, prev.start
    if nxt is not None:
        gap = view.text[dm.end : nxt.start]
        if len(gap.split()) <= 3 and "," not in gap and not _UNDER.search(gap):
            if all(d.attribution for d in owners.get(nxt.start, [])):
                later = next((c for c in same if c.start > nxt.start and _live(owners, c.start)), None)
                if later is not None:
                    return 1, later.start
                if nxt.start in owners:
                    return 0, nxt.start
                # a cue that made no draft of its own ('said ... it had sent a protest'): the cue before
            else:
                head = _head(view, same, nxt)
                return 0, (head.start if head.start in owners else nxt.start)
    if prev is not None:
        if _GERUND.search(view.text, prev.end, dm.start):
            return None  # 'lifted most sanctions ..., rewarding Minsk for releasing prisoners last year'
        return 1, prev.start
    if nxt is not None:
        # 'On Monday, EU foreign ministers agreed to impose travel bans': 'agreed' made no event, so
        # the day passes on to the next cue that made one
        made_next = next((c for c in same if c.start >= dm.end and c.start in owners), nxt)
        return 2, made_next.start
    return _beyond_its_clause(view, dm, ci, same, owners)


def _dates_no_act(view: View, dm: DateMention) -> bool:
    """A date of a thing named, not of an act: 'the 2015 nuclear deal', 'last year's deal', a comparison
    ('since 2022'), an end ('until Jan. 31'), an occasion ('during the election in February')."""
    if _THE_BEFORE.search(view.text, max(0, dm.start - 6), dm.start) and dm.text.strip().isdigit():
        # 'pulled out of the 2015 nuclear deal': a year naming a noun dates only the event that noun is
        noun = next((c for c in view.cues if dm.end <= c.start <= dm.end + 25), None)
        if noun is None or len(view.text[dm.end : noun.start].split()) > 2:
            return True
    if _OF_A_PACT.match(view.text, dm.end):
        return True  # 'lifted sanctions under last year's nuclear deal': the date of a thing named
    if dm.text.lower().startswith("since") and _COMPARED.search(view.text, max(0, dm.start - 60), dm.start):
        return True  # 'unveiled its largest round of measures since 2022': a comparison, no date of the act
    if _UNTIL.search(view.text, max(0, dm.start - 24), dm.start):
        return True  # 'to roll over economic sanctions for another six months, until Jan. 31, 2020': an end
    if _OCCASION.search(view.text, max(0, dm.start - 20), dm.start):
        return True  # 'undermined the democratic process during the presidential election in February'
    if _SINCE_PASSIVE.search(view.text, max(0, dm.start - 80), dm.start):
        return True  # '... the first transfer of defence equipment since export rules were eased in 2014'
    return _OWN_PARTICIPLE.search(view.text, max(0, dm.start - 40), dm.start) is not None and not any(
        dm.start - 24 <= c.end <= dm.start for c in view.cues
    )


def _beyond_its_clause(
    view: View, dm: DateMention, ci: int, same: list[Cue], owners: dict[int, list[Draft]]
) -> tuple[int, int] | None:
    """A date with no cue of an event around it in its clause: the event of the kind the clause tells,
    nothing for an act or a promise of its own, else the nearest event of the sentence."""
    kind = next((c.etype for c in reversed(same) if c.end <= dm.start and c.etype != "statement"), None)
    told = next((c for c in view.cues if c.etype == kind and _live(owners, c.start)), None)
    if told is not None:
        # 'Taiwan has received the first 38 Abrams tanks it ordered ..., after the shipment arrived at
        # Taipei Port on Sunday': a clause telling of the goods with no sides of its own dates the event
        # of its kind the sentence tells
        return 2, told.start
    if kind is not None:
        # 'have agreed to cancel a contract ..., with Paris reimbursing Moscow after suspending delivery of
        # the ships last year': the date of an act its own clause tells, which made no event
        return None
    if _PROMISED.search(view.text, max(view.clauses[ci].start, dm.start - 40), dm.start):
        # 'have arrived in Ukraine, ..., months after President Emmanuel Macron promised them in June': the
        # day of a promise its own clause tells, which is no event
        return None
    owned = [c for c in view.cues if _live(owners, c.start)]
    if owned:
        nearest = min(owned, key=lambda c: abs(c.start - dm.start))
        return _ELSEWHERE, nearest.start
    return None


def _head(view: View, same: list[Cue], cue: Cue) -> Cue:
    """The noun a cue word only modifies ('lifted its arms export embargo': 'export' is the embargo's,
    so the day before it goes to the embargo)."""
    for c in same:
        if cue.etype != "statement" and c.start >= cue.end and not view.text[cue.end : c.start].strip():
            cue = c
    return cue


def _live(owners: dict[int, list[Draft]], start: int) -> bool:
    """A cue that makes an event, not only the 'said' of an attribution."""
    return any(not d.attribution for d in owners.get(start, []))


_PROMISED = re.compile(r"\b(?:promised|pledged|vowed|offered)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_WEEK = re.compile(r"\bweek\b", re.IGNORECASE)
_ELSEWHERE = 3  # the rank of a date that governs no cue of its clause: it goes to the nearest event


def _best(resolved: list[tuple[int, Occurred]]) -> Occurred:
    """The surest attachment, refined by a more precise date of the same period."""
    resolved.sort(key=lambda x: x[0])
    best = resolved[0][1]
    for other, occ in resolved[1:]:
        # ('a move after Ankara began taking delivery ... last week': the day of the sentence's other
        # clause, 'on Wednesday', does not refine the clause's own week, told as its month)
        if more_precise(occ, best) and (other < _ELSEWHERE or not _WEEK.search(best.text or "")):
            best = occ
    return best
