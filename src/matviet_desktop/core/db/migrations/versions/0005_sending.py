"""Sending engine: outbox columns on campaign_targets, campaign sending columns, batches,
attempt audit, workers, rate buckets, provider settings, OAuth tokens, do-not-contact list.

Revision ID: 0005
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)

TARGET_COLUMNS: list[sa.Column] = [
    sa.Column("content", sa.Text(), nullable=True),
    sa.Column("subject", sa.String(length=255), nullable=True),
    sa.Column("template_data", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column("request_id", sa.String(length=50), nullable=True),
    sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
    sa.Column("max_attempts", sa.Integer(), server_default="8", nullable=False),
    sa.Column("next_attempt_at", TS, server_default=sa.text("now()"), nullable=False),
    sa.Column("first_attempt_at", TS, nullable=True),
    sa.Column("last_attempt_at", TS, nullable=True),
    sa.Column("lease_owner", sa.UUID(), nullable=True),
    sa.Column("lease_token", sa.UUID(), nullable=True),
    sa.Column("lease_until", TS, nullable=True),
    sa.Column("provider_msg_id", sa.String(length=100), nullable=True),
    sa.Column("provider_code", sa.String(length=30), nullable=True),
    sa.Column("failure_class", sa.String(length=20), nullable=True),
    sa.Column("finished_at", TS, nullable=True),
    sa.Column("cost", sa.Numeric(precision=12, scale=2), nullable=True),
    sa.Column("batch_id", sa.UUID(), nullable=True),
    sa.Column("exclusion_reason", sa.String(length=50), nullable=True),
]

CAMPAIGN_COLUMNS: list[sa.Column] = [
    sa.Column("purpose", sa.String(length=20), server_default="customer_care", nullable=False),
    sa.Column("provider", sa.String(length=20), nullable=True),
    sa.Column("provider_account", sa.String(length=100), server_default="default", nullable=False),
    sa.Column("pause_reason", sa.Text(), nullable=True),
    sa.Column("send_deadline", TS, nullable=True),
]


def upgrade() -> None:
    op.create_table(
        "send_batches",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=False),
        sa.Column("request_id", sa.String(length=50), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("member_count", sa.Integer(), nullable=False),
        sa.Column("provider_msg_id", sa.String(length=100), nullable=True),
        sa.Column("provider_code", sa.String(length=30), nullable=True),
        sa.Column("created_at", TS, server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_send_batches_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_send_batches")),
        sa.UniqueConstraint("request_id", name=op.f("uq_send_batches_request_id")),
    )
    op.create_index("ix_send_batches_campaign_id", "send_batches", ["campaign_id"])

    for column in CAMPAIGN_COLUMNS:
        op.add_column("campaigns", column)
    op.create_check_constraint(
        op.f("ck_campaigns_purpose"), "campaigns", "purpose IN ('advertising','customer_care')"
    )

    for column in TARGET_COLUMNS:
        op.add_column("campaign_targets", column)
    op.create_unique_constraint(op.f("uq_campaign_targets_request_id"), "campaign_targets", ["request_id"])
    op.create_foreign_key(
        op.f("fk_campaign_targets_batch_id_send_batches"),
        "campaign_targets",
        "send_batches",
        ["batch_id"],
        ["id"],
        ondelete="SET NULL",
    )
    op.create_check_constraint(
        op.f("ck_campaign_targets_status"),
        "campaign_targets",
        "status IN ('pending','sending','retry_wait','accepted','delivered','failed',"
        "'in_doubt','cancelled','excluded','holdout')",
    )
    op.create_check_constraint(
        op.f("ck_campaign_targets_lease_iff_sending"),
        "campaign_targets",
        "(status = 'sending') = (lease_token IS NOT NULL)",
    )
    op.create_index(
        "ix_campaign_targets_ready",
        "campaign_targets",
        ["campaign_id", "next_attempt_at"],
        postgresql_where=sa.text("status IN ('pending','retry_wait')"),
    )
    op.create_index(
        "ix_campaign_targets_leased",
        "campaign_targets",
        ["lease_until"],
        postgresql_where=sa.text("status = 'sending'"),
    )
    op.create_index(
        "ix_campaign_targets_accepted",
        "campaign_targets",
        ["campaign_id"],
        postgresql_where=sa.text("status = 'accepted'"),
    )
    op.create_index("ix_campaign_targets_batch_id", "campaign_targets", ["batch_id"])
    op.create_index(
        "ix_campaign_targets_phone_first_attempt_at",
        "campaign_targets",
        ["phone", "first_attempt_at"],
        postgresql_where=sa.text("first_attempt_at IS NOT NULL"),
    )
    op.create_index(
        "ix_campaign_targets_email_first_attempt_at",
        "campaign_targets",
        [sa.text("lower(email)"), "first_attempt_at"],
        postgresql_where=sa.text("first_attempt_at IS NOT NULL"),
    )

    op.create_table(
        "send_attempts",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("target_id", sa.UUID(), nullable=True),
        sa.Column("batch_id", sa.UUID(), nullable=True),
        sa.Column("attempt_no", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.UUID(), nullable=False),
        sa.Column("lease_token", sa.UUID(), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS, server_default=sa.text("now()"), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("provider_code", sa.String(length=30), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["campaign_targets.id"],
            name=op.f("fk_send_attempts_target_id_campaign_targets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["send_batches.id"],
            name=op.f("fk_send_attempts_batch_id_send_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_send_attempts")),
    )
    op.create_index("ix_send_attempts_target_id", "send_attempts", ["target_id"])
    op.create_index("ix_send_attempts_batch_id", "send_attempts", ["batch_id"])

    op.create_table(
        "workers",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("app_version", sa.String(length=50), nullable=True),
        sa.Column("started_at", TS, server_default=sa.text("now()"), nullable=False),
        sa.Column("last_heartbeat", TS, server_default=sa.text("now()"), nullable=False),
        sa.Column("stopped_at", TS, nullable=True),
        sa.Column("sent_count", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workers")),
    )
    op.create_table(
        "rate_buckets",
        sa.Column("provider_account", sa.String(length=130), nullable=False),
        sa.Column("capacity", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("refill_per_s", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("tokens", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.text("clock_timestamp()"), nullable=False),
        sa.PrimaryKeyConstraint("provider_account", name=op.f("pk_rate_buckets")),
    )
    op.create_table(
        "provider_settings",
        sa.Column("provider", sa.String(length=30), nullable=False),
        sa.Column("setting", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", TS, server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("provider", "setting", name=op.f("pk_provider_settings")),
    )
    op.create_table(
        "oauth_tokens",
        sa.Column("provider", sa.String(length=30), nullable=False),
        sa.Column("access_token", sa.Text(), nullable=True),
        sa.Column("access_expires_at", TS, nullable=True),
        sa.Column("refresh_token", sa.Text(), nullable=True),
        sa.Column("rotated_at", TS, nullable=True),
        sa.Column("rotated_by", sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint("provider", name=op.f("pk_oauth_tokens")),
    )
    op.create_table(
        "do_not_contact",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=255), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=50), nullable=True),
        sa.Column("created_at", TS, server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_do_not_contact")),
    )
    op.create_index("ix_do_not_contact_phone", "do_not_contact", ["phone"])
    op.create_index("ix_do_not_contact_email", "do_not_contact", [sa.text("lower(email)")])


def downgrade() -> None:
    op.drop_table("do_not_contact")
    op.drop_table("oauth_tokens")
    op.drop_table("provider_settings")
    op.drop_table("rate_buckets")
    op.drop_table("workers")
    op.drop_table("send_attempts")
    for name in (
        "ix_campaign_targets_email_first_attempt_at",
        "ix_campaign_targets_phone_first_attempt_at",
        "ix_campaign_targets_batch_id",
        "ix_campaign_targets_accepted",
        "ix_campaign_targets_leased",
        "ix_campaign_targets_ready",
    ):
        op.drop_index(name, table_name="campaign_targets")
    op.drop_constraint(op.f("ck_campaign_targets_lease_iff_sending"), "campaign_targets", type_="check")
    op.drop_constraint(op.f("ck_campaign_targets_status"), "campaign_targets", type_="check")
    op.drop_constraint(
        op.f("fk_campaign_targets_batch_id_send_batches"), "campaign_targets", type_="foreignkey"
    )
    op.drop_constraint(op.f("uq_campaign_targets_request_id"), "campaign_targets", type_="unique")
    for column in reversed(TARGET_COLUMNS):
        op.drop_column("campaign_targets", column.name)
    op.drop_constraint(op.f("ck_campaigns_purpose"), "campaigns", type_="check")
    for column in reversed(CAMPAIGN_COLUMNS):
        op.drop_column("campaigns", column.name)
    op.drop_table("send_batches")
