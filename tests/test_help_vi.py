"""Every command's --help and click's own usage errors are Vietnamese by default and English with --lang en (or
CHITIEU_LANG=en); no command, option or example comment is without its Vietnamese (engine/help_vi.py)."""

from __future__ import annotations

import inspect
import re
import unicodedata

import click
import pytest
from chitieu import __version__

from chitieu import help_vi
from chitieu.cli import main
from chitieu.cli_vi import _examples, option_key
from conftest import ROOT, run_cli
from test_documented_examples import _commands, help_examples
from test_messages_vi import english_left

NO_LANG = {"CHITIEU_LANG": None}


def _real(cmd: click.Command) -> click.Command:
    return cmd.real() if hasattr(cmd, "real") else cmd  # the web commands, imported when run


def commands() -> list[tuple[str, click.Command]]:
    """(path, command) for chitieu and every command and group below it."""
    found = []

    def walk(cmd: click.Command, path: str) -> None:
        cmd = _real(cmd)
        found.append((path, cmd))
        if isinstance(cmd, click.Group):
            for name in cmd.list_commands(click.Context(cmd)):
                walk(cmd.get_command(click.Context(cmd), name), f"{path} {name}")

    walk(main, "chitieu")
    return found


def options(cmd: click.Command) -> list[click.Parameter]:
    """The options of a command that its help shows, and its arguments that have a help of their own."""
    ctx = click.Context(cmd)
    return [
        p
        for p in cmd.get_params(ctx)
        if isinstance(p, click.Option) and not p.hidden or isinstance(p, click.Argument) and p.help is not None
    ]


def comments(cmd: click.Command) -> list[str]:
    _, lines = _examples(inspect.cleandoc(cmd.help or ""))
    return [m.group(1) for line in lines for m in [re.search(r"\s# (.*)$", line)] if m]


def missing_vietnamese() -> list[str]:
    """The commands, options, arguments with a help and example comments that have no Vietnamese."""
    missing = []
    for path, cmd in commands():
        if not help_vi.description(path):
            missing.append(path)
        if path != "chitieu" and not help_vi.short(path):
            missing.append(f"{path} (short)")
        missing += [f"{path} {option_key(p)}" for p in options(cmd) if not help_vi.option(path, option_key(p))]
        missing += [f"{path} # {c}" for c in comments(cmd) if not help_vi.note(path, c)]
    return missing


def test_every_command_option_and_example_comment_has_its_vietnamese():
    assert missing_vietnamese() == []


def test_a_command_or_option_added_without_its_vietnamese_is_named(monkeypatch):
    @click.command()
    @click.argument("report", help="The report to read.")
    @click.option("--depth", help="How deep to look.")
    @click.option("--force", is_flag=True, help="Audit a report that says it is final.")
    def audit(report: str, depth: str, force: bool) -> None:
        """Audit a report.

        \b
        Example:
          chitieu facts audit bao-cao.txt   # a first look
        """

    monkeypatch.setitem(main.commands["facts"].commands, "audit", audit)  # type: ignore[attr-defined]
    assert missing_vietnamese() == [
        "chitieu facts audit",
        "chitieu facts audit (short)",
        "chitieu facts audit REPORT",
        "chitieu facts audit --depth",
        "chitieu facts audit # a first look",
    ]
    # its --force means something else than the others': the shared Vietnamese must not stand for it
    with pytest.raises(AssertionError):
        test_a_shared_vietnamese_help_stands_for_one_english_help()


def test_the_table_names_only_commands_options_and_comments_that_exist():
    known = dict(commands())
    stale = []
    for path, entry in help_vi.HELP.items():
        if path not in known:
            stale.append(path)
            continue
        names = {option_key(p) for p in options(known[path])}
        notes = {f"# {c}" for c in comments(known[path])}
        stale += [f"{path} {k}" for k in entry if k not in ("", "short") and k not in names | notes]
    assert stale == []


def test_a_shared_vietnamese_help_stands_for_one_english_help():
    """A new command whose --force (say) means something else must get its own Vietnamese, not the shared one."""
    english: dict[str, set[str]] = {}
    for path, cmd in commands():
        for p in options(cmd):
            key = option_key(p)
            if key in help_vi.SHARED and key not in help_vi.HELP.get(path, {}):
                english.setdefault(key, set()).add(p.help or "")
    assert {k: v for k, v in english.items() if len(v) > 1} == {}
    assert set(english) == set(help_vi.SHARED)


def test_the_vietnamese_texts_are_vietnamese_nfc():
    texts = list(help_vi.SHARED.values()) + [t for e in help_vi.HELP.values() for t in e.values()]
    for text in texts:
        assert text == unicodedata.normalize("NFC", text) and not english_left(text), text


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["facts", "extract", "--help"], ["serve", "--help"]])
def test_help_is_vietnamese_by_default_and_english_with_lang_en(args):
    vi = run_cli(*args, env=NO_LANG)
    en = run_cli("--lang", "en", *args, env=NO_LANG)
    en_env = run_cli(*args, env={"CHITIEU_LANG": "en"})
    path = " ".join(["chitieu", *args[:-1]])
    assert vi.code == en.code == en_env.code == 0 and en.out == en_env.out
    assert vi.out.startswith(f"Cách dùng: {path} ") and en.out.startswith(f"Usage: {path} ")
    assert "\nTùy chọn:\n" in vi.out and "Hiện hướng dẫn này rồi thoát." in vi.out
    assert "Options:" not in vi.out and "Show this message and exit." not in vi.out
    assert "\nOptions:\n" in en.out and "Show this message and exit." in en.out and "Tùy chọn" not in en.out
    first_vi = " ".join(help_vi.description(path).split("\n")[0].split()[:6])
    assert first_vi in " ".join(vi.out.split()) and first_vi not in " ".join(en.out.split())


def test_the_groups_list_their_commands_in_vietnamese():
    vi = run_cli("--help", env=NO_LANG)
    assert "\nLệnh:\n" in vi.out
    assert re.search(r"^  check +Kiểm tra các tệp số liệu theo danh mục quy tắc\.$", vi.out, flags=re.M)
    assert re.search(r"^  serve +Mở trang web trên máy", vi.out, flags=re.M)
    en = run_cli("--lang", "en", "--help", env=NO_LANG)
    assert re.search(r"^  check +Check fact files", en.out, flags=re.M) and "Lệnh" not in en.out


def test_the_options_defaults_and_ranges_are_said_in_vietnamese():
    out = " ".join(run_cli("check", "--help", env=NO_LANG).out.split())
    assert "[mặc định: unmet]" in out and "[từ 1 trở lên]" in out
    out = " ".join(run_cli("rules", "new-document", "--help", env=NO_LANG).out.split())
    assert "[bắt buộc]" in out and "[mặc định: Kế hoạch]" in out and "[required]" not in out
    out = " ".join(run_cli("--lang", "en", "rules", "new-document", "--help", env=NO_LANG).out.split())
    assert "--number NUMBER The document's number and symbol" in out and "[required]" in out and "bắt buộc" not in out


@pytest.mark.parametrize("path,_cmd", commands(), ids=lambda v: v if isinstance(v, str) else "")
def test_what_an_option_takes_is_named_in_vietnamese(path, _cmd):
    """After an option, its placeholder: click's (TEXT, PATH) and the project's own (GLOB, DOC) in Vietnamese, and
    so are the arguments (PATHS, RULE_ID) in the usage line and the "Tham số" section; a format to type (YYYY-MM-DD)
    as it is; the English help keeps click's words."""
    out = run_cli(*path.split()[1:], "--help", env=NO_LANG).out
    options = out.split("\nTùy chọn:\n", 1)[1].split("\n\n", 1)[0]
    specs = re.findall(r"^  (-[^ ].*?)(?:  |$)", options, flags=re.M)
    assert specs, path
    specs.append(out.splitlines()[0].split(" [TÙY CHỌN]", 1)[-1])  # the usage line's arguments
    if "\nTham số:\n" in out:
        specs += re.findall(r"^  (\S+)", out.split("\nTham số:\n", 1)[1].split("\n\n", 1)[0], flags=re.M)
    # a placeholder in capitals without diacritics is English, except a format to type and N (a count)
    english = [
        (spec, word)
        for spec in specs
        for word in re.findall(r"(?<![\w-])[A-Z][A-Z_]+(?:-[A-Z]+)*(?![\w-])", spec.split("[")[0])
        if word not in ("YYYY-MM-DD", "YYYY-YYYY", "YYYY", "N", "URL")
    ]
    assert not english, f"{path}: {english}"


def test_the_placeholders_of_check_and_form():
    vi = " ".join(run_cli("check", "--help", env=NO_LANG).out.split())
    assert "--rules ĐƯỜNG_DẪN" in vi and "--commune MẪU" in vi and "--status TRẠNG_THÁI,…" in vi
    assert "--commune-id MÃ" in vi and "--province TỈNH" in vi and "--as-of YYYY-MM-DD" in vi
    assert "--commune MÃ=TÊN" in " ".join(run_cli("form", "--help", env=NO_LANG).out.split())
    en = " ".join(run_cli("--lang", "en", "check", "--help", env=NO_LANG).out.split())
    assert "--rules PATH" in en and "--commune GLOB" in en and "--commune-id ID" in en
    vi_show = run_cli("rules", "show", "--help", env=NO_LANG).out.splitlines()[0]
    assert vi_show == "Cách dùng: chitieu rules show [TÙY CHỌN] MÃ_QUY_TẮC"


def _help_examples(out: str, heading: str) -> list[str]:
    """The example commands a help shows, without their comments."""
    m = re.search(rf"\n  {heading}\n(.*?)(?:\n\n|\Z)", out, flags=re.S)
    return [re.sub(r"\s+# .*$", "", c) for c in _commands(m.group(1))] if m else []


def test_both_languages_show_the_examples_that_are_run():
    """tests/test_documented_examples.py runs the docstrings' examples; the Vietnamese help shows the same ones."""
    by_path: dict[str, list[str]] = {}
    for path, command in help_examples():
        by_path.setdefault(path, []).append(command)
    for path, expected in by_path.items():
        args = path.split()[1:]
        vi = run_cli(*args, "--help", env=NO_LANG).out
        en = run_cli("--lang", "en", *args, "--help", env=NO_LANG).out
        expected = [re.sub(r"\s+# .*$", "", c) for c in expected]
        assert _help_examples(vi, "Ví dụ:") == _help_examples(en, "Examples?:") == expected, path
    assert "# xã mẫu (facts/tinh-an): những gì chưa đạt trước" in run_cli("--help", env=NO_LANG).out


def _wider_than_80(lang: str) -> list[str]:
    """Every line of every command's --help (click's command tree walked, groups and subcommands) wider than 80
    characters at COLUMNS=80, as "command: line"."""
    wide = []
    for path, _ in commands():
        run = run_cli("--lang", lang, *path.split()[1:], "--help", env={"COLUMNS": "80", "CHITIEU_LANG": None})
        assert run.code == 0, (path, run.err)
        wide += [f"{path}: {line}" for line in run.out.splitlines() if len(line) > 80]
    return wide


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_help_fits_80_columns_examples_included(lang):
    assert _wider_than_80(lang) == []


def test_an_example_wider_than_80_columns_is_named_with_its_command(monkeypatch):
    long = "      chitieu rules list --source kh-156-ubnd-tinh-an --tag dan-van-kheo --rules ~/chitieu-thu/rules"
    cmd = main.commands["rules"].commands["list"]  # type: ignore[attr-defined]
    monkeypatch.setattr(cmd, "help", cmd.help.rstrip() + "\n" + long + "\n")
    for lang in ("vi", "en"):
        assert _wider_than_80(lang) == [f"chitieu rules list: {long[2:]}"]


def test_version_is_the_same_in_both_languages():
    vi, en = run_cli("--version", env=NO_LANG), run_cli("--lang", "en", "--version", env=NO_LANG)
    assert vi.code == en.code == 0 and vi.out == en.out and vi.out == f"chitieu {__version__}\n"


# --------------------------------------------------------------------------------------------------- usage errors

MISSING = str(ROOT / "khong-co.txt")


@pytest.mark.parametrize(
    "args,usage,en,vi",
    [
        (
            ["check", "--formt", "json"],
            "chitieu check",
            "No such option '--formt'. (Did you mean one of: '--force', '--format'?)",
            "Không có tùy chọn '--formt'. (Có phải ý là một trong các tùy chọn: '--force', '--format'?)",
        ),
        (
            ["check", "--fail-onn", "unmet"],
            "chitieu check",
            "No such option '--fail-onn'. Did you mean '--fail-on'?",
            "Không có tùy chọn '--fail-onn'. Có phải ý là '--fail-on'?",
        ),
        (
            ["chek"],
            "chitieu",
            "No such command 'chek'. Did you mean 'check'?",
            "Không có lệnh 'chek'. Có phải ý là 'check'?",
        ),
        (["init"], "chitieu init", "Missing argument 'FOLDER'.", "Thiếu tham số 'THƯ_MỤC'."),
        (
            ["rules", "new", "x-y"],
            "chitieu rules new",
            "Missing option '--source'.",
            "Thiếu tùy chọn '--source'.",
        ),
        (
            ["check", "--format", "x"],
            "chitieu check",
            "Invalid value for '--format': 'x' is not one of 'list', 'table', 'json', 'section', 'matrix', 'html', "
            "'xlsx'.",
            "Giá trị không hợp lệ cho '--format': 'x' không phải một trong các giá trị 'list', 'table', 'json', "
            "'section', 'matrix', 'html', 'xlsx'.",
        ),
        (
            ["facts", "lint", MISSING],
            "chitieu facts lint",
            f"Invalid value for 'REPORTS...': File '{MISSING}' does not exist.",
            f"Giá trị không hợp lệ cho 'BÁO_CÁO...': đường dẫn '{MISSING}' không tồn tại.",
        ),
        (
            ["facts", "lint", str(ROOT / "examples")],
            "chitieu facts lint",
            f"Invalid value for 'REPORTS...': File '{ROOT / 'examples'}' is a directory.",
            f"Giá trị không hợp lệ cho 'BÁO_CÁO...': '{ROOT / 'examples'}' là một thư mục, ở đây cần một tệp.",
        ),
        (
            ["check", "-j", "hai"],
            "chitieu check",
            "Invalid value for '--jobs' / '-j': 'hai' is not a valid integer range.",
            "Giá trị không hợp lệ cho '--jobs' / '-j': 'hai' không phải số nguyên.",
        ),
        (
            ["check", "-j", "0"],
            "chitieu check",
            "Invalid value for '--jobs' / '-j': 0 is not in the range x>=1.",
            "Giá trị không hợp lệ cho '--jobs' / '-j': 0 nằm ngoài khoảng cho phép (từ 1 trở lên).",
        ),
        (
            ["rules", "new", "x-y", "--source", "kh-84-tu", "--target", "sáu mươi"],
            "chitieu rules new",
            "Invalid value for '--target': 'sáu mươi' is not a valid float.",
            "Giá trị không hợp lệ cho '--target': 'sáu mươi' không phải một số.",
        ),
        (
            ["check", "--as-of", "2024-13-01"],
            "chitieu check",
            "Invalid value for '--as-of': '2024-13-01' is not a date written as YYYY-MM-DD, DD/MM/YYYY, YYYY-MM or "
            "MM/YYYY.",
            "Giá trị không hợp lệ cho '--as-of': '2024-13-01' không phải một ngày viết theo dạng YYYY-MM-DD, "
            "DD/MM/YYYY, YYYY-MM hoặc MM/YYYY.",
        ),
        (
            ["check", "--fail-on"],
            "chitieu check",
            "Option '--fail-on' requires an argument.",
            "Tùy chọn '--fail-on' cần một giá trị.",
        ),
        (
            ["check", "--section=có"],
            "chitieu check",
            "Option '--section' does not take a value.",
            "Tùy chọn '--section' không nhận giá trị.",
        ),
        (["init", "a", "b"], "chitieu init", "Got unexpected extra argument (b)", "Có tham số thừa: b."),
    ],
    ids=[
        "unknown-option",
        "unknown-option-one-guess",
        "unknown-command",
        "missing-argument",
        "missing-option",
        "bad-choice",
        "path-missing",
        "path-is-folder",
        "not-an-int",
        "out-of-range",
        "not-a-number",
        "not-a-date",
        "option-without-value",
        "flag-with-value",
        "extra-argument",
    ],
)
def test_clicks_parser_errors_are_vietnamese_by_default_and_english_with_lang_en(args, usage, en, vi):
    run_vi = run_cli(*args, env=NO_LANG)
    run_en = run_cli("--lang", "en", *args, env=NO_LANG)
    run_env = run_cli(*args, env={"CHITIEU_LANG": "en"})
    assert run_vi.code == run_en.code == run_env.code == 2 and run_vi.out == run_en.out == ""
    assert run_en.err == run_env.err
    assert run_en.err.startswith(f"Usage: {usage} ") and run_en.err.rstrip("\n").endswith(f"Error: {en}")
    lines = run_vi.err.rstrip("\n").split("\n")
    assert lines[0].startswith(f"Cách dùng: {usage} ")
    assert lines[1] == f"Xem '{usage} --help' để biết cách dùng."
    assert lines[-1] == f"Lỗi: {vi}"
    assert not re.search(r"\b(Usage|Error|Invalid|Missing|No such|Did you mean)\b", run_vi.err)
    assert not english_left(lines[-1]), lines[-1]


def test_a_bad_lang_is_refused_in_vietnamese_and_by_click_in_english():
    vi = run_cli("--lang", "fr", "check", env=NO_LANG)
    assert vi.code == 2
    assert vi.err.rstrip("\n").split("\n")[-1] == (
        "Lỗi: Giá trị không hợp lệ cho '--lang': 'fr' không phải một trong các giá trị 'vi', 'en'."
    )
    en = run_cli("--lang", "en", "--lang", "fr", "check", env=NO_LANG)  # the last --lang given is the one used
    assert en.code == 2 and "Error: Invalid value for '--lang': 'fr' is not one of 'vi', 'en'." in en.err


def test_a_bad_value_from_the_environment_is_named_as_given():
    run = run_cli("check", env={"CHITIEU_LANG": "fr"})
    assert run.code == 2 and "'fr' không phải một trong các giá trị 'vi', 'en'." in run.err


def test_a_period_that_is_no_span_of_years_is_refused_in_the_runs_language(tmp_path):
    args = ["rules", "new-document", "kh-1", "--number", "1/KH", "--date", "2025-01-15", "--issuer", "UBND", "--title"]
    args += ["Kế hoạch", "--period", "năm nay", "--all-communes", "--rules", str(tmp_path)]
    vi = run_cli(*args, env=NO_LANG)
    en = run_cli("--lang", "en", *args, env=NO_LANG)
    assert vi.code == en.code == 2 and list(tmp_path.iterdir()) == []
    assert en.err.rstrip("\n").endswith(
        "Error: Invalid value for --period: 'năm nay' is not a span of years like 2025-2027 (or one year 2025)"
    )
    assert vi.err.rstrip("\n").endswith(
        "Lỗi: giá trị không hợp lệ cho '--period': 'năm nay' không phải giai đoạn dạng 2025-2027 (hoặc một năm 2025)"
    )


def test_the_usage_line_is_in_vietnamese_too_and_click_keeps_its_english():
    vi, en = run_cli("check", "--help", env=NO_LANG), run_cli("--lang", "en", "check", "--help", env=NO_LANG)
    assert vi.out.splitlines()[0] == "Cách dùng: chitieu check [TÙY CHỌN] [ĐƯỜNG_DẪN]..."
    assert en.out.splitlines()[0] == "Usage: chitieu check [OPTIONS] [PATHS]..."
    assert run_cli("--help", env=NO_LANG).out.splitlines()[0] == "Cách dùng: chitieu [TÙY CHỌN] LỆNH [THAM SỐ]..."
    wrong = run_cli("check", "--format", "bogus", env=NO_LANG)  # a usage error shows the same line
    assert wrong.code == 2 and wrong.err.splitlines()[0] == "Cách dùng: chitieu check [TÙY CHỌN] [ĐƯỜNG_DẪN]..."
