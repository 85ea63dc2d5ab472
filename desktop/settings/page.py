"""The 设置 page: shop, language, backups, staff, customer types and security."""
from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from db.customers import records as customers
from db.errors import FieldError
from db.orders import repeat_buyers
from db.storage import server, settings
from db.trust import security, staff as staff_rules
from desktop import i18n
from desktop.context import AppContext
from desktop.errors import said
from desktop.customers import labels as customer_labels
from desktop.security import require_owner
from desktop.settings.editable_list import EditableList
from desktop.settings.security_box import SecurityBox


class SettingsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.shop_name = QLineEdit(settings.get("shop_name"))
        self.shop_name.setPlaceholderText(self.tr("用于快捷短语里的 {店铺名} 和致歉信的落款"))
        self.shop_name.editingFinished.connect(
            lambda: self._save("shop_name", self.shop_name.text().strip()))
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.visit_days = QSpinBox()
        self.visit_days.setRange(1, 365)
        self.visit_days.setSuffix(self.tr(" 天"))
        self.visit_days.setValue(int(settings.get("return_visit_days")))
        self.visit_days.valueChanged.connect(lambda v: self._save("return_visit_days", v))
        # The tag the orders keep on repeat buyers (db.orders.repeat_buyers).
        self._repeat_tag_shown = repeat_buyers.tag_name()
        self.repeat_tag = QLineEdit(self._repeat_tag_shown)
        self.repeat_tag.setObjectName("repeatBuyerTag")
        self.repeat_tag.editingFinished.connect(self._repeat_changed)
        # The name is the shop's data, on every computer the same: said, since an English
        # interface may show 回头客 (a shop that had it before) and a Chinese one a word typed.
        self.repeat_tag_hint = QLabel(self.tr("全店的电脑共用这个标签名，不随界面语言改变"))
        self.repeat_tag_hint.setObjectName("muted")
        self.repeat_tag_hint.setWordWrap(True)
        self.repeat_min = QSpinBox()
        self.repeat_min.setObjectName("repeatBuyerMinOrders")
        self.repeat_min.setRange(2, 999)
        self.repeat_min.setSuffix(self.tr(" 笔订单起"))
        self.repeat_min.setValue(repeat_buyers.min_orders())
        self.repeat_min.setKeyboardTracking(False)  # "10" typed is one change, not 1 then 10
        self.repeat_min.valueChanged.connect(lambda _v: self._repeat_changed())
        general = QGroupBox(self.tr("店铺与界面"))
        form = QFormLayout(general)
        form.addRow(self.tr("店铺名称"), self.shop_name)
        form.addRow(self.tr("界面语言"), self.language)
        form.addRow(self.tr("默认回访间隔"), self.visit_days)
        form.addRow(self.tr("回头客标签"), self.repeat_tag)
        form.addRow("", self.repeat_tag_hint)
        form.addRow(self.tr("回头客"), self.repeat_min)

        folder = QLabel(str(self._context.data_dir))
        folder.setObjectName("muted")
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self.tr("备份与恢复…"))
        self.backup_button.clicked.connect(self.open_backups)
        open_button = QPushButton(self.tr("打开数据文件夹"))
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(self._context.data_dir))))
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(open_button)
        row.addStretch(1)
        config = server.load(self._context.data_dir)
        where = QLabel(self.tr("本机数据库") if config is None
                       else self.tr("团队服务器 %1").replace("%1", config.describe()))
        where.setWordWrap(True)
        self.server_button = QPushButton(self.tr("团队服务器…"))
        self.server_button.setToolTip(self.tr("几台电脑同时使用同一份数据"))
        self.server_button.clicked.connect(self.open_server)
        where_row = QHBoxLayout()
        where_row.addWidget(where, 1)
        where_row.addWidget(self.server_button)
        data_box = QGroupBox(self.tr("数据与备份"))
        bform = QFormLayout(data_box)
        bform.addRow(self.tr("数据文件夹"), folder)
        bform.addRow(self.tr("数据库"), where_row)
        note = QLabel(self.tr("每次启动、导入前和每天自动备份。") if config is None
                      else self.tr("导入前和每天自动备份服务器的数据到这台电脑。"))
        note.setWordWrap(True)  # a narrow window wraps it rather than push the page wider
        bform.addRow("", note)
        bform.addRow("", row)

        self.staff_list = EditableList(
            self.tr("客服"), self._staff_items, lambda name: staff_rules.add(name),
            staff_rules.rename, staff_rules.deactivate, self.tr("设为离职"),
            on_change=self._context.staff_list_changed.emit)
        self.type_list = EditableList(
            self.tr("客户类型"),
            lambda: [(customer_labels.customer_type(t.name, t.code), t.id, False)
                     for t in customers.customer_types()],
            customers.add_customer_type, customers.rename_customer_type,
            customers.delete_customer_type, self.tr("删除"),
            on_change=self._context.customers_changed.emit)

        self.security_box = SecurityBox(self._context, self._current_staff_id)

        self.grid = grid = QGridLayout()
        grid.addWidget(general, 0, 0)
        grid.addWidget(data_box, 0, 1)
        grid.addWidget(self.staff_list, 1, 0)
        grid.addWidget(self.type_list, 1, 1)
        grid.addWidget(self.security_box, 2, 0, 1, 2)  # its long rows take the whole width
        # With an owner password, staff see the settings but change them only after the
        # owner unlocks the page.
        self.lock_bar = QWidget()
        self.lock_bar.setObjectName("lockBar")
        lock_row = QHBoxLayout(self.lock_bar)
        lock_row.addWidget(QLabel(self.tr("修改设置需要店主密码。")))
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.clicked.connect(self.unlock)
        lock_row.addWidget(self.unlock_button)
        lock_row.addStretch(1)
        self._unlocked = False
        self.body = QWidget()
        outer = QVBoxLayout(self.body)
        outer.addLayout(grid)
        outer.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lock_bar)
        layout.addWidget(scroll)
        self._context.staff_changed.connect(self._relock)
        self._relock()

    def add_quick_paste_box(self, quick_paste) -> None:
        """The main window owns the system-wide shortcut; its settings show here."""
        from desktop.settings.quick_paste_box import QuickPasteBox  # noqa: PLC0415
        self.quick_paste_box = QuickPasteBox(quick_paste)
        self.grid.addWidget(self.quick_paste_box, 3, 0, 1, 2)

    def _relock(self) -> None:
        self._unlocked = False
        self.update_lock()

    def update_lock(self) -> None:
        locked = security.needs_owner("change_settings") and not (
            self._unlocked or self._context.owner_unlocked)
        self.lock_bar.setVisible(locked)
        self.body.setEnabled(not locked)

    def unlock(self) -> None:
        if require_owner(self, self._context, "change_settings"):
            self._unlocked = True
            self.update_lock()

    def showEvent(self, event) -> None:
        self.update_lock()  # the password may have been set or cleared meanwhile
        if not self.shop_name.hasFocus():  # a fill-in dialog may have named the shop meanwhile
            self.shop_name.setText(settings.get("shop_name") or "")
        super().showEvent(event)

    def _current_staff_id(self):
        item = self.staff_list.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _staff_items(self) -> list[tuple[str, object, bool]]:
        items = []
        for member in staff_rules.all_staff():
            label = member.name
            if member.role == "owner":
                label += self.tr("（店主）")
            if not member.active:
                label += self.tr("（已离职）")
            items.append((label, member.id, not member.active))
        return items

    def _save(self, key: str, value) -> None:
        if settings.get(key) != value:
            settings.put(key, value)
            self._context.notify(self.tr("设置已保存"))

    def _repeat_changed(self) -> None:
        """A new tag name or minimum applies to every customer at once, from the orders."""
        tag, minimum = self.repeat_tag.text().strip(), self.repeat_min.value()
        current = repeat_buyers.tag_name()
        if tag == self._repeat_tag_shown:
            # Not typed here: the shop's name stands, even if another computer settled it
            # since this page showed the name this one would have chosen.
            tag = current
        if (tag, minimum) == (current, repeat_buyers.min_orders()):
            self._show_repeat_tag(current)
            return
        try:
            marked = repeat_buyers.change_settings(tag, minimum)
        except FieldError as exc:
            self._show_repeat_tag(repeat_buyers.tag_name())
            QMessageBox.warning(self, self.tr("回头客标签"), said(exc))
            return
        self._show_repeat_tag(repeat_buyers.tag_name())
        self._context.customers_changed.emit()
        self._context.notify(self.tr("设置已保存：%1 位客户加上、%2 位客户去掉了回头客标签")
                             .replace("%1", str(len(marked.added)))
                             .replace("%2", str(len(marked.removed))))

    def _show_repeat_tag(self, name: str) -> None:
        self._repeat_tag_shown = name
        if self.repeat_tag.text() != name:
            self.repeat_tag.setText(name)

    def _language_changed(self) -> None:
        self._save("language", self.language.currentData())
        i18n.remember(self._context.data_dir, self.language.currentData())
        QMessageBox.information(self, self.tr("界面语言"),
                                self.tr("重新启动客服台后生效。\nThe new language applies after a restart."))

    def open_server(self) -> None:
        from desktop.settings.server_dialog import ServerDialog
        ServerDialog(self._context, self).exec()

    def open_backups(self) -> None:
        from desktop.backups.dialog import BackupDialog
        BackupDialog(self._context, self).exec()
