"""The notebooks on an archive whose lists are filled (gold items placed on the seeds' text).

CI also executes them as they are, on a fresh extraction of the bundled corpus (pytest
--nbmake notebooks, in the README's test command); this test makes sure the paths that draw
real content (rankings, the citation graph, the calendar, statistics) run too.
"""

from __future__ import annotations

import os

import nbformat
import pytest
from nbclient import NotebookClient

from pipeline.store import write_output
from tests.conftest import ROOT, SEEDS
from tests.gold_records import gold_records


@pytest.mark.parametrize("name", ["01_citations.ipynb", "02_deadlines_obligations.ipynb"])
def test_notebook_runs_on_filled_records(tmp_path, monkeypatch, name):
    write_output(tmp_path / "out", gold_records(SEEDS))
    monkeypatch.setenv("VANBAN_NOTEBOOK_OUT", str(tmp_path / "out"))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    NotebookClient(notebook, timeout=120, resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    assert sum("image/png" in o.get("data", {}) for o in outputs) >= 2
    text = "".join(str(o.get("text", "")) + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "no legal references" not in text and "5 records" in text
