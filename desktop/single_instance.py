"""One running app per data folder: the data folder's lock (db.storage.lock, the same one a
command-line import takes) guards the database, a local socket lets a second start bring the
running window to the front instead of opening the database twice."""
from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from db.storage.lock import DataFolderLock


class SingleInstance(QObject):
    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = DataFolderLock(data_dir)
        digest = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:16]
        self._name = f"kefudesk-{digest}"
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process now owns the data folder."""
        if not self._lock.acquire():
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
        self._lock.release()

    def _on_connection(self) -> None:
        while self._server and self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._on_message(c))

    def _on_message(self, conn: QLocalSocket) -> None:
        if bytes(conn.readAll()).strip() == b"activate":
            self.activation_requested.emit()
        conn.disconnectFromServer()
