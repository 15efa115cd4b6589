"""People: named persons with the titles the text gives them.

A person is named in four ways in administrative text and news:

- after an honorific, with the title after a comma or dash: "đồng chí Trịnh Thị Minh Thanh,
  Phó Bí thư Tỉnh ủy", "ông Huỳnh Tho, Chủ nhiệm ...", "đ/c Thiếu úy Hoàng Thị Hiền - Cán bộ ...";
- after the title itself, the name starting with a family name: "Chủ tịch Ủy ban nhân dân tỉnh
  Hồ Văn Mười, Trưởng Ban Chỉ đạo";
- as the signer, under the signature title;
- in a news byline, a line of names alone: "Minh Hiền - Hoàng Nam", "Tin: Bằng Lăng, BBT".

Place names look like names ("tỉnh Lâm Đồng", "Bà Rịa - Vũng Tàu") and are checked against the
administrative units; "Hồ Chí Minh" in "tư tưởng Hồ Chí Minh" is not a person.

``extract`` is rule-based and fast. ``extract_with_underthesea`` runs underthesea's CRF NER
instead (slow: about 128 sentences/s); the default pipeline never calls it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import regex

from extractors import places
from extractors.data import patterns, table
from extractors.models import Person
from extractors.structure import Parsed
from extractors.text import literal_heads, sentence_case, title_case_name

# One syllable of a personal name, capitalised: "Trịnh", "Thị", "R’lấp" is not one.
SYLLABLE = r"\p{Lu}\p{Ll}*"
NAME = rf"{SYLLABLE}(?:[ ]{SYLLABLE}){{1,3}}(?![ ]?\p{{L}})"
# A name that may run up to a word in lower case, but not into another capitalised word.
NAME_BEFORE_WORDS = rf"{SYLLABLE}(?:[ ]{SYLLABLE}){{1,3}}(?![ ]?\p{{Lu}}|\p{{Ll}})"
# Fixed expressions that hold a historical name, and the country's name ("Luật sư Việt Nam"): not people.
NOT_PEOPLE = regex.compile(r"Hồ Chí Minh|Chí Minh|Việt Nam")
# Lower-level units whose names follow their unit word: "huyện Lâm Hà" is a place.
PLACE_BEFORE = regex.compile(r"(?:huyện|xã|phường|quận|thị xã|thị trấn|thôn|bản|xóm|ấp|đường|Trường|Nhà)\s*$")


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    honorifics = "|".join(regex.escape(h) for h in sorted(patterns("person_honorifics.txt"), key=len, reverse=True))
    title_alt = "|".join(regex.escape(t) for t in sorted(_titles(), key=len, reverse=True))
    ranks = "|".join(regex.escape(t) for t in patterns("person_titles.txt") if t.endswith(("úy", "tá", "tướng")))
    surnames = "|".join(regex.escape(s) for s in patterns("person_surnames.txt"))
    stops = "|".join(regex.escape(s) for s in sorted(patterns("person_title_stops.txt"), key=len, reverse=True))
    compiled = {
        # "đồng chí [Thiếu úy] Nguyễn Văn A"
        # (after an honorific the name may end before a verb: "từ Ông Phạm Nhân Nghĩa sang ...", but
        # is no title: "các đồng chí Chánh Văn phòng", "đồng chí Tổng Bí thư Tô Lâm")
        "honorific": regex.compile(
            rf"(?<![\p{{L}}/])(?:{honorifics})\s+(?:(?:{ranks})\s+)?"
            rf"(?!(?:{title_alt})(?![\p{{L}}]))(?P<name>{NAME_BEFORE_WORDS})"
        ),
        # "Phó Chủ tịch Ủy ban nhân dân tỉnh Nguyễn Ngọc Phúc," — a family name after a title
        "titled": regex.compile(
            # the words between title and name are tried last: "Thứ trưởng Nguyễn Văn Hồi" is no
            # "Thứ trưởng Nguyễn" named "Văn Hồi" ("Văn" is also a family name)
            rf"(?P<title>(?<![\p{{L}}])(?:{title_alt})(?:[ ][^\n,;:.()]{{0,60}}?)??)[ ]"
            # the name ends at a stop, or before a word in lower case when it has three syllables or
            # more ("... Bùi Thanh Sơn đã chủ trì"; "Chủ nhiệm Đoàn Luật sư" names a body)
            rf"(?P<name>(?:{surnames})(?:[ ]{SYLLABLE}){{1,3}})"
            rf"(?=\s*[,;.\-–\n(]|$|(?<=[ ]{SYLLABLE}[ ]{SYLLABLE}[ ]{SYLLABLE})[ ]\p{{Ll}})"
        ),
        # the title after a name: ", Phó Bí thư Tỉnh ủy, Trưởng Ban ..." up to a verb or a stop
        "title_after": regex.compile(
            rf"\s*[,\-–]\s*(?P<title>\p{{Lu}}[^\n;:.()“\"]{{2,160}}?)(?=\s+(?:{stops})\b|\s*[\n;:.()“\"]|\s+-\s|$)"
        ),
        "byline": regex.compile(
            rf"(?:(?:Tin|Bài|Ảnh|Tin, ảnh|Bài, ảnh|Tin và ảnh)\s*:\s*)?(?P<names>{NAME}(?:\s*[-–,]\s*{NAME})*)"
            r"(?:\s*,\s*\p{Lu}{2,5})?\s*"
        ),
        # a list of people after a label that names them: "các đồng chí Thường trực Tỉnh ủy: Hồ
        # Quốc Dũng - Ủy viên Trung ương Đảng, ...; Lê Kim Toàn - ...", "Các Phó Thủ tướng Chính
        # phủ: Trần Hồng Hà, Lê Thành Long, ..."
        # (matched on the words before a colon: "... của các đồng chí Thường trực Tỉnh ủy")
        "list_label": regex.compile(
            rf"(?<![\p{{L}}])(?:{honorifics}|các\s+(?:ông|bà)|(?:{title_alt}))[^:\n;.]{{0,60}}$", regex.I
        ),
        # each name may follow a rank ("Đại tướng Nguyễn Tân Cương") and have its title after a dash
        # or a comma ("Trần Đức Thắng, Bộ trưởng Bộ Nông nghiệp\nvà Môi trường; Đào Hồng Lan, ...")
        "listed": regex.compile(
            rf"(?:(?:{ranks})\s+)?(?P<name>(?:{surnames})(?:[ ]{SYLLABLE}){{1,3}})(?![ ]?\p{{L}})"
            rf"(?:\s*(?:[-–]|,(?=\s*(?:{title_alt})[ ]))\s*(?P<title>(?:[^;\n]|\n(?=\p{{Ll}})){{2,160}}?))?"
            rf"(?=\s*(?:;|\.(?:\s|$)|\n|$)|\s*,\s*(?:{surnames})[ ]\p{{Lu}}|\s+và\s+(?:{surnames})[ ])"
        ),
        # a member list of one person a bullet, the title first: "- Bộ trưởng Bộ Y tế Đào Hồng Lan;",
        # "- Ủy viên chuyên trách Ban Chỉ đạo ... khoa học\ncông nghệ, ... số Nguyễn Huy Dũng;"
        "member_bullet": regex.compile(
            rf"^[-–+•][ \t]*(?P<title>(?:{title_alt})(?:[^;\n]|\n(?=\p{{Ll}}))*?)[ \n]"
            rf"(?:(?:{ranks})[ ])?(?P<name>(?:{surnames})(?:[ ]{SYLLABLE}){{1,3}})[ \t]*[;.]?[ \t]*$",
            regex.M,
        ),
        "list_separator": regex.compile(r"\s*(?:[,;]|\s+và)\s*"),
        "name": regex.compile(NAME),  # one personal name (of a byline, of the signer)
        "title_word": regex.compile(rf"^(?:{title_alt})"),
    }
    # Groups are read by number (the names stay in the patterns to say what they hold): in ``regex``
    # a lookup by name copies the pattern's table of names, a microsecond or more, on every read.
    assert compiled["honorific"].groupindex == {"name": HONORIFIC_NAME}
    assert compiled["titled"].groupindex == {"title": TITLED_TITLE, "name": TITLED_NAME}
    assert compiled["title_after"].groupindex == {"title": 1} and compiled["byline"].groupindex == {"names": 1}
    return compiled


HONORIFIC_NAME = 1
TITLED_TITLE, TITLED_NAME = 1, 2


def _titles() -> set[str]:
    return set(patterns("person_titles.txt")) | {row["written"] for row in table("signer_titles.tsv")}


# Letters for ``re`` patterns, which have no \p{L}: those of the Latin blocks up to U+024F and of
# Latin Extended Additional (Vietnamese "ệ", "ữ" ...). All are \p{L}, so a lookbehind excluding them
# excludes no more than ``(?<![\p{L}])`` does.
_LETTERS = re.escape(
    "".join(c for c in map(chr, range(0x250)) if c.isalpha())
    + "".join(c for c in map(chr, range(0x1E00, 0x1F00)) if c.isalpha())
)


@cache
def _heads() -> dict[str, re.Pattern[str]]:
    """Where the honorific and titled patterns can start: their first words, found fast with ``re``
    (see ``finditer_from_heads`` in ``extractors.text``, whose way ``_head_positions`` and
    ``_matches_at`` follow), with checks the full patterns make anyway so that fewer places are
    handed to them.

    An honorific stands alone, before a space: "ông" and "bà" are also the ends of "không", "công",
    "bàn" (3600 places a MB, of which about 50 are honorifics). The lookbehind is written after each
    word, over it, because ``re`` only skips fast to the candidates' first characters when every
    alternative opens with a literal. A title must be followed, within the 62 characters the titled
    pattern allows and before any of its stops, by a family name.
    """
    honorifics = sorted(set(patterns("person_honorifics.txt")), key=len, reverse=True)
    alone = "|".join(rf"{re.escape(word)}(?<![{_LETTERS}/].{{{len(word)}}})(?=\s)" for word in honorifics)
    surnames = "|".join(re.escape(s) for s in patterns("person_surnames.txt"))
    titles = literal_heads(_titles()).pattern
    return {
        "honorific": re.compile(alone),
        "titled": re.compile(rf"(?:{titles})(?=[^\n,;:.()]{{1,62}}?(?:{surnames}))"),
        # Either head (a title without its check), for one scan of the text that finds both: a scan
        # costs about as much for the two sets of words as for one (every alternative still opens with
        # a literal, so ``re`` still skips to the characters that open one).
        "either": re.compile(f"{alone}|{titles}"),
    }


def _head_positions(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Where the honorific and the titled patterns can start in ``text[start:end]``: the places the
    two head patterns match, found in one scan (and as ``finditer_from_heads`` finds them: overlapping
    heads included)."""
    heads = _heads()
    honorific: list[int] = []
    titled: list[int] = []
    found = heads["either"].search(text, start, end)
    while found is not None:
        at = found.start()
        if heads["honorific"].match(text, at, end):
            honorific.append(at)
        if heads["titled"].match(text, at, end):
            titled.append(at)
        found = heads["either"].search(text, at + 1, end)
    return honorific, titled


def _matches_at(
    pattern: regex.Pattern[str], positions: list[int], text: str, end: int
) -> Iterator[regex.Match[str]]:
    """``pattern`` tried at each of the ``positions`` in turn, as ``finditer_from_heads`` tries it at its
    heads: a position inside the last match is skipped."""
    resume = 0
    for at in positions:
        if at < resume:
            continue
        match = pattern.match(text, at, end)
        if match is not None:
            yield match
            resume = max(match.end(), at + 1)


@cache
def _printed_titles() -> dict[str, str]:
    return {row["printed"]: row["written"] for row in table("signer_titles.tsv")}


def _is_place(name: str) -> bool:
    return places.province(name) is not None or NOT_PEOPLE.search(name) is not None


def _title_after(text: str, end: int) -> str | None:
    found = _patterns()["title_after"].match(text, end, min(len(text), end + 200))
    if not found:
        return None
    # a title is a list of posts, each capitalised: "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy"
    posts = []
    for post in found[1].strip(" ,-–!").split(", "):
        if not post[:1].isupper():
            break
        posts.append(post)
    title = ", ".join(posts)
    return title if title and _patterns()["title_word"].match(title) else None


def _signer(parsed: Parsed) -> Person | None:
    closing = parsed.closing
    if not closing or not closing.signer_name:
        return None
    piece = closing.signer_name
    if not _patterns()["name"].fullmatch(piece.text) or _is_place(piece.text):
        return None
    title = None
    if closing.signer_title:
        printed = " ".join(closing.signer_title.text.split())
        title = _printed_titles().get(printed.upper()) or sentence_case(printed)
    return Person(start=piece.start, end=piece.end, text=piece.text, name=piece.text, title=title)


# A name printed in capitals, as bylines and photo credits print it: "HỒNG HÀ (Thực hiện)".
CAPS_NAME = regex.compile(r"\p{Lu}{1,7}(?:[ ]\p{Lu}{1,7}){1,3}(?![\p{L}.])")
# A byline in capitals on a line of its own, with the author's part ("HỒNG HÀ (Thực hiện)").
CAPS_BYLINE = regex.compile(rf"(?P<name>{CAPS_NAME.pattern})(?:\s*\((?:Thực hiện|Tổng hợp|Ghi)\))?\s*")
# A photo credit closing a caption: "... bị nhóm bạn đánh hội đồng. Ảnh: Tuệ Lâm", "Ảnh: HẢI YẾN".
PHOTO_CREDIT = regex.compile(rf"Ảnh\s*:\s*(?P<name>{NAME}|{CAPS_NAME.pattern})\s*$", regex.M)


def _byline_person(match: regex.Match[str]) -> Person:
    """A person named by a byline or a photo credit; a name in capitals is written in title case."""
    printed = match.group("name")
    name = title_case_name(printed) if printed.isupper() else printed
    return Person(start=match.start("name"), end=match.end("name"), text=printed, name=name)


def _bylines(parsed: Parsed) -> list[Person]:
    """Lines of a news article that hold nothing but names (its bylines), and photo credits."""
    text = parsed.text
    found = []
    pattern, one = _patterns()["byline"], _patterns()["name"]
    for start, end in parsed.regions:
        found += [_byline_person(m) for m in PHOTO_CREDIT.finditer(text, start, end) if not _is_place(m.group("name"))]
        position = start
        for line in text[start:end].split("\n"):
            line_start, position = position, position + len(line) + 1
            if not line or len(line) > 60 or line.startswith("Theo"):
                continue
            caps = CAPS_BYLINE.fullmatch(text, line_start, line_start + len(line))
            if caps and not _is_place(title_case_name(caps.group("name"))):
                found.append(_byline_person(caps))
                continue
            match = pattern.fullmatch(text, line_start, line_start + len(line))
            if not match:
                continue
            for name in one.finditer(text, match.start(1), match.end(1)):
                if not _is_place(name.group(0)):
                    found.append(Person(start=name.start(), end=name.end(), text=name.group(0), name=name.group(0)))
    return found


def extract(parsed: Parsed) -> list[Person]:
    """Named persons of the document, one item per distinct name, in text order."""
    text = parsed.text
    found: list[Person] = []
    spans = [(parsed.header.title[0].start, parsed.header.title[-1].end)] if parsed.header.title else []
    spans += list(parsed.regions)
    if parsed.closing:
        # "Nơi nhận: - Phó GĐ Sở: ông Trần Ngọc Tân;"
        spans.append((parsed.closing.start, max(parsed.closing.start, parsed.closing.end)))
    for start, end in spans:
        honorific_heads, titled_heads = _head_positions(text, start, end)
        for match in _matches_at(_patterns()["honorific"], honorific_heads, text, end):
            name = match[HONORIFIC_NAME]
            if _is_place(name):
                continue
            found.append(_named(match, HONORIFIC_NAME, _title_after(text, match.end(HONORIFIC_NAME))))
        for match in _matches_at(_patterns()["titled"], titled_heads, text, end):
            name, title = match.group(TITLED_NAME, TITLED_TITLE)
            name_start = match.start(TITLED_NAME)
            if _is_place(name) or PLACE_BEFORE.search(text, max(0, name_start - 12), name_start):
                continue
            found.append(_named(match, TITLED_NAME, " ".join(title.split())))
        found += _listed(text, start, end)
        found += _member_bullets(text, start, end)
    if parsed.kind == "news":
        found += _bylines(parsed)
    signer = _signer(parsed)
    if signer:
        found.append(signer)
    return _distinct(found)


def _listed(text: str, start: int, end: int) -> list[Person]:
    """The people a label lists after its colon, each with the title after a dash if any."""
    found: list[Person] = []
    compiled = _patterns()
    # from each colon (a few a document), the label before it: a scan for the label's many
    # words over the whole text would cost more than the rest of this extractor
    colon = text.find(":", start, end)
    while colon >= 0:
        at, colon = colon + 1, text.find(":", colon + 1, end)
        if compiled["list_label"].search(text, max(start, at - 71), at - 1) is None:
            continue
        while at < end and text[at] in " \t":
            at += 1
        while (listed := compiled["listed"].match(text, at, end)) is not None:
            name = listed["name"]
            if not _is_place(name):
                title = " ".join(listed["title"].split()) if listed["title"] else None
                found.append(_named(listed, "name", title))
            separator = compiled["list_separator"].match(text, listed.end(), end)
            if separator is None:
                break
            at = separator.end()
    return found


def _member_bullets(text: str, start: int, end: int) -> list[Person]:
    """The people of a member list printed one a bullet, each after the post they hold."""
    found = []
    for match in _patterns()["member_bullet"].finditer(text, start, end):
        name = match["name"]
        if not _is_place(name):
            title = " ".join(match["title"].split()).rstrip(" ,")
            found.append(_named(match, "name", title))
    return found


def _named(match: regex.Match[str], group: int | str, title: str | None) -> Person:
    """The person a match's ``name`` group (its number or name ``group``) names."""
    name = match[group]
    start, end = match.span(group)
    return Person(start=start, end=end, text=name, name=name, title=title)


def _distinct(found: list[Person]) -> list[Person]:
    """One item per name, at its first mention, with the first title any mention gives (of two
    readings of one mention, the longer title: "Phó Chủ tịch - Tổng Thư ký ..." over "Tổng Thư ký ...")."""
    by_name: dict[str, Person] = {}
    for person in sorted(found, key=lambda p: (p.start, -len(p.title or ""))):
        kept = by_name.get(person.name)
        if kept is None:
            by_name[person.name] = person
        elif kept.title is None and person.title:
            kept.title = person.title
    return list(by_name.values())


# ---------------------------------------------------------------- underthesea (optional)


def extract_with_underthesea(parsed: Parsed) -> list[Person]:
    """People found by underthesea's CRF NER (B-PER/I-PER), located back in the text.

    Slow (the NER tags about 128 sentences/s) and without offsets: each entity is found
    again in its sentence. Not part of the default pipeline (no CLI flag yet): call it directly.
    """
    from underthesea import ner, sent_tokenize  # optional and slow to import

    text = parsed.text
    found: list[Person] = []
    for start, end in parsed.regions:
        position = start
        for line in text[start:end].split("\n"):
            line_start, position = position, position + len(line) + 1
            if not line.strip():
                continue
            cursor = line_start
            for sentence in sent_tokenize(line):
                at = text.find(sentence, cursor, line_start + len(line))
                at = cursor if at < 0 else at
                words: list[str] = []
                for token, _pos, _chunk, tag in ner(sentence):
                    if tag.endswith("PER"):
                        if tag.startswith("B-") and words:
                            found += _locate(text, " ".join(words), at)
                            words = []
                        words.append(token)
                    elif words:
                        found += _locate(text, " ".join(words), at)
                        words = []
                if words:
                    found += _locate(text, " ".join(words), at)
                cursor = at + len(sentence)
    signer = _signer(parsed)
    if signer:
        found.append(signer)
    return _distinct(found)


def _locate(text: str, name: str, at: int) -> list[Person]:
    where = text.find(name, at)
    if where < 0 or len(name.split()) < 2:
        return []
    return [Person(start=where, end=where + len(name), text=name, name=name, title=_title_after(text, where + len(name)))]
