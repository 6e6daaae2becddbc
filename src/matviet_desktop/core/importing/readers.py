"""Read what staff actually export: CSV in UTF-8 (with or without BOM), Windows-1258 or UTF-16
(Excel's "Unicode Text"), separated by comma, semicolon or tab; and XLSX workbooks.

Every reader yields `(line_no, cells)` where `line_no` is the spreadsheet row number a clerk sees
(the header is row 1), and cells are NFC-normalised strings (Windows-1258 spells tones as combining
marks; Excel on macOS writes decomposed UTF-8 too).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import charset_normalizer

SAMPLE_BYTES = 1 << 20
DELIMITERS = (",", ";", "\t", "|")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


class UnreadableFile(ValueError):
    """The file cannot be read as a table; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class TableFormat:
    file_format: str  # 'csv' or 'xlsx'
    encoding: str | None = None
    delimiter: str | None = None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def detect_encoding(sample: bytes) -> str:
    """BOM first; then strict UTF-8; then UTF-16 without BOM or, for single-byte files, Windows-1258
    (the code page Vietnamese Windows uses when Excel saves "CSV")."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(sample[:65536]).best()
    if best is not None and best.encoding.startswith("utf_16"):
        return best.encoding.replace("_", "-")
    return "cp1258"


def detect_delimiter(lines: list[str]) -> str:
    """The candidate that splits the sample into the same number (>1) of columns most often."""
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter) if row]
        if not widths or widths[0] < 2:
            continue
        consistent = sum(1 for w in widths if w == widths[0]) / len(widths)
        score = (consistent, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def sniff_format(path: Path) -> TableFormat:
    if path.suffix.lower() in XLSX_SUFFIXES:
        return TableFormat("xlsx")
    if path.suffix.lower() == ".xls":
        raise UnreadableFile(
            "Tệp .xls (Excel 97–2003) chưa được hỗ trợ: mở bằng Excel và lưu thành .xlsx hoặc CSV."
        )
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if sample.startswith(b"PK\x03\x04"):
        return TableFormat("xlsx")
    if not sample.strip():
        raise UnreadableFile("Tệp rỗng.")
    encoding = detect_encoding(sample)
    text = sample.decode(encoding, errors="ignore")
    lines = text.splitlines()[:50]
    if len(sample) == SAMPLE_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last sampled line may be cut in half
    return TableFormat("csv", encoding, detect_delimiter(lines))


def _nfc_lines(handle: Any) -> Iterator[str]:
    for line in handle:
        yield line if line.isascii() else unicodedata.normalize("NFC", line)


def _xlsx_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value).strip()
    return text if text.isascii() else unicodedata.normalize("NFC", text)


@contextmanager
def open_table(path: Path, fmt: TableFormat) -> Iterator[tuple[list[str], Iterator[tuple[int, list[str]]]]]:
    """(headers, rows) where rows yields (line_no, cells) with cells padded to the header width.
    Entirely blank rows are skipped (but still counted in line numbers)."""
    if fmt.file_format == "xlsx":
        import openpyxl

        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for corrupt files
            raise UnreadableFile(f"Không đọc được tệp Excel: {exc}") from exc
        try:
            sheet = workbook.worksheets[0]
            raw_rows = ([_xlsx_cell(v) for v in row] for row in sheet.iter_rows(values_only=True))
            yield from _with_header(raw_rows)
        finally:
            workbook.close()
        return
    with path.open(encoding=fmt.encoding or "utf-8", errors="replace", newline="") as handle:
        reader = csv.reader(_nfc_lines(handle), delimiter=fmt.delimiter or ",")
        yield from _with_header([c.strip() for c in row] for row in reader)


def _with_header(
    raw_rows: Iterator[list[str]],
) -> Iterator[tuple[list[str], Iterator[tuple[int, list[str]]]]]:
    header: list[str] | None = None
    line_no = 0
    for line_no, row in enumerate(raw_rows, start=1):  # noqa: B007 (line_no used below)
        if any(row):
            header = row
            break
    if header is None:
        raise UnreadableFile("Tệp không có dòng tiêu đề.")
    while header and not header[-1]:
        header.pop()
    width = len(header)
    first_data_line = line_no + 1

    def rows() -> Iterator[tuple[int, list[str]]]:
        for number, row in enumerate(raw_rows, start=first_data_line):
            if not any(row):
                continue
            if len(row) < width:
                row = row + [""] * (width - len(row))
            yield number, row[:width]

    yield header, rows()
