"""Every customer's scoring inputs from the stored facts, at an as-of, as one pandas frame.

The frame has the columns the model reads from the aggregate of the orders (same names and
meanings; core.scoring.aggregate) and comes through a binary COPY whose fields are all fixed
width and never NULL (missing values travel as NaN or a code), so numpy reads it as one
structured array: no text formatting on the server, no CSV parsing here. Order aggregates
(order_count … discount_share) of the customers refreshed since the last run are written back
by one UPDATE from the facts.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import numpy as np
import pandas as pd
import psycopg
from psycopg import sql

from matviet_desktop.core.db.bulk import parse_fixed_binary, uuid_text
from matviet_desktop.core.db.models.reference import PRODUCT_CATEGORIES
from matviet_desktop.core.scoring import engagement
from matviet_desktop.core.scoring.aggregate import copy_out, id_range, in_parts, local_day_number
from matviet_desktop.core.scoring.settings import ScoringSettings

# (frame column, binary type, SQL expression over customers cu LEFT JOIN customer_order_facts f)
_FIELDS = (
    ("customer_id", "uuid", "cu.id"),
    ("n_orders", "int4", "coalesce(f.n_orders, 0)"),
    ("n_days", "int4", "coalesce(f.n_days, 0)"),
    ("days_since_first", "float8", "coalesce(({as_of_day} - f.first_day)::float8, 'NaN')"),
    ("days_since_last", "float8", "coalesce(({as_of_day} - f.last_day)::float8, 'NaN')"),
    ("span_days", "float8", "coalesce((f.last_day - f.first_day)::float8, 'NaN')"),
    ("gap_before_last", "float8", "coalesce((f.last_day - f.prev_last_day)::float8, 'NaN')"),
    ("total_spent", "float8", "coalesce(f.total_spent_float, 'NaN')"),
    ("first_day_amount", "float8", "coalesce(f.first_day_amount, 'NaN')"),
    ("discounted_spend", "float8", "coalesce(f.discounted_spend, 'NaN')"),
    ("n_in_store", "int4", "coalesce(f.n_in_store, 0)"),
    ("n_online", "int4", "coalesce(f.n_orders - f.n_in_store, 0)"),
    *((f"t{k}", "int4", f"coalesce(f.t{k}, 0)") for k in range(6)),
    ("first_store_id", "float8", "coalesce(f.first_store_id::float8, 'NaN')"),
    ("first_in_store", "int2", "coalesce(f.first_in_store::int, -1)::int2"),
    ("decayed_purchases", "float8", "coalesce(f.purchase_decay_sum * {purchase_factor}, 0)"),
    ("decayed_other", "float8", "coalesce(f.engagement_decay_sum * {engagement_factor}, 0)"),
    ("preferred_store_id", "float8", "coalesce(f.preferred_store_id::float8, 'NaN')"),
    ("preferred_category", "int2", "coalesce(f.preferred_category_code, 0)::int2"),
)


def read_frame(
    conn: psycopg.Connection,
    settings: ScoringSettings,
    as_of: dt.datetime,
    ref_day: int,
    connect: Callable[[], psycopg.Connection] | None = None,
    partitions: int = 1,
) -> pd.DataFrame:
    """One row per customer (those without any data too), in customer-id order per partition."""
    decay = engagement.decay_rate_per_day(settings)
    as_of_day = local_day_number(as_of)
    values = {
        "as_of_day": sql.Literal(as_of_day),
        "purchase_factor": sql.Literal(math.exp(-decay * (as_of_day - ref_day))),
        "engagement_factor": sql.Literal(
            math.exp(-decay * (as_of.timestamp() - ref_day * 86400.0) / 86400.0)
        ),
    }
    select = sql.SQL(", ").join(sql.SQL(expression).format(**values) for _, _, expression in _FIELDS)
    fields = [(name, kind) for name, kind, _ in _FIELDS]

    def fetch(worker: psycopg.Connection, part: tuple[str | None, str | None]) -> dict[str, np.ndarray]:
        query = sql.SQL(
            "SELECT {} FROM customers cu LEFT JOIN customer_order_facts f ON f.customer_id = cu.id WHERE {}"
        ).format(select, id_range("cu.id", part))
        return parse_fixed_binary(copy_out(worker, query, "binary"), fields)

    parts = in_parts(conn, fetch, connect, partitions)
    columns = {name: np.concatenate([part[name] for part in parts]) for name, _ in fields}
    return _frame(columns)


def _frame(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """The aggregate frame's conventions: text ids, 't'/'f' flags, category names or None."""
    names = np.array([None, *PRODUCT_CATEGORIES], dtype=object)
    flags = np.array([None, "f", "t"], dtype=object)  # first_in_store -1, 0, 1
    return pd.DataFrame(
        {
            **columns,
            "customer_id": uuid_text(columns["customer_id"]).astype(str),
            "first_in_store": flags[columns["first_in_store"] + 1],
            "preferred_category": names[columns["preferred_category"]],
        }
    )


_ASSIGN = (
    "order_count = coalesce(f.n_orders, 0), total_spent = coalesce(f.total_spent, 0), "
    "avg_order_value = f.avg_order_value, first_purchase_at = f.first_purchase_at, "
    "last_purchase_at = f.last_purchase_at, discount_share = f.discount_share"
)
_DIFFERS = (
    "(cu.order_count, cu.total_spent, cu.avg_order_value, cu.first_purchase_at, cu.last_purchase_at, "
    "cu.discount_share) IS DISTINCT FROM (coalesce(f.n_orders, 0), coalesce(f.total_spent, 0), "
    "f.avg_order_value, f.first_purchase_at, f.last_purchase_at, f.discount_share)"
)


def write_order_aggregates(conn: psycopg.Connection) -> int:
    """Store order_count … discount_share from the facts where they differ: for every customer
    after a rebuild, else for those whose facts were refreshed since the last run. Inside the
    scoring transaction, so a failed run leaves them pending."""
    conn.execute("SET LOCAL work_mem = '256MB'")
    state = conn.execute("SELECT compare_all FROM scoring_facts_state").fetchone()
    if state and state[0]:
        source = "customers c LEFT JOIN customer_order_facts f ON f.customer_id = c.id"
        key = "c.id"
    else:
        source = (
            "(SELECT DISTINCT customer_id FROM scoring_pending_aggregates) p "
            "LEFT JOIN customer_order_facts f ON f.customer_id = p.customer_id"
        )
        key = "p.customer_id"
    written = conn.execute(
        f"UPDATE customers cu SET {_ASSIGN} FROM {source} WHERE cu.id = {key} AND {_DIFFERS}"  # noqa: S608 - constants
    ).rowcount
    conn.execute("DELETE FROM scoring_pending_aggregates")
    conn.execute("UPDATE scoring_facts_state SET compare_all = false")
    return written
