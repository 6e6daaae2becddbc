"""Settings: connection profiles, scoring thresholds, provider accounts, legal rules, language.

Secrets (database and provider passwords, API keys) go only to the OS keyring through core;
everything else is stored in the database (shared by the team) or in QSettings (this computer).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core import app_settings, connection
from matviet_desktop.core.connection_check import probe
from matviet_desktop.core.scoring.settings import ScoringSettings
from matviet_desktop.ui import formatting as fmt
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.i18n import LANGUAGES
from matviet_desktop.ui.pages.base import Page
from matviet_desktop.ui.pages.settings.providers import ProvidersSection
from matviet_desktop.ui.tasks import Progress, TaskError
from matviet_desktop.ui.widgets.common import Banner, Card, PageHeader, button, label, page_layout


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class ConnectionSection(QWidget):
    def __init__(self, ctx: AppContext, banner: Banner) -> None:
        super().__init__()
        self.ctx, self.banner = ctx, banner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        current = Card(self.tr("Đang dùng"))
        source = ctx.database.source
        source_text = {
            "argument": self.tr("từ tham số --database-url"),
            "environment": self.tr("từ biến môi trường MATVIET_DATABASE_URL"),
            "embedded-demo": self.tr("cơ sở dữ liệu demo nhúng"),
        }.get(source, self.tr("hồ sơ “%1”").replace("%1", source.partition(":")[2]))
        version = ctx.probe.server_version if ctx.probe else "—"
        current.body.addWidget(label(f"{ctx.database_label} — {source_text}"))
        current.body.addWidget(label(self.tr("PostgreSQL %1").replace("%1", str(version)), "Muted"))
        layout.addWidget(current)
        profiles = Card(self.tr("Hồ sơ kết nối đã lưu"))
        profiles.body.addWidget(
            label(self.tr("Mật khẩu nằm trong kho khóa của hệ điều hành, không lưu trong tệp."), "Explain")
        )
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(
            [
                self.tr("Tên"),
                self.tr("Máy chủ"),
                self.tr("Cơ sở dữ liệu"),
                self.tr("Người dùng"),
                self.tr("Mặc định"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setMinimumHeight(160)
        profiles.body.addWidget(self.tree)
        row = QHBoxLayout()
        self.add_button = button(self.tr("Thêm / sửa kết nối…"), "plus")
        self.default_button = button(self.tr("Đặt làm mặc định"))
        self.test_button = button(self.tr("Kiểm tra kết nối"), "check")
        self.delete_button = button(self.tr("Xóa"), "trash", danger=True)
        for b in (self.add_button, self.default_button, self.test_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        profiles.body.addLayout(row)
        layout.addWidget(profiles)
        layout.addStretch(1)
        self.add_button.clicked.connect(self._add)
        self.default_button.clicked.connect(self._make_default)
        self.test_button.clicked.connect(self._test)
        self.delete_button.clicked.connect(self._delete)
        self.reload()

    def reload(self) -> None:
        profiles, default = connection.load_profiles()
        self.tree.clear()
        for p in profiles:
            item = QTreeWidgetItem(
                [p.name, f"{p.host}:{p.port}", p.database, p.user, "✓" if p.name == default else ""]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, p.name)
            self.tree.addTopLevelItem(item)
        if profiles:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _selected(self) -> connection.ConnectionProfile | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        profiles, _ = connection.load_profiles()
        return next((p for p in profiles if p.name == item.data(0, Qt.ItemDataRole.UserRole)), None)

    def _add(self) -> None:
        from matviet_desktop.ui.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(self.ctx.tasks, self)
        if dialog.exec():
            self.reload()
            self.banner.show_message("ok", self.tr("Đã lưu kết nối. Mở lại ứng dụng để dùng kết nối mới."))

    def _make_default(self) -> None:
        chosen = self._selected()
        if chosen:
            profiles, _ = connection.load_profiles()
            connection.save_profiles(profiles, chosen.name)
            self.reload()

    def _delete(self) -> None:
        chosen = self._selected()
        if chosen:
            profiles, default = connection.load_profiles()
            rest = [p for p in profiles if p.name != chosen.name]
            connection.save_profiles(rest, default if default != chosen.name else None)
            self.reload()

    def _test(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        url = chosen.url(connection.profile_password(chosen))
        self.ctx.tasks.submit(
            lambda job: probe(url),
            title=self.tr("Kiểm tra kết nối"),
            on_result=lambda r: self.banner.show_message("ok" if r.ok else "error", r.message),
            on_error=lambda e: self.banner.show_message("error", str(e.exception)),
        )


class ScoringSection(QWidget):
    def __init__(self, ctx: AppContext, banner: Banner) -> None:
        super().__init__()
        self.ctx, self.banner = ctx, banner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        card = Card(self.tr("Ngưỡng chấm điểm khách hàng"))
        card.body.addWidget(
            label(
                self.tr(
                    "Các ngưỡng này quyết định giai đoạn vòng đời và giá trị CLV. Thay đổi có hiệu lực ở lần chấm "
                    "điểm tiếp theo; mỗi lần chấm điểm ghi lại giá trị đã dùng."
                ),
                "Explain",
                wrap=True,
            )
        )
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.editors: dict[str, QSpinBox | QDoubleSpinBox] = {}
        defaults = ScoringSettings()
        for name, (text, low, high) in app_settings.EDITABLE_SCORING.items():
            editor: QSpinBox | QDoubleSpinBox
            if isinstance(getattr(defaults, name), int):
                editor = QSpinBox()
                editor.setRange(int(low), int(high))
            else:
                editor = QDoubleSpinBox()
                editor.setDecimals(2)
                editor.setRange(low, high)
                editor.setSingleStep(0.05 if high <= 1 else 0.5)
            editor.setMinimumWidth(140)
            self.editors[name] = editor
            form.addRow(QCoreApplicationTr.tr(text), editor)
        card.body.addLayout(form)
        row = QHBoxLayout()
        self.save_button = button(self.tr("Lưu ngưỡng"), "check", primary=True)
        self.reset_button = button(self.tr("Khôi phục mặc định"))
        self.score_button = button(self.tr("Chấm điểm lại ngay"), "play")
        row.addWidget(self.save_button)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        row.addWidget(self.score_button)
        card.body.addLayout(row)
        self.score_status = label("", "Muted", wrap=True)
        card.body.addWidget(self.score_status)
        layout.addWidget(card)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.score_button.clicked.connect(self.score_now)

    def load(self) -> None:
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: app_settings.scoring_settings(engine),
            title=self.tr("Tải ngưỡng chấm điểm"),
            visible=False,
            on_result=self._show,
        )

    def _show(self, settings: ScoringSettings) -> None:
        for name, value in app_settings.scoring_field_values(settings).items():
            self.editors[name].setValue(value)  # type: ignore[arg-type]

    def values(self) -> dict[str, float]:
        return {name: float(editor.value()) for name, editor in self.editors.items()}

    def save(self) -> None:
        engine, values = self.ctx.engine, self.values()
        self.ctx.tasks.submit(
            lambda job: app_settings.save_scoring_settings(engine, values),
            title=self.tr("Lưu ngưỡng chấm điểm"),
            serial=True,
            on_result=lambda s: (
                self._show(s),
                self.banner.show_message("ok", self.tr("Đã lưu ngưỡng chấm điểm.")),
            ),
            on_error=lambda e: self.banner.show_message("error", str(e.exception)),
        )

    def reset(self) -> None:
        engine = self.ctx.engine
        self.ctx.tasks.submit(
            lambda job: app_settings.reset_scoring_settings(engine),
            title=self.tr("Khôi phục ngưỡng mặc định"),
            serial=True,
            on_result=lambda s: (
                self._show(s),
                self.banner.show_message("ok", self.tr("Đã khôi phục mặc định.")),
            ),
        )

    def score_now(self) -> None:
        from matviet_desktop.core.scoring.jobs import run_scoring

        # A child process, not a thread: scoring's numpy/pandas work would hold the GUI's GIL.
        # The URL (with its password) goes to the child through the pipe, never argv or logs.
        url = self.ctx.engine.url.render_as_string(hide_password=False)
        self.score_button.setEnabled(False)
        self.ctx.tasks.submit_process(
            run_scoring,
            url,
            dt.datetime.now(dt.UTC),
            title=self.tr("Chấm điểm khách hàng"),
            serial=True,
            on_progress=self._progress,
            on_result=self._scored,
            on_error=self._failed,
            on_finished=lambda: self.score_button.setEnabled(True),
        )

    def _progress(self, info: Progress) -> None:
        percent = fmt.percent(info.fraction, 0) if info.fraction is not None else ""
        self.score_status.setText(f"{info.message} {percent}".strip())

    def _scored(self, result: Any) -> None:
        count = getattr(result, "customers_scored", None)
        self.score_status.setText(
            self.tr("Đã chấm điểm %1 khách hàng.").replace("%1", fmt.integer(count))
            if count is not None
            else ""
        )

    def _failed(self, error: TaskError) -> None:
        self.score_status.setText(str(error.exception))


class QCoreApplicationTr:
    """Translate core-provided Vietnamese labels in context "Settings" (they are source strings)."""

    @staticmethod
    def tr(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Settings", text)


class LegalSection(QWidget):
    RULES = [
        QT_TRANSLATE_NOOP(
            "Settings",
            "Tin quảng cáo phải có đồng ý của khách cho đúng kênh, và không gửi cho số/địa chỉ trong danh sách "
            "không liên lạc.",
        ),
        QT_TRANSLATE_NOOP(
            "Settings",
            "SMS quảng cáo chỉ gửi từ 07:00 đến 22:00 (giờ Việt Nam); tin đến ngoài giờ được giữ lại chờ sáng "
            "hôm sau.",
        ),
        QT_TRANSLATE_NOOP(
            "Settings",
            "Mỗi số điện thoại nhận tối đa 3 SMS quảng cáo và mỗi email tối đa 3 thư quảng cáo trong 24 giờ, "
            "tính trên mọi chiến dịch.",
        ),
        QT_TRANSLATE_NOOP(
            "Settings",
            "Tin quảng cáo bắt đầu bằng nhãn [QC] và kết thúc bằng hướng dẫn từ chối; khách từ chối là dừng ngay.",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        card = Card(self.tr("Quy định gửi tin (Nghị định 91/2020/NĐ-CP)"))
        card.body.addWidget(
            label(
                self.tr(
                    "Ứng dụng áp dụng các quy định sau cho mọi chiến dịch quảng cáo; chúng không tắt được."
                ),
                "Explain",
                wrap=True,
            )
        )
        for rule in self.RULES:
            card.body.addWidget(label("• " + QCoreApplicationTr.tr(rule), wrap=True))
        layout.addWidget(card)
        layout.addStretch(1)


class LanguageSection(QWidget):
    def __init__(self, ctx: AppContext, banner: Banner) -> None:
        super().__init__()
        self.ctx, self.banner = ctx, banner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        card = Card(self.tr("Ngôn ngữ giao diện"))
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self.language.currentIndexChanged.connect(self._changed)
        card.body.addWidget(self.language)
        card.body.addWidget(label(self.tr("Áp dụng từ lần mở ứng dụng tiếp theo."), "Muted"))
        layout.addWidget(card)
        layout.addStretch(1)

    def _changed(self) -> None:
        self.ctx.settings.setValue("language", self.language.currentData())
        self.banner.show_message("info", self.tr("Đã lưu. Ngôn ngữ mới áp dụng khi mở lại ứng dụng."))


class SettingsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                self.tr("Cài đặt"), self.tr("Kết nối, chấm điểm, nhà cung cấp gửi tin, quy định và ngôn ngữ.")
            )
        )
        self.banner = Banner()
        layout.addWidget(self.banner)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.sections = QListWidget()
        self.sections.setObjectName("NavRail")
        self.sections.setFixedWidth(210)
        self.sections.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stack = QStackedWidget()
        self.connection = ConnectionSection(ctx, self.banner)
        self.scoring = ScoringSection(ctx, self.banner)
        self.providers = ProvidersSection(ctx, self.banner)
        self.legal = LegalSection()
        self.language = LanguageSection(ctx, self.banner)
        for title, widget in (
            (self.tr("Kết nối"), self.connection),
            (self.tr("Chấm điểm"), self.scoring),
            (self.tr("Nhà cung cấp gửi tin"), self.providers),
            (self.tr("Quy định pháp lý"), self.legal),
            (self.tr("Ngôn ngữ"), self.language),
        ):
            self.sections.addItem(title)
            self.stack.addWidget(_scroll(widget))
        self.sections.currentRowChanged.connect(self._section_changed)
        row.addWidget(self.sections)
        row.addWidget(self.stack, 1)
        layout.addLayout(row, 1)
        self.sections.setCurrentRow(0)

    def _section_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self.banner.hide()

    def load(self) -> None:
        self.scoring.load()
        self.providers.load()

    def screenshot_variants(self) -> list[tuple[str, Any]]:
        return [
            ("scoring", lambda: self.sections.setCurrentRow(1)),
            ("providers", lambda: self.sections.setCurrentRow(2)),
        ]


__all__ = ["SettingsPage"]
