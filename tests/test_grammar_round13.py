"""Structural rules of the genre learned from held-out sets 17 to 20 once they were retired (BENCHMARKS.md "Round
13"), each tested on sentences written here (other communes, other wording), with a second writer's variant, through
the real `facts extract`. Precision first: a doubtful reading drafts nothing or is marked for review."""

from __future__ import annotations

import pytest

from test_grammar_forms import HEAD, _draft, _values

# --------------------------------------------------------------------------------------------------- period (cùng kỳ)
# In a report on part of a year, a rate given for "cùng kỳ" of an earlier year covers the same months of that year
# only: it is not that year's rate and drafts nothing (the corpus convention on "cùng kỳ"). The report's own rate is
# still drafted. In a whole-year report "cùng kỳ năm 2023" is the year 2023 and the rule does not apply.

PART_YEAR_HEAD = HEAD.replace("ngày 18 tháng 12 năm 2024", "ngày 20 tháng 6 năm 2024").replace(
    "công tác dân vận năm 2024", "công tác dân vận 6 tháng đầu năm 2024"
)


@pytest.mark.parametrize(
    "body, now, before",
    [
        (
            "Sáu tháng đầu năm 2024, tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến của xã đạt 68,2%; "
            "cùng kỳ năm 2023 đạt 51,7%.\n",
            68.2,
            51.7,
        ),
        # a second writer: the earlier months first, the rate now after it
        (
            "Cùng kỳ năm 2023, tỷ lệ hồ sơ giải quyết trực tuyến của xã chỉ đạt 47,5%. Đến nay, tỷ lệ hồ sơ "
            "thủ tục hành chính được giải quyết trực tuyến của xã đạt 63%.\n",
            63,
            47.5,
        ),
    ],
)
def test_a_rate_of_the_same_months_of_an_earlier_year_in_a_part_year_report_is_no_fact(tmp_path, body, now, before):
    rate = "dich_vu_cong.ty_le_ho_so_truc_tuyen"
    assert _values(_draft(tmp_path, body, head=PART_YEAR_HEAD)) == {(rate, "as_of"): now}
    # the same words in a whole-year report: "cùng kỳ năm 2023" is the year 2023, its rate that year's
    whole = body.replace("Sáu tháng đầu năm 2024", "Năm 2024")
    assert _values(_draft(tmp_path, whole)) == {(rate, "as_of"): now, (rate, 2023): before}
