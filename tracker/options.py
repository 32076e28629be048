"""Option values several commands share: comma-separated lists, a closed set of choices, actors.

A typo in a filter is a usage error that names it (exit 2), never a silently empty listing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import click

from tracker.extract.gazetteer import actor_code

Callback = Callable[[click.Context, click.Parameter, tuple[str, ...]], tuple[str, ...]]


def split(_ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """Repeated and comma-separated values, in order, each once ('--type deal,delivery --type deal')."""
    return tuple(dict.fromkeys(v.strip() for chunk in value for v in chunk.split(",") if v.strip()))


def one_of(known: Iterable[str]) -> Callback:
    """A list option whose values (any case) must be among ``known``."""
    names = sorted(set(known))

    def check(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
        values = tuple(v.lower() for v in split(ctx, param, value))
        unknown = [v for v in values if v not in names]
        if unknown:
            raise click.BadParameter(f"unknown {', '.join(map(repr, unknown))} (known: {', '.join(names)})")
        return values

    return check


def _code(value: str) -> str:
    code = actor_code(value)
    if code is None:
        raise click.BadParameter(
            f"no country or body named {value!r} (a code such as IND, or a name such as India)"
        )
    return code


def actor(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """One actor by code or name in any case: 'IND', 'ind', 'India', 'IN', 'the U.S.', 'EU'."""
    return None if value is None else _code(value)


def actors(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """Several actors (repeated or comma-separated), each as ``actor`` reads it."""
    return tuple(dict.fromkeys(_code(v) for v in split(ctx, param, value)))
