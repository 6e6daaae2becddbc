"""Segment engine: segment types, builtins, membership and size history (issue 4).

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-26 09:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "segment_rules",
        sa.Column("segment_type", sa.String(length=20), server_default="dynamic", nullable=False),
    )
    op.add_column(
        "segment_rules", sa.Column("rule_version", sa.Integer(), server_default="1", nullable=False)
    )
    op.add_column("segment_rules", sa.Column("builtin_key", sa.String(length=100), nullable=True))
    op.add_column("segment_rules", sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("segment_rules", sa.Column("created_by", sa.UUID(), nullable=True))
    op.add_column("segment_rules", sa.Column("store_id", sa.Integer(), nullable=True))
    op.create_check_constraint(
        op.f("ck_segment_rules_segment_type"), "segment_rules", "segment_type IN ('dynamic','static')"
    )
    op.create_unique_constraint(op.f("uq_segment_rules_builtin_key"), "segment_rules", ["builtin_key"])
    op.create_foreign_key(
        op.f("fk_segment_rules_store_id_stores"), "segment_rules", "stores", ["store_id"], ["id"]
    )

    op.create_table(
        "segment_membership_history",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("customer_id", sa.UUID(), nullable=False),
        sa.Column("segment_rule_id", sa.UUID(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("left_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_segment_membership_history_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_rule_id"],
            ["segment_rules.id"],
            name=op.f("fk_segment_membership_history_segment_rule_id_segment_rules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segment_membership_history")),
    )
    # Members on day D / flows between segments: a range scan per segment, index-only.
    op.create_index(
        "ix_segment_membership_history_segment_rule_id_joined_at",
        "segment_membership_history",
        ["segment_rule_id", "joined_at"],
        postgresql_include=["left_at", "customer_id"],
    )
    # One customer's segment history (customer 360).
    op.create_index(
        op.f("ix_segment_membership_history_customer_id"), "segment_membership_history", ["customer_id"]
    )

    op.create_table(
        "segment_size_history",
        sa.Column("segment_rule_id", sa.UUID(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["segment_rule_id"],
            ["segment_rules.id"],
            name=op.f("fk_segment_size_history_segment_rule_id_segment_rules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("segment_rule_id", "day", name=op.f("pk_segment_size_history")),
    )


def downgrade() -> None:
    op.drop_table("segment_size_history")
    op.drop_index(op.f("ix_segment_membership_history_customer_id"), table_name="segment_membership_history")
    op.drop_index(
        "ix_segment_membership_history_segment_rule_id_joined_at", table_name="segment_membership_history"
    )
    op.drop_table("segment_membership_history")
    op.drop_constraint(op.f("fk_segment_rules_store_id_stores"), "segment_rules", type_="foreignkey")
    op.drop_constraint(op.f("uq_segment_rules_builtin_key"), "segment_rules", type_="unique")
    op.drop_constraint(op.f("ck_segment_rules_segment_type"), "segment_rules", type_="check")
    for column in ("store_id", "created_by", "refreshed_at", "builtin_key", "rule_version", "segment_type"):
        op.drop_column("segment_rules", column)
