"""Qt tests run offscreen against the real test PostgreSQL; each test gets its own AppContext."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import Engine

from matviet_desktop.core.connection import ResolvedDatabase
from matviet_desktop.core.connection_check import probe
from matviet_desktop.ui.context import AppContext
from matviet_desktop.ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def isolated_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Connection profiles and QSettings go to a temporary folder, never the user's."""
    monkeypatch.setenv("MATVIET_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("MATVIET_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MATVIET_DATABASE_URL", raising=False)


@pytest.fixture
def themed_app(qapp):  # type: ignore[no-untyped-def]
    from matviet_desktop.ui.resources import apply_theme

    apply_theme(qapp)
    return qapp


@pytest.fixture
def ctx(themed_app, engine: Engine, db_url: str, tmp_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    context = AppContext(
        database=ResolvedDatabase(db_url, "argument"),
        engine=engine,
        tasks=runner,
        probe=probe(db_url),
        settings=QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat),
    )
    yield context
    runner.shutdown(10_000)
