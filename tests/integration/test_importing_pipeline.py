"""Imports against a real PostgreSQL: messy files, exact counts and reasons, idempotent re-import,
dry run, cancel, rejects round trip."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from matviet_desktop.core.importing import (
    CancelToken,
    ImportCancelled,
    MappingError,
    Progress,
    export_rejects_csv,
    run_import,
)
from matviet_desktop.core.text import search_text
from tests import importing_files as files


def _scalar(engine: Engine, sql: str, **params: object) -> object:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def _load_base(engine: Engine, tmp_path: Path) -> None:
    stores = run_import(engine, "stores", files.stores_utf16(tmp_path))
    assert (stores.total_rows, stores.inserted, stores.rejected_rows) == (3, 3, 0)
    customers = run_import(engine, "customers", files.customers_cp1258(tmp_path))
    assert customers.rejected_rows == files.CUSTOMERS_EXPECTED["rejected"]


def test_stores_from_excel_unicode_text(engine: Engine, tmp_path: Path) -> None:
    report = run_import(engine, "stores", files.stores_utf16(tmp_path))
    assert report.encoding == "utf-16" and report.delimiter == "\t"
    assert (report.inserted, report.rejected_rows) == (3, 0)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT code, name, is_active FROM stores ORDER BY code")).all()
    assert [tuple(r) for r in rows] == [
        ("DN01", "Mắt Việt Hải Châu", False),
        ("HCM01", "Mắt Việt Nguyễn Trãi", True),
        ("HN01", "Mắt Việt Cầu Giấy", True),
    ]


def test_customers_cp1258_counts_reasons_and_canonical_phones(engine: Engine, tmp_path: Path) -> None:
    run_import(engine, "stores", files.stores_utf16(tmp_path))
    report = run_import(engine, "customers", files.customers_cp1258(tmp_path))
    expected = files.CUSTOMERS_EXPECTED
    assert report.encoding == "cp1258" and report.delimiter == ";"
    assert (report.total_rows, report.valid_rows, report.rejected_rows) == (
        expected["total"],
        expected["valid"],
        expected["rejected"],
    )
    assert report.inserted == 4 and report.updated == 0
    assert report.reasons == expected["reasons"]
    with engine.connect() as conn:
        stored = {
            r.external_id: r
            for r in conn.execute(
                text("SELECT external_id, full_name, phone, email, search_text FROM customers")
            )
        }
        rejects = conn.execute(
            text(
                "SELECT line_no, field, value, reason_code FROM import_rejects WHERE import_id = :i ORDER BY line_no"
            ),
            {"i": report.import_id},
        ).all()
    assert stored["KH001"].full_name == "Nguyễn Thị Ánh Đào"  # decoded from cp1258 combining tones, NFC
    assert stored["KH001"].phone == "+84912345678"  # leading zero restored
    assert stored["KH002"].phone == "+84382345678"  # 0168 → 038
    assert stored["KH011"].phone == "+842838123456"  # landline kept
    for row in stored.values():
        assert row.search_text == search_text(row.full_name, row.phone, row.email)
    by_line = {(r.line_no, r.reason_code): r for r in rejects}
    assert by_line[(4, "bad_phone")].value == "09O1234567"
    assert by_line[(9, "bad_phone")].field == "phone"
    assert by_line[(7, "unknown_store")].value == "XX99"
    assert (8, "duplicate_in_file") in by_line
    assert (13, "missing_identity") in by_line


def test_orders_messy_file_then_reimport_creates_no_duplicates(engine: Engine, tmp_path: Path) -> None:
    _load_base(engine, tmp_path)
    path = files.orders_utf8_bom(tmp_path)
    first = run_import(engine, "orders", path)
    expected = files.ORDERS_EXPECTED
    assert first.encoding == "utf-8-sig"
    assert (first.total_rows, first.valid_rows, first.rejected_rows) == (
        expected["total"],
        expected["valid"],
        expected["rejected"],
    )
    assert first.reasons == expected["reasons"]
    assert (first.inserted, first.updated, first.unchanged) == (4, 0, 0)
    with engine.connect() as conn:
        rows = {
            r.external_id: r
            for r in conn.execute(
                text(
                    "SELECT o.external_id, o.total_amount, o.discount_amount, o.status, c.external_id AS cust,"
                    " o.order_date AT TIME ZONE 'Asia/Ho_Chi_Minh' AS local FROM orders o"
                    " JOIN customers c ON c.id = o.customer_id"
                )
            )
        }
    assert set(rows) == {"DH001", "DH002", "DH007", "DH011"}
    assert rows["DH001"].total_amount == 1250000 and str(rows["DH001"].local) == "2024-02-01 10:30:00"
    assert rows["DH002"].cust == "KH001" and rows["DH002"].discount_amount == 100000
    assert rows["DH007"].total_amount == 3200000 and rows["DH007"].status == "cancelled"

    again = run_import(engine, "orders", path)
    assert again.previous_import_id == first.import_id
    assert (again.inserted, again.updated, again.unchanged, again.rejected_rows) == (0, 0, 4, 8)
    assert _scalar(engine, "SELECT count(*) FROM orders") == 4


def test_overlapping_file_updates_changed_rows_only(engine: Engine, tmp_path: Path) -> None:
    _load_base(engine, tmp_path)
    run_import(engine, "orders", files.orders_utf8_bom(tmp_path))
    overlap = tmp_path / "overlap.csv"
    overlap.write_text(
        "Mã đơn hàng,Mã KH,Cửa hàng,Ngày mua,Thành tiền\n"
        "DH001,KH001,HCM01,01/02/2024 10:30,1300000\n"  # amount corrected
        "DH011,KH002,HN01,21/12/2024,780000\n"  # same as before
        "DH012,KH010,DN01,22/12/2024,450000\n",  # new
        encoding="utf-8",
    )
    report = run_import(engine, "orders", overlap)
    assert (report.inserted, report.updated, report.unchanged, report.rejected_rows) == (1, 1, 1, 0)
    assert _scalar(engine, "SELECT total_amount FROM orders WHERE external_id = 'DH001'") == 1300000
    assert _scalar(engine, "SELECT count(*) FROM orders") == 5


def test_xlsx_with_excel_numbers_and_dates(engine: Engine, tmp_path: Path) -> None:
    _load_base(engine, tmp_path)
    report = run_import(engine, "orders", files.orders_xlsx(tmp_path))
    assert report.encoding is None and report.delimiter is None
    assert (report.total_rows, report.inserted, report.rejected_rows) == (4, 2, 2)
    assert report.reasons == {"unknown_customer": 1, "negative_amount": 1, "bad_value": 1}
    with engine.connect() as conn:
        lines = (
            conn.execute(
                text("SELECT DISTINCT line_no FROM import_rejects WHERE import_id = :i ORDER BY 1"),
                {"i": report.import_id},
            )
            .scalars()
            .all()
        )
        channel = conn.execute(text("SELECT channel FROM orders WHERE external_id = 'X002'")).scalar()
    assert lines == [4, 6]  # the blank row 5 still counts in spreadsheet numbering
    assert channel == "website"


def test_dry_run_reports_the_same_and_writes_nothing(engine: Engine, tmp_path: Path) -> None:
    _load_base(engine, tmp_path)
    path = files.orders_utf8_bom(tmp_path)
    dry = run_import(engine, "orders", path, dry_run=True)
    assert (dry.inserted, dry.rejected_rows) == (4, 8)
    assert _scalar(engine, "SELECT count(*) FROM orders") == 0
    assert _scalar(engine, "SELECT count(*) FROM import_rejects WHERE import_id = :i", i=dry.import_id) == 8
    assert _scalar(
        engine, "SELECT dry_run AND status = 'completed' FROM imports WHERE id = :i", i=dry.import_id
    )
    real = run_import(engine, "orders", path)
    assert real.previous_import_id is None  # a dry run does not count as imported
    assert real.inserted == 4


def test_cancel_rolls_everything_back(engine: Engine, tmp_path: Path) -> None:
    _load_base(engine, tmp_path)
    token = CancelToken()
    phases: list[str] = []

    def on_progress(p: Progress) -> None:
        phases.append(p.phase)
        if p.phase == "writing":
            token.cancel()

    with pytest.raises(ImportCancelled):
        run_import(engine, "orders", files.orders_utf8_bom(tmp_path), progress=on_progress, cancel=token)
    assert phases[:2] == ["validating", "writing"]
    assert _scalar(engine, "SELECT count(*) FROM orders") == 0
    assert _scalar(engine, "SELECT status FROM imports ORDER BY id DESC LIMIT 1") == "cancelled"


def test_rejects_export_fix_and_reimport(engine: Engine, tmp_path: Path) -> None:
    _load_base(engine, tmp_path)
    report = run_import(engine, "orders", files.orders_utf8_bom(tmp_path))
    out = tmp_path / "loi.csv"
    assert export_rejects_csv(engine, report.import_id, out) == 8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert header[:8] == [
        "Ma don hang",
        "Ma KH",
        "So dien thoai",
        "Cua hang",
        "Ngay mua",
        "Thanh tien",
        "Giam gia",
        "Trang thai",
    ]
    negative = next(r for r in body if r[0] == "DH006")
    assert "bị âm" in negative[-1] and negative[-2] == "7"
    # The clerk fixes the negative amount, deletes the other rows and imports the file again.
    fixed = tmp_path / "sua.csv"
    with fixed.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header[:-2])
        writer.writerow([*negative[:5], "500.000", *negative[6:8]])
    again = run_import(engine, "orders", fixed)
    assert (again.inserted, again.rejected_rows) == (1, 0)


def test_missing_required_column_is_named(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Mã đơn hàng,Cửa hàng\nA1,HCM01\n", encoding="utf-8")
    with pytest.raises(MappingError, match="Ngày mua"):
        run_import(engine, "orders", path)


def test_mapping_file_for_another_layout(engine: Engine, tmp_path: Path) -> None:
    _load_base(engine, tmp_path)
    path = tmp_path / "pos.csv"
    path.write_text("SoHD|KhachSo|CH|NgayGD|TongTT\nP1|0912345678|HCM01|2024-06-01|99000\n", encoding="utf-8")
    mapping = tmp_path / "pos.json"
    mapping.write_text(
        '{"kind": "orders", "columns": {"SoHD": "external_id", "KhachSo": "customer_phone", "CH": "store_code",'
        ' "NgayGD": "order_date", "TongTT": "total_amount"}}',
        encoding="utf-8",
    )
    report = run_import(engine, "orders", path, mapping=mapping)
    assert report.delimiter == "|" and (report.inserted, report.rejected_rows) == (1, 0)


def test_order_items_keyed_by_order_and_line(engine: Engine, tmp_path: Path) -> None:
    _load_base(engine, tmp_path)
    run_import(engine, "orders", files.orders_utf8_bom(tmp_path))
    path = tmp_path / "items.csv"
    path.write_text(
        "Mã đơn hàng,Nhóm hàng,Số lượng,Đơn giá\n"
        "DH001,Gọng kính,1,1.000.000\n"
        "DH001,Kính áp tròng,2,125.000\n"
        "DH404,Kính mát,1,100000\n"  # unknown_order
        "DH002,kính,0,100000\n",  # bad_quantity
        encoding="utf-8",
    )
    first = run_import(engine, "order_items", path)
    assert (first.inserted, first.rejected_rows) == (2, 2)
    assert first.reasons == {"unknown_order": 1, "bad_quantity": 1}
    second = run_import(engine, "order_items", path)
    assert (second.inserted, second.unchanged) == (0, 2)
    assert _scalar(engine, "SELECT string_agg(category, ',' ORDER BY external_id) FROM order_items") == (
        "glasses,contact_lenses"
    )
