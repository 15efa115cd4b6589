"""The archive report and the document views: self-contained pages with the right content."""

from __future__ import annotations

import re

from pipeline.cli import main
from pipeline.store import write_output
from tests.conftest import SEEDS
from tests.gold_records import gold_records


def _no_external_resources(page: str) -> None:
    assert not re.search(r"""(src|href)=['"]https?://""", page)
    assert "<script" not in page


def test_report_of_an_archive(tmp_path):
    out = tmp_path / "out"
    write_output(out, gold_records(SEEDS))
    page = tmp_path / "site" / "report.html"
    assert main(["report", str(out), "--html", str(page), "--today", "2021-03-01"]) == 0
    html = page.read_text(encoding="utf-8")
    _no_external_resources(html)
    assert "Most-cited instruments" in html
    # cited by two documents of the seeds: first in the ranking
    ranking = html[html.index("Most-cited instruments") : html.index("Agencies with")]
    assert ranking.index("Nghị định 04/2015/NĐ-CP") < ranking.index("Kết luận 120-KL/TW")
    assert "Ủy ban nhân dân các huyện, thị xã, thành phố" in html
    upcoming = html[html.index("Upcoming deadlines") : html.index("<h2>Documents")]
    assert "2021-05-15" in upcoming and "2022-11-15" in upcoming
    views = sorted((tmp_path / "site" / "report_docs").glob("*.html"))
    assert len(views) == 5
    assert "report_docs/002_b2209b564e01dc84.html" in html
    view = (tmp_path / "site" / "report_docs" / "002_b2209b564e01dc84.html").read_text(encoding="utf-8")
    _no_external_resources(view)
    assert "LEGAL_REF" in view and "Chỉ thị 16/CT-TTg" in view and "14/CT-UBND" in view


def test_report_with_empty_lists(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(SEEDS), "-o", str(out), "--quiet"]) == 0
    page = tmp_path / "report.html"
    assert main(["report", str(out), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "Chỉ thị" in html and "14/CT-UBND" in html


def test_show_renders_a_document_with_its_extractions(tmp_path):
    page = tmp_path / "show.html"
    assert main(["show", str(SEEDS / "003_40dd8128047d9a3b.txt"), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    _no_external_resources(html)
    for label in ("NUMBER", "ISSUER", "SIGNER", "RECIPIENT"):
        assert label in html
    assert "Lê Đức Thanh" in html and "53/KH-UBND" in html
