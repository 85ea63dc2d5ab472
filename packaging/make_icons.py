"""Render resources/icons/app.svg into the icon files each system wants.

    python packaging/make_icons.py      writes packaging/icons/app.ico, app.icns, app.png

The outputs are committed, so a build never needs to run this: run it again only after
changing app.svg. Qt renders the SVG (QtSvg ships with PySide6-Essentials); the .ico and
.icns containers are packed here by hand because Qt's writers store one size per file.
Both containers hold PNG-compressed images, which Windows Vista+ and macOS 10.7+ read.
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "app.svg"
OUT = Path(__file__).resolve().parent / "icons"

ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]  # Explorer, taskbar, title bar at 100-250 %
# ICNS entry types holding PNG data: (type, pixel size). The @2x types reuse larger renders.
ICNS_TYPES = [(b"icp4", 16), (b"icp5", 32), (b"ic11", 32), (b"icp6", 64), (b"ic12", 64),
              (b"ic07", 128), (b"ic08", 256), (b"ic13", 256), (b"ic09", 512), (b"ic14", 512),
              (b"ic10", 1024)]
PNG_SIZE = 512  # Linux desktop entry / README


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def pack_ico(pngs: dict[int, bytes]) -> bytes:
    # ICONDIR, one ICONDIRENTRY per image (0 means 256 in the width/height bytes), then data.
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def pack_icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts, painter
    sizes = set(ICO_SIZES) | {size for _kind, size in ICNS_TYPES} | {PNG_SIZE}
    pngs = {size: render_png(size) for size in sorted(sizes)}
    OUT.mkdir(exist_ok=True)
    (OUT / "app.ico").write_bytes(pack_ico({s: pngs[s] for s in ICO_SIZES}))
    (OUT / "app.icns").write_bytes(pack_icns(pngs))
    (OUT / "app.png").write_bytes(pngs[PNG_SIZE])
    for name in ("app.ico", "app.icns", "app.png"):
        print(f"wrote {OUT / name} ({(OUT / name).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
