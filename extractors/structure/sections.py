"""Body sections: the numbered, lettered and bulleted items of a body, as a tree."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from extractors.structure.models import Section

# Body sections: markers at the start of a line, one alternative (one group) a kind.
_MARKER_KINDS = r"""(?:
        (?P<part>Phần\s+(?:thứ\s+)?[\p{L}IVX]+)
      | (?P<chapter>Chương\s+[IVXLC\d]+)
      | (?P<article>Điều\s+\d+[a-z]?)\.?
      | (?P<roman>[IVXL]{1,5})[.\-]
      | (?P<upper>[A-ZĐ])\.(?=\s)
      | (?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})\.?
      | (?P<paren>\(\d{1,2}\))\.?
      | (?P<number>\d{1,2})[.)]
      | (?P<letter>[a-zđ])[).]  # "a)", and "a." as some print it (not "A."-"Z.", level 1)
      | (?P<ordinal>Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|\d+))\s*:
      | (?P<dash>[-–])
      | (?P<plus>[+•])
    )(?=\s)"""
SECTION_MARKER = regex.compile("^" + _MARKER_KINDS, regex.M | regex.X)
# The same markers after a line break, for the scan of a body: ``regex`` skips fast to a literal
# "\n" but tries "^" at every position (the scan takes about two thirds of the time). Every marker
# ends before white space, never with a line break, so the scan finds the markers ``^`` finds.
_MARKER_AFTER_BREAK = regex.compile(r"\n" + _MARKER_KINDS, regex.X)
# The kind of each group number: groups are read by number, as a read by name in ``regex`` copies
# the pattern's table of names (``groupindex``), a microsecond or more, on every read.
_MARKER_KIND = {number: kind for kind, number in SECTION_MARKER.groupindex.items()}
assert _MARKER_AFTER_BREAK.groupindex == SECTION_MARKER.groupindex
_LEVELS = {
    "part": 0,
    "chapter": 1,
    "upper": 1,
    "roman": 2,
    "article": 3,
    "number": 4,
    "ordinal": 4,
    "dotted": 5,
    "letter": 6,
    "paren": 9,  # "(1). Xem xét, ...": numbers in brackets list the points of the item above, any item
    "dash": 7,
    "plus": 8,
}

# The first sub-item printed at the end of its parent's heading line (a PDF conversion joins them):
# "3. Giải quyết tốt tranh chấp lao động 3.1. Rà soát ...", "1. Tăng cường ... tiến bộ 1.1.\n",
# "III. TỔ CHỨC THỰC HIỆN 1.\n". Only the parent's own first child is split off ("N." → "N.1.",
# "N.M." → "N.M.1.", a roman heading → "1."), so dates and citations in the line stay text.
TRAILING_FIRST_CHILD = regex.compile(r"(?<=[\p{L}\p{N}\)”\"])[ \t]+(?P<marker>\d{1,2}(?:\.\d{1,2}){0,3})\.(?=[ \t]*\n|[ \t]+\p{Lu})")


# Kinds of heading that a PDF conversion may join to their first child (see TRAILING_FIRST_CHILD).
_JOINED_HEADINGS = frozenset({"roman", "number", "dotted"})


def _marker_matches(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches of ``SECTION_MARKER.finditer(text, start, end)``, found after line breaks."""
    if start == 0 or text[start - 1] == "\n":
        first = SECTION_MARKER.match(text, start, end)
        if first is not None:
            yield first
            start = first.end()
    yield from _MARKER_AFTER_BREAK.finditer(text, start, end)


def _markers(text: str, start: int, end: int) -> list[tuple[int, str, str, str]]:
    """Each marker as (position, kind, value, marker text), with first children split off heading lines."""
    found = []
    for match in _marker_matches(text, start, end):
        # each alternative is one group, which opens it: the last group is the kind, and starts the marker
        group = match.lastindex
        kind = _MARKER_KIND[group]
        position = match.start(group)
        value = match[group]
        found.append((position, kind, value, text[position : match.end()]))
        if kind not in _JOINED_HEADINGS:
            continue
        line_end = text.find("\n", match.end(), end)
        line_end = end if line_end < 0 else line_end
        own = value.rstrip(".)")
        expected = "1" if kind == "roman" else f"{own}.1"
        limit = min(line_end + 1, end)
        # the child's marker is printed "<expected>.": without that text the line has none to split off
        if text.find(f"{expected}.", match.end(), limit) < 0:
            continue
        for trailing in TRAILING_FIRST_CHILD.finditer(text, match.end(), limit):
            if trailing.group("marker") == expected:
                child = "number" if kind == "roman" else "dotted"
                at = trailing.start("marker")
                found.append((at, child, expected if child == "dotted" else f"{expected}.", f"{expected}."))
                break
    return found


def find_sections(text: str, start: int, end: int) -> list[Section]:
    """Numbered, lettered and bulleted items of the body, as a tree in document order."""
    sections: list[Section] = []
    stack: list[Section] = []  # the open sections, innermost last
    indices: list[int] = []  # their indices in ``sections``
    counters: dict[tuple[int | None, int], int] = {}
    for position, kind, value, marker in _markers(text, start, end):
        level = _LEVELS[kind]
        while stack and stack[-1].level >= level:
            closed = stack.pop()
            indices.pop()
            closed.end = position
            if closed.text_end > position:  # no child: its own text runs to its end
                closed.text_end = position
        parent: int | None
        if stack:
            parent_section = stack[-1]
            parent = indices[-1]
            label = f"{parent_section.label}.{_label_part(kind, value, counters, parent, level)}"
            if parent_section.text_end == end:  # its first child: its own text ends here
                parent_section.text_end = position
        else:
            parent, label = None, _label_part(kind, value, counters, None, level)
        # by position, in the order of the fields (keywords double the cost of building one): end and
        # text_end run to the body's end until a later marker closes the section or opens its child
        section = Section(marker, label, level, position, end, end, parent)
        indices.append(len(sections))
        stack.append(section)
        sections.append(section)
    return sections


def _label_part(
    kind: str, value: str, counters: dict[tuple[int | None, int], int], parent: int | None, level: int
) -> str:
    if kind in ("dash", "plus"):
        key = (parent, level)
        counters[key] = counters.get(key, 0) + 1
        return f"-{counters[key]}"
    if kind == "article":
        return value.replace("Điều", "Điều ").replace("  ", " ").strip()
    return value.rstrip(".)")
