"""Delivery status by polling (a desktop has no public callback URL): accepted → delivered or
failed, `delivered_at`/`opened_at`/`clicked_at`, cost per message, `campaign_*` engagements;
and reconciliation of in-doubt eSMS sends against the provider's sent-message log.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

import psycopg
from sqlalchemy import Engine

from matviet_desktop.core.channels.base import Channel, DeliveryUpdate
from matviet_desktop.core.sending.deadline import DbSession
from matviet_desktop.core.sending.engine import DEFAULT_PROVIDER, database_url, default_channel_factory

PROVIDER_SQL = "coalesce(c.provider, CASE c.campaign_type WHEN 'sms' THEN 'esms' WHEN 'zalo' THEN 'esms_zns' ELSE 'smtp' END)"


def _phones(phone: str | None) -> list[str]:
    """Both stored forms of a Vietnamese mobile: +84… and 0…"""
    if not phone:
        return []
    digits = "".join(ch for ch in phone if ch.isdigit())
    national = "0" + digits[2:] if digits.startswith("84") and len(digits) == 11 else digits
    return [national, "+84" + national[1:]]


def _engagements(
    conn: psycopg.Connection, kind: str, rows: list[tuple[Any, ...]], channel_by_campaign: dict
) -> None:
    """rows: (target_id, customer_id, campaign_id, at)."""
    data = [r for r in rows if r[1] is not None]
    if not data:
        return
    conn.execute(
        "INSERT INTO customer_engagements (customer_id, engagement_type, channel, reference_id, metadata, created_at) "
        "SELECT s.cust, %(kind)s, s.ch, s.camp, jsonb_build_object('target_id', s.tid), coalesce(s.at, now()) "
        "FROM unnest(%(cust)s::uuid[], %(ch)s::varchar[], %(camp)s::uuid[], %(tid)s::text[], %(at)s::timestamptz[]) "
        "AS s(cust, ch, camp, tid, at)",
        {
            "kind": kind,
            "cust": [r[1] for r in data],
            "ch": [channel_by_campaign.get(r[2]) for r in data],
            "camp": [r[2] for r in data],
            "tid": [str(r[0]) for r in data],
            "at": [r[3] for r in data],
        },
    )


def _apply(conn: psycopg.Connection, *, updates: list[DeliveryUpdate], channels: dict) -> dict[str, int]:
    counts = {"delivered": 0, "failed": 0, "opened": 0, "clicked": 0, "opted_out": 0}
    for u in updates:
        match = "t.provider_msg_id = %(mid)s"
        params: dict[str, Any] = {"mid": u.provider_msg_id, "at": u.at, "cost": u.cost, "why": u.reason}
        if u.phone:
            match += " AND t.phone = ANY(%(phones)s)"
            params["phones"] = _phones(u.phone)
        if u.email:
            match += " AND lower(t.email) = lower(%(email)s)"
            params["email"] = u.email
        event = u.event or ("delivered" if u.delivered else "failed" if u.final else None)
        if event == "delivered":
            rows = conn.execute(
                "UPDATE campaign_targets t SET status = 'delivered', delivered_at = coalesce(%(at)s, now()), "  # noqa: S608 - fixed SQL fragments; values are bound parameters
                f"cost = coalesce(%(cost)s, t.cost) WHERE {match} AND t.status = 'accepted' "
                "RETURNING t.id, t.customer_id, t.campaign_id, t.delivered_at",
                params,
            ).fetchall()
            _engagements(conn, "campaign_delivered", rows, channels)
            counts["delivered"] += len(rows)
        elif event == "failed":
            rows = conn.execute(
                "UPDATE campaign_targets t SET status = 'failed', failure_class = 'undelivered', finished_at = now(), "  # noqa: S608 - fixed SQL fragments; values are bound parameters
                "error_message = coalesce(%(why)s, 'Nhà mạng báo không gửi được tới máy khách'), "
                f"cost = coalesce(%(cost)s, t.cost) WHERE {match} AND t.status = 'accepted' RETURNING t.id",
                params,
            ).fetchall()
            counts["failed"] += len(rows)
        elif event in ("opened", "clicked"):
            column = f"{event}_at"
            rows = conn.execute(
                f"UPDATE campaign_targets t SET {column} = coalesce(%(at)s, now()), "  # noqa: S608 - fixed names
                f"status = CASE WHEN t.status = 'accepted' THEN 'delivered' ELSE t.status END, "
                f"delivered_at = coalesce(t.delivered_at, %(at)s, now()) "
                f"WHERE {match} AND t.{column} IS NULL AND t.status IN ('accepted','delivered') "
                "RETURNING t.id, t.customer_id, t.campaign_id, t." + column,
                params,
            ).fetchall()
            _engagements(conn, f"campaign_{event}", rows, channels)
            counts[event] += len(rows)
        elif event in ("unsubscribed", "complained") and u.email:
            counts["opted_out"] += 1
    return counts


def poll_delivery(
    database: str | Engine,
    *,
    campaign_id: uuid.UUID | None = None,
    channel_factory: Callable[[str], Channel] | None = None,
    limit: int = 2000,
) -> dict[str, int]:
    """One polling pass over accepted messages (eSMS keeps status for 7 days). Returns counts."""
    url = database_url(database)
    factory = channel_factory or default_channel_factory(url)
    session = DbSession(url, application_name="matviet-delivery")
    totals: dict[str, int] = defaultdict(int)
    opt_outs: list[str] = []
    try:
        rows = session.run(
            lambda c: c.execute(
                f"SELECT DISTINCT {PROVIDER_SQL}, t.provider_msg_id, t.campaign_id, c.campaign_type "  # noqa: S608
                "FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id "
                "WHERE t.status IN ('accepted','delivered') AND t.provider_msg_id IS NOT NULL "
                "AND t.sent_at > now() - interval '7 days' AND (%(c)s::uuid IS NULL OR t.campaign_id = %(c)s) "
                "LIMIT %(n)s",
                {"c": campaign_id, "n": limit},
            ).fetchall()
        )
        by_provider: dict[str, list[str]] = defaultdict(list)
        channels = {}
        for provider, mid, camp, kind in rows:
            by_provider[provider].append(mid)
            channels[camp] = kind
        for provider, ids in by_provider.items():
            channel = factory(provider)
            try:
                updates = channel.poll(sorted(set(ids)))
            finally:
                channel.close()
            applied: dict[str, int] = session.run(partial(_apply, updates=updates, channels=channels))
            for key, n in applied.items():
                totals[key] += n
            opt_outs += [u.email for u in updates if u.event in ("unsubscribed", "complained") and u.email]
        session.run(lambda c: _refresh_costs(c, campaign_id))
    finally:
        session.close()
    if opt_outs:
        from matviet_desktop.core.db.engine import make_engine
        from matviet_desktop.core.sending.compliance import record_opt_out

        engine = make_engine(url, pool_size=1)
        try:
            for email in set(opt_outs):
                record_opt_out(engine, email=email, channel="email", source="mailgun")
        finally:
            engine.dispose()
    return {k: v for k, v in totals.items() if v}


def _refresh_costs(conn: psycopg.Connection, campaign_id: uuid.UUID | None) -> None:
    conn.execute(
        "UPDATE campaigns c SET total_cost = s.total, "
        "cost_per_message = CASE WHEN s.n > 0 THEN round(s.total / s.n, 4) END "
        "FROM (SELECT campaign_id, sum(cost) AS total, count(cost) AS n FROM campaign_targets "
        "      WHERE cost IS NOT NULL AND (%(c)s::uuid IS NULL OR campaign_id = %(c)s) GROUP BY campaign_id) s "
        "WHERE c.id = s.campaign_id",
        {"c": campaign_id},
    )


def reconcile_in_doubt(
    database: str | Engine,
    *,
    campaign_id: uuid.UUID | None = None,
    channel_factory: Callable[[str], Channel] | None = None,
) -> dict[str, int]:
    """In-doubt eSMS targets → 'accepted' when the provider's log (GetSmsSentData_V2) has their
    RequestId (or phone within the campaign), else 'failed' ("not found at provider")."""
    url = database_url(database)
    factory = channel_factory or default_channel_factory(url)
    session = DbSession(url, application_name="matviet-reconcile")
    result = {"accepted": 0, "failed": 0}
    try:
        rows = session.run(
            lambda c: c.execute(
                f"SELECT t.id, t.request_id, t.phone, c.name, t.first_attempt_at, t.last_attempt_at, {PROVIDER_SQL} "  # noqa: S608
                "FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id WHERE t.status = 'in_doubt' "
                "AND (%(c)s::uuid IS NULL OR t.campaign_id = %(c)s)",
                {"c": campaign_id},
            ).fetchall()
        )
        rows = [r for r in rows if r[6] in ("esms", "esms_zns")]
        if not rows:
            return result
        channel = factory("esms")
        try:
            start = min(r[4] for r in rows) - dt.timedelta(hours=1)
            end = max(r[5] for r in rows) + dt.timedelta(hours=1)
            sent = channel.sent_data(start, end)  # type: ignore[attr-defined]
        finally:
            channel.close()
        by_request = {str(s.get("ReferenceId")): s for s in sent if s.get("ReferenceId")}
        by_phone = {(str(s.get("Phone")), str(s.get("Campaign"))): s for s in sent}
        for target_id, request_id, phone, name, *_ in rows:
            hit = by_request.get(request_id) or next(
                (by_phone[(p, name)] for p in _phones(phone) if (p, name) in by_phone), None
            )
            if hit:
                session.run(
                    partial(_mark, target_id=target_id, status="accepted", msg_id=str(hit.get("SmsId")))
                )
                result["accepted"] += 1
            else:
                session.run(partial(_mark, target_id=target_id, status="failed", msg_id=None))
                result["failed"] += 1
    finally:
        session.close()
    return result


def _mark(conn: psycopg.Connection, *, target_id: uuid.UUID, status: str, msg_id: str | None) -> None:
    if status == "accepted":
        conn.execute(
            "UPDATE campaign_targets SET status = 'accepted', provider_msg_id = %s, failure_class = NULL, "
            "error_message = 'Đối soát: nhà cung cấp đã nhận tin', finished_at = now() "
            "WHERE id = %s AND status = 'in_doubt'",
            (msg_id, target_id),
        )
    else:
        conn.execute(
            "UPDATE campaign_targets SET status = 'failed', failure_class = 'permanent', "
            "error_message = 'Đối soát: không tìm thấy tin ở nhà cung cấp' WHERE id = %s AND status = 'in_doubt'",
            (target_id,),
        )


__all__ = ["DEFAULT_PROVIDER", "poll_delivery", "reconcile_in_doubt"]
