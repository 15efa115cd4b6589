"""OCR: character error rate, the record's fields from a scan against those from its text,
and pages per second per core.

    PYTHONPATH=. python benchmarks/ocr.py [--corpus ../shared/corpus] [--references DIR] [--jobs 2]

1. Scans made from corpus texts (tests/scans.py: the header in two columns, DejaVu Serif,
   A4): the two documents of corpus/seeds with a header and the short ones of the shared
   corpus (--documents), each drawn clean at 300 dpi, skewed by 2 degrees, and with 2 % and
   5 % of its pixels flipped at 200 dpi (plus blur and JPEG). Each scan is read by the
   project's ingest (``read_source``, the page images as a multi-page TIFF), then:
   the character error rate (CER) of its text against the text the pages show, the share of
   their words it lacks (in any order), and whether
   each field (kind, doc_type, number, issuer, issue_date, place, title, signer) of its record
   equals the field of the record extracted from the text itself.
2. The real scans of the shared corpus (scanned/*.pdf, no text layer): pages, Tesseract's
   mean word confidence, some fields, and the CER and the share of words missed (in any
   order) against a transcription when --references holds one (``<file stem>.txt``; e.g. the
   one published beside 509 in its source repository, whose columns are interleaved).
3. Speed: pages per CPU second (this process and its Tesseract children: one core each,
   whatever else the machine runs) and, as the ratio the project's benchmarks report, the
   OCR time of a page over the time ``extract_text`` takes on that page's text, both measured
   in the same worker process.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.extract import extract_text  # noqa: E402
from pipeline.ingest import read_source, source_from_bytes  # noqa: E402

FIELDS = ("kind", "doc_type", "number", "issuer", "issue_date", "place", "title", "signer")
CONDITIONS = {
    "clean": {},
    "skewed 2°": {"skew": 2.0},
    "noise 2%": {"noise": 0.02, "dpi": 200},
    "noise 5%": {"noise": 0.05, "dpi": 200},
}
SEED_DOCUMENTS = ["002_b2209b564e01dc84.txt", "003_40dd8128047d9a3b.txt"]
# short documents of the shared corpus with a full header (number, date, type, signer)
SHARED_DOCUMENTS = [
    "008_qd-12-2024-qd-ttg.txt",
    "017_qd-bcd-dulieu-lamdong-2025.txt",
    "019_qd-hopnhat-doanluatsu-lamdong-2025.txt",
    "024_cv-3397-bkhdt-2019.txt",
    "039_gm-hop-cchc-2026-ubnd-lamdong.txt",
    "065_tt-01-2025-tt-bldtbxh.txt",
]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (Tesseract)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _confidence(warnings) -> float | None:
    """The mean word confidence the ``ocr`` warning gives ("..., mean word confidence 92/100")."""
    found = [regex.search(r"confidence (\d+)/100", w.message) for w in warnings if w.code == "ocr"]
    return float(found[0][1]) if found and found[0] else None


def _pages(warnings) -> int:
    """The number of pages the ``ocr`` warning says were read ("pages 1-3 of 3 read by OCR")."""
    return next(int(regex.search(r" of (\d+) read by OCR", w.message)[1]) for w in warnings if w.code == "ocr")


def _fields(record) -> dict[str, object]:
    return {name: getattr(record, name) for name in FIELDS}


def synthetic(job: tuple[str, str]) -> dict[str, object]:
    """One corpus document drawn under one condition, read back."""
    from tests.scans import character_error_rate, render, words_missed

    path, condition = job
    text = read_source(path).text
    scan = render(text, **CONDITIONS[condition])
    buffer = io.BytesIO()
    scan.pages[0].save(buffer, "TIFF", save_all=True, append_images=scan.pages[1:], compression="tiff_lzw")
    started_cpu, started = _cpu(), time.perf_counter()
    source = source_from_bytes(buffer.getvalue(), Path(path).stem + ".tif")
    ocr_cpu, ocr_seconds = _cpu() - started_cpu, time.perf_counter() - started
    expected = _fields(extract_text(text))
    got = _fields(extract_text(source.text))
    started_cpu = _cpu()
    extract_text(scan.text)
    text_cpu = _cpu() - started_cpu
    return {
        "document": Path(path).name[:24],
        "condition": condition,
        "pages": len(scan.pages),
        "cer": character_error_rate(source.text, scan.text),
        "words_missed": words_missed(source.text, scan.text),
        "confidence": _confidence(source.warnings),
        "low_confidence": any(w.code == "ocr_low_confidence" for w in source.warnings),
        "differing": [name for name in FIELDS if got[name] != expected[name]],
        "ocr_cpu": ocr_cpu,
        "ocr_seconds": ocr_seconds,
        "text_cpu": text_cpu,
    }


def real(job: tuple[str, str | None]) -> dict[str, object]:
    """One real scan of the shared corpus, read back."""
    from tests.scans import character_error_rate, words_missed

    path, reference = job
    transcription = Path(reference).read_text(encoding="utf-8") if reference else None
    started_cpu, started = _cpu(), time.perf_counter()
    source = read_source(path)
    ocr_cpu, ocr_seconds = _cpu() - started_cpu, time.perf_counter() - started
    record = extract_text(source.text)
    return {
        "document": Path(path).name[:24],
        "pages": _pages(source.warnings),
        "confidence": _confidence(source.warnings),
        "low_confidence": any(w.code == "ocr_low_confidence" for w in source.warnings),
        "cer": character_error_rate(source.text, transcription) if transcription else None,
        "words_missed": words_missed(source.text, transcription) if transcription else None,
        "fields": {name: value for name, value in _fields(record).items() if name in ("number", "issue_date", "issuer", "doc_type")},
        "ocr_cpu": ocr_cpu,
        "ocr_seconds": ocr_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.environ.get("VANBAN_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    parser.add_argument("--references", help="folder of transcriptions of real scans, <file stem>.txt")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--skip-real", action="store_true", help="only the scans made from corpus texts")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    corpus = Path(args.corpus)

    documents = [ROOT / "corpus" / "seeds" / name for name in SEED_DOCUMENTS]
    documents += [corpus / "documents" / name for name in SHARED_DOCUMENTS if (corpus / "documents" / name).exists()]
    jobs = [(str(path), condition) for condition in CONDITIONS for path in documents]
    scanned = sorted((corpus / "scanned").glob("*.pdf")) if not args.skip_real else []
    references = Path(args.references) if args.references else None
    real_jobs = [
        (str(path), str(references / f"{path.stem}.txt") if references and (references / f"{path.stem}.txt").exists() else None)
        for path in scanned
    ]
    with Pool(args.jobs) as pool:
        made = pool.map(synthetic, jobs, chunksize=1)
        found = pool.map(real, real_jobs, chunksize=1)

    print(f"1. scans made from {len(documents)} corpus texts")
    print(f"{'document':24} {'condition':10} {'pages':>5} {'CER':>7} {'missed':>7} {'conf':>5}  fields differing")
    for row in made:
        print(
            f"{row['document']:24} {row['condition']:10} {row['pages']:5d} {row['cer']:7.2%} {row['words_missed']:7.2%} "
            f"{row['confidence'] or 0:5.1f}  {', '.join(row['differing']) or '-'}"
        )
    summary: dict[str, dict[str, object]] = {}
    for condition in CONDITIONS:
        rows = [r for r in made if r["condition"] == condition]
        agreed = {name: sum(name not in r["differing"] for r in rows) for name in FIELDS}
        summary[condition] = {
            "scans": len(rows),
            "pages": sum(r["pages"] for r in rows),
            "median_cer": statistics.median(r["cer"] for r in rows),
            "mean_cer": statistics.fmean(r["cer"] for r in rows),
            "fields_agreeing": sum(agreed.values()) / (len(rows) * len(FIELDS)),
            "per_field": agreed,
        }
        print(
            f"  {condition:10}: CER median {summary[condition]['median_cer']:.2%}, mean {summary[condition]['mean_cer']:.2%}; "
            f"fields equal to the text's {summary[condition]['fields_agreeing']:.1%} ("
            + ", ".join(f"{name} {count}/{len(rows)}" for name, count in agreed.items())
            + ")"
        )
    if found:
        print(f"2. real scans ({len(found)}, {sum(r['pages'] for r in found)} pages)")
        for row in found:
            cer = f"CER {row['cer']:.2%}, words missed {row['words_missed']:.2%}" if row["cer"] is not None else ""
            low = " (ocr_low_confidence)" if row["low_confidence"] else ""
            print(f"{row['document']:24} {row['pages']:2d} pages conf {row['confidence']:5.1f}{low} {cer}  {row['fields']}")
    pages = sum(r["pages"] for r in made) + sum(r["pages"] for r in found)
    cpu = sum(r["ocr_cpu"] for r in made) + sum(r["ocr_cpu"] for r in found)
    wall = sum(r["ocr_seconds"] for r in made) + sum(r["ocr_seconds"] for r in found)
    ratio = sum(r["ocr_cpu"] for r in made) / sum(r["text_cpu"] for r in made)
    print(
        f"3. speed: {pages} pages, {pages / cpu:.2f} pages per CPU second (one core), "
        f"{pages / wall:.2f} pages/s of wall time per worker; reading a scan costs {ratio:.0f}x "
        f"the extraction of its text (CPU time, same processes)"
    )
    if args.json:
        figures = {"synthetic": made, "summary": summary, "real": found, "pages": pages,
                   "pages_per_cpu_second": pages / cpu, "ocr_over_extraction": ratio}
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
