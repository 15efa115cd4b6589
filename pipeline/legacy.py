"""Legacy Vietnamese font encodings: TCVN3 (ABC) and VNI, detected and converted to Unicode.

Documents typed in the 1990s-2000s with .VnTime (TCVN3) or VNI-Times fonts store
Vietnamese letters as Latin-1 code points ("Céng hoµ x· héi", "Coäng hoøa xaõ hoäi").
Read without the font, such text is Latin-1 mojibake; the tables in
``extractors/data/legacy_encodings.tsv`` map it back letter by letter.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from extractors.data import table

# Characters that occur in TCVN3 text but never in Vietnamese written in Unicode.
TCVN3_MARKERS = frozenset("µ¸¶·¹¨©ª«¬®§¢£¤¥¦¡¾»¼½")
# Characters that occur in VNI text but never in Vietnamese written in Unicode.
VNI_MARKERS = frozenset("øûïäåëæöñîÑÖÆÎ")
# Letters only Unicode Vietnamese has (horn, breve, dot below ...): their presence means
# the text is already Unicode, whatever else it holds.
UNICODE_LETTERS = frozenset("ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹƠƯĂĐ")
_MIN_MARKERS = 5


def detect(text: str) -> str | None:
    """ "tcvn3" or "vni" when ``text`` is legacy-font mojibake, else None."""
    sample = text[:200_000]
    # one C-level pass finds the markers; most texts have none and are rejected at once
    found = _MARKER.findall(sample)
    if len(found) < _MIN_MARKERS:
        return None
    tcvn3 = sum(1 for c in found if c in TCVN3_MARKERS)
    vni = sum(1 for c in found if c in VNI_MARKERS)
    if max(tcvn3, vni) < _MIN_MARKERS:
        return None
    # legacy text is mostly ASCII, has no C1 control characters, and lacks the letters only
    # Unicode Vietnamese has; the shares are of the visible characters, so that folding white
    # space (a later stage) never changes the verdict
    visible = "".join(sample.split())
    ascii_share = len(visible.encode("ascii", "ignore")) / len(visible)
    controls = len(_C1.findall(visible))
    unicode_letters = sum(sample.count(c) for c in UNICODE_LETTERS)
    if ascii_share < 0.5 or controls > len(visible) * 0.01:
        return None
    if tcvn3 >= _MIN_MARKERS and tcvn3 > 3 * unicode_letters:
        return "tcvn3"
    if vni >= _MIN_MARKERS and vni > 3 * unicode_letters:
        return "vni"
    return None


_C1 = regex.compile(r"[\x80-\x9f]")
# Every marker of either encoding, as the body of a character class.
MARKER_CLASS = re.escape("".join(sorted(TCVN3_MARKERS | VNI_MARKERS)))
_MARKER = re.compile(f"[{MARKER_CLASS}]")


@cache
def _converter(encoding: str) -> tuple[regex.Pattern[str], dict[str, str]]:
    mapping: dict[str, str] = {}
    for row in table("legacy_encodings.tsv"):
        legacy = row[encoding]
        if legacy and legacy != row["unicode"]:
            mapping.setdefault(legacy, row["unicode"])
    alternation = "|".join(regex.escape(k) for k in sorted(mapping, key=len, reverse=True))
    return regex.compile(alternation), mapping


def edits(text: str) -> list[tuple[int, int, str]]:
    """Replacements turning legacy-font text into Unicode (none when the text is not legacy)."""
    encoding = detect(text)
    if encoding is None:
        return []
    pattern, mapping = _converter(encoding)
    return [(m.start(), m.end(), mapping[m.group(0)]) for m in pattern.finditer(text)]


def to_unicode(text: str) -> str:
    """ ``text`` converted to Unicode if it is TCVN3 or VNI mojibake, else unchanged."""
    result = []
    pos = 0
    for start, end, new in edits(text):
        result.append(text[pos:start])
        result.append(new)
        pos = end
    result.append(text[pos:])
    return "".join(result)
