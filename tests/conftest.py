"""Shared fixtures: the real `chitieu` command, the project's catalogue and the seed commune."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_FACTS = ROOT / "facts" / "tinh-an"
SEED_REPORT = (ROOT / ".." / "shared" / "seed" / "000_1ba10a35eaeb2799.txt").resolve()

# Diagnostics are in Vietnamese by default; the suite's tests pin the English message built at each call site, so they
# run with CHITIEU_LANG=en (in process and in the processes they start). tests/test_messages_vi.py runs the same bad
# inputs in Vietnamese, by default and with --lang vi.
os.environ["CHITIEU_LANG"] = "en"

# The loaded catalogue is kept between runs (chitieu.catcache), in the user's cache folder by default. The suite keeps
# its own, in one private folder shared by the test processes of this run, and never writes to the user's;
# tests/test_catcache.py points it elsewhere to test the cache itself.
_CACHE = Path(tempfile.mkdtemp(prefix="chitieu-test-cache-")) if "CHITIEU_TEST_CACHE" not in os.environ else None
os.environ.setdefault("CHITIEU_TEST_CACHE", str(_CACHE))
os.environ["CHITIEU_CACHE_DIR"] = os.environ["CHITIEU_TEST_CACHE"]


def examples(thorough: int) -> int:
    """How many examples a property test draws: a third of ``thorough`` in the everyday run (the suite stays under
    a minute), all of them with CHITIEU_THOROUGH=1 (before a release, or after touching a parser or a writer)."""
    return thorough if os.environ.get("CHITIEU_THOROUGH") == "1" else max(10, thorough // 3)


def chitieu_exe() -> list[str]:
    exe = Path(sys.executable).parent / "chitieu"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("chitieu")
    if found:
        return [found]
    raise RuntimeError("the chitieu command is not installed; run: pip install -e '.[test]'")


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


_CWD_LOCK = threading.Lock()


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> Run:
    """The real `chitieu` command, in process (click's CliRunner), in folder ``cwd`` (default: the project)."""
    from click.testing import CliRunner

    from chitieu.cli import main

    full_env = {"COLUMNS": "200"}
    full_env.update(env or {})
    with _CWD_LOCK:
        before = os.getcwd()
        os.chdir(cwd or ROOT)
        try:
            result = CliRunner().invoke(main, list(args), env=full_env, catch_exceptions=False)
        finally:
            os.chdir(before)
    return Run(result.exit_code, result.stdout, result.stderr)


def run_process(*args: str, cwd: Path | None = None, env: dict | None = None) -> Run:
    """The installed `chitieu` command as a real process — for what only a process shows (signals, start-up)."""
    full_env = dict(os.environ, PYTHONHASHSEED="0", COLUMNS="200")
    full_env.update(env or {})
    proc = subprocess.run(
        chitieu_exe() + list(args), capture_output=True, text=True, cwd=cwd or ROOT, env=full_env, timeout=300
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


_OPEN: list = []


def every_commune_rules() -> Path:
    """The shipped catalogue with every plan covering every commune (``covers: all``), made once per test run: for
    tests of reading input, writing output and the web page with communes of their own (xã An Phú, xã Nghĩa Hòa,
    xã Thử) that probe with the seed commune's plans — not tests of which plans cover whom."""
    import re
    import tempfile

    if not _OPEN:
        _OPEN.append(tempfile.TemporaryDirectory(prefix="chitieu-every-commune-"))  # removed when the run ends
        rules = Path(_OPEN[0].name) / "rules"
        shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__*"))
        for path in rules.glob("*.yaml"):
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"^  covers: .*$", "  covers: all", text, flags=re.M), encoding="utf-8")
    return Path(_OPEN[0].name) / "rules"


@pytest.fixture(scope="session")
def every_commune() -> dict:
    """The environment of a run on every_commune_rules()."""
    return {"CHITIEU_RULES": str(every_commune_rules())}


@pytest.fixture(scope="session")
def catalogue():
    from chitieu.catalogue import load_catalogue

    return load_catalogue()


@pytest.fixture(scope="session")
def seed_json() -> dict:
    run = run_cli("check", str(SEED_FACTS), "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    return run.json()


def finding(doc: dict, rule_id: str, period: str | None = None) -> dict:
    found = [f for f in doc["findings"] if f["rule_id"] == rule_id and (period is None or f["period"]["key"] == period)]
    assert len(found) == 1, f"{rule_id} {period}: {[f['period']['key'] for f in found]}"
    return found[0]


def invoke(*args: str, env: dict | None = None) -> Run:
    """The real CLI in this process (click's CliRunner): exit code, standard output and standard error apart."""
    from click.testing import CliRunner

    from chitieu.cli import main

    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "200", **(env or {})}, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def pytest_sessionfinish(session, exitstatus):
    if _CACHE is not None:  # the process that made the suite's cache folder removes it, after every worker is done
        shutil.rmtree(_CACHE, ignore_errors=True)
