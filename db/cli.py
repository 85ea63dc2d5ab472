"""The program's one argument parser, and the import/export command line (no Qt, no window).

    kefudesk [--data-dir DIR]                       start the app (DIR: a portable data folder)
    kefudesk --self-test                            headless start-up check, exit 0 when healthy
    kefudesk import KIND FILE [--sheet NAME] [--dry-run] [--report OUT.xlsx] [--data-dir DIR]
    kefudesk export KIND|all FILE [--template] [--data-dir DIR]
    kefudesk restore BACKUP [--data-dir DIR]        replace the data with a backup file

Import and export use the same core as the wizard. Exit codes: 0 done, 2 file refused (one
line on stderr: file, row, column, reason; nothing written), 3 the data folder is open in
the app, 4 the owner password (or recovery key) was needed and not given right, 1 any other
failure. Encrypted data whose key this computer does not keep (another computer, a backup from a
USB stick) asks for the owner password or the recovery key on the terminal, without echo (one
line from standard input when that is not a terminal).
An import that writes takes the data folder's lock first (db.storage.lock, which the app
holds while it runs), so it never writes under a running window, and the window cannot
start half-way through. Dry runs and exports only read: SQLite (WAL) lets them run beside
the app, and a dry run writes nothing, not even the remembered column mapping.
"""
from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import Iterator

REFUSED, IN_USE, FAILED, WRONG_SECRET = 2, 3, 1, 4


def build_parser() -> argparse.ArgumentParser:
    from db.excel import registry
    parser = argparse.ArgumentParser(prog="kefudesk", description="客服台 Kefu Desk")
    parser.add_argument("--data-dir", help="keep the database in this folder (portable use)")
    parser.add_argument("--self-test", action="store_true", help="headless start-up check")
    # Hidden: start, wait for the main window, print "ready SECONDS", quit (bench_startup.py).
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="{import,export,restore}",
                                help="work on spreadsheets without opening the window")
    # SUPPRESS: `import ... --data-dir X` sets the folder; left out, the main option stands.
    data_dir = {"help": "the data folder", "default": argparse.SUPPRESS}
    imp = sub.add_parser("import", help="import a spreadsheet (.xlsx/.xls/.csv)")
    imp.add_argument("kind", choices=registry.available(importable_only=True))
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", help="worksheet name (default: the first visible one)")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.add_argument("--report", type=Path, help="write the rows with problems to this .xlsx")
    imp.add_argument("--data-dir", **data_dir)
    exp = sub.add_parser("export", help="export to .xlsx (or .csv)")
    exp.add_argument("kind", choices=[*registry.available(), "all"])
    exp.add_argument("file", type=Path)
    exp.add_argument("--template", action="store_true", help="a blank template instead of data")
    exp.add_argument("--data-dir", **data_dir)
    res = sub.add_parser("restore", help="replace the data with a backup (.sqlite3)")
    res.add_argument("file", type=Path)
    res.add_argument("--data-dir", **data_dir)
    return parser


class SecretRefused(Exception):
    """The owner password or recovery key was needed and not given right."""


def ask_secret(prompt: str) -> str:
    """From the terminal without echo, else one line of standard input."""
    import getpass
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise SecretRefused("需要店主密码或恢复密钥")
    return line.rstrip("\r\n")


def _unlock(path: Path) -> None:
    """Keep the key of an encrypted file this computer lacks, from the owner's secret."""
    from db.errors import StoreError
    from db.storage import encryption
    try:
        encryption.unlock(path, ask_secret(f"{path.name} 已加密，请输入店主密码或恢复密钥："))
    except StoreError as exc:
        raise SecretRefused(str(exc)) from exc


def run(args: argparse.Namespace) -> int:
    """Run an import or export command; the exit code."""
    from db.errors import StoreError
    from db.excel.errors import ExcelError
    from db.storage import paths
    from db.storage.lock import DataFolderLock

    data_dir = paths.resolve_data_dir(args.data_dir)
    lock = DataFolderLock(data_dir)
    try:
        writes = args.command == "restore" or (args.command == "import" and not args.dry_run)
        if writes and not lock.acquire():
            print(f"客服台正在使用数据文件夹 {data_dir}，请先关闭程序再导入", file=sys.stderr)
            return IN_USE
        with _opened(data_dir):
            if args.command == "restore":
                return _restore(args, data_dir)
            return _import(args, data_dir) if args.command == "import" else _export(args)
    except SecretRefused as exc:
        print(str(exc), file=sys.stderr)
        return WRONG_SECRET
    except ExcelError as exc:
        print(exc.line(), file=sys.stderr)
        return REFUSED
    except (StoreError, OSError) as exc:
        print(str(exc), file=sys.stderr)
        return FAILED
    finally:
        lock.release()


@contextlib.contextmanager
def _opened(data_dir: Path) -> Iterator[None]:
    """The data folder's database, opened as the app opens it and closed as the app closes it
    (so the next start does not take the run for a crash and check the whole file)."""
    from db.storage import encryption, store
    from db.trust import audit
    try:
        database = store.open_database(data_dir, backup_on_open=False)
    except encryption.KeyNeeded as exc:  # the data folder, copied from another computer
        _unlock(exc.path)
        database = store.open_database(data_dir, backup_on_open=False)
    try:
        audit.act_as(None, "command line")
        yield
    finally:
        store.close_database(database, data_dir)


def _import(args, data_dir: Path) -> int:
    from db.excel import apply, report, workflow
    from db.excel.plan import PROBLEMS, STATUS_LABELS

    kind, table, guess = workflow.open_sheet(args.kind, args.file, args.sheet)
    plan = workflow.plan_import(kind, table, guess, remember=not args.dry_run)
    print(f"{args.file.name}：表头在第 {plan.header.row_number} 行；{plan.summary()}")
    for row in plan.rows:
        if row.status in PROBLEMS:
            print(f"  第 {row.row} 行 {STATUS_LABELS[row.status]}：{row.reason}")
    if args.report:
        report.write_report(plan, args.report)
        print(f"问题报告：{args.report}")
    if args.dry_run:
        return 0
    result = apply.apply(plan, data_dir, None, source="command line")
    print(f"已导入：新增 {result.created}，更新 {result.updated}"
          + (f"；导入前的备份：{result.backup.name}" if result.backup else ""))
    if plan.conflicts():
        print(f"{len(plan.conflicts())} 行冲突保留了软件中的数据；请在程序中导入以逐行选择")
    return 0


def _restore(args, data_dir: Path) -> int:
    from db.storage import backups, encryption
    from db.trust import security
    if security.needs_owner("restore_backup") and \
            not security.check_owner_password(ask_secret("店主密码：")):
        raise SecretRefused("店主密码不正确，未做任何改动")
    try:
        safety = backups.restore(data_dir, args.file)
    except encryption.KeyNeeded as exc:  # a backup from another computer or data folder
        _unlock(exc.path)
        safety = backups.restore(data_dir, args.file)
    print(f"已从 {args.file.name} 恢复；恢复前的数据已备份为 {safety.name}")
    return 0


def _export(args) -> int:
    code = _write_export(args)
    if code == 0 and not args.template:
        from db.trust import audit
        audit.record("export", args.kind, detail={"file": str(args.file)})
    return code


def _write_export(args) -> int:
    from db.excel import registry, write

    target: Path = args.file
    if args.template:
        for key in (registry.available() if args.kind == "all" else [args.kind]):
            write.template(registry.get(key), target)
        print(f"已生成模板：{target}")
        return 0
    if target.suffix.lower() == ".csv":
        if args.kind == "all":
            print(f"{target.name}：CSV 只能导出一种数据，请用 .xlsx 导出全部", file=sys.stderr)
            return REFUSED
        count = write.export_csv(registry.get(args.kind), target)
        print(f"已导出 {count} 行：{target}")
        return 0
    if args.kind == "all":
        counts = write.export_all(target)
        print(f"已导出：{target}（" + "，".join(f"{k} {n}" for k, n in counts.items()) + "）")
    else:
        count = write.export(registry.get(args.kind), target)
        print(f"已导出 {count} 行：{target}")
    return 0
