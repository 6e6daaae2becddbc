"""Run a CPU-heavy core job in a child process, so its numpy/pandas work never holds our GIL.

`run_in_child(fn, *args, progress=, cancel=)` starts a 'spawn' child (what Windows and a
PyInstaller build need; the frozen entry point calls `multiprocessing.freeze_support()`), sends
it the call over a pipe, relays the child's progress to `progress`, and returns the child's
result or raises its error. The caller's thread only waits on the pipe (a blocking wait releases
the GIL), so a GUI thread in the same process keeps running.

The job is a picklable top-level function `fn(*args, progress=..., cancel=...)` taking plain
arguments (a database URL, a date). The arguments travel through the pipe, never through argv,
so a password in the URL never shows up in a process listing.

Cancel: when `cancel()` turns true the child is asked to stop (its `cancel()` turns true, core code
polls it between steps); if it has not ended after `grace_s` it is terminated. A terminated child's
database connection closes, so PostgreSQL rolls its open transaction back: nothing half-done stays.
Qt-free: the desktop app's task facility wraps this (`TaskRunner.submit_process`).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import Any

# The child's cancel flag is a multiprocessing Event; progress is throttled to this many seconds
# between messages so a chatty core loop cannot flood the pipe.
PROGRESS_INTERVAL_S = 0.05
POLL_INTERVAL_S = 0.1
DEFAULT_GRACE_S = 5.0


class ChildJobCancelled(Exception):
    """The child stopped because cancel was requested (or was terminated after the grace period)."""


class ChildJobError(Exception):
    """The job raised in the child: `str()` is its message; the child's traceback rides along."""

    def __init__(self, message: str, remote_type: str = "", remote_traceback: str = "") -> None:
        super().__init__(message)
        self.remote_type = remote_type
        self.remote_traceback = remote_traceback


class _ChildCancel:
    """What the job sees as `cancel`: callable, and `is_set()`/`.cancelled` like the UI's token."""

    def __init__(self, event: Any) -> None:
        self._event = event

    def __call__(self) -> bool:
        return bool(self._event.is_set())

    def is_set(self) -> bool:
        return self()

    @property
    def cancelled(self) -> bool:
        return self()


def _lower_priority() -> None:
    """Background work yields the CPU to the app the user is looking at (best effort)."""
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(10)
    except (OSError, AttributeError):
        pass


def _child_main(conn: Connection, cancel_event: Any, fn: Callable[..., Any]) -> None:
    """Entry point of the child: receive the call, run it, send progress and the outcome."""
    _lower_priority()
    args, kwargs = conn.recv()
    cancel = _ChildCancel(cancel_event)
    last_sent = 0.0

    def progress(*p_args: Any, **p_kwargs: Any) -> None:
        nonlocal last_sent
        now = time.monotonic()
        final = any(isinstance(a, float) and a >= 1.0 for a in p_args)
        if now - last_sent < PROGRESS_INTERVAL_S and not final:
            return
        last_sent = now
        conn.send(("progress", p_args, p_kwargs))

    try:
        value = fn(*args, progress=progress, cancel=cancel, **kwargs)
    except BaseException as exc:  # everything goes back to the parent, even KeyboardInterrupt
        if cancel():
            conn.send(("cancelled", str(exc)))
        else:
            conn.send(("error", str(exc) or type(exc).__name__, type(exc).__name__, traceback.format_exc()))
    else:
        try:
            conn.send(("result", value))
        except Exception as exc:
            conn.send(
                ("error", f"Kết quả không gửi về được: {exc}", type(exc).__name__, traceback.format_exc())
            )
    finally:
        conn.close()


def run_in_child(
    fn: Callable[..., Any],
    *args: Any,
    progress: Callable[..., None] | None = None,
    cancel: Callable[[], bool] | None = None,
    grace_s: float = DEFAULT_GRACE_S,
    **kwargs: Any,
) -> Any:
    """Call `fn(*args, progress=, cancel=, **kwargs)` in a spawned child process and return its result.

    Raises `ChildJobCancelled` when cancelled, `ChildJobError` when the job raised or the child died.
    """
    ctx = multiprocessing.get_context("spawn")
    parent_conn, child_conn = ctx.Pipe(duplex=True)
    cancel_event = ctx.Event()
    process = ctx.Process(
        target=_child_main,
        args=(child_conn, cancel_event, fn),
        name=f"matviet-job-{getattr(fn, '__name__', 'job')}",
        daemon=True,
    )
    process.start()
    child_conn.close()  # the child holds its end; ours closing lets us see EOF if it dies
    try:
        parent_conn.send((args, kwargs))
        return _relay(process, parent_conn, cancel_event, progress, cancel, grace_s)
    finally:
        parent_conn.close()
        if process.is_alive():
            process.terminate()
        process.join(grace_s)
        process.close()


def _relay(
    process: Any,
    conn: Connection,
    cancel_event: Any,
    progress: Callable[..., None] | None,
    cancel: Callable[[], bool] | None,
    grace_s: float,
) -> Any:
    kill_at: float | None = None
    while True:
        if kill_at is None and cancel is not None and cancel():
            cancel_event.set()
            kill_at = time.monotonic() + grace_s
        if kill_at is not None and time.monotonic() >= kill_at:
            # The child did not stop in time (e.g. blocked in one long SQL statement). Terminating
            # it closes its connection and PostgreSQL rolls its open transaction back.
            process.terminate()
            raise ChildJobCancelled("Đã dừng tác vụ (tiến trình con bị kết thúc sau thời gian chờ).")
        # Blocks without the GIL until the child sends something, exits, or the poll interval ends.
        ready = wait([conn, process.sentinel], timeout=POLL_INTERVAL_S)
        if conn in ready:
            try:
                message = conn.recv()
            except EOFError:  # the child closed its end without a last word: it died
                message = None
            if message is not None:
                kind = message[0]
                if kind == "progress":
                    if progress is not None:
                        progress(*message[1], **message[2])
                    continue
                if kind == "result":
                    return message[1]
                if kind == "cancelled":
                    raise ChildJobCancelled(message[1] or "Đã huỷ.")
                if kind == "error":
                    raise ChildJobError(message[1], message[2], message[3])
        elif process.sentinel in ready:
            if conn.poll(0):
                continue  # exited: read what it sent last (or its EOF) on the next turn
        else:
            continue
        process.join(1.0)
        if kill_at is not None:
            raise ChildJobCancelled("Đã huỷ.")
        raise ChildJobError(
            f"Tiến trình con dừng bất thường (mã thoát {process.exitcode}) trước khi trả kết quả.",
            "ChildProcessError",
        )
