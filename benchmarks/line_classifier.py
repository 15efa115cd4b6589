"""Rules alone against rules + the learned line classifier, on the gold batches held out.

    PYTHONPATH=. python benchmarks/line_classifier.py [--corpus ../shared/corpus]

Leave one batch out: for each blind batch (corpus/gold/blind-K), a model is trained on every
other gold file (the dev set corpus/gold/*.gold.json, corpus/seeds/*.gold.json and the other
batches) and the batch's texts are extracted twice, with the rules alone and with the model
revising their decisions; tasks are scored by ``vanban eval``'s rules (precision, recall, F1,
summed over the batch). The table ends with the micro total over the blind batches. The
row of the latest batch is the model trained on everything else, as one shipped before that
batch was annotated would have been (at today's rules, which may have been tuned on it).

--nested checks that the choice of the CRF's settings (regularisation, CONFIDENCE) is no
fit to the held-out batches: for each batch, the settings are chosen from GRID by leaving one
of the *other* batches out in turn, then a model trained with them is scored on the batch
(slow: about 350 models, 20 minutes; tasks scored from ``tasks.extract`` on the parsed texts).

Speed: ``extract_text`` over every gold text with the bundled model against the rules alone,
in the same process, three rounds each, alternating; the ratio of the fastest rounds.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import line_classifier, tasks  # noqa: E402
from extractors.structure import Parsed  # noqa: E402
from pipeline.batch import extract_file  # noqa: E402
from pipeline.evaluate import (  # noqa: E402
    MATCHERS,
    Counts,
    Matching,
    gold_files,
    gold_id,
    load_gold,
    match_list,
    score,
    text_for_gold,
)
from pipeline.extract import extract_text  # noqa: E402
from pipeline.ingest import read_source  # noqa: E402
from pipeline.record import Record  # noqa: E402
from pipeline.train import TRAINING, Sequence, gold_sequences, parsed_document, train  # noqa: E402

GOLD = ROOT / "corpus" / "gold"


def _batches() -> dict[str, list[Path]]:
    batches = {"dev": [*sorted(GOLD.glob("*.gold.json")), *sorted((ROOT / "corpus" / "seeds").glob("*.gold.json"))]}
    for folder in sorted(GOLD.glob("blind-*"), key=lambda p: int(p.name.split("-")[1])):
        batches[folder.name] = gold_files(folder)
    return batches


def _task_counts(paths: list[Path], corpus: Path, model: bytes | None) -> Counts:
    """Tasks of ``paths`` scored, extracted with ``model`` (None: the rules alone)."""
    previous = line_classifier.model_in_use()
    line_classifier.use_model(model)
    predictions = {}
    for path in paths:
        text = text_for_gold(path, corpus)
        if text is None:
            continue
        record = extract_file(text, gold_id(path))
        if isinstance(record, Record):
            predictions[record.id] = record.model_dump(mode="json")
    line_classifier.use_model(previous)
    gold = {doc_id: item for doc_id, item in load_gold(paths).items() if doc_id in predictions}
    return score(gold, predictions).lists["tasks"]


def _model(sequences: list[Sequence], settings: dict[str, float | bool] | None = None) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "model.crfsuite"
        train(sequences, out, settings)
        return out.read_bytes()


# The settings --nested chooses from: L1 and L2 weights, and the confidence to overrule the rules.
GRID_WEIGHTS = ((0.05, 0.01), (0.5, 0.05), (1.0, 0.1), (2.0, 0.1), (4.0, 0.1), (2.0, 1.0))
GRID_CONFIDENCE = (0.5, 0.7, 0.8, 0.9, 0.95)
GoldDocument = tuple[Parsed, dict[str, Any]]  # a parsed gold text and its gold record


def _fast_counts(documents: list[GoldDocument], model: bytes | None, confidence: float) -> Counts:
    """Tasks of parsed gold texts scored, extracted by ``tasks.extract`` with ``model``."""
    previous, line_classifier.CONFIDENCE = line_classifier.CONFIDENCE, confidence
    line_classifier.use_model(model)
    total = Counts()
    for parsed, gold in documents:
        predicted = [task.model_dump() for task in tasks.extract(parsed)]
        optional = (gold.get("optional") or {}).get("tasks", [])
        _add_matching(total, match_list(gold.get("tasks", []), optional, predicted, MATCHERS["tasks"]))
    line_classifier.CONFIDENCE = previous
    return total


def _add_matching(total: Counts, matching: Matching) -> None:
    total.tp += len(matching.pairs)
    total.fp += len(matching.spurious)
    total.fn += len(matching.missed)


def _nested(batches: dict[str, list[Path]], sequences: dict[str, list[Sequence]], corpus: Path) -> None:
    """Print the held-out table with settings chosen without the held-out batch."""
    documents: dict[str, list[GoldDocument]] = {}
    for name, paths in batches.items():
        documents[name] = []
        for path in paths:
            text = text_for_gold(path, corpus)
            gold = json.loads(path.read_text(encoding="utf-8"))
            if text is not None and "tasks" in gold:
                documents[name].append((parsed_document(read_source(text).text), gold))
    held_out = [name for name in batches if name != "dev"]
    totals = (Counts(), Counts())
    for name in held_out:
        inner: dict[tuple[float, float, float], Counts] = {}
        for other in held_out:
            if other == name:
                continue
            training = [s for batch, seqs in sequences.items() if batch not in (name, other) for s in seqs]
            for c1, c2 in GRID_WEIGHTS:
                model = _model(training, {**TRAINING, "c1": c1, "c2": c2})
                for confidence in GRID_CONFIDENCE:
                    _add(inner.setdefault((c1, c2, confidence), Counts()), _fast_counts(documents[other], model, confidence))
        c1, c2, confidence = max(inner, key=lambda key: inner[key].f1)
        training = [s for batch, seqs in sequences.items() if batch != name for s in seqs]
        model = _model(training, {**TRAINING, "c1": c1, "c2": c2})
        rules = _fast_counts(documents[name], None, confidence)
        learned = _fast_counts(documents[name], model, confidence)
        _add(totals[0], rules)
        _add(totals[1], learned)
        print(_row(f"{name} c1 {c1:g} c2 {c2:g} ≥{confidence:g}", rules, learned), flush=True)
    print(_row("micro total (nested)", *totals))


def _row(name: str, rules: Counts, learned: Counts) -> str:
    cells = [f"{c.precision:.3f} {c.recall:.3f} {c.f1:.3f}" for c in (rules, learned)]
    return f"{name:<22} {rules.tp + rules.fn:>5}  {cells[0]}   {cells[1]}   {learned.f1 - rules.f1:+.3f}"


def _add(total: Counts, counts: Counts) -> None:
    total.tp += counts.tp
    total.fp += counts.fp
    total.fn += counts.fn


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--nested", action="store_true", help="also choose the settings without the held-out batch")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    batches = _batches()
    sequences = {name: gold_sequences(paths, corpus) for name, paths in batches.items()}
    print(f"{'held out':<22} {'gold':>5}  {'rules P R F1':<17}   {'rules+CRF P R F1':<17}   ΔF1")
    totals = (Counts(), Counts())
    for name, paths in batches.items():
        if name == "dev":
            continue
        training = [s for other, seqs in sequences.items() if other != name for s in seqs]
        rules = _task_counts(paths, corpus, None)
        learned = _task_counts(paths, corpus, _model(training))
        _add(totals[0], rules)
        _add(totals[1], learned)
        print(_row(name, rules, learned))
    print(_row("micro total", *totals))
    found = [text_for_gold(path, corpus) for paths in batches.values() for path in paths]
    texts = [read_source(path).text for path in found if path is not None]
    print(f"speed: extract_text with the bundled model / rules alone = {_speed_ratio(texts):.3f} ({len(texts)} texts)")
    if args.nested:
        _nested(batches, sequences, corpus)


def _speed_ratio(texts: list[str]) -> float:
    """The time ``extract_text`` takes over ``texts`` with the bundled model, over the time it
    takes with the rules alone (fastest of three rounds each)."""
    previous = line_classifier.model_in_use()
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(3):
        for with_model in (False, True):
            line_classifier.use_model(line_classifier.bundled_model() if with_model else None)
            started = time.perf_counter()
            for text in texts:
                extract_text(text)
            times[with_model].append(time.perf_counter() - started)
    line_classifier.use_model(previous)
    return min(times[True]) / min(times[False])


if __name__ == "__main__":
    main()
