"""Schema versioning: upgrade, downgrade and the "is this database usable" check.

The migrations ship inside the package, so `matviet db upgrade` works from an installed app.
The app refuses to open a database whose schema is behind or ahead of the code.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


class SchemaState(enum.StrEnum):
    CURRENT = "current"
    EMPTY = "empty"  # no schema at all: a fresh database
    BEHIND = "behind"  # older than the code: run `matviet db upgrade`
    AHEAD = "ahead"  # newer than the code: install the newer app


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    database_revision: str | None
    code_revision: str

    @property
    def message(self) -> str:
        return {
            SchemaState.CURRENT: "Cơ sở dữ liệu đã ở phiên bản mới nhất.",
            SchemaState.EMPTY: "Cơ sở dữ liệu trống: hãy chạy “matviet db upgrade” để tạo lược đồ.",
            SchemaState.BEHIND: (
                f"Lược đồ cơ sở dữ liệu ({self.database_revision}) cũ hơn ứng dụng ({self.code_revision}): "
                "quản trị viên cần nâng cấp (matviet db upgrade)."
            ),
            SchemaState.AHEAD: (
                f"Lược đồ cơ sở dữ liệu ({self.database_revision}) mới hơn ứng dụng ({self.code_revision}): "
                "hãy cài phiên bản Mắt Việt Desktop mới hơn."
            ),
        }[self.state]


def code_head() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def schema_status(engine: Engine) -> SchemaStatus:
    script = ScriptDirectory.from_config(alembic_config())
    head = code_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current is None:
        state = SchemaState.EMPTY
    elif current == head:
        state = SchemaState.CURRENT
    elif current in {rev.revision for rev in script.walk_revisions()}:
        state = SchemaState.BEHIND
    else:
        state = SchemaState.AHEAD
    return SchemaStatus(state=state, database_revision=current, code_revision=head)


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
