"""The core's form errors (db.errors.FieldError and its kinds) and stale-edit messages: str()
stays the Chinese sentence (command line, logs, reports), worded() follows the interface
language; every raise site is marked for translation under its class's context."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from db import vocabulary
from db.cases import records as cases, settings as case_settings
from db.customers import records as customers
from db.customers.records import CustomerData
from db.errors import FieldError, StaleEdit, StoreError
from db.models import Case
from db.orders.records import OrderError
from db.snippets import library as snippets, phrases
from tests.helpers import call_name as _name, check_site, english, marked as _marked

ROOT = Path(__file__).resolve().parents[2]
KINDS = {kind.__name__: kind.context for kind in (
    FieldError, cases.CaseError, customers.CustomerError, snippets.SnippetError,
    phrases.PhraseError, OrderError)}


def _sites():
    """Every raise of a FieldError kind and every stale(...) message in db/."""
    for path in sorted((ROOT / "db").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) in KINDS and node.args:
                yield path, node.lineno, _name(node.func), node.args[1:]
            elif isinstance(node, ast.Call) and _name(node.func) == "stale" and node.args:
                yield path, node.lineno, "StaleEdit", node.args


def test_every_raise_site_is_marked_under_its_context_and_translated():
    translated = english()
    marked = passed_on = 0
    for path, line, kind, args in _sites():
        where = f"{path.relative_to(ROOT)}:{line}"
        if kind in KINDS and isinstance(args[0], ast.Name) and args[0].id == "message":
            continue  # FieldError's own signature, and the errors raised by the desktop
        found = _marked(args[0])
        if found is None:
            # Another rule's words passed on: "%1" with that error (the phone rules), or the
            # pattern rules' problem(), whose texts are marked in the same context.
            assert (isinstance(args[0], ast.Constant) and args[0].value == "%1"
                    and len(args) == 2) or _name(getattr(args[0], "func", args[0])) == \
                "problem", f"{where}: not marked for translation"
            passed_on += 1
            continue
        check_site(f"{where} ({kind})", found, KINDS.get(kind, kind), len(args) - 1, translated)
        marked += 1
    assert marked >= 60 and passed_on == 2, (marked, passed_on)  # 64 and 2 when written
    problems = [(c, t) for path in [ROOT / "db/snippets/rule_pattern.py"]
                for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if (found := _marked(node)) for c, t in [found]]
    assert len(problems) == 3 and all(c == "PhraseError" and (c, t) in translated
                                      for c, t in problems)


def test_errors_are_chinese_as_text_and_english_when_worded(
        database, owner, interface_in_english):
    with pytest.raises(cases.CaseError) as empty:
        cases.create(cases.CaseData(customer_id=customers.create(
            CustomerData(name="王伟"), owner).id), owner)
    assert (empty.value.field, str(empty.value)) == (
        "description", "请填写问题描述（买家的原话）或选择问题分类")
    assert empty.value.worded() == ("Describe the problem (the buyer's own words) or choose "
                                    "a problem category")

    with pytest.raises(cases.CaseError) as limit:  # a field label and a severity put in
        case_settings.save_limits({"apology_hours": {"simple": 100}}, 7, owner)
    assert str(limit.value) == "“接待道歉时限（简单）”应在 0.25–72 之间"
    assert limit.value.worded() == "“Time to receive and apologise (Simple)” must be between 0.25 and 72"

    with pytest.raises(cases.CaseError) as long:
        cases.clean(cases.CaseData(customer_id=1, order_no="1" * 101))
    assert str(long.value) == "“订单号”太长（最多 100 个字）"
    assert long.value.worded() == "“Order no.” is too long (at most 100 characters)"

    with pytest.raises(customers.CustomerError) as phone:  # the phone rules' words inside
        customers.clean(CustomerData(name="甲", phone="12ab"))
    assert (phone.value.field, str(phone.value)) == ("phone", "“12ab” 含有非数字字符")
    assert phone.value.worded().startswith("“12ab”")
    assert not re.search(r"[\u3400-\u9fff]", phone.value.worded()), phone.value.worded()

    with pytest.raises(cases.CaseError) as twice:  # a default category is a word of the app
        case_settings.save_categories(["质量问题", "开票", "质量问题"])
    assert str(twice.value) == "分类“质量问题”重复了"
    assert twice.value.worded() == "The category “Quality problem” appears twice", \
        twice.value.worded()
    with pytest.raises(cases.CaseError) as own:  # the shop's own, as typed
        case_settings.save_categories(["开票", "开票"])
    assert own.value.worded() == "The category “开票” appears twice"

    with pytest.raises(snippets.SnippetError) as code:
        snippets.clean(snippets.SnippetData(title="问候", body="您好", shortcut="a%2 b"))
    assert str(code.value) == "短语码“a%2 b”只能用英文字母和数字（如 dq）"  # "%2" typed stays
    assert code.value.worded() == \
        "Shortcut “a%2 b” may use only English letters and digits (such as dq)"


def test_a_stale_save_says_who_and_what_in_the_interface_language(
        database, owner, interface_in_english):
    buyer = customers.create(CustomerData(name="王伟"), owner)
    case = cases.create(cases.CaseData(customer_id=buyer.id, description="破了"), owner)
    seen = Case.get_by_id(case.id).version
    cases.add_note(case.id, owner, "已联系买家")  # someone else, meanwhile
    with pytest.raises(StaleEdit) as stale:
        cases.update(case.id, cases.CaseData.of(Case.get_by_id(case.id)), owner,
                     expected_version=seen)
    assert str(stale.value) == f"工单 #{case.id} 已被其他人修改，请重新打开后再保存"
    assert stale.value.worded() == \
        f"Case #{case.id} was changed by someone else; reopen it before saving"
    message = cases.stale_message(case.id)
    assert str(message).startswith(f"工单 #{case.id} 在你操作期间已被其他人修改（店主小美 ")
    assert str(message).endswith("：已联系买家），现在处于“热情接待”阶段。这一步没有执行，请查看最新内容后再操作。")
    worded = message.worded()
    assert worded.startswith(f"Case #{case.id} was changed by someone else meanwhile (店主小美 ")
    assert worded.endswith("and is now at “Warm reception”. This step was not done; look at the "
                           "latest before trying again."), worded
    assert "已联系买家" in worded  # the note as typed, inside its English sentence

    vocabulary.set_translator(None)  # no translator: worded() is the Chinese text
    assert stale.value.worded() == str(stale.value) and message.worded() == str(message)


WORDED = {"StaffError": "StaffError", "SecurityError": "SecurityError",
          "PeriodError": "PeriodError"}  # db.errors.WordedError's kinds: the template first


def test_every_refusal_without_a_field_is_marked_and_translated():
    translated = english()
    count = 0
    for path in sorted((ROOT / "db").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        constants = {target.id: node.value for node in ast.parse(source).body
                     if isinstance(node, ast.Assign) for target in node.targets
                     if isinstance(target, ast.Name)}  # _TAKEN = QT_TRANSLATE_NOOP(...)
        for node in ast.walk(ast.parse(source)):
            name = _name(node.func) if isinstance(node, ast.Call) else None
            if name not in WORDED or not node.args:
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            template = node.args[0]
            if isinstance(template, ast.Name):
                template = constants.get(template.id, template)
            found = _marked(template)
            assert found is not None, f"{where}: not marked for translation"
            check_site(where, found, WORDED[name], len(node.args) - 1, translated)
            count += 1
    assert count >= 14, count  # 14 when written (PinLocked: checked by its wording below)


def test_staff_security_and_period_refusals_are_english_when_worded(
        database, interface_in_english):
    import datetime as dt
    from db.reports import periods
    from db.trust import security, staff
    staff.add("小美", role="owner")
    with pytest.raises(staff.StaffError) as taken:
        staff.add("小美")
    assert (str(taken.value), taken.value.worded()) == (
        "客服“小美”已存在", "There is already a staff member called “小美”")
    with pytest.raises(security.SecurityError) as short:
        security.set_pin(staff.active_staff()[0].id, "12")
    assert short.value.worded() == "A PIN is 6–8 digits"
    assert security.PinLocked(30).worded() == "Too many wrong PINs; try again in 30 seconds"
    with pytest.raises(periods.PeriodError) as backwards:
        periods.custom(dt.date(2026, 3, 2), dt.date(2026, 3, 1))
    assert backwards.value.worded() == "The start date 2026-03-02 is after the end date 2026-03-01"


STORE_KINDS = {"StoreError", "MirrorError", "DamagedDatabase", "ReadOnlyFolder", "ServerError",
               "ManagedServerError", "JoinError", "KeyNeeded"}


def test_every_storage_failure_is_a_message_the_window_can_translate():
    """A storage failure's sentence (db.errors.StoreError and its kinds) is store_message(a
    template marked under "StoreError", its values), or words already translated
    (errors.setup_message, translate(...)) or another error's text: never an f-string or a
    Chinese sentence as it stands."""
    translated = english()
    made = 0
    for path in sorted((ROOT / "db").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if _name(node.func) in STORE_KINDS and node.args:
                first = node.args[0]
                assert not isinstance(first, ast.JoinedStr), f"{where}: an f-string"
                assert not (isinstance(first, ast.Constant) and isinstance(first.value, str)
                            and re.search(r"[\u4e00-\u9fff]", first.value)), f"{where}: as it stands"
            if _name(node.func) == "store_message":
                found = _marked(node.args[0])
                assert found is not None, f"{where}: not marked"
                check_site(where, found, "StoreError", len(node.args) - 1, translated)
                made += 1
    assert made >= 25, made  # 25 when written


def test_storage_failures_are_english_when_worded(tmp_path, monkeypatch, interface_in_english):
    from db.storage import backups, lock
    bad = tmp_path / "kefudesk-20261130-120000-manual.sqlite3"
    bad.write_bytes(b"not a database")
    with pytest.raises(StoreError) as refused:
        backups.recover_damaged(tmp_path / "data", bad)
    assert refused.value.worded().startswith("The backup file failed its integrity check (")
    assert str(refused.value).startswith("备份文件未通过完整性检查（")

    def refuse(_path):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(lock, "_open", refuse)
    with pytest.raises(StoreError) as read_only:
        lock.DataFolderLock(tmp_path).acquire()
    assert read_only.value.worded() == (
        f"The data folder is read-only or cannot be written: {tmp_path} (Permission denied). "
        "Check the folder's permissions, or give a writable folder with --data-dir")
