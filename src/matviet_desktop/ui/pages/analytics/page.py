"""The Analytics page: one filter bar over four dashboards (campaigns, segments, engagement,
model health). Only the visible dashboard is computed; switching tabs computes the next one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from matviet_desktop.core.analytics.dashboards import data_anchor
from matviet_desktop.core.analytics.filters import AnalyticsFilter, list_stores
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics.base import Dashboard
from matviet_desktop.ui.pages.analytics.campaign_dashboard import CampaignDashboardView
from matviet_desktop.ui.pages.analytics.engagement_dashboard import EngagementDashboardView
from matviet_desktop.ui.pages.analytics.model_health_dashboard import ModelHealthView
from matviet_desktop.ui.pages.analytics.segment_dashboard import SegmentDashboardView
from matviet_desktop.ui.pages.base import Page
from matviet_desktop.ui.widgets.common import PageHeader, button, page_layout
from matviet_desktop.ui.widgets.filter_bar import FilterBar


class AnalyticsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self)
        self.header = PageHeader(
            self.tr("Phân tích"),
            self.tr("Hiệu quả chiến dịch, phân khúc, tương tác và độ tin cậy của mô hình dự báo"),
        )
        refresh = self.header.add_action(button(self.tr("Làm mới"), "refresh"))
        refresh.clicked.connect(self.refresh_current)
        layout.addWidget(self.header)
        self.filters = FilterBar()
        layout.addWidget(self.filters)
        self.tabs = QTabWidget()
        self.dashboards: dict[str, Dashboard] = {
            "campaigns": CampaignDashboardView(ctx),
            "segments": SegmentDashboardView(ctx),
            "engagement": EngagementDashboardView(ctx),
            "model": ModelHealthView(ctx),
        }
        for dash in self.dashboards.values():
            self.tabs.addTab(dash, dash.title)
        layout.addWidget(self.tabs, 1)
        self._fresh: set[str] = set()
        self.filters.changed.connect(self._filter_changed)
        self.tabs.currentChanged.connect(lambda _i: self._ensure_current())

    def load(self) -> None:
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: (data_anchor(engine), list_stores(engine)),
            title=self.tr("Chuẩn bị bộ lọc phân tích"),
            on_result=self._setup_filters,
            on_error=lambda err: self._ensure_current(),
        )

    def _setup_filters(self, result: tuple) -> None:  # type: ignore[type-arg]
        anchor, stores = result
        self.filters.blockSignals(True)
        self.filters.set_anchor(anchor)
        self.filters.set_stores(stores)
        self.filters.blockSignals(False)
        self._ensure_current()

    def current_key(self) -> str:
        return list(self.dashboards)[self.tabs.currentIndex()]

    def current_filter(self) -> AnalyticsFilter:
        return self.filters.value()

    def _filter_changed(self, _flt: AnalyticsFilter) -> None:
        self._fresh.clear()
        self._ensure_current()

    def _ensure_current(self) -> None:
        key = self.current_key()
        if key not in self._fresh:
            self._fresh.add(key)
            self.dashboards[key].refresh(self.current_filter())

    def refresh_current(self) -> None:
        self._fresh.discard(self.current_key())
        self._ensure_current()

    def show_dashboard(self, key: str) -> Dashboard:
        self.tabs.setCurrentIndex(list(self.dashboards).index(key))
        return self.dashboards[key]

    def screenshot_variants(self) -> list[tuple[str, Callable[[], None]]]:
        return [(key, lambda key=key: self.show_dashboard(key)) for key in list(self.dashboards)[1:]]
