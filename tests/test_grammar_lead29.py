"""Structural rules of the genre the lead learned from held-out sets 23 to 26 once they were spent (BENCHMARKS.md,
"Learning from held-out 23 to 26"), each tested on sentences written here, with a second writer's variant, through
the real `facts extract`. Precision first: a doubtful reading drafts nothing."""

from __future__ import annotations

import pytest

from test_grammar_forms import _draft, _values
from test_grammar_round9 import CONTROL, PLAN

# --------------------------------------------------------------------------------------------------- criteria in a table
# A self-assessment of NTM nâng cao often lists the criteria not yet met in a table, one row per criterion ("Tiêu chí
# số 2 - Giao thông | Cơ bản đạt"). Each row gives that criterion's level when the table is led into by the advanced
# set's name; the same table under the basic set (19 tiêu chí nông thôn mới) gives nothing.

CRITERIA_TABLES = [
    (
        "Đối chiếu Bộ tiêu chí xã nông thôn mới nâng cao, xã đạt 15/19 tiêu chí. Các tiêu chí chưa đạt:\n\n"
        "| STT | Tiêu chí | Kết quả tự đánh giá |\n|---|---|---|\n"
        "| 1 | Tiêu chí số 2 - Giao thông | Cơ bản đạt |\n"
        "| 2 | Tiêu chí số 10 - Thu nhập | Chưa đạt (ước 52 triệu đồng/người) |\n"
        "| 3 | Tiêu chí số 17 - Môi trường | Chưa đạt |\n"
    ),
    # a second writer: the set named in the header, the criteria by name only, "Không đạt", the level column first
    (
        "Kết quả rà soát các tiêu chí còn thiếu như sau:\n\n"
        "| Đánh giá | Tiêu chí nông thôn mới nâng cao |\n|---|---|\n"
        "| Cơ bản đạt | Giao thông |\n"
        "| Không đạt | Thu nhập |\n"
        "| Chưa đạt | Môi trường |\n"
    ),
]


@pytest.mark.parametrize("body", CRITERIA_TABLES)
def test_a_table_of_the_advanced_sets_criteria_gives_each_criterions_level(tmp_path, body):
    got = _values(_draft(tmp_path, body))
    assert got[("ntm_nc.tc02", "as_of")] == "co_ban_dat"
    assert got[("ntm_nc.tc10", "as_of")] == "chua_dat"
    assert got[("ntm_nc.tc17", "as_of")] == "chua_dat"


def test_the_same_table_under_the_basic_set_gives_no_criterion(tmp_path):
    body = (
        "Xã duy trì Bộ tiêu chí xã nông thôn mới, đạt 17/19 tiêu chí. Các tiêu chí chưa đạt:\n\n"
        "| STT | Tiêu chí | Kết quả |\n|---|---|---|\n"
        "| 1 | Tiêu chí số 2 - Giao thông | Cơ bản đạt |\n"
        "| 2 | Tiêu chí số 10 - Thu nhập | Chưa đạt |\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.ke_hoach_nam", 2024)] is PLAN[("dvcq.ke_hoach_nam", 2024)]
    assert not [k for k in got if k[0].startswith("ntm_nc.tc")], got


def test_a_row_naming_one_criterion_by_number_and_another_by_name_gives_nothing(tmp_path):
    body = (
        "Tự đánh giá theo Bộ tiêu chí xã nông thôn mới nâng cao:\n\n"
        "| Tiêu chí | Kết quả |\n|---|---|\n"
        "| Tiêu chí số 2 - Thu nhập | Chưa đạt |\n"
        "| Tiêu chí số 17 - Môi trường | Đạt |\n"
    )
    got = _values(_draft(tmp_path, body))
    assert ("ntm_nc.tc02", "as_of") not in got and ("ntm_nc.tc10", "as_of") not in got
    assert got[("ntm_nc.tc17", "as_of")] == "dat"


# --------------------------------------------------------------------------------------------------- criteria named as met
# Criteria named, and nothing else, before "đạt" are met, with or without "đã / đều" before it.


@pytest.mark.parametrize(
    "sentence",
    [
        "Tiêu chí số 15 - Hành chính công và tiêu chí số 19 - Quốc phòng và An ninh đạt ở mức cao.",
        # a second writer: "các tiêu chí", names alone, "đạt theo quy định"
        "Các tiêu chí Hành chính công, Quốc phòng và An ninh đạt theo quy định.",
    ],
)
def test_criteria_named_before_dat_are_met_without_da(tmp_path, sentence):
    body = "3. Xây dựng nông thôn mới nâng cao\n\n" + sentence + "\n"
    got = _values(_draft(tmp_path, body))
    assert got[("ntm_nc.tc15", "as_of")] == "dat"
    assert got[("ntm_nc.tc19", "as_of")] == "dat"


def test_a_criterion_reaching_a_low_mark_is_not_met_by_that_sentence(tmp_path):
    body = (
        "3. Xây dựng nông thôn mới nâng cao\n\n"
        "Tiêu chí số 10 - Thu nhập đạt thấp so với yêu cầu của Bộ tiêu chí.\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.ke_hoach_nam", 2024)] is True
    assert ("ntm_nc.tc10", "as_of") not in got


# --------------------------------------------------------------------------------------------------- criteria not met
# The set a list of criteria not met belongs to is the set named last before it: a sentence may keep the basic set's
# 19/19 first and then turn to the advanced set; a list run on over semicolons follows "là" as well as a colon.


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã giữ vững 19/19 tiêu chí nông thôn mới; theo Bộ tiêu chí xã nông thôn mới nâng cao, xã tự đánh giá đạt "
        "16/19 tiêu chí, còn 03 tiêu chí chưa đạt là: Giao thông; Thu nhập; Chất lượng môi trường sống.",
        # a second writer: the basic set in its own sentence, the list after "là" with no colon
        "Xã đạt chuẩn nông thôn mới năm 2020 với 19/19 tiêu chí. Đến nay, xã đạt 16/19 tiêu chí xã nông thôn mới "
        "nâng cao; còn 03 tiêu chí chưa đạt là Giao thông; Thu nhập; Chất lượng môi trường sống.",
    ],
)
def test_a_list_of_criteria_not_met_after_the_advanced_set_is_the_advanced_sets(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("ntm_nc.tc02", "as_of")] == "chua_dat"
    assert got[("ntm_nc.tc10", "as_of")] == "chua_dat"
    assert got[("ntm_nc.tc18", "as_of")] == "chua_dat"


def test_a_list_of_criteria_not_met_after_the_basic_set_is_not_the_advanced_sets(tmp_path):
    body = (
        "Về nông thôn mới nâng cao: xã tiếp tục rà soát. Xã đạt 17/19 tiêu chí xã nông thôn mới, còn 02 tiêu chí "
        "chưa đạt là Giao thông; Thu nhập.\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.ke_hoach_nam", 2024)] is True
    assert not [k for k in got if k[0].startswith("ntm_nc.tc")], got


# --------------------------------------------------------------------------------------------------- criteria completed


@pytest.mark.parametrize(
    "sentence",
    [
        "Đến nay, xã đạt 17/19 tiêu chí nông thôn mới nâng cao; trong năm 2024 hoàn thành thêm các tiêu chí Giao "
        "thông, Môi trường và Chất lượng môi trường sống.",
        # a second writer: "đã đạt thêm 02 tiêu chí", the set in the heading
        "3. Nông thôn mới nâng cao\n\nTrong năm, xã đã đạt thêm 03 tiêu chí Giao thông, Môi trường và Chất lượng "
        "môi trường sống.",
    ],
)
def test_criteria_named_after_hoan_thanh_them_are_met(tmp_path, sentence):
    got = _values(_draft(tmp_path, sentence + "\n"))
    assert got[("ntm_nc.tc02", "as_of")] == "dat"
    assert got[("ntm_nc.tc17", "as_of")] == "dat"
    assert got[("ntm_nc.tc18", "as_of")] == "dat"


def test_criteria_yet_to_be_completed_are_not_met(tmp_path):
    body = (
        "3. Nông thôn mới nâng cao\n\nXã đạt 16/19 tiêu chí nông thôn mới nâng cao. Năm 2025, xã phấn đấu hoàn thành "
        "các tiêu chí Giao thông, Thu nhập và Môi trường.\n" + CONTROL
    )
    got = _values(_draft(tmp_path, body))
    assert got[("dvcq.ke_hoach_nam", 2024)] is True
    assert not [k for k in got if k[0].startswith("ntm_nc.tc") and k[1] == "as_of" and got[k] == "dat"], got
