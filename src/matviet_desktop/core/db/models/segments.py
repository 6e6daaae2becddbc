"""Segments (plan 1.1): rules and materialised memberships."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base


class SegmentRule(Base):
    __tablename__ = "segment_rules"

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    # 'rfm', 'lifecycle', 'behavioral', 'clv', 'custom'
    rule_type: Mapped[str | None] = mapped_column(String(50))
    conditions: Mapped[Any] = mapped_column(JSONB)
    is_active: Mapped[bool | None] = mapped_column(server_default="true")
    customer_count: Mapped[int | None] = mapped_column(Integer, server_default="0")
    created_at: Mapped[dt.datetime | None] = mapped_column(server_default=func.now())
    updated_at: Mapped[dt.datetime | None] = mapped_column(server_default=func.now())


class CustomerSegment(Base):
    __tablename__ = "customer_segments"
    __table_args__ = (
        UniqueConstraint("customer_id", "segment_rule_id"),
        Index("ix_customer_segments_segment_rule_id", "segment_rule_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    customer_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID, ForeignKey("customers.id", ondelete="CASCADE")
    )
    segment_rule_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID, ForeignKey("segment_rules.id", ondelete="CASCADE")
    )
    assigned_at: Mapped[dt.datetime | None] = mapped_column(server_default=func.now())
    score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
