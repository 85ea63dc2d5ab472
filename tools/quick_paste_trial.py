"""The palette over another program, for real, on an X server of its own: used by
tests/desktop/test_quick_paste_x11.py and bench/bench_palette.py.

Three processes on a private Xvfb (with openbox when installed, as a desktop has a window
manager): a small Qt "chat window" holding the keyboard and the clipboard, the real main
window of 客服台 on a fresh data folder, and xdotool pressing keys as a person would. Both
programs report what happens as JSON lines with wall-clock times, so the timings include
everything between the key press and the result on screen.

    python tools/quick_paste_trial.py chat | app DATA_DIR     (run by Trial, not by hand)
"""
from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHORTCUT = "ctrl+alt+k"  # xdotool's words for the default, Ctrl+Alt+K
EARLIER_CLIPBOARD = "剪贴板里原来的内容 (earlier clipboard)"


def missing_tools() -> str | None:
    """Why a trial cannot run on this machine, or None."""
    if not sys.platform.startswith("linux"):
        return "the trial drives an X server (Linux)"
    for tool in ("Xvfb", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install xvfb xdotool)"
    return None


def _emit(**event) -> None:
    event["t"] = time.time()
    print(json.dumps(event, ensure_ascii=False), flush=True)


class Trial:
    def __init__(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="kefudesk-trial-"))
        self.processes: list[subprocess.Popen] = []
        self.events: dict[str, queue.Queue] = {"chat": queue.Queue(), "app": queue.Queue()}
        self.display = ""
        self.chat_window = ""
        self.expected = ""
        self._x = None

    # --- start and stop -----------------------------------------------------------------
    def start(self) -> None:
        read, write = os.pipe()
        self._spawn(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24",
                     "-nolisten", "tcp"], pass_fds=(write,))
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()
        self.window_manager = bool(shutil.which("openbox"))
        if self.window_manager:
            self._spawn(["openbox"], env=self._env())
            self._wait_for_window_manager()
        env = self._env(QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
        self.chat_process = self._spawn([sys.executable, __file__, "chat"], env=env,
                                        name="chat")
        self.chat_window = self.wait("chat", lambda e: e["event"] == "ready")["window"]
        self.app_process = self._spawn(
            [sys.executable, __file__, "app", str(self.workdir / "data")], env=env, name="app")
        self.ready = self.wait("app", lambda e: e["event"] == "ready", 60)
        self.expected = self.ready["expected"]

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> Trial:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- acting and watching ------------------------------------------------------------
    def focus_chat(self) -> None:
        self.xdotool("windowactivate", "--sync", self.chat_window)
        self.xdotool("windowfocus", "--sync", self.chat_window)

    def open_palette(self) -> None:
        """As a person would: the chat program in front, the shortcut pressed, the palette up
        (events from before dropped, so the "shown" waited for is this press's)."""
        self.focus_chat()
        self.drain()
        self.xdotool("key", SHORTCUT)
        self.wait("app", lambda e: e["event"] == "shown")

    def press(self, *keysyms: str) -> None:
        """Keys pressed together, then released, through XTest from this process: no
        program to start, so a timing taken around it is the key's alone."""
        if self._x is None:
            import ctypes
            import ctypes.util
            self._x = ctypes.CDLL(ctypes.util.find_library("X11"))
            self._xtest = ctypes.CDLL(ctypes.util.find_library("Xtst"))
            self._x.XOpenDisplay.restype = ctypes.c_void_p
            self._x.XOpenDisplay.argtypes = [ctypes.c_char_p]
            self._x.XStringToKeysym.restype = ctypes.c_ulong
            self._x.XStringToKeysym.argtypes = [ctypes.c_char_p]
            self._x.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
            self._x.XFlush.argtypes = [ctypes.c_void_p]
            self._xtest.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint,
                                                      ctypes.c_int, ctypes.c_ulong]
            self._display = self._x.XOpenDisplay(self.display.encode())
        codes = [self._x.XKeysymToKeycode(self._display, self._x.XStringToKeysym(k.encode()))
                 for k in keysyms]
        for code in codes:
            self._xtest.XTestFakeKeyEvent(self._display, code, 1, 0)
        for code in reversed(codes):
            self._xtest.XTestFakeKeyEvent(self._display, code, 0, 0)
        self._x.XFlush(self._display)

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self._env(), check=True, timeout=10,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def ask_chat(self, command: str) -> dict:
        """'clipboard' or 'clear': the chat program answers with an event of that name."""
        return self._ask(self.chat_process, "chat", command)

    def app_state(self) -> dict:
        return self._ask(self.app_process, "app", "state")

    def _ask(self, process: subprocess.Popen, source: str, command: str) -> dict:
        process.stdin.write(command + "\n")
        process.stdin.flush()
        return self.wait(source, lambda e: e["event"] == command)

    def wait(self, source: str, match, timeout: float = 20) -> dict:
        """The first event of source that matches; the timeout is generous because a
        loaded machine (the suite on every core) delays X events by seconds."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                log = self.workdir / f"{source}.log"
                raise TimeoutError(f"{source}: nothing matched within {timeout} s among {seen}; "
                                   "its errors: "
                                   + (log.read_text(errors="replace")[-2000:] if log.exists()
                                      else "none"))
            try:
                event = self.events[source].get(timeout=left)
            except queue.Empty:
                continue
            if match(event):
                return event
            seen.append(event)

    def drain(self) -> None:
        for events in self.events.values():
            while not events.empty():
                events.get_nowait()

    # --- helpers ------------------------------------------------------------------------
    def _env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",
                                                                "WAYLAND_DISPLAY")}
        env.update(DISPLAY=self.display, **extra)
        return env

    def _spawn(self, command: list[str], name: str | None = None, **kwargs) -> subprocess.Popen:
        piped = name is not None
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE if piped else subprocess.DEVNULL,
            stdout=subprocess.PIPE if piped else subprocess.DEVNULL,
            stderr=open(self.workdir / f"{name}.log", "w") if piped else subprocess.DEVNULL,  # noqa: SIM115
            text=piped, encoding="utf-8" if piped else None,
            **kwargs)
        self.processes.append(process)
        if piped:
            threading.Thread(target=self._read, args=(process, self.events[name]),
                             daemon=True).start()
        return process

    @staticmethod
    def _read(process: subprocess.Popen, events: queue.Queue) -> None:
        for line in process.stdout:
            if line.startswith("{"):
                events.put(json.loads(line))

    def _wait_for_window_manager(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            found = subprocess.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                                   env=self._env(), capture_output=True, text=True) \
                if shutil.which("xprop") else None
            if found is None:
                time.sleep(0.5)
                return
            if "window id" in found.stdout:
                return
            time.sleep(0.05)


# --- the two programs ---------------------------------------------------------------------
def run_chat() -> int:
    """A chat program's input box: reports its text on every change; holds the clipboard."""
    from PySide6.QtCore import QEvent, QObject, QSocketNotifier
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    app = QApplication(sys.argv)
    box = QPlainTextEdit()
    box.setWindowTitle("chat window")
    box.resize(500, 300)
    box.move(40, 40)
    box.textChanged.connect(lambda: _emit(event="text", text=box.toPlainText()))

    class Keys(QObject):  # what reached the chat program, for a failed trial's message
        def eventFilter(self, watched, event) -> bool:
            if event.type() in (QEvent.Type.KeyPress, QEvent.Type.FocusIn):
                _emit(event="key" if event.type() == QEvent.Type.KeyPress else "focus",
                      key=getattr(event, "text", lambda: "")(),
                      modifiers=int(event.modifiers().value)
                      if hasattr(event, "modifiers") else 0)
            return False
    keys = Keys()
    box.installEventFilter(keys)
    app.clipboard().setText(EARLIER_CLIPBOARD)

    def command() -> None:
        line = sys.stdin.readline().strip()
        if line == "clipboard":
            _emit(event="clipboard", text=app.clipboard().text())
        elif line == "clear":
            box.clear()
            _emit(event="clear")
        elif not line:
            app.quit()
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    box.show()
    box.activateWindow()
    app.processEvents()
    _emit(event="ready", window=str(int(box.winId())))
    return app.exec()


def run_app(data_dir: Path) -> int:
    """The real main window on a fresh data folder, a buyer chosen on the 客户 page."""
    from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer
    from PySide6.QtWidgets import QApplication

    from db.customers import records as customers
    from db.customers.records import CustomerData
    from db.models import Snippet
    from db.snippets import defaults, library
    from db.snippets.render import render
    from db.storage import store
    from db.trust import staff as staff_rules
    from desktop.app import create_application
    from desktop.context import AppContext
    from desktop.main_window import MainWindow

    app = create_application()
    data_dir.mkdir(parents=True)
    database = store.open_database(data_dir)
    owner = staff_rules.add("店主小美", role="owner")
    defaults.load_defaults("zh_CN")
    wang = customers.create(CustomerData(name="王女士", phone="13812345678"), owner)
    context = AppContext(data_dir, owner)
    window = MainWindow(context)
    window.show()
    window.customers_page.select_customer(wang.id)
    page = window.snippets_page
    top = library.search("dq", owner.id, limit=1)[0]
    expected = render(Snippet.get_by_id(top.id).body, page.current_values()).text

    palette = page._built_palette()

    def when_exposed() -> None:  # on screen with the keyboard, the queued first paint done
        handle = palette.windowHandle()
        if handle is not None and handle.isExposed() and palette.isActiveWindow() \
                and window.quick_paste.keys.has_keyboard(int(palette.winId())):
            QTimer.singleShot(0, lambda: _emit(event="shown"))
        elif palette.isVisible():
            QTimer.singleShot(1, when_exposed)

    class Watch(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Show:
                QTimer.singleShot(0, when_exposed)
            return False

    watch = Watch()
    palette.installEventFilter(watch)

    def command() -> None:  # "state": what a failed trial needs to explain itself
        line = sys.stdin.readline().strip()
        if line == "state":
            focus = QApplication.focusWidget()
            _emit(event="state", palette_visible=palette.isVisible(),
                  palette_active=palette.isActiveWindow(), search=palette.search.text(),
                  target=palette.target, status=palette.status.text(),
                  focus=focus.objectName() if focus is not None else None)
        elif not line:
            app.quit()
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    quick = window.quick_paste
    quick.pasted.connect(lambda: _emit(event="pasted"))
    quick.restored.connect(lambda: _emit(event="restored"))
    QTimer.singleShot(300, lambda: _emit(event="ready", expected=expected,
                                         problem=quick.problem or quick.keys.unavailable))
    code = app.exec()
    quick.shutdown()
    database.close()
    return code


if __name__ == "__main__":
    if sys.argv[1] == "chat":
        sys.exit(run_chat())
    sys.exit(run_app(Path(sys.argv[2])))
