"""What an import did besides new and updated rows, counted by kind of note, for the command
line's summary line (the wizard words the same counts through its translations).

"3 位新客服已创建（小王、小李、阿珍）；2 行称呼冲突未更新；4 行的未对应列已追加到备注"
"""
from __future__ import annotations

import dataclasses

from db.excel.plan import CONFLICT, NEW_STAFF, NEW_TYPE, Plan, RowPlan

# kind -> (words after the import, words of a dry run); {n} rows or names, {names} the names.
WORDS = {
    NEW_STAFF: ("{n} 位新客服已创建（{names}）", "将新建 {n} 位客服（{names}）"),
    NEW_TYPE: ("{n} 个新客户类型已创建（{names}）", "将新建 {n} 个客户类型（{names}）"),
    "name_conflict": ("{n} 行称呼冲突未更新", "{n} 行称呼冲突，将不更新"),
    "contact_conflict": ("{n} 行联系方式冲突未更新", "{n} 行联系方式冲突，将不更新"),
    "stamp_conflict": ("{n} 行冲突保留了软件中的数据", "{n} 行冲突，将保留软件中的数据"),
    "resolved": ("{n} 行冲突按选择导入", "{n} 行冲突将按选择导入"),
    "extra_kept": ("{n} 行的未对应列已追加到备注", "{n} 行的未对应列将追加到备注"),
    "name_variant": ("{n} 行称呼写法不同，保留了软件中的写法", "{n} 行称呼写法不同，将保留软件中的写法"),
    "staff_dropped": ("{n} 行的负责客服不在名单中，未设置", "{n} 行的负责客服不在名单中，将不设置"),
    "type_dropped": ("{n} 行的客户类型不存在，未设置", "{n} 行的客户类型不存在，将不设置"),
    "id_missing": ("{n} 行的编号在本软件中不存在，已按联系方式匹配",
                   "{n} 行的编号在本软件中不存在，将按联系方式匹配"),
    "joined": ("{n} 行刚由另一台电脑新增过：已并入，只补充了空白的信息", "{n} 行刚由另一台电脑新增过"),
    "user_skipped": ("{n} 行按选择跳过", "{n} 行将按选择跳过"),
    "note": ("{n} 行有其他说明", "{n} 行有其他说明"),
}
_CREATED_FIELD = {NEW_STAFF: "staff", NEW_TYPE: "type"}
# Notes that say what writing the row does: untrue of a row that is not written (a conflict
# the command line keeps as the app has it, a row the user skipped).
WHEN_WRITTEN = frozenset({NEW_STAFF, NEW_TYPE, "extra_kept", "staff_dropped", "type_dropped"})


@dataclasses.dataclass
class NoteCount:
    kind: str  # a key of WORDS
    count: int  # rows, or names created
    names: list[str] = dataclasses.field(default_factory=list)


def count_notes(plan: Plan) -> list[NoteCount]:
    """Every kind of note of the plan's rows as they stand (the user's choices included), in
    the order of WORDS. Created names count once, and only from rows that are written."""
    rows: dict[str, int] = {}
    names: dict[str, dict[str, None]] = {NEW_STAFF: {}, NEW_TYPE: {}}
    for row in plan.rows:
        for kind in _kinds(row):
            if kind in names:
                if row.will_write:
                    value = (row.values if row.record is None else row.to_apply).get(
                        _CREATED_FIELD[kind])
                    if value:
                        names[kind][value] = None
            elif (kind in WHEN_WRITTEN or kind == "name_variant") and not row.will_write:
                continue
            else:
                rows[kind] = rows.get(kind, 0) + 1
    out = []
    for kind in WORDS:
        if kind in names and names[kind]:
            out.append(NoteCount(kind, len(names[kind]), list(names[kind])))
        elif rows.get(kind):
            out.append(NoteCount(kind, rows[kind]))
    return out


def standing(row: RowPlan) -> list[str]:
    """The row's notes that hold as it stands: a row that is not written creates no staff
    member and appends nothing to anyone's 备注."""
    if row.will_write:
        return row.notes
    return [n for n in row.notes if getattr(n, "kind", "note") not in WHEN_WRITTEN]


def reason(row: RowPlan) -> str:
    """The row's reason as it stands, for the command line and the problem report."""
    if row.will_write or not row.notes:
        return row.reason
    return "；".join(standing(row))


def offered(plan: Plan, kind: str, key: str) -> list[str]:
    """The values the rows' notes of this kind name (the staff members to create ...), in the
    order of the sheet, whether or not their rows are written."""
    found: dict[str, None] = {}
    for row in plan.rows:
        if kind in row.note_kinds and row.values.get(key):
            found[row.values[key]] = None
    return list(found)


def created_names(plan: Plan, kind: str) -> list[str]:
    """The names created by the rows that are written (NEW_STAFF / NEW_TYPE)."""
    return next((n.names for n in count_notes(plan) if n.kind == kind), [])


def _kinds(row: RowPlan) -> list[str]:
    kinds = list(dict.fromkeys(row.note_kinds))
    if row.status == CONFLICT:
        if row.will_write:  # resolved by the user: no longer "not updated"
            kinds = [k for k in kinds if not k.endswith("_conflict")] + ["resolved"]
    elif not row.include and row.status in ("new", "update"):
        kinds.append("user_skipped")
    return kinds


def summary_line(plan: Plan, done: bool) -> str:
    """The notes in one line, in the shop's words ("" when there are none)."""
    parts = []
    for note in count_notes(plan):
        after, before = WORDS[note.kind]
        parts.append((after if done else before).format(n=note.count, names="、".join(note.names)))
    return "；".join(parts)
