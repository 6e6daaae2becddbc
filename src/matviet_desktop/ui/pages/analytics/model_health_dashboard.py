"""Model health: the scoring backtest in plain words, so marketing knows how far to trust scores.

Opening shows the last saved backtest (instant); "Chạy lại kiểm định" recomputes it in the
background on the serial pool. The date and store filters do not apply: the backtest is chain-wide.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from matviet_desktop.core.analytics import model_health as mh
from matviet_desktop.core.analytics.filters import AnalyticsFilter
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.pages.analytics.base import Dashboard
from matviet_desktop.ui.tasks import Job
from matviet_desktop.ui.widgets.chart_cards import ChartCard, Series, frame_for_export
from matviet_desktop.ui.widgets.common import Card, button, label

LEVEL_BADGES = {"good": "BadgeOk", "fair": "BadgeWarn", "poor": "BadgeDanger"}


class ModelHealthView(Dashboard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.title = self.tr("Độ tin cậy mô hình")
        controls = QHBoxLayout()
        controls.addWidget(label(self.tr("Kiểm định trên giai đoạn giữ lại:"), "Muted"))
        self.holdout = QComboBox()
        for days in (365, 180, 90):
            self.holdout.addItem(self.tr("%1 ngày gần nhất").replace("%1", str(days)), days)
        controls.addWidget(self.holdout)
        self.run_button = button(self.tr("Chạy lại kiểm định"), "play", primary=True)
        self.run_button.clicked.connect(self.run_backtest)
        controls.addWidget(self.run_button)
        controls.addStretch(1)
        self.layout_.addLayout(controls)
        self.summary = label("", "Explain", wrap=True)
        self.layout_.addWidget(self.summary)
        self.verdicts_card = Card(self.tr("Kết luận"))
        self.verdicts = label("", wrap=True)
        self.verdicts_card.body.addWidget(self.verdicts)
        self.layout_.addWidget(self.verdicts_card)
        row = QHBoxLayout()
        self.calibration = ChartCard(
            self.tr("Dự báo và thực tế theo số lần mua trước đó"), lambda v: fmt.decimal(v, 2)
        )
        self.stages = ChartCard(
            self.tr("Tỷ lệ quay lại mua theo giai đoạn vòng đời"), lambda v: fmt.decimal(v * 100, 0) + "%"
        )
        row.addWidget(self.calibration)
        row.addWidget(self.stages)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)  # keep the controls at the top when there is no result yet

    # Load the saved result on open; recompute on demand.
    def compute(self, flt: AnalyticsFilter) -> Callable[[Job], Any]:
        engine = self.ctx.engine
        return lambda job: mh.load_saved(engine)

    def run_backtest(self) -> None:
        engine, days = self.ctx.engine, int(self.holdout.currentData())
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Đang kiểm định mô hình trên dữ liệu thật… (có thể mất vài phút)"))
        self.ctx.tasks.submit(
            lambda job: mh.run_backtest(engine, days),
            title=self.tr("Kiểm định mô hình dự báo"),
            serial=True,
            on_result=self._done,
            on_error=self._error,
            on_finished=lambda: self.run_button.setEnabled(True),
        )

    def sentence(self, a: mh.Assessment) -> str:
        v = a.value
        texts = {
            "churn_auc": self.tr(
                "Điểm nguy cơ rời bỏ phân biệt đúng người sẽ không mua lại với người sẽ mua lại trong %1 "
                "trường hợp (AUC %2; 50% là đoán mò)."
            )
            .replace("%1", fmt.percent(v, 0))
            .replace("%2", fmt.decimal(v, 2)),
            "purchases_bias": self.tr(
                "Tổng số lần mua dự báo lệch %1 so với thực tế (âm là dự báo thấp hơn)."
            ).replace("%1", fmt.percent(v, 1)),
            "purchases_spearman": self.tr(
                "Thứ hạng khách theo số lần mua dự báo khớp với thực tế ở mức %1 (tương quan hạng, 1 là hoàn hảo)."
            ).replace("%1", fmt.decimal(v, 2)),
            "top_decile_lift": self.tr(
                "10% khách được dự báo mua nhiều nhất thực sự mua gấp %1 lần mức trung bình."
            ).replace("%1", fmt.decimal(v, 1)),
            "clv_spearman": self.tr(
                "Thứ hạng CLV khớp với chi tiêu thực tế trong giai đoạn giữ lại ở mức %1."
            ).replace("%1", fmt.decimal(v, 2)),
            "clv_top_decile_lift": self.tr(
                "10% khách có CLV cao nhất chi tiêu gấp %1 lần mức trung bình."
            ).replace("%1", fmt.decimal(v, 1)),
            "lifecycle_balanced_accuracy": self.tr(
                "Giai đoạn “có nguy cơ / đã rời bỏ” đoán đúng ai không quay lại với độ chính xác cân bằng %1."
            ).replace("%1", fmt.percent(v, 0)),
            "engagement_auc": self.tr("Điểm tương tác cao đi kèm khả năng mua lại: AUC %1.").replace(
                "%1", fmt.decimal(v, 2)
            ),
        }
        trust = {
            "good": self.tr("Tin cậy được."),
            "fair": self.tr("Dùng được, nên thận trọng."),
            "poor": self.tr("Chưa đáng tin: chỉ dùng để tham khảo."),
        }[a.level]
        return texts.get(a.metric, a.metric) + " " + trust

    def render(self, result: mh.ModelHealth | None) -> None:
        has = result is not None
        self.verdicts_card.setVisible(has)
        self.calibration.setVisible(has)
        self.stages.setVisible(has)
        if result is None:
            self.summary.setText(
                self.tr(
                    "Chưa có lần kiểm định nào trên cơ sở dữ liệu này. Bấm “Chạy lại kiểm định” để đo độ chính xác của các điểm dự báo."
                )
            )
            return
        when = fmt.datetime(result.computed_at) if result.computed_at else fmt.DASH
        self.summary.setText(
            self.tr(
                "Mô hình được hiệu chỉnh trên dữ liệu đến %1 rồi dự báo %2 ngày tiếp theo (đến %3) cho %4 khách đã mua; "
                "sau đó so với những gì thực sự xảy ra. Kiểm định lúc %5."
            )
            .replace("%1", fmt.date(result.cut))
            .replace("%2", str(result.holdout_days))
            .replace("%3", fmt.date(result.holdout_end))
            .replace("%4", fmt.integer(result.customers))
            .replace("%5", when)
        )
        badge = {"good": self.tr("Tốt"), "fair": self.tr("Trung bình"), "poor": self.tr("Yếu")}
        colors = {"good": "#166534", "fair": "#92400E", "poor": "#991B1B"}
        self.verdicts.setText(
            "<br><br>".join(
                f"<b style='color:{colors[a.level]}'>● {badge[a.level]}</b> — {self.sentence(a)}"
                for a in result.assessments
            )
        )
        cal = result.calibration
        cats = [f"{int(x)}+" if int(x) >= 7 else str(int(x)) for x in cal["x"]]
        self.calibration.bars(
            cats,
            [
                Series(self.tr("Thực tế (lần mua / khách)"), list(cal["actual"]), "#0F6FB8"),
                Series(self.tr("Dự báo"), list(cal["predicted"]), "#F59E0B"),
            ],
        )
        self.calibration.set_table(
            frame_for_export(
                cal,
                {
                    "x": self.tr("Số lần mua lặp lại trước mốc"),
                    "customers": self.tr("Khách hàng"),
                    "actual": self.tr("Thực tế"),
                    "predicted": self.tr("Dự báo"),
                },
            )
        )
        st = result.lifecycle
        self.stages.bars(
            [labels.stage(s) for s in st["stage"]],
            [Series(self.tr("Tỷ lệ mua lại"), list(st["holdout_purchase_rate"]), "#10B981")],
        )
        self.stages.set_table(
            frame_for_export(
                st,
                {
                    "stage": self.tr("Giai đoạn"),
                    "customers": self.tr("Khách hàng"),
                    "holdout_purchase_rate": self.tr("Tỷ lệ mua lại"),
                },
                {"stage": labels.stage},
            )
        )
