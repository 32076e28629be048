"""Sanctions in one clause: who imposes them on whom, and whether they are imposed at all.

The status comes before the sides: a sanction only discussed ('could lead
to', 'has not yet been sanctioned') is threatened, never imposed. In the
passive or after 'faces' the subject is the target and 'by X' or 'under X' the
imposer; otherwise the subject imposes and 'on X', 'against X' or the object is
the target (``sanction_targets``), unless the imposer is told apart from the subject
(``sanction_imposers``: a warning, an urging, 'imposed by X'). The schema's
target is one actor, so coordinated targets ('Iran and North Korea', 'three
Chinese firms and a Russian entity') and imposers ('Britain and the United
States imposed ...') give one sanction each.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.extract import cues as cue_words
from tracker.extract import roles as r
from tracker.extract import statuses
from tracker.extract.actors import Mention
from tracker.extract.cues import Cue
from tracker.extract.draft import Draft
from tracker.extract.sanction_imposers import (
    TO_IMPOSE,
    asked_to_reconsider,
    decided_by,
    granted_by,
    imposed_by,
    reduced_relative,
    said_he,
    second_subject,
    threat_on_trade,
    urged_imposer,
    warned_sides,
    warner_before,
)
from tracker.extract.sanction_targets import (
    ADDED,
    ENTITY_AFTER,
    FACES,
    both_targets,
    entities_of_states,
    facing_state,
    maker_of_goods,
    named_for_target,
    target_of,
)
from tracker.extract.sentences import Clause
from tracker.extract.view import View

# between two coordinated targets: 'Iran and North Korea', 'three Chinese firms and a Russian entity',
# 'companies in China and the United Arab Emirates', 'Russia, Belarus and Iran'
_COORD = re.compile(
    r"^(?:'s|’s)?\s*(?:[a-z][\w-]*\s+){0,3}(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+)"
    r"(?:(?:the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|some|other|\d[\d,]*)\s+){0,2}$"
)


_IMPOSED_BY = re.compile(
    r"\s+(?:imposed|announced|levied)\s+by\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*"
)
# 'will not impose sanctions on Israel', 'has no plans to sanction', 'refused to impose': a refusal, no
# sanction at all; 'has not yet been sanctioned' and 'would not hesitate to impose' still threaten
_REFUSED = re.compile(
    r"\b(?:will not|won't|does not|do not|doesn't|don't|no plans? to|not plan\w* to|refus\w* to|"
    r"declin\w* to|ruled out|rules out|ruling out|unlikely to)\s+(?!hesitat)(?:\w+\s+){0,3}$|"
    r"\b(?:not|n't|never)\s+(?:subscribe|recogni[sz]e|follow|abide)\w*\s+(?:by\s+|to\s+)?(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_URGED_TO_STOP = re.compile(
    r"\b(?:urg\w*|call\w*\s+on|demand\w*|ask\w*|press\w*)\s+(?:that\s+)?(?:[\w'’.-]+\s+){0,4}(?:to\s+)?"
    r"(?:stop|end|lift|drop|halt|cease|withdraw|remove|revoke|scrap)\s+(?:[\w'’‘\"“-]+\s+){0,4}[\"'‘“]?$",
    re.IGNORECASE,
)
_SAYING_AFTER = re.compile(
    r",\s+(?:with\s+[^,;]{0,80}?\s+)?(?:saying|adding|arguing|noting)\b"
    # ('The U.S. announced new sanctions on Iran Air, and Britain, France and Germany said they would move
    # to sanction the airline too': the others' saying tells their own plan)
    r"|,\s+and\s+(?:[A-Z][\w.'’-]*,?\s+(?:and\s+)?){1,6}(?:said|say|says)\b"
)
_ALSO = re.compile(r"\b(?:was|were|has been|have been)\s+also\s+$|\balso\s+(?:been\s+)?$", re.IGNORECASE)
_SIMILAR = re.compile(r"(?:similar|its\s+own|their\s+own)\s", re.IGNORECASE)
_THE_SANCTIONS = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
_REPRISAL = re.compile(r"downgrad|abeyance|airspace", re.IGNORECASE)  # measures that name no target
_ROUND_OF = re.compile(r"(?:round|package)\s+of\s+", re.IGNORECASE)
_WAIVER_OF = re.compile(r"\bwaivers?\s+of\s+(?:the\s+)?sanctions\b", re.IGNORECASE)
_GERUND_SUBJECT = re.compile(r"\W*(?:that\s+)?(?:buying|purchasing|acquiring|procuring)\b", re.IGNORECASE)
_CONSEQUENCES = re.compile(r"^fac", re.IGNORECASE)  # 'would face consequences': the subject is threatened
_THE_PURCHASE = re.compile(
    # ('The United States has said the purchase could lead to sanctions under its CAATSA': the warner's
    # saying before it)
    r"^\W*(?:(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:has\s+|have\s+)?"
    r"(?:said|says|warned|warns|cautioned)\s+)?"
    r"(?:that\s+)?(?:the|this|such a)\s+(?:\w+\s+)?"
    r"(?:purchase|deal|acquisition|deliver(?:y|ies)|transfer)\s+"
    r"(?:could|would|might|may|will)\b",
    re.IGNORECASE,
)
_IT = re.compile(
    r"\b(?:expose|subject|leave|put)\s+(?:it|them)\s+(?:to|at)\b|\b(?:it|they)\s+(?:\w+\s+){0,2}$"
)


def sanctions(view: View, clause: Clause, cues: list[Cue]) -> list[Draft]:
    """One draft per target: the schema's target is one actor, so 'sanctioned Iran and North Korea'
    is two sanctions with the same imposer, status and date."""
    draft = sanction(view, clause, cues)
    if draft is None:
        return []
    # 'India on Friday said it was examining the sanctions imposed by Washington on an Indian firm': the
    # sanctions are known already, the saying is news of its own and its day is not theirs
    cue = cues[0]
    # ('Ecowas has lifted most of the sanctions it imposed on Niger': the lifting is the news)
    draft.background = draft.status not in ("lifted", "waived") and bool(
        _THE_BEFORE.search(view.text, max(clause.start, cue.start - 30), cue.start)
        and _IMPOSED_BY_AFTER.match(view.text, cue.end)
    )
    out = [draft, *_imposed_before(view, draft)]
    if draft.headline_target or (draft.anaphoric and "imposer" not in draft.roles):
        return out  # its imposer is the one of a sanction told before (``sides``, ``merging``)
    for code in (
        []
        if draft.anaphoric
        else both_targets(view, cues[0], str(draft.roles["imposer"]))[1:]
        or _coordinated(view, clause, cues[0], draft)
    ):
        out.append(replace(draft, roles={**draft.roles, "target": code}))
    if not draft.anaphoric:
        named = {d.roles.get("target") for d in out} | {draft.roles.get("imposer")}
        for code in entities_of_states(view, clause, cues[0]):
            if code not in named:
                named.add(code)
                out.append(replace(draft, roles={**draft.roles, "target": code}))
        # '... on Nayara Energy, the Indian refiner, in its 18th package of sanctions against Russia'
        for later in cues[1:]:
            m = r.after(view.slots, clause, later.end, ("against", "on"))
            if m is not None and m.start - later.end <= 12 and m.code not in named and m.kind == "country":
                named.add(m.code)
                out.append(replace(draft, roles={**draft.roles, "target": m.code}))
    # 'Britain and the United States imposed new sanctions on Iran': one sanction per imposer too
    subj = r.codes(r.subjects(view.slots, clause, cues[0].start, view.clauses))
    if len(subj) > 1 and draft.roles["imposer"] in subj and not r.patient_subject(view.text, clause, cues[0]):
        # ('The United States and the European Union have imposed several rounds of sanctions on the
        # generals': neither imposer is the other's target)
        out = [d for d in out if d.roles.get("target") not in subj]
        others = [
            c for c in subj if c != draft.roles["imposer"] and c not in {d.roles.get("target") for d in out}
        ]
        out += [replace(d, roles={**d.roles, "imposer": c}) for c in others for d in list(out)]
    return out


# 'the toughest sanctions it imposed on Niger in July last year', 'ending curbs imposed in July 2019'
_IMPOSED_THEN = re.compile(
    r"\b(?:imposed|introduced|placed)\s+(?:on\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+)?$"
)


def _imposed_before(view: View, draft: Draft) -> list[Draft]:
    """Sanctions lifted or waived told with the date they were imposed: that imposition is a development
    of its own, in its own period (the lifting never takes that date, ``dating``)."""
    if draft.status not in ("lifted", "waived") or "target" not in draft.roles:
        return []
    cue = draft.cues[-1]
    for dm in view.dates:
        if cue.end < dm.start and _IMPOSED_THEN.search(view.text, max(cue.end, dm.start - 40), dm.start):
            imposed = Draft("sanction", view, draft.clause, draft.cues, dict(draft.roles), status="imposed")
            imposed.date_span, imposed.background = (dm.start, dm.end), True
            return [imposed]
    return []


def _coordinated(view: View, clause: Clause, cue: Cue, draft: Draft) -> list[str]:
    """Codes of the targets standing in one coordination with the draft's target, after the cue."""
    ms = [m for m in view.slots.mentions if clause.start <= m.start and m.end <= clause.end]
    target, imposer = draft.roles["target"], draft.roles["imposer"]
    at = next((i for i, m in enumerate(ms) if m.code == target and m.start >= cue.end), None)
    floor = cue.end
    if at is None:  # 'added companies from China, Turkey and the UAE to its sanctions list'
        subj = r.subjects(view.slots, clause, cue.start, view.clauses)
        floor = subj[-1].end if subj else clause.start
        at = next((i for i, m in enumerate(ms) if m.code == target and m.start >= floor), None)
    if at is None:
        return []
    chain: list[Mention] = [ms[at]]
    i = at
    while i > 0 and ms[i - 1].start >= floor and _COORD.match(view.text[ms[i - 1].end : ms[i].start]):
        i -= 1
        chain.insert(0, ms[i])
    i = at
    while i + 1 < len(ms) and _COORD.match(view.text[ms[i].end : ms[i + 1].start]):
        i += 1
        chain.append(ms[i])
    return list(dict.fromkeys(m.code for m in chain if m.code not in (target, imposer)))


# "India's decision to buy the S-400 could lead to sanctions under CAATSA": the one acting is exposed
_LEADS_TO = re.compile(
    r"\b(?:could|would|may|might|will|can)\s+(?:\w+\s+)?(?:lead|result|trigger|invite|attract|draw|bring)"
    r"(?:\s+(?:to|in))?\s+(?:(?:the|new|further|possible|u\.s\.|us|american|western)\s+){0,2}$",
    re.IGNORECASE,
)
_OWNED_ACT = re.compile(
    r"(?:'s|’s)\s+(?:\w+\s+)?(?:decision|purchase|move|plan|acquisition|deal|order|buying)\b", re.IGNORECASE
)
_THE_BEFORE = re.compile(r"\b(?:the|these|those)\s+(?:\w+\s+)?$", re.IGNORECASE)
_IMPOSED_BY_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:imposed|announced|slapped)\s+(?:by|on|a\s)", re.IGNORECASE)
_IT_COULD = re.compile(r"^\W*(?:that\s+)?it\s+(?:could|would|might|may|will)\b", re.IGNORECASE)
_OVER_THEIRS = re.compile(r"\b(?:over|against|at)\s+(?:[A-Z][\w.]*(?:'s|’s)\s+)(?:new\s+|latest\s+)?$")
_RESPONDING_TO = re.compile(
    r"\b(?:responding|reacting|in\s+(?:a\s+)?response|in\s+reply)\s+to\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ADOPTED_THEIRS = re.compile(
    r"\b(?:adopt\w*|join\w*|align\w*\s+(?:itself\s+)?with|follow\w*|implement\w*|mirror\w*)\s+(?:the\s+)?"
    r"(?:[A-Z][\w.]*\s?){1,4}(?:'s|’s)\s+(?:[\w-]+\s+){0,2}$"
)
# "Washington's decision on Thursday to sanction the Equipment Development Department"
_DECISION_TO = re.compile(rf"\bdecision\s+{TO_IMPOSE}", re.IGNORECASE)


def sanction(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """The sanction the clause's sanction cues describe, or None without both sides or a status."""
    s, cue = view.slots, cues[0]
    if view.hearsay:
        return None  # a rumour, a report called false, or what analysts think could come
    window = view.text[clause.start : clause.end]
    said_after = _SAYING_AFTER.search(view.text, cues[0].end, clause.end)
    if said_after is not None and said_after.start() < cues[-1].start:
        cues = [c for c in cues if c.end <= said_after.start()]  # another's saying after ', and'
    if said_after is not None:
        # 'termed the latest US sanctions ... "unfortunate and biased", with spokesperson Mumtaz Zahra Baloch
        # saying they would have dangerous implications': what the saying adds tells no status
        window = view.text[clause.start : said_after.start()]
    before = view.text[clause.start : cue.start]
    if _REFUSED.search(before) and not cue_words.PENDING.found(before):
        return None
    if _URGED_TO_STOP.search(view.text, max(0, cue.start - 80), cue.start):
        return None  # "urged Washington to stop its 'abuse of sanctions'": a demand, no measure of its own
    status = statuses.sanction_status(window, cues)
    if status is None and statuses.LIFTED.found(window) and statuses.MAY_LIFT.found(window):
        return None  # a lifting that may come ('could ... lift sanctions imposed in 2020 within months')
    if status is None and cue.text.lower() == "sanctions" and r.direct_object(s, clause, cue.end, set()):
        status = "imposed"  # headline verb: 'US sanctions Indian firms'
    if status is None and r.modifier_before(s, cue.start) and r.after(s, clause, cue.end, ("on", "against")):
        status = "imposed"  # 'termed the latest US sanctions on the National Development Complex biased'
    if status is None and cue.text.lower().endswith("list") and ADDED.search(before):
        status = "imposed"  # 'put Lockheed Martin ... on its unreliable entity list'
    if status is None and _DECISION_TO.search(before):
        status = "imposed"  # "arising from Washington's decision to sanction 19 Indian entities"
    listed = cue.text.lower().endswith("list")
    if listed and _REMOVED_FROM.search(view.text, max(0, cue.start - 250), cue.start):
        return _taken_off(view, clause, cues)
    if status is None:
        return None
    package = _package(view, clause, cue)
    if package is not None:
        return package
    vowed = _VOWED.search(view.text, max(0, cue.start - 45), cue.start) if _COUNTER.match(cue.text) else None
    if vowed is not None:
        return None  # 'China vowed to take "resolute countermeasures"': a vow of no measure in particular
    subj = second_subject(view, clause, cue) or r.subjects(s, clause, cue.start, view.clauses)
    by = _IMPOSED_BY.match(s.text, cue.end)
    if by and subj:
        return imposed_by(view, clause, cues, status, subj[0], by.end())
    imposer, target = _clause_sides(view, clause, cues, status, subj, before)
    imposer, target = _told_apart(
        view, clause, cue, status, subj, imposer, target, before=before, window=window
    )
    # ("... going ahead with the purchase despite Washington's warning that it could attract sanctions")
    it_trade = _IT_COULD.match(before) and any(c.etype == "deal" and c.end <= clause.start for c in view.cues)
    if it_trade and status == "threatened":
        warner = warner_before(view, clause)
        imposer = warner or ("USA" if "caatsa" in window.lower() else None)
        target = None
    buyers = (c for c in view.cues if clause.start <= c.start < clause.end)
    if imposer and status == "threatened" and any(cue_words.bought_by_any(c, view.text) for c in buyers):
        # 'Washington has warned that countries buying major Russian weapons could face sanctions': the buyer
        # of the trade told before is the one at risk, not the seller the goods name (``sides``)
        return Draft("sanction", view, clause, cues, {"imposer": imposer}, status=status, anaphoric=True)
    if status == "threatened" and _THE_PURCHASE.search(before):
        # ('India and Russia signed a deal ..., brushing aside US warnings that the purchase could trigger
        # sanctions': the warner would impose them, not the subject of the sentence)
        imposer = warner_before(view, clause) or imposer
    if imposer and not target and status == "threatened" and (_THE_PURCHASE.search(before) or it_trade):
        # 'warnings from Washington that the purchase could trigger U.S. sanctions': the buyer of the
        # trade told before is threatened (``sides``)
        return Draft("sanction", view, clause, cues, {"imposer": imposer}, status=status, anaphoric=True)
    # ('The State Department had already issued a 180-day waiver of sanctions under the Caesar Act in May':
    # a waiver of the sanctions on the state told before)
    told_before = bool(
        _THE_SANCTIONS.search(before)
        or _SIMILAR.match(cue.text)
        or _ROUND_OF.match(cue.text)
        or (status == "waived" and _WAIVER_OF.search(window))
    )
    if imposer and not target and (told_before or cue_words.ON_THE_REGIME.match(view.text, cue.end)):
        # 'The United States imposed the sanctions under its CAATSA law in December 2020': the target of
        # the sanction told before (``merging``)
        return Draft("sanction", view, clause, cues, {"imposer": imposer}, status=status, anaphoric=True)
    told = _ALSO.search(before) or cue_words.SAME_LAW.search(window)
    if imposer is None and target and status in ("imposed", "threatened") and told:
        # 'A North Korean official was also blacklisted': the imposer of the sanction told before (and
        # 'Turkey was sanctioned under the same law in December 2020': the law's)
        return Draft("sanction", view, clause, cues, {"target": target}, status=status, anaphoric=True)
    if imposer and target is None and status == "threatened" and subj and _THREAT_OF.search(before):
        # 'India signed the deal, brushing aside the threat of US sanctions': the subject is the one at risk
        target = subj[0].code
    granted = granted_by(view, clause) if status == "waived" else None
    if granted is not None:
        imposer, target = granted
    if target is None:
        # 'More than 120 individuals and entities were sanctioned by the United States on Wednesday,
        # among them companies in Turkey and the United Arab Emirates'
        states = [c for c in entities_of_states(view, clause, cue) if c != imposer]
        target = states[0] if states else None
        by_agent = r.after(s, clause, cue.end, ("by",)) if target and not imposer else None
        imposer = imposer or (by_agent.code if by_agent else None)
    answered = clause.opener in ("after", "following") and any(_REPRISAL.search(c.text) for c in cues)
    if answered and imposer and target is None and status == "imposed":
        # 'Pakistan on Thursday suspended all trade with India, a day after New Delhi downgraded diplomatic
        # ties': the measures the other side answers were taken against it
        first = r.subjects(s, view.clauses[0], clause.start, view.clauses)
        target = first[0].code if first and first[0].code != imposer else None
    if status == "threatened" and target is not None and maker_of_goods(view, target):
        target = None  # 'Egypt shelves Russian Su-35 purchase under threat of US sanctions': the seller's
    if imposer and target is None and status == "threatened" and threat_on_trade(view, clause, cue, imposer):
        # 'a step that could trigger US sanctions against the NATO member', '... because of possible US
        # sanctions', 'citing the risk of sanctions from the United States': the buyer of the trade the
        # sentence tells is the one at risk (``sides``)
        return Draft("sanction", view, clause, cues, {"imposer": imposer}, status=status, anaphoric=True)
    if imposer and target is None and status == "imposed" and view.sentence.start == 0 and not view.is_title:
        # 'The United States on Tuesday imposed sanctions ... on Myanma Oil and Gas Enterprise (MOGE)': a
        # lead's target the gazetteer does not know is the one its headline names (``merging``)
        lead = Draft("sanction", view, clause, cues, {"imposer": imposer}, status=status)
        lead.headline_target = True
        return lead
    if not imposer and status == "imposed" and _EARLIER_IMPOSITION.match(view.text):
        # 'The sanctions, imposed last year over Moscow's alleged meddling, had roiled ...', 'The companies
        # were blacklisted in April': the earlier imposition of the sanctions the lifting before undid
        # (``merging`` gives it their sides)
        roles: dict[str, object] = {"target": target} if target else {}
        return Draft("sanction", view, clause, cues, roles, status=status, anaphoric=True)
    if not imposer or not target or imposer == target:
        return None
    draft = Draft("sanction", view, clause, cues, {"imposer": imposer, "target": target}, status=status)
    # 'India on Friday said it was engaging with US authorities over Washington's decision to sanction
    # 19 Indian entities': the saying reacts to an act of another state, taken before the day it names
    said_before = any(c.etype == "statement" and c.end <= cue.start for c in view.cues)
    draft.reacted = bool(_DECISION_TO.search(before)) and (
        said_before or (bool(subj) and subj[-1].code != imposer)
    )
    if _OVER_THEIRS.search(before) or _RESPONDING_TO.search(view.text, max(0, cue.start - 40), cue.start):
        # 'lodged stern representations over Washington's sanctions on ...', '..., responding to U.S.
        # sanctions on 19 Indian companies': sanctions in force, reacted to on a day of the reaction's own
        draft.status, draft.reacted = "imposed", True
    return draft


def _clause_sides(
    view: View, clause: Clause, cues: list[Cue], status: str, subj: list[Mention], before: str
) -> tuple[str | None, str | None]:
    """(imposer, target) as the clause tells them: in the passive or after 'faces' the subject is the
    target and 'by X' or 'under X' the imposer; otherwise the subject, or the state named before the
    noun, imposes and ``target_of`` finds the target."""
    s, cue = view.slots, cues[0]
    if (
        r.patient_subject(s.text, clause, cue)
        or _CONSEQUENCES.match(cue.text)
        or FACES.search(before)  # 'whether New Delhi should face sanctions': New Delhi is exposed
        or (_LEADS_TO.search(before) and _OWNED_ACT.search(before))
    ):
        target = subj[-1].code if subj else None
        agent = r.after(s, clause, cue.end, ("by",)) or r.modifier_before(s, cue.start)
        if agent is not None and subj and agent.start == subj[-1].start:
            agent = None  # 'Turkey faces sanctions': the one facing them imposes nothing
        agent = agent or r.after(s, clause, cue.end, ("under",))
        imposer = agent.code if agent else None
        facing = facing_state(view, clause, before)
        if facing is not None and facing.code != (subj[-1].code if subj else None):
            # 'Washington has yet to decide whether New Delhi should face sanctions': the one deciding
            # would impose them on the one facing them, unless named: 'could face American sanctions'
            named = r.modifier_before(s, cue.start)
            if named is None or s.text[named.end : cue.start].strip() or named.code == facing.code:
                named = subj[-1] if subj else None
            target, imposer = facing.code, named.code if named else None
    else:
        mod = r.modifier_before(s, cue.start) or decided_by(view, clause, cue, subj)
        # 'Turkey criticised the sanctions Washington imposed on ...': the state after the noun
        reduced = None if mod else reduced_relative(view, clause, cue)
        imposer = mod.code if mod else reduced or (subj[-1].code if subj else None)
        # ('closed its airspace to Indian airlines and suspended all trade with India': the trade halted
        # names the partner)
        halt = next(
            (c for c in cues if cue_words.TRADE_HALT.match(c.text) and "trade" in c.text.lower()), cue
        )
        target = target_of(view, clause, halt, status, imposer, subj[-1].end if subj else clause.start)
        if mod is not None and subj and named_for_target(view, clause, cue, mod, subj[-1]):
            # 'US imposes new Iran sanctions'; 'US to end Iran oil sanctions waivers for India': a waiver
            # is for the state it names
            waived_for = status == "waived" and target not in (None, mod.code, imposer)
            imposer, target = subj[-1].code, target if waived_for else mod.code
    return imposer, target


def _told_apart(
    view: View,
    clause: Clause,
    cue: Cue,
    status: str,
    subj: list[Mention],
    imposer: str | None,
    target: str | None,
    *,
    before: str,
    window: str,
) -> tuple[str | None, str | None]:
    """The clause's imposer and target corrected by what tells them apart from its own sides
    (``sanction_imposers``): the state urged or asked, the adopter of another's sanctions, the one
    warned and the warner, the state saying what another did (``before``: the clause up to the cue)."""
    s = view.slots
    urged = urged_imposer(view, clause, cue) if status == "threatened" else None
    if urged is not None:
        imposer = urged  # 'Zelenskiy urged the European Union to impose sanctions on Russia's Rosatom'
    asked = asked_to_reconsider(view, clause, cue)
    if asked is not None:
        # 'Türkiye on Saturday called on the US to reconsider its decision to lift the arms embargo on the
        # Greek Cypriot administration': the decision is the one asked's, taken before the appeal
        imposer = asked
    if subj and imposer and subj[-1].code != imposer and _ADOPTED_THEIRS.search(before):
        imposer = subj[-1].code  # 'Switzerland on Monday adopted the European Union's sanctions'
    if status == "threatened" and _IT.search(before):
        # 'has warned Belgrade that purchasing Russian weapons could expose it to sanctions': 'it' is the
        # one warned, whatever else the clause names
        warner, warned = warned_sides(view, clause)
        if warned is not None and warned != (imposer or warner):
            imposer, target = imposer or warner, warned
    if status == "threatened" and _GERUND_SUBJECT.match(view.text, clause.start, cue.start):
        # 'has warned Egypt that buying Russian Su-35 jets could trigger sanctions': the warner threatens
        # the one warned, whatever state the purchase names
        warner, warned = warned_sides(view, clause)
        if warner and warned and warner != warned:
            imposer, target = warner, warned
    if imposer and imposer == target:
        # 'The United States said Iran had delivered missiles ... and announced new sanctions on Iranian
        # companies': the one saying imposes, not the subject of what it said
        first = r.subjects(s, view.clauses[0], cue.start, view.clauses)
        imposer = first[0].code if first and first[0].code != target else imposer
    if status == "threatened" and (imposer is None or target is None):
        warner, warned = warned_sides(view, clause)
        # ("... in spite of Washington's warning that the purchase could attract sanctions")
        imposer = imposer or warner or warner_before(view, clause)
        target = target or (warned if warned != imposer else None)
    if imposer is None:
        imposer = reduced_relative(view, clause, cue) or said_he(view, clause) or imposer
    if imposer is None and "caatsa" in window.lower():
        imposer = "USA"
    return imposer, target


_EARLIER_IMPOSITION = re.compile(
    r"^(?:The|Those|These)\s+(?:sanctions|ban|measures|restrictions|embargo|penalties|companies|firms|"
    r"entities)(?:,\s+|\s+(?:were|was|had\s+been)\s+)(?:imposed|blacklisted|sanctioned|introduced)\s+"
    r"(?:in|last|on|earlier)\b"
)


_PACKAGE_OF = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}(?:package|round)\s+of\s+(?:new\s+|fresh\s+)?(?:(?P<anti>anti-[\w-]+)\s+)?$",
    re.IGNORECASE,
)


def _package(view: View, clause: Clause, cue: Cue) -> Draft | None:
    """ "Moscow will respond to the European Union's 12th package of anti-Russian sanctions": a package
    of a state or body is in force, whatever the one reacting to it will do."""
    s = view.slots
    owner = next(
        (
            m
            for m in reversed(s.mentions)
            if clause.start <= m.start and m.end <= cue.start and m.text.endswith(("'s", "’s"))
        ),
        None,
    )
    if owner is None:
        return None
    of = _PACKAGE_OF.match(view.text, owner.end, cue.start)
    if of is None or of["anti"] is None:
        return None
    entry = view.gaz.actors.get(of["anti"][5:].lower())  # 'anti-Russian': the demonym's state
    if entry is None or entry.code is None or entry.code == owner.code:
        return None
    roles: dict[str, object] = {"imposer": owner.code, "target": entry.code}
    return Draft("sanction", view, clause, [cue], roles, status="imposed", reacted=True)


_REMOVED_FROM = re.compile(
    r"\bremov(?:ed|es|ing)\s+(?P<who>[^.;]{1,200}?)\s+from\s+(?:its|the|their)\s+$", re.IGNORECASE
)


def _taken_off(view: View, clause: Clause, cues: list[Cue]) -> Draft | None:
    """'The US Commerce Department on Wednesday removed three Indian entities — ... — from its Entity
    List': the listing lifted for the state of the entities."""
    cue = cues[0]
    removed = _REMOVED_FROM.search(view.text, max(0, cue.start - 250), cue.start)
    if removed is None:
        return None
    s = view.slots
    entity = next(
        (
            m
            for m in s.mentions
            if removed.start("who") <= m.start < removed.end("who")
            and m.kind == "country"
            and ENTITY_AFTER.match(view.text, m.end)
        ),
        None,
    )
    first = view.clauses[view.clause_of(removed.start())]
    subj = r.subjects(s, first, removed.start(), view.clauses)
    if entity is None or not subj or subj[-1].code == entity.code:
        return None
    roles: dict[str, object] = {"imposer": subj[-1].code, "target": entity.code}
    return Draft("sanction", view, first, cues, roles, status="lifted")


_COUNTER = re.compile(r"^counter", re.IGNORECASE)
_VOWED = re.compile(
    r"\b(?:vow\w*|threat\w*|pledg\w*|promis\w*|warn\w*|will|would)\s+(?:to\s+)?(?:take|adopt|impose)\s+"
    r"(?:[\w\"“'‘-]+\s+){0,2}[\"“'‘]?$",
    re.IGNORECASE,
)
_THREAT_OF = re.compile(
    r"\b(?:threats?|risk|prospect|spectre|specter|possibility)\s+of\s+(?:possible\s+|new\s+)?"
    r"(?:[\w.'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
