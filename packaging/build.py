"""Build the one-file Kefu Desk executable for the system this runs on.

    python packaging/build.py            build (needs pyinstaller: `python dev.py build` installs it)
    python packaging/build.py --check    build, then run the product's --self-test headless

Products in dist/: Windows KefuDesk.exe; Linux kefudesk; macOS KefuDesk.app zipped as
KefuDesk-<version>-macos.zip, plus the bare kefudesk binary. PyInstaller's work files and
cache stay in build/ (gitignored), so a second build only redoes what changed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "app.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def executable(platform: str = sys.platform) -> Path:
    """The one file a user runs (on macOS: the bare binary; the app is in the zip)."""
    return DIST / ("KefuDesk.exe" if platform == "win32" else "kefudesk")


def mac_zip() -> Path:
    return DIST / f"KefuDesk-{version()}-macos.zip"


def run_pyinstaller() -> None:
    # PyInstaller keeps a cache in the user's folder by default: keep it inside build/.
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(ROOT / "build" / "pyinstaller-cache"),
               PYTHONPATH=str(ROOT))
    subprocess.check_call([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN",
                           "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)],
                          cwd=ROOT, env=env)


def zip_app() -> Path:
    target = mac_zip()
    target.unlink(missing_ok=True)
    app = DIST / "KefuDesk.app"
    # ditto keeps the bundle's symlinks and extended attributes, which a signature needs.
    subprocess.check_call(["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(app),
                           str(target)])
    return target


def self_test(binary: Path) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(binary), "--self-test"], env=env)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Build the one-file Kefu Desk executable.")
    parser.add_argument("--check", action="store_true", help="run the product's --self-test")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is missing: run `python dev.py build`, which installs it.")
        return 2
    started = time.perf_counter()
    run_pyinstaller()
    products = [executable()]
    if sys.platform == "darwin":
        products.append(zip_app())
    print(f"built in {time.perf_counter() - started:.0f} s:")
    for product in products:
        print(f"  {product}  {product.stat().st_size / 1e6:.1f} MB")
    if args.check:
        return self_test(executable())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
