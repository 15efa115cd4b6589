"""Word 97-2003 (.doc) and RTF files: converted by LibreOffice, they give the record of the
DOCX of the same document; the real .doc files of the shared corpus keep their Vietnamese."""

from __future__ import annotations

import os
import subprocess
import sys

import docx
import pytest

from pipeline import office
from pipeline.batch import extract_file
from pipeline.ingest import read_source
from tests.conftest import ROOT, SEEDS, SHARED

needs_libreoffice = pytest.mark.skipif(
    office.soffice() is None, reason=f"the .doc tests need LibreOffice ({office.INSTALL_HINT})"
)
WORD97 = SHARED / "word97"


def _chi_thi_docx(path):
    """Chỉ thị 14/CT-UBND of corpus/seeds as an official would type it in Word: the header in
    a two-column table without borders, then the body's paragraphs."""
    lines = read_source(SEEDS / "002_b2209b564e01dc84.txt").text.splitlines()
    body = lines[lines.index("CHỈ THỊ") :]
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = "Số: 14/CT-UBND"
    table.cell(1, 1).text = "Gia Lai, ngày 23 tháng 12 năm 2021"
    for line in body:
        if line.strip(" |"):
            document.add_paragraph(line.strip(" |"))
    document.save(path)


def _convert(path, kind):
    """``path`` converted by LibreOffice into the format ``kind`` ("doc", "rtf"), beside it."""
    profile = (path.parent / "profile").as_uri()
    subprocess.run(
        [office.soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", kind,
         "--outdir", str(path.parent), str(path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return path.with_suffix(f".{kind}")


@needs_libreoffice
@pytest.mark.parametrize("kind", ["doc", "rtf"])
def test_a_doc_gives_the_record_of_its_docx(tmp_path, kind):
    original = tmp_path / "chi-thi.docx"
    _chi_thi_docx(original)
    legacy = _convert(original, kind)
    assert legacy.read_bytes()[:8] == (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" if kind == "doc" else b"{\\rtf1\\a")
    from_docx = extract_file(original)
    from_legacy = extract_file(legacy)
    assert from_legacy.format == kind
    assert from_docx.number == "14/CT-UBND" and from_docx.issuer == "Ủy ban nhân dân tỉnh Gia Lai"
    ignore = {"format", "source"}
    assert from_legacy.model_dump(exclude=ignore) == from_docx.model_dump(exclude=ignore)


# each real .doc of the shared corpus: its issuer and date as SOURCES.tsv describes them (drafts:
# the number and the day are left blank)
REAL = {
    "600_cv-bosung-hoso-xuyenbiengioi.doc": ("Cục Hóa chất", "2025-05", "Vương Thành Chung"),
    "601_cv-thamgia-ykien-tkcs-2019.doc": ("Sở Công thương tỉnh Lào Cai", "2019-05", "Phan Văn Cương"),
    "602_cv-tuchoi-tkbvtc-langlanh.doc": ("Sở Công thương tỉnh Lào Cai", "2025-11", "Hoàng Văn Thuân"),
    "604_tb-giaithe-06-hoi-binhthuan.doc": ("Ủy ban nhân dân tỉnh Bình Thuận", "2024-12", "Nguyễn Minh"),
}


@needs_libreoffice
@pytest.mark.skipif(not WORD97.exists(), reason=f"shared corpus not found at {WORD97}")
@pytest.mark.parametrize("name", sorted(REAL))
def test_real_word97_files(name):
    record = extract_file(WORD97 / name)
    assert record.format == "doc"
    assert (record.issuer, record.issue_date, record.signer.name) == REAL[name]
    assert record.text.startswith(("UBND TỈNH", "BỘ CÔNG THƯƠNG", "ỦY BAN NHÂN DÂN"))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in record.text and "\ufffd" not in record.text


@needs_libreoffice
def test_a_damaged_doc_is_an_error_row(tmp_path):
    """Not read as plain text by LibreOffice's fallback: the Word 97 import filter is named."""
    path = tmp_path / "damaged.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Văn bản hỏng".encode() * 40)
    row = extract_file(path)
    assert row.error.startswith("unreadable Word 97-2003 file: LibreOffice could not convert it")


def test_without_libreoffice_the_error_says_how_to_install_it(tmp_path):
    """A child process whose PATH holds no LibreOffice, as on a machine without it."""
    path = tmp_path / "letter.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    script = "from pipeline.batch import extract_file; import sys; print(extract_file(sys.argv[1]).error)"
    env = {**os.environ, "PATH": str(tmp_path), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script, str(path)], env=env, capture_output=True, text=True, check=True)
    assert "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)" in result.stdout
