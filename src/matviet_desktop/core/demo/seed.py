"""`matviet demo seed`: a realistic, deterministic Mắt Việt dataset, generated with numpy and loaded with COPY.

The same (seed, as-of date, customer count) always gives the same rows, ids included. Generation
is column-wise; loading runs in one transaction that empties the demo tables, defers secondary
indexes and keys, COPYs every table and rebuilds them. The order aggregates on `customers`
are computed with the data (they equal what `core.customers.stats.refresh_order_stats` gives). See docs/demo-data.md for the distributions.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, text

from matviet_desktop.core.db import bulk
from matviet_desktop.core.demo import catalog as cat
from matviet_desktop.core.demo.calendar import OperationalClock
from matviet_desktop.core.demo.engagements import EngagementRows, build_engagements
from matviet_desktop.core.demo.marketing import (
    COST_PER_MESSAGE,
    TARGET_STATUSES,
    draw_consents,
    draw_targets,
    plan_campaigns,
)
from matviet_desktop.core.demo.population import GENDERS, PERSONAS, Population, draw_population
from matviet_desktop.core.demo.purchases import CHANNELS, STATUSES, build_orders, draw_purchase_times
from matviet_desktop.core.demo.stores import STORES

Progress = Callable[[float, str], None]
VN_TZ = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
DEFAULT_HISTORY_YEARS = 5

# Written in this order; emptied together (TRUNCATE … CASCADE) before a load.
DEMO_TABLES = (
    "stores",
    "products",
    "customers",
    "demo_truth",
    "orders",
    "order_items",
    "campaigns",
    "campaign_costs",
    "campaign_targets",
    "customer_engagements",
)


class DemoDataExists(RuntimeError):
    """The target database already holds business data; seeding would mix two datasets."""


@dataclass
class SeedResult:
    seed: int
    as_of: dt.date
    counts: dict[str, int]
    seconds: float
    phases: dict[str, float] = field(default_factory=dict)


def default_as_of() -> dt.date:
    """Today in Vietnam: the demo data ends yesterday evening."""
    return dt.datetime.now(VN_TZ).date()


def _noop(_fraction: float, _message: str) -> None:
    return None


def seed_demo(
    engine: Engine,
    *,
    customers: int = 20_000,
    seed: int = 7,
    as_of: dt.date | None = None,
    history_years: int = DEFAULT_HISTORY_YEARS,
    replace: bool = False,
    progress: Progress | None = None,
) -> SeedResult:
    """Generate and load the demo dataset into a migrated database.

    Raises:
        DemoDataExists: the demo tables hold rows and `replace` is False.
    """
    report = progress or _noop
    started = time.perf_counter()
    phases: dict[str, float] = {}
    as_of = as_of or default_as_of()
    report(0.01, "Đang sinh dữ liệu khách hàng…")
    data = generate(customers=customers, seed=seed, as_of=as_of, history_years=history_years, progress=report)
    phases["generate"] = time.perf_counter() - started
    with engine.begin() as conn:
        counts = load(conn, data, replace=replace, progress=report)
    phases["load"] = time.perf_counter() - started - phases["generate"]
    report(1.0, "Đã tạo xong dữ liệu mẫu.")
    return SeedResult(seed, as_of, counts, time.perf_counter() - started, phases)


TableColumns = tuple[list[str], list[np.ndarray]]


@dataclass
class DemoData:
    """The drawn dataset; each table's COPY columns are rendered on demand by `build`.

    Rendering lazily lets the loader format one table while the previous one streams to the
    server. Each table renders with its own random generator, so the result does not depend on
    the order in which tables are built.
    """

    builders: dict[str, Callable[[], TableColumns]]
    sequences: dict[str, int]

    def build(self, table: str) -> TableColumns:
        return self.builders[table]()


def generate(
    *,
    customers: int,
    seed: int,
    as_of: dt.date,
    history_years: int = DEFAULT_HISTORY_YEARS,
    progress: Progress = _noop,
) -> DemoData:
    """Every demo table as COPY-ready byte-string columns (no database access)."""
    if customers < 1:
        raise ValueError("customers must be at least 1")
    rng = np.random.default_rng(seed)
    start = as_of.replace(
        year=as_of.year - history_years, day=min(as_of.day, 28) if as_of.month == 2 else as_of.day
    )
    clock = OperationalClock(start, as_of)
    start_s = clock.start_s - 7 * 3600
    end_s = int(np.datetime64(as_of, "s").astype(np.int64)) - 7 * 3600  # midnight in Vietnam
    catalog = cat.build_catalog()

    pop = draw_population(rng, customers, clock, end_s)
    progress(0.08, "Đang sinh lịch sử mua hàng…")
    times = draw_purchase_times(rng, pop, clock, end_s)
    consents = draw_consents(rng, pop, end_s)
    plans = plan_campaigns(as_of)
    targets = draw_targets(rng, pop, consents, times.dropout_s, plans, end_s)
    codes = np.array([p.code.encode() for p in plans] or [b""], dtype="S20")
    percents = np.array([p.percent for p in plans] or [0], dtype=float)
    n_organic = times.customer.size
    orders = build_orders(
        rng,
        pop,
        catalog,
        np.concatenate([times.customer, targets.order_customer]),
        np.concatenate([times.at_s, targets.order_s]),
        np.concatenate([np.full(n_organic, b"", dtype="S20"), codes[targets.order_campaign]]),
        np.concatenate([np.zeros(n_organic), percents[targets.order_campaign]]),
        start_s,
        end_s,
    )
    progress(0.2, "Đang sinh tương tác và chiến dịch…")

    customer_ids = bulk.uuid_text(bulk.new_uuids(rng, pop.n))
    order_ids = bulk.uuid_text(bulk.new_uuids(rng, orders.n))
    order_numbers = np.strings.add(b"DH", bulk.zero_padded_text(np.arange(1, orders.n + 1), 9))
    campaign_ids = bulk.uuid_text(bulk.new_uuids(rng, len(plans) + 2))
    engagements = build_engagements(
        rng,
        pop,
        orders,
        order_ids,
        order_numbers,
        times.dropout_s,
        consents,
        plans,
        targets,
        campaign_ids[: len(plans)],
        clock,
        end_s,
    )

    r_customers, r_campaigns, r_engagements = rng.spawn(3)
    campaign_tables = functools.cache(
        lambda: _campaigns(r_campaigns, plans, targets, campaign_ids, customer_ids, pop, as_of)
    )
    builders: dict[str, Callable[[], TableColumns]] = {
        "stores": _stores,
        "products": lambda: _products(catalog),
        "customers": lambda: _customers(r_customers, pop, consents, customer_ids, orders),
        "demo_truth": lambda: _truth(pop, times.dropout_s, customer_ids),
        "orders": lambda: _orders(orders, order_ids, order_numbers, customer_ids),
        "order_items": lambda: _order_items(orders, order_ids),
        "campaigns": lambda: campaign_tables()[0],
        "campaign_costs": lambda: campaign_tables()[1],
        "campaign_targets": lambda: campaign_tables()[2],
        "customer_engagements": lambda: _engagements(r_engagements, engagements, customer_ids),
    }
    sequences = {"stores": len(STORES), "products": len(catalog.sku)}
    return DemoData(builders, sequences)


def load(
    conn: Connection, data: DemoData, *, replace: bool = False, progress: Progress = _noop
) -> dict[str, int]:
    """COPY generated tables into the database (inside the caller's transaction); returns row counts."""
    existing = {t: conn.execute(text(f"SELECT EXISTS (SELECT 1 FROM {t})")).scalar() for t in DEMO_TABLES}  # noqa: S608
    filled = [t for t, has_rows in existing.items() if has_rows]
    if filled and not replace:
        raise DemoDataExists(
            "Cơ sở dữ liệu đã có dữ liệu trong bảng " + ", ".join(filled) + ": hãy dùng cơ sở dữ liệu trống "
            "hoặc thêm --replace để xoá dữ liệu cũ và tạo lại dữ liệu mẫu."
        )
    conn.execute(text("SET LOCAL synchronous_commit = off"))
    conn.execute(text("SET LOCAL maintenance_work_mem = '512MB'"))
    conn.execute(text(f"TRUNCATE {', '.join(DEMO_TABLES)} RESTART IDENTITY CASCADE"))
    raw = conn.connection.driver_connection
    assert raw is not None
    counts: dict[str, int] = {}
    with bulk.deferred_indexes_and_keys(raw, DEMO_TABLES), raw.cursor() as cur:
        upcoming = data.build(DEMO_TABLES[0])
        for i, table in enumerate(DEMO_TABLES):
            names, cols = upcoming
            progress(0.25 + 0.55 * i / len(DEMO_TABLES), f"Đang nạp bảng {table}…")
            following = DEMO_TABLES[i + 1] if i + 1 < len(DEMO_TABLES) else None

            def render_next(name: str | None = following) -> None:
                nonlocal upcoming
                if name is not None:
                    upcoming = data.build(name)

            counts[table] = bulk.copy_rows(cur, table, names, cols, freeze=True, while_draining=render_next)
        for table, value in data.sequences.items():
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {int(value)})")
        progress(0.8, "Đang tạo chỉ mục và khoá ngoại…")
    return counts


# ---- table builders: byte-string columns in COPY order ------------------------------------------


def _text(values: list[str]) -> np.ndarray:
    return np.array([v.encode() for v in values], dtype="S")


def _stores() -> tuple[list[str], list[np.ndarray]]:
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


def _products(catalog: cat.Catalog) -> tuple[list[str], list[np.ndarray]]:
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


def _customers(
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


def _truth(pop: Population, dropout_s: np.ndarray, ids: np.ndarray) -> tuple[list[str], list[np.ndarray]]:
    names = np.array([p.name.encode() for p in PERSONAS], dtype="S")
    return ["customer_id", "purchase_rate_per_year", "dropout_at", "spend_scale", "persona"], [
        ids,
        np.char.mod(b"%.6f", pop.rate_per_year).astype("S"),
        bulk.with_nulls(bulk.timestamp_text(np.maximum(dropout_s, 0)), dropout_s < 0),
        bulk.int_text(pop.spend_scale),
        names[pop.persona],
    ]


def _orders(
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


def _order_items(orders: Any, order_ids: np.ndarray) -> tuple[list[str], list[np.ndarray]]:
    n = orders.item_order.size
    return ["id", "order_id", "product_id", "category", "quantity", "unit_price", "discount"], [
        bulk.int_text(np.arange(1, n + 1)),
        order_ids[orders.item_order],
        bulk.int_text(orders.item_product),
        orders.item_category,
        bulk.int_text(orders.item_quantity),
        bulk.int_text(orders.item_unit_price),
        bulk.int_text(orders.item_discount),
    ]


def _campaigns(
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


def _engagements(
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
