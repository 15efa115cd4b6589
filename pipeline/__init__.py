"""vanban's pipeline: reading files, running the extractors, writing and scoring records.

The public surface is three verbs: ``extract_text``, ``extract_files`` and ``load_dataset``.
"""

from pipeline.batch import extract_files
from pipeline.extract import extract_text
from pipeline.store import load_dataset

__all__ = ["extract_files", "extract_text", "load_dataset"]
