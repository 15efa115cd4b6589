"""The spaCy component: every extraction of a real document as a labelled span in ``doc.spans``."""

from __future__ import annotations

import spacy

from pipeline.extract import extract_text
from pipeline.ingest import read_source
from pipeline.spacy_component import SPANS_KEY, TOKENIZER_CONFIG
from pipeline.spans import marks
from tests.conftest import SEEDS
from tests.gold_records import gold_record

KE_HOACH = SEEDS / "003_40dd8128047d9a3b.txt"


def test_add_pipe_on_a_blank_vi_pipeline_writes_labelled_spans():
    nlp = spacy.blank("vi", config=TOKENIZER_CONFIG)  # offline tokenizer, no pyvi
    nlp.add_pipe("vanban")
    assert nlp.pipe_names == ["vanban"]
    text = read_source(KE_HOACH).text  # the raw text, with markdown the record's text drops
    doc = nlp(text)
    record = doc._.vanban
    assert record.number == "53/KH-UBND"
    spans = {(s.label_, s.text) for s in doc.spans[SPANS_KEY]}
    assert ("SIGNER", "Lê Đức Thanh") in spans
    assert ("DOC_TYPE", "KẾ HOẠCH") in spans
    assert ("RECIPIENT", "Thường trực Quận ủy") in spans
    number = next(s for s in doc.spans[SPANS_KEY] if s.label_ == "NUMBER")
    assert "53" in number.text and "/KH-UBND" in number.text  # mapped back onto the raw text
    assert number.kb_id_ == "53/KH-UBND"
    assert len(doc.spans[SPANS_KEY]) == len(marks(record))


def test_list_items_become_spans_with_their_labels():
    record = gold_record(SEEDS / "002_b2209b564e01dc84.txt")
    found = marks(record)
    labels = {m.label for m in found}
    assert {"LEGAL_REF", "TASK", "DEADLINE", "NUMBER", "ISSUER"} <= labels
    ref = next(m for m in found if m.label == "LEGAL_REF" and m.detail == "Chỉ thị 16/CT-TTg")
    assert "16/CT-TTg" in record.text[ref.start : ref.end]
    # the same marks, through a spaCy doc of the normalised text, align to tokens
    nlp = spacy.blank("vi", config=TOKENIZER_CONFIG)
    doc = nlp.make_doc(record.text)
    for mark in found:
        span = doc.char_span(mark.start, mark.end, label=mark.label, alignment_mode="expand")
        assert span is not None and mark.start >= span.start_char and mark.end <= span.end_char


def test_component_and_extract_text_agree():
    from pipeline.spacy_component import make_nlp

    text = (SEEDS / "002_b2209b564e01dc84.txt").read_text(encoding="utf-8")
    doc = make_nlp()(text)
    assert doc._.vanban.model_dump(exclude={"id", "source"}) == extract_text(text).model_dump(
        exclude={"id", "source"}
    )
