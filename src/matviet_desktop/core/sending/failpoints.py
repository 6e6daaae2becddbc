"""Deterministic crash points for fault tests (research §6.2).

`MATVIET_FAILPOINTS=after_provider_ok:0.02,after_claim:0.01` makes `failpoint(name)` end the
process abruptly (`os._exit(137)`, like SIGKILL) with that probability. Unset, it does nothing.
"""

from __future__ import annotations

import os
import random
from functools import lru_cache


@lru_cache(maxsize=1)
def _points() -> dict[str, float]:
    spec = os.environ.get("MATVIET_FAILPOINTS", "")
    points = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, _, prob = item.partition(":")
        points[name] = float(prob or 1.0)
    return points


def failpoint(name: str) -> None:
    prob = _points().get(name)
    if prob and random.random() < prob:
        os._exit(137)
