"""Organisations and places named in the text.

Organisations: an agency's name starts with a head word (``organisation_heads.txt``: "Sở",
"Ủy ban nhân dân", "UBND", "Ban Chỉ đạo" ...) and runs over capitalised words and the
connectors of Vietnamese agency names ("Sở Khoa học và Công nghệ", "Sở Lao động - Thương
binh và Xã hội"), then the unit it governs ("tỉnh Lâm Đồng", "huyện Đức Trọng"). Its
``name`` has the standard abbreviations written out ("UBND tỉnh" → "Ủy ban nhân dân tỉnh").

Places: province-level places ("tỉnh Gia Lai", "thành phố Hà Nội", the địa danh of the date
line), linked through ``extractors.places`` (the maintained ``vietnamadminunits`` tables) to
the unit in force on the document's date — a 2021 "tỉnh Gia Lai" is the old unit 64, a 2025
one the merged unit 52 — and to its 2025 successor.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import regex

from extractors import places
from extractors.data import patterns
from extractors.models import Organisation, Place
from extractors.structure import Parsed
from extractors.text import (
    expand_abbreviations,
    finditer_from_heads,
    finditer_from_words,
    literal_heads,
)

# A word of an agency's name after its head: capitalised ("Nội vụ", "Khoa học"), lower-case
# inside a capitalised name ("Lao động - Thương binh và Xã hội"), or an acronym ("KH&CN").
# Each word of the name is capitalised on its first syllable only ("Khoa học", "Tài chính").
NAME_WORD = r"\p{Lu}[\p{L}&]*"
FOLLOWER = rf"(?:[ ](?:{NAME_WORD}(?:[ ]\p{{Ll}}+)?|(?:và|-)(?=[ ]\p{{Lu}})))"
# "tỉnh Lâm Đồng", "thành phố Hà Nội", "huyện Đức Trọng", or the level alone ("UBND tỉnh").
UNIT_WORD = r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|cấp tỉnh|cấp huyện|cấp xã|các cấp)"
GOVERNED = rf"(?:[ ]{UNIT_WORD}(?:[ ]\p{{Lu}}\p{{Ll}}*(?:[ \-]+\p{{Lu}}\p{{Ll}}*){{0,3}})?)"
PLACE_LEVELS = ("tỉnh", "Tỉnh", "thành phố", "Thành phố", "TP.")
PLACE = regex.compile(
    rf"(?<![\p{{L}}])(?P<level>{'|'.join(regex.escape(level) for level in PLACE_LEVELS)})\s?"
    r"(?P<name>\p{Lu}\p{Ll}*(?:(?:[ ]|[ ]-[ ])\p{Lu}\p{Ll}*){0,3})"
)
# The governed unit at the end of an organisation's name: "Sở Nội vụ tỉnh Lâm Đồng" → "Lâm Đồng".
ORGANISATION_PLACE = regex.compile(rf"{UNIT_WORD}[ ](\p{{Lu}}.*)$")


# Groups are read by number (the names stay in the patterns to say what they hold): in ``regex``
# a lookup by name copies the pattern's table of names, a microsecond or more, on every read.
assert PLACE.groupindex == {"level": 1, "name": 2}
PLACE_NAME = 2


@cache
def _organisation() -> regex.Pattern[str]:
    # the heads grouped by first letter (see ``literal_heads``): it matches as their plain alternation
    # longest first, but regex tries only the heads that open with the letter at the match
    heads = _organisation_heads().pattern
    pattern = regex.compile(rf"(?<![\p{{L}}])(?P<head>{heads})(?![\p{{L}}])(?P<rest>{FOLLOWER}{{0,6}}){GOVERNED}?")
    assert pattern.groupindex == {"head": 1, "rest": 2}  # read by number (see PLACE_NAME)
    return pattern


@cache
def _organisation_heads() -> re.Pattern[str]:
    """Where an organisation can start: one of its head words (see ``finditer_from_heads``)."""
    return literal_heads(patterns("organisation_heads.txt"))


def _document_date(parsed: Parsed) -> str | None:
    header = parsed.header
    if not header.year:
        return None
    if not header.month:
        return f"{header.year:04d}"
    return f"{header.year:04d}-{header.month:02d}-{header.day or 1:02d}"


@lru_cache(maxsize=4096)
def _read_name(written: str) -> tuple[str, str | None]:
    """An agency's name as written, with the abbreviations written out, and the unit it governs.

    A pure function of a few words, which documents repeat again and again ("UBND tỉnh"): cached.
    """
    place = ORGANISATION_PLACE.search(written)
    return expand_abbreviations(written), place.group(1) if place else None


def organisations(parsed: Parsed) -> list[Organisation]:
    """Agencies named in the body, one item per distinct name, at the first mention."""
    text = parsed.text
    found: dict[str, Organisation] = {}
    for start, end in parsed.regions:
        for match in finditer_from_heads(_organisation(), _organisation_heads(), text, start, end):
            written, head, rest = match.group(0, 1, 2)
            if head in ("Sở", "Bộ", "Vụ", "Cục") and not rest:
                continue  # "Sở" alone is a word of the sentence, not a name
            name, place = _read_name(written)
            if name in found:
                continue
            abbreviation = head if name != written else None
            found[name] = Organisation(
                start=match.start(),
                end=match.end(),
                text=written,
                name=name,
                abbreviation=abbreviation,
                place=place,
            )
    return list(found.values())


def _place(unit: places.Province, written: str, start: int) -> Place:
    after = places.successor(unit)
    return Place(
        start=start,
        end=start + len(written),
        text=written,
        name=written,
        code=unit.code,
        unit=unit.name,
        system=unit.system,
        successor_code=after.code if after else None,
        successor=after.name if after else None,
    )


def place_items(parsed: Parsed) -> list[Place]:
    """Province-level places, linked to the units in force on the document's date."""
    text = parsed.text
    date = _document_date(parsed)
    found: dict[str, Place] = {}

    def add(name: str, written: str, start: int) -> None:
        # one item per unit (its code; the written name if it has none), at its first mention:
        # the unit is looked up first so that a repeated mention builds no item
        unit = places.province(name, date)
        if unit is not None and (unit.code or written) not in found:
            found[unit.code or written] = _place(unit, written, start)

    header_place = parsed.header.place
    if header_place:
        add(header_place.text, header_place.text, header_place.start)
    for start, end in parsed.regions:
        # a place starts at its level word (see ``finditer_from_words``)
        for match in finditer_from_words(PLACE, PLACE_LEVELS, text, start, end):
            add(match[PLACE_NAME], match.group(0), match.start())
    return sorted(found.values(), key=lambda p: p.start)


def extract(parsed: Parsed) -> list[Organisation]:
    """The organisations (see ``place_items`` for places): the registry's ``organisations``."""
    return organisations(parsed)
