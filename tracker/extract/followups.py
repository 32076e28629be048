"""What a sentence takes from the ones told before it: the day of the act it counts from or refers
back to ('The move came a day after ...', 'The measures, agreed on Thursday, ...', 'the same day'), and
the deal, price or first delivery another sentence completes.

Each function looks at one sentence (its view and drafts) and the drafts kept so far (``out``), and
fills in what the sentence leaves open; none decides whether an event exists.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from events.model import Occurred
from tracker.extract.back_references import back_reference
from tracker.extract.caseless import Caseless
from tracker.extract.cues import Cue
from tracker.extract.dates import NUMBER_WORDS, anchored
from tracker.extract.draft import Draft
from tracker.extract.view import View

# a quarter of IGNORECASE's cost; ('Hours later, the U.S. State Department approved a possible sale')
_SAME_DAY = Caseless(
    r"\b(?:(?:on\s+)?(?:the|that)\s+same\s+day|hours\s+(?:later|earlier)|later\s+(?:that|the\s+same)\s+day|"
    r"(?:later|earlier)\s+(?:in\s+the|that)\s+day|at\s+the\s+same\s+time)\b"
)
_UNDER_THE_DEAL = re.compile(r"^(?:Under|As\s+part\s+of)\s+the\s+(?:deal|pact|agreement|contract|lease)\b")


def goods_under_the_deal(view: View, ds: list[Draft], out: list[Draft]) -> None:
    """'India signed a $3 billion deal with Russia to lease a nuclear-powered attack submarine. Under the
    pact, Russia will deliver the Akula-class submarine': the goods of the deal told just before."""
    if not _UNDER_THE_DEAL.match(view.text):
        return
    goods = next((d.items for d in ds if d.etype == "delivery" and d.items), None)
    deal = next((d for d in reversed(out) if d.etype == "deal"), None)
    if goods and deal is not None and not deal.items:
        deal.items = [i._replace(quantity=None) for i in goods]


_THE_DEAL_COVERS = re.compile(
    r"^(?:The|This)\s+(?:agreement|deal|contract|pact|memorandum|MoU)\s+(?:covers|includes|is\s+for|involves|"
    r"provides\s+for)\b"
)


def goods_the_deal_covers(view: View, ds: list[Draft], out: list[Draft]) -> list[Draft]:
    """'General Electric signed a memorandum of understanding on Thursday with HAL to produce fighter jet
    engines ... The agreement covers GE's F414 engines for HAL's Light Combat Aircraft Mk2': the goods of
    the deal told just before, which the sentence names without moving them (its deliveries go)."""
    if not _THE_DEAL_COVERS.match(view.text) or not view.items:
        return ds
    deal = next((d for d in reversed(out) if d.etype == "deal"), None)
    if deal is None:
        return ds
    if not deal.items:
        deal.items = list(view.items[:1])
    return [d for d in ds if d.etype != "delivery"]


_WORTH_AFTER = re.compile(
    r"^(?:The|That|This)\s+(?:purchase|deal|contract|sale|order|acquisition|package)(?:,[^,]{1,80},)?\s+"
    r"(?:is|was|will\s+be)\s+(?:worth|valued\s+at)\s+"
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|an\s+estimated\s+|up\s+to\s+)?$"
)


def worth_told_after(view: View, out: list[Draft]) -> None:
    """'Canada will buy a NASAMS system ... The purchase is worth about C$406 million' ('The deal, cleared
    earlier by the U.S. State Department, is worth up to 254 billion yen'): the price of the deal told
    just before."""
    money = view.money
    if not money or not _WORTH_AFTER.match(view.text[: money[0].start]):
        return
    deal = next((d for d in reversed(out) if d.etype == "deal"), None)
    if deal is not None and deal.value is None:
        deal.value = money[0]


_IT_IS_FIRST = re.compile(
    r"^(?:It|The\s+(?:ship|vessel|frigate|submarine|warship|corvette|destroyer))\s+is\s+the\s+first\s+of\b"
)


def first_of_told_after(view: View, out: list[Draft], before: View) -> None:
    """'The Indian Navy on Monday commissioned INS Tushil ... It is the first of two Krivak-class frigates
    India ordered from Russia': the ship handed over begins the deliveries of its class."""
    if not _IT_IS_FIRST.match(view.text):
        return
    for d in out:
        if d.view is before and d.etype == "delivery" and d.status is None:
            d.status = "began"


def date_back(view: View, views_before: list[View], out: list[Draft], published: datetime | None) -> None:
    """'The measures, agreed by EU foreign ministers on Thursday, target ...': the date of a reference
    back goes to the first undated event of the named type in the nearest sentence before that has one."""
    back = back_reference(view, published)
    if back is None:
        return
    types, occ, signing = back
    # the sentence before, or the one before it ('... allows for sanctions. No sanctions were imposed
    # immediately. The order, signed on Friday, ...')
    for before in reversed(views_before):
        d = next((d for d in out if d.view is before and d.etype in types and not d.background), None)
        if d is None:
            continue
        if (d.occurred is None or d.date_said) and not (signing and d.status == "cancelled"):
            # 'The United States and the European Union have lifted sanctions': one act of both imposers
            for e in out:
                same = e.view is before and e.clause == d.clause and e.etype == d.etype
                if same and (e.occurred is None or e.date_said):
                    e.occurred = occ
        return


def same_day(ds: list[Draft], out: list[Draft]) -> None:
    """'Warsaw also signed a separate contract the same day for 180 K2 tanks': the day of the last event
    dated to the day before it."""
    for n, d in enumerate(ds):
        if d.occurred is None and _SAME_DAY.found(d.view.text):
            # ("..., and India's foreign ministry responded the same day": a reply takes the act's day)
            said = d.etype == "statement"
            before = [e for e in ds[:n] if e.cues[0].start < d.cues[0].start] if said else []
            acts = [e for e in [*out, *before] if e.etype != "statement" or d.etype == "statement"]
            # (no act told to the day before: the day of the saying before it, 'Blinken said on Tuesday ...
            # The United States and Britain imposed new sanctions on Iran the same day')
            days = [e.occurred for e in [*out, *acts] if e.occurred and e.occurred.precision == "day"]
            acted = [e.occurred for e in acts if e.occurred and e.occurred.precision == "day"]
            d.occurred = (acted or days)[-1] if acted or days else None


_CAME_AFTER = re.compile(
    r"^(?:The|This|That|Its|Their)\s+[^,;]{1,60}?\s+(?:came|comes)\s+(?P<n>a|one|two|three|four|\d)\s+"
    r"days?\s+after\b"
)
_DAYS_APART = re.compile(r"^(?P<n>A|One|Two|Three|Four|\d)\s+days?\s+(?P<way>earlier|before|later),\s")


def days_counted(view: View, ds: list[Draft], out: list[Draft]) -> None:
    """Days counted from the day of the last act told, to the day:

    - 'South Korea on Friday imposed sanctions on 11 North Koreans ... The move came a day after
      Washington sanctioned the North's hacking group': the act after 'after' is a day before;
    - 'A day earlier, US Deputy National Security Adviser Daleep Singh ... had warned': the sentence's
      events are a day before;
    - 'Washington blacklisted three senior officials of the North's ruling party a day earlier': a count
      of days and no other date in the sentence counts from the act before too.
    """
    came, apart = _CAME_AFTER.match(view.text), _DAYS_APART.match(view.text)
    counted = [dm for dm in view.dates if "anc" in dm.groups]
    alone = bool(counted) and len(counted) == len(view.dates)
    if came is None and apart is None and not alone:
        return
    anchor = next((e.occurred for e in reversed(out) if e.occurred and e.occurred.precision == "day"), None)
    if anchor is None:
        return
    if came is None and apart is None:
        day_of = anchored(counted[0], anchor)
        for d in ds:
            if d.occurred is None:
                d.occurred = day_of
        return
    if came is not None:
        day = _days_from(anchor, came.group("n"), -1)
        told = view.text[came.start("n") : came.end()]
        acts = [d for d in ds if d.cues[0].start >= came.end() and d.etype != "statement"]
    else:
        assert apart is not None
        way = 1 if apart.group("way").lower() == "later" else -1
        day, told, acts = _days_from(anchor, apart.group("n"), way), apart.group(0).rstrip(", "), ds
    for d in acts:
        if d.occurred is None:
            d.occurred = Occurred(date=day, precision="day", text=told)


def _days_from(anchor: Occurred, count: str, way: int) -> str:
    n = NUMBER_WORDS.get(count.lower()) or int(count)
    return (date.fromisoformat(anchor.date) + way * timedelta(days=n)).isoformat()


# 'Beijing vowed to take "necessary measures"', 'Ankara would retaliate', 'the move could lead to retaliatory
# measures', 'Seoul would take countermeasures'
_REPRISAL_VOWED = Caseless(
    r"\b(?:would|will|vow\w*\s+to|pledg\w*\s+to|threaten\w*\s+to|promis\w*\s+to|could\s+lead\s+to)\s+"
    r"(?:take\s+(?:[\w\"“'‘,-]+\s+){0,4}[\"“'‘]?(?:counter-?measures|measures)|retaliat\w*|"
    r"respond\b|hit\s+back|reciprocate)"
)
_NOT_UNDONE = ("imposed", "threatened")


def reprisal_vowed(view: View, ds: list[Draft], out: list[Draft]) -> None:
    """'The United States on Monday imposed sanctions on Turkey ... Ankara said it would retaliate': the
    state sanctioned threatens sanctions of its own on the one that imposed them. Only after a sanction
    on it is told: 'Russia would take counter-measures after Finland joined NATO' threatens no sanction."""
    found = next(_REPRISAL_VOWED.finditer(view.text), None)
    if found is None:
        return
    start = found.start()
    said = [d for d in ds if d.etype == "statement" and d.roles.get("speaker") and d.cues[0].start < start]
    subjects = [m for m in view.slots.mentions if m.end <= start]
    vower = said[-1].roles["speaker"] if said else (subjects[-1].code if subjects else None)
    told = [d for d in [*out, *ds] if d.etype == "sanction"]
    if vower is None or any(d.roles.get("imposer") == vower for d in told):
        return
    imposed = [d for d in told if d.roles.get("target") == vower and d.status in _NOT_UNDONE]
    if not imposed or imposed[-1].roles.get("imposer") in (None, vower):
        return
    clause = view.clauses[view.clause_of(start)]
    cue = Cue("sanction", "threat", start, found.end(), found.group(0))
    roles: dict[str, object] = {"imposer": vower, "target": imposed[-1].roles["imposer"]}
    ds.append(Draft("sanction", view, clause, [cue], roles, status="threatened"))
