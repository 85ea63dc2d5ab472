"""Kefu Desk (客服台): entry point. `python main.py --help` lists everything; db/cli.py has
the one parser (the app's options and the import/export command line).
"""
from __future__ import annotations

import time

STARTED = time.perf_counter()  # first thing: --quit-after-start reports the time from here

import sys  # noqa: E402


def attach_console() -> None:
    """The Windows build is a windowed program without stdout: when started from a terminal,
    print there (--help, --self-test, the command line); from Explorer nothing changes."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    import ctypes
    if ctypes.windll.kernel32.AttachConsole(-1):  # -1: the parent process's console
        sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the app
        sys.stderr = sys.stdout


def utf8_output() -> None:
    """The command line prints UTF-8 whatever the console's code page or a redirect's default
    (cp936 or cp1252 on Windows): Chinese names never raise UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None) -> int:
    attach_console()
    from db import cli
    args = cli.build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is not None:  # import / export: no window
        utf8_output()
        return cli.run(args)
    if args.self_test:
        from desktop import self_test
        return self_test.run()
    from db.storage import paths
    from desktop import app
    return app.run(paths.resolve_data_dir(args.data_dir),
                   measure_since=STARTED if args.quit_after_start else None)


if __name__ == "__main__":
    sys.exit(main())
