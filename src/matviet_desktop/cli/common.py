"""Options and output shared by every `matviet` command."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import json
import uuid
from typing import Annotated, Any

import typer
from sqlalchemy import Engine

from matviet_desktop.core.connection import resolve_database
from matviet_desktop.core.db.engine import make_engine

DatabaseUrl = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar="MATVIET_DATABASE_URL",
        help="PostgreSQL URL; default: saved connection profile, else the embedded demo server.",
        show_envvar=True,
    ),
]
JsonOutput = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]


_open_engines: list[Engine] = []


def engine_for(database_url: str | None) -> Engine:
    """An engine for this command; disposed when the command ends (see `dispose_engines`)."""
    engine = make_engine(resolve_database(database_url).url)
    _open_engines.append(engine)
    return engine


def dispose_engines() -> None:
    while _open_engines:
        _open_engines.pop().dispose()


def _default(value: Any) -> Any:
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return value.tolist()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_json(payload: Any) -> str:
    return json.dumps(payload, default=_default, ensure_ascii=False, indent=2)


def emit(payload: Any, as_json: bool, human: str | None = None) -> None:
    """Print JSON for machines, or a short human line (default: the JSON too)."""
    typer.echo(to_json(payload) if as_json or human is None else human)


def fail(message: str, code: int = 1) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)
