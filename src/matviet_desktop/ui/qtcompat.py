"""Work-around for a bug of the PySide6 release we ship with; imported by `matviet_desktop.ui`.

PySide6 6.12.0: `SignalInstance.emit()` returns `True` without taking a reference, so every
Python-side `emit()` — ours, pyqtgraph's, pytest-qt's — drops one reference to `True`. On Python
3.11 the interpreter then aborts with "bool_dealloc: deallocating True or False" after a few
hundred emits, i.e. minutes into a session. Python 3.12 made `True`/`False` immortal for exactly
this class of problem; on older Pythons we do the same by hand: measure the loss once, and if
there is one, give `True` 2**40 extra references (a singleton that is never freed anyway), which
no session can use up. Correct PySide6 releases or Python ≥ 3.12 measure no loss and change
nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 8
RESERVE = 1 << 40


class _Probe(QObject):
    ping = Signal()


def _measure_loss() -> int:
    """References to True lost by `_PROBES` emits (0 when PySide6 is correct)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()
    return before - sys.getrefcount(True)


def protect_true() -> bool:
    """Apply the work-around if this PySide6 needs it; returns whether it was applied."""
    lost = _measure_loss()
    if lost <= 0 or sys.version_info >= (3, 12):
        return False
    # ob_refcnt is the first field of every CPython object; True is a static singleton.
    refcount = ctypes.c_ssize_t.from_address(id(True))
    refcount.value += RESERVE + lost
    return True


EMIT_LEAK_WORKAROUND = protect_true()
