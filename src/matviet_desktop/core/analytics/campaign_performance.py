"""Campaign performance (plan 3.1): KPIs, ROI/ROAS, daily trends, comparisons by channel and segment.

Conventions (shared with the campaign detail page):
- a campaign is in the period when it starts in it (started, else scheduled, else created);
- the store filter keeps targets whose customer's home store is chosen; costs are then prorated
  by the share of sent messages that went to those customers;
- sent/delivered/opened/clicked count targets whose timestamp is set (statuses differ per channel);
- holdout targets (status `holdout`) are never counted as sent or converted;
- revenue is `campaign_attributions` of type `direct` or `influenced`; converted = customers with
  at least one such order.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
from sqlalchemy import Engine

from matviet_desktop.core.analytics.filters import (
    AnalyticsFilter,
    object_column,
    ratio,
    read_frame,
    roas,
    roi_pct,
)

KPI_COLUMNS = [
    "campaign_id",
    "name",
    "channel",
    "status",
    "segment_name",
    "start_at",
    "targets",
    "holdout",
    "excluded",
    "sent",
    "delivered",
    "opened",
    "clicked",
    "failed",
    "converted",
    "revenue",
    "revenue_direct",
    "revenue_influenced",
    "cost",
    "roi_pct",
    "roas",
]

_KPI_SQL = """
WITH camp AS (
    SELECT c.id, c.name, c.campaign_type AS channel, c.status, sr.name AS segment_name,
           COALESCE(c.started_at, c.scheduled_at, c.created_at) AS start_at, c.total_cost,
           c.attribution_model
    FROM campaigns c
    LEFT JOIN segment_rules sr ON sr.id = c.segment_rule_id
    WHERE (COALESCE(c.started_at, c.scheduled_at, c.created_at) >= :ts_from AND COALESCE(c.started_at, c.scheduled_at, c.created_at) < :ts_to)
      AND (:channel = '' OR c.campaign_type = :channel)
), tgt AS (
    SELECT t.campaign_id,
           count(*) FILTER (WHERE t.status IS DISTINCT FROM 'holdout'
                              AND t.status IS DISTINCT FROM 'excluded') AS targets,
           count(*) FILTER (WHERE t.status = 'holdout') AS holdout,
           count(*) FILTER (WHERE t.status = 'excluded') AS excluded,
           count(t.sent_at) FILTER (WHERE t.status IS DISTINCT FROM 'holdout') AS sent,
           count(t.delivered_at) FILTER (WHERE t.status IS DISTINCT FROM 'holdout') AS delivered,
           count(t.opened_at) FILTER (WHERE t.status IS DISTINCT FROM 'holdout') AS opened,
           count(t.clicked_at) FILTER (WHERE t.status IS DISTINCT FROM 'holdout') AS clicked,
           count(*) FILTER (WHERE t.status = 'failed') AS failed
    FROM campaign_targets t
    JOIN camp ON camp.id = t.campaign_id
    LEFT JOIN customers cu ON cu.id = t.customer_id
    WHERE (:all_stores OR cu.home_store_id = ANY(CAST(:store_ids AS integer[])))
    GROUP BY t.campaign_id
), all_sent AS (
    SELECT t.campaign_id, count(t.sent_at) AS sent
    FROM campaign_targets t JOIN camp ON camp.id = t.campaign_id
    WHERE t.status IS DISTINCT FROM 'holdout'
    GROUP BY t.campaign_id
), attr AS (
    SELECT a.campaign_id,
           count(DISTINCT a.customer_id) AS converted,
           sum(a.attributed_revenue) AS revenue,
           COALESCE(sum(a.attributed_revenue) FILTER (WHERE a.attribution_type = 'direct'), 0)
               AS revenue_direct,
           COALESCE(sum(a.attributed_revenue) FILTER (WHERE a.attribution_type = 'influenced'), 0)
               AS revenue_influenced
    FROM campaign_attributions a
    JOIN camp ON camp.id = a.campaign_id
    LEFT JOIN customers cu ON cu.id = a.customer_id
    WHERE a.attribution_type IN ('direct', 'influenced') AND a.model = camp.attribution_model
      AND (:all_stores OR cu.home_store_id = ANY(CAST(:store_ids AS integer[])))
    GROUP BY a.campaign_id
), cost AS (
    SELECT k.campaign_id, sum(k.amount) AS amount
    FROM campaign_costs k JOIN camp ON camp.id = k.campaign_id
    GROUP BY k.campaign_id
)
SELECT camp.id AS campaign_id, camp.name, camp.channel, camp.status, camp.segment_name, camp.start_at,
       COALESCE(tgt.targets, 0) AS targets, COALESCE(tgt.holdout, 0) AS holdout,
       COALESCE(tgt.excluded, 0) AS excluded, COALESCE(tgt.sent, 0) AS sent,
       COALESCE(tgt.delivered, 0) AS delivered, COALESCE(tgt.opened, 0) AS opened,
       COALESCE(tgt.clicked, 0) AS clicked, COALESCE(tgt.failed, 0) AS failed,
       COALESCE(attr.converted, 0) AS converted,
       COALESCE(attr.revenue, 0) AS revenue,
       COALESCE(attr.revenue_direct, 0) AS revenue_direct,
       COALESCE(attr.revenue_influenced, 0) AS revenue_influenced,
       CASE WHEN :all_stores THEN COALESCE(cost.amount, camp.total_cost, 0)
            ELSE round(COALESCE(cost.amount, camp.total_cost, 0) * COALESCE(tgt.sent, 0)
                       / NULLIF(all_sent.sent, 0), 2)
       END AS cost
FROM camp
LEFT JOIN tgt ON tgt.campaign_id = camp.id
LEFT JOIN all_sent ON all_sent.campaign_id = camp.id
LEFT JOIN attr ON attr.campaign_id = camp.id
LEFT JOIN cost ON cost.campaign_id = camp.id
ORDER BY camp.start_at DESC, camp.name
"""


@dataclass(frozen=True)
class CampaignTotals:
    """Totals over a set of campaigns; rates are shares 0–1 (None when undefined)."""

    campaigns: int
    targets: int
    sent: int
    delivered: int
    opened: int
    clicked: int
    converted: int
    revenue: Decimal
    cost: Decimal
    roi_pct: Decimal | None
    roas: Decimal | None
    delivery_rate: float | None
    open_rate: float | None
    click_rate: float | None
    conversion_rate: float | None


def campaign_kpis(engine: Engine, flt: AnalyticsFilter, channel: str | None = None) -> pd.DataFrame:
    """One row per campaign starting in the period, with KPI_COLUMNS."""
    frame = read_frame(engine, _KPI_SQL, {**flt.params(), "channel": channel or ""})
    if frame.empty:
        return pd.DataFrame(columns=KPI_COLUMNS)
    frame["cost"] = frame["cost"].map(lambda v: Decimal(v or 0))
    frame["roi_pct"] = object_column(
        frame, [roi_pct(r, c) for r, c in zip(frame["revenue"], frame["cost"], strict=True)]
    )
    frame["roas"] = object_column(
        frame, [roas(r, c) for r, c in zip(frame["revenue"], frame["cost"], strict=True)]
    )
    return frame[KPI_COLUMNS]


def totals(kpis: pd.DataFrame) -> CampaignTotals:
    """Sum a `campaign_kpis` frame (or a slice of it) into one set of KPIs."""

    def total(col: str) -> int:
        return int(kpis[col].sum()) if len(kpis) else 0

    revenue = Decimal(sum(kpis["revenue"], Decimal(0))) if len(kpis) else Decimal(0)
    cost = Decimal(sum(kpis["cost"], Decimal(0))) if len(kpis) else Decimal(0)
    sent, delivered = total("sent"), total("delivered")
    return CampaignTotals(
        campaigns=len(kpis),
        targets=total("targets"),
        sent=sent,
        delivered=delivered,
        opened=total("opened"),
        clicked=total("clicked"),
        converted=total("converted"),
        revenue=revenue,
        cost=cost,
        roi_pct=roi_pct(revenue, cost),
        roas=roas(revenue, cost),
        delivery_rate=ratio(delivered, sent),
        open_rate=ratio(total("opened"), delivered),
        click_rate=ratio(total("clicked"), delivered),
        conversion_rate=ratio(total("converted"), sent),
    )


def compare_by(kpis: pd.DataFrame, column: str) -> pd.DataFrame:
    """KPIs grouped by `channel` or `segment_name` (campaigns without a segment: '')."""
    columns = [column, "campaigns", "sent", "delivered", "converted", "revenue", "cost", "roi_pct", "roas"]
    if kpis.empty:
        return pd.DataFrame(columns=[*columns, "conversion_rate"])
    rows = []
    for key, group in kpis.groupby(kpis[column].fillna(""), sort=True):
        t = totals(group)
        rows.append(
            {
                column: key,
                "campaigns": t.campaigns,
                "sent": t.sent,
                "delivered": t.delivered,
                "converted": t.converted,
                "revenue": t.revenue,
                "cost": t.cost,
                "roi_pct": t.roi_pct,
                "roas": t.roas,
                "conversion_rate": t.conversion_rate,
            }
        )
    return pd.DataFrame(rows)


def by_channel(engine: Engine, flt: AnalyticsFilter) -> pd.DataFrame:
    return compare_by(campaign_kpis(engine, flt), "channel")


def by_segment(engine: Engine, flt: AnalyticsFilter) -> pd.DataFrame:
    return compare_by(campaign_kpis(engine, flt), "segment_name")


_TREND_SQL = """
WITH ev AS (
    SELECT (e.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day, e.kind
    FROM campaign_targets t
    JOIN campaigns c ON c.id = t.campaign_id
    LEFT JOIN customers cu ON cu.id = t.customer_id
    CROSS JOIN LATERAL (VALUES ('sent', t.sent_at), ('delivered', t.delivered_at),
                               ('opened', t.opened_at), ('clicked', t.clicked_at)) AS e(kind, at)
    WHERE e.at IS NOT NULL AND t.status IS DISTINCT FROM 'holdout'
      AND (e.at >= :ts_from AND e.at < :ts_to) AND (:all_stores OR cu.home_store_id = ANY(CAST(:store_ids AS integer[])))
      AND (:channel = '' OR c.campaign_type = :channel)
), ev_day AS (
    SELECT day, count(*) FILTER (WHERE kind = 'sent') AS sent,
           count(*) FILTER (WHERE kind = 'delivered') AS delivered,
           count(*) FILTER (WHERE kind = 'opened') AS opened,
           count(*) FILTER (WHERE kind = 'clicked') AS clicked
    FROM ev GROUP BY day
), rev_day AS (
    SELECT (o.order_date AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day,
           count(DISTINCT a.order_id) AS orders, sum(a.attributed_revenue) AS revenue
    FROM campaign_attributions a
    JOIN orders o ON o.id = a.order_id
    JOIN campaigns c ON c.id = a.campaign_id
    LEFT JOIN customers cu ON cu.id = a.customer_id
    WHERE a.attribution_type IN ('direct', 'influenced') AND a.model = c.attribution_model
      AND (o.order_date >= :ts_from AND o.order_date < :ts_to) AND (:all_stores OR cu.home_store_id = ANY(CAST(:store_ids AS integer[])))
      AND (:channel = '' OR c.campaign_type = :channel)
    GROUP BY 1
)
SELECT COALESCE(ev_day.day, rev_day.day) AS day,
       COALESCE(ev_day.sent, 0) AS sent, COALESCE(ev_day.delivered, 0) AS delivered,
       COALESCE(ev_day.opened, 0) AS opened, COALESCE(ev_day.clicked, 0) AS clicked,
       COALESCE(rev_day.orders, 0) AS orders, COALESCE(rev_day.revenue, 0) AS revenue
FROM ev_day FULL JOIN rev_day ON rev_day.day = ev_day.day
ORDER BY 1
"""


def daily_trend(engine: Engine, flt: AnalyticsFilter, channel: str | None = None) -> pd.DataFrame:
    """Per local day: messages sent/delivered/opened/clicked, attributed orders and revenue."""
    return read_frame(engine, _TREND_SQL, {**flt.params(), "channel": channel or ""})
