"""COPY-ready columns for each demo table, rendered from the drawn dataset.

Every function returns (column names, byte-string columns) in COPY order; NULL is bulk.NULL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from matviet_desktop.core.db import bulk
from matviet_desktop.core.demo import catalog as cat
from matviet_desktop.core.demo.engagements import EngagementRows
from matviet_desktop.core.demo.marketing import COST_PER_MESSAGE, TARGET_STATUSES
from matviet_desktop.core.demo.population import GENDERS, PERSONAS, Population
from matviet_desktop.core.demo.purchases import CHANNELS, STATUSES
from matviet_desktop.core.demo.stores import STORES

TableColumns = tuple[list[str], list[np.ndarray]]


def _text(values: list[str]) -> np.ndarray:
    return np.array([v.encode() for v in values], dtype="S")


def stores() -> tuple[list[str], list[np.ndarray]]:
    n = len(STORES)
    return ["id", "code", "name", "province", "district", "opened_at", "is_active"], [
        bulk.int_text(np.arange(1, n + 1)),
        _text([s.code for s in STORES]),
        _text([s.name for s in STORES]),
        _text([s.province for s in STORES]),
        np.array([s.district.encode() if s.district else bulk.NULL for s in STORES], dtype="S"),
        _text([s.opened_at.isoformat() for s in STORES]),
        np.full(n, b"t"),
    ]


def products(catalog: cat.Catalog) -> tuple[list[str], list[np.ndarray]]:
    return ["id", "sku", "name", "category", "brand", "list_price"], [
        bulk.int_text(np.arange(1, len(catalog.sku) + 1)),
        _text(catalog.sku),
        _text(catalog.name),
        _text(catalog.category),
        _text(catalog.brand),
        bulk.int_text(catalog.price),
    ]


def _decimal_text(numerator: np.ndarray, denominator: np.ndarray, places: int) -> np.ndarray:
    """numerator/denominator rounded half up to `places` decimals, as PostgreSQL's round() does."""
    scale = 10**places
    scaled = (2 * numerator * scale + denominator) // (2 * denominator)
    whole = bulk.int_text(scaled // scale)
    return np.strings.add(np.strings.add(whole, b"."), bulk.zero_padded_text(scaled % scale, places))


def _order_stats(n: int, orders: Any) -> dict[str, np.ndarray]:
    """The aggregates `customers.stats.refresh_order_stats` computes, from the generated orders.

    Computing them here saves a full-table UPDATE of a freshly loaded table; the seed test checks
    that refresh_order_stats finds nothing to change afterwards.
    """
    done = orders.status == 0
    who = orders.customer[done]
    count = np.bincount(who, minlength=n).astype(np.int64)
    total = np.bincount(who, weights=orders.total_amount[done], minlength=n).astype(np.int64)
    discounted = np.bincount(who, weights=(orders.discount_amount[done] > 0), minlength=n).astype(np.int64)
    at = orders.at_s[done]  # orders are sorted by time
    first = np.zeros(n, dtype=np.int64)
    last = np.zeros(n, dtype=np.int64)
    uniq, first_idx = np.unique(who, return_index=True)
    first[uniq] = at[first_idx]
    uniq_r, last_idx = np.unique(who[::-1], return_index=True)
    last[uniq_r] = at[::-1][last_idx]
    none = count == 0
    safe = np.maximum(count, 1)
    return {
        "order_count": bulk.int_text(count),
        "total_spent": bulk.int_text(total),
        "avg_order_value": bulk.with_nulls(_decimal_text(total, safe, 2), none),
        "first_purchase_at": bulk.with_nulls(bulk.timestamp_text(first), none),
        "last_purchase_at": bulk.with_nulls(bulk.timestamp_text(last), none),
        "discount_share": bulk.with_nulls(_decimal_text(discounted, safe, 4), none),
    }


def customers(
    rng: np.random.Generator, pop: Population, consents: Any, ids: np.ndarray, orders: Any
) -> tuple[list[str], list[np.ndarray]]:
    n = pop.n
    created = pop.birth_s - rng.integers(0, 1800, n)
    has_phone = pop.phone != b""
    has_email = pop.email != b""
    digits = np.strings.slice(pop.phone, 1, None)
    local = np.strings.add(b"0", np.strings.slice(pop.phone, 3, None))
    search = pop.name_folded
    phone_part = np.strings.add(np.strings.add(np.strings.add(b" ", digits), b" "), local)
    search = np.where(has_phone, np.strings.add(search, phone_part), search)
    search = np.where(has_email, np.strings.add(np.strings.add(search, b" "), pop.email), search)
    provinces = _text([s.province for s in STORES])
    cols = {
        "id": ids,
        "external_id": np.strings.add(b"KH", bulk.zero_padded_text(np.arange(1, n + 1), 8)),
        "full_name": pop.full_name,
        "phone": bulk.with_nulls(pop.phone, ~has_phone),
        "email": bulk.with_nulls(pop.email, ~has_email),
        "gender": GENDERS[pop.gender],
        "birthday": bulk.with_nulls(bulk.date_text(np.maximum(pop.birthday_days, 0)), pop.birthday_days < 0),
        "province": provinces[pop.province_store_idx],
        "home_store_id": bulk.int_text(pop.store_idx.astype(np.int64) + 1),
        "created_at": bulk.timestamp_text(created),
        "updated_at": bulk.timestamp_text(created),
        "search_text": search,
    }
    for channel in ("sms", "zalo", "email"):
        at = consents.at_s[channel]
        cols[f"{channel}_consent"] = bulk.bool_text(consents.granted[channel])
        cols[f"{channel}_consent_at"] = bulk.with_nulls(bulk.timestamp_text(np.maximum(at, 0)), at < 0)
        cols[f"{channel}_consent_source"] = bulk.with_nulls(
            consents.source[channel], consents.source[channel] == b""
        )
    cols.update(_order_stats(n, orders))
    return list(cols), list(cols.values())


def truth(pop: Population, dropout_s: np.ndarray, ids: np.ndarray) -> tuple[list[str], list[np.ndarray]]:
    names = np.array([p.name.encode() for p in PERSONAS], dtype="S")
    return ["customer_id", "purchase_rate_per_year", "dropout_at", "spend_scale", "persona"], [
        ids,
        np.char.mod(b"%.6f", pop.rate_per_year).astype("S"),
        bulk.with_nulls(bulk.timestamp_text(np.maximum(dropout_s, 0)), dropout_s < 0),
        bulk.int_text(pop.spend_scale),
        names[pop.persona],
    ]


def orders(
    orders: Any, ids: np.ndarray, numbers: np.ndarray, customer_ids: np.ndarray
) -> tuple[list[str], list[np.ndarray]]:
    at = bulk.timestamp_text(orders.at_s)
    return [
        "id",
        "external_id",
        "customer_id",
        "store_id",
        "order_date",
        "total_amount",
        "discount_amount",
        "status",
        "channel",
        "promo_code",
        "created_at",
    ], [
        ids,
        numbers,
        customer_ids[orders.customer],
        bulk.int_text(orders.store_idx.astype(np.int64) + 1),
        at,
        bulk.int_text(orders.total_amount),
        bulk.int_text(orders.discount_amount),
        STATUSES[orders.status],
        CHANNELS[orders.channel],
        bulk.with_nulls(orders.promo_code, orders.promo_code == b""),
        at,
    ]


def order_items(
    orders: Any, order_ids: np.ndarray, customer_ids: np.ndarray
) -> tuple[list[str], list[np.ndarray]]:
    n = orders.item_order.size
    line_order = orders.item_order
    columns = ["id", "order_id", "product_id", "category", "quantity", "unit_price", "discount"]
    # The order's customer, date and status copied on each line (migration 0009), filled here so
    # that the database's per-row fill trigger does not fire for millions of lines.
    columns += ["order_customer_id", "order_placed_at", "order_status"]
    return columns, [
        bulk.int_text(np.arange(1, n + 1)),
        order_ids[line_order],
        bulk.int_text(orders.item_product),
        orders.item_category,
        bulk.int_text(orders.item_quantity),
        bulk.int_text(orders.item_unit_price),
        bulk.int_text(orders.item_discount),
        customer_ids[orders.customer[line_order]],
        bulk.timestamp_text(orders.at_s[line_order]),
        STATUSES[orders.status[line_order]],
    ]


def campaigns(
    rng: np.random.Generator,
    plans: list[Any],
    targets: Any,
    campaign_ids: np.ndarray,
    customer_ids: np.ndarray,
    pop: Population,
    as_of: dt.date,
) -> tuple[
    tuple[list[str], list[np.ndarray]], tuple[list[str], list[np.ndarray]], tuple[list[str], list[np.ndarray]]
]:
    counts = np.bincount(targets.campaign, minlength=len(plans)) if plans else np.zeros(0, dtype=np.int64)
    rows: list[dict[str, bytes]] = []
    cost_rows: list[tuple[bytes, bytes, bytes, bytes, bytes]] = []
    stamp = bulk.timestamp_text
    for k, plan in enumerate(plans):
        cost = COST_PER_MESSAGE[plan.channel]
        total = int(counts[k]) * cost
        start = np.array([plan.start_s])
        rows.append(
            {
                "name": plan.name.encode(),
                "description": plan.description.encode(),
                "campaign_type": plan.channel.encode(),
                "status": b"completed",
                "target_count": str(int(counts[k])).encode(),
                "message_content": plan.message.encode(),
                "scheduled_at": stamp(start)[0],
                "started_at": stamp(start)[0],
                "completed_at": stamp(start + 3 * 3600)[0],
                "budget": str(int(round(total * 1.2, -5))).encode(),
                "cost_per_message": str(cost).encode(),
                "total_cost": str(total).encode(),
                "created_at": stamp(start - 3 * 86400)[0],
            }
        )
        cost_rows.append(
            (
                campaign_ids[k],
                plan.channel.encode(),
                str(total).encode(),
                f"Phí gửi {int(counts[k])} tin".encode(),
                stamp(start + 4 * 3600)[0],
            )
        )
        if plan.channel != "sms":
            cost_rows.append(
                (
                    campaign_ids[k],
                    b"design",
                    b"1500000",
                    "Thiết kế mẫu tin".encode(),
                    stamp(start - 2 * 86400)[0],
                )
            )
    today = np.array([int(np.datetime64(as_of, "s").astype(np.int64)) - 7 * 3600])
    for status, name, when in (
        (b"draft", f"Tết {as_of.year + 1}: tri ân khách hàng thân thiết", 60),
        (b"cancelled", "Flash sale cuối tuần (huỷ)", -20),
    ):
        at = today + when * 86400
        rows.append(
            {
                "name": name.encode(),
                "description": "Chiến dịch mẫu".encode(),
                "campaign_type": b"sms",
                "status": status,
                "target_count": b"0",
                "message_content": "Mắt Việt: ưu đãi dành riêng cho anh/chị.".encode(),
                "scheduled_at": stamp(at)[0],
                "started_at": bulk.NULL,
                "completed_at": bulk.NULL,
                "budget": b"20000000",
                "cost_per_message": b"800",
                "total_cost": b"0",
                "created_at": stamp(today - 30 * 86400)[0],
            }
        )
    names = ["id", *rows[0].keys(), "target_type", "attribution_days", "updated_at"]
    m = len(rows)
    cols = [campaign_ids[:m]] + [np.array([r[key] for r in rows], dtype="S") for key in rows[0]]
    cols += [np.full(m, b"segment"), np.full(m, b"7"), np.array([r["created_at"] for r in rows], dtype="S")]
    cost_cols = [np.array([r[i] for r in cost_rows], dtype="S") for i in range(5)]
    cost_ids = bulk.uuid_text(bulk.new_uuids(rng, len(cost_rows)))

    t = targets
    channel = np.array([p.channel for p in plans] or ["sms"])[t.campaign]
    phone = np.where(pop.phone[t.customer] == b"", bulk.NULL, pop.phone[t.customer])
    email = np.where(pop.email[t.customer] == b"", bulk.NULL, pop.email[t.customer])
    target_cols = [
        bulk.uuid_text(bulk.new_uuids(rng, t.customer.size)),
        campaign_ids[t.campaign],
        customer_ids[t.customer],
        np.where(channel == "email", bulk.NULL, phone),
        np.where(channel == "email", email, bulk.NULL),
        TARGET_STATUSES[t.status],
        stamp(t.sent_s),
        bulk.with_nulls(stamp(np.maximum(t.delivered_s, 0)), t.delivered_s < 0),
        bulk.with_nulls(stamp(np.maximum(t.opened_s, 0)), t.opened_s < 0),
        bulk.with_nulls(stamp(np.maximum(t.clicked_s, 0)), t.clicked_s < 0),
        bulk.with_nulls(t.error, t.error == b""),
    ]
    return (
        (names, cols),
        (["id", "campaign_id", "cost_type", "amount", "description", "created_at"], [cost_ids, *cost_cols]),
        (
            [
                "id",
                "campaign_id",
                "customer_id",
                "phone",
                "email",
                "status",
                "sent_at",
                "delivered_at",
                "opened_at",
                "clicked_at",
                "error_message",
            ],
            target_cols,
        ),
    )


def engagements(
    rng: np.random.Generator, rows: EngagementRows, customer_ids: np.ndarray
) -> tuple[list[str], list[np.ndarray]]:
    return ["id", "customer_id", "engagement_type", "channel", "reference_id", "metadata", "created_at"], [
        bulk.uuid_text(bulk.new_uuids(rng, rows.n)),
        customer_ids[rows.customer],
        rows.type,
        rows.channel,
        rows.reference,
        rows.metadata,
        bulk.timestamp_text(rows.at_s),
    ]
