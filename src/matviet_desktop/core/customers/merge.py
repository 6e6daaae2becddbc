"""Merge a duplicate customer into the one that stays, in one transaction.

Everything that points at the duplicate (orders, engagements, segment memberships, campaign
contacts and attributions) moves to the kept customer; empty profile fields are filled from the
duplicate; for each consent channel the most recent recorded decision wins; order aggregates and
`search_text` are recomputed; then the duplicate is deleted. Lifecycle history of the duplicate is
dropped: the next scoring run recomputes the kept customer's stage from the merged orders.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from matviet_desktop.core.db.engine import unit_of_work
from matviet_desktop.core.text import search_text

FILLABLE = ("phone", "email", "gender", "birthday", "province", "home_store_id", "external_id")
CHANNELS = ("sms", "zalo", "email")


@dataclass(frozen=True)
class MergeResult:
    kept_id: uuid.UUID
    removed_id: uuid.UUID
    orders_moved: int
    engagements_moved: int


class MergeError(ValueError):
    pass


def _move(conn: Connection, table: str, keep: uuid.UUID, drop: uuid.UUID, unique_with: str | None = None) -> int:
    """Re-point `table.customer_id`; rows that would collide on (unique_with, customer_id) are dropped."""
    if unique_with:
        conn.execute(
            text(
                f"DELETE FROM {table} d USING {table} k WHERE d.customer_id = :drop "  # noqa: S608
                f"AND k.customer_id = :keep AND k.{unique_with} = d.{unique_with}"
            ),
            {"keep": keep, "drop": drop},
        )
    result = conn.execute(
        text(f"UPDATE {table} SET customer_id = :keep WHERE customer_id = :drop"),  # noqa: S608
        {"keep": keep, "drop": drop},
    )
    return int(result.rowcount or 0)


def merge_customers(engine: Engine, keep_id: uuid.UUID, drop_id: uuid.UUID) -> MergeResult:
    if keep_id == drop_id:
        raise MergeError("Không thể gộp một khách hàng với chính họ.")
    with unit_of_work(engine) as session:
        conn = session.connection()
        rows = {
            r["id"]: dict(r)
            for r in conn.execute(
                text("SELECT * FROM customers WHERE id IN (:a, :b) ORDER BY id FOR UPDATE"),
                {"a": keep_id, "b": drop_id},
            ).mappings()
        }
        if keep_id not in rows or drop_id not in rows:
            raise MergeError("Một trong hai khách hàng không còn tồn tại (có thể đã được gộp).")
        keep, drop = rows[keep_id], rows[drop_id]

        orders = _move(conn, "orders", keep_id, drop_id)
        engagements = _move(conn, "customer_engagements", keep_id, drop_id)
        _move(conn, "customer_segments", keep_id, drop_id, unique_with="segment_rule_id")
        _move(conn, "campaign_targets", keep_id, drop_id, unique_with="campaign_id")
        _move(conn, "campaign_attributions", keep_id, drop_id)
        if conn.execute(text("SELECT to_regclass('customer_lifecycle_history') IS NOT NULL")).scalar_one():
            conn.execute(text("DELETE FROM customer_lifecycle_history WHERE customer_id = :d"), {"d": drop_id})

        updates = {col: drop[col] for col in FILLABLE if keep.get(col) is None and drop.get(col) is not None}
        for ch in CHANNELS:
            at_keep, at_drop = keep[f"{ch}_consent_at"], drop[f"{ch}_consent_at"]
            if at_drop is not None and (at_keep is None or at_drop > at_keep):
                for suffix in ("consent", "consent_at", "consent_source"):
                    updates[f"{ch}_{suffix}"] = drop[f"{ch}_{suffix}"]
        # The duplicate goes first: its phone/external id are unique and may move to the kept row.
        conn.execute(text("DELETE FROM customers WHERE id = :d"), {"d": drop_id})
        merged = {**keep, **updates}
        updates["search_text"] = search_text(merged["full_name"], merged["phone"], merged["email"])
        assignments = ", ".join(f"{col} = :{col}" for col in updates)
        conn.execute(
            text(f"UPDATE customers SET {assignments}, updated_at = now() WHERE id = :keep_id"),  # noqa: S608
            {**updates, "keep_id": keep_id},
        )
        conn.execute(
            text(
                """
                UPDATE customers c SET
                    order_count = a.n, total_spent = a.spent, avg_order_value = a.aov,
                    first_purchase_at = a.first_at, last_purchase_at = a.last_at, discount_share = a.disc
                FROM (
                    SELECT count(*) AS n, coalesce(sum(total_amount), 0) AS spent,
                           avg(total_amount) AS aov, min(order_date) AS first_at, max(order_date) AS last_at,
                           avg((discount_amount > 0)::int)::numeric(5,4) AS disc
                    FROM orders WHERE customer_id = :keep AND status = 'completed'
                ) a WHERE c.id = :keep
                """
            ),
            {"keep": keep_id},
        )
    return MergeResult(keep_id, drop_id, orders, engagements)
