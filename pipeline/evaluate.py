"""``vanban eval``: score predicted records against gold files, by the contract's rules.

Document fields: exact match after normalisation (case-insensitive, NFC, spaces folded,
standard abbreviations expanded; ``issuer`` and ``title`` word for word, commas aside);
``recipients`` is scored both as a whole list and item by item. Lists: one-to-one matching
with the contract's criteria; precision, recall, F1, summed over the documents (micro) and
averaged per document (macro). Items in a gold file's ``optional`` block are neither required
nor counted as false positives. A task's ``agencies`` are scored, where gold gives them, on
the tasks that matched: name, level, place and group, actor by actor (each gold actor against
the predicted actor that shares most of its words, as tasks are matched; by position when
none does); names word for word with case and punctuation aside, places without their unit
word ("tỉnh Lâm Đồng" ≡ "Lâm Đồng"). The resolver alone is scored too, on every gold task: each
gold actor resolved in the gold document's setting (issuer, place, date) against its gold agency.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from extractors.agencies import name_words, resolve, setting
from extractors.deadlines import period_end
from extractors.text import fold
from pipeline.normalize import normalize
from pipeline.record import DOCUMENT_FIELDS, LIST_FIELDS

Item = dict[str, Any]


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-6
    return fold(str(a)) == fold(str(b))


def _words(value: str) -> set[str]:
    return set(_word_list(value))


def _word_list(value: str) -> list[str]:
    """The words of a value in order, folded, commas aside."""
    return fold(value).replace(",", " ").split()


def _same_words(a: Any, b: Any) -> bool:
    """Word for word, commas and case aside (the contract's rule for issuer and title)."""
    if a is None or b is None:
        return a is None and b is None
    return _word_list(str(a)) == _word_list(str(b))


# ---------------------------------------------------------------- list matchers


def _legal_ref_match(gold: Item, pred: Item) -> bool:
    if not _same(gold.get("doc_type"), pred.get("doc_type")):
        return False
    if gold.get("number"):
        return _same(gold["number"].replace(" ", ""), (pred.get("number") or "").replace(" ", ""))
    return bool(gold.get("name")) and _same(gold.get("name"), pred.get("name"))


def _deadline_match(gold: Item, pred: Item) -> bool:
    if period_end(gold.get("date")) != period_end(pred.get("date")):
        return False
    return not gold.get("recurrence") or gold.get("recurrence") == pred.get("recurrence")


def _statistic_match(gold: Item, pred: Item) -> bool:
    if not _same(gold.get("value"), pred.get("value")):
        return False
    gold_unit, pred_unit = fold(gold.get("unit") or ""), fold(pred.get("unit") or "")
    if not gold_unit:
        return True  # a gold figure without a unit is matched on its value alone
    if not pred_unit:
        return False  # an empty unit is a prefix of everything, but says nothing
    return gold_unit.startswith(pred_unit) or pred_unit.startswith(gold_unit)


def _normalised(value: str) -> str:
    """A gold phrase as the normalised text writes it (markup, table pipes and old tone marks
    gone), folded for comparison."""
    return fold(normalize(value).text)


def _task_match(gold: Item, pred: Item) -> bool:
    if _normalised(gold.get("action") or "") not in fold(pred.get("text") or ""):
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


@dataclass
class Matching:
    """The outcome of matching one document's list: pairs (gold, predicted), misses, extras."""

    pairs: list[tuple[Item, Item]]
    missed: list[Item]
    spurious: list[Item]


def match_list(
    gold: list[Item], optional: list[Item], predicted: list[Item], same: Callable[[Item, Item], bool]
) -> Matching:
    """One-to-one greedy matching of predicted items to gold items (``optional`` ones excuse
    a prediction without being required)."""
    unused = list(range(len(predicted)))
    pairs, missed = [], []
    for item in gold:
        hit = next((i for i in unused if same(item, predicted[i])), None)
        if hit is None:
            missed.append(item)
        else:
            unused.remove(hit)
            pairs.append((item, predicted[hit]))
    spurious = [predicted[i] for i in unused if not any(same(opt, predicted[i]) for opt in optional)]
    return Matching(pairs, missed, spurious)


AGENCY_PARTS = ("name", "level", "place", "group")


_PLACE_UNIT = regex.compile(r"^(?:tỉnh|thành phố|tp\.?)\s+")


def _agency_words(value: Any) -> list[str] | None:
    """An agency's name as words: folded, punctuation (commas, hyphens, colons, brackets) aside."""
    return None if value is None else name_words(str(value))


def _agency_part_same(part: str, gold: Any, pred: Any) -> bool:
    if part == "name":
        return _agency_words(gold) == _agency_words(pred)
    if part == "group":
        return bool(gold) == bool(pred)
    if part == "place":
        return _same(_PLACE_UNIT.sub("", fold(gold)) if gold else gold, _PLACE_UNIT.sub("", fold(pred)) if pred else pred)
    return _same(gold, pred)


def _aligned(gold_actors: list[str], pred_agencies: list[Item]) -> list[Item]:
    """For each gold actor, the predicted agency of the actor that shares most of its words (at
    least half, as tasks are matched), else the one at its position if no other gold actor took
    it, else nothing. Word matches are made first, so one actor the prediction lacks does not
    push the next ones onto their neighbours."""
    unused = set(range(len(pred_agencies)))
    chosen: dict[int, Item] = {}
    for index, actor in enumerate(gold_actors):
        words = _words(actor)
        best, best_share = None, 0.5
        for j in sorted(unused):
            share = len(words & _words(pred_agencies[j].get("text") or "")) / len(words) if words else 0.0
            if share > best_share:
                best, best_share = j, share
        if best is not None:
            unused.discard(best)
            chosen[index] = pred_agencies[best]
    for index in range(len(gold_actors)):
        if index not in chosen and index in unused:
            unused.discard(index)
            chosen[index] = pred_agencies[index]
    return [chosen.get(index, {}) for index in range(len(gold_actors))]


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


# The document fields whose accuracy is reported together as "document fields".
HEADER_FIELDS = ("kind", "doc_type", "number", "issuer", "issue_date", "place", "title")


@dataclass
class Report:
    """Scores over a set of gold documents."""

    documents: int = 0
    field_correct: dict[str, int] = field(default_factory=dict)
    field_total: dict[str, int] = field(default_factory=dict)
    lists: dict[str, Counts] = field(default_factory=dict)
    per_document: dict[str, list[float]] = field(default_factory=dict)
    agency_correct: dict[str, int] = field(default_factory=dict)
    agency_total: int = 0
    resolver_correct: dict[str, int] = field(default_factory=dict)
    resolver_total: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        """Share of documents whose field ``name`` matches the gold value."""
        total = self.field_total.get(name, 0)
        return self.field_correct.get(name, 0) / total if total else 1.0

    def header_accuracy(self) -> float:
        """Share of right values over the document fields kind … title, all documents together."""
        total = sum(self.field_total.get(name, 0) for name in HEADER_FIELDS)
        correct = sum(self.field_correct.get(name, 0) for name in HEADER_FIELDS)
        return correct / total if total else 1.0

    def macro_f1(self, name: str) -> float:
        """F1 of list ``name`` averaged over the documents (a document that expects nothing and
        predicts nothing scores 1, one that expects nothing and predicts something 0)."""
        scores = self.per_document.get(name, [])
        return sum(scores) / len(scores) if scores else 1.0

    def agency_accuracy(self, part: str) -> float:
        """Share of gold agencies (of matched tasks) whose ``part`` the prediction gets right."""
        return self.agency_correct.get(part, 0) / self.agency_total if self.agency_total else 1.0

    def resolver_accuracy(self, part: str) -> float:
        """Share of gold agencies whose ``part`` the resolver gets right from the gold actor."""
        return self.resolver_correct.get(part, 0) / self.resolver_total if self.resolver_total else 1.0

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
            "document_fields_accuracy": round(self.header_accuracy(), 4),
            "lists": {
                name: {
                    "precision": round(c.precision, 4),
                    "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4),
                    "per_document_f1": round(self.macro_f1(name), 4),
                    "tp": c.tp,
                    "fp": c.fp,
                    "fn": c.fn,
                }
                for name, c in self.lists.items()
            },
            "agencies": {
                "gold": self.agency_total,
                **{part: round(self.agency_accuracy(part), 4) for part in AGENCY_PARTS},
            },
            "agencies_from_gold_actors": {
                "gold": self.resolver_total,
                **{part: round(self.resolver_accuracy(part), 4) for part in AGENCY_PARTS},
            },
            "missing_predictions": self.missing,
            "errors": self.errors,
        }


def _signer_same(gold: Any, pred: Any) -> bool:
    if not gold or not pred:
        return not gold and not pred
    return _same(gold.get("title"), pred.get("title")) and _same(gold.get("name"), pred.get("name"))


def _field_same(name: str, gold: Any, pred: Any) -> bool:
    if name == "signer":
        return _signer_same(gold, pred)
    if name == "recipients":
        pred = pred or []
        return len(gold) == len(pred) and all(_same(a, b) for a, b in zip(gold, pred, strict=False))
    if name in ("issuer", "title"):
        return _same_words(gold, pred)
    return _same(gold, pred)


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
            if _field_same(name, gold.get(name), pred.get(name)):
                report.field_correct[name] = report.field_correct.get(name, 0) + 1
            else:
                report.errors.append(
                    {"id": doc_id, "field": name, "gold": gold.get(name), "predicted": pred.get(name)}
                )
        recipients = [{"name": r} for r in gold.get("recipients", [])]
        matching = match_list(recipients, [], [{"name": r} for r in pred.get("recipients") or []], _person_match)
        _add(report, "recipients", matching)
        optional = gold.get("optional") or {}
        for name in LIST_FIELDS:
            if name not in gold:
                continue
            matching = match_list(gold[name], optional.get(name, []), pred.get(name) or [], MATCHERS[name])
            _add(report, name, matching)
            for item in matching.missed:
                report.errors.append({"id": doc_id, "field": name, "missed": item})
            for item in matching.spurious:
                report.errors.append({"id": doc_id, "field": name, "spurious": _brief(item)})
            if name == "tasks":
                _score_agencies(report, doc_id, matching.pairs)
                _score_resolver(report, doc_id, gold)
    return report


def _tally_parts(gold_agency: Item, predicted: Item, correct: dict[str, int]) -> list[str]:
    """Count in ``correct`` each part of an agency the prediction gets right; the wrong parts."""
    wrong = []
    for part in AGENCY_PARTS:
        if _agency_part_same(part, gold_agency.get(part), predicted.get(part)):
            correct[part] = correct.get(part, 0) + 1
        else:
            wrong.append(part)
    return wrong


def _score_resolver(report: Report, doc_id: str, gold: Item) -> None:
    """Each gold actor resolved in the gold document's setting, against its gold agency."""
    context = setting(gold.get("issuer"), gold.get("place"), gold.get("issue_date"))
    for task in [*gold.get("tasks", []), *(gold.get("optional") or {}).get("tasks", [])]:
        for actor, gold_agency in zip(task.get("actors") or [], task.get("agencies") or [], strict=False):
            report.resolver_total += 1
            predicted = resolve(actor, context).model_dump()
            wrong = _tally_parts(gold_agency, predicted, report.resolver_correct)
            if wrong:
                report.errors.append(
                    {"id": doc_id, "field": "agencies_from_gold_actors", "actor": actor, "wrong": wrong,
                     "gold": gold_agency, "predicted": {k: predicted[k] for k in AGENCY_PARTS}}
                )


def _score_agencies(report: Report, doc_id: str, pairs: list[tuple[Item, Item]]) -> None:
    """Agencies of matched tasks, actor by actor, where the gold task gives them."""
    for gold_task, pred_task in pairs:
        gold_agencies = gold_task.get("agencies")
        if not gold_agencies:
            continue
        aligned = _aligned(gold_task.get("actors") or [], pred_task.get("agencies") or [])
        for index, gold_agency in enumerate(gold_agencies):
            report.agency_total += 1
            pred_agency = aligned[index] if index < len(aligned) else {}
            wrong = _tally_parts(gold_agency, pred_agency, report.agency_correct)
            if wrong:
                report.errors.append(
                    {"id": doc_id, "field": "agencies", "wrong": wrong, "gold": gold_agency, "predicted": pred_agency}
                )


def _add(report: Report, name: str, matching: Matching) -> None:
    tp, fp, fn = len(matching.pairs), len(matching.spurious), len(matching.missed)
    counts = report.lists[name]
    counts.tp += tp
    counts.fp += fp
    counts.fn += fn
    report.per_document.setdefault(name, []).append(Counts(tp, fp, fn).f1 if tp + fp + fn else 1.0)


def _brief(item: Item) -> Item:
    return {k: v for k, v in item.items() if k not in ("start", "end")}


# ---------------------------------------------------------------- files


def gold_files(*paths: Path) -> list[Path]:
    """The ``*.gold.json`` files given, and all those under the folders given."""
    found: set[Path] = set()
    for path in paths:
        found.update(path.rglob("*.gold.json") if path.is_dir() else [path])
    return sorted(found)


def gold_id(path: Path) -> str:
    """The document id a gold file annotates (its name without ``.gold.json``)."""
    return path.name[: -len(".gold.json")]


def text_for_gold(path: Path, corpus_dir: Path | None) -> Path | None:
    """The text a gold file annotates: beside it, or in the shared corpus's documents/ or archive/."""
    doc_id = gold_id(path)
    candidates = [path.with_name(doc_id + ".txt")]
    if corpus_dir is not None:
        candidates += [corpus_dir / folder / f"{doc_id}.txt" for folder in ("documents", "archive")]
        candidates.append(corpus_dir / f"{doc_id}.txt")
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
