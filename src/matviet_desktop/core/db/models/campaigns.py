"""Campaigns (plan 2.1): campaigns, their targets, costs and revenue attribution."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base


class Campaign(Base):
    __tablename__ = "campaigns"
    __table_args__ = (CheckConstraint("purpose IN ('advertising','customer_care')", name="purpose"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    campaign_type: Mapped[str] = mapped_column(String(50))  # 'sms', 'email', 'zalo'
    status: Mapped[str | None] = mapped_column(String(50), server_default="draft")

    target_type: Mapped[str | None] = mapped_column(String(50))  # 'segment', 'csv_upload', 'manual'
    segment_rule_id: Mapped[uuid.UUID | None] = mapped_column(UUID, ForeignKey("segment_rules.id"))
    target_count: Mapped[int | None] = mapped_column(Integer, server_default="0")

    message_content: Mapped[str | None] = mapped_column(Text)
    message_template_id: Mapped[str | None] = mapped_column(String(100))

    scheduled_at: Mapped[dt.datetime | None]
    started_at: Mapped[dt.datetime | None]
    completed_at: Mapped[dt.datetime | None]

    budget: Mapped[Decimal | None] = mapped_column(Numeric(15, 2))
    cost_per_message: Mapped[Decimal | None] = mapped_column(Numeric(10, 4))
    total_cost: Mapped[Decimal | None] = mapped_column(Numeric(15, 2))

    attribution_days: Mapped[int | None] = mapped_column(Integer, server_default="7")

    created_by: Mapped[uuid.UUID | None] = mapped_column(UUID)
    created_at: Mapped[dt.datetime | None] = mapped_column(server_default=func.now())
    updated_at: Mapped[dt.datetime | None] = mapped_column(server_default=func.now())

    # Sending engine (migration 0005). Decree 91/2020 rules apply to 'advertising' only.
    purpose: Mapped[str] = mapped_column(String(20), server_default="customer_care")
    provider: Mapped[str | None] = mapped_column(String(20))  # esms, esms_zns, zalo_zns, smtp, mailgun
    provider_account: Mapped[str] = mapped_column(String(100), server_default="default")
    pause_reason: Mapped[str | None] = mapped_column(Text)
    send_deadline: Mapped[dt.datetime | None]

    # Campaign management (migration 0006).
    holdout_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2), server_default="0")
    promo_code: Mapped[str | None] = mapped_column(String(50))
    exclusion_segment_ids: Mapped[Any] = mapped_column(JSONB, server_default="[]")
    content_subject: Mapped[str | None] = mapped_column(Text)
    template_params: Mapped[Any] = mapped_column(JSONB, server_default="{}")
    channel_settings: Mapped[Any] = mapped_column(JSONB, server_default="{}")
    attribution_model: Mapped[str] = mapped_column(String(20), server_default="last_touch")
    estimated_cost: Mapped[Decimal | None] = mapped_column(Numeric(15, 2))
    audience_frozen_at: Mapped[dt.datetime | None]
    paused_at: Mapped[dt.datetime | None]
    cancelled_at: Mapped[dt.datetime | None]
    status_reason: Mapped[str | None] = mapped_column(Text)


TARGET_STATUSES = (
    "pending",
    "sending",
    "retry_wait",
    "accepted",
    "delivered",
    "failed",
    "in_doubt",
    "cancelled",
    "excluded",
    "holdout",
)


class CampaignAudienceMember(Base):
    """A customer picked by hand or matched from a CSV upload, before the audience is frozen."""

    __tablename__ = "campaign_audience_members"

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    customer_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    source: Mapped[str] = mapped_column(String(20))  # 'manual', 'csv_upload'
    added_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


class CampaignAudienceUpload(Base):
    """The match report of one CSV upload: nothing is dropped silently."""

    __tablename__ = "campaign_audience_uploads"
    __table_args__ = (Index("ix_campaign_audience_uploads_campaign_id", "campaign_id"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    campaign_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("campaigns.id", ondelete="CASCADE"))
    filename: Mapped[str | None] = mapped_column(String(255))
    total_rows: Mapped[int] = mapped_column(Integer)
    matched: Mapped[int] = mapped_column(Integer)
    unknown: Mapped[int] = mapped_column(Integer)
    invalid: Mapped[int] = mapped_column(Integer)
    duplicates: Mapped[int] = mapped_column(Integer)
    report: Mapped[Any] = mapped_column(JSONB)  # rows that did not match, with line number and reason
    uploaded_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


class CampaignTarget(Base):
    __tablename__ = "campaign_targets"
    __table_args__ = (
        UniqueConstraint("campaign_id", "customer_id"),
        Index("ix_campaign_targets_customer_id", "customer_id"),
        # Sending engine (migration 0005): the target rows are the outbox queue.
        CheckConstraint(
            "status IN ('pending','sending','retry_wait','accepted','delivered','failed',"
            "'in_doubt','cancelled','excluded','holdout')",
            name="status",
        ),
        CheckConstraint("(status = 'sending') = (lease_token IS NOT NULL)", name="lease_iff_sending"),
        Index(
            "ix_campaign_targets_ready",
            "campaign_id",
            "next_attempt_at",
            postgresql_where=text("status IN ('pending','retry_wait')"),
        ),
        Index("ix_campaign_targets_leased", "lease_until", postgresql_where=text("status = 'sending'")),
        Index("ix_campaign_targets_accepted", "campaign_id", postgresql_where=text("status = 'accepted'")),
        Index("ix_campaign_targets_batch_id", "batch_id"),
        # Frequency cap (Decree 91: ≤3 advertising messages per address per 24 h across campaigns).
        Index(
            "ix_campaign_targets_phone_first_attempt_at",
            "phone",
            "first_attempt_at",
            postgresql_where=text("first_attempt_at IS NOT NULL"),
        ),
        Index(
            "ix_campaign_targets_email_first_attempt_at",
            text("lower(email)"),
            "first_attempt_at",
            postgresql_where=text("first_attempt_at IS NOT NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID, ForeignKey("campaigns.id", ondelete="CASCADE")
    )
    customer_id: Mapped[uuid.UUID | None] = mapped_column(UUID, ForeignKey("customers.id"))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str | None] = mapped_column(String(50), server_default="pending")
    sent_at: Mapped[dt.datetime | None]
    delivered_at: Mapped[dt.datetime | None]
    opened_at: Mapped[dt.datetime | None]
    clicked_at: Mapped[dt.datetime | None]
    error_message: Mapped[str | None] = mapped_column(Text)

    # Outbox columns (migration 0005). Content is frozen at materialisation so a retry is identical.
    content: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(String(255))  # email
    template_data: Mapped[dict[str, Any] | None] = mapped_column(JSONB)  # ZNS parameters
    request_id: Mapped[str | None] = mapped_column(String(50), unique=True)  # provider idempotency key
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")  # counted at claim
    max_attempts: Mapped[int] = mapped_column(Integer, server_default="8")
    next_attempt_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    first_attempt_at: Mapped[dt.datetime | None]  # start of the provider de-duplication window
    last_attempt_at: Mapped[dt.datetime | None]
    lease_owner: Mapped[uuid.UUID | None] = mapped_column(UUID)
    lease_token: Mapped[uuid.UUID | None] = mapped_column(UUID)  # fencing token, new per claim
    lease_until: Mapped[dt.datetime | None]
    provider_msg_id: Mapped[str | None] = mapped_column(String(100))
    provider_code: Mapped[str | None] = mapped_column(String(30))
    failure_class: Mapped[str | None] = mapped_column(String(20))
    finished_at: Mapped[dt.datetime | None]
    cost: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    batch_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID, ForeignKey("send_batches.id", ondelete="SET NULL")
    )
    exclusion_reason: Mapped[str | None] = mapped_column(String(50))


class CampaignCost(Base):
    __tablename__ = "campaign_costs"
    __table_args__ = (Index("ix_campaign_costs_campaign_id", "campaign_id"),)

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID, ForeignKey("campaigns.id", ondelete="CASCADE")
    )
    cost_type: Mapped[str | None] = mapped_column(String(50))  # 'sms', 'email', 'design', 'other'
    amount: Mapped[Decimal | None] = mapped_column(Numeric(15, 2))
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime | None] = mapped_column(server_default=func.now())


class CampaignAttribution(Base):
    __tablename__ = "campaign_attributions"
    __table_args__ = (
        Index("ix_campaign_attributions_campaign_id", "campaign_id"),
        Index("ix_campaign_attributions_order_id", "order_id"),
        CheckConstraint("model IN ('last_touch','first_touch','linear','window')", name="model"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID, ForeignKey("campaigns.id", ondelete="CASCADE")
    )
    order_id: Mapped[uuid.UUID | None] = mapped_column(UUID, ForeignKey("orders.id"))
    customer_id: Mapped[uuid.UUID | None] = mapped_column(UUID, ForeignKey("customers.id"))
    attributed_revenue: Mapped[Decimal | None] = mapped_column(Numeric(15, 2))
    attribution_type: Mapped[str | None] = mapped_column(String(50))  # 'direct', 'influenced'
    days_after_campaign: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime | None] = mapped_column(server_default=func.now())
    # Migration 0006: which attribution model wrote the row, its share of the order, and whether
    # the customer was in the campaign's holdout group ('window' rows only).
    model: Mapped[str] = mapped_column(String(20), server_default="last_touch")
    weight: Mapped[Decimal] = mapped_column(Numeric(7, 6), server_default="1")
    is_holdout: Mapped[bool] = mapped_column(server_default="false")
    touched_at: Mapped[dt.datetime | None]
