"""The main window: navigation rail, page stack, status bar with database, role and tasks."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from matviet_desktop.core.connection_check import Role
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.pages.base import Page
from matviet_desktop.ui.pages.registry import PAGES, PageSpec
from matviet_desktop.ui.resources import PRIMARY, icon, icon_pixmap
from matviet_desktop.ui.tasks import Task, TaskError, TaskListModel
from matviet_desktop.ui.widgets.common import button, label, page_layout

log = logging.getLogger(__name__)

ROLE_NAMES = {
    Role.ADMIN: "Quản trị viên",
    Role.MANAGER: "Quản lý cửa hàng",
    Role.STAFF: "Nhân viên",
}


class MissingPage(Page):
    """Shown for a registered page whose module is not installed in this build."""

    def __init__(self, ctx: AppContext, title: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = page_layout(self)
        layout.addWidget(label(title, "PageTitle"))
        layout.addWidget(
            label(
                self.tr("Trang này chưa có trong bản cài đặt hiện tại.") + f"\n({reason})", "Muted", wrap=True
            )
        )
        layout.addStretch(1)


class TaskPanel(QFrame):
    """Pop-up list of running background tasks with a cancel button."""

    def __init__(self, model: TaskListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("Card")
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Tác vụ đang chạy"), "SectionTitle"))
        self.view = QListView()
        self.view.setModel(model)
        self.view.setMinimumHeight(140)
        layout.addWidget(self.view)
        self.empty = label(self.tr("Không có tác vụ nào đang chạy."), "Muted")
        layout.addWidget(self.empty)
        self.cancel_button = button(self.tr("Hủy tác vụ đã chọn"), "stop")
        self.cancel_button.clicked.connect(self._cancel_selected)
        layout.addWidget(self.cancel_button)
        model.rowsInserted.connect(self._sync)
        model.rowsRemoved.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        empty = self.view.model().rowCount() == 0
        self.empty.setVisible(empty)
        self.cancel_button.setEnabled(not empty)

    def _cancel_selected(self) -> None:
        for index in self.view.selectedIndexes() or [self.view.model().index(0, 0)]:
            task = index.data(TaskListModel.TaskRole)
            if isinstance(task, Task):
                task.cancel()


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Mắt Việt Desktop — CRM khách hàng"))
        self.resize(1360, 860)
        self.setMinimumSize(QSize(1024, 640))
        self._pages: dict[str, QWidget] = {}

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)

        rail_panel = QWidget()
        rail_panel.setObjectName("RailPanel")
        rail_panel.setFixedWidth(220)
        rail_layout = QVBoxLayout(rail_panel)
        rail_layout.setContentsMargins(0, 0, 0, 0)
        rail_layout.setSpacing(0)
        brand = QLabel("Mắt Việt")
        brand.setObjectName("Brand")
        rail_layout.addWidget(brand)
        sub = QLabel(self.tr("Khách hàng & chăm sóc"))
        sub.setObjectName("BrandSub")
        rail_layout.addWidget(sub)
        self.rail = QListWidget()
        self.rail.setObjectName("NavRail")
        self.rail.setIconSize(QSize(20, 20))
        self.rail.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for number, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(
                icon(spec.icon, "#475569", PRIMARY), QCoreApplication.translate("Pages", spec.title)
            )
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(f"Ctrl+{number}")
            self.rail.addItem(item)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda key=spec.key: self.open_page(key))
        self.rail.currentItemChanged.connect(self._rail_changed)
        rail_layout.addWidget(self.rail, 1)
        row.addWidget(rail_panel)

        self.stack = QStackedWidget()
        self.stack.setObjectName("Pages")
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        ctx.navigate = self.open_page
        ctx.tasks.unhandled_error.connect(self._show_task_error)

    # Status bar -------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        db_icon = QLabel()
        db_icon.setPixmap(icon_pixmap("database", "#64748B", 14))
        bar.addWidget(db_icon)
        self.database_label = QLabel(self.ctx.database_label)
        self.database_label.setToolTip(self.tr("Cơ sở dữ liệu đang mở"))
        bar.addWidget(self.database_label)
        role_icon = QLabel()
        role_icon.setPixmap(icon_pixmap("user", "#64748B", 14))
        bar.addPermanentWidget(role_icon)
        who = self.ctx.probe.user if self.ctx.probe and self.ctx.probe.user else ""
        role_text = QCoreApplication.translate("Roles", ROLE_NAMES[self.ctx.role])
        self.role_label = QLabel(f"{who} · {role_text}" if who else role_text)
        bar.addPermanentWidget(self.role_label)
        self.tasks_button = QToolButton()
        self.tasks_button.setProperty("flat", True)
        self.tasks_button.setIcon(icon("tasks", "#64748B"))
        self.tasks_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tasks_button.clicked.connect(self._show_task_panel)
        bar.addPermanentWidget(self.tasks_button)
        self.task_panel = TaskPanel(self.ctx.tasks.model, self)
        self.ctx.tasks.active_count_changed.connect(self._tasks_changed)
        self._tasks_changed(0)

    def _tasks_changed(self, count: int) -> None:
        self.tasks_button.setText(
            self.tr("Không có tác vụ nền") if count == 0 else self.tr("%n tác vụ đang chạy", "", count)
        )

    def _show_task_panel(self) -> None:
        self.task_panel.adjustSize()
        pos = self.tasks_button.mapToGlobal(self.tasks_button.rect().topRight())
        self.task_panel.move(pos.x() - self.task_panel.width(), pos.y() - self.task_panel.height() - 4)
        self.task_panel.show()

    def _show_task_error(self, task: Task, error: TaskError) -> None:
        self.statusBar().showMessage(
            self.tr("Lỗi khi chạy “%1”: %2").replace("%1", task.title).replace("%2", str(error.exception)),
            15000,
        )

    # Pages ------------------------------------------------------------------------------------
    def _rail_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.open_page(current.data(Qt.ItemDataRole.UserRole))

    def _create_page(self, spec: PageSpec) -> QWidget:
        title = QCoreApplication.translate("Pages", spec.title)
        module_name, _, class_name = spec.factory.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                return MissingPage(self.ctx, title, spec.factory)
            raise
        return getattr(module, class_name)(self.ctx)

    def page(self, key: str) -> QWidget:
        """The page widget for `key`, created on first use."""
        if key not in self._pages:
            spec = next(s for s in PAGES if s.key == key)
            widget = self._create_page(spec)
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def open_page(self, key: str) -> QWidget:
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        for row in range(self.rail.count()):
            item = self.rail.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key and self.rail.currentRow() != row:
                self.rail.blockSignals(True)
                self.rail.setCurrentRow(row)
                self.rail.blockSignals(False)
        if isinstance(widget, Page):
            widget.on_shown()
        return widget

    def closeEvent(self, event: QCloseEvent) -> None:
        # Pages with work in flight (campaign sending) may ask the user first.
        for page in self._pages.values():
            confirm = getattr(page, "confirm_close", None)
            if confirm is not None and not confirm():
                event.ignore()
                return
        self.ctx.tasks.shutdown(3000)
        super().closeEvent(event)
