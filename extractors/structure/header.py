"""The header of a document: number, place and date line, type word, title (trích yếu), issuer."""

from __future__ import annotations

from collections.abc import Callable

import regex

from extractors.data import patterns, table
from extractors.structure.closing import SIGNER_TITLE
from extractors.structure.lines import CELL_LINE, is_upper, last_match, line_end_at, stripped_piece
from extractors.structure.models import Header, Piece
from extractors.text import finditer_from_heads, literal_heads

DOC_TYPES = table("doc_types.tsv")
# Types as printed in a header, longest first so "THÔNG TƯ LIÊN TỊCH" beats "THÔNG TƯ".
_TYPE_WORDS = sorted(
    {row["canonical"].upper() for row in DOC_TYPES} | {"THÔNG BÁO KẾT LUẬN", "CHƯƠNG TRÌNH HÀNH ĐỘNG"},
    key=len,
    reverse=True,
)
_TYPE_ALTERNATION = "|".join(regex.escape(word) for word in _TYPE_WORDS)

# Quốc hiệu and tiêu ngữ (State), or the Party's "ĐẢNG CỘNG SẢN VIỆT NAM".
NATIONAL_MOTTO = regex.compile(
    r"CỘNG\s*H[ÒOÕ]A\s+XÃ\s+HỘI(?:\s|\s/\s)+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM",
    regex.I,
)
# (a PDF text layer may break a word of it: "Độ c lập")
MOTTO = regex.compile(r"Độ\s?c\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", regex.I)

# A số ký hiệu: an optional number (digits, perhaps a letter: "1249a") then code parts
# joined by "/" or "-" ("QĐ-UBND", "NQ/TW", "BCĐ.QCDC", "PL-UBTVQH11"). Conversions put
# stray spaces around the joins ("04/2015/ NĐ-CP", "43- KL/TW", "53 /KH-UBND").
CODE_PART = r"[\p{Lu}\d][\p{Lu}\p{Ll}\d.&]*(?<!\.)"
JOIN = r"(?:\s/(?!\s)|/\s?|\s?-\s?)"
DOC_NUMBER = rf"(?:\d+[a-zđ]?(?:{JOIN}\d{{4}})?)?{JOIN}(?!V/v){CODE_PART}(?:{JOIN}(?!V/v){CODE_PART}){{0,4}}"
# "Số: 14/CT-UBND", "Số:     /KH-UBND", "Nghị quyết số:\n132/2020/QH14", "Số: 53 /KH-UBND".
NUMBER_LINE = regex.compile(
    rf"(?:^|(?<=\s))(?:[\p{{Lu}}][\p{{Ll}}]+\s+[\p{{Ll}}]+\s+)?[Ss]ố\s*:\s*(?P<number>{DOC_NUMBER}|\d+(?=\s))",
    regex.M,
)
# The Party's number line prints no colon: "Số 37-HD/BTGDVTW", "Số 07-KL/VPTW" (Hướng dẫn 36-HD/VPTW).
PARTY_NUMBER_LINE = regex.compile(r"^[ \t]*Số\s+(?P<number>\d+-\p{Lu}{2,4}/[\p{Lu}\d][\p{Lu}\d\-]*)(?![\p{L}\d/])", regex.M)
# The place and date line: "Gia Lai, ngày 23 tháng 12 năm 2021"; drafts leave the day blank.
PLACE_WORD = r"\p{Lu}[\p{Ll}’']+"
PLACE = (
    rf"(?:(?:Quận|Phường|Huyện|Thị\s+xã|Xã)\s+\d{{1,2}}|TP\.\s*{PLACE_WORD}|(?:Thành\s+phố\s+)?{PLACE_WORD})"
    # a place wrapped over two lines of a narrow column: "Thành phố Hồ Chí" / "Minh, ngày ..."
    rf"(?:[ \-\n]{PLACE_WORD}){{0,4}}"
)


def _date_line(comma: str) -> regex.Pattern[str]:
    """The place and date line, the two joined by ``comma`` (a pattern)."""
    return regex.compile(
        rf"(?<![\p{{L}}\d/-])(?P<place>{PLACE})\s*{comma}\s*"
        r"(?P<date>ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4})"
        r"|ngày\s*(?P<day2>\d{1,2})\s*/\s*(?P<month2>\d{1,2})\s*/\s*(?P<year2>\d{4}))"
    )


DATE_LINE = _date_line(",")
# "Số: 87/2025/NĐ-CP Hà Nội ngày 11 tháng 4 năm 2025": a date line with its comma left out
DATE_LINE_NO_COMMA = _date_line(",?")
# Groups of the patterns read for every document are read by number or all at once: in ``regex`` a
# read by name copies the pattern's table of names (``groupindex``), a microsecond or more.
_DATE_GROUPS = ["place", "date", "day", "month", "year", "day2", "month2", "year2"]
assert list(DATE_LINE.groupindex) == _DATE_GROUPS and list(NUMBER_LINE.groupindex) == ["number"]
TYPE_WORD = regex.compile(rf"(?<![\p{{L}}])(?P<type>{_TYPE_ALTERNATION})(?![\p{{L}}])")
assert list(TYPE_WORD.groupindex) == ["type"]  # read by number (see _DATE_GROUPS)
# Where a type word can start (see ``finditer_from_heads``): ``re`` skips to the types' first letters,
# where ``regex`` tries TYPE_WORD's lookbehind at every position.
_TYPE_HEADS = literal_heads(_TYPE_WORDS)
# Trích yếu of an official letter: "V/v triển khai ...".
ABOUT = regex.compile(r"(?<![\p{L}])V/v\b\s*", regex.I)
# Lines that begin the body after the title.
BODY_START = regex.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Kính\s+gửi|Kính\s+thưa|Xét\s|Theo\s+đề\s+nghị|Phúc\s+đáp|Ngày\s+\d|"
    r"Trong\s|Nhằm\s|Để\s|QUYẾT\s+ĐỊNH\s*:|QUYẾT\s+NGHỊ\s*:|Điều\s+1\b|Phần\s+thứ|Chương\s+I\b|"
    r"(?:I|1)\.\s)",
    regex.M,
)
# Within a flattened header line, the title ends where the body's first words begin.
INLINE_BODY_START = regex.compile(
    r"\s(?=Căn\s+cứ\s|Kính\s+gửi\s*:|Thực\s+hiện\s|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị|Phúc\s+đáp\s)"
)
# A line opening with two words in capitals, and the first word after them that is not (a code
# such as "32/CT-TTg" opens with a digit and stays).
CAPS_OPENING = regex.compile(r"\s*\p{Lu}[\p{Lu}\d]*\s+\p{Lu}[\p{Lu}\d]*\s")
CAPS_END = regex.compile(r"\s(?=\p{Lu}?\p{Ll})")
# The authority line under the title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG BỘ TƯ PHÁP",
# "THỦ TƯỚNG CHÍNH PHỦ", "QUỐC HỘI"), which flattened headers glue to the title's end.
AUTHORITY = regex.compile(
    r"(?:\s|^)(?<!(?:PHÓ|CỦA|VÀ|CHÍ)\s)(?P<authority>(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|"
    r"GIÁM\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG)\s+[\p{Lu}\s\-,]+|"
    r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN(?:\s+[\p{Lu}\d]+)*|ỦY\s+BAN\s+THƯỜNG\s+VỤ\s+QUỐC\s+HỘI|"
    r"CHÍNH\s+PHỦ|QUỐC\s+HỘI(?:\s+NƯỚC\s+CỘNG\s+H[ÒO]A\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM)?|"
    r"HỘI\s+ĐỒNG\s+NHÂN\s+DÂN(?:\s+[\p{Lu}\d]+)*|HỘI\s+ĐỒNG\s+THẨM\s+PHÁN(?:\s+[\p{Lu}]+)*)\s*$"
)
_ISSUER_HEADS = sorted(patterns("issuer_heads.txt"), key=len, reverse=True)
ISSUER_HEAD = regex.compile(rf"^(?:{'|'.join(map(regex.escape, _ISSUER_HEADS))})(?![\p{{L}}])")

_SLASH_PART = regex.compile(r"[^/]+(?:/(?=\S)[^/]*)*")  # a part between " / " in-cell breaks
_NUMBER_LABEL = regex.compile(r"^(?:Số|SỐ)\b")

# Window of the text searched for a header.
HEADER_WINDOW = 3000
# Text that every match of a header pattern contains. A window without it (a news article, a
# headerless text) is ruled out by a quick search, where the full pattern would be tried at every
# capitalised word of the window.
_DATE_COMMA = regex.compile(r",\s*ngày")  # DATE_LINE: "<place>, ngày ..."
_NUMBER_COLON = regex.compile(r"ố\s*:")  # NUMBER_LINE: "Số: ..."
_VIET_NAM = regex.compile(r"VIỆT\s+NAM", regex.I)  # NATIONAL_MOTTO: both mottos end with it


def find_header(text: str) -> tuple[Header, bool]:
    """The header parts, and whether the text has a document header at all."""
    window = text[:HEADER_WINDOW]
    header = Header()
    motto = _header_motto(window) if _VIET_NAM.search(window) else None
    if motto:
        header.national_motto = Piece(motto.start(), motto.end(), motto.group(0))
    number = _first_number(window)
    if number:
        header.number = number
    date = DATE_LINE.search(window) if _DATE_COMMA.search(window) else None
    if number is not None and (date is None or date.start() - number.end >= 1500):
        # "Số: 87/2025/NĐ-CP Hà Nội ngày 11 tháng 4 năm 2025": the comma left out, right by the number
        date = DATE_LINE_NO_COMMA.search(window, number.end, number.end + 200)
    if date and (number is None or date.start() - number.end < 1500):
        # all groups in one read (see _DATE_GROUPS): reads by name cost a microsecond each
        place, whole, day, month, year, day2, month2, year2 = date.groups()
        header.place = Piece(date.start(1), date.end(1), place)
        header.date = Piece(date.start(2), date.end(2), whole)
        day = day or day2
        month = month or month2
        header.day = int(day) if day else None
        header.month = int(month) if month else None
        header.year = int(year or year2)
    has_header = bool(motto or number)
    if not has_header:
        return header, False
    if header.date is None:
        _adoption_date(text, header)
    if header.date is None:
        _meeting_date(text, header)

    anchor = max(p.end for p in (header.national_motto, header.number, header.date) if p)
    type_match = _find_type_word(text, anchor, header)
    if type_match:
        header.type_word = Piece(type_match.start(), type_match.end(), type_match[1])
        header.title, header.end = _title_after(text, type_match.end())
    else:
        header.end = _body_start_after(text, anchor)
    about = ABOUT.search(window, 0, header.end if header.end else len(window))
    if about and not header.title:
        header.title = _about_title(text, about.end(), header)
    if not header.title and header.number is not None:
        header.title = _title_under_number(text, header)
    header.issuer = _issuer_pieces(text, header)
    return header, True


# Laws and resolutions of the National Assembly print no date line; their date is the day
# they were passed: "Nghị quyết này được Quốc hội ... thông qua ngày 17 tháng 11 năm 2020."
ADOPTION_DATE = regex.compile(
    r"thông\s+qua\s+(?P<date>ngày\s*(?P<day>\d{1,2})\s*tháng\s*(?P<month>\d{1,2})\s*năm\s*(?P<year>\d{4}))"
)


def _adoption_date(text: str, header: Header) -> None:
    match = last_match(ADOPTION_DATE.finditer(text))
    if match is not None:
        header.date = Piece(match.start("date"), match.end("date"), match.group("date"))
        header.day, header.month, header.year = (int(match.group(k)) for k in ("day", "month", "year"))




# A record of a meeting (biên bản) prints no date line; it opens with the day and the place it was
# held: "Hôm nay, ngày 26/5/2026 tại Sở Công Thương tỉnh Lào Cai chúng tôi ...", "Hôm nay, vào hồi
# 14 giờ, ngày 12 tháng 6 năm 2026, tại ...".
MEETING_DATE = regex.compile(
    r"Hôm\s+nay,?\s+(?:(?:vào\s+)?(?:hồi|lúc)\s+[^,\n]{1,30},?\s+)?(?P<date>ngày\s+(?:"
    r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})))"
    r"(?:,?\s+tại\s+[^,.;\n]{0,80}?(?:tỉnh|thành\s+phố)\s+(?P<place>\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){0,3}))?"
)
MEETING_WINDOW = 2500  # the opening of a record, where its day is told


def _meeting_date(text: str, header: Header) -> None:
    match = MEETING_DATE.search(text, 0, MEETING_WINDOW)
    if match is None:
        return
    header.date = Piece(match.start("date"), match.end("date"), match.group("date"))
    day, month, year = (match["d"], match["m"], match["y"]) if match["d"] else (match["d2"], match["m2"], match["y2"])
    header.day, header.month, header.year = int(day), int(month), int(year)
    if match["place"] and header.place is None:
        header.place = Piece(match.start("place"), match.end("place"), match["place"])


def _first_number(window: str) -> Piece | None:
    match = NUMBER_LINE.search(window) if _NUMBER_COLON.search(window) else None
    if not match:
        match = PARTY_NUMBER_LINE.search(window)
    if not match:
        return None
    value = match[1]  # the number (by number: see _DATE_GROUPS)
    start = match.start(1)
    # a blank draft number keeps its code: "Số:      /KH-UBND" → "/KH-UBND"
    return Piece(start, start + len(value), value)


def _find_type_word(text: str, anchor: int, header: Header) -> regex.Match[str] | None:
    """The upper-case document type printed after the header's fixed parts."""
    # The type may be printed before the date in interleaved layouts; search from the
    # earliest fixed part, and take the first type word standing alone or opening a line.
    starts = [p.start for p in (header.national_motto, header.number, header.date) if p]
    begin = min(starts) if starts else 0
    for match in finditer_from_heads(TYPE_WORD, _TYPE_HEADS, text, begin, min(len(text), anchor + 1500)):
        before = text[max(0, match.start() - 1) : match.start()]
        after = text[match.end() : match.end() + 1]
        line_start = before in ("", "\n", "\t") or text[: match.start()].endswith((" / ", ") "))
        # a type word inside running upper-case text ("CHỦ TỊCH ỦY BAN NHÂN DÂN") is not
        # the type: it must open its line, or follow the date/number in a flattened header
        follows_fixed = any(
            p is not None and 0 <= match.start() - p.end <= 3
            for p in (header.date, header.number, header.national_motto)
        )
        if (line_start or follows_fixed) and (after in ("", "\n", " ", "\t")):
            if match[1] == "LUẬT" and after == " " and _is_motto_context(text, match):
                continue
            return match
    return None


def _is_motto_context(text: str, match: regex.Match[str]) -> bool:
    return bool(MOTTO.match(text, match.start()))


def _title_after(text: str, position: int) -> tuple[list[Piece], int]:
    """Title lines after the type word, and where the body starts."""
    pieces: list[Piece] = []
    line_end = line_end_at(text, position)
    if text[position:line_end].strip():
        # a flattened header keeps the title on the type word's own line
        piece = _trim_title_piece(text, position, line_end)
        if piece is None or piece.end < line_end:
            return ([piece] if piece else []), (piece.end if piece else position)
        pieces.append(piece)
    pos = line_end + 1
    while pos < len(text) and len(pieces) < 6:
        line_end = line_end_at(text, pos)
        line = text[pos:line_end]
        if not _is_title_line(line, first=not pieces):
            return pieces, pos
        piece = _trim_title_piece(text, pos, line_end)
        if piece is None:
            return pieces, pos
        pieces.append(piece)
        if piece.end < line_end:
            return pieces, piece.end
        pos = line_end + 1
    return pieces, min(pos, len(text))




# The first line under the type word is the title even when it opens like a sentence
# ("Thực hiện công tác dân vận ..."); only these openings end the header at once.
STRONG_BODY_START = regex.compile(
    r"^(?:Căn\s+cứ|Kính\s+gửi|Kính\s+thưa|QUYẾT\s+ĐỊNH\s*:|QUYẾT\s+NGHỊ\s*:|Điều\s+1\b|"
    r"Phần\s+thứ|Chương\s+I\b|(?:I|1)\.\s)"
)


def _is_title_line(line: str, first: bool) -> bool:
    stripped = line.strip()
    if not stripped or _is_authority_line(stripped):
        return False
    if first:
        return not STRONG_BODY_START.match(stripped) and len(stripped) <= 600 and not stripped.endswith(".")
    if BODY_START.match(stripped):
        return False
    return len(stripped) <= 300 and not stripped.endswith((".", ":", ";"))


def _trim_title_piece(text: str, start: int, end: int) -> Piece | None:
    """A title line, cut where a flattened header glues the authority or the body to it."""
    line = text[start:end]
    cut = INLINE_BODY_START.search(line)
    if cut:
        line = line[: cut.start()]
    if CAPS_OPENING.match(line):
        # a title in capitals ends with them: "... TRƯỚC NGÀY 01 THÁNG 7 NĂM 1991 QUỐC HỘI ...
        # Xét thấy, trong sự nghiệp ..." (the preamble glued to it on a flattened line)
        lower = CAPS_END.search(line)
        if lower:
            line = line[: lower.start()]
    # the authority runs to the line's end in capitals (digits, "-" and "," among them): a line that
    # ends in a lower-case letter, as most titles do, has none, and spares the slow search
    authority = None if line.rstrip()[-1:].islower() else AUTHORITY.search(line)
    if authority and authority.start("authority") > 0:
        line = line[: authority.start("authority")]
    elif authority:
        return None
    stripped = line.rstrip(" \t:")
    lead = len(stripped) - len(stripped.lstrip(" \t"))
    stripped = stripped.strip(" \t")
    if not stripped:
        return None
    return Piece(start + lead, start + lead + len(stripped), stripped)


def _is_authority_line(line: str) -> bool:
    line = line.strip()
    return bool(AUTHORITY.fullmatch(" " + line)) or (
        line.isupper() and bool(SIGNER_TITLE.match(line)) and len(line.split()) <= 12
    )


def _body_start_after(text: str, position: int) -> int:
    match = BODY_START.search(text, position)
    return match.start() if match else position


# Where a "V/v" title ends: the place and date line, "Kính gửi", a table cell, an upper-case line.
_ABOUT_END = regex.compile(r"\n(?=\S+[^\n]*,\s*ngày)|\s(?=Kính\s+gửi)|\t|\n(?=\p{Lu}{2,})")


def _about_title(text: str, start: int, header: Header) -> list[Piece]:
    """The "V/v ..." trích yếu of a letter, up to the date line, the recipients or the body."""
    stops = [p.start for p in (header.date, header.place) if p and p.start > start]
    limit = min([*stops, start + 400, len(text)])
    segment = text[start:limit]
    cut = _ABOUT_END.search(segment)
    if cut:
        segment = segment[: cut.start()]
    segment = segment.split(" / CỘNG")[0]
    stripped = segment.rstrip(" \n/")
    if not stripped:
        return []
    pieces = [Piece(start - 4, start + len(stripped), "V/v " + stripped.replace(" / ", " "))]
    line_end = line_end_at(text, start)
    if limit in stops and limit < line_end:
        # two columns glued line by line: "V/v trả lời đề nghị của Hà Nội, ngày ... 2025" / "Sở
        # Nội vụ tỉnh Lâm Đồng": the trích yếu goes on under the date line
        pieces += _about_lines(text, line_end + 1, lambda line: not is_upper(line))
    elif is_upper(stripped) and cut is not None and "\n" not in stripped:
        # a trích yếu in capitals wrapped: "V/V TẬP TRUNG ỨNG" / "PHÓ VÀ KỊP THỜI KHẮC PHỤC ..."
        pieces += _about_lines(text, start + len(segment) + 1, is_upper)
    return pieces


def _about_lines(text: str, start: int, fits: Callable[[str], bool]) -> list[Piece]:
    """Up to two lines from ``start`` that go on with a trích yếu (each one that ``fits``, before
    "Kính gửi", a label, the body or a sentence's end)."""
    pieces: list[Piece] = []
    for _ in range(2):
        if start >= len(text):
            break
        piece = stripped_piece(text, start, line_end_at(text, start))
        if (
            piece is None
            or not fits(piece.text)
            or len(piece.text) > 120
            or piece.text.endswith((".", ":", ";"))
            or piece.text.startswith("Kính")
            or BODY_START.match(piece.text)
            or DATE_LINE.search(piece.text)
        ):
            break
        pieces.append(piece)
        start = line_end_at(text, start) + 1
    return pieces


def _title_under_number(text: str, header: Header) -> list[Piece]:
    """A trích yếu printed under the number, before the national motto (letters, guidance)."""
    assert header.number is not None
    start = line_end_at(text, header.number.end) + 1
    line_end = line_end_at(text, start)
    piece = stripped_piece(text, start, line_end)
    line = piece.text if piece else ""
    if (
        piece is None
        or is_upper(line)
        or NATIONAL_MOTTO.search(line)
        or DATE_LINE.search(line)
        or BODY_START.match(line)
        or len(line) > 300
        or line.endswith((".", ":", ";"))
    ):
        return []
    return [piece]


def _header_motto(window: str) -> regex.Match[str] | None:
    """The quốc hiệu of a header: every word capitalised ("CỘNG HÒA XÃ HỘI ...", "Cộng Hòa Xã Hội
    ..."); the words in running text ("Đảng Cộng sản Việt Nam", "nước cộng hòa xã hội chủ nghĩa Việt
    Nam") make no header."""
    for motto in NATIONAL_MOTTO.finditer(window):
        if all(word[:1].isupper() for word in motto.group(0).split() if word != "/"):
            return motto
    return None


def _issuer_pieces(text: str, header: Header) -> list[Piece]:
    """Upper-case pieces of the header naming the issuing body, in reading order."""
    end = header.type_word.start if header.type_word else header.end
    fixed = [p for p in (header.national_motto, header.number, header.date, header.place) if p]
    region_start = 0
    blocked = sorted((p.start, p.end) for p in fixed)
    pieces: list[Piece] = []
    for match in CELL_LINE.finditer(text[region_start:end]):
        for part in _SLASH_PART.finditer(match.group(0)):
            start = region_start + match.start() + part.start()
            stop = start + len(part.group(0))
            for seg_start, seg_end in _cut(start, stop, blocked, text):
                segment = text[seg_start:seg_end]
                stripped = segment.strip(" -_–")
                if not stripped or not is_upper(stripped) or MOTTO.search(stripped) or _MOTTO_OPENING.match(stripped):
                    continue
                if _NUMBER_LABEL.match(stripped) or ABOUT.match(stripped):
                    continue
                lead = segment.find(stripped)
                pieces.append(Piece(seg_start + lead, seg_start + lead + len(stripped), stripped))
    return pieces


# A quốc hiệu cut short by its column ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"), which NATIONAL_MOTTO misses.
_MOTTO_OPENING = regex.compile(r"CỘNG\s*H[ÒOÕ]A\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA(?![\p{L}])")
# The quốc hiệu, the tiêu ngữ and the "Số:" label, which are never part of the issuer.
_MOTTO_OR_NUMBER_LABEL = regex.compile(NATIONAL_MOTTO.pattern + "|" + MOTTO.pattern + r"|Số\s*:", regex.I)


def _cut(start: int, stop: int, blocked: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """``start:stop`` minus the blocked spans (quốc hiệu, number, date ...)."""
    spans = [(start, stop)]
    segment = text[start:stop]
    motto_or_type = []
    # each of them ends in "NAM", "phúc" or ":", in some case (regex.I takes only the ASCII pairs and
    # "Ú" for these letters): most lines of a header have none, and spare the case-insensitive scan
    lowered = segment.lower()
    if ":" in segment or "nam" in lowered or "phúc" in lowered:
        motto_or_type = [(m.start() + start, m.end() + start) for m in _MOTTO_OR_NUMBER_LABEL.finditer(segment)]
    for b_start, b_end in sorted(blocked + motto_or_type):
        next_spans = []
        for s, e in spans:
            if b_end <= s or b_start >= e:
                next_spans.append((s, e))
                continue
            if s < b_start:
                next_spans.append((s, b_start))
            if b_end < e:
                next_spans.append((b_end, e))
        spans = next_spans
    return spans


