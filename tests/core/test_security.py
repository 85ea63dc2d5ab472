"""Owner password and PINs: hashed, checked, never stored or logged in clear."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from db import clock

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
    assert json.loads(stored)["n"] == 2 ** 17 and json.loads(stored)["r"] == 8


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
    security.set_pin(helper.id, "246813")
    assert security.login_secret_needed(owner) == "password"
    assert security.login_secret_needed(helper) == "pin"
    assert security.check_login(helper, "246813") and not security.check_login(helper, "135791")
    assert security.check_login(owner, "kaidian2026")
    with pytest.raises(security.SecurityError):
        security.set_pin(helper.id, "12ab")
    security.set_pin(helper.id, None)
    assert security.login_secret_needed(helper) is None


def store_old_style(key: str, secret: str, **extra) -> None:
    """A credential as versions before schema 10 stored it: scrypt N=2^14."""
    import hashlib
    import secrets
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=2 ** 14, r=8, p=1, dklen=32)
    Credential.insert(key=key, secret=json.dumps(
        {"n": 2 ** 14, "r": 8, "p": 1, "salt": salt.hex(), "hash": digest.hex(), **extra})
    ).execute()


def test_an_old_owner_hash_is_upgraded_at_the_next_sign_in(database, owner):
    store_old_style("owner", "kaidian2026")
    assert security.hash_cost() == {"n": 2 ** 14, "r": 8, "p": 1}
    assert not security.check_login(owner, "wrong-one")
    assert security.hash_cost()["n"] == 2 ** 14  # a wrong password changes nothing
    assert security.check_login(owner, "kaidian2026")
    assert security.hash_cost() == {"n": 2 ** 17, "r": 8, "p": 1}
    assert security.check_login(owner, "kaidian2026")


def test_pins_have_at_least_six_digits_and_old_short_ones_still_work(database, owner):
    helper = staff_rules.add("阿强")
    with pytest.raises(security.SecurityError, match="6–8"):
        security.set_pin(helper.id, "2468")
    store_old_style(f"pin:{helper.id}", "2468")  # set by an older version
    assert security.pins_to_renew() == [helper.id]
    assert security.check_login(helper, "2468")
    assert json.loads(Credential.get_by_id(f"pin:{helper.id}").secret)["n"] == 2 ** 17
    assert security.pins_to_renew() == [helper.id]  # still short: the owner sets a new one
    security.set_pin(helper.id, "24681357")
    assert security.pins_to_renew() == []


def test_wrong_pins_make_a_growing_wait_that_a_restart_does_not_reset(data_dir, database, owner):
    from db.storage import store
    helper = staff_rules.add("阿强")
    security.set_pin(helper.id, "246813")
    start = dt.datetime(2026, 3, 2, 2, 0)
    clock.freeze(start)
    for _ in range(security.FREE_TRIES - 1):
        assert not security.check_pin(helper.id, "000000")
    assert security.pin_wait(helper.id) == 0
    assert not security.check_pin(helper.id, "000000")  # the fifth miss
    assert security.pin_wait(helper.id) == 30
    with pytest.raises(security.PinLocked) as locked:
        security.check_pin(helper.id, "246813")  # even the right PIN waits
    assert locked.value.seconds == 30

    store.close_database(database, data_dir)  # a restart
    store.open_database(data_dir, backup_on_open=False)
    assert security.pin_wait(helper.id) == 30
    clock.freeze(start + dt.timedelta(seconds=31))
    assert not security.check_pin(helper.id, "111111")  # the sixth miss: twice as long
    assert security.pin_wait(helper.id) == 60
    clock.freeze(start + dt.timedelta(seconds=92))
    assert security.check_pin(helper.id, "246813")
    assert security.pin_wait(helper.id) == 0
    assert AuditLog.select().where(AuditLog.action == "denied").count() == 6
