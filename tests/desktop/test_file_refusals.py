"""What Windows refuses, played on Linux at the file seams (db.storage.files): a file open in
a viewer or in Excel, a backup held by antivirus. A true message, nothing lost, no crash."""
from __future__ import annotations

import datetime as dt
import os

from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.cases import records as cases
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import AuditLog, Case
from db.storage import backups, files, paths, settings
from desktop.backups.daily import DailyBackup


def held_by_another_program(*_args):
    """What os.replace / os.remove raise on Windows when the file is open elsewhere."""
    error = PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
    error.winerror = 32
    raise error


def choose(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def warnings(monkeypatch) -> list[str]:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    return shown


def test_the_letter_is_not_reported_saved_when_the_old_pdf_is_open(qtbot, context, owner,
                                                                    tmp_path, monkeypatch):
    from desktop.cases.letter_dialog import LetterDialog
    buyer = customers.create(CustomerData(name="李/娜: *VIP*"), owner)
    case = cases.create(cases.CaseData(customer_id=buyer.id, product="保温杯", category="破损",
                                       description="杯盖裂了"), owner)
    letter = LetterDialog(context, Case.get_by_id(case.id))
    qtbot.addWidget(letter)
    assert letter._default_name == "致歉信-李_娜_ _VIP_"  # no / : * in a file name
    notices = []
    context.status_message.connect(notices.append)
    target = tmp_path / "致歉信 #2.pdf"
    target.write_bytes(b"%PDF the old letter")
    choose(monkeypatch, target)
    shown = warnings(monkeypatch)
    monkeypatch.setattr(files, "replace", held_by_another_program)
    letter.pdf_button.click()
    assert notices == [] and len(shown) == 1
    assert "正被其他程序打开" in shown[0] and str(target) in shown[0]
    assert target.read_bytes() == b"%PDF the old letter"
    assert not list(tmp_path.glob("*.partial"))
    monkeypatch.undo()
    choose(monkeypatch, target)
    letter.pdf_button.click()  # the viewer closed: saved, and said so
    assert target.read_bytes().startswith(b"%PDF-") and notices == [f"已保存 {target}"]


def test_an_audit_log_export_onto_an_open_workbook_speaks_of_that_file(
        qtbot, context, owner, tmp_path, monkeypatch):
    from desktop.settings.audit_dialog import AuditDialog
    customers.create(CustomerData(name="张三"), owner)
    dialog = AuditDialog()
    qtbot.addWidget(dialog)
    target = tmp_path / "操作日志.xlsx"
    target.write_bytes(b"open in Excel")
    choose(monkeypatch, target)
    shown = warnings(monkeypatch)
    monkeypatch.setattr(files, "replace", held_by_another_program)
    dialog.export_button.click()
    assert len(shown) == 1 and "正被其他程序打开" in shown[0]
    assert "数据文件夹" not in shown[0] and "只读" not in shown[0]
    assert target.read_bytes() == b"open in Excel"
    assert AuditLog.select().where(AuditLog.action == "export").count() == 0


def test_a_backup_held_by_antivirus_is_left_and_the_daily_backup_goes_on(
        qtbot, context, owner, monkeypatch):
    settings.put("backup_keep", 1)
    settings.put("backup_keep_weeks", 0)
    folder = paths.backup_dir(context.data_dir)
    folder.mkdir(exist_ok=True)
    old = dt.datetime.now() - dt.timedelta(days=400)
    for n in range(12):  # old enough for the retention rule to delete
        name = f"kefudesk-{(old + dt.timedelta(minutes=n)):%Y%m%d-%H%M%S-%f}-daily.sqlite3"
        (folder / name).write_bytes(b"old")
    held = sorted(folder.glob("*.sqlite3"))[0]
    remove = files._remove
    monkeypatch.setattr(files, "_remove", lambda path: held_by_another_program()
                        if path == held else remove(path))
    notices = []
    context.status_message.connect(notices.append)
    daily = DailyBackup(context)
    assert daily.check(dt.datetime.now() + dt.timedelta(days=2))
    left = [b.path for b in backups.list_backups(folder)]
    assert held in left and len(left) == 2  # the new backup, and the one still held
    assert notices == []
    monkeypatch.undo()
    backups.prune(folder, 1, 0)  # released: the next prune removes it
    assert not held.exists() and os.path.exists(left[0])
