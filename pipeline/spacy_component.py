"""The ``vanban`` spaCy pipeline component: every extraction as a labelled span in ``doc.spans``.

    from pipeline.spacy_component import make_nlp     # registers the "vanban" factory
    nlp = make_nlp()                                   # blank "vi" + nlp.add_pipe("vanban")
    doc = nlp(text)
    for span in doc.spans["vanban"]: span.label_, span.text, span.kb_id_
    doc._.vanban                                       # the Record, from extract_text

Installed with pip, the factory is also registered through the ``spacy_factories`` entry
point, so ``spacy.blank(...).add_pipe("vanban")`` works without importing this module.

Tokenizer: ``spacy.blank("vi")`` defaults to the pyvi word segmenter, which is a separate
download; ``make_nlp`` configures spaCy's own rule-based ``spacy.Tokenizer.v1`` instead
(whitespace and punctuation rules, works offline). Syllable tokens are fine here: every
span is aligned to tokens with ``alignment_mode="expand"``.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.extract import extract_text
from pipeline.normalize import normalize
from pipeline.spans import marks

SPANS_KEY = "vanban"
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}}

if not Doc.has_extension("vanban"):
    Doc.set_extension("vanban", default=None)


class VanbanComponent:
    """Runs ``extract_text`` on the doc's text and writes each extraction into ``doc.spans``."""

    def __init__(self, spans_key: str = SPANS_KEY) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        record = extract_text(doc.text)
        doc._.vanban = record
        # spans index the normalised text; map them back when the doc's text differs from it
        back = None if record.text == doc.text else normalize(doc.text)
        spans: list[Span] = []
        for mark in marks(record):
            start, end = (mark.start, mark.end) if back is None else back.to_original(mark.start, mark.end)
            span = doc.char_span(start, end, label=mark.label, kb_id=mark.detail, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory("vanban", default_config={"spans_key": SPANS_KEY})
def make_vanban(nlp: Language, name: str, spans_key: str) -> VanbanComponent:
    """The factory behind ``nlp.add_pipe("vanban")``."""
    return VanbanComponent(spans_key)


def make_nlp() -> Language:
    """A blank Vietnamese pipeline (offline rule-based tokenizer) with the vanban component."""
    nlp = spacy.blank("vi", config=TOKENIZER_CONFIG)
    nlp.add_pipe("vanban")
    return nlp
