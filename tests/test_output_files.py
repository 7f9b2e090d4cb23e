"""Output files through the real CLI: never over an input or anything but a file, never clobbered by a race, nothing
written when the input has errors, the format picked from the name, and every write failure a located message."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEED_FACTS, chitieu_exe, invoke

SEED = str(SEED_FACTS)
FACT_FILE = """\
schema: chitieu.facts/1
commune: {{id: thu/{slug}, name: xã Thử {slug}}}
report:
  title: Báo cáo thử
  date: 2024-10
  as_of: 2024-10-31
  issuer: UBND xã Thử
  period: {{from: 2023-01-01, to: 2024-10-31}}
{file}facts:
  - {{indicator: dich_vu_cong.ty_le_ho_so_truc_tuyen, period: as_of, value: {value}, source: {{line: 1, quote: {quote}}}}}
  - {{indicator: gpmb.ke_hoach_mo_hinh, period: as_of, value: false, source: {{line: 1, quote: {quote}}}}}
"""
QUOTE = "Tỷ lệ hồ sơ giải quyết trực tuyến đạt trên 50%"


def fact_file(path: Path, slug: str = "a", *, value: str = "{gt: 50}", report: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        FACT_FILE.format(slug=slug, value=value, quote=QUOTE, file=f"  file: {report}\n" if report else ""),
        encoding="utf-8",
    )
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


# --------------------------------------------------------------------------------------------------- inputs (5)


def test_a_report_named_by_a_fact_file_is_never_written_over(tmp_path):
    ref = tmp_path / "ref"
    report = ref / "bao-cao.txt"
    facts = fact_file(ref / "facts.yaml", report="bao-cao.txt")
    report.write_text(QUOTE + ".\n", encoding="utf-8")
    for command in (["check"], ["check", "--format", "table"], ["report", "--format", "txt"]):
        run = invoke(*command, str(facts), "-o", str(report), "--force")
        assert run.code == 2, (command, run.err)
        assert f"chitieu: error[output]: {report}: refusing to write over an input file" in run.err
        assert report.read_text(encoding="utf-8") == QUOTE + ".\n"
    md = ref / "bao-cao.md"
    md.write_text(QUOTE + ".\n", encoding="utf-8")
    fact_file(ref / "facts.yaml", report="bao-cao.md")
    run = invoke("report", str(facts), "-o", str(md), "--force")
    assert run.code == 2 and "refusing to write over an input file" in run.err
    assert md.read_text(encoding="utf-8") == QUOTE + ".\n"
    assert leftovers(ref) == []


def test_a_rule_file_of_the_catalogue_is_an_input_too(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    alias = tmp_path / "catalogue.txt"  # a text name, pointing at the catalogue
    alias.symlink_to(rules / "catalogue.yaml")
    before = (rules / "catalogue.yaml").read_bytes()
    run = invoke("check", SEED, "--rules", str(rules), "-o", str(alias), "--force")
    assert run.code == 2 and f"{alias}: refusing to write over an input file" in run.err
    assert (rules / "catalogue.yaml").read_bytes() == before


def test_drafts_and_imported_forms_are_never_written_over_a_rule_file(tmp_path, monkeypatch):
    """`facts extract` and `facts import` read the catalogue too: its files are inputs of theirs, also with --force
    and also when the catalogue comes from $CHITIEU_RULES."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__pycache__"))
    report = tmp_path / "bao-cao.txt"
    shutil.copy(ROOT / "examples" / "bao-cao-mau.txt", report)
    form = ROOT / "examples" / "tinh-an-bieu-mau.xlsx"
    before = {p.name: p.read_bytes() for p in rules.glob("*.yaml")}
    runs = [
        invoke(
            "facts", "extract", str(report), "--rules", str(rules), "-o", str(rules / "ke-hoach-84.yaml"), "--force"
        ),
        invoke("facts", "import", str(form), "--rules", str(rules), "-o", str(rules / "indicators.yaml"), "--force"),
    ]
    monkeypatch.setenv("CHITIEU_RULES", str(rules))
    runs.append(invoke("facts", "extract", str(report), "-o", str(rules / "catalogue.yaml"), "--force"))
    for run, target in zip(runs, ("ke-hoach-84.yaml", "indicators.yaml", "catalogue.yaml"), strict=True):
        assert run.code == 2, run.err
        assert f"{rules / target}: refusing to write over an input file" in run.err
    assert {p.name: p.read_bytes() for p in rules.glob("*.yaml")} == before
    assert leftovers(rules) == []


# --------------------------------------------------------------------------------------------------- not a file (6)


def test_a_fifo_is_never_replaced(tmp_path):
    fifo = tmp_path / "findings.json"
    os.mkfifo(fifo)
    run = invoke("check", SEED, "-o", str(fifo), "--force")
    assert run.code == 2
    assert (
        f"chitieu: error[output]: {fifo}: is a FIFO (named pipe); chitieu writes only a regular file or a new path"
        in run.err
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_node_is_never_replaced(tmp_path):
    device = tmp_path / "full"  # the kernel's "full" device (1, 7), made here: never a node under /dev
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    for command in (["check", "--format", "json"], ["report", "--format", "docx"], ["shortfalls", "--format", "csv"]):
        run = invoke(*command, SEED, "-o", str(device), "--force")
        assert run.code == 2, (command, run.err)
        assert f"{device}: is a device; chitieu writes only a regular file or a new path" in run.err
        assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert leftovers(tmp_path) == []


def test_a_folder_is_refused(tmp_path):
    run = invoke("check", SEED, "-o", str(tmp_path), "--force")
    assert run.code == 2 and f"{tmp_path}: is a folder; give a file name" in run.err


def test_a_symbolic_link_writes_the_file_it_points_to(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    run = invoke("check", SEED, "-o", str(link), "--force")
    assert run.code == 1, run.err
    assert link.is_symlink() and json.loads(real.read_text(encoding="utf-8"))["schema"] == "chitieu.findings/2"


# --------------------------------------------------------------------------------------------------- races (7)


def test_a_file_that_appears_while_writing_is_left_alone(tmp_path, monkeypatch):
    out = tmp_path / "findings.json"
    real_fsync = os.fsync

    def another_program_writes_meanwhile(fd):
        real_fsync(fd)
        if not out.exists():
            out.write_text("của chương trình khác", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", another_program_writes_meanwhile)
    run = invoke("check", SEED, "-o", str(out))
    assert run.code == 2
    assert (
        f"chitieu: error[output]: {out}: a file of this name appeared while chitieu was writing; it was left as it "
        "is (pass --force to replace it)"
    ) in run.err
    assert out.read_text(encoding="utf-8") == "của chương trình khác"
    assert leftovers(tmp_path) == []


def test_concurrent_runs_to_one_new_file_never_clobber_each_other(tmp_path):
    out = tmp_path / "findings.json"
    procs = [
        subprocess.Popen(
            chitieu_exe() + ["check", SEED, "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    codes = sorted(code for code, _ in results)
    assert codes == [1, 2, 2, 2], results  # one run wrote the file (with findings); the others were refused
    losers = [err for code, err in results if code == 2]
    assert all(f"{out}: the file exists" in e or f"{out}: a file of this name appeared" in e for e in losers)
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "chitieu.findings/2"
    assert leftovers(tmp_path) == []


# --------------------------------------------------------------------------------------------------- input errors (8)


def test_nothing_is_written_when_the_input_has_errors(tmp_path):
    facts = tmp_path / "facts"
    fact_file(facts / "a.yaml", "a")
    fact_file(facts / "b.yaml", "b", value="'50%'")  # a text where a number belongs: an input error
    outs = tmp_path / "out"
    outs.mkdir()
    runs = {
        "findings.json": ["check"],
        "ma-tran.html": ["check"],
        "ma-tran.xlsx": ["check"],
        "list.txt": ["check"],
        "table.txt": ["check", "--format", "table"],
        "matrix.txt": ["check", "--format", "matrix"],
        "bao-cao.docx": ["report"],
        "bao-cao.md": ["report"],
        "thieu-hut.csv": ["shortfalls"],
        "thieu-hut.xlsx": ["shortfalls"],
    }
    for name, command in runs.items():
        out = outs / name
        run = invoke(*command, str(facts), "-o", str(out))
        assert run.code == 2, (name, run.err)
        assert f"{facts / 'b.yaml'}:10:76: error[wrong-type]: " in run.err
        assert f"the communes they touch were left out, and nothing was written to {out}" in run.err, name
        assert not out.exists(), name
    assert sorted(p.name for p in outs.iterdir()) == []
    # the file that was there stays as it was, even with --force
    kept = outs / "findings.json"
    kept.write_text("bản cũ", encoding="utf-8")
    assert invoke("check", str(facts), "-o", str(kept), "--force").code == 2
    assert kept.read_text(encoding="utf-8") == "bản cũ"


# --------------------------------------------------------------------------------------------------- formats (8)


def test_the_output_name_picks_the_format(tmp_path):
    run = invoke("check", SEED, "-o", str(tmp_path / "f.json"))
    assert run.code == 1, run.err
    assert json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["schema"] == "chitieu.findings/2"
    assert invoke("check", SEED, "-o", str(tmp_path / "m.html")).code == 1
    assert (tmp_path / "m.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert invoke("check", SEED, "-o", str(tmp_path / "m.xlsx")).code == 1
    assert "xl/workbook.xml" in zipfile.ZipFile(tmp_path / "m.xlsx").namelist()
    assert invoke("report", SEED, "-o", str(tmp_path / "r.docx")).code == 0
    assert "word/document.xml" in zipfile.ZipFile(tmp_path / "r.docx").namelist()
    assert invoke("report", SEED, "-o", str(tmp_path / "r.txt")).code == 0
    assert (tmp_path / "r.txt").read_text(encoding="utf-8").startswith("ỦY BAN NHÂN DÂN\nXÃ TỊNH AN\n")
    assert invoke("shortfalls", SEED, "-o", str(tmp_path / "t.csv")).code == 0
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbfSTT,")
    assert invoke("shortfalls", SEED, "-o", str(tmp_path / "t.json")).code == 0
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["schema"] == "chitieu.shortfalls/1"


@pytest.mark.parametrize(
    "args,message",
    [
        (["check", "--format", "json", "-o", "x.xlsx"], "--format json contradicts the name -o {out} (a .xlsx file)"),
        (["check", "--format", "table", "-o", "x.json"], "--format table contradicts the name -o {out} (a .json file)"),
        (["check", "--format", "xlsx", "-o", "x.txt"], "--format xlsx contradicts the name -o {out} (a .txt file)"),
        (["report", "--format", "docx", "-o", "x.md"], "--format docx contradicts the name -o {out} (a .md file)"),
        (
            ["shortfalls", "--format", "csv", "-o", "x.xlsx"],
            "--format csv contradicts the name -o {out} (a .xlsx file)",
        ),
        (["check", "-o", "x.docx"], "-o {out}: this command does not write DOCX"),
        (["report", "-o", "x.csv"], "-o {out}: this command does not write CSV"),
        (["check", "--section", "--format", "json"], "--section and --format json contradict each other"),
    ],
    ids=lambda v: "-".join(v) if isinstance(v, list) else None,
)
def test_a_name_that_contradicts_the_format_is_refused_before_any_work(tmp_path, args, message):
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    out = next((a for a in args if a.startswith(str(tmp_path))), "")
    run = invoke(*args, SEED)
    assert run.code == 2 and message.format(out=out) in run.err, run.err
    assert list(tmp_path.iterdir()) == []


def test_plain_text_names_suit_every_text_format(tmp_path):
    for command, name in (
        (["check", "--format", "table"], "t.txt"),
        (["check", "--section"], "s.md"),
        (["report", "--format", "md"], "r.txt"),
        (["shortfalls"], "u.txt"),
    ):
        run = (
            invoke(*command, SEED, "-o", str(tmp_path / name), "--fail-on", "never")
            if command[0] == "check"
            else invoke(*command, SEED, "-o", str(tmp_path / name))
        )
        assert run.code == 0, (command, run.err)
    assert "│ Rule" in (tmp_path / "t.txt").read_text(encoding="utf-8")  # the suite runs with --lang en


# --------------------------------------------------------------------------------------------------- failures (12)


class _Failing:
    """A file whose writes fail as a full disk or a file-size limit makes them fail."""

    def __init__(self, fh, err: int):
        self._fh, self._err = fh, err

    def write(self, data):
        raise OSError(self._err, os.strerror(self._err))

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EFBIG], ids=["ENOSPC", "EFBIG"])
def test_a_failing_write_says_cannot_write_and_leaves_no_temporary_file(tmp_path, monkeypatch, err):
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _Failing(real_fdopen(fd, *a, **k), err))
    for command, name in (
        (["check"], "f.json"),
        (["check"], "m.xlsx"),
        (["report"], "r.docx"),
        (["shortfalls"], "t.csv"),
    ):
        out = tmp_path / name
        run = invoke(*command, SEED, "-o", str(out))
        assert run.code == 2, (name, run.err)
        assert f"chitieu: error[output]: cannot write {out}: {os.strerror(err)}; nothing was written" in run.err
        assert "internal error" not in run.err
        assert not out.exists() and leftovers(tmp_path) == []


def test_a_failing_fsync_is_a_write_failure_too(tmp_path, monkeypatch):
    def fsync(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)
    out = tmp_path / "f.json"
    run = invoke("check", SEED, "-o", str(out))
    assert run.code == 2 and f"error[output]: cannot write {out}: {os.strerror(errno.EIO)}" in run.err
    assert not out.exists() and leftovers(tmp_path) == []


def test_a_read_only_folder(tmp_path, monkeypatch):
    def mkstemp(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path / ".x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    out = tmp_path / "f.json"
    run = invoke("check", SEED, "-o", str(out))
    assert run.code == 2
    assert f"chitieu: error[output]: cannot write {out}: Permission denied; nothing was written" in run.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_folder_for_real(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        run = invoke("check", SEED, "-o", str(folder / "f.json"))
        assert run.code == 2 and f"cannot write {folder / 'f.json'}: Permission denied" in run.err
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("path", ["/proc/chitieu-test-{pid}.json", "/sys/chitieu-test-{pid}.json"])
def test_proc_and_sys_paths(path):
    if not Path("/" + path.split("/")[1]).is_dir():
        pytest.skip("no such file system here")
    out = Path(path.format(pid=os.getpid()))
    run = invoke("check", SEED, "-o", str(out))
    assert run.code == 2, run.err
    assert f"chitieu: error[output]: cannot write {out}: " in run.err and "nothing was written" in run.err
    assert not out.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_full_disk_on_standard_output(tmp_path):
    full = tmp_path / "full"  # the kernel's "full" device, made here
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    with open(full, "w") as stdout:
        proc = subprocess.run(
            chitieu_exe() + ["check", SEED, "--format", "json"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert proc.returncode == 2, proc.stderr
    assert "chitieu: error[output]: cannot write standard output: No space left on device" in proc.stderr
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr


def test_json_findings_read_the_same_through_a_file_standard_output_and_any_text_stream(tmp_path, catalogue):
    """The findings' lines go to a UTF-8 file or standard output as the serialiser's bytes, to any other text stream
    as text: one document, with its Vietnamese intact, every way."""
    import io

    from chitieu.audit import audit_stream
    from chitieu.diagnostics import Diagnostics
    from chitieu.facts import load_inputs
    from chitieu.reporters.json_out import write_stream

    to_file = invoke("check", SEED, "-o", str(tmp_path / "f.json"), "--fail-on", "never")
    to_stdout = invoke("check", SEED, "--format", "json", "--fail-on", "never")
    assert to_file.code == to_stdout.code == 0, to_file.err + to_stdout.err
    written = (tmp_path / "f.json").read_text(encoding="utf-8")
    assert written == to_stdout.out and "Tịnh An" in written
    doc = json.loads(written)
    assert len(doc["findings"]) == sum(doc["summary"].values()) > 30

    d = Diagnostics()
    communes, waivers = load_inputs([SEED_FACTS], catalogue, d)
    texts = []
    for stream in (io.StringIO(), io.TextIOWrapper(io.BytesIO(), encoding="utf-16", newline="\n")):
        write_stream(catalogue, audit_stream(catalogue, communes, waivers), stream)
        stream.flush()
        texts.append(
            stream.getvalue() if isinstance(stream, io.StringIO) else stream.buffer.getvalue().decode("utf-16")
        )
    assert texts[0] == texts[1] == written


def test_a_closed_standard_output_is_no_crash(tmp_path):
    """`chitieu check >&-`: Python then has no sys.stdout. The run ends as it would (exit 1: the seed has unmet
    findings), what would be printed is dropped, and -o still writes its file — no 'lỗi nội bộ', no traceback."""

    def closed() -> None:
        os.close(1)

    env = dict(os.environ, COLUMNS="80")
    for args in ([], ["--format", "json", "-o", str(tmp_path / "f.json")]):
        proc = subprocess.run(
            chitieu_exe() + ["check", SEED, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            preexec_fn=closed, env=env, timeout=120,
        )  # fmt: skip
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr and "lỗi nội bộ" not in proc.stderr, proc.stderr
    assert json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["findings"]


def test_a_standard_output_that_cannot_hold_vietnamese_gets_escapes_not_a_crash():
    """PYTHONIOENCODING=ascii or latin-1 (an old locale): the JSON is written with JSON's own escapes and reads back
    as the same document; the list view writes \\u escapes, as Python's standard error does. Never exit 3."""
    runs = {}
    for encoding in ("utf-8", "ascii", "latin-1"):
        env = dict(os.environ, PYTHONIOENCODING=encoding)
        proc = subprocess.run(
            chitieu_exe() + ["check", SEED, "--format", "json"], capture_output=True, env=env, timeout=120
        )
        assert proc.returncode == 1, proc.stderr.decode(encoding, "replace")
        runs[encoding] = json.loads(proc.stdout.decode(encoding))
        listed = subprocess.run(chitieu_exe() + ["check", SEED], capture_output=True, env=env, timeout=120)
        assert listed.returncode == 1 and b"Traceback" not in listed.stderr
    assert runs["ascii"] == runs["latin-1"] == runs["utf-8"]
    assert runs["ascii"]["communes"][0]["name"] == "xã Tịnh An"


def test_dash_as_the_output_is_standard_output(tmp_path):
    run = invoke("check", SEED, "--format", "json", "-o", "-", "--fail-on", "never")
    assert run.code == 0, run.err
    assert json.loads(run.out)["communes"][0]["id"] == "quang-ngai/tinh-an"
    assert not (ROOT / "-").exists() and not Path("-").exists()


def test_a_signal_whose_exception_was_lost_still_keeps_no_output(tmp_path, monkeypatch):
    """An interrupt's exception can be swallowed where Python runs under C ("Exception ignored in …"); the run then
    goes on, but the signal was received: the output file is not kept, and the interrupt is raised there again."""
    import signal

    from chitieu import sigmask
    from chitieu.output import AtomicFile

    monkeypatch.setattr(sigmask, "RECEIVED", [signal.SIGINT])
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as `chitieu check` runs: Ctrl-C raises
    try:
        with pytest.raises(KeyboardInterrupt):
            with AtomicFile(tmp_path / "findings.json", inputs=[]) as fh:
                fh.write("{}")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # neither the output nor its temporary file
    # with no signal received, the same writing keeps its file
    monkeypatch.setattr(sigmask, "RECEIVED", [])
    with AtomicFile(tmp_path / "findings.json", inputs=[]) as fh:
        fh.write("{}")
    assert (tmp_path / "findings.json").read_text() == "{}"


def test_an_interrupt_lost_under_c_is_told_in_words_not_as_pythons_traceback(tmp_path, monkeypatch):
    """A Ctrl-C landing in code run under C cannot be raised there: Python prints "Exception ignored in: …" and a
    traceback and goes on. The run remembers it and stops before keeping any output; the user reads one line in
    words, no traceback (seen once in a plain clone's suite, stop 30)."""
    import signal

    from chitieu import output, sigmask

    class _LosesItsInterrupt:
        def __del__(self):
            raise KeyboardInterrupt  # what CPython does with a signal handler's exception it cannot raise

    enter = output.AtomicFile.__enter__

    def interrupted_under_c(self):
        sigmask.RECEIVED.append(signal.SIGINT)
        _LosesItsInterrupt()  # dropped at once: its exception goes to sys.unraisablehook
        return enter(self)

    monkeypatch.setattr(output.AtomicFile, "__enter__", interrupted_under_c)
    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)  # Python's own, as a user's run has it
    out = tmp_path / "ket-luan.json"
    run = invoke("check", SEED, "--format", "json", "-o", str(out))
    assert run.code == 130, run.err
    assert "interrupted; no output file was left behind" in run.err
    assert "Exception ignored" not in run.err and "Traceback" not in run.err
    assert sorted(p.name for p in tmp_path.iterdir()) == []
