"""One sentence seen by the classifier: its actors, items, money, dates, clauses and cues.

Each part is worked out at first use. Most of the cost of extraction is this
analysis, and a sentence without a cue word yields no event: for it only the
cue scan runs, plus the actor mentions if a statement in the next sentence is
about it ('China condemned the move.'). Offsets are relative to the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from tracker.extract import roles as r
from tracker.extract.actors import Mention
from tracker.extract.amounts import Money, find_money
from tracker.extract.cues import ANALYSTS_GUESS, GUESSED, OPINED, RUMOURED, Cue, cue_matches, find_cues
from tracker.extract.dates import DateMention, find_dates
from tracker.extract.gazetteer import Gazetteer
from tracker.extract.home import bare_mentions, dateline_end
from tracker.extract.items import ItemMention, chosen_items, designations, names_weapons, ship_names
from tracker.extract.names import find_names
from tracker.extract.sentences import Clause, Sentence, Token, clauses, lower, tokenize
from tracker.extract.words import Words, read_words

_BARE_WORDS = (
    *("ministry", "government", "cabinet", "military", "armed forces", "navy", "army", "air force"),
    *("gulf state", "kingdom", "emirate"),
)
_Span = TypeVar("_Span", ItemMention, Money)
_T = TypeVar("_T")


class _once(Generic[_T]):  # lower case: used like @property
    """``functools.cached_property`` without its lock (Python 3.11 takes an RLock on every
    first access: 3% of extraction time); a view is only ever used by one thread."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, view: None, owner: type) -> _once[_T]: ...
    @overload
    def __get__(self, view: object, owner: type) -> _T: ...
    def __get__(self, view: object, owner: type) -> _T | _once[_T]:
        if view is None:
            return self
        value = view.__dict__[self.name] = self.compute(view)
        return value


@dataclass
class View:
    """A sentence (or the headline) with its analysis; ``quoted`` are the spans inside quote marks."""

    sentence: Sentence
    is_title: bool
    quoted: list[tuple[int, int]]
    gaz: Gazetteer
    home: str | None = None  # the article's own country, which 'the defence ministry' stands for
    korea: bool = False  # an article on North Korea, where 'the North' is it
    bloc: str | None = None  # the body 'the bloc' stands for when it is not the EU ('ECOWAS on Saturday ...')

    @property
    def text(self) -> str:
        return self.sentence.text

    def in_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quoted)

    @_once
    def low(self) -> str:
        return lower(self.text)

    @_once
    def words(self) -> Words:
        return read_words(self.low)

    @_once
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @_once
    def names(self) -> tuple[list[Mention], list[ItemMention]]:
        actors, items = find_names(self.tokens, self.text, self.gaz)
        if self.sentence.start == 0 and not self.is_title and actors:
            cut = dateline_end(self.text)
            actors = [m for m in actors if m.start >= cut] if cut else actors
        if self.home and any(w in self.low for w in _BARE_WORDS):
            actors = bare_mentions(self.text, actors, self.home)
        if self.korea and "the north" in self.low:
            actors = _the_north(self.text, actors)
        if self.bloc and "the bloc" in self.low:
            actors = [m._replace(code=self.bloc) if m.text.lower() == "the bloc" else m for m in actors]
        if names_weapons(self.low, self.words):
            taken = [(m.start, m.end) for m in actors] + [(i.start, i.end) for i in items]
            extra = designations(self.tokens, self.text, taken)
            if extra:
                items = sorted([*items, *extra], key=lambda i: i.start)
        ships = ship_names(self.text, items)
        if ships:
            items = sorted([*items, *ships], key=lambda i: i.start)
        return actors, chosen_items(items, self.text, self.low) if items else items

    @_once
    def mentions(self) -> list[Mention]:
        return self.names[0]

    @_once
    def items(self) -> list[ItemMention]:
        return self.names[1]

    @_once
    def hearsay(self) -> bool:
        """Whether the sentence tells a rumour, a report called false (``cues.RUMOURED``) or what
        analysts think could come: looked for once a sentence, not once for each clause that buys,
        delivers or sanctions."""
        text = self.text
        if RUMOURED.found(text) or OPINED.found(text):
            return True
        return ANALYSTS_GUESS.found(text) and GUESSED.found(text)

    @_once
    def money(self) -> list[Money]:
        return find_money(self.text, self.low, self.home)

    @_once
    def dates(self) -> list[DateMention]:
        found = find_dates(self.text, self.low, self.words)
        if any(d.text.isdigit() for d in found):
            # 'its first Mirage 2000-5 fighter jets': a bare number inside an item's name is no year
            found = [d for d in found if not any(i.start <= d.start < i.end for i in self.items)]
        return found

    @_once
    def clauses(self) -> list[Clause]:
        return clauses(self.text, self.low, self.words)

    @_once
    def cues(self) -> list[Cue]:
        """Cue words outside actor and item names; the names are only looked up when a cue word is there."""
        matches = cue_matches(self.low, self.words)
        if not any(matches):
            return []
        taken = [(m.start, m.end) for m in self.mentions] + [(i.start, i.end) for i in self.items]
        return find_cues(self.text, taken, self.low, matches)

    @_once
    def slots(self) -> r.Slots:
        return r.slots(self.text, self.mentions, self.clauses)

    @_once
    def clause_starts(self) -> list[int]:
        return [c.start for c in self.clauses]

    def clause_of(self, pos: int) -> int:
        """The index of the clause holding offset ``pos`` (a boundary belongs to the clause before;
        the last clause when none holds it). Clauses are in order and a separator stands between
        two, so the one holding ``pos`` can only be the last that starts at or before it."""
        i = bisect_right(self.clause_starts, pos) - 1
        return i if i >= 0 and pos <= self.clauses[i].end else len(self.clauses) - 1

    def within(self, clause: Clause, spans: list[_Span]) -> list[_Span]:
        return [x for x in spans if clause.start <= x.start and x.end <= clause.end]


# "Washington blacklisted three senior officials of the North's ruling Workers' Party" (never 'the North
# American Aerospace Defense Command')
_THE_NORTH = re.compile(r"\b[Tt]he (North)(?:'s|’s)?(?![\w-]| [A-Z])")


def _the_north(text: str, actors: list[Mention]) -> list[Mention]:
    added = [
        Mention(m.start(1), m.end(), "PRK", "country", m.group(1))
        for m in _THE_NORTH.finditer(text)
        if not any(x.start < m.end() and m.start(1) < x.end for x in actors)
    ]
    return sorted([*actors, *added], key=lambda x: x.start) if added else actors


def analyse(
    sentence: Sentence,
    is_title: bool,
    quotes: list[tuple[int, int]],
    gaz: Gazetteer,
    home: str | None = None,
    korea: bool = False,
    bloc: str | None = None,
) -> View:
    """The view of a sentence; ``quotes`` are the article's quote spans, kept where they overlap it."""
    local = [
        (max(0, s - sentence.start), e - sentence.start)
        for s, e in quotes
        if s < sentence.end and e > sentence.start
    ]
    return View(sentence, is_title, local, gaz, home, korea, bloc)
