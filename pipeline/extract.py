"""``extract_text``: the one function behind the CLI, the API and the spaCy component."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

from extractors import (
    agencies,
    deadlines,
    document,
    entities,
    legal_refs,
    people,
    quality,
    statistics,
    tasks,
)
from extractors.models import TextWarning
from extractors.structure import Parsed, parse
from pipeline.normalize import Text, normalize
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

_ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC, .VnTime fonts)", "vni": "VNI"}


def extract_text(
    text: str, *, id: str = "text", source: str = "<text>", warnings: Sequence[TextWarning] = ()
) -> Record:
    """Extract a ``Record`` from the text of one document.

    ``warnings``: what reading the input involved (OCR, a legacy encoding), kept on the record
    before those the text itself gives (damaged text, no header, glued words, legacy encoding).
    A damaged text is read by its layout, and keeps only the fields and items whose words read.
    """
    normalised = normalize(text)
    text_quality = quality.assess(normalised.text)
    damage = text_quality.damage
    parsed = parse(normalised.text)
    if damage:
        parsed = document.by_layout(parsed)
    fields = document.extract(parsed, damaged=damage is not None)
    lists: dict[str, Any] = {name: extractor(parsed) for name, extractor in EXTRACTORS.items()}
    if damage:
        lists = {name: [item for item in items if quality.readable(item.text)] for name, items in lists.items()}
    # the canonical bodies behind the actors, the issuer, the recipients and the cited issuers,
    # read in the document's setting (its province and date): one pass once the fields are known
    lists["tasks"] = agencies.task_agencies(lists["tasks"], fields, normalised.text)
    lists["legal_refs"] = agencies.legal_ref_agencies(lists["legal_refs"], fields)
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
        issuer_agency=agencies.issuer_agency(fields),
        recipient_agencies=agencies.recipient_agencies(fields, normalised.text),
        quality=text_quality.score,
        warnings=[*warnings, *_text_warnings(normalised, damage, document.has_header(fields, parsed), warnings)],
        evidence=fields.evidence,
        text=normalised.text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        **lists,
    )


def _text_warnings(
    normalised: Text, damage: str | None, header_read: bool, given: Sequence[TextWarning]
) -> list[TextWarning]:
    """What the text itself says a reader should know, less what the input's warnings said."""
    found = []
    if normalised.legacy_encoding:
        name = _ENCODING_NAMES.get(normalised.legacy_encoding, normalised.legacy_encoding)
        found.append(TextWarning(code="legacy_encoding", message=f"converted to Unicode from the {name} font encoding"))
    if damage:
        found.append(TextWarning(code="damaged_text", message=f"{damage}: fields that do not read are left empty"))
    if not header_read:
        found.append(
            TextWarning(code="no_header", message="no issuer, number or date could be read from a header: it is missing or unreadable")
        )
    if normalised.glued_words:
        words = f"{normalised.glued_words} glued word{'s' if normalised.glued_words > 1 else ''}"
        found.append(TextWarning(code="glued_words_repaired", message=f"{words} split in two (\"Bộtư\" → \"Bộ tư\")"))
    codes = {warning.code for warning in given}
    return [warning for warning in found if warning.code not in codes]
