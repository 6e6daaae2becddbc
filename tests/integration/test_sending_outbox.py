"""The outbox against real PostgreSQL and the fake eSMS: claims, exactly-once, fencing."""

from __future__ import annotations

from collections import Counter

from tests.integration.sending_support import (
    assert_complete,
    assert_exactly_once,
    connect,
    fake_esms,
    make_campaign,
    run_threads,
)


def test_concurrent_workers_send_each_target_once(engine, db_url) -> None:
    cid = make_campaign(engine, 600)
    with fake_esms() as provider:
        stats = run_threads(db_url, provider, 4, cid, batch_size=10, rate_per_s=5000)
        assert sum(s.accepted for s in stats) == 600
        # Each worker got a share (the claims really were concurrent) and no request was repeated.
        assert sum(1 for s in stats if s.claimed) >= 2
        assert sum(provider.esms.raw.values()) == 600
        assert set(provider.esms.raw.values()) == {1}
        assert_exactly_once(db_url, cid, provider.esms)
    counts = assert_complete(db_url, cid)
    assert counts == {"accepted": 600}
    with connect(db_url) as conn:
        attempts = Counter(
            r[0] for r in conn.execute("SELECT attempts FROM campaign_targets WHERE campaign_id = %s", (cid,))
        )
        audit = conn.execute("SELECT count(*), count(DISTINCT target_id) FROM send_attempts").fetchone()
        sent = conn.execute(
            "SELECT count(*) FROM customer_engagements WHERE engagement_type = 'campaign_sent'"
        ).fetchone()
        status = conn.execute("SELECT status FROM campaigns WHERE id = %s", (cid,)).fetchone()
    assert attempts == {1: 600}
    assert audit == (600, 600)
    assert sent == (600,)
    assert status == ("completed",)
