"""``vanban report OUT/ --html report.html``: one self-contained page for an archive.

Counts, the most-cited instruments, the agencies with the most open obligations, the
upcoming deadlines, the documents by text quality and those to look at by hand, and every
document, each linking to its displaCy view (written beside the page in ``<report>_docs/``).
Inline CSS only: the page opens from a file, offline.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from pathlib import Path
from typing import Any

import regex

from extractors import quality
from pipeline.display import record_page
from pipeline.jsonl import read_records
from pipeline.obligations import next_occurrence, obligations, open_tasks_by_actor
from pipeline.record import LIST_FIELDS, Record
from pipeline.store import REVIEW_WARNINGS

CSS = """
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { background: #1f3b5a; color: #fff; padding: 1rem 2rem; }
header h1 { margin: 0; font-size: 1.4rem; }
main { padding: 1rem 2rem 3rem; }
section { margin: 1.2rem 0; }
h2 { font-size: 1.1rem; border-bottom: 2px solid #1f3b5a; padding-bottom: .2rem; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; }
.card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
.card b { display: block; font-size: 1.5rem; color: #1f3b5a; }
table { border-collapse: collapse; background: #fff; font-size: .88rem; }
td, th { border: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef; }
td.n { text-align: right; }
.bar { background: #feca74; height: .7rem; display: inline-block; vertical-align: middle; }
.empty { color: #777; font-style: italic; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def view_name(doc_id: str) -> str:
    """The file name of a document's view (ids are file stems; reduced to safe characters)."""
    return regex.sub(r"[^\p{L}\p{N}._-]+", "_", doc_id).strip("._")[:120] + ".html"


def _table(headers: list[str], rows: list[list[str]], empty: str) -> str:
    if not rows:
        return f"<p class='empty'>{_e(empty)}</p>"
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(rows_cell for rows_cell in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _td(value: Any, numeric: bool = False) -> str:
    return f"<td class='n'>{_e(value)}</td>" if numeric else f"<td>{_e(value)}</td>"


def build(records: list[Record], errors: int, docs_dir: str, today: dt.date, top: int = 15) -> str:
    """The report page's HTML."""
    link = {r.id: f"{docs_dir}/{view_name(r.id)}" for r in records}
    own_ids = {f"{r.doc_type} {r.number}": r.id for r in records if r.doc_type and r.number}

    def doc_link(doc_id: str, label: str | None = None) -> str:
        return f"<a href='{_e(link[doc_id])}'>{_e(label or doc_id)}</a>" if doc_id in link else _e(label or doc_id)

    kinds = Counter(r.kind for r in records)
    cards = [("documents", len(records)), ("news", kinds.get("news", 0)), ("errors", errors)]
    cards += [(name, sum(len(getattr(r, name)) for r in records)) for name in LIST_FIELDS]
    cards_html = "".join(f"<div class='card'><b>{n}</b>{_e(label)}</div>" for label, n in cards)
    types = Counter(r.doc_type or ("(tin bài)" if r.kind == "news" else "(không rõ)") for r in records)
    types_html = ", ".join(f"{_e(t)} {n}" for t, n in types.most_common())

    cited: dict[str, set[str]] = {}
    mentions: Counter[str] = Counter()
    for r in records:
        for ref in r.legal_refs:
            key = ref.id or f"{ref.doc_type} {ref.number or ref.name}"
            cited.setdefault(key, set()).add(r.id)
            mentions[key] += ref.mentions
    ranked = sorted(cited, key=lambda k: (-len(cited[k]), -mentions[k], k))[:top]
    most = max((len(cited[k]) for k in ranked), default=1)
    cited_rows = [
        [
            f"<td>{doc_link(own_ids[k], k) if k in own_ids else _e(k)}</td>",
            _td(len(cited[k]), True),
            f"<td><span class='bar' style='width:{6 * len(cited[k]) / most:.1f}rem'></span></td>",
            _td(mentions[k], True),
            "<td>" + ", ".join(doc_link(d) for d in sorted(cited[k])) + "</td>",
        ]
        for k in ranked
    ]

    agencies = list(open_tasks_by_actor(records, today).items())[:top]
    most_open = max((n for _, n in agencies), default=1)
    agency_rows = [
        [_td(actor), _td(n, True), f"<td><span class='bar' style='width:{6 * n / most_open:.1f}rem'></span></td>"]
        for actor, n in agencies
    ]

    upcoming = []
    for item in obligations(records):
        when = next_occurrence(item.due, item.recurrence, today)
        if when >= today:
            upcoming.append((when, item))
    upcoming.sort(key=lambda pair: (pair[0], pair[1].doc_id))
    upcoming_rows = [
        [
            _td(when.isoformat()),
            _td(item.recurrence or ""),
            _td(", ".join(item.actors)),
            _td(item.summary),
            f"<td>{doc_link(item.doc_id, item.document)}</td>",
        ]
        for when, item in upcoming[: top * 2]
    ]

    bands = {r.id: _band(r) for r in records}
    band_counts = Counter(bands.values())
    band_rows = [
        [_td(name), _td(_BAND_MEANING[name]), _td(band_counts[name], True)] for name in quality.BANDS if band_counts[name]
    ]
    review = sorted(
        (r for r in records if bands[r.id] == "poor" or any(w.code in REVIEW_WARNINGS for w in r.warnings)),
        key=lambda r: (r.quality if r.quality is not None else -1.0, r.id),
    )
    review_rows = [
        [
            f"<td>{doc_link(r.id)}</td>",
            _td(r.quality, True),
            _td(bands[r.id]),
            "<td>" + "<br>".join(f"<b>{_e(w.code)}</b>: {_e(w.message)}" for w in r.warnings) + "</td>",
        ]
        for r in review
    ]

    doc_rows = [
        [
            f"<td>{doc_link(r.id)}</td>",
            _td(r.doc_type or r.kind),
            _td(r.number),
            _td(r.issue_date),
            _td(r.issuer),
            _td(r.title),
            _td(r.quality, True),
        ]
        + [_td(len(getattr(r, name)), True) for name in LIST_FIELDS]
        for r in sorted(records, key=lambda r: r.id)
    ]

    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>vanban report</title><style>{CSS}</style></head>
<body><header><h1>vanban — báo cáo kho văn bản</h1>
<div>{len(records)} documents · generated {_e(today.isoformat())}</div></header><main>
<section><h2>Counts</h2><div class="cards">{cards_html}</div><p>By type: {types_html}</p></section>
<div class="grid">
<section><h2>Most-cited instruments</h2>{_table(
        ["instrument", "documents", "", "mentions", "cited by"], cited_rows,
        "No legal references extracted yet.")}</section>
<section><h2>Agencies with the most open obligations</h2>{_table(
        ["agency", "open tasks", ""], agency_rows, "No tasks extracted yet.")}</section>
</div>
<section><h2>Upcoming deadlines (from {_e(today.isoformat())})</h2>{_table(
        ["due", "repeats", "who", "what", "document"], upcoming_rows,
        "No upcoming deadlines in the archive.")}</section>
<div class="grid">
<section><h2>Text quality</h2>{_table(["band", "what it means", "documents"], band_rows,
        "No documents.")}</section>
<section><h2>To look at by hand</h2>{_table(
        ["document", "quality", "band", "warnings"], review_rows,
        "No document is damaged, lacks its header or has low OCR confidence.")}</section>
</div>
<section><h2>Documents</h2>{_table(
        ["document", "type", "number", "date", "issuer", "title", "quality", *LIST_FIELDS], doc_rows,
        "No documents.")}</section>
</main></body></html>
"""


_BAND_MEANING = {
    "good": f"reads: {quality.READABLE:.0%} of its words or more are Vietnamese words, numbers or codes",
    "fair": f"damaged (bad OCR, stray glyphs) but readable: {quality.FAIR:.0%} of its words or more",
    "poor": f"fewer than {quality.FAIR:.0%} of its words read: its fields cannot be trusted",
    "unknown": "no word to judge",
}


def _band(record: Record) -> str:
    return quality.band(record.quality, any(w.code == "damaged_text" for w in record.warnings))


def write_report(out_dir: Path, html_path: Path, today: dt.date | None = None) -> dict[str, Any]:
    """Write the report page and one displaCy view per document; returns what was written."""
    today = today or dt.date.today()
    records = [Record.model_validate(row) for row in read_records(out_dir)]
    errors_file = out_dir / "errors.jsonl"
    errors = (
        sum(1 for line in errors_file.read_text(encoding="utf-8").splitlines() if line.strip())
        if errors_file.exists()
        else 0
    )
    html_path.parent.mkdir(parents=True, exist_ok=True)
    docs_dir = f"{html_path.stem}_docs"
    (html_path.parent / docs_dir).mkdir(exist_ok=True)
    page_of = {f"{r.doc_type} {r.number}": view_name(r.id) for r in records if r.doc_type and r.number}
    for record in records:
        view = record_page(record, links=page_of, back=f"../{html_path.name}")
        (html_path.parent / docs_dir / view_name(record.id)).write_text(view, encoding="utf-8")
    html_path.write_text(build(records, errors, docs_dir, today), encoding="utf-8")
    return {"documents": len(records), "errors": errors, "views": html_path.parent / docs_dir}


__all__ = ["build", "view_name", "write_report"]
