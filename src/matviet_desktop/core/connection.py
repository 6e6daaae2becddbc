"""Which database to open, and connection profiles.

Resolution order, the same for the GUI and the command line:
`--database-url`, else env MATVIET_DATABASE_URL, else the saved default connection profile,
else the embedded demo server. Profiles are stored without passwords; a password lives only in
the OS keyring (service "matviet-desktop", user "db:<profile name>").
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from matviet_desktop.core import paths

KEYRING_SERVICE = "matviet-desktop"


@dataclass(frozen=True)
class ConnectionProfile:
    name: str
    host: str
    port: int
    database: str
    user: str
    sslmode: str = "prefer"

    def url(self, password: str | None = None) -> str:
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=password,
            host=self.host,
            port=self.port,
            database=self.database,
            query={"sslmode": self.sslmode},
        ).render_as_string(hide_password=False)


def _profiles_file() -> Path:
    return paths.config_dir() / "connections.json"


def load_profiles() -> tuple[list[ConnectionProfile], str | None]:
    """All saved profiles and the name of the default one."""
    file = _profiles_file()
    if not file.exists():
        return [], None
    data = json.loads(file.read_text(encoding="utf-8"))
    return [ConnectionProfile(**p) for p in data.get("profiles", [])], data.get("default")


def save_profiles(profiles: list[ConnectionProfile], default: str | None) -> None:
    payload = {"profiles": [asdict(p) for p in profiles], "default": default}
    _profiles_file().write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")


def profile_password(profile: ConnectionProfile) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, f"db:{profile.name}")
    except KeyringError:
        return None


def store_profile_password(profile: ConnectionProfile, password: str) -> None:
    import keyring

    keyring.set_password(KEYRING_SERVICE, f"db:{profile.name}", password)


@dataclass(frozen=True)
class ResolvedDatabase:
    url: str
    source: str  # 'argument', 'environment', 'profile:<name>', 'embedded-demo'

    @property
    def is_demo(self) -> bool:
        return self.source == "embedded-demo"


def resolve_database(explicit_url: str | None = None, *, demo: bool = False) -> ResolvedDatabase:
    if demo:
        return ResolvedDatabase(_embedded_url(), "embedded-demo")
    if explicit_url:
        return ResolvedDatabase(explicit_url, "argument")
    env_url = os.environ.get("MATVIET_DATABASE_URL")
    if env_url:
        return ResolvedDatabase(env_url, "environment")
    profiles, default = load_profiles()
    for profile in profiles:
        if profile.name == default:
            return ResolvedDatabase(profile.url(profile_password(profile)), f"profile:{profile.name}")
    return ResolvedDatabase(_embedded_url(), "embedded-demo")


def _embedded_url() -> str:
    from matviet_desktop.core.demo import embedded

    return embedded.demo_database_url(start=True)
