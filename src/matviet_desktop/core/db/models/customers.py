"""Customers, their engagement timeline, and the demo generator's latent truth."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base

ENGAGEMENT_TYPES = (
    "purchase",
    "store_visit",
    "eye_exam",
    "nps_response",
    "campaign_sent",
    "campaign_delivered",
    "campaign_opened",
    "campaign_clicked",
    "opt_out",
)


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (
        CheckConstraint("gender IN ('male','female','other')", name="gender"),
        Index(
            "ix_customers_search_text_prefix",
            "search_text",
            postgresql_ops={"search_text": "text_pattern_ops"},
        ),
        Index("ix_customers_home_store_id", "home_store_id"),
        Index("ix_customers_email", text("lower(email)")),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(255))
    # Canonical +84… form; unique when present (NULLs are distinct in PostgreSQL).
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    email: Mapped[str | None] = mapped_column(String(255))
    gender: Mapped[str | None] = mapped_column(String(10))
    birthday: Mapped[dt.date | None] = mapped_column(Date)
    province: Mapped[str | None] = mapped_column(String(100))
    home_store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"))
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())

    # Per-channel marketing consent: granted flag, when, where it came from.
    sms_consent: Mapped[bool] = mapped_column(server_default="false")
    sms_consent_at: Mapped[dt.datetime | None]
    sms_consent_source: Mapped[str | None] = mapped_column(String(50))
    zalo_consent: Mapped[bool] = mapped_column(server_default="false")
    zalo_consent_at: Mapped[dt.datetime | None]
    zalo_consent_source: Mapped[str | None] = mapped_column(String(50))
    email_consent: Mapped[bool] = mapped_column(server_default="false")
    email_consent_at: Mapped[dt.datetime | None]
    email_consent_source: Mapped[str | None] = mapped_column(String(50))

    # Lower case, diacritics removed (name, phone digits, email): searched without extensions.
    search_text: Mapped[str] = mapped_column(Text, server_default="")

    # Order aggregates over completed orders (refreshed by core.customers.stats, read by segments).
    order_count: Mapped[int] = mapped_column(Integer, server_default="0")
    total_spent: Mapped[Decimal] = mapped_column(Numeric(15, 2), server_default="0")
    avg_order_value: Mapped[Decimal | None] = mapped_column(Numeric(15, 2))
    first_purchase_at: Mapped[dt.datetime | None]
    last_purchase_at: Mapped[dt.datetime | None]
    discount_share: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))


class CustomerScore(Base):
    """Plan 1.1's scored metrics, one row per scored customer, written only by the scoring engine.

    Kept apart from `customers` because every run rewrites all of it: the engine builds the next
    version of this table with COPY and swaps it in at commit, which costs a fraction of updating
    a million wide, heavily indexed customer rows (docs/benchmarks/scoring.md). Readers LEFT JOIN
    it; a customer created since the last run simply has no row yet.
    """

    __tablename__ = "customer_scores"
    __table_args__ = (
        Index("ix_customer_scores_lifecycle_stage", "lifecycle_stage"),
        Index("ix_customer_scores_clv_tier", "clv_tier"),
        Index("ix_customer_scores_rfm_segment", "rfm_segment"),
    )

    customer_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    lifecycle_stage: Mapped[str | None] = mapped_column(String(50))
    clv_predicted: Mapped[Decimal | None] = mapped_column(Numeric(15, 2))
    clv_tier: Mapped[str | None] = mapped_column(String(20))
    engagement_score: Mapped[int | None] = mapped_column(Integer)
    churn_risk: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    days_to_next_purchase: Mapped[int | None] = mapped_column(Integer)
    preferred_channel: Mapped[str | None] = mapped_column(String(50))
    preferred_category: Mapped[str | None] = mapped_column(String(100))
    rfm_recency_days: Mapped[int | None] = mapped_column(Integer)
    rfm_r: Mapped[int | None] = mapped_column(SmallInteger)
    rfm_f: Mapped[int | None] = mapped_column(SmallInteger)
    rfm_m: Mapped[int | None] = mapped_column(SmallInteger)
    rfm_segment: Mapped[str | None] = mapped_column(String(40))
    clv_formula: Mapped[Decimal | None] = mapped_column(Numeric(15, 2))
    p_alive: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))
    expected_purchases_1y: Mapped[Decimal | None] = mapped_column(Numeric(8, 4))
    price_sensitivity: Mapped[Decimal | None] = mapped_column(Numeric(5, 4))
    # No foreign key: derived from orders (whose store_id has one) and rewritten every run.
    preferred_store_id: Mapped[int | None] = mapped_column(Integer)
    purchase_timing: Mapped[str | None] = mapped_column(String(30))
    scored_at: Mapped[dt.datetime] = mapped_column()


class CustomerEngagement(Base):
    """One touchpoint; `created_at` is when it happened (plan 1.1 naming)."""

    __tablename__ = "customer_engagements"
    __table_args__ = (
        # Covering for segment event tests: per-customer probes and per-type hashed sets (0012).
        Index(
            "ix_customer_engagements_customer_id_engagement_type_created_at",
            "customer_id",
            "engagement_type",
            "created_at",
        ),
        Index(
            "ix_customer_engagements_engagement_type_created_at",
            "engagement_type",
            "created_at",
            postgresql_include=["customer_id"],
        ),
        Index("ix_customer_engagements_reference_id", "reference_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    customer_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("customers.id", ondelete="CASCADE"))
    engagement_type: Mapped[str] = mapped_column(String(50))
    channel: Mapped[str | None] = mapped_column(String(50))
    reference_id: Mapped[uuid.UUID | None] = mapped_column(UUID)
    metadata_: Mapped[Any | None] = mapped_column("metadata", JSONB)
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


class DemoTruth(Base):
    """What the demo generator drew per customer, so model accuracy can be measured on demo data."""

    __tablename__ = "demo_truth"

    customer_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True
    )
    purchase_rate_per_year: Mapped[float] = mapped_column()
    dropout_at: Mapped[dt.datetime | None]
    spend_scale: Mapped[Decimal] = mapped_column(Numeric(15, 2))
    persona: Mapped[str] = mapped_column(String(30))
