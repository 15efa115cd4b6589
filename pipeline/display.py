"""The displaCy view of one document: its text with every extraction highlighted.

``vanban show FILE --html OUT.html`` renders a file through the spaCy component; the report
renders the views of an archive straight from its records. Both come here, so a document
looks the same either way. Pages are self-contained (inline CSS, no scripts, no CDN).

displaCy's ``span`` style is used (``manual=True``) because extractions overlap: a task
contains its deadline and the instruments it cites. The text is rendered one line at a time
with words as tokens, so the document keeps its line breaks; a span crossing lines carries
its label on each line.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

import regex
from spacy import displacy

from pipeline.record import Record
from pipeline.spans import COLORS, LABELS, Mark, marks

_WORD = regex.compile(r"\S+")


@dataclass(frozen=True)
class Highlight:
    """A character span of the shown text with its label, gloss and optional link."""

    start: int
    end: int
    label: str
    detail: str = ""
    url: str = ""


def highlights_of(found: Iterable[Mark], links: dict[str, str] | None = None) -> list[Highlight]:
    """Highlights from a record's marks; ``links`` maps a legal reference id to a page."""
    links = links or {}
    return [
        Highlight(m.start, m.end, m.label, m.detail, links.get(m.detail, "") if m.field == "legal_refs" else "")
        for m in found
    ]


def _line_markup(line: str, offset: int, highlights: list[Highlight]) -> str:
    words = [(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(line)]
    if not words:
        return "<div class='blank'></div>"
    line_end = offset + len(line)
    spans = []
    for h in highlights:
        if h.end <= offset or h.start >= line_end:
            continue
        inside = [i for i, (s, e, _) in enumerate(words) if s < h.end and e > h.start]
        if not inside:
            continue
        detail = h.detail if len(h.detail) <= 48 else h.detail[:47] + "…"
        spans.append(
            {
                "start_token": inside[0],
                "end_token": inside[-1] + 1,
                "label": h.label,
                "kb_id": html.escape(detail) if h.start >= offset else "",
                "kb_url": html.escape(h.url or "#"),
            }
        )
    data = {"text": line, "tokens": [w for _, _, w in words], "spans": spans}
    options = {"colors": COLORS, "top_offset": 36, "span_label_offset": 16, "top_offset_step": 12}
    return str(displacy.render(data, style="span", manual=True, options=options, page=False))


def body_markup(text: str, highlights: list[Highlight]) -> str:
    """The displaCy markup of ``text`` with ``highlights``, line by line."""
    out = []
    offset = 0
    for line in text.split("\n"):
        out.append(_line_markup(line, offset, highlights))
        offset += len(line) + 1
    return "\n".join(out)


CSS = """
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #1f3b5a; color: #fff; padding: 1rem 2rem; }
header h1 { margin: 0 0 .3rem 0; font-size: 1.3rem; }
header a { color: #cde; }
main { padding: 1rem 2rem 3rem; max-width: 70rem; }
table.fields { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
table.fields td, table.fields th { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
table.fields th { background: #eef; }
.legend span { display: inline-block; padding: 2px 6px; margin: 2px; border-radius: 3px; font-size: .75rem; font-weight: bold; }
.document { background: #fff; border: 1px solid #ddd; padding: 1rem 1.5rem; }
.document .spans { line-height: 2.6 !important; }
.document .spans > span > span > span { white-space: nowrap; }
.blank { height: .8rem; }
"""


def _fields_table(record: Record, counts: dict[str, int]) -> str:
    rows = [
        ("id", record.id),
        ("kind", record.kind),
        ("type", record.doc_type),
        ("number", record.number),
        ("issuer", record.issuer),
        ("date", record.issue_date),
        ("place", record.place),
        ("title", record.title),
        ("signer", ", ".join(v for v in (record.signer.title, record.signer.name) if v) if record.signer else None),
    ]
    cells = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(v or '—')}</td></tr>" for k, v in rows)
    found = ", ".join(f"{n} {name}" for name, n in counts.items())
    cells += f"<tr><th>extractions</th><td>{html.escape(found)}</td></tr>"
    return f"<table class='fields'>{cells}</table>"


def legend() -> str:
    """The colour of each label."""
    return "<div class='legend'>" + "".join(
        f"<span style='background:{COLORS[label]}'>{label}</span>" for label in LABELS
    ) + "</div>"


def render_page(record: Record, text: str, highlights: list[Highlight], back: str | None = None) -> str:
    """A self-contained HTML page: the record's fields, a legend and the highlighted text."""
    counts = {name: len(getattr(record, name)) for name in ("legal_refs", "tasks", "deadlines", "statistics", "people")}
    title = record.title or record.number or record.id
    nav = f"<a href='{html.escape(back)}'>← report</a> · " if back else ""
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(record.id)} — vanban</title>
<style>{CSS}</style></head>
<body><header><h1>{html.escape(title)}</h1><div>{nav}{html.escape(record.source)}</div></header>
<main>{_fields_table(record, counts)}{legend()}
<div class="document">{body_markup(text, highlights)}</div></main></body></html>
"""


def record_page(record: Record | dict, links: dict[str, str] | None = None, back: str | None = None) -> str:
    """The view of a stored record (its normalised text and extractions)."""
    if isinstance(record, dict):
        record = Record.model_validate(record)
    return render_page(record, record.text, highlights_of(marks(record), links), back)
