"""Everything one dashboard shows, computed in one call (run on a worker thread by the UI, and
timed by bench/bench_dashboards.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Engine, text

from matviet_desktop.core.analytics import campaign_performance as cp
from matviet_desktop.core.analytics import engagement as eg
from matviet_desktop.core.analytics import segment_performance as sp
from matviet_desktop.core.analytics.filters import VN_TZ, AnalyticsFilter


def _together(*calls: Callable[[], Any]) -> list[Any]:
    """Run independent queries at the same time, each on its own pooled connection, so a
    dashboard costs about its slowest query rather than the sum."""
    with ThreadPoolExecutor(max_workers=len(calls), thread_name_prefix="dashboard") as pool:
        futures = [pool.submit(call) for call in calls]
        return [f.result() for f in futures]


LIFECYCLE_ORDER = ["", "prospect", "new", "active", "loyal", "reactivated", "at_risk", "churned"]


def data_anchor(engine: Engine) -> dt.date:
    """The newest order day (Vietnam time), so date presets show data on demo databases too."""
    with engine.connect() as conn:
        newest = conn.execute(text("SELECT max(order_date) FROM orders")).scalar()
    return newest.astimezone(VN_TZ).date() if newest else dt.datetime.now(VN_TZ).date()


@dataclass(frozen=True)
class CampaignDashboard:
    kpis: pd.DataFrame
    totals: cp.CampaignTotals
    trend: pd.DataFrame
    by_channel: pd.DataFrame
    by_segment: pd.DataFrame


def campaign_dashboard(engine: Engine, flt: AnalyticsFilter) -> CampaignDashboard:
    kpis, trend = _together(lambda: cp.campaign_kpis(engine, flt), lambda: cp.daily_trend(engine, flt))
    return CampaignDashboard(
        kpis=kpis,
        totals=cp.totals(kpis),
        trend=trend,
        by_channel=cp.compare_by(kpis, "channel"),
        by_segment=cp.compare_by(kpis, "segment_name"),
    )


@dataclass(frozen=True)
class SegmentDashboard:
    revenue: pd.DataFrame
    best: pd.DataFrame
    flows: pd.DataFrame  # source, target, customers
    flow_order: list[str]
    flow_labels: dict[str, str]  # node key → label (segment names; lifecycle codes stay codes)
    mode: str  # 'lifecycle' or 'segments'
    day_a: dt.date
    day_b: dt.date
    segments: int = 0  # active segments
    history_from: dt.datetime | None = None  # first membership stay; None = never refreshed


def segment_dashboard(
    engine: Engine, flt: AnalyticsFilter, segment_ids: list[uuid.UUID] | None = None
) -> SegmentDashboard:
    """Revenue by segment over the filter; migration from its first to its last day (lifecycle
    stages, or the chosen segments when `segment_ids` is given)."""
    day_b = flt.date_to or data_anchor(engine)
    day_a = flt.date_from or day_b - dt.timedelta(days=365)
    if segment_ids:
        revenue, flows, names, coverage = _together(
            lambda: sp.revenue_by_segment(engine, flt),
            lambda: sp.segment_migration(engine, day_a, day_b, segment_ids, flt),
            lambda: sp.segment_names(engine, segment_ids),
            lambda: sp.history_coverage(engine),
        )
        order = ["", *[str(s) for s in segment_ids]]
        mode = "segments"
    else:
        revenue, flows, coverage = _together(
            lambda: sp.revenue_by_segment(engine, flt),
            lambda: sp.lifecycle_migration(engine, day_a, day_b, flt),
            lambda: sp.history_coverage(engine),
        )
        names = {}
        seen = set(flows["source"]) | set(flows["target"])
        order = [s for s in LIFECYCLE_ORDER if s in seen] + sorted(seen - set(LIFECYCLE_ORDER))
        mode = "lifecycle"
    return SegmentDashboard(
        revenue, sp.best_segments(revenue), flows, order, names, mode, day_a, day_b, *coverage
    )


@dataclass(frozen=True)
class EngagementDashboard:
    distribution: pd.DataFrame
    channels: pd.DataFrame
    send_times: pd.DataFrame
    best_times: pd.DataFrame
    at_risk: dict[str, int]  # what became of customers at risk at the start of the period


def engagement_dashboard(engine: Engine, flt: AnalyticsFilter) -> EngagementDashboard:
    day_b = flt.date_to or data_anchor(engine)
    day_a = flt.date_from or day_b - dt.timedelta(days=365)
    grid, flows, distribution, channels = _together(
        lambda: eg.send_time_response(engine, flt),
        lambda: sp.lifecycle_migration(engine, day_a, day_b, flt),
        lambda: eg.score_distribution(engine, flt),
        lambda: eg.channel_effectiveness(engine, flt),
    )
    return EngagementDashboard(
        distribution=distribution,
        channels=channels,
        send_times=grid,
        best_times=eg.best_send_times(grid),
        at_risk=sp.at_risk_outcomes(flows),
    )
