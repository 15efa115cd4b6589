"""Legal references: every instrument a document cites, one item per instrument.

Laid out like eyecite: **find** citations with one compiled pattern pass over the text (a
type word, then a số ký hiệu, a short number or a name), read each citation's **tail** with
small anchored patterns over a bounded window (list continuations, dates, issuer, title,
alias), then **resolve**: short forms ("Nghị định 04") and acronyms ("Luật BHYT") join the
full instrument cited in the same document, else the table of known instruments
(``data/known_instruments.tsv``); mentions of one instrument merge into one ``LegalRef``.
``resolve_archive`` does the same across documents: a short number left in one document
is resolved by the full form another document cites.

Every pattern is linear: no nested unbounded quantifiers, and every tail read is limited
to a window of a few hundred characters after the citation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from extractors import places
from extractors.data import patterns, table
from extractors.models import LegalRef, Relation
from extractors.structure import Parsed
from extractors.text import expand_abbreviations, finditer_from_heads, literal_heads

# ---------------------------------------------------------------- tables

_TYPE_ROWS = table("citation_types.tsv")
_CANONICAL = {row["spelling"].lower(): row["canonical"] for row in _TYPE_ROWS}
# Spellings written in capitals ("QĐ" for "Quyết định" in tables): matched as written, never in
# lower case or with only their first letter capitalised.
_ACRONYMS = frozenset(row["spelling"] for row in _TYPE_ROWS if row["spelling"].isupper())
_NAMED = {row["canonical"] for row in _TYPE_ROWS if row["named"] == "yes"}
_KNOWN = table("known_instruments.tsv")
# The letters of a số ký hiệu that name the type: "NĐ" in "04/2015/NĐ-CP", "KL" in "120-KL/TW".
_BY_CODE = {code: row["canonical"] for row in table("doc_types.tsv") for code in row["codes"].split(";") if code}
_ISSUER_NAMES = sorted(patterns("issuer_names.txt"), key=len, reverse=True)
_ISSUER_SPELLINGS = {row["spelling"]: row["expansion"] for row in table("issuer_spellings.tsv")}

# ---------------------------------------------------------------- patterns


def _type_alternation() -> str:
    # A type word is written capitalised ("Nghị định"); lower case only counts before "số".
    # Grouped by first letter, longest first within a group ("[Nn](?:ghị quyết liên tịch|ghị quyết|ghị
    # định)|..."): it matches as the plain alternation longest first (see ``literal_heads``), but
    # ``regex`` tries only the spellings that open with the letter it stands on.
    groups: dict[str, list[str]] = {}
    for spelling in sorted(_CANONICAL, key=len, reverse=True):
        if spelling.upper() not in _ACRONYMS:
            groups.setdefault(spelling[0], []).append(regex.escape(spelling[1:]))
    grouped = [f"[{first.upper()}{first}](?:{'|'.join(rests)})" for first, rests in groups.items()]
    return "|".join([*map(regex.escape, sorted(_ACRONYMS, key=len, reverse=True)), *grouped])


TYPES = _type_alternation()
# A số ký hiệu: a number (perhaps with a letter: "1249a"), then up to six parts joined by "/"
# or "-" (year, type code, issuer code: "04/2015/NĐ-CP", "120-KL/TW", "17-QĐ/BCĐ.QCDC",
# "34/2007/PL-UBTVQH11"). Conversions put stray spaces around the joins ("04/2015/ NĐ-CP",
# "43- KL/TW", "02 - KH/BCĐ.QCDC"). Parts cannot contain a join, so the split is unambiguous.
JOIN = r"(?:\s?/\s?|\s?-\s?)"
PART = r"[\p{Lu}\d][\p{Lu}\p{Ll}\d.&]*"
# A numbered sub-resolution of a thematic resolution keeps its dot: "66.4/2025/NQ-CP".
NUMBER = rf"\d+(?:\.\d+(?={JOIN}))?[a-zđ]?(?:{JOIN}{PART}){{0,6}}"
# Words a writer puts between the type and "số": "Báo cáo thẩm tra số", "Chương trình phối hợp số".
# Possessive (++): a space always follows a word, so giving back its letters could never help.
QUALIFIER = r"\p{Ll}++(?:\s\p{Ll}++){0,3}"

# Candidates are found fast, then read with CITATION anchored at each: a capitalised type word
# (a literal alternation; the standard ``re`` scans it several times faster than ``regex`` and
# a literal alternation cannot backtrack), or "số <digit>" with a lower-case type word before it.
_CAPITALISED_TYPES = {
    s.upper() if s.upper() in _ACRONYMS else s[0].upper() + s[1:]: canonical for s, canonical in _CANONICAL.items()
}
# The capitalised spellings of the types never cited by name ("Kế hoạch", "Công văn"): such a type
# word cites something only with a number after it ("Kế hoạch này" is the document itself).
UNNAMED = frozenset(s for s, canonical in _CAPITALISED_TYPES.items() if canonical not in _NAMED)
# After such a word, CITATION can read a number only where this matches: at a character that is not
# a space (there CITATION may take a shorter type word and read on), or where the spaces are followed
# by "số", a digit, or up to four words and "số" (a qualifier). A wider pattern than CITATION's
# (``re``'s \s and \S hold every \s and \p{Ll} of ``regex``; the digits ``regex`` knows beyond
# ``re``'s are all above U+FFFF), tried with the much cheaper ``re``: a type word where it does not
# match is passed over, as ``_find`` would pass over its CITATION match.
# Possessive runs (++): what follows a run of spaces or of other characters cannot start inside it.
MAY_CITE = r"\S|\s++(?:[Ss]ố|[\d\U00010000-\U0010ffff]|(?:\S++\s++){1,4}[Ss]ố)"
# MAY_CITE is a lookahead after each such word, tested inside the scan rather than by a call from
# Python at each type word found. Where it fails after the longest word found at a place, the scan
# tries the shorter words there: as asserted, none is a type cited by name, and each is followed by
# the longer one's words ("Nghị quyết" by " liên tịch"), none of them "số" or a number, so MAY_CITE
# fails after it too (else it would find "số" within four words after the longer one).
assert all(
    short in UNNAMED and regex.fullmatch(r"(?: (?![Ss]ố|\d)\S+)+", long[len(short) :])
    for long in UNNAMED
    for short in _CAPITALISED_TYPES
    if long != short and long.startswith(short)
)
CAPITALISED = literal_heads(_CAPITALISED_TYPES, {word: MAY_CITE for word in UNNAMED})
SO_DIGIT = regex.compile(r"số\s*:?\s*\d")
# Where SO_DIGIT can match: the same in ``re``, a wider pattern (as MAY_CITE), whose fast search for
# "số" does not stop at the many "số" no digit follows.
SO_HEADS = re.compile(r"số(?=\s*+:?\s*+[\d\U00010000-\U0010ffff])")
LOWER_TYPE_BEFORE = regex.compile(
    rf"(?<![\p{{L}}\d])(?:{'|'.join(regex.escape(s) for s in sorted(_CANONICAL, key=len, reverse=True))})"
    rf"(?:\s+{QUALIFIER})??\s+$"
)
# Where LOWER_TYPE_BEFORE can start: a lower-case type word (see ``finditer_from_heads``).
LOWER_TYPE_HEADS = literal_heads(_CANONICAL)
CITATION = regex.compile(
    rf"""(?P<type>{TYPES})(?![\p{{L}}\d])
    (?:
        \s+(?P<self>này)(?!\p{{L}})                                # "Nghị định này": the document itself
      | (?:\s+(?P<qual>{QUALIFIER}))??\s+[Ss]ố\s*:?\s*(?P<num>{NUMBER})  # "Nghị định số 04/2015/NĐ-CP"
      | \s+(?P<bare>{NUMBER})                                      # "Nghị định 04/2015/NĐ-CP", "Pháp lệnh 34"
    )?""",
    regex.X,
)

# Groups are read by number (``groups()``, ``start(NUM_GROUP)``, ``m[1]`` of a pattern with one group;
# names stay in the patterns to say what they hold): in ``regex`` a lookup by name costs about
# half a microsecond, more than most of the reads here.
assert CITATION.groupindex == {"type": 1, "self": 2, "qual": 3, "num": 4, "bare": 5}
NUM_GROUP, BARE_GROUP = 4, 5

# ---- the tail of a citation, read with anchored patterns at the current position
DAY_MONTH_YEAR = (
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})"
)
TAIL_DATE = regex.compile(rf"\s*,?\s*(?:được\s+)?(?:ban hành\s+|ký\s+)?ngày\s+(?:{DAY_MONTH_YEAR})")
# What each tail read can open with, after its leading spaces (``_tail`` tries a read only when
# the text ahead opens with one of them).
TAIL_DATE_OPENS = (",", "được", "ban hành", "ký", "ngày")
TAIL_ISSUER = regex.compile(r"\s*,?\s*của\s+")
TAIL_ISSUER_OPENS = (",", "của")
# "(khóa XI)", "khóa XII": the term of a Party body, not part of its name
TAIL_TERM = regex.compile(r"\s*\(?\s*[Kk]h[óo]a\s+[IVXLC]+\s*\)?")
TAIL_TERM_OPENS = ("(", "Kh", "kh")
# A list continues the citation: "các Nghị định số 04/2015/NĐ-CP, 149/2018/NĐ-CP",
# "Kết luận số 114-KL/TW ..., số 43-KL/TW", "Công văn 4503/TCT ... và Công văn số 3169/TCT06".
TAIL_ITEM = regex.compile(
    rf"\s*(?:,\s*và|,|và|;)\s*(?:(?P<type>{TYPES})\s+)?(?:[Ss]ố\s*:?\s*)?(?P<num>\d+[a-zđ]?(?:{JOIN}{PART}){{1,6}})"
)
assert TAIL_ITEM.groupindex == {"type": 1, "num": 2}  # read by number, as the others of one group
TAIL_ITEM_OPENS = (",", "và", ";")
TAIL_TITLE = regex.compile(r"\s*,?\s*(?P<about>về|V/v)\s+")
TAIL_TITLE_OPENS = (",", "về", "V/v")
# "(sau đây gọi là Luật BHYT)": a name the document uses for the instrument from here on
TAIL_ALIAS = regex.compile(r"\s*\(\s*sau đây gọi (?:tắt |chung )?là\s+(?P<alias>[^()\n]{1,80}?)\s*\)")
TAIL_ALIAS_OPENS = ("(",)
# Words that end an issuer: the title's "về", a date's "ngày", a verb ...
ISSUER_STOP_WORDS = (
    "về|V/v|ngày|quy định|hướng dẫn|ban hành|phê duyệt|sửa đổi|"
    "đã|đang|thì|tại|trong|đối với|cho|để|khi|"
    "với|theo|gắn với|nhằm|là|được|sau|trước|cùng|nay|có"
)
# Where an issuer stops: the words that start the title, a date, a verb, or punctuation.
ISSUER_STOP = regex.compile(
    # "của UBND tỉnh thực hiện Nghị quyết số ..." (but "Ban chỉ đạo thực hiện quy chế dân chủ" is a name)
    r"\s+(?:(?:thực hiện|triển khai)(?=\s+\p{Lu})(?=\s+(?:" + TYPES + r")\b)|"
    + ISSUER_STOP_WORDS
    + r"|và (?:các|những)\s)"
    r"(?!\p{L})|\s*[,;:\n()“”\"]|\.(?=\s|$)|\s+(?:và\s+)?(?=\p{Lu})(?=(?:" + TYPES + r")\s+(?:số|\d))|$"
)
# Where an ISSUER_STOP can start, but for "$" (see ``_issuer_stop``): at a punctuation mark, or at a
# space before a stop word, "và", a punctuation mark or a type word. A wider pattern (as MAY_CITE),
# much cheaper in ``re`` than ISSUER_STOP tried at every character; an issuer holds few such places.
ISSUER_STOP_AT = re.compile(
    rf"[,;:\n()“”\".]|\s(?=\s*(?:thực hiện|triển khai|{ISSUER_STOP_WORDS}|và|[,;:\n()“”\"]|{TYPES}))"
)
TITLE_STOP = regex.compile(
    rf"\s*[;\n()]|\.(?:\s|$)|(?:,|\s+và)\s+(?:các\s+)?(?:{TYPES})\s+(?:số\s*)?\d|$"
)
# Where a TITLE_STOP can start: at one of these, in the spaces just before one ("\s*;", "\s+và"),
# or at the end of the window (see ``_title_stop``). The "," and "và" that no type and number follow
# (most of those in a title) are passed over: the same lookahead in ``re``, with classes as wide as
# TITLE_STOP's or wider (as MAY_CITE's). Every alternative opens with a literal, so that ``re`` skips
# fast to the characters that can open one.
_TYPE_AND_NUMBER_AHEAD = rf"(?=\s+(?:các\s+)?(?:{TYPES})\s+(?:số\s*)?[\d\U00010000-\U0010ffff])"
TITLE_STOP_AT = re.compile(rf";|\n|\(|\)|\.(?=\s|$)|,{_TYPE_AND_NUMBER_AHEAD}|và{_TYPE_AND_NUMBER_AHEAD}")
# The issuer (and date) written before the citation: "ngày 14/8/2024, Sở Tài nguyên và Môi
# trường có Công văn số ...", "UBND thành phố Vũng Tàu đã ban hành Kế hoạch số ...", "của Công
# an tỉnh tại Tờ trình số ...".
ISSUER_HEADS = r"Ủy ban|UBND|Sở|Bộ|Ban|Chính phủ|Thủ tướng|Công an|Tổ công tác|Văn phòng|Tỉnh ủy|Quốc hội|Chủ tịch|HĐND|Hội đồng"
BEFORE_ISSUER = regex.compile(
    rf"(?:[Nn]gày\s+(?:{DAY_MONTH_YEAR})\s*,\s*)?(?<!\p{{L}})(?P<issuer>(?:{ISSUER_HEADS})(?: (?!đã |được |có |tại )[^\s,;.()“”]+){{0,10}}?)"
    r"\s+(?:đã\s+|vừa\s+)?(?:có|ban hành|tại)\s+$"
)
# Where BEFORE_ISSUER can start: its date's "ngày" or an issuer's head word (see ``finditer_from_heads``).
BEFORE_ISSUER_HEADS = literal_heads(["ngày", "Ngày", *ISSUER_HEADS.split("|")])
# The date's groups come first in both patterns that read one (``_iso`` reads them by number).
_DATE_GROUPS = {"d": 1, "m": 2, "y": 3, "d2": 4, "m2": 5, "y2": 6}
assert TAIL_DATE.groupindex == _DATE_GROUPS and BEFORE_ISSUER.groupindex == {**_DATE_GROUPS, "issuer": 7}
ISSUER_GROUP = 7
# Pinpoints written before the type: "Điều 04, 05, 06, 07 Nghị định ...", "khoản 2 Điều 5 của".
PINPOINT = regex.compile(
    r"(?P<pin>(?:(?:điểm\s+\p{Ll}\s+)?[Kk]hoản\s+\d+(?:\s*(?:,|và)\s*(?:[Kk]hoản\s+)?\d+)*\s+)?"
    r"Điều\s+\d+(?:\s*(?:,|và)\s*(?:Điều\s+)?\d+)*)\s+(?:của\s+)?(?:các\s+)?$"
)
# What the text does with the instrument, read just before the citation.
RELATION_NEAR = regex.compile(
    r"(?P<rel>[Cc]ăn cứ|[Tt]hực hiện|[Tt]riển khai|[Tt]heo|[Tt]rên cơ sở)"
    r"(?:\s+(?:đúng|nghiêm|tốt|có hiệu quả|nghiêm túc|nội dung|quy định(?: tại| của)?|tinh thần|chỉ đạo tại|các|vào))*\s+$"
)
CLAUSE_START = regex.compile(r"(?:^|[\n;])\s*(?:[-+*•]\s*)?(?P<rel>Căn cứ|Thực hiện|Theo|Triển khai)(?!\p{L})")
# Every relation word of RELATION_NEAR and CLAUSE_START, lower case or capitalised: a window holding
# none of them has no relation, and both searches are skipped.
RELATION_WORDS = literal_heads(
    w for word in ("căn cứ", "thực hiện", "triển khai", "theo", "trên cơ sở") for w in (word, word.capitalize())
)
# The words CLAUSE_START can hold: a window without them has no clause start.
CLAUSE_WORDS = literal_heads(["Căn cứ", "Thực hiện", "Theo", "Triển khai"])
# Before a type word, words that make it a future document or a generic mention, not a citation.
NOT_A_CITATION_WORDS = (
    "dự án|dự thảo|xây dựng|soạn thảo|ban hành|dưới|trình|sửa đổi|các|những|thi hành"
    "|đoàn|hội|liên đoàn"  # "Đoàn Luật sư" is a bar association, not a law
).split("|")
NOT_A_CITATION = regex.compile(rf"(?:{'|'.join(NOT_A_CITATION_WORDS)})\s+$", regex.I)
NOT_A_CITATION_LONGEST = max(map(len, NOT_A_CITATION_WORDS))
# A number written after a name: "Luật Việc làm số 38/2013/QH13".
NAME_NUMBER = regex.compile(rf" +số\s*:?\s*(?P<num>{NUMBER})")  # group 1
# A law's number written after its name without "số": "Luật Hóa chất 69/2025/QH15".
LAW_NUMBER_AFTER = regex.compile(r" +(?P<num>\d{1,3}/\d{4}/QH\d{1,2})(?![\p{L}\d])")
# An acronym for a law's name, its parts joined by "," or "&": "Luật BHYT", "Luật KH, CN&ĐMST".
ACRONYM = regex.compile(r" +(?P<w>\p{Lu}{2,}(?:(?:,\s*|&)\p{Lu}+)*)(?![\p{L}\d])")
BARE_NUMBER = regex.compile(r"\d+[a-zđ]?")
# After a bare short number, words that show it is a quantity, not an instrument ("Kế hoạch 5 năm").
NOT_SHORT = regex.compile(r"\s*(?:năm|tháng|ngày|%|người|lần|giai đoạn)(?!\p{L})")
# A law's name: words after "Luật" up to a stop (number, date, "của", "về", punctuation ...).
# A name runs over a line break only onto a word in lower case, which no new line of its own opens
# with ("Luật sửa đổi, bổ\nsung một số điều của Luật bảo hiểm y tế" in a PDF's text).
NAME_WORD = regex.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*(?=\p{Ll}))(?P<w>[\p{L}][\p{L}\d-]*)")
# ("quy định", "hướng dẫn", "thi hành" stop a name at their first word: "hành" itself runs on, as
# in "Luật Xử lý vi phạm hành chính", "Luật Tố tụng hành chính")
NAME_STOPWORDS = frozenset(
    "số ngày của về năm do được đã có và thì trong từ để tại theo khi hoặc cho này đến nay "
    "là với trước sau hiện mới quy định hướng dẫn thi các những".split()
)
# Words a name does not end with: "Luật Bảo vệ bí mật nhà nước và | các văn bản hướng dẫn".
NAME_TRAILING = frozenset(("và", "của"))
# The pairs that law names join with a comma (data/law_name_commas.txt).
LAW_NAME_COMMA = regex.compile("|".join(f"(?:{p})".replace(", ", r"\s*,\s*") for p in patterns("law_name_commas.txt")))
# The law an amending law amends, named after "sửa đổi, bổ sung (một số điều của)".
AMENDED_LAW = regex.compile(r"\s+(?:một\s+số\s+điều\s+(?:của\s+)?)?((?:Bộ\s+)?[Ll]uật)(?=\s+\p{Lu})")
# How many laws an amending law amends: "... của 10 luật có liên quan đến an ninh, trật tự".
AMENDED_COUNT = regex.compile(r"[ \t]+(?P<w>\d{1,3})(?=\s+luật(?!\p{L}))")
RELATED_TO = regex.compile(r"\s+có\s+liên\s+quan\s+đến(?=\s)")
# Words that never open a law's name: "Luật này", "Luật sư Huỳnh Tho" (a lawyer), ...
LAW_GENERIC = frozenset("này có đến định giải được và thì để hiện mới sư".split())
AMENDING = regex.compile(r"sửa đổi")
YEAR_SUFFIX = regex.compile(r"\s+(?:năm\s+)?\d{4}$")
WINDOW = 400
_JOINS = regex.compile(r"(\s?[/-]\s?)")
_WORDLIKE = regex.compile(r"\p{Ll}\p{Ll}")
_CAPITALISED_WORD = regex.compile(r"\p{Lu}\p{Ll}+")
_SPACES = regex.compile(r"\s+")
_DIGITS = regex.compile(r"\d+")
_LETTER = regex.compile(r"\p{L}")
_TYPE_AHEAD = regex.compile(rf"\s*(?:{TYPES})(?!\p{{L}})")
_CLAUSE = regex.compile(r"(?:điểm\s+\p{Ll}\s+)?[Kk]hoản\s+\d+\s+")
_TW = regex.compile(r"\bTW\b")
# A provincial body named without its province ("Công an tỉnh", "Ủy ban nhân dân tỉnh",
# "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh") is the one of the document's own province.
_BARE_LOCAL = regex.compile(
    r"^(.*(?:Ủy ban nhân dân|Hội đồng nhân dân|Ban chỉ đạo.*|Công an|Mặt trận Tổ quốc Việt Nam|"
    r"Bộ Chỉ huy Quân sự)) (tỉnh|thành phố)$"
)


# ---------------------------------------------------------------- items found


@dataclass
class _Mention:
    doc_type: str
    start: int
    end: int
    number: str | None = None
    name: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    articles: list[str] = field(default_factory=list)
    relation: Relation = "other"
    alias: str | None = None
    resolved_by: str | None = None


def extract(parsed: Parsed) -> list[LegalRef]:
    """Every distinct instrument ``parsed`` cites, with the span of its fullest mention."""
    text = parsed.text
    place = parsed.header.place.text if parsed.header.place else None
    own = _key_number(_number_text(parsed.header.number.text)) if parsed.header.number else None
    mentions = _find(text, place)
    mentions = [m for m in mentions if not (m.number and own and _key_number(m.number) == own)]
    return _merge(text, mentions)


# ---------------------------------------------------------------- find


def _find(text: str, place: str | None) -> list[_Mention]:
    found: list[_Mention] = []
    consumed = 0
    for match in _candidates(text):
        start = match.start()
        word, itself, qualifier, number, bare = match.groups()
        if start < consumed or itself:
            continue
        doc_type = _CANONICAL[word.lower()]
        # the 60 characters before, where the pinpoints and the words that make it no citation stand
        before = text[max(0, start - 60) : start]
        group: list[_Mention] = []
        if number is not None:
            raw = number
            number = _clean_number(raw)
            if not number or (word[0].islower() and not _has_code(number)):
                continue
            end = match.start(NUM_GROUP) + len(number) + _spaces_in(raw, number)
            # "Luật bảo hiểm y tế số 25/2008/QH12": for a law the words before "số" are its name
            name = f"{word[0].upper()}{word[1:]} {qualifier}" if qualifier and doc_type in _NAMED else None
            group.append(_Mention(doc_type, start, end, number=number, name=name))
        elif bare is not None and word[0].isupper():
            number = _clean_number(bare)
            if not number or (not _has_code(number) and NOT_SHORT.match(text, match.end(BARE_GROUP))):
                continue
            end = match.start(BARE_GROUP) + len(number) + _spaces_in(bare, number)
            group.append(_Mention(doc_type, start, end, number=number))
        elif word[0].isupper() and doc_type in _NAMED and not _not_a_citation(before):
            named = _name(text, start, match.end(), doc_type)
            if named is None:
                continue
            name, end, number = named
            if m := NAME_NUMBER.match(text, end, min(len(text), end + 60)) or LAW_NUMBER_AFTER.match(text, end):
                written = _clean_number(m[1])
                if written and _has_code(written):
                    number = written
                    end = m.start(1) + len(written) + _spaces_in(m[1], written)
            group.append(_Mention(doc_type, start, end, name=name, number=number))
        else:
            continue
        group[0].articles = _pinpoints(before)
        group[0].relation = _relation(text, start)
        actor = None
        if before.rstrip().endswith((" có", " ban hành", " tại")):  # cheap test before the search
            # BEFORE_ISSUER.search over the 150 characters before, tried only at its first words
            heads = finditer_from_heads(BEFORE_ISSUER, BEFORE_ISSUER_HEADS, text, max(0, start - 150), start)
            actor = next(heads, None)
        if actor:
            before_values = (_issuer(actor[ISSUER_GROUP], place), _iso(actor))
        else:
            before_values = (None, None)
        consumed = _tail(text, end, group, place, doc_type)
        for item in group:
            item.issuer = item.issuer or before_values[0]
            item.date = item.date or before_values[1]
        found.extend(group)
    return found


def _candidates(text: str):
    """CITATION matches at capitalised type words and at lower-case ones before "số N", in order
    (but for types never cited by name, only those followed by what a number needs)."""
    starts = {m.start() for m in CAPITALISED.finditer(text)}
    # every "số N": each "số" found in one pass of the fast literal search, then tested
    for so in SO_HEADS.finditer(text):
        # a lower-case type word must start in the 50 characters before: a fast literal search first
        # (few windows hold one), then the exact test of the digit
        type_word = LOWER_TYPE_HEADS.search(text, max(0, so.start() - 50), so.start())
        if type_word is None or not SO_DIGIT.match(text, so.start()):
            continue
        # the first match is LOWER_TYPE_BEFORE.search over the window (none starts before ``type_word``)
        before = next(finditer_from_heads(LOWER_TYPE_BEFORE, LOWER_TYPE_HEADS, text, type_word.start(), so.start()), None)
        if before:
            starts.add(before.start())
    for start in sorted(starts):
        if start and (text[start - 1].isalnum()):
            continue
        match = CITATION.match(text, start)
        if match:
            yield match


def _tail(text: str, position: int, group: list[_Mention], place: str | None, doc_type: str) -> int:
    """Read list items, dates, issuer, title and alias after a citation; return where it ends."""
    limit = min(len(text), position + WINDOW)
    pending = list(group)  # items still waiting for a date or an issuer written after them
    end = position
    for _ in range(64):  # a list of citations each with its date and issuer reads several steps an item
        # The text ahead, after spaces, picks the reads worth trying (their ``*_OPENS``): a read
        # that cannot open it would fail. ``lstrip`` strips every ``\s`` the patterns skip (and
        # \x1c-\x1f, which no read accepts), so a read that matches is always tried.
        ahead = text[position:limit].lstrip()
        if not ahead:
            break
        if ahead.startswith(TAIL_DATE_OPENS) and (m := TAIL_DATE.match(text, position, limit)):
            date = _iso(m)
            for item in pending:
                item.date = item.date or date
            position = end = m.end()
        elif ahead.startswith(TAIL_TERM_OPENS) and (m := TAIL_TERM.match(text, position, limit)):
            position = m.end()
        elif ahead.startswith(TAIL_ISSUER_OPENS) and (m := TAIL_ISSUER.match(text, position, limit)):
            stop = _issuer_stop(text, m.end(), min(len(text), m.end() + 160))
            raw = _issuer_extent(text[m.end() : stop.start() if stop else m.end()])
            issuer = _issuer(raw, place)
            if issuer is None:
                break
            for item in pending:
                item.issuer = item.issuer or issuer
            pending = []
            position = end = m.end() + len(raw)
        elif ahead.startswith(TAIL_ITEM_OPENS) and (m := TAIL_ITEM.match(text, position, limit)):
            item_word, raw = m.groups()
            number = _clean_number(raw)
            if not number or not _has_code(number):
                break
            item_type = _CANONICAL[item_word.lower()] if item_word else _type_from_code(number) or doc_type
            item_end = m.start(2) + len(number) + _spaces_in(raw, number)
            start = m.start(1) if item_word else m.start(2)
            mention = _Mention(item_type, start, item_end, number=number, relation=group[0].relation)
            group.append(mention)
            pending.append(mention)
            position = end = item_end
        elif ahead.startswith(TAIL_ALIAS_OPENS) and (m := TAIL_ALIAS.match(text, position, limit)):
            group[-1].alias = m[1]
            position = m.end()
        elif ahead.startswith(TAIL_TITLE_OPENS) and (m := TAIL_TITLE.match(text, position, limit)):
            stop = _title_stop(text, m.end(), min(len(text), m.end() + 300))
            title = text[m.start(1) : stop.start() if stop else m.end()].strip(" ,")
            if m[1] == "V/v":
                title = "về việc" + title[3:]
            for item in group:
                item.title = item.title or title
            break
        else:
            break
    if len(group) == 1:  # a single citation's span runs through its date and issuer
        group[0].end = max(group[0].end, end)
    return end


def _issuer_stop(text: str, pos: int, endpos: int) -> regex.Match[str]:
    """``ISSUER_STOP.search(text, pos, endpos)``, tried only where ISSUER_STOP_AT matches, and at
    ``endpos`` ("$"; a line break before it is an ISSUER_STOP_AT)."""
    stop = next(finditer_from_heads(ISSUER_STOP, ISSUER_STOP_AT, text, pos, endpos), None)
    return stop or ISSUER_STOP.match(text, endpos, endpos)


def _title_stop(text: str, pos: int, endpos: int) -> regex.Match[str] | None:
    """``TITLE_STOP.search(text, pos, endpos)``, tried only where a match can start.

    A match starts at a TITLE_STOP_AT, in the run of spaces before one, or at ``endpos``
    ("$"; a line break before it is a TITLE_STOP_AT). A title holds few of them, so a fast literal
    search skips the rest, which the pattern would try position by position; the positions tried
    are in order, so the first match is the leftmost.
    """
    at = pos
    while (stop_at := TITLE_STOP_AT.search(text, at, endpos)) is not None:
        first = stop_at.start()
        while first > at and text[first - 1].isspace():  # isspace: every \s (and \x1c-\x1f)
            first -= 1
        for start in range(first, stop_at.start() + 1):
            if m := TITLE_STOP.match(text, start, endpos):
                return m
        at = stop_at.start() + 1
    return TITLE_STOP.match(text, endpos, endpos)


def _not_a_citation(before: str) -> bool:
    """``NOT_A_CITATION.search(before)``, searched only from where a match can start: its word
    ends where the final spaces begin (``rstrip`` strips every \\s) and is at most
    NOT_A_CITATION_LONGEST characters long (``regex.I`` folds case one character to one)."""
    start = len(before.rstrip()) - NOT_A_CITATION_LONGEST
    return NOT_A_CITATION.search(before, max(0, start)) is not None


def _name(text: str, start: int, position: int, doc_type: str) -> tuple[str, int, str | None] | None:
    """The name of an instrument cited by name: (name, end, number from the table or None)."""
    word = text[start:position]
    if doc_type == "Hiến pháp":
        return "Hiến pháp", position, None
    known = _known_name(text, start, position, doc_type)
    if known is not None:
        return known
    if doc_type == "Pháp lệnh":
        return None
    if m := ACRONYM.match(text, position, position + 20):  # "Luật BHYT": resolved later by initials
        return f"{word[0].upper()}{word[1:]} {m[1]}", m.end(), None
    words: list[str] = []
    end = position
    amending = False
    cursor = position
    while len(words) < (40 if amending else 24):  # an amending law names the laws it amends
        m = NAME_WORD.match(text, cursor, min(len(text), cursor + 60))
        if m is None and amending:
            m = AMENDED_COUNT.match(text, cursor)  # "... của 37 luật có liên quan đến quy hoạch"
        if m is None:
            break
        token = m[1]
        lower = token.lower()
        if not words:
            if lower in LAW_GENERIC or token.isdigit():
                return None
            amending = lower == "sửa"
        elif (
            lower in NAME_STOPWORDS
            and not (amending and lower in ("của", "và"))
            and not (amending and lower == "số" and words[-1] == "một")  # "một số điều của"
            and not (lower == "mới" and words[-1].lower() == "đổi")  # "Đổi mới sáng tạo"
            and not (lower == "quy" and not text.startswith(" định", m.end()))  # "quy hoạch" runs on
            and words[-1] != "Luật"  # an amended law's name: "... và Luật Các tổ chức tín dụng"
        ):
            if not (lower == "và" and not _starts_type(text, m.end())):
                break
        words.append(token)
        cursor = end = m.end()
        if text.startswith(",", cursor):
            after = NAME_WORD.match(text, cursor + 1, min(len(text), cursor + 40))
            small = len(words) <= 2 or amending
            joined = _comma_joined(text, position, cursor)
            # "Luật An toàn, vệ sinh lao động", "Luật Khoa học, Công nghệ và Đổi mới sáng tạo"; an
            # amending law names the laws it amends: "... của Luật Đất đai, Luật Nhà ở và Luật ..."
            runs_on = (after[1][0].islower() or joined) and (small or joined) if after else False
            if after and (runs_on or (amending and after[1] == "Luật")) and after[1].lower() not in NAME_STOPWORDS:
                cursor += 1
                continue
            break
        if amending and words[-1] == "luật" and (related := RELATED_TO.match(text, cursor)):
            cursor = end = related.end()  # "... của 37 luật có liên quan đến quy hoạch"
            words += related.group(0).split()
        if amending and (run_on := AMENDED_LAW.match(text, cursor)):
            # "Luật sửa đổi, bổ sung\nLuật Bảo vệ bí mật nhà nước": the amended law's name is part
            # of the amending law's, wherever the page wrapped it
            cursor = end = run_on.end()
            words += run_on.group(0).split()
    while words and words[-1].lower() in NAME_TRAILING:
        words.pop()
        end = text.rfind(" ", position, end)
    if not words:
        return None
    # the name as written, its commas kept ("Luật An toàn, vệ sinh lao động"), spaces folded
    written = _SPACES.sub(" ", text[position:end]).strip()
    kept = " ".join(words)
    if written.replace(",", " ").split() != kept.split():
        written = kept
    name = YEAR_SUFFIX.sub("", f"{word[0].upper()}{word[1:]} " + written)
    end = start + len(name) if text.startswith(name, start) else end
    return name, end, None


def _comma_joined(text: str, position: int, comma: int) -> bool:
    """Whether the comma at ``comma`` joins two words of a law's name ("Phòng, chống")."""
    window = text[max(position, comma - 20) : comma + 20].lower()
    at = comma - max(position, comma - 20)
    return any(m.start() <= at < m.end() for m in LAW_NAME_COMMA.finditer(window))


@cache
def _known_names() -> dict[str, list[tuple[str, str]]]:
    """Named instruments of the known-instruments table by type: (name after the type, number)."""
    by_type: dict[str, list[tuple[str, str]]] = {}
    for row in _KNOWN:
        if row["name"]:
            by_type.setdefault(row["doc_type"], []).append((row["name"][len(row["doc_type"]) :], row["number"]))
    return by_type


@cache
def _known_names_by_opening(doc_type: str) -> dict[str, list[tuple[int, int, str]]]:
    """The rows of ``_known_names()[doc_type]`` by the first two characters of the name after the
    type in lower case (a space and a letter): (index of the row, length of the name, the name in
    lower case).

    A slice of the text lower-cased opens as a longer one lower-cased, but where a character
    lower-cases to two ("İ") or by what follows ("Σ"): no name holds what they give, so a slice
    holding one cannot match a name anyway.
    """
    by_opening: dict[str, list[tuple[int, int, str]]] = {}
    for i, (rest, _) in enumerate(_known_names().get(doc_type, ())):
        lowered = rest.lower()
        assert len(rest) >= 2 and not {"\u0307", "σ", "ς"} & set(lowered), rest
        by_opening.setdefault(lowered[:2], []).append((i, len(rest), lowered))
    return by_opening


def _known_name(text: str, start: int, position: int, doc_type: str) -> tuple[str, int, str | None] | None:
    """A name from the known-instruments table written at ``start`` ("về" tolerated after the type)."""
    rows = _known_names().get(doc_type, ())
    ats = (position, position + 3) if text.startswith(" về", position) else (position,)
    # The rows whose name is written at ``at`` (in any case): only those opening as the text are
    # compared, by the test ``text[at : at + len(rest)].lower() == rest.lower()``.
    hits = [
        (i, at)
        for at in ats
        for i, length, lowered in _known_names_by_opening(doc_type).get(text[at : at + 2].lower(), ())
        if text[at : at + length].lower() == lowered
    ]
    best = None
    for i, at in sorted(hits):  # in table order, as a walk over the rows would meet them
        rest, number_of_row = rows[i]
        candidate = text[at : at + len(rest)]
        if not text[at + len(rest) : at + len(rest) + 1].isalnum():
            if best is None or len(rest) > len(best[0]):
                number = number_of_row if doc_type not in ("Luật", "Bộ luật") else None
                written = text[start:position] + candidate
                best = (written, at + len(rest), number)
    if best is None:
        return None
    written, end, number = best
    return " ".join(written.split()), end, number


def _starts_type(text: str, position: int) -> bool:
    return bool(_TYPE_AHEAD.match(text, position, position + 30))


def _pinpoints(before: str) -> list[str]:
    m = PINPOINT.search(before) if "Điều" in before else None
    if not m:
        return []
    pin = m[1]
    clause = _CLAUSE.match(pin)
    if clause and "," not in pin:
        return [" ".join(pin.split())]
    numbers = _DIGITS.findall(pin, pin.index("Điều"))
    return [f"Điều {int(n)}" for n in numbers]


def _relation(text: str, start: int) -> Relation:
    # the 120 characters before the citation, read in place (``pos``, ``endpos``) where no pattern
    # anchors at their start
    window_start = max(0, start - 120)
    head = RELATION_WORDS.search(text, window_start, start)
    if head is None:
        return "other"
    # RELATION_NEAR over the last 60 characters; it opens with a relation word, so none starts before
    # ``head``, the first one
    near = RELATION_NEAR.search(text, max(head.start(), start - 60), start)
    clause = None
    # The clause start is read when no relation word is near, or when it may be "Căn cứ" (which
    # wins over the near word); a fast literal search first: few windows hold a clause start.
    if (near is None or text.find("Căn cứ", window_start, start) >= 0) and CLAUSE_WORDS.search(text, window_start, start):
        clause = _last_clause_start(text[window_start:start])
    word = (near[1] if near else clause[1] if clause else "").lower()
    if word == "căn cứ" or (clause and clause[1] == "Căn cứ"):
        return "căn cứ"
    if word in ("thực hiện", "triển khai"):
        return "thực hiện"
    if word in ("theo", "trên cơ sở"):
        return "theo"
    return "other"


def _last_clause_start(window: str) -> regex.Match[str] | None:
    """A match of CLAUSE_START reading the relation word of the last match of ``finditer(window)``:
    tried from the right at the places one can start (a line break, a ";", the start of the window).

    The first that matches from the right is that last match, or starts at a line break among the
    last match's leading spaces, and then reads on as it does.
    """
    end = len(window)
    while True:
        at = max(window.rfind("\n", 0, end), window.rfind(";", 0, end), 0)
        if clause := CLAUSE_START.match(window, at):
            return clause
        if at == 0:
            return None
        end = at


# ---------------------------------------------------------------- values


def _number_text(value: str) -> str:
    return "".join(value.split())


@lru_cache(maxsize=4096)
def _clean_number(raw: str) -> str | None:
    """The số ký hiệu without spaces, cut before a part that is a word ("04 - Nội dung")."""
    parts = _JOINS.split(raw)
    kept = [parts[0]]
    for i in range(1, len(parts) - 1, 2):
        part = parts[i + 1]
        if _WORDLIKE.search(part) or (part[:1].isupper() and _CAPITALISED_WORD.fullmatch(part)):
            break
        kept += [parts[i], part]
    number = "".join(kept).rstrip(".")
    number = _SPACES.sub("", number)
    return number or None


def _spaces_in(raw: str, number: str) -> int:
    """How many characters of ``raw`` were spaces dropped from ``number`` (to find its end)."""
    if raw.startswith(number):  # written without spaces, the usual case (a number holds no space)
        return 0
    count = 0
    seen = 0
    for ch in raw:
        if seen == len(number):
            break
        if ch.isspace():
            count += 1
        else:
            seen += 1
    return count


@lru_cache(maxsize=4096)
def _lead_number(number: str) -> str | None:
    """The bare number a số ký hiệu starts with: "04" of "04/2015/NĐ-CP"."""
    lead = BARE_NUMBER.match(number)
    return lead.group(0) if lead else None


@lru_cache(maxsize=4096)
def _has_code(number: str) -> bool:
    return bool(_LETTER.search(number, len(_lead_number(number) or "")))


def _type_from_code(number: str) -> str | None:
    for part in _JOINS.split(number)[2::2]:
        if part in _BY_CODE:
            return _BY_CODE[part]
    return None


@lru_cache(maxsize=4096)
def _key_number(number: str) -> str:
    return "".join(number.split()).casefold()


@lru_cache(maxsize=4096)  # a name is keyed four times in ``_merge``
def _key_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def _iso(m: regex.Match[str]) -> str | None:
    d, mo, y, d2, m2, y2 = m.groups()[:6]  # the groups of DAY_MONTH_YEAR, first in each pattern
    if not d:
        d, mo, y = d2, m2, y2
    if y is None:  # BEFORE_ISSUER without its date
        return None
    day, month = int(d), int(mo)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if y.isascii() and mo.isascii() and d.isascii():
        # ASCII digits, as nearly always: a 4-digit year and 1-2-digit day and month written out
        # zero-padded are what formatting their numbers gives, without its cost (a few µs a date)
        return f"{y}-{mo.zfill(2)}-{d.zfill(2)}"
    return f"{int(y):04d}-{month:02d}-{day:02d}"


@lru_cache(maxsize=4096)
def _issuer_extent(raw: str) -> str:
    """Cut an issuer read up to a stop: before "(khóa XI)", after a known body's full name."""
    term = TAIL_TERM.search(raw)
    if term:
        raw = raw[: term.start()]
    for name in _ISSUER_NAMES:
        if raw.startswith(name + " ") and raw[len(name) + 1 : len(name) + 2].islower():
            return raw[: len(name)]
    return raw


@lru_cache(maxsize=4096)
def _issuer(raw: str, place: str | None) -> str | None:
    raw = _issuer_extent(raw).strip(" ,")
    if not raw or len(raw.split()) > 16 or not raw[0].isupper():
        return None
    for spelling, expansion in _ISSUER_SPELLINGS.items():
        if raw.startswith(spelling):
            raw = expansion + raw[len(spelling) :]
    issuer = expand_abbreviations(raw)
    issuer = _TW.sub("Trung ương", issuer)
    local = _BARE_LOCAL.match(issuer)
    if local and place:
        unit = places.governed_unit(place)
        if unit.split(" ", 1)[0] == local.group(2):
            issuer = f"{local.group(1)} {unit}"
    return issuer


# ---------------------------------------------------------------- resolve and merge


def _merge(text: str, mentions: list[_Mention]) -> list[LegalRef]:
    """One ``LegalRef`` per instrument: short forms, acronyms and aliases join their full form."""
    # full forms by (type, leading number): "04" finds "04/2015/NĐ-CP" without a scan per short form
    full: defaultdict[tuple[str, str], set[str]] = defaultdict(set)  # no new set per mention
    for m in mentions:
        if m.number and _has_code(m.number) and (lead := _lead_number(m.number)):
            full[m.doc_type, lead].add(m.number)
    names = {_key_name(m.name): m for m in mentions if m.name}
    aliases = {_key_name(m.alias): m for m in mentions if m.alias}
    for m in mentions:
        if m.number and not _has_code(m.number):
            _resolve_short(m, full)
        elif m.name and not m.number:
            target = aliases.get(_key_name(m.name)) or _by_initials(m, names.values())
            if target is not None and target is not m:
                m.doc_type, m.number, m.name = target.doc_type, target.number, target.name
                m.resolved_by = "document"
    # a name-only mention of a law also cited with its number is the same law
    numbered_names = {_key_name(m.name): m for m in mentions if m.name and m.number}
    for m in mentions:
        if m.name and not m.number and _key_name(m.name) in numbered_names:
            m.number = numbered_names[_key_name(m.name)].number
    # the mentions of each instrument, in order; merged in plain variables and built once (setting
    # an attribute of a pydantic model costs a microsecond)
    # a name cited with two dates names two instruments: "Luật sửa đổi, bổ sung một số điều của Luật
    # bảo hiểm y tế ngày 13 tháng 6 năm 2014; Luật sửa đổi, bổ sung ... ngày 27 tháng 11 năm 2024"; a
    # mention without a date is the first dated one's
    first_date: dict[str, str] = {}
    for m in mentions:
        if m.name and not m.number and m.date:
            first_date.setdefault(_key_name(m.name), m.date)
    by_key: defaultdict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.number:
            key = (m.doc_type, _key_number(m.number))
        else:
            key_name = _key_name(m.name or "")
            key = (m.doc_type, f"name:{key_name}@{m.date or first_date.get(key_name, '')}")
        by_key[key].append(m)
    refs: list[LegalRef] = []
    for same in by_key.values():
        first = same[0]
        start, end = first.start, first.end
        date, issuer, title, name = first.date, first.issuer, first.title, first.name
        articles = list(first.articles)
        relation = first.relation
        for m in same[1:]:
            # the span shown is the first mention's, or a later one that says more (date, issuer)
            fuller = (m.date is not None) + (m.issuer is not None) > (date is not None) + (issuer is not None)
            if fuller and m.resolved_by is None:
                start, end = m.start, m.end
            date = date or m.date
            issuer = issuer or m.issuer
            title = title or m.title
            name = name or m.name
            articles += [a for a in m.articles if a not in articles]
            relation = _stronger(relation, m.relation)
        refs.append(
            LegalRef(
                start=start,
                end=end,
                text=text[start:end],
                doc_type=first.doc_type,
                number=first.number,
                name=name,
                date=date,
                issuer=issuer,
                title=title,
                articles=articles,
                mentions=len(same),
                relation=relation,
                id=f"{first.doc_type} {first.number or name}",
                resolved_by=first.resolved_by,
            )
        )
    return sorted(refs, key=lambda r: r.start)


def _resolve_short(m: _Mention, full: dict[tuple[str, str], set[str]]) -> None:
    candidates = {n for n in full.get((m.doc_type, m.number or ""), ()) if _is_short_of(m.number, n)}
    if len(candidates) == 1:
        m.number = candidates.pop()
        m.resolved_by = "document"
        return
    number = _known_short(m.doc_type, m.number)
    if number:
        m.number = number
        m.resolved_by = "table"


@cache
def _known_short(doc_type: str, short: str) -> str | None:
    rows = [row["number"] for row in _KNOWN if row["doc_type"] == doc_type and row["short"] == short]
    return rows[0] if len(rows) == 1 else None


def _is_short_of(short: str | None, number: str | None) -> bool:
    if not short or not number or not number.startswith(short):
        return False
    return number[len(short) : len(short) + 1] in ("/", "-")


def _initials(value: str) -> str:
    """ "Luật Phòng cháy và chữa cháy" → "PCCC": the first letters of the name's words, "và" left out."""
    return "".join(word[0] for word in value.replace(",", " ").split()[1:] if word != "và").upper()


def _by_initials(m: _Mention, named: Iterable[_Mention]) -> _Mention | None:
    """ "Luật BHYT" is the "Luật bảo hiểm y tế" cited in the same document; "Luật KH, CN&ĐMST" the
    "Luật Khoa học, Công nghệ và Đổi mới sáng tạo"."""
    type_word, _, acronym = (m.name or "").partition(" ")
    letters = "".join(_LETTER.findall(acronym))
    if not type_word or not acronym.replace(",", "").replace("&", "").replace(" ", "").isupper() or len(letters) < 2:
        return None
    hits = [n for n in named if n is not m and n.doc_type == m.doc_type and _initials(n.name or "") == letters]
    return hits[0] if len(hits) == 1 else None


_STRENGTH = {"căn cứ": 3, "thực hiện": 2, "theo": 1, "other": 0}


def _stronger(a: Relation, b: Relation) -> Relation:
    return a if _STRENGTH[a] >= _STRENGTH[b] else b


# The full numbers cited across an archive, by type and bare number: ("Nghị định", "04") →
# {"04/2015/NĐ-CP"}. Small (one entry per distinct instrument), so an archive of any size
# can be resolved in two streaming passes.
ArchiveIndex = dict[tuple[str, str], set[str]]


def index_full_forms(refs: Iterable[LegalRef], index: ArchiveIndex | None = None) -> ArchiveIndex:
    """Add the full numbers among ``refs`` to ``index`` (a new one if None) and return it."""
    index = {} if index is None else index
    for ref in refs:
        if ref.number and _has_code(ref.number):
            short = _lead_number(ref.number)
            if short:
                index.setdefault((ref.doc_type, short), set()).add(ref.number)
    return index


def may_resolve(doc_type: str, number: str | None, index: ArchiveIndex) -> bool:
    """Whether a reference of ``doc_type`` with this (short) ``number`` has full forms in
    ``index``: only such references can change in ``resolve_short_forms``."""
    return bool(number) and not _has_code(number) and (doc_type, number) in index


def resolve_short_forms(refs: list[LegalRef], index: ArchiveIndex) -> list[LegalRef]:
    """One document's references with short numbers resolved through ``index``; new items
    (inputs untouched), duplicates that the resolution creates merged.

    A short number resolves when exactly one full form of the same type starts with it
    (``"04"`` → ``"04/2015/NĐ-CP"``); when several do, the short form's date (if written)
    picks the one whose year matches; otherwise it stays as written.
    """
    out: dict[str, LegalRef] = {}
    for ref in refs:
        ref = ref.model_copy()  # only scalar fields are set below: a shallow copy keeps the input whole
        if ref.number and not _has_code(ref.number):
            numbers = sorted(index.get((ref.doc_type, ref.number), ()))
            if len(numbers) > 1 and ref.date:
                numbers = [n for n in numbers if f"/{ref.date[:4]}/" in n]
            if len(numbers) == 1:
                ref.number = numbers[0]
                ref.id = f"{ref.doc_type} {ref.number}"
                ref.resolved_by = "archive"
        same = out.get(ref.id)
        if same is None:
            out[ref.id] = ref
        else:
            same.mentions += ref.mentions
            same.date = same.date or ref.date
            same.issuer = same.issuer or ref.issuer
    return list(out.values())


def resolve_archive(records_refs: dict[str, list[LegalRef]]) -> dict[str, list[LegalRef]]:
    """Resolve short numbers ("Pháp lệnh 34", "Nghị định 04") in each document by the full
    forms cited in the others (see ``resolve_short_forms``)."""
    index: ArchiveIndex = {}
    for refs in records_refs.values():
        index_full_forms(refs, index)
    return {doc_id: resolve_short_forms(refs, index) for doc_id, refs in records_refs.items()}
