"""Error classes, poison row, graceful stop, two workstations, pause/resume/cancel, rescue
window — each followed by the completeness invariant."""

from __future__ import annotations

import threading
import time
import uuid

from sqlalchemy import text

from matviet_desktop.core.sending import control, outbox
from tests.integration.sending_support import (
    assert_complete,
    assert_exactly_once,
    connect,
    engine_for,
    fake_esms,
    make_campaign,
)


def _phone(i: int) -> str:
    return "090" + str(i).zfill(7)


def _targets(db_url: str, cid: uuid.UUID) -> dict[str, tuple]:
    with connect(db_url) as conn:
        rows = conn.execute(
            "SELECT phone, status, attempts, provider_code, failure_class, error_message, sent_at, finished_at "
            "FROM campaign_targets WHERE campaign_id = %s",
            (cid,),
        ).fetchall()
    return {"0" + r[0][3:]: r[1:] for r in rows}


def test_every_error_class(engine, db_url) -> None:
    cid = make_campaign(engine, 12, max_attempts=3)
    with fake_esms() as provider:
        f = provider.esms.faults
        f.script = {
            _phone(0): ["108"],  # permanent: wrong phone format
            _phone(1): ["99"],  # permanent: number blocked
            _phone(2): ["160", "160"],  # throttled twice: no attempt used
            _phone(3): ["500", "500"],  # server error (outcome unknown) twice, then fine
            _phone(4): ["500", "500", "500"],  # never succeeds within max_attempts
            _phone(5): ["DROP"],  # connection closed before any answer
        }
        f.accept_then_drop_phones = {_phone(6)}  # accepted, then the answer is lost
        worker = engine_for(db_url, provider, rate_per_s=1000)
        stats = worker.run(cid, until_idle=True)
        worker.close()
        t = _targets(db_url, cid)
        assert t[_phone(0)][:4] == ("failed", 1, "108", "permanent")
        assert t[_phone(1)][:4] == ("failed", 1, "99", "permanent")
        assert t[_phone(2)][:2] == ("accepted", 1) and stats.throttled >= 2
        assert t[_phone(3)][:3] == ("accepted", 3, "100")
        assert t[_phone(4)][:4] == ("failed", 3, "HTTP500", "transient")
        assert t[_phone(5)][:3] == ("accepted", 2, "100")
        assert t[_phone(6)][:3] == ("accepted", 2, "124")  # the retry was absorbed by RequestId
        assert all(t[_phone(i)][0] == "accepted" for i in range(7, 12))
        assert all(row[4] for row in t.values() if row[0] == "failed")  # a reason for every failure
        assert_exactly_once(db_url, cid, provider.esms)
    assert_complete(db_url, cid)


def test_account_error_pauses_campaign_without_using_attempts(engine, db_url) -> None:
    cid = make_campaign(engine, 30)
    with fake_esms() as provider:
        provider.esms.faults.account_code = "103"  # insufficient balance
        worker = engine_for(db_url, provider, rate_per_s=1000)
        worker.run(cid, until_idle=True)
        with connect(db_url) as conn:
            status, reason = conn.execute(
                "SELECT status, pause_reason FROM campaigns WHERE id = %s", (cid,)
            ).fetchone()
            attempts = conn.execute(
                "SELECT DISTINCT attempts, status FROM campaign_targets WHERE campaign_id = %s", (cid,)
            ).fetchall()
        assert status == "paused_error" and "103" in reason
        assert {a for a, _ in attempts} == {0}
        assert {s for _, s in attempts} <= {"pending", "retry_wait"}
        provider.esms.faults.account_code = None
        assert control.resume(engine, cid)
        worker.run(cid, until_idle=True)
        worker.close()
        assert_exactly_once(db_url, cid, provider.esms)
    assert assert_complete(db_url, cid) == {"accepted": 30}


def test_config_error_fails_the_row_and_pauses_the_campaign(engine, db_url) -> None:
    cid = make_campaign(engine, 10)
    with fake_esms() as provider:
        provider.esms.faults.code_for_phone = {_phone(i): "146" for i in range(10)}  # wrong CSKH template
        worker = engine_for(db_url, provider, rate_per_s=1000, concurrency=1)
        worker.run(cid, until_idle=True)
        worker.close()
    with connect(db_url) as conn:
        status, reason = conn.execute(
            "SELECT status, pause_reason FROM campaigns WHERE id = %s", (cid,)
        ).fetchone()
    counts = control.progress(engine, cid)
    assert status == "paused_error" and "146" in reason
    assert counts["failed"] >= 1 and counts["failed"] < 10  # stopped early instead of failing every row


def test_poison_row_fails_after_max_attempts_without_blocking_others(engine, db_url) -> None:
    cid = make_campaign(engine, 30, max_attempts=3)
    with fake_esms() as provider:
        provider.esms.faults.hang_phones = {_phone(5)}
        provider.esms.faults.hang_s = 1.5
        worker = engine_for(db_url, provider, rate_per_s=1000, concurrency=2)
        worker.channel_factory = provider.factory(timeout_s="0.5")
        worker.run(cid, until_idle=True)
        worker.close()
        assert provider.esms.raw_by_phone[_phone(5)] == 3
        assert_exactly_once(db_url, cid, provider.esms)
    t = _targets(db_url, cid)
    poison = t[_phone(5)]
    assert poison[:4] == ("failed", 3, "TIMEOUT", "transient")
    others = [row for phone, row in t.items() if phone != _phone(5)]
    assert all(row[0] == "accepted" for row in others)
    assert max(row[5] for row in others) < poison[6]  # the others did not wait for it
    assert_complete(db_url, cid)


def test_graceful_stop_finalizes_in_flight_and_releases_the_rest(engine, db_url) -> None:
    cid = make_campaign(engine, 60)
    with fake_esms() as provider:
        provider.esms.faults.latency_s = 0.1
        worker = engine_for(db_url, provider, rate_per_s=1000, concurrency=2, batch_size=20)
        stop = threading.Event()
        stats = []
        t = threading.Thread(target=lambda: stats.append(worker.run(cid, stop_event=stop)))
        t.start()
        deadline = time.monotonic() + 30
        while provider.esms.total_accepted < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        stop.set()
        t.join(timeout=30)
        assert not t.is_alive()
        counts = control.progress(engine, cid)
        assert "sending" not in counts
        assert stats[0].released > 0
        # Every request the provider accepted was finalized before the worker stopped.
        assert counts["accepted"] == provider.esms.total_accepted
        with connect(db_url) as conn:
            leftovers = conn.execute(
                "SELECT DISTINCT attempts FROM campaign_targets WHERE campaign_id = %s AND status <> 'accepted'",
                (cid,),
            ).fetchall()
        assert leftovers == [(0,)]  # released rows got their attempt back
        worker.run(cid, until_idle=True)
        worker.close()
        assert_exactly_once(db_url, cid, provider.esms)
    assert assert_complete(db_url, cid) == {"accepted": 60}


def test_two_workstations_start_the_same_campaign(engine, db_url) -> None:
    cid = make_campaign(engine, 300, status="draft")
    barrier = threading.Barrier(3)
    wins: list[bool] = []
    errors: list[BaseException] = []
    with fake_esms() as provider:

        def workstation() -> None:
            from matviet_desktop.core.db.engine import make_engine

            own = make_engine(db_url, pool_size=1)
            try:
                barrier.wait()
                wins.append(control.start(own, cid))
                worker = engine_for(db_url, provider, rate_per_s=2000, batch_size=10)
                worker.run(cid, until_idle=True)
                worker.close()
            except BaseException as exc:
                errors.append(exc)
            finally:
                own.dispose()

        threads = [threading.Thread(target=workstation) for _ in range(3)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=120)
        assert not errors, errors
        assert sorted(wins) == [False, False, True]
        assert_exactly_once(db_url, cid, provider.esms)
        assert sum(provider.esms.raw.values()) == 300
    assert assert_complete(db_url, cid) == {"accepted": 300}


def test_pause_resume_and_cancel_take_effect_within_seconds(engine, db_url) -> None:
    cid = make_campaign(engine, 400)
    with fake_esms() as provider:
        provider.esms.faults.latency_s = 0.03
        worker = engine_for(db_url, provider, rate_per_s=100, batch_size=10)
        stop = threading.Event()
        t = threading.Thread(target=lambda: worker.run(cid, stop_event=stop))
        t.start()
        try:
            deadline = time.monotonic() + 30
            while provider.esms.total_accepted < 20 and time.monotonic() < deadline:
                time.sleep(0.02)
            assert control.pause(engine, cid)
            paused_at = time.monotonic()
            while control.progress(engine, cid).get("sending") and time.monotonic() - paused_at < 10:
                time.sleep(0.05)
            assert time.monotonic() - paused_at < 3.0
            frozen = provider.esms.total_accepted
            time.sleep(1.0)  # an observation window: nothing may be sent while paused
            assert provider.esms.total_accepted == frozen
            assert control.resume(engine, cid)
            while provider.esms.total_accepted < frozen + 30 and time.monotonic() < deadline + 30:
                time.sleep(0.02)
            cancelled = control.cancel(engine, cid)
            cancelled_at = time.monotonic()
            assert cancelled > 0
            while control.progress(engine, cid).get("sending") and time.monotonic() - cancelled_at < 10:
                time.sleep(0.05)
            assert time.monotonic() - cancelled_at < 3.0
        finally:
            stop.set()
            t.join(timeout=30)
            worker.close()
        assert_exactly_once(db_url, cid, provider.esms)
    counts = assert_complete(db_url, cid)
    assert set(counts) == {"accepted", "cancelled"}
    assert counts["accepted"] == provider.esms.total_accepted


def test_rescue_respects_the_provider_dedup_window(engine, db_url) -> None:
    sms = make_campaign(engine, 2, campaign_type="sms")
    mail = make_campaign(engine, 1, campaign_type="email", first=10)
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE campaign_targets SET status = 'sending', lease_token = gen_random_uuid(), attempts = 1, "
                "lease_until = now() - interval '1 minute', first_attempt_at = now() - interval '1 hour'"
            )
        )
        conn.execute(
            text(
                "UPDATE campaign_targets SET first_attempt_at = now() - interval '21 hours' "
                "WHERE id = (SELECT min(id::text)::uuid FROM campaign_targets WHERE campaign_id = :c)"
            ),
            {"c": sms},
        )
    with connect(db_url) as conn:
        counts = outbox.rescue(conn, dedup_window_s=20 * 3600)
        rows = conn.execute(
            "SELECT campaign_id, status, failure_class, first_attempt_at < now() - interval '20 hours' "
            "FROM campaign_targets"
        ).fetchall()
    assert counts["expired_leases"] == 3
    for campaign_id, status, cls, old in rows:
        if campaign_id == mail:
            assert (status, cls) == ("in_doubt", "in_doubt")  # email: never resent automatically
        elif old:
            assert (status, cls) == ("in_doubt", "in_doubt")  # past the 24 h RequestId window (margin 4 h)
        else:
            assert (status, cls) == ("retry_wait", "transient")  # same RequestId, provider de-duplicates
