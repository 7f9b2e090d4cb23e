"""Structural rules of the genre learned from held-out sets 11 and 12 once they were retired (BENCHMARKS.md "Round
10"): where a report's figures are (an appendix after the signature), whose figure a clause states, which period and
what kind of statement — each tested on sentences written here (other communes, other wording), with a second
writer's variant, through the real `facts extract`. Precision first: a doubtful reading drafts nothing."""

from __future__ import annotations

import pytest

from test_grammar_forms import HEAD, _draft, _values
from test_grammar_round9 import CONTROL, MERGED, PLAN

# the same merged commune, reporting on the first half of 2026
MERGED_2026 = (
    MERGED.replace("08 tháng 12 năm 2025", "15 tháng 6 năm 2026")
    .replace("năm 2025\n\nXã", "6 tháng đầu năm 2026\n\nXã")
    .replace("nhập 03 xã: Phú Lộc, Lộc Đông và Đông Hải", "sắp xếp các xã Phú Lộc, Lộc Đông và Đông Hải")
)

SIGNATURE = "\nNơi nhận:\n- UBND huyện;\n- Lưu: VP.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Tâm\n\n"

# --------------------------------------------------------------------------------------------------- layout
# A quick report states its figures in an appendix after the signature ("PHỤ LỤC", "Phụ lục 01"): the body starts
# again there, its sections lettered in capitals ("A. …", "B. …") naming the measure of their items.


@pytest.mark.parametrize(
    "appendix",
    [
        "PHỤ LỤC\nSố liệu kết quả năm 2024\n(Kèm theo Báo cáo số 77/BC-UBND ngày 18/12/2024 của UBND xã Đông Quang)\n\n"
        "A. Giảm nghèo\n\n1. Chỉ tiêu huyện giao năm 2024: giảm 09 hộ nghèo.\n\n"
        "2. Kết quả thực hiện: giảm 06 hộ nghèo, đạt 66,7% chỉ tiêu.\n\n"
        "B. Thôn văn hóa\n\n1. Kết quả bình xét năm 2024: 10/13 thôn đạt danh hiệu “Thôn văn hóa”.\n",
        # a second writer: a numbered appendix, its sections in bold, bullets
        "Phụ lục 01\n\nBIỂU SỐ LIỆU KẾT QUẢ THỰC HIỆN NĂM 2024\n\n**B. Giảm nghèo**\n\n"
        "- Chỉ tiêu huyện giao năm 2024: giảm 09 hộ nghèo.\n- Thực hiện năm 2024: giảm 06 hộ nghèo, đạt 66,7% kế hoạch.\n\n"
        "**C. Khu dân cư văn hóa**\n\n- Năm 2024 có 10/13 thôn đạt danh hiệu thôn văn hóa.\n",
    ],
)
def test_an_appendix_after_the_signature_is_read(tmp_path, appendix):
    body = "1. Giảm nghèo: kết quả tại Phụ lục kèm theo.\n" + SIGNATURE + appendix
    values = _values(_draft(tmp_path, body))
    assert values[("giam_ngheo.chi_tieu_giao", 2024)] == 9
    assert values[("giam_ngheo.so_ho_giam", 2024)] == 6
    assert values[("giam_ngheo.ty_le_hoan_thanh", 2024)] == 66.7
    assert values[("kdc.so_khu_van_hoa", "as_of")] == 10


def test_what_follows_the_signature_without_an_appendix_is_not_read(tmp_path):
    body = CONTROL + SIGNATURE + "Ghi chú: năm 2024 giảm 06 hộ nghèo.\n"
    assert _values(_draft(tmp_path, body)) == PLAN


def test_a_sibling_title_under_a_heading_of_the_title_is_not_it(tmp_path):
    body = (
        "B. Khu phố văn hóa\n\n1. Kết quả bình xét năm 2023: 11/12 khu phố đạt danh hiệu “Khu phố văn hóa”.\n\n"
        "2. Khu phố đạt chuẩn văn minh đô thị: 04/12 khu phố.\n"
    )
    values = _values(_draft(tmp_path, body))
    assert values[("kdc.so_khu_van_hoa", 2023)] == 11 and ("kdc.so_khu_van_hoa", "as_of") not in values


# --------------------------------------------------------------------------------------------------- period
# A running total is the span's: labelled "lũy kế" before a colon, counted "sau (gần) N năm", since the unit was formed
# ("từ ngày thành lập"), or followed by its series in brackets — never the last year's count; "sau khi thành lập"
# alone is after an event, no span to now.


@pytest.mark.parametrize(
    "body, span, total",
    [
        ("Lũy kế từ năm 2022 đến nay: 06 mô hình, đạt 200% chỉ tiêu của Kế hoạch giai đoạn.\n", "2022-2024", 6),
        # a second writer: the span counted in years, the figures in words
        ("Tổng cộng sau gần ba năm, xã có ba mô hình “Dân vận khéo”, đạt 100% chỉ tiêu Kế hoạch.\n", "2022-2024", 3),
        (
            "Từ khi triển khai Kế hoạch đến nay, xã có tổng cộng 05 mô hình “Dân vận khéo” (năm 2023: 02 mô hình; "
            "năm 2024: 03 mô hình).\n",
            "2023-2024",
            5,
        ),
    ],
)
def test_a_running_total_is_the_spans(tmp_path, body, span, total):
    values = _values(_draft(tmp_path, body))
    assert values[("dvk.tong_so_mo_hinh_bao_cao", span)] == total
    assert ("dvk.mo_hinh", 2024) not in values or "năm 2024:" in body


def test_a_running_total_since_the_unit_was_formed(tmp_path):
    body = (
        "Sáu tháng cuối năm 2025, sau khi thành lập, xã đã công nhận ba mô hình “Dân vận khéo”. Như vậy, từ ngày "
        "thành lập xã đến nay có tổng cộng 05 mô hình.\n"
    )
    values = _values(_draft(tmp_path, body, head=MERGED_2026))
    # "Sáu tháng cuối năm 2025, sau khi thành lập": no span to now and no figure "Sáu"; the last months of the year
    # the unit was formed are all of its first year, so their count is 2025's (round 12, held-out 11 and 16)
    assert values == {("dvk.tong_so_mo_hinh_bao_cao", "2025-2026"): 5, ("dvk.mo_hinh", 2025): 3}


# --------------------------------------------------------------------------------------------------- kind: denials
# A yearly act denied up to the report's date ("Đến nay, … chưa …") in a report of one year is not done in that year —
# unless it is planned for later in the same year (then the year's answer is unknown: nothing drafted). An act named
# as a topic ("Hội nghị sơ kết …") takes its predicate after it; a denial whose act is put off to the
# next year is the year's denial.


@pytest.mark.parametrize(
    "body, key",
    [
        (
            "Đến nay, UBND xã chưa tổ chức ký kết giao ước thi đua với các đoàn thể do các hội đang hợp nhất.\n",
            "dvcq.giao_uoc_thi_dua",
        ),
        # a second writer: the act named before its denial
        (
            "Hội nghị sơ kết phong trào thi đua “Dân vận khéo” chưa tổ chức được trong năm do tập trung kiện toàn bộ "
            "máy.\n",
            "dvk.so_ket_phong_trao",
        ),
        (
            "Việc đánh giá kết quả công tác dân vận chính quyền năm 2024 chưa thực hiện, sẽ tổ chức vào tháng 01/2025 "
            "theo hướng dẫn của huyện.\n",
            "dvcq.danh_gia_hang_nam",
        ),
    ],
)
def test_a_yearly_act_denied_up_to_now_or_put_off_to_next_year_is_not_done_that_year(tmp_path, body, key):
    assert _values(_draft(tmp_path, body + CONTROL)) == {**PLAN, (key, 2024): False}


def test_a_denial_up_to_now_with_the_act_planned_later_that_year_drafts_nothing(tmp_path):
    head = HEAD.replace("18 tháng 12 năm 2024", "20 tháng 9 năm 2024")
    body = (
        "Đến nay, xã chưa tổ chức sơ kết phong trào thi đua “Dân vận khéo” giai đoạn 2021 - 2025; dự kiến tổ chức "
        "trong quý IV/2024.\n"
    )
    assert _values(_draft(tmp_path, body + CONTROL, head=head)) == PLAN


# --------------------------------------------------------------------------------------------------- layout: tables
# A table with a column of years ("Chỉ tiêu | Năm | Kế hoạch | Thực hiện"), a row for each year of an indicator, the
# label written once (the next row blank, or holding only its unit): each row is its year's — an earlier year's counts
# and states keep that year, never the table's own.

YEAR_ROWS = {
    "text": (
        "Bảng 1. Kết quả so sánh\n\n"
        "TT  Chỉ tiêu                                  Năm    Kế hoạch   Thực hiện   Tỷ lệ (%)\n"
        "1   Mô hình “Dân vận khéo” thành lập mới      2023   02         03          150\n"
        "    (mô hình)                                 2024   02         04          200\n"
        "2   Số thôn đạt danh hiệu thôn văn hóa        2023   12         11          91,7\n"
        "                                              2024   12         12          100\n"
    ),
    # a second writer: a Markdown table, the label's cell left empty under it
    "markdown": (
        "| Chỉ tiêu | Năm | Kế hoạch | Thực hiện | Tỷ lệ (%) |\n|---|---|---|---|---|\n"
        "| Mô hình “Dân vận khéo” thành lập mới | 2023 | 02 | 03 | 150 |\n"
        "|  | 2024 | 02 | 04 | 200 |\n"
        "| Số thôn đạt danh hiệu thôn văn hóa | 2023 | 12 | 11 | 91,7 |\n"
        "|  | 2024 | 12 | 12 | 100 |\n"
    ),
}


@pytest.mark.parametrize("layout", sorted(YEAR_ROWS))
def test_a_table_with_a_row_for_each_year(tmp_path, layout):
    values = _values(_draft(tmp_path, YEAR_ROWS[layout]))
    assert (values[("dvk.mo_hinh", 2023)], values[("dvk.mo_hinh", 2024)]) == (3, 4)
    assert (values[("dvk.ty_le_dat_bao_cao", 2023)], values[("dvk.ty_le_dat_bao_cao", 2024)]) == (150, 200)
    assert (values[("kdc.so_khu_van_hoa", 2023)], values[("kdc.so_khu_van_hoa", "as_of")]) == (11, 12)


@pytest.mark.parametrize(
    "body",
    [
        "Các năm từ 2022 đến 2024, UBND xã đều ban hành kế hoạch công tác dân vận chính quyền của năm (Kế hoạch số "
        "15/KH-UBND ngày 18/02/2022; số 21/KH-UBND ngày 03/3/2023; số 12/KH-UBND ngày 05/02/2024).\n",
        # a second writer: "trong các năm từ … đến nay"
        "Trong các năm từ năm 2022 đến nay, UBND xã đều xây dựng kế hoạch công tác dân vận chính quyền.\n",
    ],
)
def test_an_act_said_of_each_year_of_a_span_is_one_fact_for_each_year(tmp_path, body):
    values = _values(_draft(tmp_path, body))
    assert [values.get(("dvcq.ke_hoach_nam", y)) for y in (2022, 2023, 2024)] == [True, True, True]


# --------------------------------------------------------------------------------------------------- certainty
# A forecast of the whole year before it ends ("Ước cả năm …") is no result; the average of a higher unit is not the
# unit's; registering for a title is not holding it.


@pytest.mark.parametrize(
    "sentence",
    [
        "Ước cả năm đạt trên 90% kế hoạch.",
        # a second writer: "ước thực hiện đến hết năm"
        "Ước thực hiện đến hết năm giảm được 20 hộ, đạt 95,2% kế hoạch.",
    ],
)
def test_a_forecast_of_the_whole_year_is_no_result(tmp_path, sentence):
    body = f"Năm 2024, chỉ tiêu huyện giao là giảm 21 hộ nghèo; 9 tháng đầu năm đã giảm được 10 hộ. {sentence}\n"
    values = _values(_draft(tmp_path, body))
    assert values[("giam_ngheo.so_ho_giam", 2024)] == 10
    assert ("giam_ngheo.ty_le_hoan_thanh", 2024) not in values


@pytest.mark.parametrize(
    "sentence",
    [
        "Bình quân chung của thành phố, tỷ lệ hồ sơ giải quyết trực tuyến cấp xã đạt 59,3%.",
        # a second writer: the district's average, "trung bình"
        "Tỷ lệ hồ sơ giải quyết trực tuyến trung bình của huyện đạt 61,2%.",
        "Năm 2024, cả 12/12 khu dân cư đã đăng ký xây dựng khu dân cư “6 không”.",
    ],
)
def test_a_higher_units_average_or_a_registration_fills_nothing(tmp_path, sentence):
    assert _values(_draft(tmp_path, sentence + "\n" + CONTROL)) == PLAN


# --------------------------------------------------------------------------------------------------- the opening
# The opening (after the title, before the first section) states the unit's make-up: the number of its settlements is
# read there, and nothing else; so is a numbered item that states it.

OPENING = HEAD.replace(
    "I. KẾT QUẢ THỰC HIỆN\n",
    "{opening}\n\nI. KẾT QUẢ THỰC HIỆN\n",
)


@pytest.mark.parametrize(
    "opening, total",
    [
        ("Xã Đông Quang có mười bốn thôn, bon (08 thôn và 06 bon), 2.951 hộ. Năm 2024, xã giảm 05 hộ nghèo.", 14),
        # a second writer: the make-up after a merger, the settlements with another name in brackets
        (
            "Xã Đông Quang được thành lập trên cơ sở sắp xếp các xã Đông Hòa và Quang Trung; có 24 khu (tổ dân phố), "
            "9.870 hộ, 36.412 nhân khẩu.",
            24,
        ),
    ],
)
def test_the_units_make_up_in_the_opening_and_no_result_there(tmp_path, opening, total):
    values = _values(_draft(tmp_path, CONTROL, head=OPENING.format(opening=opening)))
    assert values == {**PLAN, ("kdc.tong_so_khu", "as_of"): total}


def test_the_units_make_up_as_a_numbered_item(tmp_path):
    body = "1. Xã có 12 thôn; tình hình an ninh trật tự ổn định.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == {**PLAN, ("kdc.tong_so_khu", "as_of"): 12}


# --------------------------------------------------------------------------------------------------- layout: sections
# A section of the other tasks carried out ("III. CÁC NHIỆM VỤ KHÁC") states results; a section of tasks ahead does
# not.


@pytest.mark.parametrize(
    "heading, read",
    [
        ("II. CÁC NHIỆM VỤ KHÁC", True),
        # a second writer: the results of the other tasks, in a bolder heading
        ("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ KHÁC", True),
        ("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", False),
    ],
)
def test_a_section_of_other_tasks_states_results(tmp_path, heading, read):
    body = CONTROL + f"\n{heading}\n\n- Tháng 4/2024, UBND xã tổ chức sơ kết phong trào thi đua “Dân vận khéo”.\n"
    values = _values(_draft(tmp_path, body))
    assert (values.get(("dvk.so_ket_phong_trao", 2024)) is True) is read


# --------------------------------------------------------------------------------------------------- header
# A report of the commune's Party committee, or of its Ban Dân vận: the unit's name stops before the board's line, the
# number may be hyphened without "Số:"'s colon, the plan answered is the committee's own ("…-KH/ĐU", never the
# district's "-KH/HU"), and the issuer is the committee.

PARTY_HEAD = """ĐẢNG BỘ TỈNH {province}
ĐẢNG ỦY XÃ NẬM CHÀ
{board}*
Số{number}

ĐẢNG CỘNG SẢN VIỆT NAM

Nậm Chà, ngày 20 tháng 11 năm 2025

BÁO CÁO
kết quả công tác dân vận năm 2025

Thực hiện Kế hoạch số 45-KH/HU ngày 02/3/2023 của Ban Thường vụ Huyện ủy, ngày 12/8/2025, Ban Thường vụ Đảng ủy xã
ban hành Kế hoạch số 07-KH/ĐU để triển khai trên địa bàn xã. Đảng ủy xã báo cáo như sau:

I. KẾT QUẢ THỰC HIỆN

"""


@pytest.mark.parametrize(
    "board, number, issuer",
    [
        ("BAN DÂN VẬN\n", " 12-BC/BDV", "Ban Dân vận Đảng ủy xã Nậm Chà"),
        # a second writer: the committee itself, "Số:" with its colon
        ("", ": 38-BC/ĐU", "Đảng ủy xã Nậm Chà"),
    ],
)
def test_a_party_committees_report_header(tmp_path, board, number, issuer):
    head = PARTY_HEAD.format(province="ĐIỆN BIÊN", board=board, number=number)
    draft = _draft(tmp_path, CONTROL.replace("2024", "2025"), head=head)
    assert draft["commune"]["name"] == "xã Nậm Chà"
    report = draft["report"]
    assert (report["issuer"], report["number"]) == (issuer, number.strip(": "))
    assert (report["plan"]["number"], str(report["plan"]["date"])) == ("07-KH/ĐU", "2025-08-12")


@pytest.mark.parametrize("these", ["Cũng trong 03 năm này", "Trong các năm nói trên"])
def test_the_years_just_named_named_again(tmp_path, these):
    body = (
        "Các năm 2022, 2023 và 2024, UBND xã đều tự đánh giá, chấm điểm kết quả công tác dân vận chính quyền theo "
        f"hướng dẫn của tỉnh. {these}, xã đều cử cán bộ, công chức tham gia các lớp tập huấn công tác dân vận do "
        "huyện tổ chức.\n"
    )
    values = _values(_draft(tmp_path, body, head=HEAD.replace("năm 2024\n\nI.", "các năm 2022 - 2024\n\nI.")))
    assert [values.get(("dvcq.cu_can_bo_tap_huan", y)) for y in (2022, 2023, 2024)] == [True, True, True]
