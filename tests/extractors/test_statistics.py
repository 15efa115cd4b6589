"""Statistics: real figures and look-alikes from named corpus documents (``corpus/ANNOTATION.md``)."""

from __future__ import annotations

import pytest

# (document, written as, value, unit, total, kind) — kind None: not checked.
FIGURES = [
    # blind batch 1 (corpus/BLIND.md): an approximate figure followed by the verb of a result
    ("214_news-bdn", "hơn 565.339 ha đã được", 565339, "ha", None, "count"),
    # rainfall glued to its unit ("cá biệt tại Bình Điền (Huế) 1.085mm")
    ("135_cv-cd-ttg", "1.085mm", 1085, "mm", None, "count"),
    # the unit of a table from its caption ("Đơn vị: 1000đ/m2 sử dụng", "Đơn vị tính: 1.000 đồng/trẻ,...")
    ("185_nd-61", "4\tĐồng bằng Bắc Bộ\t900", 900, "1000đ/m2 sử dụng", None, "count"),
    ("185_nd-61", "7\tMiền núi\t1.100", 1100, "1000đ/m2 sử dụng", None, "count"),
    ("192_nq-36", "Đô thị\n190", 190, "1.000 đồng/trẻ,học sinh/tháng", None, "count"),
    # ... or from the row's own "Đơn vị tính" cell (the row lost its empty STT cell)
    ("007_qd-1056", "Đồng/nguời\t4.500.000", 4500000, "Đồng/nguời", None, "amount"),
    ("007_qd-1056", "Kg/nguời/tháng\t15", 15, "Kg/nguời/tháng", None, "amount"),
    # a flattened row label that names what is counted is the subject, not the unit
    ("141_kh-235", "Cửa sông lạch Càn\n1", 1, "", None, "count"),
    # ... one that names a measure is the unit ("Mức điều chỉnh")
    ("065_tt-01", "Mức điều chỉnh\n5,63", 5.63, "mức điều chỉnh", None, "count"),
    ("004_6094", "giám sát được 83 cuộc", 83, "cuộc", None, "count"),
    ("004_6094", "giám sát được 95 cuộc", 95, "cuộc", None, "count"),
    ("004_6094", "giảm 106 đơn vị sự nghiệp", 106, "đơn vị sự nghiệp", None, "change"),
    ("004_6094", "tỷ lệ giảm 12,1%", 12.1, "%", None, "change"),
    ("004_6094", "1.810 dịch vụ công", 1810, "dịch vụ công", None, "count"),
    ("004_6094", "391 dịch vụ công", 391, "dịch vụ công", None, "count"),
    ("004_6094", "420 dịch vụ công", 420, "dịch vụ công", None, "count"),
    ("004_6094", "999 dịch vụ công", 999, "dịch vụ công", None, "count"),
    ("004_6094", "xếp thứ 15/63 tỉnh", 15, "tỉnh", 63, "rank"),
    ("004_6094", "tăng 21 bậc", 21, "bậc", None, "change"),
    ("004_6094", "xếp thứ 5/14 tỉnh", 5, "tỉnh", 14, "rank"),
    ("004_6094", "đạt 43,85 điểm", 43.85, "điểm", None, "score"),
    ("004_6094", "xếp hạng 13/63 tỉnh", 13, "tỉnh", 63, "rank"),
    ("004_6094", "đạt 81,45%", 81.45, "%", None, "percent"),
    ("004_6094", "xếp hạng 54/63", 54, "tỉnh", 63, "rank"),
    ("004_6094", "đạt 75,44%", 75.44, "%", None, "percent"),
    ("004_6094", "xếp hạng 59/63", 59, "tỉnh", 63, "rank"),
    ("004_6094", "1.670 lượt công dân", 1670, "lượt", None, "count"),
    ("004_6094", "tiếp nhận 174 đơn", 174, "đơn", None, "count"),
    ("004_6094", "tăng 24,1% so với cùng kỳ", 24.1, "%", None, "change"),
    ("004_6094", "77 đơn khiếu nại", 77, "đơn", None, "count"),
    ("004_6094", "tăng 7,8%", 7.8, "%", None, "change"),
    ("004_6094", "giải quyết 62/77 đơn", 62, "đơn", 77, "ratio"),
    ("004_6094", "đạt tỷ lệ 80,5%", 80.5, "%", None, "percent"),
    ("004_6094", "141 công đoàn cơ sở", 141, "công đoàn cơ sở", None, "count"),
    ("004_6094", "là 104 đơn vị", 104, "đơn vị", None, "count"),
    ("004_6094", "95/104 đạt 91,3%", 95, "doanh nghiệp", 104, "ratio"),
    ("004_6094", "đạt 91,3%", 91.3, "%", None, "percent"),
    ("004_6094", "97/104 đạt 93,3%", 97, "doanh nghiệp", 104, "ratio"),
    ("004_6094", "đạt 93,3%", 93.3, "%", None, "percent"),
    ("004_6094", "132 cuộc đối thoại", 132, "cuộc", None, "count"),
    ("001_9adf", "191 điểm cầu", 191, "điểm cầu", None, "count"),
    ("043_bc-mohinh", "05 mô hình", 5, "mô hình", None, "count"),
    ("043_bc-mohinh", "124 xã, phường", 124, "xã", None, "count"),
    ("043_bc-mohinh", "2.594 hồ sơ TTHC", 2594, "hồ sơ", None, "count"),
    ("043_bc-mohinh", "862/1.266", 862, "hồ sơ", 1266, "ratio"),
    ("043_bc-mohinh", "(68,1%)", 68.1, "%", None, "percent"),
    ("043_bc-mohinh", "1.700/2.912/3.141", 1700, "hồ sơ", 2912, "ratio"),
    ("043_bc-mohinh", "1.700/2.912/3.141", 2912, "hồ sơ", 3141, "ratio"),
    ("043_bc-mohinh", "20.316 hồ sơ", 20316, "hồ sơ", None, "count"),
    ("043_bc-mohinh", "12/73/82", 12, "hồ sơ", 73, "ratio"),
    ("043_bc-mohinh", "Tỷ lệ hồ sơ nộp trực tuyến đạt 88%", 88, "%", None, "percent"),
    ("043_bc-mohinh", "có 09 sở, ban, ngành", 9, "sở", None, "count"),
    ("043_bc-mohinh", "33 cơ quan, đơn vị", 33, "cơ quan", None, "count"),
    ("048_tt-3367", "- 05 hội đã tổ chức đại hội", 5, "hội", None, "count"),
    ("048_tt-3367", "- 03 hội báo cáo", 3, "hội", None, "count"),
    ("048_tt-3367", "07/09 sở", 7, "sở", 9, "ratio"),
    ("050_md-nq-1678", "130 đơn vị", 130, "đơn vị", None, "count"),
    ("050_md-nq-1678", "119 xã", 119, "xã", None, "count"),
    ("061_news", "Đắk Nông có 157 trường", 157, "trường", None, "count"),
    ("061_news", "Cư Jút: 29 trường", 29, "trường", None, "count"),
    ("061_news", "Đắk Song 16 trường", 16, "trường", None, "count"),
    ("063_news", "44 điểm di sản", 44, "điểm di sản", None, "count"),
    ("063_news", "3 tuyến CVĐC", 3, "tuyến", None, "count"),
    ("030_cv-ubnd", "42 TTHC", 42, "TTHC", None, "count"),
    ("030_cv-ubnd", "982 TTHC", 982, "TTHC", None, "count"),
    ("033_tb-ketluan", "221 trường hợp", 221, "trường hợp", None, "count"),
    ("026_cv-627", "mức hưởng 95%", 95, "%", None, "percent"),
    ("026_cv-627", "tỷ lệ 60%", 60, "%", None, "percent"),
    ("008_qd-12", "bằng 130% lãi suất", 130, "%", None, "percent"),
    ("008_qd-12", "tối đa 100% chi phí", 100, "%", None, "percent"),
    ("041_bc-chiso", "99,9%", 99.9, "%", None, "percent"),
    ("041_bc-chiso", "9,49/\n9,5", 9.49, "điểm", 9.5, "score"),
    # open vocabulary: the noun after the number, its first one or two words (058 was annotated
    # after the unit table was written: none of these nouns is in it)
    ("058_thamluan", "bắt 2.471 đối tượng", 2471, "đối tượng", None, "count"),
    ("058_thamluan", "02 khẩu súng quân dụng", 2, "khẩu súng", None, "count"),
    ("058_thamluan", "1.556 viên đạn", 1556, "viên đạn", None, "count"),
    ("058_thamluan", "06 chốt tại tỉnh", 6, "chốt", None, "count"),
    ("058_thamluan", "ngoài 02 cửa khẩu", 2, "cửa khẩu", None, "count"),
    ("058_thamluan", "70 triệu viên", 70, "triệu viên", None, "count"),
    ("042_bc-dean06", "cấp 7.442 tài khoản", 7442, "tài khoản", None, "count"),
    ("040_bc-cchc", "ban hành 40 quyết định", 40, "quyết định", None, "count"),
    ("046_ws-baocao", "Bộ có 04 đề án", 4, "đề án", None, "count"),
    # measures, spaced or glued
    ("058_thamluan", "180 kg heroine", 180, "kg", None, "count"),
    ("058_thamluan", "2,6kg thuốc phiện", 2.6, "kg", None, "count"),
    ("058_thamluan", "10.080kg thuốc nổ", 10080, "kg", None, "count"),
    ("045_bc-tongket", "6,422kg cần sa", 6.422, "kg", None, "count"),
    # "trên"/"hơn"/"gần" after a verb of result: an approximate result, not a threshold
    ("058_thamluan", "thu giữ trên 2,5 tấn", 2.5, "tấn", None, "count"),
    ("059_thamluan", "bắt giữ trên 3.000 vụ", 3000, "vụ", None, "count"),
    ("040_bc-cchc", "với hơn 1.000 đại biểu", 1000, "đại biểu", None, "count"),
    # a number spelled out after its digits
    ("056_hd-545", "23 (hai mươi ba) Hội công chứng viên", 23, "Hội công", None, "count"),
    ("056_hd-545", "23 (hai mươi ba) địa phương", 23, "địa phương", None, "count"),
    # flattened PDF tables: the row label on its own line, the cells below it
    ("065_tt-01", "5,63", 5.63, "mức điều chỉnh", None, "count"),
    ("065_tt-01", "4,78 4,51", 4.51, "mức điều chỉnh", None, "count"),
    ("065_tt-01", "1,28 1,23", 1.23, "mức điều chỉnh", None, "count"),
    ("065_tt-01", "2,21\n2,07", 2.07, "mức điều chỉnh", None, "count"),
]

# (document, written as, the number in it) — a number that is not a statistic.
LOOKALIKES = [
    ("004_6094", "dưới 10 đoàn viên", "10"),
    ("004_6094", "mức độ 2;", "2"),
    ("004_6094", "Nghị quyết số 39-NQ/TW", "39"),
    ("001_9adf", "trên 10 lao động", "10"),
    ("001_9adf", "Ngày 6/7,", "6/7"),
    ("001_9adf", "686-QĐ/TU", "686"),
    ("026_cv-627", "tối đa không quá 15 (mười lăm) ngày", "15"),
    ("026_cv-627", "Mục 13 Phần I", "13"),
    ("026_cv-627", "Bảng 1 ban hành", "1"),
    ("033_tb-ketluan", "Phường 2 Bảo Lộc", "2"),
    ("033_tb-ketluan", "xây dựng số 1,", "1"),
    ("033_tb-ketluan", "tháng 4/2026", "4/2026"),
    ("033_tb-ketluan", "trước ngày 28/4/2026", "28/4/2026"),
    ("033_tb-ketluan", "định kỳ 02 tuần/lần", "02"),
    ("043_bc-mohinh", "1.013980)", "1.013"),
    ("043_bc-mohinh", "6 công dân gặp khó khăn", "6"),
    ("043_bc-mohinh", "3 thủ tục Đăng ký", "3"),
    ("043_bc-mohinh", "Qua hơn 01 tháng", "01"),
    ("048_tt-3367", "khoản 2 Điều 30", "2"),
    ("048_tt-3367", "trong 02 năm liên tục", "02"),
    ("048_tt-3367", "Nhiệm kỳ III (2018-2023)", "2018"),
    ("030_cv-ubnd", "chính quyền địa phương 02 cấp", "02"),
    ("030_cv-ubnd", "Đội 1 Phòng", "1"),
    ("050_md-nq-1678", "1\tThị trấn Kim Nhan", "1"),
    ("017_qd-bcd", "Ngân hàng Nhà nước khu vực 10", "10"),
    # open vocabulary keeps the look-alike filters: names, years, function words, codes
    ("042_bc-dean06", "Đề án 06 bám sát", "06"),
    ("040_bc-cchc", "Đề án 06 tỉnh Lâm Đồng", "06"),
    ("055_hd-36", "Trung ương 6 khóa XII", "6"),
    ("058_thamluan", "kế hoạch 1266 của", "1266"),
    ("058_thamluan", "(1) Đã chủ động", "1"),
    ("058_thamluan", "giai đoạn 2025 -2030", "2025"),
    ("026_cv-627", "100 tương ứng", "100"),
    ("043_bc-mohinh", "156 tổng số", "156"),
    ("033_tb-ketluan", "Km108+800", "800"),
    ("066_ocr", "images=1", "1"),
    ("021_cv-19046", "không quá 12 tháng", "12"),
    ("056_hd-545", "Khoản 2 Điều 18", "2"),
    # a year before "tỉnh An Giang" is no count of provinces
    ("216_news-tvpl", "Dương lịch 2026 tỉnh An Giang", "2026"),
    # the caption of a table gives its unit: its number is no figure
    ("192_nq-36", "Đơn vị tính: 1.000 đồng", "1.000"),
    # flattened tables: the header row of years and a page number are not cells
    ("065_tt-01", "1995 1996 1997", "1996"),
    ("065_tt-01", "\n8\n", "8"),
]


@pytest.mark.parametrize(("document", "written", "value", "unit", "total", "kind"), FIGURES)
def test_figure(extract_corpus, document, written, value, unit, total, kind):
    record = extract_corpus(document)
    where = record.text.find(written)
    assert where >= 0, f"{written!r} not in {document}"
    found = [
        s
        for s in record.statistics
        if abs(s.value - value) < 1e-6 and s.start < where + len(written) and s.end > where
    ]
    assert found, f"no statistic {value} in {written!r}"
    item = found[0]
    assert item.unit == unit
    assert item.total == total
    if kind:
        assert item.kind == kind
    assert record.text[item.start : item.end] == item.text


@pytest.mark.parametrize(("document", "written", "number"), LOOKALIKES)
def test_lookalike(extract_corpus, document, written, number):
    record = extract_corpus(document)
    where = record.text.find(written)
    assert where >= 0, f"{written!r} not in {document}"
    at = where + written.index(number)
    assert not [s for s in record.statistics if s.start <= at < s.end], f"{written!r} read as a statistic"


def test_counts():
    assert len(FIGURES) >= 50 and len(LOOKALIKES) >= 20


def test_period_and_basis(extract_corpus):
    record = extract_corpus("004_6094")
    change = next(s for s in record.statistics if s.value == 24.1)
    assert change.basis == "so với cùng kỳ"
    assert change.period == "6 tháng đầu năm 2023"
