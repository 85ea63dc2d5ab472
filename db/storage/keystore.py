"""Secrets kept for this computer's user: the database key and the team server's password.

The operating system's credential store through `keyring` (Windows Credential Manager, macOS
Keychain, Secret Service on Linux). Where none exists (a Linux desktop without a Secret Service,
a headless machine), a key file readable only by the user in the user's config folder is the
fallback: weaker, since anyone who can read the user's files (an administrator, a backup of the
home folder) can read it; README says so. Every keyring call of the app goes through here."""
from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

SERVICE = "KefuDesk"
FALLBACK_NAME = "keys.json"
# Tests and portable set-ups may move the fallback file; the app never sets it.
FALLBACK_DIR_ENV = "KEFUDESK_KEY_DIR"


def _keyring():
    """keyring, imported on first use: ~50 ms that a plain database's start-up never pays."""
    import keyring  # noqa: PLC0415
    import keyring.errors  # noqa: PLC0415
    return keyring


def has_os_store() -> bool:
    """A real credential store is there (keyring's 'fail' and plain-text backends are not)."""
    backend = _keyring().get_keyring()
    try:
        return backend.priority > 0 and "fail" not in type(backend).__module__ \
            and "Plaintext" not in type(backend).__name__
    except Exception:  # a backend without a usable priority  # noqa: BLE001
        return False


def where() -> str:
    """For the user: where secrets are kept on this computer."""
    if has_os_store():
        return f"系统凭据库（{type(_keyring().get_keyring()).__name__}）"
    return f"密钥文件 {fallback_file()}（仅本用户可读）"


def get(name: str) -> str | None:
    if has_os_store():
        keyring = _keyring()
        try:
            return keyring.get_password(SERVICE, name)
        except keyring.errors.KeyringError:
            pass  # a locked or broken store: the fallback file may still hold it
    return _read_fallback().get(name)


def put(name: str, secret: str) -> None:
    if has_os_store():
        keyring = _keyring()
        try:
            keyring.set_password(SERVICE, name, secret)
            return
        except keyring.errors.KeyringError:
            pass
    stored = _read_fallback()
    stored[name] = secret
    _write_fallback(stored)


def delete(name: str) -> None:
    if has_os_store():
        keyring = _keyring()
        try:
            keyring.delete_password(SERVICE, name)
        except keyring.errors.KeyringError:
            pass  # not there
    stored = _read_fallback()
    if stored.pop(name, None) is not None:
        _write_fallback(stored)


def fallback_file() -> Path:
    folder = os.environ.get(FALLBACK_DIR_ENV) or platformdirs.user_config_dir(
        "KefuDesk", appauthor=False, roaming=False)
    return Path(folder) / FALLBACK_NAME


def _read_fallback() -> dict[str, str]:
    try:
        return json.loads(fallback_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_fallback(stored: dict[str, str]) -> None:
    path = fallback_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = path.with_suffix(".partial")
    # Created private before any secret is written into it.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(stored, out)
    partial.replace(path)
