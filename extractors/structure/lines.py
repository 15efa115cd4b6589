"""Small readers of lines, cells and pieces that the header and the closing readers share."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from extractors.structure.models import Piece

CELL_LINE = regex.compile(r"[^\n\t]+")  # a line or a table cell


def last_match(matches: Iterator[regex.Match[str]]) -> regex.Match[str] | None:
    """The last of ``matches`` (None if there is none)."""
    last = None
    for last in matches:  # noqa: B007 - the loop only walks to the last match
        pass
    return last


def line_end_at(text: str, position: int) -> int:
    """Where the line holding ``position`` ends: its line break, or the text's end."""
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def is_upper(segment: str) -> bool:
    """Whether ``segment`` is written in capitals: more than 85 % of its letters (two at least)."""
    letters = list(filter(str.isalpha, segment))
    if len(letters) < 2:
        return False
    upper = sum(map(str.isupper, letters))
    return upper / len(letters) > 0.85


def stripped_piece(text: str, start: int, end: int) -> Piece | None:
    """The piece ``text[start:end]`` without its outer whitespace (None if nothing is left)."""
    value = text[start:end]
    lead = len(value) - len(value.lstrip())
    value = value.strip()
    return Piece(start + lead, start + lead + len(value), value) if value else None
