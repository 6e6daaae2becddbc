"""Customer list and search indexes: keyset paging per sort column, word-prefix search (GIN).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_customers_full_name_id", "customers", ["full_name", "id"])
    op.create_index("ix_customers_total_spent_id", "customers", ["total_spent", "id"])
    op.create_index(
        "ix_customers_last_purchase_at_id",
        "customers",
        [sa.text("last_purchase_at DESC NULLS LAST"), sa.text("id DESC")],
    )
    op.create_index("ix_customers_created_at_id", "customers", ["created_at", "id"])
    op.create_index(
        "ix_customers_search_words",
        "customers",
        [sa.text("to_tsvector('simple'::regconfig, search_text)")],
        postgresql_using="gin",
    )


def downgrade() -> None:
    op.drop_index("ix_customers_search_words", table_name="customers")
    op.drop_index("ix_customers_created_at_id", table_name="customers")
    op.drop_index("ix_customers_last_purchase_at_id", table_name="customers")
    op.drop_index("ix_customers_total_spent_id", table_name="customers")
    op.drop_index("ix_customers_full_name_id", table_name="customers")
