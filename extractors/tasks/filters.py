"""What is not a task: goal and assessment headings, member lists, addressee lists, closing
formulas, legal bases, rules of an article, glossary entries, papers and checked items."""

from __future__ import annotations

import re

import regex

from extractors.tasks.actors import ACTION_START, alternation, has_modality, leading_adverbial
from extractors.tasks.lines import is_caps, strip_marker
from extractors.tasks.units import Context, Unit

# The legal bases of a decision ("Căn cứ Luật ...;", "Xét đề nghị của ...", "Theo đề nghị của ..."):
# why the document is issued, not work it gives.
LEGAL_BASIS = regex.compile(r"(?:Căn\s+cứ|Xét|Theo\s+đề\s+nghị)(?![\p{L}])")
# Headings whose items are goals or assessments, not tasks.
NON_TASK_HEADING = regex.compile(rf"^(?:{alternation('non_task_headings.txt')})", regex.I)
# Headings of a list of members or invitees ("Thành phần mời:", "... gồm các thành viên sau:").
MEMBER_LIST = regex.compile(alternation("member_lists.txt"), regex.I)
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


def is_member_list(heading: str) -> bool:
    """Whether a heading opens a list of members or invitees (MEMBER_LIST)."""
    lowered = heading.lower()
    return (lowered.startswith(MEMBER_OPENINGS) or MEMBER_WORD in lowered) and bool(MEMBER_LIST.search(heading))


BRACKETED = re.compile(r"\([^()\n]*\)")  # a bracketed aside
CLAUSE_SPLIT = re.compile(r"[.;:]\s")
CLOSING_WORDS = re.compile(r"Trên\s+đây|Trân\s+trọng")  # closing paragraphs of a letter
# The closing formula of a report or submission: "Sở Nội vụ báo cáo Chủ tịch UBND tỉnh xem xét, chỉ
# đạo./.", "... kính trình UBND tỉnh xem xét, quyết định": the writer hands the matter up, no work.
REPORT_CLOSING = re.compile(
    r"(?:báo\s+cáo|kính\s+trình|trình)\s+[^.;:\n]{2,120}?\s+xem\s+xét(?:\s*,\s*(?:chỉ\s+đạo|quyết\s+định|"
    r"cho\s+ý\s+kiến|phê\s+duyệt))?\s*[./]*\s*$"
)


def is_report_closing(line: str) -> bool:
    """Whether ``line`` ends with the closing formula of a report or submission (REPORT_CLOSING)."""
    # the literal test first: "trình" also ends "chương trình", "quy trình"
    return "xem xét" in line and bool(REPORT_CLOSING.search(line))


def is_closing_item(body: str) -> bool:
    """An item that only submits the text for decision ("Sở Tư pháp kính trình UBND tỉnh xem xét,
    quyết định."); not work that ends so ("Lập dự toán kinh phí báo cáo Sở ... trình cấp có thẩm
    quyền xem xét, phê duyệt.")."""
    if "xem xét" not in body:
        return False
    closing = REPORT_CLOSING.search(body)
    return closing is not None and (closing.start() == 0 or not ACTION_START.match(body))


# The addressees of a letter, "Kính gửi:", or of a công điện, "THỦ TƯỚNG CHÍNH PHỦ điện:",
# followed by their bullets.
ADDRESSEES = re.compile(r"(?:Kính\s+gửi\s*:?|(?<!\w)điện\s*:)\s*$")


def is_addressee(ctx: Context, index: int) -> bool:
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


# A member of a board or delegation, named with an honorific and a title: "Chủ tịch Hội đồng: Ông
# Đinh Văn Tuấn - Phó Chủ tịch Ủy ban nhân dân tỉnh.", "- Bà Lê Thị B, Phó Giám đốc Sở Y tế;",
# "- Ông Phạm Xuân Phường Chức vụ: Phó Tổng Giám đốc".
# Who sits on a body is not work; a colon after the name ("Đồng chí X - PCT: phụ trách ...") is.
MEMBER_LINE = regex.compile(
    rf"(?:[^:\n]{{2,80}}:\s*)?(?:{alternation('person_honorifics.txt')})\s+"
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


def is_rule(unit: Unit) -> bool:
    """Items of a normative article ("Điều 5. 1. Người có đất thu hồi ... được hỗ trợ") are rules,
    not tasks, unless they name who must act (themselves or through their heading)."""
    in_article = unit.section is not None and "Điều" in unit.section  # labels are paths: "II.Điều 2.1"
    return in_article and not unit.own_actor and not unit.actors


# The heading, in capitals, of the part of a plan that lists the work to do.
WORK_PART = re.compile(
    r"(?:[IVX]+[.\-]\s*|\d+\.\s*)?(?:CÁC\s+|NHỮNG\s+)?(?:NHIỆM\s+VỤ|NỘI\s*DUNG\s+(?:HOẠT\s+ĐỘNG|THỰC\s+HIỆN|"
    r"TRIỂN\s+KHAI|CÔNG\s+VIỆC)|GIẢI\s+PHÁP|HOẠT\s+ĐỘNG)"
)


def _in_work_part(ctx: Context, position: int) -> bool:
    """Whether ``position`` lies in a top-level part headed as the work to do (WORK_PART)."""
    if ctx.work_parts is None:
        ctx.work_parts = []
        for section in ctx.sections:
            if section.parent is None:
                heading = " ".join(ctx.text[section.start : min(section.text_end, section.start + 160)].split())
                if is_caps(heading) and WORK_PART.match(heading):
                    ctx.work_parts.append((section.start, section.end))
    return any(start <= position < end for start, end in ctx.work_parts)


# What a thing or a role no actor names must be or have: "Phương tiện phải đủ điều kiện ...", "Bao
# bì, thùng chứa phải bảo đảm ...", "Người lái xe phải có Giấy phép ..." (conditions of a procedure).
THING_MUST = regex.compile(r"(?!Về\s)\p{Lu}[\p{L}, /]{1,60}?(?<!\sthì|\sđể|\scũng|\svẫn|\skhi)\s+(?:phải|cần)\s+(?=\p{Ll})")


def opens_with_work(ctx: Context, unit: Unit) -> bool:
    """An item with no actor is a task only when it opens with the work to do."""
    head = strip_marker(ctx.text[unit.start : unit.start + 200].lstrip()).lstrip()
    if LEGAL_BASIS.match(head) or is_caps(head.split("\n", 1)[0]):
        # legal bases, and headings in capitals ("B. HIỆN TRẠNG ... DO ĐẢNG, NHÀ NƯỚC GIAO NHIỆM VỤ")
        return False
    adverbial = leading_adverbial(head)
    if adverbial:
        head = head[adverbial.end() :]
    first = CLAUSE_SPLIT.split(head, maxsplit=1)[0]
    if THING_MUST.match(first) and not ACTION_START.match(head):
        return False
    if ctx.parsed.kind == "news":
        # a news item's numbered list with nobody named reports what was decided or done ("1. Thành
        # lập Phường Quy Nhơn trên cơ sở nhập ..."): only a modality makes it work still to do
        return has_modality(BRACKETED.sub("", first))
    if ACTION_START.match(head):
        return True
    if _in_work_part(ctx, unit.start) and unit.section and "-" in unit.section.rsplit(".", 1)[-1]:
        # a bullet under "IV. NỘI DUNG HOẠT ĐỘNG TRIỂN KHAI", "II. NHIỆM VỤ, GIẢI PHÁP": the part
        # of a plan that lists the work, whatever verb opens it ("Thống kê ...", "Khơi thông ...")
        return True
    # "Về công tác tuyên truyền ... thì cần tăng cường ...": the modality says it is work to do;
    # a modality word inside brackets qualifies a name: "Campuchia tỉnh Đắk Nông (là hội do Đảng,
    # Nhà nước giao nhiệm vụ)"
    return has_modality(BRACKETED.sub("", first))
