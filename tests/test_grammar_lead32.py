"""Structural rules of the genre the lead learned in stop 32 from held-out sets 55 to 58 (BENCHMARKS.md), each tested
on sentences written here, with a second writer's variant, through the real `facts extract`: a merged commune's review
of the whole plan period year by year, the Front named beside the generic organisations of a coordination rule, a
rate of the plan's goal said as "mục tiêu", and a rate after a running total."""

from __future__ import annotations

import datetime as dt

import pytest

from test_grammar_forms import HEAD, _draft, _values
from test_grammar_round9 import CONTROL, PLAN

# a merged commune's review of the plan's whole period, written in late 2026, its figures for 2022–2024 those of its
# whole present territory (the predecessors' summed)
REVIEW = """ỦY BAN NHÂN DÂN
XÃ TÂN HÒA ĐÔNG
Số: 210/BC-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Tân Hòa Đông, ngày 25 tháng 11 năm 2026

BÁO CÁO

Tổng kết thực hiện Đề án số 05-ĐA/TU ngày 10/8/2022 của Ban Thường vụ Tỉnh ủy về công tác dân vận giai đoạn 2022 - 2026

Xã Tân Hòa Đông được thành lập từ ngày 01/7/2025 trên cơ sở sắp xếp xã Tân Hòa, xã Hòa Đông và xã Phú Mỹ. Số liệu trong \
báo cáo này là số liệu của toàn địa bàn xã hiện nay (cộng số liệu của các xã cũ đối với các năm 2022 - 2024), tính đến \
ngày 15/11/2026.

I. KẾT QUẢ THỰC HIỆN

"""

# --------------------------------------------------------------------------------------------------- the review's span
# A review of the Đề án itself over its span ("Tổng kết thực hiện Đề án số … giai đoạn 2022 - 2026") runs over that span;
# its figures run to the day the opening says, after what they cover ("Số liệu … là số liệu của toàn địa bàn xã hiện nay
# (…), tính đến ngày 15/11/2026"), not to the day it was signed.


def test_a_review_of_the_plan_period_runs_over_its_span_to_the_stated_cut_off(tmp_path):
    draft = _draft(
        tmp_path, "Hằng năm, UBND xã cử công chức tham dự đầy đủ các lớp tập huấn nghiệp vụ dân vận.\n", head=REVIEW
    )
    assert draft["report"]["as_of"] == dt.date(2026, 11, 15)
    assert draft["report"]["period"] == {"from": dt.date(2022, 1, 1), "to": dt.date(2026, 11, 15)}
    assert _values(draft) == {("dvcq.cu_can_bo_tap_huan", y): True for y in range(2022, 2027)}


def test_a_cut_off_of_the_former_units_part_is_not_the_reports(tmp_path):
    head = REVIEW.replace(
        "Số liệu trong báo cáo này là số liệu của toàn địa bàn xã hiện nay (cộng số liệu của các xã cũ đối với các năm "
        "2022 - 2024), tính đến ngày 15/11/2026.",
        "Số liệu của các xã cũ tính đến ngày 30/6/2025.",
    )
    assert _draft(tmp_path, "Năm 2026 xã giảm 05 hộ nghèo.\n", head=head)["report"]["as_of"] == dt.date(2026, 11, 25)


# --------------------------------------------------------------------------------------------------- year by year
# A review year by year under headings that are years ("1. Năm 2022"): each paragraph's figures are its heading's year
# where it names none, "đến cuối năm" too; the next section, headed otherwise, is no longer that year's.

BY_YEAR = [
    (
        "1. Năm 2022\n"
        "Năm đầu triển khai, trên địa bàn thành lập 02 mô hình “Dân vận khéo”. Công tác giảm nghèo đạt kết quả khá, "
        "toàn địa bàn giảm được 61 hộ nghèo, đạt 110,9% chỉ tiêu huyện giao (chỉ tiêu giao 55 hộ).\n\n"
        "2. Năm 2023\n"
        "Số hộ nghèo giảm 52/50 hộ theo chỉ tiêu giao.\n\n"
        "3. Năm 2024\n"
        "Công tác giảm nghèo hoàn thành chỉ tiêu huyện giao, giảm 47 hộ nghèo.\n\n"
        "II. KẾT QUẢ CHUNG\n"
        "Toàn xã hiện có 17 ấp.\n"
    ),
    # a second writer: markdown headings, "Kết quả năm …", the part-year heading of the report's own year
    (
        "### a) Kết quả năm 2022\n"
        "Trên địa bàn xã thành lập hai mô hình “Dân vận khéo”; giảm 61 hộ nghèo, đạt 110,9% chỉ tiêu huyện giao (chỉ "
        "tiêu giao 55 hộ).\n\n"
        "### b) Kết quả năm 2023\n"
        "Giảm 52 hộ nghèo trên chỉ tiêu giao 50 hộ.\n\n"
        "### c) Kết quả năm 2024\n"
        "Hoàn thành chỉ tiêu huyện giao, giảm 47 hộ nghèo.\n\n"
        "## II. KẾT QUẢ CHUNG\n"
        "Toàn xã hiện có 17 ấp.\n"
    ),
]


@pytest.mark.parametrize("body", BY_YEAR)
def test_a_review_year_by_year_dates_each_paragraph_by_its_heading(tmp_path, body):
    assert _values(_draft(tmp_path, body, head=REVIEW)) == {
        ("dvk.mo_hinh", 2022): 2,
        ("giam_ngheo.so_ho_giam", 2022): 61,
        ("giam_ngheo.ty_le_hoan_thanh", 2022): 110.9,
        ("giam_ngheo.chi_tieu_giao", 2022): 55,
        ("giam_ngheo.so_ho_giam", 2023): 52,
        ("giam_ngheo.chi_tieu_giao", 2023): 50,
        ("giam_ngheo.so_ho_giam", 2024): 47,  # "hoàn thành chỉ tiêu huyện giao, giảm 47": the result, not the target
        ("giam_ngheo.ty_le_hoan_thanh", 2024): "achieved",
        ("kdc.tong_so_khu", "as_of"): 17,
    }


def test_the_end_of_the_year_under_a_year_heading_is_that_years(tmp_path):
    body = (
        "4. Năm 2025\n"
        "Năm 2025 là năm sắp xếp đơn vị hành chính; từ khi xã mới đi vào hoạt động đến cuối năm, UBND xã công nhận 02 "
        "mô hình “Dân vận khéo”.\n"
    )
    assert _values(_draft(tmp_path, body, head=REVIEW)) == {("dvk.mo_hinh", 2025): 2}


def test_a_heading_that_only_begins_with_a_year_dates_nothing(tmp_path):
    # "Năm 2023 và phương hướng …" is no heading of one year's results
    body = "1. Năm 2023, xã đạt nhiều kết quả\nTrong năm, xã công nhận 02 mô hình “Dân vận khéo”.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == {("dvk.mo_hinh", 2024): 2, **PLAN}


# --------------------------------------------------------------------------------------------------- whose act
# Who the sentence speaks of decides, not the year: the unit itself with its predecessors in an aside is the unit
# ("UBND xã (trước ngày 01/7/2025 là UBND các xã cũ) đều …"); the predecessors as the subject are theirs, in any year;
# two subjects each with their years in brackets give the unit only its own.


@pytest.mark.parametrize(
    "body",
    [
        "Hằng năm, UBND xã (trước ngày 01/7/2025 là UBND các xã cũ) đều ban hành kế hoạch công tác dân vận chính "
        "quyền.\n",
        "Hằng năm, từ năm 2022 đến năm 2026, UBND xã (và UBND các xã cũ trước đây) đều ban hành kế hoạch công tác dân "
        "vận chính quyền.\n",
    ],
)
def test_the_unit_with_its_predecessors_in_an_aside_acts_every_year(tmp_path, body):
    assert _values(_draft(tmp_path, body, head=REVIEW)) == {("dvcq.ke_hoach_nam", y): True for y in range(2022, 2027)}


def test_each_subject_keeps_the_years_of_its_bracket(tmp_path):
    body = (
        "Hằng năm, UBND các xã cũ (các năm 2022 - 2024) và UBND xã Tân Hòa Đông (năm 2025, năm 2026) đều ban hành kế "
        "hoạch công tác dân vận chính quyền.\n"
    )
    assert _values(_draft(tmp_path, body, head=REVIEW)) == {
        ("dvcq.ke_hoach_nam", 2025): True,
        ("dvcq.ke_hoach_nam", 2026): True,
    }


@pytest.mark.parametrize(
    "body",
    [
        "Năm 2023, các xã cũ đều tổ chức sơ kết Phong trào thi đua “Dân vận khéo”.\n",
        "Năm 2024, xã Hòa Đông (cũ) ban hành kế hoạch công tác dân vận chính quyền.\n",
    ],
)
def test_the_predecessors_as_the_subject_act_for_themselves(tmp_path, body):
    own = "Năm 2026, UBND xã Tân Hòa Đông ban hành kế hoạch công tác dân vận chính quyền.\n"
    assert _values(_draft(tmp_path, body + own, head=REVIEW)) == {("dvcq.ke_hoach_nam", 2026): True}


# --------------------------------------------------------------------------------------------------- coordination
# A coordination rule kept without its number, its act alone ("Duy trì thực hiện quy chế phối hợp giữa …") or in the
# plural ("… các quy chế phối hợp với …"), is a rule in force; the Front named beside the generic organisations is its
# one partner named, while "Mặt trận và các đoàn thể" names none.


@pytest.mark.parametrize(
    "body",
    [
        "- Duy trì thực hiện quy chế phối hợp giữa UBND xã với Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội "
        "trực thuộc; hằng quý giao ban.\n",
        "UBND xã tiếp tục thực hiện có hiệu quả các quy chế phối hợp với Ủy ban MTTQ Việt Nam xã và các đoàn thể chính "
        "trị - xã hội; thường xuyên trao đổi thông tin.\n",
        "Tiếp tục thực hiện Quy chế phối hợp đã ký kết từ năm 2021 giữa UBND xã với Ủy ban MTTQ Việt Nam xã; định kỳ "
        "hằng quý giao ban.\n",
    ],
)
def test_a_rule_kept_without_its_number_and_the_front_as_its_partner(tmp_path, body):
    draft = _draft(tmp_path, CONTROL + body)
    assert _values(draft) == {("dvcq.quy_che_phoi_hop", "as_of"): True, ("dvcq.doi_tac_phoi_hop", "as_of"): 1, **PLAN}
    partners = next(f for f in draft["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop")
    assert [i["name"] for i in partners["items"]] == ["Ủy ban MTTQ Việt Nam xã"]


def test_the_front_by_a_short_word_beside_the_others_names_no_partner(tmp_path):
    body = "UBND xã tiếp tục duy trì quy chế phối hợp với Mặt trận và các đoàn thể, định kỳ 06 tháng giao ban.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == {("dvcq.quy_che_phoi_hop", "as_of"): True, **PLAN}


def test_a_rule_to_keep_next_year_is_no_rule_in_force(tmp_path):
    body = (
        "Năm 2024, xã giảm 03 hộ nghèo.\n\nIII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n- Tiếp tục thực hiện quy chế phối hợp "
        "giữa UBND xã với Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội.\n"
    )
    assert _values(_draft(tmp_path, body)) == {("giam_ngheo.so_ho_giam", 2024): 3}


# --------------------------------------------------------------------------------------------------- rates
# A rate of the plan's goal said as "mục tiêu" ("đạt 220% so với mục tiêu giai đoạn"), and a rate after a running total
# in its sentence, are the total's, over its span (the span named, else the review's); "Chương trình mục tiêu quốc gia"
# is no goal.


@pytest.mark.parametrize(
    ("body", "span", "rate"),
    [
        (
            "Lũy kế giai đoạn 2022 - 2026, trên địa bàn xã thành lập 11 mô hình “Dân vận khéo”, đạt 220% so với mục tiêu "
            "giai đoạn (mục tiêu 05 mô hình).\n",
            "2022-2026",
            220,
        ),
        # a second writer: the total first over two years named, "đạt … chỉ tiêu" in the same clause
        (
            "Tổng cộng 02 năm 2023 - 2024 có 03 mô hình “Dân vận khéo”, đạt 150% chỉ tiêu (mỗi năm 01 mô hình).\n",
            "2023-2024",
            150,
        ),
        # a third: the span unnamed ("03 năm"), the review's own
        (
            "Lũy kế 03 năm đã có 05 mô hình “Dân vận khéo”, đạt 166,7% mục tiêu Đề án.\n",
            "2022-2026",
            166.7,
        ),
    ],
)
def test_a_rate_after_a_running_total_is_the_totals(tmp_path, body, span, rate):
    got = _values(_draft(tmp_path, body, head=REVIEW))
    assert got[("dvk.ty_le_dat_bao_cao", span)] == rate
    assert not [k for k in got if k[0] == "dvk.ty_le_dat_bao_cao" and k[1] != span]


def test_a_rate_of_the_goal_in_a_years_report_is_the_years(tmp_path):
    body = "Năm 2024, xã công nhận 02 mô hình “Dân vận khéo”, đạt 200% mục tiêu.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("dvk.mo_hinh", 2024): 2,
        ("dvk.ty_le_dat_bao_cao", 2024): 200,
        **PLAN,
    }


def test_a_national_target_programme_is_no_goal_of_the_plan(tmp_path):
    body = "Năm 2024, xã giải ngân 85% vốn Chương trình mục tiêu quốc gia giảm nghèo bền vững.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == PLAN


def test_the_head_is_a_years_report(tmp_path):
    # the plain head of these tests: a year's report, its cut-off the day it was signed
    assert _draft(tmp_path, CONTROL, head=HEAD)["report"]["as_of"] == dt.date(2024, 12, 18)


# --------------------------------------------------------------------------------------------------- documents and acts
# A plan by its number in a list issued by one verb is issued too ("ban hành Kế hoạch số 21/…; Kế hoạch số 35/… về tuyên
# truyền, hướng dẫn … đô thị văn minh"); the movement named first with its review not due yet ("Phong trào thi đua …
# giai đoạn 2021 - 2025 chưa đến thời điểm sơ kết") was not reviewed in the report's year, the stage it names being no
# year of the act; the assessment in the passive with the unit between ("công tác dân vận chính quyền của phường đã được
# đánh giá").


@pytest.mark.parametrize(
    "body",
    [
        "UBND xã ban hành Kế hoạch số 21/KH-UBND ngày 29/01/2024 về công tác dân vận chính quyền năm 2024; Kế hoạch số "
        "35/KH-UBND ngày 04/3/2024 về tuyên truyền, hướng dẫn Nhân dân xây dựng đô thị văn minh.\n",
        "- Ban hành Kế hoạch số 21/KH-UBND ngày 29/01/2024 thực hiện công tác dân vận chính quyền năm 2024 và Kế hoạch "
        "số 35/KH-UBND ngày 04/3/2024 tuyên truyền, hướng dẫn xây dựng đô thị văn minh năm 2024 trên địa bàn.\n",
    ],
)
def test_each_plan_of_a_list_issued_by_one_verb(tmp_path, body):
    draft = _draft(tmp_path, body)
    assert _values(draft) == {("dvcq.ke_hoach_nam", 2024): True, ("dtvm.ke_hoach_tuyen_truyen", "as_of"): True}
    urban = next(f for f in draft["facts"] if f["indicator"] == "dtvm.ke_hoach_tuyen_truyen")
    assert urban["document"]["number"] == "35/KH-UBND"


def test_a_plan_on_propaganda_of_another_kind_is_no_urban_plan(tmp_path):
    body = "UBND xã ban hành Kế hoạch số 36/KH-UBND ngày 04/3/2024 về tuyên truyền phổ biến, giáo dục pháp luật.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == PLAN


@pytest.mark.parametrize(
    ("body", "want"),
    [
        ("Phong trào thi đua “Dân vận khéo” giai đoạn 2021 - 2025 chưa đến thời điểm sơ kết.\n", False),
        # a second writer: the review held, undated, its stage named after it
        ("Xã đã tổ chức sơ kết phong trào thi đua “Dân vận khéo” giai đoạn 2021 - 2024.\n", True),
    ],
)
def test_the_stage_a_review_covers_is_not_the_year_it_was_held(tmp_path, body, want):
    assert _values(_draft(tmp_path, body + CONTROL)) == {("dvk.so_ket_phong_trao", 2024): want, **PLAN}


def test_a_review_held_in_a_year_named_keeps_that_year(tmp_path):
    body = "Năm 2023, xã đã tổ chức sơ kết 05 năm Phong trào thi đua “Dân vận khéo” giai đoạn 2018 - 2023.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == {("dvk.so_ket_phong_trao", 2023): True, **PLAN}


@pytest.mark.parametrize("unit", ["phường", "xã"])
def test_the_assessment_in_the_passive_with_the_unit_between(tmp_path, unit):
    body = (
        f"Năm 2024, kết quả công tác dân vận chính quyền của {unit} đã được đánh giá theo bộ tiêu chí của UBND tỉnh, "
        "xếp loại Tốt.\n"
    )
    assert _values(_draft(tmp_path, body + CONTROL)) == {("dvcq.danh_gia_hang_nam", 2024): True, **PLAN}


def test_praise_of_the_work_is_no_assessment(tmp_path):
    body = "Công tác dân vận chính quyền của xã được Nhân dân đồng tình, ủng hộ.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == PLAN


# --------------------------------------------------------------------------------------------------- counts
# A stock "đang duy trì" is the state now, in a merged unit's report too, its topic in the paragraph's label when the
# sentence ends on its unit; a denial that is a sentence of its own inside a paragraph ("Mô hình …: chưa xây dựng
# được.") is zero; "Tổ công nghệ số cộng đồng" in each thôn is no cultural title; an aside of what a figure includes
# holds no figure; the earlier year's figure after "so với năm 2023" with its verb in the bracket.


@pytest.mark.parametrize(
    ("body", "head"),
    [
        (
            "2. Mô hình “Dân vận khéo”: năm 2026 chưa có mô hình mới được công nhận. Hiện xã đang duy trì 06 mô hình.\n",
            REVIEW,
        ),
        ("- Đến nay, toàn xã đang duy trì 06 mô hình “Dân vận khéo”.\n", REVIEW),
    ],
)
def test_models_kept_now_are_the_stock(tmp_path, body, head):
    assert _values(_draft(tmp_path, body, head=head))[("dvk.tong_so_mo_hinh_bao_cao", "as_of")] == 6


def test_a_stock_whose_topic_the_label_names_needs_the_sentence_to_end_on_its_unit(tmp_path):
    body = "2. Mô hình “Dân vận khéo”: hiện xã đang duy trì 06 mô hình trồng quế dưới tán rừng.\n"
    assert ("dvk.tong_so_mo_hinh_bao_cao", "as_of") not in _values(_draft(tmp_path, body + CONTROL))


@pytest.mark.parametrize(
    "body",
    [
        "Vận động các hộ kinh doanh sử dụng mã QR trong thanh toán. Mô hình vận động người dân tham gia chuyển đổi số: "
        "chưa xây dựng được. Xã có 01 mô hình kinh tế tuần hoàn.\n",
        "Xã có 01 mô hình kinh tế tuần hoàn. Mô hình vận động Nhân dân tham gia chuyển đổi số: chưa hình thành.\n",
    ],
)
def test_a_denial_that_is_a_sentence_of_its_own(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("van_dong.chuyen_doi_so.so_mo_hinh", "as_of"): 0,
        ("van_dong.kinh_te_tuan_hoan.so_mo_hinh", "as_of"): 1,
        **PLAN,
    }


def test_a_digital_team_in_each_hamlet_is_no_cultural_title(tmp_path):
    # the title named in the heading and the sentence before: its topic is not this sentence's
    body = (
        "d) Thôn, bản văn hóa\n\nKết quả bình xét năm 2023, xã có 31/38 thôn, bản đạt danh hiệu thôn, bản văn hóa. "
        "Hiện 38/38 thôn, bản đã thành lập Tổ công nghệ số cộng đồng.\n"
    )
    got = _values(_draft(tmp_path, body + CONTROL))
    assert (got[("kdc.so_khu_van_hoa", 2023)], got[("kdc.tong_so_khu", 2023)]) == (31, 38)
    assert ("kdc.so_khu_van_hoa", "as_of") not in got


def test_an_aside_of_what_a_target_includes_holds_no_figure(tmp_path):
    body = "Chỉ tiêu giảm nghèo năm 2025 của xã (tổng hợp chỉ tiêu tỉnh giao cho 03 xã cũ) là 38 hộ.\n"
    head = REVIEW.replace("ngày 25 tháng 11 năm 2026", "ngày 10 tháng 12 năm 2025").replace("15/11/2026", "30/11/2025")
    assert _values(_draft(tmp_path, body, head=head)) == {("giam_ngheo.chi_tieu_giao", 2025): 38}


@pytest.mark.parametrize("bracket", ["(giảm 17 hộ)", "(17 hộ)", "(giảm được 17 hộ)"])
def test_the_earlier_years_figure_after_so_với(tmp_path, bracket):
    body = f"Năm 2024 xã giảm 12 hộ nghèo, thấp hơn so với năm 2023 {bracket}.\n"
    got = _values(_draft(tmp_path, body + CONTROL))
    assert (got[("giam_ngheo.so_ho_giam", 2024)], got[("giam_ngheo.so_ho_giam", 2023)]) == (12, 17)


def test_the_earlier_years_figure_with_its_verb_after_the_rate(tmp_path):
    body = (
        "Về giảm nghèo, năm 2024 xã giảm 12 hộ nghèo trên chỉ tiêu 15 hộ được huyện giao, mới đạt 80% kế hoạch, thấp "
        "hơn so với năm 2023 (giảm 17 hộ).\n"
    )
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("giam_ngheo.so_ho_giam", 2024): 12,
        ("giam_ngheo.chi_tieu_giao", 2024): 15,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 80,
        ("giam_ngheo.so_ho_giam", 2023): 17,
        **PLAN,
    }


def test_a_change_in_the_bracket_is_no_earlier_figure(tmp_path):
    body = "Năm 2024 xã giảm 12 hộ nghèo, nhiều hơn so với năm 2023 (tăng 05 hộ).\n"
    assert ("giam_ngheo.so_ho_giam", 2023) not in _values(_draft(tmp_path, body + CONTROL))


# --------------------------------------------------------------------------------------------------- tables
# A table pasted from a word processor, one tab between cells: the tabs part the cells, wherever the tab stops put them.

TABBED = (
    "TT\tChỉ tiêu\tKế hoạch\tThực hiện\tTỷ lệ (%)\tTự đánh giá\n"
    "1\tSố mô hình “Dân vận khéo” xây dựng mới trong năm\t01 mô hình\t02 mô hình\t200\tVượt\n"
    "2\tGiảm hộ nghèo\t09 hộ\t11 hộ\t122,2\tVượt\n"
    "3\tTỷ lệ hồ sơ TTHC giải quyết trực tuyến\t50%\t41,6%\t83,2\tChưa đạt\n"
    "4\tSố thôn đạt danh hiệu “Thôn văn hóa”\t08/08 thôn\t07/08 thôn\t87,5\tChưa đạt\n"
)


def test_a_tab_separated_table_is_read_by_its_cells(tmp_path):
    draft = _draft(tmp_path, TABBED)
    assert _values(draft) == {
        ("dvk.mo_hinh", 2024): 2,
        ("dvk.ty_le_dat_bao_cao", 2024): 200,
        ("giam_ngheo.so_ho_giam", 2024): 11,
        ("giam_ngheo.chi_tieu_giao", 2024): 9,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 122.2,
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 41.6,  # the Thực hiện column, not the Kế hoạch one
        ("kdc.so_khu_van_hoa", "as_of"): 7,
        ("kdc.tong_so_khu", "as_of"): 8,
    }
    online = next(f for f in draft["facts"] if f["indicator"] == "dich_vu_cong.ty_le_ho_so_truc_tuyen")
    assert online["source"]["cell"] == "Bảng 1!D4"


# --------------------------------------------------------------------------------------------------- learned from 59-65
# Tables with an earlier year's column beside the year's ("Kế hoạch năm 2024 | Thực hiện năm 2024 | Năm 2023"), "Cùng kỳ
# | Năm nay" in a report of the whole year (the year before, the corpus's reading; not in part of a year), results by
# year with next year's plan after them, rows that name a target given or the share of it done, a cell dated by its
# bracket, an assessment "Đạt 100%"; "Chỉ tiêu N: <target>: đạt." lines; a list answer after a colon; "trong 02 năm".


@pytest.mark.parametrize(
    "table",
    [
        "| TT | Chỉ tiêu | Kế hoạch năm 2024 | Thực hiện năm 2024 | Năm 2023 | Đánh giá |\n|---|---|---|---|---|---|\n"
        "| 1 | Số mô hình “Dân vận khéo” được công nhận | 01 | 02 | 01 | Vượt |\n"
        "| 2 | Số hộ nghèo giảm (hộ) | 25 | 28 | 31 | Vượt (112%) |\n"
        "| 3 | Số thôn đạt danh hiệu thôn văn hóa | 17/19 | 18/19 | 16/19 | Vượt |\n",
        # a second writer: "Cùng kỳ | Năm nay" with a change column, in a report of the whole year
        "| TT | Nội dung | Cùng kỳ | Năm nay | Tăng (+), giảm (-) |\n|---|---|---|---|---|\n"
        "| 1 | Mô hình “Dân vận khéo” được công nhận mới | 01 | 02 | +01 |\n"
        "| 2 | Số hộ nghèo giảm (hộ) | 31 | 28 | -03 |\n"
        "| 3 | Thôn đạt danh hiệu thôn văn hóa | 16/19 | 18/19 | +02 |\n",
    ],
)
def test_an_earlier_years_column_gives_that_years_results(tmp_path, table):
    got = _values(_draft(tmp_path, table))
    assert {k: v for k, v in got.items() if k[1] == 2023} == {
        ("dvk.mo_hinh", 2023): 1,
        ("giam_ngheo.so_ho_giam", 2023): 31,
        ("kdc.so_khu_van_hoa", 2023): 16,
        ("kdc.tong_so_khu", 2023): 19,
    }
    assert (got[("dvk.mo_hinh", 2024)], got[("giam_ngheo.so_ho_giam", 2024)]) == (2, 28)
    assert (got[("kdc.so_khu_van_hoa", "as_of")], got[("kdc.tong_so_khu", "as_of")]) == (18, 19)


def test_the_same_months_of_last_year_in_a_part_years_table_are_no_years_result(tmp_path):
    head = HEAD.replace(
        "Kết quả thực hiện công tác dân vận năm 2024", "Kết quả thực hiện công tác dân vận 6 tháng đầu năm 2024"
    )
    head = head.replace("ngày 18 tháng 12 năm 2024", "ngày 20 tháng 6 năm 2024")
    table = (
        "| TT | Chỉ tiêu | Kế hoạch năm 2024 | Thực hiện 6 tháng đầu năm 2024 | Cùng kỳ năm 2023 |\n|---|---|---|---|---|\n"
        "| 1 | Số hộ nghèo giảm | 05 hộ | 02 hộ | 01 hộ |\n"
        "| 2 | Khu phố đạt danh hiệu “Khu phố văn hóa” | 100% | 9/10 khu phố (bình xét năm 2023) | — |\n"
    )
    got = _values(_draft(tmp_path, table, head=head))
    assert got == {
        ("giam_ngheo.so_ho_giam", 2024): 2,
        ("giam_ngheo.chi_tieu_giao", 2024): 5,
        ("kdc.so_khu_van_hoa", 2023): 9,  # the cell's bracket dates it
        ("kdc.tong_so_khu", 2023): 10,
    }


def test_results_by_year_then_next_years_plan(tmp_path):
    table = (
        "| TT | Chỉ tiêu | Đơn vị tính | Thực hiện 2022 | Thực hiện 2023 | Thực hiện 2024 | Kế hoạch 2025 |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | Mô hình “Dân vận khéo” được công nhận mới | Mô hình | 01 | 02 | 02 | 01 |\n"
        "| 2 | Chỉ tiêu giảm hộ nghèo thành phố giao | Hộ | 06 | 05 | 04 | 03 |\n"
        "| 3 | Số hộ nghèo giảm trong năm | Hộ | 07 | 05 | 04 | - |\n"
        "| 4 | Tỷ lệ hoàn thành chỉ tiêu giảm nghèo | % | 116,7 | 100 | 100 | 100 |\n"
    )
    got = _values(_draft(tmp_path, table))
    for year, (models, target, done, rate) in {
        2022: (1, 6, 7, 116.7),
        2023: (2, 5, 5, 100),
        2024: (2, 4, 4, 100),
    }.items():
        assert got[("dvk.mo_hinh", year)] == models
        assert got[("giam_ngheo.chi_tieu_giao", year)] == target  # the row of the target given, in every column
        assert got[("giam_ngheo.so_ho_giam", year)] == done
        assert got[("giam_ngheo.ty_le_hoan_thanh", year)] == rate  # the share of the target done, not a rate of its own
    assert not [k for k in got if k[1] == 2025]  # next year's plan


def test_a_decrease_over_the_target_in_a_cell_and_its_assessment(tmp_path):
    table = (
        "| STT | Chỉ tiêu | Kế hoạch năm 2024 | Thực hiện năm 2024 | Đánh giá |\n|---|---|---|---|---|\n"
        "| 1 | Giảm hộ nghèo theo chỉ tiêu thành phố giao | 02 hộ | 02/02 hộ | Đạt 100% |\n"
    )
    assert _values(_draft(tmp_path, table)) == {
        ("giam_ngheo.so_ho_giam", 2024): 2,
        ("giam_ngheo.chi_tieu_giao", 2024): 2,
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 100,
    }


@pytest.mark.parametrize(
    "body",
    [
        "- Chỉ tiêu 1: Mỗi năm xây dựng ít nhất 01 mô hình “Dân vận khéo”: chưa đạt.\n"
        "- Chỉ tiêu 2: Hoàn thành 100% chỉ tiêu giảm hộ nghèo huyện giao: đạt.\n"
        "- Chỉ tiêu 3: Tỷ lệ hồ sơ TTHC giải quyết trực tuyến đạt từ 50% trở lên: đạt (62,4%).\n",
        # a second writer: a dash after the number, the assessment in capitals
        "Chỉ tiêu 1 - Xây dựng, công nhận từ 01 mô hình “Dân vận khéo” trở lên: Chưa đạt.\n\n"
        "Chỉ tiêu 2 - Giảm hộ nghèo theo chỉ tiêu huyện giao: Đạt.\n\n"
        "Chỉ tiêu 3 - Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến từ 50% trở lên: Đạt (62,4%).\n",
    ],
)
def test_a_target_restated_with_its_assessment(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("dvk.ty_le_dat_bao_cao", 2024): "not_achieved",
        ("giam_ngheo.ty_le_hoan_thanh", 2024): "achieved",
        ("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 62.4,  # the rate in brackets, never the threshold
        **PLAN,
    }


def test_a_result_after_the_restated_target_is_what_counts(tmp_path):
    body = (
        "- Chỉ tiêu 3 - Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến đạt từ 80% trở lên: đạt.\n"
        "  + Tỷ lệ hồ sơ TTHC giải quyết trực tuyến (toàn trình và một phần): 86,15%.\n"
        "- Chỉ tiêu 1 - Mỗi năm công nhận từ 01 mô hình “Dân vận khéo” trở lên: đạt.\n"
        "  + Năm 2024 công nhận 03 mô hình, đạt 300% chỉ tiêu năm.\n"
    )
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")] == 86.15
    assert got[("dvk.ty_le_dat_bao_cao", 2024)] == 300


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("- Sơ kết Phong trào thi đua “Dân vận khéo”: chưa tổ chức.\n", "dvk.so_ket_phong_trao"),
        (
            "- Đánh giá công tác dân vận chính quyền theo bộ tiêu chí của tỉnh: chưa thực hiện (chờ hướng dẫn).\n",
            "dvcq.danh_gia_hang_nam",
        ),
    ],
)
def test_an_act_listed_with_its_answer_after_a_colon(tmp_path, line, key):
    body = "- Đào tạo, bồi dưỡng: cử 03 công chức tham gia lớp tập huấn nghiệp vụ công tác dân vận.\n" + line
    assert _values(_draft(tmp_path, body + CONTROL)) == {
        ("dvcq.cu_can_bo_tap_huan", 2024): True,
        (key, 2024): False,
        **PLAN,
    }


def test_a_count_over_as_many_years_as_the_review_covers(tmp_path):
    head = HEAD.replace(
        "Kết quả thực hiện công tác dân vận năm 2024", "Sơ kết 02 năm (2023 - 2024) thực hiện Kế hoạch số 19/KH-UBND"
    )
    body = "Năm 2023 xã giảm 08 hộ nghèo. Trong 02 năm, xã hỗ trợ 09 con bò giống cho hộ nghèo.\n"
    got = _values(_draft(tmp_path, body, head=head))
    assert got[("ntm.ho_tro_bo_giong", "2023-2024")] == 9


def test_a_rule_cited_by_the_decision_it_was_issued_with_keeps_its_partner(tmp_path):
    body = (
        "Quy chế phối hợp giữa UBND xã với Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội xã (ban hành kèm "
        "theo Quyết định số 28/QĐ-UBND ngày 06/02/2023) tiếp tục được thực hiện nghiêm túc.\n"
    )
    draft = _draft(tmp_path, body + CONTROL)
    partners = next(f for f in draft["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop")
    assert [i["name"] for i in partners["items"]] == ["Ủy ban MTTQ Việt Nam xã"]


# --------------------------------------------------------------------------------------------------- learned from 66-69
# The whole year's total said as such wins over a part of it said first; an earlier year's figure after "so với cùng kỳ
# năm …" in a report of the whole year; a count after its verb and "cả giai đoạn"; a model's quoted name that only holds
# a topic's words names no kind; each plan of a list after one verb is its own year's act; a table's "Cả giai đoạn"
# column after its years.

REVIEW_2025 = (
    REVIEW.replace("ngày 25 tháng 11 năm 2026", "ngày 10 tháng 12 năm 2025")
    .replace(
        "Tổng kết thực hiện Đề án số 05-ĐA/TU ngày 10/8/2022 của Ban Thường vụ Tỉnh ủy về công tác dân vận giai đoạn "
        "2022 - 2026",
        "Kết quả thực hiện công tác dân vận năm 2025",
    )
    .replace("15/11/2026", "30/11/2025")
)


def test_the_years_total_said_as_such_wins_over_a_part_of_it(tmp_path):
    body = (
        "Sáu tháng đầu năm, xã Tân Hòa (cũ) thành lập 01 mô hình. Từ tháng 7/2025 đến nay, UBND xã Tân Hòa Đông công "
        "nhận 02 mô hình “Buôn đoàn kết” và “Tổ hợp tác cà phê bền vững”.\n\n"
        "Tính chung cả năm 2025, trên địa bàn xã có 03 mô hình “Dân vận khéo” được thành lập.\n"
    )
    assert _values(_draft(tmp_path, body, head=REVIEW_2025))[("dvk.mo_hinh", 2025)] == 3


@pytest.mark.parametrize(("head", "counted"), [(REVIEW_2025, True), ("half", False)])
def test_last_years_figure_after_the_same_months_of_it(tmp_path, head, counted):
    if head == "half":
        head = (
            REVIEW_2025.replace("ngày 10 tháng 12 năm 2025", "ngày 20 tháng 6 năm 2025")
            .replace("công tác dân vận năm 2025", "công tác dân vận 6 tháng đầu năm 2025")
            .replace("30/11/2025", "15/6/2025")
        )
    body = "Toàn xã giảm 43 hộ nghèo, đạt 107,5% kế hoạch, tăng 12 hộ so với cùng kỳ năm 2024 (31 hộ).\n"
    got = _values(_draft(tmp_path, body, head=head))
    assert got.get(("giam_ngheo.so_ho_giam", 2024)) == (31 if counted else None)
    assert ("giam_ngheo.chi_tieu_giao", 2024) not in got  # never a target


def test_a_count_of_the_whole_period_after_its_verb(tmp_path):
    body = "Tổng số hộ nghèo giảm cả giai đoạn là 63 hộ, bình quân mỗi năm giảm 12,6 hộ.\n"
    assert _values(_draft(tmp_path, body, head=REVIEW)) == {("giam_ngheo.so_ho_giam", "2022-2026"): 63}


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Chi hội nông dân ứng dụng chuyển đổi số", ("dvk.mo_hinh", 2026)),
        # a second: the name opens on its kind, which it then is
        ("Chuyển đổi số ở khu dân cư", ("van_dong.chuyen_doi_so.so_mo_hinh", "as_of")),
    ],
)
def test_a_models_name_names_its_kind_only_when_it_opens_on_it(tmp_path, name, key):
    body = f"5. Năm 2026\nXã công nhận 01 mô hình “{name}” (Quyết định số 141/QĐ-UBND ngày 08/5/2026).\n"
    got = _values(_draft(tmp_path, body, head=REVIEW))
    assert got.get(key) == 1
    other = ("van_dong.chuyen_doi_so.so_mo_hinh", "as_of") if key[0] == "dvk.mo_hinh" else None
    assert other is None or other not in got


def test_each_plan_of_a_list_is_its_own_years(tmp_path):
    body = (
        "UBND xã ban hành Kế hoạch số 12/KH-UBND ngày 14/7/2025 về công tác dân vận chính quyền năm 2025 và Kế hoạch số "
        "06/KH-UBND ngày 08/01/2026 về công tác dân vận chính quyền năm 2026.\n"
    )
    draft = _draft(tmp_path, body, head=REVIEW)
    plans = {f["period"]: f["document"]["number"] for f in draft["facts"] if f["indicator"] == "dvcq.ke_hoach_nam"}
    assert plans == {2025: "12/KH-UBND", 2026: "06/KH-UBND"}


def test_a_column_of_the_whole_period_after_its_years(tmp_path):
    table = (
        "| Chỉ tiêu | Mục tiêu giai đoạn | Năm 2022 | Năm 2023 | Năm 2024 | Năm 2025 | Năm 2026 | Cả giai đoạn |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| Số hộ nghèo giảm (hộ) |  | 35 | 28 | 22 | 19 | 11 | 115 |\n"
        "| Chỉ tiêu giảm hộ nghèo được giao (hộ) |  | 30 | 28 | 25 | 18 | 15 | 116 |\n"
    )
    got = _values(_draft(tmp_path, table, head=REVIEW))
    assert (got[("giam_ngheo.so_ho_giam", "2022-2026")], got[("giam_ngheo.chi_tieu_giao", "2022-2026")]) == (115, 116)
    assert (got[("giam_ngheo.so_ho_giam", 2026)], got[("giam_ngheo.chi_tieu_giao", 2022)]) == (11, 30)


def test_a_cut_off_said_after_the_former_units_records_is_the_reports(tmp_path):
    # the figures "tổng hợp lại từ hồ sơ lưu trữ của hai xã cũ, tính đến ngày …": the report's cut-off, not a part's
    head = REVIEW.replace(
        "Số liệu trong báo cáo này là số liệu của toàn địa bàn xã hiện nay (cộng số liệu của các xã cũ đối với các năm "
        "2022 - 2024), tính đến ngày 15/11/2026.",
        "Số liệu các năm 2022 - 2024 dưới đây là số liệu của toàn địa bàn xã hiện nay, được tổng hợp lại từ hồ sơ lưu "
        "trữ của hai xã cũ, tính đến ngày 31/10/2026.",
    )
    assert _draft(tmp_path, "Năm 2026 xã giảm 05 hộ nghèo.\n", head=head)["report"]["as_of"] == dt.date(2026, 10, 31)


# --------------------------------------------------------------------------------------------------- learned from 70-73
# The unit's own assessment on a line of its own under a numbered target ("Chỉ tiêu 1: …" / "- Kết quả: …" / "- Tự đánh
# giá: Chưa đạt."), a claim where nothing more exact is said; "chưa thực hiện việc tự đánh giá …" denies the act.


@pytest.mark.parametrize(
    ("mark", "want"),
    [("- Tự đánh giá: Chưa đạt.", "not_achieved"), ("Đánh giá: Đạt.", "achieved")],
)
def test_a_self_assessment_line_under_a_numbered_target(tmp_path, mark, want):
    body = (
        "Chỉ tiêu 1: Mỗi năm xây dựng ít nhất 01 mô hình “Dân vận khéo” trong lĩnh vực phát triển kinh tế.\n"
        "- Kết quả: Trong năm 2024, xã đăng ký 02 mô hình nhưng đến thời điểm báo cáo chưa được công nhận.\n"
        f"{mark}\n\n"
        "Chỉ tiêu 2: Giảm hộ nghèo theo chỉ tiêu huyện giao hằng năm.\n"
        "- Kết quả: Năm 2024 xã giảm được 11 hộ nghèo, đạt 73,3% chỉ tiêu.\n"
        "- Tự đánh giá: Chưa đạt.\n"
    )
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got[("dvk.ty_le_dat_bao_cao", 2024)] == want
    assert got[("giam_ngheo.ty_le_hoan_thanh", 2024)] == 73.3  # the rate said beats the claim


def test_an_assessment_line_with_no_target_before_it_claims_nothing(tmp_path):
    body = "Công tác dân vận chính quyền được triển khai đồng bộ.\n- Tự đánh giá: Đạt.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == PLAN


def test_not_doing_the_self_assessment_is_no_assessment(tmp_path):
    body = (
        "Xã chưa thực hiện việc tự đánh giá, chấm điểm kết quả công tác dân vận chính quyền năm 2024 theo bộ tiêu chí "
        "của tỉnh vì đang chờ hướng dẫn.\n"
    )
    assert _values(_draft(tmp_path, body + CONTROL)) == {("dvcq.danh_gia_hang_nam", 2024): False, **PLAN}


@pytest.mark.parametrize(
    "body",
    [
        "Công tác dân vận chính quyền của xã được đánh giá cao.\n",
        "Công tác dân vận chính quyền được đánh giá rất cao, góp phần giữ vững ổn định.\n",
    ],
)
def test_the_work_praised_is_no_assessment(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == PLAN
