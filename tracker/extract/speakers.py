"""Statements in one sentence: who speaks ('X said', 'said X', 'he added') and the person and title.

A speaker is the actor right before the saying verb with no preposition
governing it, or the actor right after it at the end of a clause ('...,
says Pentagon'). Companies, analysts, former officials and reports are no
speakers of a state. A pronoun subject leaves the speaker open; the pipeline
fills it from the last speaker named (``statements``).
"""

from __future__ import annotations

import re

from tracker.extract import roles as r
from tracker.extract.actors import Mention, non_actor_context, pronoun_subject
from tracker.extract.cues import Cue
from tracker.extract.draft import Draft
from tracker.extract.sentences import Clause
from tracker.extract.view import View

_TITLE_WORD = re.compile(
    r"^(?:[A-Z][\w'’.-]*|press|secretary|spokesperson|spokesman|spokeswoman|minister|chief|foreign|defence|"
    r"defense|affairs|external|deputy|senior|state|army|navy|general|prime|president|vice|national|security|"
    r"adviser|advisor|ambassador|envoy|department|ministry|office|chancellor|commander|head|policy|of)$"
)


_PARTICIPLE_OF = re.compile(r"\s+of\b")
# 'Defence Minister Ryamizard Ryacudu said', 'foreign ministry spokeswoman Hua Chunying told': a state
# office and a name the gazetteer lacks; the speaker is the one last speaking or the article's own state
_OFFICE = (
    r"(?:minister|secretary|spokes(?:man|woman|person)|ambassador|envoy|president|premier|chancellor|"
    r"chief|commander|advis[eo]r)"
)
_TITLED_BEFORE = re.compile(rf"\b{_OFFICE}\s+(?:[A-Z][\w'’.-]+\s+){{1,3}}$", re.IGNORECASE)
_UNNAMED = re.compile(
    r"(?:^|,\s+)(?:a|an|the|its|their)\s+(?:(?:senior|top|government|administration|ministry|defen[cs]e|foreign|"
    r"presidential|military|army|navy|air\s+force)\s+){1,3}(?:spokes(?:man|woman|person)|official|office)\s+$",
    re.IGNORECASE,
)
_NOT_CONFIRMED = re.compile(r"\b(?:neither|nor|not|n't|never|yet\s+to)\b[^.;,]*$", re.IGNORECASE)
# 'The Philippine army plans to acquire ..., its commander said on Monday': an office of the subject's state
_ITS_OFFICE = re.compile(
    r",\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:commander|chief|spokes(?:man|woman|person)|minister|head|"
    r"president|ambassador)\s+$",
    re.IGNORECASE,
)
# '"China firmly opposes ...," the Ministry of Commerce said': a ministry of the state the report is about
_THE_MINISTRY = re.compile(
    r"(?:^|[,\"”]\s+)the\s+(?:(?:Ministry|Department)\s+of\s+(?:Foreign\s+Affairs|External\s+Affairs|"
    r"Commerce|Trade|Defen[cs]e|National\s+Defen[cs]e|Foreign\s+Trade)|(?:foreign|defen[cs]e|commerce|"
    r"trade)\s+ministry)\s+$",
    re.IGNORECASE,
)
# 'President Aleksandar Vucic, who has been cautious about publicising the purchase, said': a relative
# clause between the speaker and the verb
_WHO_CLAUSE = re.compile(r",\s+who\s+[^,]{1,90},")
_SUBORDINATE = frozenset(
    {"that", "which", "who", "after", "before", "as", "while", "when", "since", "because", "if", "saying"}
    | {"unless", "adding", "although", "though", "where", "amid", "despite", "following", "days", "a"}
)
_AND_VERB = re.compile(r"\s+and\s+(?:\w+ly\s+)?$")
_ON_DAY = re.compile(r"\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+$")
_WHICH = re.compile(r"\s*,\s*which\s+(?:also\s+)?$")
_APPOSITION = re.compile(r"^(?:\s+[A-Z][\w'’.-]*)*,\s+(?:the|its|their)\s+[^,;]{1,40},\s*$")
_ALONG_WITH = re.compile(r",\s+(?:together|along)\s+with\s+[^,]{1,60},")
_TITLED_AFTER = re.compile(rf"^\s+(?:\w+\s+){{0,3}}{_OFFICE}\s+(?:[A-Z][\w'’.-]+\s*){{1,3}}(?:[,.]|$)")


# 'Morrison said', 'Mr Wallace said': a surname right before the verb, found among the people the
# article named in full before (``statements``)
_SURNAME_BEFORE = re.compile(
    r"(?:^|[\s,(\"“])(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
    r"([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\s+"
    r"(?:also\s+|later\s+|then\s+|(?:on\s+)?\w+day\s+)?$"
)


def statement(view: View, clause: Clause, cue: Cue) -> Draft | None:
    """A statement draft when the saying verb has a speaker (or a pronoun standing for one)."""
    s, text = view.slots, view.text
    if _PARTICIPLE_OF.match(text, cue.end) and cue.text.lower().startswith("accus"):
        return None  # 'companies ... accused of supplying parts': a description, nobody speaks
    denied = _NOT_CONFIRMED.search(text, max(0, cue.start - 50), cue.start)
    if denied and cue.text.lower().startswith("confirm"):
        return None  # 'neither the Egyptian nor the Chinese government has confirmed any deal'
    if cue.text.lower().endswith("ing"):
        # 'China condemned the sale, saying Washington was "playing with fire" and urging it to stop':
        # a participle speaks for the sentence's subject, not the state named last
        speaker = next(
            (
                m
                for i, m in enumerate(view.slots.mentions)
                if m.end <= cue.start and view.slots.preps[i] is None
            ),
            None,
        )
    else:
        speaker = (
            _service_said(view, cue)
            or _office_of_state(view, cue)
            or _inverted_speaker(view, cue)
            or _speaker_before(view, clause, cue)
            or _which_said(view, cue)
        )
    pronoun = speaker is None and pronoun_subject(text, cue.start)
    titled = speaker is None and not pronoun and _titled(text, clause, cue)
    surname = None
    if speaker is None and not pronoun and not titled:
        surname = _SURNAME_BEFORE.search(text, clause.start, cue.start)
        if surname is None:
            return None
    if titled and non_actor_context(text, max(clause.start, cue.start - 60), cue.start):
        return None  # 'Former Army chief General MM Naravane said': no office of a state now
    # ('state arms exporter Rosoboronexport said': the state's own voice)
    company = speaker is not None and speaker.kind == "company"
    if speaker is not None and company:
        company = not _STATE_FIRM.search(text, max(0, speaker.start - 40), speaker.start)
    if speaker is not None and (company or non_actor_context(text, max(0, speaker.start - 40), cue.start)):
        return None
    draft = Draft("statement", view, clause, [cue], {})
    draft.titled = titled
    draft.surname = surname.group(1) if surname is not None else None
    if speaker is not None:
        draft.roles["speaker"] = speaker.code
        person = _person_near(s, speaker)
        if person is not None:
            draft.person, draft.title = person.name, _title_before(text, person.start)
    return draft


# the state's arms export agency speaks for it, unlike a state-run firm defending its own business
_STATE_FIRM = re.compile(
    r"\bstate(?:-run|-owned)?\s+(?:arms|defen[cs]e|military)\s+(?:exporter|export\s+agency|trader)\s+$",
    re.IGNORECASE,
)


_THE_SERVICE = re.compile(r"\bthe\s+(army|navy|air\s+force)\s+$", re.IGNORECASE)


def _service_said(view: View, cue: Cue) -> Mention | None:
    """'The Nigerian Army has taken delivery of ... VT-4 tanks from Norinco, the army said on Friday':
    the service named before, with its state, speaks, not the last state or firm named."""
    the = _THE_SERVICE.search(view.text, max(0, cue.start - 20), cue.start)
    if the is None:
        return None
    service = the.group(1).lower().split()
    for m in reversed([m for m in view.slots.mentions if m.end <= the.start()]):
        after = view.text[m.end : m.end + 30].lower().replace("'s", "").split()
        if m.kind == "country" and after[: len(service)] == service:
            return m
    return None


_OFFICE_OF = re.compile(rf"\b(?:{_OFFICE}|director|head|chairman)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_TO_THE_VERB = re.compile(r"^(?:'s|’s)?[^,]{0,80},\s*$")


def _office_of_state(view: View, cue: Cue) -> Mention | None:
    """'..., Dmitry Shugaev, director of Russia's Federal Service for Military-Technical Cooperation, said
    on Sunday': the state whose office the speaker holds."""
    for m in reversed([m for m in view.slots.mentions if m.end <= cue.start]):
        if m.kind == "country" and _OFFICE_OF.search(view.text, max(0, m.start - 30), m.start):
            return m if _TO_THE_VERB.match(view.text[m.end : cue.start]) else None
    return None


def _which_said(view: View, cue: Cue) -> Mention | None:
    """'..., a move that drew an angry response from Turkey, which said the decision would harm ...':
    the state a relative 'which' stands for."""
    if not _WHICH.search(view.text, max(0, cue.start - 12), cue.start):
        return None
    before = [m for m in view.slots.mentions if m.end <= cue.start]
    if not before or before[-1].kind not in ("country", "body"):
        return None
    return before[-1] if _WHICH.match(view.text[before[-1].end : cue.start]) else None


def _titled(text: str, clause: Clause, cue: Cue) -> bool:
    """A titled person the gazetteer lacks right before the verb, or right after it ending the clause,
    or an unnamed official of the article's state ('..., a government spokesman said on Wednesday')."""
    before = _ON_DAY.sub(" ", text[max(clause.start, cue.start - 60) : cue.start])
    if (
        _TITLED_BEFORE.search(before)
        or _UNNAMED.search(before)
        or _ITS_OFFICE.search(before)
        or _THE_MINISTRY.search(before)
    ):
        return True
    return bool(_TITLED_AFTER.match(text[cue.end : cue.end + 60]))


def _quoted(view: View, pos: int) -> bool:
    return any(a <= pos < b for a, b in view.quoted)


def _speaker_before(view: View, clause: Clause, cue: Cue) -> Mention | None:
    """The last ungoverned actor before the verb, unless a comma or many words stand between; for a
    second verb of the subject ('..., on Wednesday called Washington's tariffs unjustified and said'),
    the clause's first."""
    s = view.slots
    if clause.opener == "who":
        # 'Prime Minister Imran Khan, who attended the ceremony, thanked Beijing ... and said': the verbs of
        # a relative clause are its antecedent's, whatever they name
        before = [m for m in s.mentions if m.end <= clause.start]
        if before and not view.text[before[-1].end : clause.start].strip(" ,"):
            return before[-1]
    main = clause.opener not in _SUBORDINATE
    if main and _AND_VERB.search(view.text, max(clause.start, cue.start - 12), cue.start):
        first = next(
            (
                m
                for i, m in enumerate(s.mentions)
                if clause.start <= m.start and m.end <= cue.start and s.preps[i] is None
            ),
            None,
        )
        lead = view.text[clause.start : first.start].split() if first is not None else []
        if first is not None and len(lead) <= 3 and not _quoted(view, first.start):
            return first
    for i in range(len(s.mentions) - 1, -1, -1):
        m = s.mentions[i]
        if (
            clause.start <= m.start
            and m.end <= cue.start
            and s.preps[i] is None
            and not _quoted(view, m.start)
        ):
            # 'South Korea, the United States and Japan, together with dozens of other countries, condemned'
            gap = _WHO_CLAUSE.sub(" ", _ALONG_WITH.sub(" ", view.text[m.end : cue.start]))
            gap = _APPOSITION.sub(" ", gap)  # 'Nigerian President Bola Tinubu, the bloc's chairman, urged'
            return m if "," not in gap and len(gap.split()) <= 8 else None
    return _before_who(view, clause, cue)


def _before_who(view: View, clause: Clause, cue: Cue) -> Mention | None:
    """'President Aleksandar Vucic, who has been cautious about publicising the purchase, said on Sunday':
    the verb opens its clause, the speaker ends the clause before the relative one."""
    ci = view.clauses.index(clause) if clause in view.clauses else -1
    if (
        ci < 2
        or not _AUXILIARY.match(view.text, clause.start, cue.start)
        or view.clauses[ci - 1].opener != "who"
    ):
        return None
    before = view.clauses[ci - 2]
    last = [m for m in view.slots.mentions if before.start <= m.start and m.end <= before.end]
    # ('US Deputy National Security Adviser Daleep Singh, who was also in the capital, had warned')
    if last and _TITLE_AND_NAME.fullmatch(view.text[last[-1].end : view.clauses[ci - 1].start].strip(" ,")):
        return last[-1]
    return None


_AUXILIARY = re.compile(r"\s*(?:(?:had|has|have|also|then|later)\s+){0,2}$")
_TITLE_AND_NAME = re.compile(r"(?:[A-Z][\w.'’-]*(?:\s+|$)){0,7}")


# verbs that put their speaker after them ('..., said Kremlin spokesman Dmitry Peskov')
_INVERTING = frozenset(
    {"said", "says", "say", "added", "adds", "stated", "states", "wrote", "writes", "noted", "notes"}
    | {"declared", "insisted", "argued", "asked", "warned", "warns", "announced", "announces"}
)


def _inverted_speaker(view: View, cue: Cue) -> Mention | None:
    """'..., says Pentagon', '..., said Kremlin spokesman Dmitry Peskov.' (a verb after a comma or a
    quote: in 'Tehran has denied arming Moscow.' the state after the verb is its object)."""
    if view.text[: cue.start].rstrip()[-1:] not in (",", '"', "”", "’", "'", ""):
        return None
    if cue.text.lower() not in _INVERTING:
        return None  # '..., the bloc's chairman, urged Niger, Mali and Burkina Faso to': the ones urged
    for m in view.slots.mentions:
        if m.start >= cue.end:
            gap = view.text[cue.end : m.start].split()
            tail = view.text[m.end : m.end + 2]
            if len(gap) <= 3 and (not tail.strip() or tail[:1] in ",.;"):
                return m
            return None
    return None


def _person_near(s: r.Slots, speaker: Mention) -> Mention | None:
    """The person named with an institution: 'Pentagon press secretary John Kirby'."""
    if speaker.kind == "person":
        return speaker
    idx = s.mentions.index(speaker)
    nxt = s.mentions[idx + 1] if idx + 1 < len(s.mentions) else None
    if nxt is not None and nxt.kind == "person" and len(s.text[speaker.end : nxt.start].split()) <= 4:
        return nxt
    return None


def _title_before(text: str, pos: int) -> str | None:
    """The title words right before a name ('Defence Minister'), without a leading 'the' or 'of'."""
    words = text[:pos].split()[-6:]
    title: list[str] = []
    for word in reversed(words):
        if word[-1:] in ',.;:"”' or not _TITLE_WORD.match(word):
            break
        title.insert(0, word)
    while title and title[0].lower() in ("of", "the"):
        title.pop(0)
    return " ".join(title) or None
