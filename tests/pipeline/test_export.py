"""Calendar export: obligations become iCalendar events, read back with icalendar."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from extractors.models import Deadline, Task
from pipeline.cli import main
from pipeline.export import export_ics
from pipeline.obligations import due_date, next_occurrence
from pipeline.store import write_output
from tests.conftest import SEEDS
from tests.gold_records import gold_record, gold_records


@pytest.mark.parametrize(
    ("value", "due"),
    [
        ("2021-10-15", dt.date(2021, 10, 15)),
        ("2026-06", dt.date(2026, 6, 30)),
        ("2026-02", dt.date(2026, 2, 28)),
        ("2026-Q3", dt.date(2026, 9, 30)),
        ("2026-H1", dt.date(2026, 6, 30)),
        ("2026", dt.date(2026, 12, 31)),
        ("2026-13-01", None),
        ("sớm", None),
    ],
)
def test_partial_dates_fall_due_at_the_end_of_their_period(value, due):
    assert due_date(value) == due


def test_next_occurrence_of_a_recurring_deadline():
    assert next_occurrence(dt.date(2022, 11, 15), "yearly", dt.date(2025, 12, 1)) == dt.date(2026, 11, 15)
    assert next_occurrence(dt.date(2025, 1, 31), "quarterly", dt.date(2025, 5, 1)) == dt.date(2025, 7, 31)
    assert next_occurrence(dt.date(2025, 1, 6), "weekly", dt.date(2025, 1, 8)) == dt.date(2025, 1, 13)


def _events(path):
    return [c for c in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def test_export_of_an_archive_with_recurrences_and_per_agency_calendars(tmp_path):
    chi_thi = gold_record(SEEDS / "002_b2209b564e01dc84.txt")
    text = chi_thi.text
    at = text.index("Sở Nội vụ")
    # the kinds of deadline the extractors give: quarterly, half-yearly, partial dates
    chi_thi.tasks += [
        Task(start=at, end=at + 9, text=text[at : at + 9], actors=["Sở Nội vụ"], action="báo cáo quý",
             deadline="2022-03-31", recurrence="quarterly"),
        Task(start=at, end=at + 9, text=text[at : at + 9], actors=["Sở Nội vụ", "Sở Tài chính"],
             action="tổng kết", deadline="2026-Q3"),
    ]
    chi_thi.deadlines.append(Deadline(start=at, end=at + 9, text=text[at : at + 9], date="2026-06", granularity="month"))
    records = [chi_thi, gold_record(SEEDS / "000_009e8832d9950d3a.txt")]
    out = tmp_path / "out"
    write_output(out, records)
    ics, agencies = tmp_path / "deadlines.ics", tmp_path / "agencies"
    assert main(["export", str(out), "--ics", str(ics), "--per-agency", str(agencies)]) == 0
    events = _events(ics)
    by_summary = {str(e["summary"]): e for e in events}
    quarterly = by_summary["Sở Nội vụ: báo cáo quý"]
    assert quarterly["rrule"]["FREQ"] == ["MONTHLY"] and quarterly["rrule"]["INTERVAL"] == [3]
    assert quarterly.decoded("dtstart") == dt.date(2022, 3, 31)
    assert by_summary["Sở Nội vụ, Sở Tài chính: tổng kết"].decoded("dtstart") == dt.date(2026, 9, 30)
    yearly = [e for e in events if e.get("rrule") and e["rrule"]["FREQ"] == ["YEARLY"]]
    assert yearly and all(e.decoded("dtstart") == dt.date(2022, 11, 15) for e in yearly)
    lone = [e for e in events if e.decoded("dtstart") == dt.date(2026, 6, 30)]
    assert len(lone) == 1 and "Chỉ thị 14/CT-UBND" in str(lone[0]["description"])
    assert len({str(e["uid"]) for e in events}) == len(events)
    files = {p.name: _events(p) for p in agencies.glob("*.ics")}
    assert len(files["so-noi-vu.ics"]) == 2
    assert [str(e["summary"]) for e in files["so-tai-chinh.ics"]] == ["Sở Nội vụ, Sở Tài chính: tổng kết"]


def test_export_of_the_bundled_corpus_output(tmp_path):
    write_output(tmp_path / "out", gold_records(SEEDS))
    result = export_ics([], tmp_path / "empty.ics")
    assert result["events"] == 0 and _events(tmp_path / "empty.ics") == []
    assert main(["export", str(tmp_path / "out"), "--ics", str(tmp_path / "all.ics")]) == 0
    assert len(_events(tmp_path / "all.ics")) >= 3
