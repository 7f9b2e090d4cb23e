"""Structural rules of the genre the lead learned from held-out sets 17–20 once they were spent (BENCHMARKS.md,
"Learning from held-out 17–20 without a helper"), each tested on sentences written here, with a second writer's
variant, through the real `facts extract`. Precision first: a doubtful reading drafts nothing."""

from __future__ import annotations

import pytest
import yaml

from conftest import run_cli
from test_grammar import HEAD
from test_grammar_forms import _draft, _values
from test_grammar_round9 import CONTROL, PLAN

# --------------------------------------------------------------------------------------------------- criteria sets
# A sentence that counts the criteria of *basic* nông thôn mới and names those still missing, then goes on to say the
# commune cannot yet aim at the advanced title, names criteria of the basic set: none is drafted as a criterion of
# the advanced set (nor is the count). Named in a sentence about the advanced set, they still are.

BASIC_THEN_ADVANCED = (
    "Về xây dựng nông thôn mới: xã hiện đạt mười sáu trên mười chín tiêu chí nông thôn mới, còn ba tiêu chí chưa đạt "
    "là Giao thông, Thu nhập và Môi trường, nên chưa đủ điều kiện đăng ký xây dựng xã nông thôn mới nâng cao.\n"
)
# a second writer: digits, "tiêu chí xã nông thôn mới", the missing ones after a colon
BASIC_THEN_ADVANCED_2 = (
    "Xã giữ vững 17/19 tiêu chí xã nông thôn mới; các tiêu chí chưa đạt gồm: Nghèo đa chiều, Lao động. Do đó năm "
    "2024 xã chưa đăng ký phấn đấu đạt chuẩn xã nông thôn mới nâng cao.\n"
)
ADVANCED = (
    "Đối với xây dựng xã nông thôn mới nâng cao, đến nay xã đạt 16/19 tiêu chí, còn ba tiêu chí chưa đạt là Giao "
    "thông, Thu nhập và Môi trường.\n"
)


@pytest.mark.parametrize(
    "body, status",
    # "chưa đủ điều kiện đăng ký xây dựng xã nông thôn mới nâng cao" is the advanced title's status (not eligible yet);
    # "chưa đăng ký phấn đấu đạt chuẩn" says nothing of it
    [(BASIC_THEN_ADVANCED, {("ntm_nc.cong_nhan", "as_of"): "chua_dat"}), (BASIC_THEN_ADVANCED_2, {})],
)
def test_criteria_named_after_a_count_of_the_basic_set_are_not_the_advanced_sets(tmp_path, body, status):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got == {**PLAN, **status}  # the control sentence's fact, and no criterion nor count of the advanced set


def test_criteria_named_in_a_sentence_about_the_advanced_set_are_drafted(tmp_path):
    got = _values(_draft(tmp_path, ADVANCED))
    assert got[("ntm_nc.so_tieu_chi_dat", "as_of")] == 16
    assert {k[0] for k, v in got.items() if v == "chua_dat" and k[0].startswith("ntm_nc.tc")} == {
        "ntm_nc.tc02",
        "ntm_nc.tc10",
        "ntm_nc.tc17",
    }


# --------------------------------------------------------------------------------------------------- time
# A year named as the base of a comparison ("so với năm 2023", "bằng cùng kỳ năm 2023") is not the time of the figures
# the clause goes on to give: "Năm 2024 … tăng 01 mô hình so với năm 2023 và đạt 133,3% kế hoạch năm" is 2024's rate.
# A bracket right after the compared year still gives that year's own figure.

COMPARED = (
    "Năm 2024, UBND xã công nhận 04 mô hình “Dân vận khéo”, tăng 01 mô hình so với năm 2023 và đạt 133,3% kế hoạch "
    "năm.\n"
)
# a second writer: "bằng cùng kỳ năm 2023", the rate before a comma
COMPARED_2 = (
    "Trong năm 2024, xã xây dựng được 03 mô hình “Dân vận khéo”, bằng cùng kỳ năm 2023, đạt 100% kế hoạch đề ra.\n"
)


@pytest.mark.parametrize("body, models, rate", [(COMPARED, 4, 133.3), (COMPARED_2, 3, 100)])
def test_a_year_compared_with_is_not_the_year_of_the_figures_after_it(tmp_path, body, models, rate):
    got = _values(_draft(tmp_path, body))
    assert got[("dvk.mo_hinh", 2024)] == models
    assert got[("dvk.ty_le_dat_bao_cao", 2024)] == rate
    assert not [k for k in got if k[1] == 2023], got


def test_a_bracket_after_the_compared_year_still_gives_that_years_figure(tmp_path):
    body = "Năm 2024, xã có 12/14 thôn đạt danh hiệu thôn văn hóa, tăng 01 thôn so với năm 2023 (11/14 thôn).\n"
    got = _values(_draft(tmp_path, body))
    assert got == {
        ("kdc.so_khu_van_hoa", "as_of"): 12,
        ("kdc.tong_so_khu", "as_of"): 14,
        ("kdc.so_khu_van_hoa", 2023): 11,
        ("kdc.tong_so_khu", 2023): 14,
    }


# --------------------------------------------------------------------------------------------------- look-alikes
# A rate's subject may run over a comma ("tỷ lệ số hóa hồ sơ, kết quả giải quyết đạt 96,3%"): its look-alike words
# before the comma still make it the look-alike's rate, not the online-dossier rate the sentence named before. The
# rate the report does give is then drafted alone, with nothing to doubt it.

SUBJECT_OVER_A_COMMA = (
    "Dịch vụ công trực tuyến: tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến đạt 81,4%; tỷ lệ số hóa hồ "
    "sơ, kết quả giải quyết thủ tục hành chính đạt 96,3%.\n"
)
# a second writer: the on-time rate, its subject cut by a comma
SUBJECT_OVER_A_COMMA_2 = (
    "Năm 2024, hồ sơ TTHC giải quyết trực tuyến đạt tỷ lệ 64,2%; tỷ lệ hồ sơ giải quyết đúng hạn, trước hạn "
    "đạt 99,1%.\n"
)


@pytest.mark.parametrize("body, rate", [(SUBJECT_OVER_A_COMMA, 81.4), (SUBJECT_OVER_A_COMMA_2, 64.2)])
def test_a_rate_whose_subject_runs_over_a_comma_keeps_its_look_alike(tmp_path, body, rate):
    draft = _draft(tmp_path, body)
    online = [f for f in draft["facts"] if f["indicator"] == "dich_vu_cong.ty_le_ho_so_truc_tuyen"]
    assert [(f["value"], f.get("review", False)) for f in online] == [(rate, False)]


# A count after "trong đó" that follows the sentence's own count is a part of it: never the indicator's figure, even
# when the whole's words are not the indicator's ("05 tuyến đường “Văn minh - sạch đẹp”, trong đó 02 tuyến đường hoa").
# A breakdown by year after "trong đó" is still read as each year's count.

PART_AFTER_WHOLE = (
    "Các khu phố duy trì 05 tuyến đường “Văn minh - sạch đẹp - an toàn”, trong đó 02 tuyến đường hoa do Hội Liên "
    "hiệp Phụ nữ phường phụ trách.\n"
)
# a second writer: models of the commune, of which some are the Youth Union's
PART_AFTER_WHOLE_2 = (
    "Toàn xã hiện có 07 mô hình tự quản về an ninh trật tự; trong đó có 02 mô hình “Dân vận khéo” do Đoàn Thanh niên "
    "xây dựng.\n"
)


@pytest.mark.parametrize("body", [PART_AFTER_WHOLE, PART_AFTER_WHOLE_2])
def test_a_count_after_trong_do_is_a_part_of_the_count_before_it(tmp_path, body):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got == PLAN


def test_a_breakdown_by_year_after_trong_do_is_still_each_years_count(tmp_path):
    body = "Từ năm 2023 đến nay, xã xây dựng 03 mô hình “Dân vận khéo”, trong đó năm 2023 có 01 mô hình, năm 2024 có 02 mô hình.\n"
    got = _values(_draft(tmp_path, body))
    assert got.get(("dvk.mo_hinh", 2023)) == 1 and got.get(("dvk.mo_hinh", 2024)) == 2


# --------------------------------------------------------------------------------------------------- header
# A Markdown report may title itself "## BÁO CÁO" (a level-2 heading, its subject "### …" on the same paragraph): the
# header block above it — the unit in capitals, the place-and-date line — is still the header, so the unit is the
# header's, not a predecessor named more often in the body, and the date is the place line's.

MARKDOWN_HEAD = """**THÀNH PHỐ CẦN THƠ**
**ỦY BAN NHÂN DÂN XÃ VĨNH TRINH ĐÔNG**

Số: 41/BC-UBND

*Vĩnh Trinh Đông, ngày 12 tháng 12 năm 2025*

{title}
### Kết quả thực hiện công tác dân vận năm 2025

Xã Vĩnh Trinh Đông được thành lập từ ngày 01/7/2025 trên cơ sở sắp xếp xã Vĩnh Trinh và xã Thạnh Quới. Trước sắp xếp,
xã Vĩnh Trinh giảm 03 hộ nghèo; xã Vĩnh Trinh công nhận 01 mô hình; xã Vĩnh Trinh ban hành kế hoạch.

### I. KẾT QUẢ

Năm 2025, toàn xã giảm 21 hộ nghèo, đạt 105% chỉ tiêu thành phố giao.
"""


@pytest.mark.parametrize("title", ["## BÁO CÁO", "# BÁO CÁO", "### BÁO CÁO"])
def test_a_markdown_title_at_any_level_ends_the_header(tmp_path, title):
    report = tmp_path / "bao-cao.md"
    report.write_text(MARKDOWN_HEAD.format(title=title), encoding="utf-8")
    run = run_cli("facts", "extract", str(report))
    assert run.code == 0, run.err
    draft = yaml.safe_load(run.out)
    assert draft["commune"]["name"] == "xã Vĩnh Trinh Đông"
    assert str(draft["report"]["date"]) == "2025-12-12"


# Criteria named as met may be introduced as examples ("các tiêu chí khó như A, B và C đều đã đạt") and their verb may
# stack its adverbs ("đều đã đạt", "đều cơ bản đạt"): each named criterion is drafted at the level said.

MET_AS_EXAMPLES = (
    "Đến nay, xã tự đánh giá đạt 19/19 tiêu chí nông thôn mới nâng cao; các tiêu chí khó như Giao thông, Thu nhập và "
    "Nghèo đa chiều đều đã đạt.\n"
)
# a second writer: "gồm", and "cơ bản" after "đều"
MET_AS_EXAMPLES_2 = (
    "Xã hiện đạt 17/19 tiêu chí xã nông thôn mới nâng cao; các tiêu chí gồm Giao thông, Thu nhập đều cơ bản đạt.\n"
)


@pytest.mark.parametrize(
    "body, count, level, named",
    [
        (MET_AS_EXAMPLES, 19, "dat", {"ntm_nc.tc02", "ntm_nc.tc10", "ntm_nc.tc11"}),
        (MET_AS_EXAMPLES_2, 17, "co_ban_dat", {"ntm_nc.tc02", "ntm_nc.tc10"}),
    ],
)
def test_criteria_named_as_examples_with_stacked_adverbs_are_drafted(tmp_path, body, count, level, named):
    got = _values(_draft(tmp_path, body))
    assert got[("ntm_nc.so_tieu_chi_dat", "as_of")] == count
    assert {k[0] for k, v in got.items() if k[0].startswith("ntm_nc.tc") and v == level} == named
    assert not [k for k, v in got.items() if k[0].startswith("ntm_nc.tc") and v != level]


# A count followed by a bracket of its years' shares, each labelled by its year and given with the classifier alone
# ("31 con bò giống (năm 2023: 18 con; năm 2024: 13 con)"): each year's share is that year's count.

YEAR_SHARES = "Qua 02 năm, xã hỗ trợ 31 con bò giống cho hộ nghèo, hộ cận nghèo (năm 2023: 18 con; năm 2024: 13 con).\n"
# a second writer: "là", commas, and the report's own part-year
YEAR_SHARES_2 = (
    "Giai đoạn 2023 - 2024, xã đã trao 25 con bò giống cho hộ nghèo (năm 2023 là 10 con, 9 tháng năm 2024 là 15 con).\n"
)


@pytest.mark.parametrize("body, total, y2023, y2024", [(YEAR_SHARES, 31, 18, 13), (YEAR_SHARES_2, 25, 10, 15)])
def test_a_counts_shares_by_year_in_a_bracket_are_each_years_count(tmp_path, body, total, y2023, y2024):
    got = _values(_draft(tmp_path, body))
    assert got == {
        ("ntm.ho_tro_bo_giong", "2023-2024"): total,
        ("ntm.ho_tro_bo_giong", 2023): y2023,
        ("ntm.ho_tro_bo_giong", 2024): y2024,
    }


# --------------------------------------------------------------------------------------------------- targets
# "hoàn thành chỉ tiêu tỉnh giao, hiện còn 39 hộ nghèo": the households left poor are no target; the claim stands.

REMAINDER_AFTER_TARGET = (
    "Năm 2024, xã tiếp tục giảm 11 hộ nghèo, hoàn thành chỉ tiêu huyện giao, hiện còn 39 hộ nghèo tập trung ở các "
    "bản vùng cao.\n"
)
# a second writer: "chỉ tiêu được giao; toàn xã còn …" in one clause
REMAINDER_AFTER_TARGET_2 = "Năm 2024 giảm được 07 hộ nghèo, vượt chỉ tiêu được giao, số hộ nghèo còn lại là 52 hộ.\n"


@pytest.mark.parametrize("body, reduced", [(REMAINDER_AFTER_TARGET, 11), (REMAINDER_AFTER_TARGET_2, 7)])
def test_the_households_left_poor_after_a_target_are_no_target(tmp_path, body, reduced):
    got = _values(_draft(tmp_path, body))
    assert got[("giam_ngheo.so_ho_giam", 2024)] == reduced
    assert ("giam_ngheo.chi_tieu_giao", 2024) not in got


# A rise written as the figure before and after it ("tăng từ 02 tuyến (năm 2023) lên 07 tuyến hiện nay"): the figure
# now is the one after "lên"; the one it rose from is never the state now.

RISE_FROM_TO = (
    "Số tuyến đường xanh, sạch, đẹp tăng từ 02 tuyến (năm 2023) lên 07 tuyến hiện nay, do các chi hội phụ nữ tự quản.\n"
)
# a second writer: no year with the earlier figure, a part of a whole after "lên"
RISE_FROM_TO_2 = "Đến nay, số thôn đạt danh hiệu thôn văn hóa đã tăng từ 10 thôn lên 12/14 thôn.\n"


@pytest.mark.parametrize(
    "body, now",
    [
        (RISE_FROM_TO, {("dtvm.tuyen_duong_xanh", "as_of"): 7}),
        (RISE_FROM_TO_2, {("kdc.so_khu_van_hoa", "as_of"): 12, ("kdc.tong_so_khu", "as_of"): 14}),
    ],
)
def test_a_rise_from_one_figure_to_another_is_the_second(tmp_path, body, now):
    assert _values(_draft(tmp_path, body)) == now


# An act's year is the one written with it ("… cử 03 công chức tham gia tập huấn … năm 2024") — not a year in a bracket
# that compares it with the same months of another year ("(cùng kỳ năm 2023 cử 02 công chức)").

ACT_COMPARED = (
    "Sáu tháng đầu năm 2024, UBND xã cử 03 công chức tham gia lớp tập huấn công tác dân vận do Ban Dân vận Huyện ủy "
    "tổ chức (cùng kỳ năm 2023 cử 02 công chức).\n"
)
# a second writer: "so với" in the bracket
ACT_COMPARED_2 = (
    "Trong năm 2024, xã đã cử cán bộ, công chức tham gia tập huấn nghiệp vụ công tác dân vận (so với năm 2023 tăng "
    "01 người).\n"
)


@pytest.mark.parametrize("body", [ACT_COMPARED, ACT_COMPARED_2])
def test_an_acts_year_is_not_the_year_it_is_compared_with(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert got.get(("dvcq.cu_can_bo_tap_huan", 2024)) is True
    assert ("dvcq.cu_can_bo_tap_huan", 2023) not in got


# --------------------------------------------------------------------------------------------------- "cùng kỳ"
# The corpus's convention (tests/fixtures/reports/README.md, "Periods"): in a report on part of a year, a figure of
# "cùng kỳ năm 2023" covers those months of 2023 only and is drafted for no period — a rate as well as a count; in a
# report of a whole year, "cùng kỳ năm 2023" is the year 2023 and its figure is 2023's.

MID_YEAR_HEAD = HEAD.replace("ngày 15 tháng 12 năm 2024", "ngày 20 tháng 6 năm 2024").replace(
    "chính quyền năm 2024", "chính quyền 6 tháng đầu năm 2024"
)
SAME_MONTHS = (
    "Sáu tháng đầu năm 2024, tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến đạt 71,4% (cùng kỳ năm 2023 "
    "đạt 48,2%).\n"
)
# a second writer: the earlier figure in a sentence of its own
SAME_MONTHS_2 = (
    "Tỷ lệ hồ sơ giải quyết trực tuyến 6 tháng đầu năm 2024 đạt 71,4%. Cùng kỳ năm 2023, tỷ lệ hồ sơ trực tuyến chỉ "
    "đạt 48,2%.\n"
)


@pytest.mark.parametrize("body", [SAME_MONTHS, SAME_MONTHS_2])
def test_a_same_months_rate_of_last_year_in_a_mid_year_report_is_no_fact(tmp_path, body):
    got = _values(_draft(tmp_path, body, head=MID_YEAR_HEAD))
    assert got == {("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 71.4}


def test_a_same_months_rate_in_a_whole_year_report_is_that_years(tmp_path):
    body = SAME_MONTHS.replace("Sáu tháng đầu năm 2024", "Năm 2024")
    got = _values(_draft(tmp_path, body))
    assert got == {
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 71.4,
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", 2023): 48.2,
    }
