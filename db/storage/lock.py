"""One program writing a data folder at a time: the running app, or a command-line import.

An operating-system lock on the folder's `kefudesk.lock` file (flock on Linux and macOS, a
byte-range lock on Windows). The system drops it when the holding process ends, crash or
not, so a lock is never left stale. The app's single-instance check and the command line
both take this same lock.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO

from db.errors import StoreError, store_message
from db.vocabulary import QT_TRANSLATE_NOOP

LOCK_NAME = "kefudesk.lock"
# What the system says when another process holds the lock (flock: EWOULDBLOCK; Windows'
# msvcrt.locking: EACCES, or EDEADLOCK after its retries). Anything else is a real failure.
HELD_ERRNOS = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, getattr(errno, "EDEADLOCK", 36)}


class ReadOnlyFolder(StoreError):
    """The data folder cannot be written at all: not "in use", and waiting will not help."""


class DataFolderLock:
    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK_NAME
        self._file: BinaryIO | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> bool:
        """True when this process now holds the folder (or already did); False when another
        program does. Never waits. Raises ReadOnlyFolder when the folder cannot be written
        (a read-only disk or share, no permission), which is not the same as "in use"."""
        if self._file is not None:
            return True
        try:
            handle = _open(self.path)
        except OSError as exc:
            raise ReadOnlyFolder(store_message(QT_TRANSLATE_NOOP(
                "StoreError", "数据文件夹是只读的或没有写入权限：%1（%2）。"
                "请检查文件夹权限，或用 --data-dir 指定一个可写的文件夹"), self.path.parent,
                exc.strerror or exc)) from exc
        try:
            _lock(handle)
        except OSError as exc:
            handle.close()
            if exc.errno in HELD_ERRNOS:
                return False
            raise
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is None:
            return
        try:
            _unlock(self._file)
        finally:
            self._file.close()  # the file stays: removing it would race with the next taker
            self._file = None

    def __enter__(self) -> DataFolderLock:
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


def _open(path: Path) -> BinaryIO:
    """The lock file, open for as long as the lock is held (the seam tests make refuse)."""
    return open(path, "a+b")  # noqa: SIM115


if os.name == "nt":
    import msvcrt

    def _lock(handle: BinaryIO) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # OSError when taken

    def _unlock(handle: BinaryIO) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: BinaryIO) -> None:
        # flock, not lockf: a second open of the file in the same process is refused too.
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: BinaryIO) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
