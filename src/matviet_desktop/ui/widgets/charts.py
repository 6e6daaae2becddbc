"""Charts: pyqtgraph bar and line charts in the app's palette, and a painted sparkline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from matviet_desktop.ui import formatting as fmt

PALETTE = ["#0F6FB8", "#15803D", "#B45309", "#7C3AED", "#0E7490", "#B91C1C", "#64748B", "#CA8A04"]
pg.setConfigOptions(antialias=True, background="w", foreground="#475569")


def _style_plot(plot: pg.PlotWidget) -> None:
    plot.setBackground("w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=0.15)
    for axis in ("left", "bottom"):
        ax = plot.getAxis(axis)
        ax.setPen(pg.mkPen("#CBD5E1"))
        ax.setTextPen(pg.mkPen("#475569"))


class BarChart(pg.PlotWidget):
    """Horizontal bars with category labels on the left, largest first, counts at the bar ends."""

    def __init__(self, parent: QWidget | None = None, color: str = PALETTE[0]) -> None:
        super().__init__(parent)
        _style_plot(self)
        self.color = color
        self.showGrid(x=False, y=False)
        self.hideAxis("bottom")  # the values are written at the bar ends
        self.setFixedHeight(210)

    def set_data(self, items: Sequence[tuple[str, int]]) -> None:
        self.clear()
        items = list(items)[:10][::-1]  # top ten, largest at the top
        if not items:
            return
        ys = list(range(len(items)))
        widths = [v for _label, v in items]
        bars = pg.BarGraphItem(x0=0, y=ys, height=0.62, width=widths, brush=self.color, pen=pg.mkPen(None))
        self.addItem(bars)
        top = max(widths) or 1
        for y, (_label, value) in zip(ys, items, strict=True):
            text = pg.TextItem(fmt.integer(value), color="#334155", anchor=(0, 0.5))
            text.setPos(value + top * 0.01, y)
            self.addItem(text)
        self.getAxis("left").setTicks([[(y, label) for y, (label, _v) in zip(ys, items, strict=True)]])
        self.setXRange(0, top * 1.18, padding=0)
        self.setYRange(-0.6, len(items) - 0.4, padding=0)


class DateAxis(pg.AxisItem):
    """Bottom axis whose values are date ordinals, labelled dd/MM."""

    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]
        # Called from a C++ paint: it must never raise (an empty plot asks for ticks near 0).
        return [dt.date.fromordinal(int(v)).strftime("%d/%m") if 1 <= v <= 3_652_059 else "" for v in values]


class CountAxis(pg.AxisItem):
    """Left axis with Vietnamese digit grouping (20.000, not 20000)."""

    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]
        return [fmt.integer(v) if abs(v - round(v)) < 1e-9 else fmt.decimal(v, 1) for v in values]


class LineChart(pg.PlotWidget):
    """One series over calendar days (segment size over time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            axisItems={"bottom": DateAxis(orientation="bottom"), "left": CountAxis(orientation="left")},
        )
        _style_plot(self)
        self.setFixedHeight(210)
        self.getAxis("left").setWidth(64)

    def set_data(self, points: Sequence[tuple[dt.date, int]]) -> None:
        self.clear()
        if not points:
            return
        xs = [d.toordinal() for d, _ in points]
        ys = [v for _, v in points]
        pen = pg.mkPen(PALETTE[0], width=2.5)
        self.plot(xs, ys, pen=pen, symbol="o" if len(xs) < 40 else None, symbolSize=6,
                  symbolBrush=PALETTE[0], symbolPen=None, fillLevel=0, brush=QColor(15, 111, 184, 30))  # fmt: skip
        # Sizes are counts: the axis starts at zero so a small change does not look like a collapse.
        self.setYRange(0, max(ys) * 1.15 or 1, padding=0)
        if len(xs) == 1:
            self.setXRange(xs[0] - 7, xs[0] + 7)


class SparklineDelegate(QStyledItemDelegate):
    """Paints a list of numbers (the item's UserRole data) as a small line in a table cell."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.fillRect(option.rect, QColor("#E7F1FA"))  # type: ignore[attr-defined]
        values = index.data(Qt.ItemDataRole.UserRole) or []
        rect = QRectF(option.rect).adjusted(8, 8, -8, -8)  # type: ignore[attr-defined]
        if len(values) < 2:
            if values:
                painter.setPen(QPen(QColor(PALETTE[0]), 2))
                painter.drawLine(
                    QPointF(rect.left(), rect.center().y()), QPointF(rect.right(), rect.center().y())
                )
            return
        low, high = min(values), max(values)
        span = (high - low) or 1
        path = QPainterPath()
        for i, value in enumerate(values):
            point = QPointF(
                rect.left() + rect.width() * i / (len(values) - 1),
                rect.bottom() - rect.height() * (value - low) / span,
            )
            path.moveTo(point) if i == 0 else path.lineTo(point)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rising = values[-1] >= values[0]
        painter.setPen(QPen(QColor("#15803D" if rising else "#B91C1C"), 1.8))
        painter.drawPath(path)
        painter.restore()
