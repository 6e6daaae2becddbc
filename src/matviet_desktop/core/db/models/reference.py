"""Reference data: stores, products, application settings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, Date, Identity, Numeric, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from matviet_desktop.core.db.base import Base

PRODUCT_CATEGORIES = ("glasses", "sunglasses", "contact_lenses", "accessories", "eye_exam")


class Store(Base):
    __tablename__ = "stores"

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    province: Mapped[str] = mapped_column(String(100))
    district: Mapped[str | None] = mapped_column(String(100))
    opened_at: Mapped[dt.date | None] = mapped_column(Date)
    is_active: Mapped[bool] = mapped_column(server_default="true")


class Product(Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint(
            "category IN ('glasses','sunglasses','contact_lenses','accessories','eye_exam')", name="category"
        ),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    sku: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    category: Mapped[str] = mapped_column(String(30))
    brand: Mapped[str | None] = mapped_column(String(100))
    list_price: Mapped[Decimal] = mapped_column(Numeric(15, 2))


class AppSetting(Base):
    """Typed settings live in core/settings.py; this is their storage (never secrets)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONB)
    description: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(server_default=func.now())
