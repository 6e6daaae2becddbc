"""Attribution and KPIs on a hand-built scenario whose every row is worked out by hand.

Campaign A (SMS, 7 days, promo THU10) starts at T0; campaign B (email, 3 days, promo EMAIL5) starts
two days later and overlaps it for customer 1. See docs/attribution.md for the same story in prose.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.attribution import campaign_report, compare, refresh
from tests.integration import campaigns_data as d

T0 = dt.datetime(2026, 10, 1, 9, 0, tzinfo=d.VN)
DAY = dt.timedelta(days=1)


@dataclass
class World:
    a: object
    b: object
    c: dict[int, object]
    o: dict[str, object]


@pytest.fixture
def world(engine: Engine) -> World:
    with engine.begin() as conn:
        s = d.store(conn)
        c = {i: d.customer(conn, f"Khách {i}", f"+8491234500{i}") for i in range(1, 9)}
        a = d.campaign(conn, "A: Thu sang", attribution_days=7, promo_code="THU10", started_at=T0,
                       status="completed")  # fmt: skip
        b = d.campaign(conn, "B: Email cuối tuần", campaign_type="email", attribution_days=3,
                       promo_code="EMAIL5", started_at=T0 + 2 * DAY, status="completed")  # fmt: skip
        d.target(conn, a, c[1], "delivered", sent_at=T0, delivered_at=T0 + dt.timedelta(minutes=1))
        d.target(conn, a, c[2], "accepted", sent_at=T0)
        d.target(conn, a, c[3], "accepted", sent_at=T0, clicked_at=T0 + dt.timedelta(hours=1))
        d.target(conn, a, c[4], "holdout")
        d.target(conn, a, c[5], "holdout")
        d.target(conn, a, c[6], "excluded", exclusion_reason="no_consent")
        d.target(conn, a, c[7], "failed", error_message="108")
        d.target(conn, a, c[8], "accepted", sent_at=T0)
        d.target(conn, b, c[1], "delivered", sent_at=T0 + 2 * DAY, delivered_at=T0 + 2 * DAY)
        d.target(conn, b, c[2], "delivered", sent_at=T0 + 2 * DAY, delivered_at=T0 + 2 * DAY)
        o = {
            "o1": d.order(conn, c[1], s, T0 + 3 * DAY, 1_000_000),
            "o2": d.order(conn, c[1], s, T0 + 4 * DAY, 600_000, promo_code="thu10"),
            "o3": d.order(conn, c[2], s, T0 + 7 * DAY, 700_000),  # exactly at the end of A's window
            "o4": d.order(conn, c[2], s, T0 + 7 * DAY + dt.timedelta(seconds=1), 800_000),  # just outside
            "o5": d.order(conn, c[3], s, T0 + dt.timedelta(hours=2), 500_000),  # after the click
            "o6": d.order(conn, c[3], s, T0 + DAY, 400_000),  # refunded later in the tests
            "o7": d.order(conn, c[4], s, T0 + 2 * DAY, 300_000),  # holdout customer
            "o9": d.order(conn, c[1], s, T0 - DAY, 100_000),  # before any campaign
            "o10": d.order(conn, c[7], s, T0 + DAY, 200_000),  # send failed
            "o11": d.order(conn, c[6], s, T0 + DAY, 250_000),  # suppressed
            "o12": d.order(conn, c[1], s, T0 + 2 * DAY + dt.timedelta(hours=1), "100000.01"),
        }
        d.order(conn, c[2], s, T0 + DAY, 999_000, status="cancelled")
        conn.execute(
            text("INSERT INTO campaign_costs (campaign_id, cost_type, amount) VALUES (:a, 'sms', 300000), "
                 "(:a, 'design', 200000)"),
            {"a": a},
        )  # fmt: skip
    return World(a, b, c, o)


def rows(engine: Engine, model: str) -> set[tuple]:
    with engine.connect() as conn:
        return {
            (str(r[0]), str(r[1]), r[2], r[3], r[4], r[5])
            for r in conn.execute(
                text(
                    "SELECT campaign_id, order_id, attributed_revenue, attribution_type, days_after_campaign, "
                    "is_holdout FROM campaign_attributions WHERE model = :m"
                ),
                {"m": model},
            )
        }


def row(w: World, camp: object, order: str, amount: str | int, kind: str, days: int, holdout: bool = False):
    return (str(camp), str(w.o[order]), Decimal(str(amount)).quantize(Decimal("0.01")), kind, days, holdout)


def test_last_touch_rows_are_exact(engine: Engine, world: World) -> None:
    w = world
    result = refresh(engine)
    assert result.campaigns == 2
    assert rows(engine, "last_touch") == {
        row(w, w.b, "o1", 1_000_000, "influenced", 1),  # A and B both candidates: B is more recent
        row(w, w.a, "o2", 600_000, "direct", 4),  # A's promo code beats B's recency
        row(w, w.a, "o3", 700_000, "influenced", 7),  # just inside A's 7 days; outside B's 3
        row(w, w.a, "o5", 500_000, "direct", 0),  # clicked before ordering
        row(w, w.a, "o6", 400_000, "direct", 1),
        row(w, w.b, "o12", "100000.01", "influenced", 0),
    }


def test_first_touch_and_linear_rows_are_exact(engine: Engine, world: World) -> None:
    w = world
    refresh(engine)
    assert rows(engine, "first_touch") == {
        row(w, w.a, "o1", 1_000_000, "influenced", 3),
        row(w, w.a, "o2", 600_000, "direct", 4),
        row(w, w.a, "o3", 700_000, "influenced", 7),
        row(w, w.a, "o5", 500_000, "direct", 0),
        row(w, w.a, "o6", 400_000, "direct", 1),
        row(w, w.a, "o12", "100000.01", "influenced", 2),
    }
    assert rows(engine, "linear") == {
        row(w, w.a, "o1", 500_000, "influenced", 3),
        row(w, w.b, "o1", 500_000, "influenced", 1),
        row(w, w.a, "o2", 300_000, "direct", 4),
        row(w, w.b, "o2", 300_000, "influenced", 2),
        row(w, w.a, "o3", 700_000, "influenced", 7),
        row(w, w.a, "o5", 500_000, "direct", 0),
        row(w, w.a, "o6", 400_000, "direct", 1),
        # 100,000.01 split in two: the last-touch winner (B) takes the rounding remainder.
        row(w, w.a, "o12", "50000.01", "influenced", 2),
        row(w, w.b, "o12", "50000.00", "influenced", 0),
    }
    with engine.connect() as conn:
        split = conn.execute(
            text("SELECT order_id, sum(attributed_revenue), sum(weight) FROM campaign_attributions "
                 "WHERE model = 'linear' GROUP BY order_id"),
        ).all()  # fmt: skip
    totals = {"o1": 1_000_000, "o2": 600_000, "o3": 700_000, "o5": 500_000, "o6": 400_000, "o12": "100000.01"}
    assert {str(o): (s, w_) for o, s, w_ in split} == {
        str(w.o[k]): (Decimal(str(v)).quantize(Decimal("0.01")), Decimal(1)) for k, v in totals.items()
    }


def test_window_rows_track_sent_and_holdout_groups_alike(engine: Engine, world: World) -> None:
    w = world
    refresh(engine)
    window = {r for r in rows(engine, "window") if r[0] == str(w.a)}
    assert window == {
        row(w, w.a, "o1", 1_000_000, "influenced", 3),
        row(w, w.a, "o2", 600_000, "direct", 4),
        row(w, w.a, "o3", 700_000, "influenced", 7),
        row(w, w.a, "o5", 500_000, "direct", 0),
        row(w, w.a, "o6", 400_000, "direct", 1),
        row(w, w.a, "o10", 200_000, "influenced", 1),  # failed send still in the randomised group
        row(w, w.a, "o12", "100000.01", "influenced", 2),
        row(w, w.a, "o7", 300_000, "holdout", 2, holdout=True),
    }


def test_refresh_is_idempotent_and_scoped(engine: Engine, world: World) -> None:
    w = world
    refresh(engine, [w.a])
    only_a = rows(engine, "last_touch")
    assert {r[0] for r in only_a} == {str(w.a)}  # B's rows are not written by a refresh of A
    refresh(engine, [w.a])
    assert rows(engine, "last_touch") == only_a
    refresh(engine)
    full = rows(engine, "last_touch")
    assert {r for r in full if r[0] == str(w.a)} == only_a  # competition with B was already considered
    refresh(engine)
    assert rows(engine, "last_touch") == full


def test_refund_reverses_attribution(engine: Engine, world: World) -> None:
    w = world
    refresh(engine)
    before = campaign_report(engine, w.a)
    with engine.begin() as conn:
        conn.execute(text("UPDATE orders SET status = 'refunded' WHERE id = :o"), {"o": w.o["o6"]})
    refresh(engine, [w.a])
    after = campaign_report(engine, w.a)
    assert before.revenue_direct - after.revenue_direct == Decimal(400_000)
    assert str(w.o["o6"]) not in {r[1] for r in rows(engine, "last_touch")}
    assert str(w.o["o6"]) not in {r[1] for r in rows(engine, "window")}


def test_campaign_report_kpis(engine: Engine, world: World) -> None:
    w = world
    with engine.begin() as conn:
        conn.execute(text("UPDATE orders SET status = 'refunded' WHERE id = :o"), {"o": w.o["o6"]})
    refresh(engine)
    r = campaign_report(engine, w.a)
    assert (r.targets, r.sent, r.delivered, r.opened, r.clicked) == (8, 4, 1, 0, 1)
    assert r.status_counts == {"delivered": 1, "accepted": 3, "holdout": 2, "excluded": 1, "failed": 1}
    assert r.suppression_counts == {"no_consent": 1}
    assert r.converted_customers == 3  # customers 1, 2, 3
    assert r.conversion_rate == 0.75  # of the 4 reached
    assert r.orders == 3
    assert r.revenue_direct == Decimal("1100000.00")
    assert r.revenue_influenced == Decimal("700000.00")
    assert r.revenue == Decimal("1800000.00")
    assert r.cost == Decimal("500000.00")
    assert r.roi_pct == 260.0
    assert r.roas == 3.6
    assert r.revenue_by_model == {
        "last_touch": Decimal("1800000.00"),
        "first_touch": Decimal("2900000.01"),
        "linear": Decimal("2050000.01"),
    }
    lift = r.lift
    assert lift is not None
    assert (lift.treated, lift.holdout, lift.treated_converted, lift.holdout_converted) == (5, 2, 4, 1)
    assert lift.treated_revenue == Decimal("3100000.01")
    assert lift.holdout_revenue == Decimal("300000.00")
    assert lift.conversion_lift_abs == pytest.approx(0.3)
    assert lift.conversion_lift_rel == pytest.approx(0.6)
    half_width = 1.959964 * math.sqrt(0.8 * 0.2 / 5 + 0.5 * 0.5 / 2)
    assert lift.conversion_lift_ci == pytest.approx((0.3 - half_width, 0.3 + half_width), abs=1e-5)
    assert lift.incremental_revenue == Decimal(2_350_000)
    assert lift.significant is False
    assert lift.incremental_revenue_ci is not None
    assert lift.incremental_revenue_ci[0] < lift.incremental_revenue < lift.incremental_revenue_ci[1]
    days = {t.day: t for t in r.trend}
    assert days["2026-10-01"].sent == 4 and days["2026-10-01"].clicked == 1
    assert days["2026-10-01"].revenue == Decimal(500_000)
    assert days["2026-10-05"].revenue == Decimal(600_000)
    assert days["2026-10-08"].revenue == Decimal(700_000)


def test_report_without_holdout_or_cost(engine: Engine, world: World) -> None:
    refresh(engine)
    r = campaign_report(engine, world.b)
    assert r.lift is None
    assert r.cost == 0 and r.roi_pct is None and r.roas is None
    assert r.revenue == Decimal("1100000.01")
    assert r.conversion_rate == 0.5  # customer 1 of the 2 reached


def test_compare_by_channel(engine: Engine, world: World) -> None:
    refresh(engine)
    by_channel = {row.key: row for row in compare(engine, "channel")}
    assert by_channel["sms"].revenue == Decimal("2200000.00")
    assert by_channel["email"].revenue == Decimal("1100000.01")
    assert by_channel["sms"].roi_pct == 340.0
    assert by_channel["email"].roas is None
