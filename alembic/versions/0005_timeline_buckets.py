"""The timeline's candidate lookup by bucket: (actors, type, start date) in one index.

An event can only join a development of its type and actors dated in its
year (or undated); catch-up loads exactly those buckets with a range scan of
this index instead of every development of the actors (tracker.timeline.memory).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_timeline_dev_key", table_name="timeline_developments")
    op.create_index("ix_timeline_dev_bucket", "timeline_developments", ["actor_key", "type", "start_date"])


def downgrade() -> None:
    op.drop_index("ix_timeline_dev_bucket", table_name="timeline_developments")
    op.create_index("ix_timeline_dev_key", "timeline_developments", ["actor_key", "type"])
