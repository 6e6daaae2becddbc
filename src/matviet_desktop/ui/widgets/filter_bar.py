"""The filter row every dashboard shares: a date range with presets and a store picker."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QMenu, QToolButton, QWidget

from matviet_desktop.core.analytics.filters import AnalyticsFilter
from matviet_desktop.ui.widgets.common import label

PRESETS = ("30", "90", "365", "ytd", "all", "custom")


def today_vn() -> dt.date:
    from matviet_desktop.ui.formatting import VN_TZ

    return dt.datetime.now(VN_TZ).date()


class FilterBar(QWidget):
    """Date range (presets or custom, Vietnam dates) and stores (none ticked = all stores).

    Signals:
        changed(AnalyticsFilter): emitted when the user changes any part of the filter.
    """

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, default_preset: str = "365") -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(label(self.tr("Thời gian:"), "Muted"))
        self.preset = QComboBox()
        names = {
            "30": self.tr("30 ngày qua"),
            "90": self.tr("90 ngày qua"),
            "365": self.tr("12 tháng qua"),
            "ytd": self.tr("Từ đầu năm"),
            "all": self.tr("Toàn bộ"),
            "custom": self.tr("Tùy chọn…"),
        }
        for key in PRESETS:
            self.preset.addItem(names[key], key)
        row.addWidget(self.preset)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        row.addWidget(self.date_from)
        row.addWidget(label("–"))
        row.addWidget(self.date_to)
        row.addSpacing(12)
        row.addWidget(label(self.tr("Cửa hàng:"), "Muted"))
        self.stores_button = QToolButton()
        self.stores_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.stores_menu = QMenu(self.stores_button)
        self.stores_button.setMenu(self.stores_menu)
        row.addWidget(self.stores_button)
        row.addStretch(1)
        self._store_actions: list[QAction] = []
        self._anchor = today_vn()
        self._quiet = False
        self.preset.setCurrentIndex(PRESETS.index(default_preset))
        self._apply_preset()
        self._update_store_text()
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)

    # Public ---------------------------------------------------------------------------------
    def set_anchor(self, day: dt.date) -> None:
        """Presets count back from this day (the newest data date in demo databases)."""
        self._anchor = day
        self._apply_preset()

    def set_stores(self, stores: list[tuple[int, str]]) -> None:
        self.stores_menu.clear()
        self._store_actions = []
        for store_id, name in stores:
            action = QAction(name, self.stores_menu)
            action.setCheckable(True)
            action.setData(store_id)
            action.toggled.connect(self._stores_toggled)
            self.stores_menu.addAction(action)
            self._store_actions.append(action)
        self._update_store_text()

    def set_store_ids(self, ids: tuple[int, ...]) -> None:
        self._quiet = True
        for action in self._store_actions:
            action.setChecked(action.data() in ids)
        self._quiet = False
        self._update_store_text()
        self.changed.emit(self.value())

    def set_range(self, start: dt.date, end: dt.date) -> None:
        self._quiet = True
        self.preset.setCurrentIndex(PRESETS.index("custom"))
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))
        self._quiet = False
        self.changed.emit(self.value())

    def value(self) -> AnalyticsFilter:
        stores = tuple(int(a.data()) for a in self._store_actions if a.isChecked())
        if self.preset.currentData() == "all":
            return AnalyticsFilter(None, None, stores)
        return AnalyticsFilter(self.date_from.date().toPython(), self.date_to.date().toPython(), stores)

    # Internals ------------------------------------------------------------------------------
    def _apply_preset(self) -> None:
        key = self.preset.currentData()
        end = self._anchor
        start = {
            "30": end - dt.timedelta(days=29),
            "90": end - dt.timedelta(days=89),
            "365": end - dt.timedelta(days=364),
            "ytd": dt.date(end.year, 1, 1),
        }.get(key)
        custom_or_all = key in ("custom", "all")
        self.date_from.setEnabled(key == "custom")
        self.date_to.setEnabled(key == "custom")
        if not custom_or_all and start is not None:
            self._quiet = True
            self.date_from.setDate(QDate(start.year, start.month, start.day))
            self.date_to.setDate(QDate(end.year, end.month, end.day))
            self._quiet = False

    def _preset_changed(self) -> None:
        self._apply_preset()
        self.changed.emit(self.value())

    def _dates_edited(self) -> None:
        if not self._quiet:
            self.changed.emit(self.value())

    def _stores_toggled(self) -> None:
        self._update_store_text()
        if not self._quiet:
            self.changed.emit(self.value())

    def _update_store_text(self) -> None:
        chosen = [a.text() for a in self._store_actions if a.isChecked()]
        if not chosen:
            self.stores_button.setText(self.tr("Tất cả cửa hàng"))
        elif len(chosen) == 1:
            self.stores_button.setText(chosen[0])
        else:
            self.stores_button.setText(self.tr("%n cửa hàng", "", len(chosen)))
