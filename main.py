"""Kefu Desk (客服台): entry point.

    python main.py [--data-dir DIR]     start the app (DIR: a portable data folder)
    python main.py --self-test          headless start-up check, exit 0 when healthy
    python main.py import customers|snippets|cases FILE [--sheet NAME] [--dry-run] [--report OUT.xlsx] [--data-dir DIR]
    python main.py export customers|snippets|cases|all FILE [--template] [--data-dir DIR]
"""
from __future__ import annotations

import time

STARTED = time.perf_counter()  # first thing: --quit-after-start reports the time from here

import argparse  # noqa: E402
import sys  # noqa: E402


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kefudesk", description="客服台 Kefu Desk")
    parser.add_argument("--data-dir", help="keep the database in this folder (portable use)")
    parser.add_argument("--self-test", action="store_true", help="headless start-up check")
    # Hidden: start, wait for the main window, print "ready SECONDS", quit (bench_startup.py).
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def attach_console() -> None:
    """The Windows build is a windowed program without stdout: when started from a terminal,
    print there (--help, --self-test, the command line); from Explorer nothing changes."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes
    if ctypes.windll.kernel32.AttachConsole(-1):  # -1: the parent process's console
        sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the app
        sys.stderr = sys.stdout


def parse_command(argv: list[str]) -> argparse.Namespace:
    from desktop.excel import cli
    parser = argparse.ArgumentParser(prog="kefudesk", description="客服台 Kefu Desk")
    cli.add_commands(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    attach_console()
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("import", "export"):  # the command line; no window
        from desktop.excel import cli
        return cli.run(parse_command(argv))
    args = parse_args(argv)
    if args.self_test:
        from desktop import self_test
        return self_test.run()
    from db.storage import paths
    from desktop import app
    return app.run(paths.resolve_data_dir(args.data_dir),
                   measure_since=STARTED if args.quit_after_start else None)


if __name__ == "__main__":
    sys.exit(main())
