"""Marketing consent: an append-only history (`consent_events`) and the per-channel columns on
`customers` that mirror it. The latest event per channel decides; at the same instant a
withdrawal beats a grant, so an opt-out is never undone by an older or simultaneous grant.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine, text

CHANNELS = ("sms", "zalo", "email")


def sync_consent_columns_sql(customer_ids_sql: str) -> str:
    """UPDATE customers' consent columns from their latest events; `customer_ids_sql` is a SELECT of ids.
    Channels without any event keep their current column values."""
    pivots = ",\n".join(
        f"bool_or(granted) FILTER (WHERE channel = '{ch}') AS {ch}, "
        f"max(occurred_at) FILTER (WHERE channel = '{ch}') AS {ch}_at, "
        f"max(source) FILTER (WHERE channel = '{ch}') AS {ch}_source, "
        f"count(*) FILTER (WHERE channel = '{ch}') > 0 AS has_{ch}"
        for ch in CHANNELS
    )
    sets = ",\n".join(
        f"{ch}_consent = CASE WHEN p.has_{ch} THEN p.{ch} ELSE c.{ch}_consent END, "
        f"{ch}_consent_at = CASE WHEN p.has_{ch} THEN p.{ch}_at ELSE c.{ch}_consent_at END, "
        f"{ch}_consent_source = CASE WHEN p.has_{ch} THEN p.{ch}_source ELSE c.{ch}_consent_source END"
        for ch in CHANNELS
    )
    return f"""
    WITH latest AS (
        SELECT DISTINCT ON (customer_id, channel) customer_id, channel, granted, occurred_at, source
        FROM consent_events WHERE customer_id IN ({customer_ids_sql})
        ORDER BY customer_id, channel, occurred_at DESC, granted ASC, id DESC
    ), p AS (SELECT customer_id, {pivots} FROM latest GROUP BY customer_id)
    UPDATE customers c SET {sets}, updated_at = now()
    FROM p WHERE c.id = p.customer_id
    """  # noqa: S608 (the id query is ours)


@dataclass(frozen=True)
class ConsentRecord:
    channel: str
    granted: bool
    occurred_at: dt.datetime
    source: str
    evidence: str | None


def record_consent(
    engine: Engine,
    customer_id: uuid.UUID,
    channel: str,
    granted: bool,
    *,
    source: str,
    occurred_at: dt.datetime | None = None,
    evidence: str | None = None,
) -> None:
    """Append one consent event (e.g. an SMS 'TC' reply: granted=False, source='sms_reply') and
    refresh the customer's consent columns, in one transaction. Channel 'all' records all three."""
    channels = CHANNELS if channel == "all" else (channel,)
    if any(ch not in CHANNELS for ch in channels):
        raise ValueError(f"Kênh không hợp lệ: {channel}")
    with engine.begin() as conn:
        for ch in channels:
            conn.execute(
                text(
                    "INSERT INTO consent_events (customer_id, channel, granted, occurred_at, source, evidence)"
                    " VALUES (:c, :ch, :g, COALESCE(:at, now()), :src, :ev) ON CONFLICT DO NOTHING"
                ),
                {"c": customer_id, "ch": ch, "g": granted, "at": occurred_at, "src": source, "ev": evidence},
            )
        conn.execute(text(sync_consent_columns_sql("SELECT CAST(:c AS uuid)")), {"c": customer_id})


def consent_history(engine: Engine, customer_id: uuid.UUID) -> list[ConsentRecord]:
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT channel, granted, occurred_at, source, evidence FROM consent_events"
                " WHERE customer_id = :c ORDER BY occurred_at DESC, id DESC"
            ),
            {"c": customer_id},
        ).all()
    return [ConsentRecord(*row) for row in rows]
