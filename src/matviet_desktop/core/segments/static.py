"""Static segments from a CSV upload or a manual list of customers.

The file is matched on the first recognised column: customer id, phone (any Vietnamese form,
normalised to +84…), external id or email. Keys go to the database by COPY and are matched in
one query; rows that match nobody are reported with their line numbers.
"""

from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import phonenumbers
from charset_normalizer import from_bytes
from sqlalchemy import Engine, text

from matviet_desktop.core.segments.refresh import RefreshResult, set_static_members
from matviet_desktop.core.segments.service import SegmentError
from matviet_desktop.core.text import fold

# folded header → key kind
HEADERS = {
    "customer_id": "id",
    "id": "id",
    "ma khach hang": "id",
    "phone": "phone",
    "so dien thoai": "phone",
    "sdt": "phone",
    "dien thoai": "phone",
    "external_id": "external_id",
    "ma ngoai": "external_id",
    "email": "email",
}
_MATCH_SQL = {
    "id": "SELECT k.line, c.id FROM segment_import_keys k LEFT JOIN customers c ON c.id::text = lower(k.key)",
    "phone": "SELECT k.line, c.id FROM segment_import_keys k LEFT JOIN customers c ON c.phone = k.key",
    "external_id": "SELECT k.line, c.id FROM segment_import_keys k LEFT JOIN customers c ON c.external_id = k.key",
    "email": "SELECT k.line, c.id FROM segment_import_keys k LEFT JOIN customers c ON lower(c.email) = lower(k.key)",
}


@dataclass
class ImportReport:
    key_column: str
    rows: int
    matched: int
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (line number, value)
    result: RefreshResult | None = None


def _normalise_phone(value: str) -> str:
    try:
        number = phonenumbers.parse(value, "VN")
    except phonenumbers.NumberParseException:
        return value.strip()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def read_keys(data: bytes) -> tuple[str, str, list[tuple[int, str]]]:
    """(header, key kind, [(line, key)]) from CSV bytes in any common encoding."""
    best = from_bytes(data).best()
    content = str(best) if best is not None else data.decode("utf-8", errors="replace")
    reader = csv.reader(io.StringIO(content.lstrip("\ufeff")))
    header = next(reader, None) or []
    found = [(i, HEADERS.get(fold(name).replace("_", " ").strip())) for i, name in enumerate(header)]
    matches = [(i, kind) for i, kind in found if kind]
    if not matches:
        wanted = "customer_id, phone / Số điện thoại, external_id, email"
        raise SegmentError(f"Không thấy cột nhận diện khách hàng trong tệp CSV; cần một trong: {wanted}.")
    index, kind = matches[0]
    keys = []
    for line, row in enumerate(reader, start=2):
        value = row[index].strip() if index < len(row) else ""
        if value:
            keys.append((line, _normalise_phone(value) if kind == "phone" else value))
    return header[index], kind, keys


def import_static_csv(
    engine: Engine, segment_id: uuid.UUID, path: Path, *, mode: str = "replace"
) -> ImportReport:
    column, kind, keys = read_keys(path.read_bytes())
    with engine.begin() as conn:
        conn.execute(text("CREATE TEMP TABLE segment_import_keys (line int, key text) ON COMMIT DROP"))
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur, cur.copy("COPY segment_import_keys (line, key) FROM STDIN") as copy:
            for row in keys:
                copy.write_row(row)
        matches = conn.execute(text(_MATCH_SQL[kind])).all()
    found = {line: cid for line, cid in matches if cid is not None}
    report = ImportReport(column, len(keys), len(found))
    report.unmatched = [(line, key) for line, key in keys if line not in found]
    report.result = set_static_members(engine, segment_id, set(found.values()), mode=mode)
    return report
