"""The campaign's target rows are the queue (research §5.2).

claim → commit → provider call (no lock held) → fenced finalize. A claim takes a fresh lease
token and counts the attempt; only the holder of the token can finalize; the rescue moves rows
whose lease expired back to `retry_wait` while the provider still de-duplicates the RequestId,
else to `in_doubt`. Every function takes a psycopg connection inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import psycopg
from psycopg.rows import dict_row

from matviet_desktop.core.sending import compliance

OPEN = ("pending", "sending", "retry_wait")
TERMINAL = ("accepted", "delivered", "failed", "in_doubt", "cancelled", "excluded")
DEDUP_PROVIDERS = ("esms", "esms_zns")

_RETURNING = (
    "t.id, t.campaign_id, t.customer_id, t.phone, t.email, t.content, t.subject, t.template_data, "
    "t.request_id, t.attempts, t.max_attempts, t.first_attempt_at, t.batch_id"
)


@dataclass(frozen=True)
class Target:
    id: uuid.UUID
    campaign_id: uuid.UUID
    customer_id: uuid.UUID | None
    phone: str | None
    email: str | None
    content: str | None
    subject: str | None
    template_data: dict[str, Any] | None
    request_id: str
    attempts: int
    max_attempts: int
    first_attempt_at: dt.datetime
    batch_id: uuid.UUID | None


@dataclass(frozen=True)
class Claim:
    token: uuid.UUID
    targets: list[Target]
    excluded: int = 0
    batch_id: uuid.UUID | None = None
    batch_request_id: str | None = None
    batch_content: str | None = None


def _lock_candidates(
    conn: psycopg.Connection, campaign_id: uuid.UUID, limit: int, where: str = ""
) -> list[uuid.UUID]:
    rows = conn.execute(
        "SELECT id FROM campaign_targets WHERE campaign_id = %s AND status IN ('pending','retry_wait') "  # noqa: S608 - fixed SQL fragments; values are bound parameters
        f"AND next_attempt_at <= now() AND attempts < max_attempts {where} "
        "ORDER BY next_attempt_at LIMIT %s FOR UPDATE SKIP LOCKED",
        (campaign_id, limit),
    ).fetchall()
    return [r[0] for r in rows]


def _exclude(conn: psycopg.Connection, ids: list[uuid.UUID], channel: str) -> set[uuid.UUID]:
    reasons = conn.execute(compliance.exclusion_sql(), {"ids": ids, "channel": channel}).fetchall()
    excluded = [(rid, reason) for rid, reason in reasons if reason]
    for rid, reason in excluded:
        conn.execute(
            "UPDATE campaign_targets SET status = 'excluded', exclusion_reason = %s, failure_class = 'excluded', "
            "error_message = %s, finished_at = now() WHERE id = %s",
            (reason, compliance.EXCLUSION_REASONS[reason], rid),
        )
    return {rid for rid, _ in excluded}


def _lease(
    conn: psycopg.Connection,
    ids: list[uuid.UUID],
    worker: uuid.UUID,
    token: uuid.UUID,
    lease_s: float,
    prefix: str,
) -> list[Target]:
    rows = conn.cursor(row_factory=dict_row).execute(
        "UPDATE campaign_targets t SET status = 'sending', attempts = t.attempts + 1, "  # noqa: S608 - fixed SQL fragments; values are bound parameters
        "request_id = coalesce(t.request_id, %(prefix)s || replace(t.id::text, '-', '')), "
        "first_attempt_at = coalesce(t.first_attempt_at, now()), last_attempt_at = now(), "
        "lease_owner = %(w)s, lease_token = %(tok)s, lease_until = now() + make_interval(secs => %(lease)s) "
        f"WHERE t.id = ANY(%(ids)s) RETURNING {_RETURNING}",
        {"prefix": prefix, "w": worker, "tok": token, "lease": lease_s, "ids": ids},
    )
    return [Target(**r) for r in rows.fetchall()]


def claim(
    conn: psycopg.Connection,
    campaign_id: uuid.UUID,
    *,
    worker: uuid.UUID,
    limit: int,
    lease_s: float,
    prefix: str,
    advertising_channel: str | None = None,
) -> Claim:
    """Lease up to `limit` due targets. For advertising, ineligible rows are excluded first
    (consent, do-not-contact, frequency cap), under a lock that serialises the cap check."""
    token = uuid.uuid4()
    if advertising_channel:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('matviet-advertising-cap'))")
    ids = _lock_candidates(conn, campaign_id, limit)
    excluded: set[uuid.UUID] = set()
    if advertising_channel and ids:
        excluded = _exclude(conn, ids, advertising_channel)
    ids = [i for i in ids if i not in excluded]
    return Claim(token, _lease(conn, ids, worker, token, lease_s, prefix) if ids else [], len(excluded))


def claim_batch(
    conn: psycopg.Connection,
    campaign_id: uuid.UUID,
    *,
    worker: uuid.UUID,
    batch_size: int,
    lease_s: float,
    prefix: str,
    opt_out_text: str,
) -> Claim:
    """Advertising SMS: re-lease a frozen batch that is due again, else freeze a new one
    (members + RequestId + final content) before its first attempt."""
    token = uuid.uuid4()
    conn.execute("SELECT pg_advisory_xact_lock(hashtext('matviet-advertising-cap'))")
    due = conn.execute(
        "SELECT batch_id FROM campaign_targets WHERE campaign_id = %s AND status = 'retry_wait' "
        "AND batch_id IS NOT NULL AND next_attempt_at <= now() LIMIT 1",
        (campaign_id,),
    ).fetchone()
    if due:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM campaign_targets WHERE batch_id = %s AND status = 'retry_wait' FOR UPDATE SKIP LOCKED",
                (due[0],),
            ).fetchall()
        ]
        batch = conn.execute(
            "SELECT id, request_id, content FROM send_batches WHERE id = %s", (due[0],)
        ).fetchone()
        assert batch is not None
        targets = _lease(conn, ids, worker, token, lease_s, prefix)
        return Claim(token, targets, 0, batch[0], batch[1], batch[2])
    remaining = conn.execute(
        "SELECT count(*) FROM campaign_targets WHERE campaign_id = %s AND status IN ('pending','retry_wait') "
        "AND batch_id IS NULL",
        (campaign_id,),
    ).fetchone()
    left = int(remaining[0]) if remaining else 0
    if left == 0:
        return Claim(token, [])
    # Keep the last batch ≥ 30 numbers (eSMS code 107) by taking the tail into this one.
    size = left if left <= 5000 and left - batch_size < 30 else min(batch_size, 5000)
    ids = _lock_candidates(conn, campaign_id, size, "AND batch_id IS NULL")
    excluded = _exclude(conn, ids, "sms") if ids else set()
    ids = [i for i in ids if i not in excluded]
    if not ids:
        return Claim(token, [], len(excluded))
    body = conn.execute("SELECT content FROM campaign_targets WHERE id = %s", (ids[0],)).fetchone()
    content = compliance.advertising_sms(str(body[0] if body else ""), opt_out_text)
    batch_id, request_id = uuid.uuid4(), compliance.new_request_id(prefix + "b")[:50]
    conn.execute(
        "INSERT INTO send_batches (id, campaign_id, request_id, content, member_count) VALUES (%s, %s, %s, %s, %s)",
        (batch_id, campaign_id, request_id, content, len(ids)),
    )
    conn.execute("UPDATE campaign_targets SET batch_id = %s WHERE id = ANY(%s)", (batch_id, ids))
    targets = _lease(conn, ids, worker, token, lease_s, prefix)
    return Claim(token, targets, len(excluded), batch_id, request_id, content)


def renew(conn: psycopg.Connection, token: uuid.UUID, lease_s: float) -> int:
    cur = conn.execute(
        "UPDATE campaign_targets SET lease_until = now() + make_interval(secs => %s) "
        "WHERE lease_token = %s AND status = 'sending'",
        (lease_s, token),
    )
    return cur.rowcount


@dataclass(frozen=True)
class Finish:
    status: str  # accepted | failed | in_doubt | retry_wait
    code: str | None = None
    failure_class: str | None = None
    error: str | None = None
    provider_msg_id: str | None = None
    delay_s: float = 0.0
    refund_attempt: bool = False  # throttled/account: the attempt does not count
    cost: Decimal | None = None


@dataclass(frozen=True)
class Outcome:
    """One finished provider call for one target (a batch gives one per member)."""

    target_id: uuid.UUID
    finish: Finish
    outcome: str  # the provider outcome class, for the audit
    started_at: dt.datetime


def finalize(
    conn: psycopg.Connection,
    token: uuid.UUID,
    outcomes: list[Outcome],
    *,
    worker: uuid.UUID,
    channel: str,
    batch_id: uuid.UUID | None = None,
) -> set[uuid.UUID]:
    """Fenced and set-based: only rows still leased with `token` change. Returns the ids that
    did (missing ones = lost lease). Attempts are audited in the same transaction and accepted
    targets get their `campaign_sent` engagement."""
    if not outcomes:
        return set()
    f = [o.finish for o in outcomes]
    rows = conn.execute(
        "UPDATE campaign_targets t SET status = v.st, provider_code = v.code, failure_class = v.cls, "
        "provider_msg_id = coalesce(v.mid, t.provider_msg_id), error_message = v.err, cost = coalesce(v.cost, t.cost), "
        "attempts = t.attempts - v.refund, next_attempt_at = now() + make_interval(secs => v.delay), "
        "sent_at = CASE WHEN v.st = 'accepted' THEN now() ELSE t.sent_at END, "
        "finished_at = CASE WHEN v.st IN ('accepted','failed','in_doubt','cancelled') THEN now() END, "
        "lease_owner = NULL, lease_token = NULL, lease_until = NULL "
        "FROM unnest(%(ids)s::uuid[], %(st)s::varchar[], %(code)s::varchar[], %(cls)s::varchar[], %(mid)s::varchar[], "
        "            %(err)s::text[], %(cost)s::numeric[], %(refund)s::int[], %(delay)s::float8[]) "
        "     AS v(id, st, code, cls, mid, err, cost, refund, delay) "
        "WHERE t.id = v.id AND t.status = 'sending' AND t.lease_token = %(tok)s "
        "RETURNING t.id, t.customer_id, t.campaign_id, t.attempts + v.refund, v.st",
        {
            "ids": [o.target_id for o in outcomes],
            "st": [x.status for x in f],
            "code": [x.code for x in f],
            "cls": [x.failure_class for x in f],
            "mid": [x.provider_msg_id for x in f],
            "err": [x.error for x in f],
            "cost": [x.cost for x in f],
            "refund": [1 if x.refund_attempt else 0 for x in f],
            "delay": [x.delay_s for x in f],
            "tok": token,
        },
    ).fetchall()
    done = {r[0]: r for r in rows}
    by_id = {o.target_id: o for o in outcomes}
    audit = [
        (
            o.target_id,
            int(done[o.target_id][3]) if o.target_id in done else 0,
            o.started_at,
            o.outcome if o.target_id in done else "lost_lease",
            o.finish.code,
            o.finish.error,
        )
        for o in outcomes
    ]
    if batch_id is not None:
        # One provider call for the whole batch: one audit row.
        first = audit[0]
        conn.execute(
            "INSERT INTO send_attempts (batch_id, attempt_no, worker_id, lease_token, started_at, outcome, "
            "provider_code, error) VALUES (%s, (SELECT count(*) + 1 FROM send_attempts WHERE batch_id = %s), "
            "%s, %s, %s, %s, %s, %s)",
            (batch_id, batch_id, worker, token, first[2], first[3], first[4], first[5]),
        )
        accepted = [o for o in outcomes if o.target_id in done and o.finish.status == "accepted"]
        if accepted:
            conn.execute(
                "UPDATE send_batches SET provider_msg_id = %s, provider_code = %s WHERE id = %s",
                (accepted[0].finish.provider_msg_id, accepted[0].finish.code, batch_id),
            )
    else:
        conn.execute(
            "INSERT INTO send_attempts (target_id, attempt_no, worker_id, lease_token, started_at, outcome, "
            "provider_code, error) SELECT a.id, a.n, %(w)s, %(tok)s, a.started, a.outcome, a.code, a.err "
            "FROM unnest(%(ids)s::uuid[], %(n)s::int[], %(started)s::timestamptz[], %(outcome)s::varchar[], "
            "%(code)s::varchar[], %(err)s::text[]) AS a(id, n, started, outcome, code, err)",
            {
                "w": worker,
                "tok": token,
                "ids": [a[0] for a in audit],
                "n": [a[1] for a in audit],
                "started": [a[2] for a in audit],
                "outcome": [a[3] for a in audit],
                "code": [a[4] for a in audit],
                "err": [a[5] for a in audit],
            },
        )
    sent = [(r[1], r[2], str(r[0])) for r in rows if r[4] == "accepted" and r[1] is not None]
    if sent:
        conn.execute(
            "INSERT INTO customer_engagements (customer_id, engagement_type, channel, reference_id, metadata) "
            "SELECT s.customer_id, 'campaign_sent', %(ch)s, s.campaign_id, jsonb_build_object('target_id', s.target_id) "
            "FROM unnest(%(cust)s::uuid[], %(camp)s::uuid[], %(tid)s::text[]) AS s(customer_id, campaign_id, target_id)",
            {
                "ch": channel,
                "cust": [x[0] for x in sent],
                "camp": [x[1] for x in sent],
                "tid": [x[2] for x in sent],
            },
        )
    del by_id
    return set(done)


def release(
    conn: psycopg.Connection,
    token: uuid.UUID,
    ids: list[uuid.UUID],
    *,
    delay_s: float = 0.0,
    cancelled: bool = False,
) -> int:
    """Give back claimed rows that were never sent; their attempt does not count."""
    if cancelled:
        cur = conn.execute(
            "UPDATE campaign_targets SET status = 'cancelled', failure_class = 'cancelled', finished_at = now(), "
            "error_message = 'Chiến dịch đã bị hủy', attempts = attempts - 1, "
            "lease_owner = NULL, lease_token = NULL, lease_until = NULL "
            "WHERE id = ANY(%s) AND lease_token = %s AND status = 'sending'",
            (ids, token),
        )
        return cur.rowcount
    cur = conn.execute(
        "UPDATE campaign_targets SET status = 'retry_wait', attempts = attempts - 1, "
        "next_attempt_at = now() + make_interval(secs => %s), lease_owner = NULL, lease_token = NULL, "
        "lease_until = NULL WHERE id = ANY(%s) AND lease_token = %s AND status = 'sending'",
        (delay_s, ids, token),
    )
    return cur.rowcount


def rescue(conn: psycopg.Connection, *, dedup_window_s: float) -> dict[str, int]:
    """Idempotent housekeeping that any client may run at any time."""
    provider = "coalesce(c.provider, CASE c.campaign_type WHEN 'sms' THEN 'esms' WHEN 'zalo' THEN 'esms_zns' ELSE 'smtp' END)"
    dedup = (
        f"{provider} IN ('esms','esms_zns') AND now() - t.first_attempt_at < make_interval(secs => %(win)s)"
    )
    expired = conn.execute(
        "UPDATE campaign_targets t SET "  # noqa: S608 - fixed SQL fragments; values are bound parameters
        f"status = CASE WHEN {dedup} AND t.attempts < t.max_attempts THEN 'retry_wait' "
        f"              WHEN {dedup} THEN 'failed' ELSE 'in_doubt' END, "
        f"failure_class = CASE WHEN {dedup} THEN 'transient' ELSE 'in_doubt' END, "
        "error_message = CASE WHEN " + dedup + " AND t.attempts < t.max_attempts "
        "  THEN 'Hết hạn giữ chỗ: máy gửi coi như đã dừng, gửi lại với cùng RequestId' "
        "  WHEN " + dedup + " THEN 'Hết số lần thử sau khi máy gửi dừng đột ngột' "
        "  ELSE 'Không rõ đã gửi hay chưa (máy gửi dừng đột ngột): cần kiểm tra, không tự gửi lại' END, "
        "finished_at = CASE WHEN " + dedup + " AND t.attempts < t.max_attempts THEN NULL ELSE now() END, "
        "next_attempt_at = now(), lease_owner = NULL, lease_token = NULL, lease_until = NULL "
        "FROM campaigns c WHERE c.id = t.campaign_id AND t.status = 'sending' AND t.lease_until < now()",
        {"win": dedup_window_s},
    ).rowcount
    exhausted = conn.execute(
        "UPDATE campaign_targets SET status = 'failed', failure_class = 'transient', finished_at = now(), "
        "error_message = coalesce(error_message, 'Hết số lần thử') "
        "WHERE status = 'retry_wait' AND attempts >= max_attempts AND batch_id IS NULL"
    ).rowcount
    late = conn.execute(
        "UPDATE campaign_targets t SET status = 'failed', failure_class = 'expired', finished_at = now(), "
        "error_message = 'Quá hạn gửi của chiến dịch' FROM campaigns c "
        "WHERE c.id = t.campaign_id AND c.send_deadline < now() AND t.status IN ('pending','retry_wait')"
    ).rowcount
    cancelled = conn.execute(
        "UPDATE campaign_targets t SET status = 'cancelled', failure_class = 'cancelled', finished_at = now(), "
        "error_message = 'Chiến dịch đã bị hủy' FROM campaigns c "
        "WHERE c.id = t.campaign_id AND c.status = 'cancelled' AND t.status IN ('pending','retry_wait')"
    ).rowcount
    return {"expired_leases": expired, "exhausted": exhausted, "past_deadline": late, "cancelled": cancelled}


def complete_campaigns(conn: psycopg.Connection, campaign_id: uuid.UUID | None = None) -> list[uuid.UUID]:
    rows = conn.execute(
        "UPDATE campaigns c SET status = 'completed', completed_at = now(), updated_at = now() "
        "WHERE c.status = 'sending' AND (%(c)s::uuid IS NULL OR c.id = %(c)s) AND NOT EXISTS ("
        "  SELECT 1 FROM campaign_targets t WHERE t.campaign_id = c.id "
        "  AND t.status IN ('pending','sending','retry_wait')) RETURNING c.id",
        {"c": campaign_id},
    ).fetchall()
    return [r[0] for r in rows]


def status_counts(conn: psycopg.Connection, campaign_id: uuid.UUID) -> dict[str, int]:
    rows = conn.execute(
        "SELECT status, count(*) FROM campaign_targets WHERE campaign_id = %s GROUP BY status", (campaign_id,)
    ).fetchall()
    return {r[0]: int(r[1]) for r in rows}


def completeness_violations(conn: psycopg.Connection, campaign_id: uuid.UUID) -> list[str]:
    """Research §6.3 test 17: what breaks 'every target ends terminal with a reason'."""
    problems = []
    row = conn.execute(
        "SELECT count(*) FILTER (WHERE status IN ('pending','sending','retry_wait')), "
        "count(*) FILTER (WHERE status IN ('failed','in_doubt') AND (failure_class IS NULL OR error_message IS NULL "
        "OR error_message = '')), "
        "count(*) FILTER (WHERE status = 'excluded' AND exclusion_reason IS NULL), "
        "count(*) FILTER (WHERE (status = 'sending') <> (lease_token IS NOT NULL)), "
        "count(*) FILTER (WHERE attempts > max_attempts) "
        "FROM campaign_targets WHERE campaign_id = %s",
        (campaign_id,),
    ).fetchone()
    assert row is not None
    labels = (
        "open rows",
        "failed/in_doubt without reason",
        "excluded without reason",
        "lease mismatch",
        "attempts>max",
    )
    for label, n in zip(labels, row, strict=True):
        if n:
            problems.append(f"{n} {label}")
    return problems
