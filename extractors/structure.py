"""Structure: find the header, the body's section tree and the closing of a document.

A Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I) is laid out as

    ISSUING BODY              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      <- quốc hiệu
    Số: 14/CT-UBND            Độc lập - Tự do - Hạnh phúc            <- tiêu ngữ
                              Gia Lai, ngày 23 tháng 12 năm 2021     <- place and date
                        CHỈ THỊ                                      <- document type
            Về đổi mới công tác dân vận ...                          <- trích yếu (title)
    body: I. / 1. / a) / - items
    Nơi nhận:                 KT. CHỦ TỊCH                           <- closing
    - ...;                    PHÓ CHỦ TỊCH
    - Lưu: VT.                Nguyễn Văn A

but conversions flatten it: two columns interleaved line by line, a whole header on one
line, cells of a Word table joined by tabs, in-cell line breaks written " / ". So the
header is read by patterns over its text rather than by line position. News articles
have none of this: a headline, a dateline, the article, a byline.

``parse`` returns a ``Parsed`` document: spans for every header and closing part, and
the flat list of body sections (each with its path label such as ``II.1.a``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

from extractors.data import patterns, table
from extractors.text import finditer_from_heads, literal_heads

# ---------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of the normalised text."""

    start: int
    end: int
    text: str


@dataclass
class Header:
    """Where each part of the header was found."""

    issuer: list[Piece] = field(default_factory=list)  # upper-case lines of the issuing body
    number: Piece | None = None  # the số ký hiệu, possibly without its number ("/KH-UBND")
    place: Piece | None = None
    date: Piece | None = None  # the whole "ngày ... tháng ... năm ..." phrase
    day: int | None = None
    month: int | None = None
    year: int | None = None
    type_word: Piece | None = None  # "CHỈ THỊ", "QUYẾT ĐỊNH" ...
    title: list[Piece] = field(default_factory=list)  # trích yếu, one piece a line
    national_motto: Piece | None = None  # quốc hiệu
    end: int = 0  # where the body starts


@dataclass
class Closing:
    """The "Nơi nhận" list and the signature block."""

    start: int
    recipients: list[Piece] = field(default_factory=list)
    on_behalf: list[Piece] = field(default_factory=list)  # "KT. CHỦ TỊCH", "TM. ..."
    signer_title: Piece | None = None
    signer_name: Piece | None = None
    end: int = 0  # end of the last part read; an attachment may follow


@dataclass(slots=True)  # a body has hundreds: slots make them quicker to build and to read
class Section:
    """A numbered, lettered or bulleted item of the body, with its place in the tree."""

    marker: str  # "II.", "1.", "a)", "-", "Điều 3."
    label: str  # path such as "II.1.a"
    level: int
    start: int  # the marker's position
    end: int  # end of the item, children included
    text_end: int  # end of the item's own text, before its first child
    parent: int | None  # index of the parent section


@dataclass
class Parsed:
    """A document split into header, body and closing, over its normalised text."""

    text: str
    kind: str  # "document" or "news"
    header: Header
    body_start: int
    body_end: int
    closing: Closing | None
    sections: list[Section]
    appendix_start: int | None = None  # text attached after the signature (a plan, a table)

    @property
    def regions(self) -> list[tuple[int, int]]:
        """Spans of running text: the body, and the attachment after the closing if any."""
        spans = [(self.body_start, self.body_end)]
        if self.appendix_start is not None:
            spans.append((self.appendix_start, len(self.text)))
        return spans

    @property
    def body(self) -> str:
        """The body text: no header, no closing."""
        return self.text[self.body_start : self.body_end]


# ---------------------------------------------------------------- patterns

_DOC_TYPES = table("doc_types.tsv")
# Types as printed in a header, longest first so "THÔNG TƯ LIÊN TỊCH" beats "THÔNG TƯ".
_TYPE_WORDS = sorted(
    {row["canonical"].upper() for row in _DOC_TYPES} | {"THÔNG BÁO KẾT LUẬN", "CHƯƠNG TRÌNH HÀNH ĐỘNG"},
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
# A dateline of a news page: "08:28 | 06/02/2021", "Thứ 4, 06/07/2022 | 14:17:07 [GMT +7]".
# Groups of the patterns read for every document are read by number or all at once: in ``regex`` a
# read by name copies the pattern's table of names (``groupindex``), a microsecond or more.
_DATE_GROUPS = ["place", "date", "day", "month", "year", "day2", "month2", "year2"]
assert list(DATE_LINE.groupindex) == _DATE_GROUPS and list(NUMBER_LINE.groupindex) == ["number"]
NEWS_DATE = regex.compile(r"(?<!\d)(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})(?!\d)")
TYPE_WORD = regex.compile(rf"(?<![\p{{L}}])(?P<type>{_TYPE_ALTERNATION})(?![\p{{L}}])")
assert list(TYPE_WORD.groupindex) == ["type"]  # read by number (see _DATE_GROUPS)
# Where a type word can start (see ``finditer_from_heads``): ``re`` skips to the types' first letters,
# where ``regex`` tries TYPE_WORD's lookbehind at every position.
_TYPE_HEADS = literal_heads(_TYPE_WORDS)
# A headerless document opens with its type in sentence case: "Chỉ thị về ...".
_CANONICAL_WORDS = sorted({row["canonical"] for row in _DOC_TYPES}, key=len, reverse=True)
OPENING_TYPE = regex.compile(
    rf"\A(?P<type>{'|'.join(map(regex.escape, _CANONICAL_WORDS))}|"
    rf"{'|'.join(regex.escape(w.upper()) for w in _CANONICAL_WORDS)})(?:\s+(?=về\s|\p{{Ll}}|\p{{Lu}})|\s*$)",
    regex.M,
)
# After the opening type word, what makes the line an article's headline about a document, not
# the document's own type line: its number ("Thông báo 200/TB-UBND treo Quốc kỳ ... như thế nào?"),
# or a question.
ARTICLE_HEADLINE = regex.compile(r"(?:số\s+)?\d+[/-]|[^\n]*\?\s*$", regex.M)
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

# Closing.
RECIPIENTS_LABEL = regex.compile(r"(?<![\p{L}])N[ơo]i\s*nh[ậâa]n\s*:?", regex.I)
# "K T." and "T M.": the mark spaced out by a PDF text layer.
ON_BEHALF = regex.compile(r"^(?:(?:K\s?T|T\s?M|T\s?L|TUQ|Q)\s*\.\s*|K/T\s+|(?:QUYỀN|THỪA\s+LỆNH|THAY\s+MẶT|KÝ\s+THAY)\s+)")
_SIGNER_TITLES = table("signer_titles.tsv")
SIGNER_TITLE = regex.compile(
    r"^(?P<title>" + "|".join(regex.escape(row["printed"]) for row in _SIGNER_TITLES) + r")(?![\p{L}])"
)
TITLE_SPELLING = {row["printed"]: row["written"] for row in _SIGNER_TITLES}
# A personal name: 2-5 capitalised syllables ("Lê Đức Thanh", "NGUYỄN VĂN A").
PERSON_NAME = regex.compile(r"^(?:\p{Lu}[\p{Ll}]*|\p{Lu}+)(?:\s(?:\p{Lu}[\p{Ll}]*|\p{Lu}+)){1,4}$")
SIGNED_MARK = regex.compile(r"^\(?\[?\s*(?:đã\s*ký|da\s*ky|ký\s+tên|đóng\s+dấu|signed)[^)\]]*\]?\)?$", regex.I)  # "[daky]": TVPL
BODY_END = regex.compile(r"\./\.")

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

# Small patterns of the header and closing readers, compiled once (they run per line).
_LINE = regex.compile(r"[^\n]+")
_CELL_LINE = regex.compile(r"[^\n\t]+")  # a line or a table cell
_SLASH_PART = regex.compile(r"[^/]+(?:/(?=\S)[^/]*)*")  # a part between " / " in-cell breaks
_IN_CELL_BREAK = regex.compile(r"(?<=\S|^)\s/\s|\s/$|^/\s")
_NUMBER_LABEL = regex.compile(r"^(?:Số|SỐ)\b")
_UPPER_RUN = regex.compile(r"[\p{Lu}\d\s.,\-/]+")  # "/" of the Party's "K/T"
_BULLET = regex.compile(r"^[-+•]\s*")
_TITLE_START = regex.compile(r"(?:(?<=^)|(?<=\s))(?=(?:K\s?T|TM|TL|TUQ|Q)\.|K/T\s|\p{Lu}{2,}\s)")
_UPPER_BEFORE_NAME = regex.compile(r"[\p{Lu}\d\s.,\-/]+(?=\s\p{Lu}\p{Ll}|$)")
_UPPER_BEFORE_NAME_LAZY = regex.compile(r"[\p{Lu}\d\s.,\-/]+?(?=\s\p{Lu}\p{Ll}|$)")
# A name that opens what follows the titles, before more capitals or the appendix printed on
# after the signature ("PHÓ THỦ TƯỚNG Trần Hồng Hà Phụ lục (Kèm theo Nghị định ...").
_LEADING_NAME = regex.compile(r"\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}*){1,4}(?=\s+(?:\p{Lu}{2,}|Phụ\s+lục\b)|$)")

# Window of the text searched for a header.
_HEADER_WINDOW = 3000
# Text that every match of a header pattern contains. A window without it (a news article, a
# headerless text) is ruled out by a quick search, where the full pattern would be tried at every
# capitalised word of the window.
_DATE_COMMA = regex.compile(r",\s*ngày")  # DATE_LINE: "<place>, ngày ..."
_NUMBER_COLON = regex.compile(r"ố\s*:")  # NUMBER_LINE: "Số: ..."
_VIET_NAM = regex.compile(r"VIỆT\s+NAM", regex.I)  # NATIONAL_MOTTO: both mottos end with it


# ---------------------------------------------------------------- header


def _find_header(text: str) -> tuple[Header, bool]:
    """The header parts, and whether the text has a document header at all."""
    window = text[:_HEADER_WINDOW]
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
    match = _last(ADOPTION_DATE.finditer(text))
    if match is not None:
        header.date = Piece(match.start("date"), match.end("date"), match.group("date"))
        header.day, header.month, header.year = (int(match.group(k)) for k in ("day", "month", "year"))


def _last(matches: Iterator[regex.Match[str]]) -> regex.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - the loop only walks to the last match
        pass
    return last


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
    line_end = _line_end(text, position)
    if text[position:line_end].strip():
        # a flattened header keeps the title on the type word's own line
        piece = _trim_title_piece(text, position, line_end)
        if piece is None or piece.end < line_end:
            return ([piece] if piece else []), (piece.end if piece else position)
        pieces.append(piece)
    pos = line_end + 1
    while pos < len(text) and len(pieces) < 6:
        line_end = _line_end(text, pos)
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


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


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
    line_end = _line_end(text, start)
    if limit in stops and limit < line_end:
        # two columns glued line by line: "V/v trả lời đề nghị của Hà Nội, ngày ... 2025" / "Sở
        # Nội vụ tỉnh Lâm Đồng": the trích yếu goes on under the date line
        pieces += _about_lines(text, line_end + 1, lambda line: not _is_upper(line))
    elif _is_upper(stripped) and cut is not None and "\n" not in stripped:
        # a trích yếu in capitals wrapped: "V/V TẬP TRUNG ỨNG" / "PHÓ VÀ KỊP THỜI KHẮC PHỤC ..."
        pieces += _about_lines(text, start + len(segment) + 1, _is_upper)
    return pieces


def _about_lines(text: str, start: int, fits: Callable[[str], bool]) -> list[Piece]:
    """Up to two lines from ``start`` that go on with a trích yếu (each one that ``fits``, before
    "Kính gửi", a label, the body or a sentence's end)."""
    pieces: list[Piece] = []
    for _ in range(2):
        if start >= len(text):
            break
        piece = _stripped(text, start, _line_end(text, start))
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
        start = _line_end(text, start) + 1
    return pieces


def _title_under_number(text: str, header: Header) -> list[Piece]:
    """A trích yếu printed under the number, before the national motto (letters, guidance)."""
    assert header.number is not None
    start = _line_end(text, header.number.end) + 1
    line_end = _line_end(text, start)
    piece = _stripped(text, start, line_end)
    line = piece.text if piece else ""
    if (
        piece is None
        or _is_upper(line)
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
    for match in _CELL_LINE.finditer(text[region_start:end]):
        for part in _SLASH_PART.finditer(match.group(0)):
            start = region_start + match.start() + part.start()
            stop = start + len(part.group(0))
            for seg_start, seg_end in _cut(start, stop, blocked, text):
                segment = text[seg_start:seg_end]
                stripped = segment.strip(" -_–")
                if not stripped or not _is_upper(stripped) or MOTTO.search(stripped):
                    continue
                if _NUMBER_LABEL.match(stripped) or ABOUT.match(stripped):
                    continue
                lead = segment.find(stripped)
                pieces.append(Piece(seg_start + lead, seg_start + lead + len(stripped), stripped))
    return pieces


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


def _is_upper(segment: str) -> bool:
    letters = list(filter(str.isalpha, segment))
    if len(letters) < 2:
        return False
    upper = sum(map(str.isupper, letters))
    return upper / len(letters) > 0.85


# ---------------------------------------------------------------- news


def _news_header(text: str) -> Header:
    """Headline and dateline of a news article (or the title line of a headerless text)."""
    header = Header()
    lines = [m for m in _LINE.finditer(text[:_HEADER_WINDOW])][:8]
    dated = None
    for index, line in enumerate(lines):
        stamp = NEWS_DATE.search(line.group(0))
        if stamp and len(line.group(0)) < 90 and index > 0 and not NEWS_DATE.search(lines[index - 1].group(0)):
            dated = index, line, stamp
    if dated:
        index, line, stamp = dated
        headline = lines[index - 1]
        header.date = Piece(line.start() + stamp.start(), line.start() + stamp.end(), stamp.group(0))
        header.day, header.month, header.year = (
            int(stamp.group("day")),
            int(stamp.group("month")),
            int(stamp.group("year")),
        )
        header.end = line.end()
    else:
        candidates = [line for line in lines if not NEWS_DATE.search(line.group(0))]
        headline = candidates[0] if candidates and _reads_as_headline(candidates[0].group(0)) else None
        header.end = headline.end() if headline else 0
    if headline is not None:
        piece = _stripped(text, headline.start(), headline.end())
        header.title = [piece] if piece else []
    return header


# The lead paragraph of an article, not its headline: it opens with the paper's tag ("(BĐ) - UBND
# tỉnh vừa ...", "(TTXVN) -") or holds sentences ("Thời gian qua, ... . Qua đó, ...").
LEAD_PARAGRAPH = regex.compile(r"^\s*\(\p{Lu}[\p{Lu}\p{Ll}.]{0,10}\)\s*[-–]|\.\s+\p{Lu}|\.\s*$")


def _reads_as_headline(line: str) -> bool:
    """Whether the first line of a text without a dateline can be its headline: short, one
    phrase, not the lead paragraph (a text printed without its headline has none)."""
    return len(line.strip()) <= 250 and not LEAD_PARAGRAPH.search(line.strip())


def _stripped(text: str, start: int, end: int) -> Piece | None:
    """The piece ``text[start:end]`` without its outer whitespace (None if nothing is left)."""
    value = text[start:end]
    lead = len(value) - len(value.lstrip())
    value = value.strip()
    return Piece(start + lead, start + lead + len(value), value) if value else None


def _headerless_document(text: str) -> Header | None:
    """A document whose header was stripped: it opens with "Chỉ thị về ...", "Báo cáo ..."."""
    match = OPENING_TYPE.match(text)
    if not match or ARTICLE_HEADLINE.match(text, match.end()):
        return None
    header = Header()
    header.type_word = Piece(match.start(), match.end("type"), match.group("type"))
    line_end = _line_end(text, 0)
    start = match.end()
    if not text[start:line_end].strip():
        # "THAM LUẬN" alone on its line, the title under it
        start = min(line_end + 1, len(text))
        line_end = _line_end(text, start)
    piece = _stripped(text, start, line_end)
    header.title = [piece] if piece else []
    header.end = line_end
    # a paper read at a conference: the title may run on, then its author body ("UBND Tỉnh
    # Điện Biên") stands alone under it
    capitals = bool(header.title) and _is_upper(header.title[0].text)
    wrapped = 1  # the title lines that are surely the title's: a title in capitals wraps in capitals
    for _ in range(3):
        below = _stripped(text, min(header.end + 1, len(text)), _line_end(text, min(header.end + 1, len(text))))
        if below is None:
            break
        sender = CABLE_SENDER.fullmatch(below.text)
        if sender:
            # a công điện's sender: "THỦ TƯỚNG CHÍNH PHỦ điện:"
            header.issuer = [Piece(below.start, below.start + len(sender[1]), sender[1])]
            break
        if len(below.text) <= 60 and AUTHOR_BODY.match(below.text):
            header.issuer = [below]
            header.end = below.end
            break
        if len(below.text) > 200 or below.text.endswith((".", ":", "!")) or BODY_START.match(below.text):
            break
        header.title.append(below)
        header.end = below.end
        if capitals and _is_upper(below.text) and wrapped == len(header.title) - 1:
            wrapped += 1
    if not header.issuer:
        header.title = header.title[:wrapped]
        header.end = header.title[-1].end if wrapped > 1 else line_end
    return header


# The sender of a công điện, above its addressees: "THỦ TƯỚNG CHÍNH PHỦ điện:".
CABLE_SENDER = regex.compile(r"(\p{Lu}[\p{Lu}\s]{3,80}?)\s+điện\s*:")


AUTHOR_BODY = regex.compile(r"(?:UBND|Ủy ban nhân dân|Sở|Bộ|Ban|Công an|Tỉnh ủy|Thành ủy)\s+\S", regex.I)


# ---------------------------------------------------------------- closing


def _find_closing(text: str, body_start: int) -> Closing | None:
    """The recipients list and the signature block after the body."""
    label = _recipients_label(text, body_start)
    if label is not None:
        start = label.start()
        closing = Closing(start=start)
        _read_closing(text, label.end(), closing, recipients=True)
        # a signature block printed before the list ("... ./.\nKT. CHỦ TỊCH ...\nNơi nhận:")
        if closing.signer_title is None:
            before = _signature_start(text, max(body_start, start - 300), start)
            if before is not None:
                _read_closing(text, before, closing, recipients=False, stop=start)
                closing.start = min(closing.start, before)
        return closing
    start = _signature_start(text, body_start, len(text))
    if start is None:
        return None
    closing = Closing(start=start)
    _read_closing(text, start, closing, recipients=False)
    return closing


# The label's first three letters in any case ("Nơi", "NOI", "noi" ...: the letters that the label's
# regex.I matches, and "İ", which it takes for "i"), without its lookbehind. Two ``re`` scans, one for
# each case of the "N", each skip fast to their literal first letter: together about a third of the
# time of one ``regex.I`` scan, which tries every "n" and "N" of the body.
_OPENING_UPPER = re.compile("N[ơoƠO][iIİ]")
_OPENING_LOWER = re.compile("n[ơoƠO][iIİ]")


def _recipients_label(text: str, start: int) -> regex.Match[str] | None:
    """The first "Nơi nhận" label from ``start``: the first place the label opens and matches."""
    first = _first_label(_OPENING_UPPER, text, start, len(text))
    # an opening in lower case counts only before that one ("nơi" cannot run into its "N")
    return _first_label(_OPENING_LOWER, text, start, first.start() if first else len(text)) or first


def _first_label(opening: re.Pattern[str], text: str, start: int, end: int) -> regex.Match[str] | None:
    """The first label at an ``opening`` in ``text[start:end]``."""
    for candidate in opening.finditer(text, start, end):
        label = RECIPIENTS_LABEL.match(text, candidate.start())
        if label is not None:
            return label
    return None


def _signature_start(text: str, begin: int, end: int) -> int | None:
    """Start of the first line that is only a signer's title (after the body's "./." mark)."""
    mark = _last(BODY_END.finditer(text, begin, end))
    search_from = mark.end() if mark else max(begin, end - 600)
    for line in _CELL_LINE.finditer(text[search_from:end]):
        segment = line.group(0).strip(" /")
        if _is_signer_line(segment):
            return search_from + line.start() + line.group(0).find(segment)
    return None


def _is_signer_line(segment: str) -> bool:
    upper = _UPPER_RUN.match(segment)
    if not upper:
        return False
    head = upper.group(0).strip()
    if not head or not _is_upper(head):
        return False
    return bool(ON_BEHALF.match(head) or SIGNER_TITLE.match(head))


def _segments(text: str, start: int, end: int) -> Iterator[Piece]:
    """Lines, cells and " / " in-cell lines of ``text[start:end]``, as stripped pieces.

    One at a time: the reader of a closing stops after a few of the pieces of its 3000 characters.
    """
    for match in _CELL_LINE.finditer(text, start, end):
        base = match.start()
        line = match.group(0)
        # every in-cell break holds a "/": a line without one is a single part (a cheap test first)
        for part in _IN_CELL_BREAK.split(line) if "/" in line else (line,):
            offset = text.find(part, base) if part else -1
            stripped = part.strip(" /")
            if not stripped:
                continue
            piece_start = text.find(stripped, offset if offset >= 0 else base)
            yield Piece(piece_start, piece_start + len(stripped), stripped)
            base = piece_start + len(stripped)


def _read_closing(text: str, start: int, closing: Closing, recipients: bool, stop: int | None = None) -> None:
    end = stop if stop is not None else min(len(text), start + 3000)
    in_list = recipients
    for piece in _segments(text, start, end):
        value = piece.text
        if SIGNED_MARK.match(value):
            closing.end = max(closing.end, piece.end)
            continue
        split = _split_signer(piece)
        if split is not None and closing.signer_name is not None and split[0] is None:
            break  # "Hoàng Văn Thuân" / "PHÓ GIÁM ĐỐC SỞ CÔNG THƯƠNG": the signer's other office
        if split is not None:
            before, titles, name = split
            if before is not None and in_list:
                _add_recipient(closing, before)
            for title_piece in titles:
                _add_title(closing, title_piece)
                closing.end = max(closing.end, title_piece.end)
            if name is not None and closing.signer_name is None:
                closing.signer_name = name
                closing.end = name.end
            continue
        if _continues_title(closing, value):
            # a title wrapped onto a line of its own: "TM. ỦY BAN NHÂN" / "DÂN" / "KT. CHỦ TỊCH"
            _extend_title(closing, piece)
            closing.end = max(closing.end, piece.end)
            continue
        if in_list and _BULLET.match(value) and len(value) < 300 and (
            closing.signer_name is None or _list_goes_on(closing, text)
        ):
            # two columns flattened line by line put the signer's name among the items, at a
            # line's end ("- Văn phòng Chủ tịch nước; Phạm Minh Chính") or on a line of its own
            trailing = _TRAILING_NAME.search(value) if closing.signer_title and closing.signer_name is None else None
            if trailing is not None and PERSON_NAME.match(trailing.group(1)):
                at = piece.start
                closing.signer_name = Piece(at + trailing.start(1), at + trailing.end(1), trailing.group(1))
                piece = Piece(at, at + trailing.start(), value[: trailing.start()])
            _add_recipient(closing, piece)
            closing.end = max(closing.end, piece.end, closing.signer_name.end if closing.signer_name else 0)
            continue
        if in_list and _continues_recipient(closing, text, value):
            last = closing.recipients[-1]
            rest = value.rstrip(" ;,.")
            joint = "; " if ";" in text[last.end : piece.start] and not value.startswith("(") else " "
            closing.recipients[-1] = Piece(last.start, piece.start + len(rest), f"{last.text}{joint}{rest}")
            closing.end = max(closing.end, piece.end)
            continue
        if closing.signer_name is not None:
            break
        if len(value) <= 12 and not _LETTERS_LOWER.search(value):
            continue  # "09 KH" (copies and typist), "6" (a page number) between list and signature
        if closing.signer_title or closing.recipients:
            # the name alone, or before the appendix the text runs on with ("Hoàng Chí Hiền Phụ lục: ...")
            printed = value if PERSON_NAME.match(value) else _leading_name(value)
            if printed is not None:
                closing.signer_name = Piece(piece.start, piece.start + len(printed), printed)
                closing.end = closing.signer_name.end
                continue
        break


_APPENDIX = regex.compile(r"Phụ\s+lục\b", regex.I)
_LETTERS_LOWER = regex.compile(r"\p{Ll}")
_TRAILING_NAME = regex.compile(r";[ \t]+(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}*){1,4})$")


def _list_goes_on(closing: Closing, text: str) -> bool:
    """Whether the last item of the list ends with ";": more items follow."""
    last = closing.recipients[-1] if closing.recipients else None
    return last is not None and text[last.end : last.end + 3].lstrip(" ")[:1] == ";"


def _leading_name(value: str) -> str | None:
    """The name that opens ``value`` when more capitals or an appendix follow it."""
    match = _LEADING_NAME.match(value)
    return match.group(0) if match and PERSON_NAME.match(match.group(0)) else None


def _continues_title(closing: Closing, value: str) -> bool:
    """Whether ``value`` is the wrapped end of the title line read just before it ("TM. ỦY BAN
    NHÂN" / "DÂN"), or the body a title heads ("VỤ TRƯỞNG" / "VỤ TỔ CHỨC PHI CHÍNH PHỦ"): words in
    capitals, no title of its own, while no signer's name has come yet."""
    if closing.signer_name is not None or not (closing.on_behalf or closing.signer_title):
        return False
    if _BULLET.match(value):
        return False  # "- LĐVP;": an item of the list in capitals
    return len(value.split()) <= 8 and _is_upper(value) and not _is_signer_line(value)


def _continues_recipient(closing: Closing, text: str, value: str) -> bool:
    """Whether a line of the list that is no item of its own goes on with the item above: "- Các
    bộ, cơ quan: Tư pháp, Tài chính, Khoa học và" / "Công nghệ, Văn phòng Chính phủ (để P/H);",
    "- Lưu: VT, TH, XD ." / "(Đông)", "- VPCP: BTCN, các PCN;" / "Trợ lý, Thư ký TTg;" (a line
    without a bullet after an item ended by ";": the list is not over). Not a title in capitals,
    not a name alone, not an appendix."""
    if not closing.recipients or len(value) > 200:
        return False
    if closing.signer_name is not None:
        # the typist's initials closing "Lưu" under a name printed among the items: "(Hiển)"
        initials = value.startswith("(") and value.endswith(")") and len(value) <= 40
        return initials and closing.recipients[-1].text.startswith("Lưu")
    if _is_upper(value) or PERSON_NAME.match(value) or _leading_name(value) or _APPENDIX.match(value):
        return False
    last = closing.recipients[-1]
    ending = text[last.end : last.end + 3].lstrip(" ")[:1]
    return value.startswith("(") or value[:1].islower() or ending != "."


def _extend_title(closing: Closing, piece: Piece) -> None:
    """Add ``piece`` to the title line it continues (the last one read)."""
    last_behalf = closing.on_behalf[-1] if closing.on_behalf else None
    title = closing.signer_title
    if title is not None and (last_behalf is None or title.end > last_behalf.end):
        closing.signer_title = Piece(title.start, piece.end, f"{title.text} {piece.text}")
    elif last_behalf is not None:
        closing.on_behalf[-1] = Piece(last_behalf.start, piece.end, f"{last_behalf.text} {piece.text}")


def _add_title(closing: Closing, piece: Piece) -> None:
    """File a title line as "on behalf of" or as the signer's own title.

    A bare mark ("TL." on a line of its own) takes the title printed after it:
    "TL. / BỘ TRƯỞNG / CHÁNH VĂN PHÒNG" is TL. Bộ trưởng, signed by the Chánh Văn phòng.
    """
    last = closing.on_behalf[-1] if closing.on_behalf else None
    if last is not None and ON_BEHALF.fullmatch(last.text + " ") and closing.signer_title is None:
        closing.on_behalf[-1] = Piece(last.start, piece.end, f"{last.text} {piece.text}")
    elif ON_BEHALF.match(piece.text):
        closing.on_behalf.append(piece)
    elif closing.signer_title is None:
        closing.signer_title = piece


def _add_recipient(closing: Closing, piece: Piece) -> None:
    value = _BULLET.sub("", piece.text)
    value = value.rstrip(" ;,.")
    if not value:
        return
    start = piece.start + piece.text.find(value)
    closing.recipients.append(Piece(start, start + len(value), value))


def _split_signer(piece: Piece) -> tuple[Piece | None, list[Piece], Piece | None] | None:
    """Split "- Lưu: VT. KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn" into its parts."""
    value = piece.text
    titles_at = None
    for match in _TITLE_START.finditer(value):
        rest = value[match.start() :]
        upper = _UPPER_BEFORE_NAME.match(rest)
        if match.start() > 0 and upper and ON_BEHALF.fullmatch(upper.group(0).strip() + " "):
            continue  # "- Lưu: VT, KT.": the department code at a line's end, no behalf mark
        if upper and _is_signer_line(upper.group(0).strip()):
            titles_at = match.start()
            break
    if titles_at is None:
        return None
    before = None
    if titles_at > 0:
        head = value[:titles_at].rstrip()
        before = Piece(piece.start, piece.start + len(head), head)
    rest = value[titles_at:]
    upper = _UPPER_BEFORE_NAME_LAZY.match(rest)
    upper_text = upper.group(0) if upper else rest
    titles = _split_titles(piece.start + titles_at, upper_text)
    name = None
    tail = rest[len(upper_text) :].strip()
    leading_name = _LEADING_NAME.match(tail)
    if leading_name:
        tail = leading_name.group(0)
    if tail and PERSON_NAME.match(tail):
        name_start = piece.start + titles_at + rest.find(tail, len(upper_text))
        name = Piece(name_start, name_start + len(tail), tail)
    return before, titles, name


# Single upper-case words after a title, naming its body ("PHÓ CHỦ TỊCH" + " UBND TỈNH"); a behalf
# mark or two upper-case words in a row (the next title) end them.
_TITLE_BODY = regex.compile(r"(?:\s+(?!KT\.|TM\.|TL\.)(?![\p{Lu}]+\s+[\p{Lu}])[\p{Lu}\d.]+)*")
# The second office of a behalf mark's title, after a comma: "KT. BỘ TRƯỞNG, CHỦ NHIỆM".
_SECOND_TITLE = regex.compile(rf"\s*,\s*(?:{SIGNER_TITLE.pattern.lstrip('^')})")
# A signer's title ending the words after a behalf mark: "HỘI ĐỒNG THẨM PHÁN | CHÁNH ÁN".
_TRAILING_TITLE = regex.compile(rf"(?<=\S)\s+(?=(?:{SIGNER_TITLE.pattern.lstrip('^')})\s*$)")
# A run of words up to the next behalf mark.
_WORD_RUN = regex.compile(r"\S+(?:\s+(?!(?:KT|TM|TL|Q)\.)\S+)*")


def _split_titles(start: int, upper_text: str) -> list[Piece]:
    """ "KT. BỘ TRƯỞNG THỨ TRƯỞNG" → ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]."""
    pieces: list[Piece] = []
    pos = 0
    text = upper_text
    while pos < len(text):
        while pos < len(text) and text[pos] in " ,":
            pos += 1
        if pos >= len(text):
            break
        rest = text[pos:]
        behalf = ON_BEHALF.match(rest)
        if behalf:
            after = rest[behalf.end() :].lstrip()
            offset = len(rest) - len(after)
            title = SIGNER_TITLE.match(after)
            # "TM. HỘI ĐỒNG THẨM PHÁN CHÁNH ÁN" on one line: the body, then the signer's own title
            own_title = None if title else _TRAILING_TITLE.search(after, 0, _word_run(after))
            length = offset + (title.end() if title else own_title.start() if own_title else _word_run(after))
            # a minister who heads the Government Office signs for both: "KT. BỘ TRƯỞNG, CHỦ NHIỆM"
            second = _SECOND_TITLE.match(rest, length) if title else None
            if second:
                length = second.end()
            pieces.append(Piece(start + pos, start + pos + length, rest[:length].strip()))
            pos += length
            continue
        title = SIGNER_TITLE.match(rest)
        length = title.end() if title else _word_run(rest)
        # the organisation a title belongs to stays with it: "PHÓ CHỦ TỊCH UBND TỈNH"
        tail = _TITLE_BODY.match(rest[length:])
        if title and tail and not SIGNER_TITLE.match(rest[length:].lstrip()):
            length += len(tail.group(0))
        value = rest[:length].strip()
        if value:
            pieces.append(Piece(start + pos, start + pos + len(value), value))
        pos += max(length, 1)
    return pieces


def _word_run(text: str) -> int:
    match = _WORD_RUN.match(text)
    return match.end() if match else len(text)


# ---------------------------------------------------------------- sections


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


def _sections(text: str, start: int, end: int) -> list[Section]:
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


# ---------------------------------------------------------------- entry point


def parse(text: str) -> Parsed:
    """Split a normalised document into header, body sections and closing."""
    header, has_header = _find_header(text)
    kind = "document"
    if not has_header:
        headerless = _headerless_document(text)
        if headerless is not None:
            header = headerless
        else:
            kind = "news"
            header = _news_header(text)
    body_start = header.end
    closing = _find_closing(text, body_start) if kind == "document" else None
    body_end = closing.start if closing else len(text)
    appendix_start = None
    if closing is not None and len(text) - closing.end > 200:
        appendix_start = closing.end + (len(text[closing.end :]) - len(text[closing.end :].lstrip()))
    sections = _sections(text, body_start, body_end)
    if appendix_start is not None:
        # parents of the attachment's sections index this same list: shift them past the body's
        offset = len(sections)
        for section in _sections(text, appendix_start, len(text)):
            if section.parent is not None:
                section.parent += offset
            sections.append(section)
    return Parsed(
        text=text,
        kind=kind,
        header=header,
        body_start=body_start,
        body_end=body_end,
        closing=closing,
        sections=sections,
        appendix_start=appendix_start,
    )
