"""The segment revenue rollup gives the same figures as the direct join, and stays exact for
orders created after it was built; segment refresh writes it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.analytics import AnalyticsFilter, segment_revenue
from matviet_desktop.core.analytics import segment_performance as sp
from matviet_desktop.core.segments import service as seg
from matviet_desktop.core.segments.refresh import refresh_segment, set_static_members
from tests.integration.analytics_builders import Rows, segment_scenario, vn

MARCH = AnalyticsFilter(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
COLUMNS = [
    "segment_id",
    "orders",
    "buyers",
    "revenue",
    "previous_revenue",
    "members_end",
    "revenue_growth_pct",
]


@pytest.fixture
def rows(engine: Engine) -> Rows:
    r = segment_scenario(Rows(engine))
    r.order("o1b", "k1", "hn", vn(2026, 3, 5, 18), 250_000)  # same day and store: one rollup row
    r.order("o1c", "k1", "hcm", vn(2026, 3, 5, 19), 120_000)  # same day, other store
    # Local-day edges: 23:59 on 31/03 is in March, 00:00 on 01/03 too, 23:59 on 28/02 is not.
    r.order("e1", "k1", "hn", vn(2026, 3, 31, 23, 59), 11_000)
    r.order("e2", "k3", "hcm", vn(2026, 3, 1, 0, 0), 22_000)
    r.order("e3", "k3", "hcm", vn(2026, 2, 28, 23, 59), 33_000)
    r.order("e4", "k1", "hn", vn(2026, 4, 1, 0, 0), 44_000)
    return r


FILTERS = [
    MARCH,
    AnalyticsFilter(MARCH.date_from, MARCH.date_to, (0,)),  # store id replaced in the test
    AnalyticsFilter(),
    AnalyticsFilter(dt.date(2026, 3, 6), None),
    AnalyticsFilter(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
]


def _filters(rows: Rows) -> list[AnalyticsFilter]:
    hcm = AnalyticsFilter(MARCH.date_from, MARCH.date_to, (rows.ids["hcm"],))
    return [hcm if f.store_ids else f for f in FILTERS]


def _figures(engine: Engine, flt: AnalyticsFilter, use_rollup: bool) -> pd.DataFrame:
    frame = sp.revenue_by_segment(engine, flt, use_rollup=use_rollup)
    return frame[COLUMNS].sort_values("segment_id").reset_index(drop=True)


def _assert_same_as_direct(engine: Engine, rows: Rows) -> None:
    for flt in _filters(rows):
        pd.testing.assert_frame_equal(_figures(engine, flt, True), _figures(engine, flt, False))


def _rollup_rows(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM segment_revenue_daily")).scalar_one())


def test_rollup_figures_equal_the_direct_join(engine: Engine, rows: Rows) -> None:
    _assert_same_as_direct(engine, rows)  # no rollup yet: everything read live
    segment_revenue.rebuild_all(engine)
    # k1 in S1: o1+o1b (one row), o1c, o5, e1, e4; k2 in S1: o2; k2 in S2: o3; k3 in S2: o4, e2, e3, o6
    # is before k3 joined S2; k4: o7 before joining.
    assert _rollup_rows(engine) == 10
    _assert_same_as_direct(engine, rows)
    march = sp.revenue_by_segment(engine, MARCH).set_index("segment_name")
    assert march.loc["Trung thành", "revenue"] == 1_000_000 + 250_000 + 120_000 + 2_000_000 + 11_000
    assert march.loc["Trung thành", "orders"] == 5


def test_orders_created_after_the_build_are_read_live(engine: Engine, rows: Rows) -> None:
    segment_revenue.rebuild_all(engine)
    before = _rollup_rows(engine)
    rows.order("late", "k2", "hn", vn(2026, 3, 25), 777_000)  # imported after the refresh
    rows.order("late2", "k4", "hcm", vn(2026, 3, 26), 50_000)
    assert _rollup_rows(engine) == before
    _assert_same_as_direct(engine, rows)
    march = sp.revenue_by_segment(engine, MARCH).set_index("segment_name")
    assert march.loc["Có nguy cơ", "revenue"] == 500_000 + 300_000 + 22_000 + 777_000


def test_rollup_is_what_is_read_and_a_rebuild_takes_in_edits(engine: Engine, rows: Rows) -> None:
    segment_revenue.rebuild_all(engine)
    with engine.begin() as conn:  # an edit of an order the rollup already holds
        conn.execute(text("UPDATE orders SET total_amount = 1 WHERE id = :o"), {"o": rows.ids["o2"]})
    stale = sp.revenue_by_segment(engine, MARCH).set_index("segment_name")
    assert stale.loc["Trung thành", "revenue"] == 3_381_000  # until the segment's next refresh
    segment_revenue.rebuild_all(engine)
    _assert_same_as_direct(engine, rows)


def test_segment_refresh_writes_the_rollup(engine: Engine, rows: Rows) -> None:
    static = seg.create_segment(engine, "Danh sách tay", segment_type="static")
    set_static_members(engine, static.id, [rows.ids["k1"], rows.ids["k3"]])
    rows.order("after_join", "k1", "hn", dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5), 90_000)
    refresh_segment(engine, static.id)  # now the order (placed while a member) is rolled up
    with engine.connect() as conn:
        rolled = conn.execute(
            text("SELECT sum(revenue) FROM segment_revenue_daily WHERE segment_rule_id = :s"),
            {"s": static.id},
        ).scalar_one()
        built = conn.execute(
            text("SELECT count(*) FROM segment_revenue_rollup_state WHERE segment_rule_id = :s"),
            {"s": static.id},
        ).scalar_one()
    assert rolled == 90_000 and built == 1
    _assert_same_as_direct(engine, rows)
    everything = AnalyticsFilter()
    pd.testing.assert_frame_equal(_figures(engine, everything, True), _figures(engine, everything, False))


def test_rows_of_a_deleted_segment_go_at_the_next_rebuild(engine: Engine, rows: Rows) -> None:
    segment_revenue.rebuild_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM segment_rules WHERE id = :s"), {"s": rows.ids["S2"]})
        segment_revenue.rebuild(conn, rows.ids["S1"])
        left = (
            conn.execute(text("SELECT DISTINCT segment_rule_id FROM segment_revenue_daily")).scalars().all()
        )
    assert [str(s) for s in left] == [str(rows.ids["S1"])]
