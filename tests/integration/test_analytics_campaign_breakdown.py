"""One campaign in depth: breakdowns by store/carrier/stage/hour, holdout lift, similar campaigns."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Engine

from matviet_desktop.core.analytics import campaign_breakdown as cb
from matviet_desktop.core.analytics.carriers import carrier_of
from tests.integration.analytics_builders import Rows, campaign_scenario, vn


@pytest.fixture
def rows(engine: Engine) -> Rows:
    return campaign_scenario(Rows(engine))


def test_breakdowns_of_campaign_a(engine: Engine, rows: Rows) -> None:
    parts = cb.breakdowns(engine, rows.ids["A"])
    store = parts["store"].set_index("key")
    assert store.loc["Mắt Việt HN01", ["targets", "sent", "delivered", "clicked", "converted"]].tolist() == [
        2,
        2,
        2,
        1,
        2,
    ]
    assert store.loc["Mắt Việt HN01", "revenue"] == Decimal("2300000")
    assert store.loc["Mắt Việt HCM01", ["targets", "sent", "delivered", "converted"]].tolist() == [1, 1, 0, 0]
    carrier = parts["carrier"].set_index("key")
    assert carrier["sent"].to_dict() == {"Mobifone": 1, "Vinaphone": 1, "Viettel": 1}
    assert carrier.loc["Viettel", "revenue"] == Decimal("1500000")
    assert parts["lifecycle"].set_index("key")["converted"].to_dict() == {
        "active": 1,
        "at_risk": 0,
        "loyal": 1,
    }
    hour = parts["hour"]
    assert hour["key"].tolist() == [10] and hour["sent"].tolist() == [3]
    assert hour["conversion_rate"].iloc[0] == pytest.approx(2 / 3)


def test_holdout_comparison_counts_orders_in_the_window_only(engine: Engine, rows: Rows) -> None:
    rows.order("late", "c2", "hn", vn(2026, 3, 17, 10, 0), 5_000_000)  # exactly 7 days after: outside
    rows.order("void", "c3", "hcm", vn(2026, 3, 13), 999_000, status="cancelled")
    h = cb.holdout_comparison(engine, rows.ids["A"])
    assert (h.treated, h.treated_converted, h.treated_revenue) == (3, 2, Decimal("2300000"))
    assert (h.holdout, h.holdout_converted, h.holdout_revenue) == (1, 1, Decimal("700000"))
    assert h.lift_pp == pytest.approx(-100 / 3)
    half_width = 1.96 * ((2 / 3) * (1 / 3) / 3) ** 0.5 * 100
    assert h.lift_low_pp == pytest.approx(-100 / 3 - half_width)
    assert h.lift_high_pp == pytest.approx(-100 / 3 + half_width)
    assert h.incremental_revenue == Decimal("200000")  # (2 300 000/3 − 700 000/1) × 3


def test_holdout_comparison_without_holdout_has_no_lift(engine: Engine, rows: Rows) -> None:
    h = cb.holdout_comparison(engine, rows.ids["B"])
    assert (h.treated, h.holdout, h.treated_converted) == (1, 0, 1)
    assert h.lift_pp is None and h.incremental_revenue is None


def test_similar_campaigns_are_same_channel_newest_first(engine: Engine, rows: Rows) -> None:
    rows.campaign("D", "sms", status="completed", started_at=vn(2026, 5, 1))
    rows.campaign("E", "sms", status="completed", started_at=vn(2026, 2, 1))
    frame = cb.similar_campaigns(engine, rows.ids["A"])
    assert frame["name"].tolist() == ["Chiến dịch A", "Chiến dịch D", "Chiến dịch E"]
    assert frame["conversion_rate"].iloc[0] == pytest.approx(2 / 3)


def test_carrier_of() -> None:
    assert carrier_of("+84961234567") == "Viettel"
    assert carrier_of("0901234567") == "Mobifone"
    assert carrier_of("+84551234567") == "Wintel"
    assert carrier_of("+84111234567") is None and carrier_of(None) is None
