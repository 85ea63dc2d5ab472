"""Disk full and read-only storage: a clear message, and nothing already saved is lost."""
from __future__ import annotations

import sqlite3

import pytest
from peewee import OperationalError

from db import errors
from db.customers import records as customers
from db.customers.records import CustomerData
from db.models import Customer, database as proxy


@pytest.mark.sqlite_only
def test_disk_full_rolls_back_and_is_explained(database, owner):
    customers.create(CustomerData(name="张三", notes="已保存"), owner)
    pages = proxy.execute_sql("PRAGMA page_count").fetchone()[0]
    proxy.execute_sql(f"PRAGMA max_page_count = {pages + 2}")  # what a full disk looks like to SQLite
    with pytest.raises(OperationalError) as err:
        customers.create(CustomerData(name="李四", notes="很长的备注" * 1900), owner)
    assert "磁盘空间已满" in errors.describe(err.value)
    assert [c.name for c in Customer.select()] == ["张三"]
    assert Customer.get().notes == "已保存"


def test_read_only_database_is_explained(tmp_path):
    path = tmp_path / "x.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (a)").connection.close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as err:
        conn.execute("INSERT INTO t VALUES (1)")
    assert "只读" in errors.describe(err.value)
    assert errors.describe(ValueError("x")) is None


def windows_error(cls, errno_value: int, winerror: int, text: str) -> OSError:
    """An OSError as Windows raises it, worded in the system's language (here Chinese)."""
    error = cls(errno_value, text, "C:\\Users\\张三\\Documents\\导出.xlsx")
    error.winerror = winerror
    return error


def test_failures_are_classified_by_code_never_by_their_text():
    import errno
    held = windows_error(PermissionError, errno.EACCES, 32, "另一个程序正在使用此文件，进程无法访问。")
    full = windows_error(OSError, errno.ENOSPC, 112, "磁盘空间不足。")
    long = windows_error(FileNotFoundError, errno.ENOENT, 206, "文件名或扩展名太长。")
    assert [errors.classify(e) for e in (held, full, long)] == [
        errors.HELD, errors.DISK_FULL, errors.TOO_LONG]
    assert errors.classify(PermissionError(errno.EACCES, "x")) == errors.READ_ONLY
    assert errors.classify(OSError(errno.EROFS, "x")) == errors.READ_ONLY
    assert errors.classify(OSError(errno.ENAMETOOLONG, "x")) == errors.TOO_LONG
    # English text alone no longer decides anything: a message is not a code
    assert errors.classify(RuntimeError("database or disk is full")) is None


def test_a_file_the_user_chose_is_spoken_of_as_that_file():
    import errno
    path = "D:\\报表\\操作日志.xlsx"
    held = windows_error(PermissionError, errno.EACCES, 32, "拒绝访问。")
    assert "正被其他程序打开" in errors.file_message(held, path)
    plain = PermissionError(errno.EACCES, "Permission denied")  # Windows open(): no winerror
    for message in (errors.file_message(held, path), errors.file_message(plain, path)):
        assert path in message and "数据文件夹" not in message and "原有文件没有改动" in message
    assert "磁盘空间已满" in errors.file_message(OSError(errno.ENOSPC, "x"), path)
    assert "路径太长" in errors.file_message(OSError(errno.ENAMETOOLONG, "x"), path)


def test_file_names_made_from_user_text_are_safe_on_every_system():
    from db.storage.files import safe_file_name
    assert safe_file_name("致歉信-王/小:二*?") == "致歉信-王_小_二__"
    assert safe_file_name('a"<b>|c\x07') == "a__b__c_"
    assert safe_file_name("  客户.  ") == "客户"
    assert safe_file_name("CON") == "未命名-CON" and safe_file_name("") == "未命名"
    assert len(safe_file_name("长" * 500)) == 80


def test_a_file_that_cannot_be_saved_is_said_in_the_interface_language(tmp_path):
    import errno
    from db import vocabulary
    from tests.helpers import english
    translated = english()
    path = tmp_path / "客户.xlsx"
    full = OSError(errno.ENOSPC, "No space left on device")
    vocabulary.set_translator(lambda context, text: translated.get((context, text), text))
    try:
        said = errors.file_message(full, path)
    finally:
        vocabulary.set_translator(None)
    assert said == (f"Could not save {path}: the disk is full; free some space or save "
                    "somewhere else. The existing file was not changed.")
    assert errors.file_message(full, path).startswith(f"无法保存 {path}：磁盘空间已满")


def test_a_folder_that_drops_what_is_written_is_said_in_the_interface_language(
        tmp_path, interface_in_english):
    from db.storage import files
    target = tmp_path / "报表.xlsx"
    with pytest.raises(OSError) as dropped:
        files.write_atomically(target, lambda partial: None)  # the writer wrote nothing
    assert not target.exists()
    assert errors.file_message(dropped.value, target) == (
        f"Could not save {target}: nothing was written (报表.xlsx.partial); the folder may "
        "not accept new files. The existing file was not changed.")
    assert str(dropped.value) == "没有写出任何内容（报表.xlsx.partial），可能没有写入权限"
