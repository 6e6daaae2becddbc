"""Export segment members to CSV (via COPY) or XLSX, with formula injection neutralised.

A cell whose text starts with = + - @ or a tab/CR would be run as a formula by Excel/LibreOffice
(OWASP "CSV injection"); such cells get a leading apostrophe. Plain numbers such as "+84901234567"
or "-5" are left alone: they cannot run anything.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from sqlalchemy import Engine, String, case, cast, func, literal, select

from matviet_desktop.core.segments.compiler import VN, customer_rows, customers, memberships, scores

EXPORT_COLUMNS = (
    ("id", "Mã khách hàng"),
    ("external_id", "Mã ngoài"),
    ("full_name", "Họ tên"),
    ("phone", "Số điện thoại"),
    ("email", "Email"),
    ("province", "Tỉnh/thành"),
    ("lifecycle_stage", "Giai đoạn vòng đời"),
    ("clv_tier", "Hạng CLV"),
    ("rfm_segment", "Nhóm RFM"),
    ("order_count", "Số đơn"),
    ("total_spent", "Tổng chi tiêu (VND)"),
    ("last_purchase_at", "Mua gần nhất"),
)
_DANGEROUS = re.compile(r"^[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d[\d.]*$")
_DANGEROUS_SQL = r"^[=+@\t\r-]"
_PLAIN_NUMBER_SQL = r"^[+-]?[0-9][0-9.]*$"


def neutralise(value: Any) -> Any:
    """The value to write in a spreadsheet cell so that it is shown, never evaluated."""
    if isinstance(value, str) and _DANGEROUS.match(value) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def _sql_neutralise(expr: Any) -> Any:
    text_value = cast(expr, String)
    risky = text_value.regexp_match(_DANGEROUS_SQL) & ~text_value.regexp_match(_PLAIN_NUMBER_SQL)
    return case((risky, literal("'") + text_value), else_=text_value)


def _members(segment_id: uuid.UUID, columns: list[Any]) -> Any:
    m = memberships.c
    return (
        select(*columns)
        .select_from(customer_rows.join(memberships, m.customer_id == customers.c.id))
        .where(m.segment_rule_id == segment_id)
        .order_by(customers.c.full_name, customers.c.id)
    )


def _column(name: str) -> Any:
    return (scores.c if name in scores.c else customers.c)[name]


def export_csv(engine: Engine, segment_id: uuid.UUID, out: Path) -> int:
    """UTF-8 with BOM (so Excel shows Vietnamese), header in Vietnamese; returns the row count."""
    cols = []
    for name, _ in EXPORT_COLUMNS:
        col = _column(name)
        expr: Any
        if name == "last_purchase_at":
            expr = func.to_char(func.timezone("Asia/Ho_Chi_Minh", col), "YYYY-MM-DD HH24:MI")
        else:
            expr = col
        cols.append(_sql_neutralise(expr).label(name))
    query = _members(segment_id, cols)
    # COPY takes no parameters; the only value here is a uuid.UUID, rendered as a typed literal.
    sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
    header = ",".join('"' + label.replace('"', '""') + '"' for _, label in EXPORT_COLUMNS)
    with engine.connect() as conn, out.open("wb") as fh:
        fh.write(("\ufeff" + header + "\r\n").encode("utf-8"))
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy("COPY (" + sql + ") TO STDOUT WITH (FORMAT csv)") as copy:
            for block in copy:
                fh.write(bytes(block))
        rows = conn.execute(
            select(func.count()).select_from(_members(segment_id, [customers.c.id]).subquery())
        )
        return int(rows.scalar_one())


def export_xlsx(engine: Engine, segment_id: uuid.UUID, out: Path) -> int:
    """One sheet, streamed (write-only workbook); every text cell stored as text, never a formula."""
    columns = [_column(name) for name, _ in EXPORT_COLUMNS]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Khách hàng")
    ws.append([label for _, label in EXPORT_COLUMNS])
    rows = 0
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=5000).execute(
            _members(segment_id, columns)
        )
        for row in result:
            cells = []
            for value in row:
                if isinstance(value, uuid.UUID):
                    value = str(value)
                elif hasattr(value, "tzinfo") and value.tzinfo is not None:
                    value = value.astimezone(VN).replace(tzinfo=None)  # Excel has no time zones
                cell = WriteOnlyCell(ws, value=neutralise(value))
                if isinstance(value, str):
                    cell.data_type = "s"
                cells.append(cell)
            ws.append(cells)
            rows += 1
    wb.save(out)
    return rows
