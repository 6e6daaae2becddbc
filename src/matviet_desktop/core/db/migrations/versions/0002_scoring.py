"""Scoring: scoring runs and the dated lifecycle-stage history (issue 3).

Thresholds, weights and acquisition costs are `app_settings` rows under `scoring.*`, read with
defaults by `core/scoring/settings.py`, so no table is needed for them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 09:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scoring_runs",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("as_of", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), server_default="running", nullable=False),
        sa.Column("customers_scored", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "params",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column(
            "counts",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column(
            "timings",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("error", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('running','succeeded','failed','cancelled')", name=op.f("ck_scoring_runs_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scoring_runs")),
    )
    op.create_index(op.f("ix_scoring_runs_started_at"), "scoring_runs", ["started_at"])
    op.create_table(
        "customer_lifecycle_history",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("customer_id", sa.UUID(), nullable=False),
        sa.Column("stage", sa.String(length=50), nullable=False),
        sa.Column("previous_stage", sa.String(length=50), nullable=True),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_to", sa.DateTime(timezone=True), nullable=True),
        sa.Column("scoring_run_id", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_lifecycle_history_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scoring_run_id"],
            ["scoring_runs.id"],
            name=op.f("fk_customer_lifecycle_history_scoring_run_id_scoring_runs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_lifecycle_history")),
    )
    op.create_index(
        "ix_customer_lifecycle_history_customer_id_valid_from",
        "customer_lifecycle_history",
        ["customer_id", "valid_from"],
    )
    op.create_index(
        "ix_customer_lifecycle_history_valid_from_valid_to",
        "customer_lifecycle_history",
        ["valid_from", "valid_to"],
    )
    op.create_index(
        "uq_customer_lifecycle_history_open",
        "customer_lifecycle_history",
        ["customer_id"],
        unique=True,
        postgresql_where=sa.text("valid_to IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_customer_lifecycle_history_open", table_name="customer_lifecycle_history")
    op.drop_index(
        "ix_customer_lifecycle_history_valid_from_valid_to", table_name="customer_lifecycle_history"
    )
    op.drop_index(
        "ix_customer_lifecycle_history_customer_id_valid_from", table_name="customer_lifecycle_history"
    )
    op.drop_table("customer_lifecycle_history")
    op.drop_index(op.f("ix_scoring_runs_started_at"), table_name="scoring_runs")
    op.drop_table("scoring_runs")
