"""vanban's pipeline: reading files, running the extractors, writing and scoring records.

The public surface is three verbs: ``extract_text`` (one text to a ``Record``),
``extract_files`` (files and folders to records or error rows) and ``load_dataset`` (an
output folder of ``vanban extract`` to pandas DataFrames: ``load_dataset("out").tasks``).
"""

from pipeline.batch import extract_files
from pipeline.extract import extract_text
from pipeline.store import load_dataset

__all__ = ["extract_files", "extract_text", "load_dataset"]
