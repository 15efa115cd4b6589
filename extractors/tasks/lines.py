"""Lines of the body as the task reader sees them: their spans, markers and headings."""

from __future__ import annotations

import re

from extractors.tasks.actors import ADDRESS_WORDS, has_modality, is_addressee_alone

# A marker at the start of a section's text ("1.", "a)", "-", "Điều 3."). This pattern and the
# other plain ones below (no \p{..} classes, no variable look-behind) are compiled with the
# standard ``re``, which matches such patterns about twice as fast as ``regex``.
MARKER = re.compile(
    r"^(?:Điều\s+\d+[a-z]?\.?|[IVXL]{1,5}[.\-]|[A-Đ]\.|\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|\(\d{1,2}\)\.?|[a-zđ]\)|[-–+•]|Thứ\s+\S+\s*:)\s*"
)


def strip_marker(line: str) -> str:
    """``line`` without its leading marker: ``MARKER.sub("", line, count=1)`` without the cost of
    a substitution (the pattern is anchored, so the only match is at the start)."""
    # no pre-test on the first letters: three calls in four are on a line that has a marker
    marker = MARKER.match(line)
    return line[marker.end() :] if marker else line


# A heading line: short, no closing period.
HEADING_MAX = 130
SENTENCE_CLOSE = re.compile(r"[.;]\s*$")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved past the blanks and slashes around ``text[start:end]`` (and a
    closing ";"); the str strip methods do it in C, without a Python step per character. An empty
    or reversed span is left as it is."""
    if start >= end:
        return start, end
    inner = text[start:end].lstrip(" \t\n/")
    start = end - len(inner)
    return start, start + len(inner.rstrip(" \t\n/;"))


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the lines of ``text[start:end]`` without their blanks (as ``trim_span``), but
    for empty lines, page numbers and table rows."""
    spans = []
    pos = start
    # one split of the span, then str methods on each line: no search and slice per line
    for raw in text[start:end].split("\n") if start < end else ():
        inner = raw.lstrip(" \t/")
        line_start = pos + len(raw) - len(inner)
        body = inner.rstrip(" \t/;")
        pos += len(raw) + 1
        if len(body) <= 3 and body.isdigit():
            continue  # a page number on its own line
        # rows of a table (cells joined by tabs) are read by table_units, not as running text
        if body and body.count("\t") < 2:
            spans.append((line_start, line_start + len(body)))
    return spans


def is_heading(line: str) -> bool:
    """A heading, not work: short, no sentence end, or all in capitals."""
    return is_heading_body(strip_marker(line).strip())


def is_heading_body(body: str) -> bool:
    """``is_heading`` of a line whose marker and blanks are stripped already."""
    if not body:
        return True
    if is_caps(body):
        return True
    if ADDRESS_WORDS.match(body) and is_addressee_alone(body):
        # "Giao Sở Lao động - Thương binh và Xã hội:", "b) Giao Sở Tài chính": the addressee of
        # the bullets or lines below, with no work of its own
        return True
    return (
        len(body) <= HEADING_MAX
        and (body.endswith(":") or not SENTENCE_CLOSE.search(body))
        and not has_modality(body)
    )

_SMALL_ASCII = re.compile("[a-z]")


def is_caps(line: str) -> bool:
    """All in capitals (a heading such as "II. NỘI DUNG THỰC HIỆN"); codes and digits aside."""
    head = strip_marker(line[:200])
    # a line holding a small ASCII letter changes under upper(): most lines stop at this scan
    if _SMALL_ASCII.search(head):
        return False
    return head == head.upper() and head != head.lower()
