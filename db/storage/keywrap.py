"""The database key, wrapped by the owner password and by the recovery key.

A random 256-bit key encrypts the database (SQLCipher, used as a raw key: no second slow
derivation at every start). Beside every encrypted file lies a small JSON file (`<file>.key`)
holding that key twice, wrapped: once by a key scrypt derives from the owner password, once by
one it derives from the recovery key. Wrapping uses only the standard library: scrypt with a
fresh salt gives 64 bytes, the first 32 are XORed with the database key (a one-time pad: the salt
is never reused) and the last 32 key an HMAC over the result, so a wrong secret is told apart
from a damaged file and nothing decrypts to a wrong key."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from pathlib import Path

FORMAT = "kefudesk-key-1"
SUFFIX = ".key"
# OWASP's floor for scrypt; the recovery key has 120 random bits, a cheap derivation is enough.
PASSWORD_KDF = {"n": 2 ** 17, "r": 8, "p": 1}
RECOVERY_KDF = {"n": 2 ** 14, "r": 8, "p": 1}


class WrongSecret(ValueError):
    """Neither the password nor the recovery key unwraps this key."""


def new_key() -> bytes:
    return secrets.token_bytes(32)


def new_recovery_key() -> str:
    """24 letters and digits in groups of four: easy to print, read out and type back."""
    text = base64.b32encode(secrets.token_bytes(15)).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def key_id(key: bytes) -> str:
    """Names the key (in the credential store) without revealing it."""
    return hashlib.sha256(b"kefudesk-key-id" + key).hexdigest()[:16]


def passphrase(key: bytes) -> str:
    """SQLCipher's raw-key form."""
    return f"x'{key.hex()}'"


def _normal(secret: str, kind: str) -> bytes:
    if kind == "recovery":  # typed back with any case, spaces or dashes; base32 has no 0/1/8
        secret = "".join(ch for ch in secret.upper() if ch.isalnum())
        secret = secret.translate(str.maketrans("018", "OIB"))
    return secret.encode("utf-8")


def _derive(secret: str, kind: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(_normal(secret, kind), salt=salt, n=n, r=r, p=p, dklen=64,
                          maxmem=256 * 1024 * 1024)


def wrap(key: bytes, secret: str, kind: str) -> dict:
    params = PASSWORD_KDF if kind == "password" else RECOVERY_KDF
    salt = secrets.token_bytes(16)
    derived = _derive(secret, kind, salt, **params)
    wrapped = bytes(a ^ b for a, b in zip(key, derived[:32]))
    tag = hmac.new(derived[32:], wrapped, "sha256").hexdigest()
    return {"kdf": "scrypt", **params, "salt": salt.hex(), "wrapped": wrapped.hex(), "tag": tag}


def _unwrap_one(entry: dict, secret: str, kind: str) -> bytes | None:
    derived = _derive(secret, kind, bytes.fromhex(entry["salt"]),
                      entry["n"], entry["r"], entry["p"])
    wrapped = bytes.fromhex(entry["wrapped"])
    if not hmac.compare_digest(hmac.new(derived[32:], wrapped, "sha256").hexdigest(),
                               entry["tag"]):
        return None
    return bytes(a ^ b for a, b in zip(wrapped, derived[:32]))


def header(key: bytes, password: str, recovery: str) -> dict:
    return {"format": FORMAT, "cipher": "sqlcipher4", "key_id": key_id(key),
            "password": wrap(key, password, "password"),
            "recovery": wrap(key, recovery, "recovery")}


def unwrap(head: dict, secret: str) -> bytes:
    """The key, from the owner password or the recovery key (either may be given)."""
    for kind in ("password", "recovery"):
        key = _unwrap_one(head[kind], secret, kind)
        if key is not None and key_id(key) == head["key_id"]:
            return key
    raise WrongSecret("店主密码或恢复密钥不正确")


def sidecar(path: Path) -> Path:
    return Path(str(path) + SUFFIX)


def read(path: Path) -> dict | None:
    """The wrapped key beside `path`, or None."""
    try:
        head = json.loads(sidecar(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return head if isinstance(head, dict) and head.get("format") == FORMAT else None


def write(path: Path, head: dict) -> None:
    target = sidecar(path)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps(head, indent=1), encoding="utf-8")
    partial.replace(target)
