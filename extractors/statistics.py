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

import regex

from extractors.data import table
from extractors.models import Statistic
from extractors.structure import Parsed

# ---------------------------------------------------------------- patterns

# A Vietnamese number: thousands joined by "." ("1.810", "20.316"), decimals after ","
# ("75,06"). Never glued to a letter ("sáng kiến1", "CN3", "Km78"), never the middle of a
# code ("1.013980", "39-NQ/TW", "12/2024/QĐ-TTg").
NUMBER = r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
FIGURE = regex.compile(
    rf"(?<![\p{{L}}\d.,_])(?<!\d[/-])(?<!\p{{L}}-)"
    rf"(?P<a>{NUMBER})(?:\s?/\s?(?P<b>{NUMBER})(?:/(?P<c>{NUMBER}))?)?"
    r"(?![\d\p{L}]|[.,]\d|/[\d\p{L}]|-\s?\p{L})"
)
PERCENT = regex.compile(r"\s?%")
YEAR = regex.compile(r"(?:19|20)\d\d")
# "so với cùng kỳ", "so với năm 2021", "so với cùng kỳ năm trước": the comparison basis.
BASIS = regex.compile(r"[\s,]*(?P<basis>so\s+với\s+[^,.;:()\n]{2,40}?)(?=[,.;:()\n]|\s+(?:và|trong|xếp)\s|$)")
# Reporting periods: "6 tháng đầu năm 2023", "quý III/2023", "năm 2022", "tháng 9/2025".
PERIOD = regex.compile(
    r"\d+\s+tháng\s+(?:đầu|cuối)\s+năm(?:\s+\d{4})?|[Qq]uý\s+[IV]+(?:/\d{4}|\s+năm\s+\d{4})?"
    r"|[Tt]háng\s+\d{1,2}/\d{4}|[Nn]ăm\s+\d{4}|từ\s+năm\s+\d{4}\s+đến\s+nay"
)
# "số doanh nghiệp, đơn vị đã ... là 95/104": the counted noun of a bare ratio.
COUNTED = regex.compile(r"(?:^|\s)(?:tổng\s+)?số\s+(?P<noun>[\p{Ll}\p{Lu}][\p{L} ]{1,40})")
CLAUSE_BREAK = regex.compile(r"[,;:()\[\]\n\t“”\"]|\.\s")
SENTENCE_BREAK = regex.compile(r"\.\s|\n")
# A footnote marker glued to the word it annotates ("sáng kiến1 tại", "tỉnh6)."); a line that
# starts with that number is the footnote itself, not a figure ("6 công dân gặp khó khăn ...").
FOOTNOTE_MARK = regex.compile(r"(?<=\p{Ll})(\d{1,2})(?=[\s.,;:)])")
LINE_FOOTNOTE = regex.compile(r"(?:^|(?<=\n))(\d{1,2}) (?=\p{L})")
TOTAL = regex.compile(r"tổng\s+số\s*$", regex.I)


@cache
def _units() -> tuple[regex.Pattern[str], dict[str, str]]:
    rows = table("stat_units.tsv")
    kinds = {row["unit"]: row["kind"] for row in rows}
    alternation = "|".join(regex.escape(u) for u in sorted(kinds, key=len, reverse=True) if u != "%")
    return regex.compile(rf"\s+(?P<unit>{alternation})(?![\p{{L}}\d])"), kinds


@cache
def _cues() -> dict[str, regex.Pattern[str]]:
    """One pattern per role: preceding cues anchored at the end, following ones at the start."""
    words: dict[str, list[str]] = {}
    for row in table("stat_cues.tsv"):
        words.setdefault(row["role"], []).append(row["cue"])

    def alternation(role: str) -> str:
        return "|".join(regex.escape(w) for w in sorted(words[role], key=len, reverse=True))

    before = {
        role: regex.compile(rf"(?:^|(?<=[^\p{{L}}]))(?:{alternation(role)})\s*$")
        for role in ("increase", "decrease", "rank", "threshold", "ordinal", "date")
    }
    before["duration"] = regex.compile(rf"\s+(?:{alternation('duration')})(?![\p{{L}}\d])")
    return before


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


def _clause_before(text: str, start: int, floor: int) -> str:
    """The words of the clause that ends at ``start`` (at most ten), as the figure's subject."""
    window = text[max(floor, start - 160) : start]
    pieces = CLAUSE_BREAK.split(window)
    words = pieces[-1].split() if pieces else []
    return " ".join(words[-10:]).strip(" -–+")


def _sentence(text: str, start: int, floor: int) -> str:
    window = text[max(floor, start - 400) : start]
    return SENTENCE_BREAK.split(window)[-1]


def _period(sentence: str, document_start: str) -> str | None:
    found = PERIOD.findall(sentence)
    if found:
        return found[-1]
    found = PERIOD.findall(document_start)
    return found[0] if found else None


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


CELL_FIGURE = regex.compile(rf"\s*(?P<a>{NUMBER})(?:\s?/\s?(?P<b>{NUMBER}))?\s?(?P<pct>%)?\s*")


def _table_rows(text: str, start: int, end: int) -> list[tuple[int, list[tuple[int, int]]]]:
    """Lines of the region with at least two tabs: (line start, cell spans)."""
    rows = []
    position = start
    for line in text[start:end].split("\n"):
        line_end = position + len(line)
        if line.count("\t") >= 2:
            cells, cell_start = [], position
            for cell in line.split("\t"):
                cells.append((cell_start, cell_start + len(cell)))
                cell_start += len(cell) + 1
            rows.append((position, cells))
        position = line_end + 1
    return rows


def _tables(parsed: Parsed, start: int, end: int, taken: set[int]) -> list[Statistic]:
    text = parsed.text
    items: list[Statistic] = []
    header: list[str] | None = None
    last_line = -2
    for line_start, cells in _table_rows(text, start, end):
        values = [text[s:e] for s, e in cells]
        figures = [CELL_FIGURE.fullmatch(v) for v in values]
        contiguous = text.rfind("\n", 0, line_start - 1) == last_line
        last_line = line_start
        if not any(figures[1:]):
            header = values if not contiguous or header is None or not any(figures) else header
            continue
        columns = [(_header_kind(h) if header else None) for h in (header or [])]
        label = next((v.strip() for v, f in zip(values, figures) if not f and v.strip()), "")
        total = None
        for index, figure in enumerate(figures):
            if figure and index < len(columns) and columns[index] and columns[index][1] == "total":
                total = parse_number(figure["a"])
        for index, ((s, e), figure) in enumerate(zip(cells, figures)):
            if not figure:
                continue
            column = columns[index] if index < len(columns) else None
            is_row_number = (column and column[1] == "row") or (
                index == 0 and not column and figure["a"].isdigit() and len(figure["a"]) <= 3 and not figure["pct"]
            )
            if is_row_number or (column and column[1] == "total"):
                taken.add(s)
                continue
            unit, kind = column if column else ("", "count")
            if figure["pct"]:
                unit, kind = "%", "percent"
            if figure["b"]:
                kind = "ratio"
            first, last = s + figure.start("a"), s + figure.end("pct" if figure["pct"] else ("b" if figure["b"] else "a"))
            taken.add(first)
            items.append(
                Statistic(
                    start=first,
                    end=last,
                    text=text[first:last],
                    value=_value(figure["a"]),
                    unit=unit,
                    kind=kind,
                    total=parse_number(figure["b"]) if figure["b"] else total,
                    subject=label or None,
                    period=None,
                )
            )
    return items


# ---------------------------------------------------------------- running text


def _is_date(text: str, before: str, match: regex.Match[str], alone: bool, has_unit: bool) -> bool:
    """A "d/m", "d/m/yyyy" or "m/yyyy" written where a ratio could be."""
    a, b, c = match["a"], match["b"], match["c"]
    if c is not None and (len(c) == 4 or "." not in a + b + c and len(a) <= 2 and _cues()["date"].search(before)):
        return True
    if b is None:
        return False
    if YEAR.fullmatch(b) and "." not in a:
        return True
    if _cues()["date"].search(before):
        return True
    small = "." not in a + b and "," not in a + b and int(a) <= 31 and int(b) <= 12
    return small and not has_unit and not alone


def _counted_unit(sentence: str, earlier: list[Statistic], value: float, units: regex.Pattern[str]) -> str:
    """The counted noun of a bare ratio: "số doanh nghiệp ... là 95/104", else the unit of the
    nearest earlier count that can hold it (a part is never larger than its whole)."""
    for found in reversed(list(COUNTED.finditer(sentence))):
        unit = units.match(" " + found["noun"])
        if unit:
            return unit["unit"]
    for item in reversed(earlier):
        if item.kind in ("count", "ratio") and item.unit and item.value >= value:
            return item.unit
    return ""


def _footnotes(text: str) -> set[int]:
    """Starts of lines that are footnotes: "N text" where "N" is glued to a word elsewhere."""
    marks = set(FOOTNOTE_MARK.findall(text))
    return {m.start(1) for m in LINE_FOOTNOTE.finditer(text) if m[1] in marks}


def _running(
    parsed: Parsed, start: int, end: int, taken: set[int], earlier: list[Statistic], footnotes: set[int]
) -> list[Statistic]:
    text = parsed.text
    units, unit_kinds = _units()
    cues = _cues()
    opening = text[: min(len(text), 400)]
    items: list[Statistic] = []
    for match in FIGURE.finditer(text, start, end):
        first = match.start()
        if first in taken:
            continue
        before = text[max(start, first - 30) : first]
        after = text[match.end() : match.end() + 60]
        a, b, c = match["a"], match["b"], match["c"]
        percent = PERCENT.match(after)
        unit_match = None if percent else units.match(after)
        line_start = text.rfind("\n", 0, first) + 1
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        rest_of_line = text[match.end() : line_end].strip(" )(")
        alone = not text[line_start:first].strip(" (") and (not rest_of_line or rest_of_line.startswith("("))
        if _is_date(text, before, match, alone, bool(unit_match or percent)):
            continue
        if first in footnotes:
            continue
        if cues["ordinal"].search(before) and not cues["rank"].search(before) and not TOTAL.search(before):
            continue
        if b is None and cues["date"].search(before):
            continue
        if not percent and cues["threshold"].search(before):
            continue
        if not percent and not unit_match and cues["duration"].match(after):
            continue
        if unit_match and cues["duration"].match(after) and len(unit_match["unit"]) <= 3:
            continue
        sentence = _sentence(text, first, start)
        rank = cues["rank"].search(before)
        change = cues["increase"].search(before) or cues["decrease"].search(before)
        basis = BASIS.match(after[len(percent.group(0)) if percent else (unit_match.end() if unit_match else 0) :])
        parts = [(a, b)] if c is None else [(a, b), (b, c)]
        for index, (part, whole) in enumerate(parts):
            if percent:
                unit, kind = "%", ("change" if change else "percent")
            elif unit_match:
                unit = unit_match["unit"]
                kind = unit_kinds.get(unit, "count")
                if change and kind == "count":
                    kind = "change"
            elif whole is not None:
                if not (alone or rank) and b is not None and not after[:8].strip(" ,;").startswith(("đạt", "(")):
                    # a bare "a/b" in running text with nothing to say what it counts
                    if _counted_unit(sentence, [], 0, units) == "":
                        continue
                unit, kind = _counted_unit(sentence, earlier + items, parse_number(part), units), "ratio"
            else:
                continue
            if rank:
                kind = "rank"
            elif whole is not None and kind in ("count", "amount"):
                kind = "ratio"
            span_start = first if index == 0 else match.start("b")
            span_end = (match.end("b") if whole is not None else match.end("a")) if index == 0 else match.end("c")
            if index == 0 and percent:
                span_end = match.end() + percent.end()
            elif index == 0 and unit_match and len(parts) == 1:
                span_end = match.end() + unit_match.end()
            items.append(
                Statistic(
                    start=span_start,
                    end=span_end,
                    text=text[span_start:span_end],
                    value=_value(part),
                    unit=unit,
                    kind=kind,
                    total=parse_number(whole) if whole is not None else None,
                    subject=_clause_before(text, first if index == 0 else span_start, start) or None,
                    period=_period(sentence, opening),
                    basis=basis["basis"] if basis else None,
                )
            )
    return items


def extract(parsed: Parsed) -> list[Statistic]:
    """Every reported figure of the body and the attachment, in text order."""
    items: list[Statistic] = []
    seen: set[tuple[float, str, str]] = set()
    footnotes = _footnotes(parsed.text)
    regions = list(parsed.regions)
    if parsed.kind == "news" and parsed.header.title:
        # a news headline states the article's main figure ("Đắk Nông có 157 trường đạt chuẩn")
        regions.insert(0, (parsed.header.title[0].start, parsed.header.title[-1].end))
    for start, end in regions:
        taken: set[int] = set()
        found = _tables(parsed, start, end, taken)
        found += _running(parsed, start, end, taken, [], footnotes)
        found.sort(key=lambda item: item.start)
        for item in found:
            # a passage printed twice (a page scraped with its copy) reports its figures once
            key = (item.value, item.unit, parsed.text[max(0, item.start - 40) : item.end + 40])
            if key in seen:
                continue
            seen.add(key)
            items.append(item)
    return items
