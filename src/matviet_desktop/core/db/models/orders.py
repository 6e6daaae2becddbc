"""Orders and their line items. Amounts are VND (numeric), never float."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Identity,
    Index,
    Integer,
    Numeric,
    String,
    func,
)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base

ORDER_STATUSES = ("completed", "cancelled", "refunded")
ORDER_CHANNELS = ("in_store", "website", "phone")


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("status IN ('completed','cancelled','refunded')", name="status"),
        CheckConstraint("channel IN ('in_store','website','phone')", name="channel"),
        CheckConstraint("total_amount >= 0", name="total_amount_non_negative"),
        CheckConstraint("discount_amount >= 0", name="discount_amount_non_negative"),
        # `status` included: segment purchase tests probe a customer's orders index-only (0012).
        Index("ix_orders_customer_id_order_date", "customer_id", "order_date", postgresql_include=["status"]),
        Index("ix_orders_store_id_order_date", "store_id", "order_date"),
        Index("ix_orders_order_date", "order_date"),
        Index("ix_orders_promo_code", "promo_code", postgresql_where="promo_code IS NOT NULL"),
        # Segment purchase conditions: completed orders in a date window, index-only (0009).
        Index(
            "ix_orders_completed_order_date",
            "order_date",
            postgresql_include=["customer_id"],
            postgresql_where="status = 'completed'",
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID, primary_key=True, server_default=func.gen_random_uuid())
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("customers.id"))
    store_id: Mapped[int] = mapped_column(ForeignKey("stores.id"))
    order_date: Mapped[dt.datetime]
    total_amount: Mapped[Decimal] = mapped_column(Numeric(15, 2))
    discount_amount: Mapped[Decimal] = mapped_column(Numeric(15, 2), server_default="0")
    status: Mapped[str] = mapped_column(String(20), server_default="completed")
    channel: Mapped[str] = mapped_column(String(20), server_default="in_store")
    promo_code: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())


class OrderItem(Base):
    __tablename__ = "order_items"
    __table_args__ = (
        CheckConstraint(
            "category IN ('glasses','sunglasses','contact_lenses','accessories','eye_exam')", name="category"
        ),
        CheckConstraint("quantity > 0", name="quantity_positive"),
        Index("ix_order_items_order_id", "order_id"),
        # Segment "purchases of category C in a window": index-only, no join to orders (0009).
        Index(
            "ix_order_items_category_completed",
            "category",
            "order_placed_at",
            postgresql_include=["order_customer_id", "order_id"],
            postgresql_where="order_status = 'completed'",
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    order_id: Mapped[uuid.UUID] = mapped_column(UUID, ForeignKey("orders.id", ondelete="CASCADE"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    category: Mapped[str] = mapped_column(String(30))
    quantity: Mapped[int] = mapped_column(Integer, server_default="1")
    unit_price: Mapped[Decimal] = mapped_column(Numeric(15, 2))
    discount: Mapped[Decimal] = mapped_column(Numeric(15, 2), server_default="0")
    # Natural key from the POS ("<order>:<line>"), so item imports are idempotent.
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    # Copies of the order's customer_id, order_date and status, kept exact by triggers (migration
    # 0009): a line inserted without them takes them from its order, and order changes pass on.
    order_customer_id: Mapped[uuid.UUID] = mapped_column(UUID)
    order_placed_at: Mapped[dt.datetime]
    order_status: Mapped[str] = mapped_column(String(20))
