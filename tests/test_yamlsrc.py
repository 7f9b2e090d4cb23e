"""Loading YAML safely, with a location for every problem."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu import yamlsrc
from chitieu.diagnostics import InputError
from conftest import examples


def load_text(tmp_path: Path, data: bytes | str, **kw):
    p = tmp_path / "x.yaml"
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return yamlsrc.load(p, **kw)


def error_of(tmp_path: Path, data: bytes | str, **kw):
    with pytest.raises(InputError) as exc:
        load_text(tmp_path, data, **kw)
    d = exc.value.diagnostics[0]
    return d.line, d.col, d.code, d.message


def test_core_schema_scalars(tmp_path):
    doc = load_text(tmp_path, "a: yes\nb: 05\nc: 1.50\nd: 2024-10-01\ne: '7'\nf: true\ng: ~\nh: 1:20\ni: 1e3\n")
    assert doc.data == {
        "a": "yes",
        "b": 5,
        "c": Decimal("1.50"),
        "d": "2024-10-01",
        "e": "7",
        "f": True,
        "g": None,
        "h": "1:20",
        "i": Decimal("1E+3"),
    }


def test_marks_point_at_values_and_keys(tmp_path):
    doc = load_text(tmp_path, "top:\n  - name: x\n    value: 3\n")
    assert doc.where(("top", 0, "value")) == (3, 12)
    assert doc.where(("top", 0, "value"), prefer_key=True) == (3, 5)
    assert doc.where(("top", 0, "missing")) == (2, 5)


def test_bom_and_windows_line_endings_are_accepted(tmp_path):
    doc = load_text(tmp_path, b"\xef\xbb\xbfa: 1\r\nb: 2\r\n")
    assert doc.data == {"a": 1, "b": 2}
    assert doc.where(("b",)) == (2, 4)


def test_nfd_file_is_normalised_to_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "tên: xã Tịnh An\n")
    doc = load_text(tmp_path, nfd)
    assert doc.data == {"tên": "xã Tịnh An"}
    assert unicodedata.is_normalized("NFC", doc.data["tên"])


def test_mixed_nfc_and_nfd_is_refused_at_the_first_decomposed_character(tmp_path):
    text = "a: Tịnh An\nb: " + unicodedata.normalize("NFD", "Tịnh") + "\n"
    line, col, code, msg = error_of(tmp_path, text)
    assert (line, col, code) == (2, 5, "unicode-mixed")
    assert "NFC" in msg


def test_invalid_utf8_is_located(tmp_path):
    line, col, code, _ = error_of(tmp_path, b"a: 1\nb: \xff\n")
    assert (line, col, code) == (2, 4, "encoding")


def test_alias_bomb_is_refused(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    _, _, code, msg = error_of(tmp_path, "\n".join(lines) + "\n")
    assert code == "yaml-too-large" and "aliases" in msg


def test_deep_nesting_is_refused(tmp_path):
    _, _, code, _ = error_of(tmp_path, "a: " + "[" * 60 + "]" * 60 + "\n")
    assert code == "yaml-too-deep"
    # deeper still, the C parser stops first (its own limit, 1,000 levels): the same code and message
    line, col, code, msg = error_of(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert (line, code, msg) == (1, "yaml-too-deep", "values are nested more than 40 levels deep")


def test_file_size_limit(tmp_path):
    line, col, code, msg = error_of(tmp_path, "a: " + "x" * 2000 + "\n", max_bytes=1000)
    assert (line, col, code) == (1, 1, "file-too-large")


def test_merge_keys_and_local_tags_are_refused(tmp_path):
    assert error_of(tmp_path, "b: &b {x: 1}\nc:\n  <<: *b\n")[2] == "yaml-merge"
    assert error_of(tmp_path, "a: !include other.yaml\n")[2] == "yaml-tag"


def test_several_documents_are_refused(tmp_path):
    assert error_of(tmp_path, "a: 1\n---\nb: 2\n")[:3] == (3, 1, "yaml-multi-document")


# --------------------------------------------------------------------------------------------------- flow (writing)

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.decimals(allow_nan=False, allow_infinity=False, places=3),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.sampled_from(
        [
            "null",
            "true",
            "Yes",
            "on",
            "05",
            "2024",
            ".inf",
            "a: b",
            "x, y",
            "#c",
            " sp",
            "Kế hoạch",
            "172/KH-UBND",
            "as_of",
            "12:30",
            "0x1F",
            "[a]",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.from_regex(r"[a-z_]{1,8}", fullmatch=True), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=examples(200), deadline=None)
@given(value=VALUES)
def test_flow_reads_back_as_the_value_it_wrote(value):
    """What chitieu writes as YAML (drafted facts, imported forms, exports) reads back through its own loader as the
    same value, and no text becomes a number, a boolean or null."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.yaml"
        path.write_text(f"v: {yamlsrc.flow(value)}\n", encoding="utf-8")
        back = yamlsrc.load(path).data["v"]
    assert back == _as_loaded(value)


def _as_loaded(value):
    """The loader's view of a value: texts NFC (the loader normalises), numbers as Decimal, tuples as lists."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, dict):
        return {k: _as_loaded(v) for k, v in value.items()}
    return [_as_loaded(v) for v in value]


def test_flow_writes_texts_plain_as_people_write_them_and_quotes_the_rest():
    assert (
        yamlsrc.flow({"kind": "Kế hoạch", "number": "172/KH-UBND", "period": "as_of", "date": "2024-10-31"})
        == "{kind: Kế hoạch, number: 172/KH-UBND, period: as_of, date: 2024-10-31}"
    )
    assert [yamlsrc.flow(t) for t in ("null", "true", "Yes", "05", "2024", "a: b", "x, y")] == [
        '"null"',
        '"true"',
        '"Yes"',
        '"05"',
        '"2024"',
        '"a: b"',
        '"x, y"',
    ]
