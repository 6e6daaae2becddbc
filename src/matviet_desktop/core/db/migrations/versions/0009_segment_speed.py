"""Segment speed (issue 4): order facts on order lines; membership writes without per-row checks.

"2+ sunglasses purchases in the last 2 years" joined 3.9M order lines to 2M orders on every live
count (0.6–1 s at 1M customers). Each line now carries its order's customer, date and status,
and one partial index serves "completed orders with a line of category C in a date window" as
an index-only scan.

The copies are kept exact by triggers, whatever the writer: a line inserted without them (or
moved to another order) takes them from its order; an order whose customer, date or status
changes passes them on to its lines. Bulk writers (demo seed, import) fill them directly so the
per-row trigger does not fire.

A segment's first build writes one `customer_segments` and one `segment_membership_history` row
per member, and each row's foreign keys ran a per-row check. The check on segment_rule_id (a
segment the refresh holds locked) only repeated itself 200k times; those two keys are replaced
by what they still did, a statement-level trigger deleting memberships and history with their
segment (ON DELETE CASCADE). The keys to customers stay: customer merges find the tables to
move by them.

Consent filters (in most campaign segments) count over partial indexes of consenting ids.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_FUNCTIONS = """
CREATE FUNCTION order_items_copy_order_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT o.customer_id, o.order_date, o.status
      INTO NEW.order_customer_id, NEW.order_placed_at, NEW.order_status
      FROM orders o WHERE o.id = NEW.order_id;
    RETURN NEW;
END $$;

CREATE FUNCTION orders_pass_facts_to_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE order_items
       SET order_customer_id = NEW.customer_id, order_placed_at = NEW.order_date, order_status = NEW.status
     WHERE order_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER order_items_fill_order_facts BEFORE INSERT ON order_items FOR EACH ROW
    WHEN (NEW.order_customer_id IS NULL OR NEW.order_placed_at IS NULL OR NEW.order_status IS NULL)
    EXECUTE FUNCTION order_items_copy_order_facts();

CREATE TRIGGER order_items_refill_order_facts BEFORE UPDATE ON order_items FOR EACH ROW
    WHEN (NEW.order_id IS DISTINCT FROM OLD.order_id
          OR NEW.order_customer_id IS DISTINCT FROM OLD.order_customer_id
          OR NEW.order_placed_at IS DISTINCT FROM OLD.order_placed_at
          OR NEW.order_status IS DISTINCT FROM OLD.order_status)
    EXECUTE FUNCTION order_items_copy_order_facts();

CREATE TRIGGER orders_pass_facts_to_items AFTER UPDATE ON orders FOR EACH ROW
    WHEN (NEW.customer_id IS DISTINCT FROM OLD.customer_id
          OR NEW.order_date IS DISTINCT FROM OLD.order_date
          OR NEW.status IS DISTINCT FROM OLD.status)
    EXECUTE FUNCTION orders_pass_facts_to_items();
"""


_CASCADES = """
CREATE FUNCTION segment_rules_delete_segment_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM customer_segments WHERE segment_rule_id IN (SELECT id FROM gone);
    DELETE FROM segment_membership_history WHERE segment_rule_id IN (SELECT id FROM gone);
    RETURN NULL;
END $$;

CREATE TRIGGER segment_rules_delete_segment_rows AFTER DELETE ON segment_rules
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION segment_rules_delete_segment_rows();
"""

_MEMBERSHIP_KEYS = (
    ("customer_segments", "segment_rule_id", "segment_rules"),
    ("segment_membership_history", "segment_rule_id", "segment_rules"),
)


def upgrade() -> None:
    _upgrade_order_item_facts()
    for table, column, referred in _MEMBERSHIP_KEYS:
        op.drop_constraint(f"fk_{table}_{column}_{referred}", table, type_="foreignkey")
    op.execute(_CASCADES)
    for channel in ("sms", "zalo", "email"):
        op.create_index(
            f"ix_customers_{channel}_consent_id",
            "customers",
            ["id"],
            postgresql_where=sa.text(f"COALESCE({channel}_consent, false)"),
        )
    # Per-segment anti-joins and member lists read (segment, customer) index-only.
    op.drop_index("ix_customer_segments_segment_rule_id", table_name="customer_segments")
    op.create_index(
        "ix_customer_segments_segment_rule_id_customer_id",
        "customer_segments",
        ["segment_rule_id", "customer_id"],
    )


def _upgrade_order_item_facts() -> None:
    op.add_column("order_items", sa.Column("order_customer_id", sa.UUID(), nullable=True))
    op.add_column("order_items", sa.Column("order_placed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("order_items", sa.Column("order_status", sa.String(length=20), nullable=True))
    op.execute(
        """
        UPDATE order_items i
           SET order_customer_id = o.customer_id, order_placed_at = o.order_date, order_status = o.status
          FROM orders o
         WHERE o.id = i.order_id
        """
    )
    for column in ("order_customer_id", "order_placed_at", "order_status"):
        op.alter_column("order_items", column, nullable=False)
    op.execute(_FUNCTIONS)
    op.create_index(
        "ix_order_items_category_completed",
        "order_items",
        ["category", "order_placed_at"],
        postgresql_include=["order_customer_id", "order_id"],
        postgresql_where=sa.text("order_status = 'completed'"),
    )
    # Purchase conditions without a category: completed orders in a window, index-only.
    op.create_index(
        "ix_orders_completed_order_date",
        "orders",
        ["order_date"],
        postgresql_include=["customer_id"],
        postgresql_where=sa.text("status = 'completed'"),
    )


def downgrade() -> None:
    for channel in ("sms", "zalo", "email"):
        op.drop_index(f"ix_customers_{channel}_consent_id", table_name="customers")
    op.drop_index("ix_customer_segments_segment_rule_id_customer_id", table_name="customer_segments")
    op.create_index("ix_customer_segments_segment_rule_id", "customer_segments", ["segment_rule_id"])
    op.execute("DROP TRIGGER segment_rules_delete_segment_rows ON segment_rules")
    op.execute("DROP FUNCTION segment_rules_delete_segment_rows()")
    for table, column, referred in _MEMBERSHIP_KEYS:
        op.create_foreign_key(
            f"fk_{table}_{column}_{referred}", table, referred, [column], ["id"], ondelete="CASCADE"
        )
    op.drop_index("ix_orders_completed_order_date", table_name="orders")
    op.drop_index("ix_order_items_category_completed", table_name="order_items")
    op.execute("DROP TRIGGER orders_pass_facts_to_items ON orders")
    op.execute("DROP TRIGGER order_items_refill_order_facts ON order_items")
    op.execute("DROP TRIGGER order_items_fill_order_facts ON order_items")
    op.execute("DROP FUNCTION orders_pass_facts_to_items()")
    op.execute("DROP FUNCTION order_items_copy_order_facts()")
    op.drop_column("order_items", "order_status")
    op.drop_column("order_items", "order_placed_at")
    op.drop_column("order_items", "order_customer_id")
