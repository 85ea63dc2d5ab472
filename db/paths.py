"""Where the data lives: the user's data folder, or a folder given for a portable install."""
from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "KefuDesk"
DB_FILENAME = "kefudesk.sqlite3"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def resolve_data_dir(override: str | Path | None) -> Path:
    path = Path(override).expanduser().resolve() if override else default_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_file(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"
