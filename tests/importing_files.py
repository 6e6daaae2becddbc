"""Messy import files as staff produce them, written byte for byte (encodings, separators, Excel).

Shared by the importing tests and by `python -m tests.importing_files docs/samples` (sample files).
Each writer returns the path and documents the expected outcome per row in a comment.
"""

from __future__ import annotations

import codecs
import datetime as dt
import sys
import unicodedata
from pathlib import Path


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters with circumflex/breve/horn are
    precomposed (â, ê, ơ, ư, ă, đ), tones are combining marks (Python's codec is a plain charmap)."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        # Try the base with every mark, with one mark (e.g. ê for ệ), then bare; tones go after.
        for chosen in [marks, *([m] for m in marks), []]:
            head = unicodedata.normalize("NFC", base + "".join(chosen))
            rest = [m for m in marks if m not in chosen]
            try:
                encoded = head.encode("cp1258") + b"".join(m.encode("cp1258") for m in rest)
            except UnicodeEncodeError:
                continue
            out += encoded
            break
        else:
            raise UnicodeEncodeError("cp1258", char, 0, 1, "not encodable")
    return bytes(out)


def _write(path: Path, text: str, encoding: str) -> Path:
    if encoding == "cp1258":
        data = encode_cp1258(text)
    elif encoding == "utf-16-excel":  # Excel "Unicode Text": UTF-16 LE with BOM
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
    path.write_bytes(data)
    return path


def stores_utf16(directory: Path) -> Path:
    """Excel 'Unicode Text' (UTF-16, tab). 3 valid stores."""
    rows = [
        "Mã cửa hàng\tTên cửa hàng\tTỉnh/Thành phố\tQuận/Huyện\tĐang hoạt động",
        "HCM01\tMắt Việt Nguyễn Trãi\tTP. Hồ Chí Minh\tQuận 1\tCó",
        "HN01\tMắt Việt Cầu Giấy\tHà Nội\tCầu Giấy\tcó",
        "DN01\tMắt Việt Hải Châu\tĐà Nẵng\tHải Châu\tKhông",
    ]
    return _write(directory / "cua_hang.txt", "\r\n".join(rows) + "\r\n", "utf-16-excel")


# Expected outcome of customers_cp1258: 13 data rows, 4 imported, 9 rejected.
CUSTOMERS_EXPECTED = {
    "total": 13,
    "valid": 4,
    "rejected": 9,
    "reasons": {
        "bad_phone": 2,
        "bad_email": 1,
        "bad_date": 1,
        "unknown_store": 1,
        "duplicate_in_file": 1,
        "date_in_future": 1,
        "missing_value": 1,
        "missing_identity": 1,
    },
}


def customers_cp1258(directory: Path) -> Path:
    """Windows-1258, semicolons, CRLF, Vietnamese headers; phones as Excel and clerks left them."""
    rows = [
        "Mã KH;Họ và tên;SĐT;Email;Giới tính;Ngày sinh;Cửa hàng",
        "KH001;Nguyễn Thị Ánh Đào;912345678;dao@example.com;Nữ;05/03/1990;HCM01",  # ok, lost zero
        "KH002;Trần Văn Bình;0168 234 5678;;nam;12/11/1985;HN01",  # ok, 2018 renumbering → 038
        "KH003;Lê Hoàng Phúc;09O1234567;;;;HCM01",  # bad_phone (letter O)
        "KH004;Phạm Thu Hà;+84 90 123 4567;ha@@example;;;",  # bad_email
        "KH005;Đỗ Minh Quân;0903.111.222;;;31/02/1992;",  # bad_date
        "KH006;Vũ Thị Lan;0904-222-333;;;;XX99",  # unknown_store
        "KH001;Nguyễn Thị Ánh Đào;0912345678;;;;",  # duplicate_in_file (id and phone)
        "KH007;Hoàng Văn Nam;1900 1234;;;;",  # bad_phone (service number)
        "KH008;Bùi Thị Mai;84 97 555 6666;mai@example.com;nữ;01/01/2090;",  # date_in_future
        "KH009;;0977000111;;;;",  # missing_value (name)
        "KH010;Ngô Bảo Châu;0988 777 666;chau@example.com;khác;;DN01",  # ok
        ";Trịnh Công Sơn;;;;;",  # missing_identity
        "KH011;Lý Thường Kiệt;028 3812 3456;;Nam;;",  # ok, landline
    ]
    return _write(directory / "khach_hang.csv", "\r\n".join(rows) + "\r\n", "cp1258")


ORDERS_EXPECTED = {
    "total": 12,
    "valid": 4,
    "rejected": 8,
    "reasons": {
        "unknown_customer": 1,
        "unknown_store": 1,
        "date_in_future": 1,
        "negative_amount": 1,
        "duplicate_in_file": 1,
        "missing_value": 1,
        "bad_date": 1,
        "bad_amount": 1,
    },
}


def orders_utf8_bom(directory: Path, name: str = "don_hang.csv") -> Path:
    """UTF-8 with BOM (Excel "CSV UTF-8"), commas, headers without diacritics, amounts formatted."""
    rows = [
        "Ma don hang,Ma KH,So dien thoai,Cua hang,Ngay mua,Thanh tien,Giam gia,Trang thai",
        'DH001,KH001,,HCM01,01/02/2024 10:30,"1.250.000",0,Hoàn thành',  # ok
        "DH002,,0912345678,HN01,2024-03-05,2500000,100.000,",  # ok, customer found by phone
        "DH003,KH999,,HCM01,02/02/2024,500000,,",  # unknown_customer
        "DH004,KH002,,ZZ01,03/02/2024,500000,,",  # unknown_store
        "DH005,KH002,,HN01,01/01/2099,500000,,",  # date_in_future
        'DH006,KH002,,HN01,10/10/2024,"-500.000",,',  # negative_amount
        "DH001,KH001,,HCM01,01/02/2024,999,,",  # duplicate_in_file
        'DH007,KH010,,HCM01,15/08/2024,"3,200,000 đ",,đã hủy',  # ok, cancelled
        "DH008,,,HCM01,16/08/2024,100000,,",  # missing_value (customer)
        "DH009,KH011,,HCM01,hôm qua,100000,,",  # bad_date
        "DH010,KH002,,HN01,20/12/2024,abc,,",  # bad_amount
        "DH011,KH002,,HN01,21/12/2024,780000,,",  # ok
    ]
    return _write(directory / name, "\n".join(rows) + "\n", "utf-8-sig")


def orders_xlsx(directory: Path) -> Path:
    """A workbook as Excel keeps it: phones as numbers (leading zero gone), real date cells."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Mã đơn hàng", "Số điện thoại", "Cửa hàng", "Ngày mua", "Thành tiền", "Kênh bán"])
    sheet.append(["X001", 912345678, "HCM01", dt.datetime(2024, 5, 1, 9, 15), 1500000, "Cửa hàng"])  # ok
    sheet.append(["X002", 988777666, "DN01", dt.date(2024, 5, 2), 2200000.0, "website"])  # ok
    sheet.append(["X003", 911111111, "HCM01", dt.date(2024, 5, 3), 100000, None])  # unknown_customer
    sheet.append([None, None, None, None, None, None])  # blank row: skipped, still counted as a line
    sheet.append(["X004", 912345678, "HCM01", dt.date(2024, 5, 4), -5, "fax"])  # negative + bad channel
    path = directory / "don_hang.xlsx"
    workbook.save(path)
    return path


def write_samples(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    return [
        stores_utf16(directory),
        customers_cp1258(directory),
        orders_utf8_bom(directory),
        orders_xlsx(directory),
    ]


if __name__ == "__main__":
    for written in write_samples(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/samples")):
        print(written)
