"""Deadlines: dates by which something must be done.

A date is a deadline only when a trigger puts it as a limit ("trước ngày 15/10/2021",
"chậm nhất ngày ...", "hoàn thành trong tháng 4/2026", "Thời gian thực hiện: Quý II/2015");
free text is never searched for bare dates (a report is full of them, and "91,3%" is not one).
Values follow corpus/ANNOTATION.md: day-month-year order, partial dates keep their
granularity ("2026-06", "2023-Q3", "2026-H1", "2026"), a date without a year takes the
document's year, a yearly date its first occurrence after the document date.

``find(parsed, start, end)`` is the reusable finder the task extractor calls on an item.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from extractors.data import patterns, table
from extractors.models import Deadline
from extractors.structure import Parsed

# ---------------------------------------------------------------- patterns

# Roman quarter numbers as printed ("Quý II/2015", "quý III năm 2023"), or digits.
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = r"(?:IV|III|II|I|[1-4])(?![\p{L}\d])"
QUARTER = regex.compile(_QUARTER)

# The date expressions a trigger may govern, most specific first. Each names its parts.
DATE = (
    # 15/10/2021, 15-10-2021, 15.10.2021
    r"(?P<d1>\d{1,2})\s*[/.\-]\s*(?P<m1>\d{1,2})\s*[/.\-]\s*(?P<y1>\d{4})(?!\d)"
    # 15 tháng 11 năm 2021, 15 tháng 11 (year from the document)
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:năm|/)\s*(?P<y2>\d{4}))?(?!\d)"
    # ngày 20 hằng tháng: a day of every month (the first one after the document date)
    r"|(?P<dm>\d{1,2})\s+(?:hằng|hàng)\s+tháng(?!\s+\d)"
    # 15/5 (year from the document); not a fraction of a larger number
    r"|(?P<d3>\d{1,2})\s*/\s*(?P<m3>\d{1,2})(?![\d/%,.]\d|\d|%)"
    # quý III/2023, quý II, III/2015 (the last quarter named), quý I năm 2024
    rf"|[Qq]uý\s+(?P<q>{_QUARTER}(?:\s*(?:,|và|-|–)\s*(?:[Qq]uý\s+)?{_QUARTER})*)(?:\s*(?:/|năm)\s*(?P<yq>\d{{4}}))?"
    # 6 tháng đầu năm 2026 (H1), 6 tháng cuối năm (H2)
    r"|0?6\s+tháng\s+(?P<h>đầu|cuối)\s+năm(?:\s+(?P<yh>\d{4}))?"
    # tháng 6/2026, tháng 6 năm 2026, tháng 8 (year from the document)
    r"|[Tt]háng\s+(?P<m4>\d{1,2})(?:\s*(?:/|năm)\s*(?P<y4>\d{4}))?(?![\d/])"
    # năm 2026 (only after a completion trigger, see _YEAR_TRIGGER)
    r"|[Nn]ăm\s+(?P<y5>\d{4})(?!\d)"
)

_TRIGGERS = patterns("deadline_triggers.txt")
# An hour written before the date: "trước 15 giờ ngày 15 tháng 8 năm 2025", "trước 14 giờ, ngày ...".
TIME_OF_DAY = r"(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?\s*,?\s*)"


def _deadline(triggers: tuple[str, ...]) -> regex.Pattern[str]:
    """ "<trigger> <date>": the trigger and the date it governs, with at most a "ngày"/"là" between."""
    return regex.compile(
        rf"(?<![\p{{L}}])(?P<trigger>{'|'.join(f'(?:{t})' for t in triggers)})\s*(?:là\s+)?{TIME_OF_DAY}?(?:ngày\s+)?(?P<date>{DATE})",
        regex.I,
    )


DEADLINE = _deadline(_TRIGGERS)
# The "đến" triggers open with a look-behind ("từ 15/10/2020 đến 15/5/2021" is a period, not a limit)
# that ``regex`` checks before it reads the word, wherever it tries them: half the cost of DEADLINE
# at the anchor of another word, where they cannot match (their word begins with "Đ" or "đ"). Those
# anchors are matched without them.
_DEN_TRIGGERS = tuple(t for t in _TRIGGERS if t.startswith("(?<!"))
assert all(regex.match(r"\(\?<![^()]*\)đến", t) for t in _DEN_TRIGGERS)
DEADLINE_WITHOUT_DEN = _deadline(tuple(t for t in _TRIGGERS if t not in _DEN_TRIGGERS))
# The date's span is read by group number (a lookup by name costs a microsecond in ``regex``).
_DATE_GROUP = DEADLINE.groupindex["date"]
assert DEADLINE_WITHOUT_DEN.groupindex == DEADLINE.groupindex
# Where DEADLINE may match: the first word of every trigger, its first letter in either case and the
# rest in lower case as written ("Trước", "trước"; an all-capitals "TRƯỚC" is not looked at). Each
# word is found by its rest ("rước"), a pattern opening with a literal that the standard library's
# ``re`` finds with a tight loop, and its head ("T" or "t") is then checked; DEADLINE.match checks the
# boundaries at each candidate. A rest is not begun with "h" ("ch" + "ậm", not "c" + "hậm"): "h" is
# among the commonest letters (nh, th, ch, kh), and a literal opening with it is found slower.
# (One pattern opening with the class of first letters stops at every t, c, k, h, x, đ or v, a fifth
# of Vietnamese text, and tries all the rests there: about twice the cost. No rest holds the start of
# another trigger word, so the words are found independently.)
# "trong"/"vào" are triggers only before a month or quarter ("trong tháng 4/2026", "vào quý
# III"), and "trong" is the commonest word of all: the look-ahead spares DEADLINE.match the rest.
TRIGGER_WORDS = tuple(
    (len(heads[0]), heads, re.compile(rest))
    for heads, rest in (
        (("T", "t"), "rước"),
        (("Ch", "ch"), "ậm"),
        (("Kh", "kh"), r"ông\s+quá"),
        (("H", "h"), r"oàn\s+thành"),
        (("X", "x"), "ong"),
        (("Đ", "đ"), "ến"),
        (("Th", "th"), r"ời\s+(?:gian|hạn)"),
        (("T", "t"), r"rong(?=\s+(?i:tháng|quý))"),
        (("V", "v"), r"ào(?=\s+(?i:tháng|quý))"),
    )
)


def _trigger_starts(text: str, start: int, end: int) -> list[int]:
    """Where a trigger word of ``TRIGGER_WORDS`` begins in ``text[start:end]``, in text order."""
    starts = []
    for size, heads, rest in TRIGGER_WORDS:
        for found in rest.finditer(text, start + size, end):
            if text.startswith(heads, found.start() - size):
                starts.append(found.start() - size)
    starts.sort()
    return starts


# A date standing alone in a "Thời gian"/"Thời hạn" cell or field: the label is the trigger.
CELL = regex.compile(
    rf"(?P<trigger>)(?<![\p{{L}}\d])(?:trước\s+|chậm\s+nhất\s+|trong\s+)?(?:ngày\s+)?(?P<date>{DATE})",
    regex.I,
)

# A year alone is a completion time only after "hoàn thành"/"xong" or a "Thời gian/Thời hạn" label;
# "đến năm 2030" is a target, not a deadline.
_YEAR_TRIGGER = regex.compile(r"hoàn\s+thành|xong|thời\s+(?:gian|hạn)", regex.I)
# "Cả năm 2015", "Thường xuyên": the whole period, not a date to meet.
_WHOLE_PERIOD = regex.compile(r"cả\s+năm\s*$|trong\s+năm\s*$", regex.I)
# A time field opening with "Cả năm", "Trong năm": the whole year.
_WHOLE_YEAR_FIELD = regex.compile(r"\s*(?:cả|trong)\s+năm", regex.I)

# "trong thời hạn 30 ngày kể từ ngày ký": relative to the issue date; "Trong thời gian 30 ngày kể
# từ ngày Thông tư này có hiệu lực": relative to the date the document itself takes effect.
RELATIVE = regex.compile(
    r"trong\s+(?:thời\s+(?:hạn|gian)\s+|vòng\s+)?(?P<n>\d{1,3})\s+ngày(?P<work>\s+làm\s+việc)?,?\s+"
    r"(?:kể\s+)?từ\s+ngày\s+(?:(?P<signed>ký|ban\s+hành)|(?:\p{L}+\s+){1,3}này\s+có\s+hiệu\s+lực)",
    regex.I,
)
# "Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 7 năm 2026": when the document takes effect.
EFFECTIVE = regex.compile(
    r"này\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+ngày\s+"
    r"(?:(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))",
    regex.I,
)

# A table printed one cell per line (PDF text of a plan's task table): its time column's header
# ("Thời gian hoàn thành", "Thời hạn", "Tiến độ thực hiện") on lines of its own, then each row's
# time cell alone on a line ("Quý II/2028", "Tháng 3/2027"). The header is the trigger of the cells.
FLAT_TIME_HEADER = regex.compile(
    r"^[ \t]*(?:Thời\s+(?:gian|hạn)|Tiến\s+độ)(?:\s+(?:hoàn\s+thành|thực\s+hiện))?[ \t]*$", regex.M | regex.I
)
FLAT_TIME_CELL = regex.compile(rf"(?P<trigger>)^[ \t]*(?:(?:trước|chậm\s+nhất|trong)\s+)?(?:ngày\s+)?(?P<date>{DATE})[ \t.;]*$", regex.M | regex.I)

# "tính đến ngày 26/11/2024" (as of), "kéo dài thời gian ... đến quý I/2025" (a request reported):
# the date is a point of reference, not a limit.
# ... and how long something is valid: "có hiệu lực đến hết ngày 07/02/2027", "có thời hạn đến
# hết ngày 30/6/2026", "thời hạn đến hết ngày 23/4/2026" (a licence, a certificate, a product).
_NOT_A_LIMIT = regex.compile(
    r"(?:tính|kéo\s+dài\s+thời\s+gian[^.;\n]{0,60}|hiệu\s+lực|(?:có\s+)?thời\s+hạn|hạn\s+sử\s+dụng)\s*$", regex.I
)

# Past tense: "đã", "được ... tổ chức" in the rest of the sentence.
_PAST = regex.compile(r"(?<![\p{L}])(?:đã|vừa)\s", regex.I)
# What was done or holds before a date: "đã đóng ... trước ngày", "đang tham gia ... trước ngày".
_STATE = regex.compile(r"(?<![\p{L}])(?:đã|vừa|đang)\s", regex.I)
# "đến ngày 30 tháng 9 năm 2021 chưa có quyết định": what has not happened by a date, a condition.
_NOT_YET = regex.compile(r"\s*,?\s*(?:mà\s+|vẫn\s+)?chưa\s")
# A comma right after "Đến ngày ..." that opens a sentence: the date a report speaks as of.
_AS_OF = regex.compile(r"\s*,")
# The count a date cuts off: "Lũy kế GPMB đến ...", "Qua tổng rà soát, thống kê đến ngày ...".
_COUNTED_UP_TO = regex.compile(r"(?:lũy\s+kế|thống\s+kê|số\s+liệu)(?![\p{L}])", regex.I)
# What a count had reached by the date: "GPMB đến 01/6/2026 đạt 24 ha", "... đến ngày 15/5 đã cấp ...".
_REACHED = regex.compile(r"\s*,?\s*(?:đạt|đã|được|có|còn)(?![\p{L}])")
# A period opened earlier in the sentence: "từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày ...".
_PERIOD_OPEN = regex.compile(r"(?<![\p{L}])từ\s+(?:ngày\s+)?\d", regex.I)
# A named subject right after "Trong tháng 8/2025,": the body whose month a report tells.
_REPORTED_SUBJECT = regex.compile(r"\s*,\s*\p{Lu}")
# What makes a sentence an obligation rather than an account.
MODALITY_WORDS = regex.compile(r"(?<![\p{L}])(?:phải|cần|yêu\s+cầu|đề\s+nghị|giao|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm|khẩn\s+trương)(?![\p{L}])", regex.I)


def _opens_sentence(text: str, position: int) -> bool:
    """Whether ``position`` opens a line or follows a sentence's end (or an item's marker: "a) ")."""
    return _SENTENCE_OPENING.search(text, max(0, position - 12), position) is not None or position == 0


# What may stand between a sentence's end (or a line's start) and its first word: an item's marker.
_SENTENCE_OPENING = regex.compile(r"[\n.;:]\s*(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)]|[-+•])?[ \t]*$")

# A period "từ 15/10/2020 đến 15/5/2021" (the "đến" trigger is refused after "từ <date>").
_PERIOD_BEFORE = regex.compile(r"từ\s+(?:ngày\s+)?[\d/.\s\-]{3,12}$", regex.I)
# A sentence that states a condition: "Trường hợp ...", "Nếu ...".
_CONDITION = regex.compile(r"\s*(?:[-+•]\s*)?(?:Trường\s+hợp|Nếu)\s")


def _sentence_start(text: str, position: int, floor: int) -> int:
    """Where the sentence holding ``position`` starts (after a line break or ". ", from ``floor``)."""
    newline = text.rfind("\n", floor, position)
    full_stop = text.rfind(". ", floor, position)
    return max(floor, newline + 1 if newline >= 0 else floor, full_stop + 2 if full_stop >= 0 else floor)


_PERIOD_UNTIL = regex.compile(r"từ\s+(?:ngày\s+)?[\d/.\s\-]{3,12}đến\s+$", regex.I)


@cache
def _recurrences() -> tuple[regex.Pattern[str], tuple[str, ...]]:
    """All recurrence patterns as one alternation (group ``r<i>`` for row i): one scan finds the
    first recurrence word; at the same position the earlier row wins, as in the table."""
    rows = table("recurrence.tsv")
    pattern = "|".join(f"(?P<r{i}>{row['pattern']})" for i, row in enumerate(rows))
    return regex.compile(pattern, regex.I), tuple(row["recurrence"] for row in rows)


# ---------------------------------------------------------------- finder


@dataclass(frozen=True)
class Found:
    """A deadline read in the text: where, the value, its granularity and recurrence."""

    start: int
    end: int
    date: str
    granularity: str
    recurrence: str | None


# Every pattern of recurrence.tsv holds one of these words ("hằng năm", "định kỳ quý";
# tests/extractors/test_deadlines.py checks it): a span without them recurs not, and the
# full alternation, slow to scan, is not run over it.
RECURRENCE_WORDS = ("hằng", "hàng", "kỳ")


def recurrence_in(text: str, start: int = 0, end: int | None = None) -> str | None:
    """The first recurrence word in ``text[start:end]`` ("Hằng năm" → "yearly")."""
    end = len(text) if end is None else end
    lowered = text[start:end].lower()
    # the words of RECURRENCE_WORDS, tested with an "or" of ``in`` tests (cheaper than a generator)
    if not ("hằng" in lowered or "hàng" in lowered or "kỳ" in lowered):
        return None
    pattern, values = _recurrences()
    match = pattern.search(text, start, end)
    if match is None or match.lastgroup is None:
        return None
    return values[int(match.lastgroup[1:])]


def _document_date(parsed: Parsed) -> tuple[int | None, int | None, int | None]:
    header = parsed.header
    return header.year, header.month, header.day


def _paragraph(text: str, position: int, floor: int) -> int:
    """Start of the line holding ``position`` (not before ``floor``)."""
    return max(floor, text.rfind("\n", 0, position) + 1)


def _value(groups: dict[str, Any], parsed: Parsed, recurrence: str | None) -> tuple[str, str] | None:
    """The date named by the groups of a DATE match (``match.groupdict()``: one call, where each
    group read by name costs a microsecond) and its granularity."""
    year, month, day = _document_date(parsed)
    g = groups.__getitem__  # every group is a key (None where it took no part)
    if g("d1"):
        return _day(int(g("y1")), int(g("m1")), int(g("d1")))
    if g("d2") or g("d3"):
        d, m, y = (
            (int(g("d2")), int(g("m2")), g("y2")) if g("d2") else (int(g("d3")), int(g("m3")), None)
        )
        if y:
            return _day(int(y), m, d)
        if year is None:
            return None
        if recurrence == "yearly" and month is not None:
            # the first occurrence after the document date
            after = (m, d) > (month, day or 0)
            return _day(year if after else year + 1, m, d)
        return _day(year, m, d)
    if g("dm"):
        if year is None or month is None:
            return None
        d = int(g("dm"))
        m, y = (month, year) if d > (day or 0) else (month % 12 + 1, year + (month == 12))
        return _day(y, m, d)
    if g("q"):
        quarters = QUARTER.findall(g("q"))
        y = int(g("yq")) if g("yq") else year
        if y is None or not quarters:
            return None
        return f"{y}-Q{max(_QUARTERS[q] for q in quarters)}", "quarter"
    if g("h"):
        y = int(g("yh")) if g("yh") else year
        if y is None:
            return None
        return f"{y}-H{1 if g('h') == 'đầu' else 2}", "half"
    if g("m4"):
        m = int(g("m4"))
        y = int(g("y4")) if g("y4") else year
        if y is None or not 1 <= m <= 12:
            return None
        return f"{y}-{m:02d}", "month"
    if g("y5"):
        if g("trigger") and not _YEAR_TRIGGER.search(g("trigger")):
            return None
        return g("y5"), "year"
    return None


def _day(y: int, m: int, d: int) -> tuple[str, str] | None:
    try:
        return dt.date(y, m, d).isoformat(), "day"
    except ValueError:
        return None


def find(parsed: Parsed, start: int, end: int, scope_start: int | None = None) -> list[Found]:
    """Deadlines stated in ``parsed.text[start:end]``, in text order.

    Recurrence words are looked for from ``scope_start`` (the item or paragraph that holds
    the date: "Hằng năm, ... báo cáo trước ngày 15 tháng 11") to the end of the date's sentence.
    """
    text = parsed.text
    found: list[Found] = []
    for anchor in _trigger_starts(text, start, end):
        match = (DEADLINE if text[anchor] in "Đđ" else DEADLINE_WITHOUT_DEN).match(text, anchor, end)
        if match is None:
            continue
        before = text[max(start, match.start() - 40) : match.start()]
        if _WHOLE_PERIOD.search(before) or _NOT_A_LIMIT.search(
            text, max(start, match.start() - 90), match.start()
        ):
            continue
        groups = match.groupdict()
        if groups["trigger"][:2].lower() == "đế" and _PERIOD_BEFORE.search(before):
            continue
        if groups["trigger"][:5].lower() == "trước" and (
            _PERIOD_UNTIL.search(before)
            or _STATE.search(text, max(start, match.start() - 50), match.start())
            or _CONDITION.match(text, _sentence_start(text, match.start(), start))
        ):
            # "(áp dụng từ ngày 19/02/2025 đến trước ngày 01/10/2025)": a period's end; "đã đóng bảo
            # hiểm xã hội bắt buộc trước ngày 01 tháng 7 năm 2025": what was done before a date;
            # "Trường hợp cá nhân nhận được ... trước ngày 19/02/2025": a condition
            continue
        para = _paragraph(text, match.start(), start if scope_start is None else scope_start)
        if scope_start is not None:
            para = scope_start
        sentence_end = _sentence_end(text, match.end(), end)
        recurrence = recurrence_in(text, para, sentence_end)
        value = _value(groups, parsed, recurrence)
        if value is None:
            continue
        date, granularity = value
        trigger = groups["trigger"].lower()
        # "đến quý I/2025", "đến tháng 6": how long something lasts; only "đến <day>" is a limit
        if trigger.startswith("đến") and (granularity != "day" or _NOT_YET.match(text, match.end())):
            continue
        # "Trong tháng 10/2025, ... đã tiếp ...": a report of the month, not a limit
        if trigger.startswith(("trong", "vào")) and _PAST.search(text, match.end(), sentence_end):
            continue
        # "Đến ngày 25/02/2026, Chủ tịch ... đã ban hành ...": where a report stands at a date
        if trigger.startswith("đến") and _AS_OF.match(text, match.end()) and _opens_sentence(text, match.start()):
            continue
        sentence_start = _sentence_start(text, match.start(), start)
        if trigger.startswith("đến") and (
            _COUNTED_UP_TO.search(text, sentence_start, match.start())
            or _PERIOD_OPEN.search(text, sentence_start, match.start())
            or _REACHED.match(text, match.end())
        ):
            # "Lũy kế GPMB đến 01/6/2026 đạt 18 ha", "thống kê đến ngày 14/12/2025 toàn tỉnh có ...": a
            # count's cut-off; "từ ngày 15 tháng 12 năm trước kỳ báo cáo đến ngày 14 tháng 12": a period
            continue
        if (
            trigger.startswith(("trong", "vào"))
            and _opens_sentence(text, match.start())
            and _REPORTED_SUBJECT.match(text, match.end())
            and not MODALITY_WORDS.search(text, match.end(), sentence_end)
        ):
            # "Trong tháng 8/2025, Ban chỉ đạo tỉnh tiếp tục ...": what a body did in the month reported,
            # unlike "Trong tháng 9/2025, tập trung thực hiện ..." or "..., Sở Y tế phải hoàn thành ..."
            continue
        if granularity != "day" and recurrence == "yearly":
            recurrence = recurrence if granularity == "quarter" else None
        date_start, date_end = match.span(_DATE_GROUP)
        found.append(Found(date_start, date_end, date, granularity, recurrence))
    for match in RELATIVE.finditer(text, start, end):
        origin = _signed_on(parsed) if match.group("signed") else _effective_on(parsed)
        if origin is None:
            continue
        target = origin + dt.timedelta(days=int(match.group("n")))
        found.append(Found(match.start(), match.end(), target.isoformat(), "day", None))
    found.sort(key=lambda f: f.start)
    return [hit for hit in found if not _before_document(parsed, hit)]


def _signed_on(parsed: Parsed) -> dt.date | None:
    """The document's date, when the header gives it whole."""
    year, month, day = _document_date(parsed)
    if year is None or month is None or day is None:
        return None
    return dt.date(year, month, day)


def _effective_on(parsed: Parsed) -> dt.date | None:
    """The date the document says it takes effect ("... này có hiệu lực thi hành kể từ ngày ...")."""
    match = EFFECTIVE.search(parsed.text)
    if match is None:
        return None
    day, month, year = (match["d"], match["m"], match["y"]) if match["d"] else (match["d2"], match["m2"], match["y2"])
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _before_document(parsed: Parsed, hit: Found) -> bool:
    """Whether a date ends before the document was written: then it is history ("nghỉ hưởng trợ cấp
    hằng tháng trước ngày 01 tháng 01 năm 1995", "đến ngày 31/12/2025" in a later report), never a
    limit the document sets (a date written without its year is already read forward)."""
    year, month, day = _document_date(parsed)
    if year is None:
        return False
    return (period_end(hit.date) or "") < f"{year:04d}-{month or 1:02d}-{day or 1:02d}"


# The last day of a partial date's period: "2026" stands for 2026-12-31, "2026-Q1" for
# 2026-03-31, "2026-H1" for 2026-06-30, "2026-02" for 2026-02-28.
_PERIOD_END = {"Q1": "03-31", "Q2": "06-30", "Q3": "09-30", "Q4": "12-31", "H1": "06-30", "H2": "12-31"}


def period_end(value: str | None) -> str | None:
    """A deadline's date as the full ISO date it stands for (partial dates: their last day)."""
    if not value:
        return value
    parts = value.split("-")
    if len(parts) == 1 and parts[0].isdigit():
        return f"{parts[0]}-12-31"
    if len(parts) == 2 and parts[1] in _PERIOD_END:
        return f"{parts[0]}-{_PERIOD_END[parts[1]]}"
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
        year, month = int(parts[0]), int(parts[1])
        if 1 <= month <= 12:
            return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def _flat_table_cells(parsed: Parsed, start: int, end: int) -> list[Found]:
    """The time cells of a table printed one cell per line, after its time column's header."""
    text = parsed.text
    header = FLAT_TIME_HEADER.search(text, start, end)
    found: list[Found] = []
    if header is None:
        return found
    for match in FLAT_TIME_CELL.finditer(text, header.end(), end):
        value = _value(match.groupdict(), parsed, None)
        if value is not None:
            hit = Found(match.start("date"), match.end("date"), value[0], value[1], None)
            if not _before_document(parsed, hit):
                found.append(hit)
    return found


_LAST: tuple[Parsed, tuple[Found, ...]] | None = None


def find_all(parsed: Parsed) -> tuple[Found, ...]:
    """Deadlines of every region of the document, in text order.

    The task extractor and ``extract`` both need them; the last document's result is kept so
    the text is scanned once (the value depends on ``parsed`` alone).
    """
    global _LAST
    if _LAST is not None and _LAST[0] is parsed:
        return _LAST[1]
    hits = tuple(
        sorted(
            {
                hit
                for start, end in parsed.regions
                for hit in (*find(parsed, start, end), *_flat_table_cells(parsed, start, end))
            },
            key=lambda hit: (hit.start, hit.end, hit.date),
        )
    )
    _LAST = (parsed, hits)
    return hits


def find_value(parsed: Parsed, start: int, end: int) -> list[Found]:
    """Deadlines in a field that is a time by definition (a "Thời gian thực hiện" cell or bullet)."""
    text = parsed.text
    found: list[Found] = []
    if _WHOLE_PERIOD.search(text, start, min(end, start + 8)) or _WHOLE_YEAR_FIELD.match(text, start, end):
        return found
    matches = list(CELL.finditer(text, start, end))
    recurrence = recurrence_in(text, start, end) if matches else None  # the field's, for each date
    for match in matches:
        value = _value(match.groupdict(), parsed, recurrence)
        if value is not None:
            found.append(Found(match.start("date"), match.end("date"), value[0], value[1], None))
    return found


# The end of a sentence or clause.
SENTENCE_END = re.compile(r"[.;\n]")


def _sentence_end(text: str, position: int, limit: int) -> int:
    match = SENTENCE_END.search(text, position, limit)
    return match.start() if match else limit


# ---------------------------------------------------------------- extractor


def extract(parsed: Parsed) -> list[Deadline]:
    """Every distinct deadline of the document (one item per date + recurrence)."""
    items: list[Deadline] = []
    seen: set[tuple[str, str | None]] = set()
    for hit in find_all(parsed):
        key = (hit.date, hit.recurrence if hit.granularity == "day" else None)
        if key in seen:
            continue
        seen.add(key)
        items.append(
            Deadline(
                start=hit.start,
                end=hit.end,
                text=parsed.text[hit.start : hit.end],
                date=hit.date,
                recurrence=hit.recurrence if hit.granularity == "day" else None,  # type: ignore[arg-type]
                granularity=hit.granularity,  # type: ignore[arg-type]
            )
        )
    return items
