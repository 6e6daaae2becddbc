"""Scoring as a job for a child process: a top-level, picklable entry point with plain arguments.

`run_scoring(database_url, as_of, progress=, cancel=)` opens its own engine (an engine cannot
cross a process boundary), runs `score_all` and returns its `ScoringRunResult` (a plain
dataclass, so it pickles back to the parent). Only `score_all`'s public signature is used.

The pipeline (pandas, numpy, scipy) is imported inside the function: the GUI process imports this
module only to name the job, and should not load (and garbage-collect) those libraries for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matviet_desktop.core.scoring.pipeline import ScoringRunResult


def run_scoring(
    database_url: str,
    as_of: dt.datetime | None = None,
    progress: Callable[[str, float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ScoringRunResult:
    from matviet_desktop.core.db.engine import make_engine
    from matviet_desktop.core.scoring.pipeline import score_all

    engine = make_engine(database_url)
    try:
        return score_all(engine, as_of, progress=progress, cancel=cancel)
    finally:
        engine.dispose()
