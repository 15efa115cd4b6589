"""Batch extraction: every input becomes a record or an error row, never a lost document.

``extract_files`` is the plain generator (one process). ``run_batch`` is what
``vanban extract`` runs: worker processes by default (or a Dask cluster), each document
under a time bound, every result journalled as soon as it is done, unchanged documents
skipped on a rerun, and the output tables rebuilt from the journal at the end.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from extractors import line_classifier
from pipeline.extract import extract_text
from pipeline.ingest import (
    OCR_MODES,
    IngestError,
    OutOfTime,
    iter_inputs,
    read_input_bytes,
    read_source,
    source_from_bytes,
)
from pipeline.record import ErrorRow, Record
from pipeline.store import JOURNAL, BuildStats, Journal, JournalIndex, OutputBuilder, journal_line

DEFAULT_TIMEOUT = 60.0
# Reading a document (OCR, a conversion) stops itself this much before its time limit (at
# most a tenth of the limit), so that the worker process reports it and stops Tesseract or
# LibreOffice, rather than being killed at the limit with them still running.
STOP_EARLY = 0.5
DASK_TASKS_PER_THREAD = 4  # documents sent ahead per Dask worker thread


def extract_file(
    path: str | Path,
    doc_id: str | None = None,
    data: bytes | None = None,
    *,
    ocr: str = "auto",
    timeout: float | None = None,
) -> Record | ErrorRow:
    """Read and extract one file; a failure becomes an ``ErrorRow`` saying why.

    ``data``: the file's bytes, already read (by a machine that has the file), so that
    ``path`` is not opened here. ``ocr``: "auto", "always" or "never" (see
    ``pipeline.ingest.OCR_MODES``). ``timeout``: the document's time limit in seconds, which
    reading it (OCR page by page, a conversion) keeps to (see ``STOP_EARLY``).
    """
    path = Path(path)
    doc_id = doc_id or path.stem
    deadline = None if timeout is None else time.monotonic() + timeout - min(STOP_EARLY, timeout / 10)
    try:
        if data is None:
            source = read_source(path, ocr=ocr, deadline=deadline)
        else:
            source = source_from_bytes(data, path, ocr=ocr, deadline=deadline)
    except OutOfTime as err:
        reason = f"extraction took longer than the time limit of {timeout:g} s ({err})"
        return ErrorRow(id=doc_id, source=str(path), error=reason)
    except IngestError as err:
        return ErrorRow(id=doc_id, source=str(path), error=str(err))
    except OSError as err:
        return ErrorRow(id=doc_id, source=str(path), error=f"cannot read file: {err.strerror or err}")
    try:
        record = extract_text(source.text, id=doc_id, source=str(path), warnings=source.warnings)
    except Exception as err:  # an extractor bug must not cost the batch
        return ErrorRow(id=doc_id, source=str(path), error=f"extraction failed: {err.__class__.__name__}: {err}")
    record.format = source.format
    record.encoding = source.encoding  # content_hash: extract_text's, of this same text
    return record


def unique_ids(paths: list[Path]) -> list[str]:
    """File stems as ids; a stem seen twice gets its parent folder's name prefixed."""
    seen: dict[str, int] = {}
    ids = []
    for path in paths:
        doc_id = path.stem
        if doc_id in seen:
            seen[doc_id] += 1
            doc_id = f"{path.parent.name}__{doc_id}"
            while doc_id in seen:
                doc_id += "_"
        seen.setdefault(doc_id, 1)
        ids.append(doc_id)
    return ids


def extract_files(paths: list[str | Path]) -> Iterator[Record | ErrorRow]:
    """Records (or error rows) for every file named by ``paths``, folders walked recursively."""
    files = list(iter_inputs(paths))
    for path, doc_id in zip(files, unique_ids(files), strict=True):
        yield extract_file(path, doc_id)


# ---------------------------------------------------------------- one task


@dataclass(frozen=True)
class Task:
    """One input of a batch: its path, id and the SHA-256 of its bytes (None: unreadable),
    the bytes themselves when they travel with it (to a Dask worker), the OCR mode, the
    document's time limit in seconds and the task line model to extract with (None: the rules
    alone; its 16 KB travel with each task, so any worker, local or Dask, uses it)."""

    path: str
    id: str
    digest: str | None
    data: bytes | None = field(default=None, repr=False)
    ocr: str = "auto"
    timeout: float | None = None
    task_lines: bytes | None = field(default=None, repr=False)


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file's bytes, or None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def process_task(task: Task) -> str:
    """Extract one input and return its journal line; never raises."""
    try:
        if line_classifier.model_in_use() != task.task_lines:
            line_classifier.use_model(task.task_lines)
        result: Record | ErrorRow = extract_file(task.path, task.id, task.data, ocr=task.ocr, timeout=task.timeout)
    except BaseException as err:  # MemoryError, RecursionError: still one error row
        result = ErrorRow(id=task.id, source=task.path, error=f"extraction failed: {err.__class__.__name__}: {err}")
    return journal_line(result, task.digest)


def _error_line(task: Task, reason: str) -> str:
    return journal_line(ErrorRow(id=task.id, source=task.path, error=reason), task.digest)


# ---------------------------------------------------------------- worker processes

# Extracting this once loads every lazily built table (patterns, administrative units), so
# that a document's time bound measures its own extraction, not the imports.
_WARM_UP = (
    "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 14/CT-UBND\nGia Lai, ngày 23 tháng 12 năm 2021\n"
    "CHỈ THỊ\nVề đổi mới công tác dân vận\nCác sở, ban, ngành thực hiện trước ngày 15/01/2022.\n"
    "Nơi nhận:\n- Như trên;\nCHỦ TỊCH\nNguyễn Văn A\n"
)


def warm_up() -> None:
    """Load every table the extractors build lazily."""
    extract_text(_WARM_UP)


def _worker_main(connection: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    warm_up()
    connection.send("ready")
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        connection.send(process_task(task))


class _Worker:
    def __init__(self, context: Any) -> None:
        parent, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.connection: Connection = parent
        self.ready = False
        self.task: Task | None = None
        self.started = 0.0

    def send(self, task: Task) -> None:
        self.task = task
        self.started = time.monotonic()
        self.connection.send(task)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.connection.send(None)
            except OSError:
                pass
        self.process.join(timeout=0 if kill else 2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.connection.close()


def _context() -> Any:
    # fork shares the parent's loaded tables with every worker; elsewhere, spawn
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_processes(tasks: list[Task], jobs: int, timeout: float, tick: Callable[[], None] | None = None) -> Iterator[str]:
    """Journal lines of ``tasks``, extracted by ``jobs`` worker processes, in completion order.

    A document that takes longer than ``timeout`` seconds becomes an error row: reading it
    (OCR, a conversion) stops itself just before the limit; anything else costs its worker,
    which is killed and replaced. So does a worker that dies.
    """
    if not tasks:
        return
    context = _context()
    if context.get_start_method() == "fork":
        warm_up()
    pending = deque(tasks)
    workers = [_Worker(context) for _ in range(max(1, min(jobs, len(tasks))))]
    failures = 0
    try:
        while pending or any(w.task is not None for w in workers):
            for worker in workers:
                if worker.ready and worker.task is None and pending:
                    worker.send(pending.popleft())
            busy = [w.started + timeout for w in workers if w.task is not None]
            wait_for = min(0.25, max(0.0, min(busy) - time.monotonic())) if busy else 0.25
            by_connection = {w.connection: w for w in workers}
            for connection in wait(list(by_connection), timeout=wait_for):
                worker = by_connection[connection]  # type: ignore[index]
                try:
                    message: str = worker.connection.recv()
                except (EOFError, OSError):
                    code = worker.process.exitcode
                    if worker.task is not None:
                        yield _error_line(worker.task, f"worker process died while extracting (exit code {code})")
                    else:
                        failures += 1
                        if failures > 3:
                            raise RuntimeError(f"worker processes fail to start (exit code {code})") from None
                    workers[workers.index(worker)] = _Worker(context)
                    worker.stop(kill=True)
                    continue
                if message == "ready":
                    worker.ready = True
                else:
                    worker.task = None
                    if pending:  # the next document first: the worker extracts while the caller takes this one
                        worker.send(pending.popleft())
                    yield message
            now = time.monotonic()
            for i, worker in enumerate(workers):
                if worker.task is not None and now - worker.started > timeout:
                    worker.stop(kill=True)
                    yield _error_line(worker.task, f"extraction took longer than the time limit of {timeout:g} s")
                    workers[i] = _Worker(context)
            if tick is not None:
                tick()
    finally:
        for worker in workers:
            worker.stop(kill=worker.task is not None)


def run_dask(tasks: list[Task], scheduler: Any, jobs: int) -> Iterator[str]:
    """Journal lines of ``tasks`` extracted on a Dask distributed cluster.

    ``scheduler`` is a ``distributed.Client``, a scheduler address, or ``"local"`` for a
    ``LocalCluster`` of ``jobs`` worker processes on this machine. This process reads each
    file and sends its bytes with the task, so workers on other machines need no shared file
    system; a file it cannot read is an error row at once. A few tasks per worker thread are
    in flight at a time, so neither this process nor the scheduler holds the archive.
    """
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    client = scheduler if isinstance(scheduler, Client) else None
    if client is None:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(scheduler)
    try:
        client.run(warm_up)  # each worker loads its tables before its first document
        in_flight = DASK_TASKS_PER_THREAD * max(1, sum(client.nthreads().values()))
        unsent = iter(tasks)
        running = as_completed()

        def send_next() -> Iterator[str]:
            """Send the next readable task; yield the error lines of unreadable ones on the way."""
            for task in unsent:
                try:
                    data = read_input_bytes(task.path)
                except IngestError as err:
                    yield _error_line(task, str(err))
                    continue
                running.add(client.submit(process_task, replace(task, data=data), pure=False))
                return

        for _ in range(in_flight):
            yield from send_next()
        for future in running:
            yield future.result()
            future.release()
            yield from send_next()
    finally:
        if client is not scheduler:
            client.close()
        if cluster is not None:
            cluster.close()


# ---------------------------------------------------------------- a batch run


@dataclass
class BatchResult:
    """What a batch run did."""

    inputs: int
    extracted: int
    skipped: int
    stats: BuildStats
    seconds: float
    out: Path

    @property
    def errors(self) -> int:
        return self.stats.errors

    @property
    def records(self) -> int:
        return self.stats.records


def plan(inputs: list[str | Path], out_dir: Path) -> tuple[list[Task], list[Task], JournalIndex]:
    """Every task of a run in input order, those of them to extract (the others are unchanged
    — same path, same content hash — since an earlier run journalled them), and the index of
    the journal as it is."""
    files = list(iter_inputs(inputs))
    journal = Journal(out_dir)
    try:
        index = journal.index()
    finally:
        journal.close()
    tasks, todo = [], []
    for path, doc_id in zip(files, unique_ids(files), strict=True):
        task = Task(str(path), doc_id, file_digest(path))
        entry = index.get(doc_id)
        tasks.append(task)
        if entry is None or task.digest is None or (entry.hash, entry.source) != (task.digest, task.path):
            todo.append(task)
    return tasks, todo, index


def run_batch(
    inputs: list[str | Path],
    out_dir: str | Path,
    *,
    jobs: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    dask: Any = None,
    ocr: str = "auto",
    task_lines: bytes | None = None,
    fresh: bool = False,
    on_start: Callable[[int, int], None] | None = None,
    on_done: Callable[[], None] | None = None,
    tick: Callable[[], None] | None = None,
) -> BatchResult:
    """Extract ``inputs`` into ``out_dir``: journal, JSONL, Parquet and DuckDB.

    ``jobs`` worker processes (default: one per core) or the Dask cluster ``dask``;
    ``timeout`` seconds per document (on Dask, only OCR and conversions keep to it); ``ocr``:
    "auto", "always" or "never"; ``task_lines`` a task line model's bytes (None: the task rules
    alone); ``fresh`` ignores what earlier runs journalled.
    ``on_start(to_extract, skipped)`` and ``on_done()`` (once per document) report progress.
    The outputs are built in this process while the workers extract (``OutputBuilder``).
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    started = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fresh:
        (out / JOURNAL).unlink(missing_ok=True)
    tasks, todo, index = plan(inputs, out)
    todo = [replace(task, ocr=ocr, timeout=timeout, task_lines=task_lines) for task in todo]
    skipped = len(tasks) - len(todo)
    if on_start is not None:
        on_start(len(todo), skipped)
    jobs = jobs or os.cpu_count() or 1
    journal = Journal(out)
    builder = OutputBuilder(out, [task.id for task in tasks])
    journal_lines = index.lines
    try:
        extracted = {task.id for task in todo}
        for task in tasks:
            if task.id not in extracted:
                builder.ready(task.id, index[task.id])
        lines = run_dask(todo, dask, jobs) if dask is not None else run_processes(todo, jobs, timeout, tick)
        for line in lines:
            builder.ready(*journal.append(line))
            journal_lines += 1
            if on_done is not None:
                on_done()
        journal.close()
        stats = builder.finish(journal_lines)
    finally:
        journal.close()
        builder.discard()
    return BatchResult(len(tasks), len(todo), skipped, stats, time.perf_counter() - started, out)
