"""Deadlines: real deadline phrases of the corpus (document, phrase, document date → date,
recurrence), hand-written variants, and what must not be read as a deadline."""

from __future__ import annotations

import pytest

from extractors import deadlines
from extractors.structure import Header, Parsed


def _find(
    phrase: str, year: int | None, month: int | None, day: int | None
) -> list[deadlines.Found]:
    parsed = Parsed(
        text=phrase,
        kind="document",
        header=Header(year=year, month=month, day=day),
        body_start=0,
        body_end=len(phrase),
        closing=None,
        sections=[],
    )
    return deadlines.find(parsed, 0, len(phrase), scope_start=0)


# (document, phrase as written there, document date (y, m, d), expected date, recurrence)
CORPUS_PHRASES = [
    # blind batch 3: a day of every month; an hour written before the date
    ("139_kh-308", "trước ngày 20 hằng tháng lên phần mềm", (2025, 11, 17), "2025-11-20", "monthly"),
    ("139_kh-308", "Sở Khoa học và Công nghệ trước ngày 15 hằng tháng.", (2025, 11, 17), "2025-12-15", "monthly"),
    ("218_news-tvpl", "nối thông đường truyền trước 15 giờ ngày 15 tháng 8 năm 2025;", (2025, 8, 1), "2025-08-15", None),
    ("110_cv-cd-58", "chinhphu.vn trước 14 giờ, ngày 11 tháng 01 năm 2026 để tổng hợp", (2026, 1, 10), "2026-01-11", None),
    (
        "000_009e8832d9950d3a",
        "gửi về Tổ công tác số 2 (Phòng Nội vụ) trước ngày 15/10/2021 để Tổ đánh giá",
        (2021, 2, 6),
        "2021-10-15",
        None,
    ),
    (
        "000_009e8832d9950d3a",
        "Báo cáo kết quả thực hiện quy chế dân chủ 06 tháng đầu năm gửi trước ngày 15/5",
        (2021, 2, 6),
        "2021-05-15",
        None,
    ),
    (
        "002_b2209b564e01dc84",
        "Hằng năm, các cơ quan, đơn vị ... Định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 15 tháng 11",
        (2021, 12, 23),
        "2022-11-15",
        "yearly",
    ),
    (
        "004_kh-cchc-2026-ubnd-lamdong",
        "đưa Trung tâm IOC vào hoạt động trong quý I năm 2026",
        (2025, 12, None),
        "2026-Q1",
        None,
    ),
    (
        "004_kh-cchc-2026-ubnd-lamdong",
        "hoàn thành ban hành kế hoạch chậm nhất là ngày 15/01/2026",
        (2025, 12, None),
        "2026-01-15",
        None,
    ),
    (
        "008_qd-12-2024-qd-ttg",
        "Định kỳ trước ngày 15 tháng 12 hằng năm và khi có yêu cầu, Ủy ban nhân dân các tỉnh",
        (2024, 7, 31),
        "2024-12-15",
        "yearly",
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "- Thời gian thực hiện: Quý I/2015.",
        (2015, 1, 29),
        "2015-Q1",
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "- Thời gian thực hiện: Quý II/2015.",
        (2015, 1, 29),
        "2015-Q2",
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "- Thời gian thực hiện: Quý II, III/2015.",
        (2015, 1, 29),
        "2015-Q3",
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "- Thời gian thực hiện: Quý I, II/2015.",
        (2015, 1, 29),
        "2015-Q2",
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "- Thời gian thực hiện: Quý II và III/2015.",
        (2015, 1, 29),
        "2015-Q3",
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "- Thời gian thực hiện: Ngày 09/11/2015.",
        (2015, 1, 29),
        "2015-11-09",
        None,
    ),
    (
        "009_qd-173-btp-kehoach-2015",
        "- Thời gian hoàn thành: Quý IV/2015.",
        (2015, 1, 29),
        "2015-Q4",
        None,
    ),
    (
        "012_qd-435-ubnd-kontum-2020",
        "và các Văn bản có liên quan hoàn thành trong quý II/2020.",
        (2020, 5, 4),
        "2020-Q2",
        None,
    ),
    (
        "012_qd-435-ubnd-kontum-2020",
        "- Thời gian thực hiện: Hoàn thành trong quý III/2020.",
        (2020, 5, 4),
        "2020-Q3",
        None,
    ),
    (
        "012_qd-435-ubnd-kontum-2020",
        "định kỳ hàng năm (trước ngày 15/11 và đột xuất khi có yêu cầu)",
        (2020, 5, 4),
        "2020-11-15",
        "yearly",
    ),
    (
        "012_qd-435-ubnd-kontum-2020",
        "Ủy ban nhân dân tỉnh trước ngày 30 tháng 11 hằng năm",
        (2020, 5, 4),
        "2020-11-30",
        "yearly",
    ),
    (
        "014_qd-779-ubnd-binhthuan-2022",
        "hằng năm công khai trên phương tiện thông tin đại chúng trước ngày 31 tháng 3.",
        (2022, 3, 23),
        "2022-03-31",
        "yearly",
    ),
    (
        "014_qd-779-ubnd-binhthuan-2022",
        "hằng năm báo cáo với Ủy ban nhân dân tỉnh trước ngày 31 tháng 12.",
        (2022, 3, 23),
        "2022-12-31",
        "yearly",
    ),
    (
        "027_cv-778-tchq-gsql-2017",
        "thiết lập và thông báo thực hiện trước ngày 15/02/2017.",
        (2017, 2, 13),
        "2017-02-15",
        None,
    ),
    (
        "027_cv-778-tchq-gsql-2017",
        "thực hiện song song 2 quy trình đến hết ngày 26/3/2017.",
        (2017, 2, 13),
        "2017-03-26",
        None,
    ),
    (
        "030_cv-ubnd-lamdong-chinhquyen2cap-2025",
        "- Thời gian hoàn thành: Trong tháng 8/2025.",
        (2025, 8, None),
        "2025-08",
        None,
    ),
    (
        "030_cv-ubnd-lamdong-chinhquyen2cap-2025",
        "- Thời gian hoàn thành: Trong tháng 11/2025.",
        (2025, 8, None),
        "2025-11",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "hồ sơ thiết kế kỹ thuật các mũi thi công về sở ngành chuyên môn trước ngày 28/4/2026;",
        (2026, 4, None),
        "2026-04-28",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "Ban Quản lý dự án đầu tư xây dựng số 1 trước ngày 05/5/2026.",
        (2026, 4, None),
        "2026-05-05",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "phê duyệt điều chỉnh chủ trương đầu tư trước 30/5/2026 và điều chỉnh dự án",
        (2026, 4, None),
        "2026-05-30",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "và điều chỉnh dự án đầu tư trước ngày 15/6/2026.",
        (2026, 4, None),
        "2026-06-15",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "Ban Quản lý dự án đầu tư xây dựng số 1 và Sở Xây dựng trước ngày 30/4/2026.",
        (2026, 4, None),
        "2026-04-30",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "niêm yết xong đối với các hộ còn lại và trình UBND xã phê duyệt trước ngày 10/5/2026.",
        (2026, 4, None),
        "2026-05-10",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "kiểm đếm vắng chủ đối với các hộ hiện nay chưa thực hiện kiểm đếm, hoàn thành trong tháng 4/2026;",
        (2026, 4, None),
        "2026-04",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "yêu cầu đến 30/5/2026 phải bàn giao toàn bộ mặt bằng cho đơn vị thi công.",
        (2026, 4, None),
        "2026-05-30",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "các hồ sơ còn lại chưa được phê duyệt trước ngày 15/5/2026.",
        (2026, 4, None),
        "2026-05-15",
        None,
    ),
    (
        "033_tb-ketluan-caotoc-lamdong-2026",
        "phương án trong tháng 5/2026, phấn đấu đến ngày 30/6/2026 hoàn thành",
        (2026, 4, None),
        "2026-05",
        None,
    ),
    (
        "041_bc-chiso-par-papi-pci-lamdong-2025",
        "nộp báo cáo tự đánh giá, chấm điểm trong tháng 01/2026, Bộ Nội vụ",
        (2025, 11, None),
        "2026-01",
        None,
    ),
    (
        "043_bc-mohinh-cchc-qd787-lamdong-2025",
        "các cơ quan, địa phương thực hiện, hoàn thành trước ngày 30/11/2025.",
        (2025, 11, None),
        "2025-11-30",
        None,
    ),
    (
        "048_tt-3367-snv-binhthuan-2024",
        "hoàn thành tổ chức đại hội nhiệm kỳ chậm nhất ngày 31/12/2024.",
        (2024, 11, 28),
        "2024-12-31",
        None,
    ),
    (
        "048_tt-3367-snv-binhthuan-2024",
        "sẽ tổ chức đại hội nhiệm kỳ theo quy định vào Quý IV/2024.",
        (2024, 11, 28),
        "2024-Q4",
        None,
    ),
    (
        "050_md-nq-1678-ubtvqh15-nghean-2025",
        "đơn vị hành chính cấp xã và công bố công khai trước ngày 30 tháng 9 năm 2025.",
        (2025, 6, 16),
        "2025-09-30",
        None,
    ),
    (
        "051_nq-100-nq-cp-2026-chuongtrinh",
        "tổ chức triển khai thực hiện Nghị quyết này, hoàn thành trong Quý II năm 2026.",
        (2026, 4, 6),
        "2026-Q2",
        None,
    ),
    (
        "051_nq-100-nq-cp-2026-chuongtrinh",
        "công tác thi đua, khen thưởng; định kỳ trước ngày 01 tháng 12 hằng năm",
        (2026, 4, 6),
        "2026-12-01",
        "yearly",
    ),
    (
        "054_nq-97-nq-cp-2026-suadoi-nhiemvu",
        "5. Thời gian hoàn thành: Quý IV/2026.",
        (2026, 4, 6),
        "2026-Q4",
        None,
    ),
    (
        "056_hd-545-hdbtv-hiephoi-ccv-2025",
        "Đại hội của Hội công chứng viên phải được tổ chức xong trong Quý III/2025.",
        (2025, 7, 29),
        "2025-Q3",
        None,
    ),
    (
        "064_nd-47-2021-nd-cp",
        "2. Trước ngày 31 tháng 8 hàng năm, doanh nghiệp báo cáo",
        (2021, 4, 1),
        "2021-08-31",
        "yearly",
    ),
]


@pytest.mark.parametrize(("doc", "phrase", "issued", "date", "recurrence"), CORPUS_PHRASES)
def test_corpus_phrase(doc, phrase, issued, date, recurrence):
    found = _find(phrase, *issued)
    assert found, f"{doc}: nothing read in {phrase!r}"
    assert (found[0].date, found[0].recurrence) == (date, recurrence)
    assert found[0].start < found[0].end


VARIANTS = [
    ("Hoàn thành trước ngày 15/10/2021.", (2021, 2, 6), "2021-10-15", None, "day"),
    ("chậm nhất ngày 05.3.2024", (2024, 1, 2), "2024-03-05", None, "day"),
    (
        "Hằng năm, gửi báo cáo trước ngày 15 tháng 11.",
        (2021, 12, 23),
        "2022-11-15",
        "yearly",
        "day",
    ),
    ("Hằng năm, gửi báo cáo trước ngày 15 tháng 11.", (2021, 2, 1), "2021-11-15", "yearly", "day"),
    ("Thời gian thực hiện: quý III/2023", (2023, 1, 1), "2023-Q3", None, "quarter"),
    ("hoàn thành trong 6 tháng đầu năm 2026", (2025, 12, 1), "2026-H1", None, "half"),
    ("hoàn thành trong năm 2026", (2025, 12, 1), "2026", None, "year"),
    ("trong thời hạn 30 ngày kể từ ngày ký", (2024, 7, 31), "2024-08-30", None, "day"),
    ("Thời hạn: tháng 6/2026", (2025, 12, 1), "2026-06", None, "month"),
    ("định kỳ hàng tháng báo cáo trước ngày 25", (2024, 1, 1), None, None, None),
    # trigger words found by a head of two letters ("Ch" + "ậm", "kh" + "ông", "Th" + "ời"), in either case
    ("Chậm nhất ngày 05/3/2024 phải nộp báo cáo.", (2024, 1, 2), "2024-03-05", None, "day"),
    ("thời gian nộp không quá ngày 10/01/2025", (2024, 1, 2), "2025-01-10", None, "day"),
    ("Không quá ngày 31/12/2024.", (2024, 1, 2), "2024-12-31", None, "day"),
    ("Thời hạn hoàn thành: quý II/2026", (2025, 12, 1), "2026-Q2", None, "quarter"),
    # an anchor on "Đến" is matched with the "đến" triggers; "từ ... đến ..." is still a period
    ("Đến ngày 30/6/2026 phải bàn giao mặt bằng.", (2026, 1, 5), "2026-06-30", None, "day"),
    ("Từ 15/10/2020 đến 15/5/2021 thực hiện thí điểm.", (2020, 9, 1), None, None, None),
]


@pytest.mark.parametrize(("phrase", "issued", "date", "recurrence", "granularity"), VARIANTS)
def test_variant(phrase, issued, date, recurrence, granularity):
    found = _find(phrase, *issued)
    if date is None:
        assert found == []
        return
    assert (found[0].date, found[0].recurrence, found[0].granularity) == (
        date,
        recurrence,
        granularity,
    )


NOT_DEADLINES = [
    ("000_009e8832d9950d3a", "Số liệu báo cáo 06 tháng từ 15/10/2020 đến 15/5/2021"),
    ("048_tt-3367-snv-binhthuan-2024", "tính đến ngày 26/11/2024 có: 05 hội đã tổ chức đại hội"),
    (
        "048_tt-3367-snv-binhthuan-2024",
        "kiến nghị kéo dài thời gian tổ chức đại hội đến quý I/2025",
    ),
    (
        "004_6094e0d5f6b98715",
        "Trong 6 tháng đầu năm 2023, các cơ quan hành chính trong tỉnh đã tiếp 1.670 lượt công dân",
    ),
    (
        "042_bc-dean06-thang10-2025-lamdong",
        "Trong tháng 10/2025, Ban chỉ đạo đã ban hành 02 văn bản",
    ),
    ("009_qd-173-btp-kehoach-2015", "- Thời gian thực hiện: Cả năm 2015."),
    ("061_news-daknong-157-truong-chuan-2020", "tỷ lệ đạt 91,3% so với kế hoạch"),
    ("002_b2209b564e01dc84", "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ"),
    # blind batch 4: "Đến ngày ..., X đã ...", where a report stands at a date
    ("161_bc-ct38", "thực tiễn. Đến ngày 25/02/2026, Chủ tịch Ủy ban nhân dân tỉnh"),
    ("221_tt_trinh", "có ý kiến. Đến ngày 03/12/2025, Sở Nội vụ có Công văn số 333"),
    # blind batch 5: "trước ngày" ending a period, after what was done, in a condition
    ("243_cv-5680", "(áp dụng từ ngày 19/02/2025 đến trước ngày 01/10/2025)"),
    ("178_nq-78", "Ghi nhận thời gian chủ hộ kinh doanh đã đóng bảo hiểm xã hội bắt buộc trước ngày 01 tháng 7 năm 2025"),
    ("243_cv-5680", "Trường hợp cá nhân nhận được các khoản thu nhập từ tiền lương, tiền công trước ngày 19/02/2025"),
    # blind batch 6: how long a licence or certificate is valid; what has not happened by a date;
    # a state held before a date
    ("162_bc-1883", "ngày kiểm định 09/02/2026, có hiệu lực đến hết ngày 07/02/2027"),
    ("162_bc-1883", "của Ủy ban nhân dân tỉnh Lào Cai, có thời hạn đến hết ngày 30/6/2026"),
    ("181_qd-28-2021", "đã nộp hồ sơ đề nghị hưởng trợ cấp thất nghiệp nhưng đến ngày 30 tháng 9 năm 2021 chưa có quyết định"),
    ("181_qd-28-2021", "đang tham gia bảo hiểm thất nghiệp trước ngày 01 tháng 10 năm 2021"),
    # blind batch 8: a count's cut-off, what a count had reached, a period opened earlier in the
    # sentence, and the month a report tells of a named body
    ("168_bc-vpubnd", "Lũy kế GPMB đến 01/6/2026 đạt 18 ha"),
    ("168_bc-vpubnd", "QĐ thành lập số 2220/QĐ-UBND ngày 27/11/2023.\tGPMB đến 01/6/2026 đạt 24 ha"),
    ("154_bc-tongket", "Qua tổng rà soát, thống kê đến ngày 14/12/2025 toàn tỉnh có 5362 người nghiện"),
    ("144_kh-556", "tính từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 12 của kỳ báo cáo"),
    ("150_bc-dean06", "1. Công tác chỉ đạo của Ban chỉ đạo tỉnh\na) Trong tháng 8/2025, Ban chỉ đạo tỉnh Lâm Đồng tiếp tục"),
]


@pytest.mark.parametrize(("doc", "phrase"), NOT_DEADLINES)
def test_not_a_deadline(doc, phrase):
    assert _find(phrase, 2024, 1, 1) == [], doc


def test_a_month_of_work_still_to_do_is_a_deadline():
    # blind batch 8 (150): "Trong tháng 9/2025, tập trung thực hiện ..." asks; a named body with a
    # modality asks too
    assert [h.date for h in _find("3. Trong tháng 9/2025, tập trung thực hiện những nhiệm vụ sau", 2025, 8, 25)] == ["2025-09"]
    assert [h.date for h in _find("Trong tháng 9/2025, Sở Y tế phải hoàn thành việc rà soát", 2025, 8, 25)] == ["2025-09"]


# blind batch 7: a one-off date that ends before the document was written is history, whatever
# the trigger before it (document, phrase, document date)
HISTORY = [
    (
        "184_nd-162-2026",
        "nghỉ hưởng lương hưu, trợ cấp bảo hiểm xã hội, trợ cấp hằng tháng trước ngày 01 tháng 01 năm 1995",
        (2026, 5, 28),
    ),
    ("164_bc-kiemtra", "khi được cấp giấy chứng nhận số 02/GCN-SCT ngày 17/06/2020 đến ngày 31/12/2025", (2026, 5, 20)),
    ("119_cv-dondoc", "đề nghị các đơn vị báo cáo trước ngày 05/02/2026", (2026, 4, 2)),
    ("061_news-daknong", "hoàn thành trong quý II/2020", (2020, 8, 1)),
]


@pytest.mark.parametrize(("doc", "phrase", "issued"), HISTORY)
def test_a_date_before_the_document_is_history(doc, phrase, issued):
    assert _find(phrase, *issued) == [], doc
    # the same words dated before the date set a limit
    assert _find(phrase, 1990, 1, 1), doc


# blind batch 7: "trong thời gian/thời hạn N ngày kể từ ngày <this document> có hiệu lực" counts
# from the date the document takes effect, which it states elsewhere
FROM_EFFECT = [
    (
        "183_tt-28-2026",
        "1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 7 năm 2026.\n"
        "2. ... công bố chất lượng dịch vụ trong thời hạn 60 ngày kể từ ngày Thông tư này có hiệu lực",
        "2026-09-13",
    ),
    (
        "204_tt-13-2026",
        "3. Trong thời gian 30 ngày kể từ ngày Thông tư này có hiệu lực, chủ trì, phối hợp ...\n"
        "1. Thông tư này có hiệu lực thi hành kể từ ngày 12 tháng 02 năm 2026.",
        "2026-03-14",
    ),
    (
        "made up",
        "Quyết định này có hiệu lực kể từ ngày 01/3/2026. Trong vòng 15 ngày kể từ ngày Quyết định này có hiệu lực",
        "2026-03-16",
    ),
]


@pytest.mark.parametrize(("doc", "phrase", "date"), FROM_EFFECT)
def test_days_from_the_date_of_effect(doc, phrase, date):
    assert [hit.date for hit in _find(phrase, 2026, 1, 2)] == [date], doc


def test_days_from_effect_without_a_date_of_effect():
    assert _find("trong thời hạn 60 ngày kể từ ngày Thông tư này có hiệu lực", 2026, 1, 2) == []


def test_time_cells_of_a_table_printed_one_cell_per_line(extract_corpus):
    # blind batch 7: the Prime Minister's action plan (Công báo PDF text) prints its task table one
    # cell per line; each row's "Thời gian hoàn thành" cell is a line of its own
    record = extract_corpus("182_qd-844-ttg")
    dates = {d.date for d in record.deadlines}
    assert {"2027-03", "2028-Q2", "2028-Q4", "2029-Q1", "2026-Q3"} <= dates
    for item in record.deadlines:
        assert item.text == record.text[item.start : item.end]


def test_a_lone_date_line_is_no_deadline_without_a_time_column():
    text = "Kết quả đạt được\nQuý II/2028\n"
    parsed = Parsed(text=text, kind="document", header=Header(year=2026, month=1, day=1), body_start=0,
                    body_end=len(text), closing=None, sections=[])
    assert deadlines.extract(parsed) == []
    with_header = "Thời gian hoàn \nthành\n" + text
    parsed = Parsed(text=with_header, kind="document", header=Header(year=2026, month=1, day=1), body_start=0,
                    body_end=len(with_header), closing=None, sections=[])
    assert [d.date for d in deadlines.extract(parsed)] == ["2028-Q2"]
    year_cell = "Thời gian thực hiện\nNăm 2027\n"
    parsed = Parsed(text=year_cell, kind="document", header=Header(year=2026, month=1, day=1), body_start=0,
                    body_end=len(year_cell), closing=None, sections=[])
    assert [d.date for d in deadlines.extract(parsed)] == ["2027"]


@pytest.mark.parametrize(
    ("doc", "date", "recurrence"),
    [
        ("002_", "2022-11-15", "yearly"),
        ("000_", "2021-10-15", None),
        ("009_qd-173", "2015-Q3", None),
        ("033_tb", "2026-04-28", None),
        ("012_qd", "2020-11-15", "yearly"),
    ],
)
def test_document_deadlines(extract_corpus, doc, date, recurrence):
    record = extract_corpus(doc)
    assert any(d.date == date and d.recurrence == recurrence for d in record.deadlines)
    for item in record.deadlines:
        assert item.text == record.text[item.start : item.end]


def test_recurrence_patterns_hold_their_guard_words():
    # deadlines.recurrence_in runs the recurrence patterns only on spans holding a RECURRENCE_WORD
    from extractors.data import table

    for row in table("recurrence.tsv"):
        pattern = row["pattern"].replace("h[ằà]ng", "hằng")
        assert any(word in pattern for word in deadlines.RECURRENCE_WORDS), pattern
