"""Sanctions in one clause: who imposes them on whom, and whether they are imposed at all.

The status comes before the sides: a sanction only discussed ('could lead
to', 'has not yet been sanctioned') is threatened, never imposed. In the
passive or after 'faces' the subject is the target and 'by X' or 'under X' the
imposer; otherwise the subject imposes and 'on X', 'against X' or the object is
the target.
"""

from __future__ import annotations

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract.cues import Cue
from tracker.extract.draft import Draft
from tracker.extract.sentences import Clause
from tracker.extract.view import View


def sanction(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """The sanction the clause's sanction cues describe, or None without both sides or a status."""
    s, cue = view.slots, cues[0]
    window = view.text[clause.start : clause.end]
    status = cue_words.sanction_status(window, cues)
    if status is None and cue.text.lower() == "sanctions" and r.direct_object(s, clause, cue.end, set()):
        status = "imposed"  # headline verb: 'US sanctions Indian firms'
    if status is None:
        return None
    subj = r.subjects(s, clause, cue.start, view.clauses)
    if r.patient_subject(s.text, clause, cue):
        target = subj[-1].code if subj else None
        agent = r.after(s, clause, cue.end, ("by",)) or r.modifier_before(s, cue.start)
        agent = agent or r.after(s, clause, cue.end, ("under",))
        imposer = agent.code if agent else None
    else:
        mod = r.modifier_before(s, cue.start)
        imposer = mod.code if mod else (subj[-1].code if subj else None)
        target = _target(view, clause, cue, status, imposer, subj[-1].end if subj else clause.start)
    if imposer is None and "caatsa" in window.lower():
        imposer = "USA"
    if not imposer or not target or imposer == target:
        return None
    return Draft("sanction", view, clause, cues, {"imposer": imposer, "target": target}, status=status)


def _target(
    view: View, clause: Clause, cue: Cue, status: str, imposer: str | None, after_subject: int
) -> str | None:
    """'waived sanctions for India', 'sanctions on Russia', 'halted exports to X', 'sanctioned X'."""
    s, found = view.slots, None
    if status == "waived":
        found = r.after(s, clause, clause.start, ("for",))
        found = found or r.direct_object(s, clause, after_subject, {imposer or ""})
    preps = ("on", "against", "targeting") + (
        ("to", "from", "with") if cue_words.TRADE_HALT.match(cue.text) else ()
    )
    found = found or r.after(s, clause, cue.end, preps)
    found = found or r.direct_object(s, clause, after_subject, {imposer or ""})
    return found.code if found else None
