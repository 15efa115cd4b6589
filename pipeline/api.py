"""The HTTP API: ``vanban serve`` (FastAPI). A thin shell over ``extract_text``.

    GET  /health          liveness (never needs the token)
    GET  /version         package and schema version
    GET  /schema          the record's JSON Schema (the file shipped in the package)
    POST /extract         one document: JSON {"text", "id"?}, a text/plain body, or a
                          multipart upload in the field "file" (.txt .html .docx .doc .rtf
                          .pdf .png .jpg .tif); ?ocr=auto|always|never as ``vanban extract``
    POST /extract/batch   many: JSON {"documents": [{"text", "id"?}, ...]} or multipart
                          uploads in the field "files"; returns {"records", "errors"}
    GET  /obligations     one agency's obligations from the output folder given to
                          ``vanban serve --db``: ?agency=&place=&as_of=&open=&groups=
    GET  /openapi.json, /docs

Refusals are JSON bodies ``{"error": ...}`` with a 4xx status, never a 500: a body over
``max_bytes`` → 413, a content type or file kind not accepted → 415, a document that cannot
be read or is empty → 422, a missing or wrong bearer token → 401. An uploaded file is read
from memory, never written to disk; the client's name is used only to pick the reader by
suffix (from a fixed list) and as a label in the record, never as a path on the server.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
from importlib import metadata
from typing import Any

import regex
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pipeline import schema as record_schema
from pipeline.batch import extract_file
from pipeline.extract import extract_text
from pipeline.ingest import IMAGE_SUFFIXES, OCR_MODES
from pipeline.obligations import agency_obligations
from pipeline.record import ErrorRow, Record

MAX_BYTES = 5 * 1024 * 1024
MAX_BATCH = 50
UPLOAD_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".docx", ".doc", ".rtf", ".pdf"} | IMAGE_SUFFIXES
OPEN_PATHS = {"/health"}
TOKEN_ENV = "VANBAN_TOKEN"
_SAFE = regex.compile(r"[^\p{L}\p{N}._-]+")


def version() -> str:
    """The installed package's version."""
    try:
        return metadata.version("vanban")
    except metadata.PackageNotFoundError:  # running from a source tree
        return "0.0.0+source"


def _refuse(status: int, error: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": error, **extra}, status_code=status)


class Guard:
    """ASGI middleware: bearer token on every path but ``/health``, and a cap on body size.

    The body is read here, up to ``max_bytes`` (whether or not the client declared a
    Content-Length), and replayed to the application; a larger one is refused with 413
    before any of it reaches a parser.
    """

    def __init__(self, app: ASGIApp, token: str | None, max_bytes: int) -> None:
        self.app, self.token, self.max_bytes = app, token, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.token and scope["path"] not in OPEN_PATHS and not self._authorised(scope):
            response = _refuse(401, "missing or wrong bearer token (Authorization: Bearer …)")
            response.headers["WWW-Authenticate"] = "Bearer"
            await response(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _authorised(self, scope: Scope) -> bool:
        value = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
        scheme, _, given = value.partition(" ")
        assert self.token is not None
        return scheme.lower() == "bearer" and secrets.compare_digest(given.strip().encode(), self.token.encode())

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = _refuse(413, f"request body too large (the limit is {self.max_bytes} bytes)", limit=self.max_bytes)
        await response(scope, receive, send)


def _safe_id(name: str | None, fallback: str) -> str:
    """An id from a client's file name: its last component's stem, reduced to safe characters."""
    base = regex.split(r"[\\/]", name or "")[-1]
    stem = base.rsplit(".", 1)[0] if "." in base else base
    cleaned = _SAFE.sub("_", stem).strip("._")[:100]
    return cleaned or fallback


def _suffix(name: str | None) -> str | None:
    base = regex.split(r"[\\/]", name or "")[-1].lower()
    suffix = "." + base.rsplit(".", 1)[1] if "." in base else ""
    return suffix if suffix in UPLOAD_SUFFIXES else None


def _text_document(item: Any, index: int) -> tuple[str, str] | str:
    """``(id, text)`` of a JSON document, or the reason it is refused."""
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return 'expected an object {"text": "...", "id": "..."} with "text" a string'
    doc_id = item.get("id", f"doc{index}")
    if not isinstance(doc_id, str):
        return '"id" must be a string'
    if not item["text"].strip():
        return "empty text"
    return _safe_id(doc_id, f"doc{index}"), item["text"]


def _run_text(doc_id: str, text: str) -> Record | ErrorRow:
    try:
        return extract_text(text, id=doc_id, source="<api>")
    except Exception as err:  # an extractor bug is reported for this document, not as a 500
        return ErrorRow(id=doc_id, source="<api>", error=f"extraction failed: {err.__class__.__name__}: {err}")


async def _run_upload(upload: Any, index: int, ocr: str) -> Record | ErrorRow:
    if not isinstance(upload, UploadFile):
        return ErrorRow(id=f"doc{index}", source="<upload>", error="expected a file upload")
    doc_id = _safe_id(upload.filename, f"doc{index}")
    suffix = _suffix(upload.filename)
    if suffix is None:
        return ErrorRow(
            id=doc_id,
            source="<upload>",
            error=f"file kind not accepted; send one of {', '.join(sorted(UPLOAD_SUFFIXES))}",
        )
    data = await upload.read()
    return await run_in_threadpool(_extract_upload, data, suffix, doc_id, ocr)


def _extract_upload(data: bytes, suffix: str, doc_id: str, ocr: str) -> Record | ErrorRow:
    """Extract uploaded bytes with the file reader of their (allow-listed) suffix."""
    result = extract_file(f"upload{suffix}", doc_id, data=data, ocr=ocr)
    result.source = f"upload:{doc_id}{suffix}"
    return result


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _ocr_mode(request: Request) -> str:
    """The ``ocr`` query parameter: how uploaded scans are read (default auto)."""
    mode = request.query_params.get("ocr", "auto")
    if mode not in OCR_MODES:
        raise _Refusal(422, f"ocr must be one of {', '.join(OCR_MODES)}")
    return mode


_OCR_PARAMETER = {
    "name": "ocr",
    "in": "query",
    "required": False,
    "description": "uploaded scans (PDF pages without a text layer, images): read with Tesseract when they "
    "need it (auto), every page (always) or never",
    "schema": {"type": "string", "enum": list(OCR_MODES), "default": "auto"},
}
_ONE_BODY = {
    "parameters": [_OCR_PARAMETER],
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string"}, "id": {"type": "string"}},
                }
            },
            "text/plain": {"schema": {"type": "string"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {"file": {"type": "string", "format": "binary"}},
                }
            },
        },
    }
}
_BATCH_BODY = {
    "parameters": [_OCR_PARAMETER],
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "required": ["documents"],
                    "properties": {
                        "documents": {
                            "type": "array",
                            "maxItems": MAX_BATCH,
                            "items": {
                                "type": "object",
                                "required": ["text"],
                                "properties": {"text": {"type": "string"}, "id": {"type": "string"}},
                            },
                        }
                    },
                }
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                }
            },
        },
    }
}
_REFUSALS: dict[int | str, dict[str, Any]] = {
    401: {"description": "missing or wrong bearer token"},
    413: {"description": "body too large"},
    415: {"description": "content type or file kind not accepted"},
    422: {"description": "unreadable, empty or malformed document"},
}


async def _json_body(request: Request) -> Any:
    try:
        return json.loads(await request.body())
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise _Refusal(422, f"malformed JSON: {err}") from err


class _Refusal(Exception):
    def __init__(self, status: int, error: str) -> None:
        super().__init__(error)
        self.status, self.error = status, error


def create_app(token: str | None = None, max_bytes: int = MAX_BYTES, db: str | None = None) -> FastAPI:
    """The API application; with ``token``, every path but ``/health`` needs it as a bearer token;
    with ``db`` (an output folder), ``/obligations`` answers from its database."""
    app = FastAPI(
        title="vanban",
        version=version(),
        description="Structured records from Vietnamese administrative documents.",
    )
    app.add_middleware(Guard, token=token, max_bytes=max_bytes)

    @app.exception_handler(_Refusal)
    async def refused(request: Request, exc: _Refusal) -> JSONResponse:
        return _refuse(exc.status, exc.error)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # e.g. a malformed multipart body or too many parts (400), an unknown path (404)
        return _refuse(exc.status_code, str(exc.detail))

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/version")
    async def get_version() -> dict[str, str]:
        return {"version": version(), "schema": record_schema.SCHEMA_ID}

    @app.get("/schema")
    async def get_schema() -> dict[str, Any]:
        return record_schema.shipped()

    @app.get("/obligations", responses=_REFUSALS)
    async def get_obligations(
        agency: str, place: str | None = None, as_of: str | None = None, open: bool = False, groups: bool = False
    ) -> JSONResponse:
        """One agency's obligations, as ``vanban obligations`` prints them."""
        if db is None:
            raise _Refusal(404, "this server has no archive (start it with `vanban serve --db OUTPUT_FOLDER`)")
        try:
            day = dt.date.fromisoformat(as_of) if as_of else None
        except ValueError as err:
            raise _Refusal(422, f"as_of is not a date (YYYY-MM-DD): {as_of}") from err
        name, frame = await run_in_threadpool(agency_obligations, db, agency, place, day, open, groups)
        rows = json.loads(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
        return JSONResponse({"agency": name, "as_of": (day or dt.date.today()).isoformat(), "obligations": rows})

    @app.post("/extract", openapi_extra=_ONE_BODY, responses=_REFUSALS)
    async def extract(request: Request) -> JSONResponse:
        media = _media_type(request)
        ocr = _ocr_mode(request)
        if media == "application/json":
            parsed = _text_document(await _json_body(request), 0)
            if isinstance(parsed, str):
                raise _Refusal(422, parsed)
            result = await run_in_threadpool(_run_text, *parsed)
        elif media == "text/plain":
            try:
                text = (await request.body()).decode("utf-8")
            except UnicodeDecodeError as err:
                raise _Refusal(422, "text/plain body is not UTF-8") from err
            if not text.strip():
                raise _Refusal(422, "empty text")
            result = await run_in_threadpool(_run_text, "text", text)
        elif media == "multipart/form-data":
            async with request.form(max_files=1, max_fields=4) as form:
                upload = form.get("file")
                if upload is None:
                    raise _Refusal(422, 'multipart body without a "file" field')
                if isinstance(upload, UploadFile) and _suffix(upload.filename) is None:
                    raise _Refusal(
                        415, f"file kind not accepted; send one of {', '.join(sorted(UPLOAD_SUFFIXES))}"
                    )
                result = await _run_upload(upload, 0, ocr)
        else:
            raise _Refusal(
                415, "content type not accepted; send application/json, text/plain or multipart/form-data"
            )
        if isinstance(result, ErrorRow):
            raise _Refusal(422, result.error)
        return JSONResponse(result.model_dump(mode="json"))

    @app.post("/extract/batch", openapi_extra=_BATCH_BODY, responses=_REFUSALS)
    async def extract_batch(request: Request) -> JSONResponse:
        media = _media_type(request)
        ocr = _ocr_mode(request)
        results: list[Record | ErrorRow] = []
        if media == "application/json":
            body = await _json_body(request)
            documents = body.get("documents") if isinstance(body, dict) else None
            if not isinstance(documents, list) or not documents:
                raise _Refusal(422, 'expected {"documents": [{"text": "...", "id": "..."}, ...]}')
            if len(documents) > MAX_BATCH:
                raise _Refusal(413, f"too many documents ({len(documents)}; the limit is {MAX_BATCH})")
            for index, item in enumerate(documents):
                parsed = _text_document(item, index)
                if isinstance(parsed, str):
                    results.append(ErrorRow(id=f"doc{index}", source="<api>", error=parsed))
                else:
                    results.append(await run_in_threadpool(_run_text, *parsed))
        elif media == "multipart/form-data":
            async with request.form(max_files=MAX_BATCH, max_fields=MAX_BATCH + 4) as form:
                uploads = form.getlist("files")
                if not uploads:
                    raise _Refusal(422, 'multipart body without "files" fields')
                for index, upload in enumerate(uploads):
                    results.append(await _run_upload(upload, index, ocr))
        else:
            raise _Refusal(415, "content type not accepted; send application/json or multipart/form-data")
        records = [r.model_dump(mode="json") for r in results if isinstance(r, Record)]
        errors = [r.model_dump(mode="json") for r in results if isinstance(r, ErrorRow)]
        return JSONResponse({"records": records, "errors": errors})

    return app


def serve(host: str = "127.0.0.1", port: int = 8000, token: str | None = None, db: str | None = None) -> None:
    """Run the API with uvicorn (loopback unless told otherwise); ``db``: the output folder that
    ``/obligations`` answers from."""
    import uvicorn

    token = token or os.environ.get(TOKEN_ENV) or None
    if host not in {"127.0.0.1", "localhost", "::1"} and not token:
        print(f"warning: serving on {host} without a token; set --token or ${TOKEN_ENV}")
    uvicorn.run(create_app(token=token, db=db), host=host, port=port, log_level="info")
