"""AppContext: what every page receives instead of reaching for globals.

Holds the resolved database and its engine, the background-task runner, user preferences
(QSettings: language, window state, UI-only choices) and the signed-in role.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QSettings
from sqlalchemy import Engine

from matviet_desktop.core.connection import ResolvedDatabase
from matviet_desktop.core.connection_check import ProbeResult, Role, describe_target
from matviet_desktop.ui.tasks import TaskRunner


def app_settings() -> QSettings:
    return QSettings("MatViet", "MatVietDesktop")


@dataclass
class AppContext:
    database: ResolvedDatabase
    engine: Engine
    tasks: TaskRunner
    probe: ProbeResult | None = None
    settings: QSettings = field(default_factory=app_settings)
    language: str = "vi"
    # Set by the main window: open a page by key ("customers", "segments", …) and return it.
    navigate: Callable[[str], Any] | None = None

    @property
    def role(self) -> Role:
        return self.probe.role if self.probe and self.probe.role else Role.STAFF

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def database_label(self) -> str:
        target = describe_target(self.database.url)
        return f"{target} (demo)" if self.database.is_demo else target
