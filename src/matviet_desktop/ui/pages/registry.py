"""The main pages, in navigation order. To add a page, add one `PageSpec` line here.

The factory is a "module:Class" string imported when the page is first needed, so a page whose
module is missing (a branch not merged yet) shows a notice instead of breaking the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # Vietnamese source text, translated in context "Pages" at display time
    icon: str  # file name in resources/icons without .svg
    factory: str  # "package.module:ClassName"; the class takes (ctx, parent=None)


PAGES: list[PageSpec] = [
    PageSpec("customers", QT_TRANSLATE_NOOP("Pages", "Khách hàng"), "customers",
             "matviet_desktop.ui.pages.customers.page:CustomersPage"),
    PageSpec("segments", QT_TRANSLATE_NOOP("Pages", "Phân khúc"), "segments",
             "matviet_desktop.ui.pages.segments.page:SegmentsPage"),
    PageSpec("campaigns", QT_TRANSLATE_NOOP("Pages", "Chiến dịch"), "campaigns",
             "matviet_desktop.ui.pages.campaigns:CampaignsPage"),
    PageSpec("analytics", QT_TRANSLATE_NOOP("Pages", "Phân tích"), "analytics",
             "matviet_desktop.ui.pages.analytics:AnalyticsPage"),
    PageSpec("import", QT_TRANSLATE_NOOP("Pages", "Nhập dữ liệu"), "import",
             "matviet_desktop.ui.pages.importing.page:ImportPage"),
    PageSpec("settings", QT_TRANSLATE_NOOP("Pages", "Cài đặt"), "settings",
             "matviet_desktop.ui.pages.settings.page:SettingsPage"),
]  # fmt: skip


def page_spec(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise KeyError(key)
