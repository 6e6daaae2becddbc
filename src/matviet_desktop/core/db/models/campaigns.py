"""Campaigns (plan 2.1): campaigns, their targets, costs and revenue attribution."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import UUID
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
