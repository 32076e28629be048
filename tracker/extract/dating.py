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
from tracker.extract.dates import DateMention, more_precise, resolve
from tracker.extract.draft import Draft
from tracker.extract.home import dateline_end
from tracker.extract.view import View

_FUTURE = frozenset({"planned"})
# 'shipped ... on Tuesday under a deal signed in August': the day is the shipment's, not the deal's
# and 'sanctioned by Britain on Thursday for supplying drone parts': the day is the sanction's
_UNDER = re.compile(r"\b(?:under|for)\b", re.IGNORECASE)


_SAID_ON = re.compile(r"\s+(?:on\s+)?$")
_REPORTERS = re.compile(r"\s*(?:reporters|journalists)\b", re.IGNORECASE)


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
        if any(a <= dm.start < b for a, b in view.quoted):
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
        if cut and any(dm.start >= cut for _, dm in cands):
            # 'TAIPEI, Dec 16 (Reuters) - ... took delivery earlier this month': the dateline's day is
            # the filing's, so the clause's own date wins over it
            cands = [(rank, dm) for rank, dm in cands if dm.start >= cut]
        future = d.status in _FUTURE
        resolved = [
            (rank, occ)
            for rank, dm in cands
            if (occ := resolve(dm, published, future and _after_saying(view, dm) is None))
        ]
        if resolved:
            d.occurred = _best(resolved)


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


def _governing_cue(view: View, dm: DateMention, owners: dict[int, list[Draft]]) -> tuple[int, int] | None:
    """(rank, cue start) of the cue ``dm`` dates; a lower rank is a surer attachment."""
    ci = view.clause_of(dm.start)
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
                return 0, nxt.start
    if prev is not None:
        return 1, prev.start
    if nxt is not None:
        # 'On Monday, EU foreign ministers agreed to impose travel bans': 'agreed' made no event, so
        # the day passes on to the next cue that made one
        made_next = next((c for c in same if c.start >= dm.end and c.start in owners), nxt)
        return 2, made_next.start
    owned = [c for c in view.cues if _live(owners, c.start)]
    if owned:
        nearest = min(owned, key=lambda c: abs(c.start - dm.start))
        return 3, nearest.start
    return None


def _live(owners: dict[int, list[Draft]], start: int) -> bool:
    """A cue that makes an event, not only the 'said' of an attribution."""
    return any(not d.attribution for d in owners.get(start, []))


def _best(resolved: list[tuple[int, Occurred]]) -> Occurred:
    """The surest attachment, refined by a more precise date of the same period."""
    resolved.sort(key=lambda x: x[0])
    best = resolved[0][1]
    for _, occ in resolved[1:]:
        if more_precise(occ, best):
            best = occ
    return best
