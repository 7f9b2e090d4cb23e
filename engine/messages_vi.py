"""The Vietnamese text of diagnostics, and the command's own lines in both languages.

Each call site builds its message in English (``Diagnostic.message``); this table gives, per diagnostic code, English
patterns with named groups and the Vietnamese template of each. ``vietnamese(code, message)`` is applied when a
diagnostic is shown (``Diagnostic.text``): the quoted names, ids, numbers and paths of the English message are carried
over unchanged. A message no pattern matches is shown in English (a test runs every broken fixture in Vietnamese and
fails on one). A call site whose messages vary too much for a pattern passes ``message_vi`` itself (report lint).

``LINES`` holds what the commands say of their own — summaries, notes, what they say when they stop — in English and
in Vietnamese, by key (``say``).

Patterns are matched in full (``re.fullmatch``) after three steps that many messages share: the "did you mean" hint is
put into Vietnamese wherever it sits; a leading place ("example 'a': fact 2: value: ") is split off and put into
Vietnamese; a trailing "; the file was skipped" likewise.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

Q = r"'[^']*'"  # a quoted name, id or value: carried over as it is
ANY = r".+?"

# fragments that sit inside messages of many codes
_HINT = re.compile(r" \(did you mean: (?P<names>[^)]*?)\?\)")
_PREFIXES: list[tuple[str, str]] = [
    (rf"example (?P<name>{Q}): ", "ví dụ {name}: "),
    (r"fact (?P<n>\d+): ", "số liệu thứ {n}: "),
    (r"waiver (?P<n>\d+): ", "miễn trừ thứ {n}: "),
    (r"in the facts drafted from this report: ", "trong số liệu rút từ báo cáo này: "),
    (r"(?P<field>[a-z_]+(?:\.[a-z_0-9]+)*): (?=[a-z'\"{0-9]|the |expected )", "{field}: "),
]
_SUFFIXES: list[tuple[str, str]] = [
    (r"; the file was skipped", "; tệp đã được bỏ qua"),
]

# what to do instead of giving a file of another kind (engine/inputs.py what_instead), and the kinds' names
FILE_KINDS: dict[str, str] = {
    "a PDF document": "văn bản PDF",
    "a PowerPoint presentation (.pptx)": "bản trình chiếu PowerPoint (.pptx)",
    "a Rich Text document (.rtf)": "văn bản Rich Text (.rtf)",
    "a Word document (.docx)": "văn bản Word (.docx)",
    "a zip archive": "tệp nén zip",
    "an Excel workbook (.xlsx)": "bảng tính Excel (.xlsx)",
    "an OpenDocument file (.odt/.ods)": "tệp OpenDocument (.odt/.ods)",
    "an image": "hình ảnh",
    "an old Office document (.doc or .xls, Office 97–2003)": "văn bản Office cũ (.doc hoặc .xls, Office 97–2003)",
}
_READS_VI = (
    "chitieu đọc tệp số liệu và tệp miễn trừ (.yaml, 'schema: chitieu.facts/1') và báo cáo của xã dạng .txt, .md "
    "hoặc .docx"
)
INSTEAD: dict[str, str] = {
    "chitieu reads fact and waiver files (.yaml, 'schema: chitieu.facts/1') and a commune's report as .txt, .md or "
    ".docx": _READS_VI,
    "give a Word report its .docx name to check it as a report (chitieu check bao-cao.docx), or draft its facts with "
    "`chitieu facts extract`": "hãy đặt tên tệp báo cáo Word có đuôi .docx để kiểm tra như một báo cáo (chitieu check "
    "bao-cao.docx), hoặc rút số liệu bằng `chitieu facts extract`",
    "open it in Word or LibreOffice and save it as .docx (Word) or .txt (UTF-8); chitieu reads fact and waiver files "
    "(.yaml, 'schema: chitieu.facts/1') and a commune's report as .txt, .md or .docx": "mở tệp bằng Word hoặc "
    "LibreOffice và lưu dưới dạng .docx (Word) hoặc .txt (UTF-8); " + _READS_VI,
}

_DATE_HINT = "viết ngày theo dạng YYYY-MM-DD"
_AS_OF_UNKNOWN = (
    "báo cáo không nêu số liệu tính đến ngày nào (không có dòng “ngày … tháng … năm …”, không có “tính đến ngày …”): "
    "hãy chỉ định bằng --as-of YYYY-MM-DD (hoặc DD/MM/YYYY; YYYY-MM nếu báo cáo chỉ nêu tháng); chitieu không bao giờ "
    "đánh giá báo cáo theo ngày hôm nay"
)
_NAME_UNKNOWN = (
    "báo cáo không nêu tên đơn vị (phần đầu và phần mở đầu không có “UBND xã …”): hãy chỉ định bằng --name 'xã …' "
    "(và --commune-id)"
)
_UTF8_HOW = "lưu lại tệp theo mã UTF-8 (Unicode), ví dụ bằng công cụ chuyển mã của Unikey hoặc “Save as… UTF-8”"
_FORM_SAVE = "lưu lại biểu mẫu bằng Excel hoặc LibreOffice dưới dạng .xlsx"

# code → [(English pattern, Vietnamese template)]; "*" holds patterns that several codes share
MESSAGES: dict[str, list[tuple[str, str]]] = {
    "*": [
        (rf"(?P<key>{Q}) needs a (?P<what>{Q}) template", "{key} cần có mẫu câu {what}"),
        (rf"expected a mapping of keys, got (?P<got>{ANY})", "cần một bảng khóa (key: giá trị), nhưng gặp {got}"),
        (rf"expected a list \('- ' items\), got (?P<got>{ANY})", "cần một danh sách (các dòng '- '), nhưng gặp {got}"),
    ],
    # reading files
    "io": [
        (r"no such file or folder(?P<hint>.*)", "không có tệp hoặc thư mục này{hint}"),
        (
            r"the rules directory does not exist \(set --rules or CHITIEU_RULES\)",
            "thư mục quy tắc không tồn tại (chỉ định bằng --rules hoặc CHITIEU_RULES)",
        ),
        (
            r"the Word file is damaged, or is not a Word \.docx \(no Word document inside\); open it in Word and save it "
            r"again as \.docx",
            "tệp Word bị hỏng hoặc không phải tệp .docx (không có văn bản Word bên trong); mở tệp bằng "
            "Word và lưu lại dưới dạng .docx",
        ),
        (rf"the Word file is damaged \((?P<why>{ANY})\)", "tệp Word bị hỏng ({why})"),
        (rf"cannot read the (?P<thing>{ANY}): (?P<why>{ANY})", "không đọc được {thing}: {why}"),
        (rf"cannot read (?P<thing>{ANY}): (?P<why>{ANY})", "không đọc được {thing}: {why}"),
        (rf"is a folder; give the (?P<thing>{ANY}) itself", "là một thư mục; hãy chỉ định chính {thing}"),
        (rf"(?P<why>{ANY}): cannot be read", "{why}: không đọc được"),
    ],
    "file-kind": [
        (
            rf"is (?P<thing>{ANY}), not a regular file; chitieu reads only regular files",
            "là {thing}, không phải tệp thường; chitieu chỉ đọc tệp thường",
        ),
        (rf"the file is (?P<kind>{ANY}), not text; (?P<what>{ANY})", "tệp là {kind}, không phải văn bản; {what}"),
        (
            r"a YAML file is not a report: `facts extract` drafts facts from a commune's report \(\.txt, \.md, \.docx\); "
            r"check a fact file with `chitieu check`",
            "tệp YAML không phải là báo cáo: `facts extract` rút số liệu từ báo cáo của xã (.txt, .md, .docx); tệp số "
            "liệu thì kiểm tra bằng `chitieu check`",
        ),
    ],
    "archive-limit": [
        (
            r"the Word file holds (?P<n>[\d,]+) archive members; the limit is (?P<m>[\d,]+) \(a zip bomb\?\)",
            "tệp Word chứa {n} thành phần nén, vượt giới hạn {m} (tệp nén độc hại?)",
        ),
        (
            rf"the part (?P<part>{Q}) unpacks to (?P<n>[\d,]+) bytes; the limit is (?P<m>[\d,]+) \(a zip bomb\?\)",
            "phần {part} giải nén ra {n} byte, vượt giới hạn {m} (tệp nén độc hại?)",
        ),
        (
            rf"the part (?P<part>{Q}) holds more than (?P<m>[\d,]+) XML elements \(the limit; a zip bomb\?\)",
            "phần {part} chứa hơn {m} phần tử XML (vượt giới hạn; tệp nén độc hại?)",
        ),
    ],
    "file-too-large": [
        (
            r"the (?P<thing>file|report|workbook) is (?P<n>[\d,]+) bytes; the limit is (?P<m>[\d,]+) bytes",
            "{thing} có {n} byte, vượt giới hạn {m} byte",
        ),
        (r"the file holds more than (?P<m>[\d,]+) bytes \(the limit\)", "tệp có hơn {m} byte (vượt giới hạn)"),
    ],
    "empty-file": [
        (r"the file is empty", "tệp rỗng"),
        (r"the file holds no YAML document", "tệp không có văn bản YAML nào"),
    ],
    "encoding": [
        (
            r"the report is Vietnamese text in the (?P<enc>.+) encoding: read as Unicode; check the letters of what is "
            r"drafted from it",
            "báo cáo là văn bản tiếng Việt theo bảng mã {enc}: đã đọc chuyển sang Unicode; hãy kiểm tra chữ của các số "
            "liệu rút từ báo cáo",
        ),
        (
            r"the report was read by OCR: every fact drafted from it is marked for review",
            "báo cáo được đọc bằng OCR: mọi số liệu rút từ báo cáo đều được đánh dấu cần xem lại",
        ),
        (
            r"the file is not valid UTF-8 \(byte (?P<b>0x[0-9a-f]+)\); save it as UTF-8",
            "tệp không đúng mã UTF-8 (byte {b}); lưu lại tệp theo mã UTF-8",
        ),
        (
            rf"the file is Vietnamese text in the (?P<enc>{ANY}) encoding, not UTF-8: save it as UTF-8 \(Unicode\), "
            rf"e\.g\. with Unikey's converter or your editor's “Save as… UTF-8”",
            "tệp là văn bản tiếng Việt theo bảng mã {enc}, không phải UTF-8: " + _UTF8_HOW,
        ),
        (
            rf"the file is UTF-16 \(Notepad's “Unicode”\) text, not UTF-8: save it as UTF-8 {ANY}",
            "tệp là văn bản UTF-16 (“Unicode” của Notepad), không phải UTF-8: lưu lại theo mã UTF-8 "
            "(trong Notepad: Save as… → Encoding: UTF-8)",
        ),
    ],
    "unicode-mixed": [
        (
            rf"the file mixes composed \(NFC\) and decomposed \(NFD\) Vietnamese characters; {ANY}",
            "tệp trộn lẫn ký tự tiếng Việt dựng sẵn (NFC) và tổ hợp (NFD); lưu lại tệp theo dạng chuẩn hóa NFC "
            "(ví dụ `uconv -x any-nfc` hoặc chức năng chuẩn hóa Unicode của trình soạn thảo)",
        ),
    ],
    "yaml-syntax": [
        (
            r"(?P<p>.+?): `(?P<key>[^`]+)` is indented (?P<n>\d+) spaces?; indent it like `(?P<like>[^`]+)` "
            r"\((?P<m>\d+) spaces?\)",
            "lỗi cú pháp YAML, {p}: `{key}` đang thụt lề {n} dấu cách; hãy thụt lề như `{like}` ({m} dấu cách)",
        ),
        (
            r"(?P<p>.+?) \(a tab: YAML indents with spaces only\)",
            "lỗi cú pháp YAML, {p} (có ký tự tab: YAML chỉ thụt lề bằng dấu cách)",
        ),
        (r"control characters are not allowed", "không được dùng ký tự điều khiển"),
        (
            r"(?P<p>(?:did not find expected|found|while|expected|could not find|unacceptable character) .+?|"
            r"mapping values are not allowed in this context|invalid YAML|unsupported YAML node)",
            "lỗi cú pháp YAML, {p}; kiểm tra dòng này và dòng trước: thụt lề, dấu ':' sau khóa, dấu ngoặc và dấu "
            "nháy đóng mở đủ cặp",
        ),
    ],
    "yaml-tag": [
        (
            rf"the tag (?P<tag>{Q}) is not allowed; rule and fact files are plain data",
            "không được dùng thẻ {tag}; tệp quy tắc và tệp số liệu chỉ chứa dữ liệu thuần",
        ),
    ],
    "yaml-merge": [
        (
            r"merge keys \('<<'\) are not allowed; write the keys out",
            "không được dùng khóa gộp ('<<'); hãy viết đầy đủ từng khóa",
        ),
    ],
    "yaml-key": [(r"keys must be plain text", "khóa phải là văn bản thường")],
    "duplicate-key": [
        (rf"the key (?P<key>{Q}) appears twice in this mapping", "khóa {key} xuất hiện hai lần trong cùng một bảng"),
    ],
    "yaml-too-large": [
        (
            rf"the document expands to more than (?P<n>[\d,]+) values {ANY}",
            "văn bản bung ra hơn {n} giá trị (do neo và bí danh nhân lên); hãy viết đầy đủ các giá trị hoặc tách tệp",
        ),
    ],
    "yaml-too-deep": [
        (r"values are nested more than (?P<n>\d+) levels deep", "giá trị lồng nhau sâu quá {n} cấp"),
    ],
    "yaml-multi-document": [
        (
            r"the file holds more than one YAML document \('---'\); put one document per file",
            "tệp có nhiều hơn một văn bản YAML ('---'); mỗi tệp chỉ để một văn bản",
        ),
    ],
    "unknown-schema": [
        (
            rf"the file has no 'schema' key \(its first line is 'schema: …', one of (?P<list>{ANY})\); "
            rf"is (?P<near>{Q}) a misspelling of it\?",
            "tệp không có khóa 'schema' (dòng đầu là 'schema: …', một trong {list}); khóa {near} có phải là 'schema' "
            "viết nhầm không?",
        ),
        (
            rf"the file has no 'schema' key \(its first line is 'schema: …', one of (?P<list>{ANY})\)",
            "tệp không có khóa 'schema' (dòng đầu là 'schema: …', một trong {list})",
        ),
        (rf"'schema' must be (?P<list>{ANY}), got (?P<got>{ANY})", "'schema' phải là {list}, nhưng gặp {got}"),
        (
            rf"the file must be a mapping that starts with (?P<s>{Q}) \(or another chitieu schema\), {ANY}",
            "tệp phải là một bảng khóa bắt đầu bằng {s} (hoặc một schema khác của chitieu), không phải một danh sách "
            "hay một giá trị đơn",
        ),
    ],
    # shapes
    "unknown-key": [
        (
            rf"unknown key (?P<key>{Q}): is it the required key (?P<req>{Q}), which is missing\?",
            "khóa {key} không có trong định dạng: có phải là khóa bắt buộc {req} (đang thiếu)?",
        ),
        (rf"unknown key (?P<key>{Q})(?P<hint>.*)", "khóa {key} không có trong định dạng{hint}"),
        (
            rf"(?P<key>{Q}) does not apply to a rule of kind (?P<kind>{Q}); it is a key of (?P<owners>{ANY}) rules",
            "khóa {key} không dùng cho quy tắc loại {kind}; đó là khóa của quy tắc loại {owners}",
        ),
    ],
    "missing-key": [
        (r"the cell “(?P<label>[^”]+)” is blank; fill it in", "ô “{label}” còn trống; hãy điền vào"),
        (
            r"the merger date is filled in but not the former units; name the units merged into this one, or clear the "
            r"date",
            "đã ghi ngày sắp xếp nhưng chưa ghi các đơn vị cũ; hãy ghi các đơn vị đã sắp xếp vào đơn vị này, hoặc "
            "xóa ngày",
        ),
        (
            r"missing required key 'source': every fact cites the report's sentence it comes from \(source: \{line: …, "
            r"quote: …\}, or a form's cell\)",
            "thiếu khóa bắt buộc 'source': mỗi số liệu phải dẫn câu của báo cáo mà số liệu lấy từ đó (source: {{line: …, "
            "quote: …}}, hoặc ô của biểu mẫu)",
        ),
        (rf"missing required key (?P<key>{Q})", "thiếu khóa bắt buộc {key}"),
        (rf"(?P<key>{Q}) needs a (?P<what>{Q}) template", "{key} cần có mẫu câu {what}"),
    ],
    "missing-citation": [
        (
            rf"missing required key (?P<key>{Q}): every rule cites {ANY}",
            "thiếu khóa bắt buộc {key}: mỗi quy tắc phải dẫn điều, khoản của văn bản quy định chỉ tiêu "
            "(source: {{clause: …}})",
        ),
    ],
    "wrong-type": [
        (
            r"the cell holds (?P<v>Có|Không) \(a yes/no\), not a number",
            "ô chứa “{v}” (giá trị có/không), không phải số",
        ),
        (r"the cell holds the date (?P<d>\S+), not a number", "ô chứa ngày {d}, không phải số"),
        (
            r"the cell holds (?P<v>Có|Không) \(a yes/no\), not a name; type the name",
            "ô chứa “{v}” (giá trị có/không), không phải tên; hãy gõ tên",
        ),
        (
            r"the cell holds the date (?P<d>\S+), not a name; type the name",
            "ô chứa ngày {d}, không phải tên; hãy gõ tên",
        ),
        (
            r"the cell holds the number (?P<n>\S+), not a name; type the name",
            "ô chứa số {n}, không phải tên; hãy gõ tên",
        ),
        (rf"(?P<key>{Q}) must be a list \('- ' items\)", "{key} phải là một danh sách (các dòng '- ')"),
        (
            r"expected a year \(2024\), a span \('2023-2024'\) or 'as_of'",
            "cần một năm (2024), một khoảng năm ('2023-2024') hoặc 'as_of'",
        ),
        (
            rf"expected a date written YYYY-MM-DD, got (?P<got>{ANY})",
            "cần một ngày viết theo dạng YYYY-MM-DD, nhưng gặp {got}",
        ),
        (
            rf"expected text, got (?P<got>{ANY}); put it in quotes",
            "cần chữ, nhưng gặp {got}; hãy đặt trong dấu nháy",
        ),
        (rf"expected text, got (?P<got>{ANY})", "cần chữ, nhưng gặp {got}"),
        (rf"the span (?P<span>{Q}) runs backwards", "khoảng năm {span} bị ngược (năm đầu sau năm cuối)"),
        (r"(?P<y>-?\d+) is not a plausible year", "{y} không phải là một năm hợp lý"),
        (r"must not be empty", "không được để trống"),
        (
            rf"expected a number, got the text (?P<got>{Q}); write the number without quotes or '%'",
            "cần một số, nhưng gặp chữ {got}; viết số không có dấu nháy và không có '%'",
        ),
        (
            rf"expected a whole number, got the text (?P<got>{Q}); write it without quotes",
            "cần một số nguyên, nhưng gặp chữ {got}; viết số không có dấu nháy",
        ),
        (
            rf"the cell holds the text (?P<got>{Q}), not a number; type the number alone \(e\.g\. (?P<a>\S+) or "
            r"(?P<b>\S+)\), without its unit",
            "ô chứa chữ {got}, không phải số; chỉ gõ con số (ví dụ {a} hoặc {b}), không kèm đơn vị",
        ),
        (rf"expected (?P<what>a [a-z ]+), got (?P<got>{ANY})", "cần {what}, nhưng gặp {got}"),
        (rf"(?P<what>input should be [^,]+), got (?P<got>{ANY})", "{what}, nhưng gặp {got}"),
    ],
    "invalid-value": [
        (
            rf"(?P<n>{Q}) names a (?P<h>[^;]+); write the commune-level units merged into this one",
            "{n} là tên của một {h}; hãy ghi các đơn vị cấp xã đã sắp xếp vào đơn vị này",
        ),
        (
            rf"(?P<n>{Q}) does not say what kind of unit it was; write its kind first \(e\.g\. (?P<e>{Q})\)",
            "{n} chưa ghi loại đơn vị; hãy ghi loại đơn vị trước tên (ví dụ {e})",
        ),
        (
            rf"words\.short_of\.level (?P<lv>{Q}) is not one of the indicator's levels",
            "words.short_of.level {lv} không phải là một mức (levels) của chỉ số",
        ),
        (
            r"read: named needs 'unit' \(the word of the kind a name follows\) and 'topic' \(what a name says\)",
            "read: named cần có 'unit' (từ đứng trước tên, như “mô hình”) và 'topic' (điều mà tên nêu)",
        ),
        (
            rf"words\.of of (?P<key>{Q}) names the indicator itself",
            "words.of của {key} lại nêu chính chỉ số này",
        ),
        (
            rf"(?P<got>{Q}) is not (?P<a>“[^”]*”) or (?P<b>“[^”]*”); choose one of (?P<shown>{ANY})",
            "{got} không phải {a} hoặc {b}; hãy chọn một trong các giá trị {shown}",
        ),
        (
            rf"(?P<got>{Q}) is not a bound; choose one of (?P<shown>{ANY})",
            "{got} không phải là cận của khoảng giá trị; hãy chọn một trong các giá trị {shown}",
        ),
        (
            rf"(?P<got>{Q}) is not a source of the figure; choose one of (?P<shown>{ANY})",
            "{got} không phải là nguồn của số liệu; hãy chọn một trong các giá trị {shown}",
        ),
        (r"give 'gt' or 'gte', not both", "chỉ ghi 'gt' (trên) hoặc 'gte' (từ … trở lên), không ghi cả hai"),
        (r"give 'lt' or 'lte', not both", "chỉ ghi 'lt' (dưới) hoặc 'lte' (đến … trở xuống), không ghi cả hai"),
        (r"a bound needs one of gt, gte, lt, lte", "một khoảng giá trị cần ít nhất một trong gt, gte, lt, lte"),
        (
            r"the bound is empty \(lower bound above upper bound\)",
            "khoảng giá trị rỗng (cận dưới lớn hơn cận trên)",
        ),
        (r"'from' is after 'to'", "'from' (từ ngày) sau 'to' (đến ngày)"),
        (r"'period' needs 'to'", "'period' cần có 'to' (đến ngày)"),
        (
            r"'as_of' is before the start of the report period",
            "'as_of' (số liệu tính đến ngày) trước ngày bắt đầu của kỳ báo cáo",
        ),
        (
            r"a fact needs exactly one of 'value', 'items' or 'claim'",
            "mỗi số liệu cần đúng một trong ba khóa 'value', 'items' hoặc 'claim'",
        ),
        (
            rf"(?P<issuer>{Q}) is the people's committee of a (?P<kind>[^,]+), a unit above the commune level; "
            r"chitieu checks the reports of xã, phường, thị trấn and đặc khu",
            "{issuer} là Ủy ban nhân dân của một {kind}, đơn vị trên cấp xã; chitieu kiểm tra báo cáo của xã, phường, "
            "thị trấn và đặc khu",
        ),
        (
            rf"(?P<v>{Q}) is not a finding's period; write a year \(2024\), a span \('2023-2024'\), 'as_of' or a "
            r"deadline \('by-2026-12-31'\)",
            "{v} không phải là kỳ của một kết luận; viết một năm (2024), một khoảng năm ('2023-2024'), 'as_of' hoặc "
            "một hạn ('by-2026-12-31')",
        ),
        (
            rf"(?P<v>{Q}) is not a deadline: write by-YYYY-MM-DD \(e\.g\. by-2026-12-31\)",
            "{v} không phải là một hạn: viết by-YYYY-MM-DD (ví dụ by-2026-12-31)",
        ),
        (
            rf"(?P<name>{Q}) names a (?P<kind>[^,]+), a unit above the commune level; chitieu checks xã, phường, thị "
            r"trấn and đặc khu: write the commune's own name",
            "{name} là tên của một {kind}, đơn vị trên cấp xã; chitieu kiểm tra xã, phường, thị trấn và đặc khu: hãy "
            "ghi tên của chính xã (phường, thị trấn, đặc khu)",
        ),
        (
            rf"(?P<field>{Q}): (?P<got>{ANY}) is not allowed(?P<hint>(?: \(có phải là: [^)]*\))?); "
            rf"expected (?P<allowed>{ANY})",
            "{field}: giá trị {got} không được phép{hint}; các giá trị được phép: {allowed}",
        ),
        (
            rf"(?P<got>{ANY}) is not allowed(?P<hint>(?: \(có phải là: [^)]*\))?); expected (?P<allowed>{ANY})",
            "giá trị {got} không được phép{hint}; các giá trị được phép: {allowed}",
        ),
        (
            rf"(?P<got>{ANY}) is not a rule kind(?P<hint>(?: \(có phải là: [^)]*\))?); expected (?P<allowed>{ANY})",
            "{got} không phải là loại quy tắc{hint}; các loại: {allowed}",
        ),
        (
            rf"(?P<got>{Q}|\S+) is not a valid identifier: {ANY}",
            "{got} không phải là mã hợp lệ: dùng chữ thường ASCII, chữ số và '-' (mã quy tắc, văn bản; mã xã nối tỉnh "
            "và xã bằng '/', như quang-ngai/tinh-an) hoặc '_' và '.' (mã chỉ tiêu)",
        ),
        (rf"(?P<got>{ANY}) is not a valid date", "{got} không phải là ngày hợp lệ"),
        (
            rf"(?P<got>{ANY}) is not a date; write dates as YYYY-MM-DD \(e\.g\. (?P<a>\S+) for (?P<b>\S+)\)",
            "{got} không phải là ngày; " + _DATE_HINT + " (ví dụ {a} cho ngày {b})",
        ),
        (
            rf"(?P<got>{ANY}) is not a date; write YYYY-MM-DD, or YYYY-MM when the day is blank in the report",
            "{got} không phải là ngày; viết YYYY-MM-DD, hoặc YYYY-MM khi báo cáo để trống ngày",
        ),
        (
            rf"(?P<got>{ANY}) is not a date; write it as dd/mm/yyyy \(e\.g\. (?P<a>\S+)\) or, when the day is not known "
            r"yet, mm/yyyy",
            "{got} không phải là ngày; viết theo dạng dd/mm/yyyy (ví dụ {a}), hoặc mm/yyyy khi chưa biết ngày",
        ),
        (
            rf"(?P<got>{ANY}) is not a date; write it as dd/mm/yyyy \(e\.g\. (?P<a>\S+)\)",
            "{got} không phải là ngày; viết theo dạng dd/mm/yyyy (ví dụ {a})",
        ),
        (
            r"the cell holds the number (?P<n>\S+), not a date; write the date as dd/mm/yyyy \(e\.g\. (?P<a>\S+)\)",
            "ô chứa số {n}, không phải ngày; viết ngày theo dạng dd/mm/yyyy (ví dụ {a})",
        ),
        (
            rf"(?P<got>{ANY}) is not a period; write a year \((?P<y>\d+)\), a span \((?P<s>{Q})\) or 'as_of'",
            "{got} không phải là kỳ; viết một năm ({y}), một khoảng năm ({s}) hoặc 'as_of'",
        ),
        (
            rf"(?P<got>{ANY}): too long, (?P<n>[\d,]+) characters; at most (?P<m>[\d,]+) characters",
            "{got}: quá dài, {n} ký tự; tối đa {m} ký tự",
        ),
        (
            rf"the number(?P<n>(?: \S+)?) is out of range \(at most (?P<m>{ANY})\)",
            "số{n} vượt ngoài phạm vi (tối đa {m})",
        ),
        (
            rf"(?P<got>{Q}) is not a level of (?P<ind>{Q}); choose one of (?P<levels>{ANY})",
            "{got} không phải là một mức của {ind}; chọn một trong các mức {levels}",
        ),
        (
            r"a 'cumulative' period needs 'from' \(the first year counted\)",
            "kỳ 'cumulative' cần có 'from' (năm đầu tiên được tính)",
        ),
        (r"a 'deadline' period needs 'deadline: YYYY-MM-DD'", "kỳ 'deadline' cần có 'deadline: YYYY-MM-DD'"),
        (rf"(?P<got>{ANY}): input should be (?P<what>{ANY})", "{got}: giá trị phải là {what}"),
    ],
    # the catalogue
    "missing-catalogue": [
        (
            r"no catalogue\.yaml \(schema: (?P<s>[^)]+)\) in the rules directory",
            "thư mục quy tắc không có tệp catalogue.yaml (schema: {s})",
        ),
    ],
    "duplicate-rule": [
        (rf"rule id (?P<id>{Q}) is already used at (?P<at>{ANY})", "mã quy tắc {id} đã được dùng tại {at}"),
    ],
    "duplicate-indicator": [
        (rf"indicator (?P<key>{Q}) is already declared at (?P<at>{ANY})", "chỉ số {key} đã được khai báo tại {at}"),
    ],
    "duplicate-document": [
        (rf"document (?P<id>{Q}) is already declared at (?P<at>{ANY})", "văn bản {id} đã được khai báo tại {at}"),
    ],
    "unknown-document": [
        (
            rf"(?P<key>{Q}) names document (?P<id>{Q}), which no rule file declares",
            "{key} nêu văn bản {id}, nhưng không tệp quy tắc nào khai báo văn bản này",
        ),
        (rf"unknown document (?P<id>{Q})(?P<hint>.*)", "văn bản {id} chưa được khai báo{hint}"),
    ],
    "unknown-indicator": [
        (
            rf"words\.short_of\.of of (?P<key>{Q}): (?P<of>{Q}) is not the general count of any criteria set(?P<hint>.*)",
            "words.short_of.of của {key}: {of} không phải chỉ số đếm chung của bộ tiêu chí nào{hint}",
        ),
        (
            rf"words\.of of (?P<key>{Q}): (?P<of>{Q}) is not an indicator of the catalogue(?P<hint>.*)",
            "words.of của {key}: {of} không phải là chỉ số của danh mục{hint}",
        ),
        (
            rf"criterion (?P<n>\S+) names unknown indicator (?P<key>{Q})(?P<hint>.*)",
            "tiêu chí {n} nêu chỉ số {key} chưa được khai báo{hint}",
        ),
        (rf"unknown indicator (?P<key>{Q})(?P<hint>.*)", "chỉ số {key} chưa được khai báo{hint}"),
    ],
    "unknown-rule": [
        (rf"unknown rule (?P<id>{Q})(?P<hint>.*)", "quy tắc {id} không tồn tại{hint}"),
        (rf"no rule (?P<id>{Q})(?P<hint>.*)", "không có quy tắc {id}{hint}"),
    ],
    "rule-cycle": [
        (rf"rules depend on each other in a cycle: (?P<cycle>{ANY})", "các quy tắc phụ thuộc vòng tròn: {cycle}"),
    ],
    "outlook-periods": [
        (
            rf"(?P<id>{Q}) is judged once per year; an outlook reads a rule with one period {ANY}",
            "{id} được đánh giá theo từng năm; phần triển vọng chỉ đọc quy tắc có một kỳ (cumulative, deadline hoặc "
            "as_of)",
        ),
    ],
    "type-mismatch": [
        (
            rf"a ratio needs a numeric (?P<what>denominator|indicator); (?P<key>{Q}) is (?P<type>\S+)",
            "tỷ lệ cần {what} kiểu số; {key} có kiểu {type}",
        ),
        (
            rf"(?P<agg>{Q}) needs an indicator of type (?P<a>\S+) or (?P<b>\S+); (?P<key>{Q}) is (?P<type>\S+)",
            "{agg} cần chỉ tiêu kiểu {a} hoặc {b}; {key} có kiểu {type}",
        ),
        (
            rf"(?P<key>{Q}) is a list of items: use 'aggregate: count'",
            "{key} là danh sách mục: dùng 'aggregate: count'",
        ),
        (
            rf"(?P<key>{Q}) is a list of items: give 'items' \(each with a name\)",
            "{key} là danh sách mục: ghi 'items' (mỗi mục có tên), không ghi 'value'",
        ),
        (
            rf"(?P<key>{Q}) is (?P<type>[a-z_]+), not a list of items: give 'value'",
            "{key} có kiểu {type}, không phải danh sách mục: ghi 'value', không ghi 'items'",
        ),
        (
            rf"(?P<key>{Q}) is boolean: the value must be true or false, got (?P<got>{ANY})",
            "{key} là chỉ tiêu có/không: giá trị phải là true hoặc false, nhưng gặp {got}",
        ),
        (
            rf"'document_kinds' names the document a yes/no task requires; (?P<key>{Q}) is (?P<type>\S+)",
            "'document_kinds' nêu văn bản mà một nhiệm vụ có/không đòi hỏi; {key} có kiểu {type}",
        ),
        (r"a boolean target compares with '=='", "chỉ tiêu có/không chỉ so sánh bằng '=='"),
        (
            rf"(?P<key>{Q}) is a level: the target must be one of (?P<levels>\[[^\]]*\]), got (?P<got>{ANY})",
            "{key} là chỉ tiêu theo mức: chỉ tiêu phải là một trong {levels}, nhưng gặp {got}",
        ),
        (
            rf"(?P<key>{Q}) is (?P<type>\S+): the target value must be a number, got (?P<got>{ANY})",
            "{key} có kiểu {type}: mức chỉ tiêu phải là một số, nhưng gặp {got}",
        ),
        (
            rf"(?P<key>{Q}) is boolean: the target value must be true or false, got (?P<got>{ANY})",
            "{key} là chỉ tiêu có/không: mức chỉ tiêu phải là true hoặc false, nhưng gặp {got}",
        ),
        (
            rf"(?P<key>{Q}) takes one of (?P<levels>\[[^\]]*\]), got (?P<got>{Q})(?P<hint>.*)",
            "{key} nhận một trong các giá trị {levels}, nhưng gặp {got}{hint}",
        ),
        (
            rf"(?P<key>{Q}) is (?P<type>[a-z_]+): the value must be a number or a bound, got (?P<got>{ANY})",
            "{key} có kiểu {type}: giá trị phải là một số hoặc một khoảng, nhưng gặp {got}",
        ),
        (
            rf"(?P<key>{Q}) counts whole (?P<unit>{ANY}): (?P<got>\S+) is not whole",
            "{key} là số {unit} nên phải là số nguyên; {got} không phải số nguyên",
        ),
        (rf"(?P<key>{Q}) is (?P<type>[a-z_]+): (?P<rest>{ANY})", "{key} có kiểu {type}: {rest}"),
    ],
    "unit-mismatch": [
        (rf"the target is in (?P<u>{Q}) but a ratio is in %", "chỉ tiêu đặt theo đơn vị {u} nhưng tỷ lệ tính bằng %"),
        (
            rf"the target is in (?P<u>{Q}) but indicator (?P<key>{Q}) counts in (?P<v>{Q})",
            "chỉ tiêu đặt theo đơn vị {u} nhưng chỉ số {key} tính theo đơn vị {v}",
        ),
    ],
    "period-outside-document": [
        (
            rf"(?P<what>from|to|deadline|year) (?P<val>\S+) lies outside the period of (?P<doc>{ANY}) \((?P<span>[^)]+)\)",
            "{what} {val} nằm ngoài thời kỳ của văn bản {doc} ({span})",
        ),
    ],
    "template-field": [
        (
            rf"the template names an unknown field (?P<f>{Q})(?P<hint>(?: \(có phải là: [^)]*\))?); the fields are: "
            rf"(?P<fields>{ANY})",
            "mẫu câu có trường {f} không tồn tại{hint}; các trường là: {fields}",
        ),
        (
            r"an unbalanced '\[' or '\]': a \[segment\] is printed only when its fields have values; write a literal "
            r"bracket as '\[\[' or '\]\]'",
            "dấu '[' hoặc ']' không thành cặp: một [đoạn] chỉ được in khi mọi trường trong đó có giá trị; muốn viết "
            "chính dấu ngoặc vuông thì viết '[[' hoặc ']]'",
        ),
        (
            r"the template is malformed \((?P<why>.*)\); write a literal brace as '\{\{' or '\}\}'",
            "mẫu câu sai cú pháp (có dấu ngoặc nhọn lẻ hoặc chưa đóng); muốn viết chính dấu ngoặc nhọn thì viết "
            "'{{{{' hoặc '}}}}'",
        ),
        (
            r"positional placeholders \('\{\}'\) are not allowed; name the field, e\.g\. '\{actual\}'",
            "không dùng trường không có tên ('{{}}'); hãy ghi tên trường, ví dụ '{{actual}}'",
        ),
        (
            r"'\{(?P<f>[^}]*)\}' has a format or conversion; fields are formatted by the engine",
            "'{{{f}}}' có kèm định dạng hoặc chuyển đổi; chương trình tự định dạng giá trị của các trường",
        ),
    ],
    "template-field-unfilled": [
        (
            rf"a (?P<kind>\S+) rule never fills (?P<f>{Q}) \(it would print '—'\)",
            "quy tắc loại {kind} không bao giờ điền trường {f} (sẽ in '—')",
        ),
        (
            rf"a (?P<kind>\S+) rule never fills (?P<f>{Q}) \(it would print '—'\); {ANY}, it fills: (?P<fields>{ANY})",
            "quy tắc loại {kind} không bao giờ điền trường {f} (sẽ in '—'); các trường loại này điền: {fields}",
        ),
    ],
    "missing-example": [
        (
            rf"rule (?P<id>{Q}) has no example expecting (?P<s>{Q}); a rule is proved by (?P<statuses>{ANY}) example",
            "quy tắc {id} chưa có ví dụ cho kết quả {s}; quy tắc này cần ví dụ cho các kết quả {statuses}",
        ),
        (
            rf"rule (?P<id>{Q}) has no example expecting (?P<s>{Q}); a rule is proved by a met and an unmet example",
            "quy tắc {id} chưa có ví dụ cho kết quả {s}; mỗi quy tắc cần một ví dụ đạt (met) và một ví dụ không đạt "
            "(unmet)",
        ),
        (
            rf"rule (?P<id>{Q}) has no example expecting (?P<s>{Q}) \(what happens without facts\)",
            "quy tắc {id} chưa có ví dụ cho kết quả {s} (khi không có số liệu)",
        ),
    ],
    "never-true": [
        (
            rf"the target (?P<t>{Q}) can never be met: the measured value lies in (?P<r>{ANY})",
            "chỉ tiêu {t} không bao giờ đạt được: giá trị đo được nằm trong khoảng {r}",
        ),
    ],
    "always-true": [
        (
            rf"the target (?P<t>{Q}) is met by every possible value \((?P<r>[^)]*)\); it can never be unmet",
            "mọi giá trị có thể có đều đạt chỉ tiêu {t} ({r}); chỉ tiêu không bao giờ bị đánh giá là không đạt",
        ),
    ],
    "rete-node-limit": [
        (
            rf"rule (?P<id>{Q}) compiles into (?P<n>[\d,]+) alternative patterns; durable_rules refuses a fact that "
            rf"matches more than (?P<m>[\d,]+) at one node \(error (?P<e>\d+)\): simplify the target",
            "quy tắc {id} được biên dịch thành {n} mẫu thay thế; durable_rules từ chối số liệu khớp quá {m} mẫu tại "
            "một nút (lỗi {e}): hãy đơn giản hóa chỉ tiêu",
        ),
    ],
    "rete-too-many-rules": [
        (
            rf"rule (?P<id>{Q}) is rule (?P<n>[\d,]+) of (?P<t>[\d,]+) in this catalogue; durable_rules holds at most "
            rf"(?P<m>[\d,]+) rules in one ruleset \(error (?P<e>\d+)\): {ANY}",
            "quy tắc {id} là quy tắc thứ {n}/{t} của danh mục; durable_rules chỉ chứa tối đa {m} quy tắc trong một "
            "tập (lỗi {e}): hãy tách danh mục thành nhiều thư mục quy tắc và kiểm tra riêng từng thư mục",
        ),
        (
            rf"the catalogue compiles into (?P<n>[\d,]+) condition branches, past durable_rules' (?P<m>[\d,]+) for one "
            rf"ruleset from rule (?P<id>{Q}) on \(error (?P<e>\d+)\): {ANY}",
            "danh mục được biên dịch thành {n} nhánh điều kiện, vượt mức {m} của durable_rules cho một tập, kể từ quy "
            "tắc {id} (lỗi {e}): hãy tách danh mục thành nhiều thư mục quy tắc và kiểm tra riêng từng thư mục",
        ),
    ],
    "indicator-unused": [
        (rf"indicator (?P<key>{Q}) is read by no rule", "chỉ số {key} không được quy tắc nào sử dụng"),
    ],
    "todo": [
        (rf"(?P<key>{Q}) still holds a TODO placeholder", "{key} vẫn còn chỗ ghi tạm TODO"),
        (
            rf"a TODO left by `rules new`: (?P<todo>{ANY}) — set the value on that line, then delete the comment",
            "còn ghi chú TODO do `rules new` để lại: {todo} — điền giá trị ở dòng đó rồi xóa ghi chú",
        ),
    ],
    "missing-coverage": [
        (
            rf"document (?P<id>{Q}) does not say which communes it covers, so it applies to every commune; {ANY}",
            "văn bản {id} chưa nêu phạm vi áp dụng nên được áp dụng cho mọi xã; hãy thêm 'covers:' (provinces: [...], "
            "communes: [...] theo mã, hoặc all)",
        ),
    ],
    "no-effect": [
        (
            r"'per_year' has no effect on an (?P<k>'as_of') rule, judged over one year at a time; .+",
            "'per_year' không có tác dụng với quy tắc {k}; thiết lập này nhân chỉ tiêu với số năm của kỳ 'cumulative'",
        ),
        (
            rf"(?P<s>{Q}) has no effect: an 'as_of' rule is judged once, at the report's as-of date; {ANY}",
            "{s} không có tác dụng: quy tắc 'as_of' chỉ được đánh giá một lần, tại thời điểm báo cáo; hãy xóa thiết lập "
            "này (hoặc dùng loại 'annual' hay 'cumulative' để đánh giá theo năm)",
        ),
        (
            rf"'per_year' has no effect on an 'annual' rule, judged over one year at a time; {ANY}",
            "'per_year' không có tác dụng với quy tắc 'annual' (đánh giá từng năm); thiết lập này nhân chỉ tiêu với số "
            "năm của kỳ 'cumulative'",
        ),
    ],
    "percent-fraction": [
        (
            r"the target is (?P<v>\S+)%: a percentage is written from 0 to 100 \((?P<a>\S+) for (?P<b>\S+)\), "
            r"not as a fraction",
            "chỉ tiêu là {v}%: tỷ lệ phần trăm viết từ 0 đến 100 ({a} cho {b}), không viết dạng thập phân",
        ),
    ],
    "intake-pattern": [
        (
            rf"indicator (?P<key>{Q}): the pattern (?P<pat>“[^”]*”) cannot be used: unknown placeholder (?P<ph>\S+); "
            rf"use one of (?P<all>{ANY})",
            "chỉ số {key}: không dùng được mẫu câu {pat}: chỗ điền {ph} không tồn tại; dùng một trong các chỗ điền "
            "{all}",
        ),
        (
            rf"indicator (?P<key>{Q}): the pattern (?P<pat>“[^”]*”) cannot be used: (?P<why>{ANY})",
            "chỉ số {key}: không dùng được mẫu câu {pat}: {why}",
        ),
    ],
    # facts
    "not-a-file": [
        (
            rf"is (?P<thing>{ANY}), not a regular file; chitieu reads only regular files",
            "là {thing}, không phải tệp thường; chitieu chỉ đọc tệp thường",
        ),
    ],
    "as-of-replaced": [
        (
            r"--as-of (?P<g>\S+) replaces the date the report's figures run to, (?P<s>\S+)",
            "--as-of {g} thay cho mốc số liệu báo cáo tự nêu ({s})",
        ),
    ],
    "nothing-in-scope": [
        (
            rf"no rule in the run's scope \(--plan, --rule\) applies to (?P<name>{ANY}) \((?P<c>{Q})\): no document is "
            r"drafted for it",
            "không quy tắc nào trong phạm vi kiểm tra (--plan, --rule) áp dụng cho {name} ({c}): không soạn văn bản cho "
            "đơn vị này",
        ),
    ],
    "nothing-judged": [
        (
            r"no commune of the input has a finding in the run's scope: no document was drafted",
            "không đơn vị nào trong dữ liệu đầu vào có kết luận trong phạm vi kiểm tra: chưa soạn văn bản nào",
        ),
    ],
    "commune-province": [
        (
            rf"the commune id (?P<c>{Q}) names no province, so no plan that covers a whole province applies to it "
            rf"\((?P<reach>{ANY})\); if it is in one of them, write its id as 'province/commune' \(a report: "
            r"--province\)",
            "mã xã {c} không nêu tỉnh, nên các văn bản áp dụng cho cả tỉnh không áp dụng cho xã này ({reach}); nếu xã "
            "thuộc một trong các tỉnh đó, hãy viết mã theo dạng 'tinh/xa' (với báo cáo: --province)",
        ),
    ],
    "waiver-unmatched": [
        (
            rf"rule (?P<r>{Q}) belongs to (?P<doc>{ANY}), which does not cover (?P<name>{ANY}) \((?P<c>{Q})\): it "
            "waives nothing",
            "quy tắc {r} thuộc {doc}, văn bản này không áp dụng cho {name} ({c}): miễn trừ này không áp dụng cho kết "
            "luận nào",
        ),
        (
            rf"the waiver names commune (?P<c>{Q}), which none of the inputs is: it waives nothing",
            "miễn trừ nêu xã {c}, không có trong dữ liệu đầu vào: miễn trừ này không áp dụng cho kết luận nào",
        ),
        (
            rf"the findings of rule (?P<r>{Q}) have the period (?P<want>{Q}) \(judged once, by its deadline\), not "
            rf"(?P<key>{Q}): it waives nothing",
            "các kết luận của quy tắc {r} có kỳ {want} (đánh giá một lần, theo hạn), không phải {key}: miễn trừ này "
            "không áp dụng cho kết luận nào",
        ),
        (
            rf"the findings of rule (?P<r>{Q}) have the period 'as_of' \(the state at the report's date\), not "
            rf"(?P<key>{Q}): it waives nothing",
            "các kết luận của quy tắc {r} có kỳ 'as_of' (tình trạng tại ngày báo cáo), không phải {key}: miễn trừ "
            "này không áp dụng cho kết luận nào",
        ),
        (
            rf"the findings of rule (?P<r>{Q}) have the period a year, e\.g\. '2024' \(judged year by year\), not "
            rf"(?P<key>{Q}): it waives nothing",
            "các kết luận của quy tắc {r} có kỳ là một năm, ví dụ '2024' (đánh giá theo từng năm), không phải {key}: "
            "miễn trừ này không áp dụng cho kết luận nào",
        ),
        (
            rf"the findings of rule (?P<r>{Q}) have the period a span from (?P<first>\d+), e\.g\. (?P<eg>{Q}) "
            rf"\(judged cumulatively\), not (?P<key>{Q}): it waives nothing",
            "các kết luận của quy tắc {r} có kỳ là một khoảng năm từ {first}, ví dụ {eg} (đánh giá lũy kế), không "
            "phải {key}: miễn trừ này không áp dụng cho kết luận nào",
        ),
    ],
    "commune-name": [
        (
            rf"commune (?P<id>{Q}) is named (?P<a>{Q}) here but (?P<b>{Q}) in (?P<at>{ANY})",
            "xã {id} ở đây có tên {a} nhưng trong {at} lại có tên {b}",
        ),
    ],
    "ocr-unavailable": [
        (
            rf"the report is (?P<thing>{ANY}); reading it needs OCR: install Tesseract with its Vietnamese data {ANY}",
            "báo cáo là {thing}; muốn đọc cần nhận dạng chữ (OCR): cài Tesseract kèm dữ liệu tiếng Việt "
            "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie), hoặc đưa báo cáo dạng .docx, .txt hay "
            "PDF có lớp văn bản",
        ),
    ],
    "report-unknown": [
        (
            rf"the report does not say the date its figures run to {ANY}: give it with --as-of YYYY-MM-DD \(or "
            r"DD/MM/YYYY; YYYY-MM for a month alone\); chitieu "
            rf"never judges a report as of today's date; the report does not name its unit {ANY}: give it with --name "
            r"'xã …' \(and --commune-id\)",
            _AS_OF_UNKNOWN + "; " + _NAME_UNKNOWN,
        ),
        (
            rf"the report does not say the date its figures run to {ANY}: give it with --as-of YYYY-MM-DD \(or "
            r"DD/MM/YYYY; YYYY-MM for a month alone\); chitieu "
            r"never judges a report as of today's date",
            _AS_OF_UNKNOWN,
        ),
        (
            rf"the report does not name its unit {ANY}: give it with --name 'xã …' \(and --commune-id\)",
            _NAME_UNKNOWN,
        ),
    ],
    "period-after-report": [
        (
            r"period (?P<p>\S+) is after the report's as-of date (?P<d>\S+)",
            "kỳ {p} sau thời điểm số liệu của báo cáo ({d})",
        ),
    ],
    "out-of-range": [
        (
            rf"(?P<v>\S+) is outside the range of (?P<key>{Q}) \((?P<lo>\S+) to (?P<hi>\S+)\) — (?P<name>{ANY})",
            "{v} nằm ngoài phạm vi (từ {lo} đến {hi}) của chỉ số “{name}” ({key})",
        ),
        (
            rf"(?P<v>\S+) is outside the range of (?P<key>{Q}) \((?P<lo>\S+) to (?P<hi>\S+)\)",
            "{v} nằm ngoài phạm vi của {key} (từ {lo} đến {hi})",
        ),
    ],
    "conflicting-facts": [
        (
            rf"(?P<key>{Q}) for (?P<p>\S+) is given differently at (?P<at>\S+); {ANY}",
            "{key} kỳ {p} được ghi khác tại {at}; báo cáo tự mâu thuẫn thì mô tả bằng hai chỉ tiêu và một quy tắc đối "
            "chiếu (claim_check)",
        ),
    ],
    "quote-mismatch": [
        (
            r"the quote is not at line (?P<n>\d+) of the report; it is at line (?P<m>\d+)",
            "câu trích dẫn không có ở dòng {n} của báo cáo; câu này ở dòng {m}",
        ),
        (
            r"the quote is not at line (?P<n>\d+) of the report; it is not in the report at all",
            "câu trích dẫn không có ở dòng {n} của báo cáo; báo cáo hoàn toàn không có câu này",
        ),
        (r"the quote is not at line (?P<n>\d+) of the report", "câu trích dẫn không có ở dòng {n} của báo cáo"),
        (
            r"line (?P<n>\d+) is past the end of the report \((?P<m>\d+) lines\)",
            "dòng {n} nằm ngoài báo cáo (báo cáo có {m} dòng)",
        ),
    ],
    "report-missing": [
        (
            rf"the report file (?P<f>{Q}) is not there; quotes were not checked against it",
            "không có tệp báo cáo {f}; chưa đối chiếu được câu trích dẫn",
        ),
    ],
    "report-unreadable": [
        (
            rf"the report file cannot be read \((?P<why>{ANY})\); quotes were not checked",
            "không đọc được tệp báo cáo ({why}); chưa đối chiếu được câu trích dẫn",
        ),
    ],
    "unreviewed": [
        (
            rf"the facts drafted from this report \(not reviewed\) would be merged with the reviewed facts of (?P<c>\S+) "
            rf"in (?P<f>{ANY}); check them apart, or pass --allow-unreviewed to merge them",
            "số liệu rút từ báo cáo này (chưa rà soát) sẽ bị gộp với số liệu đã rà soát của {c} trong {f}; hãy kiểm "
            "tra riêng, hoặc dùng --allow-unreviewed để gộp",
        ),
        (
            r"this is a draft of `chitieu facts extract` that no one has reviewed \(unreviewed: true\); its facts would "
            r"be audited with those of (?P<c>\S+): review them and delete this line, or pass --allow-unreviewed",
            "đây là bản nháp của `chitieu facts extract` chưa được rà soát (unreviewed: true); số liệu của bản nháp sẽ "
            "được kiểm tra cùng số liệu của {c}: hãy rà soát rồi xóa dòng này, hoặc dùng --allow-unreviewed",
        ),
    ],
    "no-facts": [
        (rf"no facts found in (?P<f>{ANY}): the file is empty", "không tìm thấy số liệu nào trong {f}: tệp rỗng"),
        (
            rf"no facts found in (?P<f>{ANY}): it is a Markdown document \(headings, code blocks, tables\), not a "
            rf"commune's report {ANY}",
            "không tìm thấy số liệu nào trong {f}: đây là văn bản Markdown (tiêu đề, khối mã, bảng), không phải báo cáo "
            "của xã (không có tên loại “BÁO CÁO”, không có dòng “ỦY BAN NHÂN DÂN”); chitieu kiểm tra tệp số liệu "
            "(.yaml, 'schema: chitieu.facts/1') và báo cáo của xã (.txt, .md, .docx, .pdf)",
        ),
        (
            rf"no facts found in (?P<f>{ANY}): it is text, not a commune's report {ANY}",
            "không tìm thấy số liệu nào trong {f}: đây là văn bản thường, không phải báo cáo của xã (không có tên loại "
            "“BÁO CÁO”, không có dòng “ỦY BAN NHÂN DÂN”); chitieu kiểm tra tệp số liệu (.yaml, 'schema: "
            "chitieu.facts/1') và báo cáo của xã (.txt, .md, .docx, .pdf)",
        ),
        (
            rf"no facts found in (?P<f>{ANY}): no sentence matched what the catalogue knows of reports {ANY}",
            "không tìm thấy số liệu nào trong {f}: không câu nào khớp với cách viết báo cáo mà danh mục biết "
            "(indicators.yaml, 'words:' và 'intake:'); hãy tự lập tệp số liệu (RULES.md, “Tệp dữ liệu của xã”)",
        ),
    ],
    "no-input": [
        (
            r"no fact files given \(pass \.yaml or \.xlsx files, or folders\)",
            "chưa chỉ định tệp số liệu nào (hãy đưa tệp .yaml hoặc .xlsx, hoặc thư mục chứa chúng)",
        ),
        (
            r"no fact files here: give \.yaml fact files \(schema: (?P<s>[^)]+)\) or \.xlsx reporting forms, folders that "
            r"hold them, or a commune's report \(\.txt, \.md, \.docx\)",
            "không có tệp số liệu nào: hãy chỉ định tệp số liệu .yaml (schema: {s}) hoặc biểu mẫu báo cáo .xlsx, thư mục "
            "chứa các tệp đó, hoặc báo cáo của xã (.txt, .md, .docx)",
        ),
    ],
    "report-date": [
        (
            r"this file dates the report (?P<t>“.*”) (?P<d>\S+) \(figures as of (?P<a>\S+)\) but (?P<at>\S+) dates it "
            r"(?P<d2>\S+) \(as of (?P<a2>\S+)\); one report has one date: correct the draft",
            "tệp này ghi báo cáo {t} ngày {d} (số liệu tính đến {a}) nhưng {at} ghi ngày {d2} (tính đến {a2}); một báo "
            "cáo chỉ có một ngày: hãy sửa bản nháp",
        ),
    ],
    # reporting forms
    "form-key-missing": [
        (
            rf"row (?P<r>\d+) lists an item but belongs to no block \(no indicator key in its hidden column (?P<c>[A-Z]+) "
            rf"and no block heading above it\); {ANY}",
            "dòng {r} liệt kê một mục nhưng không thuộc khối nào (cột ẩn {c} không có mã chỉ tiêu, phía trên không có "
            "dòng tiêu đề khối); hãy ghi mục vào khối của chỉ tiêu và kỳ của nó",
        ),
        (
            rf"row (?P<r>\d+) has values \((?P<cols>[^)]*)\) but no indicator key in its hidden column (?P<c>[A-Z]+): {ANY}",
            "dòng {r} có số liệu ({cols}) nhưng cột ẩn {c} không có mã chỉ tiêu: chitieu không biết đó là chỉ tiêu "
            "nào; hãy ghi số liệu vào đúng dòng của chỉ tiêu (không thêm dòng vào trang này)",
        ),
    ],
    "form-no-value": [
        (
            rf"the row gives (?P<cols>{ANY}) but no value and no Đạt / Không đạt; it was read as no data",
            "dòng này có {cols} nhưng không có giá trị, không có Đạt / Không đạt; dòng được coi là không có số liệu",
        ),
    ],
    "form-formula": [
        (
            rf"the cell holds a formula with no saved result; {ANY}",
            "ô chứa công thức chưa có kết quả được lưu; hãy gõ trực tiếp giá trị (chitieu không tính công thức), hoặc "
            "lưu lại biểu mẫu bằng Excel hay LibreOffice",
        ),
    ],
    "form-duplicate-row": [
        (
            rf"this row repeats the indicator (?P<key>{Q}) and period (?P<p>{Q}) of row (?P<n>\d+); {ANY}",
            "dòng này lặp lại chỉ số {key} và kỳ {p} của dòng {n}; mỗi chỉ số và kỳ chỉ giữ một dòng",
        ),
    ],
    "form-period": [
        (
            rf"the hidden period cell holds (?P<p>{Q}), which is not a period of a form {ANY}; do not edit the hidden "
            r"columns",
            "ô kỳ ẩn chứa {p}, không phải kỳ của biểu mẫu (một năm như 2024, '2023-' cho số lũy kế, hoặc 'as_of'); "
            "không sửa các cột ẩn",
        ),
        (
            rf"(?P<p>{ANY}) is outside the plans that read (?P<key>{Q}) \(its periods: (?P<ps>[^)]*)\); "
            r"do not edit the hidden columns",
            "{p} nằm ngoài các kỳ của kế hoạch sử dụng {key} (các kỳ: {ps}); không sửa các cột ẩn",
        ),
    ],
    "form-items-count": [
        (
            rf"the row says (?P<n>\S+) but (?P<sheet>{ANY}) lists none in the block (?P<b>“.*”): {ANY}",
            "dòng này ghi {n} nhưng {sheet} không liệt kê mục nào trong khối {b}: hãy liệt kê từng mục (tên, và quyết "
            "định nếu có), hoặc ghi 0 nếu không có",
        ),
        (
            rf"the row says (?P<n>\S+) but (?P<sheet>{ANY}) lists (?P<m>\S+) in the block (?P<b>“.*”); {ANY}",
            "dòng này ghi {n} nhưng {sheet} liệt kê {m} mục trong khối {b}; hãy để số liệu và danh sách khớp nhau",
        ),
    ],
    "form-too-large": [
        (
            r"the workbook unpacks to (?P<n>[\d,]+) bytes; a form unpacks to at most (?P<m>[\d,]+) \(is it a zip bomb\?\)",
            "bảng tính giải nén ra {n} byte; một biểu mẫu giải nén ra tối đa {m} byte (tệp nén độc hại?)",
        ),
        (
            rf"the sheet (?P<s>{Q}) unpacks to (?P<n>[\d,]+) bytes; a form's sheet is at most (?P<m>[\d,]+) {ANY}",
            "trang {s} giải nén ra {n} byte; một trang biểu mẫu tối đa {m} byte (trang có hàng triệu dòng?)",
        ),
        (
            rf"the sheet (?P<s>{Q}) has (?P<n>[\d,]+) rows; a form has a few hundred, at most (?P<m>[\d,]+) {ANY}",
            "trang {s} có {n} dòng; một biểu mẫu chỉ có vài trăm dòng, tối đa {m} (các dòng dưới bảng có thể chứa dữ "
            "liệu thừa: hãy xóa đi)",
        ),
        (
            rf"the sheet has more than (?P<m>[\d,]+) rows; a form has a few hundred {ANY}",
            "trang có hơn {m} dòng; một biểu mẫu chỉ có vài trăm dòng (các dòng dưới bảng có thể chứa dữ liệu thừa: "
            "hãy xóa đi)",
        ),
    ],
    "form-invalid": [
        (
            rf"this workbook is not a chitieu reporting form \(it has no sheet (?P<s>{Q})\): {ANY}; make a form with "
            r"`chitieu form`, fill it in and read it back",
            "bảng tính này không phải biểu mẫu báo cáo của chitieu (không có trang {s}); hãy tạo biểu mẫu bằng "
            "`chitieu form`, điền số liệu rồi đọc lại",
        ),
        (
            rf"this workbook is not a chitieu reporting form \((?P<why>{ANY})\): {ANY}; make a form with "
            r"`chitieu form`, fill it in and read it back",
            "bảng tính này không phải biểu mẫu báo cáo của chitieu ({why}); hãy tạo biểu mẫu bằng `chitieu form`, điền "
            "số liệu rồi đọc lại",
        ),
        (
            rf"the sheet (?P<s>{Q}) cannot be read \((?P<why>{ANY})\); save the form again from Excel or LibreOffice as "
            r"\.xlsx",
            "không đọc được trang {s} ({why}); " + _FORM_SAVE,
        ),
        (
            rf"the workbook cannot be read \((?P<why>{ANY})\); save the form again from Excel or LibreOffice as \.xlsx",
            "không đọc được bảng tính ({why}); " + _FORM_SAVE,
        ),
        (
            rf"the file is not an XLSX workbook \(an \.xlsx file is a zip archive; this one cannot be opened: "
            rf"(?P<why>{ANY})\); save the form from Excel or LibreOffice as \.xlsx",
            "tệp không phải bảng tính XLSX (tệp .xlsx là một tệp nén zip; tệp này không mở được: {why}); " + _FORM_SAVE,
        ),
        (
            rf"the file is not an XLSX workbook \((?P<why>{ANY})\); save the form from Excel or LibreOffice as \.xlsx",
            "tệp không phải bảng tính XLSX ({why}); " + _FORM_SAVE,
        ),
    ],
    # output files (engine/output.py, the -o of every command, `rules docs -o DIR`, `init FOLDER`)
    "output": [
        (r"(?P<path>.+): refusing to write over an input file", "{path}: không ghi đè lên tệp đầu vào"),
        (r"(?P<path>.+): is a folder; give a file name", "{path}: là một thư mục; hãy cho tên một tệp"),
        (
            r"(?P<path>.+): is (?P<thing>a FIFO \(named pipe\)|a device|a socket); chitieu writes only a regular file or "
            r"a new path",
            "{path}: là {thing}; chitieu chỉ ghi vào một tệp thường hoặc một đường dẫn mới",
        ),
        (
            r"(?P<path>.+): is not a regular file; chitieu writes only a regular file or a new path",
            "{path}: không phải tệp thường; chitieu chỉ ghi vào một tệp thường hoặc một đường dẫn mới",
        ),
        (
            r"(?P<path>.+): a file of this name appeared while chitieu was writing; it was left as it is \(pass --force "
            r"to replace it\)",
            "{path}: một tệp cùng tên đã xuất hiện trong lúc chitieu đang ghi; tệp đó được giữ nguyên (dùng --force để "
            "thay thế)",
        ),
        (r"(?P<path>.+): the file exists; pass --force to replace it", "{path}: tệp đã có; dùng --force để thay thế"),
        (
            r"(?P<path>.+): the file exists; choose another document id \(nothing is written over\)",
            "{path}: tệp đã có; hãy chọn mã văn bản khác (không ghi đè)",
        ),
        (r"(?P<path>.+): the folder (?P<parent>.+) does not exist", "{path}: thư mục {parent} không tồn tại"),
        (
            r"cannot write (?P<path>.+): (?P<reason>[^;()]+?)(?: \((?P<file>[^()]+)\))?; nothing was written",
            "không ghi được {path}: {reason}{file}; chưa ghi gì",
        ),
        (r"cannot write standard output: (?P<reason>.+)", "không ghi được ra đầu ra chuẩn: {reason}"),
        (r"cannot write (?P<path>.+): (?P<reason>[^:]+)", "không ghi được {path}: {reason}"),
        (
            r"(?P<path>.+): is not a folder; give a folder for the pages",
            "{path}: không phải thư mục; hãy cho một thư mục để ghi các trang",
        ),
        (
            r"(?P<path>.+): was not written by `chitieu rules docs`, and a page of that name would replace it; move it "
            r"away or choose another folder \(nothing was written\)",
            "{path}: không do `chitieu rules docs` ghi ra, và một trang cùng tên sẽ thay thế tệp này; hãy chuyển tệp đi "
            "nơi khác hoặc chọn thư mục khác (chưa ghi gì)",
        ),
        (
            r"(?P<path>.+): holds (?P<n>\d+) file\(s\) that `chitieu rules docs` did not write \((?P<names>.+)\); choose "
            r"an empty or new folder, or pass --force to write the pages beside them \(they are never removed\)",
            "{path}: có {n} tệp không do `chitieu rules docs` ghi ra ({names}); hãy chọn một thư mục trống hoặc thư mục "
            "mới, hoặc dùng --force để ghi các trang bên cạnh các tệp đó (các tệp đó không bao giờ bị xóa)",
        ),
        (
            r"-o (?P<path>.+): this command does not write (?P<fmt>[A-Z]+) \(its formats: (?P<formats>[a-z, ]+)\); choose "
            r"another name or --format",
            "-o {path}: lệnh này không ghi định dạng {fmt} (các định dạng của lệnh: {formats}); hãy chọn tên khác "
            "hoặc chỉ định --format",
        ),
        (
            r"--format (?P<fmt>\w+) contradicts the name -o (?P<path>.+) \(a (?P<suffix>\.\w+) file\); use a name ending "
            r"in (?P<good>\.\w+) or drop --format",
            "--format {fmt} mâu thuẫn với tên -o {path} (tệp {suffix}); hãy dùng tên có đuôi {good} hoặc bỏ --format",
        ),
        (
            r"-o (?P<path>.+): chitieu form writes an Excel workbook; give a name ending in \.xlsx",
            "-o {path}: chitieu form ghi ra một bảng tính Excel; hãy đặt tên có đuôi .xlsx",
        ),
        (
            r"with several --commune, -o names a folder \(one workbook per commune\); (?P<path>.+) is a file",
            "khi có nhiều --commune, -o là một thư mục (mỗi xã một bảng tính); {path} là một tệp",
        ),
        (
            r"(?P<path>.+) already exists; choose a new folder \(nothing was copied\)",
            "{path} đã có; hãy chọn một thư mục mới (chưa sao chép gì)",
        ),
    ],
    # usage errors found by the commands' own checks (click's parser's own: engine/cli_vi.py)
    "usage": [
        (rf"--rule (?P<g>{Q}) matches no rule(?P<hint>.*)", "--rule {g} không khớp với quy tắc nào{hint}"),
        (rf"-k (?P<g>{Q}) matches no rule(?P<hint>.*)", "-k {g} không khớp với quy tắc nào{hint}"),
        (
            rf"--commune (?P<g>{Q}(?: {Q})*) match(?:es)? no commune(?P<hint>.*?); the run read no commune",
            "--commune {g} không khớp với xã nào{hint}; lần kiểm tra không đọc được xã nào",
        ),
        (
            rf"--commune (?P<g>{Q}(?: {Q})*) match(?:es)? no commune(?P<hint>.*?); the run read (?P<n>[\d,]+) "
            r"communes?: (?P<all>.+)",
            "--commune {g} không khớp với xã nào{hint}; lần kiểm tra đã đọc {n} xã: {all}",
        ),
        (
            rf"--commune (?P<g>{Q}(?: {Q})*) match(?:es)? no commune(?P<hint>.*?); the run read (?P<n>[\d,]+) "
            r"communes; the nearest: (?P<all>.+)",
            "--commune {g} không khớp với xã nào{hint}; lần kiểm tra đã đọc {n} xã, gần nhất là: {all}",
        ),
        (
            rf"unknown status (?P<s>{Q})(?P<hint>.*?); the statuses are: (?P<all>.+)",
            "không có trạng thái {s}{hint}; các trạng thái là: {all}",
        ),
        (
            rf"--plan (?P<p>{Q}) is no document of the catalogue(?P<hint>.*?); the documents are: (?P<all>.+)",
            "--plan {p} không phải văn bản nào của danh mục{hint}; các văn bản là: {all}",
        ),
        (r"--format (?P<f>\w+) writes a file: give -o FILE", "--format {f} ghi ra một tệp: hãy chỉ định -o TỆP"),
        (
            r"--section and --format (?P<f>\w+) contradict each other; give one of them",
            "--section và --format {f} mâu thuẫn nhau; chỉ dùng một trong hai",
        ),
        (rf"unknown (?:document|plan) (?P<d>{Q})(?P<hint>.*)", "không có văn bản {d}{hint}"),
        (
            rf"no rule has the tag (?P<t>{Q}); the tags are: (?P<all>.+)",
            "không quy tắc nào có thẻ {t}; các thẻ là: {all}",
        ),
        (rf"no rule has the tag (?P<t>{Q})(?P<hint>.*)", "không quy tắc nào có thẻ {t}{hint}"),
        (
            rf"(?P<id>{Q}) is not a rule id: use lower-case ASCII words joined by '-'",
            "{id} không phải mã quy tắc: dùng chữ thường không dấu, nối bằng '-'",
        ),
        (rf"rule (?P<id>{Q}) already exists in (?P<path>.+)", "quy tắc {id} đã có trong {path}"),
        (
            rf"unknown indicator (?P<key>{Q})(?P<hint>.*?); declare it in rules/indicators\.yaml first",
            "chỉ số {key} chưa được khai báo{hint}; hãy khai báo trong rules/indicators.yaml trước",
        ),
        (r"--target is a level to reach: a number from 0 up", "--target là mức cần đạt: một số từ 0 trở lên"),
        (
            r"(?P<doc>.+) \((?P<id>[^()]+)\) does not cover the commune (?P<c>\S+): its 'covers' names other communes",
            "{doc} ({id}) không áp dụng cho xã {c}: mục 'covers' của văn bản nêu các xã khác",
        ),
        (
            r"no plan of the catalogue covers the commune (?P<c>\S+)",
            "không văn bản nào của danh mục áp dụng cho xã {c}",
        ),
        (
            r"the year (?P<y>\d+) is outside the chosen plans \((?P<span>[^)]+)\)",
            "năm {y} nằm ngoài giai đoạn của các văn bản đã chọn ({span})",
        ),
        (
            rf"Invalid value for '?--commune'?: (?P<v>{Q}): write ID=NAME, e\.g\. (?P<e>.+)",
            "giá trị không hợp lệ cho '--commune': {v}: viết MÃ=TÊN, ví dụ {e}",
        ),
        (
            rf"Invalid value for '?--commune'?: (?P<v>{Q}) is not a commune id: lower-case ASCII words joined by '-', "
            r"groups by '/' \(e\.g\. quang-ngai/tinh-an\)",
            "giá trị không hợp lệ cho '--commune': {v} không phải mã xã: chữ thường không dấu nối bằng '-', các cấp "
            "nối bằng '/' (ví dụ quang-ngai/tinh-an)",
        ),
        (
            rf"Invalid value for '?--period'?: (?P<v>{Q}) is not a span of years like 2025-2027 \(or one year 2025\)",
            "giá trị không hợp lệ cho '--period': {v} không phải giai đoạn dạng 2025-2027 (hoặc một năm 2025)",
        ),
        (
            rf"Invalid value for '?--formed-from'?: (?P<n>{Q}) does not say what kind of unit it was; write its kind "
            rf"first \(e\.g\. (?P<e>{Q})\)",
            "giá trị không hợp lệ cho '--formed-from': {n} chưa ghi loại đơn vị; hãy ghi loại đơn vị trước tên "
            "(ví dụ {e})",
        ),
        (
            rf"Invalid value for '?--formed-from'?: (?P<n>{Q}) names a (?P<h>[^;]+); write the commune-level units "
            r"merged into this one",
            "giá trị không hợp lệ cho '--formed-from': {n} là tên của một {h}; hãy ghi các đơn vị cấp xã đã sắp xếp "
            "vào đơn vị này",
        ),
        (
            r"Invalid value for '?--formed-from'?: give the units merged into the commune",
            "giá trị không hợp lệ cho '--formed-from': hãy ghi các đơn vị đã sắp xếp vào xã",
        ),
        (
            r"--formed-from and --merged-on go with exactly one --commune",
            "--formed-from và --merged-on chỉ dùng cùng đúng một --commune",
        ),
        (r"Invalid value for (?P<p>'[^']+'|\S+): (?P<m>.+)", "giá trị không hợp lệ cho {p}: {m}"),
        (r"Invalid value: (?P<m>.+)", "giá trị không hợp lệ: {m}"),
    ],
    # the web page's and `chitieu users`' own codes
    "upload-report-file": [
        (
            r"write report\.file on one line or remove it; the report itself is uploaded on its own",
            "hãy viết report.file trên một dòng hoặc bỏ dòng đó; bản thân báo cáo được tải lên riêng",
        ),
    ],
    "database": [
        (
            r"cannot open the database (?P<url>\S+): (?P<why>.+)",
            "không mở được cơ sở dữ liệu {url}: {why}",
        ),
    ],
    "no-users": [
        (
            r"refusing to listen on (?P<host>\S+): beyond this machine the page needs user accounts, and there are "
            r"none\. Create one first, e\.g\.\n(?P<example>.+)\nor listen on 127\.0\.0\.1 \(the default\) with the "
            r"access token\.",
            "không mở trang trên địa chỉ {host}: ngoài máy này, trang web cần tài khoản người dùng, mà chưa có tài "
            "khoản nào. Hãy tạo một tài khoản trước, ví dụ\n{example}\nhoặc mở trang trên 127.0.0.1 (mặc định) với "
            "mã truy cập.",
        ),
    ],
    "user": [
        (
            r"a user name is 2–80 characters: lower-case ASCII letters, digits, '\.', '_' or '-'",
            "tên người dùng dài 2–80 ký tự: chữ thường ASCII, chữ số, '.', '_' hoặc '-'",
        ),
        (r"the role must be one of: (?P<roles>.+)", "vai trò phải là một trong: {roles}"),
        (r"the password must have at least 10 characters", "mật khẩu phải có ít nhất 10 ký tự"),
        (
            rf"(?P<id>{Q}) is not a province id \(the first part of commune ids, e\.g\. quang-ngai\)",
            "{id} không phải mã tỉnh (phần đầu của mã xã, ví dụ quang-ngai)",
        ),
        (
            rf"(?P<id>{Q}) is not a commune id \(e\.g\. quang-ngai/tinh-an\)",
            "{id} không phải mã xã (ví dụ quang-ngai/tinh-an)",
        ),
        (
            r"a commune officer is assigned exactly one commune \(--commune ID\) and no province",
            "cán bộ xã được giao đúng một xã (--commune MÃ) và không giao tỉnh",
        ),
        (
            r"a reviewer needs at least one unit: --province ID or --commune ID",
            "người rà soát cần ít nhất một đơn vị: --province MÃ hoặc --commune MÃ",
        ),
        (rf"the user (?P<id>{Q}) exists already", "người dùng {id} đã có"),
        (rf"no user (?P<id>{Q})", "không có người dùng {id}"),
    ],
}


@lru_cache(maxsize=None)
def _compiled(code: str) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p, re.S), t) for p, t in MESSAGES.get(code, [])]


# PyYAML's own words for a syntax error
YAML_PROBLEMS: dict[str, str] = {
    "did not find expected ',' or ']'": "thiếu dấu ',' hoặc ']'",
    "did not find expected ',' or '}'": "thiếu dấu ',' hoặc '}'",
    "did not find expected key": "không thấy khóa ở chỗ cần có khóa",
    "did not find expected node content": "thiếu giá trị ở chỗ cần có giá trị",
    "did not find expected '-' indicator": "thiếu dấu '-' của một mục danh sách",
    "mapping values are not allowed in this context": "không được viết 'khóa: giá trị' ở vị trí này",
    "found character that cannot start any token": "gặp ký tự không thể mở đầu một thành phần YAML",
    "found a tab character that violates indentation": "ký tự tab làm sai thụt lề",
    "found undefined alias": "bí danh (*) chưa được định nghĩa",
    "found unexpected ':'": "dấu ':' không đúng chỗ",
    "found unexpected end of stream": "tệp kết thúc khi chưa đóng dấu nháy hoặc dấu ngoặc",
    "found invalid Unicode character escape code": "mã thoát ký tự Unicode không hợp lệ",
    "found unknown escape character": "ký tự thoát không hợp lệ",
    "expected <block end>, but found '-'": "gặp dấu '-' ở chỗ không được mở mục danh sách",
    "invalid YAML": "YAML không hợp lệ",
}

# the operating system's words for why a file cannot be written (strerror)
OS_ERRORS: dict[str, str] = {
    "Permission denied": "không có quyền ghi",
    "No space left on device": "hết chỗ trống trên đĩa",
    "Read-only file system": "hệ thống tệp chỉ cho đọc",
    "No such file or directory": "không có tệp hoặc thư mục",
    "File too large": "tệp quá lớn",
    "Disk quota exceeded": "vượt hạn mức đĩa",
    "Is a directory": "là một thư mục",
    "Not a directory": "không phải thư mục",
    "Input/output error": "lỗi vào/ra của thiết bị",
    "Operation not permitted": "thao tác không được phép",
    "File name too long": "tên tệp quá dài",
}

_LISTS = frozenset({"allowed", "list", "owners", "levels"})
# what a message names in passing (a file, a device)
THINGS: dict[str, str] = {
    "report": "báo cáo",
    "workbook": "bảng tính",
    "file": "tệp",
    "rules directory": "thư mục quy tắc",
    "a FIFO (named pipe)": "một FIFO (đường ống có tên)",
    "a character device": "một thiết bị ký tự",
    "a block device": "một thiết bị khối",
    "a device": "một thiết bị",
    "a socket": "một socket",
    "a folder": "một thư mục",
    "not a regular file": "không phải tệp thường",
    "a scanned PDF (no text layer)": "tệp PDF quét (không có lớp văn bản)",
    "an image": "hình ảnh",
}
# the operating system's reasons (strerror) that reach a message as its "why"
OS_REASONS: dict[str, str] = {
    "No such file or directory": "không có tệp hoặc thư mục này",
    "Permission denied": "không có quyền truy cập",
    "Too many levels of symbolic links": "các liên kết tượng trưng (symlink) trỏ vòng lặp",
    "Is a directory": "là một thư mục",
    "Not a directory": "một phần của đường dẫn không phải thư mục",
    "No space left on device": "hết chỗ trống trên đĩa",
    "Read-only file system": "hệ thống tệp chỉ cho đọc",
    "File name too long": "tên tệp quá dài",
    "Input/output error": "lỗi đọc ghi của thiết bị",
    "Operation not permitted": "thao tác không được phép",
    "Device or resource busy": "thiết bị hoặc tài nguyên đang bận",
}
# what a value should be (pydantic's and the validators' words)
EXPECTED: dict[str, str] = {
    "a number": "một số",
    "a whole number": "một số nguyên",
    "a date": "một ngày",
    "a list": "một danh sách",
    "a mapping": "một bảng khóa",
    "a string": "một đoạn văn bản",
    "a text": "một đoạn văn bản",
    "text": "văn bản",
    "a boolean": "true hoặc false",
    "true or false": "true hoặc false",
    "input should be a valid string": "giá trị phải là văn bản",
    "input should be a valid integer": "giá trị phải là số nguyên",
    "input should be a valid number": "giá trị phải là số",
    "input should be a valid boolean": "giá trị phải là true hoặc false",
    "input should be a valid date": "giá trị phải là ngày",
    "input should be a valid list": "giá trị phải là danh sách",
    "input should be a valid dictionary": "giá trị phải là bảng khóa",
}


_WHAT_VI = [
    (re.compile(r"the number (?P<v>.+)"), "số {v}"),
    (re.compile(r"the yes/no value (?P<v>true|false)"), "giá trị có/không {v}"),
    (re.compile(r"nothing \(an empty value\)"), "giá trị để trống"),
    (re.compile(r"the date (?P<v>.+)"), "ngày {v}"),
    (re.compile(r"the text (?P<v>'.*')"), "chữ {v}"),
    (re.compile(r"a list"), "một danh sách"),
    (re.compile(r"a mapping \(key: value\)"), "một bảng khóa: giá trị"),
]


def _what_vi(got: str) -> str:
    """A value as chitieu.model._what names it, in Vietnamese ('the number 5' → 'số 5'); anything else as it is."""
    for pattern, template in _WHAT_VI:
        m = pattern.fullmatch(got)
        if m:
            return template.format(**m.groupdict())
    return got


def _fill(template: str, groups: dict[str, str]) -> str:
    groups = {k: ("" if v is None else v) for k, v in groups.items()}  # an optional part the message left out
    for name in _LISTS & groups.keys():  # 'a', 'b' or 'c'
        groups[name] = re.sub(r"(?<=['\w/]) or (?=['\w])", " hoặc ", groups[name]).replace("' and '", "' và '")
    if "what" in groups and groups["what"] in EXPECTED:
        groups["what"] = EXPECTED[groups["what"]]
    if "kind" in groups and groups["kind"] in FILE_KINDS:
        groups["kind"] = FILE_KINDS[groups["kind"]]
    if "thing" in groups:
        groups["thing"] = THINGS.get(groups["thing"], groups["thing"])
    if "why" in groups:
        groups["why"] = OS_REASONS.get(groups["why"], groups["why"])
    if "what" in groups and groups["what"] in INSTEAD:
        groups["what"] = INSTEAD[groups["what"]]
    if "statuses" in groups:  # "a met and an unmet" → 'met' và 'unmet'
        groups["statuses"] = " và ".join(f"'{w}'" for w in re.findall(r"\ban? (\w+)", groups["statuses"]))
    if "p" in groups:
        groups["p"] = YAML_PROBLEMS.get(groups["p"], groups["p"])
    if "reason" in groups:
        groups["reason"] = OS_ERRORS.get(groups["reason"], groups["reason"])
    if re.search(r"[A-Za-z]{2}", groups.get("m") or ""):  # what a refused value is told (not a figure "m"): a
        # message of its own, translated as such when it has one
        groups["m"] = _core("usage", groups["m"], anywhere=True) or groups["m"]
    if "got" in groups:  # a value as model._what names it
        groups["got"] = _what_vi(groups["got"])
    if "file" in groups:  # another file named by the system's error: "(/tmp/x)"
        groups["file"] = f" ({groups['file']})" if groups["file"] else ""
    for k, v in groups.items():  # the engine's own figures ("10,002 characters") as Vietnamese writes them
        if isinstance(v, str) and not v.startswith("'"):
            groups[k] = _ENGLISH_THOUSANDS.sub(lambda m: m.group(0).replace(",", "."), v)
    return template.format(**groups)


# "1,000,000" as English groups thousands, not inside a quoted value, a path or a word
_ENGLISH_THOUSANDS = re.compile(r"(?<![\w.,'/:-])\d{1,3}(?:,\d{3})+(?![\w,'/]|\.\d)")


def _core(code: str, text: str, *, anywhere: bool = False) -> str | None:
    """The text matched by a pattern of ``code`` (or of another code: a sentence may serve several)."""
    # a YAML syntax error's catch-all ("expected …", "found …") would claim any sentence that begins so: it answers for
    # its own code only
    tables = ["*", code] + ([c for c in MESSAGES if c not in (code, "*", "yaml-syntax")] if anywhere else [])
    for c in tables:
        for pattern, template in _compiled(c):
            m = pattern.fullmatch(text)
            if m:
                return _fill(template, m.groupdict())
    return None


def vietnamese(code: str, message: str) -> str | None:
    """The Vietnamese text of an English diagnostic message of ``code``, or None when the table has none."""
    text = _HINT.sub(lambda m: f" (có phải là: {m.group('names')}?)", message)
    head = ""
    tail = ""
    for pattern, template in _SUFFIXES:
        m = re.search(pattern + "$", text)
        if m:
            tail = template + tail
            text = text[: m.start()]
    out = _core(code, text, anywhere=True)
    while out is None:  # peel off a place ("fact 2: value: ") and try again
        for pattern, template in _PREFIXES:
            m = re.match(pattern, text)
            if m:
                head += _fill(template, m.groupdict())
                text = text[m.end() :]
                break
        else:
            return None
        out = _core(code, text, anywhere=True)
    return unicodedata.normalize("NFC", head + out + tail)


# The command's own lines — summaries, notes, what it says when it stops — by key: (English, Vietnamese). A line that
# reports a problem of an input is a diagnostic instead (MESSAGES above).
LINES: dict[str, tuple[str, str]] = {
    "input-errors": (
        "chitieu: {n} error(s) in the input; nothing was evaluated",
        "chitieu: dữ liệu đầu vào có {n} lỗi; chưa đánh giá quy tắc nào",
    ),
    "no-commune-audited": (
        "chitieu: --commune {globs} matches none of the communes audited; {n} error(s) in the input left out the "
        "communes they touch (above): correct them and check again; nothing was written",
        "chitieu: --commune {globs} không khớp với xã nào đã được kiểm tra; dữ liệu đầu vào có {n} lỗi nên các xã "
        "có lỗi đã bị bỏ qua (xem ở trên): hãy sửa rồi kiểm tra lại; không ghi ra tệp nào",
    ),
    "input-errors-left-out": (
        "chitieu: {n} error(s) in the input; the communes they touch were left out",
        "chitieu: dữ liệu đầu vào có {n} lỗi; đã bỏ qua các xã có lỗi",
    ),
    "input-errors-left-out-file": (
        "chitieu: {n} error(s) in the input; the communes they touch were left out, and nothing was written to {path}",
        "chitieu: dữ liệu đầu vào có {n} lỗi; đã bỏ qua các xã có lỗi, và không ghi gì vào {path}",
    ),
    "interrupted": (
        "chitieu: interrupted; no output file was left behind",
        "chitieu: đã dừng theo yêu cầu (Ctrl+C); không để lại tệp đầu ra nào",
    ),
    "terminated": (
        "chitieu: terminated ({signal}); no output file was left behind",
        "chitieu: đã bị dừng ({signal}); không để lại tệp đầu ra nào",
    ),
    "internal-rete": (
        "chitieu: internal error in the rule network: {error}\nPlease report it with the input files; run with --debug "
        "for the traceback.",
        "chitieu: lỗi nội bộ trong mạng quy tắc: {error}\nĐề nghị báo lỗi này kèm các tệp đầu vào; chạy lại với --debug "
        "để xem chi tiết (traceback).",
    ),
    "internal": (
        "chitieu: internal error: {error}\nPlease report it with the input files; run with --debug for the traceback.",
        "chitieu: lỗi nội bộ: {error}\nĐề nghị báo lỗi này kèm các tệp đầu vào; chạy lại với --debug để xem chi tiết "
        "(traceback).",
    ),
    "unreviewed-draft": (
        "chitieu: {path}: {facts} facts drafted automatically from the report and not reviewed ({review} marked for "
        "review, {unmatched} sentences unmatched); the findings rest on them — run `chitieu facts extract {path} -o "
        "FILE` to review them",
        "chitieu: {path}: {facts} số liệu được rút tự động từ báo cáo và chưa được rà soát ({review} số liệu cần xem "
        "lại, {unmatched} câu chưa khớp); các kết luận dựa trên các số liệu này — chạy `chitieu facts extract {path} "
        "-o TỆP` để rà soát",
    ),
    "init-done": (
        "{copied} files copied into {folder}: the catalogue in {rules}, the seed commune in {seed}.\n"
        "Point chitieu at the copy with --rules {rules} or: export CHITIEU_RULES={rules_abs}\n"
        "Then: chitieu rules lint && chitieu rules test && chitieu check {facts}",
        "Đã sao chép {copied} tệp vào {folder}: danh mục quy tắc ở {rules}, số liệu của xã mẫu ở {seed}.\n"
        "Dùng bản sao bằng --rules {rules} hoặc: export CHITIEU_RULES={rules_abs}\n"
        "Sau đó: chitieu rules lint && chitieu rules test && chitieu check {facts}",
    ),
    "extract-done": (
        "{facts} facts ({review} to review), {statements} statements, {unmatched} unmatched sentences",
        "{facts} số liệu ({review} cần xem lại), {statements} nhận định, {unmatched} câu chưa khớp với chỉ số nào",
    ),
    "lint-done": (
        "{problems} problem(s) in {reports} report(s)",
        "{problems} vấn đề trong {reports} báo cáo",
    ),
    "import-done": (
        "{facts} facts ({items} items) read from {path}",
        "Đã đọc {facts} số liệu ({items} mục) từ {path}",
    ),
    "form-done": (
        "{path}: the reporting form of {name} ({id})",
        "{path}: biểu mẫu của {name} ({id})",
    ),
    "rule-added": (
        "{place}: added rule '{id}' — edit it, then run: chitieu rules lint && chitieu rules test -k {id}",
        "{place}: đã thêm quy tắc '{id}' — sửa quy tắc này, rồi chạy: chitieu rules lint && chitieu rules test -k {id}",
    ),
    "created": ("{path}: created", "{path}: đã tạo"),
    "document-added": (
        "{path}: created the document '{id}' and added it to the order of {catalogue} — add a rule: chitieu rules "
        "new RULE-ID --source {id}",
        "{path}: đã tạo văn bản '{id}' và thêm vào order của {catalogue} — thêm quy tắc: chitieu rules new "
        "MÃ-QUY-TẮC --source {id}",
    ),
    "rules-lint-done": ("{errors} error(s), {warnings} warning(s)", "{errors} lỗi, {warnings} cảnh báo"),
    # an example passes when the rule gives the status it expects ("Chưa đạt" included): "khớp", never "đạt"
    "rules-test-done": ("{passed} passed, {failed} failed", "{passed} ví dụ khớp, {failed} ví dụ không khớp"),
    "example-passed": ("PASSED", "KHỚP"),
    "example-failed": ("FAILED", "KHÔNG KHỚP"),
    "example-expected": ("expected {expected}, got {got}", "cần {expected}, kết quả {got}"),
    "check-written": ("Wrote {n} finding(s) to {path}", "Đã ghi {n} kết luận vào {path}"),
    "draft-written": (
        "Wrote the draft, to be reviewed, to {path}",
        "Đã ghi bản nháp số liệu (cần rà soát) vào {path}",
    ),
    "facts-written": ("Wrote the facts to {path}", "Đã ghi số liệu vào {path}"),
    "document-written": ("Wrote {document} to {path}", "Đã ghi {document} vào {path}"),
    "document-commune": ("the commune's draft", "dự thảo báo cáo của xã"),
    "document-reviewer": ("the review sheet", "phiếu rà soát"),
    "document-self-assessment": ("the self-assessment table", "biểu tự đánh giá"),
    "document-shortfalls": ("the list of shortfalls", "danh sách thiếu hụt"),
    "docs-done": ("{pages} page(s) written to {path}", "Đã ghi {pages} trang vào {path}"),
    "docs-done-stale": (
        "{pages} page(s) written to {path}; removed {stale} stale",
        "Đã ghi {pages} trang vào {path}; đã xóa {stale} trang cũ",
    ),
    "catalogue-broken": (
        "chitieu: the rule catalogue has errors; nothing was started",
        "chitieu: danh mục quy tắc có lỗi; trang web chưa được khởi động",
    ),
    # the list view of `chitieu check` (engine/reporters/listing.py): its own words; a finding's message and figures
    # are the catalogue's Vietnamese in both languages
    "list-head": ("{unit} — data as of {as_of}: {n} finding(s)", "{unit} — số liệu đến {as_of}: {n} kết luận"),
    "list-target": ("target: {target}", "chỉ tiêu: {target}"),
    "list-not-in-force": ("not in force then", "ngoài kỳ áp dụng"),
    "list-summary": ("summary", "tóm tắt"),
    "list-failed": ("{n} unmet / at risk", "{n} chưa đạt / có nguy cơ"),
    "list-clarify": ("{n} to clarify", "{n} cần làm rõ"),
    "list-none": (
        "No target unmet, at risk of not being met, or to be clarified.",
        "Không có chỉ tiêu chưa đạt, có nguy cơ không đạt hoặc cần làm rõ.",
    ),
    "list-nothing": (
        "No finding: no rule in the run's scope applies to the communes read; nothing was judged.",
        "Không có kết luận nào: không quy tắc nào trong phạm vi kiểm tra áp dụng cho các đơn vị đã đọc; chưa đánh giá "
        "chỉ tiêu nào.",
    ),
    "list-uncovered": (
        "No plan of the catalogue covers it: nothing was checked (warning commune-uncovered).",
        "Không văn bản nào trong danh mục áp dụng cho đơn vị này: chưa kiểm tra chỉ tiêu nào (cảnh báo "
        "commune-uncovered).",
    ),
    "list-none-filtered": (
        "None of the findings shown (--status {statuses}) is unmet, at risk or to be clarified.",
        "Trong các kết luận được hiển thị (--status {statuses}), không có kết luận chưa đạt, có nguy cơ không đạt "
        "hoặc cần làm rõ.",
    ),
    "list-hidden": (
        "{n} other finding(s) not shown (--status {statuses}); the exit code counts them.",
        "{n} kết luận khác không hiển thị (--status {statuses}); mã thoát vẫn tính các kết luận này.",
    ),
    "list-total": ("{communes}, {n} finding(s): ", "{communes}, {n} kết luận: "),
    "list-full-table": ("Full table:", "Bảng đầy đủ:"),
    "list-hint": (
        "One rule: chitieu rules show ID · filter: --status unmet --rule '{glob}' --commune COMMUNE-ID",
        "Một quy tắc: chitieu rules show MÃ · lọc: --status unmet --rule '{glob}' --commune MÃ-XÃ",
    ),
    # the table of `chitieu check --format table` (engine/reporters/table.py)
    "table-head": ("{unit} — data as of {as_of}", "{unit} — số liệu đến {as_of}"),
    "table-rule": ("Rule", "Quy tắc"),
    "table-period": ("Period", "Kỳ"),
    "table-target": ("Target", "Mức chỉ tiêu"),
    "table-level": ("Target", "Mức"),  # the same, where the column is narrow
    "table-result": ("Result", "Kết quả"),
    "table-status": ("Status", "Trạng thái"),
    "table-evidence": ("Evidence", "Căn cứ"),
    "table-achieved": ("{pct} of the target", "{pct} chỉ tiêu"),
    "table-title": ("Indicator: {title}", "Chỉ tiêu: {title}"),
    "table-source": ("Source: {source}", "Nguồn: {source}"),
    "table-total": ("Findings: {n} — ", "Tổng số kết luận: {n} — "),
    # the commune × rule matrix (`chitieu check --format matrix`, engine/reporters/matrix_out.py)
    "matrix-title": (
        "Findings: commune × rule (the worst status of the periods)",
        "Ma trận kết luận: xã × quy tắc (trạng thái xấu nhất của các kỳ)",
    ),
    "matrix-rules": ("Rules {first}–{last}", "Quy tắc {first}–{last}"),
    "matrix-unit": ("Commune", "Xã"),
    "matrix-hidden": (
        "{n} rule(s) of the catalogue judged no commune of this run (other provinces' plans, other kinds of unit): "
        "not shown.",
        "{n} quy tắc của danh mục không áp dụng cho đơn vị nào trong lần kiểm tra này (kế hoạch của tỉnh khác, loại "
        "đơn vị khác): không hiện.",
    ),
    "matrix-dot": (
        "· = the rule does not apply to this commune",
        "· = quy tắc không áp dụng cho đơn vị này",
    ),
    "matrix-uncovered-row": (
        "No plan of the catalogue covers this commune: nothing was checked (warning commune-uncovered).",
        "Không văn bản nào trong danh mục áp dụng cho đơn vị này: chưa kiểm tra (cảnh báo commune-uncovered).",
    ),
    "matrix-uncovered": (
        "Not checked, as no plan of the catalogue covers them (warning commune-uncovered): {names}.",
        "Chưa kiểm tra do không văn bản nào trong danh mục áp dụng (cảnh báo commune-uncovered): {names}.",
    ),
    "matrix-count-note": (
        "The matrix counts cells (commune × rule): {cells} cells, each the worst status of the rule over its periods; "
        "the findings table (--format table, json) counts each period: {findings} findings.",
        "Ma trận đếm ô (xã × quy tắc): {cells} ô, mỗi ô là trạng thái xấu nhất của quy tắc qua các kỳ; bảng kết luận "
        "(--format table, json) đếm từng kỳ: {findings} kết luận.",
    ),
    "unreviewed": (
        "NOTE: the findings of {unit} rest on figures drafted automatically from its report, not yet reviewed "
        "({files}); for reference only.",
        "LƯU Ý: kết quả của {unit} dựa trên số liệu trích tự động từ báo cáo, chưa được rà soát ({files}); chỉ dùng "
        "để tham khảo.",
    ),
    "user-added": ("added {user} ({role}: {units})", "Đã thêm {user} ({role}: {units})"),
    "user-disabled": ("disabled {user}", "Đã khóa {user}"),
    "disabled": ("(disabled)", "(đã khóa)"),
    "password": ("Password", "Mật khẩu"),
    "password-again": ("Repeat for confirmation", "Nhập lại mật khẩu"),
}


def say(key: str, lang: str = "vi", **fields: object) -> str:
    """The command's own line ``key`` in ``lang`` ('vi' or 'en'), its fields filled in."""
    english, vietnamese_text = LINES[key]
    return unicodedata.normalize("NFC", (vietnamese_text if lang == "vi" else english).format(**fields))
