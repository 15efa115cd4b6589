"""Statistics: every reported figure — counts, percentages, ratios, ranks, scores, changes.

Vietnamese writes numbers with "." between thousands and "," before decimals
("1.810" = 1810, "75,06%" = 75.06). A report states a figure with its unit noun right
after it ("giám sát được 83 cuộc", "1.670 lượt công dân"), a part of a whole as a ratio
("95/104 đạt 91,3%", "62/77 đơn"; flattened report tables chain them: "1.700/2.912/3.141"),
a rank with the number of ranked units ("xếp thứ 15/63 tỉnh, thành") and a change with
its basis ("tăng 24,1% so với cùng kỳ", "tăng 21 bậc").

Not figures: dates ("ngày 6/7", "tháng 4/2026"), document numbers ("39-NQ/TW"), section
and row numbers, years, ordinal names ("Quận 1", "khóa XI", "Thứ 2", "Tổ công tác số 2"),
durations ("15 ngày", "12 tháng") and thresholds in rules ("dưới 10 cán bộ"). A cap on a
rate ("tối đa 100% chi phí") is kept: a rate in a rule is a figure, like a money amount.

Tables (cells joined by tabs): each cell holding a figure is one statistic, its subject
the row's label, its unit or kind from the column header (``stat_headers.tsv``), its
total from a "tối đa" column; the row-number column is skipped.
"""

from __future__ import annotations

from functools import cache
from itertools import accumulate
from typing import Any, cast

import regex

from extractors import tables
from extractors.data import patterns, table
from extractors.models import Statistic, StatisticKind
from extractors.structure import Parsed

# ---------------------------------------------------------------- patterns

# A Vietnamese number: thousands joined by "." ("1.810", "20.316"), decimals after ","
# ("75,06"). Never glued to a letter ("sáng kiến1", "CN3", "Km78"), never the middle of a
# code ("1.013980", "39-NQ/TW", "12/2024/QĐ-TTg").
NUMBER = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
# A measure unit written glued to its figure ("2,6kg", "10.080kg"): the one letter run a figure may
# touch (``stat_measures.txt``).
GLUED_MEASURE = r"(?:{})(?![\p{{L}}\d])".format("|".join(regex.escape(m) for m in patterns("stat_measures.txt")))
# A unit starts after white space or with a glued measure: text starting with neither has no unit,
# and the unit pattern is not tried (``str.isspace`` holds for every character ``\s`` matches).
MEASURES = tuple(patterns("stat_measures.txt"))
FIGURE = regex.compile(
    rf"(?<![\p{{L}}\d.,_])(?<!\d[/-])(?<!\p{{L}}-)"
    rf"(?P<a>{NUMBER})(?:\s?/\s?(?P<b>{NUMBER})(?:/(?P<c>{NUMBER}))?)?"
    rf"(?!(?!{GLUED_MEASURE})[\d\p{{L}}]|[.,]\d|/[\d\p{{L}}]|-\s?\p{{L}})"
)
# Its groups are exactly a, b, c: read them with ``match.groups()`` (a lookup by name in ``regex``
# costs about a microsecond, several times more than the whole tuple).
assert FIGURE.groupindex == {"a": 1, "b": 2, "c": 3}
PERCENT = regex.compile(r"\s?%")

# "so với cùng kỳ", "so với năm 2021", "so với cùng kỳ năm trước": the comparison basis.
BASIS = regex.compile(r"[\s,]*(?P<basis>so\s+với\s+[^,.;:()\n]{2,40}?)(?=[,.;:()\n]|\s+(?:và|trong|xếp)\s|$)")
# Reporting periods: "6 tháng đầu năm 2023", "quý III/2023", "năm 2022", "tháng 9/2025".
PERIOD = regex.compile(
    r"\d+\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?|[Qq]uý\s+[IV]+(?:/\d{4}|\s+năm\s+\d{4})?"
    r"|[Tt]háng\s+\d{1,2}/\d{4}|[Nn]ăm\s+\d{4}|từ\s+năm\s+\d{4}\s+đến\s+nay"
)
PERIOD_LAST = regex.compile(rf"(?r){PERIOD.pattern}")
# Every period names a year, a quarter or a month: it holds "năm", "quý" or "tháng" (in any case of
# their first letter). A sentence without these letters names no period, and PERIOD_LAST is not tried
# (``_period`` tests the three words with ``in``).
assert all(word in PERIOD.pattern for word in ("ăm", "uý", "háng"))
# "số doanh nghiệp, đơn vị đã ... là 95/104": the counted noun of a bare ratio.
COUNTED = regex.compile(r"(?:^|\s)(?:tổng\s+)?số\s+(?P<noun>[\p{Ll}\p{Lu}][\p{L} ]{1,40})")
assert COUNTED.groupindex == {"noun": 1}  # read by number
# Searched backwards ((?r)) from a figure: where its clause begins. Its sentence begins after the
# last line break or full stop followed by a space (found with ``str.rfind``, see ``_sentence``).
CLAUSE_BREAK = regex.compile(r"(?r)[,;:()\[\]\n\t“”\"]|\.\s")
# A footnote marker glued to the word it annotates ("sáng kiến1 tại", "tỉnh6)."); a line that
# starts with that number is the footnote itself, not a figure ("6 công dân gặp khó khăn ...").
# The number comes first, the letter as a lookbehind: ``regex`` then scans for the number's digits
# fast, where a pattern opening with a letter class tries every position of the text.
FOOTNOTE_MARK = r"(?<=\p{{Ll}}){}(?=[\s.,;:)])"
TOTAL = regex.compile(r"tổng\s+số\s*$", regex.I)
# A number spelled out in words after its digits, as rules and letters write it: "23 (hai mươi ba)
# Hội công chứng viên", "15 (mười lăm) ngày". Skipped before the unit is read.
SPELLED = regex.compile(r"\s*\(\p{Ll}[\p{Ll} ]{0,40}\)")
# Open vocabulary: the one or two words after a number that no unit of the table names ("2.471 đối
# tượng", "6 chốt", "1.556 viên đạn"); which of them make the unit is decided in ``_open_unit``.
# Each word is a run of letters bounded by a space; lower case, except after a spelled-out number.
# Not across a tab: the next cell of a table row is not the unit of this one.
OPEN_UNIT = regex.compile(r"[^\S\t]+(?P<w1>\p{L}+)(?:[ ](?P<w2>\p{Ll}+)(?![\p{L}\d]))?(?![\p{L}\d])")
assert OPEN_UNIT.groupindex == {"w1": 1, "w2": 2}
# The two words right before a figure, searched backwards ((?r)) from the number: a name when the
# word before is capitalised ("Phòng 2 thực hiện", "Page 2 text") or ends a capitalised name of two
# syllables ("Đề án 06 thúc đẩy", "Trung ương 6 khóa XII").
WORDS_BEFORE = regex.compile(r"(?r)(?:(?P<lead>\p{L}+)[ ])?(?P<word>\p{L}+)[ ]+$")
assert WORDS_BEFORE.groupindex == {"lead": 1, "word": 2}  # read by number
# Approximations that are results, not thresholds, when a report verb comes before them.
APPROXIMATE = frozenset({"trên", "hơn", "gần", "khoảng"})
# A capitalised word right after a unit: the unit word opens a name ("tỉnh An Giang").
PROPER_NAME_AFTER = regex.compile(r"\s+\p{Lu}")
# After an approximate figure and its unit, the verb of a result: "hơn 565.339 ha đã được đo đạc".
REPORTED_AFTER = regex.compile(r"\s*(?:đã|được|vừa)\s")


@cache
def _units() -> tuple[regex.Pattern[str], dict[str, str], frozenset[str]]:
    """The unit pattern, the kind of figure each unit makes, and the first two characters of each
    unit: a text whose first two characters (after white space) are not among them has no unit."""
    rows = table("stat_units.tsv")
    kinds = {row["unit"]: row["kind"] for row in rows}
    words = [unit for unit in kinds if unit != "%"]
    assert all(len(unit) >= 2 and not unit[0].isspace() for unit in words)
    alternation = "|".join(regex.escape(u) for u in sorted(words, key=len, reverse=True))
    pattern = regex.compile(rf"(?:\s+|(?={GLUED_MEASURE}))(?P<unit>{alternation})(?![\p{{L}}\d])")
    assert pattern.groupindex == {"unit": 1}  # read by number
    return pattern, kinds, frozenset(unit[:2] for unit in words)


@cache
def _cue_index() -> dict[str, frozenset[str]]:
    """Cue phrase → roles it plays when written right before a number."""
    index: dict[str, set[str]] = {}
    for row in table("stat_cues.tsv"):
        if row["role"] != "duration":
            index.setdefault(row["cue"], set()).add(row["role"])
    return {cue: frozenset(roles) for cue, roles in index.items()}


@cache
def _durations() -> tuple[regex.Pattern[str], frozenset[str]]:
    """The pattern of a time span after a figure ("15 ngày"), and the first two letters of its words."""
    words = sorted((row["cue"] for row in table("stat_cues.tsv") if row["role"] == "duration"), key=len, reverse=True)
    assert all(len(word) >= 2 for word in words)
    pattern = regex.compile(rf"\s+(?:{'|'.join(regex.escape(w) for w in words)})(?![\p{{L}}\d])")
    return pattern, frozenset(word[:2] for word in words)


def _roles(before: str) -> frozenset[str]:
    """Roles of the one-, two- and three-word cues that end right before a number."""
    if not before or not before[-1].isspace():
        return frozenset()
    return _word_roles(tuple(before.rsplit(maxsplit=3)[-3:]))  # the last three words


@cache
def _word_roles(words: tuple[str, ...]) -> frozenset[str]:
    """Roles of the cues that end the (at most three) words: one entry per distinct word run."""
    index = _cue_index()
    roles: set[str] = set()
    for size in (1, 2, 3):
        if len(words) >= size:
            roles |= index.get(" ".join(words[-size:]), frozenset())
    return frozenset(roles)


@cache
def _headers() -> tuple[tuple[str, str, str], ...]:
    return tuple((row["header"], row["unit"], row["kind"]) for row in table("stat_headers.tsv"))


# ---------------------------------------------------------------- helpers


def parse_number(written: str) -> float:
    """ "1.810" → 1810.0, "75,06" → 75.06."""
    return float(written.replace(".", "").replace(",", "."))


def _value(written: str) -> float | int:
    number = parse_number(written)
    return int(number) if number.is_integer() else number


def _is_year(number: str) -> bool:
    """Whether a ``NUMBER`` as written is a year, 19xx or 20xx: four characters, each a digit, "." or
    ","; a "." cannot come third (three digits follow a thousands dot), so only a "," is not a year."""
    return len(number) == 4 and number.startswith(("19", "20")) and "," not in number


def _clause_before(text: str, start: int, floor: int) -> str:
    """The words of the clause that ends at ``start`` (at most ten), as the figure's subject."""
    floor = max(floor, start - 160)
    found = CLAUSE_BREAK.search(text, floor, start)
    words = text[found.end() if found else floor : start].split()
    return " ".join(words[-10:]).strip(" -–+")


def _is_space(char: str) -> bool:
    """Whether ``regex`` reads ``char`` as ``\\s``: ``str.isspace`` but for the four ASCII separators."""
    return char.isspace() and char not in "\x1c\x1d\x1e\x1f"


def _sentence(text: str, start: int, floor: int) -> str:
    """The text from the sentence's beginning (at most 300 characters back) to ``start``: after the
    last line break, or after the last "." followed by a space, whichever is later."""
    floor = max(floor, start - 300)
    newline = text.rfind("\n", floor, start)
    begin = newline + 1 if newline >= 0 else floor
    # a full stop needs its space before ``start``; most are the thousands dots of numbers ("1.810")
    stop = text.rfind(".", begin, start - 1)
    while stop >= 0 and not _is_space(text[stop + 1]):
        stop = text.rfind(".", begin, stop)
    return text[stop + 2 if stop >= 0 else begin : start]


def _period(sentence: str, default: str | None) -> str | None:
    """The last reporting period named in the figure's sentence, else the document's."""
    # an "or" of three ``in`` tests: a generator over the words cost more than the rare search it spares
    if not ("ăm" in sentence or "uý" in sentence or "háng" in sentence):
        return default
    found = PERIOD_LAST.search(sentence)
    return found.group(0) if found else default


# ---------------------------------------------------------------- tables


def _header_kind(header: str) -> tuple[str, str] | None:
    folded = header.casefold().strip(" .:*")
    for prefix, unit, kind in _headers():
        if folded.startswith(prefix):
            return unit, kind
    if "(" in folded and folded.endswith(")"):
        inside = folded[folded.rindex("(") + 1 : -1].strip()
        return ("%" if inside == "%" else inside), ("percent" if inside == "%" else "count")
    return None


# The unit of a whole table, printed over it: "Đơn vị tính: ha", "Đơn vị: 1000đ/m2 sử dụng", "ĐVT:
# triệu đồng", "ĐV:" with the unit on the next line.
UNIT_LABEL = r"(?:Đơn\s+vị(?:\s+tính)?|ĐVT|ĐV)"
CAPTION = regex.compile(rf"(?<![\p{{L}}]){UNIT_LABEL}\s*:\s*(?P<unit>[^\n\t)]{{1,40}})")
CAPTION_WINDOW = 300
SEPARATOR_ROW = regex.compile(r"[-:\s]*")


def _filled(cells: list[str]) -> int:
    """How many cells of a row hold something."""
    return sum(1 for cell in cells if cell.strip())


# The header of a table's unit column.
UNIT_COLUMN = regex.compile(rf"{UNIT_LABEL}\s*[:.]?", regex.I)


def _caption_unit(text: str, start: int, end: int) -> str:
    """The unit a caption in ``text[start:end]`` (the lines over a table) gives its figures."""
    captions = list(CAPTION.finditer(text, start, end))
    return captions[-1][1].strip(" .;,") if captions else ""  # the nearest over the table


CELL_FIGURE = regex.compile(rf"\s*(?P<a>{NUMBER})(?:\s?/\s?(?P<b>{NUMBER}))?\s?(?P<pct>%)?\s*")
# Its groups are read by number (a lookup by name in ``regex`` costs about a microsecond).
assert CELL_FIGURE.groupindex == {"a": 1, "b": 2, "pct": 3}


def _tables(parsed: Parsed, start: int, end: int, taken: set[int]) -> list[Statistic]:
    text = parsed.text
    items: list[Statistic] = []
    header: list[str] | None = None
    last_line = -2
    caption = ""
    for row in tables.rows(text, start, end, min_tabs=2):
        line_start, cells = row.start, row.cells
        values = [text[s:e] for s, e in cells]
        figures = [CELL_FIGURE.fullmatch(v) for v in values]
        contiguous = text.rfind("\n", 0, line_start - 1) + 1 == last_line  # right under the last row
        last_line = line_start
        if not contiguous:
            caption = _caption_unit(text, max(start, line_start - CAPTION_WINDOW), line_start)
        if SEPARATOR_ROW.fullmatch("".join(values)):
            continue  # the "---" row under a markdown table's header
        if not any(figures[1:]):
            if not contiguous or header is None or (not any(figures) and _filled(values) >= _filled(header)):
                header = values
            # else a section row inside the table ("a | Đối với hộ gia đình"): the header stands
            continue
        # a row with fewer cells than the header lost its first ones (an empty "STT" cell): its
        # cells are the header's last ones
        shift = max(0, len(header or []) - len(values))
        columns = [(_header_kind(h) if header else None) for h in (header or [])][shift:]
        # a "Đơn vị tính" column gives the unit of the figures of its row: "Đồng/người | 4.500.000"
        unit_column = next((i - shift for i, h in enumerate(header or []) if UNIT_COLUMN.fullmatch(h.strip())), None)
        row_unit = values[unit_column].strip() if unit_column is not None and 0 <= unit_column < len(values) else ""
        label = next((v.strip() for v, f in zip(values, figures, strict=True) if not f and v.strip()), "")
        total = None
        for index, figure in enumerate(figures):
            column = columns[index] if index < len(columns) else None
            if figure and column is not None and column[1] == "total":
                total = parse_number(figure[1])  # a
        for index, ((s, _), figure) in enumerate(zip(cells, figures, strict=True)):
            if not figure:
                continue
            a, b, pct = figure.groups()
            column = columns[index] if index < len(columns) else None
            is_row_number = (column and column[1] == "row") or (
                index == 0 and not column and a.isdigit() and len(a) <= 3 and not pct
            )
            if is_row_number or (column and column[1] == "total"):
                taken.add(s)
                continue
            unit, kind = column if column else ("", "count")
            if row_unit:
                unit = row_unit  # the row's own unit cell says more than its column's header
            elif not unit and kind == "count":
                unit = caption  # "Đơn vị tính: ha" over the table
            if pct:
                unit, kind = "%", "percent"
            if b:
                kind = "ratio"
            first, last = s + figure.start(1), s + figure.end(3 if pct else (2 if b else 1))
            taken.add(first)
            items.append(
                Statistic(
                    start=first,
                    end=last,
                    text=text[first:last],
                    value=_value(a),
                    unit=unit,
                    kind=cast(StatisticKind, kind),
                    total=parse_number(b) if b else total,
                    subject=label or None,
                    period=None,
                )
            )
    return items


# Flattened tables of PDF text layers: a row label on a line of its own ("Mức điều chỉnh"), then
# its cells on the following lines, several to a line or one a line ("5,63", "4,78 4,51 4,37").
FLAT_LABEL = regex.compile(r"\p{Lu}\p{L}*(?:[ ]\p{L}+){0,5}")
FLAT_ROW = regex.compile(rf"{NUMBER}[ ]?%?(?:[ ]+{NUMBER}[ ]?%?)*[ ]*")
FLAT_CELL = regex.compile(rf"(?P<a>{NUMBER})(?:[ ]?(?P<pct>%))?")
assert FLAT_CELL.groupindex == {"a": 1, "pct": 2}  # read by number


MEASURE_LABEL = regex.compile(rf"(?:{'|'.join(patterns('stat_measure_labels.txt'))})(?![\p{{L}}])", regex.I)


def _flat_unit(label: str) -> tuple[str, str]:
    """Unit and kind of the cells under a flattened row label: the header table's, the label itself
    when it names a measure ("Điểm", "Số hồ sơ", "Lượt truy cập"), else none: a row label
    ("Cửa sông lạch Càn") is the figures' subject, not their unit."""
    column = _header_kind(label)
    if column and column[1] in ("percent", "score", "rank"):
        return column
    named = label[0].lower() + label[1:] if label[1:2].islower() else label
    counted = named.removeprefix("tổng số ").removeprefix("số ")
    if MEASURE_LABEL.match(named) or _units()[0].match(" " + counted):
        return named, "count"
    return "", "count"


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """The runs of consecutive numbers in a sorted list, as (first, last): [3, 4, 5, 9] → (3, 5), (9, 9)."""
    runs: list[tuple[int, int]] = []
    for index in indices:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def _flat_tables(parsed: Parsed, start: int, end: int, taken: set[int]) -> list[Statistic]:
    """Cells of flattened tables: runs of figure-only lines under a label line. A run of years is the
    table's header row ("Năm" / "1995 1996 ..."), not figures; a lone figure is a page number."""
    text = parsed.text
    items: list[Statistic] = []
    lines = text[start:end].split("\n")
    # the figure-only lines, cheap tests first: most lines are prose, and a row begins with a digit and
    # ends with one or "%" (a numbered heading "1. Tình hình ..." begins with a digit too)
    rows = [
        index
        for index, line in enumerate(lines)
        if line[:1].isdigit() and line.rstrip(" %")[-1:].isdigit() and FLAT_ROW.fullmatch(line)
    ]
    if not rows:
        return items
    line_starts = list(accumulate((len(line) + 1 for line in lines), initial=start))
    for first, last in _runs(rows):
        label = lines[first - 1].strip() if first else ""
        # a label is at most six words: more spaces and the pattern is not tried
        if label.count(" ") > 5 or not FLAT_LABEL.fullmatch(label):
            continue
        cells = list(FLAT_CELL.finditer(text, line_starts[first], line_starts[last + 1] - 1))
        if len(cells) < 2 or any(_is_year(cell[1]) for cell in cells):
            continue
        unit, kind = _flat_unit(label)
        if not unit:
            label_start = line_starts[first - 1]
            unit = _caption_unit(text, max(start, label_start - CAPTION_WINDOW), label_start)
        for cell in cells:
            taken.add(cell.start())
            number, percent = cell.groups()
            items.append(
                Statistic(
                    start=cell.start(),
                    end=cell.end(),
                    text=cell.group(0),
                    value=_value(number),
                    unit="%" if percent else unit,
                    kind=cast(StatisticKind, "percent" if percent else kind),
                    subject=label,
                )
            )
    return items


# ---------------------------------------------------------------- running text


class _Unit:
    """A unit read after a figure: the unit and where it ends (relative to the text after it)."""

    __slots__ = ("_end", "unit")

    def __init__(self, unit: str, end: int) -> None:
        self.unit, self._end = unit, end

    def __getitem__(self, group: int) -> str:
        return self.unit  # group 1 ("unit") of the unit pattern

    def end(self) -> int:
        return self._end


@cache
def _open_stops() -> tuple[frozenset[str], frozenset[str]]:
    """(words never in a unit, words that never begin one)."""
    rows = table("stat_open_stops.tsv")
    never = frozenset(row["word"] for row in rows if row["where"] == "any")
    return never, never | {row["word"] for row in rows if row["where"] == "first"}


def _open_unit(after: str, spelled: bool) -> _Unit | None:
    """The noun after a number that the unit table does not list: its first word, and the second
    unless that is a function word ("6 chốt tại" → "chốt", "2.471 đối tượng" → "đối tượng")."""
    found = OPEN_UNIT.match(after)
    if not found:
        return None
    first, second = found.groups()  # w1, w2
    never, not_first = _open_stops()
    if len(first) < 2 or first.casefold() in not_first or (first[0].isupper() and not spelled):
        return None
    if second and len(second) > 1 and second not in never:
        return _Unit(f"{first} {second}", found.end())
    return _Unit(first, found.end(1))  # w1


def _ordinal_name(text: str, first: int, floor: int) -> bool:
    """Whether the number names something ("Phòng 2", "Đề án 06"), not counts it ("Có 5", "Bộ có 04")."""
    found = WORDS_BEFORE.search(text, max(floor, first - 40), first)
    if not found:
        return False
    lead, word = found.groups()
    if word.casefold() in _open_stops()[1]:
        return False
    return word[0].isupper() or bool(lead and lead[0].isupper())


def _is_date(roles: frozenset[str], figure: tuple[str, Any, Any], alone: bool, has_unit: bool) -> bool:
    """A "d/m", "d/m/yyyy" or "m/yyyy" written where a ratio could be (``figure``: FIGURE's a, b, c)."""
    a, b, c = figure
    if c is not None:
        return len(c) == 4 or ("." not in a + b + c and len(a) <= 2 and "date" in roles)
    if b is None:
        return False
    if (_is_year(b) and "." not in a) or "date" in roles:
        return True
    small = "." not in a + b and "," not in a + b and int(a) <= 31 and int(b) <= 12
    return small and not has_unit and not alone


def _counted_unit(sentence: str, earlier: list[Statistic], value: float | None) -> str:
    """The counted noun of a bare ratio: "số doanh nghiệp ... là 95/104", else (when ``value``
    is given) the unit of the nearest earlier count that can hold it: a part is never larger
    than the whole reported before it."""
    units = _units()[0]
    for found in reversed(list(COUNTED.finditer(sentence))):
        unit = units.match(" " + found[1])  # noun
        if unit:
            return unit[1]  # unit
    if value is not None:
        for item in reversed(earlier):
            if item.kind in ("count", "ratio") and item.unit and item.value >= value:
                return item.unit
    return ""


@cache
def _footnote_mark(number: str) -> regex.Pattern[str]:
    return regex.compile(FOOTNOTE_MARK.format(regex.escape(number)))


def _is_footnote(text: str, number: str) -> bool:
    """Whether a line starting with ``number`` is a footnote: the number is glued to a word."""
    return len(number) <= 2 and _footnote_mark(number).search(text) is not None


# A line holding nothing but figures: a cell of a flattened table ("862/1.266", "(68,1%)").
FIGURES_LINE = regex.compile(rf"[\s()]*(?:{NUMBER}(?:\s?/\s?{NUMBER})*/?\s?%?[\s()]*)+")


def _figures_line(text: str, line_start: int, inside: int) -> bool:
    """Whether the line starting at ``line_start`` (and going on past ``inside``) holds only figures."""
    line_end = text.find("\n", inside)
    return FIGURES_LINE.fullmatch(text, line_start, len(text) if line_end < 0 else line_end) is not None


def _running(
    parsed: Parsed, start: int, end: int, taken: set[int], earlier: list[Statistic], default_period: str | None
) -> list[Statistic]:
    text = parsed.text
    units, unit_kinds, unit_starts = _units()
    duration, duration_starts = _durations()
    items: list[Statistic] = []
    listed = list(earlier)  # figures whose unit is in the unit table (or %), for bare ratios
    open_starts: set[int] = set()  # figures whose unit is not
    for match in FIGURE.finditer(text, start, end):
        first = match.start()
        if first in taken:
            continue
        a, b, c = match.groups()
        figure_end = match.end()
        following = text[figure_end : figure_end + 1]
        if b is None and not (following.isspace() or following in ("(", "%") or text.startswith(MEASURES, figure_end)):
            # a lone number glued to a sign ("1.", "2)", "5,"): no spelled-out form, percent or unit can
            # follow (each needs a space, "(", "%" or a glued measure first), so it is dropped below anyway
            continue
        after = text[figure_end : figure_end + 60]
        spelled = SPELLED.match(after) if after[:2].strip() == "(" else None
        gap = spelled.end() if spelled else 0
        after = after[gap:]
        # "\s?%" needs a "%" in the first two characters; a unit, a space or a glued measure first,
        # and then the unit's first two letters (``lstrip`` stops where a unit after spaces begins:
        # every character ``\s`` matches is ``str.isspace``, and no unit starts with a space)
        percent = PERCENT.match(after) if "%" in after[:2] else None
        unit_match: regex.Match[str] | _Unit | None = None
        if (
            not percent
            and (after[:1].isspace() or after.startswith(MEASURES))
            and after.lstrip()[:2] in unit_starts
        ):
            unit_match = units.match(after)
        if not (percent or unit_match or b):
            if not after[:1].isspace() or text[first - 1 : first] in ("+", "=") or _is_year(a):
                continue  # a year, a section "1.", a code, a chainage "Km108+800": kept cheap
            if first == text.rfind("\n", 0, first) + 1:
                continue  # a bare number opening a line: a section, a page
            unit_match = _open_unit(after, spelled is not None)
            if unit_match is None or _ordinal_name(text, first, start):
                continue  # a bare number: a name ("Phòng 2")
            open_starts.add(first)
        # a time span's word would begin where the unit begins, with the same two letters (both come
        # right after the white space): most units begin otherwise, and the pattern is not tried
        if unit_match and unit_match[1][:2] in duration_starts and duration.match(after):
            continue  # "15 ngày", "12 tháng": time spans are not figures
        before = text[max(start, first - 24) : first]
        roles = _roles(before)
        if "threshold" in roles and before.split()[-1:] and before.split()[-1] in APPROXIMATE:
            if (
                "report" in _roles(before[: before.rstrip().rfind(" ") + 1])
                or "đến nay" in before
                or (unit_match is not None and REPORTED_AFTER.match(after, unit_match.end()))
            ):
                # "thu giữ trên 2,5 tấn", "đến nay, hơn 565.339 ha đã được đo đạc": a result, roughly
                roles -= {"threshold"}
        line_start = text.rfind("\n", 0, first) + 1
        if first == line_start and not b and _is_footnote(text, a):
            continue
        if (
            text.startswith(("Đơn", "ĐV"), line_start)  # the literal test first: a figure's line rarely opens so
            and (caption := CAPTION.match(text, line_start))
            and caption.start(1) <= first < caption.end(1)
        ):
            continue  # "Đơn vị tính: 1.000 đồng/trẻ": the unit of a table, not a figure
        # only a ratio (or a date written like one) asks whether its line holds nothing but figures
        alone = b is not None and _figures_line(text, line_start, match.end())
        if _is_date(roles, (a, b, c), alone, bool(unit_match or percent)):
            continue
        if "ordinal" in roles and "rank" not in roles and not TOTAL.search(before):
            continue
        if b is None and "date" in roles:
            continue
        if not percent and "threshold" in roles:
            continue
        if _is_year(a) and b is None and unit_match is not None and PROPER_NAME_AFTER.match(after, unit_match.end()):
            continue  # "Tết Dương lịch 2026 tỉnh An Giang": a year, then a place's name
        sentence = _sentence(text, first, start)
        period = _period(sentence, default_period)
        rank = "rank" in roles
        change = "increase" in roles or "decrease" in roles
        tail = after[percent.end() if percent else (unit_match.end() if unit_match else 0) :]
        basis = BASIS.match(tail) if "so" in tail else None  # "so với ...": no "so", no basis
        parts = [(a, b)] if c is None else [(a, b), (b, c)]
        for index, (part, whole) in enumerate(parts):
            if percent:
                unit, kind = "%", ("change" if change else "percent")
            elif unit_match:
                unit = unit_match[1]  # the unit pattern's group "unit"
                kind = unit_kinds.get(unit, "count")
                if change and kind == "count":
                    kind = "change"
            elif "," in part and not rank:
                # "9,49/9,5": a score out of its maximum (report tables of PAR INDEX, PAPI)
                unit, kind = "điểm", "score"
            else:
                stated = after.lstrip(" ,;").startswith(("đạt", "("))
                if not (alone or rank or stated or _counted_unit(sentence, [], None)):
                    continue  # a bare "a/b" in running text with nothing to say what it counts
                # the whole of a bare part is a count of a listed unit, not an open-vocabulary one
                unit, kind = _counted_unit(sentence, listed, parse_number(part)), "ratio"
            if rank:
                kind = "rank"
            elif whole is not None and kind in ("count", "amount"):
                kind = "ratio"
            # FIGURE's groups read by number (a, b, c = 1, 2, 3; see its assert): a name costs a microsecond
            span_start = first if index == 0 else match.start(2)
            span_end = (match.end(2) if whole is not None else match.end(1)) if index == 0 else match.end(3)
            if index == 0 and percent:
                span_end = match.end() + gap + percent.end()
            elif index == 0 and unit_match and len(parts) == 1:
                span_end = match.end() + gap + unit_match.end()
            items.append(
                Statistic(
                    start=span_start,
                    end=span_end,
                    text=text[span_start:span_end],
                    value=_value(part),
                    unit=unit,
                    kind=cast(StatisticKind, kind),
                    total=parse_number(whole) if whole is not None else None,
                    subject=_clause_before(text, first if index == 0 else span_start, start) or None,
                    period=period,
                    basis=basis["basis"] if basis else None,
                )
            )
            if first not in open_starts:
                listed.append(items[-1])
    return items


def extract(parsed: Parsed) -> list[Statistic]:
    """Every reported figure of the body and the attachment, in text order."""
    items: list[Statistic] = []
    seen: set[tuple[float, str, str]] = set()
    regions = list(parsed.regions)
    if parsed.kind == "news" and parsed.header.title:
        # a news headline states the article's main figure ("Đắk Nông có 157 trường đạt chuẩn")
        regions.insert(0, (parsed.header.title[0].start, parsed.header.title[-1].end))
    # the document's period, named near its top: that of figures whose sentence names none
    opening = PERIOD.search(parsed.text, 0, min(len(parsed.text), 400))
    default_period = opening.group(0) if opening else None
    for start, end in regions:
        taken: set[int] = set()
        found = _tables(parsed, start, end, taken)
        found += _flat_tables(parsed, start, end, taken)
        found += _running(parsed, start, end, taken, [], default_period)
        found.sort(key=lambda item: item.start)
        for item in found:
            # a passage printed twice (a page scraped with its copy) reports its figures once
            key = (item.value, item.unit, parsed.text[max(0, item.start - 40) : item.end + 40])
            if key in seen:
                continue
            seen.add(key)
            items.append(item)
    return items
