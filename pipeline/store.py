"""Storage of a batch run: the journal, the contract's JSONL files, Parquet tables, DuckDB.

An output folder holds

- ``documents.jsonl`` and ``errors.jsonl`` — the contract (``../shared/SCHEMA.md``);
- one Parquet table per list: ``documents``, ``legal_refs``, ``tasks``, ``deadlines``,
  ``statistics``, ``people`` and ``errors``, each row carrying its ``document_id``; and the
  canonical ``agencies`` with their links ``task_agencies`` and ``document_agencies``
  (``pipeline.agencies``);
- ``vanban.duckdb`` — those tables and the views in ``VIEWS`` (each agency's obligations,
  obligations by agency and by group of agencies,
  upcoming and overdue deadlines, most-cited instruments, citation edges, the text quality
  of each document, documents by quality band, the documents to look at by hand);
- ``.journal/journal.jsonl`` — the append-only journal a run writes one line per document
  to, as soon as the document is done, keyed by id and content hash. Everything else is
  rebuilt from it, so a killed run loses nothing already journalled, and a rerun skips
  the documents whose content is unchanged.

Every table is written to a temporary file and moved into place with ``os.replace``, so a
table is always whole: the previous one or the new one, never half of either.
"""

from __future__ import annotations

import json
import os
import re
import time
import types
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from extractors import quality
from extractors.legal_refs import ArchiveIndex, index_full_forms, may_resolve, resolve_short_forms
from extractors.models import LegalRef
from pipeline.agencies import AGENCY_COLUMNS, AGENCY_TABLES, AgencyIndex
from pipeline.record import LIST_FIELDS, ErrorRow, Record

TABLES = ("documents", *LIST_FIELDS, "errors", *AGENCY_TABLES)
DATABASE = "vanban.duckdb"
JOURNAL = Path(".journal") / "journal.jsonl"
CHUNK_ROWS = 2000  # rows buffered per table before a Parquet row group is written
CHUNK_TEXT = 4_000_000  # ... or this many characters of text (the documents table), whichever comes first


# ---------------------------------------------------------------- contract files

# Characters that some line readers (Python's str.splitlines among them) take as line breaks;
# escaped so that one record is always exactly one line.
_LINE_BREAK_CHARS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in _LINE_BREAK_CHARS})
_HAS_LINE_BREAK = re.compile(f"[{_LINE_BREAK_CHARS}]")


def json_line(row: dict[str, Any]) -> str:
    """One JSON object on one line, Vietnamese kept readable."""
    line = json.dumps(row, ensure_ascii=False)
    # str.translate walks every character through a dict (~2 ms for a 20 kB record); few hold one
    return line.translate(_LINE_BREAKS) if _HAS_LINE_BREAK.search(line) else line


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
    """Write records and error rows under ``out_dir`` (JSONL only); returns both lists.

    Holds every record in memory: fine for a handful of files. A batch goes through
    ``pipeline.batch.run_batch``, which streams through the journal instead.
    """
    records: list[Record] = []
    errors: list[ErrorRow] = []
    for result in results:
        (errors if isinstance(result, ErrorRow) else records).append(result)  # type: ignore[arg-type]
    write_jsonl(out_dir / "documents.jsonl", (r.model_dump(mode="json") for r in records))
    write_jsonl(out_dir / "errors.jsonl", (e.model_dump(mode="json") for e in errors))
    return records, errors


# ---------------------------------------------------------------- the journal


def journal_line(result: Record | ErrorRow, digest: str | None) -> str:
    """The journal line of one result: a small JSON header, a tab, the JSON payload.

    The payload is the exact line ``documents.jsonl`` or ``errors.jsonl`` will hold; the
    header (id, source, hash, status, and the full numbers a record cites) lets a reader index
    the journal, and the instruments of the archive, without parsing payloads. JSON escapes
    tabs inside strings, so the first tab separates the two.
    """
    header: dict[str, Any] = {"id": result.id, "source": result.source, "hash": digest}
    if isinstance(result, ErrorRow):
        header["status"] = "error"
    else:
        header["status"] = "record"
        cited = index_full_forms(result.legal_refs)
        header["cites"] = sorted([*key, number] for key, numbers in cited.items() for number in numbers)
    # the record holds only JSON types: the plain dump is the JSON one, at a quarter of its cost
    return json.dumps(header, ensure_ascii=False) + "\t" + json_line(result.model_dump()) + "\n"


@dataclass(frozen=True)
class Entry:
    """Where the latest journal line of one document is, and what it says."""

    offset: int
    source: str
    hash: str | None
    status: str
    # (type, short number, full number) of each full number the record cites; None when the
    # line predates this header field (the payload then says)
    cites: tuple[tuple[str, str, str], ...] | None = None

    @classmethod
    def from_header(cls, header: bytes | str, offset: int) -> tuple[str, Entry]:
        """The document id and entry of a journal line's header, the line starting at ``offset``."""
        fields = json.loads(header)
        cites = fields.get("cites")
        cited = None if cites is None else tuple((t, short, number) for t, short, number in cites)
        return fields["id"], cls(offset, fields["source"], fields["hash"], fields["status"], cited)


class Journal:
    """The append-only journal of a run: one line per finished document.

    Lines are flushed to the operating system as soon as they are written (a killed process
    loses nothing written) and fsynced at most every ``sync_seconds`` and on close (a power
    cut loses at most that much). A line cut short by a kill is dropped on the next open.
    """

    def __init__(self, out_dir: Path, sync_seconds: float = 1.0) -> None:
        self.path = out_dir / JOURNAL
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._repair()
        self.sync_seconds = sync_seconds
        self._handle = self.path.open("ab")
        self._synced = time.monotonic()

    def _repair(self) -> None:
        """Cut a trailing partial line (the process was killed while writing it)."""
        if not self.path.exists():
            return
        with self.path.open("r+b") as handle:
            size = handle.seek(0, os.SEEK_END)
            if size == 0:
                return
            handle.seek(size - 1)
            if handle.read(1) == b"\n":
                return
            # walk back to the last complete line
            position = size
            while position > 0:
                step = min(65536, position)
                handle.seek(position - step)
                block = handle.read(step)
                newline = block.rfind(b"\n")
                if newline >= 0:
                    handle.truncate(position - step + newline + 1)
                    return
                position -= step
            handle.truncate(0)

    def append(self, line: str) -> tuple[str, Entry]:
        """Append one journal line (from ``journal_line``); returns its document id and entry."""
        entry = Entry.from_header(line[: line.index("\t")], self._handle.tell())
        self._handle.write(line.encode("utf-8"))
        self._handle.flush()
        if time.monotonic() - self._synced >= self.sync_seconds:
            os.fsync(self._handle.fileno())
            self._synced = time.monotonic()
        return entry

    def close(self) -> None:
        """Sync and close the journal."""
        if not self._handle.closed:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()

    def index(self) -> JournalIndex:
        """The latest entry of every document in the journal."""
        self._handle.flush()
        return read_index(self.path)


class JournalIndex(dict[str, Entry]):
    """The latest entry per document id of a journal, and how many lines the journal holds
    (more than entries: some lines are superseded or unreadable)."""

    lines: int = 0


def read_index(path: Path) -> JournalIndex:
    """The latest entry per document id of the journal at ``path``."""
    entries = JournalIndex()
    if not path.exists():
        return entries
    offset = 0
    with path.open("rb") as handle:
        for raw in handle:
            entries.lines += 1
            if raw.endswith(b"\n") and b"\t" in raw:
                try:
                    doc_id, entry = Entry.from_header(raw[: raw.index(b"\t")], offset)
                    entries[doc_id] = entry
                except (ValueError, KeyError, TypeError):
                    pass
            offset += len(raw)
    return entries


def _payloads(path: Path, ids: list[str], index: dict[str, Entry]) -> Iterator[tuple[str, bytes, bytes]]:
    """(status, journal line, payload) of each id in ``ids``, in that order."""
    with path.open("rb") as handle:
        for doc_id in ids:
            entry = index[doc_id]
            handle.seek(entry.offset)
            raw = handle.readline()
            yield entry.status, raw, raw[raw.index(b"\t") + 1 : -1]


# ---------------------------------------------------------------- Parquet tables


def _arrow_type(annotation: Any) -> pa.DataType | None:
    """The Arrow type of a model field, or None when it is stored as a JSON string."""
    origin = get_origin(annotation)
    arguments = get_args(annotation)
    if origin in (Union, types.UnionType):
        kept = [a for a in arguments if a is not type(None)]
        if set(kept) == {int, float}:
            return pa.float64()
        return _arrow_type(kept[0]) if len(kept) == 1 else None
    if origin is Literal:
        return pa.string() if all(isinstance(a, str) for a in arguments) else None
    if origin is list:
        inner = _arrow_type(arguments[0])
        return pa.list_(inner) if inner is not None and not pa.types.is_list(inner) else None
    simple = {bool: pa.bool_(), str: pa.string(), int: pa.int64(), float: pa.float64()}
    return simple.get(annotation)


def _columns(model: type[BaseModel], skip: tuple[str, ...] = ()) -> list[tuple[str, pa.DataType, bool]]:
    """(name, Arrow type, stored as JSON) for each field of ``model``."""
    columns = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        arrow = _arrow_type(info.annotation)
        columns.append((name, arrow or pa.string(), arrow is None))
    return columns


def _item_model(name: str) -> type[BaseModel]:
    annotation = Record.model_fields[name].annotation
    model = get_args(annotation)[0]
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return model


_DOCUMENT_SKIP = ("id", "signer", *LIST_FIELDS)
_SIGNER_FIELDS = ("title", "name", "on_behalf")


def _table_columns() -> dict[str, list[tuple[str, pa.DataType, bool]]]:
    """The columns of every table, derived from the record model (one definition)."""
    document_columns = [("document_id", pa.string(), False)]
    for name, arrow, as_json in _columns(Record, _DOCUMENT_SKIP):
        document_columns.append((name, arrow, as_json))
        if name == "recipients":
            document_columns += [(f"signer_{f}", pa.string(), False) for f in _SIGNER_FIELDS]
    document_columns += [(f"n_{name}", pa.int64(), False) for name in LIST_FIELDS]
    tables = {"documents": document_columns}
    for name in LIST_FIELDS:
        tables[name] = [("document_id", pa.string(), False), ("item", pa.int64(), False)]
        tables[name] += _columns(_item_model(name))
    tables["errors"] = [("document_id", pa.string(), False), ("source", pa.string(), False), ("error", pa.string(), False)]
    tables.update(AGENCY_COLUMNS)
    return tables


def _schema(columns: list[tuple[str, pa.DataType, bool]]) -> pa.Schema:
    return pa.schema([pa.field(name, arrow) for name, arrow, _ in columns])


def _rows(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows a record contributes to each table."""
    document = {key: value for key, value in record.items() if key not in _DOCUMENT_SKIP}
    document["document_id"] = record["id"]
    signer = record.get("signer") or {}
    for name in _SIGNER_FIELDS:
        document[f"signer_{name}"] = signer.get(name)
    rows: dict[str, list[dict[str, Any]]] = {"documents": [document]}
    for name in LIST_FIELDS:
        items = record.get(name) or []
        document[f"n_{name}"] = len(items)
        rows[name] = [{**item, "document_id": record["id"], "item": i} for i, item in enumerate(items)]
    return rows


def _arrow_table(schema: pa.Schema, rows: list[dict[str, Any]], given: dict[str, list[Any]]) -> pa.Table:
    """A table of ``schema``: the columns named in ``given`` from there (one value per row),
    the others read out of the dictionaries ``rows`` by Arrow in one call (None where a row
    has no such key)."""
    from_rows = [field for field in schema if field.name not in given]
    arrays = dict(zip([f.name for f in from_rows], pa.array(rows, pa.struct(from_rows)).flatten(), strict=True))
    for name, values in given.items():
        arrays[name] = pa.array(values, schema.field(name).type)
    return pa.table([arrays[name] for name in schema.names], schema=schema)


class _TableWriter:
    """A table written in row groups to a temporary file: Parquet, moved into place on
    commit, or (``staged``) an uncompressed Arrow file that ``OutputBuilder`` finishes.

    Rows are kept as the dictionaries parsed from the journal, and columns given beside them
    (``document_id``, ``item``, counts) as one list each, until a row group is written.
    """

    def __init__(self, path: Path, columns: list[tuple[str, pa.DataType, bool]], staged: bool = False) -> None:
        self.path = path
        self.temporary = path.with_name(f".{path.name}.tmp")
        self.schema = _schema(columns)
        self.json_columns = [name for name, _, as_json in columns if as_json]
        self.rows: list[dict[str, Any]] = []
        self.given: dict[str, list[Any]] = {}
        self.characters = 0
        self.writer: Any = (
            pa.ipc.new_file(str(self.temporary), self.schema)
            if staged
            else pq.ParquetWriter(self.temporary, self.schema, compression="zstd")
        )

    def add(self, rows: list[dict[str, Any]], **given: list[Any]) -> None:
        """Add ``rows``: the columns named in ``given`` from there (one value per row), the
        others from the rows (None where a row has no such key)."""
        if self.json_columns:
            rows = [{**row, **self._as_json(row)} for row in rows]
        self.rows.extend(rows)
        for name, values in given.items():
            self.given.setdefault(name, []).extend(values)
        self.characters += sum(len(row.get("text") or "") for row in rows)
        if len(self.rows) >= CHUNK_ROWS or self.characters >= CHUNK_TEXT:
            self.flush()

    def _as_json(self, row: dict[str, Any]) -> dict[str, str]:
        return {name: json.dumps(row[name], ensure_ascii=False) for name in self.json_columns if row.get(name) is not None}

    def write(self, table: pa.Table) -> None:
        """Write Arrow rows as they are, in row groups of at most ``CHUNK_ROWS``."""
        self.writer.write_table(table, row_group_size=CHUNK_ROWS)

    def flush(self) -> None:
        if not self.rows:
            return
        self.writer.write_table(_arrow_table(self.schema, self.rows, self.given))
        self.rows = []
        self.given = {}
        self.characters = 0

    def close(self) -> None:
        self.flush()
        self.writer.close()

    def commit(self) -> None:
        os.replace(self.temporary, self.path)


class _TextWriter:
    """A text file written to a temporary name, fsynced, moved into place on commit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.temporary = path.with_name(f".{path.name}.tmp")
        self.handle = self.temporary.open("wb")

    def write(self, data: bytes) -> None:
        self.handle.write(data)

    def close(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()

    def commit(self) -> None:
        os.replace(self.temporary, self.path)


@dataclass
class BuildStats:
    """What a build wrote: counts of records, errors and items, and a few rows to show."""

    records: int = 0
    errors: int = 0
    items: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LIST_FIELDS, 0))
    text_bytes: int = 0
    sample: list[dict[str, Any]] = field(default_factory=list)  # the first rows, for a summary table


SAMPLE_ROWS = 30
# The outputs that resolving short forms across the archive can change: staged while the
# documents come, finished once every cited number is known.
STAGED = ("documents", "legal_refs")


class OutputBuilder:
    """Every output of a run, built while its documents are extracted.

    ``ready`` says that a document's journal line is written; documents are added in input
    order as soon as every one before them is, each payload read back from the journal and
    parsed once: copied as it is to ``documents.jsonl`` or ``errors.jsonl``, its rows added
    to the tables in row groups (memory stays flat however large the archive). The
    ``documents`` and ``legal_refs`` tables are staged as Arrow files: a short form ("Nghị
    định 04") resolves only against the numbers the whole archive cites, so ``finish``
    resolves them, writes those two tables and rewrites the few JSONL lines that change.
    Every file is written under a temporary name and moved into place at the end.
    """

    def __init__(self, out_dir: Path, ids: list[str], journal_path: Path | None = None) -> None:
        self.out_dir = out_dir
        self.ids = ids
        self.journal_path = journal_path or out_dir / JOURNAL
        self.waiting: dict[str, Entry] = {}
        self.added = 0
        self.full_forms: ArchiveIndex = {}
        self.record_ids: list[str] = []
        self.stats = BuildStats()
        self.columns = _table_columns()
        self.tables = {
            name: _TableWriter(out_dir / f"{name}{'.arrow' if name in STAGED else '.parquet'}", self.columns[name], name in STAGED)
            for name in TABLES
        }
        self.documents = _TextWriter(out_dir / "documents.jsonl")
        self.errors = _TextWriter(out_dir / "errors.jsonl")
        self.agency_index = AgencyIndex()
        self.reader: Any = None

    def ready(self, doc_id: str, entry: Entry) -> None:
        """``doc_id``'s journal line is written at ``entry``; add every document it unblocks."""
        self.waiting[doc_id] = entry
        while self.added < len(self.ids) and self.ids[self.added] in self.waiting:
            doc = self.ids[self.added]
            self._add(doc, self.waiting.pop(doc))
            self.added += 1

    def _add(self, doc_id: str, entry: Entry) -> None:
        if self.reader is None:
            self.reader = self.journal_path.open("rb")
        self.reader.seek(entry.offset)
        raw = self.reader.readline()
        payload = raw[raw.index(b"\t") + 1 : -1]
        row = json.loads(payload)
        if entry.status == "error":
            self.errors.write(payload + b"\n")
            self.tables["errors"].add([row], document_id=[row["id"]])
            self.stats.errors += 1
        else:
            self.documents.write(payload + b"\n")
            self.record_ids.append(doc_id)
            if entry.cites is None:  # a line written before headers named the numbers cited
                refs = (LegalRef.model_validate(item) for item in row.get("legal_refs") or [])
                index_full_forms(refs, self.full_forms)
            for doc_type, short, number in entry.cites or ():
                self.full_forms.setdefault((doc_type, short), set()).add(number)
            _add_record(self.tables, row)
            for name, rows in self.agency_index.links(row).items():
                self.tables[name].add(rows)
            self.stats.records += 1
            for name in LIST_FIELDS:
                self.stats.items[name] += len(row.get(name) or [])
            self.stats.text_bytes += len((row.get("text") or "").encode("utf-8"))
        if len(self.stats.sample) < SAMPLE_ROWS:
            row.pop("text", None)
            row.pop("evidence", None)
            self.stats.sample.append({"status": entry.status, **row})

    def finish(self, journal_lines: int) -> BuildStats:
        """Resolve short forms across the archive, finish and commit every output, build the
        database, and compact the journal (of ``journal_lines`` lines) when it holds lines
        no output uses."""
        if self.added < len(self.ids):
            missing = [doc_id for doc_id in self.ids[self.added :] if doc_id not in self.waiting]
            raise RuntimeError(f"{len(missing)} documents have no journal entry, e.g. {missing[0]}")
        self.tables["agencies"].add(self.agency_index.rows())
        for writer in self.tables.values():
            writer.close()
        refs = _read_arrow(self.tables["legal_refs"].temporary)
        changed = self._resolve(refs)
        finished = {name: _TableWriter(self.out_dir / f"{name}.parquet", self.columns[name]) for name in STAGED}
        if refs.num_rows:
            finished["legal_refs"].write(self._resolved_table(refs, changed))
        self._write_documents(finished["documents"], changed)
        self.documents.close()
        if changed:
            self._rewrite_lines(changed)
        self.errors.close()
        for writer in finished.values():
            writer.close()
        # a journal of exactly these documents, once each, is compact already
        compacted = self._compacted() if journal_lines != len(self.ids) else None
        for writer in [*finished.values(), *(self.tables[name] for name in TABLES if name not in STAGED)]:
            writer.commit()
        self.documents.commit()
        self.errors.commit()
        self.discard()
        build_database(self.out_dir)
        if compacted is not None:
            compacted.commit()
        return self.stats

    def discard(self) -> None:
        """Remove the staged files (and close what is open): a run that stops leaves the
        outputs as they were."""
        if self.reader is not None:
            self.reader.close()
        for name in STAGED:
            self.tables[name].temporary.unlink(missing_ok=True)

    def _resolve(self, refs: pa.Table) -> dict[str, list[dict[str, Any]]]:
        """The resolved references of each document whose references resolution changes."""
        changed: dict[str, list[dict[str, Any]]] = {}
        types, numbers, ref_ids = (refs.column(name).to_pylist() for name in ("doc_type", "number", "id"))
        for doc_id, start, stop in _runs(refs.column("document_id").to_pylist()):
            # most documents cite no short form the archive completes and no instrument twice:
            # then nothing changes, and the items need not be rebuilt to see it
            distinct = len(set(ref_ids[start:stop])) == stop - start
            if distinct and not any(may_resolve(t, n, self.full_forms) for t, n in zip(types[start:stop], numbers[start:stop], strict=True)):
                continue
            items = refs.slice(start, stop - start).drop_columns(["document_id", "item"]).to_pylist()
            json_columns = self.tables["legal_refs"].json_columns  # objects staged as JSON text
            items = [{**item, **{k: json.loads(item[k]) for k in json_columns if item.get(k) is not None}} for item in items]
            resolved = _resolved_refs(items, self.full_forms)
            if resolved is not None:
                changed[doc_id] = resolved
                self.stats.items["legal_refs"] += len(resolved) - len(items)
        for row in self.stats.sample:
            if row["id"] in changed:
                row["legal_refs"] = changed[row["id"]]
        return changed

    def _resolved_table(self, refs: pa.Table, changed: dict[str, list[dict[str, Any]]]) -> pa.Table:
        """The legal_refs table with the rows of each changed document replaced."""
        if not changed:
            return refs
        pieces, kept_from = [], 0
        for doc_id, start, stop in _runs(refs.column("document_id").to_pylist()):
            if doc_id in changed:
                json_columns = self.tables["legal_refs"].json_columns
                items = [
                    {**item, **{k: json.dumps(item[k], ensure_ascii=False) for k in json_columns if item.get(k) is not None}}
                    for item in changed[doc_id]
                ]
                pieces.append(refs.slice(kept_from, start - kept_from))
                given: dict[str, list[Any]] = {"document_id": [doc_id] * len(items), "item": list(range(len(items)))}
                pieces.append(_arrow_table(refs.schema, items, given))
                kept_from = stop
        pieces.append(refs.slice(kept_from))
        return pa.concat_tables(pieces)

    def _write_documents(self, writer: _TableWriter, changed: dict[str, list[dict[str, Any]]]) -> None:
        """The staged documents table, row group by row group, with the counts of resolved
        references."""
        staged = pa.ipc.open_file(pa.memory_map(str(self.tables["documents"].temporary)))
        for i in range(staged.num_record_batches):
            table = pa.Table.from_batches([staged.get_batch(i)])
            if changed:
                column = table.schema.get_field_index("n_legal_refs")
                counts = [
                    len(changed[doc_id]) if doc_id in changed else count
                    for doc_id, count in zip(table["document_id"].to_pylist(), table["n_legal_refs"].to_pylist(), strict=True)
                ]
                table = table.set_column(column, "n_legal_refs", pa.array(counts, pa.int64()))
            writer.write(table)

    def _rewrite_lines(self, changed: dict[str, list[dict[str, Any]]]) -> None:
        """documents.jsonl with the lines of the changed documents written anew."""
        provisional = self.documents.temporary.with_name(f".{self.documents.path.name}.provisional")
        os.replace(self.documents.temporary, provisional)
        self.documents = _TextWriter(self.documents.path)
        with provisional.open("rb") as lines:
            for doc_id, line in zip(self.record_ids, lines, strict=True):
                if doc_id in changed:
                    row = json.loads(line)
                    row["legal_refs"] = changed[doc_id]
                    line = json_line(row).encode("utf-8") + b"\n"
                self.documents.write(line)
        self.documents.close()
        provisional.unlink()

    def _compacted(self) -> _TextWriter:
        """The journal with only the latest line of each document of the run, in input order."""
        index = read_index(self.journal_path)
        compacted = _TextWriter(self.journal_path)
        for _, raw, _ in _payloads(self.journal_path, self.ids, index):
            compacted.write(raw)
        compacted.close()
        return compacted


def _read_arrow(path: Path) -> pa.Table:
    return pa.ipc.open_file(pa.memory_map(str(path))).read_all()


def _runs(values: list[str]) -> Iterator[tuple[str, int, int]]:
    """(value, start, stop) of each run of equal values in ``values``."""
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            yield values[start], start, i
            start = i


def build_outputs(out_dir: Path, ids: list[str], journal_path: Path | None = None) -> BuildStats:
    """Rebuild every output of ``out_dir`` from its journal, for the documents ``ids`` in order."""
    journal_path = journal_path or out_dir / JOURNAL
    index = read_index(journal_path)
    missing = [doc_id for doc_id in ids if doc_id not in index]
    if missing:
        raise RuntimeError(f"{len(missing)} documents have no journal entry, e.g. {missing[0]}")
    builder = OutputBuilder(out_dir, ids, journal_path)
    try:
        for doc_id in ids:
            builder.ready(doc_id, index[doc_id])
        return builder.finish(index.lines)
    finally:
        builder.discard()


def _add_record(tables: dict[str, _TableWriter], record: dict[str, Any]) -> None:
    """Add the rows of one record to the tables (as ``_rows`` gives them)."""
    doc_id = record["id"]
    signer = record.get("signer") or {}
    counts = {f"n_{name}": [len(record.get(name) or [])] for name in LIST_FIELDS}
    signers = {f"signer_{name}": [signer.get(name)] for name in _SIGNER_FIELDS}
    tables["documents"].add([record], document_id=[doc_id], **signers, **counts)
    for name in LIST_FIELDS:
        items = record.get(name) or []
        if items:
            tables[name].add(items, document_id=[doc_id] * len(items), item=list(range(len(items))))


def _resolved_refs(items: list[dict[str, Any]], full: ArchiveIndex) -> list[dict[str, Any]] | None:
    """One document's legal references with short forms resolved across the archive, or None
    when nothing changes."""
    refs = [LegalRef.model_validate(item) for item in items]
    resolved = [ref.model_dump(mode="json") for ref in resolve_short_forms(refs, full)]
    return resolved if resolved != [ref.model_dump(mode="json") for ref in refs] else None


# ---------------------------------------------------------------- DuckDB

# A deadline's date as a DATE: a day as is, a coarser period by its last day.
_DUE = r"""
    CASE
        WHEN regexp_full_match(d.date, '\d{4}-\d{2}-\d{2}') THEN try_cast(d.date AS DATE)
        WHEN regexp_full_match(d.date, '\d{4}-\d{2}') THEN last_day(try_cast(d.date || '-01' AS DATE))
        WHEN regexp_full_match(d.date, '\d{4}-Q[1-4]') THEN last_day(make_date(
            CAST(left(d.date, 4) AS INTEGER), 3 * CAST(right(d.date, 1) AS INTEGER), 1))
        WHEN regexp_full_match(d.date, '\d{4}-H[12]') THEN last_day(make_date(
            CAST(left(d.date, 4) AS INTEGER), 6 * CAST(right(d.date, 1) AS INTEGER), 1))
        WHEN regexp_full_match(d.date, '\d{4}') THEN try_cast(d.date || '-12-31' AS DATE)
    END
"""
# The reference date of the deadline views: `SET VARIABLE as_of = '2025-06-30'` (or
# `vanban query --as-of`), today when unset.
_AS_OF = "coalesce(try_cast(getvariable('as_of') AS DATE), current_date)"
_INSTRUMENT = "coalesce(nullif(r.id, ''), r.doc_type || ' ' || coalesce(r.number, r.name, '?'))"
# How a person names it: the type and number, or the name alone (a law's name already
# opens with its type: "Luật Đất đai", where the id says "Luật Luật Đất đai").
_LABEL = "coalesce(r.doc_type || ' ' || r.number, r.name, r.doc_type)"
# A task's deadline as a DATE (see _DUE).
_TASK_DUE = _DUE.replace("d.date", "t.deadline")
# Tasks per agency: single bodies ({groups} = "NOT") or groups ({groups} = "").
_BY_AGENCY = f"""
        SELECT agency, level, place, count(*) AS tasks, count(DISTINCT document_id) AS documents,
               count(*) FILTER (WHERE due IS NULL OR due >= {_AS_OF} OR recurrence IS NOT NULL) AS open_tasks,
               count(deadline) AS with_deadline, min(due) AS earliest_deadline, max(due) AS latest_deadline,
               agency_id
        FROM agency_obligations
        WHERE {{groups}} is_group
        GROUP BY agency_id, agency, level, place
        ORDER BY tasks DESC, agency, place
        """
# A document's quality band (``extractors.quality.band``) in SQL, over its score and its codes.
_BAND = f"""
    CASE
        WHEN quality IS NULL THEN 'unknown'
        WHEN quality >= {quality.READABLE} AND NOT list_contains(warnings, 'damaged_text') THEN 'good'
        WHEN quality >= {quality.FAIR} THEN 'fair'
        ELSE 'poor'
    END
"""
# The warnings a person should act on: the text is damaged, its header or its OCR is unreliable.
REVIEW_WARNINGS = ("damaged_text", "no_header", "ocr_low_confidence")

VIEWS: dict[str, tuple[str, str]] = {
    "agency_obligations": (
        "every task of every canonical agency: its deadline and due date, the document and its issuing body",
        f"""
        SELECT a.agency_id, a.name AS agency, a.level, a.place, a.is_group, a.successor, a.successor_since,
               ta.actor, ta.document_id, ta.task, t.deadline, {_TASK_DUE} AS due, t.recurrence, t.action,
               t.text, t.section, doc.doc_type, doc.number, doc.issue_date, doc.title, doc.source,
               coalesce(issuer.name, doc.issuer) AS issuing_body
        FROM task_agencies ta
        JOIN agencies a ON a.agency_id = ta.agency_id
        JOIN tasks t ON t.document_id = ta.document_id AND t.item = ta.task
        LEFT JOIN documents doc ON doc.document_id = ta.document_id
        LEFT JOIN document_agencies di ON di.document_id = ta.document_id AND di.role = 'issuer'
        LEFT JOIN agencies issuer ON issuer.agency_id = di.agency_id
        """,
    ),
    "obligations_by_agency": (
        "tasks per canonical agency (single bodies; groups in obligations_by_group): how many, open on the as_of date, deadlines",
        _BY_AGENCY.format(groups="NOT"),
    ),
    "obligations_by_group": (
        "tasks per collective actor (\"các sở, ban, ngành\", \"Ủy ban nhân dân các xã, phường\"), apart from single bodies",
        _BY_AGENCY.format(groups=""),
    ),
    "deadline_dates": (
        "every deadline with its due date and the document that sets it",
        f"""
        SELECT d.document_id, d.date, {_DUE} AS due, d.recurrence, d.granularity, d.text,
               doc.doc_type, doc.number, doc.issuer, doc.issue_date, doc.title
        FROM deadlines d LEFT JOIN documents doc ON doc.document_id = d.document_id
        """,
    ),
    "upcoming_deadlines": (
        "deadlines on or after the as_of date (SET VARIABLE as_of, default today), soonest first",
        f"""
        SELECT {_AS_OF} AS as_of, due - {_AS_OF} AS days_left, *
        FROM deadline_dates WHERE due >= {_AS_OF}
        ORDER BY due, document_id
        """,
    ),
    "overdue_deadlines": (
        "deadlines before the as_of date (SET VARIABLE as_of, default today), latest first",
        f"""
        SELECT {_AS_OF} AS as_of, {_AS_OF} - due AS days_overdue, *
        FROM deadline_dates WHERE due < {_AS_OF}
        ORDER BY due DESC, document_id
        """,
    ),
    "most_cited_instruments": (
        "instruments by the number of documents citing them",
        f"""
        SELECT {_INSTRUMENT} AS instrument, any_value({_LABEL}) AS label,
               any_value(r.doc_type) AS doc_type, any_value(r.number) AS number,
               any_value(r.name) AS name, count(DISTINCT r.document_id) AS citing_documents,
               CAST(sum(r.mentions) AS BIGINT) AS mentions
        FROM legal_refs r
        GROUP BY instrument
        ORDER BY citing_documents DESC, mentions DESC, instrument
        """,
    ),
    "citation_edges": (
        "document → instrument edges; target_document when the instrument is in the archive",
        f"""
        SELECT r.document_id AS source_document, src.doc_type AS source_type,
               src.number AS source_number, {_INSTRUMENT} AS instrument, {_LABEL} AS label,
               r.doc_type, r.number, r.name, r.relation, r.mentions,
               target.document_id AS target_document
        FROM legal_refs r
        JOIN documents src ON src.document_id = r.document_id
        LEFT JOIN (
            SELECT doc_type, number, min(document_id) AS document_id
            FROM documents WHERE number IS NOT NULL GROUP BY doc_type, number
        ) target ON target.doc_type = r.doc_type AND target.number = r.number
        ORDER BY source_document, instrument
        """,
    ),
    "document_warnings": (
        "every warning of every document: its code (damaged_text, no_header, ocr, ...) and message",
        """
        SELECT d.document_id, w.code, w.message
        FROM documents d,
             unnest(from_json(d.warnings, '[{"code": "VARCHAR", "message": "VARCHAR"}]')) AS t(w)
        ORDER BY d.document_id, w.code
        """,
    ),
    "document_quality": (
        "each document's text quality: score, band (good >= 0.9 and not damaged, fair >= 0.7, poor), warning codes",
        f"""
        SELECT *, {_BAND} AS band
        FROM (
            SELECT d.document_id, d.source, d.kind, d.doc_type, d.number, d.quality,
                   coalesce((SELECT list(w.code ORDER BY w.code) FROM document_warnings w
                             WHERE w.document_id = d.document_id), []) AS warnings
            FROM documents d
        )
        ORDER BY quality NULLS FIRST, document_id
        """,
    ),
    "quality_bands": (
        "documents by quality band: how many, their lowest and highest score",
        f"""
        SELECT band, count(*) AS documents, min(quality) AS lowest, max(quality) AS highest
        FROM document_quality
        GROUP BY band
        ORDER BY list_position({list(quality.BANDS)}, band)
        """,
    ),
    "review_by_hand": (
        "documents to look at by hand: damaged text, no header, low OCR confidence, or poor quality",
        f"""
        SELECT q.document_id, q.source, q.quality, q.band,
               list_sort(list_intersect(q.warnings, {list(REVIEW_WARNINGS)})) AS reasons
        FROM document_quality q
        WHERE q.band = 'poor' OR list_has_any(q.warnings, {list(REVIEW_WARNINGS)})
        ORDER BY q.quality NULLS FIRST, q.document_id
        """,
    ),
}


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def build_database(out_dir: Path) -> Path:
    """Build ``vanban.duckdb`` from the Parquet tables (tables and views), atomically."""
    import duckdb

    path = out_dir / DATABASE
    temporary = out_dir / f".{DATABASE}.tmp"
    for leftover in (temporary, temporary.with_name(temporary.name + ".wal")):
        leftover.unlink(missing_ok=True)
    connection = duckdb.connect(str(temporary))
    try:
        # a small, fixed budget: DuckDB streams the Parquet files (spilling to disk if it must),
        # so building the database of a large archive takes no more memory than a small one's
        connection.execute("SET memory_limit = '128MB'")
        connection.execute("SET threads = 1")
        for name in TABLES:
            source = _sql_string(str(out_dir / f"{name}.parquet"))
            connection.execute(f"CREATE TABLE {name} AS SELECT * FROM read_parquet({source})")
        for name, (description, sql) in VIEWS.items():
            connection.execute(f"CREATE VIEW {name} AS {sql}")
            connection.execute(f"COMMENT ON VIEW {name} IS {_sql_string(description)}")
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    os.replace(temporary, path)
    return path


def database_path(location: str | Path) -> Path:
    """The DuckDB file of an output folder (or the file itself)."""
    location = Path(location)
    return location / DATABASE if location.is_dir() else location


def query(location: str | Path, sql: str, as_of: str | None = None, parameters: dict[str, Any] | None = None) -> Any:
    """Run ``sql`` on an output folder's database (with ``$name`` ``parameters``); returns a
    pandas DataFrame."""
    import duckdb

    path = database_path(location)
    if not path.exists():
        raise FileNotFoundError(f"no database at {path} (run `vanban extract ... -o FOLDER` first)")
    connection = duckdb.connect(str(path), read_only=True)
    try:
        if as_of:
            connection.execute(f"SET VARIABLE as_of = {_sql_string(as_of)}")
        return connection.execute(sql, parameters or {}).df()
    finally:
        connection.close()


def relations(location: str | Path) -> list[tuple[str, str, str]]:
    """(name, "table" or "view", description) of everything in an output folder's database."""
    frame = query(
        location,
        "SELECT table_name AS name, 'table' AS kind, coalesce(comment, '') AS description FROM duckdb_tables() "
        "UNION ALL SELECT view_name, 'view', coalesce(comment, '') FROM duckdb_views() WHERE NOT internal "
        "ORDER BY kind, name",
    )
    return [tuple(row) for row in frame.itertuples(index=False)]


# ---------------------------------------------------------------- loading


class Dataset(dict):  # type: ignore[type-arg]
    """The tables of an output folder as pandas DataFrames, by name or attribute.

    ``load_dataset("out").tasks`` is the same DataFrame as ``load_dataset("out")["tasks"]``.
    """

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as err:
            raise AttributeError(name) from err

    def records(self) -> list[dict[str, Any]]:
        """The documents as the contract's dictionaries (``documents.jsonl``)."""
        return read_jsonl(self.folder / "documents.jsonl")

    folder: Path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_dataset(out_dir: str | Path) -> Dataset:
    """Load an output folder into pandas: ``documents``, ``legal_refs``, ``tasks``,
    ``deadlines``, ``statistics``, ``people`` and ``errors`` DataFrames, joined by
    ``document_id``; and ``agencies`` with ``task_agencies`` and ``document_agencies``,
    joined by ``agency_id``.

    Reads the Parquet tables; a folder with only ``documents.jsonl`` (written by an older
    version) is flattened the same way.
    """
    import pandas as pd

    folder = Path(out_dir)
    dataset = Dataset()
    dataset.folder = folder
    if all((folder / f"{name}.parquet").exists() for name in TABLES):
        for name in TABLES:
            dataset[name] = pd.read_parquet(folder / f"{name}.parquet")
        return dataset
    columns = _table_columns()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    agency_index = AgencyIndex()
    for record in read_jsonl(folder / "documents.jsonl"):
        for name, table_rows in [*_rows(record).items(), *agency_index.links(record).items()]:
            rows[name].extend(table_rows)
    rows["agencies"] = agency_index.rows()
    errors_path = folder / "errors.jsonl"
    if errors_path.exists():
        rows["errors"] = [
            {"document_id": e["id"], "source": e["source"], "error": e["error"]} for e in read_jsonl(errors_path)
        ]
    for name in TABLES:
        dataset[name] = pd.DataFrame(rows[name], columns=[c[0] for c in columns[name]])
    return dataset
