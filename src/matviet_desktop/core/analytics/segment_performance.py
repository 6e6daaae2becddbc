"""Segment performance (plan 3.2): revenue by segment, growth and decline, migration between dates.

Revenue belongs to a segment when the order was placed while the customer was a member
(`segment_membership_history`, written by every segment refresh), so past periods are judged by
who was in the segment then, not by today's members. Lifecycle migration reads the scoring
engine's `customer_lifecycle_history`. "On day D" means at the end of that local day.
"""

from __future__ import annotations

import datetime as dt
import uuid
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pandas as pd
from sqlalchemy import Engine

from matviet_desktop.core.analytics import segment_revenue
from matviet_desktop.core.analytics.filters import VN_TZ, AnalyticsFilter, object_column, ratio, read_frame

OUTSIDE = ""  # node key for "in none of the chosen segments" / "no stage yet"

# From the rollup (`segment_revenue`) plus, live, orders created after it was built: same
# figures as the direct join below, which is kept to check it (tests) and as the definition.
_REVENUE_SQL = """
WITH seg AS (
    SELECT s.id, s.name, s.rule_type, COALESCE(st.orders_through, '-infinity') AS orders_through
    FROM segment_rules s LEFT JOIN segment_revenue_rollup_state st ON st.segment_rule_id = s.id
    WHERE COALESCE(s.is_active, true) AND (:all_segments OR s.id = ANY(CAST(:segment_ids AS uuid[])))
), ord AS (
    SELECT r.segment_rule_id, r.customer_id, r.orders, r.revenue, (r.day >= :day_from) AS in_period
    FROM segment_revenue_daily r
    JOIN seg ON seg.id = r.segment_rule_id
    WHERE r.day >= :day_prev_from AND r.day < :day_to
      AND (:all_stores OR r.store_id = ANY(CAST(:store_ids AS integer[])))
    UNION ALL
    SELECT h.segment_rule_id, o.customer_id, 1, o.total_amount, (o.order_date >= :ts_from)
    FROM orders o
    JOIN segment_membership_history h
      ON h.customer_id = o.customer_id AND o.order_date >= h.joined_at
     AND (h.left_at IS NULL OR o.order_date < h.left_at)
    JOIN seg ON seg.id = h.segment_rule_id
    WHERE o.status = 'completed' AND o.order_date >= :prev_from AND o.order_date < :ts_to
      AND (:all_stores OR o.store_id = ANY(CAST(:store_ids AS integer[])))
      AND (CAST(:tail_from AS timestamptz) IS NULL OR o.created_at > :tail_from)
      AND o.created_at > seg.orders_through
), rev AS (
    SELECT segment_rule_id,
           sum(orders) FILTER (WHERE in_period) AS orders,
           count(DISTINCT customer_id) FILTER (WHERE in_period) AS buyers,
           COALESCE(sum(revenue) FILTER (WHERE in_period), 0) AS revenue,
           COALESCE(sum(revenue) FILTER (WHERE NOT in_period), 0) AS previous_revenue
    FROM ord GROUP BY segment_rule_id
)
SELECT seg.id AS segment_id, seg.name AS segment_name, seg.rule_type,
       COALESCE(rev.orders, 0) AS orders, COALESCE(rev.buyers, 0) AS buyers,
       COALESCE(rev.revenue, 0) AS revenue, COALESCE(rev.previous_revenue, 0) AS previous_revenue
FROM seg LEFT JOIN rev ON rev.segment_rule_id = seg.id
"""

# Without the rollup: every order of both periods joined with membership history at order time.
_REVENUE_DIRECT_SQL = """
WITH seg AS (
    SELECT id, name, rule_type FROM segment_rules
    WHERE COALESCE(is_active, true) AND (:all_segments OR id = ANY(CAST(:segment_ids AS uuid[])))
), ord AS (
    SELECT h.segment_rule_id, o.customer_id, o.total_amount,
           (o.order_date >= :ts_from) AS in_period
    FROM orders o
    JOIN segment_membership_history h
      ON h.customer_id = o.customer_id AND o.order_date >= h.joined_at
     AND (h.left_at IS NULL OR o.order_date < h.left_at)
    JOIN seg ON seg.id = h.segment_rule_id
    WHERE o.status = 'completed' AND o.order_date >= :prev_from AND o.order_date < :ts_to
      AND (:all_stores OR o.store_id = ANY(CAST(:store_ids AS integer[])))
), rev AS (
    SELECT segment_rule_id,
           count(*) FILTER (WHERE in_period) AS orders,
           count(DISTINCT customer_id) FILTER (WHERE in_period) AS buyers,
           COALESCE(sum(total_amount) FILTER (WHERE in_period), 0) AS revenue,
           COALESCE(sum(total_amount) FILTER (WHERE NOT in_period), 0) AS previous_revenue
    FROM ord GROUP BY segment_rule_id
)
SELECT seg.id AS segment_id, seg.name AS segment_name, seg.rule_type,
       COALESCE(rev.orders, 0) AS orders, COALESCE(rev.buyers, 0) AS buyers,
       COALESCE(rev.revenue, 0) AS revenue, COALESCE(rev.previous_revenue, 0) AS previous_revenue
FROM seg LEFT JOIN rev ON rev.segment_rule_id = seg.id
"""

# Sizes at both ends of the period: a separate query, run at the same time as the revenue.
_SIZE_SQL = """
WITH seg AS (
    SELECT id, name, rule_type FROM segment_rules
    WHERE COALESCE(is_active, true) AND (:all_segments OR id = ANY(CAST(:segment_ids AS uuid[])))
), size AS (
    SELECT h.segment_rule_id,
           count(*) FILTER (WHERE h.joined_at < :ts_from AND (h.left_at IS NULL OR h.left_at >= :ts_from))
               AS members_start,
           count(*) FILTER (WHERE h.joined_at < :ts_to AND (h.left_at IS NULL OR h.left_at >= :ts_to))
               AS members_end
    FROM segment_membership_history h
    JOIN seg ON seg.id = h.segment_rule_id
    WHERE h.joined_at < :ts_to AND (h.left_at IS NULL OR h.left_at >= :ts_from)
      AND (:all_stores OR EXISTS (SELECT 1 FROM customers cu WHERE cu.id = h.customer_id
                                    AND cu.home_store_id = ANY(CAST(:store_ids AS integer[]))))
    GROUP BY h.segment_rule_id
)
SELECT segment_rule_id AS segment_id, members_start, members_end FROM size
"""


def _growth_pct(new: Decimal | int, old: Decimal | int) -> Decimal | None:
    if not old:
        return None
    return (Decimal(new - old) / Decimal(old) * 100).quantize(Decimal("0.1"))


def revenue_by_segment(
    engine: Engine,
    flt: AnalyticsFilter,
    segment_ids: list[uuid.UUID] | None = None,
    *,
    use_rollup: bool = True,
) -> pd.DataFrame:
    """Per active segment: members at the start and end of the period, orders, buying members,
    revenue (orders at the chosen stores, placed while a member), revenue in the previous period of
    equal length, growth in % of both, revenue per member at the end.

    Without a full date range there is no previous period: growth columns are then None.
    `use_rollup=False` computes revenue by the direct join (the rollup's definition).
    """
    has_range = flt.date_from is not None and flt.date_to is not None
    prev_from = flt.previous_period().ts_from if has_range else flt.ts_from
    params = {
        **flt.params(),
        "prev_from": prev_from,
        "segment_ids": [str(s) for s in segment_ids or []],
        "all_segments": not segment_ids,
    }
    if use_rollup:
        with engine.connect() as conn:
            params["tail_from"] = segment_revenue.tail_from(conn, segment_ids)
        # The period bounds are local midnights, so they fall on the rollup's local days.
        params["day_prev_from"] = prev_from.astimezone(VN_TZ).date()
        params["day_from"] = flt.ts_from.astimezone(VN_TZ).date()
        params["day_to"] = flt.ts_to.astimezone(VN_TZ).date()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="segments") as pool:
        revenue_sql = _REVENUE_SQL if use_rollup else _REVENUE_DIRECT_SQL
        revenue = pool.submit(read_frame, engine, revenue_sql, params)
        sizes = pool.submit(read_frame, engine, _SIZE_SQL, params)
        frame = revenue.result().merge(sizes.result(), on="segment_id", how="left")
    for col in ("members_start", "members_end"):
        frame[col] = frame[col].fillna(0).astype(int)
    frame = frame.sort_values(["revenue", "segment_name"], ascending=[False, True], kind="stable")
    frame = frame.reset_index(drop=True)
    if not has_range:
        frame["previous_revenue"] = None
    frame["revenue_growth_pct"] = object_column(
        frame,
        [
            _growth_pct(n, o) if o is not None else None
            for n, o in zip(frame["revenue"], frame["previous_revenue"], strict=True)
        ],
    )
    frame["member_growth_pct"] = object_column(
        frame,
        [
            _growth_pct(int(e), int(s))
            for e, s in zip(frame["members_end"], frame["members_start"], strict=True)
        ],
    )
    frame["revenue_per_member"] = [
        (Decimal(r) / m).quantize(Decimal(1)) if m else None
        for r, m in zip(frame["revenue"], frame["members_end"], strict=True)
    ]
    frame["buyer_rate"] = [ratio(b, m) for b, m in zip(frame["buyers"], frame["members_end"], strict=True)]
    return frame


def best_segments(frame: pd.DataFrame, top: int = 5, min_members: int = 1) -> pd.DataFrame:
    """Segments with the highest revenue per member (at least `min_members` members)."""
    eligible = frame[(frame["members_end"] >= min_members) & frame["revenue_per_member"].notna()]
    ranked = eligible.assign(_rpm=eligible["revenue_per_member"].astype(float))
    return (
        ranked.sort_values(["_rpm", "revenue"], ascending=False)
        .drop(columns="_rpm")
        .head(top)
        .reset_index(drop=True)
    )


def end_of_day(day: dt.date) -> dt.datetime:
    """The instant at which "on day D" is evaluated: midnight after D, Vietnam time (exclusive)."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), VN_TZ)


_SEGMENT_FLOW_SQL = """
WITH chosen AS (
    SELECT s.id, s.ord FROM unnest(CAST(:segment_ids AS uuid[])) WITH ORDINALITY AS s(id, ord)
), a AS (
    SELECT DISTINCT ON (h.customer_id) h.customer_id, h.segment_rule_id AS seg
    FROM segment_membership_history h JOIN chosen c ON c.id = h.segment_rule_id
    WHERE h.joined_at < :t_a AND (h.left_at IS NULL OR h.left_at >= :t_a)
    ORDER BY h.customer_id, c.ord
), b AS (
    SELECT DISTINCT ON (h.customer_id) h.customer_id, h.segment_rule_id AS seg
    FROM segment_membership_history h JOIN chosen c ON c.id = h.segment_rule_id
    WHERE h.joined_at < :t_b AND (h.left_at IS NULL OR h.left_at >= :t_b)
    ORDER BY h.customer_id, c.ord
)
SELECT COALESCE(a.seg::text, '') AS source, COALESCE(b.seg::text, '') AS target, count(*) AS customers
FROM a FULL JOIN b ON b.customer_id = a.customer_id
WHERE (:all_stores OR EXISTS (SELECT 1 FROM customers cu WHERE cu.id = COALESCE(a.customer_id, b.customer_id)
                                AND cu.home_store_id = ANY(CAST(:store_ids AS integer[]))))
GROUP BY 1, 2
ORDER BY 1, 2
"""


def segment_migration(
    engine: Engine,
    day_a: dt.date,
    day_b: dt.date,
    segment_ids: list[uuid.UUID],
    flt: AnalyticsFilter | None = None,
) -> pd.DataFrame:
    """Customers moving between the chosen segments from day A to day B: `source`, `target`
    (segment ids as text, '' = in none of them), `customers`.

    Pick mutually exclusive segments (lifecycle, tier or RFM built-ins); a customer in several
    counts once, under the first chosen segment they belong to.
    """
    params = {
        **(flt or AnalyticsFilter()).params(),
        "segment_ids": [str(s) for s in segment_ids],
        "t_a": end_of_day(day_a),
        "t_b": end_of_day(day_b),
    }
    return read_frame(engine, _SEGMENT_FLOW_SQL, params)


_LIFECYCLE_FLOW_SQL = """
WITH a AS (
    SELECT customer_id, stage FROM customer_lifecycle_history
    WHERE valid_from < :t_a AND (valid_to IS NULL OR valid_to >= :t_a)
), b AS (
    SELECT customer_id, stage FROM customer_lifecycle_history
    WHERE valid_from < :t_b AND (valid_to IS NULL OR valid_to >= :t_b)
)
SELECT COALESCE(a.stage, '') AS source, COALESCE(b.stage, '') AS target, count(*) AS customers
FROM a FULL JOIN b ON b.customer_id = a.customer_id
WHERE (:all_stores OR EXISTS (SELECT 1 FROM customers cu WHERE cu.id = COALESCE(a.customer_id, b.customer_id)
                                AND cu.home_store_id = ANY(CAST(:store_ids AS integer[]))))
GROUP BY 1, 2
ORDER BY 1, 2
"""


def lifecycle_migration(
    engine: Engine, day_a: dt.date, day_b: dt.date, flt: AnalyticsFilter | None = None
) -> pd.DataFrame:
    """Customers per (stage on day A, stage on day B); '' = no stage recorded yet on that day."""
    params = {**(flt or AnalyticsFilter()).params(), "t_a": end_of_day(day_a), "t_b": end_of_day(day_b)}
    return read_frame(engine, _LIFECYCLE_FLOW_SQL, params)


def at_risk_outcomes(flows: pd.DataFrame) -> dict[str, int]:
    """What became of the customers flagged `at_risk` on day A (from `lifecycle_migration`):
    came back (active, loyal, reactivated), still at risk, churned — a check of the churn flag."""
    from_risk = flows[flows["source"] == "at_risk"]
    back = from_risk["target"].isin(["active", "loyal", "reactivated", "new"])
    return {
        "flagged": int(from_risk["customers"].sum()),
        "returned": int(from_risk.loc[back, "customers"].sum()),
        "still_at_risk": int(from_risk.loc[from_risk["target"] == "at_risk", "customers"].sum()),
        "churned": int(from_risk.loc[from_risk["target"] == "churned", "customers"].sum()),
    }


def history_coverage(engine: Engine) -> tuple[int, dt.datetime | None]:
    """(active segments, start of their membership history). Revenue by segment only exists
    from the first refresh of a segment on; None = no segment was ever refreshed."""
    frame = read_frame(
        engine,
        "SELECT count(*) AS segments, min(x.first) AS history_from FROM segment_rules s "
        "LEFT JOIN LATERAL (SELECT min(h.joined_at) AS first FROM segment_membership_history h "
        "                   WHERE h.segment_rule_id = s.id) x ON true "
        "WHERE COALESCE(s.is_active, true)",
        {},
    )
    first = frame["history_from"].iloc[0]
    return int(frame["segments"].iloc[0]), None if pd.isna(first) else first.to_pydatetime()


def segment_names(engine: Engine, segment_ids: list[uuid.UUID] | None = None) -> dict[str, str]:
    """Segment id (text) → name, for labelling flows; all active segments when no ids given."""
    frame = read_frame(
        engine,
        "SELECT id::text AS id, name FROM segment_rules WHERE (:all OR id = ANY(CAST(:ids AS uuid[]))) "
        "ORDER BY name",
        {"all": not segment_ids, "ids": [str(s) for s in segment_ids or []]},
    )
    return dict(zip(frame["id"], frame["name"], strict=True))
