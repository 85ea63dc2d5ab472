"""Where the data lives: the user's data folder, or a folder given for a portable install.

On Windows the data sits in the local application data (AppData\\Local), not the roaming
one: domain setups redirect roaming AppData to a network share, where SQLite's locking
cannot be trusted (and the app refuses it). A folder left in roaming AppData by an older
version is moved once, safely: only while the local folder has no database, copied
before anything is renamed, and the old folder kept under another name.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

import platformdirs

from db.errors import StoreError
from db.storage.lock import LOCK_NAME, DataFolderLock

APP_NAME = "KefuDesk"
DB_FILENAME = "kefudesk.sqlite3"
MOVED_SUFFIX = ".moved-to-local"  # the roaming folder's name after its one-time move


def default_data_dir(system: str | None = None) -> Path:
    """system: os.name, given only by tests (the one seam where Windows is played)."""
    local = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    if (system or os.name) != "nt":
        return local
    roaming = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    return move_from_roaming(roaming, local)


def move_from_roaming(roaming: Path, local: Path) -> Path:
    """The folder to use: `local`, after copying an older roaming folder's data into it when
    the local folder has no database yet. While that cannot be done safely (the old version
    still running, a copy failing) the roaming folder is used as before, and nothing moves."""
    if roaming == local or database_file(local).exists() or not database_file(roaming).exists():
        return local
    guard = DataFolderLock(roaming)
    try:
        if not guard.acquire():
            return roaming  # an older version has it open: move on a later start
    except StoreError:
        return roaming  # read-only: keep using it
    staging = local.with_name(local.name + ".moving")
    moved: list[Path] = []
    try:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(roaming, staging, ignore=shutil.ignore_patterns(LOCK_NAME))
        local.mkdir(parents=True, exist_ok=True)
        # The database's -wal and -shm go before it: a database in place means "moved".
        items = sorted(staging.iterdir(), key=lambda item: item.name == DB_FILENAME)
        for item in items:  # the local folder may hold settings, never a database
            # (a stray -wal beside no database is a leftover: the moved one replaces it)
            if item.name.startswith(DB_FILENAME) or not (local / item.name).exists():
                os.replace(item, local / item.name)
                moved.append(local / item.name)
    except OSError:
        for item in moved:  # half a move is undone: the next start tries again
            shutil.rmtree(item, ignore_errors=True) if item.is_dir() else item.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        return roaming
    finally:
        guard.release()
    shutil.rmtree(staging, ignore_errors=True)
    try:  # kept, not deleted: nothing is lost, and an older version no longer finds it
        roaming.rename(roaming.with_name(roaming.name + MOVED_SUFFIX))
    except OSError:
        pass  # held by a sync client: the local database now decides, so no second move
    return local


def resolve_data_dir(override: str | Path | None) -> Path:
    path = Path(override).expanduser().resolve() if override else default_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    make_private(path)
    return path


# On macOS and Linux the data folder is 0700 and its files 0600: only this user reads the
# customers. On Windows the per-user application data folder (%APPDATA%) is already closed
# to other users; a --data-dir elsewhere keeps the permissions of where it is.
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600


def make_private(path: Path) -> None:
    if os.name == "nt":
        return
    try:
        os.chmod(path, PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)
    except OSError:
        pass  # a file system without modes (a FAT USB stick): nothing to tighten


def private_if_inside(path: Path, data_dir: Path) -> None:
    """A file written into the data folder (an export saved there) is private like the rest;
    elsewhere it keeps the permissions of where the user put it."""
    try:
        inside = Path(path).resolve().is_relative_to(Path(data_dir).resolve())
    except OSError:
        return
    if inside:
        make_private(Path(path))


def make_folder_private(data_dir: Path) -> None:
    """The data folder, its files and backups (also those an older version left readable)."""
    if os.name == "nt":
        return
    make_private(data_dir)
    for child in data_dir.iterdir():
        if child.is_symlink():
            continue
        make_private(child)
        if child == backup_dir(data_dir):
            for item in child.iterdir():
                if item.is_file() and not item.is_symlink():
                    make_private(item)


def database_file(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


# File systems on which SQLite's locking cannot be trusted (SQLite's own guidance).
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "afs", "ncpfs",
              "fuse.sshfs", "sshfs", "davfs", "webdav", "fuse.davfs2", "glusterfs",
              "fuse.glusterfs", "ceph", "fuse.rclone"}


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The network file system type `path` lives on, or None when it is local.

    `mounts` is a mount table in /proc/mounts form ("device mountpoint fstype ..."), read
    from the system when not given (Linux: /proc/self/mounts, macOS: `mount`)."""
    import os
    import sys
    if mounts is None:
        if os.name == "nt":
            return _windows_network(Path(path).resolve())
        mounts = _read_mounts(sys.platform)
    # A mount table is in POSIX form: on Windows (a given table) the path is taken as written.
    path = PurePosixPath(Path(path).resolve() if os.name != "nt" else path)
    best, best_type = "", None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (str(path) == point or str(path).startswith(point.rstrip("/") + "/")) \
                and len(point) >= len(best):
            best, best_type = point, parts[2]
    return best_type if best_type in NETWORK_FS else None


def _read_mounts(platform: str) -> str:
    import subprocess
    if platform.startswith("linux"):
        try:
            return Path("/proc/self/mounts").read_text()
        except OSError:
            return ""
    try:  # macOS: "//u@server/share on /Volumes/share (smbfs, nodev, ...)"
        out = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    rows = []
    for line in out.splitlines():
        if " on " in line and " (" in line:
            device, rest = line.split(" on ", 1)
            point, options = rest.rsplit(" (", 1)
            rows.append(f"{device} {point.replace(' ', chr(92) + '040')} {options.split(',')[0]}")
    return "\n".join(rows)


def _windows_network(path: Path) -> str | None:
    text = str(path)
    if text.startswith("\\\\"):
        return "unc"
    import ctypes
    drive_remote = 4
    if ctypes.windll.kernel32.GetDriveTypeW(f"{path.drive}\\") == drive_remote:
        return "smb"
    return None
