"""Segment performance dashboard (plan 3.2): revenue and growth by segment, best segments, and the
migration between the first and last day of the period as a Sankey diagram plus a table."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from matviet_desktop.core.analytics import dashboards
from matviet_desktop.core.analytics.filters import VN_TZ, AnalyticsFilter
from matviet_desktop.core.analytics.segment_performance import segment_names
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.pages.analytics.base import Dashboard
from matviet_desktop.ui.resources import icon_pixmap
from matviet_desktop.ui.tasks import Job
from matviet_desktop.ui.widgets.chart_cards import ChartCard, Series, frame_for_export
from matviet_desktop.ui.widgets.common import Banner, Card, button, label
from matviet_desktop.ui.widgets.frame_table import Column, FrameTable
from matviet_desktop.ui.widgets.sankey import Flow, SankeyCard


class SegmentDashboardView(Dashboard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = self.tr("Hiệu quả phân khúc")
        self.empty_state = self._empty_state()
        self.layout_.addWidget(self.empty_state)
        self.coverage_note = Banner()
        self.layout_.addWidget(self.coverage_note)
        # Revenue by segment: chart, growth table and best segments (hidden in the empty state).
        self.revenue_part = QWidget()
        revenue_layout = QVBoxLayout(self.revenue_part)
        revenue_layout.setContentsMargins(0, 0, 0, 0)
        revenue_layout.setSpacing(12)
        self.revenue_chart = ChartCard(
            self.tr("Doanh thu theo phân khúc (kỳ này và kỳ trước)"), fmt.vnd_short
        )
        revenue_layout.addWidget(self.revenue_chart)
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
        revenue_layout.addLayout(row)
        self.layout_.addWidget(self.revenue_part)

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
        self.flow_card = flow_card = Card(self.tr("Bảng dịch chuyển"))
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

    def _empty_state(self) -> Card:
        """Shown instead of revenue by segment while no segment has membership history."""
        card = Card()
        title_row = QHBoxLayout()
        icon_label = QLabel()
        icon_label.setPixmap(icon_pixmap("info", "#0F6FB8", 28))
        title_row.addWidget(icon_label, 0, Qt.AlignmentFlag.AlignTop)
        self.empty_title = label("", "SectionTitle", wrap=True)
        title_row.addWidget(self.empty_title, 1)
        card.body.addLayout(title_row)
        self.empty_text = label("", wrap=True)
        self.empty_text.setTextFormat(Qt.TextFormat.RichText)
        card.body.addWidget(self.empty_text)
        self.open_segments_button = button(self.tr("Mở trang Phân khúc"), "segments", primary=True)
        self.open_segments_button.clicked.connect(self._open_segments)
        card.body.addWidget(self.open_segments_button, 0, Qt.AlignmentFlag.AlignLeft)
        card.hide()
        return card

    def _open_segments(self) -> None:
        if self.ctx.navigate is not None:
            self.ctx.navigate("segments")

    def _show_coverage(self, result: dashboards.SegmentDashboard) -> None:
        """Empty state without segments or membership history; a note when history starts
        inside the period (revenue before it belongs to no segment)."""
        no_history = result.history_from is None
        self.empty_state.setVisible(no_history)
        self.revenue_part.setVisible(not no_history)
        self.open_segments_button.setVisible(self.ctx.navigate is not None)
        if result.segments == 0:
            self.empty_title.setText(self.tr("Chưa có phân khúc nào để so sánh doanh thu"))
            self.empty_text.setText(
                self.tr(
                    "Doanh thu theo phân khúc cần ít nhất một phân khúc đang hoạt động. Vào trang "
                    "<b>Phân khúc</b>, tạo phân khúc (hoặc dùng các phân khúc dựng sẵn) rồi bấm "
                    "<b>Làm mới tất cả</b>; sau đó quay lại đây và bấm <b>Làm mới</b>."
                )
            )
        elif no_history:
            self.empty_title.setText(self.tr("Chưa có lịch sử thành viên phân khúc"))
            self.empty_text.setText(
                self.tr(
                    "Doanh thu được tính cho phân khúc mà khách thuộc về <i>lúc mua hàng</i>, theo lịch "
                    "sử thành viên. Lịch sử này được ghi mỗi lần làm mới phân khúc, và chưa phân khúc "
                    "nào được làm mới. Vào trang <b>Phân khúc</b>, bấm <b>Làm mới tất cả</b>; doanh thu "
                    "theo phân khúc sẽ có từ lần làm mới đầu tiên trở đi."
                )
            )
        starts_inside = (
            result.history_from is not None and result.history_from.astimezone(VN_TZ).date() > result.day_a
        )
        if starts_inside and result.history_from is not None:
            self.coverage_note.show_message(
                "info",
                self.tr(
                    "Lịch sử thành viên phân khúc bắt đầu từ %1: đơn hàng trước ngày đó không thuộc "
                    "phân khúc nào nên không có trong doanh thu theo phân khúc (kể cả kỳ trước)."
                ).replace("%1", fmt.date(result.history_from.astimezone(VN_TZ).date())),
            )
        else:
            self.coverage_note.hide()
        if result.mode == "lifecycle":
            self.sankey.empty_label.setText(
                self.tr(
                    "Chưa có lịch sử giai đoạn vòng đời cho kỳ này. Giai đoạn được ghi mỗi lần chấm "
                    "điểm khách hàng (Cài đặt → Chấm điểm lại ngay)."
                )
            )
        else:
            self.sankey.empty_label.setText(
                self.tr("Chọn ít nhất một phân khúc đã được làm mới để xem dịch chuyển.")
            )

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
        self._show_coverage(result)
        rev = result.revenue.head(12)
        no_revenue = not any(rev["revenue"]) and not any(v for v in rev["previous_revenue"] if v is not None)
        # All-zero bars would only draw an empty axis: say so instead.
        self.revenue_chart.empty_label.setText(
            self.tr("Thành viên các phân khúc chưa có đơn hàng hoàn tất nào trong kỳ này và kỳ trước.")
        )
        self.revenue_chart.bars(
            [] if no_revenue else list(rev["segment_name"]),
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
        elif no_revenue:
            self.best_label.setText(self.tr("Chưa có doanh thu trong kỳ để xếp hạng phân khúc."))
        else:
            lines = [
                self.tr("%1. <b>%2</b> — %3 / thành viên (%4 thành viên)")
                .replace("%1", str(i))
                .replace("%2", html.escape(str(r.segment_name)))
                .replace("%3", fmt.vnd(r.revenue_per_member))
                .replace("%4", fmt.integer(r.members_end))
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
        self.flow_card.setVisible(not flows.empty)  # the diagram says why it is empty
        self.sankey.set_table(
            frame_for_export(flows, {c.key: c.header for c in self.flow_table.source.columns})
        )
