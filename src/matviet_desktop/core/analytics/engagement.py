"""Customer engagement analytics (plan 3.3): score distribution, channel effectiveness, send times.

Churn-prediction accuracy lives in `model_health` (a time-split backtest) and in
`segment_performance.lifecycle_migration` (what became of customers flagged at risk).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine

from matviet_desktop.core.analytics.campaign_performance import campaign_kpis, totals
from matviet_desktop.core.analytics.filters import AnalyticsFilter, ratio, read_frame

_DISTRIBUTION_SQL = """
SELECT CASE WHEN sc.engagement_score IS NULL THEN -1
            ELSE least(greatest(sc.engagement_score, 0) / 10, 9) * 10 END AS bucket,
       count(*) AS customers
FROM customers c LEFT JOIN customer_scores sc ON sc.customer_id = c.id
WHERE (:all_stores OR c.home_store_id = ANY(CAST(:store_ids AS integer[])))
  AND c.created_at < :ts_to
GROUP BY 1
"""


def score_distribution(engine: Engine, flt: AnalyticsFilter) -> pd.DataFrame:
    """Customers per engagement-score band: `bucket` 0, 10, … 90 (90 holds 90–100), `label`.

    The score is today's; the store filter is the home store and the date filter keeps customers
    who existed by its end. Unscored customers are a band of their own (`bucket` −1, label '').
    """
    found = read_frame(engine, _DISTRIBUTION_SQL, flt.params())
    counts = dict(zip(found["bucket"].astype(int), found["customers"].astype(int), strict=True))
    rows = [
        {"bucket": b, "label": f"{b}–{b + 9 if b < 90 else 100}", "customers": counts.get(b, 0)}
        for b in range(0, 100, 10)
    ]
    rows.append({"bucket": -1, "label": "", "customers": counts.get(-1, 0)})
    frame = pd.DataFrame(rows)
    total = int(frame["customers"].sum())
    frame["share"] = [ratio(c, total) for c in frame["customers"]]
    return frame


def channel_effectiveness(engine: Engine, flt: AnalyticsFilter) -> pd.DataFrame:
    """Per channel over campaigns starting in the period: funnel rates, revenue per message, cost per
    conversion (VND, rounded), ROI and ROAS."""
    kpis = campaign_kpis(engine, flt)
    rows = []
    for channel, group in kpis.groupby("channel", sort=True):
        t = totals(group)
        rows.append(
            {
                "channel": channel,
                "campaigns": t.campaigns,
                "sent": t.sent,
                "delivered": t.delivered,
                "opened": t.opened,
                "clicked": t.clicked,
                "converted": t.converted,
                "revenue": t.revenue,
                "cost": t.cost,
                "delivery_rate": t.delivery_rate,
                # SMS has no read receipts: an open rate of 0 % would mislead.
                "open_rate": None if channel == "sms" else t.open_rate,
                "click_rate": t.click_rate,
                "conversion_rate": t.conversion_rate,
                "revenue_per_sent": (t.revenue / t.sent).quantize(1) if t.sent else None,
                "cost_per_conversion": (t.cost / t.converted).quantize(1) if t.converted else None,
                "roi_pct": t.roi_pct,
                "roas": t.roas,
            }
        )
    return pd.DataFrame(rows)


_SEND_TIME_SQL = """
WITH conv AS (
    SELECT DISTINCT a.campaign_id, a.customer_id
    FROM campaign_attributions a
    JOIN campaigns c ON c.id = a.campaign_id AND a.model = c.attribution_model
    WHERE a.attribution_type IN ('direct', 'influenced')
)
SELECT extract(isodow FROM t.sent_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS weekday,
       extract(hour FROM t.sent_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS hour,
       count(*) AS sent,
       count(*) FILTER (WHERE t.opened_at IS NOT NULL OR t.clicked_at IS NOT NULL
                          OR conv.customer_id IS NOT NULL) AS responded,
       count(conv.customer_id) AS converted
FROM campaign_targets t
LEFT JOIN customers cu ON cu.id = t.customer_id
LEFT JOIN conv ON conv.campaign_id = t.campaign_id AND conv.customer_id = t.customer_id
WHERE t.sent_at IS NOT NULL AND t.status IS DISTINCT FROM 'holdout'
  AND (t.sent_at >= :ts_from AND t.sent_at < :ts_to)
  AND (:all_stores OR cu.home_store_id = ANY(CAST(:store_ids AS integer[])))
GROUP BY 1, 2
ORDER BY 1, 2
"""


def send_time_response(engine: Engine, flt: AnalyticsFilter) -> pd.DataFrame:
    """Messages sent in the period by local weekday (1 = Monday … 7 = Sunday) and hour: sent,
    responded (opened, clicked or converted), converted, and their rates."""
    frame = read_frame(engine, _SEND_TIME_SQL, flt.params())
    frame["response_rate"] = [ratio(r, s) for r, s in zip(frame["responded"], frame["sent"], strict=True)]
    frame["conversion_rate"] = [ratio(c, s) for c, s in zip(frame["converted"], frame["sent"], strict=True)]
    return frame


def best_send_times(grid: pd.DataFrame, top: int = 5, min_sent: int = 30) -> pd.DataFrame:
    """The `top` weekday/hour cells by response rate among those with at least `min_sent` messages
    (small cells are noise); ties broken by volume."""
    eligible = grid[grid["sent"] >= min_sent]
    return (
        eligible.sort_values(["response_rate", "sent"], ascending=[False, False])
        .head(top)
        .reset_index(drop=True)
    )
