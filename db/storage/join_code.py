"""Joining the shop's team server by a short code instead of typing address, port and password.

The server computer shows a code of 10 letters and digits (`ABCDE-FGH2K`: 50 random bits,
Crockford's alphabet, so O/0 and I/L/1 cannot be mixed up). Another computer finds it on the
shop's network (a UDP broadcast on JOIN_PORT, answered only by computers running a team server)
and asks it over TCP; the two prove to each other that they know the code and the settings
travel encrypted under a key derived from it:

    server -> {"salt", "nonce"}             fresh for every connection
    client -> {"nonce", "proof"}            HMAC(k, "client" | both nonces)
    server -> {"proof", "box", "tag"}       or {"error": "wrong_code", "left": n}

k = scrypt(code, salt). The box is the settings XORed with an HMAC-SHA256 keystream, tagged by
an HMAC (encrypt-then-MAC, standard library only, as keywrap.py). Nothing readable travels: a
listener on the network sees random salts, nonces and HMACs, and guessing the code offline
costs 2^50 scrypt runs. Guessing online is cut short: after MAX_ATTEMPTS wrong codes the code
is retired and the server computer shows a new one. The settings carry no address: the client
uses the address it reached the server on.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
import socket
import socketserver
import threading
from collections.abc import Callable

from db.storage import server
from db.vocabulary import translate

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base32: no I, L, O, U
LENGTH = 10
JOIN_PORT = 45433  # TCP for the exchange, UDP for "is a team server here?"
MAX_ATTEMPTS = 5
KDF = {"n": 2 ** 14, "r": 8, "p": 1}
ASK = b"KEFUDESK-JOIN?"
HERE = b"KEFUDESK-JOIN!"
TIMEOUT = 5.0
WRONG_CODE = "wrong_code"  # JoinError.kind: the right computer answered, the code is wrong


class JoinError(server.ServerError):
    """Joining did not work; the message says why and what to do, for the user."""


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """As the server computer shows it: two groups of five."""
    return f"{code[:5]}-{code[5:]}"


def normal(typed: str) -> str:
    """The code as typed back (any case, spaces, dashes, O for 0, I or L for 1)."""
    code = "".join(ch for ch in typed.upper() if ch.isalnum())
    code = code.translate(str.maketrans("OIL", "011"))
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        raise JoinError(translate(
            "errors", "加入码应是 %1 个字母和数字（例如 %2），"
            "请对照团队服务器那台电脑上显示的加入码重新输入。")
            .replace("%1", str(LENGTH)).replace("%2", shown("7K3QX9M2PD")))
    return code


def parse(typed: str) -> tuple[str, str | None]:
    """'CODE' or 'CODE@address' (for a network that blocks broadcasts): code and host."""
    code, _, host = typed.strip().partition("@")
    return normal(code), (host.strip() or None)


def _keys(code: str, salt: bytes) -> tuple[bytes, bytes, bytes]:
    base = hashlib.scrypt(code.encode("ascii"), salt=salt, dklen=32, maxmem=64 * 1024 * 1024,
                          **KDF)
    return tuple(hmac.new(base, label, "sha256").digest()  # type: ignore[return-value]
                 for label in (b"proof", b"encrypt", b"tag"))


def _proof(key: bytes, side: bytes, server_nonce: bytes, client_nonce: bytes) -> str:
    return hmac.new(key, side + server_nonce + client_nonce, "sha256").hexdigest()


def _stream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = (hmac.new(key, nonce + i.to_bytes(4, "big"), "sha256").digest()
              for i in range(length // 32 + 1))
    return b"".join(blocks)[:length]


def _xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream))


def _is_private(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_private or ip.is_loopback or ip.is_link_local


def _send(sock: socket.socket, message: dict) -> None:
    sock.sendall(json.dumps(message).encode("utf-8") + b"\n")


def _receive(stream) -> dict:
    line = stream.readline(4096)
    if not line:
        raise ConnectionError("closed")
    return json.loads(line)


class JoinService:
    """Answers join requests on this (the server) computer while the app runs.

    settings(): the connection settings to hand out (port, database, user, password).
    on_new_code(code): told when too many wrong tries retired the code."""

    def __init__(self, code: str, settings: Callable[[], dict], port: int = JOIN_PORT,
                 on_new_code: Callable[[str], None] | None = None):
        self.code = normal(code)
        self._settings = settings
        self._on_new_code = on_new_code
        self.port = port
        self.wrong = 0
        self.joined = 0
        self._lock = threading.Lock()
        self._tcp: socketserver.ThreadingTCPServer | None = None
        self._udp: socketserver.ThreadingUDPServer | None = None

    def start(self) -> None:
        service = self

        class Exchange(socketserver.StreamRequestHandler):
            timeout = TIMEOUT

            def handle(self):
                if _is_private(self.client_address[0]):
                    service._exchange(self.connection, self.rfile)

        class Answer(socketserver.DatagramRequestHandler):
            def handle(self):
                data, sock = self.request
                if data.strip() == ASK and _is_private(self.client_address[0]):
                    sock.sendto(HERE, self.client_address)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._tcp = socketserver.ThreadingTCPServer(("", self.port), Exchange)
        self._tcp.daemon_threads = True
        self.port = self._tcp.server_address[1]
        self._udp = socketserver.ThreadingUDPServer(("", self.port), Answer)
        self._udp.daemon_threads = True
        for listener in (self._tcp, self._udp):
            threading.Thread(target=listener.serve_forever, daemon=True,
                             name="kefudesk-join").start()

    def stop(self) -> None:
        for listener in (self._tcp, self._udp):
            if listener is not None:
                listener.shutdown()
                listener.server_close()
        self._tcp = self._udp = None

    def renew(self) -> str:
        with self._lock:
            self.code = new_code()
            self.wrong = 0
        return self.code

    def _exchange(self, sock: socket.socket, stream) -> None:
        with self._lock:
            code = self.code
        salt, server_nonce = secrets.token_bytes(16), secrets.token_bytes(16)
        _send(sock, {"kefudesk_join": 1, "salt": salt.hex(), "nonce": server_nonce.hex()})
        try:
            asked = _receive(stream)
            client_nonce = bytes.fromhex(asked["nonce"])
            proof = str(asked["proof"])
        except (ValueError, KeyError, TypeError, ConnectionError, OSError):
            return
        proof_key, encrypt_key, tag_key = _keys(code, salt)
        if not hmac.compare_digest(proof, _proof(proof_key, b"client", server_nonce, client_nonce)):
            with self._lock:
                if code != self.code:  # renewed meanwhile: this try counts for nothing
                    left = MAX_ATTEMPTS - self.wrong
                else:
                    self.wrong += 1
                    left = MAX_ATTEMPTS - self.wrong
                    if left <= 0:
                        self.code, self.wrong = new_code(), 0
                        retired = self.code
                    else:
                        retired = None
            if left <= 0 and self._on_new_code is not None:
                self._on_new_code(retired)
            _send(sock, {"error": "wrong_code", "left": max(left, 0)})
            return
        nonce = server_nonce + client_nonce
        plain = json.dumps(self._settings()).encode("utf-8")
        box = _xor(plain, _stream(encrypt_key, nonce, len(plain)))
        with self._lock:
            self.joined += 1
        _send(sock, {"proof": _proof(proof_key, b"server", server_nonce, client_nonce),
                     "box": box.hex(), "tag": hmac.new(tag_key, nonce + box, "sha256").hexdigest()})


def discover(port: int = JOIN_PORT, wait: float = 1.5) -> list[str]:
    """The computers on this network that run a team server (this one included)."""
    found: list[str] = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        sock.settimeout(wait)
        for target in ("255.255.255.255", "127.0.0.1"):
            try:
                sock.sendto(ASK, (target, port))
            except OSError:
                pass  # no network for broadcasts: loopback may still answer
        while True:
            try:
                data, (address, _) = sock.recvfrom(64)
            except OSError:  # timeout
                break
            if data == HERE and address not in found:
                found.append(address)
    # A server found on loopback and on the LAN is this computer: the LAN address is the
    # one the others use, loopback the one that works here.
    return found


def ask(host: str, code: str, port: int = JOIN_PORT) -> server.ServerConfig:
    """Ask one computer for the settings, proving the code; JoinError says what went wrong."""
    try:
        sock = socket.create_connection((host, port), timeout=TIMEOUT)
    except OSError as exc:
        raise JoinError(translate(
            "errors", "连不上 %1：请确认那台电脑开着客服台，并且和这台电脑在同一个网络上（%2）。")
            .replace("%1", host).replace("%2", str(exc.strerror or exc))) from exc
    with sock, sock.makefile("rb") as stream:
        try:
            hello = _receive(stream)
            salt, server_nonce = bytes.fromhex(hello["salt"]), bytes.fromhex(hello["nonce"])
            client_nonce = secrets.token_bytes(16)
            proof_key, encrypt_key, tag_key = _keys(code, salt)
            _send(sock, {"nonce": client_nonce.hex(),
                         "proof": _proof(proof_key, b"client", server_nonce, client_nonce)})
            answer = _receive(stream)
        except (OSError, ValueError, KeyError, TypeError, ConnectionError) as exc:
            raise JoinError(translate("errors", "%1 上的团队服务器没有正常回答，请稍后再试（%2）。")
                            .replace("%1", host).replace("%2", str(exc))) from exc
    if answer.get("error") == "wrong_code":
        left = int(answer.get("left", 0))
        if left <= 0:
            raise JoinError(translate(
                "errors", "加入码试错太多次，已经停用。团队服务器那台电脑上现在显示一个新的加入码，"
                "请输入新的加入码。"), kind=WRONG_CODE)
        raise JoinError(translate(
            "errors", "加入码不对（还可以再试 %1 次）。请对照团队服务器那台电脑上显示的加入码重新输入。")
            .replace("%1", str(left)), kind=WRONG_CODE)
    nonce = server_nonce + client_nonce
    try:
        box = bytes.fromhex(answer["box"])
        genuine = hmac.compare_digest(
            answer["proof"], _proof(proof_key, b"server", server_nonce, client_nonce)) \
            and hmac.compare_digest(answer["tag"], hmac.new(tag_key, nonce + box, "sha256").hexdigest())
    except (KeyError, ValueError, TypeError) as exc:
        raise JoinError(translate("errors", "%1 上的团队服务器没有正常回答，请稍后再试。")
                        .replace("%1", host)) from exc
    if not genuine:  # someone in between, or not our server
        raise JoinError(translate(
            "errors", "%1 的回答无法验证，没有使用。请在团队服务器那台电脑上确认地址后再试。")
            .replace("%1", host))
    settings = json.loads(_xor(box, _stream(encrypt_key, nonce, len(box))))
    return server.ServerConfig(host=host, port=int(settings["port"]),
                               database=str(settings["database"]), user=str(settings["user"]),
                               password=str(settings["password"]))


def join(typed: str, port: int | None = None, hosts: list[str] | None = None,
         check: Callable[[server.ServerConfig], object] | None = None) -> server.ServerConfig:
    """The connection settings of the shop's team server, from the code typed on this computer
    ('CODE' or 'CODE@address'). For 设置 → 团队服务器 and for joining at first start; the
    caller tests and saves them (server.test_connection, server.save), or passes that as
    `check`: settings that fail it at one address are tried at the next one the server was
    found on (its database may listen on fewer addresses than the join service, which
    answers on all of them)."""
    code, host = parse(typed)
    port = port or JOIN_PORT
    candidates = [host] if host else (hosts if hosts is not None else discover(port))
    if not candidates:
        raise JoinError(translate(
            "errors", "在这个网络上没有找到开着团队服务器的电脑。请确认那台电脑开着客服台，"
            "两台电脑连着同一个路由器或 Wi-Fi；也可以在加入码后面加上那台电脑的地址，"
            "例如 7K3QX-9M2PD@192.168.1.20（地址显示在加入码旁边）。"))
    # Prefer the LAN address over loopback: the settings are saved with it.
    candidates = sorted(candidates, key=lambda h: h.startswith("127."))
    last: server.ServerError | None = None
    for candidate in candidates:
        try:
            config = ask(candidate, code, port)
            if check is not None:
                check(config)
            return config
        except JoinError as exc:
            if exc.kind == WRONG_CODE:
                raise  # the right computer answered: the code is wrong, say so
            last = exc
        except server.ServerError as exc:  # its database is not reachable at this address
            last = exc
    assert last is not None
    raise last
