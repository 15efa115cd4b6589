"""The record of one document: the contract of ``../shared/SCHEMA.md`` as a model.

This is the one definition of the output; ``vanban schema`` prints the JSON Schema
generated from it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from extractors.models import (
    Agency,
    Deadline,
    LegalRef,
    Organisation,
    Person,
    Place,
    Signer,
    Span,
    Statistic,
    Task,
    TextWarning,
)


class Record(BaseModel):
    """Everything extracted from one document."""

    id: str = Field(description="Input file stem; unique in one run.")
    source: str = Field(description="Path of the input as given.")
    kind: Literal["document", "news"] = "document"
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    issue_date: str | None = Field(default=None, description="ISO date; drafts keep granularity (YYYY-MM).")
    place: str | None = None
    title: str | None = None
    signer: Signer | None = None
    recipients: list[str] = Field(default_factory=list)
    issuer_agency: Agency | None = Field(default=None, description="The issuer as a canonical agency.")
    recipient_agencies: list[Agency] = Field(
        default_factory=list, description="The recipients that name a body, as canonical agencies, in order."
    )
    quality: float | None = Field(default=None, description="How readable the text is, in [0, 1].")
    warnings: list[TextWarning] = Field(default_factory=list)
    legal_refs: list[LegalRef] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    evidence: dict[str, list[Span]] = Field(
        default_factory=dict, description="Spans of the normalised text each document field was read from."
    )
    text: str = Field(default="", description="The normalised text every span indexes into.")
    format: str | None = Field(default=None, description="text, html, post, docx, doc, rtf, pdf or image (a scan read by OCR).")
    encoding: str | None = None
    content_hash: str | None = Field(default=None, description="SHA-256 of the input's bytes or text.")


class ErrorRow(BaseModel):
    """An input that could not be read or extracted, and why."""

    id: str
    source: str
    error: str


LIST_FIELDS = ("legal_refs", "tasks", "deadlines", "statistics", "people")
DOCUMENT_FIELDS = (
    "kind",
    "doc_type",
    "number",
    "issuer",
    "issue_date",
    "place",
    "title",
    "signer",
    "recipients",
)
