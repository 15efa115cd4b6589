"""Document fields read from real headers: one row per corpus document and field.

The rows cover the header variants of real archives: a header laid out in a Word table
(cells joined by tabs, in-cell lines by " / "), a header without the province line, two
columns interleaved line by line, flattened one-line headers, news articles with a
dateline, "Số: **53** /KH-UBND" with markup, and drafts whose number or day is blank.
"""

from __future__ import annotations

import pytest

CASES = [
    # seed 002: "ỦY BAN NHÂN DÂN" alone, the province only in the date line "Gia Lai, ngày ..."
    ("002_b2209b564e01dc84", "issuer", "Ủy ban nhân dân tỉnh Gia Lai"),
    ("002_b2209b564e01dc84", "number", "14/CT-UBND"),
    ("002_b2209b564e01dc84", "doc_type", "Chỉ thị"),
    ("002_b2209b564e01dc84", "issue_date", "2021-12-23"),
    ("002_b2209b564e01dc84", "title", "Về đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các cấp trên địa bàn tỉnh"),
    ("002_b2209b564e01dc84", "signer", {"title": "Chủ tịch", "name": None, "on_behalf": None}),
    # seed 003: markdown "Số: **53** /KH-UBND", "ngày **13** tháng **02**", issuer and motto on one line
    ("003_40dd8128047d9a3b", "number", "53/KH-UBND"),
    ("003_40dd8128047d9a3b", "issue_date", "2023-02-13"),
    ("003_40dd8128047d9a3b", "place", "Quận 1"),
    ("003_40dd8128047d9a3b", "issuer", "Ủy ban nhân dân Quận 1"),
    ("003_40dd8128047d9a3b", "title", "Thực hiện công tác dân vận của chính quyền và Quy chế dân chủ ở cơ sở năm 2023"),
    ("003_40dd8128047d9a3b", "signer", {"title": None, "name": "Lê Đức Thanh", "on_behalf": None}),
    # news with a dateline "08:28 | 06/02/2021 Print E-mail" under a breadcrumb
    ("000_009e8832d9950d3a", "kind", "news"),
    ("000_009e8832d9950d3a", "issue_date", "2021-02-06"),
    ("000_009e8832d9950d3a", "title", "Triển khai thực hiện quy chế dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập"),
    # news: the page's own date ("Thứ Sáu, 22/11/2024") precedes the headline; the article's follows it
    ("001_9adf04b5d843a828", "issue_date", "2022-07-06"),
    ("001_9adf04b5d843a828", "title", "Hội nghị triển khai thực hiện Quy chế dân chủ ở cơ sở 6 tháng cuối năm"),
    ("001_9adf04b5d843a828", "doc_type", None),
    ("004_6094e0d5f6b98715", "kind", "news"),
    ("004_6094e0d5f6b98715", "issue_date", None),
    # header in a Word table: "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG | CỘNG HÒA ..."; blank draft number and day
    ("004_kh-cchc-2026", "number", "/KH-UBND"),
    ("004_kh-cchc-2026", "issue_date", "2025-12"),
    ("004_kh-cchc-2026", "issuer", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("004_kh-cchc-2026", "title", "Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng"),
    ("005_kh-ctmtqg", "number", "/KH-UBND"),
    ("005_kh-ctmtqg", "title", "Triển khai thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030"),
    # flattened one-line headers from a legal-text crawler
    ("007_qd-1056", "number", "1056/QĐ-CT"),
    ("007_qd-1056", "place", "Tuyên Quang"),
    ("007_qd-1056", "issuer", "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang"),
    ("007_qd-1056", "title", "Ban hành mức trợ giúp cho các đối tượng bảo trợ xã hội áp dụng trên địa bàn tỉnh tuyên quang"),
    ("008_qd-12-2024", "title", "Về cơ chế, chính sách giải quyết việc làm và đào tạo nghề cho người có đất thu hồi"),
    ("008_qd-12-2024", "signer", {"title": "Phó Thủ tướng", "name": "Trần Hồng Hà", "on_behalf": "KT. Thủ tướng"}),
    ("012_qd-435", "place", "Kon Tum"),
    ("012_qd-435", "issue_date", "2020-05-04"),
    ("012_qd-435", "signer", {"title": "Phó Chủ tịch", "name": "Nguyễn Hữu Tháp", "on_behalf": "TM. Ủy ban nhân dân; KT. Chủ tịch"}),
    # blind batch 1 (corpus/BLIND.md): a legal-text crawler's flattened header with a rule of stars
    # and bracketed editor's notes; the type line restates issuer, number and date before the title
    ("185_nd-61", "issuer", "Chính phủ"),
    ("185_nd-61", "title", "Về mua bán và kinh doanh nhà ở"),
    ("187_nq-755", "title", "Quy định việc giải quyết đối với một số trường hợp cụ thể về nhà đất trong quá trình thực hiện các chính sách quản lý nhà đất và chính sách cải tạo xã hội chủ nghĩa trước ngày 01 tháng 7 năm 1991"),
    # a title in capitals ends with them, before the enacting body and the preamble glued to it
    ("186_nq-23", "title", "Về nhà đất do nhà nước đã quản lý, bố trí sử dụng trong quá trình thực hiện các chính sách quản lý nhà đất và chính sách cải tạo xã hội chủ nghĩa trước ngày 01 tháng 7 năm 1991"),
    # "TM. ỦY BAN NHÂN" / "DÂN" / "KT. CHỦ TỊCH": a title wrapped onto a line of its own
    ("129_kh-1026", "signer", {"title": "Phó Chủ tịch", "name": "Bùi Thanh An", "on_behalf": "TM. Ủy ban nhân dân; KT. Chủ tịch"}),
    ("141_kh-235", "signer", {"title": "Phó Chủ tịch", "name": "Mai Xuân Liêm", "on_behalf": "TM. Ủy ban nhân dân; KT. Chủ tịch"}),
    # "- Lưu: VT, KT." ends the list: its "KT." is a department's code, not a behalf mark
    ("116_cv-giamsat", "recipients", ["Như trên", "Chủ tịch UBND tỉnh", "PCT UBND tỉnh Nguyễn Thành Sinh", "CVP, PCVP UBND tỉnh (Bích)", "Lưu: VT, KT"]),
    ("116_cv-giamsat", "signer", {"title": "Phó Chủ tịch", "name": "Nguyễn Thành Sinh", "on_behalf": "KT. Chủ tịch"}),
    # a recipient's bracketed aside carried over to the next line
    ("112_cv-bnv", "signer", {"title": "Thứ trưởng", "name": "Cao Huy", "on_behalf": "KT. Bộ trưởng"}),
    # an article printed without its headline: the lead paragraph is no title
    ("206_news-bdn", "title", None),
    ("214_news-bdn", "title", None),
    # a title as written: an unclosed quotation mark is not closed
    ("100_tb-kl-pci", "title", "Kết luận của đồng chí Nguyễn Ngọc Phúc - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh về tiến độ thu hút các dự án đầu tư ngoài ngân sách, kết quả thực hiện kế hoạch xúc tiến đầu tư, Kế hoạch “Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2026"),
    # blind batch 2: two columns glued line by line ("V/v trả lời đề nghị của Hà Nội, ngày ..." /
    # "Sở Nội vụ tỉnh Lâm Đồng"); a trích yếu in capitals wrapped; a công điện without a header
    # names its sender ("THỦ TƯỚNG CHÍNH PHỦ điện:")
    ("113_cv-bnv", "title", "Về việc trả lời đề nghị của Sở Nội vụ tỉnh Lâm Đồng"),
    ("135_cv-cd-ttg", "title", "Về việc tập trung ứng phó và kịp thời khắc phục hậu quả mưa lũ tại khu vực Trung Bộ"),
    ("135_cv-cd-ttg", "issuer", "Thủ tướng Chính phủ"),
    # the place of a date line wrapped in a narrow column ("Thành phố Hồ Chí" / "Minh, ngày ...")
    ("140_kh-172", "place", "Thành phố Hồ Chí Minh"),
    # "Số: 87/2025/NĐ-CP Hà Nội ngày 11 tháng 4 năm 2025": the comma left out, by the number
    ("188_nd-87", "issue_date", "2025-04-11"),
    ("188_nd-87", "place", "Hà Nội"),
    # the name of the signer before the appendix printed on the same line
    ("188_nd-87", "signer", {"title": "Phó Thủ tướng", "name": "Trần Hồng Hà", "on_behalf": "TM. Chính phủ; KT. Thủ tướng"}),
    # the motto with a word broken by the PDF layer ("Độ c lập"): the child body is the issuer
    ("159_bc-congnhan", "issuer", "Sở Nội vụ tỉnh Lâm Đồng"),
    # two columns of the closing interleaved: the signer's name after the recipients
    ("113_cv-bnv", "signer", {"title": "Vụ trưởng", "name": "Thang Thị Hạnh", "on_behalf": "TL. Bộ trưởng"}),
    ("234_hd-bnv", "signer", {"title": "Vụ trưởng", "name": "Phạm Minh Hùng", "on_behalf": "TL. Bộ trưởng"}),
    ("118_cv-7432", "recipients", ["Như trên", "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh (phụ trách XD)", "Chánh VP, Phó CVP UBND tỉnh (Đ/c Minh)", "Lưu: VT, TH, XD (Đông)"]),
    # an article about a document (its headline cites the number, asks a question) is news, even
    # when it quotes a motto in running text
    ("216_news-tvpl", "kind", "news"),
    ("217_news-tvpl", "kind", "news"),
    ("220_news-tvpl", "kind", "news"),
    # blind batch 4: a PDF font's "ƣ" for "ư"; the motto printed "CỘNG HÕA" by a wrong glyph
    ("236_hd-1178", "title", "Về việc hướng dẫn về công tác quản lý, phát triển cụm công nghiệp theo địa giới hành chính mới"),
    ("121_tb-1894", "issuer", "Sở Công Thương tỉnh Lào Cai"),
    ("021_cv-19046", "doc_type", "Công văn"),
    ("021_cv-19046", "title", "Về việc hướng dẫn thực hiện các quy định của Luật hải quan 2014"),
    ("024_cv-3397", "place", "Hà Nội"),
    ("024_cv-3397", "signer", {"title": "Chánh Văn phòng", "name": "Nguyễn Đức Tâm", "on_behalf": "TL. Bộ trưởng"}),
    # ministry and department on one line: "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN"
    ("027_cv-778", "issuer", "Tổng cục Hải quan"),
    # PDF text layer: issuer, child body and number on separate lines
    ("014_qd-779", "number", "779/QĐ-UBND"),
    ("014_qd-779", "title", "Về việc công nhận Điều lệ (sửa đổi, bổ sung) Quỹ Khuyến học tỉnh Bình Thuận"),
    # Công báo: page header "CÔNG BÁO/Số 302/Ngày ..." before the issuer
    ("016_qd-892", "issuer", "Thủ tướng Chính phủ"),
    ("016_qd-892", "number", "892/QĐ-TTg"),
    # blank draft number, header in a table, signer under "CHỦ TỊCH / / / Hồ Văn Mười"
    ("017_qd-bcd", "number", "/QĐ-UBND"),
    ("017_qd-bcd", "signer", {"title": "Chủ tịch", "name": "Hồ Văn Mười", "on_behalf": None}),
    # two columns interleaved line by line; blank number and day
    ("019_qd-hopnhat", "issuer", "Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("019_qd-hopnhat", "issue_date", "2025-12"),
    # a steering committee under the provincial people's committee; "V/v" inside the table cell
    ("030_cv-ubnd", "number", "/BCĐ"),
    ("030_cv-ubnd", "issuer", "Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng"),
    ("030_cv-ubnd", "doc_type", "Công văn"),
    # "Thông báo kết luận" is a Thông báo
    ("033_tb-ketluan", "doc_type", "Thông báo"),
    ("033_tb-ketluan", "signer", {"title": "Phó Chánh Văn phòng", "name": "Nguyễn Ngọc Nam", "on_behalf": "TL. Chủ tịch; KT. Chánh Văn phòng"}),
    ("039_gm-hop", "doc_type", "Giấy mời"),
    ("041_bc-chiso", "issuer", "Sở Nội vụ tỉnh Lâm Đồng"),
    ("043_bc-mohinh", "title", "Tổng kết thực hiện Quyết định số 787/QĐ-UBND ngày 21/8/2025 của Chủ tịch Ủy ban nhân dân tỉnh về việc thí điểm các mô hình, sáng kiến cải cách hành chính nhằm nâng cao sự hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh Lâm Đồng"),
    ("048_tt-3367", "doc_type", "Tờ trình"),
    ("048_tt-3367", "issuer", "Sở Nội vụ tỉnh Bình Thuận"),
    # markdown: "# ỦY BAN THƯỜNG VỤ QUỐC HỘI", "**Số:** 1678/NQ-UBTVQH15", date from "thông qua ngày ..."
    ("050_md-nq-1678", "issuer", "Ủy ban Thường vụ Quốc hội"),
    ("050_md-nq-1678", "number", "1678/NQ-UBTVQH15"),
    ("050_md-nq-1678", "issue_date", "2025-06-16"),
    # "Nghị quyết số:\n132/2020/QH14"
    ("053_nq-132", "number", "132/2020/QH14"),
    ("053_nq-132", "issuer", "Quốc hội"),
    ("055_hd-36", "issuer", "Văn phòng Trung ương Đảng"),
    ("055_hd-36", "number", "36-HD/VPTW"),
    # trích yếu printed under the number, before the motto
    ("056_hd-545", "title", "Hướng dẫn một số nội dung liên quan đến hợp nhất Hội công chứng viên"),
    ("056_hd-545", "issuer", "Ban Thường vụ Hiệp hội Công chứng viên Việt Nam"),
    # news post: JSON front matter holds the headline and the date
    ("061_news-daknong", "kind", "news"),
    ("061_news-daknong", "issue_date", "2020-09-07"),
    ("061_news-daknong", "title", "Đắk Nông có 157 trường đạt chuẩn quốc gia"),
    # the issuer printed twice by the Công báo layout
    ("065_tt-01-2025", "issuer", "Bộ Lao động - Thương binh và Xã hội"),
    # word-segmented text with its header stripped: "Chỉ_thị về thực_hiện ..."
    ("003_ws-chithi", "doc_type", "Chỉ thị"),
    ("003_ws-chithi", "title", "Về thực hiện nhiệm vụ quốc phòng địa phương năm 2010"),
    ("058_thamluan", "kind", "document"),
    # a conference paper: the author body stands alone under the title
    ("058_thamluan", "issuer", "Ủy ban nhân dân tỉnh Điện Biên"),
    ("059_thamluan", "issuer", "Ủy ban nhân dân thành phố Hà Nội"),
    ("059_thamluan", "title", "Xây dựng mô hình thôn, tổ dân phố không ma túy tiến tới thực hiện mục tiêu xây dựng xã, phường không ma túy trong Chương trình mục tiêu Quốc gia phòng chống tội phạm ma túy đến năm 2030"),
    # the signer's name before the appendix the text runs on with ("Hoàng Chí Hiền Phụ lục: ...")
    ("201_qd-kiemtra-hoachat", "signer", {"title": "Giám đốc", "name": "Hoàng Chí Hiền", "on_behalf": None}),
    ("228_gm-sct-moihop", "signer", {"title": "Phó Giám đốc", "name": "Nguyễn Đình Chiến", "on_behalf": "KT. Giám đốc"}),
    ("119_cv-dondoc", "signer", {"title": "Phó Giám đốc", "name": "Hoàng Văn Thuân", "on_behalf": "KT. Giám đốc"}),
    # "KT. BỘ TRƯỞNG, CHỦ NHIỆM" / "PHÓ CHỦ NHIỆM": the second office stays with the behalf mark
    ("146_cv-11299", "signer", {"title": "Phó Chủ nhiệm", "name": "Phạm Mạnh Cường", "on_behalf": "KT. Bộ trưởng"}),
    ("131_tb-623", "signer", {"title": "Phó Chủ nhiệm", "name": "Trịnh Mạnh Linh", "on_behalf": "KT. Bộ trưởng"}),
    ("110_cv-cd-58", "signer", {"title": "Phó Chủ nhiệm", "name": "Phạm Mạnh Cường", "on_behalf": "KT. Bộ trưởng"}),
    # two columns flattened line by line: "Nơi nhận: K T. GIÁM ĐỐC" / "- Như trên; PHÓ GIÁM ĐỐC";
    # the name at a list line's end: "- Văn phòng Chủ tịch nước; Phạm Minh Chính"
    ("223_tt_trinh-kh-kiemtra", "signer", {"title": "Phó Giám đốc", "name": "Trần Hữu Tuấn", "on_behalf": "KT. Giám đốc"}),
    ("200_qd-2319", "signer", {"title": "Thủ tướng", "name": "Phạm Minh Chính", "on_behalf": None}),
    # a title naming a deputy prime minister is no authority line glued to it
    ("131_tb-623", "title", "Kết luận của Phó Thủ tướng Chính phủ Mai Văn Chính tại buổi làm việc với lãnh đạo tỉnh Đắk Lắk"),
    ("132_tb-636", "title", "Kết luận của Phó Thủ tướng Chính phủ Bùi Thanh Sơn tại buổi làm việc với lãnh đạo tỉnh Phú Thọ"),
    # a "V/v" trích yếu makes a letter whatever the number's code ("5680/CT-CS": CT is the Cục Thuế)
    ("243_cv-5680", "doc_type", "Công văn"),
    ("146_cv-11299", "doc_type", "Công văn"),
    # news: the publisher from the lead's tag ("(BĐ) - ...") or the paper named as interviewer
    ("206_news-bdn", "issuer", "Báo Bình Định"),
    ("207_news-bdn", "issuer", "Báo Bình Định"),
    ("211_news-bdn", "issuer", "Báo Bình Định"),
    ("212_news-bdn", "issuer", "Báo Bình Định"),
    ("208_news-bdn", "issuer", None),
    ("216_news-tvpl", "issuer", None),
    # blind batch 6: the Party's "Số 37-HD/BTGDVTW" (no colon), "K/T TRƯỞNG BAN", its central boards
    ("237_hd-37", "number", "37-HD/BTGDVTW"),
    ("244_other-kl-07", "number", "07-KL/VPTW"),
    ("237_hd-37", "issuer", "Ban Tuyên giáo và Dân vận Trung ương"),
    ("244_other-kl-07", "issuer", "Văn phòng Trung ương Đảng"),
    ("237_hd-37", "signer", {"title": "Phó Trưởng ban", "name": "Phạm Tất Thắng", "on_behalf": "KT. Trưởng ban"}),
    ("244_other-kl-07", "signer", {"title": "Phó Chánh Văn phòng", "name": "Lê Khánh Toàn", "on_behalf": "KT. Chánh Văn phòng"}),
    # "ĐỒNG CHÍ CHÁNH VĂN PHÒNG ..." in a title is a person, not the authority line
    ("244_other-kl-07", "title", "Của đồng chí Chánh Văn phòng Trung ương Đảng tại Hội nghị toàn quốc công tác văn phòng tỉnh ủy, thành ủy năm 2025"),
    # "TM. HỘI ĐỒNG THẨM PHÁN CHÁNH ÁN" on one line; the authority line under a title
    ("190_nq-01-2020", "signer", {"title": "Chánh án", "name": "Nguyễn Hòa Bình", "on_behalf": "TM. Hội đồng thẩm phán"}),
    ("190_nq-01-2020", "title", "Hướng dẫn áp dụng một số quy định của pháp luật trong giải quyết tranh chấp về tài sản chung của dòng họ"),
    # blind batch 7: a decision that ships the plan it adopts is signed after its first "./.", not
    # after the plan's; a rank before the signer's name is no part of it
    ("182_qd-844-ttg", "signer", {"title": "Phó Thủ tướng", "name": "Phạm Thị Thanh Trà", "on_behalf": "KT. Thủ tướng"}),
    ("051_nq-100-nq-cp", "signer", {"title": "Phó Thủ tướng", "name": "Bùi Thanh Sơn", "on_behalf": "TM. Chính phủ; KT. Thủ tướng"}),
    ("204_tt-13", "signer", {"title": "Thứ trưởng", "name": "Nguyễn Văn Hiền", "on_behalf": "KT. Bộ trưởng"}),
    # blind batch 8: a licence and an office's internal submission are types of their own; the
    # typist's initials the page wrapped ("- Lưu: VT, KHTC( ." / "Hằng)") do not end the list
    # a meeting record's day and place are told in its opening ("Hôm nay, ngày 26/5/2026 tại Sở Công
    # Thương tỉnh Lào Cai ...")
    ("231_bb-lamviec", "issue_date", "2026-05-26"),
    ("231_bb-lamviec", "place", "Lào Cai"),
    ("240_other-gp", "doc_type", "Giấy phép"),
    ("240_other-gp", "issuer", "Sở Công Thương tỉnh Lào Cai"),
    ("239_other-phieutrinh", "doc_type", "Phiếu trình"),
    ("239_other-phieutrinh", "issuer", "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng"),
    ("245_cv-6791", "signer", {"title": "Phó Giám đốc", "name": "Phạm Bình Minh", "on_behalf": "KT. Giám đốc"}),
    ("124_kh-2242", "signer", {"title": "Phó Giám đốc", "name": "Hoàng Văn Thuân", "on_behalf": "KT. Giám đốc"}),
    # "[daky]" between title and name; "09 KH" between the list and the signature
    ("181_qd-28-2021", "signer", {"title": "Phó Thủ tướng", "name": "Lê Minh Khái", "on_behalf": "KT. Thủ tướng"}),
    ("248_kh-160", "signer", {"title": "Phó Chủ tịch", "name": "Trần Chí Hùng", "on_behalf": "TM. Ủy ban nhân dân; KT. Chủ tịch"}),
    # "TM. ĐOÀN KIỂM TRA / TRƯỞNG ĐOÀN / name / PHÓ GIÁM ĐỐC SỞ ...": the office after the name is another
    ("162_bc-1883", "signer", {"title": "Trưởng đoàn", "name": "Hoàng Văn Thuân", "on_behalf": "TM. Đoàn kiểm tra"}),
    # a parent named without its place: the date line's province
    ("157_bc-hcc", "issuer", "Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng"),
    # a header stripped off: the issuer is the body speaking the command formula ("..., Ủy ban
    # nhân dân tỉnh chỉ thị:", "Bộ trưởng Bộ Công Thương yêu cầu", "UBND Thành phố xây dựng Kế
    # hoạch", "Văn phòng Chính phủ thông báo để"), its unit named as the text names it elsewhere
    ("147_ct-dongnai", "issuer", "Ủy ban nhân dân tỉnh Đồng Nai"),
    ("148_ct-bct", "issuer", "Bộ Công Thương"),
    ("149_kh-hotro", "issuer", "Ủy ban nhân dân thành phố Hà Nội"),
    ("133_tb-kl-ttg", "issuer", "Văn phòng Chính phủ"),
    # an inspection team is its department's ("SỞ CÔNG THƯƠNG LÀO CAI / ĐOÀN KIỂM TRA THEO QĐ SỐ
    # 2872/QĐ-SCT"); a quốc hiệu cut short by its column ("... CHỦ NGHĨA VIỆT") is no part of the issuer
    ("162_bc-1883", "issuer", "Đoàn kiểm tra Sở Công Thương tỉnh Lào Cai"),
    ("164_bc-kiemtra", "issuer", "Đoàn kiểm tra Sở Công Thương tỉnh Lào Cai"),
    ("226_tt_trinh", "issuer", "Sở Công Thương tỉnh Lào Cai"),
]


def _value(record, field):
    value = getattr(record, field)
    return value.model_dump() if hasattr(value, "model_dump") else value


@pytest.mark.parametrize(("document", "field", "expected"), CASES, ids=[f"{d}-{f}" for d, f, _ in CASES])
def test_document_field(extract_corpus, document, field, expected):
    from extractors.text import fold

    value = _value(extract_corpus(document), field)
    if isinstance(expected, str) and isinstance(value, str):
        assert fold(value) == fold(expected)
    else:
        assert value == expected


def test_a_recipient_carried_over_keeps_its_aside(extract_corpus):
    record = extract_corpus("112_cv-bnv")
    assert record.recipients[-2:] == ["Các đơn vị thuộc, trực thuộc Bộ Nội vụ (để cập nhật số liệu)", "Lưu: VT, CCHC"]


def test_recipients_in_order(extract_corpus):
    record = extract_corpus("021_cv-19046")
    assert record.recipients == [
        "Như trên",
        "Lãnh đạo Bộ (để b/c)",
        "Vụ Pháp chế - BTC",
        "Các đơn vị thuộc và trực thuộc TCHQ (để t/h)",
        "Lưu: VT, TCHQ (65)",
    ]


@pytest.mark.parametrize(
    ("document", "last_items"),
    [
        # a line without a bullet after an item ended by ";" goes on with it
        ("110_cv-cd-58", ["VPCP: BTCN, các PCN; Trợ lý, Thư ký TTg, các PTTg; các Vụ, Cục: KSTT, KTTH, PL, CN, NN, KGVX, TCCV, QTTV; Cổng TTĐT", "Lưu: VT, TH (2) Thạch"]),
        ("131_tb-623", ["VPCP: BTCN, các PCN, Cổng TTĐTCP, Thư ký của PTTgCP Mai Văn Chính; các Vụ: CN, KTTH, NN, TCCV, KGVX", "Lưu: VT, QHĐP (2b)Q.Cường"]),
        # an item in capitals is no title line; items go on after a name printed among them
        ("107_cv-giao-cat", ["LĐVP", "Lưu: VT, NC.Châu"]),
        ("203_qd-1074", ["Cổng TTĐT của Bộ Xây dựng (để đăng tải)", "Lưu: VT, Vụ KHCNMT&VLXD (Hiển)"]),
        ("200_qd-2319", ["VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT, các Vụ, Cục, đơn vị trực thuộc, Công báo", "Lưu: VT, KSTT (2)"]),
    ],
)
def test_recipients_of_two_column_and_wrapped_lists(extract_corpus, document, last_items):
    record = extract_corpus(document)
    assert record.recipients[-len(last_items) :] == last_items


def test_a_name_at_a_list_line_end_is_the_signer_not_an_item(extract_corpus):
    # "- Văn phòng Chủ tịch nước; Phạm Minh Chính": the signature column flattened into the list
    record = extract_corpus("200_qd-2319")
    assert "Văn phòng Chủ tịch nước" in record.recipients
    assert not any("Phạm Minh Chính" in item for item in record.recipients)


def test_recipients_from_a_table_cell(extract_corpus):
    # "Nơi nhận: / - Như Điều 8; / - Ban Chỉ đạo ...; ... | CHỦ TỊCH / / / Hồ Văn Mười"
    record = extract_corpus("017_qd-bcd")
    assert record.recipients[:2] == ["Như Điều 8", "Ban Chỉ đạo quốc gia về dữ liệu"]
    assert record.recipients[-1] == "Lưu: VT, NC"


@pytest.mark.parametrize("document", ["118_cv-7432", "129_kh-1026", "113_cv-bnv"])
def test_evidence_of_pieces_joined_across_lines_is_exact(extract_corpus, document):
    # a recipient carried over to the next line (118), a title wrapped onto its own line (129),
    # a title's body under it (113): the value joins the lines, the span covers them as printed
    record = extract_corpus(document)
    for field, spans in record.evidence.items():
        for span in spans:
            assert record.text[span.start : span.end] == span.text, field


def test_every_field_has_its_evidence(extract_corpus):
    record = extract_corpus("002_b2209b564e01dc84")
    for field in ("number", "issue_date", "place", "issuer", "title", "signer"):
        assert record.evidence[field], field
        for span in record.evidence[field]:
            assert record.text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("document", "body", "formula", "unit"),
    [
        ("147_ct-dongnai", "Ủy ban nhân dân tỉnh", " chỉ thị:", "tỉnh đồng nai"),
        ("148_ct-bct", "Bộ Công Thương", " yêu cầu", None),
        ("149_kh-hotro", "UBND Thành phố", " xây dựng Kế hoạch", "Thành phố Hà Nội"),
        ("133_tb-kl-ttg", "Văn phòng Chính phủ", " thông báo để", None),
    ],
)
def test_a_headerless_issuer_cites_the_body_that_speaks_and_the_unit_named(extract_corpus, document, body, formula, unit):
    # the evidence is the body as the formula names it, then where the text names its unit
    record = extract_corpus(document)
    spans = record.evidence["issuer"]
    assert [span.text for span in spans] == [body] + ([unit] if unit else [])
    for span in spans:
        assert record.text[span.start : span.end] == span.text
    assert record.text[spans[0].end :].startswith(formula)


def test_a_bare_head_speaking_the_formula_is_no_issuer(extract_corpus):
    # "..., Văn phòng xin thông báo để các đơn vị biết": which office is not said
    record = extract_corpus("038_ws-thongbao")
    assert "Văn phòng xin thông báo" in record.text
    assert record.issuer != "Văn phòng"
