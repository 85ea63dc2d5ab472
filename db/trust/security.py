"""Owner password and staff PINs: slow salted hashes (scrypt, in the standard library), and
the list of actions that need the owner once a password is set.

Each hash is stored with its own cost parameters, so a hash made with an older, cheaper cost
still checks, and is made again with today's cost at the next successful sign-in. A PIN
guessed wrong 5 times in a row makes the next try wait, longer after each miss; the count
lives in the database, so restarting the app does not reset it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from pathlib import Path

from db import clock
from db.errors import WordedError
from db.models import Credential, Staff
from db.storage import at_rest, encryption, keywrap, settings
from db.vocabulary import QT_TRANSLATE_NOOP
from db.trust import audit, log_chain

# scrypt cost N=2^17, r=8 (OWASP's floor): 128 MB and ~0.4 s per check here. Hashes made
# with N=2^14 before schema 10 still check and are upgraded at the next sign-in.
SCRYPT = {"n": 2 ** 17, "r": 8, "p": 1}
MIN_PASSWORD = 6
MIN_PIN, MAX_PIN = 6, 8
# Wrong PINs: 5 tries free, then 30 s, 60 s, 120 s ... at most one hour before the next.
FREE_TRIES, FIRST_WAIT, LONGEST_WAIT = 5, 30, 3600

# What only the owner may do once an owner password is set.
OWNER_ACTIONS = frozenset({"delete_customers", "empty_trash", "export_all", "restore_backup",
                           "change_settings", "edit_phrases", "view_audit", "export_list",
                           "import_updates"})
# Actions the owner may hand to staff in 设置 → 安全 (both off by default): the setting key.
STAFF_MAY = {"export_list": "staff_may_export_list", "import_updates": "staff_may_update_on_import"}


class SecurityError(WordedError):
    context = "SecurityError"


class PinLocked(SecurityError):
    """Too many wrong PINs: `seconds` to wait before the next try."""

    def __init__(self, seconds: int):
        super().__init__(QT_TRANSLATE_NOOP("SecurityError", "PIN 连续输错多次，请 %1 秒后再试"),
                         seconds)
        self.seconds = seconds


_WRONG_PASSWORD = QT_TRANSLATE_NOOP("SecurityError", "当前密码不正确")


def _hash(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # scrypt needs 128 * r * (n + p + 2) bytes; OpenSSL refuses above maxmem (default 32 MB).
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                          maxmem=128 * r * (n + p + 2) + (1 << 20))


def _store(key: str, secret: str, **extra) -> None:
    salt = secrets.token_bytes(16)
    payload = json.dumps({**SCRYPT, "salt": salt.hex(),
                          "hash": _hash(secret, salt, **SCRYPT).hex(), **extra})
    Credential.insert(key=key, secret=payload).on_conflict(
        conflict_target=[Credential.key], update={Credential.secret: payload}).execute()


def _check(key: str, secret: str) -> bool:
    """Whether `secret` matches; a match against a hash of an older cost is hashed again."""
    row = Credential.get_or_none(Credential.key == key)
    if row is None:
        return False
    stored = json.loads(row.secret)
    ok = _matches(stored, secret)
    if ok and (stored["n"], stored["r"], stored["p"]) < (SCRYPT["n"], SCRYPT["r"], SCRYPT["p"]):
        extra = {"digits": len(secret)} if key.startswith("pin:") else {}
        _store(key, secret, **extra)
    return ok


def _matches(stored: dict, secret: str) -> bool:
    # Parameters come from the database: a row edited to ask for gigabytes is no match.
    if not (stored["n"] <= 2 ** 20 and stored["r"] <= 16 and stored["p"] <= 4):
        return False
    digest = _hash(secret, bytes.fromhex(stored["salt"]), stored["n"], stored["r"], stored["p"])
    return hmac.compare_digest(digest, bytes.fromhex(stored["hash"]))


def hash_cost(key: str = "owner") -> dict | None:
    """The stored cost parameters of a credential (n, r, p), None when there is none."""
    row = Credential.get_or_none(Credential.key == key)
    if row is None:
        return None
    stored = json.loads(row.secret)
    return {k: stored[k] for k in ("n", "r", "p")}


def has_owner_password() -> bool:
    """Whether owner checks apply: an owner password is stored, or the activity log says one
    was set and its row has gone (removed behind the app's back: owner actions stay locked)."""
    return owner_row_exists() or _log_says_owner_password()


def owner_row_exists() -> bool:
    return Credential.select().where(Credential.key == "owner").exists()


def owner_row_missing() -> bool:
    """The owner password's row was deleted outside the app (the log says one is set)."""
    return not owner_row_exists() and _log_says_owner_password()


def _log_says_owner_password() -> bool:
    return log_chain.owner_password_logged()


def set_owner_password(new: str, current: str | None, by: Staff | None) -> str | None:
    """Set or change the owner password; the data is encrypted at rest from then on
    (db.storage.at_rest). Returns the recovery key when a new one was made: show it once."""
    if owner_row_missing():
        raise SecurityError(QT_TRANSLATE_NOOP(
            "SecurityError", "店主密码记录被删除（操作日志记录了已设置的密码）：请恢复之前的备份"))
    if has_owner_password() and not _check("owner", current or ""):
        raise SecurityError(_WRONG_PASSWORD)
    if len(new) < MIN_PASSWORD:
        raise SecurityError(QT_TRANSLATE_NOOP("SecurityError", "密码至少 %1 位"), MIN_PASSWORD)
    _store("owner", new)
    audit.record("password", "credential", detail="设置了店主密码", staff=by)
    return at_rest.password_set(new, current)


def clear_owner_password(current: str, by: Staff | None) -> None:
    if not _check("owner", current):
        raise SecurityError(_WRONG_PASSWORD)
    Credential.delete().where(Credential.key == "owner").execute()
    audit.record("password", "credential", detail="取消了店主密码", staff=by)
    at_rest.password_removed(current)


def check_owner_password(password: str, by: Staff | None = None) -> bool:
    ok = _check("owner", password)
    if not ok:
        audit.record("denied", "credential", detail="店主密码错误", staff=by)
    return ok


def check_owner_password_in(backup: Path, password: str) -> bool:
    """Whether a backup file's own owner password is `password` (restoring a backup from
    before the owner row was removed behind the app's back)."""
    try:
        key = encryption.key_for(Path(backup))
    except encryption.KeyNeeded:  # encrypted, its key not kept here: the password unwraps it
        try:
            key = keywrap.unwrap(encryption.find_header(Path(backup)) or {}, password)
        except (keywrap.WrongSecret, KeyError, ValueError):
            return False
    try:
        conn = encryption.raw_connect(Path(backup), key, readonly=True)
        try:
            row = conn.execute("SELECT secret FROM credential WHERE key = 'owner'").fetchone()
        finally:
            conn.close()
    except encryption.Error:
        return False
    if row is None:
        return False
    return _matches(json.loads(row[0]), password)


def needs_owner(action: str) -> bool:
    if action not in OWNER_ACTIONS:
        raise KeyError(action)
    if action in STAFF_MAY and settings.get(STAFF_MAY[action]):
        return False
    return has_owner_password()


def has_pin(staff_id: int) -> bool:
    return Credential.select().where(Credential.key == f"pin:{staff_id}").exists()


def set_pin(staff_id: int, pin: str | None) -> None:
    if not pin:
        Credential.delete().where(Credential.key.in_(
            [f"pin:{staff_id}", f"pin_misses:{staff_id}"])).execute()
        return
    if not (pin.isdigit() and MIN_PIN <= len(pin) <= MAX_PIN):
        raise SecurityError(QT_TRANSLATE_NOOP("SecurityError", "PIN 为 %1–%2 位数字"), MIN_PIN,
                            MAX_PIN)
    _store(f"pin:{staff_id}", pin, digits=len(pin))
    Credential.delete().where(Credential.key == f"pin_misses:{staff_id}").execute()


def pin_wait(staff_id: int) -> int:
    """Seconds before this staff member may try a PIN again (0: now)."""
    row = Credential.get_or_none(Credential.key == f"pin_misses:{staff_id}")
    if row is None:
        return 0
    until = json.loads(row.secret).get("until")
    if not until:
        return 0
    left = (dt.datetime.fromisoformat(until) - clock.now()).total_seconds()
    return max(0, int(left + 0.999))


def check_pin(staff_id: int, pin: str) -> bool:
    """Raises PinLocked while a wait after wrong PINs runs (the PIN is not even checked)."""
    wait = pin_wait(staff_id)
    if wait:
        raise PinLocked(wait)
    ok = _check(f"pin:{staff_id}", pin)
    key = f"pin_misses:{staff_id}"
    if ok:
        Credential.delete().where(Credential.key == key).execute()
        return True
    row = Credential.get_or_none(Credential.key == key)
    misses = (json.loads(row.secret)["misses"] if row else 0) + 1
    state = {"misses": misses, "until": None}
    if misses >= FREE_TRIES:
        seconds = min(LONGEST_WAIT, FIRST_WAIT * 2 ** (misses - FREE_TRIES))
        state["until"] = (clock.now() + dt.timedelta(seconds=seconds)).isoformat()
    payload = json.dumps(state)
    Credential.insert(key=key, secret=payload).on_conflict(
        conflict_target=[Credential.key], update={Credential.secret: payload}).execute()
    audit.record("denied", "credential", staff_id, detail="PIN 错误")
    return False


def pins_to_renew() -> list[int]:
    """Staff whose PIN is shorter than 6 digits, or not yet known (set before schema 10 and
    not used since): they still sign in with it; the owner sets a new one in 设置 → 安全."""
    found = []
    for row in Credential.select().where(Credential.key.startswith("pin:")):
        if json.loads(row.secret).get("digits", 0) < MIN_PIN:
            found.append(int(row.key.split(":", 1)[1]))
    return sorted(found)


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
