"""Revenue attribution: which campaign gets which order (docs/attribution.md has worked examples).

A *touch* is a campaign target that reached the customer: it has a send (or delivery) time and did
not fail. For each completed order, every touch of the same customer with
`touched_at <= order_date <= touched_at + attribution_days` is a candidate. The models:

- `last_touch` (default, used for ROI): one winner per order, so revenue is never counted twice.
  Direct evidence (the order carries the campaign's promo code, or the customer clicked the message
  before ordering) beats recency; among equals the most recent touch wins.
- `first_touch`: the earliest candidate wins.
- `linear`: every candidate gets an equal share (the rounding cent goes to the last-touch winner).
- `window`: not a competition but the measurement behind lift: for each campaign, every completed
  order of each randomised target (sent group and holdout group alike) inside
  `[started_at, started_at + attribution_days]`, holdout rows flagged `is_holdout`.

Refunded and cancelled orders are never attributed, so a refresh after a refund reverses it. Every
refresh recomputes the affected campaigns' rows from scratch in one transaction: idempotent.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, text

MODELS = ("last_touch", "first_touch", "linear")
# Target statuses that never count as a touch (the sending engine's terminal non-sends and ours).
NOT_REACHED = ("pending", "failed", "excluded", "holdout", "cancelled", "in_doubt")
_NOT_REACHED_SQL = ", ".join(f"'{s}'" for s in NOT_REACHED)

_LOCK_KEY = 7_0006  # serialises concurrent refreshes (advisory lock, transaction scoped)

# The candidate set, shared by the three competing models. :all_campaigns / :ids restrict which
# campaigns' rows are rewritten; competition always looks at every campaign's touches.
_CANDIDATES = f"""
WITH touches AS (
    SELECT t.campaign_id, t.customer_id, coalesce(t.sent_at, t.delivered_at) AS touched_at,
           t.clicked_at, c.attribution_days, c.promo_code
      FROM campaign_targets t
      JOIN campaigns c ON c.id = t.campaign_id
     WHERE coalesce(t.sent_at, t.delivered_at) IS NOT NULL
       AND coalesce(t.status, 'pending') NOT IN ({_NOT_REACHED_SQL})
       AND c.attribution_days > 0
), scoped_orders AS (
    SELECT DISTINCT o.id
      FROM touches tt
      JOIN orders o ON o.customer_id = tt.customer_id
                   AND o.order_date >= tt.touched_at
                   AND o.order_date <= tt.touched_at + make_interval(days => tt.attribution_days)
     WHERE o.status = 'completed'
       AND (:all_campaigns OR tt.campaign_id = ANY(CAST(:ids AS uuid[])))
), candidates AS (
    SELECT o.id AS order_id, o.customer_id, o.order_date, o.total_amount, tt.campaign_id, tt.touched_at,
           (   (o.promo_code IS NOT NULL AND upper(o.promo_code) = upper(tt.promo_code))
            OR (tt.clicked_at IS NOT NULL AND tt.clicked_at <= o.order_date)) AS is_direct
      FROM scoped_orders so
      JOIN orders o ON o.id = so.id
      JOIN touches tt ON tt.customer_id = o.customer_id
                     AND o.order_date >= tt.touched_at
                     AND o.order_date <= tt.touched_at + make_interval(days => tt.attribution_days)
), ranked AS MATERIALIZED (
    SELECT cd.*,
           row_number() OVER (PARTITION BY order_id ORDER BY is_direct DESC, touched_at DESC, campaign_id)
               AS rank_last,
           row_number() OVER (PARTITION BY order_id ORDER BY touched_at, campaign_id) AS rank_first,
           count(*) OVER (PARTITION BY order_id) AS n_candidates
      FROM candidates cd
)
"""  # noqa: S608 - constants only

_INSERT_COMPETING = (
    _CANDIDATES
    + """
INSERT INTO campaign_attributions
    (campaign_id, order_id, customer_id, attributed_revenue, attribution_type, days_after_campaign,
     model, weight, is_holdout, touched_at)
SELECT r.campaign_id, r.order_id, r.customer_id,
       CASE m.model
           WHEN 'linear' THEN
               CASE WHEN r.rank_last = 1
                    THEN r.total_amount - round(r.total_amount / r.n_candidates, 2) * (r.n_candidates - 1)
                    ELSE round(r.total_amount / r.n_candidates, 2) END
           ELSE r.total_amount END,
       CASE WHEN r.is_direct THEN 'direct' ELSE 'influenced' END,
       floor(extract(epoch FROM r.order_date - r.touched_at) / 86400)::int,
       m.model,
       CASE WHEN m.model = 'linear' THEN round(1.0 / r.n_candidates, 6) ELSE 1 END,
       false,
       r.touched_at
  FROM ranked r
  JOIN (VALUES ('last_touch'), ('first_touch'), ('linear')) AS m(model)
    ON (m.model = 'last_touch' AND r.rank_last = 1)
    OR (m.model = 'first_touch' AND r.rank_first = 1)
    OR m.model = 'linear'
 WHERE :all_campaigns OR r.campaign_id = ANY(CAST(:ids AS uuid[]))
"""
)

_INSERT_WINDOW = """
INSERT INTO campaign_attributions
    (campaign_id, order_id, customer_id, attributed_revenue, attribution_type, days_after_campaign,
     model, weight, is_holdout, touched_at)
SELECT c.id, o.id, o.customer_id, o.total_amount,
       CASE WHEN t.status = 'holdout' THEN 'holdout'
            WHEN (o.promo_code IS NOT NULL AND upper(o.promo_code) = upper(c.promo_code))
              OR (t.clicked_at IS NOT NULL AND t.clicked_at <= o.order_date) THEN 'direct'
            ELSE 'influenced' END,
       floor(extract(epoch FROM o.order_date - c.started_at) / 86400)::int,
       'window', 1, t.status = 'holdout', c.started_at
  FROM campaigns c
  JOIN campaign_targets t ON t.campaign_id = c.id AND coalesce(t.status, 'pending') <> 'excluded'
  JOIN orders o ON o.customer_id = t.customer_id
               AND o.status = 'completed'
               AND o.order_date >= c.started_at
               AND o.order_date <= c.started_at + make_interval(days => c.attribution_days)
 WHERE c.started_at IS NOT NULL
   AND (:all_campaigns OR c.id = ANY(CAST(:ids AS uuid[])))
"""


@dataclass(frozen=True)
class RefreshResult:
    campaigns: int  # campaigns whose rows were rewritten
    rows_by_model: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def refresh(engine: Engine, campaign_ids: Sequence[uuid.UUID] | None = None) -> RefreshResult:
    """Recompute attribution rows from scratch for `campaign_ids` (all campaigns when None)."""
    started = time.perf_counter()
    with engine.begin() as conn:
        result = refresh_in(conn, campaign_ids)
    return RefreshResult(result.campaigns, result.rows_by_model, round(time.perf_counter() - started, 3))


def refresh_in(conn: Connection, campaign_ids: Sequence[uuid.UUID] | None = None) -> RefreshResult:
    """The same, inside the caller's transaction."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
    params = {
        "all_campaigns": campaign_ids is None,
        "ids": [str(c) for c in campaign_ids] if campaign_ids is not None else [],
    }
    n_campaigns = conn.execute(
        text("SELECT count(*) FROM campaigns WHERE :all_campaigns OR id = ANY(CAST(:ids AS uuid[]))"), params
    ).scalar_one()
    conn.execute(
        text(
            "DELETE FROM campaign_attributions "
            "WHERE :all_campaigns OR campaign_id = ANY(CAST(:ids AS uuid[]))"
        ),
        params,
    )
    conn.execute(text(_INSERT_COMPETING), params)
    conn.execute(text(_INSERT_WINDOW), params)
    counts = conn.execute(
        text(
            "SELECT model, count(*) FROM campaign_attributions "
            "WHERE :all_campaigns OR campaign_id = ANY(CAST(:ids AS uuid[])) GROUP BY model"
        ),
        params,
    ).all()
    rows = {model: 0 for model in (*MODELS, "window")}
    rows.update({model: int(n) for model, n in counts})
    return RefreshResult(int(n_campaigns), rows)
