"""Reading files as Excel and POS write them, and recognising the headers staff use."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from matviet_desktop.core.importing import detect
from matviet_desktop.core.importing.mapping import (
    MappingError,
    apply_mapping,
    guess_kind,
    header_key,
    load_mapping_file,
    propose_mapping,
)
from matviet_desktop.core.importing.readers import UnreadableFile, open_table, sniff_format
from tests import importing_files as files

TEXT = "Mã KH{d}Họ tên{d}Số điện thoại\nKH001{d}Nguyễn Thị Ánh Đào{d}0912345678\nKH002{d}Trần Văn Bình{d}0987654321\n"


def _read(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    with open_table(path, sniff_format(path)) as (headers, rows):
        return headers, list(rows)


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("cp1258", "cp1258"),
        ("utf-16-excel", "utf-16"),
    ],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters(tmp_path: Path, encoding: str, detected: str, delimiter: str) -> None:
    path = files._write(tmp_path / "f.csv", TEXT.format(d=delimiter), encoding)
    fmt = sniff_format(path)
    assert (fmt.encoding, fmt.delimiter) == (detected, delimiter)
    headers, rows = _read(path)
    assert headers == ["Mã KH", "Họ tên", "Số điện thoại"]
    assert rows == [
        (2, ["KH001", "Nguyễn Thị Ánh Đào", "0912345678"]),
        (3, ["KH002", "Trần Văn Bình", "0987654321"]),
    ]


def test_cp1258_bytes_really_use_combining_tones(tmp_path: Path) -> None:
    data = files.encode_cp1258("Nguyễn")
    assert data == b"Nguy\xea\xden"  # ê precomposed, the tilde (0xDE) as a combining mark
    assert data.decode("cp1258") != "Nguyễn"  # decomposed on the wire…
    path = tmp_path / "n.csv"
    path.write_bytes(files.encode_cp1258("Họ tên\nNguyễn\n"))
    assert _read(path)[1] == [(2, ["Nguyễn"])]  # …composed (NFC) after reading


def test_blank_lines_ragged_rows_and_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text('a,b,c\n1,2\n\n"x\ny",5,6,7\n', encoding="utf-8")
    headers, rows = _read(path)
    assert headers == ["a", "b", "c"]
    assert rows == [(2, ["1", "2", ""]), (4, ["x\ny", "5", "6"])]


def test_xlsx_cells_become_text(tmp_path: Path) -> None:
    headers, rows = _read(files.orders_xlsx(tmp_path))
    assert headers[0] == "Mã đơn hàng"
    assert rows[0] == (2, ["X001", "912345678", "HCM01", "2024-05-01 09:15:00", "1500000", "Cửa hàng"])
    assert rows[1][1][3] == "2024-05-02 00:00:00" and rows[1][1][4] == "2200000"
    assert [n for n, _ in rows] == [2, 3, 4, 6]


def test_unreadable_files_are_explained(tmp_path: Path) -> None:
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    with pytest.raises(UnreadableFile, match="rỗng"):
        sniff_format(empty)
    old = tmp_path / "o.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnreadableFile, match="xlsx"):
        sniff_format(old)


@pytest.mark.parametrize(
    "header",
    ["Số điện thoại", "SỐ ĐIỆN THOẠI", "so dien thoai", "So_Dien_Thoai", "SĐT", "sdt", "Phone", "Di động"],
)
def test_phone_header_variants(header: str) -> None:
    assert propose_mapping("customers", [header]).columns == {"phone": 0}


def test_vietnamese_headers_with_and_without_diacritics() -> None:
    with_marks = ["Mã đơn hàng", "Mã KH", "Cửa hàng", "Ngày mua", "Thành tiền", "Ghi chú"]
    without = ["Ma don hang", "MA KH", "cua hang", "ngay mua", "THANH TIEN", "ghi chu"]
    for headers in (with_marks, without):
        mapping = propose_mapping("orders", headers)
        assert mapping.columns == {
            "external_id": 0,
            "customer_external_id": 1,
            "store_code": 2,
            "order_date": 3,
            "total_amount": 4,
        }
        assert mapping.unmapped_headers == [headers[5]] and mapping.missing_required() == []
    assert header_key("Số điện thoại (*)") == "sodienthoai"


def test_guess_kind_and_detect(tmp_path: Path) -> None:
    assert guess_kind(["Mã đơn hàng", "Số điện thoại", "Cửa hàng", "Ngày mua", "Thành tiền"]) == "orders"
    assert guess_kind(["Mã KH", "Họ tên", "Số điện thoại"]) == "customers"
    assert guess_kind(["foo", "bar"]) is None
    preview = detect(files.customers_cp1258(tmp_path))
    assert (preview.kind, preview.encoding, preview.delimiter) == ("customers", "cp1258", ";")
    assert preview.mapping["phone"] == 2 and preview.missing_required == []
    assert preview.rows[0][1] == "Nguyễn Thị Ánh Đào"


def test_mapping_file(tmp_path: Path) -> None:
    headers = ["SoHD", "Khach", "CH", "Ngay", "Tien"]
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps(
            {
                "kind": "orders",
                "columns": {
                    "SoHD": "external_id",
                    "Khach": "customer_phone",
                    "CH": "store_code",
                    "Ngay": "order_date",
                    "Tien": "total_amount",
                },
                "date_order": "mdy",
            }
        ),
        encoding="utf-8",
    )
    mapping = load_mapping_file(path, "orders", headers)
    assert mapping.columns["customer_phone"] == 1 and mapping.date_order == "mdy"
    assert mapping.missing_required() == []
    assert apply_mapping("orders", headers, {"Tien": "total_amount"}).columns == {
        "external_id": 0,  # recognised automatically ("Số HĐ")
        "order_date": 3,
        "total_amount": 4,  # from the mapping
    }
    with pytest.raises(MappingError, match="không có cột"):
        apply_mapping("orders", headers, {"Missing": "external_id"})
    with pytest.raises(MappingError, match="không có trong loại"):
        apply_mapping("orders", headers, {"SoHD": "nonsense"})
    with pytest.raises(MappingError, match="dành cho"):
        apply_mapping("orders", headers, {"kind": "stores"})


def test_utf16_without_bom_is_detected() -> None:
    from matviet_desktop.core.importing.readers import detect_encoding

    sample = TEXT.format(d="\t").encode("utf-16-le") * 20
    assert detect_encoding(sample).startswith("utf-16")
    assert detect_encoding(codecs.BOM_UTF8 + b"a,b") == "utf-8-sig"
