"""Scoring facts: per-customer purchase and engagement facts kept between scoring runs.

A daily `matviet score` re-aggregated every completed order, order line and engagement (20 s at
1M customers) although a day changes a few thousand customers. The as-of-independent part of
the aggregate (counts, sums, first/last purchase day, purchase timing, preferred store and
category, and decay sums taken relative to a reference day) now lives in
`customer_order_facts`; each run re-aggregates only the customers that triggers marked in
`scoring_dirty_customers` since the last run.

All three tables are UNLOGGED: they are a cache. After a crash PostgreSQL empties them together,
the missing state row says "rebuild", and the next run rebuilds the facts from the orders.
The marker table has no key, so a writer's marker never waits for a running refresh.
`scoring_pending_aggregates` lists the customers whose facts were refreshed since the stored
order aggregates on `customers` were last compared with them (the next scoring run does that).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# (table, customer column, events) whose changes change a customer's facts. Every customer has
# a facts row (zeros without orders), so customers coming and going are marked too.
_WATCHED = (
    ("orders", "customer_id", ("insert", "delete", "update")),
    ("order_items", "order_customer_id", ("insert", "delete", "update")),
    # Only engagements of the types the engagement score weighs (not e.g. campaign_sent, which a
    # campaign writes by the hundred thousand): the state row lists them.
    ("customer_engagements", "customer_id", ("insert", "delete", "update")),
    ("customers", "id", ("insert", "delete")),
)


_FUNCTION = """
CREATE FUNCTION scoring_mark_{table}_{event}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Before the first build (a fresh or crashed cache) there is nothing to keep up to date:
    -- bulk loads such as the demo seed then pay nothing.
    IF EXISTS (SELECT 1 FROM scoring_facts_state) THEN
        INSERT INTO scoring_dirty_customers (customer_id) {select};
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER scoring_mark_{event} AFTER {event} ON {table} REFERENCING {tables}
    FOR EACH STATEMENT EXECUTE FUNCTION scoring_mark_{table}_{event}();
"""
_TRANSITIONS = {
    "insert": ("NEW TABLE AS new_rows", "SELECT DISTINCT {column} FROM new_rows {where}"),
    "delete": ("OLD TABLE AS old_rows", "SELECT DISTINCT {column} FROM old_rows {where}"),
    "update": (
        "NEW TABLE AS new_rows OLD TABLE AS old_rows",
        "SELECT {column} FROM new_rows {where} UNION SELECT {column} FROM old_rows {where}",
    ),
}
_WEIGHED_TYPES = (
    "WHERE EXISTS (SELECT 1 FROM scoring_facts_state s WHERE engagement_type = ANY(s.engagement_types))"
)


def _triggers(table: str, column: str, events: tuple[str, ...]) -> str:
    parts = []
    for event in events:
        tables, select = _TRANSITIONS[event]
        where = _WEIGHED_TYPES if table == "customer_engagements" else ""
        parts.append(
            _FUNCTION.format(
                table=table, event=event, tables=tables, select=select.format(column=column, where=where)
            )
        )
    parts.append(
        f"CREATE TRIGGER scoring_forget_facts AFTER TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION scoring_forget_facts();"
    )
    return "\n".join(parts)


def upgrade() -> None:
    op.create_table(
        "customer_order_facts",
        sa.Column("customer_id", postgresql.UUID(), nullable=False),
        sa.Column("n_orders", sa.Integer(), nullable=False),
        sa.Column("n_days", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Integer(), nullable=False),
        sa.Column("last_day", sa.Integer(), nullable=False),
        sa.Column("prev_last_day", sa.Integer(), nullable=False),
        sa.Column("total_spent", sa.Numeric(), nullable=True),
        sa.Column("total_spent_float", sa.Float(), nullable=False),
        sa.Column("avg_order_value", sa.Numeric(), nullable=True),
        sa.Column("discount_share", sa.Numeric(), nullable=True),
        sa.Column("first_day_amount", sa.Float(), nullable=False),
        sa.Column("n_discounted", sa.Integer(), nullable=False),
        sa.Column("discounted_spend", sa.Float(), nullable=False),
        sa.Column("n_in_store", sa.Integer(), nullable=False),
        sa.Column("t0", sa.Integer(), nullable=False),
        sa.Column("t1", sa.Integer(), nullable=False),
        sa.Column("t2", sa.Integer(), nullable=False),
        sa.Column("t3", sa.Integer(), nullable=False),
        sa.Column("t4", sa.Integer(), nullable=False),
        sa.Column("t5", sa.Integer(), nullable=False),
        sa.Column("first_store_id", sa.Integer(), nullable=False),
        sa.Column("first_in_store", sa.SmallInteger(), nullable=False),
        sa.Column("first_purchase_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_purchase_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("purchase_decay_sum", sa.Float(), nullable=False),
        sa.Column("engagement_decay_sum", sa.Float(), nullable=False),
        sa.Column("preferred_store_id", sa.Integer(), nullable=False),
        sa.Column("preferred_category_code", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_customer_order_facts")),
        prefixes=["UNLOGGED"],
    )
    op.create_table(
        "scoring_dirty_customers",
        sa.Column("customer_id", postgresql.UUID(), nullable=False),
        prefixes=["UNLOGGED"],
    )
    op.create_table(
        "scoring_pending_aggregates",
        sa.Column("customer_id", postgresql.UUID(), nullable=False),
        prefixes=["UNLOGGED"],
    )
    op.create_table(
        "scoring_facts_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("ref_day", sa.Integer(), nullable=False),
        sa.Column("compare_all", sa.Boolean(), nullable=False),
        sa.Column("engagement_types", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_scoring_facts_state_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scoring_facts_state")),
        prefixes=["UNLOGGED"],
    )
    op.execute(
        """
        CREATE FUNCTION scoring_forget_facts() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM scoring_facts_state;
            RETURN NULL;
        END $$;
        """
    )
    for table, column, events in _WATCHED:
        op.execute(_triggers(table, column, events))


def downgrade() -> None:
    for table, _, events in _WATCHED:
        for event in events:
            op.execute(f"DROP TRIGGER scoring_mark_{event} ON {table}")
            op.execute(f"DROP FUNCTION scoring_mark_{table}_{event}()")
        op.execute(f"DROP TRIGGER scoring_forget_facts ON {table}")
    op.execute("DROP FUNCTION scoring_forget_facts()")
    op.drop_table("scoring_facts_state")
    op.drop_table("scoring_pending_aggregates")
    op.drop_table("scoring_dirty_customers")
    op.drop_table("customer_order_facts")
