"""Analytics rollups (plan 3.2): pre-aggregated revenue per segment, written at segment refresh."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, Numeric
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base
from matviet_desktop.core.db.models.orders import Order


class SegmentRevenueDaily(Base):
    """Completed orders placed while the customer was a member of the segment, summed per
    (segment, local day, store, customer). The customer stays in the key because "buying
    members" is a distinct count over any date range; the join with membership history at order
    time, the expensive part of the segment dashboard, is done once here."""

    __tablename__ = "segment_revenue_daily"

    # No foreign key: checking it per inserted row cost more than the insert itself; rows of a
    # deleted segment are never read (reads join the segment) and the next rebuild removes them.
    segment_rule_id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)  # Asia/Ho_Chi_Minh
    store_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True)
    orders: Mapped[int] = mapped_column(Integer)
    revenue: Mapped[Decimal] = mapped_column(Numeric(15, 2))


class SegmentRevenueRollupState(Base):
    """When a segment's rollup was built, and the newest order (by `created_at`) it includes:
    orders created later are read live. A segment without a row has no rollup yet."""

    __tablename__ = "segment_revenue_rollup_state"

    segment_rule_id: Mapped[uuid.UUID] = mapped_column(
        UUID, ForeignKey("segment_rules.id", ondelete="CASCADE"), primary_key=True
    )
    built_at: Mapped[dt.datetime]
    orders_through: Mapped[dt.datetime | None]


# Orders created after a rollup was built are read live: a range scan on created_at.
Index("ix_orders_created_at", Order.__table__.c.created_at)
