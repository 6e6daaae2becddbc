"""What the dashboards share: load off the GUI thread (superseding stale loads), show errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget

from matviet_desktop.core.analytics.filters import AnalyticsFilter
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.tasks import Job, TaskError
from matviet_desktop.ui.widgets.common import Banner, KpiCard, label


class Dashboard(QScrollArea):
    """A scrollable dashboard. Subclasses implement `compute` (worker thread) and `render`.

    Signals:
        loaded(object): the computed result, after `render` ran (tests wait on it).
        failed(str): the message shown when loading failed.
    """

    loaded = Signal(object)
    failed = Signal(str)
    title = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("PageRoot")
        self.layout_ = QVBoxLayout(inner)
        self.layout_.setContentsMargins(0, 8, 8, 8)
        self.layout_.setSpacing(12)
        self.banner = Banner()
        self.layout_.addWidget(self.banner)
        self.status = label("", "Muted")
        self.status.hide()  # only while loading: an empty label would still take a line
        self.layout_.addWidget(self.status)
        self.setWidget(inner)
        self.result: Any = None
        self.filter = AnalyticsFilter()

    def compute(self, flt: AnalyticsFilter) -> Callable[[Job], Any]:
        raise NotImplementedError

    def render(self, result: Any) -> None:
        raise NotImplementedError

    def refresh(self, flt: AnalyticsFilter) -> None:
        self.filter = flt
        self.status.setText(self.tr("Đang tính toán…"))
        self.status.show()
        self.ctx.tasks.submit(
            self.compute(flt),
            title=self.tr("Tải bảng phân tích: %1").replace("%1", self.title),
            key=f"dashboard:{type(self).__name__}:{id(self)}",
            on_result=self._done,
            on_error=self._error,
        )

    def _done(self, result: Any) -> None:
        self.result = result
        self.banner.hide()
        self.status.setText("")
        self.status.hide()
        self.render(result)
        self.loaded.emit(result)

    def _error(self, error: TaskError) -> None:
        message = self.tr(
            "Không tải được số liệu: %1. Kiểm tra kết nối cơ sở dữ liệu rồi bấm Làm mới."
        ).replace("%1", str(error.exception))
        self.status.setText("")
        self.status.hide()
        self.banner.show_message("error", message)
        self.failed.emit(message)


def kpi_grid(cards: list[KpiCard], columns: int = 4) -> QGridLayout:
    grid = QGridLayout()
    grid.setSpacing(12)
    for i, card in enumerate(cards):
        grid.addWidget(card, i // columns, i % columns)
    return grid
