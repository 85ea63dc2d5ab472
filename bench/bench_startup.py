"""Executable size, and start-up to an interactive main window: one-file build vs source.

    python bench/bench_startup.py [--runs 5] [--customers 50000] [--build] [--encrypted]
                                  [--source-only]   (no executable: start from source only)

--encrypted adds the same data encrypted at rest (an owner password set), started in turn
with the plain folder, so both figures share the machine's load.

Both starts use the hidden `--quit-after-start` flag on the same seeded data folder: the app
opens the database (with its start-up backup), skips the staff picker, shows the main window,
and prints "ready" once the window is exposed and the event loop idle. The figure is the wall
time from launching the process to that line, so the one-file build pays for unpacking
itself. Runs alternate between the two after one warm-up each. With $DISPLAY set the real
window system is used (e.g. under xvfb-run), else Qt's offscreen platform.
Targets (issues 2 and 6): binary <= 80 MB; start <= 2 s one-file, <= 1 s from source.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE_TARGET_MB = 80
ONEFILE_TARGET_S = 2.0
SOURCE_TARGET_S = 1.0


def load_build_script():
    # packaging/ is not a package (it would shadow PyPI's `packaging`): load the file itself.
    spec = importlib.util.spec_from_file_location("kefudesk_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed(data_dir: Path, customers: int) -> int:
    """Fill data_dir; returns the number of customers actually created."""
    from db.storage import store

    database = store.open_database(data_dir)
    try:
        from bench.seed import seed_customers  # the shared bulk seeder (issue 2's benchmark)
    except ImportError:  # without it: the slower public path, capped to keep the bench short
        from db.customers import records as rules
        from db.trust import staff

        owner = staff.add("小美", role="owner")
        customers = min(customers, 2_000)
        for n in range(customers):
            rules.create(rules.CustomerData(name=f"王{'伟芳娜敏静丽强磊'[n % 8]}{n}",
                                            phone=f"138{n:08d}"), owner)
    else:
        seed_customers(customers)
    database.close()
    return customers


def time_start(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds to "ready", seconds the app measured from main.py's first line)."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            cwd=ROOT, text=True)
    for line in proc.stdout:
        if line.startswith("ready "):
            wall = time.perf_counter() - started
            inner = float(line.split()[1])
            break
    else:
        raise SystemExit(f"{command[0]} never became ready:\n{proc.stderr.read()}")
    if proc.wait(timeout=60) != 0:
        raise SystemExit(f"{command[0]} exited with {proc.returncode}:\n{proc.stderr.read()}")
    return wall, inner


def main() -> int:
    from bench import encrypted
    encrypted.take_flag()
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--customers", type=int, default=50_000)
    parser.add_argument("--build", action="store_true", help="rebuild the executable first")
    parser.add_argument("--source-only", action="store_true", help="skip the executable")
    args = parser.parse_args()

    build = load_build_script()
    binary = build.executable()
    if not args.source_only and (args.build or not binary.exists()):
        subprocess.check_call([sys.executable, str(ROOT / "packaging" / "build.py")], cwd=ROOT)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    platform = env.get("QT_QPA_PLATFORM") or "native window system"

    commands = {"source": [sys.executable, str(ROOT / "main.py")]}
    if not args.source_only:
        size_mb = binary.stat().st_size / 1e6
        print(f"executable {binary.name}: {size_mb:.1f} MB "
              f"(target <= {SIZE_TARGET_MB} MB: ratio {size_mb / SIZE_TARGET_MB:.2f})")
        if sys.platform == "darwin" and build.mac_zip().exists():
            print(f"macOS app zip: {build.mac_zip().stat().st_size / 1e6:.1f} MB")
        commands["one-file"] = [str(binary)]
    with tempfile.TemporaryDirectory(prefix="kefudesk-bench-") as tmp:
        data_dir = Path(tmp) / "plain"
        data_dir.mkdir()
        count = seed(data_dir, args.customers)
        starts = {name: (command, data_dir) for name, command in commands.items()}
        from bench import encrypted
        if encrypted.wanted():  # the same data encrypted, started in turn with the plain one
            secret_dir = Path(tmp) / "encrypted"
            shutil.copytree(data_dir, secret_dir)
            from db.storage import store
            database = store.open_database(secret_dir, backup_on_open=False)
            encrypted.encrypt_open_database()
            store.close_database(database, secret_dir)
            starts.update({f"{name}, encrypted": (command, secret_dir)
                           for name, command in commands.items()})
        print(f"data: {count:,} customers; platform: {platform}; runs: {args.runs} each")
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in starts}
        for name, (command, folder) in starts.items():  # warm-up: disk cache, bytecode cache
            time_start([*command, "--data-dir", str(folder), "--quit-after-start"], env)
        for _ in range(args.runs):
            for name, (command, folder) in starts.items():
                results[name].append(time_start(
                    [*command, "--data-dir", str(folder), "--quit-after-start"], env))

    print(f"\n{'start-up to window':<20}{'median s':>10}{'max s':>8}{'in-app s':>10}{'target':>8}"
          f"{'ratio':>7}")
    medians = {}
    for name, runs in results.items():
        walls = [wall for wall, _inner in runs]
        medians[name] = statistics.median(walls)
        inner = statistics.median(i for _wall, i in runs)
        target = ONEFILE_TARGET_S if name.startswith("one-file") else SOURCE_TARGET_S
        print(f"{name:<20}{medians[name]:>10.2f}{max(walls):>8.2f}{inner:>10.2f}"
              f"{target:>8.1f}{medians[name] / target:>7.2f}")
    if "source, encrypted" in medians:
        print(f"\nencrypted / plain (source): "
              f"{medians['source, encrypted'] / medians['source']:.2f}x")
    if "one-file" in medians:
        print(f"\none-file / source: {medians['one-file'] / medians['source']:.2f}x "
              f"(the difference is mostly unpacking {size_mb:.0f} MB to a temporary folder)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
