"""The append-only event log and projection checkpoints.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa

from alembic import op
from events.schema import POSTGRES_DROP_TRIGGERS, POSTGRES_TRIGGERS, SQLITE_DROP_TRIGGERS, SQLITE_TRIGGERS

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

Position = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "event_log",
        sa.Column("position", Position, primary_key=True, autoincrement=False),
        sa.Column("key", sa.String(255), nullable=False, unique=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("version", sa.SmallInteger(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("chain_hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "projection_checkpoints",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    statements = SQLITE_TRIGGERS if op.get_bind().dialect.name == "sqlite" else POSTGRES_TRIGGERS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    drops = SQLITE_DROP_TRIGGERS if op.get_bind().dialect.name == "sqlite" else POSTGRES_DROP_TRIGGERS
    for statement in drops:
        op.execute(statement)
    op.drop_table("projection_checkpoints")
    op.drop_table("event_log")
