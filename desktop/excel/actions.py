"""The 文件 menu's Excel actions: import wizard, exports, templates, undo last import."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from db import clock, errors
from db.customers.search import count_live
from db.excel import history, registry
from db.excel.errors import Cancelled, ExcelError
from db.errors import StoreError
from db.storage import paths
from db.trust import audit
from desktop import file_dialogs
from desktop.context import AppContext
from desktop.errors import guarded, said
from desktop.security import require_owner

XLSX_FILTER = "Excel (*.xlsx)"
EXPORT_FILTER = "Excel (*.xlsx);;CSV UTF-8 (*.csv)"


def _write():
    """openpyxl takes ~0.15 s to import: load the writer when a file is written, not at start."""
    from db.excel import write  # noqa: PLC0415
    return write


class ExcelActions(QObject):
    """Owns no widgets: each action asks for a file, runs the core, reports in the status bar."""

    def __init__(self, context: AppContext, window: QWidget,
                 current_ids: Callable[[], list[int]]):
        super().__init__(window)
        self._context = context
        self._window = window
        self._current_ids = current_ids  # the 客户 page's filtered list, in its order
        self.snippets_changed: Callable[[], None] | None = None  # the 快捷短语 page re-reads

    def import_customers(self) -> None:
        self._import("customers")

    def import_snippets(self) -> None:
        self._import("snippets")

    def import_cases(self) -> None:
        self._import("cases")

    def import_orders(self) -> None:
        self._import("orders")

    def _import(self, kind_key: str) -> None:
        from desktop.excel.import_wizard import ImportWizard
        ImportWizard(self._context, kind_key, self._window).exec()
        if kind_key == "snippets" and self.snippets_changed is not None:
            self.snippets_changed()

    def export_snippets(self) -> None:
        self._export_kind(None, self.tr("快捷短语"), "snippets")

    def export_cases(self) -> None:
        if require_owner(self._window, self._context, "export_all", self.tr("导出全部售后工单")):
            self._export_kind(None, self.tr("售后工单"), "cases")

    def save_snippet_template(self) -> None:
        self._save_template("snippets", self.tr("快捷短语导入模板"))

    def save_case_template(self) -> None:
        self._save_template("cases", self.tr("售后工单导入模板"))

    def _save_template(self, kind_key: str, what: str) -> None:
        path = self._ask_save(what, XLSX_FILTER)
        if path:
            self._run(lambda _progress: _write().template(registry.get(kind_key), path), path,
                      audited=False)

    def export_customers(self) -> None:
        if require_owner(self._window, self._context, "export_all", self.tr("导出全部客户")):
            self._export_kind(None, self.tr("客户"))

    def export_current_list(self) -> None:
        ids = self._current_ids()
        if not ids:
            QMessageBox.information(self._window, self.tr("导出"), self.tr("当前列表是空的"))
            return
        if require_owner(self._window, self._context, "export_list",
                         self.tr("导出当前列表（%1 位客户）").replace("%1", str(len(ids)))):
            self._export_kind(ids, self.tr("客户（当前列表）"))

    def export_everything(self) -> None:
        if not require_owner(self._window, self._context, "export_all"):
            return
        path = self._ask_save(self.tr("全部数据"), XLSX_FILTER)
        if path:
            self._run(lambda progress: _write().export_all(path, progress), path, audited=True)

    def save_template(self) -> None:
        path = self._ask_save(self.tr("客户导入模板"), XLSX_FILTER)
        if path:
            self._run(lambda _progress: _write().template(registry.get("customers"), path), path,
                      audited=False)

    def undo_last_import(self) -> None:
        last = history.last_import(self._context.data_dir)
        if last is None:
            QMessageBox.information(self._window, self.tr("撤销上次导入"), self.tr("没有可以撤销的导入"))
            return
        if not require_owner(self._window, self._context, "restore_backup"):
            return
        answer = QMessageBox.question(
            self._window, self.tr("撤销上次导入"),
            said(history.describe(last)) + "\n\n" + self.tr("确定要撤销吗？当前数据会先另存一份备份。"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            history.undo_last_import(self._context.data_dir)
        except (ExcelError, StoreError) as exc:
            QMessageBox.warning(self._window, self.tr("撤销上次导入"), said(exc))
            return
        self._context.customers_changed.emit()
        self._context.cases_changed.emit()
        self._context.staff_list_changed.emit()
        if self.snippets_changed is not None:
            self.snippets_changed()
        self._context.notify(self.tr("已撤销上次导入"))

    # --- helpers ------------------------------------------------------------------------
    def _export_kind(self, ids: list[int] | None, what: str, kind_key: str = "customers") -> None:
        path = self._ask_save(what, EXPORT_FILTER)
        if not path:
            return
        kind = registry.get(kind_key)
        if path.suffix.lower() == ".csv":
            self._run(lambda _progress: _write().export_csv(kind, path, ids), path)
        else:
            total = len(ids) if ids is not None else count_live() if kind_key == "customers" else 0
            self._run(lambda progress: _write().export(kind, path, ids, progress), path, total)

    def _ask_save(self, what: str, filters: str) -> Path | None:
        name = f"{what}-{clock.to_local(clock.now()):%Y%m%d}.xlsx"
        path, chosen = file_dialogs.save_file(self._window, self._context.ui_settings, "export",
                                              self.tr("导出到"), name, filters)
        if not path:
            return None
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        return path

    @guarded(errors.EXPORT)  # the server gone mid-export: said as an export that did not finish
    def _run(self, job: Callable, path: Path, total: int = 0, audited: bool = True) -> None:
        dialog = QProgressDialog(self.tr("正在导出…"), self.tr("取消"), 0, max(total, 0),
                                 self._window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(800)

        def progress(done: int) -> None:
            dialog.setValue(min(done, total) if total else 0)
            QApplication.processEvents()
            if dialog.wasCanceled():
                raise Cancelled(self.tr("导出已取消"))

        try:
            job(progress)
        except Cancelled:
            self._context.notify(self.tr("导出已取消"))
            return
        except OSError as exc:  # about that file: open in Excel, read-only, disk full...
            QMessageBox.warning(self._window, self.tr("导出"), errors.file_message(exc, path))
            return
        finally:
            dialog.close()
        paths.private_if_inside(path, self._context.data_dir)
        if audited:
            audit.record("export", "customer", detail={"file": str(path)}, staff=self._context.staff)
        self._context.notify(self.tr("已导出到 %1").replace("%1", str(path)))
