"""The segment revenue rollup: orders placed while a member, pre-joined with membership history.

`segment_performance.revenue_by_segment` joins every order of two periods with the membership
history at order time — on a million customers that join is most of the segment dashboard's time.
The rollup does it once per segment, set-based, at segment refresh (`rebuild`, called from
`core.segments.refresh`), and keeps (segment, local day, store, customer) → orders, revenue.

Reading stays exact for new data: orders created after a segment's build (`orders_through`) are
joined live, and a segment never built is computed entirely live. A refresh itself only opens and
closes stays at its own time, so it never changes which segment an older order belongs to; what
the rollup does not see until the segment's next refresh is a later *edit* of an order it already
holds (status, amount, customer merge) or membership history written by hand.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Connection, Engine, text

from matviet_desktop.core.analytics.filters import VN_TZ

_REBUILD = text(
    """
    WITH rows AS (
        INSERT INTO segment_revenue_daily (segment_rule_id, day, store_id, customer_id, orders, revenue)
        SELECT h.segment_rule_id, (o.order_date AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, o.store_id,
               o.customer_id, count(*), sum(o.total_amount)
        FROM segment_membership_history h
        JOIN orders o ON o.customer_id = h.customer_id AND o.order_date >= h.joined_at
                     AND (h.left_at IS NULL OR o.order_date < h.left_at)
        WHERE h.segment_rule_id = :sid AND o.status = 'completed' AND o.order_date >= :since
        GROUP BY 1, 2, 3, 4
    )
    INSERT INTO segment_revenue_rollup_state (segment_rule_id, built_at, orders_through)
    SELECT :sid, now(), (SELECT max(created_at) FROM orders)
    ON CONFLICT (segment_rule_id) DO UPDATE
        SET built_at = EXCLUDED.built_at, orders_through = EXCLUDED.orders_through
    """
)
# One statement, so the rows and `orders_through` come from the same snapshot: an order is
# either in the rollup or newer than `orders_through`, never both. (An order committed after the
# build by a transaction that started before the newest visible order was created would be
# neither; order imports are serialised, so only hand-made concurrent inserts could do that.)

# Rows of deleted segments (the rollup has no foreign key): the distinct segment ids are found
# by skipping along the primary key, one index probe per segment, not a scan of the table.
_DROP_ORPHANS = text(
    """
    WITH RECURSIVE ids AS (
        (SELECT segment_rule_id AS id FROM segment_revenue_daily ORDER BY 1 LIMIT 1)
        UNION ALL
        SELECT (SELECT r.segment_rule_id FROM segment_revenue_daily r
                WHERE r.segment_rule_id > ids.id ORDER BY 1 LIMIT 1)
        FROM ids WHERE ids.id IS NOT NULL
    )
    DELETE FROM segment_revenue_daily
    WHERE segment_rule_id IN (
        SELECT id FROM ids
        WHERE id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM segment_rules s WHERE s.id = ids.id)
    )
    """
)


def rebuild(conn: Connection, segment_id: uuid.UUID) -> None:
    """Recompute one segment's rollup in the caller's transaction.

    Only orders from the segment's first stay on can belong to it; with that bound as a value
    the planner reads just those orders (a segment created last month costs a month of orders).
    """
    conn.execute(text("DELETE FROM segment_revenue_daily WHERE segment_rule_id = :sid"), {"sid": segment_id})
    since = conn.execute(
        text("SELECT min(joined_at) FROM segment_membership_history WHERE segment_rule_id = :sid"),
        {"sid": segment_id},
    ).scalar()
    conn.execute(_REBUILD, {"sid": segment_id, "since": since or dt.datetime.max.replace(tzinfo=dt.UTC)})
    conn.execute(_DROP_ORPHANS)


def rebuild_all(engine: Engine) -> None:
    """Every segment's rollup, one transaction each (after writing membership history by hand)."""
    with engine.connect() as conn:
        ids = list(conn.scalars(text("SELECT id FROM segment_rules ORDER BY id")))
    for sid in ids:
        with engine.begin() as conn:
            rebuild(conn, sid)


def tail_from(conn: Connection, segment_ids: list[uuid.UUID] | None) -> dt.datetime | None:
    """Orders created after this instant must be read live for the chosen active segments; None
    when one of them has no rollup yet (then everything is read live)."""
    row = conn.execute(
        text(
            "SELECT bool_and(st.segment_rule_id IS NOT NULL), min(st.orders_through) "
            "FROM segment_rules s LEFT JOIN segment_revenue_rollup_state st ON st.segment_rule_id = s.id "
            "WHERE COALESCE(s.is_active, true) AND (:all OR s.id = ANY(CAST(:ids AS uuid[])))"
        ),
        {"all": not segment_ids, "ids": [str(s) for s in segment_ids or []]},
    ).one()
    all_built, oldest = row
    if not all_built:
        return None
    return oldest or dt.datetime(1900, 1, 1, tzinfo=VN_TZ)
