"""`matviet db …`: schema upgrade and status."""

from __future__ import annotations

import typer

from matviet_desktop.cli.common import DatabaseUrl, JsonOutput, emit, engine_for
from matviet_desktop.core.db import migrate

app = typer.Typer(help="Lược đồ cơ sở dữ liệu / database schema.", no_args_is_help=True)


@app.command()
def upgrade(database_url: DatabaseUrl = None, revision: str = "head", json: JsonOutput = False) -> None:
    """Migrate the database to the newest schema (or to REVISION)."""
    engine = engine_for(database_url)
    before = migrate.schema_status(engine)
    migrate.upgrade(engine, revision)
    after = migrate.schema_status(engine)
    emit(
        {"from": before.database_revision, "to": after.database_revision, "state": after.state},
        json,
        f"Schema {before.database_revision or '∅'} → {after.database_revision}",
    )


@app.command()
def downgrade(revision: str, database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Migrate the database down to REVISION ('base' removes everything)."""
    engine = engine_for(database_url)
    migrate.downgrade(engine, revision)
    status = migrate.schema_status(engine)
    emit(
        {"to": status.database_revision, "state": status.state}, json, f"Schema → {status.database_revision}"
    )


@app.command()
def status(database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Show whether the database schema matches this version of the app."""
    state = migrate.schema_status(engine_for(database_url))
    emit(
        {
            "state": state.state,
            "database_revision": state.database_revision,
            "code_revision": state.code_revision,
        },
        json,
        state.message,
    )
    if state.state != migrate.SchemaState.CURRENT:
        raise typer.Exit(3)
