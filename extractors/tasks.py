"""Tasks: each assignment of work, with who must do it, with whom and by when.

Units of work, in the order a reader meets them:

- a numbered, lettered or bulleted item of the body (``Parsed.sections``), its ``text`` the
  item's own text from its marker to its first child; an item whose content is all children
  ("2. Phòng Nội vụ" + bullets) is a heading that hands its actor to them;
- a line inside an item that opens a new actor ("Đối với Ủy ban nhân dân phường: ...") or
  has its own subject and modality ("Thủ trưởng các Sở ... chịu trách nhiệm thực hiện");
- an assigning sentence outside the items ("Đề nghị Thủ trưởng ... triển khai thực hiện");
- a row of a task table ("Nhiệm vụ \\t Sản phẩm \\t Thời gian \\t Chủ trì \\t Phối hợp").

Actors are read from the item itself, else inherited from the heading above it, else from
the preamble that hands the list out ("... yêu cầu các Sở, ban, ngành ... thực hiện tốt các
nội dung:"). Items under goal and assessment headings (MỤC ĐÍCH, YÊU CẦU, Đánh giá chung)
are not tasks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

import regex

from extractors import deadlines
from extractors.data import patterns, table
from extractors.models import Task
from extractors.structure import Parsed, Section

# ---------------------------------------------------------------- word tables


def _alternation(name: str) -> str:
    return "|".join(f"(?:{p})" for p in patterns(name))


# The first words of an actor phrase ("Sở", "Thủ trưởng", "các", "UBND" ...).
_HEADS = _alternation("actor_heads.txt")
ACTOR_HEAD = regex.compile(rf"(?:{_HEADS})(?:(?<=\s)|(?![\p{{Ll}}]))")


def _opens_actor(text: str) -> bool:
    """Whether ``text`` opens with the head of an actor phrase (ACTOR_HEAD)."""
    return ACTOR_HEAD.match(text) is not None


# Where an actor phrase ends and its work begins ("chủ trì", "phối hợp", "phải", "triển khai").
# Case-sensitive: the verb after a subject is written in lower case, while the same word with a
# capital belongs to a name ("Sở Xây dựng", "Trung tâm Phát triển quỹ đất", "Ban Chỉ đạo").
_VERBS = _alternation("task_verbs.txt")
ACTOR_END = regex.compile(rf"[\s,]+(?=(?:{_VERBS})(?![\p{{L}}]))")
# The work itself opening an item that names nobody ("Tổ chức tuyên truyền ...", "Rà soát ...");
# an item without an actor that opens otherwise ("Căn cứ Hiến pháp ...", "Xã Mường Lống",
# "Quỹ BHYT thanh toán ...", "Địa điểm: ...") describes, cites or lists: it obliges nobody.
ACTION_START = regex.compile(
    rf"(?!căn\s+cứ)(?:{_VERBS}|{_alternation('action_verbs.txt')})(?![\p{{L}}])", regex.I
)
# The legal bases of a decision ("Căn cứ Luật ...;", "Xét đề nghị của ...", "Theo đề nghị của ..."):
# why the document is issued, not work it gives.
LEGAL_BASIS = regex.compile(r"(?:Căn\s+cứ|Xét|Theo\s+đề\s+nghị)(?![\p{L}])")
# An obligation: a modality marker as a word of its own.
MODALITY = regex.compile(rf"(?<![\p{{L}}])(?:{_alternation('modality.txt')})(?![\p{{L}}])", regex.I)


def _has_modality(text: str) -> bool:
    """Whether ``text`` holds a modality marker (MODALITY)."""
    return MODALITY.search(text) is not None


# Headings whose items are goals or assessments, not tasks.
NON_TASK_HEADING = regex.compile(rf"^(?:{_alternation('non_task_headings.txt')})", regex.I)
# Headings of a list of members or invitees ("Thành phần mời:", "... gồm các thành viên sau:").
MEMBER_LIST = regex.compile(_alternation("member_lists.txt"), regex.I)
# A member list opens with "thành phần"/"thành viên" (after an optional "các") or says "gồm":
# every pattern of member_lists.txt is anchored on such an opening or holds "gồm"
# (tests/extractors/test_tasks.py checks it), so other headings never run the full pattern.
MEMBER_OPENINGS = ("thành", "các", "địa đ", "điểm")  # the first letters of MEMBER_LIST's openings
MEMBER_WORD = "gồm"


# A heading over the parts of a product to be made, not over work: "... xây dựng Đề án gồm những
# nội dung chính sau:", "Báo cáo gồm các nội dung:".
CONTENTS_LIST = re.compile(
    r"gồm\s+(?:có\s+)?(?:(?:những|các)\s+)?(?:nội\s+dung|phần|mục)(?:\s+(?:chính|chủ\s+yếu|cơ\s+bản))?"
    r"(?:\s+(?:sau|như\s+sau)(?:\s+đây)?)?\s*:\s*$"
)


def _is_member_list(heading: str) -> bool:
    """Whether a heading opens a list of members or invitees (MEMBER_LIST)."""
    lowered = heading.lower()
    return (lowered.startswith(MEMBER_OPENINGS) or MEMBER_WORD in lowered) and bool(MEMBER_LIST.search(heading))


@cache
def _field_labels() -> tuple[regex.Pattern[str], tuple[str, ...]]:
    """One pattern for all the labels of task_fields.tsv, a group per row (in the order of the
    rows: the first row that matches wins), and the field of each group."""
    rows = table("task_fields.tsv")
    for row in rows:
        if regex.compile(row["pattern"]).groups:
            raise ValueError(f"task_fields.tsv: no capturing group in {row['pattern']}")
    labels = "|".join(f"({row['pattern']})" for row in rows)
    return regex.compile(rf"^(?:{labels})\s*(?::|$)", regex.I), tuple(row["field"] for row in rows)


def _field_of(label: str) -> str | None:
    """The field a label names ("Đơn vị chủ trì" → "actors"), if it names one."""
    pattern, fields = _field_labels()
    found = pattern.match(label.strip())
    # the one group that took part is the row's (lastindex: read by number, names cost more)
    return fields[found.lastindex - 1] if found is not None and found.lastindex else None


# A marker at the start of a section's text ("1.", "a)", "-", "Điều 3."). This pattern and the
# other plain ones below (no \p{..} classes, no variable look-behind) are compiled with the
# standard ``re``, which matches such patterns about twice as fast as ``regex``.
MARKER = re.compile(
    r"^(?:Điều\s+\d+[a-z]?\.?|[IVXL]{1,5}[.\-]|[A-Đ]\.|\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|\(\d{1,2}\)\.?|[a-zđ]\)|[-–+•]|Thứ\s+\S+\s*:)\s*"
)


def _strip_marker(line: str) -> str:
    """``line`` without its leading marker: ``MARKER.sub("", line, count=1)`` without the cost of
    a substitution (the pattern is anchored, so the only match is at the start)."""
    # no pre-test on the first letters: three calls in four are on a line that has a marker
    marker = MARKER.match(line)
    return line[marker.end() :] if marker else line


# A lettered item printed inline after its parent's heading: "1. Công tác dân vận a) Tuyên truyền ...".
INLINE_LETTER = re.compile(r"\s(?=a\)\s)")
# "Đối với Ủy ban nhân dân phường: ..." / "e) Sở Xây dựng: Tiếp tục ...": the actor before a colon.
ACTOR_COLON = re.compile(r"^(?:Đối\s+với\s+)?(?P<actor>[^:\n]{2,160}?)\s*:\s*")


def _actor_colon(line: str) -> re.Match[str] | None:
    """``ACTOR_COLON.match(line)``, tried only when the line has a colon (most have none)."""
    return ACTOR_COLON.match(line) if ":" in line else None

# A heading that names whose duties follow: "Điều 3. Nhiệm vụ và quyền hạn của Ban Chỉ đạo",
# "1. Trách nhiệm của Chính phủ và chính quyền địa phương:", "1. Trách nhiệm chung của các cơ quan,
# đơn vị"; its items inherit the actor.
DUTIES_OF = re.compile(
    r"^(?:Nhiệm\s+vụ|Trách\s+nhiệm|Chức\s+năng|Quyền\s+hạn)(?:(?:\s*,\s*|\s+và\s+)(?:nhiệm\s+vụ|"
    r"trách\s+nhiệm|chức\s+năng|quyền\s+hạn))*\s+(?:(?:cụ\s+thể|chung|chính)\s+)?của\s+(?P<actor>[^:;.\n]{2,160}?)\s*:?\s*$",
    re.I,
)
# A leading adverbial before the subject: "Hằng năm, các cơ quan ...", "Cuối năm, báo cáo ...".
LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:H[ằà]ng|Cuối|Đầu)\s+(?:năm|quý|tháng)|Định\s+kỳ[^,\n]{0,100}|Trên\s+cơ\s+sở[^,\n]{0,80}|"
    r"Căn\s+cứ[^,\n]{0,120}|Trong\s+quá\s+trình[^,\n]{0,80}|Sau\s+khi[^,\n]{0,80}|Ngoài\s+ra|"
    # "Đối với các doanh nghiệp sử dụng trên 10 lao động, Ban chỉ đạo các cấp phải ...": the scope,
    # then the subject (with a colon, "Đối với Ủy ban nhân dân phường:" names the actor itself)
    r"Đối\s+với(?![^:.;\n]{0,160}:)[^,:\n]{0,100})\s*,\s*"
)
# The first letters of the alternatives of LEADING_ADVERBIAL: half the lines open otherwise.
ADVERBIAL_FIRST = "HCĐTSN"


def _leading_adverbial(text: str) -> re.Match[str] | None:
    """``LEADING_ADVERBIAL.match(text)``, tried only on text opening with a letter of ADVERBIAL_FIRST."""
    return LEADING_ADVERBIAL.match(text) if text[:1] in ADVERBIAL_FIRST else None
# An assigning verb before its addressee: "Đề nghị Thủ trưởng ...", "Giao Ban Quản lý ...".
ASSIGN = regex.compile(
    r"(?<![\p{L}])(?P<verb>(?:[Kk]ính\s+)?[Đđ]ề\s+nghị|[Yy]êu\s+cầu|[Gg]iao(?!\s+(?:thông|dịch|lưu|ban|nhận))|(?<!Ban\s)[Cc]hỉ\s+đạo)\s+"
    # the addressee: a name, "các ...", or a body written in lower case ("yêu cầu đơn vị nêu trên")
    r"(?=\p{Lu}|các\s|(?:đơn\s+vị|chủ\s+đầu\s+tư|nhà\s+đầu\s+tư|doanh\s+nghiệp|công\s+ty|cơ\s+quan)\s)"
)
# The first letters of the assigning verbs (ASSIGN.match is tried only on lines opening with one).
ASSIGN_FIRST = ("Đ", "đ", "Y", "y", "G", "g", "C", "c", "K", "k")


def _may_assign(text: str) -> bool:
    """Whether ``text`` holds a word of an assigning verb: without one, ``_assignment_in`` is None."""
    # a word each verb of ASSIGN holds ("đề nghị", "yêu cầu", "giao", "chỉ đạo"): most lines asked
    # hold none and are not searched with ASSIGN, whose look-behind is tried at every letter (an
    # "or" of str tests: any() over a generator costs twice as much)
    return "nghị" in text or "cầu" in text or "iao" in text or "đạo" in text


# "Trên đây là ..." closing paragraphs, speech furniture: never a task by themselves.
# A heading line: short, no closing period.
_HEADING_MAX = 130
# Split points of an actor list: before another actor head written with a capital.
ACTOR_SPLIT = regex.compile(rf"(?:,\s*|\s+và\s+|;\s*)(?=(?:{_HEADS})(?:(?<=\s)|(?![\p{{Ll}}])))")
# Role verbs that end a long actor list ("..., Chánh Văn phòng Bộ ... chịu trách nhiệm thi hành").
ROLE_END = regex.compile(rf"[\s,]+(?=(?:{_alternation('role_verbs.txt')})(?![\p{{L}}]))", regex.I)


def _verb_end(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The span of the blanks before the first verb in ``text[start:stop]`` (ACTOR_END), if any."""
    found = ACTOR_END.search(text, start, stop)
    return found.span() if found else None


def _role_end(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The span of the blanks before the first role verb in ``text[start:stop]`` (ROLE_END), if any."""
    found = ROLE_END.search(text, start, stop)
    return found.span() if found else None


# Past-tense reports: "đã tổ chức", "đã ban hành".
PAST = regex.compile(r"(?<![\p{L}])(?:đã|vừa)\s")


def _is_past(text: str) -> bool:
    """``bool(PAST.search(text))``; the words first, with str ``in`` (the look-behind of PAST is
    tried at every letter, and most lines hold neither word)."""
    return ("đã" in text or "vừa" in text) and PAST.search(text) is not None
# Role verbs read in a task's text: coordinators follow "phối hợp (với)".
COORDINATORS = regex.compile(
    r"(?<![\p{L}])phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?\s+(?P<who>(?:các\s+|với\s+)?\p{Lu}[^;.:\n]{2,160}?)(?=\s+(?:và\s+)?(?:để|trong|tổ\s+chức|triển\s+khai|thực\s+hiện|tham\s+mưu|xây\s+dựng|rà\s+soát|kiểm\s+tra|theo|nhằm)\s|[;.:\n]|$)"
)


# Small patterns of the helpers below, compiled once.
BRACKETED = re.compile(r"\([^()\n]*\)")  # a bracketed aside
ADDRESS_WORDS = re.compile(r"^(?:Đối\s+với|Đề\s+nghị|Yêu\s+cầu|Giao)\s+")  # before an addressee
CLAUSE_MARK = re.compile(r"[.;:]")
CLAUSE_SPLIT = re.compile(r"[.;:]\s")
SENTENCE_CLOSE = re.compile(r"[.;]\s*$")
CLOSING_WORDS = re.compile(r"Trên\s+đây|Trân\s+trọng")  # closing paragraphs of a letter
# The closing formula of a report or submission: "Sở Nội vụ báo cáo Chủ tịch UBND tỉnh xem xét, chỉ
# đạo./.", "... kính trình UBND tỉnh xem xét, quyết định": the writer hands the matter up, no work.
REPORT_CLOSING = re.compile(
    r"(?:báo\s+cáo|kính\s+trình|trình)\s+[^.;:\n]{2,120}?\s+xem\s+xét(?:\s*,\s*(?:chỉ\s+đạo|quyết\s+định|"
    r"cho\s+ý\s+kiến|phê\s+duyệt))?\s*[./]*\s*$"
)


def _is_report_closing(line: str) -> bool:
    # the literal test first: "trình" also ends "chương trình", "quy trình"
    return "xem xét" in line and bool(REPORT_CLOSING.search(line))


def _is_closing_item(body: str) -> bool:
    """An item that only submits the text for decision ("Sở Tư pháp kính trình UBND tỉnh xem xét,
    quyết định."); not work that ends so ("Lập dự toán kinh phí báo cáo Sở ... trình cấp có thẩm
    quyền xem xét, phê duyệt.")."""
    if "xem xét" not in body:
        return False
    closing = REPORT_CLOSING.search(body)
    return closing is not None and (closing.start() == 0 or not ACTION_START.match(body))


# A label that announces a list rather than naming an actor: "... kiến nghị Chủ tịch UBND tỉnh như sau:".
ANNOUNCING_LABEL = re.compile(r"(?:như\s+sau|sau\s+đây|cụ\s+thể)\s*$")


# ---------------------------------------------------------------- actors


def _clean_actor(value: str) -> str:
    value = " ".join(value.split()).strip(" ,;:.-–")  # a name the page wrapped: "Sở\nTư pháp"
    value = ADDRESS_WORDS.sub("", value)
    return value.strip(" ,;:.")


def split_actors(value: str) -> list[str]:
    """ "Các sở, ban, ngành, Ủy ban nhân dân các huyện" → ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện"]."""
    # every split point holds ",", ";" or "và": half the values hold none, and ACTOR_SPLIT.split
    # costs ~10 µs even on a short one
    if "," in value or ";" in value or "và" in value:
        parts = [_clean_actor(p) for p in ACTOR_SPLIT.split(value)]
    else:
        parts = [_clean_actor(value)]
    return [p for p in parts if p and len(p) > 1]


def _is_actor_phrase(value: str) -> bool:
    value = value.strip()
    return (
        bool(value)
        and len(value) <= 220
        and _opens_actor(value)
        and not _is_past(value + " ")  # "Các Chi cục Hải quan đã | triển khai ...": a report
        # a head word that is also a verb names nobody alone: "Lãnh đạo, chỉ đạo thực hiện ..."
        and not ACTION_START.fullmatch(value)
    )


def subject(sentence: str) -> tuple[str, int] | None:
    """The explicit actor of an assignment and where its work begins, if the sentence names one."""
    offset = 0
    adverbial = _leading_adverbial(sentence)
    if adverbial:
        offset = adverbial.end()
    rest = sentence[offset:]
    colon = _actor_colon(rest)
    if colon and ANNOUNCING_LABEL.search(colon.group("actor")):
        colon = None
    if colon:
        # "Các sở, ngành: Văn phòng UBND tỉnh, Sở Tư pháp chuẩn bị ...", "Thời điểm chính thức hoạt
        # động: Các cơ quan theo thẩm quyền khẩn trương ...": a subject after the label is the actor
        after = subject(rest[colon.end() :])
        if after is not None:
            return after[0], offset + colon.end() + after[1]
        label = colon.group("actor")
        if REQUEST_END.search(label):
            # "IV. Văn phòng Chính phủ trân trọng đề nghị:": who asks, not who must act
            return None
        # "Đối với cơ quan hành chính, đơn vị sự nghiệp công lập: ..." (the addressee in lower case)
        named = _capitalised(label) if rest.startswith("Đối") else label
        if _is_actor_phrase(named) and _verb_end(label, 0, len(label)) is None:
            members = _members_of(rest, colon.end())
            if members is not None:
                return rest[:members[0]], offset + members[1]
            return label, offset + colon.end()
    # every assigning verb opens with one of ASSIGN_FIRST: other lines never run the pattern
    assign = ASSIGN.match(rest) if rest[:1] in ASSIGN_FIRST else None
    if assign and assign.group("verb")[0] in "Cc":
        # an item opening "Chỉ đạo các sở ..." is the direction its own actor gives: that is the work
        assign = None
    if assign:
        rest_start = assign.end()
        end = _actor_end(rest, rest_start)
        if end and _is_actor_phrase(rest[rest_start : end[0]]):
            return rest[rest_start : end[0]], offset + end[1]
        return None
    if _opens_actor(rest):
        end = _actor_end(rest, 0)
        if end and end[0] > 1 and _is_actor_phrase(rest[: end[0]]):
            return rest[: end[0]], offset + end[1]
    return None


# A label that ends with the request it makes of the items below ("... trân trọng đề nghị:").
REQUEST_END = re.compile(r"(?<!\w)(?:đề\s+nghị|yêu\s+cầu|kiến\s+nghị|đề\s+xuất)\s*$")
# A collective actor whose members the colon lists: "Các Bộ: Quốc phòng, Công an chủ động ...",
# "Bộ trưởng các Bộ: Xây dựng, Công Thương ...".
COLLECTIVE_LABEL = re.compile(r"[^:\n]{0,40}?(?<!\w)[Cc]ác\s+[^:\n]{1,40}:\s*")


def _members_of(sentence: str, start: int) -> tuple[int, int] | None:
    """Where the names listed after a collective label end and the work begins: "Các Bộ: Quốc
    phòng, Công an | chủ động chỉ đạo ..." (the names hold no clause mark)."""
    if not COLLECTIVE_LABEL.match(sentence):
        return None
    verb = _verb_end(sentence, start, start + 240)
    if verb is None or CLAUSE_MARK.search(sentence, start, verb[0]):
        return None
    return verb


PASSIVE = re.compile(r"(?<!\w)được\s")  # "được giao", "được phân công": a passive verb follows


def _actor_end(sentence: str, start: int) -> tuple[int, int] | None:
    """Where the actor phrase starting at ``start`` ends (the span of the blanks before its work):
    at its first verb, or at a role verb further on when the list of actors goes on past that
    verb ("Vụ Các vấn đề chung về xây dựng pháp luật, Chánh Văn phòng Bộ ... chịu trách nhiệm")."""
    first = _verb_end(sentence, start, start + 240)
    if first is None:
        return None
    if PASSIVE.search(sentence, max(start, first[0] - 25), first[0]):
        # "Các cơ quan được phân công chủ trì thực hiện ... có trách nhiệm lập kế hoạch": verbs
        # after "được" describe the actor; a role verb further on ends it
        later = _role_end(sentence, first[1], start + 480)
        if later is not None and not CLAUSE_MARK.search(sentence, start, later[0]):
            return later
    role = _role_end(sentence, start, start + 480)
    if role is None or role[0] <= first[0]:
        return first
    # the list goes on past the first verb: another actor follows it closely, no clause ends
    split = ACTOR_SPLIT.search(sentence, first[0], role[0])
    if (
        split is not None
        and split.start() - first[0] <= 40
        and not CLAUSE_MARK.search(sentence, start, role[0])
    ):
        return role
    return first


def _assignment_in(sentence: str) -> tuple[str, int] | None:
    """An actor introduced mid-sentence: "..., Chủ tịch UBND tỉnh yêu cầu các Sở ... thực hiện",
    or closing a line that hands the list below to it: "..., giao Trung tâm Xúc tiến Đầu tư tỉnh:"."""
    if not _may_assign(sentence):
        return None
    for assign in ASSIGN.finditer(sentence):
        start = assign.end()
        if sentence.endswith(":") and _is_addressee_alone(_capitalised(sentence[start:])):
            return sentence[start:-1].rstrip(), len(sentence)
        end = _actor_end(sentence, start)
        if end and _is_actor_phrase(_capitalised(sentence[start : end[0]])):
            return sentence[start : end[0]], end[1]
    return None


def _capitalised(value: str) -> str:
    """An addressee written in lower case after its verb ("đơn vị nêu trên"), capitalised as an
    actor opening a sentence would be."""
    return value[:1].upper() + value[1:]


def _is_addressee_alone(value: str) -> bool:
    """Whether ``value`` (an assigning verb stripped or not) is only the name of an addressee,
    with no work after it: "Giao Sở Tài chính", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch:"."""
    addressee = _clean_actor(value)
    return (
        len(addressee) <= 160
        and _is_actor_phrase(addressee)
        and _actor_end(addressee, 0) is None
        and _role_end(addressee, 0, len(addressee)) is None
    )


# ---------------------------------------------------------------- units


@dataclass
class Unit:
    """A task in the making: a span of the text and what is known of it."""

    start: int
    end: int
    actors: list[str] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)
    section: str | None = None
    deadline: deadlines.Found | None = None
    own_actor: bool = False
    recurrence: str | None = None  # from a "Thời gian thực hiện: ... hằng năm" field line


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved past the blanks and slashes around ``text[start:end]`` (and a
    closing ";"); the str strip methods do it in C, without a Python step per character. An empty
    or reversed span is left as it is."""
    if start >= end:
        return start, end
    inner = text[start:end].lstrip(" \t\n/")
    start = end - len(inner)
    return start, start + len(inner.rstrip(" \t\n/;"))


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the lines of ``text[start:end]`` without their blanks (as ``_trim``), but
    for empty lines, page numbers and table rows."""
    spans = []
    pos = start
    # one split of the span, then str methods on each line: no search and slice per line
    for raw in text[start:end].split("\n") if start < end else ():
        inner = raw.lstrip(" \t/")
        line_start = pos + len(raw) - len(inner)
        body = inner.rstrip(" \t/;")
        pos += len(raw) + 1
        if len(body) <= 3 and body.isdigit():
            continue  # a page number on its own line
        # rows of a table (cells joined by tabs) are read by _table_units, not as running text
        if body and body.count("\t") < 2:
            spans.append((line_start, line_start + len(body)))
    return spans


def _is_heading(line: str) -> bool:
    """A heading, not work: short, no sentence end, or all in capitals."""
    return _is_heading_body(_strip_marker(line).strip())


def _is_heading_body(body: str) -> bool:
    """``_is_heading`` of a line whose marker and blanks are stripped already."""
    if not body:
        return True
    if _is_caps(body):
        return True
    if ADDRESS_WORDS.match(body) and _is_addressee_alone(body):
        # "Giao Sở Lao động - Thương binh và Xã hội:", "b) Giao Sở Tài chính": the addressee of
        # the bullets or lines below, with no work of its own
        return True
    return (
        len(body) <= _HEADING_MAX
        and (body.endswith(":") or not SENTENCE_CLOSE.search(body))
        and not _has_modality(body)
    )


class _Context:
    """What the extractor knows while walking the body: parsed text, sections, inherited actors."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        self.text = parsed.text
        self.sections = parsed.sections
        self.children: dict[int, list[int]] = {}
        for index, section in enumerate(self.sections):
            if section.parent is not None:
                self.children.setdefault(section.parent, []).append(index)
        self.heading_actor: dict[int, list[str]] = {}
        self.excluded: set[int] = set()
        self.fields: dict[int, dict[str, str]] = {}
        self.field_lines: dict[int, bool] = {}  # _is_field_line of each section asked
        self.work_parts: list[tuple[int, int]] | None = None  # spans of _in_work_part, read once
        # deadlines of the whole text, read once; each task takes the first within its span
        self.deadline_hits = deadlines.find_all(parsed)
        self.deadline_starts = [hit.start for hit in self.deadline_hits]  # in text order


def _fill_field(ctx: _Context, unit: Unit, name: str, value_start: int, value_end: int) -> None:
    """Fill the field ``name`` of ``unit`` from the value ``text[value_start:value_end]`` of a
    field line ("Đơn vị chủ trì: Sở Tư pháp", "Thời gian thực hiện: Quý I/2026")."""
    text = ctx.text
    if name == "actors":
        unit.actors, coordinators = _lead_and_coordinators(text[value_start:value_end])
        unit.coordinators = unit.coordinators or coordinators
        unit.own_actor = True
    elif name == "coordinators":
        unit.coordinators = split_actors(text[value_start:value_end])
    elif name == "deadline":
        unit.deadline = _cell_deadline(ctx, value_start, value_end)
        # "Thời gian thực hiện: Thường xuyên hằng năm" states how often, with or without a date
        unit.recurrence = deadlines.recurrence_in(text, value_start, value_end)


def _field_in_line(text: str, line_start: int, line_end: int) -> tuple[str, int] | None:
    """The field a line gives and where its value starts ("Đơn vị chủ trì thực hiện: Các Sở ...")."""
    line = text[line_start:line_end]
    if ":" not in line[:60]:
        return None
    label, _, value = line.partition(":")
    name = _field_of(label)
    return (name, line_end - len(value)) if name in ("actors", "coordinators", "deadline", "other") else None


def _apply_field(
    ctx: _Context, section: Section, units: list[Unit], inherited: list[str]
) -> list[Unit]:
    """A field bullet ("- Đơn vị chủ trì: ...") fills the task above it; lines printed after it
    ("(2) Sao lưu ...", unmarked items of a numbered list) are the next tasks."""
    text = ctx.text
    start, end = _trim(text, section.start, section.text_end)
    lines = _lines(text, start, end)
    # _lines leaves out a row of a table: a field line whose value holds cells joined by tabs
    # ("Đơn vị phối hợp: Sở Tài chính<tab>Thanh tra<tab>Công an") fills nothing
    if not lines or lines[0][0] != start:
        lines.insert(0, (start, start))
    line = _strip_marker(text[lines[0][0] : lines[0][1]])
    label, _, value = line.partition(":")
    name = _field_of(label)
    value_start, value_end = _trim(text, lines[0][1] - len(value), lines[0][1])
    if name == "task" and value_end > value_start:
        # "a) Nhiệm vụ: Tham mưu UBND Thành phố ...": the item's work, its fields in the items after
        task_end = _trim(text, value_start, end)[1]
        return [Unit(value_start, task_end, actors=list(inherited), section=section.label)]
    # "1.2. ... a) Nhiệm vụ: - ... - ... b) Cơ quan thực hiện: - Đơn vị chủ trì: ...": a field under
    # a field heading serves the whole item the heading belongs to
    owner = section.parent
    block = owner is not None and _is_field_heading(ctx, owner)
    if block and owner is not None:
        owner = ctx.sections[owner].parent
    parent_start = ctx.sections[owner].start if owner is not None else 0
    if units and name and units[-1].start >= parent_start:
        unit = units[-1]
        _fill_field(ctx, unit, name, value_start, value_end)
        if name == "actors":
            # "3.1. ... 3.2. ... 3.4. ... - Cơ quan thực hiện: Sở ...": one field line after several
            # sibling items without their own fields serves them all
            for earlier in _unfielded_siblings(ctx, section, units):
                earlier.actors, earlier.own_actor = list(unit.actors), True
                earlier.coordinators = earlier.coordinators or list(unit.coordinators)
        if block:
            for earlier in reversed(units[:-1]):
                if earlier.start < parent_start:
                    break
                if name != "actors" or not earlier.own_actor:
                    _fill_field(ctx, earlier, name, value_start, value_end)
    new = []
    for line_start, line_end in lines[1:]:
        line = text[line_start:line_end]
        if _is_heading(line):
            continue
        found = subject(line) or (
            _assignment_in(line) if _may_assign(line) and _has_modality(line) else None
        )
        if found is None and LABEL.match(line):
            continue
        unit = Unit(line_start, line_end, actors=list(inherited), section=section.label)
        if found is not None:
            unit.actors, unit.own_actor = split_actors(found[0]), True
        new.append(unit)
    return new


def _is_field_heading(ctx: _Context, index: int) -> bool:
    """A field line with no value of its own, over the field lines that give it: "b) Cơ quan thực
    hiện:" over "- Đơn vị chủ trì: ..." and "- Đơn vị phối hợp: ..."."""
    section = ctx.sections[index]
    own = ctx.text[section.start : section.text_end].strip()
    return _is_field_line(ctx, index) and own.endswith(":") and own.count(":") == 1


def _unfielded_siblings(ctx: _Context, field_line: Section, units: list[Unit]) -> list[Unit]:
    """Units of the items just before the one a field line belongs to, back to the last item that
    has an actor of its own: siblings that share the field ("1.1. ... 1.2. ... - Cơ quan thực hiện")."""
    if field_line.parent is None:
        return []
    item = ctx.sections[field_line.parent]
    family = item.label.rsplit(".", 1)[0] + "." if "." in item.label else None
    found = []
    for unit in reversed(units[:-1]):
        if (
            family is None
            or unit.own_actor
            or unit.section is None
            or not unit.section.startswith(family)
            or unit.section.count(".") != item.label.count(".")
        ):
            break
        found.append(unit)
    return found


# "Đầu mối liên hệ: ...", "Điện thoại: ...": a labelled line of contact details, not work.
LABEL = re.compile(r"^[^:\n]{1,40}:")
# The addressees of a letter, "Kính gửi:", or of a công điện, "THỦ TƯỚNG CHÍNH PHỦ điện:",
# followed by their bullets.
ADDRESSEES = re.compile(r"(?:Kính\s+gửi\s*:?|(?<!\w)điện\s*:)\s*$")


def _is_addressee(ctx: _Context, index: int) -> bool:
    """A bullet of the "Kính gửi:" (or "... điện:") list."""
    section = ctx.sections[index]
    if section.parent is not None or not section.marker.startswith(("-", "+", "•")):
        return False
    first = index
    while (
        first > 0
        and ctx.sections[first - 1].parent is None
        and ctx.sections[first - 1].marker == section.marker
        and ctx.sections[first - 1].end >= ctx.sections[first].start - 1
    ):
        first -= 1
    before = ctx.text[max(0, ctx.sections[first].start - 40) : ctx.sections[first].start].rstrip()
    return bool(ADDRESSEES.search(before))


_SMALL_ASCII = re.compile("[a-z]")


def _is_caps(line: str) -> bool:
    """All in capitals (a heading such as "II. NỘI DUNG THỰC HIỆN"); codes and digits aside."""
    head = _strip_marker(line[:200])
    # a line holding a small ASCII letter changes under upper(): most lines stop at this scan
    if _SMALL_ASCII.search(head):
        return False
    return head == head.upper() and head != head.lower()


def _is_broken_continuation(ctx: _Context, index: int) -> bool:
    """A bullet that continues the field line above it ("- Đơn vị phối hợp: ..., Vụ Tổ chức / - cán bộ, ...")."""
    # the line above first: its answer is mostly kept already, and mostly no
    if index == 0 or not _is_field_line(ctx, index - 1):
        return False
    section = ctx.sections[index]
    return _strip_marker(ctx.text[section.start : section.start + 40])[:1].islower()


def _is_field_line(ctx: _Context, index: int) -> bool:
    """A field bullet ("- Đơn vị chủ trì: ..."); asked of an item, its children and the item after
    it, so the answer is kept."""
    known = ctx.field_lines.get(index)
    if known is None:
        section = ctx.sections[index]
        head = ctx.text[section.start : min(section.text_end, section.start + 60)]
        # a line without a colon (most) is no field line: no marker to strip
        label, colon, _ = _strip_marker(head).partition(":") if ":" in head else (head, "", "")
        known = ctx.field_lines[index] = bool(colon) and _field_of(label) is not None
    return known


def _section_units(ctx: _Context, preambles: list[tuple[int, list[str], int | None]]) -> list[Unit]:
    text = ctx.text
    units: list[Unit] = []
    for index, section in enumerate(ctx.sections):
        parent = section.parent
        if index in ctx.excluded or (parent is not None and parent in ctx.excluded):
            ctx.excluded.add(index)
            continue
        start, end = _trim(text, section.start, section.text_end)
        own = text[start:end]
        first_line_end = own.find("\n")
        first_line = own if first_line_end < 0 else own[:first_line_end]
        heading_text = _strip_marker(first_line)
        if first_line_end >= 0 and not heading_text.strip():
            # "1.4.\nXây dựng kế hoạch ...": the marker alone on its line
            first_line_end = own.find("\n", first_line_end + 1)
            first_line = own if first_line_end < 0 else own[:first_line_end]
            heading_text = _strip_marker(first_line)
        # the literal test first: the pattern looks at every space of the line
        inline = INLINE_LETTER.search(heading_text) if "a)" in heading_text else None
        if inline:
            heading_text = heading_text[: inline.start()]
        if NON_TASK_HEADING.match(heading_text.strip()) and (
            ctx.children.get(index) or section.level <= 2 or inline
        ):
            ctx.excluded.add(index)
            continue
        if _is_member_list(heading_text.strip()):
            # the members of a board, the invitees of a meeting: who takes part, not work
            ctx.excluded.add(index)
            continue
        if "gồm" in heading_text and ctx.children.get(index) and CONTENTS_LIST.search(heading_text):
            # "Các Hội xây dựng Đề án tổ chức Đại hội gồm những nội dung chính sau:": the work is
            # the heading; the items below list what the product holds
            ctx.excluded.update(ctx.children[index])
            found = subject(heading_text)
            actors = split_actors(found[0]) if found else _inherited(ctx, index, preambles, start)
            units.append(Unit(start, start + len(first_line.rstrip()), actors, section=section.label, own_actor=bool(found)))
            continue
        if _is_broken_continuation(ctx, index) or _is_addressee(ctx, index):
            continue
        duties = DUTIES_OF.match(heading_text.strip())
        if duties and _opens_actor(duties.group("actor")):
            ctx.heading_actor[index] = split_actors(duties.group("actor"))
        if _is_field_line(ctx, index):
            units += _apply_field(ctx, section, units, _inherited(ctx, index, preambles, start))
            continue
        if section.marker.startswith("Điều"):
            # the article's title and text: "Điều 8. Chánh Văn phòng ... chịu trách nhiệm thi hành ..."
            # is a sentence on the title line; a title such as "Điều 3. Tổ chức thực hiện" obliges nobody
            marker = MARKER.match(own)
            units += _sentence_units(
                ctx,
                start + (marker.end() if marker else 0),
                end,
                _inherited(ctx, index, preambles, start),
                section.label,
            )
            continue
        inherited = _inherited(ctx, index, preambles, start)
        children = ctx.children.get(index, [])
        lines = _lines(text, start, end)
        if not lines:
            continue
        # the first line without its marker, read by the heading test and the line loop below
        first_body = _strip_marker(text[lines[0][0] : lines[0][1]])
        if len(lines) > 1 and not first_body.strip():
            lines = [(lines[0][0], lines[1][1]), *lines[2:]]
            first_body = _strip_marker(text[lines[0][0] : lines[0][1]])
        # the heading of the item (before an inline "a)") may name the actor of its children
        heading_is_actor = False
        real_children = [c for c in children if not _is_field_line(ctx, c)]
        # a bullet with nothing under it is one item of work whose first line the page may have
        # wrapped ("- Lập dự toán kinh phí báo cáo\nSở Nông nghiệp và Môi trường trình ..."), not
        # a heading over the lines below it
        wrapped_bullet = (
            section.marker.startswith(("-", "+", "•"))
            and not real_children
            and not first_body.rstrip().endswith(":")
            and not _is_caps(first_body)
        )
        first_is_heading = (
            not wrapped_bullet
            and _is_heading_body(first_body.strip())
            and (bool(real_children) or len(lines) > 1 or _is_caps(text[lines[0][0] : lines[0][1]]))
        ) or (
            # "1. Tăng cường sự lãnh đạo ... nhằm nâng cao nhận thức, thúc đẩy ... tiến bộ" over
            # "1.1. ...": a one-line item with no sentence end whose content is its children is a
            # heading however long
            bool(real_children)
            and len(lines) == 1
            and not inline
            and not SENTENCE_CLOSE.search(text[lines[0][0] : lines[0][1]])
            and not text[lines[0][1] - 1] == ":"  # "- Các cơ sở KCB thực hiện ... như sau:" is work
        )
        if index in ctx.heading_actor:
            heading_is_actor = True
        elif not inline and real_children and (addressees := _addressees_heading(first_body)):
            # "1. Bộ trưởng các Bộ: Quốc phòng, ..., Chủ tịch UBND các tỉnh ... theo chức năng,
            # nhiệm vụ, thẩm quyền:" over its lettered items: however long, it names who does them
            ctx.heading_actor[index] = addressees
            heading_is_actor = first_is_heading = True
        elif inline or first_is_heading:
            head = _clean_actor(heading_text)
            head_colon = _actor_colon(heading_text)
            if head_colon and _is_actor_phrase(head_colon.group("actor")):
                head = _clean_actor(head_colon.group("actor"))
                members = heading_text[head_colon.end() :].strip()
                if COLLECTIVE_LABEL.match(heading_text) and members and _verb_end(members, 0, len(members)) is None:
                    # "1. Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường": the members named
                    head = _clean_actor(heading_text)
            if _is_actor_phrase(head) and not _has_modality(head) and len(head) <= _HEADING_MAX:
                ctx.heading_actor[index] = split_actors(head)
                heading_is_actor = True
        actor_here = ctx.heading_actor.get(index) or inherited
        content: list[tuple[int, int]] = []
        if inline:
            first_marker = MARKER.match(first_line)
            content_start = start + first_marker.end() + inline.end() if first_marker else start
            content.append((content_start, lines[0][1]))
            content += lines[1:]
        elif first_is_heading and real_children and text[lines[0][0] : lines[0][1]].endswith(":"):
            # "2. Giao Văn phòng UBND tỉnh:" over its lettered items: lines printed between the
            # announcing heading and its first item are page furniture (footnotes, page numbers)
            pass
        elif first_is_heading:
            content += lines[1:]
        else:
            content = lines
        if not content:
            continue
        each_line = heading_is_actor and not inline
        current: Unit | None = None
        first_unit: Unit | None = None
        field: tuple[str, int] | None = None  # the field line read last in the item, and its value's start
        for line_start, line_end in content:
            if current is not None and line_start != content[0][0]:
                # "- Thường xuyên rà soát ..." / "Đơn vị chủ trì thực hiện: Các" / "Sở, ngành, UBND
                # cấp xã." / "Thời gian thực hiện: Thường xuyên.": the item's fields, unmarked
                found_field = _field_in_line(text, line_start, line_end)
                line = text[line_start:line_end]
                if found_field is None and not MARKER.match(line) and not LABEL.match(line):
                    found_field = field  # the value of the field above, wrapped onto this line
                if found_field is not None:
                    field = found_field
                    name, value_start = found_field
                    _fill_field(ctx, current, name, value_start, line_end)
                    continue
            if (line_start, line_end) == lines[0]:
                body = first_body
            else:
                body = _strip_marker(text[line_start:line_end])
            if current is None and CLOSING_WORDS.match(body):
                continue  # "III. Tổ chức thực hiện" / "Trên đây là hướng dẫn ...": the text's closing
            own_subject = subject(body)
            new_block = bool(
                own_subject
                and (
                    body.startswith("Đối với")
                    or (_actor_colon(body) and own_subject[1] <= body.find(":") + 2)
                )
            )
            timed = (
                line_start != content[0][0]
                and _leading_adverbial(body)
                and not body.startswith(("Căn", "Trên", "Trong", "Sau"))
            )
            if (
                current is None
                or each_line
                or new_block
                or timed
                or (own_subject and line_start != content[0][0] and _has_modality(body))
            ):
                if current is not None:
                    units.append(current)
                current = Unit(
                    line_start if line_start != content[0][0] else section.start,
                    line_end,
                    section=section.label,
                )
                first_unit = first_unit or current
                if line_start == content[0][0] and inline:
                    current.start = section.start
                if own_subject:
                    current.actors = split_actors(own_subject[0])
                    current.own_actor = True
                    if new_block:
                        each_line = True
                        actor_here = current.actors
                else:
                    current.actors = list(actor_here)
                    # _may_assign first: it is cheap, and without it the branch finds nothing
                    if not actor_here and _may_assign(body) and _has_modality(body):
                        # "Trong quá trình tổ chức thực hiện, nếu có vướng mắc ... đề nghị các đơn
                        # vị, địa phương có báo cáo về Sở ...": the addressee named mid-sentence
                        addressed = _assignment_in(body)
                        if addressed is not None:
                            current.actors = split_actors(addressed[0])
            else:
                current.end = line_end
        if current is not None:
            units.append(current)
        if each_line and current is not None and children:
            ctx.heading_actor[index] = actor_here
        elif (
            real_children
            and first_unit is not None
            and first_unit.own_actor
            and index not in ctx.heading_actor
            and text[start:end].rstrip().endswith(":")
        ):
            # "2. Bí thư tỉnh ủy ...; Chủ tịch UBND các tỉnh ... tập trung lãnh đạo ..., trong đó:
            # a) ... b) ...": the items spell out the work of the item's own subject
            ctx.heading_actor[index] = list(first_unit.actors)
        if real_children and first_unit is not None and len(content) == 1 and first_unit in units:
            if ANNOUNCES_LIST.search(text[content[0][0] : content[0][1]]):
                # "a) Vụ Xuất nhập khẩu chủ trì, ... triển khai gấp các công việc sau:", "1.1. Thứ
                # trưởng ... chỉ đạo:": an item whose content is its children is no task itself
                units.remove(first_unit)
    return units


# The end of a line that hands out the list of work under it ("... triển khai gấp các công việc
# sau:", "Thứ trưởng ... chỉ đạo:"), unlike one whose work the list spells out ("Các cơ sở KCB thực
# hiện mã hóa, ghi chép ... như sau:").
ANNOUNCES_LIST = re.compile(
    r"(?:(?:các|những)\s+(?:công\s+việc|nhiệm\s+vụ|nội\s+dung|việc)(?:\s+cụ\s+thể)?\s+sau|chỉ\s+đạo"
    r"|(?<!\w)(?:đề\s+nghị|yêu\s+cầu))\s*:\s*$"  # "IV. Văn phòng Chính phủ trân trọng đề nghị:"
)


# The scope a list of addressees ends with: "... theo chức năng, nhiệm vụ, thẩm quyền:".
SCOPE_TAIL = re.compile(r"\s+(?:theo|trong\s+phạm\s+vi)\s+chức\s+năng[^:\n]*$")


def _addressees_heading(body: str) -> list[str] | None:
    """The actors a line ending with a colon names, when it names only them (no work)."""
    stripped = body.strip()
    if not stripped.endswith(":"):
        return None
    names = SCOPE_TAIL.sub("", stripped[:-1].rstrip())
    # "Đối với các Sở: Kế hoạch và Đầu tư, Xây dựng, ...; Ủy ban nhân dân các huyện ...:"
    names = ADDRESS_WORDS.sub("", names) if names.startswith("Đối") else names
    if len(names) > 400 or not _opens_actor(names) or _has_modality(names):
        return None
    if _verb_end(names, 0, len(names)) is not None:
        return None
    return split_actors(names)


# "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Liên đoàn Lao động tỉnh; các sở ...":
# the lead before "chủ trì", the coordinators after "phối hợp (với)".
LEAD_SPLIT = re.compile(
    r"\s*,?\s+chủ\s+trì\s*,?\s*(?:(?:và\s+)?phối\s+hợp(?:\s+với)?\s*)?", re.I
)


def _lead_and_coordinators(value: str) -> tuple[list[str], list[str]]:
    parts = LEAD_SPLIT.split(value, maxsplit=1)
    if len(parts) == 2:
        return split_actors(parts[0]), split_actors(parts[1])
    return split_actors(value), []


# A member of a board or delegation, named with an honorific and a title: "Chủ tịch Hội đồng: Ông
# Đinh Văn Tuấn - Phó Chủ tịch Ủy ban nhân dân tỉnh.", "- Bà Lê Thị B, Phó Giám đốc Sở Y tế;",
# "- Ông Phạm Xuân Phường Chức vụ: Phó Tổng Giám đốc".
# Who sits on a body is not work; a colon after the name ("Đồng chí X - PCT: phụ trách ...") is.
MEMBER_LINE = regex.compile(
    rf"(?:[^:\n]{{2,80}}:\s*)?(?:{_alternation('person_honorifics.txt')})\s+"
    r"(?:\p{Lu}\p{Ll}*\s+){1,4}\p{Lu}\p{Ll}*\s*(?:[-–,(][^:\n]*|Chức\s+vụ\s*:[^:\n]*)?"
)


# A line of a list of abbreviations or codes ("Ban chỉ đạo: BCĐ", "Hội đồng: HĐ") names a body
# but gives it no work.
GLOSSARY_ENTRY = regex.compile(r"^[^:\n]{2,80}:\s*[\p{Lu}\d./&-]{2,12}\s*[.;,]?\s*$")
# A paper named by its number, as an inspection lists the papers it checked: "Giấy phép sử dụng
# vật liệu nổ công nghiệp số 507/GP-UBND ...", "Báo cáo số 674/BC-HCMTBA ngày ...".
PAPER_ENTRY = regex.compile(
    r"^(?:Giấy\s+(?:phép|chứng\s+nhận)|Thông\s+báo|Báo\s+cáo|Quyết\s+định|Kế\s+hoạch|Phương\s+án|Biên\s+bản"
    r"|Văn\s+bản|Công\s+văn|Hợp\s+đồng|Hộ\s+chiếu)(?:\s+[^\s.;:]+){0,12}?\s+số\s*:?\s*\d"
)
# A checklist's finding: "Sổ sách theo dõi quá trình xuất, nhập VLNCN: Đã lập."
CHECKED_ITEM = regex.compile(r"^[^:\n]{2,160}:\s*(?:Đã\s+\p{Ll}+(?:\s+\p{Ll}+)?|Có|Không|Chưa\s+\p{Ll}+)\s*[.;]?\s*$")


def _is_rule(unit: Unit) -> bool:
    """Items of a normative article ("Điều 5. 1. Người có đất thu hồi ... được hỗ trợ") are rules,
    not tasks, unless they name who must act (themselves or through their heading)."""
    in_article = unit.section is not None and "Điều" in unit.section  # labels are paths: "II.Điều 2.1"
    return in_article and not unit.own_actor and not unit.actors


# The heading, in capitals, of the part of a plan that lists the work to do.
WORK_PART = re.compile(
    r"(?:[IVX]+[.\-]\s*|\d+\.\s*)?(?:CÁC\s+|NHỮNG\s+)?(?:NHIỆM\s+VỤ|NỘI\s*DUNG\s+(?:HOẠT\s+ĐỘNG|THỰC\s+HIỆN|"
    r"TRIỂN\s+KHAI|CÔNG\s+VIỆC)|GIẢI\s+PHÁP|HOẠT\s+ĐỘNG)"
)


def _in_work_part(ctx: _Context, position: int) -> bool:
    """Whether ``position`` lies in a top-level part headed as the work to do (WORK_PART)."""
    if ctx.work_parts is None:
        ctx.work_parts = []
        for section in ctx.sections:
            if section.parent is None:
                heading = " ".join(ctx.text[section.start : min(section.text_end, section.start + 160)].split())
                if _is_caps(heading) and WORK_PART.match(heading):
                    ctx.work_parts.append((section.start, section.end))
    return any(start <= position < end for start, end in ctx.work_parts)


def _opens_with_work(ctx: _Context, unit: Unit) -> bool:
    """An item with no actor is a task only when it opens with the work to do."""
    head = _strip_marker(ctx.text[unit.start : unit.start + 200].lstrip()).lstrip()
    if LEGAL_BASIS.match(head) or _is_caps(head.split("\n", 1)[0]):
        # legal bases, and headings in capitals ("B. HIỆN TRẠNG ... DO ĐẢNG, NHÀ NƯỚC GIAO NHIỆM VỤ")
        return False
    adverbial = _leading_adverbial(head)
    if adverbial:
        head = head[adverbial.end() :]
    if ACTION_START.match(head):
        return True
    if _in_work_part(ctx, unit.start) and unit.section and "-" in unit.section.rsplit(".", 1)[-1]:
        # a bullet under "IV. NỘI DUNG HOẠT ĐỘNG TRIỂN KHAI", "II. NHIỆM VỤ, GIẢI PHÁP": the part
        # of a plan that lists the work, whatever verb opens it ("Thống kê ...", "Khơi thông ...")
        return True
    # "Về công tác tuyên truyền ... thì cần tăng cường ...": the modality says it is work to do
    first = CLAUSE_SPLIT.split(head, maxsplit=1)[0]
    # a modality word inside brackets qualifies a name: "Campuchia tỉnh Đắk Nông (là hội do Đảng,
    # Nhà nước giao nhiệm vụ)"
    return _has_modality(BRACKETED.sub("", first))


def _inherited(
    ctx: _Context, index: int, preambles: list[tuple[int, list[str], int | None]], position: int
) -> list[str]:
    parent = ctx.sections[index].parent
    while parent is not None:
        if parent in ctx.heading_actor:
            return list(ctx.heading_actor[parent])
        parent = ctx.sections[parent].parent
    best: list[str] = []
    own_parent = ctx.sections[index].parent
    for at, actors, scope in preambles:
        if at > position:
            break
        if scope == own_parent or _is_ancestor(ctx, scope, index):
            best = actors
    return list(best)


def _is_ancestor(ctx: _Context, ancestor: int | None, index: int) -> bool:
    if ancestor is None:
        return True
    parent = ctx.sections[index].parent
    while parent is not None:
        if parent == ancestor:
            return True
        parent = ctx.sections[parent].parent
    return False


def _cell_deadline(ctx: _Context, start: int, end: int) -> deadlines.Found | None:
    hits = deadlines.find_value(ctx.parsed, start, end)
    return hits[-1] if hits else None


def _sentence_units(
    ctx: _Context, start: int, end: int, inherited: list[str], label: str | None
) -> list[Unit]:
    """Assigning sentences of running text (outside items, or the text of an article)."""
    units = []
    for line_start, line_end in _lines(ctx.text, start, end):
        line = ctx.text[line_start:line_end]
        if line.endswith(":"):
            continue
        # the cheap tests first: MODALITY scans the whole line
        if _is_past(line[:80]) or not _has_modality(line) or _is_report_closing(line):
            continue
        found = subject(line)
        if found is None:
            found = _assignment_in(line)
            if found is None:
                continue
        if CLOSING_WORDS.match(line):
            found_in = _assignment_in(line)
            if found_in is None:
                continue
            found = found_in
        units.append(
            Unit(line_start, line_end, actors=split_actors(found[0]), section=label, own_actor=True)
        )
    return units


def _preambles(ctx: _Context) -> list[tuple[int, list[str], int | None]]:
    """Lines that hand a list to its addressees ("... yêu cầu các Sở ... thực hiện tốt các nội dung:")."""
    found = []
    text = ctx.text
    owner: int | None = None
    section_starts = [(s.start, i) for i, s in enumerate(ctx.sections)]
    pointer = 0
    for region_start, region_end in ctx.parsed.regions:
        # a preamble ends with a colon: jump from one line holding a colon to the next
        colon = text.find(":", region_start, region_end)
        while colon >= 0:
            raw_start = max(region_start, text.rfind("\n", 0, colon) + 1)
            newline = text.find("\n", colon, region_end)
            raw_end = region_end if newline < 0 else newline
            colon = -1 if newline < 0 else text.find(":", raw_end + 1, region_end)
            for line_start, line_end in _lines(text, raw_start, raw_end):
                line = text[line_start:line_end]
                if not line.endswith(":"):
                    continue
                assignment = _assignment_in(line)
                if assignment is None:
                    continue
                while pointer < len(section_starts) and section_starts[pointer][0] <= line_start:
                    owner = section_starts[pointer][1]
                    pointer += 1
                scope = owner if owner is not None and ctx.sections[owner].end > line_start else None
                if scope is not None and _is_later_paragraph_of_bullet(ctx, scope, line_start):
                    # "Kính gửi: - ...; - Các chủ đầu tư CCN." / "..., Sở Công Thương đề nghị các chủ
                    # đầu tư thực hiện các nội dung sau:": a paragraph after a bullet is not the bullet's
                    scope = ctx.sections[scope].parent
                # a preamble printed as the own text of a section hands its children the list
                found.append((line_start, split_actors(assignment[0]), scope))
    return found


def _is_later_paragraph_of_bullet(ctx: _Context, index: int, position: int) -> bool:
    """Whether ``position`` lies past the first line of the bullet ``index``."""
    section = ctx.sections[index]
    first_line_end = ctx.text.find("\n", section.start)
    return section.marker.startswith(("-", "+", "•")) and 0 <= first_line_end < position


def _loose_units(ctx: _Context) -> list[Unit]:
    """Assigning sentences outside every item (preamble, closing paragraph, news text)."""
    covered = sorted((s.start, s.end) for s in ctx.sections)
    units = []
    for region_start, region_end in ctx.parsed.regions:
        pos = region_start
        for start, end in covered:
            if start < region_start or start >= region_end:
                continue
            if start > pos:
                units += _sentence_units(ctx, pos, start, [], None)
            pos = max(pos, end)
        if pos < region_end:
            units += _sentence_units(ctx, pos, region_end, [], None)
    return units


# ---------------------------------------------------------------- tables


def _table_units(ctx: _Context) -> list[Unit]:
    """One task per row of a task table with a "Chủ trì" column."""
    text = ctx.text
    units: list[Unit] = []
    columns: dict[str, int] | None = None
    for region_start, region_end in ctx.parsed.regions:
        pos = region_start
        while pos < region_end:
            if columns is None:
                # outside a task table only a row (a line with a tab) can start one: go to the next
                tab = text.find("\t", pos, region_end)
                if tab < 0:
                    break
                pos = max(pos, text.rfind("\n", 0, tab) + 1)
            nl = text.find("\n", pos, region_end)
            line_end = region_end if nl < 0 else nl
            if text.find("\t", pos, line_end) >= 0:
                cells = _cells(text, pos, line_end)
                header = {}
                for i, (s, e) in enumerate(cells):
                    name = _field_of(text[s:e])
                    if name and name not in header:
                        header[name] = i
                if "actors" in header and len(header) >= 2:
                    columns = header
                elif columns is not None and len(cells) > columns["actors"]:
                    unit = _row_unit(ctx, cells, columns, pos, line_end)
                    if unit is not None:
                        units.append(unit)
            else:
                columns = (
                    None
                    if line_end - pos > 0 and not text[pos:line_end].strip().startswith(("-", "+"))
                    else columns
                )
            pos = line_end + 1
    return units


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cells = []
    pos = start
    while pos <= end:
        tab = text.find("\t", pos, end)
        cell_end = end if tab < 0 else tab
        cells.append(_trim(text, pos, cell_end))
        if tab < 0:
            break
        pos = tab + 1
    return cells


def _row_unit(
    ctx: _Context, cells: list[tuple[int, int]], columns: dict[str, int], start: int, end: int
) -> Unit | None:
    text = ctx.text
    actors = split_actors(text[slice(*cells[columns["actors"]])])
    if not actors:
        return None
    task_column = columns.get("task", 1 if len(cells) > 1 else 0)
    if task_column >= len(cells) or not text[slice(*cells[task_column])].strip():
        return None
    start, end = _trim(text, start, end)
    unit = Unit(start, end, actors=actors, own_actor=True)
    if "coordinators" in columns and columns["coordinators"] < len(cells):
        unit.coordinators = split_actors(text[slice(*cells[columns["coordinators"]])])
    if "deadline" in columns and columns["deadline"] < len(cells):
        unit.deadline = _cell_deadline(ctx, *cells[columns["deadline"]])
    return unit


# ---------------------------------------------------------------- extractor


def extract(parsed: Parsed) -> list[Task]:
    """Every assignment of work in the document, in text order."""
    ctx = _Context(parsed)
    preambles = _preambles(ctx)
    units = _section_units(ctx, preambles) + _loose_units(ctx) + _table_units(ctx)
    units = [u for u in units if not _is_rule(u) and (u.actors or _opens_with_work(ctx, u))]
    addressee = _notice_addressee(ctx.text, parsed.body_end)
    if addressee is not None:
        for unit in units:
            unit.actors = unit.actors or [addressee]
    units.sort(key=lambda u: (u.start, u.end))
    tasks: list[Task] = []
    last_end = -1
    for unit in units:
        if unit.start < last_end and unit.end <= last_end:
            continue
        task = _task(ctx, unit)
        if task is not None:
            tasks.append(task)
            last_end = max(last_end, unit.end)
    return tasks


# The closing formula of a conclusions notice names the body it is for: "Văn phòng Chính phủ thông
# báo để Ủy ban nhân dân tỉnh Đắk Lắk và các Bộ, cơ quan liên quan biết, thực hiện./.".
NOTICE_ADDRESSEE = re.compile(r"thông\s+báo\s+để\s+(?P<who>[^.;:]{3,200}?)\s+biết\s*,\s*(?:triển\s+khai\s+)?thực\s+hiện")


def _notice_addressee(text: str, body_end: int) -> str | None:
    """The one body a notice's closing formula gives its conclusions to, when it names one: the
    actor of the conclusions that name nobody. "Các cơ quan ..." names nobody in particular."""
    formulas = list(NOTICE_ADDRESSEE.finditer(text, max(0, body_end - 1500), body_end))
    formula = formulas[-1] if formulas else None
    if formula is None:
        return None
    first = split_actors(" ".join(formula.group("who").split()))[:1]
    return first[0] if first and not first[0].startswith("các ") else None


def _task(ctx: _Context, unit: Unit) -> Task | None:
    text = ctx.text
    start, end = _trim(text, unit.start, unit.end)
    value = text[start:end]
    body = _strip_marker(value)
    if len(body) < 12 or PAST.match(body) or (len(body) < 200 and _is_closing_item(body)):
        return None
    if GLOSSARY_ENTRY.match(body) or MEMBER_LINE.fullmatch(body.rstrip(" .;")):
        return None
    if PAPER_ENTRY.match(body) or CHECKED_ITEM.match(body):
        return None
    hit = unit.deadline
    if hit is None:
        # the first deadline starting in the span (the hits are in text order)
        first = bisect.bisect_left(ctx.deadline_starts, start)
        hit = ctx.deadline_hits[first] if first < len(ctx.deadline_hits) else None
        if hit is not None and hit.start >= end:
            hit = None
        if hit is not None and hit.granularity == "day" and hit.recurrence is None:
            # the item, not only the line, may say it recurs ("Hằng năm, ... trước ngày 15 tháng 11")
            hits = deadlines.find(ctx.parsed, hit.start - 60 if hit.start - 60 > start else start, end, scope_start=start)
            hit = hits[0] if hits else hit
    recurrence = (
        (hit.recurrence if hit else None)
        or unit.recurrence
        or deadlines.recurrence_in(text, start, end)
    )
    # the literal test first: COORDINATORS has a look-behind tried at every letter
    coordinators = unit.coordinators or [
        c
        for m in (COORDINATORS.finditer(body) if "phối" in body else ())
        for c in split_actors(m.group("who"))
    ]
    action = body[: min(len(body), 120)]
    action = action.split("\n", 1)[0]
    return Task(
        start=start,
        end=end,
        text=value,
        actors=unit.actors,
        action=action,
        coordinators=coordinators,
        deadline=hit.date if hit else None,
        recurrence=recurrence,  # type: ignore[arg-type]
        section=unit.section,
    )
