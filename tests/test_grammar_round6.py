"""Rules of the genre learned from held-out sets 3 and 4 once they were retired (BENCHMARKS.md "Round 6"), each tested
on sentences written here — other communes, other wording, other provinces — through the real `facts extract`.
Precision first: where a reading is doubtful, nothing is drafted."""

from __future__ import annotations

import pytest

from test_grammar_forms import _draft, _values

# a ward of a city, its header block in two lines per body: the city's above the ward's
HEAD_WARD = """ỦY BAN NHÂN DÂN THÀNH PHỐ VĨNH YÊN
ỦY BAN NHÂN DÂN PHƯỜNG ĐỒNG ĐA
Số: 77/BC-UBND

Đồng Đa, ngày 16 tháng 12 năm 2024

BÁO CÁO

Kết quả thực hiện công tác dân vận năm 2024

I. KẾT QUẢ THỰC HIỆN

"""


# --------------------------------------------------------------------------------------------------- the header


@pytest.mark.parametrize(
    "block",
    [
        "ĐẢNG ỦY XÃ PHÚ LỘC\nỦY BAN NHÂN DÂN XÃ PHÚ LỘC",  # the party committee's line above the body's
        "ĐẢNG BỘ XÃ PHÚ LỘC ỦY BAN NHÂN DÂN XÃ PHÚ LỘC",  # a Word header cell read as one line
        "HĐND - UBND XÃ PHÚ LỘC",
    ],
)
def test_the_units_name_ends_where_the_next_line_of_the_header_block_begins(tmp_path, block):
    head = HEAD_WARD.replace("ỦY BAN NHÂN DÂN THÀNH PHỐ VĨNH YÊN\nỦY BAN NHÂN DÂN PHƯỜNG ĐỒNG ĐA", block).replace(
        "Đồng Đa, ngày", "Phú Lộc, ngày"
    )
    draft = _draft(tmp_path, "Năm 2024, xã giảm được 03 hộ nghèo.\n", head=head)
    assert draft["commune"]["name"] == "xã Phú Lộc"


@pytest.mark.parametrize("superior", ["THÀNH PHỐ VĨNH YÊN", "THỊ XÃ PHÚ THỌ", "QUẬN HẢI CHÂU"])
def test_a_superior_bodys_line_above_the_wards_own_does_not_hide_the_ward(tmp_path, superior):
    head = HEAD_WARD.replace("THÀNH PHỐ VĨNH YÊN", superior)
    draft = _draft(tmp_path, "Năm 2024, phường giảm được 03 hộ nghèo.\n", head=head)
    assert draft["commune"]["name"] == "phường Đồng Đa"


# --------------------------------------------------------------------------------------------------- regulations


@pytest.mark.parametrize(
    "body, partners",
    [
        (  # listed after a colon, one per semicolon
            "Các quy chế phối hợp còn hiệu lực gồm: Quy chế số 03/QC-UBND ngày 10/02/2023 giữa UBND xã với Hội Nông "
            "dân xã; Quy chế số 04/QC-UBND với Hội Cựu chiến binh xã; Quy chế số 06/QC-UBND với Đoàn Thanh niên xã.\n",
            ["Hội Nông dân xã", "Hội Cựu chiến binh xã", "Đoàn Thanh niên xã"],
        ),
        (  # kept and signed in one sentence, over its clauses
            "Xã tiếp tục thực hiện Quy chế phối hợp số 11/QC-UBND-MTTQ ngày 02/01/2022 giữa Ủy ban nhân dân xã với Ủy "
            "ban MTTQ Việt Nam xã; tháng 4/2024 ký thêm Quy chế phối hợp số 21/QC-UBND với Hội Liên hiệp Phụ nữ xã và "
            "Quy chế phối hợp số 22/QC-UBND với Hội Nông dân xã.\n",
            ["Ủy ban MTTQ Việt Nam xã", "Hội Liên hiệp Phụ nữ xã", "Hội Nông dân xã"],
        ),
    ],
)
def test_regulations_of_one_list_or_one_sentence_are_one_enumeration(tmp_path, body, partners):
    draft = _draft(tmp_path, body)
    assert _values(draft) == {
        ("dvcq.quy_che_phoi_hop", "as_of"): True,
        ("dvcq.so_quy_che_neu", "as_of"): 3,
        ("dvcq.doi_tac_phoi_hop", "as_of"): 3,
    }
    found = next(f["items"] for f in draft["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop")
    assert [p["name"] for p in found] == partners


def test_a_regulation_cited_in_brackets_after_its_partner_names_that_partner(tmp_path):
    body = (
        "Quy chế phối hợp giữa UBND thị trấn với Hội Nông dân thị trấn (Quy chế số 02/QC-UBND ngày 04/01/2021) và "
        "Quy chế phối hợp với Hội Cựu chiến binh thị trấn (Quy chế số 03/QC-UBND ngày 04/01/2021) được duy trì.\n"
    )
    draft = _draft(tmp_path, body)
    partners = next(f["items"] for f in draft["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop")
    assert [p["name"] for p in partners] == ["Hội Nông dân thị trấn", "Hội Cựu chiến binh thị trấn"]
    assert _values(draft)[("dvcq.so_quy_che_neu", "as_of")] == 2


@pytest.mark.parametrize("verb", ["ký kết", "đã ký", "thống nhất ký"])
def test_the_partner_named_beside_the_commune_as_the_subject_of_the_signing(tmp_path, verb):
    body = (
        f"Ngày 15/8/2025, Ủy ban nhân dân xã và Ủy ban Mặt trận Tổ quốc Việt Nam xã {verb} Quy chế phối hợp số "
        "07/QCPH thay thế các quy chế của ba xã cũ.\n"
    )
    draft = _draft(tmp_path, body)
    partners = next(f["items"] for f in draft["facts"] if f["indicator"] == "dvcq.doi_tac_phoi_hop")
    assert [p["name"] for p in partners] == ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"]


def test_a_regulation_in_force_cited_without_its_number_names_its_partners_but_counts_no_document(tmp_path):
    body = (
        "Quy chế phối hợp giữa Ủy ban nhân dân phường với Ủy ban MTTQ Việt Nam phường, Hội Cựu chiến binh phường và "
        "Hội Liên hiệp Phụ nữ phường tiếp tục được thực hiện nghiêm túc.\n"
    )
    assert _values(_draft(tmp_path, body, head=HEAD_WARD)) == {
        ("dvcq.quy_che_phoi_hop", "as_of"): True,
        ("dvcq.doi_tac_phoi_hop", "as_of"): 3,  # no so_quy_che_neu: no number is cited
    }


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "Đến nay xã chưa ký kết quy chế phối hợp với Ủy ban MTTQ Việt Nam xã, dự kiến ký trong quý IV.\n",
            {("dvcq.quy_che_phoi_hop", "as_of"): False},
        ),
        (  # none new: the old one holds
            "Năm 2024 xã không ký mới quy chế phối hợp nào vì Quy chế số 05/QC-UBND ngày 02/02/2022 với Hội Nông dân xã "
            "còn hiệu lực.\n",
            {
                ("dvcq.quy_che_phoi_hop", "as_of"): True,
                ("dvcq.so_quy_che_neu", "as_of"): 1,
                ("dvcq.doi_tac_phoi_hop", "as_of"): 1,
            },
        ),
        (  # a regulation in force, but not said to be kept: nothing
            "Năm 2024, xã giảm được 03 hộ nghèo. Quy chế phối hợp giữa UBND xã với Hội Nông dân xã chưa được sửa đổi.\n",
            {("giam_ngheo.so_ho_giam", 2024): 3},
        ),
    ],
)
def test_a_regulation_not_signed_is_false_and_none_new_is_not(tmp_path, body, expected):
    assert _values(_draft(tmp_path, body)) == expected


# --------------------------------------------------------------------------------------------------- land clearance


@pytest.mark.parametrize(
    "sentence",
    [
        "Để phục vụ dự án mở rộng Quốc lộ 1A, UBND xã ban hành Kế hoạch số 12/KH-UBND ngày 02/3/2024 về xây dựng mô "
        "hình “Dân vận khéo” trong công tác bồi thường, giải phóng mặt bằng.",
        "UBND xã ban hành Kế hoạch số 33/KH-UBND ngày 02/3/2024 xây dựng mô hình “Tổ dân vận bồi thường, GPMB” cho dự "
        "án khu công nghiệp.",
        "Xã đã có kế hoạch xây dựng mô hình tuyên truyền, vận động Nhân dân bàn giao mặt bằng, giải phóng mặt bằng "
        "tuyến tránh.",
    ],
)
def test_a_plan_to_build_a_model_whose_name_says_the_ground_it_clears(tmp_path, sentence):
    assert _values(_draft(tmp_path, sentence + "\n")) == {("gpmb.ke_hoach_mo_hinh", "as_of"): True}


def test_a_team_set_up_but_no_plan_for_the_model_is_false_and_a_plan_for_clearing_alone_is_nothing(tmp_path):
    body = "Tổ công tác đã lập, nhưng xã chưa ban hành kế hoạch xây dựng mô hình dân vận trong giải phóng mặt bằng.\n"
    assert _values(_draft(tmp_path, body)) == {("gpmb.ke_hoach_mo_hinh", "as_of"): False}
    other = (
        "Xã ban hành kế hoạch giải phóng mặt bằng dự án đường tránh; năm 2024 xây dựng mô hình nông thôn mới kiểu mẫu."
        "\n\nNăm 2024, xã giảm được 03 hộ nghèo.\n"
    )
    assert _values(_draft(tmp_path, other)) == {("giam_ngheo.so_ho_giam", 2024): 3}


# --------------------------------------------------------------------------------------------------- counts by year


def test_a_count_broken_down_by_year_in_brackets_gives_each_years_count(tmp_path):
    body = (
        "Từ năm 2022 đến nay, xã đã có 05 mô hình “Dân vận khéo” được công nhận (năm 2022: 01 mô hình; năm 2023: "
        "02 mô hình; năm 2024: 02 mô hình).\n"
    )
    got = _values(_draft(tmp_path, body))
    assert got == {
        ("dvk.tong_so_mo_hinh_bao_cao", "2022-2024"): 5,
        ("dvk.mo_hinh", 2022): 1,
        ("dvk.mo_hinh", 2023): 2,
        ("dvk.mo_hinh", 2024): 2,
    }


def test_a_numbered_list_of_years_after_a_lead_that_names_the_kind(tmp_path):
    body = (
        "Kết quả xây dựng mô hình “Dân vận khéo” của xã qua các năm như sau:\n\n"
        "1. Năm 2022: hai mô hình (Tổ tự quản đường làng, Chi hội phụ nữ nuôi heo đất).\n\n"
        "2. Năm 2023: 03 mô hình.\n\n"
        "3. Năm 2024: một mô hình.\n"
    )
    draft = _draft(tmp_path, body)
    assert _values(draft) == {("dvk.mo_hinh", 2022): 2, ("dvk.mo_hinh", 2023): 3, ("dvk.mo_hinh", 2024): 1}
    assert all(f["review"] for f in draft["facts"])  # the models are counted, their names left to the reviewer


@pytest.mark.parametrize(
    "body",
    [
        # the district's count, broken down by year
        "Toàn huyện đã có 42 mô hình “Dân vận khéo” được công nhận (năm 2022: 12 mô hình; năm 2023: 15 mô hình).\n",
        # a plan's targets by year
        "Kế hoạch đề ra mục tiêu xây dựng mô hình “Dân vận khéo” (năm 2023: 02 mô hình; năm 2024: 02 mô hình).\n",
        # a breakdown of something that is no model of the movement
        "Xã có 06 mô hình chuyển đổi số (năm 2023: 02 mô hình; năm 2024: 04 mô hình).\n",
    ],
)
def test_a_breakdown_by_year_of_another_units_count_or_of_a_target_fills_no_yearly_count(tmp_path, body):
    got = _values(_draft(tmp_path, body + "\nNăm 2024, xã giảm được 03 hộ nghèo.\n"))
    assert not [k for k in got if k[0] == "dvk.mo_hinh"]


# --------------------------------------------------------------------------------------------------- acts of each year


@pytest.mark.parametrize(
    "sentence, years",
    [
        (
            "Từ năm 2022 đến nay, mỗi năm Ủy ban nhân dân xã đều ký giao ước thi đua với Mặt trận và các đoàn thể.",
            [2022, 2023, 2024],
        ),
        ("Từ năm 2023 đến nay, hằng năm UBND xã đều tổ chức ký kết giao ước thi đua với các đoàn thể.", [2023, 2024]),
        (  # the "đều" after the years named in brackets takes the sentence's "hằng năm"
            "Hằng năm, UBND xã đều ban hành kế hoạch công tác dân vận (năm 2023 là Kế hoạch số 09/KH-UBND, năm 2024 "
            "là Kế hoạch số 12/KH-UBND) và đều tổ chức ký kết giao ước thi đua với Mặt trận.",
            [2023, 2024],
        ),
    ],
)
def test_an_act_done_each_year_of_a_span_is_done_in_each_of_its_years(tmp_path, sentence, years):
    head = HEAD_WARD.replace("PHƯỜNG ĐỒNG ĐA", "XÃ ĐỒNG ĐA").replace(
        "I. KẾT QUẢ THỰC HIỆN", "Số liệu từ năm 2023 đến ngày 30/11/2024.\n\nI. KẾT QUẢ THỰC HIỆN"
    )
    got = _values(_draft(tmp_path, sentence + "\n", head=head))
    assert sorted(k[1] for k in got if k[0] == "dvcq.giao_uoc_thi_dua" and got[k] is True) == years


def test_a_quota_of_each_year_is_no_act_of_each_year(tmp_path):
    body = "Kế hoạch giao mỗi năm ít nhất 01 mô hình; năm 2024 UBND xã ký kết giao ước thi đua với các đoàn thể.\n"
    assert _values(_draft(tmp_path, body)) == {("dvcq.giao_uoc_thi_dua", 2024): True}


@pytest.mark.parametrize(
    "title, years",
    [
        ("Tổng kết 05 năm thực hiện Kế hoạch số 61/KH-UBND về công tác dân vận giai đoạn 2021 - 2025", 5),
        ("Sơ kết giai đoạn 2023 - 2025 thực hiện Kế hoạch số 61/KH-UBND", 3),
        # the span is the provincial Đề án's, not the report's
        ("Sơ kết năm 2025 thực hiện Kế hoạch số 61/KH-UBND về Đề án số 13-ĐA/TU giai đoạn 2021 - 2025", 1),
    ],
)
def test_a_review_of_a_plans_span_runs_from_the_spans_first_year(tmp_path, title, years):
    head = (
        HEAD_WARD.replace("Kết quả thực hiện công tác dân vận năm 2024", title)
        .replace("2024", "2025")
        .replace("I. KẾT QUẢ THỰC HIỆN", "Phường hoạt động theo mô hình mới từ ngày 01/7/2025.\n\nI. KẾT QUẢ THỰC HIỆN")
    )
    body = "Hằng năm, Ủy ban nhân dân phường đều ban hành kế hoạch công tác dân vận chính quyền.\n"
    got = _values(_draft(tmp_path, body, head=head))
    assert len([k for k in got if k[0] == "dvcq.ke_hoach_nam"]) == years


# --------------------------------------------------------------------------------------------------- settlements


@pytest.mark.parametrize(
    "make_up, whole",
    [
        ("Thị trấn có 14 tổ dân phố và 03 thôn.", 17),  # the sum, never the first kind alone
        ("Xã có 09 thôn, 04 bản và 02 làng.", 15),
        ("Xã có 09 thôn và 04 bản, tổng số 13 khu dân cư.", 13),  # the total the sentence states
        ("Phường có 12 khu phố.", 12),
    ],
)
def test_the_make_up_in_settlements_of_several_kinds_is_their_total(tmp_path, make_up, whole):
    got = _values(_draft(tmp_path, make_up + " Năm 2024, xã giảm được 03 hộ nghèo.\n"))
    assert got[("kdc.tong_so_khu", "as_of")] == whole


@pytest.mark.parametrize("kinds", ["tổ dân phố, thôn", "khu phố, ấp", "thôn, buôn", "ấp, khóm", "thôn, xóm"])
def test_two_kinds_of_settlement_named_as_one_unit(tmp_path, kinds):
    body = f"Kết quả bình xét, có 15/17 {kinds} đạt danh hiệu văn hóa.\n"
    got = _values(_draft(tmp_path, body))
    assert (got[("kdc.so_khu_van_hoa", "as_of")], got[("kdc.tong_so_khu", "as_of")]) == (15, 17)


# --------------------------------------------------------------------------------------------------- green streets


@pytest.mark.parametrize(
    "sentence, count",
    [
        ("Năm 2024, phường duy trì 07 tuyến hẻm “xanh - sạch - đẹp - an toàn” do các chi hội phụ nữ đảm nhận.", 7),
        ("Hội Phụ nữ thị trấn duy trì 04 tuyến kiệt “Xanh – sạch – đẹp”.", 4),
        ("Các đoàn thể duy trì hai tuyến đường hoa, cây xanh, sạch, đẹp tại thôn Bắc Sơn.", 2),
        ("Đoàn Thanh niên duy trì 03 tuyến ngõ xanh, sạch, sáng.", 3),
    ],
)
def test_green_streets_of_any_kind_of_street(tmp_path, sentence, count):
    assert _values(_draft(tmp_path, sentence + "\n", head=HEAD_WARD)) == {("dtvm.tuyen_duong_xanh", "as_of"): count}


@pytest.mark.parametrize(
    "sentence, green",
    [
        # another measure of streets after the green ones, in the same clause: only the green ones count
        (
            "Hiện duy trì 02 tuyến đường hoa “xanh - sạch - đẹp” do Hội Phụ nữ phụ trách, cùng 03 tuyến phố văn minh "
            "đô thị được công nhận năm 2022.",
            [2],
        ),
        ("Xã trồng 500 cây xanh trên 02 tuyến đường liên thôn.", []),  # trees planted, no green-street model
        ("Phường lắp mới 04 tuyến hẻm sáng đèn.", []),
    ],
)
def test_streets_that_are_no_green_street_model_fill_nothing(tmp_path, sentence, green):
    got = _values(_draft(tmp_path, sentence + "\n\nNăm 2024, phường giảm được 03 hộ nghèo.\n", head=HEAD_WARD))
    assert [v for k, v in got.items() if k[0] == "dtvm.tuyen_duong_xanh"] == green


# --------------------------------------------------------------------------------------------------- sentences, years


@pytest.mark.parametrize("period", ["9 tháng đầu năm", "6 tháng đầu năm", "10 tháng"])
def test_a_sentence_that_opens_on_a_figure_is_a_sentence_of_its_own(tmp_path, period):
    body = (
        f"Chỉ tiêu giảm nghèo năm 2024 được giao cho địa bàn xã là 10 hộ. {period}, xã giảm 06/10 hộ nghèo theo chỉ "
        "tiêu giao, đạt 60%.\n"
    )
    assert _values(_draft(tmp_path, body)) == {
        ("giam_ngheo.chi_tieu_giao", 2024): 10,
        ("giam_ngheo.so_ho_giam", 2024): 6,  # not a target: the clause that opened on the target has ended
        ("giam_ngheo.ty_le_hoan_thanh", 2024): 60,
    }


@pytest.mark.parametrize("last", ["Năm trước (2023)", "Năm ngoái (năm 2023)", "Năm liền trước (2023)"])
def test_last_year_named_by_its_number_in_brackets_is_that_year_and_năm_there_is_no_five(tmp_path, last):
    body = (
        "Năm 2024, xã giảm được 05 hộ nghèo. "
        f"{last}, xã giảm được tám hộ nghèo trên chỉ tiêu giao mười hộ, không đạt chỉ tiêu.\n"
    )
    assert _values(_draft(tmp_path, body)) == {
        ("giam_ngheo.so_ho_giam", 2024): 5,
        ("giam_ngheo.so_ho_giam", 2023): 8,
        ("giam_ngheo.chi_tieu_giao", 2023): 10,
        ("giam_ngheo.ty_le_hoan_thanh", 2023): "not_achieved",
    }


def test_five_in_words_is_still_five(tmp_path):
    body = "Năm 2024, xã công nhận năm mô hình “Dân vận khéo”.\n"
    assert _values(_draft(tmp_path, body)) == {("dvk.mo_hinh", 2024): 5}


# --------------------------------------------------------------------------------------------------- merged units, none


@pytest.mark.parametrize(
    "aside",
    ["(tính cả các xã trước sắp xếp)", "(kể cả số liệu của hai xã cũ)", "(bao gồm cả các xã cũ trước ngày 01/7/2024)"],
)
def test_an_aside_of_what_is_included_is_no_other_unit_spoken_of(tmp_path, aside):
    body = f"Năm 2024 {aside}, toàn xã có 03 mô hình “Dân vận khéo” được công nhận.\n"
    assert _values(_draft(tmp_path, body)) == {("dvk.mo_hinh", 2024): 3}


def test_the_former_communes_own_figure_stays_another_units(tmp_path):
    body = "Năm 2024, các xã cũ có 03 mô hình “Dân vận khéo” được công nhận. Năm 2024, xã giảm được 02 hộ nghèo.\n"
    assert _values(_draft(tmp_path, body)) == {("giam_ngheo.so_ho_giam", 2024): 2}


@pytest.mark.parametrize("verb", ["được công nhận", "được thành lập", "được UBND xã công nhận"])
def test_none_with_its_verb_in_the_passive_after_nào_is_zero(tmp_path, verb):
    body = f"Năm 2023, xã không có mô hình “Dân vận khéo” nào {verb}. Năm 2024, xã giảm được 03 hộ nghèo.\n"
    assert _values(_draft(tmp_path, body)) == {("dvk.mo_hinh", 2023): 0, ("giam_ngheo.so_ho_giam", 2024): 3}


@pytest.mark.parametrize("bracket, year", [("(năm 2023 là 14/17)", 2023), ("(năm 2022 đạt 14/17)", 2022)])
def test_another_years_ratio_in_brackets_after_this_ones_is_that_years(tmp_path, bracket, year):
    body = f"Kết quả bình xét năm 2024 có 15/17 thôn, bản đạt danh hiệu văn hóa {bracket}, 02 bản chưa đạt.\n"
    assert _values(_draft(tmp_path, body)) == {
        ("kdc.so_khu_van_hoa", "as_of"): 15,
        ("kdc.tong_so_khu", "as_of"): 17,
        ("kdc.so_khu_van_hoa", year): 14,
        ("kdc.tong_so_khu", year): 17,
    }


def test_a_ratio_in_brackets_of_a_year_to_come_is_no_result(tmp_path):
    body = "Kết quả bình xét năm 2024 có 15/17 thôn đạt danh hiệu thôn văn hóa (năm 2025 là 17/17).\n"
    assert _values(_draft(tmp_path, body)) == {("kdc.so_khu_van_hoa", "as_of"): 15, ("kdc.tong_so_khu", "as_of"): 17}


# --------------------------------------------------------------------------------------------------- a share


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2024, xã tiếp nhận 3.684 hồ sơ thủ tục hành chính, trong đó hồ sơ trực tuyến là 2.951 hồ sơ, chiếm 80,1%.",
        "Năm 2024, hồ sơ được tiếp nhận và giải quyết trực tuyến chiếm tỷ lệ 80,1% tổng số hồ sơ.",
    ],
)
def test_a_share_of_the_dossiers_said_with_chiếm_is_the_online_rate(tmp_path, sentence):
    assert _values(_draft(tmp_path, sentence + "\n")) == {("dich_vu_cong.ty_le_ho_so_truc_tuyen", "as_of"): 80.1}


def test_a_share_of_something_else_is_no_rate(tmp_path):
    body = (
        "Năm 2024, giao dịch thanh toán trực tuyến chiếm 45% số giao dịch. Hộ nghèo chiếm 1,2% tổng số hộ; trong "
        "năm xã giảm được 02 hộ nghèo.\n"
    )
    assert _values(_draft(tmp_path, body)) == {("giam_ngheo.so_ho_giam", 2024): 2}
