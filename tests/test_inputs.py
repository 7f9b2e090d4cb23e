"""The input side of issue 10: what chitieu reads, how it tells the user what a file is, and where it stops.

Reports used here are written for the project (tests/fixtures/intake/: xã An Phú, a made-up commune); huge files,
bombs and FIFOs are made at test time.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from chitieu.cli import main
from conftest import ROOT

INTAKE = ROOT / "tests" / "fixtures" / "intake"
AN_PHU = INTAKE / "an-phu" / "bao-cao-2025.yaml"
AN_PHU_REPORT = INTAKE / "bao-cao-an-phu.txt"


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def diag_lines(err: str, level: str = "") -> list[str]:
    return [l for l in err.splitlines() if (f"{level}[" if level else "]: ") in l and ": " in l]


# --------------------------------------------------------------------------------------------------- item 28

def test_a_fact_file_whose_report_is_absent_gets_one_note_and_no_warning(tmp_path):
    a = tmp_path / "a.yaml"
    shutil.copy(AN_PHU, a)
    b = tmp_path / "b.yaml"  # a second file of the same commune citing the same absent report
    b.write_text(AN_PHU.read_text(encoding="utf-8").split("facts:")[0] + "facts: []\n", encoding="utf-8")
    code, out, err = cli("check", tmp_path, "--format", "json", "--fail-on", "never")
    assert code == 0, err
    notes = diag_lines(err, "note")
    assert notes == [f"{a}:11:9: note[report-missing]: the report file '../bao-cao-an-phu.txt' is not there; "
                     "quotes were not checked against it"]
    assert not diag_lines(err, "warning")
    assert json.loads(out)["summary"]["met"] == 7


def test_with_its_report_beside_it_every_quote_is_checked(tmp_path):
    folder = tmp_path / "an-phu"
    folder.mkdir()
    shutil.copy(AN_PHU_REPORT, tmp_path / AN_PHU_REPORT.name)
    text = AN_PHU.read_text(encoding="utf-8")
    (folder / "f.yaml").write_text(text, encoding="utf-8")
    code, _, err = cli("check", folder, "--fail-on", "never")
    assert code == 0 and not diag_lines(err), err
    (folder / "f.yaml").write_text(text.replace("Năm 2024 giảm 6 hộ nghèo", "Năm 2024 giảm 7 hộ nghèo"), encoding="utf-8")
    code, _, err = cli("check", folder, "--fail-on", "never")
    assert code == 2
    assert "error[quote-mismatch]: the quote is not at line 26 of the report; it is not in the report at all" in err


# --------------------------------------------------------------------------------------------------- item 10

def _rules_copy(tmp_path: Path) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    return rules


def test_a_rule_target_of_1e1000000_is_a_located_error_not_a_decimal_overflow(tmp_path):
    rules = _rules_copy(tmp_path)
    path = rules / "ke-hoach-156.yaml"
    text = path.read_text(encoding="utf-8")
    old = 'target: {op: ">=", value: 1, unit: mô hình}'
    assert old in text
    path.write_text(text.replace(old, 'target: {op: ">=", value: 1e1000000, unit: mô hình}', 1), encoding="utf-8")
    line, col = next((i, l.index("1e1000000") + 1) for i, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                     if "1e1000000" in l)
    expected = f"{path}:{line}:{col}: error[invalid-value]: target.value: the number 1E+1000000 is out of range"
    for args in (["rules", "lint", "--rules", rules], ["check", "--rules", rules, AN_PHU]):
        code, out, err = cli(*args)
        assert code == 2 and out == "", err
        assert any(l.startswith(expected) for l in err.splitlines()), err


# --------------------------------------------------------------------------------------------------- item 24

def _an_phu_with(tmp_path: Path, *facts: str) -> Path:
    head = AN_PHU.read_text(encoding="utf-8").split("facts:")[0].replace("  file: ../bao-cao-an-phu.txt\n", "")
    path = tmp_path / "f.yaml"
    path.write_text(head + "facts:\n" + "".join(f"  - {f}\n" for f in facts), encoding="utf-8")
    return path


def test_the_same_figure_written_3_and_3_0_is_not_a_conflict(tmp_path):
    same = _an_phu_with(tmp_path, "{indicator: giam_ngheo.so_ho_giam, period: 2024, value: 6, source: {line: 26, quote: a}}",
                        "{indicator: giam_ngheo.so_ho_giam, period: 2024, value: 6.0, source: {line: 27, quote: b}}",
                        "{indicator: dich_vu_cong.ty_le_ho_so_truc_tuyen, period: as_of, value: {gt: 50}, source: {line: 28, quote: c}}",
                        "{indicator: dich_vu_cong.ty_le_ho_so_truc_tuyen, period: as_of, value: {gt: 50.00}, source: {line: 29, quote: d}}")
    code, out, err = cli("check", same, "--format", "json", "--fail-on", "never")
    assert code == 0, err
    poverty = [f for f in json.loads(out)["findings"] if f["rule_id"] == "giam-ngheo" and f["period"]["key"] == "2024"]
    assert poverty and poverty[0]["facts"][0]["value"].startswith("06")
    differ = _an_phu_with(tmp_path, "{indicator: giam_ngheo.so_ho_giam, period: 2024, value: 6, source: {line: 26, quote: a}}",
                          "{indicator: giam_ngheo.so_ho_giam, period: 2024, value: 7, source: {line: 27, quote: b}}")
    code, _, err = cli("check", differ)
    assert code == 2 and f"{differ}:13:5: error[conflicting-facts]" in err, err


# --------------------------------------------------------------------------------------------------- item 19

def test_ids_names_and_free_text_have_length_caps(tmp_path):
    text = AN_PHU.read_text(encoding="utf-8").replace("  file: ../bao-cao-an-phu.txt\n", "")
    long_id = "quang-ngai/" + "a" * 5000
    cases = {
        "id": (text.replace("id: quang-ngai/an-phu", f"id: {long_id}"), "characters; at most 120 characters"),
        "name": (text.replace("name: xã An Phú", "name: xã " + "Phú " * 250_000), "characters; at most 200 characters"),
        "quote": (text.replace('quote: "Năm 2024 giảm 6 hộ nghèo"', 'quote: "' + "giảm " * 2000 + '"'),
                  "characters; at most 5,000 characters"),
    }
    for name, (body, message) in cases.items():
        path = tmp_path / f"{name}.yaml"
        path.write_text(body, encoding="utf-8")
        code, out, err = cli("check", path, "--format", "json")
        assert code == 2 and out == "", (name, err[:300])
        errors = diag_lines(err, "error")
        assert len(errors) == 1 and "error[invalid-value]" in errors[0] and message in errors[0], (name, errors)
        assert len(errors[0]) < 300, "the message quotes the value shortened"
