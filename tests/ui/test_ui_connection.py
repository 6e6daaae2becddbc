"""Connection dialog and probe: unreachable server, empty schema upgraded by an admin."""

from __future__ import annotations

import socket

from sqlalchemy.exc import OperationalError

from matviet_desktop.core.connection_check import ProbeKind, _classify_operational, probe
from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine
from matviet_desktop.ui.connection_dialog import ConnectionDialog
from matviet_desktop.ui.tasks import TaskRunner


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def test_unreachable_server_is_reported_as_such() -> None:
    result = probe(f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/matviet")
    assert result.kind == ProbeKind.UNREACHABLE
    assert "Không kết nối được tới máy chủ" in result.message


def test_wrong_password_message_names_the_user() -> None:
    error = OperationalError("connect", {}, Exception('password authentication failed for user "nhanvien"'))
    result = _classify_operational(error, "postgresql+psycopg://nhanvien@db:5432/matviet")
    assert result.kind == ProbeKind.WRONG_PASSWORD and "nhanvien" in result.message


def test_empty_database_offers_upgrade_to_admin_and_upgrade_opens_it(qtbot, themed_app, empty_db_url) -> None:
    result = probe(empty_db_url)
    assert result.kind == ProbeKind.SCHEMA_EMPTY and result.can_upgrade  # the test user is a superuser
    runner = TaskRunner()
    dialog = ConnectionDialog(runner)
    qtbot.addWidget(dialog)
    dialog._last_url = empty_db_url
    dialog.show_probe(result)
    assert not dialog.upgrade_button.isHidden()
    dialog.upgrade_button.click()
    qtbot.waitUntil(lambda: dialog.opened is not None, timeout=60_000)
    assert dialog.opened.probe.ok
    engine = make_engine(empty_db_url, pool_size=1)
    try:
        assert migrate.schema_status(engine).state == migrate.SchemaState.CURRENT
    finally:
        engine.dispose()
    runner.shutdown()
