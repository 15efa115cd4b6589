"""The record's JSON Schema: shipped in the package, generated from the models, never drifting."""

from __future__ import annotations

import json

from pipeline import schema
from pipeline.cli import main
from pipeline.record import Record


def test_shipped_schema_file_equals_the_generated_one():
    # after changing a model: vanban schema --write
    assert schema.SCHEMA_FILE.read_text(encoding="utf-8") == schema.dumps(schema.generate())
    assert schema.shipped()["properties"].keys() == Record.model_json_schema()["properties"].keys()


def test_vanban_schema_prints_it(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema.shipped()


def test_a_real_record_is_valid_against_its_required_fields(extract_corpus):
    record = extract_corpus("002_b2209b564e01dc84.txt").model_dump(mode="json")
    shipped = schema.shipped()
    assert set(shipped["required"]) <= set(record)
    assert set(record) == set(shipped["properties"])
    assert {"LegalRef", "Task", "Deadline", "Statistic", "Person", "Span"} <= set(shipped["$defs"])
