"""The HTTP API over real HTTP: a ``vanban serve`` process on loopback, called with httpx."""

from __future__ import annotations

import io
import zipfile

import httpx
import pytest

from pipeline import schema
from tests.conftest import SEEDS, served

TOKEN = "test-token-5f1c"
CHI_THI = SEEDS / "002_b2209b564e01dc84.txt"


@pytest.fixture(scope="module")
def server():
    """``vanban serve`` in a subprocess, the token given through $VANBAN_TOKEN."""
    with served([], env={"VANBAN_TOKEN": TOKEN}, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        yield client


def test_health_needs_no_token_and_version_and_schema_are_served(server):
    assert httpx.get(str(server.base_url).rstrip("/") + "/health").json() == {"status": "ok"}
    assert server.get("/version").json()["schema"] == schema.SCHEMA_ID
    assert server.get("/schema").json() == schema.generate()
    spec = server.get("/openapi.json").json()
    assert {"/extract", "/extract/batch", "/schema", "/health"} <= set(spec["paths"])
    assert "multipart/form-data" in spec["paths"]["/extract"]["post"]["requestBody"]["content"]


def test_every_call_but_health_needs_the_bearer_token(server):
    base = str(server.base_url).rstrip("/") + "/"
    for method, path in [("GET", "version"), ("GET", "schema"), ("GET", "openapi.json"), ("POST", "extract")]:
        response = httpx.request(method, base + path, json={"text": "x"})
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"
        assert "token" in response.json()["error"]
    wrong = httpx.get(base + "version", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_extract_json_text_gives_the_record_of_the_contract(server):
    response = server.post("/extract", json={"text": CHI_THI.read_text(encoding="utf-8"), "id": "chi-thi"})
    assert response.status_code == 200
    record = response.json()
    assert record["id"] == "chi-thi"
    assert record["number"] == "14/CT-UBND"
    assert record["issuer"] == "Ủy ban nhân dân tỉnh Gia Lai"
    assert set(schema.generate()["properties"]) == set(record)


def test_extract_plain_text_body_and_file_upload(server):
    text = CHI_THI.read_text(encoding="utf-8")
    plain = server.post("/extract", content=text.encode(), headers={"Content-Type": "text/plain; charset=utf-8"})
    assert plain.json()["number"] == "14/CT-UBND"
    upload = server.post("/extract", files={"file": ("../../etc/passwd.txt", text.encode(), "text/plain")})
    assert upload.status_code == 200
    record = upload.json()
    assert record["number"] == "14/CT-UBND"
    assert record["id"] == "passwd"  # only the last name component, never a path
    assert record["source"] == "upload:passwd.txt"


def test_docx_upload_is_read_from_memory(server):
    import docx

    document = docx.Document()
    for line in CHI_THI.read_text(encoding="utf-8").splitlines()[:40]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    response = server.post("/extract", files={"file": ("chi-thi.docx", buffer.getvalue())})
    assert response.status_code == 200
    assert response.json()["format"] == "docx"
    assert response.json()["number"] == "14/CT-UBND"


def test_batch_of_json_documents_and_of_uploads(server):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))[:3]]
    body = {"documents": [{"id": f"d{i}", "text": t} for i, t in enumerate(texts)] + [{"text": "  "}]}
    result = server.post("/extract/batch", json=body).json()
    assert [r["id"] for r in result["records"]] == ["d0", "d1", "d2"]
    assert result["errors"] == [{"id": "doc3", "source": "<api>", "error": "empty text"}]
    files = [("files", ("a.txt", texts[0].encode())), ("files", ("b.exe", b"MZ")), ("files", ("c.pdf", b"%PDF-1.4 broken"))]
    result = server.post("/extract/batch", files=files).json()
    assert [r["id"] for r in result["records"]] == ["a"]
    errors = {e["id"]: e["error"] for e in result["errors"]}
    assert "not accepted" in errors["b"]
    assert "PDF" in errors["c"]


@pytest.mark.parametrize(
    ("kwargs", "status", "words"),
    [
        ({"content": b"x" * (5 * 1024 * 1024 + 1), "headers": {"Content-Type": "text/plain"}}, 413, "too large"),
        ({"content": (b"x" * 1024 * 1024 for _ in range(6)), "headers": {"Content-Type": "text/plain"}}, 413, "too large"),
        ({"content": b"<x/>", "headers": {"Content-Type": "application/xml"}}, 415, "content type"),
        ({"files": {"file": ("run.sh", b"#!/bin/sh\nrm -rf /")}}, 415, "file kind"),
        ({"files": {"file": ("empty.txt", b"")}}, 422, "empty"),
        ({"files": {"file": ("fake.pdf", b"%PDF-1.4 truncated")}}, 422, "PDF"),
        ({"files": {"file": ("blob.txt", bytes(range(256)))}}, 422, "binary"),
        ({"files": {"other": ("a.txt", b"text")}}, 422, "file"),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422, "malformed JSON"),
        ({"json": {"txt": "wrong field"}}, 422, "text"),
        ({"json": {"text": ""}}, 422, "empty"),
        ({"content": b"--x\r\nbroken", "headers": {"Content-Type": "multipart/form-data; boundary=x"}}, 422, "file"),
        ({"files": [("file", ("a.txt", b"a")), ("file", ("b.txt", b"b"))]}, 400, "files"),
        ({"content": "chữ".encode("utf-16"), "headers": {"Content-Type": "text/plain"}}, 422, "UTF-8"),
    ],
)
def test_refusals_are_4xx_json_bodies_never_500(server, kwargs, status, words):
    response = server.post("/extract", **kwargs)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


def test_zip_bomb_named_docx_is_refused_not_crashing(server):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("junk.txt", "not a word document")
    response = server.post("/extract", files={"file": ("x.docx", buffer.getvalue())})
    assert response.status_code == 422
    assert "DOCX" in response.json()["error"]
    assert server.get("/health").status_code == 200


def test_serve_binds_loopback_by_default():
    from pipeline.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1"


def test_obligations_need_an_archive(server):
    """A server started without --db has no archive to answer from: a 404 JSON body, not a 500."""
    answer = server.get("/obligations", params={"agency": "Sở Nội vụ"})
    assert answer.status_code == 404 and "--db" in answer.json()["error"]
