"""OCR on scans made here from corpus texts (tests/scans.py) and on the real scans of the
shared corpus: the text read back, the header in reading order, the record's fields, a PDF
mixing text pages and a scanned page, multi-page TIFF, --ocr modes and the time limit."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pipeline import ocr
from pipeline.batch import extract_file
from pipeline.cli import main
from pipeline.extract import extract_text
from pipeline.ingest import IngestError, read_source
from tests.conftest import ROOT, SEEDS, SHARED
from tests.scans import FONTS, character_error_rate, render

MISSING = ocr.unavailable()
needs_tesseract = pytest.mark.skipif(
    MISSING is not None, reason=f"OCR tests need Tesseract with Vietnamese data: {MISSING}"
)
CHI_THI = SEEDS / "002_b2209b564e01dc84.txt"
KE_HOACH = SEEDS / "003_40dd8128047d9a3b.txt"
FIELDS = ("kind", "doc_type", "number", "issuer", "issue_date", "place", "title", "signer")


def _short_plan() -> str:
    """Kế hoạch 53/KH-UBND of corpus/seeds cut to two pages: its header, the first part of
    its body, and its closing (recipients and signer)."""
    text = read_source(KE_HOACH).text
    return text[: text.index("II. NỘI DUNG")] + text[text.index("Trên đây là") :]


@pytest.fixture(scope="module")
def chi_thi_page(tmp_path_factory):
    """The first page of Chỉ thị 14/CT-UBND drawn at 300 dpi, as a PNG, and what it shows."""
    scan = render(read_source(CHI_THI).text, max_pages=1)
    path = tmp_path_factory.mktemp("scan") / "chi-thi.png"
    scan.pages[0].save(path, dpi=(300, 300))
    return path, scan.text


@pytest.fixture(scope="module")
def chi_thi_header(chi_thi_page):
    """The top of that page alone, as a JPEG: its header, a quick read."""
    from PIL import Image

    path, _ = chi_thi_page
    with Image.open(path) as page:
        header = page.crop((0, 0, page.width, page.height // 4))
    upload = path.with_name("chi-thi-header.jpg")
    header.save(upload, quality=90)
    return upload


@needs_tesseract
def test_a_scanned_page_reads_back_with_its_header_in_reading_order(chi_thi_page):
    path, shown = chi_thi_page
    source = read_source(path)
    assert source.format == "image"
    assert character_error_rate(source.text, shown) < 0.02
    # the issuing body's column (issuer, number) before the national motto's (motto, date)
    order = [source.text.index(part) for part in ("ỦY BAN NHÂN DÂN", "Số: 14/CT-UBND", "CỘNG HÒA", "Gia Lai, ngày")]
    assert order == sorted(order)
    assert [w.code for w in source.warnings] == ["ocr"]
    assert "page 1 of 1 read by OCR" in source.warnings[0].message
    record = extract_text(source.text)
    assert (record.number, record.issue_date, record.doc_type) == ("14/CT-UBND", "2021-12-23", "Chỉ thị")


@needs_tesseract
@pytest.mark.parametrize("poor", [{"skew": 2.0}, {"noise": 0.02, "dpi": 200}], ids=["skewed", "noisy"])
def test_poor_scans_give_the_fields_of_the_text(tmp_path, poor):
    text = _short_plan()
    scan = render(text, **poor)
    assert len(scan.pages) == 2
    path = tmp_path / "plan.tif"
    # a multi-page TIFF, compressed as scanners write them
    scan.pages[0].save(path, save_all=True, append_images=scan.pages[1:], compression="tiff_lzw")
    record = extract_file(path)
    assert record.format == "image"
    assert character_error_rate(record.text, scan.text) < 0.03
    assert "pages 1-2 of 2 read by OCR" in record.warnings[0].message
    expected = extract_text(text)
    assert expected.number == "53/KH-UBND" and expected.signer.name == "Lê Đức Thanh"
    assert {f: getattr(record, f) for f in FIELDS} == {f: getattr(expected, f) for f in FIELDS}


def _text_pages_pdf(lines: list[str]):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=str(FONTS / "DejaVuSerif.ttf"))
    pdf.set_font("DejaVu", size=12)
    pdf.add_page()
    for line in lines:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return pdf


@needs_tesseract
def test_a_pdf_of_text_pages_and_a_scanned_signed_page_gives_one_record(tmp_path):
    """The first pages have a text layer; the last, signed, page is a scan: the record holds
    both, the signer read by OCR."""
    text = _short_plan()
    closing = text.index("Trên đây là")
    pdf = _text_pages_pdf(text[:closing].splitlines())
    signed = render(text[closing:]).pages[0]  # the closing alone, as a page of its own
    image = tmp_path / "signed.png"
    signed.save(image)
    pdf.add_page()
    pdf.image(str(image), x=0, y=0, w=pdf.w, h=pdf.h)
    path = tmp_path / "ke-hoach.pdf"
    pdf.output(str(path))

    record = extract_file(path)
    assert record.format == "pdf"
    assert "Số: 53 /KH-UBND" in record.text  # from the text layer
    assert record.signer.name == "Lê Đức Thanh"  # from the scanned page
    assert record.number == "53/KH-UBND"
    pages = pdf.pages_count
    assert [w.code for w in record.warnings] == ["ocr"]
    assert f"page {pages} of {pages} read by OCR" in record.warnings[0].message

    unread = extract_file(path, ocr="never")  # the text pages alone, and a warning saying so
    assert unread.number == "53/KH-UBND" and unread.signer is None
    assert [w.code for w in unread.warnings] == ["no_text_layer"]
    assert "OCR is off" in unread.warnings[0].message


@needs_tesseract
def test_ocr_always_reads_pages_that_have_a_text_layer(tmp_path):
    text = _short_plan()
    header = text[: text.index("Nhằm phát huy")]
    path = tmp_path / "header.pdf"
    _text_pages_pdf(header.splitlines()).output(str(path))
    layer, everything = extract_file(path), extract_file(path, ocr="always")
    assert layer.warnings == [] and "page 1 of 1 read by OCR" in everything.warnings[0].message
    assert character_error_rate(everything.text, layer.text) < 0.02
    assert (everything.number, everything.issue_date) == (layer.number, layer.issue_date) == ("53/KH-UBND", "2023-02-13")


@needs_tesseract
def test_ocr_modes_reach_the_worker_processes(tmp_path, chi_thi_header):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "chi-thi.jpg").write_bytes(chi_thi_header.read_bytes())
    out = tmp_path / "out"
    assert main(["extract", str(folder), "-o", str(out), "--quiet", "--ocr", "never", "--jobs", "2"]) == 1
    error = json.loads((out / "errors.jsonl").read_text(encoding="utf-8"))
    assert "needs OCR, but OCR is off (--ocr never)" in error["error"]
    assert main(["extract", str(folder), "-o", str(out), "--quiet", "--fresh", "--jobs", "2"]) == 0
    record = json.loads((out / "documents.jsonl").read_text(encoding="utf-8"))
    assert (record["number"], record["format"]) == ("14/CT-UBND", "image")
    assert record["warnings"][0]["code"] == "ocr"


@needs_tesseract
def test_ocr_stops_at_the_time_limit_page_by_page(tmp_path):
    scan = render(_short_plan())
    path = tmp_path / "plan.tif"
    scan.pages[0].save(path, save_all=True, append_images=scan.pages[1:] * 3, compression="tiff_lzw")
    row = extract_file(path, timeout=0.5)
    assert row.error.startswith("extraction took longer than the time limit of 0.5 s")
    assert "of the 4 pages to read when time ran out" in row.error


@needs_tesseract
def test_a_blank_scan_is_an_error_row(tmp_path):
    from PIL import Image

    path = tmp_path / "blank.png"
    Image.new("L", (1240, 1754), 255).save(path)
    with pytest.raises(IngestError, match="OCR found no text"):
        read_source(path)


def test_without_tesseract_the_error_says_how_to_install_it(tmp_path, chi_thi_page):
    """A child process whose PATH holds no Tesseract, as on a machine without it."""
    path, _ = chi_thi_page
    script = "from pipeline.batch import extract_file; import sys; print(extract_file(sys.argv[1]).error)"
    env = {**os.environ, "PATH": str(tmp_path), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script, str(path)], env=env, capture_output=True, text=True, check=True)
    assert "needs OCR, but Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)" in result.stdout


REAL_SCAN = SHARED / "scanned" / "509_other-2507-ubnd-sudung-vlncn-toonggia-2026.pdf"


@needs_tesseract
@pytest.mark.skipif(not REAL_SCAN.exists(), reason=f"shared corpus scan not found at {REAL_SCAN}")
def test_a_real_scan_gives_its_header_fields():
    """Giấy phép 2507/GP-UBND of Lào Cai, a two-page scan without a text layer."""
    record = extract_file(REAL_SCAN)
    order = [record.text.index(part) for part in ("ỦY BAN NHÂN DÂN", "Số: 2507/GP-UBND", "CỘNG HÒA", "Lào Cai, ngày")]
    assert order == sorted(order)
    assert (record.number, record.issue_date, record.place) == ("2507/GP-UBND", "2026-07-21", "Lào Cai")
    assert "pages 1-2 of 2 read by OCR" in record.warnings[0].message



@needs_tesseract
def test_the_api_reads_an_uploaded_scan_as_the_ocr_parameter_says(chi_thi_header):
    from fastapi.testclient import TestClient

    from pipeline.api import create_app

    upload = chi_thi_header
    client = TestClient(create_app(token="t"), headers={"Authorization": "Bearer t"})

    def post(query: str):
        with upload.open("rb") as handle:
            return client.post(f"/extract{query}", files={"file": ("chi-thi.jpg", handle, "image/jpeg")})

    refused = post("?ocr=never")
    assert refused.status_code == 422 and "needs OCR" in refused.json()["error"]
    assert post("?ocr=sometimes").status_code == 422
    response = post("")
    assert response.status_code == 200
    record = response.json()
    assert (record["number"], record["format"], record["warnings"][0]["code"]) == ("14/CT-UBND", "image", "ocr")
