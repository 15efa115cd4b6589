"""The record's JSON Schema, generated from ``pipeline.record.Record`` and shipped as a file.

``record.schema.json`` beside this module is what consuming systems load (and what
``GET /schema`` serves); a test keeps it equal to the schema generated from the code, and
``vanban schema --write`` regenerates it after a model change.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).with_name("record.schema.json")
SCHEMA_ID = "urn:vanban:schema:record"


def generate() -> dict[str, Any]:
    """The JSON Schema of a record, generated from the model."""
    from pipeline.record import Record

    schema = Record.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def dumps(schema: dict[str, Any]) -> str:
    """The schema as the shipped file writes it (stable key order, UTF-8, final newline)."""
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def shipped() -> dict[str, Any]:
    """The schema file shipped in the package."""
    return json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def write(path: Path = SCHEMA_FILE) -> Path:
    """Regenerate the shipped schema file."""
    path.write_text(dumps(generate()), encoding="utf-8")
    return path
