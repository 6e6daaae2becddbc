"""Segment list: type, size, 90-day trend, last refresh, who uses it; refresh, duplicate, delete."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from matviet_desktop.core import segments as segment_service
from matviet_desktop.core.segments.overview import SegmentOverview, segment_overview
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.labels import label as code_label
from matviet_desktop.ui.resources import icon
from matviet_desktop.ui.tasks import TaskError
from matviet_desktop.ui.widgets.charts import SparklineDelegate
from matviet_desktop.ui.widgets.common import Banner, PageHeader, button, page_layout

HEADERS = [
    QT_TRANSLATE_NOOP("SegmentTable", "Tên phân khúc"),
    QT_TRANSLATE_NOOP("SegmentTable", "Loại"),
    QT_TRANSLATE_NOOP("SegmentTable", "Số khách"),
    QT_TRANSLATE_NOOP("SegmentTable", "Xu hướng 90 ngày"),
    QT_TRANSLATE_NOOP("SegmentTable", "Làm mới lúc"),
    QT_TRANSLATE_NOOP("SegmentTable", "Được dùng bởi"),
]
COL_NAME, COL_TYPE, COL_SIZE, COL_TREND, COL_REFRESHED, COL_USED = range(6)


class SegmentTableModel(QAbstractTableModel):
    SortRole = Qt.ItemDataRole.UserRole + 1
    OverviewRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SegmentOverview] = []

    def set_rows(self, rows: list[SegmentOverview]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SegmentTable", HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if section == COL_SIZE else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        info, column = row.info, index.column()
        if role == self.OverviewRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return info.name
            if column == COL_TYPE:
                kind = (
                    QCoreApplication.translate("SegmentTable", "Tĩnh")
                    if info.segment_type == "static"
                    else QCoreApplication.translate("SegmentTable", "Động")
                )
                return f"{kind} · {code_label('rule_type', info.rule_type)}"
            if column == COL_SIZE:
                return fmt.integer(info.customer_count)
            if column == COL_REFRESHED:
                return fmt.datetime(info.refreshed_at) if info.refreshed_at else "—"
            if column == COL_USED:
                return ", ".join(row.used_by) or "—"
        if role == Qt.ItemDataRole.UserRole and column == COL_TREND:
            return [size for _day, size in row.sizes]
        if role == self.SortRole:
            return {
                COL_NAME: info.name,
                COL_TYPE: info.rule_type or "",
                COL_SIZE: info.customer_count,
                COL_TREND: (row.sizes[-1][1] - row.sizes[0][1]) if len(row.sizes) > 1 else 0,
                COL_REFRESHED: info.refreshed_at.timestamp() if info.refreshed_at else 0,
                COL_USED: len(row.used_by),
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return info.description
        return None


class SegmentListView(QWidget):
    """Signals:
    open_segment(uuid.UUID), create_segment(), edit_segment(uuid.UUID)
    """

    open_segment = Signal(object)
    create_segment = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = page_layout(self)
        self.header = PageHeader(
            self.tr("Phân khúc"),
            self.tr("Nhóm khách hàng theo quy tắc, tự cập nhật khi dữ liệu thay đổi."),
        )
        self.refresh_all_button = self.header.add_action(button(self.tr("Làm mới tất cả"), "refresh"))
        self.create_button = self.header.add_action(button(self.tr("Tạo phân khúc"), "plus", primary=True))
        self.refresh_all_button.clicked.connect(self.refresh_all)
        self.create_button.clicked.connect(self.create_segment)
        layout.addWidget(self.header)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("SearchBox")
        self.search.setPlaceholderText(self.tr("Lọc theo tên phân khúc"))
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        bar.addStretch(1)
        self.open_button = button(self.tr("Mở"))
        self.refresh_button = button(self.tr("Làm mới"), "refresh")
        self.duplicate_button = button(self.tr("Nhân bản"), "copy")
        self.delete_button = button(self.tr("Xóa"), "trash", danger=True)
        for b in (self.open_button, self.refresh_button, self.duplicate_button, self.delete_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.banner = Banner()
        layout.addWidget(self.banner)

        self.model = SegmentTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SegmentTableModel.SortRole)
        self.proxy.setFilterKeyColumn(COL_NAME)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_SIZE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setItemDelegateForColumn(COL_TREND, SparklineDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (COL_TYPE, 170),
            (COL_SIZE, 100),
            (COL_TREND, 150),
            (COL_REFRESHED, 140),
            (COL_USED, 200),
        ):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _i: self._open_selected())
        self.table.activated.connect(lambda _i: self._open_selected())
        layout.addWidget(self.table, 1)

        self.open_button.clicked.connect(self._open_selected)
        self.refresh_button.clicked.connect(self._refresh_selected)
        self.duplicate_button.clicked.connect(self._duplicate_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.table.selectionModel().selectionChanged.connect(self._sync_buttons)
        self._sync_buttons()

    # Data -------------------------------------------------------------------------------------
    def load(self) -> None:
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: segment_overview(engine),
            title=self.tr("Tải danh sách phân khúc"),
            key="segment-overview",
            visible=False,
            on_result=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, rows: list[SegmentOverview]) -> None:
        self.model.set_rows(rows)
        self.header.set_subtitle(
            self.tr("%1 phân khúc. Nhóm khách hàng theo quy tắc, tự cập nhật khi dữ liệu thay đổi.").replace(
                "%1", fmt.integer(len(rows))
            )
        )
        self._sync_buttons()

    def _failed(self, error: TaskError) -> None:
        self.banner.show_message("error", str(error.exception))

    def selected(self) -> SegmentOverview | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.proxy.data(index, SegmentTableModel.OverviewRole)

    def _sync_buttons(self, *_args: object) -> None:
        has = self.selected() is not None
        for b in (self.open_button, self.refresh_button, self.duplicate_button, self.delete_button):
            b.setEnabled(has)

    def segment_names(self) -> list[tuple[str, str]]:
        return [(str(r.info.id), r.info.name) for r in self.model.rows]

    # Actions ----------------------------------------------------------------------------------
    def _open_selected(self) -> None:
        row = self.selected()
        if row:
            self.open_segment.emit(row.info.id)

    def _run(self, title: str, fn: Any, done: str) -> None:
        self.ctx.tasks.submit(
            fn,
            title=title,
            serial=True,
            on_result=lambda _r: (self.banner.show_message("ok", done), self.load()),
            on_error=self._failed,
        )

    def refresh_all(self) -> None:
        engine = self.ctx.engine
        self._run(
            self.tr("Làm mới mọi phân khúc"),
            lambda job: segment_service.refresh_all(engine),
            self.tr("Đã làm mới mọi phân khúc."),
        )

    def _refresh_selected(self) -> None:
        row, engine = self.selected(), self.ctx.engine
        if row:
            self._run(
                self.tr("Làm mới “%1”").replace("%1", row.info.name),
                lambda job: segment_service.refresh(engine, row.info.id),
                self.tr("Đã làm mới “%1”.").replace("%1", row.info.name),
            )

    def _duplicate_selected(self) -> None:
        row, engine = self.selected(), self.ctx.engine
        if row:
            self._run(
                self.tr("Nhân bản “%1”").replace("%1", row.info.name),
                lambda job: segment_service.duplicate_segment(engine, row.info.id),
                self.tr("Đã tạo bản sao của “%1”.").replace("%1", row.info.name),
            )

    def _delete_selected(self) -> None:
        row, engine = self.selected(), self.ctx.engine
        if not row:
            return
        if row.used_by:
            self.banner.show_message(
                "warning",
                self.tr("Không xóa được “%1”: đang được dùng bởi %2.")
                .replace("%1", row.info.name)
                .replace("%2", ", ".join(row.used_by)),
            )
            return
        answer = QMessageBox.question(
            self, self.tr("Xóa phân khúc"), self.tr("Xóa phân khúc “%1”?").replace("%1", row.info.name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            segment_id: uuid.UUID = row.info.id
            self._run(
                self.tr("Xóa phân khúc"),
                lambda job: segment_service.delete_segment(engine, segment_id),
                self.tr("Đã xóa “%1”.").replace("%1", row.info.name),
            )
