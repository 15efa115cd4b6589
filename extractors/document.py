"""Document fields: kind, type, number, issuer, date, place, title, signer, recipients.

Reads the parts ``structure.parse`` located and writes them as the contract wants them:
canonical type names, numbers without spaces, issuers with abbreviations expanded and
the place they govern, ISO dates (drafts keep their granularity), sentence-case titles.

A damaged text (bad OCR, see ``extractors.quality``) is read with care: it is a document when its
layout shows one (a quốc hiệu, a "Số:" line, a date line, a "Nơi nhận" list), whatever its prose
looks like, and a field whose own words do not read is left empty rather than filled with
garbage ("Ubnd rns lau dong" is no title).
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

import regex

from extractors import places, quality
from extractors.data import table
from extractors.models import DocumentFields, Signer, Span
from extractors.structure import ISSUER_HEAD, TITLE_SPELLING, Header, Parsed, Piece, command_speaker
from extractors.text import expand_abbreviations, sentence_case, title_case_name

_DOC_TYPES = table("doc_types.tsv")
_CANONICAL = {row["canonical"].upper(): row["canonical"] for row in _DOC_TYPES}
_CANONICAL.update(
    {
        spelling.upper(): row["canonical"]
        for row in _DOC_TYPES
        for spelling in row["spellings"].split(";")
        if spelling
    }
)
_BY_CODE = {
    code: row["canonical"] for row in _DOC_TYPES for code in row["codes"].split(";") if code
}

# Within one header piece, a ministry and its department are sometimes printed on one
# line ("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN"); these heads start a new body mid-line.
_INLINE_HEAD = regex.compile(
    r"(?<!TỔNG|ỦY|UỶ)\s(?=(?:TỔNG CỤC|CỤC|SỞ|VĂN PHÒNG|BAN CHỈ ĐẠO|BAN THƯỜNG VỤ)\s)"
)
# Local governments name the place they govern after their head: "ỦY BAN NHÂN DÂN TỈNH X".
_LOCAL_GOVERNMENT = regex.compile(
    r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|QUẬN ỦY)"
    r"(?P<place>\s+.+)?$"
)
# Sub-bodies that carry no name of their own: they take the parent's ("BAN THƯỜNG VỤ" of a
# "HIỆP HỘI ..."; "VĂN PHÒNG" of the "BAN CHẤP HÀNH TRUNG ƯƠNG" is the Party's Central Office; the
# "ĐOÀN KIỂM TRA" a department sends).
_GENERIC_CHILD = regex.compile(
    r"^(?:BAN THƯỜNG VỤ|VĂN PHÒNG|BAN CHẤP HÀNH|THƯỜNG TRỰC|BAN TỔ CHỨC|ĐOÀN (?:KIỂM TRA|THANH TRA|GIÁM SÁT|CÔNG TÁC))$"
)
# The decision a team works under is no part of its name: "ĐOÀN KIỂM TRA THEO QĐ SỐ 2872/QĐ-SCT".
_MANDATE = regex.compile(r"\s+THEO\s+(?:QĐ|QUYẾT ĐỊNH)\s.*$")
# Provincial bodies, whose header may name the province without its unit word ("SỞ CÔNG THƯƠNG
# LÀO CAI"), and that word before a province's name.
_PROVINCIAL_BODY = regex.compile(r"^(?:SỞ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\s")
_UNIT_WORD_END = regex.compile(r"(?<![\p{L}])(?:TỈNH|THÀNH PHỐ|TP\.?)$")
_BARE_UNIT_END = regex.compile(r"\s(?:TỈNH|THÀNH PHỐ)$")  # a parent named without its place
_PARTY_CENTRAL = regex.compile(r"^BAN CHẤP HÀNH TRUNG ƯƠNG(?: ĐẢNG)?$")
# "…/QĐ-CT": a decision signed by the chairman of a people's committee himself.
_CHAIRMAN_DECISION = regex.compile(r"/QĐ-CT\b")

# Small patterns used for every document, compiled once (``regex.sub(string, ...)`` would look the
# pattern up in regex's cache on each call).
_SPACES = regex.compile(r"\s+")
_CODE_JOIN = regex.compile(r"[/-]")
_YEAR = regex.compile(r"\d{4}")
_ABOUT_PREFIX = regex.compile(r"^V/v\.?\s*", regex.I)
_BEHALF_MARK = regex.compile(r"(K\s?T|T\s?M|T\s?L|TUQ|Q|K/T)\s*\.?\s*(.*)")


def extract(parsed: Parsed, damaged: bool = False) -> DocumentFields:
    """The document's own fields, each with the spans it was read from; in a ``damaged`` text,
    only those whose own words read."""
    header = parsed.header
    evidence: dict[str, list[Span]] = {}

    def cite(name: str, *pieces: Piece | None) -> None:
        # the span's text is the normalised text it covers: a piece joined from two lines ("TM. ỦY
        # BAN NHÂN" / "DÂN", a recipient carried over) holds its value with a space instead
        spans = [Span(start=p.start, end=p.end, text=parsed.text[p.start : p.end]) for p in pieces if p is not None]
        if spans:
            evidence[name] = spans

    number = _number(header.number)
    cite("number", header.number)
    doc_type = None
    if parsed.kind == "document":
        doc_type = _doc_type(header.type_word, number, bool(header.title and header.title[0].text.startswith("V/v")))
        cite("doc_type", header.type_word)
    issue_date = _iso_date(header.year, header.month, header.day)
    cite("issue_date", header.date)
    place = _SPACES.sub(" ", header.place.text) if header.place else None
    cite("place", header.place)
    if parsed.kind == "document":
        issuer_pieces = header.issuer or _spoken_issuer(parsed)
        issuer = _issuer(issuer_pieces, place, number, issue_date)
        unit = None
        if issuer is not None and place is None:
            # "Ủy ban nhân dân tỉnh" with no date line to tell which: the province the text names
            issuer, unit = _name_bare_unit(issuer, parsed.text, issue_date)
        cite("issuer", *issuer_pieces, unit)
    else:
        publisher = _publisher(parsed.text)
        issuer = publisher[1] if publisher else None
        cite("issuer", publisher[0] if publisher else None)
    title = _title(header.title)
    cite("title", *header.title)
    signer = None
    recipients: list[str] = []
    if parsed.closing is not None:
        closing = parsed.closing
        signer = _signer(closing.signer_title, closing.on_behalf, closing.signer_name)
        cite("signer", *closing.on_behalf, closing.signer_title, closing.signer_name)
        recipients = [piece.text for piece in closing.recipients]
        cite("recipients", *closing.recipients)
    fields = DocumentFields(
        kind="news" if parsed.kind == "news" else "document",
        doc_type=doc_type,
        number=number,
        issuer=issuer,
        issue_date=issue_date,
        place=place,
        title=title,
        signer=signer,
        recipients=recipients,
        evidence=evidence,
    )
    return _readable_fields(fields, parsed) if damaged else fields


# A news article's publisher, when printed: the paper's tag opening the lead ("(BĐ) - UBND tỉnh
# vừa ban hành ...", see press_tags.tsv), or the paper named as the interviewer ("Báo Bình Định có
# cuộc trao đổi với ông ..."). The site a page was copied from is not its publisher.
_PRESS_TAGS = {row["tag"]: row["publisher"] for row in table("press_tags.tsv")}
PRESS_TAG = regex.compile(r"^[ \t]*\((?P<tag>[^()\n]{1,14})\)\s*[-–]", regex.M)
INTERVIEWER = regex.compile(
    r"(?<![\p{L}])(?P<paper>Báo(?:\s+\p{Lu}\p{Ll}*){1,4})\s+(?:đã\s+)?(?:có\s+cuộc\s+trao\s+đổi|phỏng\s+vấn)"
)
_LEAD_WINDOW = 2000


def _publisher(text: str) -> tuple[Piece, str] | None:
    """Where the publisher of a news article is printed, and its name."""
    tag = PRESS_TAG.search(text, 0, _LEAD_WINDOW)
    if tag and tag.group("tag") in _PRESS_TAGS:
        piece = Piece(tag.start("tag"), tag.end("tag"), tag.group("tag"))
        return piece, _PRESS_TAGS[tag.group("tag")]
    interviewer = INTERVIEWER.search(text, 0, _LEAD_WINDOW)
    if interviewer:
        paper = interviewer.group("paper")
        return Piece(interviewer.start("paper"), interviewer.end("paper"), paper), paper
    return None


def _spoken_issuer(parsed: Parsed) -> list[Piece]:
    """A document whose header was stripped (no quốc hiệu, no number) names its issuer as the body
    speaking its command formula: "..., Ủy ban nhân dân tỉnh chỉ thị:"."""
    header = parsed.header
    if header.national_motto is not None or header.number is not None:
        return []
    speaker = command_speaker(parsed.text, header, parsed.sections, parsed.body_end)
    return [speaker] if speaker else []


def _number(piece: Piece | None) -> str | None:
    if piece is None:
        return None
    return _SPACES.sub("", piece.text)


def doc_type_of(word: str) -> str | None:
    """Canonical type of a printed type word ("QUYẾT ĐỊNH", "Chương trình hành động")."""
    return _CANONICAL.get(_SPACES.sub(" ", word).strip().upper())


def _doc_type(type_word: Piece | None, number: str | None, is_letter: bool) -> str | None:
    if type_word is not None:
        return doc_type_of(type_word.text)
    if is_letter:
        # a "V/v" trích yếu under the number makes a letter, whatever its code: in "5680/CT-CS"
        # CT is the Cục Thuế, not a chỉ thị
        return "Công văn"
    if number:
        # the type code is the first code part after the number: "14/CT-UBND" → CT
        for part in _CODE_JOIN.split(number)[1:]:
            if part in _BY_CODE:
                return _BY_CODE[part]
            if _YEAR.fullmatch(part):
                continue
            break
        return "Công văn"
    return None


def _iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _bodies(pieces: list[Piece]) -> list[str]:
    """Header pieces grouped into issuing bodies, parent first."""
    bodies: list[str] = []
    for piece in pieces:
        for part in _INLINE_HEAD.split(piece.text):
            value = _SPACES.sub(" ", part).strip(" -")
            if not value:
                continue
            if ISSUER_HEAD.match(value) or not bodies:
                if not bodies or bodies[-1] != value:
                    bodies.append(value)
            else:
                bodies[-1] = f"{bodies[-1]} {value}"
    # a body printed twice (Công báo repeats the issuer) is one body
    deduped: list[str] = []
    for body in bodies:
        if not deduped or deduped[-1] != body:
            deduped.append(body)
    return deduped


def _with_unit_word(body: str, date: str | None) -> str:
    """A provincial body's name with the unit word before its province: "SỞ CÔNG THƯƠNG LÀO CAI" →
    "SỞ CÔNG THƯƠNG TỈNH LÀO CAI" (a name printed in capitals, as headers print them)."""
    if not _PROVINCIAL_BODY.match(body) or not _mostly_upper(body):
        return body
    words = body.split()
    for size in range(min(4, len(words) - 2), 0, -1):  # the longest name that is a province's
        unit = places.province(" ".join(words[-size:]), date)
        if unit is not None:
            rest = " ".join(words[:-size])
            return body if _UNIT_WORD_END.search(rest) else f"{rest} {unit.governed.upper()}"
    return body


def _issuer(pieces: list[Piece], place: str | None, number: str | None, date: str | None) -> str | None:
    bodies = [_with_unit_word(body, date) for body in _bodies(pieces)]
    if not bodies:
        return None
    child = _MANDATE.sub("", bodies[-1])
    parent = bodies[-2] if len(bodies) > 1 else None
    local = _LOCAL_GOVERNMENT.match(child)
    if parent is None:
        name = child
        if local and not local.group("place") and place:
            name = f"{child} {places.governed_unit(place, date)}"
    elif _PARTY_CENTRAL.match(parent) and _GENERIC_CHILD.match(child):
        name = f"{child} TRUNG ƯƠNG ĐẢNG"
    elif _PARTY_CENTRAL.match(parent) and child.startswith("BAN "):
        # "BAN CHẤP HÀNH TRUNG ƯƠNG / BAN TUYÊN GIÁO VÀ DÂN VẬN": the Party's central boards are
        # named "... Trung ương" (Hướng dẫn 36-HD/VPTW)
        name = f"{child} TRUNG ƯƠNG"
    elif _GENERIC_CHILD.match(child):
        # each cased as the head of a name: "Ban Thường vụ" "Hiệp hội ...", "Đoàn kiểm tra" "Sở ..."
        name = f"{_case_body(child)} {_case_body(expand_abbreviations(parent), _mostly_upper(parent))}"
    else:
        parent_local = _LOCAL_GOVERNMENT.match(parent)
        if parent_local and parent_local.group("place"):
            name = f"{child}{parent_local.group('place')}"
        elif _BARE_UNIT_END.search(parent) and place:
            # "VĂN PHÒNG UBND TỈNH / TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG" dated "Lâm Đồng, ngày ...":
            # the centre of that province
            name = f"{child} {places.governed_unit(place, date)}"
        else:
            name = child
    name = _case_body(expand_abbreviations(name))
    if number and _CHAIRMAN_DECISION.search(number) and name.startswith("Ủy ban nhân dân"):
        name = f"Chủ tịch {name}"
    return name


# A body named by its unit alone ("Ủy ban nhân dân tỉnh", "UBND Thành phố"), and a unit the text
# names with the same word ("tỉnh đồng nai", "Thành phố Hà Nội"): the word and up to four more.
_UNIT_WITHOUT_NAME = regex.compile(r"(?<=\s)(?i:tỉnh|thành\s+phố)$")
_UNIT_MENTION = regex.compile(r"(?<![\p{L}])(?P<unit>(?i:tỉnh|thành\s+phố))(?=(?P<name>(?:[ \t]+[\p{L}\-]+){1,4}))")
_NAME_WORD = regex.compile(r"[\p{L}\-]+")


def _name_bare_unit(issuer: str, text: str, date: str | None) -> tuple[str, Piece | None]:
    """``issuer`` with the name of the unit it governs, when it names its unit without it: the
    province the text names most often with the same unit word, and where it first names it."""
    bare = _UNIT_WITHOUT_NAME.search(issuer)
    if bare is None or not ISSUER_HEAD.match(issuer.upper()):  # a body's name, not a title misread
        return issuer, None
    unit_word = _SPACES.sub(" ", bare.group(0)).casefold()
    counts: Counter[places.Province] = Counter()
    first: dict[places.Province, Piece] = {}
    for mention in _UNIT_MENTION.finditer(text):
        if _SPACES.sub(" ", mention.group("unit")).casefold() != unit_word:
            continue
        words = list(_NAME_WORD.finditer(text, mention.start("name"), mention.end("name")))
        for word in reversed(words):  # the longest name that is a province's: "Hồ Chí Minh"
            unit = places.province(text[words[0].start() : word.end()], date)
            if unit is not None and unit.governed.casefold().startswith(unit_word):
                counts[unit] += 1
                first.setdefault(unit, Piece(mention.start(), word.end(), text[mention.start() : word.end()]))
                break
    if not counts:
        return issuer, None
    unit = counts.most_common(1)[0][0]
    return f"{issuer[: bare.start()]}{unit.governed}", first[unit]


_PLACE_MARKERS = regex.compile(r"(?<![\p{L}])(tỉnh|thành phố|quận|huyện|thị xã)\s+(.+)$")
# After these heads the next word starts the body's own name: "Bộ Tư pháp", "Sở Nội vụ".
_NAMED_HEADS = regex.compile(
    r"^(?!Hội\sđồng)(Bộ|Sở|Cục|Tổng cục|Văn phòng|Ban|Vụ|Ủy ban|Hiệp hội|Hội|Liên đoàn|Trung tâm|Thanh tra)\s(\p{Ll})"
)


# Names of bodies and of the country with a fixed casing, each matched in any case as whole words.
_FIXED_CASING = [
    (regex.compile(rf"(?i)(?<![\p{{L}}]){regex.escape(fixed)}(?![\p{{L}}])"), fixed)
    for fixed in ("Ủy ban nhân dân", "Hội đồng nhân dân", "Ủy ban Thường vụ Quốc hội", "Chính phủ",
                  "Quốc hội", "Trung ương", "Đảng", "Việt Nam", "Thủ tướng")
]


def _case_body(name: str, printed_upper: bool | None = None) -> str:
    """Sentence case for a body's name printed in capitals, proper names kept capitalised.
    ``printed_upper``: whether it was printed so, when its abbreviations were written out since
    ("UBND TỈNH LÂM ĐỒNG" → "Ủy ban nhân dân TỈNH LÂM ĐỒNG"); by default, read from ``name``."""
    if not (_mostly_upper(name) if printed_upper is None else printed_upper):
        return name
    # keep the expanded abbreviations' own casing (they are already written correctly)
    cased = sentence_case(name)
    cased = _NAMED_HEADS.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", cased)
    for pattern, fixed in _FIXED_CASING:
        cased = pattern.sub(fixed, cased)
    place = _PLACE_MARKERS.search(cased)
    if place:
        cased = cased[: place.start(2)] + title_case_name(place.group(2))
    return cased[0].upper() + cased[1:]


def _mostly_upper(value: str) -> bool:
    letters = list(filter(str.isalpha, value))
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.6


_RESTATED_HEADER = regex.compile(
    r"^(?:của\s+[^\n]{2,80}?\s+)?số\s+\S+\s+ngày\s+\d{1,2}(?:\s+tháng\s+|[-/.])\d{1,2}(?:\s+năm\s+|[-/.])\d{4}\s+"
    r"(?=(?:về|quy\s+định|ban\s+hành|hướng\s+dẫn|sửa\s+đổi)\s)",
    regex.I,
)


def _title(pieces: list[Piece]) -> str | None:
    if not pieces:
        return None
    value = " ".join(_SPACES.sub(" ", piece.text.replace(" / ", " ")) for piece in pieces).strip()
    value = _ABOUT_PREFIX.sub("Về việc ", value)
    # "NGHỊ ĐỊNH CỦA CHÍNH PHỦ SỐ 61-CP NGÀY 05 THÁNG 7 NĂM 1994 VỀ MUA BÁN ...": the type line of
    # an older text restates issuer, number and date before the title proper
    value = _RESTATED_HEADER.sub("", value)
    value = value.strip(" -–:;,")
    if value.count("“") < value.count("”"):
        value = value.rstrip("”")
    if _mostly_upper(value):
        value = sentence_case(value)
    return (value[:1].upper() + value[1:]) or None


def _signer(title: Piece | None, on_behalf: list[Piece], name: Piece | None) -> Signer | None:
    if title is None and name is None and not on_behalf:
        return None
    written = _written_title(title.text) if title else None
    behalf = "; ".join(_written_behalf(p.text) for p in on_behalf) or None
    person = None
    if name is not None:
        person = title_case_name(name.text) if name.text.isupper() else name.text
    if written is None and behalf:
        # "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" without a separate title line keeps the behalf line's title
        written = None
    return Signer(title=written, name=person, on_behalf=behalf)


# Printed signer titles, longest first so "PHÓ CHỦ TỊCH" is tried before "CHỦ TỊCH".
_TITLES_LONGEST_FIRST = sorted(TITLE_SPELLING.items(), key=lambda kv: -len(kv[0]))


def _known_title(printed: str) -> str | None:
    key = _SPACES.sub(" ", printed).strip(" .,")
    for printed_title, written in _TITLES_LONGEST_FIRST:
        if key.startswith(printed_title):
            return written
    return None


def _written_title(printed: str) -> str:
    return _known_title(printed) or sentence_case(expand_abbreviations(printed.strip(" .,")))


def _written_behalf(printed: str) -> str:
    """ "KT. CHỦ TỊCH" → "KT. Chủ tịch"; "TM. ỦY BAN NHÂN DÂN" → "TM. Ủy ban nhân dân"."""
    match = _BEHALF_MARK.match(printed.strip())
    if not match:
        return sentence_case(printed)
    mark = match.group(1).replace(" ", "").replace("/", "")  # "K T." spaced out by a PDF; Party "K/T"
    rest = match.group(2)
    written = _known_title(rest) or (_case_body(expand_abbreviations(rest)) if rest else "")
    return f"{mark}. {written}".strip()


# ---------------------------------------------------------------- damaged texts


def _readable_fields(fields: DocumentFields, parsed: Parsed) -> DocumentFields:
    """``fields`` less those whose own words do not read (and their evidence)."""

    def reads(value: str) -> bool:
        return quality.readable(value) and not quality.misread(value, parsed.text)

    kept: dict[str, object] = {}
    for name in ("number", "issuer", "place", "title"):
        value = getattr(fields, name)
        if value is not None and not reads(value):
            kept[name] = None
    type_word = parsed.header.type_word
    if fields.doc_type is not None and type_word is not None and not reads(_line(parsed.text, type_word)):
        kept["doc_type"] = None  # a type word read in a line of garbage ("CÔNG VĂN ĐẾN H_kbs- ...")
    if fields.signer is not None:
        parts = {part: value for part, value in fields.signer.model_dump().items() if value is not None and reads(value)}
        kept["signer"] = Signer(**parts) if parts else None
    recipients = [recipient for recipient in fields.recipients if reads(recipient)]
    if recipients != fields.recipients:
        kept["recipients"] = recipients
    evidence = {name: spans for name, spans in fields.evidence.items() if name not in kept or kept[name]}
    return fields.model_copy(update={**kept, "evidence": evidence})


def _line(text: str, piece: Piece) -> str:
    """The whole line ``piece`` stands in."""
    start = text.rfind("\n", 0, piece.start) + 1
    end = text.find("\n", piece.end)
    return text[start : end if end >= 0 else len(text)]


def has_header(fields: DocumentFields, parsed: Parsed) -> bool:
    """Whether the document's header was read: its issuer, its number or its date (an issuer read
    from the body of a text whose header was stripped is no header)."""
    issuer_in_header = bool(fields.issuer and parsed.header.issuer)
    return fields.kind == "news" or any((issuer_in_header, fields.number, fields.issue_date))


# The quốc hiệu and the tiêu ngữ under it, folded to plain lower-case letters (see ``_folded``).
_NATIONAL_MOTTO = "cong hoa xa hoi chu nghia viet nam"
_MOTTO = "doc lap tu do hanh phuc"
# How close a damaged line must come to each ("ceNG HoA xA ngr cnu ilcnia vrET NAM": 0.75, "DQc l$p
# - Tg do - Hlnh phric": 0.70). A line of prose comes as close to one of them now and then (up to
# 0.71 in the corpus), never to both on two lines running.
_MOTTO_LIKENESS = 0.65
# The header of a damaged text is looked for in its first lines.
_LAYOUT_WINDOW = 1500
# "Số: 14/CT-UBND", the date line and the recipients' label, their words misread but their shape
# kept: "S6: 12/KH", "ngdy 09 th6ng 12 ndm 2025", "Ndi nhQn:".
_LOOSE_NUMBER = regex.compile(r"(?m)^\W{0,3}S\w{0,2}\s*:\s*\S*\d")
_LOOSE_DATE = regex.compile(r"\bng\w{1,3}\s+\d{1,2}\s+th\w{2,4}\s+\d{1,2}\s+n\w{1,3}\s+\d{4}\b")
_LOOSE_RECIPIENTS = regex.compile(r"(?m)^\W{0,3}N\S{1,2}i\s+nh\S{1,3}n\s*:", regex.I)


def by_layout(parsed: Parsed) -> Parsed:
    """A damaged text read as a news article is a document when its layout is one: a quốc hiệu
    or tiêu ngữ, a "Số:" line or a date line in its first lines, or a "Nơi nhận" list. Its
    header is then what could be read of it (nothing: the parse found no header); otherwise it
    stays as parsed."""
    if parsed.kind != "news" or not _document_layout(parsed.text):
        return parsed
    return dataclasses.replace(parsed, kind="document", header=Header(end=parsed.header.end))


def _document_layout(text: str) -> bool:
    window = text[:_LAYOUT_WINDOW]
    if _LOOSE_NUMBER.search(window) or _LOOSE_DATE.search(window) or _LOOSE_RECIPIENTS.search(text):
        return True
    lines = [_folded(line) for line in window.splitlines()]
    return any(
        _likeness(line, _NATIONAL_MOTTO) >= _MOTTO_LIKENESS
        and any(_likeness(below, _MOTTO) >= _MOTTO_LIKENESS for below in lines[index + 1 : index + 3])
        for index, line in enumerate(lines)
    )


def _folded(line: str) -> str:
    """Plain lower-case letters and single spaces: "Độc lập - Tự do" → "doc lap tu do"."""
    letters = unicodedata.normalize("NFD", line.lower().replace("đ", "d"))
    plain = "".join(c if c.isascii() and c.isalpha() else " " for c in letters if not unicodedata.combining(c))
    return " ".join(plain.split())


def _likeness(line: str, motto: str) -> float:
    """How close the closest run of words of ``line``, as many as ``motto`` has, comes to it."""
    words, size = line.split(), len(motto.split())
    runs = (" ".join(words[start : start + size]) for start in range(max(1, len(words) - size + 1)))
    return max(SequenceMatcher(None, motto, run, autojunk=False).ratio() for run in runs)
