"""Obligations of an archive: tasks with their deadlines, and deadlines no task claims.

One reading of the records that the calendar export, the report and the notebooks share.
Dates may be partial ("2026-06", "2026-Q3", "2026-H1", "2026"): such a deadline falls due at
the end of its period.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import regex

from extractors import agencies
from pipeline.record import Record

NO_ACTOR = "(chưa rõ chủ thể)"
_DATE = regex.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?$")
# recurrence → (months, weeks, days) between occurrences
STEP = {
    "yearly": (12, 0, 0),
    "half-yearly": (6, 0, 0),
    "quarterly": (3, 0, 0),
    "monthly": (1, 0, 0),
    "weekly": (0, 1, 0),
    "daily": (0, 0, 1),
}


def due_date(value: str | None) -> dt.date | None:
    """The day a (possibly partial) ISO date falls due: the end of its period; None if unreadable."""
    match = _DATE.match(value or "")
    if not match:
        return None
    year = int(match[1])
    try:
        if match[3]:
            return dt.date(year, int(match[2]), int(match[3]))
        if match[2]:
            month = int(match[2])
        elif match[4]:
            month = int(match[4]) * 3
        elif match[5]:
            month = int(match[5]) * 6
        else:
            month = 12
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months``, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_occurrence(first: dt.date, recurrence: str | None, today: dt.date) -> dt.date:
    """The first occurrence on or after ``today`` of a deadline recurring from ``first``."""
    if recurrence not in STEP or first >= today:
        return first
    months, weeks, days = STEP[recurrence]
    if months:
        count = max(0, ((today.year - first.year) * 12 + today.month - first.month) // months - 1)
        day = add_months(first, count * months)
        while day < today:
            count += 1
            day = add_months(first, count * months)
        return day
    step = dt.timedelta(weeks=weeks, days=days)
    return first + step * -(-(today - first).days // step.days)


@dataclass
class Obligation:
    """Something an agency must do by a date: a task with a deadline, or a lone deadline."""

    doc_id: str
    document: str
    due: dt.date
    date: str
    recurrence: str | None
    actors: list[str]
    summary: str
    text: str
    kind: str  # "task" or "deadline"
    index: int
    coordinators: list[str] = field(default_factory=list)


def document_label(record: Record) -> str:
    """How a document is named to a person: type and number, else its title, else its id."""
    if record.number:
        return f"{record.doc_type or 'Văn bản'} {record.number}"
    return record.title or record.id


def _short(text: str, size: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def obligations(records: Iterable[Record | dict[str, Any]]) -> list[Obligation]:
    """Every dated obligation of the records, by due date."""
    found: list[Obligation] = []
    for raw in records:
        record = Record.model_validate(raw) if isinstance(raw, dict) else raw
        label = document_label(record)
        claimed: set[str] = set()
        for index, task in enumerate(record.tasks):
            due = due_date(task.deadline)
            if due is None or task.deadline is None:
                continue
            claimed.add(task.deadline)
            found.append(
                Obligation(
                    record.id,
                    label,
                    due,
                    task.deadline,
                    task.recurrence,
                    task.actors or [NO_ACTOR],
                    _short(task.action or task.text),
                    task.text,
                    "task",
                    index,
                    task.coordinators,
                )
            )
        for index, deadline in enumerate(record.deadlines):
            due = due_date(deadline.date)
            if due is None or deadline.date in claimed:
                continue
            found.append(
                Obligation(
                    record.id,
                    label,
                    due,
                    deadline.date,
                    deadline.recurrence,
                    [NO_ACTOR],
                    _short(f"Hạn theo {label}: {deadline.text}"),
                    deadline.text,
                    "deadline",
                    index,
                )
            )
    return sorted(found, key=lambda o: (o.due, o.doc_id, o.kind, o.index))


def open_tasks_by_actor(records: Iterable[Record | dict[str, Any]], today: dt.date) -> dict[str, int]:
    """Per actor, the tasks still open on ``today``: undated, recurring, or due on or after it."""
    counts: dict[str, int] = {}
    for raw in records:
        record = Record.model_validate(raw) if isinstance(raw, dict) else raw
        for task in record.tasks:
            due = due_date(task.deadline)
            if due is not None and due < today and not task.recurrence:
                continue
            for actor in task.actors or [NO_ACTOR]:
                counts[actor] = counts.get(actor, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


# One body's obligations in an output folder's database (the agency_obligations view): the body
# itself, the bodies it took over by the as_of date ($successor), and, when asked, the groups of
# its level and place that name its kind ("các sở, ban, ngành" for a Sở), marked by via_group.
_AGENCY_SQL = """
SELECT o.due, o.deadline, o.recurrence, o.agency, o.place, o.level,
       CASE WHEN o.is_group THEN o.agency END AS via_group,
       coalesce(nullif(o.action, ''), o.text) AS action, o.issuing_body,
       coalesce(o.doc_type || ' ' || o.number, o.title, o.document_id) AS document,
       o.issue_date, o.document_id, o.task, o.source, o.actor,
       (o.due IS NULL OR o.due >= $as_of::DATE OR o.recurrence IS NOT NULL) AS open
FROM agency_obligations o
WHERE (
        (lower(o.agency) = lower($name) OR ($prefix AND lower(o.agency) LIKE lower($name) || ' %'))
          AND ($place IS NULL OR o.place IS NULL OR lower(o.place) = lower($place))
        OR (lower(o.successor) = lower($name) AND coalesce(o.successor_since, '') <= $as_of)
        OR ($groups AND o.is_group AND o.level = $level AND o.place IS NOT DISTINCT FROM $place
            AND regexp_matches(lower(o.agency), '(^|[ ,])' || lower($kind) || '([ ,]|$)'))
      )
  AND (NOT $open OR o.due IS NULL OR o.due >= $as_of::DATE OR o.recurrence IS NOT NULL)
ORDER BY o.is_group, o.due NULLS LAST, o.document_id, o.task
"""


def agency_obligations(
    location: Any,
    agency: str,
    place: str | None = None,
    as_of: dt.date | None = None,
    open_only: bool = False,
    groups: bool = False,
) -> tuple[str, Any]:
    """The obligations of one body in an output folder's database, soonest first: its canonical
    name and a DataFrame (due, deadline, action, issuing body, document ...).

    ``agency`` is read as a document of ``place`` would write it ("Sở Nội vụ" with place "Lâm
    Đồng" is "Sở Nội vụ tỉnh Lâm Đồng"; "Sở NN&PTNT" is written out); without a place, every
    body whose canonical name starts with it answers. The bodies merged into it count from the
    merger on, as of ``as_of`` (default today); ``open_only`` keeps what is still open on that
    date (undated, recurring, or due on or after it); ``groups`` adds the groups of its level
    and place ("các sở, ban, ngành"), marked in ``via_group``.
    """
    from pipeline.store import query

    day = (as_of or dt.date.today()).isoformat()
    wanted = agencies.resolve(agency, agencies.setting(None, place, day))
    parameters = {
        "name": wanted.name,
        "prefix": place is None,
        "place": wanted.place if place else None,
        "level": wanted.level,
        "kind": wanted.name.split(" ", 1)[0],
        "as_of": day,
        "open": open_only,
        "groups": groups,
    }
    return wanted.name, query(location, _AGENCY_SQL, as_of=day, parameters=parameters)
