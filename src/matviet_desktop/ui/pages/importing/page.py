"""Import wizard: choose a file → preview with detected encoding and an editable column mapping →
dry run with the rejected rows listed → import with progress and cancel → report, save rejects.

The reading, validation and writing are `core.importing` (detect / run_import); this page only
collects the mapping and shows what core reports. Everything runs as background tasks; imports
go to the serial pool so two imports never interleave.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core import importing
from matviet_desktop.core.importing import ColumnMapping, FilePreview, ImportReport
from matviet_desktop.core.importing.mapping import FIELDS
from matviet_desktop.core.importing.rejects import RejectedRow, export_rejects_csv, rejected_rows
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.base import Page
from matviet_desktop.ui.tasks import Progress, Task, TaskError
from matviet_desktop.ui.widgets.common import Banner, Card, KpiCard, PageHeader, button, label, page_layout

KIND_LABELS = {
    "customers": QT_TRANSLATE_NOOP("Import", "Khách hàng"),
    "orders": QT_TRANSLATE_NOOP("Import", "Đơn hàng"),
    "order_items": QT_TRANSLATE_NOOP("Import", "Chi tiết đơn hàng"),
    "stores": QT_TRANSLATE_NOOP("Import", "Cửa hàng"),
    "engagements": QT_TRANSLATE_NOOP("Import", "Tương tác (ghé cửa hàng, khám mắt, NPS)"),
    "consents": QT_TRANSLATE_NOOP("Import", "Đồng ý nhận tin"),
    "do_not_contact": QT_TRANSLATE_NOOP("Import", "Danh sách không liên lạc"),
}
STEPS = [
    QT_TRANSLATE_NOOP("Import", "1. Chọn tệp"),
    QT_TRANSLATE_NOOP("Import", "2. Ghép cột"),
    QT_TRANSLATE_NOOP("Import", "3. Chạy thử"),
    QT_TRANSLATE_NOOP("Import", "4. Nhập"),
    QT_TRANSLATE_NOOP("Import", "5. Kết quả"),
]
NOT_IMPORTED = -1
# For --screenshots: what a store clerk's export typically looks like, mistakes included.
SAMPLE_CSV = """Mã KH;Họ và tên;SĐT;Email;Giới tính;Ngày sinh;Cửa hàng
KH9001;Nguyễn Thị Ánh Đào;0912 345 678;dao@example.com;Nữ;05/03/1990;HCM01
KH9002;Trần Văn Bình;0168 234 5678;;nam;12/11/1985;HN01
KH9003;Lê Hoàng Phúc;09O1234567;;;;HCM01
KH9004;Phạm Thu Hà;+84 90 123 4567;ha@@example;;;
KH9005;Đỗ Minh Quân;0903.111.222;;;31/02/1992;
KH9006;Vũ Thị Lan;0904-222-333;;;;XX99
KH9007;Ngô Bảo Châu;0988 777 666;chau@example.com;khác;;DN01
"""


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


class ImportPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.preview: FilePreview | None = None
        self.report: ImportReport | None = None
        self.running: Task | None = None
        layout = page_layout(self)
        self.header = PageHeader(
            self.tr("Nhập dữ liệu"),
            self.tr(
                "Nhập khách hàng, đơn hàng, cửa hàng… từ tệp CSV hoặc Excel. Chạy thử trước để xem dòng lỗi."
            ),
        )
        layout.addWidget(self.header)
        steps = QHBoxLayout()
        self.step_labels = [label(QCoreApplication.translate("Import", s), "Muted") for s in STEPS]
        for step in self.step_labels:
            steps.addWidget(step)
        steps.addStretch(1)
        layout.addLayout(steps)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self._build_choose()
        self._build_mapping()
        self._build_results()
        self._build_running()
        self._go(0)

    # Steps ------------------------------------------------------------------------------------
    def _go(self, step: int) -> None:
        self.step = step
        self.stack.setCurrentIndex({0: 0, 1: 1, 2: 2, 3: 3, 4: 2}[step])
        for i, widget in enumerate(self.step_labels):
            widget.setObjectName("Badge" if i == step else "Muted")
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _build_choose(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        card = Card(self.tr("Chọn tệp cần nhập"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Tự nhận biết theo tiêu đề cột"), None)
        for kind in FIELDS:
            self.kind.addItem(QCoreApplication.translate("Import", KIND_LABELS.get(kind, kind)), kind)
        self.choose_button = button(self.tr("Chọn tệp CSV hoặc Excel…"), "file", primary=True)
        self.choose_button.clicked.connect(self._choose_file)
        grid.addWidget(label(self.tr("Loại dữ liệu")), 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(self.choose_button, 1, 1, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(2, 1)
        card.body.addLayout(grid)
        card.body.addWidget(
            label(
                self.tr(
                    "Hỗ trợ CSV (UTF-8, UTF-16, Windows-1258, dấu phẩy hoặc chấm phẩy) và Excel .xlsx. "
                    "Ngày ghi theo ngày/tháng/năm, số tiền có thể có dấu chấm ngăn cách (1.250.000). "
                    "Nhập lại cùng một tệp không tạo bản ghi trùng."
                ),
                "Explain",
                wrap=True,
            )
        )
        layout.addWidget(card)
        layout.addStretch(1)
        self.stack.addWidget(page)

    def _build_mapping(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.file_info = label("", "Muted", wrap=True)
        layout.addWidget(self.file_info)
        row = QHBoxLayout()
        preview_card = Card(self.tr("Xem trước (20 dòng đầu)"))
        self.preview_table = _table([])
        preview_card.body.addWidget(self.preview_table)
        mapping_card = Card(self.tr("Ghép cột trong tệp với trường dữ liệu"))
        self.mapping_table = _table([self.tr("Trường"), self.tr("Cột trong tệp")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        self.mapping_table.verticalHeader().setDefaultSectionSize(38)
        mapping_card.body.addWidget(self.mapping_table)
        date_row = QHBoxLayout()
        date_row.addWidget(label(self.tr("Ngày tháng ghi theo")))
        self.date_order = QComboBox()
        self.date_order.addItem(self.tr("ngày/tháng/năm (25/12/2024)"), "dmy")
        self.date_order.addItem(self.tr("tháng/ngày/năm (12/25/2024)"), "mdy")
        self.date_order.addItem(self.tr("năm-tháng-ngày (2024-12-25)"), "ymd")
        date_row.addWidget(self.date_order, 1)
        mapping_card.body.addLayout(date_row)
        self.missing = label("", "ErrorText", wrap=True)
        mapping_card.body.addWidget(self.missing)
        row.addWidget(preview_card, 3)
        row.addWidget(mapping_card, 2)
        layout.addLayout(row, 1)
        buttons = QHBoxLayout()
        back = button(self.tr("Chọn tệp khác"), "back")
        back.clicked.connect(self.restart)
        self.dry_run_button = button(self.tr("Chạy thử (không ghi dữ liệu)"), "play")
        self.import_button = button(self.tr("Nhập dữ liệu"), "import", primary=True)
        self.dry_run_button.clicked.connect(lambda: self.start_import(dry_run=True))
        self.import_button.clicked.connect(lambda: self.start_import(dry_run=False))
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.dry_run_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.stack.addWidget(page)

    def _build_results(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.result_title = label("", "SectionTitle")
        layout.addWidget(self.result_title)
        kpis = QHBoxLayout()
        self.kpi_total = KpiCard(self.tr("Dòng trong tệp"))
        self.kpi_new = KpiCard(self.tr("Thêm mới"))
        self.kpi_updated = KpiCard(self.tr("Cập nhật"))
        self.kpi_rejected = KpiCard(self.tr("Dòng lỗi"))
        for card in (self.kpi_total, self.kpi_new, self.kpi_updated, self.kpi_rejected):
            kpis.addWidget(card)
        layout.addLayout(kpis)
        rejects_card = Card(self.tr("Dòng bị từ chối và cách sửa"))
        self.rejects_table = _table([self.tr("Dòng"), self.tr("Lỗi"), self.tr("Nội dung dòng")])
        header = self.rejects_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 560)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rejects_table.setWordWrap(False)
        self.rejects_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rejects_card.body.addWidget(self.rejects_table)
        layout.addWidget(rejects_card, 1)
        buttons = QHBoxLayout()
        self.back_to_mapping = button(self.tr("Sửa ghép cột"), "back")
        self.back_to_mapping.clicked.connect(lambda: self._go(1))
        self.save_rejects_button = button(self.tr("Lưu các dòng lỗi…"), "export")
        self.save_rejects_button.clicked.connect(self._save_rejects)
        self.new_import_button = button(self.tr("Nhập tệp khác"), "file")
        self.new_import_button.clicked.connect(self.restart)
        self.commit_button = button(self.tr("Nhập dữ liệu"), "import", primary=True)
        self.commit_button.clicked.connect(lambda: self.start_import(dry_run=False))
        buttons.addWidget(self.back_to_mapping)
        buttons.addStretch(1)
        for b in (self.save_rejects_button, self.new_import_button, self.commit_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.stack.addWidget(page)

    def _build_running(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 40, 0, 0)
        card = Card(self.tr("Đang xử lý tệp"))
        self.progress_text = label("", wrap=True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)
        self.cancel_button = button(self.tr("Hủy"), "stop", danger=True)
        self.cancel_button.clicked.connect(self.cancel_import)
        card.body.addWidget(self.progress_text)
        card.body.addWidget(self.progress_bar)
        card.body.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(card)
        layout.addStretch(1)
        self.stack.addWidget(page)

    # Step 1 → 2 -------------------------------------------------------------------------------
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp cần nhập"), "", self.tr("Bảng tính (*.csv *.txt *.xlsx);;Mọi tệp (*)")
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        """Read the file's format, headers and first rows, and propose a mapping."""
        kind = self.kind.currentData()
        self.banner.hide()
        self.ctx.tasks.submit(
            lambda job: importing.detect(path, kind),
            title=self.tr("Đọc tệp %1").replace("%1", path.name),
            on_result=self._detected,
            on_error=self._failed,
        )

    def _detected(self, preview: FilePreview) -> None:
        self.preview = preview
        if preview.kind is None:
            self.banner.show_message(
                "warning",
                self.tr("Không nhận ra loại dữ liệu từ tiêu đề cột: hãy chọn “Loại dữ liệu” rồi mở lại tệp."),
            )
            return
        self.kind.setCurrentIndex(self.kind.findData(preview.kind))
        encoding = preview.encoding or "—"
        delimiter = {",": self.tr("dấu phẩy"), ";": self.tr("chấm phẩy"), "\t": "Tab"}.get(
            preview.delimiter or "", preview.delimiter or "—"
        )
        self.file_info.setText(
            self.tr("%1 · %2 · mã hóa %3 · phân cách %4 · loại: %5")
            .replace("%1", Path(preview.path).name)
            .replace("%2", preview.file_format.upper())
            .replace("%3", encoding)
            .replace("%4", delimiter)
            .replace("%5", QCoreApplication.translate("Import", KIND_LABELS.get(preview.kind, preview.kind)))
        )
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(preview.headers))
        table.setHorizontalHeaderLabels(preview.headers)
        table.setRowCount(len(preview.rows))
        for r, cells in enumerate(preview.rows):
            for c, value in enumerate(cells[: len(preview.headers)]):
                table.setItem(r, c, QTableWidgetItem(value or ""))
        table.resizeColumnsToContents()
        self._fill_mapping(preview)
        self._go(1)

    def _fill_mapping(self, preview: FilePreview) -> None:
        assert preview.kind is not None
        fields = FIELDS[preview.kind]
        self.mapping_table.setRowCount(len(fields))
        self.combos: dict[str, QComboBox] = {}
        for row, spec in enumerate(fields):
            name = QTableWidgetItem(spec.label + (" *" if spec.required else ""))
            if spec.required:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
            self.mapping_table.setItem(row, 0, name)
            combo = QComboBox()
            combo.addItem(self.tr("— không nhập —"), NOT_IMPORTED)
            for index, header in enumerate(preview.headers):
                combo.addItem(header, index)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(spec.name, NOT_IMPORTED))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[spec.name] = combo
            self.mapping_table.setCellWidget(row, 1, combo)
        self._mapping_changed()

    def current_mapping(self) -> ColumnMapping:
        assert self.preview is not None and self.preview.kind is not None
        columns = {
            name: combo.currentData()
            for name, combo in self.combos.items()
            if combo.currentData() != NOT_IMPORTED
        }
        return ColumnMapping(self.preview.kind, columns, date_order=self.date_order.currentData())

    def _mapping_changed(self) -> None:
        assert self.preview is not None and self.preview.kind is not None
        mapping = self.current_mapping()
        labels = {f.name: f.label for f in FIELDS[self.preview.kind]}
        missing = [labels[m] for m in mapping.missing_required()]
        self.missing.setText(self.tr("Chưa ghép trường bắt buộc: ") + ", ".join(missing) if missing else "")
        self.dry_run_button.setEnabled(not missing)
        self.import_button.setEnabled(not missing)

    # Step 3/4: run ----------------------------------------------------------------------------
    def start_import(self, dry_run: bool) -> None:
        assert self.preview is not None and self.preview.kind is not None
        path, kind, mapping, engine = (
            Path(self.preview.path),
            self.preview.kind,
            self.current_mapping(),
            self.ctx.engine,
        )
        self.banner.hide()
        self.progress_text.setText(self.tr("Đang đọc tệp…"))
        self.cancel_button.setEnabled(True)
        self._go(3)

        def work(job: Any) -> tuple[ImportReport, list[str], list[RejectedRow]]:
            report = importing.run_import(
                engine, kind, path, mapping, dry_run=dry_run, progress=job.progress, cancel=job.cancel
            )
            headers, rows = rejected_rows(engine, report.import_id)
            return report, headers, rows

        title = self.tr("Chạy thử nhập %1") if dry_run else self.tr("Nhập %1")
        self.running = self.ctx.tasks.submit(
            work,
            title=title.replace("%1", path.name),
            serial=True,
            on_result=self._finished,
            on_error=self._failed,
            on_progress=self._progress,
        )
        self.running.cancelled.connect(self._cancelled)

    def _progress(self, info: Progress) -> None:
        text = info.message or ""
        if info.done:
            text += " " + self.tr("(%1 dòng)").replace("%1", fmt.integer(info.done))
        self.progress_text.setText(text)

    def cancel_import(self) -> None:
        if self.running is not None:
            self.running.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(self.tr("Đang hủy…"))

    def _cancelled(self) -> None:
        self.running = None
        self._go(1)
        self.banner.show_message("info", self.tr("Đã hủy. Không có dữ liệu nào được ghi."))

    def _finished(self, result: tuple[ImportReport, list[str], list[RejectedRow]]) -> None:
        self.running = None
        report, headers, rows = result
        self.report = report
        if report.dry_run:
            self.result_title.setText(self.tr("Kết quả chạy thử: chưa có dữ liệu nào được ghi."))
        else:
            self.result_title.setText(
                self.tr("Đã nhập xong trong %1 giây.").replace("%1", fmt.decimal(report.elapsed_s, 1))
            )
        self.kpi_total.set(
            fmt.integer(report.total_rows),
            self.tr("%1 dòng hợp lệ").replace("%1", fmt.integer(report.valid_rows)),
        )
        self.kpi_new.set(
            fmt.integer(report.inserted), self.tr("sẽ thêm") if report.dry_run else self.tr("đã thêm")
        )
        self.kpi_updated.set(
            fmt.integer(report.updated),
            self.tr("%1 dòng không đổi").replace("%1", fmt.integer(report.unchanged)),
        )
        self.kpi_rejected.set(fmt.integer(report.rejected_rows), self.tr("xem bảng bên dưới") if rows else "")
        self.rejects_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            self.rejects_table.setItem(r, 0, QTableWidgetItem(str(row.line_no)))
            problems = QTableWidgetItem("; ".join(row.problems))
            problems.setToolTip("\n".join(row.problems))
            self.rejects_table.setItem(r, 1, problems)
            cells = " · ".join(c for c in row.cells if c)
            content = QTableWidgetItem(cells)
            content.setToolTip("\n".join(f"{h}: {c}" for h, c in zip(headers, row.cells, strict=False) if c))
            self.rejects_table.setItem(r, 2, content)
        self.save_rejects_button.setEnabled(bool(rows))
        self.commit_button.setVisible(report.dry_run)
        self.back_to_mapping.setVisible(report.dry_run)
        if report.previous_import_id and not report.dry_run:
            self.banner.show_message(
                "info",
                self.tr("Tệp này đã được nhập trước đây: các dòng đã có được cập nhật, không tạo trùng."),
            )
        self._go(2 if report.dry_run else 4)

    def _failed(self, error: TaskError) -> None:
        self.running = None
        self._go(1 if self.preview is not None and self.preview.kind else 0)
        self.banner.show_message("error", str(error.exception))

    # Step 5 -----------------------------------------------------------------------------------
    def _save_rejects(self) -> None:
        if self.report is None:
            return
        stem = Path(self.report.file_name).stem
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Lưu các dòng lỗi"), f"{stem}-dong-loi.csv", self.tr("Tệp CSV (*.csv)")
        )
        if path:
            self.save_rejects(Path(path))

    def save_rejects(self, path: Path, on_done: Callable[[int], None] | None = None) -> None:
        assert self.report is not None
        import_id, engine = self.report.import_id, self.ctx.engine

        def done(count: int) -> None:
            self.banner.show_message(
                "ok",
                self.tr("Đã lưu %1 dòng lỗi vào %2. Sửa rồi nhập lại tệp đó.")
                .replace("%1", fmt.integer(count))
                .replace("%2", str(path)),
            )
            if on_done:
                on_done(count)

        self.ctx.tasks.submit(
            lambda job: export_rejects_csv(engine, import_id, path),
            title=self.tr("Lưu các dòng lỗi"),
            on_result=done,
            on_error=self._failed,
        )

    def screenshot_variants(self) -> list[tuple[str, Callable[[], None]]]:
        """Dry-run a small sample file with typical mistakes (dry runs write no customer data)."""
        import tempfile

        sample = Path(tempfile.mkdtemp(prefix="matviet-shot-")) / "khach_hang_mau.csv"
        sample.write_text(SAMPLE_CSV, encoding="utf-8-sig")

        def preview() -> None:
            self.open_file(sample)

        def dry_run() -> None:
            if self.preview is not None and self.preview.kind:
                self.start_import(dry_run=True)

        return [("preview", preview), ("dry-run", dry_run)]

    def restart(self) -> None:
        self.preview = None
        self.report = None
        self.banner.hide()
        self._go(0)
