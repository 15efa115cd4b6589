"""Batch runs on real files: processes agree with one process, reruns skip what is unchanged,
a slow document or a vanished file becomes an error row and the batch goes on."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from pipeline.batch import extract_files, run_batch
from pipeline.cli import main
from pipeline.store import JOURNAL, TABLES
from tests.conftest import SEEDS


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def inputs(tmp_path):
    """The bundled seeds and three files that cannot be read."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (folder / "image.txt").write_bytes(bytes(range(256)))
    return folder


def test_processes_give_what_one_process_gives(inputs, tmp_path):
    parallel = run_batch([inputs], tmp_path / "parallel", jobs=2)
    single = run_batch([inputs], tmp_path / "single", jobs=1)
    for name in ("documents.jsonl", "errors.jsonl"):
        assert (tmp_path / "parallel" / name).read_bytes() == (tmp_path / "single" / name).read_bytes()
    # and both are what the plain generator gives, in input order
    expected = [r.model_dump(mode="json") for r in extract_files([inputs]) if not hasattr(r, "error")]
    assert _lines(tmp_path / "parallel" / "documents.jsonl") == expected
    assert parallel.records == single.records == 5
    assert parallel.errors == 3
    for name in TABLES:
        assert (tmp_path / "parallel" / f"{name}.parquet").exists()


def test_every_input_once_and_the_exit_code_says_errors(inputs, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "-o", str(out), "--quiet"]) == 1
    ids = [r["id"] for r in _lines(out / "documents.jsonl")] + [e["id"] for e in _lines(out / "errors.jsonl")]
    assert sorted(ids) == sorted(p.stem for p in inputs.iterdir())


def test_a_rerun_skips_unchanged_documents_and_redoes_changed_ones(inputs, tmp_path):
    out = tmp_path / "out"
    first = run_batch([inputs], out, jobs=2)
    before = (out / "documents.jsonl").read_bytes()
    again = run_batch([inputs], out, jobs=2)
    assert (again.skipped, again.extracted) == (first.inputs, 0)
    assert (out / "documents.jsonl").read_bytes() == before

    changed = inputs / "002_b2209b564e01dc84.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("14/CT-UBND", "15/CT-UBND"), encoding="utf-8")
    third = run_batch([inputs], out, jobs=2)
    assert (third.extracted, third.skipped) == (1, first.inputs - 1)
    record = next(r for r in _lines(out / "documents.jsonl") if r["id"] == "002_b2209b564e01dc84")
    assert record["number"] == "15/CT-UBND"
    # the journal is compacted to one line per input
    assert len((out / JOURNAL).read_text(encoding="utf-8").splitlines()) == first.inputs


def test_a_document_over_the_time_limit_is_an_error_row(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    seed = (SEEDS / "002_b2209b564e01dc84.txt").read_text(encoding="utf-8")
    (folder / "huge.txt").write_text(seed * 300, encoding="utf-8")  # ~3 MB: seconds, not 10 ms
    shutil.copy(SEEDS / "002_b2209b564e01dc84.txt", folder / "small.txt")
    out = tmp_path / "out"
    assert main(["extract", str(folder), "-o", str(out), "--quiet", "--timeout", "0.01", "--jobs", "1"]) == 1
    errors = {e["id"]: e["error"] for e in _lines(out / "errors.jsonl")}
    assert "time limit" in errors["huge"]
    ids = [r["id"] for r in _lines(out / "documents.jsonl")] + list(errors)
    assert sorted(ids) == ["huge", "small"]


def test_a_file_that_vanishes_mid_run_is_an_error_row(inputs, tmp_path):
    doomed = inputs / "001_9adf04b5d843a828.txt"

    def vanish(todo, skipped):  # after the run has listed and hashed its inputs
        doomed.unlink()

    result = run_batch([inputs], tmp_path / "out", jobs=2, on_start=vanish)
    errors = {e["id"]: e["error"] for e in _lines(tmp_path / "out" / "errors.jsonl")}
    assert "not found" in errors["001_9adf04b5d843a828"]
    assert result.records == 4


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_an_error_row(inputs, tmp_path):
    locked = inputs / "000_009e8832d9950d3a.txt"
    locked.chmod(0)
    try:
        run_batch([inputs], tmp_path / "out", jobs=1)
    finally:
        locked.chmod(0o644)
    errors = {e["id"]: e["error"] for e in _lines(tmp_path / "out" / "errors.jsonl")}
    assert "permission denied" in errors["000_009e8832d9950d3a"]
