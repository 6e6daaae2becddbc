"""Alembic environment: runs against the connection handed over by core.db.migrate."""

from __future__ import annotations

from alembic import context

import matviet_desktop.core.db.models  # noqa: F401  (registers every table)
from matviet_desktop.core.db.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through matviet_desktop.core.db.migrate (matviet db upgrade).")

context.configure(connection=connection, target_metadata=Base.metadata, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
