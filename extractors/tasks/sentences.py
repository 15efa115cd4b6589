"""Assigning sentences of running text: outside the items, or the text of an article."""

from __future__ import annotations

from extractors.tasks.actors import assignment_in, has_modality, is_past, split_actors, subject
from extractors.tasks.filters import CLOSING_WORDS, is_report_closing
from extractors.tasks.lines import line_spans
from extractors.tasks.units import Context, Unit


def sentence_units(
    ctx: Context, start: int, end: int, inherited: list[str], label: str | None
) -> list[Unit]:
    """Assigning sentences of running text (outside items, or the text of an article)."""
    units = []
    for line_start, line_end in line_spans(ctx.text, start, end):
        line = ctx.text[line_start:line_end]
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
