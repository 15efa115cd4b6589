"""Writing results: ``documents.jsonl`` and ``errors.jsonl``, each written whole or not at all."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pipeline.record import ErrorRow, Record

# Characters that some line readers (Python's str.splitlines among them) take as line breaks;
# escaped so that one record is always exactly one line.
_LINE_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def json_line(row: dict[str, Any]) -> str:
    """One JSON object on one line, Vietnamese kept readable."""
    return json.dumps(row, ensure_ascii=False).translate(_LINE_BREAKS)


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write ``rows`` as JSON lines to ``path`` atomically; returns the number written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    count = 0
    with temporary.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json_line(row) + "\n")
            count += 1
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return count


def write_output(out_dir: Path, results: Iterable[Record | ErrorRow]) -> tuple[list[Record], list[ErrorRow]]:
    """Write records and error rows under ``out_dir``; returns both lists."""
    records: list[Record] = []
    errors: list[ErrorRow] = []
    for result in results:
        (errors if isinstance(result, ErrorRow) else records).append(result)  # type: ignore[arg-type]
    write_jsonl(out_dir / "documents.jsonl", (r.model_dump(mode="json") for r in records))
    write_jsonl(out_dir / "errors.jsonl", (e.model_dump(mode="json") for e in errors))
    return records, errors


def load_dataset(out_dir: str | Path) -> list[dict[str, Any]]:
    """The records of an output folder's ``documents.jsonl``, as dictionaries."""
    path = Path(out_dir) / "documents.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
