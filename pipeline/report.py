"""``vanban report OUT/ --html report.html``: one self-contained page for an archive.

Counts, the most-cited instruments, the agencies with the most open obligations (single
bodies, and groups apart), the upcoming deadlines, the documents by text quality and those to
look at by hand, and every document, each linking to its displaCy view (written beside the
page in ``<report>_docs/``). Every agency gets a page of its own in ``<report>_docs/agencies/``:
its obligations on a timeline and by issuing body, each linking to its document.
Inline CSS and SVG only: the pages open from files, offline.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from extractors import agencies, quality
from extractors.models import Agency, Task
from pipeline.agencies import agency_id, with_agencies
from pipeline.display import record_page
from pipeline.jsonl import read_records
from pipeline.obligations import document_label, due_date, next_occurrence, obligations
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

    duties = duties_by_agency(records)
    open_counts = {key: sum(1 for duty in found if duty.open_on(today)) for key, found in duties.items()}

    def agency_rows(groups: bool) -> list[list[str]]:
        keys = [key for key, found in duties.items() if found[0].agency.group == groups and open_counts[key]]
        keys = sorted(keys, key=lambda k: (-open_counts[k], duties[k][0].agency.name))[:top]
        most = max((open_counts[k] for k in keys), default=1)
        return [
            [
                f"<td><a href='{_e(docs_dir)}/agencies/{key}.html'>{_e(duties[key][0].agency.name)}</a></td>",
                _td(duties[key][0].agency.place or ""),
                _td(open_counts[key], True),
                f"<td><span class='bar' style='width:{6 * open_counts[key] / most:.1f}rem'></span></td>",
            ]
            for key in keys
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
        ["agency", "place", "open tasks", ""], agency_rows(False), "No tasks extracted yet.")}
<h3>Groups of agencies</h3>{_table(
        ["group", "place", "open tasks", ""], agency_rows(True), "No task is given to a group.")}
<p><a href='{_e(docs_dir)}/agencies/index.html'>Every agency ({len(duties)})</a></p></section>
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


@dataclass(frozen=True)
class Duty:
    """One task of one agency: the record it is in, the task, and the agency as the task names it."""

    record: Record
    task: Task
    index: int
    agency: Agency

    @property
    def due(self) -> dt.date | None:
        """When it falls due (partial dates: the end of their period)."""
        return due_date(self.task.deadline)

    def open_on(self, today: dt.date) -> bool:
        """Still to do on ``today``: undated, recurring, or due on or after it."""
        due = self.due
        return due is None or due >= today or self.task.recurrence is not None

    @property
    def issuing_body(self) -> str:
        """Who gave the task: the document's issuer, as an agency when it reads as one."""
        if self.record.issuer_agency is not None:
            return self.record.issuer_agency.name
        return self.record.issuer or "(không rõ cơ quan ban hành)"


def duties_by_agency(records: list[Record]) -> dict[str, list[Duty]]:
    """Every task of every canonical agency, by agency id (see ``pipeline.agencies``)."""
    found: dict[str, list[Duty]] = {}
    for record in records:
        for index, task in enumerate(record.tasks):
            for agency in task.agencies:
                found.setdefault(agency_id(agency.model_dump()), []).append(Duty(record, task, index, agency))
    return found


def _timeline(duties: list[Duty], today: dt.date, doc_href: dict[str, str]) -> str:
    """The dated obligations as dots on a line (an inline SVG; each dot links to its document)."""
    dated = sorted((d for d in duties if d.due is not None), key=lambda d: d.due or today)
    if not dated:
        return "<p class='empty'>No obligation of this agency has a deadline.</p>"
    first, last = min(dated[0].due or today, today), max(dated[-1].due or today, today)
    span = max((last - first).days, 1)
    width, left, right = 760, 20, 740

    def x(day: dt.date) -> float:
        return left + (right - left) * (day - first).days / span

    marks = [
        f"<line x1='{left}' y1='40' x2='{right}' y2='40' stroke='#1f3b5a'/>",
        f"<line x1='{x(today):.1f}' y1='15' x2='{x(today):.1f}' y2='65' stroke='#c33' stroke-dasharray='3'/>",
        f"<text x='{x(today):.1f}' y='12' font-size='10' text-anchor='middle' fill='#c33'>{_e(today.isoformat())}</text>",
        f"<text x='{left}' y='80' font-size='10'>{_e(first.isoformat())}</text>",
        f"<text x='{right}' y='80' font-size='10' text-anchor='end'>{_e(last.isoformat())}</text>",
    ]
    for row, duty in enumerate(dated):
        due = duty.due or today
        colour = "#feca74" if duty.open_on(today) else "#9aa"
        tip = f"{due.isoformat()} — {_summary(duty.task)} ({document_label(duty.record)})"
        dot = f"<circle cx='{x(due):.1f}' cy='{32 + 8 * (row % 3)}' r='5' fill='{colour}' stroke='#1f3b5a'><title>{_e(tip)}</title></circle>"
        href = doc_href.get(duty.record.id)
        marks.append(f"<a href='{_e(href)}'>{dot}</a>" if href else dot)
    return f"<svg width='{width}' height='90' role='img' aria-label='timeline'>{''.join(marks)}</svg>"


def _summary(task: Task, size: int = 110) -> str:
    text = " ".join((task.action or task.text).split())
    return text if len(text) <= size else text[: size - 1] + "…"


def agency_page(agency: Agency, duties: list[Duty], today: dt.date, doc_href: dict[str, str], back: str) -> str:
    """The page of one agency: what it is, its obligations on a timeline and by issuing body."""
    after = agencies.successor(agency)
    facts = [
        ("level", agency.level),
        ("place", agency.place or "—"),
        ("group", "yes: a collective actor" if agency.group else "no"),
        ("written as", "; ".join(sorted({d.agency.text for d in duties}))),
    ]
    if after:
        facts.append(("successor", f"{after[0]} (from {after[1]})" if after[1] else after[0]))
    facts_html = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts)
    open_count = sum(1 for d in duties if d.open_on(today))
    by_body: dict[str, list[Duty]] = {}
    for duty in duties:
        by_body.setdefault(duty.issuing_body, []).append(duty)
    sections = []
    for body in sorted(by_body, key=lambda b: (-len(by_body[b]), b)):
        rows = [
            [
                _td(duty.due.isoformat() if duty.due else ""),
                _td(duty.task.recurrence or ""),
                _td("open" if duty.open_on(today) else "past"),
                _td(_summary(duty.task)),
                f"<td><a href='{_e(doc_href.get(duty.record.id, ''))}'>{_e(document_label(duty.record))}</a></td>",
            ]
            for duty in sorted(by_body[body], key=lambda d: (d.due or dt.date.max, d.record.id, d.index))
        ]
        sections.append(
            f"<h3>{_e(body)} ({len(rows)})</h3>" + _table(["due", "repeats", "status", "what", "document"], rows, "")
        )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{_e(agency.name)}</title><style>{CSS}</style></head>
<body><header><h1>{_e(agency.name)}</h1>
<div>{len(duties)} obligations, {open_count} open on {_e(today.isoformat())} · <a style='color:#fff' href='{_e(back)}'>back to the report</a></div></header><main>
<section><table>{facts_html}</table></section>
<section><h2>Timeline</h2>{_timeline(duties, today, doc_href)}</section>
<section><h2>By issuing body</h2>{"".join(sections)}</section>
</main></body></html>
"""


def _agency_index(duties: dict[str, list[Duty]], today: dt.date, back: str) -> str:
    rows = [
        [
            f"<td><a href='{key}.html'>{_e(found[0].agency.name)}</a></td>",
            _td(found[0].agency.level),
            _td(found[0].agency.place or ""),
            _td("group" if found[0].agency.group else ""),
            _td(len(found), True),
            _td(sum(1 for d in found if d.open_on(today)), True),
        ]
        for key, found in sorted(duties.items(), key=lambda kv: (kv[1][0].agency.name.casefold(), kv[0]))
    ]
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Agencies</title><style>{CSS}</style></head>
<body><header><h1>Agencies</h1><div><a style='color:#fff' href='{_e(back)}'>back to the report</a></div></header><main>
{_table(["agency", "level", "place", "", "obligations", "open"], rows, "No agencies.")}
</main></body></html>
"""


def write_report(out_dir: Path, html_path: Path, today: dt.date | None = None) -> dict[str, Any]:
    """Write the report page, one displaCy view per document and one page per agency; returns
    what was written."""
    today = today or dt.date.today()
    records = [with_agencies(Record.model_validate(row)) for row in read_records(out_dir)]
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
    agencies_dir = html_path.parent / docs_dir / "agencies"
    agencies_dir.mkdir(exist_ok=True)
    doc_href = {record.id: f"../{view_name(record.id)}" for record in records}
    duties = duties_by_agency(records)
    back = f"../../{html_path.name}"
    for key, found in duties.items():
        page = agency_page(found[0].agency, found, today, doc_href, back)
        (agencies_dir / f"{key}.html").write_text(page, encoding="utf-8")
    (agencies_dir / "index.html").write_text(_agency_index(duties, today, back), encoding="utf-8")
    html_path.write_text(build(records, errors, docs_dir, today), encoding="utf-8")
    return {"documents": len(records), "errors": errors, "views": html_path.parent / docs_dir, "agencies": len(duties)}


__all__ = ["agency_page", "build", "duties_by_agency", "view_name", "write_report"]
