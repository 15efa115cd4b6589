"""Scans made from corpus texts, for the OCR tests and benchmarks/ocr.py.

A document's text is laid out as a printed administrative document is (Nghị định
30/2020/NĐ-CP): the header in two columns (issuing body, number and "V/v" subject on the
left; national motto, tagline, place and date on the right), the document type and title
centred, then the body, each paragraph wrapped to the page width, table rows (the closing's
"Nơi nhận" list and signer) in two columns, on A4 pages drawn with matplotlib's DejaVu Serif
at a chosen resolution; a page can be skewed and made noisy as a poor scanner would. Where the header's
parts are in the text is read from the record ``extract_text`` makes of it (its evidence
spans), so that any corpus document with a header can be laid out. ``Scan.text`` is the
text as the page shows it, in reading order: the reference for the character error rate.
"""

from __future__ import annotations

import io
import random
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import regex
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.extract import extract_text

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
A4_MM = (210.0, 297.0)
MARGINS_MM = (30.0, 20.0, 20.0, 20.0)  # left, top, right, bottom (Nghị định 30/2020, Phụ lục I)
LEFT_COLUMN = 0.42  # share of the text width the header's left column takes
MOTTO = regex.compile(r"C[ỘO]NG\s+H[ÒO]A\s+X[ÃA]\s+H[ỘO]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM", regex.I)
TAGLINE = regex.compile(r"Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", regex.I)


@dataclass
class Scan:
    """Page images of a document and the text they show, in reading order."""

    pages: list[Image.Image]
    text: str


@dataclass
class Block:
    """Lines the page places together: a paragraph across the text width (``right`` None),
    or two columns side by side (a header, a table row such as "Nơi nhận" | signer).
    ``centred``: a paragraph centred (document type, title), or both columns (a header)."""

    left: list[str]
    right: list[str] | None = None
    centred: bool = False


def layout(text: str) -> list[Block]:
    """Where each part of ``text`` goes on the page.

    The header (when the record has a number and a date) becomes two columns; the document
    type and the title are centred on lines of their own; a line of table cells (tabs) is
    drawn as two columns, " / " (a line break inside a cell) as a line break.
    """
    record = extract_text(text)
    normalised = record.text
    spans = {name: pieces[0] for name, pieces in record.evidence.items() if pieces}
    if "number" not in spans or "issue_date" not in spans:
        return _body(normalised, [])
    body_start = spans["doc_type"].start if "doc_type" in spans else _line_end(normalised, spans["issue_date"].end)
    header = normalised[:body_start]
    right: list[str] = []
    taken: list[tuple[int, int]] = []
    for pattern in (MOTTO, TAGLINE):
        match = pattern.search(header)
        if match:
            right.append(_clean(match.group(0)))
            taken.append(match.span())
    date_from = spans["place"].start if "place" in spans else spans["issue_date"].start
    right.append(_clean(normalised[date_from : spans["issue_date"].end]))
    taken.append((date_from, spans["issue_date"].end))
    number = spans["number"]
    label = header.rfind("Số", 0, number.start)  # "Số: 14/CT-UBND", "Số 53 /KH-UBND"
    taken.append((label if 0 <= number.start - label <= 6 else number.start, number.end))
    rest = list(header)
    for start, end in taken:
        rest[start:end] = ["\n"] * (end - start)
    others = _lines("".join(rest).replace("\t", "\n"))
    # issuer lines first, the "V/v ..." subject of a letter under the number
    subject = [line for line in others if line.lower().startswith("v/v")]
    issuer = [line for line in others if line not in subject]
    centred = [(spans[name].start - body_start, spans[name].end - body_start) for name in ("doc_type", "title") if name in spans]
    header_block = Block([*issuer, "Số: " + number.text, *subject], right, centred=True)
    return [header_block, *_body(normalised[body_start:], centred)]


def _body(text: str, centred: list[tuple[int, int]]) -> list[Block]:
    """Paragraphs and table rows; the spans ``centred`` (document type, title) on lines of
    their own, centred."""
    cuts = sorted({at for span in centred for at in span if 0 < at < len(text)})
    pieces, last = [], 0
    for at in [*cuts, len(text)]:
        pieces.append((text[last:at], any(start <= last < end for start, end in centred)))
        last = at
    blocks = []
    for piece, is_centred in pieces:
        for line in piece.split("\n"):
            cells = [cell for cell in line.split("\t") if _lines(cell)]
            if len(cells) >= 2:
                blocks.append(Block(_lines(cells[0]), _lines(" / ".join(cells[1:]))))
            elif _lines(line):
                blocks.append(Block([" ".join(_lines(line))], centred=is_centred))
    return blocks


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end + 1


def _clean(line: str) -> str:
    return " ".join(regex.sub(r"[-_—=]{3,}", " ", line.replace("|", " ")).split())


def _lines(text: str) -> list[str]:
    """The lines of a cell (" / " and newlines break them), without rules and stray marks."""
    lines = (_clean(line) for part in text.split("\n") for line in regex.split(r"\s/(?:\s|$)", part))
    return [line for line in lines if regex.search(r"[\p{L}\p{N}]", line)]


def _font(name: str, points: float, dpi: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / name), round(points * dpi / 72))


def _wrap(line: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    words, out, current = line.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if current and font.getlength(trial) > width:
            out.append(current)
            current = word
        else:
            current = trial
    if current:
        out.append(current)
    return out


def render(
    text: str, *, dpi: int = 300, skew: float = 0.0, noise: float = 0.0, seed: int = 0, max_pages: int | None = None
) -> Scan:
    """The pages of ``text`` laid out (``layout``) and drawn at ``dpi``; ``skew`` degrees of
    rotation and ``noise`` (the share of pixels flipped, plus blur and JPEG artefacts) make
    a poor scan. ``max_pages``: stop after that many pages (the text too)."""
    mm = dpi / 25.4
    width, height = round(A4_MM[0] * mm), round(A4_MM[1] * mm)
    left, top, right, bottom = (m * mm for m in MARGINS_MM)
    text_width = width - left - right
    body_font = _font("DejaVuSerif.ttf", 13, dpi)
    header_font = _font("DejaVuSerif-Bold.ttf", 10.5, dpi)
    step = body_font.size * 1.45
    indent = 10 * mm
    split = text_width * LEFT_COLUMN
    # (page, x, y, text, font) of every line, in reading order
    placed: list[tuple[int, float, float, str, ImageFont.FreeTypeFont]] = []
    page, y = 0, top
    for block in layout(text):
        if block.right is None:
            width_here = text_width - (0 if block.centred else indent)
            for line_number, piece in enumerate(_wrap(block.left[0], body_font, width_here)):
                if y + step > height - bottom:
                    page, y = page + 1, top
                if block.centred:
                    x = left + (text_width - body_font.getlength(piece)) / 2
                else:
                    x = left + (indent if line_number == 0 else 0)
                placed.append((page, x, y, piece, body_font))
                y += step
            continue
        header = block.centred  # its columns centred; a table row's left column (Nơi nhận) flush left
        font = header_font if header else body_font
        columns = ((block.left, left, split), (block.right, left + split, text_width - split))
        wrapped = [[p for line in lines for p in _wrap(line, font, column_width - 5 * mm)] for lines, _, column_width in columns]
        if y + step * max(map(len, wrapped)) > height - bottom:
            page, y = page + 1, top
        for side, (pieces, (_, x0, column_width)) in enumerate(zip(wrapped, columns, strict=True)):
            for row, piece in enumerate(pieces):
                x = x0 if side == 0 and not header else x0 + (column_width - font.getlength(piece)) / 2
                placed.append((page, x, y + row * step, piece, font))
        y += step * (max(map(len, wrapped)) + 1)
    pages = page + 1 if max_pages is None else min(page + 1, max_pages)
    images = [Image.new("L", (width, height), 255) for _ in range(pages)]
    shown = []
    for at, x, y_at, piece, font in placed:
        if at < pages:
            ImageDraw.Draw(images[at]).text((x, y_at), piece, font=font, fill=0)
            shown.append(piece)
    return Scan([_degrade(image, skew, noise, seed + i) for i, image in enumerate(images)], " ".join(shown))


def _degrade(page: Image.Image, skew: float, noise: float, seed: int) -> Image.Image:
    if skew:
        page = page.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if noise:
        rng = random.Random(seed)
        pixels = page.load()
        for _ in range(int(noise * page.width * page.height)):
            x, y = rng.randrange(page.width), rng.randrange(page.height)
            pixels[x, y] = 255 - pixels[x, y]
        page = page.filter(ImageFilter.GaussianBlur(0.8))
        buffer = io.BytesIO()
        page.save(buffer, "JPEG", quality=40)
        page = Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    return page


def words_missed(ocr_text: str, reference: str) -> float:
    """The share of the reference's words (NFC) that the OCR'd text lacks, in any order: the
    recognition alone, where ``character_error_rate`` also counts lines read in another order."""
    from collections import Counter

    wanted = Counter(unicodedata.normalize("NFC", reference).split())
    found = Counter(unicodedata.normalize("NFC", ocr_text).split())
    return 1 - sum((wanted & found).values()) / max(1, sum(wanted.values()))


def character_error_rate(ocr_text: str, reference: str) -> float:
    """Edit distance between the OCR'd text and the reference, over the reference's length;
    both NFC with their whitespace folded to single spaces (line breaks differ by layout)."""
    from rapidfuzz.distance import Levenshtein

    def fold(text: str) -> str:
        return " ".join(unicodedata.normalize("NFC", text).split())

    reference = fold(reference)
    return Levenshtein.distance(fold(ocr_text), reference) / max(1, len(reference))
