"""Campaign performance analytics against hand-built campaigns, targets, costs and attributions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from matviet_desktop.core.analytics import AnalyticsFilter
from matviet_desktop.core.analytics import campaign_performance as cp
from tests.integration.analytics_builders import Rows, campaign_scenario

MARCH_APRIL = AnalyticsFilter(dt.date(2026, 3, 1), dt.date(2026, 4, 30))


@pytest.fixture
def rows(engine: Engine) -> Rows:
    return campaign_scenario(Rows(engine))


def test_kpis_per_campaign_are_exact(engine: Engine, rows: Rows) -> None:
    kpis = cp.campaign_kpis(engine, MARCH_APRIL).set_index("name")
    assert list(kpis.index) == ["Chiến dịch B", "Chiến dịch A"]  # newest first; C outside the period
    a = kpis.loc["Chiến dịch A"]
    assert (a.targets, a.holdout, a.excluded, a.sent, a.delivered, a.opened, a.clicked, a.failed) == (
        3,
        1,
        1,
        3,
        2,
        0,
        1,
        1,
    )
    assert a.converted == 2
    assert a.revenue == Decimal("2300000") and a.revenue_direct == Decimal("1500000")
    assert a.revenue_influenced == Decimal("800000")
    assert a.cost == Decimal("102400")
    assert a.roi_pct == Decimal("2146.09")  # (2 300 000 − 102 400) / 102 400 × 100
    assert a.roas == Decimal("22.46")
    assert a.segment_name == "Khách VIP"
    b = kpis.loc["Chiến dịch B"]
    assert (b.sent, b.delivered, b.opened, b.converted) == (1, 1, 1, 1)
    assert b.cost == Decimal("50000") and b.roi_pct == Decimal("1700.00") and b.roas == Decimal("18.00")


def test_store_filter_keeps_home_store_targets_and_prorates_cost(engine: Engine, rows: Rows) -> None:
    flt = AnalyticsFilter(MARCH_APRIL.date_from, MARCH_APRIL.date_to, (rows.ids["hcm"],))
    a = cp.campaign_kpis(engine, flt).set_index("name").loc["Chiến dịch A"]
    assert (a.targets, a.sent, a.delivered, a.excluded, a.holdout, a.converted) == (1, 1, 0, 1, 0, 0)
    assert a.cost == Decimal("34133.33")  # 102 400 × 1 of 3 sent
    assert a.revenue == Decimal(0) and a.roi_pct == Decimal("-100.00")


def test_totals_and_comparisons(engine: Engine, rows: Rows) -> None:
    kpis = cp.campaign_kpis(engine, MARCH_APRIL)
    t = cp.totals(kpis)
    assert (t.campaigns, t.sent, t.delivered, t.converted) == (2, 4, 3, 3)
    assert t.revenue == Decimal("3200000") and t.cost == Decimal("152400")
    assert t.roas == Decimal("21.00")  # 3 200 000 / 152 400 = 20.997…
    assert t.delivery_rate == pytest.approx(0.75) and t.conversion_rate == pytest.approx(0.75)
    channels = cp.compare_by(kpis, "channel").set_index("channel")
    assert list(channels.index) == ["sms", "zalo"]
    assert channels.loc["zalo", "revenue"] == Decimal("900000")
    segments = cp.compare_by(kpis, "segment_name").set_index("segment_name")
    assert segments.loc["Khách VIP", "converted"] == 2 and segments.loc["", "campaigns"] == 1


def test_channel_filter_and_empty_period(engine: Engine, rows: Rows) -> None:
    assert list(cp.campaign_kpis(engine, MARCH_APRIL, channel="zalo")["name"]) == ["Chiến dịch B"]
    empty = cp.campaign_kpis(engine, AnalyticsFilter(dt.date(2020, 1, 1), dt.date(2020, 1, 31)))
    assert empty.empty and list(empty.columns) == cp.KPI_COLUMNS
    assert cp.totals(empty).roi_pct is None


def test_daily_trend_uses_vietnam_days(engine: Engine, rows: Rows) -> None:
    trend = cp.daily_trend(engine, MARCH_APRIL).set_index("day")
    assert trend.loc[dt.date(2026, 3, 10), ["sent", "delivered", "clicked"]].tolist() == [3, 2, 0]
    assert trend.loc[dt.date(2026, 3, 11), "clicked"] == 1
    assert trend.loc[dt.date(2026, 3, 11), "revenue"] == Decimal("1500000")
    assert trend.loc[dt.date(2026, 3, 12), "revenue"] == Decimal("800000")  # holdout order not counted
    assert trend.loc[dt.date(2026, 4, 6), "orders"] == 1
    assert int(trend["sent"].sum()) == 4
