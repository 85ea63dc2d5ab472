"""Where the data lives: the user's data folder, or a folder given for a portable install."""
from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import platformdirs

APP_NAME = "KefuDesk"
DB_FILENAME = "kefudesk.sqlite3"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


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
