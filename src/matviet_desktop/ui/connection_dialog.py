"""First-run (and failed-start) connection dialog.

Server, database and user are saved as the default connection profile; the password goes only
to the OS keyring (through core.connection). Probing, upgrading and starting the demo server run
as background tasks, so the dialog never freezes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core import connection
from matviet_desktop.core.connection import ConnectionProfile, ResolvedDatabase
from matviet_desktop.core.connection_check import ProbeKind, ProbeResult, probe
from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.ui.tasks import Progress, TaskError, TaskRunner
from matviet_desktop.ui.widgets.common import Banner, button, label


class ConnectionDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.opened = None  # OpenedDatabase when accepted
        self._last_url: str | None = None
        self.setWindowTitle(self.tr("Kết nối cơ sở dữ liệu"))
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Kết nối tới máy chủ Mắt Việt"), "PageTitle"))
        layout.addWidget(
            label(
                self.tr(
                    "Nhập thông tin máy chủ PostgreSQL do bộ phận IT cung cấp. Mật khẩu được lưu "
                    "trong kho khóa của hệ điều hành, không ghi ra tệp."
                ),
                "Muted",
                wrap=True,
            )
        )
        profiles, default = connection.load_profiles()
        saved = next((p for p in profiles if p.name == default), None)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setSpacing(10)
        self.host = QLineEdit(saved.host if saved else "localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(saved.port if saved else 5432)
        self.database = QLineEdit(saved.database if saved else "matviet")
        self.user = QLineEdit(saved.user if saved else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Mật khẩu"))
        self.remember = QCheckBox(self.tr("Lưu mật khẩu vào kho khóa hệ thống"))
        self.remember.setChecked(True)
        host_row = QHBoxLayout()
        host_row.addWidget(self.host, 1)
        host_row.addWidget(label(self.tr("Cổng")))
        host_row.addWidget(self.port)
        form.addRow(self.tr("Máy chủ"), host_row)
        form.addRow(self.tr("Cơ sở dữ liệu"), self.database)
        form.addRow(self.tr("Người dùng"), self.user)
        form.addRow(self.tr("Mật khẩu"), self.password)
        form.addRow("", self.remember)
        layout.addLayout(form)

        self.banner = Banner()
        layout.addWidget(self.banner)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        layout.addWidget(self.busy)
        self.busy_text = label("", "Muted")
        self.busy_text.hide()
        layout.addWidget(self.busy_text)

        buttons = QHBoxLayout()
        self.demo_button = button(self.tr("Dùng cơ sở dữ liệu demo"), "database")
        self.upgrade_button = button(self.tr("Nâng cấp"), "refresh")
        self.upgrade_button.hide()
        self.quit_button = button(self.tr("Thoát"))
        self.connect_button = button(self.tr("Kết nối"), "check", primary=True)
        self.connect_button.setDefault(True)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.upgrade_button)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.connect_button)
        layout.addLayout(buttons)

        self.connect_button.clicked.connect(self._connect)
        self.demo_button.clicked.connect(self._use_demo)
        self.upgrade_button.clicked.connect(self._upgrade)
        self.quit_button.clicked.connect(self.reject)
        (self.password if saved else self.user).setFocus()

    # Messages ---------------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.banner.show_message("error", text)

    def show_probe(self, result: ProbeResult) -> None:
        kind = "ok" if result.ok else ("warning" if result.kind.startswith("schema") else "error")
        text = result.message
        if result.kind in (ProbeKind.SCHEMA_EMPTY, ProbeKind.SCHEMA_BEHIND) and not result.can_upgrade:
            text += " " + self.tr("Chỉ quản trị viên mới nâng cấp được lược đồ.")
        self.banner.show_message(kind, text)
        self.upgrade_button.setVisible(result.can_upgrade)
        if result.kind == ProbeKind.WRONG_PASSWORD:
            self.password.selectAll()
            self.password.setFocus()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        for widget in (self.connect_button, self.demo_button, self.upgrade_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.busy_text.setVisible(busy and bool(text))
        self.busy_text.setText(text)

    def _on_progress(self, info: Progress) -> None:
        if info.message:
            self.busy_text.setText(info.message)
            self.busy_text.show()
        if info.fraction is not None:
            self.busy.setRange(0, 100)
            self.busy.setValue(int(info.fraction * 100))

    def _on_error(self, error: TaskError) -> None:
        self._set_busy(False)
        self.show_error(str(error.exception))

    # Actions ----------------------------------------------------------------------------------
    def _profile(self) -> ConnectionProfile:
        return ConnectionProfile(
            name="default",
            host=self.host.text().strip() or "localhost",
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        )

    def _connect(self) -> None:
        profile = self._profile()
        if not profile.user or not profile.database:
            self.show_error(self.tr("Hãy nhập tên cơ sở dữ liệu và người dùng."))
            return
        password = self.password.text() or connection.profile_password(profile)
        url = profile.url(password)
        self._last_url = url
        self._set_busy(True, self.tr("Đang kết nối…"))
        self.runner.submit(
            lambda job: probe(url),
            title=self.tr("Kiểm tra kết nối"),
            on_result=lambda result: self._probed(result, profile, password, url),
            on_error=self._on_error,
        )

    def _probed(
        self, result: ProbeResult, profile: ConnectionProfile, password: str | None, url: str
    ) -> None:
        self._set_busy(False)
        self.show_probe(result)
        if not result.ok:
            return
        profiles, _ = connection.load_profiles()
        connection.save_profiles([p for p in profiles if p.name != profile.name] + [profile], profile.name)
        if password and self.remember.isChecked():
            try:
                connection.store_profile_password(profile, password)
            except Exception as exc:
                self.banner.show_message(
                    "warning", self.tr("Đã kết nối, nhưng không lưu được mật khẩu vào kho khóa: ") + str(exc)
                )
        from matviet_desktop.ui.app import OpenedDatabase

        self.opened = OpenedDatabase(ResolvedDatabase(url, f"profile:{profile.name}"), result)
        self.accept()

    def _use_demo(self) -> None:
        from matviet_desktop.ui.app import open_database

        self._set_busy(True, self.tr("Đang khởi động cơ sở dữ liệu demo…"))
        self.runner.submit(
            lambda job: open_database(job, None, True),
            title=self.tr("Khởi động cơ sở dữ liệu demo"),
            serial=True,
            on_result=self._demo_opened,
            on_error=self._on_error,
            on_progress=self._on_progress,
        )

    def _demo_opened(self, opened: object) -> None:
        self._set_busy(False)
        probe_result = getattr(opened, "probe", None)
        if isinstance(probe_result, ProbeResult) and probe_result.ok:
            self.opened = opened
            self.accept()
        elif isinstance(probe_result, ProbeResult):
            self._last_url = opened.database.url  # type: ignore[attr-defined]
            self.show_probe(probe_result)

    def _upgrade(self) -> None:
        url = self._last_url
        if url is None:
            return

        def work(job: object) -> ProbeResult:
            engine = make_engine(url, pool_size=1)
            try:
                migrate.upgrade(engine)
            finally:
                engine.dispose()
            return probe(url)

        self._set_busy(True, self.tr("Đang nâng cấp lược đồ cơ sở dữ liệu…"))
        self.runner.submit(
            work,
            title=self.tr("Nâng cấp lược đồ"),
            serial=True,
            on_result=self._upgraded,
            on_error=self._on_error,
        )

    def _upgraded(self, result: ProbeResult) -> None:
        self._set_busy(False)
        self.show_probe(result)
        if result.ok and self._last_url:
            from matviet_desktop.ui.app import OpenedDatabase

            self.opened = OpenedDatabase(ResolvedDatabase(self._last_url, "argument"), result)
            self.accept()
