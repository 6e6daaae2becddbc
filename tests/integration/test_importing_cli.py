"""`matviet import …` and `matviet duplicates …` end to end on a real database."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from matviet_desktop.cli.main import app
from tests import importing_files as files


def _run(*args: str) -> dict | list:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_import_reject_export_and_duplicates(db_url: str, tmp_path: Path) -> None:
    db = ["--database-url", db_url]
    _run("import", "stores", str(files.stores_utf16(tmp_path)), *db, "--json")
    dry = _run("import", "customers", str(files.customers_cp1258(tmp_path)), "--dry-run", *db, "--json")
    assert dry["dry_run"] is True and dry["inserted"] == 4
    report = _run("import", "customers", str(files.customers_cp1258(tmp_path)), *db, "--json")
    assert (report["inserted"], report["rejected_rows"]) == (4, 9)
    assert report["reasons"]["bad_phone"] == 2

    out = tmp_path / "loi.csv"
    exported = _run("import", "rejects", str(report["import_id"]), "--out", str(out), *db, "--json")
    assert exported["rows"] == 9 and out.read_text(encoding="utf-8-sig").count("\n") == 10

    same = tmp_path / "same.csv"
    same.write_text(
        "Mã KH,Họ tên,Email,Ngày sinh\nKH020,Ngô Bảo Châu,x@example.com,01/01/1980\n", encoding="utf-8"
    )
    _run("import", "customers", str(same), *db, "--json")
    pairs = _run("duplicates", "list", *db, "--json")
    assert isinstance(pairs, list) and pairs == []  # same name, different everything else: not queued
    twin = tmp_path / "twin.csv"
    twin.write_text("Mã KH,Họ tên,Email\nKH021,Ngô Bảo Châu,chau@example.com\n", encoding="utf-8")
    _run("import", "customers", str(twin), *db, "--json")
    pairs = _run("duplicates", "list", *db, "--json")
    assert [p["reason"] for p in pairs] == ["same_email"]
    merged = _run("duplicates", "merge", str(pairs[0]["id"]), *db, "--json")
    undone = _run("duplicates", "undo", str(merged["merge_id"]), *db, "--json")
    assert undone == {"merge_id": merged["merge_id"], "undone": True}


def test_unknown_columns_fail_with_a_message(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "orders", str(path), "--database-url", db_url])
    assert result.exit_code == 1
    assert "thiếu cột bắt buộc" in result.output
