"""The walk over the body's items: the units of each item, the actors its heading hands down,
and the preambles that hand a list of items to its addressees."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.structure import Section
from extractors.tasks.actors import (
    ASSIGN,
    COLLECTIVE_LABEL,
    actor_colon,
    actor_end,
    addressees_heading,
    assignment_in,
    clean_actor,
    has_modality,
    is_actor_phrase,
    leading_adverbial,
    may_assign,
    opens_actor,
    split_actors,
    subject,
    verb_end,
)
from extractors.tasks.fields import (
    LABEL,
    apply_field,
    field_in_line,
    fill_field,
    is_broken_continuation,
    is_field_line,
)
from extractors.tasks.filters import (
    CLOSING_WORDS,
    CONTENTS_LIST,
    NON_TASK_HEADING,
    is_addressee,
    is_member_list,
)
from extractors.tasks.inherited import Preamble, inherited_actors
from extractors.tasks.lines import (
    HEADING_MAX,
    MARKER,
    SENTENCE_CLOSE,
    is_caps,
    is_heading_body,
    line_spans,
    strip_marker,
    trim_span,
)
from extractors.tasks.sentences import goes_on, sentence_units, wrapped_subject
from extractors.tasks.units import Context, Unit

# The head word of a body's name alone, which a heading cannot end with ("2.1. Sở" / "Tài chính").
BARE_HEAD = re.compile(r"(?:Sở|Bộ|Ban|Ủy\s+ban|Cục|Vụ|Phòng|Trung\s+tâm|Công\s+an|Văn\s+phòng)")
# A lettered item printed inline after its parent's heading: "1. Công tác dân vận a) Tuyên truyền ...".
INLINE_LETTER = re.compile(r"\s(?=a\)\s)")
# A heading that names whose duties follow: "Điều 3. Nhiệm vụ và quyền hạn của Ban Chỉ đạo",
# "1. Trách nhiệm của Chính phủ và chính quyền địa phương:", "1. Trách nhiệm chung của các cơ quan,
# đơn vị"; its items inherit the actor.
DUTIES_OF = re.compile(
    r"^(?:Nhiệm\s+vụ|Trách\s+nhiệm|Chức\s+năng|Quyền\s+hạn)(?:(?:\s*,\s*|\s+và\s+)(?:nhiệm\s+vụ|"
    r"trách\s+nhiệm|chức\s+năng|quyền\s+hạn))*\s+(?:(?:cụ\s+thể|chung|chính)\s+)?của\s+(?P<actor>[^:;.\n]{2,160}?)\s*:?\s*$",
    re.I,
)


def section_units(ctx: Context, preambles: list[Preamble]) -> list[Unit]:
    """The units of the body's items, item after item (see ``_add_section_units``)."""
    units: list[Unit] = []
    for index, section in enumerate(ctx.sections):
        _add_section_units(ctx, preambles, index, section, units)
    return units


def _add_section_units(
    ctx: Context, preambles: list[Preamble], index: int, section: Section, units: list[Unit]
) -> None:
    """Add the units of the item ``index`` to ``units`` (field lines fill the units before it),
    or mark it and its children excluded when they are no tasks."""
    text = ctx.text
    parent = section.parent
    if index in ctx.excluded or (parent is not None and parent in ctx.excluded):
        ctx.excluded.add(index)
        return
    start, end = trim_span(text, section.start, section.text_end)
    first_line, heading_text, inline = _heading_of(text[start:end])
    if _heads_no_tasks(ctx, index, heading_text, inline):
        ctx.excluded.add(index)
        return
    if "gồm" in heading_text and ctx.children.get(index) and CONTENTS_LIST.search(heading_text):
        # "Các Hội xây dựng Đề án tổ chức Đại hội gồm những nội dung chính sau:": the work is
        # the heading; the items below list what the product holds
        ctx.excluded.update(ctx.children[index])
        found = subject(heading_text)
        actors = split_actors(found[0]) if found else inherited_actors(ctx, index, preambles, start)
        units.append(Unit(start, start + len(first_line.rstrip()), actors, section=section.label, own_actor=bool(found)))
        return
    if is_broken_continuation(ctx, index) or is_addressee(ctx, index):
        return
    duties = DUTIES_OF.match(heading_text.strip())
    if duties and opens_actor(duties.group("actor")):
        ctx.heading_actor[index] = split_actors(duties.group("actor"))
    if is_field_line(ctx, index):
        units += apply_field(ctx, section, units, inherited_actors(ctx, index, preambles, start))
        return
    if section.marker.startswith("Điều"):
        # the article's title and text: "Điều 8. Chánh Văn phòng ... chịu trách nhiệm thi hành ..."
        # is a sentence on the title line; a title such as "Điều 3. Tổ chức thực hiện" obliges nobody
        marker = MARKER.match(text[start:end])
        inherited = inherited_actors(ctx, index, preambles, start)
        title_actors = None
        if _under_duties(ctx, index) and not _wraps_on(text, heading_text, start + len(first_line), end):
            title_actors = _article_title_actors(heading_text)
        if title_actors:
            # "Điều 7. Binh chủng Hóa học" / "1. Tham mưu ..." in a chapter of duties: the title
            # names the body whose duties the clauses and the text below it are
            ctx.heading_actor[index] = inherited = title_actors
        units += sentence_units(
            ctx,
            start + len(first_line) if title_actors else start + (marker.end() if marker else 0),
            end,
            inherited,
            section.label,
        )
        return
    item = _Item(index, section, start, end, first_line, heading_text, inline)
    _add_item_units(ctx, item, inherited_actors(ctx, index, preambles, start), units)


# The heading of a chapter or part that sets out duties: "Chương III TRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN
# VỊ", "TỔ CHỨC THỰC HIỆN" (not a charter's "Chương II TỔ CHỨC BỘ MÁY" over "Điều 10. Giám đốc Quỹ").
DUTIES_PART = re.compile(r"TRÁCH\s+NHIỆM|NHIỆM\s+VỤ|TỔ\s+CHỨC\s+THỰC\s+HIỆN", re.I)
DUTIES_PART_HEAD = 200  # how much of a part's text its heading takes at most


def _under_duties(ctx: Context, index: int) -> bool:
    """Whether the item lies in a chapter or part whose heading sets out duties."""
    parent = ctx.sections[index].parent
    while parent is not None:
        section = ctx.sections[parent]
        if DUTIES_PART.search(ctx.text, section.start, min(section.text_end, section.start + DUTIES_PART_HEAD)):
            return True
        parent = section.parent
    return False


def _wraps_on(text: str, line: str, after: int, end: int) -> bool:
    """Whether the sentence opening with ``line`` goes on past it, its subject with it ("Điều 3.
    Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc\nChính phủ và Chủ tịch ... chịu
    trách nhiệm thi hành"): a wrapped sentence, not an article's title."""
    found = wrapped_subject(text, line.strip(), line_spans(text, after, end))
    return found is not None and len(found[0]) > len(line.strip())


def _article_title_actors(title: str) -> list[str] | None:
    """The bodies an article's title names alone ("Binh chủng Hóa học", "Các cơ quan, đơn vị trực
    thuộc Bộ Quốc phòng"): no verb, no sentence."""
    title = title.strip()
    if not title or SENTENCE_CLOSE.search(title) or verb_end(title, 0, len(title)) is not None:
        return None
    return _heading_actors(title)


def _heading_of(own: str) -> tuple[str, str, re.Match[str] | None]:
    """The first line of an item's own text, its heading (the line without its marker, cut before
    an inline "a)"), and that inline letter if any."""
    first_line_end = own.find("\n")
    first_line = own if first_line_end < 0 else own[:first_line_end]
    heading_text = strip_marker(first_line)
    if first_line_end >= 0 and not heading_text.strip():
        # "1.4.\nXây dựng kế hoạch ...": the marker alone on its line
        first_line_end = own.find("\n", first_line_end + 1)
        first_line = own if first_line_end < 0 else own[:first_line_end]
        heading_text = strip_marker(first_line)
    if first_line_end >= 0 and BARE_HEAD.fullmatch(heading_text.strip()):
        # "2.1. Sở\nTài chính": a heading whose name the page wrapped after its head word
        next_end = own.find("\n", first_line_end + 1)
        first_line = own if next_end < 0 else own[:next_end]
        heading_text = " ".join(strip_marker(first_line).split())
    elif first_line_end >= 0 and _heading_goes_on(heading_text, own, first_line_end):
        # "5. Các sở, ban, ngành, đoàn thể cấp tỉnh và UBND\ncác xã, phường": a heading that names
        # bodies, wrapped onto a line that goes on in lower case
        next_end = own.find("\n", first_line_end + 1)
        first_line = own if next_end < 0 else own[:next_end]
        heading_text = " ".join(strip_marker(first_line).split())
    # the literal test first: the pattern looks at every space of the line
    inline = INLINE_LETTER.search(heading_text) if "a)" in heading_text else None
    if inline:
        heading_text = heading_text[: inline.start()]
    return first_line, heading_text, inline


def _heading_goes_on(heading_text: str, own: str, first_line_end: int) -> bool:
    """Whether the heading ``heading_text`` (the first line of ``own``) names bodies and goes on
    over the next line: that line opens in lower case, and the two lines hold no verb."""
    next_end = own.find("\n", first_line_end + 1)
    following = own[first_line_end + 1 : next_end if next_end >= 0 else len(own)].strip()
    if not following[:1].islower() or SENTENCE_CLOSE.search(heading_text) or heading_text.rstrip().endswith(":"):
        return False
    joined = f"{heading_text.strip()} {following}"
    return (
        len(joined) <= HEADING_MAX
        and opens_actor(heading_text.strip())
        and not has_modality(joined)
        and verb_end(joined, 0, len(joined)) is None
    )


def _heads_no_tasks(ctx: Context, index: int, heading_text: str, inline: re.Match[str] | None) -> bool:
    """Whether the item's heading makes it and its children no tasks: a goal or assessment heading
    over items, or a list of members."""
    section = ctx.sections[index]
    if NON_TASK_HEADING.match(heading_text.strip()) and (
        ctx.children.get(index) or section.level <= 2 or inline
    ):
        return True
    # the members of a board, the invitees of a meeting: who takes part, not work
    return is_member_list(heading_text.strip())


@dataclass(frozen=True, slots=True)
class _Item:
    """An item of work or a heading over items, as ``_add_section_units`` read it."""

    index: int
    section: Section
    start: int  # its own text, trimmed
    end: int
    first_line: str
    heading_text: str
    inline: re.Match[str] | None  # a lettered item printed inline after the heading


def _add_item_units(ctx: Context, item: _Item, inherited: list[str], units: list[Unit]) -> None:
    """Add the units of an item's own lines to ``units``, and record the actor its heading or its
    first unit hands down to its children."""
    text = ctx.text
    index, inline = item.index, item.inline
    children = ctx.children.get(index, [])
    lines = line_spans(text, item.start, item.end)
    if not lines:
        return
    # the first line without its marker, read by the heading test and the line loop below
    first_body = strip_marker(text[lines[0][0] : lines[0][1]])
    # the heading's lines are one line: "1.4.\nXây dựng ...", "2.1. Sở\nTài chính", a wrapped heading
    first_line_end = item.start + len(item.first_line.rstrip())
    while len(lines) > 1 and (lines[1][0] < first_line_end or not first_body.strip()):
        lines = [(lines[0][0], lines[1][1]), *lines[2:]]
        first_body = strip_marker(text[lines[0][0] : lines[0][1]])
    real_children = [c for c in children if not is_field_line(ctx, c)]
    first_is_heading = _first_is_heading(ctx, item, lines, first_body, real_children)
    # the heading of the item (before an inline "a)") may name the actor of its children
    heading_is_actor = False
    if index in ctx.heading_actor:
        heading_is_actor = True
    elif not inline and real_children and (addressees := addressees_heading(first_body)):
        # "1. Bộ trưởng các Bộ: Quốc phòng, ..., Chủ tịch UBND các tỉnh ... theo chức năng,
        # nhiệm vụ, thẩm quyền:" over its lettered items: however long, it names who does them
        ctx.heading_actor[index] = addressees
        heading_is_actor = first_is_heading = True
    elif inline or first_is_heading:
        heading_actors = _heading_actors(item.heading_text)
        wrapped = _subject_past_line(text, first_body.strip(), lines[1:]) if heading_actors else None
        if wrapped is not None:
            # "8. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt\nNam, Thông tấn xã Việt Nam kịp thời
            # thông tin ...": the heading line is the start of a sentence whose subject it cuts
            heading_actors = split_actors(wrapped)
        if heading_actors is not None:
            ctx.heading_actor[index] = heading_actors
            heading_is_actor = True
    actor_here = ctx.heading_actor.get(index) or inherited
    content = _content_lines(ctx, item, lines, first_is_heading, bool(real_children))
    if not content:
        return
    each_line = heading_is_actor and not inline
    new, each_line, actor_here = _line_units(ctx, item, content, lines[0], first_body, each_line, actor_here)
    units += new
    first_unit = new[0] if new else None
    if each_line and new and children:
        ctx.heading_actor[index] = actor_here
    elif (
        real_children
        and first_unit is not None
        and first_unit.own_actor
        and index not in ctx.heading_actor
        and text[item.start : item.end].rstrip().endswith(":")
    ):
        # "2. Bí thư tỉnh ủy ...; Chủ tịch UBND các tỉnh ... tập trung lãnh đạo ..., trong đó:
        # a) ... b) ...": the items spell out the work of the item's own subject
        ctx.heading_actor[index] = list(first_unit.actors)
    if real_children and first_unit is not None and len(content) == 1 and first_unit in units:
        if ANNOUNCES_LIST.search(text[content[0][0] : content[0][1]]):
            # "a) Vụ Xuất nhập khẩu chủ trì, ... triển khai gấp các công việc sau:", "1.1. Thứ
            # trưởng ... chỉ đạo:": an item whose content is its children is no task itself
            units.remove(first_unit)
    last = text[content[-1][0] : content[-1][1]]
    if real_children and ctx.heading_actor.get(index) and last.endswith(":"):
        # "1. Sở Nông nghiệp và Môi trường\nchỉ đạo Chi cục Biển đảo và Thủy sản thực hiện các nội
        # dung sau:": the body directed shares the work of the items with the body that directs it
        directed = [a for a in _directed_bodies(strip_marker(last)) if a not in ctx.heading_actor[index]]
        ctx.heading_actor[index] = [*ctx.heading_actor[index], *directed]


def _directed_bodies(line: str) -> list[str]:
    """The bodies a line says its subject directs or assigns to do the work: "(Sở ...) chỉ đạo Chi
    cục Biển đảo và Thủy sản thực hiện các nội dung sau:" → ["Chi cục Biển đảo và Thủy sản"]. The
    verb is in lower case, after its subject ("Giao Sở ..." opening a line is the issuer's word)."""
    found = subject(line)
    rest = line[found[1] :] if found else line
    assign = ASSIGN.match(rest) if rest[:1] in "cg" else None
    if assign is None:
        return []
    end = actor_end(rest, assign.end())
    if end is None or not is_actor_phrase(rest[assign.end() : end[0]]):
        return []
    return split_actors(rest[assign.end() : end[0]])


def _first_is_heading(
    ctx: Context, item: _Item, lines: list[tuple[int, int]], first_body: str, real_children: list[int]
) -> bool:
    """Whether the item's first line is a heading over its other lines or its children."""
    text = ctx.text
    # a bullet with nothing under it is one item of work whose first line the page may have
    # wrapped ("- Lập dự toán kinh phí báo cáo\nSở Nông nghiệp và Môi trường trình ..."), not
    # a heading over the lines below it
    wrapped_bullet = (
        item.section.marker.startswith(("-", "+", "•"))
        and not real_children
        and not first_body.rstrip().endswith(":")
        and not is_caps(first_body)
    )
    return (
        not wrapped_bullet
        and is_heading_body(first_body.strip())
        and (bool(real_children) or len(lines) > 1 or is_caps(text[lines[0][0] : lines[0][1]]))
    ) or (
        # "1. Tăng cường sự lãnh đạo ... nhằm nâng cao nhận thức, thúc đẩy ... tiến bộ" over
        # "1.1. ...": a one-line item with no sentence end whose content is its children is a
        # heading however long
        bool(real_children)
        and len(lines) == 1
        and not item.inline
        and not SENTENCE_CLOSE.search(text[lines[0][0] : lines[0][1]])
        and not text[lines[0][1] - 1] == ":"  # "- Các cơ sở KCB thực hiện ... như sau:" is work
    )


def _heading_actors(heading_text: str) -> list[str] | None:
    """The actors a heading names for the items under it ("2. Phòng Nội vụ", "a) Sở Y tế:"), if
    it names them and gives no work itself."""
    head = clean_actor(heading_text)
    head_colon = actor_colon(heading_text)
    if head_colon and is_actor_phrase(head_colon.group("actor")):
        head = clean_actor(head_colon.group("actor"))
        members = heading_text[head_colon.end() :].strip()
        if COLLECTIVE_LABEL.match(heading_text) and members and verb_end(members, 0, len(members)) is None:
            # "1. Các Bộ: Y tế, Công Thương, Nông nghiệp và Môi trường": the members named
            head = clean_actor(heading_text)
    if is_actor_phrase(head) and not has_modality(head) and len(head) <= HEADING_MAX:
        return split_actors(head)
    return None


def _content_lines(
    ctx: Context, item: _Item, lines: list[tuple[int, int]], first_is_heading: bool, has_children: bool
) -> list[tuple[int, int]]:
    """The spans of the item's lines that hold its work: all of them, or those under its heading."""
    text = ctx.text
    content: list[tuple[int, int]] = []
    if item.inline:
        first_marker = MARKER.match(item.first_line)
        content_start = item.start + first_marker.end() + item.inline.end() if first_marker else item.start
        content.append((content_start, lines[0][1]))
        content += lines[1:]
    elif first_is_heading and has_children and text[lines[0][0] : lines[0][1]].endswith(":"):
        # "2. Giao Văn phòng UBND tỉnh:" over its lettered items: lines printed between the
        # announcing heading and its first item are page furniture (footnotes, page numbers)
        pass
    elif first_is_heading:
        content += lines[1:]
    else:
        content = lines
    return content


def _line_units(
    ctx: Context,
    item: _Item,
    content: list[tuple[int, int]],
    first_line: tuple[int, int],
    first_body: str,
    each_line: bool,
    actor_here: list[str],
) -> tuple[list[Unit], bool, list[str]]:
    """The units of an item's content lines: a line that names its own actor, opens with a time
    or stands alone under an actor heading (``each_line``) starts a unit; others continue it or
    fill its fields. Also ``each_line`` and the actors handed down, as the lines changed them."""
    text = ctx.text
    section = item.section
    units: list[Unit] = []
    current: Unit | None = None
    field: tuple[str, int] | None = None  # the field line read last in the item, and its value's start
    for position, (line_start, line_end) in enumerate(content):
        if current is not None and line_start != content[0][0]:
            # "- Thường xuyên rà soát ..." / "Đơn vị chủ trì thực hiện: Các" / "Sở, ngành, UBND
            # cấp xã." / "Thời gian thực hiện: Thường xuyên.": the item's fields, unmarked
            found_field = field_in_line(text, line_start, line_end)
            line = text[line_start:line_end]
            if found_field is None and not MARKER.match(line) and not LABEL.match(line):
                found_field = field  # the value of the field above, wrapped onto this line
            if found_field is not None:
                field = found_field
                name, value_start = found_field
                fill_field(ctx, current, name, value_start, line_end)
                continue
        if (line_start, line_end) == first_line:
            body = first_body
        else:
            body = strip_marker(text[line_start:line_end])
        if current is None and CLOSING_WORDS.match(body):
            continue  # "III. Tổ chức thực hiện" / "Trên đây là hướng dẫn ...": the text's closing
        own_subject = subject(body)
        if own_subject is None and current is None:
            own_subject = wrapped_subject(text, body, content[position + 1 :])
        new_block = bool(
            own_subject
            and (
                body.startswith("Đối với")
                or (actor_colon(body) and own_subject[1] <= body.find(":") + 2)
            )
        )
        timed = (
            line_start != content[0][0]
            and leading_adverbial(body)
            and not body.startswith(("Căn", "Trên", "Trong", "Sau"))
        )
        if (
            current is None
            # under an actor, each line is a task; one in lower case goes on with the clause above
            # ("3. UBND các xã, phường: Phối hợp ...;\ntriển khai thực hiện các biện pháp ...")
            or (each_line and not body[:1].islower())
            or new_block
            or timed
            or (own_subject and line_start != content[0][0] and has_modality(body))
        ):
            if current is not None:
                units.append(current)
            current = Unit(
                line_start if line_start != content[0][0] else section.start,
                line_end,
                section=section.label,
            )
            if line_start == content[0][0] and item.inline:
                current.start = section.start
            if own_subject:
                current.actors = split_actors(own_subject[0])
                current.own_actor = True
                if new_block:
                    each_line = True
                    actor_here = current.actors
            else:
                current.actors = list(actor_here)
                # may_assign first: it is cheap, and without it the branch finds nothing
                if may_assign(body) and has_modality(body):
                    # "Trong quá trình tổ chức thực hiện, nếu có vướng mắc ... đề nghị các đơn
                    # vị, địa phương có báo cáo về Sở ...": the addressee named mid-sentence
                    addressed = assignment_in(body)
                    if addressed is not None and not actor_here:
                        current.actors = split_actors(addressed[0])
                    elif addressed is not None and ASSIGN.match(body):
                        # "... đề nghị đồng chí Chủ tịch UBND tỉnh chỉ đạo một số nội dung sau: 3.
                        # Chỉ đạo Sở Nông nghiệp và Môi trường khẩn trương ...": the body the list
                        # was handed to directs the one its item names; both share the work
                        current.actors = [*actor_here, *(a for a in split_actors(addressed[0]) if a not in actor_here)]
        else:
            current.end = line_end
    if current is not None:
        units.append(current)
    return units, each_line, actor_here


def _subject_past_line(text: str, body: str, following: list[tuple[int, int]]) -> str | None:
    """The subject of the sentence opening with the line ``body`` when it goes on past that line
    ("8. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt\nNam, Thông tấn xã Việt Nam kịp thời ...")."""
    if not following or not goes_on(text[following[0][0] : following[0][1]]):
        return None
    found = wrapped_subject(text, body, following)
    return found[0] if found is not None and found[1] > len(body) else None


# The end of a line that hands out the list of work under it ("... triển khai gấp các công việc
# sau:", "Thứ trưởng ... chỉ đạo:"), unlike one whose work the list spells out ("Các cơ sở KCB thực
# hiện mã hóa, ghi chép ... như sau:").
ANNOUNCES_LIST = re.compile(
    r"(?:(?:các|những)\s+(?:công\s+việc|nhiệm\s+vụ|nội\s+dung|việc)(?:\s+cụ\s+thể)?\s+sau|chỉ\s+đạo"
    r"|(?<!\w)(?:đề\s+nghị|yêu\s+cầu))\s*:\s*$"  # "IV. Văn phòng Chính phủ trân trọng đề nghị:"
)
