"""Throughput and memory of the default pipeline.

    PYTHONPATH=. python benchmarks/throughput.py [--corpus ../shared/corpus] [--mb 20]

1. Throughput, in this process, on one core: the corpus texts (bundled seeds and the shared
   corpus) repeated to at least ``--mb`` MB of UTF-8 text, through ``extract_text`` (ingest
   excluded: the texts are read first), then ``underthesea.word_tokenize`` over the same
   texts. Prints MB/s for both and the ratio. ``--underthesea-mb`` times underthesea on a
   prefix of the texts only (it is slow: ~0.1 MB/s), the ratio is still per MB.
2. Peak memory: ``vanban extract`` (the batch: worker process, journal, Parquet, DuckDB) over
   1x and 10x the corpus copied into a temporary folder, each in a fresh child process; peak
   RSS of the orchestrating process and of its largest worker, and the 10x/1x ratio.
"""

from __future__ import annotations

import argparse
import json
import os
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


def throughput(texts: list[str], target_mb: float, underthesea_mb: float | None) -> dict[str, float]:
    size = sum(len(t.encode("utf-8")) for t in texts)
    repeats = max(1, int(-(-target_mb * 1e6 // size)))
    workload = texts * repeats
    megabytes = size * repeats / 1e6
    for text in texts:  # warm up: lazily built tables, compiled patterns
        extract_text(text)
    started = time.perf_counter()
    for text in workload:
        extract_text(text)
    pipeline_seconds = time.perf_counter() - started

    from underthesea import word_tokenize

    word_tokenize(texts[0])  # warm up: loads its model
    sample, sample_bytes = [], 0
    limit = (underthesea_mb or megabytes) * 1e6
    for text in workload:
        if sample_bytes >= limit:
            break
        sample.append(text)
        sample_bytes += len(text.encode("utf-8"))
    started = time.perf_counter()
    for text in sample:
        word_tokenize(text)
    underthesea_seconds = time.perf_counter() - started
    pipeline_rate = megabytes / pipeline_seconds
    underthesea_rate = sample_bytes / 1e6 / underthesea_seconds
    return {
        "pipeline_mb": megabytes,
        "pipeline_seconds": pipeline_seconds,
        "pipeline_mb_per_s": pipeline_rate,
        "underthesea_mb": sample_bytes / 1e6,
        "underthesea_seconds": underthesea_seconds,
        "underthesea_mb_per_s": underthesea_rate,
        "ratio": pipeline_rate / underthesea_rate,
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
    parser.add_argument("--underthesea-mb", type=float, help="time underthesea on this many MB only")
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
        f"{speed['pipeline_mb_per_s']:.2f} MB/s\n"
        f"underthesea.word_tokenize:   {speed['underthesea_mb']:.1f} MB in {speed['underthesea_seconds']:.1f} s = "
        f"{speed['underthesea_mb_per_s']:.3f} MB/s\n"
        f"ratio pipeline/underthesea:  {speed['ratio']:.1f}x"
    )
    if not args.skip_memory:
        one = peak_memory(files, 1, args.jobs)
        ten = peak_memory(files, 10, args.jobs)
        figures["memory"] = {"1x": one, "10x": ten}
        for label, run in (("1x", one), ("10x", ten)):
            print(
                f"peak memory {label:>3}: {run['documents']} documents, {run['text_mb']:.1f} MB of text in "
                f"{run['seconds']:.1f} s; orchestrator {run['orchestrator_mb']:.0f} MB, "
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
