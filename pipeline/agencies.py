"""The agencies of an archive as tables: one row per canonical body, and the links from tasks
and documents to it.

- ``agencies``: ``agency_id``, ``name``, ``level``, ``place``, ``is_group``, ``successor`` and
  ``successor_since`` (the body that carries its work on after a merger, and from when), and
  ``spellings`` (every way the archive writes it);
- ``task_agencies``: ``document_id``, ``task`` (the task's index in the record), ``position``
  (the actor's index in the task), ``agency_id``, ``actor`` (the words of the text);
- ``document_agencies``: ``document_id``, ``role`` (``issuer``, ``recipient`` or
  ``cited_issuer``), ``position``, ``agency_id``, ``written``.

An agency's id is a digest of what makes it one body (name, level, place, group), so the same
body has the same id in every run and every archive.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pyarrow as pa

from extractors import agencies
from extractors.models import Agency, DocumentFields
from pipeline.record import Record

AGENCY_TABLES = ("agencies", "task_agencies", "document_agencies")
AGENCY_COLUMNS: dict[str, list[tuple[str, pa.DataType, bool]]] = {
    "agencies": [
        ("agency_id", pa.string(), False),
        ("name", pa.string(), False),
        ("level", pa.string(), False),
        ("place", pa.string(), False),
        ("is_group", pa.bool_(), False),
        ("successor", pa.string(), False),
        ("successor_since", pa.string(), False),
        ("spellings", pa.list_(pa.string()), False),
    ],
    "task_agencies": [
        ("document_id", pa.string(), False),
        ("task", pa.int64(), False),
        ("position", pa.int64(), False),
        ("agency_id", pa.string(), False),
        ("actor", pa.string(), False),
    ],
    "document_agencies": [
        ("document_id", pa.string(), False),
        ("role", pa.string(), False),
        ("position", pa.int64(), False),
        ("agency_id", pa.string(), False),
        ("written", pa.string(), False),
    ],
}


def agency_id(item: dict[str, Any]) -> str:
    """The stable id of an agency item: a digest of its name's words (``agencies.name_words``:
    "trực thuộc Trung ương" and "trực thuộc trung ương" are one body), level, place and group."""
    name = " ".join(agencies.name_words(str(item.get("name") or "")))
    key = "\t".join([name, *(str(item.get(part) or "") for part in ("level", "place", "group"))])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


class AgencyIndex:
    """The distinct agencies met in an archive, gathered record by record (one entry per body:
    a few thousand at most, whatever the size of the archive)."""

    def __init__(self) -> None:
        self.bodies: dict[str, dict[str, Any]] = {}

    def _add(self, item: dict[str, Any], written: str) -> str:
        key = agency_id(item)
        body = self.bodies.get(key)
        if body is None:
            after = agencies.successor(Agency.model_validate(item))
            body = self.bodies[key] = {
                "agency_id": key,
                "name": item["name"],
                "level": item.get("level"),
                "place": item.get("place"),
                "is_group": bool(item.get("group")),
                "successor": after[0] if after else None,
                "successor_since": (after[1] or None) if after else None,
                "spellings": set(),
            }
        if written:
            body["spellings"].add(written)
        return key

    def links(self, record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        """The link rows of one record (``task_agencies``, ``document_agencies``), its agencies indexed."""
        doc_id = record["id"]
        tasks = [
            {"document_id": doc_id, "task": t, "position": p, "agency_id": self._add(item, item.get("text", "")), "actor": item.get("text")}
            for t, task in enumerate(record.get("tasks") or [])
            for p, item in enumerate(task.get("agencies") or [])
        ]
        roles: list[tuple[str, int, dict[str, Any]]] = []
        if record.get("issuer_agency"):
            roles.append(("issuer", 0, record["issuer_agency"]))
        roles += [("recipient", p, item) for p, item in enumerate(record.get("recipient_agencies") or [])]
        roles += [
            ("cited_issuer", p, ref["issuer_agency"])
            for p, ref in enumerate(record.get("legal_refs") or [])
            if ref.get("issuer_agency")
        ]
        documents = [
            {"document_id": doc_id, "role": role, "position": p, "agency_id": self._add(item, item.get("text", "")), "written": item.get("text")}
            for role, p, item in roles
        ]
        return {"task_agencies": tasks, "document_agencies": documents}

    def rows(self) -> list[dict[str, Any]]:
        """The ``agencies`` table, by name."""
        return [
            {**body, "spellings": sorted(body["spellings"])}
            for body in sorted(self.bodies.values(), key=lambda b: (b["name"], b["place"] or "", b["agency_id"]))
        ]


def with_agencies(record: Record) -> Record:
    """``record`` with the agencies of its tasks filled in where they are missing (a record
    written before agencies were extracted), read as ``extract_text`` reads them."""
    if all(task.agencies or not task.actors for task in record.tasks):
        return record
    fields = DocumentFields(issuer=record.issuer, place=record.place, issue_date=record.issue_date)
    return record.model_copy(update={"tasks": agencies.task_agencies(record.tasks, fields, record.text)})
