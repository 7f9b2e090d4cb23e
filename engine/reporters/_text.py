"""Text from the input, made safe for each output: no control characters, no markup, no spreadsheet formulas.

Names, quotes and titles come from files a user (or an attacker) wrote. A control character (written in YAML as
"\\x07") breaks Word and Excel files and can drive a terminal; Markdown would render raw HTML and links from it; a
spreadsheet would run a cell that starts with "=" as a formula. Every reporter passes such text through here.
"""

from __future__ import annotations

import re
from decimal import Decimal

REPLACEMENT = "\ufffd"

# C0 controls but tab and line feed, DEL, C1 controls, and the two code points XML forbids outright
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` with every control character (tab and line feed excepted; CR LF and CR become LF) replaced by
    U+FFFD, so it can be seen that something was there."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(REPLACEMENT, text)
    return _SURROGATE.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """``clean`` text on one line: tabs and line breaks become spaces."""
    return " ".join(clean(text).replace("\t", " ").split("\n"))


# ASCII punctuation that starts Markdown or HTML syntax anywhere in a line (emphasis, code, links, images, raw HTML,
# entities, table cells, strikethrough); each is escaped with a backslash, which CommonMark allows before any of them.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def md(text: str, *, line_start: bool = True) -> str:
    """Input text as literal Markdown inline text: no raw HTML, no link, no emphasis, no table cell break, and (when
    it stands at the start of a line) no heading, quote or list. A heading's own text is not at a line's start."""
    escaped = _MD_SPECIAL.sub(r"\\\1", one_line(text).strip())
    if not line_start:
        return escaped
    if escaped[:1] in ("#", ">", "+", "-", "="):
        return "\\" + escaped
    return _MD_ORDERED.sub(r"\1\\\2", escaped)


# OWASP, CSV injection: a cell that begins with one of these may be run as a formula by Excel or LibreOffice
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)([eE][+-]?\d+)?$")


def formula_risk(text: str) -> bool:
    """Would a spreadsheet read this text as a formula? A plain number ("-5", "+3,5") is not a risk."""
    return text.startswith(_FORMULA_START) and not _NUMBER.match(text)


def sheet_value(value):
    """A value for a spreadsheet cell: numbers stay numbers, text is cleaned (CSV and XLSX add their own guard)."""
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    return clean(str(value))


def csv_value(value) -> str:
    """A CSV field: text that would start a formula gets a leading apostrophe (OWASP); numbers are left alone."""
    value = sheet_value(value)
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return "'" + value if formula_risk(value) else value
