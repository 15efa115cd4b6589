"""Ingest: a file on disk becomes a ``Source`` (its text, format and encoding).

Formats: plain text (UTF-8, UTF-8 with BOM, UTF-16, Windows-1258 detected), HTML
(site chrome dropped, the article kept), DOCX (paragraphs and tables in order), Word
97-2003 and RTF (converted to DOCX by LibreOffice, ``pipeline/office.py``), PDF (the text
layer of each page; pages without one read by OCR, ``pipeline/ocr.py``) and scanned images
(PNG, JPEG, TIFF with any number of pages: OCR). Anything else raises ``IngestError`` with a
reason a person understands; the batch turns it into an error row.
"""

from __future__ import annotations

import codecs
import io
import stat
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean
from typing import Any

import regex

from extractors.models import TextWarning
from pipeline import legacy, ocr, office

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
MAX_BYTES = 16 * 1024 * 1024  # larger "documents" are concatenated archives, not documents
# --ocr: "auto" reads the pages that need it when Tesseract is installed, "always" every page
# (a text layer ignored), "never" none
OCR_MODES = ("auto", "always", "never")


class IngestError(Exception):
    """A file that cannot be turned into text; the message says why."""


class OutOfTime(IngestError):
    """The document's time limit ran out while it was being read (OCR, conversion)."""


@dataclass(frozen=True)
class Source:
    """The text of one input, as read."""

    path: str
    text: str
    format: str
    encoding: str | None = None
    warnings: tuple[TextWarning, ...] = ()  # what reading it involved (OCR, a legacy encoding, ...)


def iter_inputs(paths: list[str | Path]) -> Iterator[Path]:
    """Files named by ``paths``, folders walked recursively, in a stable order.

    Gold files and hidden files are skipped; everything else is an input, so that a
    file the tool cannot read is reported rather than silently ignored.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            # every entry that is not a folder is an input, a dangling link included: it is
            # reported as an error row rather than silently skipped
            for child in sorted(path.rglob("*")):
                if not child.is_dir() and _is_input(child):
                    yield child
        else:
            yield path


def _is_input(path: Path) -> bool:
    name = path.name
    return not (
        name.startswith(".")
        or name.endswith(".gold.json")
        or name in {"SOURCES.tsv", "README.md", "ANNOTATION.md"}
    )


def read_source(path: str | Path, *, ocr: str = "auto", deadline: float | None = None) -> Source:
    """Read ``path`` into a ``Source``, choosing the reader by content and suffix.

    ``ocr``: one of ``OCR_MODES``. ``deadline`` (``time.monotonic()``): OCR and conversions
    stop when it is reached, and ``OutOfTime`` is raised.
    """
    return source_from_bytes(read_input_bytes(path), path, ocr=ocr, deadline=deadline)


def read_input_bytes(path: str | Path) -> bytes:
    """The bytes of the input file ``path``; ``IngestError`` when it is no readable file or
    is too large to be one document."""
    path = Path(path)
    try:
        status = path.stat()
    except FileNotFoundError as err:
        raise IngestError("file not found (it may have been moved or deleted)") from err
    except PermissionError as err:
        raise IngestError("permission denied") from err
    if stat.S_ISDIR(status.st_mode):
        raise IngestError("a directory, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise IngestError("not a regular file (a pipe, socket or device)")
    size = status.st_size
    if size > MAX_BYTES:
        raise IngestError(f"file too large ({size} bytes; the limit is {MAX_BYTES})")
    try:
        return path.read_bytes()
    except PermissionError as err:
        raise IngestError("permission denied") from err
    except OSError as err:
        raise IngestError(f"cannot read file: {err.strerror or err}") from err


def source_from_bytes(
    data: bytes, path: str | Path, *, ocr: str = "auto", deadline: float | None = None
) -> Source:
    """The ``Source`` of the bytes of the file ``path`` (its suffix helps pick the reader);
    ``IngestError`` when they hold no text. ``ocr`` and ``deadline`` as for ``read_source``."""
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    path = Path(path)
    if not data.strip():
        raise IngestError("empty file")
    kind = _sniff(data, path.suffix.lower())
    if kind == "pdf":
        text, warnings = _pdf_text(data, ocr, deadline)
        return Source(str(path), text, "pdf", warnings=warnings)
    if kind == "image":
        text, warnings = _image_text(data, ocr, deadline)
        return Source(str(path), text, "image", warnings=warnings)
    if kind == "docx":
        return Source(str(path), _docx_text(data), "docx")
    if kind in {"doc", "rtf"}:
        return Source(str(path), _docx_text(_converted(data, kind, deadline)), kind)
    text, encoding = decode_text(data)
    front = _FRONT_MATTER.match(text)
    if front:
        return Source(str(path), _post_text(front, text), "post", encoding)
    if kind == "html" or _looks_like_html(text):
        return Source(str(path), html_text(text), "html", encoding)
    return Source(str(path), text, "text", encoding)


_MAGIC = (
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),  # an OLE2 compound file: Word 97-2003
    (b"{\\rtf", "rtf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),  # JPEG
    (b"II*\x00", "image"),  # TIFF, little-endian
    (b"MM\x00*", "image"),  # TIFF, big-endian
)


def _sniff(data: bytes, suffix: str) -> str:
    """The format by magic bytes first (a wrong extension is common), then by suffix."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in {".pdf", ".docx"} | IMAGE_SUFFIXES:
        raise IngestError(f"not a valid {suffix[1:].upper()} file (wrong extension or truncated)")
    # a ".doc" that is none of these is often a web page or text saved under that name
    return "text"


# ---------------------------------------------------------------- plain text

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes of a text file; returns the text and the encoding used."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if _looks_utf16(data):
        # ASCII characters put their zero byte second in little-endian, first in big-endian
        sample = data[:2000]
        encoding = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        return data.decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:4096]:
        raise IngestError("binary file, not text")
    try:
        text = data.decode("utf-8")
        font = legacy.detect(text)
        return text, f"utf-8+{font}" if font else "utf-8"
    except UnicodeDecodeError:
        pass
    # 8-bit text: a legacy font encoding (TCVN3, VNI) shows as Latin-1, normalisation converts it
    latin = data.decode("latin-1")
    font = legacy.detect(latin)
    if font:
        return latin, font
    text = data.decode("cp1258", errors="replace")
    if text.count("\ufffd") > len(text) * 0.01:
        raise IngestError("unknown text encoding (neither UTF-8, UTF-16 nor Windows-1258)")
    return text, "cp1258"


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    return max(zeros_even, zeros_odd) > half * 0.3 and min(zeros_even, zeros_odd) < half * 0.05


# ---------------------------------------------------------------- HTML

_HTML_SIGNS = regex.compile(r"<(?:html|body|div|p|article|table)\b[^>]*>", regex.I)
# Elements that are page furniture rather than the article.
_CHROME_TAGS = "script, style, noscript, nav, header, footer, aside, form, iframe, button, svg"
_CHROME_ATTR = regex.compile(
    r"comment|binh-?luan|menu|nav|breadcrumb|share|social|print|email|footer|sidebar|"
    r"related|tin-?khac|tag|banner|advert|quang-?cao|search|login|rating",
    regex.I,
)
_BLOCK_END = regex.compile(
    r"(?i)(</(?:p|div|li|tr|h[1-6]|blockquote|section|article|table|ul|ol|dd|dt)>|<br\s*/?>)"
)
_CELL_END = regex.compile(r"(?i)(</t[dh]>)")


def _looks_like_html(text: str) -> bool:
    head = text[:4000]
    return len(_HTML_SIGNS.findall(head)) >= 2


def html_text(markup: str) -> str:
    """The readable article text of an HTML page: chrome removed, blocks on their own lines."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    markup = _BLOCK_END.sub(r"\1\n", markup)
    markup = _CELL_END.sub(r" | \1", markup)
    tree = HTMLParser(markup)
    for node in tree.css(_CHROME_TAGS):
        node.decompose()
    for node in tree.css("[class], [id]"):
        attrs = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if _CHROME_ATTR.search(attrs) and node.tag not in {"html", "body", "article", "main"}:
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        raise IngestError("HTML page without content")
    title = tree.css_first("title")
    text = root.text(separator="")
    if title is not None and title.text().strip() and title.text().strip() not in text:
        text = title.text().strip() + "\n" + text
    if not text.strip():
        raise IngestError("HTML page without text")
    return text


# A static-site post: a JSON front matter (title, date, ...) then an HTML body.
_FRONT_MATTER = regex.compile(r"\A---(?:json)?\s*\n(\{.*?\})\s*\n---\s*\n", regex.S)


def _post_text(front: regex.Match[str], text: str) -> str:
    """Headline, publication date (dd/mm/yyyy) and the body text of a static-site post."""
    import json

    try:
        meta = json.loads(front.group(1))
    except json.JSONDecodeError:
        meta = {}
    body = text[front.end() :]
    body = html_text(body) if _looks_like_html(body) or "<p" in body else body
    lines = [str(meta.get("title") or "").strip()]
    date = regex.match(r"(\d{4})-(\d{2})-(\d{2})", str(meta.get("date") or ""))
    if date:
        lines.append(f"{date.group(3)}/{date.group(2)}/{date.group(1)}")
    # the lead paragraph (sapo) is part of the article
    lines.append(str(meta.get("description") or "").strip())
    return "\n".join(line for line in lines if line) + "\n" + body


# ---------------------------------------------------------------- DOCX


def _docx_text(data: bytes) -> str:
    """Body paragraphs and tables in document order; cells joined by " | "."""
    import io

    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise IngestError(f"damaged or truncated DOCX file ({err.__class__.__name__})") from err
    except Exception as err:  # python-docx raises several kinds on malformed packages
        raise IngestError(f"unreadable DOCX file: {err}") from err
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = [cell.text.replace("\n", " / ").strip() for cell in row.cells]
                lines.append(" | ".join(_dedupe_merged(cells)))
    text = "\n".join(lines)
    if not text.strip():
        raise IngestError("DOCX file without text")
    return text


def _dedupe_merged(cells: list[str]) -> list[str]:
    """Merged cells repeat their text in every grid column they span; keep one."""
    kept: list[str] = []
    for cell in cells:
        if not kept or cell != kept[-1]:
            kept.append(cell)
    return kept


# ---------------------------------------------------------------- Word 97-2003, RTF


def _converted(data: bytes, kind: str, deadline: float | None) -> bytes:
    """The DOCX of a Word 97-2003 or RTF file, by LibreOffice."""
    try:
        return office.to_docx(data, f".{kind}", deadline)
    except office.ConversionTimeout as err:
        raise OutOfTime(str(err)) from err
    except office.ConversionError as err:
        name = "Word 97-2003" if kind == "doc" else "RTF"
        raise IngestError(f"unreadable {name} file: {err}") from err


# ---------------------------------------------------------------- PDF

# A page is read by OCR when its text layer holds fewer letters than MIN_LETTERS, or when
# images cover at least SCAN_COVER of it and its text layer is no more than a digital-signature
# stamp ("Ký bởi: ... Cơ quan: ... Thời gian ký: ...", 25-60 letters on the scans of the shared
# corpus). On the text PDFs of the shared corpus every page holds 142 letters or more (a last
# page with the signature) under images covering at most 10 % of it; the scanned pages hold
# none, under one image covering the whole page.
MIN_LETTERS = 20
SCAN_COVER = 0.5
SCAN_MAX_LETTERS = 100
# Below this mean word confidence (Tesseract's 0-100) a page gets an ``ocr_low_confidence``
# warning. Measured (benchmarks/ocr.py and pages drawn with specks, no despeckling): pages at
# 88 or more had character error rates of 6 % or less (the real scan 509: 92, 3.4 %); pages at
# 86 had 8 %, at 73-77 26-65 %, and the faint real scan 504 (69) is barely readable.
LOW_CONFIDENCE = 85.0


def _pdf_text(data: bytes, ocr_mode: str, deadline: float | None) -> tuple[str, tuple[TextWarning, ...]]:
    """The text of every page, pages joined by a newline: its text layer, or what OCR reads
    on it when it has none (or always, or never, as ``ocr_mode`` says)."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
            needed = [n for n, page in enumerate(pdf.pages) if _needs_ocr(page, pages[n])]
            scans = list(range(len(pages))) if ocr_mode == "always" else needed
            missing = None if not scans else "OCR is off (--ocr never)" if ocr_mode == "never" else ocr.unavailable()
            read = {} if missing else _read_scans(((n, _render(pdf.pages[n])) for n in scans), len(pages), deadline)
    except IngestError:
        raise
    except PDFSyntaxError as err:
        raise IngestError("damaged or truncated PDF file") from err
    except Exception as err:  # pdfminer and pdfium raise many kinds on broken files
        raise IngestError(f"unreadable PDF file ({err.__class__.__name__}: {err})") from err
    for n, page in read.items():
        pages[n] = page.text
    text = "\n".join(pages)
    if not text.strip():
        if missing:
            raise IngestError(f"PDF has no text layer (scanned image): needs OCR, but {missing}")
        raise IngestError("PDF has no text layer, and OCR found no text on its pages")
    skipped = [n for n in needed if n not in read]
    warnings = _ocr_warnings(read, len(pages))
    if skipped:
        warnings += (
            TextWarning(
                code="no_text_layer",
                message=f"{_page_list(skipped, len(pages))} without a text layer not read: {missing}",
            ),
        )
    return text, warnings


def _needs_ocr(page: Any, text: str) -> bool:
    letters = sum(char.isalpha() for char in text)
    if letters < MIN_LETTERS:
        return True
    if letters >= SCAN_MAX_LETTERS:
        return False
    area = float(page.width * page.height) or 1.0
    covered = sum(
        max(0.0, min(image["x1"], page.width) - max(image["x0"], 0))
        * max(0.0, min(image["bottom"], page.height) - max(image["top"], 0))
        for image in page.images
    )
    return covered / area >= SCAN_COVER


def _render(page: Any) -> Any:
    """A PDF page as a grey image at OCR resolution."""
    return page.to_image(resolution=ocr.RENDER_DPI).original.convert("L")


# ---------------------------------------------------------------- images and OCR


def _image_text(data: bytes, ocr_mode: str, deadline: float | None) -> tuple[str, tuple[TextWarning, ...]]:
    """The text OCR reads on every page of an image file (a TIFF may hold many)."""
    from PIL import Image, ImageSequence

    missing = "OCR is off (--ocr never)" if ocr_mode == "never" else ocr.unavailable()
    if missing:
        raise IngestError(f"an image (a scan or a photo): needs OCR, but {missing}")
    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = getattr(image, "n_frames", 1)
            pages = ((n, frame.convert("L")) for n, frame in enumerate(ImageSequence.Iterator(image)))
            read = _read_scans(pages, frames, deadline)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as err:
        raise IngestError(f"unreadable image file ({err})") from err
    text = "\n".join(page.text for page in read.values())
    if not text.strip():
        raise IngestError("OCR found no text in the image")
    return text, _ocr_warnings(read, frames)


def _read_scans(pages: Iterable[tuple[int, Any]], total: int, deadline: float | None) -> dict[int, ocr.PageText]:
    """OCR of the pages ``pages`` yields (their number and image, made as they are asked
    for), one after another while the document has time left."""
    read: dict[int, ocr.PageText] = {}
    for number, image in pages:
        try:
            read[number] = ocr.read_page(image, deadline)
        except ocr.OcrTimeout as err:
            raise OutOfTime(f"OCR had read {len(read)} of the {total} pages to read when time ran out") from err
        except ocr.OcrError as err:
            raise IngestError(f"OCR failed on page {number + 1}: {err}") from err
    return read


def _ocr_warnings(read: dict[int, ocr.PageText], total: int) -> tuple[TextWarning, ...]:
    """``ocr``: which pages OCR read; ``ocr_low_confidence``: those Tesseract was unsure of."""
    if not read:
        return ()
    confidences = {n: page.confidence for n, page in read.items() if page.confidence is not None}
    mean = f", mean word confidence {fmean(confidences.values()):.0f}/100" if confidences else ""
    warnings = [
        TextWarning(
            code="ocr",
            message=f"{_page_list(list(read), total)} read by OCR ({ocr.engine()}, Vietnamese){mean}",
        )
    ]
    low = {n: c for n, c in confidences.items() if c < LOW_CONFIDENCE}
    if low:
        each = ", ".join(f"{c:.0f}" for c in low.values())
        warnings.append(
            TextWarning(
                code="ocr_low_confidence",
                message=f"{_page_list(list(low), total)}: mean word confidence {each} (below "
                f"{LOW_CONFIDENCE:.0f}/100): expect misread letters and numbers",
            )
        )
    return tuple(warnings)


def _page_list(numbers: list[int], total: int) -> str:
    """ "page 3 of 3", "pages 1-4, 7 of 9" (``numbers`` count from 0)."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    spans = ", ".join(f"{run[0] + 1}" if len(run) == 1 else f"{run[0] + 1}-{run[-1] + 1}" for run in runs)
    return f"{'page' if len(numbers) == 1 else 'pages'} {spans} of {total}"
