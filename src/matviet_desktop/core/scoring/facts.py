"""Per-customer scoring facts kept between runs, so a daily run re-aggregates only what changed.

`customer_order_facts` holds the part of the scoring aggregate that does not depend on the as-of
moment: counts, sums, first and last purchase day, the purchase day before the last, timing
slots, preferred store and category, and the purchase and engagement decay sums taken relative
to a reference day (exp(-k(as_of - t)) = exp(-k(as_of - ref)) * exp(k(t - ref)), so decaying
to any as-of is one multiplication). Statement-level triggers (migration 0011) mark customers
whose orders, order lines or engagements change; a run re-aggregates those, set-based, before it
reads the facts of every customer.

The facts describe all data to date, so they serve runs whose as-of is not before any order or
weighted engagement; a backdated run (a backtest) uses the full aggregate instead.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor

import psycopg
from psycopg import sql

from matviet_desktop.core.db.models.reference import PRODUCT_CATEGORIES
from matviet_desktop.core.scoring import engagement
from matviet_desktop.core.scoring.aggregate import (
    PREFERENCE_CTES,
    PURCHASE_DAY_CTES,
    id_range,
    id_ranges,
    local_day_number,
)
from matviet_desktop.core.scoring.settings import ScoringSettings

# Bump when the facts query changes meaning: every database rebuilds its facts on the next run.
FACTS_VERSION = 1
# Past this share of customers marked changed (and this many markers), one rebuild beats
# re-aggregating them customer by customer.
REBUILD_SHARE = 0.25
REBUILD_MIN_MARKERS = 50_000
# exp(k * (as_of - ref)) must stay far from float8 overflow (exp(709)); past this, rebuild.
MAX_DECAY_EXPONENT = 300.0

_COLUMNS = (
    "customer_id, n_orders, n_days, first_day, last_day, prev_last_day, total_spent, total_spent_float, "
    "avg_order_value, discount_share, first_day_amount, n_discounted, discounted_spend, n_in_store, "
    "t0, t1, t2, t3, t4, t5, first_store_id, first_in_store, first_purchase_at, last_purchase_at, "
    "purchase_decay_sum, engagement_decay_sum, preferred_store_id, preferred_category_code"
)

# The scoring aggregate (core.scoring.aggregate) without its as-of: same definitions, same order.
_BUILD = (
    "INSERT INTO customer_order_facts ("  # noqa: S608 - constant column list
    + _COLUMNS
    + ")"
    + " WITH"
    + PURCHASE_DAY_CTES
    + """, c AS (
    SELECT customer_id, sum(n)::int AS n_orders, count(*)::int AS n_days,
           min(day) AS first_day, max(day) AS last_day, max(prev_day) AS prev_last_day,
           sum(amt) AS total_spent, sum(amt::float8) FILTER (WHERE k = 1) AS first_day_amount,
           sum(n_disc)::int AS n_discounted, sum(disc_amt) AS discounted_spend,
           sum(n_store)::int AS n_in_store,
           sum(t0)::int AS t0, sum(t1)::int AS t1, sum(t2)::int AS t2,
           sum(t3)::int AS t3, sum(t4)::int AS t4, sum(t5)::int AS t5,
           min(store_id) FILTER (WHERE k = 1) AS first_store_id,
           bool_or(any_store) FILTER (WHERE k = 1) AS first_in_store,
           min(first_at) AS first_purchase_at, max(last_at) AS last_purchase_at,
           sum(exp({decay} * (day - {ref_day})::float8)) AS purchase_decay_sum
    FROM w
    GROUP BY customer_id
),"""
    + PREFERENCE_CTES
    + """, e AS (
    SELECT ce.customer_id,
           sum(wt.weight * exp({decay} * (date_part('epoch', ce.created_at) - {ref_epoch}) / 86400.0))
               AS engagement_decay_sum
    FROM customer_engagements ce
    JOIN unnest({types}::text[], {weights}::float8[]) AS wt(engagement_type, weight)
      ON wt.engagement_type = ce.engagement_type
    WHERE {scope_engagements}
    GROUP BY ce.customer_id
)
-- One row per customer; sentinels instead of NULL in what runs read in bulk (the model's doc).
SELECT cu.id, coalesce(c.n_orders, 0), coalesce(c.n_days, 0),
       coalesce(c.first_day, -1), coalesce(c.last_day, -1), coalesce(c.prev_last_day, -1),
       c.total_spent, coalesce(c.total_spent::float8, 'NaN'),
       -- The stored order aggregates' definitions (core.customers.stats).
       round(c.total_spent / c.n_orders, 2), round(c.n_discounted::numeric / c.n_orders, 4),
       coalesce(c.first_day_amount, 'NaN'), coalesce(c.n_discounted, 0), coalesce(c.discounted_spend, 'NaN'),
       coalesce(c.n_in_store, 0),
       coalesce(c.t0, 0), coalesce(c.t1, 0), coalesce(c.t2, 0), coalesce(c.t3, 0), coalesce(c.t4, 0),
       coalesce(c.t5, 0), coalesce(c.first_store_id, 0), coalesce(c.first_in_store::int, -1),
       c.first_purchase_at, c.last_purchase_at,
       coalesce(c.purchase_decay_sum, 0), coalesce(e.engagement_decay_sum, 0), coalesce(ps.store_id, 0),
       coalesce(array_position({categories}, pc.category), 0)
FROM customers cu
LEFT JOIN c ON c.customer_id = cu.id
LEFT JOIN e ON e.customer_id = cu.id
LEFT JOIN ps ON ps.customer_id = cu.id
LEFT JOIN pc ON pc.customer_id = cu.id
WHERE {scope_customers}
"""
)


def fingerprint(settings: ScoringSettings) -> str:
    """What the stored facts depend on besides the data: rebuilt when it changes."""
    types, weights = engagement.non_purchase_weights(settings)
    return json.dumps(
        {
            "version": FACTS_VERSION,
            "decay": engagement.decay_rate_per_day(settings),
            "types": types,
            "weights": weights,
        },
        sort_keys=True,
    )


def usable_at(conn: psycopg.Connection, as_of: dt.datetime, settings: ScoringSettings) -> bool:
    """The facts describe all data to date: they serve `as_of` only if nothing they count lies after it."""
    types, _ = engagement.non_purchase_weights(settings)
    row = conn.execute(
        "SELECT NOT EXISTS (SELECT 1 FROM orders WHERE status = 'completed' AND order_date > %(t)s) "
        "   AND NOT EXISTS (SELECT 1 FROM customer_engagements "
        "                   WHERE engagement_type = ANY(%(types)s) AND created_at > %(t)s)",
        {"t": as_of, "types": types},
    ).fetchone()
    return bool(row and row[0])


def refresh(
    conn: psycopg.Connection,
    settings: ScoringSettings,
    as_of: dt.datetime,
    connect: Callable[[], psycopg.Connection] | None = None,
    partitions: int = 1,
) -> dict[str, int | str]:
    """Bring the facts up to date (rebuild, or re-aggregate the marked customers), committing as
    it goes: the facts are a cache, right whatever the scoring run does next. The caller holds
    the scoring lock. Returns what was done, for the run's record."""
    with conn.transaction():
        state = conn.execute("SELECT fingerprint, ref_day FROM scoring_facts_state").fetchone()
        marked = conn.execute("SELECT count(*) FROM scoring_dirty_customers").fetchone()[0]  # type: ignore[index]
        customers = conn.execute("SELECT count(*) FROM customers").fetchone()[0]  # type: ignore[index]
    decay = engagement.decay_rate_per_day(settings)
    as_of_day = local_day_number(as_of)
    reason = None
    if state is None:
        reason = "missing"
    elif state[0] == "building":
        reason = "interrupted"  # a rebuild that did not finish
    elif state[0] != fingerprint(settings):
        reason = "settings"
    elif decay * abs(as_of_day - state[1]) > MAX_DECAY_EXPONENT:
        reason = "reference_day"
    elif marked > max(REBUILD_SHARE * customers, REBUILD_MIN_MARKERS):
        reason = "many_changes"
    if reason is not None:
        _rebuild(conn, settings, as_of_day, connect, partitions)
    refreshed = _refresh_marked(conn, settings)
    return {
        "facts": "rebuilt" if reason else "refreshed",
        "facts_reason": reason or "",
        "facts_refreshed": refreshed,
    }


def ref_day(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT ref_day FROM scoring_facts_state").fetchone()
    if row is None:
        raise RuntimeError("customer_order_facts is not built")
    return int(row[0])


def _build_query(
    settings: ScoringSettings, ref: int, scope: Mapping[str, sql.Composable], orders: str = "orders"
) -> sql.Composed:
    types, weights = engagement.non_purchase_weights(settings)
    return sql.SQL(_BUILD).format(
        decay=sql.SQL("{}::float8").format(sql.Literal(engagement.decay_rate_per_day(settings))),
        ref_day=sql.Literal(ref),
        ref_epoch=sql.SQL("{}::float8").format(sql.Literal(ref * 86400.0)),
        types=sql.Literal(types),
        weights=sql.Literal(weights),
        categories=sql.SQL("{}::text[]").format(sql.Literal(list(PRODUCT_CATEGORIES))),
        orders=sql.Identifier(orders),
        **scope,
    )


def _rebuild(
    conn: psycopg.Connection,
    settings: ScoringSettings,
    ref: int,
    connect: Callable[[], psycopg.Connection] | None,
    partitions: int,
) -> None:
    """Facts of every customer from scratch: id ranges in parallel, each in its own transaction.
    Changes committed after the markers are cleared keep their markers for the refresh after."""
    with conn.transaction():
        # A state row that matches no settings: the triggers keep marking changes made while
        # the facts are built (they mark nothing without a state row), and no run trusts them yet.
        conn.execute("DELETE FROM scoring_facts_state")
        conn.execute(
            "INSERT INTO scoring_facts_state (id, fingerprint, ref_day, compare_all, engagement_types, built_at) "
            "VALUES (1, 'building', %s, true, %s, now())",
            (ref, engagement.non_purchase_weights(settings)[0]),
        )
        conn.execute("TRUNCATE customer_order_facts")
        conn.execute("DELETE FROM scoring_dirty_customers")
        conn.execute("DELETE FROM scoring_pending_aggregates")

    def run(part: tuple[str | None, str | None]) -> None:
        worker = connect() if connect is not None and partitions > 1 else conn
        try:
            with worker.transaction():
                # A scan of everything: sort in memory, no JIT, sequential scans over index walks.
                for setting in (
                    "work_mem = '256MB'",
                    "jit = off",
                    "enable_indexscan = off",
                    "enable_bitmapscan = off",
                ):
                    worker.execute(f"SET LOCAL {setting}")
                if worker is not conn:
                    worker.execute("SET LOCAL max_parallel_workers_per_gather = 0")  # we are the parallelism
                scope = {
                    "orders_where": id_range("customer_id", part),
                    "items_where": id_range("order_customer_id", part),
                    "scope_engagements": id_range("ce.customer_id", part),
                    "scope_customers": id_range("cu.id", part),
                }
                worker.execute(_build_query(settings, ref, scope))
        finally:
            if worker is not conn:
                worker.close()

    parts = id_ranges(partitions if connect is not None else 1)
    if len(parts) == 1:
        run(parts[0])
    else:
        with ThreadPoolExecutor(max_workers=len(parts), thread_name_prefix="scoring-facts") as pool:
            list(pool.map(run, parts))
    with conn.transaction():
        conn.execute("ANALYZE customer_order_facts")
        conn.execute(
            "UPDATE scoring_facts_state SET fingerprint = %s, ref_day = %s, compare_all = true, built_at = now()",
            (fingerprint(settings), ref),
        )


def _refresh_marked(conn: psycopg.Connection, settings: ScoringSettings) -> int:
    """Re-aggregate the customers marked since the last refresh, in one transaction. Each statement
    reads a newer snapshot than the marker delete, so it sees every change whose marker it took."""
    with conn.transaction():
        ref = ref_day(conn)
        conn.execute("SET LOCAL work_mem = '256MB'")
        # A few thousand customers' lines and engagements: fetched through their indexes, not by
        # scanning 4M rows each (the default page cost makes PostgreSQL prefer the scans).
        conn.execute("SET LOCAL random_page_cost = 1.1")
        conn.execute("CREATE TEMP TABLE scoring_refresh_batch (customer_id uuid PRIMARY KEY) ON COMMIT DROP")
        taken = conn.execute(
            "WITH taken AS (DELETE FROM scoring_dirty_customers RETURNING customer_id) "
            "INSERT INTO scoring_refresh_batch SELECT DISTINCT customer_id FROM taken"
        ).rowcount
        if taken <= 0:
            return 0
        conn.execute("ANALYZE scoring_refresh_batch")
        conn.execute(
            "DELETE FROM customer_order_facts f USING scoring_refresh_batch b WHERE f.customer_id = b.customer_id"
        )
        # The batch's completed orders are read once (the aggregate reads them twice, and its
        # lines through them).
        conn.execute(
            "CREATE TEMP TABLE scoring_refresh_orders ON COMMIT DROP AS "
            "SELECT o.id, o.customer_id, o.store_id, o.order_date, o.total_amount, o.channel, o.discount_amount, "
            "o.promo_code, o.status FROM orders o JOIN scoring_refresh_batch b ON b.customer_id = o.customer_id "
            "WHERE o.status = 'completed'"
        )
        conn.execute("ANALYZE scoring_refresh_orders")
        batch = sql.SQL("(SELECT customer_id FROM scoring_refresh_batch)")
        scope = {
            "orders_where": sql.SQL("TRUE"),
            "items_where": sql.SQL("order_id IN (SELECT id FROM scoring_refresh_orders)"),
            "scope_engagements": sql.SQL("ce.customer_id IN {}").format(batch),
            "scope_customers": sql.SQL("cu.id IN {}").format(batch),
        }
        conn.execute(_build_query(settings, ref, scope, orders="scoring_refresh_orders"))
        conn.execute("INSERT INTO scoring_pending_aggregates SELECT customer_id FROM scoring_refresh_batch")
        return taken
