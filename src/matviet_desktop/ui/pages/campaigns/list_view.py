"""The campaign list: status, channel, audience, sent/delivered, revenue, ROI; filters; actions."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pandas as pd
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QWidget

from matviet_desktop.core.analytics.campaign_performance import campaign_kpis
from matviet_desktop.core.analytics.filters import AnalyticsFilter
from matviet_desktop.core.campaigns import drafts, service
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.tasks import TaskError
from matviet_desktop.ui.widgets.common import Banner, PageHeader, button, label, page_layout
from matviet_desktop.ui.widgets.frame_table import Column, FrameTable


class CampaignListView(QWidget):
    """Signals:
    open_requested(uuid.UUID): the user opened a campaign.
    create_requested(): the user asked for the wizard.
    loaded(object): the list DataFrame after a refresh.
    resumed(uuid.UUID, str): a paused campaign was resumed (the page starts sending it here).
    """

    open_requested = Signal(object)
    resumed = Signal(object, str)
    create_requested = Signal()
    loaded = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = page_layout(self)
        header = PageHeader(
            self.tr("Chiến dịch"), self.tr("Gửi SMS, Zalo ZNS và email; theo dõi kết quả và ROI")
        )
        self.new_button = header.add_action(button(self.tr("Tạo chiến dịch"), "plus", primary=True))
        self.new_button.clicked.connect(self.create_requested.emit)
        layout.addWidget(header)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("SearchBox")
        self.search.setPlaceholderText(self.tr("Tìm theo tên chiến dịch…"))
        self.status = QComboBox()
        self.status.addItem(self.tr("Mọi trạng thái"), "")
        for code in labels.CAMPAIGN_STATUSES:
            self.status.addItem(labels.campaign_status(code), code)
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Mọi kênh"), "")
        for code in labels.CHANNELS:
            self.channel.addItem(labels.channel(code), code)
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status)
        filters.addWidget(self.channel)
        filters.addStretch(1)
        self.refresh_button = button(self.tr("Làm mới"), "refresh")
        self.refresh_button.clicked.connect(self.refresh)
        filters.addWidget(self.refresh_button)
        layout.addLayout(filters)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.table = FrameTable(
            [
                Column("name", self.tr("Chiến dịch")),
                Column("status", self.tr("Trạng thái"), mapper=labels.campaign_status),
                Column("channel", self.tr("Kênh"), mapper=labels.channel),
                Column(
                    "segment_name", self.tr("Tập khách hàng"), mapper=lambda v: v or self.tr("CSV / chọn tay")
                ),
                # Date and counts kept narrow so that revenue, cost and ROI fit at 1360 px; the
                # detail view has the start time and the sent count.
                Column("start_at", self.tr("Bắt đầu"), "date"),
                Column("targets", self.tr("Khách nhận"), "int"),
                Column("delivered", self.tr("Đã nhận"), "int"),
                Column("revenue", self.tr("Doanh thu"), "vnd_short"),
                Column("cost", self.tr("Chi phí"), "vnd_short"),
                Column("roi_pct", self.tr("ROI"), "pct_points"),
            ],
            stretch_column=0,  # long names elide so that the figures stay in view
        )
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.open_button = button(self.tr("Mở"), "file")
        self.duplicate_button = button(self.tr("Nhân bản"), "copy")
        self.pause_button = button(self.tr("Tạm dừng"), "stop")
        self.resume_button = button(self.tr("Tiếp tục"), "play")
        self.cancel_button = button(self.tr("Hủy chiến dịch"), "close", danger=True)
        for b in (
            self.open_button,
            self.duplicate_button,
            self.pause_button,
            self.resume_button,
            self.cancel_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)
        self.count_label = label("", "Muted")
        actions.addWidget(self.count_label)
        layout.addLayout(actions)
        self.open_button.clicked.connect(lambda: self._open(self._current_row()))
        self.duplicate_button.clicked.connect(lambda: self._act("duplicate"))
        self.pause_button.clicked.connect(lambda: self._act("pause"))
        self.resume_button.clicked.connect(lambda: self._act("resume"))
        self.cancel_button.clicked.connect(lambda: self._act("cancel"))
        self.table.selectionModel().selectionChanged.connect(self._sync_actions)
        self.search.textChanged.connect(self._apply_filters)
        self.status.currentIndexChanged.connect(self._apply_filters)
        self.channel.currentIndexChanged.connect(self._apply_filters)
        self._all = pd.DataFrame()
        self._sync_actions()

    # Data -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: campaign_kpis(engine, AnalyticsFilter()),
            title=self.tr("Tải danh sách chiến dịch"),
            key="campaigns:list",
            on_result=self._loaded,
            on_error=self._error,
        )

    def _loaded(self, frame: pd.DataFrame) -> None:
        self._all = frame
        self.banner.hide()
        self._apply_filters()
        self.loaded.emit(frame)

    def _error(self, error: TaskError) -> None:
        self.banner.show_message(
            "error", self.tr("Không tải được danh sách chiến dịch: %1").replace("%1", str(error.exception))
        )

    def _apply_filters(self) -> None:
        frame = self._all
        if not frame.empty:
            needle = self.search.text().strip().lower()
            if needle:
                frame = frame[frame["name"].str.lower().str.contains(needle, regex=False)]
            if self.status.currentData():
                frame = frame[frame["status"] == self.status.currentData()]
            if self.channel.currentData():
                frame = frame[frame["channel"] == self.channel.currentData()]
        self.table.set_frame(frame)
        self.count_label.setText(self.tr("%n chiến dịch", "", len(frame)))
        self._sync_actions()

    # Actions ----------------------------------------------------------------------------------
    def _current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected(self) -> dict[str, Any] | None:
        return self.table.selected_row()

    def select_campaign(self, campaign_id: uuid.UUID) -> None:
        for row in range(self.table.proxy.rowCount()):
            if self.table.row_at(row)["campaign_id"] == campaign_id:
                self.table.selectRow(row)
                return

    def _open(self, proxy_row: int) -> None:
        if proxy_row >= 0:
            self.open_requested.emit(self.table.row_at(proxy_row)["campaign_id"])

    # Row actions and the campaign states they apply to (None: any selected campaign).
    def _action_states(self) -> dict[QPushButton, tuple[str, ...] | None]:
        return {
            self.open_button: None,
            self.duplicate_button: None,
            self.pause_button: ("sending", "scheduled"),
            self.resume_button: ("paused",),
            self.cancel_button: ("draft", "scheduled", "sending", "paused"),
        }

    def _sync_actions(self) -> None:
        """Row actions follow the selection: none selected, all off; otherwise by the status."""
        row = self.selected()
        state = row["status"] if row else None
        for action, states in self._action_states().items():
            allowed = row is not None and (states is None or state in states)
            action.setEnabled(allowed)
            if row is None:
                action.setToolTip(self.tr("Chọn một chiến dịch trong bảng trước."))
            elif not allowed:
                action.setToolTip(
                    self.tr("Không áp dụng cho chiến dịch đang ở trạng thái “%1”.").replace(
                        "%1", labels.campaign_status(str(state))
                    )
                )
            else:
                action.setToolTip("")

    def _act(self, action: str) -> None:
        row = self.selected()
        if row is None:
            return
        cid, name = row["campaign_id"], row["name"]
        if action == "cancel":
            answer = QMessageBox.question(
                self,
                self.tr("Hủy chiến dịch"),
                self.tr("Hủy “%1”? Các tin chưa gửi sẽ không được gửi nữa; không thể hoàn tác.").replace(
                    "%1", name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        engine = self.ctx.engine
        calls: dict[str, Callable[[], Any]] = {
            "duplicate": lambda: drafts.duplicate(engine, cid),
            "pause": lambda: service.pause(engine, cid, reason="Tạm dừng từ danh sách chiến dịch"),
            "resume": lambda: service.resume(engine, cid),
            "cancel": lambda: service.cancel(engine, cid, reason="Hủy từ danh sách chiến dịch"),
        }

        def done(_result: Any) -> None:
            if action == "resume":
                self.resumed.emit(cid, name)
            self.refresh()

        self.ctx.tasks.submit(
            lambda job: calls[action](),
            title=self.tr("Cập nhật chiến dịch “%1”").replace("%1", name),
            on_result=done,
            on_error=self._error,
        )
