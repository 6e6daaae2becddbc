"""Scoring runs and the dated lifecycle-stage history (issue 3)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base

SCORING_RUN_STATUSES = ("running", "succeeded", "failed", "cancelled")


class ScoringRun(Base):
    """One `score_all` call: as-of date, fitted parameters, counts, timings and outcome."""

    __tablename__ = "scoring_runs"
    __table_args__ = (
        CheckConstraint("status IN ('running','succeeded','failed','cancelled')", name="status"),
        Index("ix_scoring_runs_started_at", "started_at"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    as_of: Mapped[dt.datetime]
    started_at: Mapped[dt.datetime] = mapped_column(server_default=text("now()"))
    finished_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(20), server_default="running")
    customers_scored: Mapped[int] = mapped_column(Integer, server_default="0")
    # Settings used and fitted model parameters (BG/NBD, Pareto/NBD, Gamma-Gamma).
    params: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    # Distributions written (stage, tier, RFM segment counts) and per-step seconds.
    counts: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    timings: Mapped[dict[str, Any]] = mapped_column(JSONB, server_default=text("'{}'::jsonb"))
    error: Mapped[str | None] = mapped_column(Text)


class CustomerLifecycleHistory(Base):
    """Validity intervals of each customer's lifecycle stage: [valid_from, valid_to).

    `valid_to IS NULL` marks the current stage. "Stage on date D" is
    `valid_from <= D AND (valid_to IS NULL OR valid_to > D)`.
    """

    __tablename__ = "customer_lifecycle_history"
    __table_args__ = (
        Index("ix_customer_lifecycle_history_customer_id_valid_from", "customer_id", "valid_from"),
        Index("ix_customer_lifecycle_history_valid_from_valid_to", "valid_from", "valid_to"),
        # At most one open interval per customer; also the lookup used when closing it.
        Index(
            "uq_customer_lifecycle_history_open",
            "customer_id",
            unique=True,
            postgresql_where=text("valid_to IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("customers.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(50))
    previous_stage: Mapped[str | None] = mapped_column(String(50))
    valid_from: Mapped[dt.datetime]
    valid_to: Mapped[dt.datetime | None]
    scoring_run_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("scoring_runs.id", ondelete="SET NULL")
    )


class CustomerOrderFacts(Base):
    """The as-of-independent part of the scoring aggregate, one row per customer (zeros without
    orders); refreshed by each scoring run for the customers marked changed (migration 0011).
    A cache: UNLOGGED, rebuilt from the orders whenever its state row is gone. The columns a run
    reads in bulk are NOT NULL, with a sentinel for "none" (-1 days, 0 store ids, NaN amounts),
    so that they travel as fixed-width binary COPY."""

    __tablename__ = "customer_order_facts"
    __table_args__ = {"prefixes": ["UNLOGGED"]}

    customer_id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True)
    n_orders: Mapped[int] = mapped_column(Integer)
    n_days: Mapped[int] = mapped_column(Integer)
    # Local (UTC+7) day numbers since 1970-01-01, -1 for none; prev_last_day is the purchase day
    # before the last.
    first_day: Mapped[int] = mapped_column(Integer)
    last_day: Mapped[int] = mapped_column(Integer)
    prev_last_day: Mapped[int] = mapped_column(Integer)
    total_spent: Mapped[Decimal | None] = mapped_column(Numeric)
    # What the model reads (float8 of the exact sum, NaN for none) and the stored aggregates'
    # definitions, computed once per refresh instead of per read.
    total_spent_float: Mapped[float] = mapped_column(Float)
    avg_order_value: Mapped[Decimal | None] = mapped_column(Numeric)
    discount_share: Mapped[Decimal | None] = mapped_column(Numeric)
    first_day_amount: Mapped[float] = mapped_column(Float)
    n_discounted: Mapped[int] = mapped_column(Integer)
    discounted_spend: Mapped[float] = mapped_column(Float)
    n_in_store: Mapped[int] = mapped_column(Integer)
    t0: Mapped[int] = mapped_column(Integer)
    t1: Mapped[int] = mapped_column(Integer)
    t2: Mapped[int] = mapped_column(Integer)
    t3: Mapped[int] = mapped_column(Integer)
    t4: Mapped[int] = mapped_column(Integer)
    t5: Mapped[int] = mapped_column(Integer)
    first_store_id: Mapped[int] = mapped_column(Integer)  # 0 = none
    first_in_store: Mapped[int] = mapped_column(SmallInteger)  # 1 in store, 0 online, -1 none
    first_purchase_at: Mapped[dt.datetime | None]
    last_purchase_at: Mapped[dt.datetime | None]
    # sum(exp(decay * (day - ref_day))) and its engagement analogue: decay to any as-of is one
    # multiplication by exp(-decay * (as_of - ref)).
    purchase_decay_sum: Mapped[float] = mapped_column(Float)
    engagement_decay_sum: Mapped[float] = mapped_column(Float)
    preferred_store_id: Mapped[int] = mapped_column(Integer)  # 0 = none
    # 1-based position in PRODUCT_CATEGORIES (the order_items check constraint); 0 = none.
    preferred_category_code: Mapped[int] = mapped_column(SmallInteger)


# Customers whose orders, order lines or engagements changed since the facts were refreshed
# (written by statement-level triggers). No key: duplicates are fine, and a writer's marker never
# waits on a refresh deleting the same customer's older marker.
scoring_dirty_customers = Table(
    "scoring_dirty_customers",
    Base.metadata,
    Column("customer_id", UUID, nullable=False),
    prefixes=["UNLOGGED"],
)


# Customers whose facts were refreshed since their stored order aggregates were last compared
# with them: the next scoring run writes those that differ.
scoring_pending_aggregates = Table(
    "scoring_pending_aggregates",
    Base.metadata,
    Column("customer_id", UUID, nullable=False),
    prefixes=["UNLOGGED"],
)


class ScoringFactsState(Base):
    """One row while `customer_order_facts` is complete: the settings it was built for."""

    __tablename__ = "scoring_facts_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"), {"prefixes": ["UNLOGGED"]})

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    fingerprint: Mapped[str] = mapped_column(Text)
    ref_day: Mapped[int] = mapped_column(Integer)
    # After a rebuild every customer's stored order aggregates are compared, not only the pending.
    compare_all: Mapped[bool] = mapped_column(Boolean)
    # Engagement types the score weighs: the triggers mark only changes to these.
    engagement_types: Mapped[list[str]] = mapped_column(ARRAY(Text))
    built_at: Mapped[dt.datetime]
