"""A two-column Sankey (flow) diagram on pyqtgraph: who moved from which group on day A to which
group on day B. Ribbons are cubic Bézier bands; hovering one shows the exact count and share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QWidget

from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.widgets.chart_cards import PALETTE, ChartCard

NODE_WIDTH = 0.035
GAP_SHARE = 0.04  # vertical gap between nodes, as a share of the total


@dataclass(frozen=True)
class Flow:
    source: str
    target: str
    count: int


@dataclass
class _Ribbon:
    path: QPainterPath
    tooltip: str


class SankeyCard(ChartCard):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, fmt.integer, parent)
        self.plot.setMinimumHeight(340)
        for axis in ("left", "bottom"):
            self.plot.getPlotItem().hideAxis(axis)
        self.plot.showGrid(x=False, y=False)
        self._ribbons: list[_Ribbon] = []

    def flows(self, flows: Sequence[Flow], order: Sequence[str], labels: dict[str, str]) -> None:
        """Draw `flows`; nodes appear in `order` on both sides, named by `labels`."""
        self._reset(not flows)
        self._ribbons = []
        if not flows:
            return
        total = sum(f.count for f in flows)
        gap = total * GAP_SHARE
        colors = {key: QColor(PALETTE[i % len(PALETTE)]) for i, key in enumerate(order)}
        out_totals = {k: sum(f.count for f in flows if f.source == k) for k in order}
        in_totals = {k: sum(f.count for f in flows if f.target == k) for k in order}

        def stack(totals: dict[str, int]) -> dict[str, float]:
            tops, y = {}, 0.0
            for key in order:
                if totals[key]:
                    tops[key] = y
                    y += totals[key] + gap
            return tops

        left_top, right_top = stack(out_totals), stack(in_totals)
        for side, tops, totals, x in (
            ("L", left_top, out_totals, 0.0),
            ("R", right_top, in_totals, 1 - NODE_WIDTH),
        ):
            for key, top in tops.items():
                rect = QGraphicsRectItem(x, top, NODE_WIDTH, totals[key])
                rect.setBrush(QBrush(colors[key]))
                rect.setPen(QPen(colors[key].darker(115), 0))
                self.plot.addItem(rect)
                text = pg.TextItem(
                    f"{labels.get(key, key)}  {fmt.integer(totals[key])}",
                    color="#0F172A",
                    anchor=(1, 0.5) if side == "L" else (0, 0.5),
                )
                # Labels sit outside the nodes so ribbons never cover them.
                text.setPos(x - 0.01 if side == "L" else x + NODE_WIDTH + 0.01, top + totals[key] / 2)
                self.plot.addItem(text)

        left_used = dict.fromkeys(left_top, 0.0)
        right_used = dict.fromkeys(right_top, 0.0)
        ordered = sorted(flows, key=lambda f: (order.index(f.source), order.index(f.target)))
        for f in ordered:
            y0 = left_top[f.source] + left_used[f.source]
            y1 = right_top[f.target] + right_used[f.target]
            left_used[f.source] += f.count
            right_used[f.target] += f.count
            x0, x1 = NODE_WIDTH, 1 - NODE_WIDTH
            mid = (x0 + x1) / 2
            path = QPainterPath(QPointF(x0, y0))
            path.cubicTo(QPointF(mid, y0), QPointF(mid, y1), QPointF(x1, y1))
            path.lineTo(QPointF(x1, y1 + f.count))
            path.cubicTo(QPointF(mid, y1 + f.count), QPointF(mid, y0 + f.count), QPointF(x0, y0 + f.count))
            path.closeSubpath()
            item = QGraphicsPathItem(path)
            color = QColor(colors[f.source])
            color.setAlpha(110)
            item.setBrush(QBrush(color))
            item.setPen(QPen(QColor(0, 0, 0, 0), 0))
            self.plot.addItem(item)
            share = f.count / out_totals[f.source] if out_totals[f.source] else None
            tooltip = self.tr("%1 → %2\n%3 khách hàng (%4 của nhóm đầu)")
            tooltip = (
                tooltip.replace("%1", labels.get(f.source, f.source))
                .replace("%2", labels.get(f.target, f.target))
                .replace("%3", fmt.integer(f.count))
                .replace("%4", fmt.percent(share))
            )
            self._ribbons.append(_Ribbon(path, tooltip))
        height = max(
            max(left_used.values(), default=0) + max(left_top.values(), default=0),
            max(right_used.values(), default=0) + max(right_top.values(), default=0),
        )
        self.plot.getPlotItem().invertY(True)
        self.plot.setXRange(-0.32, 1.32, padding=0)
        self.plot.setYRange(-gap, height + gap, padding=0)
        self._tooltip_at = self._ribbon_tooltip

    def _ribbon_tooltip(self, point: QPointF) -> str | None:
        for ribbon in reversed(self._ribbons):
            if ribbon.path.contains(point):
                return ribbon.tooltip
        return None

    def ribbon_tooltips(self) -> list[str]:
        return [r.tooltip for r in self._ribbons]
