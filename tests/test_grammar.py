"""The one grammar of report statements (chitieu.grammar) and the indicators' words in rules/indicators.yaml, through
the real `facts extract`: the examples quoted in issue 13, the forms the grammar promises, and the look-alikes that
must never fill an indicator. The reports are written here, for a made-up commune (xã Sơn Kỳ), in the genre's words."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli

from chitieu import grammar as g

HEAD = """ỦY BAN NHÂN DÂN
XÃ SƠN KỲ
Số: 45/BC-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Sơn Kỳ, ngày 15 tháng 12 năm 2024

BÁO CÁO

Kết quả thực hiện công tác dân vận chính quyền năm 2024

I. KẾT QUẢ THỰC HIỆN

"""


def _draft(tmp_path: Path, body: str, *extra: str, head: str = HEAD) -> dict:
    report = tmp_path / "bao-cao.txt"
    report.write_text(head + body, encoding="utf-8")
    run = run_cli("facts", "extract", str(report), *extra)
    assert run.code == 0, run.err
    return yaml.safe_load(run.out)


def _facts(draft: dict) -> dict[tuple[str, object], dict]:
    return {(f["indicator"], f["period"]): f for f in draft["facts"]}


def _value(f: dict):
    return f["items"] if "items" in f else f.get("value", f.get("claim"))


# --------------------------------------------------------------------------------------------------- the examples


def test_not_founding_a_new_model_in_a_year_is_zero_models_that_year(tmp_path):
    facts = _facts(_draft(tmp_path, "1. Năm 2024: chưa thành lập thêm mô hình mới.\n"))
    f = facts[("dvk.mo_hinh", 2024)]
    assert (f["items"], f["source"]["line"]) == ([], 16)
    assert "chưa thành lập thêm mô hình mới" in f["source"]["quote"]


def test_households_out_of_poverty_against_the_assigned_target_give_all_three_figures(tmp_path):
    facts = _facts(_draft(tmp_path, "2. Năm 2024 giảm 02 hộ nghèo trên chỉ tiêu giao 05 hộ (đạt 40%).\n"))
    assert {k: _value(f) for k, f in facts.items()} == {
        ("giam_ngheo.so_ho_giam", 2024): 2,
        ("giam_ngheo.chi_tieu_giao", 2024): 5,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 40,
    }
    assert all(f["source"]["line"] == 16 for f in facts.values())


def test_n_of_m_households_by_the_target_is_the_count_and_the_target(tmp_path):
    facts = _facts(_draft(tmp_path, "Năm 2024 giảm 11/11 hộ nghèo theo chỉ tiêu giao.\n"))
    assert {k: _value(f) for k, f in facts.items()} == {
        ("giam_ngheo.so_ho_giam", 2024): 11,
        ("giam_ngheo.chi_tieu_giao", 2024): 11,
    }


def test_a_count_of_models_with_its_rate_lets_the_claim_check_run(tmp_path):
    body = (
        "Năm 2023 đã thành lập mới 05 mô hình, đạt 300% so với chỉ tiêu. "
        "Năm 2024 đã thành lập mới 01 mô hình *Chợ an toàn* (thành lập tại Quyết định số 12/QĐ-UBND ngày "
        "03/4/2024).\n"
    )
    draft = _draft(tmp_path, body)
    facts = _facts(draft)
    models = facts[("dvk.mo_hinh", 2023)]
    # five models without names: five unnamed items, never a name cut from "đạt 300% so với chỉ tiêu"
    assert len(models["items"]) == 5 and models["review"] is True
    assert not any("300" in item["name"] for item in models["items"])
    assert (facts[("dvk.ty_le_dat_bao_cao", 2023)]["value"], facts[("dvk.ty_le_dat_bao_cao", 2023)]["basis"]) == (
        300,
        "claimed",
    )
    assert facts[("dvk.mo_hinh", 2024)]["items"] == [
        {"name": "Chợ an toàn", "decision": {"kind": "Quyết định", "number": "12/QĐ-UBND", "date": dt.date(2024, 4, 3)}}
    ]


def test_another_communes_full_year_report_in_the_genres_words(tmp_path):
    body = (
        "1. Toàn xã có 14/16 thôn đạt danh hiệu thôn văn hóa.\n\n"
        "2. Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến đạt 87,5%.\n\n"
        "3. Xã đã được UBND tỉnh công nhận đạt chuẩn nông thôn mới nâng cao tại Quyết định số 1234/QĐ-UBND "
        "ngày 20/11/2024.\n\n"
        "4. Năm 2024 giảm 09 hộ nghèo, đạt 112,5% chỉ tiêu huyện giao (08 hộ).\n"
    )
    draft = _draft(tmp_path, body)
    assert draft["commune"] == {"id": "son-ky", "name": "xã Sơn Kỳ"}
    assert (str(draft["report"]["date"]), str(draft["report"]["as_of"])) == ("2024-12-15", "2024-12-15")
    facts = _facts(draft)
    assert (_value(facts[("kdc.so_khu_van_hoa", "as_of")]), _value(facts[("kdc.tong_so_khu", "as_of")])) == (14, 16)
    assert facts[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")]["value"] == 87.5
    recognised = facts[("ntm_nc.cong_nhan", "as_of")]
    assert (recognised["value"], recognised["document"]) == (
        "da_cong_nhan",
        {"kind": "Quyết định", "number": "1234/QĐ-UBND", "date": dt.date(2024, 11, 20)},
    )
    assert (
        _value(facts[("giam_ngheo.so_ho_giam", 2024)]),
        _value(facts[("giam_ngheo.chi_tieu_giao", 2024)]),
        _value(facts[("giam_ngheo.ty_le_hoan_thanh", 2024)]),
    ) == (9, 8, 112.5)
    # every drafted fact keeps its quote, its line and a confidence
    for f in draft["facts"]:
        assert f["source"]["quote"] and f["source"]["line"] >= 16 and 0 < f["confidence"] <= 1


def test_years_are_read_per_clause_of_a_packed_sentence(tmp_path):
    facts = _facts(_draft(tmp_path, "Năm 2023 giảm 06 hộ nghèo; năm 2024 giảm 04 hộ nghèo.\n"))
    assert (_value(facts[("giam_ngheo.so_ho_giam", 2023)]), _value(facts[("giam_ngheo.so_ho_giam", 2024)])) == (6, 4)


def test_numbers_in_words_and_bounds(tmp_path):
    body = "Năm 2024 giảm được ba hộ nghèo.\n\nTỷ lệ hồ sơ giải quyết trực tuyến đạt trên 90%.\n"
    facts = _facts(_draft(tmp_path, body))
    assert _value(facts[("giam_ngheo.so_ho_giam", 2024)]) == 3
    assert facts[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")]["value"] == {"gt": 90}


# --------------------------------------------------------------------------------------------------- look-alikes


def test_look_alikes_never_fill_an_indicator(tmp_path):
    body = (
        "Tỷ lệ thanh toán trực tuyến đạt 60%; tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.\n\n"
        "Toàn huyện có 120/135 thôn đạt danh hiệu thôn văn hóa.\n\n"
        "Xã đạt 12/19 tiêu chí nông thôn mới.\n\n"
        "Năm 2024 giảm 03 hộ nghèo.\n"
    )
    draft = _draft(tmp_path, body, "--as-of", "2024-12-15")
    indicators = {f["indicator"] for f in draft["facts"]}
    assert not indicators & {
        "dich_vu_cong.ty_le_ho_so_truc_tuyen",
        "kdc.so_khu_van_hoa",
        "kdc.tong_so_khu",
        "ntm_nc.so_tieu_chi_dat",
    }, draft["facts"]
    assert indicators == {"giam_ngheo.so_ho_giam"}
    # nothing is dropped silently: the sentences with figures are listed as unmatched
    assert {u["line"] for u in draft["unmatched"]} >= {16, 18, 20}


def test_the_look_alikes_are_data_beside_the_synonyms():
    words = {
        i["key"]: i.get("words")
        for i in yaml.safe_load((ROOT / "rules" / "indicators.yaml").read_text(encoding="utf-8"))["indicators"]
    }
    online = words["dich_vu_cong.ty_le_ho_so_truc_tuyen"]
    assert {"thanh toán", "đúng hạn"} <= set(online["not"])
    culture = words["kdc.so_khu_van_hoa"]
    assert {"thôn", "tổ dân phố", "khu dân cư"} <= set(culture["unit"]) and "nhà văn hóa" in culture["not"]


def test_a_rule_author_adds_a_synonym_without_python(tmp_path):
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__pycache__"))
    report = tmp_path / "r"
    report.mkdir()
    body = "Toàn xã có 14/16 cụm dân cư đạt danh hiệu cụm dân cư văn hóa. Năm 2024 giảm 03 hộ nghèo.\n"
    before = _facts(_draft(report, body))
    assert ("kdc.so_khu_van_hoa", "as_of") not in before
    ind = rules / "indicators.yaml"
    text = ind.read_text(encoding="utf-8")
    edited = text.replace("xóm|khối|tiểu khu|khu] văn hóa", "xóm|khối|tiểu khu|khu|cụm dân cư] văn hóa").replace(
        "xóm, khối, tiểu khu, khu]", "xóm, khối, tiểu khu, khu, cụm dân cư]"
    )
    assert edited.count("cụm dân cư") == 2, "the test adds the word where indicators.yaml lists the units"
    ind.write_text(edited, encoding="utf-8")
    after = _facts(_draft(report, body, "--rules", str(rules)))
    assert _value(after[("kdc.so_khu_van_hoa", "as_of")]) == 14


# --------------------------------------------------------------------------------------------------- unknown is asked

NO_DATE_HEAD = "ỦY BAN NHÂN DÂN\nXÃ SƠN KỲ\n\nBÁO CÁO\n\nKết quả công tác dân vận chính quyền\n\nI. KẾT QUẢ\n\n"


def test_a_report_without_a_date_is_asked_for_one_never_given_today(tmp_path):
    report = tmp_path / "bao-cao.txt"
    report.write_text(NO_DATE_HEAD + "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 62%.\n", encoding="utf-8")
    for command in (("facts", "extract"), ("check",)):
        run = run_cli(*command, str(report))
        assert run.code == 2 and run.out == ""
        assert f"{report}:1:1: error[report-unknown]: the report does not say the date its figures run to" in run.err
    run = run_cli("facts", "extract", str(report), "--as-of", "2024-06-30")
    assert run.code == 0, run.err
    draft = yaml.safe_load(run.out)
    assert str(draft["report"]["as_of"]) == "2024-06-30"
    run = run_cli(
        "check", str(report), "--as-of", "2024-06-30", "--fail-on", "never", "--allow-unreviewed", "--format", "json"
    )
    assert run.code == 0, run.err
    assert run.json()["findings"]


def test_the_unit_is_the_reports_own_not_the_first_named(tmp_path):
    body = (
        "Xã giáp ranh với xã Bình Minh ở phía bắc. UBND xã Sơn Kỳ đã ban hành Kế hoạch số 05/KH-UBND ngày "
        "10/01/2024 về công tác dân vận chính quyền năm 2024.\n"
    )
    head = HEAD.replace("XÃ SƠN KỲ\n", "")  # the header names no unit: the opening does
    draft = _draft(tmp_path, body, head=head)
    assert draft["commune"]["name"] == "xã Sơn Kỳ"


# --------------------------------------------------------------------------------------------------- the grammar itself


@pytest.mark.parametrize(
    "text, value",
    [
        ("03", 3),
        ("1.085", 1085),
        ("62,5", Decimal("62.5")),
        ("02 (hai)", 2),
        ("mười một", 11),
        ("hai mươi mốt", 21),
        ("một trăm linh năm", 105),
        ("ba", 3),
    ],
)
def test_numbers_as_reports_write_them(text, value):
    assert g.number_value(text) == value


@pytest.mark.parametrize("text", ["hình", "ba hình", "mô hình"])
def test_words_that_are_no_number_have_no_value(text):
    assert g.number_value(text) is None


@pytest.mark.parametrize(
    "text, role, value, bound",
    [
        ("đạt 62,5%", "percent", Decimal("62.5"), None),
        ("đạt trên 50%", "percent", Decimal("50"), "gt"),
        ("dưới 30%", "percent", Decimal("30"), "lt"),
        ("14/16 thôn", "part", Decimal("14"), None),
        ("14 trên 16 thôn", "part", Decimal("14"), None),
    ],
)
def test_figures_and_their_roles(text, role, value, bound):
    first = g.figures(text)[0]
    assert (first.role, first.value, first.bound) == (role, value, bound)


def test_a_documents_numbers_and_dates_are_no_figures():
    text = "công nhận tại Quyết định số 1234/QĐ-UBND ngày 20/11/2024"
    assert g.figures(g.masked(text)) == []
    assert g.parse_document(text) == {"kind": "Quyết định", "number": "1234/QĐ-UBND", "date": "2024-11-20"}


def test_years_per_clause():
    text = "năm 2023 giảm 06 hộ; năm 2024 giảm 04 hộ"
    cuts = g.clauses(text)
    assert [g.whens(text[a:b])[0].years for a, b in cuts] == [[2023], [2024]]


def test_another_communes_report_inherits_nothing_from_the_seed(tmp_path):
    import re

    from conftest import SEED_FACTS

    seed = (SEED_FACTS / "bao-cao-2024.yaml").read_text(encoding="utf-8")
    numbers = set(re.findall(r"number: \"?(\d+/[A-ZĐ][\w&. -]*?)\"?\s*[,}\n]", seed))
    assert {"57/KH-UBND", "25/QĐ-UBND"} <= numbers
    body = (
        "Năm 2024, UBND xã đã ban hành Kế hoạch số 05/KH-UBND ngày 10/01/2024 về công tác dân vận chính quyền. "
        "Năm 2024 đã thành lập mới 01 mô hình *Chợ an toàn* (thành lập tại Quyết định số 12/QĐ-UBND ngày "
        "03/4/2024). Năm 2024 giảm 03 hộ nghèo. Xã đang hoàn thiện hồ sơ đề nghị công nhận xã đạt chuẩn nông "
        "thôn mới nâng cao.\n"
    )
    report = tmp_path / "bao-cao.txt"
    report.write_text(HEAD + body, encoding="utf-8")
    run = run_cli("facts", "extract", str(report))
    assert run.code == 0, run.err
    for seeds in ("Tịnh An", "tinh-an", "Quảng Ngãi", "quang-ngai", "2024-10", *numbers):
        assert seeds not in run.out, seeds
    draft = yaml.safe_load(run.out)
    assert {f["document"]["number"] for f in draft["facts"] if "document" in f} == {"05/KH-UBND"}


# --------------------------------------------------------------------------------------------------- facts lint on the text

LINT_BODY = """Toàn xã có 14/16 thôn đạt danh hiệu thôn văn hóa (đạt 85%).

Năm 2024 giảm 02 hộ nghèo trên chỉ tiêu giao 05 hộ (đạt 50%).

Năm 2023 giảm 21 hộ nghèo, đạt 105% chỉ tiêu huyện giao (20 hộ).

Năm 2024 thành lập 03 mô hình, gồm 02 mô hình ở thôn 1 và 02 mô hình ở thôn 2.

Năm 2024 giảm 09 hộ nghèo (trong đó 12 hộ đồng bào dân tộc thiểu số).

Năng suất lúa bình quân đạt 6,2 tấn; sản lượng lương thực đạt 5,8 tấn/ha.

Tỷ lệ hồ sơ giải quyết trực tuyến đạt 45/60 hồ sơ (đạt 75%); 10/10 thôn có tổ hòa giải, 95,2% hộ đạt gia đình văn hóa.
"""


def test_facts_lint_checks_the_figures_on_the_text_itself(tmp_path):
    from chitieu.catalogue import load_catalogue
    from chitieu.diagnostics import Diagnostics
    from chitieu.reportlint import lint_report

    report = tmp_path / "bao-cao.txt"
    report.write_text(HEAD + LINT_BODY, encoding="utf-8")
    run = run_cli("facts", "lint", str(report))
    mine = sorted(line for line in run.err.splitlines() if re.search(r"\[report-(ratio|parts|unit)\]", line))
    assert mine == sorted(
        f"{report}:{where}"
        for where in (
            "16:12: warning[report-ratio]: 14/16 is 87,5%, not the 85% stated beside it",
            "18:57: warning[report-ratio]: 2 of the target 5 is 40%, not the 50% stated",
            "22:20: warning[report-parts]: the parts listed (2 + 2 = 4) do not add up to the stated total 3",
            "24:37: warning[report-parts]: a part (12) is larger than its total (9)",
            "26:29: warning[report-unit]: a yield (năng suất) is per area (tấn/ha, tạ/ha), not 'tấn'",
            "26:63: warning[report-unit]: 'tấn/ha' is a yield (per area), but the figure is stated as an output (sản lượng)",
        )
    ), run.err
    # right figures (21 of 20 is 105%, 45/60 is 75%) and a rate of another subject beside an N/M say nothing
    diags = Diagnostics()
    lint_report(load_catalogue(), report, diags)
    vi = {d.line: d.message_vi for d in diags.items if d.code in ("report-ratio", "report-parts", "report-unit")}
    assert vi[16] == "14/16 là 87,5%, không phải 85% như báo cáo nêu"
    assert vi[18] == "2 trên chỉ tiêu 5 là 40%, không phải 50% như báo cáo nêu"
    assert vi[24] == "phần “trong đó” (12) lớn hơn tổng số (9)"


# --------------------------------------------------------------------------------------------------- tables


def test_a_word_table_of_figures_is_read_by_its_columns_and_each_fact_cites_its_cell(tmp_path, every_commune):
    from docx import Document

    doc = Document()
    for line in (
        "ỦY BAN NHÂN DÂN",
        "XÃ SƠN KỲ",
        "Sơn Kỳ, ngày 15 tháng 12 năm 2024",
        "BÁO CÁO",
        "Kết quả thực hiện các chỉ tiêu năm 2024",
        "I. KẾT QUẢ THỰC HIỆN",
        "Kết quả các chỉ tiêu chủ yếu năm 2024 như sau:",
    ):
        doc.add_paragraph(line)
    rows = [
        ["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)", "Ghi chú"],
        ["Số hộ nghèo giảm (hộ)", "05", "06", "120", ""],
        ["Tỷ lệ hồ sơ giải quyết trực tuyến (%)", "50", "62,5", "", ""],
        ["Tỷ lệ thanh toán trực tuyến (%)", "40", "45", "", ""],
        ["Số thôn đạt danh hiệu thôn văn hóa (thôn)", "", "14/16", "", ""],
    ]
    table = doc.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    report = tmp_path / "bao-cao.docx"
    doc.save(str(report))
    draft = yaml.safe_load(run_cli("facts", "extract", str(report)).out)
    got = {(f["indicator"], f["period"]): (_value(f), f["source"]["cell"]) for f in draft["facts"]}
    assert got == {
        ("giam_ngheo.so_ho_giam", 2024): (6, "Bảng 1!C2"),
        ("giam_ngheo.chi_tieu_giao", 2024): (5, "Bảng 1!B2"),
        ("giam_ngheo.ty_le_hoan_thanh", 2024): (120, "Bảng 1!D2"),
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): (62.5, "Bảng 1!C3"),  # not the payments row
        ("kdc.so_khu_van_hoa", "as_of"): (14, "Bảng 1!C5"),
        ("kdc.tong_so_khu", "as_of"): (16, "Bảng 1!C5"),
    }
    run = run_cli(
        "check", str(report), "--allow-unreviewed", "--format", "json", "--fail-on", "never", env=every_commune
    )  # xã Sơn Kỳ, judged on the seed's plans
    assert run.code == 0 and "error" not in run.err, run.err
    poor = next(f for f in run.json()["findings"] if f["rule_id"] == "giam-ngheo" and f["period"]["key"] == "2024")
    assert poor["actual"] == 120  # 6 of the 5 households assigned


# --------------------------------------------------------------------------------------------------- one path


def test_a_report_is_checked_and_linted_without_any_temporary_file(tmp_path, monkeypatch, every_commune):
    """Issue 11: the drafted facts stay in memory — no temporary YAML written and read back (the check, the lint,
    the web page's audit)."""
    import tempfile

    from chitieu.catalogue import load_catalogue
    from chitieu.web import service

    report = tmp_path / "bao-cao.txt"
    report.write_text(HEAD + "Năm 2024 giảm 06 hộ nghèo trên chỉ tiêu giao 05 hộ.\n", encoding="utf-8")
    fact_text = run_cli("facts", "extract", str(report)).out.replace("unreviewed: true\n", "")

    def refused(*args, **kwargs):
        raise AssertionError("a temporary file or folder was made")

    monkeypatch.setattr(tempfile, "mkdtemp", refused)
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    run = run_cli(
        "check", str(report), "--allow-unreviewed", "--format", "json", "--fail-on", "never", env=every_commune
    )  # xã Sơn Kỳ, judged on the seed's plans
    assert run.code == 0, run.err
    poor = next(f for f in run.json()["findings"] if f["rule_id"] == "giam-ngheo" and f["period"]["key"] == "2024")
    assert poor["actual"] == 120
    assert run_cli("facts", "lint", str(report)).code in (0, 1)
    audited = service.audit(
        load_catalogue(Path(every_commune["CHITIEU_RULES"])), {"son-ky.yaml": re.sub(r"\n  file: .*", "", fact_text)}
    )
    assert any(f["rule_id"] == "giam-ngheo" and f["actual"] == 120 for f in audited.findings)


@pytest.mark.parametrize(
    "opening, as_of",
    [
        ("Kết quả thực hiện công tác dân vận chính quyền (số liệu tính đến ngày 20/12/2024)", "2024-12-20"),
        ("Kết quả thực hiện công tác dân vận chính quyền 6 tháng đầu năm 2025", "2025-06-30"),
    ],
)
def test_the_as_of_date_is_read_from_the_title_and_opening_when_no_date_line_says_it(tmp_path, opening, as_of):
    head = f"ỦY BAN NHÂN DÂN\nXÃ SƠN KỲ\n\nBÁO CÁO\n\n{opening}\n\nI. KẾT QUẢ\n\n"
    draft = _draft(tmp_path, "Tỷ lệ hồ sơ giải quyết trực tuyến đạt 62%.\n", head=head)
    assert (str(draft["report"]["as_of"]), str(draft["report"]["period"]["to"])) == (as_of, as_of)
