"""Texts without a printed header: a news article (headline, dateline) or a document whose header
was stripped ("Chỉ thị về ...", a paper read at a conference)."""

from __future__ import annotations

import regex

from extractors.structure.header import BODY_START, DOC_TYPES, HEADER_WINDOW
from extractors.structure.lines import is_upper, line_end_at, stripped_piece
from extractors.structure.models import Header, Piece

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
