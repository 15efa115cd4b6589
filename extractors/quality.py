"""Text quality: how much of a text reads as Vietnamese, and where two words were glued.

A text that someone else ran through bad OCR ("C6c sd, ban, ngdnh thuQc tinh" for "Các sở, ban,
ngành thuộc tỉnh") gives garbage fields if it is read as if it were clean. Its words say so:
nearly every word of a clean text is a well-formed Vietnamese syllable, a number, a code or an
abbreviation; a damaged text's words are not, or carry the stray glyphs OCR makes of specks.

- ``assess`` counts the words of a text that read and those that do not, and its stray glyphs;
  ``TextQuality.score`` is the share that read, ``damage`` says whether the text is damaged and
  why, ``band`` puts a score in a band (good, fair, poor).
- ``readable`` says whether a field's own words read, ``misread`` whether they hold a word whose
  tone mark OCR misread ("Chính phù").
- ``glued_split`` says where a word that a PDF text layer glued ("Bộtư", "chủnghĩa") splits,
  when exactly one split gives two real syllables.

A syllable is well formed when the orthography allows it: an onset, a rhyme and a tone from
``extractors/data/syllables.tsv``. It is attested when a word of underthesea's dictionary holds
it: splitting a glued word asks for that stronger evidence.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from extractors.data import dictionary_words, table

# ---------------------------------------------------------------- syllables

# The five tone marks, as combining characters (NFD); the marks that make a letter (breve,
# circumflex, horn) stay with their letter.
_TONE_MARKS = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}
_STOP_TONES = {"sắc", "nặng"}


@cache
def _grammar() -> tuple[frozenset[str], dict[str, bool]]:
    """The onsets, and the rhymes with whether each is closed by a stop."""
    rows = table("syllables.tsv")
    onsets = frozenset(row["spelling"] for row in rows if row["part"] == "onset")
    rhymes = {row["spelling"]: row["tones"] == "stop" for row in rows if row["part"] == "rhyme"}
    return onsets, rhymes


@lru_cache(maxsize=1 << 16)
def _toneless(word: str) -> tuple[str, str | None] | None:
    """The word in lower case without its tone mark, and the tone; None if it has two marks."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [_TONE_MARKS[c] for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return None
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return base, (tones[0] if tones else None)


@lru_cache(maxsize=1 << 16)
def well_formed(word: str) -> bool:
    """Whether ``word`` (any case) is a syllable the orthography allows: "tỉnh", "Nậm", "quốc"."""
    split = _toneless(word)
    if split is None:
        return False
    base, tone = split
    onsets, rhymes = _grammar()
    for length in range(min(3, len(base) - 1), -1, -1):  # onsets are 0 to 3 letters long
        if length and base[:length] not in onsets:
            continue
        stop = rhymes.get(base[length:])
        if stop is not None and (not stop or tone in _STOP_TONES):
            return True
    return False


@cache
def _attested() -> frozenset[tuple[str, str | None]]:
    """The well-formed syllables of the dictionary's words, as (toneless, tone): the key does not
    depend on where the tone mark sits ("hoà" and "hòa" are one syllable)."""
    syllables = {piece for word in dictionary_words() for piece in word.lower().replace("-", " ").split()}
    return frozenset(key for s in syllables if well_formed(s) and (key := _toneless(s)) is not None)


def attested(word: str) -> bool:
    """Whether ``word`` is a syllable of a word in the dictionary (any case, any tone placement)."""
    key = _toneless(word)
    return key is not None and key in _attested()


# ---------------------------------------------------------------- the words of a text

# Characters around a word that are punctuation, not part of it.
_OUTER = "\"'“”‘’«»()[]<>,.;:!?…*•·-–—/\\|"
# Numbers, dates, times, amounts: "2021", "23/12/2021", "1.500", "8h15", "15%", "2a".
_NUMBER = regex.compile(r"\d+(?:[.,:/h]\d+)*(?:%|[a-zđ])?|\d+h")
# A figure with its unit glued on: "40kg", "49,8m3".
_FIGURE = regex.compile(r"\d+(?:[.,]\d+)*(?P<unit>\p{L}+\d?)")
# A code: capitals and digits, perhaps joined by "/", "-", "." or "&": "14/CT-UBND", "QH15",
# "NĐ-CP", "04/2015/NĐ-CP", "KT-XH".
_CODE = regex.compile(r"[\p{Lu}\d][\p{Lu}\d.&]*(?:[/-][\p{Lu}\d][\p{Lu}\d.&]*)*")
# Where a word falls apart into parts judged one by one: "kinh tế-xã hội", "Bộ/ngành", "kg/m3".
_PART_JOIN = regex.compile(r"[-/]")
_LETTERS = regex.compile(r"\p{L}+")
# Web and e-mail addresses, file names: neither read nor misread.
_ADDRESS = regex.compile(r"://|@|www\.|\.(?:vn|com|gov|org|net|html?|pdf|docx?)\b", regex.I)
# Stray glyphs: the marks OCR makes of specks and of accents it tore off their letters: modifier
# symbols ("`", "^", "ˆ", "¸"), other symbols ("©", "®") and "¬", "\", "{", "}", "„", "$", "§",
# none of which Vietnamese administrative writing uses. A word holding one does not read. (The
# degree sign of "30°C" is such a symbol too, and stays allowed.) The class is spelt out for
# ``re``, which scans a whole text for it several times faster than ``regex`` scans "\p{Sk}".
def _stray_glyphs() -> str:
    symbols = (chr(c) for c in range(0x80, 0x10000) if unicodedata.category(chr(c)) in ("Sk", "So"))
    return "".join(sorted({*symbols, *"`^¬\\{}„$§"} - {"°"}))


STRAY_GLYPH = re.compile(f"[{re.escape(_stray_glyphs())}]")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(row["abbreviation"] for row in table("abbreviations.tsv"))


@cache
def _units() -> frozenset[str]:
    """Units of measure written as one word ("kg", "m3", "km2", "ha", "USD")."""
    return frozenset(row["unit"] for row in table("stat_units.tsv") if " " not in row["unit"])


# What one word of a text is: it reads, it does not, it holds a stray glyph (and does not read),
# or there is nothing in it to judge.
VALID, INVALID, STRAY, NEUTRAL = "valid", "invalid", "stray", "neutral"


def _letters_verdict(part: str) -> str:
    """A run of letters: a syllable, an abbreviation, an acronym, or none of them."""
    if part in _abbreviations():
        return VALID
    if len(part) == 1:
        return NEUTRAL  # a list letter "a)", "đ)", an initial
    if part.isupper():
        # an acronym ("VLNCN", "TTHC") says nothing about the text, unless it is a syllable
        return VALID if well_formed(part) else NEUTRAL
    if part.islower() or (part[0].isupper() and part[1:].islower()):
        return VALID if well_formed(part) else INVALID
    return INVALID  # mixed case inside a word: "thuQc", "HQi", "ceNG"


def _part_verdict(part: str) -> str:
    if _NUMBER.fullmatch(part) or _CODE.fullmatch(part) or part in _units():
        return VALID
    if _LETTERS.fullmatch(part):
        return _letters_verdict(part)
    figure = _FIGURE.fullmatch(part)
    if figure and figure.group("unit") in _units():
        return VALID
    return INVALID  # letters with digits or symbols inside: "d6c", "l$p", "H_kbs"


def judge(chunk: str) -> str:
    """Whether a white-space separated chunk of text reads: ``VALID``, ``INVALID``, ``STRAY`` (it
    holds a stray glyph) or ``NEUTRAL`` (punctuation, a list letter, an acronym, an address)."""
    if STRAY_GLYPH.search(chunk):
        return STRAY
    word = chunk.strip(_OUTER)
    if not any(c.isalnum() for c in word) or _ADDRESS.search(word):
        return NEUTRAL
    if _NUMBER.fullmatch(word) or _CODE.fullmatch(word):
        return VALID
    verdicts = [_part_verdict(part) for part in _PART_JOIN.split(word) if part]
    if INVALID in verdicts:
        return INVALID
    return VALID if VALID in verdicts else NEUTRAL


# The verdict of every chunk met so far: a text's words are mostly ones met before. Emptied when
# it grows past a bound (an archive's numbers and names would otherwise pile up).
_VERDICTS: dict[str, str] = {}
_VERDICTS_BOUND = 1 << 19


def _verdict_counts(words: list[str]) -> Counter[str | None]:
    """How many of ``words`` have each verdict."""
    counts = Counter(map(_VERDICTS.get, words))
    if None in counts:
        if len(_VERDICTS) > _VERDICTS_BOUND:
            _VERDICTS.clear()
        for word in words:
            if word not in _VERDICTS:
                _VERDICTS[word] = judge(word)
        counts = Counter(map(_VERDICTS.__getitem__, words))
    return counts


# A long text's words are judged in a sample: this many windows of text, spread evenly from its
# start to its end, of this many characters in all (about 400 words), so that a text costs the
# same whatever its length. The standard error of the share of words that read is then under a
# percentage point for a clean text (0.007 for a share of 0.98) and 2.5 points at worst (a share
# of 0.5), far less than the distance between clean texts and damaged ones (see ``READABLE``).
# Stray glyphs are counted over the whole text.
_SAMPLE_WINDOWS = 6
_SAMPLE_CHARS = 2400


def _sample(text: str) -> list[str]:
    """The words of ``text``, or of a sample of it when it is long (see ``_SAMPLE_CHARS``)."""
    if len(text) <= _SAMPLE_CHARS:
        return text.split()
    size = _SAMPLE_CHARS // _SAMPLE_WINDOWS
    words: list[str] = []
    for window in range(_SAMPLE_WINDOWS):
        start = (len(text) - size) * window // (_SAMPLE_WINDOWS - 1)
        words += text[start : start + size].split()[1:-1]  # the words cut at its edges are not whole
    return words


# A text or a field whose judged words read less often than this is damaged: every clean text of
# the corpus scores 0.95 or more (median 0.998; the lowest are news full of K'Ho and M'Nông
# names, and notes on container traffic full of English words), the OCR-mangled ones far less.
READABLE = 0.9
# OCR noise: at least this many stray glyphs, and this many in every thousand characters. (Clean
# texts of the corpus have at most 1, 0.05 per thousand characters; OCR output 8 to 29, 0.9 to 1.3.)
STRAY_GLYPHS = 5
STRAY_PER_1000_CHARS = 0.2


@dataclass(frozen=True)
class TextQuality:
    """How the words of a text read (of a sample of them in a long text: see ``assess``)."""

    valid: int  # words that read
    invalid: int  # words that do not
    stray: int  # stray glyphs in the whole text
    length: int  # characters in the whole text

    @property
    def judged(self) -> int:
        """Words that could be judged (not punctuation, acronyms, list letters or addresses)."""
        return self.valid + self.invalid

    @property
    def score(self) -> float | None:
        """The share of the judged words that read; None when no word could be judged."""
        return round(self.valid / self.judged, 3) if self.judged else None

    @property
    def damage(self) -> str | None:
        """Why the text counts as damaged, in words; None when it does not."""
        score = self.score
        if score is not None and score < READABLE:
            return f"{1 - score:.0%} of its words are not Vietnamese words, numbers or codes"
        if self.stray >= STRAY_GLYPHS and self.stray >= STRAY_PER_1000_CHARS * self.length / 1000:
            return f"{self.stray} stray glyphs (OCR noise such as ¬ © ` „)"
        return None


def assess(text: str) -> TextQuality:
    """How the words of ``text`` (of a sample of a long text) read, and its stray glyphs."""
    counts = _verdict_counts(_sample(text))
    invalid = counts[INVALID] + counts[STRAY]
    return TextQuality(counts[VALID], invalid, len(STRAY_GLYPH.findall(text)), len(text))


def readable(value: str) -> bool:
    """Whether the words of a field read (a field with nothing to judge, "UBND", does)."""
    score = assess(value).score
    return score is None or score >= READABLE


@cache
def _pairs() -> dict[tuple[str, str], frozenset[str]]:
    """The dictionary's two-syllable words by their syllables without tone marks:
    ("chinh", "phu") → {"chính phủ", ...} (lower case, the letters' own marks kept)."""
    words: dict[tuple[str, str], set[str]] = {}
    for word in dictionary_words():
        syllables = unicodedata.normalize("NFC", word.lower()).split()
        keys = [_toneless(syllable) for syllable in syllables]
        if len(keys) == 2 and keys[0] and keys[1]:
            words.setdefault((keys[0][0], keys[1][0]), set()).add(" ".join(syllables))
    return {key: frozenset(variants) for key, variants in words.items()}


def misread(value: str, text: str) -> bool:
    """Whether two neighbouring words of ``value`` are, with a tone mark misread, a dictionary
    word that ``text`` itself writes correctly elsewhere: "Chính phù" in a text that also has
    "Chính phủ", "tô chức" beside "tổ chức". OCR confuses tone marks first, and such words read
    as syllables one by one. (The text must agree: "dân tỉnh" is, tones changed, "dân tình".)"""
    folded = text.lower()
    syllables = [word.lower() for word in _LETTERS.findall(value)]
    for first, second in itertools.pairwise(syllables):
        keys = _toneless(first), _toneless(second)
        if not (keys[0] and keys[1]):
            continue
        pair = f"{first} {second}"
        variants = _pairs().get((keys[0][0], keys[1][0]), frozenset())
        if any(variant != pair and variant in folded for variant in variants):
            return True
    return False


# The quality bands: "good" (the text reads), "fair" (damaged, but seven words in ten or more
# read: most fields can be trusted), "poor" (fewer: fields and items cannot be trusted).
FAIR = 0.7
BANDS = ("good", "fair", "poor", "unknown")


def band(score: float | None, damaged: bool = False) -> str:
    """The quality band of a text's score: "good" at ``READABLE`` or more unless the text is
    ``damaged`` (OCR noise), "fair" at ``FAIR`` or more, "poor" below, "unknown" without a score."""
    if score is None:
        return "unknown"
    if score >= READABLE and not damaged:
        return "good"
    return "fair" if score >= FAIR else "poor"


# ---------------------------------------------------------------- glued words


@cache
def _onset_letters() -> frozenset[str]:
    return frozenset(onset[0] for onset in _grammar()[0])


def _cased(piece: str) -> bool:
    """In lower case or capitalised."""
    return piece.islower() or (piece[0].isupper() and piece[1:].islower())


@lru_cache(maxsize=1 << 14)
def glued_split(word: str) -> int | None:
    """Where ``word``, two syllables that lost the space between them, splits: "Bộtư" → 2,
    "chủnghĩa" → 3, "vàThống" → 2; None when it is no such word or another reading exists.

    The word must be no syllable, and exactly one cut must give two attested syllables of two
    letters or more, the second opening with a consonant, one of them written with a Vietnamese
    letter or tone mark. Cuts before a vowel are no evidence ("Duong", a "Dương" stripped of its
    marks, is "Du|ong"), nor are loanwords and names, which split into two attested syllables as
    well but are written in plain Latin letters ("video", "supe", "Momo"). Words in capitals are
    left alone: an acronym ("PAPI", "TOPO") reads the same way.
    """
    if not _LETTERS.fullmatch(word) or word.isupper() or well_formed(word):
        return None
    readings = [
        cut
        for cut in range(2, len(word) - 1)
        if word[cut].lower() in _onset_letters()
        and not (word[:cut].isascii() and word[cut:].isascii())
        and _cased(word[:cut])
        and _cased(word[cut:])
        and attested(word[:cut])
        and attested(word[cut:])
    ]
    return readings[0] if len(readings) == 1 else None
