"""Customer 360 (plan 1.3): profile, consents, predictive metrics explained in plain Vietnamese,
RFM and lifecycle history, the engagement timeline, orders, segments, campaigns and duplicates."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core.customers import profile as profile_service
from matviet_desktop.core.customers.identity import MergeResult, merge_customers
from matviet_desktop.core.customers.profile import Customer360, DuplicateSuggestion, TimelineEvent
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.labels import label as code_label
from matviet_desktop.ui.pages.customers.explain import (
    churn_hint,
    clv_hint,
    engagement_hint,
    event_detail,
    next_purchase_hint,
    rfm_explanation,
    tier_hint,
)
from matviet_desktop.ui.widgets.common import Banner, Card, KpiCard, button, label, scrolling_page_body

TIMELINE_FILTERS = [
    ("", None),
    ("purchase", ["purchase"]),
    ("visits", ["store_visit", "eye_exam"]),
    ("nps", ["nps_response"]),
    ("campaigns", ["campaign_sent", "campaign_delivered", "campaign_opened", "campaign_clicked", "opt_out"]),
]


def _tree(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree


class CustomerProfileView(QWidget):
    """Signals:
    back_requested(): the user wants the list again.
    open_customer(uuid.UUID): open another customer (e.g. after a merge, or a duplicate).
    """

    back_requested = Signal()
    open_customer = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: Customer360 | None = None
        self.customer_id: uuid.UUID | None = None

        layout = scrolling_page_body(self)

        top = QHBoxLayout()
        self.back_button = button(self.tr("Danh sách"), "back", flat=True)
        self.back_button.setShortcut("Alt+Left")
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        top.addStretch(1)
        layout.addLayout(top)

        head = QHBoxLayout()
        names = QVBoxLayout()
        self.name = label("", "PageTitle")
        self.contact = label("", "Muted")
        names.addWidget(self.name)
        names.addWidget(self.contact)
        head.addLayout(names, 1)
        self.stage_badge = label("", "Badge")
        self.tier_badge = label("", "BadgeOk")
        head.addWidget(self.stage_badge, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.tier_badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        self.banner = Banner()
        layout.addWidget(self.banner)

        # Predictive metrics with one-line explanations.
        kpis = QGridLayout()
        kpis.setSpacing(12)
        self.kpi_clv = KpiCard(self.tr("Giá trị dự báo (CLV)"))
        self.kpi_tier = KpiCard(self.tr("Hạng khách hàng"))
        self.kpi_churn = KpiCard(self.tr("Nguy cơ rời bỏ"))
        self.kpi_next = KpiCard(self.tr("Lần mua tiếp theo"))
        self.kpi_engagement = KpiCard(self.tr("Điểm tương tác"))
        self.kpi_spent = KpiCard(self.tr("Đã chi tiêu"))
        for i, card in enumerate(
            (self.kpi_clv, self.kpi_tier, self.kpi_churn, self.kpi_next, self.kpi_engagement, self.kpi_spent)
        ):
            kpis.addWidget(card, 0, i)
        layout.addLayout(kpis)

        row = QHBoxLayout()
        row.setSpacing(12)
        self.profile_card = Card(self.tr("Hồ sơ"))
        self.profile_grid = QGridLayout()
        self.profile_grid.setHorizontalSpacing(16)
        self.profile_grid.setVerticalSpacing(6)
        self.profile_card.body.addLayout(self.profile_grid)
        self.profile_card.body.addStretch(1)
        self.consent_card = Card(self.tr("Đồng ý nhận tin"))
        self.consent_grid = QGridLayout()
        self.consent_grid.setVerticalSpacing(6)
        self.consent_card.body.addLayout(self.consent_grid)
        self.consent_card.body.addStretch(1)
        self.rfm_card = Card(self.tr("RFM và vòng đời"))
        self.rfm_text = label("", "Explain", wrap=True)
        self.rfm_card.body.addWidget(self.rfm_text)
        self.rfm_card.body.addStretch(1)
        row.addWidget(self.profile_card, 3)
        row.addWidget(self.consent_card, 2)
        row.addWidget(self.rfm_card, 3)
        layout.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.setMinimumHeight(360)
        layout.addWidget(self.tabs, 1)
        # Timeline
        timeline_tab = QWidget()
        tl = QVBoxLayout(timeline_tab)
        filter_row = QHBoxLayout()
        filter_row.addWidget(label(self.tr("Hiển thị:")))
        self.timeline_filter = QComboBox()
        for key, _kinds in TIMELINE_FILTERS:
            self.timeline_filter.addItem(self._filter_label(key), key)
        self.timeline_filter.currentIndexChanged.connect(self._reload_timeline)
        filter_row.addWidget(self.timeline_filter)
        filter_row.addStretch(1)
        tl.addLayout(filter_row)
        self.timeline = _tree(
            [self.tr("Thời gian"), self.tr("Sự kiện"), self.tr("Kênh"), self.tr("Chi tiết")]
        )
        tl.addWidget(self.timeline)
        self.tabs.addTab(timeline_tab, self.tr("Dòng thời gian"))
        # Orders
        self.orders = _tree(
            [self.tr("Ngày"), self.tr("Mã đơn"), self.tr("Cửa hàng"), self.tr("Kênh"), self.tr("Trạng thái"),
             self.tr("Giảm giá"), self.tr("Tổng tiền")]
        )  # fmt: skip
        self.orders.setRootIsDecorated(True)
        self.tabs.addTab(self.orders, self.tr("Đơn hàng"))
        self.lifecycle = _tree(
            [self.tr("Giai đoạn"), self.tr("Từ ngày"), self.tr("Đến ngày"), self.tr("Trước đó")]
        )
        self.tabs.addTab(self.lifecycle, self.tr("Lịch sử vòng đời"))
        self.segments = _tree([self.tr("Phân khúc"), self.tr("Loại"), self.tr("Vào phân khúc từ")])
        self.tabs.addTab(self.segments, self.tr("Phân khúc"))
        self.campaigns = _tree(
            [self.tr("Chiến dịch"), self.tr("Kênh"), self.tr("Trạng thái"), self.tr("Gửi lúc"),
             self.tr("Đã mở"), self.tr("Đã bấm"), self.tr("Doanh thu quy cho")]
        )  # fmt: skip
        self.tabs.addTab(self.campaigns, self.tr("Chiến dịch"))
        dup_tab = QWidget()
        dl = QVBoxLayout(dup_tab)
        dl.addWidget(
            label(
                self.tr(
                    "Các hồ sơ dưới đây có thể là cùng một người (trùng email, hoặc trùng họ tên và ngày sinh). "
                    "Gộp sẽ chuyển toàn bộ đơn hàng, lịch sử và đồng ý nhận tin sang hồ sơ đang xem, rồi xóa hồ sơ trùng."
                ),
                "Explain",
                wrap=True,
            )
        )
        self.duplicates = _tree(
            [self.tr("Họ tên"), self.tr("Điện thoại"), self.tr("Email"), self.tr("Số đơn"), self.tr("Lý do")]
        )
        dl.addWidget(self.duplicates)
        merge_row = QHBoxLayout()
        merge_row.addStretch(1)
        self.open_duplicate_button = button(self.tr("Mở hồ sơ này"))
        self.merge_button = button(self.tr("Gộp vào khách hàng đang xem"), "merge", primary=True)
        self.open_duplicate_button.clicked.connect(self._open_duplicate)
        self.merge_button.clicked.connect(self._merge_selected)
        merge_row.addWidget(self.open_duplicate_button)
        merge_row.addWidget(self.merge_button)
        dl.addLayout(merge_row)
        self.tabs.addTab(dup_tab, self.tr("Hồ sơ trùng"))

    def _filter_label(self, key: str) -> str:
        return {
            "": self.tr("Tất cả sự kiện"),
            "purchase": self.tr("Mua hàng"),
            "visits": self.tr("Ghé cửa hàng, khám mắt"),
            "nps": self.tr("Đánh giá NPS"),
            "campaigns": self.tr("Tin nhắn chiến dịch"),
        }[key]

    # Loading ----------------------------------------------------------------------------------
    def show_customer(self, customer_id: uuid.UUID) -> None:
        self.customer_id = customer_id
        self.banner.hide()
        self.name.setText(self.tr("Đang tải…"))
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: profile_service.customer_360(engine, customer_id),
            title=self.tr("Tải hồ sơ khách hàng"),
            key="customer-360",
            visible=False,
            on_result=self._show,
            on_error=lambda err: self.banner.show_message("error", str(err.exception)),
        )

    def _show(self, data: Customer360) -> None:
        if data.id != self.customer_id:
            return
        self.data = data
        p = data.profile
        self.name.setText(p["full_name"])
        contact = [fmt.phone(p.get("phone")), p.get("email") or "", p.get("home_store") or ""]
        self.contact.setText("  ·  ".join(c for c in contact if c and c != "—"))
        self.stage_badge.setText(code_label("stage", p.get("lifecycle_stage")))
        self.stage_badge.setVisible(bool(p.get("lifecycle_stage")))
        self.tier_badge.setText(self.tr("Hạng ") + code_label("tier", p.get("clv_tier")))
        self.tier_badge.setVisible(bool(p.get("clv_tier")))
        self.kpi_clv.set(fmt.vnd(p.get("clv_predicted")), clv_hint(p))
        self.kpi_tier.set(code_label("tier", p.get("clv_tier")), tier_hint(p))
        churn = p.get("churn_risk")
        self.kpi_churn.set(fmt.decimal(churn, 0) + "%" if churn is not None else "—", churn_hint(p))
        self.kpi_next.set(*next_purchase_hint(p))
        self.kpi_engagement.set(
            f"{p['engagement_score']}/100" if p.get("engagement_score") is not None else "—",
            engagement_hint(p),
        )
        self.kpi_spent.set(
            fmt.vnd_short(p.get("total_spent")),
            self.tr("%1 đơn, trung bình %2/đơn")
            .replace("%1", fmt.integer(p.get("order_count")))
            .replace("%2", fmt.vnd(p.get("avg_order_value"))),
        )
        self._fill_profile(p)
        self._fill_consents(data)
        self.rfm_text.setText(rfm_explanation(p))
        self._fill_timeline(data.timeline)
        self._fill_orders(data)
        self._fill_simple(
            self.lifecycle,
            [
                [
                    code_label("stage", s.stage),
                    fmt.date(s.valid_from),
                    fmt.date(s.valid_to) if s.valid_to else self.tr("hiện tại"),
                    code_label("stage", s.previous_stage),
                ]
                for s in data.lifecycle_history
            ],  # fmt: skip
            self.tr("Chưa có lịch sử: giai đoạn được ghi lại mỗi lần chấm điểm."),
        )
        self._fill_simple(
            self.segments,
            [[m.name, code_label("rule_type", m.rule_type), fmt.date(m.assigned_at)] for m in data.segments],
            self.tr("Khách hàng chưa thuộc phân khúc nào."),
        )
        self._fill_simple(
            self.campaigns,
            [
                [
                    c.name,
                    code_label("channel", c.channel),
                    code_label("target_status", c.status),
                    fmt.datetime(c.sent_at),
                    fmt.datetime(c.opened_at),
                    fmt.datetime(c.clicked_at),
                    fmt.vnd(c.attributed_revenue),
                ]
                for c in data.campaigns
            ],  # fmt: skip
            self.tr("Chưa nhận chiến dịch nào."),
        )
        self._fill_duplicates(data.duplicates)
        self.tabs.setTabText(
            5, self.tr("Hồ sơ trùng") + (f" ({len(data.duplicates)})" if data.duplicates else "")
        )

    def _fill_profile(self, p: dict) -> None:  # type: ignore[type-arg]
        while self.profile_grid.count():
            item = self.profile_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        rows = [
            (self.tr("Điện thoại"), fmt.phone(p.get("phone"))),
            (self.tr("Email"), p.get("email") or "—"),
            (self.tr("Giới tính"), code_label("gender", p.get("gender"))),
            (self.tr("Ngày sinh"), fmt.date(p.get("birthday"))),
            (self.tr("Tỉnh/thành"), p.get("province") or "—"),
            (self.tr("Cửa hàng chính"), p.get("home_store") or "—"),
            (self.tr("Khách hàng từ"), fmt.date(p.get("created_at"))),
            (self.tr("Mã khách hàng"), p.get("external_id") or "—"),
        ]
        for i, (name, value) in enumerate(rows):
            self.profile_grid.addWidget(label(name, "Muted"), i, 0)
            self.profile_grid.addWidget(label(str(value)), i, 1)

    def _fill_consents(self, data: Customer360) -> None:
        while self.consent_grid.count():
            item = self.consent_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for i, consent in enumerate(data.consents):
            self.consent_grid.addWidget(label(code_label("channel", consent.channel)), i, 0)
            badge = label(self.tr("Đồng ý") if consent.granted else self.tr("Chưa đồng ý"))
            badge.setObjectName("BadgeOk" if consent.granted else "BadgeWarn")
            self.consent_grid.addWidget(badge, i, 1, Qt.AlignmentFlag.AlignLeft)
            when = fmt.date(consent.at) if consent.at else ""
            source = code_label("consent_source", consent.source) if consent.source else ""
            self.consent_grid.addWidget(label(" · ".join(x for x in (when, source) if x), "Muted"), i, 2)

    def _fill_simple(self, tree: QTreeWidget, rows: list[list[str]], empty: str) -> None:
        tree.clear()
        if not rows:
            item = QTreeWidgetItem([empty])
            item.setForeground(0, Qt.GlobalColor.gray)
            tree.addTopLevelItem(item)
            return
        tree.addTopLevelItems([QTreeWidgetItem(r) for r in rows])

    def _fill_timeline(self, events: list[TimelineEvent]) -> None:
        self._fill_simple(
            self.timeline,
            [
                [
                    fmt.datetime(e.at),
                    code_label("event", e.kind),
                    code_label("channel", e.channel),
                    event_detail(e),
                ]
                for e in events
            ],
            self.tr("Không có sự kiện nào."),
        )

    def _fill_orders(self, data: Customer360) -> None:
        self.orders.clear()
        if not data.orders:
            self._fill_simple(self.orders, [], self.tr("Chưa có đơn hàng."))
            return
        for order in data.orders:
            item = QTreeWidgetItem(
                [fmt.date(order.order_date), order.external_id, order.store or "—", code_label("channel", order.channel),
                 code_label("order_status", order.status), fmt.vnd(order.discount_amount), fmt.vnd(order.total_amount)]
            )  # fmt: skip
            item.setTextAlignment(6, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for line in order.lines:
                child = QTreeWidgetItem(
                    ["", f"{line.quantity} × {line.product or code_label('category', line.category)}",
                     code_label("category", line.category), "", "", fmt.vnd(line.discount), fmt.vnd(line.unit_price)]
                )  # fmt: skip
                child.setForeground(1, Qt.GlobalColor.darkGray)
                item.addChild(child)
            self.orders.addTopLevelItem(item)
        self.orders.expandToDepth(0)

    def _fill_duplicates(self, duplicates: list[DuplicateSuggestion]) -> None:
        reasons = {
            "same_email": self.tr("Trùng email"),
            "same_name_birthday": self.tr("Trùng họ tên và ngày sinh"),
        }
        self.duplicates.clear()
        for d in duplicates:
            item = QTreeWidgetItem(
                [
                    d.full_name,
                    fmt.phone(d.phone),
                    d.email or "—",
                    fmt.integer(d.order_count),
                    reasons.get(d.reason, d.reason),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, d.id)
            self.duplicates.addTopLevelItem(item)
        has = bool(duplicates)
        self.merge_button.setEnabled(has)
        self.open_duplicate_button.setEnabled(has)
        if has:
            self.duplicates.setCurrentItem(self.duplicates.topLevelItem(0))

    def _reload_timeline(self) -> None:
        if self.customer_id is None:
            return
        kinds = dict(TIMELINE_FILTERS)[self.timeline_filter.currentData()]
        engine, customer_id = self.ctx.engine, self.customer_id
        self.ctx.tasks.submit(
            lambda job: profile_service.timeline(engine, customer_id, kinds),
            title=self.tr("Lọc dòng thời gian"),
            key="customer-timeline",
            visible=False,
            on_result=self._fill_timeline,
        )

    # Duplicates -------------------------------------------------------------------------------
    def _selected_duplicate(self) -> uuid.UUID | None:
        item = self.duplicates.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return value if isinstance(value, uuid.UUID) else None

    def _open_duplicate(self) -> None:
        other = self._selected_duplicate()
        if other:
            self.open_customer.emit(other)

    def _merge_selected(self) -> None:
        other, keep = self._selected_duplicate(), self.customer_id
        if other is None or keep is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Gộp hồ sơ"),
            self.tr(
                "Gộp hồ sơ đã chọn vào khách hàng đang xem? Hồ sơ trùng sẽ bị xóa; thao tác không hoàn tác được."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.merge_records(keep, other)

    def merge_records(self, keep: uuid.UUID, other: uuid.UUID) -> None:
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: merge_customers(engine, keep, other),
            title=self.tr("Gộp hồ sơ khách hàng"),
            serial=True,
            on_result=self._merged,
            on_error=lambda err: self.banner.show_message("error", str(err.exception)),
        )

    def _merged(self, result: MergeResult) -> None:
        self.show_customer(result.survivor_id)
        self.banner.show_message(
            "ok",
            self.tr("Đã gộp: chuyển %1 đơn hàng và %2 sự kiện sang hồ sơ này.")
            .replace("%1", fmt.integer(result.moved.get("orders", 0)))
            .replace("%2", fmt.integer(result.moved.get("customer_engagements", 0))),
        )
