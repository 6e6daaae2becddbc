"""Deep analytics of one campaign: over time, by segment (lifecycle stage), store, carrier and
hour of sending, against its holdout, and against similar campaigns."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget

from matviet_desktop.core.analytics import campaign_breakdown as cb
from matviet_desktop.core.attribution.kpis import CampaignReport, campaign_report
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.tasks import TaskError
from matviet_desktop.ui.widgets.chart_cards import ChartCard, Series, frame_for_export
from matviet_desktop.ui.widgets.common import Banner, Card, PageHeader, button, label
from matviet_desktop.ui.widgets.frame_table import Column, FrameTable


@dataclass(frozen=True)
class CampaignAnalytics:
    report: CampaignReport
    breakdowns: dict[str, pd.DataFrame]
    similar: pd.DataFrame


def load_analytics(engine: Any, campaign_id: uuid.UUID) -> CampaignAnalytics:
    return CampaignAnalytics(
        report=campaign_report(engine, campaign_id),
        breakdowns=cb.breakdowns(engine, campaign_id),
        similar=cb.similar_campaigns(engine, campaign_id),
    )


# Marked for lupdate; translated with self.tr() in the view's context.
BREAKDOWN_HEADERS = {
    "key": QT_TRANSLATE_NOOP("CampaignAnalyticsView", "Nhóm"),
    "targets": QT_TRANSLATE_NOOP("CampaignAnalyticsView", "Khách nhận"),
    "sent": QT_TRANSLATE_NOOP("CampaignAnalyticsView", "Đã gửi"),
    "delivered": QT_TRANSLATE_NOOP("CampaignAnalyticsView", "Đã nhận"),
    "opened": QT_TRANSLATE_NOOP("CampaignAnalyticsView", "Đã mở"),
    "clicked": QT_TRANSLATE_NOOP("CampaignAnalyticsView", "Đã nhấp"),
    "converted": QT_TRANSLATE_NOOP("CampaignAnalyticsView", "Đã mua"),
    "conversion_rate": QT_TRANSLATE_NOOP("CampaignAnalyticsView", "Tỷ lệ mua"),
    "revenue": QT_TRANSLATE_NOOP("CampaignAnalyticsView", "Doanh thu (₫)"),
}


class CampaignAnalyticsView(QScrollArea):
    """Signals:
    back_requested(uuid.UUID): back to the campaign's detail page.
    loaded(object): the CampaignAnalytics shown.
    """

    back_requested = Signal(object)
    loaded = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id: uuid.UUID | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("PageRoot")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        self.header = PageHeader(self.tr("Phân tích chiến dịch"))
        back = button(self.tr("Về chiến dịch"), "back", flat=True)
        back.clicked.connect(lambda: self.back_requested.emit(self.campaign_id))
        self.header.layout().insertWidget(0, back)
        layout.addWidget(self.header)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.trend = ChartCard(self.tr("Theo ngày: tin gửi, nhận, nhấp và đơn hàng"), fmt.integer)
        self.revenue = ChartCard(self.tr("Doanh thu quy cho chiến dịch theo ngày"), fmt.vnd_short)
        grid = QGridLayout()
        grid.setSpacing(12)
        grid.addWidget(self.trend, 0, 0)
        grid.addWidget(self.revenue, 0, 1)
        self.by = {
            "lifecycle": ChartCard(
                self.tr("Tỷ lệ mua theo giai đoạn vòng đời"), lambda v: fmt.decimal(v * 100, 1) + "%"
            ),
            "store": ChartCard(self.tr("Tỷ lệ mua theo cửa hàng"), lambda v: fmt.decimal(v * 100, 1) + "%"),
            "carrier": ChartCard(
                self.tr("Tỷ lệ nhận tin theo nhà mạng"), lambda v: fmt.decimal(v * 100, 1) + "%"
            ),
            "hour": ChartCard(self.tr("Phản hồi theo giờ gửi (giờ Việt Nam)"), fmt.integer),
        }
        for i, card in enumerate(self.by.values()):
            grid.addWidget(card, 1 + i // 2, i % 2)
        layout.addLayout(grid)
        holdout_card = Card(self.tr("So với nhóm đối chứng"))
        self.holdout_text = label("", wrap=True)
        holdout_card.body.addWidget(self.holdout_text)
        layout.addWidget(holdout_card)
        similar_card = Card(self.tr("So với các chiến dịch cùng kênh gần đây"))
        self.similar = FrameTable(
            [
                Column("name", self.tr("Chiến dịch")),
                Column("start_at", self.tr("Bắt đầu"), "date"),
                Column("sent", self.tr("Đã gửi"), "int"),
                Column("conversion_rate", self.tr("Tỷ lệ mua"), "pct"),
                Column("revenue", self.tr("Doanh thu"), "vnd"),
                Column("cost", self.tr("Chi phí"), "vnd"),
                Column("roi_pct", self.tr("ROI"), "pct_points"),
            ],
            stretch_column=0,
        )
        self.similar.setMinimumHeight(180)
        similar_card.body.addWidget(self.similar)
        layout.addWidget(similar_card)
        self.setWidget(inner)

    def show_campaign(self, campaign_id: uuid.UUID) -> None:
        self.campaign_id = campaign_id
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: load_analytics(engine, campaign_id),
            title=self.tr("Phân tích chiến dịch"),
            key=f"campaign-analytics:{id(self)}",
            on_result=self.render,
            on_error=self._error,
        )

    def _error(self, error: TaskError) -> None:
        self.banner.show_message(
            "error", self.tr("Không tải được số liệu: %1").replace("%1", str(error.exception))
        )

    def render(self, data: CampaignAnalytics) -> None:
        rep = data.report
        self.banner.hide()
        self.header.title.setText(self.tr("Phân tích: %1").replace("%1", rep.name))
        days = [fmt.date(pd.Timestamp(d.day).date()) for d in rep.trend]
        self.trend.lines(
            days,
            [
                Series(self.tr("Đã gửi"), [d.sent for d in rep.trend]),
                Series(self.tr("Đã nhận"), [d.delivered for d in rep.trend]),
                Series(self.tr("Nhấp"), [d.clicked for d in rep.trend]),
                Series(self.tr("Đơn hàng"), [d.orders for d in rep.trend]),
            ],
        )
        trend_table = pd.DataFrame(
            {
                self.tr("Ngày"): days,
                self.tr("Đã gửi"): [d.sent for d in rep.trend],
                self.tr("Đã nhận"): [d.delivered for d in rep.trend],
                self.tr("Nhấp"): [d.clicked for d in rep.trend],
                self.tr("Đơn hàng"): [d.orders for d in rep.trend],
                self.tr("Doanh thu (₫)"): [d.revenue for d in rep.trend],
            }
        )
        self.trend.set_table(trend_table)
        self.revenue.lines(
            days, [Series(self.tr("Doanh thu"), [float(d.revenue) for d in rep.trend], "#10B981")]
        )
        self.revenue.set_table(trend_table)

        names = {"lifecycle": labels.stage, "store": lambda k: k or self.tr("(không rõ)"),
                 "carrier": lambda k: k or self.tr("(không rõ)"), "hour": lambda h: f"{int(h):02d}h"}  # fmt: skip
        headers = {k: self.tr(v) for k, v in BREAKDOWN_HEADERS.items()}
        for dim, card in self.by.items():
            part = data.breakdowns[dim]
            cats = [names[dim](k) for k in part["key"]]
            if dim == "carrier":
                rates = [d / s if s else None for d, s in zip(part["delivered"], part["sent"], strict=True)]
                card.bars(cats, [Series(self.tr("Tỷ lệ nhận"), rates)])
            elif dim == "hour":
                card.bars(
                    cats,
                    [
                        Series(self.tr("Đã gửi"), list(part["sent"])),
                        Series(self.tr("Đã nhấp"), list(part["clicked"])),
                        Series(self.tr("Đã mua"), list(part["converted"])),
                    ],
                )
            else:
                card.bars(cats, [Series(self.tr("Tỷ lệ mua"), list(part["conversion_rate"]))])
            card.set_table(lambda p=part, c=cats: frame_for_export(p.assign(key=c), headers))

        lift = rep.lift
        if lift is None or lift.holdout == 0:
            self.holdout_text.setText(
                self.tr(
                    "Chiến dịch này không giữ lại nhóm đối chứng, nên không đo được phần doanh thu tăng thêm."
                )
            )
        else:
            ci = lift.conversion_lift_ci
            verdict = (
                self.tr("Khác biệt có ý nghĩa thống kê.")
                if lift.significant
                else self.tr("Chưa đủ bằng chứng để nói chiến dịch làm tăng tỷ lệ mua.")
            )
            self.holdout_text.setText(
                self.tr(
                    "Nhóm nhận tin: %1 khách, %2 mua (%3). Nhóm đối chứng: %4 khách, %5 mua (%6). "
                    "Chênh lệch %7 điểm %, khoảng tin cậy 95% từ %8 đến %9. Doanh thu tăng thêm ước tính %10. "
                )
                .replace("%10", fmt.vnd(lift.incremental_revenue))
                .replace("%1", fmt.integer(lift.treated))
                .replace("%2", fmt.integer(lift.treated_converted))
                .replace("%3", fmt.percent(lift.treated_conversion_rate))
                .replace("%4", fmt.integer(lift.holdout))
                .replace("%5", fmt.integer(lift.holdout_converted))
                .replace("%6", fmt.percent(lift.holdout_conversion_rate))
                .replace("%7", fmt.decimal((lift.conversion_lift_abs or 0) * 100, 1))
                .replace("%8", fmt.decimal(ci[0] * 100, 1) if ci else fmt.DASH)
                .replace("%9", fmt.decimal(ci[1] * 100, 1) if ci else fmt.DASH)
                + verdict
            )
        self.similar.set_frame(data.similar)
        self.loaded.emit(data)
