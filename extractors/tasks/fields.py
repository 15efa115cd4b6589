"""Field lines of an item: "Thời gian thực hiện: ...", "Đơn vị chủ trì: ...", "Phối hợp: ..."
(the labels of task_fields.tsv), which fill the task they belong to."""

from __future__ import annotations

import re
from functools import cache

import regex

from extractors import deadlines
from extractors.data import table
from extractors.structure import Section
from extractors.tasks.actors import (
    ACTION_START,
    assignment_in,
    has_modality,
    lead_and_coordinators,
    may_assign,
    split_actors,
    subject,
)
from extractors.tasks.lines import (
    MARKER,
    SENTENCE_CLOSE,
    is_heading,
    line_spans,
    strip_marker,
    trim_span,
)
from extractors.tasks.units import Context, Unit, cell_deadline


@cache
def _field_labels() -> tuple[regex.Pattern[str], tuple[str, ...]]:
    """One pattern for all the labels of task_fields.tsv, a group per row (in the order of the
    rows: the first row that matches wins), and the field of each group."""
    rows = table("task_fields.tsv")
    for row in rows:
        if regex.compile(row["pattern"]).groups:
            raise ValueError(f"task_fields.tsv: no capturing group in {row['pattern']}")
    labels = "|".join(f"({row['pattern']})" for row in rows)
    return regex.compile(rf"^(?:{labels})\s*(?::|$)", regex.I), tuple(row["field"] for row in rows)


def field_of(label: str) -> str | None:
    """The field a label names ("Đơn vị chủ trì" → "actors"), if it names one."""
    pattern, fields = _field_labels()
    found = pattern.match(label.strip())
    # the one group that took part is the row's (lastindex: read by number, names cost more)
    return fields[found.lastindex - 1] if found is not None and found.lastindex else None


def fill_field(ctx: Context, unit: Unit, name: str, value_start: int, value_end: int) -> None:
    """Fill the field ``name`` of ``unit`` from the value ``text[value_start:value_end]`` of a
    field line ("Đơn vị chủ trì: Sở Tư pháp", "Thời gian thực hiện: Quý I/2026")."""
    text = ctx.text
    if name == "actors":
        unit.actors, coordinators = lead_and_coordinators(text[value_start:value_end])
        unit.coordinators = unit.coordinators or coordinators
        unit.own_actor = True
    elif name == "coordinators":
        unit.coordinators = split_actors(text[value_start:value_end])
    elif name == "deadline":
        unit.deadline = cell_deadline(ctx, value_start, value_end)
        # "Thời gian thực hiện: Thường xuyên hằng năm" states how often, with or without a date
        unit.recurrence = deadlines.recurrence_in(text, value_start, value_end)


def field_in_line(text: str, line_start: int, line_end: int) -> tuple[str, int] | None:
    """The field a line gives and where its value starts ("Đơn vị chủ trì thực hiện: Các Sở ...")."""
    line = text[line_start:line_end]
    if ":" not in line[:60]:
        return None
    label, _, value = line.partition(":")
    name = field_of(label)
    return (name, line_end - len(value)) if name in ("actors", "coordinators", "deadline", "other") else None


def apply_field(
    ctx: Context, section: Section, units: list[Unit], inherited: list[str]
) -> list[Unit]:
    """A field bullet ("- Đơn vị chủ trì: ...") fills the task above it; lines printed after it
    ("(2) Sao lưu ...", unmarked items of a numbered list) are the next tasks."""
    text = ctx.text
    start, end = trim_span(text, section.start, section.text_end)
    lines = line_spans(text, start, end)
    # line_spans leaves out a row of a table: a field line whose value holds cells joined by tabs
    # ("Đơn vị phối hợp: Sở Tài chính<tab>Thanh tra<tab>Công an") fills nothing
    if not lines or lines[0][0] != start:
        lines.insert(0, (start, start))
    line = strip_marker(text[lines[0][0] : lines[0][1]])
    label, _, value = line.partition(":")
    name = field_of(label)
    # "- Cơ quan chủ trì: Sở Nội vụ, Sở\nGiáo dục và Đào tạo, Sở Tài chính.": the value the page
    # wrapped goes on over the lines after it, up to the line that closes it
    wrapped = 1
    while wrapped < len(lines) and _continues_value(text, lines[wrapped - 1], lines[wrapped]):
        wrapped += 1
    value_start, value_end = trim_span(text, lines[0][1] - len(value), lines[wrapped - 1][1])
    lines = lines[:1] + lines[wrapped:]
    if name == "task" and value_end > value_start:
        # "a) Nhiệm vụ: Tham mưu UBND Thành phố ...": the item's work, its fields in the items after
        task_end = trim_span(text, value_start, end)[1]
        return [Unit(value_start, task_end, actors=list(inherited), section=section.label)]
    # "1.2. ... a) Nhiệm vụ: - ... - ... b) Cơ quan thực hiện: - Đơn vị chủ trì: ...": a field under
    # a field heading serves the whole item the heading belongs to
    owner = section.parent
    block = owner is not None and _is_field_heading(ctx, owner)
    if block and owner is not None:
        owner = ctx.sections[owner].parent
    parent_start = ctx.sections[owner].start if owner is not None else 0
    if units and name and units[-1].start >= parent_start:
        unit = units[-1]
        fill_field(ctx, unit, name, value_start, value_end)
        if name == "actors":
            # "3.1. ... 3.2. ... 3.4. ... - Cơ quan thực hiện: Sở ...": one field line after several
            # sibling items without their own fields serves them all
            for earlier in _unfielded_siblings(ctx, section, units):
                earlier.actors, earlier.own_actor = list(unit.actors), True
                earlier.coordinators = earlier.coordinators or list(unit.coordinators)
        if block:
            for earlier in reversed(units[:-1]):
                if earlier.start < parent_start:
                    break
                if name != "actors" or not earlier.own_actor:
                    fill_field(ctx, earlier, name, value_start, value_end)
    new = []
    for line_start, line_end in lines[1:]:
        line = text[line_start:line_end]
        if is_heading(line):
            continue
        found = subject(line) or (
            assignment_in(line) if may_assign(line) and has_modality(line) else None
        )
        if found is None and LABEL.match(line):
            continue
        unit = Unit(line_start, line_end, actors=list(inherited), section=section.label)
        if found is not None:
            unit.actors, unit.own_actor = split_actors(found[0]), True
        new.append(unit)
    return new


def _continues_value(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether the line ``following`` goes on with the field value of ``line``: the value closes no
    sentence and the next line opens no item, no field and no sentence of its own."""
    if SENTENCE_CLOSE.search(text, line[0], line[1]) or text[line[1] - 1] == ":":
        return False
    after = text[following[0] : following[1]]
    if MARKER.match(after) or LABEL.match(after) or subject(after) is not None:
        return False
    # a line in lower case goes on with a sentence; one with a capital may open the next work
    # ("Tổ chức tuyên truyền ...") or go on with a name ("Giáo dục và Đào tạo, Sở Tài chính.")
    return after[:1].islower() or ACTION_START.match(after) is None


def _is_field_heading(ctx: Context, index: int) -> bool:
    """A field line with no value of its own, over the field lines that give it: "b) Cơ quan thực
    hiện:" over "- Đơn vị chủ trì: ..." and "- Đơn vị phối hợp: ..."."""
    section = ctx.sections[index]
    own = ctx.text[section.start : section.text_end].strip()
    return is_field_line(ctx, index) and own.endswith(":") and own.count(":") == 1


def _unfielded_siblings(ctx: Context, field_line: Section, units: list[Unit]) -> list[Unit]:
    """Units of the items just before the one a field line belongs to, back to the last item that
    has an actor of its own: siblings that share the field ("1.1. ... 1.2. ... - Cơ quan thực hiện")."""
    if field_line.parent is None:
        return []
    item = ctx.sections[field_line.parent]
    family = item.label.rsplit(".", 1)[0] + "." if "." in item.label else None
    found = []
    for unit in reversed(units[:-1]):
        if (
            family is None
            or unit.own_actor
            or unit.section is None
            or not unit.section.startswith(family)
            or unit.section.count(".") != item.label.count(".")
        ):
            break
        found.append(unit)
    return found


# "Đầu mối liên hệ: ...", "Điện thoại: ...": a labelled line of contact details, not work.
LABEL = re.compile(r"^[^:\n]{1,40}:")


def is_broken_continuation(ctx: Context, index: int) -> bool:
    """A bullet that continues the field line above it ("- Đơn vị phối hợp: ..., Vụ Tổ chức / - cán bộ, ...")."""
    # the line above first: its answer is mostly kept already, and mostly no
    if index == 0 or not is_field_line(ctx, index - 1):
        return False
    section = ctx.sections[index]
    return strip_marker(ctx.text[section.start : section.start + 40])[:1].islower()


def is_field_line(ctx: Context, index: int) -> bool:
    """A field bullet ("- Đơn vị chủ trì: ..."); asked of an item, its children and the item after
    it, so the answer is kept."""
    known = ctx.field_lines.get(index)
    if known is None:
        section = ctx.sections[index]
        head = ctx.text[section.start : min(section.text_end, section.start + 60)]
        # a line without a colon (most) is no field line: no marker to strip
        label, colon, _ = strip_marker(head).partition(":") if ":" in head else (head, "", "")
        known = ctx.field_lines[index] = bool(colon) and field_of(label) is not None
    return known
