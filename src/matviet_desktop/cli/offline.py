"""`matviet offline …`: a store's slice of the central database copied into a local one."""

from __future__ import annotations

from typing import Annotated

import typer

from matviet_desktop.cli.common import DatabaseUrl, JsonOutput, emit, engine_for
from matviet_desktop.core.offline.snapshot import take_snapshot

app = typer.Typer(help="Bản sao ngoại tuyến của một cửa hàng / offline store cache.", no_args_is_help=True)


@app.command()
def snapshot(
    store: Annotated[str, typer.Option("--store", help="Mã cửa hàng, ví dụ HN01.")],
    target_url: Annotated[str, typer.Option("--target-url", help="PostgreSQL URL of the local copy.")],
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Replace the local database's contents with the store's current data from the central one."""
    report = take_snapshot(engine_for(database_url), target_url, store)
    emit(
        {
            "store_code": report.store_code,
            "taken_at": report.taken_at,
            "rows": report.rows,
            "skipped_tables": report.skipped_tables,
        },
        json,
        f"{report.store_code}: {sum(report.rows.values()):,} dòng, lúc {report.taken_at:%d/%m/%Y %H:%M} UTC",
    )
