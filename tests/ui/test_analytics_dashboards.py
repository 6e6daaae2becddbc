"""The analytics page: numbers on screen equal the core queries, filters apply, tooltips carry
exact values, exports write the same table (XLSX) and a real image (PNG)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import psycopg
import pytest
from PySide6.QtGui import QImage
from sqlalchemy import Engine, text

from matviet_desktop.core.analytics import AnalyticsFilter, dashboards
from matviet_desktop.core.analytics import model_health as mh
from matviet_desktop.core.analytics.filters import VN_TZ
from matviet_desktop.devtools.btyd_sim import load_orders
from matviet_desktop.ui.pages.analytics import AnalyticsPage
from tests.integration.analytics_builders import Rows, campaign_scenario, vn

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_page(qtbot, ctx) -> AnalyticsPage:  # type: ignore[no-untyped-def]
    page = AnalyticsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    return page


def open_with_range(qtbot, page: AnalyticsPage, start: dt.date, end: dt.date) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.dashboards["campaigns"].loaded, timeout=15_000):
        page.on_shown()
    with qtbot.waitSignal(page.dashboards["campaigns"].loaded, timeout=15_000):
        page.filters.set_range(start, end)


def test_campaign_dashboard_numbers_filters_and_exports(qtbot, ctx, engine: Engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = campaign_scenario(Rows(engine))
    page = make_page(qtbot, ctx)
    open_with_range(qtbot, page, dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    dash = page.dashboards["campaigns"]
    assert dash.cards["sent"].value.text() == "4"
    assert dash.cards["revenue"].hint.text() == "3.200.000 ₫"
    assert dash.cards["cost"].hint.text() == "152.400 ₫"
    assert dash.cards["roas"].value.text() == "21"
    assert dash.cards["converted"].hint.text() == "Tỷ lệ chuyển đổi 75%"
    # Tooltips: exact values per day and per channel.
    days = list(dash.result.trend["day"])
    tip = dash.trend.tooltip_for_index(days.index(dt.date(2026, 3, 10)))
    assert tip.splitlines() == ["10/03/2026", "Đã gửi: 3", "Đã nhận: 2", "Nhấp: 0"]
    assert dash.channel_chart.tooltip_for_index(0).splitlines() == [
        "SMS",
        "Doanh thu: 2,3 tr ₫",
        "Chi phí: 102.400 ₫",
    ]
    # XLSX holds the table behind the chart with exact values; PNG is a real image.
    xlsx = dash.channel_chart.export_xlsx(tmp_path / "kenh.xlsx")
    sheet = openpyxl.load_workbook(xlsx).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[0][:3] == ["Kênh", "Số chiến dịch", "Đã gửi"]
    sms = next(r for r in values if r[0] == "SMS")
    headers = values[0]
    assert sms[headers.index("Doanh thu (₫)")] == 2_300_000 and sms[headers.index("Chi phí (₫)")] == 102_400
    png = dash.trend.export_png(tmp_path / "trend.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 200
    # Store filter: only Hồ Chí Minh customers.
    with qtbot.waitSignal(dash.loaded, timeout=15_000):
        page.filters.set_store_ids((rows.ids["hcm"],))
    assert dash.cards["sent"].value.text() == "2"  # c3 in campaign A and in campaign B
    assert dash.cards["revenue"].hint.text() == "900.000 ₫"
    expected = dashboards.campaign_dashboard(engine, page.filters.value())
    assert dash.result.totals == expected.totals


def test_segment_and_engagement_dashboards_match_core(qtbot, ctx, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    rows = campaign_scenario(Rows(engine))
    for key, stage_a, stage_b in (
        ("c1", "at_risk", "active"),
        ("c2", "at_risk", "churned"),
        ("c3", "active", "active"),
    ):
        rows.stage(key, stage_a, vn(2026, 1, 1), vn(2026, 3, 20))
        rows.stage(key, stage_b, vn(2026, 3, 20))
    with engine.begin() as conn:
        conn.execute(text("UPDATE customers SET created_at = '2025-01-01'"))
        conn.execute(
            text(
                "INSERT INTO customer_scores (customer_id, engagement_score, scored_at) "
                "SELECT id, 55, now() FROM customers "
                "ON CONFLICT (customer_id) DO UPDATE SET engagement_score = excluded.engagement_score"
            )
        )
    page = make_page(qtbot, ctx)
    open_with_range(qtbot, page, dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    seg = page.dashboards["segments"]
    with qtbot.waitSignal(seg.loaded, timeout=15_000):
        page.show_dashboard("segments")
    tips = seg.sankey.ribbon_tooltips()
    assert "Có nguy cơ → Đang hoạt động\n1 khách hàng (50% của nhóm đầu)" in tips
    assert "Có nguy cơ → Đã rời bỏ\n1 khách hàng (50% của nhóm đầu)" in tips
    flows = seg.flow_table.source.frame()
    assert int(flows["customers"].sum()) == 3
    eng = page.dashboards["engagement"]
    with qtbot.waitSignal(eng.loaded, timeout=15_000):
        page.show_dashboard("engagement")
    assert eng.distribution.tooltip_for_index(5).splitlines() == ["50–59", "Khách hàng: 5"]
    assert eng.risk_cards["flagged"].value.text() == "2" and eng.risk_cards["churned"].hint.text() == "50%"
    expected = dashboards.engagement_dashboard(
        engine, AnalyticsFilter(dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    )
    assert (
        eng.result.at_risk
        == expected.at_risk
        == {"flagged": 2, "returned": 1, "still_at_risk": 0, "churned": 1}
    )


@pytest.mark.slow
def test_model_health_runs_the_backtest_and_explains_it(qtbot, ctx, engine: Engine, db_url: str) -> None:  # type: ignore[no-untyped-def]
    with psycopg.connect(db_url.replace("+psycopg", "")) as conn:
        load_orders(conn, 3000, seed=7, end=dt.datetime(2026, 6, 1, tzinfo=VN_TZ), horizon_days=1500)
    page = make_page(qtbot, ctx)
    with qtbot.waitSignal(page.dashboards["campaigns"].loaded, timeout=30_000):
        page.on_shown()
    view = page.dashboards["model"]
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        page.show_dashboard("model")
    assert view.result is None and "Chưa có lần kiểm định" in view.summary.text()
    view.holdout.setCurrentIndex(view.holdout.findData(365))
    view.run_button.click()
    qtbot.waitUntil(lambda: view.result is not None or view.banner.isVisible(), timeout=240_000)
    assert not view.banner.isVisible(), view.banner.text.text()
    saved = mh.load_saved(engine)
    assert saved is not None and saved.holdout_days == 365
    assert [a.metric for a in view.result.assessments] == [a.metric for a in saved.assessments]
    assert "AUC" in view.verdicts.text() and str(saved.holdout_days) in view.summary.text()


def test_segment_dashboard_explains_what_to_do_without_membership_history(qtbot, ctx, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    ctx.navigate = opened.append
    page = make_page(qtbot, ctx)
    open_with_range(qtbot, page, dt.date(2026, 3, 1), dt.date(2026, 4, 30))
    seg = page.dashboards["segments"]
    with qtbot.waitSignal(seg.loaded, timeout=15_000):
        page.show_dashboard("segments")
    # No segment at all.
    assert seg.empty_state.isVisible() and not seg.revenue_part.isVisible()
    assert "Chưa có phân khúc nào" in seg.empty_title.text()
    seg.open_segments_button.click()
    assert opened == ["segments"]
    # A segment that was never refreshed: no membership history yet.
    rows = campaign_scenario(Rows(engine))
    with qtbot.waitSignal(seg.loaded, timeout=15_000):
        page.refresh_current()
    assert seg.empty_state.isVisible() and not seg.revenue_part.isVisible()
    assert seg.empty_title.text() == "Chưa có lịch sử thành viên phân khúc"
    assert "Làm mới tất cả" in seg.empty_text.text()
    assert "chấm điểm" in seg.sankey.empty_label.text() and seg.sankey.empty_label.isVisible()
    # History that starts inside the period: figures, and a note from when they count.
    rows.membership("c1", "vip", vn(2026, 3, 15))
    with qtbot.waitSignal(seg.loaded, timeout=15_000):
        page.refresh_current()
    assert not seg.empty_state.isVisible() and seg.revenue_part.isVisible()
    assert seg.coverage_note.isVisible() and "15/03/2026" in seg.coverage_note.text.text()
    assert list(seg.table.source.frame()["segment_name"]) == ["Khách VIP"]
