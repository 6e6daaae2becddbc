"""One campaign: live progress while sending, controls, funnel, money, holdout lift, targets.

Numbers come from the core report (`core.attribution.kpis.campaign_report`) and the live counters
(`core.analytics.campaign_detail`); while the campaign is sending the view polls every 2 s.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pandas as pd
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core.analytics import campaign_detail as cd
from matviet_desktop.core.attribution.kpis import CampaignReport, campaign_report
from matviet_desktop.core.campaigns import service
from matviet_desktop.core.db.models.campaigns import TARGET_STATUSES
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.pages.analytics.base import kpi_grid
from matviet_desktop.ui.pages.campaigns.sending import SendingController
from matviet_desktop.ui.tasks import TaskError
from matviet_desktop.ui.widgets.chart_cards import ChartCard, Series, frame_for_export
from matviet_desktop.ui.widgets.common import Banner, Card, KpiCard, PageHeader, button, label
from matviet_desktop.ui.widgets.frame_table import Column, FrameTable

POLL_MS = 2000


@dataclass(frozen=True)
class DetailData:
    status: service.CampaignStatus
    report: CampaignReport
    progress: cd.Progress
    errors: pd.DataFrame
    targets: pd.DataFrame


def load_detail(engine: Any, campaign_id: uuid.UUID, target_status: str | None) -> DetailData:
    return DetailData(
        status=service.status(engine, campaign_id),
        report=campaign_report(engine, campaign_id),
        progress=cd.progress(engine, campaign_id),
        errors=cd.errors_by_reason(engine, campaign_id),
        targets=cd.targets_page(engine, campaign_id, status=target_status),
    )


class CampaignDetailView(QScrollArea):
    """Signals:
    back_requested(): return to the list.
    analytics_requested(uuid.UUID): open the campaign's analytics page.
    loaded(object): the DetailData after each refresh.
    """

    back_requested = Signal()
    analytics_requested = Signal(object)
    loaded = Signal(object)

    def __init__(self, ctx: AppContext, sender: SendingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sender_ = sender
        self.campaign_id: uuid.UUID | None = None
        self.data: DetailData | None = None
        self._previous: cd.Progress | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("PageRoot")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        self.header = PageHeader("")
        self.back_button = button(self.tr("Danh sách"), "back", flat=True)
        self.header.layout().insertWidget(0, self.back_button)
        self.start_button = self.header.add_action(button(self.tr("Bắt đầu gửi"), "play", primary=True))
        self.pause_button = self.header.add_action(button(self.tr("Tạm dừng"), "stop"))
        self.resume_button = self.header.add_action(button(self.tr("Tiếp tục gửi"), "play"))
        self.cancel_button = self.header.add_action(button(self.tr("Hủy"), "close", danger=True))
        self.analytics_button = self.header.add_action(button(self.tr("Phân tích"), "analytics"))
        layout.addWidget(self.header)
        self.banner = Banner()
        layout.addWidget(self.banner)

        progress_card = Card(self.tr("Tiến độ gửi"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        progress_card.body.addWidget(self.progress_bar)
        self.counts_label = label("", wrap=True)
        self.rate_label = label("", "Muted")
        progress_card.body.addWidget(self.counts_label)
        progress_card.body.addWidget(self.rate_label)
        self.errors_table = FrameTable(
            [
                Column("status", self.tr("Trạng thái"), mapper=labels.target_status),
                Column("reason", self.tr("Lý do")),
                Column("targets", self.tr("Số khách"), "int"),
            ]
        )
        self.errors_table.setMaximumHeight(120)
        self.errors_title = label(self.tr("Lỗi và loại trừ theo lý do"), "KpiLabel")
        progress_card.body.addWidget(self.errors_title)
        progress_card.body.addWidget(self.errors_table)
        layout.addWidget(progress_card)

        self.cards = {
            "cost": KpiCard(self.tr("Chi phí")),
            "revenue": KpiCard(self.tr("Doanh thu quy cho chiến dịch")),
            "roi": KpiCard(self.tr("ROI")),
            "roas": KpiCard(self.tr("ROAS")),
            "lift": KpiCard(self.tr("Tăng tỷ lệ mua so với nhóm đối chứng")),
            "incremental": KpiCard(self.tr("Doanh thu tăng thêm nhờ chiến dịch")),
        }
        layout.addLayout(kpi_grid(list(self.cards.values()), 3))
        self.funnel = ChartCard(self.tr("Phễu: gửi → nhận → mở → nhấp → mua"), fmt.integer)
        self.funnel.set_empty_text(self.tr("Chưa có tin nào được gửi."))
        layout.addWidget(self.funnel)

        targets_card = Card(self.tr("Khách hàng nhận tin"))
        row = QHBoxLayout()
        row.addWidget(label(self.tr("Trạng thái:"), "Muted"))
        self.target_status = QComboBox()
        self.target_status.addItem(self.tr("Tất cả"), "")
        for code in labels.TARGET_STATUSES:
            self.target_status.addItem(labels.target_status(code), code)
        row.addWidget(self.target_status)
        row.addStretch(1)
        self.targets_note = label("", "Muted")
        row.addWidget(self.targets_note)
        targets_card.body.addLayout(row)
        self.targets = FrameTable(
            [
                Column("full_name", self.tr("Khách hàng")),
                Column("phone", self.tr("Điện thoại"), mapper=fmt.phone),
                Column("status", self.tr("Trạng thái"), mapper=labels.target_status),
                Column("sent_at", self.tr("Gửi lúc"), "datetime"),
                Column("delivered_at", self.tr("Nhận lúc"), "datetime"),
                Column("clicked_at", self.tr("Nhấp lúc"), "datetime"),
                Column("reason", self.tr("Lý do")),
                Column("orders", self.tr("Đơn quy cho CD"), "int"),
                Column("revenue", self.tr("Doanh thu"), "vnd"),
            ]
        )
        self.targets.setMinimumHeight(260)
        targets_card.body.addWidget(self.targets)
        layout.addWidget(targets_card)
        self.setWidget(inner)

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.back_button.clicked.connect(self._back)
        self.analytics_button.clicked.connect(lambda: self.analytics_requested.emit(self.campaign_id))
        self.start_button.clicked.connect(self.start_sending)
        self.pause_button.clicked.connect(lambda: self._control("pause"))
        self.resume_button.clicked.connect(lambda: self._control("resume"))
        self.cancel_button.clicked.connect(lambda: self._control("cancel"))
        self.target_status.currentIndexChanged.connect(self.refresh)
        self.sender_.finished.connect(lambda cid, _state: cid == self.campaign_id and self.refresh())
        self.sender_.failed.connect(self._send_failed)

    # Loading ----------------------------------------------------------------------------------
    def show_campaign(self, campaign_id: uuid.UUID) -> None:
        self.campaign_id = campaign_id
        self.data = None
        self._previous = None
        self.banner.hide()
        self.header.title.setText(self.tr("Đang tải…"))
        self.refresh()

    def refresh(self) -> None:
        if self.campaign_id is None:
            return
        engine, cid, status = self.ctx.engine, self.campaign_id, self.target_status.currentData() or None
        self.ctx.tasks.submit(
            lambda job: load_detail(engine, cid, status),
            title=self.tr("Tải chiến dịch"),
            key=f"campaign-detail:{id(self)}",
            visible=False,
            on_result=self._loaded,
            on_error=self._error,
        )

    def _loaded(self, data: DetailData) -> None:
        if data.status.campaign_id != self.campaign_id:
            return
        self.data = data
        self.render(data)
        if data.status.status == "sending":
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
        self.loaded.emit(data)

    def _error(self, error: TaskError) -> None:
        self.banner.show_message(
            "error", self.tr("Không tải được chiến dịch: %1").replace("%1", str(error.exception))
        )

    def _back(self) -> None:
        self.timer.stop()
        self.back_requested.emit()

    # Rendering --------------------------------------------------------------------------------
    def render(self, data: DetailData) -> None:
        st, rep, prog = data.status, data.report, data.progress
        self.header.title.setText(st.name)
        self.header.set_subtitle(
            " · ".join(
                [
                    labels.campaign_status(st.status),
                    labels.channel(rep.channel),
                    labels.name(labels.PURPOSES, rep.purpose),
                    self.tr("bắt đầu %1").replace("%1", fmt.datetime(st.started_at)) if st.started_at else "",
                    st.pause_reason or "",
                ]
            ).strip(" ·")
        )
        state = st.status
        running_here = self.sender_.is_running(st.campaign_id)
        self.start_button.setVisible(
            state in ("draft", "scheduled") or (state == "sending" and not running_here)
        )
        self.start_button.setText(
            self.tr("Gửi tiếp trên máy này") if state == "sending" else self.tr("Bắt đầu gửi")
        )
        self.pause_button.setEnabled(state in ("sending", "scheduled"))
        self.resume_button.setVisible(state == "paused")
        self.cancel_button.setEnabled(state in ("draft", "scheduled", "sending", "paused"))

        to_send = prog.total - prog.counts.get("holdout", 0) - prog.counts.get("excluded", 0)
        finished = to_send - prog.open
        self.progress_bar.setMaximum(max(to_send, 1))
        self.progress_bar.setValue(max(finished, 0))
        self.progress_bar.setFormat(
            self.tr("%1 / %2 tin đã xử lý")
            .replace("%1", fmt.integer(finished))
            .replace("%2", fmt.integer(to_send))
        )
        self.counts_label.setText(
            "   ".join(
                f"{labels.target_status(s)}: <b>{fmt.integer(prog.counts[s])}</b>"
                for s in TARGET_STATUSES
                if prog.counts.get(s)
            )
        )
        rate_text = ""
        if self._previous is not None and state == "sending":
            rate, eta = cd.rate_and_eta(self._previous, prog)
            if rate is not None and eta is not None:
                minutes = int(eta.total_seconds() // 60)
                rate_text = (
                    self.tr("Tốc độ %1 tin/phút · còn khoảng %2 phút")
                    .replace("%1", fmt.integer(rate))
                    .replace("%2", fmt.integer(max(minutes, 1)))
                )
        if not rate_text:
            rate_text = {
                "sending": self.tr("Đang gửi…"),
                "draft": self.tr("Chưa bắt đầu gửi"),
                "scheduled": self.tr("Chưa bắt đầu gửi"),
                "paused": self.tr("Đã tạm dừng"),
                "paused_error": self.tr("Tạm dừng vì lỗi tài khoản nhà cung cấp"),
                "cancelled": self.tr("Đã hủy"),
            }.get(state, "")
        self.rate_label.setText(rate_text)
        self._previous = prog
        self.errors_table.set_frame(data.errors)
        self.errors_table.setVisible(not data.errors.empty)
        self.errors_title.setVisible(not data.errors.empty)

        self.cards["cost"].set(
            fmt.vnd(rep.cost), self.tr("Ngân sách %1").replace("%1", fmt.vnd(st.budget)) if st.budget else ""
        )
        self.cards["revenue"].set(
            fmt.vnd(rep.revenue),
            self.tr("Trực tiếp %1 · ảnh hưởng %2")
            .replace("%1", fmt.vnd_short(rep.revenue_direct))
            .replace("%2", fmt.vnd_short(rep.revenue_influenced)),
        )
        self.cards["roi"].set(fmt.DASH if rep.roi_pct is None else fmt.decimal(rep.roi_pct, 1) + "%")
        self.cards["roas"].set(fmt.DASH if rep.roas is None else fmt.decimal(rep.roas, 2))
        lift = rep.lift
        if lift is None or lift.conversion_lift_abs is None:
            self.cards["lift"].set(fmt.DASH, self.tr("Không có nhóm đối chứng"))
            self.cards["incremental"].set(fmt.DASH, "")
        else:
            ci = lift.conversion_lift_ci
            pp = lift.conversion_lift_abs * 100
            self.cards["lift"].set(
                ("+" if pp >= 0 else "") + fmt.decimal(pp, 1) + " " + self.tr("điểm %"),
                self.tr("Khoảng tin cậy 95%: %1 đến %2 điểm %")
                .replace("%1", fmt.decimal(ci[0] * 100, 1))
                .replace("%2", fmt.decimal(ci[1] * 100, 1))
                if ci
                else "",
            )
            inc_ci = lift.incremental_revenue_ci
            self.cards["incremental"].set(
                fmt.vnd(lift.incremental_revenue),
                self.tr("95%: %1 đến %2")
                .replace("%1", fmt.vnd_short(inc_ci[0]))
                .replace("%2", fmt.vnd_short(inc_ci[1]))
                if inc_ci
                else "",
            )
        steps = [
            (self.tr("Đã gửi"), rep.sent),
            (self.tr("Đã nhận"), rep.delivered),
            (self.tr("Đã mở"), rep.opened),
            (self.tr("Đã nhấp"), rep.clicked),
            (self.tr("Đã mua"), rep.converted_customers),
        ]
        self.funnel.bars([s for s, _ in steps], [Series(self.tr("Khách hàng"), [v for _, v in steps])])
        self.funnel.set_table(
            pd.DataFrame(
                {self.tr("Bước"): [s for s, _ in steps], self.tr("Khách hàng"): [v for _, v in steps]}
            )
        )
        self.targets.set_frame(data.targets)
        self.targets_note.setText(
            self.tr("Hiển thị %1 khách đầu tiên").replace("%1", fmt.integer(len(data.targets)))
            if len(data.targets) >= 500
            else ""
        )

    def export_targets_frame(self) -> pd.DataFrame:
        return frame_for_export(
            self.targets.source.frame(), {c.key: c.header for c in self.targets.source.columns}
        )

    # Controls ---------------------------------------------------------------------------------
    def start_sending(self) -> None:
        if self.data is None or self.campaign_id is None:
            return
        cid, name, engine = self.campaign_id, self.data.status.name, self.ctx.engine
        if self.data.status.status == "sending":
            self.sender_.send(cid, name)
            self.refresh()
            return

        def started(_result: Any) -> None:
            self.sender_.send(cid, name)
            self.refresh()

        self.ctx.tasks.submit(
            lambda job: service.start(engine, cid),
            title=self.tr("Bắt đầu chiến dịch “%1”").replace("%1", name),
            on_result=started,
            on_error=self._control_error,
        )

    def _control(self, action: str) -> None:
        if self.campaign_id is None or self.data is None:
            return
        cid, name, engine = self.campaign_id, self.data.status.name, self.ctx.engine
        if action == "cancel":
            answer = QMessageBox.question(
                self,
                self.tr("Hủy chiến dịch"),
                self.tr("Hủy “%1”? Các tin chưa gửi sẽ không được gửi nữa.").replace("%1", name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        calls = {
            "pause": lambda: service.pause(engine, cid, reason="Tạm dừng từ trang chiến dịch"),
            "resume": lambda: service.resume(engine, cid),
            "cancel": lambda: service.cancel(engine, cid, reason="Hủy từ trang chiến dịch"),
        }

        def done(_result: Any) -> None:
            if action == "resume":
                self.sender_.send(cid, name)
            self.refresh()

        self.ctx.tasks.submit(
            lambda job: calls[action](),
            title=self.tr("Cập nhật chiến dịch"),
            on_result=done,
            on_error=self._control_error,
        )

    def _control_error(self, error: TaskError) -> None:
        exc = error.exception
        problems = getattr(exc, "problems", None)
        text = "\n".join(f"• {p.message}" for p in problems) if problems else str(exc)
        self.banner.show_message("error", self.tr("Không thực hiện được:") + "\n" + text)

    def _send_failed(self, campaign_id: uuid.UUID, message: str) -> None:
        if campaign_id == self.campaign_id:
            self.banner.show_message("error", self.tr("Việc gửi bị dừng do lỗi: %1").replace("%1", message))
            self.refresh()
