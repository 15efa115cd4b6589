"""``extract_text``: the one function behind the CLI, the API and the spaCy component."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from extractors import deadlines, document, entities, legal_refs, people, statistics, tasks
from extractors.models import TextWarning
from extractors.structure import Parsed, parse
from pipeline.normalize import normalize
from pipeline.record import Record

# Each list field of the record and the extractor that fills it: a pure function from the
# parsed document to typed items with spans (see extractors/<field>.py).
EXTRACTORS: dict[str, Callable[[Parsed], list[Any]]] = {
    "legal_refs": legal_refs.extract,
    "tasks": tasks.extract,
    "deadlines": deadlines.extract,
    "statistics": statistics.extract,
    "people": people.extract,
    "organisations": entities.organisations,
    "places": entities.place_items,
}


def extract_text(
    text: str, *, id: str = "text", source: str = "<text>", warnings: Sequence[TextWarning] = ()
) -> Record:
    """Extract a ``Record`` from the text of one document.

    ``warnings``: what reading the input involved (OCR, a legacy encoding), kept on the record.
    """
    normalised = normalize(text)
    parsed = parse(normalised.text)
    fields = document.extract(parsed)
    lists: dict[str, Any] = {name: extractor(parsed) for name, extractor in EXTRACTORS.items()}
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
        warnings=list(warnings),
        evidence=fields.evidence,
        text=normalised.text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        **lists,
    )
