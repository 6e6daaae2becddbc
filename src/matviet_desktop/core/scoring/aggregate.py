"""The one SQL aggregate the scoring engine reads: a row per customer, as of a moment.

Same-day orders are merged into one purchase day (the BTYD convention). Everything is computed
next to the data; Python receives one row per customer through COPY.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import numpy as np
import pandas as pd
import psycopg
from psycopg import sql

from matviet_desktop.core.scoring import engagement
from matviet_desktop.core.scoring.settings import ScoringSettings

LOCAL_TZ = "Asia/Ho_Chi_Minh"
T = TypeVar("T")

# CTEs shared with the stored facts (core.scoring.facts): `o` completed orders with their local
# day and timing slot, `d` purchase days, `w` purchase days numbered with the previous one, `ps`
# preferred store, `pc` preferred category. Placeholders: {orders} (the table), {orders_where}
# and {items_where} (which orders and order lines).
PURCHASE_DAY_CTES = """
o AS (
    -- Local day and hour as integers since the epoch (Vietnam is UTC+7 all year, no DST since
    -- 1975): plain float/int arithmetic per order instead of four time-zone conversions.
    SELECT customer_id, store_id, order_date, total_amount, channel,
           discount_amount > 0 AS has_discount,
           CASE WHEN discount_amount > 0 OR promo_code IS NOT NULL THEN total_amount::float8 ELSE 0 END
               AS discounted_amount,
           floor((date_part('epoch', order_date) + 25200) / 86400)::int AS day,
           -- Purchase-timing slot 0-5: weekday/weekend x morning (<12h), afternoon (<17h), evening.
           CASE WHEN (floor((date_part('epoch', order_date) + 25200) / 86400)::int + 3) % 7 >= 5
                THEN 3 ELSE 0 END
           + CASE WHEN floor((date_part('epoch', order_date) + 25200) / 3600)::int % 24 < 12 THEN 0
                  WHEN floor((date_part('epoch', order_date) + 25200) / 3600)::int % 24 < 17 THEN 1
                  ELSE 2 END AS slot
    FROM {orders}
    WHERE status = 'completed' AND {orders_where}
), d AS (
    SELECT customer_id, day,
           count(*) AS n, sum(total_amount) AS amt, sum(discounted_amount) AS disc_amt,
           count(*) FILTER (WHERE channel = 'in_store') AS n_store,
           count(*) FILTER (WHERE has_discount) AS n_disc,
           min(store_id) AS store_id, bool_or(channel = 'in_store') AS any_store,
           min(order_date) AS first_at, max(order_date) AS last_at,
           count(*) FILTER (WHERE slot = 0) AS t0,
           count(*) FILTER (WHERE slot = 1) AS t1,
           count(*) FILTER (WHERE slot = 2) AS t2,
           count(*) FILTER (WHERE slot = 3) AS t3,
           count(*) FILTER (WHERE slot = 4) AS t4,
           count(*) FILTER (WHERE slot = 5) AS t5
    FROM o
    GROUP BY customer_id, day
), w AS (
    SELECT d.*,
           lag(day) OVER (PARTITION BY customer_id ORDER BY day) AS prev_day,
           row_number() OVER (PARTITION BY customer_id ORDER BY day) AS k
    FROM d
)"""
PREFERENCE_CTES = """
ps AS (
    SELECT DISTINCT ON (customer_id) customer_id, store_id
    FROM (SELECT customer_id, store_id, count(*) AS n, max(order_date) AS last_at
          FROM {orders} WHERE status = 'completed' AND {orders_where}
          GROUP BY customer_id, store_id) s
    ORDER BY customer_id, n DESC, last_at DESC, store_id
), pc AS (
    -- Order lines carry their order's customer, date and status (migration 0009): no join.
    SELECT DISTINCT ON (customer_id) customer_id, category
    FROM (SELECT order_customer_id AS customer_id, category, sum(quantity * unit_price - discount) AS spend
          FROM order_items
          WHERE order_status = 'completed' AND {items_where}
          GROUP BY order_customer_id, category) s
    ORDER BY customer_id, spend DESC, category
)"""

# Columns returned in this order; money stays text until the model needs floats (exact write-back).
_AGGREGATE = (
    "WITH"  # noqa: S608 - constant SQL fragments
    + PURCHASE_DAY_CTES
    + """, c AS (
    SELECT customer_id,
           sum(n)::int AS n_orders, count(*)::int AS n_days,
           ({as_of_day} - min(day)) AS days_since_first, ({as_of_day} - max(day)) AS days_since_last,
           (max(day) - min(day)) AS span_days, (max(day) - max(prev_day)) AS gap_before_last,
           sum(amt) AS total_spent, sum(amt::float8) FILTER (WHERE k = 1) AS first_day_amount,
           round(sum(amt) / sum(n), 2) AS avg_order_value,
           round(sum(n_disc)::numeric / sum(n), 4) AS order_discount_share,
           sum(disc_amt) AS discounted_spend,
           sum(n_store)::int AS n_in_store, (sum(n) - sum(n_store))::int AS n_online,
           sum(t0)::int AS t0, sum(t1)::int AS t1, sum(t2)::int AS t2,
           sum(t3)::int AS t3, sum(t4)::int AS t4, sum(t5)::int AS t5,
           min(store_id) FILTER (WHERE k = 1) AS first_store_id,
           bool_or(any_store) FILTER (WHERE k = 1) AS first_in_store,
           min(first_at) AS first_purchase_at, max(last_at) AS last_purchase_at,
           sum(exp(-{decay} * ({as_of_day} - day)::float8)) AS decayed_purchases
    FROM w
    GROUP BY customer_id
),"""
    + PREFERENCE_CTES
    + """, e AS (
    SELECT ce.customer_id,
           sum(wt.weight * exp(-{decay} * date_part('epoch', {as_of} - ce.created_at) / 86400.0)) AS decayed_other
    FROM customer_engagements ce
    JOIN unnest({types}::text[], {weights}::float8[]) AS wt(engagement_type, weight)
      ON wt.engagement_type = ce.engagement_type
    WHERE ce.created_at <= {as_of} AND {part_engagements}
    GROUP BY ce.customer_id
)
SELECT cu.id AS customer_id, coalesce(c.n_orders, 0) AS n_orders, coalesce(c.n_days, 0) AS n_days,
       c.days_since_first, c.days_since_last, c.span_days, c.gap_before_last,
       c.total_spent, c.first_day_amount, c.discounted_spend,
       c.avg_order_value, c.order_discount_share,
       coalesce(c.n_in_store, 0) AS n_in_store, coalesce(c.n_online, 0) AS n_online,
       coalesce(c.t0, 0) AS t0, coalesce(c.t1, 0) AS t1, coalesce(c.t2, 0) AS t2,
       coalesce(c.t3, 0) AS t3, coalesce(c.t4, 0) AS t4, coalesce(c.t5, 0) AS t5,
       c.first_store_id, c.first_in_store, c.first_purchase_at, c.last_purchase_at,
       coalesce(c.decayed_purchases, 0) AS decayed_purchases, coalesce(e.decayed_other, 0) AS decayed_other,
       ps.store_id AS preferred_store_id, pc.category AS preferred_category,
       -- Whether customers' stored order aggregates differ (core.customers.stats definitions), so
       -- that only those rows are written back; free here, since customers is joined anyway.
       (cu.order_count, cu.total_spent, cu.avg_order_value, cu.first_purchase_at, cu.last_purchase_at,
        cu.discount_share)
       IS DISTINCT FROM
       (coalesce(c.n_orders, 0), coalesce(c.total_spent, 0), c.avg_order_value, c.first_purchase_at,
        c.last_purchase_at, c.order_discount_share) AS order_aggregates_changed
FROM customers cu
LEFT JOIN c ON c.customer_id = cu.id
LEFT JOIN ps ON ps.customer_id = cu.id
LEFT JOIN pc ON pc.customer_id = cu.id
LEFT JOIN e ON e.customer_id = cu.id
WHERE {part_customers}
"""
)

_TEXT_COLUMNS = {
    "customer_id": str,
    "total_spent": str,
    "avg_order_value": str,
    "order_discount_share": str,
    "first_purchase_at": str,
    "last_purchase_at": str,
    "preferred_category": str,
    "first_in_store": str,
    "order_aggregates_changed": str,
}


def aggregate_query(
    as_of: dt.datetime, settings: ScoringSettings, part: tuple[str | None, str | None] = (None, None)
) -> sql.Composed:
    """The aggregate for the customers whose id lies in [part[0], part[1]) (None: unbounded)."""
    types, weights = engagement.non_purchase_weights(settings)
    return sql.SQL(_AGGREGATE).format(
        as_of=sql.Literal(as_of),
        as_of_day=sql.Literal(local_day_number(as_of)),
        # float8, not numeric: exp() over millions of numeric values is ~5x slower.
        decay=sql.SQL("{}::float8").format(sql.Literal(engagement.decay_rate_per_day(settings))),
        types=sql.Literal(types),
        weights=sql.Literal(weights),
        orders=sql.Identifier("orders"),
        orders_where=sql.SQL("order_date <= {} AND {}").format(
            sql.Literal(as_of), id_range("customer_id", part)
        ),
        items_where=sql.SQL("order_placed_at <= {} AND {}").format(
            sql.Literal(as_of), id_range("order_customer_id", part)
        ),
        part_engagements=id_range("ce.customer_id", part),
        part_customers=id_range("cu.id", part),
    )


def local_day_number(moment: dt.datetime) -> int:
    """Days since 1970-01-01 of `moment`'s calendar day in Vietnam (the `day` of the query)."""
    return (moment.astimezone(dt.timezone(dt.timedelta(hours=7))).date() - dt.date(1970, 1, 1)).days


def id_range(column: str, part: tuple[str | None, str | None]) -> sql.Composable:
    lo, hi = part
    conditions: list[sql.Composable] = [sql.SQL("TRUE")]
    if lo is not None:
        conditions.append(sql.SQL("{} >= {}::uuid").format(sql.SQL(column), sql.Literal(lo)))
    if hi is not None:
        conditions.append(sql.SQL("{} < {}::uuid").format(sql.SQL(column), sql.Literal(hi)))
    return sql.SQL(" AND ").join(conditions)


def id_ranges(parts: int) -> list[tuple[str | None, str | None]]:
    """`parts` contiguous ranges of uuid space; random (v4) ids spread evenly over them."""
    bounds = [f"{(k << 128) // parts:032x}" for k in range(1, parts)]
    edges: list[str | None] = [
        None,
        *(f"{b[:8]}-{b[8:12]}-{b[12:16]}-{b[16:20]}-{b[20:]}" for b in bounds),
        None,
    ]
    return list(zip(edges[:-1], edges[1:], strict=True))


def default_partitions() -> int:
    """One aggregate per core (at most four): each scans all orders but aggregates its share."""
    return max(1, min(4, os.cpu_count() or 1))


def read_customer_aggregate(
    conn: psycopg.Connection,
    as_of: dt.datetime,
    settings: ScoringSettings,
    connect: Callable[[], psycopg.Connection] | None = None,
    partitions: int = 1,
) -> pd.DataFrame:
    """One row per customer (including those without orders), via COPY TO STDOUT as CSV."""
    blocks = in_parts(
        conn,
        lambda worker, part: copy_out(worker, aggregate_query(as_of, settings, part), "csv, HEADER true"),
        connect,
        partitions,
    )
    return _parse(b"".join(blocks[:1] + [block.split(b"\n", 1)[1] for block in blocks[1:]]))


def in_parts(
    conn: psycopg.Connection,
    fetch: Callable[[psycopg.Connection, tuple[str | None, str | None]], T],
    connect: Callable[[], psycopg.Connection] | None = None,
    partitions: int = 1,
) -> list[T]:
    """`fetch(connection, id range)` over `partitions` ranges of customer ids, in id order.

    With `connect` and `partitions` > 1 each range runs on its own connection in a thread:
    PostgreSQL's own parallel plan for the aggregate spends most of its time funnelling wide
    rows through Gather Merge into one process, while independent range queries keep every
    core busy to the end. All of them read the snapshot exported by `conn`'s transaction, so
    together they see exactly one consistent state.
    """
    if connect is None or partitions <= 1:
        return [fetch(conn, (None, None))]
    snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]  # type: ignore[index]

    def run(part: tuple[str | None, str | None]) -> T:
        worker = connect()
        try:
            with worker.transaction():
                worker.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                worker.execute(sql.SQL("SET TRANSACTION SNAPSHOT {}").format(sql.Literal(snapshot)))
                worker.execute("SET LOCAL max_parallel_workers_per_gather = 0")  # we are the parallelism
                return fetch(worker, part)
        finally:
            worker.close()

    with ThreadPoolExecutor(max_workers=partitions, thread_name_prefix="scoring-aggregate") as pool:
        return list(pool.map(run, id_ranges(partitions)))


def copy_out(conn: psycopg.Connection, query: sql.Composed, options: str) -> bytes:
    """`COPY (query) TO STDOUT WITH (FORMAT <options>)`, all of it, as bytes."""
    buffer = io.BytesIO()
    copy_sql = sql.SQL("COPY ({}) TO STDOUT WITH (FORMAT {})").format(query, sql.SQL(options))
    with conn.cursor() as cur:
        # One big analytic statement: enough memory to sort in RAM, no JIT compile time, and a
        # sequential scan + sort of orders instead of a random-access index walk by customer.
        cur.execute("SET LOCAL work_mem = '256MB'")
        cur.execute("SET LOCAL jit = off")
        cur.execute("SET LOCAL enable_indexscan = off")
        cur.execute("SET LOCAL enable_bitmapscan = off")
        with cur.copy(copy_sql) as copy:
            for block in copy:
                buffer.write(block)
        cur.execute("SET LOCAL enable_indexscan = on")
        cur.execute("SET LOCAL enable_bitmapscan = on")
    return buffer.getvalue()


def _parse(data: bytes) -> pd.DataFrame:
    frame = pd.read_csv(io.BytesIO(data), dtype=_TEXT_COLUMNS)
    for name in (
        "days_since_first",
        "days_since_last",
        "span_days",
        "gap_before_last",
        "first_store_id",
        "preferred_store_id",
    ):
        frame[name] = pd.to_numeric(frame[name]).astype(np.float64)
    return frame
