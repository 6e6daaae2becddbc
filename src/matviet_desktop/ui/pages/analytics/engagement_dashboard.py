"""Customer engagement dashboard (plan 3.3): score distribution, channel effectiveness, best send
times by weekday and hour, and how the churn-risk flag held up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QWidget

from matviet_desktop.core.analytics import dashboards
from matviet_desktop.core.analytics.filters import AnalyticsFilter
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.pages.analytics.base import Dashboard, kpi_grid
from matviet_desktop.ui.tasks import Job
from matviet_desktop.ui.widgets.chart_cards import ChartCard, Series, frame_for_export
from matviet_desktop.ui.widgets.common import Card, KpiCard, label
from matviet_desktop.ui.widgets.frame_table import Column, FrameTable


class EngagementDashboardView(Dashboard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = self.tr("Mức độ tương tác")
        row = QHBoxLayout()
        self.distribution = ChartCard(self.tr("Phân bố điểm tương tác (khách hàng)"), fmt.integer)
        self.rates = ChartCard(self.tr("Hiệu quả theo kênh"), lambda v: fmt.decimal(v * 100, 0) + "%")
        row.addWidget(self.distribution)
        row.addWidget(self.rates)
        self.layout_.addLayout(row)
        channel_card = Card(self.tr("Chi tiết theo kênh"))
        self.channel_table = FrameTable(
            [
                Column("channel", self.tr("Kênh"), mapper=labels.channel),
                Column("sent", self.tr("Đã gửi"), "int"),
                Column("delivery_rate", self.tr("Tỷ lệ nhận"), "pct"),
                Column("open_rate", self.tr("Tỷ lệ mở"), "pct"),
                Column("click_rate", self.tr("Tỷ lệ nhấp"), "pct"),
                Column("conversion_rate", self.tr("Tỷ lệ mua"), "pct"),
                Column("revenue_per_sent", self.tr("Doanh thu / tin"), "vnd"),
                Column("cost_per_conversion", self.tr("Chi phí / khách mua"), "vnd"),
                Column("roas", self.tr("ROAS"), "decimal"),
            ]
        )
        self.channel_table.setMinimumHeight(140)
        channel_card.body.addWidget(self.channel_table)
        self.layout_.addWidget(channel_card)
        self.heatmap = ChartCard(self.tr("Tỷ lệ phản hồi theo thứ và giờ gửi (giờ Việt Nam)"))
        self.heatmap.plot.setMinimumHeight(260)
        self.layout_.addWidget(self.heatmap)
        self.best_label = label("", wrap=True)
        best_card = Card(self.tr("Giờ gửi tốt nhất"))
        best_card.body.addWidget(self.best_label)
        self.layout_.addWidget(best_card)
        self.risk_cards = {
            "flagged": KpiCard(self.tr("Có nguy cơ đầu kỳ")),
            "returned": KpiCard(self.tr("Đã quay lại mua")),
            "still_at_risk": KpiCard(self.tr("Vẫn có nguy cơ")),
            "churned": KpiCard(self.tr("Đã rời bỏ")),
        }
        risk_card = Card(self.tr("Cảnh báo rời bỏ có đúng không?"))
        risk_card.body.addLayout(kpi_grid(list(self.risk_cards.values())))
        self.risk_text = label("", "Explain", wrap=True)
        risk_card.body.addWidget(self.risk_text)
        self.layout_.addWidget(risk_card)

    def compute(self, flt: AnalyticsFilter) -> Callable[[Job], Any]:
        engine = self.ctx.engine
        return lambda job: dashboards.engagement_dashboard(engine, flt)

    def render(self, result: dashboards.EngagementDashboard) -> None:
        dist = result.distribution
        dist = dist[(dist["bucket"] >= 0) | (dist["customers"] > 0)]  # show "not scored" only when some are
        cats = [lab if lab else self.tr("Chưa chấm") for lab in dist["label"]]
        self.distribution.bars(cats, [Series(self.tr("Khách hàng"), [int(v) for v in dist["customers"]])])
        self.distribution.set_table(
            frame_for_export(
                dist.assign(label=cats),
                {
                    "label": self.tr("Điểm tương tác"),
                    "customers": self.tr("Khách hàng"),
                    "share": self.tr("Tỷ lệ"),
                },
            )
        )
        ch = result.channels
        if ch.empty:
            self.rates.bars([], [])
        else:
            self.rates.bars(
                [labels.channel(c) for c in ch["channel"]],
                [
                    Series(self.tr("Nhận"), list(ch["delivery_rate"])),
                    Series(self.tr("Mở"), list(ch["open_rate"])),
                    Series(self.tr("Nhấp"), list(ch["click_rate"])),
                    Series(self.tr("Mua"), list(ch["conversion_rate"])),
                ],
            )
        self.channel_table.set_frame(ch)
        self.rates.set_table(self.channel_table.source.export_frame())

        grid = result.send_times
        matrix = np.full((7, 24), np.nan)
        tips = [
            [f"{labels.weekday(d + 1)} {h:02d}:00 — " + self.tr("chưa gửi tin nào") for h in range(24)]
            for d in range(7)
        ]
        for r in grid.itertuples():
            matrix[r.weekday - 1, r.hour] = r.response_rate or 0.0
            tips[r.weekday - 1][r.hour] = f"{labels.weekday(r.weekday)} {r.hour:02d}:00\n" + self.tr(
                "Đã gửi: %1\nPhản hồi: %2 (%3)\nMua hàng: %4"
            ).replace("%1", fmt.integer(r.sent)).replace("%2", fmt.integer(r.responded)).replace(
                "%3", fmt.percent(r.response_rate)
            ).replace("%4", fmt.integer(r.converted))
        self.heatmap.heatmap(
            matrix, [labels.weekday(d) for d in range(1, 8)], [f"{h}h" for h in range(24)], tips
        )
        self.heatmap.set_table(
            frame_for_export(
                grid,
                {
                    "weekday": self.tr("Thứ"),
                    "hour": self.tr("Giờ"),
                    "sent": self.tr("Đã gửi"),
                    "responded": self.tr("Phản hồi"),
                    "converted": self.tr("Mua hàng"),
                    "response_rate": self.tr("Tỷ lệ phản hồi"),
                },
                {"weekday": labels.weekday},
            )
        )
        if result.best_times.empty:
            self.best_label.setText(self.tr("Chưa đủ tin nhắn (ít nhất 30 tin mỗi khung giờ) để kết luận."))
        else:
            self.best_label.setText(
                "<br>".join(
                    f"{i}. <b>{labels.weekday(r.weekday)} {r.hour:02d}:00–{r.hour:02d}:59</b> — "
                    + self.tr("phản hồi %1 trên %2 tin")
                    .replace("%1", fmt.percent(r.response_rate))
                    .replace("%2", fmt.integer(r.sent))
                    for i, r in enumerate(result.best_times.itertuples(), start=1)
                )
            )
        risk = result.at_risk
        for key, card in self.risk_cards.items():
            share = risk[key] / risk["flagged"] if risk["flagged"] and key != "flagged" else None
            card.set(fmt.integer(risk[key]), fmt.percent(share) if share is not None else "")
        self.risk_text.setText(
            self.tr(
                "Trong số khách bị đánh dấu “có nguy cơ” vào ngày đầu kỳ, bao nhiêu người đã quay lại mua, "
                "vẫn có nguy cơ hay đã rời bỏ vào ngày cuối kỳ. Tỷ lệ rời bỏ cao nghĩa là cảnh báo đúng; "
                "tỷ lệ quay lại cao sau chiến dịch chăm sóc là dấu hiệu chiến dịch có tác dụng."
            )
        )
