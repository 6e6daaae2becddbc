"""The customer table as a widget (list page and segment members): view, model, status line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from matviet_desktop.core.customers.queries import CustomerRow
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.models.customer_table import CustomerTableModel
from matviet_desktop.ui.widgets.common import label

# Name stretches; the rest fit a 1024-px-wide window without a horizontal scroll bar.
WIDTHS = [0, 112, 140, 122, 92, 112, 116, 56, 104, 78]  # the name column (0) takes the rest


class CustomerTableView(QWidget):
    """Signals:
    customer_activated(CustomerRow): double-click or Enter on a row.
    """

    customer_activated = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CustomerTableModel(ctx)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate(WIDTHS):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(50)
        # Sorting is driven by hand (not setSortingEnabled) so no query starts before the page sets
        # its filter; clicking a sortable header re-queries in the new order.
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)

        self.status = label("", "Muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.model.loading_changed.connect(self._update_status)
        self.model.total_changed.connect(lambda _n: self._update_status())
        self.model.first_page_loaded.connect(self._update_status)
        self.model.failed.connect(self._show_error)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        from matviet_desktop.ui.models.customer_table import COLUMNS

        if COLUMNS[column].sort is None:  # not sortable: put the indicator back
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column(),
                Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)
            return
        self.model.sort(column, order)

    def _activated(self, index) -> None:  # type: ignore[no-untyped-def]
        row = self.model.row_at(index.row())
        if isinstance(row, CustomerRow):
            self.customer_activated.emit(row)

    def _update_status(self, *_args: object) -> None:
        from matviet_desktop.ui import formatting as fmt

        loaded = self.model.rowCount()
        total = self.model.total
        if self.model.is_loading and loaded == 0:
            text = self.tr("Đang tải…")
        elif total is None:
            text = self.tr("Đã tải %1 khách hàng").replace("%1", fmt.integer(loaded))
        elif total == 0:
            text = self.tr("Không có khách hàng nào khớp với bộ lọc.")
        else:
            text = (
                self.tr("Hiển thị %1 / %2 khách hàng — cuộn xuống để tải thêm")
                if loaded < total
                else self.tr("Hiển thị %1 / %2 khách hàng")
            )
            text = text.replace("%1", fmt.integer(loaded)).replace("%2", fmt.integer(total))
        self.status.setText(text)
        self.status.setObjectName("Muted")

    def _show_error(self, message: str) -> None:
        self.status.setText(self.tr("Không tải được danh sách: ") + message)

    def selected_row(self) -> CustomerRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None
