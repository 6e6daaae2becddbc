"""Start, pause, resume and cancel a campaign's sending; progress counts.

Campaign statuses used by the engine: 'draft'/'scheduled' → 'sending' (workers pick it up) →
'completed' when no target is open; 'paused' (by a user), 'paused_error' (account problem, e.g.
balance or credentials: the engine paused it and says why in `pause_reason`), 'cancelled'.
Workers re-read the status about every second, so a change takes effect within seconds.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Engine, text


def start(engine: Engine, campaign_id: uuid.UUID) -> bool:
    """Single winner: True only for the one caller that moved the campaign to 'sending'."""
    with engine.begin() as conn:
        row = conn.execute(
            text(
                "UPDATE campaigns SET status = 'sending', started_at = coalesce(started_at, now()), "
                "pause_reason = NULL, updated_at = now() "
                "WHERE id = :c AND status IN ('draft','scheduled') RETURNING id"
            ),
            {"c": campaign_id},
        ).first()
    return row is not None


def pause(engine: Engine, campaign_id: uuid.UUID, reason: str | None = None) -> bool:
    with engine.begin() as conn:
        row = conn.execute(
            text(
                "UPDATE campaigns SET status = 'paused', pause_reason = :r, updated_at = now() "
                "WHERE id = :c AND status IN ('sending','paused_error') RETURNING id"
            ),
            {"c": campaign_id, "r": reason or "Tạm dừng bởi người dùng"},
        ).first()
    return row is not None


def resume(engine: Engine, campaign_id: uuid.UUID) -> bool:
    with engine.begin() as conn:
        row = conn.execute(
            text(
                "UPDATE campaigns SET status = 'sending', pause_reason = NULL, updated_at = now() "
                "WHERE id = :c AND status IN ('paused','paused_error') RETURNING id"
            ),
            {"c": campaign_id},
        ).first()
    return row is not None


def cancel(engine: Engine, campaign_id: uuid.UUID) -> int:
    """Cancel: waiting targets become 'cancelled' now; in-flight ones finish, then stop."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE campaigns SET status = 'cancelled', updated_at = now() "
                "WHERE id = :c AND status NOT IN ('completed','cancelled')"
            ),
            {"c": campaign_id},
        )
        result = conn.execute(
            text(
                "UPDATE campaign_targets SET status = 'cancelled', failure_class = 'cancelled', "
                "finished_at = now(), error_message = 'Chiến dịch đã bị hủy' "
                "WHERE campaign_id = :c AND status IN ('pending','retry_wait')"
            ),
            {"c": campaign_id},
        )
    return result.rowcount


def progress(engine: Engine, campaign_id: uuid.UUID) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT status, count(*) FROM campaign_targets WHERE campaign_id = :c GROUP BY status"),
            {"c": campaign_id},
        )
        return {r[0]: int(r[1]) for r in rows}
