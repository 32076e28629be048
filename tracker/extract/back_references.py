"""A sentence that opens by referring back, with a date, to an event told before: 'The decision,
announced by the State Department on Friday, ...', 'The deal, signed in November 2021 with
Sovtechnoexport, was terminated in June', 'Blinken signed the 120-day waiver earlier this month'.
The date belongs to the event of a type the noun can name in the sentence before (``followups``),
and the date of a signing never dates a cancellation.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

from events.model import Occurred
from tracker.extract.dates import resolve
from tracker.extract.view import View

# 'The measures, agreed by EU foreign ministers on Thursday, target ...', 'The deal, signed on Monday,
# covers ...': a sentence opening with a reference back to an event, its day in the appositive
_BACK = re.compile(
    # ('The US-drafted resolution, adopted yesterday, also orders ...': the Security Council's sanctions)
    r"(?:The|These|This|That|Those)\s+(?:new\s+|latest\s+|fresh\s+)?(?:[\w.-]+-(?:drafted|backed)\s+)?"
    r"(?P<noun>measures?|sanctions?|penalties|restrictions|embargo|ban|waiver|decision|move|step|resolution|"
    r"deal|contract|agreement|pact|accord|order|purchase|sale|acquisition|package|shipments?|"
    r"deliveries|delivery|transfer)\s*,\s+(?:which\s+(?:was|were)\s+)?"
    r"(?P<verb>\w+ed|made|taken|struck|sealed|unveiled|inked|signed|approved)\b[^,]*,"
)

# 'The contract, the company's first with a NATO member, was finalized in Bucharest on Thursday': the
# same reference as the subject of a passive, its day in the clause
_BACK_PASSIVE = re.compile(
    r"(?:The|This|That)\s+(?:new\s+|latest\s+|fresh\s+)?"
    r"(?P<noun>measures?|sanctions?|penalties|restrictions|embargo|ban|waiver|decision|"
    r"deal|contract|agreement|pact|accord|order|purchase|sale|acquisition|package|shipments?|"
    r"deliveries|delivery|transfer)(?:\s*,\s+[^,]{1,90},)?\s+(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:\w+ly\s+)?(?P<verb>\w+ed|made|taken|struck|sealed|inked|signed|approved)\b"
)

_BACK_TYPES = {
    "deal": ("deal",),
    "contract": ("deal",),
    "agreement": ("deal",),
    "pact": ("deal",),
    "accord": ("deal",),
    "order": ("deal", "sanction"),  # an executive order imposes or ends sanctions
    "purchase": ("deal",),
    "sale": ("deal",),
    "acquisition": ("deal",),
    "package": ("deal", "delivery", "sanction"),
    "shipment": ("delivery",),
    "shipments": ("delivery",),
    "delivery": ("delivery",),
    "deliveries": ("delivery",),
    "transfer": ("delivery",),
    "decision": ("deal", "delivery", "sanction"),
    "cancellation": ("deal",),
    "termination": ("deal",),
    "announcement": ("deal", "delivery", "sanction"),
    "move": ("deal", "delivery", "sanction"),
    "step": ("deal", "delivery", "sanction"),
}


class BackReference(NamedTuple):
    types: tuple[str, ...]  # the event types its noun can name
    occurred: Occurred
    signing: bool  # 'The deal, signed in 2019, ...': the signing, which dates no cancellation


# verbs of the deal's making, whose date is never its cancellation's ('The purchase had been cleared by
# the defence ministry in 2014' after 'India has cancelled a $500 million deal')
_SIGNING = frozenset(
    {"signed", "inked", "sealed", "struck", "finalized", "finalised", "clinched", "cleared", "approved",
     "agreed", "ordered", "awarded", "concluded"}
)  # fmt: skip


def back_reference(view: View, published: datetime | None) -> BackReference | None:
    """The types and date of a sentence opening with a dated reference back to an event ('The
    decision, announced by the State Department on Friday, ends ...'): the date belongs to the event
    of that type in the sentence before when it has none of its own."""
    m = _BACK.match(view.text)
    passive = _BACK_PASSIVE.match(view.text)
    if passive is not None and (m is None or passive.group("verb").lower() not in _SIGNING):
        # ('The deal, signed in November 2021 with Sovtechnoexport, was terminated in June': the verb of
        # the sentence over the appositive's)
        m, end = passive, view.clauses[view.clause_of(passive.end())].end
    elif m is not None:
        end = m.end()
    else:
        return _signed_back(view, published)
    for dm in view.dates:
        if m.end("verb") <= dm.start and dm.end <= end:
            occ = resolve(dm, published, False)
            if occ is not None:
                return BackReference(_types_named(m.group("noun")), occ, m.group("verb").lower() in _SIGNING)
    return None


def _types_named(noun: str) -> tuple[str, ...]:
    """The event types a noun of reference can name (a measure, a ban, a waiver: a sanction)."""
    return _BACK_TYPES.get(noun.lower(), ("sanction",))


# 'Secretary of State Antony Blinken signed the 120-day waiver earlier this month': the act named again
_SIGNED_THE = re.compile(
    r"\b(?:signed|approved|adopted|issued|renewed|finali[sz]ed|inked)\s+(?:the|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>waiver|measures|sanctions|deal|contract|agreement|pact|order|decision)\b"
    # 'Biden signed an executive order on Monday terminating the national emergency that underpinned the
    # programme': the lifting of the sanctions told before
    r"|\bsigned\s+an\s+executive\s+order\s+(?:[\w,]+\s+){0,3}?(?P<ending>terminating|ending|lifting|revoking)\b"
    # 'The announcement was made in Vienna late on Saturday': the act of the sentence before, in the passive
    r"|^(?:The|This)\s+(?P<passive>announcement|decision|move)\s+(?:was|were)\s+(?:made|taken|announced)\b"
    # 'then-President Rodrigo Duterte approved its cancellation in June'
    r"|\bapproved\s+(?:its|the)\s+(?P<undone>cancellation|termination)\b"
    # 'The Defence Ministry formally notified Rafael of the cancellation on Monday'
    r"|\b(?:notified|informed)\s+(?:[\w-]+\s+){1,3}?of\s+(?:the|its)\s+(?P<told>cancellation|termination)\b"
    # 'The US Treasury said on Tuesday the measures target Shahed Aviation Industries'
    r"|\bsaid\s+(?:on\s+)?\w+day\s+(?:that\s+)?the\s+(?P<target>measures|sanctions|designations)\s+"
    r"(?:target|targeted|hit|cover)\b"
)

# A match holds one of these verbs, or opens with 'The'/'This' and a passive noun (whole runs of
# ``view.words``): a set test skips the search of most sentences, which cost 2% of extraction time.
_SIGNED_VERBS = frozenset(
    {"signed", "approved", "adopted", "issued", "renewed", "finalised", "finalized", "inked", "notified",
     "informed"}
)  # fmt: skip

# ('said on Tuesday the measures target ...': 'said' alone stands in most sentences, so only with these)
_TARGETING = frozenset({"target", "targeted", "hit", "cover"})

_PASSIVE_OPENERS = ("The", "This")

_PASSIVE_NOUNS = frozenset({"announcement", "decision", "move"})


def _may_name_act(view: View) -> bool:
    """False when ``_SIGNED_THE`` cannot match: neither verb nor passive noun stands in the sentence."""
    words = view.words.words
    if not _SIGNED_VERBS.isdisjoint(words) or ("said" in words and not _TARGETING.isdisjoint(words)):
        return True
    return view.text.startswith(_PASSIVE_OPENERS) and not _PASSIVE_NOUNS.isdisjoint(words)


def _signed_back(view: View, published: datetime | None) -> BackReference | None:
    """A sentence that names the act of the sentence before by its definite noun after a verb of
    enacting, with a date in the same clause."""
    if not _may_name_act(view):
        return None
    m = _SIGNED_THE.search(view.text)
    if m is None:
        return None
    ci = view.clause_of(m.start())
    for dm in view.dates:
        if view.clause_of(dm.start) == ci and not view.in_quote(dm.start):
            occ = resolve(dm, published, False)
            if occ is not None:
                signing = m.group(0).split(None, 1)[0].lower() in _SIGNING
                if m.group("ending"):
                    return BackReference(("sanction",), occ, signing)
                if m.group("undone"):
                    return BackReference(("deal",), occ, False)
                noun = m.group("noun") or m.group("passive") or m.group("told") or m.group("target")
                return BackReference(_types_named(noun), occ, signing)
    return None
