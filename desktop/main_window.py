"""The main window: navigation on the left, one page at a time, menus and status bar."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox, QStackedWidget,
    QVBoxLayout, QWidget,
)

from db.cases.search import count_cases
from db.customers.search import count_live
from db.storage import backups, server
from db.errors import REFRESH, StoreError
from desktop import shortcuts
from desktop.backups.daily import DailyBackup
from desktop.cases import customer_section
from desktop.cases.page import CasesPage
from desktop.context import AppContext
from desktop.customers.page import CustomersPage
from desktop.errors import guarded, reporter, said
from desktop.excel.actions import ExcelActions
from desktop.icons import icon
from desktop.idle_lock import IdleLock
from desktop.orders import customer_orders, reply_values
from desktop.reports.page import ReportsPage
from desktop.settings.page import SettingsPage
from desktop.settings.server_dialog import local_data_note
from desktop.snippets.page import SnippetsPage
from desktop.window_title import window_title

PREFERRED_SIZE = QSize(1240, 760)
MINIMUM_SIZE = QSize(960, 600)
NAVIGATION_WIDTH = 168


def first_geometry(available: QRect) -> QRect:
    """The first window: the preferred size, but at most 90 % of the screen's free area (a
    1920×1080 screen at 150 % has 1280×~680 beside the taskbar), centred in it."""
    width = min(PREFERRED_SIZE.width(), int(available.width() * 0.9))
    height = min(PREFERRED_SIZE.height(), int(available.height() * 0.9))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext):
        super().__init__()
        self.context = context
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(MINIMUM_SIZE)
        self.customers_page = CustomersPage(context)
        self.settings_page = SettingsPage(context)
        self.excel = ExcelActions(context, self, self.customers_page.listed_ids)
        self.snippets_page = SnippetsPage(context)
        self.excel.snippets_changed = self._snippets_imported
        self.cases_page = CasesPage(context)
        self.reports_page = ReportsPage(context)
        self.pages: list[tuple[str, str, QWidget]] = [
            ("customers", self.tr("客户"), self.customers_page),
            ("snippets", self.tr("快捷短语"), self.snippets_page),
            ("cases", self.tr("售后工单"), self.cases_page),
            ("reports", self.tr("报表"), self.reports_page),
            ("settings", self.tr("设置"), self.settings_page),
        ]
        self._setup_ui()
        self._setup_menus()
        self.daily_backup = DailyBackup(context, self)
        self.idle_lock = IdleLock(self, self)
        self._restore_layout()
        context.staff_changed.connect(self._update_title)
        context.status_message.connect(lambda m: self.statusBar().showMessage(m, 6000))
        context.customers_changed.connect(self._update_status)
        self.customers_page.current_customer_changed.connect(self.snippets_page.set_customer)
        self.snippets_page.set_customer(self.customers_page.current_customer_id())
        from desktop.snippets.palette import create_tray_icon
        self.tray = create_tray_icon(self.snippets_page, self)
        from desktop.snippets.quick_paste import QuickPaste
        self.quick_paste = QuickPaste(context, self)
        self.quick_paste.summoned.connect(self.snippets_page.show_palette_over)
        self.snippets_page.quick_paste = self.quick_paste
        self.settings_page.add_quick_paste_box(self.quick_paste)
        self._update_title()
        self._update_status()
        self._wire_cases()

    # --- ui -----------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        for key, title, widget in self.pages:
            item = QListWidgetItem(icon(key), title, self.navigation)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.stack.addWidget(widget)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        # As wide as its longest item in the interface language ("After-sales cases"), with the
        # style sheet's paddings: never cut, never a scroll bar under it.
        self.navigation.ensurePolished()
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setFixedWidth(max(NAVIGATION_WIDTH, self.navigation.sizeHintForColumn(0)
                                          + 2 * self.navigation.frameWidth() + 4))
        brand = QLabel(self.tr("客服台"))
        brand.setObjectName("brand")
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(0)
        side.addWidget(brand)
        side.addWidget(self.navigation, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addLayout(side)
        content = QVBoxLayout()
        content.setContentsMargins(12, 12, 12, 6)
        content.addWidget(self.stack)
        row.addLayout(content, 1)
        self.setCentralWidget(central)
        self.staff_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        config = server.load(self.context.data_dir)
        # On the local database while a team server is remembered (改用本机数据库): its data
        # is not the shop's current data, and everyone at this computer should know.
        self.local_instead = config is None and server.remembered(self.context.data_dir) is not None
        if config is not None:  # everyone should see that the data is shared
            self.server_label = QLabel(self.tr("团队服务器 %1").replace(
                "%1", f"{config.host}/{config.database}"))
            self.server_label.setObjectName("muted")
            self.statusBar().addPermanentWidget(self.server_label)
        elif self.local_instead:
            self.local_label = QLabel(self.tr("⚠ 本机数据（不是团队服务器上店里的最新数据）"))
            self.local_label.setObjectName("formError")
            self.local_label.setToolTip(local_data_note())
            self.statusBar().addPermanentWidget(self.local_label)
        self.outage_label = QLabel(self.tr("正在等待服务器恢复…"))
        self.outage_label.setObjectName("formError")
        self.outage_label.setToolTip(self.tr("与团队服务器的连接断开了。客服台每隔几秒重试一次，恢复后会自动刷新。"))
        self.outage_label.hide()
        self.statusBar().addPermanentWidget(self.outage_label)
        reporter().watch(self.context.data_dir)
        reporter().waiting_changed.connect(self._server_waiting)
        reporter().notice.connect(self._notice)
        self.statusBar().addPermanentWidget(self.staff_label)
        self.navigation.setCurrentRow(0)

    def _setup_menus(self) -> None:
        def action(menu, text, slot, shortcut=None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        action(file_menu, self.tr("新建客户"), self._new_customer, shortcuts.NEW_CUSTOMER)
        action(file_menu, self.tr("新建售后工单"), self._new_case, shortcuts.NEW_CASE)
        file_menu.addSeparator()
        action(file_menu, self.tr("导入客户…"), self.excel.import_customers, "Ctrl+I")
        action(file_menu, self.tr("导入快捷短语…"), self.excel.import_snippets)
        action(file_menu, self.tr("导入售后工单…"), self.excel.import_cases)
        action(file_menu, self.tr("导入订单…"), self.excel.import_orders)
        export_menu = file_menu.addMenu(self.tr("导出"))
        action(export_menu, self.tr("全部客户…"), self.excel.export_customers, "Ctrl+E")
        action(export_menu, self.tr("当前列表中的客户…"), self.excel.export_current_list,
               "Ctrl+Shift+E")
        action(export_menu, self.tr("全部数据（每类一个工作表）…"), self.excel.export_everything)
        action(export_menu, self.tr("客户导入模板…"), self.excel.save_template)
        export_menu.addSeparator()
        action(export_menu, self.tr("快捷短语…"), self.excel.export_snippets)
        action(export_menu, self.tr("快捷短语导入模板…"), self.excel.save_snippet_template)
        export_menu.addSeparator()
        action(export_menu, self.tr("售后工单（含补救方案和时间线）…"), self.excel.export_cases)
        action(export_menu, self.tr("售后工单导入模板…"), self.excel.save_case_template)
        action(export_menu, self.tr("报表（Excel）…"), lambda: self.reports_page.export_xlsx())
        action(export_menu, self.tr("报表（PDF）…"), lambda: self.reports_page.export_pdf())
        action(file_menu, self.tr("撤销上次导入…"), self.excel.undo_last_import)
        file_menu.addSeparator()
        action(file_menu, self.tr("立即备份"), self.backup_now, "Ctrl+Shift+B")
        action(file_menu, self.tr("备份与恢复…"), self.settings_page.open_backups)
        action(file_menu, self.tr("切换客服…"), self.switch_staff, "Ctrl+Shift+U")
        action(file_menu, self.tr("锁定"), lambda: self.idle_lock.lock(), "Ctrl+L")
        file_menu.addSeparator()
        quit_action = action(file_menu, self.tr("退出"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        self.undo_action = action(edit_menu, self.tr("撤销删除"), self.customers_page.undo_delete,
                                  shortcuts.UNDO)
        action(edit_menu, self.tr("查找"), self._focus_search, QKeySequence.StandardKey.Find)
        action(edit_menu, self.tr("回收站"), self.customers_page.open_trash)

        view_menu = self.menuBar().addMenu(self.tr("视图(&V)"))
        page_actions = {key: action(view_menu, title, lambda _=False, k=key: self.show_page(k),
                                    f"Ctrl+{n}")
                        for n, (key, title, _widget) in enumerate(self.pages, start=1)}
        view_menu.addSeparator()
        # On a team server the others' changes show once the lists are read again.
        self.refresh_action = action(view_menu, self.tr("刷新"), self.refresh,
                                     QKeySequence.StandardKey.Refresh)

        snippet_menu = self.menuBar().addMenu(self.tr("短语(&S)"))
        palette = action(snippet_menu, self.tr("快捷短语面板"),
                         lambda: self.snippets_page.toggle_palette())
        palette.setShortcuts(shortcuts.palette_keys())
        palette.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action(snippet_menu, self.tr("新建短语"), lambda: (
            self.show_page("snippets"), self.snippets_page.new_snippet()))
        action(snippet_menu, self.tr("查找短语"), lambda: (
            self.show_page("snippets"), self.snippets_page.focus_search()), "Ctrl+K")
        snippet_menu.addSeparator()
        action(snippet_menu, self.tr("检查全部短语"), self.snippets_page.check_all)
        action(snippet_menu, self.tr("禁语表…"), self.snippets_page.open_phrases)
        action(snippet_menu, self.tr("恢复默认短语…"), self.snippets_page.restore_defaults)

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = action(help_menu, self.tr("关于客服台"), self._about)
        shortcuts.set_menu_roles(self.menu_actions(), {
            "preferences": page_actions["settings"], "about": about, "quit": quit_action})

    def menu_actions(self) -> list[QAction]:
        """Every action of the menu bar, submenus included."""
        found, menus = [], [self.menuBar()]
        while menus:
            for act in menus.pop().actions():
                if act.menu() is not None:
                    menus.append(act.menu())
                elif not act.isSeparator():
                    found.append(act)
        return found

    # --- public -------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        for row, (page_key, _title, _widget) in enumerate(self.pages):
            if page_key == key:
                self.navigation.setCurrentRow(row)

    def current_page_key(self) -> str:
        return self.pages[self.stack.currentIndex()][0]

    def activate(self) -> None:
        """Bring the window to the front (a second start asked for it)."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def backup_now(self) -> None:
        try:
            made = backups.backup_now(self.context.data_dir)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("备份"), said(exc))
            return
        self.context.notify(self.tr("已备份：%1").replace("%1", made.name))

    def start_log_check(self) -> None:
        """The start-up check of the activity log and the timeline, on its own thread."""
        from desktop.security import ChainCheck
        self._chain_check = ChainCheck(self.context.data_dir, self)
        self._chain_check.checked.connect(self.check_log_chain)
        self._chain_check.start()

    def check_log_chain(self, verdicts: list | None = None) -> bool:
        """A broken chain or a removed owner-password row is said at once, and stays in the
        status bar. True when whole."""
        from db.trust import log_chain
        from desktop.security import chain_report
        whole, text = chain_report(log_chain.check_all() if verdicts is None else verdicts)
        if not whole:
            warning = QLabel(self.tr("⚠ 日志被改动"))
            warning.setObjectName("formError")
            warning.setToolTip(text)
            self.statusBar().addPermanentWidget(warning)
            QMessageBox.warning(self, self.tr("操作日志"), text + "\n\n" + self.tr(
                "有人绕过客服台改动了数据文件。请店主在 设置 → 安全 → 操作日志 查看，"
                "必要时恢复之前的备份。"))
        return whole

    def switch_staff(self) -> None:
        from desktop.staff_picker import StaffPickerDialog
        current = self.context.staff.id if self.context.staff else None
        dialog = StaffPickerDialog(current, self)
        if dialog.exec() and dialog.chosen is not None:
            self.context.set_staff(dialog.chosen, dialog.owner_unlocked)

    # --- cases --------------------------------------------------------------------------
    def _wire_cases(self) -> None:
        self.customer_orders = customer_orders.attach(self.customers_page)
        self.customer_cases = customer_section.attach(self.customers_page, self.context)
        self.customer_cases.case_requested.connect(self.open_case)
        self.customer_cases.new_case_requested.connect(self._new_case)
        self.cases_page.customer_requested.connect(self.open_customer)
        # Replies written on the 快捷短语 page while a case is open know its order and deadline.
        self.snippets_page.value_providers.append(
            lambda: self.cases_page.case_placeholders(self.snippets_page.customer_id))
        # Without a case, the customer's latest order fills {订单号}, {快递单号} ... (said so).
        self.latest_order_values = reply_values.attach(self.snippets_page, self.cases_page)
        self.cases_page.detail.case_shown.connect(self._follow_case_customer)
        if count_cases():  # once cases exist, the day starts with what is due
            self.show_page("cases")

    def _follow_case_customer(self, case_id) -> None:
        from db.models import Case
        case = Case.get_or_none(Case.id == case_id) if case_id else None
        if case is not None:
            self.snippets_page.set_customer(case.customer_id)

    def open_case(self, case_id: int) -> None:
        self.show_page("cases")
        self.cases_page.show_case(case_id)

    def open_customer(self, customer_id: int) -> None:
        from db.models import Customer
        customer = Customer.get_or_none(Customer.id == customer_id)
        if customer is not None and customer.deleted_at is not None:
            self.context.notify(self.tr("客户“%1”在回收站中（编辑 → 回收站 可以恢复）")
                                .replace("%1", customer.name))
            return
        self.show_page("customers")
        self.customers_page.select_customer(customer_id)

    def _new_case(self, customer_id: int | None = None) -> None:
        self.show_page("cases")
        self.cases_page.new_case(customer_id or None)

    # --- slots --------------------------------------------------------------------------
    def _snippets_imported(self) -> None:
        self.snippets_page.reload_categories()
        self.snippets_page.refresh()
        self.snippets_page.library_changed.emit()

    def _new_customer(self) -> None:
        self.show_page("customers")
        self.customers_page.new_customer()

    def _focus_search(self) -> None:
        if self.current_page_key() == "snippets":
            self.snippets_page.focus_search()
            return
        if self.current_page_key() == "cases":
            self.cases_page.focus_search()
            return
        if self.current_page_key() != "customers":
            self.show_page("customers")
        self.customers_page.focus_search()

    def _update_title(self) -> None:
        name = self.context.staff.name if self.context.staff else ""
        self.setWindowTitle(window_title(
            self.tr("客服台"), name, self.tr("本机数据") if self.local_instead else ""))
        self.staff_label.setText(self.tr("当前客服：%1").replace("%1", name))

    def _notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def refresh(self) -> None:
        """Read every page again: what the other computers changed since."""
        self.context.customers_changed.emit()
        self.context.cases_changed.emit()
        self.snippets_page.refresh()

    def _server_waiting(self, waiting: bool) -> None:
        self.outage_label.setVisible(waiting)
        if not waiting:
            self.statusBar().showMessage(self.tr("服务器已恢复，已重新连接。"), 10000)
            self.context.customers_changed.emit()  # what changed meanwhile, on every page
            self.context.cases_changed.emit()

    @guarded(REFRESH)
    def _update_status(self) -> None:
        self.count_label.setText(self.tr("客户 %1 位").replace("%1", str(count_live())))

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("关于客服台"), self.tr(
            "客服台：网店客服的客户档案、快捷短语与售后工单。\n完全离线，数据保存在本机：\n%1")
            .replace("%1", str(self.context.data_dir)))

    # --- layout persistence -------------------------------------------------------------
    def _restore_layout(self) -> None:
        ui = self.context.ui_settings
        geometry = ui.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._fit_to_screen()
        snippet_splitter = ui.value("snippets/splitter")
        if snippet_splitter is not None:
            self.snippets_page.splitter.restoreState(snippet_splitter)
        splitter = ui.value("customers/splitter")
        if splitter is not None:
            self.customers_page.splitter.restoreState(splitter)
        header = ui.value("customers/header")
        if header is not None:
            table = self.customers_page.table
            table.horizontalHeader().restoreState(header)
            view = table.horizontalHeader()
            for column in range(view.count()):  # widths saved under the other language
                if view.sectionSize(column) < view.sectionSizeHint(column):
                    view.resizeSection(column, view.sectionSizeHint(column))
            table.sortByColumn(table.horizontalHeader().sortIndicatorSection(),
                               table.horizontalHeader().sortIndicatorOrder())

    def _fit_to_screen(self) -> None:
        screen = self.screen()
        if screen is None:
            self.resize(PREFERRED_SIZE)
            return
        geometry = first_geometry(screen.availableGeometry())
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(geometry.size()))  # tiny screens too
        self.setGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        ui = self.context.ui_settings
        ui.setValue("main/geometry", self.saveGeometry())
        ui.setValue("customers/splitter", self.customers_page.splitter.saveState())
        ui.setValue("customers/header", self.customers_page.table.horizontalHeader().saveState())
        ui.setValue("snippets/splitter", self.snippets_page.splitter.saveState())
        if self.snippets_page.palette is not None:
            self.snippets_page.palette.close()
        if self.tray is not None:
            self.tray.hide()
        if getattr(self, "_chain_check", None) is not None:
            self._chain_check.wait()  # a thread must not outlive its window
        self.quick_paste.shutdown()
        ui.sync()
        super().closeEvent(event)
