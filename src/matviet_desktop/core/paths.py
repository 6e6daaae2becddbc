"""Per-user folders (platformdirs): data (embedded database, cache), config, logs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "MatVietDesktop"
APP_AUTHOR = "MatViet"


def data_dir() -> Path:
    override = os.environ.get("MATVIET_DATA_DIR")
    path = Path(override) if override else platformdirs.user_data_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    override = os.environ.get("MATVIET_CONFIG_DIR")
    path = Path(override) if override else platformdirs.user_config_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path
