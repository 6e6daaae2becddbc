"""The campaign wizard: channel and purpose → audience → content → schedule and budget → review.

The spec is saved as a draft (core `drafts.save_draft`) whenever core must judge it — the
suppression breakdown, the cost estimate, the test send and the review — and the draft is
replaced as the user edits. Launch starts the campaign and hands it to the sending controller.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from matviet_desktop.core.analytics.campaign_detail import sample_recipients
from matviet_desktop.core.analytics.segment_performance import segment_names
from matviet_desktop.core.campaigns import drafts, service
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.analytics import labels
from matviet_desktop.ui.pages.campaigns.sending import SendingController
from matviet_desktop.ui.pages.campaigns.wizard_steps import (
    AudienceStep,
    ChannelStep,
    ContentStep,
    ScheduleStep,
)
from matviet_desktop.ui.tasks import TaskError
from matviet_desktop.ui.widgets.common import Banner, Card, PageHeader, button, label, page_layout


class CampaignWizard(QWidget):
    """Signals:
    cancelled(): the user left the wizard.
    launched(uuid.UUID): the campaign was started (or scheduled).
    checked(object): core's Readiness for the current draft, after each check.
    """

    cancelled = Signal()
    launched = Signal(object)
    checked = Signal(object)

    def __init__(self, ctx: AppContext, sender: SendingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sender_ = sender
        self.draft_id: uuid.UUID | None = None
        self.readiness: service.Readiness | None = None
        self.upload: Any = None
        layout = page_layout(self)
        self.header = PageHeader(self.tr("Tạo chiến dịch"), "")
        leave = self.header.add_action(button(self.tr("Đóng"), "close", flat=True))
        leave.clicked.connect(self._leave)
        layout.addWidget(self.header)
        self.step_titles = [
            self.tr("1. Kênh và mục đích"),
            self.tr("2. Khách hàng nhận tin"),
            self.tr("3. Nội dung"),
            self.tr("4. Lịch, ngân sách, đối chứng"),
            self.tr("5. Xem lại và bắt đầu"),
        ]
        crumbs = QHBoxLayout()
        self.crumbs: list[QLabel] = []
        for title in self.step_titles:
            crumb = label(title, "Muted")
            crumbs.addWidget(crumb)
            self.crumbs.append(crumb)
        crumbs.addStretch(1)
        layout.addLayout(crumbs)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.channel_step = ChannelStep()
        self.audience_step = AudienceStep(ctx)
        self.content_step = ContentStep()
        self.schedule_step = ScheduleStep()
        self.review = Card(self.tr("Tóm tắt"))
        self.review_text = label("", wrap=True)
        self.review.body.addWidget(self.review_text)
        self.review.body.addStretch(1)
        self.stack = QStackedWidget()
        for step in (
            self.channel_step,
            self.audience_step,
            self.content_step,
            self.schedule_step,
            self.review,
        ):
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            card = Card()
            card.body.addWidget(step)
            box.addWidget(card)
            self.stack.addWidget(holder)
        layout.addWidget(self.stack, 1)
        nav = QHBoxLayout()
        self.back_button = button(self.tr("Quay lại"), "back")
        self.next_button = button(self.tr("Tiếp"), primary=True)
        self.save_button = button(self.tr("Lưu nháp"), "file")
        self.launch_button = button(self.tr("Bắt đầu gửi"), "play", primary=True)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.save_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.launch_button)
        layout.addLayout(nav)
        self.back_button.clicked.connect(lambda: self.go(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go(self.stack.currentIndex() + 1))
        self.save_button.clicked.connect(lambda: self.save_and_check(then=self._saved_note))
        self.launch_button.clicked.connect(self.launch)
        self.audience_step.check_requested.connect(lambda: self.save_and_check())
        self.schedule_step.check_requested.connect(lambda: self.save_and_check())
        self.schedule_step.test_requested.connect(self.test_send)
        self.go(0)

    # Lifecycle --------------------------------------------------------------------------------
    def start(self, segment_id: uuid.UUID | None = None) -> None:
        """Open a fresh wizard (optionally for a segment, from the Segments page)."""
        self.draft_id = None
        self.readiness = None
        self.upload = None
        self.banner.hide()
        self.audience_step.reset()
        self.go(0)
        engine = self.ctx.engine

        def got(names: dict[str, str]) -> None:
            self.audience_step.set_segments(names)
            if segment_id is not None:
                index = self.audience_step.segment.findData(str(segment_id))
                self.audience_step.segment.setCurrentIndex(max(index, 0))

        self.ctx.tasks.submit(lambda job: segment_names(engine), title=self.tr("Tải phân khúc"), on_result=got,
                              visible=False)  # fmt: skip

    def spec(self) -> dict[str, Any]:
        spec: dict[str, Any] = {}
        for step in (self.channel_step, self.audience_step, self.content_step, self.schedule_step):
            spec.update(step.spec())
        return spec

    def go(self, index: int) -> None:
        index = max(0, min(index, self.stack.count() - 1))
        self.stack.setCurrentIndex(index)
        for i, crumb in enumerate(self.crumbs):
            crumb.setObjectName("Badge" if i == index else "Muted")
            crumb.style().unpolish(crumb)
            crumb.style().polish(crumb)
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(index < self.stack.count() - 1)
        self.launch_button.setVisible(index == self.stack.count() - 1)
        self.launch_button.setText(
            self.tr("Lên lịch gửi") if self.schedule_step.scheduled_at() else self.tr("Bắt đầu gửi")
        )
        if index == 2:
            ch = self.channel_step.spec()
            self.content_step.set_channel(ch["channel"], ch["purpose"])
            if self.draft_id is not None:
                self._load_samples()
        if index == 4:
            self.save_and_check(then=lambda _r: self.render_review())

    # Core calls -------------------------------------------------------------------------------
    def save_and_check(self, then: Any = None) -> None:
        """Save the spec as the draft (replacing the previous one) and ask core to judge it."""
        engine, spec, previous = self.ctx.engine, self.spec(), self.draft_id

        def work(job: Any) -> tuple[service.Created, service.Readiness]:
            created = drafts.save_draft(engine, spec, previous)
            return created, service.check(engine, created.campaign_id)

        def done(result: tuple[service.Created, service.Readiness]) -> None:
            created, readiness = result
            self.draft_id, self.readiness, self.upload = created.campaign_id, readiness, created.upload
            self.banner.hide()
            self.audience_step.show_readiness(readiness, created.upload)
            self.schedule_step.show_readiness(readiness)
            self._load_samples()
            self.checked.emit(readiness)
            if then is not None:
                then(readiness)

        self.ctx.tasks.submit(work, title=self.tr("Kiểm tra chiến dịch"), key=f"wizard:{id(self)}", on_result=done,
                              on_error=self._error)  # fmt: skip

    def _load_samples(self) -> None:
        engine, cid = self.ctx.engine, self.draft_id
        assert cid is not None
        self.ctx.tasks.submit(
            lambda job: sample_recipients(engine, cid).to_dict("records"),
            title=self.tr("Tải khách mẫu"),
            visible=False,
            on_result=self.content_step.set_samples,
        )

    def _saved_note(self, _readiness: Any) -> None:
        self.banner.show_message("ok", self.tr("Đã lưu bản nháp. Có thể mở lại từ danh sách chiến dịch."))

    def _error(self, error: TaskError) -> None:
        problems = getattr(error.exception, "problems", None)
        text = "\n".join(f"• {p.message}" for p in problems) if problems else str(error.exception)
        self.banner.show_message("error", self.tr("Chưa lưu được chiến dịch:") + "\n" + text)

    def render_review(self) -> None:
        spec, r = self.spec(), self.readiness
        aud = r.audience if r else None
        lines = [
            f"<b>{spec['name'] or self.tr('(chưa đặt tên)')}</b> — {labels.channel(spec['channel'])}, "
            f"{labels.name(labels.PURPOSES, spec['purpose'])}",
            self.tr("Sẽ gửi: <b>%1</b> khách · đối chứng %2 · bị loại %3")
            .replace("%1", fmt.integer(aud.to_send) if aud else fmt.DASH)
            .replace("%2", fmt.integer(aud.holdout) if aud else fmt.DASH)
            .replace("%3", fmt.integer(aud.suppressed_total + aud.excluded_by_segment) if aud else fmt.DASH),
            self.tr("Chi phí dự kiến: %1 · ngân sách: %2")
            .replace("%1", fmt.vnd(r.estimate.total) if r and r.estimate else fmt.DASH)
            .replace("%2", fmt.vnd(spec["budget"]) if spec.get("budget") else self.tr("không giới hạn")),
            self.tr("Thời điểm: %1").replace(
                "%1",
                fmt.datetime(self.schedule_step.scheduled_at())
                if self.schedule_step.scheduled_at()
                else self.tr("ngay"),
            ),
            "<br>" + self.tr("Nội dung:") + "<br><i>" + (self.content_step.final_text() or fmt.DASH) + "</i>",
        ]
        if r and r.problems:
            lines.append("<br><b>" + self.tr("Cần sửa trước khi gửi:") + "</b>")
            lines += [f"⚠ {p.message}" for p in r.problems]
        elif r:
            lines.append("<br>✔ " + self.tr("Mọi kiểm tra đều đạt."))
        self.review_text.setText("<br>".join(lines))
        self.launch_button.setEnabled(bool(r and r.ok))

    def launch(self) -> None:
        if self.draft_id is None or not (self.readiness and self.readiness.ok):
            return
        engine, cid, when, name = (
            self.ctx.engine,
            self.draft_id,
            self.schedule_step.scheduled_at(),
            self.spec()["name"],
        )

        def work(job: Any) -> str:
            if when is not None:
                service.schedule(engine, cid, when)
                return "scheduled"
            return service.start(engine, cid).status

        def done(state: str) -> None:
            if state == "sending":
                self.sender_.send(cid, name)
            self.draft_id = None
            self.launched.emit(cid)

        self.ctx.tasks.submit(work, title=self.tr("Bắt đầu chiến dịch"), on_result=done, on_error=self._error)

    def test_send(self, destinations: list[str]) -> None:
        if self.draft_id is None or not destinations:
            self.schedule_step.test_result.setText(
                self.tr("Nhập số/email nhận thử rồi bấm “Tính chi phí…” trước.")
            )
            return
        engine, cid = self.ctx.engine, self.draft_id
        factory = self.sender_.channel_factory
        provider = self.channel_step.spec()["provider"]
        url = engine.url.render_as_string(hide_password=False)

        def work(job: Any) -> list[Any]:
            from matviet_desktop.core.channels import registry

            channel = factory(provider) if factory else registry.make_channel(url, provider)
            try:
                return service.test_send(engine, cid, destinations, channel)
            finally:
                close = getattr(channel, "close", None)
                if close:
                    close()

        def done(results: list[Any]) -> None:
            self.schedule_step.test_result.setText(
                "<br>".join(f"{'✔' if r.ok else '✖'} {r.destination}: {r.detail}" for r in results)
            )

        self.ctx.tasks.submit(work, title=self.tr("Gửi thử"), on_result=done, on_error=self._error)

    def _leave(self) -> None:
        self.cancelled.emit()
