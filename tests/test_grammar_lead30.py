"""Structural rules of the genre the lead learned in stop 30 from the development corpus and the spent held-out sets
(BENCHMARKS.md), each tested on sentences written here, with a second writer's variant, through the real
`facts extract`. Precision first: a doubtful reading drafts nothing."""

from __future__ import annotations

import pytest

from test_grammar_forms import HEAD, _draft, _values
from test_grammar_lead28 import MERGED_HEAD
from test_grammar_round9 import CONTROL, PLAN

# --------------------------------------------------------------------------------------------------- totals now
# A running total of "Dân vận khéo" models with no start, said of now, is the state at the report's date (as_of):
# the unit's own stock, its verb right before the figure and the models' name right after it. A total whose start
# is named without a year, models only registered, another unit's total or a merged unit's "đến nay" (which runs from
# the merger) give nothing.


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Đến nay, toàn xã có 08 mô hình “Dân vận khéo” được công nhận và đang duy trì hoạt động.\n", 8),
        # a second writer: "Hiện" opening the clause, "đang duy trì", a number in words
        ("Hiện nay trên địa bàn xã đang duy trì mười một mô hình “Dân vận khéo” ở các lĩnh vực.\n", 11),
        ("Hiện toàn xã có 17 mô hình \"Dân vận khéo\" đang hoạt động.\n", 17),
    ],
)
def test_a_total_of_models_said_of_now_is_the_state_at_the_reports_date(tmp_path, body, value):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got == {("dvk.tong_so_mo_hinh_bao_cao", "as_of"): value, **PLAN}


@pytest.mark.parametrize(
    "body",
    [
        # the start named without its year: the span is not known
        "Lũy kế từ khi triển khai Đề án đến nay, xã có 05 mô hình “Dân vận khéo” được công nhận.\n",
        # models registered, not recognised; a figure of the models without their name
        "Hiện có 03 mô hình của các thôn đã đăng ký, đang hoàn thiện hồ sơ đề nghị công nhận “Dân vận khéo”.\n",
        "Đến nay có 03 mô hình: “Chợ 4.0”, “Tổ công nghệ số” và “Thôn không dùng tiền mặt”.\n",
        # another unit's total
        "Toàn huyện hiện có 41 mô hình “Dân vận khéo” được công nhận.\n",
    ],
)
def test_a_total_that_is_not_the_units_stock_now_gives_nothing(tmp_path, body):
    assert _values(_draft(tmp_path, body + CONTROL)) == PLAN


def test_in_a_merged_units_report_a_total_so_far_runs_from_the_merger_and_is_left_unread(tmp_path):
    for body in (
        "Tính đến nay, phường có 05 mô hình “Dân vận khéo” được công nhận.\n",
        # "thực hiện" holds no "hiện" of now
        "Qua thực hiện Kế hoạch, tính đến nay phường có 05 mô hình “Dân vận khéo” được công nhận.\n",
    ):
        got = _values(_draft(tmp_path, body + CONTROL.replace("2024", "2025"), head=MERGED_HEAD))
        assert got == {("dvcq.ke_hoach_nam", 2025): True}, body
    # "Hiện nay … đang duy trì" is the stock now, models of the former units included
    body = "Hiện nay trên địa bàn phường đang duy trì 11 mô hình “Dân vận khéo”, trong đó 07 mô hình do các đơn vị cũ xây dựng.\n"
    got = _values(_draft(tmp_path, body, head=MERGED_HEAD))
    assert got[("dvk.tong_so_mo_hinh_bao_cao", "as_of")] == 11


# --------------------------------------------------------------------------------------------------- a result column a year
# A review of several years puts a result column for each ("Kết quả 2022 | Kết quả 2023 | Kết quả 2024"), often after
# the plan's target and before a running total and an assessment: each column is its year's, the latest the report's
# own (its states are the state now), the running total runs from the first year, and the assessment speaks of the
# whole span. Before, the first result column was read as the report's year.

YEAR_COLUMNS = [
    (
        "| Chỉ tiêu | Mục tiêu Đề án | Kết quả 2022 | Kết quả 2023 | Kết quả 2024 | Lũy kế | Đánh giá |\n"
        "|---|---|---|---|---|---|---|\n"
        "| Mô hình “Dân vận khéo” thành lập mới | Mỗi năm ít nhất 01 mô hình | 02 | 01 | 02 | 05 | Vượt (đạt 166,7%) |\n"
        "| Tỷ lệ hồ sơ TTHC giải quyết trực tuyến | Từ 50% trở lên | 31,4% | 55% | 78,6% | - | Vượt |\n"
        "| Thôn đạt danh hiệu “Thôn văn hóa” | 100% | 10/12 | 11/12 | 12/12 | - | Đạt |\n"
    ),
    # a second writer: "Thực hiện năm …", the running total "Cộng dồn", no assessment, a unit column
    (
        "| Nội dung | ĐVT | Kế hoạch giai đoạn | Thực hiện năm 2022 | Thực hiện năm 2023 | Thực hiện năm 2024 | Cộng dồn |\n"
        "|---|---|---|---|---|---|---|\n"
        "| Mô hình “Dân vận khéo” được công nhận | mô hình | 03 | 02 | 01 | 02 | 05 |\n"
        "| Tỷ lệ hồ sơ giải quyết trực tuyến | % | 50 | 31,4 | 55 | 78,6 | - |\n"
        "| Thôn văn hóa | thôn | 12 | 10/12 | 11/12 | 12/12 | - |\n"
    ),
]


@pytest.mark.parametrize("table", YEAR_COLUMNS)
def test_a_result_column_for_each_year_gives_each_years_figures(tmp_path, table):
    got = _values(_draft(tmp_path, "Kết quả thực hiện các chỉ tiêu qua 03 năm:\n\n" + table))
    assert [got.get(("dvk.mo_hinh", y)) for y in (2022, 2023, 2024)] == [2, 1, 2]
    assert got[("dvk.tong_so_mo_hinh_bao_cao", "2022-2024")] == 5
    online = "dich_vu_cong.ty_le_ho_so_truc_tuyen"
    assert (got[(online, 2022)], got[(online, 2023)], got[(online, "as_of")]) == (31.4, 55, 78.6)
    assert (got[("kdc.so_khu_van_hoa", 2022)], got[("kdc.so_khu_van_hoa", "as_of")]) == (10, 12)
    # the first result column is no longer read as the report's year
    assert got.get((online, 2024)) is None and 31.4 not in {got.get(("dvk.ty_le_dat_bao_cao", 2024))}
    if "Đánh giá" in table:
        assert got[("dvk.ty_le_dat_bao_cao", "2022-2024")] == 166.7 and ("dvk.ty_le_dat_bao_cao", 2024) not in got


def test_a_table_of_one_years_result_and_a_running_total_is_read_as_before(tmp_path):
    """“Kết quả thực hiện” over “Năm 2024 | Lũy kế từ năm 2022”: one result year, the total a span of its own."""
    table = (
        "| Chỉ tiêu | Kế hoạch năm 2024 | Kết quả thực hiện năm 2024 | Kết quả thực hiện lũy kế từ năm 2022 | Đánh giá |\n"
        "|---|---|---|---|---|\n"
        "| Thành lập mô hình “Dân vận khéo” | 01 | 02 | 05 | Vượt |\n"
    )
    got = _values(_draft(tmp_path, "Kết quả các chỉ tiêu:\n\n" + table))
    assert got[("dvk.mo_hinh", 2024)] == 2 and got[("dvk.tong_so_mo_hinh_bao_cao", "2022-2024")] == 5
    assert got[("dvk.ty_le_dat_bao_cao", 2024)] == "achieved" and ("dvk.mo_hinh", 2022) not in got


# --------------------------------------------------------------------------------------------------- gross and net
# "N hộ thoát nghèo" beside households newly poor or back in poverty is the gross flow; when the sentence states the
# decrease ("số hộ nghèo giảm M hộ"), M is the figure. With no decrease stated, the households lifted out are.


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("Năm 2024 có 24 hộ thoát nghèo, phát sinh mới 03 hộ nghèo; số hộ nghèo giảm 21 hộ so với đầu năm.\n", 21),
        # a second writer: a list of flows, returning poor ones too
        (
            "Giảm nghèo: năm 2024 có 52 hộ thoát nghèo, 01 hộ tái nghèo, 04 hộ nghèo phát sinh; số hộ nghèo giảm 47 "
            "hộ, vượt chỉ tiêu huyện giao.\n",
            47,
        ),
        # no decrease stated: the households lifted out
        ("Năm 2024 có 24 hộ thoát nghèo, 03 hộ nghèo phát sinh.\n", 24),
    ],
)
def test_households_lifted_out_give_way_to_the_decrease_the_sentence_states(tmp_path, body, value):
    got = _values(_draft(tmp_path, body))
    assert got[("giam_ngheo.so_ho_giam", 2024)] == value


# --------------------------------------------------------------------------------------------------- the outline's words
# A report that answers a higher body's outline (đề cương) item by item often quotes, in brackets after the item's
# heading, what the outline asks and the plan's thresholds: that is no result, and the answer below it is.

OUTLINE_ITEMS = [
    "1. Kết quả các chỉ tiêu (đề cương yêu cầu nêu: số mô hình “Dân vận khéo” mới, chỉ tiêu mỗi xã từ 02 mô "
    "hình/năm; tỷ lệ hồ sơ xử lý trực tuyến, chỉ tiêu từ 50% trở lên đối với cấp xã; kết quả giảm nghèo)\n\n"
    "- Giảm nghèo: năm 2024 giảm 05 hộ nghèo.\n\n"
    "- Hồ sơ xử lý trực tuyến: 1.136 trên 1.874 hồ sơ, đạt 60,6% (cùng kỳ năm 2023 đạt 41,2%).\n",
    # a second writer: Markdown, the bracket in italics after a bold heading, "theo đề cương"
    "**1. Kết quả thực hiện các chỉ tiêu chủ yếu** *(theo đề cương: so sánh với chỉ tiêu Kế hoạch số 12-KH/ĐU: mỗi xã "
    "xây dựng ít nhất 01 mô hình “Dân vận khéo”/năm; tỷ lệ hồ sơ giải quyết trực tuyến đạt từ 50% trở lên; 100% thôn "
    "đạt danh hiệu văn hóa)*\n\n"
    "- **Giảm nghèo:** năm 2024 giảm được 05 hộ nghèo.\n"
    "- **Thủ tục hành chính:** tiếp nhận 1.874 hồ sơ, trong đó 1.136 hồ sơ giải quyết trực tuyến, tỷ lệ 60,6%.\n",
]


@pytest.mark.parametrize("body", OUTLINE_ITEMS)
def test_the_outlines_thresholds_in_brackets_are_no_result(tmp_path, body):
    draft = _draft(tmp_path, body)
    online = [f for f in draft["facts"] if f["indicator"] == "dich_vu_cong.ty_le_ho_so_truc_tuyen"]
    assert [f["value"] for f in online if f["period"] == "as_of"] == [60.6], online
    assert not [f for f in draft["facts"] if f["indicator"] == "dvk.mo_hinh"]


# --------------------------------------------------------------------------------------------------- years said twice
# "Năm trước (2023) | Năm nay (2024) | So sánh (%)": a column headed by the year said in words and in figures, or by
# its year and a remark, is that year's column.

LAST_AND_THIS_YEAR = [
    (
        "| TT | Chỉ tiêu | ĐVT | Năm trước (2023) | Năm nay (2024) | So sánh (%) |\n|---|---|---|---|---|---|\n"
        "| 1 | Số hộ nghèo giảm | hộ | 06 | 04 | 66,7 |\n"
        "| 2 | Tỷ lệ hồ sơ TTHC giải quyết trực tuyến | % | 52,4 | 81,7 | 155,9 |\n"
        "| 3 | Thôn đạt danh hiệu “Thôn văn hóa” | thôn | 8/9 | 9/9 | 112,5 |\n"
    ),
    # a second writer: the year and a remark in brackets
    (
        "| Chỉ tiêu | Năm 2023 (cả năm) | Năm 2024 (đến 30/11) | Ghi chú |\n|---|---|---|---|\n"
        "| Số hộ nghèo giảm | 06 hộ | 04 hộ | |\n"
        "| Tỷ lệ hồ sơ TTHC giải quyết trực tuyến | 52,4% | 81,7% | |\n"
        "| Thôn đạt danh hiệu “Thôn văn hóa” | 8/9 thôn | 9/9 thôn | |\n"
    ),
]


@pytest.mark.parametrize("table", LAST_AND_THIS_YEAR)
def test_a_column_of_last_year_and_one_of_this_year_give_each_years_figures(tmp_path, table):
    got = _values(_draft(tmp_path, "Kết quả so với năm trước:\n\n" + table))
    assert (got[("giam_ngheo.so_ho_giam", 2023)], got[("giam_ngheo.so_ho_giam", 2024)]) == (6, 4)
    online = "dich_vu_cong.ty_le_ho_so_truc_tuyen"
    assert (got[(online, 2023)], got[(online, "as_of")]) == (52.4, 81.7)
    assert (got[("kdc.so_khu_van_hoa", 2023)], got[("kdc.so_khu_van_hoa", "as_of")]) == (8, 9)
    assert 155.9 not in got.values() and 66.7 not in got.values()


# --------------------------------------------------------------------------------------------------- lists over semicolons
# Coordination rules listed over semicolons, each item opening on the document's kind (or on what the commune does
# with it: "; UBND xã duy trì Quy chế …"), are one enumeration: counted and their partners named together, though the
# capital after the semicolon looks like a new sentence.

RULE_LISTS = [
    "UBND phường duy trì thực hiện Quy chế phối hợp số 01/QCPH-UBND-MTTQ ngày 06/01/2021 với Ủy ban MTTQ Việt Nam "
    "phường; Quy chế phối hợp số 02/QCPH-UBND-ĐTN ngày 06/01/2021 với Đoàn Thanh niên phường; năm 2024 ký mới Quy chế "
    "phối hợp số 03/QCPH-UBND-CCB ngày 14/3/2024 với Hội Cựu chiến binh phường.\n",
    # a second writer: the later items led by the commune's act
    "UBND xã tiếp tục thực hiện Quy chế phối hợp số 01/QCPH-UBND-MTTQ ngày 06/01/2021 với Ủy ban MTTQ Việt Nam xã; "
    "UBND xã duy trì Quy chế phối hợp số 02/QCPH-UBND-ĐTN ngày 20/8/2021 với Đoàn Thanh niên xã; UBND xã ký mới Quy "
    "chế phối hợp số 03/QCPH-UBND-CCB ngày 14/3/2024 với Hội Cựu chiến binh xã.\n",
]


@pytest.mark.parametrize("body", RULE_LISTS)
def test_rules_listed_over_semicolons_are_one_enumeration(tmp_path, body):
    draft = _draft(tmp_path, body)
    got = _values(draft)
    assert got[("dvcq.so_quy_che_neu", "as_of")] == 3
    (partners,) = [f for f in draft["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop"]
    assert [i["name"].split()[0:2] for i in partners["items"]] == [["Ủy", "ban"], ["Đoàn", "Thanh"], ["Hội", "Cựu"]]


# --------------------------------------------------------------------------------------------------- said another way
# "giảm 11 hộ nghèo trên tổng số 10 hộ tỉnh giao": the figure after "trên (tổng số)" that the higher level gave is the
# target; "trong đó nộp trực tuyến 1.013 hồ sơ, chiếm 68,4%": the online share with its verb before the count.


@pytest.mark.parametrize(
    "body",
    [
        "Về giảm nghèo: năm 2024 xã giảm 11 hộ nghèo trên tổng số 10 hộ huyện giao, vượt chỉ tiêu.\n",
        # a second writer: "trên" alone, the target "được giao"
        "Năm 2024, toàn xã giảm được 11 hộ nghèo trên 10 hộ được huyện giao.\n",
    ],
)
def test_a_result_over_the_number_given_gives_the_target(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert (got[("giam_ngheo.so_ho_giam", 2024)], got[("giam_ngheo.chi_tieu_giao", 2024)]) == (11, 10)


@pytest.mark.parametrize(
    "body",
    [
        "Năm 2024, bộ phận một cửa tiếp nhận 1.482 hồ sơ; trong đó nộp trực tuyến 1.013 hồ sơ, chiếm 68,4%.\n",
        # a second writer: "tiếp nhận trực tuyến", "đạt"
        "Trong năm, xã tiếp nhận trực tuyến 1.013 hồ sơ trên tổng số 1.482 hồ sơ, đạt 68,4%.\n",
    ],
)
def test_the_online_share_with_its_verb_before_the_count(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of")] == 68.4


# --------------------------------------------------------------------------------------------------- estimates in tables
HEAD_JUNE = HEAD.replace("ngày 18 tháng 12 năm 2024", "ngày 20 tháng 6 năm 2024")
# A part-year table with an estimate of the whole year ("TH 6 tháng | Ước TH cả năm | So KH (%)"): the rate after the
# estimate is the estimate's, no result; a year column with a remark ("2026 (đến 15/11)") is that year's.

ESTIMATE_TABLES = [
    (
        "| TT | Chỉ tiêu | ĐVT | KH giao năm 2024 | TH 6 tháng | Ước TH cả năm | So KH (%) |\n|---|---|---|---|---|---|---|\n"
        "| 1 | Thành lập mới mô hình “Dân vận khéo” | Mô hình | 02 | 01 | 02 | 100 |\n"
        "| 2 | Giảm hộ nghèo | Hộ | 04 | 02 | 04 | 100 |\n"
    ),
    # a second writer: "Dự kiến cả năm", the rate "Tỷ lệ so kế hoạch (%)"
    (
        "| Nội dung | Kế hoạch năm | Thực hiện 6 tháng | Dự kiến cả năm | Tỷ lệ so kế hoạch (%) |\n|---|---|---|---|---|\n"
        "| Mô hình “Dân vận khéo” được công nhận | 02 | 01 | 02 | 100 |\n"
        "| Giảm hộ nghèo (hộ) | 04 | 02 | 04 | 100 |\n"
    ),
]


@pytest.mark.parametrize("table", ESTIMATE_TABLES)
def test_the_rate_after_an_estimate_of_the_whole_year_is_no_result(tmp_path, table):
    head = HEAD_JUNE
    got = _values(_draft(tmp_path, "Kết quả 6 tháng đầu năm:\n\n" + table, head=head))
    assert ("dvk.ty_le_dat_bao_cao", 2024) not in got and ("giam_ngheo.ty_le_hoan_thanh", 2024) not in got
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 2


def test_a_year_column_with_a_remark_is_that_years(tmp_path):
    table = (
        "| Chỉ tiêu | 2022 | 2023 | 2024 (đến 15/11) |\n|---|---|---|---|\n"
        "| Chỉ tiêu giảm hộ nghèo được giao (hộ) | 60 | 55 | 45 |\n"
        "| Số hộ nghèo giảm (hộ) | 64 | 58 | 37 |\n"
    )
    got = _values(_draft(tmp_path, "Các chỉ tiêu qua từng năm:\n\n" + table))
    assert [got.get(("giam_ngheo.chi_tieu_giao", y)) for y in (2022, 2023, 2024)] == [60, 55, 45]


# --------------------------------------------------------------------------------------------------- a decrease over years
# A review gives the poor households' decrease summed over the years it names: the span, as the corpus reads a running
# total; a year's decrease in the same report stays that year's.


@pytest.mark.parametrize(
    "body",
    [
        "Năm 2024, xã giảm 05 hộ nghèo. Lũy kế từ năm 2022 đến nay, xã giảm 14 hộ nghèo; hiện còn 11 hộ nghèo.\n",
        # a second writer: "cả giai đoạn", the span written out
        "Năm 2024 giảm 05 hộ nghèo, đạt chỉ tiêu huyện giao. Cả giai đoạn 2022 - 2024, toàn xã giảm được 14 hộ nghèo.\n",
    ],
)
def test_a_decrease_summed_over_the_years_a_review_names_is_the_spans(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert (got[("giam_ngheo.so_ho_giam", 2024)], got[("giam_ngheo.so_ho_giam", "2022-2024")]) == (5, 14)


# --------------------------------------------------------------------------------------------------- bare denials
# An outline's items answered by a bare denial ("- Du lịch nông thôn: Không.") deny the models the label names; a
# label naming no kind of model, or a figure, is no such answer.


@pytest.mark.parametrize(
    "body",
    [
        "3. Vận động Nhân dân phát triển kinh tế:\n"
        "- Kinh tế nông nghiệp thích ứng với biến đổi khí hậu: Không.\n- Du lịch nông thôn: Không.\n",
        # a second writer: "Chưa có", one label naming both kinds
        "Kết quả xây dựng mô hình theo từng lĩnh vực:\n\n"
        "+ Kinh tế nông nghiệp thích ứng biến đổi khí hậu, du lịch nông thôn: Chưa có.\n",
    ],
)
def test_a_label_answered_by_a_bare_denial_denies_the_models_it_names(tmp_path, body):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got[("van_dong.nong_nghiep_bdkh.so_mo_hinh", "as_of")] == 0
    assert got[("van_dong.du_lich_nong_thon.so_mo_hinh", "as_of")] == 0


def test_a_bare_denial_of_something_other_than_models_gives_nothing(tmp_path):
    body = "Tình hình thực hiện:\n- Giảm nghèo: Không.\n- Thủ tục hành chính: Chưa.\n"
    assert _values(_draft(tmp_path, body + CONTROL)) == PLAN


# An item or question of the outline, then a paragraph that is only a denial ("Chưa thực hiện.", "Trả lời: Không."):
# the act the item names was not done, or, when it names no act, the models it names are none.

ANSWERED_ITEMS = [
    "3. Việc ký kết giao ước thi đua giữa UBND xã với Ủy ban MTTQ và các tổ chức chính trị - xã hội\n\n"
    "Chưa thực hiện.\n\n"
    "- Vận động Nhân dân tham gia chuyển đổi số\n\nChưa thực hiện.\n",
    # a second writer: questions answered "Trả lời: …"
    "3. Việc ký kết giao ước thi đua giữa chính quyền với Mặt trận và các đoàn thể?\nTrả lời: Không.\n\n"
    "4. Vận động Nhân dân tham gia chuyển đổi số?\nTrả lời: Chưa có.\n",
]


@pytest.mark.parametrize("body", ANSWERED_ITEMS)
def test_an_item_answered_by_a_bare_denial_was_not_done(tmp_path, body):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got[("dvcq.giao_uoc_thi_dua", 2024)] is False
    assert got[("van_dong.chuyen_doi_so.so_mo_hinh", "as_of")] == 0
    assert ("dvk.mo_hinh", 2024) not in got


def test_a_question_about_an_act_answered_no_is_not_a_denial_of_models(tmp_path):
    body = "7. Việc sơ kết, tổng kết phong trào thi đua “Dân vận khéo”?\nTrả lời: Không.\n"
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got[("dvk.so_ket_phong_trao", 2024)] is False and ("dvk.mo_hinh", 2024) not in got


# --------------------------------------------------------------------------------------------------- a denial's reason
# A denial that gives its reason ("… do Đề án ban hành vào cuối năm") keeps the year it states: a time in the reason is
# the reason's.


@pytest.mark.parametrize(
    ("body", "key", "year"),
    [
        (
            "Năm 2023 chưa công nhận mô hình “Dân vận khéo” nào do Kế hoạch ban hành vào cuối năm.\n",
            "dvk.mo_hinh",
            2023,
        ),
        # a second writer: "vì", the poor households
        (
            "Năm 2023, xã không có hộ nghèo nào thoát nghèo vì việc rà soát chỉ thực hiện vào cuối năm.\n",
            "giam_ngheo.so_ho_giam",
            2023,
        ),
        # no year stated: the report's own
        (
            "Đến nay chưa có hộ nào thoát nghèo do việc rà soát hộ nghèo chỉ thực hiện vào cuối năm.\n",
            "giam_ngheo.so_ho_giam",
            2024,
        ),
    ],
)
def test_a_denial_keeps_its_year_whatever_time_its_reason_names(tmp_path, body, key, year):
    got = _values(_draft(tmp_path, body + CONTROL))
    assert got[(key, year)] == 0
    assert [k for k in got if k[0] == key] == [(key, year)]
