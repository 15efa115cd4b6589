"""Legacy font encodings (TCVN3/ABC, VNI) and mixed Unicode forms, on strings whose
conversion is known."""

from __future__ import annotations

import unicodedata

import pytest

from pipeline.ingest import read_source
from pipeline.legacy import detect, to_unicode
from pipeline.normalize import normalize

# (Unicode, TCVN3 as its bytes read in Latin-1, VNI as its bytes read in Latin-1)
KNOWN = [
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Céng hßa x· héi chñ nghÜa ViÖt Nam", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
    ("Độc lập - Tự do - Hạnh phúc", "§éc lËp - Tù do - H¹nh phóc", "Ñoäc laäp - Töï do - Haïnh phuùc"),
    ("Ủy ban nhân dân tỉnh", "Uû ban nh©n d©n tØnh", "UÛy ban nhaân daân tænh"),
    ("Quyết định về việc ban hành", "QuyÕt ®Þnh vÒ viÖc ban hµnh", "Quyeát ñònh veà vieäc ban haønh"),
    ("Sở Tư pháp, Bộ Nội vụ", "Së T­ ph¸p, Bé Néi vô", "Sôû Tö phaùp, Boä Noäi vuï"),
]


def test_detection_over_a_document():
    # detection counts marker characters over the text, as a document has many lines
    assert detect("\n".join(k[1] for k in KNOWN)) == "tcvn3"
    assert detect("\n".join(k[2] for k in KNOWN)) == "vni"


@pytest.mark.parametrize(("unicode_text", "tcvn3", "vni"), KNOWN, ids=[k[0][:20] for k in KNOWN])
def test_known_conversions(unicode_text, tcvn3, vni):
    # each line carried by a document that is recognisably legacy-encoded
    tcvn3_document = "\n".join([tcvn3, *(k[1] for k in KNOWN)])
    vni_document = "\n".join([vni, *(k[2] for k in KNOWN)])
    assert normalize(tcvn3_document).text.splitlines()[0] == unicode_text
    assert normalize(vni_document).text.splitlines()[0] == unicode_text


def test_unicode_text_is_left_alone():
    text = "Cộng hòa xã hội chủ nghĩa Việt Nam. Số: 14/CT-UBND. Nguyễn Thị Ánh, Phó Giám đốc Sở Y tế."
    assert detect(text * 10) is None
    assert to_unicode(text) == text


@pytest.mark.parametrize(("encoding", "sample"), [("tcvn3", KNOWN[0][1]), ("vni", KNOWN[0][2])])
def test_legacy_bytes_in_a_file(tmp_path, encoding, sample):
    path = tmp_path / "old.txt"
    body = "\n".join(k[1 if encoding == "tcvn3" else 2] for k in KNOWN)
    path.write_bytes(body.encode("latin-1"))
    source = read_source(path)
    assert source.encoding == encoding
    text = normalize(source.text)
    assert text.text.splitlines()[0] == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    # spans of the converted text map back to the legacy original
    start = text.text.index("Việt Nam")
    a, b = text.to_original(start, start + len("Việt Nam"))
    assert source.text[a:b] == sample[sample.index("Vi"):]


def test_mixed_nfc_and_nfd_in_one_text():
    nfd = unicodedata.normalize("NFD", "Thủ tướng Chính phủ")
    text = normalize("Căn cứ Quyết định của " + nfd + " và của Thủ tướng Chính phủ").text
    assert text.count("Thủ tướng Chính phủ") == 2
    assert unicodedata.is_normalized("NFC", text)


def test_extraction_from_a_vni_document():
    from pipeline.extract import extract_text

    unicode_header = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 05 tháng 3 năm 2004\nQUYẾT ĐỊNH\nVề việc thành lập Hội đồng"
    )
    from extractors.data import table as load_table

    to_vni = {row["unicode"]: row["vni"] for row in load_table("legacy_encodings.tsv")}
    vni = "".join(to_vni.get(c, c) for c in unicodedata.normalize("NFC", unicode_header))
    record = extract_text(vni)
    assert record.number == "12/QĐ-UBND"
    assert record.issuer == "Ủy ban nhân dân tỉnh Lâm Đồng"
    assert record.issue_date == "2004-03-05"
