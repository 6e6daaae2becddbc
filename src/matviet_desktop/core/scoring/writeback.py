"""Writing a scoring run back: a fresh `customer_scores` swapped in, order aggregates, history.

Why a swap rather than an UPDATE: every run changes nearly every scored value (recency and the
predictions move daily), and updating a million rows in place writes a new version of each row
plus an entry in every index. COPY into a new, index-less table followed by index builds is a
few seconds; the swap (drop the old table, rename the new one) happens at the very end of the
run's transaction, so readers keep seeing the previous scores until commit and then the new ones.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import psycopg
from psycopg import sql
from psycopg.copy import QueuedLibpqWriter

from matviet_desktop.core.db import bulk

# customer_scores columns in COPY order, with the SQL type that decides their text form.
SCORE_COLUMNS = (
    ("customer_id", "uuid"),
    ("lifecycle_stage", "varchar(50)"),
    ("clv_predicted", "numeric(15,0)"),  # whole VND (the column is numeric(15,2))
    ("clv_tier", "varchar(20)"),
    ("engagement_score", "integer"),
    ("churn_risk", "numeric(5,2)"),
    ("days_to_next_purchase", "integer"),
    ("preferred_channel", "varchar(50)"),
    ("preferred_category", "varchar(100)"),
    ("rfm_recency_days", "integer"),
    ("rfm_r", "smallint"),
    ("rfm_f", "smallint"),
    ("rfm_m", "smallint"),
    ("rfm_segment", "varchar(40)"),
    ("clv_formula", "numeric(15,0)"),  # whole VND
    ("p_alive", "numeric(5,4)"),
    ("expected_purchases_1y", "numeric(8,4)"),
    ("price_sensitivity", "numeric(5,4)"),
    ("preferred_store_id", "integer"),
    ("purchase_timing", "varchar(30)"),
)

# The order aggregates kept on `customers` (same definitions as core.customers.stats); the
# aggregate query returns them as exact text, so only rows whose values differ are updated.
ORDER_AGGREGATE_COLUMNS = (
    ("customer_id", "uuid"),
    ("order_count", "integer"),
    ("total_spent", "numeric(15,2)"),
    ("avg_order_value", "numeric(15,2)"),
    ("first_purchase_at", "timestamptz"),
    ("last_purchase_at", "timestamptz"),
    ("discount_share", "numeric(5,4)"),
)

_INDEXES = (  # (name, column) — the same names as the ORM model, applied after the rename
    ("ix_customer_scores_lifecycle_stage", "lifecycle_stage"),
    ("ix_customer_scores_clv_tier", "clv_tier"),
    ("ix_customer_scores_rfm_segment", "rfm_segment"),
)
_CHUNK_ROWS = 100_000
SCORING_LOCK_KEY = 0x6D76_5F73  # advisory lock key: one scoring run at a time


def take_scoring_lock(conn: psycopg.Connection, *, session: bool = False) -> None:
    """Refuse a second concurrent run instead of letting two runs race for the swap. A session
    lock (held across the facts refresh and the scoring transaction) must be released with
    `release_scoring_lock`; a transaction lock ends with the transaction."""
    function = "pg_try_advisory_lock" if session else "pg_try_advisory_xact_lock"
    got = conn.execute(f"SELECT {function}(%s)", (SCORING_LOCK_KEY,)).fetchone()
    if not got or not got[0]:
        raise RuntimeError("Một lần chấm điểm khác đang chạy; hãy đợi nó xong rồi thử lại.")


def release_scoring_lock(conn: psycopg.Connection) -> None:
    conn.execute("SELECT pg_advisory_unlock(%s)", (SCORING_LOCK_KEY,))


def write_scores(conn: psycopg.Connection, scores: pd.DataFrame, as_of: dt.datetime) -> int:
    """COPY the new scores into `customer_scores_next` (no indexes yet). Returns the row count."""
    conn.execute("DROP TABLE IF EXISTS customer_scores_next")  # left over only by a crashed DDL
    conn.execute("CREATE TABLE customer_scores_next (LIKE customer_scores)")
    # The same scored_at on every row: a column default, so COPY need not parse 1M timestamps.
    conn.execute(
        sql.SQL("ALTER TABLE customer_scores_next ALTER COLUMN scored_at SET DEFAULT {}").format(
            sql.Literal(as_of)
        )
    )
    names = ", ".join(name for name, _ in SCORE_COLUMNS)
    # FREEZE: the table is new in this transaction, so rows can be written already frozen and
    # the first reads after the swap need not set hint bits on every page.
    _copy_in(conn, f"customer_scores_next ({names})", scores, SCORE_COLUMNS, "WITH (FREEZE)")
    return len(scores)


def update_order_aggregates(conn: psycopg.Connection, aggregates: pd.DataFrame) -> int:
    """Write order_count … discount_share for the customers in `aggregates` (those that differ).

    After an import or a day's sales only the customers who bought differ, so this is usually a
    handful of updates, not a rewrite of every customer row. The comparison is repeated here in
    case a concurrent import changed a row since the aggregate's snapshot.
    """
    if aggregates.empty:
        return 0
    columns = ", ".join(f"{name} {sql_type}" for name, sql_type in ORDER_AGGREGATE_COLUMNS)
    conn.execute(f"CREATE TEMP TABLE scoring_order_aggregates ({columns}) ON COMMIT DROP")
    _copy_in(conn, "scoring_order_aggregates", aggregates, ORDER_AGGREGATE_COLUMNS)
    conn.execute("ANALYZE scoring_order_aggregates")  # temporary tables are never auto-analysed
    names = [name for name, _ in ORDER_AGGREGATE_COLUMNS[1:]]
    assignments = ", ".join(f"{n} = a.{n}" for n in names)
    old = ", ".join(f"c.{n}" for n in names)
    new = ", ".join(f"a.{n}" for n in names)
    return conn.execute(
        f"UPDATE customers c SET {assignments} FROM scoring_order_aggregates a "  # noqa: S608 - fixed names
        f"WHERE c.id = a.customer_id AND ({old}) IS DISTINCT FROM ({new})"
    ).rowcount


def swap_in_scores(conn: psycopg.Connection) -> None:
    """Index the new table, then replace `customer_scores` with it (inside the caller's transaction)."""
    conn.execute("ALTER TABLE customer_scores_next ALTER COLUMN scored_at DROP DEFAULT")
    conn.execute("SET LOCAL maintenance_work_mem = '256MB'")  # each index sorts 1M keys in memory
    conn.execute(
        "ALTER TABLE customer_scores_next ADD CONSTRAINT pk_customer_scores_next PRIMARY KEY (customer_id)"
    )
    for name, column in _INDEXES:
        conn.execute(f"CREATE INDEX {name}_next ON customer_scores_next ({column})")
    # NOT VALID: every id came from `customers` in this very transaction, so checking a million
    # rows again would prove nothing; the constraint still cascades deletes from now on.
    conn.execute(
        "ALTER TABLE customer_scores_next ADD CONSTRAINT fk_customer_scores_next FOREIGN KEY (customer_id) "
        "REFERENCES customers (id) ON DELETE CASCADE NOT VALID"
    )
    conn.execute("ANALYZE customer_scores_next")  # counts and plans need statistics right away
    conn.execute("DROP TABLE customer_scores")
    conn.execute("ALTER TABLE customer_scores_next RENAME TO customer_scores")
    conn.execute(
        "ALTER TABLE customer_scores RENAME CONSTRAINT pk_customer_scores_next TO pk_customer_scores"
    )
    conn.execute(
        "ALTER TABLE customer_scores RENAME CONSTRAINT fk_customer_scores_next "
        "TO fk_customer_scores_customer_id_customers"
    )
    for name, _ in _INDEXES:
        conn.execute(f"ALTER INDEX {name}_next RENAME TO {name}")


def append_lifecycle_history(conn: psycopg.Connection, run_id: int, as_of: dt.datetime) -> None:
    """Close intervals whose stage changed and open new ones at `as_of`.

    The open interval of each customer is read once into a temporary table first: an INSERT
    whose NOT EXISTS scans the table it is inserting into would re-read its growing heap for
    every row. A run dated at or before a customer's current interval start (a backdated rerun)
    leaves that customer's history untouched, so intervals never overlap.
    """
    conn.execute(
        "CREATE TEMP TABLE scoring_stage_change ON COMMIT DROP AS "
        "SELECT s.customer_id, s.lifecycle_stage, h.stage AS open_stage "
        "FROM customer_scores_next s "
        "LEFT JOIN customer_lifecycle_history h ON h.customer_id = s.customer_id AND h.valid_to IS NULL "
        "WHERE h.customer_id IS NULL OR (h.stage <> s.lifecycle_stage AND h.valid_from < %(as_of)s)",
        {"as_of": as_of},
    )
    conn.execute("ANALYZE scoring_stage_change")
    conn.execute(
        "UPDATE customer_lifecycle_history h SET valid_to = %(as_of)s FROM scoring_stage_change t "
        "WHERE h.customer_id = t.customer_id AND h.valid_to IS NULL AND t.open_stage IS NOT NULL",
        {"as_of": as_of},
    )
    conn.execute(
        "INSERT INTO customer_lifecycle_history (customer_id, stage, previous_stage, valid_from, scoring_run_id) "
        "SELECT customer_id, lifecycle_stage, open_stage, %(as_of)s, %(run)s FROM scoring_stage_change",
        {"as_of": as_of, "run": run_id},
    )


def _copy_in(
    conn: psycopg.Connection,
    target: str,
    frame: pd.DataFrame,
    columns: tuple[tuple[str, str], ...],
    options: str = "",
) -> None:
    """COPY in chunks: PostgreSQL parses one chunk while numpy formats the next."""
    with (
        conn.cursor() as cur,
        cur.copy(f"COPY {target} FROM STDIN {options}", writer=QueuedLibpqWriter(cur)) as copy,
    ):
        for start in range(0, len(frame), _CHUNK_ROWS):
            copy.write(to_copy_text(frame.iloc[start : start + _CHUNK_ROWS], columns))


def to_copy_text(frame: pd.DataFrame, columns: tuple[tuple[str, str], ...]) -> bytes:
    """Tab-separated COPY text in `columns` order; NaN/None as \\N. Built as byte matrices
    (core.db.bulk), never a Python string per cell."""
    if len(frame) == 0:
        return b""
    return bulk.encode_rows([_column_text(frame[name], sql_type) for name, sql_type in columns])


def _column_text(values: pd.Series, sql_type: str) -> np.ndarray:
    """One column as COPY text (a numpy bytes array)."""
    if sql_type in ("integer", "smallint") or sql_type.startswith("numeric"):
        if not pd.api.types.is_numeric_dtype(values):  # exact text from the database: pass through
            return bulk.labels_text(values.to_numpy(object)) if len(values) else np.empty(0, "S1")
        numbers = pd.to_numeric(values).to_numpy(np.float64)
        missing = ~np.isfinite(numbers)
        places = 0 if sql_type in ("integer", "smallint") else int(sql_type.rstrip(")").split(",")[1])
        scaled = np.rint(np.where(missing, 0.0, numbers) * 10**places).astype(np.int64)
        return bulk.with_nulls(bulk.fixed_point_text(scaled, places), missing)
    if sql_type == "uuid":
        return values.to_numpy(object).astype("S36")
    return bulk.labels_text(values.to_numpy(object))
