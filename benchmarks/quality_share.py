"""What the text-quality pass and the glued-words stage cost, as shares of ``extract_text``.

    PYTHONPATH=. python benchmarks/quality_share.py [--corpus ../shared/corpus] [--passes 5]

The corpus texts (bundled seeds, the shared corpus's documents and archive) are read first; then,
pass after pass, each text runs through ``extract_text`` and, right after it in the same process
(so that both see the machine in the same state), ``quality.assess`` over its normalised text
and the glued-words stage of ``pipeline.normalize`` over the same text. The first pass warms the
caches (judged words, the syllable tables, the dictionary) and is not counted. Prints, per pass
and as the median of the passes, the CPU time of each as a share of ``extract_text``'s (which
already includes both).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import quality  # noqa: E402
from pipeline import normalize as normalisation  # noqa: E402
from pipeline.extract import extract_text  # noqa: E402
from pipeline.ingest import iter_inputs, read_source  # noqa: E402


def corpus_texts(corpus: Path) -> list[str]:
    """The texts of the bundled seeds and of the shared corpus's documents and archive."""
    folders = [f for f in (ROOT / "corpus" / "seeds", corpus / "documents", corpus / "archive") if f.exists()]
    return [read_source(p).text for p in iter_inputs(folders) if p.suffix == ".txt"]


def one_pass(texts: list[str]) -> tuple[float, float, float]:
    """CPU seconds of extract_text, of the quality pass and of the glued-words stage."""
    extract = assess = glued = 0.0
    for text in texts:
        start = time.process_time()
        record = extract_text(text)
        middle = time.process_time()
        quality.assess(record.text)
        after = time.process_time()
        normalisation._glued_edits(record.text)
        end = time.process_time()
        extract += middle - start
        assess += after - middle
        glued += end - after
    return extract, assess, glued


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=os.environ.get("VANBAN_CORPUS", str(ROOT.parent / "shared" / "corpus")))
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    texts = corpus_texts(Path(args.corpus))
    print(f"corpus: {len(texts)} texts, {sum(len(t.encode()) for t in texts) / 1e6:.2f} MB")
    one_pass(texts)  # warm-up
    shares = []
    for number in range(args.passes):
        extract, assess, glued = one_pass(texts)
        shares.append((assess / extract, glued / extract))
        print(f"pass {number + 1}: extract_text {extract:.2f} s, quality {assess / extract:.2%}, glued words {glued / extract:.2%}")
    print(
        f"median share of extract_text: quality.assess {statistics.median(s[0] for s in shares):.2%}, "
        f"glued-words stage {statistics.median(s[1] for s in shares):.2%}"
    )


if __name__ == "__main__":
    main()
