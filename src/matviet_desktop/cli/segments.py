"""`matviet segments …`: live counts and previews, refresh, built-ins, export."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy import Engine

from matviet_desktop.cli.common import DatabaseUrl, JsonOutput, emit, engine_for, fail, to_json
from matviet_desktop.core import segments as seg
from matviet_desktop.core.segments.schema import rule_json_schema

app = typer.Typer(help="Phân khúc khách hàng / customer segments.", no_args_is_help=True)

RuleFile = Annotated[Path, typer.Option("--rule", help="Tệp JSON chứa quy tắc (docs/segments.md).")]
AsOf = Annotated[
    str | None, typer.Option("--as-of", help="Tính theo ngày YYYY-MM-DD (mặc định: hôm nay, giờ Việt Nam).")
]


def _load_rule(path: Path, as_json: bool) -> Any:
    try:
        rule = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        fail(f"Không đọc được quy tắc từ {path}: {exc}", 2)
    errors = seg.validate(rule)
    if errors:
        if as_json:
            typer.echo(to_json({"errors": [dataclasses.asdict(e) for e in errors]}))
            raise typer.Exit(2)
        fail("Quy tắc không hợp lệ:\n" + "\n".join(f"  {e}" for e in errors), 2)
    return rule


@contextmanager
def _engine(database_url: str | None) -> Iterator[Engine]:
    """An engine for one command, disposed at the end (no pooled connection outlives it)."""
    engine = engine_for(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--as-of phải là ngày dạng YYYY-MM-DD, không phải “{value}”.", 2)
    return None


def _segment_id(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        fail(f"Mã phân khúc phải là UUID, không phải “{value}”.", 2)
    raise AssertionError


@app.command()
def count(
    rule: RuleFile, as_of: AsOf = None, database_url: DatabaseUrl = None, json: JsonOutput = False
) -> None:
    """Count the customers a rule selects, live."""
    parsed = _load_rule(rule, json)
    with _engine(database_url) as engine:
        n = seg.count(engine, parsed, _as_of(as_of))
    emit({"count": n}, json, f"{n:,} khách hàng".replace(",", "."))


@app.command()
def preview(
    rule: RuleFile,
    limit: Annotated[int, typer.Option(help="Số khách tối đa.")] = 50,
    as_of: AsOf = None,
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Show sample customers a rule selects (highest spenders first)."""
    parsed = _load_rule(rule, json)
    with _engine(database_url) as engine:
        rows = seg.preview(engine, parsed, limit, _as_of(as_of))
    human = "\n".join(f"{r['full_name']}\t{r['phone'] or ''}\t{r['lifecycle_stage'] or ''}" for r in rows)
    emit({"customers": rows}, json, human or "(không có khách nào)")


@app.command()
def refresh(
    segment_id: Annotated[str | None, typer.Argument(help="Mã phân khúc (UUID).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Làm mới mọi phân khúc đang bật.")] = False,
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Materialise members (joiners in, leavers out, history kept), dependencies first."""
    if all_ == (segment_id is not None):
        fail("Chọn đúng một: --all hoặc một mã phân khúc.", 2)
    with _engine(database_url) as engine:
        try:
            results = seg.refresh_all(engine) if all_ else seg.refresh(engine, _segment_id(segment_id or ""))
        except seg.SegmentError as exc:
            fail(str(exc))
    human = "\n".join(f"{r.name}: {r.size} (+{r.joined} / −{r.left}) {r.seconds:.2f}s" for r in results)
    emit({"refreshed": [dataclasses.asdict(r) for r in results]}, json, human or "Không có phân khúc nào.")


@app.command()
def builtin(
    refresh_now: Annotated[bool, typer.Option("--refresh", help="Làm mới ngay sau khi tạo.")] = False,
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Create (or update) the built-in segments; safe to run again."""
    with _engine(database_url) as engine:
        ids = seg.ensure_builtins(engine)
        refreshed = [dataclasses.asdict(r) for r in seg.refresh_all(engine)] if refresh_now else []
    emit({"builtins": ids, "refreshed": refreshed}, json, f"{len(ids)} phân khúc có sẵn đã sẵn sàng.")


@app.command("list")
def list_(database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """List segments with their sizes."""
    with _engine(database_url) as engine:
        items = seg.list_segments(engine)
    human = "\n".join(f"{s.id}  {s.segment_type:7}  {s.customer_count:>9}  {s.name}" for s in items)
    emit([dataclasses.asdict(s) for s in items], json, human or "Chưa có phân khúc nào.")


@app.command()
def export(
    segment_id: str,
    out: Annotated[Path, typer.Option("--out", help="Tệp kết quả.")],
    format_: Annotated[str, typer.Option("--format", help="csv hoặc xlsx.")] = "csv",
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Export a segment's members to CSV or XLSX (formulas neutralised)."""
    if format_ not in ("csv", "xlsx"):
        fail("--format phải là csv hoặc xlsx.", 2)
    sid = _segment_id(segment_id)
    with _engine(database_url) as engine:
        try:
            seg.get_segment(engine, sid)
        except seg.SegmentNotFound as exc:
            fail(str(exc))
        rows = (seg.export_csv if format_ == "csv" else seg.export_xlsx)(engine, sid, out)
    emit({"rows": rows, "file": str(out)}, json, f"Đã xuất {rows} khách hàng vào {out}.")


@app.command()
def fields(json: JsonOutput = False) -> None:
    """The field catalogue (types, operators, Vietnamese labels)."""
    data = seg.catalogue_as_dict()
    human = "\n".join(f"{f['name']:24} {f['type']:9} {f['label']}" for f in data["fields"])
    emit(data, json, human)


@app.command()
def schema(out: Annotated[Path | None, typer.Option("--out", help="Ghi ra tệp thay vì in.")] = None) -> None:
    """Print (or write) the rule language's JSON Schema."""
    text = json.dumps(rule_json_schema(), ensure_ascii=False, indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
