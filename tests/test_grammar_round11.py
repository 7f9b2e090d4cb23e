"""Structural rules of the genre learned from held-out sets 13 and 14 once they were retired (BENCHMARKS.md "Round
11"): how a text report is cut into paragraphs, whose figure a clause states, which period and what kind of statement
— each tested on sentences written here (other communes, other wording), with a second writer's variant, through the
real `facts extract`. Precision first: a doubtful reading drafts nothing or is marked for review."""

from __future__ import annotations

from pathlib import Path

import pytest

from chitieu.reporttext import read_report
from test_grammar_forms import HEAD, _draft, _values
from test_grammar_round9 import CONTROL, PLAN

# the same report without its first section heading: a body that brings its own
BARE_HEAD = HEAD.replace("I. KẾT QUẢ THỰC HIỆN\n\n", "")

# --------------------------------------------------------------------------------------------------- layout
# Some writers put one paragraph on each line, with no blank line between, and their headings on lines of their own
# ("c) Thôn văn hóa" over "Kết quả bình xét …"). A marked line (I., 2.1., c)) after a finished sentence, and a line
# under a short marked line that ends without a stop, start paragraphs of their own; a line wrapped mid-sentence
# carries on its paragraph.


@pytest.mark.parametrize(
    "body, year",
    [
        (
            "1. Các chỉ tiêu chủ yếu\nc) Thôn văn hóa\nKết quả bình xét năm 2024: 10/12 thôn đạt danh hiệu “Thôn văn "
            "hóa”.\nNăm 2023, số thôn đạt danh hiệu là 9/12 thôn.\n",
            2023,
        ),
        # a second writer: numbered sub-headings, the title named only in the heading
        (
            "2. Kết quả các chỉ tiêu\n2.3. Tổ dân phố văn hóa\nCuối năm 2022, phường có 9/12 tổ dân phố được công nhận.\n",
            2022,
        ),
    ],
)
def test_a_heading_on_its_own_line_heads_the_lines_under_it(tmp_path, body, year):
    values = _values(_draft(tmp_path, body))
    assert values[("kdc.so_khu_van_hoa", year)] == 9 and values[("kdc.tong_so_khu", year)] == 12


@pytest.mark.parametrize(
    "body",
    [
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO\nĐảng ủy chỉ đạo sát sao. Ngày 10/01/2024, UBND xã ban hành Kế hoạch số "
        "05/KH-UBND về công tác dân vận chính quyền năm 2024.\n",
        # a second writer: the section's sentences one a line, the plan's act on the last one
        "I. LÃNH ĐẠO, CHỈ ĐẠO, TRIỂN KHAI\nĐầu năm, Ban Thường vụ Đảng ủy phân công đồng chí Phó Bí thư phụ trách.\n"
        "Trên cơ sở đó, UBND xã ban hành Kế hoạch số 05/KH-UBND ngày 10/01/2024 thực hiện công tác dân vận chính "
        "quyền năm 2024.\n",
    ],
)
def test_a_section_heading_on_the_line_above_its_text_is_no_opening(tmp_path, body):
    assert _values(_draft(tmp_path, body, head=BARE_HEAD)) == {("dvcq.ke_hoach_nam", 2024): True}


def test_lines_wrapped_mid_sentence_stay_one_paragraph(tmp_path):
    report = tmp_path / "bao-cao.txt"
    report.write_text(
        "Năm 2024, toàn xã giảm được 06 hộ nghèo theo chỉ tiêu huyện giao, đạt 100% kế hoạch; các hộ còn lại được\n"
        "các đoàn thể nhận đỡ đầu, gồm:\n"
        "1. Chi hội Phụ nữ thôn 3 nhận đỡ đầu 02 hộ;\n"  # after a colon, and after ";": items of the same list
        "2. Chi hội Nông dân thôn 5 nhận đỡ đầu 01 hộ và vận động hộ tham gia tổ hợp tác chăn nuôi của\n"
        "3 thôn vùng bãi.\n",  # a wrapped line opening with a number is no item
        encoding="utf-8",
    )
    paras = read_report(Path(report)).paragraphs
    assert [p.line for p in paras] == [1]


# --------------------------------------------------------------------------------------------------- kind: changes
# A change on an earlier time ("tăng 01 tuyến so với cuối năm 2023", "nhiều hơn năm 2023 một thôn", "ít hơn năm
# trước một hộ") is no figure of the indicator; the earlier year's figure in brackets is that year's.


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Đến nay, số tuyến đường “Xanh - Sạch - Đẹp” được các khu dân cư duy trì tăng 01 tuyến so với cuối năm "
            "2023 (cuối năm 2023 có 04 tuyến).\n",
            # (and the figure by its change, for review: below)
            {("dtvm.tuyen_duong_xanh", 2023): 4, ("dtvm.tuyen_duong_xanh", "as_of"): 5},
        ),
        # a second writer: the count first, then its change on last year, the earlier count in brackets
        (
            "Năm 2024 có 8/11 thôn được công nhận danh hiệu thôn văn hóa, nhiều hơn năm 2023 một thôn.\n",
            {("kdc.so_khu_van_hoa", "as_of"): 8, ("kdc.tong_so_khu", "as_of"): 11},
        ),
        (
            "Kết quả bình xét năm 2024, số thôn đạt danh hiệu thôn văn hóa tăng 02 thôn so với năm 2023 (năm 2023 đạt "
            "11/15 thôn).\n",
            {("kdc.so_khu_van_hoa", 2023): 11, ("kdc.tong_so_khu", 2023): 15, ("kdc.so_khu_van_hoa", "as_of"): 13},
        ),
    ],
)
def test_a_change_on_an_earlier_time_is_not_the_figure(tmp_path, body, expected):
    assert _values(_draft(tmp_path, body)) == expected


# a report on the first half of 2025
HEAD_2025 = HEAD.replace("18 tháng 12 năm 2024", "20 tháng 6 năm 2025").replace(
    "dân vận năm 2024\n", "dân vận 6 tháng đầu năm 2025\n"
)


@pytest.mark.parametrize(
    "body",
    [
        "4. Công tác giảm nghèo\n\nNăm 2024, thị trấn giảm được 06 hộ nghèo, hoàn thành chỉ tiêu huyện giao. Chỉ tiêu "
        "huyện giao năm 2025 ít hơn năm 2024 một hộ. Sáu tháng đầu năm 2025, thị trấn giảm 02 hộ nghèo, bằng 40% chỉ "
        "tiêu năm.\n",
        # a second writer: the target's change on last year in figures, after "so với"
        "4. Giảm nghèo\n\nNăm 2024, xã giảm được 06 hộ nghèo, đạt 100% chỉ tiêu. Chỉ tiêu huyện giao năm 2025 tăng 02 "
        "hộ so với năm 2024. Sáu tháng đầu năm 2025, xã giảm 02 hộ nghèo, bằng 25% chỉ tiêu năm.\n",
    ],
)
def test_a_target_smaller_or_larger_than_last_years_is_no_target(tmp_path, body):
    values = _values(_draft(tmp_path, body, head=HEAD_2025))
    assert ("giam_ngheo.chi_tieu_giao", 2025) not in values
    assert values[("giam_ngheo.so_ho_giam", 2024)] == 6 and values[("giam_ngheo.so_ho_giam", 2025)] == 2


# --------------------------------------------------------------------------------------------------- whose figure
# A share set apart by "riêng … chiếm X%" is a subset's ("riêng hồ sơ trực tuyến toàn trình chiếm 31,2%"), never the
# rate of the whole.


@pytest.mark.parametrize(
    "body",
    [
        "Năm 2024, bộ phận một cửa tiếp nhận 2.140 hồ sơ, trong đó 1.390 hồ sơ được tiếp nhận và giải quyết trực "
        "tuyến; riêng hồ sơ trực tuyến toàn trình chiếm 27,5%.\n",
        # a second writer: the subset named by where it was filed
        "Năm 2024, UBND xã tiếp nhận 2.140 hồ sơ thủ tục hành chính; riêng hồ sơ trực tuyến nộp qua Cổng Dịch vụ công "
        "quốc gia chiếm tỷ lệ 27,5%.\n",
    ],
)
def test_a_share_set_apart_by_riêng_is_not_the_rate(tmp_path, body):
    assert _values(_draft(tmp_path, CONTROL + body)) == PLAN


# --------------------------------------------------------------------------------------------------- items and totals
# A count bounds the list of names after it: "công nhận 02 mô hình … là mô hình “A” … và mô hình “B” …, cùng với 01 mô
# hình “C” …" names two of this year's; and "thì" before a time opens the main clause with its own period ("… thì từ
# năm 2023 đến nay toàn xã có 03 mô hình, đạt 150% …": the span's total and rate).


@pytest.mark.parametrize(
    "body",
    [
        "Năm 2024, UBND xã ra quyết định công nhận 02 mô hình “Dân vận khéo” là mô hình “Thắp sáng đường quê” của thôn "
        "2 (Quyết định số 97/QĐ-UBND ngày 22/5/2024) và mô hình “Tổ hòa giải” của thôn 5 (Quyết định số 151/QĐ-UBND "
        "ngày 08/9/2024), cùng với 01 mô hình “Cánh đồng lớn” đã xây dựng từ năm 2023 thì từ năm 2023 đến nay toàn xã "
        "có 03 mô hình, đạt 150% so với chỉ tiêu Kế hoạch đặt ra cho hai năm.\n",
        # a second writer: the models named with their holders, the total after "thì tính đến nay"
        "Trong năm 2024, xã công nhận hai mô hình “Dân vận khéo” là mô hình “Chi hội phụ nữ tiết kiệm” và mô hình "
        "“Camera an ninh thôn Đông”, cộng với mô hình “Dòng họ khuyến học” công nhận năm 2023 thì từ năm 2023 đến nay "
        "xã có 03 mô hình, đạt 150% chỉ tiêu Kế hoạch.\n",
    ],
)
def test_a_count_bounds_its_list_and_thì_opens_the_spans_total(tmp_path, body):
    draft = _draft(tmp_path, body)
    values = _values(draft)
    assert values[("dvk.mo_hinh", 2024)] == 2
    assert values[("dvk.tong_so_mo_hinh_bao_cao", "2023-2024")] == 3
    assert values[("dvk.ty_le_dat_bao_cao", "2023-2024")] == 150
    assert ("dvk.ty_le_dat_bao_cao", 2024) not in values


# --------------------------------------------------------------------------------------------------- synonyms (words)
# The plan held ("Có kế hoạch tuyên truyền …"), consultations on a plan ("tham gia … hội nghị lấy ý kiến … quy
# hoạch"), a plan not issued ("chưa ban hành kế hoạch thành lập mô hình tuyên truyền, vận động"): words beside the
# indicators, read by the same act reader.


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Có kế hoạch tuyên truyền, hướng dẫn xây dựng đô thị văn minh (Kế hoạch số 29/KH-UBND ngày 20/02/2024).\n",
            {("dtvm.ke_hoach_tuyen_truyen", "as_of"): True},
        ),
        (
            "Xã có kế hoạch tuyên truyền, vận động người dân thực hiện nếp sống văn minh đô thị tại trung tâm xã (Kế "
            "hoạch số 18/KH-UBND ngày 11/3/2024).\n",
            {("dtvm.ke_hoach_tuyen_truyen", "as_of"): True},
        ),
        (
            "Ủy ban MTTQ Việt Nam xã và các đoàn thể tham gia đầy đủ các hội nghị lấy ý kiến về điều chỉnh quy hoạch "
            "chung xây dựng xã.\n",
            {("dtvm.tham_gia_phan_bien_quy_hoach", "as_of"): True},
        ),
        (
            "Mặt trận xã tham gia 02 buổi lấy ý kiến nhân dân về quy hoạch khu dân cư mới.\n",
            {("dtvm.tham_gia_phan_bien_quy_hoach", "as_of"): True},
        ),
        (
            "Đối với dự án đường tránh, xã đã thành lập Tổ vận động giải phóng mặt bằng nhưng chưa ban hành kế hoạch "
            "thành lập mô hình tuyên truyền, vận động theo hướng dẫn.\n",
            {("gpmb.ke_hoach_mo_hinh", "as_of"): False},
        ),
    ],
)
def test_acts_in_other_words(tmp_path, body, expected):
    assert _values(_draft(tmp_path, body)) == expected


# --------------------------------------------------------------------------------------------------- subject: basic NTM
# The basic title's criteria, named with the year it was won ("đã đạt chuẩn nông thôn mới từ năm 2018 với đủ 19/19 tiêu
# chí"), are not the advanced set's, even under a lead on nông thôn mới nâng cao.


@pytest.mark.parametrize(
    "body, count",
    [
        (
            "Về nông thôn mới nâng cao, xã Đông Quang đã đạt chuẩn nông thôn mới từ năm 2018 với đủ 19/19 tiêu chí, đến "
            "nay xã tự đánh giá đạt 15/19 tiêu chí xã nông thôn mới nâng cao.\n",
            15,
        ),
        # a second writer: the basic title in a clause of its own, the year after "năm"
        (
            "Về xây dựng nông thôn mới nâng cao: xã đạt chuẩn nông thôn mới năm 2019 với 19/19 tiêu chí; theo Bộ tiêu "
            "chí giai đoạn 2021 - 2025, xã tự đánh giá đạt 14/19 tiêu chí.\n",
            14,
        ),
    ],
)
def test_the_basic_titles_criteria_are_not_the_advanced_sets(tmp_path, body, count):
    # (and the status a count short of nineteen implies: not recognised yet)
    assert _values(_draft(tmp_path, body)) == {
        ("ntm_nc.so_tieu_chi_dat", "as_of"): count,
        ("ntm_nc.cong_nhan", "as_of"): "chua_dat",
    }


# --------------------------------------------------------------------------------------------------- period: a plan
# An act denied in its year and put off to the next ("… trong năm 2024 chưa tổ chức sơ kết …, dự kiến sẽ lồng ghép sơ
# kết vào quý I năm 2025"): the year planned is no year of the act; the denial is the year's.


@pytest.mark.parametrize(
    "body",
    [
        "Phong trào thi đua “Dân vận khéo” được phát động từ đầu năm, tuy nhiên trong năm 2024 xã chưa tổ chức sơ kết "
        "phong trào thi đua “Dân vận khéo” theo hướng dẫn, dự kiến sẽ lồng ghép sơ kết vào quý I năm 2025.\n",
        # a second writer: "sẽ" alone, the month in figures
        "Trong năm 2024, UBND xã chưa tổ chức sơ kết phong trào thi đua “Dân vận khéo”, sẽ tổ chức sơ kết cùng hội "
        "nghị tổng kết năm 2025.\n",
    ],
)
def test_a_denial_put_off_to_next_year_is_this_years(tmp_path, body):
    assert _values(_draft(tmp_path, body)) == {("dvk.so_ket_phong_trao", 2024): False}


# --------------------------------------------------------------------------------------------------- layout: a heading
# A heading on its own line may end on a closing quote or bracket ("a) Phong trào thi đua “Dân vận khéo”", "1. Chỉ tiêu
# mô hình (Kế hoạch: mỗi năm 01 mô hình)"): the list its first paragraph opens ("…, gồm:") is that paragraph's.


@pytest.mark.parametrize(
    "heading",
    ["a) Phong trào thi đua “Dân vận khéo”", "1. Chỉ tiêu mô hình “Dân vận khéo” (Kế hoạch: mỗi năm 01 mô hình)"],
)
def test_a_heading_ending_on_a_quote_heads_its_list(tmp_path, heading):
    body = (
        f"{heading}\nNăm 2024, UBND xã ra quyết định công nhận 02 mô hình “Dân vận khéo” cấp xã, gồm:\n"
        "+ Mô hình “Thôn 4 sáng, xanh, sạch” (Quyết định số 97/QĐ-UBND ngày 06/4/2024);\n"
        "+ Mô hình “Tổ hòa giải giỏi” (Quyết định số 141/QĐ-UBND ngày 19/6/2024).\n"
    )
    facts = {f["indicator"]: f for f in _draft(tmp_path, body)["facts"]}
    assert [i["name"] for i in facts["dvk.mo_hinh"]["items"]] == ["Thôn 4 sáng, xanh, sạch", "Tổ hòa giải giỏi"]


# --------------------------------------------------------------------------------------------------- the reason given
# The reason given after a statement ("… do các mô hình đăng ký chưa đủ điều kiện") is no part of what it counts: its
# words ("đăng ký") make no look-alike of it.


@pytest.mark.parametrize(
    "body",
    [
        "1.3. Năm 2024: chưa công nhận thêm mô hình nào do các mô hình đăng ký chưa đủ điều kiện.\n",
        # a second writer: "vì", the registration named otherwise
        "Năm 2024, xã không công nhận mô hình “Dân vận khéo” nào vì hồ sơ đăng ký của các chi hội còn thiếu.\n",
    ],
)
def test_the_reason_after_a_zero_is_no_look_alike(tmp_path, body):
    assert _values(_draft(tmp_path, body)) == {("dvk.mo_hinh", 2024): 0}


# --------------------------------------------------------------------------------------------------- period: years
# "Cuối năm 2023 và cuối năm 2024, … đều …": each year of the list, "cuối" or "đầu" before each.


@pytest.mark.parametrize(
    "body",
    [
        "Cuối năm 2023 và cuối năm 2024, UBND xã đều tự đánh giá kết quả thực hiện công tác dân vận chính quyền theo "
        "bộ tiêu chí của tỉnh.\n",
        "Vào đầu năm 2023 và đầu năm 2024, UBND xã đều tổ chức ký kết giao ước thi đua với Ủy ban MTTQ và các đoàn thể.\n",
    ],
)
def test_the_end_of_each_year_in_a_list(tmp_path, body):
    values = _values(_draft(tmp_path, body))
    assert {k[1] for k in values} == {2023, 2024} and len({k[0] for k in values}) == 1


# --------------------------------------------------------------------------------------------------- tables
# A row's label is read as prose is (quotes and dashes plain: "Tuyến đường “Xanh - Sạch - Đẹp”"); a comparison
# column's cell that names its year ("So với cùng kỳ": "năm 2023: 13/14") is that year's figure.

TABLE_HEAD = (
    "Kết quả thực hiện các chỉ tiêu đến ngày 15/11/2024:\n\n"
    "| Chỉ tiêu | Kế hoạch năm | Thực hiện | So với kế hoạch | So với cùng kỳ |\n|---|---|---|---|---|\n"
)


@pytest.mark.parametrize(
    "rows, expected",
    [
        (
            "| Tổ dân phố đạt danh hiệu tổ dân phố văn hóa | 14/14 | chưa bình xét | - | năm 2023: 13/14 |\n"
            "| Tuyến đường “Xanh - Sạch - Đẹp” được duy trì (tuyến) | 05 | 06 | 120% | tăng 02 tuyến |\n",
            {("kdc.so_khu_van_hoa", 2023): 13, ("kdc.tong_so_khu", 2023): 14, ("dtvm.tuyen_duong_xanh", "as_of"): 6},
        ),
        # a second writer: "là" after the year, an en dash in the street's name, a rate in the comparison column
        (
            "| Thôn đạt danh hiệu “Thôn văn hóa” (thôn) | 12/12 | 11/12 | 91,7% | Năm 2023 là 10/12 |\n"
            "| Tuyến đường hoa “Sáng – Xanh – Sạch – Đẹp” (tuyến) | 03 | 04 | vượt | năm 2023: 93,1% |\n",
            {
                ("kdc.so_khu_van_hoa", "as_of"): 11,
                ("kdc.tong_so_khu", "as_of"): 12,
                ("kdc.so_khu_van_hoa", 2023): 10,
                ("kdc.tong_so_khu", 2023): 12,
                ("dtvm.tuyen_duong_xanh", "as_of"): 4,
            },
        ),
    ],
)
def test_a_tables_labels_as_prose_and_a_comparison_cell_of_a_named_year(tmp_path, rows, expected):
    assert _values(_draft(tmp_path, TABLE_HEAD + rows)) == expected


# --------------------------------------------------------------------------------------------------- period: totals
# A count that raises a running total ("…, nâng tổng số X từ … đến nay lên N") gives the total over the span the clause
# names — from a year, or from the unit's own plan ("từ khi triển khai Kế hoạch") when the header names its date.

PLAN_HEAD = HEAD.replace(
    "I. KẾT QUẢ THỰC HIỆN\n\n",
    "Thực hiện Kế hoạch số 12/KH-UBND ngày 15/02/2023 của UBND xã Đông Quang về đổi mới, nâng cao hiệu quả công tác "
    "dân vận giai đoạn 2023 - 2025, UBND xã báo cáo kết quả năm 2024 như sau:\n\nI. KẾT QUẢ THỰC HIỆN\n\n",
)


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Năm 2024, UBND xã công nhận thêm 01 mô hình “Dân vận khéo” là mô hình “Chợ văn minh” (Quyết định số "
            "71/QĐ-UBND ngày 24/4/2024), nâng tổng số mô hình được công nhận từ khi triển khai Kế hoạch đến nay lên 04 "
            "mô hình.\n",
            {("dvk.mo_hinh", 2024): 1, ("dvk.tong_so_mo_hinh_bao_cao", "2023-2024"): 4},
        ),
        # a second writer: cattle, the span from a year, "đưa … lên"
        (
            "Năm 2024, xã phối hợp cấp 12 con bò giống cho 12 hộ nghèo, đưa tổng số bò giống hỗ trợ cho hộ dân từ năm "
            "2022 đến nay lên 21 con.\n",
            {("ntm.ho_tro_bo_giong", 2024): 12, ("ntm.ho_tro_bo_giong", "2022-2024"): 21},
        ),
    ],
)
def test_a_count_that_raises_a_running_total(tmp_path, body, expected):
    assert _values(_draft(tmp_path, body, head=PLAN_HEAD)) == expected


def test_a_raised_total_with_no_span_drafts_no_total(tmp_path):
    body = "Năm 2024, xã công nhận thêm 01 mô hình “Dân vận khéo”, nâng tổng số mô hình lên 04 mô hình.\n"
    assert _values(_draft(tmp_path, body)) == {("dvk.mo_hinh", 2024): 1}


# --------------------------------------------------------------------------------------------------- period: last year
# Another year's holders of the title the sentence has just counted, in brackets after a comparison ("…, nhiều hơn năm
# 2023 một bản (năm 2023 có 07 bản đạt)"), are that year's; units only registered are not.


@pytest.mark.parametrize(
    "body, earlier",
    [
        (
            "Như vậy, toàn xã có 8/11 thôn được công nhận danh hiệu thôn văn hóa năm 2024, nhiều hơn năm 2023 một thôn "
            "(năm 2023 có 07 thôn đạt).\n",
            {("kdc.so_khu_van_hoa", 2023): 7},
        ),
        (
            "Năm 2024 có 12/14 tổ dân phố đạt danh hiệu tổ dân phố văn hóa (năm 2023 có 11 tổ dân phố được công nhận).\n",
            {("kdc.so_khu_van_hoa", 2023): 11},
        ),
        (
            "Năm 2024 có 12/14 tổ dân phố đạt danh hiệu tổ dân phố văn hóa (năm 2023 có 11 tổ dân phố đăng ký).\n",
            {},
        ),
    ],
)
def test_last_years_holders_in_brackets(tmp_path, body, earlier):
    values = _values(_draft(tmp_path, body))
    assert {k: v for k, v in values.items() if k[1] == 2023} == earlier


# --------------------------------------------------------------------------------------------------- kind: derived
# A figure given only by its change on an earlier year whose figure the sentence states is that figure plus the
# change, for the clause's own period, marked for review; never for a whole, never over a figure the report states.


@pytest.mark.parametrize(
    "body, derived, earlier",
    [
        (
            "Kết quả bình xét năm 2024, số thôn đạt danh hiệu thôn văn hóa tăng 02 thôn so với năm 2023 (năm 2023 đạt "
            "11/15 thôn).\n",
            (("kdc.so_khu_van_hoa", 2024), 13),
            {("kdc.so_khu_van_hoa", 2023): 11, ("kdc.tong_so_khu", 2023): 15},
        ),
        # a second writer: the streets kept now, the earlier count at the end of last year
        (
            "Đến nay, số tuyến đường “Xanh - Sạch - Đẹp” được các khu dân cư duy trì tăng 01 tuyến so với cuối năm "
            "2023 (cuối năm 2023 có 04 tuyến).\n",
            (("dtvm.tuyen_duong_xanh", "as_of"), 5),
            {("dtvm.tuyen_duong_xanh", 2023): 4},
        ),
    ],
)
def test_a_figure_given_by_its_change_is_derived_for_review(tmp_path, body, derived, earlier):
    draft = _draft(tmp_path, body, head=HEAD_2025)  # 2024 a past year: its own period, not as_of
    facts = {(f["indicator"], f["period"]): f for f in draft["facts"]}
    key, value = derived
    assert facts[key]["value"] == value and facts[key]["review"] is True
    assert "chênh lệch" in facts[key]["note"]
    assert {k: v for k, v in _values(draft).items() if k != key} == earlier


def test_a_stated_figure_is_not_overridden_by_a_derived_one(tmp_path):
    body = (
        "Năm 2024 có 12/15 thôn đạt danh hiệu thôn văn hóa, tăng 02 thôn so với năm 2023 (năm 2023 đạt 10/15 thôn).\n"
    )
    values = _values(_draft(tmp_path, body, head=HEAD_2025))
    assert values[("kdc.so_khu_van_hoa", 2024)] == 12 and values[("kdc.so_khu_van_hoa", 2023)] == 10


# --------------------------------------------------------------------------------------------------- kind: rates, levels
# "giảm được 50% số hộ nghèo theo chỉ tiêu …" is the rate of the target (not "giảm 2% tỷ lệ hộ nghèo", a fall of a
# rate); a commune that does not hold the basic title yet ("chưa đạt chuẩn nông thôn mới nên chưa …") does not hold the
# advanced one.


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Đến nay xã đã giảm được 50% số hộ nghèo theo chỉ tiêu huyện giao năm 2024; số hộ còn lại đang được các "
            "đoàn thể nhận đỡ đầu.\n",
            {("giam_ngheo.ty_le_hoan_thanh", 2024): 50},
        ),
        (
            "Năm 2024, phường đã giảm được 75% số hộ nghèo theo kế hoạch thành phố giao.\n",
            {("giam_ngheo.ty_le_hoan_thanh", 2024): 75},
        ),
        (
            "Đến nay xã đạt 14/19 tiêu chí nông thôn mới; xã chưa đạt chuẩn nông thôn mới nên chưa đặt mục tiêu xây "
            "dựng xã nông thôn mới nâng cao trong giai đoạn 2022 - 2026.\n",
            {("ntm_nc.cong_nhan", "as_of"): "chua_dat"},
        ),
        (
            "Xã chưa đạt chuẩn nông thôn mới nên chưa đăng ký xây dựng xã nông thôn mới nâng cao.\n",
            {("ntm_nc.cong_nhan", "as_of"): "chua_dat"},
        ),
    ],
)
def test_a_rate_of_the_targets_count_and_the_basic_title_not_held(tmp_path, body, expected):
    assert _values(_draft(tmp_path, body)) == expected


# --------------------------------------------------------------------------------------------------- whose words
# A second predicate joined by "và" has its own object ("thành lập 13 tổ công nghệ số … và xây dựng 01 mô hình “Thôn
# số”"): the first one's words are no look-alike of it; without a verb of its own the "và" joins one object.


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Về chuyển đổi số, xã đã thành lập 13 tổ công nghệ số cộng đồng ở 13/13 thôn và xây dựng 01 mô hình “Thôn "
            "số” tại thôn 2 để vận động người dân cài đặt ứng dụng định danh điện tử.\n",
            {("van_dong.chuyen_doi_so.so_mo_hinh", "as_of"): 1},
        ),
        (
            "Về chuyển đổi số, xã thành lập 10 tổ công nghệ số cộng đồng và đã xây dựng 02 mô hình “Chợ không dùng tiền "
            "mặt”.\n",
            {("van_dong.chuyen_doi_so.so_mo_hinh", "as_of"): 2},
        ),
    ],
)
def test_a_second_predicate_after_và_has_its_own_words(tmp_path, body, expected):
    assert _values(_draft(tmp_path, body)) == expected


def test_one_object_joined_by_và_keeps_its_look_alike(tmp_path):
    body = "Về chuyển đổi số, xã duy trì hoạt động của tổ công nghệ số cộng đồng và 02 mô hình tổ công nghệ số.\n"
    assert _values(_draft(tmp_path, CONTROL + body)) == PLAN


# --------------------------------------------------------------------------------------------------- criteria
# A criterion named as "cơ bản đạt" ("riêng tiêu chí Thu nhập cơ bản đạt") is at that level, as one named "chưa đạt"
# is at the lowest.


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Xã tự đánh giá đạt 15/19 tiêu chí xã nông thôn mới nâng cao; các tiêu chí Quy hoạch và Giao thông chưa "
            "đạt; riêng tiêu chí Thu nhập cơ bản đạt (thu nhập bình quân đầu người ước đạt 71,5 triệu đồng).\n",
            {"ntm_nc.tc01": "chua_dat", "ntm_nc.tc02": "chua_dat", "ntm_nc.tc10": "co_ban_dat"},
        ),
        # a second writer: two criteria before one "cơ bản đạt"
        (
            "Về nông thôn mới nâng cao, xã đạt 17/19 tiêu chí, tiêu chí Môi trường và tiêu chí Thu nhập cơ bản đạt.\n",
            {"ntm_nc.tc17": "co_ban_dat", "ntm_nc.tc10": "co_ban_dat"},
        ),
    ],
)
def test_a_criterion_named_as_basically_met(tmp_path, body, expected):
    values = _values(_draft(tmp_path, body))
    assert {k[0]: v for k, v in values.items() if k[0].startswith("ntm_nc.tc")} == expected
