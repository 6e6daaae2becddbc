"""The one background-task facility of the app.

Every database or network call runs here, never on the GUI thread. A task is a plain function
that receives a `Job` (its progress callback and cancel token) and returns a value; core services
get `job.progress` and `job.cancel` as their `progress`/`cancel` arguments and never see Qt.
Results, errors and progress come back to the GUI thread through queued signals on `Task`.

Two pools, as in Picard: a general pool for queries, and a single-thread pool for writes that
must be serialised (imports, scoring, migrations). A task submitted with a `key` supersedes the
previous task with the same key (typing in a search box cancels the stale search).

CPU-heavy core jobs (scoring) go through `submit_process`: the job runs in a child process
(`core.process_job`) and a pool thread only waits on the pipe, so numpy/pandas holding the GIL
can no longer stall the GUI thread. Same Task, same signals.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)

from matviet_desktop.core.process_job import DEFAULT_GRACE_S, ChildJobCancelled, run_in_child

log = logging.getLogger(__name__)


class TaskCancelled(Exception):
    """Raised inside a task (by `CancelToken.raise_if_cancelled`) to stop it early."""


class CancelToken(threading.Event):
    """A thread-safe cancel flag core code can poll in several styles.

    `token.is_set()`, `token.cancelled`, `token()` and `bool(token.cancelled)` all answer
    "was cancel requested?", so core functions written against any of these conventions work.
    """

    @property
    def cancelled(self) -> bool:
        return self.is_set()

    def cancel(self) -> None:
        self.set()

    def __call__(self) -> bool:
        return self.is_set()

    def raise_if_cancelled(self) -> None:
        if self.is_set():
            raise TaskCancelled()


@dataclass(frozen=True)
class Progress:
    done: float
    total: float | None = None
    message: str = ""

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return max(0.0, min(1.0, self.done / self.total))


def _as_progress(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Progress:
    """Accept the progress shapes core code uses: (done, total, message), (fraction), a message, an object."""
    message = str(kwargs.pop("message", "") or "")
    if len(args) == 1 and not isinstance(args[0], int | float | str):
        obj = args[0]
        done = next((getattr(obj, n) for n in ("done", "sent", "current", "rows_read") if hasattr(obj, n)), 0)
        total = getattr(obj, "total", None)
        message = str(getattr(obj, "message", getattr(obj, "stage", message)) or "")
        return Progress(float(done or 0), float(total) if total else None, message)
    numbers = [a for a in args if isinstance(a, int | float) and not isinstance(a, bool)]
    texts = [a for a in args if isinstance(a, str)]
    message = message or (texts[0] if texts else "")
    done = kwargs.get("done", numbers[0] if numbers else 0)
    total = kwargs.get("total", numbers[1] if len(numbers) > 1 else None)
    if total is None and numbers and 0 <= numbers[0] <= 1 and isinstance(numbers[0], float):
        total = 1.0
    return Progress(float(done), float(total) if total else None, message)


class Job:
    """What a task function receives: `progress(...)` to report, `cancel` to poll."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self.cancel: CancelToken = task.cancel_token
        self._last_emit = 0.0

    def progress(self, *args: Any, **kwargs: Any) -> None:
        # Throttled to ~20 updates a second so a chatty core loop cannot flood the GUI thread.
        info = _as_progress(args, dict(kwargs))
        now = time.monotonic()
        if now - self._last_emit < 0.05 and (info.fraction or 0) < 1:
            return
        self._last_emit = now
        self._task.progress.emit(info)


class TaskState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class TaskError:
    exception: BaseException
    details: str  # formatted traceback, for logs and "copy details"


class Task(QObject):
    """A handle on one background function call, living on the GUI thread.

    Signals:
        progress(Progress): reported by the function through `job.progress`.
        result(object): the return value, when the function succeeded.
        error(TaskError): when the function raised (not emitted on cancel).
        cancelled(): when the task stopped because cancel was requested.
        finished(): always last, whatever the outcome.
    """

    progress = Signal(object)
    result = Signal(object)
    error = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, title: str, fn: Callable[[Job], Any], key: str | None = None) -> None:
        super().__init__()
        self.title = title
        self.fn = fn
        self.key = key
        self.cancel_token = CancelToken()
        self.state = TaskState.QUEUED
        self.last_progress: Progress | None = None
        self.started_at: float | None = None
        self.progress.connect(self._remember_progress)

    def _remember_progress(self, info: Progress) -> None:
        self.last_progress = info

    def cancel(self) -> None:
        self.cancel_token.cancel()

    @property
    def is_active(self) -> bool:
        return self.state in (TaskState.QUEUED, TaskState.RUNNING)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            self._run()
        except RuntimeError:
            # The Task was deleted (application shutting down): nobody is listening any more.
            log.debug("Task finished after its receiver was deleted", exc_info=True)

    def _run(self) -> None:
        task = self.task
        if task.cancel_token.is_set():
            task.state = TaskState.CANCELLED
            task.cancelled.emit()
            task.finished.emit()
            return
        task.state = TaskState.RUNNING
        task.started_at = time.monotonic()
        try:
            value = task.fn(Job(task))
        except BaseException as exc:
            if task.cancel_token.is_set() or isinstance(exc, TaskCancelled | ChildJobCancelled):
                task.state = TaskState.CANCELLED
                task.cancelled.emit()
            else:
                task.state = TaskState.FAILED
                details = traceback.format_exc()
                if remote := getattr(exc, "remote_traceback", ""):
                    details += "\nIn the child process:\n" + remote
                log.error("Task %r failed:\n%s", task.title, details)
                task.error.emit(TaskError(exc, details))
        else:
            if task.cancel_token.is_set():
                task.state = TaskState.CANCELLED
                task.cancelled.emit()
            else:
                task.state = TaskState.DONE
                task.result.emit(value)
        task.finished.emit()


class TaskRunner(QObject):
    """Starts tasks on the pools and keeps the list the task panel shows.

    Signals:
        task_started(Task): a task was submitted.
        task_finished(Task): a task ended (any outcome).
        active_count_changed(int): how many tasks are queued or running.
        unhandled_error(Task, TaskError): a task without its own error handler failed.
    """

    task_started = Signal(object)
    task_finished = Signal(object)
    unhandled_error = Signal(object, object)  # (Task, TaskError) for tasks submitted without on_error
    active_count_changed = Signal(int)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self.general_pool = QThreadPool(self)
        self.general_pool.setMaxThreadCount(max_threads)
        self.serial_pool = QThreadPool(self)
        self.serial_pool.setMaxThreadCount(1)
        self._active: list[Task] = []
        self._by_key: dict[str, Task] = {}
        # Finished tasks stay referenced a little longer so the last reference to a Task (a
        # QObject) is always dropped on the GUI thread, never by a worker thread still unwinding.
        self._retired: deque[Task] = deque(maxlen=64)
        self.model = TaskListModel(self)

    def submit(
        self,
        fn: Callable[[Job], Any],
        *,
        title: str,
        key: str | None = None,
        serial: bool = False,
        visible: bool = True,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[TaskError], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> Task:
        """Run `fn(job)` in the background; the callbacks run on the GUI thread."""
        if key is not None and (previous := self._by_key.get(key)) is not None:
            previous.cancel()
        # Python owns the Task (no Qt parent): it lives while someone holds it, and the
        # runner holds it until it finishes, so no queued signal can reach a deleted object.
        task = Task(title, fn, key)
        if on_result:
            task.result.connect(on_result)
        if on_error:
            task.error.connect(on_error)
        else:
            task.error.connect(lambda err, t=task: self.unhandled_error.emit(t, err))
        if on_progress:
            task.progress.connect(on_progress)
        if on_finished:
            task.finished.connect(on_finished)
        task.finished.connect(lambda t=task: self._on_finished(t))
        if key is not None:
            self._by_key[key] = task
        self._active.append(task)
        if visible:
            self.model.add(task)
        self.task_started.emit(task)
        self.active_count_changed.emit(len(self._active))
        (self.serial_pool if serial else self.general_pool).start(_Runnable(task))
        return task

    def submit_process(
        self,
        fn: Callable[..., Any],
        *args: Any,
        title: str,
        grace_s: float = DEFAULT_GRACE_S,
        **options: Any,
    ) -> Task:
        """Run a CPU-heavy core job `fn(*args, progress=, cancel=)` in a child process.

        `fn` must be a picklable top-level function taking plain arguments (a database URL, a
        date): it runs in a fresh 'spawn' process. Progress, result, error and cancel arrive as
        for `submit` (same keyword options); on cancel the child is asked to stop and terminated
        after `grace_s` seconds (its open transaction rolls back).
        """
        return self.submit(
            lambda job: run_in_child(fn, *args, progress=job.progress, cancel=job.cancel, grace_s=grace_s),
            title=title,
            **options,
        )

    def _on_finished(self, task: Task) -> None:
        if task in self._active:
            self._active.remove(task)
            self._retired.append(task)
        if task.key is not None and self._by_key.get(task.key) is task:
            del self._by_key[task.key]
        self.model.remove(task)
        self.task_finished.emit(task)
        self.active_count_changed.emit(len(self._active))

    @property
    def active_tasks(self) -> list[Task]:
        return list(self._active)

    def cancel_all(self) -> None:
        for task in self._active:
            task.cancel()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel everything and wait for the worker threads (called when the window closes)."""
        self.cancel_all()
        ok = self.general_pool.waitForDone(timeout_ms)
        return self.serial_pool.waitForDone(timeout_ms) and ok


class TaskListModel(QAbstractListModel):
    """The running tasks, for the task panel: display text, progress fraction, the Task object."""

    TaskRole = Qt.ItemDataRole.UserRole + 1
    FractionRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []

    def add(self, task: Task) -> None:
        row = len(self._tasks)
        self.beginInsertRows(QModelIndex(), row, row)
        self._tasks.append(task)
        self.endInsertRows()
        task.progress.connect(lambda _info, t=task: self._changed(t))

    def remove(self, task: Task) -> None:
        if task not in self._tasks:
            return
        row = self._tasks.index(task)
        self.beginRemoveRows(QModelIndex(), row, row)
        self._tasks.pop(row)
        self.endRemoveRows()

    def _changed(self, task: Task) -> None:
        if task in self._tasks:
            index = self.index(self._tasks.index(task))
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tasks)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        task = self._tasks[index.row()]
        progress = task.last_progress
        if role == Qt.ItemDataRole.DisplayRole:
            text = task.title
            if progress and progress.message:
                text += f" — {progress.message}"
            if progress and progress.fraction is not None:
                text += f" ({progress.fraction:.0%})"
            return text
        if role == self.TaskRole:
            return task
        if role == self.FractionRole:
            return progress.fraction if progress else None
        return None
