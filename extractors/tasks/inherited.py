"""Actors an item inherits: from a heading above it that names them, else from a preamble that
hands the list out ("... yêu cầu các Sở, ban, ngành ... thực hiện tốt các nội dung:")."""

from __future__ import annotations

import re

from extractors.tasks.actors import assignment_in, split_actors, subject
from extractors.tasks.lines import MARKER, line_spans
from extractors.tasks.units import Context

# A preamble: where it is printed, the actors it names, the section it belongs to (None: the body).
Preamble = tuple[int, list[str], int | None]


def inherited_actors(
    ctx: Context, index: int, preambles: list[Preamble], position: int
) -> list[str]:
    """The actors the item ``index`` at ``position`` inherits: its nearest heading's that names
    some, else those of the last preamble before it that hands out its list."""
    parent = ctx.sections[index].parent
    while parent is not None:
        if parent in ctx.heading_actor:
            return list(ctx.heading_actor[parent])
        parent = ctx.sections[parent].parent
    best: list[str] = []
    own_parent = ctx.sections[index].parent
    for at, actors, scope in preambles:
        if at > position:
            break
        if scope == own_parent or _is_ancestor(ctx, scope, index):
            best = actors
    return list(best)


def _is_ancestor(ctx: Context, ancestor: int | None, index: int) -> bool:
    if ancestor is None:
        return True
    parent = ctx.sections[index].parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = ctx.sections[parent].parent
    return False


def find_preambles(ctx: Context) -> list[Preamble]:
    """Lines that hand a list to its addressees ("... yêu cầu các Sở ... thực hiện tốt các nội dung:")."""
    found = []
    text = ctx.text
    owner: int | None = None
    section_starts = [(s.start, i) for i, s in enumerate(ctx.sections)]
    pointer = 0
    for region_start, region_end in ctx.parsed.regions:
        # a preamble ends with a colon: jump from one line holding a colon to the next
        colon = text.find(":", region_start, region_end)
        while colon >= 0:
            raw_start = max(region_start, text.rfind("\n", 0, colon) + 1)
            newline = text.find("\n", colon, region_end)
            raw_end = region_end if newline < 0 else newline
            colon = -1 if newline < 0 else text.find(":", raw_end + 1, region_end)
            for line_start, line_end in line_spans(text, raw_start, raw_end):
                line = text[line_start:line_end]
                if not line.endswith(":"):
                    continue
                actors = _preamble_actors(line) or _preamble_actors(_paragraph_ending(text, region_start, line_start, line_end))
                if not actors:
                    continue
                while pointer < len(section_starts) and section_starts[pointer][0] <= line_start:
                    owner = section_starts[pointer][1]
                    pointer += 1
                scope = owner if owner is not None and ctx.sections[owner].end > line_start else None
                if scope is not None and _is_later_paragraph_of_bullet(ctx, scope, line_start):
                    # "Kính gửi: - ...; - Các chủ đầu tư CCN." / "..., Sở Công Thương đề nghị các chủ
                    # đầu tư thực hiện các nội dung sau:": a paragraph after a bullet is not the bullet's
                    scope = ctx.sections[scope].parent
                # a preamble printed as the own text of a section hands its children the list
                found.append((line_start, actors, scope))
    return found


# A paragraph that hands out the list after it: "... các nhiệm vụ sau đây:", "... như sau:".
HANDS_OUT_LIST = re.compile(r"(?:sau(?:\s+đây)?|như\s+sau|cụ\s+thể)\s*:$")
# Where a clause opens after a comma: the subject of "Nhằm đạt được mục tiêu ..., bên cạnh các nhiệm
# vụ thường xuyên, các bộ, ... cần cụ thể hóa và tổ chức triển khai thực hiện các nhiệm vụ sau đây:"
CLAUSE_OPENING = re.compile(r",\s+")
# The clause's subject is the actor only when it is put under the obligation ("... cần cụ thể hóa",
# "... có trách nhiệm"), not when it announces or asks ("UBND tỉnh thông báo ... như sau:", "Bộ Văn
# hóa, Thể thao và Du lịch đề nghị thực hiện ..., như sau:").
OBLIGED = re.compile(r"\s*(?:cần|phải|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|tập\s+trung|khẩn\s+trương|chủ\s+động|tiếp\s+tục)(?!\w)")
# A paragraph is looked at up to this far back from its colon.
PARAGRAPH_MAX = 600


def _preamble_actors(paragraph: str) -> list[str]:
    """The actors a preamble hands its list to: an actor introduced by an assigning verb ("...
    yêu cầu các Sở ... thực hiện tốt các nội dung:"), or the subject of a clause of a paragraph that
    announces the list ("..., các bộ, ... cần ... thực hiện các nhiệm vụ sau đây:")."""
    if not paragraph:
        return []
    assignment = assignment_in(paragraph)
    if assignment is not None:
        return split_actors(assignment[0])
    if not HANDS_OUT_LIST.search(paragraph):
        return []
    for comma in CLAUSE_OPENING.finditer(paragraph):
        clause = paragraph[comma.end() :]
        found = subject(clause)
        if found is not None and OBLIGED.match(clause, found[1]):
            return split_actors(found[0])
    return []


def _paragraph_ending(text: str, floor: int, line_start: int, line_end: int) -> str:
    """The paragraph a line ends, its wrapped lines joined (PDF text wraps a paragraph's lines):
    back from the line over the lines that close no sentence, up to one that opens with a marker."""
    start = line_start
    while start > floor and line_start - start < PARAGRAPH_MAX:
        previous_start = max(floor, text.rfind("\n", floor, start - 1) + 1)
        previous = text[previous_start : start - 1].strip()
        if not previous or previous[-1] in ".;:":
            break
        start = previous_start
        if MARKER.match(previous):
            break
    if start == line_start:
        return ""
    return " ".join(text[start:line_end].split())


def _is_later_paragraph_of_bullet(ctx: Context, index: int, position: int) -> bool:
    """Whether ``position`` lies past the first line of the bullet ``index``."""
    section = ctx.sections[index]
    first_line_end = ctx.text.find("\n", section.start)
    return section.marker.startswith(("-", "+", "•")) and 0 <= first_line_end < position
