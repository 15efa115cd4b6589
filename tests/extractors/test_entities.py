"""Organisations and places, from named corpus documents."""

from __future__ import annotations

import pytest

from extractors import places

# (document, written as, name with abbreviations written out)
ORGANISATIONS = [
    ("030_cv-ubnd", "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
    ("030_cv-ubnd", "Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("030_cv-ubnd", "Bộ Tài chính", "Bộ Tài chính"),
    ("030_cv-ubnd", "UBND cấp xã", "Ủy ban nhân dân cấp xã"),
    ("030_cv-ubnd", "Hội đồng nhân dân cấp tỉnh", "Hội đồng nhân dân cấp tỉnh"),
    ("001_9adf", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
]


@pytest.mark.parametrize(("document", "written", "name"), ORGANISATIONS)
def test_organisation(extract_corpus, document, written, name):
    record = extract_corpus(document)
    found = [o for o in record.organisations if o.name == name]
    assert found, sorted(o.name for o in record.organisations)
    assert record.text[found[0].start : found[0].end] == found[0].text == written


def test_gia_lai_2021_is_the_old_province(extract_corpus):
    """002 (Chỉ thị 14/CT-UBND, Gia Lai, 23/12/2021): the 63-province Gia Lai, code 64."""
    record = extract_corpus("002_b2209b564e01dc84")
    gia_lai = next(p for p in record.places if p.name.endswith("Gia Lai"))
    assert (gia_lai.code, gia_lai.system) == ("64", "63")
    assert (gia_lai.successor_code, gia_lai.successor) == ("52", "Tỉnh Gia Lai")
    assert record.text[gia_lai.start : gia_lai.end] == gia_lai.text


def test_gia_lai_2025_is_the_merged_province():
    """After 1 July 2025 Gia Lai is the merged unit (old Gia Lai + Bình Định), code 52."""
    assert places.province("Gia Lai", "2025-08-01").code == "52"
    assert places.province("Bình Định", "2021-12-23").code == "52" or places.successor(
        places.province("Bình Định", "2021-12-23")
    ).code == "52"


def test_lam_dong_places_link_to_2025_unit(extract_corpus):
    record = extract_corpus("030_cv-ubnd")
    lam_dong = [p for p in record.places if p.name.endswith("Lâm Đồng")]
    assert lam_dong and lam_dong[0].system == "34" and lam_dong[0].successor_code == lam_dong[0].code
