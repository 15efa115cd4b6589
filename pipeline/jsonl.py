"""Reading an output folder's records as the contract's JSON objects (``documents.jsonl``).

The report, the calendar export and the notebooks read records this way: one dictionary per
document, exactly as ``vanban extract`` wrote it, whatever tables are built beside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_records(out_dir: str | Path) -> list[dict[str, Any]]:
    """The records of ``out_dir/documents.jsonl``, in file order."""
    with (Path(out_dir) / "documents.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
