"""Segment detail: size over time, composition charts, the member list, export, create campaign."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QGridLayout, QHBoxLayout, QWidget

from matviet_desktop.core import segments as segment_service
from matviet_desktop.core.customers.queries import Composition, CustomerFilter, composition
from matviet_desktop.core.segments.service import SegmentInfo
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.labels import label as code_label
from matviet_desktop.ui.pages.segments.readout import describe
from matviet_desktop.ui.tasks import TaskError
from matviet_desktop.ui.widgets.charts import PALETTE, BarChart, LineChart
from matviet_desktop.ui.widgets.common import Banner, Card, KpiCard, button, label, scrolling_page_body
from matviet_desktop.ui.widgets.customer_table_view import CustomerTableView


@dataclass(frozen=True)
class SegmentDetail:
    info: SegmentInfo
    sizes: list
    composition: Composition


class SegmentDetailView(QWidget):
    """Signals:
    back_requested(), edit_requested(SegmentInfo), open_customer(uuid.UUID)
    """

    back_requested = Signal()
    edit_requested = Signal(object)
    open_customer = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.segment_id: uuid.UUID | None = None
        self.detail: SegmentDetail | None = None
        self.segment_names: dict[str, str] = {}

        layout = scrolling_page_body(self)

        top = QHBoxLayout()
        back = button(self.tr("Danh sách phân khúc"), "back", flat=True)
        back.clicked.connect(self.back_requested)
        top.addWidget(back)
        top.addStretch(1)
        self.edit_button = button(self.tr("Sửa quy tắc"))
        self.refresh_button = button(self.tr("Làm mới"), "refresh")
        self.csv_button = button(self.tr("Xuất CSV"), "export")
        self.xlsx_button = button(self.tr("Xuất Excel"), "export")
        self.campaign_button = button(self.tr("Tạo chiến dịch cho phân khúc này"), "campaigns", primary=True)
        for b in (
            self.edit_button,
            self.refresh_button,
            self.csv_button,
            self.xlsx_button,
            self.campaign_button,
        ):
            top.addWidget(b)
        layout.addLayout(top)
        self.title = label("", "PageTitle")
        self.subtitle = label("", "Muted", wrap=True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.banner = Banner()
        layout.addWidget(self.banner)

        kpis = QHBoxLayout()
        self.kpi_size = KpiCard(self.tr("Số khách hàng"))
        self.kpi_change = KpiCard(self.tr("Thay đổi 90 ngày"))
        self.kpi_vip = KpiCard(self.tr("Khách VIP và hạng cao"))
        self.kpi_refreshed = KpiCard(self.tr("Làm mới lần cuối"))
        for card in (self.kpi_size, self.kpi_change, self.kpi_vip, self.kpi_refreshed):
            kpis.addWidget(card)
        layout.addLayout(kpis)

        rule_card = Card(self.tr("Quy tắc"))
        self.rule_text = label("", "Explain", wrap=True)
        rule_card.body.addWidget(self.rule_text)
        rule_card.body.addStretch(1)

        charts = QGridLayout()
        charts.setSpacing(12)
        self.size_chart = LineChart()
        self.stage_chart = BarChart(color=PALETTE[0])
        self.tier_chart = BarChart(color=PALETTE[3])
        self.store_chart = BarChart(color=PALETTE[1])
        self.category_chart = BarChart(color=PALETTE[2])
        for i, (title, chart) in enumerate(
            (
                (self.tr("Số khách theo thời gian"), self.size_chart),
                (self.tr("Theo giai đoạn vòng đời"), self.stage_chart),
                (self.tr("Theo hạng CLV"), self.tier_chart),
                (self.tr("Theo cửa hàng"), self.store_chart),
                (self.tr("Theo loại sản phẩm ưa thích"), self.category_chart),
            )
        ):
            card = Card(title)
            card.body.addWidget(chart)
            if i == 0:
                charts.addWidget(rule_card, 0, 0)
                charts.addWidget(card, 0, 1)
            else:
                charts.addWidget(card, 1 + (i - 1) // 2, (i - 1) % 2)
        layout.addLayout(charts)

        members = Card(self.tr("Thành viên"))
        self.members = CustomerTableView(ctx)
        self.members.setMinimumHeight(420)
        self.members.customer_activated.connect(lambda row: self.open_customer.emit(row.id))
        members.body.addWidget(self.members)
        layout.addWidget(members)

        self.edit_button.clicked.connect(lambda: self.detail and self.edit_requested.emit(self.detail.info))
        self.refresh_button.clicked.connect(self._refresh)
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.xlsx_button.clicked.connect(lambda: self._export("xlsx"))
        self.campaign_button.clicked.connect(self._create_campaign)

    def show_segment(self, segment_id: uuid.UUID, segment_names: dict[str, str] | None = None) -> None:
        self.segment_id = segment_id
        self.segment_names = segment_names or self.segment_names
        self.title.setText(self.tr("Đang tải…"))
        self.banner.hide()
        engine = self.ctx.engine

        def work(job: object) -> SegmentDetail:
            info = segment_service.get_segment(engine, segment_id)
            sizes = segment_service.size_history(engine, segment_id, days=90)
            return SegmentDetail(info, sizes, composition(engine, CustomerFilter(segment_id=segment_id)))

        self.ctx.tasks.submit(
            work,
            title=self.tr("Tải chi tiết phân khúc"),
            key="segment-detail",
            visible=False,
            on_result=self._show,
            on_error=lambda err: self.banner.show_message("error", str(err.exception)),
        )
        self.members.model.set_query(CustomerFilter(segment_id=segment_id))

    def _show(self, detail: SegmentDetail) -> None:
        if detail.info.id != self.segment_id:
            return
        self.detail = detail
        info, comp = detail.info, detail.composition
        self.title.setText(info.name)
        kind = self.tr("Phân khúc tĩnh") if info.segment_type == "static" else self.tr("Phân khúc động")
        self.subtitle.setText(
            " · ".join(x for x in (kind, code_label("rule_type", info.rule_type), info.description) if x)
        )
        self.kpi_size.set(fmt.integer(info.customer_count), self.tr("khách hàng trong lần làm mới gần nhất"))
        if len(detail.sizes) > 1:
            change = detail.sizes[-1][1] - detail.sizes[0][1]
            self.kpi_change.set(
                ("+" if change > 0 else "") + fmt.integer(change),
                self.tr("so với %1").replace("%1", fmt.date(detail.sizes[0][0])),
            )
        else:
            self.kpi_change.set("—", self.tr("cần ít nhất hai ngày có làm mới"))
        high = sum(n for tier, n in comp.tier if tier in ("vip", "high"))
        self.kpi_vip.set(
            fmt.integer(high), fmt.percent(high / comp.total if comp.total else 0) + self.tr(" của phân khúc")
        )
        self.kpi_refreshed.set(fmt.date(info.refreshed_at), fmt.datetime(info.refreshed_at))
        if info.segment_type == "static":
            self.rule_text.setText(self.tr("Danh sách cố định: thành viên được chọn hoặc nhập từ tệp."))
        else:
            self.rule_text.setText(describe(info.conditions, self.segment_names))
        self.edit_button.setEnabled(info.segment_type != "static")
        self.size_chart.set_data(detail.sizes)
        self.stage_chart.set_data([(code_label("stage", k), n) for k, n in comp.lifecycle])
        self.tier_chart.set_data([(code_label("tier", k), n) for k, n in comp.tier])
        self.store_chart.set_data([(k or "—", n) for k, n in comp.store])
        self.category_chart.set_data([(code_label("category", k), n) for k, n in comp.category])

    def _refresh(self) -> None:
        segment_id, engine = self.segment_id, self.ctx.engine
        if segment_id is None:
            return
        self.ctx.tasks.submit(
            lambda job: segment_service.refresh(engine, segment_id),
            title=self.tr("Làm mới phân khúc"),
            serial=True,
            on_result=lambda _r: self.show_segment(segment_id),
            on_error=lambda err: self.banner.show_message("error", str(err.exception)),
        )

    def _export(self, kind: str) -> None:
        if self.detail is None:
            return
        name = self.detail.info.name
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Xuất thành viên phân khúc"),
            f"{name}.{kind}",
            self.tr("Tệp CSV (*.csv)") if kind == "csv" else self.tr("Tệp Excel (*.xlsx)"),
        )
        if not path:
            return
        segment_id, engine = self.detail.info.id, self.ctx.engine
        export = segment_service.export_csv if kind == "csv" else segment_service.export_xlsx
        self.ctx.tasks.submit(
            lambda job: export(engine, segment_id, Path(path)),
            title=self.tr("Xuất phân khúc “%1”").replace("%1", name),
            serial=True,
            on_result=lambda _r: self.banner.show_message("ok", self.tr("Đã xuất ra %1").replace("%1", path)),
            on_error=self._export_failed,
        )

    def _export_failed(self, error: TaskError) -> None:
        self.banner.show_message("error", self.tr("Xuất thất bại: ") + str(error.exception))

    def _create_campaign(self) -> None:
        """Open the campaign wizard on the campaigns page with this segment as the audience."""
        if self.detail is None or self.ctx.navigate is None:
            return
        page = self.ctx.navigate("campaigns")
        start = getattr(page, "open_wizard", None) or getattr(page, "new_campaign_for_segment", None)
        if callable(start):
            start(self.detail.info.id)
        else:
            self.banner.show_message("info", self.tr("Trang Chiến dịch chưa có trong bản cài đặt này."))
