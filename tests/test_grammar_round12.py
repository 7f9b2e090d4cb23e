"""Structural rules of the genre learned from held-out sets 15 and 16 once they were retired (BENCHMARKS.md "Round
12"): how a table is cut into cells, which rows and labels give which year, how criteria named in a list are read —
each tested on sentences and tables written here (other communes, other wording), with a second writer's variant,
through the real `facts extract`. Precision first: a doubtful reading drafts nothing or is marked for review."""

from __future__ import annotations

import pytest

from test_grammar_forms import _draft, _values

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
