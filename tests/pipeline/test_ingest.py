"""Ingest: real files of every supported format, made by the test, and the ones that fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import IngestError, iter_inputs, read_source

HEADER = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 12/KH-UBND\nLâm Đồng, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nVề cải cách hành chính"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le")],
)
def test_text_encodings(tmp_path, encoding, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(HEADER.encode(encoding))
    source = read_source(path)
    assert source.text.lstrip("\ufeff") == HEADER
    assert source.encoding == expected


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: vowels with their hat/breve/horn precomposed, the tone
    as a combining mark after them (e.g. "ệ" = "ê" + U+0323)."""
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            tone = "".join(c for c in parts if c in tones)
            out.append((base + tone).encode("cp1258"))
    return b"".join(out)


def test_windows_1258_with_combining_tone_marks(tmp_path):
    path = tmp_path / "legacy.txt"
    text = "Số: 12/KH-UBND. Kế hoạch cải cách hành chính tỉnh Lâm Đồng năm 2024 " * 5
    path.write_bytes(_cp1258(text))
    source = read_source(path)
    assert source.encoding == "cp1258"
    from pipeline.normalize import normalize

    assert normalize(source.text).text.startswith("Số: 12/KH-UBND. Kế hoạch cải cách hành chính tỉnh Lâm Đồng")


def test_html_article_without_site_chrome(tmp_path):
    page = """<html><head><title>Triển khai quy chế dân chủ</title></head><body>
    <nav class="menu"><a>Trang chủ</a><a>Tin tức</a></nav>
    <div class="toolbar">Print E-mail</div>
    <article><h1>Triển khai quy chế dân chủ</h1><p>08:28 | 06/02/2021</p>
    <p>Thực hiện <b>Kế hoạch số 02-KH/BCĐ.QCDC</b> ngày 17/01/2021 của Ban chỉ đạo.</p></article>
    <div id="comments"><h3>Ý kiến bạn đọc</h3><form><textarea></textarea></form></div>
    <footer>Bản quyền thuộc về ...</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    source = read_source(path)
    assert source.format == "html"
    assert "Thực hiện Kế hoạch số 02-KH/BCĐ.QCDC ngày 17/01/2021 của Ban chỉ đạo." in source.text
    for chrome in ("Trang chủ", "Print", "Ý kiến bạn đọc", "Bản quyền"):
        assert chrome not in source.text


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2026")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    source = read_source(path)
    assert source.format == "docx"
    assert source.text.splitlines()[0] == (
        "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"
    )
    assert source.text.splitlines()[1:] == ["KẾ HOẠCH", "Cải cách hành chính năm 2026"]


@pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans.ttf (Debian fonts-dejavu-core) is needed to write Vietnamese into a PDF")
def test_pdf_text_layer(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(FONT))
    pdf.set_font("DejaVu", size=11)
    for line in HEADER.splitlines():
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    source = read_source(path)
    assert source.format == "pdf"
    assert "Số: 12/KH-UBND" in source.text
    assert "Lâm Đồng, ngày 05 tháng 3 năm 2024" in source.text


def test_pdf_without_text_layer_needs_ocr(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")  # a page with a drawing and no text, as a scan
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(IngestError, match=r"no text layer \(scanned image\): needs OCR, but OCR is off"):
        read_source(path, ocr="never")
    # with OCR (when Tesseract is installed) the drawing holds no text either
    with pytest.raises(IngestError, match="no text layer"):
        read_source(path)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("truncated.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "PDF"),
        ("truncated.docx", b"PK\x03\x04\x14\x00\x00\x00broken", "DOCX"),
        ("renamed.docx", "Văn bản thường, không phải DOCX".encode(), "not a valid DOCX"),
    ],
)
def test_unreadable_inputs_say_why(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason):
        read_source(path)


def test_missing_file(tmp_path):
    with pytest.raises(IngestError, match="not found"):
        read_source(tmp_path / "gone.txt")


def test_folders_are_walked_recursively_without_gold_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.docx").write_bytes(b"x")
    (tmp_path / "a" / "one.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a" / ".hidden").write_text("x", encoding="utf-8")
    names = sorted(p.name for p in iter_inputs([tmp_path]))
    assert names == ["one.txt", "two.docx"]
