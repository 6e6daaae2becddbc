"""Scoring runs and the dated lifecycle-stage history (issue 3)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Identity, Index, Integer, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB, UUID
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
