"""The import pipeline: read → COPY into a staging table → validate in SQL → upsert idempotently.

One call of `run_import` is one row in `imports`. Data changes happen in one transaction, so an
import either lands entirely or not at all (cancel and errors roll back); rejected rows are kept
in `import_rejects` with line number, field and a Vietnamese reason. A dry run does the same work
and reports the same counts, then rolls back the data changes (the import record and its rejects
stay, so the wizard can show them).
"""

from __future__ import annotations

import getpass
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import psycopg
from sqlalchemy import Engine

from matviet_desktop.core.customers.phones import PROBLEM_MESSAGES, normalise_many
from matviet_desktop.core.importing import kinds
from matviet_desktop.core.importing.mapping import (
    FIELDS,
    ColumnMapping,
    MappingError,
    apply_mapping,
    guess_kind,
    load_mapping_file,
    propose_mapping,
)
from matviet_desktop.core.importing.readers import (
    TableFormat,
    UnreadableFile,
    file_sha256,
    open_table,
    sniff_format,
)
from matviet_desktop.core.importing.sqlfuncs import create_functions_sql

PROGRESS_EVERY_ROWS = 20_000
PREVIEW_ROWS = 20

__all__ = [
    "CancelToken",
    "FilePreview",
    "ImportCancelled",
    "ImportReport",
    "MappingError",
    "Progress",
    "UnreadableFile",
    "detect",
    "run_import",
]


class ImportCancelled(Exception):
    """The user cancelled; nothing was written except the import record (status 'cancelled')."""


class CancelToken:
    """Set from the UI thread, checked by the import between batches."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class _Cancellable(Protocol):
    @property
    def cancelled(self) -> bool: ...


@dataclass(frozen=True)
class Progress:
    phase: str  # 'reading', 'validating', 'writing', 'done'
    rows_read: int
    message: str  # Vietnamese, for a status line


@dataclass
class FilePreview:
    path: str
    file_format: str
    encoding: str | None
    delimiter: str | None
    headers: list[str]
    rows: list[list[str]]  # the first rows, as read
    kind: str | None  # guessed (or given) kind of data
    mapping: dict[str, int]  # proposed field → column index
    unmapped_headers: list[str]
    missing_required: list[str]


@dataclass
class ImportReport:
    import_id: int
    kind: str
    file_name: str
    file_sha256: str
    dry_run: bool
    status: str
    total_rows: int = 0
    valid_rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected_rows: int = 0
    reasons: dict[str, int] = field(default_factory=dict)  # reason code → rows rejected for it
    duplicate_candidates: int = 0  # new pairs queued for review (customers)
    previous_import_id: int | None = None  # the same file was imported before
    encoding: str | None = None
    delimiter: str | None = None
    elapsed_s: float = 0.0


REJECT_MESSAGES = {
    "missing_value": "Thiếu {field}: điền giá trị rồi nhập lại.",
    "bad_phone": "{field} '{value}' không hợp lệ: {detail}",
    "bad_email": "{field} '{value}' không đúng dạng email (ví dụ ten@gmail.com).",
    "bad_date": "{field} '{value}' không đọc được: ghi ngày/tháng/năm, ví dụ 25/12/2024 hoặc 25/12/2024 14:30.",
    "date_in_future": "{field} '{value}' nằm trong tương lai: kiểm tra lại ngày.",
    "bad_amount": "{field} '{value}' không phải số tiền: chỉ ghi số, ví dụ 1.250.000.",
    "negative_amount": "{field} '{value}' bị âm: số tiền phải từ 0 trở lên.",
    "bad_quantity": "{field} '{value}' phải là số nguyên dương, ví dụ 1.",
    "bad_value": "{field} '{value}' không hợp lệ: dùng một trong {detail}.",
    "unknown_store": "Không có cửa hàng mã '{value}': sửa mã hoặc nhập danh sách cửa hàng trước.",
    "unknown_customer": "Không tìm thấy khách hàng '{value}': nhập khách hàng trước hoặc sửa mã/số điện thoại.",
    "unknown_order": "Không có đơn hàng '{value}': nhập đơn hàng trước.",
    "unknown_product": "Không có sản phẩm mã '{value}': sửa mã sản phẩm.",
    "missing_identity": "Thiếu cả mã khách hàng, số điện thoại và email: cần ít nhất một.",
    "duplicate_in_file": "{field} '{value}' đã có ở dòng {detail} của tệp: dòng này bị bỏ qua.",
    "same_customer_in_file": "Dòng này là cùng khách hàng với dòng {detail}: gộp hai dòng thành một.",
}


def _labels(kind: str) -> dict[str, str]:
    return {f.name: f.label for f in FIELDS[kind]} | {"customer": "Khách hàng"}


def detect(path: str | Path, kind: str | None = None) -> FilePreview:
    """What the wizard shows before importing: format, headers, first rows and proposed mapping."""
    path = Path(path)
    fmt = sniff_format(path)
    with open_table(path, fmt) as (headers, rows):
        sample = []
        for _, cells in rows:
            sample.append(cells)
            if len(sample) >= PREVIEW_ROWS:
                break
    kind = kind or guess_kind(headers)
    proposal = propose_mapping(kind, headers) if kind else None
    return FilePreview(
        path=str(path),
        file_format=fmt.file_format,
        encoding=fmt.encoding,
        delimiter=fmt.delimiter,
        headers=headers,
        rows=sample,
        kind=kind,
        mapping=dict(proposal.columns) if proposal else {},
        unmapped_headers=proposal.unmapped_headers if proposal else list(headers),
        missing_required=proposal.missing_required() if proposal else [],
    )


def _resolve_mapping(
    kind: str, headers: list[str], mapping: ColumnMapping | dict[str, Any] | str | Path | None
) -> ColumnMapping:
    if mapping is None:
        resolved = propose_mapping(kind, headers)
    elif isinstance(mapping, ColumnMapping):
        resolved = mapping
    elif isinstance(mapping, dict):
        resolved = apply_mapping(kind, headers, mapping)
    else:
        resolved = load_mapping_file(Path(mapping), kind, headers)
    missing = resolved.missing_required()
    if missing:
        labels = _labels(kind)
        names = ", ".join(f"'{labels[m]}' ({m})" for m in missing)
        raise MappingError(f"Tệp thiếu cột bắt buộc: {names}. Đổi tên cột hoặc dùng tệp ánh xạ (--mapping).")
    return resolved


def run_import(
    engine: Engine,
    kind: str,
    path: str | Path,
    mapping: ColumnMapping | dict[str, Any] | str | Path | None = None,
    dry_run: bool = False,
    progress: Callable[[Progress], None] | None = None,
    cancel: _Cancellable | None = None,
    created_by: str | None = None,
) -> ImportReport:
    """Import one file. Raises UnreadableFile/MappingError before anything is recorded, and
    ImportCancelled if `cancel.cancelled` becomes true (then nothing is written)."""
    started = time.perf_counter()
    path = Path(path)
    if kind not in kinds.HANDLERS:
        raise MappingError(f"Loại dữ liệu không hỗ trợ: {kind}. Chọn một trong: {', '.join(kinds.HANDLERS)}.")
    fmt = sniff_format(path)
    sha = file_sha256(path)
    notify = progress or (lambda _p: None)

    def check_cancel() -> None:
        if cancel is not None and cancel.cancelled:
            raise ImportCancelled("Đã hủy nhập dữ liệu.")

    raw = engine.raw_connection()
    try:
        conn: psycopg.Connection[Any] = raw.driver_connection  # type: ignore[assignment]
        conn.rollback()
        with open_table(path, fmt) as (headers, rows):
            column_mapping = _resolve_mapping(kind, headers, mapping)
            import_id, previous = _record_start(
                conn, kind, path, sha, fmt, headers, column_mapping, dry_run, created_by
            )
            report = ImportReport(
                import_id=import_id,
                kind=kind,
                file_name=path.name,
                file_sha256=sha,
                dry_run=dry_run,
                status="running",
                previous_import_id=previous,
                encoding=fmt.encoding,
                delimiter=fmt.delimiter,
            )
            try:
                with conn.transaction():
                    cur = conn.cursor()
                    cur.execute(create_functions_sql())
                    report.total_rows = _copy_rows(cur, headers, rows, notify, check_cancel)
                    check_cancel()
                    notify(Progress("validating", report.total_rows, "Đang kiểm tra dữ liệu…"))
                    handler = kinds.HANDLERS[kind]
                    ctx = kinds.StageContext(cur, import_id, column_mapping, headers)
                    _stage_phones(cur, ctx, handler.phone_fields)
                    handler.stage(ctx)
                    _insert_rejects(cur, ctx)
                    check_cancel()
                    notify(Progress("writing", report.total_rows, "Đang ghi vào cơ sở dữ liệu…"))
                    cur.execute("SAVEPOINT before_apply")
                    outcome = handler.apply(ctx)
                    if dry_run:
                        cur.execute("ROLLBACK TO SAVEPOINT before_apply")
                    check_cancel()
                    _fill_counts(cur, report, outcome)
                    report.status = "completed"
                    report.elapsed_s = round(time.perf_counter() - started, 3)
                    _record_finish(cur, report)
            except ImportCancelled:
                _record_failure(conn, import_id, "cancelled", "Người dùng đã hủy.")
                raise
            except Exception as exc:
                _record_failure(conn, import_id, "failed", str(exc)[:2000])
                raise
        notify(Progress("done", report.total_rows, "Hoàn tất."))
        return report
    finally:
        raw.close()


def _record_start(
    conn: psycopg.Connection[Any],
    kind: str,
    path: Path,
    sha: str,
    fmt: TableFormat,
    headers: list[str],
    mapping: ColumnMapping,
    dry_run: bool,
    created_by: str | None,
) -> tuple[int, int | None]:
    with conn.transaction():
        previous = conn.execute(
            "SELECT max(id) FROM imports WHERE file_sha256 = %s AND kind = %s AND status = 'completed'"
            " AND NOT dry_run",
            (sha, kind),
        ).fetchone()
        row = conn.execute(
            "INSERT INTO imports (kind, file_name, file_sha256, file_size, encoding, delimiter, headers,"
            " mapping, dry_run, created_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
            (
                kind,
                path.name,
                sha,
                path.stat().st_size,
                fmt.encoding,
                fmt.delimiter,
                json.dumps(headers, ensure_ascii=False),
                json.dumps(mapping.to_json(headers), ensure_ascii=False),
                dry_run,
                created_by or _current_user(),
            ),
        ).fetchone()
    assert row is not None
    return int(row[0]), (previous[0] if previous else None)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except OSError:  # no login name (service accounts)
        return "unknown"


def _copy_rows(
    cur: psycopg.Cursor[Any],
    headers: list[str],
    rows: Any,
    notify: Callable[[Progress], None],
    check_cancel: Callable[[], None],
) -> int:
    columns = ", ".join(f"c{i} text" for i in range(len(headers)))
    cur.execute(f"CREATE TEMP TABLE stg_raw (line_no integer PRIMARY KEY, {columns}) ON COMMIT DROP")
    count = 0
    with cur.copy("COPY stg_raw FROM STDIN") as copy:
        for line_no, cells in rows:
            copy.write_row((line_no, *cells))
            count += 1
            if count % PROGRESS_EVERY_ROWS == 0:
                check_cancel()
                notify(Progress("reading", count, f"Đã đọc {count:,} dòng…".replace(",", ".")))
    cur.execute("ANALYZE stg_raw")
    return count


def _stage_phones(cur: psycopg.Cursor[Any], ctx: kinds.StageContext, phone_fields: tuple[str, ...]) -> None:
    """Normalise each distinct raw phone once in Python; SQL joins the result."""
    cur.execute(
        "CREATE TEMP TABLE stg_phone (raw text PRIMARY KEY, e164 text, kind text, message text) ON COMMIT DROP"
    )
    sources = [ctx.col(f) for f in phone_fields if ctx.mapped(f)]
    if not sources:
        return
    union = " UNION ".join(f"SELECT {s} FROM stg_raw r" for s in sources)
    values = [row[0] for row in cur.execute(f"SELECT v FROM ({union}) u(v) WHERE v IS NOT NULL")]
    with cur.copy("COPY stg_phone (raw, e164, kind, message) FROM STDIN") as copy:
        for raw, result in normalise_many(values).items():
            message = PROBLEM_MESSAGES.get(result.problem or "", "") if result.problem else None
            copy.write_row((raw, result.e164, str(result.kind), message))
    cur.execute("ANALYZE stg_phone")


def _insert_rejects(cur: psycopg.Cursor[Any], ctx: kinds.StageContext) -> None:
    value_cases = " ".join(
        f"WHEN '{name}' THEN {ctx.col(name)}"
        for name in (f.name for f in FIELDS[ctx.mapping.kind])
        if ctx.mapped(name)
    )
    value_expr = f"CASE p.field {value_cases} END" if value_cases else "NULL::text"
    raw_cells = ", ".join(f"r.c{i}" for i in range(len(ctx.headers)))
    cur.execute(
        f"""
        INSERT INTO import_rejects (import_id, line_no, field, value, reason_code, message, raw)
        SELECT %(import_id)s, s.line_no, NULLIF(p.field, ''), v.value, p.code,
               replace(replace(replace(%(templates)s::jsonb ->> p.code,
                   '{{field}}', coalesce(%(labels)s::jsonb ->> p.field, p.field)),
                   '{{value}}', coalesce(v.value, '')), '{{detail}}', p.detail),
               to_jsonb(ARRAY[{raw_cells}])
        FROM stg s
        JOIN stg_raw r ON r.line_no = s.line_no
        CROSS JOIN LATERAL unnest(s.problems) AS u(problem)
        CROSS JOIN LATERAL (SELECT split_part(u.problem, '|', 1) AS code,
                                   split_part(u.problem, '|', 2) AS field,
                                   split_part(u.problem, '|', 3) AS detail) p
        CROSS JOIN LATERAL (SELECT {value_expr} AS value) v
        WHERE cardinality(s.problems) > 0
        """,
        {
            "import_id": ctx.import_id,
            "templates": json.dumps(REJECT_MESSAGES, ensure_ascii=False),
            "labels": json.dumps(_labels(ctx.mapping.kind), ensure_ascii=False),
        },
    )


def _fill_counts(cur: psycopg.Cursor[Any], report: ImportReport, outcome: kinds.Outcome) -> None:
    row = cur.execute(
        "SELECT count(*) FILTER (WHERE cardinality(problems) = 0), count(*) FILTER (WHERE cardinality(problems) > 0)"
        " FROM stg"
    ).fetchone()
    assert row is not None
    report.valid_rows, report.rejected_rows = int(row[0]), int(row[1])
    report.inserted, report.updated = outcome.inserted, outcome.updated
    report.unchanged = report.valid_rows - outcome.inserted - outcome.updated
    report.duplicate_candidates = outcome.duplicate_candidates
    reasons = cur.execute(
        "SELECT reason_code, count(DISTINCT line_no) FROM import_rejects WHERE import_id = %s"
        " GROUP BY reason_code ORDER BY reason_code",
        (report.import_id,),
    ).fetchall()
    report.reasons = {code: int(n) for code, n in reasons}


def _record_finish(cur: psycopg.Cursor[Any], report: ImportReport) -> None:
    cur.execute(
        "UPDATE imports SET status = %s, total_rows = %s, valid_rows = %s, inserted_rows = %s,"
        " updated_rows = %s, unchanged_rows = %s, rejected_rows = %s, finished_at = now() WHERE id = %s",
        (
            report.status,
            report.total_rows,
            report.valid_rows,
            report.inserted,
            report.updated,
            report.unchanged,
            report.rejected_rows,
            report.import_id,
        ),
    )


def _record_failure(conn: psycopg.Connection[Any], import_id: int, status: str, message: str) -> None:
    try:
        with conn.transaction():
            conn.execute(
                "UPDATE imports SET status = %s, message = %s, finished_at = now() WHERE id = %s",
                (status, message, import_id),
            )
    except psycopg.Error:  # the connection itself failed: the record stays 'running', the cause is raised
        pass
