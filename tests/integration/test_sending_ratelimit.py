"""The rate limit is per provider account and shared by every worker (research §6.3 test 12)."""

from __future__ import annotations

import bisect

from tests.integration.sending_support import (
    assert_complete,
    assert_exactly_once,
    connect,
    fake_esms,
    make_campaign,
    run_threads,
)


def test_four_workers_share_one_rate(engine, db_url) -> None:
    cid = make_campaign(engine, 240)
    rate = 40.0
    with fake_esms() as provider:
        run_threads(db_url, provider, 4, cid, rate_per_s=rate, batch_size=10)
        times = sorted(provider.esms.request_times)
        assert_exactly_once(db_url, cid, provider.esms)
    assert len(times) == 240
    assert (
        times[-1] - times[0] >= (240 - rate * 0.25) / rate * 0.95
    )  # no faster than the configured rate overall
    busiest = max(bisect.bisect_left(times, t + 1.0) - i for i, t in enumerate(times))
    assert busiest <= rate * 1.1 + 10  # any 1-second window: the rate, plus at most one take per worker
    assert_complete(db_url, cid)


def test_throttling_answers_slow_the_workers_down(engine, db_url) -> None:
    """The provider allows 30 requests/s while we are configured for 300/s: 160 answers halve
    each worker's pace (AIMD), the rows are retried without using attempts, nothing is lost."""
    cid = make_campaign(engine, 300)
    with fake_esms() as provider:
        provider.esms.faults.max_rps = 30
        stats = run_threads(db_url, provider, 2, cid, rate_per_s=300.0, batch_size=10)
        throttled = provider.esms.codes["160"]
        assert_exactly_once(db_url, cid, provider.esms)
    assert throttled > 0 and sum(s.throttled for s in stats) == throttled
    # Without back-off, 300/s against a 30/s ceiling would be refused ~9 times out of 10.
    assert throttled < 300
    with connect(db_url) as conn:
        assert conn.execute(
            "SELECT max(attempts) FROM campaign_targets WHERE campaign_id = %s", (cid,)
        ).fetchone() == (1,)
    assert_complete(db_url, cid)
