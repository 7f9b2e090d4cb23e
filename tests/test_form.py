"""The reporting form: `chitieu form` writes it, a commune fills it, `chitieu facts import` and `chitieu check` read it.

Driven through the real CLI. The form is filled as a person fills it (tests/formfill.py types each fact of the seed's
fact file into its row); every error is asserted at its sheet, cell and code.
"""

from __future__ import annotations

import csv
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import ROOT, SEED_FACTS, finding, run_cli
from formfill import blocks_by_key, fill, rows_by_key, slot_key
from chitieu.form import ICOL, ITEMS, MAIN, M
from chitieu.yamlsrc import load
from test_messages_vi import assert_vietnamese

YEARS = ["--year", "2022", "--year", "2023", "--year", "2024"]
SEED_FILE = SEED_FACTS / "bao-cao-2024.yaml"
LIBREOFFICE_FORM = ROOT / "tests" / "fixtures" / "forms" / "tinh-an-libreoffice.xlsx"


@pytest.fixture(scope="module")
def blank_form(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("form") / "bieu-mau.xlsx"
    run = run_cli("form", "-o", str(out), *YEARS)
    assert run.code == 0, run.err
    return out


@pytest.fixture(scope="module")
def filled_form(blank_form, catalogue, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("filled") / "bieu-mau.xlsx"
    typed = fill(blank_form, SEED_FILE, out, catalogue)
    seed = load(SEED_FILE).data["facts"]
    # the 2022 plan is background to a plan judged from 2023: the form has no row for it, as on paper
    assert [(f["indicator"], f["period"]) for f in seed if f not in typed] == [("dvcq.ke_hoach_nam", 2022)]
    return out


@pytest.fixture(scope="module")
def rows(blank_form) -> dict[tuple[str, str], int]:
    return rows_by_key(load_workbook(blank_form)[MAIN])


def _judged(doc: dict) -> dict:
    """What a finding concludes, per rule and period."""
    return {
        (f["rule_id"], f["period"]["key"]): (
            f["status"],
            f["actual"],
            f["target"],
            f["evidence_level"],
            f["achievement_pct"],
            f["shortfall"],
            f["outlook"],
        )
        for f in doc["findings"]
    }


def _check_json(path: Path) -> dict:
    run = run_cli("check", str(path), "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    return run.json()


# --------------------------------------------------------------------------------------------------- round trip


def test_a_form_filled_with_the_seed_facts_gives_the_seed_findings(filled_form, seed_json, rows, tmp_path):
    facts_file = tmp_path / "so-lieu.yaml"
    run = run_cli("facts", "import", str(filled_form), "-o", str(facts_file))
    assert run.code == 0, run.err
    seed_facts = [f for f in load(SEED_FILE).data["facts"] if (f["indicator"], slot_key(f["period"])) in rows]
    n_items = sum(len(f.get("items", [])) for f in seed_facts)
    assert run.err.strip().endswith(f"{len(seed_facts)} facts ({n_items} items) read from {filled_form}")
    expected = _judged(seed_json)
    assert len(expected) == 36
    assert _judged(_check_json(facts_file)) == expected  # through the imported fact file
    direct = _check_json(filled_form)  # and straight from the workbook
    assert _judged(direct) == expected

    poor = finding(direct, "giam-ngheo", "2023")
    row = rows[("giam_ngheo.so_ho_giam", "2023")]
    fact = next(f for f in poor["facts"] if f["indicator"] == "giam_ngheo.so_ho_giam")
    assert fact == {
        "indicator": "giam_ngheo.so_ho_giam",
        "period": "2023",
        "value": "11 hộ",
        "file": str(filled_form),
        "line": row,
        "report_line": None,
        "quote": "Số hộ nghèo giảm trong năm — Năm 2023: 11 hộ",
        "cell": f"Biểu 01!E{row}",
    }
    gpmb = finding(direct, "mo-hinh-van-dong-gpmb")
    plan_row = rows[("gpmb.ke_hoach_mo_hinh", "as_of")]
    assert gpmb["status"] == "unmet"
    assert [(f["line"], f["cell"]) for f in gpmb["facts"]] == [(plan_row, f"Biểu 01!E{plan_row}")]


def test_the_imported_fact_file_cites_the_form_and_its_cells(filled_form, rows, tmp_path):
    out = tmp_path / "facts" / "so-lieu.yaml"
    out.parent.mkdir()
    assert run_cli("facts", "import", str(filled_form), "-o", str(out)).code == 0
    data = load(out).data
    assert data["schema"] == "chitieu.facts/1"
    assert (out.parent / data["report"]["file"]).resolve() == filled_form.resolve()
    assert data["report"]["as_of"] == "2024-10" and data["report"]["period"] == {
        "from": "2023-01-01",
        "to": "2024-10-31",
    }
    online = next(f for f in data["facts"] if f["indicator"] == "dich_vu_cong.ty_le_ho_so_truc_tuyen")
    row = rows[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")]
    assert online == {
        "indicator": "dich_vu_cong.ty_le_ho_so_truc_tuyen",
        "period": "as_of",
        "value": {"gt": 50},
        "source": {
            "cell": f"Biểu 01!E{row}",
            "quote": "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến — Tại thời điểm báo cáo: trên 50%",
        },
    }
    models = [f for f in data["facts"] if f["indicator"] == "dvk.mo_hinh"]
    assert [(f["period"], len(f["items"])) for f in models] == [(2023, 5), (2024, 2)]
    assert models[1]["items"][0] == {
        "name": "Cổng trường an toàn giao thông",
        "decision": {"kind": "Quyết định", "number": "113/QĐ-UBND", "date": "2024-04-03", "issuer": "UBND xã Tịnh An"},
    }
    totals = next(f for f in data["facts"] if f["indicator"] == "dvk.tong_so_mo_hinh_bao_cao")
    assert totals["period"] == "2023-2024"  # the running total ends with the report's year


def test_texts_that_look_like_yaml_words_stay_texts_in_the_imported_file(filled_form, rows, tmp_path):
    wb = load_workbook(filled_form)
    head = blocks_by_key(wb[ITEMS])[("dvk.mo_hinh", "2024")]
    wb[ITEMS].cell(head + 3, ICOL["name"]).value = "null"
    wb[ITEMS].cell(head + 3, ICOL["note"]).value = "true"
    wb[MAIN].cell(rows[("dvk.mo_hinh", "2024")], M["value"]).value = 3
    wb[MAIN].cell(rows[("giam_ngheo.so_ho_giam", "2023")], M["note"]).value = "05"
    form = tmp_path / "bieu-mau.xlsx"
    wb.save(form)
    out = tmp_path / "so-lieu.yaml"
    run = run_cli("facts", "import", str(form), "-o", str(out))
    assert run.code == 0, run.err
    facts = load(out).data["facts"]
    models = next(f for f in facts if f["indicator"] == "dvk.mo_hinh" and f["period"] == 2024)
    assert models["items"][2] == {"name": "null", "note": "true"}
    assert next(f for f in facts if f["indicator"] == "giam_ngheo.so_ho_giam")["note"] == "05"


def test_a_form_saved_by_libreoffice_imports_too(seed_json, tmp_path):
    app = zipfile.ZipFile(LIBREOFFICE_FORM).read("docProps/app.xml").decode()
    assert "<Application>LibreOffice" in app  # the fixture is what it claims (tests/fixtures/forms/regenerate.py)
    out = tmp_path / "so-lieu.yaml"
    run = run_cli("facts", "import", str(LIBREOFFICE_FORM), "-o", str(out))
    assert run.code == 0, run.err
    assert _judged(_check_json(out)) == _judged(seed_json)
    assert _judged(_check_json(LIBREOFFICE_FORM)) == _judged(seed_json)


def test_a_form_made_before_the_former_units_row_was_added_still_imports(seed_json):
    """Forms already sent to communes keep working: one of the layout before “Đơn vị cũ hợp thành” (11/2026)."""
    old = ROOT / "tests" / "fixtures" / "forms" / "tinh-an-mau-cu.xlsx"
    labels = {c.value for row in load_workbook(old)[MAIN].iter_rows(max_row=12) for c in row}
    assert "Đơn vị cũ hợp thành:" not in labels and "Tên xã:" in labels  # an older header still
    assert _judged(_check_json(old)) == _judged(seed_json)


def test_the_sample_form_in_examples_gives_the_seed_findings(seed_json):
    """examples/tinh-an-bieu-mau.xlsx, which the README imports and checks, is the seed commune's form, current."""
    sample = ROOT / "examples" / "tinh-an-bieu-mau.xlsx"
    assert _judged(_check_json(sample)) == _judged(seed_json), "run python tests/fixtures/forms/regenerate.py"


def test_report_and_shortfalls_read_a_form_directly(filled_form, rows):
    run = run_cli("shortfalls", str(filled_form), "--format", "csv")
    assert run.code == 0, run.err
    table = list(csv.DictReader(io.StringIO(run.out.lstrip("\ufeff"))))
    gpmb = next(r for r in table if r["Mã quy tắc"] == "mo-hinh-van-dong-gpmb")
    assert gpmb["Dòng báo cáo"] == f"Biểu 01!E{rows[('gpmb.ke_hoach_mo_hinh', 'as_of')]}"
    report = run_cli("report", str(filled_form), "--format", "md")
    assert report.code == 0, report.err
    assert "Tồn tại, hạn chế" in report.out


# --------------------------------------------------------------------------------------------------- blank means no data


def test_blank_rows_are_no_data_and_zero_is_zero(blank_form, catalogue, rows, tmp_path):
    wb = load_workbook(blank_form)
    ws = wb[MAIN]
    ws["J3"], ws["J5"], ws["J6"], ws["J7"] = "Báo cáo 2023–2024", "12/2024", "31/12/2024", "01/01/2023"
    ws.cell(rows[("dvk.mo_hinh", "2024")], M["value"]).value = 0
    path = tmp_path / "trong.xlsx"
    wb.save(path)
    doc = _check_json(path)
    none = finding(doc, "mo-hinh-dvk-moi-nam", "2023")
    zero = finding(doc, "mo-hinh-dvk-moi-nam", "2024")
    assert (none["status"], none["actual"], none["evidence_level"]) == ("insufficient_data", None, "missing")
    assert (zero["status"], zero["actual"]) == ("unmet", 0)
    assert finding(doc, "giam-ngheo", "2024")["status"] == "insufficient_data"
    assert [f["rule_id"] for f in doc["findings"] if f["facts"]] == ["mo-hinh-dvk-moi-nam", "mo-hinh-dvk-luy-ke"]


# --------------------------------------------------------------------------------------------------- errors at cells


def _errors(run) -> list[tuple[str, str]]:
    out = []
    for line in run.err.splitlines():
        if ": error[" in line:
            place, _, rest = line.partition(": error[")
            out.append((place, rest.split("]", 1)[0]))
    return out


def test_every_bad_cell_is_an_error_at_that_cell(filled_form, rows, tmp_path):
    wb = load_workbook(filled_form)
    ws, wi = wb[MAIN], wb[ITEMS]
    E, O, P = (lambda key, period: f"E{rows[(key, period)]}"), "O", "P"  # noqa: E741 (the sheet's column letters)

    def cell(key, period, col=M["value"]):
        return ws.cell(rows[(key, period)], col)

    cell("giam_ngheo.so_ho_giam", "2023").value = "mười một"  # a text in a number cell
    cell("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of").value = 150  # outside 0–100%
    cell("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of", M["bound"]).value = None
    cell("ntm_nc.cong_nhan", "as_of").value = "đã xong"  # not one of the levels
    cell("giam_ngheo.chi_tieu_giao", "2023").value = 11
    cell("giam_ngheo.chi_tieu_giao", "2023", M["key"]).value = "giam_ngheo.chi_tieu_giaoo"  # hidden key edited
    cell("kdc.so_khu_6_khong", "as_of", M["key"]).value = "kdc.tong_so_khu"  # a row duplicating another
    cell("dvk.so_ket_phong_trao", "2023", M["period"]).value = "2019"  # a period outside the plans
    cell("dvk.mo_hinh", "2024").value = 3  # 3 models, 2 listed in Biểu 02
    cell("giam_ngheo.so_ho_giam", "2024").value = "=1+2"  # a formula with no saved result
    item_row = blocks_by_key(wi)[("dvk.mo_hinh", "2023")] + 1
    wi.cell(item_row, ICOL["doc_date"]).value = "32/13/2023"  # not a date
    bad = tmp_path / "bieu-mau-loi.xlsx"
    wb.save(bad)

    run = run_cli("facts", "import", str(bad), "-o", str(tmp_path / "out.yaml"))
    assert run.code == 2
    assert not (tmp_path / "out.yaml").exists()
    p = str(bad)
    duplicated = rows[("kdc.so_khu_6_khong", "as_of")]
    expected = [
        (f"{p}:Biểu 01!{E('dvk.mo_hinh', '2024')}", "form-items-count"),
        (f"{p}:Biểu 01!{E('giam_ngheo.so_ho_giam', '2023')}", "wrong-type"),
        (f"{p}:Biểu 01!{E('giam_ngheo.so_ho_giam', '2024')}", "form-formula"),
        (f"{p}:Biểu 01!{O}{rows[('giam_ngheo.chi_tieu_giao', '2023')]}", "unknown-indicator"),
        (f"{p}:Biểu 01!{E('dich_vu_cong.ty_le_ho_so_truc_tuyen', 'as_of')}", "out-of-range"),
        (f"{p}:Biểu 01!{E('ntm_nc.cong_nhan', 'as_of')}", "invalid-value"),
        (f"{p}:Biểu 01!{O}{duplicated}", "form-duplicate-row"),
        (f"{p}:Biểu 01!{P}{rows[('dvk.so_ket_phong_trao', '2023')]}", "form-period"),
        (f"{p}:Biểu 02!E{item_row}", "invalid-value"),
    ]
    assert sorted(_errors(run)) == sorted(expected), run.err
    lines = run.err.splitlines()
    assert (
        f"{p}:Biểu 01!{E('giam_ngheo.so_ho_giam', '2023')}: error[wrong-type]: the cell holds the text "
        "'mười một', not a number; type the number alone (e.g. 11 or 62,5), without its unit" in lines
    )
    assert any(
        ln.startswith(
            f"{p}:Biểu 01!{E('ntm_nc.cong_nhan', 'as_of')}: error[invalid-value]: 'đã xong' is not "
            "a level of 'Tình trạng công nhận"
        )
        and "“đã được công nhận đạt chuẩn”" in ln
        for ln in lines
    )
    assert any(
        f"repeats the indicator 'kdc.tong_so_khu' and period 'as_of' of row {rows[('kdc.tong_so_khu', 'as_of')]}" in ln
        for ln in lines
    )
    # a figure out of range names its indicator as the form's row does, beside its key
    assert any(
        ln.startswith(f"{p}:Biểu 01!{E('dich_vu_cong.ty_le_ho_so_truc_tuyen', 'as_of')}: error[out-of-range]: ")
        and ln.endswith("(0 to 100) — Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến")
        for ln in lines
    ), lines
    assert run.err.strip().endswith("chitieu: 9 error(s) in the input; nothing was evaluated")
    # `check` reports the same cells and judges nothing for this commune
    check = run_cli("check", str(bad))
    assert check.code == 2 and sorted(_errors(check)) == sorted(expected)
    # in Vietnamese (the default): the same cells and codes, every message in Vietnamese
    vi = run_cli("--lang", "vi", "facts", "import", str(bad), "-o", str(tmp_path / "out.yaml"))
    said = {d["code"]: d["message"] for d in assert_vietnamese(vi, run)}
    assert (
        said["wrong-type"]
        == "ô chứa chữ 'mười một', không phải số; chỉ gõ con số (ví dụ 11 hoặc 62,5), không kèm đơn vị"
    )
    assert said["out-of-range"].endswith(
        "của chỉ số “Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến” ('dich_vu_cong.ty_le_ho_so_truc_tuyen')"
    )


def test_a_criterion_of_the_self_assessment_reads_back_as_the_form_asked_it(filled_form, rows, tmp_path):
    """The form asks each NTM nâng cao criterion at the report's date (the criteria set's rows, not a rule's): a
    commune that fills one in gets its fact, not an error about the hidden period cell."""
    wb = load_workbook(filled_form)
    ws = wb[MAIN]
    ws.cell(rows[("ntm_nc.tc01", "as_of")], M["value"]).value = "đạt"
    ws.cell(rows[("ntm_nc.tc10", "as_of")], M["value"]).value = "chưa đạt"
    out = tmp_path / "tu-danh-gia.xlsx"
    wb.save(out)
    run = run_cli("facts", "import", str(out), "-o", str(tmp_path / "f.yaml"))
    assert run.code == 0, run.err
    facts = {f["indicator"]: f for f in load(tmp_path / "f.yaml").data["facts"]}
    assert (facts["ntm_nc.tc01"]["period"], facts["ntm_nc.tc01"]["value"]) == ("as_of", "dat")
    assert facts["ntm_nc.tc10"]["value"] == "chua_dat"
    row = rows[("ntm_nc.tc01", "as_of")]
    assert facts["ntm_nc.tc01"]["source"]["cell"] == f"Biểu 01!{chr(64 + M['value'])}{row}"
    judged = run_cli("check", str(out), "--format", "json", "--fail-on", "never")  # the form checks directly too
    assert judged.code == 0 and "error[" not in judged.err, judged.err
    # the seed's "19 tiêu chí" beside a criterion filled as "chưa đạt": told at the count's cell, with the criterion's
    count = f"{out}:Biểu 01!{chr(64 + M['value'])}{rows[('ntm_nc.so_tieu_chi_dat', 'as_of')]}"
    criterion = f"{out}:Biểu 01!{chr(64 + M['value'])}{rows[('ntm_nc.tc10', 'as_of')]}"
    for said in (run.err, judged.err):
        assert (
            f"{count}: warning[criteria-count]: 'ntm_nc.so_tieu_chi_dat' says 19 criteria are met, but 1 of the 19 "
            in said
        )
        assert f"(Thu nhập, at {criterion}): at most 18 can be" in said, said


def test_a_choice_not_on_the_list_is_told_in_vietnamese(filled_form, rows, tmp_path):
    """A yes/no cell holding 'co' and a bound 'khoảng': the error names the choices, in the run's language (V8: the
    Vietnamese run printed these two in English)."""
    wb = load_workbook(filled_form)
    ws = wb[MAIN]
    ws.cell(rows[("dvcq.quy_che_phoi_hop", "as_of")], M["value"]).value = "co"
    ws.cell(rows[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")], M["bound"]).value = "khoảng"
    bad = tmp_path / "lua-chon.xlsx"
    wb.save(bad)
    en = run_cli("facts", "import", str(bad), "-o", str(tmp_path / "out.yaml"))
    vi = run_cli("--lang", "vi", "facts", "import", str(bad), "-o", str(tmp_path / "out.yaml"))
    said = [d["message"] for d in assert_vietnamese(vi, en)]
    assert "'co' không phải “Có” hoặc “Không”; hãy chọn một trong các giá trị “Có”, “Không”, “Đúng”, “Sai”" in said
    assert any(
        m.startswith("'khoảng' không phải là cận của khoảng giá trị; hãy chọn một trong các giá trị") for m in said
    )


def test_a_formula_is_read_as_its_saved_result_never_computed(filled_form, rows, tmp_path):
    row = rows[("giam_ngheo.so_ho_giam", "2023")]
    sheet = zipfile.ZipFile(filled_form).read("xl/worksheets/sheet2.xml").decode()
    typed = re.search(rf'<c r="E{row}" s="(\d+)" t="n"><v>11</v></c>', sheet)
    assert typed, "the filled form stores 11 as a number"
    # as a spreadsheet saves =1+1 whose result it last showed as 11: chitieu reads 11, it does not compute 2
    formula = sheet.replace(typed.group(0), f'<c r="E{row}" s="{typed.group(1)}"><f>1+1</f><v>11</v></c>')
    path = tmp_path / "cong-thuc.xlsx"
    _rezip(filled_form, path, {"xl/worksheets/sheet2.xml": formula.encode()})
    doc = _check_json(path)
    fact = next(f for f in finding(doc, "giam-ngheo", "2023")["facts"] if f["indicator"] == "giam_ngheo.so_ho_giam")
    assert fact["value"] == "11 hộ"


def test_a_blank_required_header_cell_is_an_error_at_that_cell(filled_form, tmp_path):
    wb = load_workbook(filled_form)
    ws = wb[MAIN]
    ws["C4"] = None  # Tên đơn vị
    ws["J6"] = None  # Số liệu tính đến ngày
    ws["J5"] = "ngày mai"
    bad = tmp_path / "thieu.xlsx"
    wb.save(bad)
    run = run_cli("check", str(bad))
    assert run.code == 2
    assert sorted(_errors(run)) == [
        (f"{bad}:Biểu 01!C4", "missing-key"),
        (f"{bad}:Biểu 01!J5", "invalid-value"),
        (f"{bad}:Biểu 01!J6", "missing-key"),
    ]
    # the clerk reads the cell's label, not the fact file's key
    assert f"{bad}:Biểu 01!J6: error[missing-key]: the cell “Số liệu tính đến ngày” is blank; fill it in" in (
        run.err.splitlines()
    )
    assert f"{bad}:Biểu 01!C4: error[missing-key]: the cell “Tên đơn vị” is blank; fill it in" in run.err.splitlines()
    vi = run_cli("--lang", "vi", "check", str(bad))
    assert f"{bad}:Biểu 01!J6: error[missing-key]: ô “Số liệu tính đến ngày” còn trống; hãy điền vào" in (
        vi.err.splitlines()
    )


def test_a_broken_header_hides_no_bad_figure(filled_form, rows, tmp_path):
    """One run reports every bad cell: a blank unit name beside a rate of 150% and a negative count — before, the
    figures' range errors came only on the next run, once the header was mended (V8)."""
    wb = load_workbook(filled_form)
    ws = wb[MAIN]
    ws["C4"] = None  # Tên đơn vị
    online, total = rows[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")], rows[("kdc.tong_so_khu", "as_of")]
    ws.cell(online, M["value"]).value = 150
    ws.cell(total, M["value"]).value = -5
    bad = tmp_path / "nhieu-loi.xlsx"
    wb.save(bad)
    run = run_cli("facts", "import", str(bad), "-o", str(tmp_path / "out.yaml"))
    assert run.code == 2
    value = chr(64 + M["value"])
    assert sorted(_errors(run)) == [
        (f"{bad}:Biểu 01!C4", "missing-key"),
        (f"{bad}:Biểu 01!{value}{online}", "out-of-range"),
        (f"{bad}:Biểu 01!{value}{total}", "out-of-range"),
    ]


def test_a_name_cell_holding_a_number_date_or_yes_no_or_a_higher_unit_is_an_error_at_that_cell(filled_form, tmp_path):
    """A slip in the header's name cells is never imported as a name ('XÃ TRUE', 'UBND 123')."""
    wb = load_workbook(filled_form)
    ws = wb[MAIN]
    assert ws["B4"].value.startswith("Tên") and ws["B7"].value.startswith("Cơ quan")
    ws["C4"] = True  # Tên đơn vị
    ws["C7"] = 123  # Cơ quan báo cáo
    bad = tmp_path / "nham.xlsx"
    wb.save(bad)
    run = run_cli("--lang", "vi", "facts", "import", str(bad))
    assert run.code == 2
    assert sorted(_errors(run)) == [(f"{bad}:Biểu 01!C4", "wrong-type"), (f"{bad}:Biểu 01!C7", "wrong-type")]
    assert f"{bad}:Biểu 01!C7: error[wrong-type]: ô chứa số 123, không phải tên; hãy gõ tên" in run.err.splitlines()
    ws["C4"], ws["C7"] = "TX. Đức Phổ", "UBND xã Tịnh An"
    wb.save(bad)
    run = run_cli("facts", "import", str(bad))
    assert run.code == 2 and sorted(_errors(run)) == [(f"{bad}:Biểu 01!C4", "invalid-value")]


def test_a_workbook_that_is_not_a_form_gets_one_clear_error(tmp_path):
    wb = Workbook()
    wb.active.append(["Chỉ tiêu", "Kết quả"])
    other = tmp_path / "bang-tinh.xlsx"
    wb.save(other)
    run = run_cli("check", str(other))
    assert run.code == 2
    assert run.err.splitlines()[0] == (
        f"{other}:1:1: error[form-invalid]: this workbook is not a chitieu reporting form (it has no sheet "
        "'Biểu 01'): chitieu expected a sheet 'Biểu 01' whose table header holds the hidden key columns 'Mã chỉ tiêu' "
        "and 'Mã kỳ' (columns O and P), a sheet 'Biểu 02' and a hidden sheet 'DanhMuc' naming chitieu.form/1; make a "
        "form with `chitieu form`, fill it in and read it back"
    )
    text = tmp_path / "khong-phai.xlsx"
    text.write_text("Chỉ tiêu;Kết quả\n", encoding="utf-8")
    run = run_cli("facts", "import", str(text))
    assert run.code == 2 and _errors(run) == [(f"{text}:1:1", "form-invalid")]
    assert "not an XLSX workbook" in run.err


def test_a_spreadsheet_beside_the_forms_in_a_folder_is_skipped_with_a_warning(filled_form, seed_json, tmp_path):
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    (folder / "bieu-mau.xlsx").write_bytes(filled_form.read_bytes())
    wb = Workbook()
    wb.active.append(["ghi chép riêng"])
    wb.save(folder / "ghi-chep.xlsx")
    run = run_cli("check", str(folder), "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    assert _judged(run.json()) == _judged(seed_json)
    assert (
        f"{folder / 'ghi-chep.xlsx'}:1:1: warning[form-invalid]: this workbook is not a chitieu reporting form"
        in run.err
    )
    assert "the file was skipped" in run.err


def test_a_province_checks_a_folder_of_forms_from_several_communes(filled_form, seed_json, tmp_path):
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    (folder / "tinh-an.xlsx").write_bytes(filled_form.read_bytes())
    other = tmp_path / "tinh-ha.xlsx"
    assert run_cli("form", "--commune", "quang-ngai/tinh-ha=xã Tịnh Hà", "-o", str(other), *YEARS).code == 0
    wb = load_workbook(other)
    ws = wb[MAIN]
    ws["J3"], ws["J5"], ws["J6"], ws["J7"] = "Báo cáo năm 2024", "31/12/2024", "31/12/2024", "01/01/2024"
    rows = rows_by_key(ws)
    # Tịnh Hà is asked only for the plans that cover it: the province's Đề án, not Tịnh An's own Kế hoạch 156
    assert ("giam_ngheo.so_ho_giam", "2024") not in rows
    ws.cell(rows[("van_dong.chuyen_doi_so.so_mo_hinh", "as_of")], M["value"]).value = 0
    ws.cell(rows[("kdc.so_khu_6_khong", "as_of")], M["value"]).value = 4
    ws.cell(rows[("kdc.tong_so_khu", "as_of")], M["value"]).value = 5
    wb.save(folder / "tinh-ha.xlsx")
    run = run_cli("check", str(folder), "--format", "json", "--fail-on", "never")
    assert run.code == 0, run.err
    doc = run.json()
    assert [c["id"] for c in doc["communes"]] == ["quang-ngai/tinh-an", "quang-ngai/tinh-ha"]
    tinh_ha = [f for f in doc["findings"] if f["commune"]["id"] == "quang-ngai/tinh-ha"]
    assert {f["source"]["number"] for f in tinh_ha} == {"13-ĐA/TU", "318/QĐ-TTg"}
    digital = next(f for f in tinh_ha if f["rule_id"] == "van-dong-chuyen-doi-so")
    assert (digital["status"], digital["actual"], digital["shortfall"], digital["shortfall_unit"]) == (
        "unmet",
        0,
        1,
        "mô hình",
    )
    areas = next(f for f in tinh_ha if f["rule_id"] == "khu-dan-cu-6-khong")
    assert (areas["status"], areas["actual"], areas["actual_display"]) == (
        "insufficient_data",
        80,
        "04/05 khu dân cư (80%)",
    )
    tinh_an = {"findings": [f for f in doc["findings"] if f["commune"]["id"] == "quang-ngai/tinh-an"]}
    assert _judged(tinh_an) == _judged(seed_json)


def _rezip(src: Path, dst: Path, replace: dict[str, object]) -> None:
    """A copy of the workbook with some parts replaced (bytes, or a function writing into the open member)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            new = replace.get(info.filename)
            if callable(new):
                with zout.open(info.filename, "w") as fh:
                    new(fh)
            else:
                zout.writestr(info.filename, new if new is not None else zin.read(info.filename))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(blank_form, tmp_path):
    def zeros(fh):
        block = b"\0" * (1 << 20)
        for _ in range(100):
            fh.write(block)

    bomb = tmp_path / "bom.xlsx"
    _rezip(blank_form, bomb, {"xl/worksheets/sheet2.xml": zeros})
    assert bomb.stat().st_size < 1_000_000
    run = run_cli("check", str(bomb))
    assert run.code == 2
    assert _errors(run) == [(f"{bomb}:1:1", "form-too-large")]
    assert "unpacks to" in run.err and "zip bomb" in run.err


def _rows_xml(n: int, cell: bool):
    def write(fh):
        fh.write(
            b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData>'
        )
        for start in range(1, n + 1, 1000):
            fh.write(
                b"".join(
                    (b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i)) if cell else (b'<row r="%d"/>' % i)
                    for i in range(start, min(start + 1000, n + 1))
                )
            )
        fh.write(b"</sheetData></worksheet>")

    return write


def test_a_sheet_with_a_million_rows_ends_in_a_located_error(blank_form, tmp_path):
    big = tmp_path / "trieu-dong.xlsx"
    _rezip(blank_form, big, {"xl/worksheets/sheet2.xml": _rows_xml(1_000_000, cell=True)})
    run = run_cli("check", str(big))
    assert run.code == 2
    assert _errors(run) == [(f"{big}:Biểu 01!A1", "form-too-large")]
    assert "the sheet 'Biểu 01' unpacks to" in run.err and "a million rows" in run.err
    rows = tmp_path / "muoi-van-dong.xlsx"  # rows small enough to pass the size limit are counted
    _rezip(blank_form, rows, {"xl/worksheets/sheet3.xml": _rows_xml(100_000, cell=False)})
    run = run_cli("facts", "import", str(rows))
    assert run.code == 2
    assert _errors(run) == [(f"{rows}:Biểu 02!A5001", "form-too-large")]
    assert "the sheet 'Biểu 02' has 100,000 rows" in run.err


_SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
    '<c r="A1" t="inlineStr"><is><t>{}</t></is></c></row></sheetData></worksheet>'
)
_LAUGHS = '<!ENTITY a0 "xxxxxxxxxx">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
DAMAGES = {
    "truncated": None,
    "bad-bytes": None,
    "bad-xml": b"<worksheet><sheetData><row r='1'><c",
    "billion-laughs": (f"<!DOCTYPE worksheet [{_LAUGHS}]>" + _SHEET.format("&a9;")).encode(),
    "external-entity": (
        '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/hostname">]>' + _SHEET.format("&x;")
    ).encode(),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_or_hostile_workbook_gives_a_located_error_never_a_traceback(blank_form, tmp_path, damage):
    path = tmp_path / f"{damage}.xlsx"
    data = blank_form.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "bad-bytes":
        path.write_bytes(bytes(range(256)) * 40)
    else:
        _rezip(blank_form, path, {"xl/worksheets/sheet2.xml": DAMAGES[damage]})
    run = run_cli("check", str(path))
    assert run.code == 2, run.err
    assert "Traceback" not in run.err and "internal error" not in run.err
    [(place, code)] = _errors(run)
    assert code == "form-invalid" and place in (f"{path}:1:1", f"{path}:Biểu 01!A1")


def test_outputs_never_replace_the_form(filled_form, tmp_path):
    copy = tmp_path / "bieu-mau.xlsx"
    copy.write_bytes(filled_form.read_bytes())
    run = run_cli("facts", "import", str(copy), "-o", str(copy), "--force")  # a fact file is YAML: refused by name
    assert run.code == 2 and f"error[output]: -o {copy}: this command does not write XLSX" in run.err
    alias = tmp_path / "so-lieu.yaml"  # the form under a name a fact file may take
    os.link(copy, alias)
    run = run_cli("facts", "import", str(copy), "-o", str(alias), "--force")
    assert run.code == 2 and "refusing to write over an input file" in run.err
    assert copy.read_bytes() == filled_form.read_bytes()
    run = run_cli("check", str(copy), "-o", str(copy), "--force")  # the matrix workbook, named as the form
    assert run.code == 2 and "refusing to write over an input file" in run.err
    run = run_cli("form", "-o", str(copy))
    assert run.code == 2 and "the file exists; pass --force" in run.err


# --------------------------------------------------------------------------------------------------- the written form


def test_each_row_says_what_the_plans_ask_of_it(blank_form, filled_form, rows, tmp_path):
    """V8: a commune filling the form saw no target. Each indicator's title now says, on a line of its own, what the
    chosen plans ask of it — the figure, the level or the deadline — read from the rules; a row whose rules set no
    figure (a yes/no task, a share worked out from two rows, a check of the report's own figures) says nothing."""
    ws = load_workbook(blank_form)[MAIN]

    def title(key: str, period: str) -> str:  # a title over several periods is merged: its value is in the first row
        return ws.cell(min(r for (k, _), r in rows.items() if k == key), M["name"]).value

    assert title("dvk.mo_hinh", "2024").endswith("\n(Kế hoạch: ít nhất 01 mô hình mỗi năm)")
    assert title("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of").endswith("\n(Kế hoạch: ít nhất 50%)")
    assert title("ntm_nc.cong_nhan", "as_of").endswith(
        "\n(Kế hoạch: đạt mức “đã được công nhận đạt chuẩn”, hạn 31/12/2026)"
    )
    assert title("ntm_nc.so_tieu_chi_dat", "as_of").endswith("(Kế hoạch: ít nhất 19 tiêu chí)")
    for key, period in (("giam_ngheo.so_ho_giam", "2024"), ("dvcq.ke_hoach_nam", "2024")):
        assert "Kế hoạch:" not in title(key, period)
    # one plan chosen: its own targets only
    one = tmp_path / "mot-ke-hoach.xlsx"
    assert run_cli("form", "-o", str(one), "--plan", "13-ĐA/TU", *YEARS).code == 0
    ws = load_workbook(one)[MAIN]
    titles = [ws.cell(r, M["name"]).value or "" for r in range(1, ws.max_row + 1)]
    assert any(t.endswith("(Kế hoạch: ít nhất 01 mô hình)") for t in titles)
    assert not any("mỗi năm" in t or "19 tiêu chí" in t for t in titles)
    # a filled form still reads back: the title is not read
    assert run_cli("facts", "import", str(filled_form), "-o", str(tmp_path / "f.yaml")).code == 0


def test_the_form_carries_keys_validations_and_protection(blank_form, catalogue, rows):
    wb = load_workbook(blank_form)
    assert wb.sheetnames == ["Hướng dẫn", "Biểu 01", "Biểu 02", "DanhMuc"]
    assert wb["DanhMuc"].sheet_state == "hidden" and wb["DanhMuc"]["B1"].value == "chitieu.form/1"
    assert wb.security.lockStructure
    ws = wb[MAIN]
    for sheet, cols in ((ws, "OP"), (wb[ITEMS], "IJK")):
        assert sheet.protection.sheet and not sheet.protection.password
        assert all(sheet.column_dimensions[c].hidden for c in cols)
    assert not ws.column_dimensions["E"].hidden
    assert wb[ITEMS].protection.insertRows is False  # rows may be inserted inside a block

    poor = rows[("giam_ngheo.so_ho_giam", "2023")]
    assert [ws.cell(poor, c).value for c in (M["name"], M["period_label"], M["unit"], M["key"], M["period"])] == [
        "Số hộ nghèo giảm trong năm",
        "Năm 2023",
        "hộ",
        "giam_ngheo.so_ho_giam",
        "2023",
    ]
    assert ws.cell(poor, M["key"]).protection.locked and ws.cell(poor, M["period"]).protection.locked
    assert ws.cell(poor, M["name"]).protection.locked
    for name in (
        "value",
        "bound",
        "claim",
        "basis",
        "awaiting",
        "doc_kind",
        "doc_number",
        "doc_date",
        "doc_issuer",
        "note",
    ):
        assert not ws.cell(poor, M[name]).protection.locked, name
    assert ws["C3"].value == "quang-ngai/tinh-an" and ws["C3"].protection.locked  # the commune's id
    assert ws["J3"].value is None and not ws["J3"].protection.locked  # the report's title
    assert ws["B3"].value == "Mã đơn vị:" and ws["B3"].protection.locked

    def validation(coordinate):
        found = [dv for dv in ws.data_validations.dataValidation if coordinate in dv.sqref]
        assert len(found) == 1, coordinate
        return found[0]

    count = validation(f"E{poor}")
    assert (count.type, count.operator, count.formula1) == ("whole", "greaterThanOrEqual", "0")
    online = validation(f"E{rows[('dich_vu_cong.ty_le_ho_so_truc_tuyen', 'as_of')]}")
    assert (online.type, online.operator, online.formula1, online.formula2) == ("decimal", "between", "0", "100")
    plan = rows[("dvcq.ke_hoach_nam", "2023")]
    assert (validation(f"E{plan}").type, validation(f"E{plan}").formula1) == ("list", '"Có,Không"')
    assert ws.cell(plan, M["bound"]).protection.locked  # no bound for a yes/no
    assert validation(f"L{plan}").type == "date" and ws.cell(plan, M["doc_date"]).number_format == "dd/mm/yyyy"
    level = validation(f"E{rows[('ntm_nc.cong_nhan', 'as_of')]}")
    assert level.type == "list" and level.formula1.replace("'", "").startswith("DanhMuc!$")
    ref = level.formula1.split("!", 1)[1].replace("$", "")
    labels = [c.value for row in wb["DanhMuc"][ref] for c in row]
    assert labels == [lv.label for lv in catalogue.indicators["ntm_nc.cong_nhan"].levels]
    assert validation(f"G{poor}").formula1 == '"Đạt,Không đạt"'
    assert (
        validation(f"F{rows[('dich_vu_cong.ty_le_ho_so_truc_tuyen', 'as_of')]}").formula1 == '"trên,từ,dưới,không quá"'
    )

    periods = {}
    for key, period in rows:
        periods.setdefault(key, []).append(period)
    assert periods["giam_ngheo.so_ho_giam"] == ["2023", "2024"]  # the plan's target starts in 2023
    assert periods["dvcq.ke_hoach_nam"] == ["2023", "2024"]  # the 2022 plan is background only
    assert periods["dvk.tong_so_mo_hinh_bao_cao"] == ["2023-"]  # a running total to the report's year
    assert periods["ntm.ho_tro_bo_giong"] == ["2023", "2024", "2023-"]
    assert periods["ntm_nc.tc01"] == ["as_of"]
    assert periods["ntm_nc.cong_nhan"] == ["2023", "2024", "as_of"]  # a deadline: the years and the state
    assert set(periods) == {k for lr in catalogue.rules for k in lr.rule.indicators()} | {
        lc.criterion.indicator for lc in catalogue.criteria
    }  # the 19 rows of self-assessment
    head = next(r for r in range(1, 20) if ws.cell(r, M["key"]).value == "Mã chỉ tiêu")
    assert ws.freeze_panes == f"C{head + 2}" and ws.print_title_rows == f"${head}:${head + 1}"
    assert ws.print_area == f"'Biểu 01'!$A$1:$N${max(rows.values())}"

    items = wb[ITEMS]
    blocks = blocks_by_key(items)
    assert sorted(blocks) == [
        ("dvcq.doi_tac_phoi_hop", "as_of"),
        ("dvk.mo_hinh", "2023"),
        ("dvk.mo_hinh", "2024"),
        ("van_dong.chuyen_doi_so.mo_hinh_mo_ta", "as_of"),
    ]
    head = blocks[("dvk.mo_hinh", "2024")]
    assert items.cell(head, 1).value == "2. Mô hình “Dân vận khéo” được thành lập — Năm 2024"
    assert not items.cell(head + 1, ICOL["name"]).protection.locked and items.cell(head, 1).protection.locked
    guide = wb["Hướng dẫn"]
    text = "\n".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    assert "Ô Số liệu để trống nghĩa là KHÔNG CÓ SỐ LIỆU" in text and "ghi số 0" in text
    assert "Báo cáo viết “đạt trên 50%”" in text


def test_the_same_input_gives_the_same_bytes(blank_form, tmp_path):
    again = tmp_path / "lai.xlsx"
    assert run_cli("form", "-o", str(again), *YEARS).code == 0
    assert again.read_bytes() == blank_form.read_bytes()


def test_plans_years_and_communes_are_chosen(catalogue, tmp_path):
    out = tmp_path / "tinh-an.xlsx"
    run = run_cli(
        "form", "--plan", "156/KH-UBND", "--year", "2024", "--commune", "quang-ngai/tinh-an=xã Tịnh An", "-o", str(out)
    )
    assert run.code == 0, run.err
    wb = load_workbook(out)
    ws = wb[MAIN]
    chosen = rows_by_key(ws)
    wanted = {k for lr in catalogue.rules if lr.document.number == "156/KH-UBND" for k in lr.rule.indicators()}
    assert {k for k, _ in chosen} == wanted
    assert {p for _, p in chosen} == {"2024", "2023-", "as_of"}
    assert (ws["C3"].value, ws["C4"].value, ws["C7"].value) == ("quang-ngai/tinh-an", "xã Tịnh An", "UBND xã Tịnh An")
    # a commune's own plan covers that commune only: another commune's form cannot ask for it
    run = run_cli("form", "--plan", "156/KH-UBND", "--commune", "quang-ngai/tinh-ha=xã Tịnh Hà", "-o", str(out))
    assert (
        run.code == 2
        and (
            "Kế hoạch số 156/KH-UBND ngày 06/4/2023 (kh-156-ubnd-tinh-an) does not cover the commune quang-ngai/tinh-ha"
        )
        in run.err
    )
    run = run_cli(
        "form",
        "--plan",
        "13-ĐA/TU",
        "--year",
        "2024",
        "--commune",
        "quang-ngai/tinh-ha=xã Tịnh Hà",
        "-o",
        str(tmp_path / "tinh-ha.xlsx"),
    )
    assert run.code == 0, run.err
    ws = load_workbook(tmp_path / "tinh-ha.xlsx")[MAIN]
    wanted = {k for lr in catalogue.rules if lr.document.number == "13-ĐA/TU" for k in lr.rule.indicators()}
    assert {k for k, _ in rows_by_key(ws)} == wanted
    assert (ws["C3"].value, ws["C4"].value, ws["C7"].value) == ("quang-ngai/tinh-ha", "xã Tịnh Hà", "UBND xã Tịnh Hà")

    folder = tmp_path / "nhieu"
    folder.mkdir()
    run = run_cli(
        "form",
        "--commune",
        "quang-ngai/tinh-ha=xã Tịnh Hà",
        "--commune",
        "quang-ngai/tinh-an=xã Tịnh An",
        "-o",
        str(folder),
        *YEARS,
    )
    assert run.code == 0, run.err
    assert sorted(p.name for p in folder.iterdir()) == [
        "bieu-mau-quang-ngai-tinh-an.xlsx",
        "bieu-mau-quang-ngai-tinh-ha.xlsx",
    ]
    keys = {
        c: {k for k, _ in rows_by_key(load_workbook(folder / f"bieu-mau-quang-ngai-{c}.xlsx")[MAIN])}
        for c in ("tinh-an", "tinh-ha")
    }
    own = {"giam_ngheo.so_ho_giam", "dvk.mo_hinh", "dvcq.ke_hoach_nam"}  # read only by Tịnh An's and the city's plans
    assert own <= keys["tinh-an"] and not own & keys["tinh-ha"]
    assert "van_dong.chuyen_doi_so.so_mo_hinh" in keys["tinh-an"] & keys["tinh-ha"]  # the province's Đề án

    run = run_cli("form", "--plan", "kh-156", "-o", str(tmp_path / "x.xlsx"))
    assert run.code == 2 and "unknown plan 'kh-156' (did you mean: 'kh-156-ubnd-tinh-an'?)" in run.err
    run = run_cli("form", "--year", "2030", "-o", str(tmp_path / "x.xlsx"))
    assert run.code == 2 and "the year 2030 is outside the chosen plans (2021–2026)" in run.err
    run = run_cli("form", "--commune", "Tịnh Hà", "-o", str(tmp_path / "x.xlsx"))
    assert run.code == 2 and "write ID=NAME" in run.err


# --------------------------------------------------------------------------------------------------- merged communes

MERGED = ["--commune", "quang-ngai/an-phu=xã An Phú", "--year", "2024"]


def test_a_merged_communes_form_names_its_former_units_and_asks_for_their_plans(catalogue, tmp_path):
    """A xã formed in 07/2025 reports under the plans of the units it was formed from: its form names them in the
    header (“Đơn vị cũ hợp thành”, “Ngày sắp xếp có hiệu lực”) and asks for their own plan's targets."""
    plain, merged = tmp_path / "an-phu.xlsx", tmp_path / "an-phu-sap-xep.xlsx"
    assert run_cli("form", *MERGED, "-o", str(plain)).code == 0
    run = run_cli(
        "form", *MERGED, "--formed-from", "xã Tịnh An; xã Tịnh Hà", "--merged-on", "01/7/2025", "-o", str(merged)
    )
    assert run.code == 0, run.err
    ws = load_workbook(merged)[MAIN]
    assert (ws["B8"].value, ws["C8"].value) == ("Đơn vị cũ hợp thành:", "xã Tịnh An; xã Tịnh Hà")
    assert ws["F8"].value == "Ngày sắp xếp có hiệu lực:" and ws["J8"].value.date().isoformat() == "2025-07-01"
    own_plan = {k for lr in catalogue.rules if lr.document.number == "156/KH-UBND" for k in lr.rule.indicators()}
    only_province = {k for k, _ in rows_by_key(load_workbook(plain)[MAIN])}
    with_former = {k for k, _ in rows_by_key(ws)}
    # xã Tịnh An's own plan covers the merged xã only through its former unit
    assert own_plan - only_province and own_plan <= with_former
    # one commune, units with their kind
    for args, said in [
        (["--formed-from", "Tịnh Hà"], "'Tịnh Hà' does not say what kind of unit it was; write its kind first"),
        (["--formed-from", "huyện Sơn Tịnh"], "'huyện Sơn Tịnh' names a huyện"),
        (["--merged-on", "2025-07-01"], "give the units merged into the commune"),
    ]:
        run = run_cli("form", *MERGED, *args, "-o", str(tmp_path / "x.xlsx"))
        assert run.code == 2 and said in run.err, run.err
    run = run_cli("form", "--formed-from", "xã Tịnh An", "-o", str(tmp_path / "x.xlsx"))
    assert run.code == 2 and "--formed-from and --merged-on go with exactly one --commune" in run.err
    assert not (tmp_path / "x.xlsx").exists()


def test_the_former_units_filled_in_a_form_come_back_as_the_communes_predecessors(filled_form, tmp_path):
    wb = load_workbook(filled_form)
    ws = wb[MAIN]
    assert ws["B8"].value == "Đơn vị cũ hợp thành:" and ws["C8"].value is None  # the seed xã was not merged
    ws["C8"] = "xã Tịnh Hà,  xã Tịnh  Kỳ\nthị trấn Sơn Tịnh"  # commas, a line, stray spaces: as a clerk types
    ws["J8"] = "01/7/2025"
    merged = tmp_path / "sap-xep.xlsx"
    wb.save(merged)
    out = tmp_path / "sap-xep.yaml"
    run = run_cli("facts", "import", str(merged), "-o", str(out))
    assert run.code == 0, run.err
    assert load(out).data["commune"]["predecessors"] == [
        {"id": "quang-ngai/tinh-ha", "name": "xã Tịnh Hà", "until": "2025-06-30"},
        {"id": "quang-ngai/tinh-ky", "name": "xã Tịnh Kỳ", "until": "2025-06-30"},
        {"id": "quang-ngai/son-tinh", "name": "thị trấn Sơn Tịnh", "until": "2025-06-30"},
    ]
    ws["J8"] = None  # no date: the units without an end
    wb.save(merged)
    assert run_cli("facts", "import", str(merged), "-o", str(out), "--force").code == 0
    assert [p.get("until") for p in load(out).data["commune"]["predecessors"]] == [None, None, None]


def test_former_units_that_cannot_be_read_are_errors_at_their_cells(filled_form, tmp_path):
    wb = load_workbook(filled_form)
    ws = wb[MAIN]
    bad = tmp_path / "sap-xep-sai.xlsx"
    for units, date, errors, said in [
        ("Tịnh Hà; xã Tịnh Kỳ", None, [("C8", "invalid-value")], "'Tịnh Hà' chưa ghi loại đơn vị"),
        ("huyện Sơn Tịnh", None, [("C8", "invalid-value")], "'huyện Sơn Tịnh' là tên của một huyện"),
        (None, "01/7/2025", [("J8", "missing-key")], "đã ghi ngày sắp xếp nhưng chưa ghi các đơn vị cũ"),
        (12, "mùng một", [("C8", "wrong-type"), ("J8", "invalid-value")], "ô chứa số 12, không phải tên"),
    ]:
        ws["C8"], ws["J8"] = units, date
        wb.save(bad)
        run = run_cli("--lang", "vi", "facts", "import", str(bad), "-o", str(tmp_path / "out.yaml"))
        assert run.code == 2, run.err
        assert sorted(_errors(run)) == [(f"{bad}:Biểu 01!{c}", code) for c, code in errors]
        assert said in run.err
        assert not (tmp_path / "out.yaml").exists()
