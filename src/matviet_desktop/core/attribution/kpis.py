"""Campaign KPIs (plan 3.1): funnel, attributed revenue, cost, ROI, ROAS, lift against the holdout.

Everything is aggregated in SQL; Python only does the arithmetic on a handful of sums. Money stays
`Decimal`; rates and confidence bounds are floats.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from scipy.stats import norm
from sqlalchemy import Connection, Engine, text

CONFIDENCE = 0.95
TZ = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class Lift:
    treated: int  # randomised targets that were meant to receive the message
    holdout: int
    treated_converted: int
    holdout_converted: int
    treated_conversion_rate: float | None
    holdout_conversion_rate: float | None
    conversion_lift_abs: float | None  # percentage points as a fraction (0.02 = +2 pp)
    conversion_lift_ci: tuple[float, float] | None
    conversion_lift_rel: float | None  # (p_t − p_h) / p_h
    treated_revenue: Decimal
    holdout_revenue: Decimal
    incremental_revenue: Decimal | None  # (revenue per treated − revenue per holdout member) × treated
    incremental_revenue_ci: tuple[Decimal, Decimal] | None
    significant: bool | None


@dataclass(frozen=True)
class DayTrend:
    day: str  # ISO date in Asia/Ho_Chi_Minh
    sent: int
    delivered: int
    clicked: int
    orders: int
    revenue: Decimal


@dataclass(frozen=True)
class CampaignReport:
    campaign_id: uuid.UUID
    name: str
    channel: str
    purpose: str
    status: str
    attribution_model: str
    attribution_days: int
    targets: int
    status_counts: dict[str, int]
    suppression_counts: dict[str, int]
    sent: int
    delivered: int
    opened: int
    clicked: int
    converted_customers: int
    conversion_rate: float | None  # converted customers / customers reached
    orders: int
    revenue_direct: Decimal
    revenue_influenced: Decimal
    revenue: Decimal
    cost: Decimal
    roi_pct: float | None
    roas: float | None
    revenue_by_model: dict[str, Decimal]
    lift: Lift | None
    trend: list[DayTrend] = field(default_factory=list)


def _money(value: Any) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"))


def _vnd(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)


def roi_pct(revenue: Decimal, cost: Decimal) -> float | None:
    return None if cost <= 0 else float(round((revenue - cost) / cost * 100, 2))


def roas(revenue: Decimal, cost: Decimal) -> float | None:
    return None if cost <= 0 else float(round(revenue / cost, 4))


def campaign_report(engine: Engine, campaign_id: uuid.UUID, model: str | None = None) -> CampaignReport:
    with engine.connect() as conn:
        return report_in(conn, campaign_id, model)


def report_in(conn: Connection, campaign_id: uuid.UUID, model: str | None = None) -> CampaignReport:
    c = (
        conn.execute(
            text(
                "SELECT id, name, campaign_type, purpose, status, attribution_model, attribution_days, "
                "coalesce((SELECT sum(amount) FROM campaign_costs k WHERE k.campaign_id = c.id), 0) AS cost "
                "FROM campaigns c WHERE id = :id"
            ),
            {"id": campaign_id},
        )
        .mappings()
        .one_or_none()
    )
    if c is None:
        raise LookupError(f"Không tìm thấy chiến dịch {campaign_id}.")
    model = model or c["attribution_model"]
    if model not in ("last_touch", "first_touch", "linear"):
        raise ValueError(f"Mô hình ghi nhận '{model}' không hợp lệ: last_touch, first_touch hoặc linear.")
    p = {"id": campaign_id, "model": model}

    status_counts = {
        s or "pending": int(n)
        for s, n in conn.execute(
            text("SELECT status, count(*) FROM campaign_targets WHERE campaign_id = :id GROUP BY status"), p
        )
    }
    suppression = {
        r: int(n)
        for r, n in conn.execute(
            text(
                "SELECT exclusion_reason, count(*) FROM campaign_targets "
                "WHERE campaign_id = :id AND exclusion_reason IS NOT NULL GROUP BY 1 ORDER BY 1"
            ),
            p,
        )
    }
    funnel = (
        conn.execute(
            text(
                "SELECT count(*) AS targets, count(sent_at) AS sent, count(delivered_at) AS delivered, "
                "count(opened_at) AS opened, count(clicked_at) AS clicked "
                "FROM campaign_targets WHERE campaign_id = :id"
            ),
            p,
        )
        .mappings()
        .one()
    )
    attributed = (
        conn.execute(
            text(
                "SELECT count(DISTINCT customer_id) AS customers, count(DISTINCT order_id) AS orders, "
                "coalesce(sum(attributed_revenue) FILTER (WHERE attribution_type = 'direct'), 0) AS direct, "
                "coalesce(sum(attributed_revenue) FILTER (WHERE attribution_type = 'influenced'), 0) AS influenced "
                "FROM campaign_attributions WHERE campaign_id = :id AND model = :model"
            ),
            p,
        )
        .mappings()
        .one()
    )
    by_model = {
        m: _money(v)
        for m, v in conn.execute(
            text(
                "SELECT model, sum(attributed_revenue) FROM campaign_attributions "
                "WHERE campaign_id = :id AND model <> 'window' GROUP BY model"
            ),
            p,
        )
    }
    revenue_direct, revenue_influenced = _money(attributed["direct"]), _money(attributed["influenced"])
    revenue = revenue_direct + revenue_influenced
    cost = _money(c["cost"])
    reached = int(
        conn.execute(
            text(
                "SELECT count(*) FROM campaign_targets WHERE campaign_id = :id "
                "AND coalesce(sent_at, delivered_at) IS NOT NULL AND status NOT IN ('failed', 'in_doubt')"
            ),
            p,
        ).scalar_one()
    )
    converted = int(attributed["customers"])
    return CampaignReport(
        campaign_id=c["id"],
        name=c["name"],
        channel=c["campaign_type"],
        purpose=c["purpose"],
        status=c["status"],
        attribution_model=model,
        attribution_days=int(c["attribution_days"] or 0),
        targets=int(funnel["targets"]),
        status_counts=status_counts,
        suppression_counts=suppression,
        sent=int(funnel["sent"]),
        delivered=int(funnel["delivered"]),
        opened=int(funnel["opened"]),
        clicked=int(funnel["clicked"]),
        converted_customers=converted,
        conversion_rate=round(converted / reached, 6) if reached else None,
        orders=int(attributed["orders"]),
        revenue_direct=revenue_direct,
        revenue_influenced=revenue_influenced,
        revenue=revenue,
        cost=cost,
        roi_pct=roi_pct(revenue, cost),
        roas=roas(revenue, cost),
        revenue_by_model=by_model,
        lift=lift_in(conn, campaign_id),
        trend=trend_in(conn, campaign_id, model),
    )


def lift_in(conn: Connection, campaign_id: uuid.UUID) -> Lift | None:
    """Sent group versus holdout, from the `window` rows (same window, same rules for both groups)."""
    groups = (
        conn.execute(
            text(
                """
            WITH members AS (
                SELECT t.customer_id, t.status = 'holdout' AS is_holdout
                  FROM campaign_targets t
                 WHERE t.campaign_id = :id AND coalesce(t.status, 'pending') <> 'excluded'
            ), per_customer AS (
                SELECT m.is_holdout, m.customer_id, coalesce(sum(a.attributed_revenue), 0) AS revenue,
                       count(a.order_id) > 0 AS converted
                  FROM members m
                  LEFT JOIN campaign_attributions a
                         ON a.campaign_id = :id AND a.model = 'window' AND a.customer_id = m.customer_id
                 GROUP BY m.is_holdout, m.customer_id
            )
            SELECT is_holdout, count(*) AS n, count(*) FILTER (WHERE converted) AS conv,
                   sum(revenue) AS revenue, sum(revenue * revenue) AS revenue_sq
              FROM per_customer GROUP BY is_holdout
            """
            ),
            {"id": campaign_id},
        )
        .mappings()
        .all()
    )
    by = {bool(g["is_holdout"]): g for g in groups}
    if True not in by:
        return None
    t, h = by.get(False), by[True]
    n_t, n_h = (int(t["n"]) if t else 0), int(h["n"])
    conv_t, conv_h = (int(t["conv"]) if t else 0), int(h["conv"])
    rev_t, rev_h = _money(t["revenue"] if t else 0), _money(h["revenue"])
    z = float(norm.ppf(0.5 + CONFIDENCE / 2))
    p_t = conv_t / n_t if n_t else None
    p_h = conv_h / n_h if n_h else None
    lift_abs = lift_ci = lift_rel = None
    inc = inc_ci = None
    significant = None
    if p_t is not None and p_h is not None:
        lift_abs = p_t - p_h
        se = math.sqrt(p_t * (1 - p_t) / n_t + p_h * (1 - p_h) / n_h)
        lift_ci = (lift_abs - z * se, lift_abs + z * se)
        lift_rel = lift_abs / p_h if p_h else None
        mean_t, mean_h = float(rev_t) / n_t, float(rev_h) / n_h
        var_t = _variance(float(t["revenue_sq"] or 0) if t else 0.0, mean_t, n_t)
        var_h = _variance(float(h["revenue_sq"] or 0), mean_h, n_h)
        se_rev = math.sqrt(var_t / n_t + var_h / n_h)
        diff = mean_t - mean_h
        inc = _vnd(diff * n_t)
        inc_ci = (_vnd((diff - z * se_rev) * n_t), _vnd((diff + z * se_rev) * n_t))
        significant = lift_ci[0] > 0 or lift_ci[1] < 0
    return Lift(
        treated=n_t,
        holdout=n_h,
        treated_converted=conv_t,
        holdout_converted=conv_h,
        treated_conversion_rate=p_t,
        holdout_conversion_rate=p_h,
        conversion_lift_abs=lift_abs,
        conversion_lift_ci=lift_ci,
        conversion_lift_rel=lift_rel,
        treated_revenue=rev_t,
        holdout_revenue=rev_h,
        incremental_revenue=inc,
        incremental_revenue_ci=inc_ci,
        significant=significant,
    )


def _variance(sum_sq: float, mean: float, n: int) -> float:
    """Sample variance of per-customer revenue from Σx² and the mean."""
    if n < 2:
        return 0.0
    return max(0.0, (sum_sq - n * mean * mean) / (n - 1))


def trend_in(conn: Connection, campaign_id: uuid.UUID, model: str) -> list[DayTrend]:
    rows = conn.execute(
        text(
            f"""
            WITH sends AS (
                SELECT (sent_at AT TIME ZONE '{TZ}')::date AS day, count(*) AS n
                  FROM campaign_targets WHERE campaign_id = :id AND sent_at IS NOT NULL GROUP BY 1
            ), deliveries AS (
                SELECT (delivered_at AT TIME ZONE '{TZ}')::date AS day, count(*) AS n
                  FROM campaign_targets WHERE campaign_id = :id AND delivered_at IS NOT NULL GROUP BY 1
            ), clicks AS (
                SELECT (clicked_at AT TIME ZONE '{TZ}')::date AS day, count(*) AS n
                  FROM campaign_targets WHERE campaign_id = :id AND clicked_at IS NOT NULL GROUP BY 1
            ), revenue AS (
                SELECT (o.order_date AT TIME ZONE '{TZ}')::date AS day, count(DISTINCT a.order_id) AS orders,
                       sum(a.attributed_revenue) AS revenue
                  FROM campaign_attributions a JOIN orders o ON o.id = a.order_id
                 WHERE a.campaign_id = :id AND a.model = :model GROUP BY 1
            ), days AS (
                SELECT day FROM sends UNION SELECT day FROM deliveries UNION SELECT day FROM clicks
                UNION SELECT day FROM revenue
            )
            SELECT d.day, coalesce(s.n, 0), coalesce(dv.n, 0), coalesce(c.n, 0),
                   coalesce(r.orders, 0), coalesce(r.revenue, 0)
              FROM days d
              LEFT JOIN sends s USING (day) LEFT JOIN deliveries dv USING (day)
              LEFT JOIN clicks c USING (day) LEFT JOIN revenue r USING (day)
             ORDER BY d.day
            """  # noqa: S608 - TZ is a module constant
        ),
        {"id": campaign_id, "model": model},
    ).all()
    return [
        DayTrend(r[0].isoformat(), int(r[1]), int(r[2]), int(r[3]), int(r[4]), _money(r[5])) for r in rows
    ]


@dataclass(frozen=True)
class ComparisonRow:
    key: str  # channel name, or segment name
    campaigns: int
    sent: int
    converted_customers: int
    revenue: Decimal
    cost: Decimal
    roi_pct: float | None
    roas: float | None


def compare(engine: Engine, by: str = "channel", model: str = "last_touch") -> list[ComparisonRow]:
    """Campaign results side by side, grouped by channel or by the audience segment."""
    if by not in ("channel", "segment"):
        raise ValueError("by phải là 'channel' hoặc 'segment'.")
    key = (
        "c.campaign_type"
        if by == "channel"
        else "coalesce((SELECT name FROM segment_rules s WHERE s.id = c.segment_rule_id), '(không có phân khúc)')"
    )
    sql = f"""
        WITH per_campaign AS (
            SELECT {key} AS key, c.id,
                   (SELECT count(*) FROM campaign_targets t WHERE t.campaign_id = c.id AND t.sent_at IS NOT NULL)
                       AS sent,
                   (SELECT count(DISTINCT a.customer_id) FROM campaign_attributions a
                     WHERE a.campaign_id = c.id AND a.model = :model) AS converted,
                   (SELECT coalesce(sum(a.attributed_revenue), 0) FROM campaign_attributions a
                     WHERE a.campaign_id = c.id AND a.model = :model) AS revenue,
                   (SELECT coalesce(sum(k.amount), 0) FROM campaign_costs k WHERE k.campaign_id = c.id) AS cost
              FROM campaigns c
        )
        SELECT key, count(*), sum(sent), sum(converted), sum(revenue), sum(cost)
          FROM per_campaign GROUP BY key ORDER BY key
    """  # noqa: S608 - `key` is one of two fixed expressions above
    with engine.connect() as conn:
        rows = conn.execute(text(sql), {"model": model}).all()
    out = []
    for k, n, sent, conv, rev, cost in rows:
        rev_d, cost_d = _money(rev), _money(cost)
        out.append(
            ComparisonRow(
                str(k),
                int(n),
                int(sent),
                int(conv),
                rev_d,
                cost_d,
                roi_pct(rev_d, cost_d),
                roas(rev_d, cost_d),
            )
        )
    return out
