"""Create or edit a snippet: placeholders highlighted and offered, forbidden phrases marked
as you type, a confirmation before saving one, an optional image."""
from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import (
    QAction, QContextMenuEvent, QGuiApplication, QImage, QKeyEvent, QPixmap, QTextCursor,
)
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
    QInputDialog, QLabel, QLayout, QLineEdit, QMenu, QMessageBox, QPlainTextEdit, QPushButton,
    QScrollArea, QVBoxLayout, QWidget,
)

from db.errors import SAVE, StaleEdit
from db.models import Snippet
from db.snippets import phrases, library as snippets
from db.snippets.library import SnippetData, SnippetError
from db.snippets.phrase_check import Hit
from db.snippets.render import ASK_PREFIX, PLACEHOLDERS
from desktop import file_dialogs
from desktop.context import AppContext
from desktop.errors import guarded, said
from desktop.snippets.highlighter import SnippetHighlighter
from desktop.snippets.hit_list import HitList
from desktop.snippets.placeholder_completion import Choice, PlaceholderCompletion, matching


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class BodyEdit(QPlainTextEdit):
    """Typing `{` offers the valid placeholders at the cursor (see placeholder_completion):
    the list follows the typing and never takes a keystroke away from the text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.placeholder_menu = QMenu(self)  # the 插入占位符 button's menu
        for name, source in PLACEHOLDERS.items():
            action = self.placeholder_menu.addAction(f"{{{name}}}　{source}")
            action.setData(name)
        self.placeholder_menu.addSeparator()
        ask = self.placeholder_menu.addAction(self.tr("{输入:…} 复制时询问"))
        ask.setData(None)
        self.placeholder_menu.triggered.connect(
            lambda action: self.insert_placeholder(action.data()))
        self.completion = PlaceholderCompletion(self)
        self.completion.picked.connect(self._complete)
        self._brace_at: int | None = None  # where the `{` that opened the list is

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.completion.isVisible():
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.completion.step(-1 if key == Qt.Key.Key_Up else 1)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
                self._complete(self.completion.current())
                return
            if key == Qt.Key.Key_Escape:  # closes the list, not the dialog
                self.close_completion()
                return
        super().keyPressEvent(event)
        self._after_typing(event.text())

    def inputMethodEvent(self, event) -> None:
        super().inputMethodEvent(event)  # a Chinese input method types ｛ and names here
        self._after_typing(event.commitString())

    def focusOutEvent(self, event) -> None:
        self.close_completion()
        super().focusOutEvent(event)

    def mousePressEvent(self, event) -> None:
        self.close_completion()
        super().mousePressEvent(event)

    def close_completion(self) -> None:
        self._brace_at = None
        self.completion.hide()

    def _after_typing(self, typed: str) -> None:
        position = self.textCursor().position()
        text = self.toPlainText()
        if typed and typed[-1] in "{｛":
            opened = position - 1
            if opened > 0 and text[opened - 1] in "{｛":  # `{{`: a literal brace
                self.close_completion()
                return
            self._brace_at = opened
        elif self._brace_at is None:
            return
        start = self._brace_at
        written = text[start + 1:position] if start < position <= len(text) else None
        if (written is None or text[start] not in "{｛"
                or any(ch.isspace() or ch in "{}｛｝" for ch in written)):
            self.close_completion()
            return
        choices = matching(written)
        if not choices:
            self.close_completion()
            return
        rect = self.cursorRect()
        self.completion.show_choices(choices, self.viewport().mapToGlobal(rect.bottomLeft()),
                                     written)

    def _complete(self, choice: Choice | None) -> None:
        if choice is None or self._brace_at is None:
            self.close_completion()
            return
        cursor = self.textCursor()
        typed = self.toPlainText()[self._brace_at + 1:cursor.position()]
        cursor.setPosition(self._brace_at)
        cursor.setPosition(self.textCursor().position(), QTextCursor.MoveMode.KeepAnchor)
        name = choice.text_for(typed)
        cursor.insertText("{" + name + "}")
        if name.endswith(":"):  # an ask field: the label is typed next, inside the braces
            cursor.movePosition(QTextCursor.MoveOperation.Left)
        self.setTextCursor(cursor)
        self.close_completion()

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
        cursor.setPosition(hit.start)  # a rule with a gap (保证…明天): its first word only
        cursor.setPosition(hit.head or hit.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(wording)
        self.setTextCursor(cursor)

    def insert_placeholder(self, name: str | None) -> None:
        """From the 插入占位符 menu: a placeholder, or (None) an ask field, at the cursor."""
        cursor = self.textCursor()
        if name is None:
            label, ok = QInputDialog.getText(self, self.tr("复制时询问"),
                                             self.tr("要询问的内容（如 快递单号）："))
            if not ok or not label.strip():
                return
            name = ASK_PREFIX + label.strip()
        cursor.insertText(f"{{{name}}}")
        self.setTextCursor(cursor)


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
        self._loaded = self.data()  # what "changed" is measured against
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
        self.hint = hint = QLabel(self.tr("蓝色为自动填入的占位符，绿色为复制时询问，红色下划线为禁语。"
                              "输入 { 可选择占位符；要显示花括号本身请写 {{ 或 }}。"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.hits = HitList()
        # However many phrases are flagged, the hints scroll in a box of their own below
        # the text: they never push over or cover it.
        self.hits_box = QScrollArea()
        self.hits_box.setObjectName("hitsBox")
        self.hits_box.setWidget(self.hits)
        self.hits_box.setWidgetResizable(True)
        self.hits_box.setFrameShape(QFrame.Shape.NoFrame)
        self.hits_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._hits_max = self.fontMetrics().lineSpacing() * 4 + 8

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
        layout.addWidget(self.hits_box)
        layout.addWidget(self.image_label)
        layout.addLayout(image_row)
        layout.addWidget(self.buttons)
        # The window never gets smaller than what its parts need (wrapped labels included):
        # a squeezed layout draws the hints over the text box.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.resize(560, 560)

    def data(self) -> SnippetData:
        return SnippetData(title=self.title.text(), body=self.body.toPlainText(),
                           category_id=self.category.currentData(), shortcut=self.shortcut.text(),
                           image=self._image, personal=self.personal.isChecked())

    def changed(self) -> bool:
        return self.data() != self._loaded

    def reject(self) -> None:
        """Esc, 取消 and closing the window ask before throwing away changes."""
        if self.changed():
            answer = QMessageBox.question(
                self, self.windowTitle(), self.tr("这条短语有未保存的修改，要保存吗？"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                self.body.setFocus()
                return
        super().reject()

    @guarded(SAVE)
    def save(self) -> None:
        data = self.data()
        forbidden = [h for h in phrases.check(data.title + "\n" + data.body)
                     if h.severity == "forbidden"]
        if forbidden:
            listed = "、".join(dict.fromkeys(f"“{h.found or h.phrase}”" for h in forbidden))
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
            QMessageBox.warning(self, self.windowTitle(), said(exc))
            self.body.setFocus()
            return
        except SnippetError as exc:
            QMessageBox.warning(self, self.windowTitle(), said(exc))
            {"title": self.title, "shortcut": self.shortcut}.get(exc.field, self.body).setFocus()
            return
        self.accept()

    # --- slots --------------------------------------------------------------------------
    def _update_hits(self) -> None:
        self.hits.show_hits(phrases.check(self.body.toPlainText()))
        width = self.hits_box.viewport().width() if self.isVisible() else 520
        needed = self.hits.heightForWidth(width)
        if needed < 0:  # a hit list that does not wrap by width
            needed = self.hits.sizeHint().height()
        self.hits_box.setFixedHeight(min(needed + 2, self._hits_max))
        # A wrapped label counts as one line in the window's minimum size: claim its lines.
        self.hint.setMinimumHeight(self.hint.heightForWidth(
            self.hint.width() if self.isVisible() else 520))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._update_hits()  # the hints wrap to the new width

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
