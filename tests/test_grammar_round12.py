"""Structural rules of the genre learned from held-out sets 15 and 16 once they were retired (BENCHMARKS.md "Round
12"): how a table is cut into cells, which rows and labels give which year, how criteria named in a list are read —
each tested on sentences and tables written here (other communes, other wording), with a second writer's variant,
through the real `facts extract`. Precision first: a doubtful reading drafts nothing or is marked for review."""

from __future__ import annotations

import pytest

from test_grammar_forms import _draft, _values
from test_grammar_round9 import CONTROL
from test_grammar_round10 import MERGED_2026

# --------------------------------------------------------------------------------------------------- layout (tables)
# A plain-text table aligned with spaces may set its figures flush right under their headers ("KH năm 2024" over
# "    05"): a figure belongs to the header it lies under, not to the next header it happens to start nearer to.

RIGHT_ALIGNED = """Bảng 1. Kết quả các chỉ tiêu

 TT   Chỉ tiêu                          ĐVT      Kế hoạch năm   Thực hiện   Tỷ lệ (%)
 1    Số hộ nghèo giảm                  hộ                 06          05        83,3
 2    Tỷ lệ hồ sơ giải quyết trực tuyến %                  55        61,4       111,6
"""

# a second writer: short headers, figures flush right and a wide notes column
RIGHT_ALIGNED_2 = """ STT  Nội dung                     Đơn vị    KH 2024    TH 2024     Ghi chú
 1    Giảm hộ nghèo                hộ            08         06     huyện giao
 2    Hồ sơ TTHC giải quyết trực tuyến  %       60       64,5
"""


@pytest.mark.parametrize(
    "table, plan, actual, online",
    [(RIGHT_ALIGNED, 6, 5, 61.4), (RIGHT_ALIGNED_2, 8, 6, 64.5)],
)
def test_a_figure_set_flush_right_belongs_to_the_header_it_lies_under(tmp_path, table, plan, actual, online):
    got = _values(_draft(tmp_path, table))
    assert got.get(("giam_ngheo.so_ho_giam", 2024)) == actual
    assert got.get(("giam_ngheo.chi_tieu_giao", 2024)) == plan
    assert [v for k, v in got.items() if k[0] == "dich_vu_cong.ty_le_ho_so_truc_tuyen"] == [online]


# A table the other way round (a row for each year, the indicators as columns) may end on a row of the report's own
# part-year ("6 tháng 2024"): the table is still read by its columns, that row as the year so far, a row of part of an
# earlier year as nothing. A header naming a result over its target ("Hộ nghèo giảm / chỉ tiêu giao") makes a cell
# "04/03 hộ" the result and the target, not a part of a whole.

YEAR_ROWS = """| Năm | Mô hình "Dân vận khéo" công nhận mới | Hộ nghèo giảm / chỉ tiêu huyện giao | Tỷ lệ hồ sơ giải quyết trực tuyến |
|---|---|---|---|
| 2022 | 01 mô hình | 05/04 hộ | 38,5% |
| 2023 | 02 mô hình | 03/03 hộ | 52,0% |
| {part} | 01 mô hình | 01/03 hộ | 66,1% |
"""

# a second writer: years written "Năm 2022", the result over its plan named "kế hoạch"
YEAR_ROWS_2 = """| Kỳ | Số mô hình “Dân vận khéo” được công nhận | Số hộ thoát nghèo / kế hoạch | Tỷ lệ hồ sơ trực tuyến |
|---|---|---|---|
| Năm 2022 | 01 | 05/04 | 38,5% |
| Năm 2023 | 02 | 03/03 | 52,0% |
| {part} | 01 | 01/03 | 66,1% |
"""


@pytest.mark.parametrize("table", [YEAR_ROWS, YEAR_ROWS_2])
def test_a_table_of_year_rows_ending_on_the_reports_part_year_is_read_by_its_columns(tmp_path, table):
    got = _values(_draft(tmp_path, table.format(part="6 tháng 2024")))
    assert got[("dvk.mo_hinh", 2022)] == 1 and got[("dvk.mo_hinh", 2023)] == 2
    assert got[("giam_ngheo.so_ho_giam", 2022)] == 5 and got[("giam_ngheo.chi_tieu_giao", 2022)] == 4
    assert got[("giam_ngheo.so_ho_giam", 2023)] == 3 and got[("giam_ngheo.chi_tieu_giao", 2023)] == 3
    assert got[("dich_vu_cong.ty_le_ho_so_truc_tuyen", 2022)] == 38.5
    # the report's own part-year is its figure so far
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 1
    assert not [k for k in got if k[0].startswith("kdc.")]


@pytest.mark.parametrize("table", [YEAR_ROWS, YEAR_ROWS_2])
def test_a_row_of_part_of_an_earlier_year_gives_no_figure_of_that_year(tmp_path, table):
    got = _values(_draft(tmp_path, table.format(part="6 tháng 2023").replace("2023 |", "2021 |")))
    assert got[("giam_ngheo.so_ho_giam", 2022)] == 5
    assert ("giam_ngheo.so_ho_giam", 2023) not in got and ("dvk.mo_hinh", 2023) not in got


# --------------------------------------------------------------------------------------------------- kind (criteria)
# The criteria of nông thôn mới nâng cao may be named as met in a list after the count ("đạt 16/19 tiêu chí …, cụ thể:
# A; B; …"): each is met, when the list names as many as the count says; the list stops at the criteria not met.
# Criteria not met may follow "…, gồm:" with a comma before it. Criteria named alone before "đã đạt" are met.

_MET = [
    "Quy hoạch",
    "Giao thông",
    "Thủy lợi và phòng, chống thiên tai",
    "Điện",
    "Giáo dục",
    "Văn hóa",
    "Cơ sở hạ tầng thương mại nông thôn",
    "Thông tin và Truyền thông",
    "Nhà ở dân cư",
    "Lao động",
    "Tổ chức sản xuất và phát triển kinh tế nông thôn",
    "Y tế",
    "Hành chính công",
    "Tiếp cận pháp luật",
    "Quốc phòng và An ninh",
    "Nghèo đa chiều",
]
_MET_KEYS = ["tc01", "tc02", "tc03", "tc04", "tc05", "tc06", "tc07", "tc08", "tc09", "tc12", "tc13", "tc14"]


@pytest.mark.parametrize(
    "body",
    [
        "4. Xây dựng nông thôn mới nâng cao\n\nĐến nay, xã tự đánh giá đạt 16/19 tiêu chí xã nông thôn mới nâng cao, cụ "
        "thể: " + "; ".join(_MET) + ". Còn lại 03 tiêu chí chưa đạt, gồm: Thu nhập; Môi trường; Chất lượng môi trường "
        "sống.\n",
        # a second writer: "gồm" and commas, the criteria not met in the same sentence after "còn"
        "4. Nông thôn mới nâng cao\n\nTheo Bộ tiêu chí xã nông thôn mới nâng cao, xã đã hoàn thành 16/19 tiêu chí, gồm: "
        + ", ".join(_MET)
        + "; còn 03 tiêu chí chưa đạt là Thu nhập, Môi trường và Chất lượng môi trường sống.\n",
    ],
)
def test_criteria_listed_after_the_count_met_are_met_and_those_after_it_not(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert got[("ntm_nc.so_tieu_chi_dat", "as_of")] == 16
    for key in _MET_KEYS + ["tc11", "tc15", "tc16", "tc19"]:
        assert got[(f"ntm_nc.{key}", "as_of")] == "dat", key
    for key in ("tc10", "tc17", "tc18"):
        assert got[(f"ntm_nc.{key}", "as_of")] == "chua_dat", key


@pytest.mark.parametrize(
    "body",
    [
        # the list names fewer criteria than the count: no evidence of which are met
        "4. Nông thôn mới nâng cao\n\nXã đã đạt 16/19 tiêu chí xã nông thôn mới nâng cao, cụ thể: Giao thông; Điện; "
        "Y tế và các tiêu chí khác.\n",
        # the basic set's criteria
        "4. Nông thôn mới nâng cao\n\nNăm 2019, xã đạt 19/19 tiêu chí nông thôn mới, gồm: " + "; ".join(_MET) + ".\n",
    ],
)
def test_a_list_that_disagrees_with_its_count_or_names_the_basic_set_gives_no_criterion(tmp_path, body):
    got = _values(_draft(tmp_path, CONTROL + body))
    assert not [k for k in got if k[0].startswith("ntm_nc.tc")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Các tiêu chí Giao thông, Điện và Y tế đã đạt.",
        "Tiêu chí số 2 về Giao thông, tiêu chí Điện và tiêu chí Y tế đều đạt.",
    ],
)
def test_criteria_named_alone_before_đã_đạt_are_met(tmp_path, sentence):
    body = (
        "4. Nông thôn mới nâng cao\n\nRà soát theo Bộ tiêu chí xã nông thôn mới nâng cao, xã đạt 12/19 tiêu chí. "
        + sentence
        + "\n"
    )
    got = _values(_draft(tmp_path, body))
    assert {k[0] for k, v in got.items() if v == "dat"} == {"ntm_nc.tc02", "ntm_nc.tc04", "ntm_nc.tc14"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Các tiêu chí Giao thông, Điện đã đạt yêu cầu về hồ sơ.",
        "Các tiêu chí Giao thông ở các thôn vùng sâu đã đạt.",
    ],
)
def test_criteria_named_with_other_words_are_not_read_as_met(tmp_path, sentence):
    body = "4. Nông thôn mới nâng cao\n\nRà soát theo Bộ tiêu chí xã nông thôn mới nâng cao. " + sentence + "\n"
    got = _values(_draft(tmp_path, CONTROL + body))
    assert not [k for k in got if k[0].startswith("ntm_nc.tc")]


# --------------------------------------------------------------------------------------------------- subject (bracket)
# A figure in a bracket that opens on it details the words before the bracket: the basic title's criteria in brackets
# after "đạt chuẩn nông thôn mới năm 2019" are no count of the nâng cao criteria.


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã được công nhận đạt chuẩn nông thôn mới năm 2018 (đạt 19/19 tiêu chí).",
        "Xã đã đạt chuẩn nông thôn mới từ năm 2017 (với 19/19 tiêu chí), nay phấn đấu lên nâng cao.",
    ],
)
def test_the_basic_titles_criteria_in_brackets_are_no_count_of_the_advanced_ones(tmp_path, sentence):
    body = "4. Xây dựng nông thôn mới nâng cao\n\n" + sentence + "\n"
    got = _values(_draft(tmp_path, CONTROL + body))
    assert not [k for k in got if k[0] == "ntm_nc.so_tieu_chi_dat"]


# --------------------------------------------------------------------------------------------------- tables: columns
# A chỉ tiêu table may set a running total beside the year's result ("Lũy kế từ năm 2022"): it is the span from that
# year to the table's, read only by the indicators counted over a span (never as the earlier year's figure); an
# assessment column ("Đánh giá": "Vượt", "Chưa đạt (77,8%)") is a claim on the row's target, or its rate; an indicator
# with no topic words of its own is named in a row label by its unit and its verb ("Bò giống hỗ trợ hộ nghèo").

CUMULATIVE = """| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2024 | Thực hiện năm 2024 | Lũy kế từ năm 2022 | Đánh giá |
|---|---|---|---|---|---|---|
| 1 | Mô hình “Dân vận khéo” được công nhận | mô hình | 02 | 03 | 07 | Vượt |
| 2 | Giảm hộ nghèo theo chỉ tiêu huyện giao | hộ | 08 | 06 | 21 | Chưa đạt (75%) |
| 3 | Bò giống hỗ trợ hộ nghèo | con | 10 | 11 | 30 | Vượt |
| 4 | Tổ dân phố đạt danh hiệu văn hóa | tổ | 10/10 | 9/10 | – | Chưa đạt (90%) |
"""

# a second writer: "Cộng dồn từ 2022", the assessment in other words
CUMULATIVE_2 = """| STT | Nội dung chỉ tiêu | Đơn vị | KH 2024 | Thực hiện 2024 | Cộng dồn từ 2022 đến nay | Đánh giá |
|---|---|---|---|---|---|---|
| 1 | Số mô hình “Dân vận khéo” | mô hình | 02 | 03 | 07 | Đạt |
| 2 | Số hộ nghèo giảm (chỉ tiêu huyện giao) | hộ | 08 | 06 | 21 | Không đạt (75%) |
| 3 | Số con bò giống cấp hỗ trợ cho hộ nghèo | con | 10 | 11 | 30 | Vượt kế hoạch |
| 4 | Tổ dân phố văn hóa | đơn vị | 10/10 | 9/10 | – | Không đạt (90%) |
"""


@pytest.mark.parametrize("table", [CUMULATIVE, CUMULATIVE_2])
def test_a_running_total_column_is_the_span_and_the_assessment_a_claim(tmp_path, table):
    draft = _draft(tmp_path, table)
    got = _values(draft)
    assert got[("dvk.tong_so_mo_hinh_bao_cao", "2022-2024")] == 7
    assert got[("ntm.ho_tro_bo_giong", "2022-2024")] == 30
    assert got[("ntm.ho_tro_bo_giong", 2024)] == 11
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 6 and got[("giam_ngheo.chi_tieu_giao", 2024)] == 8
    assert got[("giam_ngheo.ty_le_hoan_thanh", 2024)] == 75
    assert got[("dvk.ty_le_dat_bao_cao", 2024)] == "achieved"
    # the running total is no figure of its first year; the poor households lifted out over it are its span's, as the
    # corpus reads "Lũy kế từ năm 2022 … giảm 21 hộ nghèo" (held-out 15, 35 and 66 drafted so)
    assert not [k for k in got if k[1] == 2022]
    assert got[("giam_ngheo.so_ho_giam", "2022-2024")] == 21
    # the rate in an assessment of a title held is no count of the units holding it
    assert got[("kdc.so_khu_van_hoa", "as_of")] == 9 and 90 not in got.values()


# --------------------------------------------------------------------------------------------------- subject (partners)
# The partner of a quy chế may be named as a co-subject of the act on it: after the unit's own body, with a verb of
# keeping it ("UBND phường và Ủy ban MTTQ … tiếp tục thực hiện Quy chế …"), or before it ("Ban Thường trực Ủy ban MTTQ
# … và UBND xã ký Quy chế …").


@pytest.mark.parametrize(
    "sentence, partner",
    [
        (
            "UBND xã và Hội Nông dân xã tiếp tục thực hiện Quy chế phối hợp số 04/QCPH-UBND-HND ngày 12/3/2023.",
            "Hội Nông dân xã",
        ),
        (
            "Ngày 20/3/2024, Ban Thường trực Ủy ban MTTQ Việt Nam xã và UBND xã ký Quy chế phối hợp số 02/QCPH-MTTQ-UBND "
            "về giám sát và phản biện xã hội.",
            "Ban Thường trực Ủy ban MTTQ Việt Nam xã",
        ),
    ],
)
def test_the_partner_named_as_co_subject_of_the_act_on_the_rule(tmp_path, sentence, partner):
    draft = _draft(tmp_path, sentence + "\n")
    got = _values(draft)
    assert got[("dvcq.quy_che_phoi_hop", "as_of")] is True and got[("dvcq.so_quy_che_neu", "as_of")] == 1
    names = [i["name"] for f in draft["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop" for i in f["items"]]
    assert names == [partner]


def test_the_unions_named_together_as_co_subject_are_no_partner_one_by_one(tmp_path):
    draft = _draft(
        tmp_path,
        "UBND xã và các đoàn thể chính trị - xã hội tiếp tục thực hiện Quy chế phối hợp số 03/QCPH ngày 02/02/2022.\n",
    )
    assert not [f for f in draft["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop"]


# --------------------------------------------------------------------------------------------------- period (formed)
# A unit formed in mid-year existed only in that year's last months: "6 tháng cuối năm 2025" of a unit formed on
# 01/7/2025 is all of its 2025. The last months of an earlier year, or of a unit not formed then, stay a part.


@pytest.mark.parametrize(
    "sentence",
    [
        "Trong 6 tháng cuối năm 2025, xã đã công nhận 02 mô hình “Dân vận khéo”.",
        "Sáu tháng cuối năm 2025, UBND xã công nhận hai mô hình “Dân vận khéo” (chưa đặt tên).",
    ],
)
def test_the_last_months_of_the_year_the_unit_was_formed_are_that_years(tmp_path, sentence):
    got = _values(_draft(tmp_path, CONTROL + sentence + "\n", head=MERGED_2026))
    assert got[("dvk.mo_hinh", 2025)] == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Trong 6 tháng cuối năm 2024, xã Phú Lộc (cũ) đã công nhận 02 mô hình “Dân vận khéo”.",
        "Sáu tháng đầu năm 2025, các xã cũ công nhận hai mô hình “Dân vận khéo”.",
    ],
)
def test_other_months_are_still_a_part_of_their_year(tmp_path, sentence):
    got = _values(_draft(tmp_path, CONTROL + sentence + "\n", head=MERGED_2026))
    assert not [k for k in got if k[0] == "dvk.mo_hinh" and k[1] in (2024, 2025)]


# --------------------------------------------------------------------------------------------------- period (every)
# "Hằng năm … đều …" followed by a bracket that names the years one item each ("năm 2023: Kế hoạch số …; năm 2024:
# …"): each year the bracket names is a year of the act, not only the report's own.


@pytest.mark.parametrize(
    "sentence",
    [
        "Hằng năm UBND xã đều ban hành kế hoạch công tác dân vận chính quyền (năm 2023: Kế hoạch số 09/KH-UBND ngày "
        "10/02/2023; năm 2024: Kế hoạch số 06/KH-UBND ngày 22/01/2024).",
        "Hàng năm, Ủy ban nhân dân xã đều xây dựng và ban hành kế hoạch thực hiện công tác dân vận chính quyền (năm "
        "2023: Kế hoạch số 09/KH-UBND; năm 2024: Kế hoạch số 06/KH-UBND).",
    ],
)
def test_every_year_with_the_years_named_in_a_bracket(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("dvcq.ke_hoach_nam", 2023)] is True and got[("dvcq.ke_hoach_nam", 2024)] is True
    assert not [k for k in got if k[0] == "dvcq.ke_hoach_nam" and k[1] not in (2023, 2024)]


# A span may end on a quarter ("Từ năm 2022 đến hết quý III/2024"): the span runs to that quarter's year.


@pytest.mark.parametrize(
    "sentence",
    [
        "Từ năm 2022 đến hết quý III/2024, xã đã xây dựng được 06 mô hình “Dân vận khéo”, đều còn duy trì.",
        "Từ năm 2022 đến quý II năm 2024, toàn xã có tổng cộng 06 mô hình “Dân vận khéo” được công nhận.",
    ],
)
def test_a_span_ending_on_a_quarter(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("dvk.tong_so_mo_hinh_bao_cao", "2022-2024")] == 6


# --------------------------------------------------------------------------------------------------- layout (lists)
# A numbered heading that ends with a colon ("1.3. Các quy chế phối hợp đang thực hiện:") opens a list: its items are
# one enumeration, counted and their partners named together, as under a lead sentence.


@pytest.mark.parametrize(
    "lead, marker",
    [("1.3. Các quy chế phối hợp đang thực hiện:", "-"), ("b) Quy chế phối hợp còn hiệu lực, gồm:", "+")],
)
def test_the_items_under_a_numbered_heading_that_opens_a_list_are_one_enumeration(tmp_path, lead, marker):
    body = (
        f"1. Công tác lãnh đạo\n\n{lead}\n\n"
        f"{marker} Quy chế phối hợp số 04/QCPH-UBND-MTTQ ngày 02/8/2025 giữa UBND xã với Ủy ban MTTQ Việt Nam xã;\n"
        f"{marker} Quy chế phối hợp số 05/QCPH-UBND-HND ngày 02/8/2025 giữa UBND xã với Hội Nông dân xã.\n"
    )
    draft = _draft(tmp_path, body)
    got = _values(draft)
    assert got[("dvcq.so_quy_che_neu", "as_of")] == 2 and got[("dvcq.doi_tac_phoi_hop", "as_of")] == 2


# A sentence may end on a closing quote and start on a figure ("… “Dân vận khéo”. 9 tháng đầu năm 2024, …"): the
# second sentence is one of its own, and its claim is of its own year, not of the year the first one named.


@pytest.mark.parametrize(
    "body",
    [
        "Năm 2023, xã xây dựng được hai mô hình “Dân vận khéo”. 9 tháng đầu năm 2024, xã xây dựng ba mô hình “Dân vận "
        "khéo”, vượt chỉ tiêu cả năm.\n",
        "Năm 2023 xã công nhận 02 mô hình \"Dân vận khéo\". 6 tháng đầu năm 2024, UBND xã công nhận 03 mô hình \"Dân vận "
        "khéo\", vượt chỉ tiêu năm.\n",
    ],
)
def test_a_sentence_after_a_closing_quote_that_opens_on_a_figure_is_its_own(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert got[("dvk.ty_le_dat_bao_cao", 2024)] == "achieved"
    assert ("dvk.ty_le_dat_bao_cao", 2023) not in got
    assert got[("dvk.mo_hinh", 2023)] == 2 and got[("dvk.mo_hinh", 2024)] == 3
