"""Task tables: one task per row of a table with a "Chủ trì" column.

A table with tabs between its cells is read row by row (``table_units``). A table whose PDF text
prints one cell per line (a plan's appendix: "Tên nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp
/ Kết quả / Thời gian hoàn thành") is read by the section walk, each numbered row an item; its
lead body is then the first cell after the task's name that is an actor alone (``flat_row_actors``),
and the header that each page repeats is no task (``is_flat_header``).
"""

from __future__ import annotations

import re

from extractors import tables
from extractors.tasks.actors import is_actor_phrase, opens_actor, split_actors
from extractors.tasks.fields import field_of
from extractors.tasks.filters import BRACKETED
from extractors.tasks.lines import is_caps, trim_span
from extractors.tasks.units import Context, Unit, cell_deadline

# A line break inside a cell, as Word tables are read ("Trách nhiệm / thực hiện", "Lãnh đạo / Sở Y tế").
IN_CELL_BREAK = re.compile(r"\s/\s")


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
                name = field_of(IN_CELL_BREAK.sub(" ", text[s:e]))
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
    anything but a bullet ("- ..." or "+ ...", a cell's item the page wrapped) or a group's row
    in capitals ("I. CỤM CÔNG NGHIỆP ĐÃ CÓ CHỦ ĐẦU TƯ HẠ TẦNG (07 cụm)", a merged cell) does."""
    return any(
        line and not line.strip().startswith(("-", "+")) and not is_caps(BRACKETED.sub("", line))
        for line in text[start:end].split("\n")
    )


# A lead-body cell that labels its parts: "Chủ trì: Công ty LCIDI (CĐT). Phối hợp: UBND xã Gia Phú
# (GPMB); Sở Tài chính (tái định cư)."
LABELLED_CELL = re.compile(
    r"^\s*(?:(?:Đơn\s+vị|Cơ\s+quan)\s+)?chủ\s+trì\s*:\s*(?P<lead>[^.;]+)[.;]?"
    r"(?:\s*(?:(?:Đơn\s+vị|Cơ\s+quan)\s+)?phối\s+hợp\s*:\s*(?P<with>.*))?",
    re.I | re.S,
)
def _labelled_cell(value: str) -> tuple[list[str], list[str]]:
    """The lead bodies and the coordinators of a lead-body cell, read from its labels if it has any."""
    labelled = LABELLED_CELL.match(value)
    if labelled is None:
        return split_actors(value), []
    lead = split_actors(BRACKETED.sub("", labelled["lead"]))
    with_whom = split_actors(BRACKETED.sub("", labelled["with"] or ""))
    return lead, with_whom


def _row_unit(
    ctx: Context, cells: list[tuple[int, int]], columns: dict[str, int], start: int, end: int
) -> Unit | None:
    """The task of a row ``text[start:end]`` of a task table (its cells trimmed), if it names
    actors and work."""
    text = ctx.text
    actors, coordinators = _labelled_cell(IN_CELL_BREAK.sub(" ", text[slice(*cells[columns["actors"]])]))
    if not actors:
        return None
    task_column = columns.get("task", 1 if len(cells) > 1 else 0)
    if task_column >= len(cells) or not text[slice(*cells[task_column])].strip():
        return None
    start, end = trim_span(text, start, end)
    unit = Unit(start, end, actors=actors, own_actor=True)
    unit.coordinators = coordinators
    if "coordinators" in columns and columns["coordinators"] < len(cells):
        unit.coordinators = split_actors(text[slice(*cells[columns["coordinators"]])])
    if "deadline" in columns and columns["deadline"] < len(cells):
        unit.deadline = cell_deadline(ctx, *cells[columns["deadline"]])
    return unit


# The lead-body column's header, printed on its own line(s): "Cơ quan chủ trì", "Cơ quan \nchủ trì".
FLAT_LEAD_HEADER = re.compile(r"^[ \t]*(?:Cơ\s+quan|Đơn\s+vị)\s+chủ\s+trì[ \t]*$", re.M | re.I)
# A lead-body cell is short: "Bộ Y tế", "Ủy ban nhân dân cấp tỉnh", "Bộ Y tế, Sở Y tế"; its column
# is narrower than the task's, so its lines are shorter than the name's longest by this share.
LEAD_CELL_MAX = 60
NARROWER = 0.75


def flat_table_start(ctx: Context) -> int | None:
    """Where the first lead-body header of a one-cell-a-line task table is, if the body has one."""
    for start, end in ctx.parsed.regions:
        found = FLAT_LEAD_HEADER.search(ctx.text, start, end)
        if found is not None:
            return found.start()
    return None


def is_flat_header(ctx: Context, unit: Unit) -> bool:
    """Whether a unit is the table's header, which each page of the table repeats."""
    return FLAT_LEAD_HEADER.match(ctx.text, unit.start, unit.end) is not None


def flat_row_actors(ctx: Context, unit: Unit) -> list[str]:
    """The lead body of a row of a one-cell-a-line table: after the row's name, the first cell
    that is an actor alone, in lines narrower than the name's ("10. Xây dựng Luật Bảo hiểm y tế
    sửa đổi. / Bộ Y tế / Bộ Tài chính, Bộ / ... / Quý I/2029"; "... cấp cơ sở. / Bộ Ngoại / giao /
    Các / Bộ, ..."). A cell's wrapped lines open in lower case."""
    lines = [line.strip() for line in ctx.text[unit.start : unit.end].split("\n")]
    widest = len(lines[0])
    for index in range(1, len(lines)):
        cell = lines[index]
        for more in lines[index + 1 :]:
            # a cell so narrow that each word has its own line ("Bộ / Nội / vụ,") goes on past a
            # capitalised line while its last body is one word ("Bộ / Nội vụ, Bộ / Ngoại giao")
            lone_word = " " not in cell.rsplit(", ", 1)[-1]
            if not (more[:1].islower() or lone_word) or len(cell) + len(more) >= LEAD_CELL_MAX:
                break
            cell = f"{cell} {more}"
        cell = cell.rstrip(".;,")
        # the cell opens with an actor's head word, or with a capital right after the name's last
        # sentence ("... ngày nghỉ, ngày lễ. / Cơ sở khám bệnh, chữa bệnh / Bộ Y tế, Sở Y tế, ...")
        after_name = lines[index - 1].endswith(".") and cell[:1].isupper()
        if (
            cell
            and len(lines[index]) <= NARROWER * widest
            and len(cell) <= LEAD_CELL_MAX
            and (after_name or (opens_actor(cell) and is_actor_phrase(cell)))
        ):
            return split_actors(cell)
        widest = max(widest, len(lines[index]))
    return []
