"""Owner password and PINs: hashed, checked, never stored or logged in clear."""
from __future__ import annotations

import pytest

from db.models import AuditLog, Credential, Setting
from db.trust import security, staff as staff_rules


def test_owner_password_is_hashed_and_checked(database, owner):
    assert not security.has_owner_password()
    assert not security.needs_owner("delete_customers")
    security.set_owner_password("kaidian2026", None, owner)
    assert security.needs_owner("delete_customers") and security.needs_owner("export_all")
    assert security.check_owner_password("kaidian2026")
    assert not security.check_owner_password("kaidian2025")
    stored = Credential.get_by_id("owner").secret
    everything = stored + "".join(a.detail for a in AuditLog.select()) + \
        "".join(s.value for s in Setting.select())
    assert "kaidian2026" not in everything
    assert '"n": 16384' in stored


def test_changing_the_password_needs_the_current_one(database, owner):
    security.set_owner_password("first-pass", None, owner)
    with pytest.raises(security.SecurityError, match="当前密码"):
        security.set_owner_password("second-pass", "wrong", owner)
    with pytest.raises(security.SecurityError, match="至少"):
        security.set_owner_password("123", "first-pass", owner)
    security.set_owner_password("second-pass", "first-pass", owner)
    assert security.check_owner_password("second-pass")
    with pytest.raises(security.SecurityError):
        security.clear_owner_password("first-pass", owner)
    security.clear_owner_password("second-pass", owner)
    assert not security.has_owner_password()


def test_failed_owner_login_is_audited(database, owner):
    security.set_owner_password("kaidian2026", None, owner)
    security.check_owner_password("guess", owner)
    assert AuditLog.select().where(AuditLog.action == "denied").count() == 1


def test_login_needs_password_for_owner_and_pin_for_staff_with_one(database, owner):
    helper = staff_rules.add("阿强")
    assert security.login_secret_needed(owner) is None
    assert security.check_login(helper, "")
    security.set_owner_password("kaidian2026", None, owner)
    security.set_pin(helper.id, "2468")
    assert security.login_secret_needed(owner) == "password"
    assert security.login_secret_needed(helper) == "pin"
    assert security.check_login(helper, "2468") and not security.check_login(helper, "1357")
    assert security.check_login(owner, "kaidian2026")
    with pytest.raises(security.SecurityError):
        security.set_pin(helper.id, "12ab")
    security.set_pin(helper.id, None)
    assert security.login_secret_needed(helper) is None
