"""Can the app open this database? Classifies failures into what the user can act on.

Used by the first-run connection dialog and at start-up: a wrong password, an unreachable server,
a missing database and a schema that needs upgrading each get their own kind and a plain
Vietnamese message naming the next step. Also reports the signed-in role.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from matviet_desktop.core.db import migrate
from matviet_desktop.core.db.engine import make_engine

# PostgreSQL group roles the app recognises, strongest first. A superuser counts as admin.
APP_ROLES = ("matviet_admin", "matviet_manager", "matviet_staff")


class ProbeKind(enum.StrEnum):
    OK = "ok"
    WRONG_PASSWORD = "wrong_password"
    UNREACHABLE = "unreachable"
    NO_DATABASE = "no_database"
    SCHEMA_EMPTY = "schema_empty"
    SCHEMA_BEHIND = "schema_behind"
    SCHEMA_AHEAD = "schema_ahead"
    OTHER = "other"


class Role(enum.StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    STAFF = "staff"


@dataclass(frozen=True)
class ProbeResult:
    kind: ProbeKind
    message: str
    role: Role | None = None
    user: str | None = None
    server_version: str | None = None

    @property
    def ok(self) -> bool:
        return self.kind == ProbeKind.OK

    @property
    def can_upgrade(self) -> bool:
        """An admin may fix the schema from the app."""
        return self.kind in (ProbeKind.SCHEMA_EMPTY, ProbeKind.SCHEMA_BEHIND) and self.role == Role.ADMIN


def describe_target(url: str) -> str:
    """'postgres@127.0.0.1:5432/matviet' — for status bars and messages (never the password)."""
    parsed = make_url(url)
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.username or ''}@{host}{port}/{parsed.database or ''}"


def _classify_operational(exc: OperationalError, url: str) -> ProbeResult:
    text_ = str(exc.orig or exc).lower()
    target = describe_target(url)
    if "password authentication failed" in text_ or "no password supplied" in text_:
        return ProbeResult(
            ProbeKind.WRONG_PASSWORD,
            f"Sai mật khẩu cho người dùng {make_url(url).username!r}. Hãy nhập lại mật khẩu.",
        )
    if "does not exist" in text_ and "database" in text_:
        return ProbeResult(
            ProbeKind.NO_DATABASE,
            f"Không có cơ sở dữ liệu “{make_url(url).database}” trên máy chủ. Hãy kiểm tra tên, "
            "hoặc nhờ quản trị viên tạo cơ sở dữ liệu.",
        )
    if "role" in text_ and "does not exist" in text_:
        return ProbeResult(
            ProbeKind.WRONG_PASSWORD,
            f"Máy chủ không có người dùng {make_url(url).username!r}. Hãy kiểm tra tên người dùng.",
        )
    if any(s in text_ for s in ("connection refused", "timeout", "could not translate host", "no route")):
        return ProbeResult(
            ProbeKind.UNREACHABLE,
            f"Không kết nối được tới máy chủ {target}. Hãy kiểm tra địa chỉ, cổng và mạng "
            "(máy chủ có đang chạy không?).",
        )
    return ProbeResult(ProbeKind.OTHER, f"Không mở được cơ sở dữ liệu {target}: {exc.orig or exc}")


def current_role(conn: Connection) -> tuple[Role, str]:
    """The app role of the connected user, from PostgreSQL role membership."""
    row = conn.execute(
        text(
            "SELECT current_user, r.rolsuper, "
            "  array_remove(ARRAY["
            "    CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname='matviet_admin') "
            "         AND pg_has_role(current_user, 'matviet_admin', 'MEMBER') THEN 'matviet_admin' END,"
            "    CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname='matviet_manager') "
            "         AND pg_has_role(current_user, 'matviet_manager', 'MEMBER') THEN 'matviet_manager' END"
            "  ], NULL) "
            "FROM pg_roles r WHERE r.rolname = current_user"
        )
    ).one()
    user, is_super, groups = row
    if is_super or "matviet_admin" in groups:
        return Role.ADMIN, user
    if "matviet_manager" in groups:
        return Role.MANAGER, user
    return Role.STAFF, user


def probe(url: str) -> ProbeResult:
    """Connect once, read role and schema state, and say whether the app can work here."""
    engine = make_engine(url, pool_size=1)
    try:
        try:
            with engine.connect() as conn:
                role, user = current_role(conn)
                version = conn.execute(text("SHOW server_version")).scalar_one()
        except OperationalError as exc:
            return _classify_operational(exc, url)
        status = migrate.schema_status(engine)
        kind = {
            migrate.SchemaState.CURRENT: ProbeKind.OK,
            migrate.SchemaState.EMPTY: ProbeKind.SCHEMA_EMPTY,
            migrate.SchemaState.BEHIND: ProbeKind.SCHEMA_BEHIND,
            migrate.SchemaState.AHEAD: ProbeKind.SCHEMA_AHEAD,
        }[status.state]
        message = "Đã kết nối." if kind == ProbeKind.OK else status.message
        return ProbeResult(kind, message, role=role, user=user, server_version=str(version))
    finally:
        engine.dispose()
