"""The Vietnamese of every command's --help, beside the English of the docstrings and the options' ``help=``.

``HELP`` is keyed by command path ("chitieu facts extract"); each entry holds the command's description under ``""``
(written like a docstring: paragraphs, ``\\b`` before a block click must not rewrap), its line in the list of
commands under ``"short"`` where the description's first sentence is too long for it, the help of each of its options
under the option's first long name ("--output"), and the Vietnamese of the comments of its examples under ``"# "`` and
the English comment. The examples themselves are not repeated here: both languages show the docstring's own lines,
which tests/test_documented_examples.py runs.

``SHARED`` holds the help of the options that many commands define alike (--rules, -o, --plan …); a test checks that
every command that falls back on it has that same English help, and that no command or option lacks its Vietnamese.

Wording: administrative register (Nghị định 30/2020/NĐ-CP); "chỉ số" an indicator, "chỉ tiêu" a target, "quy tắc" a
rule, "kết luận" a finding, "danh mục quy tắc" the catalogue, status labels as engine/vi.py has them.
"""

from __future__ import annotations

from typing import Optional

SHARED: dict[str, str] = {
    "--help": "Hiện hướng dẫn này rồi thoát.",
    "--rules": "Thư mục danh mục quy tắc (mặc định: thư mục rules/ của dự án, hoặc $CHITIEU_RULES).",
    "--output": "Ghi vào tệp này (ghi trọn vẹn một lần; khi không có --format, đuôi tệp quyết định định dạng) thay vì "
    "ra màn hình.",
    "--force": "Ghi đè tệp kết quả nếu tệp đã có.",
    "--plan": "Chỉ các quy tắc của kế hoạch này: mã hoặc số ký hiệu, ví dụ 156/KH-UBND (lặp lại được). Mã thoát và "
    "số đếm chỉ tính các quy tắc đó.",
    "--rule": "Chỉ các quy tắc này: mã quy tắc hoặc mẫu như 'ntm-nc-*' (lặp lại được, hoặc nhiều mẫu cách nhau bằng dấu phẩy). Mã thoát và số đếm chỉ tính "
    "các quy tắc đó.",
    "--allow-unreviewed": "Kiểm tra cả bản nháp của `facts extract` (unreviewed: true) như hiện có; mọi kết quả khi "
    "đó đều ghi rõ điều này.",
    "--as-of": "(báo cáo) Ngày số liệu được tính đến, khi báo cáo không nêu: 2024-12-31 hoặc 31/12/2024; chỉ có "
    "tháng (2024-10 hoặc 10/2024) khi báo cáo chỉ nêu tháng.",
    "--name": "(báo cáo) Tên đơn vị, khi phần đầu và phần mở đầu của báo cáo không nêu.",
    "--commune-id": "(báo cáo) Mã của xã (mặc định: tạo từ tên xã).",
    "--province": "(báo cáo) Tỉnh, để lập mã của xã.",
    "--db": "Cơ sở dữ liệu: tệp SQLite (mặc định: ./chitieu.db) hoặc địa chỉ như "
    "postgresql+psycopg://user@host/chitieu.",
}

HELP: dict[str, dict[str, str]] = {
    "chitieu": {
        "": "chitieu — kiểm tra kết quả trong báo cáo của xã so với chỉ tiêu của các kế hoạch mà xã thực hiện.",
        "--version": "Hiện số phiên bản rồi thoát.",
        "--debug": "Hiện dấu vết lỗi (traceback) của Python khi có lỗi nội bộ.",
        "--lang": "Ngôn ngữ của hướng dẫn (--help), của thông báo lỗi cách dùng, của thông báo về tệp đầu vào và "
        "của các dòng do lệnh tự in (tóm tắt, ghi chú, từ chối); mã lỗi, vị trí và mã thoát giống nhau ở cả hai ngôn "
        "ngữ. Cũng đặt được bằng $CHITIEU_LANG.",
        "# the seed commune (facts/tinh-an): what failed first": "xã mẫu (facts/tinh-an): những gì chưa đạt trước",
        "# drafted “Tồn tại, hạn chế và nguyên nhân”": "dự thảo “Tồn tại, hạn chế và nguyên nhân”",
    },
    "chitieu check": {
        "": """Kiểm tra các tệp số liệu (hoặc thư mục chứa chúng) theo danh mục quy tắc.

        ĐƯỜNG_DẪN là tệp số liệu (schema chitieu.facts/1), biểu mẫu báo cáo đã điền (.xlsx do `chitieu form` tạo), tệp
        miễn trừ (chitieu.waivers/1) hoặc thư mục chứa các tệp đó, hoặc chính báo cáo của xã (.txt, .md, .docx,
        .pdf, hoặc bản quét đọc bằng OCR); khi đó số liệu được tự động rút ra (chưa rà soát; báo cáo không nêu ngày
        hoặc đơn vị thì cần --as-of / --name). Không nêu ĐƯỜNG_DẪN thì kiểm tra xã mẫu (facts/tinh-an).

        \b
        Mã thoát:
          0  không có kết luận nào từ mức --fail-on trở lên (đơn vị không có
             văn bản nào áp dụng thì không có kết luận: có cảnh báo
             commune-uncovered);
          1  có kết luận từ mức đó trở lên;
          2  đầu vào hoặc cách dùng sai (khi đó không ghi tệp kết quả nào);
          3  lỗi nội bộ.""",
        "short": "Kiểm tra các tệp số liệu theo danh mục quy tắc.",
        "--format": "list (những gì chưa đạt trước, mỗi kết luận một dòng; mặc định), table (đủ mọi trường), json "
        "(theo hợp đồng dữ liệu kết luận), section (dự thảo mục III.2), matrix / html / xlsx (ma trận xã × quy tắc, "
        "cho nhiều xã). Mặc định: định dạng theo đuôi tệp của -o (.json, .html, .xlsx), nếu không thì list.",
        "--section": "Như --format section: dự thảo mục “Tồn tại, hạn chế”.",
        "--status": "Chỉ hiện các kết luận có trạng thái này, ví dụ unmet,pending (mã thoát vẫn tính mọi kết luận).",
        "--commune": "Chỉ các xã này, theo mã hoặc tên (không phân biệt chữ hoa, chữ thường; gõ không dấu thì so "
        "không dấu), hoặc mẫu như 'quang-ngai/*' (lặp lại được). Không khớp với xã nào thì báo lỗi (mã thoát 2).",
        "--fail-on": "Thoát với mã 1 khi có kết luận ở trạng thái này hoặc nặng hơn (unmet — Chưa đạt > "
        "needs_clarification — Cần làm rõ > insufficient_data — Chưa đủ dữ liệu > pending — Chưa đến hạn).",
        "--color": "Tô màu khi hiện trên màn hình (mặc định: có khi in ra terminal, trừ khi đặt NO_COLOR).",
        "--jobs": "Kiểm tra các xã trong N tiến trình (mặc định: mỗi lõi một tiến trình); kết quả giống hệt khi N = 1.",
        "# only that plan's rules (exit code included)": "chỉ các quy tắc của kế hoạch đó (cả mã thoát)",
    },
    "chitieu report": {
        "": """Dự thảo văn bản từ số liệu của xã: dự thảo báo cáo của xã, phiếu rà soát hoặc biểu tự đánh giá.

        Dự thảo của xã (mặc định) gồm mục III.2 “Tồn tại, hạn chế và nguyên nhân” và mục IV “Phương hướng,
        nhiệm vụ thời gian tới”, viết theo lời của xã, kèm bảng kết quả, để Chủ tịch UBND xã ký.

        Phiếu rà soát (--for reviewer) là của cơ quan rà soát: mọi kết luận kèm câu trích và số dòng, nguồn
        của từng ngưỡng, kết quả đối chiếu số liệu trong báo cáo, lỗi soạn thảo và minh chứng còn thiếu.""",
        "short": "Dự thảo văn bản từ số liệu của xã.",
        "--for": "commune: dự thảo mục III.2 và IV của chính xã (để xã ký); reviewer: phiếu rà soát của cơ quan rà "
        "soát; self-assessment: biểu tự đánh giá nông thôn mới.",
        "--format": "md, txt, docx, json hoặc xlsx (mặc định: định dạng theo đuôi tệp của -o, nếu không thì md).",
        "--date": "Ngày của văn bản (mặc định: để trống cho người soạn điền).",
        "--number": "Dòng số, ký hiệu của văn bản (mặc định: “Số: …/BC-UBND”).",
        "--signer": "Họ tên người ký (mặc định: để trống).",
        "--recipient": "Một dòng của “Nơi nhận” (lặp lại được; mặc định: cơ quan ban hành kế hoạch mà báo cáo trả "
        "lời, lãnh đạo xã, Lưu: VT.).",
        "--reviewer-body": "(--for reviewer) Tên đầy đủ của cơ quan rà soát; '\\n' để xuống dòng.",
        "--reviewer-parent": "(--for reviewer) Cơ quan cấp trên của cơ quan rà soát, nếu có.",
        "--reviewer-place": "(--for reviewer) Địa danh ở dòng ngày tháng.",
        "--reviewer-signer": "(--for reviewer) Chức vụ người ký (mặc định: NGƯỜI RÀ SOÁT).",
        "--reviewer-config": "(--for reviewer) Tệp YAML (schema: chitieu.reviewer/1) gồm body, parent, place, "
        "signer_role, signer_name, recipients.",
        "# the commune's draft, Markdown": "dự thảo của xã, dạng Markdown",
        "# Word (the name picks the format)": "Word (tên tệp quyết định định dạng)",
        "# the draft answers that plan only": "dự thảo chỉ trả lời kế hoạch đó",
    },
    "chitieu shortfalls": {
        "": "Danh sách thiếu hụt: mỗi kết luận chưa đạt, có nguy cơ không đạt hoặc chỉ có trong lời báo cáo là một "
        "dòng (XLSX, CSV, Markdown, JSON).",
        "short": "Danh sách thiếu hụt, mỗi kết luận một dòng.",
        "--format": "xlsx, csv, md hoặc json (mặc định: định dạng theo đuôi tệp của -o, nếu không thì md).",
    },
    "chitieu init": {
        "": """Sao chép danh mục quy tắc kèm theo và xã mẫu vào THƯ_MỤC để chỉnh sửa.

        THƯ_MỤC/rules nhận danh mục quy tắc, THƯ_MỤC/facts/tinh-an nhận số liệu của xã mẫu. Không ghi đè gì đã có:
        THƯ_MỤC/rules và THƯ_MỤC/facts phải chưa tồn tại.""",
        "short": "Sao chép danh mục quy tắc và xã mẫu để chỉnh sửa.",
        "# or: chitieu check --rules ~/chitieu-quang-ngai/rules": "hoặc: chitieu check --rules "
        "~/chitieu-quang-ngai/rules",
    },
    "chitieu facts": {
        "": "Làm việc từ báo cáo của xã: rút tệp số liệu từ báo cáo, kiểm tra tính nhất quán của báo cáo, đọc biểu "
        "mẫu đã điền.",
        "short": "Rút số liệu từ báo cáo, kiểm tra báo cáo, đọc biểu mẫu.",
    },
    "chitieu facts extract": {
        "": """Dự thảo tệp số liệu từ báo cáo (.txt, .md, .docx, .pdf; bản quét hoặc hình ảnh qua OCR khi đã cài
        Tesseract): mỗi số liệu kèm câu trích, số dòng (hoặc ô bảng) và độ tin cậy.

        Chỗ đọc chưa chắc chắn được đánh dấu `review: true`; câu có số liệu hoặc “chưa …” không khớp chỉ số nào
        được liệt kê dưới `unmatched:` để không bỏ sót. Rà soát bản nháp rồi xóa dòng `unreviewed: true`.
        Báo cáo không nêu số liệu tính đến ngày nào, hoặc không nêu tên đơn vị, thì cần --as-of hoặc --name:
        chitieu không bao giờ tự đoán.""",
        "short": "Dự thảo tệp số liệu từ báo cáo của xã.",
    },
    "chitieu facts lint": {
        "": """Kiểm tra tính nhất quán của báo cáo: tên gọi, đánh số, dấu ngoặc, số liệu, minh chứng, phần tóm tắt,
        chỗ mâu thuẫn.

        Thoát với mã 1 khi có vấn đề, 0 khi không có, 2 khi không đọc được báo cáo.""",
        "short": "Kiểm tra tính nhất quán của báo cáo.",
    },
    "chitieu facts import": {
        "": """Chuyển biểu mẫu báo cáo đã điền (.xlsx do `chitieu form` tạo) thành tệp số liệu; mỗi số liệu dẫn ô của nó.

        Ô nào không đọc được là một lỗi tại ô đó (bieu-mau.xlsx:Biểu 01!E14: error[wrong-type]: …) và không ghi gì
        cả (mã thoát 2). Dòng để trống là chưa có số liệu, không bao giờ là số 0.""",
        "short": "Chuyển biểu mẫu đã điền thành tệp số liệu.",
        "# or check the form directly": "hoặc kiểm tra thẳng biểu mẫu",
    },
    "chitieu form": {
        "": """Tạo biểu mẫu báo cáo (XLSX) để xã điền: mỗi chỉ số có chỉ tiêu, mỗi kỳ một dòng.

        Biểu 01 gồm phần đầu của xã và của báo cáo, mỗi chỉ số và kỳ một dòng (giá trị, ngưỡng, Đạt/Không đạt,
        văn bản minh chứng, ghi chú), với danh sách giá trị và khoảng giá trị được phép của Excel; Biểu 02 liệt kê
        các mục (mỗi mô hình “Dân vận khéo” kèm quyết định công nhận); trang đầu hướng dẫn cách điền. Đọc lại bằng
        `chitieu facts import` hoặc kiểm tra thẳng bằng `chitieu check BIEU-MAU.xlsx`.""",
        "short": "Tạo biểu mẫu báo cáo (XLSX) để xã điền.",
        "--output": "Bảng tính cần ghi (mặc định: bieu-mau.xlsx); khi có nhiều --commune thì là một thư mục.",
        "--plan": "Chỉ các chỉ tiêu của kế hoạch này (mã hoặc số ký hiệu, ví dụ 156/KH-UBND; lặp lại được; mặc "
        "định: mọi kế hoạch).",
        "--commune": "Xã được lập biểu mẫu (lặp lại được: mỗi xã một bảng tính; mặc định: xã mẫu).",
        "--formed-from": '(một --commune) Các đơn vị đã sắp xếp vào xã, ghi cả loại đơn vị: "xã Tịnh An; xã Tịnh Hà".',
        "--merged-on": "(cùng --formed-from) Ngày đơn vị mới bắt đầu hoạt động, ví dụ 2025-07-01.",
        "--year": "Chỉ các dòng của năm này (lặp lại được; mặc định: mọi năm của kế hoạch tính đến năm nay).",
    },
    "chitieu rules": {
        "": "Làm việc với danh mục quy tắc: list, show, new-document, new, lint, test, diff, docs.",
        "short": "Làm việc với danh mục quy tắc.",
    },
    "chitieu rules list": {
        "": "Danh mục quy tắc dạng bảng: mã, tên, điều khoản nguồn, kỳ, mức độ.",
        "short": "Danh mục quy tắc dạng bảng.",
        "--source": "Chỉ các quy tắc của văn bản này (mã hoặc số ký hiệu, ví dụ 156/KH-UBND).",
        "--tag": "Chỉ các quy tắc có nhãn này.",
    },
    "chitieu rules show": {
        "": "Mọi thông tin về một quy tắc: đo gì, vì sao, điều khoản, điều kiện diễn đạt bằng lời, các ví dụ.",
        "short": "Mọi thông tin về một quy tắc.",
    },
    "chitieu rules new": {
        "": """Thêm khung một quy tắc mới (kèm ví dụ đạt, chưa đạt và chưa có số liệu) vào tệp quy tắc của văn bản.

        Tệp quy tắc được sửa tại chỗ: hãy làm trên bản sao của danh mục (`chitieu init`), không sửa bản kèm theo.""",
        "short": "Thêm khung một quy tắc mới vào tệp quy tắc của văn bản.",
        "--source": "Văn bản là nguồn của quy tắc (mã hoặc số ký hiệu).",
        "--indicator": "Chỉ số quy tắc đọc (các ví dụ được điền cho khớp với chỉ số).",
        "--title": "Tên của quy tắc (nếu không nêu: để chỗ trống đánh dấu TODO).",
        "--clause": "Điều khoản của văn bản (nếu không nêu: để chỗ trống đánh dấu TODO).",
        "--theme": "Nhóm trong mục “Tồn tại, hạn chế” (nếu không nêu: giá trị tạm đánh dấu TODO).",
        "--severity": "Mức độ nghiêm trọng khi không đạt (nếu không nêu: 'major', đánh dấu TODO).",
        "--target": "Mức chỉ tiêu, ví dụ 60 cho 60% hoặc 2 cho hai cuộc họp (nếu không nêu: giá trị tạm đánh dấu "
        "TODO).",
    },
    "chitieu rules new-document": {
        "": """Tạo tệp quy tắc của một văn bản mới (kế hoạch, đề án, bộ tiêu chí) và thêm văn bản vào `order` của
        danh mục.

        Tệp mới là MÃ_VĂN_BẢN.yaml trong thư mục danh mục, gồm phần đầu mô tả văn bản — loại, số, ngày, cơ quan ban
        hành, giai đoạn, hiệu lực, văn bản áp dụng cho xã nào — và `rules:` còn trống; thêm quy tắc bằng
        `chitieu rules new … --source MÃ_VĂN_BẢN`. Thư mục chưa có danh mục (thư mục trống) thì tạo thêm
        catalogue.yaml và indicators.yaml. Phải nêu văn bản áp dụng cho xã nào: --province, --commune hoặc
        --all-communes.""",
        "short": "Tạo tệp quy tắc của một văn bản mới.",
        "--kind": "Loại văn bản (Kế hoạch, Đề án, Quyết định…).",
        "--number": "Số, ký hiệu của văn bản, ví dụ 200/KH-UBND.",
        "--date": "Ngày ban hành, dạng YYYY-MM-DD (2025-01-15).",
        "--issuer": "Cơ quan ban hành, ví dụ “UBND tỉnh Quảng Ngãi”.",
        "--title": "Trích yếu (tên) của văn bản.",
        "--period": "Giai đoạn của văn bản: 2025-2027, hoặc một năm 2025.",
        "--in-force-from": "Ngày văn bản có hiệu lực, nếu khác ngày ban hành (YYYY-MM-DD).",
        "--in-force-to": "Ngày hết hiệu lực (YYYY-MM-DD).",
        "--province": "Áp dụng cho mọi xã của tỉnh này, theo mã (quang-ngai); lặp lại cho nhiều tỉnh.",
        "--commune": "Áp dụng cho xã này, theo mã (quang-ngai/tinh-an); lặp lại cho nhiều xã.",
        "--all-communes": "Áp dụng cho mọi xã (văn bản của Trung ương).",
        "--implements": "Mã văn bản cấp trên mà văn bản này thực hiện.",
    },
    "chitieu rules lint": {
        "": "Kiểm tra danh mục quy tắc (và các tệp quy tắc thêm vào): mọi lỗi kèm path:line:col, trong một lần chạy; "
        "thoát với mã 2 khi có lỗi.",
        "short": "Kiểm tra danh mục quy tắc, mọi lỗi kèm vị trí.",
        "# a new rule file, checked with the catalogue": "tệp quy tắc mới, kiểm tra cùng danh mục",
    },
    "chitieu rules test": {
        "": """Chạy mọi ví dụ của từng quy tắc qua bộ máy thật; thoát với mã 1 khi có ví dụ sai. Đây là toàn bộ
        phần kiểm thử của người soạn quy tắc: danh mục có ví dụ đều đúng và kiểm tra (lint) không có lỗi là dùng được.""",
        "short": "Chạy các ví dụ của từng quy tắc qua bộ máy thật.",
        "-k": "Chỉ quy tắc này (mã đầy đủ), các quy tắc khớp mẫu ('ntm-nc-*'), hoặc các quy tắc có mã chứa đoạn "
        "chữ này ('dvk'); lặp lại được.",
    },
    "chitieu rules diff": {
        "": """Chạy cùng số liệu với hai phiên bản của danh mục quy tắc và liệt kê mọi kết luận thay đổi trạng
        thái, chỉ tiêu hoặc thông báo (và các kết luận chỉ một phiên bản có) — bước rà soát trước khi ban hành bản
        sửa đổi.

        ĐƯỜNG_DẪN là tệp số liệu, biểu mẫu hoặc thư mục, như với `check` (mặc định: xã mẫu). Thoát với mã 0 khi không
        có gì thay đổi, 1 khi có thay đổi (như lệnh diff), 2 khi đầu vào sai.""",
        "short": "So sánh kết luận dưới hai phiên bản của danh mục quy tắc.",
        "--format": "text (mỗi kết luận thay đổi một khối) hoặc json.",
        "# a copy of the catalogue to revise": "bản sao danh mục để sửa đổi",
    },
    "chitieu rules docs": {
        "": """Ghi mỗi quy tắc một trang Markdown và một trang mục lục, chỉ từ các tệp quy tắc.

        Mỗi trang mở đầu bằng dấu "generated"; lần chạy sau chỉ thay và xóa các trang có dấu đó, và từ chối thư mục
        có tệp khác trừ khi có --force.""",
        "short": "Ghi mỗi quy tắc một trang Markdown và mục lục.",
        "--output": "Thư mục ghi các trang (mặc định: docs/rules trong thư mục làm việc).",
        "--force": "Ghi vào thư mục có cả tệp không do chitieu ghi (các tệp đó được giữ nguyên).",
    },
    "chitieu serve": {
        "": """Mở trang web trên máy: tải báo cáo lên, rà soát số liệu, xem kết luận, lấy văn bản.

        Cơ sở dữ liệu được tạo hoặc nâng lên lược đồ mới nhất trước. Trên 127.0.0.1 (mặc định) trang web cần mã
        truy cập in ra khi khởi động (mở địa chỉ được in ra); ngoài máy này thì cần tài khoản người dùng.""",
        "short": "Mở trang web trên máy (tải lên, rà soát, kết luận).",
        "--host": "Địa chỉ lắng nghe. Ngoài 127.0.0.1 thì cần tài khoản người dùng (chitieu users add).",
        "--port": "Cổng lắng nghe.",
        "--threads": "Số yêu cầu được phục vụ cùng lúc.",
        "# ./chitieu.db, http://127.0.0.1:8000/?token=…": "./chitieu.db, http://127.0.0.1:8000/?token=…",
        "# accounts only": "chỉ đăng nhập bằng tài khoản",
    },
    "chitieu users": {
        "": "Tài khoản người dùng của máy chủ dùng chung: người rà soát (được giao đơn vị) và cán bộ xã (một xã).",
        "short": "Tài khoản người dùng của `chitieu serve` dùng chung.",
    },
    "chitieu users add": {
        "": "Thêm tài khoản (mật khẩu được hỏi hai lần, hoặc đọc từ đầu vào chuẩn).",
        "--role": "reviewer: xem mọi xã của các đơn vị được giao; officer: một xã.",
        "--province": "Mã tỉnh (phần đầu của mã xã; lặp lại được).",
        "--commune": "Mã xã, ví dụ quang-ngai/tinh-an (lặp lại được).",
        "--password-stdin": "Đọc mật khẩu từ đầu vào chuẩn thay vì hỏi.",
    },
    "chitieu users list": {
        "": "Mọi tài khoản kèm vai trò và đơn vị.",
    },
    "chitieu users disable": {
        "": "Khóa một tài khoản (lịch sử được giữ; không đăng nhập được nữa).",
    },
}


def description(path: str) -> Optional[str]:
    """The Vietnamese description of a command (without its examples)."""
    return HELP.get(path, {}).get("")


def short(path: str) -> Optional[str]:
    """The command's line in its group's list of commands."""
    entry = HELP.get(path, {})
    return entry.get("short") or entry.get("")


def option(path: str, name: str) -> Optional[str]:
    """The Vietnamese help of an option of a command: the command's own, else the shared one."""
    return HELP.get(path, {}).get(name) or SHARED.get(name)


def note(path: str, comment: str) -> Optional[str]:
    """The Vietnamese of a comment of one of the command's examples."""
    return HELP.get(path, {}).get(f"# {comment}")
