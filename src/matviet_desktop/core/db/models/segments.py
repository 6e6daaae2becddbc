"""Segments (plan 1.1): rules, materialised memberships, membership and size history."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    cast,
    extract,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base
from matviet_desktop.core.db.models.campaigns import CampaignTarget
from matviet_desktop.core.db.models.customers import Customer

SEGMENT_TYPES = ("dynamic", "static")


class SegmentRule(Base):
    __tablename__ = "segment_rules"
    __table_args__ = (
        CheckConstraint("segment_type IN ('dynamic','static')", name="segment_type"),
        UniqueConstraint("builtin_key"),
    )

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

    # Segment engine (issue 4): static segments keep their members, dynamic ones a rule.
    segment_type: Mapped[str] = mapped_column(String(20), server_default="dynamic")
    # Version of the rule language `conditions` is written in.
    rule_version: Mapped[int] = mapped_column(Integer, server_default="1")
    # Set for built-in segments so that `matviet segments builtin` is idempotent.
    builtin_key: Mapped[str | None] = mapped_column(String(100))
    refreshed_at: Mapped[dt.datetime | None]
    created_by: Mapped[uuid.UUID | None] = mapped_column(UUID)
    store_id: Mapped[int | None] = mapped_column(ForeignKey("stores.id"))


class CustomerSegment(Base):
    __tablename__ = "customer_segments"
    __table_args__ = (
        UniqueConstraint("customer_id", "segment_rule_id"),
        Index("ix_customer_segments_segment_rule_id_customer_id", "segment_rule_id", "customer_id"),
    )

    # segment_rule_id has no foreign key (migration 0009): its per-row check repeated itself for
    # every member of a refresh that holds the segment locked; a trigger on `segment_rules`
    # deletes the rows with their segment. Refresh writes time-ordered ids (see refresh.py).
    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    customer_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID, ForeignKey("customers.id", ondelete="CASCADE")
    )
    segment_rule_id: Mapped[uuid.UUID | None] = mapped_column(UUID)
    assigned_at: Mapped[dt.datetime | None] = mapped_column(server_default=func.now())
    score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))


class SegmentMembershipHistory(Base):
    """One stay of a customer in a segment: [joined_at, left_at). Open stays have left_at NULL."""

    __tablename__ = "segment_membership_history"
    __table_args__ = (
        # "Members of S on day D" and flows between segments: range scan per segment,
        # index-only thanks to INCLUDE.
        Index(
            "ix_segment_membership_history_segment_rule_id_joined_at",
            "segment_rule_id",
            "joined_at",
            postgresql_include=["left_at", "customer_id"],
        ),
        # The customer 360 page lists one customer's segment history.
        Index("ix_segment_membership_history_customer_id", "customer_id"),
        # Open stays: refresh closes leavers' stays by (segment, customer); at most one per pair.
        Index(
            "ix_segment_membership_history_open_stays",
            "segment_rule_id",
            "customer_id",
            unique=True,
            postgresql_where=text("left_at IS NULL"),
        ),
    )

    # segment_rule_id without a foreign key, as in CustomerSegment (migration 0009).
    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("customers.id", ondelete="CASCADE"))
    segment_rule_id: Mapped[uuid.UUID] = mapped_column(UUID)
    joined_at: Mapped[dt.datetime]
    left_at: Mapped[dt.datetime | None]


class SegmentSizeHistory(Base):
    """Segment size per day (last refresh of the day wins), for sparklines."""

    __tablename__ = "segment_size_history"

    segment_rule_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("segment_rules.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


# Indexes on other areas' tables that the segment counts need (migration 0003 creates them;
# docs/benchmarks/segments.md has the measurements that justify each).
_customers = Customer.__table__.c
Index("ix_customers_last_purchase_at", _customers.last_purchase_at)  # "bought within / lapsed N days"
# Birthday campaigns: anniversary_within_days compiles to this expression (month * 100 + day).
Index(
    "ix_customers_birthday_month_day",
    cast(extract("month", _customers.birthday), Integer) * 100
    + cast(extract("day", _customers.birthday), Integer),
)
# "Opened a campaign in the last N days": sparse column, partial index covering customer_id.
Index(
    "ix_campaign_targets_opened_at",
    CampaignTarget.__table__.c.opened_at,
    postgresql_where=text("opened_at IS NOT NULL"),
    postgresql_include=["customer_id"],
)
# Consent gates most campaign segments ("reachable by SMS and …"): their counts read a narrow
# partial index of consenting ids instead of the whole customers table (0009). The predicate is
# what the compiler emits for `<channel>_consent eq true`.
for _channel in ("sms", "zalo", "email"):
    Index(
        f"ix_customers_{_channel}_consent_id",
        _customers.id,
        postgresql_where=text(f"COALESCE({_channel}_consent, false)"),
    )
