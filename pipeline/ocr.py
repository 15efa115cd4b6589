"""OCR: page images become text with Tesseract and its Vietnamese data, one page at a time.

Tesseract runs through ``pytesseract`` (one ``tesseract`` process per page, given the time
the document has left), on the page in grey with its specks removed. Its words come back with
their boxes, and the text is rebuilt from them in reading order. Tesseract reads the
two-column header of an administrative document (issuing body and number on the left,
national motto, tagline and date on the right) line by line across both columns, and often
the closing too ("Nơi nhận" list on the left, signer on the right): a band of lines that a
vertical gutter splits in two, at the top of the page with the motto on its right, or from
"Nơi nhận" down, is read as its left column, then its right one, as the DOCX of the same
document gives it to the header parser.
"""

from __future__ import annotations

import functools
import os
import time
import unicodedata
from dataclasses import dataclass
from statistics import fmean

import regex
from PIL import Image, ImageFilter

from extractors.data import table

LANGUAGE = "vie"
INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
# Scans are rendered (PDF pages) or read (images) at this resolution; Tesseract reads best when
# the height of small letters is 20 px or more, which 13-14 pt type reaches at 300 dpi.
RENDER_DPI = 300
# A 3x3 median filter removes the specks of a dirty scan before Tesseract reads it: on a page
# of corpus/seeds drawn with 5 % of its pixels flipped, the character error rate fell from
# 5.8 % to 0.45 % (10 %: from 65 % to 8.4 %); on a clean page and on the real scan with a
# transcription (509 of the shared corpus) it stayed the same (0.05 %; 3.3 % and 3.4 %).
_DESPECKLE = 3

# A two-column band: a run of lines split by a vertical gutter at least this wide (a share of
# the page width; ~3 mm on A4) lying between these shares of the width.
_GUTTER_MIN = 0.015
_GUTTER_RANGE = (0.2, 0.8)
_HEADER_TOP = 0.4  # the header's band starts in this top share of the page
# The right column of a header holds the national motto (or the Party's name) and the tagline;
# one readable word of them is enough, so that a misread letter does not lose the header.
_MOTTO_WORDS = regex.compile(r"(?i)\b(?:cộng|hòa|hoà|việt|nam|độc|lập|hạnh|phúc)\b")
# The first words of the closing's left column ("Nơi nhận"), as OCR may misread their marks.
_RECIPIENTS = regex.compile(r"(?i)n\w{1,2}i\s+nh\w{1,2}n\b")
# Specks read as punctuation ("-_", "|") do not block a gutter: only words with these do.
_HAS_ALNUM = regex.compile(r"[\p{L}\p{N}]")
# Letters Vietnamese does not have that Tesseract's model writes for its own: the Icelandic
# eth for "Đ", sometimes beside it ("QĐÐ-UBND" for "QĐ-UBND" on a skewed page).
_LOOKALIKES = regex.compile(r"ĐÐ|Ð|ð")
_VIETNAMESE = {"ĐÐ": "Đ", "Ð": "Đ", "ð": "đ"}
# The label of the number, its marks misread at the start of a line ("Só:", "Sô:", "số:").
_NUMBER_LABEL = regex.compile(r"^[Ss][oóòỏõọôốồổỗộ]\s*:")


class OcrError(Exception):
    """OCR could not run or could not finish; the message says why."""


class OcrTimeout(OcrError):
    """The document's time ran out while a page was being read."""


@functools.cache
def unavailable() -> str | None:
    """Why OCR cannot run on this machine, or None when Tesseract and its Vietnamese data
    are installed."""
    import pytesseract

    try:
        languages = pytesseract.get_languages()
    except (pytesseract.TesseractNotFoundError, OSError):
        return f"Tesseract is not installed ({INSTALL_HINT})"
    if LANGUAGE not in languages:
        return f"Tesseract has no Vietnamese data ({INSTALL_HINT})"
    return None


@functools.cache
def engine() -> str:
    """Tesseract's version, for the record's warnings."""
    import pytesseract

    return f"Tesseract {pytesseract.get_tesseract_version()}"


@dataclass(frozen=True)
class Word:
    """One word Tesseract read, with its box in pixels and its confidence (0-100)."""

    text: str
    left: int
    top: int
    right: int
    bottom: int
    confidence: float
    line: tuple[int, int, int]  # Tesseract's block, paragraph and line numbers


@dataclass(frozen=True)
class PageText:
    """The text of one page image and how sure Tesseract was of it."""

    text: str
    confidence: float | None  # mean word confidence, 0-100; None when no word was found


def read_page(image: Image.Image, deadline: float | None = None) -> PageText:
    """The text of one page image, in reading order.

    ``deadline`` (``time.monotonic()``): Tesseract is stopped when it is reached, and
    ``OcrTimeout`` raised.
    """
    import pytesseract

    timeout = 0.0  # pytesseract: no limit
    if deadline is not None:
        timeout = deadline - time.monotonic()
        if timeout <= 0:
            raise OcrTimeout("no time left")
    # one thread per Tesseract: documents are read in parallel by worker processes, and
    # OpenMP threads competing for the same cores make every page slower
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = pytesseract.image_to_data(
            image.convert("L").filter(ImageFilter.MedianFilter(_DESPECKLE)),
            lang=LANGUAGE,
            output_type=pytesseract.Output.DICT,
            timeout=timeout,
        )
    except RuntimeError as err:
        if "timeout" in str(err).lower():
            raise OcrTimeout("the time limit was reached while Tesseract read a page") from err
        raise OcrError(f"Tesseract failed: {err}") from err
    except pytesseract.TesseractError as err:
        raise OcrError(f"Tesseract failed: {err.message or err.status}") from err
    words = _words(data)
    confidence = fmean(w.confidence for w in words) if words else None
    return PageText(reading_order(words, image.width, image.height), confidence)


def _words(data: dict[str, list]) -> list[Word]:
    words = []
    for i, text in enumerate(data["text"]):
        confidence = float(data["conf"][i])
        if not text.strip() or confidence < 0:
            continue
        left, top = data["left"][i], data["top"][i]
        words.append(
            Word(
                text.strip(),
                left,
                top,
                left + data["width"][i],
                top + data["height"][i],
                confidence,
                (data["block_num"][i], data["par_num"][i], data["line_num"][i]),
            )
        )
    return words


# ---------------------------------------------------------------- reading order


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into Tesseract's lines, in Tesseract's order."""
    lines: list[list[Word]] = []
    for word in words:
        if lines and lines[-1][-1].line == word.line:
            lines[-1].append(word)
        else:
            lines.append([word])
    return lines


def _join(words: list[Word]) -> str:
    """A line's text, its label words given back the marks OCR misread."""
    line = _LOOKALIKES.sub(lambda m: _VIETNAMESE[m[0]], " ".join(w.text for w in words))
    return _repair_type_heading(_NUMBER_LABEL.sub("Số:", line))


def _repair_type_heading(line: str) -> str:
    """A line in capitals that begins with the name of a document type whose marks OCR
    misread ("KÉ HOẠCH", "CHI THỊ", "QUYÉT ĐỊNH") gets the name as written; the header
    parser knows a document's type, and so where its issuer ends, only by the exact name."""
    if not line.isupper():
        return line
    bare = _unmarked(line)
    for plain, name in _type_names():
        if bare.startswith(plain) and not bare[len(plain) : len(plain) + 1].isalpha():
            return name + line[len(plain) :]
    return line


@functools.cache
def _type_names() -> tuple[tuple[str, str], ...]:
    """The document types' names and other spellings (extractors/data/doc_types.tsv) in
    capitals, each with its letters unmarked, the longest first."""
    names = set()
    for row in table("doc_types.tsv"):
        for name in [row["canonical"], *row["spellings"].split(";")]:
            if name:
                names.add(name.upper())
    return tuple(sorted(((_unmarked(name), name) for name in names), key=lambda pair: -len(pair[0])))


def _unmarked(text: str) -> str:
    """``text`` with each letter's marks taken off (one character for one: "KẾ" -> "KE")."""
    return "".join(
        "D" if char == "Đ" else "d" if char == "đ" else unicodedata.normalize("NFD", char)[0] for char in text
    )


def reading_order(words: list[Word], width: int, height: int) -> str:
    """The text of a page's words, one line per Tesseract line; a two-column band (the header
    at the top of the page, the closing from "Nơi nhận") is given as its left column, then
    its right column, where its first line was."""
    lines = _lines(words)
    by_top = sorted(range(len(lines)), key=lambda i: _top(lines[i]))
    columns: dict[int, list[str]] = {}  # first line of a band -> the band's text, column by column
    in_band: set[int] = set()
    for band in (_header_band(lines, by_top, width, height), _closing_band(lines, by_top, width)):
        if band is None or in_band & set(band[0]):
            continue
        members, gutter = band
        in_band.update(members)
        sides = [[w for w in lines[i] if (_centre(w) >= gutter) == right] for right in (False, True) for i in members]
        columns[min(members)] = [
            _join(part)
            for side in (sides[: len(members)], sides[len(members) :])
            for part in sorted((p for p in side if p), key=_top)
        ]
    out: list[str] = []
    for i, line in enumerate(lines):
        if i in columns:
            out.extend(columns[i])
        elif i not in in_band:
            out.append(_join(line))
    return "\n".join(out)


def _top(line: list[Word]) -> int:
    return min(w.top for w in line)


def _band(lines: list[list[Word]], run: list[int], width: int) -> tuple[list[int], float] | None:
    """The first lines of ``run`` (line numbers, top to bottom) that a vertical gutter splits
    in two, with words on both sides, and the x of the gutter; None when there are fewer than
    two such lines."""
    low, high = (share * width for share in _GUTTER_RANGE)
    gaps = [(low, high)]
    members: list[int] = []
    for i in run:
        narrower = _free(gaps, lines[i], _GUTTER_MIN * width)
        if not narrower:
            break
        gaps = narrower
        members.append(i)
    if len(members) < 2:
        return None
    gap_low, gap_high = max(gaps, key=lambda gap: gap[1] - gap[0])
    gutter = (gap_low + gap_high) / 2
    centres = [_centre(w) for i in members for w in lines[i]]
    if min(centres) >= gutter or max(centres) < gutter:
        return None
    return members, gutter


def _header_band(lines: list[list[Word]], by_top: list[int], width: int, height: int) -> tuple[list[int], float] | None:
    """The header's two columns: a band starting in the top of the page whose right column
    holds the national motto or tagline."""
    for start, first in enumerate(by_top):
        if _top(lines[first]) > _HEADER_TOP * height:
            return None
        band = _band(lines, by_top[start:], width)
        if band is None:
            continue
        members, gutter = band
        right = " ".join(w.text for i in members for w in lines[i] if _centre(w) >= gutter)
        if _MOTTO_WORDS.search(right):
            return band
    return None


def _closing_band(lines: list[list[Word]], by_top: list[int], width: int) -> tuple[list[int], float] | None:
    """The closing's two columns: the "Nơi nhận" list on the left, the signer on the right,
    from the line "Nơi nhận" starts (or the first line beside it) down."""
    anchor = next((i for i in by_top if _RECIPIENTS.match(_join(lines[i]))), None)
    if anchor is None:
        return None
    top = _top(lines[anchor])
    start = next(n for n, i in enumerate(by_top) if max(w.bottom for w in lines[i]) > top)
    return _band(lines, by_top[start:], width)


def _centre(word: Word) -> float:
    return (word.left + word.right) / 2


def _free(gaps: list[tuple[float, float]], line: list[Word], min_width: float) -> list[tuple[float, float]]:
    """The parts of ``gaps`` (x intervals) that no word of ``line`` covers, at least
    ``min_width`` wide. Specks read as punctuation ("-_", "|") cover nothing."""
    for word in line:
        if not _HAS_ALNUM.search(word.text):
            continue
        pieces = []
        for low, high in gaps:
            if word.right <= low or word.left >= high:
                pieces.append((low, high))
                continue
            pieces += [(low, word.left), (word.right, high)]
        gaps = [(low, high) for low, high in pieces if high - low >= min_width]
    return gaps
