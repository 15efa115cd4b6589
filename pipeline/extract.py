"""``extract_text``: the one function behind the CLI, the API and the spaCy component."""

from __future__ import annotations

import hashlib

from extractors import document
from extractors.structure import parse
from pipeline.normalize import normalize
from pipeline.record import Record


def extract_text(text: str, *, id: str = "text", source: str = "<text>") -> Record:
    """Extract a ``Record`` from the text of one document."""
    normalised = normalize(text)
    parsed = parse(normalised.text)
    fields = document.extract(parsed)
    return Record(
        id=id,
        source=source,
        kind=fields.kind,
        doc_type=fields.doc_type,
        number=fields.number,
        issuer=fields.issuer,
        issue_date=fields.issue_date,
        place=fields.place,
        title=fields.title,
        signer=fields.signer,
        recipients=fields.recipients,
        evidence=fields.evidence,
        text=normalised.text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
