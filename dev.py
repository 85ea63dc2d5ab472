"""Set up an isolated environment from pyproject.toml's pinned dependencies, then run.

    python dev.py run  [app args...]   install what is missing, start the app
    python dev.py test [pytest args...] install what is missing, run the whole test suite
    python dev.py build                 install the build tools, build the one-file executable
    python dev.py build --server        the flavour for the shop's server computer (PostgreSQL inside)

Plain Python on purpose: the same two commands work on Windows, macOS and Linux.
Re-running is fast: the venv is only touched when pyproject.toml's pins change.
"""
import sys

# First, in syntax any Python parses: an old one gets this sentence, not a traceback about
# tomllib (3.11+) or annotations.
if sys.version_info < (3, 11):
    sys.exit("Kefu Desk needs Python 3.11 or newer (found %s). Install it from python.org; "
             "on macOS run `python3 dev.py ...`, on Windows `py dev.py ...`."
             % sys.version.split()[0])

import hashlib  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import tomllib  # noqa: E402
import venv  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "kefudesk-installed.txt"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def requirements(extras: list[str]) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in extras:
        reqs += project.get("optional-dependencies", {}).get(extra, [])
    return reqs


def ensure_env(extras: list[str]) -> Path:
    reqs = requirements(extras)
    wanted = hashlib.sha256("\n".join(sorted(reqs)).encode()).hexdigest()
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    # The stamp lists every requirement set already installed, so run/test/build
    # do not reinstall each other's packages.
    done = set(STAMP.read_text().split()) if STAMP.exists() else set()
    if wanted not in done:
        print("Installing pinned requirements ...", flush=True)
        subprocess.check_call([str(python), "-m", "pip", "install", "--disable-pip-version-check",
                               "-q", *reqs])
        done.add(wanted)
        STAMP.write_text("\n".join(sorted(done)))
    return python


def parallel(args: list[str]) -> list[str]:
    """One pytest-xdist worker per core (at most 4: each starts its own PostgreSQL), unless the
    caller chose (-n, -p no:xdist) or there is one core. Tests sharing one expensive fixture
    (the executable's build) are kept together by their xdist_group."""
    if any(a.startswith(("-n", "--numprocesses")) or a == "no:xdist" for a in args):
        return []
    workers = min(4, os.cpu_count() or 1)
    return ["-n", str(workers), "--dist", "loadgroup"] if workers > 1 else []


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "build"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if rest[:1] == ["--"]:  # `python dev.py run -- --data-dir X`: the rest is for the app
        rest = rest[1:]
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUTF8="1")
    if command == "run":
        # The team server's PostgreSQL too (the `server` extra): 设置 → 团队服务器 can start one.
        python = ensure_env(["server"])
        return subprocess.call([str(python), str(ROOT / "main.py"), *rest], cwd=ROOT, env=env)
    if command == "test":
        python = ensure_env(["test"])
        return subprocess.call([str(python), "-m", "pytest", *parallel(rest), *rest], cwd=ROOT,
                               env=env)
    # `build --server`: the flavour with the team server's PostgreSQL (docs/team-server.md).
    python = ensure_env(["build", "server"] if "--server" in rest else ["build"])
    return subprocess.call([str(python), str(ROOT / "packaging" / "build.py"), *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
