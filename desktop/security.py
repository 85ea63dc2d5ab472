"""Asking for the owner password before protected actions, and the password dialog."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QThread, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from db.trust import log_chain, security
from desktop.context import AppContext
from desktop.widgets.error_label import ErrorLabel


class SecretDialog(QDialog):
    """Asks for a password or PIN; `check(text) -> bool` decides, three tries at most."""

    def __init__(self, title: str, prompt: str, check, parent: QWidget | None = None):
        super().__init__(parent)
        self._check = check
        self._tries = 0
        self.setWindowTitle(title)
        self.setMinimumWidth(340)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self._check(self.secret.text()):
            super().accept()
            return
        self._tries += 1
        if self._tries >= 3:
            self.reject()
            return
        self.error.show_message(self.tr("密码不正确，请重试"))
        self.secret.selectAll()
        self.secret.setFocus()


def action_names() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {"delete_customers": translate("security", "删除客户"),
            "empty_trash": translate("security", "彻底删除"),
            "export_all": translate("security", "导出全部数据"),
            "export_list": translate("security", "导出当前列表"),
            "import_updates": translate("security", "导入时更新已有客户"),
            "restore_backup": translate("security", "恢复备份"),
            "change_settings": translate("security", "修改设置"),
            "edit_phrases": translate("security", "修改禁语"),
            "view_audit": translate("security", "查看操作日志")}


def require_owner(parent: QWidget, context: AppContext, action: str,
                  what: str | None = None) -> bool:
    """True when the action may go ahead: no password set, the owner is signed in, or the
    owner types the password now (which does not sign a staff member in as owner).
    `what` names the action in the prompt when the action's general name would not be true
    (导出全部客户 is one kind of 导出全部数据)."""
    if not security.needs_owner(action) or context.owner_unlocked:
        return True
    what = what or action_names()[action]
    dialog = SecretDialog(
        QCoreApplication.translate("security", "需要店主密码"),
        QCoreApplication.translate("security", "“%1”需要店主确认，请输入店主密码：")
        .replace("%1", what),
        lambda text: security.check_owner_password(text, context.staff), parent)
    return bool(dialog.exec())


def chain_report(verdicts: list[log_chain.Verdict], current: bool = True) -> tuple[bool, str]:
    """(whole?, a sentence) for the activity log and the case timeline's chains, and, for
    the open database (`current`), a removed owner-password row."""
    broken = [v for v in verdicts if not v.ok]
    if current and security.owner_row_missing():
        return False, QCoreApplication.translate(
            "audit", "店主密码记录被删除（日志记录了已设置的密码）：店主功能已锁定，请恢复之前的备份")
    if not broken:
        checked = sum(v.checked for v in verdicts)
        return True, QCoreApplication.translate("audit", "日志完整（已核对 %1 条）").replace(
            "%1", str(checked))
    names = {"audit_log": QCoreApplication.translate("audit", "操作日志"),
             "case_event": QCoreApplication.translate("audit", "工单时间线")}
    parts = [QCoreApplication.translate("audit", "%1在此处断开：%2").replace(
        "%1", names[v.table]).replace("%2", v.problem + (_where(v) if current else ""))
        for v in broken]
    return False, "；".join(parts)


def show_chain(ok_label, error_label) -> None:
    """The open database's chains in a pair of labels: a ✓ line when whole, else the error
    label (an ErrorLabel) says where they break."""
    whole, text = chain_report(log_chain.check_all())
    ok_label.setVisible(whole)
    ok_label.setText("✓ " + text if whole else "")
    if whole:
        error_label.hide()
    else:
        error_label.show_message(text)


def _where(verdict: log_chain.Verdict) -> str:
    """The entry where a chain breaks as the owner finds it in the list: time, who, what."""
    from db import clock  # noqa: PLC0415
    from db.models import AuditLog, CaseEvent  # noqa: PLC0415
    if verdict.entry_id is None:
        return ""
    if verdict.table == "audit_log":
        entry = AuditLog.get_or_none(AuditLog.id == verdict.entry_id)
        if entry is None or entry.at is None:
            return ""
        what = f"{entry.entity} #{entry.entity_id}" if entry.entity_id else entry.entity
        return (f"（{clock.to_local(entry.at):%Y-%m-%d %H:%M:%S} {entry.staff_name} "
                f"{entry.action} {what}）")
    event = CaseEvent.get_or_none(CaseEvent.id == verdict.entry_id)
    if event is None:
        return ""
    return QCoreApplication.translate("audit", "（工单 #%1）").replace("%1", str(event.case_id))


class ChainCheck(QThread):
    """The start-up check of both chains on its own connection: a long log (100,000 entries
    take about a second) never holds up the window. `checked` carries the verdicts."""
    checked = Signal(list)

    def __init__(self, data_dir, parent=None):
        super().__init__(parent)
        self._data_dir = data_dir

    def run(self) -> None:
        from db.storage import store  # noqa: PLC0415
        database = store.another_connection(self._data_dir)
        try:
            verdicts = log_chain.check_all(database)
        finally:
            database.close()
        self.checked.emit(verdicts)
