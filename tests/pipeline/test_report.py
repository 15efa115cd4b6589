"""The archive report and the document views: self-contained pages with the right content."""

from __future__ import annotations

import re

from pipeline.cli import main
from pipeline.store import write_output
from tests.conftest import SEEDS, corpus_path
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


def test_every_agency_has_a_page_with_its_obligations(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(corpus_path("030_cv-ubnd-lamdong")), str(corpus_path("043_bc-mohinh")), "-o", str(out), "--quiet"]) == 0
    page = tmp_path / "site" / "report.html"
    assert main(["report", str(out), "--html", str(page), "--today", "2025-08-15"]) == 0
    html = page.read_text(encoding="utf-8")
    agencies = html[html.index("Agencies with the most open obligations") : html.index("Upcoming deadlines")]
    singles, groups = agencies.split("Groups of agencies")
    assert "Sở Nội vụ tỉnh Lâm Đồng" in singles and "các sở, ban, ngành" not in singles
    assert "các sở, ban, ngành" in groups
    link = re.search(r"href='(report_docs/agencies/[0-9a-f]+\.html)'>Sở Nội vụ tỉnh Lâm Đồng<", html)
    assert link
    agency = (tmp_path / "site" / link.group(1)).read_text(encoding="utf-8")
    _no_external_resources(agency)
    assert "<svg" in agency and "<circle" in agency  # its dated obligations on a timeline
    assert "2025-08-31" in agency  # the deadline of August 2025 falls due at its end
    # by issuing body, each obligation linking to the view of its document
    assert "By issuing body" in agency and "Ban Chỉ đạo phát triển khoa học" in agency
    assert "href='../030_cv-ubnd-lamdong-chinhquyen2cap-2025.html'" in agency
    index = (tmp_path / "site" / "report_docs" / "agencies" / "index.html").read_text(encoding="utf-8")
    assert "Sở Nội vụ tỉnh Lâm Đồng" in index and "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng" in index


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
