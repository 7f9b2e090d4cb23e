"""Structural rules of the genre the lead learned in stop 30 from the development corpus and the spent held-out sets
(BENCHMARKS.md), each tested on sentences written here, with a second writer's variant, through the real
`facts extract`. Precision first: a doubtful reading drafts nothing."""

from __future__ import annotations

import pytest

from test_grammar_forms import _draft, _values
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
    body = "Tính đến nay, phường có 05 mô hình “Dân vận khéo” được công nhận.\n"
    got = _values(_draft(tmp_path, body + CONTROL.replace("2024", "2025"), head=MERGED_HEAD))
    assert got == {("dvcq.ke_hoach_nam", 2025): True}
    # "Hiện nay … đang duy trì" is the stock now, models of the former units included
    body = "Hiện nay trên địa bàn phường đang duy trì 11 mô hình “Dân vận khéo”, trong đó 07 mô hình do các đơn vị cũ xây dựng.\n"
    got = _values(_draft(tmp_path, body, head=MERGED_HEAD))
    assert got[("dvk.tong_so_mo_hinh_bao_cao", "as_of")] == 11
