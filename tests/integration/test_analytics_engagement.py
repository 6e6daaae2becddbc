"""Engagement analytics: score bands, channel effectiveness, response by weekday and hour."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.analytics import AnalyticsFilter
from matviet_desktop.core.analytics import engagement as eg
from tests.integration.analytics_builders import Rows, campaign_scenario

MARCH_APRIL = AnalyticsFilter(dt.date(2026, 3, 1), dt.date(2026, 4, 30))


@pytest.fixture
def rows(engine: Engine) -> Rows:
    r = campaign_scenario(Rows(engine))
    scores = {"c1": 95, "c2": 100, "c3": 40, "c5": 9}
    with engine.begin() as conn:
        for key, score in scores.items():
            conn.execute(
                text(
                    "INSERT INTO customer_scores (customer_id, engagement_score, scored_at) VALUES (:i, :s, now()) "
                    "ON CONFLICT (customer_id) DO UPDATE SET engagement_score = excluded.engagement_score"
                ),
                {"s": score, "i": r.ids[key]},
            )
    return r


def test_score_distribution_bands(engine: Engine, rows: Rows) -> None:
    dist = eg.score_distribution(engine, AnalyticsFilter()).set_index("bucket")
    assert dist.loc[90, "customers"] == 2 and dist.loc[90, "label"] == "90–100"
    assert dist.loc[40, "customers"] == 1 and dist.loc[0, "customers"] == 1
    assert dist.loc[-1, "customers"] == 1  # c4 was never scored
    assert int(dist["customers"].sum()) == 5 and dist.loc[90, "share"] == pytest.approx(0.4)
    hcm = eg.score_distribution(engine, AnalyticsFilter(store_ids=(rows.ids["hcm"],))).set_index("bucket")
    assert (
        hcm.loc[40, "customers"] == 1 and hcm.loc[-1, "customers"] == 1 and int(hcm["customers"].sum()) == 2
    )


def test_channel_effectiveness(engine: Engine, rows: Rows) -> None:
    ch = eg.channel_effectiveness(engine, MARCH_APRIL).set_index("channel")
    assert list(ch.index) == ["sms", "zalo"]
    sms = ch.loc["sms"]
    assert (sms.sent, sms.delivered, sms.clicked, sms.converted) == (3, 2, 1, 2)
    assert sms.delivery_rate == pytest.approx(2 / 3) and sms.click_rate == pytest.approx(0.5)
    assert sms.revenue_per_sent == Decimal("766667")  # 2 300 000 / 3
    assert sms.cost_per_conversion == Decimal("51200")  # 102 400 / 2
    assert ch.loc["zalo", "open_rate"] == pytest.approx(1.0)


def test_send_time_grid_and_best_times(engine: Engine, rows: Rows) -> None:
    grid = eg.send_time_response(engine, MARCH_APRIL).set_index(["weekday", "hour"])
    assert grid.loc[(2, 10), ["sent", "responded", "converted"]].tolist() == [3, 2, 2]  # Tuesday 10:00
    assert grid.loc[(7, 10), ["sent", "responded", "converted"]].tolist() == [1, 1, 1]  # Sunday 10:00
    assert len(grid) == 2
    best = eg.best_send_times(grid.reset_index(), top=1, min_sent=1)
    assert best[["weekday", "hour"]].values.tolist() == [[7, 10]]
    assert eg.best_send_times(grid.reset_index(), min_sent=2)[["weekday", "hour"]].values.tolist() == [
        [2, 10]
    ]
