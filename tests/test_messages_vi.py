"""Diagnostics in Vietnamese by default, English with --lang en / CHITIEU_LANG=en; codes, places and exit codes the
same in both. Every broken rule file and the bad fact, waiver and YAML inputs of the suite are run in Vietnamese, and
no message may be left in English."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

import test_errors  # the module, not its tests: a test function imported here would run twice
from conftest import ROOT, run_cli

BROKEN = ROOT / "tests" / "fixtures" / "broken-rules"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
DIAG = re.compile(r"^(?P<place>.+?): (?P<level>error|warning|note)\[(?P<code>[a-z0-9-]+)\]: (?P<message>.*)$")
# English words that a Vietnamese sentence never holds (ASCII Vietnamese words such as "hay", "cho", "theo" are not
# among them)
ENGLISH = re.compile(
    r"\b(the|is|are|not|of|to|and|or|an|a|it|this|that|which|with|without|must|has|have|no|cannot|expected|got|"
    r"found|did|find|write|give|allowed|unknown|missing|holds|limit|number|value|file|rule|key|use|save|as)\b"
)


def english_left(message: str) -> list[str]:
    """Runs of three or more ASCII words, one of them English, outside what the message quotes or names: quoted
    values ('…', “…”, `…`), paths, {fields} and a library's own error text (ParseError: …)."""
    text = re.sub(
        r"'[^']*'|“[^”]*”|`[^`]*`|\"[^\"]*\"|\S*/\S*|\{[^}]*\}|\(\w+Error: (?:[^()]|\([^()]*\))*\)", " ", message
    )
    word = r"(?<![\w.-])[A-Za-z]+(?![\w.-])"  # not a piece of an id such as thu-vong-a or giam_ngheo.so_ho
    runs = re.findall(rf"{word}(?: {word}){{2,}}", text)
    return [r for r in runs if ENGLISH.search(r)]


def diagnostics(err: str) -> list[dict[str, str]]:
    return [m.groupdict() for m in map(DIAG.match, err.splitlines()) if m]


def assert_vietnamese(run_vi, run_en) -> list[dict[str, str]]:
    """The Vietnamese run says the same things as the English one, at the same places, in Vietnamese."""
    vi, en = diagnostics(run_vi.err), diagnostics(run_en.err)
    assert vi, run_vi.err
    assert run_vi.code == run_en.code
    assert [(d["place"], d["level"], d["code"]) for d in vi] == [(d["place"], d["level"], d["code"]) for d in en]
    for d, e in zip(vi, en, strict=True):
        assert not english_left(d["message"]), f"left in English: {d['code']}: {d['message']}\n(en: {e['message']})"
        assert d["message"] == unicodedata.normalize("NFC", d["message"])
    return vi


def both(*args: str) -> tuple:
    return run_cli("--lang", "vi", *args), run_cli("--lang", "en", *args)


@pytest.mark.parametrize("path", sorted(BROKEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_broken_rule_file_is_explained_in_vietnamese(path):
    vi = assert_vietnamese(*both("rules", "lint", str(path)))
    assert path.stem in {d["code"] for d in vi}


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_hostile_fact_file_is_explained_in_vietnamese(path):
    run_vi, run_en = both("check", str(path), "--format", "json", "--fail-on", "never")
    if not diagnostics(run_en.err):  # a file the engine reads without a word: the same run in both languages
        assert (run_vi.code, run_vi.out, diagnostics(run_vi.err)) == (run_en.code, run_en.out, [])
        return
    assert_vietnamese(run_vi, run_en)


# the bad facts and YAML files that tests/test_errors.py builds, taken from its parametrize marks
FACT_CASES = [c for c in test_errors.test_fact_errors_are_located.pytestmark[0].args[1] if c[1] is not None]
YAML_CASES = test_errors.test_yaml_level_errors.pytestmark[0].args[1]


@pytest.mark.parametrize("body,at,code,text", FACT_CASES, ids=lambda v: v if isinstance(v, str) else None)
def test_each_bad_fact_of_the_suite_is_explained_in_vietnamese(tmp_path, body, at, code, text):
    p = tmp_path / "facts.yaml"
    p.write_text(test_errors.HEADER + body + "\n", encoding="utf-8")
    vi = assert_vietnamese(*both("check", str(p)))
    assert [d["code"] for d in vi if d["level"] == "error"] == [code]


@pytest.mark.parametrize("content,line,col,code", YAML_CASES)
def test_each_bad_yaml_of_the_suite_is_explained_in_vietnamese(tmp_path, content, line, col, code):
    p = tmp_path / "bad.yaml"
    p.write_text(content, encoding="utf-8")
    vi = assert_vietnamese(*both("check", str(p)))
    assert vi[0]["place"] == f"{p}:{line}:{col}" and vi[0]["code"] == code


def test_a_waiver_for_an_unknown_rule_is_explained_in_vietnamese(tmp_path):
    p = tmp_path / "mien-tru.yaml"
    p.write_text(
        "schema: chitieu.waivers/1\nwaivers:\n"
        "  - {rule: giam-ngheoo, commune: quang-ngai/tinh-an, period: 2023, reason: Lý do, approver: UBND xã, "
        "expires: 2025-01-01}\n",
        encoding="utf-8",
    )
    vi = assert_vietnamese(*both("check", str(ROOT / "facts" / "tinh-an"), str(p)))
    assert [(d["place"], d["message"]) for d in vi] == [
        (f"{p}:3:12", "quy tắc 'giam-ngheoo' không tồn tại (có phải là: 'giam-ngheo'?)")
    ]


def test_a_unit_above_the_commune_level_is_refused_wherever_it_is_named(tmp_path):
    """A thị xã, huyện, quận, thành phố or tỉnh is no commune: its name is refused, located, in both languages — in a
    fact file, as --name of a report read directly, and as a form's --commune."""
    import test_errors

    facts = tmp_path / "facts.yaml"
    header = test_errors.HEADER.replace("name: xã Thử", "name: Thị xã Thử")
    body = "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 3, source: {line: 1, quote: q}}\n"
    facts.write_text(header + body, encoding="utf-8")
    vi = assert_vietnamese(*both("check", str(facts)))
    col = header.splitlines()[1].index("Thị xã Thử") + 1
    assert [(d["place"], d["code"]) for d in vi] == [(f"{facts}:2:{col}", "invalid-value")]
    assert vi[0]["message"].startswith("'Thị xã Thử' là tên của một thị xã, đơn vị trên cấp xã")

    report = tmp_path / "bao-cao.txt"
    report.write_text("Báo cáo kết quả năm 2024\nNăm 2024 xây dựng 02 mô hình Dân vận khéo.\n", encoding="utf-8")
    named = ("check", str(report), "--as-of", "2024-12-20", "--commune-id", "qn/thu", "--name", "huyện Thử")
    vi = assert_vietnamese(*both(*named))
    assert {d["code"] for d in vi if d["level"] == "error"} == {"invalid-value"}  # the name, and the issuer drafted
    assert any("'huyện Thử' là tên của một huyện" in d["message"] for d in vi)

    run = run_cli("--lang", "vi", "form", "--commune", "qn/thu=thành phố Thử", "-o", str(tmp_path / "f.xlsx"))
    assert run.code == 2 and not (tmp_path / "f.xlsx").exists()
    assert "'thành phố Thử' là tên của một thành phố, đơn vị trên cấp xã" in run.err and not english_left(run.err)
    # typed in NFD (macOS, Word): still the name at fault, not the id
    nfd = unicodedata.normalize("NFD", "qn/thu=thị xã Thử")
    run = run_cli("--lang", "vi", "form", "--commune", nfd, "-o", str(tmp_path / "f.xlsx"))
    assert run.code == 2 and "'thị xã Thử' là tên của một thị xã" in run.err and "mã xã" not in run.err

    # abbreviated, or named by its people's committee as the report's issuer
    for name, issuer, said in (
        ("TP. Thử", "UBND xã Thử", "'TP. Thử' là tên của một thành phố"),
        ("Thử", "UBND thị xã Thử", "'UBND thị xã Thử' là Ủy ban nhân dân của một thị xã, đơn vị trên cấp xã"),
    ):
        facts.write_text(
            header.replace("name: Thị xã Thử", f"name: {name}").replace("issuer: UBND xã Thử", f"issuer: {issuer}")
            + body,
            encoding="utf-8",
        )
        vi = assert_vietnamese(*both("check", str(facts)))
        assert [d["code"] for d in vi] == ["invalid-value"] and vi[0]["message"].startswith(said)


def test_lang_after_the_command_is_the_runs_language_too(tmp_path):
    """`chitieu check … --lang en`: --lang belongs to chitieu, but is taken wherever it is written (the last one
    wins), for the diagnostics, the command's own lines and its help."""
    import test_errors

    facts = tmp_path / "facts.yaml"
    facts.write_text(test_errors.HEADER + "  - {indicator: giam_ngheo.so_ho_giamm, period: 2023, value: 3, "
                     "source: {line: 1, quote: q}}\n", encoding="utf-8")  # fmt: skip
    after = run_cli("check", str(facts), "--lang", "en")
    before = run_cli("--lang", "en", "check", str(facts))
    assert (after.code, after.err) == (before.code, before.err) and "unknown indicator" in after.err
    assert "dữ liệu đầu vào có 1 lỗi" in run_cli("--lang", "en", "check", str(facts), "--lang=vi").err
    assert "Usage: chitieu check" in run_cli("check", "--help", "--lang", "en").out
    # the language's name in capitals is the same language, on the command line and in $CHITIEU_LANG
    assert run_cli("--lang", "EN", "check", str(facts)).err == before.err
    assert run_cli("check", str(facts), "--lang=En").err == before.err
    assert run_cli("check", str(facts), env={"CHITIEU_LANG": "EN"}).err == before.err
    assert "Usage: chitieu check" in run_cli("--lang", "EN", "check", "--help").out


# ------------------------------------------------------------------------------------- exact words, default, switch


def test_vietnamese_is_the_default_and_english_is_asked_for():
    path = str(BROKEN / "unknown-key.yaml")
    vi = run_cli("rules", "lint", path, env={"CHITIEU_LANG": None})
    assert f"{path}:17:5: error[unknown-key]: khóa 'severty' không có trong định dạng (có phải là: 'severity'?)" in (
        vi.err.splitlines()
    )
    assert vi.err.strip().endswith("1 lỗi, 1 cảnh báo")
    for en in (
        run_cli("--lang", "en", "rules", "lint", path, env={"CHITIEU_LANG": None}),
        run_cli("rules", "lint", path, env={"CHITIEU_LANG": "en"}),
    ):
        assert f"{path}:17:5: error[unknown-key]: unknown key 'severty' (did you mean: 'severity'?)" in en.err
        assert en.code == vi.code == 2 and en.err.strip().endswith("1 error(s), 1 warning(s)")
    # --lang wins over the environment
    assert "khóa 'severty'" in run_cli("--lang", "vi", "rules", "lint", path, env={"CHITIEU_LANG": "en"}).err


@pytest.mark.parametrize(
    "fixture,expected",
    [
        (
            "yaml-syntax.yaml",
            ":14:1: error[yaml-syntax]: lỗi cú pháp YAML, thiếu dấu ',' hoặc ']'; kiểm tra dòng này và dòng trước",
        ),
        (
            "invalid-value.yaml",
            ":16:15: error[invalid-value]: 'severity': giá trị 'urgent' không được phép; các giá trị được phép: "
            "'critical', 'major', 'minor' hoặc 'info'",
        ),
        (
            "never-true.yaml",
            ":18:13: error[never-true]: chỉ tiêu '>= 150' không bao giờ đạt được: giá trị đo được nằm trong khoảng "
            "0…100",
        ),
        (
            "wrong-type.yaml",
            ":18:31: error[wrong-type]: cần một số, nhưng gặp chữ '1'; viết số không có dấu nháy và không có '%'",
        ),
        (
            "missing-example.yaml",
            ":21:5: error[missing-example]: quy tắc 'thu-missing-example' chưa có ví dụ cho kết quả 'unmet'; quy tắc "
            "này cần ví dụ cho các kết quả 'met' và 'unmet'",
        ),
    ],
)
def test_exact_vietnamese_messages(fixture, expected):
    run = run_cli("rules", "lint", str(BROKEN / fixture), env={"CHITIEU_LANG": None})
    assert any(ln.startswith(str(BROKEN / fixture) + expected) for ln in run.err.splitlines()), run.err


def test_an_invalid_kind_suggests_the_nearest_value_in_vietnamese(tmp_path):
    src = (BROKEN / "invalid-value.yaml").read_text(encoding="utf-8")
    p = tmp_path / "thu.yaml"
    p.write_text(src.replace("severity: urgent", "severity: major").replace("kind: annual", "kind: yearly"), "utf-8")
    run = run_cli("rules", "lint", str(p), env={"CHITIEU_LANG": None})
    assert "'kind': giá trị 'yearly' không được phép (có phải là: 'annual'?); các giá trị được phép: 'annual'" in (
        run.err
    ), run.err


def test_an_untranslated_message_is_shown_in_english_rather_than_lost():
    from chitieu.diagnostics import Diagnostic
    from chitieu.messages_vi import vietnamese

    assert vietnamese("unknown-key", "a sentence no pattern knows") is None
    d = Diagnostic("x.yaml", 1, 1, "unknown-key", "a sentence no pattern knows")
    assert d.render("vi") == "x.yaml:1:1: error[unknown-key]: a sentence no pattern knows"
    assert Path(d.path).name == "x.yaml"


def test_a_report_without_date_or_unit_and_a_fifo_are_explained_in_vietnamese(tmp_path):
    report = tmp_path / "bao-cao.txt"
    report.write_text(
        "BÁO CÁO\n\nKết quả công tác dân vận chính quyền\n\nTỷ lệ hồ sơ giải quyết trực tuyến đạt 62%.\n", "utf-8"
    )
    fifo = tmp_path / "so-lieu.yaml"
    os.mkfifo(fifo)
    for path in (report, fifo):
        assert_vietnamese(*both("check", str(path)))
    vi = run_cli("check", str(report), env={"CHITIEU_LANG": None})
    assert f"{report}:1:1: error[report-unknown]: báo cáo không nêu số liệu tính đến ngày nào" in vi.err
    assert "hãy chỉ định bằng --as-of YYYY-MM-DD" in vi.err
    vi = run_cli("check", str(fifo), env={"CHITIEU_LANG": None})
    assert f"{fifo}:1:1: error[not-a-file]: là một FIFO (đường ống có tên), không phải tệp thường" in vi.err


def test_a_report_over_its_size_limit_is_explained_in_vietnamese(tmp_path):
    from chitieu.reporttext import MAX_BYTES
    from chitieu.vi import number

    report = tmp_path / "bao-cao.txt"
    with open(report, "wb") as fh:  # sparse: the size is what is read first, the bytes are never read
        fh.truncate(MAX_BYTES + 1)
    vi = run_cli("check", str(report), env={"CHITIEU_LANG": None})
    assert vi.code == 2
    assert (
        f"{report}:1:1: error[file-too-large]: báo cáo có {number(MAX_BYTES + 1)} byte, "
        f"vượt giới hạn {number(MAX_BYTES)} byte" in (vi.err)  # Vietnamese groups thousands with '.'
    )


def test_the_systems_reason_is_said_in_vietnamese_too(tmp_path):
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    vi = run_cli("check", str(tmp_path / "a.yaml"), env={"CHITIEU_LANG": None})
    assert vi.code == 2
    assert "error[io]: không đọc được tệp: các liên kết tượng trưng (symlink) trỏ vòng lặp" in vi.err
    en = run_cli("check", str(tmp_path / "a.yaml"))
    assert "error[io]: cannot read the file: Too many levels of symbolic links" in en.err


def test_an_indicator_is_a_chi_so_and_a_target_a_chi_tieu():
    """RULES.md's words: an indicator (what is measured) is a “chỉ số”; a target (the level to reach) a “chỉ tiêu”."""
    from chitieu.messages_vi import vietnamese

    assert vietnamese("unknown-indicator", "unknown indicator 'dvk.x'") == "chỉ số 'dvk.x' chưa được khai báo"
    assert vietnamese("indicator-unused", "indicator 'dvk.x' is read by no rule") == (
        "chỉ số 'dvk.x' không được quy tắc nào sử dụng"
    )


def test_the_engines_own_figures_are_written_the_vietnamese_way_but_a_users_value_is_kept():
    from chitieu.messages_vi import vietnamese

    assert vietnamese("invalid-value", "the number is out of range (at most ±1,000,000,000,000)") == (
        "số vượt ngoài phạm vi (tối đa ±1.000.000.000.000)"
    )
    assert vietnamese("file-too-large", "the report is 12,345,678 bytes; the limit is 8,388,608 bytes") == (
        "báo cáo có 12.345.678 byte, vượt giới hạn 8.388.608 byte"
    )
    # what the user wrote is quoted as written, and a decimal or a date is no group of thousands
    said = vietnamese("too-long", "'1,000,000': too long, 10,002 characters; at most 200 characters")
    assert said is not None and said.startswith("'1,000,000': ") and "10.002 ký tự" in said


def test_a_bad_commune_id_given_for_a_report_is_explained_in_vietnamese_with_its_form(tmp_path):
    report = ROOT / "examples" / "bao-cao-mau.txt"
    run = run_cli("check", str(report), "--commune-id", "quang ngai/tinh an", env={"CHITIEU_LANG": None})
    assert run.code == 2
    assert (
        f"{report}:1:1: error[invalid-value]: trong số liệu rút từ báo cáo này: 'quang ngai/tinh an' không phải là "
        "mã hợp lệ" in run.err
    )
    assert "mã xã nối tỉnh và xã bằng '/', như quang-ngai/tinh-an" in run.err


def test_a_malformed_message_template_is_explained_in_vietnamese(tmp_path):
    """Each way a rule author's template can be malformed: an unbalanced bracket, a lone brace, a placeholder without
    a name, a format spec — located, and said in Vietnamese."""
    text = (BROKEN / "template-field.yaml").read_text(encoding="utf-8")
    broken = text.replace(
        "messages: {met: 'đạt {actal}', unmet: chưa đạt}",
        "messages: {met: 'đạt [a {title}', unmet: 'chưa } đạt {', pending: 'chờ {}', needs_clarification: '{title!r}'}",
    )
    assert broken != text
    path = tmp_path / "mau-cau.yaml"
    path.write_text(broken, encoding="utf-8")
    vi = assert_vietnamese(*both("rules", "lint", str(path)))
    said = [d["message"] for d in vi if d["code"] == "template-field"]
    assert len(said) == 4, said
    assert any(m.startswith("dấu '[' hoặc ']' không thành cặp") for m in said)
    assert any(m.startswith("mẫu câu sai cú pháp") and "'{{' hoặc '}}'" in m for m in said)
    assert any(m.startswith("không dùng trường không có tên ('{}')") for m in said)
    assert any(m.startswith("'{title}' có kèm định dạng hoặc chuyển đổi") for m in said)


def test_the_short_of_errors_of_the_indicators_are_said_in_vietnamese():
    from chitieu.messages_vi import vietnamese

    assert vietnamese(
        "unknown-indicator",
        "words.short_of.of of 'ntm_nc.cong_nhan': 'ntm_nc.so_tieu_chi_datt' is not the general count of any criteria "
        "set (did you mean: 'ntm_nc.so_tieu_chi_dat'?)",
    ) == (
        "words.short_of.of của 'ntm_nc.cong_nhan': 'ntm_nc.so_tieu_chi_datt' không phải chỉ số đếm chung của bộ tiêu "
        "chí nào (có phải là: 'ntm_nc.so_tieu_chi_dat'?)"
    )
    assert vietnamese("invalid-value", "words.short_of.level 'chua_datx' is not one of the indicator's levels") == (
        "words.short_of.level 'chua_datx' không phải là một mức (levels) của chỉ số"
    )
