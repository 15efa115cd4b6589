"""Throughput and memory of the default pipeline.

    PYTHONPATH=. python benchmarks/throughput.py [--corpus ../shared/corpus] [--mb 20]

1. Throughput, in this process, on one core: the corpus texts (bundled seeds and the shared
   corpus) run through ``extract_text`` (ingest excluded: the texts are read first) pass after
   pass until at least ``--mb`` MB of UTF-8 text are done. After each pass, in the same process,
   ``underthesea.word_tokenize`` runs over a slice of the same texts (``--underthesea-mb`` in
   all, spread over the passes: it is slow, ~0.1 MB/s), so that both see the machine in the
   same state: shared machines change speed by tens of percent within a minute. Prints MB/s of
   both over the whole run (wall time), the pipeline's median and best pass, its MB per CPU
   second of this process (time the process waited for the core not counted), and the ratio
   (the median of the per-pass ratios, and the ratio of the totals).
2. Peak memory: ``vanban extract`` (the batch: worker process, journal, Parquet, DuckDB) over
   1x and 10x the corpus copied into a temporary folder, each in a fresh child process; peak
   RSS of the orchestrating process and of its largest worker, and the 10x/1x ratio; and the
   batch's MB/s per worker, ingest, journal and outputs included.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.extract import extract_text  # noqa: E402
from pipeline.ingest import iter_inputs, read_source  # noqa: E402


def corpus_files(corpus: Path) -> list[Path]:
    folders = [ROOT / "corpus" / "seeds", corpus / "documents"]
    return [p for p in iter_inputs([f for f in folders if f.exists()]) if p.suffix == ".txt"]


def throughput(texts: list[str], target_mb: float, underthesea_mb: float) -> dict[str, float]:
    from underthesea import word_tokenize

    corpus_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    passes = max(1, math.ceil(target_mb / corpus_mb))
    # the underthesea slice of each pass: the first texts, up to its share of --underthesea-mb
    per_pass, slice_texts, slice_mb = underthesea_mb / passes, [], 0.0
    for text in texts:
        if slice_mb >= per_pass:
            break
        slice_texts.append(text)
        slice_mb += len(text.encode("utf-8")) / 1e6
    for text in texts:  # warm up: lazily built tables, compiled patterns
        extract_text(text)
    word_tokenize(texts[0])  # warm up: loads its model
    pipeline_times, pipeline_cpu, underthesea_times = [], [], []
    for _ in range(passes):
        started, started_cpu = time.perf_counter(), time.process_time()
        for text in texts:
            extract_text(text)
        pipeline_times.append(time.perf_counter() - started)
        pipeline_cpu.append(time.process_time() - started_cpu)
        started = time.perf_counter()
        for text in slice_texts:
            word_tokenize(text)
        underthesea_times.append(time.perf_counter() - started)
    pipeline_rate = corpus_mb * passes / sum(pipeline_times)
    underthesea_rate = slice_mb * passes / sum(underthesea_times)
    ratios = [(corpus_mb / p) / (slice_mb / u) for p, u in zip(pipeline_times, underthesea_times, strict=True)]
    return {
        "passes": passes,
        "pipeline_mb": corpus_mb * passes,
        "pipeline_seconds": sum(pipeline_times),
        "pipeline_mb_per_s": pipeline_rate,
        "pipeline_median_pass_mb_per_s": corpus_mb / statistics.median(pipeline_times),
        "pipeline_best_pass_mb_per_s": corpus_mb / min(pipeline_times),
        "pipeline_worst_pass_mb_per_s": corpus_mb / max(pipeline_times),
        "pipeline_cpu_mb_per_s": corpus_mb * passes / sum(pipeline_cpu),
        "underthesea_mb": slice_mb * passes,
        "underthesea_seconds": sum(underthesea_times),
        "underthesea_mb_per_s": underthesea_rate,
        "ratio": pipeline_rate / underthesea_rate,
        "ratio_median_pass": statistics.median(ratios),
    }


_CHILD = """
import json, resource, sys, time
from pipeline.batch import run_batch
started = time.perf_counter()
result = run_batch([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
print(json.dumps({
    "documents": result.inputs, "errors": result.errors, "seconds": time.perf_counter() - started,
    "text_mb": result.stats.text_bytes / 1e6,
    "orchestrator_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def peak_memory(files: list[Path], factor: int, jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "archive"
        archive.mkdir()
        for copy in range(factor):
            for path in files:
                (archive / f"{copy:03d}_{path.name}").write_bytes(path.read_bytes())
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        output = subprocess.run(
            [sys.executable, "-c", _CHILD, str(archive), str(Path(tmp) / "out"), str(jobs)],
            env=env, capture_output=True, text=True, check=True,
        ).stdout
        return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.environ.get("VANBAN_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    parser.add_argument("--mb", type=float, default=20.0, help="MB of text for the throughput run (default 20)")
    parser.add_argument(
        "--underthesea-mb", type=float, default=2.0, help="MB of text for underthesea, spread over the passes (default 2)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="worker processes of the memory runs (default 1)")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    files = corpus_files(Path(args.corpus))
    texts = [read_source(p).text for p in files]
    figures: dict[str, object] = {"corpus_files": len(files), "corpus_mb": sum(len(t.encode()) for t in texts) / 1e6}
    print(f"corpus: {len(files)} files, {figures['corpus_mb']:.2f} MB of text")
    speed = throughput(texts, args.mb, args.underthesea_mb)
    figures["throughput"] = speed
    print(
        f"pipeline (one core):         {speed['pipeline_mb']:.1f} MB in {speed['pipeline_seconds']:.1f} s = "
        f"{speed['pipeline_mb_per_s']:.2f} MB/s over {speed['passes']} passes (median pass "
        f"{speed['pipeline_median_pass_mb_per_s']:.2f}, best {speed['pipeline_best_pass_mb_per_s']:.2f}, "
        f"worst {speed['pipeline_worst_pass_mb_per_s']:.2f}); per CPU second "
        f"{speed['pipeline_cpu_mb_per_s']:.2f} MB/s\n"
        f"underthesea.word_tokenize:   {speed['underthesea_mb']:.1f} MB in {speed['underthesea_seconds']:.1f} s = "
        f"{speed['underthesea_mb_per_s']:.3f} MB/s\n"
        f"ratio pipeline/underthesea:  {speed['ratio']:.1f}x over the run, {speed['ratio_median_pass']:.1f}x median of the passes"
    )
    if not args.skip_memory:
        one = peak_memory(files, 1, args.jobs)
        ten = peak_memory(files, 10, args.jobs)
        figures["memory"] = {"1x": one, "10x": ten}
        for label, run in (("1x", one), ("10x", ten)):
            print(
                f"peak memory {label:>3}: {run['documents']} documents, {run['text_mb']:.1f} MB of text in "
                f"{run['seconds']:.1f} s ({run['text_mb'] / run['seconds'] / args.jobs:.2f} MB/s per worker, "
                f"ingest and outputs included); orchestrator {run['orchestrator_mb']:.0f} MB, "
                f"largest worker {run['worker_mb']:.0f} MB"
            )
        peak_one = max(one["orchestrator_mb"], one["worker_mb"])
        peak_ten = max(ten["orchestrator_mb"], ten["worker_mb"])
        figures["memory_ratio"] = peak_ten / peak_one
        print(f"peak memory 10x / 1x:        {peak_ten:.0f} / {peak_one:.0f} MB = {peak_ten / peak_one:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
