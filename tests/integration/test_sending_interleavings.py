"""Deterministic interleavings (research §6.3 test 13): two connections driven step by step."""

from __future__ import annotations

import uuid

from matviet_desktop.core.sending import outbox
from tests.integration.sending_support import connect, make_campaign

LEASE = dict(limit=5, lease_s=60.0, prefix="t-")


def test_an_uncommitted_claim_makes_the_other_claim_disjoint(engine, db_url) -> None:
    cid = make_campaign(engine, 8)
    with connect(db_url) as a, connect(db_url) as b:
        with a.transaction():
            first = outbox.claim(a, cid, worker=uuid.uuid4(), **LEASE)
            with b.transaction():
                second = outbox.claim(b, cid, worker=uuid.uuid4(), **LEASE)
        ids_a = {t.id for t in first.targets}
        ids_b = {t.id for t in second.targets}
    assert len(ids_a) == 5 and len(ids_b) == 3 and not ids_a & ids_b


def test_a_rolled_back_claim_leaves_the_rows_claimable(engine, db_url) -> None:
    cid = make_campaign(engine, 3)
    with connect(db_url) as a:
        a.execute("BEGIN")
        outbox.claim(a, cid, worker=uuid.uuid4(), **LEASE)
        a.execute("ROLLBACK")
        with a.transaction():
            again = outbox.claim(a, cid, worker=uuid.uuid4(), **LEASE)
    assert len(again.targets) == 3 and all(t.attempts == 1 for t in again.targets)


def test_rescue_racing_a_finalize_ends_in_exactly_one_outcome(engine, db_url) -> None:
    cid = make_campaign(engine, 1)
    worker = uuid.uuid4()
    with connect(db_url) as a, connect(db_url) as b:
        with a.transaction():
            claim = outbox.claim(
                a, cid, worker=worker, limit=1, lease_s=0.0, prefix="t-"
            )  # lease already over
        target = claim.targets[0]
        a.execute("BEGIN")
        changed = outbox.finalize(
            a,
            claim.token,
            [
                outbox.Outcome(
                    target.id, outbox.Finish("accepted", "100"), "accepted", target.first_attempt_at
                )
            ],
            worker=worker,
            channel="sms",
        )
        # The rescuer blocks on the row lock held by the finalizer; after the commit it finds
        # nothing to rescue (status is no longer 'sending').
        import threading

        result: dict[str, int] = {}
        rescuer = threading.Thread(target=lambda: result.update(_rescue(b)))
        rescuer.start()
        a.execute("COMMIT")
        rescuer.join(timeout=30)
        row = a.execute(
            "SELECT status, lease_token FROM campaign_targets WHERE id = %s", (target.id,)
        ).fetchone()
    assert changed == {target.id}
    assert result["expired_leases"] == 0
    assert row == ("accepted", None)


def _rescue(conn) -> dict[str, int]:
    with conn.transaction():
        return outbox.rescue(conn, dedup_window_s=20 * 3600)


def test_a_finalize_after_the_rescue_changes_nothing(engine, db_url) -> None:
    cid = make_campaign(engine, 1)
    worker = uuid.uuid4()
    with connect(db_url) as a:
        with a.transaction():
            claim = outbox.claim(a, cid, worker=worker, limit=1, lease_s=0.0, prefix="t-")
        with a.transaction():
            assert outbox.rescue(a, dedup_window_s=20 * 3600)["expired_leases"] == 1
        target = claim.targets[0]
        with a.transaction():
            changed = outbox.finalize(
                a,
                claim.token,
                [
                    outbox.Outcome(
                        target.id, outbox.Finish("accepted", "100"), "accepted", target.first_attempt_at
                    )
                ],
                worker=worker,
                channel="sms",
            )
        row = a.execute("SELECT status FROM campaign_targets WHERE id = %s", (target.id,)).fetchone()
        audit = a.execute("SELECT outcome FROM send_attempts").fetchall()
    assert changed == set() and row == ("retry_wait",) and audit == [("lost_lease",)]
