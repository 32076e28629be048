"""Actor and item mentions of a sentence in one pass over its tokens.

``find_actors`` and ``find_items`` each read every token's opener memo: two Python loops over the
~500 tokens of a seed article at 1.2K instructions a token each (callgrind over bench/extract.py),
while only one token in six can open a name. One loop skips the rest (``NO_OPENER``) and tries the
two finders at the few others; the mentions are the ones the two single-kind finders give.
"""

from __future__ import annotations

from tracker.extract.actors import Mention, actor_at
from tracker.extract.gazetteer import NO_OPENER, Gazetteer
from tracker.extract.items import ItemMention, item_at
from tracker.extract.sentences import Token


def find_names(tokens: list[Token], text: str, gaz: Gazetteer) -> tuple[list[Mention], list[ItemMention]]:
    """``(find_actors(...), find_items(...))`` for the same tokens."""
    actors: list[Mention] = []
    items: list[ItemMention] = []
    actor_from = item_from = 0  # a name hides the names that start inside it
    memo = gaz.opener_memo
    for i, token in enumerate(tokens):
        pair = memo.get(token[0]) or gaz.openers(token[0])
        if pair is NO_OPENER:
            continue
        actor = actor_at(tokens, i, pair[0], text, gaz) if i >= actor_from else None
        if actor is not None:
            size, mention = actor
            if mention is not None:  # None: a blocked phrase
                actors.append(mention)
            actor_from = i + size
        item = item_at(tokens, i, pair[1], text, gaz) if pair[1] and i >= item_from else None
        if item is not None:
            size, item_mention = item
            items.append(item_mention)
            item_from = i + size
    return actors, items
