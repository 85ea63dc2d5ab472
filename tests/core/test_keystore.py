"""Secrets kept for this computer's user: the OS credential store through keyring (here a real
backend kept in memory), a private key file where there is none; the team server's password
never in plain text where a store exists."""
from __future__ import annotations

import json
import stat

import keyring
import keyring.backends.fail

from db.storage import keystore, server

CONFIG = server.ServerConfig(host="db.shop.lan", database="kefudesk", user="shop", password="s3cret!")


def test_secrets_go_to_the_credential_store(credential_store):
    keystore.put("database-key:abc", "00ff")
    assert credential_store.secrets == {("KefuDesk", "database-key:abc"): "00ff"}
    assert keystore.get("database-key:abc") == "00ff" and not keystore.fallback_file().exists()
    keystore.delete("database-key:abc")
    assert keystore.get("database-key:abc") is None


def test_without_a_store_a_private_key_file_holds_them(tmp_path):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    assert not keystore.has_os_store() and "密钥文件" in keystore.where()
    keystore.put("database-key:abc", "00ff")
    path = keystore.fallback_file()
    assert path.is_relative_to(tmp_path) and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert keystore.get("database-key:abc") == "00ff"
    keystore.delete("database-key:abc")
    assert json.loads(path.read_text()) == {}


def test_the_server_password_is_not_written_to_server_json(tmp_path, credential_store):
    server.save(tmp_path, CONFIG)
    text = server.config_file(tmp_path).read_text()
    assert "s3cret!" not in text and json.loads(text)["password_in"] == "credential-store"
    assert server.load(tmp_path) == CONFIG
    server.save(tmp_path, None)
    assert not credential_store.secrets and server.load(tmp_path) is None


def test_a_plain_password_from_before_moves_into_the_store(tmp_path, credential_store):
    server.config_file(tmp_path).write_text(json.dumps(
        {"host": CONFIG.host, "database": CONFIG.database, "user": CONFIG.user,
         "password": CONFIG.password, "port": 5432}))
    assert server.load(tmp_path) == CONFIG
    assert "s3cret!" not in server.config_file(tmp_path).read_text()
    assert server.load(tmp_path) == CONFIG


def test_without_a_store_server_json_keeps_it_private(tmp_path):
    keyring.set_keyring(keyring.backends.fail.Keyring())
    server.save(tmp_path, CONFIG)
    path = server.config_file(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and "s3cret!" in path.read_text()
    assert server.load(tmp_path) == CONFIG
