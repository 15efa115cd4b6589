"""Every extraction of a record as a labelled character span: what spaCy and displaCy show.

One list, built here, feeds the spaCy component (``doc.spans``), the ``vanban show`` page
and the report's document views, so they always agree on what was extracted where.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.record import Record

# The label of each list field's items, and of each document field's evidence.
LIST_LABELS = {
    "legal_refs": "LEGAL_REF",
    "tasks": "TASK",
    "deadlines": "DEADLINE",
    "statistics": "STATISTIC",
    "people": "PERSON",
}
FIELD_LABELS = {
    "doc_type": "DOC_TYPE",
    "number": "NUMBER",
    "issuer": "ISSUER",
    "issue_date": "ISSUE_DATE",
    "place": "PLACE",
    "title": "TITLE",
    "signer": "SIGNER",
    "recipients": "RECIPIENT",
}
LABELS = tuple(LIST_LABELS.values()) + tuple(FIELD_LABELS.values())
COLORS = {
    "LEGAL_REF": "#7aecec",
    "TASK": "#feca74",
    "DEADLINE": "#ff9561",
    "STATISTIC": "#aa9cfc",
    "PERSON": "#c887fb",
    "DOC_TYPE": "#bfe1d9",
    "NUMBER": "#bfeeb7",
    "ISSUER": "#e4e7d2",
    "ISSUE_DATE": "#ffeb80",
    "PLACE": "#9cc9cc",
    "TITLE": "#ddd",
    "SIGNER": "#f0d0ff",
    "RECIPIENT": "#e0e0ff",
}


@dataclass(frozen=True)
class Mark:
    """One extraction: ``text[start:end]`` of the record's normalised text, a label and a gloss."""

    start: int
    end: int
    label: str
    field: str
    index: int
    detail: str


def _detail(field: str, item: Any) -> str:
    if field == "legal_refs":
        return str(item.id or f"{item.doc_type} {item.number or item.name or ''}".strip())
    if field == "tasks":
        actors = "; ".join(item.actors) or "?"
        when = f" — {item.deadline}" if item.deadline else ""
        again = f" ({item.recurrence})" if item.recurrence else ""
        return f"{actors}{when}{again}"
    if field == "deadlines":
        return item.date + (f" ({item.recurrence})" if item.recurrence else "")
    if field == "statistics":
        value = f"{item.value:g}"
        total = f"/{item.total:g}" if item.total is not None else ""
        return f"{value}{total} {item.unit}".strip()
    if field == "people":
        return item.name + (f", {item.title}" if item.title else "")
    return ""


def _field_value(record: Record, field: str, index: int) -> str:
    value = getattr(record, field, None)
    if field == "recipients":
        return str(record.recipients[index]) if index < len(record.recipients) else ""
    if field == "signer" and value is not None:
        return ", ".join(v for v in (value.title, value.name) if v)
    return "" if value is None else str(value)


def marks(record: Record | dict[str, Any]) -> list[Mark]:
    """Every extraction of ``record`` with a valid span, in text order."""
    if isinstance(record, dict):
        record = Record.model_validate(record)
    size = len(record.text)
    found: list[Mark] = []
    for field, label in LIST_LABELS.items():
        for index, item in enumerate(getattr(record, field)):
            if 0 <= item.start < item.end <= size:
                found.append(Mark(item.start, item.end, label, field, index, _detail(field, item)))
    for field, label in FIELD_LABELS.items():
        for index, span in enumerate(record.evidence.get(field, [])):
            if 0 <= span.start < span.end <= size:
                found.append(Mark(span.start, span.end, label, field, index, _field_value(record, field, index)))
    return sorted(found, key=lambda m: (m.start, -m.end, m.label))
