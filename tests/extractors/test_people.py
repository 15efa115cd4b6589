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
]

# (document, a capitalised phrase that is not a person)
NOT_PEOPLE = [
    ("019_qd-hopnhat", "Lâm Đồng"),
    ("019_qd-hopnhat", "Minh"),  # "(Đ/c Minh)": a short form, not a full name
    ("061_news", "Đắk Nông"),
    ("033_tb-ketluan", "Bảo Lộc"),
    ("063_news", "Gia Nghĩa"),
]


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
