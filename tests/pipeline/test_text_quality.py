"""Text quality on records: the score and warnings of real documents, damaged texts read by
their layout with no garbage in their fields, and quality in the DuckDB file and the report."""

from __future__ import annotations

import json

import pytest

from extractors.models import TextWarning
from pipeline.cli import main
from pipeline.extract import extract_text
from pipeline.ingest import read_source
from pipeline.store import query
from tests.conftest import SEEDS, corpus_path, corpus_text
from tests.pipeline.test_legacy_encodings import KNOWN

DAMAGED = ("057_bienban-snv-hoi-aihuu-ocr-lamdong-2025", "066_ocr-vbhn-46-bqp-letang-2026")
FIELDS = ("doc_type", "number", "issuer", "issue_date", "place", "title", "signer")


def _codes(record):
    return [warning.code for warning in record.warnings]


@pytest.mark.parametrize("name", DAMAGED)
def test_an_ocr_damaged_text_is_a_document_with_no_garbage_in_its_fields(extract_corpus, name):
    record = extract_corpus(name)
    assert record.kind == "document"  # 057 read as a news article before: its layout is a biên bản's
    assert "damaged_text" in _codes(record) and "no_header" in _codes(record)
    # its header is OCR garbage ("UBND rNs lAu DoNG", "CÔNG VĂN ĐẾN H_kbs- li hà", "VĂN PHÒNG
    # CHÍNH PHÙ" of a receipt stamp): no field holds it
    assert {field: getattr(record, field) for field in FIELDS} == dict.fromkeys(FIELDS)
    assert record.recipients == [] and record.evidence == {}


def test_a_badly_damaged_text_keeps_no_item_whose_words_do_not_read(extract_corpus):
    record = extract_corpus(DAMAGED[0])
    assert record.quality is not None and record.quality < 0.5
    assert not record.people and not record.statistics  # "Ong TrAn Nggc XuAn", ...


def test_the_items_of_a_noisy_but_readable_text_stay(extract_corpus):
    record = extract_corpus(DAMAGED[1])
    assert record.quality is not None and record.quality > 0.9
    assert any(ref.number == "86/2016/TT-BQP" for ref in record.legal_refs)


@pytest.mark.parametrize("name", ["002_b2209b564e01dc84", "116_cv-giamsat-vlncn", "118_cv-7432", "246_cv-sxd"])
def test_a_clean_text_has_a_high_score_and_no_warning(extract_corpus, name):
    # 116, 118 and 246 are OCR text layers too, done well by their publisher
    record = extract_corpus(name)
    assert record.quality is not None and record.quality >= 0.97
    assert record.warnings == []


def test_a_document_without_its_header_says_so(extract_corpus):
    # "QUIRK: issuer header and number missing (starts at title)" (archive/SOURCES.tsv)
    record = extract_corpus("133_tb-kl-ttg")
    assert record.kind == "document" and record.doc_type == "Thông báo"
    assert _codes(record) == ["no_header"]


def test_glued_words_are_counted_in_a_warning(extract_corpus):
    record = extract_corpus("242_other-tonghop")
    (warning,) = record.warnings
    assert warning.code == "glued_words_repaired" and warning.message.startswith("21 glued words")
    assert "Khoa học và Thống nhất" in record.text


def test_a_legacy_encoded_file_says_it_was_converted(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("\n".join(row[1] for row in KNOWN).encode("latin-1"))
    source = read_source(path)
    record = extract_text(source.text, warnings=source.warnings)
    assert record.text.startswith("Cộng hòa xã hội chủ nghĩa Việt Nam")
    assert [w.code for w in record.warnings if w.code == "legacy_encoding"] == ["legacy_encoding"]
    assert "TCVN3" in record.warnings[0].message


def test_a_warning_the_input_gave_comes_first_and_is_not_repeated():
    given = [TextWarning(code="ocr", message="read by OCR"), TextWarning(code="no_header", message="from ingest")]
    record = extract_text(corpus_text("133_tb-kl-ttg"), warnings=given)
    assert record.warnings == given


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """An output folder of real documents: the seeds, two damaged texts, one without header."""
    out = tmp_path_factory.mktemp("out")
    inputs = [str(SEEDS), *(str(corpus_path(name)) for name in (*DAMAGED, "133_tb-kl-ttg"))]
    assert main(["extract", *inputs, "-o", str(out), "--quiet"]) == 0
    return out


def test_the_database_has_quality_bands_and_the_documents_to_review(archive):
    bands = query(archive, "SELECT band, documents FROM quality_bands").values.tolist()
    assert bands == [["good", 6], ["fair", 1], ["poor", 1]]  # 066 is damaged (OCR noise) but reads
    review = query(archive, "SELECT document_id, band, reasons FROM review_by_hand")
    assert review.document_id.tolist() == [DAMAGED[0], DAMAGED[1], "133_tb-kl-ttg-khacphuc-lu-namtrungbo-2025"]
    assert list(review.reasons[0]) == ["damaged_text", "no_header"] and list(review.reasons[2]) == ["no_header"]
    quality = query(archive, "SELECT quality FROM documents WHERE document_id = '002_b2209b564e01dc84'")
    assert quality.quality[0] >= 0.97
    warnings = query(archive, "SELECT document_id, code FROM document_warnings WHERE code = 'damaged_text'")
    assert sorted(warnings.document_id) == list(DAMAGED)


def test_the_report_shows_quality_bands_and_the_documents_to_review(archive, tmp_path):
    page = tmp_path / "report.html"
    assert main(["report", str(archive), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    bands = html[html.index("<h2>Text quality") : html.index("<h2>To look at by hand")]
    assert "<td>poor</td>" in bands and "<td>fair</td>" in bands
    review = html[html.index("<h2>To look at by hand") : html.index("<h2>Documents")]
    assert all(name in review for name in (*DAMAGED, "133_tb-kl-ttg"))
    assert "002_b2209b564e01dc84" not in review
    assert "<b>damaged_text</b>" in review


def test_records_carry_quality_in_the_contract_files(archive):
    rows = [json.loads(line) for line in (archive / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(0 <= row["quality"] <= 1 for row in rows)
    damaged = next(row for row in rows if row["id"] == DAMAGED[0])
    assert {w["code"] for w in damaged["warnings"]} == {"damaged_text", "no_header"}
