"""Money while a campaign runs: per-message costs into `campaign_costs`, extra costs, the budget guard."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import Connection, Engine, text

from matviet_desktop.core.campaigns import cost


def sync_costs_in(conn: Connection, campaign_id: uuid.UUID) -> Decimal:
    conn.execute(
        text("DELETE FROM campaign_costs WHERE campaign_id = :id AND cost_type LIKE 'message:%'"),
        {"id": campaign_id},
    )
    conn.execute(
        text(
            """
            INSERT INTO campaign_costs (campaign_id, cost_type, amount, description)
            SELECT t.campaign_id, 'message:' || c.campaign_type || ':' || c.purpose,
                   sum(coalesce(t.cost, c.cost_per_message, 0)), count(*) || ' tin đã gửi'
              FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id
             WHERE t.campaign_id = :id AND t.status IN ('accepted', 'delivered', 'in_doubt')
             GROUP BY t.campaign_id, c.campaign_type, c.purpose
            """
        ),
        {"id": campaign_id},
    )
    return cost.refresh_total_cost(conn, campaign_id)


def sync_message_costs(engine: Engine, campaign_id: uuid.UUID) -> Decimal:
    """Per-message costs (the provider's price when known, else the estimate) → campaign_costs rows."""
    with engine.begin() as conn:
        return sync_costs_in(conn, campaign_id)


def add_cost(
    engine: Engine, campaign_id: uuid.UUID, cost_type: str, amount: Decimal, description: str = ""
) -> Decimal:
    with engine.begin() as conn:
        cost.record_cost(conn, campaign_id, cost_type, Decimal(amount), description)
        return cost.refresh_total_cost(conn, campaign_id)


def budget_in(conn: Connection, campaign_id: uuid.UUID) -> cost.BudgetCheck:
    sync_costs_in(conn, campaign_id)
    remaining = conn.execute(
        text(
            "SELECT coalesce(sum(coalesce(c.cost_per_message, 0)), 0) FROM campaign_targets t "
            "JOIN campaigns c ON c.id = t.campaign_id "
            "WHERE t.campaign_id = :id AND t.status IN ('pending', 'retry_wait', 'sending')"
        ),
        {"id": campaign_id},
    ).scalar_one()
    return cost.budget_check(conn, campaign_id, Decimal(remaining))


def enforce_budget(engine: Engine, campaign_id: uuid.UUID) -> cost.BudgetCheck:
    """Budget guard while sending: pause the campaign when spent + still queued exceeds the budget."""
    with engine.begin() as conn:
        result = budget_in(conn, campaign_id)
        if not result.ok:
            conn.execute(
                text(
                    "UPDATE campaigns SET status = 'paused', paused_at = now(), pause_reason = :r, updated_at = now() "
                    "WHERE id = :id AND status = 'sending'"
                ),
                {"id": campaign_id, "r": result.message},
            )
    return result
