"""One running app per data folder: a lock file guards the database, a local socket lets a
second start bring the running window to the front instead of opening the database twice."""
from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = QLockFile(str(data_dir / "kefudesk.lock"))
        self._lock.setStaleLockTime(0)  # stale only when the owning process is gone
        digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:16]
        self._name = f"kefudesk-{digest}"
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process now owns the data folder."""
        if not self._lock.tryLock(100):
            return False
        QLocalServer.removeServer(self._name)  # a crashed owner may leave a dead socket
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        self._server.listen(self._name)
        return True

    def ask_running_to_activate(self) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(500):
            return False
        socket.write(b"activate\n")
        socket.waitForBytesWritten(500)
        socket.disconnectFromServer()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
        self._lock.unlock()

    def _on_connection(self) -> None:
        while self._server and self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._on_message(c))

    def _on_message(self, conn: QLocalSocket) -> None:
        if bytes(conn.readAll()).strip() == b"activate":
            self.activation_requested.emit()
        conn.disconnectFromServer()
