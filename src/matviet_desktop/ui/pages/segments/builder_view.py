"""Segment builder: the rule editor, its plain-Vietnamese reading, and a live audience count.

Each edit restarts a short timer; when typing pauses, the rule is validated in place (pure core
code, instant) and, if valid, counted with sample members in the background. A newer count
supersedes an older one (same task key), so the number shown always matches the rule on screen
and typing never waits for the database.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core import segments as segment_service
from matviet_desktop.core.customers.queries import store_choices
from matviet_desktop.core.segments.service import SegmentInfo
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.segments import rule_editor
from matviet_desktop.ui.pages.segments.readout import describe
from matviet_desktop.ui.pages.segments.rule_editor import FieldConditionWidget, GroupWidget
from matviet_desktop.ui.tasks import TaskError
from matviet_desktop.ui.widgets.common import Banner, Card, button, label

LIVE_COUNT_DEBOUNCE_MS = 400
SAMPLE_SIZE = 8


class SegmentBuilderView(QWidget):
    """Signals:
    saved(uuid.UUID): the segment was created or updated and refreshed.
    cancelled(): the user left without saving.
    count_updated(int): a live count for the current rule arrived.
    """

    saved = Signal(object)
    cancelled = Signal()
    count_updated = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editing: SegmentInfo | None = None
        self.segment_names: list[tuple[str, str]] = []
        self.last_count: int | None = None
        self.last_rule: Any = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.back_button = button(self.tr("Danh sách phân khúc"), "back", flat=True)
        self.back_button.clicked.connect(self.cancelled)
        top.addWidget(self.back_button)
        top.addStretch(1)
        layout.addLayout(top)
        self.title = label(self.tr("Tạo phân khúc"), "PageTitle")
        layout.addWidget(self.title)
        names = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Tên phân khúc, ví dụ “Khách VIP Hà Nội chưa quay lại”"))
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("Mô tả ngắn (không bắt buộc)"))
        names.addWidget(self.name, 2)
        names.addWidget(self.description, 3)
        layout.addLayout(names)
        self.banner = Banner()
        layout.addWidget(self.banner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        rule_card = Card(self.tr("Quy tắc"))
        self.root = GroupWidget(self.segment_names, root=True)
        self.root.changed.connect(self._rule_changed)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.root)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        rule_card.body.addWidget(scroll, 1)
        left_layout.addWidget(rule_card, 3)
        read_card = Card(self.tr("Diễn giải"))
        self.readout = label("", "Explain", wrap=True)
        read_card.body.addWidget(self.readout)
        read_card.body.addStretch(1)
        left_layout.addWidget(read_card, 1)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        count_card = Card(self.tr("Số khách hàng khớp"))
        self.count_label = label("—", "KpiValue")
        self.count_status = label("", "Muted", wrap=True)
        count_card.body.addWidget(self.count_label)
        count_card.body.addWidget(self.count_status)
        right_layout.addWidget(count_card)
        sample_card = Card(self.tr("Một vài khách hàng khớp"))
        self.sample = QTreeWidget()
        self.sample.setHeaderLabels([self.tr("Họ tên"), self.tr("Tổng chi tiêu")])
        self.sample.setRootIsDecorated(False)
        self.sample.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sample.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.sample.header().setStretchLastSection(False)
        sample_card.body.addWidget(self.sample)
        right_layout.addWidget(sample_card, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = button(self.tr("Hủy"))
        self.cancel_button.clicked.connect(self.cancelled)
        self.save_button = button(self.tr("Lưu phân khúc"), "check", primary=True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        right_layout.addLayout(buttons)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(LIVE_COUNT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.recount)

    # Setup ------------------------------------------------------------------------------------
    def prepare(
        self, segments: list[tuple[str, str]], editing: SegmentInfo | None = None, initial_rule: Any = None
    ) -> None:
        """Open the builder for a new segment (optionally starting from `initial_rule`), or for
        `editing` an existing one. The rule appears once the store list (for store pickers) loaded."""
        self.segment_names[:] = [
            (sid, name) for sid, name in segments if not editing or sid != str(editing.id)
        ]
        self.editing = editing
        self.banner.hide()
        self.title.setText(self.tr("Sửa phân khúc") if editing else self.tr("Tạo phân khúc"))
        self.name.setText(editing.name if editing else "")
        self.description.setText(editing.description or "" if editing else "")
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: store_choices(engine),
            title=self.tr("Tải danh sách cửa hàng"),
            visible=False,
            on_result=lambda stores: self._stores_loaded(
                stores, editing.conditions if editing else initial_rule
            ),
        )

    def _stores_loaded(self, stores: list[tuple[str, str]], rule: Any) -> None:
        rule_editor.STORE_CHOICES[:] = stores
        self.root.blockSignals(True)
        if rule:
            self.root.load(rule)
        else:
            self.root.clear()
            self.root.add_child(FieldConditionWidget())
        self.root.blockSignals(False)
        self.recount()

    # Live count -------------------------------------------------------------------------------
    def rule_json(self) -> Any:
        return self.root.to_json("$")

    def _rule_changed(self) -> None:
        self.count_status.setText(self.tr("Đang chờ bạn sửa xong…"))
        self._debounce.start()

    def _show_errors(self, errors: list[Any]) -> None:
        widgets = self.root.widgets()
        owned: dict[int, list[str]] = {}
        for error in errors:
            owner = max(
                (
                    w
                    for w in widgets
                    if error.path == w.path or error.path.startswith((w.path + ".", w.path + "["))
                ),
                key=lambda w: len(w.path),
                default=self.root,
            )
            owned.setdefault(id(owner), []).append(error.message)
        for widget in widgets:
            widget.set_error("\n".join(owned.get(id(widget), [])) or None)

    def recount(self) -> None:
        self._debounce.stop()
        rule = self.rule_json()
        self.last_rule = rule
        self.readout.setText(describe(rule, dict(self.segment_names), dict(rule_editor.STORE_CHOICES)))
        errors = segment_service.validate(rule)
        self._show_errors(errors)
        if errors:
            self.count_label.setText("—")
            self.count_status.setText(self.tr("Hãy sửa các điều kiện được đánh dấu đỏ."))
            self.save_button.setEnabled(False)
            return
        self.save_button.setEnabled(True)
        self.count_status.setText(self.tr("Đang đếm…"))
        engine = self.ctx.engine

        def work(job: Any) -> tuple[int, list[dict[str, Any]]]:
            total = segment_service.count(engine, rule)
            job.cancel.raise_if_cancelled()
            return total, segment_service.preview(engine, rule, limit=SAMPLE_SIZE, matches=total)

        self.ctx.tasks.submit(
            work,
            title=self.tr("Đếm khách hàng khớp quy tắc"),
            key="segment-live-count",
            visible=False,
            on_result=lambda result, r=rule: self._counted(r, result),
            on_error=self._count_failed,
        )

    def _counted(self, rule: Any, result: tuple[int, list[dict[str, Any]]]) -> None:
        if rule != self.last_rule:
            return  # an older rule's answer
        total, sample = result
        self.last_count = total
        self.count_label.setText(fmt.integer(total))
        self.count_status.setText(self.tr("Khách hàng đang khớp quy tắc này (tính trực tiếp)."))
        self.sample.clear()
        for row in sample:
            item = QTreeWidgetItem([str(row.get("full_name")), fmt.vnd(row.get("total_spent"))])
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.sample.addTopLevelItem(item)
        self.count_updated.emit(total)

    def _count_failed(self, error: TaskError) -> None:
        self.count_label.setText("—")
        exc = error.exception
        errors = getattr(exc, "errors", None)
        if errors:
            self._show_errors(errors)
        self.count_status.setText(str(exc))

    # Save -------------------------------------------------------------------------------------
    def save(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.name.setProperty("invalid", True)
            from matviet_desktop.ui.widgets.common import restyle

            restyle(self.name)
            self.banner.show_message("error", self.tr("Hãy đặt tên cho phân khúc."))
            self.name.setFocus()
            return
        rule, description, engine, editing = (
            self.rule_json(),
            self.description.text().strip() or None,
            self.ctx.engine,
            self.editing,
        )

        def work(job: Any) -> uuid.UUID:
            if editing:
                info = segment_service.update_segment(
                    engine, editing.id, name=name, description=description, rule=rule
                )
            else:
                info = segment_service.create_segment(engine, name, rule, description=description)
            segment_service.refresh(engine, info.id)
            return info.id

        self.save_button.setEnabled(False)
        self.ctx.tasks.submit(
            work,
            title=self.tr("Lưu phân khúc “%1”").replace("%1", name),
            serial=True,
            on_result=self.saved.emit,
            on_error=self._save_failed,
        )

    def _save_failed(self, error: TaskError) -> None:
        self.save_button.setEnabled(True)
        errors = getattr(error.exception, "errors", None)
        if errors:
            self._show_errors(errors)
        self.banner.show_message("error", str(error.exception))
