"""The closing of a document: the "Nơi nhận" list and the signature block (behalf marks, the
signer's title and name)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from extractors.data import patterns, table
from extractors.structure.lines import CELL_LINE, is_upper
from extractors.structure.models import Closing, Piece

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

_IN_CELL_BREAK = regex.compile(r"(?<=\S|^)\s/\s|\s/$|^/\s")
_UPPER_RUN = regex.compile(r"[\p{Lu}\d\s.,\-/]+")  # "/" of the Party's "K/T"
_BULLET = regex.compile(r"^[-+•]\s*")
_TITLE_START = regex.compile(r"(?:(?<=^)|(?<=\s))(?=(?:K\s?T|TM|TL|TUQ|Q)\.|K/T\s|\p{Lu}{2,}\s)")
_UPPER_BEFORE_NAME = regex.compile(r"[\p{Lu}\d\s.,\-/]+(?=\s\p{Lu}\p{Ll}|$)")
_UPPER_BEFORE_NAME_LAZY = regex.compile(r"[\p{Lu}\d\s.,\-/]+?(?=\s\p{Lu}\p{Ll}|$)")
# A name that opens what follows the titles, before more capitals or the appendix printed on
# after the signature ("PHÓ THỦ TƯỚNG Trần Hồng Hà Phụ lục (Kèm theo Nghị định ...").
_LEADING_NAME = regex.compile(r"\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}*){1,4}(?=\s+(?:\p{Lu}{2,}|Phụ\s+lục\b)|$)")


def find_closing(text: str, body_start: int) -> Closing | None:
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
    """Start of the first line that is only a signer's title (after the body's "./." mark). A
    decision that ships the plan it adopts ends with "./." and its signature before the plan, whose
    own end may carry another "./.": the first mark with a signer's title right after it wins."""
    marks = list(BODY_END.finditer(text, begin, end))
    for mark in marks[:-1]:
        signer = _signer_line_in(text, mark.end(), min(end, mark.end() + SIGNATURE_NEAR))
        if signer is not None:
            return signer
    search_from = marks[-1].end() if marks else max(begin, end - 600)
    return _signer_line_in(text, search_from, end)


# How far after a "./." mark a signature block opens when it closes the text there.
SIGNATURE_NEAR = 120


def _signer_line_in(text: str, start: int, end: int) -> int | None:
    """Start of the first line of ``text[start:end]`` that is only a signer's title."""
    for line in CELL_LINE.finditer(text[start:end]):
        segment = line.group(0).strip(" /")
        if _is_signer_line(segment):
            return start + line.start() + line.group(0).find(segment)
    return None


def _is_signer_line(segment: str) -> bool:
    upper = _UPPER_RUN.match(segment)
    if not upper:
        return False
    head = upper.group(0).strip()
    if not head or not is_upper(head):
        return False
    return bool(ON_BEHALF.match(head) or SIGNER_TITLE.match(head))


def _segments(text: str, start: int, end: int) -> Iterator[Piece]:
    """Lines, cells and " / " in-cell lines of ``text[start:end]``, as stripped pieces.

    One at a time: the reader of a closing stops after a few of the pieces of its 3000 characters.
    """
    for match in CELL_LINE.finditer(text, start, end):
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
            # the name alone, or before the appendix the text runs on with ("Hoàng Chí Hiền Phụ lục: ...");
            # a rank before it is no part of it ("Thượng tướng Nguyễn Văn Hiền")
            rank = RANK_BEFORE_NAME.match(value)
            if rank is not None:
                piece = Piece(piece.start + rank.end(), piece.end, value[rank.end() :])
                value = piece.text
            printed = value if PERSON_NAME.match(value) else _leading_name(value)
            if printed is not None:
                closing.signer_name = Piece(piece.start, piece.start + len(printed), printed)
                closing.end = closing.signer_name.end
                continue
        break


_APPENDIX = regex.compile(r"Phụ\s+lục\b", regex.I)
# A military or police rank printed before a signer's name (person_titles.txt: "Thiếu úy" ...
# "Đại tướng"; not "Thủ tướng").
_RANKS = [
    t for t in patterns("person_titles.txt") if t.startswith(("Thiếu ", "Trung ", "Thượng ", "Đại ")) and t.endswith(("úy", "tá", "tướng"))
]
RANK_BEFORE_NAME = regex.compile("(?:{})[ ]+(?=\\p{{Lu}})".format("|".join(_RANKS)))
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
    return len(value.split()) <= 8 and is_upper(value) and not _is_signer_line(value)


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
    last = closing.recipients[-1]
    if last.text.count("(") > last.text.count(")") and len(value) <= 40 and value.rstrip(" .;").endswith(")"):
        return True  # the typist's initials the page wrapped: "- Lưu: VT, KHTC( ." / "Hằng)"
    if is_upper(value) or PERSON_NAME.match(value) or _leading_name(value) or _APPENDIX.match(value):
        return False
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
