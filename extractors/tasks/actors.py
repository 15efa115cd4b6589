"""Actors: who an item or a sentence names to do its work ("Sở Tư pháp chủ trì, ...", "Đề nghị các
Sở ... triển khai", "Đối với UBND các xã: ..."), and the words that open and end an actor phrase."""

from __future__ import annotations

import re

import regex

from extractors.agencies import joint_names
from extractors.data import patterns


def alternation(name: str) -> str:
    """The patterns of the word list ``name`` (extractors/data), as one alternation."""
    return "|".join(f"(?:{p})" for p in patterns(name))


# The first words of an actor phrase ("Sở", "Thủ trưởng", "các", "UBND" ...).
_HEADS = alternation("actor_heads.txt")
ACTOR_HEAD = regex.compile(rf"(?:{_HEADS})(?:(?<=\s)|(?![\p{{Ll}}]))")


def opens_actor(text: str) -> bool:
    """Whether ``text`` opens with the head of an actor phrase (ACTOR_HEAD)."""
    return ACTOR_HEAD.match(text) is not None


# Where an actor phrase ends and its work begins ("chủ trì", "phối hợp", "phải", "triển khai").
# Case-sensitive: the verb after a subject is written in lower case, while the same word with a
# capital belongs to a name ("Sở Xây dựng", "Trung tâm Phát triển quỹ đất", "Ban Chỉ đạo").
_VERBS = alternation("task_verbs.txt")
ACTOR_END = regex.compile(rf"[\s,]+(?=(?:{_VERBS})(?![\p{{L}}]))")
# The work itself opening an item that names nobody ("Tổ chức tuyên truyền ...", "Rà soát ...");
# an item without an actor that opens otherwise ("Căn cứ Hiến pháp ...", "Xã Mường Lống",
# "Quỹ BHYT thanh toán ...", "Địa điểm: ...") describes, cites or lists: it obliges nobody.
ACTION_START = regex.compile(
    rf"(?!căn\s+cứ)(?:{_VERBS}|{alternation('action_verbs.txt')})(?![\p{{L}}])", regex.I
)
# An obligation: a modality marker as a word of its own.
MODALITY = regex.compile(rf"(?<![\p{{L}}])(?:{alternation('modality.txt')})(?![\p{{L}}])", regex.I)


def has_modality(text: str) -> bool:
    """Whether ``text`` holds a modality marker (MODALITY)."""
    return MODALITY.search(text) is not None


# "Đối với Ủy ban nhân dân phường: ..." / "e) Sở Xây dựng: Tiếp tục ...": the actor before a colon.
ACTOR_COLON = re.compile(r"^(?:Đối\s+với\s+)?(?P<actor>[^:\n]{2,160}?)\s*:\s*")


def actor_colon(line: str) -> re.Match[str] | None:
    """``ACTOR_COLON.match(line)``, tried only when the line has a colon (most have none)."""
    return ACTOR_COLON.match(line) if ":" in line else None

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


def leading_adverbial(text: str) -> re.Match[str] | None:
    """``LEADING_ADVERBIAL.match(text)``, tried only on text opening with a letter of ADVERBIAL_FIRST."""
    return LEADING_ADVERBIAL.match(text) if text[:1] in ADVERBIAL_FIRST else None
# An assigning verb before its addressee: "Đề nghị Thủ trưởng ...", "Giao Ban Quản lý ...".
ASSIGN = regex.compile(
    r"(?<![\p{L}])(?P<verb>(?:[Kk]ính\s+)?[Đđ]ề\s+nghị|[Yy]êu\s+cầu|[Gg]iao(?!\s+(?:thông|dịch|lưu|ban|nhận))|(?<!Ban\s)[Cc]hỉ\s+đạo)\s+"
    r"(?:đồng\s+chí\s+)?"  # the honorific before a person's title: "đề nghị đồng chí Chủ tịch UBND tỉnh"
    # the addressee: a name, "các ...", or a body written in lower case ("yêu cầu đơn vị nêu trên")
    r"(?=\p{Lu}|các\s|(?:đơn\s+vị|chủ\s+đầu\s+tư|nhà\s+đầu\s+tư|doanh\s+nghiệp|công\s+ty|cơ\s+quan)\s)"
)
# The first letters of the assigning verbs (ASSIGN.match is tried only on lines opening with one).
ASSIGN_FIRST = ("Đ", "đ", "Y", "y", "G", "g", "C", "c", "K", "k")


def may_assign(text: str) -> bool:
    """Whether ``text`` holds a word of an assigning verb: without one, ``assignment_in`` is None."""
    # a word each verb of ASSIGN holds ("đề nghị", "yêu cầu", "giao", "chỉ đạo"): most lines asked
    # hold none and are not searched with ASSIGN, whose look-behind is tried at every letter (an
    # "or" of str tests: any() over a generator costs twice as much)
    return "nghị" in text or "cầu" in text or "iao" in text or "đạo" in text


# Split points of an actor list: before another actor head written with a capital.
# (a "/" between two bodies too: "Bộ Chỉ huy Quân sự tỉnh/Ban Chỉ huy Bộ đội Biên phòng tỉnh", but
# not in a number: "Công văn số 65/MTTQ-BTT"; nor inside the name of one body that joins two,
# agencies.joint_names(): "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh")
ACTOR_SPLIT = regex.compile(rf"(?:,\s*|\s+và\s+|;\s*|(?<=\p{{Ll}})\s*/\s*)(?=(?:{_HEADS})(?:(?<=\s)|(?![\p{{Ll}}])))")
# Role verbs that end a long actor list ("..., Chánh Văn phòng Bộ ... chịu trách nhiệm thi hành").
ROLE_END = regex.compile(rf"[\s,]+(?=(?:{alternation('role_verbs.txt')})(?![\p{{L}}]))", regex.I)


def verb_end(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The span of the blanks before the first verb in ``text[start:stop]`` (ACTOR_END), if any."""
    found = ACTOR_END.search(text, start, stop)
    return found.span() if found else None


def role_end(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The span of the blanks before the first role verb in ``text[start:stop]`` (ROLE_END), if any."""
    found = ROLE_END.search(text, start, stop)
    return found.span() if found else None


# Past-tense reports: "đã tổ chức", "đã ban hành".
PAST = regex.compile(r"(?<![\p{L}])(?:đã|vừa)\s")


def is_past(text: str) -> bool:
    """``bool(PAST.search(text))``; the words first, with str ``in`` (the look-behind of PAST is
    tried at every letter, and most lines hold neither word)."""
    return ("đã" in text or "vừa" in text) and PAST.search(text) is not None
# Role verbs read in a task's text: coordinators follow "phối hợp (với)".
COORDINATORS = regex.compile(
    r"(?<![\p{L}])phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+với)?\s+(?P<who>(?:các\s+|với\s+)?\p{Lu}[^;.:\n]{2,160}?)(?=\s+(?:và\s+)?(?:để|trong|tổ\s+chức|triển\s+khai|thực\s+hiện|tham\s+mưu|xây\s+dựng|rà\s+soát|kiểm\s+tra|theo|nhằm)\s|[;.:\n]|$)"
)

# before an addressee, and the honorific before a person's title ("đồng chí Chủ tịch UBND tỉnh")
ADDRESS_WORDS = re.compile(r"^(?:Đối\s+với|Đề\s+nghị|Yêu\s+cầu|Giao|[Đđ]ồng\s+chí)\s+")
CLAUSE_MARK = re.compile(r"[.;:]")

# A label that announces a list rather than naming an actor: "... kiến nghị Chủ tịch UBND tỉnh như sau:".
ANNOUNCING_LABEL = re.compile(r"(?:như\s+sau|sau\s+đây|cụ\s+thể)\s*$")


# The scope an actor acts within, after its name: "các sở, ban, ngành Thành phố trong phạm vi chức
# năng, nhiệm vụ của mình", "Các Bộ: Y tế, ... theo chức năng, nhiệm vụ, thẩm quyền"; or what it
# is: "Sở Nội vụ là cơ quan thường trực của Hội đồng".
SCOPE_OPENING = r"\s+(?:theo|trong\s+phạm\s+vi)\s+chức\s+năng"
ACTOR_SCOPE = re.compile(rf"(?:{SCOPE_OPENING}(?:\W|$)|\s+là\s).*$")


def clean_actor(value: str) -> str:
    """An actor phrase on one line, without the punctuation around it, an addressing word before
    it and the scope after it."""
    value = " ".join(value.split()).strip(" ,;:.-–")  # a name the page wrapped: "Sở\nTư pháp"
    value = ADDRESS_WORDS.sub("", value)
    value = ACTOR_SCOPE.sub("", value) if "chức" in value or "là" in value else value
    return value.strip(" ,;:.")


# A kind of body with its members listed in brackets: "Các cơ quan đăng ký đầu tư (Sở Tài chính,
# Ban quản lý Khu Kinh tế Phú Yên, ...)" names the kind and each member. One body in brackets is a
# note on which unit acts ("Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)").
MEMBER_BRACKET = regex.compile(rf"^(?P<kind>[^()]+?)\s*\((?P<members>(?:{_HEADS})[^()]*,[^()]+)\)[\s.:;]*$")


def split_actors(value: str) -> list[str]:
    """ "Các sở, ban, ngành, Ủy ban nhân dân các huyện" → ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện"]."""
    listed = MEMBER_BRACKET.match(value)
    if listed:
        return [*split_actors(listed["kind"]), *split_actors(listed["members"])]
    # every split point holds ",", ";" or "và": half the values hold none, and ACTOR_SPLIT.split
    # costs ~10 µs even on a short one
    if "," in value or ";" in value or "và" in value or "/" in value:
        parts = [clean_actor(p) for p in _with_members(_split_points(value))]
    else:
        parts = [clean_actor(value)]
    return [p for p in parts if p and len(p) > 1]


# Bodies named by their kind alone, in the plural: "các bộ", "các tỉnh", "các ngành", "các cơ quan".
# Two in a row are one group of actors ("Các bộ, các tỉnh: ...", "các ngành, các cấp").
BARE_PLURAL = regex.compile(r"\s*(?:[Cc]ác|[Nn]hững)\s+\p{L}+(?:\s+\p{Ll}+)?\s*")


def _split_points(value: str) -> list[str]:
    """``value`` cut at its ACTOR_SPLIT points, but for those inside the name of one body and
    those between two kinds of body named in the plural."""
    joint = [m.span() for m in joint_names().finditer(value)] if "và" in value else []
    points = [p for p in ACTOR_SPLIT.finditer(value) if not any(a < p.start() < b for a, b in joint)]
    kept = []
    for index, point in enumerate(points):
        left = value[points[index - 1].end() if index else 0 : point.start()]
        right = value[point.end() : points[index + 1].start() if index + 1 < len(points) else len(value)]
        if not (BARE_PLURAL.fullmatch(left) and BARE_PLURAL.fullmatch(right)):
            kept.append(point)
    parts, start = [], 0
    for point in kept:
        parts.append(value[start : point.start()])
        start = point.end()
    return [*parts, value[start:]]


# A head word alone in a list, no name after it: a member of the list ("Công an" in "Các Bộ: Quốc
# phòng, Công an, Y tế"), not a body of its own.
BARE_HEAD = regex.compile(rf"(?:{_HEADS})\s*(?:,|\s+và\s|$)")


def _with_members(parts: list[str]) -> list[str]:
    """The parts of an actor list, a collective label kept with its members: "Các Bộ: Quốc
    phòng, Công an" is one actor, though "Công an" is also the head of a body's name."""
    joined: list[str] = []
    for part in parts:
        if joined and ":" in joined[-1] and COLLECTIVE_LABEL.match(joined[-1]) and BARE_HEAD.match(part):
            joined[-1] = f"{joined[-1]}, {part}"
        else:
            joined.append(part)
    return joined


# The longest list of actors one sentence names: a plan asks twelve bodies of a province in 420
# characters ("Đề nghị Văn phòng Tỉnh ủy và các Ban Xây dựng Đảng ..., Chi cục Hải quan khu vực XI
# tăng cường ..."); the closing article of a circular names five heads of bodies in 225.
ACTOR_PHRASE_MAX = 480


def is_actor_phrase(value: str) -> bool:
    """Whether ``value`` reads as a phrase naming actors: opens with an actor head, no report, no verb alone."""
    value = value.strip()
    return (
        bool(value)
        and len(value) <= ACTOR_PHRASE_MAX
        and opens_actor(value)
        and not is_past(value + " ")  # "Các Chi cục Hải quan đã | triển khai ...": a report
        # a head word that is also a verb names nobody alone: "Lãnh đạo, chỉ đạo thực hiện ..."
        and not ACTION_START.fullmatch(value)
    )


def subject(sentence: str) -> tuple[str, int] | None:
    """The explicit actor of an assignment and where its work begins, if the sentence names one."""
    offset = 0
    adverbial = leading_adverbial(sentence)
    if adverbial:
        offset = adverbial.end()
    rest = sentence[offset:]
    colon = actor_colon(rest)
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
        named = capitalised(label) if rest.startswith("Đối") else label
        if is_actor_phrase(named) and verb_end(label, 0, len(label)) is None:
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
        end = actor_end(rest, rest_start)
        if end and is_actor_phrase(rest[rest_start : end[0]]):
            return rest[rest_start : end[0]], offset + end[1]
        return None
    if opens_actor(rest):
        end = actor_end(rest, 0)
        if end and end[0] > 1 and is_actor_phrase(rest[: end[0]]):
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
    if not COLLECTIVE_LABEL.match(sentence) or _opens_work(sentence, start):
        return None
    verb = verb_end(sentence, start, start + 240)
    if verb is None or CLAUSE_MARK.search(sentence, start, verb[0]):
        return None
    return verb


def _opens_work(sentence: str, start: int) -> bool:
    """Whether the work opens at ``start`` ("UBND các xã, phường: Phối hợp với Sở ..."), not a list
    of names whose first is also a verb ("Bộ trưởng các Bộ: Xây dựng, Công Thương, ...")."""
    work = ACTION_START.match(sentence, start)
    return work is not None and LIST_GOES_ON.match(sentence, work.end()) is None


LIST_GOES_ON = re.compile(r"\s*(?:,|và\s)")
PASSIVE = re.compile(r"(?<!\w)được\s")  # "được giao", "được phân công": a passive verb follows


def actor_end(sentence: str, start: int) -> tuple[int, int] | None:
    """Where the actor phrase starting at ``start`` ends (the span of the blanks before its work):
    at its first verb, or at a role verb further on when the list of actors goes on past that
    verb ("Vụ Các vấn đề chung về xây dựng pháp luật, Chánh Văn phòng Bộ ... chịu trách nhiệm")."""
    first = verb_end(sentence, start, start + 240)
    if first is None:
        # "Đề nghị Văn phòng Tỉnh ủy ..., Viện kiểm sát nhân dân tỉnh, ..., Chi cục Hải quan khu
        # vực XI tăng cường ...": a long list of bodies, its verb further on, no clause ending before
        first = verb_end(sentence, start, start + ACTOR_PHRASE_MAX)
        if first is None or not _is_long_list(sentence[start : first[0]]):
            return None
    if PASSIVE.search(sentence, max(start, first[0] - 25), first[0]):
        # "Các cơ quan được phân công chủ trì thực hiện ... có trách nhiệm lập kế hoạch": verbs
        # after "được" describe the actor; a role verb further on ends it
        later = role_end(sentence, first[1], start + 480)
        if later is not None and not CLAUSE_MARK.search(sentence, start, later[0]):
            return later
    role = role_end(sentence, start, start + 480)
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


# A long list of bodies names several, each in a few words.
LONG_LIST_MEMBERS = 3
LONG_LIST_MEMBER_MAX = 80


def _is_long_list(value: str) -> bool:
    """Whether ``value`` lists bodies: no clause ends in it, and it splits into several actors
    each named in a few words (not a sentence that opens with a body: "Quỹ BHYT thanh toán ...")."""
    if CLAUSE_MARK.search(value):
        return False
    members = split_actors(value)
    return len(members) >= LONG_LIST_MEMBERS and max(len(m) for m in members) <= LONG_LIST_MEMBER_MAX


def assignment_in(sentence: str) -> tuple[str, int] | None:
    """An actor introduced mid-sentence: "..., Chủ tịch UBND tỉnh yêu cầu các Sở ... thực hiện",
    or closing a line that hands the list below to it: "..., giao Trung tâm Xúc tiến Đầu tư tỉnh:"."""
    if not may_assign(sentence):
        return None
    for assign in ASSIGN.finditer(sentence):
        start = assign.end()
        if sentence.endswith(":") and is_addressee_alone(capitalised(sentence[start:])):
            return sentence[start:-1].rstrip(), len(sentence)
        end = actor_end(sentence, start)
        if end and is_actor_phrase(capitalised(sentence[start : end[0]])):
            return sentence[start : end[0]], end[1]
    return None


def capitalised(value: str) -> str:
    """An addressee written in lower case after its verb ("đơn vị nêu trên"), capitalised as an
    actor opening a sentence would be."""
    return value[:1].upper() + value[1:]


def is_addressee_alone(value: str) -> bool:
    """Whether ``value`` (an assigning verb stripped or not) is only the name of an addressee,
    with no work after it: "Giao Sở Tài chính", "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch:"."""
    addressee = clean_actor(value)
    return (
        len(addressee) <= 160
        and is_actor_phrase(addressee)
        and actor_end(addressee, 0) is None
        and role_end(addressee, 0, len(addressee)) is None
    )

# The scope a list of addressees ends with: "... theo chức năng, nhiệm vụ, thẩm quyền:".
SCOPE_TAIL = re.compile(rf"{SCOPE_OPENING}[^:\n]*$")


def addressees_heading(body: str) -> list[str] | None:
    """The actors a line ending with a colon names, when it names only them (no work)."""
    stripped = body.strip()
    if not stripped.endswith(":"):
        return None
    names = SCOPE_TAIL.sub("", stripped[:-1].rstrip())
    # "Đối với các Sở: Kế hoạch và Đầu tư, Xây dựng, ...; Ủy ban nhân dân các huyện ...:"
    names = ADDRESS_WORDS.sub("", names) if names.startswith("Đối") else names
    if len(names) > 400 or not opens_actor(names) or has_modality(names):
        return None
    if verb_end(names, 0, len(names)) is not None:
        return None
    return split_actors(names)


# "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Liên đoàn Lao động tỉnh; các sở ...":
# the lead before "chủ trì", the coordinators after "phối hợp (với)".
LEAD_SPLIT = re.compile(
    r"\s*,?\s+chủ\s+trì\s*,?\s*(?:(?:và\s+)?phối\s+hợp(?:\s+với)?\s*)?", re.I
)


def lead_and_coordinators(value: str) -> tuple[list[str], list[str]]:
    """The lead actors of a value and its coordinators: those before "chủ trì", those after "phối hợp"."""
    parts = LEAD_SPLIT.split(value, maxsplit=1)
    if len(parts) == 2 and parts[1].strip() and not opens_actor(parts[1].strip()):
        # "Sở Nội vụ chủ trì tham mưu ...; Sở Tư pháp và các sở, ... chủ động tổ chức ...": clauses
        # of work after "chủ trì", each naming who does it
        leads = [
            actor
            for clause in value.split(";")
            if (found := subject(clause.strip())) is not None
            for actor in split_actors(found[0])
        ]
        return leads or split_actors(parts[0]), []
    if len(parts) == 2:
        return split_actors(parts[0]), split_actors(parts[1])
    return split_actors(value), []
