"""Bad input ends in `path:line:col: error[code]: message` on stderr and exit code 2 — never a traceback."""

from __future__ import annotations

import re

import os
import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

HEADER = """\
schema: chitieu.facts/1
commune: {id: quang-ngai/thu, name: xã Thử}
report:
  title: Báo cáo thử
  date: 2024-10
  as_of: 2024-10-31
  issuer: UBND xã Thử
  period: {from: 2023-01-01, to: 2024-10-31}
facts:
"""


def write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


def check_errors(*paths: Path, extra: tuple[str, ...] = ()) -> list[str]:
    run = run_cli("check", *map(str, paths), *extra)
    assert run.code == 2, (run.code, run.out, run.err)
    assert "Traceback" not in run.err
    assert run.out == ""
    return [line for line in run.err.splitlines() if ": error[" in line]


# Each case: the fact line, the text at which the error must point (its column is computed), the code, the message.
@pytest.mark.parametrize(
    "body,at,code,text",
    [
        (
            "  - {indicator: dvk.mo_hinhh, period: 2023, items: [], source: {line: 1, quote: q}}",
            "dvk.mo_hinhh",
            "unknown-indicator",
            "unknown indicator 'dvk.mo_hinhh' (did you mean: 'dvk.mo_hinh'?)",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: '05', source: {line: 1, quote: q}}",
            "'05'",
            "wrong-type",
            "expected a number, got the text '05'; write the number without quotes",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: '50%', source: {line: 1, quote: q}}",
            "'50%'",
            "wrong-type",
            "expected a number, got the text '50%'",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 3, colour: red, source: {line: 1, quote: q}}",
            "colour",
            "unknown-key",
            "unknown key 'colour'",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 06/4/2023, value: 3, source: {line: 1, quote: q}}",
            "06/4/2023",
            "invalid-value",
            "'06/4/2023' is not a period",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: true, value: 3, source: {line: 1, quote: q}}",
            "true",
            "wrong-type",
            "expected a year (2024), a span ('2023-2024') or 'as_of'",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2025-2023, value: 3, source: {line: 1, quote: q}}",
            "2025-2023",
            "invalid-value",
            "the span '2025-2023' runs backwards",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 3, note: 5, source: {line: 1, quote: q}}",
            "5",
            "wrong-type",
            "expected text, got the number 5; put it in quotes",
        ),
        (
            "  - {indicator: dich_vu_cong.ty_le_ho_so_truc_tuyen, period: as_of, value: {gt: 40, gte: 50}, "
            "source: {line: 1, quote: q}}",
            "{gt",
            "invalid-value",
            "give 'gt' or 'gte', not both",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 3, note: [a], source: {line: 1, quote: q}}",
            "[a]",
            "wrong-type",
            "expected text, got a list",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 3, claim: achieved, source: {line: 1, quote: q}}",
            "{",
            "invalid-value",
            "a fact needs exactly one of 'value', 'items' or 'claim'",
        ),
        (
            "  - {indicator: ntm_nc.cong_nhan, period: as_of, value: dat_chuan, source: {line: 1, quote: q}}",
            "dat_chuan",
            "type-mismatch",
            "(did you mean: 'da_cong_nhan'?)",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 3, source: {line: 1}}",
            "{line: 1}",
            "missing-key",
            "missing required key 'quote'",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 2.5, source: {line: 1, quote: q}}",
            "2.5",
            "type-mismatch",
            "'giam_ngheo.so_ho_giam' counts whole hộ: 2.5 is not whole",
        ),
        (
            "  - {indicator: dvk.mo_hinh, period: 2023, value: 3, source: {line: 1, quote: q}}",
            "3, source",
            "type-mismatch",
            "'dvk.mo_hinh' is a list of items: give 'items' (each with a name)",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, items: [{name: a}], source: {line: 1, quote: q}}",
            "[{name: a}]",
            "type-mismatch",
            "'giam_ngheo.so_ho_giam' is count, not a list of items: give 'value'",
        ),
        (
            "  - {indicator: dvcq.ke_hoach_nam, period: 2023, value: 3, source: {line: 1, quote: q}}",
            "3, source",
            "type-mismatch",
            "'dvcq.ke_hoach_nam' is boolean: the value must be true or false, got ",
        ),
        (
            "  - {indicator: dich_vu_cong.ty_le_ho_so_truc_tuyen, period: as_of, value: 150, source: {line: 1, quote: q}}",
            "150",
            "out-of-range",
            "150 is outside the range",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2026, value: 3, source: {line: 1, quote: q}}",
            "2026",
            "period-after-report",
            "period 2026 is after the report's as-of date 2024-10-31",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 99999999999999999999, source: {line: 1, quote: q}}",
            "99999999999999999999",
            "invalid-value",
            "out of range",
        ),
        (
            "  - {indicator: giam_ngheo.so_ho_giam, period: 2023, value: 1.5e3, source: {line: 1, quote: q}}",
            None,
            None,
            None,
        ),
    ],
)
def test_fact_errors_are_located(tmp_path, body, at, code, text):
    p = write(tmp_path, "facts.yaml", HEADER + body + "\n")
    if at is None:  # an exponent float is a valid number; the engine scales it to an integer before asserting
        run = run_cli("check", str(p), "--format", "json", "--fail-on", "never")
        assert run.code == 0, run.err
        return
    errors = check_errors(p)
    assert len(errors) == 1, errors
    line, col = 10, body.index(at) + 1
    assert errors[0].startswith(f"{p}:{line}:{col}: error[{code}]: "), errors[0]
    assert text in errors[0]


@pytest.mark.parametrize(
    "content,line,col,code",
    [
        ("", 1, 1, "empty-file"),
        ("schema: chitieu.facts/1\ncommune: {id: a, name: b\n", 3, 1, "yaml-syntax"),
        ("a: 1\na: 2\n", 2, 1, "duplicate-key"),
        ("a: !!python/object/apply:os.system ['touch /tmp/chitieu-pwned']\n", 1, 4, "yaml-tag"),
        ("schema: chitieu.facts/1\n\tcommune: x\n", 2, 1, "yaml-syntax"),
        ("schema: nothing/1\n", 1, 9, "unknown-schema"),
    ],
)
def test_yaml_level_errors(tmp_path, content, line, col, code):
    p = tmp_path / "bad.yaml"
    p.write_text(content, encoding="utf-8")
    errors = check_errors(p)
    assert errors and errors[0].startswith(f"{p}:{line}:{col}: error[{code}]"), errors
    assert not Path("/tmp/chitieu-pwned").exists()


def test_all_errors_of_a_run_are_reported_together(tmp_path):
    a = write(
        tmp_path, "a.yaml", HEADER + "  - {indicator: nope, period: 2023, value: 1, source: {line: 1, quote: q}}\n"
    )
    b = tmp_path / "b.yaml"
    b.write_text("a: 1\na: 2\n", encoding="utf-8")
    errors = check_errors(a, b)
    assert [e.split(": error[")[1].split("]")[0] for e in errors] == ["unknown-indicator", "duplicate-key"]


def test_rule_file_errors_are_located(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / "ke-hoach-156.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "measure: {of: dvk.mo_hinh, aggregate: count, evidence: true}",
        "measure: {of: dvk.mo_hinhx, aggregate: count, evidence: true}",
    )
    text = text.replace("    severity: critical\n", "    severity: huge\n")
    path.write_text(text, encoding="utf-8")
    errors = check_errors(ROOT / "facts" / "tinh-an", extra=("--rules", str(rules)))
    lines = text.splitlines()
    ind_line = next(i for i, ln in enumerate(lines, 1) if "dvk.mo_hinhx" in ln)
    sev_line = next(i for i, ln in enumerate(lines, 1) if "severity: huge" in ln)
    assert any(
        e.startswith(f"{path}:{sev_line}:15: error[invalid-value]: 'severity': 'huge' is not allowed") for e in errors
    ), errors
    assert any(
        e.startswith(f"{path}:{ind_line}:") and "error[unknown-indicator]" in e and "did you mean: 'dvk.mo_hinh'" in e
        for e in errors
    ), errors


def test_unknown_rule_in_a_waiver_file(tmp_path):
    w = write(
        tmp_path,
        "w.yaml",
        """\
        schema: chitieu.waivers/1
        waivers:
          - rule: giam-ngheoo
            commune: quang-ngai/tinh-an
            period: 2023
            reason: thử
            approver: thử
            expires: 2025-01-01
        """,
    )
    errors = check_errors(ROOT / "facts" / "tinh-an", w)
    assert errors == [f"{w}:3:11: error[unknown-rule]: unknown rule 'giam-ngheoo' (did you mean: 'giam-ngheo'?)"]


def test_debug_shows_the_traceback_for_internal_errors(tmp_path):
    # An unreadable catalogue folder is bad input: no traceback, exit 2, even with --debug.
    run = run_cli("--debug", "check", "--rules", str(tmp_path / "missing"))
    assert run.code == 2 and "Traceback" not in run.err
    assert "error[io]" in run.err


def test_output_never_overwrites_an_input(tmp_path):
    facts = tmp_path / "f.yaml"
    shutil.copy(ROOT / "facts" / "tinh-an" / "bao-cao-2024.yaml", facts)
    text = (ROOT / "facts" / "tinh-an" / "bao-cao-2024.yaml").read_text(encoding="utf-8")
    facts.write_text(text.replace("../../../shared", str((ROOT / ".." / "shared").resolve())), encoding="utf-8")
    before = facts.read_bytes()
    run = run_cli("check", str(facts), "-o", str(facts), "--force")
    assert run.code == 2 and "does not write YAML" in run.err
    assert facts.read_bytes() == before
    alias = tmp_path / "f.txt"  # the same file under a name a text format may take
    os.link(facts, alias)
    run = run_cli("check", str(facts), "-o", str(alias), "--force")
    assert run.code == 2 and f"{alias}: refusing to write over an input file" in run.err
    assert facts.read_bytes() == before
    out = tmp_path / "out.json"
    assert run_cli("check", str(facts), "--format", "json", "-o", str(out), "--fail-on", "never").code == 0
    assert out.read_text(encoding="utf-8").startswith("{")
    again = run_cli("check", str(facts), "--format", "json", "-o", str(out))
    assert again.code == 2 and "pass --force" in again.err


def _catalogue_copy(tmp_path, edit_file: str, old: str, new: str) -> int:
    """The project's catalogue copied into tmp_path/rules with one edit; returns the 1-based line of the edit."""
    rules = tmp_path / "rules"
    rules.mkdir()
    for f in (ROOT / "rules").glob("*.yaml"):
        (rules / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    path = rules / edit_file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _lint_errors(tmp_path, code: str):
    from chitieu.catalogue import load_catalogue
    from chitieu.diagnostics import Diagnostics

    diags = Diagnostics()
    load_catalogue(tmp_path / "rules", diags=diags, strict=False)
    return [d for d in diags.errors if d.code == code]


def test_a_key_of_another_rule_kind_says_which_kind_it_belongs_to(tmp_path):
    line = _catalogue_copy(
        tmp_path,
        "ke-hoach-84.yaml",
        "    kind: claim_check\n",
        "    kind: claim_check\n    target: {op: '>=', value: 1}\n",
    )
    found = _lint_errors(tmp_path, "unknown-key")
    assert [(d.line, d.col) for d in found] == [(line + 1, 5)]
    assert (
        found[0].message == "'target' does not apply to a rule of kind 'claim_check'; it is a key of 'threshold' rules"
    )


def test_an_unknown_rule_kind_is_located_at_its_kind_key(tmp_path):
    line = _catalogue_copy(
        tmp_path,
        "ke-hoach-156.yaml",
        "  - id: mo-hinh-dvk-moi-nam\n",
        "  - id: mo-hinh-dvk-moi-nam\n    kind: yearly\n",
    )
    found = _lint_errors(tmp_path, "invalid-value")
    assert [(d.line, d.col) for d in found] == [(line + 1, 11)]
    assert found[0].message == "'yearly' is not a rule kind; expected 'threshold', 'all_of', 'claim_check', 'record'"
    (tmp_path / "b").mkdir()
    line = _catalogue_copy(
        tmp_path / "b",
        "ke-hoach-156.yaml",
        "  - id: mo-hinh-dvk-moi-nam\n",
        "  - id: mo-hinh-dvk-moi-nam\n    kind: recrd\n",
    )
    (misspelt,) = _lint_errors(tmp_path / "b", "invalid-value")
    assert (misspelt.line, misspelt.col) == (line + 1, 11)
    assert misspelt.message == (
        "'recrd' is not a rule kind (did you mean: 'record'?); expected 'threshold', 'all_of', 'claim_check', 'record'"
    )
    assert misspelt.text("vi").startswith("'recrd' không phải là loại quy tắc (có phải là: 'record'?); các loại:")


def test_a_misspelt_required_key_is_one_error_at_the_key_in_both_languages(tmp_path):
    """'titel' for 'title': one mistake, one error at the misspelt key (not also "missing 'title'" at the rule)."""
    line = _catalogue_copy(
        tmp_path, "ntm-nang-cao-2021-2025.yaml", "    title: Xã tự đánh giá đạt tất cả", "    titel: Xã tự đánh giá"
    )
    path = tmp_path / "rules" / "ntm-nang-cao-2021-2025.yaml"
    en = run_cli("--lang", "en", "rules", "lint", "--rules", str(tmp_path / "rules"))
    assert en.code == 2
    assert [ln for ln in en.err.splitlines() if "error[" in ln] == [
        f"{path}:{line}:5: error[unknown-key]: unknown key 'titel': is it the required key 'title', which is missing?"
    ]
    vi = run_cli("--lang", "vi", "rules", "lint", "--rules", str(tmp_path / "rules"))
    assert f"{path}:{line}:5: error[unknown-key]: khóa 'titel' không có trong định dạng: có phải là khóa bắt buộc " in (
        vi.err
    )
    # a key misspelt beyond recognition still leaves the required one missing
    far = tmp_path / "far"
    far.mkdir()
    line = _catalogue_copy(
        far, "ntm-nang-cao-2021-2025.yaml", "    title: Xã tự đánh giá", "    ten_goi: Xã tự đánh giá"
    )
    assert {d.code for d in _lint_errors(far, "unknown-key") + _lint_errors(far, "missing-key")} == {
        "unknown-key",
        "missing-key",
    }


def test_a_rule_that_does_not_validate_brings_no_follow_on_unknown_rule_or_unused_indicator(tmp_path):
    """ntm-nc-du-dieu-kien is read by ntm-nang-cao (outlook_from) and reads ntm_nc.so_tieu_chi_dat: when it is
    broken, its own error is the only one — not "unknown rule" where it is named, nor "unused" for its indicator;
    a rule id that is truly unknown is still reported."""
    _catalogue_copy(tmp_path, "ntm-nang-cao-2021-2025.yaml", "    severity: major\n", "    severity: grave\n")
    run = run_cli("--lang", "en", "rules", "lint", "--rules", str(tmp_path / "rules"))
    assert run.code == 2
    assert re.findall(r"(?:error|warning)\[[a-z-]+\]", run.err) == ["error[invalid-value]"], run.err
    assert "'severity': 'grave' is not allowed" in run.err
    # a rule that another names through computed: {rule: …} (a claim_check) likewise
    again = tmp_path / "again"
    again.mkdir()
    _catalogue_copy(
        again, "ke-hoach-156.yaml", "  - id: mo-hinh-dvk-luy-ke\n", "  - id: mo-hinh-dvk-luy-ke\n    kind: 3\n"
    )
    assert {d.code for d in _lint_errors(again, "unknown-rule")} == set()
    # a misspelt reference is no broken rule: reported, with the rule it is nearest to
    typo = tmp_path / "typo"
    typo.mkdir()
    _catalogue_copy(
        typo, "ke-hoach-156.yaml", "outlook_from: ntm-nc-du-dieu-kien", "outlook_from: ntm-nc-du-dieu-kienn"
    )
    [found] = _lint_errors(typo, "unknown-rule")
    assert found.message == "unknown rule 'ntm-nc-du-dieu-kienn' (did you mean: 'ntm-nc-du-dieu-kien'?)"
    # a word the broken rule holds that is no rule id (its tag) is still an unknown rule where a rule names it
    tag = tmp_path / "tag"
    tag.mkdir()
    _catalogue_copy(tag, "ntm-nang-cao-2021-2025.yaml", "    severity: major\n", "    severity: grave\n")
    path = tag / "rules" / "ke-hoach-156.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("outlook_from: ntm-nc-du-dieu-kien", "outlook_from: nong-thon-moi-nang-cao"), "utf-8")
    assert [d.message for d in _lint_errors(tag, "unknown-rule")] == [
        "unknown rule 'nong-thon-moi-nang-cao' (did you mean: 'ntm-nang-cao'?)"
    ]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("  number: 318/QĐ-TTg", "  numbr: 318/QĐ-TTg", "unknown-key"),  # the header's own key
        ("schema: chitieu.rules/1", "schema: chitieu.rulez/1", "unknown-schema"),
        ("\nrules:\n", "\nrule:\n", "unknown-key"),  # 'rule:' for 'rules:'
        ("  number: 318/QĐ-TTg\n", "  number: 318/QĐ-TTg\n  number: 319/QĐ-TTg\n", "duplicate-key"),
        ("  number: 318/QĐ-TTg\n", "  number: 318/QĐ-TTg # caf\udce9\n", "encoding"),  # a stray Latin-1 byte
    ],
)
def test_a_rule_file_that_cannot_be_read_is_one_error_not_a_cascade(tmp_path, old, new, expected):
    """A rule file whose header, schema or bytes cannot be read gives its one error: no "unknown rule" where another
    file names one of its rules, no "unknown document" in the catalogue's order, no "unused" indicator."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__*"))
    path = rules / "ntm-nang-cao-2021-2025.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode("utf-8", "surrogateescape"))
    run = run_cli("--lang", "en", "rules", "lint", "--rules", str(rules))
    assert run.code == 2
    assert re.findall(r"(?:error|warning)\[[a-z-]+\]", run.err) == [f"error[{expected}]"], run.err
    assert run.err.startswith(str(path))


def test_a_stray_byte_in_a_utf8_file_is_located_not_called_a_legacy_encoding(tmp_path):
    facts = tmp_path / "xa.yaml"
    text = (ROOT / "facts" / "tinh-an" / "bao-cao-2024.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[2] += " # caf\udce9"
    facts.write_bytes("\n".join(lines).encode("utf-8", "surrogateescape"))
    run = run_cli("--lang", "en", "check", str(facts))
    assert run.code == 2
    col = len(lines[2].encode("utf-8", "surrogateescape").split(b"\xe9")[0].decode("utf-8")) + 1
    assert f"{facts}:3:{col}: error[encoding]: the file is not valid UTF-8 (byte 0xe9); save it as UTF-8" in run.err
    assert "VNI" not in run.err


def test_a_file_without_its_schema_key_is_told_so_and_a_misspelt_one_named(tmp_path):
    text = (ROOT / "facts" / "tinh-an" / "bao-cao-2024.yaml").read_text(encoding="utf-8")
    assert text.startswith("schema: chitieu.facts/1\n")
    misspelt, missing = tmp_path / "a.yaml", tmp_path / "b.yaml"
    misspelt.write_text(text.replace("schema:", "schem:", 1), encoding="utf-8")
    missing.write_text(text.split("\n", 1)[1], encoding="utf-8")
    en = run_cli("--lang", "en", "check", str(misspelt))
    assert en.code == 2 and "None" not in en.err
    assert (
        f"{misspelt}:1:1: error[unknown-schema]: the file has no 'schema' key (its first line is 'schema: …', one of "
        "chitieu.facts/1 or chitieu.waivers/1); is 'schem' a misspelling of it?"
    ) in en.err
    vi = run_cli("--lang", "vi", "check", str(missing))
    assert vi.code == 2
    assert (
        f"{missing}:1:1: error[unknown-schema]: tệp không có khóa 'schema' (dòng đầu là 'schema: …', một trong "
        "chitieu.facts/1 hoặc chitieu.waivers/1)\n"
    ) in vi.err


def test_did_you_mean_for_an_unknown_key_names_only_keys_allowed_at_its_place(tmp_path):
    """'ownr' in a model's item is 'owner' (not also 'owners', a key of other files); 'lne' in a source is 'line'
    (not 'lte', a bound's key); 'valu' in a rule's target is 'value' (not 'value_from', a key of other places)."""
    facts = (ROOT / "facts" / "tinh-an" / "bao-cao-2024.yaml").read_text(encoding="utf-8")
    facts = facts.replace("        owner: Đoàn xã\n", "        ownr: Đoàn xã\n", 1).replace(
        "      line: 23\n", "      lne: 23\n", 1
    )
    path = tmp_path / "f" / "bao-cao-2024.yaml"
    path.parent.mkdir()
    path.write_text(facts, encoding="utf-8")
    errors = [e.split(": error[unknown-key]: ", 1)[1] for e in check_errors(path)]
    assert errors == ["unknown key 'ownr' (did you mean: 'owner'?)", "unknown key 'lne' (did you mean: 'line'?)"]

    line = _catalogue_copy(
        tmp_path, "ke-hoach-156.yaml", "      value: 1\n      unit: mô hình\n", "      value: 1\n      valu: 2\n"
    )
    found = _lint_errors(tmp_path, "unknown-key")
    assert [(d.line, d.col, d.message) for d in found] == [(line + 1, 7, "unknown key 'valu' (did you mean: 'value'?)")]


def test_a_fact_without_its_source_is_told_what_a_fact_cites_not_what_a_rule_cites(tmp_path):
    path = write(tmp_path, "f.yaml", HEADER + "  - {indicator: dvk.mo_hinh, period: 2024, items: []}\n")
    assert check_errors(path) == [
        f"{path}:10:5: error[missing-key]: missing required key 'source': every fact cites the report's sentence it "
        "comes from (source: {line: …, quote: …}, or a form's cell)"
    ]
    vi = run_cli("--lang", "vi", "check", str(path))
    assert "mỗi số liệu phải dẫn câu của báo cáo" in vi.err and "mỗi quy tắc phải dẫn" not in vi.err


def test_two_letters_swapped_in_a_short_required_key_are_one_error_naming_it(tmp_path):
    line = _catalogue_copy(
        tmp_path, "ke-hoach-156.yaml", "    measure: {of: dvk.mo_hinh,", "    measure: {fo: dvk.mo_hinh,"
    )
    found = [d for d in _lint_errors(tmp_path, "unknown-key") + _lint_errors(tmp_path, "missing-key")]
    assert [(d.line, d.code, d.message) for d in found] == [
        (line, "unknown-key", "unknown key 'fo': is it the required key 'of', which is missing?")
    ]


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "short_of: {of: ntm_nc.so_tieu_chi_dat, level: chua_dat}",
            "short_of: {of: ntm_nc.so_tieu_chi_datt, level: chua_dat}",
            "'ntm_nc.so_tieu_chi_datt' is not the general count of any criteria set (did you mean: "
            "'ntm_nc.so_tieu_chi_dat'",
        ),
        (
            "short_of: {of: ntm_nc.so_tieu_chi_dat, level: chua_dat}",
            "short_of: {of: ntm_nc.so_tieu_chi_dat, level: chua_dat_chuan}",
            "words.short_of.level 'chua_dat_chuan' is not one of the indicator's levels",
        ),
        (
            "of: van_dong.chuyen_doi_so.so_mo_hinh\n",
            "of: van_dong.chuyen_doi_so.so_mo_hinhh\n",
            "words.of of 'van_dong.chuyen_doi_so.mo_hinh_mo_ta': 'van_dong.chuyen_doi_so.so_mo_hinhh' is not an "
            "indicator of the catalogue (did you mean: 'van_dong.chuyen_doi_so.so_mo_hinh'",
        ),
        (
            '      unit: [mô hình, "điểm hỗ trợ … dịch vụ công trực tuyến"]\n',
            "",
            "read: named needs 'unit' (the word of the kind a name follows) and 'topic' (what a name says)",
        ),
        (
            "of: van_dong.chuyen_doi_so.so_mo_hinh\n",
            "of: van_dong.chuyen_doi_so.mo_hinh_mo_ta\n",
            "words.of of 'van_dong.chuyen_doi_so.mo_hinh_mo_ta' names the indicator itself",
        ),
    ],
)
def test_a_wrong_short_of_in_the_indicators_is_a_located_error(tmp_path, old, new, message):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__*"))
    path = rules / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    errors = check_errors(ROOT / "facts" / "tinh-an", extra=("--rules", str(rules)))
    assert any(e.startswith(f"{path}:") and message in e for e in errors), errors


def test_a_named_reading_without_its_unit_is_told_in_vietnamese(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__*"))
    path = rules / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    unit = '      unit: [mô hình, "điểm hỗ trợ … dịch vụ công trực tuyến"]\n'
    assert unit in text
    path.write_text(text.replace(unit, ""), encoding="utf-8")
    run = run_cli("--lang", "vi", "check", str(ROOT / "facts" / "tinh-an"), "--rules", str(rules))
    assert run.code == 2
    assert "error[invalid-value]: read: named cần có 'unit' (từ đứng trước tên, như “mô hình”) và 'topic'" in run.err
    assert run.err.startswith(f"{path}:")
