"""`tracker reextract` and `tracker retract` (being written)."""

from __future__ import annotations

import click


@click.command("reextract")
def reextract_command() -> None:
    """Run the current extractor over stored articles (not yet available)."""
    raise click.UsageError("not yet available")


@click.command("retract")
def retract_command() -> None:
    """Retract an event (not yet available)."""
    raise click.UsageError("not yet available")
