"""The import wizard: file and sheet -> column mapping -> preview and conflicts -> import.

Nothing is written before the last step. The import runs on a worker thread with progress
and cancel; a cancel rolls everything back.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QProgressBar, QPushButton, QStackedWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from db.excel import headers, notes, read, registry, report, values, workflow
from db.excel.errors import ExcelError
from db.excel.plan import NEW_STAFF, NEW_TYPE, PROBLEMS, ImportOptions, Plan
from db.orders.vocabulary import PLATFORMS
from desktop import file_dialogs
from desktop.context import AppContext
from desktop.excel.import_preview import ImportPreview
from desktop.excel.words import word
from desktop.errors import said
from desktop.excel.worker import ImportWorker, run_in_background
from desktop.security import require_owner

PATTERNS = "(*.xlsx *.xls *.xlsm *.xlsb *.ods *.csv)"
FILE, MAPPING, PREVIEW, RUN = range(4)
class ImportWizard(QDialog):
    def __init__(self, context: AppContext, kind_key: str = "customers", parent=None):
        super().__init__(parent)
        self._context = context
        self._kind_key = kind_key
        self._table = None
        self._guess = None
        self._kind = None
        self.plan: Plan | None = None
        self.worker: ImportWorker | None = None
        self.result = None
        self._title_field = registry.get(kind_key).value_fields[0]  # the column naming a row
        self.setWindowTitle(self.tr("导入%1").replace("%1", word(registry.get(kind_key).title)))
        self.resize(1100, 720)
        self._setup_ui()
        self._show_step(FILE)

    # --- ui -----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_step())
        self.stack.addWidget(self._mapping_step())
        self.stack.addWidget(self._preview_step())
        self.stack.addWidget(self._run_step())
        self.back_button = QPushButton(self.tr("上一步"))
        self.next_button = QPushButton(self.tr("下一步"))
        self.next_button.setObjectName("primaryButton")
        self.next_button.setDefault(True)
        self.report_button = QPushButton(self.tr("保存问题报告…"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.back_button.clicked.connect(lambda: self._show_step(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(self._next)
        self.report_button.clicked.connect(self.save_report)
        self.cancel_button.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def _file_step(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("选择 Excel（.xlsx/.xls）或 CSV 文件"))
        self.browse_button = browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumWidth(200)
        self.path_edit.editingFinished.connect(self._load_sheets)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(self.tr("工作表：")))
        sheet_row.addWidget(self.sheet_combo)
        # Orders: whose export it is; read from the headers unless the person says.
        self.platform_combo = QComboBox()
        self.platform_combo.addItem(self.tr("自动识别（按表头）"), "auto")
        for code, label in PLATFORMS.items():
            self.platform_combo.addItem(label, code)
        platform_label = QLabel(self.tr("平台："))
        if self._kind_key == "orders":
            sheet_row.addSpacing(16)
            sheet_row.addWidget(platform_label)
            sheet_row.addWidget(self.platform_combo)
        else:
            platform_label.hide()
            self.platform_combo.hide()
        sheet_row.addStretch(1)
        hint = QLabel(self.tr("支持 Excel、WPS 保存的 .xlsx/.xls，以及 CSV（UTF-8 或 GBK）。\n"
                              "表头上方的标题行、说明行会自动跳过；下一步可以检查每一列的对应关系。\n"
                              "预览确认之前不会写入任何数据；导入前会自动备份，可以撤销。"))
        hint.setObjectName("muted")
        if self._kind_key == "orders":
            hint.setText(self.tr(
                "支持淘宝/天猫千牛的订单报表和宝贝报表、拼多多、抖店、微信小店导出的订单文件"
                "（.xlsx/.xls/.csv，GBK 也可以）。\n同一订单再次导入只会更新状态和物流，不会重复；"
                "买家按平台账号、手机、姓名和地址找到已有客户，找不到才新建。\n"
                "预览确认之前不会写入任何数据；导入前会自动备份，可以撤销。"))
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("第 1 步：选择文件")))
        layout.addLayout(row)
        layout.addLayout(sheet_row)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    def _mapping_step(self) -> QWidget:
        page = QWidget()
        self.mapping_label = QLabel()
        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("列"), self.tr("表格中的列名"), self.tr("示例"), self.tr("导入为")])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        self.mapping_table.setColumnWidth(0, 70)
        self.mapping_table.setColumnWidth(1, 180)
        self.mapping_table.setColumnWidth(3, 160)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("第 2 步：检查列的对应关系（不认识的列不会导入）")
                                if not registry.get(self._kind_key).extra_into else
                                self.tr("第 2 步：检查列的对应关系（不认识的列默认追加到备注，下一步可以取消）")))
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping_table, 1)
        return page

    def _preview_step(self) -> QWidget:
        self.preview = ImportPreview()
        self.preview.options_changed.connect(self._replan)
        # The preview's widgets, under the names the wizard's callers and tests use.
        self.counts_label = self.preview.counts_label
        self.rows_table = self.preview.rows_table
        self.conflict_label = self.preview.conflict_label
        self.conflict_table = self.preview.conflict_table
        return self.preview

    def _run_step(self) -> QWidget:
        page = QWidget()
        self.run_label = QLabel()
        self.run_label.setWordWrap(True)
        self.progress = QProgressBar()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("第 4 步：导入")))
        layout.addWidget(self.progress)
        layout.addWidget(self.run_label)
        layout.addStretch(1)
        return page

    # --- steps --------------------------------------------------------------------------
    def open_file(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))
        self._load_sheets()

    def file_filter(self) -> str:
        """The file dialog's types, named in the interface language."""
        spreadsheets, everything = self.tr("表格文件"), self.tr("所有文件")
        return f"{spreadsheets} {PATTERNS};;{everything} (*)"

    def _browse(self) -> None:
        path = file_dialogs.open_file(self, self._context.ui_settings, "import",
                                      self.tr("选择要导入的表格"), self.file_filter())
        if path:
            self.open_file(path)

    def _load_sheets(self) -> None:
        self.sheet_combo.clear()
        text = self.path_edit.text().strip()
        if not text:
            return
        try:
            self.sheet_combo.addItems(read.sheet_names(
                Path(text), registry.get(self._kind_key).max_cells))
        except ExcelError as exc:
            self._error(exc)

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.back_button.setVisible(step in (MAPPING, PREVIEW))
        self.next_button.setVisible(step != RUN or self.result is not None)
        self.next_button.setText({PREVIEW: self.tr("开始导入"), RUN: self.tr("完成")}.get(
            step, self.tr("下一步")))
        self.report_button.setVisible(step in (PREVIEW, RUN) and self.plan is not None and any(
            r.status in PROBLEMS or r.reason or r.changes for r in self.plan.rows))
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setVisible(self.result is None)

    def _next(self) -> None:
        step = self.stack.currentIndex()
        if step == FILE:
            self._read_file()
        elif step == MAPPING:
            self._make_plan()
        elif step == PREVIEW:
            self._start_import()
        else:
            self.accept()

    def _read_file(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            QMessageBox.warning(self, self.windowTitle(), self.tr("请先选择要导入的文件"))
            return
        sheet = self.sheet_combo.currentText() or None
        try:
            self._kind, self._table, self._guess = run_in_background(
                self, self.tr("正在读取表格…"),
                lambda: workflow.open_sheet(self._kind_key, Path(path), sheet))
        except ExcelError as exc:
            return self._error(exc)
        self._fill_mapping()
        self._show_step(MAPPING)

    def _fill_mapping(self) -> None:
        guess, table = self._guess, self._table
        note = self.tr("（已使用上次为这个表头保存的对应关系）") if guess.saved else ""
        self.mapping_label.setText(self.tr("表头在第 %1 行。").replace(
            "%1", str(guess.row_number)) + note)
        sample = table.rows[guess.row_index + 1] if guess.row_index + 1 < len(table.rows) else []
        self.mapping_table.setRowCount(len(guess.headers))
        options = [(self.tr("（不导入）"), None)] + [
            (word(f.label), f.key) for f in self._kind.fields if f.importable or f.type == "stamp"]
        for column, header in enumerate(guess.headers):
            example = values.as_text(sample[column]) if column < len(sample) else ""
            for n, text in enumerate([table.column_letter(column), header, example]):
                self.mapping_table.setItem(column, n, QTableWidgetItem(text))
            combo = QComboBox()
            for label, key in options:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(guess.mapping[column])))
            self.mapping_table.setCellWidget(column, 3, combo)

    def set_platform(self, code: str) -> None:
        self.platform_combo.setCurrentIndex(self.platform_combo.findData(code))

    def set_mapping(self, column: int, key: str | None) -> None:
        combo = self.mapping_table.cellWidget(column, 3)
        combo.setCurrentIndex(combo.findData(key))

    def _make_plan(self) -> None:
        self._guess.mapping = [self.mapping_table.cellWidget(c, 3).currentData()
                               for c in range(self.mapping_table.rowCount())]
        if not self._plan(previous=None):
            return
        headers.save_mapping(self._kind, self._guess.headers, self._guess.mapping)
        self._show_step(PREVIEW)

    def _replan(self) -> None:
        """An option changed: plan again with it, keeping the rows' choices."""
        if self.plan is not None and self.stack.currentIndex() == PREVIEW:
            self._plan(previous=self.plan)
            self._show_step(PREVIEW)

    def _plan(self, previous: Plan | None) -> bool:
        options = self.preview.options() if previous is not None else ImportOptions()
        options = dataclasses.replace(options, platform=self.platform_combo.currentData())
        try:
            plan = run_in_background(
                self, self.tr("正在检查每一行…"),
                lambda: workflow.plan_import(self._kind, self._table, self._guess, remember=False,
                                             options=options))
        except ExcelError as exc:
            self._error(exc)
            return False
        self.plan = plan
        self.preview.show_plan(plan, self._title_field.key, previous)
        self.next_button.setEnabled(bool(plan.to_write()) or bool(plan.conflicts()))
        return True

    def choose_conflict(self, index: int, resolution) -> None:
        self.preview.choose_conflict(index, resolution)

    def _start_import(self) -> None:
        writes = len(self.plan.to_write())
        if not writes:
            QMessageBox.information(self, self.windowTitle(), self.tr("没有需要写入的行"))
            return
        updates = sum(1 for row in self.plan.to_write() if row.status != "new")
        if updates and not require_owner(
                self, self._context, "import_updates",
                self.tr("导入时更新 %1 条已有记录").replace("%1", str(updates))):
            return
        self._show_step(RUN)
        self.back_button.hide()
        self.next_button.hide()
        self.progress.setRange(0, writes)
        self.run_label.setText(self.tr("正在备份并导入 %1 行…").replace("%1", str(writes)))
        self.worker = ImportWorker(self.plan, self._context.data_dir, self._context.staff, self)
        self.worker.progressed.connect(lambda done, _total: self.progress.setValue(done))
        self.worker.succeeded.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)
        self.worker.start()

    def _on_done(self, result) -> None:
        self.result = result
        self.progress.setValue(self.progress.maximum())
        created = [self.tr("已新建客服：%1").replace("%1", self.tr("、").join(names))
                   for names in [notes.created_names(self.plan, NEW_STAFF)] if names]
        created += [self.tr("已新建客户类型：%1").replace("%1", self.tr("、").join(names))
                    for names in [notes.created_names(self.plan, NEW_TYPE)] if names]
        self.run_label.setText("\n".join([
            self.tr("导入完成：新增 %1，更新 %2。\n导入前的数据已备份，可在“文件 → 撤销上次导入”恢复。")
            .replace("%1", str(result.created)).replace("%2", str(result.updated)), *created]))
        self._context.customers_changed.emit()
        self._context.staff_list_changed.emit()  # the import may have added staff members
        if self._kind_key == "cases":
            self._context.cases_changed.emit()
        if self._kind_key == "orders":  # a case page shows its order and the buyer's others
            self._context.cases_changed.emit()
        self._context.notify(self.tr("导入完成：新增 %1，更新 %2").replace(
            "%1", str(result.created)).replace("%2", str(result.updated)))
        self._show_step(RUN)

    def _on_failed(self, message: str, cancelled: bool) -> None:
        self.worker = None
        self.run_label.setText(message)
        self._show_step(PREVIEW)
        if not cancelled:
            QMessageBox.warning(self, self.windowTitle(), message)

    def save_report(self, path: str | None = None) -> None:
        if path is None:
            path, _ = file_dialogs.save_file(self, self._context.ui_settings, "export",
                                             self.tr("保存问题报告"), self.tr("导入问题.xlsx"),
                                             "Excel (*.xlsx)")
        if path:
            count = report.write_report(self.plan, Path(path))
            self._context.notify(self.tr("已保存问题报告：%1 行").replace("%1", str(count)))

    def _cancel(self) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            self.run_label.setText(self.tr("正在取消，已写入的内容会全部撤回…"))
            return
        self.reject()

    def _error(self, exc: ExcelError) -> None:
        QMessageBox.warning(self, self.windowTitle(), said(exc))  # file, row, column, why

    def closeEvent(self, event) -> None:
        if self.worker is not None and self.worker.isRunning():
            self.worker.cancel()
            self.worker.wait()
        super().closeEvent(event)

