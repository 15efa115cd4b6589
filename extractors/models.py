"""Typed items the extractors return. Every item knows its span in the normalised text.

These models are the single definition of the record: ``pipeline.record`` assembles
them into a ``Record`` and the JSON Schema is generated from it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Recurrence = Literal["yearly", "half-yearly", "quarterly", "monthly", "weekly", "daily"]
Relation = Literal["căn cứ", "thực hiện", "theo", "other"]
StatisticKind = Literal["count", "percent", "ratio", "rank", "score", "change", "amount"]
AgencyLevel = Literal["central", "province", "district", "commune", "party", "mass_organisation", "other"]


class Span(BaseModel):
    """Where a value was read: ``text == normalised_text[start:end]``."""

    start: int
    end: int
    text: str


class TextWarning(BaseModel):
    """Something about the text a reader should know before trusting the record."""

    code: str = Field(description="Short code: ocr, ocr_low_confidence, damaged_text, no_header, ...")
    message: str


class Signer(BaseModel):
    """The person who signs the document, and in whose name."""

    title: str | None = None
    name: str | None = None
    on_behalf: str | None = Field(
        default=None, description='The "KT.", "TM." or "TL." line above the title, if any.'
    )


class DocumentFields(BaseModel):
    """The document's own fields (header and closing), with the span each was read from."""

    kind: Literal["document", "news"] = "document"
    doc_type: str | None = None
    number: str | None = None
    issuer: str | None = None
    issue_date: str | None = None
    place: str | None = None
    title: str | None = None
    signer: Signer | None = None
    recipients: list[str] = Field(default_factory=list)
    evidence: dict[str, list[Span]] = Field(
        default_factory=dict, description="Spans each document field was read from."
    )


class Agency(BaseModel):
    """The canonical body behind an actor, an issuer or an addressee (see ``extractors.agencies``)."""

    name: str = Field(description='Canonical name, abbreviations expanded, with its place: "Sở Nội vụ tỉnh Lâm Đồng".')
    level: AgencyLevel = "other"
    place: str | None = Field(default=None, description='The province (or district) it belongs to: "Lâm Đồng"; null for central bodies.')
    group: bool = Field(default=False, description='A collective actor: "các sở, ban, ngành".')
    text: str = Field(default="", description="The words it was read from, as the record has them.")
    start: int | None = Field(default=None, description="Where those words are in the normalised text, if they are there.")
    end: int | None = None


class LegalRef(Span):
    """One instrument the document cites (one item per instrument, not per mention)."""

    doc_type: str
    number: str | None = None
    name: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    articles: list[str] = Field(default_factory=list)
    mentions: int = 1
    relation: Relation = "other"
    id: str = ""
    resolved_by: str | None = Field(
        default=None, description="How a short form was resolved: 'document', 'table' or 'archive'."
    )
    issuer_agency: Agency | None = Field(default=None, description="The issuer as a canonical agency.")


class Deadline(Span):
    """A date by which something must be done (ISO date, or a coarser ISO-like period)."""

    date: str
    recurrence: Recurrence | None = None
    granularity: Literal["day", "month", "quarter", "half", "year"] = "day"


class Task(Span):
    """One assignment of work: who must do what, with whom, by when."""

    actors: list[str] = Field(default_factory=list)
    action: str = ""
    coordinators: list[str] = Field(default_factory=list)
    deadline: str | None = None
    recurrence: Recurrence | None = None
    section: str | None = None
    agencies: list[Agency] = Field(default_factory=list, description="One canonical agency per actor, in order.")


class Statistic(Span):
    """One reported figure."""

    value: float
    unit: str = ""
    kind: StatisticKind = "count"
    total: float | None = None
    subject: str | None = None
    period: str | None = None
    basis: str | None = Field(default=None, description='Comparison basis of a change: "so với cùng kỳ".')


class Person(Span):
    """A named person, with the title the text gives them."""

    name: str
    title: str | None = None


class Organisation(Span):
    """An agency or body named in the text, abbreviations written out."""

    name: str = Field(description='Full name as written, abbreviations expanded: "Ủy ban nhân dân tỉnh Lâm Đồng".')
    abbreviation: str | None = Field(default=None, description='The short form when the text uses one: "UBND".')
    place: str | None = Field(default=None, description="The province-level unit the body governs, if named.")


class Place(Span):
    """A province-level place linked to the administrative units in force on the document's date."""

    name: str = Field(description='As written: "tỉnh Gia Lai", "Lâm Đồng".')
    code: str | None = Field(default=None, description="Official code of the unit in force on the document's date.")
    unit: str | None = Field(default=None, description='Official name of that unit: "Tỉnh Gia Lai".')
    system: str | None = Field(default=None, description='"63" (until 30/6/2025) or "34" (from 1/7/2025).')
    successor_code: str | None = Field(default=None, description="Code of the 2025 unit it belongs to now.")
    successor: str | None = Field(default=None, description="Name of the 2025 unit it belongs to now.")
