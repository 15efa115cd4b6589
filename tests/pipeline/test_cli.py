"""The ``vanban`` command end to end on real files: extract, errors, eval, schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.record import DOCUMENT_FIELDS
from tests.conftest import DOCUMENTS, GOLD, SEEDS


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_extract_the_bundled_corpus(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(SEEDS), "-o", str(out), "--quiet"]) == 0
    records = _lines(out / "documents.jsonl")
    assert sorted(r["id"] for r in records) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert _lines(out / "errors.jsonl") == []
    chi_thi = next(r for r in records if r["id"] == "002_b2209b564e01dc84")
    assert chi_thi["number"] == "14/CT-UBND"
    for field in DOCUMENT_FIELDS:
        assert field in chi_thi


def test_every_input_is_a_record_or_an_error_row(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS / "002_b2209b564e01dc84.txt", inputs / "good.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (inputs / "image.txt").write_bytes(bytes(range(256)))
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out), "--quiet"]) == 1  # errors occurred
    records = _lines(out / "documents.jsonl")
    errors = {e["id"]: e["error"] for e in _lines(out / "errors.jsonl")}
    assert [r["id"] for r in records] == ["good"]
    assert set(errors) == {"empty", "broken", "image"}
    assert errors["empty"] == "empty file"
    assert "PDF" in errors["broken"]


def test_the_console_script_prints_a_summary(tmp_path):
    # the command installed beside the interpreter running the tests
    vanban = shutil.which("vanban", path=str(Path(sys.executable).parent)) or shutil.which("vanban")
    if vanban is None:
        pytest.skip("the vanban command is not installed in this environment")
    result = subprocess.run(
        [vanban, "extract", str(SEEDS), "-o", str(tmp_path / "out")], capture_output=True, text=True, check=True
    )
    assert "14/CT-UBND" in result.stdout
    assert "5 inputs: 5 records, 0 errors" in result.stdout


def test_eval_on_the_corpus_gold(tmp_path):
    """The bar on the development gold (the seeds and corpus/gold/*.gold.json, the blind batches
    in its sub-folders aside): every document field ≥ 0.95 accuracy."""
    if not DOCUMENTS.exists():
        pytest.skip("shared corpus not found; the gold of its documents cannot be scored")
    report_path = tmp_path / "report.json"
    development = [str(SEEDS), *map(str, sorted((GOLD / "gold").glob("*.gold.json")))]
    assert main(["eval", "--gold", *development, "--corpus", str(DOCUMENTS.parent), "--json", str(report_path)]) == 0
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["documents"] >= 26
    for field, scores in report["document_fields"].items():
        assert scores["accuracy"] >= 0.95, (field, scores)


def test_eval_scores_a_predictions_file(tmp_path):
    out = tmp_path / "out"
    main(["extract", str(SEEDS), "-o", str(out), "--quiet"])
    report_path = tmp_path / "report.json"
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(SEEDS / "002_b2209b564e01dc84.gold.json", gold)
    main(["eval", "--gold", str(gold), "--pred", str(out / "documents.jsonl"), "--json", str(report_path)])
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["documents"] == 1
    assert report["document_fields"]["number"]["accuracy"] == 1.0


def test_schema_is_generated_from_the_record_model(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert {"legal_refs", "tasks", "deadlines", "statistics", "people", "number"} <= set(schema["properties"])


def test_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "extract" in result.stdout


def test_dask_without_the_extra_is_one_line_saying_how_to_install_it(tmp_path):
    """On a plain install (``distributed`` cannot be imported) --dask is a one-line error, exit 2."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], inputs)
    blocked = "import sys; sys.modules['distributed'] = None; from pipeline.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", blocked, "extract", str(inputs), "-o", str(tmp_path / "out"), "--dask", "local"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 2
    assert done.stderr.strip() == 'vanban extract --dask needs Dask: pip install "vanban[dask]"'
    assert not (tmp_path / "out").exists()
