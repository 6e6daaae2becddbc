"""Read side of the campaign screens: target list with per-customer outcome, errors by reason,
live progress counters. (The KPI report itself is `core.attribution.kpis.campaign_report`.)"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, text

from matviet_desktop.core.analytics.filters import read_frame

_TARGETS_SQL = """
WITH conv AS (
    SELECT a.customer_id, sum(a.attributed_revenue) AS revenue, count(*) AS orders
    FROM campaign_attributions a
    JOIN campaigns c ON c.id = a.campaign_id AND a.model = c.attribution_model
    WHERE a.campaign_id = :cid AND a.attribution_type IN ('direct', 'influenced')
    GROUP BY a.customer_id
)
SELECT t.id AS target_id, t.customer_id, cu.full_name, COALESCE(t.phone, cu.phone) AS phone,
       COALESCE(t.email, cu.email) AS email, t.status, t.sent_at, t.delivered_at, t.opened_at, t.clicked_at,
       COALESCE(t.exclusion_reason, t.error_message) AS reason,
       COALESCE(conv.orders, 0) AS orders, COALESCE(conv.revenue, 0) AS revenue
FROM campaign_targets t
LEFT JOIN customers cu ON cu.id = t.customer_id
LEFT JOIN conv ON conv.customer_id = t.customer_id
WHERE t.campaign_id = :cid AND (:status = '' OR t.status = :status)
ORDER BY t.id
LIMIT :limit OFFSET :offset
"""


def targets_page(
    engine: Engine, campaign_id: uuid.UUID, *, status: str | None = None, limit: int = 500, offset: int = 0
) -> pd.DataFrame:
    """One page of the campaign's targets with their outcome (orders and revenue attributed)."""
    params = {"cid": campaign_id, "status": status or "", "limit": limit, "offset": offset}
    return read_frame(engine, _TARGETS_SQL, params)


def errors_by_reason(engine: Engine, campaign_id: uuid.UUID) -> pd.DataFrame:
    """Failed, in-doubt and excluded targets grouped by status and reason (provider code or
    suppression reason), most frequent first."""
    return read_frame(
        engine,
        "SELECT status, COALESCE(exclusion_reason, provider_code, error_message, '') AS reason, count(*) AS targets "
        "FROM campaign_targets WHERE campaign_id = :cid AND status IN ('failed', 'in_doubt', 'excluded') "
        "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
        {"cid": campaign_id},
    )


@dataclass(frozen=True)
class Progress:
    """Counts per target status at one instant; `done` counts targets in a terminal state."""

    at: dt.datetime
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def open(self) -> int:
        return sum(self.counts.get(s, 0) for s in ("pending", "sending", "retry_wait"))

    @property
    def done(self) -> int:
        return self.total - self.open - self.counts.get("holdout", 0)


def progress(engine: Engine, campaign_id: uuid.UUID) -> Progress:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT status, count(*) FROM campaign_targets WHERE campaign_id = :cid GROUP BY status"),
            {"cid": campaign_id},
        ).all()
        now = conn.execute(text("SELECT now()")).scalar_one()
    return Progress(now, {str(s): int(n) for s, n in rows})


def rate_and_eta(before: Progress, after: Progress) -> tuple[float | None, dt.timedelta | None]:
    """Messages finished per minute between two samples, and the time left at that rate."""
    seconds = (after.at - before.at).total_seconds()
    finished = after.done - before.done
    if seconds <= 0 or finished <= 0:
        return None, None
    per_second = finished / seconds
    return per_second * 60, dt.timedelta(seconds=after.open / per_second)


_SAMPLE_SQL = """
SELECT cu.id AS customer_id, cu.full_name, st.name AS store_name, cu.province, cu.phone
FROM campaigns c
JOIN customers cu ON (
       (c.target_type = 'segment' AND EXISTS (SELECT 1 FROM customer_segments s
                                               WHERE s.customer_id = cu.id AND s.segment_rule_id = c.segment_rule_id))
    OR (c.target_type <> 'segment' AND EXISTS (SELECT 1 FROM campaign_audience_members m
                                                WHERE m.customer_id = cu.id AND m.campaign_id = c.id)))
LEFT JOIN stores st ON st.id = cu.home_store_id
WHERE c.id = :cid
LIMIT :limit
"""


def sample_recipients(engine: Engine, campaign_id: uuid.UUID, limit: int = 30) -> pd.DataFrame:
    """A few customers of the campaign's audience (for the content preview)."""
    return read_frame(engine, _SAMPLE_SQL, {"cid": campaign_id, "limit": limit})
