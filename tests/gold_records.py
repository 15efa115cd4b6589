"""Records with their lists filled from the gold files, for testing the interfaces now.

In this branch the extractors of legal_refs, tasks, deadlines, statistics and people are not
merged yet, so records carry empty lists. The interfaces must be tested on real content: this
helper extracts a real corpus document and places each gold item at the span of the text it
was read from (its number, name, action phrase or date as written), skipping items whose text
cannot be found. It is test data, not an extractor.
"""

from __future__ import annotations

import json
from pathlib import Path

from extractors.models import Deadline, LegalRef, Person, Statistic, Task
from pipeline.batch import extract_file
from pipeline.record import Record


def _find(text: str, needle: str | None, after: int = 0) -> tuple[int, int] | None:
    if not needle:
        return None
    at = text.find(needle, after)
    if at < 0:
        at = text.lower().find(needle.lower(), after)
    return (at, at + len(needle)) if at >= 0 else None


def _date_forms(iso: str) -> list[str]:
    parts = iso.split("-")
    if len(parts) != 3:
        return [parts[0]]
    y, m, d = parts
    forms = []
    for dd in dict.fromkeys((d, d.lstrip("0"))):
        for mm in dict.fromkeys((m, m.lstrip("0"))):
            forms += [f"{dd}/{mm}/{y}", f"ngày {dd} tháng {mm} năm {y}", f"{dd}/{mm}", f"ngày {dd} tháng {mm}"]
    return forms


def _number_forms(value: float) -> list[str]:
    whole = f"{value:,.0f}".replace(",", ".") if value == int(value) else f"{value}".replace(".", ",")
    return [whole, f"{value:g}"]


def gold_record(txt: Path) -> Record:
    """The extracted record of ``txt`` with the lists of its gold file placed on the text."""
    record = extract_file(txt)
    assert isinstance(record, Record), record
    gold = json.loads(txt.with_name(txt.stem + ".gold.json").read_text(encoding="utf-8"))
    text = record.text
    for ref in gold.get("legal_refs", []):
        where = _find(text, ref.get("number")) or _find(text, ref.get("name"))
        if where:
            ident = f"{ref['doc_type']} {ref.get('number') or ref.get('name')}"
            record.legal_refs.append(
                LegalRef(start=where[0], end=where[1], text=text[where[0]:where[1]], id=ident, **ref)
            )
    for task in gold.get("tasks", []):
        where = _find(text, task["action"])
        if where:
            # a task's text runs from its action to the end of its line
            end = text.find("\n", where[1])
            end = len(text) if end < 0 else end
            record.tasks.append(Task(start=where[0], end=end, text=text[where[0]:end], **task))
    for deadline in gold.get("deadlines", []):
        where = next((w for f in _date_forms(deadline["date"]) if (w := _find(text, f))), None)
        if where:
            record.deadlines.append(Deadline(start=where[0], end=where[1], text=text[where[0]:where[1]], **deadline))
            # the task around (or just before) the date is the one it binds
            owner = [t for t in record.tasks if t.start <= where[0]]
            if owner:
                task = max(owner, key=lambda t: t.start)
                task.deadline, task.recurrence = deadline["date"], deadline.get("recurrence")
    cursor = 0
    for stat in gold.get("statistics", []):
        where = next((w for f in _number_forms(stat["value"]) if (w := _find(text, f, cursor))), None)
        where = where or next((w for f in _number_forms(stat["value"]) if (w := _find(text, f))), None)
        if where:
            cursor = where[1]
            record.statistics.append(Statistic(start=where[0], end=where[1], text=text[where[0]:where[1]], **stat))
    for person in gold.get("people", []):
        where = _find(text, person["name"])
        if where:
            record.people.append(Person(start=where[0], end=where[1], text=text[where[0]:where[1]], **person))
    return record


def gold_records(folder: Path) -> list[Record]:
    """``gold_record`` of every text with a gold file in ``folder``."""
    return [gold_record(p) for p in sorted(folder.glob("*.txt")) if p.with_name(p.stem + ".gold.json").exists()]
