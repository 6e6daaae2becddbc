"""One campaign in depth (the campaign analytics page): breakdowns, holdout comparison, peers.

Breakdowns come from one pass over the campaign's targets with GROUPING SETS (store, carrier,
lifecycle stage, hour of sending), so a 100k-target campaign is read once.
"""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import cast

import pandas as pd
from sqlalchemy import Engine

from matviet_desktop.core.analytics.campaign_performance import campaign_kpis
from matviet_desktop.core.analytics.carriers import carrier_rows
from matviet_desktop.core.analytics.filters import AnalyticsFilter, ratio, read_frame

DIMENSIONS = ("store", "carrier", "lifecycle", "hour")

_BREAKDOWN_SQL = """
WITH carriers AS (
    SELECT x.prefix, x.carrier
    FROM jsonb_to_recordset(CAST(:carriers AS jsonb)) AS x(prefix text, carrier text)
), conv AS (
    SELECT a.customer_id, sum(a.attributed_revenue) AS revenue
    FROM campaign_attributions a
    JOIN campaigns c ON c.id = a.campaign_id AND a.model = c.attribution_model
    WHERE a.campaign_id = :campaign_id AND a.attribution_type IN ('direct', 'influenced')
    GROUP BY a.customer_id
), t AS (
    SELECT COALESCE(s.name, '') AS store,
           COALESCE(k.carrier, '') AS carrier,
           COALESCE(sc.lifecycle_stage, '') AS lifecycle,
           extract(hour FROM t.sent_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS hour,
           t.sent_at, t.delivered_at, t.opened_at, t.clicked_at,
           conv.customer_id IS NOT NULL AS converted, COALESCE(conv.revenue, 0) AS revenue
    FROM campaign_targets t
    LEFT JOIN customers cu ON cu.id = t.customer_id
    LEFT JOIN customer_scores sc ON sc.customer_id = t.customer_id
    LEFT JOIN stores s ON s.id = cu.home_store_id
    LEFT JOIN carriers k ON k.prefix = '0' || substring(COALESCE(t.phone, cu.phone) FROM 4 FOR 2)
    LEFT JOIN conv ON conv.customer_id = t.customer_id
    WHERE t.campaign_id = :campaign_id
      AND t.status IS DISTINCT FROM 'holdout' AND t.status IS DISTINCT FROM 'excluded'
)
SELECT CASE WHEN GROUPING(store) = 0 THEN 'store'
            WHEN GROUPING(carrier) = 0 THEN 'carrier'
            WHEN GROUPING(lifecycle) = 0 THEN 'lifecycle' ELSE 'hour' END AS dimension,
       COALESCE(store, carrier, lifecycle, hour::text) AS key,
       count(*) AS targets, count(sent_at) AS sent, count(delivered_at) AS delivered,
       count(opened_at) AS opened, count(clicked_at) AS clicked,
       count(*) FILTER (WHERE converted) AS converted, sum(revenue) AS revenue
FROM t
GROUP BY GROUPING SETS ((store), (carrier), (lifecycle), (hour))
"""


def breakdowns(engine: Engine, campaign_id: uuid.UUID) -> dict[str, pd.DataFrame]:
    """Per dimension ('store', 'carrier', 'lifecycle', 'hour'): targets, funnel counts, revenue.

    Hours are local hours of sending; targets never sent have no hour and are left out there.
    Unknown store/carrier/stage appear under the key ''.
    """
    params = {"campaign_id": campaign_id, "carriers": json.dumps(carrier_rows())}
    frame = read_frame(engine, _BREAKDOWN_SQL, params)
    out: dict[str, pd.DataFrame] = {}
    for dim in DIMENSIONS:
        part = frame[frame["dimension"] == dim].drop(columns="dimension") if len(frame) else frame
        if dim == "hour":
            part = part[part["key"].notna()].assign(key=lambda f: f["key"].astype(int))
        part = part.sort_values("key").reset_index(drop=True)
        part["conversion_rate"] = [ratio(c, s) for c, s in zip(part["converted"], part["sent"], strict=True)]
        out[dim] = part
    return out


@dataclass(frozen=True)
class HoldoutComparison:
    """Reached targets vs the random holdout, over the campaign's attribution window.

    A customer converts when they complete an order in [start, start + attribution_days). The
    interval is the 95 % Wald interval of the difference of the two conversion rates.
    """

    treated: int
    treated_converted: int
    treated_revenue: Decimal
    holdout: int
    holdout_converted: int
    holdout_revenue: Decimal
    treated_rate: float | None
    holdout_rate: float | None
    lift_pp: float | None  # percentage points
    lift_low_pp: float | None
    lift_high_pp: float | None
    incremental_revenue: Decimal | None


_HOLDOUT_SQL = """
WITH c AS (
    SELECT id, COALESCE(started_at, scheduled_at, created_at) AS start_at,
           COALESCE(attribution_days, 7) AS days
    FROM campaigns WHERE id = :campaign_id
), g AS (
    SELECT t.customer_id, (t.status = 'holdout') AS is_holdout
    FROM campaign_targets t
    WHERE t.campaign_id = :campaign_id AND (t.status = 'holdout' OR t.sent_at IS NOT NULL)
), o AS (
    SELECT g.customer_id, sum(o.total_amount) AS revenue
    FROM g JOIN orders o ON o.customer_id = g.customer_id, c
    WHERE o.status = 'completed' AND o.order_date >= c.start_at
      AND o.order_date < c.start_at + make_interval(days => c.days)
    GROUP BY g.customer_id
)
SELECT g.is_holdout, count(*) AS n, count(o.customer_id) AS converted, COALESCE(sum(o.revenue), 0) AS revenue
FROM g LEFT JOIN o ON o.customer_id = g.customer_id
GROUP BY g.is_holdout
"""


def holdout_comparison(engine: Engine, campaign_id: uuid.UUID) -> HoldoutComparison:
    frame = read_frame(engine, _HOLDOUT_SQL, {"campaign_id": campaign_id}).set_index("is_holdout")

    def get(flag: bool, col: str) -> int | Decimal:
        if flag not in frame.index:
            return Decimal(0) if col == "revenue" else 0
        return cast(int | Decimal, frame.loc[flag, col])

    nt, ct, rt = int(get(False, "n")), int(get(False, "converted")), Decimal(get(False, "revenue"))
    nh, ch, rh = int(get(True, "n")), int(get(True, "converted")), Decimal(get(True, "revenue"))
    pt, ph = ratio(ct, nt), ratio(ch, nh)
    lift = low = high = None
    incremental = None
    if pt is not None and ph is not None:
        lift = (pt - ph) * 100
        se = math.sqrt(pt * (1 - pt) / nt + ph * (1 - ph) / nh) * 100
        low, high = lift - 1.96 * se, lift + 1.96 * se
        per_treated = rt / nt - rh / nh
        incremental = (per_treated * nt).quantize(Decimal("1"))
    return HoldoutComparison(nt, ct, rt, nh, ch, rh, pt, ph, lift, low, high, incremental)


def similar_campaigns(engine: Engine, campaign_id: uuid.UUID, limit: int = 5) -> pd.DataFrame:
    """The campaign and up to `limit` most recent other campaigns on the same channel, with KPIs."""
    everything = campaign_kpis(engine, AnalyticsFilter())
    me = everything[everything["campaign_id"] == campaign_id]
    if me.empty:
        return me
    peers = everything[
        (everything["channel"] == me.iloc[0]["channel"]) & (everything["campaign_id"] != campaign_id)
    ]
    frame = pd.concat([me, peers.head(limit)], ignore_index=True)
    frame["conversion_rate"] = [ratio(c, s) for c, s in zip(frame["converted"], frame["sent"], strict=True)]
    return frame
