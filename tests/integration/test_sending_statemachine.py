"""Property-based state machine over the outbox (research §6.3 test 18): random claim, finalize,
release, lease expiry, rescue and crash steps against the real database."""

from __future__ import annotations

import datetime as dt
import uuid

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from matviet_desktop.core.sending import outbox
from tests.integration.sending_support import connect, make_campaign

TERMINAL = set(outbox.TERMINAL)
FINISHES = {
    "accepted": outbox.Finish("accepted", "100"),
    "failed": outbox.Finish("failed", "108", "permanent", "sai số"),
    "retry": outbox.Finish("retry_wait", "HTTP500", "transient", "lỗi máy chủ"),
    "throttle": outbox.Finish("retry_wait", "160", "throttle", "quá nhanh", refund_attempt=True),
}


def test_outbox_state_machine(engine, db_url) -> None:
    counter = iter(range(0, 10_000_000, 1000))

    class Outbox(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.cid = make_campaign(engine, 6, max_attempts=3, first=next(counter))
            self.conn = connect(db_url)
            self.claims: list[outbox.Claim] = []
            self.terminal: dict[uuid.UUID, str] = {}

        def teardown(self) -> None:
            self.conn.close()

        def _tx(self, fn):
            with self.conn.transaction():
                return fn(self.conn)

        @rule(n=st.integers(1, 4))
        def claim(self, n: int) -> None:
            c = self._tx(
                lambda c: outbox.claim(c, self.cid, worker=uuid.uuid4(), limit=n, lease_s=60, prefix="sm-")
            )
            if c.targets:
                self.claims.append(c)

        @precondition(lambda self: self.claims)
        @rule(data=st.data(), kind=st.sampled_from(sorted(FINISHES)))
        def finalize(self, data: st.DataObject, kind: str) -> None:
            c = data.draw(st.sampled_from(self.claims))
            t = data.draw(st.sampled_from(c.targets))
            now = dt.datetime.now(dt.UTC)
            self._tx(
                lambda conn: outbox.finalize(
                    conn,
                    c.token,
                    [outbox.Outcome(t.id, FINISHES[kind], kind, now)],
                    worker=uuid.uuid4(),
                    channel="sms",
                )
            )

        @precondition(lambda self: self.claims)
        @rule(data=st.data())
        def release(self, data: st.DataObject) -> None:
            c = data.draw(st.sampled_from(self.claims))
            self._tx(lambda conn: outbox.release(conn, c.token, [t.id for t in c.targets]))

        @precondition(lambda self: self.claims)
        @rule(data=st.data())
        def lease_expires(self, data: st.DataObject) -> None:
            c = data.draw(st.sampled_from(self.claims))
            self._tx(
                lambda conn: conn.execute(
                    "UPDATE campaign_targets SET lease_until = now() - interval '1 second' WHERE lease_token = %s",
                    (c.token,),
                )
            )

        @rule()
        def rescue(self) -> None:
            self._tx(lambda conn: outbox.rescue(conn, dedup_window_s=20 * 3600))

        @precondition(lambda self: self.claims)
        @rule(data=st.data())
        def crash(self, data: st.DataObject) -> None:
            self.claims.remove(data.draw(st.sampled_from(self.claims)))  # its worker is gone

        @invariant()
        def consistent(self) -> None:
            rows = self.conn.execute(
                "SELECT id, status, attempts, max_attempts, lease_token FROM campaign_targets WHERE campaign_id = %s",
                (self.cid,),
            ).fetchall()
            for rid, status, attempts, max_attempts, token in rows:
                assert (status == "sending") == (token is not None)
                assert 0 <= attempts <= max_attempts
                if rid in self.terminal:
                    assert status == self.terminal[rid], "a terminal state changed"
                elif status in TERMINAL:
                    self.terminal[rid] = status
            accepted_twice = self.conn.execute(
                "SELECT target_id FROM send_attempts a JOIN campaign_targets t ON t.id = a.target_id "
                "WHERE t.campaign_id = %s AND a.outcome = 'accepted' GROUP BY target_id HAVING count(*) > 1",
                (self.cid,),
            ).fetchall()
            assert accepted_twice == []

    run_state_machine_as_test(
        Outbox,
        settings=settings(
            max_examples=15,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
