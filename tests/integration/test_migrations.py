"""The schema: migrations up and down, the ORM agrees with it, the plan's columns exist."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

import matviet_desktop.core.db.models  # noqa: F401
from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.base import Base
from matviet_desktop.core.db.engine import make_engine

# Plan sections 1.1 and 2.1, column by column.
PLAN_COLUMNS = {
    # The plan's scored customer columns, kept in the 1:1 customer_scores (migration 0008).
    "customer_scores": {
        "lifecycle_stage",
        "clv_predicted",
        "clv_tier",
        "engagement_score",
        "churn_risk",
        "days_to_next_purchase",
        "preferred_channel",
        "preferred_category",
    },
    "segment_rules": {
        "id",
        "name",
        "description",
        "rule_type",
        "conditions",
        "is_active",
        "customer_count",
        "created_at",
        "updated_at",
    },
    "customer_segments": {"id", "customer_id", "segment_rule_id", "assigned_at", "score"},
    "customer_engagements": {
        "id",
        "customer_id",
        "engagement_type",
        "channel",
        "reference_id",
        "metadata",
        "created_at",
    },
    "campaigns": {
        "id",
        "name",
        "description",
        "campaign_type",
        "status",
        "target_type",
        "segment_rule_id",
        "target_count",
        "message_content",
        "message_template_id",
        "scheduled_at",
        "started_at",
        "completed_at",
        "budget",
        "cost_per_message",
        "total_cost",
        "attribution_days",
        "created_by",
        "created_at",
        "updated_at",
    },
    "campaign_targets": {
        "id",
        "campaign_id",
        "customer_id",
        "phone",
        "email",
        "status",
        "sent_at",
        "delivered_at",
        "opened_at",
        "clicked_at",
        "error_message",
    },
    "campaign_costs": {"id", "campaign_id", "cost_type", "amount", "description", "created_at"},
    "campaign_attributions": {
        "id",
        "campaign_id",
        "order_id",
        "customer_id",
        "attributed_revenue",
        "attribution_type",
        "days_after_campaign",
        "created_at",
    },
    "stores": {"id", "code", "name", "province", "district", "opened_at"},
    "products": {"sku", "name", "category", "brand", "list_price"},
    "orders": {
        "id",
        "external_id",
        "customer_id",
        "store_id",
        "order_date",
        "total_amount",
        "discount_amount",
        "status",
        "channel",
        "promo_code",
    },
    "order_items": {"order_id", "product_id", "category", "quantity", "unit_price", "discount"},
}


def test_upgrade_creates_every_plan_column(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    assert migrate.schema_status(engine).state == migrate.SchemaState.EMPTY
    migrate.upgrade(engine)
    inspector = inspect(engine)
    for table, columns in PLAN_COLUMNS.items():
        present = {c["name"] for c in inspector.get_columns(table)}
        assert columns <= present, f"{table} lacks {sorted(columns - present)}"
    timestamps = [
        c
        for t in inspector.get_table_names()
        for c in inspector.get_columns(t)
        if "TIMESTAMP" in str(c["type"])
    ]
    assert timestamps and all(c["type"].timezone for c in timestamps), "every timestamp must be timestamptz"
    assert migrate.schema_status(engine).state == migrate.SchemaState.CURRENT
    engine.dispose()


def test_orm_models_match_the_migrated_schema(engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_downgrade_to_base_and_up_again(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    leftover = set(inspect(engine).get_table_names()) - {"alembic_version"}
    assert leftover == set()
    assert migrate.schema_status(engine).state == migrate.SchemaState.EMPTY
    migrate.upgrade(engine)
    assert migrate.schema_status(engine).state == migrate.SchemaState.CURRENT
    engine.dispose()


def test_status_reports_behind_and_ahead(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    status = migrate.schema_status(engine)
    assert status.state == migrate.SchemaState.AHEAD
    assert "mới hơn" in status.message
    engine.dispose()
