"""CPU-heavy jobs in a child process through the task facility: real scoring, cancel, errors.

Scoring runs in a 'spawn' child (core.scoring.jobs.run_scoring) against the test PostgreSQL; the
GUI side sees the same Task signals as for thread tasks.
"""

from __future__ import annotations

import multiprocessing
from typing import Any

import psycopg
import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.scoring.jobs import run_scoring
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.tasks import Progress, TaskError, TaskState
from tests.integration.scoring_data import AS_OF
from tests.integration.test_scoring_pipeline import shop  # noqa: F401 - the scoring tests' customers
from tests.ui import process_jobs

pytestmark = pytest.mark.slow  # each child process imports pandas/numpy/SQLAlchemy afresh (~2 s)

CHILD_TIMEOUT_MS = 90_000


def _scores(engine: Engine) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT c.id, sc.lifecycle_stage, sc.clv_tier, sc.engagement_score, c.order_count "
                    "FROM customers c LEFT JOIN customer_scores sc ON sc.customer_id = c.id ORDER BY c.id"
                )
            )
        ]


def test_scoring_in_a_child_process_reports_progress_and_scores_the_database(
    qtbot,
    ctx: AppContext,
    engine: Engine,
    db_url: str,
    shop: dict[str, Any],  # noqa: F811 - the imported fixture
) -> None:
    progress: list[Progress] = []
    results: list[Any] = []
    errors: list[TaskError] = []
    with qtbot.waitSignal(ctx.tasks.task_finished, timeout=CHILD_TIMEOUT_MS):
        task = ctx.tasks.submit_process(
            run_scoring,
            db_url,
            AS_OF,
            title="Chấm điểm",
            serial=True,
            on_progress=progress.append,
            on_result=results.append,
            on_error=errors.append,
        )
    assert not errors, errors[0].details if errors else ""
    assert task.state is TaskState.DONE
    assert progress and all(p.message for p in progress)  # the step labels crossed the pipe
    assert results[0].customers_scored == len(shop) + 32  # named customers and their look-alikes
    with engine.connect() as conn:
        unscored = conn.execute(
            text(
                "SELECT count(*) FROM customers c LEFT JOIN customer_scores sc ON sc.customer_id = c.id "
                "WHERE sc.lifecycle_stage IS NULL"
            )
        ).scalar_one()
        status = conn.execute(text("SELECT status FROM scoring_runs WHERE id = :i"), {"i": results[0].run_id})
        assert status.scalar_one() == "succeeded"
    assert unscored == 0


def test_cancel_terminates_a_stuck_child_and_leaves_the_database_unchanged(
    qtbot,
    ctx: AppContext,
    engine: Engine,
    db_url: str,
    shop: dict[str, Any],  # noqa: F811 - the imported fixture
) -> None:
    before = _scores(engine)
    outcomes: list[Any] = []
    # Hold scoring_runs locked so the child blocks in its very first statement and cannot poll
    # cancel: only termination after the grace period can stop it.
    blocker = psycopg.connect(db_url.replace("+psycopg", ""))
    # A separate autocommit session watches: pg_stat_activity is frozen within one transaction.
    monitor = psycopg.connect(db_url.replace("+psycopg", ""), autocommit=True)
    try:
        blocker.execute("LOCK TABLE scoring_runs IN ACCESS EXCLUSIVE MODE")
        task = ctx.tasks.submit_process(
            run_scoring, db_url, AS_OF, title="Chấm điểm", serial=True, grace_s=0.5,
            on_result=outcomes.append, on_error=outcomes.append,
        )  # fmt: skip
        qtbot.waitUntil(lambda: _waiting_on_lock(monitor) > 0, timeout=CHILD_TIMEOUT_MS)
        with qtbot.waitSignal(task.finished, timeout=20_000):
            task.cancel()
        assert task.state is TaskState.CANCELLED
        assert not outcomes
        assert not [p for p in multiprocessing.active_children() if p.name.startswith("matviet-job")]
        blocker.rollback()
        # The orphaned server session finds its client gone and rolls back.
        qtbot.waitUntil(lambda: _other_sessions(monitor) == 0, timeout=20_000)
        count = monitor.execute("SELECT count(*) FROM scoring_runs").fetchone()
    finally:
        blocker.close()
        monitor.close()
    assert count == (0,)
    assert _scores(engine) == before


def test_cooperative_cancel_stops_the_child_without_waiting_for_the_grace_period(
    qtbot, ctx: AppContext
) -> None:
    progress: list[Progress] = []
    task = ctx.tasks.submit_process(
        process_jobs.report_until_cancelled, title="Vòng lặp", grace_s=600, on_progress=progress.append
    )
    qtbot.waitUntil(lambda: bool(progress), timeout=CHILD_TIMEOUT_MS)
    with qtbot.waitSignal(task.finished, timeout=20_000):  # far less than the 600 s grace
        task.cancel()
    assert task.state is TaskState.CANCELLED
    assert progress[0].message.startswith("bước")


def test_an_error_in_the_child_reaches_on_error_with_its_message(qtbot, ctx: AppContext, db_url: str) -> None:
    errors: list[TaskError] = []
    with qtbot.waitSignal(ctx.tasks.task_finished, timeout=CHILD_TIMEOUT_MS):
        task = ctx.tasks.submit_process(
            run_scoring, db_url, AS_OF.replace(tzinfo=None), title="Chấm điểm", on_error=errors.append
        )
    assert task.state is TaskState.FAILED
    assert "múi giờ" in str(errors[0].exception)  # score_all's own Vietnamese message, not a pickle error
    assert "ValueError" in errors[0].details and "In the child process" in errors[0].details


def test_a_child_that_dies_is_reported_as_an_error(qtbot, ctx: AppContext) -> None:
    errors: list[TaskError] = []
    with qtbot.waitSignal(ctx.tasks.task_finished, timeout=CHILD_TIMEOUT_MS):
        ctx.tasks.submit_process(process_jobs.exit_abruptly, 3, title="Thoát", on_error=errors.append)
    assert "mã thoát 3" in str(errors[0].exception)


def test_the_database_url_never_reaches_the_child_command_line(qtbot, ctx: AppContext, db_url: str) -> None:
    secret_url = db_url.replace("postgres@", "postgres:s3cret-pw@")
    seen: list[str] = []

    def capture_cmdlines() -> bool:
        for child in multiprocessing.active_children():
            if child.name.startswith("matviet-job") and child.pid:
                try:
                    with open(f"/proc/{child.pid}/cmdline", "rb") as f:
                        cmdline = f.read().decode(errors="replace")
                except FileNotFoundError:  # an earlier job's child, reaped meanwhile
                    continue
                if cmdline:  # empty once the child is exiting (a zombie has no command line)
                    seen.append(cmdline)
        return bool(seen)

    with qtbot.waitSignal(ctx.tasks.task_finished, timeout=CHILD_TIMEOUT_MS):
        task = ctx.tasks.submit_process(
            process_jobs.report_until_cancelled, secret_url, title="Vòng lặp", grace_s=600,
            on_progress=lambda _p: capture_cmdlines() and task.cancel(),
        )  # fmt: skip
    assert seen and all("s3cret" not in cmd and "multiprocessing" in cmd for cmd in seen)


def _waiting_on_lock(conn: psycopg.Connection) -> int:
    row = conn.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'"
    ).fetchone()
    return int(row[0]) if row else 0


def _other_sessions(conn: psycopg.Connection) -> int:
    row = conn.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'"
    ).fetchone()
    return int(row[0]) if row else 0


def test_settings_score_now_button_scores_in_a_child_process(
    qtbot,
    ctx: AppContext,
    engine: Engine,
    shop: dict[str, Any],  # noqa: F811 - the imported fixture
) -> None:
    from matviet_desktop.ui.pages.settings.page import SettingsPage

    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    scoring = page.scoring
    with qtbot.waitSignal(ctx.tasks.task_finished, timeout=CHILD_TIMEOUT_MS):
        scoring.score_button.click()
        assert not scoring.score_button.isEnabled()  # no second run while one is going
    assert scoring.score_status.text() == f"Đã chấm điểm {len(shop) + 32} khách hàng."
    assert scoring.score_button.isEnabled()
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT count(*) FROM scoring_runs WHERE status = 'succeeded'")).scalar_one()
            == 1
        )


def test_the_scoring_result_unpickles_without_the_scoring_libraries() -> None:
    """The GUI process unpickles the child's result: that must not import pandas or scipy there."""
    import datetime as dt
    import pickle
    import subprocess
    import sys

    from matviet_desktop.core.scoring.jobs import ScoringSummary

    summary = ScoringSummary(
        7, dt.datetime(2026, 6, 1, tzinfo=dt.UTC), 40, {"clv_tier": {"vip": 2}}, {"total": 1.5}
    )
    script = (
        "import pickle, sys; r = pickle.loads(sys.stdin.buffer.read()); "
        "print(r.customers_scored, 'pandas' in sys.modules, 'scipy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], input=pickle.dumps(summary), capture_output=True, check=True
    ).stdout.decode()
    assert out.split() == ["40", "False", "False"]
