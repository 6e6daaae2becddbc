"""How fast each dashboard opens on the 1M-customer database, computed off the GUI thread.

Two measurements per dashboard, both with the default filter (the 12 months up to the newest
order) and with one store chosen:
- core: the dashboard's compute function called directly (what the worker thread runs);
- ui: from asking the page for the dashboard to its `loaded` signal, in an offscreen app, while a
  10 ms GUI-thread heartbeat records the longest stall (proof that the work is off the GUI thread).
Also the campaign list, one campaign's detail page and its analytics page.

    PYTHONPATH=src python bench/bench_dashboards.py [--database-url URL] [--repeat 3]

Target: every dashboard opens within 2 s. The machine has 2 cores shared with other jobs: noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:55432/bench_ui_campaigns"


def timed(fn: Callable[[], Any], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def core_bench(url: str, repeat: int) -> list[tuple[str, list[float]]]:
    import datetime as dt

    from matviet_desktop.core.analytics import dashboards
    from matviet_desktop.core.analytics import model_health as mh
    from matviet_desktop.core.analytics.campaign_breakdown import breakdowns, similar_campaigns
    from matviet_desktop.core.analytics.campaign_performance import campaign_kpis
    from matviet_desktop.core.analytics.filters import AnalyticsFilter, list_stores
    from matviet_desktop.core.attribution.kpis import campaign_report
    from matviet_desktop.core.db.engine import make_engine

    engine = make_engine(url)
    end = dashboards.data_anchor(engine)
    year = AnalyticsFilter(end - dt.timedelta(days=364), end)
    store = AnalyticsFilter(year.date_from, year.date_to, (list_stores(engine)[0][0],))
    kpis = campaign_kpis(engine, AnalyticsFilter())
    biggest = kpis.sort_values("targets", ascending=False).iloc[0]["campaign_id"]
    rows: list[tuple[str, list[float]]] = []
    for label, flt in (("12 tháng", year), ("12 tháng, 1 cửa hàng", store)):
        rows.append(
            (
                f"core: hiệu quả chiến dịch ({label})",
                timed(lambda f=flt: dashboards.campaign_dashboard(engine, f), repeat),
            )
        )
        rows.append(
            (
                f"core: hiệu quả phân khúc ({label})",
                timed(lambda f=flt: dashboards.segment_dashboard(engine, f), repeat),
            )
        )
        rows.append(
            (
                f"core: tương tác ({label})",
                timed(lambda f=flt: dashboards.engagement_dashboard(engine, f), repeat),
            )
        )
    rows.append(
        ("core: độ tin cậy mô hình (mở, kết quả đã lưu)", timed(lambda: mh.load_saved(engine), repeat))
    )
    rows.append(
        ("core: danh sách chiến dịch", timed(lambda: campaign_kpis(engine, AnalyticsFilter()), repeat))
    )
    rows.append(
        (
            "core: chi tiết chiến dịch lớn nhất (báo cáo)",
            timed(lambda: campaign_report(engine, biggest), repeat),
        )
    )
    rows.append(
        (
            "core: phân tích chiến dịch lớn nhất",
            timed(lambda: (breakdowns(engine, biggest), similar_campaigns(engine, biggest)), repeat),
        )
    )
    engine.dispose()
    return rows


def ui_bench(url: str, repeat: int) -> list[tuple[str, list[float], float]]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from matviet_desktop.core.connection import ResolvedDatabase
    from matviet_desktop.core.db.engine import make_engine
    from matviet_desktop.ui.context import AppContext
    from matviet_desktop.ui.pages.analytics import AnalyticsPage
    from matviet_desktop.ui.resources import apply_theme
    from matviet_desktop.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    apply_theme(app)  # type: ignore[arg-type]
    runner = TaskRunner()
    ctx = AppContext(
        database=ResolvedDatabase(url, "argument"),
        engine=make_engine(url),
        tasks=runner,
        settings=QSettings("/tmp/bench_ui_campaigns.ini", QSettings.Format.IniFormat),
    )
    page = AnalyticsPage(ctx)
    page.resize(1400, 900)
    page.show()

    stall = {"max": 0.0}
    clock = QElapsedTimer()
    clock.start()
    last = {"t": clock.elapsed()}

    def beat() -> None:
        now = clock.elapsed()
        stall["max"] = max(stall["max"], (now - last["t"]) / 1000)
        last["t"] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()

    def wait_for(signal: Any, start: Callable[[], None], timeout_s: float = 120) -> float:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        t = time.perf_counter()
        start()
        loop.exec()
        signal.disconnect(loop.quit)
        return time.perf_counter() - t

    # First open: filters (newest order day, stores), then the campaign dashboard.
    wait_for(page.dashboards["campaigns"].loaded, page.on_shown)
    results = []
    for key in ("campaigns", "segments", "engagement", "model"):
        dash = page.dashboards[key]
        times = []
        stall["max"] = 0.0
        page.tabs.blockSignals(True)  # switch tabs without the page's own refresh; timed below
        page.show_dashboard(key)
        page.tabs.blockSignals(False)
        for _ in range(repeat):
            times.append(wait_for(dash.loaded, lambda d=dash: d.refresh(page.current_filter())))
        results.append((f"ui: {dash.title}", times, stall["max"]))
    heartbeat.stop()
    runner.shutdown(10_000)
    ctx.engine.dispose()
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'what':60} {'median s':>9} {'max s':>7} {'GUI stall s':>11}")
    for name, times in core_bench(args.database_url, args.repeat):
        print(f"{name:60} {statistics.median(times):9.3f} {max(times):7.3f} {'':>11}")
    for name, times, stall in ui_bench(args.database_url, args.repeat):
        print(f"{name:60} {statistics.median(times):9.3f} {max(times):7.3f} {stall:11.3f}")
    os._exit(0)  # skip PySide teardown at interpreter exit


if __name__ == "__main__":
    main()
