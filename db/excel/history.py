"""Undo the last import: restore the backup taken just before it, after telling what is lost.

db.storage.backups.restore does the work: it verifies the backup, saves the current state first (so
even the undo can be undone from the backups folder), copies the backup into the live
connection with SQLite's backup API and logs the restore.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from db import clock
from db.excel.apply import LAST_IMPORT_KEY
from db.excel.errors import ExcelError
from db.vocabulary import QT_TRANSLATE_NOOP
from db.models import BaseModel
from db.storage import backups, paths, settings


# What each table's rows are called in the shop's words (never a table name in a message).
TABLE_WORDS = {
    "customer": "位客户", "contact_log": "条联系记录", "customer_type": "个客户类型",
    "tag": "个标签", "customer_tag": "个客户标签", "staff": "位客服", "snippet": "条快捷短语",
    "snippet_category": "个短语分类", "forbidden_phrase": "条禁用语", "case": "个售后工单",
    "remedy": "条补救方案", "case_promise": "条工单承诺", "case_event": "条工单时间线记录",
    "credential": "个密码设置", "order": "个订单", "order_item": "条订单商品",
}


@dataclasses.dataclass
class LastImport:
    title: str
    file: str
    at: dt.datetime  # UTC
    created: int
    updated: int
    by: str
    backup: Path


def last_import(data_dir: Path) -> LastImport | None:
    info = settings.get(LAST_IMPORT_KEY)
    if not info:
        return None
    backup = paths.backup_dir(data_dir) / info["backup"]
    return LastImport(info["title"], info["file"], dt.datetime.fromisoformat(info["at"]),
                      info["created"], info["updated"], info["by"], backup)


def changes_since(moment: dt.datetime) -> dict[str, int]:
    """Rows of every table created or changed after moment: what an undo would lose."""
    found: dict[str, int] = {}
    for model in _models():
        if model._meta.table_name in ("audit_log", "setting"):
            continue  # the log of the import itself is not "work that would be lost"
        stamps = [f for f in (model._meta.fields.get("updated_at"),
                              model._meta.fields.get("created_at")) if f is not None]
        if not stamps:
            continue
        condition = stamps[0] > moment
        for extra in stamps[1:]:
            condition = condition | (extra > moment)
        count = model.select().where(condition).count()
        if count:
            found[model._meta.table_name] = count
    return found


def describe(last: LastImport) -> str:
    """The confirmation text: what the import did and what else since then will be lost."""
    at = clock.to_local(last.at).strftime("%Y-%m-%d %H:%M")
    lines = [f"将撤销 {at} 从“{last.file}”导入的{last.title}"
             f"（新增 {last.created}，更新 {last.updated}），恢复到导入之前。"]
    since = changes_since(last.at)
    if since:
        parts = [f"{n} {TABLE_WORDS.get(t, '条其他记录')}" for t, n in since.items()]
        lines.append("导入之后的这些修改也会丢失：" + "，".join(parts) + "。")
    else:
        lines.append("导入之后没有其他修改。")
    return "\n".join(lines)


def undo_last_import(data_dir: Path) -> Path:
    """Restore the pre-import backup; returns the backup of the state just undone."""
    last = last_import(data_dir)
    if last is None:
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "没有可以撤销的导入"))
    if not last.backup.is_file():
        raise ExcelError(QT_TRANSLATE_NOOP("ExcelError", "导入前的备份已不存在（%1），无法撤销"),
                         last.backup.name)
    safety = backups.restore(data_dir, last.backup)
    settings.put(LAST_IMPORT_KEY, None)
    return safety


def _models() -> list[type[BaseModel]]:
    out, todo = [], list(BaseModel.__subclasses__())
    while todo:
        model = todo.pop()
        out.append(model)
        todo += model.__subclasses__()
    return out
