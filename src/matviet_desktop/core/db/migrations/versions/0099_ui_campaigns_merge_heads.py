"""Join the parallel area migrations merged into the ui-campaigns branch (no schema change).

The lead re-chains the area migrations linearly on main; this file can then be dropped.

Revision ID: 0099
Revises: 0002, 0003, 0006
"""

revision = "0099"
down_revision = ("0002", "0003", "0006")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
