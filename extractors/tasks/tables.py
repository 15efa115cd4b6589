"""Task tables: one task per row of a table with a "Chủ trì" column."""

from __future__ import annotations

from extractors import tables
from extractors.tasks.actors import split_actors
from extractors.tasks.fields import field_of
from extractors.tasks.lines import trim_span
from extractors.tasks.units import Context, Unit, cell_deadline


def table_units(ctx: Context) -> list[Unit]:
    """One task per row of a task table with a "Chủ trì" column."""
    text = ctx.text
    units: list[Unit] = []
    columns: dict[str, int] | None = None  # the task table's columns, while one is being read
    for region_start, region_end in ctx.parsed.regions:
        position = region_start
        for row in tables.rows(text, region_start, region_end):
            if columns is not None and _ends_table(text, position, row.start):
                columns = None
            position = row.end + 1
            cells = [trim_span(text, start, end) for start, end in row.cells]
            header = {}
            for i, (s, e) in enumerate(cells):
                name = field_of(text[s:e])
                if name and name not in header:
                    header[name] = i
            if "actors" in header and len(header) >= 2:
                columns = header
            elif columns is not None and len(cells) > columns["actors"]:
                unit = _row_unit(ctx, cells, columns, row.start, row.end)
                if unit is not None:
                    units.append(unit)
        if columns is not None and _ends_table(text, position, region_end):
            columns = None
    return units


def _ends_table(text: str, start: int, end: int) -> bool:
    """Whether the lines between two rows, ``text[start:end]``, end the table: a line holding
    anything but a bullet ("- ..." or "+ ...", a cell's item the page wrapped) does."""
    return any(line and not line.strip().startswith(("-", "+")) for line in text[start:end].split("\n"))


def _row_unit(
    ctx: Context, cells: list[tuple[int, int]], columns: dict[str, int], start: int, end: int
) -> Unit | None:
    """The task of a row ``text[start:end]`` of a task table (its cells trimmed), if it names
    actors and work."""
    text = ctx.text
    actors = split_actors(text[slice(*cells[columns["actors"]])])
    if not actors:
        return None
    task_column = columns.get("task", 1 if len(cells) > 1 else 0)
    if task_column >= len(cells) or not text[slice(*cells[task_column])].strip():
        return None
    start, end = trim_span(text, start, end)
    unit = Unit(start, end, actors=actors, own_actor=True)
    if "coordinators" in columns and columns["coordinators"] < len(cells):
        unit.coordinators = split_actors(text[slice(*cells[columns["coordinators"]])])
    if "deadline" in columns and columns["deadline"] < len(cells):
        unit.deadline = cell_deadline(ctx, *cells[columns["deadline"]])
    return unit
