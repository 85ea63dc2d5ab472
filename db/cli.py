"""The program's one argument parser, and the import/export command line (no Qt, no window).

    kefudesk [--data-dir DIR]                       start the app (DIR: a portable data folder)
    kefudesk --self-test                            headless start-up check, exit 0 when healthy
    kefudesk import KIND FILE [--sheet NAME] [--dry-run] [--report OUT.xlsx] [--data-dir DIR]
    kefudesk import orders FILE [--platform taobao|pdd|douyin|weixin|auto] ...
    kefudesk export KIND|all FILE [--template] [--data-dir DIR]
    kefudesk restore BACKUP [--data-dir DIR]        replace the data with a backup file
    (import, export and restore also take --password-stdin)

Import and export use the same core as the wizard. Every failure ends with one line on
stderr, never a traceback, and one of these exit codes (README lists them too):
  0 done (an export whose file was written, even if the activity log could not be written)
  2 the file is refused or cannot be written (file, row, column, reason; nothing written)
  3 the data folder is in use: the app holds it, or another program holds the database
    and did not let go within a few seconds
  4 the owner password (or the recovery key) is needed and was missing or wrong (nothing
    written)
  5 the data folder or its disk cannot be written: read-only, no permission, disk full
    (nothing written; a failed import removes the backup it took first)
  6 the team server cannot be used: out of reach, the connection lost mid-way, or it refuses
    this computer, user or password (the line says which and what to do; nothing written)
  1 any other failure
With an owner password set, the command line has no side door: every export (templates
aside), an import that updates existing records and a restore need the owner, as the
window's menus do (db.trust.security.needs_owner, so the owner's 设置 → 安全 choices hold
here too). Encrypted data whose key this computer does not keep (another computer, a backup
from a USB stick) needs the owner password or the recovery key. The secret is asked on the
terminal without echo, or read from the first line of standard input with --password-stdin
(scripts); it is read once per command.
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

REFUSED, IN_USE, FAILED, OWNER_REFUSED, UNWRITABLE, SERVER = 2, 3, 1, 4, 5, 6
# The owner-protected action of each command (an import's depends on its plan).
OWNER_ACTION = {"export": "export_all", "restore": "restore_backup", "import": "import_updates"}


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
    password = {"action": "store_true",
                "help": "read the owner password from the first line of standard input"}
    imp = sub.add_parser("import", help="import a spreadsheet (.xlsx/.xls/.csv)")
    imp.add_argument("kind", choices=registry.available(importable_only=True))
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", help="worksheet name (default: the first visible one)")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.add_argument("--report", type=Path, help="write the rows with problems to this .xlsx")
    imp.add_argument("--platform", default="auto",
                     choices=["auto", "taobao", "pdd", "douyin", "weixin", "other"],
                     help="orders: whose export the file is (default: read from its headers)")
    imp.add_argument("--data-dir", **data_dir)
    imp.add_argument("--password-stdin", **password)
    exp = sub.add_parser("export", help="export to .xlsx (or .csv)")
    exp.add_argument("kind", choices=[*registry.available(), "all"])
    exp.add_argument("file", type=Path)
    exp.add_argument("--template", action="store_true", help="a blank template instead of data")
    exp.add_argument("--data-dir", **data_dir)
    exp.add_argument("--password-stdin", **password)
    res = sub.add_parser("restore", help="replace the data with a backup (.sqlite3)")
    res.add_argument("backup", type=Path)
    res.add_argument("--data-dir", **data_dir)
    res.add_argument("--password-stdin", **password)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run an import, export or restore command; the exit code."""
    from db.excel.errors import ExcelError
    from db.storage import paths
    from db.storage.lock import DataFolderLock

    _SECRET.forget()
    lock = None
    try:
        data_dir = paths.resolve_data_dir(args.data_dir)
        lock = DataFolderLock(data_dir)
        writes = args.command == "restore" or args.command == "import" and not args.dry_run
        if writes and not lock.acquire():
            what = "恢复备份" if args.command == "restore" else "导入"
            print(f"客服台正在使用数据文件夹 {data_dir}，请先关闭程序再{what}", file=sys.stderr)
            return IN_USE
        with _opened(data_dir, args):
            if args.command == "import":
                return _import(args, data_dir)
            if not _owner_allows(args):
                return OWNER_REFUSED
            return _restore(args, data_dir) if args.command == "restore" else _export(args)
    except SecretRefused as exc:
        print(str(exc), file=sys.stderr)
        return OWNER_REFUSED
    except ExcelError as exc:
        print(exc.line(), file=sys.stderr)
        return REFUSED
    except Exception as exc:  # noqa: BLE001 - one line and an exit code, never a traceback
        code, line = failure(exc, args)
        print(line, file=sys.stderr)
        return code
    finally:
        if lock is not None:
            lock.release()


def failure(exc: BaseException, args: argparse.Namespace) -> tuple[int, str]:
    """The exit code and the one line for a failed import or export, read from the
    exception's type and codes (db.errors.classify), not its text."""
    from db import errors
    from db.storage.backups import MirrorError
    from db.storage.lock import ReadOnlyFolder
    what = {"import": "导入", "export": "导出", "restore": "恢复备份"}[args.command]
    doing = {"import": errors.IMPORT, "export": errors.EXPORT, "restore": None}[args.command]
    kind = errors.classify(exc)
    if isinstance(exc, ReadOnlyFolder):
        return UNWRITABLE, f"{what}失败：{exc}"
    if isinstance(exc, MirrorError):  # about the second backup folder, said by itself
        return FAILED, f"{what}失败：{' '.join(str(exc).split())}"
    if args.command == "export" and isinstance(exc, OSError) and _about(exc, args.file):
        code = UNWRITABLE if kind == errors.DISK_FULL else REFUSED
        return code, errors.file_message(exc, args.file)
    message = errors.say(exc, doing) if kind else None
    if message is None and isinstance(exc, errors.StoreError) and exc.__cause__ is not None:
        message = errors.say(exc.__cause__, doing)
    message = " ".join((message or "").split())
    if kind in errors.OUTAGE or kind in errors.SETUP:
        return SERVER, f"{what}失败：{message}"
    if kind in (errors.LOCKED, errors.HELD):
        return IN_USE, f"{what}失败：{message}"
    if kind in (errors.DISK_FULL, errors.READ_ONLY, errors.TOO_LONG):
        return UNWRITABLE, f"{what}失败：{message}"
    if message:
        return FAILED, f"{what}失败：{message}"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return FAILED, f"{what}失败：{text}"


def _about(exc: OSError, target: Path) -> bool:
    """True when the OSError concerns the export's own file (or the partial beside it)."""
    name = getattr(exc, "filename", None) or getattr(exc, "filename2", None)
    return name is None or Path(str(name)).name.startswith(Path(target).name)


@contextlib.contextmanager
def _opened(data_dir: Path, args=None) -> Iterator[None]:
    """The data folder's database, opened as the app opens it and closed as the app closes it
    (so the next start does not take the run for a crash and check the whole file)."""
    from db.storage import encryption, store
    from db.trust import audit
    try:
        database = store.open_database(data_dir, backup_on_open=False)
    except encryption.KeyNeeded as exc:  # the data folder, copied from another computer
        _unlock(exc.path, args)
        database = store.open_database(data_dir, backup_on_open=False)
    try:
        audit.act_as(None, "command line")
        yield
    finally:
        store.close_database(database, data_dir)


def _import(args, data_dir: Path) -> int:
    from db.excel import apply, notes, report, workflow
    from db.excel.plan import PROBLEMS, STATUS_LABELS, UPDATE, ImportOptions

    kind, table, guess = workflow.open_sheet(args.kind, args.file, args.sheet)
    plan = workflow.plan_import(kind, table, guess, remember=not args.dry_run,
                                options=ImportOptions(platform=getattr(args, "platform", "auto")))
    print(f"{args.file.name}：表头在第 {plan.header.row_number} 行；{plan.summary()}")
    for row in plan.rows:
        if row.status in PROBLEMS:
            print(f"  第 {row.row} 行 {STATUS_LABELS[row.status]}：{notes.reason(row)}")
    if args.report:  # every row with a problem, a note or a change (before -> after)
        count = report.write_report(plan, args.report)
        print(f"导入报告（{count} 行）：{args.report}")
    if args.dry_run:
        line = notes.summary_line(plan, done=False)
        if line:
            print(f"说明：{line}")
        return 0
    if plan.counts()[UPDATE] and not _owner_allows(args):
        return OWNER_REFUSED
    result = apply.apply(plan, data_dir, None, source="command line")
    print(f"已导入：新增 {result.created}，更新 {result.updated}"
          + (f"；导入前的备份：{result.backup.name}" if result.backup else ""))
    line = notes.summary_line(plan, done=True)
    if line:
        print(f"说明：{line}")
    if plan.conflicts():
        print(f"{len(plan.conflicts())} 行冲突保留了软件中的数据；请在程序中导入以逐行选择")
    return 0


def _owner_allows(args) -> bool:
    """The owner's consent for a protected command, when an owner password is set: asked on
    the terminal without echo, or the first line of standard input (--password-stdin). A
    missing or wrong password gives one line on stderr, and the caller writes nothing."""
    from db.trust import security
    if args.command == "export" and args.template or not security.needs_owner(
            OWNER_ACTION[args.command]):
        return True
    if _SECRET.unlocked:  # the recovery key or owner password just opened the data: the owner
        return True
    password = _read_password(args.password_stdin)
    if not password:
        print("需要店主密码：请在终端输入，或用 --password-stdin 从标准输入提供；未做任何改动",
              file=sys.stderr)
        return False
    ok = security.check_owner_password(password)
    if not ok and args.command == "restore" and security.owner_row_missing():
        # The password's row was removed behind the app's back: the backup being restored,
        # from before that, still knows it.
        ok = security.check_owner_password_in(args.backup, password)
    if not ok:
        print("店主密码不正确，未做任何改动", file=sys.stderr)
    return ok


class _Secret:
    """The secret given for this command: standard input holds one line, so it is read once
    and serves both the unlocking of encrypted data and the owner check. Reset by run(): a
    process that runs several commands (the tests, a script) never carries one over."""
    given: str | None = None
    unlocked = False

    def forget(self) -> None:
        self.given, self.unlocked = None, False


_SECRET = _Secret()


def _read_password(from_stdin: bool, prompt: str = "店主密码：") -> str:
    import getpass
    if _SECRET.given is not None:
        return _SECRET.given
    if from_stdin:
        given = sys.stdin.readline().rstrip("\r\n") if sys.stdin is not None else ""
    elif sys.stdin is None or not sys.stdin.isatty():
        return ""  # a script without --password-stdin: never block waiting for a terminal
    else:
        try:
            given = getpass.getpass(prompt)
        except (EOFError, KeyboardInterrupt):
            return ""
    _SECRET.given = given
    return given


class SecretRefused(Exception):
    """The owner password or recovery key was needed and not given right."""


def _unlock(path: Path, args) -> None:
    """Keep the key of an encrypted file this computer lacks, from the owner's secret."""
    from db.errors import StoreError
    from db.storage import encryption
    secret = _read_password(getattr(args, "password_stdin", False),
                            f"{path.name} 已加密，请输入店主密码或恢复密钥：")
    if not secret:
        raise SecretRefused(f"{path.name} 已加密：需要店主密码或恢复密钥（在终端输入，或用 "
                            "--password-stdin 从标准输入提供）；未做任何改动")
    try:
        encryption.unlock(path, secret)
    except StoreError as exc:
        raise SecretRefused(str(exc)) from exc
    _SECRET.unlocked = True


def _restore(args, data_dir: Path) -> int:
    from db.storage import backups, encryption
    try:
        safety = backups.restore(data_dir, args.backup)
    except encryption.KeyNeeded as exc:  # a backup from another computer or data folder
        _unlock(exc.path, args)
        safety = backups.restore(data_dir, args.backup)
    print(f"已恢复备份 {args.backup.name}；恢复前的数据另存为 {safety.name}")
    return 0


def _export(args) -> int:
    from db.storage import paths
    code = _write_export(args)
    if code == 0 and args.file.exists():
        paths.private_if_inside(args.file, paths.resolve_data_dir(args.data_dir))
    if code == 0 and not args.template:
        from db import errors
        from db.trust import audit
        try:  # the file is written: that is what the exit code says
            audit.record("export", args.kind, detail={"file": str(args.file)})
        except Exception as exc:  # noqa: BLE001 - a locked or read-only database
            reason = errors.describe(exc) or " ".join(str(exc).split())
            print(f"导出的文件已写好，但操作日志没能记下这次导出：{reason}", file=sys.stderr)
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
