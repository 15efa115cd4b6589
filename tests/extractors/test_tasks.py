"""Tasks: real assignment items of the corpus (document, action phrase → actor, deadline,
recurrence), and hand-written variants for each way an item gets its actor."""

from __future__ import annotations

import pytest

from extractors import tasks
from extractors.structure import parse
from extractors.tasks import actors, filters

# (document, the start of the item's action, expected actor prefix, deadline, recurrence)
CORPUS_ITEMS = [
    # "3. Giải quyết tốt tranh chấp lao động và đình công 3.1. Rà soát ...": the first sub-item
    # printed on its parent's heading line; one "Cơ quan thực hiện" after 3.1-3.4 serves them all
    (
        "012_qd-435-ubnd-kontum-2020",
        "Rà soát, kiện toàn, nâng cao hiệu quả hoạt động của các thiết chế",
        "Sở Lao động - Thương binh và Xã hội",
        None,
        None,
    ),
    # "Đối với các doanh nghiệp sử dụng trên 10 lao động, Ban chỉ đạo các cấp phải ...": scope,
    # then the subject; "Ban chỉ đạo" is a body, not the verb "chỉ đạo"
    (
        "001_9adf04b5d843a828",
        "phải có sự hướng dẫn, rà soát, sửa đổi, bổ sung quy chế dân chủ",
        "Ban chỉ đạo các cấp",
        None,
        None,
    ),
    ("001_9adf04b5d843a828", "tiếp tục đẩy mạnh công tác cải cách hành chính", "Ban chỉ đạo các cấp", None, None),
    # "5. Trong quá trình tổ chức thực hiện, nếu có vướng mắc ... đề nghị các đơn vị, địa phương có
    # báo cáo ...": the addressee named mid-sentence
    ("012_qd-435-ubnd-kontum-2020", "nếu có vướng mắc cần sửa đổi, bổ sung", "các đơn vị, địa phương", None, None),
    (
        "008_qd-12-2024-qd-ttg",
        "có trách nhiệm báo cáo kết quả đào tạo nghề, giải quyết việc",
        "Ủy ban nhân dân",
        "2024-12-15",
        "yearly",
    ),
    (
        "008_qd-12-2024-qd-ttg",
        "hướng dẫn về hồ sơ, trình tự, thủ tục vay vốn",
        "Ngân hàng Chính sách",
        None,
        None,
    ),
    (
        "008_qd-12-2024-qd-ttg",
        "chủ trì, phối hợp với các bộ, cơ quan liên quan tổng hợp và ",
        "Bộ Lao động -",
        None,
        None,
    ),
    (
        "008_qd-12-2024-qd-ttg",
        "tổ chức việc cho vay đối với người có đất thu hồi",
        "Ngân hàng Chính sách",
        None,
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "Gửi dự kiến chương trình xây dựng luật, pháp lệnh năm 2016",
        "Vụ Các vấn đề",
        "2015-Q1",
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "Phối hợp rà soát, hệ thống hóa văn bản quy phạm pháp luật li",
        "Vụ Pháp luật dân",
        "2015-Q2",
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "Chỉ đạo, hướng dẫn các địa phương về công tác phổ biến, giáo",
        "Vụ Phổ biến, giáo",
        "2015-Q1",
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "Biên soạn, phát hành các tài liệu pháp luật phục vụ công tác",
        "Vụ Phổ biến, giáo",
        "2015-Q3",
        None,
    ),
    (
        "012_qd-435-ubnd-kontum-2020",
        "căn cứ chức năng, nhiệm vụ được giao tại Chương trình này ch",
        "Các sở, ban, ngành",
        "2020-11-15",
        "yearly",
    ),
    (
        "012_qd-435-ubnd-kontum-2020",
        "Nâng cao vai trò, trách nhiệm của các cấp ủy, chính quyền",
        "Các sở, ban, ngành",
        "2020-Q2",
        None,
    ),
    (
        "012_qd-435-ubnd-kontum-2020",
        "Rà soát, kiến nghị cấp có thẩm quyền sửa đổi, bổ sung, hoàn ",
        "Sở Lao động -",
        "2020-Q2",
        "yearly",  # "Thực hiện định kỳ hằng năm; Riêng năm 2020 hoàn thành trong quý II/2020"
    ),
    (
        "012_qd-435-ubnd-kontum-2020",
        "Tiếp tục thực hiện hiệu quả Đề án “Tuyên truyền, phổ biến ph",
        "Sở Lao động -",
        None,
        None,
    ),
    (
        "017_qd-bcd-dulieu-lamdong-2025",
        "làm nhiệm vụ cơ quan thường trực của Ban Chỉ đạo",
        "Sở Khoa học và",
        None,
        None,
    ),
    (
        "017_qd-bcd-dulieu-lamdong-2025",
        "tham mưu quyết định thành lập Tổ giúp việc của Ban Chỉ đạo",
        "Sở Khoa học và",
        None,
        None,
    ),
    (
        "026_cv-627-byt-bh-2021",
        "thực hiện mã hóa, ghi chép đối với trường hợp tự đi KCB khôn",
        "Các cơ sở KCB",
        None,
        None,
    ),
    (
        "026_cv-627-byt-bh-2021",
        "Bộ Y tế sẽ phối hợp với các cơ quan, đơn vị có liên quan tổ ",
        "Bộ Y tế",
        None,
        None,
    ),
    (
        "026_cv-627-byt-bh-2021",
        "chỉ đạo, hướng dẫn BHXH các tỉnh, thành phố trực thuộc trung",
        "Bộ Y tế đề",
        None,
        None,
    ),
    (
        "030_cv-ubnd-lamdong-chinhquyen2cap-2025",
        "Sao lưu, duy trì các cơ sở dữ liệu trong hệ thống cũ",
        "Văn phòng UBND tỉnh",
        "2025-08",
        None,
    ),
    (
        "030_cv-ubnd-lamdong-chinhquyen2cap-2025",
        "Phối hợp Ban Cơ yếu Chính phủ triển khai đầy đủ, đồng bộ các",
        "Sở Khoa học và",
        "2025-08",
        None,
    ),
    (
        "030_cv-ubnd-lamdong-chinhquyen2cap-2025",
        "Phối hợp các doanh nghiệp viễn thông, giải quyết triệt để cá",
        "Sở Khoa học và",
        "2025-11",
        None,
    ),
    (
        "030_cv-ubnd-lamdong-chinhquyen2cap-2025",
        "Xây dựng và phê duyệt đề án tổ chức các phòng nghiệp vụ thuộ",
        "Sở Nội vụ",
        "2025-08",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "Xây dựng tiến độ, kế hoạch triển khai thi công cụ thể",
        "Nhà đầu tư của",
        "2026-04",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "Khẩn trương nộp hồ sơ chuyển mục đích sử dụng rừng",
        "Nhà đầu tư Dự",
        "2026-04-28",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "lập hồ sơ điều chỉnh chủ trương đầu tư song song với lập hồ ",
        "Nhà đầu tư 02",
        "2026-05-30",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "Hồ sơ điều chỉnh chủ trương đầu tư phải đảm bảo đầy đủ và ch",
        "các sở, ban, ngành,",
        "2026-04-30",
        None,
    ),
    (
        "039_gm-hop-cchc-2026-ubnd-lamdong",
        "chuẩn bị nội dung để báo cáo Tóm tắt kết quả thực hiện",
        "Sở Nội vụ",
        None,
        None,
    ),
    (
        "043_bc-mohinh-cchc-qd787-lamdong-2025",
        "Khẩn trương hoàn thành việc công bố danh mục thủ tục hành ch",
        "Văn phòng UBND tỉnh",
        "2025-11-30",
        None,
    ),
    (
        "043_bc-mohinh-cchc-qd787-lamdong-2025",
        "Chủ động áp dụng triển khai và nhân rộng các mô hình, giải p",
        "Thủ trưởng các sở,",
        None,
        "yearly",
    ),
    (
        "043_bc-mohinh-cchc-qd787-lamdong-2025",
        "Tập trung thực hiện Quyết định số 1441/QĐ-UBND ngày 25/9/202",
        "Thủ trưởng các sở,",
        None,
        None,
    ),
    (
        "043_bc-mohinh-cchc-qd787-lamdong-2025",
        "Hướng dẫn, kiểm tra, đôn đốc các cơ quan, địa phương thực hi",
        "Văn phòng UBND tỉnh",
        None,
        None,
    ),
    (
        "048_tt-3367-snv-binhthuan-2024",
        "đôn đốc, hướng dẫn, tổ chức làm việc với các hội được phân c",
        "các sở: Giao thông",
        None,
        None,
    ),
    (
        "048_tt-3367-snv-binhthuan-2024",
        "theo dõi việc thực hiện các nội dung trên và tổng hợp báo cá",
        "Sở Nội vụ",
        None,
        None,
    ),
    (
        "000_009e8832d9950d3a",
        "rà soát, bổ sung thực hiện quy chế dân chủ",
        "Thủ trưởng các cơ",
        None,
        None,
    ),
    (
        "000_009e8832d9950d3a",
        "tiếp tục triển khai thực hiện có hiệu quả quy chế dân chủ ở ",
        "UBND các phường, xã",
        None,
        None,
    ),
    (
        "000_009e8832d9950d3a",
        "tiếp tục quán triệt, triển khai thực hiện tốt Nghị định số 0",
        "Các cơ quan, đơn",
        None,
        None,
    ),
    ("001_9adf04b5d843a828", "phải thường xuyên nắm chắc tình hình", "Các đơn vị lực", None, None),
    (
        "002_b2209b564e01dc84",
        "báo cáo kết quả thực hiện",
        "các cơ quan, đơn",
        "2022-11-15",
        "yearly",
    ),
    (
        "002_b2209b564e01dc84",
        "Chương trình tổng thể cải cách hành chính nhà nước",
        "các Sở, ban, ngành",
        None,
        "yearly",
    ),
    (
        "002_b2209b564e01dc84",
        "Thực hiện công tác dân vận của cơ quan hành chính nhà nước, ",
        "các Sở, ban, ngành",
        None,
        None,
    ),
    (
        "002_b2209b564e01dc84",
        "Xác định rõ trách nhiệm của người đứng đầu",
        "các Sở, ban, ngành",
        None,
        None,
    ),
    (
        "003_40dd8128047d9a3b",
        "Phối hợp với Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Na",
        "Ủy ban nhân dân",
        None,
        "monthly",
    ),
    (
        "003_40dd8128047d9a3b",
        "Xây dựng kế hoạch chỉ đạo, kế hoạch kiểm tra công tác dân vậ",
        "Phòng Nội vụ",
        None,
        "yearly",
    ),
    (
        "003_40dd8128047d9a3b",
        "Xây dựng nội dung và tổ chức tập huấn về công tác dân vận",
        "Phòng Nội vụ",
        None,
        "yearly",
    ),
    (
        "003_40dd8128047d9a3b",
        "tiếp tục thực hiện các nội dung công khai theo quy định của ",
        "Ủy ban nhân dân",
        None,
        None,
    ),
    # rules of issue 4's second pass, each checked against the text of the document
    # 039 Giấy mời: after the invitees, "6. Phân công chuẩn bị: - Giao Sở Nội vụ chuẩn bị nội dung ..."
    (
        "039_gm-hop-cchc-2026-ubnd-lamdong",
        "chuẩn bị nội dung để báo cáo Tóm tắt",
        "Sở Nội vụ",
        None,
        None,
    ),
    # 017: "Điều 3. Nhiệm vụ và quyền hạn của Ban Chỉ đạo" hands its actor to its items
    (
        "017_qd-bcd-dulieu-lamdong-2025",
        "Chỉ đạo, vận hành Trung tâm dữ liệu cấp tỉnh",
        "Ban Chỉ đạo",
        None,
        None,
    ),
    (
        "017_qd-bcd-dulieu-lamdong-2025",
        "Chỉ đạo các sở, ban, ngành, UBND cấp xã",
        "Ban Chỉ đạo",
        None,
        None,
    ),
    # 017: "Điều 8. Chánh Văn phòng UBND tỉnh; ... chịu trách nhiệm thi hành": a sentence on the title line
    (
        "017_qd-bcd-dulieu-lamdong-2025",
        "chịu trách nhiệm thi hành Quyết định này",
        "Chánh Văn phòng UBND tỉnh",
        None,
        None,
    ),
    # 012: "Điều 2." alone on its line, the closing sentence below it
    (
        "012_qd-435-ubnd-kontum-2020",
        "chịu trách nhiệm thi hành Quyết định này",
        "Giám đốc Sở Lao động",
        None,
        None,
    ),
    # 050: "2. Thời điểm chính thức hoạt động: Các cơ quan theo thẩm quyền khẩn trương ..."
    (
        "050_md-nq-1678-ubtvqh15-nghean-2025",
        "khẩn trương thực hiện các công tác chuẩn bị cần thiết",
        "Các cơ quan theo thẩm quyền",
        None,
        None,
    ),
    # 050: "1. Trách nhiệm của Chính phủ và chính quyền địa phương:" then an item without a subject
    (
        "050_md-nq-1678-ubtvqh15-nghean-2025",
        "Sắp xếp, ổn định bộ máy các cơ quan, tổ chức",
        "Chính phủ",
        None,
        None,
    ),
    # 003: "Đối với cơ quan hành chính, đơn vị sự nghiệp công lập: tiếp tục nâng cao ..."
    (
        "003_40dd8128047d9a3b",
        "tiếp tục nâng cao chất lượng, hiệu quả thực hiện dân chủ",
        "cơ quan hành chính",
        None,
        None,
    ),
    # 033: "e) Sở Xây dựng: Tiếp tục duy trì ..." ("Xây dựng" with a capital is part of the name)
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "Tiếp tục duy trì chế độ họp giao ban định kỳ",
        "Sở Xây dựng",
        None,
        None,
    ),
]

# Lists that are not work: invitees of a meeting, members of a board, the legal bases of a decision,
# a list of communes; none of their items may be a task.
def test_actor_ends_before_the_verbs_it_is_asked_to_do(extract_corpus):
    # 027: "Tổng cục Hải quan yêu cầu Cục Hải quan các tỉnh, thành phố thông báo, hướng dẫn ..."
    actors = {a for t in extract_corpus("027_cv-778").tasks for a in t.actors}
    assert "Cục Hải quan các tỉnh, thành phố" in actors
    assert not [a for a in actors if a.endswith("thông báo")]


NOT_TASKS = [
    # a guidance on document layout: its items describe how to print, under a heading that names
    # no body ("1. Các thành phần thể thức bắt buộc"), and a list of abbreviations
    ("055_hd-36-hd-vptw-thethuc-dang", "Tên cơ quan ban hành văn bản dài có thể trình bày thành nhiều dòng"),
    ("055_hd-36-hd-vptw-thethuc-dang", "Ban chỉ đạo: BCĐ"),
    ("055_hd-36-hd-vptw-thethuc-dang", "Hội đồng: HĐ"),
    ("039_gm-hop-cchc-2026-ubnd-lamdong", "Đại diện Lãnh đạo các sở, ban, ngành thuộc tỉnh"),
    ("039_gm-hop-cchc-2026-ubnd-lamdong", "Địa điểm: Hội trường 100 chỗ"),
    ("017_qd-bcd-dulieu-lamdong-2025", "Giám đốc Sở Xây dựng"),
    ("017_qd-bcd-dulieu-lamdong-2025", "Giám đốc Công an tỉnh, Phó Trưởng Ban Chỉ đạo"),
    ("050_md-nq-1678-ubtvqh15-nghean-2025", "Căn cứ Luật Tổ chức chính quyền địa phương"),
    ("050_md-nq-1678-ubtvqh15-nghean-2025", "Xét đề nghị của Chính phủ"),
    ("050_md-nq-1678-ubtvqh15-nghean-2025", "Xã Mường Lống"),
    ("050_md-nq-1678-ubtvqh15-nghean-2025", "Nghị quyết này có hiệu lực thi hành"),
    ("026_cv-627-byt-bh-2021", "Quỹ BHYT thanh toán theo mức hưởng"),
    # a report's closing formula hands the matter up
    ("043_bc-mohinh-cchc-qd787-lamdong-2025", "Sở Nội vụ báo cáo Chủ tịch UBND tỉnh xem xét"),
    # footnotes printed between "2. Giao Văn phòng UBND tỉnh:" and its first item
    ("043_bc-mohinh-cchc-qd787-lamdong-2025", "Một số Chi nhánh Văn phòng đăng ký đất đai"),
    # a heading in capitals, a name in a list, a bracketed "giao nhiệm vụ"
    ("049_tt-snv-hopnhat-hoi-lamdong-2025", "HIỆN TRẠNG TỔ CHỨC CÁC HỘI"),
    ("049_tt-snv-hopnhat-hoi-lamdong-2025", "Hội Người mù tỉnh Lâm Đồng"),
    ("049_tt-snv-hopnhat-hoi-lamdong-2025", "Campuchia tỉnh Đắk Nông"),
    # "Các trường hợp ...", "Trường hợp ...", "Các giải pháp ..." open rules, not actors
    ("053_nq-132-2020-qh14", "Các trường hợp chấm dứt sử dụng đất"),
    ("053_nq-132-2020-qh14", "Các giải pháp tổ chức thực hiện"),
    ("053_nq-132-2020-qh14", "Trường hợp dự án, hợp đồng liên doanh, liên kết có đối tác"),
    # "1. Tăng cường ... tiến bộ 1.1." a long heading over its sub-items
    ("012_qd-435-ubnd-kontum-2020", "Tăng cường sự lãnh đạo của cấp ủy, tổ chức đảng"),
]


# Classes of error found on blind batch 1 (corpus/BLIND.md), each a rule with rows from several
# documents. (document, the start of the item's action, expected actor prefix, deadline, recurrence)
BLIND_1_ITEMS = [
    # a line that hands the bullets below to an addressee: "..., giao Trung tâm Xúc tiến ... tỉnh:"
    ("100_tb-kl-pci", "Nghiên cứu về nội dung, tên gọi Hội nghị", "Trung tâm Xúc đầu tư", "2026-05", None),
    ("100_tb-kl-pci", "Theo dõi, tổng hợp tình hình triển khai thực hiện", "Trung tâm Xúc tiến Đầu tư", None, None),
    ("105_cv-caithien", "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh tự đánh giá", "Sở Nội vụ", None, "monthly"),
    # "b) Giao Sở Tài chính" alone on its line (no colon): the addressee of the lines under it
    ("100_tb-kl-pci", "Chủ trì, phối hợp với Sở Xây dựng, Sở Nông nghiệp", "Sở Tài chính", None, None),
    # a collective actor whose members the colon lists: "Các Bộ: Quốc phòng, Công an chủ động ..."
    ("134_cv-cd-217", "chủ động chỉ đạo các đơn vị đóng trên địa bàn", "Các Bộ: Quốc phòng", None, None),
    ("134_cv-cd-217", "chủ động phối hợp với địa phương chỉ đạo", "Các Bộ: Giáo dục và Đào tạo", None, None),
    # a bullet whose first line the page wrapped is one item, not a heading over the next line;
    # and work that ends "... trình cấp có thẩm quyền xem xét, phê duyệt" is not a closing
    ("141_kh-235", "Lập dự toán kinh phí báo cáo", "Sở Nông nghiệp và Môi trường", None, None),
    ("117_cv-5973", "Hàng năm tổng hợp, đánh giá tình hình vi phạm", "Sở Nông nghiệp và Môi trường", None, "yearly"),
    # "1. Trách nhiệm chung của các cơ quan, đơn vị" names whose duties follow; "Lãnh đạo, chỉ đạo
    # ..." opens with the work (a head word that is a verb names nobody alone)
    ("117_cv-5973", "Lãnh đạo, chỉ đạo tập trung thực hiện nghiêm", "các cơ quan, đơn vị", None, None),
    ("117_cv-5973", "Thực hiện thanh tra, kiểm tra có trọng tâm", "các cơ quan, đơn vị", None, None),
    # the heading over the parts of a product is the work: "... xây dựng Đề án ... gồm những nội dung chính sau:"
    ("233_hd-670", "xây đựng Đề án tổ chức Đại hội", "Các Hội công chứng viên", None, None),
]

# Classes of error found on blind batch 2.
BLIND_2_ITEMS = [
    # a line ending with a colon that names only addressees, however long, over its items
    ("135_cv-cd-ttg", "Phải chủ động, kịp thời chỉ đạo triển khai", "Bộ trưởng các Bộ: Quốc phòng", None, None),
    ("123_kh-ct11", "Khẩn trương ổn định bộ máy, tiếp tục quán triệt", "Giám đốc các Sở", None, None),
    # "1." alone, then "Các cơ quan đăng ký đầu tư (Sở Tài chính, ...):" over a) b) c)
    ("126_ct-10", "Là đầu mối chủ trì, tiếp nhận hồ sơ", "Các cơ quan đăng ký đầu tư", None, None),
    # an item with its own subject that ends "..., trong đó:" hands that subject to its items
    ("135_cv-cd-ttg", "Tiếp tục rà soát, kịp thời phát hiện, cảnh báo", "Bí thư tỉnh ủy, thành ủy", None, None),
    # a bullet of the part of a plan that lists the work is work, whatever verb opens it
    ("137_kh-0130", "Thống kê số lượng gia súc", "", None, None),
    ("137_kh-0130", "Châm Clo các bể nước lớn", "", None, None),
    ("123_kh-ct11", "Lồng ghép tuyên truyền về bảo vệ tài nguyên", "", None, None),
    # "Giao Phó Thủ tướng ...": a Deputy Prime Minister is an actor
    ("216_news-tvpl", "Giám đốc (Thủ trưởng) các sở", "Chủ tịch Ủy ban nhân dân các xã", None, None),
]


# Classes of error found on blind batch 3.
BLIND_3_ITEMS = [
    # a bullet's fields on unmarked lines under it ("Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp.")
    ("142_kh-141", "Tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng", "Sở Tư pháp", None, "yearly"),
    ("142_kh-141", "Tăng cường ưu tiên ứng dụng công nghệ số", "Sở Khoa học và Công nghệ", None, None),
    # "1.1. ... a) Nhiệm vụ: ... b) Cơ quan thực hiện: - Đơn vị chủ trì: ... c) Thời gian thực hiện:"
    ("139_kh-308", "Tham mưu UBND", "Sở Khoa học và Công nghệ", "2025", None),
    ("139_kh-308", "Triển khai rà soát, hoàn thiện, chuẩn hóa", "Các Sở, ban, ngành", None, None),
    ("139_kh-308", "Triển khai các phương án bảo đảm an toàn thông tin", "Công an Thành phố", None, None),
    # "1. Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường" over a) b) c): the members named
    ("177_nq-15", "Chủ động hướng dẫn tổ chức triển khai thi hành", "Các Bộ: Y tế, Công Thương", None, None),
    # blind batch 4: "Đề nghị Thường trực Tỉnh ủy tập trung ...; trong đó lưu ý ... sau:" hands on its list
    ("130_tb-634", "Đổi mới tư duy, tầm nhìn phát triển", "Thường trực Tỉnh ủy", None, None),
    # an addressee in lower case after its verb: "... yêu cầu đơn vị nêu trên:"
    ("121_tb-1894", "Tiếp tục thực hiện giám sát việc lập hộ chiếu nổ mìn", "đơn vị nêu trên", None, None),
    # companies and forest owners are actors: "6. Công ty Điện lực Lào Cai", "Các chủ rừng là tổ chức"
    ("114_tb-kl", "Khảo sát, xây dựng phương án cấp điện", "Công ty Điện lực Lào Cai", None, None),
    ("128_ct-06", "Thực hiện đầy đủ quyền, nghĩa vụ và trách nhiệm chủ rừng", "Các chủ rừng", None, None),
]


# Not tasks, by the same classes: e-signature stamps, members of a board, the addressees of a
# công điện, the parts of a product listed under its heading. (document, phrase)
BLIND_1_NOT_TASKS = [
    ("173_nq-126", "VĂN PHÒNG CHÍNH PHỦ"),
    ("173_nq-126", "Ngày ký"),
    ("176_nq-26-2026", "Ngày ký"),
    ("197_qd-hoidong", "Ông Đinh Văn Tuấn"),
    ("197_qd-hoidong", "Ông Đỗ Văn Chung"),
    ("230_bb-nghiemthu", "Ông Phạm Xuân Phường"),
    ("134_cv-cd-217", "Hà Tĩnh, Quảng Trị, Huế"),
    ("134_cv-cd-217", "Nông nghiệp và Môi trường, Xây dựng, Công Thương"),
    ("233_hd-670", "Mục đích, yêu cầu tổ chức Đại hội"),
    ("064_nd-47", "Phạm vi, nội dung thực hiện các quyền"),
]


# Real assignment items checked by hand against the corpus text (issue 4): the actor, deadline and
# recurrence below were read in the document itself (the note says where), not copied from the
# extractor"s output or from gold. (document, action phrase, actor prefix, deadline, recurrence, note)
VERIFIED_ITEMS = [
    ("012_qd-435-ubnd-kontum-2020", "Tiếp tục thực hiện hiệu quả Đề án “Tuyên truyền", "Sở Lao động - Thương binh và xã hội", None, None),  # field: Thực hiện thường xuyên
    ("012_qd-435-ubnd-kontum-2020", "Xây dựng kế hoạch và triển khai có hiệu quả, thiết thực", "Ủy ban nhân dân các huyện, thành phố", None, "yearly"),  # field: thường xuyên hằng năm
    ("012_qd-435-ubnd-kontum-2020", "Rà soát, kiến nghị cấp có thẩm quyền sửa đổi", "Sở Lao động - Thương binh và xã hội", "2020-Q2", "yearly"),  # định kỳ hằng năm; riêng năm 2020 quý II/2020
    ("012_qd-435-ubnd-kontum-2020", "Tăng cường kiểm tra, thanh tra chấp hành pháp luật về lao động", "Sở Lao động - Thương binh và Xã hội", None, "yearly"),  # Thường xuyên hằng năm
    ("012_qd-435-ubnd-kontum-2020", "Đẩy mạnh công tác xã hội hóa nhằm hỗ trợ xây dựng nhà ở", "Ủy ban nhân dân các huyện, thành phố", None, "yearly"),  # Thường xuyên hằng năm
    ("012_qd-435-ubnd-kontum-2020", "Xây dựng cơ sở dữ liệu, bộ tiêu chí đánh giá quan hệ lao động", "Sở Lao động - Thương binh và Xã hội", None, None),  # Sau khi có hướng dẫn của Bộ
    ("012_qd-435-ubnd-kontum-2020", "Tiếp tục rà soát tham mưu củng cố, kiện toàn tổ chức bộ máy", "Sở Nội vụ", None, "yearly"),  # * Thời gian thực hiện: thường xuyên hằng năm
    ("012_qd-435-ubnd-kontum-2020", "Đẩy mạnh công tác tuyên truyền trên các phương tiện thông tin", "Sở Thông tin và Truyền thông", None, None),  # thường xuyên trong năm
    ("012_qd-435-ubnd-kontum-2020", "Hướng dẫn, tuyên tuyền, phổ biến Luật Doanh nghiệp", "Sở Kế hoạch và Đầu tư", None, "yearly"),  # thường xuyên hằng năm
    ("012_qd-435-ubnd-kontum-2020", "Bố trí quỹ đất, có chính sách ưu đãi", "Sở Xây dựng", None, "yearly"),  # thường xuyên hằng năm
    ("012_qd-435-ubnd-kontum-2020", "Rà soát, đề xuất công tác quy hoạch, đầu tư, xây dựng", "Sở Văn hóa - Thể thao và Du lịch", None, None),  # field line joined, no time
    ("012_qd-435-ubnd-kontum-2020", "Tập huấn bồi dưỡng, nâng cao năng lực", "Sở Lao động - Thương binh và Xã hội", None, "yearly"),  # 3.4: thường xuyên hằng năm
    ("012_qd-435-ubnd-kontum-2020", "căn cứ chức năng, nhiệm vụ được giao tại Chương trình này chủ động", "Các sở, ban, ngành", "2020-11-15", "yearly"),  # định kỳ hàng năm (trước ngày 15/11
    ("012_qd-435-ubnd-kontum-2020", "Làm đầu mối, theo dõi, đôn đốc và tổng hợp báo cáo", "Sở Lao động - Thương binh và Xã hội", "2020-11-30", "yearly"),  # Giao Sở ...: - ... trước ngày 30 tháng 11 hằng năm
    ("012_qd-435-ubnd-kontum-2020", "Chủ trì, phối hợp với Liên đoàn Lao động tỉnh và các đơn vị có liên quan tham mưu", "Sở Lao động - Thương binh và Xã hội", None, None),  # Giao Sở ...: second bullet
    ("012_qd-435-ubnd-kontum-2020", "phối hợp các đơn vị, địa phương tăng cường công tác tuyên truyền", "Ủy ban MTTQ Việt Nam", None, None),  # Đề nghị Ủy ban MTTQ ...:
    ("012_qd-435-ubnd-kontum-2020", "chịu trách nhiệm thi hành Quyết định này", "Giám đốc Sở Lao động - Thương binh và Xã hội", None, None),  # Điều 2
    ("043_bc-mohinh-cchc-qd787-lamdong-2025", "Khẩn trương hoàn thành việc công bố danh mục thủ tục hành chính", "Văn phòng UBND tỉnh", "2025-11-30", None),  # Giao Văn phòng UBND tỉnh: a) ... trước ngày 30/11/2025
    ("043_bc-mohinh-cchc-qd787-lamdong-2025", "Hướng dẫn, kiểm tra, đôn đốc các cơ quan, địa phương thực hiện", "Văn phòng UBND tỉnh", None, None),  # Giao Văn phòng UBND tỉnh: b)
    ("043_bc-mohinh-cchc-qd787-lamdong-2025", "Tập trung thực hiện Quyết định số 1441/QĐ-UBND", "Thủ trưởng các sở, ban, ngành", None, None),  # 1. Thủ trưởng các sở ...: b)
    ("033_tb-ketluan-caotoc-lamdong-2026", "Khẩn trương tập kết máy móc, trang thiết bị thi công", "Nhà đầu tư của 02 dự án", None, None),  # 1. Nhà đầu tư ...: a)
    ("033_tb-ketluan-caotoc-lamdong-2026", "Thực hiện rà soát việc điều tiết khối lượng đào đắp", "Nhà đầu tư của 02 dự án", None, None),  # 1. Nhà đầu tư ...: c)
    ("033_tb-ketluan-caotoc-lamdong-2026", "Khẩn trương nộp hồ sơ chuyển mục đích sử dụng rừng", "Nhà đầu tư Dự án cao tốc Tân Phú - Bảo Lộc", "2026-04-28", None),  # trước ngày 28/4/2026
    ("033_tb-ketluan-caotoc-lamdong-2026", "Tập trung hoàn thiện và chuyển ngay 114 hồ sơ", "Trung tâm Phát triển quỹ đất tỉnh", "2026-04", None),  # a) Trung tâm ... in line after heading; trong tháng 4/2026
    ("033_tb-ketluan-caotoc-lamdong-2026", "Tập trung phối hợp với UBND xã Đạ Huoai để xây dựng phương án", "Trung tâm Phát triển quỹ đất tỉnh", "2026-05-10", None),  # trước ngày 10/5/2026
    ("033_tb-ketluan-caotoc-lamdong-2026", "Rà soát toàn bộ hồ sơ có liên quan đến 36 hộ dân", "UBND xã Bảo Lâm 2", None, None),  # b) UBND xã Bảo Lâm 2:
    ("033_tb-ketluan-caotoc-lamdong-2026", "tập trung xét pháp lý, thẩm định và phê duyệt đối với 114 hồ sơ", "UBND Phường 2 Bảo Lộc", "2026-04", None),  # Hoàn thành ... trong tháng 4/2026
    ("033_tb-ketluan-caotoc-lamdong-2026", "tổ chức kiểm đếm bắt buộc, kiểm đếm vắng chủ", "UBND Phường 2 Bảo Lộc", "2026-04", None),  # hoàn thành trong tháng 4/2026
    ("033_tb-ketluan-caotoc-lamdong-2026", "Chịu trách nhiệm chính trong việc rà soát hồ sơ điều chỉnh", "Ban Quản lý dự án đầu tư xây dựng số 1", None, None),  # đ) Ban Quản lý ...:
    ("033_tb-ketluan-caotoc-lamdong-2026", "Tổ chức thẩm định, tham mưu UBND tỉnh thực hiện đầy đủ", "Sở Tài chính", None, None),  # Sở Tài chính: bullet
    ("033_tb-ketluan-caotoc-lamdong-2026", "Giao Ban Quản lý dự án đầu tư xây dựng số 1 chủ trì", "Ban Quản lý dự án đầu tư", None, None),  # 3. Đối với ...: Giao Ban ... (prefix of the full name)
]


# Blind batch 5, tuned on after its "before" score was recorded (corpus/BLIND.md).
BLIND_5_ITEMS = [
    # a conclusions notice: "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh Đắk Lắk và các
    # Bộ, cơ quan liên quan biết, thực hiện" gives the conclusions that name nobody their actor
    ("131_tb-623", "Rà soát các chỉ tiêu phát triển kinh tế - xã hội", "Ủy ban nhân dân tỉnh Đắk Lắk", None, None),
    ("131_tb-623", "Tập trung vận hành chính quyền địa phương 02 cấp", "Ủy ban nhân dân tỉnh Đắk Lắk", None, None),
    ("132_tb-636", "Rà soát, xây dựng kế hoạch đầu tư công trung hạn", "Ủy ban nhân dân tỉnh Phú Thọ", None, None),
    # the points of an item numbered in brackets: "Đề nghị Bộ Nông nghiệp và Môi trường: (1). ... (2). ..."
    ("161_bc-ct38", "Sớm hoàn thành việc rà soát và điều chỉnh Quy hoạch", "Bộ Nông nghiệp và Môi trường", None, None),
    ("161_bc-ct38", "Sớm điều chỉnh, hướng dẫn giải quyết các khó khăn", "Bộ Nông nghiệp và Môi trường", None, None),
    # the items under a heading that hands them out keep the heading's subject
    ("148_ct-bct", "Đẩy mạnh cải cách thủ tục hành chính trong lĩnh vực xuất khẩu", "Vụ Xuất nhập khẩu", None, None),
    ("148_ct-bct", "Tiếp tục áp dụng các biện pháp kiểm soát nhập khẩu", "Vụ Xuất nhập khẩu", None, None),
    # a collective label and its members name the actor: "Các Bộ: Công Thương, ..., Ngoại giao thành
    # lập ..."; "Đối với các Sở: Kế hoạch và Đầu tư, Xây dựng, Giao thông Vận tải, ...:" ("Giao
    # thông" is no "giao" that assigns)
    ("136_cv-cd-ttg", "thành lập các Tổ công tác thúc đẩy thị trường mới", "Các Bộ: Công Thương", None, None),
    ("147_ct-dongnai", "Khi lập quy hoạch xây dựng, quy hoạch phát triển khu đô thị", "các Sở: Kế hoạch và Đầu tư", None, None),
    # a paragraph after the "Kính gửi:" bullets hands the list to its addressees, not to the bullet
    ("120_cv-dondoc", "Rà soát toàn bộ hạng mục công việc, lập tiến độ", "các chủ đầu tư", None, None),
    ("120_cv-dondoc", "Bố trí đủ vốn theo đúng cam kết", "các chủ đầu tư", None, None),
    # "Kính đề nghị Ban Chấp hành ...": the courtesy before the request
    ("233_hd-670", "thực hiện đúng, đầy đủ các hướng dẫn nêu trên", "Ban Chấp hành Hội công chứng viên", None, None),
    # a verb after "được" describes the actor; the role verb further on ends it
    ("140_kh-172", "có trách nhiệm lập kế hoạch, dự toán", "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ", None, None),
    # "hỗ trợ" ends the actor: "Trung tâm Kiểm soát bệnh tật tỉnh hỗ trợ các địa phương ..."
    ("137_kh-0130", "hỗ trợ các địa phương xét nghiệm khi phát hiện ca bệnh", "Trung tâm Kiểm soát bệnh tật tỉnh", None, None),
]
BLIND_5_NOT_TASKS = [
    # a line that hands out the list below it is no task itself: "... chỉ đạo:", "... các công việc sau:"
    ("148_ct-bct", "Thứ trưởng Nguyễn Thành Biên phối hợp với các đồng chí Thứ trưởng khác có liên quan chỉ đạo"),
    ("148_ct-bct", "Thứ trưởng Nguyễn Cẩm Tú phối hợp với Thứ trưởng Nguyễn Thành Biên chỉ đạo"),
    ("148_ct-bct", "Sở Công Thương các địa phương, các đơn vị hữu quan của Bộ Tài chính, Bộ Kế hoạch và Đầu tư"),
    # a report's account of the work done: "2. Một số nội dung đã thực hiện trong năm 2025"
    ("161_bc-ct38", "Thanh tra tỉnh Lào Cai (sau hợp nhất): 01 cuộc thanh tra"),
    ("161_bc-ct38", "Đá làm VLXD thông thường 04 giấy phép"),
    # who attends at each place of a meeting: "III. Địa điểm: ...", "2. Địa điểm, thành phần:"
    ("110_cv-cd-58", "Lãnh đạo các Vụ, Cục, đơn vị trực thuộc có liên quan của các Bộ, ngành"),
    ("227_gm-hop-ccn", "Chủ tịch Ủy ban nhân dân các xã, phường: Yên Bình"),
    # a line asking the items below ("IV. Văn phòng Chính phủ trân trọng đề nghị:") is no task
    ("110_cv-cd-58", "Văn phòng Chính phủ trân trọng đề nghị"),
    # "III. Tổ chức thực hiện" / "Trên đây là hướng dẫn ...": the text's closing, no task
    ("233_hd-670", "Trên đây là hướng dẫn của Ban Thường vụ"),
    # blind batch 6: an inspection lists the papers it checked and its findings, not work
    ("162_bc-1883", "Giấy phép sử dụng vật liệu nổ công nghiệp số 507/GP-UBND"),
    ("162_bc-1883", "Báo cáo số 674/BC-HCMTBA"),
    ("162_bc-1883", "Sổ sách theo dõi quá trình xuất, nhập VLNCN: Đã lập"),
    # "a. Gói thầu số 13" is a lettered item under "1.1.", not a part of the text above "I."
    ("162_bc-1883", "Thông báo nổ mìn số 17/TB-NM"),
]


# blind batch 7: a plan's appendix printed one cell per line (Công báo PDF text): each numbered row
# is an item whose lead body is the first narrow cell after the task's name that is an actor alone
# (a cell wrapped word by word: "Bộ / Nội vụ, Bộ / Ngoại giao"); and a paragraph that hands the list
# below to the subject of a later clause ("Nhằm ..., bên cạnh các nhiệm vụ thường xuyên, các bộ, ...,
# Ủy ban nhân dân các tỉnh ... cần cụ thể hóa và tổ chức triển khai thực hiện các nhiệm vụ sau đây:")
BLIND_7_ITEMS = [
    ("182_qd-844-ttg", "10. Xây dựng Luật Bảo hiểm y tế sửa đổi", "Bộ Y tế", "2029-Q1", None),
    ("182_qd-844-ttg", "12.\nNghiên cứu cơ chế, bảo đảm điều kiện", "Cơ sở khám bệnh, chữa bệnh", None, None),
    ("182_qd-844-ttg", "17. Kiểm soát chi phí khám, chữa bệnh bảo hiểm y tế", "Bộ Tài chính", None, None),
    ("051_nq-100-nq-cp", "1.\nTổ chức tuyên truyền, phổ biến, quán triệt thường", "Bộ Ngoại giao", None, None),
    ("051_nq-100-nq-cp", "1.\nNghiên cứu, đề xuất xây dựng văn bản quy phạm", "Bộ Nội vụ", None, None),
    ("182_qd-844-ttg", "Xây dựng đề án về đổi mới, nâng cao hiệu quả công tác truyền thông", "các bộ, cơ quan ngang bộ", None, None),
    ("182_qd-844-ttg", "Tăng cường đôn đốc, kiểm tra, giám sát việc thực hiện các đề án", "Ủy ban nhân dân các tỉnh", None, None),
    # a subject the page wrapped before its verb, naming five heads in 225 characters (183), and the
    # heads of military bodies (204, 066)
    ("183_tt-28", "chịu trách nhiệm thi hành Thông tư", "Giám đốc Sở Khoa học và Công nghệ các tỉnh", None, None),
    ("204_tt-13", "chịu trách nhiệm thi hành Thông tư", "Tổng Tham mưu trưởng", None, None),
    ("066_", "Bộ trưởng, Chủ nhiệm Tổng cục Chính trị, Tổng", "Chủ nhiệm Tổng cục Chính trị", None, None),
    # in a chapter of duties, an article's title that names a body alone gives it to the clauses
    ("204_tt-13", "Tham mưu giúp Quân ủy Trung ương, Bộ Quốc phòng", "Binh chủng Hóa học", None, None),
    ("204_tt-13", "Trong thời gian 30 ngày kể từ ngày Thông tư này có hiệu lực", "Binh chủng Hóa học", "2026-03-14", None),
]
# blind batch 8: a report's appendix table, its rows split by group rows in capitals ("I. CỤM CÔNG
# NGHIỆP ĐÃ CÓ CHỦ ĐẦU TƯ HẠ TẦNG, ĐANG TRIỂN KHAI (07 cụm)"), its lead-body cell labelled ("Chủ trì:
# Công ty LCIDI (CĐT). Phối hợp: ..."); a heading whose name the page wrapped after its head word
# ("2.1. Sở\nTài chính")
BLIND_8_ITEMS = [
    ("168_bc-vpubnd", "Đề nghị Ban QLDA ĐTXD công trình giao thông tỉnh hoàn thành tuyến IC18", "Công ty LCIDI", "2027-06", None),
    ("168_bc-vpubnd", "CCN Minh Quân", "Công ty TNHH MTV hạ tầng công nghiệp Bảo Hưng", "2026-07", None),
    ("145_kh-182", "Lập, giao kế hoạch mục tiêu, nhiệm vụ", "Sở Tài chính", None, "yearly"),
    ("145_kh-182", "Chủ động phối hợp với Công an, lực lượng Hải quan", "Bộ Chỉ huy Quân sự tỉnh", None, None),
    # two bodies joined by "/" are two actors; "xây dựng" after "dự án đầu tư" is part of a name
    ("116_cv-giamsat", "Chủ trì, phối hợp với các cơ quan liên quan tổ chức các hoạt động", "Ban Chỉ huy Bộ đội Biên phòng tỉnh", None, None),
    ("033_tb-ketluan", "Đối với hạng mục đường dẫn vào các hạng mục công trình thi công", "Ban Quản lý dự án đầu tư xây dựng số 1", None, None),
    # a Word table's header and cells broken inside ("Trách nhiệm / thực hiện", "Lãnh đạo / Sở Y tế")
    ("104_kh-tuyentruyen", "thẩm quyền giải quyết của Sở Giáo dục và Đào tạo", "Lãnh đạo Sở Giáo dục và Đào tạo", None, None),
]
# the header each page of such a table repeats is no task
BLIND_7_NOT_TASKS = [
    ("182_qd-844-ttg", "Cơ quan chủ trì\nCơ quan phối hợp"),
    ("051_nq-100-nq-cp", "Cơ quan\nchủ trì"),
    # outside a chapter of duties an article named for an office describes it: a fund's charter
    ("014_", "Giám đốc Quỹ do Hội đồng quản lý Quỹ bổ nhiệm"),
    ("014_", "Chủ tịch Hội đồng quản lý Quỹ là người đại diện"),
]
# blind batch 8: a news item's numbered list that names nobody and asks nothing reports what was
# decided; what a thing or a role no actor names must be is a condition of a procedure
BLIND_8_NOT_TASKS = [
    ("215_news-bdn", "Thành lập Phường Quy Nhơn trên cơ sở"),
    ("220_news-tvpl", "Tổ chức thi tìm hiểu pháp luật"),
    ("235_hd-thutuc", "Phương tiện phải đủ điều kiện tham gia giao thông"),
    ("235_hd-thutuc", "Bao bì, thùng chứa phải bảo đảm không làm rò rỉ"),
    ("064_nd-47-2021", "Điều lệ công ty cổ phần phải quy định cụ thể"),
    # "Bộ tiêu chí" is a set of criteria, no ministry
    ("199_qd-bnv", "Cải cách thể chế: 12 tiêu chí và 13 tiêu chí thành phần"),
]


@pytest.mark.parametrize(("doc", "phrase"), NOT_TASKS + BLIND_1_NOT_TASKS + BLIND_5_NOT_TASKS + BLIND_7_NOT_TASKS + BLIND_8_NOT_TASKS)
def test_corpus_non_task(extract_corpus, doc, phrase):
    record = extract_corpus(doc)
    assert not [t.text for t in record.tasks if phrase in t.text]


@pytest.mark.parametrize(("doc", "action", "actor", "deadline", "recurrence"), CORPUS_ITEMS + BLIND_1_ITEMS + BLIND_2_ITEMS + BLIND_3_ITEMS + BLIND_5_ITEMS + BLIND_7_ITEMS + BLIND_8_ITEMS)
def test_corpus_item(extract_corpus, doc, action, actor, deadline, recurrence):
    record = extract_corpus(doc)
    hits = [t for t in record.tasks if action.casefold() in t.text.casefold()]
    assert hits, f"no task holds {action!r}"
    task = hits[0]
    assert task.text == record.text[task.start : task.end]
    if actor:
        assert any(a.startswith(actor) for a in task.actors), task.actors
    else:
        assert task.actors == []  # the item names nobody, and no heading or preamble does
    assert task.deadline == deadline
    assert task.recurrence == recurrence


def _tasks(body: str, date: str = "ngày 10 tháng 3 năm 2024") -> list:
    # already normalised text: one line per paragraph, cells joined by tabs
    text = f"ỦY BAN NHÂN DÂN\nSố: 12/KH-UBND\nGia Lai, {date}\nKẾ HOẠCH\nVề việc thử\n{body}"
    return tasks.extract(parse(text))


def test_preamble_actor_inherited_by_items():
    found = _tasks(
        "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các Sở, ban, ngành tỉnh, Ủy ban nhân dân các huyện "
        "tập trung thực hiện tốt các nội dung:\n1. Tổ chức tuyên truyền sâu rộng các văn bản mới.\n"
        "2. Rà soát, sửa đổi quy chế dân chủ của cơ quan, đơn vị.\n"
    )
    assert [t.section for t in found] == ["1", "2"]
    assert all("các Sở, ban, ngành tỉnh" in t.actors for t in found)


def test_heading_actor_for_bullets():
    found = _tasks(
        "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ\n- Xây dựng kế hoạch kiểm tra hằng năm.\n- Hướng dẫn, đôn đốc các đơn vị thực hiện.\n"
    )
    assert [t.actors for t in found] == [["Phòng Nội vụ"], ["Phòng Nội vụ"]]
    assert found[0].recurrence == "yearly"


def test_explicit_subject_and_deadline():
    found = _tasks(
        "1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát kinh phí, hoàn thành trước ngày 15/5.\n"
    )
    assert found[0].actors == ["Sở Tài chính"]
    assert found[0].deadline == "2024-05-15"
    assert "Sở Nội vụ" in found[0].coordinators[0]


def test_field_bullets_give_lead_and_time():
    found = _tasks(
        "II. NỘI DUNG\n1. Công tác pháp luật\na) Phối hợp rà soát các văn bản quy phạm pháp luật.\n"
        "- Đơn vị chủ trì: Vụ Pháp luật quốc tế.\n- Đơn vị phối hợp: Văn phòng Bộ.\n- Thời gian thực hiện: Quý II, III/2024.\n"
    )
    task = next(t for t in found if "Phối hợp rà soát" in t.text)
    assert task.actors == ["Vụ Pháp luật quốc tế"]
    assert task.coordinators == ["Văn phòng Bộ"]
    assert task.deadline == "2024-Q3"


def test_field_bullet_written_as_a_table_row():
    # a field line whose value was a row of a Word table (cells joined by tabs) is left to the
    # table reader; it raised IndexError before (found by generated documents)
    found = _tasks(
        "II. NỘI DUNG\n1. Sở Y tế chủ trì tổ chức kiểm tra.\n"
        "- Đơn vị phối hợp: Sở Tài chính\tThanh tra\tCông an\nSở Nội vụ phải thực hiện rà soát.\n"
    )
    assert [(t.actors, t.coordinators) for t in found] == [(["Sở Y tế"], []), (["Sở Nội vụ"], [])]


def test_goals_are_not_tasks():
    found = _tasks(
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức của cán bộ, công chức về dân chủ.\nII. NỘI DUNG\n1. Sở Nội vụ tổ chức tập huấn nghiệp vụ.\n"
    )
    assert [t.section for t in found] == ["II.1"]


def test_closing_sentence_is_its_own_task():
    found = _tasks(
        "1. Thực hiện nghiêm Đề án văn hóa công vụ.\n"
        "Thủ trưởng các Sở, ban, ngành, Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thực hiện Kế hoạch này./.\n"
    )
    closing = found[-1]
    assert closing.text.startswith("Thủ trưởng")
    assert closing.actors[:2] == [
        "Thủ trưởng các Sở, ban, ngành",
        "Chủ tịch Ủy ban nhân dân các huyện",
    ]


def test_report_of_past_work_is_not_a_task():
    assert _tasks("Trong năm 2023, Sở Nội vụ đã tổ chức 12 lớp tập huấn cho cán bộ.\n") == []


def test_table_rows():
    found = _tasks(
        "I. NHIỆM VỤ CỤ THỂ\nTT\tNhiệm vụ\tSản phẩm\tThời gian hoàn thành\tChủ trì\tPhối hợp\n"
        "1\tXây dựng kế hoạch cải cách hành chính\tKế hoạch\tTháng 6/2024\tSở Nội vụ\tCác sở, ngành\n"
        "2\tCông bố danh mục thủ tục hành chính\tQuyết định\tTrước ngày 30/9/2024\tVăn phòng UBND tỉnh\tSở Tư pháp\n"
    )
    assert [(t.actors, t.deadline) for t in found] == [
        (["Sở Nội vụ"], "2024-06"),
        (["Văn phòng UBND tỉnh"], "2024-09-30"),
    ]
    assert found[1].coordinators == ["Sở Tư pháp"]


# Issue 19: whole actor lists, the page's line breaks aside. (document, the start of the task's
# action, its actors exactly)
ACTOR_LISTS = [
    # an article whose first line the page wrapped inside its subject is a sentence, not a title
    # naming a body: "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc\nChính phủ
    # và Chủ tịch ... chịu trách nhiệm thi hành"
    (
        "199_qd-bnv",
        "chịu trách nhiệm thi hành Quyết định này",
        ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương"],
    ),
    # two kinds of body named in the plural are one group: "- Các bộ, các tỉnh: Phân công ..."
    ("199_qd-bnv", "Phân công nhiệm vụ cho công chức", ["Các bộ, các tỉnh"]),
    # a report's proposals handed to "đồng chí Chủ tịch UBND tỉnh ... chỉ đạo một số nội dung sau:";
    # an item that opens "Chỉ đạo <body>" is the work of both
    ("168_bc-vpubnd", "Ưu tiên bố trí ngân sách hằng năm", ["Chủ tịch Ủy ban nhân dân tỉnh"]),
    ("168_bc-vpubnd", "Chỉ đạo Sở Nông nghiệp và Môi trường khẩn trương", ["Chủ tịch Ủy ban nhân dân tỉnh", "Sở Nông nghiệp và Môi trường"]),
    # a kind of body with its members in brackets names the kind and each member
    (
        "126_ct-10",
        "tiếp nhận hồ sơ, kiểm tra tính đầy đủ",
        ["Các cơ quan đăng ký đầu tư", "Sở Tài chính", "Ban quản lý Khu Kinh tế Phú Yên",
         "Ban quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên", "Ban Quản lý các Khu công nghiệp tỉnh"],
    ),
    # a field value the page wrapped: "- Cơ quan chủ trì: Sở Nội vụ, Sở\nGiáo dục và Đào tạo, ..."
    (
        "140_kh-172",
        "Tổ chức tập huấn, bồi dưỡng, hướng dẫn chuyên môn",
        ["Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Tài chính"],
    ),
    # a field value of clauses, each naming who does it: "Sở Nội vụ\nchủ trì tham mưu ...; Sở Tư
    # pháp và các\nsở, ban, ngành Thành phố, ... chủ động tổ chức triển\nkhai ..."
    (
        "140_kh-172",
        "Tổ chức phổ biến, giáo dục Luật Việc làm",
        ["Sở Nội vụ", "Sở Tư pháp", "các sở, ban, ngành Thành phố", "Đài Phát thanh và Truyền hình Thành phố, cơ quan thông tấn báo chí", "Ủy ban nhân dân xã, phường, đặc khu"],
    ),
    # the scope after the name is no part of it: "... Thành phố trong phạm vi chức năng, nhiệm vụ của mình"
    (
        "140_kh-172",
        "Tổ chức kiểm tra việc thi hành Luật Việc làm",
        ["Sở Nội vụ", "các sở, ban, ngành Thành phố", "các cơ quan, tổ chức khác có liên quan"],
    ),
    # "được phân công\nchủ trì" describes the actor; its role verb comes further on
    (
        "140_kh-172",
        "có trách nhiệm lập kế hoạch, dự toán",
        ["Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này"],
    ),
    # a sentence whose subject the heading line cuts: "8. Đài ..., Đài Tiếng nói Việt\nNam, ..."
    (
        "134_cv-cd-217",
        "kịp thời thông tin về tình hình mưa lũ",
        ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"],
    ),
    # a heading wrapped onto a line in lower case: "5. ... cấp tỉnh và UBND\ncác xã, phường"
    (
        "129_kh-1026",
        "Tiếp tục phổ biến, quán triệt, triển khai có hiệu quả",
        ["Các sở, ban, ngành, đoàn thể cấp tỉnh", "UBND các xã, phường"],
    ),
    # a long list of bodies over three lines; "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh" is one
    (
        "129_kh-1026",
        "tăng cường công tác bảo vệ bí mật nhà nước theo quy định",
        [
            "Văn phòng Tỉnh ủy", "các Ban Xây dựng Đảng", "Ủy ban Kiểm tra Tỉnh ủy",
            "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "Viện kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh", "Thuế tỉnh",
            "Kiểm toán nhà nước khu vực II", "Kho bạc nhà nước khu vực XI",
            "Ngân hàng nhà nước khu vực 8", "Chi cục Hải quan khu vực XI",
        ],
    ),
    # a heading that cuts its subject before a verb in lower case: "2. Các tỉnh ủy, ... trực thuộc\n
    # Trung ương cụ thể hóa hướng dẫn này ..."
    ("237_hd-37", "Bố trí kinh phí, trang bị phương tiện", ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"]),
    # the members a collective label lists are one actor, "Công an" a member, not a body's head
    ("134_cv-cd-217", "chủ động chỉ đạo các đơn vị đóng trên địa bàn", ["Các Bộ: Quốc phòng, Công an"]),
    (
        "135_cv-cd-ttg",
        "Cập nhật tình hình, gửi Văn phòng Chính phủ",
        [
            "Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp và Môi trường, Xây dựng, Công Thương, Y tế, Giáo dục và Đào tạo",
            "các Bộ, ngành có liên quan", "Bí thư tỉnh ủy, thành ủy", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố nêu trên",
        ],
    ),
    # a member that is also a verb ("Xây dựng") still a member; the scope after the list cut off
    (
        "135_cv-cd-ttg",
        "chủ động chỉ đạo các cơ quan, đơn vị có liên quan phối hợp",
        ["Bộ trưởng các Bộ: Xây dựng, Công Thương, Khoa học và Công nghệ", "các bộ, ngành có liên quan"],
    ),
    ("115_cv-didoi", "tăng cường hướng dẫn, kiểm tra, giám sát", ["các sở, ngành liên quan", "UBND các phường: Yên Bái, Văn Phú"]),
    # work after the colon is no member list: "3. UBND các xã, phường: Phối hợp\nvới Sở ..."
    ("141_kh-235", "Phối hợp với Sở Nông nghiệp và Môi trường, đơn vị được lựa chọn", ["UBND các xã, phường"]),
    # a body that directs another to do the items below shares them with it
    (
        "141_kh-235",
        "Tổ chức lựa chọn đơn vị thực hiện hoạt động quan trắc",
        ["Sở Nông nghiệp và Môi trường", "Chi cục Biển đảo và Thủy sản"],
    ),
    # "... trên địa bàn tỉnh và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành"; "Sở Nội vụ
    # là cơ quan thường trực của Hội đồng có trách nhiệm ...": what the actor is, no part of its name
    (
        "197_qd-hoidong",
        "chịu trách nhiệm thi hành Quyết định này",
        [
            "Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Nội vụ", "Thủ trưởng các sở, ban, ngành, đơn vị có liên quan",
            "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu trên địa bàn tỉnh", "các ông, bà có tên tại Điều 1",
        ],
    ),
    ("197_qd-hoidong", "có trách nhiệm làm đầu mối cho Hội đồng", ["Sở Nội vụ"]),
]


@pytest.mark.parametrize(("doc", "action", "expected"), ACTOR_LISTS)
def test_actor_list(extract_corpus, doc, action, expected):
    record = extract_corpus(doc)
    hits = [t for t in record.tasks if " ".join(action.split()) in " ".join(t.text.split())]
    assert hits, f"no task holds {action!r}"
    assert hits[0].actors == expected


def test_a_company_named_on_its_own_line_is_not_the_start_of_a_sentence(extract_corpus):
    # "6. Công ty Điện lực Lào Cai\nKhảo sát, xây dựng phương án cấp điện; ...": a heading, then work
    record = extract_corpus("114_tb-kl-cumcongnghiep")
    assert [t.actors for t in record.tasks if "Khảo sát, xây dựng phương án cấp điện" in t.text] == [["Công ty Điện lực Lào Cai"]]


def test_spans_are_exact(extract_corpus):
    record = extract_corpus("002_")
    assert record.tasks
    for task in record.tasks:
        assert task.text == record.text[task.start : task.end]


@pytest.mark.parametrize(("doc", "action", "actor", "deadline", "recurrence"), VERIFIED_ITEMS)
def test_verified_item(extract_corpus, doc, action, actor, deadline, recurrence):
    record = extract_corpus(doc)
    hits = [t for t in record.tasks if action.casefold() in t.text.casefold()]
    assert hits, f"no task holds {action!r}"
    task = hits[0]
    assert any(a.startswith(actor) for a in task.actors), task.actors
    assert (task.deadline, task.recurrence) == (deadline, recurrence)


def test_verified_items_are_many():
    assert len(VERIFIED_ITEMS) >= 30


def test_member_list_patterns_hold_their_guard_words():
    # filters.is_member_list runs MEMBER_LIST only on headings that open with one of
    # MEMBER_OPENINGS or hold MEMBER_WORD
    from extractors.data import patterns

    for pattern in patterns("member_lists.txt"):
        body = pattern.removeprefix("^").removeprefix(r"(?:các\s+)?").replace(r"\s+", " ")
        opening = pattern.startswith("^") and body[:5].startswith(filters.MEMBER_OPENINGS)
        assert opening or filters.MEMBER_WORD in pattern, pattern


def test_actor_heads_open_actor_phrases():
    for text in ("Sở Tư pháp", "các cơ quan", "Các Sở", "UBND tỉnh", "Bộ trưởng", "Cấp ủy", "cấp ủy"):
        assert actors.ACTOR_HEAD.match(text), text
        assert actors.opens_actor(text), text
    for text in ("Ban hành", "Tổ chức", "Các trường hợp", "Xã Mường Lống", "sở"):
        assert not actors.opens_actor(text), text


@pytest.mark.parametrize(
    ("text", "start", "span"),
    [
        ("Sở Tư pháp chủ trì, phối hợp", 0, (10, 11)),
        ("Sở Tư pháp ,  chủ trì", 0, (10, 14)),
        ("Ban Chỉ đạo chỉ đạo", 0, (11, 12)),
        ("Trường Cao đẳng công lập tổ chức", 0, (24, 25)),
        ("Sở Tư pháp chủ trì", 12, None),
        ("Sở Tư pháp Chủ trì", 0, None),
    ],
)
def test_verb_end(text, start, span):
    # verb_end is the span of ``[\s,]+(?=VERB)`` searched from start
    assert actors.verb_end(text, start, start + 240) == span


def test_role_end_reads_words_in_any_case():
    assert actors.role_end("Các Sở CHỊU TRÁCH NHIỆM thi hành", 0, 480) == (6, 7)
    assert actors.role_end("Các Sở  chịu trách nhiệm", 0, 480) == (6, 8)
    assert actors.role_end("Straße Sở, chịu trách nhiệm", 0, 480) == (9, 11)  # ß folds to two letters


def _first_letters(group: str) -> set[str]:
    """The first letters of the alternatives of a regex group body ("(?:Hằng|Cuối)\\s+năm|Sau" →
    {"H", "C", "S"}), going into a group that opens an alternative."""
    alternatives, depth, current, escaped = [], 0, "", False
    for char in group:
        if not escaped and char == "|" and depth == 0:
            alternatives.append(current)
            current = ""
            continue
        current += char
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                break
    alternatives.append(current)
    letters: set[str] = set()
    for alternative in alternatives:
        if alternative.startswith("(?:"):
            letters |= _first_letters(alternative[3:])
        else:
            letters.add(alternative[:1])
    return letters


def test_leading_adverbials_open_with_their_first_letters():
    # actors.leading_adverbial tries LEADING_ADVERBIAL only on text opening with ADVERBIAL_FIRST
    pattern = actors.LEADING_ADVERBIAL.pattern
    assert pattern.startswith("^(?:")
    assert _first_letters(pattern[4:]) <= set(actors.ADVERBIAL_FIRST)
    for text in ("Hằng năm, Sở ...", "Cuối quý, ...", "Đối với các xã, UBND ...", "Ngoài ra, ..."):
        assert actors.leading_adverbial(text), text


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # "a." in lower case is a lettered item under the numbered one; "A." a part of the text
        ("I. KẾT QUẢ\n1.1. Hồ sơ:\na. Gói thầu số 13\n- Giấy phép\nb. Gói thầu số 14\n", ["I", "I.1.1", "I.1.1.a", "I.1.1.a.-1", "I.1.1.b"]),
        ("Căn cứ Luật Tổ chức chính quyền địa phương.\nA. PHẦN MỘT\nI. Mục\nB. PHẦN HAI\n", ["A", "A.I", "B"]),
    ],
)
def test_letter_markers_with_a_dot(text, labels):
    parsed = parse("ỦY BAN NHÂN DÂN\nSố: 12/BC-UBND\nGia Lai, ngày 10 tháng 3 năm 2024\nBÁO CÁO\nVề việc thử\n" + text)
    assert [s.label for s in parsed.sections] == labels
