"""The parts ``parse`` finds, as spans of the normalised text."""

from __future__ import annotations

from dataclasses import dataclass, field


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
