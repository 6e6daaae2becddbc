"""Small builders for hand-made campaign and attribution scenarios (real PostgreSQL, plain SQL)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, text

VN = dt.timezone(dt.timedelta(hours=7))
_seq = itertools.count(1)


def store(conn: Connection, name: str = "Mắt Việt Nguyễn Trãi") -> int:
    n = next(_seq)
    return conn.execute(
        text("INSERT INTO stores (code, name, province) VALUES (:c, :n, 'Hà Nội') RETURNING id"),
        {"c": f"S{n:03d}", "n": name},
    ).scalar_one()


def customer(conn: Connection, full_name: str, phone: str | None = None, **extra: Any) -> uuid.UUID:
    columns = {"full_name": full_name, "phone": phone, **extra}
    names = ", ".join(columns)
    values = ", ".join(f":{k}" for k in columns)
    return conn.execute(
        text(f"INSERT INTO customers ({names}) VALUES ({values}) RETURNING id"),  # noqa: S608 - test data
        columns,
    ).scalar_one()


def campaign(conn: Connection, name: str, **extra: Any) -> uuid.UUID:
    columns: dict[str, Any] = {"name": name, "campaign_type": "sms", "purpose": "advertising", **extra}
    for key in ("exclusion_segment_ids", "template_params", "channel_settings"):
        if key in columns and not isinstance(columns[key], str):
            columns[key] = json.dumps(columns[key])
    names = ", ".join(columns)
    values = ", ".join(f":{k}" for k in columns)
    return conn.execute(
        text(f"INSERT INTO campaigns ({names}) VALUES ({values}) RETURNING id"),  # noqa: S608 - test data
        columns,
    ).scalar_one()


def target(
    conn: Connection, campaign_id: uuid.UUID, customer_id: uuid.UUID, status: str, **extra: Any
) -> None:
    columns = {"campaign_id": campaign_id, "customer_id": customer_id, "status": status, **extra}
    names = ", ".join(columns)
    values = ", ".join(f":{k}" for k in columns)
    conn.execute(text(f"INSERT INTO campaign_targets ({names}) VALUES ({values})"), columns)  # noqa: S608


def order(
    conn: Connection,
    customer_id: uuid.UUID,
    store_id: int,
    when: dt.datetime,
    amount: str | int,
    *,
    status: str = "completed",
    promo_code: str | None = None,
) -> uuid.UUID:
    n = next(_seq)
    return conn.execute(
        text(
            "INSERT INTO orders (external_id, customer_id, store_id, order_date, total_amount, status, promo_code) "
            "VALUES (:e, :c, :s, :d, :a, :st, :p) RETURNING id"
        ),
        {"e": f"O{n:06d}", "c": customer_id, "s": store_id, "d": when, "a": Decimal(str(amount)),
         "st": status, "p": promo_code},
    ).scalar_one()  # fmt: skip
