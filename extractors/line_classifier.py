"""A learned second opinion on the task extractor's units: a CRF over the document's units.

The rule walk of ``extractors.tasks`` proposes units (items, lines, sentences, table rows) and
its rules accept or drop each. Where those rules stop generalising, a linear-chain CRF
(CRFsuite) trained on the gold corpus reads each unit with the rules' decision among its
features (marker, depth, modality, past tense, the opening words, the part of the document it
lies in) and with its neighbours' (the chain), and labels it ``TASK`` or ``O``.

By default no model is in use and ``decide`` returns the rules' decisions unchanged;
``use_model`` sets one, such as the one bundled in extractors/data/ (``bundled_model``,
trained on all gold by ``vanban train-lines``, ``pipeline/train.py``). It is not the default:
held out, it gains on tasks F1 (benchmarks/line_classifier.py), but it drops short plain tasks
of short texts ("1. Sở Y tế chủ trì tổ chức kiểm tra.") that the rules keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Protocol

import pycrfsuite
import regex

from extractors.data import patterns
from extractors.structure import Parsed

TASK = "TASK"
OTHER = "O"

Features = dict[str, str | float]


class Proposal(Protocol):
    """What the classifier reads of a unit the rule walk proposes (``extractors.tasks.Unit``)."""

    start: int
    end: int
    actors: list[str]
    own_actor: bool
    section: str | None


def _alternation(name: str) -> str:
    return "|".join(f"(?:{p})" for p in patterns(name))


# The word tables the rules read, read here as features (the same data files).
MODALITY = regex.compile(rf"(?<![\p{{L}}])(?:{_alternation('modality.txt')})(?![\p{{L}}])", regex.I)
WORK_VERB = regex.compile(
    rf"(?:{_alternation('task_verbs.txt')}|{_alternation('action_verbs.txt')})(?![\p{{L}}])", regex.I
)
ACTOR_HEAD = regex.compile(rf"(?:{_alternation('actor_heads.txt')})(?:(?<=\s)|(?![\p{{Ll}}]))")
NON_TASK_HEADING = regex.compile(rf"^(?:{_alternation('non_task_headings.txt')})", regex.I)
PAST = regex.compile(r"(?<![\p{L}])(?:đã|vừa)\s")
ASSIGNING = regex.compile(r"(?<![\p{L}])(?:đề\s+nghị|yêu\s+cầu|giao|chỉ\s+đạo)(?![\p{L}])", regex.I)
# The marker opening a unit, by kind: the kinds of numbering a document nests.
MARKERS = (
    ("article", regex.compile(r"Điều\s+\d+")),
    ("roman", regex.compile(r"[IVXL]{1,5}[.\-]\s")),
    ("capital", regex.compile(r"[A-Đ]\.\s")),
    ("deep", regex.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?\s")),
    ("number", regex.compile(r"\d{1,2}[.)]\s")),
    ("bracket", regex.compile(r"\(\d{1,2}\)")),
    ("letter", regex.compile(r"[a-zđ]\)\s")),
    ("dash", regex.compile(r"[-–]\s*")),
    ("plus", regex.compile(r"[+•]\s*")),
)
WORD = regex.compile(r"[\p{L}\d]+")


def _marker(line: str) -> tuple[str, int]:
    """The kind of the marker opening ``line`` and where the words after it start."""
    for kind, pattern in MARKERS:
        found = pattern.match(line)
        if found:
            return kind, found.end()
    return "none", 0


def _is_caps(line: str) -> bool:
    """A line in capitals: no lower-case letter, four letters at least."""
    # str.isupper first (in C): most lines have a lower-case letter
    return line.isupper() and sum(c.isalpha() for c in line) >= 4


def _bucket(value: int, bounds: Sequence[int]) -> str:
    """The first bound ``value`` stays under ("<40"), or the last one passed ("≥320")."""
    for bound in bounds:
        if value < bound:
            return f"<{bound}"
    return f">={bounds[-1]}"


def _part_headings(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The lines in capitals of ``text[start:end]`` (the parts of the document), with their
    positions: each unit is read with the part it lies in."""
    found = []
    position = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if _is_caps(stripped):
            _, words_at = _marker(stripped)
            found.append((position, stripped[words_at:].strip()))
        position += len(line) + 1
    return found


def _own_features(text: str, unit: Proposal, accepted: bool) -> Features:
    """What one unit says of itself, and what the rules decided of it."""
    span = text[unit.start : unit.end].strip()
    first_line = span.split("\n", 1)[0]
    kind, words_at = _marker(first_line)
    if "\t" in span:
        kind = "table"
    body = span[words_at:].strip()
    words = [w.lower() for w in WORD.findall(body[:60])]
    depth = unit.section.count(".") if unit.section else -1
    features: Features = {
        "bias": 1.0,
        "rule": "keep" if accepted else "drop",
        "actor": "own" if unit.own_actor else ("inherited" if unit.actors else "none"),
        "marker": kind,
        "depth": str(min(depth, 4)),
        "end": span[-1:] if span[-1:] in ":.;" else "other",
        "length": _bucket(len(body), (40, 80, 160, 320)),
        "lines": _bucket(span.count("\n") + 1, (2, 3, 5)),
        "w1": words[0] if words else "",
        "w12": " ".join(words[:2]),
    }
    flags = {
        "modality": MODALITY.search(body) is not None,
        "past": PAST.search(body[:100]) is not None,
        "work_verb": WORK_VERB.match(body) is not None,
        "actor_head": ACTOR_HEAD.match(body) is not None,
        "caps": _is_caps(first_line),
        "assigning": ASSIGNING.search(body) is not None,
        "in_article": unit.section is not None and "Điều" in unit.section,
    }
    features.update({name: 1.0 for name, on in flags.items() if on})
    if kind == "article":
        features["rule_article"] = features["rule"]
    features["rule_actor"] = f"{features['rule']}|{features['actor']}"
    return features


def features(parsed: Parsed, units: Sequence[Proposal], accepted: Sequence[bool]) -> list[Features]:
    """The features of each unit (in text order), its neighbours' among them."""
    text = parsed.text
    doc_type = parsed.header.type_word.text.lower() if parsed.header.type_word else parsed.kind
    parts = _part_headings(text, parsed.body_start, len(text))
    own = [_own_features(text, unit, keep) for unit, keep in zip(units, accepted, strict=True)]
    rows = []
    part_index = -1
    size = max(1, len(text) - parsed.body_start)
    for index, unit in enumerate(units):
        while part_index + 1 < len(parts) and parts[part_index + 1][0] <= unit.start:
            part_index += 1
        heading = parts[part_index][1] if part_index >= 0 else ""
        row = dict(own[index])
        row["doc"] = doc_type
        row["part"] = " ".join(heading.lower().split()[:2])
        if heading and NON_TASK_HEADING.match(heading):
            row["part_not_work"] = 1.0
        row["where"] = str(min(4, 5 * max(0, unit.start - parsed.body_start) // size))
        for offset in (-1, 1):
            if 0 <= index + offset < len(units):
                other = own[index + offset]
                for name in ("rule", "marker", "actor", "w1", "end"):
                    row[f"{offset:+d}:{name}"] = other[name]
            else:
                row[f"{offset:+d}:edge"] = 1.0
        rows.append(row)
    return rows


# How sure the model must be to overrule the rules: a unit the rules accept is dropped when the
# model gives it a probability of being a task under 1 - CONFIDENCE; one they drop is kept at
# CONFIDENCE or more (benchmarks/line_classifier.py: 0.8 loses no batch; 0.5 loses recall).
CONFIDENCE = 0.8
BUNDLED = "task_lines.crfsuite"  # the model trained on all gold (extractors/data/)


@cache
def bundled_model() -> bytes:
    """The model shipped in extractors/data/, trained on all gold (``vanban train-lines``)."""
    return resources.files("extractors.data").joinpath(BUNDLED).read_bytes()


@cache
def _checked(model: bytes) -> bytes:
    """``model`` once a tagger has opened it: bytes that are no model fail here."""
    pycrfsuite.Tagger().open_inmemory(model)
    return model


_in_use: list[bytes] = []  # the model set by use_model; empty: the rules alone


def use_model(model: bytes | None) -> None:
    """Make ``model`` (a CRFsuite model file's bytes) revise the rules' decisions from now on;
    None: the rules alone."""
    _in_use[:] = [] if model is None else [_checked(model)]


def model_in_use() -> bytes | None:
    """The model that revises the rules' decisions (set by ``use_model``), or None: the rules
    alone."""
    return _in_use[0] if _in_use else None


def task_probabilities(model: bytes, rows: list[Features]) -> list[float]:
    """The probability, under ``model``, that each unit is a task (its marginal)."""
    if not rows:
        return []
    tagger = pycrfsuite.Tagger()  # one per call: a tagger holds the sequence it was set
    tagger.open_inmemory(model)
    tagger.set(pycrfsuite.ItemSequence(rows))
    return [tagger.marginal(TASK, index) for index in range(len(rows))]


def decide(parsed: Parsed, units: Sequence[Proposal], accepted: Sequence[bool]) -> list[bool]:
    """Whether each unit is a task: the rules' decisions, overruled where the model in use is
    sure enough (CONFIDENCE)."""
    model = model_in_use()
    if model is None or not units:
        return list(accepted)
    probabilities = task_probabilities(model, features(parsed, units, accepted))
    return [
        probability > 1 - CONFIDENCE if keep else probability >= CONFIDENCE
        for probability, keep in zip(probabilities, accepted, strict=True)
    ]
