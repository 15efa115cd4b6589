"""``vanban train-lines``: train the task line classifier (``extractors.line_classifier``) on gold.

Each gold document gives one sequence: the units the task rules weigh, in text order, each
labelled ``TASK`` when keeping it would match a gold task by the contract's rule (its text holds
the gold action, an actor shares half the words of a gold actor), else ``O``. Training is
deterministic: L-BFGS with fixed parameters (TRAINING).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from extractors import document, line_classifier, quality, tasks
from extractors.structure import Parsed, parse
from pipeline.evaluate import MATCHERS, gold_id, text_for_gold
from pipeline.ingest import read_source
from pipeline.normalize import normalize

# L1 and L2 weights, iterations: fixed, so that the same gold gives the same model. Strong
# weights (c1 2, c2 1) beat weak ones (0.05, 0.01) held out batch by batch
# (benchmarks/line_classifier.py): with weak ones the model learns the training documents' words.
TRAINING: dict[str, float | bool] = {
    "c1": 2.0,
    "c2": 1.0,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}


@dataclass
class Sequence:
    """One gold document's units as the classifier reads them, and their gold labels."""

    doc_id: str
    features: list[line_classifier.Features]
    labels: list[str]


def parsed_document(text: str) -> Parsed:
    """The document as ``extract_text`` parses it (read by its layout when the text is damaged)."""
    normalised = normalize(text)
    parsed = parse(normalised.text)
    return document.by_layout(parsed) if quality.assess(normalised.text).damage else parsed


def gold_sequence(doc_id: str, text: str, gold: dict) -> Sequence:
    """The units of ``text`` with their features and the labels ``gold`` gives them."""
    parsed = parsed_document(text)
    units, accepted = tasks.candidate_units(parsed)
    wanted = [*gold.get("tasks", []), *(gold.get("optional") or {}).get("tasks", [])]
    same = MATCHERS["tasks"]
    labels = []
    for unit in units:
        kept = {"text": parsed.text[unit.start : unit.end], "actors": unit.actors}
        matches = any(same(task, kept) for task in wanted)
        labels.append(line_classifier.TASK if matches else line_classifier.OTHER)
    return Sequence(doc_id, line_classifier.features(parsed, units, accepted), labels)


def gold_sequences(paths: Iterable[Path], corpus: Path | None) -> list[Sequence]:
    """A sequence for each gold file whose text is found (``text_for_gold``) and which gives tasks."""
    found = []
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = text_for_gold(path, corpus)
        if text_path is None or "tasks" not in gold:
            continue
        found.append(gold_sequence(gold_id(path), read_source(text_path).text, gold))
    return found


def train(sequences: Iterable[Sequence], out: Path, settings: dict[str, float | bool] | None = None) -> None:
    """Train a model on ``sequences`` and write it to ``out`` (``settings``: CRFsuite's L-BFGS
    parameters, TRAINING unless given)."""
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(TRAINING if settings is None else settings)
    for sequence in sequences:
        if sequence.features:
            trainer.append(pycrfsuite.ItemSequence(sequence.features), sequence.labels)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
