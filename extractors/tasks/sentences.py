"""Assigning sentences of running text: outside the items, or the text of an article; and a
sentence the page wrapped before its verb."""

from __future__ import annotations

from extractors.tasks.actors import (
    ACTION_START,
    ASSIGN,
    assignment_in,
    has_modality,
    is_past,
    leading_adverbial,
    may_assign,
    opens_actor,
    split_actors,
    subject,
)
from extractors.tasks.fields import LABEL
from extractors.tasks.filters import CLOSING_WORDS, is_report_closing
from extractors.tasks.lines import MARKER, SENTENCE_CLOSE, line_spans
from extractors.tasks.units import Context, Unit

# A sentence is read over at most this many wrapped lines for its subject; a line the page wrapped
# fills its width (Công báo pages wrap at 70 to 80 characters).
WRAPPED_LINES = 4
WRAPPED_WIDTH = 50


def wrapped_sentence(text: str, body: str, following: list[tuple[int, int]]) -> tuple[str, int] | None:
    """A sentence opening with the line ``body`` that the page wrapped before its verb (PDF text:
    "1. Cục trưởng Cục Viễn thông, Thủ trưởng các cơ quan, đơn vị thuộc Bộ\\nKhoa học và Công nghệ,
    ... chịu trách nhiệm thi hành Thông tư này."): the line joined with the lines after it, up to
    the sentence's end, and how many of the ``following`` lines it took."""
    if SENTENCE_CLOSE.search(body) or body.endswith(":") or not following:
        return None
    if not opens_actor(body) and not (may_assign(body) and ASSIGN.match(body)):
        return None
    sentence, last, taken = body, body, 0
    for line_start, line_end in following[:WRAPPED_LINES]:
        line = text[line_start:line_end]
        if MARKER.match(line) or (len(last) < WRAPPED_WIDTH and not goes_on(line)):
            # a short line was not wrapped: it ends there (a cell of a table, a heading), unless
            # the next line can only go on with it ("Đài Tiếng nói Việt\nNam, Thông tấn xã ...")
            break
        sentence, last, taken = f"{sentence} {line}", line, taken + 1
        if SENTENCE_CLOSE.search(line) or line.endswith(":"):
            break
    return (sentence, taken) if taken else None


def wrapped_subject(text: str, body: str, following: list[tuple[int, int]]) -> tuple[str, int] | None:
    """The subject of the sentence ``wrapped_sentence`` reads, if it has one."""
    found = wrapped_sentence(text, body, following)
    return subject(found[0]) if found is not None else None


def goes_on(line: str) -> bool:
    """Whether ``line`` can only go on with the line above it: it opens in lower case, or with a
    word that opens no work, no actor, no label and no adverbial ("Nam, Thông tấn xã Việt Nam kịp
    thời ...")."""
    if line[:1].islower():
        return True
    # "Căn cứ chức năng, nhiệm vụ, ... tổ chức triển khai ...": a sentence of its own
    return not (ACTION_START.match(line) or opens_actor(line) or LABEL.match(line) or leading_adverbial(line))


def sentence_units(
    ctx: Context, start: int, end: int, inherited: list[str], label: str | None
) -> list[Unit]:
    """Assigning sentences of running text (outside items, or the text of an article)."""
    units = []
    spans = line_spans(ctx.text, start, end)
    index = 0
    while index < len(spans):
        line_start, line_end = spans[index]
        index += 1
        line = ctx.text[line_start:line_end]
        if line.endswith(":"):
            continue
        opens_sentence = index == 1 or SENTENCE_CLOSE.search(ctx.text, spans[index - 2][0], spans[index - 2][1])
        wrapped = wrapped_sentence(ctx.text, line, spans[index:]) if opens_sentence and subject(line) is None else None
        if wrapped is not None:
            # "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc\nChính phủ và Chủ
            # tịch ... chịu trách nhiệm thi hành": one sentence, its subject on the first line
            line, taken = wrapped
            line_end = spans[index + taken - 1][1]
            index += taken
            if line.endswith(":"):
                continue
        # the cheap tests first: MODALITY scans the whole line
        if is_past(line[:80]) or not has_modality(line) or is_report_closing(line):
            continue
        found = subject(line)
        if found is None:
            found = assignment_in(line)
            if found is None:
                continue
        if CLOSING_WORDS.match(line):
            found_in = assignment_in(line)
            if found_in is None:
                continue
            found = found_in
        units.append(
            Unit(line_start, line_end, actors=split_actors(found[0]), section=label, own_actor=True)
        )
    return units


def loose_units(ctx: Context) -> list[Unit]:
    """Assigning sentences outside every item (preamble, closing paragraph, news text)."""
    covered = sorted((s.start, s.end) for s in ctx.sections)
    units = []
    for region_start, region_end in ctx.parsed.regions:
        pos = region_start
        for start, end in covered:
            if start < region_start or start >= region_end:
                continue
            if start > pos:
                units += sentence_units(ctx, pos, start, [], None)
            pos = max(pos, end)
        if pos < region_end:
            units += sentence_units(ctx, pos, region_end, [], None)
    return units
