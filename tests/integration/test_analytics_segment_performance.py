"""Segment performance: revenue by membership at order time, growth, best segments, migrations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from matviet_desktop.core.analytics import AnalyticsFilter
from matviet_desktop.core.analytics import segment_performance as sp
from tests.integration.analytics_builders import Rows, segment_scenario, vn

MARCH = AnalyticsFilter(dt.date(2026, 3, 1), dt.date(2026, 3, 31))


@pytest.fixture
def rows(engine: Engine) -> Rows:
    r = segment_scenario(Rows(engine))
    r.order("o9", "k3", "hcm", vn(2026, 2, 5), 200_000)
    return r


def test_revenue_by_segment_uses_membership_at_order_time(engine: Engine, rows: Rows) -> None:
    frame = sp.revenue_by_segment(engine, MARCH).set_index("segment_name")
    assert list(frame.index) == ["Trung thành", "Có nguy cơ"]  # by revenue
    s1, s2 = frame.loc["Trung thành"], frame.loc["Có nguy cơ"]
    assert (s1.orders, s1.buyers, s1.revenue, s1.previous_revenue) == (
        2,
        2,
        Decimal(3_000_000),
        Decimal(400_000),
    )
    assert s1.revenue_growth_pct == Decimal("650.0")
    assert (s1.members_start, s1.members_end, s1.member_growth_pct) == (2, 2, Decimal("0.0"))
    assert s1.revenue_per_member == Decimal(1_500_000) and s1.buyer_rate == pytest.approx(1.0)
    assert (s2.orders, s2.revenue, s2.previous_revenue, s2.revenue_growth_pct) == (
        2,
        Decimal(800_000),
        Decimal(200_000),
        Decimal("300.0"),
    )
    assert (s2.members_start, s2.members_end, s2.member_growth_pct) == (1, 2, Decimal("100.0"))
    assert sp.best_segments(frame.reset_index())["segment_name"].tolist() == ["Trung thành", "Có nguy cơ"]


def test_store_filter_on_order_store_and_home_store(engine: Engine, rows: Rows) -> None:
    hcm = AnalyticsFilter(MARCH.date_from, MARCH.date_to, (rows.ids["hcm"],))
    frame = sp.revenue_by_segment(engine, hcm).set_index("segment_name")
    assert frame.loc["Trung thành", "revenue"] == 0 and frame.loc["Trung thành", "members_end"] == 1
    assert frame.loc["Có nguy cơ", "revenue"] == Decimal(300_000)
    assert frame.loc["Có nguy cơ", "revenue_growth_pct"] == Decimal("50.0")
    assert frame.loc["Trung thành", "revenue_growth_pct"] is None  # nothing to compare with


def test_without_a_date_range_there_is_no_growth(engine: Engine, rows: Rows) -> None:
    frame = sp.revenue_by_segment(engine, AnalyticsFilter()).set_index("segment_name")
    assert frame.loc["Trung thành", "revenue"] == Decimal(3_400_000)
    assert frame.loc["Trung thành", "revenue_growth_pct"] is None


def test_segment_migration_flows(engine: Engine, rows: Rows) -> None:
    seg = [rows.ids["S1"], rows.ids["S2"]]
    flows = sp.segment_migration(engine, dt.date(2026, 2, 28), dt.date(2026, 3, 31), seg)
    s1, s2 = str(rows.ids["S1"]), str(rows.ids["S2"])
    got = {(f.source, f.target): f.customers for f in flows.itertuples()}
    assert got == {(s1, s1): 1, (s1, s2): 1, (s2, s2): 1, ("", s1): 1}
    hcm = sp.segment_migration(
        engine, dt.date(2026, 2, 28), dt.date(2026, 3, 31), seg, AnalyticsFilter(store_ids=(rows.ids["hcm"],))
    )
    assert {(f.source, f.target): f.customers for f in hcm.itertuples()} == {(s2, s2): 1, ("", s1): 1}
    rows.membership("k1", "S2", vn(2026, 1, 1))  # k1 now in both: counted under the first chosen
    again = sp.segment_migration(engine, dt.date(2026, 2, 28), dt.date(2026, 3, 31), seg)
    assert int(again["customers"].sum()) == 4
    assert sp.segment_names(engine, seg) == {s1: "Trung thành", s2: "Có nguy cơ"}


def test_lifecycle_migration_and_at_risk_outcomes(engine: Engine, rows: Rows) -> None:
    rows.stage("k1", "active", vn(2026, 1, 1), vn(2026, 3, 10))
    rows.stage("k1", "at_risk", vn(2026, 3, 10), vn(2026, 3, 25))
    rows.stage("k1", "active", vn(2026, 3, 25))
    rows.stage("k2", "at_risk", vn(2026, 2, 1), vn(2026, 3, 20))
    rows.stage("k2", "churned", vn(2026, 3, 20))
    midnight = vn(2026, 3, 16, 0, 0)  # a change exactly at the end of day A belongs to day B
    rows.stage("k3", "at_risk", vn(2026, 2, 15), midnight)
    rows.stage("k3", "churned", midnight)
    rows.stage("k4", "new", vn(2026, 3, 20))
    flows = sp.lifecycle_migration(engine, dt.date(2026, 3, 15), dt.date(2026, 3, 31))
    got = {(f.source, f.target): f.customers for f in flows.itertuples()}
    assert got == {("at_risk", "active"): 1, ("at_risk", "churned"): 2, ("", "new"): 1}
    assert sp.at_risk_outcomes(flows) == {"flagged": 3, "returned": 1, "still_at_risk": 0, "churned": 2}
    hcm = sp.lifecycle_migration(
        engine, dt.date(2026, 3, 15), dt.date(2026, 3, 31), AnalyticsFilter(store_ids=(rows.ids["hcm"],))
    )
    assert {(f.source, f.target): f.customers for f in hcm.itertuples()} == {
        ("at_risk", "churned"): 1,
        ("", "new"): 1,
    }
