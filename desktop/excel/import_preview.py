"""The import wizard's preview page: every row with the customer it updates and each change
before -> after, a tick per row (and per kind at once), the conflicts side by side with a
choice per row, and the options that keep what the sheet says (new staff and types, unmapped
columns into 备注). The counts follow every choice; nothing is written here.

The page changes only the plan's rows (include, resolution); a changed option asks the wizard
to plan again (options_changed), and the choices made so far are carried over by row number.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from db.excel import notes as plan_notes
from db.excel.plan import (
    CONTACT_CONFLICT, KEEP_NAME, NAME_CONFLICT, NEW, NEW_STAFF, NEW_TYPE, PROBLEMS, REST, SHEET,
    STATUSES, UPDATE, ImportOptions, Label, Plan, extra_columns,
)
from db.excel.report import change_lines, record_line, show
from desktop.excel.words import EMPTY, word

PREVIEW_LIMIT = 2000  # rows listed in the table; the counts cover every row
STATUS_TEXT = {
    "new": QT_TRANSLATE_NOOP("ImportWizard", "新增"),
    "update": QT_TRANSLATE_NOOP("ImportWizard", "更新"),
    "unchanged": QT_TRANSLATE_NOOP("ImportWizard", "无变化"),
    "duplicate": QT_TRANSLATE_NOOP("ImportWizard", "文件内重复"),
    "conflict": QT_TRANSLATE_NOOP("ImportWizard", "冲突"),
    "invalid": QT_TRANSLATE_NOOP("ImportWizard", "有错误"),
    "deleted": QT_TRANSLATE_NOOP("ImportWizard", "已删除的记录"),
    "line": QT_TRANSLATE_NOOP("ImportWizard", "同一订单的商品行"),
    "skipped": QT_TRANSLATE_NOOP("ImportWizard", "跳过"),
}
# db.excel.notes' kinds in the wizard's words (%1 a count, %2 the names created).
NOTE_TEXT = {
    NEW_STAFF: QT_TRANSLATE_NOOP("ImportPreview", "将新建 %1 位客服（%2）"),
    NEW_TYPE: QT_TRANSLATE_NOOP("ImportPreview", "将新建 %1 个客户类型（%2）"),
    "name_conflict": QT_TRANSLATE_NOOP("ImportPreview", "%1 行称呼不同，未选择前不更新"),
    "contact_conflict": QT_TRANSLATE_NOOP("ImportPreview", "%1 行联系方式冲突，未选择前不更新"),
    "stamp_conflict": QT_TRANSLATE_NOOP("ImportPreview", "%1 行冲突将保留软件中的数据"),
    "resolved": QT_TRANSLATE_NOOP("ImportPreview", "%1 行冲突将按选择导入"),
    "extra_kept": QT_TRANSLATE_NOOP("ImportPreview", "%1 行的未对应列将追加到备注"),
    "name_variant": QT_TRANSLATE_NOOP("ImportPreview", "%1 行称呼写法不同，保留软件中的写法"),
    "staff_dropped": QT_TRANSLATE_NOOP("ImportPreview", "%1 行的负责客服将不设置"),
    "type_dropped": QT_TRANSLATE_NOOP("ImportPreview", "%1 行的客户类型将不设置"),
    "id_missing": QT_TRANSLATE_NOOP("ImportPreview", "%1 行的编号不存在，按联系方式匹配"),
    "user_skipped": QT_TRANSLATE_NOOP("ImportPreview", "%1 行将按选择跳过"),
    "note": QT_TRANSLATE_NOOP("ImportPreview", "%1 行有其他说明"),
}
# Choices per kind of conflict: (words, resolution); the first is the default.
CHOICES = {
    NAME_CONFLICT: ((QT_TRANSLATE_NOOP("ImportPreview", "跳过本行"), ""),
                    (QT_TRANSLATE_NOOP("ImportPreview", "保留软件中的称呼，更新其他"), KEEP_NAME),
                    (QT_TRANSLATE_NOOP("ImportPreview", "改为表格中的称呼"), SHEET)),
    CONTACT_CONFLICT: ((QT_TRANSLATE_NOOP("ImportPreview", "跳过本行"), ""),
                       (QT_TRANSLATE_NOOP("ImportPreview", "不改联系方式，更新其他"), REST),
                       (QT_TRANSLATE_NOOP("ImportPreview", "采用表格中的"), SHEET)),
    "": ((QT_TRANSLATE_NOOP("ImportWizard", "保留软件中的"), ""),
         (QT_TRANSLATE_NOOP("ImportWizard", "采用表格中的"), SHEET)),
}
CHECK, ROW, STATUS, NAME, RECORD, CHANGES, REASON = None, 0, 1, 2, 3, 4, 5


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class ImportPreview(QWidget):
    options_changed = Signal()  # plan again with self.options()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plan: Plan | None = None
        self._filling = False
        self._shown: list = []
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.setObjectName("muted")
        self.staff_box = QCheckBox()
        self.types_box = QCheckBox()
        self.extra_box = QCheckBox()
        for box in (self.staff_box, self.types_box, self.extra_box):
            box.setChecked(True)
            box.toggled.connect(lambda _on: self.options_changed.emit())
        self.bulk_buttons: dict[tuple[str, bool], QPushButton] = {}
        bulk = QHBoxLayout()
        for status, label in ((NEW, self.tr("新增的行：")), (UPDATE, self.tr("更新的行："))):
            bulk.addWidget(QLabel(label))
            for include, text in ((True, self.tr("全部导入")), (False, self.tr("全部跳过"))):
                button = QPushButton(text)
                button.clicked.connect(lambda _c=False, s=status, i=include: self.include_all(s, i))
                self.bulk_buttons[(status, include)] = button
                bulk.addWidget(button)
            bulk.addSpacing(16)
        bulk.addStretch(1)
        self.rows_table = QTableWidget(0, 6)
        self.rows_table.verticalHeader().hide()
        header = self.rows_table.horizontalHeader()
        header.setSectionResizeMode(CHANGES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        self.rows_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_table.setWordWrap(False)  # a wrapped note made rows too tall to scan
        for column, width in ((ROW, 80), (STATUS, 80), (NAME, 110), (RECORD, 170)):
            self.rows_table.setColumnWidth(column, width)
        self.rows_table.itemChanged.connect(self._on_item_changed)
        self.conflict_label = QLabel(self.tr(
            "冲突：请逐行选择。称呼不同可能是另一个人（如家人共用手机）；默认跳过，不改软件中的数据。"))
        self.conflict_label.setWordWrap(True)
        self.conflict_buttons: dict[str, QPushButton] = {}
        conflict_bulk = QHBoxLayout()
        conflict_bulk.addWidget(QLabel(self.tr("全部冲突：")))
        for resolution, text in (("", self.tr("全部跳过")),
                                 (REST, self.tr("全部保留软件中的称呼和联系方式，更新其他")),
                                 (SHEET, self.tr("全部采用表格中的"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, r=resolution: self.resolve_all(r))
            self.conflict_buttons[resolution] = button
            conflict_bulk.addWidget(button)
        conflict_bulk.addStretch(1)
        self.conflict_bulk = QWidget()
        self.conflict_bulk.setLayout(conflict_bulk)
        conflict_bulk.setContentsMargins(0, 0, 0, 0)
        self.conflict_table = QTableWidget(0, 5)
        self.conflict_table.setHorizontalHeaderLabels(
            [self.tr("行号"), self.tr("记录"), self.tr("软件中的值"), self.tr("表格中的值"),
             self.tr("处理")])
        self.conflict_table.verticalHeader().hide()
        for column in (2, 3):
            self.conflict_table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch)
        self.conflict_table.setColumnWidth(0, 60)
        self.conflict_table.setColumnWidth(1, 150)
        self.conflict_table.setColumnWidth(4, 220)
        self.conflict_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("第 3 步：预览（还没有写入任何数据）")))
        layout.addWidget(self.counts_label)
        layout.addWidget(self.notes_label)
        for box in (self.staff_box, self.types_box, self.extra_box):
            layout.addWidget(box)
        layout.addLayout(bulk)
        layout.addWidget(self.rows_table, 3)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.conflict_bulk)
        layout.addWidget(self.conflict_table, 2)

    # --- public -------------------------------------------------------------------------
    def options(self) -> ImportOptions:
        return ImportOptions(create_staff=self.staff_box.isChecked(),
                             create_types=self.types_box.isChecked(),
                             keep_extra=self.extra_box.isChecked())

    def show_plan(self, plan: Plan, title_key: str, previous: Plan | None = None) -> None:
        """Fill the page; the row choices of `previous` (the same sheet planned with other
        options) are kept."""
        if previous is not None:
            before = {r.row: (r.status, r.include, r.resolution) for r in previous.rows}
            for row in plan.rows:
                status, include, resolution = before.get(row.row, ("", True, ""))
                if status == row.status:
                    row.include, row.resolution = include, resolution
        self.plan = plan
        self._fill_options(plan, previous is None)
        self._fill_rows(plan, title_key)
        self._fill_conflicts(plan)
        self.refresh_counts()

    def include_all(self, status: str, include: bool) -> None:
        """Include or skip every row of a kind (new or update), listed or not."""
        for row in self.plan.rows:
            if row.status == status:
                row.include = include
        self._filling = True
        for n, row in enumerate(self._shown):
            if row.status == status:
                self.rows_table.item(n, ROW).setCheckState(_state(include))
        self._filling = False
        self.refresh_counts()

    def set_included(self, index: int, include: bool) -> None:
        """Tick or untick the index-th listed row, as a click on its box does."""
        self.rows_table.item(index, ROW).setCheckState(_state(include))

    def choose_conflict(self, index: int, resolution) -> None:
        """resolution: "" / SHEET / KEEP_NAME / REST, or True/False (take the sheet's)."""
        if isinstance(resolution, bool):
            resolution = SHEET if resolution else ""
        combo = self.conflict_table.cellWidget(index, 4)
        combo.setCurrentIndex(combo.findData(resolution))

    def resolve_all(self, resolution: str) -> None:
        """The same choice for every conflict that offers it. REST stands for "apply the rest"
        of each kind: keep the app's name (another name), or its contacts (contacts)."""
        for n in range(self.conflict_table.rowCount()):
            combo = self.conflict_table.cellWidget(n, 4)
            index = combo.findData(resolution)
            if resolution == REST and index < 0:
                index = combo.findData(KEEP_NAME)
            if index >= 0:
                combo.setCurrentIndex(index)

    def refresh_counts(self) -> None:
        plan = self.plan
        counts = plan.counts()
        skipped = {s: sum(1 for r in plan.rows if r.status == s and not r.include)
                   for s in (NEW, UPDATE)}
        parts = []
        for status in STATUSES:
            if not counts[status]:
                continue
            text = self.tr("%1 %2").replace("%1", _t("ImportWizard", STATUS_TEXT[status])) \
                .replace("%2", str(counts[status]))  # "新增 3", "new: 3"
            if skipped.get(status):
                text += self.tr("（跳过 %1）").replace("%1", str(skipped[status]))
            parts.append(text)
        comma, semicolon = self.tr("，"), self.tr("；")  # the interface language's punctuation
        text = comma.join(parts) or self.tr("文件中没有数据行")
        extra = plan.kind.importer.summary(plan.rows)  # the case import's words (db)
        writes = self.tr("将写入 %1 行").replace("%1", str(len(plan.to_write())))
        self.counts_label.setText(semicolon.join([text, extra, writes] if extra else [text, writes]))
        words = [_t("ImportPreview", NOTE_TEXT[n.kind]).replace("%1", str(n.count))
                 .replace("%2", self.tr("、").join(n.names)) for n in plan_notes.count_notes(plan)
                 if n.kind in NOTE_TEXT]
        self.notes_label.setText(semicolon.join(words))
        self.notes_label.setVisible(bool(words))

    # --- filling ------------------------------------------------------------------------
    def _fill_options(self, plan: Plan, first: bool) -> None:
        if first:  # the names come from the plan made with every option on
            staff = plan_notes.offered(plan, NEW_STAFF, "staff")
            types = plan_notes.offered(plan, NEW_TYPE, "type")
            extra = [name for _col, name in extra_columns(plan.kind, plan.header)]
            for box, names, text in (
                    (self.staff_box, staff, self.tr("新建客服：%1")),
                    (self.types_box, types, self.tr("新建客户类型：%1")),
                    (self.extra_box, extra, self.tr("把未对应的列追加到备注（“列名：值”，不会重复追加）：%1"))):
                box.blockSignals(True)
                box.setChecked(True)
                box.blockSignals(False)
                box.setText(text.replace("%1", self.tr("、").join(names)))
                box.setVisible(bool(names))

    def _fill_rows(self, plan: Plan, title_key: str) -> None:
        self._filling = True
        labels = {f.key: word(f.label) for f in plan.kind.fields}
        self.rows_table.setHorizontalHeaderLabels(
            [self.tr("行号"), self.tr("结果"), labels[title_key], self.tr("对应的记录"),
             self.tr("修改（原 → 新）"), self.tr("说明")])
        shown = sorted(plan.rows, key=lambda r: (r.status not in PROBLEMS, r.row))[:PREVIEW_LIMIT]
        self._shown = shown
        self.rows_table.setRowCount(len(shown))
        changed = False
        for n, row in enumerate(shown):
            name = row.values.get(title_key) or (row.record.label if row.record else "")
            changes = change_lines(row, labels, word(EMPTY), self.tr("："))
            changed = changed or bool(changes)
            texts = [str(row.row), _t("ImportWizard", STATUS_TEXT[row.status]), name,
                     record_line(row.record), "\n".join(changes), self.reason(row)]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column in (REASON, NAME) else "")
                if column == ROW and row.status in (NEW, UPDATE):
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(_state(row.include))
                    item.setToolTip(self.tr("取消勾选即跳过这一行"))
                self.rows_table.setItem(n, column, item)
        self.rows_table.resizeRowsToContents()  # one line per change; long notes: tooltip
        # Nothing on file changes (a first import): the notes take the empty column's room.
        header = self.rows_table.horizontalHeader()
        header.setSectionResizeMode(CHANGES, QHeaderView.ResizeMode.Stretch if changed
                                    else QHeaderView.ResizeMode.Interactive)
        if not changed:
            self.rows_table.setColumnWidth(CHANGES, header.sectionSizeHint(CHANGES))
        # The row's key (a name, a 19-digit order number) must be read whole.
        self.rows_table.resizeColumnToContents(NAME)
        self.rows_table.setColumnWidth(NAME, max(110, min(self.rows_table.columnWidth(NAME), 260)))
        # ... and so must the record it updates, and every result word shown (同一订单的商品行),
        # measured over the words present, not the visible rows only.
        self.rows_table.resizeColumnToContents(RECORD)
        self.rows_table.setColumnWidth(RECORD, max(170, min(self.rows_table.columnWidth(RECORD),
                                                            260)))
        metrics = self.rows_table.fontMetrics()
        self.rows_table.setColumnWidth(STATUS, max([80] + [
            metrics.horizontalAdvance(_t("ImportWizard", STATUS_TEXT[s])) + 16
            for s in {r.status for r in shown}]))
        for status in (NEW, UPDATE):
            present = any(r.status == status for r in plan.rows)
            for include in (True, False):
                self.bulk_buttons[(status, include)].setEnabled(present)
        self._filling = False

    def _fill_conflicts(self, plan: Plan) -> None:
        conflicts = plan.conflicts()
        self.conflict_label.setVisible(bool(conflicts))
        self.conflict_table.setVisible(bool(conflicts))
        self.conflict_bulk.setVisible(len(conflicts) > 1)
        self.conflict_table.setRowCount(len(conflicts))
        labels = {f.key: word(f.label) for f in plan.kind.fields}
        empty, colon = word(EMPTY), self.tr("：")
        for n, row in enumerate(conflicts):
            app = [f"{labels[k]}{colon}{show(v, empty)}" for k, v in row.current.items()]
            if row.other is not None:
                app.append(self.tr("另一位：%1").replace("%1", record_line(row.other)))
            sheet = [f"{labels[k]}{colon}{show(v, empty)}" for k, v in row.changes.items()]
            texts = [str(row.row), record_line(row.record), "\n".join(app), "\n".join(sheet)]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(self.reason(row))
                self.conflict_table.setItem(n, column, item)
            choice = QComboBox()
            for text, resolution in CHOICES.get(row.conflict, CHOICES[""]):
                if resolution == SHEET and row.conflict == CONTACT_CONFLICT and row.other:
                    continue  # never give one customer another's contact
                choice.addItem(_t("ImportPreview" if row.conflict in CHOICES else "ImportWizard",
                                  text), resolution)
            choice.setCurrentIndex(max(0, choice.findData(row.resolution)))
            choice.currentIndexChanged.connect(
                lambda _i, r=row, c=choice: self._resolve(r, c.currentData()))
            self.conflict_table.setCellWidget(n, 4, choice)
        self.conflict_table.resizeRowsToContents()

    def reason(self, row) -> str:
        """The row's notes and problems in the interface language (a plain text note: as the
        core wrote it)."""
        if not row.notes:
            return row.reason
        return self.tr("；").join(note_text(note) for note in row.notes)

    def _resolve(self, row, resolution: str) -> None:
        row.resolution = resolution
        self.refresh_counts()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != ROW:
            return
        row = self._shown[item.row()]
        if row.status in (NEW, UPDATE):
            row.include = item.checkState() == Qt.CheckState.Checked
            self.refresh_counts()


def note_text(note) -> str:
    """A Note's template translated, its arguments put in (column labels translated too)."""
    template = getattr(note, "template", None)
    if template is None:
        return str(note)
    text = _t("ImportNotes", template)
    comma = _t("ImportPreview", "、")
    for n, arg in reversed(list(enumerate(note.args, start=1))):
        worded = comma.join(map(_argument, arg)) if isinstance(arg, tuple) else _argument(arg)
        text = text.replace(f"%{n}", worded)
    return text


def _argument(arg) -> str:
    """One value inside a note, in the interface language."""
    if isinstance(arg, Label):
        return word(arg)
    if hasattr(arg, "worded"):  # a word or rule of the core (BuyerWords, db.cases.workflow)
        return arg.worded()
    if getattr(arg, "template", None) is not None:  # a cell's problem inside its row's
        return note_text(arg)
    return str(arg)


def _state(include: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if include else Qt.CheckState.Unchecked
