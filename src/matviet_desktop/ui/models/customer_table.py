"""A lazy customer table: pages of 200 rows fetched in the background as the view scrolls.

`canFetchMore`/`fetchMore` (Spyder's pattern) ask core for the next keyset page on a worker
thread; rows are appended when it arrives, so a million-row list opens as fast as one page and
the GUI thread never waits for the database. Changing the filter or sort bumps a generation
number, so a page that arrives for an outdated query is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from matviet_desktop.core.customers import queries
from matviet_desktop.core.customers.queries import CustomerFilter, CustomerPage, CustomerRow, SortKey
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.labels import label
from matviet_desktop.ui.tasks import TaskError


@dataclass(frozen=True)
class Column:
    title: str
    sort: SortKey | None = None
    numeric: bool = False


COLUMNS = [
    Column(QT_TRANSLATE_NOOP("CustomerTable", "Họ tên"), SortKey.NAME),
    Column(QT_TRANSLATE_NOOP("CustomerTable", "Điện thoại")),
    Column(QT_TRANSLATE_NOOP("CustomerTable", "Cửa hàng")),
    Column(QT_TRANSLATE_NOOP("CustomerTable", "Giai đoạn")),
    Column(QT_TRANSLATE_NOOP("CustomerTable", "Hạng CLV")),
    Column(QT_TRANSLATE_NOOP("CustomerTable", "CLV dự báo"), numeric=True),
    Column(QT_TRANSLATE_NOOP("CustomerTable", "Tổng chi tiêu"), SortKey.TOTAL_SPENT, numeric=True),
    Column(QT_TRANSLATE_NOOP("CustomerTable", "Số đơn"), numeric=True),
    Column(QT_TRANSLATE_NOOP("CustomerTable", "Mua gần nhất"), SortKey.LAST_PURCHASE),
    Column(QT_TRANSLATE_NOOP("CustomerTable", "Tương tác"), numeric=True),
]
COL_NAME, COL_PHONE, COL_STORE, COL_STAGE, COL_TIER = range(5)
STAGE_COLORS = {
    "loyal": "#15803D",
    "active": "#0F6FB8",
    "new": "#7C3AED",
    "reactivated": "#0E7490",
    "at_risk": "#B45309",
    "churned": "#B91C1C",
}


def _display(row: CustomerRow, column: int) -> str:
    match column:
        case 0:
            return row.full_name
        case 1:
            return fmt.phone(row.phone)
        case 2:
            return row.store_name or "—"
        case 3:
            return label("stage", row.lifecycle_stage)
        case 4:
            return label("tier", row.clv_tier)
        case 5:
            return fmt.vnd(row.clv_predicted)
        case 6:
            return fmt.vnd(row.total_spent)
        case 7:
            return fmt.integer(row.order_count)
        case 8:
            return fmt.date(row.last_purchase_at)
        case 9:
            return fmt.integer(row.engagement_score)
    return ""


class CustomerTableModel(QAbstractTableModel):
    """Customers matching a filter, in keyset pages.

    Signals:
        loading_changed(bool): a page request started (True) or ended (False).
        first_page_loaded(): the first page of the current query arrived.
        total_changed(int): the total number of matching customers (counted separately).
        failed(str): a page or count could not be loaded; the message is for the user.
    """

    RowRole = Qt.ItemDataRole.UserRole + 1
    loading_changed = Signal(bool)
    first_page_loaded = Signal()
    total_changed = Signal(int)
    failed = Signal(str)

    def __init__(self, ctx: AppContext, page_size: int = queries.PAGE_SIZE) -> None:
        super().__init__()
        self.ctx = ctx
        self.page_size = page_size
        self._rows: list[CustomerRow] = []
        self._cursor: queries.Cursor | None = None
        self._has_more = False
        self._fetching = False
        self._generation = 0
        self.filter = CustomerFilter()
        self.sort_key = SortKey.LAST_PURCHASE
        self.descending = True
        self.total: int | None = None

    # Query ------------------------------------------------------------------------------------
    def set_query(
        self,
        filt: CustomerFilter | None = None,
        sort_key: SortKey | None = None,
        descending: bool | None = None,
        count: bool = True,
    ) -> None:
        """Start over with a new filter and/or order; the first page loads in the background."""
        self.filter = filt if filt is not None else self.filter
        self.sort_key = sort_key or self.sort_key
        self.descending = self.descending if descending is None else descending
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._cursor = None
        self._has_more = False
        self.endResetModel()
        self._fetching = False
        self._request_page()
        if count:
            self._request_count()

    def refresh(self) -> None:
        self.set_query()

    def _request_page(self) -> None:
        generation = self._generation
        filt, sort, desc, after = self.filter, self.sort_key, self.descending, self._cursor
        engine, size = self.ctx.engine, self.page_size
        self._fetching = True
        self.loading_changed.emit(True)
        self.ctx.tasks.submit(
            lambda job: queries.list_customers(
                engine, filt, sort=sort, descending=desc, after=after, limit=size
            ),
            title=QCoreApplication.translate("CustomerTable", "Tải danh sách khách hàng"),
            key=f"customer-page-{id(self)}" if after is None else None,
            visible=False,
            on_result=lambda page: self._page_arrived(generation, page),
            on_error=lambda err: self._failed(generation, err),
        )

    def _request_count(self) -> None:
        generation = self._generation
        filt, engine = self.filter, self.ctx.engine
        self.total = None
        self.ctx.tasks.submit(
            lambda job: queries.count_customers(engine, filt),
            title=QCoreApplication.translate("CustomerTable", "Đếm khách hàng"),
            key=f"customer-count-{id(self)}",
            visible=False,
            on_result=lambda n: self._count_arrived(generation, n),
            on_error=lambda err: self._failed(generation, err),
        )

    def _page_arrived(self, generation: int, page: CustomerPage) -> None:
        if generation != self._generation:
            return
        first = not self._rows
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.next_cursor
        self._has_more = page.next_cursor is not None
        self._fetching = False
        self.loading_changed.emit(False)
        if first:
            self.first_page_loaded.emit()

    def _count_arrived(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.total_changed.emit(total)

    def _failed(self, generation: int, error: TaskError) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self.loading_changed.emit(False)
        self.failed.emit(str(error.exception))

    # Lazy loading ------------------------------------------------------------------------------
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request_page()

    # Qt model API ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CustomerTable", column.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(
                (Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
        if role == Qt.ItemDataRole.ToolTipRole and column.sort is None:
            return QCoreApplication.translate("CustomerTable", "Không sắp xếp theo cột này")
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == self.RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            numeric = COLUMNS[column].numeric
            return int(
                (Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == COL_STAGE
            and row.lifecycle_stage in STAGE_COLORS
        ):
            return QColor(STAGE_COLORS[row.lifecycle_stage])
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_NAME:
            return row.email or None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self.set_query(sort_key=key, descending=order == Qt.SortOrder.DescendingOrder, count=False)

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c.sort == self.sort_key)

    def row_at(self, row: int) -> CustomerRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @property
    def is_loading(self) -> bool:
        return self._fetching
