"""Tables as conversions write them: a row a line, its cells joined by tabs.

The one reader of table rows and cells for the extractors that read tables (tasks, statistics):
spans in the normalised text, each cell as printed (blanks included).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    """A line of a table: its span and the spans of its cells, in order."""

    start: int
    end: int
    cells: list[tuple[int, int]]


def rows(text: str, start: int, end: int, min_tabs: int = 1) -> list[Row]:
    """The lines of ``text[start:end]`` holding at least ``min_tabs`` tabs, as rows of cells."""
    found: list[Row] = []
    if text.find("\t", start, end) < 0:
        return found  # no tab, no table (most documents)
    position = start
    for line in text[start:end].split("\n"):
        line_end = position + len(line)
        if line.count("\t") >= min_tabs:
            cells, cell_start = [], position
            for cell in line.split("\t"):
                cells.append((cell_start, cell_start + len(cell)))
                cell_start += len(cell) + 1
            found.append(Row(position, line_end, cells))
        position = line_end + 1
    return found
