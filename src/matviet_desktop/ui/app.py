"""Entry point of the desktop app (`matviet-desktop`, `python -m matviet_desktop`).

    matviet-desktop [--demo] [--database-url URL] [--lang vi|en] [--screenshots DIR]

Start-up opens the database in a background task (the embedded demo server can take a few
seconds), checks it (password, reachability, schema version, role) and either shows the main
window or the connection dialog with the reason.
"""

from __future__ import annotations

import argparse
import gc
import logging
import multiprocessing
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from matviet_desktop.core import connection
from matviet_desktop.core.connection import ResolvedDatabase
from matviet_desktop.core.connection_check import ProbeResult, probe
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.ui import i18n
from matviet_desktop.ui.context import AppContext, app_settings
from matviet_desktop.ui.resources import apply_theme
from matviet_desktop.ui.tasks import Job, Task, TaskRunner

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="matviet-desktop", description="Mắt Việt Desktop — CRM khách hàng")
    parser.add_argument("--demo", action="store_true", help="mở cơ sở dữ liệu demo nhúng (embedded)")
    parser.add_argument("--database-url", metavar="URL", help="URL PostgreSQL (postgresql://user@host/db)")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="ngôn ngữ giao diện (vi, en)")
    parser.add_argument("--screenshots", metavar="DIR", type=Path, help="chụp mọi trang ra PNG rồi thoát")
    return parser.parse_args(argv)


class DemoUnavailable(RuntimeError):
    """The embedded demo server is not part of this build."""


@dataclass(frozen=True)
class OpenedDatabase:
    database: ResolvedDatabase
    probe: ProbeResult


def open_database(job: Job, explicit_url: str | None, demo: bool) -> OpenedDatabase:
    """Resolve, (for demo) start and seed the embedded server, then probe. Runs in a worker."""
    try:
        resolved = connection.resolve_database(explicit_url, demo=demo)
    except ModuleNotFoundError as exc:
        if exc.name and "demo" in exc.name:
            raise DemoUnavailable("Bản cài đặt này chưa có máy chủ demo nhúng.") from exc
        raise
    if resolved.is_demo:
        from matviet_desktop.core.demo import embedded

        ready = getattr(embedded, "ensure_demo_ready", None)
        if ready is not None:
            # Starts the embedded server, migrates and seeds it on first use (DemoReady.url).
            returned = ready(progress=job.progress)
            url = returned if isinstance(returned, str) else getattr(returned, "url", None)
            if url:
                resolved = ResolvedDatabase(url, resolved.source)
    return OpenedDatabase(resolved, probe(resolved.url))


def has_saved_connection() -> bool:
    profiles, default = connection.load_profiles()
    return bool(os.environ.get("MATVIET_DATABASE_URL")) or any(p.name == default for p in profiles)


def wait_for(task: Task, timeout_ms: int = 600_000) -> None:
    """Spin a local event loop until the task finishes (start-up and screenshot mode only)."""
    loop = QEventLoop()
    task.finished.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    if task.is_active:
        loop.exec()


def wait_idle(runner: TaskRunner, settle_ms: int = 400, timeout_ms: int = 120_000) -> None:
    """Wait until no task has run for `settle_ms` (covers debounce timers that start new tasks)."""
    loop = QEventLoop()
    waited = 0
    quiet = 0
    step = 50
    while waited < timeout_ms and quiet < settle_ms:
        QTimer.singleShot(step, loop.quit)
        loop.exec()
        waited += step
        quiet = quiet + step if not runner.active_tasks else 0


def connect_interactively(
    runner: TaskRunner, explicit_url: str | None, demo: bool, first_run: bool
) -> OpenedDatabase | None:
    """Open the database; on failure (or first run) show the connection dialog until it works."""
    from matviet_desktop.ui.connection_dialog import ConnectionDialog

    outcome: dict[str, object] = {}
    if not first_run:
        task = runner.submit(
            lambda job: open_database(job, explicit_url, demo),
            title="Mở cơ sở dữ liệu",
            on_result=lambda r: outcome.__setitem__("ok", r),
            on_error=lambda e: outcome.__setitem__("error", e.exception),
        )
        wait_for(task)
        opened = outcome.get("ok")
        if isinstance(opened, OpenedDatabase) and opened.probe.ok:
            return opened
    dialog = ConnectionDialog(runner)
    if isinstance(outcome.get("ok"), OpenedDatabase):
        dialog.show_probe(outcome["ok"].probe)  # type: ignore[union-attr]
    elif "error" in outcome:
        dialog.show_error(str(outcome["error"]))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.opened is None:
        return None
    return dialog.opened


def take_screenshots(window: object, ctx: AppContext, folder: Path) -> list[Path]:
    """Render every main page (and its extra states) with real data to PNG files."""
    from matviet_desktop.ui.main_window import MainWindow
    from matviet_desktop.ui.pages.base import Page
    from matviet_desktop.ui.pages.registry import PAGES

    assert isinstance(window, MainWindow)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for number, spec in enumerate(PAGES, start=1):
        page = window.open_page(spec.key)
        wait_idle(ctx.tasks)
        path = folder / f"{number:02d}-{spec.key}.png"
        window.grab().save(str(path))
        written.append(path)
        if isinstance(page, Page):
            for suffix, prepare in page.screenshot_variants():
                prepare()
                wait_idle(ctx.tasks)
                path = folder / f"{number:02d}-{spec.key}-{suffix}.png"
                window.grab().save(str(path))
                written.append(path)
    return written


def settle_startup_objects() -> None:
    """Move everything start-up created (modules, Qt wrappers, pandas...) out of the collector's view.

    A full garbage collection walks every tracked object; with the libraries loaded that took up to
    150 ms on the GUI thread (bench/bench_ui.py). Start-up objects live as long as the app, so
    `gc.freeze()` keeps later collections down to what the session itself allocates.
    """
    gc.collect()
    gc.freeze()


def run(argv: Sequence[str] | None = None) -> int:
    # Frozen build: a 'spawn' child (background scoring) re-runs the executable; become the child.
    multiprocessing.freeze_support()
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Mắt Việt Desktop")
    app.setOrganizationName("MatViet")
    apply_theme(app)
    settings = app_settings()
    language = i18n.install(app, args.lang or str(settings.value("language", "vi")))

    runner = TaskRunner(app)
    first_run = not (args.demo or args.database_url or has_saved_connection())
    opened = connect_interactively(runner, args.database_url, args.demo, first_run and not args.screenshots)
    if opened is None:
        runner.shutdown()
        return 1

    from matviet_desktop.ui.main_window import MainWindow

    ctx = AppContext(
        database=opened.database,
        engine=make_engine(opened.database.url),
        tasks=runner,
        probe=opened.probe,
        settings=settings,
        language=language,
    )
    window = MainWindow(ctx)
    window.show()
    window.open_page("customers")
    settle_startup_objects()
    if args.screenshots:
        for path in take_screenshots(window, ctx, args.screenshots):
            print(path)
        window.close()
        ctx.engine.dispose()
        return 0
    code = app.exec()
    ctx.engine.dispose()
    return code


if __name__ == "__main__":
    sys.exit(run())
