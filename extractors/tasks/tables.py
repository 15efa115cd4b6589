"""Task tables: one task per row of a table with a "Chủ trì" column."""

from __future__ import annotations

from extractors.tasks.actors import split_actors
from extractors.tasks.fields import field_of
from extractors.tasks.lines import trim_span
from extractors.tasks.units import Context, Unit, cell_deadline


def table_units(ctx: Context) -> list[Unit]:
    """One task per row of a task table with a "Chủ trì" column."""
    text = ctx.text
    units: list[Unit] = []
    columns: dict[str, int] | None = None
    for region_start, region_end in ctx.parsed.regions:
        pos = region_start
        while pos < region_end:
            if columns is None:
                # outside a task table only a row (a line with a tab) can start one: go to the next
                tab = text.find("\t", pos, region_end)
                if tab < 0:
                    break
                pos = max(pos, text.rfind("\n", 0, tab) + 1)
            nl = text.find("\n", pos, region_end)
            line_end = region_end if nl < 0 else nl
            if text.find("\t", pos, line_end) >= 0:
                cells = _cells(text, pos, line_end)
                header = {}
                for i, (s, e) in enumerate(cells):
                    name = field_of(text[s:e])
                    if name and name not in header:
                        header[name] = i
                if "actors" in header and len(header) >= 2:
                    columns = header
                elif columns is not None and len(cells) > columns["actors"]:
                    unit = _row_unit(ctx, cells, columns, pos, line_end)
                    if unit is not None:
                        units.append(unit)
            else:
                columns = (
                    None
                    if line_end - pos > 0 and not text[pos:line_end].strip().startswith(("-", "+"))
                    else columns
                )
            pos = line_end + 1
    return units


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cells = []
    pos = start
    while pos <= end:
        tab = text.find("\t", pos, end)
        cell_end = end if tab < 0 else tab
        cells.append(trim_span(text, pos, cell_end))
        if tab < 0:
            break
        pos = tab + 1
    return cells


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
