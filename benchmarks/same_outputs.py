"""Whether two output folders of ``vanban extract`` hold the same outputs.

    PYTHONPATH=. python benchmarks/same_outputs.py BEFORE_DIR AFTER_DIR

Compares ``documents.jsonl`` and ``errors.jsonl`` byte for byte, every Parquet table by its
schema and its rows (in order), and every table of ``vanban.duckdb`` row for row. Prints one
line per output and exits 1 when any differs: the check behind "outputs identical" in a
commit that changes how the batch writes them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from pipeline.store import DATABASE, TABLES


def differences(before: Path, after: Path) -> list[str]:
    """What differs between the outputs of ``before`` and ``after`` (empty: the same)."""
    found = []
    for name in ("documents.jsonl", "errors.jsonl"):
        if (before / name).read_bytes() != (after / name).read_bytes():
            found.append(f"{name}: the bytes differ")
    for name in TABLES:
        old = pq.read_table(before / f"{name}.parquet")
        new = pq.read_table(after / f"{name}.parquet")
        if not old.schema.equals(new.schema):
            found.append(f"{name}.parquet: schema differs")
        elif not old.combine_chunks().equals(new.combine_chunks()):
            found.append(f"{name}.parquet: rows differ")
    for name in TABLES:
        rows = []
        for folder in (before, after):
            connection = duckdb.connect(str(folder / DATABASE), read_only=True)
            try:
                rows.append(connection.execute(f"SELECT * FROM {name}").fetchall())
            finally:
                connection.close()
        if rows[0] != rows[1]:
            found.append(f"{DATABASE} table {name}: rows differ")
    return found


def main() -> int:
    """Compare the two folders given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args()
    found = differences(args.before, args.after)
    for line in found:
        print(line)
    tables = len(TABLES)
    print(
        "same outputs: documents.jsonl and errors.jsonl byte for byte, "
        f"{tables} Parquet tables and {tables} DuckDB tables row for row"
        if not found
        else f"{len(found)} outputs differ"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
