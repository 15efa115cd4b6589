"""Normalisation: one canonical text per document, with a map back to the original.

Every stage is a set of non-overlapping edits on the current text. Applying the edits
gives the next text and an ``OffsetMap`` from it back to the previous one; ``Text``
keeps the chain so that any span of the final text can be shown in the original.

Stages, in order:
0. Control characters dropped; legacy font encodings (TCVN3, VNI) converted to Unicode.
1. Markup: markdown emphasis and headings, HTML entities, table pipes (cells become tabs).
2. Unicode NFC (only when the text is not NFC already).
3. Tone marks in the modern position: ``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``.
4. Word-segmented files (``cơ_quan , đơn_vị``) written back as plain text.
5. Words a PDF text layer glued (``Bộtư pháp``, ``chủnghĩa``) split where only one split reads.
6. Page furniture: web-site chrome, Công báo page headers, horizontal rules.
7. Whitespace folded; lines broken in the middle of a sentence rejoined.

``Text`` also says what normalising did that a reader should know: the legacy font encoding it
converted from, and how many glued words it split.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

import regex

from extractors import quality
from extractors.data import patterns
from pipeline import legacy

# ---------------------------------------------------------------- offset maps


class OffsetMap:
    """Maps positions of a stage's output back to its input.

    The output is a sequence of pieces; piece ``i`` starts at ``new_starts[i]`` and comes
    from ``old_starts[i]:old_ends[i]`` of the input, copied verbatim or replaced. The pieces
    are worked out from the stage's edits the first time a position is mapped: extraction
    itself never maps back, so a batch run does not pay for it.
    """

    def __init__(self, edits: list[tuple[int, int, str]], source_length: int) -> None:
        self._edits = edits
        self._source_length = source_length
        self._pieces: tuple[list[int], list[int], list[int], list[bool]] | None = None

    def _arrays(self) -> tuple[list[int], list[int], list[int], list[bool]]:
        if self._pieces is None:
            new_starts: list[int] = []
            old_starts: list[int] = []
            old_ends: list[int] = []
            verbatim: list[bool] = []
            pos = length = 0
            for start, end, replacement in self._edits:
                if start > pos:
                    new_starts.append(length)
                    old_starts.append(pos)
                    old_ends.append(start)
                    verbatim.append(True)
                    length += start - pos
                # a deletion is an empty replaced piece: both sides of the cut stay distinct
                new_starts.append(length)
                old_starts.append(start)
                old_ends.append(end)
                verbatim.append(False)
                length += len(replacement)
                pos = end
            if pos < self._source_length:
                new_starts.append(length)
                old_starts.append(pos)
                old_ends.append(self._source_length)
                verbatim.append(True)
            self._pieces = (new_starts, old_starts, old_ends, verbatim)
        return self._pieces

    def start(self, pos: int) -> int:
        """Input position of output position ``pos`` (a span's start)."""
        new_starts, old_starts, old_ends, verbatim = self._arrays()
        i = max(bisect_right(new_starts, pos) - 1, 0)
        if verbatim[i]:
            return min(old_starts[i] + pos - new_starts[i], old_ends[i])
        return old_starts[i]

    def end(self, pos: int) -> int:
        """Input position of the exclusive end ``pos`` of a span."""
        if pos <= 0:
            return 0
        new_starts, old_starts, old_ends, verbatim = self._arrays()
        i = max(bisect_right(new_starts, pos - 1) - 1, 0)
        if verbatim[i]:
            return min(old_starts[i] + pos - new_starts[i], old_ends[i])
        return old_ends[i]


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, OffsetMap | None]:
    """Apply sorted ``(start, end, replacement)`` edits to ``text`` (an edit overlapping the
    one before it, or one that changes nothing, is dropped)."""
    if not edits:
        return text, None
    out: list[str] = []
    kept: list[tuple[int, int, str]] = []
    pos = 0
    for edit in edits:
        start, end, replacement = edit
        if start < pos or (start == end and not replacement):
            continue
        out.append(text[pos:start])
        out.append(replacement)
        kept.append(edit)
        pos = end
    out.append(text[pos:])
    return "".join(out), OffsetMap(kept, len(text))


# ---------------------------------------------------------------- the Text


@dataclass
class Text:
    """The normalised text of a document and the way back to its original."""

    text: str
    original: str
    maps: list[OffsetMap] = field(default_factory=list)
    legacy_encoding: str | None = None  # "tcvn3" or "vni" when the text was converted from one
    glued_words: int = 0  # words split in two by the glued-words stage

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` was made from."""
        for offset_map in reversed(self.maps):
            start, end = offset_map.start(start), offset_map.end(end)
        return start, max(start, end)

    def stage(self, edits: list[tuple[int, int, str]]) -> None:
        """Apply one stage of edits to the current text."""
        new_text, offset_map = apply_edits(self.text, edits)
        if offset_map is not None:
            self.text = new_text
            self.maps.append(offset_map)


# ---------------------------------------------------------------- stages

# The spaces other than a line break that the whitespace stage folds. Stages before it that
# look at white space inside a line take all of them, so that a second pass finds nothing new.
_SPACE_CHARS = " \t\r\xa0\f\v"

# Old-style tone placement puts the mark on the second vowel of an open "oa", "oe", "uy";
# the modern convention (used by the Government's own style guide and by our gold files)
# puts it on the first: hoà → hòa, khoẻ → khỏe, thuỷ → thủy. "qu" is a consonant, so
# "quý"/"quà" are left alone, and a following consonant (hoàng, thuyền) keeps the mark where it is.
_TONE_BASES = {"a": "oa", "e": "oe", "y": "uy"}


def _tone_table() -> dict[str, str]:
    marks = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    table = {}
    for second, pair in _TONE_BASES.items():
        first = pair[0]
        for mark in marks:
            for upper in (False, True):
                f, s = (first.upper(), second.upper()) if upper else (first, second)
                old = f + unicodedata.normalize("NFC", s + mark)
                new = unicodedata.normalize("NFC", f + mark) + s
                table[old] = new
                # mixed case at the start of a capitalised word: "Uỷ" → "Ủy"
                if upper:
                    old_mixed = f + unicodedata.normalize("NFC", second + mark)
                    table[old_mixed] = unicodedata.normalize("NFC", f + mark) + second
    return table


_TONE_TABLE = _tone_table()

# Candidates are found by one pattern per first letter of the pairs (o, O, u, U) and checked in
# Python: not after "q", and ending its syllable. A pattern that opens with a literal letter is
# scanned several times faster by `re` than one that opens with a class of letters. The scan
# already skips a pair followed by an ASCII letter (toàn, hoạt: most candidates); the check
# covers every other letter.
def _tone_pair_patterns() -> list[re.Pattern[str]]:
    seconds: dict[str, set[str]] = {}
    for old in _TONE_TABLE:
        seconds.setdefault(old[0], set()).add(old[1])
    return [re.compile(f"{first}[{''.join(sorted(chars))}](?![a-zA-Z])") for first, chars in sorted(seconds.items())]


_TONE_PAIRS = _tone_pair_patterns()


def _tone_edits(text: str) -> list[tuple[int, int, str]]:
    edits = []
    for pattern in _TONE_PAIRS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if (end < len(text) and (text[end].isalpha() or unicodedata.combining(text[end]))) or (
                start and text[start - 1] in "qQ"
            ):
                # a consonant after the pair keeps the mark where it is; a combining mark that NFC
                # could not compose ("à" + acute) stays on its vowel
                continue
            edits.append((start, end, _TONE_TABLE[m.group()]))
    edits.sort()
    return edits


# A run of combining marks; with the character before it, it is a cluster NFC may compose.
# (Found from the marks: a pattern opening with the base character stops at every character.)
_MARKS = regex.compile(r"\p{M}+")


def _nfc_edits(text: str) -> list[tuple[int, int, str]]:
    if unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    for m in _MARKS.finditer(text):
        start, end = m.start() - 1, m.end()
        if start < 0:
            continue  # marks that open the text have no base
        new = unicodedata.normalize("NFC", text[start:end])
        if new != text[start:end]:
            edits.append((start, end, new))
    return edits


# Letters that a PDF font's wrong map prints for Vietnamese ones: "ƣ" (U+01A3, "oi", used by no
# Vietnamese word) for "ư" in "hƣớng dẫn", "Nhƣ trên". Each is replaced wherever it stands.
# Look-alike letters some fonts and converters print: "ƣ" (U+01A3, "oi") for "ư", and the
# Icelandic "Ð" (U+00D0) for the Vietnamese "Đ" (U+0110) in "Nghị định số 58/2025/NÐ-CP".
_GLYPH_FIXES = {"ƣ": "ư", "Ƣ": "Ư", "Ð": "Đ"}
_GLYPHS = re.compile("|".join(_GLYPH_FIXES))


def _glyph_edits(text: str) -> list[tuple[int, int, str]]:
    if not any(glyph in text for glyph in _GLYPH_FIXES):
        return []
    return [(m.start(), m.end(), _GLYPH_FIXES[m.group(0)]) for m in _GLYPHS.finditer(text)]


# Word-segmented corpora (VnCoreNLP/pyvi output) join syllables with "_" and put spaces
# around punctuation: "cơ_quan , đơn_vị ." A file is treated as segmented when such joins
# are frequent; then "_" between letters becomes a space and the punctuation is reattached.
_SEGMENT_JOIN = regex.compile(r"(?<=\p{L})_(?=\p{L})")
# A closing mark after the spaces that follow a word, or an opening mark before spaces. The
# closing mark is found first and its spaces are captured in the look-behind (group 2): a pattern
# opening with the spaces would stop at every space of the text.
_SPACED_PUNCT = regex.compile(r"([,.;:!?…)\]”])(?<=\S( +)[,.;:!?…)\]”])(?= |$)|([(\[“]) +(?=\S)", regex.M)


def _segmented_edits(text: str) -> list[tuple[int, int, str]]:
    if text.count("_") < 20:  # C-level count: almost every text stops here
        return []
    edits = [(m.start(), m.end(), " ") for m in _SEGMENT_JOIN.finditer(text)]
    words = text.count(" ") + 1
    if len(edits) < 20 or len(edits) < words * 0.05:
        return []
    reattached = 0  # where the last reattached mark ends
    for m in _SPACED_PUNCT.finditer(text):
        if m.group(3):
            edits.append((m.start(), m.end(), m.group(3)))
        elif m.start(2) >= reattached:
            edits.append((m.start(2), m.end(), m.group(1)))
        else:
            continue  # the spaces went with the opening mark before them: "( )"
        reattached = m.end()
    edits.sort()
    return edits


# Words that lost the space between them in a PDF text layer: "Bộtư pháp", "chủnghĩa", "thành
# phốquan tâm". A word of two syllables has two vowel groups with consonants between them, which
# no single syllable has (the "u" of "quốc" and the "i" of "giữ" sit next to the vowel): one scan
# of the text finds the few such words, and ``quality.glued_split`` says where each splits, if
# the syllable inventory leaves one reading. A space is inserted there.
def _vowels() -> str:
    tones = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    lower = {unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy" for tone in tones}
    return "".join(sorted(lower | {vowel.upper() for vowel in lower}))


_CONSONANTS = "bcdđfghjklmnpqrstvwxz"
_TWO_VOWEL_GROUPS = re.compile(f"[{_vowels()}][{_CONSONANTS}{_CONSONANTS.upper()}]+[{_vowels()}]")
# Next to a word of an address or a file name ("lamdong.gov.vn", "user_1", "a@b"): not prose.
_ADDRESS_MARKS = "./@\\_:"


def _glued_edits(text: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    word_end = 0
    for match in _TWO_VOWEL_GROUPS.finditer(text):
        if match.start() < word_end:
            continue  # another match inside a word already judged
        start, word_end = match.start(), match.end()
        while start and text[start - 1].isalpha():
            start -= 1
        while word_end < len(text) and text[word_end].isalpha():
            word_end += 1
        before, after = text[start - 1 : start] or " ", text[word_end : word_end + 2]
        if before in _ADDRESS_MARKS or before.isdigit() or after[:1].isdigit():
            continue
        if after[:1] and after[:1] in _ADDRESS_MARKS and after[1:].strip():
            continue  # "lamdong.gov", "user_1"; a word before a full stop or a colon is prose
        if after[:1] and unicodedata.combining(after[0]):
            continue  # a mark NFC could not compose: the word is not what it looks like
        cut = quality.glued_split(text[start:word_end])
        if cut is not None:
            # the first syllable now ends its word: its tone mark moves as the tone stage moves it
            edits += [(start + a, start + b, new) for a, b, new in _tone_edits(text[start : start + cut])]
            edits.append((start + cut, start + cut, " "))
    return edits


def _alternation(name: str) -> str:
    # the tables' entries are plain regular expressions; spaces in them mean "some space"
    return "|".join(f"(?:{p})".replace(" ", r"\s+") for p in patterns(name))


# One test per short line: a line that opens the comment box (the rest of the page goes), a
# whole line of site furniture, or a horizontal rule.
_FURNITURE_LINE = re.compile(
    rf"(?P<tail>{_alternation('web_chrome_tail.txt')})|{_alternation('web_chrome.txt')}|-{{3,}}|_{{3,}}|={{3,}}|\*{{3,}}",
    re.I,
)
# Công báo page header, with the page number printed next to it
# (white space inside a line is any that the whitespace stage folds, so that a second pass, on
# folded text, finds nothing more)
_SPACE = f"[{_SPACE_CHARS}]"
_GAZETTE = re.compile(
    rf"^{_SPACE}*CÔNG BÁO/Số{_SPACE}*(?:\d|\+|{_SPACE})+/Ngày{_SPACE}*[\d-]+{_SPACE}*\n"
    rf"(?:{_SPACE}*\d{{1,4}}{_SPACE}*(?:\n|$))?",
    re.M,
)

# The stamp of an electronic signature, printed in a signed PDF's margin and carried into its text
# layer: "Ký bởi: CÔNG BÁO ..." / "Cơ quan: VĂN PHÒNG CHÍNH PHỦ" / "Ngày ký: 2026-05-25 08:00:52
# +07:00" (lines of the signer's details between the first and the time of signing).
_SIGNATURE_STAMP = re.compile(
    rf"^{_SPACE}*Ký bởi:[^\n]*\n(?:{_SPACE}*(?:Cơ quan|Chức vụ|Email|Tổ chức):[^\n]*\n){{0,4}}"
    rf"{_SPACE}*(?:Ngày ký|Thời gian ký):{_SPACE}*\d{{4}}-\d{{2}}-\d{{2}}[^\n]*(?:\n|$)",
    re.M,
)

# An editor's note that a legal-text website inserts in brackets: "[Điều này được hướng dẫn bởi
# Mục 4 Công văn 806/BXD-QLN năm 1995 có hiệu lực từ ngày 31/05/1995]", "[Các quy định ... bị
# thay thế bởi Điều 22 Nghị định 38/2000/NĐ-CP ...]". Not the document's words: it cites
# instruments the document does not.
_EDITOR_NOTE = re.compile(
    r"\[[^\[\]]{0,300}?(?:được|bị)\s+(?:sửa\s+đổi|bổ\s+sung|thay\s+thế|hướng\s+dẫn|bãi\s+bỏ|"
    r"đính\s+chính|hủy\s+bỏ|hết\s+hiệu\s+lực|điều\s+chỉnh|quy\s+định\s+chi\s+tiết)"
    r"[^\[\]]{0,120}?bởi\s[^\[\]]{0,1500}\]"
)
# A rule of stars inside a line of a flattened header ("CHÍNH PHỦ ******** CỘNG HÒA ...").
_INLINE_STARS = re.compile(r"(?<= )\*{4,}(?= |$)", re.M)


def _trailing_rules(text: str) -> list[tuple[int, int, str]]:
    """Edits removing a rule that ends its line after a space ("BỘ TƯ PHÁP --------"): the
    matches of ``_SPACE+(?:-{4,}|_{4,})_SPACE*$``, found from the rules themselves with
    ``str.find`` (a pattern opening with spaces stops at every space of the text)."""
    edits = []
    for rule in ("----", "____"):
        found = text.find(rule)
        while found >= 0:
            start, end = found, found + len(rule)
            while end < len(text) and text[end] == rule[0]:
                end += 1
            line_end = end
            while line_end < len(text) and text[line_end] in _SPACE_CHARS:
                line_end += 1
            if (line_end == len(text) or text[line_end] == "\n") and start and text[start - 1] in _SPACE_CHARS:
                while start and text[start - 1] in _SPACE_CHARS:
                    start -= 1
                edits.append((start, line_end, ""))
            found = text.find(rule, end)
    return edits


_SHORT_LINE = 120


def _furniture(stripped: str) -> re.Match[str] | None:
    """What a stripped line is as page furniture, if it is: chrome and rules are whole short lines."""
    return _FURNITURE_LINE.fullmatch(stripped) if 0 < len(stripped) < _SHORT_LINE else None


# The line breaks after which a line opens (behind white space) as furniture does: one scan of the
# text in C finds the few lines worth a full test. A look-ahead, so that a match that runs on
# over a line break ("Chia\nsẻ") does not hide the next line.
_FURNITURE_START = re.compile(rf"\n(?=[^\S\n]*(?:{_FURNITURE_LINE.pattern}))", re.I)


def _furniture_edits(text: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    for start in [0] + [m.end() for m in _FURNITURE_START.finditer(text)]:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        furniture = _furniture(text[start:end].strip())
        if furniture and furniture.group("tail"):
            edits.append((start, len(text), ""))
            break
        if furniture:
            edits.append((start, min(end + 1, len(text)), ""))
    if "CÔNG BÁO" in text:
        edits += [(m.start(), m.end(), "") for m in _GAZETTE.finditer(text)]
    if "bởi" in text and "[" in text:
        edits += [(m.start(), m.end(), "") for m in _EDITOR_NOTE.finditer(text)]
    if "****" in text:
        edits += [(m.start(), m.end(), "") for m in _INLINE_STARS.finditer(text)]
    if "Ký bởi:" in text:
        edits += [(m.start(), m.end(), "") for m in _SIGNATURE_STAMP.finditer(text)]
    if "----" in text or "____" in text:
        edits += _trailing_rules(text)
    edits.sort()
    return edits


# Markup left by conversions: markdown emphasis, headings and bullets, HTML entities, and
# table pipes (a cell boundary becomes a tab; the whitespace stage trims tabs at line ends).
# A heading or bullet mark opens its line; what this stage and the whitespace stage remove
# before it (white space, table pipes, emphasis marks) and the spaces or pipes after it go
# with it, so that a second pass finds no new one.
_LINE_MARK = regex.compile(
    rf"(?:[{_SPACE_CHARS}|]|\*\*|__)*(?:(?P<heading>\#{{1,6}})|(?P<bullet>[*•▪●◦]))[{_SPACE_CHARS}|]+"
)
# Where a line can open with one: a line break before one of the characters it starts with (a
# plain literal first, which the scan finds fast, unlike a multi-line "^").
_LINE_MARK_START = re.compile(rf"\n[{_SPACE_CHARS}|*_#•▪●◦]")
# Inline markup, one pattern per opening character: `re` scans for a literal first character
# several times faster than for a class of them (or for a group or a look-behind, which make it
# try every position). No match of one can hold the start of another's.
_INLINE_MARKUP = (
    re.compile(r"\*\*(?<![*_]\*\*)(?![*_])"),  # an emphasis pair, never part of a rule "***" ...
    re.compile(r"__(?<![*_]__)(?![*_])"),  # ... or "____"
    # a single-star emphasis mark, opening ("*(để báo cáo)*") or closing a word; never a star
    # between words ("2*3"), in a note mark "(*)", or in a pair (the pattern above)
    # (the star first: a pattern opening with a look-behind is tried at every character)
    # (a table pipe counts as a space around it: "|*0" loses the pipe here and the star in a
    # second pass otherwise)
    re.compile(r"\*(?:(?<![^\s(\[|]\*)(?=[^\s*)\]|])|(?<=[^\s*(\[|]\*)(?![^\s.,;:)\]|]))"),
    re.compile(r"&(?:\#\d{1,6}|\#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"),  # an HTML entity
    re.compile(r"\|"),  # a table pipe
)


def _markup_edits(text: str) -> list[tuple[int, int, str]]:
    edits: list[tuple[int, int, str]] = []
    for line_start in [0] + [m.start() + 1 for m in _LINE_MARK_START.finditer(text)]:
        mark = _LINE_MARK.match(text, line_start)
        if mark:
            edits.append((mark.start(), mark.end(), "- " if mark.group("bullet") else ""))
    # emphasis, entities and pipes outside the line marks (which hold no line break, nor do these)
    marks, index = list(edits), 0
    inline = [m for pattern in _INLINE_MARKUP for m in pattern.finditer(text)]
    for m in sorted(inline, key=re.Match.start):
        while index < len(marks) and marks[index][1] <= m.start():
            index += 1
        if index < len(marks) and marks[index][0] <= m.start():
            continue
        found = m.group()
        if found[0] == "&":
            new = html.unescape(found)
            if new != found:
                edits.append((m.start(), m.end(), new))
        else:
            edits.append((m.start(), m.end(), "\t" if found == "|" else ""))
    edits.sort()
    return edits


# Control characters other than tab and line feed carry nothing, nor do the zero-width space
# and the byte-order mark (a \x0b, \x0c, \x85 or U+2028/U+2029 is a line break).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff]+|[\x0b\x0c\x85\u2028\u2029]")


_ASCII_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # the body of a character class
_ASCII_CONTROL = re.compile(f"[{_ASCII_CONTROLS}]")
_WIDE_CONTROLS = ("\u200b", "\ufeff", "\u2028", "\u2029")


def _control_edits(text: str) -> list[tuple[int, int, str]]:
    # a narrow character class and substring tests are several times faster than the full
    # pattern, and almost every text has no control character at all
    if not _ASCII_CONTROL.search(text) and not any(c in text for c in _WIDE_CONTROLS):
        return []
    breaks = "\x0b\x0c\x85\u2028\u2029"
    return [(m.start(), m.end(), "\n" if m.group(0) in breaks else "") for m in _CONTROL.finditer(text)]


# Whitespace: each line trimmed, blank lines dropped, runs of spaces folded to one; a run
# holding a tab (a cell boundary) becomes one tab. Each maximal run of white space is one
# edit: a run with a line break becomes one line break (none at the text's ends), any other
# run one space or one tab. A lone space, line break or tab is already right (most of a text's
# white space is one of them) and is left alone, except at the text's ends, where it goes.
_WHITESPACE = _SPACE_CHARS + "\n"
# Every run that needs an edit is a lone space before a line break (most are: PDF text layers
# end their lines so), or holds one of these seeds: two spaces, a space after a line break, a
# blank line, a tab, or a rarer space character (in a longer run of spaces and line breaks,
# some pair of neighbours is "  ", "\n " or "\n\n"). ``str.find`` jumps from one seed to the next
# far faster than a pattern, which would stop at every space of the text.
_RUN_SEEDS = ("  ", "\n ", "\n\n", "\t", "\r", "\xa0", "\f", "\v")
# The lone " \n", with no white space on either side: one scan from its two characters finds them
# all, without a Python step for each.
_LONE_SPACE_BREAK = re.compile(f" \n(?<![{_WHITESPACE}] \n)(?![{_WHITESPACE}])")


def _whitespace_runs(text: str) -> list[tuple[int, int]]:
    """The maximal runs of white space, in text order, other than a lone space, line break or tab,
    and other than a lone space before a line break (``_LONE_SPACE_BREAK`` finds those)."""
    runs: dict[int, int] = {}  # start -> end
    for seed in _RUN_SEEDS:
        found = text.find(seed)
        while found >= 0:
            start = found
            while start and text[start - 1] in _WHITESPACE:
                start -= 1
            end = runs.get(start)
            if end is None:
                end = found + 1
                while end < len(text) and text[end] in _WHITESPACE:
                    end += 1
                runs[start] = end
            found = text.find(seed, end)
    return sorted((start, end) for start, end in runs.items() if end - start > 1 or text[start] != "\t")


def _whitespace_edits(text: str) -> list[tuple[int, int, str]]:
    # a lone space before a line break becomes the line break, in one step per text
    edits = [(m.start(), m.end(), "\n") for m in _LONE_SPACE_BREAK.finditer(text)]
    for start, end in _whitespace_runs(text):
        run = text[start:end]
        if "\n" in run:
            edits.append((start, end, "\n"))
        elif "\t" in run:
            edits.append((start, end, "\t"))
        else:
            edits.append((start, end, " "))
    edits.sort()
    last = len(text)
    # a run at the text's ends goes; so does a single space, tab or line break there
    if edits and edits[0][0] == 0:
        edits[0] = (0, edits[0][1], "")
    elif text[:1] in (" ", "\t", "\n"):
        edits.insert(0, (0, 1, ""))
    if edits and edits[-1][1] == last:
        edits[-1] = (edits[-1][0], last, "")
    elif text[-1:] in (" ", "\t", "\n"):
        edits.append((last - 1, last, ""))
    return edits


# A line break in the middle of a sentence (PDF text layers, Công báo) is joined with a
# space when the line does not end a sentence or a header line, and the next line neither
# starts a list item nor a new block. Lower-case continuations are always joined; an
# upper-case one only after a word that cannot end a sentence ("của", "và", "số", ...).
_CONNECTIVES = (
    "của|và|các|cho|về|tại|theo|với|số|trong|trên|để|là|do|được|bị|từ|đến|những|một|có|đã|sẽ|"
    "đang|thì|mà|nhưng|hoặc|như|nhằm|vào|bằng|qua"
)
# Lines that start a block are never glued to the line above.
_BLOCK_START = (
    r"(?:[-+•]|\d+[.)]|[a-zđ]\)|[IVX]+\.|Điều\s|Chương\s|Mục\s|Phần\s|Kính\s+gửi|Căn\s+cứ|"
    r"Nơi\s+nhận|Ngày\s+\d|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s)"
)
# The letters connectives end with: a one-character look-behind on them rules out most line ends
# before the word alternation is tried (that alternation was most of the stage's time).
_CONNECTIVE_ENDS = "".join(sorted({word[-1] for word in _CONNECTIVES.split("|")}))
# Every alternative opens with the line break and tests what follows it before what precedes it:
# `regex` then jumps from line break to line break, and a one-character look-ahead fails fast.
_BROKEN_LINE = regex.compile(
    # a lower-case continuation, not a "b) ..." item or a table row lettered "b<tab>", nor a row
    # under a table's "---" rule
    r"\n(?=\p{Ll})(?<=(?:[\p{Ll}\p{N},)–]|(?<!-)-)\n)(?![a-zđ](?:\)\s|\t))"
    rf"|\n(?=\p{{Lu}})(?<=[{_CONNECTIVE_ENDS},]\n)(?<=(?:\b(?:{_CONNECTIVES})|,)\n)(?!{_BLOCK_START})"  # after a connective
    r"|\n(?=\d+\s?[-/]\s?\p{Lu})(?<=\p{L}\n)"  # a document number carried over: "Nghị quyết\n59-NQ/TW"
    r"|\n(?=\d)(?<=\b(?:ngày|tháng|năm|số|Điều|khoản)\n)"  # "năm\n2025", "Điều\n5"
    r"|\n(?=\(\p{Ll}{2})(?<=[\p{L}\p{N}]\n)"  # a bracketed aside carried over: "Bộ Nội vụ\n(để cập nhật)"
    r"|\n(?=- ?(?:xã hội|XÃ HỘI))(?<=\b(?:kinh tế|KINH TẾ)\n)"  # "kinh tế\n- xã hội" is not a bullet
)


# A full-width line of a PDF text layer that stops inside a proper name, the next line going
# on with it: the page wrapped the name ("... của Bộ\nTư pháp", "Tỉnh ủy Lâm\nĐồng"). Both
# words are capitalised; headings are short, a dateline ("Thứ 4, 06/07/2022") stays apart.
# (Opening with the line break and its look-ahead, as _BROKEN_LINE does.)
_WRAP = regex.compile(
    rf"\n(?=\p{{Lu}}\p{{Ll}})(?<=(?<!\p{{L}})\p{{Lu}}\p{{Ll}}*\n)"
    rf"(?!{_BLOCK_START})(?![^\n]{{0,30}}\d{{1,2}}/\d{{1,2}}/\d{{4}})"
)
_FULL_LINE = 60


def _rejoin_edits(text: str) -> list[tuple[int, int, str]]:
    joins = {m.start() for m in _BROKEN_LINE.finditer(text)}
    # a wrap is judged on the line as it reads after the joins before it (the wraps in text
    # order), so that a second pass over the result finds nothing more to join
    for position in [m.start() for m in _WRAP.finditer(text)]:
        if position in joins:
            continue
        line_break = text.rfind("\n", 0, position)
        while line_break in joins:
            line_break = text.rfind("\n", 0, line_break)
        if position - (line_break + 1) >= _FULL_LINE:
            joins.add(position)
    return [(position, position + 1, " ") for position in _without_furniture(text, joins)]


def _without_furniture(text: str, joins: set[int]) -> list[int]:
    """The joins in text order, less those that would glue lines into a line of page furniture
    ("Chia\nsẻ"): the furniture stage, run before, would take that line on a second pass."""
    ordered = sorted(joins)
    kept: list[int] = []
    index = 0
    while index < len(ordered):
        # the line the join makes: from the last line break kept before it to the next one
        start = text.rfind("\n", 0, ordered[index])
        while start in joins:
            start = text.rfind("\n", 0, start)
        end = text.find("\n", ordered[index] + 1)
        while end in joins:
            end = text.find("\n", end + 1)
        end = len(text) if end < 0 else end
        glued_end = bisect_left(ordered, end, index)
        line = text[start + 1 : end].replace("\n", " ").strip()
        if not _furniture(line):
            kept += ordered[index:glued_end]
        index = glued_end
    return kept


STAGES = (
    _control_edits,  # these two first: see _SUSPECT
    legacy.edits,
    _markup_edits,  # before NFC: removing "**" or decoding "&#769;" can leave a mark to compose
    _nfc_edits,
    _glyph_edits,
    _tone_edits,
    _segmented_edits,
    _glued_edits,  # on NFC text with modern tone marks; before page furniture goes (see there)
    _furniture_edits,
    _whitespace_edits,
    _rejoin_edits,
)


# What the first two stages act on: control characters and the markers of legacy-font text. A
# text with none (almost every text) skips both stages in one scan of the text, and can come to
# read as legacy mojibake only through an HTML entity ("&micro;").
_SUSPECT = re.compile(f"[{_ASCII_CONTROLS}{''.join(_WIDE_CONTROLS)}{legacy.MARKER_CLASS}]")


def normalize(original: str) -> Text:
    """Normalise ``original`` through every stage, keeping the way back."""
    text = Text(text=original, original=original)
    suspect = _SUSPECT.search(original) is not None
    _run(text, STAGES if suspect else STAGES[2:])
    if (suspect or "&" in original) and legacy.detect(text.text):
        # the cleaned text reads as legacy-font mojibake where the raw one did not (page furniture
        # or a Unicode header outweighed it): once more, so that normalising is idempotent
        _run(text, STAGES)
    return text


def _run(text: Text, stages: tuple[Callable[[str], list[tuple[int, int, str]]], ...]) -> None:
    """Apply ``stages`` in turn, noting the legacy encoding converted and the glued words split."""
    for stage in stages:
        edits = stage(text.text)
        if edits and stage is legacy.edits:
            text.legacy_encoding = legacy.detect(text.text)
        if stage is _glued_edits:
            text.glued_words += sum(1 for start, end, _ in edits if start == end)  # the spaces inserted
        text.stage(edits)
