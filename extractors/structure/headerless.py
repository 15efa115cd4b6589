"""Texts without a printed header: a news article (headline, dateline) or a document whose header
was stripped ("Chỉ thị về ...", a paper read at a conference), and the body such a document names
as its speaker."""

from __future__ import annotations

from functools import cache

import regex

from extractors.data import patterns, table
from extractors.structure.header import BODY_START, DOC_TYPES, HEADER_WINDOW
from extractors.structure.lines import is_upper, line_end_at, stripped_piece
from extractors.structure.models import Header, Piece, Section

# A dateline of a news page: "08:28 | 06/02/2021", "Thứ 4, 06/07/2022 | 14:17:07 [GMT +7]".
NEWS_DATE = regex.compile(r"(?<!\d)(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})(?!\d)")
# A headerless document opens with its type in sentence case: "Chỉ thị về ...".
_CANONICAL_WORDS = sorted({row["canonical"] for row in DOC_TYPES}, key=len, reverse=True)
OPENING_TYPE = regex.compile(
    rf"\A(?P<type>{'|'.join(map(regex.escape, _CANONICAL_WORDS))}|"
    rf"{'|'.join(regex.escape(w.upper()) for w in _CANONICAL_WORDS)})(?:\s+(?=về\s|\p{{Ll}}|\p{{Lu}})|\s*$)",
    regex.M,
)
# After the opening type word, what makes the line an article's headline about a document, not
# the document's own type line: its number ("Thông báo 200/TB-UBND treo Quốc kỳ ... như thế nào?"),
# or a question.
ARTICLE_HEADLINE = regex.compile(r"(?:số\s+)?\d+[/-]|[^\n]*\?\s*$", regex.M)
_LINE = regex.compile(r"[^\n]+")


def news_header(text: str) -> Header:
    """Headline and dateline of a news article (or the title line of a headerless text)."""
    header = Header()
    lines = [m for m in _LINE.finditer(text[:HEADER_WINDOW])][:8]
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
        piece = stripped_piece(text, headline.start(), headline.end())
        header.title = [piece] if piece else []
    return header


# The lead paragraph of an article, not its headline: it opens with the paper's tag ("(BĐ) - UBND
# tỉnh vừa ...", "(TTXVN) -") or holds sentences ("Thời gian qua, ... . Qua đó, ...").
LEAD_PARAGRAPH = regex.compile(r"^\s*\(\p{Lu}[\p{Lu}\p{Ll}.]{0,10}\)\s*[-–]|\.\s+\p{Lu}|\.\s*$")


def _reads_as_headline(line: str) -> bool:
    """Whether the first line of a text without a dateline can be its headline: short, one
    phrase, not the lead paragraph (a text printed without its headline has none)."""
    return len(line.strip()) <= 250 and not LEAD_PARAGRAPH.search(line.strip())



def headerless_document(text: str) -> Header | None:
    """A document whose header was stripped: it opens with "Chỉ thị về ...", "Báo cáo ..."."""
    match = OPENING_TYPE.match(text)
    if not match or ARTICLE_HEADLINE.match(text, match.end()):
        return None
    header = Header()
    header.type_word = Piece(match.start(), match.end("type"), match.group("type"))
    line_end = line_end_at(text, 0)
    start = match.end()
    if not text[start:line_end].strip():
        # "THAM LUẬN" alone on its line, the title under it
        start = min(line_end + 1, len(text))
        line_end = line_end_at(text, start)
    piece = stripped_piece(text, start, line_end)
    header.title = [piece] if piece else []
    header.end = line_end
    # a paper read at a conference: the title may run on, then its author body ("UBND Tỉnh
    # Điện Biên") stands alone under it
    capitals = bool(header.title) and is_upper(header.title[0].text)
    wrapped = 1  # the title lines that are surely the title's: a title in capitals wraps in capitals
    for _ in range(3):
        below = stripped_piece(text, min(header.end + 1, len(text)), line_end_at(text, min(header.end + 1, len(text))))
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
        if capitals and is_upper(below.text) and wrapped == len(header.title) - 1:
            wrapped += 1
    if not header.issuer:
        header.title = header.title[:wrapped]
        header.end = header.title[-1].end if wrapped > 1 else line_end
    return header


# The sender of a công điện, above its addressees: "THỦ TƯỚNG CHÍNH PHỦ điện:".
CABLE_SENDER = regex.compile(r"(\p{Lu}[\p{Lu}\s]{3,80}?)\s+điện\s*:")


AUTHOR_BODY = regex.compile(r"(?:UBND|Ủy ban nhân dân|Sở|Bộ|Ban|Công an|Tỉnh ủy|Thành ủy)\s+\S", regex.I)


# The body that speaks a headerless document's command formula (command_formulas.tsv) is its
# issuer: "..., Ủy ban nhân dân tỉnh chỉ thị:", "Bộ trưởng Bộ Công Thương yêu cầu ...", "UBND Thành
# phố xây dựng Kế hoạch ...", "Văn phòng Chính phủ thông báo để ...". The body opens a clause with
# a head of issuing bodies (issuer_heads.txt, as printed or as written) and runs on for up to eight
# words, after the title of the person heading it if one is written (agency_titles.tsv: a title
# that keeps part of its body, "Chánh Văn phòng", is not one of them).
_FORMULAS = table("command_formulas.tsv")
_ISSUER_HEADS = sorted(patterns("issuer_heads.txt"), key=len, reverse=True)
_HEAD_TITLES = sorted((row["title"] for row in table("agency_titles.tsv") if not row["keeps"]), key=len, reverse=True)
# Heads that are a body's full name ("Chính phủ"); other heads alone ("Văn phòng", "Bộ") name none.
_FULL_NAMES = {name.casefold() for name in patterns("issuer_names.txt")}
_BARE_HEADS = {head.casefold() for head in _ISSUER_HEADS} - _FULL_NAMES
# Where the formula is looked for: the opening part of the body, before its first section (and at
# most this many characters), and the body's last line ("... thông báo để các cơ quan biết").
_OPENING_WINDOW = 3000


@cache
def _formula(doc_type: str) -> regex.Pattern[str]:
    """The command formulas of a ``doc_type`` after the body that speaks them."""

    def words(phrase: str) -> str:
        return r"\s+".join(map(regex.escape, phrase.split()))

    verbs = "|".join(
        words(row["formula"].rstrip(":").replace("{type}", doc_type))
        + (r"\s*:" if row["formula"].endswith(":") else r"(?![\p{L}])")
        for row in _FORMULAS
        if row["doc_type"] in ("*", doc_type)
    )
    titles = "|".join(map(words, _HEAD_TITLES))
    heads = "|".join(map(words, _ISSUER_HEADS))
    return regex.compile(
        r"(?:^|(?<=[,;:.]\s))"
        rf"(?:(?=\p{{Lu}})(?i:{titles})\s+)?"
        rf"(?P<body>(?=\p{{Lu}})(?i:{heads})(?![\p{{L}}])(?:[ \t]+[\p{{L}}&\-–]+){{0,8}}?)"
        rf"\s+(?i:(?:đã|xin)\s+)?(?i:{verbs})",
        regex.M,
    )


def command_speaker(text: str, header: Header, sections: list[Section], body_end: int) -> Piece | None:
    """The body a headerless document names as speaking its command formula, where it is named:
    in the opening part of the body, else in its last line. None when no formula is spoken, or
    its speaker is a bare head ("Văn phòng xin thông báo ...")."""
    if header.type_word is None:
        return None
    type_word = header.type_word.text.upper()
    doc_type = next((word for word in _CANONICAL_WORDS if word.upper() == type_word), None)
    if doc_type is None:
        return None
    formula = _formula(doc_type)
    opening_end = min([body_end, header.end + _OPENING_WINDOW, *(s.start for s in sections if s.start > header.end)])
    last_line_end = len(text[:body_end].rstrip())
    last_line_start = max(opening_end, text.rfind("\n", 0, last_line_end) + 1)
    for start, end in ((header.end, opening_end), (last_line_start, last_line_end)):
        for match in formula.finditer(text, start, end):
            if match.group("body").casefold() not in _BARE_HEADS:
                return Piece(match.start("body"), match.end("body"), match.group("body"))
    return None
