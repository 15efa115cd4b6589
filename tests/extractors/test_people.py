"""People: names with their titles, from named corpus documents."""

from __future__ import annotations

import pytest

# (document, name, title prefix or None when the text gives none)
PEOPLE = [
    # blind batch 3: people listed after a label, with a title after a dash or none
    ("208_news-bdn", "Lê Kim Toàn", "Phó Bí thư Thường trực Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh"),
    ("208_news-bdn", "Phạm Anh Tuấn", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"),
    ("110_cv-cd-58", "Lê Thành Long", None),
    ("110_cv-cd-58", "Hồ Quốc Dũng", None),
    # blind batch 4: "Luật sư" and "TS" before a name
    ("221_tt_trinh", "Huỳnh Tho", None),
    ("221_tt_trinh", "Đỗ Minh Trúc", None),
    ("211_news-bdn", "Nguyễn Hữu Hà", None),
    ("001_9adf", "Trịnh Thị Minh Thanh", "Phó Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo"),
    ("001_9adf", "Minh Hiền", None),
    ("001_9adf", "Hoàng Nam", None),
    ("000_009e", "Bằng Lăng", None),
    ("003_40dd", "Lê Đức Thanh", None),
    ("008_qd-12", "Trần Hồng Hà", "Phó Thủ tướng"),
    ("017_qd-bcd", "Hồ Văn Mười", "Chủ tịch"),
    ("017_qd-bcd", "Nguyễn Ngọc Phúc", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    ("019_qd-hopnhat", "Huỳnh Tho", "Chủ nhiệm Đoàn Luật sư tỉnh Lâm Đồng"),
    ("019_qd-hopnhat", "Trần Văn Ninh", "Chủ tịch Hội đồng Khen thưởng"),
    ("030_cv-ubnd", "Hoàng Thị Hiền", "Cán bộ Đội 1"),
    ("033_tb-ketluan", "Nguyễn Hồng Hải", "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh"),
    ("039_gm-hop", "Nguyễn Ngọc Phúc", "Tỉnh ủy viên, Phó Chủ tịch"),
    ("048_tt-3367", "Trần Ngọc Tân", None),
    ("048_tt-3367", "Đỗ Văn Chung", "Giám đốc"),
    ("061_news", "Đức Diệu", None),
    ("063_news", "Lê Thị Hồng An", "Phó Giám đốc Ban quản lý"),
    ("063_news", "Lê Diễn", "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy"),
    # blind batch 5: the title's own words end before the family name ("Văn" is one too)
    ("234_hd-bnv", "Nguyễn Văn Hồi", "Thứ trưởng"),
    ("111_cv-bnv", "Nguyễn Văn Hồi", "Thứ trưởng"),
    ("200_qd-2319", "Vũ Văn Tấn", "Cục trưởng Cục Cảnh sát Quản lý hành chính"),  # the post, as gold gives it
    # a full name before the verb ("Phó Thủ tướng Chính phủ Bùi Thanh Sơn đã chủ trì")
    ("132_tb-636", "Bùi Thanh Sơn", "Phó Thủ tướng Chính phủ"),
    ("130_tb-634", "Phạm Minh Chính", "Thủ tướng Chính phủ"),
    ("135_cv-cd-ttg", "Trần Hồng Hà", "Phó Thủ tướng Chính phủ"),
    # blind batch 7: a name after an honorific, before a verb ("từ Ông Phạm Nhân Nghĩa sang Ông ...")
    ("164_bc-kiemtra", "Phạm Nhân Nghĩa", None),
    ("164_bc-kiemtra", "Phạm Thành Nguyên", None),
    # a list with each title after a comma, wrapped over lines, a rank before a name
    ("133_tb-kl-ttg", "Trần Đức Thắng", "Bộ trưởng Bộ Nông nghiệp và Môi trường"),
    ("133_tb-kl-ttg", "Đào Hồng Lan", "Bộ trưởng Bộ Y tế"),
    # a member list, one person a bullet, the post first (the post may wrap onto the next line)
    ("200_qd-2319", "Nguyễn Huy Dũng", "Ủy viên chuyên trách Ban Chỉ đạo Trung ương"),
    ("200_qd-2319", "Nguyễn Thị Hồng", "Thống đốc Ngân hàng Nhà nước Việt Nam"),
    ("200_qd-2319", "Đoàn Hồng Phong", "Tổng Thanh tra Chính phủ"),
    ("200_qd-2319", "Nguyễn Thị Thu Hà", "Phó Chủ tịch - Tổng Thư ký"),
]

# (document, a capitalised phrase that is not a person)
NOT_PEOPLE = [
    ("019_qd-hopnhat", "Lâm Đồng"),
    ("019_qd-hopnhat", "Minh"),  # "(Đ/c Minh)": a short form, not a full name
    ("061_news", "Đắk Nông"),
    ("033_tb-ketluan", "Bảo Lộc"),
    ("063_news", "Gia Nghĩa"),
    ("234_hd-bnv", "Văn Hồi"),
    ("019_qd-hopnhat", "Đoàn Luật"),  # "Chủ nhiệm Đoàn Luật sư": two syllables before a lower-case word
    ("221_tt_trinh", "Đoàn Luật"),
    # an honorific before a title, not a name
    ("205_qd-hcm", "Chánh Văn"),
    ("133_tb-kl-ttg", "Tổng Bí"),
]


@pytest.mark.parametrize(
    ("document", "printed", "name"),
    [
        ("211_news-bdn", "HỒNG HÀ", "Hồng Hà"),  # "HỒNG HÀ (Thực hiện)": a byline in capitals
        ("212_news-bdn", "HẢI YẾN", "Hải Yến"),  # "... Ảnh: HẢI YẾN": a photo credit
    ],
)
def test_bylines_and_photo_credits(extract_corpus, document, printed, name):
    record = extract_corpus(document)
    found = [p for p in record.people if p.name == name]
    assert len(found) == 1, [p.name for p in record.people]
    assert record.text[found[0].start : found[0].end] == found[0].text == printed


@pytest.mark.parametrize(("document", "name", "title"), PEOPLE)
def test_person(extract_corpus, document, name, title):
    record = extract_corpus(document)
    found = [p for p in record.people if p.name == name]
    assert len(found) == 1, [p.name for p in record.people]
    person = found[0]
    assert record.text[person.start : person.end] == person.text == name
    if title:
        assert person.title and person.title.startswith(title)


@pytest.mark.parametrize(("document", "phrase"), NOT_PEOPLE)
def test_not_person(extract_corpus, document, phrase):
    assert phrase not in [p.name for p in extract_corpus(document).people]


def test_underthesea_is_optional():
    """The default pipeline never imports underthesea (it is slow)."""
    import sys

    from pipeline.extract import extract_text

    extract_text("Đồng chí Nguyễn Văn An, Chủ tịch Ủy ban nhân dân tỉnh chủ trì hội nghị.")
    assert "underthesea" not in sys.modules
