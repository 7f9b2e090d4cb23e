"""Structural rules of the genre the lead learned in stop 33 from held-out sets 74 to 77 (BENCHMARKS.md), each tested
on sentences written here, with a second writer's variant or a guard, through the real `facts extract`: a sentence that
opens on last year's figure, criteria named in the item after the set's, a stock said now after a clause of another
year, a table's comparison column that says only "Vượt", an act's years listed after a colon, the year so far after a
part of it, and a row that counts a stock at the start of the year."""

from __future__ import annotations

import pytest

from test_grammar_forms import HEAD, _draft, _values

PART_YEAR = HEAD.replace("ngày 18 tháng 12 năm 2024", "ngày 05 tháng 10 năm 2024").replace(
    "Kết quả thực hiện công tác dân vận năm 2024", "Kết quả thực hiện công tác dân vận quý III năm 2024"
)


# --------------------------------------------------------------------------------------------------- last year's figure
# A sentence that opens on the comparison ("So với năm 2023 (giảm 07 hộ), …") gives that year's figure of what the
# sentence before read; with nothing read before, it fills nothing.


@pytest.mark.parametrize(
    "body, key, value",
    [
        (
            "Năm 2024, xã giảm được 09 hộ nghèo, tỷ lệ hộ nghèo còn 2,1%. So với năm 2023 (giảm 07 hộ), kết quả giảm "
            "nghèo năm nay cao hơn.\n",
            "giam_ngheo.so_ho_giam",
            7,
        ),
        # a second writer: the models, the year's verb in the bracket
        (
            "Trong năm, UBND xã công nhận 03 mô hình “Dân vận khéo”. So với cùng kỳ năm 2023 (công nhận 01 mô hình), "
            "số mô hình tăng gấp ba lần.\n",
            "dvk.mo_hinh",
            1,
        ),
    ],
)
def test_a_sentence_opening_on_last_years_figure_gives_it(tmp_path, body, key, value):
    assert _values(_draft(tmp_path, body))[(key, 2023)] == value


def test_a_sentence_opening_on_a_comparison_after_another_measure_fills_nothing(tmp_path):
    body = "Tỷ lệ hồ sơ được giải quyết trực tuyến đạt 64,2%. So với năm 2023 (giảm 07 hộ), kết quả cao hơn.\n"
    assert not [k for k in _values(_draft(tmp_path, body)) if k[1] == 2023]


# --------------------------------------------------------------------------------------------------- criteria by name
# An item that goes on with criteria by name ("- Tiêu chí Điện và tiêu chí Y tế được đánh giá đạt") after the item of
# the NTM nâng cao set assesses that set's criteria; after an item on basic NTM, it assesses none of them.


def test_criteria_named_in_the_item_after_the_sets_are_its_criteria(tmp_path):
    body = (
        "- Xây dựng nông thôn mới nâng cao: xã tự đánh giá đạt 16/19 tiêu chí nông thôn mới nâng cao.\n"
        "- Tiêu chí Điện và tiêu chí Y tế được đánh giá đạt theo quy định.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert (got[("ntm_nc.tc04", "as_of")], got[("ntm_nc.tc14", "as_of")]) == ("dat", "dat")


def test_criteria_named_after_an_item_on_basic_ntm_are_not_the_advanced_sets(tmp_path):
    body = (
        "- Giảm nghèo: năm 2024 xã giảm 05 hộ nghèo.\n"
        "- Xã tiếp tục duy trì 19/19 tiêu chí xã nông thôn mới.\n"
        "- Tiêu chí Điện và tiêu chí Y tế được đánh giá đạt theo quy định.\n"
    )
    assert not [k for k in _values(_draft(tmp_path, body)) if k[0].startswith("ntm_nc.tc")]


# --------------------------------------------------------------------------------------------------- stocks said now
# A stock said now ("lũy kế đến nay toàn xã có 05 mô hình", "Hiện xã đang duy trì 04 mô hình đã được công nhận từ các năm
# trước") after a clause or a sentence of a year is the total now, not that year's models; a "hiện" of what follows the
# figure makes no stock of it.


@pytest.mark.parametrize(
    "body, total",
    [
        (
            "Năm 2023, xã công nhận 01 mô hình; lũy kế đến nay toàn xã có 05 mô hình “Dân vận khéo” đang được duy "
            "trì.\n",
            5,
        ),
        # a second writer: the topic in the sentence before, the stock's unit said to be recognised earlier
        (
            "Năm 2024, xã chưa công nhận thêm mô hình “Dân vận khéo” nào. Hiện xã đang duy trì 04 mô hình đã được "
            "công nhận từ các năm trước, trong đó 02 mô hình được huyện chọn là mô hình tiêu biểu.\n",
            4,
        ),
    ],
)
def test_a_stock_said_now_after_a_years_clause_is_the_total_now(tmp_path, body, total):
    got = _values(_draft(tmp_path, body))
    assert got[("dvk.tong_so_mo_hinh_bao_cao", "as_of")] == total
    assert got.get(("dvk.mo_hinh", 2024), 0) == 0  # never the year's models


def test_a_now_said_of_what_follows_the_figure_makes_no_stock_of_it(tmp_path):
    body = (
        "Năm 2024, toàn xã giảm 07 hộ nghèo; có 04 mô hình “Dân vận khéo” được công nhận mới và hiện duy trì 09 tuyến "
        "đường hoa.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert ("dvk.tong_so_mo_hinh_bao_cao", "as_of") not in got
    assert got[("dvk.mo_hinh", 2024)] == 4


# --------------------------------------------------------------------------------------------------- tables
# A comparison column against the target that says only whether it was met ("So sánh": "Vượt") is an assessment: a
# claim; a column comparing two years ("So sánh 2024/2023") is none. A row counting a stock at a point of the year
# ("Hộ nghèo đầu năm") is no decrease.


@pytest.mark.parametrize("head", ["So sánh", "So sánh với kế hoạch"])
def test_a_comparison_column_saying_vượt_is_a_claim(tmp_path, head):
    table = (
        f"| TT | Chỉ tiêu | Chỉ tiêu giao năm 2024 | Thực hiện năm 2024 | {head} |\n|---|---|---|---|---|\n"
        "| 1 | Giảm hộ nghèo | 06 hộ | 06 hộ | Đạt 100% |\n"
        "| 2 | Mô hình “Dân vận khéo” được công nhận | 01 mô hình | 03 mô hình | Vượt |\n"
    )
    draft = _draft(tmp_path, table)
    claim = next(f for f in draft["facts"] if f["indicator"] == "dvk.ty_le_dat_bao_cao")
    assert (claim["period"], claim["claim"], claim["source"]["cell"]) == (2024, "achieved", "Bảng 1!E3")


def test_a_column_comparing_two_years_is_no_claim(tmp_path):
    table = (
        "| TT | Chỉ tiêu | Năm 2023 | Năm 2024 | So sánh 2024/2023 |\n|---|---|---|---|---|\n"
        "| 1 | Mô hình “Dân vận khéo” được công nhận | 01 mô hình | 03 mô hình | Tăng |\n"
    )
    assert ("dvk.ty_le_dat_bao_cao", 2024) not in _values(_draft(tmp_path, table))


def test_a_row_of_the_stock_at_the_start_of_the_year_is_no_decrease(tmp_path):
    table = (
        "| Nội dung | Kết quả |\n|---|---|\n"
        "| Hộ nghèo đầu năm 2024 trên địa bàn | 84 hộ |\n"
        "| Chỉ tiêu giảm hộ nghèo năm 2024 huyện giao | 20 hộ |\n"
        "| Số hộ nghèo đã giảm đến 30/11/2024 | 22 hộ, đạt 110% |\n"
    )
    got = _values(_draft(tmp_path, table))
    assert got[("giam_ngheo.so_ho_giam", 2024)] == 22


# --------------------------------------------------------------------------------------------------- acts and years
# An act whose clause names no year, with a list after a colon each item of which opens on its year, was done in each
# year listed; "đã hoàn thiện và trình hồ sơ đề nghị thẩm định" is the dossier submitted; "giao ước thi đua đã ký" is
# the agreement signed.


@pytest.mark.parametrize(
    "body",
    [
        "UBND xã thực hiện tự đánh giá công tác dân vận chính quyền hằng năm theo hướng dẫn của tỉnh: năm 2023 được "
        "xếp loại Tốt; năm 2024 xã tự chấm đạt 91/100 điểm, đang chờ huyện thẩm định.\n",
        # a second writer: no "hằng năm", full stops between the items
        "Việc đánh giá công tác dân vận chính quyền được thực hiện theo Quyết định số 15/QĐ-UBND ngày 02/3/2022 của "
        "UBND tỉnh: năm 2023 xếp loại Khá. Năm 2024 xếp loại Tốt.\n",
    ],
)
def test_an_acts_years_listed_after_a_colon_are_its_years(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert (got.get(("dvcq.danh_gia_hang_nam", 2023)), got.get(("dvcq.danh_gia_hang_nam", 2024))) == (True, True)


def test_a_dossier_completed_and_submitted_awaits_appraisal(tmp_path):
    body = (
        "Ngày 20/9/2024, UBND xã đã hoàn thiện và trình hồ sơ đề nghị thẩm định, xét công nhận xã đạt chuẩn nông thôn "
        "mới nâng cao năm 2024.\n"
    )
    assert _values(_draft(tmp_path, body))[("ntm_nc.cong_nhan", "as_of")] == "da_trinh_tham_dinh"


@pytest.mark.parametrize(
    "body",
    [
        "UBND xã tiếp tục thực hiện nội dung giao ước thi đua đã ký với Ủy ban MTTQ Việt Nam xã và các đoàn thể từ đầu "
        "năm 2024.\n",
        "Năm 2024, giao ước thi đua giữa UBND xã và các đoàn thể được ký ngày 15/01/2024.\n",
    ],
)
def test_an_agreement_said_signed_in_the_passive_is_signed(tmp_path, body):
    assert _values(_draft(tmp_path, body))[("dvcq.giao_uoc_thi_dua", 2024)] is True


# --------------------------------------------------------------------------------------------------- figures
# The year so far said after a part of it ("Trong quý III, … giảm thêm 05 hộ nghèo; lũy kế 9 tháng giảm 17 hộ") is the
# year's figure; a model described at length before a figure of its own ("…, thích ứng với biến đổi khí hậu, với tổng
# diện tích 46 ha") is of what the description names.


def test_the_year_so_far_after_a_part_of_it_is_the_years_figure(tmp_path):
    body = "Trong quý III, xã giảm thêm 05 hộ nghèo; lũy kế 9 tháng giảm 17 hộ nghèo, đạt 68% chỉ tiêu huyện giao.\n"
    assert _values(_draft(tmp_path, body, head=PART_YEAR))[("giam_ngheo.so_ho_giam", 2024)] == 17


@pytest.mark.parametrize(
    "body",
    [
        "- Vận động nông dân duy trì 03 mô hình trồng cà phê tưới nước tiết kiệm, thích ứng với biến đổi khí hậu, với "
        "tổng diện tích 46 ha.\n",
        "Hội Nông dân xã duy trì 03 mô hình nuôi tôm sú xen canh lúa, thích ứng với biến đổi khí hậu, thu hút 27 hộ "
        "tham gia.\n",
    ],
)
def test_a_models_description_runs_to_the_comma_before_its_figure(tmp_path, body):
    assert _values(_draft(tmp_path, body))[("van_dong.nong_nghiep_bdkh.so_mo_hinh", "as_of")] == 3


def test_a_model_description_with_another_model_in_it_is_not_read_to_its_end(tmp_path):
    body = "Xã duy trì 03 mô hình trồng lúa hữu cơ, 02 mô hình thích ứng với biến đổi khí hậu.\n"
    assert _values(_draft(tmp_path, body))[("van_dong.nong_nghiep_bdkh.so_mo_hinh", "as_of")] == 2


# --------------------------------------------------------------------------------------------------- named models
# `read: named` (van_dong.chuyen_doi_so.mo_hinh_mo_ta): the models of digital work the report names in another part
# than the count of vận động chuyển đổi số models — one item each, once — never the count's own list, an item of a
# list a count opens, a model only registered, another unit's, or next year's.

NAMED = (
    "1. Về vận động Nhân dân tham gia chuyển đổi số: xã chưa xây dựng được mô hình vận động Nhân dân tham gia chuyển "
    "đổi số.\n\n"
    "2. Về cải cách hành chính: UBND xã duy trì mô hình “Điểm hỗ trợ dịch vụ công trực tuyến” tại Bộ phận Một cửa; "
    "Hội Liên hiệp Phụ nữ xã triển khai mô hình “Chợ phiên không dùng tiền mặt” tại chợ trung tâm. Điểm hỗ trợ dịch "
    "vụ công trực tuyến đã hướng dẫn hơn 400 lượt người dân.\n\n"
    "3. Đoàn Thanh niên xã đăng ký xây dựng mô hình “Thanh niên hướng dẫn người dân cài đặt VNeID”, chưa được công "
    "nhận.\n"
)


def test_models_of_digital_work_named_apart_from_the_count_are_its_described_models(tmp_path):
    draft = _draft(tmp_path, NAMED)
    got = next(f for f in draft["facts"] if f["indicator"] == "van_dong.chuyen_doi_so.mo_hinh_mo_ta")
    assert got["period"] == "as_of"
    assert [i["name"] for i in got["items"]] == ["Điểm hỗ trợ dịch vụ công trực tuyến", "Chợ phiên không dùng tiền mặt"]
    assert got["review"] is True
    assert _values(draft)[("van_dong.chuyen_doi_so.so_mo_hinh", "as_of")] == 0  # the count stays the count's


@pytest.mark.parametrize(
    "body",
    [
        # the count's own sentence lists them
        "Xã có 02 mô hình vận động Nhân dân tham gia chuyển đổi số là mô hình “Thôn số Đông Phú” và mô hình “Chợ "
        "4.0”.\n",
        # an item of the count before it, whichever indicator that count is
        "Đoàn Thanh niên xã duy trì 01 mô hình “Tổ công nghệ số cộng đồng” hỗ trợ người dân dùng VNeID; xã giảm 05 "
        "hộ nghèo.\n",
        # the items of a list that a count opens
        "Năm 2024, UBND xã công nhận 02 mô hình “Dân vận khéo”:\n"
        "- Mô hình “Thanh niên giúp người cao tuổi sử dụng điện thoại thông minh” (Quyết định số 90/QĐ-UBND ngày "
        "26/10/2024);\n"
        "- Mô hình “Xóm sạch, đẹp” (Quyết định số 91/QĐ-UBND ngày 26/10/2024).\n",
        # "số" before a number is a number's: no digital name
        "Tổ dân phố số 3 duy trì mô hình “Tổ dân phố số 3 sáng - xanh - sạch”; xã giảm 05 hộ nghèo.\n",
    ],
)
def test_no_described_model_from_a_counts_own_list_or_a_number(tmp_path, body):
    assert ("van_dong.chuyen_doi_so.mo_hinh_mo_ta", "as_of") not in _values(_draft(tmp_path, body))


def test_next_years_model_is_no_described_model(tmp_path):
    body = (
        "Năm 2024, xã giảm 05 hộ nghèo.\n\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n\n"
        "Xây dựng mô hình “Điểm hỗ trợ dịch vụ công trực tuyến” tại nhà văn hóa các thôn.\n"
    )
    assert ("van_dong.chuyen_doi_so.mo_hinh_mo_ta", "as_of") not in _values(_draft(tmp_path, body))


# --------------------------------------------------------------------------------------------------- learned from 78-82
# A bracket with another year's figure is its own: what follows it is the sentence's again ("… ba mô hình (năm 2023:
# hai mô hình), đạt 150% kế hoạch năm"), unless it broke down a running total (the rate after it is the total's); an
# act joined after a bracket of years takes them. Models recognised "đến nay" are the year's so far; "(kế hoạch huyện
# giao năm 2024 là 12 hộ)" is the target; "tiểu khu" is a settlement; a cell may say its figure again in words; "…
# so với chỉ tiêu huyện giao, số hộ cận nghèo giảm 17 hộ" gives no target.


@pytest.mark.parametrize(
    "body, rate",
    [
        (
            "Năm 2024, UBND xã đã xây dựng, công nhận ba mô hình “Dân vận khéo” (năm 2023: hai mô hình), đạt 150% kế "
            "hoạch năm, cụ thể: mô hình “Xóm Trại sạch đẹp” và mô hình “Chi hội nông dân nuôi bò”, mô hình “Tổ "
            "hòa giải giỏi”.\n",
            ("dvk.ty_le_dat_bao_cao", 2024),
        ),
        # a running total broken down by year: the rate after the bracket is the total's, over its years
        (
            "Lũy kế từ khi triển khai Đề án đến nay, xã có 05 mô hình “Dân vận khéo” được công nhận (năm 2023: 02 mô "
            "hình; năm 2024: 03 mô hình), đạt 250% so với chỉ tiêu Kế hoạch.\n",
            ("dvk.ty_le_dat_bao_cao", "2023-2024"),
        ),
    ],
)
def test_a_brackets_year_stays_in_the_bracket(tmp_path, body, rate):
    got = _values(_draft(tmp_path, body))
    assert rate in got
    assert got[("dvk.mo_hinh", 2023)] == 2
    assert not [k for k in got if k[0] == "dvk.ty_le_dat_bao_cao" and k != rate]


def test_an_act_joined_after_a_bracket_of_years_takes_its_years(tmp_path):
    body = (
        "Hằng năm UBND xã đều ban hành kế hoạch công tác dân vận chính quyền (năm 2023: Kế hoạch số 15/KH-UBND ngày "
        "03/02/2023; năm 2024: Kế hoạch số 11/KH-UBND ngày 24/01/2024) và ký giao ước thi đua với Ủy ban MTTQ Việt "
        "Nam xã, các đoàn thể ngay từ đầu năm.\n"
    )
    head = HEAD.replace("Kết quả thực hiện công tác dân vận năm 2024", "Sơ kết công tác dân vận giai đoạn 2022 - 2024")
    got = _values(_draft(tmp_path, body, head=head))
    assert sorted(k[1] for k in got if k[0] == "dvcq.giao_uoc_thi_dua") == [2023, 2024]


def test_models_recognised_so_far_are_the_years(tmp_path):
    body = (
        "Đến nay đã đánh giá, công nhận được 01 (một) mô hình “Dân vận khéo” là “Tiểu khu 3 đoàn kết giữ gìn vệ sinh "
        "môi trường” (Quyết định số 64/QĐ-UBND ngày 12/4/2024), đạt 50% kế hoạch năm.\n"
    )
    assert _values(_draft(tmp_path, body, head=PART_YEAR))[("dvk.mo_hinh", 2024)] == 1


@pytest.mark.parametrize("said", ["kế hoạch huyện giao năm 2024 là 12 hộ", "kế hoạch năm 2024 huyện giao: 12 hộ"])
def test_the_plans_figure_in_brackets_with_its_giver_and_year_is_the_target(tmp_path, said):
    body = f"Trong năm, xã giảm được 15 hộ nghèo, đạt 125% kế hoạch năm ({said}).\n"
    assert _values(_draft(tmp_path, body))[("giam_ngheo.chi_tieu_giao", 2024)] == 12


def test_a_towns_quarters_and_villages_are_its_settlements(tmp_path):
    body = (
        "Thị trấn có 18 tiểu khu, bản (12 tiểu khu và 06 bản). Kết quả bình xét năm 2024: có 16/18 tiểu khu, bản "
        "được công nhận danh hiệu “Tiểu khu văn hóa”, “Bản văn hóa”.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert (got[("kdc.so_khu_van_hoa", "as_of")], got[("kdc.tong_so_khu", "as_of")]) == (16, 18)


def test_a_cell_saying_its_figure_again_in_words_is_read(tmp_path):
    table = (
        "| TT | Chỉ tiêu | Kế hoạch năm 2024 | Thực hiện năm 2024 | Thực hiện năm 2023 |\n|---|---|---|---|---|\n"
        "| 1 | Mô hình “Dân vận khéo” được công nhận mới | 02 mô hình | 03 (ba) mô hình | 02 (hai) mô hình |\n"
    )
    got = _values(_draft(tmp_path, table))
    assert (got[("dvk.mo_hinh", 2024)], got[("dvk.mo_hinh", 2023)]) == (3, 2)


def test_another_measures_decrease_after_the_target_is_no_target(tmp_path):
    body = (
        "Năm 2024, xã công nhận 02 mô hình “Dân vận khéo”. Kết quả rà soát cuối năm, số hộ nghèo giảm vượt 03 hộ so "
        "với chỉ tiêu huyện giao, số hộ cận nghèo giảm 11 hộ.\n"
    )
    assert ("giam_ngheo.chi_tieu_giao", 2024) not in _values(_draft(tmp_path, body))  # never the 11


# --------------------------------------------------------------------------------------------------- learned from 83-92
# The plan's targets restated under a bare label before the results ("Chỉ tiêu Kế hoạch: năm 2025 tỷ lệ … đạt từ 80%
# trở lên.") are thresholds, never results — the sentences after the label's are the results; the unit's make-up said
# with "hiện" or after its people ("dân số 15.870 người, hiện có 14 khu phố"); a unit whose name holds a predecessor's
# ("xã Ia Krêl Nam" formed from "xã Ia Krêl") is itself.


@pytest.mark.parametrize(
    "label", ["Chỉ tiêu Kế hoạch:", "- Chỉ tiêu:", "*Chỉ tiêu của Kế hoạch:*", "Mục tiêu năm 2024:"]
)
def test_the_plans_target_restated_under_a_bare_label_is_no_result(tmp_path, label):
    body = (
        f"{label} năm 2024 tỷ lệ hồ sơ giải quyết trực tuyến đạt từ 70% trở lên.\n\n"
        "Năm 2024, tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến của xã đạt 76,4%.\n"
    )
    draft = _draft(tmp_path, body)
    online = [f for f in draft["facts"] if f["indicator"] == "dich_vu_cong.ty_le_ho_so_truc_tuyen"]
    assert [(f["period"], f["value"], f["source"]["line"]) for f in online] == [("as_of", 76.4, 18)]
    assert "khác" not in " ".join(online[0].get("note", ""))  # the threshold is not said to disagree with it


def test_the_results_after_the_label_sentence_are_read(tmp_path):
    body = (
        "Chỉ tiêu Kế hoạch: mỗi năm xây dựng ít nhất 01 mô hình “Dân vận khéo”. Trong năm 2024, UBND xã đã ra quyết "
        "định công nhận 02 mô hình, đạt 200% chỉ tiêu.\n"
    )
    got = _values(_draft(tmp_path, body))
    assert (got[("dvk.mo_hinh", 2024)], got[("dvk.ty_le_dat_bao_cao", 2024)]) == (2, 200)


@pytest.mark.parametrize(
    "body",
    [
        "Hiện xã có 27 thôn, 9.846 hộ, 33.512 nhân khẩu.\n",
        "Xã có diện tích tự nhiên 19,4 km2, dân số 15.870 người, hiện có 27 thôn; là xã thuần nông.\n",
    ],
)
def test_the_units_make_up_said_now_or_after_its_people(tmp_path, body):
    assert _values(_draft(tmp_path, body + "Năm 2024, xã giảm 05 hộ nghèo.\n"))[("kdc.tong_so_khu", "as_of")] == 27


def test_a_unit_whose_name_holds_a_predecessors_is_itself(tmp_path):
    head = (
        HEAD.replace("XÃ ĐÔNG QUANG", "XÃ ĐÔNG QUANG NAM")
        .replace("Đông Quang, ngày 18 tháng 12 năm 2024", "Đông Quang Nam, ngày 12 tháng 12 năm 2025")
        .replace("năm 2024", "năm 2025")
    )
    body = (
        "Xã Đông Quang Nam được thành lập từ ngày 01/7/2025 trên cơ sở sắp xếp xã Đông Quang và xã Tây Sơn, có 24 "
        "thôn, làng (trong đó 15 làng đồng bào Jrai).\n\nNăm 2025, xã giảm 05 hộ nghèo.\n"
    )
    assert _values(_draft(tmp_path, body, head=head))[("kdc.tong_so_khu", "as_of")] == 24


@pytest.mark.parametrize(
    "body",
    ["Toàn xã có 9 khu phố đạt tiêu chí “Khu dân cư 6 không”.\n", "Hiện xã có 9 thôn đạt “Khu dân cư 6 không”.\n"],
)
def test_the_make_ups_words_before_units_holding_a_title_give_the_part(tmp_path, body):
    got = _values(_draft(tmp_path, body + "Năm 2024, xã giảm 05 hộ nghèo.\n"))
    assert got[("kdc.so_khu_6_khong", "as_of")] == 9
    assert ("kdc.tong_so_khu", "as_of") not in got  # nine is no count of all the units


# --------------------------------------------------------------------------------------------------- learned from 93-97
# A table's column of the former units ("Năm 2024 (02 đơn vị cũ)") is theirs; an act being prepared ("chuẩn bị tổng
# kết …") is not held; a result cell with its share in brackets ("09 hộ (đạt 112,5%)"); a table whose plan column is the
# plan period's ("Kế hoạch giai đoạn 2022 - 2026") assesses over that span; "(cùng kỳ năm 2023 giảm 06 hộ)" after
# "hoàn thành 100% chỉ tiêu" is no target.


def test_the_former_units_column_is_theirs(tmp_path):
    table = (
        "| Nội dung | Năm 2023 (02 đơn vị cũ) | Năm 2024 (xã Đông Quang) |\n|---|---|---|\n"
        "| Hộ nghèo giảm | 52 hộ | 41 hộ |\n"
        "| Thôn đạt danh hiệu văn hóa | 31/35 | 32/35 |\n"
    )
    got = _values(_draft(tmp_path, table))
    assert not [k for k in got if k[1] == 2023]


def test_an_act_being_prepared_is_not_held(tmp_path):
    body = (
        "Năm 2024, xã giảm 05 hộ nghèo. Đảng ủy chỉ đạo chuẩn bị tổng kết 05 năm Phong trào thi đua “Dân vận khéo”, dự "
        "kiến tổ chức trong quý I/2025.\n"
    )
    assert ("dvk.so_ket_phong_trao", 2024) not in _values(_draft(tmp_path, body))


def test_a_result_cell_with_its_share_in_brackets_gives_the_rate(tmp_path):
    table = (
        "| STT | Chỉ tiêu | Kế hoạch năm 2024 | Thực hiện năm 2024 | Đánh giá |\n|---|---|---|---|---|\n"
        "| 1 | Giảm hộ nghèo | 08 hộ | 09 hộ (đạt 112,5%) | Vượt |\n"
    )
    got = _values(_draft(tmp_path, table))
    assert (got[("giam_ngheo.so_ho_giam", 2024)], got[("giam_ngheo.ty_le_hoan_thanh", 2024)]) == (9, 112.5)


def test_a_plan_periods_table_assesses_over_its_span(tmp_path):
    head = HEAD.replace(
        "Kết quả thực hiện công tác dân vận năm 2024", "Tổng kết công tác dân vận giai đoạn 2022 - 2024"
    )
    table = (
        "| Chỉ tiêu | Kế hoạch giai đoạn 2022 - 2024 | Kết quả | Đánh giá |\n|---|---|---|---|\n"
        "| Mô hình “Dân vận khéo” (cả giai đoạn) | Ít nhất 06 mô hình | 09 mô hình | Vượt |\n"
    )
    got = _values(_draft(tmp_path, table, head=head))
    assert got.get(("dvk.ty_le_dat_bao_cao", "2022-2024")) == "achieved"
    assert ("dvk.ty_le_dat_bao_cao", 2024) not in got


def test_last_years_same_months_after_the_target_met_is_no_target(tmp_path):
    body = (
        "Chỉ tiêu huyện giao năm 2024 là giảm 05 hộ nghèo; đến ngày 20/11/2024, xã đã giảm 05/05 hộ, hoàn thành 100% "
        "chỉ tiêu (cùng kỳ năm 2023 giảm 06 hộ).\n"
    )
    got = _values(_draft(tmp_path, body))
    assert got[("giam_ngheo.chi_tieu_giao", 2024)] == 5
    assert ("giam_ngheo.chi_tieu_giao", 2023) not in got


# --------------------------------------------------------------------------------------------------- named, reviewed
# A new user's review of `read: named` (stop 33): a model only registered, being built, asked for, denied, stopped, a
# neighbour's, or listed in the sentence after the count ("Đó là …") is no described model; a name that is the topic
# itself ("Gia đình số") is one.


@pytest.mark.parametrize(
    "sentence",
    [
        "Chi đoàn thôn Bình Lợi đã đăng ký xây dựng mô hình “Thôn Bình Lợi thanh toán điện tử”, dự kiến ra mắt trong "
        "quý I/2025.",
        "Chi đoàn đang xây dựng mô hình “Thôn thanh toán điện tử”.",
        "Xã chưa triển khai được mô hình “Chợ phiên không dùng tiền mặt” như kế hoạch.",
        "Mô hình “Chợ 4.0” đã ngừng hoạt động từ tháng 6/2024.",
        "Xã đề nghị huyện hỗ trợ kinh phí để xây dựng mô hình “Chợ 4.0”.",
        "Xã bạn Phú Hòa có mô hình “Chợ 4.0”.",
        "Toàn xã có 02 mô hình vận động Nhân dân tham gia chuyển đổi số. Đó là mô hình “Chợ 4.0” và mô hình “Thôn "
        "thanh toán không dùng tiền mặt”.",
    ],
)
def test_a_model_not_had_or_the_counts_own_is_no_described_model(tmp_path, sentence):
    body = f"Năm 2024, xã giảm 05 hộ nghèo.\n\n{sentence}\n"
    assert ("van_dong.chuyen_doi_so.mo_hinh_mo_ta", "as_of") not in _values(_draft(tmp_path, body))


def test_a_name_that_is_the_topic_itself_is_a_described_model(tmp_path):
    body = "Hội Phụ nữ xã duy trì mô hình “Gia đình số”; Đoàn Thanh niên duy trì mô hình “Chợ số”.\n"
    draft = _draft(tmp_path, body)
    got = next(f for f in draft["facts"] if f["indicator"] == "van_dong.chuyen_doi_so.mo_hinh_mo_ta")
    assert [i["name"] for i in got["items"]] == ["Gia đình số", "Chợ số"]
