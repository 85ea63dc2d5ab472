"""Create or edit a snippet: placeholders highlighted and offered, forbidden phrases marked
as you type, a confirmation before saving one, an optional image."""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import (
    QAction, QContextMenuEvent, QGuiApplication, QImage, QKeyEvent, QPixmap, QTextCursor,
)
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QInputDialog, QLabel, QLineEdit, QMenu, QMessageBox, QPlainTextEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from db.errors import StaleEdit
from db.models import Snippet
from db.snippets import phrases, library as snippets
from db.snippets.library import SnippetData, SnippetError
from db.snippets.phrase_check import Hit
from db.snippets.render import ASK_PREFIX, PLACEHOLDERS
from desktop import file_dialogs
from desktop.context import AppContext
from desktop.snippets.highlighter import SnippetHighlighter
from desktop.snippets.hit_list import HitList


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class BodyEdit(QPlainTextEdit):
    """Typing `{` offers the valid placeholders at the cursor."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.placeholder_menu = QMenu(self)
        for name, source in PLACEHOLDERS.items():
            action = self.placeholder_menu.addAction(f"{{{name}}}　{source}")
            action.setData(name)
        self.placeholder_menu.addSeparator()
        ask = self.placeholder_menu.addAction(self.tr("{输入:…} 复制时询问"))
        ask.setData(None)
        self.placeholder_menu.triggered.connect(self._chosen)
        self._typed_brace = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.text() in ("{", "｛"):  # full-width from a Chinese input method
            self._typed_brace = True
            rect = self.cursorRect()
            self.placeholder_menu.popup(self.viewport().mapToGlobal(rect.bottomLeft()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click on a marked phrase offers its better wording."""
        menu = self.createStandardContextMenu()
        position = self.cursorForPosition(event.pos()).position()
        fixes = self.suggestions_at(position)
        if fixes:
            first = menu.actions()[0] if menu.actions() else None
            for hit, wording in fixes:
                action = QAction(self.tr("改为“%1”").replace("%1", wording), menu)
                action.triggered.connect(lambda _=False, h=hit, w=wording: self.replace_hit(h, w))
                menu.insertAction(first, action)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())

    def suggestions_at(self, position: int) -> list[tuple[Hit, str]]:
        """(hit, better wording) for the phrase under position; "A / B" gives two choices,
        a suggestion with "……" (a pattern, not a phrase) gives none."""
        found = []
        for hit in phrases.check(self.toPlainText()):
            if hit.start <= position <= hit.end:
                for wording in hit.rule.suggestion.split(" / "):
                    wording = wording.strip()
                    if wording and "…" not in wording and "“" not in wording:
                        found.append((hit, wording))
        return found

    def replace_hit(self, hit: Hit, wording: str) -> None:
        cursor = self.textCursor()
        cursor.setPosition(hit.start)
        cursor.setPosition(hit.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(wording)
        self.setTextCursor(cursor)

    def insert_placeholder(self, name: str | None, typed_brace: bool = False) -> None:
        cursor = self.textCursor()
        if typed_brace:  # replace the `{` that opened the menu
            cursor.deletePreviousChar()
        if name is None:
            label, ok = QInputDialog.getText(self, self.tr("复制时询问"),
                                             self.tr("要询问的内容（如 快递单号）："))
            if not ok or not label.strip():
                if typed_brace:
                    cursor.insertText("{")
                return
            name = ASK_PREFIX + label.strip()
        cursor.insertText(f"{{{name}}}")
        self.setTextCursor(cursor)

    def _chosen(self, action) -> None:
        typed, self._typed_brace = self._typed_brace, False
        self.insert_placeholder(action.data(), typed)


class SnippetEditorDialog(QDialog):
    def __init__(self, context: AppContext, snippet: Snippet | None = None,
                 initial: SnippetData | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._context = context
        self._snippet = snippet
        self.saved: Snippet | None = None
        self.setWindowTitle(self.tr("编辑快捷短语") if snippet else self.tr("新建快捷短语"))
        data = SnippetData.of(snippet) if snippet else (initial or SnippetData())
        self._image = data.image
        self._setup_ui(data)
        self._update_hits()

    def _setup_ui(self, data: SnippetData) -> None:
        self.title = QLineEdit(data.title)
        self.title.setPlaceholderText(self.tr("如：真诚道歉"))
        self.shortcut = QLineEdit(data.shortcut)
        self.shortcut.setPlaceholderText(self.tr("可选，如 dq，搜索时输入即可找到"))
        self.category = QComboBox()
        self.category.addItem(self.tr("未分类"), None)
        for category in snippets.categories():
            self.category.addItem(category.name, category.id)
        self.category.setCurrentIndex(max(0, self.category.findData(data.category_id)))
        self.personal = QCheckBox(self.tr("仅自己可见（个人短语）"))
        self.personal.setChecked(data.personal)
        self.body = BodyEdit()
        self.body.setObjectName("snippetBody")
        self.body.setPlainText(data.body)
        self.body.setMinimumHeight(150)
        self.highlighter = SnippetHighlighter(self.body.document())
        self.body.textChanged.connect(self._update_hits)
        insert = QPushButton(self.tr("插入占位符"))
        insert.setMenu(self.body.placeholder_menu)
        hint = QLabel(self.tr("蓝色为自动填入的占位符，绿色为复制时询问，红色下划线为禁语。"
                              "输入 { 可选择占位符；要显示花括号本身请写 {{ 或 }}。"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.hits = HitList()

        self.image_label = QLabel()
        self.image_label.setFixedHeight(90)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        pick = QPushButton(self.tr("选择图片…"))
        pick.clicked.connect(self._pick_image)
        paste = QPushButton(self.tr("粘贴图片"))
        paste.clicked.connect(self._paste_image)
        self.remove_image = QPushButton(self.tr("移除图片"))
        self.remove_image.clicked.connect(lambda: self._set_image(None))
        image_row = QHBoxLayout()
        for button in (pick, paste, self.remove_image):
            image_row.addWidget(button)
        image_row.addStretch(1)
        self._set_image(self._image)

        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("短语码"), self.shortcut)
        form.addRow(self.tr("分类"), self.category)
        form.addRow("", self.personal)
        body_row = QHBoxLayout()
        body_row.addWidget(QLabel(self.tr("内容")))
        body_row.addStretch(1)
        body_row.addWidget(insert)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(body_row)
        layout.addWidget(self.body, 1)
        layout.addWidget(hint)
        layout.addWidget(self.hits)
        layout.addWidget(self.image_label)
        layout.addLayout(image_row)
        layout.addWidget(self.buttons)
        self.resize(560, 560)

    def data(self) -> SnippetData:
        return SnippetData(title=self.title.text(), body=self.body.toPlainText(),
                           category_id=self.category.currentData(), shortcut=self.shortcut.text(),
                           image=self._image, personal=self.personal.isChecked())

    def save(self) -> None:
        data = self.data()
        forbidden = [h for h in phrases.check(data.title + "\n" + data.body)
                     if h.severity == "forbidden"]
        if forbidden:
            listed = "、".join(dict.fromkeys(f"“{h.phrase}”" for h in forbidden))
            answer = QMessageBox.question(
                self, self.tr("包含禁语"),
                self.tr("这条短语包含禁语 %1，发给买家可能引起不满或投诉。\n仍然保存吗？")
                .replace("%1", listed),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Save:
                self.body.setFocus()
                return
        try:
            if self._snippet is None:
                self.saved = snippets.create(data, self._context.staff)
            else:
                self.saved = snippets.update(self._snippet.id, data, self._context.staff,
                                             expected_version=self._snippet.version)
        except StaleEdit as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            self.body.setFocus()
            return
        except SnippetError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            {"title": self.title, "shortcut": self.shortcut}.get(exc.field, self.body).setFocus()
            return
        self.accept()

    # --- slots --------------------------------------------------------------------------
    def _update_hits(self) -> None:
        self.hits.show_hits(phrases.check(self.body.toPlainText()))

    def _set_image(self, image: bytes | None) -> None:
        self._image = image
        self.remove_image.setEnabled(image is not None)
        if image is None:
            self.image_label.setText(self.tr("无图片（可添加尺码表、收款码、洗护说明等）"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(image)
        self.image_label.setPixmap(pixmap.scaledToHeight(
            86, Qt.TransformationMode.SmoothTransformation))

    def _pick_image(self) -> None:
        path = file_dialogs.open_file(self, self._context.ui_settings, "image",
                                      self.tr("选择图片"),
                                      self.tr("图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp)"))
        if not path:
            return
        image = QImage(path)
        if image.isNull():
            QMessageBox.warning(self, self.tr("选择图片"),
                                self.tr("无法读取图片文件：%1").replace("%1", path))
            return
        self._set_image(png_bytes(image))

    def _paste_image(self) -> None:
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            QMessageBox.information(self, self.tr("粘贴图片"), self.tr("剪贴板里没有图片"))
            return
        self._set_image(png_bytes(image))
