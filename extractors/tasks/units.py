"""Units: tasks in the making, and what the task reader knows while it walks a document."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors import deadlines
from extractors.structure import Parsed


@dataclass
class Unit:
    """A task in the making: a span of the text and what is known of it."""

    start: int
    end: int
    actors: list[str] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)
    section: str | None = None
    deadline: deadlines.Found | None = None
    own_actor: bool = False
    recurrence: str | None = None  # from a "Thời gian thực hiện: ... hằng năm" field line


class Context:
    """What the extractor knows while walking the body: parsed text, sections, inherited actors."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.text = parsed.text
        self.sections = parsed.sections
        self.children: dict[int, list[int]] = {}
        for index, section in enumerate(self.sections):
            if section.parent is not None:
                self.children.setdefault(section.parent, []).append(index)
        self.heading_actor: dict[int, list[str]] = {}
        self.excluded: set[int] = set()
        self.fields: dict[int, dict[str, str]] = {}
        self.field_lines: dict[int, bool] = {}  # is_field_line of each section asked
        self.work_parts: list[tuple[int, int]] | None = None  # spans of _in_work_part, read once
        # deadlines of the whole text, read once; each task takes the first within its span
        self.deadline_hits = deadlines.find_all(parsed)
        self.deadline_starts = [hit.start for hit in self.deadline_hits]  # in text order


def cell_deadline(ctx: Context, start: int, end: int) -> deadlines.Found | None:
    """The deadline a field value or a table cell ``text[start:end]`` gives (the last one read)."""
    hits = deadlines.find_value(ctx.parsed, start, end)
    return hits[-1] if hits else None
