"""The Customers page: search and filters over the lazy list; Enter opens Customer 360."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core.customers import queries
from matviet_desktop.core.customers.queries import CustomerFilter, CustomerRow, FilterOptions
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.labels import label as code_label
from matviet_desktop.ui.pages.base import Page
from matviet_desktop.ui.pages.customers.profile_view import CustomerProfileView
from matviet_desktop.ui.resources import icon
from matviet_desktop.ui.tasks import TaskError
from matviet_desktop.ui.widgets.common import Banner, PageHeader, button, page_layout
from matviet_desktop.ui.widgets.customer_table_view import CustomerTableView

SEARCH_DEBOUNCE_MS = 250


class CustomerListView(QWidget):
    def __init__(self, ctx: AppContext, open_customer: Callable[[uuid.UUID], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.open_customer = open_customer
        layout = page_layout(self)
        self.header = PageHeader(
            self.tr("Khách hàng"),
            self.tr("Tìm theo tên (không cần dấu) hoặc số điện thoại ở bất kỳ dạng nào."),
        )
        self.export_button = self.header.add_action(button(self.tr("Xuất CSV"), "export"))
        self.export_button.clicked.connect(self._export)
        layout.addWidget(self.header)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("SearchBox")
        self.search.setPlaceholderText(
            self.tr("Tên hoặc số điện thoại, ví dụ “nguyen thi anh”, “0912 345 678”")
        )
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(380)
        bar.addWidget(self.search, 3)
        self.store = QComboBox()
        self.stage = QComboBox()
        self.tier = QComboBox()
        for combo, all_text in (
            (self.store, self.tr("Tất cả cửa hàng")),
            (self.stage, self.tr("Mọi giai đoạn")),
            (self.tier, self.tr("Mọi hạng CLV")),
        ):
            combo.addItem(all_text, None)
            combo.setMinimumWidth(150)
            combo.currentIndexChanged.connect(self._apply)
            bar.addWidget(combo, 1)
        self.clear_button = button(self.tr("Xóa bộ lọc"), "close", flat=True)
        self.clear_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_button)
        layout.addLayout(bar)

        self.banner = Banner()
        layout.addWidget(self.banner)
        self.table = CustomerTableView(ctx)
        self.table.customer_activated.connect(lambda row: self.open_customer(row.id))
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._apply)
        self.table.model.total_changed.connect(self._total_changed)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)

    def load(self) -> None:
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: queries.filter_options(engine),
            title=self.tr("Tải bộ lọc"),
            visible=False,
            on_result=self._fill_filters,
        )
        self._apply()

    def _fill_filters(self, options: FilterOptions) -> None:
        for combo, items in (
            (self.store, [(name, store_id) for store_id, name in options.stores]),
            (self.stage, [(code_label("stage", s), s) for s in options.lifecycle_stages]),
            (self.tier, [(code_label("tier", t), t) for t in options.clv_tiers]),
        ):
            combo.blockSignals(True)
            for text, value in items:
                combo.addItem(text, value)
            combo.blockSignals(False)

    def current_filter(self) -> CustomerFilter:
        return CustomerFilter(
            search=self.search.text(),
            store_id=self.store.currentData(),
            lifecycle_stage=self.stage.currentData(),
            clv_tier=self.tier.currentData(),
        )

    def _apply(self) -> None:
        self._debounce.stop()
        filt = self.current_filter()
        if filt == self.table.model.filter and self.table.model.rowCount() > 0:
            return
        self.table.model.set_query(filt)

    def clear_filters(self) -> None:
        for combo in (self.store, self.stage, self.tier):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self._apply()

    def _total_changed(self, total: int) -> None:
        filt = self.table.model.filter
        if filt == CustomerFilter():
            self.header.set_subtitle(self.tr("%1 khách hàng").replace("%1", fmt.integer(total)))
        else:
            self.header.set_subtitle(self.tr("%1 khách hàng khớp bộ lọc").replace("%1", fmt.integer(total)))

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất danh sách khách hàng"), "khach-hang.csv", self.tr("Tệp CSV (*.csv)")
        )
        if not path:
            return
        model = self.table.model
        filt, sort, desc, engine = model.filter, model.sort_key, model.descending, self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: queries.export_customers_csv(
                engine, Path(path), filt, sort=sort, descending=desc, progress=job.progress, cancel=job.cancel
            ),
            title=self.tr("Xuất CSV khách hàng"),
            serial=True,
            on_result=lambda n: self.banner.show_message(
                "ok", self.tr("Đã xuất %1 khách hàng ra %2").replace("%1", fmt.integer(n)).replace("%2", path)
            ),
            on_error=lambda err: self.banner.show_message(
                "error", self.tr("Xuất thất bại: ") + str(err.exception)
            ),
        )


class CustomersPage(Page):
    """List and Customer 360 in one stack, so "back" keeps the search and scroll position."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stack = QStackedWidget()
        self.list_view = CustomerListView(ctx, self.open_customer)
        self.profile_view = CustomerProfileView(ctx)
        self.profile_view.back_requested.connect(self.show_list)
        self.profile_view.open_customer.connect(self.open_customer)
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.profile_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def load(self) -> None:
        self.list_view.load()

    def open_customer(self, customer_id: uuid.UUID) -> None:
        self.stack.setCurrentWidget(self.profile_view)
        self.profile_view.show_customer(customer_id)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.list_view.table.table.setFocus()

    def screenshot_variants(self) -> list[tuple[str, Callable[[], None]]]:
        def search() -> None:
            self.list_view.search.setText("nguyen thi")
            self.list_view._apply()

        def open_best() -> None:
            # The customer with the richest history among those listed: best for a 360 picture.
            model = self.list_view.table.model
            rows = [model.row_at(i) for i in range(model.rowCount())]
            best = max(
                (r for r in rows if isinstance(r, CustomerRow)), key=lambda r: r.order_count, default=None
            )
            if best is not None:
                self.open_customer(best.id)

        return [("search", search), ("360", open_best)]

    def on_error(self, error: TaskError) -> None:
        self.list_view.banner.show_message("error", str(error.exception))
