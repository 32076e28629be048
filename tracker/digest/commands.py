"""`tracker digest` (being written)."""

from __future__ import annotations

import click


@click.command("digest")
def digest_command() -> None:
    """Export the daily digest (not yet available)."""
    raise click.UsageError("not yet available")
