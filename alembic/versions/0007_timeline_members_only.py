"""``timeline_events`` keeps which development each event joined, not a copy of its facts.

The facts (roles, items, dates, status, source) were a JSON copy of what the
event's payload in the log says, written for every event of a rebuild and read
back only to fold a development again; they are now read from the log
(``tracker.timeline.members``). Without them a rebuild writes a sixth less
(bench/timeline.py). The table holds a projection, rebuilt from the log: it is
recreated empty on both backends and the timeline's checkpoint removed, so the
next catch-up rebuilds the whole projection.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _recreate(with_facts=False)


def downgrade() -> None:
    _recreate(with_facts=True)


def _recreate(*, with_facts: bool) -> None:
    op.drop_table("timeline_events")  # its index goes with it
    op.execute(sa.text("DELETE FROM projection_checkpoints WHERE name = 'timeline'"))
    facts = (
        [
            sa.Column("type", sa.String(16), nullable=False),
            sa.Column("actor_key", sa.String(255), nullable=False),
            sa.Column("facts", sa.Text(), nullable=False),
        ]
        if with_facts
        else []
    )
    key = sa.Integer() if op.get_bind().dialect.name == "sqlite" else sa.BigInteger()
    op.create_table(
        "timeline_events",
        sa.Column("position", key, primary_key=True, autoincrement=False),
        sa.Column("dev_id", sa.BigInteger(), nullable=False),
        *facts,
        sa.Column("retracted_at", sa.BigInteger(), nullable=True),
    )
    op.create_index("ix_timeline_events_dev", "timeline_events", ["dev_id", "position"])
