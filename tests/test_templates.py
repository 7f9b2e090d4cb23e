"""Message templates as rule authors write them: placeholders, [segments], and values that are never read as text
to fill."""

from chitieu.templates import render


def test_a_segment_is_printed_only_when_every_field_in_it_has_a_value():
    text = "{title} ({period}): chưa đạt[, mới triển khai bằng {cited_document}]."
    base = {"title": "Mô hình Dân vận khéo", "period": "năm 2024"}
    assert render(text, dict(base, cited_document="")) == "Mô hình Dân vận khéo (năm 2024): chưa đạt."
    assert (
        render(text, dict(base, cited_document="Quyết định số 12/QĐ-UBND"))
        == "Mô hình Dân vận khéo (năm 2024): chưa đạt, mới triển khai bằng Quyết định số 12/QĐ-UBND."
    )


def test_an_absent_field_shows_a_dash_and_an_empty_one_vanishes():
    assert render("Kết quả {actual}, chỉ tiêu {target}.", {"actual": ""}) == "Kết quả, chỉ tiêu —."


def test_a_value_with_braces_or_brackets_is_printed_as_written_also_inside_a_segment():
    # a quote from a report may hold any character; it is filled in, never parsed as part of the template
    quote = "mô hình {mới} [thôn 3]"
    assert render("[Báo cáo nêu: {cited_document}.] {title}", {"cited_document": quote, "title": "X"}) == (
        "Báo cáo nêu: mô hình {mới} [thôn 3]. X"
    )
    assert render("{title}", {"title": "a {b} [[c]]"}) == "a {b} [[c]]"


def test_literal_brackets_and_braces_of_the_template_are_written_once():
    assert render("[[{title}]] {{ghi chú}}", {"title": "Tịnh An"}) == "[Tịnh An] {ghi chú}"
