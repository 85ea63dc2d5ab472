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
from db.excel.errors import ExcelError, listed
from db.vocabulary import QT_TRANSLATE_NOOP, Message, Word
from db.models import BaseModel
from db.storage import backups, paths, settings


_H = "ImportHistory"  # the translation context of the undo's confirmation
# What each table's rows are called in the shop's words (never a table name in a message).
TABLE_WORDS = {
    "customer": QT_TRANSLATE_NOOP("ImportHistory", "%1 位客户"),
    "contact_log": QT_TRANSLATE_NOOP("ImportHistory", "%1 条联系记录"),
    "customer_type": QT_TRANSLATE_NOOP("ImportHistory", "%1 个客户类型"),
    "tag": QT_TRANSLATE_NOOP("ImportHistory", "%1 个标签"),
    "customer_tag": QT_TRANSLATE_NOOP("ImportHistory", "%1 个客户标签"),
    "staff": QT_TRANSLATE_NOOP("ImportHistory", "%1 位客服"),
    "snippet": QT_TRANSLATE_NOOP("ImportHistory", "%1 条快捷短语"),
    "snippet_category": QT_TRANSLATE_NOOP("ImportHistory", "%1 个短语分类"),
    "forbidden_phrase": QT_TRANSLATE_NOOP("ImportHistory", "%1 条禁用语"),
    "case": QT_TRANSLATE_NOOP("ImportHistory", "%1 个售后工单"),
    "remedy": QT_TRANSLATE_NOOP("ImportHistory", "%1 条补救方案"),
    "case_promise": QT_TRANSLATE_NOOP("ImportHistory", "%1 条工单承诺"),
    "case_event": QT_TRANSLATE_NOOP("ImportHistory", "%1 条工单时间线记录"),
    "credential": QT_TRANSLATE_NOOP("ImportHistory", "%1 个密码设置"),
    "order": QT_TRANSLATE_NOOP("ImportHistory", "%1 个订单"),
    "order_item": QT_TRANSLATE_NOOP("ImportHistory", "%1 条订单商品"),
}
_OTHER = QT_TRANSLATE_NOOP("ImportHistory", "%1 条其他记录")


class Confirmation(str):
    """The undo's confirmation: the Chinese text (the command line), and worded() the same
    in the interface language (the desktop's question)."""
    lines: tuple[Message, ...]

    @classmethod
    def of(cls, *lines: Message) -> "Confirmation":
        said = super().__new__(cls, "\n".join(str(line) for line in lines))
        said.lines = lines
        return said

    def worded(self) -> str:
        return "\n".join(line.worded() for line in self.lines)


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


def describe(last: LastImport) -> Confirmation:
    """The confirmation text: what the import did and what else since then will be lost."""
    at = clock.to_local(last.at).strftime("%Y-%m-%d %H:%M")
    did = Message(_H, QT_TRANSLATE_NOOP(
        "ImportHistory", "将撤销 %1 从“%2”导入的%3（新增 %4，更新 %5），恢复到导入之前。"),
        (at, last.file, Word("ExcelWords", last.title), last.created, last.updated))
    since = changes_since(last.at)
    if not since:
        return Confirmation.of(did, Message(_H, QT_TRANSLATE_NOOP("ImportHistory", "导入之后没有其他修改。")))
    parts = listed(Message(_H, TABLE_WORDS.get(t, _OTHER), (n,)) for t, n in since.items())
    return Confirmation.of(did, Message(_H, QT_TRANSLATE_NOOP(
        "ImportHistory", "导入之后的这些修改也会丢失：%1。"), (parts,)))


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
