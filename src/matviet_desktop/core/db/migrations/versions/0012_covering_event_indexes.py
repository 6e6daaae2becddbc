"""Covering indexes for segment event tests, per customer and per event type (issue 4).

A rule testing events inside an OR ("loyal and no purchase in 180 days, or VIP and no eye exam
in a year") either probes each reaching customer's events or hashes every matching event once
(`core/segments/probes.py` chooses). Both read only index pages now:

* orders (customer_id, order_date) carries `status`, so "completed" is checked in the index;
* engagements by customer are keyed (customer_id, engagement_type, created_at), so a probe for
  one type reads only that type's entries (a VIP has dozens of other engagements); the timeline,
  the import's duplicate check and the opt-out check use it as well as the old key;
* engagements (engagement_type, created_at) carries `customer_id`, for the hashed set: 220k eye
  exams of a year were 5,500 heap pages away, and without it PostgreSQL preferred scanning a
  whole per-customer index.

The type index keeps its name and key columns, so other queries keep their plans.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_TYPE_INDEX = "ix_customer_engagements_engagement_type_created_at"
_OLD_CUSTOMER_INDEX = "ix_customer_engagements_customer_id_created_at"
_CUSTOMER_INDEX = "ix_customer_engagements_customer_id_engagement_type_created_at"


def upgrade() -> None:
    op.drop_index("ix_orders_customer_id_order_date", table_name="orders")
    op.create_index(
        "ix_orders_customer_id_order_date",
        "orders",
        ["customer_id", "order_date"],
        postgresql_include=["status"],
    )
    op.drop_index(_OLD_CUSTOMER_INDEX, table_name="customer_engagements")
    op.create_index(_CUSTOMER_INDEX, "customer_engagements", ["customer_id", "engagement_type", "created_at"])
    op.drop_index(_TYPE_INDEX, table_name="customer_engagements")
    op.create_index(
        _TYPE_INDEX,
        "customer_engagements",
        ["engagement_type", "created_at"],
        postgresql_include=["customer_id"],
    )


def downgrade() -> None:
    op.drop_index(_TYPE_INDEX, table_name="customer_engagements")
    op.create_index(_TYPE_INDEX, "customer_engagements", ["engagement_type", "created_at"])
    op.drop_index(_CUSTOMER_INDEX, table_name="customer_engagements")
    op.create_index(_OLD_CUSTOMER_INDEX, "customer_engagements", ["customer_id", "created_at"])
    op.drop_index("ix_orders_customer_id_order_date", table_name="orders")
    op.create_index("ix_orders_customer_id_order_date", "orders", ["customer_id", "order_date"])
