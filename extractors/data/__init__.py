"""Data tables that are facts, not code: each file says where its rows come from.

Tables are read once, on first use, and cached.
"""

from __future__ import annotations

import csv
import importlib.util
from functools import cache
from importlib import resources
from pathlib import Path


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of the tab-separated table ``name`` (header row first, ``#`` comments skipped)."""
    rows = csv.DictReader(_lines(name), delimiter="\t")
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in rows)


@cache
def patterns(name: str) -> tuple[str, ...]:
    """Lines of the plain list ``name`` (one entry a line, ``#`` comments skipped)."""
    return tuple(line.strip() for line in _lines(name))


@cache
def dictionary_words() -> tuple[str, ...]:
    """The words of underthesea's Vietnamese dictionary (``corpus/data/Viet74K.txt`` in its
    package, 73,901 entries, one word a line: "chủ nghĩa", "tư pháp"), read from the installed
    package without importing it (the import takes most of a second)."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("underthesea is not installed: its dictionary is vanban's list of words")
    path = Path(next(iter(spec.submodule_search_locations))) / "corpus" / "data" / "Viet74K.txt"
    return tuple(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
