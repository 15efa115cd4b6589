"""Agencies: the canonical body behind each actor, issuer and recipient, read from real documents.

Each row names a corpus document, an actor (or addressee) as the document writes it, and the
agency it stands for in that document's setting (its province, as of its date).
"""

from __future__ import annotations

import pytest

from extractors import agencies
from extractors.models import Agency
from pipeline.extract import extract_text

ACTORS = [
    # abbreviations written out: UBND, HĐND, MTTQ
    ("004_kh-cchc-2026", "UBND các xã, phường, đặc khu", "Ủy ban nhân dân các xã, phường, đặc khu", "commune", "Lâm Đồng", True),
    ("004_kh-cchc-2026", "Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", "province", "Lâm Đồng", False),
    ("012_qd-435", "Ủy ban MTTQ Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum", "mass_organisation", "Kon Tum", False),
    # a note in brackets and a person's title dropped, the province of the header added
    ("106_cv-nhanrong", "Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)", "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", "province", "Lâm Đồng", False),
    ("007_qd-1056", "Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh Tuyên Quang", "province", "Tuyên Quang", False),
    ("141_kh-235", "Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường tỉnh Thanh Hóa", "province", "Thanh Hóa", False),
    ("012_qd-435", "Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch tỉnh Kon Tum", "province", "Kon Tum", False),
    ("139_kh-308", "Công an Thành phố", "Công an thành phố Hà Nội", "province", "Hà Nội", False),
    # the work the actor is given is not part of its name
    ("123_kh-ct11", "Sở Nông nghiệp và Môi trường tổng hợp", "Sở Nông nghiệp và Môi trường tỉnh Lào Cai", "province", "Lào Cai", False),
    # the province of the date line: an inspection team's report signed in Lào Cai
    ("164_bc-kiemtra", "Công ty TNHH MTV Khí công nghiệp Lào Cai", "Công ty TNHH MTV Khí công nghiệp Lào Cai", "other", "Lào Cai", False),
    # district and commune bodies
    ("003_40dd8128047d9a3b", "Phòng Nội vụ", "Phòng Nội vụ Quận 1", "district", "Quận 1", False),
    ("228_gm-sct", "Ủy ban nhân dân xã Quy Mông", "Ủy ban nhân dân xã Quy Mông", "commune", "Lào Cai", False),
    ("033_tb-ketluan", "UBND Phường 2 Bảo Lộc", "Ủy ban nhân dân Phường 2 Bảo Lộc", "commune", "Lâm Đồng", False),
    ("002_b2209b564e01dc84", "Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố", "district", "Gia Lai", True),
    # groups stay one item, without the words that only say "of this province"
    ("043_bc-mohinh", "Thủ trưởng các sở, ban, ngành", "các sở, ban, ngành", "province", "Lâm Đồng", True),
    ("129_kh-1026", "Các sở, ban, ngành, đoàn thể cấp tỉnh", "các sở, ban, ngành, đoàn thể", "province", "Nghệ An", True),
    ("134_cv-cd-217", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa", "Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa", "province", None, True),
    # two bodies joined by "/" are two actors, each its own body (as gold gives them)
    ("116_cv-giamsat", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh Lào Cai", "province", "Lào Cai", False),
    ("116_cv-giamsat", "Ban Chỉ huy Bộ đội Biên phòng tỉnh", "Ban Chỉ huy Bộ đội Biên phòng tỉnh Lào Cai", "province", "Lào Cai", False),
    # Party bodies
    ("129_kh-1026", "Văn phòng Tỉnh ủy", "Văn phòng Tỉnh ủy Nghệ An", "party", "Nghệ An", False),
    ("129_kh-1026", "Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy Nghệ An", "party", "Nghệ An", False),
    ("135_cv-cd-ttg", "Bí thư tỉnh ủy, thành ủy", "tỉnh ủy, thành ủy", "party", None, True),
    ("130_tb-634", "Thường trực Tỉnh ủy", "Thường trực Tỉnh ủy", "party", None, False),
    ("209_news-bdn-lamviec", "Ban Thường vụ Đảng ủy UBND tỉnh", "Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh", "party", None, False),
    # central bodies: a ministry is itself, its units take its name; a Hà Nội date line places nothing
    ("053_nq-132", "Bộ trưởng Bộ Quốc phòng", "Bộ Quốc phòng", "central", None, False),
    ("009_qd-173", "Vụ trưởng Vụ Tổ chức cán bộ", "Vụ Tổ chức cán bộ Bộ Tư pháp", "central", None, False),
    ("009_qd-173", "Chánh Văn phòng Bộ", "Văn phòng Bộ Tư pháp", "central", None, False),
    ("009_qd-173", "Sở Tư pháp", "Sở Tư pháp", "province", None, False),
    ("135_cv-cd-ttg", "Phó Thủ tướng Chính phủ Trần Hồng Hà", "Thủ tướng Chính phủ", "central", None, False),
    ("163_bc-dinhky", "Bộ Công Thương một số nội dung như sau", "Bộ Công Thương", "central", None, False),
    # a merged province: a 2024 document of Bình Thuận, and a 2025 one of Lâm Đồng (which Bình
    # Thuận joined on 1/7/2025) naming the old province's bar association
    ("048_tt-3367", "Sở Nội vụ", "Sở Nội vụ tỉnh Bình Thuận", "province", "Bình Thuận", False),
    ("019_qd-hopnhat", "Đoàn Luật sư tỉnh Bình Thuận (cũ)", "Đoàn Luật sư tỉnh Bình Thuận", "mass_organisation", "Bình Thuận", False),
    ("049_tt-snv", "Sở Nội vụ nhận được Công văn số 65/MTTQ-BTT ngày 05/8/2025 của Ban Thường trực Ủy ban Mặt trận Tổ quốc Viêt Nam tỉnh về việc sắp xếp, sáp nhập", "Sở Nội vụ tỉnh Lâm Đồng", "province", "Lâm Đồng", False),
]


def _agency(record, actor: str) -> Agency:
    found = [a for task in record.tasks for a in task.agencies if a.text == actor]
    assert found, f"{actor!r} is no actor of {record.id}"
    return found[0]


@pytest.mark.parametrize(("doc", "actor", "name", "level", "place", "group"), ACTORS)
def test_actor_agency(extract_corpus, doc, actor, name, level, place, group):
    record = extract_corpus(doc)
    agency = _agency(record, actor)
    assert (agency.name, agency.level, agency.place, agency.group) == (name, level, place, group)


# Actors as the documents print them, resolved in their document's setting (issuer, date line,
# date, as extracted): the rules of the annotation brief, one class a row.
WRITTEN = [
    # a place name after a commune unit word is not a person's name, however it opens
    ("115_cv-didoi", "UBND phường Văn Phú", "Ủy ban nhân dân phường Văn Phú", "commune", "Lào Cai", False),
    ("115_cv-didoi", "UBND các phường: Yên Bái, Văn Phú", "Ủy ban nhân dân các phường Yên Bái, Văn Phú", "commune", "Lào Cai", True),
    # "trình" and "giao" inside nouns do not end a name
    ("114_tb-kl", "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
     "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh Lào Cai", "province", "Lào Cai", False),
    # a regional branch keeps its region's name; one office whose name joins two bodies
    ("129_kh-1026", "Kho bạc nhà nước khu vực XI", "Kho bạc nhà nước khu vực XI", "province", "Nghệ An", False),
    ("129_kh-1026", "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh",
     "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Nghệ An", "province", "Nghệ An", False),
    # an actor that is only a territory, or a list of them, is its People's Committee
    ("130_tb-634", "Tỉnh Thanh Hóa", "Ủy ban nhân dân tỉnh Thanh Hóa", "province", "Thanh Hóa", False),
    ("142_kh-141", "các xã, phường", "Ủy ban nhân dân các xã, phường", "commune", "Bắc Ninh", True),
    # a group "of the city's People's Committee" is the city's; a group defined by its part keeps it
    ("140_kh-172", "Sở, ban, ngành thuộc Ủy ban nhân dân Thành phố", "Sở, ban, ngành", "province", "Hồ Chí Minh", True),
    ("140_kh-172", "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này",
     "các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này", "other", "Hồ Chí Minh", True),
    ("140_kh-172", "các cơ quan phối hợp", "các cơ quan phối hợp", "other", "Hồ Chí Minh", True),
    # a council or steering committee named without a place is of the issuer's tier
    ("200_qd-2319", "Ban Chỉ đạo", "Ban Chỉ đạo", "central", None, False),
    ("017_qd-bcd", "Ban Chỉ đạo", "Ban Chỉ đạo tỉnh Lâm Đồng", "province", "Lâm Đồng", False),
    # a name that holds verbs ends at its place; "Tỉnh" written with a capital is the province
    ("197_qd-hoidong", "Chủ tịch Hội đồng an toàn, vệ sinh lao động tỉnh quy định quy chế làm việc của Hội đồng",
     "Hội đồng an toàn, vệ sinh lao động tỉnh Lâm Đồng", "province", "Lâm Đồng", False),
    ("194_qd-137", "Chánh Văn phòng Ủy ban nhân dân Tỉnh", "Văn phòng Ủy ban nhân dân tỉnh Đồng Tháp", "province", "Đồng Tháp", False),
    # a company named after a province (one merged into Lào Cai in 2025) is the document's
    # province's, and keeps the "&" of its acronym
    ("168_bc-vpubnd", "Công ty TNHH SX&TM 186 Yên Bái", "Công ty TNHH SX&TM 186 Yên Bái", "other", "Lào Cai", False),
    # a company's "CP" is cổ phần, not the Government
    ("168_bc-vpubnd", "Công ty CP Công nghiệp EUP", "Công ty CP Công nghiệp EUP", "other", "Lào Cai", False),
    # a body's role in apposition is not a second body
    ("199_qd-bnv", "Bộ Nội vụ, cơ quan chủ trì triển khai Đề án", "Bộ Nội vụ", "central", None, False),
    # an actor cut inside a list loses the list's dangling words
    ("053_nq-132", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các",
     "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "mass_organisation", None, False),
    # a joint body of several ministries, and the State
    ("185_nd-61", "Liên Bộ Xây dựng - Tài chính - Vật giá Chính phủ", "Liên Bộ Xây dựng - Tài chính - Vật giá Chính phủ", "central", None, True),
    ("185_nd-61", "Nhà nước", "Nhà nước", "central", None, False),
]


@pytest.mark.parametrize(("doc", "written", "name", "level", "place", "group"), WRITTEN)
def test_written_actor_agency(extract_corpus, doc, written, name, level, place, group):
    record = extract_corpus(doc)
    assert " ".join(written.split()) in " ".join(record.text.split()), "the document prints the actor"
    agency = agencies.resolve(written, agencies.setting(record.issuer, record.place, record.issue_date))
    assert (agency.name, agency.level, agency.place, agency.group) == (name, level, place, group)


def test_every_actor_has_its_agency_in_order_with_its_span(extract_corpus):
    record = extract_corpus("126_ct-10")
    assert record.tasks
    for task in record.tasks:
        assert [a.text for a in task.agencies] == task.actors
        for agency in task.agencies:
            if agency.start is not None:
                assert record.text[agency.start : agency.end] == agency.text


ADDRESSEES = [
    # the "Nơi nhận" list and the issuers of cited instruments get the same treatment
    ("019_qd-hopnhat", "UBMTTQVN tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng", "mass_organisation", "Lâm Đồng"),
    ("004_kh-cchc-2026", "Thường trực HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh Lâm Đồng", "province", "Lâm Đồng"),
    ("122_ct-07", "VP BCĐ TW về phòng, chống tham nhũng", "Văn phòng Ban Chỉ đạo Trung ương về phòng, chống tham nhũng", "central", None),
    ("142_kh-141", "TT Tỉnh ủy, TT HĐND tỉnh", "Thường trực Tỉnh ủy, Thường trực Hội đồng nhân dân tỉnh Bắc Ninh", "party", "Bắc Ninh"),
]


@pytest.mark.parametrize(("doc", "written", "name", "level", "place"), ADDRESSEES)
def test_recipient_agency(extract_corpus, doc, written, name, level, place):
    record = extract_corpus(doc)
    found = [a for a in record.recipient_agencies if a.text == written]
    assert found, f"{written!r} is no recipient of {record.id}"
    assert (found[0].name, found[0].level, found[0].place) == (name, level, place)


def test_issuer_and_cited_issuers(extract_corpus):
    record = extract_corpus("048_tt-3367")
    assert record.issuer_agency is not None
    assert (record.issuer_agency.name, record.issuer_agency.place) == ("Sở Nội vụ tỉnh Bình Thuận", "Bình Thuận")
    cited = {ref.issuer_agency.name for ref in extract_corpus("129_kh-1026").legal_refs if ref.issuer_agency}
    assert "Thủ tướng Chính phủ" in cited


# A short directive made by the test: the header of a province that merged in 2025, and the
# department abbreviations of the time.
DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH BÌNH THUẬN
Số: 12/CT-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Thuận, ngày {day}
CHỈ THỊ
Về việc phòng, chống hạn hán

1. Sở NN&PTNT chủ trì rà soát nguồn nước, báo cáo UBND tỉnh trước ngày 30/6/2024.
2. UBND các huyện, thị xã, thành phố chủ động kiểm tra các hồ chứa trên địa bàn.
3. Sở KH&ĐT bố trí vốn cho các công trình cấp bách.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy;
- BCĐ phòng, chống thiên tai tỉnh;
- Ủy ban MTTQVN tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


def _bodies(record) -> list[tuple[str, str, str, str | None, bool]]:
    found = [*(a for t in record.tasks for a in t.agencies), *record.recipient_agencies]
    return [(a.text, a.name, a.level, a.place, a.group) for a in found]


def test_department_abbreviations_and_a_province_before_its_merger():
    bodies = _bodies(extract_text(DIRECTIVE.format(day="15 tháng 3 năm 2024"), id="before"))
    assert bodies == [
        ("Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn tỉnh Bình Thuận", "province", "Bình Thuận", False),
        ("UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố", "district", "Bình Thuận", True),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư tỉnh Bình Thuận", "province", "Bình Thuận", False),
        ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Bình Thuận", "party", "Bình Thuận", False),
        ("BCĐ phòng, chống thiên tai tỉnh", "Ban Chỉ đạo phòng, chống thiên tai tỉnh Bình Thuận", "province", "Bình Thuận", False),
        ("Ủy ban MTTQVN tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bình Thuận", "mass_organisation", "Bình Thuận", False),
    ]
    department = Agency(name="Sở Kế hoạch và Đầu tư tỉnh Bình Thuận", level="province", place="Bình Thuận")
    # the department merged into the Sở Tài chính on 1/3/2025, the province into Lâm Đồng on 1/7/2025
    assert agencies.successor(department) == ("Sở Tài chính tỉnh Lâm Đồng", "2025-07-01")
    assert agencies.successor(Agency(name="Bộ Kế hoạch và Đầu tư", level="central")) == ("Bộ Tài chính", "2025-03-01")
    assert agencies.successor(Agency(name="Sở Nội vụ tỉnh Lâm Đồng", level="province", place="Lâm Đồng")) is None


def test_a_merged_province_after_its_merger_is_read_as_it_was_named():
    # the same header dated after 1/7/2025 still names Bình Thuận: the unit the text names (the
    # old one), with the merged province as its successor
    after = extract_text(DIRECTIVE.format(day="15 tháng 9 năm 2025"), id="after")
    department = next(a for t in after.tasks for a in t.agencies if a.text == "Sở KH&ĐT")
    assert (department.name, department.place) == ("Sở Kế hoạch và Đầu tư tỉnh Bình Thuận", "Bình Thuận")
    assert agencies.successor(department) == ("Sở Tài chính tỉnh Lâm Đồng", "2025-07-01")


def test_a_setting_is_read_from_the_issuer_or_the_date_line():
    assert agencies.setting("Ủy ban nhân dân tỉnh Gia Lai", "Gia Lai", "2021-12-23").territory == "Gia Lai"
    # a team with no tier of its own is placed by its date line; a ministry is not, whatever its date line
    assert agencies.setting("Đoàn kiểm tra", "Lào Cai", "2026-04").territory == "Lào Cai"
    assert agencies.setting("Bộ Tư pháp", "Hà Nội", "2015-01-29").territory is None
    # a 2024 Lâm Đồng document is the old province's, a 2026 one the merged province's
    assert agencies.setting(None, "Lâm Đồng", "2024-05-01").governed == "tỉnh Lâm Đồng"
    assert agencies.setting(None, "Hồ Chí Minh", "2026-05-01").city
