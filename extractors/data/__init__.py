"""Data tables that are facts, not code: each file says where its rows come from.

Tables are read once, on first use, and cached.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


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
