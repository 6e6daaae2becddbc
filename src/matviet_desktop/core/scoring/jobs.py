"""Scoring as a job for a child process: a top-level, picklable entry point with plain arguments.

`run_scoring(database_url, as_of, progress=, cancel=)` opens its own engine (an engine cannot
cross a process boundary), runs `score_all` and returns a `ScoringSummary`. Only `score_all`'s
public signature is used.

The pipeline (pandas, numpy, scipy) is imported inside the function, and the summary holds only
built-in types and is defined here: the GUI process unpickles the result, and unpickling the
pipeline's own `ScoringRunResult` made it import pandas and scipy on a worker thread at the end of
every run, holding the GIL for up to 0.8 s (measured with bench/bench_ui.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ScoringSummary:
    run_id: int
    as_of: dt.datetime
    customers_scored: int
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)


def run_scoring(
    database_url: str,
    as_of: dt.datetime | None = None,
    progress: Callable[[str, float], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ScoringSummary:
    from matviet_desktop.core.db.engine import make_engine
    from matviet_desktop.core.scoring.pipeline import score_all

    engine = make_engine(database_url)
    try:
        result = score_all(engine, as_of, progress=progress, cancel=cancel)
    finally:
        engine.dispose()
    return ScoringSummary(
        run_id=int(result.run_id),
        as_of=result.as_of,
        customers_scored=int(result.customers_scored),
        counts={k: {str(n): int(c) for n, c in v.items()} for k, v in result.counts.items()},
        timings={k: float(v) for k, v in result.timings.items()},
    )
