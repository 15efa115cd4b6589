"""``vanban eval``: score predicted records against gold files, by the contract's rules.

Document fields: exact match after normalisation (case-insensitive, NFC, spaces folded,
standard abbreviations expanded); ``recipients`` is scored both as a whole list and item
by item. Lists: one-to-one matching with the contract's criteria; precision, recall, F1.
Items in a gold file's ``optional`` block are neither required nor counted as false
positives.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors.text import fold
from pipeline.record import DOCUMENT_FIELDS, LIST_FIELDS

Item = dict[str, Any]


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-6
    return fold(str(a)) == fold(str(b))


def _words(value: str) -> set[str]:
    return set(fold(value).replace(",", " ").split())


# ---------------------------------------------------------------- list matchers


def _legal_ref_match(gold: Item, pred: Item) -> bool:
    if not _same(gold.get("doc_type"), pred.get("doc_type")):
        return False
    if gold.get("number"):
        return _same(gold["number"].replace(" ", ""), (pred.get("number") or "").replace(" ", ""))
    return bool(gold.get("name")) and _same(gold.get("name"), pred.get("name"))


def _deadline_match(gold: Item, pred: Item) -> bool:
    if gold.get("date") != pred.get("date"):
        return False
    return not gold.get("recurrence") or gold.get("recurrence") == pred.get("recurrence")


def _statistic_match(gold: Item, pred: Item) -> bool:
    if not _same(gold.get("value"), pred.get("value")):
        return False
    gold_unit, pred_unit = fold(gold.get("unit") or ""), fold(pred.get("unit") or "")
    if gold_unit and not pred_unit:
        return False  # an empty unit is a prefix of everything, but says nothing
    return gold_unit.startswith(pred_unit) or pred_unit.startswith(gold_unit)


def _task_match(gold: Item, pred: Item) -> bool:
    if fold(gold.get("action") or "") not in fold(pred.get("text") or ""):
        return False
    gold_actors = gold.get("actors") or []
    if not gold_actors:
        return True
    for gold_actor in gold_actors:
        gold_words = _words(gold_actor)
        for actor in pred.get("actors") or []:
            if gold_words and len(gold_words & _words(actor)) * 2 >= len(gold_words):
                return True
    return False


def _person_match(gold: Item, pred: Item) -> bool:
    return _same(gold.get("name"), pred.get("name"))


MATCHERS: dict[str, Callable[[Item, Item], bool]] = {
    "legal_refs": _legal_ref_match,
    "tasks": _task_match,
    "deadlines": _deadline_match,
    "statistics": _statistic_match,
    "people": _person_match,
}


def match_list(
    gold: list[Item], optional: list[Item], predicted: list[Item], same: Callable[[Item, Item], bool]
) -> tuple[int, int, int, list[Item], list[Item]]:
    """One-to-one greedy matching; returns tp, fp, fn, missed gold items, spurious predictions."""
    unused = list(range(len(predicted)))
    missed = []
    tp = 0
    for item in gold:
        hit = next((i for i in unused if same(item, predicted[i])), None)
        if hit is None:
            missed.append(item)
        else:
            unused.remove(hit)
            tp += 1
    spurious = []
    for i in unused:
        if any(same(opt, predicted[i]) for opt in optional):
            continue
        spurious.append(predicted[i])
    return tp, len(spurious), len(missed), missed, spurious


# ---------------------------------------------------------------- report


@dataclass
class Counts:
    """Precision/recall counts of one list field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when nothing was predicted or expected)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores over a set of gold documents."""

    documents: int = 0
    field_correct: dict[str, int] = field(default_factory=dict)
    field_total: dict[str, int] = field(default_factory=dict)
    lists: dict[str, Counts] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        """Share of documents whose field ``name`` matches the gold value."""
        total = self.field_total.get(name, 0)
        return self.field_correct.get(name, 0) / total if total else 1.0

    def to_json(self) -> dict[str, Any]:
        """The report as plain data."""
        return {
            "documents": self.documents,
            "document_fields": {
                name: {
                    "accuracy": round(self.accuracy(name), 4),
                    "correct": self.field_correct.get(name, 0),
                    "total": self.field_total.get(name, 0),
                }
                for name in self.field_total
            },
            "lists": {
                name: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn,
                }
                for name, c in self.lists.items()
            },
            "missing_predictions": self.missing,
            "errors": self.errors,
        }


def _signer_same(gold: Any, pred: Any) -> bool:
    if not gold or not pred:
        return not gold and not pred
    return _same(gold.get("title"), pred.get("title")) and _same(gold.get("name"), pred.get("name"))


def score(gold_docs: dict[str, Item], predictions: dict[str, Item]) -> Report:
    """Score ``predictions`` (by id) against ``gold_docs`` (by id)."""
    report = Report()
    for name in LIST_FIELDS:
        report.lists[name] = Counts()
    report.lists["recipients"] = Counts()
    for doc_id, gold in sorted(gold_docs.items()):
        pred = predictions.get(doc_id)
        if pred is None:
            report.missing.append(doc_id)
            pred = {}
        report.documents += 1
        for name in DOCUMENT_FIELDS:
            if name not in gold:
                continue
            report.field_total[name] = report.field_total.get(name, 0) + 1
            if name == "signer":
                ok = _signer_same(gold.get(name), pred.get(name))
            elif name == "recipients":
                ok = len(gold[name]) == len(pred.get(name) or []) and all(
                    _same(a, b) for a, b in zip(gold[name], pred.get(name) or [], strict=False)
                )
            else:
                ok = _same(gold.get(name), pred.get(name))
            if ok:
                report.field_correct[name] = report.field_correct.get(name, 0) + 1
            else:
                report.errors.append(
                    {"id": doc_id, "field": name, "gold": gold.get(name), "predicted": pred.get(name)}
                )
        recipients = [{"name": r} for r in gold.get("recipients", [])]
        tp, fp, fn, _, _ = match_list(
            recipients, [], [{"name": r} for r in pred.get("recipients") or []], _person_match
        )
        _add(report.lists["recipients"], tp, fp, fn)
        optional = gold.get("optional") or {}
        for name in LIST_FIELDS:
            if name not in gold:
                continue
            tp, fp, fn, missed, spurious = match_list(
                gold[name], optional.get(name, []), pred.get(name) or [], MATCHERS[name]
            )
            _add(report.lists[name], tp, fp, fn)
            for item in missed:
                report.errors.append({"id": doc_id, "field": name, "missed": item})
            for item in spurious:
                report.errors.append({"id": doc_id, "field": name, "spurious": _brief(item)})
    return report


def _add(counts: Counts, tp: int, fp: int, fn: int) -> None:
    counts.tp += tp
    counts.fp += fp
    counts.fn += fn


def _brief(item: Item) -> Item:
    return {k: v for k, v in item.items() if k not in ("start", "end")}


# ---------------------------------------------------------------- files


def gold_files(gold_dir: Path) -> list[Path]:
    """All ``*.gold.json`` files under ``gold_dir``."""
    return sorted(gold_dir.rglob("*.gold.json"))


def gold_id(path: Path) -> str:
    """The document id a gold file annotates (its name without ``.gold.json``)."""
    return path.name[: -len(".gold.json")]


def text_for_gold(path: Path, corpus_dir: Path | None) -> Path | None:
    """The text a gold file annotates: beside it, or in the shared corpus's documents."""
    doc_id = gold_id(path)
    candidates = [path.with_name(doc_id + ".txt")]
    if corpus_dir is not None:
        candidates += [corpus_dir / "documents" / f"{doc_id}.txt", corpus_dir / f"{doc_id}.txt"]
    return next((c for c in candidates if c.exists()), None)


def load_gold(paths: Iterable[Path]) -> dict[str, Item]:
    """Gold documents by id."""
    return {gold_id(p): json.loads(p.read_text(encoding="utf-8")) for p in paths}


def load_predictions(path: Path) -> dict[str, Item]:
    """Records of a ``documents.jsonl`` by id."""
    records = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record
    return records
