"""Tasks (placeholder)."""
from __future__ import annotations

from extractors.models import Task
from extractors.structure import Parsed


def extract(parsed: Parsed) -> list[Task]:
    return []
