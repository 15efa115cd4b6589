"""Properties over the whole extraction, on generated text (hypothesis).

Whatever the input: extraction never raises; every span lies inside the normalised text
and its ``text`` is exactly that slice; spans map back into the original; running twice
gives the same record; normalising twice changes nothing.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extract import extract_text
from pipeline.normalize import normalize
from pipeline.record import LIST_FIELDS

# Fragments of real documents, so that generated texts reach the extractors' patterns.
FRAGMENTS = [
    "ỦY BAN NHÂN DÂN\n", "TỈNH LÂM ĐỒNG\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
    "Độc lập - Tự do - Hạnh phúc\n", "Số: 14/CT-UBND\n", "Số:      /KH-UBND\n", "Số: **53** /KH-UBND",
    "Gia Lai, ngày 23 tháng 12 năm 2021\n", "ngày   tháng 12 năm 2025", "QUYẾT ĐỊNH\n", "CHỈ THỊ\n",
    "V/v triển khai", "Căn cứ Nghị định số 04/2015/ NĐ-CP ngày 09 tháng 01 năm 2015 của Chính phủ;\n",
    "Kết luận số 120-KL/TW, ngày 07/01/2016 của Bộ Chính trị (khóa XI)", "Pháp lệnh 34", "Nghị định 04",
    "1. ", "2. ", "a) ", "- ", "+ ", "I. ", "Điều 3. ", "trước ngày 15/10/2021", "Hằng năm, trước ngày 15 tháng 11",
    "quý III/2023", "từ 15/10/2020 đến 15/5/2021", "giám sát được 83 cuộc", "95/104 đạt 91,3%",
    "xếp thứ 15/63 tỉnh, thành", "tăng 24,1% so với cùng kỳ", "1.810 dịch vụ công", "dưới 10 cán bộ",
    "Các Sở, ban, ngành tỉnh có trách nhiệm", "chủ trì, phối hợp với", "đồng chí Trịnh Thị Minh Thanh, Phó Bí thư Tỉnh ủy",
    "Nơi nhận:\n", "- Như trên;\n", "- Lưu: VT, NV.\n", "KT. CHỦ TỊCH\n", "PHÓ CHỦ TỊCH\n", "Nguyễn Văn An\n",
    " | ", "\t", "\n\n", "   ", "./.", "“", "”", "(", ")", "hoà", "thuỷ", "cơ_quan , đơn_vị", "&amp;", "**",
    "Céng hßa x· héi", "Coäng hoøa", "\u0301", "\u200b", "\ufeff", "Print E-mail\n", "Ý kiến bạn đọc\n",
    "CÔNG BÁO/Số 302/Ngày 02-06-2026\n44\n",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map("".join)


def _spans(record):
    for field in LIST_FIELDS:
        for item in getattr(record, field):
            yield field, item
    for field, spans in record.evidence.items():
        for span in spans:
            yield field, span


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_spans_are_exact_slices_inside_the_text(text):
    record = extract_text(text)
    for field, span in _spans(record):
        assert 0 <= span.start <= span.end <= len(record.text), field
        assert record.text[span.start : span.end] == span.text, field


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_offsets_map_back_into_the_original(text):
    normalised = normalize(text)
    for start in range(0, len(normalised.text) + 1, 7):
        for end in (start, min(len(normalised.text), start + 5)):
            a, b = normalised.to_original(start, end)
            assert 0 <= a <= b <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extraction_is_deterministic_and_normalisation_idempotent(text):
    assert extract_text(text).model_dump() == extract_text(text).model_dump()
    once = normalize(text).text
    assert normalize(once).text == once
