"""Guards against a broken Qt binding release (PySide6 6.12.0 on Python 3.11 dropped a
reference to None on every call returning nothing, and the app aborted after a few
thousand calls)."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_drop_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("客服台")
        label.hide()
    assert sys.getrefcount(None) >= before - 50


def test_process_exits_cleanly_after_copying_text_and_image(tmp_path):
    """A Python-made QMimeData on the clipboard crashed the process at exit (PySide6 6.11)."""
    import subprocess
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    script = (
        "import sys; sys.path.insert(0, %r)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QBuffer\n"
        "from PySide6.QtGui import QImage\n"
        "app = QApplication([])\n"
        "from desktop import clipboard\n"
        "image = QImage(8, 8, QImage.Format.Format_RGB32); image.fill(0xff8800)\n"
        "buffer = QBuffer(); buffer.open(QBuffer.OpenModeFlag.WriteOnly); image.save(buffer, 'PNG')\n"
        "clipboard.put('王女士您好', bytes(buffer.data()))\n"
        "assert QApplication.clipboard().text() == '王女士您好'\n"
        "assert not QApplication.clipboard().image().isNull()\n"
        "print('copied')\n" % str(root))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
                            timeout=60)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert "copied" in result.stdout
