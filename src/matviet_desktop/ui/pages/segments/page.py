"""The Segments page: list ↔ detail ↔ builder in one stack (plan 1.4: /segments, /segments/[id],
/segments/create)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from matviet_desktop.core.segments.service import SegmentInfo
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.base import Page
from matviet_desktop.ui.pages.segments.builder_view import SegmentBuilderView
from matviet_desktop.ui.pages.segments.detail_view import SegmentDetailView
from matviet_desktop.ui.pages.segments.list_view import SegmentListView

# A nested rule for screenshots and demos: high-value customers who have not bought for six months
# or who bought sunglasses twice in two years.
EXAMPLE_RULE = {
    "all": [
        {"field": "clv_tier", "op": "in", "value": ["vip", "high"]},
        {
            "any": [
                {"field": "last_purchase_at", "op": "more_than_days_ago", "value": 180},
                {"event": "purchase", "count_op": "gte", "count": 2, "within_last_days": 730,
                 "where": {"category": "sunglasses"}},
            ]
        },
    ]
}  # fmt: skip


class SegmentsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.stack = QStackedWidget()
        self.list_view = SegmentListView(ctx)
        self.detail_view = SegmentDetailView(ctx)
        self.builder = SegmentBuilderView(ctx)
        for view in (self.list_view, self.detail_view, self.builder):
            self.stack.addWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list_view.open_segment.connect(self.open_segment)
        self.list_view.create_segment.connect(self.create_segment)
        self.detail_view.back_requested.connect(self.show_list)
        self.detail_view.edit_requested.connect(self.edit_segment)
        self.detail_view.open_customer.connect(self._open_customer)
        self.builder.cancelled.connect(self.show_list)
        self.builder.saved.connect(self._saved)

    def load(self) -> None:
        self.list_view.load()

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.list_view.load()

    def open_segment(self, segment_id: uuid.UUID) -> None:
        self.stack.setCurrentWidget(self.detail_view)
        self.detail_view.show_segment(segment_id, dict(self.list_view.segment_names()))

    def create_segment(self) -> None:
        self.builder.prepare(self.list_view.segment_names())
        self.stack.setCurrentWidget(self.builder)
        self.builder.name.setFocus()

    def edit_segment(self, info: SegmentInfo) -> None:
        self.builder.prepare(self.list_view.segment_names(), editing=info)
        self.stack.setCurrentWidget(self.builder)

    def _saved(self, segment_id: uuid.UUID) -> None:
        self.list_view.load()
        self.open_segment(segment_id)

    def _open_customer(self, customer_id: uuid.UUID) -> None:
        if self.ctx.navigate is None:
            return
        page = self.ctx.navigate("customers")
        opener = getattr(page, "open_customer", None)
        if callable(opener):
            opener(customer_id)

    def screenshot_variants(self) -> list[tuple[str, Callable[[], None]]]:
        def detail() -> None:
            rows = sorted(self.list_view.model.rows, key=lambda r: -r.info.customer_count)
            if rows:
                self.open_segment(rows[0].info.id)

        def builder() -> None:
            self.builder.prepare(self.list_view.segment_names(), initial_rule=EXAMPLE_RULE)
            self.stack.setCurrentWidget(self.builder)
            self.builder.name.setText("Khách giá trị cao lâu chưa quay lại")

        return [("detail", detail), ("builder", builder)]
