"""Importing and identity: imports, import_rejects, consent_events, do_not_contact,
duplicate_candidates, customer_merges; order_items.external_id (issue 5).

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-26 09:37:17.417961
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0004"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customer_merges",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("survivor_id", sa.UUID(), nullable=False),
        sa.Column("merged_id", sa.UUID(), nullable=False),
        sa.Column("merged_snapshot", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("survivor_changes", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("moved", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("removed", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("candidate_id", sa.BigInteger(), nullable=True),
        sa.Column("merged_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("merged_by", sa.String(length=100), nullable=True),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("undone_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_merges")),
    )
    op.create_index("ix_customer_merges_survivor_id", "customer_merges", ["survivor_id"], unique=False)
    op.create_table(
        "do_not_contact",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=255), nullable=True),
        sa.Column("channel", sa.String(length=10), server_default="all", nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=50), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("channel IN ('sms','zalo','email','all')", name=op.f("ck_do_not_contact_channel")),
        sa.CheckConstraint(
            "phone IS NOT NULL OR email IS NOT NULL", name=op.f("ck_do_not_contact_phone_or_email")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_do_not_contact")),
    )
    op.create_index("ix_do_not_contact_email", "do_not_contact", ["email"], unique=False)
    op.create_index("ix_do_not_contact_phone", "do_not_contact", ["phone"], unique=False)
    op.create_table(
        "duplicate_candidates",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("customer_a", sa.UUID(), nullable=False),
        sa.Column("customer_b", sa.UUID(), nullable=False),
        sa.Column("reason", sa.String(length=50), nullable=False),
        sa.Column("score", sa.Numeric(precision=4, scale=3), nullable=False),
        sa.Column("status", sa.String(length=20), server_default="pending", nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(length=100), nullable=True),
        sa.CheckConstraint(
            "status IN ('pending','merged','dismissed')", name=op.f("ck_duplicate_candidates_status")
        ),
        sa.CheckConstraint("customer_a < customer_b", name=op.f("ck_duplicate_candidates_ordered_pair")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_candidates")),
        sa.UniqueConstraint(
            "customer_a", "customer_b", name=op.f("uq_duplicate_candidates_customer_a_customer_b")
        ),
    )
    op.create_index(
        "ix_duplicate_candidates_customer_b", "duplicate_candidates", ["customer_b"], unique=False
    )
    op.create_index("ix_duplicate_candidates_status", "duplicate_candidates", ["status"], unique=False)
    op.create_table(
        "imports",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_size", sa.BigInteger(), nullable=False),
        sa.Column("encoding", sa.String(length=40), nullable=True),
        sa.Column("delimiter", sa.String(length=4), nullable=True),
        sa.Column("headers", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("mapping", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("dry_run", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("status", sa.String(length=20), server_default="running", nullable=False),
        sa.Column("total_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("valid_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("inserted_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("unchanged_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rejected_rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status IN ('running','completed','failed','cancelled')", name=op.f("ck_imports_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imports")),
    )
    op.create_index("ix_imports_file_sha256", "imports", ["file_sha256"], unique=False)
    op.create_table(
        "import_rejects",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("import_id", sa.BigInteger(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("reason_code", sa.String(length=50), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("raw", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["imports.id"],
            name=op.f("fk_import_rejects_import_id_imports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_rejects")),
    )
    op.create_index(
        "ix_import_rejects_import_id_line_no", "import_rejects", ["import_id", "line_no"], unique=False
    )
    op.create_table(
        "consent_events",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("customer_id", sa.UUID(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("import_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("channel IN ('sms','zalo','email')", name=op.f("ck_consent_events_channel")),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_consent_events_customer_id_customers"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["imports.id"],
            name=op.f("fk_consent_events_import_id_imports"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_events")),
        sa.UniqueConstraint(
            "customer_id",
            "channel",
            "granted",
            "occurred_at",
            "source",
            name="uq_consent_events_event",
        ),
    )
    op.add_column("order_items", sa.Column("external_id", sa.String(length=100), nullable=True))
    op.create_unique_constraint(op.f("uq_order_items_external_id"), "order_items", ["external_id"])


def downgrade() -> None:
    op.drop_constraint(op.f("uq_order_items_external_id"), "order_items", type_="unique")
    op.drop_column("order_items", "external_id")
    op.drop_table("consent_events")
    op.drop_index("ix_import_rejects_import_id_line_no", table_name="import_rejects")
    op.drop_table("import_rejects")
    op.drop_index("ix_imports_file_sha256", table_name="imports")
    op.drop_table("imports")
    op.drop_index("ix_duplicate_candidates_status", table_name="duplicate_candidates")
    op.drop_index("ix_duplicate_candidates_customer_b", table_name="duplicate_candidates")
    op.drop_table("duplicate_candidates")
    op.drop_index("ix_do_not_contact_phone", table_name="do_not_contact")
    op.drop_index("ix_do_not_contact_email", table_name="do_not_contact")
    op.drop_table("do_not_contact")
    op.drop_index("ix_customer_merges_survivor_id", table_name="customer_merges")
    op.drop_table("customer_merges")
