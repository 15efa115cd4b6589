"""One agency's obligations from a real archive: ``vanban obligations`` and ``GET /obligations``.

The archive is three real documents: two of Lâm Đồng (2025) and one of Bình Thuận (2024), the
province that joined Lâm Đồng on 1 July 2025.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from pipeline.cli import main
from tests.conftest import corpus_path, served

DOCUMENTS = ("030_cv-ubnd-lamdong", "043_bc-mohinh", "048_tt-3367")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    inputs = tmp_path_factory.mktemp("in")
    for name in DOCUMENTS:
        path = corpus_path(name)
        (inputs / path.name).write_bytes(path.read_bytes())
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(inputs), "-o", str(out), "--quiet", "-j", "1"]) == 0
    return out


def _json(capsys, *args: str) -> list[dict]:
    assert main(["obligations", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_body_is_named_as_a_document_of_its_province_would_name_it(archive, capsys):
    rows = _json(capsys, "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive), "--as-of", "2025-06-01")
    assert rows and {r["agency"] for r in rows} == {"Sở Nội vụ tỉnh Lâm Đồng"}
    # who gave the work: the issuer of its document, a body of the province too
    assert all(r["issuing_body"].endswith("tỉnh Lâm Đồng") for r in rows)
    assert all(r["document_id"] and r["source"] for r in rows)
    # the abbreviation of the office, and the same body however it is written
    office = _json(capsys, "--agency", "VP UBND tỉnh", "--place", "Lâm Đồng", "--db", str(archive))
    assert office and {r["agency"] for r in office} == {"Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng"}


def test_after_the_merger_the_body_carries_the_work_of_the_one_it_absorbed(archive, capsys):
    before = _json(capsys, "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive), "--as-of", "2025-06-01")
    after = _json(capsys, "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive), "--as-of", "2026-01-01")
    absorbed = [r for r in after if r["agency"] == "Sở Nội vụ tỉnh Bình Thuận"]
    assert absorbed and len(after) == len(before) + len(absorbed)
    assert {r["place"] for r in absorbed} == {"Bình Thuận"}


def test_open_keeps_what_is_still_to_do_on_the_date(archive, capsys):
    every = _json(capsys, "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive), "--as-of", "2025-10-01")
    still = _json(capsys, "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive), "--as-of", "2025-10-01", "--open")
    past = [r for r in every if r["due"] and r["due"][:10] < "2025-10-01" and not r["recurrence"]]
    assert past, "the archive has a deadline of the Sở Nội vụ before October 2025"
    assert len(still) == len(every) - len(past)
    assert all(r["open"] for r in still)


def test_groups_come_apart_and_only_when_asked(archive, capsys):
    alone = _json(capsys, "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive))
    with_groups = _json(capsys, "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive), "--groups")
    groups = [r for r in with_groups if r["via_group"]]
    assert not any(r["via_group"] for r in alone) and groups
    assert all("sở" in r["via_group"].lower() for r in groups)
    assert with_groups[: len(alone)] == alone  # the body's own obligations first


def test_without_a_place_every_province_answers(archive, capsys):
    rows = _json(capsys, "--agency", "Sở Nội vụ", "--db", str(archive), "--as-of", "2025-06-01")
    assert {r["agency"] for r in rows} == {"Sở Nội vụ tỉnh Lâm Đồng", "Sở Nội vụ tỉnh Bình Thuận"}


def test_table_and_csv(archive, capsys):
    assert main(["obligations", "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive)]) == 0
    table = capsys.readouterr().out
    assert "Sở Nội vụ tỉnh Lâm Đồng" in table and "obligations" in table
    assert main(["obligations", "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {"due", "deadline", "agency", "action", "issuing_body", "document", "document_id"} <= set(rows[0])


@pytest.fixture(scope="module")
def server(archive):
    """``vanban serve --db`` over the archive, in a subprocess on loopback."""
    with served(["--db", str(archive)]) as client:
        yield client


def test_the_api_answers_the_same_query(server, archive, capsys):
    params = {"agency": "Sở Nội vụ", "place": "Lâm Đồng", "as_of": "2026-01-01", "open": "true"}
    answer = server.get("/obligations", params=params)
    assert answer.status_code == 200
    body = answer.json()
    assert body["agency"] == "Sở Nội vụ tỉnh Lâm Đồng" and body["as_of"] == "2026-01-01"
    printed = _json(capsys, "--agency", "Sở Nội vụ", "--place", "Lâm Đồng", "--db", str(archive), "--as-of", "2026-01-01", "--open")
    assert body["obligations"] == printed
    refused = server.get("/obligations", params={"agency": "Sở Nội vụ", "as_of": "1/1/2026"})
    assert refused.status_code == 422 and "as_of" in refused.json()["error"]
