"""``vanban export OUT/ --ics deadlines.ics``: obligations as iCalendar events.

One VEVENT per task with a deadline and per deadline no task claims: an all-day event on the
due day (a partial date falls at the end of its period), with an RRULE when it recurs, the
actors as CATEGORIES and ATTENDEE-free (no addresses are invented). ``--per-agency DIR``
writes one calendar per actor, so an agency imports only its own obligations.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import regex
from icalendar import Calendar, Event, vRecur

from pipeline.obligations import Obligation, obligations
from pipeline.record import Record

PRODID = "-//vanban//obligations//VI"
RRULES: dict[str, dict[str, Any]] = {
    "yearly": {"FREQ": "YEARLY"},
    "half-yearly": {"FREQ": "MONTHLY", "INTERVAL": 6},
    "quarterly": {"FREQ": "MONTHLY", "INTERVAL": 3},
    "monthly": {"FREQ": "MONTHLY"},
    "weekly": {"FREQ": "WEEKLY"},
    "daily": {"FREQ": "DAILY"},
}


def _event(item: Obligation, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"{item.doc_id}-{item.kind}{item.index}@vanban")
    event.add("dtstamp", stamp)
    event.add("dtstart", item.due)
    event.add("dtend", item.due + dt.timedelta(days=1))
    actors = ", ".join(item.actors)
    event.add("summary", f"{actors}: {item.summary}" if item.kind == "task" else item.summary)
    lines = [item.text, "", f"Văn bản: {item.document} ({item.doc_id})", f"Hạn: {item.date}"]
    if item.coordinators:
        lines.append("Phối hợp: " + ", ".join(item.coordinators))
    event.add("description", "\n".join(lines))
    event.add("categories", item.actors)
    if item.recurrence in RRULES:
        event.add("rrule", vRecur(RRULES[item.recurrence]))
    return event


def calendar_of(items: Iterable[Obligation], name: str, stamp: dt.datetime | None = None) -> Calendar:
    """A calendar holding ``items``."""
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for item in items:
        cal.add_component(_event(item, stamp))
    return cal


def slug(name: str) -> str:
    """A file name for an agency: ASCII letters, digits and dashes (đ → d, accents dropped)."""
    folded = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_name = "".join(c for c in folded if not unicodedata.combining(c))
    return regex.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").lower()[:80] or "agency"


def export_ics(
    records: Iterable[Record | dict[str, Any]], ics: Path | None, per_agency: Path | None = None
) -> dict[str, Any]:
    """Write the calendar (and one per actor); returns counts and the files written."""
    items = obligations(records)
    written: list[Path] = []
    if ics is not None:
        ics.parent.mkdir(parents=True, exist_ok=True)
        ics.write_bytes(calendar_of(items, "vanban: hạn hoàn thành").to_ical())
        written.append(ics)
    agencies: dict[str, list[Obligation]] = {}
    for item in items:
        for actor in item.actors:
            agencies.setdefault(actor, []).append(item)
    if per_agency is not None:
        per_agency.mkdir(parents=True, exist_ok=True)
        used: set[str] = set()
        for actor, own in sorted(agencies.items()):
            name = slug(actor)
            while name in used:
                name += "-1"
            used.add(name)
            path = per_agency / f"{name}.ics"
            path.write_bytes(calendar_of(own, f"vanban: {actor}").to_ical())
            written.append(path)
    return {"events": len(items), "agencies": len(agencies), "files": written}
