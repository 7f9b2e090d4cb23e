"""Rules of the genre learned from held-out sets 5 and 6 once they were retired (BENCHMARKS.md "Round 7"), each tested
on sentences written here — other communes, other kinds of settlement, other wording — through the real `facts
extract`. Precision first: where a reading is doubtful, nothing is drafted or the draft is marked for review."""

from __future__ import annotations

import pytest

from conftest import run_cli
from test_grammar_forms import FIRST, _draft, _values

# --------------------------------------------------------------------------------------------------- the bình xét year
# The lead's decision (2026-11-28): a figure stated for a named year is that year's fact, even a year before the
# report's own; the state at the report's date (as_of) is only what the report says holds now.


@pytest.mark.parametrize(
    "sentence, part, whole",
    [
        ("Kết quả bình xét năm 2023: 14/16 bản đạt danh hiệu “Bản văn hóa”.", 14, 16),
        ("Theo kết quả bình xét năm 2023, có 09 trên tổng số 11 buôn được công nhận buôn văn hóa.", 9, 11),
        ("Năm 2023, xã có 7/8 xóm được công nhận danh hiệu xóm văn hóa.", 7, 8),
        ("Làng đạt danh hiệu làng văn hóa: 12/13 làng (kết quả bình xét năm 2023).", 12, 13),
    ],
)
def test_a_title_awarded_in_an_earlier_named_year_is_that_years_fact_not_the_state_now(tmp_path, sentence, part, whole):
    got = _values(_draft(tmp_path, sentence + "\n"))  # the report is of 2024 (HEAD)
    assert got.get(("kdc.so_khu_van_hoa", 2023)) == part
    assert got.get(("kdc.tong_so_khu", 2023)) == whole
    assert ("kdc.so_khu_van_hoa", "as_of") not in got
    assert ("kdc.tong_so_khu", "as_of") not in got


@pytest.mark.parametrize(
    "sentence",
    [
        "Kết quả bình xét năm 2024, toàn xã có 15/17 thôn đạt danh hiệu thôn văn hóa.",  # the report's own year
        "Hiện nay, 15/17 thôn giữ vững danh hiệu “Thôn văn hóa”.",  # no year: what holds now
        "Xã đạt chuẩn nông thôn mới năm 2019, hiện có 15/17 thôn đạt danh hiệu thôn văn hóa.",  # "hiện" after a year
        "Đến nay, số thôn đạt danh hiệu thôn văn hóa là 15/17 thôn (kết quả bình xét năm 2023).",  # "đến nay" first
    ],
)
def test_what_the_report_says_holds_now_is_the_state_at_its_date(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got.get(("kdc.so_khu_van_hoa", "as_of")) == 15
    assert got.get(("kdc.tong_so_khu", "as_of")) == 17
    assert not [k for k in got if k[0].startswith("kdc.") and k[1] != "as_of"]


def test_two_years_of_the_title_in_one_sentence_each_keep_their_year(tmp_path):
    body = "Năm 2023 có 10/12 khóm đạt danh hiệu khóm văn hóa; năm 2024 có 11/12 khóm đạt danh hiệu khóm văn hóa.\n"
    got = _values(_draft(tmp_path, body))
    assert got[("kdc.so_khu_van_hoa", 2023)] == 10
    assert got[("kdc.so_khu_van_hoa", "as_of")] == 11


@pytest.mark.parametrize(
    "body",
    [
        "Mặt trận Tổ quốc xã tham gia góp ý, phản biện đồ án quy hoạch chung xã đến năm 2035.\n",
        "Ủy ban MTTQ Việt Nam phường tham gia phản biện xã hội đối với quy hoạch phân khu, tầm nhìn đến năm 2040.\n",
    ],
)
def test_a_plans_horizon_year_is_not_the_year_of_an_act(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert got == {("dtvm.tham_gia_phan_bien_quy_hoach", "as_of"): True}


def test_a_state_said_of_every_year_is_the_state_now(tmp_path):
    body = "Hằng năm, Ủy ban nhân dân xã đều ban hành kế hoạch tuyên truyền, hướng dẫn xây dựng đô thị văn minh.\n"
    got = _values(_draft(tmp_path, body))
    assert got == {("dtvm.ke_hoach_tuyen_truyen", "as_of"): True}


def test_a_count_for_a_year_to_come_is_still_no_fact(tmp_path):
    body = "Năm 2024, xã giảm được 03 hộ nghèo; phấn đấu đến năm 2025 có 17/17 thôn đạt danh hiệu thôn văn hóa.\n"
    got = _values(_draft(tmp_path, body))
    assert got == {("giam_ngheo.so_ho_giam", 2024): 3}


# --------------------------------------------------------------------------------------------------- the make-up


@pytest.mark.parametrize(
    "sentence, whole",
    [
        ("Xã có diện tích tự nhiên 2.315 ha, 14 thôn, 3.102 hộ với 12.840 nhân khẩu.", 14),
        ("Phường có tổng diện tích 4,8 km2, 5.120 hộ, 17 tổ dân phố.", 17),
        ("c) Thôn văn hóa: Xã có 09 bản; bản Nà Hin chưa được công nhận.", 9),
    ],
)
def test_the_units_make_up_listed_with_its_area_and_people_gives_the_whole(tmp_path, sentence, whole):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got.get(("kdc.tong_so_khu", "as_of")) == whole


def test_households_of_the_make_up_are_no_settlements(tmp_path):
    got = _values(_draft(tmp_path, "Xã có 3.102 hộ, 12.840 nhân khẩu; năm 2024 giảm được 05 hộ nghèo.\n"))
    assert got == {("giam_ngheo.so_ho_giam", 2024): 5}


# --------------------------------------------------------------------------------------------------- where a quote is


def test_a_quote_that_begins_a_line_before_its_figure_cites_the_line_it_begins_on(tmp_path):
    # a hard-wrapped paragraph: "(năm 2023" ends one line, its document is on the next
    body = (
        "Hằng năm, Ủy ban nhân dân xã đều ban hành kế hoạch công tác dân vận chính quyền từ đầu năm (năm 2023\n"
        "là Kế hoạch số 09/KH-UBND ngày 12/01/2023, năm 2024 là Kế hoạch số 05/KH-UBND ngày 15/01/2024).\n"
    )
    draft = _draft(tmp_path, body)
    facts = {(f["indicator"], f["period"]): f for f in draft["facts"]}
    first = facts[("dvcq.ke_hoach_nam", 2023)]["source"]
    assert first["quote"].startswith("năm 2023")
    assert first["line"] == FIRST  # the line "năm 2023" is on, not the next one
    report = tmp_path / "bao-cao.txt"
    run = run_cli("check", str(report), "--allow-unreviewed")
    assert "quote-mismatch" not in run.err
    assert run.code in (0, 1), run.err
