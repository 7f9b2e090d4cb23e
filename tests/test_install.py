"""chitieu installs like any Python tool: a wheel with one top-level name that runs from any folder.

These tests are about the install itself, so they build a real wheel and run real processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    (found,) = out.glob("chitieu-*.whl")
    return found


def test_the_wheel_holds_no_top_level_name_but_chitieu(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"chitieu"}
    # the catalogue and the seed commune ship as package data
    assert "chitieu/rules/catalogue.yaml" in names and "chitieu/rules/indicators.yaml" in names
    assert "chitieu/seed/tinh-an/bao-cao-2024.yaml" in names
    assert "chitieu/reporters/json_out.py" in names
    # the web page: its templates, static files and schema migrations ship too (chitieu serve migrates at start)
    assert {
        "chitieu/web/templates/base.html",
        "chitieu/web/templates/review.html",
        "chitieu/web/static/style.css",
        "chitieu/web/migrations/env.py",
        "chitieu/web/migrations/script.py.mako",
        "chitieu/web/migrations/versions/r0001_store.py",
        "chitieu/web/migrations/versions/r0002_users.py",
        "chitieu/web/static/matrix.js",
    } <= set(names)


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with only the wheel installed; its dependencies are borrowed from the test venv (a .pth line),
    so the test needs no network and does not compile durable_rules again."""
    env_dir = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True, timeout=120)
    py = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "deps-from-test-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return env_dir


def _run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CHITIEU_RULES", "PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_installed_command_checks_the_seed_commune_from_an_unrelated_folder(venv, tmp_path):
    run = _run(venv, str(venv / "bin" / "chitieu"), "check", "--format", "json", "--fail-on", "never", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["schema"] == "chitieu.findings/2"
    assert {f["commune"]["id"] for f in doc["findings"]} == {"quang-ngai/tinh-an"}
    unmet = {f["rule_id"] for f in doc["findings"] if f["status"] == "unmet"}
    assert "mo-hinh-van-dong-gpmb" in unmet
    # it ran the installed copy, not the checkout
    where = _run(venv, str(venv / "bin" / "python"), "-c", "import chitieu; print(chitieu.__file__)", cwd=tmp_path)
    assert str(venv) in where.stdout and str(ROOT) not in where.stdout


def test_python_dash_m_chitieu_is_the_command(venv, tmp_path):
    run = _run(venv, str(venv / "bin" / "python"), "-m", "chitieu", "rules", "list", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "mo-hinh-dvk-moi-nam" in run.stdout


def test_init_copies_the_catalogue_and_the_seed_for_editing(venv, tmp_path):
    exe = str(venv / "bin" / "chitieu")
    run = _run(venv, exe, "init", "work", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    # --rules as typed; the variable absolute, so that it still names the copy from another folder
    assert "--rules work/rules" in run.stdout
    assert f"CHITIEU_RULES={(tmp_path / 'work' / 'rules').resolve()}" in run.stdout
    assert (tmp_path / "work" / "rules" / "catalogue.yaml").is_file()
    assert not (tmp_path / "work" / "rules" / "__init__.py").exists()
    # an edited catalogue is used through --rules: a changed title shows in the findings
    ind = tmp_path / "work" / "rules" / "ke-hoach-156.yaml"
    ind.write_text(
        ind.read_text(encoding="utf-8").replace("title: Mỗi năm", "title: ĐÃ SỬA Mỗi năm", 1), encoding="utf-8"
    )
    run = _run(
        venv,
        exe,
        "check",
        "work/facts",
        "--rules",
        "work/rules",
        "--format",
        "json",
        "--fail-on",
        "never",
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    titles = {f["title"] for f in json.loads(run.stdout)["findings"]}
    assert any(t.startswith("ĐÃ SỬA") for t in titles)
    # and init never replaces what is there
    again = _run(venv, exe, "init", "work", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
