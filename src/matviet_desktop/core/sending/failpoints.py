"""Deterministic fault points for fault tests (research §6.2).

`MATVIET_FAILPOINTS=after_provider_ok:0.02,after_claim:0.01` makes `failpoint(name)` end the
process abruptly (`os._exit(137)`, like SIGKILL) with that probability.
`MATVIET_FAILPOINTS=in_finalize:stop` freezes the process (SIGSTOP to itself) the first time it
passes that point, as a stalled VM or a debugger would; the test resumes it with SIGCONT.
Unset, it does nothing.
"""

from __future__ import annotations

import os
import random
import signal
from functools import lru_cache

_stopped: set[str] = set()


@lru_cache(maxsize=1)
def _points() -> dict[str, str]:
    spec = os.environ.get("MATVIET_FAILPOINTS", "")
    points = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, _, action = item.partition(":")
        points[name] = action or "1.0"
    return points


def failpoint(name: str) -> None:
    action = _points().get(name)
    if action is None:
        return
    if action == "stop":
        if name not in _stopped:
            _stopped.add(name)
            os.kill(os.getpid(), signal.SIGSTOP)
        return
    if random.random() < float(action):
        os._exit(137)
