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
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base


class Campaign(Base):
    __tablename__ = "campaigns"

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
