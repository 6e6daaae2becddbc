"""PySide6 6.12.0 drops a reference to True on every emit(); the app must survive any number."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from matviet_desktop.ui import qtcompat


class Emitter(QObject):
    changed = Signal(int)


def test_many_thousand_emits_do_not_exhaust_true(qapp) -> None:
    sender = Emitter()
    received: list[int] = []
    sender.changed.connect(received.append)
    for i in range(20_000):  # far more than True's natural reference count on Python 3.11
        sender.changed.emit(i)
    assert len(received) == 20_000
    if qtcompat.EMIT_LEAK_WORKAROUND:
        assert sys.getrefcount(True) > qtcompat.RESERVE // 2
