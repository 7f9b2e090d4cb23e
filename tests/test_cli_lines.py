"""The command's own lines — the summaries of `facts extract`, `facts import`, `facts lint`, `init`, `form`, `rules
new`, `rules test`, `rules docs`, the note on an unreviewed draft, `chitieu users`, `serve`'s refusals — and every
refusal of an output (`-o`), in Vietnamese by default and in English with --lang en; an output refused is
``chitieu: error[output]: …`` with exit 2 whichever command and whichever reason, never click's usage error."""

from __future__ import annotations

import json
import os
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, SEED_FACTS, run_cli
from test_messages_vi import english_left

EXAMPLES = ROOT / "examples"
REPORT = EXAMPLES / "bao-cao-mau.txt"
FORM = EXAMPLES / "tinh-an-bieu-mau.xlsx"
VI = {"CHITIEU_LANG": None}  # the default language: no $CHITIEU_LANG, no --lang


def both(*args: str, cwd: Path | None = None, env: dict | None = None):
    """The same command by default (Vietnamese) and with --lang en."""
    return run_cli(*args, cwd=cwd, env={**VI, **(env or {})}), run_cli("--lang", "en", *args, cwd=cwd, env=env)


def vietnamese(line: str) -> str:
    """A line said in Vietnamese: NFC, and no run of English words outside what it quotes or names."""
    assert line == unicodedata.normalize("NFC", line)
    assert not english_left(line), f"left in English: {line}"
    return line


def last(text: str) -> str:
    return text.strip().splitlines()[-1]


def said(err: str) -> str:
    """What a command on the seed commune says on standard error, without the note that the seed's report is not
    beside the checkout (note[report-missing]: present or not, as ../shared is)."""
    return "\n".join(ln for ln in err.strip().splitlines() if "note[report-missing]" not in ln)


# --------------------------------------------------------------------------------------------------- summaries


def test_facts_extract_summary(tmp_path):
    vi, en = (
        run_cli("facts", "extract", str(REPORT), "--commune-id", "quang-ngai/tan-mau", "-o", str(tmp_path / n), env=e)
        for n, e in (("vi.yaml", VI), ("en.yaml", {"CHITIEU_LANG": "en"}))
    )
    assert vi.code == en.code == 0, vi.err
    facts, review = en.err.split(" facts (")[0].split()[-1], en.err.split(" facts (")[1].split()[0]
    assert last(en.err).startswith(f"{facts} facts ({review} to review), ")
    assert vietnamese(last(vi.err)).startswith(f"{facts} số liệu ({review} cần xem lại), ")
    assert last(vi.err).endswith("câu chưa khớp với chỉ số nào")
    assert (tmp_path / "vi.yaml").read_bytes() == (tmp_path / "en.yaml").read_bytes()  # the words only


def test_facts_import_and_lint_summaries(tmp_path):
    vi, en = both("facts", "import", str(FORM))
    assert vi.code == en.code == 0 and vi.out == en.out
    n_facts = en.err.split(" facts (")[0].split()[-1]
    assert last(en.err).startswith(f"{n_facts} facts (") and last(en.err).endswith(f"items) read from {FORM}")
    assert vietnamese(last(vi.err)) == last(en.err).replace(" facts (", " số liệu (").replace(
        f"items) read from {FORM}", f"mục) từ {FORM}"
    ).replace(n_facts, f"Đã đọc {n_facts}", 1)
    vi, en = both("facts", "lint", str(REPORT))
    assert vi.code == en.code == 1
    n = last(en.err).split()[0]
    assert last(en.err) == f"{n} problem(s) in 1 report(s)"
    assert vietnamese(last(vi.err)) == f"{n} vấn đề trong 1 báo cáo"


def test_init_form_and_the_rule_authors_commands(tmp_path):
    vi = run_cli("init", str(tmp_path / "vi"), env=VI)
    en = run_cli("--lang", "en", "init", str(tmp_path / "en"))
    assert vi.code == en.code == 0, vi.err
    assert en.out.split()[1:4] == ["files", "copied", "into"] and "the catalogue in" in en.out
    assert vi.out.splitlines()[0].startswith("Đã sao chép ") and "danh mục quy tắc ở" in vi.out
    assert vi.out.splitlines()[1] == f"Dùng bản sao bằng --rules {tmp_path / 'vi' / 'rules'} hoặc: export " + (
        f"CHITIEU_RULES={tmp_path / 'vi' / 'rules'}"
    )
    assert vi.out.splitlines()[2].startswith("Sau đó: chitieu rules lint && chitieu rules test && chitieu check ")
    for line in vi.out.splitlines():
        vietnamese(line)

    rules = str(tmp_path / "vi" / "rules")
    new = run_cli(
        "rules", "new", "thu-moi", "--source", "kh-84-tu", "--indicator", "dvcq.ke_hoach_nam", "--rules", rules, env=VI
    )
    assert new.code == 0, new.err
    assert vietnamese(new.out.strip()).endswith(
        ": đã thêm quy tắc 'thu-moi' — sửa quy tắc này, rồi chạy: chitieu rules lint && chitieu rules test -k thu-moi"
    )
    vi, en = both("rules", "test", "-k", "giam-ngheo", "--rules", rules)
    assert vi.code == en.code == 0
    passed = last(en.out).split()[0]
    assert last(en.out) == f"{passed} passed, 0 failed" and int(passed) >= 2
    assert vietnamese(last(vi.out)) == f"{passed} ví dụ khớp, 0 ví dụ không khớp"
    assert vi.out.splitlines()[0].startswith("KHỚP  giam-ngheo::") and " cần Đạt (met), kết quả Đạt (met)" in " ".join(
        vi.out.split()
    )
    assert en.out.splitlines()[0].startswith("PASSED  giam-ngheo::") and " expected met, got met" in " ".join(
        en.out.split()
    )

    vi = run_cli("rules", "docs", "--rules", rules, "-o", str(tmp_path / "docs-vi"), env=VI)
    en = run_cli("--lang", "en", "rules", "docs", "--rules", rules, "-o", str(tmp_path / "docs-en"))
    pages = en.out.split()[0]
    assert en.out.strip() == f"{pages} page(s) written to {tmp_path / 'docs-en'}"
    assert vietnamese(vi.out.strip()) == f"Đã ghi {pages} trang vào {tmp_path / 'docs-vi'}"

    vi = run_cli("form", "--rules", rules, "-o", str(tmp_path / "bieu-mau.xlsx"), env=VI)
    en = run_cli("--lang", "en", "form", "--rules", rules, "-o", str(tmp_path / "form.xlsx"))
    assert vi.code == en.code == 0
    assert vi.err.strip() == f"{tmp_path / 'bieu-mau.xlsx'}: biểu mẫu của xã Tịnh An (quang-ngai/tinh-an)"
    assert en.err.strip() == f"{tmp_path / 'form.xlsx'}: the reporting form of xã Tịnh An (quang-ngai/tinh-an)"


def test_check_o_says_what_it_wrote_on_stderr_and_nothing_on_stdout(tmp_path):
    vi, en = (
        run_cli("check", str(SEED_FACTS), "-o", str(tmp_path / name), *more, env=e)
        for name, more, e in (("vi.json", (), VI), ("en.json", ("--status", "unmet"), {"CHITIEU_LANG": "en"}))
    )
    assert vi.code == en.code == 1 and vi.out == en.out == ""
    written = json.loads((tmp_path / "vi.json").read_text(encoding="utf-8"))
    n_all = len(written["findings"])
    n_unmet = len(json.loads((tmp_path / "en.json").read_text(encoding="utf-8"))["findings"])
    assert n_all > n_unmet > 0  # --status: the line counts what the file holds
    assert vietnamese(said(vi.err)) == f"Đã ghi {n_all} kết luận vào {tmp_path / 'vi.json'}"
    assert said(en.err) == f"Wrote {n_unmet} finding(s) to {tmp_path / 'en.json'}"


def test_facts_extract_and_import_o_say_what_they_wrote(tmp_path):
    report, form = ROOT / "examples" / "bao-cao-mau.txt", ROOT / "examples" / "tinh-an-bieu-mau.xlsx"
    draft = tmp_path / "nhap.yaml"
    run = run_cli("facts", "extract", str(report), "-o", str(draft), "--commune-id", "quang-ngai/tan-mau", env=VI)
    assert run.code == 0 and run.out == "" and "schema: chitieu.facts/1" in draft.read_text(encoding="utf-8")
    assert run.err.strip().splitlines()[-2] == f"Đã ghi bản nháp số liệu (cần rà soát) vào {draft}"
    imported = tmp_path / "so-lieu.yaml"
    run = run_cli("facts", "import", str(form), "-o", str(imported), env={"CHITIEU_LANG": "en"})
    assert run.code == 0 and run.out == "" and imported.exists()
    assert run.err.strip().splitlines()[-2] == f"Wrote the facts to {imported}"
    run = run_cli("facts", "import", str(form), env=VI)  # to standard output: nothing said written
    assert run.code == 0 and "Đã ghi" not in run.err and "schema: chitieu.facts/1" in run.out


def test_nothing_written_is_never_said_written(tmp_path):
    (tmp_path / "f.json").write_text("{}", encoding="utf-8")
    vi, en = both("check", str(SEED_FACTS), "-o", str(tmp_path / "f.json"))
    assert vi.code == en.code == 2 and "Đã ghi" not in vi.err and "Wrote" not in en.err
    assert (tmp_path / "f.json").read_text(encoding="utf-8") == "{}"
    assert said(both("check", str(SEED_FACTS), "--fail-on", "never")[1].err) == ""  # to standard output: nothing


@pytest.mark.parametrize(
    "product, vi_name, en_name",
    [
        ("commune", "dự thảo báo cáo của xã", "the commune's draft"),
        ("reviewer", "phiếu rà soát", "the review sheet"),
        ("self-assessment", "biểu tự đánh giá", "the self-assessment table"),
    ],
)
def test_report_o_says_which_document_it_wrote(tmp_path, product, vi_name, en_name):
    vi, en = (
        run_cli("report", str(SEED_FACTS), "--for", product, "-o", str(tmp_path / name), env=e)
        for name, e in (("vi.docx", VI), ("en.md", {"CHITIEU_LANG": "en"}))
    )
    assert vi.code == en.code == 0 and vi.out == en.out == ""
    assert (tmp_path / "vi.docx").stat().st_size > 0 and (tmp_path / "en.md").stat().st_size > 0
    assert vietnamese(said(vi.err)) == f"Đã ghi {vi_name} vào {tmp_path / 'vi.docx'}"
    assert said(en.err) == f"Wrote {en_name} to {tmp_path / 'en.md'}"
    from chitieu.cli import DOCUMENT_NAMES, DOCUMENT_PRODUCTS

    assert set(DOCUMENT_NAMES) == set(DOCUMENT_PRODUCTS)  # a new document has its name said too


def test_shortfalls_o_says_it_wrote_the_list(tmp_path):
    vi, en = both("shortfalls", str(SEED_FACTS), "-o", str(tmp_path / "thieu-hut.csv"), "--force")
    assert vi.code == en.code == 0 and vi.out == en.out == ""
    assert (tmp_path / "thieu-hut.csv").read_text(encoding="utf-8").count("\n") > 1
    assert vietnamese(said(vi.err)) == f"Đã ghi danh sách thiếu hụt vào {tmp_path / 'thieu-hut.csv'}"
    assert said(en.err) == f"Wrote the list of shortfalls to {tmp_path / 'thieu-hut.csv'}"


def test_the_note_on_an_unreviewed_draft(tmp_path):
    vi, en = both("check", str(REPORT), "--allow-unreviewed", "--format", "json", "--fail-on", "never")
    assert vi.code == en.code == 0 and vi.out == en.out
    note_en = next(ln for ln in en.err.splitlines() if "drafted automatically" in ln)
    note_vi = vietnamese(next(ln for ln in vi.err.splitlines() if "rút tự động" in ln))
    assert note_en.startswith(f"chitieu: {REPORT}: ") and note_vi.startswith(f"chitieu: {REPORT}: ")
    assert f"— chạy `chitieu facts extract {REPORT} -o TỆP` để rà soát" in note_vi


def test_an_interruption_and_an_unknown_rule(tmp_path):
    vi, en = both("rules", "show", "giam-ngeo")
    assert vi.code == en.code == 2
    assert en.err.strip() == "chitieu: error[unknown-rule]: no rule 'giam-ngeo' (did you mean: 'giam-ngheo'?)"
    assert vi.err.strip() == "chitieu: error[unknown-rule]: không có quy tắc 'giam-ngeo' (có phải là: 'giam-ngheo'?)"


def test_the_web_commands_say_their_refusals_in_vietnamese(tmp_path):
    db = str(tmp_path / "c.db")
    vi, en = both("serve", "--host", "0.0.0.0", "--db", db)
    assert vi.code == en.code == 2
    assert "error[no-users]: refusing to listen on 0.0.0.0: beyond this machine" in en.err
    assert vi.err.startswith("chitieu: error[no-users]: không mở trang trên địa chỉ 0.0.0.0: ngoài máy này, ")
    assert f"  chitieu users add NAME --role reviewer --province quang-ngai --db {db}\n" in vi.err
    for line in vi.err.splitlines():
        vietnamese(line)
    (tmp_path / "rules").mkdir()
    broken = run_cli("serve", "--db", db, env={**VI, "CHITIEU_RULES": str(tmp_path / "rules")})
    assert broken.code == 2 and last(broken.err) == "chitieu: danh mục quy tắc có lỗi; trang web chưa được khởi động"
    vi = run_cli("serve", "--db", str(tmp_path / "khong-co" / "c.db"), env=VI)
    assert vi.code == 2
    assert vi.err.startswith(f"chitieu: error[database]: không mở được cơ sở dữ liệu sqlite:///{tmp_path}/khong-co/")
    add = ["users", "add", "lan", "--role", "reviewer", "--province", "quang-ngai", "--password-stdin", "--db", db]
    from click.testing import CliRunner

    from chitieu.cli import main

    short = CliRunner().invoke(main, add, input="ngan\n", env=VI)
    assert short.exit_code == 2 and short.stderr.strip() == "chitieu: error[user]: mật khẩu phải có ít nhất 10 ký tự"
    done = CliRunner().invoke(main, add, input="mat-khau-du-dai\n", env=VI)
    assert done.exit_code == 0 and done.stdout.strip() == "Đã thêm lan (reviewer: quang-ngai)"
    again = CliRunner().invoke(main, add, input="mat-khau-du-dai\n", env=VI)
    assert again.exit_code == 2 and again.stderr.strip() == "chitieu: error[user]: người dùng 'lan' đã có"
    off = CliRunner().invoke(main, ["users", "disable", "lan", "--db", db], env=VI)
    assert off.stdout.strip() == "Đã khóa lan"
    listed = CliRunner().invoke(main, ["users", "list", "--db", db], env=VI)
    assert listed.stdout.strip().endswith("\t(đã khóa)")


# --------------------------------------------------------------------------------------------------- -o refusals


def _seed_copy(tmp_path: Path) -> Path:
    """The seed commune's facts, without the report its file names (a plain clone may not have ../shared)."""
    folder = tmp_path / "tinh-an"
    shutil.copytree(SEED_FACTS, folder)
    return folder


@pytest.fixture
def places(tmp_path) -> dict[str, Path]:
    """Where an output must not go: a folder, a FIFO, a place under a regular file (not writable), an input."""
    (tmp_path / "thu-muc").mkdir()
    os.mkfifo(tmp_path / "ong")
    (tmp_path / "tep").write_text("x", encoding="utf-8")
    report = tmp_path / "bao-cao.txt"
    shutil.copy(REPORT, report)
    return {
        "folder": tmp_path / "thu-muc",
        "fifo": tmp_path / "ong",
        "unwritable": tmp_path / "tep" / "ra.json",
        "report": report,
    }


COMMANDS = {
    "check": lambda p: ["check", str(p["report"]), "--allow-unreviewed", "--fail-on", "never"],
    "report": lambda p: ["report", str(p["report"]), "--allow-unreviewed"],
    "shortfalls": lambda p: ["shortfalls", str(p["report"]), "--allow-unreviewed"],
    "form": lambda p: ["form"],
    "facts-extract": lambda p: ["facts", "extract", str(p["report"]), "--commune-id", "quang-ngai/tan-mau"],
    "facts-import": lambda p: ["facts", "import", str(FORM)],
    "rules-docs": lambda p: ["rules", "docs"],
}
# what each refusal says (English, Vietnamese) about the place
SAYS = {
    "folder": ("{o}: is a folder; give a file name", "{o}: là một thư mục; hãy cho tên một tệp"),
    "fifo": (
        "{o}: is a FIFO (named pipe); chitieu writes only a regular file or a new path",
        "{o}: là một FIFO (đường ống có tên); chitieu chỉ ghi vào một tệp thường hoặc một đường dẫn mới",
    ),
    "unwritable": ("cannot write {o}: ", "không ghi được {o}: "),
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("where", ["folder", "fifo", "unwritable"])
def test_an_output_that_cannot_be_written_is_a_located_error(places, command, where):
    if command == "rules-docs" and where == "folder":
        pytest.skip("rules docs writes its pages into a folder")
    target = places[where]
    if command in ("form",) and where == "unwritable":
        target = target.with_suffix(".xlsx")
    if command in ("facts-extract", "facts-import") and where == "unwritable":
        target = target.with_suffix(".yaml")
    args = COMMANDS[command](places) + ["-o", str(target)]
    for lang, run in zip(("en", "vi"), (run_cli("--lang", "en", *args), run_cli(*args, env=VI)), strict=True):
        assert run.code == 2, (lang, run.err)
        assert "Usage:" not in run.err and "Traceback" not in run.err and "internal error" not in run.err
        line = next(ln for ln in run.err.splitlines() if "error[output]" in ln)
        expected = SAYS[where][lang == "vi"]
        if command == "rules-docs" and where == "fifo":
            expected = (
                "{o}: is not a folder; give a folder for the pages",
                "{o}: không phải thư mục; hãy cho một thư mục để ghi các trang",
            )[lang == "vi"]
        assert line.startswith("chitieu: error[output]: " + expected.format(o=target)), line
        if lang == "vi":
            vietnamese(line)
    assert sorted(p.name for p in places["folder"].iterdir()) == []


@pytest.mark.parametrize(
    "args,en,vi",
    [
        (
            ["check", "{report}", "--allow-unreviewed", "-o", "{report}", "--force", "--format", "list"],
            "{report}: refusing to write over an input file",
            "{report}: không ghi đè lên tệp đầu vào",
        ),
        (
            ["facts", "extract", "{report}", "--commune-id", "quang-ngai/tan-mau", "-o", "{report}", "--force"],
            "{report}: refusing to write over an input file",
            "{report}: không ghi đè lên tệp đầu vào",
        ),
        (
            ["check", "{report}", "--allow-unreviewed", "-o", "{dir}/ket-qua.docx"],
            "-o {dir}/ket-qua.docx: this command does not write DOCX (its formats: ",
            "-o {dir}/ket-qua.docx: lệnh này không ghi định dạng DOCX (các định dạng của lệnh: ",
        ),
        (
            ["report", "{report}", "--allow-unreviewed", "--format", "docx", "-o", "{dir}/du-thao.md"],
            "--format docx contradicts the name -o {dir}/du-thao.md (a .md file); use a name ending in .docx",
            "--format docx mâu thuẫn với tên -o {dir}/du-thao.md (tệp .md); hãy dùng tên có đuôi .docx",
        ),
        (
            ["facts", "import", str(FORM), "-o", "{dir}/so-lieu.xlsx"],
            "-o {dir}/so-lieu.xlsx: this command does not write XLSX (its formats: yaml)",
            "-o {dir}/so-lieu.xlsx: lệnh này không ghi định dạng XLSX (các định dạng của lệnh: yaml)",
        ),
        (
            ["form", "-o", "{dir}/bieu-mau.md"],
            "-o {dir}/bieu-mau.md: chitieu form writes an Excel workbook; give a name ending in .xlsx",
            "-o {dir}/bieu-mau.md: chitieu form ghi ra một bảng tính Excel; hãy đặt tên có đuôi .xlsx",
        ),
        (
            ["form", "-o", "{report}", "--commune", "a/b=xã B", "--commune", "a/c=xã C"],
            "with several --commune, -o names a folder (one workbook per commune); {report} is a file",
            "khi có nhiều --commune, -o là một thư mục (mỗi xã một bảng tính); {report} là một tệp",
        ),
        (
            ["shortfalls", "{report}", "--allow-unreviewed", "-o", "{dir}/khong-co/thieu-hut.csv"],
            "{dir}/khong-co/thieu-hut.csv: the folder {dir}/khong-co does not exist",
            "{dir}/khong-co/thieu-hut.csv: thư mục {dir}/khong-co không tồn tại",
        ),
        (
            ["init", "{dir}"],
            "{dir}/rules already exists; choose a new folder (nothing was copied)",
            "{dir}/rules đã có; hãy chọn một thư mục mới (chưa sao chép gì)",
        ),
    ],
    ids=[
        "over-input",
        "extract-over-report",
        "no-docx",
        "contradiction",
        "import-xlsx",
        "form-md",
        "form-folder",
        "no-folder",
        "init-exists",
    ],
)
def test_a_refused_output_name_is_an_output_error_not_a_usage_error(places, tmp_path, args, en, vi):
    (tmp_path / "rules").mkdir()
    fill = {"report": str(places["report"]), "dir": str(tmp_path)}
    args = [a.format(**fill) for a in args]
    before = places["report"].read_bytes()
    run_en, run_vi = run_cli("--lang", "en", *args), run_cli(*args, env=VI)
    for run, text in ((run_en, en), (run_vi, vi)):
        assert run.code == 2, run.err
        assert "Usage:" not in run.err and "Traceback" not in run.err
        assert f"chitieu: error[output]: {text.format(**fill)}" in run.err, run.err
    vietnamese(next(ln for ln in run_vi.err.splitlines() if "error[output]" in ln))
    assert places["report"].read_bytes() == before


# --------------------------------------------------------------------------------------------------- 80 columns


def test_the_rule_authors_views_fit_80_columns():
    """`rules list` and `rules test` at the width of $COLUMNS: no line wider, every rule id whole on its line."""
    from rich.cells import cell_len

    for columns in (80, 120):
        listed = run_cli("rules", "list", env={**VI, "COLUMNS": str(columns)})
        assert listed.code == 0, listed.err
        lines = listed.out.splitlines()
        assert max(cell_len(ln) for ln in lines) <= columns
        from chitieu.catalogue import load_catalogue

        ids = [lr.rule.id for lr in load_catalogue().rules]
        rows = re.findall(r"^│ ([a-z0-9]+(?:-[a-z0-9]+)+) ", listed.out, flags=re.M)  # an id opens its row
        assert rows == ids and lines[-1] == f"{len(ids)} quy tắc"
        # period and severity in Vietnamese, the period with the value a rule file writes
        if columns == 80:  # where period and severity share the id's column, on one line
            assert "│ hằng năm (annual) · quan trọng " in listed.out
        assert not re.search(r"\b(annual|major) ·|· (major|minor)\b", listed.out)
        tested = run_cli("rules", "test", "-k", "ntm-nc-*", env={**VI, "COLUMNS": str(columns)})
        assert tested.code == 0, tested.err
        assert max(cell_len(ln) for ln in tested.out.splitlines()) <= columns
        verdicts = [ln for ln in tested.out.splitlines() if not ln.startswith(" ")][:-1]
        assert verdicts and all(re.fullmatch(r"KHỚP  ntm-nc-[a-z0-9-]+::[a-z0-9-]+(  \(.*)?", v) for v in verdicts)
        assert re.fullmatch(rf"{len(verdicts)} ví dụ khớp, 0 ví dụ không khớp", tested.out.splitlines()[-1])


def test_a_new_documents_file_never_replaces_one(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__pycache__"))
    before = (rules / "ke-hoach-84.yaml").read_bytes()
    args = ["rules", "new-document", "ke-hoach-84", "--number", "84/KH-UBND", "--date", "2025-01-15", "--issuer"]
    args += [
        "UBND xã Tịnh An",
        "--title",
        "Kế hoạch",
        "--period",
        "2025",
        "--province",
        "quang-ngai",
        "--rules",
        str(rules),
    ]
    vi, en = both(*args)
    assert vi.code == en.code == 2 and "Usage:" not in vi.err + en.err
    path = rules / "ke-hoach-84.yaml"
    assert (
        en.err.strip()
        == f"chitieu: error[output]: {path}: the file exists; choose another document id (nothing is written over)"
    )
    assert vi.err.strip() == f"chitieu: error[output]: {path}: tệp đã có; hãy chọn mã văn bản khác (không ghi đè)"
    assert path.read_bytes() == before


def test_every_line_of_the_catalogue_is_said_and_vietnamese():
    """Each key of LINES is used by a command, and its Vietnamese is Vietnamese: NFC, no English left, the same
    fields as the English."""
    import string

    from chitieu.messages_vi import LINES

    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "engine").rglob("*.py"))
    for key, (english, text) in LINES.items():
        assert f'"{key}"' in sources.replace(f'"{key}": (', ""), f"{key} is said nowhere"
        fields = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(text) if f}, key
        if key not in ("example-passed", "example-failed", "password", "disabled"):  # one or two words
            vietnamese(text.replace("{", "'").replace("}", "'"))


@pytest.mark.parametrize(
    "args,en,vi",
    [
        (
            ["check", str(SEED_FACTS), "--status", "unmett"],
            "unknown status 'unmett' (did you mean: 'unmet', 'met'?); the statuses are: unmet, ",
            "không có trạng thái 'unmett' (có phải là: 'unmet', 'met'?); các trạng thái là: unmet, ",
        ),
        (
            ["check", str(SEED_FACTS), "--rule", "giam-ngeo"],
            "--rule 'giam-ngeo' matches no rule (did you mean: 'giam-ngheo'?)",
            "--rule 'giam-ngeo' không khớp với quy tắc nào (có phải là: 'giam-ngheo'?)",
        ),
        (
            ["check", str(SEED_FACTS), "--format", "xlsx"],
            "--format xlsx writes a file: give -o FILE",
            "--format xlsx ghi ra một tệp: hãy chỉ định -o TỆP",
        ),
        (
            ["form", "--commune", "quang-ngai/tinh-ha"],
            "Invalid value for --commune: 'quang-ngai/tinh-ha': write ID=NAME, e.g. ",
            "giá trị không hợp lệ cho '--commune': 'quang-ngai/tinh-ha': viết MÃ=TÊN, ví dụ ",
        ),
        (
            ["rules", "new", "Quy-Tac", "--source", "kh-84-tu"],
            "'Quy-Tac' is not a rule id: use lower-case ASCII words joined by '-'",
            "'Quy-Tac' không phải mã quy tắc: dùng chữ thường không dấu, nối bằng '-'",
        ),
        (
            ["check", str(SEED_FACTS), "--commune", "tinh-ann", "--fail-on", "never"],
            "--commune 'tinh-ann' matches no commune (did you mean: 'quang-ngai/tinh-an'?); the run read 1 commune: "
            "quang-ngai/tinh-an (xã Tịnh An)",
            "--commune 'tinh-ann' không khớp với xã nào (có phải là: 'quang-ngai/tinh-an'?); lần kiểm tra đã đọc 1 xã: "
            "quang-ngai/tinh-an (xã Tịnh An)",
        ),
        (
            ["check", str(SEED_FACTS), "--commune", "ha-noi/*", "--commune", "xa Tinh Ha"],
            "--commune 'ha-noi/*' 'xa Tinh Ha' match no commune; the run read 1 commune",
            "--commune 'ha-noi/*' 'xa Tinh Ha' không khớp với xã nào; lần kiểm tra đã đọc 1 xã",
        ),
    ],
    ids=["status", "rule", "binary-without-o", "commune", "rule-id", "check-commune", "check-communes"],
)
def test_a_usage_error_of_a_commands_own_checks_is_said_in_vietnamese(args, en, vi):
    run_vi, run_en = both(*args)
    assert run_vi.code == run_en.code == 2 and run_vi.out == run_en.out == ""
    assert f"Error: {en}" in run_en.err and said(run_en.err).startswith("Usage: ")
    lines = said(run_vi.err).splitlines()
    assert (
        lines[0].startswith("Cách dùng: ") and lines[1].startswith("Xem '") and "--help' để biết cách dùng" in lines[1]
    )
    assert lines[-1].startswith(f"Lỗi: {vi}")
    vietnamese(lines[-1])


# --------------------------------------------------------------------------------------------------- at 80 columns


@pytest.fixture
def on_a_terminal(monkeypatch):
    """The command's standard streams taken for a terminal (CliRunner's are not)."""
    import chitieu.cli

    monkeypatch.setattr(chitieu.cli, "_on_terminal", lambda err: True)


def unfold(text: str) -> str:
    """Folded lines joined back: a line indented by two spaces goes on the line above it."""
    return re.sub(r"\n  (?=\S)", " ", text)


def _narrow(runs) -> list[str]:
    lines = [line for run in runs for line in run.err.splitlines()]
    assert lines, "nothing was said"
    return [line for line in lines if len(line) > 80]


def test_on_a_terminal_the_note_on_an_unreviewed_draft_fits_80_columns(tmp_path, monkeypatch):
    shutil.copy(REPORT, tmp_path / "bao-cao.txt")
    args = ("check", "bao-cao.txt", "--allow-unreviewed", "--format", "json", "--fail-on", "never")
    piped = both(*args, cwd=tmp_path, env={"COLUMNS": "80"})
    import chitieu.cli

    monkeypatch.setattr(chitieu.cli, "_on_terminal", lambda err: True)
    shown = both(*args, cwd=tmp_path, env={"COLUMNS": "80"})
    assert _narrow(shown) == []
    for one_line, folded, command in zip(
        piped,
        shown,
        ("`chitieu facts extract bao-cao.txt -o TỆP`", "`chitieu facts extract bao-cao.txt -o FILE`"),
        strict=True,
    ):
        assert one_line.code == folded.code == 0 and one_line.out == folded.out
        assert len(one_line.err.splitlines()) == 1 and command in one_line.err  # a pipe: one message, one line
        assert len(folded.err.splitlines()) > 1 and unfold(folded.err) == one_line.err
        assert any(command in line for line in folded.err.splitlines()), "the command to copy is never split"


def test_on_a_terminal_a_usage_error_fits_80_columns(monkeypatch, tmp_path):
    """click's frame (usage, hint) stays; its last line, a message of the command's own checks or of click's parser,
    folds at the terminal's width in both languages, never inside what it quotes; through a pipe it is one line."""
    import chitieu.cli
    from bench.generate import generate

    generate(tmp_path / "xa", 1, 1, seed=3)
    for args in (
        ("check", str(tmp_path / "xa"), "--commune", "xa-0001-khong-co"),
        ("check", str(SEED_FACTS), "--format", "khong-co-dinh-dang-nay", "--status", "unmet"),
    ):
        monkeypatch.setattr(chitieu.cli, "_on_terminal", lambda err: False)
        piped = both(*args, env={"COLUMNS": "80"})
        monkeypatch.setattr(chitieu.cli, "_on_terminal", lambda err: True)
        shown = both(*args, env={"COLUMNS": "80"})
        assert _narrow(shown) == []
        for one_line, folded, prefix in zip(piped, shown, ("Lỗi: ", "Error: "), strict=True):
            assert one_line.code == folded.code == 2
            head, _, last = one_line.err.rstrip("\n").rpartition("\n")
            assert last.startswith(prefix) and len(last) > 80  # one line through a pipe
            assert folded.err.startswith(head + "\n") and unfold(folded.err) == one_line.err
            quoted = re.findall(r"'[^']*'", last)
            assert all(any(q in line for line in folded.err.splitlines()) for q in quoted), "a quote is never split"


def test_on_a_terminal_the_refusal_of_an_unreviewed_draft_fits_80_columns(tmp_path, on_a_terminal):
    shutil.copytree(SEED_FACTS, tmp_path / "tinh-an")
    shutil.copy(REPORT, tmp_path / "bao-cao.txt")
    drafted = run_cli(
        "facts", "extract", "bao-cao.txt", "--commune-id", "quang-ngai/tinh-an", "-o", "tinh-an/nhap.yaml", cwd=tmp_path
    )
    assert drafted.code == 0, drafted.err
    vi, en = both("check", "tinh-an", cwd=tmp_path, env={"COLUMNS": "80"})
    assert vi.code == en.code == 2 and vi.out == en.out == ""
    assert _narrow([vi, en]) == []
    for run, message in (
        (en, "this is a draft of `chitieu facts extract` that no one has reviewed (unreviewed: true)"),
        (vi, "đây là bản nháp của `chitieu facts extract` chưa được rà soát (unreviewed: true)"),
    ):
        first = next(line for line in run.err.splitlines() if "error[unreviewed]" in line)
        assert first.startswith("tinh-an/nhap.yaml:5:1: error[unreviewed]: ")
        assert f"tinh-an/nhap.yaml:5:1: error[unreviewed]: {message}" in unfold(run.err)
        assert "--allow-unreviewed" in run.err


def test_a_folded_line_never_splits_a_path_or_a_command():
    from chitieu.reporters.listing import fold

    path = "/tmp/thư mục của xã/báo cáo năm 2025.txt"
    text = (
        f"chitieu: {path}: 13 facts drafted automatically from the report and not reviewed; the findings rest on "
        f"them — run `chitieu facts extract '{path}' -o FILE` to review them\n"
        "Then: chitieu rules lint && chitieu rules test && chitieu check ~/chitieu-quang-ngai/facts"
    )
    lines = fold(text, 40, keep=[path]).split("\n")
    assert unfold("\n".join(lines)) == text
    # only what must stay whole is wider than the line: each goes whole to a line of its own
    assert [line for line in lines if len(line) > 40] == [
        f"  {path}:",
        f"  `chitieu facts extract '{path}' -o FILE`",
        "  chitieu rules lint && chitieu rules test && chitieu check ~/chitieu-quang-ngai/facts",
    ]
    assert fold(text, 400) == text  # what fits is left as it is


def test_on_a_terminal_serves_refusal_fits_80_columns_and_keeps_its_command_whole(tmp_path, on_a_terminal):
    vi, en = both("serve", "--host", "0.0.0.0", "--db", "c.db", cwd=tmp_path, env={"COLUMNS": "80"})
    assert vi.code == en.code == 2
    assert _narrow([vi, en]) == []
    for run in (vi, en):
        assert "  chitieu users add NAME --role reviewer --province quang-ngai --db c.db" in run.err.splitlines()
        assert run.err.startswith("chitieu: error[no-users]: ") and len(run.err.splitlines()) > 3


def test_rules_show_on_a_terminal_lays_the_page_out_at_its_width_and_a_pipe_keeps_the_markdown(on_a_terminal):
    run = run_cli("rules", "show", "ntm-nang-cao", env={**VI, "COLUMNS": "80"})
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines and max(len(line) for line in lines) <= 80, max(lines, key=len)
    assert "|---|" not in run.out and any(line.strip().startswith("Văn bản nguồn") for line in lines)
    assert "Kế hoạch số 156/KH-UBND ngày 06/4/2023" in run.out


def test_rules_show_through_a_pipe_is_the_markdown_page():
    run = run_cli("rules", "show", "ntm-nang-cao", env=VI)
    assert run.code == 0 and run.out.startswith("# `ntm-nang-cao` — ")
    assert "| Văn bản nguồn | Kế hoạch số 156/KH-UBND ngày 06/4/2023 của UBND xã Tịnh An |" in run.out
