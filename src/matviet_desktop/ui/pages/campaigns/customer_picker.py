"""Pick campaign recipients by hand: search customers as you type (the Customers page's search and
lazy table model), add them to a list, remove them again."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core.customers.queries import CustomerFilter, CustomerRow, SortKey, parse_search
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.models.customer_table import (
    COL_NAME,
    COL_PHONE,
    COL_STAGE,
    COL_STORE,
    CustomerTableModel,
)
from matviet_desktop.ui.widgets.common import button, label

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the database
SHOWN_COLUMNS = (COL_NAME, COL_PHONE, COL_STORE, COL_STAGE)


class CustomerPicker(QWidget):
    """Signals:
    changed(): customers were added to or removed from the picked list.
    """

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._picked: dict[uuid.UUID, CustomerRow] = {}  # insertion order = the order shown
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        left = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("SearchBox")
        self.search.setPlaceholderText(self.tr("Tìm khách theo tên, số điện thoại hoặc email…"))
        self.search.setClearButtonEnabled(True)
        left.addWidget(self.search)
        self.model = CustomerTableModel(ctx, page_size=50)
        self.model.setParent(self)  # goes with the picker (and stops talking to its widgets)
        self.results = QTableView()
        self.results.setModel(self.model)
        _table_look(self.results)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for column in range(self.model.columnCount()):
            self.results.setColumnHidden(column, column not in SHOWN_COLUMNS)
        self.results.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.results, 1)
        row = QHBoxLayout()
        self.results_status = label("", "Muted")
        row.addWidget(self.results_status, 1)
        self.add_button = button(self.tr("Thêm vào danh sách"), "plus")
        row.addWidget(self.add_button)
        left.addLayout(row)
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        self.picked_title = label("", "SectionTitle")
        right.addWidget(self.picked_title)
        self.picked = QTableWidget(0, 3)
        self.picked.setHorizontalHeaderLabels([self.tr("Họ tên"), self.tr("Điện thoại"), self.tr("Cửa hàng")])
        _table_look(self.picked)
        self.picked.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.picked.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.picked.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.picked.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        right.addWidget(self.picked, 1)
        actions = QHBoxLayout()
        self.remove_button = button(self.tr("Bỏ khách đã chọn"), "close")
        self.clear_button = button(self.tr("Bỏ hết"), "trash", flat=True)
        actions.addWidget(self.remove_button)
        actions.addWidget(self.clear_button)
        actions.addStretch(1)
        right.addLayout(actions)
        layout.addLayout(right, 2)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.results.doubleClicked.connect(lambda index: self.add_rows([index]))
        self.results.activated.connect(lambda index: self.add_rows([index]))
        self.add_button.clicked.connect(lambda: self.add_rows(self.results.selectionModel().selectedRows()))
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button.clicked.connect(self.clear)
        self.model.first_page_loaded.connect(self._update_results_status)
        self.model.loading_changed.connect(lambda _busy: self._update_results_status())
        self.model.failed.connect(
            lambda message: self.results_status.setText(self.tr("Không tìm được: %1").replace("%1", message))
        )
        self.results.selectionModel().selectionChanged.connect(lambda *_: self._sync_buttons())
        self.picked.itemSelectionChanged.connect(self._sync_buttons)
        self._searched: str | None = None  # None: nothing asked yet
        self._update_results_status()
        self._show_picked()

    # Search ------------------------------------------------------------------------------------
    def run_search(self) -> None:
        """Search now (the timer calls this once typing pauses). Without a search term the list
        shows the most recent buyers, a page at a time, like the Customers page."""
        self._timer.stop()
        text = self.search.text()
        if text == self._searched:
            return
        self._searched = text
        if parse_search(text).kind == "empty":
            self.model.set_query(CustomerFilter(), SortKey.LAST_PURCHASE, descending=True, count=False)
        else:  # matches read best in name order
            self.model.set_query(CustomerFilter(search=text), SortKey.NAME, descending=False, count=False)
        self._update_results_status()

    def showEvent(self, event: QShowEvent) -> None:
        # The first query waits until the picker is on screen: most campaigns target a segment.
        if self._searched is None:
            self._searched = ""
            self.model.set_query(CustomerFilter(), SortKey.LAST_PURCHASE, descending=True, count=False)
        super().showEvent(event)

    def _update_results_status(self) -> None:
        if self.model.is_loading and self.model.rowCount() == 0:
            text = self.tr("Đang tìm…")
        elif self.model.rowCount() == 0:
            text = self.tr("Không có khách nào khớp.") if self._searched else ""
        elif parse_search(self._searched or "").kind == "empty":
            text = self.tr("Khách mua gần đây nhất — gõ để tìm; nhấp đúp để thêm")
        else:
            more = self.model.canFetchMore()
            text = (
                self.tr("Đã tải %1 khách khớp — cuộn để xem thêm, nhấp đúp để thêm")
                if more
                else self.tr("%1 khách khớp — nhấp đúp để thêm")
            ).replace("%1", fmt.integer(self.model.rowCount()))
        self.results_status.setText(text)
        self._sync_buttons()

    # Picked list -------------------------------------------------------------------------------
    def add_rows(self, indexes: list[QModelIndex]) -> int:
        """Add the customers at these result rows; returns how many were new."""
        added = 0
        for index in indexes:
            row = self.model.row_at(index.row())
            if row is not None and row.id not in self._picked:
                self._picked[row.id] = row
                added += 1
        if added:
            self._show_picked()
            self.changed.emit()
        return added

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.picked.selectionModel().selectedRows()}, reverse=True)
        ids = list(self._picked)
        for r in rows:
            self._picked.pop(ids[r], None)
        if rows:
            self._show_picked()
            self.changed.emit()

    def clear(self) -> None:
        if self._picked:
            self._picked.clear()
            self._show_picked()
            self.changed.emit()

    def reset(self) -> None:
        """A fresh wizard: no search, nobody picked."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if self._searched:
            self.run_search()
        self.clear()

    def picked_ids(self) -> list[uuid.UUID]:
        return list(self._picked)

    def _show_picked(self) -> None:
        self.picked.clearSelection()  # rows shift after a removal: keep nobody selected by accident
        self.picked.setRowCount(len(self._picked))
        for r, row in enumerate(self._picked.values()):
            for c, value in enumerate((row.full_name, fmt.phone(row.phone), row.store_name or "—")):
                self.picked.setItem(r, c, QTableWidgetItem(value))
        self.picked_title.setText(
            self.tr("Đã chọn %1 khách hàng").replace("%1", fmt.integer(len(self._picked)))
        )
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.results.selectionModel().selectedRows()))
        self.remove_button.setEnabled(bool(self.picked.selectionModel().selectedRows()))
        self.clear_button.setEnabled(bool(self._picked))


def _table_look(table: QTableView) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    table.horizontalHeader().setHighlightSections(False)
    table.setMinimumHeight(200)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
