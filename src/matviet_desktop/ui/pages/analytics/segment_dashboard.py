"""Segment performance dashboard (plan 3.2): revenue and growth by segment, best segments, and the
migration between the first and last day of the period as a Sankey diagram plus a table."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QToolButton, QWidget

from matviet_desktop.core.analytics import dashboards
from matviet_desktop.core.analytics.filters import AnalyticsFilter
from matviet_desktop.core.analytics.segment_performance import segment_names
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.pages.analytics.base import Dashboard
from matviet_desktop.ui.tasks import Job
from matviet_desktop.ui.widgets.chart_cards import ChartCard, Series, frame_for_export
from matviet_desktop.ui.widgets.common import Card, label
from matviet_desktop.ui.widgets.frame_table import Column, FrameTable
from matviet_desktop.ui.widgets.sankey import Flow, SankeyCard


class SegmentDashboardView(Dashboard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = self.tr("Hiệu quả phân khúc")
        self.revenue_chart = ChartCard(
            self.tr("Doanh thu theo phân khúc (kỳ này và kỳ trước)"), fmt.vnd_short
        )
        self.layout_.addWidget(self.revenue_chart)
        row = QHBoxLayout()
        table_card = Card(self.tr("Tăng trưởng theo phân khúc"))
        self.table = FrameTable(
            [
                Column("segment_name", self.tr("Phân khúc")),
                Column("members_start", self.tr("Thành viên đầu kỳ"), "int"),
                Column("members_end", self.tr("Thành viên cuối kỳ"), "int"),
                Column("member_growth_pct", self.tr("Tăng thành viên"), "pct_points"),
                Column("orders", self.tr("Đơn hàng"), "int"),
                Column("revenue", self.tr("Doanh thu"), "vnd"),
                Column("previous_revenue", self.tr("Kỳ trước"), "vnd"),
                Column("revenue_growth_pct", self.tr("Tăng doanh thu"), "pct_points"),
                Column("revenue_per_member", self.tr("Doanh thu / thành viên"), "vnd"),
            ]
        )
        self.table.setMinimumHeight(220)
        table_card.body.addWidget(self.table)
        row.addWidget(table_card, 3)
        best_card = Card(self.tr("Phân khúc hiệu quả nhất"))
        self.best_label = label("", wrap=True)
        best_card.body.addWidget(self.best_label)
        best_card.body.addStretch(1)
        row.addWidget(best_card, 1)
        self.layout_.addLayout(row)

        controls = QHBoxLayout()
        controls.addWidget(label(self.tr("Dịch chuyển giữa ngày đầu và ngày cuối kỳ theo:"), "Muted"))
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Giai đoạn vòng đời"), "lifecycle")
        self.mode.addItem(self.tr("Các phân khúc đã chọn"), "segments")
        controls.addWidget(self.mode)
        self.segments_button = QToolButton()
        self.segments_button.setText(self.tr("Chọn phân khúc…"))
        self.segments_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.segments_menu = QMenu(self.segments_button)
        self.segments_button.setMenu(self.segments_menu)
        self.segments_button.setEnabled(False)
        controls.addWidget(self.segments_button)
        controls.addStretch(1)
        self.layout_.addLayout(controls)
        self.sankey = SankeyCard(self.tr("Dịch chuyển khách hàng"))
        self.layout_.addWidget(self.sankey)
        flow_card = Card(self.tr("Bảng dịch chuyển"))
        self.flow_table = FrameTable(
            [
                Column("source_label", self.tr("Đầu kỳ")),
                Column("target_label", self.tr("Cuối kỳ")),
                Column("customers", self.tr("Khách hàng"), "int"),
                Column("share", self.tr("Tỷ lệ trong nhóm đầu kỳ"), "pct"),
            ]
        )
        self.flow_table.setMinimumHeight(200)
        flow_card.body.addWidget(self.flow_table)
        self.layout_.addWidget(flow_card)
        self._segment_actions: list[QAction] = []
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.segments_menu.aboutToShow.connect(self._load_segments)

    # Segment picker ---------------------------------------------------------------------------
    def _mode_changed(self) -> None:
        self.segments_button.setEnabled(self.mode.currentData() == "segments")
        self.refresh(self.filter)

    def _load_segments(self) -> None:
        if self._segment_actions:
            return
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: segment_names(engine),
            title=self.tr("Tải danh sách phân khúc"),
            on_result=self.set_segment_choices,
            visible=False,
        )

    def set_segment_choices(self, names: dict[str, str]) -> None:
        self.segments_menu.clear()
        self._segment_actions = []
        for seg_id, seg_name in names.items():
            action = QAction(seg_name, self.segments_menu)
            action.setCheckable(True)
            action.setData(seg_id)
            action.toggled.connect(lambda _on: self.refresh(self.filter))
            self.segments_menu.addAction(action)
            self._segment_actions.append(action)

    def chosen_segments(self) -> list[uuid.UUID]:
        if self.mode.currentData() != "segments":
            return []
        return [uuid.UUID(a.data()) for a in self._segment_actions if a.isChecked()]

    # Dashboard --------------------------------------------------------------------------------
    def compute(self, flt: AnalyticsFilter) -> Callable[[Job], Any]:
        engine, chosen = self.ctx.engine, self.chosen_segments()
        return lambda job: dashboards.segment_dashboard(engine, flt, chosen or None)

    def node_label(self, result: dashboards.SegmentDashboard, key: str) -> str:
        if result.mode == "lifecycle":
            return labels.stage(key)
        return result.flow_labels.get(key) or self.tr("Ngoài các phân khúc đã chọn")

    def render(self, result: dashboards.SegmentDashboard) -> None:
        rev = result.revenue.head(12)
        self.revenue_chart.bars(
            list(rev["segment_name"]),
            [
                Series(self.tr("Kỳ này"), [float(v) for v in rev["revenue"]], "#0F6FB8"),
                Series(
                    self.tr("Kỳ trước"),
                    [None if v is None else float(v) for v in rev["previous_revenue"]],
                    "#94A3B8",
                ),
            ],
        )
        headers = {c.key: c.header for c in self.table.source.columns}
        self.revenue_chart.set_table(lambda: frame_for_export(result.revenue, headers))
        self.table.set_frame(result.revenue)
        if result.best.empty:
            self.best_label.setText(self.tr("Chưa có phân khúc nào có thành viên trong kỳ."))
        else:
            lines = [
                f"{i}. <b>{r.segment_name}</b> — {fmt.vnd(r.revenue_per_member)} / "
                + self.tr("thành viên")
                + f" ({fmt.integer(r.members_end)} "
                + self.tr("thành viên")
                + ")"
                for i, r in enumerate(result.best.itertuples(), start=1)
            ]
            self.best_label.setText("<br>".join(lines))

        flows = result.flows.copy()
        labels_map = {k: self.node_label(result, k) for k in result.flow_order}
        self.sankey.flows(
            [Flow(r.source, r.target, int(r.customers)) for r in flows.itertuples()],
            result.flow_order,
            labels_map,
        )
        title = (
            self.tr("Dịch chuyển khách hàng từ %1 đến %2")
            .replace("%1", fmt.date(result.day_a))
            .replace("%2", fmt.date(result.day_b))
        )
        self.sankey.set_title(title)
        totals = flows.groupby("source")["customers"].transform("sum") if len(flows) else flows["customers"]
        flows["source_label"] = [labels_map.get(k, k) for k in flows["source"]]
        flows["target_label"] = [labels_map.get(k, k) for k in flows["target"]]
        flows["share"] = [c / t if t else None for c, t in zip(flows["customers"], totals, strict=True)]
        self.flow_table.set_frame(flows)
        self.sankey.set_table(
            frame_for_export(flows, {c.key: c.header for c in self.flow_table.source.columns})
        )
