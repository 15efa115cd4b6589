"""Tasks: each assignment of work, with who must do it, with whom and by when.

Units of work, in the order a reader meets them:

- a numbered, lettered or bulleted item of the body (``Parsed.sections``), its ``text`` the
  item's own text from its marker to its first child; an item whose content is all children
  ("2. Phòng Nội vụ" + bullets) is a heading that hands its actor to them;
- a line inside an item that opens a new actor ("Đối với Ủy ban nhân dân phường: ...") or
  has its own subject and modality ("Thủ trưởng các Sở ... chịu trách nhiệm thực hiện");
- an assigning sentence outside the items ("Đề nghị Thủ trưởng ... triển khai thực hiện");
- a row of a task table ("Nhiệm vụ \\t Sản phẩm \\t Thời gian \\t Chủ trì \\t Phối hợp").

Actors are read from the item itself, else inherited from the heading above it, else from
the preamble that hands the list out ("... yêu cầu các Sở, ban, ngành ... thực hiện tốt các
nội dung:"). Items under goal and assessment headings (MỤC ĐÍCH, YÊU CẦU, Đánh giá chung)
are not tasks.
"""

from __future__ import annotations

import bisect
import re

from extractors import deadlines, line_classifier
from extractors.models import Task
from extractors.structure import Parsed
from extractors.tasks.actors import COORDINATORS, PAST, split_actors
from extractors.tasks.filters import (
    CHECKED_ITEM,
    GLOSSARY_ENTRY,
    MEMBER_LINE,
    PAPER_ENTRY,
    is_closing_item,
    is_rule,
    opens_with_work,
)
from extractors.tasks.inherited import find_preambles
from extractors.tasks.lines import strip_marker, trim_span
from extractors.tasks.sections import section_units
from extractors.tasks.sentences import loose_units
from extractors.tasks.tables import flat_row_actors, flat_table_start, is_flat_header, table_units
from extractors.tasks.units import Context, Unit

__all__ = ["candidate_units", "extract"]


def extract(parsed: Parsed) -> list[Task]:
    """Every assignment of work in the document, in text order."""
    ctx = Context(parsed)
    candidates, accepted = _candidates(ctx)
    # the learned line classifier, when one is in use, revises the rules' decisions
    decisions = line_classifier.decide(parsed, candidates, accepted)
    units = [unit for unit, keep in zip(candidates, decisions, strict=True) if keep]
    tasks: list[Task] = []
    last_end = -1
    for unit in units:
        if unit.start < last_end and unit.end <= last_end:
            continue
        task = _task(ctx, unit)
        if task is not None:
            tasks.append(task)
            last_end = max(last_end, unit.end)
    return tasks


def _candidates(ctx: Context) -> tuple[list[Unit], list[bool]]:
    """Every unit the walk proposes, in text order, and whether the rules accept each."""
    units = section_units(ctx, find_preambles(ctx)) + loose_units(ctx) + table_units(ctx)
    flat_start = flat_table_start(ctx)
    if flat_start is not None:
        units = [u for u in units if not is_flat_header(ctx, u)]
        for unit in units:
            if not unit.actors and unit.start > flat_start:
                unit.actors = flat_row_actors(ctx, unit)
    units.sort(key=lambda u: (u.start, u.end))
    accepted = [not is_rule(u) and bool(u.actors or opens_with_work(ctx, u)) for u in units]
    # filled after the rules' decisions (they read the unit's own actors), before the model's
    addressee = _notice_addressee(ctx.text, ctx.parsed.body_end)
    if addressee is not None:
        for unit in units:
            unit.actors = unit.actors or [addressee]
    return units, accepted


def candidate_units(parsed: Parsed) -> tuple[list[Unit], list[bool]]:
    """The units the rules weigh and their decisions: what the line classifier learns from."""
    return _candidates(Context(parsed))


# The closing formula of a conclusions notice names the body it is for: "Văn phòng Chính phủ thông
# báo để Ủy ban nhân dân tỉnh Đắk Lắk và các Bộ, cơ quan liên quan biết, thực hiện./.".
NOTICE_ADDRESSEE = re.compile(r"thông\s+báo\s+để\s+(?P<who>[^.;:]{3,200}?)\s+biết\s*,\s*(?:triển\s+khai\s+)?thực\s+hiện")


def _notice_addressee(text: str, body_end: int) -> str | None:
    """The one body a notice's closing formula gives its conclusions to, when it names one: the
    actor of the conclusions that name nobody. "Các cơ quan ..." names nobody in particular."""
    formulas = list(NOTICE_ADDRESSEE.finditer(text, max(0, body_end - 1500), body_end))
    formula = formulas[-1] if formulas else None
    if formula is None:
        return None
    first = split_actors(" ".join(formula.group("who").split()))[:1]
    return first[0] if first and not first[0].startswith("các ") else None


def _task(ctx: Context, unit: Unit) -> Task | None:
    text = ctx.text
    start, end = trim_span(text, unit.start, unit.end)
    value = text[start:end]
    body = strip_marker(value)
    if len(body) < 12 or PAST.match(body) or (len(body) < 200 and is_closing_item(body)):
        return None
    if GLOSSARY_ENTRY.match(body) or MEMBER_LINE.fullmatch(body.rstrip(" .;")):
        return None
    if PAPER_ENTRY.match(body) or CHECKED_ITEM.match(body):
        return None
    hit = unit.deadline
    if hit is None:
        # the first deadline starting in the span (the hits are in text order)
        first = bisect.bisect_left(ctx.deadline_starts, start)
        hit = ctx.deadline_hits[first] if first < len(ctx.deadline_hits) else None
        if hit is not None and hit.start >= end:
            hit = None
        if hit is not None and hit.granularity == "day" and hit.recurrence is None:
            # the item, not only the line, may say it recurs ("Hằng năm, ... trước ngày 15 tháng 11")
            hits = deadlines.find(ctx.parsed, hit.start - 60 if hit.start - 60 > start else start, end, scope_start=start)
            hit = hits[0] if hits else hit
    recurrence = (
        (hit.recurrence if hit else None)
        or unit.recurrence
        or deadlines.recurrence_in(text, start, end)
    )
    # the literal test first: COORDINATORS has a look-behind tried at every letter
    coordinators = unit.coordinators or [
        c
        for m in (COORDINATORS.finditer(body) if "phối" in body else ())
        for c in split_actors(m.group("who"))
    ]
    action = body[: min(len(body), 120)]
    action = action.split("\n", 1)[0]
    return Task(
        start=start,
        end=end,
        text=value,
        actors=unit.actors,
        action=action,
        coordinators=coordinators,
        deadline=hit.date if hit else None,
        recurrence=recurrence,  # type: ignore[arg-type]
        section=unit.section,
    )
