"""The Campaigns page: list, wizard, detail and analytics of one campaign, in one stack.

Owns the SendingController, so campaigns keep sending while the user moves between pages;
`confirm_close()` asks what to do with them when the app closes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.base import Page
from matviet_desktop.ui.pages.campaigns.analytics_view import CampaignAnalyticsView
from matviet_desktop.ui.pages.campaigns.detail_view import CampaignDetailView
from matviet_desktop.ui.pages.campaigns.list_view import CampaignListView
from matviet_desktop.ui.pages.campaigns.sending import ChannelFactory, SendingController
from matviet_desktop.ui.pages.campaigns.wizard import CampaignWizard


class CampaignsPage(Page):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, channel_factory: ChannelFactory | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.sending = SendingController(ctx, channel_factory, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.list = CampaignListView(ctx)
        self.wizard = CampaignWizard(ctx, self.sending)
        self.detail = CampaignDetailView(ctx, self.sending)
        self.analytics = CampaignAnalyticsView(ctx)
        for view in (self.list, self.wizard, self.detail, self.analytics):
            self.stack.addWidget(view)
        self.list.open_requested.connect(self.open_campaign)
        self.list.create_requested.connect(self.open_wizard)
        self.list.resumed.connect(self.sending.send)
        self.wizard.cancelled.connect(self.show_list)
        self.wizard.launched.connect(self.open_campaign)
        self.detail.back_requested.connect(self.show_list)
        self.detail.analytics_requested.connect(self.open_analytics)
        self.analytics.back_requested.connect(self.open_campaign)
        self.sending.changed.connect(self._sending_changed)

    def load(self) -> None:
        self.list.refresh()

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.refresh()

    def open_wizard(self, segment_id: uuid.UUID | None = None) -> CampaignWizard:
        self.wizard.start(segment_id)
        self.stack.setCurrentWidget(self.wizard)
        return self.wizard

    def open_campaign(self, campaign_id: uuid.UUID) -> CampaignDetailView:
        self.detail.show_campaign(campaign_id)
        self.stack.setCurrentWidget(self.detail)
        return self.detail

    def open_analytics(self, campaign_id: uuid.UUID) -> CampaignAnalyticsView:
        self.analytics.show_campaign(campaign_id)
        self.stack.setCurrentWidget(self.analytics)
        return self.analytics

    def _sending_changed(self) -> None:
        if self.stack.currentWidget() is self.detail:
            self.detail.refresh()

    # Closing the app --------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        """Ask what to do with campaigns sending from this computer; False keeps the app open."""
        running = self.sending.running()
        if not running:
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Đang gửi chiến dịch"))
        box.setText(self.tr("Máy này đang gửi %n chiến dịch. Bạn muốn làm gì?", "", len(running)))
        box.setInformativeText(
            self.tr(
                "Tạm dừng: không máy nào gửi tiếp cho đến khi bấm Tiếp tục.\n"
                "Để máy khác gửi tiếp: máy này dừng, chiến dịch vẫn ở trạng thái đang gửi; "
                "máy chủ gửi hoặc lần mở sau sẽ gửi nốt, không tin nào bị gửi hai lần."
            )
        )
        pause = box.addButton(self.tr("Tạm dừng rồi đóng"), QMessageBox.ButtonRole.AcceptRole)
        handoff = box.addButton(self.tr("Để máy khác gửi tiếp"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Không đóng"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is pause:
            self.sending.stop_all(pause=True)
            return True
        if clicked is handoff:
            self.sending.stop_all(pause=False)
            return True
        return False

    def screenshot_variants(self) -> list[tuple[str, Callable[[], None]]]:
        def first_campaign() -> None:
            # The campaign that reached the most customers: a draft would show empty charts.
            frame = self.list.table.source.frame()
            if len(frame):
                reached = frame["delivered"].fillna(0).astype("int64")
                self.open_campaign(frame.loc[reached.idxmax(), "campaign_id"])

        def analytics() -> None:
            if self.detail.campaign_id is not None:
                self.open_analytics(self.detail.campaign_id)

        def draft() -> None:
            # A campaign not sent yet: its empty states are part of the product too.
            frame = self.list.table.source.frame()
            drafts = frame[frame["status"] == "draft"] if len(frame) else frame
            if len(drafts):
                self.open_campaign(drafts.iloc[0]["campaign_id"])

        def wizard_content() -> None:
            # Only fills widgets: screenshot mode never writes drafts into the database.
            wizard = self.open_wizard()
            wizard.channel_step.name.setText(self.tr("Ưu đãi tròng kính tháng 12"))
            wizard.go(2)
            wizard.content_step.text.setPlainText(
                self.tr("Mắt Việt tặng 20% tròng kính chống ánh sáng xanh đến 31/12 tại mọi cửa hàng.")
            )

        def wizard_pick() -> None:
            # The hand-picked audience: a search and the first match picked (widgets only).
            wizard = self.open_wizard()
            wizard.go(1)
            picker = wizard.audience_step.picker
            wizard.audience_step.kind["manual"].setChecked(True)
            picker.search.setText("nguyen")  # a search term, not UI text
            picker.run_search()
            picker.model.first_page_loaded.connect(
                lambda: picker.add_rows([picker.model.index(0, 0)]), Qt.ConnectionType.SingleShotConnection
            )

        return [
            ("detail", first_campaign),
            ("analytics", analytics),
            ("detail-draft", draft),
            ("wizard", lambda: self.open_wizard()),
            ("wizard-audience-pick", wizard_pick),
            ("wizard-content", wizard_content),
        ]
