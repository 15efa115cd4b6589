"""Throughput and memory of ``vanban extract``, the whole command, against underthesea.

    PYTHONPATH=. python benchmarks/throughput.py [--corpus ../shared/corpus] [--mb 20] [--json FILE]

The corpus: the text documents of ``corpus/seeds`` and of the shared corpus's ``documents/``
and ``archive/`` (decisions with land tables, reports with index tables: not only prose),
repeated into a temporary folder until ``--mb`` MB, each copy made different (a line naming
the copy closes it), so that no document is the same as another and nothing is reused.

1. The whole command, each run a fresh process timed from start to exit (interpreter,
   imports, extraction, journal, JSONL, Parquet, DuckDB): ``vanban extract --jobs 1``, then
   ``--jobs 2``, then ``--dask local`` with 2 workers. MB/s of input text, and per worker.
   Before the first run and after each, ``underthesea.word_tokenize`` runs over a slice of
   the same texts in this process (``--underthesea-mb``); a run's ratio is its MB/s over the
   mean of the two slices around it, so that both see the machine in the same state (shared
   machines change speed by tens of per cent within a minute). The Dask run's
   ``documents.jsonl`` and ``errors.jsonl`` are compared with those of the process pool. The
   CPU seconds of each run (the command and its workers) say what the work costs even when
   other programs share the machine.
2. The share of each stage: the distinct texts, once, through the batch's own functions in
   this process (``process_task``, the journal, ``build_outputs``), each stage timed where the
   batch calls it; the startup (interpreter, imports, the first extraction) in a fresh process.
3. Peak memory: ``run_batch`` over 1x and 10x the corpus (distinct copies), each in a fresh
   process: peak RSS of the orchestrating process and of its largest worker, the 10x/1x ratio.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def corpus_files(corpus: Path) -> list[Path]:
    """The text documents of the benchmark corpus, in a stable order."""
    folders = [ROOT / "corpus" / "seeds", corpus / "documents", corpus / "archive"]
    return [p for folder in folders if folder.exists() for p in sorted(folder.glob("*.txt"))]


def build_corpus(files: list[Path], target_mb: float, folder: Path) -> float:
    """Copies of ``files`` in ``folder`` until ``target_mb`` MB, each copy different; its MB."""
    folder.mkdir(parents=True)
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in files]
    written, copy = 0, 0
    while written < target_mb * 1e6:
        for name, text in texts:
            if copy:
                text = text.rstrip("\n") + f"\n\nBản lưu số {copy:04d}.\n"
            data = text.encode("utf-8")
            (folder / f"{copy:04d}_{name}").write_bytes(data)
            written += len(data)
        copy += 1
    return written / 1e6


# ---------------------------------------------------------------- 1. the whole command


class Underthesea:
    """``word_tokenize`` over a fixed slice of the texts, timed each time it runs."""

    def __init__(self, texts: list[str], mb: float) -> None:
        from underthesea import word_tokenize

        self.tokenize = word_tokenize
        self.slice: list[str] = []
        self.mb = 0.0
        for text in texts:
            if self.mb >= mb:
                break
            self.slice.append(text)
            self.mb += len(text.encode("utf-8")) / 1e6
        self.tokenize(self.slice[0])  # loads its model
        self.rates: list[float] = []

    def run(self) -> float:
        started = time.perf_counter()
        for text in self.slice:
            self.tokenize(text)
        self.rates.append(self.mb / (time.perf_counter() - started))
        return self.rates[-1]


def whole_command(folder: Path, out: Path, mb: float, *options: str) -> dict[str, Any]:
    """``vanban extract folder -o out *options`` in a fresh process: seconds and MB/s."""
    command = [sys.executable, "-m", "pipeline.cli", "extract", str(folder), "-o", str(out), "--quiet", *options]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr}")
    # CPU seconds of the command and its workers: what the work costs, whatever else runs
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "command": " ".join(["vanban", *command[3:]]),
        "seconds": seconds,
        "mb_per_s": mb / seconds,
        "cpu_seconds": cpu,
        "mb_per_cpu_s": mb / cpu,
    }


# ---------------------------------------------------------------- 2. stages


def startup_seconds() -> float:
    """A fresh process importing the command and extracting its first (tiny) document."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", "import pipeline.cli; from pipeline.batch import warm_up; warm_up()"],
        env=ENV, check=True,
    )
    return time.perf_counter() - started


def stage_seconds(files: list[Path], out: Path) -> dict[str, float]:
    """Seconds of each stage of the batch over ``files``, timed where the batch calls it."""
    from extractors import document
    from pipeline import batch, extract, store

    seconds: dict[str, float] = defaultdict(float)

    def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[stage] += time.perf_counter() - started

        return wrapper

    patched = [
        (batch, "read_source", "ingest"),
        (batch, "extract_text", "extract_text"),
        (batch, "journal_line", "journal line (serialise)"),
        (extract, "normalize", "normalise"),
        (extract, "parse", "parse (structure)"),
        (document, "extract", "document fields"),
        (store, "build_database", "DuckDB"),
    ]
    batch.warm_up()  # as the batch does before its workers start: part of the startup's share
    originals = [(module, name, getattr(module, name)) for module, name, _ in patched]
    extractors = dict(extract.EXTRACTORS)
    try:
        for module, name, stage in patched:
            setattr(module, name, timed(stage, getattr(module, name)))
        for name, function in extractors.items():
            extract.EXTRACTORS[name] = timed(f"extractor {name}", function)
        ids = batch.unique_ids(files)
        tasks = [batch.Task(str(path), doc_id, batch.file_digest(path)) for path, doc_id in zip(files, ids, strict=True)]
        journal = store.Journal(out)
        for task in tasks:
            line = timed("worker", batch.process_task)(task)
            timed("journal write", journal.append)(line)
        journal.close()
        timed("outputs", store.build_outputs)(out, ids)
    finally:
        for module, name, function in originals:
            setattr(module, name, function)
        extract.EXTRACTORS.update(extractors)
    inner = ["normalise", "parse (structure)", "document fields", *(f"extractor {n}" for n in extractors)]
    seconds["record (model)"] = seconds["extract_text"] - sum(seconds[s] for s in inner)
    seconds["worker, other"] = (
        seconds.pop("worker") - seconds["ingest"] - seconds.pop("extract_text") - seconds["journal line (serialise)"]
    )
    seconds["outputs"] -= seconds["DuckDB"]
    seconds["outputs (JSONL, Parquet)"] = seconds.pop("outputs")
    return dict(seconds)


# ---------------------------------------------------------------- 3. memory

_CHILD = """
import json, resource, sys, time
from pipeline.batch import run_batch
started = time.perf_counter()
result = run_batch([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
print(json.dumps({
    "documents": result.inputs, "errors": result.errors, "seconds": time.perf_counter() - started,
    "orchestrator_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def peak_memory(files: list[Path], mb: float, jobs: int) -> dict[str, float]:
    """Peak RSS of a batch over ``mb`` MB of the corpus, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        corpus_mb = build_corpus(files, mb, folder)
        output = subprocess.run(
            [sys.executable, "-c", _CHILD, str(folder), str(Path(tmp) / "out"), str(jobs)],
            env=ENV, capture_output=True, text=True, check=True,
        ).stdout
        return {"mb": corpus_mb, **json.loads(output.strip().splitlines()[-1])}


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.environ.get("VANBAN_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    parser.add_argument("--mb", type=float, default=20.0, help="MB of text for the whole-command runs (default 20)")
    parser.add_argument(
        "--underthesea-mb", type=float, default=0.3, help="MB of text of each underthesea slice (default 0.3)"
    )
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    files = corpus_files(Path(args.corpus))
    texts = [path.read_text(encoding="utf-8") for path in files]
    base_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    figures: dict[str, Any] = {"corpus_files": len(files), "corpus_mb": base_mb}
    print(f"corpus: {len(files)} text files, {base_mb:.2f} MB (seeds, documents/, archive/)")
    underthesea = Underthesea(texts, args.underthesea_mb)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        mb = build_corpus(files, args.mb, folder)
        figures["whole_command_mb"] = mb
        print(f"whole command over {mb:.1f} MB ({len(list(folder.iterdir()))} files, every copy different):")
        runs = [("1 worker", 1, ("--jobs", "1")), ("2 workers", 2, ("--jobs", "2"))]
        if not args.skip_dask:
            runs.append(("Dask local, 2 workers", 2, ("--dask", "local", "--jobs", "2")))
        underthesea.run()
        results: dict[str, dict[str, Any]] = {}
        for label, workers, options in runs:
            run = whole_command(folder, Path(tmp) / label.replace(" ", "_"), mb, *options)
            before, after = underthesea.rates[-1], underthesea.run()
            run["workers"] = workers
            run["mb_per_s_per_worker"] = run["mb_per_s"] / workers
            run["underthesea_mb_per_s"] = (before + after) / 2
            run["ratio_underthesea"] = run["mb_per_s"] / run["underthesea_mb_per_s"]
            results[label] = run
            print(
                f"  {label:22s} {run['seconds']:6.1f} s = {run['mb_per_s']:.2f} MB/s "
                f"({run['mb_per_s_per_worker']:.2f} per worker); underthesea around it "
                f"{run['underthesea_mb_per_s']:.3f} MB/s: ratio {run['ratio_underthesea']:.1f}x; "
                f"{run['cpu_seconds']:.1f} CPU s in all ({run['mb_per_cpu_s']:.2f} MB per CPU s)"
            )
        one, two = results["1 worker"], results["2 workers"]
        figures["whole_command"] = results
        figures["speedup_2_workers"] = two["mb_per_s"] / one["mb_per_s"]
        print(f"  2 workers / 1 worker:  {figures['speedup_2_workers']:.2f}x the MB/s")
        if "Dask local, 2 workers" in results:
            same = all(
                (Path(tmp) / "2_workers" / name).read_bytes() == (Path(tmp) / "Dask_local,_2_workers" / name).read_bytes()
                for name in ("documents.jsonl", "errors.jsonl")
            )
            figures["dask_same_records"] = same
            print(f"  Dask records the same as the process pool's: {same}")
        figures["underthesea_mb_per_s"] = statistics.median(underthesea.rates)

    with tempfile.TemporaryDirectory() as tmp:
        startup = startup_seconds()
        stages = {"startup (process, imports, first document)": startup, **stage_seconds(files, Path(tmp))}
    total = sum(stages.values())
    figures["stages_seconds"] = stages
    print(f"stages, the {base_mb:.2f} MB once in this process ({total:.1f} s in all):")
    for stage, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        print(f"  {stage:45s} {seconds:6.2f} s  {100 * seconds / total:5.1f} %")

    if not args.skip_memory:
        one_x = peak_memory(files, base_mb, 1)
        ten_x = peak_memory(files, 10 * base_mb, 1)
        figures["memory"] = {"1x": one_x, "10x": ten_x}
        for label, run in (("1x", one_x), ("10x", ten_x)):
            print(
                f"peak memory {label:>3}: {run['documents']} documents, {run['mb']:.1f} MB in {run['seconds']:.1f} s; "
                f"orchestrator {run['orchestrator_mb']:.0f} MB, largest worker {run['worker_mb']:.0f} MB"
            )
        peak_one = max(one_x["orchestrator_mb"], one_x["worker_mb"])
        peak_ten = max(ten_x["orchestrator_mb"], ten_x["worker_mb"])
        figures["memory_ratio"] = peak_ten / peak_one
        print(f"peak memory 10x / 1x: {peak_ten:.0f} / {peak_one:.0f} MB = {peak_ten / peak_one:.2f}")
    figures["benchmark_cpu_seconds"] = resource.getrusage(resource.RUSAGE_SELF).ru_utime
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
