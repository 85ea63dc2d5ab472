"""Why a connection to the team server failed, by codes rather than words.

libpq reports a failed connection as text only (psycopg2 gives no SQLSTATE then), worded in
the client's or the server's language. So after a failure this module retraces the steps
itself: the name lookup, the TCP connection (errno), then PostgreSQL's start-up exchange up
to the server's answer, whose ErrorResponse carries the SQLSTATE: 28000 (pg_hba.conf has no
line for this computer), 28P01 (wrong password), 3D000 (no such database)... Only the
standard library: the password exchange (cleartext, MD5, SCRAM-SHA-256) is written here.
Runs only after a failure, so its cost (one more connection attempt) does not matter.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import socket
import struct

from db import errors

PROTOCOL_3 = 196608


class _Answer(Exception):
    """The server answered with an error: its SQLSTATE."""

    def __init__(self, state: str):
        super().__init__(state)
        self.state = state


def diagnose(host: str, port: int, database: str, user: str, password: str,
             timeout: float = 5.0) -> str | None:
    """The kind (db.errors) of the problem connecting, or None when the probe got through
    (then the failure was something else, e.g. encryption settings)."""
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return errors.UNKNOWN_HOST
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except OSError as exc:
        return errors.classify(exc) or errors.CONNECTION
    try:
        with sock:
            _start(sock, database, user, password)
    except _Answer as answer:
        return errors.for_sqlstate(answer.state) or errors.CONNECTION
    except OSError as exc:
        return errors.classify(exc) or errors.CONNECTION
    except (ValueError, KeyError, struct.error):  # not a PostgreSQL server on that port
        return errors.CONNECTION
    return None


def _start(sock: socket.socket, database: str, user: str, password: str) -> None:
    params = b"".join(k + b"\0" + v.encode() + b"\0" for k, v in (
        (b"user", user), (b"database", database), (b"application_name", "KefuDesk probe")))
    body = struct.pack("!i", PROTOCOL_3) + params + b"\0"
    sock.sendall(struct.pack("!i", len(body) + 4) + body)
    scram = None
    while True:
        kind, payload = _read(sock)
        if kind == b"E":
            raise _Answer(_sqlstate(payload))
        if kind == b"Z":  # ready for query: the connection works
            sock.sendall(b"X" + struct.pack("!i", 4))
            return
        if kind != b"R":
            continue  # parameter status, key data, notices
        code = struct.unpack("!i", payload[:4])[0]
        if code == 3:  # cleartext password
            _send_password(sock, password.encode() + b"\0")
        elif code == 5:  # MD5 with a salt
            inner = hashlib.md5((password + user).encode()).hexdigest()
            outer = hashlib.md5(inner.encode() + payload[4:8]).hexdigest()
            _send_password(sock, b"md5" + outer.encode() + b"\0")
        elif code == 10:  # SASL: SCRAM-SHA-256
            scram = _Scram(password)
            first = scram.first()
            _send_password(sock, b"SCRAM-SHA-256\0" + struct.pack("!i", len(first)) + first)
        elif code == 11 and scram is not None:
            _send_password(sock, scram.final(payload[4:]))
        elif code not in (0, 12):  # 0: accepted; 12: the server's SCRAM signature
            return  # an exchange this probe does not speak (Kerberos, SSPI): no verdict


def _read(sock: socket.socket) -> tuple[bytes, bytes]:
    head = _exactly(sock, 5)
    length = struct.unpack("!i", head[1:])[0]
    return head[:1], _exactly(sock, length - 4)


def _exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionResetError("closed by the server")
        data += chunk
    return data


def _send_password(sock: socket.socket, body: bytes) -> None:
    sock.sendall(b"p" + struct.pack("!i", len(body) + 4) + body)


def _sqlstate(payload: bytes) -> str:
    for field in payload.split(b"\0"):
        if field[:1] == b"C":
            return field[1:].decode("ascii", "replace")
    return ""


class _Scram:
    """The client side of SCRAM-SHA-256 (RFC 5802/7677) as PostgreSQL uses it (the user
    name is taken from the start-up message, so it is left empty here)."""

    def __init__(self, password: str):
        self.password = password.encode()
        self.nonce = base64.b64encode(os.urandom(18)).decode()
        self.bare = f"n=,r={self.nonce}"

    def first(self) -> bytes:
        return f"n,,{self.bare}".encode()

    def final(self, server_first: bytes) -> bytes:
        fields = dict(item.split("=", 1) for item in server_first.decode().split(","))
        salted = hashlib.pbkdf2_hmac("sha256", self.password, base64.b64decode(fields["s"]),
                                     int(fields["i"]))
        client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
        stored = hashlib.sha256(client_key).digest()
        without_proof = f"c=biws,r={fields['r']}"
        message = f"{self.bare},{server_first.decode()},{without_proof}".encode()
        signature = hmac.new(stored, message, hashlib.sha256).digest()
        proof = bytes(a ^ b for a, b in zip(client_key, signature))
        return f"{without_proof},p={base64.b64encode(proof).decode()}".encode()
