"""Foundation: stores, customers, products, orders, engagements, segments, campaigns (plan 1.1, 2.1).

Revision ID: 0001
Revises:
Create Date: 2026-11-26 09:32:23.552619
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("value", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_settings")),
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("sku", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("brand", sa.String(length=100), nullable=True),
        sa.Column("list_price", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.CheckConstraint(
            "category IN ('glasses','sunglasses','contact_lenses','accessories','eye_exam')",
            name=op.f("ck_products_category"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("sku", name=op.f("uq_products_sku")),
    )
    op.create_table(
        "segment_rules",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("rule_type", sa.String(length=50), nullable=True),
        sa.Column("conditions", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default="true", nullable=True),
        sa.Column("customer_count", sa.Integer(), server_default="0", nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segment_rules")),
    )
    op.create_table(
        "stores",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("province", sa.String(length=100), nullable=False),
        sa.Column("district", sa.String(length=100), nullable=True),
        sa.Column("opened_at", sa.Date(), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default="true", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stores")),
        sa.UniqueConstraint("code", name=op.f("uq_stores_code")),
    )
    op.create_table(
        "campaigns",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("campaign_type", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=50), server_default="draft", nullable=True),
        sa.Column("target_type", sa.String(length=50), nullable=True),
        sa.Column("segment_rule_id", sa.UUID(), nullable=True),
        sa.Column("target_count", sa.Integer(), server_default="0", nullable=True),
        sa.Column("message_content", sa.Text(), nullable=True),
        sa.Column("message_template_id", sa.String(length=100), nullable=True),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("budget", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.Column("cost_per_message", sa.Numeric(precision=10, scale=4), nullable=True),
        sa.Column("total_cost", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.Column("attribution_days", sa.Integer(), server_default="7", nullable=True),
        sa.Column("created_by", sa.UUID(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.ForeignKeyConstraint(
            ["segment_rule_id"], ["segment_rules.id"], name=op.f("fk_campaigns_segment_rule_id_segment_rules")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=True),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=255), nullable=True),
        sa.Column("gender", sa.String(length=10), nullable=True),
        sa.Column("birthday", sa.Date(), nullable=True),
        sa.Column("province", sa.String(length=100), nullable=True),
        sa.Column("home_store_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("sms_consent", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("sms_consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sms_consent_source", sa.String(length=50), nullable=True),
        sa.Column("zalo_consent", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("zalo_consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("zalo_consent_source", sa.String(length=50), nullable=True),
        sa.Column("email_consent", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("email_consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("email_consent_source", sa.String(length=50), nullable=True),
        sa.Column("search_text", sa.Text(), server_default="", nullable=False),
        sa.Column("lifecycle_stage", sa.String(length=50), nullable=True),
        sa.Column("clv_predicted", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.Column("clv_tier", sa.String(length=20), nullable=True),
        sa.Column("engagement_score", sa.Integer(), nullable=True),
        sa.Column("churn_risk", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("days_to_next_purchase", sa.Integer(), nullable=True),
        sa.Column("preferred_channel", sa.String(length=50), nullable=True),
        sa.Column("preferred_category", sa.String(length=100), nullable=True),
        sa.Column("order_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("total_spent", sa.Numeric(precision=15, scale=2), server_default="0", nullable=False),
        sa.Column("avg_order_value", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.Column("first_purchase_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_purchase_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("discount_share", sa.Numeric(precision=5, scale=4), nullable=True),
        sa.Column("rfm_recency_days", sa.Integer(), nullable=True),
        sa.Column("rfm_r", sa.SmallInteger(), nullable=True),
        sa.Column("rfm_f", sa.SmallInteger(), nullable=True),
        sa.Column("rfm_m", sa.SmallInteger(), nullable=True),
        sa.Column("rfm_segment", sa.String(length=40), nullable=True),
        sa.Column("clv_formula", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.Column("p_alive", sa.Numeric(precision=5, scale=4), nullable=True),
        sa.Column("expected_purchases_1y", sa.Numeric(precision=8, scale=4), nullable=True),
        sa.Column("price_sensitivity", sa.Numeric(precision=5, scale=4), nullable=True),
        sa.Column("preferred_store_id", sa.Integer(), nullable=True),
        sa.Column("purchase_timing", sa.String(length=30), nullable=True),
        sa.Column("scored_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("gender IN ('male','female','other')", name=op.f("ck_customers_gender")),
        sa.ForeignKeyConstraint(
            ["home_store_id"], ["stores.id"], name=op.f("fk_customers_home_store_id_stores")
        ),
        sa.ForeignKeyConstraint(
            ["preferred_store_id"], ["stores.id"], name=op.f("fk_customers_preferred_store_id_stores")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("external_id", name=op.f("uq_customers_external_id")),
        sa.UniqueConstraint("phone", name=op.f("uq_customers_phone")),
    )
    op.create_index("ix_customers_clv_tier", "customers", ["clv_tier"], unique=False)
    op.create_index("ix_customers_email", "customers", [sa.literal_column("lower(email)")], unique=False)
    op.create_index("ix_customers_home_store_id", "customers", ["home_store_id"], unique=False)
    op.create_index("ix_customers_lifecycle_stage", "customers", ["lifecycle_stage"], unique=False)
    op.create_index(
        "ix_customers_search_text_prefix",
        "customers",
        ["search_text"],
        unique=False,
        postgresql_ops={"search_text": "text_pattern_ops"},
    )
    op.create_table(
        "campaign_costs",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=True),
        sa.Column("cost_type", sa.String(length=50), nullable=True),
        sa.Column("amount", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_costs_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_costs")),
    )
    op.create_index("ix_campaign_costs_campaign_id", "campaign_costs", ["campaign_id"], unique=False)
    op.create_table(
        "campaign_targets",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=True),
        sa.Column("customer_id", sa.UUID(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=255), nullable=True),
        sa.Column("status", sa.String(length=50), server_default="pending", nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("clicked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_targets_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_campaign_targets_customer_id_customers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_targets")),
        sa.UniqueConstraint(
            "campaign_id", "customer_id", name=op.f("uq_campaign_targets_campaign_id_customer_id")
        ),
    )
    op.create_index("ix_campaign_targets_customer_id", "campaign_targets", ["customer_id"], unique=False)
    op.create_table(
        "customer_engagements",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("customer_id", sa.UUID(), nullable=False),
        sa.Column("engagement_type", sa.String(length=50), nullable=False),
        sa.Column("channel", sa.String(length=50), nullable=True),
        sa.Column("reference_id", sa.UUID(), nullable=True),
        sa.Column("metadata", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_engagements_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_engagements")),
    )
    op.create_index(
        "ix_customer_engagements_customer_id_created_at",
        "customer_engagements",
        ["customer_id", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_customer_engagements_engagement_type_created_at",
        "customer_engagements",
        ["engagement_type", "created_at"],
        unique=False,
    )
    op.create_index(
        "ix_customer_engagements_reference_id", "customer_engagements", ["reference_id"], unique=False
    )
    op.create_table(
        "customer_segments",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("customer_id", sa.UUID(), nullable=True),
        sa.Column("segment_rule_id", sa.UUID(), nullable=True),
        sa.Column("assigned_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.Column("score", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_customer_segments_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_rule_id"],
            ["segment_rules.id"],
            name=op.f("fk_customer_segments_segment_rule_id_segment_rules"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_segments")),
        sa.UniqueConstraint(
            "customer_id", "segment_rule_id", name=op.f("uq_customer_segments_customer_id_segment_rule_id")
        ),
    )
    op.create_index(
        "ix_customer_segments_segment_rule_id", "customer_segments", ["segment_rule_id"], unique=False
    )
    op.create_table(
        "demo_truth",
        sa.Column("customer_id", sa.UUID(), nullable=False),
        sa.Column("purchase_rate_per_year", sa.Double(), nullable=False),
        sa.Column("dropout_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("spend_scale", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("persona", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_demo_truth_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", name=op.f("pk_demo_truth")),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=False),
        sa.Column("customer_id", sa.UUID(), nullable=False),
        sa.Column("store_id", sa.Integer(), nullable=False),
        sa.Column("order_date", sa.DateTime(timezone=True), nullable=False),
        sa.Column("total_amount", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("discount_amount", sa.Numeric(precision=15, scale=2), server_default="0", nullable=False),
        sa.Column("status", sa.String(length=20), server_default="completed", nullable=False),
        sa.Column("channel", sa.String(length=20), server_default="in_store", nullable=False),
        sa.Column("promo_code", sa.String(length=50), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("channel IN ('in_store','website','phone')", name=op.f("ck_orders_channel")),
        sa.CheckConstraint("status IN ('completed','cancelled','refunded')", name=op.f("ck_orders_status")),
        sa.CheckConstraint("discount_amount >= 0", name=op.f("ck_orders_discount_amount_non_negative")),
        sa.CheckConstraint("total_amount >= 0", name=op.f("ck_orders_total_amount_non_negative")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_orders_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(["store_id"], ["stores.id"], name=op.f("fk_orders_store_id_stores")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("external_id", name=op.f("uq_orders_external_id")),
    )
    op.create_index("ix_orders_customer_id_order_date", "orders", ["customer_id", "order_date"], unique=False)
    op.create_index("ix_orders_order_date", "orders", ["order_date"], unique=False)
    op.create_index(
        "ix_orders_promo_code",
        "orders",
        ["promo_code"],
        unique=False,
        postgresql_where="promo_code IS NOT NULL",
    )
    op.create_index("ix_orders_store_id_order_date", "orders", ["store_id", "order_date"], unique=False)
    op.create_table(
        "campaign_attributions",
        sa.Column("id", sa.UUID(), server_default=sa.text("gen_random_uuid()"), nullable=False),
        sa.Column("campaign_id", sa.UUID(), nullable=True),
        sa.Column("order_id", sa.UUID(), nullable=True),
        sa.Column("customer_id", sa.UUID(), nullable=True),
        sa.Column("attributed_revenue", sa.Numeric(precision=15, scale=2), nullable=True),
        sa.Column("attribution_type", sa.String(length=50), nullable=True),
        sa.Column("days_after_campaign", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=True),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_attributions_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name=op.f("fk_campaign_attributions_customer_id_customers")
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_campaign_attributions_order_id_orders")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_attributions")),
    )
    op.create_index(
        "ix_campaign_attributions_campaign_id", "campaign_attributions", ["campaign_id"], unique=False
    )
    op.create_index("ix_campaign_attributions_order_id", "campaign_attributions", ["order_id"], unique=False)
    op.create_table(
        "order_items",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("order_id", sa.UUID(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("quantity", sa.Integer(), server_default="1", nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column("discount", sa.Numeric(precision=15, scale=2), server_default="0", nullable=False),
        sa.CheckConstraint(
            "category IN ('glasses','sunglasses','contact_lenses','accessories','eye_exam')",
            name=op.f("ck_order_items_category"),
        ),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_order_items_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_items_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_order_items_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_items")),
    )
    op.create_index("ix_order_items_order_id", "order_items", ["order_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_order_items_order_id", table_name="order_items")
    op.drop_table("order_items")
    op.drop_index("ix_campaign_attributions_order_id", table_name="campaign_attributions")
    op.drop_index("ix_campaign_attributions_campaign_id", table_name="campaign_attributions")
    op.drop_table("campaign_attributions")
    op.drop_index("ix_orders_store_id_order_date", table_name="orders")
    op.drop_index("ix_orders_promo_code", table_name="orders", postgresql_where="promo_code IS NOT NULL")
    op.drop_index("ix_orders_order_date", table_name="orders")
    op.drop_index("ix_orders_customer_id_order_date", table_name="orders")
    op.drop_table("orders")
    op.drop_table("demo_truth")
    op.drop_index("ix_customer_segments_segment_rule_id", table_name="customer_segments")
    op.drop_table("customer_segments")
    op.drop_index("ix_customer_engagements_reference_id", table_name="customer_engagements")
    op.drop_index("ix_customer_engagements_engagement_type_created_at", table_name="customer_engagements")
    op.drop_index("ix_customer_engagements_customer_id_created_at", table_name="customer_engagements")
    op.drop_table("customer_engagements")
    op.drop_index("ix_campaign_targets_customer_id", table_name="campaign_targets")
    op.drop_table("campaign_targets")
    op.drop_index("ix_campaign_costs_campaign_id", table_name="campaign_costs")
    op.drop_table("campaign_costs")
    op.drop_index(
        "ix_customers_search_text_prefix",
        table_name="customers",
        postgresql_ops={"search_text": "text_pattern_ops"},
    )
    op.drop_index("ix_customers_lifecycle_stage", table_name="customers")
    op.drop_index("ix_customers_home_store_id", table_name="customers")
    op.drop_index("ix_customers_email", table_name="customers")
    op.drop_index("ix_customers_clv_tier", table_name="customers")
    op.drop_table("customers")
    op.drop_table("campaigns")
    op.drop_table("stores")
    op.drop_table("segment_rules")
    op.drop_table("products")
    op.drop_table("app_settings")
