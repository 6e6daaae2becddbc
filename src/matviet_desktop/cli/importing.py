"""`matviet import …` and `matviet duplicates …`: file imports, rejected rows, duplicate review."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy import Engine

from matviet_desktop.cli.common import DatabaseUrl, JsonOutput, emit, engine_for, fail
from matviet_desktop.core.customers import identity
from matviet_desktop.core.importing import (
    KINDS,
    ImportReport,
    MappingError,
    UnreadableFile,
    detect,
    export_rejects_csv,
    run_import,
)

app = typer.Typer(help="Nhập dữ liệu từ CSV/Excel / import files.", no_args_is_help=True)
duplicates_app = typer.Typer(help="Khách hàng trùng lặp: xem, gộp, hoàn tác.", no_args_is_help=True)

MappingOption = Annotated[
    Path | None, typer.Option("--mapping", help="Tệp JSON ánh xạ cột → trường (xem docs/import.md).")
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Kiểm tra và đếm, không ghi dữ liệu.")]


@contextmanager
def _engine(database_url: str | None) -> Iterator[Engine]:
    """An engine for one command, closed afterwards (no pooled connections left behind)."""
    engine = engine_for(database_url)
    try:
        yield engine
    finally:
        engine.dispose()


def _summary(report: ImportReport) -> str:
    head = "Chạy thử" if report.dry_run else "Đã nhập"
    lines = [
        f"{head} {report.file_name} ({report.kind}), lần nhập số {report.import_id}: {report.total_rows} dòng — "
        f"{report.inserted} mới, {report.updated} cập nhật, {report.unchanged} không đổi, "
        f"{report.rejected_rows} bị từ chối."
    ]
    lines += [f"  {code}: {n} dòng" for code, n in report.reasons.items()]
    if report.rejected_rows:
        lines.append(f"  Xuất các dòng lỗi: matviet import rejects {report.import_id} --out loi.csv")
    if report.duplicate_candidates:
        lines.append(f"  {report.duplicate_candidates} cặp có thể trùng chờ duyệt: matviet duplicates list")
    if report.previous_import_id:
        lines.append(
            f"  Tệp này đã được nhập trước đây (lần {report.previous_import_id}); không tạo bản trùng."
        )
    return "\n".join(lines)


def _make_import_command(kind: str) -> None:
    def command(
        file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
        mapping: MappingOption = None,
        dry_run: DryRun = False,
        database_url: DatabaseUrl = None,
        json: JsonOutput = False,
    ) -> None:
        try:
            with _engine(database_url) as engine:
                report = run_import(engine, kind, file, mapping=mapping, dry_run=dry_run)
        except (UnreadableFile, MappingError) as exc:
            fail(str(exc))
            return
        emit(report, json, _summary(report))

    command.__doc__ = f"Import a {kind} file (CSV or XLSX)."
    app.command(name=kind)(command)


for _kind in KINDS:
    _make_import_command(_kind)


@app.command("detect")
def detect_command(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    kind: Annotated[str | None, typer.Option(help="Loại dữ liệu, nếu không tự đoán.")] = None,
    json: JsonOutput = False,
) -> None:
    """Show encoding, delimiter, headers and the proposed column mapping of a file."""
    try:
        preview = detect(file, kind)
    except (UnreadableFile, MappingError) as exc:
        fail(str(exc))
        return
    human = (
        f"{preview.file_format} {preview.encoding or ''} delimiter={preview.delimiter!r} kind={preview.kind}\n"
        + "\n".join(f"  {preview.headers[i]} → {f}" for f, i in preview.mapping.items())
        + (f"\n  thiếu: {', '.join(preview.missing_required)}" if preview.missing_required else "")
    )
    emit(preview, json, human)


@app.command("rejects")
def rejects_command(
    import_id: int,
    out: Annotated[Path, typer.Option("--out", help="Tệp CSV để ghi các dòng bị từ chối.")],
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Write the rejected rows of an import to a CSV to fix and import again."""
    try:
        with _engine(database_url) as engine:
            count = export_rejects_csv(engine, import_id, out)
    except LookupError as exc:
        fail(str(exc))
        return
    emit({"import_id": import_id, "rows": count, "out": str(out)}, json, f"Đã ghi {count} dòng lỗi vào {out}")


@duplicates_app.command("list")
def list_command(
    status: str = "pending", limit: int = 100, database_url: DatabaseUrl = None, json: JsonOutput = False
) -> None:
    """Pairs of customers that may be the same person."""
    with _engine(database_url) as engine:
        pairs = identity.list_duplicates(engine, status=status, limit=limit)
    human = (
        "\n".join(
            f"#{p.id} {p.reason} ({p.score}): {p.a.full_name} {p.a.phone or ''} {p.a.external_id or ''}"
            f"  ↔  {p.b.full_name} {p.b.phone or ''} {p.b.external_id or ''}"
            for p in pairs
        )
        or "Không có cặp nào."
    )
    emit(pairs, json, human)


@duplicates_app.command("detect")
def detect_duplicates_command(database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Scan all customers for probable duplicates (same email; same name and birthday)."""
    with _engine(database_url) as engine:
        added = identity.detect_duplicates(engine)
    emit({"added": added}, json, f"Thêm {added} cặp vào hàng chờ duyệt.")


@duplicates_app.command("merge")
def merge_command(
    candidate_id: int,
    survivor: Annotated[
        str | None, typer.Option(help="Id khách hàng giữ lại (mặc định: nhiều đơn hơn).")
    ] = None,
    database_url: DatabaseUrl = None,
    json: JsonOutput = False,
) -> None:
    """Merge a queued pair into one customer (undoable)."""
    try:
        with _engine(database_url) as engine:
            result = identity.merge_candidate(engine, candidate_id, uuid.UUID(survivor) if survivor else None)
    except identity.MergeError as exc:
        fail(str(exc))
        return
    emit(
        result,
        json,
        f"Đã gộp (lần gộp số {result.merge_id}); hoàn tác: matviet duplicates undo {result.merge_id}",
    )


@duplicates_app.command("undo")
def undo_command(merge_id: int, database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Undo a merge: restore the merged customer and move its rows back."""
    try:
        with _engine(database_url) as engine:
            identity.undo_merge(engine, merge_id)
    except identity.MergeError as exc:
        fail(str(exc))
        return
    emit({"merge_id": merge_id, "undone": True}, json, f"Đã hoàn tác lần gộp số {merge_id}.")


@duplicates_app.command("dismiss")
def dismiss_command(candidate_id: int, database_url: DatabaseUrl = None, json: JsonOutput = False) -> None:
    """Mark a pair as two different people."""
    try:
        with _engine(database_url) as engine:
            identity.dismiss_duplicate(engine, candidate_id)
    except identity.MergeError as exc:
        fail(str(exc))
        return
    emit({"candidate_id": candidate_id, "dismissed": True}, json, "Đã đánh dấu là hai người khác nhau.")
