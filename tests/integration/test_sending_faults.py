"""Fault tests of the reliability note (§6.3) against real PostgreSQL and the fake eSMS:
SIGKILL storms (with and without provider de-duplication), lease loss with fencing, a
PostgreSQL crash, a black-holed database connection. The completeness invariant after each."""

from __future__ import annotations

import json
import random
import signal
import threading
import time
import uuid

import pytest

from tests.integration.pgproxy import PgProxy
from tests.integration.sending_support import (
    assert_complete,
    assert_exactly_once,
    connect,
    engine_for,
    fake_esms,
    make_campaign,
    run_threads,
    spawn_worker,
)

pytestmark = pytest.mark.slow

STORM_ENV = {
    "MATVIET_SEND_LEASE_S": "3",
    "MATVIET_SEND_RESCUE_INTERVAL_S": "0.5",
    "MATVIET_SEND_BACKOFF_BASE_S": "0.05",
    "MATVIET_SEND_BACKOFF_CAP_S": "0.2",
    "MATVIET_SEND_IDLE_POLL_S": "0.2",
    "MATVIET_SEND_RATE_PER_S": "5000",
    "MATVIET_SEND_BATCH_SIZE": "10",
}


def _open_rows(db_url: str, cid: uuid.UUID) -> int:
    with connect(db_url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM campaign_targets WHERE campaign_id = %s AND status IN ('pending','sending','retry_wait')",
            (cid,),
        ).fetchone()
    return int(row[0]) if row else 0


def _storm(db_url: str, provider, cid: uuid.UUID, *, workers: int = 4, max_kills: int = 8) -> int:
    """Kill a random worker every ~1 s and respawn it, with a 1 % crash between provider
    acceptance and the finalize commit; then let one clean worker finish. Returns kills."""
    rng = random.Random(11)
    failpoints = "after_provider_ok:0.01"
    procs = [
        spawn_worker(db_url, provider, cid, failpoints=failpoints, extra_env=STORM_ENV)
        for _ in range(workers)
    ]
    kills = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and _open_rows(db_url, cid) > 0:
        time.sleep(1.0)  # pacing of the storm, not synchronisation: the loop condition decides
        for i, p in enumerate(procs):
            if p.poll() is not None:  # exited (failpoint crash or idle): replace it
                procs[i] = spawn_worker(db_url, provider, cid, failpoints=failpoints, extra_env=STORM_ENV)
        if kills < max_kills:
            victim = rng.randrange(workers)
            procs[victim].kill()
            procs[victim].wait()
            kills += 1
            procs[victim] = spawn_worker(db_url, provider, cid, failpoints=failpoints, extra_env=STORM_ENV)
    for p in procs:
        p.kill()
        p.wait()
    final = spawn_worker(db_url, provider, cid, extra_env=STORM_ENV, capture=True)
    _, err = final.communicate(timeout=120)
    assert final.returncode == 0, err.decode()[-2000:]
    return kills


def test_sigkill_storm_with_crash_between_acceptance_and_commit(engine, db_url) -> None:
    cid = make_campaign(engine, 1000)
    with fake_esms() as provider:
        provider.esms.faults.latency_s = 0.03
        kills = _storm(db_url, provider, cid)
        assert kills >= 5
        counts = assert_complete(db_url, cid)
        assert counts == {"accepted": 1000}
        assert_exactly_once(db_url, cid, provider.esms)
        # Every repeated request was absorbed by the provider's RequestId de-duplication.
        repeats = sum(n - 1 for n in provider.esms.raw.values() if n > 1)
        assert repeats > 0, "the storm never hit the crash window"
        assert repeats == provider.esms.codes["124"]
    with connect(db_url) as conn:
        assert conn.execute("SELECT count(*) FROM campaign_targets WHERE status = 'sending'").fetchone() == (
            0,
        )


def test_same_storm_without_provider_dedup_shows_duplicates(engine, db_url) -> None:
    """Negative control: proves the storm really exercises the at-least-once window."""
    cid = make_campaign(engine, 600)
    with fake_esms() as provider:
        provider.esms.faults.latency_s = 0.03
        provider.esms.faults.dedup = False
        _storm(db_url, provider, cid)
        assert_complete(db_url, cid)
        assert len(provider.esms.duplicates()) >= 1


def _wait_until_stopped(proc, timeout_s: float = 30.0) -> None:
    """Poll /proc until the process reports state T (stopped by its own failpoint)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the worker exited before reaching its failpoint"
        with open(f"/proc/{proc.pid}/stat", encoding="ascii") as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "T":
                return
        time.sleep(0.02)
    raise AssertionError("the worker never reached its failpoint")


@pytest.mark.parametrize("freeze_at", ["after_provider_ok", "in_finalize"])
def test_lease_loss_is_fenced(engine, db_url, freeze_at) -> None:
    """A worker freezes (SIGSTOP) right after the provider accepted a message, or inside its
    finalize transaction holding the rows' locks; it outlives its lease and another worker
    completes its rows. When it wakes up its finalize changes nothing (audited as a lost lease)
    and it sends nothing more from the lost claim."""
    cid = make_campaign(engine, 40)
    with fake_esms() as provider:
        provider.esms.faults.latency_s = 0.05
        env = {
            **STORM_ENV,
            "MATVIET_SEND_LEASE_S": "2",
            "MATVIET_SEND_BATCH_SIZE": "20",
            "MATVIET_SEND_CONCURRENCY": "1",
            # The server ends the frozen session soon, releasing its row locks to the rescuer.
            "MATVIET_SEND_IDLE_TX_TIMEOUT_S": "1",
        }
        frozen = spawn_worker(
            db_url,
            provider,
            cid,
            failpoints=f"{freeze_at}:stop",
            extra_env=env,
            args=("--until-idle", "--json"),
            capture=True,
            cli=True,
        )
        try:
            _wait_until_stopped(frozen)
            rescuer = engine_for(db_url, provider, lease_s=2.0, batch_size=20, rate_per_s=5000)
            stats = rescuer.run(cid, until_idle=True)
            rescuer.close()
            assert stats.rescued >= 1
        finally:
            frozen.send_signal(signal.SIGCONT)
        out, err = frozen.communicate(timeout=60)
        assert frozen.returncode == 0, err.decode()[-2000:]
        first = json.loads(out)
        assert first["lost_lease"] >= 1
        assert_exactly_once(db_url, cid, provider.esms)
    assert assert_complete(db_url, cid) == {"accepted": 40}
    with connect(db_url) as conn:
        lost = conn.execute(
            "SELECT count(*) FROM send_attempts WHERE outcome = 'lost_lease' AND worker_id = %s",
            (first["worker_id"],),
        ).fetchone()
    assert lost and lost[0] >= 1


def test_postgres_crash_mid_run(engine, db_url, pg_server) -> None:
    if pg_server.cluster is None:
        pytest.skip("needs the throwaway cluster to restart it")
    cid = make_campaign(engine, 1500)
    with fake_esms() as provider:
        provider.esms.faults.latency_s = 0.02
        results = []
        worker_thread = threading.Thread(
            target=lambda: results.extend(
                run_threads(db_url, provider, 3, cid, rate_per_s=5000, lease_s=5.0, batch_size=10)
            )
        )
        worker_thread.start()
        for threshold in (300, 800):
            deadline = time.monotonic() + 60
            while provider.esms.total_accepted < threshold and time.monotonic() < deadline:
                time.sleep(0.05)
            pg_server.cluster.restart("immediate")
        worker_thread.join(timeout=180)
        assert not worker_thread.is_alive()
        assert sum(s.db_errors for s in results) >= 1
        assert_exactly_once(db_url, cid, provider.esms)
    assert assert_complete(db_url, cid) == {"accepted": 1500}


def test_black_holed_database_connection(engine, db_url) -> None:
    """Behind a proxy that swallows bytes, only the application deadline notices; the worker
    recovers after the heal and every target is sent once."""
    cid = make_campaign(engine, 400)
    with fake_esms() as provider, PgProxy.to(db_url) as proxy:
        provider.esms.faults.latency_s = 0.02
        worker = engine_for(
            proxy.url, provider, rate_per_s=5000, db_deadline_s=2.0, lease_s=20.0, batch_size=10
        )
        worker.session.connect_timeout_s = 2
        done = threading.Event()
        stats = []
        t = threading.Thread(target=lambda: (stats.append(worker.run(cid, until_idle=True)), done.set()))
        t.start()
        deadline = time.monotonic() + 30
        while provider.esms.total_accepted < 50 and time.monotonic() < deadline:
            time.sleep(0.02)
        proxy.blackhole()
        blackholed_at = time.monotonic()
        while worker.session.watchdog.fired == 0 and time.monotonic() - blackholed_at < 10:
            time.sleep(0.05)
        fired_after = time.monotonic() - blackholed_at
        proxy.heal()
        t.join(timeout=120)
        worker.close()
        assert done.is_set()
        assert worker.session.watchdog.fired >= 1
        assert fired_after <= 2.0 + 2.0  # deadline + the wait for the next DB call, on a loaded machine
        assert stats[0].db_errors >= 1
        assert_exactly_once(db_url, cid, provider.esms)
    assert assert_complete(db_url, cid) == {"accepted": 400}
