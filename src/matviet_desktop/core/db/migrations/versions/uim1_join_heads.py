"""Join the area migrations merged into the ui-app branch into one head (no schema change).

The lead re-chains area migrations on main; this empty merge revision only lets the ui-app
branch upgrade to a single head meanwhile, and can be dropped when re-chaining.

Revision ID: uim1
Revises: 0002, 0003, 0004, ui01
"""

from __future__ import annotations

revision = "uim1"
down_revision = ("0002", "0003", "0004", "ui01")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
