"""Desktop UI figures on a large database (offscreen Qt, real PostgreSQL).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python bench/bench_ui.py \
        --database-url postgresql+psycopg://postgres@127.0.0.1:55432/bench_ui [--no-scoring] \
        [--scoring-in process|thread]

Measures, through the real widgets and the background-task facility:
  1. time to first rows of the customer list (page shown → first page on screen), cold and warm;
  2. scrolling: time per further keyset page;
  3. search latency (query → first page), for phones typed with spaces and name searches; the
     typed path adds the 250 ms debounce on top;
  4. the longest GUI-thread stall while `score_all` runs in the background and the user keeps
     searching: a 10 ms QTimer records how late each tick fires. Scoring runs in a child process
     as in the app (`--scoring-in thread` for the old in-process worker thread, to compare).
Prints a Markdown table. Numbers are wall-clock on whatever machine runs it (noisy when shared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import threading
import time
import traceback
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from matviet_desktop.core.connection import ResolvedDatabase
from matviet_desktop.core.connection_check import probe
from matviet_desktop.core.customers.queries import CustomerFilter, SortKey
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.ui.app import settle_startup_objects
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.customers.page import CustomersPage
from matviet_desktop.ui.resources import apply_theme
from matviet_desktop.ui.tasks import TaskRunner


def wait_until(condition: Callable[[], bool], timeout_s: float = 120.0) -> float:
    """Run the event loop until `condition()`; returns the seconds waited."""
    start = time.perf_counter()
    loop = QEventLoop()
    while not condition():
        if time.perf_counter() - start > timeout_s:
            raise TimeoutError("condition not reached")
        QTimer.singleShot(1, loop.quit)
        loop.exec()
    return time.perf_counter() - start


class StallMeter:
    """A 10 ms timer on the GUI thread; a late tick means the GUI thread was busy that long."""

    def __init__(self, interval_ms: int = 10) -> None:
        self.interval = interval_ms
        self.late_ms: list[float] = []
        self.worst_at_s = 0.0  # seconds after start() of the worst tick, to match with progress
        self.long_ticks: list[tuple[float, float]] = []  # (seconds after start, ms late) >= 100 ms
        self.samples: list[tuple[float, list[str]]] = []  # (GUI silent for s, other threads' stacks)
        self.last_tick = 0.0
        self.running = False
        self.clock = QElapsedTimer()
        self.since_start = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.late_ms.clear()
        self.running = True
        self.clock.start()
        self.since_start.start()
        self.timer.start()

    def stop(self) -> None:
        self.running = False
        self.timer.stop()

    def summary(self) -> str:
        late = sorted(self.late_ms)
        if not late:
            return "no ticks"
        p99 = late[int(len(late) * 0.99)]
        over = sum(1 for v in late if v >= 100)
        worst = ", ".join(f"{v:.0f}" for v in late[-5:][::-1])
        return f"{late[-1]:.0f} ms max (p99 {p99:.0f} ms, {over} of {len(late)} ticks >= 100 ms; worst {worst} ms)"

    def diagnose(self, threshold_s: float = 0.15) -> None:
        """Sample every thread's stack whenever the GUI thread has not ticked for `threshold_s`:
        what the other threads were doing is usually why (this is how an import under the GIL at
        the end of each scoring run was found)."""
        gui = threading.get_ident()
        self.last_tick = time.perf_counter()

        def watch() -> None:
            while self.running:
                time.sleep(0.02)
                gap = time.perf_counter() - self.last_tick
                if gap > threshold_s and len(self.samples) < 5:
                    stacks = {
                        t: "".join(traceback.format_stack(f)[-6:]) for t, f in sys._current_frames().items()
                    }
                    others = [st for t, st in stacks.items() if t not in (gui, threading.get_ident())]
                    self.samples.append((gap, others))

        threading.Thread(target=watch, daemon=True).start()

    def _tick(self) -> None:
        self.last_tick = time.perf_counter()
        elapsed = self.clock.restart()
        late = max(0.0, elapsed - self.interval)
        if not self.late_ms or late > max(self.late_ms):
            self.worst_at_s = self.since_start.elapsed() / 1000.0
        if late >= 100:
            self.long_ticks.append((self.since_start.elapsed() / 1000.0, late))
        self.late_ms.append(late)


class GcPauses:
    """Times the GUI process's own garbage collections (a full collection also stops the GUI)."""

    def __init__(self) -> None:
        self.pauses_ms: list[float] = []
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses_ms.append((time.perf_counter() - self._started) * 1000)

    def stop(self) -> None:
        gc.callbacks.remove(self._callback)

    def summary(self) -> str:
        worst = max(self.pauses_ms, default=0.0)
        return f"GC in the GUI process: {len(self.pauses_ms)} collections, longest {worst:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="postgresql+psycopg://postgres@127.0.0.1:55432/bench_ui")
    parser.add_argument(
        "--baseline-s", type=float, default=60.0, help="seconds of searching without scoring, for comparison"
    )
    parser.add_argument("--no-scoring", action="store_true", help="skip the scoring-stall measurement")
    parser.add_argument(
        "--diagnose-stalls",
        action="store_true",
        help="print other threads' stacks when the GUI thread stalls",
    )
    parser.add_argument(
        "--idle-while-scoring",
        action="store_true",
        help="do not search while scoring (isolates the job's own effect)",
    )
    parser.add_argument(
        "--scoring-in",
        choices=("process", "thread"),
        default="process",
        help="run score_all in a child process (as the app does) or, for comparison, a worker thread",
    )
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    apply_theme(app)
    engine = make_engine(args.database_url)
    with engine.connect() as conn:
        customers = conn.execute(text("SELECT count(*) FROM customers")).scalar_one()
        phones = [
            r[0] for r in conn.execute(text("SELECT phone FROM customers WHERE phone IS NOT NULL LIMIT 3"))
        ]
    ctx = AppContext(
        ResolvedDatabase(args.database_url, "argument"),
        engine,
        TaskRunner(),
        probe(args.database_url),
        QSettings("MatViet", "MatVietDesktopBench"),
    )
    rows: list[tuple[str, str, str]] = []

    class Rows(list):  # prints each figure as soon as it is measured (scoring takes minutes)
        def append(self, row: tuple[str, str, str]) -> None:
            super().append(row)
            print(" | ".join(row), flush=True)

    rows = Rows()

    # 1. Time to first rows.
    page = CustomersPage(ctx)
    page.resize(1360, 860)
    page.show()
    settle_startup_objects()  # as the app does once its window is up
    model = page.list_view.table.model
    started = time.perf_counter()
    page.on_shown()
    first = wait_until(lambda: model.rowCount() > 0)
    wait_until(lambda: model.total is not None)
    total_s = time.perf_counter() - started
    rows.append(("Customer list: first rows on screen (cold)", "< 1 s", f"{first * 1000:.0f} ms"))
    rows.append(
        ("Customer list: exact total shown", "—", f"{total_s * 1000:.0f} ms ({customers:,} customers)")
    )
    warm = []
    for sort in (SortKey.LAST_PURCHASE, SortKey.NAME, SortKey.TOTAL_SPENT):
        model.set_query(CustomerFilter(), sort, descending=True, count=False)
        warm.append(wait_until(lambda: model.rowCount() > 0))
    rows.append(("Customer list: first rows, other sort orders (warm)", "< 1 s",
                 " / ".join(f"{w * 1000:.0f} ms" for w in warm)))  # fmt: skip

    # 2. Scrolling: further keyset pages.
    model.set_query(CustomerFilter(), SortKey.LAST_PURCHASE, descending=True, count=False)
    wait_until(lambda: model.rowCount() > 0)
    pages = []
    for _ in range(20):
        before = model.rowCount()
        model.fetchMore()
        pages.append(wait_until(lambda b=before: model.rowCount() > b))
    rows.append(("Scrolling: next page of 200 rows (median / max of 20)", "smooth (< 100 ms)",
                 f"{statistics.median(pages) * 1000:.0f} / {max(pages) * 1000:.0f} ms"))  # fmt: skip

    # 3. Search latency (query → first page; typing adds the 250 ms debounce).
    local = "0" + phones[0][3:]  # +84383411744 → 0383411744, typed as "0383 411 744"
    searches = [
        f"{local[:4]} {local[4:7]} {local[7:]}",
        "nguyen thi",
        "tran van minh",
        "le thi hoa",
        local[:4],
    ]
    for term in searches:
        model.set_query(CustomerFilter(search=term), count=False)
        took = wait_until(lambda: not model.is_loading)
        rows.append(
            (f"Search “{term}”: first page ({model.rowCount()} rows)", "< 300 ms", f"{took * 1000:.0f} ms")
        )

    # 4. GUI stall while the user keeps searching: first without scoring (the GUI's own baseline on
    #    this machine), then while scoring runs in the background.
    terms = ["nguyen", "tran thi", "0903", "pham van", "hoang"]
    if args.baseline_s > 0:
        meter = StallMeter()
        gc_pauses = GcPauses()
        meter.start()
        started = time.perf_counter()
        i = 0
        while time.perf_counter() - started < args.baseline_s:
            model.set_query(CustomerFilter(search=terms[i % len(terms)]), count=False)
            wait_until(lambda: not model.is_loading)
            i += 1
        meter.stop()
        gc_pauses.stop()
        rows.append((f"Longest GUI-thread stall, searching only, no scoring ({args.baseline_s:.0f} s)", "—",
                     f"{meter.summary()}, {i} searches; {gc_pauses.summary()}"))  # fmt: skip

    if not args.no_scoring:
        from matviet_desktop.core.scoring.jobs import run_scoring

        meter = StallMeter()
        gc_pauses = GcPauses()
        done: list[object] = []
        steps: list[tuple[float, str]] = []
        meter.start()
        if args.diagnose_stalls:
            meter.diagnose()
        scoring_started = time.perf_counter()
        if args.scoring_in == "process":  # what the app does: a child process, the GUI keeps its GIL
            ctx.tasks.submit_process(
                run_scoring,
                args.database_url,
                dt.datetime.now(dt.UTC),
                title="Chấm điểm",
                serial=True,
                on_result=done.append,
                on_error=done.append,
                on_progress=lambda pr: steps.append((time.perf_counter() - scoring_started, pr.message)),
            )
        else:  # the old way, for comparison: a worker thread of the GUI process
            from matviet_desktop.core.scoring.pipeline import score_all

            ctx.tasks.submit(
                lambda job: score_all(engine, dt.datetime.now(dt.UTC), job.progress, job.cancel),
                title="Chấm điểm",
                serial=True,
                on_result=done.append,
                on_error=done.append,
            )
        i = 0
        while not done:
            if args.idle_while_scoring:
                wait_until(lambda: bool(done), timeout_s=3600)
                continue
            model.set_query(CustomerFilter(search=terms[i % len(terms)]), count=False)
            wait_until(lambda: not model.is_loading or bool(done), timeout_s=3600)
            i += 1
        meter.stop()
        gc_pauses.stop()
        scoring_s = time.perf_counter() - scoring_started
        outcome = "ok" if not hasattr(done[0], "exception") else f"failed: {done[0].exception}"  # type: ignore[attr-defined]
        rows.append((f"Longest GUI-thread stall while score_all runs ({args.scoring_in})", "< 100 ms",
                     f"{meter.summary()}, {i} searches meanwhile; {gc_pauses.summary()}"))  # fmt: skip
        rows.append(("score_all on this database (background task)", "—", f"{scoring_s:.0f} s ({outcome})"))
        step = [label for at, label in steps if at <= meter.worst_at_s]
        print(f"worst tick at {meter.worst_at_s:.1f} s, during step: {step[-1] if step else '(start)'}")
        print(f"ticks >= 100 ms (s, ms): {[(round(a, 1), round(b)) for a, b in meter.long_ticks]}")
        print(f"steps (s, label): {[(round(a, 1), m) for a, m in steps]}")
        for gap, others in meter.samples[:3]:
            print(f"--- GUI thread silent for {gap:.2f} s; other threads:")
            for stack in others:
                print(stack)

    print(f"\n{customers:,} customers — {args.database_url.rsplit('@', 1)[-1]}\n")
    print("| What | Target | Measured |")
    print("|---|---|---|")
    for what, target, measured in rows:
        print(f"| {what} | {target} | {measured} |")
    ctx.tasks.shutdown(60_000)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
