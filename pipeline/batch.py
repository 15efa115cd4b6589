"""Batch extraction: every input becomes a record or an error row, never a lost document."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from pipeline.extract import extract_text
from pipeline.ingest import IngestError, iter_inputs, read_source
from pipeline.record import ErrorRow, Record


def extract_file(path: str | Path, doc_id: str | None = None) -> Record | ErrorRow:
    """Read and extract one file; a failure becomes an ``ErrorRow`` saying why."""
    path = Path(path)
    doc_id = doc_id or path.stem
    try:
        source = read_source(path)
    except IngestError as err:
        return ErrorRow(id=doc_id, source=str(path), error=str(err))
    try:
        record = extract_text(source.text, id=doc_id, source=str(path))
    except Exception as err:  # an extractor bug must not cost the batch
        return ErrorRow(id=doc_id, source=str(path), error=f"extraction failed: {err.__class__.__name__}: {err}")
    record.format = source.format
    record.encoding = source.encoding
    record.content_hash = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
    return record


def unique_ids(paths: list[Path]) -> list[str]:
    """File stems as ids; a stem seen twice gets its parent folder's name prefixed."""
    seen: dict[str, int] = {}
    ids = []
    for path in paths:
        doc_id = path.stem
        if doc_id in seen:
            seen[doc_id] += 1
            doc_id = f"{path.parent.name}__{doc_id}"
            while doc_id in seen:
                doc_id += "_"
        seen.setdefault(doc_id, 1)
        ids.append(doc_id)
    return ids


def extract_files(paths: list[str | Path]) -> Iterator[Record | ErrorRow]:
    """Records (or error rows) for every file named by ``paths``, folders walked recursively."""
    files = list(iter_inputs(paths))
    for path, doc_id in zip(files, unique_ids(files), strict=True):
        yield extract_file(path, doc_id)
