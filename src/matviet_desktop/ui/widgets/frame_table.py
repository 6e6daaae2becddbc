"""A read-only Qt table model over a DataFrame, with typed columns formatted the Vietnamese way.

Sorting uses `SortRole` (the raw value), display uses `ui.formatting`, and `frame()` gives the
underlying table for XLSX export.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from matviet_desktop.ui import formatting as fmt

SortRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2


def _pct_points(v: Any) -> str:
    """Already in percent (ROI, growth): one decimal below 100 %, none above (28.307 %, not 28.307,0 %)."""
    if v is None:
        return fmt.DASH
    return fmt.decimal(v, 1 if abs(float(v)) < 100 else 0) + "%"


FORMATS: dict[str, Callable[[Any], str]] = {
    "text": lambda v: "" if v is None else str(v),
    "int": fmt.integer,
    "vnd": fmt.vnd,
    "vnd_short": fmt.vnd_short,  # 1,94 tỷ ₫ in narrow columns; the tooltip gives the exact amount
    "pct": fmt.percent,  # a share 0–1
    "pct_points": _pct_points,  # already in percent (ROI %, growth %)
    "decimal": lambda v: fmt.decimal(v, 2),
    "date": fmt.date,
    "datetime": fmt.datetime,
}
NUMERIC = {"int", "vnd", "vnd_short", "pct", "pct_points", "decimal"}


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # already translated
    kind: str = "text"
    mapper: Callable[[Any], Any] | None = None  # e.g. code → translated label for display


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


class FrameTableModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._frame = pd.DataFrame(columns=[c.key for c in columns])
        self._rows: list[dict[str, Any]] = []

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame
        self._rows = frame.to_dict("records")
        self.endResetModel()

    def frame(self) -> pd.DataFrame:
        return self._frame

    def export_frame(self) -> pd.DataFrame:
        """The displayed columns with translated headers and exact values (for XLSX)."""
        out = pd.DataFrame()
        for col in self.columns:
            values = self._frame[col.key] if col.key in self._frame else pd.Series([None] * len(self._frame))
            if col.mapper:
                values = values.map(col.mapper)
            out[col.header] = [None if _missing(v) else _plain(v) for v in values]
        return out

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        row = self._rows[index.row()]
        value = row.get(col.key)
        if _missing(value):
            value = None
        if role == Qt.ItemDataRole.DisplayRole:
            if col.mapper:
                return col.mapper(value)
            return FORMATS[col.kind](value) if value is not None or col.kind != "text" else ""
        if role == SortRole:
            if value is None:
                return float("-inf") if col.kind in NUMERIC else ""
            if isinstance(value, Decimal):
                return float(value)
            if isinstance(value, dt.date | dt.datetime):
                return value.isoformat()
            return value if isinstance(value, int | float) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and col.kind == "vnd_short" and value is not None:
            return fmt.vnd(value)
        if role == Qt.ItemDataRole.ToolTipRole and col.kind == "text" and value is not None:
            return col.mapper(value) if col.mapper else str(value)  # the whole text where it is elided
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowRole:
            return row
        return None


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return fmt.to_local(value).replace(tzinfo=None)  # Excel has no time zones
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()  # numpy scalars
    if not isinstance(value, int | float | Decimal | str | dt.date | bool):
        return str(value)
    return value


class FrameTable(QTableView):
    """A sortable table over a FrameTableModel."""

    def __init__(
        self, columns: list[Column], parent: QWidget | None = None, *, stretch_column: int | None = None
    ) -> None:
        """`stretch_column` takes the width the others leave (eliding long text, full text in the
        tooltip), so a wide table fits its window instead of scrolling sideways."""
        super().__init__(parent)
        self.stretch_column = stretch_column
        self.source = FrameTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SortRole)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # keep the order core chose until a click
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setResizeContentsPrecision(60)  # size columns from the first rows only
        if stretch_column is not None:
            self.horizontalHeader().setStretchLastSection(False)
            self.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.source.set_frame(frame)
        self.resizeColumnsToContents()

    def row_at(self, proxy_row: int) -> dict[str, Any]:
        return self.proxy.index(proxy_row, 0).data(RowRole)

    def selected_row(self) -> dict[str, Any] | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].data(RowRole) if rows else None


def tr(text: str) -> str:
    return QCoreApplication.translate("Analytics", text)
