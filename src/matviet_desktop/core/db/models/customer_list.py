"""Indexes for the customer list and search screens (core.customers.queries).

Kept beside, not inside, the Customer model so the list's access paths are documented in one
place: keyset paging on each sortable column (with `id` as the tie-breaker), and a GIN index over
the folded `search_text` words for word-prefix search by name or phone digits without
extensions (`to_tsvector('simple', …)` is core PostgreSQL).
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Index, Table, text

from matviet_desktop.core.db.models.customers import Customer

_t = cast(Table, Customer.__table__)

LIST_INDEXES = (
    Index("ix_customers_full_name_id", _t.c.full_name, _t.c.id),
    Index("ix_customers_total_spent_id", _t.c.total_spent, _t.c.id),
    Index("ix_customers_last_purchase_at_id", _t.c.last_purchase_at.desc().nulls_last(), _t.c.id.desc()),
    Index("ix_customers_created_at_id", _t.c.created_at, _t.c.id),
    Index(
        "ix_customers_search_words",
        text("to_tsvector('simple'::regconfig, search_text)"),
        postgresql_using="gin",
        _table=_t,
    ),
)
