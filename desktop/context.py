"""What every page needs: the data folder, the current staff member, change signals."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from db.models import Staff
from db.trust import audit


class AppContext(QObject):
    staff_changed = Signal()
    customers_changed = Signal()  # any customer, tag, type or contact-log write
    staff_list_changed = Signal()
    cases_changed = Signal()  # any case, remedy, promise or timeline write
    status_message = Signal(str)
    restart_requested = Signal()  # e.g. after a restore replaced the whole database

    def __init__(self, data_dir: Path, staff: Staff | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = data_dir
        self._staff = staff
        # True once the owner signed in with the owner password: no more prompts this session.
        self.owner_unlocked = False
        self.team_server = None  # TeamServerHost: this computer serves the shop (set by app.run)
        if staff is not None:
            audit.act_as(staff, "screen")
        # Window layout and the last staff member live beside the data: a portable install
        # carries them along, and tests stay isolated.
        self.ui_settings = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)

    @property
    def staff(self) -> Staff | None:
        return self._staff

    def set_staff(self, staff: Staff, owner_unlocked: bool = False) -> None:
        self._staff = staff
        self.owner_unlocked = owner_unlocked
        audit.act_as(staff, "screen")
        self.ui_settings.setValue("last_staff_id", staff.id)
        self.staff_changed.emit()

    def notify(self, message: str) -> None:
        self.status_message.emit(message)
