"""The command line for import/export: the same core as the wizard, for scripts and CI.

    kefudesk import customers|snippets|cases FILE [--sheet NAME] [--dry-run] [--report OUT.xlsx] [--data-dir DIR]
    kefudesk export customers|snippets|cases|all FILE [--template] [--data-dir DIR]

Exit codes: 0 done, 2 file refused (one line on stderr: file, row, column, reason; nothing
written), 3 the data folder is open in the app, 1 any other failure.
An import that writes takes the app's lock file first (QLockFile, as the app does), so it
never writes under a running window, and the window cannot start half-way through. Dry runs
and exports only read: SQLite (WAL) lets them run beside the app.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REFUSED, IN_USE, FAILED = 2, 3, 1


def add_commands(sub) -> None:
    from db.excel import kinds
    imp = sub.add_parser("import", help="import a spreadsheet (.xlsx/.xls/.csv)")
    imp.add_argument("kind", choices=kinds.available(importable_only=True))
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", help="worksheet name (default: the first visible one)")
    imp.add_argument("--dry-run", action="store_true", help="only show what would change")
    imp.add_argument("--report", type=Path, help="write the rows with problems to this .xlsx")
    imp.add_argument("--data-dir", help="the data folder")
    exp = sub.add_parser("export", help="export to .xlsx (or .csv)")
    exp.add_argument("kind", choices=[*kinds.available(), "all"])
    exp.add_argument("file", type=Path)
    exp.add_argument("--template", action="store_true", help="a blank template instead of data")
    exp.add_argument("--data-dir", help="the data folder")


def run(args: argparse.Namespace) -> int:
    from db.excel.errors import ExcelError
    from db.storage import paths
    from db.errors import StoreError

    data_dir = paths.resolve_data_dir(args.data_dir)
    lock = None
    try:
        if args.command == "import" and not args.dry_run:
            lock = _lock(data_dir)
            if lock is None:
                print(f"客服台正在使用数据文件夹 {data_dir}，请先关闭程序再导入", file=sys.stderr)
                return IN_USE
        return _import(args, data_dir) if args.command == "import" else _export(args)
    except ExcelError as exc:
        print(exc.line(), file=sys.stderr)
        return REFUSED
    except (StoreError, OSError) as exc:
        print(str(exc), file=sys.stderr)
        return FAILED
    finally:
        if lock is not None:
            lock.unlock()


def _open(data_dir: Path) -> None:
    from db.storage import store
    from db.trust import audit
    store.open_database(data_dir, backup_on_open=False)
    audit.act_as(None, "command line")


def _import(args, data_dir: Path) -> int:
    from db.excel import apply, report, workflow
    from db.excel.plan import PROBLEMS, STATUS_LABELS

    _open(data_dir)
    plan = workflow.plan_file(args.kind, args.file, args.sheet)
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


def _export(args) -> int:
    code = _write_export(args)
    if code == 0 and not args.template:
        from db.trust import audit
        audit.record("export", args.kind, detail={"file": str(args.file)})
    return code


def _write_export(args) -> int:
    from db.excel import kinds, write
    from db.storage import paths

    _open(paths.resolve_data_dir(args.data_dir))
    target: Path = args.file
    if args.template:
        for key in (kinds.available() if args.kind == "all" else [args.kind]):
            write.template(kinds.get(key), target)
        print(f"已生成模板：{target}")
        return 0
    if target.suffix.lower() == ".csv":
        if args.kind == "all":
            print(f"{target.name}：CSV 只能导出一种数据，请用 .xlsx 导出全部", file=sys.stderr)
            return REFUSED
        count = write.export_csv(kinds.get(args.kind), target)
        print(f"已导出 {count} 行：{target}")
        return 0
    if args.kind == "all":
        counts = write.export_all(target)
        print(f"已导出：{target}（" + "，".join(f"{k} {n}" for k, n in counts.items()) + "）")
    else:
        count = write.export(kinds.get(args.kind), target)
        print(f"已导出 {count} 行：{target}")
    return 0


def _lock(data_dir: Path):
    from PySide6.QtCore import QLockFile
    lock = QLockFile(str(data_dir / "kefudesk.lock"))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(100) else None
