"""The data folder's lock: one holder at a time, across processes; gone with its process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from db.storage.lock import DataFolderLock

ROOT = Path(__file__).resolve().parents[2]
HOLD = ("import sys, time; from pathlib import Path; from db.storage.lock import DataFolderLock;"
        "lock = DataFolderLock(Path(sys.argv[1])); print(lock.acquire(), flush=True); "
        "time.sleep(float(sys.argv[2]))")


def hold(folder: Path, seconds: float) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", HOLD, str(folder), str(seconds)],
                            stdout=subprocess.PIPE, text=True, env=env)


def test_one_holder_at_a_time_in_one_process(tmp_path):
    first, second = DataFolderLock(tmp_path), DataFolderLock(tmp_path)
    assert first.acquire() and first.held
    assert first.acquire()  # taking it again is a no-op
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_another_process_holding_it_refuses_and_its_end_frees_it(tmp_path):
    other = hold(tmp_path, 30)
    try:
        assert other.stdout.readline().strip() == "True"
        with DataFolderLock(tmp_path) as lock:
            assert not lock.acquire()
    finally:
        other.kill()  # a crash, in effect: the system drops the lock
        other.wait()
    with DataFolderLock(tmp_path) as lock:
        assert lock.acquire()
