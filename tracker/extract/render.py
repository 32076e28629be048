"""Drafts to frozen events: a plain summary sentence, a confidence, the evidence."""

from __future__ import annotations

from datetime import datetime

from events.model import Deal, Delivery, Evidence, Item, Roles, Sanction, Speaker, Statement, Value
from tracker.extract.draft import Draft
from tracker.extract.gazetteer import Gazetteer
from tracker.extract.items import ItemMention

# rules@6: blind sets 42 to 91 (wire leads, reactions, naval programmes, dated sayings of a party,
# datelines, deadlines, who builds for whom);
# rules@5: blind set 41 (reprisals, acts announced as done, days counted back, arrivals then deliveries);
# rules@4: blind sets 33 to 40 (columns, the arms trade press, diplomatic acts, officials of 80 states);
# rules@3: currencies, background deals, refusals, two trades a clause; rules@2: home country, offers
EXTRACTOR = "rules@6"
_MAIN_ROLES = {
    "deal": (("buyer", "seller"), ("parties",)),
    "delivery": (("supplier", "recipient"),),
    "sanction": (("imposer", "target"),),
    "statement": (("speaker",),),
}
_BASE = {"deal": 0.7, "delivery": 0.65, "sanction": 0.7, "statement": 0.6}


def _name(gaz: Gazetteer, code: object) -> str:
    return gaz.display.get(str(code), str(code))


def _names(gaz: Gazetteer, codes: object) -> str:
    names = [_name(gaz, c) for c in codes] if isinstance(codes, list | tuple) else [_name(gaz, codes)]
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def _items(d: Draft) -> str:
    names = list(dict.fromkeys(i.name for i in d.items))
    return ", ".join(names)


def summary(d: Draft, gaz: Gazetteer) -> str:
    """One plain sentence: 'India signed a $5 billion deal with Russia for S-400.'"""
    roles, items = d.roles, _items(d)
    what = f" for {items}" if items else ""
    if d.etype == "deal":
        value = f"{d.value.text.strip()} " if d.value else ""
        verb = {
            "signed": "signed",
            "announced": "announced",
            "planned": "plans",
            "cancelled": "cancelled",
        }.get(d.status or "", "has")
        if "buyer" in roles and "seller" in roles:
            return (
                f"{_name(gaz, roles['buyer'])} {verb} a {value}deal with {_name(gaz, roles['seller'])}{what}."
            )
        side = roles.get("parties") or roles.get("buyer") or roles.get("seller")
        return f"{_names(gaz, side)} {verb} a {value}deal{what}."
    if d.etype == "delivery":
        verb = {"began": "began delivering", "ongoing": "is delivering", "completed": "delivered"}.get(
            d.status or "", "will deliver" if d.status == "planned" else "delivers"
        )
        goods = items or "arms"
        supplier = _name(gaz, roles["supplier"]) if "supplier" in roles else "A supplier"
        to = f" to {_name(gaz, roles['recipient'])}" if "recipient" in roles else ""
        return f"{supplier} {verb} {goods}{to}."
    if d.etype == "sanction":
        verb = f"{d.status or 'imposed'} sanctions on"
        return f"{_name(gaz, roles['imposer'])} {verb} {_name(gaz, roles['target'])}."
    who = d.person or _name(gaz, roles["speaker"])
    if d.person and d.title:
        who = f"{d.title} {d.person}"
    about = roles.get("about")
    return f"{who} made a statement" + (f" about {_names(gaz, about)}." if about else ".")


def confidence(d: Draft) -> float:
    """Higher when both sides, a date and the objects are known; lower for headline-only events."""
    score = _BASE[d.etype]
    full = any(all(k in d.roles for k in keys) for keys in _MAIN_ROLES[d.etype])
    score += 0.1 if full else -0.15
    score += 0.05 if d.occurred else 0.0
    score += 0.05 if d.items or d.value or d.quote else 0.0
    if d.view.is_title:
        score *= 0.8
    return round(max(0.05, min(0.95, score)), 2)


def render(
    d: Draft, gaz: Gazetteer, published: datetime | None, url: str | None, title: str | None
) -> Statement | Deal | Delivery | Sanction:
    s = d.view.sentence
    evidence = Evidence(
        sentence=s.text, url=url, title=title,
        start=None if d.view.is_title else s.start, end=None if d.view.is_title else s.end,
    )  # fmt: skip
    roles = Roles(**{k: tuple(v) if isinstance(v, list) else v for k, v in d.roles.items()})
    common = {
        "occurred": d.occurred, "roles": roles, "summary": summary(d, gaz), "evidence": evidence,
        "reported_at": published, "confidence": confidence(d), "extractor": EXTRACTOR, "status": d.status,
    }  # fmt: skip
    items = tuple(Item(name=i.name, quantity=i.quantity) for i in _unique_items(d))
    if d.etype == "deal":
        value = (
            Value(amount=d.value.amount, currency=d.value.currency, text=d.value.text) if d.value else None
        )
        return Deal(**common, items=items, value=value)
    if d.etype == "delivery":
        return Delivery(**common, items=items)
    if d.etype == "sanction":
        return Sanction(**common)
    speaker = Speaker(name=d.person, title=d.title) if d.person else None
    return Statement(**common, speaker=speaker, quote=d.quote)


def _unique_items(d: Draft) -> list[ItemMention]:
    seen: dict[str, ItemMention] = {}
    for it in d.items:
        if it.name not in seen or (it.quantity is not None and seen[it.name].quantity is None):
            seen[it.name] = it
    return list(seen.values())
