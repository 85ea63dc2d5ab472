"""The 售后工单 page: 今日待办 and the filtered case list on the left, the case on the right."""
from __future__ import annotations

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QMenu,
    QMessageBox, QPushButton, QSplitter, QTabWidget, QToolButton, QVBoxLayout, QWidget,
)

from db.cases import settings as case_settings, records as cases
from db.cases.search import CaseQuery, count_cases
from db.cases.stage_snippets import case_placeholder_values
from db.cases.stage_snippets import case_answers, case_values
from db.errors import REFRESH, SEARCH
from db.models import Case, Remedy
from db.trust import staff as staff_rules
from desktop.cases import dialogs, labels
from desktop.cases.board_view import BoardView
from desktop.cases.case_form import CaseFormDialog
from desktop.cases.detail_pane import CaseDetailPane
from desktop.cases.letter_dialog import LetterDialog
from desktop.cases.table_model import CaseTableModel
from desktop.cases.today_view import TodayView
from desktop.context import AppContext
from desktop.errors import guarded, said
from desktop.snippets.copier import SnippetCopier
from desktop.widgets.combo import refill
from desktop.widgets.list_table import list_table

STAGE_MOVES = ("advance", "close", "reopen")


class CasesPage(QWidget):
    customer_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self.model = CaseTableModel(self)
        self._setup_ui()
        self._reload_filters()
        self.refresh()
        context.cases_changed.connect(self.refresh)
        context.customers_changed.connect(self.refresh)  # names, merges, trash
        context.staff_list_changed.connect(self._reload_filters)
        context.staff_changed.connect(self._on_staff_changed)
        # Deadlines pass while the app stays open: re-judge them every minute.
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

    # --- ui -----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("搜索客户（支持拼音首字母）、订单号、商品"))
        self.search.setClearButtonEnabled(True)
        self.stage_filter = QComboBox()
        self.stage_filter.addItem(self.tr("未结案"), "open")
        self.stage_filter.addItem(self.tr("全部阶段"), None)
        for code, name in labels.stages():
            self.stage_filter.addItem(name, code)
        self.staff_filter = QComboBox()
        self.category_filter = QComboBox()
        self.overdue = QCheckBox(self.tr("已超时"))
        self.due_today = QCheckBox(self.tr("今天到期"))
        self.by_date = QCheckBox(self.tr("创建日期"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            edit.dateChanged.connect(self._apply_query)
        self.by_date.toggled.connect(self.date_from.setEnabled)
        self.by_date.toggled.connect(self.date_to.setEnabled)
        self.search.textChanged.connect(self._apply_query)
        for combo in (self.stage_filter, self.staff_filter, self.category_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._apply_query)
        for box in (self.overdue, self.due_today, self.by_date):
            box.toggled.connect(self._apply_query)
        self.new_button = QPushButton(self.tr("新建工单"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(lambda: self.new_case())
        self.setup_button = QToolButton()
        # Not a second "设置" beside the sidebar's: it names what it sets.
        self.setup_button.setText(self.tr("分类与时限") + " ▾")
        self.setup_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        setup_menu = QMenu(self.setup_button)
        setup_menu.addAction(self.tr("问题分类…")).triggered.connect(self.edit_categories)
        setup_menu.addAction(self.tr("时限设置…")).triggered.connect(self.edit_limits)
        self.setup_button.setMenu(setup_menu)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.stage_filter)
        filters.addWidget(self.staff_filter)
        filters.addWidget(self.category_filter)
        # Two rows: side by side they are wider than the list at 1024 px in English.
        checks = QHBoxLayout()
        checks.addWidget(self.overdue)
        checks.addWidget(self.due_today)
        checks.addStretch(1)
        dates = QHBoxLayout()
        dates.addWidget(self.by_date)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)

        self.table = list_table("caseTable", self.model, CaseTableModel.COLUMNS.index("due_at"),
                                Qt.SortOrder.AscendingOrder, (165, 90, 70, 80, 120, 120, 70, 120))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")

        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.setContentsMargins(0, 6, 0, 0)
        list_layout.addLayout(filters)
        list_layout.addLayout(checks)
        list_layout.addLayout(dates)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)
        self.today = TodayView()
        self.today.staff_id = self._context.staff.id if self._context.staff else None
        self.today.case_requested.connect(self.show_case)
        self.today.customer_requested.connect(self.customer_requested)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.today, self.tr("今日待办"))
        self.tabs.addTab(list_tab, self.tr("工单列表"))
        self.board = BoardView()
        self.board.case_requested.connect(self.show_case)
        self.tabs.addTab(self.board, self.tr("看板"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_board())
        corner = QWidget()
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 0, 2)
        corner_row.addWidget(self.setup_button)
        corner_row.addWidget(self.new_button)
        self.tabs.setCornerWidget(corner)

        self.detail = CaseDetailPane()
        self.detail.action_requested.connect(self._on_action)
        self.detail.customer_requested.connect(self.customer_requested)
        self.detail.staff = self._context.staff
        self._copier = SnippetCopier(self._context, self._snippet_values, self,
                                     self._snippet_answers, about_case=True)
        self.detail.snippets.copy_requested.connect(lambda sid: self._copier.copy([sid]))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        advance = QAction(self.tr("推进当前工单"), self)
        advance.setShortcut(QKeySequence("Ctrl+Return"))
        advance.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        advance.triggered.connect(self._advance_current)
        self.addAction(advance)

    def _reload_filters(self) -> None:
        refill(self.staff_filter, self.tr("全部客服"),
             [(s.name, s.id) for s in staff_rules.active_staff()])
        refill(self.category_filter, self.tr("全部分类"), [(labels.category(c), c)
                                                         for c in case_settings.categories()])

    # --- public -------------------------------------------------------------------------
    @guarded(REFRESH)
    def refresh(self) -> None:
        keep = self.detail.case_id
        self.model.refresh()
        self.today.refresh()
        self._refresh_board()
        self._update_count()
        self.detail.show_case(keep)

    def new_case(self, customer_id: int | None = None) -> None:
        dialog = CaseFormDialog(self._context, customer_id=customer_id, parent=self)
        if dialog.exec() and dialog.saved_case is not None:
            self._changed(self.tr("已新建工单 #%1").replace("%1", str(dialog.saved_case.id)))
            self.show_case(dialog.saved_case.id)

    def edit_categories(self) -> None:
        from desktop.cases.category_dialog import CategoryDialog
        CategoryDialog(self._context.staff, self).exec()
        self._reload_filters()
        self._context.cases_changed.emit()  # a rename changes cases too

    def edit_limits(self) -> None:
        from desktop.cases.limits_dialog import LimitsDialog
        dialog = LimitsDialog(self._context.staff, self)
        if dialog.exec():
            self._changed(self.tr("已保存时限，重新计算了 %1 张未结案工单")
                          .replace("%1", str(dialog.updated)))

    def show_case(self, case_id: int) -> None:
        """Show a case in the detail pane and select it in the list when it is listed."""
        self.detail.show_case(case_id)
        row = self.model.row_of(case_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.table.selectionModel().blockSignals(True)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.selectionModel().blockSignals(False)
            self.table.scrollTo(index)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.search.setFocus()
        self.search.selectAll()

    def case_placeholders(self, customer_id: int | None) -> dict[str, str]:
        """The shown case's 订单号/商品/时限 for replies written to its buyer, else nothing."""
        case = Case.get_or_none(Case.id == self.detail.case_id) if self.detail.case_id else None
        if case is None or case.customer_id != customer_id:
            return {}
        return case_placeholder_values(case)

    # --- slots --------------------------------------------------------------------------
    def _snippet_answers(self) -> dict[str, str]:
        case = Case.get_or_none(Case.id == self.detail.case_id) if self.detail.case_id else None
        return case_answers(case) if case is not None else {}

    def _snippet_values(self) -> dict[str, str]:
        case = Case.get_or_none(Case.id == self.detail.case_id) if self.detail.case_id else None
        return case_values(case, self._context.staff) if case is not None else {}

    def _on_staff_changed(self) -> None:
        self.detail.staff = self._context.staff
        self.today.staff_id = self._context.staff.id if self._context.staff else None
        self.today.refresh()
        self.detail.show_case(self.detail.case_id)

    def _refresh_board(self) -> None:
        if self.tabs.currentWidget() is self.board:  # only paid for when looked at
            self.board.refresh()

    @guarded(REFRESH)
    def _tick(self) -> None:
        self.model.tick()
        self.today.refresh()
        self.detail.show_case(self.detail.case_id)

    def _advance_current(self) -> None:
        case_id = self.detail.case_id
        case = Case.get_or_none(Case.id == case_id) if case_id else None
        if case is not None and case.stage not in ("followup", "closed"):
            self._on_action("advance", case.id)
        elif case is not None and case.stage == "followup":
            self._on_action("close", case.id)

    @guarded(SEARCH)
    def _apply_query(self) -> None:
        current = self.model.query
        self.model.set_query(CaseQuery(
            text=self.search.text(), stage=self.stage_filter.currentData(),
            staff_id=self.staff_filter.currentData(),
            category=self.category_filter.currentData(), overdue=self.overdue.isChecked(),
            due_today=self.due_today.isChecked(),
            created_from=self.date_from.date().toPython() if self.by_date.isChecked() else None,
            created_to=self.date_to.date().toPython() if self.by_date.isChecked() else None,
            sort=current.sort, descending=current.descending))
        self._update_count()

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid():
            self.detail.show_case(self.model.case_id(current.row()))

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("显示 %1 张 / 未结案 %2 张 / 共 %3 张")
                                 .replace("%1", str(self.model.rowCount()))
                                 .replace("%2", str(count_cases(open_only=True)))
                                 .replace("%3", str(count_cases())))

    def _on_action(self, action: str, ident: int) -> None:
        done = {
            "advance": self.tr("已推进阶段"), "close": self.tr("已结案"),
            "reopen": self.tr("已重新打开"), "remedy": self.tr("已添加补救方案"),
            "edit_remedy": self.tr("已更新补救方案"), "promise": self.tr("已约定跟进时间"),
            "edit": self.tr("已保存工单"), "note": self.tr("已添加备注"),
            "promise_done": self.tr("已标记为已跟进"), "visit": self.tr("已完成回访"),
        }
        if action == "letter":
            LetterDialog(self._context, Case.get_by_id(ident), self).exec()
            return
        if action in ("note", "promise_done", "visit"):
            if not self._ask_and_record(action, ident):
                return
        else:
            if action in STAGE_MOVES and self._moved_on(ident):
                return
            dialog = self._dialog(action, ident)
            if not dialog.exec():
                if getattr(dialog, "stale", False):
                    self._context.cases_changed.emit()  # show the case as it is now
                return
        if action in ("close", "edit"):
            self._context.customers_changed.emit()  # next visit, or the case moved customer
        self._changed(done[action])

    def _moved_on(self, case_id: int) -> bool:
        """A stage move is chosen for the case as shown; if someone (on another computer)
        changed it since, say so and show it as it is now instead of opening the step."""
        shown = self.detail.shown_version if self.detail.case_id == case_id else None
        case = Case.get_or_none(Case.id == case_id)
        if case is None or shown is None or case.version == shown:
            return False
        QMessageBox.information(self, self.tr("工单已更新"), said(cases.stale_message(case_id)))
        self._context.cases_changed.emit()
        return True

    def _dialog(self, action: str, ident: int):
        by, parent = self._context.staff, self
        if action == "edit":
            return CaseFormDialog(self._context, Case.get_by_id(ident), parent=parent)
        if action == "edit_remedy":
            remedy = Remedy.get_by_id(ident)
            return dialogs.RemedyDialog(remedy.case_id, by, remedy, parent)
        if action == "remedy":
            return dialogs.RemedyDialog(ident, by, parent=parent)
        if action == "promise":
            return dialogs.PromiseDialog(ident, by, parent)
        case = Case.get_by_id(ident)
        kind = {"advance": dialogs.AdvanceDialog, "close": dialogs.CloseDialog,
                "reopen": dialogs.ReopenDialog}[action]
        return kind(case, by, parent)

    def _ask_and_record(self, action: str, ident: int) -> bool:
        prompts = {"note": (self.tr("添加备注"), self.tr("备注内容：")),
                   "promise_done": (self.tr("已跟进"), self.tr("跟进结果（可不填）：")),
                   "visit": (self.tr("完成回访"), self.tr("买家的反馈（可不填）："))}
        title, prompt = prompts[action]
        text, ok = QInputDialog.getMultiLineText(self, title, prompt)
        if not ok:
            return False
        try:
            {"note": cases.add_note, "promise_done": cases.complete_promise,
             "visit": cases.complete_return_visit}[action](ident, self._context.staff, text)
        except cases.CaseError as exc:
            self._context.notify(said(exc))
            return False
        return True

    def _changed(self, message: str) -> None:
        self._context.cases_changed.emit()
        self._context.notify(message)
