"""`matviet demo …`: the demo dataset generator and the embedded demo server."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from matviet_desktop.cli.common import DatabaseUrl, JsonOutput, emit, fail
from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.core.demo import embedded

app = typer.Typer(
    help="Dữ liệu mẫu và máy chủ mẫu / demo data and the embedded demo server.", no_args_is_help=True
)
server_app = typer.Typer(
    help="Máy chủ PostgreSQL mẫu nhúng / the embedded demo PostgreSQL.", no_args_is_help=True
)
app.add_typer(server_app, name="server")


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of “{value}” không phải ngày hợp lệ: hãy dùng dạng YYYY-MM-DD, ví dụ 2026-11-26.", 2)
        raise


@app.command()
def seed(
    customers: Annotated[int, typer.Option(min=1, help="Number of customers to generate.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same data.")] = 7,
    as_of: Annotated[
        str | None, typer.Option(help="Last day of history + 1 (YYYY-MM-DD); default today in Vietnam.")
    ] = None,
    replace: Annotated[
        bool, typer.Option(help="Delete existing business data in the demo tables first.")
    ] = False,
    upgrade: Annotated[bool, typer.Option(help="Migrate an empty or older database first.")] = True,
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Generate a realistic, deterministic Mắt Việt dataset and load it with COPY."""
    from matviet_desktop.core.connection import resolve_database
    from matviet_desktop.core.demo.seed import DemoDataExists, seed_demo

    engine = make_engine(resolve_database(database_url).url, pool_size=1)
    try:
        status = migrate.schema_status(engine)
        if status.state != migrate.SchemaState.CURRENT:
            if upgrade and status.state in (migrate.SchemaState.EMPTY, migrate.SchemaState.BEHIND):
                migrate.upgrade(engine)
            else:
                fail(status.message, 3)

        def progress(fraction: float, message: str) -> None:
            if not json:
                typer.echo(f"[{fraction:4.0%}] {message}", err=True)

        try:
            result = seed_demo(
                engine,
                customers=customers,
                seed=seed,
                as_of=_as_of(as_of),
                replace=replace,
                progress=progress,
            )
        except DemoDataExists as exc:
            fail(str(exc), 4)
            return
    finally:
        engine.dispose()
    payload = {
        "seed": result.seed,
        "as_of": result.as_of,
        "counts": result.counts,
        "seconds": round(result.seconds, 2),
        "phases": {k: round(v, 2) for k, v in result.phases.items()},
    }
    counts = result.counts

    def vn(n: int) -> str:  # Vietnamese digit grouping: 20.000
        return f"{n:,}".replace(",", ".")

    emit(
        payload,
        json,
        f"Đã tạo {vn(counts['customers'])} khách hàng, {vn(counts['orders'])} đơn hàng, "
        f"{vn(counts['customer_engagements'])} tương tác trong {result.seconds:.1f} giây "
        f"(seed {seed}, dữ liệu đến hết ngày {result.as_of - dt.timedelta(days=1):%d/%m/%Y}).",
    )


@server_app.command("start")
def server_start(json: JsonOutput = False) -> None:
    """Start the embedded demo server and leave it running; prints its URL."""
    embedded.start_server(stop_at_exit=False)
    url = embedded.demo_database_url(start=True)
    status = embedded.server_status()
    emit({"running": True, "url": url, "pid": status.pid, "data_directory": status.data_directory}, json, url)


@server_app.command("stop")
def server_stop(json: JsonOutput = False) -> None:
    """Stop the embedded demo server."""
    stopped = embedded.stop_server()
    emit({"stopped": stopped}, json, "Đã dừng máy chủ mẫu." if stopped else "Máy chủ mẫu không chạy.")


@server_app.command("url")
def server_url(json: JsonOutput = False) -> None:
    """Print the demo database URL (exit code 1 when the server is not running)."""
    status = embedded.server_status()
    emit(
        {
            "running": status.running,
            "url": status.url,
            "pid": status.pid,
            "data_directory": status.data_directory,
        },
        json,
        status.url or "Máy chủ mẫu không chạy: hãy chạy “matviet demo server start”.",
    )
    if not status.running:
        raise typer.Exit(1)
