"""The timeline projection: event facts, developments, their versions, actor and item indexes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "timeline_events",
        sa.Column("position", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("dev_id", sa.BigInteger(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("actor_key", sa.String(255), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("retracted_at", sa.BigInteger(), nullable=True),
    )
    op.create_index("ix_timeline_events_dev", "timeline_events", ["dev_id", "position"])
    op.create_table(
        "timeline_developments",
        sa.Column("id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("actor_key", sa.String(255), nullable=False),
        sa.Column("date", sa.String(10), nullable=True),
        sa.Column("precision", sa.String(5), nullable=True),
        sa.Column("start_date", sa.String(10), nullable=True),
        sa.Column("end_date", sa.String(10), nullable=True),
        sa.Column("order_date", sa.String(10), nullable=False),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("first_reported", sa.String(32), nullable=True),
        sa.Column("last_reported", sa.String(32), nullable=True),
        sa.Column("best_position", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
    )
    op.create_index("ix_timeline_dev_key", "timeline_developments", ["actor_key", "type"])
    op.create_index("ix_timeline_dev_order", "timeline_developments", ["order_date"])
    op.create_table(
        "timeline_versions",
        sa.Column("dev_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("position", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("end_date", sa.String(10), nullable=True),
        sa.Column("order_date", sa.String(10), nullable=False),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
    )
    op.create_table(
        "timeline_actors",
        sa.Column("dev_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("actor", sa.String(8), primary_key=True),
    )
    op.create_index("ix_timeline_actors_actor", "timeline_actors", ["actor", "dev_id"])
    op.create_table(
        "timeline_items",
        sa.Column("dev_id", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("norm", sa.String(64), primary_key=True),
    )
    op.create_index("ix_timeline_items_norm", "timeline_items", ["norm", "dev_id"])


def downgrade() -> None:
    op.drop_index("ix_timeline_items_norm", table_name="timeline_items")
    op.drop_table("timeline_items")
    op.drop_table("timeline_versions")
    op.drop_index("ix_timeline_actors_actor", table_name="timeline_actors")
    op.drop_table("timeline_actors")
    op.drop_index("ix_timeline_dev_order", table_name="timeline_developments")
    op.drop_index("ix_timeline_dev_key", table_name="timeline_developments")
    op.drop_table("timeline_developments")
    op.drop_index("ix_timeline_events_dev", table_name="timeline_events")
    op.drop_table("timeline_events")
