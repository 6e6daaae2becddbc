"""Hand-built customers and orders for the scoring tests (tiny, explicit, real PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text

VN = ZoneInfo("Asia/Ho_Chi_Minh")
AS_OF = dt.datetime(2026, 6, 1, 12, 0, tzinfo=VN)
_seq = itertools.count(1)


def add_stores(conn: Connection) -> None:
    conn.execute(
        text(
            "INSERT INTO stores (code, name, province) VALUES "
            "('HCM01', 'Mắt Việt Quận 1', 'TP. Hồ Chí Minh'), ('HN01', 'Mắt Việt Hoàn Kiếm', 'Hà Nội')"
        )
    )


def add_customer(conn: Connection, name: str) -> uuid.UUID:
    return conn.execute(
        text("INSERT INTO customers (full_name) VALUES (:n) RETURNING id"), {"n": name}
    ).scalar_one()


def add_order(
    conn: Connection,
    customer: uuid.UUID,
    days_ago: int,
    amount: int = 2_000_000,
    *,
    as_of: dt.datetime = AS_OF,
    channel: str = "in_store",
    store_code: str = "HCM01",
    discount: int = 0,
    category: str = "glasses",
    status: str = "completed",
    hour: int = 10,
) -> None:
    day = as_of.astimezone(VN).date() - dt.timedelta(days=days_ago)
    when = dt.datetime.combine(day, dt.time(hour), tzinfo=VN)
    order_id = conn.execute(
        text(
            "INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount, "
            "discount_amount, status, channel) VALUES (:ext, :c, (SELECT id FROM stores WHERE code = :s), "
            ":d, :a, :disc, :st, :ch) RETURNING id"
        ),
        {
            "ext": f"T{next(_seq):07d}",
            "c": customer,
            "s": store_code,
            "d": when,
            "a": amount,
            "disc": discount,
            "st": status,
            "ch": channel,
        },
    ).scalar_one()
    conn.execute(
        text(
            "INSERT INTO order_items (order_id, category, quantity, unit_price, discount) "
            "VALUES (:o, :cat, 1, :p, :disc)"
        ),
        {"o": order_id, "cat": category, "p": amount + discount, "disc": discount},
    )


def add_engagement(
    conn: Connection, customer: uuid.UUID, kind: str, days_ago: int, as_of: dt.datetime = AS_OF
) -> None:
    conn.execute(
        text(
            "INSERT INTO customer_engagements (customer_id, engagement_type, created_at) VALUES (:c, :k, :t)"
        ),
        {"c": customer, "k": kind, "t": as_of - dt.timedelta(days=days_ago)},
    )


def set_setting(conn: Connection, name: str, value: str) -> None:
    conn.execute(
        text(
            "INSERT INTO app_settings (key, value) VALUES (:k, CAST(:v AS jsonb)) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
        ),
        {"k": "scoring." + name, "v": value},
    )
