"""The shell: main window pages and status bar, and the background-task facility."""

from __future__ import annotations

import threading

import pytest

from matviet_desktop.ui.main_window import MainWindow
from matviet_desktop.ui.pages.registry import PAGES
from matviet_desktop.ui.tasks import CancelToken, Job, Progress, TaskRunner, TaskState


def test_main_window_opens_every_page_and_shows_database_and_role(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    for spec in PAGES:
        page = window.open_page(spec.key)
        assert window.stack.currentWidget() is page
        assert window.rail.currentItem().data(256) == spec.key  # Qt.UserRole
    assert ctx.database.url.rsplit("/", 1)[1] in window.database_label.text()
    assert "Quản trị viên" in window.role_label.text()  # the test server user is a superuser
    window.close()


def test_task_delivers_result_and_progress_on_the_gui_thread(qtbot, themed_app) -> None:
    runner = TaskRunner()
    seen: list[Progress] = []
    gui_thread = threading.current_thread()
    threads: list[threading.Thread] = []

    def work(job: Job) -> int:
        threads.append(threading.current_thread())
        job.progress(1, 1, "xong")
        return 42

    task = runner.submit(work, title="t", on_progress=seen.append)
    qtbot.waitUntil(lambda: not runner.active_tasks, timeout=5000)
    assert task.state == TaskState.DONE
    assert threads[0] is not gui_thread
    assert seen and seen[-1].fraction == 1.0 and seen[-1].message == "xong"
    runner.shutdown()


def test_task_error_is_reported_not_raised(qtbot, themed_app) -> None:
    runner = TaskRunner()
    errors = []

    def work(job: Job) -> None:
        raise ValueError("hỏng")

    task = runner.submit(work, title="t", on_error=errors.append)
    qtbot.waitUntil(lambda: not runner.active_tasks, timeout=5000)
    assert task.state == TaskState.FAILED
    assert isinstance(errors[0].exception, ValueError)
    assert "hỏng" in errors[0].details
    runner.shutdown()


def test_new_task_with_same_key_cancels_the_previous_one(qtbot, themed_app) -> None:
    runner = TaskRunner()
    started = threading.Event()
    results: list[str] = []

    def slow(job: Job) -> str:
        started.set()
        job.cancel.wait(10)  # returns as soon as cancel is requested
        job.cancel.raise_if_cancelled()
        return "slow"

    first = runner.submit(slow, title="a", key="search", on_result=results.append)
    assert started.wait(5)
    runner.submit(lambda job: "fast", title="b", key="search", on_result=results.append)
    qtbot.waitUntil(lambda: not runner.active_tasks, timeout=5000)
    assert first.state == TaskState.CANCELLED
    assert results == ["fast"]
    runner.shutdown()


@pytest.mark.parametrize("style", ["is_set", "cancelled", "call"])
def test_cancel_token_speaks_every_polling_style(style: str) -> None:
    token = CancelToken()
    probe = {"is_set": token.is_set, "cancelled": lambda: token.cancelled, "call": token}[style]
    assert not probe()
    token.cancel()
    assert probe()
