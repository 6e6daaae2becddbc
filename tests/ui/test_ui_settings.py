"""Settings page: scoring thresholds round-trip through the database; connection profiles."""

from __future__ import annotations

from matviet_desktop.core import app_settings, connection
from matviet_desktop.ui.pages.settings.page import SettingsPage


def test_scoring_thresholds_are_saved_and_read_back_by_core(qtbot, ctx) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    scoring = page.scoring
    qtbot.waitUntil(lambda: scoring.editors["loyal_min_orders"].value() == 5, timeout=10_000)  # the default
    scoring.editors["loyal_min_orders"].setValue(7)
    scoring.editors["annual_discount_rate"].setValue(0.15)
    scoring.save_button.click()
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=10_000)
    effective = app_settings.scoring_settings(ctx.engine)
    assert effective.loyal_min_orders == 7 and abs(effective.annual_discount_rate - 0.15) < 1e-9
    scoring.reset_button.click()
    qtbot.waitUntil(lambda: scoring.editors["loyal_min_orders"].value() == 5, timeout=10_000)
    assert app_settings.scoring_settings(ctx.engine).loyal_min_orders == 5


def test_out_of_range_threshold_is_refused_with_the_allowed_range(ctx) -> None:
    try:
        app_settings.save_scoring_settings(ctx.engine, {"loyal_min_orders": 1})
    except app_settings.SettingsInvalid as exc:
        assert "từ 2 đến 100" in exc.errors["loyal_min_orders"]
    else:
        raise AssertionError("a threshold below its minimum must be refused")


def test_connection_profiles_can_be_made_default_and_deleted(qtbot, ctx) -> None:
    a = connection.ConnectionProfile("cua-hang", "10.0.0.5", 5432, "matviet", "nhanvien")
    b = connection.ConnectionProfile("tru-so", "db.matviet.vn", 5432, "matviet", "quanly")
    connection.save_profiles([a, b], "cua-hang")
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    section = page.connection
    assert section.tree.topLevelItemCount() == 2
    section.tree.setCurrentItem(section.tree.topLevelItem(1))
    section.default_button.click()
    assert connection.load_profiles()[1] == "tru-so"
    section.tree.setCurrentItem(section.tree.topLevelItem(0))
    section.delete_button.click()
    profiles, default = connection.load_profiles()
    assert [p.name for p in profiles] == ["tru-so"] and default == "tru-so"
