"""`matviet demo seed`: a realistic, deterministic Mắt Việt dataset, generated with numpy and loaded with COPY.

The same (seed, as-of date, customer count) always gives the same rows, ids included. Generation
is column-wise; loading runs in one transaction that empties the demo tables, defers secondary
indexes and keys, COPYs every table and rebuilds them. The order aggregates on `customers`
are computed with the data (they equal what `core.customers.stats.refresh_order_stats` gives).
Table rendering lives in `tables.py`; docs/demo-data.md describes the distributions.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import Connection, Engine, text

from matviet_desktop.core.db import bulk
from matviet_desktop.core.demo import catalog as cat
from matviet_desktop.core.demo import tables
from matviet_desktop.core.demo.calendar import OperationalClock
from matviet_desktop.core.demo.engagements import build_engagements
from matviet_desktop.core.demo.marketing import draw_consents, draw_targets, plan_campaigns
from matviet_desktop.core.demo.population import draw_population
from matviet_desktop.core.demo.purchases import build_orders, draw_purchase_times
from matviet_desktop.core.demo.stores import STORES
from matviet_desktop.core.demo.tables import TableColumns
from matviet_desktop.core.scoring import marks

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
        lambda: tables.campaigns(r_campaigns, plans, targets, campaign_ids, customer_ids, pop, as_of)
    )
    builders: dict[str, Callable[[], TableColumns]] = {
        "stores": tables.stores,
        "products": lambda: tables.products(catalog),
        "customers": lambda: tables.customers(r_customers, pop, consents, customer_ids, orders),
        "demo_truth": lambda: tables.truth(pop, times.dropout_s, customer_ids),
        "orders": lambda: tables.orders(orders, order_ids, order_numbers, customer_ids),
        "order_items": lambda: tables.order_items(orders, order_ids, customer_ids),
        "campaigns": lambda: campaign_tables()[0],
        "campaign_costs": lambda: campaign_tables()[1],
        "campaign_targets": lambda: campaign_tables()[2],
        "customer_engagements": lambda: tables.engagements(r_engagements, engagements, customer_ids),
    }
    # Identity columns given explicit values by COPY: advance them, or the next insert collides.
    sequences = {
        "stores": len(STORES),
        "products": len(catalog.sku),
        "order_items": int(orders.item_order.size),
    }
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
    with (
        marks.unmarked_bulk_load(raw),
        bulk.deferred_indexes_and_keys(raw, DEMO_TABLES),
        raw.cursor() as cur,
    ):
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
