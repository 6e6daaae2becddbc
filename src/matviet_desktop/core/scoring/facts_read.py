"""Every customer's scoring inputs from the stored facts, at an as-of, as one pandas frame.

The frame has the columns the model reads from the aggregate of the orders (same names and
meanings; core.scoring.aggregate). The stored columns are fixed-width and never NULL (sentinels
stand for "none"), so they come through a binary COPY that numpy reads as one structured array:
no expressions or text formatting on the server, no CSV parsing here; the as-of arithmetic is
done in numpy. Order aggregates
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

# Columns of customer_order_facts read in bulk: all fixed-width and NOT NULL (sentinels).
_FIELDS = (
    ("customer_id", "uuid"),
    ("n_orders", "int4"),
    ("n_days", "int4"),
    ("first_day", "int4"),
    ("last_day", "int4"),
    ("prev_last_day", "int4"),
    ("total_spent_float", "float8"),
    ("first_day_amount", "float8"),
    ("discounted_spend", "float8"),
    ("n_in_store", "int4"),
    *((f"t{k}", "int4") for k in range(6)),
    ("first_store_id", "int4"),
    ("first_in_store", "int2"),
    ("purchase_decay_sum", "float8"),
    ("engagement_decay_sum", "float8"),
    ("preferred_store_id", "int4"),
    ("preferred_category_code", "int2"),
)


def read_frame(
    conn: psycopg.Connection,
    settings: ScoringSettings,
    as_of: dt.datetime,
    ref_day: int,
    connect: Callable[[], psycopg.Connection] | None = None,
    partitions: int = 1,
) -> pd.DataFrame:
    """One row per customer whose facts are stored (every customer as of the refresh). A customer
    deleted since then is left out, so that no score is written for an id that is gone: the
    delete marked it, and the few marked ids are checked instead of joining a million rows."""
    select = sql.SQL(", ").join(sql.Identifier(name) for name, _ in _FIELDS)

    def fetch(worker: psycopg.Connection, part: tuple[str | None, str | None]) -> dict[str, np.ndarray]:
        query = sql.SQL("SELECT {} FROM customer_order_facts WHERE {}").format(
            select, id_range("customer_id", part)
        )
        return parse_fixed_binary(copy_out(worker, query, "binary"), _FIELDS)

    parts = in_parts(conn, fetch, connect, partitions)
    columns = {name: np.concatenate([part[name] for part in parts]) for name, _ in _FIELDS}
    gone = conn.execute(
        "SELECT DISTINCT d.customer_id FROM scoring_dirty_customers d "
        "WHERE NOT EXISTS (SELECT 1 FROM customers cu WHERE cu.id = d.customer_id)"
    ).fetchall()
    if gone:
        ids = np.frombuffer(b"".join(row[0].bytes for row in gone), dtype=np.uint8).reshape(-1, 16)
        keep = ~np.isin(columns["customer_id"].view("V16").ravel(), ids.view("V16").ravel())
        columns = {name: values[keep] for name, values in columns.items()}
    decay = engagement.decay_rate_per_day(settings)
    as_of_day = local_day_number(as_of)
    purchase_factor = math.exp(-decay * (as_of_day - ref_day))
    engagement_factor = math.exp(-decay * (as_of.timestamp() - ref_day * 86400.0) / 86400.0)
    return _frame(columns, as_of_day, purchase_factor, engagement_factor)


def _frame(
    columns: dict[str, np.ndarray], as_of_day: int, purchase_factor: float, engagement_factor: float
) -> pd.DataFrame:
    """The aggregate frame's columns and conventions (core.scoring.aggregate): NaN for none,
    text ids, 't'/'f' flags, category names or None."""
    first, last, previous = (
        columns[k].astype(np.float64) for k in ("first_day", "last_day", "prev_last_day")
    )
    first[first < 0] = np.nan
    last[last < 0] = np.nan
    previous[previous < 0] = np.nan
    names = np.array([None, *PRODUCT_CATEGORIES], dtype=object)
    flags = np.array([None, "f", "t"], dtype=object)  # first_in_store -1, 0, 1

    def store(ids: np.ndarray) -> np.ndarray:
        return np.where(ids > 0, ids, np.nan)

    return pd.DataFrame(
        {
            "customer_id": uuid_text(columns["customer_id"]).astype(str),
            "n_orders": columns["n_orders"],
            "n_days": columns["n_days"],
            "days_since_first": as_of_day - first,
            "days_since_last": as_of_day - last,
            "span_days": last - first,
            "gap_before_last": last - previous,
            "total_spent": columns["total_spent_float"],
            "first_day_amount": columns["first_day_amount"],
            "discounted_spend": columns["discounted_spend"],
            "n_in_store": columns["n_in_store"],
            "n_online": columns["n_orders"] - columns["n_in_store"],
            **{f"t{k}": columns[f"t{k}"] for k in range(6)},
            "first_store_id": store(columns["first_store_id"]),
            "first_in_store": flags[columns["first_in_store"] + 1],
            "decayed_purchases": columns["purchase_decay_sum"] * purchase_factor,
            "decayed_other": columns["engagement_decay_sum"] * engagement_factor,
            "preferred_store_id": store(columns["preferred_store_id"]),
            "preferred_category": names[columns["preferred_category_code"]],
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
