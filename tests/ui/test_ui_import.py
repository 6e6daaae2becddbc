"""Import wizard: a messy customer file (Windows-1258, bad rows) through dry run, import, rejects."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import text

from matviet_desktop.devtools.sample_customers import seed_reference
from matviet_desktop.ui.pages.importing.page import ImportPage
from tests.importing_files import customers_cp1258

# From the comments in tests/importing_files.customers_cp1258: 13 rows, 4 valid, 9 rejected.
ROWS, VALID, REJECTED = 13, 4, 9


def test_import_file_with_bad_rows_dry_run_then_import_then_save_rejects(qtbot, ctx, tmp_path: Path) -> None:
    seed_reference(ctx.engine)  # stores HN01, HCM01, DN01 … referenced by the file
    path = customers_cp1258(tmp_path)
    page = ImportPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 850)
    page.show()

    page.open_file(path)
    qtbot.waitUntil(lambda: page.step == 1, timeout=10_000)
    assert page.preview is not None and page.preview.kind == "customers"
    assert page.preview.encoding and "1258" in page.preview.encoding
    assert page.preview_table.rowCount() == ROWS
    assert page.combos["full_name"].currentText() == "Họ và tên"  # proposed from the header
    assert page.dry_run_button.isEnabled()

    # Unmapping a required field blocks the import and says which one.
    name_combo = page.combos["full_name"]
    name_combo.setCurrentIndex(0)
    assert not page.import_button.isEnabled() and "Họ tên" in page.missing.text()
    name_combo.setCurrentIndex(name_combo.findText("Họ và tên"))

    page.dry_run_button.click()
    qtbot.waitUntil(lambda: page.step == 2, timeout=20_000)
    assert page.report is not None and page.report.dry_run
    assert (page.report.total_rows, page.report.valid_rows, page.report.rejected_rows) == (
        ROWS,
        VALID,
        REJECTED,
    )
    assert page.rejects_table.rowCount() == REJECTED
    assert any("không hợp lệ" in page.rejects_table.item(r, 1).text() for r in range(REJECTED))
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar() == 0  # dry run wrote nothing

    page.commit_button.click()
    qtbot.waitUntil(lambda: page.step == 4, timeout=20_000)
    assert not page.report.dry_run and page.report.inserted == VALID
    with ctx.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar() == VALID
        assert conn.execute(text("SELECT full_name FROM customers WHERE external_id = 'KH010'")).scalar() == (
            "Ngô Bảo Châu"
        )

    saved: list[int] = []
    out = tmp_path / "loi.csv"
    page.save_rejects(out, on_done=saved.append)
    qtbot.waitUntil(lambda: bool(saved), timeout=10_000)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert saved == [REJECTED] and len(lines) == REJECTED + 1
    assert lines[0][-1].startswith("Lỗi")
