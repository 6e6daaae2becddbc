"""Rejected rows back out as a CSV a clerk can fix and import again: the original columns in the
original order, plus a last column with what was wrong (UTF-8 with BOM, so Excel shows Vietnamese)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

ERROR_COLUMN = "Lỗi (xóa cột này trước khi nhập lại)"
LINE_COLUMN = "Dòng"


@dataclass(frozen=True)
class RejectedRow:
    line_no: int
    cells: list[str | None]
    problems: list[str]  # Vietnamese messages


def rejected_rows(engine: Engine, import_id: int) -> tuple[list[str], list[RejectedRow]]:
    """(file headers, rejected rows in file order) of one import."""
    with engine.connect() as conn:
        headers = conn.execute(text("SELECT headers FROM imports WHERE id = :i"), {"i": import_id}).scalar()
        if headers is None:
            raise LookupError(f"Không có lần nhập số {import_id}.")
        rows = conn.execute(
            text(
                "SELECT line_no, (array_agg(raw))[1], array_agg(message ORDER BY id) FROM import_rejects"
                " WHERE import_id = :i GROUP BY line_no ORDER BY line_no"
            ),
            {"i": import_id},
        ).all()
    return list(headers), [RejectedRow(int(n), list(raw or []), list(msgs)) for n, raw, msgs in rows]


def export_rejects_csv(engine: Engine, import_id: int, out: Path) -> int:
    """Write the rejected rows of an import to `out`; returns how many rows were written."""
    headers, rows = rejected_rows(engine, import_id)
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*headers, LINE_COLUMN, ERROR_COLUMN])
        for row in rows:
            writer.writerow([*(c or "" for c in row.cells), row.line_no, " | ".join(row.problems)])
    return len(rows)
