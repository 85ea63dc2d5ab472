"""Kefu Desk (客服台): entry point.

    python main.py [--data-dir DIR]     start the app (DIR: a portable data folder)
    python main.py --self-test          headless start-up check, exit 0 when healthy
"""
from __future__ import annotations

import argparse
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kefudesk", description="客服台 Kefu Desk")
    parser.add_argument("--data-dir", help="keep the database in this folder (portable use)")
    parser.add_argument("--self-test", action="store_true", help="headless start-up check")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from desktop import self_test
        return self_test.run()
    from db import paths
    from desktop import app
    return app.run(paths.resolve_data_dir(args.data_dir))


if __name__ == "__main__":
    sys.exit(main())
