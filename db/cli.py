"""The program's one argument parser, and the import/export command line (no Qt, no window).

    kefudesk [--data-dir DIR]                       start the app (DIR: a portable data folder)
    kefudesk --self-test                            headless start-up check, exit 0 when healthy
    kefudesk import KIND FILE [--sheet NAME] [--dry-run] [--report OUT.xlsx] [--data-dir DIR]
    kefudesk export KIND|all FILE [--template] [--data-dir DIR]

Import and export use the same core as the wizard. Exit codes: 0 done, 2 file refused (one
line on stderr: file, row, column, reason; nothing written), 3 the data folder is open in
the app, 1 any other failure.
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

REFUSED, IN_USE, FAILED = 2, 3, 1


def build_parser() -> argparse.ArgumentParser:
    from db.excel import registry
    parser = argparse.ArgumentParser(prog="kefudesk", description="客服台 Kefu Desk")
    parser.add_argument("--data-dir", help="keep the database in this folder (portable use)")
    parser.add_argument("--self-test", action="store_true", help="headless start-up check")
    # Hidden: start, wait for the main window, print "ready SECONDS", quit (bench_startup.py).
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="{import,export}",
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
    return parser


def run(args: argparse.Namespace) -> int:
    """Run an import or export command; the exit code."""
    from db.errors import StoreError
    from db.excel.errors import ExcelError
    from db.storage import paths
    from db.storage.lock import DataFolderLock

    data_dir = paths.resolve_data_dir(args.data_dir)
    lock = DataFolderLock(data_dir)
    try:
        if args.command == "import" and not args.dry_run and not lock.acquire():
            print(f"客服台正在使用数据文件夹 {data_dir}，请先关闭程序再导入", file=sys.stderr)
            return IN_USE
        with _opened(data_dir):
            return _import(args, data_dir) if args.command == "import" else _export(args)
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
    from db.storage import store
    from db.trust import audit
    database = store.open_database(data_dir, backup_on_open=False)
    try:
        audit.act_as(None, "command line")
        yield
    finally:
        store.close_database(database, data_dir)


def _import(args, data_dir: Path) -> int:
    from db.excel import apply, notes, report, workflow
    from db.excel.plan import PROBLEMS, STATUS_LABELS

    kind, table, guess = workflow.open_sheet(args.kind, args.file, args.sheet)
    plan = workflow.plan_import(kind, table, guess, remember=not args.dry_run)
    print(f"{args.file.name}：表头在第 {plan.header.row_number} 行；{plan.summary()}")
    for row in plan.rows:
        if row.status in PROBLEMS:
            print(f"  第 {row.row} 行 {STATUS_LABELS[row.status]}：{row.reason}")
    if args.report:  # every row with a problem, a note or a change (before -> after)
        count = report.write_report(plan, args.report)
        print(f"导入报告（{count} 行）：{args.report}")
    if args.dry_run:
        line = notes.summary_line(plan, done=False)
        if line:
            print(f"说明：{line}")
        return 0
    result = apply.apply(plan, data_dir, None, source="command line")
    print(f"已导入：新增 {result.created}，更新 {result.updated}"
          + (f"；导入前的备份：{result.backup.name}" if result.backup else ""))
    line = notes.summary_line(plan, done=True)
    if line:
        print(f"说明：{line}")
    if plan.conflicts():
        print(f"{len(plan.conflicts())} 行冲突保留了软件中的数据；请在程序中导入以逐行选择")
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
