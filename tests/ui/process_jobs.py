"""Tiny top-level jobs for the child-process task tests (imported by the spawned child: no Qt here)."""

from __future__ import annotations

import os
from collections.abc import Callable


def report_until_cancelled(
    *_plain_args: object, progress: Callable[..., None], cancel: Callable[[], bool]
) -> str:
    """Keeps reporting progress until asked to stop, then stops on its own (cooperative cancel)."""
    step = 0
    while not cancel():
        step += 1
        progress(f"bước {step}", 0.5)
    raise RuntimeError("stopped on request")


def exit_abruptly(code: int, progress: Callable[..., None], cancel: Callable[[], bool]) -> None:
    """A child that dies without a word (a crash in C code looks like this)."""
    progress("sắp thoát", 0.1)
    os._exit(code)
