"""Segment revenue rollup for the segment-performance dashboard, and an index on orders.created_at.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "segment_revenue_daily",
        sa.Column("segment_rule_id", postgresql.UUID(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", postgresql.UUID(), nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("revenue", sa.Numeric(15, 2), nullable=False),
        sa.PrimaryKeyConstraint(
            "segment_rule_id", "day", "store_id", "customer_id", name=op.f("pk_segment_revenue_daily")
        ),
    )
    op.create_table(
        "segment_revenue_rollup_state",
        sa.Column("segment_rule_id", postgresql.UUID(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("orders_through", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["segment_rule_id"],
            ["segment_rules.id"],
            name=op.f("fk_segment_revenue_rollup_state_segment_rule_id_segment_rules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("segment_rule_id", name=op.f("pk_segment_revenue_rollup_state")),
    )
    op.create_index("ix_orders_created_at", "orders", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_orders_created_at", table_name="orders")
    op.drop_table("segment_revenue_rollup_state")
    op.drop_table("segment_revenue_daily")
