"""Database access: engine and sessions, ORM models, Alembic migrations, COPY helpers."""
