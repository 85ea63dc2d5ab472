"""Owner password and staff PINs: slow salted hashes (scrypt, in the standard library), and
the list of actions that need the owner once a password is set."""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets

from db.models import Credential, Staff
from db.storage import at_rest
from db.trust import audit

# scrypt cost: ~50 ms per check here, far too slow for guessing a shop password offline.
SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}
MIN_PASSWORD = 6

# What only the owner may do once an owner password is set.
OWNER_ACTIONS = frozenset({"delete_customers", "empty_trash", "export_all", "restore_backup",
                           "change_settings", "edit_phrases", "view_audit"})


class SecurityError(ValueError):
    pass


def _hash(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                          maxmem=64 * 1024 * 1024)


def _store(key: str, secret: str) -> None:
    salt = secrets.token_bytes(16)
    payload = json.dumps({**SCRYPT, "salt": salt.hex(),
                          "hash": _hash(secret, salt, **SCRYPT).hex()})
    Credential.insert(key=key, secret=payload).on_conflict(
        conflict_target=[Credential.key], update={Credential.secret: payload}).execute()


def _check(key: str, secret: str) -> bool:
    row = Credential.get_or_none(Credential.key == key)
    if row is None:
        return False
    stored = json.loads(row.secret)
    digest = _hash(secret, bytes.fromhex(stored["salt"]), stored["n"], stored["r"], stored["p"])
    return hmac.compare_digest(digest, bytes.fromhex(stored["hash"]))


def has_owner_password() -> bool:
    return Credential.select().where(Credential.key == "owner").exists()


def set_owner_password(new: str, current: str | None, by: Staff | None) -> str | None:
    """Set or change the owner password; the data is encrypted at rest from then on
    (db.storage.at_rest). Returns the recovery key when a new one was made: show it once."""
    if has_owner_password() and not _check("owner", current or ""):
        raise SecurityError("当前密码不正确")
    if len(new) < MIN_PASSWORD:
        raise SecurityError(f"密码至少 {MIN_PASSWORD} 位")
    _store("owner", new)
    audit.record("password", "credential", detail="设置了店主密码", staff=by)
    return at_rest.password_set(new, current)


def clear_owner_password(current: str, by: Staff | None) -> None:
    if not _check("owner", current):
        raise SecurityError("当前密码不正确")
    Credential.delete().where(Credential.key == "owner").execute()
    audit.record("password", "credential", detail="取消了店主密码", staff=by)
    at_rest.password_removed(current)


def check_owner_password(password: str, by: Staff | None = None) -> bool:
    ok = _check("owner", password)
    if not ok:
        audit.record("denied", "credential", detail="店主密码错误", staff=by)
    return ok


def needs_owner(action: str) -> bool:
    if action not in OWNER_ACTIONS:
        raise KeyError(action)
    return has_owner_password()


def has_pin(staff_id: int) -> bool:
    return Credential.select().where(Credential.key == f"pin:{staff_id}").exists()


def set_pin(staff_id: int, pin: str | None) -> None:
    if not pin:
        Credential.delete().where(Credential.key == f"pin:{staff_id}").execute()
        return
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise SecurityError("PIN 为 4–8 位数字")
    _store(f"pin:{staff_id}", pin)


def check_pin(staff_id: int, pin: str) -> bool:
    return _check(f"pin:{staff_id}", pin)


def login_secret_needed(staff: Staff) -> str | None:
    """What a staff member must type to start working: 'password' (owner), 'pin', or None."""
    if staff.role == "owner" and has_owner_password():
        return "password"
    if has_pin(staff.id):
        return "pin"
    return None


def check_login(staff: Staff, secret: str) -> bool:
    needed = login_secret_needed(staff)
    if needed == "password":
        return check_owner_password(secret, staff)
    if needed == "pin":
        return check_pin(staff.id, secret)
    return True
