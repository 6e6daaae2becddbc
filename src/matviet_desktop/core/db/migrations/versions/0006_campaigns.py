"""Campaign management and attribution: holdout, promo code, audiences, settings, attribution models.

Revision ID: 0006
Revises: 0005 (originally 0001; re-chained after merging `sending`)
Create Date: 2026-11-26 09:50:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0006"
down_revision = "0005"  # chained after the sending migration (merged into this branch)
branch_labels = None
depends_on = None

_CAMPAIGN_COLUMNS: list[sa.Column[Any]] = [
    sa.Column("holdout_pct", sa.Numeric(precision=5, scale=2), server_default="0", nullable=False),
    sa.Column("promo_code", sa.String(length=50), nullable=True),
    sa.Column(
        "exclusion_segment_ids",
        postgresql.JSONB(astext_type=sa.Text()),
        server_default="[]",
        nullable=False,
    ),
    sa.Column("content_subject", sa.Text(), nullable=True),
    sa.Column(
        "template_params", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False
    ),
    sa.Column(
        "channel_settings", postgresql.JSONB(astext_type=sa.Text()), server_default="{}", nullable=False
    ),
    sa.Column("attribution_model", sa.String(length=20), server_default="last_touch", nullable=False),
    sa.Column("estimated_cost", sa.Numeric(precision=15, scale=2), nullable=True),
    sa.Column("audience_frozen_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("paused_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("status_reason", sa.Text(), nullable=True),
]

_ATTRIBUTION_COLUMNS: list[sa.Column[Any]] = [
    sa.Column("model", sa.String(length=20), server_default="last_touch", nullable=False),
    sa.Column("weight", sa.Numeric(precision=7, scale=6), server_default="1", nullable=False),
    sa.Column("is_holdout", sa.Boolean(), server_default="false", nullable=False),
    sa.Column("touched_at", sa.DateTime(timezone=True), nullable=True),
]


def upgrade() -> None:
    for column in _CAMPAIGN_COLUMNS:
        op.add_column("campaigns", column)
    for column in _ATTRIBUTION_COLUMNS:
        op.add_column("campaign_attributions", column)
    op.create_check_constraint(
        op.f("ck_campaign_attributions_model"),
        "campaign_attributions",
        "model IN ('last_touch','first_touch','linear','window')",
    )
    op.create_table(
        "campaign_audience_members",
        sa.Column("campaign_id", sa.UUID(), nullable=False),
        sa.Column("customer_id", sa.UUID(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_audience_members_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_campaign_audience_members_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "customer_id", name=op.f("pk_campaign_audience_members")),
    )
    op.create_table(
        "campaign_audience_uploads",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=True),
        sa.Column("total_rows", sa.Integer(), nullable=False),
        sa.Column("matched", sa.Integer(), nullable=False),
        sa.Column("unknown", sa.Integer(), nullable=False),
        sa.Column("invalid", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("report", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_audience_uploads_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_audience_uploads")),
    )
    op.create_index(
        "ix_campaign_audience_uploads_campaign_id", "campaign_audience_uploads", ["campaign_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_campaign_audience_uploads_campaign_id", table_name="campaign_audience_uploads")
    op.drop_table("campaign_audience_uploads")
    op.drop_table("campaign_audience_members")
    op.drop_constraint(op.f("ck_campaign_attributions_model"), "campaign_attributions", type_="check")
    for column in reversed(_ATTRIBUTION_COLUMNS):
        op.drop_column("campaign_attributions", column.name)
    for column in reversed(_CAMPAIGN_COLUMNS):
        op.drop_column("campaigns", column.name)
