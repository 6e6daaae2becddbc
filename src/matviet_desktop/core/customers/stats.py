"""Order aggregates stored on `customers`, recomputed set-based from `orders`.

Only completed orders count: a cancelled order was never paid and a refunded one was paid back.
`discount_share` is the share of those orders that carried a discount (a price-sensitivity signal).
Customers without any completed order get zero counts and NULL dates/averages.
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy import Connection, text

_REFRESH = """
WITH stats AS (
    SELECT c.id AS customer_id,
           count(o.id) AS order_count,
           coalesce(sum(o.total_amount), 0) AS total_spent,
           round(avg(o.total_amount), 2) AS avg_order_value,
           min(o.order_date) AS first_purchase_at,
           max(o.order_date) AS last_purchase_at,
           round(avg(CASE WHEN o.id IS NULL THEN NULL WHEN o.discount_amount > 0 THEN 1.0 ELSE 0.0 END), 4) AS discount_share
    FROM customers c
    LEFT JOIN orders o ON o.customer_id = c.id AND o.status = 'completed'
    WHERE {where}
    GROUP BY c.id
)
UPDATE customers AS c
SET order_count = s.order_count,
    total_spent = s.total_spent,
    avg_order_value = s.avg_order_value,
    first_purchase_at = s.first_purchase_at,
    last_purchase_at = s.last_purchase_at,
    discount_share = s.discount_share
FROM stats s
WHERE c.id = s.customer_id
  AND (c.order_count, c.total_spent, c.avg_order_value, c.first_purchase_at, c.last_purchase_at, c.discount_share)
      IS DISTINCT FROM
      (s.order_count, s.total_spent, s.avg_order_value, s.first_purchase_at, s.last_purchase_at, s.discount_share)
"""


def refresh_order_stats(connection: Connection, customer_ids: Sequence[UUID | str] | None = None) -> int:
    """Recompute order_count, total_spent, avg_order_value, first/last_purchase_at, discount_share.

    Args:
        connection: a SQLAlchemy connection inside the caller's transaction.
        customer_ids: limit the refresh to these customers (all customers when None).

    Returns:
        The number of customer rows that changed.
    """
    if customer_ids is None:
        result = connection.execute(text(_REFRESH.format(where="TRUE")))
    else:
        ids = [str(c) for c in customer_ids]
        result = connection.execute(
            text(_REFRESH.format(where="c.id = ANY(CAST(:ids AS uuid[]))")), {"ids": ids}
        )
    return int(result.rowcount)
