"""Chart cards on pyqtgraph: bars, lines and heatmaps with exact-value tooltips and exports.

Every chart keeps the table it was drawn from, so "Xuất XLSX" writes exactly the numbers shown
and "Lưu PNG" saves the card as an image.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QToolTip, QWidget

from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.widgets.common import Card, button, label

_DATE = re.compile(r"\d\d/\d\d/\d{4}")
PALETTE = ["#0F6FB8", "#F59E0B", "#10B981", "#EF4444", "#8B5CF6", "#06B6D4", "#EC4899", "#64748B"]
pg.setConfigOptions(antialias=True, background="w", foreground="#334155")


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float | None]
    color: str | None = None


def _clean(series: Sequence[Series]) -> list[Series]:
    """NaN (pandas' missing value) becomes None, drawn as no bar / a gap, shown as '—'."""

    def fix(v: float | None) -> float | None:
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else v

    return [Series(s.name, [fix(v) for v in s.values], s.color) for s in series]


def _without_common_prefix(labels: Sequence[str]) -> list[str]:
    """Drop leading words every label shares ('Mắt Việt Hà Nội', 'Mắt Việt Huế' → 'Hà Nội', 'Huế')."""
    if len(labels) < 2:
        return list(labels)
    words = [label.split(" ") for label in labels]
    common = 0
    while all(len(w) > common + 1 for w in words) and len({w[common] for w in words}) == 1:
        common += 1
    return [" ".join(w[common:]) for w in words]


class FormattedAxis(pg.AxisItem):
    """A value axis whose labels use the app's number formats (e.g. '1,2 tr ₫')."""

    def __init__(self, formatter: Callable[[float], str], orientation: str = "left") -> None:
        super().__init__(orientation)
        self.formatter = formatter
        # Counts: a tick at 0.2 would read "0" and one at 0.8 "1"; leave fractional ticks blank.
        self.whole_numbers_only = formatter is fmt.integer

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.whole_numbers_only:
            return [self.formatter(v) if abs(v - round(v)) < 1e-9 else "" for v in values]
        return [self.formatter(v) for v in values]


def save_xlsx(frame: pd.DataFrame, path: str | Path, sheet: str = "Dữ liệu") -> Path:
    """Write a table to XLSX; text that a spreadsheet would run as a formula is neutralised."""
    safe = frame.copy()
    for col in safe.columns:
        if safe[col].dtype == object:
            safe[col] = safe[col].map(
                lambda v: "'" + v if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") else v
            )
    target = Path(path)
    safe.to_excel(target, index=False, sheet_name=sheet[:31])
    return target


class ChartCard(Card):
    """A titled card holding one pyqtgraph plot, with XLSX/PNG export buttons."""

    def __init__(
        self,
        title: str,
        value_format: Callable[[float], str] = fmt.integer,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.chart_title = title
        head = QHBoxLayout()
        # Wraps rather than widening the card: two cards side by side must fit 1360 px.
        self.heading = label(title, "SectionTitle", wrap=True)
        head.addWidget(self.heading, 1)
        self.xlsx_button = button(self.tr("Xuất XLSX"), "export", flat=True)
        self.png_button = button(self.tr("Lưu PNG"), "file", flat=True)
        self.xlsx_button.setToolTip(self.tr("Lưu bảng số liệu của biểu đồ ra Excel"))
        self.png_button.setToolTip(self.tr("Lưu biểu đồ thành ảnh PNG"))
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        self.png_button.clicked.connect(lambda: self.export_png())
        head.addWidget(self.xlsx_button)
        head.addWidget(self.png_button)
        self.body.addLayout(head)
        self.value_axis = FormattedAxis(value_format)
        self.plot = pg.PlotWidget(axisItems={"left": self.value_axis})
        self.plot.setMinimumHeight(220)
        self.plot.setMaximumHeight(320)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        self.plot.getPlotItem().getViewBox().setDefaultPadding(0.04)
        self.body.addWidget(self.plot, 1)
        self.empty_label = label(self.tr("Không có dữ liệu trong khoảng đã chọn."), "Muted", wrap=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        self.body.addWidget(self.empty_label)
        self.legend: pg.LegendItem | None = None
        self._tooltips: list[str] = []
        self._tooltip_at: Callable[[QPointF], str | None] | None = None
        self._frame: pd.DataFrame | Callable[[], pd.DataFrame] = pd.DataFrame()
        self.value_format = value_format
        self.plot.scene().sigMouseMoved.connect(self._hover)

    def set_empty_text(self, text: str) -> None:
        """What the card says when there is nothing to draw (default: nothing in the date range)."""
        self.empty_label.setText(text)

    def set_title(self, title: str) -> None:
        self.chart_title = title
        self.heading.setText(title)

    # Data and export ----------------------------------------------------------------------
    def set_table(self, frame: pd.DataFrame | Callable[[], pd.DataFrame]) -> None:
        """The table behind the chart (translated headers, exact values), for XLSX export; a
        callable is built only when exported, so drawing stays cheap."""
        self._frame = frame

    def table(self) -> pd.DataFrame:
        if callable(self._frame):
            self._frame = self._frame()
        return self._frame

    def export_xlsx(self, path: str | Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Xuất bảng số liệu"), f"{self.chart_title}.xlsx", "Excel (*.xlsx)"
            )
            if not chosen:
                return None
            path = chosen
        return save_xlsx(self.table(), path, self.chart_title)

    def export_png(self, path: str | Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Lưu biểu đồ"), f"{self.chart_title}.png", "PNG (*.png)"
            )
            if not chosen:
                return None
            path = chosen
        self.grab().save(str(path), "PNG")
        return Path(path)

    # Drawing --------------------------------------------------------------------------------
    def _reset(self, empty: bool) -> None:
        self.plot.clear()
        if self.legend is not None:
            self.legend.clear()
            self.legend.hide()
        self._tooltips = []
        self._tooltip_at = None
        self.plot.setVisible(not empty)
        self.empty_label.setVisible(empty)

    def _add_legend(self, series: Sequence[Series]) -> None:
        if len(series) > 1:
            if self.legend is None:
                self.legend = self.plot.addLegend(
                    offset=(-10, 5), labelTextColor="#334155", brush=pg.mkBrush(255, 255, 255, 220)
                )
            self.legend.show()

    def bars(
        self,
        categories: Sequence[str],
        series: Sequence[Series],
        tooltips: Sequence[str] | None = None,
        horizontal_labels_every: int = 1,
    ) -> None:
        """Grouped vertical bars, one group per category; tooltips default to the exact values."""
        series = _clean(series)
        nothing = not categories or all(not v for s in series for v in s.values)  # no bar to draw
        self._reset(nothing)
        if nothing:
            return
        self._add_legend(series)
        n = len(series)
        width = 0.8 / n
        for i, s in enumerate(series):
            color = s.color or PALETTE[i % len(PALETTE)]
            xs = np.arange(len(categories)) - 0.4 + width * (i + 0.5)
            heights = [0.0 if v is None else float(v) for v in s.values]
            item = pg.BarGraphItem(
                x=xs, height=heights, width=width * 0.92, brush=QColor(color), pen=None, name=s.name
            )
            self.plot.addItem(item)
        # Long names on many bars would overlap: shorten the axis text (the tooltip keeps it whole).
        room = max(6, int(110 / len(categories)))
        shown = [c if len(c) <= room else c[: room - 1] + "…" for c in _without_common_prefix(categories)]
        ticks = [(i, c) for i, c in enumerate(shown) if i % max(horizontal_labels_every, 1) == 0]
        self.plot.getAxis("bottom").setTicks([ticks])
        self._tooltips = (
            list(tooltips)
            if tooltips
            else [
                f"{c}\n"
                + "\n".join(
                    f"{s.name}: {self.value_format(s.values[i]) if s.values[i] is not None else fmt.DASH}"
                    for s in series
                )
                for i, c in enumerate(categories)
            ]
        )
        self._tooltip_at = self._nearest_index_tooltip
        self.plot.setXRange(-0.6, len(categories) - 0.4, padding=0)
        values = [float(v) for s in series for v in s.values if v is not None]
        low, high = min([0.0, *values]), max([0.0, *values])
        self.plot.setYRange(low * 1.1, high * 1.15 if high > 0 else 1, padding=0)

    def lines(
        self, labels: Sequence[str], series: Sequence[Series], tooltips: Sequence[str] | None = None
    ) -> None:
        """Lines over an ordered axis (days); x tick labels thinned to about eight."""
        series = _clean(series)
        self._reset(not labels)
        if not labels:
            return
        self._add_legend(series)
        xs = np.arange(len(labels), dtype=float)
        for i, s in enumerate(series):
            color = s.color or PALETTE[i % len(PALETTE)]
            ys = np.array([np.nan if v is None else float(v) for v in s.values])
            # Markers and antialiasing only on short series: a year of days stays cheap to paint.
            short_series = len(labels) <= 60
            self.plot.plot(
                xs,
                ys,
                pen=pg.mkPen(color, width=2),
                name=s.name,
                symbol="o" if short_series else None,
                symbolSize=4,
                symbolBrush=color,
                symbolPen=None,
                connect="finite",
                antialias=short_series,
            )
        step = max(1, len(labels) // 7)
        # Day labels on the axis as dd/MM; the tooltip shows the full date.
        short = [lab[:5] if _DATE.fullmatch(lab) else lab for lab in labels]
        self.plot.getAxis("bottom").setTicks([[(i, short[i]) for i in range(0, len(labels), step)]])
        self._tooltips = (
            list(tooltips)
            if tooltips
            else [
                f"{lab}\n"
                + "\n".join(
                    f"{s.name}: {self.value_format(s.values[i]) if s.values[i] is not None else fmt.DASH}"
                    for s in series
                )
                for i, lab in enumerate(labels)
            ]
        )
        self._tooltip_at = self._nearest_index_tooltip

    def heatmap(
        self,
        matrix: np.ndarray,
        row_labels: Sequence[str],
        col_labels: Sequence[str],
        tooltips: list[list[str]],
    ) -> None:
        """A rows × columns grid coloured by value (NaN = no data), exact values in tooltips."""
        self._reset(matrix.size == 0 or bool(np.all(np.isnan(matrix))))
        if matrix.size == 0:
            return
        image = pg.ImageItem(np.nan_to_num(matrix.T, nan=-1.0))
        cmap = pg.ColorMap([0.0, 0.001, 1.0], [QColor("#F1F5F9"), QColor("#DBEAFE"), QColor("#0F6FB8")])
        finite = matrix[~np.isnan(matrix)]
        top = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
        image.setLookupTable(cmap.getLookupTable(0.0, 1.0, 256))
        image.setLevels([-top * 0.001, top])
        self.plot.addItem(image)
        self.plot.getAxis("bottom").setTicks([[(i + 0.5, c) for i, c in enumerate(col_labels) if i % 2 == 0]])
        self.plot.getAxis("left").setTicks([[(i + 0.5, r) for i, r in enumerate(row_labels)]])
        self.plot.getPlotItem().invertY(True)
        self.plot.setXRange(0, len(col_labels), padding=0)
        self.plot.setYRange(0, len(row_labels), padding=0)
        self.plot.showGrid(x=False, y=False)

        def at(point: QPointF) -> str | None:
            col, row = int(point.x()), int(point.y())
            if (
                0 <= row < len(row_labels)
                and 0 <= col < len(col_labels)
                and point.x() >= 0
                and point.y() >= 0
            ):
                return tooltips[row][col]
            return None

        self._tooltip_at = at

    def _nearest_index_tooltip(self, point: QPointF) -> str | None:
        index = int(round(point.x()))
        return self._tooltips[index] if 0 <= index < len(self._tooltips) else None

    def tooltip_for_index(self, index: int) -> str:
        """The tooltip shown over category/day `index` (also used by tests)."""
        return self._tooltips[index]

    def _hover(self, pos: QPointF) -> None:
        if self._tooltip_at is None:
            return
        view = self.plot.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(pos):
            QToolTip.hideText()
            return
        text = self._tooltip_at(view.mapSceneToView(pos))
        if text:
            QToolTip.showText(QCursor.pos(), text, self.plot)
        else:
            QToolTip.hideText()


def frame_for_export(
    frame: pd.DataFrame, headers: dict[str, str], mappers: dict[str, Callable[[Any], Any]] | None = None
) -> pd.DataFrame:
    """Select and rename columns for export (`headers`: column → translated header)."""
    out = pd.DataFrame()
    for key, header in headers.items():
        values = frame[key] if key in frame else pd.Series([None] * len(frame))
        if mappers and key in mappers:
            values = values.map(mappers[key])
        out[header] = list(values)
    return out
