"""What a person sees in the terminal: the default view of `chitieu check` (what failed first, one line per finding,
80 columns, a closing summary), its filters, NO_COLOR, a closed pipe, and Ctrl-C / SIGTERM."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import shlex
import shutil
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import ROOT, SEED_FACTS, chitieu_exe, invoke, run_cli

SEED = str(SEED_FACTS)
UNMET = [
    "mo-hinh-van-dong-gpmb",
    "van-dong-chuyen-doi-so",
    "van-dong-kinh-te-tuan-hoan",
    "van-dong-nong-nghiep-thich-ung-bdkh",
    "van-dong-du-lich-nong-thon",
    "ke-hoach-do-thi-van-minh",
]
CLARIFY = ["kiem-tra-giai-doan-ho-so-ntm-nc", "kiem-tra-quy-che-phoi-hop", "kiem-tra-mo-hinh-chuyen-doi-so"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def vietnamese(monkeypatch):
    """The view a user sees by default: Vietnamese (the suite runs with CHITIEU_LANG=en); a test of the English view
    says --lang en."""
    monkeypatch.setenv("CHITIEU_LANG", "vi")


def _groups(out: str) -> dict[str, list[str]]:
    """The view's status headings and, under each, the rule ids of its lines."""
    groups, heading = {}, None
    for line in out.splitlines():
        if line.startswith("─"):
            break
        if line.startswith("  ") and not line.startswith("    "):
            heading = line.strip()
            groups[heading] = []
        elif line.startswith("    ") and heading:
            groups[heading].append(line.split()[0])
    return groups


@pytest.mark.usefixtures("vietnamese")
def test_the_default_view_leads_with_what_failed():
    run = invoke("check", SEED, env={"COLUMNS": "80"})
    assert run.code == 1, run.err
    lines = run.out.splitlines()
    assert lines[0] == "xã Tịnh An (quang-ngai/tinh-an) — số liệu đến tháng 10/2024: 36 kết luận"
    groups = _groups(run.out)
    assert list(groups) == [
        "Chưa đạt (unmet): 6",
        "Cần làm rõ (needs_clarification): 3",
        "Chưa đủ dữ liệu (insufficient_data): 2",
        "Chưa đến hạn / đang chờ thẩm định (pending): 3",
        "Ghi nhận (noted): 3",
        "Đạt (met): 19",
    ]
    assert groups["Chưa đạt (unmet): 6"] == UNMET
    assert groups["Cần làm rõ (needs_clarification): 3"] == CLARIFY
    assert lines[2] == "    mo-hinh-van-dong-gpmb                đến tháng 10/2024  không (chỉ tiêu: có)"
    assert lines[3] == "    van-dong-chuyen-doi-so               đến tháng 10/2024  0 mô hình"
    # one line per finding: 36 finding lines in all, then the summary
    assert sum(len(ids) for ids in groups.values()) == 36
    summary = lines[lines.index(next(ln for ln in lines if ln.startswith("─"))) :]
    assert summary[0].strip("─") == " tóm tắt: 6 chưa đạt / có nguy cơ · 3 cần làm rõ "
    heads = [ln for ln in summary if ln.startswith(("CHƯA ĐẠT ", "CẦN LÀM RÕ "))]
    assert [h.split()[2] for h in heads if h.startswith("CHƯA")] == UNMET
    assert [h.split()[3] for h in heads if h.startswith("CẦN")] == CLARIFY
    assert heads[0] == "CHƯA ĐẠT mo-hinh-van-dong-gpmb · xã Tịnh An · đến tháng 10/2024"
    i = summary.index(heads[0])
    assert summary[i + 1 : i + 3] == [
        "    Đến tháng 10/2024, chưa xây dựng kế hoạch thành lập mô hình tuyên truyền,",
        "    vận động giải phóng mặt bằng.",
    ]
    i = summary.index(next(ln for ln in summary if ln.startswith("1 xã, ")))
    assert summary[i : i + 3] == [
        "1 xã, 36 kết luận: 6 Chưa đạt (unmet) · 3 Cần làm rõ (needs_clarification) · 2",
        "  Chưa đủ dữ liệu (insufficient_data) · 3 Chưa đến hạn / đang chờ thẩm định",
        "  (pending) · 3 Ghi nhận (noted) · 19 Đạt (met)",
    ]
    assert "\x1b" not in run.out  # not a terminal: no styling


@pytest.fixture(scope="module")
def unwrapped_words() -> set[str]:
    """Every word of the view laid out on lines too long to wrap or cut anything."""
    import io

    from chitieu.batch import audit_batch
    from chitieu.catalogue import load_catalogue
    from chitieu.diagnostics import Diagnostics
    from chitieu.reporters.listing import write_list

    cat = load_catalogue()
    buf = io.StringIO()
    write_list(cat, audit_batch(cat, [SEED_FACTS], Diagnostics()), buf, width=100_000, again=[SEED])
    return set(buf.getvalue().split()) | {"\\"}  # the hint's command, on narrow lines, is continued with '\\'


def test_the_list_view_speaks_english_with_lang_en_and_keeps_the_vietnamese_labels_beside():
    """--lang en: the view's own words (headings, periods, summary, hints) in English, the Vietnamese status label
    beside each JSON value; what the catalogue says (messages, units) stays its Vietnamese."""
    run = invoke("--lang", "en", "check", SEED, env={"COLUMNS": "80"})
    assert run.code == 1, run.err
    lines = run.out.splitlines()
    assert lines[0] == "xã Tịnh An (quang-ngai/tinh-an) — data as of 10/2024: 36 finding(s)"
    groups = _groups(run.out)
    assert list(groups) == [
        "unmet (Chưa đạt): 6",
        "needs_clarification (Cần làm rõ): 3",
        "insufficient_data (Chưa đủ dữ liệu): 2",
        "pending (Chưa đến hạn / đang chờ thẩm định): 3",
        "noted (Ghi nhận): 3",
        "met (Đạt): 19",
    ]
    assert groups["unmet (Chưa đạt): 6"] == UNMET
    assert lines[2] == "    mo-hinh-van-dong-gpmb                as of 10/2024  không (target: có)"
    assert "    ntm-nang-cao                         by 31/12/2026  " in run.out
    assert "    mo-hinh-dvk-luy-ke                   2023–2024      07 mô hình" in run.out
    summary = lines[lines.index(next(ln for ln in lines if ln.startswith("─"))) :]
    assert summary[0].strip("─") == " summary: 6 unmet / at risk · 3 to clarify "
    assert summary[1] == "UNMET mo-hinh-van-dong-gpmb · xã Tịnh An · as of 10/2024"
    assert summary[2].startswith("    Đến tháng 10/2024, chưa xây dựng kế hoạch")  # the catalogue's own words
    assert "TO CLARIFY kiem-tra-quy-che-phoi-hop · xã Tịnh An · as of 10/2024" in summary
    assert " ".join(run.out.split()).endswith(
        "1 commune(s), 36 finding(s): 6 unmet (Chưa đạt) · 3 needs_clarification (Cần làm rõ) · 2 insufficient_data "
        "(Chưa đủ dữ liệu) · 3 pending (Chưa đến hạn / đang chờ thẩm định) · 3 noted (Ghi nhận) · 19 met (Đạt) Full "
        f"table: chitieu check {SEED} --format table One rule: chitieu rules show ID · filter: --status unmet --rule "
        "'mo-*' --commune COMMUNE-ID"  # a glob of the first rule shown (mo-hinh-van-dong-gpmb): it matches something
    )
    assert max(cell_len(line) for line in lines) <= 80


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("width", [40, 60, 80, 100])
def test_every_line_fits_and_no_word_is_split(width, unwrapped_words):
    run = invoke("check", SEED, env={"COLUMNS": str(width)})
    lines = run.out.splitlines()
    # only a path the user typed, alone on a line of the closing hint, may be wider: it cannot be folded and stay
    # pasteable (the seed's absolute path is longer than 40 columns in a deep checkout)
    assert [ln for ln in lines if cell_len(ln) > width and len(ln.rstrip(" \\").split()) > 1] == []
    # a word is moved to the next line or left out after a '…', never cut: each is a whole word of the view
    words = [w[:-1] if w.endswith("…") else w for w in run.out.split()]
    assert [w for w in words if w and w not in unwrapped_words and set(w) != {"─"}] == []


@pytest.mark.usefixtures("vietnamese")
def test_the_closing_summary_keeps_each_message_whole(seed_json):
    run = invoke("check", SEED, env={"COLUMNS": "80"})
    summary = run.out.split("─ tóm tắt", 1)[1]
    blocks = re.split(r"\n(?=CHƯA ĐẠT |CẦN LÀM RÕ )", summary)[1:]
    messages = {
        f["rule_id"]: f["message"] for f in seed_json["findings"] if f["status"] in ("unmet", "needs_clarification")
    }
    assert len(blocks) == len(messages) == 9
    for block in blocks:
        head, *body = block.splitlines()
        rule = head.split(" · ")[0].split()[-1]
        text = " ".join(ln.strip() for ln in body if ln.startswith("    "))
        assert text == messages[rule]


@pytest.mark.usefixtures("vietnamese")
def test_filters_by_status_rule_and_commune():
    run = invoke("check", SEED, "--status", "unmet")
    assert run.code == 1 and list(_groups(run.out)) == ["Chưa đạt (unmet): 6"]
    run = invoke("check", SEED, "--status", "met,insufficient_data")
    assert run.code == 1, "the exit code still counts every finding"
    assert list(_groups(run.out)) == ["Chưa đủ dữ liệu (insufficient_data): 2", "Đạt (met): 19"]
    run = invoke("check", SEED, "--rule", "ntm-n*", "--rule", "giam-ngheo")
    assert run.code == 0, "none of these rules is unmet"
    groups = _groups(run.out)
    assert groups["Chưa đến hạn / đang chờ thẩm định (pending): 3"] == [
        "giam-ngheo",
        "ntm-nang-cao",
        "ntm-nc-du-dieu-kien",
    ]
    assert groups["Đạt (met): 1"] == ["giam-ngheo"]
    # several rules joined by commas, as --status takes its statuses: the same run
    joined = invoke("check", SEED, "--rule", "ntm-n*,giam-ngheo")
    assert (joined.code, _groups(joined.out)) == (run.code, groups)
    run = invoke("check", SEED, "--commune", "quang-ngai/*", "--status", "unmet", "--format", "json")
    assert run.code == 1 and [f["rule_id"] for f in run.json()["findings"]] == UNMET
    run = invoke("check", SEED, "--commune", "xã Tịnh An", "--rule", "giam-ngheo", "--format", "json")
    assert [f["period"]["key"] for f in run.json()["findings"]] == ["2023", "2024"]
    # a pattern that matches none is a usage error
    run = invoke("--lang", "en", "check", SEED, "--commune", "binh-dinh/*")
    assert run.code == 2 and run.out == ""
    assert "Error: --commune 'binh-dinh/*' matches no commune; the run read 1 commune: quang-ngai/tinh-an" in run.err


@pytest.mark.parametrize(
    "args,message",
    [
        (["--status", "unmett"], "unknown status 'unmett' (did you mean: 'unmet', 'met'?); the statuses are: unmet, "),
        (["--rule", "giam-ngeo"], "--rule 'giam-ngeo' matches no rule (did you mean: 'giam-ngheo'"),
    ],
)
def test_a_filter_that_matches_nothing_known_is_a_usage_error(args, message):
    run = invoke("check", SEED, *args)
    assert run.code == 2 and message in run.err and run.out == ""


@pytest.mark.usefixtures("vietnamese")
def test_the_closing_hint_repeats_the_users_own_command_with_the_table_format(tmp_path):
    folder = tmp_path / "báo cáo xã"  # a path with a space and diacritics, quoted as a shell needs it
    shutil.copytree(SEED_FACTS, folder)
    rules = str(SEED_FACTS.parent.parent / "rules")
    scope = ["--rules", rules, "--plan", "156/KH-UBND", "--rule", "ntm-*", "--status", "unmet"]
    run = invoke("check", str(folder), *scope, "--fail-on", "never", env={"COLUMNS": "200"})
    assert run.code == 0, run.err
    hint = run.out[run.out.index("Bảng đầy đủ:") :].removeprefix("Bảng đầy đủ:").split("\nMột quy tắc:")[0]
    # a shell joins lines ended by '\\'
    assert shlex.split(hint.replace("\\\n", " ")) == ["chitieu", "check", str(folder), *scope, "--format", "table"]
    narrow = invoke("check", str(folder), "--rules", rules, "--fail-on", "never", env={"COLUMNS": "80"})
    lines = narrow.out[narrow.out.index("Bảng đầy đủ:") :].splitlines()
    # 80 columns, but for one path longer than a line, which is never broken; each line but the last ends in '\\'
    assert all(cell_len(line) <= 80 or len(shlex.split(line.rstrip(" \\"))) == 1 for line in lines)
    assert lines[1].endswith(" \\")
    end = next(i for i in range(1, len(lines)) if not lines[i].endswith("\\"))
    command = "\n".join(lines[1 : end + 1]).replace("\\\n", " ")
    assert shlex.split(command) == ["chitieu", "check", str(folder), "--rules", rules, "--format", "table"]
    bare = invoke("check", SEED, "--fail-on", "never")
    assert f"Bảng đầy đủ: chitieu check {SEED} --format table" in bare.out.splitlines()


# the words the table view may show: what the findings say, and the view's own labels
TABLE_LABELS = (
    "Quy tắc Kỳ Mức chỉ tiêu Kết quả Trạng thái Căn cứ Chỉ tiêu: Mức chỉ tiêu: Kết quả: Căn cứ: Nguồn: → · — "
    "Tổng số kết luận: xã Tịnh An số liệu đến tháng 10/2024"
)


def _table_words(seed_json) -> set[str]:
    from chitieu import vi

    texts = [TABLE_LABELS, *vi.STATUS_LABELS.values()]
    for f in seed_json["findings"]:
        texts += [f["rule_id"], f["title"], f["period"]["label"], f["actual_display"], f["status"], f["status_label"]]
        texts += [f["evidence_level"], f["evidence_label"], f["source"]["citation"], f["source"]["clause"]]
        texts += [f["message"], (f["target"] or {}).get("display") or "", f["outlook"] or ""]
    return {w.strip("()[]:;,.·") for t in texts for w in t.split()}


@pytest.mark.usefixtures("vietnamese")
@pytest.mark.parametrize("columns", [80, 120])
def test_the_table_fits_the_width_and_never_cuts_a_word(columns, seed_json):
    """Through a pipe (no terminal), $COLUMNS gives the width: no line is wider, and every word on a line is a whole
    word of a finding or of the view — folded between words, never inside one."""
    run = invoke("check", SEED, "--format", "table", env={"COLUMNS": str(columns)})
    assert run.code == 1, run.err
    lines = run.out.splitlines()
    assert max(cell_len(line) for line in lines) == columns
    known = _table_words(seed_json) | {"chỉ", "tiêu)"}  # "(500% chỉ tiêu)" beside a result
    words = [w for line in lines for w in re.sub(r"[│┌┐└┘├┤┬┴┼╞╡╪═─┄]", " ", line).split()]
    cut = [w for w in words if w.strip("()[]:;,.·") not in known and not re.fullmatch(r"\(?\d+(,\d+)?%?", w)]
    assert cut == []
    # every finding is there with its message, and the rows close at the table's right border
    for f in seed_json["findings"]:
        assert f["rule_id"] in words
    assert " ".join(words).count("Nguồn:") == 36
    assert all(line.endswith(("│", "┐", "┤", "╡", "┘")) for line in lines if line[:1] and line[0] in "│┌├╞└")
    last = " ".join(run.out[run.out.index("Tổng số kết luận:") :].split())
    assert "Chưa đạt (unmet): 6" in last and "Đạt (met): 19" in last and "Ghi nhận (noted): 3" in last


@pytest.mark.usefixtures("vietnamese")
def test_the_table_has_fewer_columns_when_narrower():
    def header(columns: int) -> str:
        out = invoke("check", SEED, "--format", "table", env={"COLUMNS": str(columns)}).out
        return out.splitlines()[2]

    assert [c.strip() for c in header(160).split("│")[1:-1]] == [
        "Quy tắc",
        "Kỳ",
        "Mức chỉ tiêu",
        "Kết quả",
        "Trạng thái",
        "Căn cứ",
    ]
    assert [c.strip() for c in header(100).split("│")[1:-1]] == [
        "Quy tắc · Kỳ",
        "Mức chỉ tiêu → Kết quả",
        "Trạng thái · Căn cứ",
    ]
    assert [c.strip() for c in header(80).split("│")[1:-1]] == ["Quy tắc · Kỳ", "Trạng thái · Mức → Kết quả · Căn cứ"]
    assert [c.strip() for c in header(60).split("│")[1:-1]] == ["Quy tắc · Kỳ · Trạng thái"]


def _on_a_terminal(
    args: list[str], env: dict, columns: int = 80, *, stream: str = "stdout", cwd: Path | None = None
) -> str:
    """Run chitieu with ``stream`` on a real pseudo-terminal of the given width (the other one in a pipe that is not
    read); what it printed on the terminal (CR LF made LF)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    full_env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen(
        chitieu_exe() + args,
        stdin=subprocess.DEVNULL,
        stdout=slave if stream == "stdout" else subprocess.DEVNULL,
        stderr=slave if stream == "stderr" else subprocess.DEVNULL,
        cwd=cwd,
        env=full_env | {"TERM": "xterm-256color"} | env,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(master)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.usefixtures("vietnamese")
def test_on_a_real_terminal_styled_and_80_columns_wide():
    out = _on_a_terminal(["check", SEED], {})
    assert ANSI.search(out), "a terminal gets colour"
    plain = ANSI.sub("", out)
    assert plain.splitlines()[1] == "  Chưa đạt (unmet): 6"
    assert max(cell_len(ln) for ln in plain.splitlines()) <= 80


@pytest.mark.usefixtures("vietnamese")
def test_the_table_on_a_real_terminal_keeps_to_its_width():
    for columns in (80, 120):
        plain = ANSI.sub("", _on_a_terminal(["check", SEED, "--format", "table"], {}, columns))
        assert max(cell_len(ln) for ln in plain.splitlines()) == columns
        assert "Chờ kết quả cuối kỳ" in plain and "Tổng số kết luận: 36" in plain


def test_through_a_pipe_the_table_takes_the_width_of_the_terminal_it_is_read_on():
    """`chitieu check --format table | less` without $COLUMNS (a shell does not export it): the terminal standard
    error is on gives the width."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.run(
        chitieu_exe() + ["check", SEED, "--format", "table"], stdout=subprocess.PIPE, stderr=slave, env=env, timeout=300
    )
    os.close(slave)
    os.close(master)
    lines = proc.stdout.decode("utf-8").splitlines()
    assert proc.returncode == 1 and "\x1b" not in proc.stdout.decode("utf-8")  # a pipe: no colour
    assert max(cell_len(ln) for ln in lines) == 120


@pytest.mark.usefixtures("vietnamese")
def test_no_color_disables_all_styling():
    out = _on_a_terminal(["check", SEED], {"NO_COLOR": "1"})
    assert "\x1b" not in out
    assert out.splitlines()[1] == "  Chưa đạt (unmet): 6"
    assert "\x1b" not in _on_a_terminal(["check", SEED, "--format", "table"], {"NO_COLOR": "1"})
    assert "\x1b" not in _on_a_terminal(["check", SEED, "--format", "matrix"], {"NO_COLOR": "1"})
    assert ANSI.search(_on_a_terminal(["check", SEED, "--color"], {"NO_COLOR": "1"})), "--color still wins"


# --------------------------------------------------------------------------------------------------- pipes and signals


@pytest.mark.parametrize("fmt", ["list", "table", "json"])
def test_a_closed_pipe_ends_quietly(fmt):
    """`chitieu check | head`: the reader goes away; chitieu ends without a word, as a program SIGPIPE stops."""
    proc = subprocess.Popen(
        chitieu_exe() + ["check", SEED, "--format", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read()
    proc.stderr.close()
    assert proc.wait(timeout=300) == 141
    assert "internal error" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err


def test_head_reads_the_first_lines(tmp_path):
    script = (
        f"set -o pipefail; {' '.join(chitieu_exe())} check {SEED} --format table 2>{tmp_path / 'err'} | head -3; "
        f"echo ${{PIPESTATUS[0]}} > {tmp_path / 'code'}"
    )
    proc = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=300)
    assert len(proc.stdout.splitlines()) == 3
    err = (tmp_path / "err").read_text(encoding="utf-8")
    assert "internal error" not in err and "BrokenPipe" not in err and "Exception ignored" not in err, err
    assert (tmp_path / "code").read_text().strip() in ("1", "141")  # all written before head left, or stopped


@pytest.fixture(scope="module")
def many_communes(tmp_path_factory) -> Path:
    from bench.generate import generate

    folder = tmp_path_factory.mktemp("many")
    # long enough that the signal lands while the file is being written, on a loaded machine too (with 150, a poller
    # starved of CPU woke after the run had ended, twice on 2026-11-29)
    generate(folder, 300, 3, seed=5)
    return folder


def _hangup_as_a_terminal_has_it() -> None:
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize(
    "sig,code,word",
    [
        (signal.SIGTERM, 143, "terminated (SIGTERM)"),
        (signal.SIGHUP, 129, "terminated (SIGHUP)"),
        (signal.SIGINT, 130, "interrupted"),
    ],
    ids=["SIGTERM", "SIGHUP", "SIGINT"],
)
def test_a_signal_leaves_no_temporary_file(tmp_path, many_communes, sig, code, word, jobs):
    out = tmp_path / "findings.json"
    proc = subprocess.Popen(
        chitieu_exe() + ["check", str(many_communes), "-o", str(out), "--jobs", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: a runner that ignores SIGHUP (nohup, some CI agents) passes that on, and chitieu then
        # keeps ignoring it, as `nohup chitieu …` must
        preexec_fn=_hangup_as_a_terminal_has_it,
    )
    deadline = time.monotonic() + 120
    # wait until the output is being written: bytes in the temporary file, not only its name (a signal landing
    # between the file's creation and the moment the program holds its name could leak it: engine/output.py)
    while not any(_size(p) for p in tmp_path.glob(".findings.json.*.tmp")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the run never started writing"
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert len(workers) == (0 if jobs == "1" else 2)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == code, stderr
    assert f"chitieu: {word}; no output file was left behind" in stderr and "Traceback" not in stderr
    assert "Exception ignored" not in stderr, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    deadline = time.monotonic() + 10
    while any(_running(w) for w in workers):
        assert time.monotonic() < deadline, "a worker outlived the run"
        time.sleep(0.05)


@pytest.mark.usefixtures("vietnamese")
def test_the_list_views_results_start_in_one_column():
    """'đến tháng 10/2024' (17 columns) is the longest period of the seed: every result starts after it, in line."""
    run = run_cli("check", env={"COLUMNS": "80"})
    starts = {
        len(m.group(0))
        for m in (re.match(r"^ +[a-z0-9-]+ +(?:năm 2023|đến tháng 10/2024) +", ln) for ln in run.out.splitlines())
        if m
    }
    assert len(starts) == 1, run.out


def test_on_a_real_terminal_the_note_on_an_unreviewed_draft_is_folded_at_its_width(tmp_path):
    """No $COLUMNS: the command's own lines on standard error take the terminal's width (issue: a new user's review,
    a 250-character note at 80 columns); the command the user would copy stays on one line."""
    shutil.copy(ROOT / "examples" / "bao-cao-mau.txt", tmp_path / "bao-cao.txt")
    args = ["check", "bao-cao.txt", "--allow-unreviewed", "--format", "json", "--fail-on", "never"]
    for lang, placeholder in (("vi", "TỆP"), ("en", "FILE")):
        err = _on_a_terminal(["--lang", lang, *args], {}, 80, stream="stderr", cwd=tmp_path)
        lines = [line for line in err.splitlines() if line]
        assert lines[0].startswith("chitieu: bao-cao.txt: ") and len(lines) > 1
        assert max(cell_len(line) for line in lines) <= 80
        assert any(f"`chitieu facts extract bao-cao.txt -o {placeholder}`" in line for line in lines)


@pytest.mark.usefixtures("vietnamese")
def test_a_status_filter_never_makes_the_summary_speak_for_what_it_hides():
    """--status met hides the seed's 6 unmet targets: the summary says nothing is unmet *among what is shown*, and how
    many findings it does not show (the exit code counts them)."""
    run = invoke("check", SEED, "--status", "met", env={"COLUMNS": "80"})
    assert run.code == 1, run.err  # the unmet targets are still counted
    flat = " ".join(run.out.split())
    assert "Không có chỉ tiêu chưa đạt" not in flat
    assert "Trong các kết luận được hiển thị (--status met), không có kết luận chưa đạt" in flat
    assert "1 xã, 19 kết luận: 19 Đạt (met) 17 kết luận khác không hiển thị (--status met); mã thoát vẫn tính" in flat
    en = invoke("--lang", "en", "check", SEED, "--status", "waived", env={"COLUMNS": "80"})
    lines = en.out.splitlines()
    assert "1 commune(s), 0 finding(s)" in lines  # no dangling colon
    assert "36 other finding(s) not shown (--status waived); the exit code counts them." in lines
    assert max(cell_len(line) for line in lines) <= 80


def test_a_rule_out_of_force_says_so_in_the_list_and_the_table(tmp_path):
    """A report of 2028, after the plans' years: each rule that does not apply then is listed as "ngoài kỳ áp dụng"
    in the result column, not as "không có số liệu", which reads as a gap the commune should fill."""
    report = tmp_path / "bao-cao-2028.txt"
    text = (ROOT / "tests" / "fixtures" / "intake" / "bao-cao-an-phu.txt").read_text(encoding="utf-8")
    report.write_text(text.replace("2025", "2028").replace("2024", "2027"), encoding="utf-8")
    args = ("check", str(report), "--commune-id", "quang-ngai/an-phu", "--fail-on", "never")
    listed = run_cli("--lang", "vi", *args).out.splitlines()
    out_of_force = [ln for ln in listed if "ntm-nc-du-dieu-kien" in ln or "khu-dan-cu-6-khong" in ln]
    assert len(out_of_force) == 2 and all(ln.endswith("ngoài kỳ áp dụng") for ln in out_of_force), listed
    under = listed[listed.index(next(ln for ln in listed if "Không áp dụng (not_applicable)" in ln)) + 1 :]
    assert not any("không có số liệu" in ln for ln in under[:3])
    table = run_cli("--lang", "en", *args, "--format", "table").out
    assert table.count("not in force") == 11, table  # the 11 rules out of force, in the result column
