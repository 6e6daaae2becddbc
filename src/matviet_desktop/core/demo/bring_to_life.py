"""After seeding: score, build the built-in segments and attribute revenue, so that a newcomer's
first `--demo` start shows every screen with real numbers (Customer 360 metrics, segment sizes,
campaign revenue and ROI) instead of blanks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine

from matviet_desktop.core import attribution
from matviet_desktop.core import segments as seg
from matviet_desktop.core.scoring.pipeline import score_all

Progress = Callable[[float, str], None]


def bring_demo_to_life(engine: Engine, as_of: dt.datetime, progress: Progress | None = None) -> None:
    report = progress or (lambda _f, _m: None)
    report(0.0, "Đang chấm điểm khách hàng (RFM, vòng đời, CLV)…")
    score_all(engine, as_of, progress=lambda label, f: report(0.6 * f, label))
    report(0.6, "Đang tạo các phân khúc có sẵn…")
    seg.ensure_builtins(engine)
    seg.refresh_all(engine)
    report(0.9, "Đang quy doanh thu cho các chiến dịch…")
    attribution.refresh(engine)
    report(1.0, "Dữ liệu mẫu đã sẵn sàng.")
