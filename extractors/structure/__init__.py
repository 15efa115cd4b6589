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

from extractors.structure.closing import TITLE_SPELLING, find_closing
from extractors.structure.header import ISSUER_HEAD, find_header
from extractors.structure.headerless import command_speaker, headerless_document, news_header
from extractors.structure.models import Closing, Header, Parsed, Piece, Section
from extractors.structure.sections import find_sections

__all__ = [
    "ISSUER_HEAD",
    "TITLE_SPELLING",
    "Closing",
    "Header",
    "Parsed",
    "Piece",
    "Section",
    "command_speaker",
    "parse",
]


def parse(text: str) -> Parsed:
    """Split a normalised document into header, body sections and closing."""
    header, has_header = find_header(text)
    kind = "document"
    if not has_header:
        headerless = headerless_document(text)
        if headerless is not None:
            header = headerless
        else:
            kind = "news"
            header = news_header(text)
    body_start = header.end
    closing = find_closing(text, body_start) if kind == "document" else None
    body_end = closing.start if closing else len(text)
    appendix_start = None
    if closing is not None and len(text) - closing.end > 200:
        appendix_start = closing.end + (len(text[closing.end :]) - len(text[closing.end :].lstrip()))
    sections = find_sections(text, body_start, body_end)
    if appendix_start is not None:
        # parents of the attachment's sections index this same list: shift them past the body's
        offset = len(sections)
        for section in find_sections(text, appendix_start, len(text)):
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
