"""What a person sees in the terminal when the run ends early: a closed pipe, and Ctrl-C / SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import SEED_FACTS, chitieu_exe

SEED = str(SEED_FACTS)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_closed_pipe_ends_quietly(fmt):
    """`chitieu check | head`: the reader goes away; chitieu ends without a word, as a program SIGPIPE stops."""
    proc = subprocess.Popen(chitieu_exe() + ["check", SEED, "--format", fmt], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=300) == 141
    assert "internal error" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err


def test_head_reads_the_first_lines(tmp_path):
    script = (f"set -o pipefail; {' '.join(chitieu_exe())} check {SEED} --format table 2>{tmp_path / 'err'} | head -3; "
              f"echo ${{PIPESTATUS[0]}} > {tmp_path / 'code'}")
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=300)
    assert len(proc.stdout.splitlines()) == 3
    err = (tmp_path / "err").read_text(encoding="utf-8")
    assert "internal error" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err
    assert (tmp_path / "code").read_text().strip() in ("1", "141")  # all written before head left, or stopped


@pytest.fixture(scope="module")
def many_communes(tmp_path_factory) -> Path:
    from bench.generate import generate

    folder = tmp_path_factory.mktemp("many")
    generate(folder, 40, 3, seed=5)
    return folder


@pytest.mark.parametrize("sig,code,word", [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")],
                         ids=["SIGTERM", "SIGINT"])
def test_a_signal_leaves_no_temporary_file(tmp_path, many_communes, sig, code, word):
    out = tmp_path / "findings.json"
    proc = subprocess.Popen(chitieu_exe() + ["check", str(many_communes), "-o", str(out)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".findings.json.*.tmp")):  # wait until the output is being written
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the run never started writing"
        time.sleep(0.05)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == code, stderr
    assert f"chitieu: {word}; no output file was left behind" in stderr and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
