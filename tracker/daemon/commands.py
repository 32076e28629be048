"""`tracker daemon` (being written)."""

from __future__ import annotations

import click


@click.command("daemon")
def daemon_command() -> None:
    """Run the poller, projections and digest on a schedule (not yet available)."""
    raise click.UsageError("not yet available")
