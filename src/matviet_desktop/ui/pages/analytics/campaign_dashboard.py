"""Campaign performance dashboard (plan 3.1): KPIs, ROI/ROAS, trend, by channel and by segment."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QWidget

from matviet_desktop.core.analytics import dashboards
from matviet_desktop.core.analytics.filters import AnalyticsFilter
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.pages.analytics.base import Dashboard, kpi_grid
from matviet_desktop.ui.tasks import Job
from matviet_desktop.ui.widgets.chart_cards import ChartCard, Series, frame_for_export
from matviet_desktop.ui.widgets.common import Card, KpiCard
from matviet_desktop.ui.widgets.frame_table import Column, FrameTable


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


class CampaignDashboardView(Dashboard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = self.tr("Hiệu quả chiến dịch")
        self.cards = {
            "sent": KpiCard(self.tr("Đã gửi")),
            "delivered": KpiCard(self.tr("Đã nhận")),
            "clicked": KpiCard(self.tr("Mở / nhấp")),
            "converted": KpiCard(self.tr("Khách mua hàng")),
            "revenue": KpiCard(self.tr("Doanh thu quy cho chiến dịch")),
            "cost": KpiCard(self.tr("Chi phí")),
            "roi": KpiCard(self.tr("ROI")),
            "roas": KpiCard(self.tr("ROAS")),
        }
        self.layout_.addLayout(kpi_grid(list(self.cards.values())))
        self.trend = ChartCard(self.tr("Tin nhắn theo ngày"), fmt.integer)
        self.revenue_trend = ChartCard(self.tr("Doanh thu quy cho chiến dịch theo ngày"), fmt.vnd_short)
        row = QHBoxLayout()
        row.addWidget(self.trend)
        row.addWidget(self.revenue_trend)
        self.layout_.addLayout(row)
        self.channel_chart = ChartCard(self.tr("Doanh thu và chi phí theo kênh"), fmt.vnd_short)
        self.segment_chart = ChartCard(
            self.tr("ROI theo phân khúc mục tiêu"), lambda v: fmt.decimal(v, 0) + "%"
        )
        row2 = QHBoxLayout()
        row2.addWidget(self.channel_chart)
        row2.addWidget(self.segment_chart)
        self.layout_.addLayout(row2)
        table_card = Card(self.tr("Từng chiến dịch"))
        self.table = FrameTable(
            [
                Column("name", self.tr("Chiến dịch")),
                Column("channel", self.tr("Kênh"), mapper=labels.channel),
                Column("status", self.tr("Trạng thái"), mapper=labels.campaign_status),
                Column("start_at", self.tr("Bắt đầu"), "date"),
                Column("sent", self.tr("Đã gửi"), "int"),
                Column("delivered", self.tr("Đã nhận"), "int"),
                Column("clicked", self.tr("Nhấp"), "int"),
                Column("converted", self.tr("Mua hàng"), "int"),
                Column("revenue", self.tr("Doanh thu"), "vnd"),
                Column("cost", self.tr("Chi phí"), "vnd"),
                Column("roi_pct", self.tr("ROI"), "pct_points"),
                Column("roas", self.tr("ROAS"), "decimal"),
            ]
        )
        self.table.setMinimumHeight(240)
        table_card.body.addWidget(self.table)
        self.layout_.addWidget(table_card)

    def compute(self, flt: AnalyticsFilter) -> Callable[[Job], Any]:
        engine = self.ctx.engine
        return lambda job: dashboards.campaign_dashboard(engine, flt)

    def render(self, result: dashboards.CampaignDashboard) -> None:
        t = result.totals
        self.cards["sent"].set(
            fmt.integer(t.sent), self.tr("%1 chiến dịch").replace("%1", fmt.integer(t.campaigns))
        )
        self.cards["delivered"].set(
            fmt.integer(t.delivered), self.tr("Tỷ lệ nhận %1").replace("%1", fmt.percent(t.delivery_rate))
        )
        self.cards["clicked"].set(
            f"{fmt.integer(t.opened)} / {fmt.integer(t.clicked)}",
            self.tr("Tỷ lệ nhấp %1 trên tin đã nhận").replace("%1", fmt.percent(t.click_rate)),
        )
        self.cards["converted"].set(
            fmt.integer(t.converted),
            self.tr("Tỷ lệ chuyển đổi %1").replace("%1", fmt.percent(t.conversion_rate)),
        )
        self.cards["revenue"].set(fmt.vnd_short(t.revenue), fmt.vnd(t.revenue))
        self.cards["cost"].set(fmt.vnd_short(t.cost), fmt.vnd(t.cost))
        self.cards["roi"].set(
            fmt.DASH if t.roi_pct is None else fmt.decimal(t.roi_pct, 0) + "%",
            self.tr("(doanh thu − chi phí) / chi phí"),
        )
        self.cards["roas"].set(
            fmt.DASH if t.roas is None else fmt.decimal(t.roas, 2),
            self.tr("đồng doanh thu trên mỗi đồng chi phí"),
        )

        trend = result.trend
        days = [fmt.date(d) for d in trend["day"]]
        self.trend.lines(
            days,
            [
                Series(self.tr("Đã gửi"), [int(v) for v in trend["sent"]]),
                Series(self.tr("Đã nhận"), [int(v) for v in trend["delivered"]]),
                Series(self.tr("Nhấp"), [int(v) for v in trend["clicked"]]),
            ],
        )
        headers = {
            "day": self.tr("Ngày"),
            "sent": self.tr("Đã gửi"),
            "delivered": self.tr("Đã nhận"),
            "opened": self.tr("Đã mở"),
            "clicked": self.tr("Nhấp"),
            "orders": self.tr("Đơn hàng quy cho chiến dịch"),
            "revenue": self.tr("Doanh thu (₫)"),
        }
        self.trend.set_table(lambda: frame_for_export(trend, headers))
        self.revenue_trend.lines(
            days, [Series(self.tr("Doanh thu"), [_num(v) for v in trend["revenue"]], "#10B981")]
        )
        self.revenue_trend.set_table(lambda: frame_for_export(trend, headers))

        ch = result.by_channel
        self.channel_chart.bars(
            [labels.channel(c) for c in ch["channel"]],
            [
                Series(self.tr("Doanh thu"), [_num(v) for v in ch["revenue"]], "#10B981"),
                Series(self.tr("Chi phí"), [_num(v) for v in ch["cost"]], "#EF4444"),
            ],
        )
        compare_headers = {
            "campaigns": self.tr("Số chiến dịch"),
            "sent": self.tr("Đã gửi"),
            "delivered": self.tr("Đã nhận"),
            "converted": self.tr("Mua hàng"),
            "conversion_rate": self.tr("Tỷ lệ chuyển đổi"),
            "revenue": self.tr("Doanh thu (₫)"),
            "cost": self.tr("Chi phí (₫)"),
            "roi_pct": self.tr("ROI (%)"),
            "roas": self.tr("ROAS"),
        }
        self.channel_chart.set_table(
            frame_for_export(ch, {"channel": self.tr("Kênh"), **compare_headers}, {"channel": labels.channel})
        )
        seg = result.by_segment
        seg_names = [n or self.tr("(CSV / chọn tay)") for n in seg["segment_name"]]
        self.segment_chart.bars(
            seg_names, [Series(self.tr("ROI"), [_num(v) for v in seg["roi_pct"]], "#0F6FB8")]
        )
        self.segment_chart.set_table(
            frame_for_export(
                seg,
                {"segment_name": self.tr("Phân khúc"), **compare_headers},
                {"segment_name": lambda n: n or self.tr("(CSV / chọn tay)")},
            )
        )
        self.table.set_frame(result.kpis)


def roi_text(value: Decimal | None) -> str:
    return fmt.DASH if value is None else fmt.decimal(value, 0) + "%"
