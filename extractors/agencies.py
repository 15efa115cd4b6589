"""Agencies: the canonical body behind each actor of a task, the issuer, the recipients and
the issuers of the instruments a document cites.

An actor is written as the text has it: "Văn phòng UBND tỉnh", "Chủ tịch UBND các xã, phường,
đặc khu", "Sở Nội vụ", "Bộ trưởng Bộ Công an trong quản lý ...". Its agency is the body itself,
named so that one body reads the same in every document:

1. abbreviations written out (``agency_abbreviations.tsv``) and misspellings mended
   (``agency_spellings.tsv``); notes in brackets dropped;
2. a person's title dropped for the body the person heads (``agency_titles.tsv``: "Giám đốc
   Sở Tư pháp" → "Sở Tư pháp"); the Prime Minister is a body of its own;
3. the tail that says what the body must do cut off (``agency_stops.txt``), and "có liên quan";
4. ministries and departments spelled officially (``agency_portfolios.tsv``);
5. a single public body of a local document named without its place given the document's
   province ("Sở Nội vụ" → "Sở Nội vụ tỉnh Lâm Đồng"); a unit of the issuing ministry or
   department given the issuer's name ("Vụ Tổ chức cán bộ" → "Vụ Tổ chức cán bộ Bộ Tư pháp");
   a group ("các sở, ban, ngành tỉnh") keeps its words, less those that only say "of this
   province", and stays one item.

Each agency has a level (``agency_heads.tsv``), the province it belongs to and whether it is
a group. The document's province is read from its issuer and date line as of its date
(``extractors.places``): a 2024 document of Bình Thuận is Bình Thuận's, though Bình Thuận
joined Lâm Đồng on 1 July 2025; ``successor`` names the body that carries a merged body's
work on. A central document (a ministry's, the Government's) has no province, whatever its
date line says. The rules are those of the annotation brief for gold agencies.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extractors import places
from extractors.data import patterns, table
from extractors.models import Agency, DocumentFields, LegalRef, Task
from extractors.text import fold

# Units a body's name may end with, and the level each gives a body that governs it.
_UNIT_LEVEL = {
    "tỉnh": "province",
    "cấp tỉnh": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "cấp huyện": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
    "đặc khu": "commune",
    "cấp xã": "commune",
    "trung ương": "central",
}
# "xã" is a commune, not the word of "xã hội" (society) or "hợp tác xã" (a cooperative).
_COMMUNE = r"(?<!hợp\s+tác\s)xã(?!\s+hội)"
_LOWER_UNITS = rf"{_COMMUNE}|phường|huyện|quận|thị xã|thị trấn|đặc khu"
_UNIT_WORDS = rf"cấp tỉnh|cấp huyện|cấp xã|thành phố|thị xã|thị trấn|đặc khu|trung ương|tỉnh|huyện|quận|{_COMMUNE}|phường"
# A place name after a unit word: capitalised syllables ("Lâm Đồng", "Bà Rịa - Vũng Tàu") or a
# number with what follows it ("Quận 1", "Phường 2 Bảo Lộc").
_NAME = r"(?:\p{Lu}\p{Ll}*|\d+)(?:(?:[ ]|[ ]-[ ])(?:\p{Lu}\p{Ll}*|\d+)){0,4}"
_UNIT = regex.compile(rf"(?<![\p{{L}}])(?P<unit>(?i:{_UNIT_WORDS}))(?![\p{{L}}])(?:[ ](?P<name>{_NAME}))?")
_CAPITALISED = regex.compile(r"\p{Lu}\p{Ll}*(?:\d+)?")
_CAPITALISED_WORDS = regex.compile(r"\p{Lu}\p{Ll}*(?:[ ]\p{Lu}\p{Ll}*){0,3}")
# The units below a province that a body's name may name: "Ủy ban nhân dân xã Quy Mông".
_NAMED_UNITS = ("huyện", "quận", "thị xã", "thành phố", "xã", "phường", "thị trấn", "đặc khu")
# Words that make an actor a group: a plural opening, a list of kinds of body, a tier.
_PLURAL_START = regex.compile(r"^(?:tất cả các|các|những|mỗi|từng)\s", regex.I)
_KIND = (
    rf"(?:{_COMMUNE}|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh|sở|ban|ngành|bộ|cơ quan|đơn vị|"
    r"địa phương|đoàn thể|tổ chức|doanh nghiệp|cá nhân|hội|cấp|đại biểu|chính quyền|tỉnh ủy|thành ủy|huyện ủy|đảng ủy|"
    r"ủy ban|hội đồng|công an|cục|chi cục|tập đoàn|tổng công ty|thanh tra|văn phòng|trung tâm|đài|báo|liên đoàn)"
)  # matched case-insensitively: "các Sở", "Hội đồng nhân dân, Ủy ban nhân dân"
_GROUP = regex.compile(
    rf"\s(?:các|những)\s+{_KIND}(?![\p{{L}}])|/|(?<![\p{{L}}])(?:cấp (?:tỉnh|huyện|xã)|các cấp)(?![\p{{L}}])"
    rf"|,\s+{_KIND}(?![\p{{L}}])|\s(?:và|hoặc)\s+{_KIND}(?![\p{{L}}])|\s\d+\s+(?:xã|phường|huyện|tỉnh|quận)(?![\p{{L}}])"
    r"|^(?:cơ quan ngang bộ|cơ quan (?:trực )?thuộc Chính phủ|liên bộ|liên ngành)(?![\p{L}])",
    regex.I,
)
# Where a list's first body ends: before the next kind of body it names.
_NEXT_BODY = regex.compile(rf"(?:,\s+|\s*/\s*|\s(?:và|hoặc)\s+)(?={_KIND}(?![\p{{L}}]))", regex.I)
# "các Bộ: Y tế, Công Thương", "Bộ trưởng các Bộ: Quốc phòng, Công an": a colon that opens the list
_LISTING = regex.compile(r"(?:^|\s)các\s+(?:Bộ|Sở|Tập\s+đoàn|Tổng\s+công\s+ty|cơ\s+quan|đơn\s+vị|tỉnh|xã|phường|Hội)$", regex.I)
# "&" between words is "và" ("Sở Kế hoạch & Đầu tư"); inside a company's acronym it stays
# ("Công ty TNHH SX&TM 186 Yên Bái"); the departments' acronyms are in agency_abbreviations.tsv.
_AMPERSAND = regex.compile(r"(?<!\p{Lu})&|&(?!\p{Lu})")
_BRACKETS = regex.compile(r"\s*\([^()]*\)")
_SPACES = regex.compile(r"\s+")
_OUTER = " \t.,;:-–—*+•"
# Words of a list the actor was cut inside of: "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các".
_DANGLING = regex.compile(r"(?:[\s,]+(?:và|hoặc|các|những|của|với))+$", regex.I)
_CONCERNED = regex.compile(r"(?:\s+(?:có\s+)?liên\s+quan(?:\s+khác)?)+$", regex.I)
_PRIME_MINISTER = regex.compile(r"^(?:các\s+)?(?:Phó\s+)?Thủ\s+tướng(?:\s+Thường\s+trực)?(?:\s+Chính\s+phủ)?(?![\p{L}])", regex.I)
_MINISTERS = regex.compile(r"^(?:các\s+)?Bộ\s+trưởng(?![\p{L}])", regex.I)
_PARTY_COMMITTEE_END = regex.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Đảng)\s+ủy$")
_BARE_LOWER_UNIT = regex.compile(rf"(?<![\p{{L}}])(?:{_LOWER_UNITS}|cấp xã|cấp huyện)$", regex.I)
_INNER_UNIT = {
    "Bộ": regex.compile(r"^(?:(?:các\s+)?(?:Vụ|Cục)(?![\p{L}])|(?:Văn phòng|Thanh tra)\s+Bộ$|(?:các\s+)?đơn\s+vị\s+(?:trực\s+)?thuộc\s+Bộ$)", regex.I),
    "Sở": regex.compile(r"^(?:(?:các\s+)?Phòng(?![\p{L}])|(?:Văn phòng|Thanh tra)\s+Sở$|(?:các\s+)?đơn\s+vị\s+(?:trực\s+)?thuộc\s+Sở$)", regex.I),
}
# What may follow a department's name: its place ("tỉnh Lâm Đồng", "Yên Bái") or its spread
# ("các tỉnh, thành phố trực thuộc Trung ương").
_DEPARTMENT_GOES_ON = regex.compile(rf"(?:(?i:{_UNIT_WORDS}|các|của|thuộc)(?![\p{{L}}])|\p{{Lu}})")
# Whose a generic body is: "các đơn vị thuộc Bộ Tư pháp", "cơ quan chuyên môn thuộc UBND tỉnh".
_OWNER = regex.compile(r"\s(?:trực\s+)?thuộc\s+(\p{Lu}.*)$")
# A district or commune unit word before the capitalised words that end a name, or a list of
# them: those words are its name, not a person's ("phường Văn Phú", "các phường Yên Bái, Văn Phú").
_NAMED_LOWER_UNIT = regex.compile(rf"(?<![\p{{L}}])(?:{_LOWER_UNITS})(?:(?:\s+[^,\s]+)+,)?$", regex.I)
# Capitalised words ending a name, which may be a person's: "... tỉnh Phạm Anh Tuấn".
_TRAILING_NAME = regex.compile(r"\s(\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,3})$")
# Names that hold verbs: "Ban Chỉ đạo ... đổi mới sáng tạo", "Hội đồng phối hợp phổ biến ...".
_VERBAL_NAME = regex.compile(
    r"^(?:(?:Trưởng|Phó\s+Trưởng|Chủ\s+tịch|Phó\s+Chủ\s+tịch|Thành\s+viên|các|Các)\s+)?"
    r"(?:Ban\s+[Cc]hỉ\s+đạo|BCĐ|Hội\s+đồng|Quỹ|Trung\s+tâm|Tổ|Đoàn|Văn\s+phòng\s+Ban\s+[Cc]hỉ\s+đạo)(?![\p{L}])"
)
# A body's role said after a comma, in apposition: "Bộ Nội vụ, cơ quan chủ trì triển khai Đề án",
# "Sở Tư pháp, cơ quan thường trực Hội đồng", "Sở Nội vụ, cơ quan" (cut short). Not after a plural
# opening: "các Bộ, cơ quan ngang bộ" lists two kinds of body.
_APPOSITION = regex.compile(
    r",\s+(?:là\s+)?cơ\s+quan(?:\s+(?:chủ\s+trì|thường\s+trực|đầu\s+mối|tham\s+mưu|chuyên\s+môn|quản\s+lý)(?![\p{L}]).*)?$"
)
# A group of generic bodies defined by the work they were given or the part they play, whose
# words stay in its name: "các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch
# này", "các cơ quan, đơn vị được giao chủ trì", "các cơ quan phối hợp".
_DEFINED_GROUP = regex.compile(
    r"(?<=(?:^|\s)(?:cơ\s+quan|đơn\s+vị|tổ\s+chức))\s+(?:được\s+(?:giao|phân\s+công)(?![\p{L}])|(?:phối\s+hợp|chủ\s+trì)$)",
    regex.I,
)
_PORTFOLIO_SEPARATORS = regex.compile(r"[\s,\-–]+")
_SPACE_BEFORE_PUNCTUATION = regex.compile(r" ([,;:.)])")
_MINISTRIES_AFTER = regex.compile(r"\s+(?:các\s+)?Bộ(?![\p{L}])")
_LIST_SEPARATOR = regex.compile(r"(,\s+|\svà\s+)")
_MEMBERS_OF = regex.compile(r"^(?:thành\s+viên(?:\s+của)?|đồng\s+chí)\s+", regex.I)
_ASSIGNED = regex.compile(r"^(?:Giao|giao)\s+")
_ENDS_PROVINCE_WORD = regex.compile(r"(?<![\p{L}])[Tt]ỉnh$")
_ENDS_CITY_WORD = regex.compile(r"(?<![\p{L}])thành phố$", regex.I)
_ENDS_PROVINCE_TIER = regex.compile(r"(?<![\p{L}])cấp tỉnh$")
_ENDS_BARE_PARENT = regex.compile(r"(?<![\p{L}])(?:Bộ|Sở)$")
_LISTED_BEFORE = regex.compile(r"(?<![\p{L}])(?:các|tỉnh,)$")
# The Youth Union bears Hồ Chí Minh's name, not the city's.
_YOUTH_UNION = "Cộng sản Hồ Chí Minh"
# An actor that is only a territory or a list of them ("Tỉnh Thanh Hóa", "các xã, phường",
# "quận, huyện, thị xã", "Thành phố" in a city's document): its People's Committee is meant.
_TERRITORY = rf"(?i:thành phố|tỉnh|{_LOWER_UNITS})(?:[ ]{_NAME})?"
_TERRITORIES_ONLY = regex.compile(rf"(?:(?:tất cả )?các\s+)?{_TERRITORY}(?:(?:,\s+|\s+và\s+|\s*/\s*|\s+){_TERRITORY})*")
_PEOPLES_COMMITTEE = "Ủy ban nhân dân"
# A person named alone as an actor: capitalised words ("Nguyễn Thị Loan").
_PERSON = regex.compile(r"^\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){1,4}$")
# A central body's branch for a region of several provinces is named for its region, not for
# the province it serves: "Kho bạc nhà nước khu vực XI", "Chi cục Hải quan khu vực XI".
_REGIONAL = regex.compile(r"(?<![\p{L}])khu\s+vực\s+(?:[IVXL]+|\d+)$", regex.I)


@dataclass(frozen=True)
class _Head:
    pattern: regex.Pattern[str]
    anywhere: bool
    level: str
    unit: bool
    placed: bool
    successor: str | None
    since: str | None


@dataclass(frozen=True)
class Setting:
    """Where a document's bodies belong: its province (or district), its issuer, its date."""

    territory: str | None = None  # "Lâm Đồng", "Hồ Chí Minh", "Quận 1"
    governed: str | None = None  # how a body names it: "tỉnh Lâm Đồng", "thành phố Hà Nội", "Quận 1"
    city: bool = False  # the province is one of the centrally-run cities
    issuer: str | None = None  # the issuer's canonical name
    issuer_kind: str | None = None  # "Bộ" or "Sở": the issuer's own units take its name
    issuer_level: str | None = None
    date: str | None = None

    @property
    def local(self) -> bool:
        """A document of a province, district or commune body."""
        return self.territory is not None


# ---------------------------------------------------------------- tables


@cache
def _heads() -> tuple[_Head, ...]:
    return tuple(
        _Head(
            regex.compile(
                (r"(?<![\p{L}])" if row["where"] == "anywhere" else "^") + f"(?:{row['head']})(?![\\p{{L}}])", regex.I
            ),
            row["where"] == "anywhere",
            row["level"],
            row["unit"] == "yes",
            row["placed"] == "yes",
            row["successor"] or None,
            row["since"] or None,
        )
        for row in table("agency_heads.tsv")
    )


def _replacer(rows: dict[str, str], flags: int = 0) -> regex.Pattern[str]:
    alternation = "|".join(regex.escape(k) for k in sorted(rows, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\d&])(?:{alternation})(?![\p{{L}}\d&])", flags)


@cache
def _abbreviations() -> tuple[regex.Pattern[str], dict[str, str]]:
    rows = {row["abbreviation"]: row["expansion"] for row in table("agency_abbreviations.tsv")}
    return _replacer(rows), rows


@cache
def _spellings() -> tuple[regex.Pattern[str], dict[str, str]]:
    rows = {row["misspelling"]: row["spelling"] for row in table("agency_spellings.tsv")}
    return _replacer(rows), rows


@cache
def _titles() -> tuple[regex.Pattern[str], dict[str, str]]:
    rows = {row["title"].casefold(): row["keeps"] for row in table("agency_titles.tsv")}
    alternation = "|".join(regex.escape(k) for k in sorted(rows, key=len, reverse=True))
    return regex.compile(rf"^(?:{alternation})(?![\p{{L}}])\s*", regex.I), rows


@cache
def _stops(verbs: bool) -> regex.Pattern[str]:
    """What ends a body's name: the words of ``agency_stops.txt``, and with ``verbs`` the first
    verbs of a piece of work (``agency_verbs.txt``)."""
    words = patterns("agency_stops.txt") + (patterns("agency_verbs.txt") if verbs else ())
    return regex.compile(r"\s(?:" + "|".join(f"(?:{p})" for p in words) + r")(?![\p{L}])")


@cache
def joint_names() -> regex.Pattern[str]:
    """The names of one body that read as a list of two (``agency_joint_names.txt``), as written
    or abbreviated: the task extractor does not split an actor inside one."""
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(f"(?:{p})" for p in patterns("agency_joint_names.txt")) + r")(?![\p{L}])", regex.I)


@dataclass(frozen=True)
class _Portfolio:
    name: str
    bodies: frozenset[str]
    successor: str | None
    since: str | None


def _portfolio_key(words: str) -> str:
    """How a portfolio is compared: case, punctuation, "và"/"&" and spaces aside."""
    words = unicodedata.normalize("NFC", words).casefold().replace("&", " và ")
    return "".join(w for w in _PORTFOLIO_SEPARATORS.split(words) if w and w != "và")


@cache
def _portfolios() -> dict[str, _Portfolio]:
    return {
        _portfolio_key(row["domain"]): _Portfolio(
            row["domain"], frozenset(row["bodies"].split()), row["successor"] or None, row["since"] or None
        )
        for row in table("agency_portfolios.tsv")
    }


# ---------------------------------------------------------------- cleaning


def _expand(value: str) -> str:
    pattern, rows = _spellings()
    value = pattern.sub(lambda m: rows[m.group(0)], value)
    pattern, rows = _abbreviations()
    value = pattern.sub(lambda m: rows[m.group(0)] + " ", value.replace("TP.", "TP. "))
    value = _SPACES.sub(" ", _AMPERSAND.sub(" và ", value))
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", value).strip()


def _without_brackets(value: str) -> str:
    previous = None
    while previous != value:
        previous, value = value, _BRACKETS.sub("", value)
    if "(" in value:  # an opening bracket that the actor cut short: the note runs to its end
        value = value[: value.index("(")]
    return value.replace(")", "")


def _cut_tail(value: str, actor: bool) -> str:
    """The body's name without what follows it: its work, a remark, a list after a colon.
    Verbs end the name of an ``actor`` only, and not one that names a council, a steering
    committee, a fund, a centre or a team, whose names hold verbs."""
    if ":" in value:
        before, _, after = value.partition(":")
        # "các Bộ: Y tế, Công Thương" lists the bodies; "Liên đoàn Lao động tỉnh: Chỉ đạo ..." its work
        value = f"{before} {after.strip()}" if _LISTING.search(before) else before
    value = value.split(";")[0]
    apposition = None if _PLURAL_START.match(value) else _APPOSITION.search(value)
    if apposition:
        value = value[: apposition.start()]  # "Bộ Nội vụ, cơ quan chủ trì triển khai Đề án"
    defined = _DEFINED_GROUP.search(value)
    if defined:
        # "các cơ quan được giao chủ trì", "các cơ quan phối hợp": the words define the group
        value, definition = value[: defined.start()], value[defined.start() :]
    else:
        definition = ""
    verbal = _VERBAL_NAME.match(value)
    stop = _stops(actor and not verbal).search(value, len(value.split(" ", 1)[0]))
    if actor and verbal and (place := _UNIT.search(value)):
        # a name that holds verbs still ends at its place: "Hội đồng ... tỉnh quy định quy chế"
        late = _stops(True).search(value, place.end())
        stop = stop if stop and (late is None or stop.start() < late.start()) else late
    if stop:
        return value[: stop.start()].strip(_OUTER)
    return (value + definition).strip(_OUTER)


@cache
def _surnames() -> frozenset[str]:
    return frozenset(patterns("person_surnames.txt"))


def _without_person(value: str) -> str:
    """A body's name without the person named after it ("Chủ tịch UBND tỉnh Phạm Anh Tuấn" →
    "Ủy ban nhân dân tỉnh"): two to four capitalised words opening with a surname."""
    person = _TRAILING_NAME.search(value)
    if person and _NAMED_LOWER_UNIT.search(value, 0, person.start()):
        return value  # "UBND phường Văn Phú", "UBND các phường: Yên Bái, Văn Phú": a place
    if person and person.start() > 0 and person.group(1).split(" ", 1)[0] in _surnames():
        if places.province(person.group(1)) is None:
            return value[: person.start()]
    return value


def _drop_titles(value: str, setting: Setting) -> str:
    """The body a person's title stands for, at the start of the actor and of each body it lists."""
    if _PRIME_MINISTER.match(value):
        return "Thủ tướng Chính phủ"
    ministers = _MINISTERS.match(value)
    if ministers:
        rest = value[ministers.end() :]
        if _MINISTRIES_AFTER.match(rest):
            value = rest.strip(_OUTER)  # "Bộ trưởng Bộ Công an" → "Bộ Công an"
        elif not rest.strip(_OUTER) and setting.issuer_kind == "Bộ" and not value.lower().startswith("các"):
            return setting.issuer or "các Bộ"  # "Bộ trưởng" in a ministry's own document
        else:
            value = "các Bộ" + rest  # "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ"
    pattern, keeps = _titles()
    items = _LIST_SEPARATOR.split(value)
    kept = []
    for item in items:
        title = pattern.match(item)
        if title and item[title.end() :].strip():
            keep = keeps[title.group(0).strip().casefold()]
            item = f"{keep} {item[title.end():]}".strip() if keep else item[title.end() :]
        kept.append(item)
    return "".join(kept).strip(_OUTER)


def _portfolio_at(words: list[str], index: int, kind: str) -> tuple[_Portfolio, int] | None:
    """The portfolio whose name the words from ``index`` open with (longest first), if any."""
    for size in range(min(8, len(words) - index), 0, -1):
        candidate = _portfolios().get(_portfolio_key(" ".join(words[index : index + size])))
        if candidate is not None and kind in candidate.bodies:
            return candidate, size
    return None


def _official(value: str) -> tuple[str, _Portfolio | None]:
    """Ministries and departments spelled officially ("Sở Kế hoạch & Đầu tư" → "Sở Kế hoạch và
    Đầu tư", "các Bộ: Y tế, Công Thương" keeps its list), with the first one's portfolio.
    Nothing but another body of a list follows a ministry's name: the rest is cut off."""
    words = value.split(" ")
    out: list[str] = []
    first: _Portfolio | None = None
    index = 0
    while index < len(words):
        word = words[index]
        out.append(word)
        index += 1
        kind = word.capitalize()
        if kind not in ("Bộ", "Sở") or (len(out) > 1 and out[-2].capitalize() == "Liên"):
            continue  # "Liên Bộ Xây dựng - Tài chính - Vật giá Chính phủ" names its ministries its own way
        named = False
        while index < len(words):
            found = _portfolio_at(words, index, kind)
            if found is None:
                break
            portfolio, size = found
            first, named = first or portfolio, True
            listed = words[index + size - 1].endswith(",")
            out.extend(portfolio.name.split(" "))
            index += size
            if listed:
                out[-1] += ","
                continue
            if index + 1 < len(words) and words[index] == "và" and _portfolio_at(words, index + 1, kind):
                out.append("và")
                index += 1
                continue
            break
        if named and index < len(words) and not (out[-1].endswith(",") or words[index] in ("và", "hoặc") or words[index].startswith("/")):
            # after a ministry nothing but another body of a list; after a department its place
            if kind == "Bộ" or not _DEPARTMENT_GOES_ON.match(" ".join(words[index:])):
                break
    return " ".join(out).strip(_OUTER), first


# ---------------------------------------------------------------- reading a body


def _head(body: str) -> _Head | None:
    for head in _heads():
        if head.pattern.search(body) if head.anywhere else head.pattern.match(body):
            return head
    return None


def _first_body(name: str) -> str:
    """The first body a group lists ("sở" of "các sở, ban, ngành"), without the plural opening."""
    body = _PLURAL_START.sub("", name, count=1)
    body = _MEMBERS_OF.sub("", body)
    cut = _NEXT_BODY.search(body)
    return body[: cut.start()] if cut else body


@dataclass(frozen=True)
class _Unit:
    unit: str  # "tỉnh", "thành phố", "xã", "cấp tỉnh" ... (lower case)
    name: str | None  # "Lâm Đồng", "1", None when bare
    province: places.Province | None  # the province-level unit it names, if it is one


def _units(name: str, date: str | None) -> list[_Unit]:
    found = []
    for match in _UNIT.finditer(name):
        unit = match["unit"].lower()
        written = match["name"]
        province = None
        if written and unit in ("tỉnh", "thành phố"):
            province = _province_named(unit, written, date)
            if province is not None and unit == "thành phố" and not province.name.startswith("Thành phố"):
                province = None  # a city of a province ("thành phố Vũng Tàu") is a district
        found.append(_Unit(unit, written, province))
    return found


def _province_named(unit: str, written: str, date: str | None) -> places.Province | None:
    """The province "tỉnh X" / "thành phố X" names, X read from its first words on ("thành phố
    Huế Nghị Quyết", a header run into the title, is Huế)."""
    words = written.split(" ")
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        province = places.province(f"{unit} {name}", date) or places.province(name, date)
        if province is not None:
            return province
    return None


def _trailing_province(name: str, date: str | None) -> places.Province | None:
    """A province named at the end without a unit word: "Báo Gia Lai", "Tỉnh ủy Hậu Giang"."""
    words = name.split(" ")
    for size in range(min(4, len(words) - 1), 1, -1):
        tail = words[-size:]
        if all(_CAPITALISED.fullmatch(w) for w in tail) and not name.endswith(_YOUTH_UNION):
            province = places.province(" ".join(tail), date)
            if province is not None:
                return province
    return None


def _unit_level(unit: _Unit, setting: Setting) -> str:
    if unit.unit == "thành phố":
        if unit.province is not None or (unit.name is None and setting.city):
            return "province"
        return "district"
    return _UNIT_LEVEL.get(unit.unit, "province")


def _below(setting: Setting) -> str:
    """The tier under the issuer: what "các địa phương" are."""
    if setting.issuer_level == "central" or not setting.local:
        return "province"
    if setting.issuer_level == "province":
        return "commune" if (setting.date or "") >= places.MERGER_DATE else "district"
    return "commune"


@dataclass(frozen=True)
class _Reading:
    name: str
    level: str
    group: bool
    head: _Head | None
    portfolio: _Portfolio | None
    province: places.Province | None  # the province its own name gives
    named_unit: _Unit | None  # a named district or commune of its name


def _read(written: str, setting: Setting, actor: bool = True) -> _Reading:
    value = unicodedata.normalize("NFC", written).replace("**", "")
    value = _SPACES.sub(" ", value).strip(_OUTER)
    value = _ASSIGNED.sub("", _without_brackets(value))
    value = _expand(value)
    value = _cut_tail(value, actor)
    value = _drop_titles(value, setting)
    value = _DANGLING.sub("", _CONCERNED.sub("", value)).strip(_OUTER)
    value = _without_person(value)
    value, portfolio = _official(value)
    if not value:
        value = _SPACES.sub(" ", written).strip(_OUTER)
    value = _committee_of_territory(value, setting.date)
    if _PLURAL_START.match(value):
        value = value[0].lower() + value[1:]
    joint = joint_names().match(value)
    group = bool(_PLURAL_START.match(value) or _GROUP.search(value, joint.end() if joint else 0))
    body = joint.group(0) if joint else _first_body(value)
    head = _head(body)
    units = _units(value, setting.date)
    province = next((u.province for u in units if u.province is not None), None)
    if province is None and not units and head is not None and head.placed:
        # "Báo Gia Lai", "Tỉnh ủy Hậu Giang" belong to the province; a company named after one
        # ("Công ty TNHH Lâm nghiệp 888 Yên Bái") is only named for it
        province = _trailing_province(value, setting.date)
    named_unit = next((u for u in units if u.name and u.province is None and u.unit in _NAMED_UNITS), None)
    if head is None and not group and _PERSON.match(value) and not units:
        level = "other"
    elif portfolio is not None and head is not None and head.level == "central" and body.lower().startswith(("bộ", "các bộ")):
        level = "central"
    elif head is None:
        level = "other"
    elif head.level == "other" and head.unit and (owner := _OWNER.search(body)) is not None and not units:
        level = _read(owner.group(1), setting).level  # "các đơn vị thuộc Bộ Tư pháp": the Bộ's level
    elif head.level == "below":
        level = _below(setting)
    elif head.unit and units:
        level = _unit_level(units[0], setting)
    elif head.level == "issuer":
        level = "central" if setting.issuer_level == "central" and not setting.local else "province"
    else:
        level = head.level
    if head is not None and head.level == "central" and head.unit and province is None and level == "province" and not units:
        level = "central"
    return _Reading(value, level, group, head, portfolio, province, named_unit)


def _committee_of_territory(value: str, date: str | None) -> str:
    """The People's Committee of an actor that names only territories ("Tỉnh Thanh Hóa" →
    "Ủy ban nhân dân tỉnh Thanh Hóa", "Thanh Hóa" alone likewise); any other actor as it is."""
    if _TERRITORIES_ONLY.fullmatch(value):  # "Tỉnh Thanh Hóa", "Các xã, phường": lower case after it
        return f"{_PEOPLES_COMMITTEE} {value[:1].lower()}{value[1:]}"
    if _CAPITALISED_WORDS.fullmatch(value):
        province = places.province(value, date)
        if province is not None:
            return f"{_PEOPLES_COMMITTEE} {province.governed}"
    return value


def _territory_name(value: str, setting: Setting) -> str:
    """A single public body of the document's province, named with it."""
    if _PARTY_COMMITTEE_END.search(value):
        return f"{value} {setting.territory}"
    if _ENDS_PROVINCE_WORD.search(value):
        return f"{value[: -len('tỉnh')]}tỉnh {setting.territory}" if not setting.city else value
    if _ENDS_CITY_WORD.search(value):
        return f"{value[: -len('thành phố')]}thành phố {setting.territory}" if setting.city else value
    if _BARE_LOWER_UNIT.search(value) or _ENDS_PROVINCE_TIER.search(value):
        return value
    return f"{value} {setting.governed}"


_PLACE_TAIL = regex.compile(
    rf"(?<=\p{{L}})\s+(?:(?:trên|trong)\s+(?:địa\s+bàn(?:\s+(?:toàn\s+)?(?:tỉnh|thành\s+phố)(?:\s+{_NAME})?)?|toàn\s+(?:tỉnh|thành\s+phố))"
    rf"|(?:thuộc|của|trong|toàn)\s+(?:Ủy\s+ban\s+nhân\s+dân\s+)?(?:tỉnh|thành\s+phố)(?:\s+{_NAME})?|cấp\s+tỉnh|tỉnh(?:\s+{_NAME})?"
    rf"|thành\s+phố(?:\s+{_NAME})?)$",
    regex.I,
)


def _group_name(value: str, setting: Setting) -> str:
    """A group of the document's province without the words that only say so."""
    previous = None
    while previous != value:
        previous = value
        if setting.local:
            tail = _PLACE_TAIL.search(value)
            # not a unit word of a list of kinds: "các tỉnh", "các tỉnh, thành phố"
            if tail and not _LISTED_BEFORE.search(value[: tail.start()]):
                value = value[: tail.start()]
        value = _CONCERNED.sub("", value).strip(_OUTER)
    return value


_SPREAD = regex.compile(r"(?<![\p{L}])(?:các\s+tỉnh|tỉnh,\s+thành\s+phố|bộ,\s+tỉnh|cả\s+nước|toàn\s+quốc|trung\s+ương|tối\s+cao)(?![\p{L}])", regex.I)


def resolve(written: str, setting: Setting, actor: bool = True) -> Agency:
    """The agency an actor names, in the document ``setting`` describes; ``actor=False`` for an
    issuer or an addressee, whose words say no work to cut off."""
    reading = _read(written, setting, actor)
    name, level, group, head = reading.name, reading.level, reading.group, reading.head
    inner = _INNER_UNIT.get(setting.issuer_kind or "")
    if (
        inner is not None
        and setting.issuer
        and inner.match(name)
        and reading.portfolio is None
        and reading.province is None
        and reading.named_unit is None
    ):
        if _ENDS_BARE_PARENT.search(name):
            name = name[: -len("Bộ")] + setting.issuer
        else:
            name = f"{name} {setting.issuer}"
        level = setting.issuer_level or level
    elif group:
        name = _group_name(name, setting)
    elif (
        setting.local
        and head is not None
        and head.placed
        and not (level == "mass_organisation" and _NATIONAL.search(name) and "Mặt trận" not in name)
        and level != "central"
        and reading.province is None
        and reading.named_unit is None
        and not _REGIONAL.search(name)
    ):
        name = _territory_name(name, setting)
    if group and _SPREAD.search(name):
        place: str | None = None  # "Ủy ban nhân dân các tỉnh, thành phố ...": several provinces
    elif reading.province is not None:
        place = reading.province.short
    elif level == "central" or (level == "mass_organisation" and _NATIONAL.search(name) and "Mặt trận" not in name):
        place = None
    elif setting.local:
        place = setting.territory
    elif reading.named_unit is not None and reading.named_unit.name and not group:
        place = reading.named_unit.name
    else:
        place = None
    return Agency(name=name, level=level, place=place, group=group, text=written)  # type: ignore[arg-type]


# ---------------------------------------------------------------- the document


_ISSUER_LOCAL_LEVELS = ("province", "district", "commune")
_NATIONAL = regex.compile(r"(?:Việt\s+Nam|Trung\s+ương|quốc\s+gia)$", regex.I)


@lru_cache(maxsize=1024)
def setting(issuer: str | None, place: str | None, date: str | None) -> Setting:
    """What a document's issuer, date line and date say about where its bodies belong (a pure
    function of three strings, asked for each list of a record: cached)."""
    if issuer:
        own = _read(issuer, Setting(date=date), actor=False)
        issuer_kind = None
        if own.portfolio is not None and own.name.startswith(("Bộ", "Sở")):
            issuer_kind = own.name.split(" ", 1)[0]
        elif own.name.startswith("Văn phòng Chính phủ"):
            issuer_kind = "Bộ"
        base = Setting(issuer=own.name, issuer_kind=issuer_kind, issuer_level=own.level, date=date)
        if own.province is not None:
            return _placed(base, own.province)
        # a body of a province, district or commune, or one of no tier (an inspection team, a
        # company) whose date line places it; not a central or national body
        local = own.level in _ISSUER_LOCAL_LEVELS or (own.level == "other" and not _NATIONAL.search(own.name))
        if own.named_unit is not None and local:
            # a district or commune body: its unit is the document's territory ("Quận 1",
            # "thành phố Vũng Tàu"), named as the date line names it
            unit = own.named_unit
            numbered = bool(unit.name) and (unit.name or "")[0].isdigit()
            governed = f"{unit.unit.capitalize() if numbered else unit.unit} {unit.name}"
            territory = place or (governed if numbered else unit.name)
            return Setting(territory, governed, False, own.name, issuer_kind, own.level, date)
        if not local or not place:
            return base
        return _from_place(base, place, date)
    if place:
        return _from_place(Setting(date=date), place, date)
    return Setting(date=date)


def _placed(base: Setting, province: places.Province) -> Setting:
    return Setting(
        province.short,
        province.governed,
        province.name.startswith("Thành phố"),
        base.issuer,
        base.issuer_kind,
        base.issuer_level,
        base.date,
    )


def _from_place(base: Setting, place: str, date: str | None) -> Setting:
    province = places.province(place, date)
    if province is not None:
        return _placed(base, province)
    return Setting(place, place, False, base.issuer, base.issuer_kind, base.issuer_level, date)


@lru_cache(maxsize=4096)
def _resolve_cached(written: str, context: Setting, actor: bool = True) -> Agency:
    return resolve(written, context, actor)


def _spanned(agency: Agency, text: str, start: int, end: int) -> Agency:
    """The agency with the span of its words: within ``start:end`` if there, else the last
    mention before it (a heading that assigns), else the first in the text."""
    words = agency.text
    at = text.find(words, start, end) if words else -1
    if at < 0 and words:
        at = text.rfind(words, 0, start)
    if at < 0 and words:
        at = text.find(words)
    if at < 0:
        return agency
    return agency.model_copy(update={"start": at, "end": at + len(words)})


def task_agencies(tasks: list[Task], fields: DocumentFields, text: str) -> list[Task]:
    """The tasks, each with one agency per actor, in order."""
    context = setting(fields.issuer, fields.place, fields.issue_date)
    return [
        task.model_copy(
            update={"agencies": [_spanned(_resolve_cached(actor, context), text, task.start, task.end) for actor in task.actors]}
        )
        for task in tasks
    ]


def issuer_agency(fields: DocumentFields) -> Agency | None:
    """The issuer as an agency (its span: where the header names it)."""
    if not fields.issuer:
        return None
    context = setting(fields.issuer, fields.place, fields.issue_date)
    agency = _resolve_cached(fields.issuer, context, False)
    evidence = fields.evidence.get("issuer") or []
    if evidence:  # the header line that names it
        agency = agency.model_copy(update={"start": evidence[0].start, "end": evidence[0].end})
    return agency


def recipient_agencies(fields: DocumentFields, text: str) -> list[Agency]:
    """The bodies of the "Nơi nhận" list (one per recipient that names a body), in order."""
    context = setting(fields.issuer, fields.place, fields.issue_date)
    found = []
    for recipient in fields.recipients:
        agency = _resolve_cached(recipient, context, False)
        if _head(_first_body(agency.name)) is None and not agency.group:
            continue  # "Như trên", "Lưu: VT", a person: no body
        found.append(_spanned(agency, text, 0, len(text)))
    return found


def legal_ref_agencies(refs: list[LegalRef], fields: DocumentFields) -> list[LegalRef]:
    """The cited instruments, each issuer written as an agency (its span: the citation's)."""
    context = setting(fields.issuer, fields.place, fields.issue_date)
    return [
        ref.model_copy(
            update={
                "issuer_agency": _resolve_cached(ref.issuer, context, False).model_copy(update={"start": ref.start, "end": ref.end})
            }
        )
        if ref.issuer
        else ref
        for ref in refs
    ]


_NAME_PUNCTUATION = regex.compile(r"[,;:()/\\\-–—\"“”'.]+")


def name_words(name: str) -> list[str]:
    """The words that make two canonical names one body: case, spelling variants ("hòa"/"hoà")
    and abbreviations folded, punctuation (commas, hyphens, colons, brackets) aside. "Sở Văn hóa
    - Thể thao và Du lịch" and "Sở Văn hóa, Thể thao và Du lịch" have the same words."""
    return _NAME_PUNCTUATION.sub(" ", fold(name)).split()


def successor(agency: Agency, date: str | None = None) -> tuple[str, str] | None:
    """The body that carries ``agency``'s work on after a merger, and from when: a department
    or ministry merged in 2025 (or 2007), a province merged on 1 July 2025, or both.
    ``date``: the document's date (the place is read as of it)."""
    name, since = agency.name, ""
    heads = [h for h in _heads() if h.successor and h.pattern.match(name)]
    if heads:
        return heads[0].successor or name, heads[0].since or ""
    reading = _read(name, Setting(date=date), actor=False)
    if reading.portfolio is not None and reading.portfolio.successor:
        old, new = reading.portfolio.name, reading.portfolio.successor
        if old in name:
            name, since = name.replace(old, new, 1), reading.portfolio.since or ""
    province = reading.province
    if province is not None and province.system == "63":
        after = places.successor(province)
        if after is not None and after.code != province.code:
            name = name.replace(f"{province.governed}", after.governed).replace(province.short, after.short)
            since = max(since, places.MERGER_DATE)
    if name == agency.name:
        return None
    return name, since
