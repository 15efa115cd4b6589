"""Text quality: the syllable inventory, the score, damaged texts, glued words.

The OCR-damaged texts are those of the shared corpus that its SOURCES.tsv files say were
mangled by OCR; every other text of the corpus is clean and must not be called damaged.
"""

from __future__ import annotations

import csv
from collections import Counter

import pytest
import regex

from extractors import quality
from extractors.data import dictionary_words
from pipeline.normalize import normalize
from tests.conftest import ARCHIVE, DOCUMENTS, SEEDS, corpus_path, corpus_text

# What a SOURCES.tsv note says of a text whose OCR damaged it ("poor embedded OCR layer
# (diacritics mangled ...)", "heavy OCR noise"), as against a clean "OCR text layer".
DAMAGE_NOTE = regex.compile(r"poor[^;]*OCR|OCR noise|diacritics mangled", regex.I)


def _sources() -> dict[str, str]:
    """The note of every text of the shared corpus, by file name."""
    notes = {}
    for folder in (DOCUMENTS, ARCHIVE):
        with (folder / "SOURCES.tsv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                notes[row["file"]] = row["notes"]
    return notes


def _corpus_files():
    if not DOCUMENTS.exists():
        pytest.skip("shared corpus not found (set VANBAN_CORPUS)")
    return sorted([*SEEDS.glob("*.txt"), *DOCUMENTS.glob("*.txt"), *ARCHIVE.glob("*.txt")])


# ---------------------------------------------------------------- syllables


@pytest.mark.parametrize(
    "word", ["tỉnh", "Nậm", "QUỐC", "giữ", "nghiêng", "khuỷu", "thuở", "quýt", "hoà", "hòa", "Đắk", "oan", "ý"]
)
def test_well_formed_syllables(word):
    assert quality.well_formed(word)


@pytest.mark.parametrize(
    "word",
    [
        "ngdnh",  # no vowel where the rhyme should be
        "sd",
        "Ph6",
        "tôc",  # a rhyme closed by a stop takes only the sắc or nặng tone
        "hoàt",
        "cáả",  # two tone marks
        "Bộtư",  # two syllables
        "container",
    ],
)
def test_ill_formed_syllables(word):
    assert not quality.well_formed(word)


def test_the_syllable_table_reads_the_dictionarys_words():
    # the syllables of underthesea's dictionary that three or more of its words share are well
    # formed by the onset and rhyme tables of extractors/data/syllables.tsv, but for 1 %: the
    # letters, loanwords and typos the dictionary also holds ("acid", "clo", "video", "cưỡì")
    counts = Counter(s for word in dictionary_words() for s in set(word.lower().replace("-", " ").split()))
    shared = [syllable for syllable, count in counts.items() if count >= 3 and syllable.isalpha()]
    rejected = [syllable for syllable in shared if not quality.well_formed(syllable)]
    assert len(shared) > 5000
    assert len(rejected) / len(shared) < 0.015, sorted(rejected)
    assert {"acid", "clo", "video"} <= set(rejected)


def test_attested_syllables_ignore_where_the_tone_mark_sits():
    assert quality.attested("hoà") and quality.attested("hòa") and quality.attested("Thủy")
    assert not quality.attested("ghĩa")  # well formed, but no word has it


# ---------------------------------------------------------------- the score


def test_the_issues_example_reads_badly_and_its_clean_form_well():
    damaged = quality.assess("C6c sd, ban, ngdnh thuQc tinh")
    clean = quality.assess("Các sở, ban, ngành thuộc tỉnh")
    assert clean.score == 1.0
    assert damaged.score == pytest.approx(2 / 6, abs=0.001)  # "ban" and "tinh" are syllables
    assert damaged.damage and not clean.damage


def test_numbers_codes_units_abbreviations_and_acronyms_do_not_count_against_a_text():
    text = "Số: 14/CT-UBND ngày 23/12/2021, 1.500 m2, 49,8m3, 91,3%, theo Nghị định 04/2015/NĐ-CP của VLNCN, TTHC."
    assert quality.assess(text).score == 1.0


def test_stray_glyphs_make_a_text_damaged():
    line = "Bộ trưởng Bộ Quốc phòng ban hành Thông tư quy định về tổ chức lễ tang. "
    clean = line * 40
    noisy = "".join(f"{line}{glyph} " for glyph in "¬©`„®¬©`„®")
    assert quality.assess(clean).damage is None
    assert "stray glyphs" in (quality.assess(noisy).damage or "")


def test_a_long_text_is_judged_on_a_sample_spread_over_it():
    clean = "Các sở, ban, ngành thuộc tỉnh triển khai thực hiện nghiêm túc. " * 500
    damaged = "C6c sd, ban, ngdnh thuQc tinh trien khai thgc hiQn nghiOm tric. " * 500
    assert len(clean) > 10 * quality._SAMPLE_CHARS
    assert 300 < quality.assess(clean).judged < 500
    assert quality.assess(clean).score == 1.0
    assert quality.assess(clean[: len(clean) // 2] + damaged[: len(damaged) // 2]).score == pytest.approx(0.65, abs=0.1)


def test_ocr_damaged_texts_of_the_corpus_are_damaged_and_no_clean_one_is():
    files = _corpus_files()
    notes = _sources()
    damaged = {path.name for path in files if DAMAGE_NOTE.search(notes.get(path.name, ""))}
    assert damaged == {"057_bienban-snv-hoi-aihuu-ocr-lamdong-2025.txt", "066_ocr-vbhn-46-bqp-letang-2026.txt"}
    found = {path.name for path in files if quality.assess(normalize(corpus_text(path.name)).text).damage}
    assert found == damaged  # no false alarm on the other 190-odd texts
    # texts OCR'd cleanly by their publisher are not damaged
    assert "OCR text layer" in notes["118_cv-7432-trienkhai-qd1074-pccc-laocai-2026.txt"]


def test_field_readability():
    assert quality.readable("Ủy ban nhân dân tỉnh Lâm Đồng")
    assert quality.readable("UBND")  # nothing to judge
    assert not quality.readable("Ubnd rns lau dong")
    assert not quality.readable("ĐẾN H_kbs- li hà, ảuhdilsa.kouni ;cia")


def test_a_misread_tone_is_found_when_the_text_writes_the_word_right():
    text = corpus_text(corpus_path("066_").name)
    assert quality.misread("Văn phòng Chính phù", text)  # the text has "Chính phủ"
    assert not quality.misread("Văn phòng Chính phủ", text)
    # "dân tỉnh" is "dân tình" with its tones changed, but the text does not write that
    assert not quality.misread("Ủy ban nhân dân tỉnh Lâm Đồng", text)


def test_bands():
    assert quality.band(0.99) == "good"
    assert quality.band(0.99, damaged=True) == "fair"
    assert quality.band(0.8) == "fair"
    assert quality.band(0.3) == "poor"
    assert quality.band(None) == "unknown"


# ---------------------------------------------------------------- glued words


@pytest.mark.parametrize(
    ("word", "cut"),
    [("Bộtư", 2), ("chủnghĩa", 3), ("phốquan", 3), ("vàThống", 2), ("dụngđề", 4), ("việcsáp", 4)],
)
def test_glued_words_split_where_only_one_split_reads(word, cut):
    assert quality.glued_split(word) == cut


@pytest.mark.parametrize(
    "word",
    [
        "Hoằng",  # a syllable
        "Duong",  # "Dương" stripped of its marks: "Du|ong" cuts before a vowel
        "PAPI",  # an acronym
        "video",  # loanwords, in plain Latin letters
        "supe",
        "Momo",
        "ôtô",  # "ô|tô" cuts after one letter
    ],
)
def test_words_that_are_not_two_glued_syllables_stay(word):
    assert quality.glued_split(word) is None
