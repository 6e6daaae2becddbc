"""Runs the core send engine for campaigns in background tasks of the app.

One task per campaign drives `SendEngine.run(campaign, until_idle=True)` until the campaign is
completed, paused or cancelled (by this or any other workstation). Stopping the task stops the
engine between batches; whatever it had claimed is finalised or left to lease expiry, so nothing
stays half-claimed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from matviet_desktop.core.campaigns import service
from matviet_desktop.core.sending.engine import EngineConfig, SendEngine
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.tasks import Job, Task, TaskError

ChannelFactory = Callable[[str], Any]


class SendingController(QObject):
    """The campaigns this app instance is sending.

    Signals:
        changed(): a campaign started or stopped sending here.
        finished(object, str): (campaign id, final status) when a send task ended.
        failed(object, str): (campaign id, message) when the engine stopped on an error.
    """

    changed = Signal()
    finished = Signal(object, str)
    failed = Signal(object, str)

    def __init__(
        self,
        ctx: AppContext,
        channel_factory: ChannelFactory | None = None,
        config: EngineConfig | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.channel_factory = channel_factory  # None: providers configured in Settings
        self.config = config or EngineConfig.from_env()
        self._tasks: dict[uuid.UUID, Task] = {}
        self._pause_on_stop: set[uuid.UUID] = set()

    def running(self) -> list[uuid.UUID]:
        return [cid for cid, task in self._tasks.items() if task.is_active]

    def is_running(self, campaign_id: uuid.UUID) -> bool:
        return campaign_id in self.running()

    def send(self, campaign_id: uuid.UUID, name: str = "") -> Task:
        """Start (or keep) sending `campaign_id` here; the campaign must be in status 'sending'."""
        if self.is_running(campaign_id):
            return self._tasks[campaign_id]
        db = self.ctx.engine
        url = db.url.render_as_string(hide_password=False)
        factory, config, pause_on_stop = self.channel_factory, self.config, self._pause_on_stop

        def work(job: Job) -> str:
            engine = SendEngine(url, config=config, channel_factory=factory)
            try:
                while not job.cancel.is_set():
                    engine.run(
                        campaign_id,
                        until_idle=True,
                        stop_event=job.cancel,
                        progress=lambda stats: job.progress(stats.accepted + stats.failed, None, ""),
                    )
                    if service.complete_if_done(db, campaign_id):
                        return "completed"
                    state = service.status(db, campaign_id).status
                    if state != "sending":
                        return state
                    job.cancel.wait(1.0)  # retries are due later: look again shortly
                if campaign_id in pause_on_stop:  # on the worker thread, never the GUI thread
                    service.pause(db, campaign_id, reason="Tạm dừng khi đóng ứng dụng")
                    return "paused"
                return "stopped"
            finally:
                engine.close()

        task = self.ctx.tasks.submit(
            work,
            title=self.tr("Gửi chiến dịch “%1”").replace("%1", name or str(campaign_id)[:8]),
            on_result=lambda state, cid=campaign_id: self._emit(self.finished, cid, state),
            on_error=lambda err, cid=campaign_id: self._failed(cid, err),
            on_finished=lambda: self._emit(self.changed),
        )
        self._tasks[campaign_id] = task
        self.changed.emit()
        return task

    def _emit(self, signal: Any, *args: Any) -> None:
        # A send task can outlive the page that started it (window closed, test teardown).
        if isValid(self):
            signal.emit(*args)

    def _failed(self, campaign_id: uuid.UUID, error: TaskError) -> None:
        self._emit(self.failed, campaign_id, str(error.exception))

    def stop(self, campaign_id: uuid.UUID) -> None:
        task = self._tasks.get(campaign_id)
        if task is not None:
            task.cancel()

    def stop_all(self, *, pause: bool) -> None:
        """Stop every local sender; with `pause`, also pause the campaigns for all workstations."""
        for cid in self.running():
            if pause:
                self._pause_on_stop.add(cid)
            self.stop(cid)
