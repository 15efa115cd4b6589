"""A hostile archive: 100 real documents mixed with 50 broken files. Nothing crashes the
batch and nothing is lost: the output has exactly one entry per input."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import DOCUMENTS, SEEDS


def _real_documents() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    if DOCUMENTS.exists():
        paths += sorted(DOCUMENTS.glob("*.txt"))
    return paths


def _pdf_without_text() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 150, 200, style="F")
    return bytes(pdf.output())


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("QUYẾT ĐỊNH về việc thành lập Tổ công tác")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# kind → (how many, how to make one, words the error must contain)
def _broken_kinds():
    docx_bytes = _docx_bytes()
    scan = _pdf_without_text()
    return {
        "empty": (7, lambda i: b"", "empty"),
        "whitespace": (3, lambda i: b" \n\t \r\n" * (i + 1), "empty"),
        "binary": (6, lambda i: os.urandom(2048) + b"\x00" * 64, "binary"),
        "truncated-pdf": (5, lambda i: b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<< /Type /Catalog" + b"x" * i, "PDF"),
        "truncated-docx": (5, lambda i: docx_bytes[: 200 + 100 * i], "DOCX"),
        "scan-pdf": (5, lambda i: scan, "no text layer"),  # OCR finds none, or is not installed
        "text-named-pdf": (4, lambda i: "Văn bản thường".encode() * (i + 1), "PDF"),
        "text-named-docx": (4, lambda i: "Văn bản thường".encode() * (i + 1), "DOCX"),
        "undecodable": (4, lambda i: bytes(range(0x80, 0x100)) * 40 + b"\x81\x8d\x8f\x90\x9d" * 200, "encoding"),
        "empty-html": (3, lambda i: b"<html><body><nav>menu</nav><script>x()</script></body></html>", "HTML"),
        "vanished": (3, None, "not found"),
        "oversized": (1, lambda i: b"a " * (9 * 1024 * 1024), "too large"),
    }


SUFFIX = {"truncated-pdf": ".pdf", "scan-pdf": ".pdf", "text-named-pdf": ".pdf", "truncated-docx": ".docx",
          "text-named-docx": ".docx", "empty-html": ".html"}


def test_hostile_archive_loses_nothing(tmp_path):
    real = _real_documents()
    archive = tmp_path / "archive"
    archive.mkdir()
    for i in range(100):
        source = real[i % len(real)]
        shutil.copy(source, archive / f"real{i:03d}_{source.stem[:20]}.txt")
    expected_reasons = {}
    made = 0
    for kind, (count, make, reason) in _broken_kinds().items():
        for i in range(count):
            path = archive / f"broken_{kind}_{i}{SUFFIX.get(kind, '.txt')}"
            if make is None:  # a dangling link: the file vanished between listing and reading
                path.symlink_to(tmp_path / f"gone_{i}.txt")
            else:
                path.write_bytes(make(i))
            expected_reasons[path.stem] = reason
            made += 1
    assert made == 50
    out = tmp_path / "out"
    exit_code = main(["extract", str(archive), "-o", str(out), "--quiet"])
    assert exit_code == 1  # errors occurred, and the exit code says so
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in records] + [e["id"] for e in errors]
    assert len(ids) == len(set(ids)) == 150
    assert len(records) == 100
    reasons = {e["id"]: e["error"] for e in errors}
    assert set(reasons) == set(expected_reasons)
    for doc_id, reason in expected_reasons.items():
        assert reason.lower() in reasons[doc_id].lower(), (doc_id, reasons[doc_id])


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not stop root")
def test_unreadable_file_is_an_error_row(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("Số: 1/QĐ-UBND", encoding="utf-8")
    locked.chmod(0)
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path), "-o", str(out), "--quiet"]) == 1
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors[0]["error"] == "permission denied"


def test_a_file_name_with_line_breaks_stays_on_one_line(tmp_path):
    """A name holding characters that str.splitlines breaks on (U+2028, NEL, form feed) is
    written into the record's source and the error row's: each stays one JSON line."""
    seed = sorted(SEEDS.glob("*.txt"))[0]
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "chi-thi\u2028so-14.txt").write_bytes(seed.read_bytes())
    (inputs / "trong\x85\x0c.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out), "--quiet"]) == 1  # the empty one
    for name, count in (("documents.jsonl", 1), ("errors.jsonl", 1)):
        lines = (out / name).read_text(encoding="utf-8").splitlines()
        assert len(lines) == count, name
        assert json.loads(lines[0])["source"].startswith(str(inputs))
